//! The `brief` binary: everything lives in the library; see `brief::cli`.

fn main() -> std::process::ExitCode {
    brief::cli::run()
}
