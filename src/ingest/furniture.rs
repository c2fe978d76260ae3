//! Page furniture: the parts of a news page that are not the story. Kicker words and section
//! headings, "KEY POINTS" headers, "ALSO READ:" and "READ MORE" links, bylines, "Related Posts"
//! trailers, teasers of other stories cut off with "…", "Scroll down for video" and photo credits.
//! Furniture is kept in the article (headings help find the title) but never becomes a candidate
//! sentence.
//!
//! Two levels: [`block`] judges a whole block (a line or paragraph), [`sentence`] judges one
//! sentence, for furniture that sits inline in running text, as in pages flattened to one
//! paragraph.

use serde::Serialize;

use super::layout::ends_sentence;

/// Why a block or sentence is furniture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Furniture {
    /// A short line without final punctuation: kicker, section heading, "KEY POINTS".
    Heading,
    /// A pointer to other content: "ALSO READ: ...", "READ MORE", "Related Posts", "Click here".
    Link,
    /// Who wrote it or when it was posted: "By Jane Doe", "PUBLISHED: ...".
    Byline,
    /// A teaser of another story, cut off with "…".
    Teaser,
    /// Photo and video captions and credits: "Scroll down for video", "(Photo: Reuters)".
    Caption,
    /// A list item too short to be a sentence (menus, "+ posts").
    ShortItem,
    /// No letters at all (rules, separators).
    NotText,
}

/// Prefixes (lowercase) of lines and sentences that point elsewhere on the page.
const LINK_PREFIXES: &[&str] = &[
    "also read",
    "read also",
    "read more",
    "read next",
    "more:",
    "see also",
    "related:",
    "related posts",
    "related stories",
    "related articles",
    "related coverage",
    "recommended:",
    "click here",
    "click to",
    "sign up",
    "subscribe to",
    "follow us",
    "follow @",
    "share this",
    "share on",
    "advertisement",
    "tags:",
    "filed under",
    "watch:",
    "watch the video",
    "watch video",
    "listen:",
    "download the",
];

/// Prefixes (lowercase) of bylines and time stamps.
const BYLINE_PREFIXES: &[&str] = &[
    "published:",
    "updated:",
    "last updated",
    "posted:",
    "posted on",
    "last modified",
];

/// Prefixes (lowercase) of captions and credits.
const CAPTION_PREFIXES: &[&str] = &[
    "scroll down for video",
    "scroll down for",
    "photo:",
    "photos:",
    "image:",
    "images:",
    "video:",
    "pictured:",
    "pictured above",
    "credit:",
    "photograph:",
    "photo by",
    "picture by",
    "©",
    "copyright ",
];

/// Judges a block of text. `item` says whether it is a list item.
pub fn block(text: &str, item: bool) -> Option<Furniture> {
    let text = text.trim();
    if !text.chars().any(char::is_alphabetic) {
        return Some(Furniture::NotText);
    }
    if let Some(f) = prefixed(text) {
        return Some(f);
    }
    if is_teaser(text) {
        return Some(Furniture::Teaser);
    }
    if is_byline(text) {
        return Some(Furniture::Byline);
    }
    if item {
        let words = text.split_whitespace().take(4).count();
        return (words < 4 && !ends_sentence(text)).then_some(Furniture::ShortItem);
    }
    if is_heading(text) {
        return Some(Furniture::Heading);
    }
    None
}

/// Judges one sentence of running text.
pub fn sentence(text: &str) -> Option<Furniture> {
    let text = text.trim();
    if !text.chars().any(char::is_alphabetic) {
        return Some(Furniture::NotText);
    }
    prefixed(text).or_else(|| is_byline(text).then_some(Furniture::Byline))
}

/// A sentence without the news-agency dateline glued to its front: "Washington (CNN)Washington
/// was rocked ..." gives "Washington was rocked ...", and "(AP) -- Officials said ..." gives
/// "Officials said ...". The place before the agency is at most six capitalised words; the agency
/// is one word in capitals or "Reuters"; what remains must start with a capital or a quote.
/// Anything else is returned unchanged. The result is still a verbatim piece of the article.
pub fn strip_dateline(sentence: &str) -> &str {
    let Some(open) = sentence.find('(') else {
        return sentence;
    };
    let place = &sentence[..open];
    let place_ok = place.split_whitespace().count() <= 6
        && place
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || w == "--" || w == "-");
    let Some(close) = sentence[open..].find(')').map(|i| open + i) else {
        return sentence;
    };
    let agency = &sentence[open + 1..close];
    let agency_ok = (2..=12).contains(&agency.len())
        && (agency.chars().all(|c| c.is_ascii_uppercase() || c == ' ') || agency == "Reuters");
    if !place_ok || !agency_ok {
        return sentence;
    }
    let rest = sentence[close + 1..].trim_start();
    let rest = rest
        .strip_prefix("--")
        .or_else(|| rest.strip_prefix('—'))
        .or_else(|| rest.strip_prefix('–'))
        .or_else(|| rest.strip_prefix('-'))
        .unwrap_or(rest)
        .trim_start();
    if rest.starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“' || c == '\'') {
        rest
    } else {
        sentence
    }
}

