//! Safe, boring output (issue 10, the text side): articles whose front matter holds hostile urls
//! (`javascript&colon;`, `java&#9;script&colon;`, `file:`, `//host`) and whose title and text
//! hold NUL, a bell, a right-to-left override and a trailing " #" still build, and the brief
//! shows none of it: no control or bidirectional character, no link but the safe one, the title's
//! "#" visible in its heading, and everything else in place.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

#[allow(dead_code)]
mod common;

const DATE: &str = "2025-08-20";

/// The title every hostile article has, as written in YAML (NUL, BEL, U+202E, trailing " #").
const TITLE_YAML: &str = r#""Talks\0 resume\a in \u202Eevil Riyadh #""#;
/// That title as the brief must show it.
const TITLE: &str = "Talks resume in evil Riyadh #";

/// The articles: four with hostile urls, one with a safe url and a source.
fn articles() -> Vec<(&'static str, Vec<u8>)> {
    let hostile = |url: &str, body: &str| {
        format!("---\ntitle: {TITLE_YAML}\nurl: \"{url}\"\n---\n{body}").into_bytes()
    };
    vec![
        (
            "a.md",
            hostile(
                "javascript&colon;alert(1)",
                "Officials met\u{7} in Riyadh on Tuesday \u{202E}for the first talks in years.\n\nThe talks lasted\0 more than four hours, officials said.\n",
            ),
        ),
        (
            "b.md",
            hostile(
                "java&#9;script&colon;alert(1)",
                "Delegations from both countries arrived in Riyadh on Monday evening.\n\nThe foreign ministers shook hands before the cameras at the palace.\n",
            ),
        ),
        (
            "c.md",
            hostile(
                "file:///etc/passwd",
                "The harbour bridge reopened to traffic on Sunday after long repairs.\n\nEngineers said the bridge was safe for heavy lorries again.\n",
            ),
        ),
        (
            "d.md",
            hostile(
                "//evil.example/x",
                "Ferry services across the harbour will be cut back this spring.\n\nThe operator said passenger numbers fell by half last month.\n",
            ),
        ),
        (
            "e.md",
            b"---\ntitle: Library opens on Sundays\nsource: Wire\nurl: https://example.org/good\n---\nThe town library will open on Sundays from April, the council said.\n\nA local family pays for the longer hours with a gift.\n".to_vec(),
        ),
    ]
}

/// Builds the brief of `articles()` in a format and returns it.
fn build(format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir_all(&input).unwrap();
    for (name, bytes) in articles() {
        std::fs::write(input.join(name), bytes).unwrap();
    }
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
