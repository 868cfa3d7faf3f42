//! The render layer: from the story to geometry and pictures, for any backend. Map projection and
//! paths, the map's frame and labels per width, animation frames at a time `t`, chart specs and one
//! plotters draw function. Pure: no yew, no web-sys; tested natively.

pub mod anim;
pub mod chart;
pub mod geometry;
pub mod layout;
pub mod mini;
pub mod palette;
pub mod text_metrics;
