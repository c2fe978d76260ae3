//! Languages brief knows, and the data each one brings: its Snowball stemmer (rust-stemmers), its
//! stop words (the `stop-words` crate, NLTK lists where NLTK has the language, else ISO), its
//! sentence-splitting rules (`data/segment/<code>.txt`, embedded at build time: abbreviations,
//! extra sentence-final characters, words that continue a sentence after a number) and the words
//! page furniture is told by ([`FurnitureWords`]).
//!
//! A [`Lang`] is one of the eighteen languages rust-stemmers stems; everything brief knows about
//! one is its row of [`TABLE`], which the enum's discriminant indexes. Splitting rules exist for
//! more languages than that (the rows of `SPLIT_ONLY`, [`SplitRules::for_code`]), so `brief split`
//! serves languages brief cannot stem. Data is built once per process and shared.
//!
//! To add a language brief stems:
//!
//! 1. add its variant to [`Lang`] and its row to [`TABLE`], at the same place in alphabetical
//!    order of the English name (a compile-time check holds the two in step); its `furniture` is
//!    `None` unless it has its own [`FurnitureWords`] (see `ENGLISH_FURNITURE`), and furniture
//!    reads only English's today (see `ingest::furniture`);
//! 2. add `data/segment/<code>.txt`, its splitting rules;
//! 3. add a line to `SAMPLES` in this module's tests (a word and its stem, a stop word, an
//!    abbreviation), which `every_language_has_data` requires of every language.
//!
//! A language brief only splits is one row of `SPLIT_ONLY` and its data file. Golden splitting
//! cases go in `tests/data/sbd/golden_<code>.json` (`tests/golden.rs` reads every such file), and
//! the cases it is known to fail in `tests/data/sbd/known_failures.toml`.

use rustc_hash::{FxHashMap, FxHashSet};
use std::fmt;
use std::sync::OnceLock;

use crate::error::{Error, Result};
use crate::ingest::furniture::{FurnitureWords, Shape, byline, caption, link};

/// A language with a Snowball stemmer; its discriminant is the index of its row of [`TABLE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Arabic,
    Danish,
    Dutch,
    English,
    Finnish,
    French,
    German,
    Greek,
    Hungarian,
    Italian,
    Norwegian,
    Portuguese,
    Romanian,
    Russian,
    Spanish,
    Swedish,
    Tamil,
    Turkish,
}

/// Everything brief knows about a language it stems: a row of [`TABLE`].
pub struct LangInfo {
    /// The variant whose discriminant is this row's index.
    pub lang: Lang,
    /// ISO 639-1 code, also the name of the language's data files.
    pub code: &'static str,
    /// English name, lowercase.
    pub name: &'static str,
    /// Other names `--language` and front matter accept, lowercase.
    pub(crate) aliases: &'static [&'static str],
    /// The Snowball stemmer.
    pub(crate) algorithm: rust_stemmers::Algorithm,
    /// The stop words: the `stop-words` crate's list by this key (`stop_words::lookup`).
    pub(crate) stop_words: &'static str,
    /// whatlang's id for the language, when whatlang detects it.
    pub(crate) whatlang: Option<whatlang::Lang>,
    /// The sentence-splitting rules, `data/segment/<code>.txt` (see [`SplitRules`]).
    pub(crate) split_data: &'static str,
    /// The words page furniture is told by, when the language has its own.
    pub furniture: Option<&'static FurnitureWords>,
}

