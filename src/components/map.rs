//! The SVG map of the base and the six counties, in the context of the four provinces and Taihu.

use crate::geo::MapData;
use crate::model::{Lang, PlaceKind, Region, RegionKind, Story};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`MapView`].
#[derive(Properties, PartialEq)]
pub struct MapProps {
    /// The story.
    pub story: Rc<Story>,
    /// The preprocessed geometry.
    pub map: Rc<MapData>,
    /// Current language.
    pub lang: Lang,
    /// The selected region's id.
    pub selected: Option<AttrValue>,
    /// Selects (or, if selected, clears) a region by id.
    pub on_toggle: Callback<AttrValue>,
    /// Clears the selection.
    pub on_clear: Callback<()>,
}

/// Smallest radius of an approximate-location ring, in view units, so that it stays visible.
const MIN_RING_UNITS: f64 = 34.0;

/// Space between a city dot and its label, in view units.
const LABEL_GAP_UNITS: f64 = 16.0;

fn region_name(story: &Story, region: &Region, lang: Lang) -> String {
    let province = story
        .provinces
        .iter()
        .find(|p| p.id == region.province)
        .map(|p| p.name.get(lang))
        .unwrap_or_default();
    let sep = if lang == Lang::Zh { "，" } else { ", " };
    format!("{}{sep}{province}", region.name.get(lang))
}

