//! `--help` of every command, as snapshots: a change to the command line shows up in review, and
//! every command's help must end with examples.

use assert_cmd::Command;

const COMMANDS: &[&[&str]] = &[
    &[],
    &["build"],
    &["summarize"],
    &["split"],
    &["eval"],
    &["templates"],
    &["templates", "init"],
    &["templates", "list"],
    &["templates", "check"],
    &["threads"],
    &["completions"],
    &["man"],
];

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
fn every_command_has_help_with_examples() {
    for args in COMMANDS {
        let text = help(args);
        assert!(
            text.contains("Examples:"),
            "brief {} --help has no examples",
            args.join(" ")
        );
        let name = if args.is_empty() {
            "brief".to_string()
        } else {
            format!("brief-{}", args.join("-"))
        };
        insta::assert_snapshot!(name, text);
    }
}
