use std::collections::BTreeSet;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::*;

/// Each message's key with the variables it uses, and the catalogue's syntax errors.
fn catalogue(source: &str) -> (Vec<(String, BTreeSet<String>)>, usize) {
    let (resource, errors) = match FluentResource::try_new(source.to_owned()) {
        Ok(resource) => (resource, 0),
        Err((resource, errors)) => (resource, errors.len()),
    };
    let messages = resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => {
                let mut variables = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    pattern_variables(pattern, &mut variables);
                }
                Some((message.id.name.to_owned(), variables))
            }
            _ => None,
        })
        .collect();
    (messages, errors)
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn both_catalogues_have_every_key_with_the_same_values() {
    let (english, english_errors) = catalogue(&CATALOGUES[0].1.concat());
    let (japanese, japanese_errors) = catalogue(&CATALOGUES[1].1.concat());
    assert_eq!(english_errors, 0, "en.ftl has syntax errors");
    assert_eq!(japanese_errors, 0, "ja.ftl has syntax errors");
    let problems = differences(&english, &japanese);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(english.len() > 100, "only {} messages", english.len());
}

/// What one catalogue lacks of the other: keys, and variables a message uses.
fn differences(
    english: &[(String, BTreeSet<String>)],
    japanese: &[(String, BTreeSet<String>)],
) -> Vec<String> {
    let mut problems = Vec::new();
    for (key, variables) in english {
        match japanese.iter().find(|(k, _)| k == key) {
            None => problems.push(format!("ja.ftl has no message `{key}`")),
            Some((_, theirs)) if theirs != variables => problems.push(format!(
                "`{key}` uses {variables:?} in en.ftl but {theirs:?} in ja.ftl"
            )),
            Some(_) => {}
        }
    }
    for (key, _) in japanese {
        if !english.iter().any(|(k, _)| k == key) {
            problems.push(format!("en.ftl has no message `{key}`"));
        }
    }
    let mut seen = BTreeSet::new();
    for (key, _) in english.iter().chain(japanese) {
        if !seen.insert(key) && english.iter().filter(|(k, _)| k == key).count() > 1 {
            problems.push(format!("`{key}` is defined twice"));
        }
    }
    problems
}

#[test]
fn a_missing_key_or_variable_is_found() {
    let (english, _) = catalogue("a = A\nb = B { $x }\nc = C\n");
    let (japanese, _) = catalogue("a = あ\nb = い\nd = え\n");
    assert_eq!(
        differences(&english, &japanese),
        [
            "`b` uses {\"x\"} in en.ftl but {} in ja.ftl",
            "ja.ftl has no message `c`",
            "en.ftl has no message `d`",
        ]
    );
}

