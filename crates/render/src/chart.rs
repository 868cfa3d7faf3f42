//! Charts of the report's figures: what each chart shows in each language ([`spec`]), and one
//! drawing function for any plotters backend ([`draw`]): canvas in the browser, SVG natively.
//!
//! No yew or web-sys here. Sizes are in CSS pixels times `scale` (the device pixel ratio on a
//! canvas, 1 for SVG). Text is drawn with plain `Text` elements only: plotters' captions, meshes
//! and multi-line text measure text through the DOM in the browser, which a strict
//! Content-Security-Policy forbids, so layout uses [`crate::text_metrics::text_width_em`] instead.

pub mod drawing;
pub mod spec;

pub use drawing::*;
pub use spec::*;

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use plotters::prelude::{IntoDrawingArea, SVGBackend};
    use story::model::{self, Chart, ChartKind, Lang, Story};

    fn story() -> std::rc::Rc<Story> {
        story::fixtures::story()
    }

    fn chart_spec(id: &str, lang: Lang) -> ChartSpec {
        let story = story();
        if id == "output-per-mu" {
            return spec(&story, &pair_chart(), lang).unwrap();
        }
        let chart = story.charts.iter().find(|c| c.id == id).unwrap();
        spec(&story, chart, lang).unwrap()
    }

    /// A pair chart of the story's before→after figure (the story itself shows that pair as a
    /// card only).
    fn pair_chart() -> Chart {
        Chart {
            id: "output-per-mu".to_owned(),
            section: "strength".to_owned(),
            kind: ChartKind::Pair,
            title: model::Text::default(),
            note: model::Text::default(),
            rows: Vec::new(),
            figure: "output-per-mu".to_owned(),
        }
    }

    #[test]
    fn nice_axes_cover_the_data_in_at_most_five_steps() {
        for (max, want) in [
            (32.0, (40.0, 10.0)),
            (67.0, (80.0, 20.0)),
            (640.0, (800.0, 200.0)),
            (240.26, (250.0, 50.0)),
            (1.0, (1.0, 0.2)),
            (0.0, (1.0, 0.2)),
        ] {
            assert_eq!(nice_axis(max), want, "{max}");
        }
        for i in 1..500 {
            let max = f64::from(i) * 1.37;
            let (end, step) = nice_axis(max);
            assert!(end >= max && (end / step).round() <= 5.0, "{max}");
        }
    }

    #[test]
    fn the_growth_chart_marks_more_than_honestly() {
        let spec = chart_spec("growth", Lang::En);
        let values: Vec<f64> = spec.bars.iter().map(|b| b.value).collect();
        assert_eq!(values, [24.5, 32.0, 27.7, 16.0, 13.0]);
        let open: Vec<bool> = spec.bars.iter().map(|b| b.open_ended).collect();
        assert_eq!(open, [false, true, false, false, false]);
        assert_eq!(spec.bars[1].text, "more than 32%");
        assert_eq!(chart_spec("growth", Lang::Zh).bars[1].text, "超过32%");
        assert!(spec.axis_max >= 32.0 * (1.0 + OPEN_END_SHARE));
        assert!(spec.alt.contains("Fixed-asset investment more than 32%"));
    }

    #[test]
    fn the_pair_and_tier_charts_keep_the_reports_values() {
        let pair = chart_spec("output-per-mu", Lang::En);
        let texts: Vec<&str> = pair.bars.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["¥3.4 million", "¥6.4 million"]);
        assert_eq!(pair.axis_caption, "¥ million");
        let zh = chart_spec("output-per-mu", Lang::Zh);
        assert_eq!(zh.axis_caption, "万元");
        assert_eq!(zh.bars[1].text, "640万元");
        let tiers = chart_spec("project-tiers", Lang::Zh);
        let values: Vec<f64> = tiers.bars.iter().map(|b| b.value).collect();
        assert_eq!(values, [67.0, 22.0, 1.0]);
        assert!(tiers.bars[2].open_ended, "“零的突破” is at least one");
        assert_eq!(tiers.bars[2].text, "至少1个");
    }

    #[test]
    fn the_mapping_finds_the_bar_under_a_pixel() {
        for id in ["growth", "output-per-mu"] {
            let spec = chart_spec(id, Lang::Zh);
            let mut out = String::new();
            let root = SVGBackend::with_string(&mut out, (600, height_css(&spec) as u32))
                .into_drawing_area();
            let mapping = draw(&root, &spec, &Palette::LIGHT, Scale::SVG, Some(0)).unwrap();
            for (i, bar) in spec.bars.iter().enumerate() {
                let p = match spec.orientation {
                    Orientation::Horizontal => {
                        mapping.pixel(bar.value / 2.0, (spec.bars.len() - 1 - i) as f64 + 0.3)
                    }
                    Orientation::Vertical => mapping.pixel(i as f64 + 0.5, bar.value / 2.0),
                };
                assert_eq!(mapping.bar_at(p), Some(i), "{id} bar {i}");
            }
            assert_eq!(mapping.bar_at((-50, -50)), None);
            // Values grow up the screen (smaller pixel y), and to the right.
            let (x_end, y_end) = match spec.orientation {
                Orientation::Horizontal => (spec.axis_max, spec.bars.len() as f64),
                Orientation::Vertical => (spec.bars.len() as f64, spec.axis_max),
            };
            assert!(
                mapping.pixel(0.0, y_end).1 < mapping.pixel(0.0, 0.0).1,
                "{id}"
            );
            assert!(
                mapping.pixel(x_end, 0.0).0 > mapping.pixel(0.0, 0.0).0,
                "{id}"
            );
        }
    }
}
