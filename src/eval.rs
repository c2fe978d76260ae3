//! Evaluation: ROUGE-1, ROUGE-2 and ROUGE-L (precision, recall, F1) computed as Google's
//! rouge-score 0.1.2 computes them (the scorer `../shared/peers/compare.py` uses), so figures from
//! `brief eval` and from the peers' scorer agree:
//!
//! - text is lowercased, every run of characters other than `a-z0-9` is a separator;
//! - with stemming, tokens longer than three characters get NLTK's Porter stem (nltk-porter);
//! - ROUGE-N counts clipped n-gram matches; ROUGE-L is the longest common subsequence of the two
//!   token sequences (not the summary-level variant);
//! - F1 is 2PR / (P + R); with several references, each measure is averaged over them;
//! - a summary can be cut to its first N whitespace-separated words first (ROUGE-1.5.5's `-l`).
//!
//! Evaluation never summarizes by itself: dataset mode calls [`crate::pipeline::summarize`], the
//! code path `brief summarize` takes.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::warning::Warning;

/// Scoring options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RougeOptions {
    /// Porter-stem tokens longer than three characters.
    pub stem: bool,
    /// Cut the summary to this many words before scoring.
    pub limit_words: Option<usize>,
}

impl Default for RougeOptions {
    fn default() -> Self {
        RougeOptions {
            stem: true,
            limit_words: None,
        }
    }
}

/// Precision, recall and F1 of one measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Score {
    fn new(matches: f64, predicted: f64, reference: f64) -> Score {
        let precision = if predicted > 0.0 {
            matches / predicted
        } else {
            0.0
        };
        let recall = if reference > 0.0 {
            matches / reference
        } else {
            0.0
        };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Score {
            precision,
            recall,
            f1,
        }
    }

    fn add(&mut self, other: &Score) {
        self.precision += other.precision;
        self.recall += other.recall;
        self.f1 += other.f1;
    }

    fn scale(&mut self, k: f64) {
        self.precision *= k;
        self.recall *= k;
        self.f1 *= k;
    }
}

/// The three measures for one summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Rouge {
    pub rouge1: Score,
    pub rouge2: Score,
    #[serde(rename = "rougeL")]
    pub rouge_l: Score,
}

impl Rouge {
    /// Mean of several results (all zero for none).
    pub fn mean<'a>(items: impl IntoIterator<Item = &'a Rouge>) -> Rouge {
        let mut sum = Rouge::default();
        let mut n = 0usize;
        for r in items {
            sum.rouge1.add(&r.rouge1);
            sum.rouge2.add(&r.rouge2);
            sum.rouge_l.add(&r.rouge_l);
            n += 1;
        }
        if n > 0 {
            let k = 1.0 / n as f64;
            sum.rouge1.scale(k);
            sum.rouge2.scale(k);
            sum.rouge_l.scale(k);
        }
        sum
    }
}

