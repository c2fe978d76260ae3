//! Sentence splitting on real news: every line of a BBC reference (`../shared/eval/bbc`) is a
//! verbatim sentence of its article, so a splitter is right on it when it produces that sentence
//! exactly. Skips with a message when the data is absent (fails then if `CI` is set). Set BRIEF_DUMP_MISSES=path to write
//! every miss for inspection.

use brief::lang::Lang;
use brief::segment;

mod common;

/// The target was 97%; brief reached 99.18% (see README), so anything under 99% is a
/// regression.
const MIN_RECOVERY: f64 = 0.99;

#[test]
fn bbc_reference_sentences_are_recovered() {
    let Some(root) = common::shared_eval("bbc") else {
        return;
    };
    let mut total = 0usize;
    let mut found = 0usize;
    let mut misses = String::new();
    let mut kinds: std::collections::BTreeMap<&str, usize> = Default::default();
    for unit in brief::eval::find_units(&root).unwrap() {
        let text = std::fs::read_to_string(unit.dir.join("article.txt")).unwrap();
        let reference = std::fs::read_to_string(&unit.references[0]).unwrap();
        let sentences: std::collections::HashSet<String> =
            segment::split_document(&text, Lang::English)
                .into_iter()
                .map(|s| s.trim().to_string())
                .collect();
        for line in reference.lines().map(str::trim).filter(|l| !l.is_empty()) {
            total += 1;
            if sentences.contains(line) {
                found += 1;
            } else {
                *kinds.entry(miss_kind(&text, line)).or_default() += 1;
                misses.push_str(&format!("{}\t{line}\n", unit.id));
            }
        }
    }
    if let Ok(path) = std::env::var("BRIEF_DUMP_MISSES") {
        std::fs::write(path, &misses).unwrap();
    }
    let share = found as f64 / total as f64;
    eprintln!(
        "BBC reference sentences recovered: {found}/{total} = {:.2}%",
        100.0 * share
    );
    let mut kinds: Vec<(&str, usize)> = kinds.into_iter().collect();
    kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (kind, n) in kinds {
        eprintln!("  {n:3}  {kind}");
    }
    assert!(
        share >= MIN_RECOVERY,
        "recovered {:.2}% < {:.0}%",
        100.0 * share,
        100.0 * MIN_RECOVERY
    );
}

/// Sorts a missed reference sentence into a kind, for the report.
fn miss_kind(article: &str, reference: &str) -> &'static str {
    let Some(at) = article.find(reference) else {
        return "the reference is not in the article as written: it joins paragraphs or list items";
    };
    let after = &article[at + reference.len()..];
    let first = reference.chars().next().unwrap_or(' ');
    let ends_bang = reference
        .trim_end_matches(['"', '\''])
        .ends_with(['!', '?']);
    let next_lower = after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_lowercase());
    if first.is_lowercase() || first == ')' {
        "the reference starts in lower case: its splitter broke after ! or ? before a lower-case word"
    } else if ends_bang && next_lower {
        "the reference ends at ! or ? before a lower-case word (\"Wham! to\", \"...?\" he said)"
    } else if reference.contains("...") || after.starts_with("...") {
        "an ellipsis the reference treats otherwise"
    } else if reference.as_bytes().windows(3).any(|w| {
        (w[0].is_ascii_lowercase() || w[0] == b')') && w[1] == b'.' && w[2].is_ascii_uppercase()
    }) {
        "no space after a period: the reference keeps \"Division.Those\" together"
    } else {
        "other"
    }
}
