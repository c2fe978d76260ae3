//! The top-level command: clap's definition of `brief` and its subcommands, and the mapping of
//! outcomes to exit codes (0 ok, 1 error, 2 usage).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::{build, completions, eval, output, split, summarize, templates, term, threads};

const EXAMPLES: &str = "\
Examples:
  brief build                              write briefs/<today>.md from input/
  brief build --date 2025-02-18 --lines 4  a dated brief, four lines per section
  brief build --watch                      rebuild on every change to articles or templates
  brief summarize article.txt              key lines of one article
  brief summarize --words 100 folder/      100 words from a folder taken as one corpus
  cat article.txt | brief summarize -      read standard input
  brief split article.txt                  one sentence per line
  brief eval ../shared/eval/cnndm          ROUGE of brief's summaries on a data set
  brief templates init                     write the built-in templates out for editing
  brief threads --format toml              a thread file from the threads discovered in input/";

/// Turn a folder of news articles into a Markdown briefing.
#[derive(Debug, Parser)]
#[command(name = "brief", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    /// Print nothing but errors
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print details: threads and their evidence, timings
    #[arg(short, long, global = true)]
    verbose: bool,
    /// Treat warnings (skipped articles, dropped links, ...) as errors: exit 1, write nothing
    #[arg(long, global = true)]
    strict: bool,
    /// Use at most N threads [default: one per core]
    #[arg(short, long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Build(build::Args),
    Summarize(summarize::Args),
    Split(split::Args),
    Eval(eval::Args),
    Templates(templates::Args),
    Threads(threads::Args),
    Completions(completions::Args),
    Man(completions::ManArgs),
}

/// Parses the command line and runs it. Usage errors exit with 2 (clap), other errors with 1.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    term::set_verbosity(if cli.quiet {
        -1
    } else if cli.verbose {
        1
    } else {
        0
    });
    term::set_strict(cli.strict);
    output::remove_on_interrupt();
    if let Some(n) = cli.jobs
        && let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build_global()
    {
        term::error(&anyhow::anyhow!("cannot start {n} threads: {e}"));
        return ExitCode::FAILURE;
    }
    let result = match cli.command {
        Command::Build(args) => build::run(args),
        Command::Summarize(args) => summarize::run(args),
        Command::Split(args) => split::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Templates(args) => templates::run(args),
        Command::Threads(args) => threads::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => completions::man(args),
    };
    term::warnings_total();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`brief man | head`) is not an error of brief's.
        Err(err)
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            term::error(&err);
            ExitCode::FAILURE
        }
    }
}
