//! Sentence boundaries. Candidates come from unicode-segmentation's UAX #29 sentence bounds; rules
//! then repair them, using the language's abbreviation list (`data/abbreviations/<code>.txt`):
//!
//! - no break after a title before a name ("Sen. Jim Risch", "Mr. Smith"), after an abbreviation
//!   before a number ("Jan. 5", "No. 10", "p. 55"), or inside an e-mail address or URL;
//! - after an ambiguous abbreviation, an initialism ("U.S.", "D.C.") or an initial ("E."), a break
//!   only when a common sentence starter follows ("... in the U.S. How about you?" breaks,
//!   "U.S. Secretary of State" does not);
//! - no break after `!` or `?` when the next word is in lower case ("Yahoo! in ...");
//! - ellipses: "..." and "…" end a sentence before a capital, a spaced ". . ." does not, and
//!   "word. . . . Next" ends after "word.";
//! - list items: "1. ", "2) ", "a. " in sequence and inline bullets ("•") start a sentence; a
//!   sentence never consists of a list marker alone;
//! - closing quotes and brackets stay with the sentence they close.
//!
//! A block (paragraph, list item) is split on its own, so paragraph breaks always end sentences.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::ingest::layout::{self, CLOSERS, TERMINALS};
use crate::lang::{AbbrevKind, Lang, LangData};

/// Opening quotes and brackets that may start a sentence.
const OPENERS: &[char] = &[
    '"', '\'', '“', '‘', '«', '‹', '(', '[', '{', '¿', '¡', '„', '「', '『', '（',
];

/// Bullets that start a new sentence wherever they stand.
const INLINE_BULLETS: &[char] = &['•', '⁃', '▪', '◦', '‣', '●'];

/// Splits one block of text into sentences: byte ranges into `text`, trimmed, in order.
pub fn split(text: &str, lang: Lang) -> Vec<Range<usize>> {
    Splitter::new(lang).split(text)
}

/// Splits a whole document as `brief split` does: plain-text layout (paragraphs, list items,
/// joined soft wraps), then sentences of each block. List bullets are kept.
pub fn split_document(text: &str, lang: Lang) -> Vec<String> {
    let splitter = Splitter::new(lang);
    let mut out = Vec::new();
    for block in layout::blocks(text, 1) {
        let prefix = block.bullet.map(|b| format!("{b} ")).unwrap_or_default();
        for (i, r) in splitter.split(&block.text).into_iter().enumerate() {
            let s = &block.text[r];
            out.push(if i == 0 {
                format!("{prefix}{s}")
            } else {
                s.to_string()
            });
        }
    }
    out
}

/// A sentence splitter for one language.
pub struct Splitter {
    data: &'static LangData,
}

/// What to do with a candidate boundary.
#[derive(Debug, PartialEq, Eq)]
enum Decision {
    Keep,
    Merge,
    /// Break at this offset instead ("compounds. | . . . The practice").
    MoveTo(usize),
}

/// A list marker found in the text ("1.", "2)", "b.").
#[derive(Clone, Copy, Debug)]
struct Marker {
    /// Where the marker's line starts: the marker, or the bullet before it.
    start: usize,
    /// Where the marker itself starts.
    at: usize,
    /// Just after the marker.
    end: usize,
}

impl Splitter {
    pub fn new(lang: Lang) -> Splitter {
        Splitter { data: lang.data() }
    }

    /// Splits one block of text into trimmed sentence ranges.
    pub fn split(&self, text: &str) -> Vec<Range<usize>> {
        if text.trim().is_empty() {
            return Vec::new();
        }
        let markers = list_markers(text);
        let mut candidates: Vec<usize> = text
            .split_sentence_bound_indices()
            .skip(1)
            .map(|(b, _)| b)
            .collect();
        candidates.extend(unspaced_ends(text));
        candidates.sort_unstable();
        candidates.dedup();
        let mut bounds: Vec<usize> = Vec::new();
        let mut start = 0;
        for b in candidates {
            if b < start {
                continue;
            }
            match self.decide(text, start, b, &markers) {
                Decision::Keep => {
                    bounds.push(b);
                    start = b;
                }
                Decision::MoveTo(at) => {
                    bounds.push(at);
                    start = at;
                }
                Decision::Merge => {}
            }
        }
        // Bullets and list markers inside a sentence start a new one.
        for (i, c) in text.char_indices() {
            if i > 0 && INLINE_BULLETS.contains(&c) {
                bounds.push(i);
            }
        }
        bounds.extend(markers.iter().map(|m| m.start).filter(|&s| s > 0));
        bounds.sort_unstable();
        bounds.dedup();
        ranges(text, &bounds)
    }

