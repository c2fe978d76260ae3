//! Words: Unicode words (UAX #29), lowercased, stop words removed, Snowball stems; and the
//! vocabulary that turns stems into dense ids, one per run, shared by every article.

use std::collections::HashMap;

use unicode_segmentation::UnicodeSegmentation;

use crate::lang::LangData;

/// A term id in a [`Vocabulary`].
pub type Term = u32;

/// Stems interned as dense ids, in first-seen order (so ids are deterministic for a given input).
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    ids: HashMap<String, Term>,
    stems: Vec<String>,
}

impl Vocabulary {
    pub fn new() -> Vocabulary {
        Vocabulary::default()
    }

    /// The id of `stem`, added if new.
    pub fn intern(&mut self, stem: &str) -> Term {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        let id = Term::try_from(self.stems.len()).expect("fewer than 2^32 distinct stems");
        self.ids.insert(stem.to_string(), id);
        self.stems.push(stem.to_string());
        id
    }

    /// The stem behind an id.
    pub fn stem(&self, id: Term) -> &str {
        &self.stems[id as usize]
    }

    pub fn len(&self) -> usize {
        self.stems.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }
}

/// The words of `text`, lowercased, with curly apostrophes made straight.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.unicode_words()
        .map(|w| w.to_lowercase().replace(['’', 'ʼ'], "'"))
}

/// Number of words in `text`, counted as whitespace-separated tokens (as ROUGE's length budgets
/// and `--words` count them).
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The content stems of `text`: words that are not stop words, stemmed. Repeats are kept.
pub fn stems(text: &str, lang: &LangData) -> Vec<String> {
    words(text)
        .filter(|w| !lang.is_stop_word(w) && !lang.is_stop_word(w.trim_end_matches("'s")))
        .map(|w| lang.stem(&w).into_owned())
        .collect()
}

/// The content terms of `text`, interned in `vocab`.
pub fn terms(text: &str, lang: &LangData, vocab: &mut Vocabulary) -> Vec<Term> {
    stems(text, lang).iter().map(|s| vocab.intern(s)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn stems_without_stop_words() {
        let en = Lang::English.data();
        assert_eq!(
            stems("The talks were concluding in Riyadh’s palace.", en),
            ["talk", "conclud", "riyadh", "palac"]
        );
    }

    #[test]
    fn vocabulary_is_stable() {
        let en = Lang::English.data();
        let mut v = Vocabulary::new();
        let a = terms("talks talk talking", en, &mut v);
        assert_eq!(a, [0, 0, 0]);
        assert_eq!(v.stem(0), "talk");
        assert_eq!(v.len(), 1);
    }

    #[test]
    fn counts_words_like_rouge_budgets() {
        assert_eq!(word_count("U.S. talks  end, today."), 4);
    }
}
