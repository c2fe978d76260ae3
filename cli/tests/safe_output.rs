//! Safe, boring output (issue 10, the text side): articles whose front matter holds hostile urls
//! (`javascript&colon;`, `java&#9;script&colon;`, `file:`, `//host`) and whose title and text
//! hold NUL, a bell, a right-to-left override and a trailing " #" still build, and the brief
//! shows none of it: no control or bidirectional character, no link but the safe one, the title's
//! "#" visible in its heading, and everything else in place.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

#[allow(dead_code)]
mod common;

const DATE: &str = "2025-08-20";

/// The title every hostile article has, as the brief must show it: in their front matter it is
/// written `"Talks\0 resume\a in \u202Eevil Riyadh #"` (NUL, BEL, U+202E, trailing " #").
const TITLE: &str = "Talks resume in evil Riyadh #";

/// Builds the brief of the articles of `tests/data/safe_output/hostile-front-matter/` in a format
/// and returns it: four with that title and a hostile url (a.md `javascript&colon;`, b.md
/// `java&#9;script&colon;`, c.md `file:`, d.md `//host`), a.md's text with a BEL, a U+202E and a
/// NUL in it; and e.md, with a safe url and a source.
fn build(format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    common::copy_fixture(
        "safe_output",
        "hostile-front-matter",
        &dir.path().join("input"),
    );
    common::build_format(dir.path(), format, DATE)
}

/// A control character other than a line break, or an explicit bidirectional control.
fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What pulldown-cmark reads in the Markdown: (heading level and text), list items' text, link
/// targets, and the plain text.
struct Read {
    headings: Vec<(usize, String)>,
    items: Vec<String>,
    links: Vec<String>,
    text: String,
}

fn read(md: &str) -> Read {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut r = Read {
        headings: Vec::new(),
        items: Vec::new(),
        links: Vec::new(),
        text: String::new(),
    };
    let (mut heading, mut item) = (None::<String>, None::<String>);
    let mut level = 0;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Heading { level: l, .. }) => {
                level = l as usize;
                heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(_)) => r.headings.push((level, heading.take().unwrap())),
            Event::Start(Tag::Item) => item = Some(String::new()),
            Event::End(TagEnd::Item) => r.items.push(item.take().unwrap()),
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => r.links.push(dest_url.to_string()),
            Event::Text(t) | Event::Code(t) => {
                for s in [&mut heading, &mut item].into_iter().flatten() {
                    s.push_str(&t);
                }
                r.text.push_str(&t);
            }
            Event::SoftBreak | Event::End(TagEnd::Paragraph) => r.text.push(' '),
            _ => {}
        }
    }
    r
}

#[test]
fn hostile_front_matter_and_text_give_a_safe_brief() {
    let md = build("md");
    let bad: Vec<char> = md.chars().filter(|&c| unsafe_char(c)).collect();
    assert!(bad.is_empty(), "{bad:?} in {md:?}");
    let r = read(&md);

    // Only the safe url is linked.
    assert!(!r.links.is_empty(), "{md}");
    assert!(
        r.links.iter().all(|l| l == "https://example.org/good"),
        "{:?}",
        r.links
    );
    for bad in ["javascript", "script&colon;", "file:", "//evil"] {
        assert!(!md.to_lowercase().contains(bad), "{bad} in {md}");
    }

    // The title's "#" survives in its heading.
    assert!(
        r.headings.iter().any(|(l, h)| *l == 3 && h == TITLE),
        "{:?}\n{md}",
        r.headings
    );

    // The rest of the brief is intact.
    assert_eq!(r.headings[0], (1, format!("Brief for {DATE}")), "{md}");
    assert!(
        r.headings.iter().any(|(l, h)| *l == 2 && h == "Key lines"),
        "{md}"
    );
    assert!(r.text.contains("5 articles in "), "{md}");
    assert!(
        r.headings
            .iter()
            .any(|(l, h)| *l == 3 && h == "Library opens on Sundays"),
        "{md}"
    );
    for sentence in [
        "Officials met in Riyadh on Tuesday for the first talks in years.",
        "The talks lasted more than four hours, officials said.",
        "Delegations from both countries arrived in Riyadh on Monday evening.",
        "The harbour bridge reopened to traffic on Sunday after long repairs.",
        "Ferry services across the harbour will be cut back this spring.",
        "The town library will open on Sundays from April, the council said.",
    ] {
        // A key line is an item of its own, or followed by its citation.
        assert!(
            r.items
                .iter()
                .any(|i| i == sentence || i.starts_with(&format!("{sentence} ("))),
            "{sentence:?} in {md}"
        );
    }
    assert!(
        r.items
            .iter()
            .any(|i| i.starts_with("The town library will open") && i.ends_with("(Wire)")),
        "{:?}",
        r.items
    );
}

#[test]
fn hostile_front_matter_gives_a_safe_html_page() {
    let html = build("html");
    let bad: Vec<char> = html.chars().filter(|&c| unsafe_char(c)).collect();
    assert!(bad.is_empty(), "{bad:?} in {html:?}");
    for bad in ["href=\"java", "href=\"file", "href=\"//", "javascript"] {
        assert!(!html.to_lowercase().contains(bad), "{bad} in {html}");
    }
    assert!(html.contains(&format!("<h3>{TITLE}</h3>")), "{html}");
    assert!(
        html.contains("<a href=\"https://example.org/good\">Wire</a>"),
        "{html}"
    );
}