    fn decide(&self, text: &str, start: usize, b: usize, markers: &[Marker]) -> Decision {
        let left_all = &text[start..b];
        let left = left_all.trim_end();
        let right = &text[b..];
        if right.trim().is_empty() || left.is_empty() {
            return Decision::Keep;
        }
        let spaced = left.len() < left_all.len();
        let left_end = start + left.len();

        // A list marker never ends a sentence: "1.) The first item", "• 9. The first item".
        if markers.iter().any(|m| m.end == left_end) || is_marker_only(left) {
            return Decision::Merge;
        }

        let core = left.trim_end_matches(CLOSERS);
        let closers = &left[core.len()..];
        let end = Ending::of(core);
        let next = Next::of(right);

        if !spaced {
            // "world.Today" is a break; "Jane.Doe@example.com" and "U.S.-Russia" are not.
            let token_start = left.rfind(char::is_whitespace).map_or(0, |i| i + 1);
            let token_end = right
                .find(char::is_whitespace)
                .map_or(text.len(), |i| b + i);
            let token = &text[start + token_start..token_end];
            if token.contains('@') || token.contains("://") || token.starts_with("www.") {
                return Decision::Merge;
            }
            if end.kind != EndKind::Period {
                return Decision::Keep;
            }
            let plain_word = end.word.chars().count() >= 2
                && end.word.chars().all(|c| c.is_alphanumeric() || c == ',')
                && self.data.abbreviation(end.word).is_none();
            return if next.upper && plain_word {
                Decision::Keep
            } else {
                Decision::Merge
            };
        }

        match end.kind {
            EndKind::Other => {
                if next.lower {
                    Decision::Merge
                } else {
                    Decision::Keep
                }
            }
            EndKind::Ellipsis => {
                let bracketed =
                    closers.starts_with(']') && core[..core.len() - end.term.len()].ends_with('[');
                if bracketed || next.lower {
                    Decision::Merge
                } else {
                    Decision::Keep
                }
            }
            EndKind::SpacedEllipsis { dots, attached } => {
                if next.lower || dots < 4 {
                    Decision::Merge
                } else if attached {
                    // "compounds. . . . The": the word's own period ends the sentence and the
                    // ellipsis opens the next one.
                    let dot = start + core.len() - end.term.len();
                    Decision::MoveTo(dot + 1)
                } else {
                    Decision::Keep
                }
            }
            EndKind::Period => self.after_period(text, start, &end, closers, &next),
        }
    }

