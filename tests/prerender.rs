//! The build-time rendering (issue 13): the whole graphic in each language, as the built pages
//! carry it before the wasm runs. Deterministic (two processes render the same bytes), complete (every
//! region, milestone, figure, chart table and source), still (the map finished, for three
//! widths), and compared with a committed snapshot of its structure (`tests/snapshots/`; review
//! with `cargo insta review`, accept with `INSTA_UPDATE=always cargo test --test prerender`).
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::rc::Rc;
use story::model::Lang;
use web::prerender::render_graphic;

mod support;
use support::{structure, without_map_markup};

/// How many elements carry `data-testid="{id}"`.
fn testids(html: &str, id: &str) -> usize {
    html.matches(&format!("data-testid=\"{id}\"")).count()
}

fn render(lang: Lang) -> String {
    let story = story::wire::browser_view(&tools::json::story().unwrap());
    let map = story::wire::browser_map(&tools::json::map_data().unwrap());
    render_graphic(Rc::new(story), Rc::new(map), lang)
}

/// Set in a child process of the determinism test: the file it writes its renders to.
const RENDER_TO: &str = "CHANGHE_RENDER_TO";

/// Both languages' renders, one after the other.
fn both() -> String {
    format!("{}\n{}", render(Lang::Zh), render(Lang::En))
}

