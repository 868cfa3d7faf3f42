//! The map's selectable layers: the six counties and the markers (the base, the zone's towns, the
//! big cities; county seats as plain dots), with the events that select them and show their
//! tooltips.

use super::svg::coord;
use super::tooltip::accessible_name;
use crate::state::Target;
use render::anim::MapFrame;
use render::layout::{ring_radius, MapLayout, Px};
use story::format;
use story::map::MapData;
use story::model::{Lang, Milestone, Place, PlaceKind, RegionKind, Story};
use yew::prelude::*;

/// The events of one selectable element: select on click, Enter or Space; tooltip on hover or
/// focus.
pub struct TargetHandlers {
    onclick: Callback<MouseEvent>,
    onkeydown: Callback<KeyboardEvent>,
    onmouseenter: Callback<MouseEvent>,
    onmouseleave: Callback<MouseEvent>,
    onfocus: Callback<FocusEvent>,
    onblur: Callback<FocusEvent>,
}

impl TargetHandlers {
    /// The handlers of `target`: `on_toggle` selects it, `hover` shows its tooltip.
    pub fn new(
        target: &Target,
        on_toggle: &Callback<Target>,
        hover: &Callback<Option<Target>>,
    ) -> TargetHandlers {
        let toggle = on_toggle.reform({
            let t = target.clone();
            move |()| t.clone()
        });
        let show = hover.reform({
            let t = target.clone();
            move |()| Some(t.clone())
        });
        let hide = hover.reform(|()| None);
        TargetHandlers {
            onclick: toggle.reform(|_: MouseEvent| ()),
            onkeydown: Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    toggle.emit(());
                }
            }),
            onmouseenter: show.reform(|_: MouseEvent| ()),
            onmouseleave: hide.reform(|_: MouseEvent| ()),
            onfocus: show.reform(|_: FocusEvent| ()),
            onblur: hide.reform(|_: FocusEvent| ()),
        }
    }
}

/// The map scene the selectable layers read: the story, the map, this width's layout, the
/// language, the selection, the lit milestone and the two callbacks.
pub struct MapScene<'a> {
    /// The story.
    pub story: &'a Story,
    /// The map.
    pub map: &'a MapData,
    /// This width's layout.
    pub layout: &'a MapLayout,
    /// Current language.
    pub lang: Lang,
    /// The selection.
    pub selected: Option<&'a Target>,
    /// The milestone whose regions and places are lit (the others dimmed), if any.
    pub lit_milestone: Option<&'a Milestone>,
    /// Selects or clears a target.
    pub on_toggle: &'a Callback<Target>,
    /// Shows (`Some`) or hides (`None`) a tooltip.
    pub hover: &'a Callback<Option<Target>>,
}

impl MapScene<'_> {
    fn is_selected(&self, target: &Target) -> bool {
        self.selected == Some(target)
    }
}

/// The six counties, filled in province by province as the entrance runs.
pub fn counties(cx: &MapScene<'_>, paths: &super::svg::Paths, anim: &MapFrame) -> Html {
    let zone_provinces = cx.story.zone_provinces();
    let fill = |province: &str| {
        let index = zone_provinces.iter().position(|p| p.id == province);
        anim.province(index, zone_provinces.len())
    };
    let counties = cx.story.regions.iter().filter(|r| r.kind != RegionKind::Base).filter_map(|region| {
        let code = region.code.as_deref()?;
        let feature = cx.map.counties.iter().find(|f| f.id == code)?;
        let target = Target::Region(region.id.clone());
        let is_selected = cx.is_selected(&target);
        let lit = cx.lit_milestone.map(|m| m.regions.contains(&region.id));
        let TargetHandlers { onclick, onkeydown, onmouseenter, onmouseleave, onfocus, onblur } =
            TargetHandlers::new(&target, cx.on_toggle, cx.hover);
        Some(html! {
            <path key={region.id.clone()} d={paths.get(&feature.id)}
                class={classes!("county", format!("fill-{}", region.province), is_selected.then_some("is-selected"),
                    match lit { Some(true) => Some("is-lit"), Some(false) => Some("is-dimmed"), None => None })}
                fill-opacity={format::fixed(fill(&region.province), 3)}
                data-testid={format!("region-{code}")} data-region={region.id.clone()}
                role="button" tabindex="0" aria-pressed={is_selected.to_string()}
                aria-label={accessible_name(cx.story, &target, cx.lang)}
                {onclick} {onkeydown} {onmouseenter} {onmouseleave} {onfocus} {onblur} />
        })
    });
    html! { <g class="layer-counties">{ for counties }</g> }
}

