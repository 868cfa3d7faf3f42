//! The graphic in another page's iframe: the current milestone's hash, for the host to mirror into
//! its address. `static/frame.js` speaks the rest of the protocol (the height, the host's
//! viewport) without the wasm; `static/embed.js` on the host checks origin and shape.

use wasm_bindgen::JsValue;

/// Posts `{ <key>: value, "id": frame id }` to the embedding page, if there is one. The message
/// carries only the graphic's height or its milestone hash, so any origin may read it; the host
/// script checks where it came from.
pub fn post_to_parent(key: &str, value: JsValue, frame_id: Option<&str>) {
    let Some(window) = crate::browser::window() else {
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
