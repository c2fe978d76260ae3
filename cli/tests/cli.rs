//! The `brief` binary: build and summarize end to end, determinism, the committed brief, and
//! errors that name the problem, exit non-zero and write nothing.

use std::path::Path;

use predicates::prelude::*;

mod common;
use common::{brief, root};

/// Date of the committed brief in `briefs/`.
const SAMPLE_DATE: &str = "2025-08-20";

fn build_into(out: &Path) -> Vec<u8> {
    brief()
        .args(["build", "--date", SAMPLE_DATE, "--out"])
        .arg(out)
        .assert()
        .success()
        .stdout(format!(
            "{}\n",
            out.join(format!("{SAMPLE_DATE}.md")).display()
        ));
    std::fs::read(out.join(format!("{SAMPLE_DATE}.md"))).unwrap()
}

fn files_in(dir: &Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

#[test]
fn two_runs_are_byte_identical() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    assert_eq!(build_into(a.path()), build_into(b.path()));
}

#[test]
fn committed_brief_is_current() {
    let out = tempfile::tempdir().unwrap();
    let fresh = String::from_utf8(build_into(out.path())).unwrap();
    let committed =
        std::fs::read_to_string(root().join("briefs").join(format!("{SAMPLE_DATE}.md")))
            .expect("briefs/2025-08-20.md is committed");
    assert!(
        fresh == committed,
        "briefs/{SAMPLE_DATE}.md is stale: run `cargo run --release -- build --date {SAMPLE_DATE}` and commit it"
    );
}

#[test]
fn brief_has_the_three_threads_in_order() {
    let out = tempfile::tempdir().unwrap();
    let md = String::from_utf8(build_into(out.path())).unwrap();
    let sections: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        sections,
        ["## Key lines", "## Riyadh", "## Istanbul", "## Alaska"]
    );
    let riyadh = &md[md.find("## Riyadh").unwrap()..md.find("## Istanbul").unwrap()];
    for id in ["000\\_", "003\\_", "004\\_"] {
        assert!(riyadh.contains(id), "{id} not under Riyadh");
    }
    assert!(md[md.find("## Istanbul").unwrap()..].contains("001\\_"));
    assert!(md[md.find("## Alaska").unwrap()..].contains("002\\_"));
}

#[test]
fn source_date_epoch_sets_the_date() {
    let out = tempfile::tempdir().unwrap();
    brief()
        .args(["build", "--out"])
        .arg(out.path())
        .env("SOURCE_DATE_EPOCH", "1740000000")
        .assert()
        .success()
        .stdout(predicate::str::ends_with("2025-02-19.md\n"));
    let md = std::fs::read_to_string(out.path().join("2025-02-19.md")).unwrap();
    assert!(md.starts_with("# Brief for 2025-02-19\n"));
}

