//! Hooks that touch the browser: element width, reduced-motion preference, and the map's entrance
//! playback. Natively (server-side rendering in tests) they return their final, static values.

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

#[cfg(target_arch = "wasm32")]
fn initial_width() -> Option<f64> {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .map(|w| (w - 28.0).max(280.0))
}

#[cfg(not(target_arch = "wasm32"))]
fn initial_width() -> Option<f64> {
    None
}

#[cfg(target_arch = "wasm32")]
fn observe_width(node: &NodeRef, width: UseStateHandle<Option<f64>>) -> impl FnOnce() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let mut observer = None;
    let mut callback = None;
    if let Some(element) = node.cast::<web_sys::Element>() {
        width.set(Some(f64::from(element.client_width()).round()));
        let setter = width.setter();
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
                setter.set(Some(entry.content_rect().width().round()));
            }
        });
        if let Ok(o) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            o.observe(&element);
            observer = Some(o);
        }
        callback = Some(on_resize);
    }
    move || {
        if let Some(o) = observer {
            o.disconnect();
        }
        drop(callback);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn observe_width(_node: &NodeRef, _width: UseStateHandle<Option<f64>>) -> impl FnOnce() {
    || ()
}

/// Whether the reader asked for reduced motion (`prefers-reduced-motion: reduce`); true natively.
pub fn prefers_reduced_motion() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| {
                w.match_media("(prefers-reduced-motion: reduce)")
                    .ok()
                    .flatten()
            })
            .is_some_and(|m| m.matches())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        true
    }
}

/// Milliseconds since an animation of `duration_ms` started, driven by `requestAnimationFrame`;
/// it starts when `run` first turns true and stays at 0 until then. Returns `f64::INFINITY` (the
/// final state) at once under reduced motion. Frames stop when the animation ends or the
/// component unmounts (the frame handle is dropped); while the tab is hidden the browser sends no
/// frames, and a step is capped at 50 ms, so the animation pauses there.
#[hook]
pub fn use_playback(duration_ms: f64, run: bool) -> f64 {
    let elapsed = use_state(|| {
        if prefers_reduced_motion() {
            f64::INFINITY
        } else {
            0.0
        }
    });
    {
        let setter = elapsed.setter();
        let start = *elapsed;
        use_effect_with(run, move |run| {
            let stop = (*run && start == 0.0).then(|| run_playback(duration_ms, setter));
            move || {
                if let Some(stop) = stop {
                    stop();
                }
            }
        });
    }
    *elapsed
}

#[cfg(target_arch = "wasm32")]
fn run_playback(duration_ms: f64, setter: UseStateSetter<f64>) -> impl FnOnce() {
    use gloo_render::{request_animation_frame, AnimationFrame};
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    struct Playback {
        elapsed: Cell<f64>,
        last: Cell<Option<f64>>,
        duration_ms: f64,
        setter: UseStateSetter<f64>,
        frame: RefCell<Option<AnimationFrame>>,
    }

    fn schedule(p: Rc<Playback>) {
        let next = p.clone();
        let frame = request_animation_frame(move |timestamp_ms| {
            let step = next
                .last
                .get()
                .map_or(0.0, |last| (timestamp_ms - last).clamp(0.0, 50.0));
            next.last.set(Some(timestamp_ms));
            let elapsed = next.elapsed.get() + step;
            next.elapsed.set(elapsed);
            if elapsed >= next.duration_ms {
                next.setter.set(f64::INFINITY);
            } else {
                next.setter.set(elapsed);
                schedule(next.clone());
            }
        });
        *p.frame.borrow_mut() = Some(frame);
    }

    let playback = Rc::new(Playback {
        elapsed: Cell::new(0.0),
        last: Cell::new(None),
        duration_ms,
        setter,
        frame: RefCell::new(None),
    });
    schedule(playback.clone());
    move || {
        playback.frame.borrow_mut().take();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run_playback(_duration_ms: f64, _setter: UseStateSetter<f64>) -> impl FnOnce() {
    || ()
}

/// While `playing`, calls `on_tick` once `step_ms` after each change of `current`; the pending
/// timeout is cancelled when either changes or the component unmounts. Natively it does nothing.
#[hook]
pub fn use_autoplay(playing: bool, current: usize, step_ms: u32, on_tick: Callback<()>) {
    use_effect_with((playing, current), move |&(playing, _)| {
        #[cfg(target_arch = "wasm32")]
        let timeout =
            playing.then(|| gloo_timers::callback::Timeout::new(step_ms, move || on_tick.emit(())));
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (playing, step_ms, on_tick);
        move || {
            #[cfg(target_arch = "wasm32")]
            drop(timeout);
        }
    });
}

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

/// Whether a media query matches, kept current through its `change` event (false natively).
#[hook]
pub fn use_media(query: &'static str) -> bool {
    let matches = use_state_eq(|| media_matches(query));
    {
        let setter = matches.setter();
        use_effect_with(query, move |query| watch_media(query, setter));
    }
    *matches
}

fn media_matches(query: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.match_media(query).ok().flatten())
            .is_some_and(|m| m.matches())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = query;
        false
    }
}

#[cfg(target_arch = "wasm32")]
fn watch_media(query: &str, setter: UseStateSetter<bool>) -> impl FnOnce() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let list = web_sys::window().and_then(|w| w.match_media(query).ok().flatten());
    let on_change = {
        let query = query.to_owned();
        Closure::<dyn FnMut()>::new(move || setter.set(media_matches(&query)))
    };
    if let Some(list) = &list {
        let _ = list.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    }
    move || {
        if let Some(list) = list {
            let _ = list
                .remove_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        }
        drop(on_change);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn watch_media(_query: &str, _setter: UseStateSetter<bool>) -> impl FnOnce() {
    || ()
}
