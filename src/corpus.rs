//! The analysed corpus: every article with its language, title and candidate sentences (text,
//! position, line, terms), and the vocabulary they share. This is where ingest, segment and text
//! meet; everything downstream (ranking, threads, the brief) reads a [`Corpus`].

use crate::ingest::{Article, furniture};
use crate::lang::{Lang, LanguageChoice};
use crate::segment::Splitter;
use crate::text::{self, Term, Vocabulary};

/// A candidate sentence: a verbatim sentence of its article that is not furniture.
#[derive(Clone, Debug)]
pub struct Sentence {
    /// Index of its document in [`Corpus::docs`].
    pub doc: usize,
    /// 0-based position among the document's candidate sentences.
    pub position: usize,
    /// 1-based line in the file where its block starts.
    pub line: usize,
    pub text: String,
    /// Content terms, in order, with repeats.
    pub terms: Vec<Term>,
    /// Whitespace-separated words.
    pub words: usize,
}

/// An article with its analysis.
#[derive(Clone, Debug)]
pub struct Document {
    pub article: Article,
    pub lang: Lang,
    /// Front matter title, else the detected headline, else the first sentence.
    pub title: String,
    pub sentences: Vec<Sentence>,
}

/// Every document of a run and their shared vocabulary.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub docs: Vec<Document>,
    pub vocab: Vocabulary,
}

/// Identifies a sentence in a corpus: (document index, position).
pub type SentenceId = (usize, usize);

impl Corpus {
    /// Analyses `articles` (already in their final order).
    pub fn build(articles: Vec<Article>, language: LanguageChoice) -> Corpus {
        Corpus::build_with(articles, language, true)
    }

    /// [`Corpus::build`], choosing whether inline furniture ("Scroll down for video", agency
    /// datelines) is removed from sentences; only ablations turn that off.
    pub fn build_with(
        articles: Vec<Article>,
        language: LanguageChoice,
        inline_furniture: bool,
    ) -> Corpus {
        let mut corpus = Corpus::default();
        for article in articles {
            corpus.push(article, language, inline_furniture);
        }
        corpus
    }

    /// Analyses one more article and adds it.
    fn push(&mut self, article: Article, language: LanguageChoice, inline_furniture: bool) {
        let doc = self.docs.len();
        let lang = article.language.unwrap_or_else(|| match language {
            LanguageChoice::Fixed(l) => l,
            LanguageChoice::Auto => detect(&article).unwrap_or(Lang::English),
        });
        let data = lang.data();
        let splitter = Splitter::new(lang);
        let mut sentences = Vec::new();
        for block in article.blocks.iter().filter(|b| b.role.is_candidate()) {
            for range in splitter.split(&block.text) {
                let mut text = &block.text[range];
                if inline_furniture {
                    text = furniture::strip_dateline(text);
                    if furniture::sentence(text).is_some() {
                        continue;
                    }
                }
                sentences.push(Sentence {
                    doc,
                    position: sentences.len(),
                    line: block.line,
                    text: text.to_string(),
                    terms: text::terms(text, data, &mut self.vocab),
                    words: text::word_count(text),
                });
            }
        }
        let title = article
            .headline
            .clone()
            .or_else(|| sentences.first().map(|s| s.text.clone()))
            .unwrap_or_else(|| article.id.clone());
        self.docs.push(Document {
            article,
            lang,
            title,
            sentences,
        });
    }

    /// The sentence with this id.
    pub fn sentence(&self, (doc, position): SentenceId) -> &Sentence {
        &self.docs[doc].sentences[position]
    }

    /// Ids of every sentence of the given documents, in document then position order.
    pub fn sentence_ids(&self, docs: impl IntoIterator<Item = usize>) -> Vec<SentenceId> {
        docs.into_iter()
            .flat_map(|d| (0..self.docs[d].sentences.len()).map(move |p| (d, p)))
            .collect()
    }

    /// Total number of candidate sentences.
    pub fn sentence_count(&self) -> usize {
        self.docs.iter().map(|d| d.sentences.len()).sum()
    }
}

/// Detects an article's language from its prose, if the detector is sure.
fn detect(article: &Article) -> Option<Lang> {
    let mut sample = String::new();
    for block in article.blocks.iter().filter(|b| b.role.is_candidate()) {
        sample.push_str(&block.text);
        sample.push('\n');
        if sample.len() > 4000 {
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
            .map(|s| (s.position, s.line, s.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (0, 5, "The Kremlin spoke."),
                (1, 5, "Sen. Jim Risch replied."),
                (2, 11, "It ended.")
            ]
        );
        assert_eq!(d.title, "Kremlin Signals Putin-Zelenskyy Meeting Possible");
        assert_eq!(d.lang, Lang::English);
    }

    #[test]
    fn language_is_detected_per_article_and_front_matter_wins() {
        let de = "Die Gespräche in Riad endeten am Dienstag ohne Einigung. Beide Seiten wollen sich bald wieder treffen, sagte ein Sprecher der Regierung.\n";
        let en = "The talks in Riyadh ended on Tuesday without an agreement. Both sides want to meet again soon, a government spokesman said.\n";
        let forced = format!("---\nlanguage: fr\n---\n{en}");
        let articles = [("de.txt", de), ("en.txt", en), ("fr.md", forced.as_str())]
            .iter()
            .map(|(n, t)| ingest::parse(Path::new(n), n, t.as_bytes()).unwrap())
            .collect();
        let c = Corpus::build(articles, LanguageChoice::Auto);
        let langs: Vec<Lang> = c.docs.iter().map(|d| d.lang).collect();
        assert_eq!(langs, [Lang::German, Lang::English, Lang::French]);
        // German stems and stop words: "Gespräche" and "Gespräch" share a stem, "die" is gone.
        let first = &c.docs[0].sentences[0];
        let stems: Vec<&str> = first.terms.iter().map(|&t| c.vocab.stem(t)).collect();
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
    fn title_falls_back_to_first_sentence() {
        let a = ingest::parse(
            Path::new("a.txt"),
            "a.txt",
            b"Kremlin\nPutin spoke. He left.\n",
        )
        .unwrap();
        let c = Corpus::build(vec![a], LanguageChoice::Auto);
        assert_eq!(c.docs[0].title, "Putin spoke.");
    }
}
