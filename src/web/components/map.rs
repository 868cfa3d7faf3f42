//! The SVG map of the base and the six counties, in the context of the four provinces and Taihu:
//! entrance animation, hover and focus tooltips, selection by click, tap, Enter or Space.

use crate::render::anim::{map_frame_at, MAP_ENTRANCE_MS};
use crate::render::layout::{layout, MapLayout, Rect};
use crate::render::text_metrics::wrap;
use crate::story::map::MapData;
use crate::story::model::{Lang, PlaceKind, RegionKind, Shared, Story};
use crate::web::hooks::{use_element_width, use_playback};
use crate::web::state::Target;
use std::rc::Rc;
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
    /// Clears the selection.
    pub on_clear: Callback<()>,
    /// Regions and places the current milestone concerns: they are lit, the rest dimmed.
    #[prop_or_default]
    pub lit: Option<Rc<(Vec<String>, Vec<String>)>>,
}

/// The SVG path of every area feature, by id, built once per map rather than on every frame of the
/// entrance animation.
#[derive(PartialEq)]
struct Paths(Vec<(String, AttrValue)>);

impl Paths {
    fn new(map: &MapData) -> Paths {
        let features = map
            .provinces
            .iter()
            .chain(&map.counties)
            .chain(&map.lakes)
            .chain([&map.outline]);
        Paths(
            features
                .map(|f| (f.id.clone(), AttrValue::from(f.path())))
                .collect(),
        )
    }

    fn get(&self, id: &str) -> AttrValue {
        self.0
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, d)| d.clone())
            .unwrap_or_default()
    }
}

/// A coordinate with one decimal, for SVG attributes.
fn fmt(v: f64) -> String {
    crate::story::format::fixed(v, 1)
}

/// What a tooltip says about a target, and where it points.
struct TipContent {
    title: String,
    lines: Vec<String>,
    at: (f64, f64),
}

fn sep(lang: Lang) -> &'static str {
    if lang == Lang::Zh {
        "，"
    } else {
        ", "
    }
}

fn province_name<'a>(story: &'a Story, id: &str, lang: Lang) -> &'a str {
    story
        .provinces
        .iter()
        .find(|p| p.id == id)
        .map(|p| p.name.get(lang))
        .unwrap_or_default()
}

/// The accessible name of a target: name, province, and "approximate location" where it is one.
fn accessible_name(story: &Story, target: &Target, lang: Lang) -> String {
    let Some(info) = target.info(story) else {
        return String::new();
    };
    let mut name = format!(
        "{}{}{}",
        info.name.get(lang),
        sep(lang),
        province_name(story, info.province, lang)
    );
    if info.approximate() {
        name.push_str(sep(lang));
        name.push_str(story.ui.approximate().get(lang));
    }
    name
}

fn tip_content(story: &Story, map: &MapData, target: &Target, lang: Lang) -> Option<TipContent> {
    let info = target.info(story)?;
    // A county's tooltip points at its label; a marker's at the marker.
    let county = match target {
        Target::Region(id) => {
            let code = story
                .regions
                .iter()
                .find(|r| &r.id == id)
                .and_then(|r| r.code.as_deref());
            code.and_then(|code| map.counties.iter().find(|f| f.id == code))
        }
        Target::Place(_) => None,
    };
    let at = match county {
        Some(f) => (f64::from(f.label[0]), f64::from(f.label[1])),
        None => map.point(&info.place.id).unwrap_or_default(),
    };
    let mut lines = vec![accessible_name(story, target, lang)];
    if let Some(role) = info.role {
        lines.extend(wrap(role.get(lang), 17.0));
    }
    if matches!(target, Target::Place(_)) {
        lines.push(story.ui.tooltip_hint().get(lang).to_owned());
    }
    Some(TipContent {
        title: crate::story::format::with_other_name(info.name, lang),
        lines,
        at,
    })
}

