//! Hostile and broken input (issue 10): each case asserts the exit code, the warning or error
//! text, and that the rest of the brief was not lost.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{brief_in, copy_fixture};

/// The sample's five articles, copied into a fresh folder `input/` of a temporary directory.
fn sample(dir: &Path) -> PathBuf {
    let input = dir.join("input");
    fs::create_dir_all(&input).unwrap();
    for entry in fs::read_dir(common::root().join("input")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            fs::copy(&path, input.join(path.file_name().unwrap())).unwrap();
        }
    }
    input
}

/// `brief build --format json` in `dir`: (exit code, stderr, the JSON brief if written).
fn build_json(dir: &Path, extra: &[&str]) -> (i32, String, Option<serde_json::Value>) {
    let out = brief_in(dir)
        .args(["build", "--date", "2025-08-20", "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let path = dir.join("briefs/2025-08-20.json");
    let json = fs::read_to_string(&path)
        .ok()
        .map(|s| serde_json::from_str(&s).unwrap());
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        json,
    )
}

/// The files of the articles in a JSON brief, in order.
fn files(brief: &serde_json::Value) -> Vec<String> {
    brief["threads"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["articles"].as_array().unwrap().iter())
        .map(|a| a["file"].as_str().unwrap().to_string())
        .collect()
}

fn sample_files() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(common::root().join("input"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
}

#[test]
fn articles_without_sentences_are_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample(dir.path());
    copy_fixture("hostile", "no-sentences", &input);
    let (code, stderr, json) = build_json(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    for (file, why) in [
        ("empty.txt", "skipped: empty file"),
        ("blank.txt", "skipped: only blank lines and spaces"),
        ("fm.md", "skipped: no text after the front matter"),
        ("links.txt", "skipped: no sentences: its only lines are"),
    ] {
        assert!(
            stderr.contains(&format!("warning: {file}: {why}")),
            "{file}: {stderr}"
        );
    }
    assert!(stderr.contains("4 warnings"), "{stderr}");
    let json = json.unwrap();
    // Nothing else was lost, and no empty article became a thread of its own.
    let mut got = files(&json);
    got.sort();
    assert_eq!(got, sample_files());
    assert_eq!(json["warnings"].as_array().unwrap().len(), 4);
}

#[test]
fn strict_turns_warnings_into_errors_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample(dir.path());
    copy_fixture("hostile", "empty-article", &input);
    let (code, stderr, json) = build_json(dir.path(), &["--strict"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("warning: empty.txt: skipped: empty file"),
        "{stderr}"
    );
    assert!(stderr.contains("--strict"), "{stderr}");
    assert!(json.is_none(), "nothing is written under --strict");
    // Without the bad file, --strict passes.
    fs::remove_file(input.join("empty.txt")).unwrap();
    let (code, stderr, json) = build_json(dir.path(), &["--strict"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    assert_eq!(json.unwrap()["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn the_same_article_under_two_names_is_kept_once() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample(dir.path());
    let first = &sample_files()[0];
    // The same text with CRLF line ends and front matter is still the same article.
    let text = fs::read_to_string(input.join(first)).unwrap();
    let copy = format!(
        "---\nsource: Elsewhere\n---\n{}",
        text.replace('\n', "\r\n")
    );
    fs::write(input.join("zz-copy.txt"), copy).unwrap();
    let (code, stderr, json) = build_json(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "warning: zz-copy.txt: skipped: same text as {first}"
        )),
        "{stderr}"
    );
    let mut got = files(&json.unwrap());
    got.sort();
    assert_eq!(got, sample_files());
}

#[test]
fn html_indented_and_unpunctuated_articles_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample(dir.path());
    copy_fixture("hostile", "html-indented-unpunctuated", &input);
    let (code, stderr, json) = build_json(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let json = json.unwrap();
    let article = |file: &str| {
        json["threads"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|t| t["articles"].as_array().unwrap().iter())
            .find(|a| a["file"] == file)
            .cloned()
            .unwrap_or_else(|| panic!("{file} is missing"))
    };
    // The article's lines, those shown above it (in the corpus section) included.
    let lines = |file: &str| -> Vec<String> {
        let a = article(file);
        let mut lines: Vec<(u64, String)> = ["key_lines", "repeated"]
            .iter()
            .flat_map(|k| a[k].as_array().unwrap().clone())
            .map(|l| {
                (
                    l["position"].as_u64().unwrap(),
                    l["text"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        lines.sort();
        lines.into_iter().map(|l| l.1).collect()
    };
    assert_eq!(
        lines("html.md"),
        [
            "Envoys met in Geneva on Thursday to discuss the grain corridor.",
            "Officials said the talks would resume & continue next week."
        ]
    );
    assert_eq!(
        lines("indented.md"),
        [
            "Farmers in the valley harvested a record crop of wheat this year.",
            "Prices fell at the regional market as a result."
        ]
    );
    assert_eq!(
        lines("notes.txt"),
        ["harbour notes ferry service cut to two crossings repairs start in march"]
    );
    assert!(
        stderr.contains("warning: notes.txt:1: no paragraph with sentence punctuation"),
        "{stderr}"
    );
}

#[test]
fn thread_files_that_send_everything_elsewhere_are_warned() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let threads = dir.path().join("threads.toml");
    copy_fixture("hostile", "thread-file-without-threads", dir.path());
    let (code, stderr, _) = build_json(dir.path(), &["--threads", "threads.toml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: threads.toml: defines no thread: threads are discovered"),
        "{stderr}"
    );
    copy_fixture("hostile", "thread-file-with-an-empty-thread", dir.path());
    let (code, stderr, json) = build_json(dir.path(), &["--threads", "threads.toml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: threads.toml:6: thread \"Empty\" has no terms"),
        "{stderr}"
    );
    assert_eq!(json.unwrap()["warnings"].as_array().unwrap().len(), 1);
    // A duplicate is reported at its own line, not the first definition's.
    let mut big = String::new();
    for k in 0..50 {
        big.push_str(&format!(
            "[[thread]]\nname = \"T{k}\"\nterms = [\"x{k}\"]\n\n"
        ));
    }
    big.push_str("[[thread]]\nname = \"T7\"\nterms = [\"y\"]\n");
    fs::write(&threads, &big).unwrap();
    let (code, stderr, _) = build_json(dir.path(), &["--threads", "threads.toml"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("threads.toml:202: thread \"T7\" is defined twice"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn output_files_get_the_umask_mode_and_are_not_read_back() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let input = sample(dir.path());
    // --out inside --input: the previous brief must not be read back as an article.
    let out = brief_in(dir.path())
        .args(["build", "--date", "2025-08-20", "--out", "input/briefs"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let brief = input.join("briefs/2025-08-20.md");
    let mode = fs::metadata(&brief).unwrap().permissions().mode() & 0o777;
    let plain = dir.path().join("plain");
    fs::write(&plain, "x").unwrap();
    assert_eq!(
        mode,
        fs::metadata(&plain).unwrap().permissions().mode() & 0o777
    );
    assert_ne!(mode, 0o600);
    let check = || {
        let out = brief_in(dir.path())
            .args(["build", "--date", "2025-08-20", "--out", "input/briefs"])
            .arg("--check")
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (current, diff) = check();
    assert!(current, "{diff}");
    // A CRLF checkout of a current brief is current.
    let text = fs::read_to_string(&brief).unwrap();
    fs::write(&brief, text.replace('\n', "\r\n")).unwrap();
    let (current, diff) = check();
    assert!(current, "{diff}");
    // A brief that differs is still stale.
    fs::write(&brief, text.replace("Riyadh", "Jeddah")).unwrap();
    assert!(!check().0);
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_skipped_unless_followed() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let input = sample(dir.path());
    let outside = dir.path().join("outside");
    copy_fixture("hostile", "symlink-target", &outside);
    symlink(outside.join("far.txt"), input.join("link.txt")).unwrap();
    symlink(dir.path().join("nowhere.txt"), input.join("dangling.txt")).unwrap();
    fs::create_dir_all(input.join("sub")).unwrap();
    symlink("..", input.join("sub/loop")).unwrap();
    let (code, stderr, json) = build_json(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: link.txt: skipped: symbolic link (--follow reads it)"),
        "{stderr}"
    );
    let mut got = files(&json.unwrap());
    got.sort();
    assert_eq!(got, sample_files());
    let (code, stderr, json) = build_json(dir.path(), &["--follow"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: dangling.txt: skipped: symbolic link to nothing"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: sub/loop: skipped: symbolic link to a folder that holds it"),
        "{stderr}"
    );
    assert!(files(&json.unwrap()).contains(&"link.txt".to_string()));
}

#[test]
fn front_matter_past_its_limits_fails_fast_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample(dir.path());
    let deep = format!(
        "---\ntitle: Deep\nk: {}{}\n---\nBody text here. More body text.\n",
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    fs::write(input.join("deep.md"), deep).unwrap();
    let (code, stderr, json) = build_json(dir.path(), &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("deep.md:3: front matter: nested more than 32 deep"),
        "{stderr}"
    );
    assert!(json.is_none());
    let long = format!("---\ntitle: {}\n---\nBody.\n", "x".repeat(70_000));
    fs::write(input.join("deep.md"), long).unwrap();
    let (code, stderr, _) = build_json(dir.path(), &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("deep.md:2: front matter: longer than 64 KiB"),
        "{stderr}"
    );
}

#[test]
fn nan_ranking_flags_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample(dir.path());
    let first = input.join(&sample_files()[0]);
    let out = brief_in(dir.path())
        .args(["summarize", "--ramp", "NaN"])
        .arg(&first)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a finite number"));
}

#[test]
fn eval_warns_of_what_it_leaves_out() {
    let dir = tempfile::tempdir().unwrap();
    // A data set set/: a/ has a reference, b/ none, and c/'s article is empty, which is scored
    // (as an empty summary) with a warning; summaries sums/ and references refs/.
    copy_fixture("hostile", "eval-left-out", dir.path());
    let c = dir.path().join("set/c");
    let out = brief_in(dir.path()).args(["eval", "set"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("b/article.txt: skipped: no ref*.txt beside it"),
        "{stderr}"
    );
    assert!(
        stderr.contains("set/c/article.txt: skipped: empty file"),
        "{stderr}"
    );
    let strict = brief_in(dir.path())
        .args(["eval", "set", "--strict"])
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(1));
    fs::remove_dir_all(&c).unwrap();
    // Summaries against references: a reference without a summary is warned.
    let out = brief_in(dir.path())
        .args(["eval", "--summaries", "sums", "--refs", "refs"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("y.txt: skipped: no summary for this reference"),
        "{stderr}"
    );
    // A file where a folder is expected is named as such.
    let out = brief_in(dir.path())
        .args(["eval", "--summaries", "sums/x.txt", "--refs", "refs"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("sums/x.txt is a file, not a folder"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn unsafe_urls_are_dropped_with_a_warning_naming_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample(dir.path());
    // a.md to d.md: javascript&colon;, java&#9;script&colon;, file:, //host; e.md: https.
    copy_fixture("hostile", "unsafe-urls", &input);
    let (code, stderr, json) = build_json(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    for name in ["a.md", "b.md", "c.md", "d.md"] {
        assert!(
            stderr.contains(&format!("warning: {name}: url dropped")),
            "{name}: {stderr}"
        );
    }
    assert!(!stderr.contains("e.md"), "{stderr}");
    let json = json.unwrap();
    let urls: Vec<(String, serde_json::Value)> = json["threads"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["articles"].as_array().unwrap().iter())
        .filter(|a| a["file"].as_str().unwrap().ends_with(".md"))
        .map(|a| (a["file"].as_str().unwrap().to_string(), a["url"].clone()))
        .collect();
    assert_eq!(urls.len(), 5);
    for (file, url) in urls {
        if file == "e.md" {
            assert_eq!(url, "https://example.com/ok");
        } else {
            assert!(url.is_null(), "{file}: {url}");
        }
    }
}

#[test]
fn control_and_bidi_characters_never_reach_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample(dir.path());
    // In its body, NUL, U+202E and BEL as characters; in its title, as YAML escapes.
    copy_fixture("hostile", "control-characters", &input);
    let (code, stderr, _) = build_json(dir.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: ctl.md: 6 control or bidirectional-override characters removed"),
        "{stderr}"
    );
    let json = fs::read_to_string(dir.path().join("briefs/2025-08-20.json")).unwrap();
    let brief: serde_json::Value = serde_json::from_str(&json).unwrap();
    let text = brief.to_string();
    for bad in ['\u{0}', '\u{7}', '\u{202E}'] {
        assert!(!text.contains(bad), "{bad:?} in the JSON brief");
    }
    assert!(text.contains("The council voted on the harbour plan on Friday."));
}

#[cfg(unix)]
#[test]
fn review_cases_out_is_input_self_links_stubs_modes_and_page_breaks() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().unwrap();
    let input = sample(dir.path());
    // The output folder is the input folder: an error, nothing written.
    let out = brief_in(dir.path())
        .args(["build", "--date", "2025-08-20", "--out", "input"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the output folder is the input folder"));
    assert!(!input.join("2025-08-20.md").exists());
    // A link to itself is skipped with a warning under --follow, not the end of the build.
    symlink("self.txt", input.join("self.txt")).unwrap();
    // Two different stubs (stub-a.md, stub-b.md) with the same boilerplate body are two stories.
    // A page break (a form feed in pages.md) is a line break, not a removed character; other front
    // matter (its author's U+202E) is cleaned.
    copy_fixture("hostile", "review-cases", &input);
    let (code, stderr, json) = build_json(dir.path(), &["--follow"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: self.txt: skipped: symbolic link that leads back to itself"),
        "{stderr}"
    );
    assert!(!stderr.contains("stub-b.md"), "{stderr}");
    assert!(
        stderr.contains("warning: pages.md: 1 control or bidirectional-override character removed"),
        "{stderr}"
    );
    let json = json.unwrap();
    assert!(files(&json).contains(&"stub-b.md".to_string()));
    assert!(!json.to_string().contains('\u{202E}'));
    // A brief written again keeps the mode it was given.
    let brief = dir.path().join("briefs/2025-08-20.json");
    fs::set_permissions(&brief, fs::Permissions::from_mode(0o640)).unwrap();
    let (code, _, _) = build_json(dir.path(), &["--follow"]);
    assert_eq!(code, 0);
    assert_eq!(
        fs::metadata(&brief).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[test]
fn a_folder_whose_every_article_is_skipped_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("hostile", "empty-article", &dir.path().join("input"));
    let (code, stderr, json) = build_json(dir.path(), &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("warning: empty.txt: skipped: empty file"),
        "{stderr}"
    );
    assert!(stderr.contains("no article has a sentence"), "{stderr}");
    assert!(json.is_none());
}

#[test]
fn split_removes_control_characters_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    // s.txt holds NUL, BEL and U+202E.
    copy_fixture("hostile", "split-control-characters", dir.path());
    let out = brief_in(dir.path())
        .args(["split", "s.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "One sentence here.\nTwo here.\n"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("warning: s.txt: 3 control or bidirectional-override characters removed")
    );
}
