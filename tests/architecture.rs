//! What the compiler does not say about the layers.
//!
//! The crates are the layers (`story` < `render` < `web`, `tools`), and a crate can only use what
//! its manifest lists, so an upward import does not compile. Two rules are left to check here:
//!
//! - The manifests keep the order: each crate lists only the layers below it, and only `web`
//!   lists a browser crate (yew, web-sys, wasm-bindgen, js-sys, gloo, plotters-canvas). A new
//!   dependency line would otherwise pass the compiler.
//! - Within a crate, no file imports another that imports it back, directly or round a loop.
//!   An import is a `crate::`, `super::` or `self::` path in code, or a path through one of the
//!   file's own child modules (comments and strings are skipped); it names the deepest file of
//!   the crate that the path reaches.

#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Files by module path within a crate (`layout::labels`), with their source text.
type Tree = BTreeMap<String, String>;

/// The workspace root.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The names a manifest lists as normal dependencies (`[dependencies]` and
/// `[target.….dependencies]`, not dev-dependencies).
fn dependencies(manifest: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut in_deps = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_deps = line == "[dependencies]"
                || (line.starts_with("[target.") && line.ends_with(".dependencies]"));
            continue;
        }
        if in_deps && !line.is_empty() && !line.starts_with('#') {
            let key = line.split(['=', ' ']).next().unwrap_or_default();
            names.insert(key.trim_end_matches(".workspace").to_owned());
        }
    }
    names
}

/// Every breach of the layer order in one crate's manifest.
fn manifest_breaches(krate: &str, manifest: &str) -> Vec<String> {
    const LAYERS: [&str; 4] = ["story", "render", "web", "tools"];
    let allowed: &[&str] = match krate {
        "story" => &[],
        "render" => &["story"],
        "web" => &["story", "render"],
        "tools" => &["story", "render", "web"],
        _ => &["web"],
    };
    let browser = |d: &str| {
        [
            "yew",
            "web-sys",
            "wasm-bindgen",
            "js-sys",
            "plotters-canvas",
        ]
        .contains(&d)
            || d.starts_with("gloo")
    };
    let mut found = Vec::new();
    for dep in dependencies(manifest) {
        if LAYERS.contains(&dep.as_str()) && !allowed.contains(&dep.as_str()) {
            found.push(format!("{krate} depends on {dep}"));
        }
        if browser(&dep) && krate != "web" {
            found.push(format!("{krate} depends on the browser crate {dep}"));
        }
    }
    found
}

/// Removes `//` comments (doc comments included) and string literals' contents.
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

/// The module that holds `module` (`layout` for `layout::labels`, "" at the top).
fn parent(module: &str) -> &str {
    module.rsplit_once("::").map_or("", |(p, _)| p)
}

fn join(prefix: &str, path: &str) -> String {
    match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path.to_owned(),
        (_, true) => prefix.to_owned(),
        _ => format!("{prefix}::{path}"),
    }
}

/// Every path in the code that starts at `start` (`crate::`, `super::`, a child's name…), as a
/// module path with `base` in front, `{…}` groups expanded.
fn paths_from(code: &str, start: &str, base: &str, out: &mut Vec<String>) {
    let mut rest = code;
    while let Some(at) = rest.find(start) {
        let before = rest[..at].chars().next_back();
        let before_ok = before.is_none_or(|c| !is_ident(c) && c != ':');
        rest = &rest[at + start.len()..];
        if before_ok {
            expand(base, rest, out);
        }
    }
}

/// Reads one path at the start of `text` (after `prefix`) into `out`.
fn expand(prefix: &str, text: &str, out: &mut Vec<String>) {
    let len = text
        .find(|c: char| !is_ident(c) && c != ':')
        .unwrap_or(text.len());
    let full = join(prefix, text[..len].trim_end_matches(':'));
    let after = &text[len..];
    if (len == 0 || text[..len].ends_with("::")) && after.starts_with('{') {
        let (mut depth, mut start) = (0, 1);
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

/// The deepest file of the tree that a module path reaches.
fn file_of<'a>(tree: &'a Tree, path: &str) -> Option<&'a str> {
    let mut segments: Vec<&str> = path.split("::").collect();
    while !segments.is_empty() {
        if let Some((key, _)) = tree.get_key_value(&segments.join("::")) {
            return Some(key);
        }
        segments.pop();
    }
    None
}

