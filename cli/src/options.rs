//! Options that commands share: where articles and threads come from (`build`, `threads`);
//! language, similarity and budgets (`build`, `summarize`).

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use brief::graph::Similarity;
use brief::lang::LanguageChoice;
use brief::pipeline::{DEFAULT_BACKWARD, DEFAULT_RAMP, Options, ThreadSource};
use brief::rank::Ranker;
use brief::select::{Budget, Redundancy};
use brief::threads;
use brief::warning::Warning;

/// Where articles and threads come from (`build`, `threads`).
#[derive(Debug, Clone, Args)]
pub struct Source {
    /// Folder of articles (*.txt, *.md)
    #[arg(long, value_name = "DIR", default_value = "input")]
    pub input: PathBuf,
    /// Thread file [default: <input>/threads.toml if it exists, else threads are discovered]
    #[arg(long, value_name = "FILE")]
    pub threads: Option<PathBuf>,
    /// With a thread file, send the articles no thread claims to "Other" instead of discovering
    /// threads among them
    #[arg(long)]
    pub no_discover: bool,
    /// Follow symbolic links in the input folder (skipped with a warning otherwise)
    #[arg(long)]
    pub follow: bool,
}

impl Source {
    /// Where threads come from: `--threads FILE`, else `<input>/threads.toml` when it exists
    /// (with discovery of what they leave unless `--no-discover`), else discovery; with the
    /// thread file's warnings (no thread defined, a thread without terms).
    pub fn thread_source(&self) -> Result<(ThreadSource, Vec<Warning>)> {
        let default = self.input.join("threads.toml");
        let file = self.threads.as_deref();
        let Some(file) = file.or_else(|| default.is_file().then_some(default.as_path())) else {
            return Ok((ThreadSource::Discover, Vec::new()));
        };
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read thread file {}", file.display()))?;
        let defs = threads::parse(file, &text)?;
        let warnings = threads::lint(file, &defs, !self.no_discover);
        Ok(if self.no_discover {
            (ThreadSource::DefinedOnly(defs), warnings)
        } else {
            (ThreadSource::Defined(defs), warnings)
        })
    }
}

/// `--ranker` values.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum RankerName {
    Adaptive,
    Pagerank,
    Pacsum,
}

/// `--similarity` values: the library's [`Similarity`], with their help text.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum SimilarityName {
    /// Normalised word overlap, TextRank's original (the default: it measured best, see README)
    Overlap,
    /// TF-IDF cosine
    TfIdf,
    /// BM25 with an IDF floor
    Bm25,
}

impl From<SimilarityName> for Similarity {
    fn from(name: SimilarityName) -> Similarity {
        match name {
            SimilarityName::Overlap => Similarity::Overlap,
            SimilarityName::TfIdf => Similarity::TfIdf,
            SimilarityName::Bm25 => Similarity::Bm25,
        }
    }
}

