//! The reader's reduced-motion preference.

/// Whether the reader asked for reduced motion (`prefers-reduced-motion: reduce`); true natively,
/// where nothing moves (the build draws every value final).
pub fn prefers_reduced_motion() -> bool {
    crate::browser::window().is_none_or(|w| {
        w.match_media("(prefers-reduced-motion: reduce)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches())
    })
}