#[test]
fn the_build_renders_the_same_graphic_in_two_processes() {
    // In a child: render and write, nothing else.
    if let Some(path) = std::env::var_os(RENDER_TO) {
        std::fs::write(path, both()).unwrap();
        return;
    }
    // Two fresh processes (each with its own hash seeds and allocation order) render the same
    // bytes, and the same as this one.
    let dir = std::env::temp_dir().join(format!("changhe-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let runs: Vec<String> = ["a", "b"]
        .iter()
        .map(|name| {
            let out = dir.join(name);
            let status = std::process::Command::new(std::env::current_exe().unwrap())
                .args([
                    "--exact",
                    "the_build_renders_the_same_graphic_in_two_processes",
                    "--test-threads=1",
                ])
                .env(RENDER_TO, &out)
                .stdout(std::process::Stdio::null())
                .status()
                .unwrap();
            assert!(status.success(), "the child process {name} rendered");
            std::fs::read_to_string(&out).unwrap()
        })
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(runs[0].len() > 10_000, "the children rendered the graphic");
    assert!(runs[0] == runs[1], "two processes rendered different bytes");
    assert!(
        runs[0] == both(),
        "a child and this process rendered different bytes"
    );
}

#[test]
fn each_language_holds_the_whole_graphic_finished() {
    let story = tools::json::story().unwrap();
    for lang in [Lang::Zh, Lang::En] {
        let html = render(lang);
        assert!(html.starts_with(&format!(
            "<div data-testid=\"graphic\" data-lang=\"{}\"",
            lang.code()
        )));
        // Three frames of the map (phone, desktop close-up, wide), each finished, with the seven
        // regions.
        assert_eq!(testids(&html, "map"), 3);
        assert_eq!(html.matches("data-complete=\"true\"").count(), 3);
        assert!(!html.contains("data-complete=\"false\""));
        assert_eq!(
            html.matches("<g opacity=\"1.000\" stroke-width=").count(),
            3,
            "markers shown"
        );
        assert!(
            !html.contains("opacity=\"0.000\""),
            "nothing left at the entrance's start"
        );
        for class in ["prerender-phone", "prerender-desk", "prerender-wide"] {
            assert_eq!(
                html.matches(&format!("class=\"{class}\"")).count(),
                1,
                "{class}"
            );
        }
        for region in &story.regions {
            let id = region.code.clone().unwrap_or_else(|| "base".to_owned());
            assert_eq!(testids(&html, &format!("region-{id}")), 3, "{}", region.id);
        }
        for m in &story.milestones {
            assert_eq!(
                testids(&html, &format!("milestone-{}", m.id)),
                1,
                "{}",
                m.id
            );
        }
        for f in &story.figures {
            assert_eq!(testids(&html, &format!("figure-{}", f.id)), 1, "{}", f.id);
            for v in f.value.numbers() {
                let number =
                    story::format::figure_value(v, f.unit, &f.qualifiers, &story.ui, lang).number;
                assert!(html.contains(&number), "{} shows {number}", f.id);
            }
        }
        for c in &story.charts {
            assert!(
                html.contains(&format!("data-testid=\"chart-{}\"", c.id)),
                "chart {}",
                c.id
            );
        }
        assert_eq!(
            html.matches("<table").count(),
            story.charts.len(),
            "each chart's data table"
        );
        let other = match lang {
            Lang::Zh => "href=\"en/#m=idea-2018\"",
            Lang::En => "href=\"../#m=idea-2018\"",
        };
        assert!(
            html.contains(other),
            "the language switch leads to the other page"
        );
        assert!(
            html.contains(story.meta.dek.get(lang)),
            "the dek in its language"
        );
    }
}

#[test]
fn the_structure_matches_the_snapshot() {
    // The map's own markup is in the map's snapshot (tests/ssr_map.rs), once: here each of the
    // three frames keeps only its `<svg>`.
    insta::assert_snapshot!(
        "prerender_zh",
        structure(&without_map_markup(&render(Lang::Zh)))
    );
    insta::assert_snapshot!(
        "prerender_en",
        structure(&without_map_markup(&render(Lang::En)))
    );
}

#[test]
fn each_chart_box_holds_its_picture_in_the_theme_colours_speaking_as_the_canvas() {
    use render::breakpoints::PICTURE_FRAMES;
    use tools::chart_svg::{with_pictures, STAND_INS};
    let story = story::wire::browser_view(&tools::json::story().unwrap());
    let stand_ins: Vec<String> = [
        STAND_INS.text,
        STAND_INS.muted,
        STAND_INS.grid,
        STAND_INS.bar,
        STAND_INS.highlight,
    ]
    .iter()
    .map(|c| format!("\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2))
    .collect();
    for lang in [Lang::Zh, Lang::En] {
        let graphic = render(lang);
        let page = with_pictures(&graphic, &story, lang).unwrap();
        assert_eq!(page, with_pictures(&graphic, &story, lang).unwrap());
        assert!(!page.contains("<canvas"), "no empty canvas left");
        for c in &story.charts {
            let canvas_at = graphic
                .find(&format!("data-testid=\"chart-canvas-{}\"", c.id))
                .unwrap();
            let canvas = &graphic[graphic[..canvas_at].rfind("<canvas").unwrap()..];
            let label = canvas
                .split_once("aria-label=\"")
                .unwrap()
                .1
                .split_once('"')
                .unwrap()
                .0;
            assert!(!label.is_empty());
            let open = format!(
                "<div class=\"chart-picture\" role=\"img\" aria-label=\"{label}\" data-testid=\"chart-picture-{}\">",
                c.id
            );
            let at = page.find(&open).unwrap_or_else(|| panic!("chart {}", c.id));
            let picture = &page[at..at + page[at..].find("</div>").unwrap()];
            for (_, class, _) in PICTURE_FRAMES {
                assert_eq!(
                    picture.matches(&format!("<svg class=\"{class}\"")).count(),
                    1
                );
            }
            assert!(
                picture.matches("<rect").count() >= c.rows.len() * PICTURE_FRAMES.len(),
                "chart {}: its bars in every frame",
                c.id
            );
            for attr in ["fill=", "stroke="] {
                for value in picture.split(attr).skip(1) {
                    let value = &value[..value[1..].find('"').unwrap() + 2];
                    assert!(
                        value == "\"none\"" || stand_ins.iter().any(|s| s == value),
                        "chart {}: {attr}{value} is not a colour the style sheet paints",
                        c.id
                    );
                }
            }
            assert!(
                !picture.contains("font-family"),
                "the font from the style sheet"
            );
        }
    }
}
