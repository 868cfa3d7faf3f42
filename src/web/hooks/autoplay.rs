//! The timeline's play mode: a step timer, and a pause as soon as the reader scrolls.

use yew::prelude::*;

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

/// How far the page must move from where play started (CSS px) to count as the reader scrolling:
/// a scroll event still on its way from before the tap, or a small scroll anchoring, does not.
pub const SCROLL_PAUSE_PX: f64 = 48.0;

/// While `playing`, calls `on_scroll` once the page has scrolled more than [`SCROLL_PAUSE_PX`]
/// from where it was when play started (the reader has taken over, or the graphic is leaving the
/// viewport). The listener is passive and exists only while playing.
#[hook]
pub fn use_pause_on_scroll(playing: bool, on_scroll: Callback<()>) {
    use_effect_with(playing, move |&playing| {
        #[cfg(target_arch = "wasm32")]
        let listener = playing.then(web_sys::window).flatten().map(|w| {
            let start = w.scroll_y().unwrap_or(0.0);
            let window = w.clone();
            gloo_events::EventListener::new(&w, "scroll", move |_| {
                if (window.scroll_y().unwrap_or(start) - start).abs() > SCROLL_PAUSE_PX {
                    on_scroll.emit(());
                }
            })
        });
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (playing, on_scroll);
        move || {
            #[cfg(target_arch = "wasm32")]
            drop(listener);
        }
    });
}
