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
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        // "<" starts a tag only before a letter, "/" or "!": "a < b" is text.
        if !rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') {
            out.push('<');
            rest = &rest[1..];
            continue;
        }
        let Some(close) = rest.find('>') else {
            // A lone "<" is text.
            out.push_str(rest);
            rest = "";
            break;
        };
        let name = tag_name(&rest[1..close]);
        rest = &rest[close + 1..];
        if HIDDEN_TAGS.contains(&name.as_str()) && !rest.is_empty() {
            // Skip to the matching end tag (case-insensitive), or to the end.
            let end = format!("</{name}");
            rest = match find_ignore_case(rest, &end) {
                Some(i) => rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]),
                None => "",
            };
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
}
