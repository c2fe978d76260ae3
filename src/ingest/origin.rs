//! Where an article comes from and when, as a reader cites it: its source (front matter
//! `source`, else its url's domain, else the agency of its dateline, else its file's stem) and
//! its date (front matter `date`, else a date written in its dateline or first lines, else none).
//!
//! Only the article's own words are read; nothing is guessed from the file system's dates.

use jiff::civil::Date;
use serde::Serialize;

use super::furniture::{self, MONTHS};
use super::{Block, Role};

/// Where an article's source was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SourceFrom {
    FrontMatter,
    Url,
    Dateline,
    File,
}

/// Blocks from the start of the body a date is looked for in: a dateline or a byline line sits
/// above or in the first paragraphs, and a date further down is a date the story tells about.
const DATE_BLOCKS: usize = 4;

/// The source of an article and where it was found.
pub(crate) fn source(
    front_matter: Option<&str>,
    url: Option<&str>,
    blocks: &[Block],
    id: &str,
) -> (String, SourceFrom) {
    if let Some(s) = front_matter.map(str::trim).filter(|s| !s.is_empty()) {
        return (s.to_string(), SourceFrom::FrontMatter);
    }
    if let Some(d) = url.and_then(domain) {
        return (d, SourceFrom::Url);
    }
    if let Some(a) = blocks
        .iter()
        .filter(|b| b.role.is_candidate())
        .take(2)
        .find_map(|b| agency(&b.text))
    {
        return (a, SourceFrom::Dateline);
    }
    let stem = id.rsplit('/').next().unwrap_or(id);
    (stem.to_string(), SourceFrom::File)
}

/// The host of an http(s) url without "www.": "https://www.bbc.co.uk/news/x" gives "bbc.co.uk".
pub(crate) fn domain(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = ["https://", "http://"].iter().find_map(|p| {
        url.get(..p.len())
            .filter(|s| s.eq_ignore_ascii_case(p))
            .map(|_| &url[p.len()..])
    })?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'))
    .then(|| host.to_string())
}

/// The news agency of a dateline at the start of `text`: "WASHINGTON (AP) — ..." and
/// "(CNN) -- ..." give "AP" and "CNN" ([`furniture::dateline`]).
pub fn agency(text: &str) -> Option<String> {
    furniture::dateline(text).map(|d| d.0.to_string())
}

/// The first date written in the article's first blocks (headline and furniture included: a
/// dateline or "Published 30 June 2011" line).
pub fn date(blocks: &[Block]) -> Option<Date> {
    blocks
        .iter()
        .filter(|b| !matches!(b.role, Role::Furniture(furniture::Furniture::NotText)))
        .take(DATE_BLOCKS)
        .find_map(|b| date_in(first_chars(&b.text, 300)))
}

fn first_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// The first full date in `text`: "30 June 2011", "June 30, 2011", "Jan. 5, 2024", "2011-06-30".
/// A day without a year, or a year alone, is not a date here.
pub(crate) fn date_in(text: &str) -> Option<Date> {
    // Every full date has a year of four digits (ISO dates too): most blocks have none, and are
    // not split into words at all.
    if !has_four_digits(text) {
        return None;
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '–' || c == '—')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        if let Some(d) = iso_date(w) {
            return Some(d);
        }
        let Some(m) = month(w) else {
            continue;
        };
        let at = |k: usize| words.get(k).copied();
        // "June 30, 2011"
        if let (Some(d), Some(y)) = (at(i + 1).and_then(day), at(i + 2).and_then(year))
            && let Ok(date) = Date::new(y, m, d)
        {
            return Some(date);
        }
        // "30 June 2011"
        if i > 0
            && let (Some(d), Some(y)) = (day(words[i - 1]), at(i + 1).and_then(year))
            && let Ok(date) = Date::new(y, m, d)
        {
            return Some(date);
        }
    }
    None
}

