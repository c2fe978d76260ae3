//! `brief build`: read the input folder, assign threads, rank, render the brief (Markdown, HTML
//! or JSON), and write `<out>/<date>.<ext>` atomically (temp file + rename). Nothing is written
//! unless every step succeeded. `--check` compares instead of writing; `--watch` rebuilds when an
//! article, a template or the thread file changes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use brief::corpus::Analysis;
use brief::pipeline::{self, Options};
use brief::progress::{Progress, Stage};
use brief::render::{self, Format, Strictness, Templates};
use brief::select::Budget;

use crate::options::{Source, Summary, parse_budget};
use crate::output::write_atomically;
use crate::progress::Bar;
use crate::term;

const EXAMPLES: &str = "\
Examples:
  brief build                                   input/ -> briefs/<today>.md
  brief build --date 2025-02-18                 a fixed date (also: SOURCE_DATE_EPOCH)
  brief build --format html                     a standalone page, briefs/<date>.html
  brief build --check --date 2025-08-20         exit 1 with a diff if the committed brief is stale
  brief build --watch                           rebuild when an article, template or thread changes
  brief build --input news/ --out out/ --templates my-templates/
  brief build --lines 2 --corpus-budget 120w    two lines per article and thread, 120 words overall";

/// `--format` values: the library's [`Format`], with their help text.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum FormatName {
    /// Markdown, from the templates, checked with pulldown-cmark
    Md,
    /// A standalone HTML page made from the Markdown, with an embedded stylesheet
    Html,
    /// The brief model as JSON (schema: docs/brief.schema.json)
    Json,
}

impl From<FormatName> for Format {
    fn from(name: FormatName) -> Format {
        match name {
            FormatName::Md => Format::Md,
            FormatName::Html => Format::Html,
            FormatName::Json => Format::Json,
        }
    }
}

/// Build the brief of a folder of articles
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    #[command(flatten)]
    pub source: Source,
    /// Folder the brief is written to
    #[arg(long, value_name = "DIR", default_value = "briefs")]
    pub out: PathBuf,
    /// Template folder [default: templates/ if it exists, else the built-in templates]
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Date of the brief, YYYY-MM-DD [default: SOURCE_DATE_EPOCH, else today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatName::Md)]
    pub format: FormatName,
    /// Write nothing; exit 1 and print a unified diff if the brief in --out would change
    #[arg(long, conflicts_with = "watch")]
    pub check: bool,
    /// Keep running and rebuild when an article, a template or the thread file changes
    #[arg(long)]
    pub watch: bool,
    /// Budget of each article's key lines: 3, 60w or 0.2
    #[arg(long, value_name = "BUDGET", value_parser = parse_budget)]
    pub article_budget: Option<Budget>,
    /// Budget of each thread's key lines
    #[arg(long, value_name = "BUDGET", value_parser = parse_budget)]
    pub thread_budget: Option<Budget>,
    /// Budget of the corpus key lines
    #[arg(long, value_name = "BUDGET", value_parser = parse_budget)]
    pub corpus_budget: Option<Budget>,
    #[command(flatten)]
    pub summary: Summary,
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse()
        .map_err(|_| format!("{s:?} is not a date (YYYY-MM-DD)"))
}

/// The stale-brief outcome of `--check`: the diff is printed, the exit code is 1.
#[derive(Debug, thiserror::Error)]
#[error("{0} is stale: run `brief build` to update it")]
pub struct Stale(String);

pub fn run(args: Args) -> Result<()> {
    if args.watch {
        return watch(&args);
    }
    let built = build(&args)?;
    if args.check {
        return check(&built);
    }
    write_atomically(&built.path, built.output.as_bytes())?;
    term::result(built.path.display());
    Ok(())
}

/// A rendered brief and where it goes.
struct Built {
    path: PathBuf,
    output: String,
}

