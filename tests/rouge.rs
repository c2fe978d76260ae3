//! `brief eval` agrees with rouge-score 0.1.2 (the peers' scorer) within 1e-9 on every pair and
//! every measure, stemming on and off. The pairs (`tests/data/rouge/pairs.json`) were written for
//! brief; `tests/data/rouge/expected.py` computed `expected.json` with rouge-score once.

use std::path::Path;

use brief::eval::{self, RougeOptions, Score};

#[derive(serde::Deserialize)]
struct Pair {
    summary: String,
    references: Vec<String>,
}

#[derive(serde::Deserialize)]
struct Expected {
    pair: usize,
    stem: bool,
    rouge1_precision: f64,
    rouge1_recall: f64,
    rouge1_fmeasure: f64,
    rouge2_precision: f64,
    rouge2_recall: f64,
    rouge2_fmeasure: f64,
    #[serde(rename = "rougeL_precision")]
    rouge_l_precision: f64,
    #[serde(rename = "rougeL_recall")]
    rouge_l_recall: f64,
    #[serde(rename = "rougeL_fmeasure")]
    rouge_l_fmeasure: f64,
}

const TOLERANCE: f64 = 1e-9;

#[test]
fn agrees_with_rouge_score() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/rouge");
    let pairs: Vec<Pair> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("pairs.json")).unwrap()).unwrap();
    let expected: Vec<Expected> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    assert!(pairs.len() >= 30);
    assert_eq!(expected.len(), 2 * pairs.len());
    let mut worst = 0.0_f64;
    let mut failures = Vec::new();
    for e in &expected {
        let p = &pairs[e.pair];
        let refs: Vec<&str> = p.references.iter().map(String::as_str).collect();
        let got = eval::score(
            &p.summary,
            &refs,
            RougeOptions {
                stem: e.stem,
                limit_words: None,
            },
        );
        let check =
            |name: &str, s: Score, want: [f64; 3], failures: &mut Vec<String>, worst: &mut f64| {
                for (part, (g, w)) in ["P", "R", "F"]
                    .iter()
                    .zip([s.precision, s.recall, s.f1].into_iter().zip(want))
                {
                    let d = (g - w).abs();
                    *worst = worst.max(d);
                    if d > TOLERANCE {
                        failures.push(format!(
                            "pair {} stem={} {name} {part}: brief {g:.6}, rouge-score {w:.6}",
                            e.pair, e.stem
                        ));
                    }
                }
            };
        check(
            "ROUGE-1",
            got.rouge1,
            [e.rouge1_precision, e.rouge1_recall, e.rouge1_fmeasure],
            &mut failures,
            &mut worst,
        );
        check(
            "ROUGE-2",
            got.rouge2,
            [e.rouge2_precision, e.rouge2_recall, e.rouge2_fmeasure],
            &mut failures,
            &mut worst,
        );
        check(
            "ROUGE-L",
            got.rouge_l,
            [e.rouge_l_precision, e.rouge_l_recall, e.rouge_l_fmeasure],
            &mut failures,
            &mut worst,
        );
    }
    eprintln!(
        "largest difference from rouge-score over {} rows x 9 values: {worst:.2e}",
        expected.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