/// Every marker in the frame.
pub fn markers(cx: &MapScene<'_>) -> Vec<Html> {
    cx.story
        .places
        .iter()
        .filter_map(|place| {
            let at = cx
                .map
                .point(&place.id)
                .filter(|p| cx.layout.frame.contains(*p))?;
            // In the close-up a city whose name found no room is left out: no nameless dots.
            let named = || {
                let key = format!("place-{}", place.id);
                cx.layout.labels.iter().any(|l| l.key == key)
            };
            if cx.layout.narrow && place.kind == PlaceKind::City && !named() {
                return None;
            }
            marker(cx, place, at)
        })
        .collect()
}

/// What a marker selects, its class and its test id; `None` for a county seat (a plain dot) and
/// for a base the story has no region for.
fn marker_target(cx: &MapScene<'_>, place: &Place) -> Option<(Target, &'static str, String)> {
    let as_place = |class| {
        Some((
            Target::Place(place.id.clone()),
            class,
            format!("place-{}", place.id),
        ))
    };
    match place.kind {
        PlaceKind::CountySeat => None,
        PlaceKind::City => as_place("city"),
        PlaceKind::ZoneTown => as_place("zone-town"),
        PlaceKind::Base => {
            let region = cx
                .story
                .regions
                .iter()
                .find(|r| r.kind == RegionKind::Base)?;
            Some((
                Target::Region(region.id.clone()),
                "base-marker",
                "region-base".to_owned(),
            ))
        }
    }
}

/// A marker's symbol: the base's diamond or a town's dot inside its approximate-location ring,
/// or a city's dot.
fn symbol(cx: &MapScene<'_>, place: &Place, (x, y): (f64, f64)) -> Html {
    let l = cx.layout;
    let px = Px(l.units_per_px);
    let ring_r = ring_radius(cx.map, px, place.accuracy_m);
    let dash = format!("{} {}", coord(px.of(3.0)), coord(px.of(2.5)));
    let s = l.base_radius;
    match place.kind {
        PlaceKind::Base => html! {
            <>
                <circle class="approx-ring" cx={coord(x)} cy={coord(y)} r={coord(ring_r)} stroke-dasharray={dash} />
                <rect class="base-symbol" x={coord(x - s)} y={coord(y - s)} width={coord(2.0 * s)} height={coord(2.0 * s)}
                    transform={format!("rotate(45 {} {})", coord(x), coord(y))} />
            </>
        },
        PlaceKind::ZoneTown => html! {
            <>
                <circle class="approx-ring" cx={coord(x)} cy={coord(y)} r={coord(ring_r)} stroke-dasharray={dash} />
                <circle class="zone-dot" cx={coord(x)} cy={coord(y)} r={coord(px.of(2.5))} />
            </>
        },
        _ => {
            html! { <circle class="city-dot" cx={coord(x)} cy={coord(y)} r={coord(l.dot_radius)} /> }
        }
    }
}

fn marker(cx: &MapScene<'_>, place: &Place, (x, y): (f64, f64)) -> Option<Html> {
    let l = cx.layout;
    if place.kind == PlaceKind::CountySeat {
        let r = coord(Px(l.units_per_px).of(2.5));
        return Some(html! {
            <circle key={place.id.clone()} class="seat-dot" cx={coord(x)} cy={coord(y)} {r} />
        });
    }
    let (target, class, testid) = marker_target(cx, place)?;
    let hit_r = l
        .hit_radii
        .iter()
        .find(|(p, _)| *p == place.id)
        .map_or(l.hit_radius, |(_, r)| *r);
    let is_selected = cx.is_selected(&target);
    // The base is a region: lit when the milestone names it among its regions.
    let lit = cx.lit_milestone.is_some_and(|m| match &target {
        Target::Region(id) => m.regions.contains(id),
        Target::Place(_) => m.places.contains(&place.id),
    });
    let region = match &target {
        Target::Region(id) => Some(id.clone()),
        Target::Place(_) => None,
    };
    let symbol = symbol(cx, place, (x, y));
    let TargetHandlers {
        onclick,
        onkeydown,
        onmouseenter,
        onmouseleave,
        onfocus,
        onblur,
    } = TargetHandlers::new(&target, cx.on_toggle, cx.hover);
    Some(html! {
        <g key={place.id.clone()} class={classes!(class, "marker", is_selected.then_some("is-selected"), lit.then_some("is-lit"))}
            data-testid={testid} data-region={region} role="button" tabindex="0"
            aria-pressed={is_selected.to_string()} aria-label={accessible_name(cx.story, &target, cx.lang)}
            {onclick} {onkeydown} {onmouseenter} {onmouseleave} {onfocus} {onblur}>
            <circle class="hit" cx={coord(x)} cy={coord(y)} r={coord(hit_r)} />
            { symbol }
        </g>
    })
}
