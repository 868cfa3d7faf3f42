//! One `ResizeObserver` wrapper for every element the graphic watches (an element's width for the
//! map, charts and timeline; the whole graphic's height for an embed's host).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls its callback with the element's content width (CSS px) whenever the element is resized;
/// disconnects when dropped.
pub struct ResizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl ResizeWatch {
    /// Starts watching `element`; `None` where the browser has no `ResizeObserver`.
    pub fn new(
        element: &web_sys::Element,
        mut on_resize: impl FnMut(f64) + 'static,
    ) -> Option<ResizeWatch> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
                on_resize(entry.content_rect().width());
            }
        });
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(element);
        Some(ResizeWatch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for ResizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
