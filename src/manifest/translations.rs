//! Which texts of a workshop lack a translation: once any text of a workshop
//! is given in a language, every text an attendee reads (titles, summaries,
//! explanations, hints) should be, or attendees reading that language meet
//! English in the middle. `verify` warns about each one.

use std::path::PathBuf;

use super::{Exercise, Workshop};
use crate::i18n::{Lang, Text};

/// A text without its translation into `lang`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Untranslated {
    /// The file that holds the text.
    pub file: PathBuf,
    /// Where in the file: `title`, `goals[1].explain`, `hints[0]`.
    pub field: String,
    pub lang: Lang,
}

/// The texts of an exercise with where they stand in its check file.
fn texts(exercise: &Exercise) -> Vec<(String, &Text)> {
    let mut texts = vec![("title".to_owned(), &exercise.title)];
    if let Some(summary) = &exercise.summary {
        texts.push(("summary".to_owned(), summary));
    }
    for (i, goal) in exercise.goals.iter().enumerate() {
        if let Some(explain) = &goal.explain {
            texts.push((format!("goals[{i}].explain"), explain));
        }
        if let Some(hint) = &goal.hint {
            texts.push((format!("goals[{i}].hint"), hint));
        }
    }
    for (i, hint) in exercise.hints.iter().enumerate() {
        texts.push((format!("hints[{i}]"), hint));
    }
    texts
}

/// Every text of the workshop lacking a language that some text of it is given in.
pub fn untranslated(workshop: &Workshop) -> Vec<Untranslated> {
    let manifest = workshop.root.join(super::MANIFEST);
    let mut all: Vec<(PathBuf, String, &Text)> =
        vec![(manifest, "title".to_owned(), &workshop.title)];
    for exercise in &workshop.exercises {
        for (field, text) in texts(exercise) {
            all.push((exercise.check_file.clone(), field, text));
        }
    }
    let mut langs: Vec<Lang> = Vec::new();
    for lang in all.iter().flat_map(|(_, _, text)| text.langs()) {
        if !langs.contains(&lang) {
            langs.push(lang);
        }
    }
    let mut missing = Vec::new();
    for (file, field, text) in &all {
        for lang in &langs {
            if !text.has(*lang) {
                missing.push(Untranslated {
                    file: file.clone(),
                    field: field.clone(),
                    lang: *lang,
                });
            }
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn bundled() -> Workshop {
        super::super::load(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn every_text_of_the_bundled_workshop_is_in_english_and_japanese() {
        let workshop = bundled();
        assert_eq!(untranslated(&workshop), []);
        let count: usize = workshop.exercises.iter().map(|e| texts(e).len()).sum();
        assert!(count > 100, "only {count} texts");
        for exercise in &workshop.exercises {
            for (field, text) in texts(exercise) {
                assert!(
                    text.has(Lang::En) && text.has(Lang::Ja),
                    "{}: {field}",
                    exercise.id
                );
                assert_ne!(
                    text.get(Lang::En),
                    text.get(Lang::Ja),
                    "{}: {field}",
                    exercise.id
                );
            }
        }
    }

    #[test]
    fn a_text_without_a_language_the_workshop_uses_is_found() {
        let mut workshop = bundled();
        let exercise = &mut workshop.exercises[1];
        exercise.hints[2] = Text::english("only in English");
        exercise.goals[0].explain = None;
        let file = exercise.check_file.clone();
        assert_eq!(
            untranslated(&workshop),
            [Untranslated {
                file,
                field: "hints[2]".into(),
                lang: Lang::Ja,
            }]
        );
        // A workshop in English alone lacks nothing.
        let mut english = bundled();
        english.title = Text::english("T");
        for exercise in &mut english.exercises {
            exercise.title = Text::english("t");
            exercise.summary = None;
            exercise.hints.clear();
            for goal in &mut exercise.goals {
                goal.explain = None;
                goal.hint = None;
            }
        }
        assert_eq!(untranslated(&english), []);
    }
}
