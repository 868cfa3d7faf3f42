//! Start-up in the browser: the panic hook and its readable fallback, reading the data blocks and
//! the URL, and mounting [`App`].

use crate::web::app::{App, AppProps};
use crate::web::state::Start;
use crate::web::url::{parse_hash, parse_query};
use std::rc::Rc;

/// Puts the page's text version (the `<noscript>` one, generated from the same story) in place
/// of the app, under the quiet note that the interactive graphic could not run: the page stays
/// readable when the data cannot be read or the code panics. `static/boot.js` does the same when
/// the wasm cannot start.
pub fn show_fallback() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(app) = document.get_element_by_id("app") {
        let text = document
            .query_selector("body noscript")
            .ok()
            .flatten()
            .and_then(|n| n.text_content())
            .unwrap_or_default();
        app.set_inner_html(&text);
        let _ = app.remove_attribute("data-live");
    }
    if let Some(note) = document.get_element_by_id("boot-failed") {
        let _ = note.remove_attribute("hidden");
    }
}

/// Installs the panic hook, reads the data and the URL, and mounts [`App`] on `#app`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("changhe: {info}").into());
        show_fallback();
    }));
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    // The data travel as text blocks in index.html (see `crate::story::data` and `wire`).
    let block = |id: &str| {
        window
            .document()
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    let story = match crate::story::data::story_from_text(&block(crate::story::data::STORY_BLOCK)) {
        Ok(story) => Rc::new(story),
        Err(e) => {
            web_sys::console::error_1(&format!("changhe: story data: {e}").into());
            show_fallback();
            return;
        }
    };
    let map = match crate::story::data::map_from_text(&block(crate::story::data::MAP_BLOCK)) {
        Ok(map) => Rc::new(map),
        Err(e) => {
            web_sys::console::error_1(&format!("changhe: {e}").into());
            show_fallback();
            return;
        }
    };
    let location = window.location();
    let options = parse_query(&location.search().unwrap_or_default());
    let start = match parse_hash(&location.hash().unwrap_or_default()) {
        Some(id) if story.milestones.iter().any(|m| m.id == id) => Start::Milestone(id),
        _ if options.start_latest => Start::Latest,
        _ => Start::Beginning,
    };
    crate::web::document::apply_page_options(&options);
    root.set_inner_html("");
    let props = AppProps {
        story,
        map,
        options,
        start,
    };
    // A contract for checks (and boot.js): the wasm app runs.
    let _ = root.set_attribute("data-live", "");
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}
