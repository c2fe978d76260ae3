//! Page furniture: the parts of a news page that are not the story. Kicker words and section
//! headings, "KEY POINTS" headers, "ALSO READ:" and "READ MORE" links, bylines, "Related Posts"
//! trailers, teasers of other stories cut off with "…", "Scroll down for video" and photo credits.
//! Furniture is kept in the article (headings help find the title) but never becomes a candidate
//! sentence.
//!
//! Two levels: [`block`] judges a whole block (a line or paragraph), [`sentence`] judges one
//! sentence, for furniture that sits inline in running text, as in pages flattened to one
//! paragraph.
//!
//! Links, time stamps, captions and notices are told by their opening phrase (the rules of
//! [`FurnitureWords`]), and a phrase that can also open a sentence of the story ("Advertisement",
//! "Posted on", "Copyright", "Sign up") counts only when what follows looks like furniture (a
//! `Shape`): "Copyright 2025 Reuters" goes, "Copyright holders have filed dozens of lawsuits this
//! year alone." stays. Every rule family has fixtures of lines that go and sentences that stay in
//! `tests/data/furniture/`. The words themselves are a language's data, in its row of
//! `lang::TABLE`; every article is judged by English's.

use std::sync::LazyLock;

use super::layout::ends_sentence;
use crate::lang::Lang;

/// Why a block or sentence is furniture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

/// What must follow a rule's phrase for the line or sentence to be furniture. A phrase is matched
/// at the start, in any case, as whole words ("Advertisements ..." does not start with
/// "advertisement"); the tests are on the words after it and the length of the whole text, so
/// that prose that starts with the same words stays ("Copyright holders have filed ...").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Anything: the phrase cannot open a sentence of the story. It ends in a colon ("Watch:",
    /// "Photo:"), speaks to the reader ("Click here", "Scroll down for", "Follow us"), or is "©".
    Any,
    /// Nothing, or a separator and a title (see [`is_label`]): the word itself is the furniture.
    /// "Advertisement", "[Advertisement]", "Advertisement - Scroll to continue" go;
    /// "Advertisement revenue at the largest technology companies rose sharply." stays.
    Label,
    /// A label, or a short line (at most [`POINTER_MAX_WORDS`] words) that either has no final
    /// punctuation (a link's title, a list of tags) or speaks to the reader after the phrase (see
    /// [`speaks_to_reader`]). "Sign up for our newsletter", "Read more about how we test ..." and
    /// "Related Stories Ministers clash over budget cuts" go; "Sign up rates for the program
    /// doubled." and "Filed under seal, the documents show ..." stay.
    Pointer,
    /// A label, or only a date or time after the phrase, perhaps signed "by" a name (see
    /// [`is_stamp`]). "Posted on May 12, 2025 at 10:31 am" and "Last updated 3 hours ago" go;
    /// "Posted on social media on Monday, the video showed the minister." and "Last updated in
    /// 2019, the register ..." stay.
    Stamp,
    /// A label, or a short notice (at most [`NOTICE_MAX_WORDS`] words) in which a year, "©" or
    /// "(c)" follows the phrase or that says "all rights reserved". "Copyright 2025 Reuters" and
    /// "Copyright © 2024 Reuters. All rights reserved." go; "Copyright holders have filed ..."
    /// stays.
    Copyright,
    /// A label, or a name (a capital) after the phrase in a short line (at most
    /// [`CREDIT_MAX_WORDS`] words). "Photo by Jane Doe/Reuters" goes; "Photo by photo, the
    /// exhibition traces ..." stays.
    Credit,
}

/// A phrase (lowercase) that starts furniture of `kind` when what follows has the `shape`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rule {
    phrase: &'static str,
    kind: Furniture,
    shape: Shape,
}

/// A rule for a [`Furniture::Link`].
pub(crate) const fn link(phrase: &'static str, shape: Shape) -> Rule {
    Rule {
        phrase,
        kind: Furniture::Link,
        shape,
    }
}

/// A rule for a [`Furniture::Byline`].
pub(crate) const fn byline(phrase: &'static str, shape: Shape) -> Rule {
    Rule {
        phrase,
        kind: Furniture::Byline,
        shape,
    }
}