/// The languages brief stems, one row each, in the order of [`Lang`] (alphabetical by name).
pub const TABLE: &[LangInfo] = &[
    LangInfo {
        lang: Lang::Arabic,
        code: "ar",
        name: "arabic",
        aliases: &[],
        algorithm: rust_stemmers::Algorithm::Arabic,
        stop_words: "ar",
        whatlang: Some(whatlang::Lang::Ara),
        split_data: include_str!("../data/segment/ar.txt"),
        furniture: None,
    },
    LangInfo {
        lang: Lang::Danish,
        code: "da",
        name: "danish",
        aliases: &[],
        algorithm: rust_stemmers::Algorithm::Danish,
        stop_words: "da",
        whatlang: Some(whatlang::Lang::Dan),
        split_data: include_str!("../data/segment/da.txt"),
        furniture: None,
    },
    LangInfo {
        lang: Lang::Dutch,
        code: "nl",
        name: "dutch",
        aliases: &[],
        algorithm: rust_stemmers::Algorithm::Dutch,
        stop_words: "nl",
        whatlang: Some(whatlang::Lang::Nld),
        split_data: include_str!("../data/segment/nl.txt"),
        furniture: None,
    },
    LangInfo {
        lang: Lang::English,
        code: "en",
        name: "english",
        aliases: &[],
        algorithm: rust_stemmers::Algorithm::English,
        stop_words: "en",
        whatlang: Some(whatlang::Lang::Eng),
        split_data: include_str!("../data/segment/en.txt"),
        furniture: Some(&ENGLISH_FURNITURE),
    },
    LangInfo {
        lang: Lang::Finnish,
        code: "fi",
        name: "finnish",
        aliases: &[],
        algorithm: rust_stemmers::Algorithm::Finnish,
        stop_words: "fi",
        whatlang: Some(whatlang::Lang::Fin),
        split_data: include_str!("../data/segment/fi.txt"),
        furniture: None,
    },
    LangInfo {
        lang: Lang::French,
        code: "fr",
        name: "french",
        aliases: &[],
        algorithm: rust_stemmers::Algorithm::French,
        stop_words: "fr",
        whatlang: Some(whatlang::Lang::Fra),
        split_data: include_str!("../data/segment/fr.txt"),
        furniture: None,
    },
    LangInfo {
        lang: Lang::German,
        code: "de",
        name: "german",
        aliases: &[],
        algorithm: rust_stemmers::Algorithm::German,
        stop_words: "de",
        whatlang: Some(whatlang::Lang::Deu),
        split_data: include_str!("../data/segment/de.txt"),
        furniture: None,
    },
    LangInfo {
        lang: Lang::Greek,
        code: "el",
        name: "greek",
        aliases: &[],
        algorithm: rust_stemmers::Algorithm::Greek,
        stop_words: "el",
        whatlang: Some(whatlang::Lang::Ell),
        split_data: include_str!("../data/segment/el.txt"),
        furniture: None,
    },
    LangInfo {
        lang: Lang::Hungarian,
        code: "hu",
        name: "hungarian",
        aliases: &[],
        algorithm: rust_stemmers::Algorithm::Hungarian,
        stop_words: "hu",
        whatlang: Some(whatlang::Lang::Hun),
        split_data: include_str!("../data/segment/hu.txt"),
        furniture: None,
    },
    LangInfo {
        lang: Lang::Italian,
        code: "it",
        name: "italian",
        aliases: &[],
        algorithm: rust_stemmers::Algorithm::Italian,
        stop_words: "it",
        whatlang: Some(whatlang::Lang::Ita),
        split_data: include_str!("../data/segment/it.txt"),
        furniture: None,
    },
    LangInfo {
        lang: Lang::Norwegian,
        code: "no",
        name: "norwegian",
        aliases: &["nb", "nn", "bokmal", "bokmål", "nynorsk"],
        algorithm: rust_stemmers::Algorithm::Norwegian,
        stop_words: "no",
        whatlang: Some(whatlang::Lang::Nob),
        split_data: include_str!("../data/segment/no.txt"),
        furniture: None,
    },
    LangInfo {
        lang: Lang::Portuguese,
        code: "pt",
        name: "portuguese",
        aliases: &[],
        algorithm: rust_stemmers::Algorithm::Portuguese,
        stop_words: "pt",
        whatlang: Some(whatlang::Lang::Por),
        split_data: include_str!("../data/segment/pt.txt"),
        furniture: None,
    },
    LangInfo {
        lang: Lang::Romanian,
        code: "ro",
        name: "romanian",
        aliases: &[],
        algorithm: rust_stemmers::Algorithm::Romanian,
        stop_words: "ro",
        whatlang: Some(whatlang::Lang::Ron),
        split_data: include_str!("../data/segment/ro.txt"),
        furniture: None,
    },
    LangInfo {
        lang: Lang::Russian,
        code: "ru",
        name: "russian",
        aliases: &[],
        algorithm: rust_stemmers::Algorithm::Russian,
        stop_words: "ru",
        whatlang: Some(whatlang::Lang::Rus),
        split_data: include_str!("../data/segment/ru.txt"),
        furniture: None,
    },
    LangInfo {
        lang: Lang::Spanish,
        code: "es",
        name: "spanish",
        aliases: &[],
        algorithm: rust_stemmers::Algorithm::Spanish,
        stop_words: "es",
        whatlang: Some(whatlang::Lang::Spa),
        split_data: include_str!("../data/segment/es.txt"),
        furniture: None,
    },
    LangInfo {
        lang: Lang::Swedish,
        code: "sv",
        name: "swedish",
        aliases: &[],
        algorithm: rust_stemmers::Algorithm::Swedish,
        stop_words: "sv",
        whatlang: Some(whatlang::Lang::Swe),
        split_data: include_str!("../data/segment/sv.txt"),
        furniture: None,
    },
    LangInfo {
        lang: Lang::Tamil,
        code: "ta",
        name: "tamil",
        aliases: &[],
        algorithm: rust_stemmers::Algorithm::Tamil,
        stop_words: "ta",
        whatlang: Some(whatlang::Lang::Tam),
        split_data: include_str!("../data/segment/ta.txt"),
        furniture: None,
    },
    LangInfo {
        lang: Lang::Turkish,
        code: "tr",
        name: "turkish",
        aliases: &[],
        algorithm: rust_stemmers::Algorithm::Turkish,
        stop_words: "tr",
        whatlang: Some(whatlang::Lang::Tur),
        split_data: include_str!("../data/segment/tr.txt"),
        furniture: None,
    },
];

