//! Sentence-splitting throughput (MB/s) on real news: every BBC article in `../shared/eval/bbc`
//! (or, when that is absent, the sample corpus in `input/`), split as `brief split` does.
//!
//! cargo bench --bench split

use std::path::{Path, PathBuf};

use brief::lang::Lang;
use brief::segment;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn texts() -> (String, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bbc = root.join("../shared/eval/bbc");
    let mut files: Vec<PathBuf> = Vec::new();
    let label;
    if bbc.is_dir() {
        label = "bbc".to_string();
        files = brief::eval::find_units(&bbc)
            .unwrap()
            .into_iter()
            .map(|u| u.dir.join("article.txt"))
            .collect();
    } else {
        eprintln!("../shared/eval/bbc is absent: measuring on input/ instead");
        label = "sample".to_string();
        for e in std::fs::read_dir(root.join("input")).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    (
        label,
        files
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect(),
    )
}

fn split(c: &mut Criterion) {
    let (label, texts) = texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    // Build the language data once, outside the measurement.
    segment::split_document("Warm up.", Lang::English);
    let mut group = c.benchmark_group("split");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function(
        format!("{label} ({} articles, {bytes} bytes)", texts.len()),
        |b| {
            b.iter(|| {
                let mut n = 0;
                for t in &texts {
                    n += segment::split_document(std::hint::black_box(t), Lang::English).len();
                }
                n
            })
        },
    );
    group.finish();
}

criterion_group!(benches, split);
criterion_main!(benches);
