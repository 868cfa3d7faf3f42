//! Renders 一图读懂, the whole story as one long image per language (`long-zh.png`, `long-en.png`,
//! 1,080 px wide) with plotters' bitmap backend, the same words as text beside each
//! (`long-zh.txt`, `long-en.txt`), and the digest of their inputs (`long.txt`: a test fails when it
//! no longer matches the data). See `changhe::build::long_image`.
//!
//! Usage: `cargo run --bin longimage [OUT_DIR]` (default `static`). The fonts are Debian's
//! `fonts-noto-cjk`, which `scripts/setup.sh` installs.

fn main() -> std::process::ExitCode {
    match run() {
        Ok(out) => {
            println!("longimage: wrote {out}/long-{{zh,en}}.{{png,txt}} and {out}/long.txt");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("longimage: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<String, String> {
    use changhe::build::long_image::{self, Fonts, FONT_PATHS, WIDTH};
    use changhe::story::model::Lang;
    use plotters::prelude::*;

    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "static".to_owned());
    let fonts = Fonts::debian()?;
    for (path, style) in [
        (FONT_PATHS[0], FontStyle::Normal),
        (FONT_PATHS[1], FontStyle::Bold),
    ] {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read the font {path}: {e}"))?;
        // plotters keeps the font for the program's life: leak it once.
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        for family in [long_image::FONT, changhe::render::chart::FONT_FAMILY] {
            plotters::style::register_font(family, style, bytes)
                .map_err(|_| format!("{path} is not a font plotters can read"))?;
        }
    }
    let story = changhe::build::json::story().map_err(|e| e.to_string())?;
    let map = changhe::build::json::map_data()?;
    for lang in [Lang::Zh, Lang::En] {
        let layout = long_image::layout(
            &story,
            lang,
            long_image::map_aspect(&story, &map, lang),
            &fonts,
        )?;
        let png = format!("{out}/long-{}.png", lang.code());
        {
            let root =
                BitMapBackend::new(&png, (WIDTH as u32, layout.height as u32)).into_drawing_area();
            long_image::draw(&root, &layout, &story, &map, lang, long_image::FONT, &fonts)
                .map_err(|e| format!("{png}: {e}"))?;
        }
        let txt = format!("{out}/long-{}.txt", lang.code());
        std::fs::write(&txt, long_image::long_text(&story, lang))
            .map_err(|e| format!("cannot write {txt}: {e}"))?;
    }
    let digest = format!("{out}/long.txt");
    std::fs::write(
        &digest,
        format!("{}\n", long_image::inputs_digest(&story, &map)),
    )
    .map_err(|e| format!("cannot write {digest}: {e}"))?;
    Ok(out)
}