/// A rule for a [`Furniture::Caption`].
pub(crate) const fn caption(phrase: &'static str, shape: Shape) -> Rule {
    Rule {
        phrase,
        kind: Furniture::Caption,
        shape,
    }
}

/// The words furniture is told by, in one language; a language's row of [`crate::lang::TABLE`]
/// refers to its own. Only English has them, and furniture reads English's (`WORDS`) for every
/// article whatever its language, as it always has: blocks are judged at ingest, before the
/// article's language is detected, and the rules were written on English pages.
pub struct FurnitureWords {
    /// The rules, tried in order: the first whose phrase and shape match decides the kind.
    pub(crate) rules: &'static [Rule],
    /// Words (compared without case) by which a page speaks to its reader or points at itself:
    /// "Sign up for our newsletter", "Read more here", "Share on Facebook", "Watch the video
    /// below". News prose that starts like a pointer ("Sign up rates ...", "Read more closely,
    /// ...") rarely has them.
    pub(crate) reader_words: &'static [&'static str],
    /// Month names, lowercase, in calendar order.
    pub(crate) months: [&'static str; 12],
    /// Weekday names, lowercase, Monday first.
    pub(crate) weekdays: [&'static str; 7],
    /// Month and weekday abbreviations, lowercase (`months` and `weekdays` too are calendar
    /// words).
    pub(crate) calendar_words: &'static [&'static str],
    /// Other words a time stamp is made of, lowercase: times of day, time zones, "2 hours ago",
    /// and the words that join a stamp's parts ("on", "at", "| updated").
    pub(crate) time_words: &'static [&'static str],
    /// Verbs that report speech or a ruling: "…, the analyst said."
    pub(crate) reporting_verbs: &'static [&'static str],
    /// The word (any case) after which a time stamp is signed: "Posted on 12/05/2025 by Jane Doe".
    pub(crate) signed_by: &'static str,
    /// Words that join the names of a signature, as written: "Jane Doe and John Roe".
    pub(crate) name_joiners: &'static [&'static str],
    /// What may follow the digits of a number in a date or time, lowercase: ordinals and times of
    /// day ("12th", "10:31am", "14h").
    pub(crate) number_suffixes: &'static [&'static str],
    /// How a byline opens, as written: "By Jane Doe".
    pub(crate) byline_openers: &'static [&'static str],
    /// How a parenthesised credit opens, in any case: "(Photo by ...)", "(Image courtesy of ...)".
    pub(crate) credit_openers: &'static [&'static str],
    /// The phrase (lowercase) that makes a short line with a copyright phrase a notice.
    pub(crate) rights_reserved: &'static str,
}

/// The words every article's furniture is judged by: English's (see [`FurnitureWords`]).
const WORDS: &FurnitureWords = match Lang::English.info().furniture {
    Some(words) => words,
    None => panic!("English has no furniture words"),
};

/// The indices of [`WORDS`]' rules by the first byte of their phrase, lowercased, in rule order
/// ([`EMPTY`] for an empty phrase, tried on empty text only): every block is judged, and most
/// open with a letter few phrases open with.
static RULES_BY_FIRST_BYTE: LazyLock<Vec<Vec<usize>>> = LazyLock::new(|| {
    let mut by = vec![Vec::new(); EMPTY + 1];
    for (k, rule) in WORDS.rules.iter().enumerate() {
        by[first_byte(rule.phrase)].push(k);
    }
    by
});

/// Where a text (or a phrase) goes in [`RULES_BY_FIRST_BYTE`]: its first byte, lowercased.
fn first_byte(text: &str) -> usize {
    text.as_bytes()
        .first()
        .map_or(EMPTY, |b| usize::from(b.to_ascii_lowercase()))
}

/// [`RULES_BY_FIRST_BYTE`]'s entry for an empty phrase (or text), after the 256 bytes.
const EMPTY: usize = 256;

/// Month names, lowercase, in calendar order: English's.
pub(crate) const MONTHS: [&str; 12] = WORDS.months;

