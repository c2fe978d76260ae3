//! Front matter: an optional block of metadata at the top of an article, YAML between `---` lines
//! or TOML between `+++` lines. Known fields are `title`, `source`, `url`, `date` (YYYY-MM-DD),
//! `thread` and `language`; other fields are kept in `extra` for templates.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::location::line_of;

/// The metadata an article may carry.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct FrontMatter {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// Publication date as written (`YYYY-MM-DD`, or an RFC 3339 timestamp whose date is used).
    #[serde(default)]
    pub date: Option<String>,
    /// Name of the thread this article belongs to; overrides thread assignment.
    #[serde(default)]
    pub thread: Option<String>,
    /// Language name or code; overrides detection.
    #[serde(default)]
    pub language: Option<String>,
    /// Any other field, for templates.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// Front matter parsed and checked, with the line its body starts on.
#[derive(Clone, Debug, Default)]
pub(crate) struct Parsed {
    pub meta: FrontMatter,
    pub date: Option<jiff::civil::Date>,
    pub language: Option<Lang>,
    /// Byte offset of the body in the text.
    pub(crate) body_offset: usize,
    /// 1-based line number of the body's first line.
    pub(crate) body_line: usize,
}

/// Splits front matter from `text` and parses it. Text without front matter gives defaults.
pub fn parse(path: &Path, text: &str) -> Result<Parsed> {
    let Some((kind, block, block_line, body_offset)) = split(text) else {
        return Ok(Parsed {
            body_line: 1,
            ..Parsed::default()
        });
    };
    let err = |line: usize, message: String| Error::FrontMatter {
        path: path.to_path_buf(),
        line,
        message,
    };
    check_limits(block).map_err(|(line, message)| err(block_line + line - 1, message))?;
    let value: serde_json::Value = match kind {
        Kind::Yaml => {
            let v: serde_yaml_ng::Value = serde_yaml_ng::from_str(block).map_err(|e| {
                let line = e.location().map(|l| l.line()).unwrap_or(1);
                err(block_line + line - 1, first_line(&e.to_string()))
            })?;
            if v.is_null() {
                serde_json::Value::Object(Default::default())
            } else {
                serde_json::to_value(v).map_err(|e| err(block_line, e.to_string()))?
            }
        }
        Kind::Toml => {
            let v: toml::Table = toml::from_str(block).map_err(|e| {
                let line = e.span().map_or(1, |s| line_of(block, s.start));
                err(block_line + line - 1, first_line(e.message()))
            })?;
            toml_to_json(toml::Value::Table(v))
        }
    };
    if !value.is_object() {
        return Err(err(block_line, "expected `key: value` fields".into()));
    }
    let meta: FrontMatter = serde_json::from_value(value.clone()).map_err(|e| {
        let field = value
            .as_object()
            .and_then(|o| {
                ["title", "source", "url", "date", "thread", "language"]
                    .into_iter()
                    .find(|k| o.get(*k).is_some_and(|v| !v.is_string() && !v.is_null()))
            })
            .map(|k| format!("`{k}` must be a string"))
            .unwrap_or_else(|| e.to_string());
        err(block_line, field)
    })?;
    let key_line = |key: &str| {
        block
            .lines()
            .position(|l| {
                l.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with([':', '=']))
            })
            .map(|i| block_line + i)
            .unwrap_or(block_line)
    };
    let date = match &meta.date {
        None => None,
        Some(d) => Some(parse_date(d).ok_or_else(|| {
            err(
                key_line("date"),
                format!("`date` must be YYYY-MM-DD, got {d:?}"),
            )
        })?),
    };
    let language = match &meta.language {
        None => None,
        Some(l) => Some(
            l.parse::<Lang>()
                .map_err(|e| err(key_line("language"), e.to_string()))?,
        ),
    };
    Ok(Parsed {
        meta,
        date,
        language,
        body_offset,
        body_line: block_line + block.lines().count() + 1,
    })
}

/// The most bytes of front matter: a few fields need a few hundred.
pub(crate) const FRONT_MATTER_LIMIT: usize = 64 * 1024;

/// The deepest nesting of `[` and `{` in front matter: fields are strings and short lists.
pub(crate) const NESTING_LIMIT: usize = 32;