/// Tokens as rouge-score makes them.
pub(crate) fn tokenize(text: &str, stem: bool) -> Vec<String> {
    let lower = text.to_lowercase();
    let spaced: String = lower
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                c
            } else {
                ' '
            }
        })
        .collect();
    let stemmer = stem.then(|| nltk_porter::PorterStemmer::new(nltk_porter::Mode::Nltk));
    spaced
        .split_whitespace()
        .map(|t| match &stemmer {
            Some(s) if t.len() > 3 => s.stem(t),
            _ => t.to_string(),
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// The first `n` whitespace-separated words of `text`, joined by single spaces.
pub(crate) fn truncate_words(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Scores `summary` against each reference and averages.
pub fn score(summary: &str, references: &[&str], opts: RougeOptions) -> Rouge {
    let summary = match opts.limit_words {
        Some(n) => truncate_words(summary, n),
        None => summary.to_string(),
    };
    let predicted = tokenize(&summary, opts.stem);
    let per_reference: Vec<Rouge> = references
        .iter()
        .map(|r| {
            let target = tokenize(r, opts.stem);
            Rouge {
                rouge1: ngram_score(&target, &predicted, 1),
                rouge2: ngram_score(&target, &predicted, 2),
                rouge_l: lcs_score(&target, &predicted),
            }
        })
        .collect();
    Rouge::mean(&per_reference)
}

fn ngram_score(target: &[String], predicted: &[String], n: usize) -> Score {
    let t = ngrams(target, n);
    let p = ngrams(predicted, n);
    let matches: usize = t
        .iter()
        .map(|(g, &c)| c.min(p.get(g).copied().unwrap_or(0)))
        .sum();
    let total_t: usize = t.values().sum();
    let total_p: usize = p.values().sum();
    Score::new(matches as f64, total_p.max(1) as f64, total_t.max(1) as f64)
}

fn ngrams(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut counts: HashMap<&[String], usize> = HashMap::new();
    if tokens.len() >= n {
        for w in tokens.windows(n) {
            *counts.entry(w).or_default() += 1;
        }
    }
    counts
}

fn lcs_score(target: &[String], predicted: &[String]) -> Score {
    if target.is_empty() || predicted.is_empty() {
        return Score::default();
    }
    // One row of the dynamic-programming table at a time.
    let mut prev = vec![0usize; predicted.len() + 1];
    let mut row = vec![0usize; predicted.len() + 1];
    for t in target {
        for (j, p) in predicted.iter().enumerate() {
            row[j + 1] = if t == p {
                prev[j] + 1
            } else {
                row[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut row);
    }
    let lcs = prev[predicted.len()] as f64;
    Score::new(lcs, predicted.len() as f64, target.len() as f64)
}

/// How [`evaluate`] summarizes and scores.
pub struct Setup<'a> {
    pub language: crate::lang::LanguageChoice,
    /// Remove inline furniture (see [`crate::corpus::Corpus::build_with`]).
    pub inline_furniture: bool,
    pub options: &'a crate::pipeline::Options,
    /// Scoring; `limit_words: None` cuts the summary to the budget, as compare.py does.
    pub rouge: RougeOptions,
}

/// The result of [`evaluate`].
#[derive(Clone, Debug)]
pub struct Evaluated {
    /// The word budget used.
    pub budget: usize,
    pub rouge: Rouge,
    /// What reading the article skipped or changed, each naming `<unit>/article.txt`.
    pub warnings: Vec<Warning>,
}

/// Summarizes a unit's article as `brief summarize --words B` does, with B = `budget` or the
/// first reference's word count, and scores it against every reference.
pub fn evaluate(unit: &Unit, budget: Option<usize>, setup: &Setup) -> crate::Result<Evaluated> {
    let io = |path: &Path, e: std::io::Error| crate::Error::Read {
        path: path.to_path_buf(),
        source: e,
    };
    let article_path = unit.dir.join("article.txt");
    let bytes = std::fs::read(&article_path).map_err(|e| io(&article_path, e))?;
    let refs: Vec<String> = unit
        .references
        .iter()
        .map(|p| std::fs::read_to_string(p).map_err(|e| io(p, e)))
        .collect::<crate::Result<_>>()?;
    let budget = budget.unwrap_or_else(|| crate::text::word_count(&refs[0]).max(1));
    let article = crate::ingest::parse(&article_path, "article.txt", &bytes)?;
    let corpus =
        crate::corpus::Corpus::build_with(vec![article], setup.language, setup.inline_furniture);
    let lines =
        crate::pipeline::summarize(&corpus, crate::select::Budget::Words(budget), setup.options);
    let summary: Vec<_> = lines.iter().map(|l| corpus.line_text(l.id)).collect();
    let rouge_opts = RougeOptions {
        limit_words: Some(setup.rouge.limit_words.unwrap_or(budget)),
        ..setup.rouge
    };
    let ref_texts: Vec<&str> = refs.iter().map(String::as_str).collect();
    let warnings = corpus
        .warnings
        .iter()
        .map(|w| Warning {
            file: unit_file(&unit.id, "article.txt"),
            ..w.clone()
        })
        .collect();
    Ok(Evaluated {
        budget,
        rouge: score(&summary.join("\n"), &ref_texts, rouge_opts),
        warnings,
    })
}

/// A file of a unit, named as warnings name it: `<unit id>/<name>`, or the name alone for a unit
/// at the set's root.
fn unit_file(id: &str, name: &str) -> String {
    if id.is_empty() {
        name.to_string()
    } else {
        format!("{id}/{name}")
    }
}

/// One item of an evaluation set: a folder holding `article.txt` and `ref*.txt`.
#[derive(Clone, Debug)]
pub struct Unit {
    /// Path of the folder relative to the set's root, with `/` separators.
    pub id: String,
    pub dir: PathBuf,
    /// `ref*.txt` files, sorted by name.
    pub references: Vec<PathBuf>,
}

/// Every folder under `root` that holds `article.txt` and at least one `ref*.txt`, sorted by
/// path. (This reads the file system, unlike the rest of the library: a data set is a folder
/// layout, and tests and benchmarks walk it too.)
pub fn find_units(root: &Path) -> crate::Result<Vec<Unit>> {
    Ok(find_units_and_gaps(root)?.0)
}

/// [`find_units`], with a warning for each folder that holds `article.txt` but no `ref*.txt`
/// (left out of the set), for each symbolic link that leads back to a folder above it (not
/// followed again) and for each link that cannot be followed (to nothing, or to itself). Links
/// are followed (a data set may be a folder of links); hidden folders are not read. A folder that
/// cannot be read is an error naming it.
pub fn find_units_and_gaps(root: &Path) -> crate::Result<(Vec<Unit>, Vec<Warning>)> {
    let id_of = |dir: &Path| {
        dir.strip_prefix(root)
            .unwrap_or(dir)
            .to_string_lossy()
            .replace('\\', "/")
    };
    // Each folder's article and references, in walking order (sorted by name).
    let mut folders: BTreeMap<PathBuf, (bool, Vec<PathBuf>)> = BTreeMap::new();
    let mut gaps = Vec::new();
    let walk = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) if e.loop_ancestor().is_some() => {
                let path = e.path().unwrap_or(root);
                gaps.push(Warning::new(
                    id_of(path),
                    "skipped: a symbolic link back to a folder above it (a loop)",
                ));
                continue;
            }
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                let link = path
                    .symlink_metadata()
                    .is_ok_and(|m| m.file_type().is_symlink());
                let source = e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("cannot be walked"));
                if link {
                    gaps.push(Warning::new(
                        id_of(&path),
                        format!("skipped: a symbolic link that cannot be followed ({source})"),
                    ));
                    continue;
                }
                return Err(crate::Error::Read { path, source });
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        let Some(dir) = entry.path().parent() else {
            continue;
        };
        if name == "article.txt" {
            folders.entry(dir.to_path_buf()).or_default().0 = true;
        } else if name.starts_with("ref") && name.ends_with(".txt") {
            let folder = folders.entry(dir.to_path_buf()).or_default();
            folder.1.push(entry.path().to_path_buf());
        }
    }
    let mut out = Vec::new();
    for (dir, (has_article, references)) in folders {
        if !has_article {
            continue;
        }
        if references.is_empty() {
            gaps.push(Warning::new(
                unit_file(&id_of(&dir), "article.txt"),
                "skipped: no ref*.txt beside it",
            ));
            continue;
        }
        out.push(Unit {
            id: id_of(&dir),
            dir,
            references,
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    gaps.sort_by(|a, b| a.file.cmp(&b.file));
    Ok((out, gaps))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A link back to a folder above is walked once, with a warning, not until the path is too
    /// long (it used to count one article 41 times); a link to another unit is followed.
    #[cfg(unix)]
    #[test]
    fn units_are_found_once_through_links_and_loops() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        for (file, text) in [
            ("a/article.txt", "A."),
            ("a/ref1.txt", "A."),
            ("a/ref0.txt", "A."),
            ("elsewhere/b/article.txt", "B."),
            ("elsewhere/b/ref.txt", "B."),
            ("set/c/article.txt", "C."),
            (".hidden/d/article.txt", "D."),
            (".hidden/d/ref.txt", "D."),
        ] {
            let path = root.join("set").join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let set = root.join("set");
        std::os::unix::fs::symlink(&set, set.join("a/up")).unwrap();
        std::os::unix::fs::symlink(set.join("elsewhere/b"), set.join("b-link")).unwrap();
        std::os::unix::fs::symlink(set.join("nowhere"), set.join("a/dangling")).unwrap();
        std::os::unix::fs::symlink(set.join("a/me"), set.join("a/me")).unwrap();
        let (units, warnings) = find_units_and_gaps(&set).unwrap();
        let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["a", "b-link", "elsewhere/b"]);
        let refs: Vec<String> = units[0]
            .references
            .iter()
            .map(|r| r.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(refs, ["ref0.txt", "ref1.txt"]);
        let warnings: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(warnings.len(), 4, "{warnings:?}");
        let expected = [
            "a/dangling: skipped: a symbolic link that cannot be followed",
            "a/me: skipped: a symbolic link that cannot be followed",
            "a/up: skipped: a symbolic link back",
            "set/c/article.txt: skipped: no ref",
        ];
        for (w, start) in warnings.iter().zip(expected) {
            assert!(w.starts_with(start), "{warnings:?}");
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn tokens_like_rouge_score() {
        assert_eq!(
            tokenize("The U.S.-Russia talks, in 2025!", false),
            ["the", "u", "s", "russia", "talks", "in", "2025"]
        );
        assert_eq!(
            tokenize("Running talks resumed", true),
            ["run", "talk", "resum"]
        );
        // Tokens of three characters or fewer are not stemmed.
        assert_eq!(tokenize("ran was", true), ["ran", "was"]);
        assert_eq!(tokenize("Café naïve", false), ["caf", "na", "ve"]);
    }

    #[test]
    fn scores_by_hand() {
        let opts = RougeOptions {
            stem: false,
            limit_words: None,
        };
        let r = score("the cat sat on the mat", &["the cat was on the mat"], opts);
        // Unigrams: the×2, cat, on, mat match: 5 of 6 both ways.
        assert!(close(r.rouge1.precision, 5.0 / 6.0) && close(r.rouge1.recall, 5.0 / 6.0));
        // Bigrams: "the cat", "on the", "the mat": 3 of 5.
        assert!(close(r.rouge2.f1, 3.0 / 5.0));
        // LCS: the cat on the mat = 5.
        assert!(close(r.rouge_l.f1, 5.0 / 6.0));
    }

    #[test]
    fn several_references_are_averaged_and_limit_cuts() {
        let opts = RougeOptions {
            stem: false,
            limit_words: Some(2),
        };
        let r = score("a b c d", &["a b", "x y"], opts);
        assert!(close(r.rouge1.f1, 0.5));
        let empty = score("", &["a"], RougeOptions::default());
        assert_eq!(empty, Rouge::default());
    }
}
