//! A title for an article without a headline: its first sentence (its dateline already taken
//! off by analysis), whole when it is short, else cut where a phrase ends so that a reader can
//! scan it: at a clause boundary (a comma, semicolon, colon or dash) or before a preposition or
//! conjunction that opens the next phrase, within the first [`TITLE_WORDS`] words, never inside
//! a quotation or brackets and never after a word that needs what follows ("the", "of", "his").

use crate::corpus::open_quotes;
use crate::lang::Lang;

/// Words a title keeps at most when the sentence must be cut.
pub(crate) const TITLE_WORDS: usize = 12;

/// A sentence up to this many words is the title whole: cutting one or two words off a short
/// sentence loses more than it saves.
const WHOLE_WORDS: usize = 14;

/// Fewest words a cut title keeps: a shorter one names nothing.
const MIN_WORDS: usize = 4;

/// Words that open a new phrase: a title may end just before them.
const PHRASE_OPENERS: &[&str] = &[
    "after",
    "against",
    "amid",
    "among",
    "as",
    "at",
    "because",
    "before",
    "between",
    "but",
    "by",
    "despite",
    "during",
    "even",
    "following",
    "for",
    "from",
    "if",
    "in",
    "into",
    "on",
    "over",
    "since",
    "so",
    "that",
    "though",
    "through",
    "to",
    "under",
    "until",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "with",
    "without",
];

/// The title made from `sentence`.
pub(crate) fn from_sentence(sentence: &str, lang: Lang) -> String {
    let sentence = sentence.trim();
    let words: Vec<(usize, &str)> = word_starts(sentence);
    if words.len() <= WHOLE_WORDS {
        return sentence.trim_end_matches(['.', ' ']).to_string();
    }
    let data = lang.data();
    // The last phrase boundary within the limit: the end of word k - 1, before word k.
    let mut best: Option<usize> = None;
    let mut quotes = 0;
    let mut parens = 0i32;
    for k in 1..words.len().min(TITLE_WORDS + 1) {
        let (_, prev) = words[k - 1];
        quotes = open_quotes(quotes, prev);
        parens += prev.matches('(').count() as i32 - prev.matches(')').count() as i32;
        let word = words[k].1;
        let ends_clause =
            prev.ends_with([',', ';', ':', '—', '–']) || matches!(word, "—" | "–" | "-" | "--");
        let opens_phrase = PHRASE_OPENERS.contains(&word.to_lowercase().as_str());
        let prev_core = prev
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let dangling = !ends_clause && data.is_stop_word(&prev_core);
        if k >= MIN_WORDS
            && quotes == 0
            && parens <= 0
            && !dangling
            && (ends_clause || opens_phrase)
        {
            best = Some(words[k - 1].0 + prev.len());
        }
    }
    if let Some(end) = best {
        let cut = sentence[..end].trim_end_matches(|c: char| !c.is_alphanumeric() && !is_quote(c));
        return format!("{cut}…");
    }
    // No phrase boundary in reach: the first words, at the limit, and a quotation they leave
    // open is closed after the ellipsis.
    let (start, word) = words[TITLE_WORDS - 1];
    let cut = sentence[..start + word.len()].trim_end_matches(|c: char| !c.is_alphanumeric());
    let open = open_quotes(0, cut) > 0;
    let close = match cut.chars().rev().find(|&c| is_quote(c)) {
        Some('“') if open => "”",
        Some(_) if open => "\"",
        _ => "",
    };
    format!("{cut}…{close}")
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

/// Each whitespace-separated word with its byte offset in `s`.
fn word_starts(s: &str) -> Vec<(usize, &str)> {
    s.split_whitespace()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> String {
        from_sentence(s, Lang::English)
    }

    #[test]
    fn short_sentences_whole() {
        assert_eq!(
            t("First round of US-Russia talks on ending the Ukraine war concludes in Riyadh."),
            "First round of US-Russia talks on ending the Ukraine war concludes in Riyadh"
        );
    }

    #[test]
    fn long_sentences_cut_where_a_phrase_ends() {
        assert_eq!(
            t(
                "Russian President Vladimir Putin has expressed openness to negotiations with Ukrainian President Volodymyr Zelenskyy “if necessary,” despite ongoing questions."
            ),
            "Russian President Vladimir Putin has expressed openness to negotiations…"
        );
        assert_eq!(
            t(
                "Top diplomats from the United States and Russia met in Riyadh, Saudi Arabia, on Tuesday for discussions aimed at resetting relations."
            ),
            "Top diplomats from the United States and Russia met in Riyadh…"
        );
        assert_eq!(
            t(
                "U.S. prosecutors have asked for a 20-day extension to provide Germany with documents in the case of the suspects."
            ),
            "U.S. prosecutors have asked for a 20-day extension to provide Germany…"
        );
    }

    #[test]
    fn never_inside_a_quotation_or_after_a_dangling_word() {
        let title = t(
            "He said “we will not stop until the end, whatever it takes, and then some more” and left the hall at night.",
        );
        assert_eq!(
            title,
            "He said “we will not stop until the end, whatever it takes…”"
        );
        let title = t(
            "Officials said on Monday that “the talks will go on until the end, whatever it takes” in Geneva.",
        );
        assert_eq!(title, "Officials said on Monday…");
        let title = t(
            "An FBI agent's sniper rifle (similar to the one pictured) was stolen from his car in a parking lot.",
        );
        assert_eq!(
            title,
            "An FBI agent's sniper rifle (similar to the one pictured) was stolen…"
        );
        let title = t(
            "The minister of the interior of the republic of the north said on Monday that things would change soon.",
        );
        let last = title.trim_end_matches('…').rsplit(' ').next().unwrap();
        assert!(!["the", "of", "a"].contains(&last), "{title}");
        assert!(title.split_whitespace().count() <= TITLE_WORDS, "{title}");
    }
}
