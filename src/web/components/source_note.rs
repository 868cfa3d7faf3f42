//! The source line of a figure or chart, folded away until asked for.

use crate::story::format;
use crate::story::model::{Lang, Story};
use yew::prelude::*;

/// The source of a figure or chart, folded away until asked for.
pub fn source_note(story: &Story, source: &str, lang: Lang, derived: bool) -> Html {
    let ui = &story.ui;
    let name = format::source_names(story, &[source], lang);
    let colon = format::colon(lang);
    html! {
        <details class="source-note">
            <summary>{ ui.source_label().get(lang) }</summary>
            <p>
                if derived { { ui.derived().get(lang) }{ colon } }
                { name }
            </p>
        </details>
    }
}
