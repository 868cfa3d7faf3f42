//! The graphic in another page's iframe: messages to the host (its height, the current
//! milestone's hash). `static/embed.js` on the host checks their origin and shape.

use wasm_bindgen::JsValue;

/// Posts `{ <key>: value, "id": frame id }` to the embedding page, if there is one. The message
/// carries only the graphic's height or its milestone hash, so any origin may read it; the host
/// script checks where it came from.
pub fn post_to_parent(key: &str, value: JsValue, frame_id: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &key.into(), &value);
    let _ = js_sys::Reflect::set(
        &message,
        &"id".into(),
        &frame_id.map_or(JsValue::NULL, JsValue::from),
    );
    let _ = parent.post_message(&message, "*");
}

/// In an embed, reports the content's height to the host page whenever it changes (and once at
/// the start), as `{ "changhe-height": px, "id": ... }`.
pub fn report_height(frame_id: Option<String>) -> impl FnOnce() {
    let document = web_sys::window().and_then(|w| w.document());
    let target = document.as_ref().and_then(|d| d.get_element_by_id("app"));
    let send = move || {
        let height = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("app"))
            .map(|app| {
                let rect = app.get_bounding_client_rect();
                let scroll = web_sys::window()
                    .and_then(|w| w.scroll_y().ok())
                    .unwrap_or(0.0);
                (rect.bottom() + scroll).ceil()
            });
        if let Some(h) = height {
            post_to_parent("changhe-height", JsValue::from_f64(h), frame_id.as_deref());
        }
    };
    send();
    let watch =
        target.and_then(|t| crate::web::hooks::resize::ResizeWatch::new(&t, move |_| send()));
    move || drop(watch)
}
