//! Languages brief knows, and the data each one brings: its Snowball stemmer (rust-stemmers), its
//! stop words (the `stop-words` crate, NLTK lists where NLTK has the language, else ISO) and its
//! sentence-splitting rules (`data/segment/<code>.txt`, embedded at build time: abbreviations,
//! extra sentence-final characters, words that continue a sentence after a number).
//!
//! A [`Lang`] is one of the eighteen languages rust-stemmers stems. Splitting rules exist for more
//! languages than that ([`SplitRules::for_code`]), so `brief split` serves languages brief cannot
//! stem. Data is built once per process and shared.

use rustc_hash::{FxHashMap, FxHashSet};
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
        Lang::by_stop_words(text).or_else(|| reliable_language(text).and_then(Lang::from_whatlang))
    }

    /// The language whose stop words make up the sample, when they are at least a quarter of
    /// its first [`STOP_WORD_SAMPLE`] words (of 30 or more) and twice as many as any other
    /// language's: function words tell languages apart cheaply, and where they do not (Danish
    /// and Norwegian, Spanish and Portuguese) the statistical detector decides. On every text of
    /// ../shared/eval and tests/data/sbd it agrees with that detector (docs/performance.md).
    pub fn by_stop_words(text: &str) -> Option<Lang> {
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
        use whatlang::Lang as W;
        Some(match lang {
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

/// Words of a sample that [`Lang::by_stop_words`] looks at.
pub const STOP_WORD_SAMPLE: usize = 120;

/// whatlang's guess, when it calls it reliable.
fn reliable_language(text: &str) -> Option<whatlang::Lang> {
    whatlang::detect(text)
        .filter(|i| i.is_reliable())
        .map(|i| i.lang())
}

/// Detects the language of `text` as an ISO 639-1 code with splitting rules (a stemmed language
/// or one of the others brief can split), if the detector is sure.
pub fn detect_split_code(text: &str) -> Option<&'static str> {
    use whatlang::Lang as W;
    let lang = reliable_language(text)?;
    if let Some(l) = Lang::from_whatlang(lang) {
        return Some(l.code());
    }
    Some(match lang {
        W::Amh => "am",
        W::Bul => "bg",
        W::Pes => "fa",
        W::Hin => "hi",
        W::Hye => "hy",
        W::Jpn => "ja",
        W::Mar => "mr",
        W::Mya => "my",
        W::Pol => "pl",
        W::Slk => "sk",
        W::Urd => "ur",
        W::Cmn => "zh",
        _ => return None,
    })
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

/// Per-language data: stemmer, stop words and splitting rules.
pub struct LangData {
    stemmer: rust_stemmers::Stemmer,
    /// The language's sentence-splitting rules.
    pub split: &'static SplitRules,
}

impl LangData {
    fn new(lang: Lang) -> LangData {
        LangData {
            stemmer: rust_stemmers::Stemmer::create(lang.algorithm()),
            split: SplitRules::for_code(lang.code()).unwrap_or_else(SplitRules::generic),
        }
    }

    /// The Snowball stem of a lowercased word.
    pub fn stem<'a>(&self, word: &'a str) -> std::borrow::Cow<'a, str> {
        self.stemmer.stem(word)
    }

    /// Whether a lowercased word is a stop word.
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.split.is_stop_word(word)
    }
}

