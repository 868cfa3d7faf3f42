//! The layer rule of `src/lib.rs`, checked on the source tree.
//!
//! - A file imports only from its own layer or a lower one: `story` < `render` < {`web`, `build`},
//!   and `web` and `build` never import each other.
//! - `story` and `render` use neither yew, web-sys, wasm-bindgen, js-sys nor gloo.
//! - No file imports another that imports it back, directly or through others (zero cycles
//!   between files).
//!
//! An import is any `crate::a::b` path in code (comments are skipped), including the items of a
//! `crate::a::{b, c::d}` group; it names the deepest file of the tree that the path reaches.
//! `crate::fixtures` is the shared test fixture and may be used from any layer's tests.

#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Files by module path (`story::model`), with their source text.
type Tree = BTreeMap<String, String>;

/// A file's layer rank and name, from the first segment of its module path.
fn layer(module: &str) -> Option<(u8, &'static str)> {
    match module.split("::").next()? {
        "story" => Some((0, "story")),
        "render" => Some((1, "render")),
        "web" => Some((2, "web")),
        "build" => Some((2, "build")),
        _ => None,
    }
}

/// Removes `//` comments (doc comments included) and string literals' contents, so neither
/// counts as an import.
fn code_only(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for line in source.lines() {
        let mut in_string = false;
        let mut prev = ' ';
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if !in_string && c == '/' && chars.peek() == Some(&'/') {
                break;
            }
            if c == '"' && prev != '\\' {
                in_string = !in_string;
                out.push(c);
            } else if !in_string {
                out.push(c);
            }
            prev = c;
        }
        out.push('\n');
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path that follows `crate::` in the code, with `{…}` groups expanded one level deep
/// per group (nested groups recurse).
fn crate_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before_ok = rest[..at].chars().next_back().is_none_or(|c| !is_ident(c));
        rest = &rest[at + "crate::".len()..];
        if before_ok {
            expand("", rest, &mut paths);
        }
    }
    paths
}

/// Reads one path at the start of `text` (after a prefix already read) into `out`.
fn expand(prefix: &str, text: &str, out: &mut Vec<String>) {
    let ident_len = text
        .find(|c: char| !is_ident(c) && c != ':')
        .unwrap_or(text.len());
    let path = text[..ident_len].trim_end_matches(':');
    let full = if prefix.is_empty() {
        path.to_owned()
    } else if path.is_empty() {
        prefix.to_owned()
    } else {
        format!("{prefix}::{path}")
    };
    let after = &text[ident_len..];
    if (ident_len == 0 || text[..ident_len].ends_with("::")) && after.starts_with('{') {
        let mut depth = 0;
        let mut start = 1;
        for (i, c) in after.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        expand(&full, after[start..i].trim(), out);
                        break;
                    }
                }
                ',' if depth == 1 => {
                    expand(&full, after[start..i].trim(), out);
                    start = i + 1;
                }
                _ => {}
            }
        }
    } else if !full.is_empty() {
        out.push(full);
    }
}

/// The deepest file of the tree that a module path reaches (`story::format::value` →
/// `story::format`).
fn file_of<'a>(tree: &'a Tree, path: &str) -> Option<&'a str> {
    let mut segments: Vec<&str> = path.split("::").collect();
    while !segments.is_empty() {
        let candidate = segments.join("::");
        if let Some((key, _)) = tree.get_key_value(&candidate) {
            return Some(key);
        }
        segments.pop();
    }
    None
}

/// The files each file imports (itself and `fixtures` left out).
fn imports(tree: &Tree) -> BTreeMap<String, BTreeSet<String>> {
    tree.iter()
        .map(|(module, source)| {
            let targets = crate_paths(&code_only(source))
                .iter()
                .filter_map(|p| file_of(tree, p))
                .filter(|t| *t != module && *t != "fixtures")
                .map(str::to_owned)
                .collect();
            (module.clone(), targets)
        })
        .collect()
}

/// Every breach of the layer rule, as readable lines.
fn breaches(tree: &Tree) -> Vec<String> {
    let mut found = Vec::new();
    let graph = imports(tree);
    for (from, targets) in &graph {
        let Some((rank, name)) = layer(from) else {
            continue;
        };
        for to in targets {
            let Some((to_rank, to_name)) = layer(to) else {
                continue;
            };
            if to_rank > rank || (to_rank == rank && to_name != name) {
                found.push(format!("{from} ({name}) imports {to} ({to_name})"));
            }
        }
        if rank < 2 {
            let code = code_only(&tree[from]);
            for browser in ["yew::", "web_sys::", "wasm_bindgen::", "js_sys::", "gloo"] {
                if code.contains(browser) {
                    found.push(format!("{from} ({name}) uses {browser}"));
                }
            }
        }
    }
    found.extend(cycles(&graph));
    found
}

