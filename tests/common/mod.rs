//! Helpers the library's tests share.

use std::path::PathBuf;

/// The fixture folder `tests/data/<feature>/<case>/`, whose files a test reads as its input.
#[allow(dead_code)] // not every test file has fixtures
pub fn fixture(feature: &str, case: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(feature)
        .join(case);
    assert!(dir.is_dir(), "no fixture folder {}", dir.display());
    dir
}

/// The evaluation data beside the project (`../shared/eval`, or one set of it: `cnndm`, `bbc`,
/// `wikiref220`), when it is there. Its text belongs to its publishers, so it is never copied into
/// the project, and a clone without it still passes its tests, saying what it skipped; but under
/// CI (`CI` set), where `../shared` is always beside the clone, its absence fails the test rather
/// than letting the measurements pass unmeasured.
#[allow(dead_code)] // not every test file measures on it
pub fn shared_eval(set: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/eval")
        .join(set);
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is absent, and CI is set: the measurements that need it would pass unmeasured",
        dir.display()
    );
    eprintln!("skipped: {} is absent", dir.display());
    None
}
