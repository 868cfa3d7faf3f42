//! The chart's canvas: drawn at the device pixel ratio with the page's colours, redrawn once a
//! resize has settled, and saved as a PNG on request. The only place that creates a
//! `CanvasBackend`.

use render::chart;
use render::chart::{ChartSpec, Mapping};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Paints `spec` on the canvas whenever the spec, the settled width, the theme or the highlight
/// changes; returns plotters' mapping of the last drawing (to find the bar under a pointer).
#[hook]
pub fn use_canvas_paint(
    canvas: NodeRef,
    spec: Rc<Option<ChartSpec>>,
    width: Option<f64>,
    dark: bool,
    highlight: Option<usize>,
) -> Rc<RefCell<Option<Mapping>>> {
    let mapping = use_mut_ref(|| None::<Mapping>);
    {
        let mapping = mapping.clone();
        use_effect_with(
            (spec, width.map(f64::to_bits), dark, highlight),
            move |(spec, width, dark, highlight)| {
                if let (Some(spec), Some(width), Some(canvas)) = (
                    spec.as_ref(),
                    width,
                    canvas.cast::<web_sys::HtmlCanvasElement>(),
                ) {
                    *mapping.borrow_mut() =
                        paint(&canvas, spec, f64::from_bits(*width), *dark, *highlight);
                }
            },
        );
    }
    mapping
}

/// Narrower than this (CSS pixels), the frame is taken to be hidden and the chart is not redrawn.
pub const MIN_WIDTH: f64 = 120.0;

/// Milliseconds a resize has to rest before the chart is redrawn.
pub const RESIZE_DEBOUNCE_MS: u32 = 150;

/// `width`, but only once it has stopped changing for `RESIZE_DEBOUNCE_MS`. The first two values
/// (the window-based estimate before the element is measured, and the first measurement) pass
/// at once, so the chart is drawn at its true size without delay.
#[hook]
pub fn use_settled_width(width: Option<f64>) -> Option<f64> {
    let settled = use_state_eq(|| width);
    let changes = use_mut_ref(|| 0u32);
    {
        let settled = settled.clone();
        use_effect_with(width, move |width| {
            let width = *width;
            // No width (hidden): keep what was drawn.
            let skip = width.is_none();
            let early = skip || {
                let mut n = changes.borrow_mut();
                *n += 1;
                *n <= 2
            };
            let timer = if skip {
                None
            } else if early {
                settled.set(width);
                None
            } else {
                Some(gloo_timers::callback::Timeout::new(
                    RESIZE_DEBOUNCE_MS,
                    move || settled.set(width),
                ))
            };
            move || {
                drop(timer);
            }
        });
    }
    *settled
}

/// The device pixel ratio (1 to 4; 1 natively).
pub fn device_pixel_ratio() -> f64 {
    crate::browser::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
        .min(4.0)
}

/// Draws `spec` on the canvas at `width` CSS pixels; returns plotters' coordinate mapping.
pub fn paint(
    canvas: &web_sys::HtmlCanvasElement,
    spec: &ChartSpec,
    width: f64,
    dark: bool,
    highlight: Option<usize>,
) -> Option<Mapping> {
    use plotters::prelude::IntoDrawingArea;
    let dpr = device_pixel_ratio();
    let height = chart::height_css(spec);
    // Setting the size also clears the canvas.
    canvas.set_width((width * dpr).round().max(1.0) as u32);
    canvas.set_height((height * dpr).round().max(1.0) as u32);
    // The palette the style sheet's colours are generated from, on a transparent canvas (the
    // page's background shows through, also in a transparent embed).
    let theme = if dark {
        chart::Palette::DARK
    } else {
        chart::Palette::LIGHT
    };
    let palette = chart::Palette {
        background: None,
        ..theme
    };
    let backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())?;
    let root = backend.into_drawing_area();
    chart::draw(&root, spec, &palette, chart::Scale::canvas(dpr), highlight).ok()
}

/// Saves the chart as a PNG: drawn afresh at twice its size on a canvas of its own, on the theme's
/// background (the page's canvas is transparent), and handed to the browser as a download.
pub fn save_png(spec: &ChartSpec, width: f64, dark: bool, file_name: &str) -> Option<()> {
    use plotters::prelude::IntoDrawingArea;
    use wasm_bindgen::JsCast;
    let document = crate::browser::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.dyn_into().ok()?;
    let scale = 2.0;
    canvas.set_width((width * scale).round() as u32);
    canvas.set_height((chart::height_css(spec) * scale).round() as u32);
    let palette = if dark {
        chart::Palette::DARK
    } else {
        chart::Palette::LIGHT
    };
    {
        let backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())?;
        let root = backend.into_drawing_area();
        chart::draw(&root, spec, &palette, chart::Scale::canvas(scale), None).ok()?;
    }
    let url = canvas.to_data_url_with_type("image/png").ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    Some(())
}
