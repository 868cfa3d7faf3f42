//! Whether an element has come into view.

use yew::prelude::*;

/// Whether the element behind `node` has come into view (a quarter of it visible) at least once,
/// watched with an `IntersectionObserver` that disconnects after the first sighting. True at once
/// where the browser has no such observer, and natively.
#[hook]
pub fn use_seen(node: NodeRef) -> bool {
    let seen = use_state_eq(|| cfg!(not(target_arch = "wasm32")));
    {
        let setter = seen.setter();
        let already = *seen;
        use_effect_with(node, move |node| {
            let stop = (!already).then(|| observe_seen(node, setter));
            move || {
                if let Some(stop) = stop {
                    stop();
                }
            }
        });
    }
    *seen
}

#[cfg(target_arch = "wasm32")]
fn observe_seen(node: &NodeRef, setter: UseStateSetter<bool>) -> impl FnOnce() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let mut observer: Option<web_sys::IntersectionObserver> = None;
    let mut callback = None;
    if let Some(element) = node.cast::<web_sys::Element>() {
        let on_change = {
            let setter = setter.clone();
            Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
                move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                    let visible = entries.iter().any(|e| {
                        e.dyn_into::<web_sys::IntersectionObserverEntry>()
                            .is_ok_and(|e| e.is_intersecting())
                    });
                    if visible {
                        setter.set(true);
                        observer.disconnect();
                    }
                },
            )
        };
        let options = web_sys::IntersectionObserverInit::new();
        options.set_threshold(&wasm_bindgen::JsValue::from_f64(0.25));
        match web_sys::IntersectionObserver::new_with_options(
            on_change.as_ref().unchecked_ref(),
            &options,
        ) {
            Ok(o) => {
                o.observe(&element);
                observer = Some(o);
            }
            Err(_) => setter.set(true),
        }
        callback = Some(on_change);
    } else {
        setter.set(true);
    }
    move || {
        if let Some(o) = observer {
            o.disconnect();
        }
        drop(callback);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn observe_seen(_node: &NodeRef, _setter: UseStateSetter<bool>) -> impl FnOnce() {
    || ()
}
