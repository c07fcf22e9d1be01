//! The architecture as a test: every source file belongs to a layer, imports only files of its
//! own layer or of layers below, and no set of files imports each other in a loop.
//!
//! Imports are read from the source text: every `crate::…` path (with `{…}` groups expanded),
//! `super::…`, and, in a module's root file, paths that start with one of its child modules.
//! The binary's files read the library as `mtaudit::…`. A path names the longest module it
//! starts with. Code after a file's `#[cfg(test)]` is left out: tests may build what they
//! need from any layer. A folder's root file (`mod.rs`) counts as a file like any other: when
//! it uses one of its files, that file may not use it back (shared types go in a file of
//! their own).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first. A module belongs to the first entry that is the module itself or
/// one of its ancestors (`view` covers `view::names`).
const LAYERS: &[(&str, &[&str])] = &[
    (
        "text and plain data",
        &[
            "text",
            "finding",
            "gate",
            "input",
            "lexicon",
            "lexicon::hunspell",
            "evaluation::metrics",
            "evaluation::logistic",
            "evaluation::labels",
            "evaluation::folds",
            "style_model",
            "passages::cluster",
        ],
    ),
    ("languages, spellings and data tables", &["lang", "spelling", "lexicon::"]),
    ("the lexicon set of a run", &["lexicon::set"]),
    ("document: segmentation", &["document"]),
    ("view: what is derived once per document", &["view"]),
    ("corpus views and passages", &["corpus_copies", "corpus_names", "corpus_sites", "passages"]),
    ("resources a rule reads", &["resources"]),
    ("rules", &["rule", "detectors"]),
    ("registry", &["registry"]),
    ("configuration", &["config"]),
    ("score", &["score"]),
    ("analysis of one document", &["analysis"]),
    ("engine", &["engine"]),
    ("site tables", &["site_table"]),
    ("output", &["output"]),
    ("corpus sketches and evaluation", &["corpus_sketch", "evaluation"]),
    ("library root", &["lib"]),
    ("commands (the binary)", &["main", "cli", "commands"]),
];

/// The layer of a module: the most specific entry wins (`lexicon::set` over `lexicon::`, an
/// exact name over an ancestor).
fn layer_of(module: &str) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None; // (how much of the name matched, layer)
    for (layer, (_, prefixes)) in LAYERS.iter().enumerate() {
        for prefix in *prefixes {
            let matched = match prefix.strip_suffix("::") {
                Some(parent) => module.starts_with(prefix).then_some(parent.len() + 1),
                None if module == *prefix => Some(prefix.len() + 2),
                None => module.starts_with(&format!("{prefix}::")).then_some(prefix.len()),
            };
            if let Some(matched) = matched
                && best.is_none_or(|(m, _)| matched > m)
            {
                best = Some((matched, layer));
            }
        }
    }
    best.map(|(_, layer)| layer)
}

struct SourceFile {
    module: String,
    path: PathBuf,
    /// Whether the file belongs to the binary crate (`main.rs` and the modules it declares).
    binary: bool,
    /// A module's root file (`lib.rs`, `main.rs`, `mod.rs`): its children are reached by name.
    root: bool,
}

fn source_files() -> Vec<SourceFile> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let binary_roots: BTreeSet<String> = declared_children(&std::fs::read_to_string(src.join("main.rs")).unwrap());
    let mut files = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&src).unwrap().with_extension("");
            let parts: Vec<String> =
                relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            let root = matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main"));
            let module_parts: Vec<&str> = if parts.len() > 1 && parts.last().is_some_and(|p| p == "mod") {
                parts[..parts.len() - 1].iter().map(String::as_str).collect()
            } else {
                parts.iter().map(String::as_str).collect()
            };
            let module = module_parts.join("::");
            let binary = module == "main" || binary_roots.contains(module_parts[0]);
            files.push(SourceFile { module, path, binary, root });
        }
    }
    files.sort_by(|a, b| a.module.cmp(&b.module));
    files
}

/// The modules a root file declares (`mod x;`, `pub mod x;`).
fn declared_children(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = line.strip_prefix("pub mod ").or_else(|| line.strip_prefix("mod "))?;
            rest.strip_suffix(';').map(str::to_string)
        })
        .collect()
}

