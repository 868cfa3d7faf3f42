//! Charts as SVG documents (the `charts` command and the chart tests), drawn by the same
//! [`draw`] as the canvas in the page, on plotters' SVG backend.

use crate::render::chart::{draw, height_css, ChartSpec, Palette, Scale};
use plotters::prelude::*;

/// Renders a chart to an SVG document (native command and tests) at `width` CSS pixels.
pub fn to_svg(spec: &ChartSpec, palette: &Palette, width: u32) -> Result<String, String> {
    let mut out = String::new();
    {
        let height = height_css(spec).round() as u32;
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw(&root, spec, palette, Scale::SVG, None).map_err(|e| e.to_string())?;
    }
    Ok(out)
}
