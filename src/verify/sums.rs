//! The starter sums as `verify` keeps them. Verify takes the instructor's
//! working tree as the starter: an exercise without `checks/<id>/starter.sums`
//! gets them recorded from it (to be committed with the workshop); an
//! exercise with sums must have a working tree that matches them, else the
//! starter changed without its sums, a problem of the exercise, until
//! `--record-starter` records the starter again.

use std::path::Path;

use crate::manifest::sums::{Differences, StarterSums};
use crate::manifest::{Exercise, Workshop};
use crate::tr;
use crate::workspace::{self, Files};

/// What became of an exercise's starter sums.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SumsStatus {
    /// The working tree's starter matches the recorded sums.
    Matched,
    /// There were no sums: they were recorded now.
    Recorded,
    /// The sums differed and `--record-starter` recorded them again.
    Updated,
    /// The working tree's starter differs from the recorded sums.
    Differs,
    /// The starter or its sums could not be read or written.
    Error,
}

/// An exercise's starter sums after verify.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SumsCheck {
    /// The sums file, relative to the workshop root.
    pub file: String,
    pub status: SumsStatus,
    /// How the working tree's starter differs from the sums (`differs`), or
    /// differed from the sums replaced (`updated`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub differences: Option<Differences>,
    /// What could not be read or written (`error`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The exercise, for the remedy.
    #[serde(skip)]
    id: String,
}

impl SumsCheck {
    /// What is wrong, when something is: the exercise does not verify.
    pub fn problem(&self) -> Option<String> {
        match self.status {
            SumsStatus::Differs => Some(tr!(
                "verify-sums-differ",
                file = self.file.as_str(),
                id = self.id.as_str(),
                differences = self
                    .differences
                    .as_ref()
                    .map(Differences::describe)
                    .unwrap_or_default()
            )),
            SumsStatus::Error => Some(tr!(
                "verify-sums-error",
                file = self.file.as_str(),
                error = self.error.clone().unwrap_or_default()
            )),
            _ => None,
        }
    }

    /// What was written, when something was: to be committed.
    pub fn notice(&self) -> Option<String> {
        match self.status {
            SumsStatus::Recorded => Some(tr!("verify-sums-recorded", file = self.file.as_str())),
            SumsStatus::Updated => Some(tr!("verify-sums-updated", file = self.file.as_str())),
            _ => None,
        }
    }
}

/// The starter of `exercise` as the working tree has it, and its sums
/// checked, or recorded when there are none (or when `record` asks for it).
pub fn starter_sums(
    workshop: &Workshop,
    exercise: &Exercise,
    record: bool,
) -> (Option<Files>, SumsCheck) {
    let label = exercise
        .sums_file
        .strip_prefix(&workshop.root)
        .unwrap_or(&exercise.sums_file)
        .display()
        .to_string();
    let mut check = SumsCheck {
        file: label,
        status: SumsStatus::Matched,
        differences: None,
        error: None,
        id: exercise.id.clone(),
    };
    let recorded = exercise.starter_sums.as_ref();
    let files = match crate::starter::working_tree(workshop, exercise, recorded) {
        Ok(files) => files,
        Err(error) => {
            check.status = SumsStatus::Error;
            check.error = Some(crate::display::error_chain(&error));
            return (None, check);
        }
    };
    let differences = recorded.map(|sums| sums.compare(&files));
    match differences {
        Some(differences) if differences.is_empty() => {}
        Some(differences) if !record => {
            check.status = SumsStatus::Differs;
            check.differences = Some(differences);
        }
        differences => {
            let sums = StarterSums::of(&exercise.sums_file, &files);
            match write(&exercise.sums_file, &sums) {
                Ok(()) => {
                    check.status = if differences.is_some() {
                        SumsStatus::Updated
                    } else {
                        SumsStatus::Recorded
                    };
                    check.differences = differences;
                }
                Err(error) => {
                    check.status = SumsStatus::Error;
                    check.error = Some(crate::display::error_chain(&error));
                }
            }
        }
    }
    (Some(files), check)
}

fn write(file: &Path, sums: &StarterSums) -> Result<(), workspace::FileError> {
    workspace::write_atomic(file, sums.render().as_bytes(), None)
}
