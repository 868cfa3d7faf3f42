//! The story layer: what the graphic says, as data. Types for the story and the map, their text
//! form for the browser, and how a value, unit, qualifier or date reads in each language.
//! Pure Rust: no yew, no web-sys, no plotters.

pub mod data;
pub mod format;
pub mod map;
pub mod model;
pub mod wire;
