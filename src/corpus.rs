//! The analysed corpus: every article with its language, title and candidate sentences (text,
//! position, line, terms), and the vocabulary they share. This is where ingest, segment and text
//! meet; everything downstream (ranking, threads, the brief) reads a [`Corpus`].
//!
//! Articles are analysed in parallel (rayon); the result does not depend on the number of
//! threads. Each article's text is held once: its candidate sentences, one after another, in one
//! string per document, which sentences index by span (the blocks ingest made are consumed).
//! Terms are held the same way, in flat arrays per document.

use rayon::prelude::*;

use crate::ingest::{Article, Block, Furniture, Role, furniture};
use crate::lang::{Lang, LanguageChoice};
use crate::progress::{Progress, Silent, Stage};
use crate::segment::Splitter;
use crate::text::{self, LocalVocabulary, Term, Vocabulary};
use crate::warning::Warning;
use rustc_hash::FxHashMap;

/// A byte or index range, stored compactly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    fn new(start: usize, end: usize) -> Span {
        let cast = |x: usize| u32::try_from(x).expect("an article is smaller than 4 GiB");
        Span {
            start: cast(start),
            end: cast(end),
        }
    }

    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A candidate sentence: a verbatim sentence of its article that is not furniture. Its text and
/// terms live in its [`Document`]; [`Corpus::sentence`] gives them together.
#[derive(Clone, Debug)]
pub struct Sentence {
    /// 0-based position among the document's candidate sentences.
    pub position: usize,
    /// 1-based line in the file where its block starts.
    pub line: usize,
    /// Whitespace-separated words.
    pub words: usize,
    /// Not a whole sentence a reader could quote alone ([`mark_quotations`]): it ends on an
    /// ellipsis (a quotation or a teaser cut short), opens a quotation its paragraph does not
    /// close, or is shown within an earlier sentence's quotation. Never a key line.
    pub(crate) fragment: bool,
    /// When it opens a quotation that the next sentences of its paragraph close: how many of
    /// them. As a key line it is shown with them, the whole quotation ([`Corpus::line_text`]).
    pub(crate) quoted_through: u8,
    text: Span,
    terms: Span,
    stems: Span,
}

/// An article with its analysis.
#[derive(Clone, Debug)]
pub struct Document {
    /// The article as read. Its blocks are consumed by the analysis: their candidate text lives
    /// on in [`Document::text`].
    pub article: Article,
    pub lang: Lang,
    pub sentences: Vec<Sentence>,
    /// The candidate sentences' text, one after another.
    text: String,
    /// Content terms (stop words left out) of the sentences, in order, with repeats.
    terms: Vec<Term>,
    /// The stem of every word (stop words included): the headline's, then the sentences'.
    stems: Vec<Term>,
    headline_stems: Span,
    /// Without a headline, the title made from the first sentence ([`crate::title`]).
    short_title: Option<String>,
}

impl Document {
    /// A sentence's text, verbatim.
    pub fn text(&self, s: &Sentence) -> &str {
        &self.text[s.text.range()]
    }

    /// A sentence's content terms, in order, with repeats.
    pub fn terms(&self, s: &Sentence) -> &[Term] {
        &self.terms[s.terms.range()]
    }

    /// The stems of all of a sentence's words, stop words included.
    pub fn stems(&self, s: &Sentence) -> &[Term] {
        &self.stems[s.stems.range()]
    }

    /// The stems of all of the headline's words (empty without a headline).
    pub(crate) fn headline_stems(&self) -> &[Term] {
        &self.stems[self.headline_stems.range()]
    }

    /// Front matter title, else the detected headline, else the first sentence (shortened where
    /// a phrase ends, [`crate::title`]), else the id.
    /// The sentence that is the article's title whole (a short first sentence, without a
    /// headline): a key line elsewhere would print it twice.
    pub(crate) fn title_sentence(&self) -> Option<&str> {
        let first = self.sentences.first()?;
        let text = self.text(first);
        (self.article.headline.is_none()
            && self.short_title.as_deref() == Some(text.trim().trim_end_matches(['.', ' '])))
        .then_some(text)
    }

    pub fn title(&self) -> &str {
        match (&self.article.headline, &self.short_title) {
            (Some(h), _) => h,
            (None, Some(t)) => t,
            (None, None) => &self.article.id,
        }
    }

