//! Progress of a long run: the stages a build goes through and how far each has got, reported to
//! whoever wants to show it (the command line draws a progress bar). The library never draws
//! anything itself, and reporting costs nothing when nobody listens ([`Silent`]).

/// The stages of a run, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Reading and parsing article files, splitting sentences, words and stems: one stage, as a
    /// folder's files are read and analysed while it is being listed.
    Analysing,
    /// Assigning articles to threads, or discovering threads.
    Threads,
    /// Ranking and choosing key lines.
    Ranking,
    /// Rendering the brief.
    Rendering,
}

impl Stage {
    /// The stage's name, as a progress bar shows it.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Analysing => "analysing",
            Stage::Threads => "threads",
            Stage::Ranking => "ranking",
            Stage::Rendering => "rendering",
        }
    }
}

/// Receives progress. Called from worker threads, hence `Sync`.
pub trait Progress: Sync {
    /// A stage starts, with `total` steps to go.
    fn start(&self, stage: Stage, total: usize) {
        let _ = (stage, total);
    }

    /// `steps` more steps of the current stage are done.
    fn advance(&self, steps: usize) {
        let _ = steps;
    }

    /// The current stage has `steps` more steps than it started with (a folder's articles are
    /// analysed while it is still being listed).
    fn extend(&self, steps: usize) {
        let _ = steps;
    }
}

/// Progress that goes nowhere.
#[derive(Clone, Copy, Debug, Default)]
pub struct Silent;

impl Progress for Silent {}
