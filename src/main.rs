//! The `brief` binary: everything lives in the library; see `brief::cli`.

/// mimalloc: the pipeline allocates many small vectors and strings from every thread at once,
/// which the system allocator serves more slowly (measured in docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    brief::cli::run()
}
