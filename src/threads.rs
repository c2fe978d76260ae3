//! Story threads: their definitions (a TOML thread file), the assignment of each article to the
//! thread with the strongest evidence, and discovery of threads when no file is given.
//!
//! Evidence is the number of times a thread's terms occur in an article, matched on stems and
//! case-insensitively, weighted by where they occur: ×3 in the headline, ×2 in the first two
//! sentences (the lead), ×1 elsewhere. An article names its thread itself with front matter
//! `thread:`. An article with no evidence for any thread goes to "Other".

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::corpus::{Corpus, Document};
use crate::error::{Error, Result};
use crate::text;

/// Weight of a term occurrence in the headline.
pub const TITLE_WEIGHT: f64 = 3.0;
/// Weight of a term occurrence in the lead.
pub const LEAD_WEIGHT: f64 = 2.0;
/// Number of sentences that make the lead.
pub const LEAD_SENTENCES: usize = 2;

/// One thread, as the thread file defines it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThreadDef {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Words or phrases that identify the thread ("Riyadh", "prisoner exchange").
    #[serde(default)]
    pub terms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThreadFile {
    #[serde(default)]
    thread: Vec<ThreadDef>,
}

/// Parses a thread file:
///
/// ```toml
/// [[thread]]
/// name = "Riyadh"
/// description = "The first U.S.-Russia talks since the invasion"
/// terms = ["Riyadh", "Diriyah", "Saudi Arabia"]
/// ```
pub fn parse(path: &Path, text: &str) -> Result<Vec<ThreadDef>> {
    let err = |line: Option<usize>, message: String| Error::Threads {
        path: path.to_path_buf(),
        line,
        message,
    };
    let file: ThreadFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| text[..s.start].matches('\n').count() + 1);
        err(line, e.message().trim().to_string())
    })?;
    let line_of = |name: &str| {
        text.lines()
            .position(|l| l.contains("name") && l.contains(&format!("\"{name}\"")))
            .map(|i| i + 1)
    };
    let mut seen: Vec<String> = Vec::new();
    for def in &file.thread {
        if def.name.trim().is_empty() {
            return Err(err(None, "a thread has an empty name".into()));
        }
        let key = def.name.trim().to_lowercase();
        if key == OTHER.to_lowercase() {
            return Err(err(
                line_of(&def.name),
                format!(
                    "thread name {:?} is reserved for articles without a thread",
                    def.name
                ),
            ));
        }
        if seen.contains(&key) {
            return Err(err(
                line_of(&def.name),
                format!("thread {:?} is defined twice", def.name),
            ));
        }
        if let Some(t) = def.terms.iter().find(|t| t.trim().is_empty()) {
            return Err(err(
                line_of(&def.name),
                format!("thread {:?} has an empty term {t:?}", def.name),
            ));
        }
        seen.push(key);
    }
    Ok(file.thread)
}

/// Name of the section for articles without a thread.
pub const OTHER: &str = "Other";

/// How much one term weighs for one article.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Evidence {
    pub term: String,
    pub title: usize,
    pub lead: usize,
    pub body: usize,
}

impl Evidence {
    pub fn weight(&self) -> f64 {
        TITLE_WEIGHT * self.title as f64 + LEAD_WEIGHT * self.lead as f64 + self.body as f64
    }
}

/// Where an article went, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assignment {
    /// Index into the thread list, or `None` for "Other".
    pub thread: Option<usize>,
    /// Total evidence for the chosen thread.
    pub score: f64,
    /// The terms that matched for the chosen thread.
    pub evidence: Vec<Evidence>,
    /// Whether front matter chose the thread.
    pub by_front_matter: bool,
}

/// Assigns every document to a thread. A front matter `thread:` that names no defined thread adds
/// one (with no terms) to `defs`.
pub fn assign(corpus: &Corpus, defs: &mut Vec<ThreadDef>) -> Vec<Assignment> {
    corpus
        .docs
        .iter()
        .map(|doc| {
            if let Some(name) = doc
                .article
                .meta
                .thread
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
            {
                let i = match defs.iter().position(|d| d.name.eq_ignore_ascii_case(name)) {
                    Some(i) => i,
                    None if name.eq_ignore_ascii_case(OTHER) => {
                        return Assignment {
                            thread: None,
                            score: 0.0,
                            evidence: Vec::new(),
                            by_front_matter: true,
                        };
                    }
                    None => {
                        defs.push(ThreadDef {
                            name: name.to_string(),
                            description: String::new(),
                            terms: Vec::new(),
                        });
                        defs.len() - 1
                    }
                };
                let evidence = Stemmed::of(doc).evidence(&defs[i]);
                let score = evidence.iter().map(Evidence::weight).sum();
                return Assignment {
                    thread: Some(i),
                    score,
                    evidence,
                    by_front_matter: true,
                };
            }
            let mut best = Assignment {
                thread: None,
                score: 0.0,
                evidence: Vec::new(),
                by_front_matter: false,
            };
            // Stem the document once, then weigh every thread against it.
            let stemmed = Stemmed::of(doc);
            for (i, def) in defs.iter().enumerate() {
                let evidence = stemmed.evidence(def);
                let score: f64 = evidence.iter().map(Evidence::weight).sum();
                // Strictly greater: on a tie the thread defined first wins.
                if score > best.score {
                    best = Assignment {
                        thread: Some(i),
                        score,
                        evidence,
                        by_front_matter: false,
                    };
                }
            }
            best
        })
        .collect()
}

