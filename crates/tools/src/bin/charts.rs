//! Renders every chart of the story to SVG with the same draw function as the page.
//!
//! Usage: `cargo run -p tools --bin charts -- [OUT_DIR] [WIDTH]` (defaults: `target/charts`, 640).
//! Writes `<chart>-<lang>-<theme>.svg` for zh and en, light and dark.

fn main() -> std::process::ExitCode {
    use render::chart::{spec, Palette};
    use std::process::ExitCode;
    use story::model::Lang;
    use tools::chart_svg::to_svg;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let out_dir = args.first().map_or("target/charts", |s| s.as_str());
    let width: u32 = match args.get(1).map(|w| w.parse()) {
        None => 640,
        Some(Ok(w)) if (240..=4000).contains(&w) => w,
        Some(_) => {
            eprintln!("charts: WIDTH must be a number of pixels from 240 to 4000");
            return ExitCode::FAILURE;
        }
    };
    let story = match tools::json::story() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("charts: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::create_dir_all(out_dir) {
        eprintln!("charts: cannot create {out_dir}: {e}");
        return ExitCode::FAILURE;
    }
    for chart in &story.charts {
        for lang in [Lang::Zh, Lang::En] {
            let Some(spec) = spec(&story, chart, lang) else {
                eprintln!("charts: '{}' has no data", chart.id);
                return ExitCode::FAILURE;
            };
            for (theme, palette) in [("light", Palette::LIGHT), ("dark", Palette::DARK)] {
                let path = format!("{out_dir}/{}-{}-{theme}.svg", chart.id, lang.code());
                let written = to_svg(&spec, &palette, width)
                    .and_then(|svg| std::fs::write(&path, svg).map_err(|e| e.to_string()));
                if let Err(e) = written {
                    eprintln!("charts: {path}: {e}");
                    return ExitCode::FAILURE;
                }
                println!("{path}");
            }
        }
    }
    ExitCode::SUCCESS
}