/// The sentence-splitting data files, by ISO 639-1 code.
const SPLIT_DATA: &[(&str, &str)] = &[
    ("am", include_str!("../data/segment/am.txt")),
    ("ar", include_str!("../data/segment/ar.txt")),
    ("bg", include_str!("../data/segment/bg.txt")),
    ("da", include_str!("../data/segment/da.txt")),
    ("de", include_str!("../data/segment/de.txt")),
    ("el", include_str!("../data/segment/el.txt")),
    ("en", include_str!("../data/segment/en.txt")),
    ("es", include_str!("../data/segment/es.txt")),
    ("fa", include_str!("../data/segment/fa.txt")),
    ("fi", include_str!("../data/segment/fi.txt")),
    ("fr", include_str!("../data/segment/fr.txt")),
    ("hi", include_str!("../data/segment/hi.txt")),
    ("hu", include_str!("../data/segment/hu.txt")),
    ("hy", include_str!("../data/segment/hy.txt")),
    ("it", include_str!("../data/segment/it.txt")),
    ("ja", include_str!("../data/segment/ja.txt")),
    ("kk", include_str!("../data/segment/kk.txt")),
    ("mr", include_str!("../data/segment/mr.txt")),
    ("my", include_str!("../data/segment/my.txt")),
    ("nl", include_str!("../data/segment/nl.txt")),
    ("no", include_str!("../data/segment/no.txt")),
    ("pl", include_str!("../data/segment/pl.txt")),
    ("pt", include_str!("../data/segment/pt.txt")),
    ("ro", include_str!("../data/segment/ro.txt")),
    ("ru", include_str!("../data/segment/ru.txt")),
    ("sk", include_str!("../data/segment/sk.txt")),
    ("sv", include_str!("../data/segment/sv.txt")),
    ("ta", include_str!("../data/segment/ta.txt")),
    ("tr", include_str!("../data/segment/tr.txt")),
    ("ur", include_str!("../data/segment/ur.txt")),
    ("zh", include_str!("../data/segment/zh.txt")),
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
    pub terminals: Vec<char>,
    /// Characters that end a sentence when more than one word follows before the next one.
    pub clause_terminals: Vec<char>,
    after_number: FxHashSet<String>,
    /// Whether "XII." before a capital is an ordinal.
    pub roman_ordinals: bool,
    /// The length in characters of the longest `[prefix]` entry, so that longer words are not
    /// looked up as titles.
    longest_title: usize,
}

impl SplitRules {
    /// The rules for an ISO 639-1 code, if brief has a data file for it.
    pub fn for_code(code: &str) -> Option<&'static SplitRules> {
        static ALL: OnceLock<Vec<SplitRules>> = OnceLock::new();
        let all = ALL.get_or_init(|| {
            SPLIT_DATA
                .iter()
                .map(|(c, src)| SplitRules::parse(c, src))
                .collect()
        });
        all.iter().find(|r| r.code == code)
    }

    /// Rules for a language brief has no data for: UAX #29 and the language-independent repairs.
    pub fn generic() -> &'static SplitRules {
        static GENERIC: OnceLock<SplitRules> = OnceLock::new();
        GENERIC.get_or_init(|| SplitRules::parse("", ""))
    }

    /// Codes with a data file.
    pub fn codes() -> impl Iterator<Item = &'static str> {
        SPLIT_DATA.iter().map(|(c, _)| *c)
    }

    fn parse(code: &'static str, src: &str) -> SplitRules {
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
            stop_words: stop_words::lookup(code)
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
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.stop_words.contains(word)
    }

    /// Whether a lowercased word commonly starts a sentence: a stop word, or a `[starters]` word.
    pub fn is_sentence_starter(&self, word: &str) -> bool {
        self.is_stop_word(word) || self.starters.contains(word)
    }

    /// Whether a lowercased word continues a sentence after "12." (an ordinal).
    pub fn continues_number(&self, word: &str) -> bool {
        self.after_number.contains(word)
    }

    /// How the abbreviation `word` (without its final period, any case) behaves, if it is one.
    pub fn abbreviation(&self, word: &str) -> Option<AbbrevKind> {
        if let Some(k) = self.abbreviations.get(word) {
            return Some(*k);
        }
        self.abbreviations.get(&word.to_lowercase()).copied()
    }

    /// Whether `word` (without its final period, any case) is a title that stands before a name
    /// (`[prefix]`: "Sen", "Mr").
    pub fn is_title(&self, word: &str) -> bool {
        word.chars().nth(self.longest_title).is_none()
            && self.abbreviation(word) == Some(AbbrevKind::Prefix)
    }
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
