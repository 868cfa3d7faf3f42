//! Browser tests for what only `wasm-bindgen-test` can do: one component mounted on its own, with
//! props that no URL produces, checked after `yew::scheduler::flush()`. The map lights a
//! milestone's regions and places while another region is selected; a chart's canvas is drawn at
//! the device pixel ratio after mount and again after its container is resized. Everything a reader
//! does on the whole page is tested end to end (tests/e2e/).
#![cfg(target_arch = "wasm32")]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::rc::Rc;
use story::model::{Lang, Shared};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web::state::Target;
use web_sys::Element;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

/// The story and map as the page carries them: the data blocks of index.html.
fn data() -> (Rc<story::model::Story>, Rc<story::map::MapData>) {
    let html = include_str!("../index.html");
    let story = story::data::data_block(html, story::data::STORY_BLOCK).unwrap();
    let map = story::data::data_block(html, story::data::MAP_BLOCK).unwrap();
    (
        Rc::new(story::data::story_from_text(story).unwrap()),
        Rc::new(story::data::map_from_text(map).unwrap()),
    )
}

/// A fresh element in the test page's body, `style` applied.
fn container(style: &str) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    root.set_attribute("style", style).unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

/// Polls `probe` every 50 ms (flushing Yew's scheduler) until it holds, for at most `timeout_ms`.
async fn until(timeout_ms: u32, what: &str, mut probe: impl FnMut() -> bool) {
    let mut waited = 0;
    loop {
        yew::scheduler::flush().await;
        if probe() {
            return;
        }
        assert!(waited < timeout_ms, "{what}: not within {timeout_ms} ms");
        gloo_timers::future::TimeoutFuture::new(50).await;
        waited += 50;
    }
}

#[wasm_bindgen_test]
async fn the_map_lights_a_milestone_beside_a_selection() {
    use web::components::map::{MapProps, MapView};
    let root = container("width: 900px");
    let (story, map) = data();
    let index = story
        .milestones
        .iter()
        .position(|m| m.id == "approval")
        .unwrap();
    let lit = &story.milestones[index];
    yew::Renderer::<MapView>::with_root_and_props(
        root.clone(),
        MapProps {
            story: Shared(story.clone()),
            map: Shared(map),
            lang: Lang::Zh,
            selected: Some(Target::Region("langxi".into())), // not lit
            on_toggle: Callback::noop(),
            lit_milestone: Some(index),
            finished: false,
            frame_px: None,
        },
    )
    .render();
    yew::scheduler::flush().await;
    for region in &story.regions {
        let Some(code) = &region.code else { continue };
        let classes = find(&root, &format!("[data-testid='region-{code}']")).class_list();
        let want = if lit.regions.contains(&region.id) {
            "is-lit"
        } else {
            "is-dimmed"
        };
        assert!(classes.contains(want), "{} should be {want}", region.id);
        assert_eq!(
            classes.contains("is-selected"),
            region.id == "langxi",
            "{}",
            region.id
        );
    }
    assert!(!lit.places.is_empty());
    for place in &lit.places {
        assert!(find(&root, &format!("[data-testid='place-{place}']"))
            .class_list()
            .contains("is-lit"));
    }
    root.remove();
}

fn inked_pixels(canvas: &web_sys::HtmlCanvasElement) -> usize {
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let data = ctx
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .unwrap()
        .data();
    data.chunks(4).filter(|px| px[3] > 0).count()
}

#[wasm_bindgen_test]
async fn a_chart_draws_after_mount_and_again_after_a_resize_and_its_table_is_the_data() {
    use web::components::chart::{ChartView, ChartViewProps};
    let root = container("width: 480px");
    let (story, _) = data();
    yew::Renderer::<ChartView>::with_root_and_props(
        root.clone(),
        ChartViewProps {
            story: Shared(story.clone()),
            chart: "growth".into(),
            lang: Lang::Zh,
            dark: false,
        },
    )
    .render();
    yew::scheduler::flush().await;
    let canvas: web_sys::HtmlCanvasElement = find(&root, "canvas").dyn_into().unwrap();
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    // The canvas fills its frame (the test page has no style sheet: <figure> keeps its margins).
    let frame = find(&root, ".chart-frame");
    let frame_width = || f64::from(frame.client_width());
    until(2000, "drawn at the frame's width", || {
        f64::from(canvas.width()) == (frame_width() * dpr).round() && inked_pixels(&canvas) > 1000
    })
    .await;
    let first = inked_pixels(&canvas);
    assert!(first > 1000, "drawn after mount: {first} pixels");

    root.set_attribute("style", "width: 320px").unwrap();
    until(3000, "redrawn at the new width", || {
        frame_width() < 300.0 && f64::from(canvas.width()) == (frame_width() * dpr).round()
    })
    .await;
    let second = inked_pixels(&canvas);
    assert!(
        second > 1000,
        "drawn again after the resize: {second} pixels"
    );

    // The data table lists every row with the value as the card formats it.
    let chart = story.charts.iter().find(|c| c.id == "growth").unwrap();
    let spec = render::chart::spec(&story, chart, Lang::Zh).unwrap();
    let rows = root
        .query_selector_all("[data-testid='chart-table-growth'] tbody tr")
        .unwrap();
    assert_eq!(rows.length() as usize, chart.rows.len());
    for (i, bar) in spec.bars.iter().enumerate() {
        let row: Element = rows.item(i as u32).unwrap().dyn_into().unwrap();
        assert_eq!(find(&row, "th").text_content().unwrap(), bar.label);
        assert_eq!(find(&row, "td").text_content().unwrap(), bar.text);
        let f = story
            .figures
            .iter()
            .find(|f| f.id == chart.rows[i].figure)
            .unwrap();
        assert!(bar
            .text
            .contains(&story::format::decimal(f.value.headline())));
    }
    // The canvas names every value for screen readers.
    let label = canvas.get_attribute("aria-label").unwrap();
    assert!(
        label.contains("超过32%") && label.contains("24.5%"),
        "{label}"
    );
    root.remove();
}
