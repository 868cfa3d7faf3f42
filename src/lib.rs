//! The fourth-anniversary graphic of the Yangtze River Delta (Huzhou) Industrial Cooperation Zone.
//!
//! Layers, lowest first (a layer never imports one above it):
//!
//! ```text
//! model       serde types for the story (regions, places, figures, milestones, copy in zh/en)
//! validate    the rules of the story data (checked natively; textgen writes only valid data)
//! wire        the data's text form in index.html (written natively, read in the browser)
//! data        include_str! -> parse -> validate -> Rc<Story>; errors name the record and field
//! format      numbers, units, qualifiers and dates per language
//! geo         projection, clipping, simplification, quantized map geometry, SVG path strings
//! layout      map frame per width, distances, collision-free label placement
//! chart       chart specs per language and one plotters draw function for any backend
//! anim        easing and frame_at(t); pure
//! poster      the 1200×630 share image (native, bitmap backend)
//! text        the text version and the CSV, generated from the story (native command)
//! url         query-string parsing (language); pure
//! state       AppState: the one reducer the components read
//! hooks       element width, reduced motion, entrance playback (browser side)
//! components  Yew views (only this layer and `app` touch yew or web-sys)
//! app         the root component
//! ```
//!
//! Everything below `state` is free of yew and web-sys and is tested natively with `cargo test`.

pub mod anim;
pub mod app;
pub mod chart;
pub mod components;
pub mod data;
pub mod format;
pub mod geo;
pub mod hooks;
pub mod layout;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod poster;
pub mod state;
pub mod text;
pub mod url;
pub mod validate;
pub mod wire;
