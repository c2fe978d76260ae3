//! Thread discovery on the sample and its independence from file names and order.

#[allow(dead_code)]
mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::brief_in;
use proptest::prelude::*;

/// The sample's articles, by file name.
fn sample() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(common::root().join("input"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// The discovered threads of a folder: each thread's name with its articles' first three
/// characters of content (which identify the sample's articles whatever their file names),
/// sorted; "Other" as a thread named "Other".
fn threads(dir: &Path, files: &[(String, Vec<u8>)]) -> BTreeMap<String, Vec<String>> {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for (name, bytes) in files {
        std::fs::write(input.join(name), bytes).unwrap();
    }
    brief_in(dir)
        .args([
            "build", "-q", "--input", "in", "--out", "out", "--format", "json",
        ])
        .args(["--date", "2025-08-20"])
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("out/2025-08-20.json")).unwrap()).unwrap();
    // Which sample article a file holds, by its content.
    let which = |file: &str| -> String {
        let bytes = std::fs::read(input.join(file)).unwrap();
        sample()
            .into_iter()
            .find(|(_, b)| *b == bytes)
            .map(|(n, _)| n[..3].to_string())
            .unwrap_or_else(|| file.to_string())
    };
    json["threads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let mut ids: Vec<String> = t["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| which(a["file"].as_str().unwrap()))
                .collect();
            ids.sort();
            (t["name"].as_str().unwrap().to_string(), ids)
        })
        .collect()
}

#[test]
fn the_sample_without_a_thread_file_gives_its_three_stories() {
    let dir = tempfile::tempdir().unwrap();
    let got = threads(dir.path(), &sample());
    let want: BTreeMap<String, Vec<String>> = [
        ("Riyadh", vec!["000", "003", "004"]),
        ("Istanbul", vec!["001"]),
        ("Alaska", vec!["002"]),
    ]
    .into_iter()
    .map(|(n, ids)| (n.to_string(), ids.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(got, want);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    /// Renaming and reordering the files changes nothing in the threads.
    #[test]
    fn threads_depend_on_the_text_only(
        order in Just((0..5usize).collect::<Vec<_>>()).prop_shuffle(),
        names in proptest::collection::btree_set("[a-z]{1,8}", 5),
    ) {
        let files = sample();
        let names: Vec<String> = names.into_iter().collect();
        let renamed: Vec<(String, Vec<u8>)> = order
            .iter()
            .zip(&names)
            .map(|(&k, name)| (format!("{name}.txt"), files[k].1.clone()))
            .collect();
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        prop_assert_eq!(threads(a.path(), &renamed), threads(b.path(), &files));
    }
}

/// Builds `dir/in` as JSON with extra arguments and returns (name, discovered, other, files).
fn build_json(dir: &Path, extra: &[&str]) -> Vec<(String, bool, bool, Vec<String>)> {
    brief_in(dir)
        .args([
            "build", "-q", "--input", "in", "--out", "out", "--format", "json",
        ])
        .args(["--date", "2025-08-20"])
        .args(extra)
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("out/2025-08-20.json")).unwrap()).unwrap();
    json["threads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let files = t["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["file"].as_str().unwrap()[..3].to_string())
                .collect();
            (
                t["name"].as_str().unwrap().to_string(),
                t["discovered"].as_bool().unwrap(),
                t["other"].as_bool().unwrap(),
                files,
            )
        })
        .collect()
}

/// A folder `dir/in` holding the sample's articles, each passed through `edit`.
fn sample_input(dir: &Path, edit: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> std::path::PathBuf {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for (name, bytes) in sample() {
        let bytes = edit(&name, bytes);
        std::fs::write(input.join(name), bytes).unwrap();
    }
    input
}

#[test]
fn a_thread_file_and_discovery_together() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample_input(dir.path(), |_, bytes| bytes);
    // threads.toml: one thread, "Talks in Saudi Arabia", of the terms Riyadh and Diriyah.
    common::copy_fixture("discovery", "talks-in-saudi-arabia", &input);
    let t = |name: &str, discovered, other, files: &[&str]| {
        (
            name.to_string(),
            discovered,
            other,
            files.iter().map(|f| f.to_string()).collect::<Vec<_>>(),
        )
    };
    // The defined thread first; what it does not claim is discovered after it.
    assert_eq!(
        build_json(dir.path(), &[]),
        vec![
            t(
                "Talks in Saudi Arabia",
                false,
                false,
                &["000", "003", "004"]
            ),
            t("Alaska", true, false, &["002"]),
            t("Istanbul", true, false, &["001"]),
        ]
    );
    // --no-discover: what no thread claims goes to "Other".
    assert_eq!(
        build_json(dir.path(), &["--no-discover"]),
        vec![
            t(
                "Talks in Saudi Arabia",
                false,
                false,
                &["000", "003", "004"]
            ),
            t("Other", false, true, &["001", "002"]),
        ]
    );
}

#[test]
fn front_matter_names_a_thread_without_a_thread_file() {
    let dir = tempfile::tempdir().unwrap();
    sample_input(dir.path(), |name, bytes| {
        if name.starts_with("001") {
            [b"---\nthread: Prisoner exchange\n---\n".as_slice(), &bytes].concat()
        } else {
            bytes
        }
    });
    let got = build_json(dir.path(), &[]);
    assert!(
        got.contains(&(
            "Prisoner exchange".to_string(),
            false,
            false,
            vec!["001".to_string()]
        )),
        "{got:?}"
    );
    assert!(got.iter().any(|t| t.0 == "Riyadh" && t.1), "{got:?}");
}

#[test]
fn brief_threads_writes_a_thread_file_that_builds_the_same_threads() {
    let dir = tempfile::tempdir().unwrap();
    sample_input(dir.path(), |_, bytes| bytes);
    let discovered = build_json(dir.path(), &[]);
    let out = brief_in(dir.path())
        .args(["threads", "--input", "in", "--format", "toml"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    std::fs::write(dir.path().join("threads.toml"), &out).unwrap();
    let defined = build_json(dir.path(), &["--threads", "threads.toml", "--no-discover"]);
    // The same names and articles, now defined rather than discovered.
    let strip = |t: &[(String, bool, bool, Vec<String>)]| -> Vec<(String, Vec<String>)> {
        t.iter()
            .map(|(n, _, _, f)| (n.clone(), f.clone()))
            .collect()
    };
    let mut want = strip(&discovered);
    let mut got = strip(&defined);
    want.sort();
    got.sort();
    assert_eq!(got, want);
    assert!(defined.iter().all(|t| !t.1));
    // Text: one line per thread, its articles indented.
    brief_in(dir.path())
        .args(["threads", "--input", "in"])
        .assert()
        .success()
        .stdout(predicates::str::contains("Riyadh (3 articles, discovered)"))
        .stdout(predicates::str::contains("  001_"));
}
