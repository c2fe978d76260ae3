//! Golden tables for sentence splitting: the English Golden Rules and 22 more languages
//! (`tests/data/sbd`, MIT-licensed, see its LICENSES), and brief's own news table
//! (`tests/data/news_sentences.toml`). A case passes when the produced sentences, trimmed and
//! without empty ones, equal the expected list exactly.

use std::path::Path;

use brief::lang::SplitRules;
use brief::segment;

/// Cases each language must pass: the counts reached (see README, "Sentence splitting"), so that
/// any regression fails. The cases not passed are explained there.
const MIN_PASSES: &[(&str, usize, usize)] = &[
    ("am", 1, 1),
    ("ar", 5, 5),
    ("bg", 4, 4),
    ("da", 46, 46),
    ("de", 3, 3),
    ("el", 0, 1),
    ("en", 52, 52),
    ("es", 5, 5),
    ("fa", 1, 1),
    ("fr", 5, 5),
    ("hi", 1, 1),
    ("hy", 3, 3),
    ("it", 3, 3),
    ("ja", 4, 4),
    ("kk", 12, 13),
    ("mr", 5, 5),
    ("my", 1, 1),
    ("nl", 3, 3),
    ("pl", 1, 1),
    ("ru", 3, 3),
    ("sk", 4, 5),
    ("ur", 1, 1),
    ("zh", 2, 2),
];

#[derive(serde::Deserialize)]
struct Case {
    #[serde(default)]
    name: String,
    text: String,
    expected: Vec<String>,
}

fn split(text: &str, code: &str) -> Vec<String> {
    let rules =
        SplitRules::for_code(code).unwrap_or_else(|| panic!("no splitting rules for {code}"));
    segment::split_document_with(text, rules)
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn run(code: &str, cases: &[Case]) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut passed = 0;
    for case in cases {
        let got = split(&case.text, code);
        if got == case.expected {
            passed += 1;
        } else {
            failures.push(format!(
                "{code} {:?}\n  want {:?}\n  got  {:?}",
                case.name, case.expected, got
            ));
        }
    }
    (passed, failures)
}

#[test]
fn golden_rules_every_language() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sbd");
    let mut report = Vec::new();
    let mut regressions = Vec::new();
    for &(code, min, total) in MIN_PASSES {
        let text = std::fs::read_to_string(dir.join(format!("golden_{code}.json"))).unwrap();
        let cases: Vec<Case> = serde_json::from_str(&text).unwrap();
        assert_eq!(cases.len(), total, "{code}: case count changed");
        let (passed, failures) = run(code, &cases);
        report.push(format!("{code} {passed}/{total}"));
        if passed < min {
            regressions.push(format!("{code}: {passed} < {min}\n{}", failures.join("\n")));
        }
        for f in failures {
            eprintln!("{f}");
        }
    }
    eprintln!("golden rules passed: {}", report.join(", "));
    assert!(regressions.is_empty(), "{}", regressions.join("\n"));
}

#[test]
fn news_table() {
    #[derive(serde::Deserialize)]
    struct File {
        case: Vec<Case>,
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/news_sentences.toml");
    let file: File = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(file.case.len() >= 20);
    let (passed, failures) = run("en", &file.case);
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        file.case.len(),
        failures.join("\n")
    );
    assert_eq!(passed, file.case.len());
}
