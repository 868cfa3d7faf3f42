//! The width of an element, kept current.

use yew::prelude::*;

/// The width in CSS pixels of the element behind `node`, kept current with a `ResizeObserver`.
/// Before the first measurement it is the window's inner width (close to it in an iframe or on a
/// phone); natively it is `None`.
#[hook]
pub fn use_element_width(node: NodeRef) -> Option<f64> {
    let width = use_state_eq(initial_width);
    {
        let width = width.clone();
        use_effect_with(node, move |node| observe_width(node, width));
    }
    *width
}

fn initial_width() -> Option<f64> {
    crate::browser::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .map(|w| (w - 28.0).max(280.0))
}

fn observe_width(node: &NodeRef, width: UseStateHandle<Option<f64>>) -> impl FnOnce() {
    let watch = node.cast::<web_sys::Element>().and_then(|element| {
        width.set(Some(f64::from(element.client_width()).round()));
        let setter = width.setter();
        super::resize::ResizeWatch::new(&element, move |w| setter.set(Some(w.round())))
    });
    move || drop(watch)
}
