//! Terminal output: verbosity (`-q`, `-v`) and colour. Colour goes through anstream, which drops
//! it when the stream is not a terminal or NO_COLOR is set.

use std::sync::atomic::{AtomicI8, Ordering};

use anstyle::{AnsiColor, Style};

static VERBOSITY: AtomicI8 = AtomicI8::new(0);

/// Sets the verbosity: -1 quiet, 0 normal, 1 verbose.
pub fn set_verbosity(v: i8) {
    VERBOSITY.store(v, Ordering::Relaxed);
}

pub fn quiet() -> bool {
    VERBOSITY.load(Ordering::Relaxed) < 0
}

pub fn verbose() -> bool {
    VERBOSITY.load(Ordering::Relaxed) > 0
}

const ERROR: Style = AnsiColor::Red.on_default().bold();
const NOTE: Style = AnsiColor::Cyan.on_default();
const GOOD: Style = AnsiColor::Green.on_default();

/// The main result of a command (a path written, a status), on standard output unless quiet.
pub fn result(line: impl std::fmt::Display) {
    if !quiet() {
        anstream::println!("{line}");
    }
}

/// A detail for `-v`, on standard error.
pub fn detail(line: impl std::fmt::Display) {
    if verbose() {
        anstream::eprintln!("{NOTE}{line}{NOTE:#}");
    }
}

/// A status line (watch mode), on standard error unless quiet.
pub fn status(line: impl std::fmt::Display) {
    if !quiet() {
        anstream::eprintln!("{GOOD}{line}{GOOD:#}");
    }
}

/// An error, on standard error, always.
pub fn error(err: &anyhow::Error) {
    anstream::eprintln!("{ERROR}error:{ERROR:#} {err:#}");
}
