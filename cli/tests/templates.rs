//! Template errors as a template author sees them: file, line and column, the source line, and
//! what is wrong, for a syntax error, an unknown variable, an unknown filter and a type error
//! (fixtures in the project's tests/data/templates/<case>/). Snapshots keep the messages from drifting. Then the
//! limits every render runs under, through the binary: a runaway loop runs out of fuel, a template
//! that prints too much passes the output cap, and a template that includes itself gets a short
//! error; each exits 1, names the template and writes nothing. And `templates init` on a file.

use std::path::Path;
use std::time::Duration;

use brief::render::{self, Strictness, Templates};
use predicates::prelude::*;

mod common;
use common::{brief, brief_in};

/// Date of the committed brief in `briefs/`.
const SAMPLE_DATE: &str = "2025-08-20";

/// Long enough for a debug build on a busy machine, short enough that a render without limits
/// fails the test instead of hanging it.
const TIMEOUT: Duration = Duration::from_secs(120);

/// The error rendering the sample with the fixture templates `case`, with paths relative to the
/// project's folder so that messages are the same on every machine.
fn error_for(case: &str, strictness: Strictness) -> String {
    let root = common::root();
    let templates = Templates::Dir(root.join("tests/data/templates").join(case));
    let env = render::environment(&templates, strictness);
    let err = render::render(&env, &templates, &brief::sample::brief())
        .expect_err("the template is broken");
    err.to_string().replace(&format!("{}/", root.display()), "")
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
        &Templates::Dir(common::root().join("tests/data/templates/unknown-variable")),
        &sample,
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("undefined value"), "{problems:?}");
}

/// `brief build` with the fixture templates `case` into `out`: exit 1 and nothing written.
/// Returns stderr.
fn build_fails(case: &str, out: &Path) -> String {
    let assert = brief()
        .args(["build", "--date", SAMPLE_DATE, "--templates"])
        .arg(Path::new("tests/data/templates").join(case))
        .arg("--out")
        .arg(out)
        .timeout(TIMEOUT)
        .assert()
        .failure()
        .code(1)
        .stdout("");
    assert!(
        std::fs::read_dir(out).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound),
        "{} was written",
        out.display()
    );
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

#[test]
fn a_runaway_loop_runs_out_of_fuel() {
    let tmp = tempfile::tempdir().unwrap();
    let err = build_fails("fuel", &tmp.path().join("out"));
    assert!(
        err.starts_with("error: template error: tests/data/templates/fuel/brief.md.j2:3: too much work: rendering took more than "),
        "{err}"
    );
    // The sample corpus has 5 articles.
    let fuel = render::FUEL_BASE + 5 * render::FUEL_PER_ARTICLE;
    assert!(err.contains(&format!("more than {fuel} steps")), "{err}");
    assert!(
        err.contains("{% for j in range(100000) %}x{% endfor %}"),
        "{err}"
    );
}

#[test]
fn check_stops_a_runaway_loop_too() {
    brief()
        .args([
            "templates",
            "check",
            "--templates",
            "tests/data/templates/fuel",
        ])
        .timeout(TIMEOUT)
        .assert()
        .failure()
        .code(1)
        .stderr(
            predicate::str::contains(
                "tests/data/templates/fuel/brief.md.j2:3: too much work: rendering took more than",
            )
            .and(predicate::str::contains("1 problem in the templates")),
        );
}

#[test]
fn a_template_that_prints_too_much_passes_the_output_cap() {
    let tmp = tempfile::tempdir().unwrap();
    let err = build_fails("output", &tmp.path().join("out"));
    assert_eq!(
        err,
        "error: template error: tests/data/templates/output/brief.md.j2: the output passed 256 MiB, \
         the most a brief may hold; a loop that prints too much? (docs/templates.md, \"Limits\")\n"
    );
    assert_eq!(render::MAX_OUTPUT, 256 << 20);
}

#[test]
fn a_template_that_includes_itself_gets_a_short_error() {
    let msg = error_for("self-include", Strictness::Normal);
    assert_eq!(
        msg,
        "template error: tests/data/templates/self-include/brief.md.j2:3:4: recursion too deep: \
         brief.md.j2 includes itself"
    );
    let msg = error_for("include-cycle", Strictness::Normal);
    assert_eq!(
        msg,
        "template error: tests/data/templates/include-cycle/brief.md.j2:3:4: recursion too deep: \
         brief.md.j2 includes itself through thread.md.j2"
    );

    let tmp = tempfile::tempdir().unwrap();
    let err = build_fails("self-include", &tmp.path().join("out"));
    assert!(err.len() < 300, "{} characters: {err}", err.len());
    assert!(
        err.contains(
            "self-include/brief.md.j2:3:4: recursion too deep: brief.md.j2 includes itself"
        ),
        "{err}"
    );
    brief()
        .args([
            "templates",
            "check",
            "--templates",
            "tests/data/templates/self-include",
        ])
        .timeout(TIMEOUT)
        .assert()
        .failure()
        .code(1)
        .stderr(
            predicate::str::contains("brief.md.j2 includes itself")
                .and(predicate::function(|s: &str| s.len() < 300)),
        );
}

#[test]
fn init_into_a_file_names_it() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes"), "mine").unwrap();
    brief_in(tmp.path())
        .args(["templates", "init", "notes"])
        .assert()
        .failure()
        .code(1)
        .stdout("")
        .stderr("error: notes is a file, not a folder; nothing written\n");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("notes")).unwrap(),
        "mine"
    );
}