/// A document's headline and sentences as stems (all words, stop words included), for matching
/// thread terms.
struct Stemmed {
    lang: &'static crate::lang::LangData,
    title: Vec<String>,
    sentences: Vec<Vec<String>>,
}

impl Stemmed {
    fn of(doc: &Document) -> Stemmed {
        let lang = doc.lang.data();
        Stemmed {
            lang,
            title: doc
                .article
                .headline
                .as_deref()
                .map(|h| stems(lang, h))
                .unwrap_or_default(),
            sentences: doc.sentences.iter().map(|s| stems(lang, &s.text)).collect(),
        }
    }

    /// The evidence for one thread: every term with at least one occurrence.
    fn evidence(&self, def: &ThreadDef) -> Vec<Evidence> {
        def.terms
            .iter()
            .filter_map(|term| {
                let needle = stems(self.lang, term);
                if needle.is_empty() {
                    return None;
                }
                let count = |sentences: &mut dyn Iterator<Item = &Vec<String>>| -> usize {
                    sentences.map(|s| occurrences(s, &needle)).sum()
                };
                let e = Evidence {
                    term: term.clone(),
                    title: occurrences(&self.title, &needle),
                    lead: count(&mut self.sentences.iter().take(LEAD_SENTENCES)),
                    body: count(&mut self.sentences.iter().skip(LEAD_SENTENCES)),
                };
                (e.title + e.lead + e.body > 0).then_some(e)
            })
            .collect()
    }
}

fn stems(lang: &crate::lang::LangData, s: &str) -> Vec<String> {
    text::words(s).map(|w| lang.stem(&w).into_owned()).collect()
}

fn occurrences(hay: &[String], needle: &[String]) -> usize {
    if needle.len() > hay.len() {
        return 0;
    }
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

/// Groups documents into threads when no thread file is given: documents whose TF-IDF vectors
/// (headline and lead counted twice) have a cosine of at least [`DISCOVERY_THRESHOLD`] join the
/// same thread (average linkage). A thread is named after the capitalised word its articles share
/// most; a document alone stays alone. Returns the definitions (no terms) and each document's
/// thread.
pub fn discover(corpus: &Corpus) -> (Vec<ThreadDef>, Vec<Assignment>) {
    let n = corpus.docs.len();
    // Document frequencies and TF-IDF vectors.
    let mut df: BTreeMap<u32, usize> = BTreeMap::new();
    let tfs: Vec<BTreeMap<u32, f64>> = corpus
        .docs
        .iter()
        .map(|doc| {
            let mut tf: BTreeMap<u32, f64> = BTreeMap::new();
            for s in &doc.sentences {
                let w = if s.position < LEAD_SENTENCES {
                    2.0
                } else {
                    1.0
                };
                for &t in &s.terms {
                    *tf.entry(t).or_default() += w;
                }
            }
            for t in tf.keys() {
                *df.entry(*t).or_default() += 1;
            }
            tf
        })
        .collect();
    let vectors: Vec<BTreeMap<u32, f64>> = tfs
        .into_iter()
        .map(|tf| {
            tf.into_iter()
                .map(|(t, c)| (t, c * ((1.0 + n as f64) / (1.0 + df[&t] as f64)).ln()))
                .filter(|&(_, w)| w > 0.0)
                .collect()
        })
        .collect();
    let sim: Vec<Vec<f64>> = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| crate::select::cosine(&vectors[i], &vectors[j]))
                .collect()
        })
        .collect();

    // Average-linkage agglomerative clustering.
    let mut clusters: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for a in 0..clusters.len() {
            for b in a + 1..clusters.len() {
                let total: f64 = clusters[a]
                    .iter()
                    .flat_map(|&i| clusters[b].iter().map(move |&j| (i, j)))
                    .map(|(i, j)| sim[i][j])
                    .sum();
                let avg = total / (clusters[a].len() * clusters[b].len()) as f64;
                if avg >= DISCOVERY_THRESHOLD && best.is_none_or(|(s, _, _)| avg > s) {
                    best = Some((avg, a, b));
                }
            }
        }
        let Some((_, a, b)) = best else { break };
        let moved = clusters.remove(b);
        clusters[a].extend(moved);
        clusters[a].sort_unstable();
    }
    clusters.sort_by_key(|c| c[0]);

    let mut defs = Vec::new();
    let mut assignments = vec![
        Assignment {
            thread: None,
            score: 0.0,
            evidence: Vec::new(),
            by_front_matter: false
        };
        n
    ];
    for members in clusters {
        let name = thread_name(corpus, &members, &defs);
        defs.push(ThreadDef {
            name,
            description: String::new(),
            terms: Vec::new(),
        });
        for &m in &members {
            assignments[m].thread = Some(defs.len() - 1);
        }
    }
    (defs, assignments)
}

