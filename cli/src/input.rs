//! Reading articles from the file system: a folder (recursively, sorted by path, hidden entries
//! skipped), one file, or standard input. Every error names the file.
//!
//! Like ripgrep, symbolic links in a folder are not followed unless asked (`--follow`): a link
//! skipped, a link loop or a link to nothing is a warning naming it, never the end of the build.
//! The output folder, when it lies inside the input folder, is never read as input. An article
//! longer than [`ARTICLE_LIMIT`] is read up to the limit (at a line end), with a warning.
//!
//! A folder is read and analysed in one parallel pass, each file as soon as the listing finds it:
//! its bytes are decoded, parsed and analysed, then dropped, so no article's text is ever held
//! twice over (docs/performance.md).
//! When several files are bad, the error names the first by path, whatever the thread count.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use brief::corpus::{Analysed, Analysis, Corpus};
use brief::ingest::{self, Article};
use brief::progress::{Progress, Stage};
use brief::warning::Warning;

/// The most bytes read from standard input: one article, however long, is far smaller.
pub const STDIN_LIMIT: u64 = 64 * 1024 * 1024;

/// The most bytes of one article that are read: 16 MiB, over three times the 5 MB article
/// docs/performance.md times at 0.38 s; past it, the rest of the file is left out with a warning.
pub const ARTICLE_LIMIT: usize = 16 * 1024 * 1024;

/// How a folder is read.
#[derive(Clone, Debug, Default)]
pub struct Reading {
    /// Follow symbolic links (`--follow`).
    pub follow: bool,
    /// A folder never read as input (the output folder).
    pub exclude: Option<PathBuf>,
}

/// Hands each `.txt` and `.md` file under `dir` to `found` as (path relative to `dir`, path), in
/// the walk's order (the caller sorts), as soon as it is listed; returns the warnings for the
/// links left out.
fn article_files(
    dir: &Path,
    reading: &Reading,
    mut found: impl FnMut(String, PathBuf),
) -> Result<Vec<Warning>> {
    if !dir.exists() {
        bail!("input folder {} does not exist", dir.display());
    }
    if !dir.is_dir() {
        bail!("{} is not a folder", dir.display());
    }
    let mut warnings = Vec::new();
    let rel_of = |path: &Path| {
        path.strip_prefix(dir)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/")
    };
    let exclude = reading
        .exclude
        .as_ref()
        .and_then(|p| std::fs::canonicalize(p).ok());
    if exclude.is_some() && exclude == std::fs::canonicalize(dir).ok() {
        bail!(
            "the output folder is the input folder {}: briefs would be read back as articles; choose another --out",
            dir.display()
        );
    }
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(reading.follow)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            let hidden = e.file_name().to_string_lossy().starts_with('.');
            let excluded = e.file_type().is_dir()
                && exclude.is_some()
                && std::fs::canonicalize(e.path()).ok() == exclude;
            !hidden && !excluded
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                // A link loop or a link to nothing (with --follow) is skipped; anything else
                // (a folder that cannot be read) stops the build.
                let path = e.path().map(Path::to_path_buf).unwrap_or_default();
                let dangling = e
                    .io_error()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound)
                    && path.is_symlink();
                // A link to itself, or links in a circle: "too many levels of symbolic links".
                let circular = path.is_symlink() && !dangling && e.loop_ancestor().is_none();
                if circular {
                    warnings.push(Warning::new(
                        rel_of(&path),
                        "skipped: symbolic link that leads back to itself",
                    ));
                    continue;
                }
                if e.loop_ancestor().is_some() {
                    warnings.push(Warning::new(
                        rel_of(&path),
                        "skipped: symbolic link to a folder that holds it (a loop)",
                    ));
                    continue;
                }
                if dangling {
                    warnings.push(Warning::new(
                        rel_of(&path),
                        "skipped: symbolic link to nothing (its target does not exist)",
                    ));
                    continue;
                }
                return Err(e).with_context(|| format!("reading folder {}", dir.display()));
            }
        };
        let path = entry.path();
        if entry.path_is_symlink() && !reading.follow {
            let to_folder = path.is_dir();
            let message = if !path.exists() {
                "skipped: symbolic link to nothing (its target does not exist)"
            } else if to_folder {
                "skipped: symbolic link to a folder (--follow reads it)"
            } else {
                "skipped: symbolic link (--follow reads it)"
            };
            if to_folder || ingest::is_article_path(path) {
                warnings.push(Warning::new(rel_of(path), message));
            }
            continue;
        }
        if entry.file_type().is_file() && ingest::is_article_path(path) {
            found(rel_of(path), path.to_path_buf());
        }
    }
    Ok(warnings)
}

/// Reads and analyses every article under `dir`, in parallel.
pub fn read_folder(
    dir: &Path,
    analysis: Analysis,
    reading: &Reading,
    progress: &dyn Progress,
) -> Result<Corpus> {
    // Each file is read and analysed as soon as the walk lists it: the listing (a `stat` per
    // entry when links are followed) runs alongside the analysis instead of before it. The
    // results are then put in path order, so the corpus and the first error named do not
    // depend on which thread finished first.
    progress.start(Stage::Analysing, 0);
    let done: std::sync::Mutex<Vec<(String, Result<Analysed>)>> = Default::default();
    let link_warnings = rayon::scope(|scope| {
        article_files(dir, reading, |rel, path| {
            progress.extend(1);
            let done = &done;
            scope.spawn(move |_| {
                let analysed = read_file_as(&path, &rel).map(|a| Analysed::new(a, analysis));
                progress.advance(1);
                done.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((rel, analysed));
            });
        })
    });
    let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    let link_warnings = link_warnings?;
    if done.is_empty() {
        return Err(brief::Error::NoArticles(dir.to_path_buf()).into());
    }
    done.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let analysed = done
        .into_iter()
        .map(|(_, a)| a)
        .collect::<Result<Vec<Analysed>>>()?;
    let mut corpus = Corpus::assemble(analysed);
    corpus.warnings.splice(0..0, link_warnings);
    Ok(corpus)
}