/// Everything but writing: read, rank, render, check.
fn build(args: &Args) -> Result<Built> {
    let started = Instant::now();
    let date = brief_date(args.date)?;
    let opts = options(args);
    let templates = templates(args)?;
    let (thread_source, thread_warnings) = args.source.thread_source()?;

    let bar = Bar::new();
    let analysis = Analysis {
        language: args.summary.language,
        inline_furniture: !args.summary.keep_furniture,
    };
    let reading = crate::input::Reading {
        follow: args.source.follow,
        exclude: Some(args.out.clone()),
    };
    let corpus = crate::input::read_folder(&args.source.input, analysis, &reading, &bar)?;
    bar.suspend(|| term::warnings(corpus.warnings.iter().chain(&thread_warnings)))?;
    if corpus.docs.is_empty() {
        anyhow::bail!(
            "{}: no article has a sentence (see the warnings above); nothing written",
            args.source.input.display()
        );
    }
    term::detail(format_args!(
        "read and analysed {} articles, {} sentences, in {} ms",
        corpus.docs.len(),
        corpus.sentence_count(),
        started.elapsed().as_millis()
    ));
    let ranking = Instant::now();
    let mut brief = pipeline::build_brief_with(&corpus, thread_source, date, &opts, &bar);
    brief.warnings.extend(thread_warnings);
    drop(corpus);
    term::detail(format_args!(
        "{} threads; threads and key lines in {} ms",
        brief.stats.threads,
        ranking.elapsed().as_millis()
    ));
    if term::verbose() {
        for thread in &brief.threads {
            for a in &thread.articles {
                let terms: Vec<String> = a.evidence.iter().map(ToString::to_string).collect();
                term::detail(format_args!(
                    "  {} -> {} ({})",
                    a.file,
                    thread.name,
                    if terms.is_empty() {
                        "no evidence".into()
                    } else {
                        terms.join(", ")
                    }
                ));
            }
        }
    }

    let rendering = Instant::now();
    bar.start(Stage::Rendering, 1);
    let env = render::environment(&templates, Strictness::Normal);
    let output = render::output(&env, &templates, &brief, args.format.into())?;
    bar.advance(1);
    term::detail(format_args!(
        "rendered with {} in {} ms; {} ms in all ({})",
        templates_label(&templates),
        rendering.elapsed().as_millis(),
        started.elapsed().as_millis(),
        bar.stage_times()
    ));
    drop(bar);
    Ok(Built {
        path: args
            .out
            .join(format!("{date}.{}", Format::from(args.format).extension())),
        output,
    })
}

fn templates(args: &Args) -> Result<Templates> {
    crate::templates::folder(args.templates.clone())
}

fn templates_label(t: &Templates) -> String {
    match t {
        Templates::Dir(d) => format!("templates from {}", d.display()),
        Templates::Embedded => "the built-in templates".into(),
    }
}

/// `--check`: the brief on disk must equal the one just built (line ends aside).
fn check(built: &Built) -> Result<()> {
    let path = built.path.display().to_string();
    let current = match std::fs::read_to_string(&built.path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!("{path} does not exist: run `brief build` to write it")
        }
        Err(e) => return Err(e).with_context(|| format!("cannot read {path}")),
    };
    // A checkout with CRLF line ends (git's autocrlf) holds the same brief.
    let current = if current.contains("\r\n") {
        current.replace("\r\n", "\n")
    } else {
        current
    };
    if current == built.output {
        term::result(format_args!("{path} is current"));
        return Ok(());
    }
    let diff = similar::TextDiff::from_lines(&current, &built.output);
    // git-style a/ and b/ prefixes, for relative paths.
    let (a, b) = if built.path.is_absolute() {
        (path.clone(), path.clone())
    } else {
        (format!("a/{path}"), format!("b/{path}"))
    };
    let mut out = std::io::stdout().lock();
    write!(
        out,
        "{}",
        diff.unified_diff().context_radius(3).header(&a, &b)
    )?;
    out.flush()?;
    Err(Stale(path).into())
}

