//! `brief summarize`: the key lines of one article, or of a folder taken as one corpus, one per
//! line and nothing else (this is what quality is measured on).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use brief::corpus::Analysis;
use brief::pipeline;
use brief::progress::{Progress, Stage};
use brief::select::Budget;

use crate::options::Summary;
use crate::progress::Bar;

const EXAMPLES: &str = "\
Examples:
  brief summarize article.txt               three key lines of one article
  brief summarize --words 100 input/        100 words from a folder taken as one corpus
  brief summarize --ratio 0.2 --language de artikel.md
  cat article.txt | brief summarize -";

/// Print the key lines of an article (or a folder as one corpus), one per line
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// An article file, a folder of articles, or - for standard input (at most 64 MiB)
    #[arg(value_name = "FILE|DIR|-")]
    pub input: PathBuf,
    /// Follow symbolic links in a folder (skipped with a warning otherwise)
    #[arg(long)]
    pub follow: bool,
    #[command(flatten)]
    pub summary: Summary,
}

/// Default budget of `summarize`.
pub const DEFAULT_BUDGET: Budget = Budget::Lines(3);

pub fn run(args: Args) -> Result<()> {
    let bar = Bar::new();
    let analysis = Analysis {
        language: args.summary.language,
        inline_furniture: !args.summary.keep_furniture,
    };
    let reading = crate::input::Reading {
        follow: args.follow,
        exclude: None,
    };
    let corpus = crate::input::read_any(&args.input, analysis, &reading, &bar)?;
    bar.suspend(|| crate::term::warnings(&corpus.warnings))?;
    let opts = args.summary.options();
    let budget = args.summary.budget().unwrap_or(DEFAULT_BUDGET);
    bar.start(Stage::Ranking, 1);
    let lines = pipeline::summarize(&corpus, budget, &opts);
    drop(bar);
    let mut out = std::io::stdout().lock();
    for line in lines {
        writeln!(out, "{}", corpus.line_text(line.id))?;
    }
    out.flush()?;
    Ok(())
}