// Each row sits at the index of its variant, which `Lang::info` and `Lang::ALL` rely on; the
// stop-word mask of `Lang::by_stop_words` has a bit per language.
const _: () = {
    let mut i = 0;
    while i < TABLE.len() {
        assert!(
            TABLE[i].lang as usize == i,
            "TABLE's rows are not in the order of Lang's variants"
        );
        i += 1;
    }
    assert!(TABLE.len() <= u32::BITS as usize);
};

/// The `--language` option: one language for every article, or detection per article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LanguageChoice {
    /// Detect each article's language, falling back to English when unsure.
    #[default]
    Auto,
    /// Use this language for every article (front matter `language:` still wins).
    Fixed(Lang),
}

impl std::str::FromStr for LanguageChoice {
    type Err = Error;

    /// Parses `auto`, a language name (`english`) or an ISO 639-1 code (`en`).
    fn from_str(s: &str) -> Result<LanguageChoice> {
        if s.eq_ignore_ascii_case("auto") {
            return Ok(LanguageChoice::Auto);
        }
        s.parse().map(LanguageChoice::Fixed)
    }
}

impl fmt::Display for LanguageChoice {
    /// `auto`, or the language's name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LanguageChoice::Auto => f.write_str("auto"),
            LanguageChoice::Fixed(lang) => lang.fmt(f),
        }
    }
}

impl Lang {
    /// Every language, in alphabetical order: the order of [`TABLE`].
    pub const ALL: [Lang; TABLE.len()] = {
        let mut all = [Lang::English; TABLE.len()];
        let mut i = 0;
        while i < all.len() {
            all[i] = TABLE[i].lang;
            i += 1;
        }
        all
    };

    /// Everything brief knows about the language: its row of [`TABLE`].
    pub const fn info(self) -> &'static LangInfo {
        &TABLE[self as usize]
    }

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        self.info().code
    }

    /// English name, lowercase.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The language's shared data, built on first use.
    pub fn data(self) -> &'static LangData {
        static CELLS: [OnceLock<LangData>; TABLE.len()] = [const { OnceLock::new() }; TABLE.len()];
        CELLS[self as usize].get_or_init(|| LangData::new(self))
    }
}

impl Lang {
    /// Detects the language of `text` with whatlang. `None` when the detector is unsure or the
    /// language has no stemmer here.
    pub(crate) fn detect(text: &str) -> Option<Lang> {
        Lang::by_stop_words(text).or_else(|| reliable_language(text).and_then(Lang::from_whatlang))
    }

    /// The language whose stop words make up the sample, when they are at least a quarter of
    /// its first [`STOP_WORD_SAMPLE`] words (of 30 or more) and twice as many as any other
    /// language's: function words tell languages apart cheaply, and where they do not (Danish
    /// and Norwegian, Spanish and Portuguese) the statistical detector decides. On every text of
    /// ../shared/eval and tests/data/sbd it agrees with that detector (docs/performance.md).
    pub(crate) fn by_stop_words(text: &str) -> Option<Lang> {
        // Each stop word with the languages (bits, by place in ALL) it is a stop word of.
        static LANGS_OF: OnceLock<FxHashMap<&'static str, u32>> = OnceLock::new();
        let langs_of = LANGS_OF.get_or_init(|| {
            let mut map: FxHashMap<&'static str, u32> = FxHashMap::default();
            for (k, lang) in Lang::ALL.iter().enumerate() {
                for &w in &lang.data().split.stop_words {
                    *map.entry(w).or_default() |= 1 << k;
                }
            }
            map
        });
        let mut counts = [0usize; Lang::ALL.len()];
        let mut words = 0;
        let mut lower = String::new();
        let split = text
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .map(|w| w.trim_matches(['\'', '’']))
            .filter(|w| !w.is_empty());
        for w in split.take(STOP_WORD_SAMPLE) {
            words += 1;
            lower.clear();
            if w.is_ascii() {
                lower.push_str(w);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(w.chars().flat_map(char::to_lowercase));
            }
            if let Some(&mask) = langs_of.get(lower.as_str()) {
                for (k, count) in counts.iter_mut().enumerate() {
                    *count += (mask >> k & 1) as usize;
                }
            }
        }
        let mut order: Vec<usize> = (0..counts.len()).collect();
        order.sort_by_key(|&k| std::cmp::Reverse(counts[k]));
        let (best, second) = (counts[order[0]], counts[order[1]]);
        (words >= 30 && best * 4 >= words && best >= 2 * second).then(|| Lang::ALL[order[0]])
    }

    fn from_whatlang(lang: whatlang::Lang) -> Option<Lang> {
        TABLE
            .iter()
            .find(|r| r.whatlang == Some(lang))
            .map(|r| r.lang)
    }
}