/// `--watch`: build, then rebuild on every change (debounced), reporting what changed, how long
/// the build took and any error, until interrupted.
fn watch(args: &Args) -> Result<()> {
    use notify_debouncer_mini::{DebounceEventResult, new_debouncer, notify::RecursiveMode};

    let once = |changed: &str| {
        let started = Instant::now();
        match build(args)
            .and_then(|b| write_atomically(&b.path, b.output.as_bytes()).map(|()| b.path))
        {
            Ok(path) => term::status(format_args!(
                "{changed}wrote {} in {} ms",
                path.display(),
                started.elapsed().as_millis()
            )),
            Err(e) => term::error(&e),
        }
    };
    let (tx, rx) = std::sync::mpsc::channel::<DebounceEventResult>();
    let mut debouncer =
        new_debouncer(Duration::from_millis(200), tx).context("cannot watch files")?;
    let mut watched: Vec<PathBuf> = vec![args.source.input.clone()];
    if let Templates::Dir(d) = templates(args)? {
        watched.push(d);
    }
    if let Some(t) = &args.source.threads {
        watched.push(t.clone());
    }
    for path in &watched {
        debouncer
            .watcher()
            .watch(path, RecursiveMode::Recursive)
            .with_context(|| format!("cannot watch {}", path.display()))?;
    }
    let out_dir = std::fs::canonicalize(&args.out).unwrap_or_else(|_| args.out.clone());
    // Each watched file's modification time and size, taken before the first build: reading a
    // file (as every build does) is an event too, and only a file whose stamp changed is a
    // change.
    let mut stamps: std::collections::HashMap<PathBuf, Option<Stamp>> = watched
        .iter()
        .filter_map(|w| std::fs::canonicalize(w).ok())
        .flat_map(|w| walkdir::WalkDir::new(w).into_iter().flatten())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), stamp(e.path())))
        .collect();
    once("");
    let names: Vec<String> = watched.iter().map(|p| p.display().to_string()).collect();
    term::status(format_args!(
        "watching {} (Ctrl-C to stop)",
        names.join(", ")
    ));
    for events in rx {
        let events = match events {
            Ok(events) => events,
            Err(e) => {
                term::error(&anyhow::anyhow!("watching: {e}"));
                continue;
            }
        };
        let cwd = std::env::current_dir().unwrap_or_default();
        let mut changed: Vec<String> = events
            .iter()
            .map(|e| &e.path)
            .filter(|p| !p.starts_with(&out_dir) && relevant(p))
            .filter(|p| {
                let key = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
                let now = stamp(p);
                stamps.insert(key, now) != Some(now)
            })
            .map(|p| p.strip_prefix(&cwd).unwrap_or(p).display().to_string())
            .collect();
        changed.sort();
        changed.dedup();
        if changed.is_empty() {
            continue;
        }
        once(&format!("changed {}; ", changed.join(", ")));
    }
    Ok(())
}

/// A file's modification time and size, or `None` when it is gone.
type Stamp = (std::time::SystemTime, u64);

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Whether a changed file can change the brief: an article, a template or a TOML thread file
/// (editors' swap and backup files are not).
fn relevant(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.starts_with('.') || name.ends_with('~') {
        return false;
    }
    brief::ingest::is_article_path(path) || name.ends_with(".j2") || name.ends_with(".toml")
}

/// The summarizer options the flags give: `--lines/--words/--ratio` set every section, the
/// per-section flags override one.
fn options(args: &Args) -> Options {
    let mut opts = args.summary.options();
    if let Some(b) = args.summary.budget() {
        opts.article = b;
        opts.thread = b;
        opts.corpus = b;
    }
    opts.article = args.article_budget.unwrap_or(opts.article);
    opts.thread = args.thread_budget.unwrap_or(opts.thread);
    opts.corpus = args.corpus_budget.unwrap_or(opts.corpus);
    opts
}

/// The brief's date: `--date`, else SOURCE_DATE_EPOCH (UTC), else today (local time). No other
/// clock is read anywhere.
pub fn brief_date(flag: Option<jiff::civil::Date>) -> Result<jiff::civil::Date> {
    if let Some(d) = flag {
        return Ok(d);
    }
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let secs: i64 = epoch
            .trim()
            .parse()
            .with_context(|| format!("SOURCE_DATE_EPOCH={epoch:?} is not a number of seconds"))?;
        let ts = jiff::Timestamp::from_second(secs)
            .with_context(|| format!("SOURCE_DATE_EPOCH={epoch} is out of range"))?;
        return Ok(ts.to_zoned(jiff::tz::TimeZone::UTC).date());
    }
    Ok(jiff::Zoned::now().date())
}

#[cfg(test)]
mod tests {
    use clap::ValueEnum;

    use super::*;

    /// Each `--format` value is the library's format of that name, both ways.
    #[test]
    fn format_values_are_the_librarys() {
        assert_eq!(FormatName::value_variants().len(), Format::ALL.len());
        for &value in FormatName::value_variants() {
            let name = value.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(name.parse::<Format>().unwrap(), Format::from(value));
            assert_eq!(Format::from(value).to_string(), name);
        }
    }
}
