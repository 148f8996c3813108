//! An exercise's title is its check file's: wherever a page names an exercise
//! as `<id> — <title>` (its heading, a "next" link, sample output), the title
//! is the one `checks/<id>/check.yaml` gives in the page's language, word for
//! word, so that the pages and the runner speak with one voice.

use std::collections::BTreeMap;

use super::{WorkshopCli, markdown_files};
use crate::repo;

/// Each exercise's title per language code (`en`, `ja`), from its check file:
/// a plain string is English, a mapping gives one title per language.
fn titles() -> BTreeMap<String, BTreeMap<String, String>> {
    WorkshopCli::new()
        .ids
        .into_iter()
        .map(|id| {
            let file = repo().join("checks").join(&id).join("check.yaml");
            let check: serde_yaml::Value =
                serde_yaml::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
            let by_lang = match &check["title"] {
                serde_yaml::Value::String(title) => [("en".to_owned(), title.clone())].into(),
                serde_yaml::Value::Mapping(by_lang) => by_lang
                    .iter()
                    .map(|(lang, title)| {
                        let lang = lang.as_str().unwrap().to_owned();
                        (lang, title.as_str().unwrap().trim().to_owned())
                    })
                    .collect(),
                other => panic!("{id}: a title that is neither text nor a mapping: {other:?}"),
            };
            (id, by_lang)
        })
        .collect()
}

/// The language of a page: `docs/<lang>/...` for a language the titles are
/// given in, English otherwise (`docs/...`, the README).
fn page_lang(name: &str, langs: &[&str]) -> String {
    name.strip_prefix("docs/")
        .and_then(|rest| rest.split('/').next())
        .filter(|dir| langs.contains(dir))
        .unwrap_or("en")
        .to_owned()
}

/// Every `<id> — <title>` a text shows for one of `ids`, with its line
/// number: the title runs to the end of the line or of the link text.
fn named<'a>(
    text: &str,
    ids: impl Iterator<Item = &'a String> + Clone,
) -> Vec<(usize, String, String)> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        for id in ids.clone() {
            let marker = format!("{id} — ");
            for (at, _) in line.match_indices(&marker) {
                // `cpu/01-regexp — ` inside `x-cpu/01-regexp — ` names no exercise.
                let before = line[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '/' || c == '-') {
                    continue;
                }
                let rest = &line[at + marker.len()..];
                let title = rest.split(']').next().unwrap().trim_end();
                found.push((number + 1, id.clone(), title.to_owned()));
            }
        }
    }
    found
}

#[test]
fn pages_name_each_exercise_by_its_check_files_title() {
    let titles = titles();
    let langs: Vec<&str> = titles
        .values()
        .flat_map(|by_lang| by_lang.keys().map(String::as_str))
        .collect();
    let mut problems = Vec::new();
    let mut checked: BTreeMap<String, usize> = BTreeMap::new();
    for page in markdown_files() {
        let name = page.strip_prefix(repo()).unwrap().display().to_string();
        let lang = page_lang(&name, &langs);
        let text = std::fs::read_to_string(&page).unwrap();
        for (line, id, shown) in named(&text, titles.keys()) {
            *checked.entry(lang.clone()).or_default() += 1;
            match titles[&id].get(&lang) {
                Some(title) if *title == shown => {}
                Some(title) => problems.push(format!(
                    "{name}:{line}: {id} is titled `{shown}`, its check file says `{title}` ({lang})"
                )),
                None => problems.push(format!(
                    "{name}:{line}: {id} is titled `{shown}`, its check file has no {lang} title"
                )),
            }
        }
    }
    eprintln!("exercise titles checked per language: {checked:?}");
    // Each exercise's page and its Japanese page head with the title, and
    // most pages link the next exercise by it.
    for lang in ["en", "ja"] {
        let count = checked.get(lang).copied().unwrap_or_default();
        assert!(
            count >= 2 * titles.len() - 1,
            "only {count} {lang} titles found"
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_title_finder_sees_headings_links_and_output() {
    let ids = ["a/01-b".to_owned(), "c/d".to_owned()];
    let text = "# a/01-b — Heading\nNext: [c/d — 次の演習](c-d.md), or [x](y.md).\n\
                    x-a/01-b — not this\n    c/d — printed  \n";
    assert_eq!(
        named(text, ids.iter()),
        [
            (1, "a/01-b".to_owned(), "Heading".to_owned()),
            (2, "c/d".to_owned(), "次の演習".to_owned()),
            (4, "c/d".to_owned(), "printed".to_owned()),
        ]
    );
    assert_eq!(page_lang("docs/ja/exercises/x.md", &["en", "ja"]), "ja");
    assert_eq!(page_lang("docs/exercises/x.md", &["en", "ja"]), "en");
    assert_eq!(page_lang("README.md", &["en", "ja"]), "en");
}