fn activate(
    on_toggle: &Callback<AttrValue>,
    id: &str,
) -> (Callback<MouseEvent>, Callback<KeyboardEvent>) {
    let id = AttrValue::from(id.to_owned());
    let click = {
        let (cb, id) = (on_toggle.clone(), id.clone());
        Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
    };
    let key = {
        let cb = on_toggle.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                cb.emit(id.clone());
            }
        })
    };
    (click, key)
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
        on_clear,
    } = props;
    let lang = *lang;
    let ui = &story.ui;
    let view = map.view;
    let selected = selected.as_ref().map(AttrValue::as_str);
    let units_per_km = view.units_per_km;

    let onkeydown = {
        let on_clear = on_clear.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_clear.emit(());
            }
        })
    };

    let provinces = map.provinces.iter().map(|p| {
        html! { <path key={p.id.clone()} class={classes!("province", format!("land-{}", p.id))} d={p.path()} /> }
    });
    let province_labels = map.provinces.iter().filter_map(|p| {
        let name = story.provinces.iter().find(|x| x.id == p.id)?.name.get(lang);
        Some(html! {
            <text key={format!("province-{}", p.id)} class="label label-province" x={p.label[0].to_string()} y={p.label[1].to_string()}
                text-anchor="middle">{ name }</text>
        })
    });
    let lakes = map
        .lakes
        .iter()
        .map(|l| html! { <path key={l.id.clone()} class="lake" d={l.path()} /> });
    let lake_label = map.lakes.iter().find(|l| l.id == "taihu").map(|l| {
        html! {
            <text key="lake-taihu" class="label label-lake" x={l.label[0].to_string()}
                y={l.label[1].to_string()} text-anchor="middle">{ ui.taihu.get(lang) }</text>
        }
    });
    let zone_label = {
        let towns: Vec<(f64, f64)> = story
            .places
            .iter()
            .filter(|p| p.kind == PlaceKind::ZoneTown)
            .map(|p| map.point(p.lon_deg, p.lat_deg))
            .collect();
        let n = towns.len().max(1) as f64;
        let (x, y) = towns
            .iter()
            .fold((0.0, 0.0), |a, p| (a.0 + p.0 / n, a.1 + p.1 / n));
        html! {
            <text key="zone" class="label label-zone" x={fmt(x - 12.0)} y={fmt(y + 95.0)}
                data-testid="zone-label">{ ui.zone_label.get(lang) }</text>
        }
    };

    let counties = story.regions.iter().filter(|r| r.kind != RegionKind::Base).filter_map(|region| {
        let code = region.code.as_deref()?;
        let feature = map.counties.iter().find(|f| f.id == code)?;
        let is_selected = selected == Some(region.id.as_str());
        let (onclick, onkeydown) = activate(on_toggle, &region.id);
        Some(html! {
            <path key={region.id.clone()} d={feature.path()}
                class={classes!("county", format!("fill-{}", region.province), is_selected.then_some("is-selected"))}
                data-testid={format!("region-{code}")} data-region={region.id.clone()}
                role="button" tabindex="0" aria-pressed={is_selected.to_string()}
                aria-label={region_name(story, region, lang)} {onclick} {onkeydown}>
                <title>{ region_name(story, region, lang) }</title>
            </path>
        })
    });
    let county_labels = story.regions.iter().filter_map(|region| {
        let feature = map.counties.iter().find(|f| Some(f.id.as_str()) == region.code.as_deref())?;
        Some(html! {
            <text key={format!("county-{}", region.id)} class="label label-county" x={feature.label[0].to_string()}
                y={feature.label[1].to_string()} text-anchor="middle">{ region.name.get(lang) }</text>
        })
    });

    let mut markers = Vec::new();
    let mut labels = Vec::new();
    for place in &story.places {
        let (x, y) = map.point(place.lon_deg, place.lat_deg);
        let ring_r = (place.accuracy_m / 1000.0 * units_per_km).max(MIN_RING_UNITS);
        let name = place.name.get(lang).to_owned();
        match place.kind {
            PlaceKind::City => {
                let right = x < view.width - 320.0;
                markers.push(html! { <circle key={place.id.clone()} class="city-dot" cx={fmt(x)} cy={fmt(y)} r="9" /> });
                let lx = if right {
                    x + LABEL_GAP_UNITS
                } else {
                    x - LABEL_GAP_UNITS
                };
                labels.push(html! {
                    <text key={format!("place-{}", place.id)} class="label label-city" x={fmt(lx)} y={fmt(y)}
                        dominant-baseline="middle" text-anchor={if right { "start" } else { "end" }}>{ name }</text>
                });
            }
            PlaceKind::CountySeat => {
                markers.push(html! { <circle key={place.id.clone()} class="seat-dot" cx={fmt(x)} cy={fmt(y)} r="6" /> });
            }
            PlaceKind::ZoneTown => {
                markers.push(html! {
                    <g key={place.id.clone()} class="zone-town" data-testid={format!("place-{}", place.id)}>
                        <circle class="approx-ring" cx={fmt(x)} cy={fmt(y)} r={fmt(ring_r)} />
                        <circle class="zone-dot" cx={fmt(x)} cy={fmt(y)} r="8" />
                        <title>{ format!("{name} ({})", ui.approximate.get(lang)) }</title>
                    </g>
                });
                labels.push(html! {
                    <text key={format!("place-{}", place.id)} class="label label-town" x={fmt(x + ring_r + 8.0)} y={fmt(y)}
                        dominant-baseline="middle">{ format!("{name}*") }</text>
                });
            }
            PlaceKind::Base => {
                let Some(region) = story.regions.iter().find(|r| r.kind == RegionKind::Base) else {
                    continue;
                };
                let is_selected = selected == Some(region.id.as_str());
                let (onclick, onkeydown) = activate(on_toggle, &region.id);
                let s = 13.0;
                markers.push(html! {
                    <g key={place.id.clone()} class={classes!("base-marker", is_selected.then_some("is-selected"))}
                        data-testid="region-base" data-region={region.id.clone()} role="button" tabindex="0"
                        aria-pressed={is_selected.to_string()}
                        aria-label={format!("{} ({})", region_name(story, region, lang), ui.approximate.get(lang))}
                        {onclick} {onkeydown}>
                        <circle class="approx-ring" cx={fmt(x)} cy={fmt(y)} r={fmt(ring_r)} />
                        <rect class="base-symbol" x={fmt(x - s)} y={fmt(y - s)} width={fmt(2.0 * s)} height={fmt(2.0 * s)}
                            transform={format!("rotate(45 {} {})", fmt(x), fmt(y))} />
                        <title>{ format!("{} ({})", region.name.get(lang), ui.approximate.get(lang)) }</title>
                    </g>
                });
                labels.push(html! {
                    <text key={format!("place-{}", place.id)} class="label label-base" x={fmt(x)} y={fmt(y + ring_r + 30.0)}
                        text-anchor="middle">{ format!("{name}*") }</text>
                });
            }
        }
    }

    let legend_provinces = ["jiangsu", "zhejiang", "anhui"].into_iter().filter_map(|id| {
        let p = story.provinces.iter().find(|p| p.id == id)?;
        Some(html! {
            <li key={id}><span class={classes!("swatch", format!("fill-{id}"))} aria-hidden="true"></span>{ p.name.get(lang) }</li>
        })
    });
    let approval = if story.meta.map_approval_number.is_empty() {
        ui.approval_pending.get(lang).to_owned()
    } else {
        format!(
            "{} {}",
            ui.approval_number.get(lang),
            story.meta.map_approval_number
        )
    };

    html! {
        <figure class="map-figure" aria-labelledby="map-heading">
            <h2 id="map-heading" class="section-heading">{ ui.map_heading.get(lang) }</h2>
            <p class="map-intro">{ ui.map_intro.get(lang) }</p>
            <div class="map-frame" {onkeydown}>
                <p class="schematic-tag" aria-hidden="true">{ ui.schematic.get(lang) }</p>
                <svg class="map" viewBox={format!("0 0 {} {}", view.width, view.height)}
                    role="group" aria-label={ui.map_label.get(lang).to_owned()} data-testid="map">
                    <g class="layer-land" aria-hidden="true">{ for provinces }</g>
                    <g class="layer-lakes" aria-hidden="true">{ for lakes }</g>
                    <g class="layer-counties">{ for counties }</g>
                    <path class="outline" aria-hidden="true" d={map.outline.path()} />
                    <g class="layer-markers">{ for markers }</g>
                    <g class="layer-labels" aria-hidden="true">
                        { for province_labels }
                        { for county_labels }
                        { for labels }
                        { for lake_label }
                        { zone_label }
                    </g>
                </svg>
            </div>
            <figcaption class="map-caption">
                <ul class="legend" aria-label={ui.legend_heading.get(lang).to_owned()}>
                    { for legend_provinces }
                    <li><span class="swatch swatch-base" aria-hidden="true"></span>{ ui.legend_base.get(lang) }</li>
                    <li><span class="swatch swatch-town" aria-hidden="true"></span>{ ui.legend_zone_town.get(lang) }</li>
                    <li><span class="swatch swatch-city" aria-hidden="true"></span>{ ui.legend_city.get(lang) }</li>
                    <li><span class="swatch swatch-lake" aria-hidden="true"></span>{ ui.legend_lake.get(lang) }</li>
                </ul>
                <p class="map-note">{ "* " }{ ui.approximate_note.get(lang) }</p>
                <p class="map-note">{ ui.schematic.get(lang) }{ " · " }{ story.meta.map_credit.get(lang) }{ " · " }{ approval }</p>
            </figcaption>
        </figure>
    }
}

/// A coordinate with one decimal, for SVG attributes.
fn fmt(v: f64) -> String {
    format!("{:.1}", v)
}
