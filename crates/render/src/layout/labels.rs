//! The map's labels: what each kind of label says and where it may go (candidate positions,
//! tried in order), and the placement that keeps them apart.

use super::parts::{ring_radius, Anchor, LabelKind, PlacedLabel, Px, Rect, DOT_PX};
use crate::text_metrics::text_width_em;
use story::map::MapData;
use story::model::{Lang, PlaceKind, RegionKind, Story};

/// Which labels win a contested spot, first to last: the six counties and the base always show;
/// then the zone, its towns, the big cities, and the faint context (provinces, Taihu), which
/// gives way to everything else. The distances are not labelled on the map: the legend's key
/// lists them, so no label lies across a county's fill.
pub const PRIORITY: [LabelKind; 7] = [
    LabelKind::County,
    LabelKind::Base,
    LabelKind::Zone,
    LabelKind::Town,
    LabelKind::City,
    LabelKind::Province,
    LabelKind::Lake,
];

/// Every label of the map for this frame and language, in no particular order ([`place`] orders
/// them).
pub fn specs(map: &MapData, story: &Story, lang: Lang, frame: &Rect, px: Px) -> Vec<Spec> {
    let mut specs = county_specs(map, story, lang, px);
    specs.extend(place_specs(map, story, lang, frame, px));
    specs.push(zone_spec(map, story, lang, px));
    specs.extend(province_specs(map, story, lang));
    specs.extend(lake_spec(map, story, lang, px));
    specs
}

/// The six counties' names: at the data's anchor, or a step away from it.
fn county_specs(map: &MapData, story: &Story, lang: Lang, px: Px) -> Vec<Spec> {
    let step = px.of(LabelKind::County.font_px()) * 1.3;
    story
        .regions
        .iter()
        .filter(|r| r.kind != RegionKind::Base)
        .filter_map(|region| {
            let feature = map
                .counties
                .iter()
                .find(|f| Some(f.id.as_str()) == region.code.as_deref())?;
            let (x, y) = (f64::from(feature.label[0]), f64::from(feature.label[1]));
            Some(Spec {
                key: format!("county-{}", region.id),
                kind: LabelKind::County,
                text: region.name.get(lang).to_owned(),
                candidates: vec![
                    (x, y, Anchor::Middle),
                    (x, y - step, Anchor::Middle),
                    (x, y + step, Anchor::Middle),
                    (x - step, y, Anchor::Middle),
                    (x + step, y, Anchor::Middle),
                    (x, y - 2.0 * step, Anchor::Middle),
                    (x, y + 2.0 * step, Anchor::Middle),
                ],
                required: true,
            })
        })
        .collect()
}

/// The base, the zone's towns and the big cities in the frame, beside their symbols (approximate
/// places are starred).
fn place_specs(map: &MapData, story: &Story, lang: Lang, frame: &Rect, px: Px) -> Vec<Spec> {
    story
        .places
        .iter()
        .filter_map(|place| {
            let p = map.point(&place.id).filter(|p| frame.contains(*p))?;
            let name = place.name.get(lang);
            let key = format!("place-{}", place.id);
            let ring = || ring_radius(map, px, place.accuracy_m);
            let (kind, text, candidates, required) = match place.kind {
                PlaceKind::Base => {
                    let font = px.of(LabelKind::Base.font_px());
                    let mut c = around(p.0, p.1, ring() + px.of(4.0), font);
                    c.rotate_left(2); // below/above first, then the sides
                    c.swap(0, 1);
                    (LabelKind::Base, format!("{name}*"), c, true)
                }
                PlaceKind::ZoneTown => {
                    let font = px.of(LabelKind::Town.font_px());
                    (
                        LabelKind::Town,
                        format!("{name}*"),
                        around(p.0, p.1, ring() + px.of(3.0), font),
                        false,
                    )
                }
                PlaceKind::City => {
                    let font = px.of(LabelKind::City.font_px());
                    let c = around(p.0, p.1, px.of(DOT_PX) + px.of(4.0), font);
                    (LabelKind::City, name.to_owned(), c, false)
                }
                PlaceKind::CountySeat => return None,
            };
            Some(Spec {
                key,
                kind,
                text,
                candidates,
                required,
            })
        })
        .collect()
}

/// The zone's own label: below, above or beside its towns.
fn zone_spec(map: &MapData, story: &Story, lang: Lang, px: Px) -> Spec {
    let c = map.zone_centre();
    let off = px.of(30.0);
    Spec {
        key: "zone".to_owned(),
        kind: LabelKind::Zone,
        text: story.ui.zone_label().get(lang).to_owned(),
        candidates: vec![
            (c.0 + off, c.1 + off * 1.6, Anchor::Start),
            (c.0 + off * 1.2, c.1 - off * 1.4, Anchor::Start),
            (c.0, c.1 + off * 2.0, Anchor::Middle),
            (c.0 - off, c.1 + off * 1.6, Anchor::End),
            (c.0 + off * 1.5, c.1, Anchor::Start),
            (c.0, c.1 + off * 3.2, Anchor::Middle),
            (c.0 - off * 1.2, c.1 + off * 3.0, Anchor::End),
        ],
        required: true,
    }
}

