//! The tools layer (native only): what runs on a developer's machine or in CI before the browser
//! sees anything. Reading and validating the JSON, preprocessing the geometry, what is generated
//! into the page and the style sheet, the built pages with the graphic prerendered, the charts'
//! pictures, the share image and the long images. The commands are in `src/bin/`.

pub mod chart_svg;
pub mod generated;
pub mod geoprep;
pub mod html;
pub mod imports;
pub mod json;
pub mod long_image;
pub mod minimap;
pub mod page;
pub mod poster;
pub mod style;
pub mod validate;
