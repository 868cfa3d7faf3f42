//! The render layer: from the story to geometry and pictures, for any backend. The map's paths
//! (already projected: the projection runs only in `tools::geoprep`), its frame and labels per width, animation frames at a time `t`, chart specs and one
//! plotters draw function. Pure: no yew, no web-sys; tested natively.

pub mod anim;
pub mod breakpoints;
pub mod chart;
pub mod fonts;
pub mod geometry;
pub mod layout;
pub mod mini;
pub mod palette;
pub mod text_metrics;
