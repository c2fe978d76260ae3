//! Direct quotations and who said them, for English news text (other languages' quote marks and
//! reporting verbs are not handled). This module owns three things:
//!
//! - **quote marks**: curly “…” and straight "…" double quotes, and single ‘…’ and '…' used as
//!   quote marks, told apart from apostrophes ("Russia’s", "players’ union"); a quote that
//!   reopens before it closed ("… anything more. ‘And I …") continues in a new paragraph whose
//!   break was lost, unless the mark follows a comma or colon, when it opens a nested quote;
//! - **attribution**: the reporting clause after a quote (`"…," Peskov said`, `"…," said Peskov`,
//!   `"…" he told reporters`, `"…," according to the Kremlin`) or before it (`Peskov said: "…"`,
//!   `said that "…"`, `adding: "…"`, `he will say`, `described by X as "…"`), a quote broken by
//!   its attribution (`"We will win," he said, "and soon."`), a quote continued into the next
//!   paragraph, and quotes that follow an attributed one or a sentence about a named person with
//!   no attribution of their own;
//! - **speakers**: titles dropped ("President Vladimir Putin" is "Vladimir Putin"), surnames
//!   expanded to the fullest form the article gives ("Peskov" is "Dmitry Peskov", a nickname in
//!   quote marks inside a name is the name), organisations kept ("the Kremlin said" is
//!   "Kremlin"); "he", "she" and descriptions ("the singer said") resolved to the subject of the
//!   latest sentence that has one, when that is a named person at most three sentences back. A
//!   sentence's subject is the subject of its reporting verb (`…, producer Kevin Sullivan said`),
//!   else its first subject; somebody unnamed who speaks ("his mother said") stops the search,
//!   somebody unnamed doing anything else ("the meeting was held") does not.
//!
//! Precision comes before recall: when a speaker cannot be named safely ("a spokesman said",
//! "they said", a pronoun with nobody named nearby) it is `None`. Only quotations of at least four
//! words count: shorter quoted phrases are scare quotes or titles, and so are quoted words in
//! title case. No input makes it panic, and the work stays linear in the text's length.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// A direct quotation and who said it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Index of the paragraph it starts in.
    pub paragraph: usize,
    /// Byte range of the quoted words (without the quote marks) in that paragraph; when a quote is
    /// broken by an attribution ("We will win," he said, "and soon.") the range covers the first
    /// part only and `text` joins the parts. A trailing comma is left out, as in `text`.
    pub range: Range<usize>,
    /// The quoted words, parts joined with " … " when interrupted by the attribution. Trailing
    /// comma inside the quote removed.
    pub text: String,
    /// The speaker as written in the article in its fullest known form ("Dmitry Peskov"), or None
    /// when nobody can be named safely.
    pub speaker: Option<String>,
}

/// Fewest words a quotation needs: shorter quoted phrases are scare quotes or titles.
const MIN_WORDS: usize = 4;

/// Most words between a quote and the reporting verb after it (`"…," Kremlin spokesman Dmitry
/// Peskov told reporters`); farther away, the verb belongs to another clause.
const AFTER_REACH: usize = 12;

/// Most tokens looked at before a quote for its reporting verb, which bounds the work on
/// pathological sentences.
const BEFORE_REACH: usize = 80;

/// Most words in an appositive between a subject and its verb (`Peskov, the Kremlin's
/// spokesman, said`).
const APPOSITIVE_REACH: usize = 16;

/// Most words between an attributed quote and the next one for the next to inherit its speaker
/// (`"…," he said. "…"`): about one short attribution sentence.
const FOLLOW_REACH: usize = 12;

/// Most times a paragraph's quote marks are scanned again from a possessive-looking mark.
const MAX_RESCANS: usize = 8;

/// Most sentences between "he" or "she" and the sentence naming the person it refers to.
const PRONOUN_REACH: usize = 3;

/// A word list the extractor asks about tokens, compared in lower case. Which lists a token is in
/// is looked up once, when its paragraph is tokenised ([`Facts::lists`], a bit per list), because
/// the same token is asked about many times: scanning the lists at every question and lowering
/// the token each time was most of the extractor's work.
#[derive(Clone, Copy)]
struct Words {
    /// The list's bit in [`Facts::lists`].
    bit: u32,
    words: &'static [&'static str],
}

impl Words {
    const fn new(index: u32, words: &'static [&'static str]) -> Words {
        Words {
            bit: 1 << index,
            words,
        }
    }
}

/// Every [`Words`] list, each with its own bit.
const ALL_LISTS: [Words; 21] = [
    REPORTING,
    PLAIN_REPORTING,
    SENTENCE_ADVERBS,
    MODALS,
    PARTICIPLES,
    ROLE_NOUNS,
    DETERMINERS,
    PREPOSITIONS,
    NOT_AFTER_SUBJECT,
    AUXILIARIES,
    IRREGULAR_VERBS,
    TITLES,
    HONORIFICS,
    DEPARTMENTS,
    DESCRIPTORS,
    PARTICLES,
    ABBREVIATIONS,
    ORGANISATION_WORDS,
    PLACE_PREFIXES,
    FUNCTION_WORDS,
    COMMON_SUBJECTS,
];

/// The lists ([`Words::bit`]s) each word of [`ALL_LISTS`] is in.
static LISTS_OF: LazyLock<FxHashMap<&'static str, u32>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, u32> = FxHashMap::default();
    for list in ALL_LISTS {
        for &w in list.words {
            *map.entry(w).or_default() |= list.bit;
        }
    }
    map
});

/// The lists ([`Words::bit`]s) a word in lower case is in.
fn lists_of(lower: &str) -> u32 {
    LISTS_OF.get(lower).copied().unwrap_or(0)
}

/// What [`Para::is_word`] asks about: a [`Words`] list (a bit test) or a few words written out at
/// the question (`&["he", "she"]`).
trait WordSet {
    fn holds(self, para: &Para, i: usize) -> bool;
}

impl WordSet for Words {
    fn holds(self, para: &Para, i: usize) -> bool {
        para.in_list(i, self)
    }
}

impl<const N: usize> WordSet for &[&str; N] {
    // Inlined, the words written out are constants: the test is a few compares.
    #[inline(always)]
    fn holds(self, para: &Para, i: usize) -> bool {
        // Length and first byte, known for the words written out, rule out most tokens before
        // any comparison of the text.
        let w = para.lower(i).as_bytes();
        self.iter()
            .any(|x| x.len() == w.len() && x.as_bytes().first() == w.first() && x.as_bytes() == w)
    }
}

/// Finite reporting verbs: a subject before them or a name right after them is a speaker.
#[rustfmt::skip]
const REPORTING: Words = Words::new(0, &[
    "said", "says", "added", "adds", "told", "tells", "stated", "states", "warned", "warns",
    "insisted", "insists", "explained", "explains", "noted", "notes", "wrote", "writes", "tweeted",
    "tweets", "asked", "asks", "replied", "replies", "declared", "declares", "claimed", "claims",
    "argued", "argues", "urged", "urges", "confirmed", "confirms", "continued", "continues",
    "recalled", "recalls", "admitted", "admits", "acknowledged", "acknowledges", "announced",
    "announces", "suggested", "suggests", "stressed", "stresses", "emphasised", "emphasises",
    "emphasized", "emphasizes", "remarked", "remarks", "commented", "comments", "responded",
    "responds", "posted", "posts", "exclaimed", "shouted", "joked", "jokes", "conceded", "concedes",
    "revealed", "reveals", "observed", "observes", "predicted", "predicts", "cautioned", "cautions",
    "vowed", "vows", "promised", "promises", "maintained", "maintains", "contended", "contends",
    "countered", "counters", "complained", "complains", "lamented", "laments", "boasted", "boasts",
    "quipped", "quips", "whispered", "yelled", "screamed", "cried", "wondered", "wonders",
    "pleaded", "pleads", "concluded", "concludes", "reiterated", "reiterates", "repeated",
    "repeats", "demanded", "demands", "assured", "assures", "answered", "answers", "mused",
    "sighed", "laughed", "recounted", "recounts", "testified", "described", "describes", "called",
    "calls", "messaged", "texted", "read", "reads", "labeled", "labelled", "branded", "dubbed",
    "pointed", "points", "believes", "believed", "thinks", "hopes", "hoped", "fears", "feared",
]);

/// Plain forms of reporting verbs, which report after a modal (`he will say`, `she would add`).
#[rustfmt::skip]
const PLAIN_REPORTING: Words = Words::new(1, &[
    "say", "tell", "add", "argue", "warn", "insist", "acknowledge", "claim", "urge", "announce",
    "declare", "stress", "explain", "note", "write", "ask", "reply", "admit", "suggest", "confirm",
    "promise", "vow", "describe", "call", "point", "reveal", "concede", "predict",
]);

/// Adverbs set off by commas between a subject and its verb (`He did, however, admit`).
#[rustfmt::skip]
const SENTENCE_ADVERBS: Words = Words::new(2, &[
    "however", "though", "meanwhile", "therefore", "too", "also", "moreover", "nevertheless",
    "instead", "later", "then", "again",
]);

/// Modals before a plain reporting verb.
#[rustfmt::skip]
const MODALS: Words = Words::new(3, &[
    "will", "would", "shall", "should", "may", "might", "could", "can", "must", "did", "does", "do",
]);

/// Participles of reporting verbs: their subject is the sentence's (`Peskov spoke, adding: "…"`).
#[rustfmt::skip]
const PARTICIPLES: Words = Words::new(4, &[
    "saying", "adding", "noting", "telling", "warning", "insisting", "stating", "explaining",
    "writing", "arguing", "claiming", "declaring", "urging", "asking", "replying", "tweeting",
    "posting", "stressing", "emphasising", "emphasizing", "calling", "describing", "quipping",
    "joking", "admitting", "conceding", "vowing", "promising", "reiterating", "concluding",
    "announcing", "labelling", "labeling", "branding",
]);

/// Nouns for people that, after "the", describe somebody named before (`the singer said`).
#[rustfmt::skip]
const ROLE_NOUNS: Words = Words::new(5, &[
    "man", "woman", "singer", "actor", "actress", "comedian", "writer", "author", "novelist",
    "politician", "businessman", "businesswoman", "musician", "rapper", "player", "footballer",
    "forward", "entrepreneur", "mogul", "veteran", "star", "pensioner", "teenager", "director",
    "producer", "presenter", "broadcaster", "teacher", "artist", "designer", "scientist",
    "researcher", "doctor", "nurse", "chef", "athlete", "campaigner", "activist", "lawmaker",
    "official",
]);

/// Words that may start a subject after a quote (`"…," one fan tweeted`).
#[rustfmt::skip]
const DETERMINERS: Words = Words::new(6, &[
    "a", "an", "the", "his", "her", "their", "its", "our", "my", "one", "two", "three", "some",
    "many", "several", "another", "this", "these", "those", "each", "every",
]);

/// Prepositions: a name after one is not the subject (`a spokesman for the Kremlin said`).
#[rustfmt::skip]
const PREPOSITIONS: Words = Words::new(7, &[
    "of", "for", "at", "from", "with", "in", "on", "by", "to", "about", "into", "over", "after",
    "before", "since", "during", "against", "between", "under", "per", "via", "like", "unlike",
    "among", "amid", "despite", "following", "including", "without", "within", "behind", "towards",
    "toward", "than", "near",
]);

/// Words after a name that show it is not a subject (`Putin and Zelensky`, `Ozzy who`).
#[rustfmt::skip]
const NOT_AFTER_SUBJECT: Words = Words::new(8, &[
    "and", "or", "nor", "but", "who", "which", "that", "whose", "whom", "as", "if", "when", "while",
    "where", "because", "so", "yet", "the", "a", "an", "his", "her", "their", "its",
]);

/// Words that may stand between a subject and its verb (`Peskov has also said`).
#[rustfmt::skip]
const AUXILIARIES: Words = Words::new(9, &[
    "has", "had", "have", "is", "was", "were", "are", "will", "would", "could", "can", "did",
    "does", "may", "might", "must", "should", "shall", "also", "later", "then", "previously",
    "once", "further", "reportedly", "recently", "earlier", "again", "already", "never", "still",
    "often", "today", "yesterday", "tonight", "simply", "just", "even", "himself", "herself",
]);

/// Irregular past tenses that show a preceding name is a sentence's subject (`Putin met Trump`).
#[rustfmt::skip]
const IRREGULAR_VERBS: Words = Words::new(10, &[
    "met", "made", "took", "gave", "went", "came", "spoke", "thought", "knew", "saw", "got", "left",
    "held", "led", "won", "lost", "sent", "put", "set", "ran", "began", "became", "hit", "cut",
    "kept", "found", "brought", "bought", "felt", "meant", "paid", "stood", "understood", "built",
    "wants", "hopes", "believes", "thinks", "feels",
]);

