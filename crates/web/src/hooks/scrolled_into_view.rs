//! Whether an element is being scrolled into view.

use yew::prelude::*;

/// Whether the element behind `node` is being scrolled into view: true from the first time a
/// quarter of it shows, if the page has scrolled since the hook started and the element's top is
/// inside the viewport, until less than a quarter of it shows again; false before and for good after. An
/// element on screen at load (or after a resize, as in a full-page screenshot), one scrolled past
/// between two frames, one reached by scrolling up, and every element where the browser has no
/// `IntersectionObserver` never turn true, so they show their final state at once. The observer
/// disconnects when the element is done with. Always false natively.
#[hook]
pub fn use_scrolled_into_view(node: NodeRef) -> bool {
    let entered = use_state_eq(|| false);
    {
        let setter = entered.setter();
        use_effect_with(node, move |node| {
            let stop = observe(node, setter);
            move || stop()
        });
    }
    *entered
}

fn observe(node: &NodeRef, setter: UseStateSetter<bool>) -> impl FnOnce() {
    use std::cell::Cell;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let scroll_y = || crate::browser::window().and_then(|w| w.scroll_y().ok());
    let start = scroll_y();
    let started = Cell::new(false);
    let mut observer: Option<web_sys::IntersectionObserver> = None;
    let mut callback = None;
    if let Some(element) = node.cast::<web_sys::Element>() {
        let on_change = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                let Some(entry) = entries
                    .iter()
                    .filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
                    .next_back()
                else {
                    return;
                };
                let in_view = entry.intersection_ratio() >= 0.25;
                if started.get() {
                    // (Mostly) out of view while counting: the final value, at once and for good.
                    if !in_view {
                        setter.set(false);
                        observer.disconnect();
                    }
                    return;
                }
                if !in_view {
                    return;
                }
                let from_below = entry.bounding_client_rect().top() > 0.0;
                if from_below && scroll_y() != start {
                    started.set(true);
                    setter.set(true);
                } else {
                    observer.disconnect();
                }
            },
        );
        let options = web_sys::IntersectionObserverInit::new();
        options.set_threshold(&wasm_bindgen::JsValue::from_f64(0.25));
        if let Ok(o) = web_sys::IntersectionObserver::new_with_options(
            on_change.as_ref().unchecked_ref(),
            &options,
        ) {
            o.observe(&element);
            observer = Some(o);
        }
        callback = Some(on_change);
    }
    move || {
        if let Some(o) = observer {
            o.disconnect();
        }
        drop(callback);
    }
}