/// The code with `super::` inside an inline module (`mod tests { use super::*; }`) written as
/// `self::`: there it names the file itself.
fn inline_modules_resolved(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut inline = false;
    for line in code.lines() {
        let t = line.trim_start().trim_start_matches("pub ");
        inline |= t.starts_with("mod ") && t.trim_end().ends_with('{');
        if inline {
            out.push_str(&line.replace("super::", "self::"));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// The paths a file uses, as module paths of its crate.
fn used_paths(tree: &Tree, module: &str, code: &str) -> Vec<String> {
    let code = &inline_modules_resolved(code);
    let mut paths = Vec::new();
    paths_from(code, "crate::", "", &mut paths);
    paths_from(code, "self::", module, &mut paths);
    let mut up = parent(module).to_owned();
    let mut start = "super::".to_owned();
    loop {
        paths_from(code, &start, &up, &mut paths);
        if up.is_empty() {
            break;
        }
        up = parent(&up).to_owned();
        start.push_str("super::");
    }
    for child in tree.keys().filter(|k| parent(k) == module && *k != module) {
        let name = child.rsplit("::").next().unwrap_or(child);
        paths_from(code, &format!("{name}::"), child, &mut paths);
    }
    paths
}

/// The files each file imports (itself and the test fixtures left out).
fn imports(tree: &Tree) -> BTreeMap<String, BTreeSet<String>> {
    tree.iter()
        .map(|(module, source)| {
            let targets = used_paths(tree, module, &code_only(source))
                .iter()
                .filter_map(|p| file_of(tree, p))
                .filter(|t| *t != module && *t != "fixtures")
                .map(str::to_owned)
                .collect();
            (module.clone(), targets)
        })
        .collect()
}

/// Import cycles between files, each as `a -> b -> a`.
fn cycles(tree: &Tree) -> Vec<String> {
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
        if !done.insert(node.to_owned()) {
            return;
        }
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            visit(next, graph, stack, done, found);
        }
        stack.pop();
    }
    let graph = imports(tree);
    let mut found = Vec::new();
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        visit(node, &graph, &mut Vec::new(), &mut done, &mut found);
    }
    found
}

/// A crate's source files by module path (the crate root and binaries left out).
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
fn the_manifests_keep_the_layer_order() {
    let mut found = manifest_breaches(
        "changhe",
        &std::fs::read_to_string(root().join("Cargo.toml")).unwrap(),
    );
    for krate in ["story", "render", "web", "tools"] {
        let manifest = root().join("crates").join(krate).join("Cargo.toml");
        found.extend(manifest_breaches(
            krate,
            &std::fs::read_to_string(manifest).unwrap(),
        ));
    }
    assert!(
        found.is_empty(),
        "layer order broken:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_two_files_of_a_crate_import_each_other() {
    let mut files = 0;
    let mut found = Vec::new();
    for krate in ["story", "render", "web", "tools"] {
        let tree = source_tree(&root().join("crates").join(krate).join("src"));
        files += tree.len();
        found.extend(cycles(&tree).into_iter().map(|c| format!("{krate}: {c}")));
    }
    assert!(files > 50, "the whole tree was read: {files}");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

fn tree_of(files: &[(&str, &str)]) -> Tree {
    files
        .iter()
        .map(|(m, s)| ((*m).to_owned(), (*s).to_owned()))
        .collect()
}

#[test]
fn an_upward_dependency_is_found() {
    let manifest = "[dependencies]\nrender = { path = \"../render\" }\nserde.workspace = true\n\n[dev-dependencies]\nweb = { path = \"../web\" }\n";
    assert_eq!(
        manifest_breaches("story", manifest),
        ["story depends on render"]
    );
}

#[test]
fn web_and_tools_may_not_depend_on_each_other() {
    let manifest = "[dependencies]\ntools = { path = \"../tools\" }\n";
    assert_eq!(manifest_breaches("web", manifest), ["web depends on tools"]);
}

#[test]
fn browser_crates_outside_web_are_found() {
    let manifest = "[target.'cfg(target_arch = \"wasm32\")'.dependencies]\ngloo-timers.workspace = true\n[dependencies]\nyew = \"0.23\"\n";
    assert_eq!(
        manifest_breaches("render", manifest),
        [
            "render depends on the browser crate gloo-timers",
            "render depends on the browser crate yew"
        ]
    );
}

#[test]
fn a_cycle_between_two_files_is_found() {
    let tree = tree_of(&[
        ("components::chart", "use crate::components::figures::note;"),
        (
            "components::figures",
            "use crate::components::chart::ChartView;",
        ),
    ]);
    assert_eq!(
        cycles(&tree),
        ["import cycle: components::chart -> components::figures -> components::chart"]
    );
}

#[test]
fn a_parent_and_a_child_using_each_other_is_a_cycle() {
    let tree = tree_of(&[
        ("layout", "pub mod labels;\nfn f() { labels::place(); }"),
        ("layout::labels", "use super::{Rect, ring_radius};"),
    ]);
    assert_eq!(
        cycles(&tree),
        ["import cycle: layout -> layout::labels -> layout"]
    );
}

#[test]
fn siblings_through_super_and_grouped_imports_are_followed() {
    let tree = tree_of(&[
        ("map", "mod svg; mod markers;"),
        ("map::svg", "use crate::{map::markers::{marker, ring}};"),
        ("map::markers", "use super::svg::coord;"),
    ]);
    assert_eq!(
        cycles(&tree),
        ["import cycle: map::markers -> map::svg -> map::markers"]
    );
}

#[test]
fn super_in_a_test_module_is_the_file_itself() {
    let tree = tree_of(&[
        ("geoprep", "pub mod rings;\nfn f() { rings::clip(); }"),
        (
            "geoprep::rings",
            "pub fn clip() {}\n#[cfg(test)]\nmod tests {\n    use super::*;\n}",
        ),
    ]);
    assert!(cycles(&tree).is_empty(), "{:?}", cycles(&tree));
}

#[test]
fn comments_strings_and_fixtures_are_not_imports() {
    let tree = tree_of(&[
        (
            "model",
            "//! See [`crate::format`].\nconst S: &str = \"crate::format\";\nfn t() { crate::fixtures::story(); }",
        ),
        ("format", "use crate::model::Story;"),
        ("fixtures", "use crate::format;"),
    ]);
    assert!(cycles(&tree).is_empty(), "{:?}", cycles(&tree));
}
