//! The command line in the reader's language: which language the arguments
//! ask for before clap reads them, and clap's command with every command's
//! and flag's help, clap's headings and its help and version flags taken from
//! the `cli-*` keys of the catalogues.

use std::collections::BTreeMap;
use std::ffi::OsString;

use clap::{Arg, ArgAction, CommandFactory, ValueEnum};

use super::Cli;
use crate::i18n::{self, Lang};

/// The language `args` ask for, read before clap parses them: the last
/// `--lang X` or `--lang=X` before a `--`, else `WORKSHOP_LANG`. A value that
/// names no language is passed over here, for clap to report.
pub(super) fn asked_lang(
    args: impl IntoIterator<Item = OsString>,
    env: impl Fn(&str) -> Option<String>,
) -> Option<Lang> {
    let named = |value: &str| Lang::from_str(value, false).ok();
    let mut asked = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let value = match arg.to_str() {
            Some("--") => break,
            Some("--lang") => args.next(),
            Some(arg) => match arg.strip_prefix("--lang=") {
                Some(value) => Some(value.into()),
                None => continue,
            },
            None => continue,
        };
        if let Some(lang) = value.as_ref().and_then(|v| v.to_str()).and_then(named) {
            asked = Some(lang);
        }
    }
    asked.or_else(|| env("WORKSHOP_LANG").as_deref().and_then(named))
}

/// The command line with its help in `lang`: English as the doc comments
/// say, other languages from the catalogues: each command's `cli-<path>-about`
/// and `-long-about`, each argument's `cli-<path>-arg-<id>` and `-long`
/// (`<path>` is the subcommand, none for the top), and clap's own words (the
/// headings, the help and version flags, the `help` subcommand).
pub fn command_in(lang: Lang) -> clap::Command {
    let command = Cli::command();
    if lang == Lang::En {
        return command;
    }
    let globals_long = command
        .get_arguments()
        .any(|arg| arg.is_global_set() && wants_long_help(arg));
    let versioned = command.get_version().is_some();
    let mut headings = Headings {
        lang,
        known: BTreeMap::new(),
    };
    let mut command = translate(command, "cli", &mut headings, globals_long, versioned);
    // Clap makes the `help` subcommand when it builds the top command, which
    // parsing does first and only once: build it here to reach the subcommand.
    let _ = command.render_help();
    let template = help_template(&command, lang);
    let arguments = headings.get("cli-heading-arguments");
    command.mut_subcommand("help", |help| {
        help.about(i18n::message_in(lang, "cli-help-about", None))
            .help_template(template)
            .mut_arg("subcommand", |arg| {
                arg.help(i18n::message_in(lang, "cli-help-arg-subcommand", None))
                    .help_heading(arguments)
            })
    })
}

/// `command` and its subcommands with their texts in `lang`, `path` naming
/// their keys. Every argument goes under a heading of the catalogue (clap
/// writes its own `Arguments` and `Options` in English), and the help and
/// version flags clap would add are added with their texts.
fn translate(
    command: clap::Command,
    path: &str,
    headings: &mut Headings,
    globals_long: bool,
    versioned: bool,
) -> clap::Command {
    let lang = headings.lang;
    let text = |key: &str| i18n::message_in(lang, key, None);
    let mut command = command;
    if command.get_about().is_some() {
        command = command.about(text(&format!("{path}-about")));
    }
    if command.get_long_about().is_some() {
        command = command.long_about(text(&format!("{path}-long-about")));
    }
    // As clap decides whether `-h` says that `--help` shows more.
    let long = globals_long
        || command.get_long_about().is_some()
        || command.get_before_long_help().is_some()
        || command.get_after_long_help().is_some()
        || command.get_arguments().any(wants_long_help);
    let mut position = 0;
    command = command.mut_args(|arg| {
        let key = format!("{path}-arg-{}", arg.get_id().as_str().replace('_', "-"));
        let mut arg = arg;
        if arg.get_help().is_some() {
            arg = arg.help(text(&key));
        }
        if arg.get_long_help().is_some() {
            arg = arg.long_help(text(&format!("{key}-long")));
        }
        let heading = match arg.get_help_heading() {
            Some(heading) => headings.get(&format!("cli-heading-{}", heading.to_lowercase())),
            None if arg.is_positional() => headings.get("cli-heading-arguments"),
            None => headings.get("cli-heading-options"),
        };
        if arg.is_positional() {
            // Under a heading of their own, clap orders arguments by display
            // order, then by name: keep the positional ones in their order.
            arg = arg.display_order(position);
            position += 1;
        }
        arg.help_heading(heading)
    });
    let template = help_template(&command, lang);
    let mut help = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help_heading(headings.get("cli-heading-options"))
        .display_order(999);
    help = if long {
        help.help(text("cli-flag-help-more"))
            .long_help(text("cli-flag-help-summary"))
    } else {
        help.help(text("cli-flag-help"))
    };
    command = command
        .help_template(template)
        .subcommand_help_heading(headings.get("cli-heading-commands"))
        .disable_help_flag(true)
        .arg(help);
    if versioned {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(text("cli-flag-version"))
                .help_heading(headings.get("cli-heading-options"))
                .display_order(999),
        );
    }
    let versioned = versioned && command.is_propagate_version_set();
    command.mut_subcommands(|sub| {
        let path = format!("{path}-{}", sub.get_name());
        translate(sub, &path, headings, globals_long, versioned)
    })
}

/// Clap's help template (the default one) with its `Usage` heading in `lang`.
fn help_template(command: &clap::Command, lang: Lang) -> String {
    let usage = command.get_styles().get_usage();
    format!(
        "{{before-help}}{{about-with-newline}}\n{}{}:{} {{usage}}\n\n{{all-args}}{{after-help}}",
        usage.render(),
        i18n::message_in(lang, "cli-heading-usage", None),
        usage.render_reset()
    )
}

/// The headings of the help in a language. Clap takes headings as `&'static
/// str` (without its `string` feature), so each is leaked, once: a run builds
/// its command line once.
struct Headings {
    lang: Lang,
    known: BTreeMap<String, &'static str>,
}

impl Headings {
    /// The heading of catalogue key `key`.
    fn get(&mut self, key: &str) -> &'static str {
        let lang = self.lang;
        self.known
            .entry(key.to_owned())
            .or_insert_with(|| i18n::message_in(lang, key, None).leak())
    }
}

/// Whether `arg` has more to say in `--help` than in `-h`, as clap judges it.
fn wants_long_help(arg: &Arg) -> bool {
    !arg.is_hide_set()
        && (arg.get_long_help().is_some()
            || arg.is_hide_long_help_set()
            || arg.is_hide_short_help_set()
            || (!arg.is_hide_possible_values_set()
                && arg
                    .get_possible_values()
                    .iter()
                    .any(|value| !value.is_hide_set() && value.get_help().is_some())))
}
