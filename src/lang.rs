//! Languages brief knows, and the data each one brings: its Snowball stemmer (rust-stemmers), its
//! stop words (the `stop-words` crate, NLTK lists) and its abbreviation list for the sentence
//! splitter (`data/abbreviations/<code>.txt`, embedded at build time).
//!
//! A language is one of the eighteen that rust-stemmers stems. Per-language data is built once per
//! process and shared ([`Lang::data`]).

use std::collections::HashSet;
use std::fmt;
use std::sync::OnceLock;

use crate::error::{Error, Result};

/// A language with a Snowball stemmer.
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

/// The `--language` option: one language for every article, or detection per article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LanguageChoice {
    /// Detect each article's language, falling back to English when unsure.
    #[default]
    Auto,
    /// Use this language for every article (front matter `language:` still wins).
    Fixed(Lang),
}

impl LanguageChoice {
    /// Parses `auto`, a language name (`english`) or an ISO 639-1 code (`en`).
    pub fn parse(s: &str) -> Result<LanguageChoice> {
        if s.eq_ignore_ascii_case("auto") {
            return Ok(LanguageChoice::Auto);
        }
        Lang::parse(s).map(LanguageChoice::Fixed)
    }
}

impl Lang {
    /// Every language, in alphabetical order.
    pub const ALL: [Lang; 18] = [
        Lang::Arabic,
        Lang::Danish,
        Lang::Dutch,
        Lang::English,
        Lang::Finnish,
        Lang::French,
        Lang::German,
        Lang::Greek,
        Lang::Hungarian,
        Lang::Italian,
        Lang::Norwegian,
        Lang::Portuguese,
        Lang::Romanian,
        Lang::Russian,
        Lang::Spanish,
        Lang::Swedish,
        Lang::Tamil,
        Lang::Turkish,
    ];

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Arabic => "ar",
            Lang::Danish => "da",
            Lang::Dutch => "nl",
            Lang::English => "en",
            Lang::Finnish => "fi",
            Lang::French => "fr",
            Lang::German => "de",
            Lang::Greek => "el",
            Lang::Hungarian => "hu",
            Lang::Italian => "it",
            Lang::Norwegian => "no",
            Lang::Portuguese => "pt",
            Lang::Romanian => "ro",
            Lang::Russian => "ru",
            Lang::Spanish => "es",
            Lang::Swedish => "sv",
            Lang::Tamil => "ta",
            Lang::Turkish => "tr",
        }
    }

    /// English name, lowercase.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Arabic => "arabic",
            Lang::Danish => "danish",
            Lang::Dutch => "dutch",
            Lang::English => "english",
            Lang::Finnish => "finnish",
            Lang::French => "french",
            Lang::German => "german",
            Lang::Greek => "greek",
            Lang::Hungarian => "hungarian",
            Lang::Italian => "italian",
            Lang::Norwegian => "norwegian",
            Lang::Portuguese => "portuguese",
            Lang::Romanian => "romanian",
            Lang::Russian => "russian",
            Lang::Spanish => "spanish",
            Lang::Swedish => "swedish",
            Lang::Tamil => "tamil",
            Lang::Turkish => "turkish",
        }
    }

    /// Parses a name (`german`) or an ISO 639-1 code (`de`), case-insensitively. `nb` and `nn`
    /// are accepted for Norwegian.
    pub fn parse(s: &str) -> Result<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let s = match s.as_str() {
            "nb" | "nn" | "bokmal" | "bokmål" | "nynorsk" => "no",
            other => other,
        };
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == s || l.name() == s)
            .ok_or_else(|| Error::UnknownLanguage(s.to_string()))
    }

    fn algorithm(self) -> rust_stemmers::Algorithm {
        use rust_stemmers::Algorithm as A;
        match self {
            Lang::Arabic => A::Arabic,
            Lang::Danish => A::Danish,
            Lang::Dutch => A::Dutch,
            Lang::English => A::English,
            Lang::Finnish => A::Finnish,
            Lang::French => A::French,
            Lang::German => A::German,
            Lang::Greek => A::Greek,
            Lang::Hungarian => A::Hungarian,
            Lang::Italian => A::Italian,
            Lang::Norwegian => A::Norwegian,
            Lang::Portuguese => A::Portuguese,
            Lang::Romanian => A::Romanian,
            Lang::Russian => A::Russian,
            Lang::Spanish => A::Spanish,
            Lang::Swedish => A::Swedish,
            Lang::Tamil => A::Tamil,
            Lang::Turkish => A::Turkish,
        }
    }

    fn abbreviation_source(self) -> &'static str {
        macro_rules! data {
            ($code:literal) => {
                include_str!(concat!("../data/abbreviations/", $code, ".txt"))
            };
        }
        match self {
            Lang::English => data!("en"),
            Lang::German => data!("de"),
            Lang::French => data!("fr"),
            Lang::Spanish => data!("es"),
            Lang::Italian => data!("it"),
            Lang::Dutch => data!("nl"),
            Lang::Danish => data!("da"),
            Lang::Russian => data!("ru"),
            Lang::Greek => data!("el"),
            Lang::Arabic => data!("ar"),
            Lang::Portuguese => data!("pt"),
            Lang::Swedish => data!("sv"),
            Lang::Norwegian => data!("no"),
            Lang::Finnish => data!("fi"),
            Lang::Hungarian => data!("hu"),
            Lang::Romanian => data!("ro"),
            Lang::Turkish => data!("tr"),
            Lang::Tamil => data!("ta"),
        }
    }

    /// The language's shared data, built on first use.
    pub fn data(self) -> &'static LangData {
        static CELLS: [OnceLock<LangData>; 18] = [const { OnceLock::new() }; 18];
        let i = Lang::ALL
            .iter()
            .position(|&l| l == self)
            .expect("every Lang is in ALL");
        CELLS[i].get_or_init(|| LangData::new(self))
    }
}

