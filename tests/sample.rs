//! The sample corpus (`input/`), through the library: threads, furniture, verbatim key lines,
//! abbreviations, redundancy.

use std::path::Path;

use brief::brief::{Brief, KeyLine};
use brief::corpus::Corpus;
use brief::ingest;
use brief::lang::LanguageChoice;
use brief::pipeline::{self, Options, ThreadSource};
use brief::threads;

mod common;

fn sample() -> (Corpus, Vec<threads::ThreadDef>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 5, "the sample corpus has five articles");
    let articles = names
        .iter()
        .map(|n| ingest::parse(&dir.join(n), n, &std::fs::read(dir.join(n)).unwrap()).unwrap())
        .collect();
    let defs_path = dir.join("threads.toml");
    let defs = threads::parse(&defs_path, &std::fs::read_to_string(&defs_path).unwrap()).unwrap();
    (Corpus::build(articles, LanguageChoice::Auto), defs)
}

fn brief() -> (Corpus, Brief) {
    let (corpus, defs) = sample();
    let date = "2025-08-20".parse().unwrap();
    let b = pipeline::build_brief(
        &corpus,
        ThreadSource::Defined(defs),
        date,
        &Options::default(),
    );
    (corpus, b)
}

fn all_lines(b: &Brief) -> Vec<&KeyLine> {
    b.corpus
        .iter()
        .chain(b.threads.iter().flat_map(|t| {
            t.key_lines
                .iter()
                .chain(t.articles.iter().flat_map(|a| &a.key_lines))
        }))
        .collect()
}

fn source_text(file: &str) -> String {
    let raw = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("input")
            .join(file),
    )
    .unwrap();
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn threads_hold_the_right_articles() {
    let (_, b) = brief();
    let members: Vec<(String, Vec<String>)> = b
        .threads
        .iter()
        .map(|t| {
            (
                t.name.clone(),
                t.articles.iter().map(|a| a.id[..3].to_string()).collect(),
            )
        })
        .collect();
    assert_eq!(
        members,
        [
            (
                "Riyadh".to_string(),
                vec!["000".to_string(), "003".into(), "004".into()]
            ),
            ("Istanbul".to_string(), vec!["001".to_string()]),
            ("Alaska".to_string(), vec!["002".to_string()]),
        ]
    );
}

#[test]
fn titles_are_headlines_not_kickers() {
    let (corpus, _) = sample();
    let d = corpus
        .docs
        .iter()
        .find(|d| d.article.id.starts_with("001"))
        .unwrap();
    assert_eq!(
        d.title(),
        "Kremlin Signals Putin-Zelenskyy Meeting Possible"
    );
}

