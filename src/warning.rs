//! Warnings: what brief skipped, emptied, shortened or changed in its input, one line each, naming
//! the file (and the line when it helps). Nothing is dropped silently: the library collects
//! warnings alongside its results (an [`crate::ingest::Article`] carries its own, the
//! [`crate::corpus::Corpus`] gathers them in file order), the command line prints them on
//! standard error, counts them at the end and, with `--strict`, fails on them; the JSON brief
//! lists them.

use std::fmt;

use serde::Serialize;

/// One thing brief did to the input that the user should know about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Warning {
    /// The file it is about, as the brief names it (relative to the input folder), or the path
    /// of a thread file or data set.
    pub file: String,
    /// 1-based line in the file, when one line is concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// What happened and why: "skipped: empty file", "skipped: same text as b.txt".
    pub message: String,
}

impl Warning {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Warning {
        Warning {
            file: file.into(),
            line: None,
            message: message.into(),
        }
    }

    pub fn at(file: impl Into<String>, line: usize, message: impl Into<String>) -> Warning {
        Warning {
            file: file.into(),
            line: Some(line),
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}