/// The provinces' names at their anchors.
fn province_specs(map: &MapData, story: &Story, lang: Lang) -> Vec<Spec> {
    map.provinces
        .iter()
        .filter_map(|p| {
            let province = story.provinces.iter().find(|x| x.id == p.id)?;
            let (x, y) = (f64::from(p.label[0]), f64::from(p.label[1]));
            Some(Spec {
                key: format!("province-{}", p.id),
                kind: LabelKind::Province,
                text: province.name.get(lang).to_owned(),
                candidates: vec![(x, y, Anchor::Middle)],
                required: false,
            })
        })
        .collect()
}

/// Taihu's name, the one lake labelled.
fn lake_spec(map: &MapData, story: &Story, lang: Lang, px: Px) -> Option<Spec> {
    let l = map.lakes.iter().find(|l| l.id == "taihu")?;
    let (x, y) = (f64::from(l.label[0]), f64::from(l.label[1]));
    Some(Spec {
        key: "lake-taihu".to_owned(),
        kind: LabelKind::Lake,
        text: story.ui.taihu().get(lang).to_owned(),
        candidates: vec![
            (x, y, Anchor::Middle),
            (x, y - px.of(20.0), Anchor::Middle),
            (x, y + px.of(20.0), Anchor::Middle),
        ],
        required: false,
    })
}

/// A label to place, with its candidate positions.
pub struct Spec {
    /// Unique key.
    pub key: String,
    /// What it names.
    pub kind: LabelKind,
    /// The text.
    pub text: String,
    /// Candidate positions: (x, y, anchor), tried in order.
    pub candidates: Vec<(f64, f64, Anchor)>,
    /// Place at the first candidate even when all collide (never used for optional labels).
    pub required: bool,
}

fn bbox_of(text: &str, kind: LabelKind, x: f64, y: f64, anchor: Anchor, font: f64) -> Rect {
    let w = text_width_em(text, kind.letter_spacing_em()) * font;
    let h = font * 1.25;
    let left = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - w / 2.0,
        Anchor::End => x - w,
    };
    Rect {
        x: left,
        y: y - h / 2.0,
        w,
        h,
    }
}

/// Places labels in order of [`PRIORITY`] (stable: within a kind, in the order given); each takes its first candidate that stays inside the frame and clear
/// of the obstacles and of the labels placed before it.
pub fn place(specs: &[Spec], obstacles: &mut Vec<Rect>, frame: &Rect, px: Px) -> Vec<PlacedLabel> {
    let pad = px.of(2.0);
    // Kept further from the frame's edge: the width estimate can be short of a real font's.
    let edge = px.of(8.0);
    // In priority order, and within a kind in the order given (one pass per kind, no sort: the
    // standard library's stable sort would cost the browser build kilobytes).
    let in_order = PRIORITY
        .iter()
        .flat_map(|kind| specs.iter().filter(move |s| s.kind == *kind));
    let mut out = Vec::new();
    for spec in in_order {
        let font = px.of(spec.kind.font_px());
        let mut chosen = None;
        for &(x, y, anchor) in &spec.candidates {
            let b = bbox_of(&spec.text, spec.kind, x, y, anchor, font);
            if b.inside(frame, edge) && !obstacles.iter().any(|o| o.overlaps(&b, pad)) {
                chosen = Some((x, y, anchor, b));
                break;
            }
        }
        if chosen.is_none() && spec.required {
            chosen = spec
                .candidates
                .first()
                .map(|&(x, y, a)| (x, y, a, bbox_of(&spec.text, spec.kind, x, y, a, font)));
        }
        if let Some((x, y, anchor, bbox)) = chosen {
            obstacles.push(bbox);
            out.push(PlacedLabel {
                key: spec.key.clone(),
                kind: spec.kind,
                text: spec.text.clone(),
                x,
                y,
                anchor,
                font_units: font,
                bbox,
            });
        }
    }
    out
}

/// Eight positions around a symbol: the sides first, then above and below, then the corners.
fn around(x: f64, y: f64, gap: f64, font: f64) -> Vec<(f64, f64, Anchor)> {
    vec![
        (x + gap, y, Anchor::Start),
        (x - gap, y, Anchor::End),
        (x, y - gap - font * 0.6, Anchor::Middle),
        (x, y + gap + font * 0.6, Anchor::Middle),
        (x + gap * 0.7, y - gap - font * 0.3, Anchor::Start),
        (x + gap * 0.7, y + gap + font * 0.3, Anchor::Start),
        (x - gap * 0.7, y - gap - font * 0.3, Anchor::End),
        (x - gap * 0.7, y + gap + font * 0.3, Anchor::End),
    ]
}
