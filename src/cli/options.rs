//! Options that `build` and `summarize` share: language, similarity and budgets.

use clap::Args;

use crate::graph::Similarity;
use crate::lang::LanguageChoice;
use crate::select::Budget;

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
    #[arg(long, value_enum, default_value_t = Similarity::default())]
    pub similarity: Similarity,
    /// Lead bias of the ranking (0 = plain TextRank)
    #[arg(long, value_name = "X", hide = true)]
    pub position_bias: Option<f64>,
}

impl Summary {
    /// The pipeline options these flags give, with budgets left at their defaults.
    pub fn options(&self) -> crate::pipeline::Options {
        let defaults = crate::pipeline::Options::default();
        crate::pipeline::Options {
            similarity: self.similarity,
            position_bias: self.position_bias.unwrap_or(defaults.position_bias),
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
    LanguageChoice::parse(s).map_err(|e| e.to_string())
}

pub fn parse_budget(s: &str) -> Result<Budget, String> {
    s.parse::<Budget>().map_err(|e| e.to_string())
}
