//! Reading one goal of a check file: the keys every goal takes, then its kind's
//! own keys through the registry, then the kind's validation. Every problem
//! names the key at fault.

use super::checker::{COMMON, Checker, Common, RunInfo};
use super::{Goal, GoalKind};
use crate::exec::GoVersion;
use crate::tr;
use crate::yaml::locate::child;
use crate::yaml::{Beside, Diagnostic, Document, unknown};

/// Reads the goal at `path` (`goals[N]`) of a check file. `None`, with its
/// problems recorded, when it cannot be read; a goal that reads but does not
/// validate is returned with its problems recorded too.
pub fn read_goal(
    doc: &Document<'_>,
    path: &str,
    value: serde_yaml::Value,
    runs: &[RunInfo<'_>],
    go: GoVersion,
    problems: &mut Vec<Diagnostic>,
) -> Option<Goal> {
    let serde_yaml::Value::Mapping(mut body) = value else {
        problems.push(doc.at(path, tr!("goal-read-not-a-mapping", path = path)));
        return None;
    };
    let kind = body.remove("kind");
    let mut common = serde_yaml::Mapping::new();
    for key in COMMON.before.iter().chain(COMMON.after) {
        if let Some((key, value)) = body.remove_entry(*key) {
            common.insert(key, value);
        }
    }
    let common = doc
        .read::<Common>(common.into(), path, Beside::default())
        .map_err(|problem| problems.push(problem))
        .ok();
    let Some(kind) = kind else {
        problems.push(doc.at(path, tr!("goal-read-no-kind", path = path)));
        return None;
    };
    // A goal's own `go:` only ever raises what the exercise needs.
    let own_go = common
        .as_ref()
        .and_then(|c| c.go.as_deref())
        .and_then(|text| match text.parse::<GoVersion>() {
            Ok(version) => Some(version).filter(|v| *v > go),
            Err(e) => {
                problems.push(doc.at(&child(path, "go"), e.to_string()));
                None
            }
        });
    let go = own_go.unwrap_or(go);
    let mut checker = Checker {
        doc,
        path,
        runs,
        go,
        run: common.as_ref().and_then(|c| c.run.clone()),
        starter: common.as_ref().and_then(|c| c.starter),
        problems,
    };
    let name = kind_name(&kind);
    let kind = match GoalKind::read(&name, body.into(), &mut checker) {
        Some(Ok(kind)) => kind,
        Some(Err(problem)) => {
            checker.problems.push(problem);
            return None;
        }
        None => {
            let at = child(path, "kind");
            let message = unknown("kind", &name, GoalKind::NAMES);
            checker
                .problems
                .push(doc.at(&at, format!("{at}: {message}")));
            return None;
        }
    };
    let common = common?;
    Some(Goal {
        id: common.id,
        starter: common.starter.unwrap_or_default(),
        explain: common.explain,
        hint: common.hint,
        go: own_go,
        kind,
    })
}

/// The kind as written, whatever YAML type it has.
fn kind_name(value: &serde_yaml::Value) -> String {
    match value {
        serde_yaml::Value::String(name) => name.clone(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_owned(),
    }
}