fn tooltip(tip: &TipContent, l: &MapLayout) -> Html {
    let upp = l.units_per_px;
    let font = 12.0 * upp;
    let line_h = font * 1.4;
    let pad = 8.0 * upp;
    let width_em =
        std::iter::once(crate::render::text_metrics::text_width_em(&tip.title, 0.0) * 1.05)
            .chain(
                tip.lines
                    .iter()
                    .map(|s| crate::render::text_metrics::text_width_em(s, 0.0)),
            )
            .fold(0.0_f64, f64::max);
    let w = width_em * font + 2.0 * pad;
    let h = line_h * (tip.lines.len() as f64 + 1.0) + 2.0 * pad;
    let f: Rect = l.frame;
    let mut x = (tip.at.0 - w / 2.0).clamp(f.x + 4.0 * upp, (f.x + f.w - w - 4.0 * upp).max(f.x));
    let mut y = tip.at.1 - h - 16.0 * upp;
    if y < f.y + 4.0 * upp {
        y = tip.at.1 + 16.0 * upp;
    }
    if w > f.w {
        x = f.x;
    }
    html! {
        <g class="map-tooltip" data-testid="map-tooltip" transform={format!("translate({} {})", fmt(x), fmt(y))} aria-hidden="true">
            <rect class="tooltip-box" width={fmt(w)} height={fmt(h)} rx={fmt(4.0 * upp)} />
            <text class="tooltip-title" x={fmt(pad)} y={fmt(pad + line_h * 0.5)} font-size={fmt(font * 1.05)}
                dominant-baseline="central">{ &tip.title }</text>
            { for tip.lines.iter().enumerate().map(|(i, s)| html! {
                <text class="tooltip-line" x={fmt(pad)} y={fmt(pad + line_h * (i as f64 + 1.5))} font-size={fmt(font)}
                    dominant-baseline="central">{ s }</text>
            }) }
        </g>
    }
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
        lit,
    } = props;
    // lit: Some(true) lit, Some(false) dimmed, None when no milestone is highlighted.
    let lit_region = |id: &str| lit.as_ref().map(|l| l.0.iter().any(|r| r == id));
    let lit_place = |id: &str| lit.as_ref().map(|l| l.1.iter().any(|p| p == id));
    let lang = *lang;
    let ui = &story.ui;
    let frame_ref = use_node_ref();
    let width_px = use_element_width(frame_ref.clone())
        .unwrap_or(1000.0)
        .round();
    let l = {
        let (map, story) = (map.clone(), story.clone());
        use_memo((lang, width_px as i64), move |&(lang, w)| {
            layout(&map, &story, lang, w as f64)
        })
    };
    let paths = use_memo(map.clone(), |map| Paths::new(map));
    let t = use_playback(MAP_ENTRANCE_MS, true);
    let anim = map_frame_at(t);
    let hovered = use_state_eq(|| None::<Target>);
    let upp = l.units_per_px;

    // Events on a selectable element: select on click, Enter or Space; tooltip on hover or focus.
    let handlers = |target: Target| {
        let onclick = {
            let (cb, t) = (on_toggle.clone(), target.clone());
            Callback::from(move |_: MouseEvent| cb.emit(t.clone()))
        };
        let onkeydown = {
            let (cb, t) = (on_toggle.clone(), target.clone());
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    cb.emit(t.clone());
                }
            })
        };
        let show = {
            let (h, t) = (hovered.clone(), target.clone());
            move || h.set(Some(t.clone()))
        };
        let hide = {
            let h = hovered.clone();
            move || h.set(None)
        };
        let (s1, s2, h1, h2) = (show.clone(), show, hide.clone(), hide);
        (
            onclick,
            onkeydown,
            Callback::from(move |_: MouseEvent| s1()),
            Callback::from(move |_: MouseEvent| h1()),
            Callback::from(move |_: FocusEvent| s2()),
            Callback::from(move |_: FocusEvent| h2()),
        )
    };

    let onkeydown = {
        let on_clear = on_clear.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_clear.emit(());
            }
        })
    };

    let f = l.frame;
    let provinces = map.provinces.iter().map(|p| {
        html! { <path key={p.id.clone()} class={classes!("province", format!("land-{}", p.id))} d={paths.get(&p.id)} /> }
    });
    let lakes = map
        .lakes
        .iter()
        .map(|lake| html! { <path key={lake.id.clone()} class="lake" d={paths.get(&lake.id)} /> });

    let zone_provinces = story.zone_provinces();
    let fill = |province: &str| {
        let index = zone_provinces.iter().position(|p| p.id == province);
        anim.province(index, zone_provinces.len())
    };
    let counties = story.regions.iter().filter(|r| r.kind != RegionKind::Base).filter_map(|region| {
        let code = region.code.as_deref()?;
        let feature = map.counties.iter().find(|f| f.id == code)?;
        let target = Target::Region(region.id.clone());
        let is_selected = selected.as_ref() == Some(&target);
        let (onclick, onkeydown, onmouseenter, onmouseleave, onfocus, onblur) = handlers(target.clone());
        Some(html! {
            <path key={region.id.clone()} d={paths.get(&feature.id)}
                class={classes!("county", format!("fill-{}", region.province), is_selected.then_some("is-selected"),
                    match lit_region(&region.id) { Some(true) => Some("is-lit"), Some(false) => Some("is-dimmed"), None => None })}
                fill-opacity={crate::story::format::fixed(fill(&region.province), 3)}
                data-testid={format!("region-{code}")} data-region={region.id.clone()}
                role="button" tabindex="0" aria-pressed={is_selected.to_string()}
                aria-label={accessible_name(story, &target, lang)}
                {onclick} {onkeydown} {onmouseenter} {onmouseleave} {onfocus} {onblur} />
        })
    });

    let dash = format!("{} {}", fmt(3.0 * upp), fmt(2.5 * upp));
    let hit_r = |id: &str| {
        l.hit_radii
            .iter()
            .find(|(p, _)| p == id)
            .map_or(l.hit_radius, |(_, r)| *r)
    };
    let mut markers = Vec::new();
    for place in &story.places {
        let Some((x, y)) = map.point(&place.id).filter(|p| f.contains(*p)) else {
            continue;
        };
        let ring_r = crate::render::layout::ring_radius(
            map,
            crate::render::layout::Px(upp),
            place.accuracy_m,
        );
        match place.kind {
            PlaceKind::CountySeat => markers.push(html! {
                <circle key={place.id.clone()} class="seat-dot" cx={fmt(x)} cy={fmt(y)} r={fmt(2.5 * upp)} />
            }),
            PlaceKind::City | PlaceKind::ZoneTown => {
                let target = Target::Place(place.id.clone());
                let is_selected = selected.as_ref() == Some(&target);
                let (onclick, onkeydown, onmouseenter, onmouseleave, onfocus, onblur) = handlers(target.clone());
                let town = place.kind == PlaceKind::ZoneTown;
                markers.push(html! {
                    <g key={place.id.clone()} class={classes!(if town { "zone-town" } else { "city" }, "marker", is_selected.then_some("is-selected"),
                        (lit_place(&place.id) == Some(true)).then_some("is-lit"))}
                        data-testid={format!("place-{}", place.id)} role="button" tabindex="0"
                        aria-pressed={is_selected.to_string()} aria-label={accessible_name(story, &target, lang)}
                        {onclick} {onkeydown} {onmouseenter} {onmouseleave} {onfocus} {onblur}>
                        <circle class="hit" cx={fmt(x)} cy={fmt(y)} r={fmt(hit_r(&place.id))} />
                        if town {
                            <circle class="approx-ring" cx={fmt(x)} cy={fmt(y)} r={fmt(ring_r)} stroke-dasharray={dash.clone()} />
                            <circle class="zone-dot" cx={fmt(x)} cy={fmt(y)} r={fmt(2.5 * upp)} />
                        } else {
                            <circle class="city-dot" cx={fmt(x)} cy={fmt(y)} r={fmt(l.dot_radius)} />
                        }
                    </g>
                });
            }
            PlaceKind::Base => {
                let Some(region) = story.regions.iter().find(|r| r.kind == RegionKind::Base) else { continue };
                let target = Target::Region(region.id.clone());
                let is_selected = selected.as_ref() == Some(&target);
                let (onclick, onkeydown, onmouseenter, onmouseleave, onfocus, onblur) = handlers(target.clone());
                let s = l.base_radius;
                markers.push(html! {
                    <g key={place.id.clone()} class={classes!("base-marker", "marker", is_selected.then_some("is-selected"))}
                        data-testid="region-base" data-region={region.id.clone()} role="button" tabindex="0"
                        aria-pressed={is_selected.to_string()} aria-label={accessible_name(story, &target, lang)}
                        {onclick} {onkeydown} {onmouseenter} {onmouseleave} {onfocus} {onblur}>
                        <circle class="hit" cx={fmt(x)} cy={fmt(y)} r={fmt(hit_r(&place.id))} />
                        <circle class="approx-ring" cx={fmt(x)} cy={fmt(y)} r={fmt(ring_r)} stroke-dasharray={dash.clone()} />
                        <rect class="base-symbol" x={fmt(x - s)} y={fmt(y - s)} width={fmt(2.0 * s)} height={fmt(2.0 * s)}
                            transform={format!("rotate(45 {} {})", fmt(x), fmt(y))} />
                    </g>
                });
            }
        }
    }

    let distances = l.distances.iter().map(|d| {
        html! {
            <line key={d.place.clone()} class={classes!("distance-line", d.off_frame.then_some("off-frame"))}
                x1={fmt(d.from.0)} y1={fmt(d.from.1)} x2={fmt(d.to.0)} y2={fmt(d.to.1)}
                data-testid={format!("distance-{}", d.place)} />
        }
    });
    let labels = l.labels.iter().map(|label| {
        html! {
            <text key={label.key.clone()} class={classes!("label", format!("label-{}", label.kind.key()))}
                data-label={label.key.clone()} x={fmt(label.x)} y={fmt(label.y)}
                font-size={fmt(label.font_units)} text-anchor={label.anchor.svg()} dominant-baseline="central"
                stroke-width={fmt(3.0 * upp)}>{ &label.text }</text>
        }
    });
    let tip = (*hovered)
        .as_ref()
        .and_then(|t| tip_content(story, map, t, lang))
        .map(|c| tooltip(&c, &l));

    let (nx, ny, ns) = l.north;
    let scale = &l.scale;
    let legend_provinces = story.zone_provinces().into_iter().map(|p| {
        html! {
            <li key={p.id.clone()}><span class={classes!("swatch", format!("fill-{}", p.id))} aria-hidden="true"></span>{ p.name.get(lang) }</li>
        }
    });
    let approval = if story.meta.map_approval_number.is_empty() {
        ui.approval_pending().get(lang).to_owned()
    } else {
        format!(
            "{} {}",
            ui.approval_number().get(lang),
            story.meta.map_approval_number
        )
    };
    let complete = anim.markers >= 1.0;

    html! {
        <figure class="map-figure" aria-labelledby="map-heading">
            <h2 id="map-heading" class="section-heading">{ ui.map_heading().get(lang) }</h2>
            <p class="map-intro">{ ui.map_intro().get(lang) }</p>
            <div class={classes!("map-frame", l.narrow.then_some("is-narrow"))} ref={frame_ref} {onkeydown}
                data-complete={complete.to_string()}>
                <p class="schematic-tag" aria-hidden="true">{ ui.schematic().get(lang) }</p>
                <svg class="map" viewBox={format!("{} {} {} {}", fmt(f.x), fmt(f.y), fmt(f.w), fmt(f.h))}
                    role="group" aria-label={ui.map_label().get(lang).to_owned()} data-testid="map">
                    <g class="layer-land" aria-hidden="true">{ for provinces }</g>
                    <g class="layer-lakes" aria-hidden="true">{ for lakes }</g>
                    <g class="layer-counties">{ for counties }</g>
                    <path class="outline" aria-hidden="true" d={paths.get(&map.outline.id)} pathLength="1"
                        stroke-dasharray="1 1" stroke-dashoffset={crate::story::format::fixed(1.0 - anim.outline, 3)}
                        stroke-width={fmt(1.75 * upp)} />
                    <g class="layer-distances" aria-hidden="true" opacity={crate::story::format::fixed(anim.markers, 3)}
                        stroke-width={fmt(1.0 * upp)} stroke-dasharray={format!("{} {}", fmt(4.0 * upp), fmt(3.0 * upp))}>
                        { for distances }
                    </g>
                    <g class="layer-markers" opacity={crate::story::format::fixed(anim.markers, 3)} stroke-width={fmt(1.25 * upp)}>
                        { for markers }
                    </g>
                    <g class="layer-labels" aria-hidden="true" opacity={crate::story::format::fixed(anim.markers, 3)}>{ for labels }</g>
                    <g class="furniture" aria-hidden="true">
                        <g class="scale-bar" data-testid="scale-bar">
                            <line x1={fmt(scale.x)} y1={fmt(scale.y)} x2={fmt(scale.x + scale.length)} y2={fmt(scale.y)}
                                stroke-width={fmt(2.0 * upp)} />
                            <line x1={fmt(scale.x)} y1={fmt(scale.y - 5.0 * upp)} x2={fmt(scale.x)} y2={fmt(scale.y)} stroke-width={fmt(1.5 * upp)} />
                            <line x1={fmt(scale.x + scale.length)} y1={fmt(scale.y - 5.0 * upp)} x2={fmt(scale.x + scale.length)} y2={fmt(scale.y)} stroke-width={fmt(1.5 * upp)} />
                            <text x={fmt(scale.x + scale.length + 5.0 * upp)} y={fmt(scale.y - 2.0 * upp)} font-size={fmt(11.0 * upp)}>
                                { format!("{} {}", scale.km, ui.scale_unit().get(lang)) }
                            </text>
                        </g>
                        <g class="north-arrow" data-testid="north-arrow">
                            <path d={format!("M{} {}L{} {}L{} {}L{} {}z", fmt(nx), fmt(ny - ns), fmt(nx + ns * 0.55), fmt(ny + ns * 0.6),
                                fmt(nx), fmt(ny + ns * 0.25), fmt(nx - ns * 0.55), fmt(ny + ns * 0.6))} />
                            <text x={fmt(nx)} y={fmt(ny + ns * 1.55)} font-size={fmt(11.0 * upp)} text-anchor="middle">{ ui.north().get(lang) }</text>
                        </g>
                    </g>
                    // A fixed slot: the SVG keeps the same children whether or not a tooltip shows, so
                    // showing one never rebuilds (and unfocuses) the regions.
                    <g class="tooltip-slot">{ for tip }</g>
                </svg>
            </div>
            <figcaption class="map-caption">
                <ul class="legend" aria-label={ui.legend_heading().get(lang).to_owned()}>
                    { for legend_provinces }
                    <li><span class="swatch swatch-base" aria-hidden="true"></span>{ ui.legend_base().get(lang) }</li>
                    <li><span class="swatch swatch-town" aria-hidden="true"></span>{ ui.legend_zone_town().get(lang) }</li>
                    <li><span class="swatch swatch-city" aria-hidden="true"></span>{ ui.legend_city().get(lang) }</li>
                    <li><span class="swatch swatch-lake" aria-hidden="true"></span>{ ui.legend_lake().get(lang) }</li>
                </ul>
                <p class="map-note">{ "* " }{ ui.approximate_note().get(lang) }</p>
                <p class="map-note">{ ui.distance_note().get(lang) }</p>
                if l.narrow { <p class="map-note">{ ui.close_up_note().get(lang) }</p> }
                <p class="map-note">{ ui.schematic().get(lang) }{ " · " }{ story.meta.map_credit.get(lang) }{ " · " }{ approval }</p>
            </figcaption>
        </figure>
    }
}
