//! The command line, as clap sees it: one `Args` struct per subcommand. Doc
//! comments become `--help` in English; other languages take it from the
//! catalogues (`cli-*` keys, see [`command_in`]). Flag combinations clap
//! cannot check are checked into plans (see [`inspect`]) before anything runs.

pub mod inspect;
mod lang;

use std::path::PathBuf;

use clap::{Args, FromArgMatches, Parser, Subcommand};

use crate::i18n;
use crate::report::ColorChoice;
use lang::asked_lang;
pub use lang::command_in;

/// A self-checking workshop on Go profiling and tracing.
///
/// Edit the Go code of an exercise, then let `workshop check <id>` run it with the
/// right `go test` flags, read the benchmarks, profiles and traces it makes, and
/// tell you which goals are met.
#[derive(Debug, Parser)]
#[command(name = "workshop", version, propagate_version = true)]
pub struct Cli {
    /// The workshop root (default: the nearest directory upward holding workshop.yaml).
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// When to use colours.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// The language of messages: en or ja (default: from the locale, LC_ALL,
    /// LC_MESSAGES or LANG; else English).
    #[arg(
        long,
        global = true,
        value_enum,
        env = "WORKSHOP_LANG",
        value_name = "LANG"
    )]
    pub lang: Option<crate::i18n::Lang>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the exercises in curriculum order, with your progress.
    List(ListArgs),

    /// Run an exercise's tests and benchmarks and judge its goals.
    ///
    /// Exit status: 0 when every goal is met, 1 when any is not, 2 when the check
    /// could not run (bad manifest, Go missing or too old, unknown exercise).
    Check(CheckArgs),

    /// Show the next hint of an exercise: each call reveals one more.
    ///
    /// Hints go from a nudge, to where to look, to the approach. `--all` shows
    /// again every hint revealed so far.
    Hint(HintArgs),

    /// Put the starter code of an exercise back, after saving yours.
    ///
    /// Your current files are first copied to .workshop/backups/<id>/<time>/;
    /// `workshop restore <id>` brings them back.
    Reset(ResetArgs),

    /// Bring back your code from a backup made by `reset` (the latest by default).
    Restore(RestoreArgs),

    /// Show your changes to an exercise, against its starter code.
    Diff(DiffArgs),

    /// Open Go's own viewer on a profile or trace of the last check.
    ///
    /// Runs `go tool pprof -http` (or `go tool trace`) on a free port of
    /// 127.0.0.1, prints its address and opens a browser when there is one.
    /// `--diff` shows the profile against the starter's. Ctrl-C stops it.
    Open(OpenArgs),

    /// Check an exercise again every time you save one of its .go files.
    ///
    /// Starts with the given exercise (default: the first one not done) and moves
    /// on to the next when every goal is met. Keys: h hint, l list, c check
    /// again, q quit.
    Watch(WatchArgs),

    /// Name the first exercise that is not done yet.
    Next(NextArgs),

    /// For instructors: prove that every goal fails on the starter and is met by the solution.
    ///
    /// Each exercise is checked on temporary copies: as shipped, where every goal
    /// must fail (unless the goal says `starter: met`), and with its reference
    /// solution applied, where every goal must be met. Each goal's values on both
    /// sides and its margin from the bound are shown; a margin too thin for a
    /// busy room is a warning. The workshop's own files are never modified, but
    /// for the starter sums (checks/<id>/starter.sums) an exercise lacks, recorded
    /// from the working tree. Exit status 0 only if every exercise behaves.
    Verify(VerifyArgs),

    /// Summarise a Go execution trace or pprof profile.
    ///
    /// Works on any trace written by `go test -trace`, `runtime/trace` or a flight
    /// recorder snapshot (Go 1.22 to 1.27), and on any profile `go test` or
    /// `runtime/pprof` writes (CPU, heap, allocs, block, mutex, goroutine), inside
    /// or outside a workshop.
    Inspect(InspectArgs),

    /// Compare two saved benchmark outputs, the way benchstat does.
    ///
    /// For each unit: every benchmark's median ± its 95% interval on both sides
    /// and the change, with the Mann-Whitney p-value; `~` when the difference is
    /// not significant (p ≥ 0.05). Run benchmarks with -count 10 or more.
    Compare(CompareArgs),

    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(CompletionsArgs),

    /// Check that this machine is ready: Go and its version, the build cache, graphviz.
    Doctor(DoctorArgs),
}