    /// The boundary after a single period: abbreviations, initials and initialisms.
    fn after_period(
        &self,
        text: &str,
        start: usize,
        end: &Ending,
        closers: &str,
        next: &Next,
    ) -> Decision {
        if next.lower {
            return Decision::Merge;
        }
        if !closers.is_empty() {
            // A quote or bracket closed after the period: the sentence is over.
            return Decision::Keep;
        }
        let word = end.word;
        let kind = self.data.abbreviation(word).or_else(|| {
            let initialism = word.contains('.')
                && word
                    .split('.')
                    .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
            let initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
            (initialism || initial).then_some(AbbrevKind::Common)
        });
        match kind {
            None => Decision::Keep,
            Some(AbbrevKind::Prefix) => Decision::Merge,
            Some(AbbrevKind::Number) => {
                if next.digit {
                    Decision::Merge
                } else {
                    Decision::Keep
                }
            }
            Some(AbbrevKind::Time) => {
                let words = text[start..]
                    .split_whitespace()
                    .take_while(|w| !w.ends_with(word))
                    .count()
                    + 1;
                if next.upper && words >= 4 && !self.data.is_sentence_starter(&next.word) {
                    // "at 6 P.M. Mr. Smith then went": a time ends the sentence before a name...
                    Decision::Keep
                } else if next.upper && words >= 4 {
                    Decision::Keep
                } else {
                    // ...but "At 5 a.m." is too short to be a sentence.
                    Decision::Merge
                }
            }
            Some(AbbrevKind::Common) => {
                if next.upper && self.data.is_sentence_starter(&next.word) {
                    Decision::Keep
                } else {
                    Decision::Merge
                }
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EndKind {
    /// One period ("."), or two.
    Period,
    /// "...", "....", "…".
    Ellipsis,
    /// ". . ." with spaces; `attached` when the first dot is a word's own period.
    SpacedEllipsis { dots: usize, attached: bool },
    /// "!", "?", "?!", "。" and other terminals.
    Other,
}

/// How the text before a candidate boundary ends.
#[derive(Debug)]
struct Ending<'a> {
    kind: EndKind,
    /// The final punctuation.
    term: &'a str,
    /// The token before it ("Mr", "U.S", "$100.00").
    word: &'a str,
}

impl<'a> Ending<'a> {
    fn of(core: &'a str) -> Ending<'a> {
        let body = core.trim_end_matches(|c: char| TERMINALS.contains(&c));
        let term = &core[body.len()..];
        let word_start = body
            .rfind(|c: char| c.is_whitespace() || OPENERS.contains(&c))
            .map_or(0, |i| {
                i + body[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &body[word_start..];
        let dots = term.chars().filter(|&c| c == '.').count();
        let kind = if term.contains('…') || (dots >= 3 && dots == term.chars().count()) {
            EndKind::Ellipsis
        } else if term.chars().all(|c| c == '.') && !term.is_empty() {
            // Look for a spaced ellipsis ending here: ". . ." or "word. . . .".
            let bytes = core.as_bytes();
            let mut i = core.len() - 1; // the last '.'
            let mut count = 1;
            while i >= 2 && bytes[i - 1] == b' ' && bytes[i - 2] == b'.' {
                i -= 2;
                count += 1;
            }
            if count >= 3 {
                let attached = i > 0 && !bytes[i - 1].is_ascii_whitespace();
                let term = &core[i..];
                let word = core[..i].rsplit(char::is_whitespace).next().unwrap_or("");
                return Ending {
                    kind: EndKind::SpacedEllipsis {
                        dots: count,
                        attached,
                    },
                    term,
                    word,
                };
            }
            EndKind::Period
        } else {
            EndKind::Other
        };
        Ending { kind, term, word }
    }
}

/// The start of the text after a candidate boundary.
#[derive(Debug, Default)]
struct Next {
    /// First word, lowercased, without surrounding punctuation.
    word: String,
    upper: bool,
    lower: bool,
    digit: bool,
}

impl Next {
    fn of(right: &str) -> Next {
        let s = right.trim_start().trim_start_matches(OPENERS);
        let Some(first) = s.chars().next() else {
            return Next::default();
        };
        let word: String = s
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .to_lowercase();
        Next {
            word,
            upper: first.is_uppercase(),
            lower: first.is_lowercase(),
            digit: first.is_ascii_digit(),
        }
    }
}

/// Candidate boundaries UAX #29 does not offer: final punctuation with no space before a capital,
/// as in "Hello world.Today is Tuesday.Mr. Smith". `decide` judges them like any other.
fn unspaced_ends(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((_, c)) = iter.next() {
        if matches!(c, '.' | '!' | '?')
            && prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
            && let Some(&(j, next)) = iter.peek()
            && next.is_uppercase()
        {
            out.push(j);
        }
        prev = Some(c);
    }
    out
}

/// Whether `s` is nothing but a list marker: "1.", "2.)", "a.", "• 9.".
fn is_marker_only(s: &str) -> bool {
    let s = s.trim_start_matches(|c: char| INLINE_BULLETS.contains(&c) || c.is_whitespace());
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let rest = if digits > 0 && digits <= 3 {
        &s[digits..]
    } else if s.len() >= 2 && s.as_bytes()[0].is_ascii_lowercase() && s.as_bytes()[1] == b'.' {
        &s[1..]
    } else {
        return false;
    };
    matches!(rest, "." | ")" | ".)")
}

/// Enumerations written inline: "1. ... 2. ...", "1) ... 2) ...", "a. ... b. ...". A marker counts
/// only as part of a sequence (n then n+1) whose first marker opens the text or follows a colon,
/// a bullet or the end of a sentence.
fn list_markers(text: &str) -> Vec<Marker> {
    #[derive(Clone, Copy)]
    struct Found {
        m: Marker,
        value: u32,
        alpha: bool,
        style: u8,
        opens: bool,
    }
    let bytes = text.as_bytes();
    let mut found: Vec<Found> = Vec::new();
    for (i, c) in text.char_indices() {
        let prev = text[..i].chars().next_back();
        let at_token_start = prev.is_none_or(|p| p.is_whitespace() || INLINE_BULLETS.contains(&p));
        if !at_token_start || !(c.is_ascii_digit() || c.is_ascii_lowercase()) {
            continue;
        }
        let len = if c.is_ascii_digit() {
            bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count()
        } else {
            1
        };
        if len > 3 {
            continue;
        }
        let rest = &text[i + len..];
        let (style, mlen) = if rest.starts_with(".)") {
            (0u8, 2)
        } else if rest.starts_with(')') {
            (1, 1)
        } else if rest.starts_with('.') {
            (2, 1)
        } else {
            continue;
        };
        if !rest[mlen..].starts_with(char::is_whitespace) {
            continue;
        }
        let alpha = c.is_ascii_lowercase();
        let value = if alpha {
            u32::from(c as u8 - b'a') + 1
        } else {
            text[i..i + len].parse().unwrap_or(0)
        };
        // Where the item's line starts: the marker, or a bullet just before it.
        let before = text[..i].trim_end();
        let line_start = match before.chars().next_back() {
            Some(p) if INLINE_BULLETS.contains(&p) => before.len() - p.len_utf8(),
            _ => i,
        };
        let lead = text[..line_start].trim_end();
        let opens = lead.is_empty() || lead.ends_with(':') || layout::ends_sentence(lead);
        found.push(Found {
            m: Marker {
                start: line_start,
                at: i,
                end: i + len + mlen,
            },
            value,
            alpha,
            style,
            opens,
        });
    }
    // Keep markers that belong to a sequence starting at an opening position.
    let mut keep = vec![false; found.len()];
    for (i, f) in found.iter().enumerate() {
        if !f.opens || (f.alpha && f.value != 1) {
            continue;
        }
        let mut current = *f;
        let mut chain = vec![i];
        for (j, g) in found.iter().enumerate().skip(i + 1) {
            if g.alpha == current.alpha && g.style == current.style && g.value == current.value + 1
            {
                chain.push(j);
                current = *g;
            }
        }
        if chain.len() >= 2 {
            for j in chain {
                keep[j] = true;
            }
        }
    }
    found
        .into_iter()
        .zip(keep)
        .filter_map(|(f, k)| k.then_some(f.m))
        .inspect(|m| debug_assert!(m.at >= m.start))
        .collect()
}

/// Turns boundaries into trimmed, non-empty ranges. A piece without letters or digits (a stray
/// closing quote) joins the sentence before it.
fn ranges(text: &str, bounds: &[usize]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut starts = vec![0];
    starts.extend(bounds.iter().copied().filter(|&b| b > 0 && b < text.len()));
    starts.push(text.len());
    for w in starts.windows(2) {
        let piece = &text[w[0]..w[1]];
        let lead = piece.len() - piece.trim_start().len();
        let r = w[0] + lead..w[0] + piece.trim_end().len();
        if r.is_empty() {
            continue;
        }
        let has_content = text[r.clone()].chars().any(char::is_alphanumeric);
        match out.last_mut() {
            Some(last) if !has_content => last.end = r.end,
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Vec<&str> {
        split(text, Lang::English)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn abbreviations_from_the_sample() {
        assert_eq!(
            s(
                "The meeting was held at Diriyah Palace in Riyadh, where U.S. Secretary of State Marco Rubio and Russian Foreign Minister Sergey Lavrov met alongside senior advisers. Notably, neither delegation made public statements."
            ),
            [
                "The meeting was held at Diriyah Palace in Riyadh, where U.S. Secretary of State Marco Rubio and Russian Foreign Minister Sergey Lavrov met alongside senior advisers.",
                "Notably, neither delegation made public statements."
            ]
        );
        assert_eq!(
            s("Sen. Jim Risch spoke on Jan. 5 in Washington, D.C. They left."),
            [
                "Sen. Jim Risch spoke on Jan. 5 in Washington, D.C.",
                "They left."
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            s("He said he was “open if necessary.” Lavrov later stressed it."),
            [
                "He said he was “open if necessary.”",
                "Lavrov later stressed it."
            ]
        );
        assert_eq!(
            s("She turned to him, \"This is great.\" she said."),
            ["She turned to him, \"This is great.\" she said."]
        );
    }

    #[test]
    fn lists_and_ellipses() {
        assert_eq!(
            s("1.) The first item 2.) The second item"),
            ["1.) The first item", "2.) The second item"]
        );
        assert_eq!(
            s("a. The first item b. The second item c. The third list item"),
            [
                "a. The first item",
                "b. The second item",
                "c. The third list item"
            ]
        );
        assert_eq!(
            s("• 9. The first item • 10. The second item"),
            ["• 9. The first item", "• 10. The second item"]
        );
        assert_eq!(
            s("I never meant that.... She left the store."),
            ["I never meant that....", "She left the store."]
        );
        assert_eq!(
            s("words into compounds. . . . The practice was not abandoned. . . ."),
            [
                "words into compounds.",
                ". . . The practice was not abandoned. . . ."
            ]
        );
    }

    #[test]
    fn no_space_and_addresses() {
        assert_eq!(
            s("Hello world.Today is Tuesday.Mr. Smith went."),
            ["Hello world.", "Today is Tuesday.", "Mr. Smith went."]
        );
        assert_eq!(
            s("Her email is Jane.Doe@example.com. I sent her an email."),
            ["Her email is Jane.Doe@example.com.", "I sent her an email."]
        );
        assert_eq!(
            s("The U.S.-Russia talks ended."),
            ["The U.S.-Russia talks ended."]
        );
    }

    #[test]
    fn empty_and_stray() {
        assert!(s("   ").is_empty());
        assert_eq!(s("One. ”"), ["One. ”"]);
    }
}
