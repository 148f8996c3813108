//! The house's structure, checked from the source: the modules of `src/` import
//! each other without cycles (between the crate's top-level modules, and
//! between the children of each module), and only the modules at the top
//! import `report`, the one that prints.

use std::collections::{BTreeMap, BTreeSet};

use crate::repo;

/// One source file: the module path it defines (`run::session`) and its code
/// without comments and without its tests (whose `super` is the file itself).
struct Source {
    module: Vec<String>,
    code: String,
}

fn sources() -> Vec<Source> {
    let src = repo().join("src");
    walkdir::WalkDir::new(&src)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let relative = e.path().strip_prefix(&src).unwrap().with_extension("");
            let mut module: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(
                module.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                module.pop();
            }
            let text = std::fs::read_to_string(e.path()).unwrap();
            let code = text
                .lines()
                .take_while(|line| line.trim() != "#[cfg(test)]")
                .map(|line| line.split("//").next().unwrap_or(""))
                .collect::<Vec<_>>()
                .join("\n");
            Source { module, code }
        })
        .collect()
}

/// The paths a source names, absolute from the crate root: `crate::a::b`,
/// `super::x` (resolved against the file's module), and the names inside
/// `crate::{a, b::c}` groups.
fn references(source: &Source) -> Vec<Vec<String>> {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut found = Vec::new();
    let code = &source.code;
    for (start, _) in code
        .match_indices("crate::")
        .chain(code.match_indices("super::"))
    {
        if start > 0 && code[..start].ends_with(|c: char| word(c) || c == ':') {
            continue;
        }
        let mut base: Vec<String> = if code[start..].starts_with("crate::") {
            Vec::new()
        } else {
            let mut parent = source.module.clone();
            parent.pop();
            parent
        };
        // Both prefixes are seven bytes; `super::super::x` climbs further.
        let mut rest = &code[start + 7..];
        while let Some(more) = rest.strip_prefix("super::") {
            base.pop();
            rest = more;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let inside = &group[..group.find('}').unwrap_or(group.len())];
            for item in inside.split(',') {
                let path: Vec<String> = item
                    .trim()
                    .split("::")
                    .map(|p| p.trim().to_owned())
                    .take_while(|p| !p.is_empty() && p.chars().all(word))
                    .collect();
                if !path.is_empty() {
                    found.push(base.iter().cloned().chain(path).collect());
                }
            }
        } else {
            let path: Vec<String> = rest
                .split("::")
                .map(|p| p.chars().take_while(|c| word(*c)).collect::<String>())
                .take_while(|p| !p.is_empty())
                .collect();
            if !path.is_empty() {
                found.push(base.into_iter().chain(path).collect());
            }
        }
    }
    found
}

/// Names re-exported by `pub use` (or `pub(crate) use`), each with the path it
/// stands for: `goals::GoalKind` is `goals::kinds::GoalKind`.
fn re_exports(sources: &[Source]) -> BTreeMap<Vec<String>, Vec<String>> {
    let mut aliases = BTreeMap::new();
    for source in sources {
        for line in source.code.lines() {
            let line = line.trim();
            let Some(rest) = line
                .strip_prefix("pub use ")
                .or_else(|| line.strip_prefix("pub(crate) use "))
                .or_else(|| line.strip_prefix("pub(super) use "))
            else {
                continue;
            };
            // `x::{A, B}` or `x::A`, relative to the module unless it says otherwise.
            let rest = rest.trim_end_matches(';');
            let (prefix, names) = match rest.split_once("::{") {
                Some((prefix, names)) => (prefix, names.trim_end_matches('}')),
                None => match rest.rsplit_once("::") {
                    Some((prefix, name)) => (prefix, name),
                    None => continue,
                },
            };
            let base: Vec<String> = if let Some(path) = prefix.strip_prefix("crate::") {
                path.split("::").map(str::to_owned).collect()
            } else {
                source
                    .module
                    .iter()
                    .cloned()
                    .chain(prefix.split("::").map(str::to_owned))
                    .collect()
            };
            for name in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                let name = name.split(" as ").next().unwrap_or(name).trim();
                let mut alias = source.module.clone();
                alias.push(name.to_owned());
                let mut target = base.clone();
                target.push(name.to_owned());
                aliases.insert(alias, target);
            }
        }
    }
    aliases
}

/// A path with re-exported names replaced by what they stand for.
fn resolve(path: &[String], aliases: &BTreeMap<Vec<String>, Vec<String>>) -> Vec<String> {
    let mut path = path.to_vec();
    for _ in 0..8 {
        let Some((alias, target)) = (1..=path.len())
            .rev()
            .find_map(|n| aliases.get_key_value(&path[..n]))
        else {
            break;
        };
        path = target.iter().chain(&path[alias.len()..]).cloned().collect();
    }
    path
}

/// The modules declared in the crate, by their paths.
fn modules(sources: &[Source]) -> BTreeSet<Vec<String>> {
    sources.iter().map(|s| s.module.clone()).collect()
}

