//! `--help` of every command, as snapshots: a change to the command line shows up in review.

use assert_cmd::Command;

fn help(args: &[&str]) -> String {
    let out = Command::cargo_bin("brief")
        .unwrap()
        .args(args)
        .arg("--help")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn help_top() {
    insta::assert_snapshot!(help(&[]));
}

#[test]
fn help_build() {
    insta::assert_snapshot!(help(&["build"]));
}

#[test]
fn help_summarize() {
    insta::assert_snapshot!(help(&["summarize"]));
}

#[test]
fn help_split() {
    insta::assert_snapshot!(help(&["split"]));
}

#[test]
fn help_eval() {
    insta::assert_snapshot!(help(&["eval"]));
}
