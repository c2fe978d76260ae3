//! Rendering: the minijinja environment (templates from a folder, falling back to the defaults
//! embedded in the binary), Markdown escaping of every value printed (article text can never open a
//! heading, list, link or raw HTML), template errors that point at the file and line, and the
//! pulldown-cmark check of the rendered Markdown.

use std::path::{Path, PathBuf};

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::brief::Brief;
use crate::error::{Error, Result};

/// The template every brief starts from.
pub const MAIN: &str = "brief.md.j2";

/// The default templates, embedded at build time from `templates/`.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("brief.md.j2", include_str!("../templates/brief.md.j2")),
    ("article.md.j2", include_str!("../templates/article.md.j2")),
    ("macros.md.j2", include_str!("../templates/macros.md.j2")),
];

/// Where templates come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Templates {
    /// Only the embedded defaults.
    Embedded,
    /// A folder; a template it lacks comes from the embedded defaults.
    Dir(PathBuf),
}

impl Templates {
    /// Where the template `name` is read from, for messages: a path, or `<embedded>/name`.
    pub fn origin(&self, name: &str) -> String {
        match self {
            Templates::Dir(dir) if dir.join(name).is_file() => dir.join(name).display().to_string(),
            _ => format!("<embedded>/{name}"),
        }
    }
}

/// How strictly undefined values are treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strictness {
    /// Printing or iterating an undefined value is an error; testing it (`if x`) is not.
    Normal,
    /// Any use of an undefined value is an error (`brief templates check`).
    Strict,
}

/// Builds the template environment.
pub fn environment(templates: &Templates, strictness: Strictness) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_debug(true);
    env.set_syntax(
        SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .expect("default delimiters are valid"),
    );
    env.set_undefined_behavior(match strictness {
        Strictness::Normal => UndefinedBehavior::SemiStrict,
        Strictness::Strict => UndefinedBehavior::Strict,
    });
    let dir = match templates {
        Templates::Dir(d) => Some(d.clone()),
        Templates::Embedded => None,
    };
    let from_dir = dir.as_ref().map(minijinja::path_loader);
    env.set_loader(move |name| {
        if let Some(load) = &from_dir
            && let Some(src) = load(name)?
        {
            return Ok(Some(src));
        }
        Ok(EMBEDDED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, src)| minijinja::TemplateSource::new(*src)))
    });
    // Every printed value is escaped for Markdown unless marked safe.
    env.set_auto_escape_callback(|_| AutoEscape::Custom("markdown".into()));
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), AutoEscape::Custom(n) if n == "markdown")
            && !value.is_safe()
        {
            if value.is_none() || value.is_undefined() {
                return Ok(());
            }
            out.write_str(&escape_markdown(&value.to_string()))
                .map_err(|e| {
                    minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "could not write")
                        .with_source(e)
                })
        } else {
            minijinja::escape_formatter(out, state, value)
        }
    });
    env.add_filter("md", |s: String| {
        Value::from_safe_string(escape_markdown(&s))
    });
    env.add_filter("truncate_words", truncate_words);
    env
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

/// Renders the brief through the main template.
pub fn render(env: &Environment<'static>, templates: &Templates, brief: &Brief) -> Result<String> {
    let tmpl = env
        .get_template(MAIN)
        .map_err(|e| template_error(templates, &e))?;
    tmpl.render(Value::from(minijinja::value::Serde(brief)))
        .map_err(|e| template_error(templates, &e))
}

/// Turns a minijinja error into one that names the template file, the line, what went wrong, and
/// shows the source around it.
pub fn template_error(templates: &Templates, err: &minijinja::Error) -> Error {
    use std::fmt::Write;
    let mut message = String::new();
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(err);
    let mut first = true;
    while let Some(e) = current {
        if let Some(mj) = e.downcast_ref::<minijinja::Error>() {
            let place = match (mj.name(), mj.line()) {
                (Some(name), Some(line)) => format!("{}:{line}: ", templates.origin(name)),
                (Some(name), None) => format!("{}: ", templates.origin(name)),
                _ => String::new(),
            };
            let what = mj
                .detail()
                .map(str::to_string)
                .unwrap_or_else(|| mj.kind().to_string());
            if !first {
                message.push_str("\ncaused by: ");
            }
            let _ = write!(message, "{place}{}: {what}", kind_label(mj.kind()));
            // The source excerpt, without minijinja's dump of every referenced variable (the
            // whole brief, for most templates).
            let debug = mj.display_debug_info().to_string();
            let excerpt = debug
                .split("\nReferenced variables:")
                .next()
                .and_then(|d| d.split("\nNo referenced variables").next())
                .unwrap_or("");
            if !excerpt.trim().is_empty() {
                message.push('\n');
                message.push_str(excerpt.trim_matches('\n'));
            }
        } else {
            let _ = write!(message, "\ncaused by: {e}");
        }
        first = false;
        current = e.source();
    }
    Error::Template { message }
}

