//! Words: Unicode words (UAX #29), lowercased, stop words removed, Snowball stems; and the
//! vocabulary that turns stems into dense ids, one per run, shared by every article.
//!
//! Articles are analysed in parallel, each with its own [`LocalVocabulary`] (every distinct word
//! of an article is lowercased, looked up in the stop words and stemmed once, through each
//! thread's memo and one memo all threads share); the local ids are then mapped to the run's
//! [`Vocabulary`] in article order, so that ids do not depend on how many threads did the work.

use std::cell::RefCell;
use std::sync::{Arc, LazyLock, PoisonError, RwLock};

use rustc_hash::FxHashMap;
use unicode_segmentation::UnicodeSegmentation;

use crate::lang::Lang;

/// A term id in a [`Vocabulary`].
pub(crate) type Term = u32;

/// Stems interned as dense ids, in first-seen order (so ids are deterministic for a given input).
#[derive(Clone, Debug, Default)]
pub(crate) struct Vocabulary {
    ids: FxHashMap<String, Term>,
    /// Id -> stem, kept for the tests only (the run needs stem -> id).
    #[cfg(test)]
    stems: Vec<String>,
}

impl Vocabulary {
    pub fn new() -> Vocabulary {
        Vocabulary::default()
    }

    /// The id of `stem`, added if new.
    pub(crate) fn intern(&mut self, stem: &str) -> Term {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        let id = Term::try_from(self.ids.len()).expect("fewer than 2^32 distinct stems");
        self.ids.insert(stem.to_string(), id);
        #[cfg(test)]
        self.stems.push(stem.to_string());
        id
    }

    /// The id of `stem`, if it occurs in the run.
    pub fn get(&self, stem: &str) -> Option<Term> {
        self.ids.get(stem).copied()
    }

    /// The stem behind an id.
    #[cfg(test)]
    pub fn stem(&self, id: Term) -> &str {
        &self.stems[id as usize]
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }
}

/// One article's stems as dense ids local to it, in first-seen order, with a cache from each
/// distinct word (as written) to its stem id and whether it is a content word.
pub(crate) struct LocalVocabulary<'t> {
    lang: Lang,
    words: FxHashMap<&'t str, (Term, bool)>,
    /// This thread's stem id -> local id.
    local: FxHashMap<u32, Term>,
    /// Local id -> stem.
    pub stems: Vec<Arc<str>>,
}

/// Words kept per language in each thread's stem cache before it starts afresh (between two
/// articles): a bound on its memory, far above the distinct words of a day's news.
const STEM_CACHE_WORDS: usize = 1 << 20;

/// One thread's memo of stemming, for one language: each word as written, with its stem (an id
/// into `stems`) and whether it is a content word.
#[derive(Default)]
struct StemCache {
    words: FxHashMap<Box<str>, (u32, bool)>,
    ids: FxHashMap<Arc<str>, u32>,
    stems: Vec<Arc<str>>,
}

thread_local! {
    /// Articles share most of their words, so most are lowercased, looked up in the stop words
    /// and stemmed once per thread rather than once per article. A pure memo: it never changes
    /// a result.
    static STEM_CACHE: RefCell<Vec<StemCache>> =
        RefCell::new((0..Lang::ALL.len()).map(|_| StemCache::default()).collect());
}

/// Each word as written, per language, with its stem and whether it is a content word: what
/// one thread worked out, for the others. Without it every thread stems the run's distinct
/// words again (Snowball is the costly part of a miss). A pure memo too, shared by every
/// thread, and bounded like the threads' caches: once full it is only read.
type SharedStems = RwLock<FxHashMap<Box<str>, (Arc<str>, bool)>>;

static SHARED_STEMS: LazyLock<Vec<SharedStems>> =
    LazyLock::new(|| (0..Lang::ALL.len()).map(|_| RwLock::default()).collect());

/// A word's stem and whether it is a content word, from the shared memo or worked out (and
/// added to it).
fn shared_stem(lang: Lang, raw: &str) -> (Arc<str>, bool) {
    let shared = &SHARED_STEMS[lang as usize];
    // A poisoned lock only means another thread panicked mid-insert: the map is still a memo.
    if let Some(hit) = shared
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .get(raw)
    {
        return hit.clone();
    }
    let data = lang.data();
    let w = raw.to_lowercase().replace(['’', 'ʼ'], "'");
    let is_content = !data.is_stop_word(&w) && !data.is_stop_word(w.trim_end_matches("'s"));
    let stem: Arc<str> = data.stem(&w).as_ref().into();
    let mut map = shared.write().unwrap_or_else(PoisonError::into_inner);
    if map.len() < STEM_CACHE_WORDS {
        map.insert(raw.into(), (stem.clone(), is_content));
    }
    (stem, is_content)
}

