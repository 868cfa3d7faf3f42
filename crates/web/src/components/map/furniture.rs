//! The map's furniture (scale bar, north arrow) and its caption (legend, notes, credits).

use super::svg::coord;
use render::layout::{distance_text, rounded_distance_km, MapLayout, Px};
use story::format;
use story::map::MapData;
use story::model::{Lang, Story};
use yew::prelude::*;

/// The scale bar and the north arrow, drawn in the map's units.
pub fn furniture(story: &Story, l: &MapLayout, lang: Lang) -> Html {
    let ui = &story.ui;
    let px = Px(l.units_per_px);
    let (nx, ny, ns) = l.north;
    let scale = &l.scale;
    let end = scale.x + scale.length;
    html! {
        <g class="furniture" aria-hidden="true">
            <g class="scale-bar" data-testid="scale-bar">
                <line x1={coord(scale.x)} y1={coord(scale.y)} x2={coord(end)} y2={coord(scale.y)} stroke-width={coord(px.of(2.0))} />
                <line x1={coord(scale.x)} y1={coord(scale.y - px.of(5.0))} x2={coord(scale.x)} y2={coord(scale.y)} stroke-width={coord(px.of(1.5))} />
                <line x1={coord(end)} y1={coord(scale.y - px.of(5.0))} x2={coord(end)} y2={coord(scale.y)} stroke-width={coord(px.of(1.5))} />
                <text x={coord(end + px.of(5.0))} y={coord(scale.y - px.of(2.0))} font-size={coord(px.of(11.0))}>
                    { format!("{} {}", scale.km, ui.scale_unit().get(lang)) }
                </text>
            </g>
            <g class="north-arrow" data-testid="north-arrow">
                <path d={format!("M{} {}L{} {}L{} {}L{} {}z", coord(nx), coord(ny - ns), coord(nx + ns * 0.55), coord(ny + ns * 0.6),
                    coord(nx), coord(ny + ns * 0.25), coord(nx - ns * 0.55), coord(ny + ns * 0.6))} />
                <text x={coord(nx)} y={coord(ny + ns * 1.55)} font-size={coord(px.of(11.0))} text-anchor="middle">{ ui.north().get(lang) }</text>
            </g>
        </g>
    }
}

/// The map's caption: its legend, shown where the map sits beside the cards (where it sits above
/// them, [`legend`] follows the sticky area instead, so the map leaves the screen to the cards).
pub fn caption(story: &Story, map: &MapData, lang: Lang) -> Html {
    html! { <figcaption class="map-caption">{ legend(story, map, lang) }</figcaption> }
}

/// The legend: the zone's provinces in the story's order, then every symbol on the map, and the
/// key to the distance lines (their distances are listed here rather than lying across the
/// counties).
pub fn legend(story: &Story, map: &MapData, lang: Lang) -> Html {
    let ui = &story.ui;
    let distances: Vec<String> = map
        .distances()
        .filter_map(|(id, _)| {
            Some(distance_text(
                story,
                id,
                rounded_distance_km(map, id)?,
                lang,
            ))
        })
        .collect();
    let distance_key = format!(
        "{}{}{}",
        ui.legend_distance().get(lang),
        format::colon(lang),
        distances.join(format::enumeration_separator(lang))
    );
    // One entry per symbol: (swatch class, words); the provinces first, in the story's order.
    let mut items: Vec<(String, String)> = story
        .zone_provinces()
        .into_iter()
        .map(|p| (format!("fill-{}", p.id), p.name.get(lang).to_owned()))
        .collect();
    for (class, text) in [
        ("swatch-base", ui.legend_base()),
        ("swatch-town", ui.legend_zone_town()),
        ("swatch-city", ui.legend_city()),
        ("swatch-seat", ui.legend_seat()),
        ("swatch-lit", ui.legend_lit()),
        ("swatch-lake", ui.legend_lake()),
    ] {
        items.push((class.to_owned(), text.get(lang).to_owned()));
    }
    items.push(("swatch-distance".to_owned(), distance_key));
    html! {
        <ul class="legend" aria-label={ui.legend_heading().get(lang).to_owned()}>
            { for items.into_iter().map(|(class, text)| html! {
                <li data-testid={(class == "swatch-distance").then_some("distance-key")}>
                    <span class={classes!("swatch", class)} aria-hidden="true"></span>{ text }
                </li>
            }) }
        </ul>
    }
}

/// The map's notes and credits with the map approval number or its pending slot, after the
/// scrolling story (the close-up note shows only while the map is the close-up, by the style
/// sheet's container query on the same width as [`render::breakpoints::NARROW_PX`]).
pub fn notes(story: &Story, lang: Lang) -> Html {
    let ui = &story.ui;
    let approval = if story.meta.map_approval_number.is_empty() {
        ui.approval_pending().get(lang).to_owned()
    } else {
        format!(
            "{} {}",
            ui.approval_number().get(lang),
            story.meta.map_approval_number
        )
    };
    html! {
        <div class="map-notes" data-testid="map-notes">
            <p class="map-note">{ "* " }{ ui.approximate_note().get(lang) }</p>
            <p class="map-note">{ ui.distance_note().get(lang) }</p>
            <p class="map-note close-up-note">{ ui.close_up_note().get(lang) }</p>
            <p class="map-note">{ ui.schematic().get(lang) }{ " · " }{ approval }{ " · " }{ ui.map_credit_see_sources().get(lang) }</p>
        </div>
    }
}
