//! Hooks that touch the browser, one per file: element width, reduced-motion preference, media
//! queries, the map's entrance playback, and first sight of an
//! element scrolled into view, and the reading line of the scrolling story. Each returns a cleanup that drops its browser handle. Natively (server-side rendering
//! in tests) they return their final, static values.

pub mod element_width;
pub mod media;
pub mod playback;
pub mod reading_line;
pub mod reduced_motion;
pub mod resize;
pub mod scrolled_into_view;

pub use element_width::use_element_width;
pub use media::use_media;
pub use playback::use_playback;
pub use reading_line::use_reading_line;
pub use reduced_motion::prefers_reduced_motion;
pub use scrolled_into_view::use_scrolled_into_view;
