//! The fourth-anniversary graphic of the Yangtze River Delta (Huzhou) Industrial Cooperation Zone.
//!
//! Four layers, lowest first. A module imports only from its own layer or a lower one, and no two
//! files import each other (`tests/architecture.rs` checks both):
//!
//! ```text
//! web     (browser)  start-up, App, state, url, hooks, components    yew + web-sys
//! build   (native)   json, validate, geoprep, text_version, poster   feature "tools"
//!   ── web and build sit side by side and never import each other ──
//! render             projection, layout, anim, chart                 pure, any backend
//! story              model, map, wire, data, format                  pure data and words
//! ```
//!
//! `story` and `render` use neither yew nor web-sys and are tested natively with `cargo test`.

pub mod render;
pub mod story;
pub mod web;

#[cfg(feature = "tools")]
pub mod build;

#[cfg(test)]
pub mod fixtures;
