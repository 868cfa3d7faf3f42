//! Writes what `index.html` carries of the data, from `static/data/story.json` and `map.json`: the
//! story and map as text data blocks the app reads (the prerendered graphic is written after the
//! build, by `prerender`); the data download `static/data/changhe-data.csv`; and the colours of `static/style.css` (from the
//! palette and the story's provinces).
//!
//! Usage: `cargo run -p tools --bin textgen` (from the repository root); `--check` only compares and exits
//! non-zero when either file is stale (`cargo test` checks the same).

fn main() -> std::process::ExitCode {
    use std::process::ExitCode;
    use tools::generated::{csv, with_generated};
    let check = std::env::args().any(|a| a == "--check");
    let story = match tools::json::story() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("textgen: {e}");
            return ExitCode::FAILURE;
        }
    };
    let index = match std::fs::read_to_string("index.html") {
        Ok(t) => t,
        Err(e) => {
            eprintln!("textgen: cannot read index.html (run from the repository root): {e}");
            return ExitCode::FAILURE;
        }
    };
    let map = match tools::json::map_data() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("textgen: {e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(new_index) = with_generated(&index, &story, &map) else {
        eprintln!("textgen: index.html lacks the data markers");
        return ExitCode::FAILURE;
    };
    let new_csv = match csv(&story) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("textgen: CSV: {e}");
            return ExitCode::FAILURE;
        }
    };
    let style = std::fs::read_to_string("static/style.css").unwrap_or_default();
    let Some(new_style) = tools::style::with_generated(&style, &story) else {
        eprintln!("textgen: static/style.css lacks the palette or breakpoints markers");
        return ExitCode::FAILURE;
    };
    let mut stale = false;
    for (path, new) in [
        ("index.html", new_index),
        ("static/data/changhe-data.csv", new_csv),
        ("static/style.css", new_style),
    ] {
        let old = std::fs::read_to_string(path).unwrap_or_default();
        if old == new {
            println!("textgen: {path} is up to date");
        } else if check {
            eprintln!("textgen: {path} is stale: run `cargo run -p tools --bin textgen`");
            stale = true;
        } else if let Err(e) = std::fs::write(path, new) {
            eprintln!("textgen: cannot write {path}: {e}");
            return ExitCode::FAILURE;
        } else {
            println!("textgen: wrote {path}");
        }
    }
    if stale {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