/// Weekday names, lowercase, Monday first: English's.
pub(crate) const WEEKDAYS: [&str; 7] = WORDS.weekdays;

/// Most words in a line that a [`Shape::Pointer`] phrase opens: a link or a call to the reader is
/// short, and a long sentence is the story however it starts.
const POINTER_MAX_WORDS: usize = 20;

/// Most words in a copyright notice ([`Shape::Copyright`]).
const NOTICE_MAX_WORDS: usize = 16;

/// Most words in a photo credit ([`Shape::Credit`]).
const CREDIT_MAX_WORDS: usize = 10;

/// Most words after a time stamp's phrase ([`Shape::Stamp`]).
const STAMP_MAX_WORDS: usize = 16;

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
/// "Officials said ...". Anything else is returned unchanged. The result is still a verbatim
/// piece of the article.
pub(crate) fn strip_dateline(sentence: &str) -> &str {
    dateline(sentence).map_or(sentence, |d| d.1)
}

/// A news-agency dateline at the start of `text`, as (agency, the text after it): the place
/// before the agency is at most six capitalised words; the agency is one word in capitals or
/// "Reuters"; what remains must start with a capital or a quote.
pub fn dateline(text: &str) -> Option<(&str, &str)> {
    let open = text.find('(')?;
    let place = &text[..open];
    let place_ok = place.split_whitespace().count() <= 6
        && place
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || w == "--" || w == "-");
    let close = open + text[open..].find(')')?;
    let agency = &text[open + 1..close];
    // At the very start, a publication's name in capitals and lower case too: "(The Hollywood
    // Reporter)The original cast ...".
    let named = open == 0
        && agency.len() <= 40
        && (1..=4).contains(&agency.split_whitespace().count())
        && agency
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    let agency_ok = (2..=12).contains(&agency.len())
        && (agency.chars().all(|c| c.is_ascii_uppercase() || c == ' ') || agency == "Reuters")
        || named;
    if !place_ok || !agency_ok {
        return None;
    }
    let rest = text[close + 1..].trim_start();
    let rest = ["--", "—", "–", "-", "_"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest)
        .trim_start();
    rest.starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“' || c == '\'')
        .then_some((agency, rest))
}

/// A heading: one short line without final punctuation.
pub(crate) fn is_heading(text: &str) -> bool {
    // Counted only as far as the limits: a paragraph can be long.
    text.len() <= 4 * 120
        && text.split_whitespace().take(16).count() <= 15
        && text.chars().take(121).count() <= 120
        && !ends_sentence(text)
        && !text.ends_with([',', ';'])
}

/// Furniture by its opening words: the first of the [`WORDS`] rules whose phrase opens `text` (after any
/// opening brackets, `*` or `>`) and whose shape the rest has, or a parenthesised credit ("(Photo
/// by ...)", "(Image courtesy of ...)").
fn prefixed(text: &str) -> Option<Furniture> {
    let t = text.trim_start_matches(['[', '(', '*', '>', ' ']);
    // Most text opens with none of the phrases: only the rules whose phrase opens with the same
    // byte (in any case) are tried, in their order.
    for rule in RULES_BY_FIRST_BYTE[first_byte(t)]
        .iter()
        .map(|&k| &WORDS.rules[k])
    {
        if let Some(rest) = after_phrase(t, rule.phrase)
            && has_shape(rule.shape, rest, t)
            && (is_label(rest) || !is_reported_speech(t))
        {
            return Some(rule.kind);
        }
    }
    let opens = |p: &str| {
        text.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    WORDS
        .credit_openers
        .iter()
        .any(|p| opens(p))
        .then_some(Furniture::Caption)
}

/// What follows `phrase` when `text` opens with it (in any case) as whole words.
fn after_phrase<'a>(text: &'a str, phrase: &str) -> Option<&'a str> {
    let head = text.get(..phrase.len())?;
    if !head.eq_ignore_ascii_case(phrase) {
        return None;
    }
    let rest = &text[phrase.len()..];
    let word_ends = |s: &str| s.chars().next_back().is_some_and(char::is_alphanumeric);
    let word_goes_on = rest.chars().next().is_some_and(char::is_alphanumeric);
    (!(word_ends(phrase) && word_goes_on)).then_some(rest)
}

