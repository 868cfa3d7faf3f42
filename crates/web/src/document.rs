//! Side effects on the page around the graphic: `<html>`'s theme, classes and language, the
//! document title, and the URL's milestone hash (with `replaceState`).

use crate::url::{hash_for, UrlOptions};
use story::model::Lang;

/// Sets what the URL fixes for the whole visit on `<html>`: `data-theme` (none for auto), and the
/// `is-embed` and `is-transparent` classes the style sheet keys on.
pub fn apply_page_options(options: &UrlOptions) {
    let Some(root) = crate::browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    if let Some(theme) = options.theme.attribute() {
        let _ = root.set_attribute("data-theme", theme);
    }
    let classes = root.class_list();
    if options.embed {
        let _ = classes.add_1("is-embed");
    }
    if options.transparent {
        let _ = classes.add_1("is-transparent");
    }
}

/// Writes the current milestone into the URL hash with `replaceState` (no history entries).
pub fn sync_hash(id: &str) {
    let Some(window) = crate::browser::window() else {
        return;
    };
    let location = window.location();
    let wanted = hash_for(id);
    if location.hash().unwrap_or_default() == wanted {
        return;
    }
    let url = format!(
        "{}{}{wanted}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The language of the page (`<html lang>`, set at build time): English for `en…`, else Chinese.
pub fn page_lang() -> Lang {
    let lang = crate::browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("lang"))
        .unwrap_or_default();
    if lang.starts_with("en") {
        Lang::En
    } else {
        Lang::Zh
    }
}

/// Calls `on_milestone` with the milestone id of `#m=<id>` whenever the address's hash changes
/// after load (an in-article link, Back or Forward); the listener goes when the handle is dropped.
/// `sync_hash` writes with `replaceState`, which fires no `hashchange`.
pub fn watch_hash(on_milestone: yew::Callback<String>) -> Option<gloo_events::EventListener> {
    let window = crate::browser::window()?;
    let target = window.clone();
    Some(gloo_events::EventListener::new(
        &target,
        "hashchange",
        move |_| {
            let hash = window.location().hash().unwrap_or_default();
            if let Some(id) = crate::url::parse_hash(&hash) {
                on_milestone.emit(id);
            }
        },
    ))
}

/// Calls `on_outside` on every click whose target is not inside an element matching `selector`;
/// the listener goes when the handle is dropped.
pub fn on_click_outside(
    selector: &'static str,
    on_outside: impl Fn() + 'static,
) -> Option<gloo_events::EventListener> {
    use wasm_bindgen::JsCast;
    let document = crate::browser::window()?.document()?;
    Some(gloo_events::EventListener::new(
        &document,
        "click",
        move |e| {
            let inside = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|t| t.closest(selector).ok().flatten().is_some());
            if !inside {
                on_outside();
            }
        },
    ))
}

/// Points the kept head's language switch at the other page, with the visit's options and the
/// milestone being read.
pub fn set_switch_href(href: &str) {
    let link = crate::browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-testid=lang-switch]").ok().flatten());
    if let Some(link) = link {
        let _ = link.set_attribute("href", href);
    }
}

/// Marks `#app` as live (`data-live`): a contract for checks, and what `static/boot.js` looks for.
pub fn mark_live() {
    let app = crate::browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    if let Some(app) = app {
        let _ = app.set_attribute("data-live", "");
    }
}

/// Removes what is left of the prerendered graphic after the live app's box (the figures and the
/// foot, which stay on screen while the app's first part takes over; see `crate::start`).
pub fn drop_prerendered_rest() {
    let mount = crate::browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".graphic-live").ok().flatten());
    let Some(mount) = mount else {
        return;
    };
    let Some(parent) = mount.parent_node() else {
        return;
    };
    while let Some(next) = mount.next_sibling() {
        if parent.remove_child(&next).is_err() {
            return;
        }
    }
}
