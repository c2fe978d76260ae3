//! `brief build` for CI and template authors: formats (md, html, json), `--check`, `--watch`,
//! `templates init|list|check`, completions, the man page, `-q`/`-v` and colour.

use std::io::{BufRead, BufReader};
use std::process::{Command as StdCommand, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use predicates::prelude::*;

mod common;
use common::{brief, brief_in, root};

const DATE: &str = "2025-08-20";

/// A folder with a small input/ of three articles (`tests/data/cli_output/three-articles/`).
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_fixture("cli_output", "three-articles", &dir.path().join("input"));
    dir
}

/// Builds the brief of `project()` in a format; checks the printed path and returns the file.
fn build_project(format: &str) -> String {
    let dir = project();
    common::build_format(dir.path(), format, DATE)
}

#[test]
fn html_is_a_standalone_page_articles_cannot_inject_into() {
    let html = build_project("html");
    assert!(
        html.starts_with("<!DOCTYPE html>")
            && html.contains("<style>")
            && html.trim_end().ends_with("</html>")
    );
    // Plain text shows as text; Markdown markup in a .md article was read as text, never as HTML.
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
    assert!(html.contains("[x](javascript:alert(1))"), "{html}");
    for bad in ["<script", "<img", "href=\"javascript", "<div", "onclick"] {
        assert!(!html.to_lowercase().contains(bad), "{bad} in {html}");
    }
    assert!(html.contains("href=\"https://example.org/b\""), "{html}");
}

#[test]
fn json_is_the_model() {
    let json: serde_json::Value = serde_json::from_str(&build_project("json")).unwrap();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["date"], DATE);
    assert_eq!(json["stats"]["articles"], 3);
    let line = &json["corpus"][0];
    for field in [
        "text",
        "score",
        "rank",
        "position",
        "line",
        "article",
        "file",
        "title",
        "source",
        "source_from",
    ] {
        assert!(!line[field].is_null(), "{field} missing in {line}");
    }
}