    /// Total words of the candidate sentences.
    pub fn words(&self) -> usize {
        self.sentences.iter().map(|s| s.words).sum()
    }
}

/// Every document of a run and their shared vocabulary.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub docs: Vec<Document>,
    pub(crate) vocab: Vocabulary,
    /// What reading and analysing changed or left out, in file order (articles skipped because
    /// they hold no sentence or repeat an earlier one, lines read differently).
    pub warnings: Vec<Warning>,
}

/// Below this many words, two articles with the same sentences are the same only when their
/// headlines are too: short stubs ("This is a developing story. Check back for updates.") are
/// shared by different stories.
pub(crate) const DUPLICATE_MIN_WORDS: usize = 50;

/// Identifies a sentence in a corpus: (document index, position).
pub(crate) type SentenceId = (usize, usize);

/// A sentence with the document that holds its text and terms.
#[derive(Clone, Copy, Debug)]
pub struct SentenceRef<'a> {
    pub doc: &'a Document,
    pub sentence: &'a Sentence,
}

impl<'a> SentenceRef<'a> {
    pub fn text(&self) -> &'a str {
        self.doc.text(self.sentence)
    }

    pub fn terms(&self) -> &'a [Term] {
        self.doc.terms(self.sentence)
    }
}

impl std::ops::Deref for SentenceRef<'_> {
    type Target = Sentence;

    fn deref(&self) -> &Sentence {
        self.sentence
    }
}

/// How articles are analysed.
#[derive(Clone, Copy, Debug)]
pub struct Analysis {
    pub language: LanguageChoice,
    /// Whether inline furniture ("Scroll down for video", agency datelines) is removed from
    /// sentences; only ablations turn that off.
    pub inline_furniture: bool,
}

impl Corpus {
    /// Analyses `articles` (already in their final order).
    pub fn build(articles: Vec<Article>, language: LanguageChoice) -> Corpus {
        Corpus::build_with(articles, language, true)
    }

    /// [`Corpus::build`], choosing whether inline furniture is removed.
    pub(crate) fn build_with(
        articles: Vec<Article>,
        language: LanguageChoice,
        inline_furniture: bool,
    ) -> Corpus {
        let analysis = Analysis {
            language,
            inline_furniture,
        };
        Corpus::analyse(articles, analysis, &Silent)
    }

    /// Analyses `articles` on all of rayon's threads, reporting each article done to `progress`.
    pub fn analyse(articles: Vec<Article>, analysis: Analysis, progress: &dyn Progress) -> Corpus {
        progress.start(Stage::Analysing, articles.len());
        let analysed: Vec<Analysed> = articles
            .into_par_iter()
            .map(|article| {
                let done = Analysed::new(article, analysis);
                progress.advance(1);
                done
            })
            .collect();
        Corpus::assemble(analysed)
    }

