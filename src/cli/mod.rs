//! The command line: clap definitions, one file per subcommand, and the mapping of outcomes to
//! exit codes (0 ok, 1 error, 2 usage). Only this module touches the file system and the terminal.

mod build;
mod eval;
mod input;
mod options;
mod split;
mod summarize;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  brief build                              write briefs/<today>.md from input/
  brief build --date 2025-02-18 --lines 4  a dated brief, four lines per section
  brief summarize article.txt              key lines of one article
  brief summarize --words 100 folder/      100 words from a folder taken as one corpus
  cat article.txt | brief summarize -      read standard input
  brief split article.txt                  one sentence per line
  brief eval ../shared/eval/cnndm          ROUGE of brief's summaries on a data set";

/// Turn a folder of news articles into a Markdown briefing.
#[derive(Debug, Parser)]
#[command(name = "brief", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Build(build::Args),
    Summarize(summarize::Args),
    Split(split::Args),
    Eval(eval::Args),
}

/// Parses the command line and runs it. Usage errors exit with 2 (clap), other errors with 1.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => build::run(args),
        Command::Summarize(args) => summarize::run(args),
        Command::Split(args) => split::run(args),
        Command::Eval(args) => eval::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
