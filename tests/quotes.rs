//! Quote extraction measured against hand labels (`tests/data/quotes/*.toml`, see the README
//! there): each file names an article and lists its quotations by their first words, with their
//! speakers. For every article the test runs `brief::quotes::extract` and counts:
//!
//! - **quote recall**: labelled quotes found, i.e. some extracted quote's text starts with the
//!   label's `starts` (whitespace normalised, a trailing comma dropped as the extractor drops it;
//!   the first such quote is the label's match);
//! - **speaker precision**: among matched quotes that have a speaker, the share whose speaker is
//!   the label's: equal, or the same last word, ignoring case ("Peskov" for "Dmitry Peskov");
//!   a speaker given where the label has none ("") counts as wrong;
//! - **speaker recall**: labelled quotes with a speaker that were found with that speaker.
//!
//! Extracted quotes that match no label do not count against precision: the labels leave out
//! parts of broken quotes after the first, and scare quotes and titles are below the extractor's
//! four words anyway.
//!
//! Paragraphs: the articles are split into blank-line separated blocks, and each line of a block
//! is a paragraph of its own (none of the articles wraps its lines, and the sample articles put
//! one paragraph per line with no blank line between). A first line with no sentence punctuation
//! (`.`, `!`, `?`) is a headline and is dropped.
//!
//! Articles from the evaluation data (`eval:` paths, under `../shared/eval`) are skipped with a
//! message when that folder is absent. `cargo test --test quotes -- --nocapture` prints the
//! figures; with `BRIEF_QUOTES_VERBOSE=1` it also prints every miss and every wrong speaker.

use std::path::{Path, PathBuf};

use brief::quotes::{self, Quote};
use serde::Deserialize;

mod common;

/// Floors the test holds the extractor to. Measured on the 44 labelled articles when this was
/// written: quote recall 0.997, speaker precision 0.977, speaker recall 0.787 (the five sample
/// articles alone, without the evaluation data: 1.000, 1.000, 1.000). The recall floors sit a
/// few points below; the speaker recall floor keeps precision from being bought by naming nobody.
const MIN_SPEAKER_PRECISION: f64 = 0.9;
const MIN_QUOTE_RECALL: f64 = 0.95;
const MIN_SPEAKER_RECALL: f64 = 0.72;
const MIN_HELD_OUT_SPEAKER_RECALL: f64 = 0.6;

#[derive(Deserialize)]
struct Fixture {
    article: String,
    #[serde(default)]
    quote: Vec<Label>,
}

#[derive(Deserialize)]
struct Label {
    starts: String,
    speaker: String,
}