    /// The corpus of articles analysed one by one (in their final order): their local term ids
    /// are mapped to the run's vocabulary in that order, so ids do not depend on which thread
    /// analysed what.
    ///
    /// An article without a sentence is left out, and so is one whose sentences are exactly an
    /// earlier article's (the same story saved twice, under two names): each with a warning that
    /// names the file and the reason.
    pub fn assemble(mut analysed: Vec<Analysed>) -> Corpus {
        let mut warnings = Vec::new();
        // Each article's own warnings, taken out: the corpus holds them from here on.
        let own: Vec<Vec<Warning>> = analysed
            .iter_mut()
            .map(|a| std::mem::take(&mut a.doc.article.warnings))
            .collect();
        let mut keep = vec![true; analysed.len()];
        // The same story: the same sentences; for a short text (a stub such as "This is a
        // developing story."), the same headline too.
        let mut first_with: FxHashMap<(&str, Option<&str>), &str> = FxHashMap::default();
        for ((k, a), own) in analysed.iter().enumerate().zip(own) {
            let doc = &a.doc;
            warnings.extend(own);
            let file = doc.article.file.as_str();
            let short = doc.words() < DUPLICATE_MIN_WORDS;
            let key = (
                doc.text.as_str(),
                short.then(|| doc.article.headline.as_deref().unwrap_or("")),
            );
            if let Some(why) = &a.empty {
                warnings.push(Warning::new(file, format!("skipped: {why}")));
                keep[k] = false;
            } else if let Some(earlier) = first_with.get(&key) {
                warnings.push(Warning::new(
                    file,
                    format!("skipped: same text as {earlier}"),
                ));
                keep[k] = false;
            } else {
                first_with.insert(key, file);
            }
        }
        drop(first_with);
        let analysed: Vec<Analysed> = analysed
            .into_iter()
            .zip(keep)
            .filter_map(|(a, keep)| keep.then_some(a))
            .collect();
        // Ids in first-seen order, article by article: this pass is serial. An analysing thread
        // hands every article the same shared string for a stem, so most stems are known by
        // their address (a cheap key) and the string is hashed once per thread, not once per
        // article. Exact: every string is alive until the end of the pass, so two stems never
        // share an address, and a stem's first address is met where the stem first is.
        let mut vocab = Vocabulary::new();
        let mut by_address: FxHashMap<usize, Term> = FxHashMap::default();
        let maps: Vec<Vec<Term>> = analysed
            .iter()
            .map(|a| {
                a.stems
                    .iter()
                    .map(|s| {
                        let address = std::sync::Arc::as_ptr(s).cast::<u8>() as usize;
                        *by_address.entry(address).or_insert_with(|| vocab.intern(s))
                    })
                    .collect()
            })
            .collect();
        drop(by_address);
        let docs = analysed
            .into_par_iter()
            .zip(maps)
            .map(|(a, map)| {
                let mut doc = a.doc;
                for t in doc.terms.iter_mut().chain(doc.stems.iter_mut()) {
                    *t = map[*t as usize];
                }
                doc
            })
            .collect();
        Corpus {
            docs,
            vocab,
            warnings,
        }
    }

    /// The text of a key line: its sentence, and when it opens a quotation, the sentences that
    /// close it ([`Sentence::quoted_through`]), joined by spaces.
    pub fn line_text(&self, id: SentenceId) -> std::borrow::Cow<'_, str> {
        let s = self.sentence(id);
        if s.quoted_through == 0 {
            return s.text().into();
        }
        let mut text = s.text().to_string();
        for k in 1..=usize::from(s.quoted_through) {
            text.push(' ');
            text.push_str(self.sentence((id.0, id.1 + k)).text());
        }
        text.into()
    }

    /// Words of a key line ([`Corpus::line_text`]).
    pub(crate) fn line_words(&self, id: SentenceId) -> usize {
        let s = self.sentence(id);
        (0..=usize::from(s.quoted_through))
            .map(|k| self.sentence((id.0, id.1 + k)).words)
            .sum()
    }

    /// The sentence with this id.
    pub fn sentence(&self, (doc, position): SentenceId) -> SentenceRef<'_> {
        let doc = &self.docs[doc];
        SentenceRef {
            doc,
            sentence: &doc.sentences[position],
        }
    }

    /// Ids of every sentence of the given documents, in document then position order.
    pub(crate) fn sentence_ids(&self, docs: impl IntoIterator<Item = usize>) -> Vec<SentenceId> {
        docs.into_iter()
            .flat_map(|d| (0..self.docs[d].sentences.len()).map(move |p| (d, p)))
            .collect()
    }

    /// Total number of candidate sentences.
    pub fn sentence_count(&self) -> usize {
        self.docs.iter().map(|d| d.sentences.len()).sum()
    }
}

/// One article analysed on its own, waiting for [`Corpus::assemble`]: its terms are ids local to
/// it.
#[derive(Debug)]
pub struct Analysed {
    doc: Document,
    /// Local term id -> stem.
    stems: Vec<std::sync::Arc<str>>,
    /// Why the article has no sentence, when it has none.
    empty: Option<String>,
}

impl Analysed {
    /// Analyses one article: its language, candidate sentences and their terms. The article's
    /// blocks are consumed.
    pub fn new(article: Article, analysis: Analysis) -> Analysed {
        analyse(article, analysis)
    }
}

