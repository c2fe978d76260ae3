//! Filters for template authors: Markdown escaping (applied to every printed value), `cite`,
//! `truncate_words`, `join_and`, plus minijinja-contrib's `pluralize`, `truncate`, `wordcount`
//! and `dateformat`. No filter reads the clock or draws random numbers: output depends on the
//! brief alone. docs/templates.md documents each with an example.

use std::borrow::Cow;

use minijinja::value::{Kwargs, Value};

use crate::safety::link_url;
use crate::safety::{is_bidi_control, is_line_separator};
#[cfg(test)]
use crate::safety::{safe_destination, safe_url};
use minijinja::{Environment, Error, ErrorKind};

/// Registers brief's filters, and the minijinja-contrib ones that keep output reproducible.
pub(crate) fn register(env: &mut Environment<'static>) {
    env.add_filter("md", |s: String| {
        Value::from_safe_string(escape_markdown(&s))
    });
    env.add_filter("truncate_words", truncate_words);
    env.add_filter("cite", cite);
    env.add_filter("join_and", join_and);
    env.add_filter("pluralize", minijinja_contrib::filters::pluralize);
    env.add_filter("truncate", minijinja_contrib::filters::truncate);
    env.add_filter("wordcount", minijinja_contrib::filters::wordcount);
    env.add_filter("dateformat", minijinja_contrib::filters::dateformat);
}

