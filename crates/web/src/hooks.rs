//! Hooks, one per file: the app's behaviours (hash sync, click outside, the staged take-over,
//! the kept head's language switch) and the browser measures the components read (element width,
//! reduced-motion preference, media queries, the map's entrance playback, first sight of an
//! element scrolled into view, the reading line of the scrolling story). Each returns a cleanup
//! that drops its browser handle. Natively (server-side rendering) effects do not run, and the
//! measures return their final, static values.

pub mod click_outside;
pub mod element_width;
pub mod hash_sync;
pub mod media;
pub mod playback;
pub mod reading_line;
pub mod reduced_motion;
pub mod resize;
pub mod scrolled_into_view;
pub mod staged_takeover;
pub mod switch_href;

pub use click_outside::use_click_outside;
pub use element_width::use_element_width;
pub use hash_sync::use_hash_sync;
pub use media::use_media;
pub use playback::use_playback;
pub use reading_line::use_reading_line;
pub use reduced_motion::prefers_reduced_motion;
pub use scrolled_into_view::use_scrolled_into_view;
pub use staged_takeover::use_staged_takeover;
pub use switch_href::use_kept_switch_href;
