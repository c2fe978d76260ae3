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
