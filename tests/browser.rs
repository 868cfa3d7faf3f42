//! Browser tests: mount the app in headless Chromium, count the regions, select one with a click
//! and with the keyboard, and clear it with Escape.
#![cfg(target_arch = "wasm32")]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use changhe::web::app::{App, AppProps};
use changhe::web::state::Start;
use changhe::web::url::UrlOptions;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, KeyboardEvent, KeyboardEventInit, MouseEvent, MouseEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// The story and map as the page carries them: the data blocks of index.html.
fn data() -> (
    Rc<changhe::story::model::Story>,
    Rc<changhe::story::map::MapData>,
) {
    let html = include_str!("../index.html");
    let story = changhe::story::data::data_block(html, changhe::story::data::STORY_BLOCK).unwrap();
    let map = changhe::story::data::data_block(html, changhe::story::data::MAP_BLOCK).unwrap();
    (
        Rc::new(changhe::story::data::story_from_text(story).unwrap()),
        Rc::new(changhe::story::data::map_from_text(map).unwrap()),
    )
}

async fn mount(options: UrlOptions) -> Element {
    mount_at(options, Start::Beginning, false).await
}

async fn mount_at(options: UrlOptions, start: Start, autoplay: bool) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let (story, map) = data();
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            story,
            map,
            options,
            start,
            autoplay,
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn click(el: &Element) {
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    let event = MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    el.dispatch_event(&event).unwrap();
}

fn mouse(el: &Element, kind: &str) {
    let init = MouseEventInit::new();
    // Yew listens at the root; a synthetic event has to bubble to reach it.
    init.set_bubbles(true);
    let event = MouseEvent::new_with_mouse_event_init_dict(kind, &init).unwrap();
    el.dispatch_event(&event).unwrap();
}

fn key(el: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_bubbles(true);
    init.set_key(key);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(event.unchecked_ref()).unwrap();
}

#[wasm_bindgen_test]
async fn the_map_has_seven_regions_and_a_click_selects_one() {
    let root = mount(UrlOptions::default()).await;
    let regions = root.query_selector_all("[data-testid^='region-']").unwrap();
    // Six county paths, the base marker, and the detail panel (region-detail).
    let mut ids = vec![];
    for i in 0..regions.length() {
        let el: Element = regions.item(i).unwrap().dyn_into().unwrap();
        ids.push(el.get_attribute("data-testid").unwrap());
    }
    ids.retain(|id| id != "region-detail");
    ids.sort();
    assert_eq!(
        ids,
        [
            "region-320282",
            "region-320481",
            "region-330522",
            "region-330523",
            "region-341821",
            "region-341882",
            "region-base"
        ]
    );

    let anji = find(&root, "[data-testid='region-330523']");
    assert_eq!(anji.get_attribute("aria-pressed").as_deref(), Some("false"));
    click(&anji);
    yew::scheduler::flush().await;
    let anji = find(&root, "[data-testid='region-330523']");
    assert!(anji.class_list().contains("is-selected"));
    assert_eq!(anji.get_attribute("aria-pressed").as_deref(), Some("true"));
    let detail = find(&root, "[data-testid='region-detail']");
    assert!(
        detail.text_content().unwrap().contains("安吉县"),
        "{:?}",
        detail.text_content()
    );

    // Escape on the map clears the selection.
    key(&anji, "Escape");
    yew::scheduler::flush().await;
    assert!(!find(&root, "[data-testid='region-330523']")
        .class_list()
        .contains("is-selected"));
    root.remove();
}

#[wasm_bindgen_test]
async fn enter_selects_the_base_and_english_follows_the_url() {
    let root = mount(UrlOptions {
        lang: changhe::story::model::Lang::En,
        ..UrlOptions::default()
    })
    .await;
    let base = find(&root, "[data-testid='region-base']");
    key(&base, "Enter");
    yew::scheduler::flush().await;
    let detail = find(&root, "[data-testid='region-detail']");
    assert!(detail.text_content().unwrap().contains("Baimaoling Farm"));
    assert!(find(&root, "h1")
        .text_content()
        .unwrap()
        .contains("Four years"));
    root.remove();
}

#[wasm_bindgen_test]
async fn hovering_a_county_shows_its_tooltip() {
    let root = mount(UrlOptions::default()).await;
    assert!(root
        .query_selector("[data-testid='map-tooltip']")
        .unwrap()
        .is_none());
    let yixing = find(&root, "[data-testid='region-320282']");
    mouse(&yixing, "mouseenter");
    yew::scheduler::flush().await;
    let tip = find(&root, "[data-testid='map-tooltip']");
    let text = tip.text_content().unwrap();
    assert!(
        text.contains("宜兴市") && text.contains("Yixing") && text.contains("江苏"),
        "{text}"
    );
    // Leaving is checked end to end with a real pointer (tests/e2e/map.test.mjs): a synthetic
    // mouseleave does not reach Yew's root listener here.
    root.remove();
}