/// Titles and roles dropped before a name ("President Vladimir Putin", "Mr Peskov"), compared in
/// lower case without a final full stop.
#[rustfmt::skip]
const TITLES: Words = Words::new(11, &[
    "president", "vice", "prime", "minister", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "chancellor", "senator", "sen", "rep", "representative", "congressman",
    "congresswoman", "gov", "governor", "mayor", "mr", "mrs", "ms", "miss", "mx", "dr", "doctor",
    "prof", "professor", "gen", "general", "col", "colonel", "lt", "lieutenant", "sgt", "sergeant",
    "capt", "captain", "cmdr", "commander", "adm", "admiral", "maj", "chairman", "chairwoman",
    "chair", "ceo", "director", "judge", "justice", "ambassador", "commissioner", "chief", "coach",
    "manager", "boss", "king", "queen", "prince", "princess", "pope", "rev", "reverend", "father",
    "dame", "deputy", "officer", "detective", "det", "inspector", "supt", "superintendent",
    "constable", "pc", "speaker", "leader", "premier", "sheriff", "attorney", "envoy", "adviser",
    "advisor", "aide", "executive", "founder", "sheikh", "ayatollah", "emir", "archbishop",
    "bishop", "cardinal", "rabbi", "imam", "dean", "star", "striker", "midfielder", "defender",
    "goalkeeper", "skipper", "winger", "veteran", "head", "md", "cfo", "coo", "mp", "mep", "msp",
    "am", "president-elect", "ex-president", "former", "presenter", "host",
]);

/// Honorifics that are part of a name as written ("Sir John Bourn", "Lord Strathclyde"): kept.
const HONORIFICS: Words = Words::new(12, &["sir", "lord", "lady", "baroness", "baron", "dame"]);

/// Government departments that follow "Secretary of" and are left when that stops a name
/// ("Secretary of State Marco Rubio").
#[rustfmt::skip]
const DEPARTMENTS: Words = Words::new(13, &[
    "state", "defence", "defense", "foreign", "affairs", "treasury", "justice", "health",
    "interior", "homeland", "security", "energy", "commerce", "education", "labor", "labour",
    "transport", "agriculture", "finance", "trade", "culture", "environment", "economy",
]);

/// Lower-case words allowed in a name after an inverted verb (`said Kremlin spokesman Dmitry
/// Peskov`, `said Russia's foreign minister Sergei Lavrov`).
#[rustfmt::skip]
const DESCRIPTORS: Words = Words::new(14, &[
    "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "president", "chief",
    "leader", "director", "official", "ambassador", "adviser", "advisor", "aide", "chairman",
    "chairwoman", "commander", "coach", "manager", "boss", "star", "actor", "actress", "singer",
    "player", "striker", "midfielder", "defender", "goalkeeper", "captain", "founder", "executive",
    "analyst", "expert", "professor", "lawyer", "attorney", "prosecutor", "judge", "senator",
    "governor", "mayor", "general", "officer", "head", "envoy", "negotiator", "deputy", "vice",
    "foreign", "prime", "former", "press", "state", "defence", "defense", "senior", "top", "the",
    "of", "economist", "chancellor", "secretary-general", "presenter", "host", "author", "editor",
    "comedian", "director-general", "owner", "partner", "mp", "campaigner",
]);

/// Particles inside names ("Faisal bin Farhan", "Ursula von der Leyen").
#[rustfmt::skip]
const PARTICLES: Words = Words::new(15, &[
    "bin", "al", "de", "da", "van", "von", "der", "den", "la", "le", "du", "dos", "di", "ibn", "el",
    "del", "ben", "abu", "st",
]);

/// Abbreviations whose full stop does not end a sentence.
#[rustfmt::skip]
const ABBREVIATIONS: Words = Words::new(16, &[
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "prof",
    "jr", "sr", "rev", "no", "vs", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "aug",
    "sept", "sep", "oct", "nov", "dec", "mt", "ft", "maj", "adm", "cmdr", "supt", "insp", "det",
    "hon", "messrs", "pres", "gov", "approx", "est", "dept", "univ",
]);

/// Words in names of bodies and places: such a name is not a person (no "he" refers to it).
#[rustfmt::skip]
const ORGANISATION_WORDS: Words = Words::new(17, &[
    "kremlin", "house", "ministry", "office", "department", "party", "council", "committee",
    "commission", "agency", "court", "police", "army", "forces", "force", "government", "bank",
    "group", "club", "university", "college", "school", "hospital", "times", "news", "post",
    "journal", "street", "palace", "church", "association", "federation", "league", "company",
    "corporation", "inc", "ltd", "institute", "center", "centre", "service", "services",
    "authority", "organisation", "organization", "nations", "assembly", "parliament", "congress",
    "senate", "pentagon", "airways", "airlines", "fc", "united", "city", "rovers", "athletic",
    "county", "union", "republic", "kingdom", "states", "navy", "guard", "command", "board",
    "foundation", "fund", "trust", "network", "media", "press", "television", "tv", "radio",
    "daily", "herald", "telegraph", "mail", "guardian", "reuters", "bureau", "administration",
    "cabinet", "square", "hall", "avenue", "road", "airport", "station", "stadium", "park", "hotel",
    "museum", "prison", "embassy", "mission", "region", "province", "state", "island", "islands",
    "river", "sea", "ocean", "valley", "highway", "bridge", "tower", "games", "cup", "championship",
    "olympics", "festival", "day", "week", "motors", "industries", "energy", "oil", "gas",
    "holdings", "partners", "capital", "studios", "pictures", "records", "entertainment", "sports",
    "channel", "council", "commons", "lords", "bill", "act", "treaty", "agreement", "review",
    "report", "plc", "group", "index", "office", "exchange", "market", "markets", "securities",
    "motor", "telecom", "telecoms", "online", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "budget", "programme", "show",
    "awards", "prize", "party's",
]);

/// First words of place names made of capitalised words ("Saudi Arabia", "New York").
#[rustfmt::skip]
const PLACE_PREFIXES: Words = Words::new(18, &[
    "new", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "san", "santa", "los", "las", "saint", "st", "hong", "sri", "costa", "puerto",
    "saudi", "great", "middle", "upper", "lower", "united", "sierra", "buenos", "rio", "tel",
    "kuala", "port", "cape", "mount", "lake", "fort", "downing", "white", "wall",
]);

/// Function and time words dropped from the start of a run of capitalised words ("But Peskov",
/// "On Tuesday Putin").
#[rustfmt::skip]
const FUNCTION_WORDS: Words = Words::new(19, &[
    "the", "a", "an", "but", "and", "or", "so", "yet", "then", "however", "meanwhile", "in", "on",
    "at", "after", "before", "when", "while", "if", "as", "although", "though", "despite", "for",
    "with", "without", "from", "by", "to", "of", "this", "that", "these", "those", "it", "its",
    "there", "here", "we", "i", "you", "our", "my", "his", "her", "their", "also", "still", "now",
    "instead", "speaking", "asked", "earlier", "later", "last", "next", "according", "since",
    "during", "until", "under", "over", "about", "like", "unlike", "both", "all", "some", "many",
    "most", "other", "another", "each", "every", "no", "not", "only", "even", "just", "why", "what",
    "who", "how", "where", "which", "whose", "whom", "indeed", "moreover", "further", "thus",
    "therefore", "once", "among", "amid", "following", "including", "said", "says", "today",
    "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "mrs", "dear", "writing", "read", "more", "photo", "picture",
    "video", "watch", "click", "pictured", "above", "below", "left", "right", "top", "bottom",
    "inset", "main", "caption", "scroll", "down", "see", "reporting", "he", "she", "they", "them",
    "him", "one", "two", "three",
]);

/// Capitalised words at a sentence's start that are common nouns, not names ("Police said").
#[rustfmt::skip]
const COMMON_SUBJECTS: Words = Words::new(20, &[
    "police", "officials", "authorities", "investigators", "prosecutors", "analysts", "experts",
    "critics", "sources", "residents", "witnesses", "researchers", "scientists", "doctors",
    "officers", "troops", "protesters", "fans", "supporters", "campaigners", "ministers", "mps",
    "peers", "insiders", "observers", "economists", "traders", "lawyers", "parents", "students",
    "teachers", "neighbours", "neighbors", "friends", "relatives", "others", "people", "many",
    "some", "both", "diplomats", "reports",
]);

/// Words after which a straight or curly single quote is an elision, not a quote mark
/// ('em, 'n', 'til, '90s).
#[rustfmt::skip]
const ELISIONS: &[&str] = &[
    "em", "n", "s", "tis", "twas", "til", "cause", "round", "bout", "ve", "ll", "re", "d", "m", "t",
    "nuff", "cos",
];

/// Which kind of quote mark opened a quote: only the same kind closes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    /// “…”
    Curly,
    /// "…"
    Straight,
    /// ‘…’
    CurlySingle,
    /// '…'
    StraightSingle,
}

/// A stretch of quoted text in one paragraph.
#[derive(Clone, Debug)]
struct Span {
    /// Byte offset of the opening mark.
    open: usize,
    /// Just after the opening mark.
    start: usize,
    /// End of the quoted words: the closing mark, or where an unclosed quote stops.
    end: usize,
    /// Just after the closing mark, when there is one.
    close: Option<usize>,
}

impl Span {
    /// Where the text after the quote starts.
    fn after(&self) -> usize {
        self.close.unwrap_or(self.end)
    }
}

/// A word or a punctuation character.
#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    word: bool,
    /// The first character: a punctuation token's only one, so that [`Para::is_punct`] is a
    /// compare, not a look at the text.
    first: char,
    /// Every character is ASCII: the token lowers in place ([`Para::new`]).
    ascii: bool,
}

/// What the extractor asks about a token, worked out once when its paragraph is tokenised: the
/// same token is asked about many times (each quote's attribution, each sentence's subject).
#[derive(Clone, Copy, Debug)]
struct Facts {
    /// Where the token in lower case (as `str::to_lowercase` writes it) lies in [`Para::lower`].
    lower: (usize, usize),
    /// The [`Words`] lists its lower-case form is in, a bit each (none for punctuation).
    lists: u32,
    /// A capitalised word ([`capitalised`]).
    capitalised: bool,
    /// A word that starts with a lower-case letter.
    lower_case: bool,
    /// [`Para::ends_sentence`].
    ends_sentence: bool,
}

/// One paragraph, tokenised, with its quotes and sentences.
struct Para<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    /// For each token, what is known about it.
    facts: Vec<Facts>,
    /// The text in ASCII lower case, followed by the lower-case forms of the tokens with other
    /// characters ([`Facts::lower`]).
    lower: String,
    spans: Vec<Span>,
    /// For each span, whether it stops a look back for the start of a clause: it is unclosed or
    /// holds [`MIN_WORDS`] words or more (see [`Para::clause_start`]).
    stops_clause: Vec<bool>,
    /// For each token, the span it lies in (marks included).
    quoted: Vec<Option<usize>>,
    /// For each token, the index of its sentence; sentences end outside quotes, or at a quote
    /// that ends a sentence.
    sentence: Vec<usize>,
}

/// How a quote is attributed.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Who<'a> {
    /// A name as written, with titles dropped.
    Named(Name<'a>),
    /// "he" or "she".
    Pronoun,
    /// A definite description of a person ("the Tory leader", "the 32-year-old").
    Description,
    /// A reporting clause whose speaker cannot be named ("a spokesman said", "they said").
    Unnamed,
}

/// A name as written in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Name<'a> {
    text: &'a str,
    /// Whether it names a person ("he" or "she" may refer to it), not a body or place.
    person: bool,
}

/// A position in the article: paragraph, byte.
type Pos = (usize, usize);

/// An attribution found in the text.
#[derive(Clone, Debug)]
struct Found<'a> {
    who: Who<'a>,
    /// Where the subject or pronoun stands.
    at: Pos,
}

/// A quotation being assembled: its parts (spans of one paragraph) and its attribution.
#[derive(Clone, Debug)]
struct Item<'a> {
    para: usize,
    parts: Vec<usize>,
    /// The range of the first part's words, and the parts' words joined.
    range: Range<usize>,
    text: String,
    /// It is a quotation: four words or more, and not a title.
    quotation: bool,
    found: Option<Found<'a>>,
    /// It continues the previous item, an unclosed quote.
    continues: bool,
    speaker: Option<String>,
}

/// The subject of a sentence, for the "he" or "she" in a later one: a person, or somebody else
/// (a body, a description such as "his mother"), whom the pronoun may mean as well.
#[derive(Clone, Debug)]
struct Subject {
    at: Pos,
    /// The sentence's index in the article.
    sentence: usize,
    /// The person's fullest name, or None for anybody else.
    person: Option<String>,
    /// The subject is "he", "she" or a description ("the singer"), resolved in turn.
    anaphor: bool,
}

