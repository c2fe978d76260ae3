//! The `brief` binary: the command line over the `brief` library. One file per subcommand
//! (`build.rs`, `summarize.rs`, ...); `cli.rs` parses the arguments and maps outcomes to exit
//! codes (0 ok, 1 error, 2 usage). Only this crate touches the terminal and writes files; the
//! library reads articles, ranks and renders.

mod build;
mod cli;
mod completions;
mod eval;
mod input;
mod options;
mod output;
mod progress;
mod split;
mod summarize;
mod templates;
mod term;
mod threads;

/// mimalloc: the pipeline allocates many small vectors and strings from every thread at once,
/// which the system allocator serves more slowly (measured in docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