/// Words of a sample that [`Lang::by_stop_words`] looks at.
pub(crate) const STOP_WORD_SAMPLE: usize = 120;

/// whatlang's guess, when it calls it reliable.
fn reliable_language(text: &str) -> Option<whatlang::Lang> {
    whatlang::detect(text)
        .filter(|i| i.is_reliable())
        .map(|i| i.lang())
}

/// Detects the language of `text` as an ISO 639-1 code with splitting rules (a stemmed language
/// or one of the others brief can split), if the detector is sure.
pub fn detect_split_code(text: &str) -> Option<&'static str> {
    let lang = reliable_language(text)?;
    let stemmed = TABLE.iter().map(|r| (r.code, r.whatlang));
    let split_only = SPLIT_ONLY.iter().map(|r| (r.code, r.whatlang));
    stemmed
        .chain(split_only)
        .find(|&(_, w)| w == Some(lang))
        .map(|(code, _)| code)
}

impl std::str::FromStr for Lang {
    type Err = Error;

    /// Parses a name (`german`), an ISO 639-1 code (`de`) or another name of the language's row
    /// (`nb`, `nn` for Norwegian), case-insensitively.
    fn from_str(s: &str) -> Result<Lang> {
        let s = s.trim().to_ascii_lowercase();
        TABLE
            .iter()
            .find(|r| r.code == s || r.name == s || r.aliases.contains(&s.as_str()))
            .map(|r| r.lang)
            .ok_or_else(|| Error::UnknownLanguage(s.to_string()))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Names of every known language, for error messages and `--help`.
pub fn known_names() -> String {
    Lang::ALL
        .iter()
        .map(|l| format!("{} ({})", l.name(), l.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How an abbreviation behaves before a period, as the splitter sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevKind {
    /// Titles before a name (`Mr.`, `Sen.`): never ends a sentence.
    Prefix,
    /// Before a number (`No. 10`, `Jan. 5`, `p. 55`); otherwise like [`AbbrevKind::Common`].
    Number,
    /// Times of day (`a.m.`): ends a sentence before a capitalised word, unless the sentence so far
    /// is too short to be one.
    Time,
    /// May end a sentence (`Inc.`, `etc.`): a boundary only when a common sentence starter follows.
    Common,
}

/// Per-language data: stemmer, stop words and splitting rules.
pub struct LangData {
    stemmer: rust_stemmers::Stemmer,
    /// The language's sentence-splitting rules.
    pub split: &'static SplitRules,
}

impl LangData {
    fn new(lang: Lang) -> LangData {
        LangData {
            stemmer: rust_stemmers::Stemmer::create(lang.info().algorithm),
            split: SplitRules::for_code(lang.code()).unwrap_or_else(SplitRules::generic),
        }
    }

    /// The Snowball stem of a lowercased word.
    pub fn stem<'a>(&self, word: &'a str) -> std::borrow::Cow<'a, str> {
        self.stemmer.stem(word)
    }

    /// Whether a lowercased word is a stop word.
    pub(crate) fn is_stop_word(&self, word: &str) -> bool {
        self.split.is_stop_word(word)
    }
}

/// A language brief splits into sentences but cannot stem: a row of [`SPLIT_ONLY`].
struct SplitOnly {
    /// ISO 639-1 code, also the name of its data file.
    code: &'static str,
    /// The stop words (sentence starters): the `stop-words` crate's list by this key.
    stop_words: &'static str,
    /// whatlang's id for the language, when whatlang detects it.
    whatlang: Option<whatlang::Lang>,
    /// The sentence-splitting rules, `data/segment/<code>.txt`.
    split_data: &'static str,
}

/// The languages brief splits but does not stem, one row each, by code.
const SPLIT_ONLY: &[SplitOnly] = &[
    SplitOnly {
        code: "am",
        stop_words: "am",
        whatlang: Some(whatlang::Lang::Amh),
        split_data: include_str!("../data/segment/am.txt"),
    },
    SplitOnly {
        code: "bg",
        stop_words: "bg",
        whatlang: Some(whatlang::Lang::Bul),
        split_data: include_str!("../data/segment/bg.txt"),
    },
    SplitOnly {
        code: "fa",
        stop_words: "fa",
        whatlang: Some(whatlang::Lang::Pes),
        split_data: include_str!("../data/segment/fa.txt"),
    },
    SplitOnly {
        code: "hi",
        stop_words: "hi",
        whatlang: Some(whatlang::Lang::Hin),
        split_data: include_str!("../data/segment/hi.txt"),
    },
    SplitOnly {
        code: "hy",
        stop_words: "hy",
        whatlang: Some(whatlang::Lang::Hye),
        split_data: include_str!("../data/segment/hy.txt"),
    },
    SplitOnly {
        code: "ja",
        stop_words: "ja",
        whatlang: Some(whatlang::Lang::Jpn),
        split_data: include_str!("../data/segment/ja.txt"),
    },
    SplitOnly {
        code: "kk",
        stop_words: "kk",
        whatlang: None,
        split_data: include_str!("../data/segment/kk.txt"),
    },
    SplitOnly {
        code: "mr",
        stop_words: "mr",
        whatlang: Some(whatlang::Lang::Mar),
        split_data: include_str!("../data/segment/mr.txt"),
    },
    SplitOnly {
        code: "my",
        stop_words: "my",
        whatlang: Some(whatlang::Lang::Mya),
        split_data: include_str!("../data/segment/my.txt"),
    },
    SplitOnly {
        code: "pl",
        stop_words: "pl",
        whatlang: Some(whatlang::Lang::Pol),
        split_data: include_str!("../data/segment/pl.txt"),
    },
    SplitOnly {
        code: "sk",
        stop_words: "sk",
        whatlang: Some(whatlang::Lang::Slk),
        split_data: include_str!("../data/segment/sk.txt"),
    },
    SplitOnly {
        code: "ur",
        stop_words: "ur",
        whatlang: Some(whatlang::Lang::Urd),
        split_data: include_str!("../data/segment/ur.txt"),
    },
    SplitOnly {
        code: "zh",
        stop_words: "zh",
        whatlang: Some(whatlang::Lang::Cmn),
        split_data: include_str!("../data/segment/zh.txt"),
    },
];

/// How a language splits sentences, beyond what UAX #29 knows: read from
/// `data/segment/<code>.txt`, whose sections are
///
/// - `[prefix]`, `[number]`, `[time]`, `[common]`: abbreviations (see [`AbbrevKind`]), one per
///   line, without the final period, matched case-insensitively;
/// - `[starters]`: words that often begin a sentence, besides the language's stop words;
/// - `[terminals]`: characters that end a sentence in this language besides `.`, `!`, `?` and
///   the Unicode sentence terminals (Arabic `:`, Greek `;`), one per line;
/// - `[clause-terminals]`: characters that end a sentence unless the clause after them is a
///   single word (the Arabic comma `،`);
/// - `[after-number]`: words that continue a sentence after a number and a period, which then
///   is an ordinal (German "12. Juni");
/// - `[options]`: `roman-ordinals` when a Roman numeral with a period is an ordinal ("XII. Pluk").
///
/// `#` at the start of a line, or after a space, starts a comment.
pub struct SplitRules {
    /// ISO 639-1 code, or `""` for the generic rules.
    pub code: &'static str,
    abbreviations: FxHashMap<String, AbbrevKind>,
    starters: FxHashSet<String>,
    stop_words: FxHashSet<&'static str>,
    /// Extra sentence-final characters.
    pub(crate) terminals: Vec<char>,
    /// Characters that end a sentence when more than one word follows before the next one.
    pub(crate) clause_terminals: Vec<char>,
    after_number: FxHashSet<String>,
    /// Whether "XII." before a capital is an ordinal.
    pub(crate) roman_ordinals: bool,
    /// The length in characters of the longest `[prefix]` entry, so that longer words are not
    /// looked up as titles.
    longest_title: usize,
}

impl SplitRules {
    /// The rules for an ISO 639-1 code, if brief has a data file for it.
    pub fn for_code(code: &str) -> Option<&'static SplitRules> {
        SplitRules::all().iter().find(|r| r.code == code)
    }

    /// The rules of every language with a data file ([`TABLE`] and `SPLIT_ONLY`), by code.
    fn all() -> &'static [SplitRules] {
        static ALL: OnceLock<Vec<SplitRules>> = OnceLock::new();
        ALL.get_or_init(|| {
            let stemmed = TABLE.iter().map(|r| (r.code, r.stop_words, r.split_data));
            let split_only = SPLIT_ONLY
                .iter()
                .map(|r| (r.code, r.stop_words, r.split_data));
            let mut all: Vec<SplitRules> = stemmed
                .chain(split_only)
                .map(|(code, stop_words, src)| SplitRules::parse(code, stop_words, src))
                .collect();
            all.sort_by_key(|r| r.code);
            all
        })
    }

    /// Rules for a language brief has no data for: UAX #29 and the language-independent repairs.
    pub(crate) fn generic() -> &'static SplitRules {
        static GENERIC: OnceLock<SplitRules> = OnceLock::new();
        GENERIC.get_or_init(|| SplitRules::parse("", "", ""))
    }

