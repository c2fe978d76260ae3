//! HTML in an article read as text, as a reader sees it: tags stripped, entities decoded, the
//! content of scripts, styles and comments dropped, block-level elements (paragraphs, line
//! breaks, list items, headings, table rows, divisions) made into paragraph breaks. Enough for
//! articles pasted as `<p>…</p>` into a Markdown file; not a browser.

/// Elements whose start or end tag ends a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "hr",
    "figure",
    "figcaption",
    "pre",
    "dd",
    "dt",
    "dl",
    "aside",
    "nav",
    "main",
];

/// Elements whose content is not text.
const HIDDEN_TAGS: &[&str] = &["script", "style", "noscript", "template", "head", "title"];

/// The text of `html`: paragraphs separated by a blank line, each on one line, entities decoded.
///
/// A `<` starts a tag only when a tag name (or `/`, `!`) follows and its `>` comes before the
/// next `<` or line end ("a<b and x>y" is text). The content of a hidden element is dropped only
/// up to its end tag; a self-closing one (`<script src=…/>`) or one never closed hides nothing.
pub(crate) fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<!--") {
            match after.find("-->") {
                Some(end) => {
                    rest = &after[end + 3..];
                    continue;
                }
                // An unclosed comment is text.
                None => {
                    out.push_str("<!--");
                    rest = after;
                    continue;
                }
            }
        }
        let Some(close) = tag_end(rest) else {
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        let inner = &rest[1..close];
        let name = tag_name(inner);
        rest = &rest[close + 1..];
        let self_closing = inner.ends_with('/');
        if HIDDEN_TAGS.contains(&name.as_str()) && !inner.starts_with('/') && !self_closing {
            // Skip to the matching end tag when there is one.
            let end = format!("</{name}");
            if let Some(i) = find_ignore_case(rest, &end) {
                rest = rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]);
            }
            continue;
        }
        if BLOCK_TAGS.contains(&name.as_str()) {
            out.push_str("\n\n");
        }
    }
    out.push_str(rest);
    let decoded = html_escape::decode_html_entities(&out);
    // One paragraph per line, separated by blank lines; runs of spaces collapsed.
    decoded
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Where the tag opening `s` (which starts with `<`) ends: the index of its `>`, when a tag name,
/// `/` or `!` follows the `<`, the name ends at a space, `/` or `>`, and the `>` comes before
/// any other `<` or line end (a tag whose attributes span lines is read as text: rare in
/// articles, and nothing is lost).
fn tag_end(s: &str) -> Option<usize> {
    let body = &s[1..];
    let first = body.chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '/' || first == '!') {
        return None;
    }
    let name_end = body
        .trim_start_matches(['/', '!'])
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .map(|i| i + (body.len() - body.trim_start_matches(['/', '!']).len()))?;
    if !body[name_end..].starts_with(|c: char| c.is_whitespace() || c == '/' || c == '>') {
        return None;
    }
    let close = body.find('>')?;
    let cut = body[1..].find(['<', '\n']).map_or(usize::MAX, |i| i + 1);
    (close < cut).then_some(close + 1)
}

/// The lowercased name of a tag from what is between `<` and `>` ("/p", "br/", "a href=…").
fn tag_name(inner: &str) -> String {
    inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn find_ignore_case(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    hay.as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn paragraphs_tags_and_entities() {
        let html = "<p>Talks in <b>Riyadh</b> ended&nbsp;on Tuesday.</p>\n<p>Both sides&#8217; envoys &amp; aides left.<br>Then more.</p>";
        assert_eq!(
            to_text(html),
            "Talks in Riyadh ended on Tuesday.\n\nBoth sides\u{2019} envoys & aides left.\n\nThen more."
        );
    }

    #[test]
    fn scripts_styles_and_comments_are_not_text() {
        let html = "<script>var x = '<p>no</p>';</script><STYLE>p { }</STYLE><!-- hidden --><p>Shown text here.</p><p>a < b is text</p>";
        assert_eq!(to_text(html), "Shown text here.\n\na < b is text");
    }

    #[test]
    fn comparisons_unclosed_and_self_closing_tags_keep_the_text() {
        assert_eq!(
            to_text("<div>the ratio a<b was noted.\nThe minister said x>y would not matter.</div>"),
            "the ratio a<b was noted. The minister said x>y would not matter."
        );
        assert_eq!(
            to_text("<script src=\"/js/app.js\"/><p>First para.</p><p>Second para.</p>"),
            "First para.\n\nSecond para."
        );
        assert_eq!(
            to_text("<style>p { }<p>Text after an unclosed style.</p>"),
            "p { }\n\nText after an unclosed style."
        );
    }
}
