//! The chart draw functions on plotters' SVG backend: element counts and values, not positions.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

use plotters::prelude::*;
use render::chart::{draw, spec, ChartSpec, Palette, Scale};
use story::model::{ChartKind, FigureValue, Lang};
use tools::chart_svg::to_svg;

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// Rectangles drawn as bars: filled with the bar colour (or outlined in it).
fn bars_in(svg: &str, colour: (u8, u8, u8)) -> usize {
    let c = hex(colour);
    svg.split("<rect")
        .skip(1)
        .filter(|r| {
            let tag = r.split('>').next().unwrap_or("");
            tag.contains(&format!("fill=\"{c}\"")) || tag.contains(&format!("stroke=\"{c}\""))
        })
        .count()
}

/// The text content of every `<text>` element.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = t.split_once('>')?.1;
            let raw = body.split("</text>").next()?.trim();
            Some(
                raw.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&"),
            )
        })
        .collect()
}

fn specs() -> Vec<(Lang, ChartSpec)> {
    let story = tools::json::story().unwrap();
    let mut out = Vec::new();
    for chart in &story.charts {
        for lang in [Lang::Zh, Lang::En] {
            out.push((lang, spec(&story, chart, lang).unwrap()));
        }
    }
    out
}

#[test]
fn the_story_has_two_charts_of_reported_values() {
    let story = tools::json::story().unwrap();
    let ids: Vec<&str> = story.charts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["growth", "project-tiers"]);
}

#[test]
fn every_chart_draws_one_bar_per_value_in_both_themes() {
    let story = tools::json::story().unwrap();
    for (lang, spec) in specs() {
        let chart = story.charts.iter().find(|c| c.id == spec.id).unwrap();
        let expected = match chart.kind {
            ChartKind::Bars => chart.rows.len(),
            ChartKind::Pair => 2,
        };
        assert_eq!(spec.bars.len(), expected, "{} {lang:?}", spec.id);
        for palette in [Palette::LIGHT, Palette::DARK] {
            let svg = to_svg(&spec, &palette, 360).unwrap();
            assert_eq!(
                bars_in(&svg, palette.bar),
                expected,
                "{} {lang:?}: bars in the bar colour",
                spec.id
            );
            assert_eq!(bars_in(&svg, palette.highlight), 0);
        }
    }
}

#[test]
fn a_highlighted_bar_changes_colour_and_only_that_one() {
    for (_, spec) in specs() {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (480, 320)).into_drawing_area();
            draw(&root, &spec, &Palette::LIGHT, Scale::SVG, Some(1)).unwrap();
        }
        assert_eq!(bars_in(&svg, Palette::LIGHT.highlight), 1, "{}", spec.id);
        assert_eq!(
            bars_in(&svg, Palette::LIGHT.bar),
            spec.bars.len() - 1,
            "{}",
            spec.id
        );
    }
}

#[test]
fn every_value_and_label_is_written_as_text() {
    let story = tools::json::story().unwrap();
    for (lang, spec) in specs() {
        let svg = to_svg(&spec, &Palette::LIGHT, 640).unwrap();
        let written = texts(&svg);
        for bar in &spec.bars {
            assert!(
                written.contains(&bar.text),
                "{} {lang:?}: {}",
                spec.id,
                bar.text
            );
            assert!(
                written.contains(&bar.label),
                "{} {lang:?}: {}",
                spec.id,
                bar.label
            );
        }
        // Values of reported figures are the report's own numbers.
        let chart = story.charts.iter().find(|c| c.id == spec.id).unwrap();
        if chart.kind == ChartKind::Bars {
            for (row, bar) in chart.rows.iter().zip(&spec.bars) {
                let f = story.figures.iter().find(|f| f.id == row.figure).unwrap();
                assert_eq!(FigureValue::Single(bar.value), f.value, "{}", row.figure);
            }
        }
    }
}

#[test]
fn open_ended_bars_get_a_dashed_extension() {
    // The growth chart has one "more than" row; without it there are no dashes.
    let (_, mut spec) = specs().into_iter().find(|(_, s)| s.id == "growth").unwrap();
    let dashed = |spec: &ChartSpec| {
        let svg = to_svg(spec, &Palette::LIGHT, 360).unwrap();
        svg.matches("<polyline").count()
    };
    let with = dashed(&spec);
    for bar in &mut spec.bars {
        bar.open_ended = false;
    }
    let without = dashed(&spec);
    assert!(with > without + 4, "{with} dashes vs {without}");
}
