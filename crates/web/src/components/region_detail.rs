//! The panel that describes the selected region or place and lists its milestones.

use crate::state::{Target, TargetInfo};
use render::layout::rounded_distance_km;
use story::format;
use story::map::MapData;
use story::model::{Lang, Milestone, Shared, Story};
use yew::prelude::*;

/// Props of [`RegionDetail`].
#[derive(Properties, PartialEq)]
pub struct RegionDetailProps {
    /// The story.
    pub story: Shared<Story>,
    /// The map (for distances).
    pub map: Shared<MapData>,
    /// Current language.
    pub lang: Lang,
    /// The selected target.
    pub selected: Option<Target>,
    /// Clears the selection.
    pub on_clear: Callback<()>,
}

struct Detail<'a> {
    info: TargetInfo<'a>,
    milestones: Vec<&'a Milestone>,
    distance_km: Option<u32>,
}

fn detail<'a>(story: &'a Story, map: &MapData, target: &Target) -> Option<Detail<'a>> {
    let info = target.info(story)?;
    let distance_km = match target {
        Target::Place(id) => rounded_distance_km(map, id),
        _ => None,
    };
    Some(Detail {
        info,
        milestones: story
            .milestones
            .iter()
            .filter(|m| target.concerns(m))
            .collect(),
        distance_km,
    })
}

/// Name, province, role and milestones of the selected target; a hint when none is selected.
/// The panel is a polite live region, so a selection is announced.
#[component]
pub fn RegionDetail(props: &RegionDetailProps) -> Html {
    let lang = props.lang;
    let story = &props.story;
    let ui = &story.ui;
    let colon = story::format::colon(lang);
    let found = props
        .selected
        .as_ref()
        .and_then(|t| detail(story, &props.map, t).map(|d| (t, d)));
    let body = match &found {
        None => html! { <p class="detail-hint">{ ui.detail_hint().get(lang) }</p> },
        Some((target, d)) => {
            let province = story
                .provinces
                .iter()
                .find(|p| p.id == d.info.province)
                .map(|p| p.name.get(lang))
                .unwrap_or_default();
            let onclick = props.on_clear.reform(|_: MouseEvent| ());
            let distance = d.distance_km.map(|km| {
                let id = match target {
                    Target::Place(id) => id.as_str(),
                    Target::Region(_) => "",
                };
                render::layout::distance_text(story, id, km, lang)
            });
            html! {
                <>
                    <div class="detail-head">
                        <h3 class="detail-name">
                            { d.info.name.get(lang) }
                            <span class="detail-other" lang={lang.other().tag()}>{ format::bracketed(d.info.name.get(lang.other()), lang) }</span>
                        </h3>
                        <button type="button" class="detail-close" data-testid="detail-close" {onclick}>{ ui.close().get(lang) }</button>
                    </div>
                    <p class="detail-province">
                        { ui.detail_province().get(lang) }{ colon }{ province }
                        if d.info.approximate() { { " · " }{ ui.approximate().get(lang) } }
                    </p>
                    if let Some(role) = d.info.role { <p class="detail-role">{ role.get(lang) }</p> }
                    if let Some(distance) = distance { <p class="detail-role">{ distance }</p> }
                    if !d.milestones.is_empty() {
                        <h4 class="detail-subhead">{ ui.detail_milestones().get(lang) }</h4>
                        <ul class="detail-milestones">
                            { for d.milestones.iter().map(|m| html! {
                                <li key={m.id.clone()}><time datetime={m.date.to_string()}>{ format::date(&m.date, &story.ui, lang) }</time>{ " " }{ m.title.get(lang) }</li>
                            }) }
                        </ul>
                    }
                </>
            }
        }
    };
    html! {
        <aside class={classes!("region-detail", found.is_some().then_some("has-selection"))}
            data-testid="region-detail" aria-live="polite">
            { body }
        </aside>
    }
}
