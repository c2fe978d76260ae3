//! Terminal output: verbosity (`-q`, `-v`) and colour. Colour goes through anstream, which drops
//! it when the stream is not a terminal or NO_COLOR is set.

use std::sync::atomic::{AtomicBool, AtomicI8, AtomicUsize, Ordering};

use anstyle::{AnsiColor, Style};

static VERBOSITY: AtomicI8 = AtomicI8::new(0);
static STRICT: AtomicBool = AtomicBool::new(false);
static WARNED: AtomicUsize = AtomicUsize::new(0);

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
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
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
    anstream::eprintln!("{ERROR}error:{ERROR:#} {}", chain(err));
}

/// The error and its causes, `: `-separated, as anyhow's `{:#}` writes them, but each said once:
/// a cause whose text its error already ends with is left out (walkdir's errors quote their I/O
/// error), and the chain ends at a library error whose message already tells its causes (a
/// template error's report).
fn chain(err: &anyhow::Error) -> String {
    let mut out = String::new();
    let mut previous = String::new();
    for (i, cause) in err.chain().enumerate() {
        let text = cause.to_string();
        if i > 0 && previous.ends_with(&text) {
            continue;
        }
        if i > 0 {
            out.push_str(": ");
        }
        out.push_str(&text);
        previous = text;
        if cause
            .downcast_ref::<brief::Error>()
            .is_some_and(brief::Error::reports_its_causes)
        {
            break;
        }
    }
    out
}

/// Sets `--strict`: warnings are errors.
pub fn set_strict(strict: bool) {
    STRICT.store(strict, Ordering::Relaxed);
}

/// Reports warnings: each on standard error (unless quiet), counted for [`warnings_total`].
/// With `--strict`, any warning is an error: the command stops before writing anything.
pub fn warnings<'a>(list: impl IntoIterator<Item = &'a brief::Warning>) -> anyhow::Result<()> {
    let list: Vec<&brief::Warning> = list.into_iter().collect();
    if list.is_empty() {
        return Ok(());
    }
    WARNED.fetch_add(list.len(), Ordering::Relaxed);
    let strict = STRICT.load(Ordering::Relaxed);
    if !quiet() || strict {
        for w in &list {
            anstream::eprintln!("{WARNING}warning:{WARNING:#} {w}");
        }
    }
    if strict {
        anyhow::bail!(
            "{} (--strict: warnings are errors; nothing was written)",
            count(list.len())
        );
    }
    Ok(())
}

/// Prints how many warnings the command gave, if any (at the end, unless quiet).
pub fn warnings_total() {
    let n = WARNED.load(Ordering::Relaxed);
    // Under --strict the error has said how many.
    if n > 0 && !quiet() && !STRICT.load(Ordering::Relaxed) {
        anstream::eprintln!("{WARNING}{}{WARNING:#}", count(n));
    }
}

fn count(n: usize) -> String {
    if n == 1 {
        "1 warning".into()
    } else {
        format!("{n} warnings")
    }
}

#[cfg(test)]
mod tests {
    use super::chain;

    /// Each cause once: walkdir's error quotes its I/O error, which is also its source; a template
    /// error's report already walks minijinja's chain, which is its source.
    #[test]
    fn a_chain_says_each_cause_once() {
        let dir = std::env::temp_dir().join("brief-chain-test-missing");
        let walk = walkdir::WalkDir::new(&dir)
            .into_iter()
            .next()
            .unwrap()
            .unwrap_err();
        let err = anyhow::Error::new(walk).context("reading set");
        let text = chain(&err);
        assert_eq!(
            text.matches("No such file or directory").count(),
            1,
            "{text}"
        );
        assert!(text.starts_with("reading set: IO error"), "{text}");

        use brief::render::{self, Strictness, Templates};
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("brief.md.j2"), "{{ nope.x }}\n").unwrap();
        let templates = Templates::Dir(dir.path().to_path_buf());
        let env = render::environment(&templates, Strictness::Strict);
        let err = render::render(&env, &templates, &brief::sample::brief()).unwrap_err();
        assert!(std::error::Error::source(&err).is_some());
        let report = err.to_string();
        let text = chain(&anyhow::Error::new(err).context("rendering"));
        assert_eq!(text, format!("rendering: {report}"));
    }
}
