//! What `brief build --format json` writes holds to the committed `docs/brief.schema.json`, checked
//! by a JSON Schema validator (the schema itself is kept current by the unit test
//! `brief::brief::tests::schema_is_current`). The sample brief (`brief::sample`) fills every field
//! of the model at least once, so every part of the schema meets real output.

use std::path::Path;

use brief::render::{self, Format, Strictness, Templates};
use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/brief.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("docs/brief.schema.json is a valid JSON Schema")
}

/// The sample brief as `--format json` writes it.
fn sample_json() -> Value {
    let templates = Templates::Embedded;
    let env = render::environment(&templates, Strictness::Normal);
    let json = render::output(&env, &templates, &brief::sample::brief(), Format::Json).unwrap();
    serde_json::from_str(&json).unwrap()
}

fn problems(validator: &jsonschema::Validator, json: &Value) -> Vec<String> {
    validator
        .iter_errors(json)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn json_output_follows_the_committed_schema() {
    let json = sample_json();
    assert_eq!(json["schema_version"], brief::brief::SCHEMA_VERSION);
    assert_eq!(problems(&validator(), &json), Vec::<String>::new());
}

/// What a breakage does, and how.
type Breakage = (&'static str, fn(&mut Value));

/// The check above can fail: output that breaks the schema in any of several ways is refused.
#[test]
fn the_schema_refuses_output_of_another_shape() {
    let validator = validator();
    let breakages: [Breakage; 4] = [
        ("a required field missing", |j| {
            j.as_object_mut().unwrap().remove("threads");
        }),
        ("a number where a string belongs", |j| {
            j["date"] = 20250303.into()
        }),
        ("a key line without its text", |j| {
            j["corpus"][0].as_object_mut().unwrap().remove("text");
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
