//! Hooks that touch the browser, one per file: element width, reduced-motion preference, media
//! queries, the map's entrance playback, the timeline's step timer, and first sight of an
//! element. Each returns a cleanup that drops its browser handle. Natively (server-side rendering
//! in tests) they return their final, static values.

pub mod autoplay;
pub mod element_width;
pub mod media;
pub mod playback;
pub mod reduced_motion;
pub mod resize;
pub mod seen;

pub use autoplay::{use_autoplay, use_pause_on_scroll};
pub use element_width::use_element_width;
pub use media::use_media;
pub use playback::use_playback;
pub use reduced_motion::prefers_reduced_motion;
pub use seen::use_seen;
