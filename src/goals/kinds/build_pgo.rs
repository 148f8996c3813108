//! `build-pgo`: the exercise's command was built with profile-guided
//! optimisation, from a CPU profile that is whole, not empty, and holds samples
//! of the hot code: judged from the build information of the program built
//! with the check's flags (its `-pgo` setting) and the profile it names, read
//! with the runner's own pprof reader. The goal also asks for a CPU profile of
//! its run, which its evidence names: the profile the attendee gives the
//! compiler next.

use regex::Regex;
use serde::Deserialize;

use crate::goals::profile::evidence;
use crate::goals::{Checker, Facts, Kind, Outcome, ProfileKind, ProgramFacts, Requirement, Status};
use crate::pprof::Kind as ProfileType;
use crate::tr;

/// The fewest samples of the hot code a profile holds by default.
const DEFAULT_MIN_SAMPLES: u64 = 10;

/// Built with `-pgo=<a CPU profile>` holding at least `min_samples` samples
/// in functions matching `pattern`.
#[derive(Debug, Clone)]
pub struct BuildPgo {
    /// The run whose CPU profile of the attendee's code the evidence names.
    pub run: String,
    /// The pattern as written, for messages.
    pub function: String,
    pub pattern: Regex,
    pub min_samples: u64,
}

/// The keys of a `build-pgo` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BuildPgoFile {
    /// A regular expression over function names: the hot code the profile must cover.
    pub function: String,
    #[serde(default)]
    pub min_samples: Option<u64>,
}

impl Kind for BuildPgo {
    type File = BuildPgoFile;

