//! Renders the share image `static/share.png` (1200×630, the page's `og:image`) with plotters'
//! bitmap backend, from the same story and map as the page, and records the digest of its inputs in
//! `static/share.txt` (a test fails when that digest no longer matches the data).
//!
//! Usage: `cargo run -p tools --bin poster -- [FONT_REGULAR FONT_BOLD]`. The fonts default to Debian's
//! `fonts-noto-cjk` (`/usr/share/fonts/opentype/noto/NotoSansCJK-{Regular,Bold}.ttc`), which
//! `scripts/setup.sh` installs.

fn main() -> std::process::ExitCode {
    use plotters::prelude::*;
    use std::process::ExitCode;
    use tools::poster::{draw, inputs_digest, FONT, SIZE};

    let args: Vec<String> = std::env::args().skip(1).collect();
    let regular = args.first().map_or(
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        String::as_str,
    );
    let bold = args.get(1).map_or(
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        String::as_str,
    );
    for (path, style) in [(regular, FontStyle::Normal), (bold, FontStyle::Bold)] {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!(
                    "poster: cannot read the font {path}: {e} (apt-get install fonts-noto-cjk)"
                );
                return ExitCode::FAILURE;
            }
        };
        // The font has to live as long as the program: leak it once.
        // The collection's Simplified Chinese face, not its first (Japanese) one.
        let bytes = tools::long_image::simplified_chinese_first(bytes);
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        if plotters::style::register_font(FONT, style, bytes).is_err() {
            eprintln!("poster: {path} is not a font plotters can read");
            return ExitCode::FAILURE;
        }
    }
    let (story, map) = match (tools::json::story(), tools::json::map_data()) {
        (Ok(s), Ok(m)) => (s, m),
        (Err(e), _) => {
            eprintln!("poster: {e}");
            return ExitCode::FAILURE;
        }
        (_, Err(e)) => {
            eprintln!("poster: {e}");
            return ExitCode::FAILURE;
        }
    };
    let out = "static/share.png";
    {
        let root = BitMapBackend::new(out, SIZE).into_drawing_area();
        if let Err(e) = draw(&root, &story, &map) {
            eprintln!("poster: {e}");
            return ExitCode::FAILURE;
        }
    }
    if let Err(e) = std::fs::write(
        "static/share.txt",
        format!("{}\n", inputs_digest(&story, &map)),
    ) {
        eprintln!("poster: cannot write static/share.txt: {e}");
        return ExitCode::FAILURE;
    }
    println!("poster: wrote {out} and static/share.txt");
    ExitCode::SUCCESS
}