    /// Codes with a data file, sorted.
    pub fn codes() -> impl Iterator<Item = &'static str> {
        SplitRules::all().iter().map(|r| r.code)
    }

    /// The rules in `src` for `code`, with the stop words the `stop-words` crate has for the key
    /// `stop_key`.
    fn parse(code: &'static str, stop_key: &str, src: &str) -> SplitRules {
        #[derive(Clone, Copy)]
        enum Section {
            Abbrev(AbbrevKind),
            Starters,
            Terminals,
            ClauseTerminals,
            AfterNumber,
            Options,
        }
        let mut rules = SplitRules {
            code,
            abbreviations: Default::default(),
            starters: FxHashSet::default(),
            stop_words: stop_words::lookup(stop_key)
                .unwrap_or(&[])
                .iter()
                .copied()
                .collect(),
            terminals: Vec::new(),
            clause_terminals: Vec::new(),
            after_number: FxHashSet::default(),
            roman_ordinals: false,
            longest_title: 0,
        };
        let mut section = Section::Abbrev(AbbrevKind::Common);
        for line in src.lines() {
            let line = line.split(" #").next().unwrap_or("").trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            section = match line {
                "[prefix]" => Section::Abbrev(AbbrevKind::Prefix),
                "[number]" => Section::Abbrev(AbbrevKind::Number),
                "[time]" => Section::Abbrev(AbbrevKind::Time),
                "[common]" => Section::Abbrev(AbbrevKind::Common),
                "[starters]" => Section::Starters,
                "[terminals]" => Section::Terminals,
                "[clause-terminals]" => Section::ClauseTerminals,
                "[after-number]" => Section::AfterNumber,
                "[options]" => Section::Options,
                entry => {
                    let word = entry.trim_end_matches('.').to_lowercase();
                    match section {
                        Section::Abbrev(k) => {
                            if k == AbbrevKind::Prefix {
                                rules.longest_title = rules.longest_title.max(word.chars().count());
                            }
                            rules.abbreviations.insert(word, k);
                        }
                        Section::Starters => {
                            rules.starters.insert(word);
                        }
                        Section::Terminals => rules.terminals.extend(entry.chars().next()),
                        Section::ClauseTerminals => {
                            rules.clause_terminals.extend(entry.chars().next())
                        }
                        Section::AfterNumber => {
                            rules.after_number.insert(word);
                        }
                        Section::Options => match entry {
                            "roman-ordinals" => rules.roman_ordinals = true,
                            other => panic!("data/segment/{code}.txt: unknown option {other:?}"),
                        },
                    }
                    continue;
                }
            };
        }
        rules
    }

    /// Whether a lowercased word is a stop word of the language.
    pub(crate) fn is_stop_word(&self, word: &str) -> bool {
        self.stop_words.contains(word)
    }

    /// Whether a lowercased word commonly starts a sentence: a stop word, or a `[starters]` word.
    pub(crate) fn is_sentence_starter(&self, word: &str) -> bool {
        self.is_stop_word(word) || self.starters.contains(word)
    }

    /// Whether a lowercased word continues a sentence after "12." (an ordinal).
    pub(crate) fn continues_number(&self, word: &str) -> bool {
        self.after_number.contains(word)
    }

    /// How the abbreviation `word` (without its final period, any case) behaves, if it is one.
    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbrevKind> {
        if let Some(k) = self.abbreviations.get(word) {
            return Some(*k);
        }
        self.abbreviations.get(&word.to_lowercase()).copied()
    }

    /// Whether `word` (without its final period, any case) is a title that stands before a name
    /// (`[prefix]`: "Sen", "Mr").
    pub(crate) fn is_title(&self, word: &str) -> bool {
        word.chars().nth(self.longest_title).is_none()
            && self.abbreviation(word) == Some(AbbrevKind::Prefix)
    }
}

