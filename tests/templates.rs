//! Template errors as a template author sees them: file, line and column, the source line, and
//! what is wrong, for a syntax error, an unknown variable, an unknown filter and a type error
//! (fixtures in tests/data/templates/<case>/). Snapshots keep the messages from drifting.

use std::path::PathBuf;

use brief::render::{self, Strictness, Templates};

fn error_for(case: &str, strictness: Strictness) -> String {
    // A relative path, so that messages are the same on every machine.
    let templates = Templates::Dir(PathBuf::from("tests/data/templates").join(case));
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
    let env = render::environment(&templates, strictness);
    let err = render::render(&env, &templates, &brief::sample::brief())
        .expect_err("the template is broken");
    err.to_string()
}

#[test]
fn syntax_error() {
    let msg = error_for("syntax", Strictness::Normal);
    assert!(
        msg.contains("tests/data/templates/syntax/brief.md.j2:4:"),
        "{msg}"
    );
    insta::assert_snapshot!(msg);
}

#[test]
fn unknown_variable() {
    let msg = error_for("unknown-variable", Strictness::Strict);
    assert!(msg.contains("brief.md.j2:4:6: undefined value"), "{msg}");
    insta::assert_snapshot!(msg);
}

#[test]
fn unknown_filter() {
    let msg = error_for("unknown-filter", Strictness::Normal);
    assert!(msg.contains("unknown filter"), "{msg}");
    insta::assert_snapshot!(msg);
}

#[test]
fn type_error() {
    let msg = error_for("type-error", Strictness::Normal);
    assert!(msg.contains("brief.md.j2:4:"), "{msg}");
    insta::assert_snapshot!(msg);
}

#[test]
fn check_reports_every_broken_template_and_passes_the_defaults() {
    let sample = brief::sample::brief();
    assert_eq!(
        render::check_templates(&Templates::Embedded, &sample),
        Vec::<String>::new()
    );
    let problems = render::check_templates(
        &Templates::Dir(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/templates/unknown-variable"),
        ),
        &sample,
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("undefined value"), "{problems:?}");
}