/// The arguments of `workshop list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print a JSON document instead of text.
    #[arg(long)]
    pub json: bool,
    /// How each goal's measured value moved over the exercise's last checks.
    #[arg(long, value_name = "ID")]
    pub history: Option<String>,
}

/// The arguments of `workshop check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The exercise, e.g. heap/01-concat (see `workshop list`), or its
    /// directory; without it, the exercise whose directory you are in.
    pub id: Option<String>,
    /// Print a JSON document instead of text.
    #[arg(long)]
    pub json: bool,
    /// Build the starter again for goals relative to it, instead of reusing
    /// its test binary from an earlier check (its runs are always made anew).
    #[arg(long)]
    pub fresh: bool,
}

/// The arguments of `workshop hint`.
#[derive(Debug, Args)]
pub struct HintArgs {
    /// The exercise, e.g. heap/01-concat, or its directory; without it, the
    /// exercise whose directory you are in.
    pub id: Option<String>,
    /// Show every hint revealed so far instead of revealing a new one.
    #[arg(long)]
    pub all: bool,
    /// Print a JSON document instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The arguments of `workshop reset`.
#[derive(Debug, Args)]
pub struct ResetArgs {
    /// The exercise, e.g. heap/01-concat.
    pub id: String,
}

/// The arguments of `workshop restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The exercise, e.g. heap/01-concat.
    pub id: String,
    /// The backup to restore (a directory name from --list).
    #[arg(long, value_name = "NAME")]
    pub from: Option<String>,
    /// List the backups instead.
    #[arg(long, conflicts_with = "from")]
    pub list: bool,
    /// Put back only the workshop's tests and test data (the files checks always take from the workshop), after saving yours.
    #[arg(long, conflicts_with_all = ["from", "list"])]
    pub tests: bool,
}

/// The arguments of `workshop diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The exercise, e.g. heap/01-concat, or its directory; without it, the
    /// exercise whose directory you are in.
    pub id: Option<String>,
    /// Show how your files differ from the reference solution (instead of
    /// your changes to the starter).
    #[arg(long)]
    pub solution: bool,
}

/// The arguments of `workshop open`.
#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The exercise, e.g. cpu/01-regexp, or its directory; without it, the
    /// exercise whose directory you are in.
    pub id: Option<String>,
    /// Which profile, when the check wrote several: cpu, heap (or memory),
    /// block, mutex, goroutine.
    #[arg(long, conflicts_with = "trace")]
    pub profile: Option<String>,
    /// Open the check's execution trace (`go tool trace`).
    #[arg(long)]
    pub trace: bool,
    /// Show the profile as a change from the starter's (`-diff_base`).
    #[arg(long, conflicts_with = "trace")]
    pub diff: bool,
    /// Print the address only; do not open a browser.
    #[arg(long)]
    pub no_browser: bool,
}

/// The arguments of `workshop watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The exercise to start with.
    pub id: Option<String>,
}

