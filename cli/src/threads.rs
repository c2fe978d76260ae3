//! `brief threads`: the threads of a folder (defined, discovered, "Other") with their articles,
//! names and top terms; with `-v`, why each article joined. `--format toml` writes a starter
//! thread file from them, to edit and keep as `<input>/threads.toml`.

use std::fmt::Write as _;

use anyhow::Result;
use clap::ValueEnum;
use serde::Serialize;

use crate::options::{Source, parse_language};
use crate::progress::Bar;
use crate::term;
use brief::corpus::{Analysis, Corpus};
use brief::lang::LanguageChoice;
use brief::pipeline;
use brief::threads::{Assignment, OTHER, ThreadDef};

const EXAMPLES: &str = "\
Examples:
  brief threads                            the threads of input/
  brief threads -v                         and why each article joined its thread
  brief threads --format toml > threads.toml
                                           a thread file to edit, then keep as input/threads.toml";

/// Show the threads of a folder: discovered, from a thread file, or both
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    #[command(flatten)]
    pub source: Source,
    /// Language of the articles: auto, or a name or code (english, en, german, de, ...)
    #[arg(long, value_name = "LANG", default_value = "auto", value_parser = parse_language)]
    pub language: LanguageChoice,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One thread per line, its articles indented below
    Text,
    /// A JSON array of threads
    Json,
    /// A thread file (threads.toml) of the threads found, "Other" left out
    Toml,
}

/// A thread as `--format json` prints it.
#[derive(Serialize)]
struct Shown<'a> {
    name: &'a str,
    discovered: bool,
    other: bool,
    terms: &'a [String],
    articles: Vec<ShownArticle<'a>>,
}

#[derive(Serialize)]
struct ShownArticle<'a> {
    file: &'a str,
    title: &'a str,
    /// The thread's terms found in the article (for a defined thread, the evidence).
    why: Vec<String>,
}

pub fn run(args: Args) -> Result<()> {
    let (source, thread_warnings) = args.source.thread_source()?;
    let bar = Bar::new();
    let analysis = Analysis {
        language: args.language,
        inline_furniture: true,
    };
    let reading = crate::input::Reading {
        follow: args.source.follow,
        exclude: None,
    };
    let corpus = crate::input::read_folder(&args.source.input, analysis, &reading, &bar)?;
    bar.suspend(|| term::warnings(corpus.warnings.iter().chain(&thread_warnings)))?;
    let (defs, assignments) = pipeline::find_threads(&corpus, source);
    drop(bar);
    let shown = shown(&corpus, &defs, &assignments);
    let out = match args.format {
        Format::Text => text(&shown, term::verbose()),
        Format::Json => serde_json::to_string_pretty(&shown)? + "\n",
        Format::Toml => toml(&shown)?,
    };
    print!("{out}");
    Ok(())
}

/// The threads in the brief's order (defined, discovered, "Other"), each with its articles.
fn shown<'a>(corpus: &'a Corpus, defs: &'a [ThreadDef], a: &'a [Assignment]) -> Vec<Shown<'a>> {
    let members = pipeline::members(defs.len(), a);
    let thread = |t: Option<usize>| -> Vec<ShownArticle<'a>> {
        members[t.unwrap_or(defs.len())]
            .iter()
            .map(|&d| {
                let doc = &corpus.docs[d];
                let why = if !a[d].evidence.is_empty() {
                    a[d].evidence.iter().map(ToString::to_string).collect()
                } else if a[d].by_front_matter {
                    vec!["front matter".to_string()]
                } else {
                    t.map(|t| found_terms(corpus, d, &defs[t].terms))
                        .unwrap_or_default()
                };
                ShownArticle {
                    file: &doc.article.file,
                    title: doc.title(),
                    why,
                }
            })
            .collect()
    };
    let mut out: Vec<Shown> = defs
        .iter()
        .enumerate()
        .map(|(t, def)| Shown {
            name: &def.name,
            discovered: def.discovered,
            other: false,
            terms: &def.terms,
            articles: thread(Some(t)),
        })
        .filter(|s| !s.articles.is_empty())
        .collect();
    let other = thread(None);
    if !other.is_empty() {
        out.push(Shown {
            name: OTHER,
            discovered: false,
            other: true,
            terms: &[],
            articles: other,
        });
    }
    out
}

/// Which of `terms` an article's text holds, as written.
fn found_terms(corpus: &Corpus, d: usize, terms: &[String]) -> Vec<String> {
    let doc = &corpus.docs[d];
    terms
        .iter()
        .filter(|t| {
            doc.article
                .headline
                .as_deref()
                .is_some_and(|h| h.contains(t.as_str()))
                || doc
                    .sentences
                    .iter()
                    .any(|s| doc.text(s).contains(t.as_str()))
        })
        .cloned()
        .collect()
}

fn text(threads: &[Shown], verbose: bool) -> String {
    let mut out = String::new();
    for t in threads {
        let kind = if t.discovered { ", discovered" } else { "" };
        let _ = write!(
            out,
            "{} ({} article{}{kind})",
            t.name,
            t.articles.len(),
            plural(t.articles.len())
        );
        if !t.terms.is_empty() {
            let _ = write!(out, ": {}", t.terms.join(" · "));
        }
        out.push('\n');
        for a in &t.articles {
            let _ = write!(out, "  {}  {}", a.file, a.title);
            if verbose && !a.why.is_empty() {
                let _ = write!(out, "  [{}]", a.why.join(", "));
            }
            out.push('\n');
        }
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A thread file of the threads found: each thread's name and terms, "Other" left out.
fn toml(threads: &[Shown]) -> Result<String> {
    #[derive(Serialize)]
    struct File<'a> {
        thread: Vec<Def<'a>>,
    }
    #[derive(Serialize)]
    struct Def<'a> {
        name: &'a str,
        terms: &'a [String],
    }
    let file = File {
        thread: threads
            .iter()
            .filter(|t| !t.other)
            .map(|t| Def {
                name: t.name,
                terms: t.terms,
            })
            .collect(),
    };
    let body = toml::to_string(&file)?;
    Ok(format!(
        "# Threads found by `brief threads` in this folder: edit the names and terms, keep the \
         file as\n# <input>/threads.toml, and `brief build` uses it (README, \"Threads\").\n\n{body}"
    ))
}