/// Cosine (of TF-IDF document vectors, averaged over members) from which documents share a
/// discovered thread.
pub const DISCOVERY_THRESHOLD: f64 = 0.12;

/// The capitalised word (not at a sentence start) that occurs in most members, then most often.
fn thread_name(corpus: &Corpus, members: &[usize], taken: &[ThreadDef]) -> String {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for &m in members {
        let doc = &corpus.docs[m];
        let lang = doc.lang.data();
        let mut here: BTreeMap<String, usize> = BTreeMap::new();
        for s in &doc.sentences {
            for (k, w) in s.text.split_whitespace().enumerate() {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                let w = w
                    .strip_suffix("’s")
                    .or_else(|| w.strip_suffix("'s"))
                    .unwrap_or(w);
                if k == 0
                    || w.chars().count() < 3
                    || !w.chars().next().is_some_and(char::is_uppercase)
                {
                    continue;
                }
                if w.chars().all(|c| c.is_uppercase()) || lang.is_stop_word(&w.to_lowercase()) {
                    continue;
                }
                *here.entry(w.to_string()).or_default() += 1;
            }
        }
        for (w, c) in here {
            let e = counts.entry(w).or_default();
            e.0 += 1;
            e.1 += c;
        }
    }
    let mut ranked: Vec<(String, (usize, usize))> = counts.into_iter().collect();
    ranked.sort_by(|a, b| (b.1).cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .map(|(w, _)| w)
        .find(|w| !taken.iter().any(|d| d.name == *w))
        .unwrap_or_else(|| corpus.docs[members[0]].title.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest;
    use crate::lang::{Lang, LanguageChoice};

    fn corpus(docs: &[(&str, &str)]) -> Corpus {
        let articles = docs
            .iter()
            .map(|(name, text)| ingest::parse(Path::new(name), name, text.as_bytes()).unwrap())
            .collect();
        Corpus::build(articles, LanguageChoice::Fixed(Lang::English))
    }

    fn defs() -> Vec<ThreadDef> {
        parse(
            Path::new("threads.toml"),
            "[[thread]]\nname = \"Riyadh\"\ndescription = \"talks\"\nterms = [\"Riyadh\", \"Saudi Arabia\"]\n\n[[thread]]\nname = \"Istanbul\"\nterms = [\"Istanbul\", \"prisoner exchange\"]\n",
        )
        .unwrap()
    }

    #[test]
    fn parses_and_validates() {
        assert_eq!(defs().len(), 2);
        let e = parse(
            Path::new("t.toml"),
            "[[thread]]\nname = \"A\"\n[[thread]]\nname = \"a\"\n",
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "t.toml:4: thread \"a\" is defined twice");
        let e = parse(
            Path::new("t.toml"),
            "[[thread]]\nname = \"A\"\nterm = [\"x\"]\n",
        )
        .unwrap_err();
        assert!(
            e.to_string().starts_with("t.toml:3: unknown field `term`"),
            "{e}"
        );
        let e = parse(Path::new("t.toml"), "[[thread]\n").unwrap_err();
        assert!(e.to_string().starts_with("t.toml:1:"), "{e}");
    }

    #[test]
    fn lead_outweighs_a_passing_mention() {
        let c = corpus(&[(
            "a.txt",
            "Talks in Riyadh ended. Officials met in Saudi Arabia.\n\nOne more line.\n\nLater they flew to Istanbul for a prisoner exchange.\n",
        )]);
        let mut d = defs();
        let a = assign(&c, &mut d);
        assert_eq!(a[0].thread, Some(0));
        assert_eq!(a[0].score, 4.0);
        assert_eq!(a[0].evidence.len(), 2);
    }

    #[test]
    fn no_evidence_goes_to_other_and_front_matter_wins() {
        let c = corpus(&[
            ("a.txt", "Nothing relevant here.\n"),
            ("b.md", "---\nthread: Alaska\n---\nTalks in Riyadh.\n"),
        ]);
        let mut d = defs();
        let a = assign(&c, &mut d);
        assert_eq!(a[0].thread, None);
        assert_eq!(a[1].thread, Some(2));
        assert!(a[1].by_front_matter);
        assert_eq!(d[2].name, "Alaska");
    }

    #[test]
    fn discovery_groups_similar_articles() {
        let c = corpus(&[
            (
                "a.txt",
                "Floods hit Valencia on Monday. Valencia flood waters rose fast.\n",
            ),
            (
                "b.txt",
                "Valencia floods killed dozens. Rescue teams reached Valencia.\n",
            ),
            (
                "c.txt",
                "The central bank raised interest rates. Inflation stayed high.\n",
            ),
        ]);
        let (defs, a) = discover(&c);
        assert_eq!(defs.len(), 2);
        assert_eq!(a[0].thread, a[1].thread);
        assert_ne!(a[0].thread, a[2].thread);
        assert_eq!(defs[0].name, "Valencia");
    }
}
