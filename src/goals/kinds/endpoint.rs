//! `endpoint`: what a URL of the running server answers, its ports filled in
//! by the runner: a given status (and text in the body), or nothing at all,
//! for what must not be served there (`net/http/pprof` on the public port).

use serde::Deserialize;

use crate::goals::{Bound, Checker, Facts, Kind, Outcome, Requirement, Status};
use crate::tr;
use crate::units::bytes;

/// Statuses that mean "not served here".
const NOT_SERVED: [u16; 3] = [401, 403, 404];

#[derive(Debug, Clone)]
pub struct Endpoint {
    pub run: String,
    pub method: String,
    /// The URL with its placeholders, as written.
    pub url: String,
    pub expect: Expect,
}

/// What the URL must answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// This status, with this text in the body if given.
    Status(u16, Option<String>),
    /// No answer, or 401, 403 or 404.
    NotServed,
}

/// The keys of an `endpoint` goal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EndpointFile {
    pub url: String,
    #[serde(default)]
    pub method: Option<String>,
    /// 200 when not given.
    #[serde(default)]
    pub status: Option<i64>,
    /// `false`: the URL must not be served.
    #[serde(default)]
    pub served: Option<bool>,
    /// Text the body must contain.
    #[serde(default)]
    pub contains: Option<String>,
}

impl Kind for Endpoint {
    type File = EndpointFile;

    fn validate(file: EndpointFile, checker: &mut Checker<'_, '_>) -> Self {
        let run = checker.run();
        if let Err(e) = crate::http::url::check_template(&file.url) {
            checker.problem("url", e);
        }
        let method = file.method.unwrap_or_else(|| "GET".to_owned());
        if method.is_empty() || !method.chars().all(|c| c.is_ascii_uppercase()) {
            checker.problem("method", tr!("endpoint-not-a-method", method = &method));
        }
        let status = match file.status {
            None => 200,
            Some(s) if (100..=599).contains(&s) => s as u16,
            Some(s) => {
                checker.problem(
                    "status",
                    tr!("endpoint-not-a-status", status = s.to_string()),
                );
                200
            }
        };
        let expect = match file.served {
            Some(false) => {
                for (key, given) in [("status", file.status.is_some()), ("contains", file.contains.is_some())] {
                    if given {
                        checker.problem(key, tr!("endpoint-not-served-with", key = key));
                    }
                }
                Expect::NotServed
            }
            _ => Expect::Status(status, file.contains),
        };
        Endpoint {
            run,
            method,
            url: file.url,
            expect,
        }
    }

    fn requirements(&self) -> Vec<Requirement> {
        vec![Requirement::Endpoint {
            run: self.run.clone(),
            method: self.method.clone(),
            url: self.url.clone(),
        }]
    }

    /// An answer is the server's code, not a timing.
    fn exact(&self) -> bool {
        true
    }

