//! The story layer: what the graphic says, as data. Types for the story and the map, their text
//! form for the browser, and how a value, unit, qualifier or date reads in each language.
//! Pure Rust: no yew, no web-sys, no plotters.

pub mod data;
pub mod date;
pub mod format;
pub mod ids;
pub mod map;
pub mod model;
pub mod ui;
pub mod wire;
pub mod words;

/// Test fixtures (feature `fixtures`, a dev-dependency of the crates above): a parse error there
/// is a failing test, so they unwrap.
#[cfg(any(test, feature = "fixtures"))]
#[allow(clippy::unwrap_used)]
pub mod fixtures;
