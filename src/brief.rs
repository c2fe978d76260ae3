//! The brief model: the serde types that templates and `--format json` both see, so they never
//! disagree. Versioned by [`SCHEMA_VERSION`]; `docs/brief.schema.json` is its JSON Schema
//! (generated from these types by the unit test `schema_is_current`; regenerate it after a model
//! change with `BRIEF_UPDATE_SCHEMA=1 cargo test --lib schema`) and `docs/templates.md` explains
//! every field.

use serde::Serialize;

use crate::corpus::{Corpus, SentenceId};
use crate::ingest::origin::SourceFrom;
use crate::pipeline::{FirstShown, Scored, Sectioned};
use crate::quotes::Quote;
use crate::threads::{Assignment, Evidence};
use crate::warning::Warning;

/// Version of the model's shape. Bumped when a field is renamed or removed.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole brief.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Brief {
    pub schema_version: u32,
    /// The brief's date, `YYYY-MM-DD`.
    pub date: String,
    pub stats: Stats,
    /// Key lines of the whole corpus.
    pub corpus: Vec<KeyLine>,
    /// Story threads with their articles; articles without a thread come last, in a thread with
    /// `other = true`.
    pub threads: Vec<Thread>,
    /// What brief skipped, shortened or read differently in the input, in file order, then the
    /// thread file's (the command line prints them on standard error too).
    pub warnings: Vec<Warning>,
}

/// Counts, for headers and footers.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Stats {
    pub articles: usize,
    pub sentences: usize,
    pub words: usize,
    /// Threads with at least one article, "Other" not counted.
    pub threads: usize,
}

/// A story thread.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Thread {
    pub name: String,
    /// `name` in lowercase ASCII with dashes, for anchors.
    pub slug: String,
    pub description: String,
    /// What marks the thread: a thread file's terms, or for a discovered thread its name and the
    /// names and phrases that most distinguish it ("Riyadh", "Saudi Arabia", "Rubio", "Lavrov").
    pub terms: Vec<String>,
    /// The section of articles without a thread.
    pub other: bool,
    /// Discovered from the articles (no thread file or front matter defines it).
    pub discovered: bool,
    /// The earliest and the latest of its articles' dates (`YYYY-MM-DD`), when any is known.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Its key lines, none of them among the corpus's. A thread of one article has none: its
    /// article's lines tell it.
    pub key_lines: Vec<KeyLine>,
    /// Lines it would have had that the corpus section shows already (`first_shown` says
    /// where); for templates that want to repeat them. The default templates do not.
    pub repeated: Vec<KeyLine>,
    /// Its best direct quotations with their speakers, best first: ranked by the score of the
    /// sentence each starts in, as the thread's key lines are; none whose sentence is a key line
    /// above. "Other" has none.
    pub quotes: Vec<QuoteLine>,
    pub articles: Vec<Article>,
}

/// An article and its key lines.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Article {
    /// Path relative to the input folder, without extension.
    pub id: String,
    /// Path relative to the input folder.
    pub file: String,
    pub title: String,
    /// Who published it: front matter `source`, else its url's domain, else the agency of its
    /// dateline ("AP"), else its file's stem; `source_from` says which.
    pub source: String,
    pub source_from: SourceFrom,
    pub url: Option<String>,
    /// `YYYY-MM-DD`: front matter `date`, else a date written in its dateline or first lines.
    pub date: Option<String>,
    /// ISO 639-1 code of the language used for its words.
    pub language: String,
    /// Number of candidate sentences.
    pub sentences: usize,
    pub words: usize,
    /// Why it is in its thread.
    pub evidence: Vec<Evidence>,
    /// Its key lines, none of them shown above it (in the corpus or its thread's lines, or as
    /// its title).
    pub key_lines: Vec<KeyLine>,
    /// Lines it would have had that were shown above it, with where (`first_shown`).
    pub repeated: Vec<KeyLine>,
    /// Its direct quotations with a speaker, in article order.
    pub quotes: Vec<QuoteLine>,
    /// Front matter fields brief does not use itself.
    pub extra: std::collections::BTreeMap<String, serde_json::Value>,
}

/// A chosen sentence, with why and where.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct KeyLine {
    /// The sentence, verbatim.
    pub text: String,
    /// Its score in the section it was chosen for: PageRank and PacSum blended, each scaled so
    /// that the section's best is 1 (see docs/quality.md); a ranking whose blend weight is under
    /// 0.001 is not computed and counts 0 (docs/performance.md). Higher is better; compare scores
    /// within a section only.
    pub score: f64,
    /// 1-based rank in that section.
    pub rank: usize,
    /// 1-based position among its article's sentences.
    pub position: usize,
    /// 1-based line in its file.
    pub line: usize,
    /// Its article's id, file, title, source, url and date.
    pub article: String,
    pub file: String,
    pub title: String,
    pub source: String,
    pub source_from: SourceFrom,
    pub url: Option<String>,
    pub date: Option<String>,
    /// For a line in `repeated`: where the brief shows it first, "corpus", "thread" or "title".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_shown: Option<String>,
}