/// Summarizer options.
#[derive(Debug, Clone, Args)]
pub struct Summary {
    /// Key lines per section: this many sentences
    #[arg(long, value_name = "N", group = "budget", value_parser = clap::value_parser!(u64).range(1..))]
    pub lines: Option<u64>,
    /// Key lines per section: sentences until this many words
    #[arg(long, value_name = "N", group = "budget", value_parser = clap::value_parser!(u64).range(1..))]
    pub words: Option<u64>,
    /// Key lines per section: this share of the sentences (0 < R <= 1)
    #[arg(long, value_name = "R", group = "budget", value_parser = parse_ratio)]
    pub ratio: Option<f64>,
    /// Language of the articles: auto, or a name or code (english, en, german, de, ...)
    #[arg(long, value_name = "LANG", default_value = "auto", value_parser = parse_language)]
    pub language: LanguageChoice,
    /// Sentence similarity for the TextRank graph
    #[arg(long, value_enum, default_value_t = SimilarityName::Overlap)]
    pub similarity: SimilarityName,
    /// Ranking: adaptive (the default), pagerank (TextRank) or pacsum; for ablations
    #[arg(long, value_enum, hide = true)]
    pub ranker: Option<RankerName>,
    /// PageRank's lead bias (teleport weight (p + 1)^-X)
    #[arg(long, value_name = "X", hide = true, value_parser = parse_finite)]
    pub position_bias: Option<f64>,
    /// PacSum's backward weight
    #[arg(long, value_name = "X", hide = true, allow_negative_numbers = true, value_parser = parse_finite)]
    pub pacsum_backward: Option<f64>,
    /// Share of the article from which the adaptive ranker is all PageRank
    #[arg(long, value_name = "X", hide = true, value_parser = parse_finite)]
    pub ramp: Option<f64>,
    /// Leave out sentences shorter than N words
    #[arg(long, value_name = "N", hide = true)]
    pub min_words: Option<usize>,
    /// No redundancy control across articles (MMR off)
    #[arg(long, hide = true)]
    pub no_mmr: bool,
    /// Keep inline page furniture ("Scroll down for video", datelines) as candidates
    #[arg(long, hide = true)]
    pub keep_furniture: bool,
}

impl Summary {
    /// The pipeline options these flags give, with budgets left at their defaults.
    pub fn options(&self) -> Options {
        let defaults = Options::default();
        let backward = self.pacsum_backward.unwrap_or(DEFAULT_BACKWARD);
        let pagerank = Ranker::PageRank {
            position_bias: self.position_bias.unwrap_or(0.0),
        };
        let ranker = match self.ranker {
            // A PageRank-only flag picks PageRank; PacSum flags pick the adaptive ranker.
            None if self.position_bias.is_some() => pagerank,
            None if self.pacsum_backward.is_none() && self.ramp.is_none() => defaults.ranker,
            None | Some(RankerName::Adaptive) => Ranker::Adaptive {
                backward,
                ramp: self.ramp.unwrap_or(DEFAULT_RAMP),
            },
            Some(RankerName::Pagerank) => pagerank,
            Some(RankerName::Pacsum) => Ranker::PacSum { backward },
        };
        Options {
            similarity: self.similarity.into(),
            ranker,
            min_words: self.min_words.unwrap_or(defaults.min_words),
            redundancy: if self.no_mmr {
                Redundancy::Off
            } else {
                defaults.redundancy
            },
            ..defaults
        }
    }

    /// The budget the flags give, if any.
    pub fn budget(&self) -> Option<Budget> {
        self.lines
            .map(|n| Budget::Lines(n as usize))
            .or(self.words.map(|n| Budget::Words(n as usize)))
            .or(self.ratio.map(Budget::Ratio))
    }
}

fn parse_ratio(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(r) if r > 0.0 && r <= 1.0 => Ok(r),
        _ => Err(format!("{s:?} is not a ratio between 0 (excluded) and 1")),
    }
}

pub fn parse_language(s: &str) -> Result<LanguageChoice, String> {
    s.parse::<LanguageChoice>().map_err(|e| e.to_string())
}

pub fn parse_budget(s: &str) -> Result<Budget, String> {
    s.parse::<Budget>().map_err(|e| e.to_string())
}

/// A finite number (not NaN, not infinite): scores computed from it must be numbers.
fn parse_finite(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        Ok(_) => Err(format!("{s:?} is not a finite number")),
        Err(_) => Err(format!("{s:?} is not a number")),
    }
}

#[cfg(test)]
mod tests {
    use clap::ValueEnum;

    use super::*;

    /// Each `--similarity` value is the library's similarity of that name, both ways.
    #[test]
    fn similarity_values_are_the_librarys() {
        assert_eq!(
            SimilarityName::value_variants().len(),
            Similarity::ALL.len()
        );
        for &value in SimilarityName::value_variants() {
            let name = value.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(name.parse::<Similarity>().unwrap(), Similarity::from(value));
            assert_eq!(Similarity::from(value).to_string(), name);
        }
    }
}
