//! Whether a media query matches, kept current.

use yew::prelude::*;

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
    crate::browser::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

fn watch_media(query: &str, setter: UseStateSetter<bool>) -> impl FnOnce() {
    let list = crate::browser::window().and_then(|w| w.match_media(query).ok().flatten());
    let query = query.to_owned();
    // The listener is removed when the handle is dropped.
    let listener = list.map(|list| {
        gloo_events::EventListener::new(&list, "change", move |_| setter.set(media_matches(&query)))
    });
    move || drop(listener)
}