/// Escapes text for Markdown so that it renders as itself: inline markup characters get a
/// backslash, and so does every `#` (a trailing " #" would otherwise close an ATX heading and
/// vanish) and the characters that would open a block at the start of a line (`-`, `+`, `=`,
/// `1.`). The text is cleaned first ([`clean_text`]): line breaks and tabs become spaces, control
/// characters and bidirectional embeddings, overrides and isolates are removed.
pub(crate) fn escape_markdown(s: &str) -> String {
    let s = clean_text(s);
    let mut out = String::with_capacity(s.len() + 8);
    let trimmed = s.trim_start();
    out.push_str(&s[..s.len() - trimmed.len()]);
    // Block openers at the start (`#` is escaped wherever it is).
    if trimmed.starts_with(['-', '+', '=']) {
        out.push('\\');
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = digits > 0 && matches!(trimmed.as_bytes().get(digits), Some(b'.') | Some(b')'));
    // Every character that needs care is ASCII: copy the runs between them whole.
    let mut copied = 0;
    for (i, b) in trimmed.bytes().enumerate() {
        let opener = numbered && i == digits;
        let special = matches!(
            b,
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'|' | b'~' | b'#' | b'&'
        );
        if !(special || opener) {
            continue;
        }
        out.push_str(&trimmed[copied..i]);
        copied = i;
        // Only an entity reference would be read as markup.
        if opener || (special && (b != b'&' || opens_entity(&trimmed[i + 1..]))) {
            out.push('\\');
        }
    }
    out.push_str(&trimmed[copied..]);
    out
}

/// A text value as the brief prints it: tabs, line breaks and the other whitespace controls
/// (VT, FF, NEL, U+2028, U+2029) become spaces, and every other control character (C0, DEL and
/// C1, NUL included) is removed, as is every explicit bidirectional embedding, override and
/// isolate (U+202A–U+202E, U+2066–U+2069). Borrowed when there is nothing to clean.
///
/// The bidirectional controls are all removed rather than balanced: a value is printed inside a
/// line the template writes (a heading, a list item, a link label), possibly cut short first
/// (`truncate_words`), and removing them is simple, can never leave an override open past the
/// value (reversing the text after it), and loses at most a direction forced on a run of mixed
/// text, which the bidirectional algorithm mostly recovers from the letters themselves. The
/// marks U+200E, U+200F and U+061C open nothing and are kept.
pub(crate) fn clean_text(s: &str) -> Cow<'_, str> {
    // Printable ASCII holds none of them: most text is told apart byte by byte, undecoded (a
    // fold rather than `all`, which stops early, so that the compiler can test many bytes at
    // once).
    if s.bytes()
        .fold(true, |ascii, b| ascii & (b' '..=b'~').contains(&b))
        || !s
            .chars()
            .any(|c| c.is_control() || is_bidi_control(c) || is_line_separator(c))
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| match c {
                '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | '\u{85}' => Some(' '),
                c if is_line_separator(c) => Some(' '),
                c if c.is_control() || is_bidi_control(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// Whether an `&` followed by `rest` would be read as an entity reference ("&amp;", "&#38;"):
/// only then is it markup that needs escaping.
fn opens_entity(rest: &str) -> bool {
    rest.find(';').is_some_and(|k| {
        k > 0
            && k < 32
            && rest[..k]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '#')
    })
}

/// `text|truncate_words(n)`: the first `n` words, with "…" when some were cut.
pub(crate) fn truncate_words(text: String, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= n {
        return text;
    }
    let mut out = words[..n].join(" ");
    while out.ends_with([',', ';', ':', '-', '—', '–']) {
        out.pop();
    }
    out.push('…');
    out
}

/// `article|cite` or `line|cite`: the article's source (else its title), escaped for Markdown,
/// linked to its url when that is an absolute http, https or mailto url ([`safe_url`]); any other
/// url is left out, so a hostile url never fails a build. `cite(words=8)` shortens a title to
/// that many words.
pub fn cite(value: &Value, kwargs: Kwargs) -> Result<Value, Error> {
    let words: Option<usize> = kwargs.get("words")?;
    kwargs.assert_all_used()?;
    let field = |name: &str| -> Result<Option<String>, Error> {
        let v = value.get_attr(name)?;
        Ok(if v.is_undefined() || v.is_none() {
            None
        } else {
            Some(v.to_string())
        })
    };
    let title = field("title")?;
    let label = match (field("source")?, title) {
        (Some(source), _) => source,
        (None, Some(title)) => match words {
            Some(n) => truncate_words(title, n),
            None => title,
        },
        (None, None) => {
            return Err(Error::new(
                ErrorKind::InvalidOperation,
                "cite expects an article or a key line (something with a title)",
            ));
        }
    };
    let label = escape_markdown(&label);
    Ok(Value::from_safe_string(
        match field("url")?.as_deref().and_then(link_url) {
            Some(url) => format!("[{label}](<{}>)", link_destination(&url)),
            None => label,
        },
    ))
}

/// A url as a Markdown link destination between `<` and `>` that Markdown reads back as the url
/// itself: backslashes, and an `&` that would open an entity reference, get a backslash (the url
/// comes from [`link_url`], so holds no `<`, `>` or line break).
fn link_destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len() + 2);
    for (i, c) in url.char_indices() {
        if c == '\\' || (c == '&' && opens_entity(&url[i + 1..])) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `items|join_and` joins with commas and "and" before the last ("a, b and c");
/// `join_and(sep="; ", last=" or ")` changes both.
pub(crate) fn join_and(items: Vec<Value>, kwargs: Kwargs) -> Result<String, Error> {
    let sep: Option<String> = kwargs.get("sep")?;
    let last: Option<String> = kwargs.get("last")?;
    kwargs.assert_all_used()?;
    let (sep, last) = (
        sep.unwrap_or_else(|| ", ".into()),
        last.unwrap_or_else(|| " and ".into()),
    );
    let items: Vec<String> = items.iter().map(|v| v.to_string()).collect();
    Ok(match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{}{last}{}", items[..n - 1].join(&sep), items[n - 1]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};

    fn plain_text(md: &str) -> String {
        let mut s = String::new();
        for e in Parser::new_ext(md, super::super::markdown::options()) {
            match e {
                Event::Text(t) => s.push_str(&t),
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
                other => s.push_str(&format!("<{other:?}>")),
            }
        }
        s
    }

    #[test]
    fn escaped_text_renders_as_itself() {
        for text in [
            "# Not a heading",
            "- not a list",
            "+ posts",
            "1. Not a numbered list",
            "> not a quote",
            "A [link](javascript:alert(1)) here",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "Stars *and* _underscores_ and `code` and ~~strike~~",
            "An &amp; entity and a plain & sign",
            "Back\\slash and | pipe",
            "=== setext",
        ] {
            let md = escape_markdown(text);
            assert_eq!(plain_text(&md), text, "{text:?} escaped as {md:?}");
        }
    }

    /// Escaping character by character, as first written: the reference for the run-copying
    /// version.
    fn escape_by_char(s: &str) -> String {
        let s = clean_text(s);
        let mut out = String::with_capacity(s.len() + 8);
        let trimmed = s.trim_start();
        let lead = &s[..s.len() - trimmed.len()];
        out.push_str(lead);
        // Block openers at the start.
        let mut chars = trimmed.char_indices().peekable();
        if let Some(&(_, c)) = chars.peek()
            && matches!(c, '-' | '+' | '=')
        {
            out.push('\\');
        }
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        let numbered =
            digits > 0 && matches!(trimmed.as_bytes().get(digits), Some(b'.') | Some(b')'));
        for (i, c) in chars {
            if numbered && i == digits {
                out.push('\\');
            }
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' => {
                    out.push('\\');
                    out.push(c);
                }
                '&' => {
                    if opens_entity(&trimmed[i + 1..]) {
                        out.push('\\');
                    }
                    out.push('&');
                }
                _ => out.push(c),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn escaping_copies_runs_as_the_reference_escapes_characters(
            s in "[ a-zA-Z0-9#+=.)(\\-\\\\`*_<>|~&;\\[\\]\n\r\té—“\u{0}\u{7}\u{85}\u{202E}\u{2066}\u{2028}\u{200F}]{0,40}"
        ) {
            proptest::prop_assert_eq!(escape_markdown(&s), escape_by_char(&s));
        }

        /// Whatever a value holds, printed in a heading, a list item, a paragraph or a link
        /// label it renders as its cleaned text, and the Markdown holds no control character.
        #[test]
        fn escaped_values_render_as_their_text_in_every_place(
            s in "[a-zA-Z0-9.#+=>*_`|~\\-\\[][ a-zA-Z0-9#+=.)(\\-\\\\`*_<>|~&;!\\[\\]\n\r\té—“\u{0}\u{7}\u{85}\u{202E}\u{2066}]{0,30}"
        ) {
            let md = escape_markdown(&s);
            proptest::prop_assert!(!md.chars().any(|c| c.is_control() || is_bidi_control(c)), "{:?}", md);
            let want = clean_text(&s).trim_end().to_string();
            for (place, doc) in [
                ("heading", format!("### {md}\n")),
                ("setext heading", format!("{md}\n===\n")),
                ("list item", format!("- {md}\n")),
                ("paragraph", format!("Before {md}\n")),
                ("link label", format!("[{md}](<https://example.org/>)\n")),
            ] {
                let mut text = String::new();
                for e in Parser::new_ext(&doc, super::super::markdown::options()) {
                    if let Event::Text(t) = e {
                        text.push_str(&t);
                    }
                }
                let text = text.strip_prefix("Before ").unwrap_or(&text);
                proptest::prop_assert_eq!(text.trim_end(), want.as_str(), "{} {:?}", place, doc);
            }
        }
    }

    #[test]
    fn text_loses_control_and_bidi_characters() {
        assert_eq!(
            clean_text(
                "Talks\0 resume\u{7} in \u{202E}Riyadh\u{202C}\u{2067}, \u{2069}\u{9c}today"
            ),
            "Talks resume in Riyadh, today"
        );
        assert_eq!(
            clean_text("a\tb\nc\r\nd\u{b}e\u{c}f\u{85}g\u{2028}h"),
            "a b c  d e f g h"
        );
        // The marks open nothing and stay; ordinary text is borrowed.
        assert_eq!(
            clean_text("x\u{200E}y\u{200F}z\u{61C}"),
            "x\u{200E}y\u{200F}z\u{61C}"
        );
        assert!(matches!(clean_text("“Plain” text — é"), Cow::Borrowed(_)));
        let md = escape_markdown("\u{202E}\0# Title");
        assert_eq!(md, "\\# Title");
        assert_eq!(plain_text(&md), "# Title");
    }

    #[test]
    fn trailing_hashes_survive_in_a_heading() {
        for title in [
            "Talks resume #",
            "Talks ##",
            "#",
            "##",
            "# Talks #",
            "C# and F# ",
            "Tag #x",
        ] {
            let md = format!("### {}\n", escape_markdown(title));
            let events: Vec<Event> =
                Parser::new_ext(&md, super::super::markdown::options()).collect();
            assert!(
                matches!(events.first(), Some(Event::Start(Tag::Heading { .. }))),
                "{md:?}: {events:?}"
            );
            let text: String = events
                .iter()
                .filter_map(|e| match e {
                    Event::Text(t) => Some(t.as_ref()),
                    _ => None,
                })
                .collect();
            assert_eq!(text, title.trim_end(), "{md:?}");
        }
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let s = "U.S. Secretary of State Marco Rubio said: “We’re not going to predetermine what those are.” (Reuters)";
        assert_eq!(escape_markdown(s), s);
    }

    #[test]
    fn truncates_words() {
        assert_eq!(truncate_words("one two, three four".into(), 2), "one two…");
        assert_eq!(truncate_words("one two".into(), 2), "one two");
    }

    fn render(template: &str, ctx: minijinja::Value) -> String {
        let mut env = Environment::new();
        register(&mut env);
        env.render_str(template, ctx).unwrap()
    }

    #[test]
    fn cite_links_only_safe_urls() {
        let ctx = minijinja::context! {
            a => minijinja::context! { title => "Talks *end*", source => None::<String>, url => "https://x.org/a_b" },
            b => minijinja::context! { title => "A long title of many words indeed", source => "Wire", url => "javascript:alert(1)" },
            c => minijinja::context! { title => "A long title of many words indeed" },
        };
        assert_eq!(
            render("{{ a|cite }}", ctx.clone()),
            "[Talks \\*end\\*](<https://x.org/a_b>)"
        );
        assert_eq!(render("{{ b|cite }}", ctx.clone()), "Wire");
        assert_eq!(render("{{ c|cite(words=3) }}", ctx), "A long title…");
    }

    #[test]
    fn only_absolute_http_https_and_mailto_urls_are_safe() {
        for url in [
            "https://a",
            "http://example.org/a?b=1&c=2",
            "HTTPS://EXAMPLE.ORG",
            "mailto:x@y",
            " https://a ",
            "&#104;ttps://a",
            "https&colon;//a",
            "ht\ttps://a",
        ] {
            assert!(safe_url(url), "{url:?}");
        }
        for url in [
            "javascript:alert(1)",
            " JAVASCRIPT:x",
            "data:text/html,x",
            "vbscript:x",
            "javascript&colon;alert(1)",
            "java&#9;script&colon;alert(1)",
            "java&#x9;script&#x3A;alert(1)",
            "&#106;avascript&#58;alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\u{0}script:alert(1)",
            "javascript&amp;colon;alert(1)",
            "java%73cript:alert(1)",
            "https%3A//a",
            "file:///etc/passwd",
            "FILE://host/share",
            "//evil.example/x",
            "\\\\evil.example\\x",
            "../a.html",
            "a.html",
            "#top",
            "",
            "   ",
        ] {
            assert!(!safe_url(url), "{url:?}");
        }
        assert_eq!(
            link_url(" ht\ttps&colon;//x.org/a\u{202E}b<c>?d=1&amp;e=2 ").as_deref(),
            Some("https://x.org/a%E2%80%AEb%3Cc%3E?d=1&e=2")
        );
    }

    #[test]
    fn template_links_may_also_be_relative() {
        for dest in [
            "https://a",
            "mailto:x@y",
            "../a.html",
            "a.html",
            "#top",
            "?q=1",
            "/a",
            "",
        ] {
            assert!(safe_destination(dest), "{dest:?}");
        }
        for dest in [
            "javascript:alert(1)",
            "java\tscript:alert(1)",
            " \u{1}javascript:x",
            "file:///etc/passwd",
            "//evil.example/x",
            "\\\\evil.example",
            "/\\evil.example",
            "data:text/html,x",
        ] {
            assert!(!safe_destination(dest), "{dest:?}");
        }
    }

    /// The link `cite` writes reads back, through pulldown-cmark, as exactly the url that was
    /// checked; a hostile url leaves the label alone, and the output passes the Markdown check's
    /// rule.
    #[test]
    fn cite_links_read_back_as_the_checked_url() {
        for url in [
            "https://x.org/a_b",
            "https://x.org/?a=1&b=2&amp;c=3&amp;amp;d",
            "https://x.org/a\\b\\&amp;c",
            "https://x.org/<a> b",
            "https&colon;//x.org/&#x3A;",
            "javascript&colon;alert(1)",
            "java&#9;script&colon;alert(1)",
            "file:///etc/passwd",
            "//evil.example/x",
            "java\\&colon;script:x",
        ] {
            let ctx = minijinja::context! { a => minijinja::context! { title => "T", url => url } };
            let md = render("{{ a|cite }}", ctx);
            let dests: Vec<String> = Parser::new_ext(&md, super::super::markdown::options())
                .filter_map(|e| match e {
                    Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
                    _ => None,
                })
                .collect();
            match link_url(url) {
                Some(want) => assert_eq!(dests, [want], "{url:?} gave {md:?}"),
                None => assert_eq!(md, "T", "{url:?}"),
            }
            assert!(
                dests.iter().all(|d| safe_url(d) && safe_destination(d)),
                "{md:?}"
            );
        }
    }

    #[test]
    fn join_and_and_contrib_filters() {
        let ctx = minijinja::context! { xs => vec!["a", "b", "c"], one => vec!["a"], n => 2, d => "2025-08-20" };
        assert_eq!(render("{{ xs|join_and }}", ctx.clone()), "a, b and c");
        assert_eq!(
            render("{{ xs|join_and(last=' or ') }}", ctx.clone()),
            "a, b or c"
        );
        assert_eq!(render("{{ one|join_and }}", ctx.clone()), "a");
        assert_eq!(render("article{{ n|pluralize }}", ctx.clone()), "articles");
        assert_eq!(
            render("{{ d|dateformat(format='long') }}", ctx.clone()),
            "August 20 2025"
        );
        assert_eq!(render("{{ 'one two three'|wordcount }}", ctx), "3");
    }
}