/// The code of a file without its test module and comments.
fn code_of(text: &str) -> String {
    let test_module = ["#[cfg(test)]\nmod ", "#[cfg(test)]\npub mod "].iter().filter_map(|m| text.find(m)).min();
    let code = test_module.map_or(text, |cut| &text[..cut]);
    code.lines()
        .map(|line| match line.find("//") {
            // A `//` inside a string literal (a URL) is rare in this code base and harmless here.
            Some(i) => &line[..i],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path that starts with `anchor::` in `code`, `{…}` groups expanded: `crate::a::{b, c::d}`
/// gives `a::b` and `a::c::d`.
fn paths_after(code: &str, anchor: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut from = 0;
    while let Some(found) = code[from..].find(anchor) {
        let start = from + found;
        from = start + anchor.len();
        let preceded_by_word =
            start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || matches!(bytes[start - 1], b'_' | b':'));
        if preceded_by_word || !code[from..].starts_with("::") {
            continue;
        }
        expand(&code[from + 2..], String::new(), &mut out);
    }
    out
}

/// Reads one path (or group) at the start of `rest`, pushing each full path under `prefix`.
fn expand(rest: &str, prefix: String, out: &mut Vec<String>) {
    let name_len = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(rest.len());
    let name = &rest[..name_len];
    let joined = if prefix.is_empty() {
        name.trim_end_matches(':').to_string()
    } else {
        format!("{prefix}::{}", name.trim_end_matches(':'))
    };
    if rest[name_len..].starts_with('{') && (name.is_empty() || name.ends_with("::")) {
        // A group: split its items at top-level commas.
        let body = &rest[name_len + 1..];
        let (mut depth, mut item_start) = (0usize, 0usize);
        for (i, c) in body.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    expand_item(&body[item_start..i], &joined, out);
                    return;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand_item(&body[item_start..i], &joined, out);
                    item_start = i + 1;
                }
                _ => {}
            }
        }
    } else {
        out.push(joined);
    }
}

fn expand_item(item: &str, prefix: &str, out: &mut Vec<String>) {
    let item = item.trim();
    if item.is_empty() || item == "self" || item.starts_with("self as") {
        out.push(prefix.to_string());
    } else {
        expand(item, prefix.to_string(), out);
    }
}

/// The longest module that `path` starts with, among `modules`.
fn resolve<'a>(path: &str, modules: &'a BTreeSet<String>) -> Option<&'a String> {
    let parts: Vec<&str> = path.split("::").collect();
    (1..=parts.len()).rev().find_map(|n| modules.get(&parts[..n].join("::")))
}

/// Each file's imports of other files, by module.
fn import_graph(files: &[SourceFile]) -> BTreeMap<String, BTreeSet<String>> {
    let library: BTreeSet<String> = files.iter().filter(|f| !f.binary).map(|f| f.module.clone()).collect();
    let binary: BTreeSet<String> = files.iter().filter(|f| f.binary).map(|f| f.module.clone()).collect();
    let mut graph = BTreeMap::new();
    for file in files {
        let text = std::fs::read_to_string(&file.path).unwrap();
        let code = code_of(&text);
        let own = if file.binary { &binary } else { &library };
        let mut targets = BTreeSet::new();
        let mut add = |path: String, modules: &BTreeSet<String>| {
            if let Some(target) = resolve(&path, modules)
                && *target != file.module
            {
                targets.insert(target.clone());
            }
        };
        for path in paths_after(&code, "crate") {
            add(path, own);
        }
        if file.binary {
            for path in paths_after(&code, "mtaudit") {
                add(path, &library);
            }
        }
        let parent =
            if file.root { file.module.as_str() } else { file.module.rsplit_once("::").map_or("", |(p, _)| p) };
        let grandparent = if file.root { parent.rsplit_once("::").map_or("", |(p, _)| p) } else { parent };
        for path in paths_after(&code, "super") {
            // `super::super::x` climbs once more per `super`.
            let mut base = if file.root { grandparent } else { parent };
            let mut path = path.as_str();
            while let Some(rest) = path.strip_prefix("super::") {
                base = base.rsplit_once("::").map_or("", |(p, _)| p);
                path = rest;
            }
            add(if base.is_empty() { path.to_string() } else { format!("{base}::{path}") }, own);
        }
        // `self::x` is `x` inside the file's own module.
        for path in paths_after(&code, "self") {
            let base = if matches!(file.module.as_str(), "lib" | "main") { "" } else { file.module.as_str() };
            add(if base.is_empty() { path } else { format!("{base}::{path}") }, own);
        }
        if file.root {
            let module_prefix = if matches!(file.module.as_str(), "lib" | "main") {
                String::new()
            } else {
                format!("{}::", file.module)
            };
            for child in declared_children(&text) {
                for path in paths_after(&code, &child) {
                    add(format!("{module_prefix}{child}::{path}"), own);
                }
            }
        }
        graph.insert(file.module.clone(), targets);
    }
    graph
}

