//! What `brief build --format json` writes holds to the committed `docs/brief.schema.json`, checked
//! by a JSON Schema validator (the schema itself is kept current by the unit test
//! `brief::brief::tests::schema_is_current`). Two briefs are checked: the template sample
//! (`brief::sample`: front matter, sources, dates, evidence, quotations, "Other") and one built
//! from hostile fixtures, whose warnings fill the part the sample leaves empty.

use std::path::Path;

use brief::corpus::Corpus;
use brief::ingest;
use brief::lang::LanguageChoice;
use brief::pipeline::{self, Options, ThreadSource};
use brief::render::{self, Format, Strictness, Templates};
use serde_json::Value;

mod common;

fn validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/brief.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("docs/brief.schema.json is a valid JSON Schema")
}

/// A brief as `--format json` writes it.
fn json(brief: &brief::brief::Brief) -> Value {
    let templates = Templates::Embedded;
    let env = render::environment(&templates, Strictness::Normal);
    let json = render::output(&env, &templates, brief, Format::Json).unwrap();
    serde_json::from_str(&json).unwrap()
}

fn sample_json() -> Value {
    json(&brief::sample::brief())
}

/// A brief of the fixtures with control characters and articles without sentences: warnings.
fn hostile_json() -> Value {
    let mut articles = Vec::new();
    for case in ["control-characters", "no-sentences"] {
        let dir = common::fixture("hostile", case);
        for entry in walkdir::WalkDir::new(&dir).min_depth(1).sort_by_file_name() {
            let path = entry.unwrap().into_path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if let Ok(a) = ingest::parse(&path, &name, &std::fs::read(&path).unwrap()) {
                articles.push(a);
            }
        }
    }
    let corpus = Corpus::build(articles, LanguageChoice::Auto);
    let date = jiff::civil::date(2025, 1, 2);
    json(&pipeline::build_brief(
        &corpus,
        ThreadSource::Discover,
        date,
        &Options::default(),
    ))
}

fn problems(validator: &jsonschema::Validator, json: &Value) -> Vec<String> {
    validator
        .iter_errors(json)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn json_output_follows_the_committed_schema() {
    let validator = validator();
    let sample = sample_json();
    assert_eq!(sample["schema_version"], brief::brief::SCHEMA_VERSION);
    assert_eq!(problems(&validator, &sample), Vec::<String>::new());
    let hostile = hostile_json();
    assert!(
        hostile["warnings"]
            .as_array()
            .is_some_and(|w| !w.is_empty()),
        "the hostile fixtures give warnings"
    );
    assert_eq!(problems(&validator, &hostile), Vec::<String>::new());
}

/// What a breakage does, and how.
type Breakage = (&'static str, fn(&mut Value));

/// The check above can fail: output that breaks the schema in any of several ways is refused.
#[test]
fn the_schema_refuses_output_of_another_shape() {
    let validator = validator();
    let breakages: [Breakage; 5] = [
        ("a required field missing", |j| {
            j.as_object_mut().unwrap().remove("threads");
        }),
        ("a number where a string belongs", |j| {
            j["date"] = 20250303.into()
        }),
        ("a key line without its text", |j| {
            j["corpus"][0].as_object_mut().unwrap().remove("text");
        }),
        ("a warning without its message", |j| {
            j["warnings"] = serde_json::json!([{ "file": "a.txt" }]);
        }),
        ("an unknown value of an enumeration", |j| {
            j["threads"][0]["articles"][0]["source_from"] = "rumour".into()
        }),
    ];
    for (what, breakage) in breakages {
        let mut json = sample_json();
        breakage(&mut json);
        assert!(!validator.is_valid(&json), "{what}: accepted");
    }
}
