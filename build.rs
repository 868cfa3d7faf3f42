//! Converts the story and the map from JSON into postcard, a compact binary that the browser build
//! embeds: its decoder is far smaller than a JSON parser. Natively the crate still reads the JSON
//! (with errors that name the record and field); a test checks that both give the same data.
//! The story is validated first (`src/validate.rs`), so the browser build need not carry the
//! rules. When the JSON does not parse or breaks a rule, an empty file is written and a warning printed: the page then
//! shows its fallback, and `cargo test` names the problem.

#[allow(dead_code, missing_docs, clippy::all)]
#[path = "src/model.rs"]
mod model;

#[allow(dead_code, missing_docs, clippy::all)]
#[path = "src/geo/types.rs"]
mod map_types;

#[allow(dead_code, missing_docs, clippy::all)]
#[path = "src/validate.rs"]
mod validate;

use std::path::Path;

fn convert<T: serde::de::DeserializeOwned + serde::Serialize>(
    json_path: &str,
    out: &Path,
    check: impl Fn(&T) -> Result<(), String>,
) {
    println!("cargo:rerun-if-changed={json_path}");
    let bytes = std::fs::read_to_string(json_path)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str::<T>(&text).map_err(|e| e.to_string()))
        .and_then(|value| check(&value).map(|()| value))
        .and_then(|value| postcard::to_allocvec(&value).map_err(|e| e.to_string()));
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            println!("cargo:warning={json_path}: {e}");
            Vec::new()
        }
    };
    if let Err(e) = std::fs::write(out, bytes) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
}

fn main() {
    println!("cargo:rerun-if-changed=src/model.rs");
    println!("cargo:rerun-if-changed=src/geo/types.rs");
    println!("cargo:rerun-if-changed=src/validate.rs");
    let Some(out_dir) = std::env::var_os("OUT_DIR") else {
        println!("cargo:warning=OUT_DIR is not set");
        return;
    };
    let out = Path::new(&out_dir);
    convert::<model::Story>(
        "static/data/story.json",
        &out.join("story.postcard"),
        |story| validate::validate(story).map_err(|e| e.to_string()),
    );
    convert::<map_types::MapData>(
        "static/data/map.json",
        &out.join("map.postcard"),
        |_| Ok(()),
    );
}