impl<'t> LocalVocabulary<'t> {
    /// The vocabulary of a new article in `lang`.
    pub fn new(lang: Lang) -> LocalVocabulary<'t> {
        STEM_CACHE.with(|cache| {
            let cache = &mut cache.borrow_mut()[lang as usize];
            if cache.words.len() >= STEM_CACHE_WORDS {
                *cache = StemCache::default();
            }
        });
        LocalVocabulary {
            lang,
            words: FxHashMap::with_capacity_and_hasher(512, Default::default()),
            local: FxHashMap::with_capacity_and_hasher(512, Default::default()),
            stems: Vec::with_capacity(512),
        }
    }

    /// Appends the stem id of every word of `text` to `all` and of every content word (not a stop
    /// word) to `content`, in order, with repeats. The same words as [`words`] and [`stems`] give.
    pub(crate) fn tokens(
        &mut self,
        text: &'t str,
        all: &mut Vec<Term>,
        mut content: Option<&mut Vec<Term>>,
    ) {
        for raw in text.unicode_words() {
            let (id, is_content) = match self.words.get(raw) {
                Some(&hit) => hit,
                None => {
                    let hit = self.stem(raw);
                    self.words.insert(raw, hit);
                    hit
                }
            };
            all.push(id);
            if is_content && let Some(c) = content.as_deref_mut() {
                c.push(id);
            }
        }
    }

    /// The local id of a word's stem (added if new) and whether it is a content word.
    fn stem(&mut self, raw: &str) -> (Term, bool) {
        STEM_CACHE.with(|cache| {
            let cache = &mut cache.borrow_mut()[self.lang as usize];
            let (stem, is_content) = match cache.words.get(raw) {
                Some(&hit) => hit,
                None => {
                    let (stem, is_content) = shared_stem(self.lang, raw);
                    let id = match cache.ids.get(&stem) {
                        Some(&id) => id,
                        None => {
                            let id = cache.stems.len() as u32;
                            cache.ids.insert(stem.clone(), id);
                            cache.stems.push(stem);
                            id
                        }
                    };
                    cache.words.insert(raw.into(), (id, is_content));
                    (id, is_content)
                }
            };
            let next = self.stems.len();
            let id = *self.local.entry(stem).or_insert_with(|| {
                self.stems.push(cache.stems[stem as usize].clone());
                Term::try_from(next).expect("fewer than 2^32 distinct stems in an article")
            });
            (id, is_content)
        })
    }
}

/// The words of `text`, lowercased, with curly apostrophes made straight.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.unicode_words()
        .map(|w| w.to_lowercase().replace(['’', 'ʼ'], "'"))
}

/// Number of words in `text`, counted as whitespace-separated tokens (as ROUGE's length budgets
/// and `--words` count them).
pub(crate) fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The content stems of `text`: words that are not stop words, stemmed. Repeats are kept. (The
/// tests' definition of what [`LocalVocabulary`] computes.)
#[cfg(test)]
pub(crate) fn stems(text: &str, lang: &crate::lang::LangData) -> Vec<String> {
    words(text)
        .filter(|w| !lang.is_stop_word(w) && !lang.is_stop_word(w.trim_end_matches("'s")))
        .map(|w| lang.stem(&w).into_owned())
        .collect()
}

/// The content terms of `text`, interned in `vocab`.
#[cfg(test)]
pub(crate) fn terms(text: &str, lang: &crate::lang::LangData, vocab: &mut Vocabulary) -> Vec<Term> {
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
        let mut local = LocalVocabulary::new(Lang::English);
        let (mut all, mut content) = (Vec::new(), Vec::new());
        local.tokens(text, &mut all, Some(&mut content));
        let stem = |ids: &[Term]| -> Vec<String> {
            ids.iter()
                .map(|&i| local.stems[i as usize].to_string())
                .collect()
        };
        assert_eq!(stem(&content), stems(text, en));
        let every: Vec<String> = words(text).map(|w| en.stem(&w).into_owned()).collect();
        assert_eq!(stem(&all), every);
        // "talks" is stemmed once and gets one id.
        assert_eq!(content[0], content[4]);
        // A second article on the same thread reuses the cached stems and gets its own ids.
        let mut second = LocalVocabulary::new(Lang::English);
        let (mut all2, mut content2) = (Vec::new(), Vec::new());
        second.tokens("Palace talks.", &mut all2, Some(&mut content2));
        assert_eq!(content2, [0, 1]);
        assert_eq!(
            second.stems.iter().map(|s| &**s).collect::<Vec<_>>(),
            ["palac", "talk"]
        );
    }

    #[test]
    fn counts_words_like_rouge_budgets() {
        assert_eq!(word_count("U.S. talks  end, today."), 4);
        // Unicode spaces separate words as ASCII ones do; a dash does not.
        for (s, n) in [
            ("", 0),
            ("  ", 0),
            ("a\u{a0}b\u{2003}c", 3),
            ("\u{85}x\u{3000}y z\t\n", 3),
            ("é ü—ö", 2),
            (" lead trail ", 2),
        ] {
            assert_eq!(word_count(s), n, "{s:?}");
        }
    }
}