/// Every key the code names in `tr!("...")` is in the catalogues.
#[test]
fn every_key_the_code_uses_is_in_the_catalogue() {
    let (english, _) = catalogue(&CATALOGUES[0].1.concat());
    let keys: BTreeSet<&str> = english.iter().map(|(k, _)| k.as_str()).collect();
    let used = regex::Regex::new(r#"tr!\(\s*"([a-z0-9-]+)""#).unwrap();
    let mut missing = Vec::new();
    let mut uses = 0;
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in walkdir::WalkDir::new(&src).into_iter().flatten() {
        if entry.path().extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for capture in used.captures_iter(&text) {
            uses += 1;
            if !keys.contains(&capture[1]) {
                missing.push(format!("{}: `{}`", entry.path().display(), &capture[1]));
            }
        }
    }
    assert!(uses > 100, "only {uses} uses of tr! found");
    assert!(
        missing.is_empty(),
        "keys not in en.ftl:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_language_comes_from_the_flag_then_the_locale() {
    let env = |vars: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        choose(Some(Lang::En), env(&[("LANG", "ja_JP.UTF-8")])),
        Lang::En
    );
    assert_eq!(choose(None, env(&[("LANG", "ja_JP.UTF-8")])), Lang::Ja);
    assert_eq!(
        choose(None, env(&[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")])),
        Lang::En
    );
    assert_eq!(
        choose(
            None,
            env(&[("LC_ALL", ""), ("LC_MESSAGES", "ja"), ("LANG", "C")])
        ),
        Lang::Ja
    );
    assert_eq!(choose(None, env(&[("LANG", "fr_FR.UTF-8")])), Lang::En);
    assert_eq!(choose(None, env(&[])), Lang::En);
    assert_eq!(Lang::from_locale("ja-JP"), Some(Lang::Ja));
    assert_eq!(Lang::from_locale("de_DE"), None);
}

#[test]
fn plurals_and_values_read_in_each_language() {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("count", 1);
    assert_eq!(
        message_in(Lang::En, "goroutine-count", Some(&args)),
        "1 goroutine"
    );
    args.set("count", 3);
    assert_eq!(
        message_in(Lang::En, "goroutine-count", Some(&args)),
        "3 goroutines"
    );
    assert_eq!(
        message_in(Lang::Ja, "goroutine-count", Some(&args)),
        "goroutine 3 個"
    );
}

#[test]
fn text_falls_back_to_english_then_the_first_language() {
    let text: Text = serde_yaml::from_str("{ja: 日本語, en: English}").unwrap();
    assert_eq!(text.get(Lang::Ja), "日本語");
    assert_eq!(text.get(Lang::En), "English");
    let english: Text = serde_yaml::from_str("English only").unwrap();
    assert_eq!(english.get(Lang::Ja), "English only");
    assert!(!english.has(Lang::Ja));
    let japanese: Text = serde_yaml::from_str("ja: 日本語だけ").unwrap();
    assert_eq!(japanese.get(Lang::En), "日本語だけ");
    let unknown = serde_yaml::from_str::<Text>("fr: Français").unwrap_err();
    assert!(
        unknown
            .to_string()
            .contains("unknown field `fr`, expected `en` or `ja`"),
        "{unknown}"
    );
    assert!(serde_yaml::from_str::<Text>("{en: a, en: b}").is_err());
    assert!(serde_yaml::from_str::<Text>("[a]").is_err());
}

#[test]
fn lists_are_joined_with_the_languages_separators() {
    let items = ["BenchmarkA", "BenchmarkB", "BenchmarkC"];
    assert_eq!(
        with_lang(Lang::En, || list(items)),
        "BenchmarkA, BenchmarkB, BenchmarkC"
    );
    assert_eq!(
        with_lang(Lang::Ja, || list(items)),
        "BenchmarkA、BenchmarkB、BenchmarkC"
    );
    assert_eq!(with_lang(Lang::Ja, || list(["a"])), "a");
    assert_eq!(with_lang(Lang::Ja, || list(Vec::<String>::new())), "");
    assert_eq!(with_lang(Lang::En, || clauses(["a", "b"])), "a; b");
    assert_eq!(with_lang(Lang::Ja, || clauses(["a", "b"])), "a。b");
}

/// The Japanese catalogue speaks with one voice: Japanese punctuation outside
/// code spans (`、` and `。`, full-width parentheses), and one term per
/// concept: a goal's bound is 基準 (never 期待値, which is a statistical
/// expectation, nor 目標), a goal is ゴール.
#[test]
fn the_japanese_catalogue_uses_japanese_punctuation_and_the_house_terms() {
    // Mirrors the code's `name (count)` of the names beside it.
    const ASCII_PARENTHESES: [&str; 1] = ["trace-inventory-unnamed"];
    let mut problems = Vec::new();
    let mut key = String::new();
    for line in CATALOGUES[1].1.concat().lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let value = match line.split_once(" =") {
            Some((k, v)) if !line.starts_with(' ') => {
                key = k.to_owned();
                v
            }
            _ => line,
        };
        // Code spans (`workshop check <id>`, `at-most: 20ms`) stay as written.
        let prose: String = value.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        for (bad, why) in [
            (", ", "`、` between items"),
            ("; ", "`。` or `、` between clauses"),
            ("期待値", "基準 for a goal's bound"),
            ("目標", "基準 for a goal's bound, ゴール for a goal"),
            ("コレクター", "GC"),
        ] {
            if prose.contains(bad) {
                problems.push(format!("{key}: {bad:?} in {value:?}: use {why}"));
            }
        }
        if prose.contains('(') && !ASCII_PARENTHESES.contains(&key.as_str()) {
            problems.push(format!("{key}: `(` in {value:?}: use `（` and `）`"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
