//! The rendered Markdown: its check with pulldown-cmark before anything is written, and its
//! conversion to a standalone HTML page in which raw HTML and script links are neutralised.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::filters::{clean_text, escape_markdown};
use crate::brief::Brief;
use crate::error::{Error, Result};
use crate::location::line_of;
use crate::safety::safe_destination;

/// Options the check parses with (and the HTML output renders with).
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// Checks rendered Markdown with pulldown-cmark: no raw HTML other than comments, no link or
/// image to anything but an http, https or mailto url or a relative one ([`safe_destination`]:
/// no `javascript:`, `file:` or `//host`, however encoded), and every key line the template
/// printed renders as its own plain text. The filters never produce what this rejects (`cite`
/// links only [`safe_url`](crate::safety::safe_url)s): it is a safety net for links a template
/// writes itself.
pub fn check(markdown: &str, brief: &Brief) -> Result<()> {
    // The document's structure and plain text, and the key lines' plain forms, at once.
    let (plain, (lines, squeezed)) = rayon::join(|| structure(markdown), || key_lines(brief));
    let plain = plain?;
    // A key line whose plain form is in the plain text renders as itself, printed or not; only
    // the others (usually none) are looked for in the Markdown, escaped as the template prints
    // them.
    let rendered = occurs_in(&plain, &squeezed);
    let unrendered: Vec<usize> = (0..lines.len()).filter(|&k| !rendered[k]).collect();
    let escaped: Vec<String> = unrendered
        .iter()
        .map(|&k| escape_markdown(lines[k].0))
        .collect();
    let printed = occurs_in(markdown, &escaped);
    if let Some(j) = printed.iter().position(|&p| p) {
        let (text, file) = lines[unrendered[j]];
        return Err(Error::Markdown {
            line: None,
            problem: format!(
                "a key line of {file} does not render as plain text: {:?}",
                first_chars(text)
            ),
        });
    }
    Ok(())
}

/// Every distinct key line of the brief, once, as (text, file), with its squeezed text (cleaned as
/// the escaping cleans it: without control characters).
fn key_lines(brief: &Brief) -> (Vec<(&str, &str)>, Vec<String>) {
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let lines: Vec<(&str, &str)> = brief
        .corpus
        .iter()
        .chain(brief.threads.iter().flat_map(|t| {
            t.key_lines
                .iter()
                .chain(t.articles.iter().flat_map(|a| &a.key_lines))
        }))
        .filter(|l| seen.insert(&l.text))
        .map(|l| (l.text.as_str(), l.file.as_str()))
        .collect();
    let squeezed = lines
        .par_iter()
        .map(|l| squeeze(&clean_text(l.0)))
        .collect();
    (lines, squeezed)
}

/// Parses `markdown`: an error for raw HTML (other than comments) or a link to an unsafe target,
/// else its plain text, squeezed.
fn structure(markdown: &str) -> Result<String> {
    let mut plain = Squeezer::default();
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => {
                let h = h.trim();
                if !(h.starts_with("<!--") || h.is_empty()) {
                    return Err(Error::Markdown {
                        line: Some(line_of(markdown, range.start)),
                        problem: format!("raw HTML {:?}", first_chars(h)),
                    });
                }
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !safe_destination(&dest_url) =>
            {
                return Err(Error::Markdown {
                    line: Some(line_of(markdown, range.start)),
                    problem: format!(
                        "link to {:?} (links go to http, https or mailto urls, or relative ones)",
                        first_chars(&dest_url)
                    ),
                });
            }
            Event::Text(t) | Event::Code(t) => plain.push(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => plain.space(),
            _ => {}
        }
    }
    Ok(plain.text)
}

