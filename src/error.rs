//! The library's error type: what went wrong, in which file, and on which line when known.
//!
//! Library functions return [`Error`]; the command line (`cli/`) adds context with `anyhow` and
//! maps every error to exit code 1 (usage errors are clap's, exit code 2).

use std::path::PathBuf;

/// Everything that can go wrong between reading articles and writing a brief.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An article is not valid UTF-8.
    #[error(
        "{path}:{line}: not valid UTF-8 (invalid byte at offset {offset}); save the file as UTF-8"
    )]
    Encoding {
        path: PathBuf,
        line: usize,
        offset: usize,
    },

    /// Front matter that does not parse, or holds a field of the wrong type.
    #[error("{path}:{line}: front matter: {message}")]
    FrontMatter {
        path: PathBuf,
        line: usize,
        message: String,
    },

    /// The thread file does not parse or makes no sense.
    #[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Threads {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },

    /// A language name or code that brief has no stemmer for.
    #[error("unknown language {0:?}; known: {known}", known = crate::lang::known_names())]
    UnknownLanguage(String),

    /// The input folder holds no article.
    #[error("{0}: no articles (*.txt or *.md) found")]
    NoArticles(PathBuf),

    /// A template that does not parse or fails to render. `message` is minijinja's report with the
    /// template name, line and the offending source line.
    #[error("template error: {message}")]
    Template { message: String },

    /// A render whose output passed the cap (`render::MAX_OUTPUT`). minijinja knows no line for
    /// it; `template` is the template rendered.
    #[error(
        "template error: {template}: the output passed {}, the most a brief may hold; a loop \
         that prints too much? (docs/templates.md, \"Limits\")",
        if *limit >= 1 << 20 { format!("{} MiB", limit >> 20) } else { format!("{limit} bytes") }
    )]
    TemplateOutput { template: String, limit: usize },

    /// The rendered Markdown failed the structural check.
    #[error("rendered brief failed the Markdown check: {0}")]
    Markdown(String),

    /// A budget or other option value that makes no sense.
    #[error("{0}")]
    Invalid(String),
}

/// Shorthand used across the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