fn kind_label(kind: minijinja::ErrorKind) -> &'static str {
    use minijinja::ErrorKind as K;
    match kind {
        K::SyntaxError => "syntax error",
        K::UndefinedError => "undefined value",
        K::UnknownFilter => "unknown filter",
        K::UnknownTest => "unknown test",
        K::UnknownFunction => "unknown function",
        K::UnknownMethod => "unknown method",
        K::TemplateNotFound => "template not found",
        K::InvalidOperation => "invalid operation",
        K::MissingArgument | K::TooManyArguments => "wrong arguments",
        K::BadInclude => "bad include",
        _ => "error",
    }
}

/// Escapes text for Markdown so that it renders as itself: inline markup characters get a
/// backslash, and so do characters that would open a block at the start of a line (`#`, `>`,
/// `-`, `+`, `=`, `1.`). Line breaks become spaces.
pub fn escape_markdown(s: &str) -> String {
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
    let numbered = digits > 0 && matches!(trimmed.as_bytes().get(digits), Some(b'.') | Some(b')'));
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
                // Only an entity reference would be read as markup.
                let rest = &trimmed[i + 1..];
                let entity_len = rest.find(';').filter(|&k| {
                    k > 0
                        && k < 32
                        && rest[..k]
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '#')
                });
                if entity_len.is_some() {
                    out.push('\\');
                }
                out.push('&');
            }
            _ => out.push(c),
        }
    }
    out
}

/// Options the check parses with (and the HTML output renders with).
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// Checks rendered Markdown with pulldown-cmark: no raw HTML other than comments, no link to a
/// script URL, and every key line the template printed renders as its own plain text.
pub fn check_markdown(markdown: &str, brief: &Brief) -> Result<()> {
    let line_of = |offset: usize| markdown[..offset].matches('\n').count() + 1;
    let mut plain = String::new();
    for (event, range) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => {
                let h = h.trim();
                if !(h.starts_with("<!--") || h.is_empty()) {
                    return Err(Error::Markdown(format!(
                        "line {}: raw HTML {:?}",
                        line_of(range.start),
                        first_chars(h)
                    )));
                }
            }
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                let scheme = dest_url.trim().to_ascii_lowercase();
                if ["javascript:", "vbscript:", "data:"]
                    .iter()
                    .any(|s| scheme.starts_with(s))
                {
                    return Err(Error::Markdown(format!(
                        "line {}: link to {:?}",
                        line_of(range.start),
                        first_chars(&dest_url)
                    )));
                }
            }
            Event::Text(t) | Event::Code(t) => plain.push_str(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => plain.push(' '),
            _ => {}
        }
    }
    let plain = squeeze(&plain);
    let lines = brief
        .corpus
        .iter()
        .chain(brief.threads.iter().flat_map(|t| {
            t.key_lines
                .iter()
                .chain(t.articles.iter().flat_map(|a| &a.key_lines))
        }));
    for line in lines {
        let escaped = escape_markdown(&line.text);
        if markdown.contains(&escaped) && !plain.contains(&squeeze(&line.text)) {
            return Err(Error::Markdown(format!(
                "a key line of {} does not render as plain text: {:?}",
                line.file,
                first_chars(&line.text)
            )));
        }
    }
    Ok(())
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn first_chars(s: &str) -> String {
    let cut: String = s.chars().take(60).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// Whether `dir` holds a template brief would use.
pub fn dir_has_templates(dir: &Path) -> bool {
    EMBEDDED.iter().any(|(name, _)| dir.join(name).is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_text(md: &str) -> String {
        let mut s = String::new();
        for e in Parser::new_ext(md, markdown_options()) {
            match e {
                Event::Text(t) => s.push_str(&t),
                Event::Start(Tag::Paragraph) => {}
                Event::End(TagEnd::Paragraph) => {}
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

    #[test]
    fn truncates_words() {
        assert_eq!(truncate_words("one two, three four".into(), 2), "one two…");
        assert_eq!(truncate_words("one two".into(), 2), "one two");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let s = "U.S. Secretary of State Marco Rubio said: “We’re not going to predetermine what those are.” (Reuters)";
        assert_eq!(escape_markdown(s), s);
    }
}