/// A direct quotation (at least four words) and who said it ([`crate::quotes`]).
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct QuoteLine {
    /// The quoted words, without the quote marks; the parts of a quotation broken by its
    /// attribution are joined with " … ".
    pub text: String,
    /// The speaker in the fullest form the article gives ("Dmitry Peskov").
    pub speaker: String,
    /// The score of the sentence it starts in, in the section it is shown in (see
    /// [`KeyLine::score`]).
    pub score: f64,
    /// 1-based line in its file.
    pub line: usize,
    /// Its article's id, file, source, url and date.
    pub article: String,
    pub file: String,
    pub source: String,
    pub source_from: SourceFrom,
    pub url: Option<String>,
    pub date: Option<String>,
}

/// The brief of `corpus`: its stats, corpus key lines and thread sections.
pub fn assemble(
    corpus: &Corpus,
    date: jiff::civil::Date,
    key_lines: Vec<KeyLine>,
    threads: Vec<Thread>,
) -> Brief {
    Brief {
        schema_version: SCHEMA_VERSION,
        date: date.to_string(),
        stats: Stats {
            articles: corpus.docs.len(),
            sentences: corpus.sentence_count(),
            words: corpus.docs.iter().map(|d| d.words()).sum(),
            threads: threads.iter().filter(|t| !t.other).count(),
        },
        corpus: key_lines,
        threads,
        warnings: corpus.warnings.clone(),
    }
}

/// Article `d` of `corpus` with its key lines and quotations, as the model shows it.
pub(crate) fn article(
    corpus: &Corpus,
    d: usize,
    assignment: &Assignment,
    lines: &Sectioned,
    quotes: &[(Quote, SentenceId)],
) -> Article {
    let doc = &corpus.docs[d];
    let meta = &doc.article.meta;
    Article {
        id: doc.article.id.clone(),
        file: doc.article.file.clone(),
        title: doc.title().to_string(),
        source: doc.article.source.clone(),
        source_from: doc.article.source_from,
        url: meta.url.clone(),
        date: doc.article.date.map(|d| d.to_string()),
        language: doc.lang.code().to_string(),
        sentences: doc.sentences.len(),
        words: doc.words(),
        evidence: assignment.evidence.clone(),
        key_lines: key_lines(corpus, &lines.lines),
        repeated: repeated(corpus, &lines.repeats),
        quotes: quotes
            .iter()
            .filter(|q| q.0.speaker.is_some())
            .map(|(q, id)| quote_line(corpus, q, *id, 0.0))
            .collect(),
        extra: meta.extra.clone(),
    }
}

/// Chosen lines as the model shows them.
pub(crate) fn key_lines(corpus: &Corpus, lines: &[Scored]) -> Vec<KeyLine> {
    lines.iter().map(|c| key_line(corpus, c)).collect()
}

/// A quotation as the model shows it, with `score` from its section.
pub(crate) fn quote_line(corpus: &Corpus, q: &Quote, id: SentenceId, score: f64) -> QuoteLine {
    let s = corpus.sentence(id);
    let a = &s.doc.article;
    QuoteLine {
        text: q.text.clone(),
        speaker: q.speaker.clone().unwrap_or_default(),
        score: (score * 1e6).round() / 1e6,
        line: s.line,
        article: a.id.clone(),
        file: a.file.clone(),
        source: a.source.clone(),
        source_from: a.source_from,
        url: a.meta.url.clone(),
        date: a.date.map(|d| d.to_string()),
    }
}

/// Repeated lines as the model shows them, with where they were shown first.
pub(crate) fn repeated(corpus: &Corpus, lines: &[(Scored, FirstShown)]) -> Vec<KeyLine> {
    lines
        .iter()
        .map(|(c, first)| KeyLine {
            first_shown: Some(first.name().to_string()),
            ..key_line(corpus, c)
        })
        .collect()
}

fn key_line(corpus: &Corpus, c: &Scored) -> KeyLine {
    {
        {
            let s = corpus.sentence(c.id);
            let doc = s.doc;
            KeyLine {
                text: corpus.line_text(c.id).into_owned(),
                score: (c.score * 1e6).round() / 1e6,
                rank: c.rank,
                position: s.position + 1,
                line: s.line,
                article: doc.article.id.clone(),
                file: doc.article.file.clone(),
                title: doc.title().to_string(),
                source: doc.article.source.clone(),
                source_from: doc.article.source_from,
                url: doc.article.meta.url.clone(),
                date: doc.article.date.map(|d| d.to_string()),
                first_shown: None,
            }
        }
    }
}

/// `name` as a lowercase ASCII slug: "Saudi Arabia’s talks" gives "saudi-arabia-s-talks".
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "thread".into() } else { out }
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs() {
        assert_eq!(super::slug("Saudi Arabia’s talks"), "saudi-arabia-s-talks");
        assert_eq!(super::slug("  Alaska!"), "alaska");
        assert_eq!(super::slug("…"), "thread");
    }

    /// `docs/brief.schema.json` is the JSON Schema of [`Brief`] as the types say today. (The types
    /// derive `schemars::JsonSchema` in tests only, so schemars is a dev-dependency.)
    #[test]
    fn schema_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/brief.schema.json");
        let mut fresh = serde_json::to_string_pretty(&schemars::schema_for!(super::Brief)).unwrap();
        fresh.push('\n');
        if std::env::var_os("BRIEF_UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "docs/brief.schema.json is stale: BRIEF_UPDATE_SCHEMA=1 cargo test --lib schema (and \
             bump SCHEMA_VERSION when a field is renamed or removed)"
        );
    }
}