/// Checks front matter against [`FRONT_MATTER_LIMIT`] and [`NESTING_LIMIT`] before it is parsed
/// (a YAML parser takes quadratic time on deep nesting: 100,000 levels took 37 s). Returns the
/// 1-based line in the block and the message of the first limit passed.
fn check_limits(block: &str) -> std::result::Result<(), (usize, String)> {
    if block.len() > FRONT_MATTER_LIMIT {
        return Err((
            1,
            format!(
                "longer than {} KiB, the limit for front matter (is its closing line missing?)",
                FRONT_MATTER_LIMIT >> 10
            ),
        ));
    }
    let mut depth = 0usize;
    // The indentation of a YAML block scalar's key ("summary: |"), while its lines go on.
    let mut scalar: Option<usize> = None;
    for (k, text) in block.lines().enumerate() {
        let indent = text.len() - text.trim_start().len();
        if let Some(key_indent) = scalar {
            if text.trim().is_empty() || indent > key_indent {
                continue;
            }
            scalar = None;
        }
        let mut quote: Option<char> = None;
        let mut prev = ' ';
        for c in text.chars() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                // A comment runs to the line end.
                (None, '#') if prev.is_whitespace() => break,
                (None, '[' | '{') => {
                    depth += 1;
                    if depth > NESTING_LIMIT {
                        return Err((
                            k + 1,
                            format!(
                                "nested more than {NESTING_LIMIT} deep, the limit for front matter"
                            ),
                        ));
                    }
                }
                (None, ']' | '}') => depth = depth.saturating_sub(1),
                _ => {}
            }
            prev = c;
        }
        let value = text.trim_end().rsplit(": ").next().unwrap_or("");
        if text.contains(": ") && matches!(value.trim_end_matches(['-', '+']), "|" | ">") {
            scalar = Some(indent);
        }
    }
    Ok(())
}

/// Parses `YYYY-MM-DD`, or the date part of an RFC 3339 timestamp.
pub fn parse_date(s: &str) -> Option<jiff::civil::Date> {
    let s = s.trim();
    s.parse::<jiff::civil::Date>()
        .ok()
        .or_else(|| {
            s.parse::<jiff::Timestamp>()
                .ok()
                .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date())
        })
        .or_else(|| s.get(..10).and_then(|d| d.parse().ok()))
}

enum Kind {
    Yaml,
    Toml,
}

/// Finds a front matter block: the first line is exactly `---` (YAML) or `+++` (TOML) and a later
/// line closes it. Returns the kind, the block text, its first line number and the body's offset.
fn split(text: &str) -> Option<(Kind, &str, usize, usize)> {
    let (kind, fence) = if text.starts_with("---\n") {
        (Kind::Yaml, "---")
    } else if text.starts_with("+++\n") {
        (Kind::Toml, "+++")
    } else {
        return None;
    };
    let start = fence.len() + 1;
    let mut offset = start;
    for line in text[start.min(text.len())..].split_inclusive('\n') {
        let bare = line.trim_end_matches('\n');
        if bare == fence || (matches!(kind, Kind::Yaml) && bare == "...") {
            return Some((kind, &text[start..offset], 2, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).trim().to_string()
}

fn toml_to_json(v: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => J::from(f),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            J::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<Parsed> {
        parse(Path::new("a.md"), text)
    }

    #[test]
    fn no_front_matter() {
        let got = p("Hello.\n").unwrap();
        assert_eq!(got.body_offset, 0);
        assert_eq!(got.body_line, 1);
        assert_eq!(got.meta, FrontMatter::default());
    }

    #[test]
    fn yaml_front_matter() {
        let text = "---\ntitle: Talks end\nsource: Wire\ndate: 2025-02-18\nlanguage: en\ntags: [a, b]\n---\nBody.\n";
        let got = p(text).unwrap();
        assert_eq!(got.meta.title.as_deref(), Some("Talks end"));
        assert_eq!(got.meta.source.as_deref(), Some("Wire"));
        assert_eq!(got.date.unwrap().to_string(), "2025-02-18");
        assert_eq!(got.language, Some(Lang::English));
        assert!(got.meta.extra.contains_key("tags"));
        assert_eq!(&text[got.body_offset..], "Body.\n");
        assert_eq!(got.body_line, 8);
    }

    #[test]
    fn toml_front_matter_with_datetime() {
        let text = "+++\ntitle = \"T\"\ndate = 2025-05-16\n+++\nBody.\n";
        let got = p(text).unwrap();
        assert_eq!(got.meta.title.as_deref(), Some("T"));
        assert_eq!(got.date.unwrap().to_string(), "2025-05-16");
        assert_eq!(&text[got.body_offset..], "Body.\n");
    }

    #[test]
    fn errors_name_the_line() {
        let e = p("---\ntitle: ok\ndate: someday\n---\nx").unwrap_err();
        assert!(
            e.to_string().starts_with("a.md:3: front matter: `date`"),
            "{e}"
        );
        let e = p("---\ntitle: ok\n  bad: [\n---\nx").unwrap_err();
        assert!(e.to_string().starts_with("a.md:"), "{e}");
        let e = p("---\ndateline: Riyadh\ndate: someday\n---\nx").unwrap_err();
        assert!(
            e.to_string().starts_with("a.md:3: front matter: `date`"),
            "{e}"
        );
        let e = p("---\ntitle: [1, 2]\n---\nx").unwrap_err();
        assert!(e.to_string().contains("`title` must be a string"), "{e}");
        let e = p("---\nlanguage: klingon\n---\nx").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("a.md:2: front matter: unknown language"),
            "{e}"
        );
    }

    #[test]
    fn unclosed_fence_is_body() {
        let got = p("---\nnot front matter\n").unwrap();
        assert_eq!(got.body_offset, 0);
    }
}
