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