/// Which of `needles` occur in `haystack`, in one pass over it: each needle's first 8 bytes are
/// a key, and each of the haystack's 8-byte windows is looked up (most are ruled out by a bitmap
/// of the keys' hashes, without a lookup), every hit verified. Linear in the haystack and the
/// needles, where a search per needle would be their product. (The aho-corasick crate, over the
/// needles' first bytes or whole, was slower on the BBC brief: building its automaton alone took
/// longer than this whole search.)
fn occurs_in(haystack: &str, needles: &[String]) -> Vec<bool> {
    const KEY: usize = 8;
    /// The bitmap has 2^BITS bits (32 KB): one in a hundred set for 2,500 distinct keys.
    const BITS: u32 = 18;
    let hay = haystack.as_bytes();
    let key = |bytes: &[u8]| u64::from_le_bytes(bytes[..KEY].try_into().expect("KEY bytes"));
    let bit = |key: u64| (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BITS)) as usize;
    let mut found = vec![false; needles.len()];
    let mut by_key: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    let mut maybe = vec![0u64; 1 << (BITS - 6)];
    for (k, needle) in needles.iter().enumerate() {
        if needle.len() < KEY {
            // Short needles are few: one search each.
            found[k] = haystack.contains(needle.as_str());
        } else {
            let x = key(needle.as_bytes());
            let b = bit(x);
            maybe[b >> 6] |= 1 << (b & 63);
            by_key.entry(x).or_default().push(k);
        }
    }
    if by_key.is_empty() {
        return found;
    }
    for (start, window) in hay.windows(KEY).enumerate() {
        let x = key(window);
        let b = bit(x);
        if maybe[b >> 6] & (1 << (b & 63)) == 0 {
            continue;
        }
        if let Some(list) = by_key.get(&x) {
            for &k in list {
                if !found[k] && hay[start..].starts_with(needles[k].as_bytes()) {
                    found[k] = true;
                }
            }
        }
    }
    found
}

/// `s` with every run of whitespace made one space, and none at either end.
fn squeeze(s: &str) -> String {
    let mut squeezer = Squeezer {
        text: String::with_capacity(s.len()),
        space: false,
    };
    squeezer.push(s);
    squeezer.text
}

/// Text squeezed as it is pushed piece by piece: what `squeeze` makes of the pieces joined, without
/// building the joined text first.
#[derive(Default)]
struct Squeezer {
    text: String,
    /// Whether whitespace came after the last word pushed.
    space: bool,
}

impl Squeezer {
    fn push(&mut self, s: &str) {
        let bytes = s.as_bytes();
        // Printable ASCII other than the space, told apart byte by byte, undecoded; any other
        // character is decoded to tell whether it is whitespace (as `char::is_whitespace`).
        let printable = |i: usize| bytes.get(i).is_some_and(|b| (b'!'..=b'~').contains(b));
        let at = |i: usize| {
            let c = s[i..].chars().next().unwrap_or_default();
            (c.is_whitespace(), c.len_utf8())
        };
        let mut i = 0;
        while i < bytes.len() {
            // Words with single spaces between them, copied at once, ...
            let start = i;
            while i < bytes.len() {
                if printable(i) {
                    i += 1;
                } else if i > start && bytes[i] == b' ' && printable(i + 1) {
                    i += 2;
                } else {
                    let (space, len) = at(i);
                    if space {
                        break;
                    }
                    i += len;
                }
            }
            if i > start {
                if self.space && !self.text.is_empty() {
                    self.text.push(' ');
                }
                self.space = false;
                self.text.push_str(&s[start..i]);
            }
            // ... then whitespace.
            while i < bytes.len() {
                let (space, len) = at(i);
                if !space {
                    break;
                }
                self.space = true;
                i += len;
            }
        }
    }

    /// Whitespace: a space before the next word, if there is one.
    fn space(&mut self) {
        self.space = true;
    }
}