/// Counts over some articles.
#[derive(Default)]
struct Tally {
    articles: usize,
    labels: usize,
    found: usize,
    /// Matched quotes with a speaker, and those whose speaker is right.
    attributed: usize,
    right: usize,
    /// Labels with a speaker, and those found with it.
    with_speaker: usize,
    found_with_speaker: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.articles += other.articles;
        self.labels += other.labels;
        self.found += other.found;
        self.attributed += other.attributed;
        self.right += other.right;
        self.with_speaker += other.with_speaker;
        self.found_with_speaker += other.found_with_speaker;
    }

    fn recall(&self) -> f64 {
        ratio(self.found, self.labels)
    }

    fn precision(&self) -> f64 {
        ratio(self.right, self.attributed)
    }

    fn speaker_recall(&self) -> f64 {
        ratio(self.found_with_speaker, self.with_speaker)
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name:<7} {:>3} articles {:>4} quotes: quote recall {:.3} ({}/{}), speaker precision {:.3} ({}/{}), speaker recall {:.3} ({}/{})",
            self.articles,
            self.labels,
            self.recall(),
            self.found,
            self.labels,
            self.precision(),
            self.right,
            self.attributed,
            self.speaker_recall(),
            self.found_with_speaker,
            self.with_speaker,
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The paragraphs of an article, as the header describes.
fn paragraphs(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.first().is_some_and(|l| !l.contains(['.', '!', '?'])) {
        lines.remove(0);
    }
    lines
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether an extracted speaker is the labelled one: equal, or the same last word.
fn same_speaker(got: &str, label: &str) -> bool {
    let last = |s: &str| s.split_whitespace().last().map(str::to_lowercase);
    got.eq_ignore_ascii_case(label) || (last(got).is_some() && last(got) == last(label))
}

/// The article's text, or None when it lives in absent evaluation data.
fn article(spec: &str, eval: &Path) -> Option<String> {
    let path = match spec.strip_prefix("eval:") {
        Some(rel) if eval.is_dir() => eval.join(rel),
        Some(_) => return None,
        None => root().join(spec),
    };
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// Scores one article against its labels.
fn score(name: &str, labels: &[Label], quotes: &[Quote], verbose: bool) -> Tally {
    let mut t = Tally {
        articles: 1,
        labels: labels.len(),
        ..Tally::default()
    };
    let texts: Vec<String> = quotes.iter().map(|q| normalise(&q.text)).collect();
    for label in labels {
        // The extractor drops a quote's trailing comma; an anchor may keep it.
        let starts = normalise(label.starts.trim_end_matches(','));
        if !label.speaker.is_empty() {
            t.with_speaker += 1;
        }
        let Some(k) = texts.iter().position(|q| q.starts_with(&starts)) else {
            if verbose {
                println!("MISS    {name}: {:?} ({:?})", label.starts, label.speaker);
            }
            continue;
        };
        t.found += 1;
        let Some(got) = &quotes[k].speaker else {
            if verbose && !label.speaker.is_empty() {
                println!("NO ONE  {name}: {:?} ({:?})", label.starts, label.speaker);
            }
            continue;
        };
        t.attributed += 1;
        if !label.speaker.is_empty() && same_speaker(got, &label.speaker) {
            t.right += 1;
            t.found_with_speaker += 1;
        } else if verbose {
            println!(
                "WRONG   {name}: {:?}: got {got:?}, label {:?}",
                label.starts, label.speaker
            );
        }
    }
    t
}

#[test]
fn quotes_and_speakers_against_the_labels() {
    measure(&root().join("tests/data/quotes"), "", MIN_SPEAKER_RECALL);
}

/// The held-out labels (`tests/data/quotes/heldout/`): articles chosen by a fixed rule and
/// labelled after the extractor was written, never used to develop it.
#[test]
fn quotes_and_speakers_against_the_held_out_labels() {
    // Its speaker-recall floor is lower: set before looking at what it misses, to catch an
    // extractor that names nobody, not to track the figure (0.719 when the set was made).
    measure(
        &root().join("tests/data/quotes/heldout"),
        "held out: ",
        MIN_HELD_OUT_SPEAKER_RECALL,
    );
}

/// Scores the extractor on every fixture of `dir`, prints the figures per set and asserts the
/// floors.
fn measure(dir: &Path, label: &str, min_speaker_recall: f64) {
    // The fixtures from the evaluation data need it; the sample's do not.
    let eval = common::shared_eval("").unwrap_or_else(|| root().join("../shared/eval"));
    let verbose = std::env::var_os("BRIEF_QUOTES_VERBOSE").is_some();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    let sets = ["sample", "cnndm", "bbc"];
    let mut per_set: Vec<Tally> = sets.iter().map(|_| Tally::default()).collect();
    let mut skipped = 0;
    for path in &files {
        let name = path.file_stem().unwrap_or_default().to_string_lossy();
        let text = std::fs::read_to_string(path).unwrap();
        let fixture: Fixture =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let Some(body) = article(&fixture.article, &eval) else {
            skipped += 1;
            continue;
        };
        let quotes = quotes::extract(&paragraphs(&body));
        let t = score(&name, &fixture.quote, &quotes, verbose);
        let set = sets.iter().position(|s| name.starts_with(s)).unwrap_or(0);
        per_set[set].add(&t);
    }
    if skipped > 0 {
        println!(
            "skipped {skipped} fixtures whose articles are in {} (absent)",
            eval.display()
        );
    }
    let mut all = Tally::default();
    for (set, t) in sets.iter().zip(&per_set) {
        if t.articles > 0 {
            println!("{label}{}", t.line(set));
        }
        all.add(t);
    }
    if all.articles == 0 {
        println!("{label}nothing measured: every fixture's article is in the absent eval data");
        return;
    }
    println!("{label}{}", all.line("all"));
    assert!(
        all.precision() >= MIN_SPEAKER_PRECISION,
        "speaker precision {:.3} < {MIN_SPEAKER_PRECISION}",
        all.precision()
    );
    assert!(
        all.recall() >= MIN_QUOTE_RECALL,
        "quote recall {:.3} < {MIN_QUOTE_RECALL}",
        all.recall()
    );
    assert!(
        all.speaker_recall() >= min_speaker_recall,
        "speaker recall {:.3} < {min_speaker_recall}",
        all.speaker_recall()
    );
}