/// What the whole article tells about words and names.
#[derive(Default)]
struct Context<'p> {
    /// Words that appear in lower case somewhere: capitalised at a sentence's start, they are not
    /// names ([`lower_case_words`]).
    common: FxHashSet<&'p str>,
    /// People's full names (two or more words) by their first and by their last word in lower
    /// case ("peskov", "dmitry"): where each stands, in article order, a name repeated in a row
    /// kept once.
    full: FxHashMap<String, Vec<(Pos, String)>>,
    /// Nicknames written in quote marks inside a name (Lee 'Uncle Poodle' Thompson), in lower
    /// case, with the name.
    nicknames: FxHashMap<String, String>,
    /// Index of each paragraph's first sentence in the article.
    sentence_base: Vec<usize>,
}

/// The quotations of one article, given its paragraphs in order (plain text, one string per
/// paragraph).
pub fn extract(paragraphs: &[&str]) -> Vec<Quote> {
    let spans: Vec<Vec<Span>> = paragraphs.iter().map(|p| spans(p)).collect();
    // Every quotation is made of spans: without any, there is nothing to find (and most of the
    // work below, every sentence's subject, is only for quotations).
    if spans.iter().all(Vec::is_empty) {
        return Vec::new();
    }
    let paras: Vec<Para> = paragraphs
        .iter()
        .zip(spans)
        .map(|(p, spans)| Para::new(p, spans))
        .collect();
    let mut ctx = Context {
        common: lower_case_words(&paras),
        ..Context::default()
    };
    let mut base = 0;
    for p in &paras {
        ctx.sentence_base.push(base);
        base += p.sentence.last().map_or(1, |s| s + 1);
    }
    full_names(&paras, &mut ctx);
    let mut items: Vec<Item> = Vec::new();
    for (i, para) in paras.iter().enumerate() {
        items.extend(para.items(i, &ctx));
    }
    link_continuations(&paras, &mut items);
    share_within_chains(&mut items);
    let mut subjects = subjects(&paras, &ctx, &items);
    resolve(&paras, &ctx, &mut subjects, &mut items);
    items
        .into_iter()
        .filter(|item| item.quotation)
        .map(|item| Quote {
            paragraph: item.para,
            range: item.range,
            text: item.text,
            speaker: item.speaker,
        })
        .collect()
}

impl<'a> Para<'a> {
    fn new(text: &'a str, spans: Vec<Span>) -> Para<'a> {
        let toks = tokens(text);
        // The whole text lowered at once: an ASCII token's lower-case form lies where the token
        // does. Any other token's, which may differ in length, is appended after the text.
        let mut lower = text.to_ascii_lowercase();
        let facts: Vec<Facts> = toks
            .iter()
            .map(|t| {
                let w = &text[t.start..t.end];
                let at = if t.ascii {
                    (t.start, t.end)
                } else {
                    let from = lower.len();
                    if t.word {
                        lower.push_str(&w.to_lowercase());
                    } else {
                        // One character that is no letter: no final sigma to lower differently.
                        lower.extend(t.first.to_lowercase());
                    }
                    (from, lower.len())
                };
                Facts {
                    lower: at,
                    lists: if t.word {
                        lists_of(&lower[at.0..at.1])
                    } else {
                        0
                    },
                    capitalised: t.word && t.first.is_uppercase() && capitalised(w),
                    lower_case: t.word && t.first.is_lowercase(),
                    ends_sentence: false,
                }
            })
            .collect();
        let stops_clause = spans
            .iter()
            .map(|span| {
                let words = text[span.start..span.end].split_whitespace().count();
                span.close.is_none() || words >= MIN_WORDS
            })
            .collect();
        let mut quoted = vec![None; toks.len()];
        for (s, span) in spans.iter().enumerate() {
            let from = toks.partition_point(|t| t.start < span.open);
            let to = toks.partition_point(|t| t.start < span.after());
            for q in &mut quoted[from..to.max(from)] {
                q.get_or_insert(s);
            }
        }
        let mut para = Para {
            text,
            toks,
            facts,
            lower,
            spans,
            stops_clause,
            quoted,
            sentence: Vec::new(),
        };
        // Whether a token ends a sentence depends on the token before it, so on its facts.
        for i in 0..para.toks.len() {
            para.facts[i].ends_sentence = para.finds_sentence_end(i);
        }
        para.sentence = para.sentences();
        para
    }

    fn tok(&self, i: usize) -> &'a str {
        let t = self.toks[i];
        &self.text[t.start..t.end]
    }

    fn lower(&self, i: usize) -> &str {
        let (a, b) = self.facts[i].lower;
        &self.lower[a..b]
    }

    /// Whether token `i` is a word in a list (punctuation is in none).
    fn in_list(&self, i: usize, list: Words) -> bool {
        self.facts[i].lists & list.bit != 0
    }

    #[inline(always)]
    fn is_word(&self, i: usize, any_of: impl WordSet) -> bool {
        self.toks.get(i).is_some_and(|t| t.word) && any_of.holds(self, i)
    }

    /// Whether token `i` is one of the punctuation characters `any_of` (a punctuation token is
    /// one character).
    fn is_punct(&self, i: usize, any_of: &[char]) -> bool {
        let t = &self.toks[i];
        !t.word && any_of.contains(&t.first)
    }

    /// A capitalised word ([`capitalised`]).
    fn capitalised(&self, i: usize) -> bool {
        self.facts[i].capitalised
    }

    fn lower_case(&self, i: usize) -> bool {
        self.facts[i].lower_case
    }

    /// The quoted words of a span, trimmed, without a trailing comma.
    fn words_of(&self, span: &Span) -> (Range<usize>, &'a str) {
        let raw = &self.text[span.start..span.end.max(span.start)];
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim().trim_end_matches(',').trim_end();
        let start = span.start + lead;
        (start..start + trimmed.len(), trimmed)
    }

    /// The index of the first token at or after a byte offset.
    fn tok_at(&self, byte: usize) -> usize {
        self.toks.partition_point(|t| t.start < byte)
    }

