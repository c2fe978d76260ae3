//! `brief build`: read the input folder, assign threads, rank, render the brief through the
//! templates, check the Markdown, and write `<out>/<date>.md` atomically (temp file + rename).
//! Nothing is written unless every step succeeded.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::corpus::Corpus;
use crate::pipeline::{self, Options, ThreadSource};
use crate::render::{self, Strictness, Templates};
use crate::select::Budget;
use crate::threads;

use super::options::{Summary, parse_budget};

const EXAMPLES: &str = "\
Examples:
  brief build                                   input/ -> briefs/<today>.md
  brief build --date 2025-02-18                 a fixed date (also: SOURCE_DATE_EPOCH)
  brief build --input news/ --out out/ --templates my-templates/
  brief build --lines 2 --corpus-budget 120w    two lines per article and thread, 120 words overall";

/// Build the Markdown brief of a folder of articles
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Folder of articles (*.txt, *.md)
    #[arg(long, value_name = "DIR", default_value = "input")]
    pub input: PathBuf,
    /// Folder the brief is written to
    #[arg(long, value_name = "DIR", default_value = "briefs")]
    pub out: PathBuf,
    /// Template folder [default: templates/ if it exists, else the built-in templates]
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Thread file [default: <input>/threads.toml if it exists, else threads are discovered]
    #[arg(long, value_name = "FILE")]
    pub threads: Option<PathBuf>,
    /// Date of the brief, YYYY-MM-DD [default: SOURCE_DATE_EPOCH, else today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
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

pub fn run(args: Args) -> Result<()> {
    let date = brief_date(args.date)?;
    let opts = options(&args);
    let templates = match &args.templates {
        Some(dir) if !dir.is_dir() => bail!("template folder {} does not exist", dir.display()),
        Some(dir) => Templates::Dir(dir.clone()),
        None if Path::new("templates").is_dir() => Templates::Dir(PathBuf::from("templates")),
        None => Templates::Embedded,
    };
    let thread_source = match &args.threads {
        Some(file) => ThreadSource::Defined(read_threads(file)?),
        None => {
            let default = args.input.join("threads.toml");
            if default.is_file() {
                ThreadSource::Defined(read_threads(&default)?)
            } else {
                ThreadSource::Discover
            }
        }
    };

    let articles = super::input::read_folder(&args.input)?;
    let corpus = Corpus::build_with(
        articles,
        args.summary.language,
        !args.summary.keep_furniture,
    );
    let brief = pipeline::build_brief(&corpus, thread_source, date, &opts);

    let env = render::environment(&templates, Strictness::Normal);
    let markdown = render::render(&env, &templates, &brief)?;
    render::check_markdown(&markdown, &brief)?;

    let path = args.out.join(format!("{date}.md"));
    write_atomically(&path, markdown.as_bytes())?;
    println!("{}", path.display());
    Ok(())
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

fn read_threads(path: &Path) -> Result<Vec<threads::ThreadDef>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read thread file {}", path.display()))?;
    Ok(threads::parse(path, &text)?)
}

/// The brief's date: `--date`, else SOURCE_DATE_EPOCH (UTC), else today (local time).
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

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed into place.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create folder {}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    tmp.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.as_file().sync_all().ok();
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
