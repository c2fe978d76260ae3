//! Invariants that hold for any input, checked on generated text (proptest):
//! - the splitter never panics, and its sentences are ordered, disjoint, trimmed, non-empty
//!   pieces of the text on character boundaries that together cover every non-space character;
//! - every key line is a verbatim piece of its article;
//! - the same input gives the same key lines and the same brief, byte for byte.

use std::path::Path;

use brief::corpus::Corpus;
use brief::ingest;
use brief::lang::{Lang, LanguageChoice};
use brief::pipeline::{self, Options, ThreadSource};
use brief::segment;
use brief::select::Budget;
use proptest::prelude::*;

/// Text with the characters sentence splitting cares about, and some it should survive.
fn messy_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[a-zA-Z0-9 .!?;:,…\"'“”‘’()\\[\\]•⁃\u{a0}\u{2009}\u{3000}\u{202a}\u{202c}é😀اб。！\n-]{0,240}",
    )
    .unwrap()
}

/// An article of news-like sentences.
fn article_text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "talks",
        "Riyadh",
        "officials",
        "met",
        "on",
        "Tuesday",
        "U.S.",
        "Sen.",
        "Putin",
        "the",
        "war",
        "Jan.",
        "5",
        "said",
        "ceasefire",
        "“open”",
        "Dr.",
        "Smith",
        "e.g.",
        "prices",
        "rose",
        "3.5%",
        "in",
        "Kyiv",
    ]);
    let sentence = prop::collection::vec(word, 3..14).prop_map(|w| {
        let mut s = w.join(" ");
        if let Some(first) = s.get(..1) {
            s = first.to_uppercase() + &s[1..];
        }
        s + "."
    });
    let paragraph = prop::collection::vec(sentence, 1..5).prop_map(|s| s.join(" "));
    prop::collection::vec(paragraph, 1..6).prop_map(|p| p.join("\n\n") + "\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn sentences_tile_the_text(text in messy_text()) {
        for lang in [Lang::English, Lang::German, Lang::Arabic] {
            let ranges = segment::split(&text, lang);
            let mut covered = vec![false; text.len()];
            let mut last_end = 0;
            for r in &ranges {
                prop_assert!(r.start >= last_end && r.start < r.end && r.end <= text.len(), "{ranges:?}");
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                let s = &text[r.clone()];
                prop_assert_eq!(s, s.trim());
                covered[r.clone()].iter_mut().for_each(|c| *c = true);
                last_end = r.end;
            }
            for (i, c) in text.char_indices() {
                prop_assert!(c.is_whitespace() || covered[i], "{c:?} at {i} left out of {ranges:?}");
            }
            // The whole-document path (layout, then sentences) does not panic either.
            let _ = segment::split_document(&text, lang);
        }
    }

    #[test]
    fn key_lines_are_verbatim_and_deterministic(text in article_text(), words in 5usize..80) {
        let parse = || ingest::parse(Path::new("a.txt"), "a.txt", text.as_bytes()).unwrap();
        let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let corpus = Corpus::build(vec![parse()], LanguageChoice::Auto);
        let lines = pipeline::summarize(&corpus, Budget::Words(words), &Options::default());
        prop_assert!(!lines.is_empty());
        for l in &lines {
            let s = corpus.sentence(l.id).text();
            prop_assert!(squeezed.contains(s), "{s:?} is not in the article");
        }
        let again = Corpus::build(vec![parse()], LanguageChoice::Auto);
        prop_assert_eq!(lines, pipeline::summarize(&again, Budget::Words(words), &Options::default()));
    }

    #[test]
    fn briefs_are_byte_identical(texts in prop::collection::vec(article_text(), 1..5)) {
        let build = || {
            let articles = texts
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let name = format!("{i:03}.txt");
                    ingest::parse(Path::new(&name), &name, t.as_bytes()).unwrap()
                })
                .collect();
            let corpus = Corpus::build(articles, LanguageChoice::Auto);
            let b = pipeline::build_brief(&corpus, ThreadSource::Discover, jiff::civil::date(2025, 1, 2), &Options::default());
            serde_json::to_string(&b).unwrap()
        };
        prop_assert_eq!(build(), build());
    }
}
