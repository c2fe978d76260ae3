//! brief: turn a folder of news articles into a Markdown briefing.
//!
//! Data flows one way, one module per stage:
//! `ingest -> segment -> text -> (corpus) -> graph -> rank -> select -> threads -> brief -> render`.
//! [`pipeline`] is the single code path the commands share; [`cli`] is the command line.

pub mod brief;
pub mod cli;
pub mod corpus;
pub mod error;
pub mod eval;
pub mod graph;
pub mod ingest;
pub mod lang;
pub mod pipeline;
pub mod rank;
pub mod render;
pub mod sample;
pub mod segment;
pub mod select;
pub mod text;
pub mod threads;

pub use error::{Error, Result};