/// The sets of files that import each other in a loop (strongly connected components of more
/// than one file, Tarjan's algorithm), each sorted.
fn loops(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, node: &'a str) {
            let n = self.index.len();
            self.index.insert(node, n);
            self.low.insert(node, n);
            self.stack.push(node);
            self.on_stack.insert(node);
            for next in self.graph.get(node).into_iter().flatten() {
                let next = next.as_str();
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node, low);
                } else if self.on_stack.contains(next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                let mut component = Vec::new();
                while let Some(top) = self.stack.pop() {
                    self.on_stack.remove(top);
                    component.push(top.to_string());
                    if top == node {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !walk.index.contains_key(node.as_str()) {
            walk.visit(node);
        }
    }
    walk.found.sort();
    walk.found
}

#[test]
fn every_file_has_a_layer_and_imports_only_downward() {
    let files = source_files();
    assert!(files.len() > 40, "the source tree was not found");
    let graph = import_graph(&files);
    let mut problems = Vec::new();
    for (module, targets) in &graph {
        let Some(layer) = layer_of(module) else {
            problems.push(format!("{module}: no layer in tests/layers.rs LAYERS; give it one"));
            continue;
        };
        for target in targets {
            let target_layer = layer_of(target).unwrap_or(usize::MAX);
            if target_layer > layer {
                problems.push(format!(
                    "{module} ({}) imports {target} ({}), a layer above it",
                    LAYERS[layer].0,
                    LAYERS.get(target_layer).map_or("no layer", |l| l.0)
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_files_import_each_other_in_a_loop() {
    let graph = import_graph(&source_files());
    let found = loops(&graph);
    let described: Vec<String> = found.iter().map(|files| format!("import loop among: {}", files.join(", "))).collect();
    assert!(found.is_empty(), "{}", described.join("\n"));
}

#[test]
fn the_import_reader_sees_groups_parents_and_children() {
    let code = "use crate::view::{annotated::Annotated, names::{self, Mention}};\nuse super::sketch::Kind;";
    assert_eq!(paths_after(code, "crate"), ["view::annotated::Annotated", "view::names", "view::names::Mention"]);
    assert_eq!(paths_after(code, "super"), ["sketch::Kind"]);
    assert_eq!(paths_after("use super::{DiffParams, cluster};", "super"), ["DiffParams", "cluster"]);
    assert_eq!(paths_after("use crate::{a::X, b};", "crate"), ["a::X", "b"]);
    assert_eq!(paths_after("pub use self::set::Lexicons;", "self"), ["set::Lexicons"]);
    let graph = import_graph(&source_files());
    assert!(graph["view"].contains("view::annotated"), "a root file's use of its child");
    assert!(graph["view::annotated"].contains("view::comment_zone"), "a group under crate::view");
    assert!(graph["commands"].iter().any(|m| m == "cli"), "the binary's own modules");
    // A loop made on purpose is found.
    let mut looped = graph.clone();
    looped.get_mut("text").unwrap().insert("document".to_string());
    let made = loops(&looped);
    assert_eq!(made.len(), loops(&graph).len() + 1);
    assert!(made.iter().any(|files| files.contains(&"text".to_string()) && files.contains(&"document".to_string())));
}