/// Whether `rest`, what follows a rule's phrase in `text`, has the `shape`.
fn has_shape(shape: Shape, rest: &str, text: &str) -> bool {
    match shape {
        Shape::Any => true,
        Shape::Label => is_label(rest),
        Shape::Pointer => {
            is_label(rest)
                || (at_most_words(text, POINTER_MAX_WORDS)
                    && (!ends_sentence(text) || speaks_to_reader(rest)))
        }
        Shape::Stamp => is_label(rest) || is_stamp(rest),
        Shape::Copyright => {
            is_label(rest)
                || (at_most_words(text, NOTICE_MAX_WORDS)
                    && (opens_with_year_or_sign(rest)
                        || text.to_lowercase().contains(WORDS.rights_reserved)))
        }
        Shape::Credit => {
            is_label(rest)
                || (at_most_words(text, CREDIT_MAX_WORDS)
                    && rest.trim_start().starts_with(char::is_uppercase))
        }
    }
}

/// A whole sentence that reports what someone said ("Click here, the phishing email urged, and
/// your password is gone." / "Sign up now and we will cut your tariffs, the president told the
/// assembly."): a comma, then a reporting verb, and final punctuation. The words of a pointer or
/// a notice, quoted in a story, are the story.
fn is_reported_speech(text: &str) -> bool {
    let Some(comma) = text.find(',') else {
        return false;
    };
    ends_sentence(text)
        && text[comma..]
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| {
                WORDS
                    .reporting_verbs
                    .iter()
                    .any(|v| v.eq_ignore_ascii_case(w))
            })
}

/// What follows a label: nothing but punctuation ("Advertisement.", "[Advertisement]", "Read
/// More »"), or a separator before a title or value: a colon, a bar, a guillemet or arrow, or a
/// dash with a space after it ("Also Read | ...", "Advertisement - Scroll to continue"; not
/// "Updated-look ...").
fn is_label(rest: &str) -> bool {
    let rest = rest.trim_start();
    if !rest.chars().any(char::is_alphanumeric) || rest.starts_with([':', '|', '»', '›', '>']) {
        return true;
    }
    let Some(after) = ['-', '–', '—'].iter().find_map(|&d| rest.strip_prefix(d)) else {
        return false;
    };
    after.starts_with(char::is_whitespace)
}

/// Whether `text` has at most `n` words (counted only as far as `n + 1`: a paragraph can be long).
fn at_most_words(text: &str, n: usize) -> bool {
    text.split_whitespace().take(n + 1).count() <= n
}

/// Whether the words after a pointer's phrase speak to the reader or point at the page: one of
/// the [`WORDS`] reader words, a web address or an @handle.
fn speaks_to_reader(rest: &str) -> bool {
    rest.contains("://")
        || rest.contains("www.")
        || rest.contains('@')
        || rest
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| WORDS.reader_words.iter().any(|r| r.eq_ignore_ascii_case(w)))
}

/// Whether the words after a time stamp's phrase are a date or time and nothing else: numbers
/// ("12", "2025", "10:31", "12/05/2025", "12th", "10:31am"), the [`WORDS`] calendar and time
/// words, at most [`STAMP_MAX_WORDS`] of them, optionally followed by "by" and a name
/// ("Posted on 12/05/2025 by Jane Doe"). Any other word ("social", "the") makes it prose.
fn is_stamp(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    for (i, word) in words.by_ref().enumerate() {
        if i >= STAMP_MAX_WORDS {
            return false;
        }
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        if w.eq_ignore_ascii_case(WORDS.signed_by) {
            break;
        }
        let lower = w.to_lowercase();
        let known = |list: &[&str]| list.contains(&lower.as_str());
        if !(is_number(w)
            || known(&WORDS.months)
            || known(&WORDS.weekdays)
            || known(WORDS.calendar_words)
            || known(WORDS.time_words))
        {
            return false;
        }
    }
    let signed: Vec<&str> = words.collect();
    signed.is_empty() || is_name(&signed)
}