/// The arguments of `workshop next`.
#[derive(Debug, Args)]
pub struct NextArgs {
    /// Also check it.
    #[arg(long)]
    pub check: bool,
    /// Print a JSON document instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The arguments of `workshop verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Exercises to verify (default: all).
    pub ids: Vec<String>,
    /// How many checks to run at once.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Print a JSON document instead of text.
    #[arg(long)]
    pub json: bool,
    /// Also write a JUnit XML report (one test case per exercise and side) for CI systems.
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
    /// Check each side N times, and say which goals ever changed their verdict.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub repeat: u32,
    /// Keep K threads busy meanwhile, as a crowded room would (stopped afterwards).
    #[arg(long, value_name = "K", default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=64))]
    pub load: u32,
    /// Count margin warnings as failures.
    #[arg(long)]
    pub strict: bool,
    /// Record the starter sums (checks/<id>/starter.sums) again where the
    /// starter changed on purpose.
    #[arg(long)]
    pub record_starter: bool,
}

/// The arguments of `workshop inspect`.
#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The trace or profile file, or an http:// URL to fetch one from (such as
    /// http://127.0.0.1:6060/debug/pprof/profile?seconds=5).
    pub file: PathBuf,
    /// Print as a JSON document.
    #[arg(long)]
    pub json: bool,
    /// With a URL: keep what it answered in this file.
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,

    /// Trace: print every event in order, in the text format of `go tool trace -d=parsed`.
    #[arg(long, conflicts_with_all = ["json", "goroutines", "tasks", "regions", "timeline"], help_heading = "Traces")]
    pub dump: bool,
    /// Trace: list every goroutine with its creation, start function and time by state.
    #[arg(long, help_heading = "Traces")]
    pub goroutines: bool,
    /// Trace: list every task with its goroutines, regions and logs.
    #[arg(long, help_heading = "Traces")]
    pub tasks: bool,
    /// Trace: list every region.
    #[arg(long, help_heading = "Traces")]
    pub regions: bool,
    /// Trace: also write an SVG timeline (a lane per P, GC and stop-the-world, tasks, regions, goroutine count).
    #[arg(long, value_name = "OUT.svg", help_heading = "Traces")]
    pub timeline: Option<PathBuf>,
    /// Trace: the timeline starts this long after the trace's start (e.g. 120ms).
    #[arg(long, value_name = "DURATION", requires = "timeline", value_parser = humantime::parse_duration, help_heading = "Traces")]
    pub from: Option<std::time::Duration>,
    /// Trace: the timeline ends this long after the trace's start (e.g. 180ms).
    #[arg(long, value_name = "DURATION", requires = "timeline", value_parser = humantime::parse_duration, help_heading = "Traces")]
    pub to: Option<std::time::Duration>,

    /// Profile: how many functions to list (0 for all).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 20,
        help_heading = "Profiles"
    )]
    pub top: usize,
    /// Profile: the sample type to show (e.g. cpu, alloc_space, inuse_space, delay).
    #[arg(long, value_name = "TYPE", help_heading = "Profiles")]
    pub sample: Option<String>,
    /// Profile: sort by cumulative value instead of flat.
    #[arg(long, help_heading = "Profiles")]
    pub cum: bool,
    /// Profile: only samples with a function matching this regular expression.
    #[arg(long, value_name = "REGEX", help_heading = "Profiles")]
    pub focus: Option<String>,
    /// Profile: also write an SVG flame graph.
    #[arg(long, value_name = "OUT.svg", help_heading = "Profiles")]
    pub flamegraph: Option<PathBuf>,
    /// Profile: show what changed since this base profile, as `go tool pprof
    /// -diff_base` does (the flame graph is then differential).
    #[arg(long, value_name = "BASE", help_heading = "Profiles", conflicts_with_all = ["list", "focus"])]
    pub base: Option<PathBuf>,
    /// Profile: with --base, scale the profile to the base's total first (as
    /// `go tool pprof -normalize`), so that runs of different lengths compare
    /// by share.
    #[arg(long, requires = "base", help_heading = "Profiles")]
    pub normalize: bool,
    /// Profile: flat and cum per source line of the functions matching this
    /// regular expression, beside their source, as `go tool pprof -list` does.
    #[arg(long, value_name = "REGEX", help_heading = "Profiles", conflicts_with_all = ["flamegraph", "focus", "cum"])]
    pub list: Option<String>,
    /// Profile: the profiler labels' table and filters (boxed: the
    /// subcommands' arguments stay of similar sizes).
    #[command(flatten)]
    pub labels: Box<LabelArgs>,
}

