//! Words: Unicode words (UAX #29), lowercased, stop words removed, Snowball stems; and the
//! vocabulary that turns stems into dense ids, one per run, shared by every article.
//!
//! Articles are analysed in parallel, each with its own [`LocalVocabulary`] (every distinct word
//! of an article is lowercased, looked up in the stop words and stemmed once); the local ids are
//! then mapped to the run's [`Vocabulary`] in article order, so that ids do not depend on how
//! many threads did the work.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
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

    /// The id of `stem`, if it occurs in the run.
    pub fn get(&self, stem: &str) -> Option<Term> {
        self.ids.get(stem).copied()
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

/// One article's stems as dense ids local to it, in first-seen order, with a cache from each
/// distinct word (as written) to its stem id and whether it is a content word.
pub struct LocalVocabulary<'t> {
    lang: &'static LangData,
    words: FxHashMap<&'t str, (Term, bool)>,
    ids: FxHashMap<String, Term>,
    /// Local id -> stem.
    pub stems: Vec<String>,
}

impl<'t> LocalVocabulary<'t> {
    pub fn new(lang: &'static LangData) -> LocalVocabulary<'t> {
        LocalVocabulary {
            lang,
            words: FxHashMap::default(),
            ids: FxHashMap::default(),
            stems: Vec::new(),
        }
    }

    /// Appends the stem id of every word of `text` to `all` and of every content word (not a stop
    /// word) to `content`, in order, with repeats. The same words as [`words`] and [`stems`] give.
    pub fn tokens(
        &mut self,
        text: &'t str,
        all: &mut Vec<Term>,
        mut content: Option<&mut Vec<Term>>,
    ) {
        for raw in text.unicode_words() {
            let (id, is_content) = match self.words.get(raw) {
                Some(&hit) => hit,
                None => {
                    let w = raw.to_lowercase().replace(['’', 'ʼ'], "'");
                    let is_content = !self.lang.is_stop_word(&w)
                        && !self.lang.is_stop_word(w.trim_end_matches("'s"));
                    let stem = self.lang.stem(&w);
                    let id = match self.ids.get(stem.as_ref()) {
                        Some(&id) => id,
                        None => {
                            let id = Term::try_from(self.stems.len())
                                .expect("fewer than 2^32 distinct stems in an article");
                            self.ids.insert(stem.to_string(), id);
                            self.stems.push(stem.into_owned());
                            id
                        }
                    };
                    self.words.insert(raw, (id, is_content));
                    (id, is_content)
                }
            };
            all.push(id);
            if is_content && let Some(c) = content.as_deref_mut() {
                c.push(id);
            }
        }
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
    fn local_vocabulary_gives_the_same_stems() {
        let en = Lang::English.data();
        let text = "The talks were concluding in Riyadh’s palace; talks went on.";
        let mut local = LocalVocabulary::new(en);
        let (mut all, mut content) = (Vec::new(), Vec::new());
        local.tokens(text, &mut all, Some(&mut content));
        let stem = |ids: &[Term]| -> Vec<String> {
            ids.iter()
                .map(|&i| local.stems[i as usize].clone())
                .collect()
        };
        assert_eq!(stem(&content), stems(text, en));
        let every: Vec<String> = words(text).map(|w| en.stem(&w).into_owned()).collect();
        assert_eq!(stem(&all), every);
        // "talks" is stemmed once and gets one id.
        assert_eq!(content[0], content[4]);
    }

    #[test]
    fn counts_words_like_rouge_budgets() {
        assert_eq!(word_count("U.S. talks  end, today."), 4);
    }
}
