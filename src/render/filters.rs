//! Filters for template authors: Markdown escaping (applied to every printed value), `cite`,
//! `truncate_words`, `join_and`, plus minijinja-contrib's `pluralize`, `truncate`, `wordcount`
//! and `dateformat`. No filter reads the clock or draws random numbers: output depends on the
//! brief alone. docs/templates.md documents each with an example.

use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, Error, ErrorKind};

/// Registers brief's filters, and the minijinja-contrib ones that keep output reproducible.
pub fn register(env: &mut Environment<'static>) {
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
/// backslash, and so do characters that would open a block at the start of a line (`#`, `>`,
/// `-`, `+`, `=`, `1.`). Line breaks become spaces.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let trimmed = s.trim_start();
    let lead = &s[..s.len() - trimmed.len()];
    out.extend(
        lead.chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
    );
    // Block openers at the start.
    if trimmed.starts_with(['#', '-', '+', '=']) {
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
            b'\\'
                | b'`'
                | b'*'
                | b'_'
                | b'['
                | b']'
                | b'<'
                | b'>'
                | b'|'
                | b'~'
                | b'&'
                | b'\n'
                | b'\r'
        );
        if !(special || opener) {
            continue;
        }
        out.push_str(&trimmed[copied..i]);
        copied = i;
        if opener {
            out.push('\\');
        }
        match b {
            b'\n' | b'\r' => {
                out.push(' ');
                copied = i + 1;
            }
            // Only an entity reference would be read as markup.
            b'&' if opens_entity(&trimmed[i + 1..]) => out.push('\\'),
            b'&' => {}
            _ if special => out.push('\\'),
            _ => {}
        }
    }
    out.push_str(&trimmed[copied..]);
    out
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
pub fn truncate_words(text: String, n: usize) -> String {
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

/// `article|cite` or `line|cite`: the article's source (else its title), linked to its url when
/// it has one with a safe scheme (http, https, mailto or a relative path), escaped for Markdown.
/// `cite(words=8)` shortens a title to that many words.
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
        match field("url")?.filter(|u| safe_url(u)) {
            Some(url) => format!("[{label}](<{}>)", url.replace(['<', '>', '\n'], "")),
            None => label,
        },
    ))
}

/// Whether a link target is safe to put in a brief: http(s), mailto, or a relative path.
pub fn safe_url(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    match u.find(':') {
        Some(i) if !u[..i].contains('/') => ["http", "https", "mailto"].contains(&&u[..i]),
        _ => !u.is_empty(),
    }
}

/// `items|join_and` joins with commas and "and" before the last ("a, b and c");
/// `join_and(sep="; ", last=" or ")` changes both.
pub fn join_and(items: Vec<Value>, kwargs: Kwargs) -> Result<String, Error> {
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
        let s = s.replace(['\n', '\r'], " ");
        let mut out = String::with_capacity(s.len() + 8);
        let trimmed = s.trim_start();
        let lead = &s[..s.len() - trimmed.len()];
        out.push_str(lead);
        // Block openers at the start.
        let mut chars = trimmed.char_indices().peekable();
        if let Some(&(_, c)) = chars.peek()
            && matches!(c, '#' | '-' | '+' | '=')
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
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
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
            s in "[ a-zA-Z0-9#+=.)(\\-\\\\`*_<>|~&;\\[\\]\n\r\té—“]{0,40}"
        ) {
            proptest::prop_assert_eq!(escape_markdown(&s), escape_by_char(&s));
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
        assert!(safe_url("https://a") && safe_url("mailto:x@y") && safe_url("../a.html"));
        assert!(
            !safe_url("javascript:alert(1)")
                && !safe_url(" JAVASCRIPT:x")
                && !safe_url("data:text/html,x")
        );
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
