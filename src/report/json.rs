//! Machine-readable output: versioned JSON documents.

use std::time::Duration;

use serde::Serialize;
use serde_json::{Value, json};

use crate::check::CheckReport;
use crate::doctor::Finding;
use crate::verify::ExerciseResult;

/// The version of every JSON document; bumped on incompatible changes.
pub const VERSION: u32 = 1;

/// Serialises a duration as fractional seconds.
pub fn seconds<S: serde::Serializer>(
    duration: &Duration,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64((duration.as_secs_f64() * 1000.0).round() / 1000.0)
}

/// The document of `workshop check --json`.
pub fn check(report: &CheckReport) -> Value {
    let mut value = serde_json::to_value(report).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.insert("version".into(), json!(VERSION));
    }
    value
}

/// The document of a check that could not run.
pub fn check_error(exercise: &str, message: &str, go: Option<&crate::gotool::GoInfo>) -> Value {
    json!({
        "version": VERSION,
        "exercise": exercise,
        "status": "error",
        "message": message,
        "goals": [],
        "artifacts": {},
        "go": go,
    })
}

/// The document of `workshop verify --json`.
pub fn verify(results: &[ExerciseResult]) -> Value {
    json!({
        "version": VERSION,
        "ok": results.iter().all(|r| r.ok),
        "exercises": results,
    })
}

/// The document of `workshop doctor --json`.
pub fn doctor(findings: &[Finding]) -> Value {
    json!({
        "version": VERSION,
        "ok": findings.iter().all(|f| f.health != crate::doctor::Health::Fail),
        "findings": findings,
    })
}

/// The document of `workshop list --json`.
pub fn list<T: Serialize>(title: &str, docs: Option<&std::path::Path>, exercises: &[T]) -> Value {
    json!({
        "version": VERSION,
        "title": title,
        "docs": docs,
        "exercises": exercises,
    })
}

/// Pretty JSON text with a final newline.
pub fn render(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// The document of `workshop inspect <trace> --json`.
pub fn trace_facts(facts: &crate::trace::facts::Facts) -> Value {
    let mut value = serde_json::to_value(facts).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.insert("version".into(), json!(VERSION));
    }
    value
}
