//! Charts as SVG, drawn by the same [`draw`] as the canvas in the page, on plotters' SVG backend:
//! whole documents (the `charts` command and the chart tests), and the pictures the prerendered
//! page holds in each chart's box until the live app draws its canvas (`prerender`).

use crate::html::{rewrite, Edit};
use lol_html::html_content::ContentType;
use plotters::prelude::*;
use render::breakpoints::PICTURE_FRAMES;
use render::chart::{draw, height_css, ChartSpec, Palette, Scale};
use story::model::{Lang, Story};

/// Renders a chart to an SVG document (native command and tests) at `width` CSS pixels.
pub fn to_svg(spec: &ChartSpec, palette: &Palette, width: u32) -> Result<String, String> {
    let mut out = String::new();
    {
        let height = height_css(spec).round() as u32;
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw(&root, spec, palette, Scale::SVG, None).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// The colours a chart's picture in the page is drawn with: stand-ins that the style sheet's
/// rules ([`picture_css`]) paint with the theme's custom properties, so one picture serves the
/// light, the dark and the system theme. No background: the page shows through, as under the
/// canvas.
pub const STAND_INS: Palette = Palette {
    background: None,
    text: (1, 0, 1),
    muted: (1, 0, 2),
    grid: (1, 0, 3),
    bar: (1, 0, 4),
    highlight: (1, 0, 5),
};

/// Each stand-in colour with the custom property it stands for.
const ROLES: [(render::palette::Rgb, &str); 5] = [
    (STAND_INS.text, "chart-text"),
    (STAND_INS.muted, "chart-muted"),
    (STAND_INS.grid, "chart-grid"),
    (STAND_INS.bar, "chart-bar"),
    (STAND_INS.highlight, "chart-highlight"),
];

/// A colour as plotters' SVG backend writes it.
fn svg_colour(c: render::palette::Rgb) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The style rules that paint the stand-in colours and set the canvas's font (part of the style
/// sheet's generated block).
pub fn picture_css() -> String {
    // The page's stacks, figures first, as the canvas sets them (render::fonts::FIGURES).
    let font =
        ".chart-picture text { font-family: var(--latin-sans), var(--cjk-sans), sans-serif; }\n"
            .to_owned();
    let colours: String = ROLES
        .iter()
        .flat_map(|(c, var)| {
            ["fill", "stroke"].map(|attr| {
                format!(
                    ".chart-picture [{attr}=\"{}\"] {{ {attr}: var(--{var}); }}\n",
                    svg_colour(*c)
                )
            })
        })
        .collect();
    font + &colours
}

/// `svg` (plotters' document) made fit to sit in the page: the class of its frame, scaled to the
/// box's width from its top left corner, hidden from assistive technology (the box speaks for
/// it), and without what the style sheet gives (the font, full opacity) or HTML ignores (its
/// size, namespace and line breaks).
fn tidy(svg: &str, class: &str) -> Result<String, String> {
    let out = rewrite(
        svg,
        vec![
            Edit::on("svg", |el| {
                let view_box = el.get_attribute("viewBox").ok_or("plotters wrote no viewBox")?;
                // A start tag of its own (lol_html would write new attribute names in lower
                // case; SVG's are camel case): the element's tags go, its content stays.
                el.before(
                    &format!(
                        "<svg class=\"{class}\" viewBox=\"{view_box}\" preserveAspectRatio=\"xMinYMin meet\" aria-hidden=\"true\" focusable=\"false\">"
                    ),
                    ContentType::Html,
                );
                el.after("</svg>", ContentType::Html);
                el.remove_and_keep_content();
                Ok(())
            })
            .required("<svg> from plotters"),
            Edit::on("[opacity='1']", |el| {
                el.remove_attribute("opacity");
                Ok(())
            }),
            Edit::on("[font-family]", |el| {
                el.remove_attribute("font-family");
                Ok(())
            }),
        ],
    )?;
    Ok(out.replace(['\n', '\r'], ""))
}

/// The picture of `spec` for the prerendered page: one drawing per frame, in the stand-in colours.
pub fn picture(spec: &ChartSpec) -> Result<String, String> {
    PICTURE_FRAMES
        .iter()
        .map(|(width, class, _)| tidy(&to_svg(spec, &STAND_INS, *width)?, class))
        .collect()
}

/// `graphic` (the prerendered app) with each chart's empty canvas replaced by its picture, drawn
/// by the same [`draw`] as the canvas: the box the live app draws into holds the same chart until
/// then, or for good when the app cannot start. The picture speaks as the canvas does (an image
/// with the chart's text alternative).
pub fn with_pictures(graphic: &str, story: &Story, lang: Lang) -> Result<String, String> {
    let mut html = graphic.to_owned();
    for chart in &story.charts {
        let Some(spec) = render::chart::spec(story, chart, lang) else {
            continue;
        };
        let id = &chart.id;
        let drawn = picture(&spec)?;
        html = rewrite(
            &html,
            vec![Edit::on(&format!("canvas[data-testid='chart-canvas-{id}']"), |el| {
                // The label is written back as read (raw, its entities kept).
                let label = el
                    .get_attribute("aria-label")
                    .ok_or("the canvas has no text alternative")?;
                el.replace(
                    &format!(
                        "<div class=\"chart-picture\" role=\"img\" aria-label=\"{label}\" data-testid=\"chart-picture-{id}\">{drawn}</div>"
                    ),
                    ContentType::Html,
                );
                Ok(())
            })
            .required("canvas in the rendered graphic")],
        )
        .map_err(|e| format!("chart {id}: {e}"))?;
    }
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stand_in_colour_is_painted_with_a_property_the_style_sheet_defines() {
        let story = crate::json::story().unwrap();
        let names: Vec<String> =
            render::palette::css_properties(&render::palette::LIGHT, &story, false)
                .iter()
                .map(|(name, _)| name.to_string())
                .collect();
        let css = picture_css();
        for (c, var) in ROLES {
            assert!(names.iter().any(|n| n == var), "--{var} is defined");
            for attr in ["fill", "stroke"] {
                assert!(css.contains(&format!(
                    ".chart-picture [{attr}=\"{}\"] {{ {attr}: var(--{var}); }}",
                    svg_colour(c)
                )));
            }
        }
        let all = [
            STAND_INS.text,
            STAND_INS.muted,
            STAND_INS.grid,
            STAND_INS.bar,
            STAND_INS.highlight,
        ];
        assert_eq!(all.len(), ROLES.len(), "every role has a rule");
        assert!(
            css.contains("font-family: var(--latin-sans), var(--cjk-sans), sans-serif"),
            "the page's stacks in render::fonts::FIGURES' order"
        );
        assert_eq!(
            render::fonts::FIGURES,
            format!(
                "{}, {}, sans-serif",
                render::fonts::LATIN_SANS,
                render::fonts::CJK_SANS
            )
        );
    }

    #[test]
    fn a_tidied_picture_scales_from_its_corner_and_keeps_no_font_or_opacity() {
        let svg = "<svg width=\"10\" height=\"5\" viewBox=\"0 0 10 5\" xmlns=\"http://www.w3.org/2000/svg\">\n<text x=\"1\" font-family=\"a, &quot;b&quot;\" opacity=\"1\" fill=\"#010001\">\n9\n</text>\n</svg>\n";
        assert_eq!(
            tidy(svg, "k").unwrap(),
            "<svg class=\"k\" viewBox=\"0 0 10 5\" preserveAspectRatio=\"xMinYMin meet\" aria-hidden=\"true\" focusable=\"false\"><text x=\"1\" fill=\"#010001\">9</text></svg>"
        );
        assert!(tidy("no tag", "k").is_err());
    }
}
