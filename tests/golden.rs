//! Golden tables for sentence splitting: the English Golden Rules and 22 more languages
//! (`tests/data/sbd/golden_<code>.json`, MIT-licensed, see its LICENSES), and brief's own news
//! table (`tests/data/news_sentences.toml`). A case passes when the produced sentences, trimmed
//! and without empty ones, equal the expected list exactly. The cases brief is known to fail are
//! listed, each with its reason, in `tests/data/sbd/known_failures.toml`; any other case that
//! fails is a regression, and a listed case that passes must come off the list. Either names the
//! case, its input, and the expected and the produced sentences.

use std::collections::BTreeMap;
use std::path::Path;

use brief::lang::SplitRules;
use brief::segment;

/// A table's known failures: case id (or name, for the news table) -> why.
type Known = BTreeMap<String, String>;

#[derive(serde::Deserialize)]
struct Case {
    /// The case's id in the sbd tables; the news table has none.
    id: Option<u32>,
    #[serde(default)]
    name: String,
    text: String,
    expected: Vec<String>,
}

impl Case {
    /// What known_failures.toml calls the case: its id, or its name when it has none.
    fn key(&self) -> String {
        self.id
            .map_or_else(|| self.name.clone(), |id| id.to_string())
    }

    /// The case in a message: its id and name, or its name.
    fn label(&self) -> String {
        match self.id {
            Some(id) => format!("{id} {:?}", self.name),
            None => format!("{:?}", self.name),
        }
    }
}

fn data(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(path)
}

/// known_failures.toml: table (a language code, or `news`) -> its known failures.
fn known_failures() -> BTreeMap<String, Known> {
    let text = std::fs::read_to_string(data("sbd/known_failures.toml")).unwrap();
    toml::from_str(&text).unwrap()
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

/// Splits every case of `table` with the rules of `code`: the number passed, and a line for
/// each case that fails unlisted, passes listed, or is listed but does not exist.
fn check(table: &str, code: &str, cases: &[Case], known: &Known) -> (usize, Vec<String>) {
    let mut problems = Vec::new();
    let mut passed = 0;
    for case in cases {
        let key = case.key();
        let got = split(&case.text, code);
        let ok = got == case.expected;
        passed += usize::from(ok);
        let verdict = match (ok, known.get(&key)) {
            (true, None) | (false, Some(_)) => None,
            (false, None) => Some("fails".to_string()),
            (true, Some(why)) => Some(format!(
                "passes but is listed as a known failure ({why}): take it off \
                 tests/data/sbd/known_failures.toml"
            )),
        };
        if let Some(verdict) = verdict {
            problems.push(format!(
                "{table} case {} {verdict}\n  input {:?}\n  want  {:?}\n  got   {:?}",
                case.label(),
                case.text,
                case.expected,
                got
            ));
        }
    }
    for key in known.keys() {
        if !cases.iter().any(|c| c.key() == *key) {
            problems.push(format!(
                "{table}: known_failures.toml lists case {key}, which the table has not"
            ));
        }
    }
    (passed, problems)
}

/// The golden tables (`tests/data/sbd/golden_<code>.json`) and how many cases each holds.
const CASES: [(&str, usize); 23] = [
    ("am", 1),
    ("ar", 5),
    ("bg", 4),
    ("da", 46),
    ("de", 3),
    ("el", 1),
    ("en", 52),
    ("es", 5),
    ("fa", 1),
    ("fr", 5),
    ("hi", 1),
    ("hy", 3),
    ("it", 3),
    ("ja", 4),
    ("kk", 13),
    ("mr", 5),
    ("my", 1),
    ("nl", 3),
    ("pl", 1),
    ("ru", 3),
    ("sk", 5),
    ("ur", 1),
    ("zh", 2),
];

#[test]
fn golden_rules_every_language() {
    let mut known = known_failures();
    known.remove("news");
    let mut files: Vec<_> = walkdir::WalkDir::new(data("sbd"))
        .max_depth(1)
        .into_iter()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|f| {
            Some(
                f.strip_prefix("golden_")?
                    .strip_suffix(".json")?
                    .to_string(),
            )
        })
        .collect();
    files.sort();
    // Every table and its size, so that a table or a case that goes missing fails too.
    let sizes: Vec<(&str, usize)> = CASES.to_vec();
    let found: Vec<&str> = files.iter().map(String::as_str).collect();
    let expected: Vec<&str> = sizes.iter().map(|(code, _)| *code).collect();
    assert_eq!(found, expected, "the golden tables in tests/data/sbd");
    let mut report = Vec::new();
    let mut problems = Vec::new();
    for code in &files {
        let text = std::fs::read_to_string(data(&format!("sbd/golden_{code}.json"))).unwrap();
        let cases: Vec<Case> = serde_json::from_str(&text).unwrap();
        assert!(
            cases.iter().all(|c| c.id.is_some()),
            "{code}: a case without an id"
        );
        let listed = known.remove(code).unwrap_or_default();
        for (key, why) in &listed {
            eprintln!("{code} case {key}: known failure, {why}");
        }
        let size = sizes.iter().find(|(c, _)| c == code).map(|&(_, n)| n);
        assert_eq!(
            Some(cases.len()),
            size,
            "{code}: cases in golden_{code}.json"
        );
        let (passed, found) = check(code, code, &cases, &listed);
        report.push(format!("{code} {passed}/{}", cases.len()));
        problems.extend(found);
    }
    for code in known.keys() {
        problems.push(format!(
            "known_failures.toml has a table {code:?}, but there is no golden_{code}.json"
        ));
    }
    eprintln!("golden rules passed: {}", report.join(", "));
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn news_table() {
    #[derive(serde::Deserialize)]
    struct File {
        case: Vec<Case>,
    }
    let path = data("news_sentences.toml");
    let file: File = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(file.case.len(), 33, "cases in news_sentences.toml");
    let mut names: Vec<&str> = file.case.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), file.case.len(), "two news cases share a name");
    let known = known_failures().remove("news").unwrap_or_default();
    let (passed, problems) = check("news", "en", &file.case, &known);
    eprintln!("news table passed: {passed}/{}", file.case.len());
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
