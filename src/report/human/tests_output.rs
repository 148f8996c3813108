//! Snapshots of a failure whose output was too long to keep whole.

use std::path::PathBuf;

use super::tests::{hang_failure, report};
use super::*;
use crate::run::Failure;

#[test]
fn a_hang_whose_output_was_cut_says_how_much_was_left_out() {
    let mut failure = hang_failure();
    if let Failure::Hang { cut, .. } = &mut failure {
        *cut = Some(crate::exec::OutputCut {
            total: 3_280_000_000,
            head: 4 << 20,
            tail: 4 << 20,
            dropped: 3_280_000_000 - (8 << 20),
            log: PathBuf::from(".workshop/runs/heap/01-concat/tests.log"),
        });
    }
    let report = report(
        Vec::new(),
        Some(failure),
        Some("the tests did not finish in time"),
    );
    let english = check(&report);
    let japanese = crate::i18n::with_lang(crate::i18n::Lang::Ja, || check(&report));
    insta::assert_snapshot!(format!("{english}\n{japanese}"));
}
