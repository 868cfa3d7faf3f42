//! The style sheet's colours, generated from [`render::palette`] and the provinces'
//! colours in the story: custom properties for light, for the system's dark theme and for a forced
//! `?theme=dark` (the same dark set twice: CSS cannot share one block between a media query and a
//! selector), one fill class per province, each chart box's height, and the colours of the charts' pictures.

use crate::html::replace_between;
use render::palette::{self, hex, Theme};
use story::model::Story;

/// Where the generated colours start and end in `static/style.css`.
pub const PALETTE_START: &str =
    "/* palette: generated from crates/render/src/palette.rs and story.json by `cargo run -p tools --bin textgen`; do not edit */";
/// See [`PALETTE_START`].
pub const PALETTE_END: &str = "/* end of palette */";
/// Where the rules generated from [`render::breakpoints`] start and end in `static/style.css`.
pub const BREAKPOINTS_START: &str =
    "/* breakpoints: generated from crates/render/src/breakpoints.rs by `cargo run -p tools --bin textgen`; do not edit */";
/// See [`BREAKPOINTS_START`].
pub const BREAKPOINTS_END: &str = "/* end of breakpoints */";

fn properties(theme: &Theme, story: &Story, dark: bool, indent: &str) -> String {
    palette::css_properties(theme, story, dark)
        .iter()
        .map(|(name, c)| format!("{indent}--{name}: {};\n", hex(*c)))
        .collect()
}

/// The generated part of the style sheet.
pub fn palette_css(story: &Story) -> String {
    let mut css = String::from("\n:root {\n");
    css.push_str(&properties(&palette::LIGHT, story, false, "  "));
    css.push_str("}\n@media (prefers-color-scheme: dark) {\n  :root:not([data-theme=light]) {\n");
    css.push_str(&properties(&palette::DARK, story, true, "    "));
    css.push_str("  }\n}\n:root[data-theme=dark] {\n");
    css.push_str(&properties(&palette::DARK, story, true, "  "));
    css.push_str("}\n");
    for p in &story.provinces {
        css.push_str(&format!(
            ".fill-{id} {{ fill: var(--province-{id}); background: var(--province-{id}); }}\n",
            id = p.id
        ));
    }
    // Each chart's canvas at the height it is drawn at, so that its box is as tall before the app
    // draws it (the prerendered page) as after: no layout shift when the charts appear.
    for chart in &story.charts {
        if let Some(spec) = render::chart::spec(story, chart, story::model::Lang::Zh) {
            css.push_str(&format!(
                "#chart-{id} .chart-canvas, #chart-{id} .chart-picture {{ height: {}px; }}\n",
                story::format::decimal(render::chart::height_css(&spec)),
                id = chart.id
            ));
        }
    }
    // The prerendered charts' pictures take the theme's colours.
    css.push_str(&crate::chart_svg::picture_css());
    css
}

/// The style sheet with its generated colours and breakpoint rules brought up to date (`None`
/// without the markers).
pub fn with_generated(css: &str, story: &Story) -> Option<String> {
    let css = replace_between(css, PALETTE_START, PALETTE_END, &palette_css(story))?;
    replace_between(
        &css,
        BREAKPOINTS_START,
        BREAKPOINTS_END,
        &render::breakpoints::css(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_style_sheet_has_the_palette_and_the_breakpoints() {
        let story = crate::json::story().unwrap();
        let css = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../static/style.css"
        ))
        .unwrap();
        assert!(
            with_generated(&css, &story).as_deref() == Some(css.as_str()),
            "static/style.css's palette or breakpoints are stale: run `cargo run -p tools --bin textgen`"
        );
        for (class, _, from) in render::breakpoints::MAP_FRAMES.iter().skip(1) {
            let rule = format!("@container (min-width: {from}px) {{\n  ");
            assert!(
                css.contains(&rule) && css.contains(&format!(".{class} {{ display: block; }}"))
            );
        }
        assert_eq!(
            css.matches("--chart-bar:").count(),
            3,
            "light, system dark, forced dark"
        );
    }

    #[test]
    fn the_style_sheets_font_stacks_are_the_charts() {
        let css = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../static/style.css"
        ))
        .unwrap();
        let flat = css.split_whitespace().collect::<Vec<_>>().join(" ");
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for (name, stack) in [
            ("--latin-sans", render::fonts::LATIN_SANS),
            ("--cjk-sans", render::fonts::CJK_SANS),
        ] {
            let rule = format!("{name}: {};", words(stack));
            assert!(flat.contains(&rule), "static/style.css: {rule}");
        }
        assert!(flat.contains("--font-sans: var(--cjk-sans), var(--latin-sans), sans-serif;"));
        assert!(flat.contains("--font-sans: var(--latin-sans), var(--cjk-sans), sans-serif;"));
        assert!(flat.contains("--font-num: var(--latin-sans), sans-serif;"));
    }

    #[test]
    fn every_province_gets_a_fill_class_and_both_themes() {
        let story = crate::json::story().unwrap();
        let css = palette_css(&story);
        for p in &story.provinces {
            assert!(css.contains(&format!(".fill-{} {{", p.id)));
            assert_eq!(css.matches(&format!("--province-{}:", p.id)).count(), 3);
        }
    }

    #[test]
    fn every_chart_box_is_as_tall_as_its_drawing_in_both_languages() {
        let story = crate::json::story().unwrap();
        let css = palette_css(&story);
        for chart in &story.charts {
            let heights = [story::model::Lang::Zh, story::model::Lang::En].map(|lang| {
                render::chart::height_css(&render::chart::spec(&story, chart, lang).unwrap())
            });
            assert_eq!(heights[0], heights[1], "{}", chart.id);
            let rule = format!(
                "#chart-{id} .chart-canvas, #chart-{id} .chart-picture {{ height: {}px; }}",
                heights[0],
                id = chart.id
            );
            assert!(css.contains(&rule), "{rule}");
        }
    }
}