fn analyse(mut article: Article, analysis: Analysis) -> Analysed {
    let lang = article.language.unwrap_or_else(|| match analysis.language {
        LanguageChoice::Fixed(l) => l,
        LanguageChoice::Auto => detect(&article).unwrap_or(Lang::English),
    });
    let splitter = Splitter::new(lang);
    let blocks = std::mem::take(&mut article.blocks);
    let headline = article.headline.take();
    let mut local = LocalVocabulary::new(lang);
    let mut doc_text = String::new();
    let (mut terms, mut stems) = (Vec::new(), Vec::new());
    if let Some(h) = &headline {
        local.tokens(h, &mut stems, None);
    }
    let headline_stems = Span::new(0, stems.len());
    let mut sentences = Vec::new();
    for block in blocks.iter().filter(|b| b.role.is_candidate()) {
        let first = sentences.len();
        for range in splitter.split(&block.text) {
            let mut text = &block.text[range];
            if analysis.inline_furniture {
                text = furniture::strip_dateline(text);
                if furniture::sentence(text).is_some() {
                    continue;
                }
            }
            let (t0, s0, x0) = (terms.len(), stems.len(), doc_text.len());
            local.tokens(text, &mut stems, Some(&mut terms));
            doc_text.push_str(text);
            sentences.push(Sentence {
                position: sentences.len(),
                line: block.line,
                words: text::word_count(text),
                fragment: false,
                quoted_through: 0,
                text: Span::new(x0, doc_text.len()),
                terms: Span::new(t0, terms.len()),
                stems: Span::new(s0, stems.len()),
            });
        }
        mark_quotations(&mut sentences[first..], &doc_text);
    }
    let local_stems = std::mem::take(&mut local.stems);
    drop(local);
    let empty = sentences.is_empty().then(|| why_empty(&article, &blocks));
    drop(blocks);
    article.headline = headline;
    doc_text.shrink_to_fit();
    terms.shrink_to_fit();
    stems.shrink_to_fit();
    let short_title = match (&article.headline, sentences.first()) {
        (None, Some(s)) => Some(crate::title::from_sentence(&doc_text[s.text.range()], lang)),
        _ => None,
    };
    let doc = Document {
        article,
        lang,
        sentences,
        text: doc_text,
        terms,
        stems,
        headline_stems,
        short_title,
    };
    Analysed {
        doc,
        stems: local_stems,
        empty,
    }
}

/// Sentences a quotation may span and still be shown whole as one key line.
const QUOTED_SENTENCES: usize = 4;

/// Marks the sentences of one paragraph that open a quotation: shown with the sentences that
/// close it (up to [`QUOTED_SENTENCES`] in all), or a fragment when none does. The sentences a
/// quotation is shown with are fragments too: alone they start inside a quotation, and their
/// words are already in the opener's line.
fn mark_quotations(sentences: &mut [Sentence], text: &str) {
    let mut i = 0;
    while i < sentences.len() {
        let own = &text[sentences[i].text.range()];
        sentences[i].fragment = ends_on_ellipsis(own);
        let mut open = open_quotes(0, own);
        if open == 0 {
            i += 1;
            continue;
        }
        let through = (1..QUOTED_SENTENCES.min(sentences.len() - i)).find(|&k| {
            open = open_quotes(open, &text[sentences[i + k].text.range()]);
            open == 0
        });
        match through {
            Some(k) => {
                sentences[i].quoted_through = k as u8;
                for s in &mut sentences[i + 1..=i + k] {
                    s.fragment = true;
                }
                i += k + 1;
            }
            None => {
                sentences[i].fragment = true;
                i += 1;
            }
        }
    }
}

fn ends_on_ellipsis(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with("...") || t.ends_with('…')
}

/// Quotations open after `t`, `open` being open before it. Curly quotes say which way they turn;
/// a straight one opens at the start or after a space or an opening bracket or dash, and closes
/// anywhere else.
pub(crate) fn open_quotes(open: i32, t: &str) -> i32 {
    let mut open = open;
    let mut prev = ' ';
    for c in t.chars() {
        let opens = match c {
            '“' => Some(true),
            '”' => Some(false),
            '"' => Some(prev.is_whitespace() || matches!(prev, '(' | '[' | '—' | '–')),
            _ => None,
        };
        match opens {
            Some(true) => open += 1,
            Some(false) => open = (open - 1).max(0),
            None => {}
        }
        prev = c;
    }
    open
}