/// Edges between the children of `parent` (the top-level modules for an empty
/// parent): child A imports child B when a file inside A names a path inside B.
fn edges(sources: &[Source], parent: &[String]) -> BTreeMap<String, BTreeSet<String>> {
    let declared = modules(sources);
    let aliases = re_exports(sources);
    let child_of = |path: &[String]| -> Option<String> {
        if path.len() > parent.len() && path.starts_with(parent) {
            let child: Vec<String> = path[..=parent.len()].to_vec();
            declared
                .contains(&child)
                .then(|| child[parent.len()].clone())
        } else {
            None
        }
    };
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for source in sources {
        let Some(from) = child_of(&source.module) else {
            continue;
        };
        for reference in references(source) {
            if let Some(to) = child_of(&resolve(&reference, &aliases))
                && to != from
            {
                graph.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    graph
}

/// A cycle in `graph`, if there is one, as the modules along it.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|n| n == node) {
            let mut found = path[i..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn modules_import_each_other_without_cycles() {
    let sources = sources();
    let parents: BTreeSet<Vec<String>> = modules(&sources)
        .into_iter()
        .flat_map(|m| (0..m.len()).map(move |n| m[..n].to_vec()))
        .collect();
    let mut checked = 0;
    for parent in &parents {
        let graph = edges(&sources, parent);
        checked += graph.len();
        if let Some(cycle) = cycle(&graph) {
            panic!(
                "an import cycle among the modules of `crate{}`: {}",
                parent.iter().map(|p| format!("::{p}")).collect::<String>(),
                cycle.join(" → ")
            );
        }
    }
    assert!(
        checked > 20,
        "only {checked} modules with imports were found"
    );
}

#[test]
fn only_the_top_imports_the_printing_module() {
    let graph = edges(&sources(), &[]);
    let allowed = ["commands", "cli", "watch", "main"];
    let importers: Vec<&String> = graph
        .iter()
        .filter(|(from, to)| to.contains("report") && !allowed.contains(&from.as_str()))
        .map(|(from, _)| from)
        .collect();
    assert!(
        importers.is_empty(),
        "modules below the commands import `report`: {importers:?}"
    );
    // The leaves import nothing of the crate but other leaves and the
    // messages (`i18n`, through its `tr!` macro), which import nothing.
    for leaf in ["units", "display", "bench", "pprof"] {
        let imports = graph.get(leaf).cloned().unwrap_or_default();
        assert!(
            imports
                .iter()
                .all(|m| ["units", "display", "i18n", "tr"].contains(&m.as_str())),
            "`{leaf}` imports {imports:?}"
        );
    }
    let messages = graph.get("i18n").cloned().unwrap_or_default();
    assert!(messages.is_empty(), "`i18n` imports {messages:?}");
}

#[test]
fn only_the_fence_changes_the_file_system() {
    // Every write, creation, removal or rename goes through `fence`, which
    // never follows a link below a workshop root; anything else could.
    let calls = [
        "fs::write(",
        "File::create(",
        "fs::create_dir(",
        "fs::create_dir_all(",
        "fs::remove_file(",
        "fs::remove_dir(",
        "fs::remove_dir_all(",
        "fs::rename(",
        "fs::hard_link(",
        "fs::copy(",
        "OpenOptions::new(",
        "fs::symlink(",
        "set_permissions(",
    ];
    let mut found = Vec::new();
    for source in sources() {
        let module = source.module.join("::");
        if ["fence", "workspace"].contains(&module.as_str()) {
            continue;
        }
        for call in calls {
            if source.code.contains(call) {
                found.push(format!("{module}: {call}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "file-system changes outside `fence`: {found:?}"
    );
}

#[test]
fn the_checker_finds_a_cycle_and_resolves_super() {
    let source = |module: &str, code: &str| Source {
        module: module.split("::").map(str::to_owned).collect(),
        code: code.to_owned(),
    };
    let sources = [
        source("a", "use crate::b::X;"),
        source("b", "fn f() { crate::c::g() }"),
        source("c", "use crate::{units, a::Y};"),
        source("units", ""),
        source("c::d", "use super::super::a;"),
        source("e", "pub use f::Z;"),
        source("e::f", "use crate::e::g::W;"),
        source("e::g", "use crate::e::Z;"),
    ];
    let graph = edges(&sources, &[]);
    assert_eq!(
        graph["c"],
        BTreeSet::from(["a".to_owned(), "units".to_owned()])
    );
    assert_eq!(
        cycle(&graph).unwrap(),
        ["a", "b", "c", "a"].map(str::to_owned).to_vec()
    );
    assert_eq!(
        references(&sources[4]),
        vec![vec!["a".to_owned()]],
        "super::super from c::d is the crate root"
    );
    // e::g names e::f's Z through its re-export at e.
    assert_eq!(
        cycle(&edges(&sources, &["e".to_owned()])).unwrap(),
        ["f", "g", "f"].map(str::to_owned).to_vec()
    );
}