    fn validate(file: BuildPgoFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        let pattern = checker.regex("function", &file.function);
        let min_samples = file.min_samples.unwrap_or(DEFAULT_MIN_SAMPLES);
        if min_samples == 0 {
            checker.problem("min-samples", tr!("build-pgo-min-samples-zero"));
        }
        BuildPgo {
            run,
            function: file.function,
            pattern,
            min_samples,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        vec![
            Requirement::Program,
            Requirement::Profile {
                run: self.run.clone(),
                profile: ProfileKind::Cpu,
                min_samples: 0,
            },
        ]
    }

    fn exact(&self) -> bool {
        true
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let pattern = crate::display::pattern(&self.function);
        let mut outcome = Outcome::new(tr!("build-pgo-subject"), None);
        outcome.want = Some(tr!("build-pgo-want", pattern = &pattern));
        let Some(program) = &facts.program else {
            return outcome.inconclusive(tr!("build-pgo-not-built"));
        };
        self.judge(program, &mut outcome);
        if outcome.status != Status::Pass
            && let Some(path) = facts.profile_files.get(&(self.run.clone(), ProfileKind::Cpu))
        {
            outcome.evidence.push(tr!(
                "build-pgo-this-profile",
                path = crate::display::path(path),
                target = crate::display::path(&program.package_dir.join("default.pgo"))
            ));
        }
        outcome
    }
}

impl BuildPgo {
    fn judge(&self, program: &ProgramFacts, outcome: &mut Outcome) {
        let package = crate::display::path(&program.package_dir);
        let info = match &program.info {
            None => {
                outcome.explanation = Some(tr!("build-pgo-no-program", package = package));
                return;
            }
            Some(Err(words)) => {
                outcome.explanation = Some(tr!("build-pgo-no-build-info", words = words.as_str()));
                return;
            }
            Some(Ok(info)) => info,
        };
        let Some(used) = &program.profile else {
            outcome.explanation = Some(tr!("build-pgo-no-profile", go = info.go.as_str()));
            return;
        };
        let path = crate::display::path(&used.path);
        outcome
            .evidence
            .push(tr!("build-pgo-built-with", go = info.go.as_str(), path = path.as_str()));
        if used.bytes == 0 {
            outcome.explanation = Some(tr!("build-pgo-empty", path = path.as_str()));
            return;
        }
        let profile = match &used.read {
            Ok(profile) => profile,
            Err(damage) => {
                let why = tr!("build-pgo-damaged", path = path.as_str(), why = damage.why.as_str());
                damage.fail(outcome, why);
                return;
            }
        };
        let samples = match profile.sample_index("samples") {
            Some(index) if profile.kind() == ProfileType::Cpu => index,
            _ => {
                let types: Vec<&str> = profile.sample_types.iter().map(|t| t.name.as_str()).collect();
                outcome.explanation = Some(tr!(
                    "build-pgo-not-cpu",
                    path = path.as_str(),
                    types = crate::i18n::list(&types)
                ));
                return;
            }
        };
        let total = profile.total(samples).max(0);
        let covered = profile.focused_total(samples, Some(&self.pattern)).max(0);
        outcome.measured = Some(covered as f64);
        outcome.unit = Some("samples".into());
        if total == 0 {
            outcome.explanation = Some(tr!("build-pgo-no-samples", path = path.as_str()));
            return;
        }
        let share = crate::pprof::format::percentage(covered, total).trim().to_owned();
        if (covered as u64) < self.min_samples {
            outcome.explanation = Some(tr!(
                "build-pgo-uncovered",
                covered = covered,
                total = total,
                pattern = crate::display::pattern(&self.function),
                min = self.min_samples
            ));
            outcome.evidence.extend(evidence(profile, samples, Some(&self.pattern)));
            return;
        }
        let mut functions: Vec<String> = profile
            .functions(samples, Some(&self.pattern))
            .into_iter()
            .filter(|f| self.pattern.is_match(&f.name) && f.cum > 0)
            .map(|f| f.name)
            .collect();
        functions.truncate(3);
        outcome.evidence.push(tr!(
            "build-pgo-covers",
            total = total,
            covered = covered,
            share = share,
            functions = functions.join(", ")
        ));
        outcome.status = Status::Pass;
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::exec::BuildInfo;
    use crate::goals::profile::testing::cpu;
    use crate::goals::{Damage, PgoProfile};

    fn goal() -> BuildPgo {
        BuildPgo {
            run: "bench".into(),
            function: r"\.Count$".into(),
            pattern: Regex::new(r"\.Count$").unwrap(),
            min_samples: 10,
        }
    }

    fn built(profile: Option<PgoProfile>) -> Facts {
        let info = BuildInfo {
            go: "go1.26.8".into(),
            path: "example/words".into(),
            settings: profile
                .iter()
                .map(|p| ("-pgo".to_owned(), p.path.display().to_string()))
                .collect(),
        };
        Facts {
            program: Some(ProgramFacts {
                package_dir: PathBuf::from("/w/exercises/words"),
                info: Some(Ok(info)),
                profile,
            }),
            ..Facts::default()
        }
    }

    fn used(read: Result<crate::pprof::Profile, Damage>) -> Option<PgoProfile> {
        Some(PgoProfile {
            path: PathBuf::from("/w/exercises/words/default.pgo"),
            bytes: 100,
            read,
        })
    }

    #[test]
    fn a_profile_of_the_hot_code_meets_it() {
        let profile = cpu(&[(&["main.classify", "main.Count", "main.main"], 40), (&["runtime.mallocgc"], 5)]);
        let outcome = goal().evaluate(&built(used(Ok(profile))));
        assert_eq!(outcome.status, Status::Pass, "{outcome:?}");
        assert_eq!(outcome.measured, Some(40.0));
        assert!(outcome.evidence[0].contains("-pgo=/w/exercises/words/default.pgo"), "{:?}", outcome.evidence);
        assert!(outcome.evidence[1].contains("45 CPU samples, 40"), "{:?}", outcome.evidence);
    }

    #[test]
    fn no_profile_an_empty_one_or_an_unrelated_one_fails() {
        let none = goal().evaluate(&built(None));
        assert_eq!(none.status, Status::Fail);
        assert!(none.explanation.unwrap().contains("without a profile"));

        let mut empty = used(Ok(cpu(&[])));
        empty.as_mut().unwrap().bytes = 0;
        let empty = goal().evaluate(&built(empty));
        assert_eq!(empty.status, Status::Fail);
        assert!(empty.explanation.unwrap().contains("is empty"));

        let unrelated = cpu(&[(&["other.Work"], 500)]);
        let unrelated = goal().evaluate(&built(used(Ok(unrelated))));
        assert_eq!(unrelated.status, Status::Fail);
        assert_eq!(unrelated.measured, Some(0.0));
        assert!(unrelated.explanation.unwrap().contains("0 of the profile's 500 CPU samples"));
    }

    #[test]
    fn a_profile_that_is_not_cpu_fails() {
        let mut heap = cpu(&[(&["main.Count"], 40)]);
        heap.sample_types[0].name = "alloc_objects".into();
        heap.sample_types[1].name = "alloc_space".into();
        let outcome = goal().evaluate(&built(used(Ok(heap))));
        assert_eq!(outcome.status, Status::Fail);
        assert!(outcome.explanation.unwrap().contains("not a CPU profile"));
    }
}
