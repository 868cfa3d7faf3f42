//! Regenerates `static/data/map.json` from the GeoJSON in `data/geo` and the places and label
//! anchors of `static/data/story.json`.
//!
//! Usage: `cargo run -p tools --bin geoprep -- [GEO_DIR] [OUT_FILE]`
//! (defaults: `data/geo`, `static/data/map.json`). `--check` compares instead of writing and
//! exits non-zero when the committed file is stale.

fn main() -> std::process::ExitCode {
    use std::process::ExitCode;
    use tools::geoprep::{build, read_inputs, to_json};
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|a| a == "--check");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let geo_dir = paths.first().map_or("data/geo", |s| s.as_str());
    let out = paths.get(1).map_or("static/data/map.json", |s| s.as_str());

    let texts = match read_inputs(std::path::Path::new(geo_dir)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("geoprep: {e}");
            return ExitCode::FAILURE;
        }
    };
    let inputs = texts.each_ref().map(String::as_str);
    let story = match tools::json::story() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("geoprep: {e}");
            return ExitCode::FAILURE;
        }
    };
    let json = match build(inputs, &story).and_then(|m| to_json(&m)) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("geoprep: {e}");
            return ExitCode::FAILURE;
        }
    };
    if check {
        let current = std::fs::read_to_string(out).unwrap_or_default();
        if current == json {
            println!("geoprep: {out} is up to date ({} bytes)", json.len());
            ExitCode::SUCCESS
        } else {
            eprintln!("geoprep: {out} is stale: run `cargo run -p tools --bin geoprep`");
            ExitCode::FAILURE
        }
    } else if let Err(e) = std::fs::write(out, &json) {
        eprintln!("geoprep: cannot write {out}: {e}");
        ExitCode::FAILURE
    } else {
        println!("geoprep: wrote {out} ({} bytes)", json.len());
        ExitCode::SUCCESS
    }
}