    fn evaluate(&self, facts: &Facts) -> Outcome {
        let subject = format!("{} {}", self.method, self.url);
        let bound = match &self.expect {
            Expect::Status(status, _) => Some(Bound::Exactly(f64::from(*status))),
            Expect::NotServed => None,
        };
        let mut outcome = Outcome::new(subject, bound);
        if self.expect == Expect::NotServed {
            outcome.want = Some(tr!("endpoint-want-not-served"));
        }
        let key = (self.run.clone(), self.method.clone(), self.url.clone());
        let Some(probe) = facts.endpoints.get(&key) else {
            return outcome.inconclusive(tr!("endpoint-no-server", run = &self.run));
        };
        let answered = match &probe.answer {
            Ok(answer) => {
                outcome.measured = Some(f64::from(answer.status));
                let first = answer.body.lines().next().unwrap_or("").trim();
                let text = !answer.body.contains(|c: char| {
                    c == char::REPLACEMENT_CHARACTER || (c.is_control() && !c.is_whitespace())
                });
                let (method, url) = (&self.method, &probe.url);
                let status = answer.status.to_string();
                let size = bytes(answer.bytes);
                outcome.evidence.push(match (text, first.is_empty()) {
                    (false, _) => tr!(
                        "endpoint-answered-not-text",
                        method = method,
                        url = url,
                        status = status,
                        size = size
                    ),
                    (true, true) => tr!(
                        "endpoint-answered",
                        method = method,
                        url = url,
                        status = status,
                        size = size
                    ),
                    (true, false) => tr!(
                        "endpoint-answered-text",
                        method = method,
                        url = url,
                        status = status,
                        size = size,
                        text = first.chars().take(120).collect::<String>()
                    ),
                });
                Some(answer)
            }
            Err(why) => {
                outcome
                    .evidence
                    .push(format!("{} {}: {why}", self.method, probe.url));
                None
            }
        };
        let (met, why) = match (&self.expect, answered) {
            (Expect::NotServed, None) => (true, String::new()),
            (Expect::NotServed, Some(a)) if NOT_SERVED.contains(&a.status) => (true, String::new()),
            (Expect::NotServed, Some(a)) => (
                false,
                tr!(
                    "endpoint-served",
                    url = &probe.url,
                    status = a.status.to_string()
                ),
            ),
            (Expect::Status(want, _), None) => (
                false,
                tr!(
                    "endpoint-no-answer",
                    url = &probe.url,
                    want = want.to_string()
                ),
            ),
            (Expect::Status(want, _), Some(a)) if a.status != *want => (
                false,
                tr!(
                    "endpoint-wrong-status",
                    url = &probe.url,
                    status = a.status.to_string(),
                    want = want.to_string()
                ),
            ),
            (Expect::Status(_, Some(text)), Some(a)) if !a.body.contains(text.as_str()) => (
                false,
                tr!(
                    "endpoint-missing-text",
                    url = &probe.url,
                    text = format!("{text:?}")
                ),
            ),
            (Expect::Status(..), Some(_)) => (true, String::new()),
        };
        if met {
            outcome.status = Status::Pass;
        } else {
            outcome.explanation = Some(why);
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goals::{Probe, Probed};

    fn facts(answer: Result<Probed, String>) -> Facts {
        let mut facts = Facts::default();
        facts.endpoints.insert(
            ("serve".into(), "GET".into(), "http://127.0.0.1:{port}/debug/pprof/".into()),
            Probe {
                url: "http://127.0.0.1:4321/debug/pprof/".into(),
                answer,
            },
        );
        facts
    }

    fn goal(expect: Expect) -> Endpoint {
        Endpoint {
            run: "serve".into(),
            method: "GET".into(),
            url: "http://127.0.0.1:{port}/debug/pprof/".into(),
            expect,
        }
    }

    fn answer(status: u16, body: &str) -> Result<Probed, String> {
        Ok(Probed {
            status,
            bytes: body.len() as u64,
            body: body.into(),
        })
    }

    #[test]
    fn not_served_is_no_answer_or_a_refusal() {
        let hidden = goal(Expect::NotServed);
        assert_eq!(hidden.evaluate(&facts(Err("connection refused".into()))).status, Status::Pass);
        assert_eq!(hidden.evaluate(&facts(answer(404, "404 page not found"))).status, Status::Pass);
        let served = hidden.evaluate(&facts(answer(200, "<html>\nTypes of profiles")));
        assert_eq!(served.status, Status::Fail);
        assert_eq!(
            served.explanation.as_deref(),
            Some("http://127.0.0.1:4321/debug/pprof/ is served (status 200); it must not be")
        );
        assert_eq!(
            served.evidence,
            vec!["GET http://127.0.0.1:4321/debug/pprof/ answered 200 (24 B): <html>"]
        );
    }

    #[test]
    fn a_status_and_its_text() {
        let wanted = goal(Expect::Status(200, Some("goroutine".into())));
        assert_eq!(wanted.evaluate(&facts(answer(200, "goroutine heap"))).status, Status::Pass);
        let missing = wanted.evaluate(&facts(answer(200, "hello")));
        assert!(missing.explanation.unwrap().contains("does not contain \"goroutine\""));
        let refused = wanted.evaluate(&facts(Err("connection refused".into())));
        assert_eq!(refused.status, Status::Fail);
        assert!(refused.explanation.unwrap().contains("answers nothing; want status 200"));
    }
}
