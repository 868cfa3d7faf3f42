//! The milestones as an ordered list (the timeline issue turns this into a playable axis).

use crate::format;
use crate::model::{Lang, Story};
use crate::state::Target;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Milestones`].
#[derive(Properties, PartialEq)]
pub struct MilestonesProps {
    /// The story.
    pub story: Rc<Story>,
    /// Current language.
    pub lang: Lang,
    /// The selected region or place, whose milestones are marked.
    pub selected: Option<Target>,
}

/// Every milestone in date order, with its date at its own precision and its sources.
#[component]
pub fn Milestones(props: &MilestonesProps) -> Html {
    let lang = props.lang;
    let story = &props.story;
    let source_name = |id: &str| {
        story
            .meta
            .sources
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.get(lang).to_owned())
    };
    html! {
        <section class="milestones" aria-labelledby="milestones-heading">
            <h2 id="milestones-heading" class="section-heading">{ story.ui.timeline_heading.get(lang) }</h2>
            <ol class="milestone-list">
                { for story.milestones.iter().map(|m| {
                    let marked = match &props.selected {
                        Some(Target::Region(r)) => m.regions.contains(r),
                        Some(Target::Place(p)) => m.places.contains(p),
                        None => false,
                    };
                    let sources: Vec<String> = m.sources.iter().filter_map(|s| source_name(s)).collect();
                    html! {
                        <li key={m.id.clone()} data-testid={format!("milestone-{}", m.id)}
                            class={classes!("milestone", format!("group-{}", m.group.key()), marked.then_some("is-marked"))}>
                            <time class="milestone-date" datetime={m.date.to_string()}>{ format::date(&m.date, lang) }</time>
                            <div class="milestone-text">
                                <h3 class="milestone-title">{ m.title.get(lang) }</h3>
                                <p class="milestone-body">{ m.body.get(lang) }</p>
                                <p class="source-note">
                                    { story.ui.source_label.get(lang) }{ if lang == Lang::Zh { "：" } else { ": " } }
                                    { sources.join(if lang == Lang::Zh { "；" } else { "; " }) }
                                </p>
                            </div>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
