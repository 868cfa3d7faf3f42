//! A step timer for the timeline's play mode.

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