impl Lang {
    /// Detects the language of `text` with whatlang. `None` when the detector is unsure or the
    /// language has no stemmer here.
    pub fn detect(text: &str) -> Option<Lang> {
        use whatlang::Lang as W;
        let info = whatlang::detect(text)?;
        if !info.is_reliable() {
            return None;
        }
        Some(match info.lang() {
            W::Ara => Lang::Arabic,
            W::Dan => Lang::Danish,
            W::Nld => Lang::Dutch,
            W::Eng => Lang::English,
            W::Fin => Lang::Finnish,
            W::Fra => Lang::French,
            W::Deu => Lang::German,
            W::Ell => Lang::Greek,
            W::Hun => Lang::Hungarian,
            W::Ita => Lang::Italian,
            W::Nob => Lang::Norwegian,
            W::Por => Lang::Portuguese,
            W::Ron => Lang::Romanian,
            W::Rus => Lang::Russian,
            W::Spa => Lang::Spanish,
            W::Swe => Lang::Swedish,
            W::Tam => Lang::Tamil,
            W::Tur => Lang::Turkish,
            _ => return None,
        })
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
pub enum AbbrevKind {
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

/// Per-language data: stemmer, stop words and abbreviations.
pub struct LangData {
    pub lang: Lang,
    stemmer: rust_stemmers::Stemmer,
    stop_words: HashSet<&'static str>,
    abbreviations: std::collections::HashMap<String, AbbrevKind>,
    starters: HashSet<String>,
}

impl LangData {
    fn new(lang: Lang) -> LangData {
        let stop_words = stop_words::lookup(lang.code())
            .unwrap_or(&[])
            .iter()
            .copied()
            .collect();
        let (abbreviations, starters) = parse_abbreviations(lang.abbreviation_source());
        LangData {
            lang,
            stemmer: rust_stemmers::Stemmer::create(lang.algorithm()),
            stop_words,
            abbreviations,
            starters,
        }
    }

    /// The Snowball stem of a lowercased word.
    pub fn stem<'a>(&self, word: &'a str) -> std::borrow::Cow<'a, str> {
        self.stemmer.stem(word)
    }

    /// Whether a lowercased word is a stop word.
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.stop_words.contains(word)
    }

    /// Whether a lowercased word commonly starts a sentence: a stop word, or a word of the
    /// abbreviation file's `[starters]` section.
    pub fn is_sentence_starter(&self, word: &str) -> bool {
        self.is_stop_word(word) || self.starters.contains(word)
    }

    /// How the abbreviation `word` (without its final period, any case) behaves, if it is one.
    pub fn abbreviation(&self, word: &str) -> Option<AbbrevKind> {
        if let Some(k) = self.abbreviations.get(word) {
            return Some(*k);
        }
        let lower = word.to_lowercase();
        self.abbreviations.get(&lower).copied()
    }
}

type AbbreviationTable = (
    std::collections::HashMap<String, AbbrevKind>,
    HashSet<String>,
);

/// Parses an abbreviation file: `[prefix]`, `[number]`, `[time]` and `[common]` sections of one
/// abbreviation per line, without the final period, and a `[starters]` section of words that
/// often begin a sentence; `#` starts a comment. Entries are matched case-insensitively.
fn parse_abbreviations(src: &str) -> AbbreviationTable {
    let mut abbreviations = std::collections::HashMap::new();
    let mut starters = HashSet::new();
    let mut kind = Some(AbbrevKind::Common);
    for line in src.lines() {
        let line = line.split(" #").next().unwrap_or("").trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        kind = match line {
            "[prefix]" => Some(AbbrevKind::Prefix),
            "[number]" => Some(AbbrevKind::Number),
            "[time]" => Some(AbbrevKind::Time),
            "[common]" => Some(AbbrevKind::Common),
            "[starters]" => None,
            word => {
                let word = word.trim_end_matches('.').to_lowercase();
                match kind {
                    Some(k) => abbreviations.insert(word, k),
                    None => starters.insert(word).then_some(AbbrevKind::Common),
                };
                continue;
            }
        };
    }
    (abbreviations, starters)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_codes() {
        assert_eq!(Lang::parse("en").unwrap(), Lang::English);
        assert_eq!(Lang::parse("German").unwrap(), Lang::German);
        assert_eq!(Lang::parse("nb").unwrap(), Lang::Norwegian);
        assert!(matches!(
            Lang::parse("klingon"),
            Err(Error::UnknownLanguage(_))
        ));
        assert_eq!(LanguageChoice::parse("AUTO").unwrap(), LanguageChoice::Auto);
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

    #[test]
    fn every_language_has_data() {
        for lang in Lang::ALL {
            let data = lang.data();
            assert!(!data.stem("words").is_empty(), "{lang}");
        }
        assert!(Lang::English.data().is_stop_word("the"));
        assert_eq!(Lang::English.data().stem("running"), "run");
    }

    #[test]
    fn abbreviation_sections() {
        let en = Lang::English.data();
        assert_eq!(en.abbreviation("Sen"), Some(AbbrevKind::Prefix));
        assert_eq!(en.abbreviation("jan"), Some(AbbrevKind::Number));
        assert_eq!(en.abbreviation("a.m"), Some(AbbrevKind::Time));
        assert_eq!(en.abbreviation("Inc"), Some(AbbrevKind::Common));
        assert_eq!(en.abbreviation("house"), None);
        assert!(en.is_sentence_starter("however"));
        assert!(en.is_sentence_starter("the"));
        assert!(!en.is_sentence_starter("government"));
    }
}
