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
    /// [`render::breakpoints::MAP_FRAMES`], and the style sheet shows the one that fits until the app runs.
    Build,
}

impl FirstFrame {
    /// Whether the map is drawn finished, without its entrance.
    pub fn is_finished(self) -> bool {
        self != FirstFrame::Animated
    }
}