/// Why an article yields no sentence, in a reader's words.
fn why_empty(article: &Article, blocks: &[Block]) -> String {
    if article.size == 0 {
        return "empty file".into();
    }
    if blocks.iter().any(|b| b.role.is_candidate()) {
        return "no sentences: every sentence of its text is page furniture (links, bylines, captions)"
            .into();
    }
    // What its lines are: headings, links, code...
    let mut kinds: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b.role {
            Role::Furniture(f) => Some(furniture_kind(f)),
            Role::Title => Some("a headline"),
            _ => None,
        })
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    if kinds.is_empty() {
        return if article.has_front_matter {
            "no text after the front matter".into()
        } else {
            "only blank lines and spaces".into()
        };
    }
    format!("no sentences: its only lines are {}", kinds.join(", "))
}

/// A kind of furniture, as a warning names it.
fn furniture_kind(f: Furniture) -> &'static str {
    match f {
        Furniture::Heading => "short lines without final punctuation (headings)",
        Furniture::Link => "links to other pages",
        Furniture::Byline => "bylines and dates",
        Furniture::Teaser => "teasers cut off with an ellipsis",
        Furniture::Caption => "captions and credits",
        Furniture::ShortItem => "short list items",
        Furniture::NotText => "code, tables or rules",
    }
}

/// Bytes of prose the language is detected from. The detector's cost grows with the sample; on
/// the 2,097 longer texts of ../shared/eval and tests/data/sbd, 1,000 bytes give the language
/// 4,000 give on all but two mixed-language fixtures (docs/performance.md).
const DETECTION_SAMPLE: usize = 1000;

