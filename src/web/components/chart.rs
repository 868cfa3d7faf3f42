//! One canvas component for every chart: crisp at the device pixel ratio, redrawn when its box
//! is resized (debounced) or the colour scheme changes, with a pointer, tap and keyboard readout,
//! a text alternative and a data table.

use crate::render::chart::{self, ChartSpec, Mapping};
use crate::story::model::{ChartKind, Lang, Shared, Story};
use crate::web::components::source_note::source_note;
use crate::web::hooks::use_element_width;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ChartView`].
#[derive(Properties, PartialEq)]
pub struct ChartViewProps {
    /// The story.
    pub story: Shared<Story>,
    /// Chart id.
    pub chart: String,
    /// Current language.
    pub lang: Lang,
    /// Whether the page is dark: the chart redraws in the other palette when this changes.
    pub dark: bool,
}

/// Narrower than this (CSS pixels), the frame is taken to be hidden and the chart is not redrawn.
pub const MIN_WIDTH: f64 = 120.0;

/// Milliseconds a resize has to rest before the chart is redrawn.
pub const RESIZE_DEBOUNCE_MS: u32 = 150;

/// `width`, but only once it has stopped changing for `RESIZE_DEBOUNCE_MS`. The first two values
/// (the window-based estimate before the element is measured, and the first measurement) pass
/// at once, so the chart is drawn at its true size without delay.
#[hook]
fn use_settled_width(width: Option<f64>) -> Option<f64> {
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
            #[cfg(target_arch = "wasm32")]
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
            #[cfg(not(target_arch = "wasm32"))]
            if !skip {
                let _ = early;
                settled.set(width);
            }
            move || {
                #[cfg(target_arch = "wasm32")]
                drop(timer);
            }
        });
    }
    *settled
}

#[cfg(target_arch = "wasm32")]
fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
        .min(4.0)
}

/// Draws `spec` on the canvas at `width` CSS pixels; returns plotters' coordinate mapping.
#[cfg(target_arch = "wasm32")]
fn paint(
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
    let base = if dark {
        chart::Palette::DARK
    } else {
        chart::Palette::LIGHT
    };
    let style = web_sys::window().and_then(|w| w.get_computed_style(canvas).ok().flatten());
    let palette = chart::Palette::from_css(base, |name| {
        style.as_ref().and_then(|s| s.get_property_value(name).ok())
    });
    let backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())?;
    let root = backend.into_drawing_area();
    chart::draw(&root, spec, &palette, chart::Scale::canvas(dpr), highlight).ok()
}

/// Saves the chart as a PNG: drawn afresh at twice its size on a canvas of its own, on the theme's
/// background (the page's canvas is transparent), and handed to the browser as a download.
#[cfg(target_arch = "wasm32")]
fn save_png(spec: &ChartSpec, width: f64, dark: bool, file_name: &str) -> Option<()> {
    use plotters::prelude::IntoDrawingArea;
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
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

fn readout(spec: &ChartSpec, highlight: Option<usize>, hint: &str, lang: Lang) -> String {
    match highlight.and_then(|i| spec.bars.get(i)) {
        Some(bar) => match lang {
            Lang::Zh => format!("{}：{}", bar.label, bar.text),
            Lang::En => format!("{}: {}", bar.label, bar.text),
        },
        None => hint.to_owned(),
    }
}

/// A chart: title, canvas (with its text alternative), readout, note, data table and source.
#[component]
pub fn ChartView(props: &ChartViewProps) -> Html {
    let lang = props.lang;
    let story = props.story.clone();
    let spec: Rc<Option<ChartSpec>> = use_memo(
        (props.story.clone(), props.chart.clone(), lang),
        |(story, id, lang)| {
            story
                .charts
                .iter()
                .find(|c| &c.id == id)
                .and_then(|c| chart::spec(story, c, *lang))
        },
    );
    let frame = use_node_ref();
    let canvas = use_node_ref();
    // A hidden or collapsing container measures (close to) zero: keep the last drawing then.
    let measured = use_element_width(frame.clone()).filter(|w| *w >= MIN_WIDTH);
    let width = use_settled_width(measured);
    let dark = props.dark;
    let highlight = use_state_eq(|| None::<usize>);
    let mapping = use_mut_ref(|| None::<Mapping>);
    {
        let canvas = canvas.clone();
        let mapping = mapping.clone();
        use_effect_with(
            (spec.clone(), width.map(f64::to_bits), dark, *highlight),
            move |(spec, width, dark, highlight)| {
                #[cfg(target_arch = "wasm32")]
                if let (Some(spec), Some(width), Some(canvas)) = (
                    spec.as_ref(),
                    width,
                    canvas.cast::<web_sys::HtmlCanvasElement>(),
                ) {
                    *mapping.borrow_mut() =
                        paint(&canvas, spec, f64::from_bits(*width), *dark, *highlight);
                }
                #[cfg(not(target_arch = "wasm32"))]
                let _ = (spec, width, dark, highlight, canvas, mapping);
            },
        );
    }

    let Some(spec) = spec.as_ref().as_ref() else {
        return html! {};
    };
    let n = spec.bars.len();
    let pick = {
        let highlight = highlight.clone();
        let mapping = mapping.clone();
        move |e: &MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            let dpr = device_pixel_ratio();
            #[cfg(not(target_arch = "wasm32"))]
            let dpr = 1.0;
            let p = (
                (f64::from(e.offset_x()) * dpr).round() as i32,
                (f64::from(e.offset_y()) * dpr).round() as i32,
            );
            let bar = mapping.borrow().as_ref().and_then(|m| m.bar_at(p));
            highlight.set(bar);
        }
    };
    let onpointermove = {
        let pick = pick.clone();
        Callback::from(move |e: PointerEvent| pick(&e))
    };
    let onpointerdown = Callback::from(move |e: PointerEvent| pick(&e));
    let onpointerleave = {
        let highlight = highlight.clone();
        Callback::from(move |_: PointerEvent| highlight.set(None))
    };
    let onkeydown = {
        let highlight = highlight.clone();
        Callback::from(move |e: KeyboardEvent| {
            let last = n.saturating_sub(1);
            let next = match (e.key().as_str(), *highlight) {
                ("ArrowRight" | "ArrowDown", None) => Some(0),
                ("ArrowRight" | "ArrowDown", Some(i)) => Some((i + 1).min(last)),
                ("ArrowLeft" | "ArrowUp", None) => Some(last),
                ("ArrowLeft" | "ArrowUp", Some(i)) => Some(i.saturating_sub(1)),
                ("Home", _) => Some(0),
                ("End", _) => Some(last),
                ("Escape", _) => None,
                _ => return,
            };
            e.prevent_default();
            highlight.set(next);
        })
    };
    let onblur = {
        let highlight = highlight.clone();
        Callback::from(move |_: FocusEvent| highlight.set(None))
    };

    let onsave = {
        let spec = spec.clone();
        let name = format!("changhe-{}-{}.png", spec.id, lang.code());
        let dark = props.dark;
        Callback::from(move |_: MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            {
                let _ = save_png(&spec, width.unwrap_or(640.0).max(MIN_WIDTH), dark, &name);
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&spec, &name, dark, width);
        })
    };
    let ui = &story.ui;
    let chart_def = story.charts.iter().find(|c| c.id == spec.id);
    let derived = chart_def.is_some_and(|c| c.kind == ChartKind::Compound);
    let source = chart_def
        .and_then(|c| {
            let figure = if c.kind == ChartKind::Bars {
                c.rows.first().map(|r| r.figure.as_str())
            } else {
                Some(c.figure.as_str())
            };
            figure.and_then(|id| story.figures.iter().find(|f| f.id == id))
        })
        .map(|f| f.source.clone())
        .unwrap_or_default();
    let id = &spec.id;
    html! {
        <figure class={classes!("chart", derived.then_some("is-derived"))} data-testid={format!("chart-{id}")} id={format!("chart-{id}")}>
            <figcaption class="chart-title" id={format!("chart-{id}-title")}>{ &spec.title }</figcaption>
            <div class="chart-frame" ref={frame}>
                <canvas ref={canvas} class="chart-canvas" role="img" tabindex="0"
                    aria-label={spec.alt.clone()} data-testid={format!("chart-canvas-{id}")}
                    {onpointermove} {onpointerdown} {onpointerleave} {onkeydown} {onblur}>
                    { &spec.alt }
                </canvas>
            </div>
            <p class="chart-readout" aria-live="polite" data-testid={format!("chart-readout-{id}")}>
                { readout(spec, *highlight, ui.chart_hover_hint().get(lang), lang) }
            </p>
            <p class="chart-note">{ &spec.note }</p>
            <button type="button" class="chart-save" data-testid={format!("chart-save-{id}")} onclick={onsave}>
                { ui.save_image().get(lang) }
            </button>
            <details class="chart-table">
                <summary>{ ui.chart_data_table().get(lang) }</summary>
                <table data-testid={format!("chart-table-{id}")}>
                    <caption class="visually-hidden">{ &spec.title }</caption>
                    <thead><tr>
                        <th scope="col">{ ui.chart_item().get(lang) }</th>
                        <th scope="col">{ &spec.value_heading }</th>
                    </tr></thead>
                    <tbody>
                        { for spec.bars.iter().enumerate().map(|(i, bar)| html! {
                            <tr key={i}><th scope="row">{ &bar.label }</th><td>{ &bar.text }</td></tr>
                        }) }
                    </tbody>
                </table>
            </details>
            { source_note(&story, &source, lang, derived) }
        </figure>
    }
}
