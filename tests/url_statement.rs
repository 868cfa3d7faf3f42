//! The URL's options and ids are stated once in Rust (`web::url::QUERY_OPTIONS`,
//! `story::ids`); the scripts that read or write them before or beside the app say the same.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic)]

use story::ids::MILESTONE_ID_PATTERN;
use web::url::{QUERY_OPTIONS, TRUE_WORDS};

fn script(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("static")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn head_js_applies_the_options_the_table_marks_for_the_first_paint() {
    let head = script("head.js");
    let true_words = format!("/^({})$/i", TRUE_WORDS.join("|"));
    for (key, values, before_paint) in QUERY_OPTIONS {
        let read = head.contains(&format!("p.get(\"{key}\")"));
        assert_eq!(read, before_paint, "head.js reads ?{key}: {read}");
        if !before_paint {
            continue;
        }
        if values == TRUE_WORDS.as_slice() {
            assert!(
                head.contains(&true_words),
                "head.js: {key} takes {true_words}"
            );
            continue;
        }
        // The default values (zh, auto) need nothing done before the first paint.
        for value in values.iter().filter(|v| !matches!(**v, "auto")) {
            assert!(
                head.contains(&format!("\"{value}\"")),
                "head.js: ?{key}={value}"
            );
        }
    }
}

#[test]
fn embed_js_writes_only_options_of_the_table() {
    let embed = script("embed.js");
    let keys: Vec<&str> = QUERY_OPTIONS.iter().map(|(k, _, _)| *k).collect();
    let mut rest = embed.as_str();
    let mut written = 0;
    while let Some(at) = rest.find("searchParams.set(\"") {
        rest = &rest[at + "searchParams.set(\"".len()..];
        let key = rest.split('"').next().unwrap_or_default();
        assert!(
            keys.contains(&key),
            "embed.js sets ?{key}, which the app does not read"
        );
        written += 1;
    }
    assert!(written >= 4, "embed.js sets its frame's options: {written}");
    let themes = QUERY_OPTIONS
        .iter()
        .find(|(k, _, _)| *k == "theme")
        .map(|(_, v, _)| v.join("|"))
        .unwrap_or_default();
    assert!(
        embed.contains(&format!("/^({themes})$/")),
        "embed.js: the themes {themes}"
    );
}

#[test]
fn the_scripts_check_milestone_ids_with_the_one_pattern() {
    let pattern = format!("/^{MILESTONE_ID_PATTERN}$/");
    let embed = script("embed.js");
    assert!(embed.contains(&pattern), "embed.js: {pattern}");
    assert!(
        embed.contains(&format!("/^#m={MILESTONE_ID_PATTERN}$/")),
        "embed.js: #m="
    );
    assert!(script("frame.js").contains(&pattern), "frame.js: {pattern}");
    // No other id pattern in either script.
    for name in ["embed.js", "frame.js"] {
        let js = script(name);
        assert_eq!(
            js.matches("[a-z0-9-]{").count(),
            js.matches(MILESTONE_ID_PATTERN).count(),
            "{name}"
        );
    }
}