/// Detects an article's language from its prose, if the detector is sure.
fn detect(article: &Article) -> Option<Lang> {
    let mut sample = String::new();
    for block in article.blocks.iter().filter(|b| b.role.is_candidate()) {
        sample.push_str(&block.text);
        sample.push('\n');
        if sample.len() >= DETECTION_SAMPLE {
            let mut end = DETECTION_SAMPLE;
            while !sample.is_char_boundary(end) {
                end -= 1;
            }
            sample.truncate(end);
            break;
        }
    }
    Lang::detect(&sample)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest;
    use std::path::Path;

    #[test]
    fn candidates_skip_furniture_and_keep_positions() {
        let text = "International\n\nKremlin Signals Putin-Zelenskyy Meeting Possible\n\nThe Kremlin spoke. Sen. Jim Risch replied.\n\nALSO READ: Other story\n\nScroll down for video\n\nIt ended.\n";
        let a = ingest::parse(Path::new("a.txt"), "a.txt", text.as_bytes()).unwrap();
        let c = Corpus::build(vec![a], LanguageChoice::Fixed(Lang::English));
        let d = &c.docs[0];
        let got: Vec<(usize, usize, &str)> = d
            .sentences
            .iter()
            .map(|s| (s.position, s.line, d.text(s)))
            .collect();
        assert_eq!(
            got,
            [
                (0, 5, "The Kremlin spoke."),
                (1, 5, "Sen. Jim Risch replied."),
                (2, 11, "It ended.")
            ]
        );
        assert_eq!(
            d.title(),
            "Kremlin Signals Putin-Zelenskyy Meeting Possible"
        );
        assert_eq!(d.lang, Lang::English);
        let stems = |ids: &[Term]| -> Vec<&str> { ids.iter().map(|&t| c.vocab.stem(t)).collect() };
        assert_eq!(
            stems(d.terms(&d.sentences[1])),
            ["sen", "jim", "risch", "repli"]
        );
        assert_eq!(stems(d.stems(&d.sentences[0])), ["the", "kremlin", "spoke"]);
        assert_eq!(
            stems(d.headline_stems()),
            ["kremlin", "signal", "putin", "zelenskyy", "meet", "possibl"]
        );
    }

    #[test]
    fn term_ids_do_not_depend_on_the_number_of_threads() {
        let articles = || -> Vec<Article> {
            (0..40)
                .map(|i| {
                    let text = format!(
                        "Talks number {i} opened in Riyadh on Tuesday. Delegation {} met the minister {i} times.\n",
                        i * 7
                    );
                    let name = format!("{i:03}.txt");
                    ingest::parse(Path::new(&name), &name, text.as_bytes()).unwrap()
                })
                .collect()
        };
        let ids = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let c = pool.install(|| Corpus::build(articles(), LanguageChoice::Auto));
            let all: Vec<Vec<Term>> = c
                .docs
                .iter()
                .flat_map(|d| d.sentences.iter().map(|s| d.terms(s).to_vec()))
                .collect();
            (all, c.vocab.len())
        };
        assert_eq!(ids(1), ids(4));
    }

    #[test]
    fn language_is_detected_per_article_and_front_matter_wins() {
        let de = "Die Gespräche in Riad endeten am Dienstag ohne Einigung. Beide Seiten wollen sich bald wieder treffen, sagte ein Sprecher der Regierung.\n";
        let en = "The talks in Riyadh ended on Tuesday without an agreement. Both sides want to meet again soon, a government spokesman said.\n";
        let forced =
            format!("---\nlanguage: fr\n---\n{en}The talks will go on in Paris next week.\n");
        let articles = [("de.txt", de), ("en.txt", en), ("fr.md", forced.as_str())]
            .iter()
            .map(|(n, t)| ingest::parse(Path::new(n), n, t.as_bytes()).unwrap())
            .collect();
        let c = Corpus::build(articles, LanguageChoice::Auto);
        let langs: Vec<Lang> = c.docs.iter().map(|d| d.lang).collect();
        assert_eq!(langs, [Lang::German, Lang::English, Lang::French]);
        // German stems and stop words: "Gespräche" and "Gespräch" share a stem, "die" is gone.
        let first = c.sentence((0, 0));
        let stems: Vec<&str> = first.terms().iter().map(|&t| c.vocab.stem(t)).collect();
        assert!(stems.contains(&"gesprach"), "{stems:?}");
        assert!(!stems.contains(&"die"), "{stems:?}");
        // A fixed language applies to every article without front matter.
        let a = ingest::parse(Path::new("de.txt"), "de.txt", de.as_bytes()).unwrap();
        assert_eq!(
            Corpus::build(vec![a], LanguageChoice::Fixed(Lang::English)).docs[0].lang,
            Lang::English
        );
    }

    #[test]
    fn fragments_are_cut_quotations_and_ellipses() {
        // A sentence alone: cut at an ellipsis, or opening a quotation it does not close.
        let is_fragment = |t: &str| super::ends_on_ellipsis(t) || super::open_quotes(0, t) > 0;
        for f in [
            "\"Without any evidence, bin Laden is a man without sin. ...",
            "“We will win.",
            "He said \"we will not stop.",
            "The story goes on…",
        ] {
            assert!(is_fragment(f), "{f}");
        }
        for s in [
            "\"We will win,\" he said.",
            "“We will win,” he said.",
            "We are strong,” he said.",
            "We are strong,\" he said.",
            "He met the 6'2\" player.",
            "Talks ended on Monday.",
        ] {
            assert!(!is_fragment(s), "{s}");
        }
    }

    #[test]
    fn a_quotation_over_several_sentences_is_one_line() {
        let a = ingest::parse(
            Path::new("a.txt"),
            "a.txt",
            "Talks ended on Monday in the capital city.\n\n\"We are pleased with the result. It shows real progress,\" said the minister on Monday. \"We will not stop. We will go on. We will win. We must.\n"
                .as_bytes(),
        )
        .unwrap();
        let c = Corpus::build(vec![a], LanguageChoice::Auto);
        let d = &c.docs[0];
        let marks: Vec<(u8, bool)> = d
            .sentences
            .iter()
            .map(|s| (s.quoted_through, s.fragment))
            .collect();
        // The opener of a closed quotation takes the next sentence with it; one never closed
        // within four sentences is a fragment.
        assert_eq!(marks[1], (1, false), "{marks:?}");
        // The sentence it is shown with is not a line of its own.
        assert_eq!(marks[2], (0, true), "{marks:?}");
        assert!(marks[3].1, "{marks:?}");
        assert_eq!(
            c.line_text((0, 1)),
            "\"We are pleased with the result. It shows real progress,\" said the minister on Monday."
        );
        assert_eq!(c.line_words((0, 1)), 15);
        assert_eq!(
            c.line_text((0, 0)),
            "Talks ended on Monday in the capital city."
        );
    }

    #[test]
    fn title_falls_back_to_first_sentence() {
        let a = ingest::parse(
            Path::new("a.txt"),
            "a.txt",
            b"Kremlin\nPutin spoke. He left.\n",
        )
        .unwrap();
        let c = Corpus::build(vec![a], LanguageChoice::Auto);
        assert_eq!(c.docs[0].title(), "Putin spoke");
    }
}
