//! brief: turn a folder of news articles into a Markdown briefing.
//!
//! Data flows one way, one module per stage:
//! `ingest -> segment -> text -> (corpus) -> graph -> rank -> select -> threads -> brief -> render`.
//! [`pipeline`] is the single code path the commands share; the command line is the `brief-cli`
//! crate (`cli/`), which owns clap, the terminal and the files it writes.

// Module docs are written for contributors as much as for users of the library, and link the
// internals they describe (`cargo doc --document-private-items` renders those links).
#![allow(rustdoc::private_intra_doc_links)]

pub mod brief;
pub mod corpus;
mod error;
pub mod eval;
pub mod graph;
pub mod ingest;
pub mod lang;
pub(crate) mod location;
pub mod pipeline;
pub mod progress;
pub mod quotes;
pub mod rank;
pub mod render;
pub(crate) mod safety;
pub mod sample;
pub mod segment;
pub mod select;
pub(crate) mod text;
pub mod threads;
pub(crate) mod title;
pub mod warning;

pub use error::{Error, Result};
pub use warning::Warning;

#[cfg(test)]
mod tests {
    /// A deterministic stream of pseudo-random numbers below `m` (a linear congruential
    /// generator), for unit tests that compare a fast method with its definition.
    pub fn numbers(seed: u64) -> impl FnMut(u64) -> u64 {
        let mut state = seed;
        move |m| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % m
        }
    }
}
