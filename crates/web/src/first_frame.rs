//! How the first frame is drawn: at build time (no element to measure, nothing to animate) and
//! when the app takes over a page that already shows the prerendered graphic (the reader has seen
//! the finished map, so it does not play its entrance again), and the widths the build lays the map
//! out for.

/// How [`crate::app::App`]'s first frame is drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FirstFrame {
    /// A plain mount (as in tests): components measure and animate as usual.
    #[default]
    Animated,
    /// The app takes over the prerendered graphic the reader already sees: the map stays
    /// finished rather than playing its entrance.
    OverPrerender,
    /// Rendering at build time: the map finished and drawn for every width of
    /// [`PRERENDER_FRAMES`], and the style sheet shows the one that fits until the app runs.
    Build,
}

impl FirstFrame {
    /// Whether the map is drawn finished, without its entrance.
    pub fn still(self) -> bool {
        self != FirstFrame::Animated
    }
}

/// The map container widths the build-time map is laid out for, one frame each, and the container
/// width from which the style sheet shows each (until the app runs and lays out the width it
/// measures): the phone close-up at a 360 px phone's 332 px; the close-up beside the milestones on
/// a desktop (568 px from 1180 px screens up); the wide frame at a tablet's 728 px (from
/// [`render::layout::NARROW_PX`]). `static/style.css` has the same breakpoints.
pub const PRERENDER_FRAMES: [(&str, f64, f64); 3] = [
    ("prerender-phone", 332.0, 0.0),
    ("prerender-desk", 568.0, 450.0),
    ("prerender-wide", 728.0, render::layout::NARROW_PX),
];
