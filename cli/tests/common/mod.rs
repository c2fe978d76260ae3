//! Helpers the binary's tests share.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The project's folder (the workspace's root, with `input/`, `briefs/` and `README.md`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ is inside the project")
        .to_path_buf()
}

/// Copies the fixture folder `tests/data/<feature>/<case>/` of the project, with its subfolders,
/// into `dest` (created if need be; files already there of the same name are replaced), byte for
/// byte. The copies are new files, writable whatever the checkout's modes, so a test may change
/// them.
#[allow(dead_code)] // not every test file has fixtures
pub fn copy_fixture(feature: &str, case: &str, dest: &Path) {
    let src = root().join("tests/data").join(feature).join(case);
    assert!(src.is_dir(), "no fixture folder {}", src.display());
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        let to = dest.join(entry.path().strip_prefix(&src).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::write(&to, std::fs::read(entry.path()).unwrap()).unwrap();
        }
    }
}

/// `brief`, run in `dir`, with no SOURCE_DATE_EPOCH from the environment.
pub fn brief_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("brief").unwrap();
    cmd.current_dir(dir).env_remove("SOURCE_DATE_EPOCH");
    cmd
}

/// `brief`, run in the project's folder.
#[allow(dead_code)] // not every test file runs it here
pub fn brief() -> Command {
    brief_in(&root())
}

/// `brief build --format FORMAT --date DATE` in `dir`: checks that it succeeds and prints the
/// brief's path, and returns the brief.
#[allow(dead_code)] // not every test file builds briefs
pub fn build_format(dir: &Path, format: &str, date: &str) -> String {
    brief_in(dir)
        .args(["build", "--format", format, "--date", date])
        .assert()
        .success()
        .stdout(format!("briefs/{date}.{format}\n"));
    std::fs::read_to_string(dir.join(format!("briefs/{date}.{format}"))).unwrap()
}