#[test]
fn check_passes_when_current_and_diffs_when_stale() {
    brief()
        .args(["build", "--check", "--date", DATE])
        .assert()
        .success()
        .stdout(format!("briefs/{DATE}.md is current\n"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("briefs");
    std::fs::create_dir_all(&out).unwrap();
    let committed = std::fs::read_to_string(root().join(format!("briefs/{DATE}.md"))).unwrap();
    let stale = committed.replacen("5 articles in 3 threads", "4 articles in 3 threads", 1);
    std::fs::write(out.join(format!("{DATE}.md")), &stale).unwrap();
    brief()
        .args(["build", "--check", "--date", DATE, "--out"])
        .arg(&out)
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("-4 articles in 3 threads")
                .and(predicate::str::contains("+5 articles in 3 threads"))
                .and(predicate::str::contains("@@")),
        )
        .stderr(predicate::str::contains("is stale"));
    assert_eq!(
        std::fs::read_to_string(out.join(format!("{DATE}.md"))).unwrap(),
        stale,
        "--check writes nothing"
    );
    brief()
        .args(["build", "--check", "--date", "2020-01-01"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does not exist"));
}

#[test]
fn templates_init_list_check() {
    let dir = tempfile::tempdir().unwrap();
    brief_in(dir.path())
        .args(["templates", "init"])
        .assert()
        .success()
        .stdout(predicate::str::contains("templates/brief.md.j2"));
    for name in ["brief.md.j2", "article.md.j2", "macros.md.j2"] {
        assert!(dir.path().join("templates").join(name).is_file());
    }
    std::fs::write(dir.path().join("templates/macros.md.j2"), "edited").unwrap();
    brief_in(dir.path())
        .args(["templates", "init"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exist"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("templates/macros.md.j2")).unwrap(),
        "edited",
        "nothing overwritten"
    );
    brief_in(dir.path())
        .args(["templates", "init", "--force"])
        .assert()
        .success();
    assert_ne!(
        std::fs::read_to_string(dir.path().join("templates/macros.md.j2")).unwrap(),
        "edited"
    );

    brief_in(dir.path())
        .args(["templates", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "brief.md.j2          templates/brief.md.j2  (main)",
        ));
    std::fs::remove_file(dir.path().join("templates/article.md.j2")).unwrap();
    brief_in(dir.path())
        .args(["templates", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "article.md.j2        <embedded>/article.md.j2",
        ));
    brief_in(dir.path())
        .args(["templates", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("no problem"));

    std::fs::write(
        dir.path().join("templates/brief.md.j2"),
        "# {{ date }}\n{{ stats.article }}\n",
    )
    .unwrap();
    brief_in(dir.path())
        .args(["templates", "check"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("templates/brief.md.j2:2:4: undefined value")
                .and(predicate::str::contains("1 problem")),
        );
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        brief()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("summarize"));
    }
    brief()
        .args(["man"])
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH brief 1"));
    brief()
        .args(["--version"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("brief "));
}

#[test]
fn quiet_verbose_and_colour() {
    let dir = project();
    brief_in(dir.path())
        .args(["-q", "build", "--date", DATE])
        .assert()
        .success()
        .stdout("");
    brief_in(dir.path())
        .args(["build", "-v", "--date", DATE, "--out", "other"])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("read and analysed 3 articles")
                .and(predicate::str::contains("rendered with")),
        );
    // Not a terminal: no colour, even in errors.
    brief()
        .args(["build", "--input", "nope"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::starts_with("error: ").and(predicate::str::contains("\u{1b}[").not()),
        );
    // NO_COLOR wins over forcing colour.
    brief()
        .args(["build", "--input", "nope"])
        .env("CLICOLOR_FORCE", "1")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\u{1b}["));
    brief()
        .args(["build", "--input", "nope"])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn watch_rebuilds_on_change_and_survives_errors() {
    let dir = project();
    let bin = assert_cmd::cargo::cargo_bin("brief");
    let mut child = StdCommand::new(bin)
        .args(["build", "--watch", "--date", DATE])
        .current_dir(dir.path())
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let wait_for = |needle: &str| -> String {
        loop {
            match rx.recv_timeout(Duration::from_secs(20)) {
                Ok(line) if line.contains(needle) => return line,
                Ok(_) => continue,
                Err(_) => panic!("no line with {needle:?} within 20 s"),
            }
        }
    };
    wait_for("watching");
    let brief_path = dir.path().join(format!("briefs/{DATE}.md"));
    assert!(brief_path.is_file());
    // A new sentence in an article shows up in the brief.
    std::fs::write(
        dir.path().join("input/a.txt"),
        "Negotiators agreed on a prisoner exchange in Istanbul on Friday afternoon.\n",
    )
    .unwrap();
    let line = wait_for("wrote");
    assert!(
        line.contains("input/a.txt") && line.contains(" ms"),
        "{line}"
    );
    assert!(
        std::fs::read_to_string(&brief_path)
            .unwrap()
            .contains("prisoner exchange")
    );
    // A broken thread file is reported, and watching goes on.
    std::fs::write(dir.path().join("input/threads.toml"), "[[thread]\n").unwrap();
    wait_for("error:");
    std::fs::remove_file(dir.path().join("input/threads.toml")).unwrap();
    wait_for("wrote");
    // Reading the articles for a build is not a change: no rebuild follows without one.
    while let Ok(line) = rx.recv_timeout(Duration::from_millis(1500)) {
        assert!(
            !line.contains("wrote"),
            "rebuilt with nothing changed: {line}"
        );
    }
    child.kill().unwrap();
    child.wait().unwrap();
}

/// Builds the sample brief with the templates of `docs/examples/<example>` and returns it.
fn build_example(example: &str) -> String {
    let out = tempfile::tempdir().unwrap();
    let templates = format!("docs/examples/{example}");
    brief()
        .args(["build", "--date", DATE, "--templates", &templates, "--out"])
        .arg(out.path())
        .assert()
        .success();
    brief()
        .args(["templates", "check", "--templates", &templates])
        .assert()
        .success();
    std::fs::read_to_string(out.path().join(format!("{DATE}.md"))).unwrap()
}

#[test]
fn the_examples_of_the_template_guide_render() {
    let md = build_example("quotes");
    let quotes = &md[md.find("\n## Quotes\n").expect("a Quotes section")..];
    let items: Vec<&str> = quotes.lines().filter(|l| l.starts_with("- ")).collect();
    assert!(!items.is_empty(), "{quotes}");
    assert!(
        items.iter().all(|l| l.contains('“') || l.contains('"')),
        "{quotes}"
    );
    // Everything else is the default brief.
    let committed = std::fs::read_to_string(root().join(format!("briefs/{DATE}.md"))).unwrap();
    assert!(
        md.starts_with(committed.trim_end()),
        "the example changes more than the end"
    );

    let md = build_example("inheritance");
    assert!(
        md.starts_with("# Morning brief, Wednesday, August 20 2025\n"),
        "{md}"
    );
    assert!(md.contains("\nSources: 5 articles.\n"), "{md}");
}
