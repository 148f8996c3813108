//! `--help` in the language of the run: Japanese through the catalogues when
//! `--lang ja`, `WORKSHOP_LANG=ja` or a Japanese locale asks for it, clap's
//! English as the doc comments say it otherwise.

use crate::{Run, binary};

/// `workshop <args>` with the environment variables `env`.
fn workshop(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = binary();
    command.args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    Run::from(command.output().unwrap())
}

#[track_caller]
fn lacks(run: &Run, english: &[&str]) {
    for text in english {
        assert!(!run.stdout.contains(text), "{text:?} in:\n{}", run.stdout);
    }
}

#[test]
fn help_is_in_japanese_with_lang_ja_and_english_without() {
    let japanese = workshop(&["--lang", "ja", "check", "--help"], &[]);
    japanese
        .code(0)
        .stdout_has("演習のテストとベンチマークを実行し、ゴールを判定する。")
        .stdout_has("終了ステータス: すべてのゴールを達成したら 0")
        .stdout_has("使い方: workshop check [OPTIONS] [ID]\n\n引数:\n  [ID]\n")
        .stdout_has(
            "オプション:\n      --json\n          テキストの代わりに JSON ドキュメントを出力する",
        )
        .stdout_has("      --fresh\n          スターターと比べるゴールのために")
        .stdout_has("  -h, --help\n          ヘルプを表示する（'-h' で概要）")
        .stdout_has("  -V, --version\n          バージョンを表示する");
    lacks(
        &japanese,
        &[
            "Usage:",
            "Arguments:",
            "Options:",
            "Print help",
            "Print version",
            "Build the starter",
        ],
    );

    workshop(&["check", "--help"], &[])
        .code(0)
        .stdout_has("Run an exercise's tests and benchmarks and judge its goals.\n\nExit status:")
        .stdout_has("Usage: workshop check [OPTIONS] [ID]\n\nArguments:\n  [ID]\n")
        .stdout_has("      --fresh\n          Build the starter again for goals relative to it")
        .stdout_has("  -h, --help\n          Print help (see a summary with '-h')")
        .stdout_has("  -V, --version\n          Print version\n");
}

#[test]
fn help_follows_workshop_lang_and_the_locale_and_lang_en_wins() {
    let english = workshop(&["check", "--help"], &[]);
    for (args, env) in [
        (
            &["--lang", "en", "check", "--help"][..],
            &[("LANG", "ja_JP.UTF-8")][..],
        ),
        (
            &["check", "--help", "--lang=en"],
            &[("WORKSHOP_LANG", "ja")],
        ),
        (
            &["check", "--help"],
            &[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")],
        ),
    ] {
        // Clap shows the value of `WORKSHOP_LANG` it was given.
        let stdout = workshop(args, env)
            .stdout
            .replace("WORKSHOP_LANG=ja]", "WORKSHOP_LANG=]");
        assert_eq!(stdout, english.stdout, "{args:?} {env:?}");
    }

    workshop(&["-h"], &[("LANG", "ja_JP.UTF-8")])
        .code(0)
        .stdout_has("使い方: workshop [OPTIONS] <COMMAND>\n\nコマンド:\n  list ")
        .stdout_has("  help         このメッセージ、または指定したサブコマンドのヘルプを表示する")
        .stdout_has("  -h, --help          ヘルプを表示する（'--help' で詳細）");
    let inspect = workshop(&["help", "inspect"], &[("WORKSHOP_LANG", "ja")]);
    inspect
        .code(0)
        .stdout_has("Go の実行トレースまたは pprof プロファイルを要約する。")
        .stdout_has("\nトレース:\n      --dump\n")
        .stdout_has("\nプロファイル:\n      --top <N>\n");
    lacks(&inspect, &["Traces:", "Profiles:", "Trace: ", "Profile: "]);
    workshop(&["check", "-h", "--lang=ja"], &[])
        .code(0)
        .stdout_has("使い方: workshop check [OPTIONS] [ID]");
}

/// Clap still judges the arguments: its errors (in English) and exit codes
/// are as without a language.
#[test]
fn help_in_japanese_leaves_clap_errors_and_exit_codes_as_they_are() {
    for args in [
        &["chek"][..],
        &["check", "--nope"],
        &["--lang", "fr", "list"],
    ] {
        let english = workshop(args, &[]);
        let japanese = workshop(args, &[("LANG", "ja_JP.UTF-8")]);
        english.code(2);
        japanese.code(2);
        assert_eq!(japanese.stderr, english.stderr, "{args:?}");
    }
    workshop(&["--lang", "ja", "chek"], &[])
        .code(2)
        .stderr_has("error: unrecognized subcommand 'chek'");
    workshop(&["--lang", "ja", "--version"], &[])
        .code(0)
        .stdout_has("workshop 0.1.0");
}
