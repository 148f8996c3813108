//! What a goal kind is ([`Kind`]), and the macro that turns the one list of
//! kinds in `kinds/mod.rs` into their modules, `GoalKind`, the reading of a goal
//! by its `kind:` key, and the dispatch of requirements and evaluation.

use super::checker::Checker;
use super::{Facts, Outcome, Requirement};

/// A goal kind: its keys in a check file, their validation, the artifacts it
/// needs and its judgement of them.
pub trait Kind: Sized {
    /// The kind's own keys in a check file, key for key (`deny_unknown_fields`):
    /// every key but the ones all goals take (`id`, `kind`, `run`, `explain`, `hint`).
    type File: serde::de::DeserializeOwned;

    /// Validates the keys as read; problems go to `checker`, at the key at fault.
    fn validate(file: Self::File, checker: &mut Checker<'_, '_>) -> Self;

    /// What the runner must measure for this goal.
    fn requirements(&self) -> Vec<Requirement>;

    /// The verdict on what was measured; `id`, `kind`, `explain` and `hint` are
    /// filled in by the caller.
    fn evaluate(&self, facts: &Facts) -> Outcome;

    /// Whether what the goal measures is fixed by the code (a count of tasks,
    /// of allocations per op), not a sample that varies from run to run: such a
    /// goal may sit right at its bound.
    fn exact(&self) -> bool {
        false
    }

    /// Whether `verify` measures how far the goal's values stay from its
    /// bound: not for exact goals, which may sit at their bound, nor for goals
    /// whose verdict is a statistical test rather than a value against a bound.
    fn margin(&self) -> bool {
        !self.exact()
    }
}

/// `registry! { module::Type = "kind-name", ... }`: declares each kind's module
/// and generates `GoalKind` from the list.
macro_rules! registry {
    ($($module:ident::$variant:ident = $name:literal,)+) => {
        $(mod $module;)+
        $(pub use $module::$variant;)+

        /// What is measured and how it is judged: one variant per goal kind.
        #[derive(Debug, Clone)]
        pub enum GoalKind {
            $($variant($variant),)+
        }

        impl GoalKind {
            /// Every kind's name, in the order of the registry.
            pub const NAMES: &'static [&'static str] = &[$($name,)+];

            /// The kind's name as written in check files.
            pub fn name(&self) -> &'static str {
                match self {
                    $(GoalKind::$variant(_) => $name,)+
                }
            }

            /// Reads and validates the keys of a goal of kind `name`; `None`
            /// when there is no such kind.
            pub(crate) fn read(
                name: &str,
                body: serde_yaml::Value,
                checker: &mut $crate::goals::Checker<'_, '_>,
            ) -> Option<Result<GoalKind, $crate::yaml::Diagnostic>> {
                let read = |checker: &mut $crate::goals::Checker<'_, '_>| match name {
                    $($name => {
                        let file = checker.read(body)?;
                        Ok(GoalKind::$variant(
                            <$variant as $crate::goals::Kind>::validate(file, checker),
                        ))
                    })+
                    _ => unreachable!("a name the registry has"),
                };
                Self::NAMES.contains(&name).then(|| read(checker))
            }

            pub fn requirements(&self) -> Vec<$crate::goals::Requirement> {
                use $crate::goals::Kind;
                match self {
                    $(GoalKind::$variant(goal) => goal.requirements(),)+
                }
            }

            pub fn exact(&self) -> bool {
                use $crate::goals::Kind;
                match self {
                    $(GoalKind::$variant(goal) => goal.exact(),)+
                }
            }

            pub fn margin(&self) -> bool {
                use $crate::goals::Kind;
                match self {
                    $(GoalKind::$variant(goal) => goal.margin(),)+
                }
            }

            pub fn evaluate(&self, facts: &$crate::goals::Facts) -> $crate::goals::Outcome {
                use $crate::goals::Kind;
                match self {
                    $(GoalKind::$variant(goal) => goal.evaluate(facts),)+
                }
            }
        }
    };
}

pub(crate) use registry;
