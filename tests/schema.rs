//! `docs/brief.schema.json` is the JSON Schema of the brief model (`brief build --format json`),
//! generated from the Rust types. Regenerate after a model change with
//! `BRIEF_UPDATE_SCHEMA=1 cargo test --test schema` (and bump `SCHEMA_VERSION` when a field is
//! renamed or removed).

use std::path::Path;

#[test]
fn committed_schema_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/brief.schema.json");
    let fresh = brief::brief::json_schema();
    if std::env::var_os("BRIEF_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "docs/brief.schema.json is stale: BRIEF_UPDATE_SCHEMA=1 cargo test --test schema"
    );
}

#[test]
fn json_output_follows_the_schema_shape() {
    let b = brief::sample::brief();
    let json: serde_json::Value = serde_json::to_value(&b).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&brief::brief::json_schema()).unwrap();
    // Every required top-level field of the schema is in the output, and nothing else.
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    let mut req = required.clone();
    req.sort();
    assert_eq!(keys, req);
    assert_eq!(json["schema_version"], brief::brief::SCHEMA_VERSION);
}
