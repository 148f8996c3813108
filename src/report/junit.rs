//! JUnit XML for `workshop verify`, the format CI systems read: one test suite,
//! one test case per exercise and side (starter, solution).

use std::fmt::Write;

use crate::verify::{ExerciseResult, SideResult};

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters other than tab and newlines are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

fn case(out: &mut String, exercise: &str, side: &SideResult, extra: Option<String>, seconds: f64) {
    let name = format!("{:?}", side.side).to_lowercase();
    let _ = write!(
        out,
        "    <testcase classname=\"{}\" name=\"{name}\" time=\"{seconds:.3}\"",
        escape(exercise)
    );
    let reason = match (&side.reason, extra) {
        (Some(reason), Some(extra)) => Some(format!("{extra}; {reason}")),
        (reason, extra) => reason.clone().or(extra),
    };
    match reason {
        None => out.push_str("/>\n"),
        Some(reason) => {
            let detail = side
                .check
                .as_ref()
                .map(crate::report::human::check)
                .unwrap_or_else(|| side.error.clone().unwrap_or_default());
            let plain = console::strip_ansi_codes(&detail).into_owned();
            let _ = write!(
                out,
                ">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                escape(&reason),
                escape(&plain)
            );
        }
    }
}

/// A case that was not run, for `why`.
fn skipped_case(out: &mut String, exercise: &str, name: &str, why: &str) {
    let _ = write!(
        out,
        "    <testcase classname=\"{}\" name=\"{}\" time=\"0.000\">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
        escape(exercise),
        escape(name),
        escape(why)
    );
}

/// The report of a verify run: an exercise left out has its two cases
/// skipped; a goal left out on both sides has a skipped case of its own.
pub fn verify(results: &[ExerciseResult]) -> String {
    // A starter that differs from its sums fails the starter's case.
    let sums = |r: &ExerciseResult| r.starter_sums.as_ref().and_then(|s| s.problem());
    let failures = results
        .iter()
        .flat_map(|r| [(!r.starter.ok || sums(r).is_some()), !r.solution.ok])
        .filter(|failed| *failed)
        .count();
    let total: f64 = results.iter().map(|r| r.elapsed.as_secs_f64()).sum();
    let skipped_goals = results
        .iter()
        .flat_map(|r| &r.goals)
        .filter(|g| g.skip.is_some())
        .count();
    let skipped = results.iter().filter(|r| r.skip.is_some()).count() * 2 + skipped_goals;
    let tests = results.len() * 2 + skipped_goals;
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"workshop verify\" tests=\"{tests}\" failures=\"{failures}\" skipped=\"{skipped}\" time=\"{total:.3}\">",
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"workshop verify\" tests=\"{tests}\" failures=\"{failures}\" skipped=\"{skipped}\" time=\"{total:.3}\">",
    );
    for result in results {
        if let Some(skip) = &result.skip {
            let why = crate::tr!(
                "verify-exercise-skipped",
                go = &skip.go,
                found = &skip.found
            );
            skipped_case(&mut out, &result.exercise, "starter", &why);
            skipped_case(&mut out, &result.exercise, "solution", &why);
            continue;
        }
        let half = result.elapsed.as_secs_f64() / 2.0;
        case(
            &mut out,
            &result.exercise,
            &result.starter,
            sums(result),
            half,
        );
        case(&mut out, &result.exercise, &result.solution, None, half);
        for goal in &result.goals {
            if let Some(skip) = &goal.skip {
                let why = crate::tr!("verify-goal-skipped", go = &skip.go, found = &skip.found);
                skipped_case(
                    &mut out,
                    &result.exercise,
                    &format!("goal {}", goal.id),
                    &why,
                );
            }
        }
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_xml() {
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
