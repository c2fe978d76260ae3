//! A digest of everything `brief::quotes::extract` finds in a set of articles, to show that a
//! change to the extractor (a speed-up) leaves its output unchanged: record the digest before,
//! again after, and compare the files byte for byte.
//!
//! ```text
//! cargo run --release --example quotes_digest -- /tmp/before.txt [EXTRA_DIR ...]
//! ```
//!
//! Articles: every `article.txt` under `../shared/eval` (cnndm, bbc), the wikiref220 articles
//! (`../shared/eval/wikiref220/articles/*.txt`), the sample in `input/`, and every `.txt` under
//! each extra directory given. Each article is split into paragraphs twice: as
//! `tests/quotes.rs` does (every non-empty line a paragraph, a first line with no sentence
//! punctuation dropped as a headline), and as blank-line separated blocks with their lines joined
//! by a space (long paragraphs with many quotes, closer to what the pipeline passes). Every quote
//! is one line: article, mode, paragraph, byte range, text and speaker (escaped with `{:?}`).
//! The time spent in `extract` is printed on stderr.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use brief::quotes;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: quotes_digest OUT_FILE [EXTRA_DIR ...]");
        std::process::exit(2);
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let eval = root.join("../shared/eval");
    let mut files = Vec::new();
    walk(
        &eval,
        &mut |p| {
            let wikiref = p
                .parent()
                .is_some_and(|d| d.ends_with("wikiref220/articles"));
            (p.file_name().is_some_and(|n| n == "article.txt") || wikiref)
                && p.extension().is_some_and(|x| x == "txt")
        },
        &mut files,
    );
    walk(&root.join("input"), &mut is_txt, &mut files);
    for dir in args {
        walk(Path::new(&dir), &mut is_txt, &mut files);
    }
    files.sort();
    files.dedup();

    let mut digest = String::new();
    let mut spent = [Duration::ZERO; 2];
    let mut found = [0usize; 2];
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        for (mode, paragraphs) in [lines(&text), blocks(&text)].into_iter().enumerate() {
            let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
            let t = Instant::now();
            let quotes = quotes::extract(&refs);
            spent[mode] += t.elapsed();
            found[mode] += quotes.len();
            for q in quotes {
                writeln!(
                    digest,
                    "{}\t{}\t{}\t{}..{}\t{:?}\t{:?}",
                    path.display(),
                    ["lines", "blocks"][mode],
                    q.paragraph,
                    q.range.start,
                    q.range.end,
                    q.text,
                    q.speaker
                )
                .expect("writing to a String");
            }
        }
    }
    std::fs::write(&out, digest).unwrap_or_else(|e| panic!("{out}: {e}"));
    eprintln!(
        "{} articles; lines: {} quotes in {:.3}s; blocks: {} quotes in {:.3}s",
        files.len(),
        found[0],
        spent[0].as_secs_f64(),
        found[1],
        spent[1].as_secs_f64()
    );
}

fn is_txt(p: &Path) -> bool {
    p.extension().is_some_and(|x| x == "txt")
}

/// Files under `dir` (recursively, links not followed) that `keep` accepts; nothing when `dir`
/// is absent.
fn walk(dir: &Path, keep: &mut dyn FnMut(&Path) -> bool, out: &mut Vec<PathBuf>) {
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if e.file_type().is_file() && keep(e.path()) {
            out.push(e.into_path());
        }
    }
}

/// Paragraphs as `tests/quotes.rs` makes them: every non-empty line, a headline dropped.
fn lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if lines.first().is_some_and(|l| !l.contains(['.', '!', '?'])) {
        lines.remove(0);
    }
    lines
}

/// Blank-line separated blocks, their lines joined by a space.
fn blocks(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}
