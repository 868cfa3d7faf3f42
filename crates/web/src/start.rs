//! Start-up in the browser: the panic hook and its readable fallback, reading the data blocks and
//! the URL, and mounting [`App`].

use crate::app::{App, AppProps};
use crate::first_frame::FirstFrame;
use crate::state::Start;
use crate::url::{parse_hash, parse_query, UrlOptions};
use std::rc::Rc;

/// When the app cannot run (the data cannot be read, or the code panics), the prerendered graphic
/// stays as it is, static and readable, and the quiet note says that the interactive parts could
/// not start. `static/boot.js` does the same when the wasm cannot start.
pub fn show_fallback() {
    let Some(document) = crate::browser::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(app) = document.get_element_by_id("app") {
        let _ = app.remove_attribute("data-live");
        let _ = app.class_list().add_1("is-static");
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
    let Some(window) = crate::browser::window() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    // The data travel as text blocks in index.html (see `story::data` and `wire`).
    let block = |id: &str| {
        window
            .document()
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    let story = match story::data::story_from_text(&block(story::data::STORY_BLOCK)) {
        Ok(story) => Rc::new(story),
        Err(e) => {
            web_sys::console::error_1(&format!("changhe: story data: {e}").into());
            show_fallback();
            return;
        }
    };
    let map = match story::data::map_from_text(&block(story::data::MAP_BLOCK)) {
        Ok(map) => Rc::new(map),
        Err(e) => {
            web_sys::console::error_1(&format!("changhe: {e}").into());
            show_fallback();
            return;
        }
    };
    let location = window.location();
    // The page's language is the page (index.html or en/index.html), not a query key.
    let options = UrlOptions {
        lang: crate::document::page_lang(),
        ..parse_query(&location.search().unwrap_or_default())
    };
    let start = match parse_hash(&location.hash().unwrap_or_default()) {
        Some(id) if story.milestones.iter().any(|m| m.id == id) => Start::Milestone(id),
        _ if options.start_latest => Start::Latest,
        _ => Start::Beginning,
    };
    crate::document::apply_page_options(&options);
    // Mounted over the prerendered graphic (not hydrated: the URL's options and hash can make the
    // first live frame differ from the build's, see ARCHITECTURE.md). The map the reader already
    // sees stays finished rather than playing its entrance again.
    let graphic = root.query_selector("[data-testid=graphic]").ok().flatten();
    let prerendered = graphic.is_some();
    let _ = root.class_list().remove_1("is-static");
    // Over a prerendered page the build's head stays where it is (the largest paint is never
    // replaced) and the app takes the place of everything after it, in a `display: contents`
    // box, so the layout is the build's.
    let mount = match graphic.and_then(|g| keep_head(&g)) {
        Some(mount) => mount,
        None => {
            root.set_inner_html("");
            root.clone()
        }
    };
    let props = AppProps {
        story,
        map,
        options,
        start,
        first_frame: if prerendered {
            FirstFrame::OverPrerender
        } else {
            FirstFrame::Animated
        },
    };
    // `#app` gets `data-live` once the whole app runs (`document::mark_live`, from the app).
    yew::Renderer::<App>::with_root_and_props(mount, props).render();
}

/// Removes the prerendered map and milestones (everything between the head and the figures), and
/// returns the empty box the app mounts in, in their place; `None` (and nothing removed) when the
/// page has no head to keep. The prerendered figures and foot stay after the box until the app
/// renders its own, in the next task (`FirstFrame::OverPrerender`, `document::drop_prerendered_rest`).
fn keep_head(graphic: &web_sys::Element) -> Option<web_sys::Element> {
    let head = graphic
        .query_selector(":scope > header.head")
        .ok()
        .flatten()?;
    let rest = graphic.query_selector(":scope > #figures").ok().flatten();
    let document = graphic.owner_document()?;
    let mount = document.create_element("div").ok()?;
    mount.set_class_name("graphic-live");
    while let Some(next) = head.next_sibling() {
        if rest
            .as_ref()
            .is_some_and(|rest| next.is_same_node(Some(rest)))
        {
            break;
        }
        graphic.remove_child(&next).ok()?;
    }
    match rest {
        Some(rest) => graphic.insert_before(&mount, Some(&rest)).ok()?,
        None => graphic.append_child(&mount).ok()?,
    };
    Some(mount)
}
