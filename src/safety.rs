//! What no output may carry, in one place for ingest and render: the character classes that
//! are removed from text (bidirectional controls, line separators) and the urls a brief may link
//! (`safe_url`, `link_url`; `safe_destination` for links a template writes). Ingest drops an
//! article's unsafe url with a warning; the renderer links only safe ones.

use std::borrow::Cow;

/// An explicit bidirectional embedding, override or isolate, or the pop that ends one.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Unicode's line and paragraph separators.
pub(crate) fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// The schemes a brief links to.
const LINK_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Whether an article's url may become a link in a brief: only when, read as a browser reads the
/// link a brief would hold, it is an absolute http, https or mailto url (see [`link_url`]).
/// Anything else (another scheme such as `javascript:` or `file:`, a scheme-relative `//host`,
/// a relative path) is not linked: `cite` prints the label alone, and ingest may drop such a url
/// with a warning that names the article.
pub(crate) fn safe_url(url: &str) -> bool {
    link_url(url).is_some()
}

/// The target a link to `url` gets, when it is safe ([`safe_url`]): `url` with its HTML entities
/// decoded (named like `&colon;`, numeric like `&#9;` or `&#x3A;`: Markdown decodes them in a
/// link destination) and then cleaned as a browser cleans a link (`browser_url`), provided its
/// scheme is then http, https or mailto. `cite` writes this target so that Markdown reads it back
/// unchanged (nothing is decoded twice): the link goes exactly where was checked.
///
/// The scheme must be spelled out: a percent-encoded character is never part of a scheme
/// (`java%73cript:` or `https%3A//` is a relative path to a browser), so such a url is not
/// linked, and percent-decoding what follows an accepted scheme cannot change it.
pub(crate) fn link_url(url: &str) -> Option<String> {
    let url = browser_url(&html_escape::decode_html_entities(url)).into_owned();
    let scheme = url_scheme(&url)?;
    LINK_SCHEMES
        .iter()
        .any(|s| scheme.eq_ignore_ascii_case(s))
        .then_some(url)
}

/// Whether a link destination, as Markdown has already decoded it, is fit for a brief: an
/// absolute http, https or mailto url, or a reference relative to the brief (a path, `#part`,
/// `?query`), but no other scheme and no scheme-relative `//host` (nor `\\host`, which a browser
/// reads the same). This is the check's rule for links a template writes itself; article urls
/// get the stricter [`safe_url`].
pub(crate) fn safe_destination(dest: &str) -> bool {
    let url = browser_url(dest);
    match url_scheme(&url) {
        Some(scheme) => LINK_SCHEMES.iter().any(|s| scheme.eq_ignore_ascii_case(s)),
        None => !(url.starts_with(['/', '\\']) && url[1..].starts_with(['/', '\\'])),
    }
}

/// `url` as a browser reads it (WHATWG URL parsing): leading and trailing C0 controls and spaces
/// trimmed, tabs and line breaks removed wherever they are. Other control characters, the
/// bidirectional controls and marks, U+2028, U+2029, `<` and `>` are percent-encoded, as a browser
/// would encode them, so that the url can stand between `<` and `>` in Markdown and shows nothing
/// that could reorder or hide the text around it.
fn browser_url(url: &str) -> Cow<'_, str> {
    let url = url.trim_matches(|c: char| c <= ' ');
    let encode = |c: char| {
        c.is_control()
            || is_bidi_control(c)
            || is_line_separator(c)
            || matches!(c, '<' | '>' | '\u{200E}' | '\u{200F}' | '\u{061C}')
    };
    if !url.chars().any(encode) {
        return Cow::Borrowed(url);
    }
    let mut out = String::with_capacity(url.len() + 8);
    for c in url.chars() {
        match c {
            '\t' | '\n' | '\r' => {}
            c if encode(c) => {
                for b in c.encode_utf8(&mut [0; 4]).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The scheme of a url as a browser parses it: an ASCII letter, then letters, digits, `+`, `-` or
/// `.`, up to the first `:`. None for a relative url.
fn url_scheme(url: &str) -> Option<&str> {
    let end = url.find(':')?;
    let scheme = &url[..end];
    (scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))
    .then_some(scheme)
}
