//! Prerenders the graphic into the built page, one page per language: reads the `index.html`
//! Trunk built (in `$TRUNK_STAGING_DIR` when run as Trunk's `post_build` hook, else the folder
//! given, else `dist`), renders the app natively in Chinese and in English, and writes
//! `index.html` and `en/index.html` there (and `boot.js` and `head.js` without their comment
//! lines). See `tools::page` and `web::prerender`.
//!
//! Usage: `cargo run -p tools --bin prerender [dir]` (Trunk runs it after every build; see Trunk.toml).
//! With `CHANGHE_PUBLIC_URL=https://…/` set (the Chinese page's address), the `hreflang`,
//! canonical and share-image links are whole URLs; without it they are relative.

fn main() -> std::process::ExitCode {
    use std::path::PathBuf;
    use std::process::ExitCode;
    use std::rc::Rc;
    use story::model::Lang;

    let dir = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .or_else(|| std::env::args_os().nth(1).map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("dist"));
    let fail = |what: String| {
        eprintln!("prerender: {what}");
        ExitCode::FAILURE
    };
    let built = match std::fs::read_to_string(dir.join("index.html")) {
        Ok(t) => t,
        Err(e) => {
            return fail(format!(
                "cannot read {}: {e}",
                dir.join("index.html").display()
            ))
        }
    };
    let story = match tools::json::story() {
        Ok(s) => story::wire::browser_view(&s),
        Err(e) => return fail(e.to_string()),
    };
    let map = match tools::json::map_data() {
        Ok(m) => story::wire::browser_map(&m),
        Err(e) => return fail(e),
    };
    // Whole URLs for hreflang, canonical and the share image when the page's address is known.
    let public = match tools::page::public_url(std::env::var("CHANGHE_PUBLIC_URL").ok().as_deref())
    {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let (story, map) = (Rc::new(story), Rc::new(map));
    // The cards' small maps draw from one set of symbols, outside the app (build::minimap).
    let minimaps = tools::minimap::defs(&story, &map);
    for (lang, path) in [
        (Lang::Zh, dir.join("index.html")),
        (Lang::En, dir.join("en").join("index.html")),
    ] {
        let graphic = web::prerender::render_graphic(story.clone(), map.clone(), lang);
        let graphic = match tools::chart_svg::with_pictures(&graphic, &story, lang) {
            Ok(g) => g,
            Err(e) => return fail(e),
        };
        let block = story::wire::to_text_in(story.as_ref(), lang);
        let page =
            match tools::page::page(&built, lang, &story, &graphic, &block, public.as_deref()) {
                Ok(p) => p,
                Err(e) => return fail(format!("{}: {e}", path.display())),
            };
        let Some(main) = page.find("<main") else {
            return fail(format!("{}: no <main> for the small maps", path.display()));
        };
        let page = format!("{}{minimaps}{}", &page[..main], &page[main..]);
        if let Some(parent) = path.parent() {
            if let Err(e) = std::fs::create_dir_all(parent) {
                return fail(format!("cannot create {}: {e}", parent.display()));
            }
        }
        if let Err(e) = std::fs::write(&path, page) {
            return fail(format!("cannot write {}: {e}", path.display()));
        }
        println!("prerender: wrote {}", path.display());
    }
    // The hand-written scripts Trunk copied as they are, without their comment lines.
    for name in ["boot.js", "head.js", "frame.js"] {
        let path = dir.join(name);
        let shipped = match std::fs::read_to_string(&path) {
            Ok(js) => tools::page::without_line_comments(&js),
            Err(e) => return fail(format!("cannot read {}: {e}", path.display())),
        };
        if let Err(e) = std::fs::write(&path, shipped) {
            return fail(format!("cannot write {}: {e}", path.display()));
        }
    }
    // With the page's address known, the long images end with it and a QR code of it (the
    // committed ones, without, are what Trunk copied).
    if let Some(base) = public.as_deref() {
        if let Err(e) = long_images(&dir, base) {
            return fail(format!("the long images: {e}"));
        }
        println!("prerender: drew the long images with {base}");
    }
    // The wasm's imports renamed short in it and in its glue (build::imports).
    if let Err(e) = shorten_imports(&dir) {
        return fail(e);
    }
    ExitCode::SUCCESS
}

/// Draws the long images and their texts into `dir` with the page's address `base`.
fn long_images(dir: &std::path::Path, base: &str) -> Result<(), String> {
    let story = tools::json::story().map_err(|e| e.to_string())?;
    let map = tools::json::map_data()?;
    tools::long_image::render_all(dir, &story, &map, Some(base))
}

/// Renames the imports of the one `*_bg.wasm` in `dir` and of its glue `changhe-*.js`.
fn shorten_imports(dir: &std::path::Path) -> Result<(), String> {
    let names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    let one = |what: &str, pick: &dyn Fn(&str) -> bool| -> Result<std::path::PathBuf, String> {
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