    /// Sentence numbers of the tokens: a sentence ends at a terminal outside quotes, or at a quote
    /// that ends with one and is followed by a new sentence.
    fn sentences(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.toks.len());
        let mut n = 0;
        for i in 0..self.toks.len() {
            out.push(n);
            let ends = match self.quoted[i] {
                None => self.ends_sentence(i),
                Some(s) => {
                    let span = &self.spans[s];
                    span.close == Some(self.toks[i].end)
                        && self.text[span.start..span.end]
                            .trim_end()
                            .ends_with(['.', '!', '?'])
                        && starts_sentence(&self.text[self.toks[i].end..])
                }
            };
            if ends {
                n += 1;
            }
        }
        out
    }

    /// Whether token `i` is a full stop, question or exclamation mark that ends a sentence.
    fn ends_sentence(&self, i: usize) -> bool {
        self.facts[i].ends_sentence
    }

    /// [`Para::ends_sentence`] worked out, once per token.
    fn finds_sentence_end(&self, i: usize) -> bool {
        if !self.is_punct(i, &['.', '!', '?', '…']) {
            return false;
        }
        let rest = self.text[self.toks[i].end..].trim_start_matches(['”', '’', '"', '\'', ')']);
        if !starts_sentence(rest) {
            return false;
        }
        // "Mr. Peskov", "U.S. officials", "J. Smith": the full stop ends an abbreviation.
        !(self.is_punct(i, &['.']) && i > 0 && self.toks[i - 1].end == self.toks[i].start && {
            let w = self.tok(i - 1);
            w.contains('.')
                || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
                || self.in_list(i - 1, ABBREVIATIONS)
        })
    }

    /// The first token of the sentence (outside quotes) that token `i` is in, looking back at
    /// most `reach` tokens and never into a quote.
    fn clause_start(&self, i: usize, reach: usize) -> usize {
        let floor = i.saturating_sub(reach);
        let mut j = i;
        while j > floor {
            let k = j - 1;
            if let Some(s) = self.quoted[k] {
                // A short quote (a title, a scare quote) is part of the sentence (`said on "Face
                // the Nation" that`); a quotation is not.
                if self.stops_clause[s] {
                    break;
                }
                j = self.tok_at(self.spans[s].open).min(k);
                continue;
            }
            if self.ends_sentence(k) {
                break;
            }
            j = k;
        }
        j
    }

    /// Whether token `i` is a preposition that ends a subject (`a spokesman for`, `managing
    /// director of ISP Freedom2surf`), not the "of" of a title (`Secretary of State Marco Rubio`).
    fn preposition(&self, i: usize) -> bool {
        self.lower_case(i)
            && self.is_word(i, PREPOSITIONS)
            && !(self.is_word(i, &["of"])
                && i > 0
                && self.capitalised(i - 1)
                && self.is_title(i - 1))
    }

    /// Whether token `i` starts a sentence or a quoted stretch, where any word is capitalised.
    fn sentence_initial(&self, i: usize) -> bool {
        i == 0
            || self.sentence[i] != self.sentence[i - 1]
            || self.is_punct(i - 1, &['“', '"', '‘', '\'', '(', '[', '—', '–', '-', ':'])
    }

    /// The quotes of the paragraph as items, with their own attribution, broken quotes joined.
    fn items(&self, para: usize, ctx: &Context) -> Vec<Item<'a>> {
        let mut out = Vec::new();
        let mut s = 0;
        while s < self.spans.len() {
            let mut parts = vec![s];
            let mut found = None;
            // A quote broken by its attribution: the clause between the parts names the speaker.
            while let Some(&last) = parts.last() {
                match self.broken(para, last, ctx) {
                    Some(f) => {
                        found.get_or_insert(f);
                        parts.push(last + 1);
                    }
                    None => break,
                }
            }
            let last = *parts.last().unwrap_or(&s);
            if found.is_none() {
                found = self.after(para, last, ctx);
            }
            if found.is_none() {
                found = self.before(para, s, ctx);
            }
            s = last + 1;
            let (range, text) = self.quote_text(&parts);
            let words = text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            let quotation = words >= MIN_WORDS && !is_title_case(&text);
            out.push(Item {
                para,
                parts,
                range,
                text,
                quotation,
                found,
                continues: false,
                speaker: None,
            });
        }
        out
    }

    /// The range of the first part's words and the parts' words joined with " … ".
    fn quote_text(&self, parts: &[usize]) -> (Range<usize>, String) {
        let pieces: Vec<(Range<usize>, &str)> = parts
            .iter()
            .map(|&s| self.words_of(&self.spans[s]))
            .filter(|(_, t)| !t.is_empty())
            .collect();
        let range = pieces.first().map_or(0..0, |(r, _)| r.clone());
        let text = pieces
            .iter()
            .map(|(_, t)| *t)
            .collect::<Vec<_>>()
            .join(" … ");
        (range, text)
    }

    /// When span `s` and the next are one quote broken by an attribution (`"We will win," he
    /// said, "and soon."` or `"We will win," he said. "It will be soon."`), that attribution. The
    /// second part must have no attribution of its own.
    fn broken(&self, para: usize, s: usize, ctx: &Context) -> Option<Found<'a>> {
        let span = &self.spans[s];
        let next = self.spans.get(s + 1)?;
        let close = span.close?;
        let between = self.text.get(close..next.open)?;
        let words = between.split_whitespace().count();
        if words == 0 || words > AFTER_REACH {
            return None;
        }
        // Only the attribution comes between: it ends with a comma, colon, dash or full stop and
        // holds no other sentence.
        let tail = between.trim_end();
        let body = tail.trim_end_matches([',', '.', ':', '—', '–']);
        if body.len() == tail.len() || body.contains(['.', '!', '?', ';']) {
            return None;
        }
        // After a full stop, only a quotation that opened its sentence goes on: a partial quote
        // inside a sentence (`stood "no chance of becoming law," he added. "This is …"`) does not.
        let open = self.tok_at(span.open);
        if tail.ends_with('.') && self.clause_start(open, BEFORE_REACH) != open {
            return None;
        }
        let found = self.after(para, s, ctx)?;
        if self.after(para, s + 1, ctx).is_some() {
            return None;
        }
        (found.who != Who::Unnamed || tail.ends_with(',')).then_some(found)
    }

    /// The attribution right after span `s` (`"…," Peskov said`, `"…," said Peskov`, `"…,"
    /// according to the Kremlin`).
    fn after(&self, para: usize, s: usize, ctx: &Context) -> Option<Found<'a>> {
        let span = &self.spans[s];
        let close = span.close?;
        let first = self.tok_at(close);
        let mut end = first;
        while end < self.toks.len()
            && self.quoted[end].is_none()
            && !self.ends_sentence(end)
            && !self.is_punct(end, &[';'])
        {
            end += 1;
        }
        let a = (first..end).find(|&i| self.toks[i].word)?;
        // A quote that ends its sentence is followed by a new one, not by its attribution,
        // unless that starts in lower case (`"…." he said`).
        let quoted = self.text[span.start..span.end].trim_end();
        if quoted.ends_with('.') && !self.lower_case(a) {
            return None;
        }
        if self.lower_case(a) && self.is_word(a, REPORTING) {
            return Some(self.named_after(para, a + 1, end, ctx));
        }
        let reach = (a..end)
            .filter(|&i| self.toks[i].word)
            .nth(AFTER_REACH)
            .unwrap_or(end);
        if let Some(v) = (a..reach).find(|&i| self.reporting(i))
            && let Some(f) = self.subject(para, v, a, ctx)
            && self.name_like(a, self.tok_at(f.at.1))
        {
            return Some(f);
        }
        self.according(para, a, end, ctx)
    }

    /// Whether tokens `a..b` could all be part of a subject (`ministry spokesman`, `the`, `his`),
    /// so that a clause starting with them is the quote's attribution, not another clause (`while
    /// Finnish President Alexander Stubb warned`).
    fn name_like(&self, a: usize, b: usize) -> bool {
        (a..b.min(self.toks.len())).all(|i| {
            let determiner = self.is_word(i, DETERMINERS);
            let conjunction = self.is_word(i, FUNCTION_WORDS) && !self.is_word(i, PREPOSITIONS);
            !self.toks[i].word || determiner || !(conjunction || self.verbish(i))
        })
    }

    /// The attribution before span `s` in its sentence (`Peskov said: "…"`, `said that "…"`,
    /// `adding: "…"`, `according to Peskov, "…"`).
    fn before(&self, para: usize, s: usize, ctx: &Context) -> Option<Found<'a>> {
        let open = self.tok_at(self.spans[s].open);
        let lo = self.clause_start(open, BEFORE_REACH);
        for v in (lo..open).rev() {
            if self.participle(v) || (self.reporting(v) && self.coordinated(v, lo)) {
                // `with the committee announcing that "…"`: the participle has its own subject;
                // otherwise it shares the sentence's (`Peskov spoke, adding: "…"`), as does a
                // second verb (`Wilson tried … but conceded "…"`).
                let own = self.absolute(v, lo);
                let f = if own {
                    self.subject(para, v, lo, ctx)
                } else {
                    self.first_subject(para, lo, v, ctx)
                };
                if f.is_some() {
                    return f;
                }
            } else if self.reporting(v)
                && let Some(f) = self
                    .agent(para, v, open, ctx)
                    .or_else(|| self.subject(para, v, lo, ctx))
            {
                return Some(f);
            }
        }
        // The first `according to` after `lo`, as from any later start: one scan.
        self.according(para, lo, open, ctx)
    }

    /// The agent of a passive reporting verb at `v` (`described by Sharon as "…"`), before `end`.
    fn agent(&self, para: usize, v: usize, end: usize, ctx: &Context) -> Option<Found<'a>> {
        if v + 2 >= end || !self.is_word(v + 1, &["by"]) || !self.capitalised(v + 2) {
            return None;
        }
        let mut last = v + 2;
        while last + 1 < end && (self.capitalised(last + 1) || self.initial_stop(last + 1)) {
            last += 1;
        }
        while last > v + 2 && !self.toks[last].word {
            last -= 1;
        }
        let name = self.name(v + 2, last, ctx)?;
        Some(Found {
            who: Who::Named(name),
            at: (para, self.toks[v + 2].start),
        })
    }

    /// `according to X` starting at token `a`.
    fn according(&self, para: usize, a: usize, end: usize, ctx: &Context) -> Option<Found<'a>> {
        (a..end.saturating_sub(1)).find_map(|i| {
            (self.is_word(i, &["according"]) && self.is_word(i + 1, &["to"]))
                .then(|| self.named_after(para, i + 2, end, ctx))
        })
    }

    /// The speaker named after an inverted verb (`said Kremlin spokesman Dmitry Peskov`, `said
    /// the Kremlin`, `said he`): the last run of capitalised words before anything that is not
    /// part of a name or a title.
    fn named_after(&self, para: usize, i: usize, end: usize, ctx: &Context) -> Found<'a> {
        let at = (para, self.toks.get(i).map_or(self.text.len(), |t| t.start));
        let unnamed = Found {
            who: Who::Unnamed,
            at,
        };
        if i >= end {
            return unnamed;
        }
        if self.is_word(i, &["he", "she"]) {
            return Found {
                who: Who::Pronoun,
                at,
            };
        }
        let mut j = i;
        while j < end {
            // `said Rob Katz of Indianapolis`: a name ends before "of" unless it is a title's
            // (`Secretary of State Marco Rubio`).
            let of_after_name = self.is_word(j, &["of"])
                && j > i
                && self.capitalised(j - 1)
                && !self.is_title(j - 1);
            let part = (self.toks[j].word
                && (self.capitalised(j)
                    || self.is_word(j, DESCRIPTORS)
                    || self.particle(j, end)
                    || is_possessive(self.tok(j))))
                || self.initial_stop(j);
            if !part || of_after_name {
                break;
            }
            j += 1;
        }
        // The last word must be part of a name: `said the Kremlin spokesman` is unnamed.
        let Some(last) = (i..j).rev().find(|&k| self.toks[k].word) else {
            return unnamed;
        };
        if !self.capitalised(last) {
            return unnamed;
        }
        let first = self.run_start(last, i);
        match self.name(first, last, ctx) {
            Some(name) => Found {
                who: Who::Named(name),
                at: (para, self.toks[first].start),
            },
            None => unnamed,
        }
    }

    /// The subject of the verb at token `v`, looking back no further than `lo`.
    fn subject(&self, para: usize, v: usize, lo: usize, ctx: &Context) -> Option<Found<'a>> {
        let mut j = v;
        // Auxiliaries, adverbs and times between subject and verb (`Peskov has also said`,
        // `Peskov on Tuesday said`).
        loop {
            if j <= lo {
                return None;
            }
            let k = j - 1;
            if self.is_word(k, AUXILIARIES) || (self.lower_case(k) && self.lower(k).ends_with("ly"))
            {
                j = k;
            } else if k >= lo + 2
                && self.is_punct(k, &[','])
                && self.is_word(k - 1, SENTENCE_ADVERBS)
                && self.is_punct(k - 2, &[','])
            {
                j = k - 2;
            } else if k > lo && is_weekday(self.lower(k)) && self.is_word(k - 1, &["on"]) {
                j = k - 1;
            } else {
                break;
            }
        }
        // A passive (`Peskov was asked`, `she was told`): the subject is not the speaker.
        if j < v
            && self.is_word(j, &["was", "were", "is", "are", "been", "being"])
            && self.is_word(v, &["asked", "told", "called", "described", "quoted"])
        {
            return None;
        }
        let mut k = j - 1;
        // An appositive between commas or dashes (`Peskov, the Kremlin's spokesman, said`,
        // `Locke, 39, said`, `his brother - Lee Thompson - revealed`).
        if self.is_punct(k, &[',', '—', '–', '-']) {
            let mark = self.toks[k].first;
            let floor = k.saturating_sub(APPOSITIVE_REACH * 2).max(lo);
            let open = (floor..k)
                .rev()
                .find(|&c| self.is_punct(c, &[mark]) || self.quoted[c].is_some())?;
            if self.quoted[open].is_some() || open <= lo {
                return None;
            }
            // The appositive when it names a person and the subject before it does not (`Odin's
            // uncle, Ed Lloyd, said`, `The Bishop of Durham, the Rt Rev Dr Tom Wright, said`).
            let inside = k - 1;
            let from = if self.is_word(open + 1, &["the"]) {
                open + 2
            } else {
                open + 1
            };
            let inner_person = inside >= from
                && self.capitalised(inside)
                && self.run_start(inside, from) == from
                && self.name(from, inside, ctx).is_some_and(|n| n.person);
            let outer_person = self.capitalised(open - 1)
                && self
                    .name(self.run_start(open - 1, lo), open - 1, ctx)
                    .is_some_and(|n| n.person);
            k = if inner_person && !outer_person {
                inside
            } else {
                open - 1
            };
        }
        // A relative clause (`Jack Straw, who argues`): its subject is the name before it.
        if self.is_word(k, &["who"])
            && k >= lo + 2
            && self.is_punct(k - 1, &[','])
            && self.capitalised(k - 2)
        {
            k -= 2;
        }
        // A second verb (`… and noted`) or a relative clause has no subject of its own here.
        if self.is_word(
            k,
            &[
                "and", "but", "or", "nor", "that", "which", "who", "then", "as",
            ],
        ) {
            return None;
        }
        let at = (para, self.toks[k].start);
        if self.is_word(k, &["he", "she"]) {
            return Some(Found {
                who: Who::Pronoun,
                at,
            });
        }
        if !self.capitalised(k) {
            // `a spokesman said`, `they said`, `it said`: somebody, not named; `the Tory leader
            // said`: somebody described.
            let who = if self.description(k, lo) {
                Who::Description
            } else {
                Who::Unnamed
            };
            return self.toks[k].word.then_some(Found { who, at });
        }
        let first = self.run_start(k, lo);
        // A name after a preposition is not the subject (`a spokesman for Manchester's Trafford
        // Centre said`, `Paul Miller of Thames Valley Police said`).
        let mut b = first;
        while b > lo && (is_possessive(self.tok(b - 1)) || self.is_word(b - 1, &["the", "a"])) {
            b -= 1;
        }
        // "of" after a title goes with a person's name (`Secretary of State Marco Rubio`), not
        // with a body's (`the CEO of Crown Talent & Media Group`).
        let of_body = b > lo
            && self.is_word(b - 1, &["of"])
            && !self.name(first, k, ctx).is_some_and(|n| n.person);
        if b > lo && (self.preposition(b - 1) || of_body) {
            // Unless a caption glued to the sentence ends in a person's name (`… at the World Cup
            // Defoe added:`): that person is the subject.
            let glued = first < k
                && ctx.full.contains_key(self.lower(k))
                && self.name(first, k, ctx).is_some_and(|n| !n.person);
            if glued && let Some(name) = self.name(k, k, ctx) {
                return Some(Found {
                    who: Who::Named(name),
                    at: (para, self.toks[k].start),
                });
            }
            return Some(self.head_before(para, b - 1, lo, ctx));
        }
        let who = match self.name(first, k, ctx) {
            Some(name) => Who::Named(name),
            // `the Bishop said`, `the top-ranking Democrat said`: somebody described.
            None if self.is_word(first, &["the"]) || self.after_the(first, lo) => Who::Description,
            None => Who::Unnamed,
        };
        Some(Found {
            who,
            at: (para, self.toks[first].start),
        })
    }

    /// Whether "the" stands before token `first`, past at most three lower-case words (`the
    /// top-ranking Democrat`).
    fn after_the(&self, first: usize, lo: usize) -> bool {
        let floor = first.saturating_sub(4).max(lo);
        let mut j = first;
        while j > floor {
            let i = j - 1;
            if self.is_word(i, &["the"]) {
                return true;
            }
            if !self.lower_case(i) || self.verbish(i) || self.is_word(i, FUNCTION_WORDS) {
                return false;
            }
            j = i;
        }
        false
    }

    /// Whether the noun at token `k` ends a definite description of a person (`the Tory leader`,
    /// `the 32-year-old`, `The former Coronation Street star`).
    fn description(&self, k: usize, lo: usize) -> bool {
        let w = self.lower(k);
        let role = self.in_list(k, TITLES)
            || self.in_list(k, DESCRIPTORS)
            || self.in_list(k, ROLE_NOUNS)
            || w.ends_with("-year-old");
        if !role || w == "the" || w == "of" {
            return false;
        }
        let floor = k.saturating_sub(5).max(lo);
        let mut j = k;
        while j > floor {
            let i = j - 1;
            if self.is_word(i, &["the"]) {
                return true;
            }
            if !self.toks[i].word || self.verbish(i) || self.is_word(i, FUNCTION_WORDS) {
                return false;
            }
            j = i;
        }
        false
    }

    /// The head of a subject that ends in a prepositional phrase starting at token `prep`: a
    /// person named just before it (`Paul Miller of Thames Valley Police`) or before the comma of
    /// an unclosed appositive (`William Nee, China researcher at Amnesty International`).
    fn head_before(&self, para: usize, prep: usize, lo: usize, ctx: &Context) -> Found<'a> {
        let unnamed = Found {
            who: Who::Unnamed,
            at: (para, self.toks[prep].start),
        };
        let mut j = prep;
        let floor = prep.saturating_sub(APPOSITIVE_REACH).max(lo);
        while j > floor {
            let k = j - 1;
            if self.capitalised(k) && j == prep && !self.is_title(k) {
                // A name right before the preposition.
                return self.person_ending_at(para, k, lo, ctx).unwrap_or(unnamed);
            }
            if self.is_punct(k, &[',']) {
                return match k.checked_sub(1) {
                    Some(n) if n >= lo && self.capitalised(n) => {
                        self.person_ending_at(para, n, lo, ctx).unwrap_or(unnamed)
                    }
                    _ => unnamed,
                };
            }
            if !self.toks[k].word || self.verbish(k) || self.quoted[k].is_some() {
                return unnamed;
            }
            j = k;
        }
        unnamed
    }

    /// The person whose name ends at token `last`, if it names a person.
    fn person_ending_at(
        &self,
        para: usize,
        last: usize,
        lo: usize,
        ctx: &Context,
    ) -> Option<Found<'a>> {
        let first = self.run_start(last, lo);
        let name = self.name(first, last, ctx).filter(|n| n.person)?;
        Some(Found {
            who: Who::Named(name),
            at: (para, self.toks[first].start),
        })
    }

    /// For a participle (`adding`, `saying`) at `v`: the first subject in the sentence before it.
    fn first_subject(&self, para: usize, lo: usize, v: usize, ctx: &Context) -> Option<Found<'a>> {
        (lo..v).find_map(|k| {
            if !self.verbish(k) {
                return None;
            }
            self.subject(para, k, lo, ctx)
                .filter(|f| matches!(f.who, Who::Named(_) | Who::Pronoun | Who::Description))
        })
    }

    /// Whether token `i` is a reporting verb: a finite one, or a plain one after a modal (`he
    /// will say`).
    #[inline(always)]
    fn reporting(&self, i: usize) -> bool {
        // In lower case: "the United States" has no verb in it.
        let went_on = || self.is_word(i, &["went", "goes"]) && self.is_word(i + 1, &["on"]);
        self.lower_case(i)
            && (self.is_word(i, REPORTING)
                || went_on()
                || (self.is_word(i, PLAIN_REPORTING)
                    && self
                        .before_adverbs(i)
                        .is_some_and(|m| self.is_word(m, MODALS))))
    }

    /// The token before `i`, past adverbs (`also`, `-ly`) and a parenthetical `, however,`.
    fn before_adverbs(&self, i: usize) -> Option<usize> {
        let mut j = i;
        loop {
            let k = j.checked_sub(1)?;
            if self.lower_case(k)
                && (self.is_word(k, &["also", "then", "later"]) || self.lower(k).ends_with("ly"))
            {
                j = k;
            } else if k >= 2
                && self.is_punct(k, &[','])
                && self.is_word(k - 1, SENTENCE_ADVERBS)
                && self.is_punct(k - 2, &[','])
            {
                j = k - 2;
            } else {
                return Some(k);
            }
        }
    }

    /// Whether token `i` is a participle of a reporting verb (`adding`).
    fn participle(&self, i: usize) -> bool {
        self.lower_case(i) && self.is_word(i, PARTICIPLES)
    }

    /// Whether the verb at `v` is the second of two with one subject (`Wilson tried … but
    /// conceded`).
    fn coordinated(&self, v: usize, lo: usize) -> bool {
        let mut j = v;
        while j > lo && (self.is_word(j - 1, AUXILIARIES) || self.is_word(j - 1, MODALS)) {
            j -= 1;
        }
        j > lo && self.is_word(j - 1, &["and", "but"])
    }

    /// Whether the participle at `v` has its own subject, after "with" (`with the committee
    /// announcing`).
    fn absolute(&self, v: usize, lo: usize) -> bool {
        let mut j = v;
        let floor = v.saturating_sub(6).max(lo);
        while j > floor {
            let k = j - 1;
            if self.is_word(k, &["with"]) {
                return j < v;
            }
            if !self.toks[k].word || self.verbish(k) || self.quoted[k].is_some() {
                return false;
            }
            j = k;
        }
        false
    }

    /// Whether token `i` looks like a verb after a subject (`Putin said`, `Trump has`, `Zelensky
    /// criticized`).
    fn verbish(&self, i: usize) -> bool {
        if !self.lower_case(i) {
            return false;
        }
        let w = self.lower(i);
        self.in_list(i, REPORTING)
            || self.in_list(i, AUXILIARIES)
            || self.in_list(i, IRREGULAR_VERBS)
            || (w.len() > 3 && w.ends_with("ed"))
    }

    /// A particle inside a name (`Faisal bin Farhan`): lower case, followed by a capitalised word.
    fn particle(&self, i: usize, end: usize) -> bool {
        let w = self.lower(i);
        (self.in_list(i, PARTICLES) || w.starts_with("al-") || w.starts_with("el-"))
            && i + 1 < end
            && self.capitalised(i + 1)
    }

    /// A full stop after an initial or an abbreviated title, inside a name (`Peter M.F. Mbithi`,
    /// `Mr. Peskov`).
    fn initial_stop(&self, i: usize) -> bool {
        if !self.is_punct(i, &['.']) || i == 0 || !self.toks[i - 1].word {
            return false;
        }
        let w = self.tok(i - 1);
        w.chars().next().is_some_and(char::is_uppercase)
            && (w.chars().count() == 1 || w.contains('.') || self.in_list(i - 1, ABBREVIATIONS))
    }

    /// The first token of the run of capitalised words (with particles and initials) ending at
    /// token `last`, not before `lo`.
    fn run_start(&self, last: usize, lo: usize) -> usize {
        let mut first = last;
        while first > lo {
            let k = first - 1;
            // "&" inside a name between capitalised words (`Crown Talent & Media Group`).
            let ampersand = self.is_punct(k, &['&']) && k > lo && self.capitalised(k - 1);
            let joins = self.capitalised(k)
                || (self.toks[k].word && self.particle(k, self.toks.len()))
                || self.initial_stop(k)
                || ampersand;
            if !joins || self.quoted[k].is_some() {
                break;
            }
            first = k;
        }
        // A run never starts with a full stop.
        while first < last && !self.toks[first].word {
            first += 1;
        }
        first
    }

    /// The name in tokens `first..=last`, a run of capitalised words: function words dropped from
    /// its start, titles dropped up to the last one. None when nothing is left, when a
    /// preposition was dropped right before it (`In High Places`), or when one unknown word
    /// follows a description (`the top-ranking Democrat`, `his brother Cody`).
    fn name(&self, first: usize, last: usize, ctx: &Context) -> Option<Name<'a>> {
        // The words from a token on: word tokens up to `last`, walked, not collected (this is
        // asked of every run of capitalised words).
        let words = |from: usize| (from..=last).filter(|&i| self.toks[i].word);
        let mut dropped = None;
        let mut from = last + 1;
        for i in words(first) {
            let w = self.lower(i);
            let common = self.sentence_initial(i)
                && (ctx.common.contains(w) || self.in_list(i, COMMON_SUBJECTS));
            if self.in_list(i, FUNCTION_WORDS) || common {
                dropped = Some(i);
            } else {
                from = i;
                break;
            }
        }
        if dropped.is_some_and(|d| self.is_word(d, PREPOSITIONS)) {
            return None;
        }
        let mut titled = false;
        if let Some(t) = words(from).rev().find(|&i| self.is_title(i)) {
            from = t + 1;
            titled = true;
        }
        let mut count = words(from).count();
        // What follows "Secretary of" when "of" stopped the run: "State Marco Rubio".
        while count > 2
            && let Some(a) = words(from).next()
            && self.is_word(a, DEPARTMENTS)
        {
            from = a + 1;
            count -= 1;
        }
        let (a, b) = (words(from).next()?, words(from).next_back()?);
        let text = &self.text[self.toks[a].start..self.toks[b].end];
        let known = count == 1 && ctx.full.contains_key(self.lower(a));
        let described = !titled
            && a == first
            && a > 0
            && self.lower_case(a - 1)
            && !self.verbish(a - 1)
            && !self.is_word(a - 1, FUNCTION_WORDS)
            && !self.is_word(a - 1, DESCRIPTORS);
        if count == 1 && described && !known {
            return None;
        }
        let the = a > 0 && self.is_word(a - 1, &["the"]) && !titled;
        let body = the
            || words(from).any(|i| self.in_list(i, ORGANISATION_WORDS))
            || self.in_list(a, PLACE_PREFIXES)
            || words(from).any(|i| is_acronym(self.tok(i)));
        let person = !body && (titled || count >= 2 || known);
        Some(Name { text, person })
    }

    /// A title dropped before a name ("President", "Mr."), but not an honorific kept with it
    /// ("Sir", "Lord").
    fn is_title(&self, i: usize) -> bool {
        // A word never ends in a full stop (its full stops are inside it) and punctuation is in
        // no list, so a final full stop needs no trimming.
        self.in_list(i, TITLES) && !self.in_list(i, HONORIFICS)
    }

    /// The last token of the run of capitalised words starting at token `i`, outside quotes.
    fn run_end(&self, i: usize) -> usize {
        let mut last = i;
        while last + 1 < self.toks.len()
            && self.quoted[last + 1].is_none()
            && (self.capitalised(last + 1)
                || self.particle(last + 1, self.toks.len())
                || self.initial_stop(last + 1))
        {
            last += 1;
        }
        while last > i && !self.toks[last].word {
            last -= 1;
        }
        last
    }

    /// The span whose opening mark is token `i`, when it is closed and holds one to three
    /// capitalised words: a nickname inside a name (`Lee 'Uncle Poodle' Thompson`).
    fn nickname_at(&self, i: usize) -> Option<usize> {
        let s = self.quoted.get(i).copied().flatten()?;
        let span = &self.spans[s];
        if span.open != self.toks[i].start || span.close.is_none() {
            return None;
        }
        let inner = &self.text[span.start..span.end];
        // Four words at most are looked at, however long the quote.
        let words: Vec<&str> = inner.split_whitespace().take(4).collect();
        let capitalised = words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        (!words.is_empty() && words.len() <= 3 && capitalised).then_some(s)
    }

    /// The index of the first token after span `s`.
    fn after_span(&self, s: usize) -> usize {
        self.tok_at(self.spans[s].after())
    }

    /// The subject found at token `k`, scanning a sentence from its start: "he" or "she" before
    /// a verb, a name followed by a lower-case word that is not a preposition or conjunction and
    /// not after one (`Putin met`, `Olivia Thibou wept`, not `met Putin in`), or the subject of a
    /// verb (`his mother said`).
    fn subject_at(&self, para: usize, k: usize, ctx: &Context) -> Option<Found<'a>> {
        // This is asked of most tokens, and most are no subject: the clause's start is looked
        // for only when needed.
        let clause_start = || self.clause_start(k, BEFORE_REACH);
        let next_lower = k + 1 < self.toks.len()
            && self.quoted[k + 1].is_none()
            && self.lower_case(k + 1)
            && !self.is_word(k + 1, NOT_AFTER_SUBJECT)
            && !self.is_word(k + 1, PREPOSITIONS);
        if self.is_word(k, &["he", "she"]) && next_lower {
            return Some(Found {
                who: Who::Pronoun,
                at: (para, self.toks[k].start),
            });
        }
        let run_ends = self.capitalised(k)
            && !(k + 1 < self.toks.len()
                && (self.capitalised(k + 1)
                    || self.particle(k + 1, self.toks.len())
                    || self.initial_stop(k + 1)));
        if run_ends && next_lower && !self.is_word(k + 1, DESCRIPTORS) && !self.is_title(k + 1) {
            let lo = clause_start();
            let first = self.run_start(k, lo);
            // After a preposition, a verb or a possessive (`met Putin in`, `his Christmas
            // message`), a name is not the subject.
            let object = first > lo
                && (self.preposition(first - 1)
                    || self.verbish(first - 1)
                    || self.is_word(
                        first - 1,
                        &["his", "her", "their", "its", "my", "our", "your"],
                    ));
            if !object && let Some(name) = self.name(first, k, ctx) {
                return Some(Found {
                    who: Who::Named(name),
                    at: (para, self.toks[first].start),
                });
            }
        }
        if self.verbish(k) {
            // Somebody unnamed doing something other than speaking (`the meeting was held`, `it
            // has`) leaves "he" to the person named before; somebody unnamed speaking (`his
            // mother said`) may be whom "he" means, and stops the search.
            let f = self.subject(para, k, clause_start(), ctx)?;
            if f.who == Who::Unnamed && !self.reporting(k) {
                return None;
            }
            return Some(f);
        }
        None
    }
}

