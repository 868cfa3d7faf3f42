//! The app taking over the prerendered page in two tasks.

use crate::document;
use yew::prelude::*;

/// Whether the second part of the graphic (the figures and the foot) is live. Over the
/// prerendered page the app takes over in two tasks, so that no one task holds the reader's input
/// for the whole graphic: first the map and the milestones, then, in the next task, the figures
/// and the foot, whose prerendered copies stay on screen until then. Elsewhere all is live at
/// once. `#app` is marked live when both parts are.
#[hook]
pub fn use_staged_takeover(over_prerender: bool) -> bool {
    let live = use_state_eq(|| !over_prerender);
    {
        let live = live.clone();
        use_effect_with((), move |()| {
            let timer = (!*live).then(|| {
                gloo_timers::callback::Timeout::new(0, move || {
                    document::drop_prerendered_rest();
                    live.set(true);
                })
            });
            move || drop(timer)
        });
    }
    use_effect_with(*live, |&live| {
        if live {
            document::mark_live();
        }
    });
    *live
}
