//! Prerenders the graphic into the built page, one page per language: reads the `index.html`
//! Trunk built (in `$TRUNK_STAGING_DIR` when run as Trunk's `post_build` hook, else the folder
//! given, else `dist`), renders the app natively in Chinese and in English, and writes
//! `index.html` and `en/index.html` there (and `boot.js` and `head.js` without their comment
//! lines). See `tools::page` and `web::prerender`.
//!
//! Usage: `cargo run -p tools --bin prerender [dir]` (Trunk runs it after every build; see Trunk.toml).
//! With `CHANGHE_PUBLIC_URL=https://…/` set (the Chinese page's address), the `hreflang`,
//! canonical and share-image links are whole URLs; without it they are relative.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;
use story::map::MapData;
use story::model::{Lang, Story};

fn main() -> ExitCode {
    let dir = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .or_else(|| std::env::args_os().nth(1).map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("dist"));
    match run(&dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(what) => {
            eprintln!("prerender: {what}");
            ExitCode::FAILURE
        }
    }
}

/// Every step, in order; the first failure stops the build with its message.
fn run(dir: &Path) -> Result<(), String> {
    let built = read(&dir.join("index.html"))?;
    let full = tools::json::story().map_err(|e| e.to_string())?;
    let story = Rc::new(story::wire::browser_view(&full));
    let map = Rc::new(story::wire::browser_map(&tools::json::map_data()?));
    // Whole URLs for hreflang, canonical and the share image when the page's address is known.
    let public = tools::page::public_url(std::env::var("CHANGHE_PUBLIC_URL").ok().as_deref())?;
    // The cards' small maps draw from one set of symbols, the same in both pages.
    let minimaps = tools::minimap::defs(&story, &map);
    for (lang, path) in [
        (Lang::Zh, dir.join("index.html")),
        (Lang::En, dir.join("en").join("index.html")),
    ] {
        let page = language_page(&built, &story, &map, &minimaps, lang, public.as_deref())
            .map_err(|e| format!("{}: {e}", path.display()))?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        write(&path, &page)?;
        println!("prerender: wrote {}", path.display());
    }
    // The hand-written scripts Trunk copied as they are, without their comment lines.
    for name in ["boot.js", "head.js", "frame.js"] {
        let path = dir.join(name);
        write(&path, &tools::page::without_line_comments(&read(&path)?))?;
    }
    // With the page's address known, the long images end with it and a QR code of it (the
    // committed ones, without, are what Trunk copied).
    if let Some(base) = public.as_deref() {
        long_images(dir, base).map_err(|e| format!("the long images: {e}"))?;
        println!("prerender: drew the long images with {base}");
    }
    // The wasm's imports renamed short in it and in its glue (tools::imports).
    shorten_imports(dir)
}

/// One language's page: the built page with the graphic prerendered in `lang`, its chart
/// pictures, its data block, and the cards' small maps' symbols (`minimaps`, drawn outside the
/// app by `tools::minimap`) before `<main>`.
fn language_page(
    built: &str,
    story: &Rc<Story>,
    map: &Rc<MapData>,
    minimaps: &str,
    lang: Lang,
    public: Option<&str>,
) -> Result<String, String> {
    let graphic = web::prerender::render_graphic(story.clone(), map.clone(), lang);
    let graphic = tools::chart_svg::with_pictures(&graphic, story, lang)?;
    let block = story::wire::to_text_in(story.as_ref(), lang);
    let page = tools::page::page(built, lang, story, &graphic, &block, public)?;
    tools::page::before_main(&page, minimaps).map_err(|e| format!("the small maps: {e}"))
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Draws the long images and their texts into `dir` with the page's address `base`.
fn long_images(dir: &Path, base: &str) -> Result<(), String> {
    let story = tools::json::story().map_err(|e| e.to_string())?;
    let map = tools::json::map_data()?;
    tools::long_image::render_all(dir, &story, &map, Some(base))
}

/// Renames the imports of the one `*_bg.wasm` in `dir` and of its glue `changhe-*.js`.
fn shorten_imports(dir: &Path) -> Result<(), String> {
    let names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    let one = |what: &str, pick: &dyn Fn(&str) -> bool| -> Result<PathBuf, String> {
        let found: Vec<&String> = names.iter().filter(|n| pick(n)).collect();
        match found.as_slice() {
            [name] => Ok(dir.join(name)),
            _ => Err(format!(
                "expected one {what} in {}, found {}",
                dir.display(),
                found.len()
            )),
        }
    };
    let wasm_path = one("wasm", &|n| n.ends_with("_bg.wasm"))?;
    let js_path = one("JS glue", &|n| {
        n.starts_with("changhe-") && n.ends_with(".js")
    })?;
    let wasm = std::fs::read(&wasm_path)
        .map_err(|e| format!("cannot read {}: {e}", wasm_path.display()))?;
    let js = std::fs::read_to_string(&js_path)
        .map_err(|e| format!("cannot read {}: {e}", js_path.display()))?;
    let (wasm, js) = tools::imports::shorten(&wasm, &js)?;
    std::fs::write(&wasm_path, wasm)
        .map_err(|e| format!("cannot write {}: {e}", wasm_path.display()))?;
    std::fs::write(&js_path, js).map_err(|e| format!("cannot write {}: {e}", js_path.display()))
}