/// `workshop inspect`'s flags on profiler labels.
#[derive(Debug, Args)]
pub struct LabelArgs {
    /// Profile: the profiler labels (pprof.Do) and their shares, as `go tool
    /// pprof -tags` prints them, instead of the functions.
    #[arg(long, help_heading = "Profiles", conflicts_with_all = ["list", "base", "flamegraph", "focus", "cum"])]
    pub tags: bool,
    /// Profile: only samples whose labels match, as `go tool pprof -tagfocus`:
    /// `[KEY=]REGEX[,REGEX...]` or a numeric range (`32kb`, `1kb:64kb`).
    #[arg(long, value_name = "[KEY=]VALUE", help_heading = "Profiles")]
    pub tagfocus: Option<String>,
    /// Profile: leave out samples whose labels match, as `go tool pprof -tagignore`.
    #[arg(long, value_name = "[KEY=]VALUE", help_heading = "Profiles")]
    pub tagignore: Option<String>,
}

/// The arguments of `workshop compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The baseline output (`go test -bench ... -count 10 > old.txt`).
    pub old: PathBuf,
    /// The output to compare with it.
    pub new: PathBuf,
    /// Print a JSON document instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The arguments of `workshop completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}

/// The arguments of `workshop doctor`.
#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Print a JSON document instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The command line of this run. The language is chosen first (`--lang`, else
/// `WORKSHOP_LANG`, else the locale) and set for everything said afterwards,
/// so that `--help` already speaks it. Errors, `--help` and `--version` exit
/// as [`Parser::parse`] does; clap's own error messages stay in English.
pub fn parse() -> Cli {
    let env = |name: &str| std::env::var(name).ok();
    let lang = i18n::choose(asked_lang(std::env::args_os().skip(1), env), env);
    i18n::set(lang);
    let mut command = command_in(lang);
    let mut matches = command.get_matches_mut();
    Cli::from_arg_matches_mut(&mut matches)
        .map_err(|error| error.format(&mut command))
        .unwrap_or_else(|error| error.exit())
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    use clap::CommandFactory;

    use super::*;
    use crate::i18n::Lang;

    /// The keys of clap's own words, which no doc comment gives.
    const CLAP_WORDS: [&str; 10] = [
        "cli-heading-usage",
        "cli-heading-commands",
        "cli-heading-arguments",
        "cli-heading-options",
        "cli-flag-help",
        "cli-flag-help-more",
        "cli-flag-help-summary",
        "cli-flag-version",
        "cli-help-about",
        "cli-help-arg-subcommand",
    ];

    /// Each key the help of `command` (under `path`) reads from the
    /// catalogues, with the English text the doc comments give it.
    fn texts(command: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
        let mut add = |key: String, text: Option<String>| out.extend(text.map(|t| (key, t)));
        add(
            format!("{path}-about"),
            command.get_about().map(|t| t.to_string()),
        );
        add(
            format!("{path}-long-about"),
            command.get_long_about().map(|t| t.to_string()),
        );
        for arg in command.get_arguments() {
            let key = format!("{path}-arg-{}", arg.get_id().as_str().replace('_', "-"));
            add(key.clone(), arg.get_help().map(|t| t.to_string()));
            add(
                format!("{key}-long"),
                arg.get_long_help().map(|t| t.to_string()),
            );
            add(
                format!(
                    "cli-heading-{}",
                    arg.get_help_heading().unwrap_or("").to_lowercase()
                ),
                arg.get_help_heading().map(str::to_owned),
            );
        }
        for sub in command.get_subcommands() {
            texts(sub, &format!("{path}-{}", sub.get_name()), out);
        }
    }

    /// A new command or flag fails here until both catalogues have its text.
    #[test]
    fn every_help_text_is_in_both_catalogues_and_english_as_the_doc_comments_say() {
        let mut texts_ = Vec::new();
        texts(&Cli::command(), "cli", &mut texts_);
        assert!(texts_.len() > 60, "only {} texts", texts_.len());
        let mut problems = Vec::new();
        for (key, text) in &texts_ {
            if !i18n::has_message(Lang::En, key) {
                problems.push(format!("en/cli.ftl has no `{key} = {text}`"));
            } else if i18n::message_in(Lang::En, key, None) != *text {
                problems.push(format!(
                    "en/cli.ftl `{key}` is not the doc comment's text: {text:?}"
                ));
            }
            if !i18n::has_message(Lang::Ja, key) {
                problems.push(format!("ja/cli.ftl has no `{key}` (English: {text})"));
            }
        }
        for key in CLAP_WORDS {
            if !i18n::has_message(Lang::Ja, key) {
                problems.push(format!("ja/cli.ftl has no `{key}`"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn english_help_is_clap_own() {
        let mut ours = command_in(Lang::En);
        assert_eq!(
            ours.render_long_help().to_string(),
            Cli::command().render_long_help().to_string()
        );
    }

    /// Every command's help in Japanese, short and long: no word of clap's
    /// English left but the value placeholders and `[default: ...]` notes.
    #[test]
    fn japanese_help_has_no_english_heading_or_flag_text() {
        let mut command = command_in(Lang::Ja);
        command.build();
        let mut helps = vec![command.render_help(), command.render_long_help()];
        for sub in command
            .get_subcommands_mut()
            .filter(|s| s.get_name() != "help")
        {
            helps.push(sub.render_help());
            helps.push(sub.render_long_help());
        }
        for help in helps.iter().map(|h| h.to_string()) {
            for english in [
                "Usage:",
                "Commands:",
                "Arguments:",
                "Options:",
                "Traces:",
                "Profiles:",
                "Print help",
                "Print version",
                "Print this message",
                "Print a JSON",
            ] {
                assert!(!help.contains(english), "{english:?} in\n{help}");
            }
            assert!(help.contains("使い方: workshop"), "{help}");
            assert!(help.contains("ヘルプを表示する"), "{help}");
        }
        let check = command
            .find_subcommand_mut("check")
            .unwrap()
            .render_long_help();
        assert!(
            check
                .to_string()
                .contains("演習のテストとベンチマークを実行し"),
            "{check}"
        );
    }

    #[test]
    fn the_language_is_read_from_the_arguments_before_clap_parses_them() {
        let asked = |args: &[&str], env: &'static [(&'static str, &'static str)]| {
            asked_lang(args.iter().map(OsString::from), |name| {
                env.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            })
        };
        assert_eq!(asked(&["--lang", "ja", "check"], &[]), Some(Lang::Ja));
        assert_eq!(
            asked(&["check", "--help", "--lang=ja"], &[]),
            Some(Lang::Ja)
        );
        assert_eq!(
            asked(&["--lang", "ja", "list", "--lang", "en"], &[]),
            Some(Lang::En)
        );
        assert_eq!(
            asked(&["--lang", "en"], &[("WORKSHOP_LANG", "ja")]),
            Some(Lang::En)
        );
        assert_eq!(asked(&["list"], &[("WORKSHOP_LANG", "ja")]), Some(Lang::Ja));
        // Left for clap to report, or not the runner's flag at all.
        assert_eq!(asked(&["--lang", "fr"], &[]), None);
        assert_eq!(asked(&["--lang=JA", "--lang"], &[]), None);
        assert_eq!(
            asked(&["--lang", "fr"], &[("WORKSHOP_LANG", "ja")]),
            Some(Lang::Ja)
        );
        assert_eq!(asked(&["list"], &[("WORKSHOP_LANG", "de")]), None);
        assert_eq!(asked(&["inspect", "--", "--lang", "ja"], &[]), None);
    }
}