#[test]
fn no_key_line_is_furniture() {
    let (_, b) = brief();
    // Headings and kickers of the sample: lines without final punctuation.
    let headings: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("input"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .flat_map(|p| {
                std::fs::read_to_string(p)
                    .unwrap()
                    .lines()
                    .map(str::trim)
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
            .filter(|l| !l.is_empty() && !l.ends_with(['.', '”', '"', '?', '!']))
            .collect();
    assert!(headings.iter().any(|h| h == "International"));
    for line in all_lines(&b) {
        for bad in [
            "Nepal plunged",
            "A 50-year-old",
            "+ posts",
            "posts",
            "Related Posts",
            "ALSO READ",
            "KEY POINTS",
        ] {
            assert!(
                !line.text.starts_with(bad),
                "furniture key line: {}",
                line.text
            );
        }
        assert!(!line.text.ends_with('…'), "teaser key line: {}", line.text);
        assert!(
            !headings.contains(&line.text),
            "heading as key line: {}",
            line.text
        );
    }
}

#[test]
fn every_key_line_is_a_verbatim_sentence_of_its_article() {
    let (_, b) = brief();
    let lines = all_lines(&b);
    assert!(lines.len() >= 15);
    for line in lines {
        assert!(
            source_text(&line.file).contains(&line.text),
            "{} not in {}",
            line.text,
            line.file
        );
    }
}

#[test]
fn no_abbreviation_debris() {
    let (corpus, _) = sample();
    for doc in &corpus.docs {
        for s in &doc.sentences {
            let t = doc.text(s);
            assert!(
                !t.starts_with("Secretary of State"),
                "split after U.S.: {t}"
            );
            assert!(
                !t.starts_with(|c: char| c.is_lowercase()),
                "starts in lower case: {t}"
            );
            for abbr in [" Sen.", " Jan.", " Mr.", " Gov."] {
                assert!(!t.ends_with(abbr), "ends with {abbr}: {t}");
            }
        }
    }
    // The sentence with "U.S. Secretary of State Marco Rubio" is whole.
    let all: Vec<&str> = corpus
        .docs
        .iter()
        .flat_map(|d| d.sentences.iter().map(|s| d.text(s)))
        .collect();
    assert!(all.iter().any(|s| s.starts_with("The meeting was held at Diriyah Palace in Riyadh, where U.S. Secretary of State Marco Rubio")));
}

#[test]
fn corpus_section_repeats_no_sentence_and_covers_every_thread() {
    let (_, b) = brief();
    let mut texts: Vec<&str> = b.corpus.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts.len(), 5);
    texts.sort();
    texts.dedup();
    assert_eq!(texts.len(), 5, "a sentence repeats in the corpus section");
    for t in &b.threads {
        let ids: Vec<&str> = t.articles.iter().map(|a| a.id.as_str()).collect();
        assert!(
            b.corpus.iter().any(|l| ids.contains(&l.article.as_str())),
            "no corpus line for {}",
            t.name
        );
    }
}

/// Each line once (issue 11): no sentence is a key line of two sections, nor a key line and a
/// title; and each section still fills its budget from the lines not shown before.
#[test]
fn the_brief_repeats_no_sentence() {
    let (corpus, b) = brief();
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut check = |text: &str, place: String| {
        let norm = text.trim().trim_end_matches('.');
        if let Some((_, first)) = seen.iter().find(|(t, _)| *t == norm) {
            panic!("{text:?} in {first} and again in {place}");
        }
        seen.push((norm.to_string(), place));
    };
    for t in &b.threads {
        for a in &t.articles {
            check(&a.title, format!("the title of {}", a.id));
        }
    }
    for l in &b.corpus {
        check(&l.text, "the corpus lines".into());
    }
    for t in &b.threads {
        for l in &t.key_lines {
            check(&l.text, format!("thread {}", t.name));
        }
        for a in &t.articles {
            for l in &a.key_lines {
                check(&l.text, format!("article {}", a.id));
            }
            // The article still has its budget of lines when it has enough sentences left.
            let doc = corpus.docs.iter().find(|d| d.article.id == a.id).unwrap();
            let room = doc.sentences.len() - a.repeated.len();
            assert_eq!(a.key_lines.len(), 3.min(room), "{}", a.id);
        }
    }
    // The committed brief too, as a reader sees it: no list item twice.
    let md =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs/2025-08-20.md"))
            .unwrap();
    let mut items: Vec<&str> = md
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .map(|l| l.split(" *(").next().unwrap())
        .collect();
    let n = items.len();
    items.sort();
    items.dedup();
    assert_eq!(items.len(), n, "a key line repeats in briefs/2025-08-20.md");
    assert!(n >= 15, "{n} key lines");
}

/// Who said what (issue 11): a thread shows its best quotations with their speakers, each one
/// verbatim from its article, none of them the text of a key line shown above.
#[test]
fn threads_show_quotations_with_speakers() {
    let (_, b) = brief();
    let riyadh = b.threads.iter().find(|t| t.name == "Riyadh").unwrap();
    assert!(!riyadh.quotes.is_empty());
    let shown: Vec<&str> = b
        .corpus
        .iter()
        .chain(b.threads.iter().flat_map(|t| &t.key_lines))
        .map(|l| l.text.as_str())
        .collect();
    for t in &b.threads {
        assert!(t.quotes.len() <= brief::pipeline::THREAD_QUOTES);
        for q in &t.quotes {
            assert!(!q.speaker.is_empty(), "{q:?}");
            assert!(q.text.split_whitespace().count() >= 4, "{q:?}");
            let article = source_text(&q.file);
            for part in q.text.split(" … ") {
                assert!(article.contains(part), "{part:?} is not in {}", q.file);
            }
            assert!(
                !shown.iter().any(|l| l.contains(q.text.as_str())),
                "{:?} repeats a key line",
                q.text
            );
        }
    }
}

#[test]
fn article_lines_keep_article_order_and_budgets_hold() {
    let (_, b) = brief();
    for t in &b.threads {
        for a in &t.articles {
            let pos: Vec<usize> = a.key_lines.iter().map(|l| l.position).collect();
            assert!(pos.windows(2).all(|w| w[0] < w[1]), "{}: {pos:?}", a.id);
            assert!(pos.len() <= 3, "{}: {pos:?}", a.id);
        }
    }
    // A short article still gives a line (s.txt, one sentence), and one shorter than the budget
    // gives all it has (t.txt, two).
    let short_articles = common::fixture("sample", "short-articles");
    let read = |name: &str| std::fs::read(short_articles.join(name)).unwrap();
    let short = ingest::parse(Path::new("s.txt"), "s.txt", &read("s.txt")).unwrap();
    let c = Corpus::build(vec![short], LanguageChoice::Auto);
    let lines = pipeline::summarize(&c, brief::select::Budget::Words(1), &Options::default());
    assert_eq!(lines.len(), 1);
    let two = ingest::parse(Path::new("t.txt"), "t.txt", &read("t.txt")).unwrap();
    let c = Corpus::build(vec![two], LanguageChoice::Auto);
    assert_eq!(
        pipeline::summarize(&c, brief::select::Budget::Lines(5), &Options::default()).len(),
        2
    );
}

/// The sample brief as `brief build` writes it in each format, held by snapshots
/// (`tests/snapshots/sample__brief.{md,html,json}.snap`; review a change with `cargo insta review`).
/// The Markdown one is also committed as `briefs/2025-08-20.md`, checked by `brief build --check`.
#[test]
fn the_sample_brief_in_every_format() {
    use brief::render::{self, Format, Strictness, Templates};
    let (_, b) = brief();
    let templates = Templates::Embedded;
    let env = render::environment(&templates, Strictness::Normal);
    for format in Format::ALL {
        let output = render::output(&env, &templates, &b, format).unwrap();
        insta::assert_snapshot!(format!("brief.{format}"), output);
    }
}