/// A number in a date or time: digits with `:`, `/`, `.`, `-` or `,` between them, perhaps with
/// an ordinal or a time of day after them ("12th", "10:31am", "3pm", "14h").
fn is_number(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = w[digits.len()..].to_ascii_lowercase();
    digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | '.' | '-' | ','))
        && (suffix.is_empty() || WORDS.number_suffixes.contains(&suffix.as_str()))
}

/// A signature's name: one to six words, each capitalised or joining names ("and", "&", "|").
fn is_name(words: &[&str]) -> bool {
    (1..=6).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || WORDS.name_joiners.contains(w))
}

/// Whether a copyright notice's words open with a sign or a year: "©", "(c)", "2025",
/// "2015-2025".
fn opens_with_year_or_sign(rest: &str) -> bool {
    let rest = rest.trim_start();
    if rest.starts_with('©') || rest.get(..3).is_some_and(|h| h.eq_ignore_ascii_case("(c)")) {
        return true;
    }
    let first = rest.split_whitespace().next().unwrap_or("");
    let bytes = first.as_bytes();
    bytes.len() >= 4
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && (bytes[..2] == *b"19" || bytes[..2] == *b"20")
        && bytes.get(4).is_none_or(|b| !b.is_ascii_digit())
}

/// A teaser line: it breaks off with an ellipsis instead of ending.
fn is_teaser(text: &str) -> bool {
    let t = text.trim_end();
    (t.ends_with('…') || t.ends_with("...")) && !t.ends_with(". . .") && !t.ends_with("....")
}

/// A byline: "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By . Daily Mail Reporter".
fn is_byline(text: &str) -> bool {
    let Some(rest) = WORDS
        .byline_openers
        .iter()
        .find_map(|p| text.strip_prefix(p))
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
    fn phrases_that_open_prose_need_the_shape_of_furniture() {
        // More cases, with the prose that stays, in tests/data/furniture.
        assert_eq!(block("ADVERTISEMENT", false), Some(Furniture::Link));
        assert_eq!(
            block(
                "Advertisement revenue at the largest technology companies rose sharply.",
                false
            ),
            None
        );
        assert_eq!(
            sentence("Posted on May 12, 2025 at 10:31 am"),
            Some(Furniture::Byline)
        );
        assert_eq!(
            sentence("Posted on social media on Monday, the video showed the minister."),
            None
        );
        assert_eq!(
            sentence("Copyright © 2024 Reuters. All rights reserved."),
            Some(Furniture::Caption)
        );
        assert_eq!(sentence("All rights reserved."), Some(Furniture::Caption));
        assert_eq!(
            sentence("Copyright holders have filed dozens of lawsuits this year alone."),
            None
        );
    }

    #[test]
    fn shapes() {
        assert!(is_label(""));
        assert!(is_label(" »"));
        assert!(is_label(": Reuters"));
        assert!(is_label(" - Scroll to continue"));
        assert!(!is_label("-look saloon"));
        assert!(!is_label(" revenue rose"));
        assert!(after_phrase("Advertisements ran", "advertisement").is_none());
        assert_eq!(after_phrase("FOLLOW @jdoe", "follow @"), Some("jdoe"));
        assert!(is_stamp(" on Monday, 12 May 2025, 10:31 BST"));
        assert!(is_stamp(" 2 hours ago"));
        assert!(is_stamp(" on 12/05/2025 by Jane Doe"));
        assert!(!is_stamp(" on Monday, the clip was viewed"));
        assert!(!is_stamp(" on 12 May by the ministry"));
        assert!(is_number("12th") && is_number("10:31am") && is_number("2025-05-12"));
        assert!(!is_number("2025s") && !is_number("a1"));
        assert!(opens_with_year_or_sign(" 2015-2025 Reuters"));
        assert!(opens_with_year_or_sign(" (c) Reuters"));
        assert!(!opens_with_year_or_sign(" 70 years"));
        assert!(speaks_to_reader(" for our newsletter"));
        assert!(speaks_to_reader(" at https://example.com"));
        assert!(!speaks_to_reader(" rates for the program doubled."));
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