/// Reads one article file.
pub fn read_file(path: &Path) -> Result<Article> {
    let rel = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article.txt".into());
    read_file_as(path, &rel)
}

fn read_file_as(path: &Path, rel: &str) -> Result<Article> {
    let cannot = || format!("cannot read {}", path.display());
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| {
            // Sized up front, as `fs::read` does: one allocation and few reads per file.
            let len = f.metadata().map_or(0, |m| m.len());
            bytes.reserve(len.min(ARTICLE_LIMIT as u64 + 1) as usize);
            f.take(ARTICLE_LIMIT as u64 + 1).read_to_end(&mut bytes)
        })
        .with_context(cannot)?;
    parse_limited(path, rel, bytes)
}

/// Parses an article, read only up to [`ARTICLE_LIMIT`] bytes (cut at the last line end before
/// it), with a warning when it was cut.
fn parse_limited(path: &Path, rel: &str, mut bytes: Vec<u8>) -> Result<Article> {
    let cut = cut_to_limit(&mut bytes);
    let mut article = ingest::parse(path, rel, &bytes)?;
    if cut {
        article.warnings.push(truncated(rel));
    }
    Ok(article)
}

/// Cuts `bytes` to at most [`ARTICLE_LIMIT`], at the last line end before it (else at a
/// character boundary); returns whether it cut.
pub fn cut_to_limit(bytes: &mut Vec<u8>) -> bool {
    if bytes.len() <= ARTICLE_LIMIT {
        return false;
    }
    let end = bytes[..ARTICLE_LIMIT]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or_else(|| char_floor(bytes, ARTICLE_LIMIT), |i| i + 1);
    bytes.truncate(end);
    true
}

/// The warning for an article cut to [`ARTICLE_LIMIT`].
pub fn truncated(file: &str) -> Warning {
    Warning::new(
        file,
        format!(
            "truncated: longer than {} MiB, the limit for one article; the rest was not read",
            ARTICLE_LIMIT >> 20
        ),
    )
}

/// The largest index at most `at` that does not split a UTF-8 character.
fn char_floor(bytes: &[u8], at: usize) -> usize {
    let mut i = at.min(bytes.len());
    while i > 0 && i < bytes.len() && (bytes[i] & 0xC0) == 0x80 {
        i -= 1;
    }
    i
}

/// Reads one article from standard input (as plain text).
pub fn read_stdin() -> Result<Article> {
    let (path, bytes) = read_any_one(Path::new("-"))?;
    parse_limited(&path, "stdin.txt", bytes)
}

/// Reads the bytes a `<FILE|->` argument names, with the path to name in errors. Standard input
/// stops with an error past [`STDIN_LIMIT`].
pub fn read_any_one(arg: &Path) -> Result<(PathBuf, Vec<u8>)> {
    if arg == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(STDIN_LIMIT + 1)
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        if bytes.len() as u64 > STDIN_LIMIT {
            bail!(
                "standard input is longer than {} MiB, the limit for one article; save it to a file and give its path",
                STDIN_LIMIT >> 20
            );
        }
        Ok((PathBuf::from("<stdin>"), bytes))
    } else {
        let bytes = std::fs::read(arg).with_context(|| format!("cannot read {}", arg.display()))?;
        Ok((arg.to_path_buf(), bytes))
    }
}

/// Reads and analyses what a `<FILE|DIR|->` argument names.
pub fn read_any(
    arg: &Path,
    analysis: Analysis,
    reading: &Reading,
    progress: &dyn Progress,
) -> Result<Corpus> {
    let one = |article: Article| Corpus::analyse(vec![article], analysis, progress);
    if arg == Path::new("-") {
        Ok(one(read_stdin()?))
    } else if arg.is_dir() {
        read_folder(arg, analysis, reading, progress)
    } else if arg.exists() {
        Ok(one(read_file(arg)?))
    } else {
        bail!("{} does not exist", arg.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_articles_are_cut_at_a_line_end_or_a_character_boundary() {
        let mut short = b"one line\n".to_vec();
        assert!(!cut_to_limit(&mut short));
        assert_eq!(short, b"one line\n");
        // Lines of "ab\n": the cut falls after the last whole line before the limit.
        let mut lines = b"ab\n".repeat(ARTICLE_LIMIT / 3 + 10);
        assert!(cut_to_limit(&mut lines));
        assert!(lines.len() <= ARTICLE_LIMIT && lines.len() > ARTICLE_LIMIT - 3);
        assert!(lines.ends_with(b"\n"));
        // No line end at all: the cut never splits a character ("é" is two bytes).
        let mut text = "é".repeat(ARTICLE_LIMIT / 2 + 1).into_bytes();
        let odd = {
            let mut t = b"x".to_vec();
            t.extend_from_slice(&text);
            t
        };
        assert!(cut_to_limit(&mut text));
        assert!(std::str::from_utf8(&text).is_ok());
        let mut odd = odd;
        assert!(cut_to_limit(&mut odd));
        assert!(std::str::from_utf8(&odd).is_ok());
        assert!(odd.len() <= ARTICLE_LIMIT);
    }
}