/// Whether quoted words are a title, not speech (`"Death Sentences and Executions 2014,"`): no
/// sentence punctuation, every word capitalised (not shouted in capitals) but for short
/// function words.
fn is_title_case(text: &str) -> bool {
    const MINOR: &[&str] = &[
        "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "vs",
        "with",
    ];
    if text.contains(['.', '!', '?', '…', ';', ':']) {
        return false;
    }
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let shouted = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w.chars().any(char::is_lowercase)
    };
    let capitalised =
        |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) && !shouted(w);
    words.first().is_some_and(|w| capitalised(w))
        && words
            .iter()
            .all(|w| capitalised(w) || MINOR.contains(&w.to_lowercase().as_str()))
}

/// Whether a word is capitalised: it starts with a capital letter and is not a possessive, which
/// belongs to the next noun.
fn capitalised(w: &str) -> bool {
    // "Long-time Labour supporter": a capitalised compound with a lower-case part is an
    // adjective at a sentence's start ("Jean-Claude", "Rolls-Royce" are names).
    let compound = || {
        w.split('-')
            .skip(1)
            .any(|part| part.chars().next().is_some_and(char::is_lowercase))
    };
    w.chars().next().is_some_and(char::is_uppercase) && !is_possessive(w) && !compound()
}

/// Whether a word is a possessive ("Russia's", "Putin’s").
fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
}

