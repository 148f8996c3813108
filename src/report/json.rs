//! Machine-readable output: every document in one versioned envelope.

use serde::Serialize;
use serde_json::{Value, json};

/// The version of every JSON document; bumped on incompatible changes.
pub const VERSION: u32 = 1;

/// The document as pretty JSON text with a final newline, its keys in order
/// and `version` and `lang` among them.
pub fn render<D: Serialize>(doc: &D) -> String {
    let mut value = serde_json::to_value(doc).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.insert("version".into(), json!(VERSION));
        // The language of the prose fields (titles, explanations, evidence).
        map.insert("lang".into(), json!(crate::i18n::lang().code()));
    }
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_carries_the_version() {
        #[derive(Serialize)]
        struct Doc {
            ok: bool,
        }
        assert_eq!(
            render(&Doc { ok: true }),
            "{\n  \"lang\": \"en\",\n  \"ok\": true,\n  \"version\": 1\n}\n"
        );
    }
}
