//! A small brief built from three made-up articles, for checking templates (`brief templates
//! check`) without any input folder: every field of the model is filled at least once (source,
//! url, date, an "Other" thread, evidence, front matter extras).

use std::path::Path;

use crate::brief::Brief;
use crate::corpus::Corpus;
use crate::ingest;
use crate::lang::{Lang, LanguageChoice};
use crate::pipeline::{self, Options, ThreadSource};
use crate::threads::ThreadDef;

const ARTICLES: &[(&str, &str)] = &[
    (
        "harbour-bridge.md",
        "---\ntitle: Harbour bridge reopens after repairs\nsource: Coastal Times\nurl: https://example.org/bridge\ndate: 2025-03-02\nauthor: A. Writer\n---\n# Harbour bridge reopens after repairs\n\nThe harbour bridge reopened to traffic on Sunday after eight months of repairs to its steel deck. City engineers said the bridge was now safe for heavy lorries again. \"We replaced every joint on the main span,\" the chief engineer said. Shops on both banks had lost trade while the bridge was closed.\n",
    ),
    (
        "harbour-ferry.txt",
        "Ferry services across the harbour will be cut back now that the bridge has reopened. The operator said passenger numbers fell by half in the first week after the repairs ended. Two of the four ferries will be sold next year. Workers at the ferry yard asked the council to keep the night service.\n",
    ),
    (
        "library.txt",
        "The town library will open on Sundays from April, the council announced on Friday. The longer hours are paid for by a gift from a local family. Volunteers will run a reading club for children on Sunday mornings.\n",
    ),
];

/// The sample brief, dated 2025-03-03.
pub fn brief() -> Brief {
    let articles = ARTICLES
        .iter()
        .map(|(name, text)| {
            ingest::parse(Path::new(name), name, text.as_bytes()).expect("sample articles parse")
        })
        .collect();
    let corpus = Corpus::build(articles, LanguageChoice::Fixed(Lang::English));
    let threads = vec![ThreadDef {
        name: "Harbour".into(),
        description: "The harbour bridge and what its reopening changes.".into(),
        terms: vec!["harbour".into(), "bridge".into()],
        discovered: false,
        line: None,
    }];
    let date = jiff::civil::date(2025, 3, 3);
    pipeline::build_brief(
        &corpus,
        ThreadSource::DefinedOnly(threads),
        date,
        &Options::default(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn sample_fills_the_model() {
        let b = super::brief();
        assert_eq!(b.stats.articles, 3);
        assert_eq!(b.threads.len(), 2);
        assert!(b.threads[1].other);
        let bridge = &b.threads[0].articles[0];
        assert_eq!(bridge.source, "Coastal Times");
        assert_eq!(bridge.url.as_deref(), Some("https://example.org/bridge"));
        assert!(bridge.extra.contains_key("author"));
        assert!(!b.corpus.is_empty() && !b.threads[0].key_lines.is_empty());
    }
}