/// Whether a word is an acronym (NATO, BBC), the name of a body.
fn is_acronym(w: &str) -> bool {
    w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn is_weekday(w: &str) -> bool {
    crate::ingest::furniture::WEEKDAYS.contains(&w)
}

/// Whether the text after a terminal starts a new sentence: the end, or a space and then no
/// lower-case letter.
fn starts_sentence(rest: &str) -> bool {
    if rest.is_empty() {
        return true;
    }
    if !rest.starts_with(char::is_whitespace) {
        return false;
    }
    !rest
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Words and punctuation characters. A word is a run of letters and digits, with apostrophes,
/// hyphens, full stops and ampersands inside it ("Russia’s", "al-Assad", "U.S", "AT&T").
fn tokens(text: &str) -> Vec<Tok> {
    // About one token in five bytes of English news text.
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut at = 0;
    while at < text.len() {
        let c = char_at(text, at);
        let start = at;
        at += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Tok {
                start,
                end: at,
                word: false,
                first: c,
                ascii: c.is_ascii(),
            });
            continue;
        }
        let mut prev = c;
        let mut ascii = c.is_ascii();
        while at < text.len() {
            // Most of a word is ASCII letters.
            let b = text.as_bytes()[at];
            if b.is_ascii_alphanumeric() {
                prev = char::from(b);
                at += 1;
                continue;
            }
            let c = char_at(text, at);
            let inner = || {
                matches!(c, '\'' | '’' | '-' | '.' | '&')
                    && text[at + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                    && prev.is_alphanumeric()
            };
            if !(c.is_alphanumeric() || inner()) {
                break;
            }
            prev = c;
            ascii &= c.is_ascii();
            at += c.len_utf8();
        }
        out.push(Tok {
            start,
            end: at,
            word: true,
            first: c,
            ascii,
        });
    }
    out
}

/// The character at byte `at` (a character boundary) of a non-empty rest of `text`.
fn char_at(text: &str, at: usize) -> char {
    match text.as_bytes()[at] {
        b if b.is_ascii() => char::from(b),
        _ => text[at..].chars().next().unwrap_or_default(),
    }
}

/// The quoted stretches of a paragraph, in order. A quote runs from its opening mark to the
/// matching closing mark; when the same mark opens again after a sentence first (a paragraph
/// break lost in the copy, `… more. ‘And I …`) or the paragraph ends, it stops there unclosed. A
/// single quote still open at the end, or opening again, closes at the first mark it passed over
/// as a plural possessive (`'Star Wars' streaming`), and the scan goes on from there: one stray
/// mark must not swallow the rest of an article that has lost its paragraph breaks.
fn spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // The open quote: its mark, the opening byte and the first byte inside.
    let mut open: Option<(Mark, usize, usize)> = None;
    // The first mark the open single quote passed over as a possessive: its byte and character.
    let mut fallback: Option<(usize, char)> = None;
    // Going back to a fallback from the paragraph's end scans the rest again: a few times at
    // most, so that hostile text stays linear.
    let mut rescans = 0;
    // Only quote marks open, close or reopen a quote: the scan goes from one to the next.
    let mut at = next_mark(text, 0);
    while let Some(c) = text[at..].chars().next() {
        let prev = text[..at].chars().next_back();
        let before = &text[..at];
        let after = &text[at + c.len_utf8()..];
        match open {
            None => {
                if let Some(m) = opens(c, prev, after) {
                    open = Some((m, at, at + c.len_utf8()));
                }
            }
            Some((m, o, start)) => {
                if let Some((end, mark)) = fallback
                    && reopens(m, c, before, after)
                {
                    // A quote opening again while a possessive-looking mark stands open: that
                    // mark closed the quote, and this one opens the next.
                    out.push(Span {
                        open: o,
                        start,
                        end,
                        close: Some(end + mark.len_utf8()),
                    });
                    open = None;
                    fallback = None;
                    at = next_mark(text, end + mark.len_utf8());
                    continue;
                } else if reopens(m, c, before, after) {
                    out.push(Span {
                        open: o,
                        start,
                        end: start + text[start..at].trim_end().len(),
                        close: None,
                    });
                    open = Some((m, at, at + c.len_utf8()));
                    fallback = None;
                } else if closes(m, c, prev, after, &text[start..at]) {
                    out.push(Span {
                        open: o,
                        start,
                        end: at,
                        close: Some(at + c.len_utf8()),
                    });
                    open = None;
                    fallback = None;
                } else if fallback.is_none() && possessive_mark(m, c, prev, after) {
                    fallback = Some((at, c));
                }
            }
        }
        at = next_mark(text, at + c.len_utf8());
        if at == text.len()
            && rescans < MAX_RESCANS
            && let (Some((_, o, start)), Some((end, mark))) = (open, fallback)
        {
            rescans += 1;
            out.push(Span {
                open: o,
                start,
                end,
                close: Some(end + mark.len_utf8()),
            });
            open = None;
            fallback = None;
            at = next_mark(text, end + mark.len_utf8());
        }
    }
    if let Some((_, o, start)) = open {
        out.push(Span {
            open: o,
            start,
            end: start + text[start..].trim_end().len(),
            close: None,
        });
    }
    out
}

/// The byte offset of the first quote mark (“ „ ” ‘ ’ " ') at or after `from`, or the text's
/// length: any other character leaves [`spans`]' scan as it is.
fn next_mark(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut k = from;
    // The curly marks are encoded as 0xE2 0x80 and a third byte; 0xE2 starts a character.
    while let Some(d) = bytes
        .get(k..)
        .and_then(|rest| memchr::memchr3(b'"', b'\'', 0xE2, rest))
    {
        let at = k + d;
        if bytes[at] != 0xE2 || text[at..].starts_with(['“', '„', '”', '‘', '’']) {
            return at;
        }
        k = at + 1;
    }
    bytes.len()
}

/// Whether a character would close the single quote opened with `m` but for looking like a
/// plural possessive (`the players’ union`).
fn possessive_mark(m: Mark, c: char, prev: Option<char>, after: &str) -> bool {
    let mark = match m {
        Mark::CurlySingle => '’',
        Mark::StraightSingle => '\'',
        _ => return false,
    };
    c == mark && prev == Some('s') && !after.starts_with(char::is_alphanumeric)
}

/// The kind of quote a character opens, outside any quote.
fn opens(c: char, prev: Option<char>, after: &str) -> Option<Mark> {
    // Asked of every character outside quotes: most are no quote mark at all.
    if !matches!(c, '“' | '„' | '"' | '‘' | '\'') {
        return None;
    }
    let next = after.chars().next();
    let next_ok = next.is_some_and(|n| !n.is_whitespace() && !",;".contains(n));
    // Before an opening mark: the start, a space, a bracket or a dash; never a letter.
    let prev_ok = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:“\"".contains(p));
    match c {
        '“' | '„' if next_ok && prev.is_none_or(|p| !p.is_alphanumeric()) => Some(Mark::Curly),
        '"' if next_ok && prev.is_none_or(|p| !p.is_alphanumeric() && !".,!?;’'".contains(p)) => {
            Some(Mark::Straight)
        }
        '‘' if next_ok && prev_ok && !elision(after) => Some(Mark::CurlySingle),
        '\'' if prev_ok && next.is_some_and(char::is_alphabetic) && !elision(after) => {
            Some(Mark::StraightSingle)
        }
        _ => None,
    }
}

/// Whether a character closes a quote opened with `m`, `inside` being the quoted text so far.
fn closes(m: Mark, c: char, prev: Option<char>, after: &str, inside: &str) -> bool {
    match m {
        Mark::Curly => c == '”',
        Mark::Straight => c == '"',
        Mark::CurlySingle => c == '’' && single_closes(prev, after, inside),
        Mark::StraightSingle => c == '\'' && single_closes(prev, after, inside),
    }
}

/// Whether ’ or ' closes a single-quoted quote rather than standing for an apostrophe: not inside
/// a word ("Russia’s"), not after a space, and not a plural possessive ("the players’ union"),
/// unless the quote so far is a short title in capitals (`'Star Wars' streaming`).
fn single_closes(prev: Option<char>, after: &str, inside: &str) -> bool {
    let next = after.chars().next();
    if next.is_some_and(char::is_alphanumeric) {
        return false;
    }
    let Some(p) = prev else {
        return false;
    };
    if p.is_whitespace() {
        return false;
    }
    let possessive = p == 's'
        && after.starts_with(' ')
        && after[1..].chars().next().is_some_and(char::is_lowercase);
    if !possessive {
        return true;
    }
    // Five words at most are looked at, however long the quote so far.
    let words: Vec<&str> = inside.split_whitespace().take(5).collect();
    words.len() <= 4
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether a character opens a new quote inside an unclosed one of the same kind: the mark of a
/// continued quotation in a new paragraph, after a space and before a word. A single quote mark
/// after a comma, colon or dash opens a quote nested in the open one (`'He said, 'I have played
/// …'`), which is part of it.
fn reopens(m: Mark, c: char, before: &str, after: &str) -> bool {
    // Asked of every character inside a quote: most are no opening mark at all.
    if !matches!(c, '“' | '"' | '‘' | '\'') {
        return false;
    }
    let next = after.chars().next();
    let fresh = before.chars().next_back().is_none_or(char::is_whitespace)
        && next.is_some_and(|n| n.is_alphanumeric() || "(‘'\"[…".contains(n));
    let nested = before.trim_end().ends_with([',', ':', ';', '—', '–', '-']);
    fresh
        && match m {
            Mark::Curly => c == '“',
            Mark::Straight => c == '"',
            Mark::CurlySingle => c == '‘' && !nested && !elision(after),
            Mark::StraightSingle => {
                c == '\'' && !nested && next.is_some_and(char::is_uppercase) && !elision(after)
            }
        }
}

/// Whether a single quote before `after` is an elision ('em, 'n', '90s), not a quote mark.
fn elision(after: &str) -> bool {
    let word: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .take(8)
        .collect::<String>()
        .to_lowercase();
    ELISIONS.contains(&word.as_str())
        || (word.len() == 3 && word.ends_with('s') && word[..2].chars().all(|c| c.is_ascii_digit()))
}

/// Words written in lower case somewhere in the article, outside quotes or in them.
///
/// Only words that also stand at a sentence's or a quoted stretch's start are kept: those are the
/// only ones asked about ([`Para::name`]), and the set stays small.
fn lower_case_words<'p>(paras: &'p [Para]) -> FxHashSet<&'p str> {
    let mut asked: FxHashSet<&str> = FxHashSet::default();
    for p in paras {
        for i in 0..p.toks.len() {
            if p.toks[i].word && p.sentence_initial(i) {
                asked.insert(p.lower(i));
            }
        }
    }
    // Most words are not asked about: a bit per (length, first byte) of the asked words rules
    // them out before any hashing.
    let slot =
        |w: &str| (w.len().min(31) << 6) | usize::from(w.as_bytes().first().unwrap_or(&0) & 63);
    let mut may: [u64; 32] = [0; 32];
    for w in &asked {
        let k = slot(w);
        may[k >> 6] |= 1 << (k & 63);
    }
    let mut common = FxHashSet::default();
    for p in paras {
        for i in 0..p.toks.len() {
            if p.lower_case(i) {
                let w = p.lower(i);
                let k = slot(w);
                if may[k >> 6] & (1 << (k & 63)) != 0 && asked.contains(w) {
                    common.insert(w);
                }
            }
        }
    }
    common
}

