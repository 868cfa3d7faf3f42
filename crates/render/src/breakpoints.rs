//! Every width and height at which the graphic changes its layout, stated once. The code reads
//! them from here, and `tools::style` writes the style sheet's rules that use them into its
//! marked block (`cargo run -p tools --bin textgen`; a native test fails when the sheet is stale).

/// Containers narrower than this (CSS px) get the map's close-up frame around the six counties,
/// and the close-up's note; the timeline shows its list.
pub const NARROW_PX: f64 = 600.0;

/// Viewports at most this tall (CSS px: a phone on its side, a window at 200 % zoom) keep the
/// map in the flow, since stuck it would cover most of the screen; the reading line then sits at
/// the middle.
pub const STATIC_BELOW_PX: f64 = 520.0;

/// The map container widths the build-time map is laid out for, one frame each, with the class
/// that holds it and the container width from which the style sheet shows it (until the app runs
/// and lays out the width it measures): the phone close-up at a 360 px phone's 332 px; the
/// close-up beside the milestones on a desktop (568 px from 1180 px screens up), from 450 px; the
/// wide frame at a tablet's 728 px, from [`NARROW_PX`].
pub const MAP_FRAMES: [(&str, f64, f64); 3] = [
    ("prerender-phone", 332.0, 0.0),
    ("prerender-desk", 568.0, 450.0),
    ("prerender-wide", 728.0, NARROW_PX),
];

/// The widths a chart's picture is drawn at for the prerendered page, with its class and the box
/// width from which the style sheet shows it: the chart's width at 360 px, at 1280 px, and the
/// widest it gets (at 768 px).
pub const PICTURE_FRAMES: [(u32, &str, f64); 3] = [
    (332, "chart-picture-phone", 0.0),
    (524, "chart-picture-desk", 450.0),
    (720, "chart-picture-wide", 640.0),
];

/// Rules that show one frame of a set at a time: the first by default, each next one from its
/// container width up.
fn frame_rules<'a>(frames: impl Iterator<Item = (&'a str, f64)>) -> String {
    let frames: Vec<(&str, f64)> = frames.collect();
    let mut css = String::new();
    if let Some(((first, _), rest)) = frames.split_first() {
        let hidden: Vec<&str> = rest.iter().map(|(c, _)| *c).collect();
        css.push_str(&format!(
            ".{first} {{ display: block; }}\n.{} {{ display: none; }}\n",
            hidden.join(", .")
        ));
    }
    for pair in frames.windows(2) {
        let ((before, _), (class, from)) = (pair[0], pair[1]);
        css.push_str(&format!(
            "@container (min-width: {}px) {{\n  .{before} {{ display: none; }}\n  .{class} {{ display: block; }}\n}}\n",
            px(from)
        ));
    }
    css
}

/// A pixel value as CSS writes it (whole pixels here).
fn px(v: f64) -> String {
    story::format::decimal(v)
}

/// The style sheet's rules that use these values.
pub fn css() -> String {
    let mut css = format!(
        "\n@media (max-height: {}px) {{ .story-map {{ position: relative; }} }}\n",
        px(STATIC_BELOW_PX)
    );
    css.push_str(&format!(
        "@container graphic (min-width: {}px) {{ .close-up-note {{ display: none; }} }}\n",
        px(NARROW_PX)
    ));
    css.push_str(&frame_rules(
        MAP_FRAMES.iter().map(|(c, _, from)| (*c, *from)),
    ));
    css.push_str(&frame_rules(
        PICTURE_FRAMES.iter().map(|(_, c, from)| (*c, *from)),
    ));
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_frame_shows_from_its_width_and_hides_from_the_next() {
        let css = css();
        assert!(css.contains("@media (max-height: 520px) { .story-map { position: relative; } }"));
        assert!(css.contains("@container graphic (min-width: 600px) { .close-up-note"));
        assert!(css.contains(".prerender-desk, .prerender-wide { display: none; }"));
        assert!(css.contains(
            "@container (min-width: 450px) {\n  .prerender-phone { display: none; }\n  .prerender-desk { display: block; }\n}"
        ));
        assert!(css.contains(
            "@container (min-width: 640px) {\n  .chart-picture-desk { display: none; }\n  .chart-picture-wide { display: block; }\n}"
        ));
    }

    #[test]
    fn frames_grow_with_their_breakpoints() {
        for w in MAP_FRAMES.windows(2) {
            assert!(w[0].1 < w[1].1 && w[0].2 < w[1].2, "{w:?}");
            // A frame is laid out wider than the width it is first shown at.
            assert!(w[1].1 >= w[1].2, "{w:?}");
        }
        for w in PICTURE_FRAMES.windows(2) {
            assert!(w[0].0 < w[1].0 && w[0].2 < w[1].2, "{w:?}");
        }
    }
}
