//! Reading articles from the file system: a folder (recursively, sorted by path, hidden entries
//! skipped), one file, or standard input. Every error names the file.
//!
//! A folder is read and analysed in one parallel pass: each file's bytes are decoded, parsed and
//! analysed, then dropped, so no article's text is ever held twice over (docs/performance.md).
//! When several files are bad, the error names the first by path, whatever the thread count.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

use crate::corpus::{Analysed, Analysis, Corpus};
use crate::ingest::{self, Article};
use crate::progress::{Progress, Stage};

/// The most bytes read from standard input: one article, however long, is far smaller.
pub const STDIN_LIMIT: u64 = 64 * 1024 * 1024;

/// The `.txt` and `.md` files under `dir`: (path relative to `dir`, path), sorted.
fn article_files(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    if !dir.exists() {
        bail!("input folder {} does not exist", dir.display());
    }
    if !dir.is_dir() {
        bail!("{} is not a folder", dir.display());
    }
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.with_context(|| format!("reading folder {}", dir.display()))?;
        let path = entry.path();
        if entry.file_type().is_file() && ingest::is_article_path(path) {
            let rel = path
                .strip_prefix(dir)
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/");
            files.push((rel, path.to_path_buf()));
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(crate::Error::NoArticles(dir.to_path_buf()).into());
    }
    Ok(files)
}

/// Reads and analyses every article under `dir`, in parallel.
pub fn read_folder(dir: &Path, analysis: Analysis, progress: &dyn Progress) -> Result<Corpus> {
    progress.start(Stage::Reading, 0);
    let files = article_files(dir)?;
    progress.start(Stage::Analysing, files.len());
    let analysed: Vec<Result<Analysed>> = files
        .par_iter()
        .map(|(rel, path)| {
            let article = read_file_as(path, rel)?;
            let done = Analysed::new(article, analysis);
            progress.advance(1);
            Ok(done)
        })
        .collect();
    let analysed = analysed.into_iter().collect::<Result<Vec<Analysed>>>()?;
    Ok(Corpus::assemble(analysed))
}

/// Reads one article file.
pub fn read_file(path: &Path) -> Result<Article> {
    let rel = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article.txt".into());
    read_file_as(path, &rel)
}

fn read_file_as(path: &Path, rel: &str) -> Result<Article> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(ingest::parse(path, rel, &bytes)?)
}

/// Reads one article from standard input (as plain text).
pub fn read_stdin() -> Result<Article> {
    let (path, bytes) = read_any_one(Path::new("-"))?;
    Ok(ingest::parse(&path, "stdin.txt", &bytes)?)
}

/// Reads the bytes a `<FILE|->` argument names, with the path to name in errors. Standard input
/// stops with an error past [`STDIN_LIMIT`].
pub fn read_any_one(arg: &Path) -> Result<(PathBuf, Vec<u8>)> {
    if arg == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(STDIN_LIMIT + 1)
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        if bytes.len() as u64 > STDIN_LIMIT {
            bail!(
                "standard input is longer than {} MiB, the limit for one article; save it to a file and give its path",
                STDIN_LIMIT >> 20
            );
        }
        Ok((PathBuf::from("<stdin>"), bytes))
    } else {
        let bytes = std::fs::read(arg).with_context(|| format!("cannot read {}", arg.display()))?;
        Ok((arg.to_path_buf(), bytes))
    }
}

/// Reads and analyses what a `<FILE|DIR|->` argument names.
pub fn read_any(arg: &Path, analysis: Analysis, progress: &dyn Progress) -> Result<Corpus> {
    let one = |article: Article| Corpus::analyse(vec![article], analysis, progress);
    if arg == Path::new("-") {
        Ok(one(read_stdin()?))
    } else if arg.is_dir() {
        read_folder(arg, analysis, progress)
    } else if arg.exists() {
        Ok(one(read_file(arg)?))
    } else {
        bail!("{} does not exist", arg.display())
    }
}