/// Full names of people (two or more words after titles) outside quotes, where they stand, and
/// nicknames written inside names (`Lee 'Uncle Poodle' Thompson`, `'Mama' June Shannon`).
fn full_names(paras: &[Para], ctx: &mut Context) {
    let mut full: FxHashMap<String, Vec<(Pos, String)>> = FxHashMap::default();
    let mut nicknames = FxHashMap::default();
    for (pi, p) in paras.iter().enumerate() {
        let mut i = 0;
        while i < p.toks.len() {
            if p.quoted[i].is_some() || !p.capitalised(i) {
                i += 1;
                continue;
            }
            let last = p.run_end(i);
            let Some(name) = p.name(i, last, ctx) else {
                i = last + 1;
                continue;
            };
            let at = (pi, p.toks[i].start);
            // A nickname between first name and surname, or before the first name.
            let inside = p
                .nickname_at(last + 1)
                .map(|s| (s, p.after_span(s)))
                .filter(|&(_, k)| k < p.toks.len() && p.capitalised(k));
            let before = i
                .checked_sub(1)
                .and_then(|k| p.quoted[k])
                .filter(|&s| p.spans[s].close == Some(p.toks[i - 1].end))
                .and_then(|s| p.nickname_at(p.tok_at(p.spans[s].open)));
            // Most names are no person's and have no nickname: nothing is copied for them.
            let mut text = Cow::Borrowed(name.text);
            let mut next = last + 1;
            if let Some((s, k)) = inside {
                let end = p.run_end(k);
                text = Cow::Owned(format!(
                    "{} {}",
                    name.text,
                    &p.text[p.toks[k].start..p.toks[end].end]
                ));
                nicknames.insert(p.words_of(&p.spans[s]).1.to_lowercase(), text.to_string());
                next = end + 1;
            } else if let Some(s) = before {
                nicknames.insert(p.words_of(&p.spans[s]).1.to_lowercase(), text.to_string());
            }
            let mut words = text.split_whitespace();
            if name.person
                && let (Some(head), Some(tail)) = (words.next(), words.next_back())
            {
                for word in [head.to_lowercase(), tail.to_lowercase()] {
                    let names: &mut Vec<(Pos, String)> = full.entry(word).or_default();
                    if names.last().is_none_or(|(_, n)| *n != *text) {
                        names.push((at, text.to_string()));
                    }
                }
            }
            i = next;
        }
    }
    ctx.full = full;
    ctx.nicknames = nicknames;
}

/// The last word of a name in lower case.
fn surname(name: &str) -> String {
    name.split_whitespace()
        .last()
        .unwrap_or_default()
        .to_lowercase()
}

/// The fullest form of a name the article gives: a nickname's name, or for one word the full
/// name that starts or ends with it ("Peskov" is "Dmitry Peskov", "Ozzy" is "Ozzy Osbourne");
/// of several, the one named last before `at` ("Wang" after "Maya Wang").
fn fullest(ctx: &Context, name: &str, at: Pos) -> String {
    // Most articles have no nickname: no name is lowered for them.
    if !ctx.nicknames.is_empty()
        && let Some(full) = ctx.nicknames.get(&name.to_lowercase())
    {
        return full.clone();
    }
    let mut words = name.split_whitespace();
    let (Some(word), None) = (words.next(), words.next()) else {
        return name.to_string();
    };
    let Some(candidates) = ctx.full.get(&word.to_lowercase()) else {
        return name.to_string();
    };
    match candidates.as_slice() {
        [(_, only)] => only.clone(),
        _ => {
            let before = candidates.partition_point(|(p, _)| *p < at);
            before
                .checked_sub(1)
                .map_or_else(|| name.to_string(), |k| candidates[k].1.clone())
        }
    }
}

/// Marks items that continue the previous one: an unclosed quote reopened in the same paragraph,
/// or continued by the next paragraph opening with a quote mark.
fn link_continuations(paras: &[Para], items: &mut [Item]) {
    for k in 1..items.len() {
        let (prev, item) = (&items[k - 1], &items[k]);
        let Some(&last) = prev.parts.last() else {
            continue;
        };
        let Some(&first) = item.parts.first() else {
            continue;
        };
        let prev_span = &paras[prev.para].spans[last];
        if prev_span.close.is_some() {
            continue;
        }
        let span = &paras[item.para].spans[first];
        let same = item.para == prev.para && first == last + 1;
        let next_para = item.para == prev.para + 1
            && first == 0
            && last + 1 == paras[prev.para].spans.len()
            && paras[item.para].text[..span.open].trim().is_empty();
        if same || next_para {
            items[k].continues = true;
        }
    }
}

/// The parts of a quotation continued over paragraphs share the first attribution any of them has.
fn share_within_chains(items: &mut [Item]) {
    let mut k = 0;
    while k < items.len() {
        let mut end = k + 1;
        while end < items.len() && items[end].continues {
            end += 1;
        }
        if let Some(found) = items[k..end].iter().find_map(|i| i.found.clone()) {
            for item in &mut items[k..end] {
                item.found.get_or_insert_with(|| found.clone());
            }
        }
        k = end;
    }
}

/// The index in the article of the sentence at a position.
fn sentence_of(paras: &[Para], ctx: &Context, at: Pos) -> usize {
    let p = &paras[at.0];
    let k = p.tok_at(at.1).min(p.toks.len().saturating_sub(1));
    ctx.sentence_base[at.0] + p.sentence.get(k).copied().unwrap_or(0)
}

/// The subject of every sentence, in article order: the subject of its first reporting verb
/// (`Crombie died Wednesday, producer Kevin Sullivan said`) or a quote's named speaker, else its
/// first subject outside quotes.
fn subjects(paras: &[Para], ctx: &Context, items: &[Item]) -> Vec<Subject> {
    // Candidates, with whether they speak.
    let mut found: Vec<(Found, bool)> = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
        let (mut first, mut speaking) = (None, None);
        for k in 0..p.toks.len() {
            let sentence = Some(p.sentence[k]);
            if p.quoted[k].is_some() {
                continue;
            }
            if first != sentence
                && let Some(f) = p.subject_at(pi, k, ctx)
            {
                found.push((f, false));
                first = sentence;
            }
            if speaking != sentence
                && p.reporting(k)
                && let Some(f) = p.subject(pi, k, p.clause_start(k, BEFORE_REACH), ctx)
                && f.who != Who::Unnamed
            {
                found.push((f, true));
                speaking = sentence;
            }
        }
    }
    found.extend(items.iter().filter_map(|item| {
        item.found
            .clone()
            .filter(|f| matches!(f.who, Who::Named(_)))
            .map(|f| (f, true))
    }));
    let mut all: Vec<(Subject, bool)> = found
        .into_iter()
        .map(|(f, speaks)| {
            let subject = Subject {
                at: f.at,
                sentence: sentence_of(paras, ctx, f.at),
                person: match &f.who {
                    Who::Named(n) if n.person => Some(fullest(ctx, n.text, f.at)),
                    _ => None,
                },
                anaphor: matches!(f.who, Who::Pronoun | Who::Description),
            };
            (subject, speaks)
        })
        .collect();
    all.sort_by_key(|(s, _)| s.at);
    let mut out: Vec<Subject> = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let key = (all[i].0.at.0, all[i].0.sentence);
        let mut end = i;
        while end < all.len() && (all[end].0.at.0, all[end].0.sentence) == key {
            end += 1;
        }
        // A pronoun speaking later in the sentence most likely means its first subject (`Olivia
        // Thibou wept as she explained`).
        let pick = (i..end)
            .find(|&j| all[j].1 && !all[j].0.anaphor)
            .unwrap_or(i);
        out.push(all[pick].0.clone());
        i = end;
    }
    out
}

/// Names each item's speaker: named attributions expanded to their fullest form, pronouns
/// resolved, and quotes with no attribution given the speaker of the quote they continue or
/// follow, or of the person the sentence before is about.
fn resolve(paras: &[Para], ctx: &Context, subjects: &mut [Subject], items: &mut [Item]) {
    for i in 0..subjects.len() {
        if subjects[i].anaphor {
            subjects[i].person = referent(&subjects[..i], subjects[i].sentence);
        }
    }
    for item in items.iter_mut() {
        item.speaker = match &item.found {
            Some(Found {
                who: Who::Named(name),
                at,
            }) => Some(fullest(ctx, name.text, *at)),
            Some(Found {
                who: Who::Pronoun | Who::Description,
                at,
            }) => {
                let before = subjects.partition_point(|s| s.at < *at);
                referent(&subjects[..before], sentence_of(paras, ctx, *at))
            }
            _ => None,
        };
    }
    for k in 0..items.len() {
        if items[k].found.is_some() {
            continue;
        }
        let prev = (0..k).rev().find(|&j| items[j].quotation);
        items[k].speaker = if items[k].continues {
            items[k - 1].speaker.clone()
        } else if let Some(j) = prev
            && follows(paras, subjects, &items[j], &items[k])
        {
            items[j].speaker.clone()
        } else {
            introduced(paras, ctx, subjects, &items[k])
        };
    }
}

/// Whether `item` directly follows the quote `prev`, with only a short attribution between them
/// (`"…," he said. "…"`): the same voice goes on. A sentence about somebody else between them
/// (`Green MEP Caroline Lucas welcomed …`) ends it.
fn follows(paras: &[Para], subjects: &[Subject], prev: &Item, item: &Item) -> bool {
    let (Some(&last), Some(&first)) = (prev.parts.last(), item.parts.first()) else {
        return false;
    };
    let from = paras[prev.para].spans[last].after();
    let to = paras[item.para].spans[first].open;
    let words = if prev.para == item.para {
        paras[item.para]
            .text
            .get(from..to)
            .unwrap_or_default()
            .split_whitespace()
            .count()
    } else if prev.para + 1 == item.para {
        let tail = paras[prev.para].text.get(from..).unwrap_or_default();
        let head = paras[item.para].text.get(..to).unwrap_or_default();
        tail.split_whitespace().count() + head.split_whitespace().count()
    } else {
        return false;
    };
    let own = prev.found.as_ref().map(|f| f.at);
    let same = |s: &Subject| {
        s.person.as_deref().map(surname) == prev.speaker.as_deref().map(surname)
            && s.person.is_some()
    };
    let lo = subjects.partition_point(|s| s.at <= (prev.para, from));
    let hi = subjects.partition_point(|s| s.at < (item.para, to));
    let other = subjects
        .get(lo..hi)
        .unwrap_or_default()
        .iter()
        .any(|s| Some(s.at) != own && !same(s));
    words <= FOLLOW_REACH && !other
}

/// For a quote with no attribution that opens a sentence: the person the sentence before has as
/// its subject (`Maslany is blown away by the response. "We've always …"`).
fn introduced(paras: &[Para], ctx: &Context, subjects: &[Subject], item: &Item) -> Option<String> {
    let p = &paras[item.para];
    let &first = item.parts.first()?;
    let open = p.tok_at(p.spans[first].open);
    if open >= p.toks.len() || p.clause_start(open, BEFORE_REACH) != open {
        return None;
    }
    let sentence = sentence_of(paras, ctx, (item.para, p.spans[first].open));
    let previous = sentence.checked_sub(1)?;
    // Subjects are in article order, so in the order of their sentences.
    let k = subjects.partition_point(|s| s.sentence < previous);
    subjects
        .get(k)
        .filter(|s| s.sentence == previous)
        .and_then(|s| s.person.clone())
}

