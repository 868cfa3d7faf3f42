//! Yew views. Every string they show comes from the story data or the `format` layer.

pub mod chart;
pub mod figures;
pub mod footer;
pub mod header;
pub mod map;
pub mod region_detail;
pub mod story_view;
pub mod timeline;
