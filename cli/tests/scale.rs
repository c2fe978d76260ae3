//! Large inputs. Work runs on all cores, and the output does not depend on it: the sample and a
//! generated corpus built with one thread and with four give the same bytes, in every format and
//! for `summarize`; bad input names the same file whatever the thread count. A long run shows a
//! progress bar on a terminal only. Standard input has a limit.

use std::path::{Path, PathBuf};

use brief::lang::Lang;
use brief::segment;

mod common;
use common::{brief, root};

/// A corpus of `n` articles made from the sample's sentences: article k retells story k mod 5
/// (most of its sentences, in order) with two sentences of other stories mixed in, as a day's
/// wire copy does. The same `n` always gives the same files.
fn generated_corpus(dir: &Path, n: usize) {
    let mut stories: Vec<Vec<String>> = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(root().join("input"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(path).unwrap();
        let sentences: Vec<String> = segment::split_document(&text, Lang::English)
            .into_iter()
            .filter(|s| s.split_whitespace().count() >= 6)
            .collect();
        stories.push(sentences);
    }
    let mut state = 42u64;
    let mut next = |m: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) % m as u64) as usize
    };
    for k in 0..n {
        let story = &stories[k % stories.len()];
        let mut lines: Vec<&str> = story
            .iter()
            .filter(|_| next(10) < 7)
            .map(String::as_str)
            .collect();
        for _ in 0..2 {
            let other = &stories[next(stories.len())];
            let at = next(lines.len() + 1);
            lines.insert(at, &other[next(other.len())]);
        }
        let paragraphs: Vec<String> = lines.chunks(3).map(|c| c.join(" ")).collect();
        let sub = dir.join(format!("{:02}", k / 50));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(
            sub.join(format!("{k:04}.txt")),
            paragraphs.join("\n\n") + "\n",
        )
        .unwrap();
    }
}

fn build(input: &Path, jobs: &str, format: &str) -> Vec<u8> {
    let out = tempfile::tempdir().unwrap();
    brief()
        .args([
            "-j",
            jobs,
            "build",
            "-q",
            "--date",
            "2025-08-20",
            "--format",
            format,
        ])
        .arg("--input")
        .arg(input)
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    std::fs::read(out.path().join(format!("2025-08-20.{format}"))).unwrap()
}

fn summarize(input: &Path, jobs: &str) -> Vec<u8> {
    let output = brief()
        .args(["-j", jobs, "summarize", "--lines", "8"])
        .arg(input)
        .assert()
        .success();
    output.get_output().stdout.clone()
}

#[test]
fn the_sample_is_the_same_on_one_thread_and_four() {
    let input = root().join("input");
    for format in ["md", "json"] {
        assert_eq!(
            build(&input, "1", format),
            build(&input, "4", format),
            "{format}"
        );
    }
    assert_eq!(summarize(&input, "1"), summarize(&input, "4"));
}

#[test]
fn a_generated_corpus_is_the_same_on_one_thread_and_four() {
    let dir = tempfile::tempdir().unwrap();
    generated_corpus(dir.path(), 300);
    // Threads discovered.
    let one = build(dir.path(), "1", "json");
    assert_eq!(one, build(dir.path(), "4", "json"));
    let model: serde_json::Value = serde_json::from_slice(&one).unwrap();
    assert_eq!(model["stats"]["articles"], 300);
    assert!(model["threads"].as_array().unwrap().len() > 1);
    // Threads from the sample's thread file.
    std::fs::copy(
        root().join("input/threads.toml"),
        dir.path().join("threads.toml"),
    )
    .unwrap();
    assert_eq!(build(dir.path(), "1", "md"), build(dir.path(), "4", "md"));
    let lines = summarize(dir.path(), "1");
    assert_eq!(String::from_utf8_lossy(&lines).lines().count(), 8);
    assert_eq!(lines, summarize(dir.path(), "4"));
}

#[test]
fn the_first_bad_file_by_path_is_named_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    generated_corpus(dir.path(), 120);
    std::fs::write(dir.path().join("00/0003.txt"), b"ok\n\xff bad\n").unwrap();
    std::fs::write(dir.path().join("01/0077.txt"), b"\xfe\n").unwrap();
    for jobs in ["1", "4"] {
        brief()
            .args(["-j", jobs, "build", "-q", "--out"])
            .arg(dir.path().join("out"))
            .arg("--input")
            .arg(dir.path())
            .assert()
            .code(1)
            .stderr(predicates::str::contains("00/0003.txt:2: not valid UTF-8"));
        assert!(!dir.path().join("out").exists());
    }
}

#[test]
fn standard_input_stops_at_its_limit() {
    let big = vec![b'a'; 64 * 1024 * 1024 + 1];
    brief()
        .args(["summarize", "-"])
        .write_stdin(big)
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "standard input is longer than 64 MiB",
        ));
}

/// Runs `brief` under a pseudo-terminal (util-linux `script`), returning what the terminal got.
fn on_a_terminal(args: &str, ci: bool) -> Option<String> {
    let exe = assert_cmd::cargo::cargo_bin("brief");
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec", &format!("{} {args}", exe.display()), "/dev/null"])
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("CI");
    if ci {
        cmd.env("CI", "true");
    }
    let out = cmd.output().ok()?;
    assert!(out.status.success(), "{out:?}");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn a_long_run_shows_progress_on_a_terminal_only() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    // Large enough to take more than the bar's one-second delay in a debug build.
    generated_corpus(dir.path(), 500);
    let args = |name: &str| {
        format!(
            "build --date 2025-08-20 --input {} --out {}",
            dir.path().display(),
            out.path().join(name).display()
        )
    };
    let Some(terminal) = on_a_terminal(&args("a"), false) else {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    };
    let stages = ["analysing", "ranking", "rendering"];
    assert!(
        stages.iter().any(|s| terminal.contains(s)),
        "no progress bar on a terminal: {terminal:?}"
    );
    // In CI, with -q, or on a pipe: none.
    let ci = on_a_terminal(&args("b"), true).unwrap();
    assert!(!stages.iter().any(|s| ci.contains(s)), "{ci:?}");
    let quiet = on_a_terminal(&format!("-q {}", args("c")), false).unwrap();
    assert!(!stages.iter().any(|s| quiet.contains(s)), "{quiet:?}");
    let piped = brief()
        .args(["summarize", "--lines", "2"])
        .arg(dir.path())
        .assert()
        .success();
    assert_eq!(String::from_utf8_lossy(&piped.get_output().stderr), "");
    // The bar leaves nothing behind in the brief.
    let brief_in = |name: &str| std::fs::read(out.path().join(name).join("2025-08-20.md")).unwrap();
    assert!(
        brief_in("a") == brief_in("b"),
        "the brief depends on the bar"
    );
}