/// The person "he", "she" or "the singer" in sentence `sentence` refers to, given the subjects
/// before it: the latest, when it is a person named at most [`PRONOUN_REACH`] sentences back.
fn referent(before: &[Subject], sentence: usize) -> Option<String> {
    let last = before.last()?;
    if sentence.saturating_sub(last.sentence) > PRONOUN_REACH {
        return None;
    }
    last.person.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quotes of an article as (text, speaker).
    fn quotes(paragraphs: &[&str]) -> Vec<(String, Option<String>)> {
        extract(paragraphs)
            .into_iter()
            .map(|q| (q.text, q.speaker))
            .collect()
    }

    fn one(text: &str) -> Vec<(String, Option<String>)> {
        quotes(&[text])
    }

    fn q(text: &str, speaker: Option<&str>) -> (String, Option<String>) {
        (text.to_string(), speaker.map(str::to_string))
    }

    #[test]
    fn curly_quote_then_name_and_said() {
        assert_eq!(
            one("“The harvest will be late this year,” Anna Berg said."),
            [q("The harvest will be late this year", Some("Anna Berg"))]
        );
    }

    #[test]
    fn straight_quote_then_name_and_says() {
        assert_eq!(
            one(r#""Nobody expected the river to rise so fast," Tomas Reyes says."#),
            [q(
                "Nobody expected the river to rise so fast",
                Some("Tomas Reyes")
            )]
        );
    }

    #[test]
    fn single_quote_marks_and_apostrophes() {
        assert_eq!(
            one("‘The council’s plan won’t survive the winter,’ said Lena Ortiz."),
            [q(
                "The council’s plan won’t survive the winter",
                Some("Lena Ortiz")
            )]
        );
        // A plural possessive does not close the quote.
        assert_eq!(
            one("‘The players’ union will fight this decision,’ said Lena Ortiz."),
            [q(
                "The players’ union will fight this decision",
                Some("Lena Ortiz")
            )]
        );
        assert_eq!(
            one("'We have waited long enough for this,' said Lena Ortiz."),
            [q("We have waited long enough for this", Some("Lena Ortiz"))]
        );
    }

    #[test]
    fn said_before_the_name() {
        assert_eq!(
            one("“Prices will fall by the spring,” said Karl Weiss."),
            [q("Prices will fall by the spring", Some("Karl Weiss"))]
        );
    }

    #[test]
    fn said_name_then_an_appositive() {
        assert_eq!(
            one("“Prices will fall by the spring,” said Karl Weiss, the bank’s chief economist."),
            [q("Prices will fall by the spring", Some("Karl Weiss"))]
        );
        assert_eq!(
            one("“Prices will fall by the spring,” Karl Weiss, the bank’s chief economist, said."),
            [q("Prices will fall by the spring", Some("Karl Weiss"))]
        );
    }

    #[test]
    fn name_said_colon_then_the_quote() {
        assert_eq!(
            one("Karl Weiss said: “Prices will fall by the spring.”"),
            [q("Prices will fall by the spring.", Some("Karl Weiss"))]
        );
    }

    #[test]
    fn said_that_then_a_partial_quote() {
        assert_eq!(
            one("Karl Weiss said that prices were “likely to fall by the spring”."),
            [q("likely to fall by the spring", Some("Karl Weiss"))]
        );
    }

    #[test]
    fn quote_then_told_reporters() {
        assert_eq!(
            one("“We are not leaving the talks” Mira Sato told reporters on Friday."),
            [q("We are not leaving the talks", Some("Mira Sato"))]
        );
    }

    #[test]
    fn according_to() {
        assert_eq!(
            one("“The bridge will reopen within a week,” according to the Transport Ministry."),
            [q(
                "The bridge will reopen within a week",
                Some("Transport Ministry")
            )]
        );
    }

    #[test]
    fn other_reporting_verbs() {
        for verb in [
            "added",
            "told",
            "stated",
            "warned",
            "insisted",
            "explained",
            "noted",
            "wrote",
            "tweeted",
            "asked",
            "replied",
            "declared",
            "claimed",
            "argued",
            "urged",
            "confirmed",
        ] {
            let text = format!("“This is only the first step,” Mira Sato {verb}.");
            assert_eq!(
                one(&text),
                [q("This is only the first step", Some("Mira Sato"))],
                "{verb}"
            );
        }
        assert_eq!(
            one("Mira Sato will say the plan is “only the first of many steps”."),
            [q("only the first of many steps", Some("Mira Sato"))]
        );
    }

    #[test]
    fn quote_broken_by_its_attribution() {
        let text = "“We will finish the road,” Anna Berg said, “and we will do it this year.”";
        let found = extract(&[text]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].text,
            "We will finish the road … and we will do it this year."
        );
        assert_eq!(&text[found[0].range.clone()], "We will finish the road");
        assert_eq!(found[0].speaker.as_deref(), Some("Anna Berg"));
        // After a full stop, a piece with no attribution of its own goes on the same quote.
        assert_eq!(
            one("“We will finish the road,” Anna Berg said. “It will be done this year.”"),
            [q(
                "We will finish the road … It will be done this year.",
                Some("Anna Berg")
            )]
        );
    }

    #[test]
    fn multi_sentence_quote() {
        assert_eq!(
            one("“The water is clean. The pipes are new. Nobody is at risk,” said Anna Berg."),
            [q(
                "The water is clean. The pipes are new. Nobody is at risk",
                Some("Anna Berg")
            )]
        );
    }

    #[test]
    fn quote_continued_in_the_next_paragraph() {
        assert_eq!(
            quotes(&[
                "Anna Berg said: “The water is clean and the pipes are new.",
                "“Nobody in the valley is at risk any more.”",
            ]),
            [
                q(
                    "The water is clean and the pipes are new.",
                    Some("Anna Berg")
                ),
                q(
                    "Nobody in the valley is at risk any more.",
                    Some("Anna Berg")
                ),
            ]
        );
        // The same in one paragraph whose break was lost: the quote mark opens again.
        assert_eq!(
            one(
                "Anna Berg said: ‘The water is clean and the pipes are new. ‘Nobody in the valley is at risk any more.’"
            ),
            [
                q(
                    "The water is clean and the pipes are new.",
                    Some("Anna Berg")
                ),
                q(
                    "Nobody in the valley is at risk any more.",
                    Some("Anna Berg")
                ),
            ]
        );
    }

    #[test]
    fn pronoun_resolved_to_the_person_named_before() {
        assert_eq!(
            quotes(&[
                "Anna Berg visited the flooded valley on Monday.",
                "“The water is higher than anyone remembers,” she said.",
            ]),
            [q(
                "The water is higher than anyone remembers",
                Some("Anna Berg")
            )]
        );
    }

    #[test]
    fn pronoun_left_unnamed_when_unsafe() {
        // Nobody named before, or somebody unnamed speaking last.
        assert_eq!(
            one("“The water is higher than anyone remembers,” he said."),
            [q("The water is higher than anyone remembers", None)]
        );
        assert_eq!(
            one(
                "Anna Berg visited the valley. Her neighbour said the road was closed. “The water is higher than anyone remembers,” she said."
            ),
            [q("The water is higher than anyone remembers", None)]
        );
        // "they" is nobody in particular.
        assert_eq!(
            one(
                "Anna Berg visited the valley. “The water is higher than anyone remembers,” they said."
            ),
            [q("The water is higher than anyone remembers", None)]
        );
    }

    #[test]
    fn surname_expanded_to_the_full_name() {
        assert_eq!(
            quotes(&[
                "Mayor Anna Berg opened the bridge on Monday.",
                "“It took four years to build,” Berg said.",
            ]),
            [q("It took four years to build", Some("Anna Berg"))]
        );
    }

    #[test]
    fn titles_dropped() {
        assert_eq!(
            one("“The border stays open for trade,” President Olaf Brandt said."),
            [q("The border stays open for trade", Some("Olaf Brandt"))]
        );
        assert_eq!(
            one("“The border stays open for trade,” ministry spokesman Ivo Lind said."),
            [q("The border stays open for trade", Some("Ivo Lind"))]
        );
        assert_eq!(
            one("“The border stays open for trade,” Foreign Minister Ivo Lind said."),
            [q("The border stays open for trade", Some("Ivo Lind"))]
        );
    }

    #[test]
    fn organisation_as_speaker() {
        assert_eq!(
            one("“The border stays open for trade,” the Interior Ministry said."),
            [q(
                "The border stays open for trade",
                Some("Interior Ministry")
            )]
        );
    }

    #[test]
    fn somebody_unnamed_is_none() {
        assert_eq!(
            one("“The border stays open for trade,” a spokesman said."),
            [q("The border stays open for trade", None)]
        );
        assert_eq!(
            one("“The border stays open for trade,” said a spokesman for the ministry."),
            [q("The border stays open for trade", None)]
        );
    }

    #[test]
    fn short_quoted_phrases_are_not_quotes() {
        assert!(one("The minister called the plan “a fantasy” and left.").is_empty());
        assert!(one(r#"She starred in "Three Short Days" last year."#).is_empty());
        // Titles of four words or more are not speech either; shouting is.
        assert!(one("The report, “Death Sentences and Executions 2014,” is out.").is_empty());
        assert_eq!(
            one("She wrote: ‘WE ARE NOT GOING ANYWHERE.’"),
            [q("WE ARE NOT GOING ANYWHERE.", None)]
        );
    }

    #[test]
    fn next_quote_after_an_attributed_one_has_the_same_speaker() {
        assert_eq!(
            quotes(&[
                "“We will rebuild the school first,” Anna Berg said.",
                "“Then the library, and then the pool.”",
            ]),
            [
                q("We will rebuild the school first", Some("Anna Berg")),
                q("Then the library, and then the pool.", Some("Anna Berg")),
            ]
        );
    }

    #[test]
    fn ranges_point_at_the_quoted_words() {
        let paragraphs = [
            "Intro without quotes.",
            "Anna Berg said: “We will rebuild the school first,” and left.",
        ];
        let found = extract(&paragraphs);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].paragraph, 1);
        assert_eq!(
            &paragraphs[1][found[0].range.clone()],
            "We will rebuild the school first"
        );
    }

    #[test]
    fn nested_quote_is_part_of_the_outer_one() {
        // The nested quote's closing mark closes the outer one too: nested quotes that end the
        // outer one, as they mostly do, come out whole.
        assert_eq!(
            one("‘Then she told me, ‘You will never win this race.’’ said Anna Berg."),
            [q(
                "Then she told me, ‘You will never win this race.",
                Some("Anna Berg")
            )]
        );
    }

    #[test]
    fn possessive_looking_mark_after_a_title_closes_it() {
        // The second mark reads like "the Wars' streaming" but closes a title; the quote after it
        // is found.
        let found = one(
            "Fans rushed to buy 'Storm Riders' tickets. 'We queued all night for these seats,' said Anna Berg.",
        );
        assert_eq!(
            found,
            [q("We queued all night for these seats", Some("Anna Berg"))]
        );
    }

    #[test]
    fn coordinated_verb_shares_the_subject() {
        assert_eq!(
            one(
                "Anna Berg visited the site but conceded that the work had been “slower than anyone had hoped”."
            ),
            [q("slower than anyone had hoped", Some("Anna Berg"))]
        );
        assert_eq!(
            one("Anna Berg will say the plan is “the best we have ever had”."),
            [q("the best we have ever had", Some("Anna Berg"))]
        );
    }

    #[test]
    fn passive_agent_and_relative_clause() {
        assert_eq!(
            one("The bridge was described by Anna Berg as “the ugliest thing in the valley”."),
            [q("the ugliest thing in the valley", Some("Anna Berg"))]
        );
        assert_eq!(
            one(
                "Karl Weiss, who argues that rates are “far too high for small firms”, left early."
            ),
            [q("far too high for small firms", Some("Karl Weiss"))]
        );
    }

    #[test]
    fn appositive_naming_the_person() {
        assert_eq!(
            one(
                "The mayor of Brill, the Rev Anna Berg, said: “The bells will ring again at noon.”"
            ),
            [q("The bells will ring again at noon.", Some("Anna Berg"))]
        );
    }

    #[test]
    fn description_refers_to_the_person_named_before() {
        assert_eq!(
            one(
                "Anna Berg opened the new school on Monday. The former minister said: “Every child here deserves the best.”"
            ),
            [q("Every child here deserves the best.", Some("Anna Berg"))]
        );
    }

    #[test]
    fn reporting_clause_at_the_end_of_a_sentence_names_its_subject() {
        // "he" is the producer who reported, not the man the sentence is about.
        assert_eq!(
            one(
                "Olaf Brandt died on Monday, his producer Karl Weiss said. “He was a generous man to all of us,” he said."
            ),
            [q("He was a generous man to all of us", Some("Karl Weiss"))]
        );
    }

    #[test]
    fn each_word_list_has_its_own_bit_and_the_lookup_holds_its_words() {
        let all = ALL_LISTS.iter().fold(0, |all, list| {
            assert_eq!(all & list.bit, 0, "{:?} shares a bit", list.words);
            all | list.bit
        });
        assert_eq!(all, (1 << ALL_LISTS.len()) - 1);
        for list in ALL_LISTS {
            for w in list.words {
                let expected = ALL_LISTS
                    .iter()
                    .filter(|l| l.words.contains(w))
                    .fold(0, |bits, l| bits | l.bit);
                assert_eq!(lists_of(w), expected, "{w}");
            }
        }
        assert_eq!(lists_of("peskov"), 0);
        assert_eq!(lists_of("Said"), 0, "the lookup is in lower case");
    }

    #[test]
    fn tokens_in_lower_case_as_to_lowercase_writes_them() {
        // The Kelvin sign lowers to an ASCII "k"; a final sigma lowers to "ς".
        let text = "\u{212A}ING Peskov ΟΔΟΣ İstanbul U.S. AT&T, said";
        let p = Para::new(text, spans(text));
        for i in 0..p.toks.len() {
            assert_eq!(p.lower(i), p.tok(i).to_lowercase());
        }
        assert!(p.is_title(0), "\u{212A}ING is a title, as \"king\"");
        assert!(p.is_word(p.toks.len() - 1, REPORTING));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_ranges_are_valid(
            paragraphs in proptest::collection::vec(
                "[a-zA-Z .,:;!?'\"“”‘’()—–-]{0,120}|(Anna|Berg|said|he|she|“|”|‘|’|\"|'|,| |\\.|the|Mr|President|according|to|told)*",
                0..5,
            )
        ) {
            let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
            for quote in extract(&refs) {
                let p = refs[quote.paragraph];
                proptest::prop_assert!(p.get(quote.range.clone()).is_some());
                proptest::prop_assert!(quote.text.split_whitespace().count() >= MIN_WORDS);
            }
        }
    }
}
