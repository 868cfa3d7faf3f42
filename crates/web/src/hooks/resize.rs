//! One `ResizeObserver` wrapper for every element the graphic watches (an element's width for the
//! map, charts and timeline; the whole graphic's height for an embed's host).
//!
//! The callback runs in the next animation frame, not inside the observer's delivery: a re-render
//! it causes (a new width redraws the map) changes the watched element's height, and a change made
//! while the observer delivers is reported as an error ("ResizeObserver loop completed with
//! undelivered notifications", an `error` event Firefox and WebKit show to the page and to host
//! error trackers). Several resizes in one frame make one call, with the last width.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls its callback with the element's content width (CSS px) after the element is resized, in
/// the following animation frame; disconnects (and cancels a pending call) when dropped.
pub struct ResizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
    _frame: Rc<RefCell<Option<Frame>>>,
}

type Frame = gloo_render::AnimationFrame;

/// The callback, and the last width seen with whether a frame is asked for to report it.
struct Pending {
    on_resize: RefCell<Box<dyn FnMut(f64)>>,
    width: Cell<f64>,
    asked: Cell<bool>,
}

impl ResizeWatch {
    /// Starts watching `element`; `None` where the browser has no `ResizeObserver`.
    pub fn new(
        element: &web_sys::Element,
        on_resize: impl FnMut(f64) + 'static,
    ) -> Option<ResizeWatch> {
        ResizeWatch::boxed(element, Box::new(on_resize))
    }

    // One body for every caller (no copy per callback type in the wasm).
    fn boxed(element: &web_sys::Element, on_resize: Box<dyn FnMut(f64)>) -> Option<ResizeWatch> {
        let pending = Rc::new(Pending {
            on_resize: RefCell::new(on_resize),
            width: Cell::new(0.0),
            asked: Cell::new(false),
        });
        let frame: Rc<RefCell<Option<Frame>>> = Rc::new(RefCell::new(None));
        let slot = Rc::clone(&frame);
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else {
                return;
            };
            pending.width.set(entry.content_rect().width());
            if pending.asked.replace(true) {
                return;
            }
            // The handle of a frame that has run is replaced here, never inside its own call.
            if let Ok(mut slot) = slot.try_borrow_mut() {
                *slot = Some(next_frame(Rc::clone(&pending)));
            }
        });
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(element);
        Some(ResizeWatch {
            observer,
            _callback: callback,
            _frame: frame,
        })
    }
}

fn report(pending: &Pending) {
    pending.asked.set(false);
    if let Ok(mut on_resize) = pending.on_resize.try_borrow_mut() {
        on_resize(pending.width.get());
    }
}

fn next_frame(pending: Rc<Pending>) -> Frame {
    gloo_render::request_animation_frame(move |_| report(&pending))
}

impl Drop for ResizeWatch {
    fn drop(&mut self) {
        // The pending frame, if any, is cancelled when its handle (`_frame`) drops after this.
        self.observer.disconnect();
    }
}