#[test]
fn summarize_prints_lines_only() {
    let out = brief()
        .args([
            "summarize",
            "--lines",
            "2",
            "input/001_bc1509fc36696a95.txt",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    let source = std::fs::read_to_string(root().join("input/001_bc1509fc36696a95.txt")).unwrap();
    for l in lines {
        assert!(source.contains(l), "{l}");
    }
}

#[test]
fn summarize_reads_stdin_and_folders() {
    brief()
        .args(["summarize", "--words", "20", "-"])
        .write_stdin(
            "The first sentence is here. A second one follows it. And a third ends the text.",
        )
        .assert()
        .success()
        .stdout(predicate::str::is_empty().not());
    let out = brief()
        .args(["summarize", "--words", "100", "input"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let words = String::from_utf8(out).unwrap().split_whitespace().count();
    assert!((100..200).contains(&words), "{words} words");
}

#[test]
fn usage_errors_exit_2() {
    brief().args(["build", "--lines", "0"]).assert().code(2);
    brief()
        .args(["summarize", "--lines", "2", "--words", "5", "x"])
        .assert()
        .code(2);
    brief().args(["frobnicate"]).assert().code(2);
    brief()
        .args(["build", "--date", "yesterday"])
        .assert()
        .code(2);
}

#[test]
fn missing_folder_is_an_error() {
    let out = tempfile::tempdir().unwrap();
    brief()
        .args(["build", "--input", "no-such-folder", "--out"])
        .arg(out.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no-such-folder does not exist"));
    assert_eq!(files_in(out.path()), 0);
}

#[test]
fn empty_folder_is_an_error() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    brief()
        .args(["build", "--input"])
        .arg(input.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no articles (*.txt or *.md) found",
        ));
    assert_eq!(files_in(out.path()), 0);
}

#[test]
fn non_utf8_file_is_an_error_naming_file_and_line() {
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("good.txt"), "A fine sentence.\n").unwrap();
    std::fs::write(
        input.path().join("bad.txt"),
        b"First line.\nCaf\xe9 au lait.\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap().path().join("briefs");
    brief()
        .args(["build", "--input"])
        .arg(input.path())
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bad.txt:2: not valid UTF-8"));
    assert!(!out.exists(), "nothing may be written");
}

#[test]
fn template_syntax_error_names_template_and_line() {
    let templates = tempfile::tempdir().unwrap();
    std::fs::write(
        templates.path().join("brief.md.j2"),
        "# Brief\n\n{% for x in corpus %}\n{{ x.text }\n{% endfor %}\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    brief()
        .args(["build", "--date", SAMPLE_DATE, "--templates"])
        .arg(templates.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("brief.md.j2:4:11: syntax error"));
    assert_eq!(files_in(out.path()), 0);
}

#[test]
fn missing_template_folder_is_an_error() {
    brief()
        .args(["build", "--templates", "nope"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "template folder nope does not exist",
        ));
}

/// Builds a brief of the articles of the fixture `tests/data/cli/<case>/` and returns its
/// Markdown.
fn build_case(case: &str) -> String {
    let input = tempfile::tempdir().unwrap();
    common::copy_fixture("cli", case, input.path());
    let out = tempfile::tempdir().unwrap();
    brief()
        .args(["build", "--date", SAMPLE_DATE, "--input"])
        .arg(input.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    std::fs::read_to_string(out.path().join(format!("{SAMPLE_DATE}.md"))).unwrap()
}

/// Wire copy without a headline: the title is its first sentence without the dateline, cut where
/// a phrase ends; the source is the dateline's agency and the date the one written in its first
/// lines; consecutive corpus lines of one article cite it once.
#[test]
fn wire_copy_titles_sources_and_dates() {
    let md = build_case("wire-copy");
    assert!(
        md.contains("### U.S. prosecutors have asked for a 20-day extension to provide Germany…\n"),
        "{md}"
    );
    assert!(md.contains("\nAP, June 3 2004\n"), "{md}");
    assert!(!md.contains("MUNICH, Germany (AP)"), "{md}");
    let corpus = &md[md.find("## Key lines").unwrap()..];
    let corpus = &corpus[..corpus[3..].find("\n## ").unwrap() + 3];
    let items: Vec<&str> = corpus.lines().filter(|l| l.starts_with("- ")).collect();
    // Five lines from two articles, told one article after the other: two citations, each
    // after the last line of its article.
    assert_eq!(items.len(), 5, "{corpus}");
    let cited: Vec<bool> = items.iter().map(|l| l.ends_with(")*")).collect();
    assert_eq!(cited.iter().filter(|&&c| c).count(), 2, "{corpus}");
    assert!(cited[4], "{corpus}");
    assert!(corpus.contains("*(AP, June 3 2004)*"), "{corpus}");
}

#[test]
fn crlf_bom_and_markdown_input() {
    let md = build_case("crlf-bom-markdown");
    assert!(md.contains("### Talks in Riyadh"), "{md}");
    assert!(md.contains("Wire, February 18 2025"), "{md}");
    assert!(
        md.contains("- Officials met in Riyadh again on Wednesday morning."),
        "{md}"
    );
    // a.txt has no headline: its short first sentence is its title, and is not printed again
    // as a key line.
    assert!(
        md.contains("### Officials met in Riyadh on Tuesday for talks\n"),
        "{md}"
    );
    assert!(
        !md.contains("- Officials met in Riyadh on Tuesday for talks."),
        "{md}"
    );
}

#[test]
fn article_text_cannot_inject_markup() {
    let md = build_case("markup-injection");
    assert!(md.contains("\\<script\\>"), "{md}");
    assert!(md.contains("\\[link\\](javascript:alert(1))"), "{md}");
    assert!(!md.lines().any(|l| l.starts_with("# Breaking")), "{md}");
}

#[test]
fn readme_excerpt_matches_the_committed_brief() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let committed =
        std::fs::read_to_string(root().join("briefs").join(format!("{SAMPLE_DATE}.md"))).unwrap();
    let start = readme
        .find("```markdown\n")
        .expect("README has a brief excerpt");
    let excerpt = &readme[start + 12..];
    let excerpt = &excerpt[..excerpt.find("```").unwrap()];
    let mut checked = 0;
    for line in excerpt
        .lines()
        .filter(|l| !l.trim().is_empty() && *l != "..." && !l.ends_with("..."))
    {
        assert!(
            committed.lines().any(|c| c == line),
            "README line not in the brief: {line}"
        );
        checked += 1;
    }
    assert!(checked >= 10);
}

#[test]
fn split_prints_lines_or_json() {
    let text = "Sen. Jim Risch spoke in Washington, D.C. They left at 5 p.m. on Jan. 5.\n\nA new paragraph.";
    brief()
        .args(["split", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout("Sen. Jim Risch spoke in Washington, D.C.\nThey left at 5 p.m. on Jan. 5.\nA new paragraph.\n");
    let out = brief()
        .args(["split", "--format", "json", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let got: Vec<String> = serde_json::from_slice(&out).unwrap();
    assert_eq!(got.len(), 3);
    brief()
        .args(["split", "--language", "de", "-"])
        .write_stdin("Die Abstimmung war am 12. Juni. Danach ging es weiter.")
        .assert()
        .success()
        .stdout("Die Abstimmung war am 12. Juni.\nDanach ging es weiter.\n");
    brief()
        .args(["split", "--language", "klingon", "-"])
        .write_stdin("x")
        .assert()
        .code(2);
}

#[test]
fn eval_scores_ready_summaries_and_data_sets() {
    // Summaries sums/ against references refs/ (b's in a folder, refs/b/), and a data set set/.
    let dir = tempfile::tempdir().unwrap();
    common::copy_fixture("cli", "eval", dir.path());
    let (s, r) = (dir.path().join("sums"), dir.path().join("refs"));
    let out = brief()
        .args(["eval", "--format", "json", "--summaries"])
        .arg(&s)
        .arg("--refs")
        .arg(&r)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["items"], 2);
    assert_eq!(report["mean"]["rouge1"]["f1"], 0.5);
    assert_eq!(report["per_item"][0]["rouge2"]["recall"], 1.0);

    // A data set of one article whose reference is its first sentence.
    brief()
        .args(["eval"])
        .arg(dir.path().join("set"))
        .assert()
        .success()
        .stdout(predicate::str::contains("1 items").and(predicate::str::contains("ROUGE-1")));
    brief()
        .args(["eval", "no-such-set"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does not exist"));
}