/// English's page-furniture words, which every article's furniture is judged by whatever its
/// language (see [`FurnitureWords`] for what each list is for).
const ENGLISH_FURNITURE: FurnitureWords = FurnitureWords {
    // Tried in order. Each family has a fixture of lines that go and sentences that stay in
    // `tests/data/furniture/`.
    rules: &[
        // Pointers to other content: "ALSO READ: ...", "Related Posts", "Sign up for our newsletter".
        link("also read", Shape::Pointer),
        link("read also", Shape::Pointer),
        link("read more", Shape::Pointer),
        link("read next", Shape::Pointer),
        link("see also", Shape::Pointer),
        link("more:", Shape::Any),
        link("related:", Shape::Any),
        link("related posts", Shape::Pointer),
        link("related stories", Shape::Pointer),
        link("related articles", Shape::Pointer),
        link("related coverage", Shape::Pointer),
        link("recommended:", Shape::Any),
        link("click here", Shape::Any),
        link("click to", Shape::Pointer),
        link("sign up", Shape::Pointer),
        link("subscribe to", Shape::Pointer),
        link("follow us", Shape::Any),
        link("follow @", Shape::Any),
        link("share this", Shape::Pointer),
        link("share on", Shape::Pointer),
        link("advertisement", Shape::Label),
        link("tags:", Shape::Any),
        link("filed under", Shape::Pointer),
        link("watch:", Shape::Any),
        link("watch the video", Shape::Pointer),
        link("watch video", Shape::Pointer),
        link("listen:", Shape::Any),
        link("download the", Shape::Pointer),
        // Time stamps: "PUBLISHED: 12:01 EST, 3 April 2015", "Posted on 12 May 2025".
        byline("published", Shape::Stamp),
        byline("updated", Shape::Stamp),
        byline("last updated", Shape::Stamp),
        byline("posted", Shape::Stamp),
        byline("last modified", Shape::Stamp),
        // Captions, credits and notices: "Scroll down for video", "Photo: Reuters", "© 2025 AP".
        caption("scroll down for", Shape::Any),
        caption("photo:", Shape::Any),
        caption("photos:", Shape::Any),
        caption("image:", Shape::Any),
        caption("images:", Shape::Any),
        caption("video:", Shape::Any),
        caption("pictured:", Shape::Any),
        caption("pictured above", Shape::Any),
        caption("credit:", Shape::Any),
        caption("photograph:", Shape::Any),
        caption("photo by", Shape::Credit),
        caption("picture by", Shape::Credit),
        caption("©", Shape::Any),
        caption("copyright", Shape::Copyright),
        caption("all rights reserved", Shape::Label),
    ],
    reader_words: &[
        "our",
        "your",
        "you",
        "we",
        "here",
        "now",
        "below",
        "above",
        "free",
        "app",
        "apps",
        "newsletter",
        "newsletters",
        "inbox",
        "email",
        "alerts",
        "updates",
        "link",
        "links",
        "page",
        "website",
        "site",
        "story",
        "stories",
        "article",
        "articles",
        "coverage",
        "video",
        "videos",
        "podcast",
        "gallery",
        "pdf",
        "channel",
        "facebook",
        "twitter",
        "x",
        "instagram",
        "whatsapp",
        "youtube",
        "tiktok",
        "linkedin",
        "telegram",
        "ios",
        "android",
    ],
    months: [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    weekdays: [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ],
    calendar_words: &[
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
        "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ],
    time_words: &[
        "am",
        "pm",
        "a.m",
        "p.m",
        "gmt",
        "bst",
        "utc",
        "et",
        "est",
        "edt",
        "ct",
        "cst",
        "cdt",
        "pt",
        "pst",
        "pdt",
        "cet",
        "cest",
        "ist",
        "aest",
        "jst",
        "ago",
        "min",
        "mins",
        "minute",
        "minutes",
        "hr",
        "hrs",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "yesterday",
        "today",
        "just",
        "now",
        "on",
        "at",
        "of",
        "last",
        "published",
        "updated",
        "posted",
        "modified",
    ],
    reporting_verbs: &[
        "said",
        "says",
        "told",
        "tells",
        "urged",
        "urges",
        "chanted",
        "ruled",
        "added",
        "wrote",
        "asked",
        "warned",
        "insisted",
        "argued",
        "explained",
        "noted",
        "declared",
        "announced",
        "shouted",
        "replied",
        "claimed",
        "stated",
    ],
    signed_by: "by",
    name_joiners: &["and", "&", "|", "-", "/"],
    number_suffixes: &["st", "nd", "rd", "th", "am", "pm", "h"],
    byline_openers: &["By ", "BY "],
    credit_openers: &["(photo", "(image"],
    rights_reserved: "all rights reserved",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_codes() {
        assert_eq!("en".parse::<Lang>().unwrap(), Lang::English);
        assert_eq!("German".parse::<Lang>().unwrap(), Lang::German);
        assert_eq!("nb".parse::<Lang>().unwrap(), Lang::Norwegian);
        assert!(matches!(
            "klingon".parse::<Lang>(),
            Err(Error::UnknownLanguage(_))
        ));
        assert_eq!(
            "AUTO".parse::<LanguageChoice>().unwrap(),
            LanguageChoice::Auto
        );
        for choice in [LanguageChoice::Auto, LanguageChoice::Fixed(Lang::Norwegian)] {
            assert_eq!(
                choice.to_string().parse::<LanguageChoice>().unwrap(),
                choice
            );
        }
    }

    #[test]
    fn detects_languages() {
        assert_eq!(
            Lang::detect("The talks ended on Tuesday without any agreement on a ceasefire."),
            Some(Lang::English)
        );
        assert_eq!(
            Lang::detect(
                "Die Gespräche endeten am Dienstag ohne eine Einigung über eine Waffenruhe."
            ),
            Some(Lang::German)
        );
        assert_eq!(
            Lang::detect(
                "Les pourparlers se sont terminés mardi sans accord sur un cessez-le-feu."
            ),
            Some(Lang::French)
        );
    }

    /// For each language brief stems: a word of it and its Snowball stem, one of its stop words,
    /// and an abbreviation of its splitting rules (none for Tamil, whose file has no rules).
    const SAMPLES: &[(&str, &str, &str, &str, Option<&str>)] = &[
        ("ar", "الكتاب", "كتاب", "في", Some("د")),
        ("da", "husene", "hus", "og", Some("hr")),
        ("nl", "huizen", "huiz", "het", Some("dhr")),
        ("en", "running", "run", "the", Some("mr")),
        ("fi", "taloissa", "talo", "ja", Some("esim")),
        ("fr", "maisons", "maison", "les", Some("mme")),
        ("de", "häuser", "haus", "und", Some("hrn")),
        ("el", "σπίτια", "σπιτ", "και", Some("π.χ")),
        ("hu", "házak", "ház", "és", Some("ifj")),
        ("it", "case", "cas", "che", Some("sig")),
        ("no", "husene", "hus", "og", Some("kl")),
        ("pt", "casas", "cas", "que", Some("sra")),
        ("ro", "casele", "cas", "acest", Some("dna")),
        ("ru", "домами", "дом", "и", Some("ст")),
        ("es", "casas", "cas", "que", Some("sra")),
        ("sv", "husen", "hus", "och", Some("fru")),
        ("ta", "வீடுகள்", "வீடு", "ஒரு", None),
        ("tr", "evler", "ev", "ve", Some("doç")),
    ];

    #[test]
    fn every_language_has_data() {
        for lang in Lang::ALL {
            let code = lang.code();
            let &(_, word, stem, stop, abbreviation) = SAMPLES
                .iter()
                .find(|s| s.0 == code)
                .unwrap_or_else(|| panic!("{lang}: no sample in SAMPLES"));
            let data = lang.data();
            assert_eq!(data.stem(word), stem, "{lang}: the stem of {word:?}");
            assert!(
                data.is_stop_word(stop),
                "{lang}: {stop:?} is not a stop word"
            );
            assert!(!data.is_stop_word(word), "{lang}: {word:?} is a stop word");
            assert_eq!(data.split.code, code, "{lang}: splitting rules");
            match abbreviation {
                Some(a) => assert!(
                    data.split.abbreviation(a).is_some(),
                    "{lang}: {a:?} is not an abbreviation of data/segment/{code}.txt"
                ),
                None => assert!(data.split.abbreviations.is_empty(), "{lang}"),
            }
        }
    }

    #[test]
    fn every_data_file_parses() {
        let codes: Vec<&str> = SplitRules::codes().collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted, "codes are sorted and unique");
        assert_eq!(codes.len(), TABLE.len() + SPLIT_ONLY.len());
        for code in codes {
            let rules = SplitRules::for_code(code).unwrap();
            // An unknown section header would be read as an entry of the section before it.
            let entries = rules.abbreviations.keys().chain(&rules.starters);
            let entries = entries.chain(&rules.after_number);
            for entry in entries {
                assert!(!entry.starts_with('['), "data/segment/{code}.txt: {entry}");
            }
        }
    }

    #[test]
    fn table_rows_are_distinct() {
        let names: Vec<&str> = TABLE.iter().map(|r| r.name).collect();
        assert!(
            names.is_sorted(),
            "TABLE is in alphabetical order: {names:?}"
        );
        let mut whatlang: Vec<String> = TABLE
            .iter()
            .map(|r| r.whatlang)
            .chain(SPLIT_ONLY.iter().map(|r| r.whatlang))
            .flatten()
            .map(|w| w.code().to_string())
            .collect();
        let n = whatlang.len();
        whatlang.sort_unstable();
        whatlang.dedup();
        assert_eq!(whatlang.len(), n, "a whatlang id in two rows");
        for r in TABLE {
            let mut names = vec![r.code, r.name];
            names.extend(r.aliases);
            for name in names {
                assert_eq!(name.parse::<Lang>().unwrap(), r.lang, "{name}");
            }
        }
        let english = Lang::English.info().furniture.unwrap();
        assert_eq!(english.months[4], "may");
        assert_eq!(english.weekdays[0], "monday");
    }

    #[test]
    fn abbreviation_sections() {
        let en = Lang::English.data().split;
        assert_eq!(en.abbreviation("Sen"), Some(AbbrevKind::Prefix));
        assert_eq!(en.abbreviation("jan"), Some(AbbrevKind::Number));
        assert_eq!(en.abbreviation("a.m"), Some(AbbrevKind::Time));
        assert_eq!(en.abbreviation("Inc"), Some(AbbrevKind::Common));
        assert_eq!(en.abbreviation("house"), None);
        assert!(en.is_title("Sen") && en.is_title("messrs"));
        assert!(!en.is_title("Inc") && !en.is_title("Senator"));
        assert!(en.is_sentence_starter("however"));
        assert!(en.is_sentence_starter("the"));
        assert!(!en.is_sentence_starter("government"));
        assert!(SplitRules::for_code("xx").is_none());
        assert_eq!(SplitRules::for_code("ar").unwrap().terminals, [':']);
        assert_eq!(SplitRules::for_code("ar").unwrap().clause_terminals, ['،']);
        assert!(SplitRules::for_code("de").unwrap().continues_number("juni"));
    }
}
