//! The library's error type: what went wrong, in which file, and on which line when known.
//!
//! Library functions return [`Error`]; the command line (the `brief-cli` crate) adds context with
//! `anyhow` and maps every error to exit code 1 (usage errors are clap's, exit code 2).
//!
//! An error that wraps another keeps it as its [`source`](std::error::Error::source) and does not
//! repeat it in its own message, so that a printer of the chain (`anyhow`'s `{:#}`) shows each
//! cause once. The one exception is [`Error::Template`], whose report already walks minijinja's
//! chain (see [`Error::reports_its_causes`]). Line numbers come from
//! [`crate::location`].

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

    /// A file that cannot be read.
    #[error("cannot read {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// A template that does not parse or fails to render. `report` names the template file, line
    /// and column, says what is wrong and shows the template's lines around it, for each template
    /// on the way when one included another; `source` is minijinja's error itself, with its kind,
    /// template name, line and span.
    #[error("template error: {report}")]
    Template {
        report: String,
        #[source]
        source: minijinja::Error,
    },

    /// A render whose output passed the cap (`render::MAX_OUTPUT`). minijinja knows no line for
    /// it; `template` is the template rendered.
    #[error(
        "template error: {template}: the output passed {}, the most a brief may hold; a loop \
         that prints too much? (docs/templates.md, \"Limits\")",
        if *limit >= 1 << 20 { format!("{} MiB", limit >> 20) } else { format!("{limit} bytes") }
    )]
    TemplateOutput { template: String, limit: usize },

    /// The rendered Markdown failed the structural check: raw HTML, an unsafe link, or a key line
    /// that does not render as its own text. `line` is the line of the rendered brief, when the
    /// problem has one.
    #[error(
        "rendered brief failed the Markdown check: {}{problem}",
        line.map(|l| format!("line {l}: ")).unwrap_or_default()
    )]
    Markdown {
        line: Option<usize>,
        problem: String,
    },

    /// The brief could not be written as JSON.
    #[error("cannot write the brief as JSON")]
    Json(#[from] serde_json::Error),

    /// An option value that does not parse: a budget, a similarity, a format.
    #[error("invalid {what} {value:?}: {expected}")]
    Value {
        what: &'static str,
        value: String,
        expected: &'static str,
    },
}

impl Error {
    /// Whether the message already tells the error's causes, so that a printer of the error chain
    /// should stop here (a template error: its report walks minijinja's chain with excerpts).
    pub fn reports_its_causes(&self) -> bool {
        matches!(self, Error::Template { .. })
    }
}

/// Shorthand used across the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
