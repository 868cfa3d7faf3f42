//! One canvas component for every chart: crisp at the device pixel ratio, redrawn when its box
//! is resized (debounced) or the colour scheme changes, with a pointer, tap and keyboard readout,
//! a text alternative and a data table.

pub mod canvas;

use crate::hooks::use_element_width;
use canvas::{use_settled_width, MIN_WIDTH};
use render::chart::{self, ChartSpec, Mapping};
use std::rc::Rc;
use story::format;
use story::model::{ChartKind, Lang, Shared, Story, Ui};
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

/// The highlighted bar's label and value, or nothing.
fn readout(spec: &ChartSpec, highlight: Option<usize>, lang: Lang) -> String {
    highlight
        .and_then(|i| spec.bars.get(i))
        .map(|bar| format!("{}{}{}", bar.label, format::colon(lang), bar.text))
        .unwrap_or_default()
}

/// The canvas's events: the bar under the pointer (or tap) is highlighted and read out; arrow
/// keys, Home and End step through the bars, Escape and blur clear the highlight.
struct BarHandlers {
    onpointermove: Callback<PointerEvent>,
    onpointerdown: Callback<PointerEvent>,
    onpointerleave: Callback<PointerEvent>,
    onkeydown: Callback<KeyboardEvent>,
    onblur: Callback<FocusEvent>,
}

impl BarHandlers {
    fn new(
        highlight: &UseStateHandle<Option<usize>>,
        mapping: &std::rc::Rc<std::cell::RefCell<Option<Mapping>>>,
        n: usize,
    ) -> BarHandlers {
        let pick = {
            let (highlight, mapping) = (highlight.clone(), mapping.clone());
            move |e: &MouseEvent| {
                let dpr = canvas::device_pixel_ratio();
                let p = (
                    (f64::from(e.offset_x()) * dpr).round() as i32,
                    (f64::from(e.offset_y()) * dpr).round() as i32,
                );
                highlight.set(mapping.borrow().as_ref().and_then(|m| m.bar_at(p)));
            }
        };
        let clear = {
            let highlight = highlight.clone();
            Callback::from(move |()| highlight.set(None))
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
        let pick_move = pick.clone();
        BarHandlers {
            onpointermove: Callback::from(move |e: PointerEvent| pick_move(&e)),
            onpointerdown: Callback::from(move |e: PointerEvent| pick(&e)),
            onpointerleave: clear.reform(|_: PointerEvent| ()),
            onkeydown,
            onblur: clear.reform(|_: FocusEvent| ()),
        }
    }
}

/// The chart's data as a table, folded away (a `<table>` with its `<tbody>`).
fn data_table(spec: &ChartSpec, ui: &Ui, lang: Lang) -> Html {
    html! {
        <details class="chart-table">
            <summary>{ ui.chart_data_table().get(lang) }</summary>
            <table data-testid={format!("chart-table-{}", spec.id)}>
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
    }
}

/// The source of a chart (its first figure's).
fn chart_source(story: &Story, id: &str) -> String {
    story
        .charts
        .iter()
        .find(|c| c.id == id)
        .and_then(|c| {
            let figure = if c.kind == ChartKind::Bars {
                c.rows.first().map(|r| r.figure.as_str())
            } else {
                Some(c.figure.as_str())
            };
            figure.and_then(|id| story.figures.iter().find(|f| f.id == id))
        })
        .map(|f| f.source.clone())
        .unwrap_or_default()
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
    let mapping = canvas::use_canvas_paint(canvas.clone(), spec.clone(), width, dark, *highlight);

    let Some(spec) = spec.as_ref().as_ref() else {
        return html! {};
    };
    let BarHandlers {
        onpointermove,
        onpointerdown,
        onpointerleave,
        onkeydown,
        onblur,
    } = BarHandlers::new(&highlight, &mapping, spec.bars.len());
    let onsave = {
        let spec = spec.clone();
        let name = format!("changhe-{}-{}.png", spec.id, lang.code());
        let dark = props.dark;
        Callback::from(move |_: MouseEvent| {
            let _ = canvas::save_png(&spec, width.unwrap_or(640.0).max(MIN_WIDTH), dark, &name);
        })
    };
    let ui = &story.ui;
    let source = chart_source(&story, &spec.id);
    let id = &spec.id;
    html! {
        <figure class="chart" data-testid={format!("chart-{id}")} id={format!("chart-{id}")}>
            <figcaption class="chart-title" id={format!("chart-{id}-title")}>{ &spec.title }</figcaption>
            <div class="chart-frame" ref={frame}>
                <canvas ref={canvas} class="chart-canvas" role="img" tabindex="0"
                    aria-label={spec.alt.clone()} data-testid={format!("chart-canvas-{id}")}
                    {onpointermove} {onpointerdown} {onpointerleave} {onkeydown} {onblur}>
                    { &spec.alt }
                </canvas>
                <p class="chart-readout" aria-live="polite" data-testid={format!("chart-readout-{id}")}>
                    { readout(spec, *highlight, lang) }
                </p>
            </div>
            <p class="chart-note">
                { &spec.note }{ " " }
                <span class="source-line">{ ui.source_label().get(lang) }{ format::colon(lang) }{ format::short_source(&story, &source, lang) }</span>
            </p>
            <div class="chart-tools">
                <button type="button" class="chart-save" data-testid={format!("chart-save-{id}")} onclick={onsave}>
                    { ui.save_image().get(lang) }
                </button>
                { data_table(spec, ui, lang) }
            </div>
        </figure>
    }
}
