//! `brief eval`: ROUGE of brief's own summaries on a data set (every folder holding
//! `article.txt` and `ref*.txt`), or of ready summaries against references.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use serde::Serialize;

use brief::eval::{self, Rouge, RougeOptions};
use brief::select::Budget;
use brief::warning::Warning;

use crate::options::Summary;

const EXAMPLES: &str = "\
Examples:
  brief eval ../shared/eval/cnndm                  summarize every article at its reference's length, score
  brief eval --format json ../shared/eval/bbc      per-item scores too
  brief eval --part 1/2 ../shared/eval/cnndm       the first half only (tune on it, report on 2/2)
  brief eval --summaries out/ --refs refs/         score ready summaries (out/a.txt against refs/a.txt,
                                                   refs/a.*.txt or refs/a/*.txt)
  brief eval --no-stem --limit-words 100 --summaries out/ --refs refs/";

/// Score summaries with ROUGE-1, ROUGE-2 and ROUGE-L
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// A data set: folders holding article.txt and ref*.txt (one reference sentence per line)
    #[arg(
        value_name = "DIR",
        required_unless_present = "summaries",
        conflicts_with = "summaries"
    )]
    pub set: Option<PathBuf>,
    /// Folder of ready summaries (*.txt) to score instead
    #[arg(long, value_name = "DIR", requires = "refs")]
    pub summaries: Option<PathBuf>,
    /// Folder of references for --summaries
    #[arg(long, value_name = "DIR", requires = "summaries")]
    pub refs: Option<PathBuf>,
    /// Score without Porter stemming
    #[arg(long)]
    pub no_stem: bool,
    /// Cut each summary to this many words before scoring [default in data set mode: the budget]
    #[arg(long, value_name = "N")]
    pub limit_words: Option<usize>,
    /// Only part K of N of the data set, split in N equal runs of items sorted by path (1/2 is
    /// the first half)
    #[arg(long, value_name = "K/N", value_parser = parse_part)]
    pub part: Option<(usize, usize)>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    #[command(flatten)]
    pub summary: Summary,
}

fn parse_part(s: &str) -> Result<(usize, usize), String> {
    let bad = || format!("{s:?} is not a part K/N with 1 <= K <= N");
    let (k, n) = s.split_once('/').ok_or_else(bad)?;
    let (k, n): (usize, usize) = (
        k.trim().parse().map_err(|_| bad())?,
        n.trim().parse().map_err(|_| bad())?,
    );
    if k == 0 || n == 0 || k > n {
        return Err(bad());
    }
    Ok((k, n))
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// A table of mean scores
    Table,
    /// Mean and per-item scores as JSON
    Json,
}

#[derive(Serialize)]
struct Item {
    id: String,
    /// Word budget the summary was made at (data set mode).
    #[serde(skip_serializing_if = "Option::is_none")]
    budget: Option<usize>,
    references: usize,
    #[serde(flatten)]
    rouge: Rouge,
}

#[derive(Serialize)]
struct Report<'a> {
    items: usize,
    stemming: bool,
    mean: Rouge,
    #[serde(rename = "per_item")]
    per_item: &'a [Item],
}

pub fn run(args: Args) -> Result<()> {
    let stem = !args.no_stem;
    let items = match (&args.set, &args.summaries, &args.refs) {
        (Some(set), _, _) => dataset(set, &args, stem)?,
        (None, Some(s), Some(r)) => compare(s, r, &args, stem)?,
        _ => bail!("give a data set folder, or --summaries and --refs"),
    };
    let mean = Rouge::mean(items.iter().map(|i| &i.rouge));
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            let report = Report {
                items: items.len(),
                stemming: stem,
                mean,
                per_item: &items,
            };
            writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
        }
        Format::Table => {
            let what = args
                .set
                .as_ref()
                .or(args.summaries.as_ref())
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            writeln!(
                out,
                "{what}: {} items; ROUGE x100, Porter stemming {}",
                items.len(),
                if stem { "on" } else { "off" }
            )?;
            writeln!(
                out,
                "{:8} {:>9} {:>9} {:>9}",
                "measure", "precision", "recall", "F1"
            )?;
            for (name, s) in [
                ("ROUGE-1", mean.rouge1),
                ("ROUGE-2", mean.rouge2),
                ("ROUGE-L", mean.rouge_l),
            ] {
                writeln!(
                    out,
                    "{name:8} {:9.2} {:9.2} {:9.2}",
                    100.0 * s.precision,
                    100.0 * s.recall,
                    100.0 * s.f1
                )?;
            }
        }
    }
    Ok(())
}

fn progress(len: usize) -> indicatif::ProgressBar {
    if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(len as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} {elapsed_precise} (eta {eta})",
            )
            .expect("valid template"),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    }
}

/// "… does not exist" or "… is a file, not a folder".
fn not_a_folder(what: &str, path: &Path) -> String {
    if path.exists() {
        format!("{what} {} is a file, not a folder", path.display())
    } else {
        format!("{what} {} does not exist", path.display())
    }
}

/// Summarizes every article of the set at its first reference's word count and scores it.
fn dataset(root: &Path, args: &Args, stem: bool) -> Result<Vec<Item>> {
    if !root.is_dir() {
        bail!("{}", not_a_folder("data set folder", root));
    }
    let (mut units, gaps) =
        eval::find_units_and_gaps(root).with_context(|| format!("reading {}", root.display()))?;
    warn_under(root, gaps)?;
    if let Some((k, n)) = args.part {
        // Part k of n: items [(k-1)·len/n, k·len/n) of the list sorted by path.
        let len = units.len();
        units = units.drain((k - 1) * len / n..k * len / n).collect();
    }
    if units.is_empty() {
        bail!(
            "{}: no folder holds article.txt and ref*.txt",
            root.display()
        );
    }
    if matches!(
        args.summary.budget(),
        Some(Budget::Lines(_) | Budget::Ratio(_))
    ) {
        bail!(
            "eval summarizes by words (default: the first reference's word count); use --words N"
        );
    }
    let opts = args.summary.options();
    let bar = progress(units.len());
    let items = units
        .par_iter()
        .map(|unit| {
            let budget = args.summary.budget().and_then(|b| match b {
                Budget::Words(n) => Some(n),
                _ => None,
            });
            let setup = eval::Setup {
                language: args.summary.language,
                inline_furniture: !args.summary.keep_furniture,
                options: &opts,
                rouge: RougeOptions {
                    stem,
                    limit_words: args.limit_words,
                },
            };
            let scored = eval::evaluate(unit, budget, &setup)?;
            bar.inc(1);
            Ok((
                scored.warnings,
                Item {
                    id: unit.id.clone(),
                    budget: Some(scored.budget),
                    references: unit.references.len(),
                    rouge: scored.rouge,
                },
            ))
        })
        .collect::<Result<Vec<_>>>();
    bar.finish_and_clear();
    let (warnings, items): (Vec<Vec<Warning>>, Vec<Item>) = items?.into_iter().unzip();
    warn_under(root, warnings.into_iter().flatten())?;
    Ok(items)
}

/// Reports warnings about files of the data set at `root`, named with the set's path.
fn warn_under(root: &Path, warnings: impl IntoIterator<Item = Warning>) -> Result<()> {
    let named: Vec<Warning> = warnings
        .into_iter()
        .map(|w| Warning {
            file: root.join(&w.file).display().to_string(),
            ..w
        })
        .collect();
    crate::term::warnings(&named)
}

/// The entries of `dir` (not of its subfolders), sorted by name.
fn list(dir: &Path) -> Result<Vec<PathBuf>> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .map(|e| Ok(e?.into_path()))
        .collect()
}

/// Scores `summaries/<name>.txt` against `refs/<name>.txt`, `refs/<name>.*.txt` or
/// `refs/<name>/*.txt`.
fn compare(summaries: &Path, refs: &Path, args: &Args, stem: bool) -> Result<Vec<Item>> {
    for (what, dir) in [("summaries folder", summaries), ("references folder", refs)] {
        if !dir.is_dir() {
            bail!("{}", not_a_folder(what, dir));
        }
    }
    let mut names = list(summaries)?;
    names.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    if names.is_empty() {
        bail!("{}: no summaries (*.txt)", summaries.display());
    }
    let ref_files = list(refs)?;
    // A reference no summary is scored against is left out: say so.
    let stems: Vec<String> = names
        .iter()
        .map(|p| {
            p.file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let unused: Vec<Warning> = ref_files
        .iter()
        .filter(|r| {
            let name = r.file_name().unwrap_or_default().to_string_lossy();
            let key = if r.is_dir() {
                Some(name.to_string())
            } else {
                name.strip_suffix(".txt").map(str::to_string)
            };
            key.is_some_and(|k| {
                !stems
                    .iter()
                    .any(|s| k == *s || k.starts_with(&format!("{s}.")))
            })
        })
        .map(|r| {
            Warning::new(
                r.display().to_string(),
                "skipped: no summary for this reference",
            )
        })
        .collect();
    crate::term::warnings(&unused)?;
    let rouge_opts = RougeOptions {
        stem,
        limit_words: args.limit_words,
    };
    names
        .iter()
        .map(|path| {
            let stem_name = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let mut texts = Vec::new();
            for r in &ref_files {
                let name = r
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                if r.is_dir() && name == stem_name {
                    let mut inner = list(r)?;
                    inner.retain(|p| p.extension().is_some_and(|e| e == "txt"));
                    for p in inner {
                        texts.push(
                            std::fs::read_to_string(&p)
                                .with_context(|| format!("cannot read {}", p.display()))?,
                        );
                    }
                } else if r.is_file()
                    && (name == format!("{stem_name}.txt")
                        || (name.starts_with(&format!("{stem_name}.")) && name.ends_with(".txt")))
                {
                    texts.push(
                        std::fs::read_to_string(r)
                            .with_context(|| format!("cannot read {}", r.display()))?,
                    );
                }
            }
            if texts.is_empty() {
                bail!(
                    "{}: no reference for it in {}",
                    path.display(),
                    refs.display()
                );
            }
            let summary = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let ref_texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            Ok(Item {
                id: stem_name,
                budget: None,
                references: texts.len(),
                rouge: eval::score(&summary, &ref_texts, rouge_opts),
            })
        })
        .collect()
}
