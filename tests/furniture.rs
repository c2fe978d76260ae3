//! Page furniture against its fixtures (`tests/data/furniture/`, format in its README): every
//! `go` line is furniture and every `stay` sentence is story, for `furniture::block` and
//! `furniture::sentence`, and end to end through `ingest::parse` and `Corpus::build`: the `stay`
//! sentences, and nothing else, become candidate sentences.

use std::path::{Path, PathBuf};

use brief::corpus::Corpus;
use brief::ingest::{self, furniture};
use brief::lang::{Lang, LanguageChoice};

mod common;

/// Whether a case is furniture or story, and at which level it is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    Both,
    Block,
    Sentence,
}

/// One line of a fixture.
#[derive(Debug)]
struct Case {
    /// `file:line`, for messages.
    at: String,
    /// Furniture (`go`) or story (`stay`).
    go: bool,
    level: Level,
    text: String,
}

impl Case {
    fn at_block(&self) -> bool {
        self.level != Level::Sentence
    }

    fn at_sentence(&self) -> bool {
        self.level != Level::Block
    }
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/furniture")
}

/// The fixture files, sorted by name.
fn files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir().display());
    files
}

/// Parses one fixture file; panics on a line that is neither a case, a comment nor blank.
fn parse(path: &Path) -> Vec<Case> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let text = std::fs::read_to_string(path).unwrap();
    let mut cases = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let at = format!("{name}:{}", i + 1);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (marker, text) = line
            .split_once(": ")
            .unwrap_or_else(|| panic!("{at}: no marker: {line:?}"));
        let (go, level) = match marker {
            "go" => (true, Level::Both),
            "stay" => (false, Level::Both),
            "go-block" => (true, Level::Block),
            "stay-block" => (false, Level::Block),
            "go-sentence" => (true, Level::Sentence),
            "stay-sentence" => (false, Level::Sentence),
            _ => panic!("{at}: unknown marker {marker:?}"),
        };
        assert!(!text.trim().is_empty(), "{at}: empty case");
        cases.push(Case {
            at,
            go,
            level,
            text: text.to_string(),
        });
    }
    cases
}

fn all_cases() -> Vec<Case> {
    files().iter().flat_map(|p| parse(p)).collect()
}

#[test]
fn every_fixture_has_lines_that_go_and_sentences_that_stay() {
    for path in files() {
        let cases = parse(&path);
        let name = path.file_name().unwrap().to_string_lossy();
        assert!(cases.iter().any(|c| c.go), "{name} has no go case");
        assert!(cases.iter().any(|c| !c.go), "{name} has no stay case");
    }
}

#[test]
fn fixture_lines_are_judged_as_marked() {
    let mut wrong = Vec::new();
    for case in all_cases() {
        let mut check = |level: &str, got: Option<furniture::Furniture>| {
            if got.is_some() != case.go {
                let want = if case.go { "furniture" } else { "story" };
                wrong.push(format!(
                    "{}: {level} should be {want}, got {got:?}: {:?}",
                    case.at, case.text
                ));
            }
        };
        if case.at_block() {
            check("block", furniture::block(&case.text, false));
        }
        if case.at_sentence() {
            check("sentence", furniture::sentence(&case.text));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} cases judged wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// The candidate sentences of `text` read as a plain-text article, in English.
fn candidates(text: &str) -> Vec<String> {
    let article = ingest::parse(Path::new("a.txt"), "a.txt", text.as_bytes()).unwrap();
    let corpus = Corpus::build(vec![article], LanguageChoice::Fixed(Lang::English));
    let doc = &corpus.docs[0];
    doc.sentences
        .iter()
        .map(|s| doc.text(s).to_string())
        .collect()
}

fn stays(cases: &[Case], at: fn(&Case) -> bool) -> Vec<String> {
    cases
        .iter()
        .filter(|c| !c.go && at(c))
        .map(|c| c.text.clone())
        .collect()
}

#[test]
fn only_stay_lines_become_sentences() {
    // Every block-level case on a line of its own, after a headline.
    let cases = all_cases();
    let mut text = String::from("Furniture Fixtures For The Brief\n\n");
    for case in cases.iter().filter(|c| c.at_block()) {
        text.push_str(&case.text);
        text.push_str("\n\n");
    }
    assert_eq!(candidates(&text), stays(&cases, Case::at_block));
}

#[test]
fn inline_furniture_is_dropped_from_running_text() {
    // One paragraph, as in pages flattened to one: each stay sentence, then a sentence-level go
    // case that ends a sentence (one that does not would run into the next sentence).
    let cases = all_cases();
    let stay = stays(&cases, Case::at_sentence);
    let go: Vec<&Case> = cases
        .iter()
        .filter(|c| c.go && c.at_sentence())
        .filter(|c| c.text.ends_with(['.', '!', '?']))
        .collect();
    assert!(go.len() >= 5, "too few inline go cases: {}", go.len());
    let mut paragraph = Vec::new();
    for (i, s) in stay.iter().enumerate() {
        paragraph.push(s.as_str());
        if let Some(g) = go.get(i) {
            paragraph.push(&g.text);
        }
    }
    for g in go.iter().skip(stay.len()) {
        paragraph.push(&g.text);
    }
    let text = format!(
        "Furniture Fixtures For The Brief\n\n{}\n",
        paragraph.join(" ")
    );
    assert_eq!(candidates(&text), stay);
}

#[test]
fn the_issue_sentences_stay_and_their_furniture_goes() {
    let article =
        std::fs::read_to_string(common::fixture("furniture", "the-issue-article").join("a.txt"))
            .unwrap();
    assert_eq!(
        candidates(&article),
        [
            "Advertisement revenue at the largest technology companies rose sharply.",
            "Posted on social media on Monday, the video showed the minister.",
            "Copyright holders have filed dozens of lawsuits this year alone.",
        ]
    );
}