#[wasm_bindgen_test]
async fn a_town_marker_selects_with_space_and_the_close_button_clears() {
    let root = mount(UrlOptions::default()).await;
    let sian = find(&root, "[data-testid='place-sian']");
    key(&sian, " ");
    yew::scheduler::flush().await;
    assert_eq!(
        find(&root, "[data-testid='place-sian']")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    let detail = find(&root, "[data-testid='region-detail']")
        .text_content()
        .unwrap();
    assert!(
        detail.contains("泗安镇") && detail.contains("近似位置"),
        "{detail}"
    );
    click(&find(&root, "[data-testid='detail-close']"));
    yew::scheduler::flush().await;
    assert_eq!(
        find(&root, "[data-testid='place-sian']")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("false")
    );
    root.remove();
}

fn current(root: &Element) -> String {
    find(root, "[data-testid='timeline-card']")
        .get_attribute("data-milestone")
        .unwrap()
}

#[wasm_bindgen_test]
async fn arrow_keys_step_the_timeline_only_while_it_has_focus() {
    let root = mount(UrlOptions::default()).await;
    assert_eq!(current(&root), "idea-2018");
    // A key pressed elsewhere on the page does nothing.
    key(&find(&root, "h1"), "ArrowRight");
    yew::scheduler::flush().await;
    assert_eq!(current(&root), "idea-2018");
    let track = find(&root, "[data-testid='timeline-track']");
    key(&track, "ArrowRight");
    yew::scheduler::flush().await;
    assert_eq!(current(&root), "xuancheng-proposal-2020");
    key(&track, "End");
    yew::scheduler::flush().await;
    assert_eq!(current(&root), "fourth-anniversary");
    assert!(find(&root, "[data-testid='period-figures']")
        .text_content()
        .unwrap()
        .contains("2025"));
    key(&track, "Home");
    yew::scheduler::flush().await;
    assert_eq!(current(&root), "idea-2018");
    root.remove();
}

#[wasm_bindgen_test]
async fn play_advances_and_the_map_lights_the_milestones_regions() {
    let root = mount_at(
        UrlOptions::default(),
        Start::Milestone("anji-green-summit".into()),
        false,
    )
    .await;
    let anji = find(&root, "[data-testid='region-330523']");
    assert!(anji.class_list().contains("is-lit"));
    assert!(find(&root, "[data-testid='region-341821']")
        .class_list()
        .contains("is-dimmed"));
    click(&find(&root, "[data-testid='timeline-play']"));
    yew::scheduler::flush().await;
    // Playing: the button now pauses; one step of autoplay takes STEP_MS, so wait for it.
    assert_eq!(
        find(&root, "[data-testid='timeline-play']")
            .get_attribute("aria-label")
            .as_deref(),
        Some("暂停")
    );
    gloo_timers::future::TimeoutFuture::new(changhe::web::components::timeline::STEP_MS + 300)
        .await;
    yew::scheduler::flush().await;
    assert_eq!(current(&root), "langxi-service-centre");
    assert!(find(&root, "[data-testid='region-341821']")
        .class_list()
        .contains("is-lit"));
    assert!(find(&root, "[data-testid='region-330523']")
        .class_list()
        .contains("is-dimmed"));
    root.remove();
}

async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_counter_rolls_up_once_in_view_and_ends_exactly_on_the_datas_value() {
    let root = mount(UrlOptions::default()).await;
    let card = find(&root, "[data-testid='figure-zone-area']");
    let shown = || find(&card, ".counter-visual .num").text_content().unwrap();
    // Far below the first screen: not seen yet, so still at zero (the final value is there for
    // screen readers all along).
    assert_eq!(shown(), "0.0");
    assert!(find(&card, ".visually-hidden")
        .text_content()
        .unwrap()
        .contains("86.9平方公里"));
    card.scroll_into_view();
    sleep(300).await;
    let midway: f64 = shown().parse().unwrap();
    assert!(midway < 86.9, "still rolling at 300 ms: {midway}");
    sleep(changhe::render::anim::COUNTER_MS as u32 + 300).await;
    assert_eq!(shown(), "86.9");
    assert_eq!(
        find(&card, ".counter-visual")
            .get_attribute("data-done")
            .as_deref(),
        Some("true")
    );
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
    use changhe::story::model::{Lang, Shared};
    use changhe::web::components::chart::{ChartView, ChartViewProps};
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    root.set_attribute("style", "width: 480px").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
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
    sleep(300).await;
    let canvas: web_sys::HtmlCanvasElement = find(&root, "canvas").dyn_into().unwrap();
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    // The canvas fills its frame (the test page has no style sheet: <figure> keeps its margins).
    let frame = find(&root, ".chart-frame");
    let frame_width = || f64::from(frame.client_width());
    assert_eq!(f64::from(canvas.width()), (frame_width() * dpr).round());
    let first = inked_pixels(&canvas);
    assert!(first > 1000, "drawn after mount: {first} pixels");

    root.set_attribute("style", "width: 320px").unwrap();
    sleep(changhe::web::components::chart::canvas::RESIZE_DEBOUNCE_MS + 400).await;
    assert!(frame_width() < 300.0);
    assert_eq!(f64::from(canvas.width()), (frame_width() * dpr).round());
    let second = inked_pixels(&canvas);
    assert!(
        second > 1000,
        "drawn again after the resize: {second} pixels"
    );

    // The data table lists every row with the value as the card formats it.
    let chart = story.charts.iter().find(|c| c.id == "growth").unwrap();
    let spec = changhe::render::chart::spec(&story, chart, Lang::Zh).unwrap();
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
            .contains(&changhe::story::format::decimal(f.value.headline())));
    }
    // The canvas names every value for screen readers.
    let label = canvas.get_attribute("aria-label").unwrap();
    assert!(
        label.contains("超过32%") && label.contains("24.5%"),
        "{label}"
    );
    root.remove();
}
