//! The build layer (native only, feature `tools`): what runs on a developer's machine or in CI
//! before the browser sees anything. Reading and validating the JSON, preprocessing the geometry,
//! the text version and CSV written into the page, and the share image.

pub mod chart_svg;
pub mod geoprep;
pub mod html;
pub mod imports;
pub mod json;
pub mod long_image;
pub mod minimap;
pub mod page;
pub mod poster;
pub mod style;
pub mod text_version;
pub mod validate;
