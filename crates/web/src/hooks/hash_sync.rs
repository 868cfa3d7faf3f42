//! The address's `#m=<id>` and the current milestone, kept in step both ways.

use crate::state::{AppAction, AppState};
use crate::url::{hash_for, UrlOptions};
use crate::{document, embed};
use yew::prelude::*;

/// The hash follows the current milestone once it changes (not on load, so a plain URL stays
/// plain until the reader moves on), and an embedded frame tells its host, which mirrors it into
/// its own address. A hash set after load (an in-article link, Back, Forward) moves the timeline;
/// the reducer ignores unknown ids.
#[hook]
pub fn use_hash_sync(state: &UseReducerHandle<AppState>, options: &UrlOptions) {
    let first = use_mut_ref(|| true);
    let id = state.current_id().map(str::to_owned);
    let frame_id = options.embed.then(|| options.frame_id.clone());
    use_effect_with(id, move |id| {
        let first_run = std::mem::replace(&mut *first.borrow_mut(), false);
        if let (false, Some(id)) = (first_run, id) {
            document::sync_hash(id);
            if let Some(frame_id) = frame_id {
                embed::post_to_parent("changhe-hash", hash_for(id).into(), frame_id.as_deref());
            }
        }
    });
    let dispatch = state.dispatcher();
    use_effect_with((), move |()| {
        let listener = document::watch_hash(Callback::from(move |id| {
            dispatch.dispatch(AppAction::SelectMilestone(id))
        }));
        move || drop(listener)
    });
}