/// Whether `text` has four ASCII digits in a row.
fn has_four_digits(text: &str) -> bool {
    let mut run = 0;
    for b in text.bytes() {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

fn iso_date(w: &str) -> Option<Date> {
    let w = w.trim_start_matches(|c: char| !c.is_ascii_digit());
    let b = w.as_bytes();
    // "2025-02-18", alone or before a time ("2025-02-18T10:00Z").
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let y = w.get(..4)?.parse().ok()?;
    let m = w.get(5..7)?.parse().ok()?;
    let d = w.get(8..10)?.parse().ok()?;
    (1900..=2100).contains(&y).then_some(())?;
    Date::new(y, m, d).ok()
}

fn month(w: &str) -> Option<i8> {
    let w = w.trim_end_matches('.');
    if w.len() < 3 || !w.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let lower = w.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| {
            *m == lower || (lower.len() >= 3 && lower.len() <= 4 && m.starts_with(&lower))
        })
        .and_then(|i| i8::try_from(i + 1).ok())
        // "May" alone is a verb as often as a month; "Mar" and "Jun" abbreviations are fine.
        .filter(|&m| m != 5 || lower == "may")
}

fn day(w: &str) -> Option<i8> {
    let w = w.trim_end_matches(['.', ',']);
    let w = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    let d: i8 = w.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year(w: &str) -> Option<i16> {
    let w = w.trim_end_matches(['.', ',', ':', ';', ')']);
    if w.len() != 4 {
        return None;
    }
    let y: i16 = w.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> Block {
        Block {
            text: text.into(),
            line: 1,
            role: Role::Prose,
        }
    }

    #[test]
    fn sources_in_order_of_trust() {
        let b = [block(
            "WASHINGTON (AP) — Officials said on Monday that talks ended.",
        )];
        assert_eq!(
            source(Some("Wire"), Some("https://x.org/a"), &b, "a/b"),
            ("Wire".into(), SourceFrom::FrontMatter)
        );
        assert_eq!(
            source(None, Some("https://www.bbc.co.uk/news/x"), &b, "a/b"),
            ("bbc.co.uk".into(), SourceFrom::Url)
        );
        assert_eq!(
            source(None, None, &b, "a/b"),
            ("AP".into(), SourceFrom::Dateline)
        );
        assert_eq!(
            source(
                Some(" "),
                Some("mailto:x@y.org"),
                &[block("Talks ended.")],
                "day/b"
            ),
            ("b".into(), SourceFrom::File)
        );
    }

    #[test]
    fn agencies_of_datelines() {
        assert_eq!(agency("(CNN) -- The talks ended.").as_deref(), Some("CNN"));
        assert_eq!(
            agency("LONDON (Reuters) - Shares fell.").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            agency("MUNICH, Germany (AP) _ U.S. prosecutors asked.").as_deref(),
            Some("AP")
        );
        assert_eq!(
            agency("(The Hollywood Reporter)The original cast is back.").as_deref(),
            Some("The Hollywood Reporter")
        );
        assert_eq!(agency("The talks (which ended) were long."), None);
        assert_eq!(agency("(which ended) The talks were long."), None);
        assert_eq!(agency("Officials from the (UN) said so."), None);
    }

    #[test]
    fn dates_written_out() {
        let d = |y, m, d| Some(Date::new(y, m, d).unwrap());
        assert_eq!(
            date_in(" 30 June 2011 – The United Nations said"),
            d(2011, 6, 30)
        );
        assert_eq!(date_in("Published June 30, 2011 at 5pm"), d(2011, 6, 30));
        assert_eq!(date_in("WASHINGTON, Jan. 5, 2024 (AP)"), d(2024, 1, 5));
        assert_eq!(date_in("Updated 2025-02-18T10:00Z"), d(2025, 2, 18));
        assert_eq!(date_in("on 3rd March 2020, it rained"), d(2020, 3, 3));
        // No year, no date; an impossible day, no date; "may" is not a month.
        assert_eq!(date_in("On June 30 the talks ended."), None);
        assert_eq!(date_in("31 February 2011"), None);
        assert_eq!(date_in("They may 3 2011"), None);
        assert_eq!(date_in("In 2011 prices rose."), None);
    }

    #[test]
    fn domains() {
        assert_eq!(
            domain("https://www.bbc.co.uk/news").as_deref(),
            Some("bbc.co.uk")
        );
        assert_eq!(
            domain("HTTP://User@Example.org:8080/x").as_deref(),
            Some("example.org")
        );
        assert_eq!(domain("mailto:x@y.org"), None);
        assert_eq!(domain("https://localhost/x"), None);
    }
}
