//! The starter's profiles and traces, kept beside the attendee's for looking
//! (`workshop open --diff`, the check report's "since the starter" lines):
//! made by the identified starter's build with the same invocation as the
//! attendee's artifact, and made again only when its build or the invocation
//! changed. No verdict reads them: goals judged against the starter measure
//! both sides in the check itself.

use std::path::{Path, PathBuf};

use super::plan::{Collect, Invocation, bench_args};
use super::scope::{Scope, write_profile};
use super::starter::StarterBuild;
use super::{CheckError, Stop};
use crate::exec::GoError;
use crate::workspace::FileError;

/// The key of a starter's artifact in a check's artifacts: `starter-` and the
/// key of the attendee's artifact it stands beside.
pub(super) fn key(mine: &str) -> String {
    format!("starter-{mine}")
}

/// Environment variables set for a run.
type Env = Vec<(String, String)>;

/// The invocation's arguments and environment, with the starter's file as
/// the artifact: `None` for runs whose artifact is no profile or trace of
/// the run's own (a snapshot is the exercise's code's to write).
fn invocation_args(invocation: &Invocation<'_>, path: &Path) -> Option<(Vec<String>, Env)> {
    let spec = invocation.run;
    let (mut args, mut env) = (bench_args(spec), spec.env.clone());
    match invocation.collect {
        // Written by a TestMain that only the attendee's build has.
        Collect::Profile(crate::goals::ProfileKind::GoroutineLeak) => return None,
        Collect::Profile(kind) => write_profile(kind, path, &mut args, &mut env),
        Collect::Trace => args.push(format!("-test.trace={}", path.display())),
        _ => return None,
    }
    Some((args, env))
}

/// What the starter's artifact was made with, to tell whether it still stands.
fn stamp(args: &[String], env: &[(String, String)]) -> String {
    let mut text = args.join("\n");
    for (name, value) in env {
        text.push_str(&format!("\n{name}={value}"));
    }
    text.push('\n');
    text
}

/// Where the starter's artifact for an invocation goes and what makes it.
struct Place {
    path: PathBuf,
    stamp_path: PathBuf,
    stamp: String,
    args: Vec<String>,
    env: Vec<(String, String)>,
}

impl Place {
    /// `None` when the check keeps no starter's artifact for `invocation`.
    fn of(scope: &Scope<'_>, invocation: &Invocation<'_>) -> Option<Place> {
        let file = invocation.artifact()?;
        if !scope.tree.starter_artifacts || scope.tree.starter.is_none() {
            return None;
        }
        let dir = scope
            .tree
            .layout
            .starter_build(&scope.exercise.id)
            .join("artifacts");
        let path = dir.join(&file);
        let (args, env) = invocation_args(invocation, &path)?;
        Some(Place {
            stamp_path: dir.join(format!("{file}.args")),
            stamp: stamp(&args, &env),
            path,
            args,
            env,
        })
    }

    fn kept(&self, scope: &Scope<'_>) -> bool {
        self.path.is_file()
            && std::fs::read_to_string(&self.stamp_path).is_ok_and(|s| s == self.stamp)
            && StarterBuild::kept(scope)
    }
}

/// Whether nothing is to run for the starter's artifact of `invocation`: it
/// is kept from an earlier check, or there is none to make.
pub(super) fn kept(scope: &Scope<'_>, invocation: &Invocation<'_>) -> bool {
    Place::of(scope, invocation).is_none_or(|place| place.kept(scope))
}

/// The starter's artifact for `invocation`, kept from an earlier check when
/// its build and the invocation are the same, else made now; `None` when
/// there is no starter, or its run did not go well (the attendee's check
/// goes on: this is only for looking).
pub(super) fn starter_artifact(
    scope: &Scope<'_>,
    starter_build: &mut StarterBuild,
    invocation: &Invocation<'_>,
) -> Result<Option<PathBuf>, Stop> {
    let Some(place) = Place::of(scope, invocation) else {
        return Ok(None);
    };
    if place.kept(scope) {
        return Ok(Some(place.path));
    }
    let built = match starter_build.get(scope, &invocation.describe()) {
        Ok(Some(built)) => built,
        Ok(None) | Err(Stop::Failed(_)) => return Ok(None),
        Err(Stop::Error(error)) => return Err(Stop::Error(error)),
    };
    let _ = crate::fence::remove_file(&place.stamp_path);
    let _ = crate::fence::remove_file(&place.path);
    let dir = place.path.parent().unwrap_or(&scope.run_dir);
    crate::fence::create_dir_all(dir)
        .map_err(FileError::write(dir))
        .map_err(CheckError::from)?;
    let binary = built.test_binary(scope.go, dir);
    let log = dir.join(format!("{}.txt", invocation.label()));
    let finished = binary.run(place.args, place.env, &log, invocation.run.timeout)?;
    if finished.interrupted {
        return Err(GoError::Interrupted.into());
    }
    if !finished.success() || !place.path.is_file() {
        let _ = crate::fence::remove_file(&place.path);
        return Ok(None);
    }
    crate::workspace::write_atomic(&place.stamp_path, place.stamp.as_bytes(), None)
        .map_err(CheckError::from)?;
    Ok(Some(place.path))
}