/// Import cycles between files, each as `a -> b -> a`.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        found: &mut Vec<String>,
    ) {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_owned());
            found.push(format!("import cycle: {}", cycle.join(" -> ")));
            return;
        }
        if done.contains(node) {
            return;
        }
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            visit(next, graph, stack, done, found);
        }
        stack.pop();
        done.insert(node.to_owned());
    }
    let mut found = Vec::new();
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        visit(node, graph, &mut Vec::new(), &mut done, &mut found);
    }
    found
}

/// The crate's source files by module path.
fn source_tree(src: &Path) -> Tree {
    fn walk(dir: &Path, src: &Path, tree: &mut Tree) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, src, tree);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(src).unwrap().with_extension("");
                let module = rel.to_string_lossy().replace('/', "::");
                if module == "lib" || module == "main" || module.starts_with("bin::") {
                    continue;
                }
                tree.insert(module, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut tree = Tree::new();
    walk(src, src, &mut tree);
    tree
}

#[test]
fn the_source_tree_keeps_the_layer_rule() {
    let tree = source_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    for layer_root in ["story", "render", "web", "build"] {
        assert!(
            tree.contains_key(layer_root),
            "src/{layer_root}.rs is there"
        );
    }
    assert!(tree.len() > 30, "the whole tree was read: {}", tree.len());
    let found = breaches(&tree);
    assert!(found.is_empty(), "layer rule broken:\n{}", found.join("\n"));
}

fn tree_of(files: &[(&str, &str)]) -> Tree {
    files
        .iter()
        .map(|(m, s)| ((*m).to_owned(), (*s).to_owned()))
        .collect()
}

#[test]
fn an_upward_import_is_found() {
    let tree = tree_of(&[
        ("story::model", "use crate::render::chart::Bar;"),
        ("render::chart", "pub struct Bar;"),
    ]);
    assert_eq!(
        breaches(&tree),
        ["story::model (story) imports render::chart (render)"]
    );
}

#[test]
fn web_and_build_may_not_import_each_other() {
    let tree = tree_of(&[
        ("web::app", "fn f() { crate::build::json::story(); }"),
        ("build::json", "pub fn story() {}"),
    ]);
    assert_eq!(
        breaches(&tree),
        ["web::app (web) imports build::json (build)"]
    );
}

#[test]
fn grouped_imports_are_expanded() {
    let tree = tree_of(&[
        (
            "story::format",
            "use crate::{render::{anim, layout::Rect}, story::model};",
        ),
        ("story::model", ""),
        ("render::anim", ""),
        ("render::layout", ""),
    ]);
    assert_eq!(
        breaches(&tree),
        [
            "story::format (story) imports render::anim (render)",
            "story::format (story) imports render::layout (render)",
        ]
    );
}

#[test]
fn a_cycle_between_two_files_is_found() {
    let tree = tree_of(&[
        (
            "web::components::chart",
            "use crate::web::components::figures::note;",
        ),
        (
            "web::components::figures",
            "use crate::web::components::chart::ChartView;",
        ),
    ]);
    assert_eq!(
        breaches(&tree),
        ["import cycle: web::components::chart -> web::components::figures -> web::components::chart"]
    );
}

#[test]
fn comments_strings_and_fixtures_are_not_imports() {
    let tree = tree_of(&[
        (
            "story::model",
            "//! See [`crate::render::layout`].\nconst S: &str = \"crate::web::app\";\nfn t() { crate::fixtures::story(); }",
        ),
        ("render::layout", ""),
        ("web::app", ""),
        ("fixtures", "use crate::build::json;"),
        ("build::json", ""),
    ]);
    assert!(breaches(&tree).is_empty(), "{:?}", breaches(&tree));
}

#[test]
fn browser_crates_below_web_are_found() {
    let tree = tree_of(&[("render::anim", "use yew::prelude::*;")]);
    assert_eq!(breaches(&tree), ["render::anim (render) uses yew::"]);
}