fn first_chars(s: &str) -> String {
    let cut: String = s.chars().take(60).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// The stylesheet embedded in every HTML brief.
pub(crate) const STYLESHEET: &str = include_str!("brief.css");

/// Turns rendered Markdown into a complete HTML page. Raw HTML in the Markdown is shown as text,
/// and links or images with an unsafe target lose their target, so that nothing in an article
/// (nor a careless template) can put markup or script into the page.
pub(crate) fn to_html(markdown: &str, title: &str) -> String {
    let mut unsafe_link_depth = 0usize;
    let events = Parser::new_ext(markdown, options()).filter_map(|event| match event {
        Event::Html(h) | Event::InlineHtml(h) => {
            if h.trim_start().starts_with("<!--") {
                None
            } else {
                Some(Event::Text(h))
            }
        }
        Event::Start(Tag::Link { ref dest_url, .. }) if !safe_destination(dest_url) => {
            unsafe_link_depth += 1;
            None
        }
        Event::End(TagEnd::Link) if unsafe_link_depth > 0 => {
            unsafe_link_depth -= 1;
            None
        }
        Event::Start(Tag::Image {
            dest_url, title, ..
        }) if !safe_destination(&dest_url) => {
            Some(Event::Text(CowStr::from(format!("[image: {title}]"))))
        }
        other => Some(other),
    });
    let mut body = String::new();
    pulldown_cmark::html::push_html(&mut body, events);
    let title = pulldown_cmark_escape_text(title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>\n{STYLESHEET}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
}

fn pulldown_cmark_escape_text(s: &str) -> String {
    let mut out = String::new();
    pulldown_cmark_escape::escape_html(&mut out, s).expect("writing to a String cannot fail");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_which_needles_occur() {
        let hay = "The talks in Riyadh ended on Tuesday; both delegations left the palace.";
        let needles: Vec<String> = [
            "talks in Riyadh ended on Tuesday",
            "both delegations left the palace.",
            "both delegations left the palace!",
            "Riyadh",
            "Istanbul",
            "The talks in Riyadh ended on Tuesday; both delegations left the palace.",
            "delegations left the palace. And more",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let got = occurs_in(hay, &needles);
        let want: Vec<bool> = needles.iter().map(|n| hay.contains(n.as_str())).collect();
        assert_eq!(got, want);
        assert_eq!(want, [true, true, false, true, false, true, false]);
        assert_eq!(occurs_in("short", &needles[..1]), [false]);
    }

    /// Needles at the very end or start, overlapping, sharing their first bytes (one key for
    /// several), shorter than a key, and haystacks shorter than one: the same answers as a
    /// search per needle, on made-up text over a small alphabet (so that keys recur).
    #[test]
    fn finds_needles_as_a_search_per_needle_does() {
        let hay = "abcabcabd ab\u{e9}c abcabcabcX";
        let needles: Vec<String> = [
            "abcabcabcX",
            "bcabcabcX",
            "cabcabcX",
            "abcabcab",
            "abcabcabd",
            "abcabcabe",
            "abcabcabd ab\u{e9}c abcabcabcX",
            "abcabcabd ab\u{e9}c abcabcabcX!",
            "abcX",
            "X",
            "",
            "cab",
            "\u{e9}c abc",
            "abcabcabZ",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let want: Vec<bool> = needles.iter().map(|n| hay.contains(n.as_str())).collect();
        assert_eq!(want.iter().filter(|&&w| w).count(), 11);
        assert_eq!(occurs_in(hay, &needles), want);
        for short in ["", "abcabca", "abcabcab"] {
            let want: Vec<bool> = needles.iter().map(|n| short.contains(n.as_str())).collect();
            assert_eq!(occurs_in(short, &needles), want, "{short:?}");
        }
        let mut next = random_below(7);
        for _ in 0..200 {
            let hay: String = (0..next(200)).map(|_| ['a', 'b', ' '][next(3)]).collect();
            let needles: Vec<String> = (0..20)
                .map(|_| match next(2) {
                    0 if !hay.is_empty() => {
                        let start = next(hay.len());
                        hay[start..start + next(hay.len() - start + 1)].to_string()
                    }
                    _ => (0..next(14)).map(|_| ['a', 'b', ' '][next(3)]).collect(),
                })
                .collect();
            let want: Vec<bool> = needles.iter().map(|n| hay.contains(n.as_str())).collect();
            assert_eq!(occurs_in(&hay, &needles), want, "{hay:?} {needles:?}");
        }
    }

    /// A deterministic stream of numbers below the bound asked (a linear congruential generator):
    /// random cases that are the same on every run.
    fn random_below(mut seed: u64) -> impl FnMut(usize) -> usize {
        move |n| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % n
        }
    }

    /// Pushed piece by piece or whole, text squeezes as `split_whitespace` and `join` squeeze
    /// it: Unicode whitespace, control characters (not whitespace) and runs that cross pieces.
    #[test]
    fn squeezes_as_split_whitespace_does() {
        let parts = [
            " ", " ", "  ", "\t", "\n", "a", "bc", "\u{e9}", "\u{a0}", "\u{2003}", "\u{1}",
            "\u{7f}", "\u{85}", "\u{3000}", "\u{2028}", "\u{4e2d}", "x.",
        ];
        let mut next = random_below(11);
        for _ in 0..20_000 {
            // Pieces, each maybe followed by a break (`space`), as `structure` pushes them.
            let mut whole = String::new();
            let mut squeezer = Squeezer::default();
            for _ in 0..=next(4) {
                let piece: String = (0..next(8)).map(|_| parts[next(parts.len())]).collect();
                whole.push_str(&piece);
                squeezer.push(&piece);
                if next(3) == 0 {
                    whole.push(' ');
                    squeezer.space();
                }
            }
            let want = whole.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squeezer.text, want, "{whole:?}");
            assert_eq!(squeeze(&whole), want, "{whole:?}");
        }
    }

    /// A key line printed where it does not render as its text (here in a comment) fails the
    /// check, naming the first such line in the brief's order; one also printed where it renders,
    /// or not printed at all, passes.
    #[test]
    fn check_requires_printed_key_lines_to_render() {
        let mut brief = crate::sample::brief();
        brief.corpus[0].text =
            "Shares rose *sharply*\ton Monday; \u{7}the index [fell] later.".into();
        brief.corpus[0].file = "first.md".into();
        brief.corpus[1].file = "second.md".into();
        let [first, second] = [0, 1].map(|k| escape_markdown(&brief.corpus[k].text));
        assert!(
            first.contains("\\*sharply\\*") && !first.contains('\t'),
            "{first}"
        );
        for ok in [
            format!("# Brief\n\n- {first}\n- {second}\n"),
            format!("# Brief\n\n- {first}\n\n<!-- {first} -->\n"),
            "# Brief\n\nNo key lines.\n".to_string(),
        ] {
            assert!(check(&ok, &brief).is_ok(), "{ok}");
        }
        for (bad, file) in [
            (format!("# Brief\n\n<!-- {first} -->\n"), "first.md"),
            (format!("# Brief\n\n    {first}\n"), "first.md"),
            (
                format!("# Brief\n\n<!-- {second} -->\n\n<!-- {first} -->\n"),
                "first.md",
            ),
            (
                format!("# Brief\n\n- {first}\n\n<!-- {second} -->\n"),
                "second.md",
            ),
        ] {
            let err = check(&bad, &brief).expect_err(&bad).to_string();
            assert!(
                err.contains(&format!(
                    "a key line of {file} does not render as plain text"
                )),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn check_allows_only_safe_links_a_template_writes() {
        let sample = crate::sample::brief();
        for link in [
            "[x](https://example.org/a)",
            "[x](<mailto:desk@example.org>)",
            "[x](../archive/index.html)",
            "[x](#key-lines)",
            "<https://example.org>",
            "![chart](charts/a.png)",
        ] {
            let md = format!("# Brief\n\nSee {link}.\n");
            assert!(check(&md, &sample).is_ok(), "{link}");
        }
        for link in [
            "[x](javascript:alert(1))",
            "[x](javascript&colon;alert(1))",
            "[x](<java&#9;script&colon;alert(1)>)",
            "[x](JAVA&#x0A;SCRIPT&#x3A;alert(1))",
            "[x](vbscript:x)",
            "[x](file:///etc/passwd)",
            "[x](//evil.example/x)",
            "[x](<\\\\\\\\evil.example\\share>)",
            "[x](/\\\\evil.example)",
            "![x](data:image/png;base64,AAAA)",
            "[x][r]\n\n[r]: javascript:alert(1)",
        ] {
            let md = format!("# Brief\n\nSee {link}.\n");
            let err = check(&md, &sample).expect_err(link).to_string();
            assert!(err.contains("line 3: link to"), "{link}: {err}");
        }
    }

    /// An article whose title, url and key line carry control characters, a right-to-left
    /// override, a trailing " #" and hostile urls renders through the default templates, passes
    /// the check, and leaves none of it in the Markdown or the HTML.
    #[test]
    fn hostile_article_fields_render_safely() {
        use crate::render::{Format, Strictness, Templates, environment, output};
        const TITLE: &str = "Talks\0 resume\u{7} in \u{202E}Riyadh #";
        let mut brief = crate::sample::brief();
        let urls = [
            "javascript&colon;alert(1)",
            "java&#9;script&colon;alert(1)",
            "file:///etc/passwd",
            "//evil.example/x",
        ];
        let mut n = 0;
        for thread in &mut brief.threads {
            for article in &mut thread.articles {
                article.title = TITLE.into();
                article.source = TITLE.into();
                article.url = Some(urls[n % urls.len()].into());
                n += 1;
                for line in &mut article.key_lines {
                    line.title = article.title.clone();
                    line.source = TITLE.into();
                    line.url = article.url.clone();
                }
            }
        }
        let thread_lines = brief.threads.iter_mut().flat_map(|t| &mut t.key_lines);
        for line in brief.corpus.iter_mut().chain(thread_lines) {
            line.title = TITLE.into();
            line.source = TITLE.into();
            line.url = Some(urls[1].into());
        }
        brief.corpus[0].text = format!(
            "A bell\u{7} and a NUL\0 in a \u{2066}key line #{}",
            brief.corpus[0].text
        );
        let env = environment(&Templates::Embedded, Strictness::Normal);
        let md = output(&env, &Templates::Embedded, &brief, Format::Md).unwrap();
        assert!(
            !md.chars().any(|c| (c.is_control() && c != '\n')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
            "{md:?}"
        );
        assert!(!md.contains("](<"), "a link in {md}");
        let mut headings = Vec::new();
        let mut in_heading = false;
        for event in Parser::new_ext(&md, options()) {
            match event {
                Event::Start(Tag::Heading { .. }) => {
                    in_heading = true;
                    headings.push(String::new());
                }
                Event::End(TagEnd::Heading(_)) => in_heading = false,
                Event::Text(t) if in_heading => headings.last_mut().unwrap().push_str(&t),
                _ => {}
            }
        }
        assert!(
            headings.iter().any(|h| h == "Talks resume in Riyadh #"),
            "{headings:?}"
        );
        let html = output(&env, &Templates::Embedded, &brief, Format::Html).unwrap();
        for bad in [
            "href=\"java",
            "href=\"file",
            "href=\"//",
            "\u{0}",
            "\u{7}",
            "\u{202E}",
        ] {
            assert!(!html.contains(bad), "{bad:?} in {html}");
        }
        assert!(html.contains("<h3>Talks resume in Riyadh #</h3>"), "{html}");
    }

    #[test]
    fn html_neutralises_raw_html_and_script_links() {
        let md = "# Brief\n\n<script>alert(1)</script>\n\nA <img src=x onerror=alert(1)> and [x](javascript:alert(1)) and [ok](https://example.com).\n";
        let html = to_html(md, "Brief <1>");
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<title>Brief &lt;1&gt;</title>"));
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(
            html.contains("<a href=\"https://example.com\">ok</a>"),
            "{html}"
        );
        assert!(html.contains("<h1>Brief</h1>"));
    }
}
