//! A click or tap outside an area, while something there is open.

use crate::document;
use yew::prelude::*;

/// While `active`, calls `on_outside` for every click whose target is outside the elements that
/// match `selector` (the sticky map area: the map, its controls and the sheet).
#[hook]
pub fn use_click_outside(selector: &'static str, active: bool, on_outside: Callback<()>) {
    use_effect_with(active, move |&active| {
        let listener = active
            .then(|| document::on_click_outside(selector, move || on_outside.emit(())))
            .flatten();
        move || drop(listener)
    });
}
