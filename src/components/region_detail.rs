//! The panel that describes the selected region and lists its milestones.

use crate::format;
use crate::model::{Lang, Story};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`RegionDetail`].
#[derive(Properties, PartialEq)]
pub struct RegionDetailProps {
    /// The story.
    pub story: Rc<Story>,
    /// Current language.
    pub lang: Lang,
    /// The selected region's id.
    pub selected: Option<AttrValue>,
    /// Clears the selection.
    pub on_clear: Callback<()>,
}

/// Name, province, role and milestones of the selected region; a hint when none is selected.
/// The panel is a polite live region, so a selection is announced.
#[component]
pub fn RegionDetail(props: &RegionDetailProps) -> Html {
    let lang = props.lang;
    let story = &props.story;
    let ui = &story.ui;
    let region = props
        .selected
        .as_ref()
        .and_then(|id| story.regions.iter().find(|r| r.id == id.as_str()));
    let body = match region {
        None => html! { <p class="detail-hint">{ ui.detail_hint.get(lang) }</p> },
        Some(region) => {
            let province = story
                .provinces
                .iter()
                .find(|p| p.id == region.province)
                .map(|p| p.name.get(lang));
            let onclick = props.on_clear.reform(|_: MouseEvent| ());
            let milestones: Vec<_> = story
                .milestones
                .iter()
                .filter(|m| m.regions.contains(&region.id))
                .collect();
            html! {
                <>
                    <div class="detail-head">
                        <h3 class="detail-name">{ region.name.get(lang) }</h3>
                        <button type="button" class="detail-close" data-testid="detail-close" {onclick}>{ ui.close.get(lang) }</button>
                    </div>
                    <p class="detail-province">{ ui.detail_province.get(lang) }{ if lang == Lang::Zh { "：" } else { ": " } }{ province.unwrap_or_default() }</p>
                    <p class="detail-role">{ region.role.get(lang) }</p>
                    if !milestones.is_empty() {
                        <h4 class="detail-subhead">{ ui.detail_milestones.get(lang) }</h4>
                        <ul class="detail-milestones">
                            { for milestones.iter().map(|m| html! {
                                <li key={m.id.clone()}><time datetime={m.date.to_string()}>{ format::date(&m.date, lang) }</time>{ " " }{ m.title.get(lang) }</li>
                            }) }
                        </ul>
                    }
                </>
            }
        }
    };
    html! {
        <aside class={classes!("region-detail", region.is_some().then_some("has-selection"))}
            data-testid="region-detail" aria-live="polite">
            { body }
        </aside>
    }
}