/// A heading: one short line without final punctuation.
pub fn is_heading(text: &str) -> bool {
    // Counted only as far as the limits: a paragraph can be long.
    text.len() <= 4 * 120
        && text.split_whitespace().take(16).count() <= 15
        && text.chars().take(121).count() <= 120
        && !ends_sentence(text)
        && !text.ends_with([',', ';'])
}

fn prefixed(text: &str) -> Option<Furniture> {
    let head = &text[..text.char_indices().nth(32).map_or(text.len(), |(i, _)| i)];
    let raw = if head.is_ascii() {
        head.to_ascii_lowercase()
    } else {
        head.to_lowercase()
    };
    let head = raw.trim_start_matches(['[', '(', '*', '>', ' ']);
    let starts = |list: &[&str]| list.iter().any(|p| head.starts_with(p));
    if starts(LINK_PREFIXES) {
        Some(Furniture::Link)
    } else if starts(BYLINE_PREFIXES) {
        Some(Furniture::Byline)
    } else if starts(CAPTION_PREFIXES) || raw.starts_with("(photo") || raw.starts_with("(image") {
        Some(Furniture::Caption)
    } else {
        None
    }
}

/// A teaser line: it breaks off with an ellipsis instead of ending.
fn is_teaser(text: &str) -> bool {
    let t = text.trim_end();
    (t.ends_with('…') || t.ends_with("...")) && !t.ends_with(". . .") && !t.ends_with("....")
}

/// A byline: "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By . Daily Mail Reporter".
fn is_byline(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("BY "))
    else {
        return false;
    };
    let rest = rest.trim_start_matches(['.', ' ']);
    let words: Vec<&str> = rest.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 10
        && !ends_sentence(rest.trim_end_matches(['.', ' ']).trim_end())
        && words[0].chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_furniture() {
        assert_eq!(block("International", false), Some(Furniture::Heading));
        assert_eq!(block("KEY POINTS", false), Some(Furniture::Heading));
        assert_eq!(
            block(
                "ALSO READ: Zelensky Holds Talks with Erdogan Amid US Shift on Ukraine",
                false
            ),
            Some(Furniture::Link)
        );
        assert_eq!(block("posts", true), Some(Furniture::ShortItem));
        assert_eq!(block("Related Posts", false), Some(Furniture::Link));
        assert_eq!(
            block(
                "Nepal plunged into a new political phase late Thursday after President Ramchandra Paudel dissolved the…",
                false
            ),
            Some(Furniture::Teaser)
        );
        assert_eq!(
            block("By Jane Doe, Reuters", false),
            Some(Furniture::Byline)
        );
        assert_eq!(block("***", false), Some(Furniture::NotText));
    }

    #[test]
    fn prose_is_not_furniture() {
        assert_eq!(
            block(
                "The talks, which lasted for over four hours, were not just focused on Ukraine.",
                false
            ),
            None
        );
        assert_eq!(
            block(
                "First round of US-Russia talks on ending the Ukraine war concludes in Riyadh.",
                true
            ),
            None
        );
        assert_eq!(
            block("By the end of the day the talks had ended.", false),
            None
        );
        assert_eq!(
            sentence("Ushakov said the prospect of such a meeting was considered."),
            None
        );
    }

    #[test]
    fn datelines() {
        assert_eq!(
            strip_dateline("Washington (CNN)Washington was rocked late Thursday."),
            "Washington was rocked late Thursday."
        );
        assert_eq!(
            strip_dateline("(CNN)The FBI charged a woman."),
            "The FBI charged a woman."
        );
        assert_eq!(
            strip_dateline("Duhok, Iraqi Kurdistan (CNN)In the camp, thousands live."),
            "In the camp, thousands live."
        );
        assert_eq!(
            strip_dateline("LONDON (Reuters) - Shares fell."),
            "Shares fell."
        );
        assert_eq!(
            strip_dateline("The talks (which lasted hours) ended."),
            "The talks (which lasted hours) ended."
        );
        assert_eq!(
            strip_dateline("The UN (UNHCR) said more than this."),
            "The UN (UNHCR) said more than this."
        );
    }

    #[test]
    fn inline_furniture() {
        assert_eq!(sentence("Scroll down for video"), Some(Furniture::Caption));
        assert_eq!(
            sentence("READ MORE: The story behind it"),
            Some(Furniture::Link)
        );
        assert_eq!(
            sentence("PUBLISHED: 12:01 EST, 3 April 2015"),
            Some(Furniture::Byline)
        );
    }
}
