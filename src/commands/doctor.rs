//! `workshop doctor`: is this machine ready for the workshop?

use super::Context;
use crate::Exit;
use crate::cli::DoctorArgs;
use crate::doctor::{self, Health, Needs};
use crate::exec::GoVersion;
use crate::manifest::ManifestError;
use crate::report::{self, DoctorDoc, Format};
use crate::tr;

pub fn run(cx: &Context, args: &DoctorArgs) -> anyhow::Result<Exit> {
    // Outside a workshop the machine is checked for any workshop.
    let mut needs = Needs::default();
    let (required, why) = match cx.workshop() {
        Ok(workshop) => {
            needs.race = workshop
                .exercises
                .iter()
                .filter(|e| e.build.race)
                .map(|e| e.id.clone())
                .collect();
            needs.serve = workshop
                .exercises
                .iter()
                .filter(|e| e.runs.iter().any(|r| r.serve.is_some()))
                .map(|e| e.id.clone())
                .collect();
            // An exercise or goal that needs more than the workshop is left
            // out on an older Go, not failed: said apart from Go itself.
            for exercise in &workshop.exercises {
                if exercise.go > workshop.go {
                    needs.newer_go.push((exercise.id.clone(), exercise.go));
                }
                for goal in &exercise.goals {
                    if let Some(needed) = goal.go {
                        needs
                            .newer_go
                            .push((format!("{}: {}", exercise.id, goal.id), needed));
                    }
                }
            }
            (workshop.go, tr!("doctor-for-this-workshop"))
        }
        Err(ManifestError::NotFound { .. }) => {
            (GoVersion::new(1, 25, 0), tr!("doctor-for-the-workshop"))
        }
        Err(e) => return Err(e.into()),
    };
    let findings = doctor::examine(required, &why, &needs);
    report::emit(Format::json(args.json), &DoctorDoc::new(&findings));
    let failed = findings.iter().any(|f| f.health == Health::Fail);
    Ok(if failed { Exit::Unmet } else { Exit::Success })
}
