//! Fuzzing on stable Rust (issue 10): proptest drives arbitrary and hostile input through every
//! entry point that reads what a user hands brief, and checks that nothing panics and that what
//! comes out holds its invariants:
//! - sentence splitting, on any text in any language;
//! - ingest (decoding, front matter, Markdown and plain-text layout, furniture), on any bytes and
//!   on text shaped like articles with front matter, HTML and Markdown;
//! - thread files, on any text and on TOML-shaped text;
//! - the whole pipeline and rendering (Markdown checked with pulldown-cmark, HTML, JSON), on
//!   corpora of hostile articles: a build succeeds, and every key line is a piece of its article.
//!
//! `cargo test` runs a few cases of each, to stay fast; a fuzzing run sets the number:
//! `BRIEF_FUZZ_CASES=20000 cargo test --release --test fuzz` (see docs/fuzzing.md).

use std::path::Path;

use brief::corpus::Corpus;
use brief::ingest;
use brief::lang::{Lang, LanguageChoice};
use brief::pipeline::{self, Options, ThreadSource};
use brief::render::{self, Format, Strictness, Templates};
use brief::segment;
use brief::threads;
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("BRIEF_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24)
}

/// Pieces of text that parsers and splitters treat specially.
fn hostile_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---\n".to_string()),
        Just("+++\n".to_string()),
        Just("\n\n".to_string()),
        Just("    ".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<script>x</script>".to_string()),
        Just("&amp;&#9;&colon;&#x202E;".to_string()),
        Just("# ".to_string()),
        Just(" #".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just("```\n".to_string()),
        Just("| a | b |\n|---|---|\n".to_string()),
        Just("[link](javascript:alert(1))".to_string()),
        Just("title: \"x\"\n".to_string()),
        Just("url: java&#9;script:x\n".to_string()),
        Just("date: 2025-13-45\n".to_string()),
        Just("thread: Riyadh\n".to_string()),
        Just("ALSO READ: ".to_string()),
        Just("Advertisement\n".to_string()),
        Just("U.S. Sen. J. R. Smith said… ".to_string()),
        Just("The talks in Riyadh ended on Tuesday. ".to_string()),
        Just("“Quoted,” he said. ".to_string()),
        Just("\u{0}\u{7}\u{1b}[31m\u{202e}\u{2066}\u{feff}".to_string()),
        Just("[[[[{{{{".to_string()),
        "\\PC{0,40}",
        "[a-zA-Z .,!?\n]{0,80}",
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_piece(), 0..24).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn splitting_any_text(text in "\\PC{0,400}|[\\s\\S]{0,200}") {
        for lang in Lang::ALL {
            let ranges = segment::split(&text, lang);
            let mut last = 0;
            for r in &ranges {
                prop_assert!(r.start >= last && r.start < r.end && r.end <= text.len());
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                last = r.end;
            }
        }
    }

    #[test]
    fn ingesting_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600), md in any::<bool>()) {
        let name = if md { "in/x.md" } else { "in/x.txt" };
        if let Err(e) = ingest::parse(Path::new(name), "x", &bytes) {
            prop_assert!(e.to_string().starts_with("in/x."), "{e}");
        }
    }

    #[test]
    fn ingesting_hostile_articles(text in hostile_text(), md in any::<bool>()) {
        let name = if md { "in/x.md" } else { "in/x.txt" };
        match ingest::parse(Path::new(name), name, text.as_bytes()) {
            Ok(article) => {
                for b in &article.blocks {
                    let clean = !b.text.contains(['\u{0}', '\u{202e}']);
                    prop_assert!(clean, "control character in {:?}", b.text);
                }
            }
            Err(e) => prop_assert!(e.to_string().starts_with(name), "{e}"),
        }
    }

    #[test]
    fn parsing_any_thread_file(text in "\\PC{0,300}|(\\[\\[thread\\]\\]\nname = \"[A-Za-z ]{0,8}\"\nterms = \\[(\"[a-z]{0,6}\", ){0,3}\\]\n\n){0,4}") {
        if let Err(e) = threads::parse(Path::new("t.toml"), &text) {
            prop_assert!(e.to_string().starts_with("t.toml"), "{e}");
        }
    }

    #[test]
    fn building_and_rendering_hostile_corpora(texts in prop::collection::vec(hostile_text(), 1..5)) {
        let articles: Vec<ingest::Article> = texts
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let name = if i % 2 == 0 { format!("{i}.md") } else { format!("{i}.txt") };
                ingest::parse(Path::new(&name), &name, t.as_bytes()).ok()
            })
            .collect();
        let corpus = Corpus::build(articles, LanguageChoice::Auto);
        let brief = pipeline::build_brief(
            &corpus,
            ThreadSource::Discover,
            jiff::civil::date(2025, 1, 2),
            &Options::default(),
        );
        for t in &brief.threads {
            for a in &t.articles {
                let d = corpus.docs.iter().position(|d| d.article.file == a.file).unwrap();
                // A key line is its sentence, or a whole quotation: the sentence that opens it and
                // those that close it (four sentences in all at most, `corpus::QUOTED_SENTENCES`), joined by
                // spaces (`Corpus::line_text`).
                let doc = &corpus.docs[d];
                let texts: Vec<&str> = doc.sentences.iter().map(|s| doc.text(s)).collect();
                for l in &a.key_lines {
                    let p = l.position - 1;
                    let whole = (p..texts.len().min(p + 4)).any(|end| texts[p..=end].join(" ") == l.text);
                    prop_assert!(whole, "{:?} is not sentence {} of {} (or it and up to three more)", l.text, l.position, a.file);
                }
            }
        }
        let env = render::environment(&Templates::Embedded, Strictness::Normal);
        for format in [Format::Md, Format::Html, Format::Json] {
            let out = render::output(&env, &Templates::Embedded, &brief, format);
            prop_assert!(out.is_ok(), "{format:?}: {}", out.unwrap_err());
            let out = out.unwrap();
            let clean = !out.contains(['\u{0}', '\u{202e}']);
            prop_assert!(clean, "control character in the {:?} output", format);
        }
    }
}
