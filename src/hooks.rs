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

/// Milliseconds since an animation of `duration_ms` started, driven by `requestAnimationFrame`.
/// Returns `f64::INFINITY` (the final state) at once under reduced motion. Frames stop when the
/// animation ends or the component unmounts (the frame handle is dropped); while the tab is hidden
/// the browser sends no frames, and a step is capped at 50 ms, so the animation pauses there.
#[hook]
pub fn use_playback(duration_ms: f64) -> f64 {
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
        use_effect_with((), move |_| run_playback(start, duration_ms, setter));
    }
    *elapsed
}

#[cfg(target_arch = "wasm32")]
fn run_playback(start: f64, duration_ms: f64, setter: UseStateSetter<f64>) -> impl FnOnce() {
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
    if start.is_finite() {
        schedule(playback.clone());
    }
    move || {
        playback.frame.borrow_mut().take();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run_playback(_start: f64, _duration_ms: f64, _setter: UseStateSetter<f64>) -> impl FnOnce() {
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
