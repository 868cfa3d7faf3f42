//! An animation's clock on `requestAnimationFrame`.

use super::reduced_motion::prefers_reduced_motion;
use yew::prelude::*;

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
