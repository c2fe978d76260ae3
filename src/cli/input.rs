//! Reading articles from the file system: a folder (recursively, sorted by path, hidden entries
//! skipped), one file, or standard input. Every error names the file.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::ingest::{self, Article};

/// Reads every `.txt` and `.md` article under `dir`, sorted by relative path.
pub fn read_folder(dir: &Path) -> Result<Vec<Article>> {
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
    files
        .iter()
        .map(|(rel, path)| read_file_as(path, rel))
        .collect()
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

/// Reads the bytes a `<FILE|->` argument names, with the path to name in errors.
pub fn read_any_one(arg: &Path) -> Result<(PathBuf, Vec<u8>)> {
    if arg == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        Ok((PathBuf::from("<stdin>"), bytes))
    } else {
        let bytes = std::fs::read(arg).with_context(|| format!("cannot read {}", arg.display()))?;
        Ok((arg.to_path_buf(), bytes))
    }
}

/// Reads what a `<FILE|DIR|->` argument names.
pub fn read_any(arg: &Path) -> Result<Vec<Article>> {
    if arg == Path::new("-") {
        Ok(vec![read_stdin()?])
    } else if arg.is_dir() {
        read_folder(arg)
    } else if arg.exists() {
        Ok(vec![read_file(arg)?])
    } else {
        bail!("{} does not exist", arg.display())
    }
}
