//! The SVG map of the base and the six counties, in the context of the four provinces and Taihu
//! (sticky while the milestones scroll past it): entrance animation, hover and focus tooltips,
//! selection by click, tap, Enter or Space (Escape, handled by the sticky area, clears it).

pub mod furniture;
pub mod layers;
pub mod markers;
pub mod svg;
pub mod tooltip;

use crate::hooks::{use_element_width, use_playback};
use crate::state::Target;
use markers::MapScene;
use render::anim::{map_frame_at, MapFrame, MAP_ENTRANCE_MS};
use render::layout::{layout, Px};
use story::format;
use story::map::MapData;
use story::model::{Lang, Shared, Story};
use svg::{coord, Paths};
use yew::prelude::*;

/// Props of [`MapView`].
#[derive(Properties, PartialEq)]
pub struct MapProps {
    /// The story.
    pub story: Shared<Story>,
    /// The preprocessed geometry.
    pub map: Shared<MapData>,
    /// Current language.
    pub lang: Lang,
    /// The selected target.
    pub selected: Option<Target>,
    /// Selects (or, if selected, clears) a target.
    pub on_toggle: Callback<Target>,
    /// The index of the milestone whose regions and places are lit (the rest dimmed), if any.
    #[prop_or_default]
    pub lit_milestone: Option<usize>,
    /// The map drawn finished, without its entrance (at build time, and when
    /// the app takes over the prerendered map the reader already sees).
    #[prop_or_default]
    pub finished: bool,
    /// The container width to lay the map out for where there is nothing to measure (build time).
    #[prop_or_default]
    pub frame_px: Option<f64>,
}

/// The map with its key, notes and credits.
#[component]
pub fn MapView(props: &MapProps) -> Html {
    let MapProps {
        story,
        map,
        lang,
        selected,
        on_toggle,
        lit_milestone,
        finished,
        frame_px,
    } = props;
    let lang = *lang;
    let ui = &story.ui;
    let frame_ref = use_node_ref();
    let width_px = use_element_width(frame_ref.clone())
        .or(*frame_px)
        .unwrap_or(1000.0)
        .round();
    let l = {
        let (map, story) = (map.clone(), story.clone());
        use_memo((lang, width_px as i64), move |&(lang, w)| {
            layout(&map, &story, lang, w as f64)
        })
    };
    let paths = use_memo(map.clone(), |map| Paths::new(map));
    // Over a still first frame (build time, or the prerendered map the reader already sees) the
    // map is drawn finished, without its entrance.
    let finished = *finished;
    let elapsed = use_playback(MAP_ENTRANCE_MS, !finished);
    let anim = map_frame_at(if finished { f64::INFINITY } else { elapsed });
    let hovered = use_state_eq(|| None::<Target>);
    let hover = {
        let hovered = hovered.clone();
        Callback::from(move |t: Option<Target>| hovered.set(t))
    };
    let cx = MapScene {
        story,
        map,
        layout: &l,
        lang,
        selected: selected.as_ref(),
        lit_milestone: lit_milestone.and_then(|i| story.milestones.get(i)),
        on_toggle,
        hover: &hover,
    };
    let tip = (*hovered)
        .as_ref()
        .and_then(|t| tooltip::tip_content(story, map, t, lang))
        .map(|c| tooltip::tooltip(&c, &l));
    html! {
        <figure class="map-figure" aria-labelledby="map-heading">
            <div class={classes!("map-frame", l.narrow.then_some("is-narrow"))} ref={frame_ref}
                data-complete={(anim.markers >= 1.0).to_string()}>
                <p class="schematic-tag" aria-hidden="true">{ ui.schematic().get(lang) }</p>
                { svg(&cx, &paths, &anim, tip) }
            </div>
            { furniture::caption(story, map, lang) }
        </figure>
    }
}

/// The map's heading and introduction, above the scrolling story.
pub fn heading(story: &Story, lang: Lang) -> Html {
    let ui = &story.ui;
    html! {
        <div class="story-head">
            <h2 id="map-heading" class="section-heading">{ ui.map_heading().get(lang) }</h2>
            <p class="map-intro">{ ui.map_intro().get(lang) }</p>
        </div>
    }
}

/// The map's SVG: land, lakes, the counties, the outline drawing itself, distances, markers,
/// labels, furniture, and a fixed slot for the tooltip.
fn svg(cx: &MapScene<'_>, paths: &Paths, anim: &MapFrame, tip: Option<Html>) -> Html {
    let (map, l, ui, lang) = (cx.map, cx.layout, &cx.story.ui, cx.lang);
    let px = Px(l.units_per_px);
    let f = l.frame;
    let provinces = map.provinces.iter().map(|p| {
        html! { <path key={p.id.clone()} class={classes!("province", format!("land-{}", p.id))} d={paths.get(&p.id)} /> }
    });
    let lakes = map
        .lakes
        .iter()
        .map(|lake| html! { <path key={lake.id.clone()} class="lake" d={paths.get(&lake.id)} /> });
    let markers_opacity = format::fixed(anim.markers, 3);
    html! {
        <svg class="map" viewBox={format!("{} {} {} {}", coord(f.x), coord(f.y), coord(f.w), coord(f.h))}
            role="group" aria-label={ui.map_label().get(lang).to_owned()} data-testid="map">
            <g class="layer-land" aria-hidden="true">{ for provinces }</g>
            <g class="layer-lakes" aria-hidden="true">{ for lakes }</g>
            { markers::counties(cx, paths, anim) }
            <path class="outline" aria-hidden="true" d={paths.get(&map.outline.id)} pathLength="1"
                stroke-dasharray="1 1" stroke-dashoffset={format::fixed(1.0 - anim.outline, 3)}
                stroke-width={coord(px.of(1.75))} />
            <g class="layer-distances" aria-hidden="true" opacity={markers_opacity.clone()}
                stroke-width={coord(px.of(1.0))} stroke-dasharray={format!("{} {}", coord(px.of(4.0)), coord(px.of(3.0)))}>
                { for layers::distances(l) }
            </g>
            <g class="layer-markers" opacity={markers_opacity.clone()} stroke-width={coord(px.of(1.25))}>
                { for markers::markers(cx) }
            </g>
            <g class="layer-labels" aria-hidden="true" opacity={markers_opacity}>{ for layers::labels(l) }</g>
            { furniture::furniture(cx.story, l, lang) }
            // A fixed slot: the SVG keeps the same children whether or not a tooltip shows, so
            // showing one never rebuilds (and unfocuses) the regions.
            <g class="tooltip-slot">{ for tip }</g>
        </svg>
    }
}
