//! Scrollytelling: the milestone whose card the reader scrolls to the reading line becomes
//! current, and a card the reader asks for (a button, a key, a link) is brought to that line.
//!
//! The line lies just below the sticky map where the map sits above the cards (phones), and at
//! [`SIDE_LINE`] of the viewport where it sits beside them. One `IntersectionObserver` watches a
//! two-pixel band at the line: no scroll handler runs while the reader scrolls. Its root is the
//! document, so the band holds inside a frame too (a cross-origin frame's implicit root ignores
//! `rootMargin`): embedded, the frame's document scrolls in step with the host page
//! (`static/frame.js`); in a frame that never scrolls, nothing reaches the line.

use render::breakpoints::STATIC_BELOW_PX;
use yew::prelude::*;

/// Where the reading line lies (a fraction of the viewport's height) when the map is beside the
/// cards.
pub const SIDE_LINE: f64 = 0.45;
/// How far below the sticky map the line lies when the map is above the cards (CSS px).
pub const BELOW_MAP_PX: f64 = 32.0;
/// How far above the line a card's top is put when it is brought there (CSS px).
pub const CARD_ABOVE_LINE_PX: f64 = 8.0;

/// Calls `on_reach` with a milestone id each time the reader's scrolling brings
/// that milestone's item (an element with `data-milestone` in `list`) to the reading line.
/// The observer's first report (where things are at load, or after the list changed) is not a
/// reader's move and is ignored. It is rebuilt when `key` changes (the items or the width), and
/// when the viewport's height changes (its band is set in pixels of that height): a phone's
/// toolbar, or an embedded frame that takes the host's screen height once the host answers.
#[hook]
pub fn use_reading_line<K: PartialEq + 'static>(list: NodeRef, key: K, on_reach: Callback<String>) {
    use_effect_with(key, move |_| {
        let watch = Rebuilt::start(list, on_reach);
        move || {
            drop(watch);
        }
    });
}

/// The observer, rebuilt on every change of the viewport's height.
struct Rebuilt {
    _watch: std::rc::Rc<std::cell::RefCell<Option<Watch>>>,
    _resize: Option<gloo_events::EventListener>,
}

impl Rebuilt {
    fn start(list: NodeRef, on_reach: Callback<String>) -> Rebuilt {
        let height = || {
            crate::browser::window()
                .and_then(|w| w.inner_height().ok())
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0)
        };
        let watch = std::rc::Rc::new(std::cell::RefCell::new(observe(&list, on_reach.clone())));
        let built_for = std::cell::Cell::new(height());
        let slot = watch.clone();
        let resize = crate::browser::window().map(|w| {
            gloo_events::EventListener::new(&w, "resize", move |_| {
                let now = height();
                if (now - built_for.replace(now)).abs() >= 1.0 {
                    let mut slot = slot.borrow_mut();
                    drop(slot.take());
                    *slot = observe(&list, on_reach.clone());
                }
            })
        });
        Rebuilt {
            _watch: watch,
            _resize: resize,
        }
    }
}

/// The reading line's distance from the viewport's top (CSS px).
pub fn line_px(window: &web_sys::Window) -> f64 {
    let vh = window
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(800.0);
    let find = |selector: &str| {
        window
            .document()
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .map(|e| e.get_bounding_client_rect())
    };
    match (find(".story-map"), find(".timeline-list")) {
        _ if vh <= STATIC_BELOW_PX => vh * 0.5,
        (Some(map), Some(list)) if map.right() <= list.left() + 1.0 => vh * SIDE_LINE,
        (Some(map), Some(_)) => (map.height() + BELOW_MAP_PX).max(vh * 0.3).min(vh * 0.75),
        _ => vh * 0.5,
    }
}

/// The observer and its callback, alive together.
struct Watch {
    observer: web_sys::IntersectionObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

fn observe(list: &NodeRef, on_reach: Callback<String>) -> Option<Watch> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let window = crate::browser::window()?;
    let list = list.cast::<web_sys::Element>()?;
    let vh = window.inner_height().ok()?.as_f64()?;
    let line = line_px(&window);
    let mut first = true;
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if std::mem::replace(&mut first, false) {
            return;
        }
        let reached = entries
            .iter()
            .filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            .filter(|e| e.is_intersecting())
            .filter_map(|e| e.target().get_attribute("data-milestone"))
            .next_back();
        if let Some(id) = reached {
            on_reach.emit(id);
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    let _ = js_sys::Reflect::set(&options, &"root".into(), &window.document()?.into());
    // Whole pixels written with integers (the browser build carries no float formatting).
    options.set_root_margin(&format!(
        "-{}px 0px -{}px 0px",
        story::format::fixed(line, 0),
        story::format::fixed((vh - line - 2.0).max(0.0), 0)
    ));
    let observer = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    )
    .ok()?;
    let items = list.query_selector_all("li[data-milestone]").ok()?;
    for i in 0..items.length() {
        if let Some(item) = items
            .get(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            observer.observe(&item);
        }
    }
    Some(Watch {
        observer,
        _callback: callback,
    })
}

/// Scrolls the page at once (no smooth scrolling that would pass other cards across the line) so
/// that the top of the element with id `id` sits just above the reading line.
pub fn bring_to_line(id: &str) {
    {
        let Some(window) = crate::browser::window() else {
            return;
        };
        let Some(item) = window.document().and_then(|d| d.get_element_by_id(id)) else {
            return;
        };
        let y = window.scroll_y().unwrap_or(0.0);
        let top = item.get_bounding_client_rect().top();
        let target = (y + top - line_px(&window) + CARD_ABOVE_LINE_PX).max(0.0);
        window.scroll_to_with_x_and_y(window.scroll_x().unwrap_or(0.0), target);
    }
}
