//! How the first frame is drawn: at build time (no element to measure, nothing to animate) and
//! when the app takes over a page that already shows the prerendered graphic (the reader has seen
//! the finished map, so it does not play its entrance again).

/// A still first frame, handed to [`crate::web::app::App`] (`None` there: a plain mount, as in
/// tests, where components measure and animate as usual).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FirstFrame {
    /// Rendering at build time: the map is drawn for both frames (the phone close-up and the
    /// wide frame), and the style sheet shows the one that fits until the app runs.
    pub build: bool,
}

/// The map container widths the build-time map is laid out for, one frame each, and the container
/// width from which the style sheet shows each (until the app runs and lays out the width it
/// measures): the phone close-up at a 360 px phone's 332 px; the close-up beside the milestones on
/// a desktop (568 px from 1180 px screens up); the wide frame at a tablet's 728 px (from
/// [`crate::render::layout::NARROW_PX`]). `static/style.css` has the same breakpoints.
pub const PRERENDER_FRAMES: [(&str, f64, f64); 3] = [
    ("prerender-phone", 332.0, 0.0),
    ("prerender-desk", 568.0, 450.0),
    ("prerender-wide", 728.0, crate::render::layout::NARROW_PX),
];
