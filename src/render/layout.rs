//! Map layout for a given container width and language: the visible frame, straight-line distances,
//! scale bar, north arrow, hit radii, and collision-free label placement. Pure, tested natively.
//!
//! Units: "units" are the map's view units (the full map is 2000 wide); `units_per_px` converts CSS
//! pixels at the current container width. Text widths are estimated per character (CJK one em,
//! Latin about 0.6 em) with a safety margin, so placed labels do not collide on screen.

use crate::render::projection::distance_km;
use crate::story::format;
use crate::story::map::MapData;
use crate::story::model::{Lang, PlaceKind, RegionKind, Story};

/// Containers narrower than this (CSS px) get the close-up frame around the six counties.
pub const NARROW_PX: f64 = 600.0;

/// A rectangle in view units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// True when the two rectangles overlap by more than `pad` on both axes.
    pub fn overlaps(&self, o: &Rect, pad: f64) -> bool {
        self.x < o.x + o.w + pad
            && o.x < self.x + self.w + pad
            && self.y < o.y + o.h + pad
            && o.y < self.y + self.h + pad
    }

    /// True when `self` lies inside `o` shrunk by `pad`.
    pub fn inside(&self, o: &Rect, pad: f64) -> bool {
        self.x >= o.x + pad
            && self.y >= o.y + pad
            && self.x + self.w <= o.x + o.w - pad
            && self.y + self.h <= o.y + o.h - pad
    }

    /// True when the point lies strictly inside.
    pub fn contains(&self, p: (f64, f64)) -> bool {
        p.0 > self.x && p.0 < self.x + self.w && p.1 > self.y && p.1 < self.y + self.h
    }
}

/// What a label names (sets its style and placement priority).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelKind {
    /// One of the six counties.
    County,
    /// The base.
    Base,
    /// The zone.
    Zone,
    /// A town the zone lies in.
    Town,
    /// A big city.
    City,
    /// A straight-line distance.
    Distance,
    /// A province (faint context).
    Province,
    /// Taihu.
    Lake,
}

impl LabelKind {
    /// The CSS class suffix.
    pub fn key(self) -> &'static str {
        match self {
            LabelKind::County => "county",
            LabelKind::Base => "base",
            LabelKind::Zone => "zone",
            LabelKind::Town => "town",
            LabelKind::City => "city",
            LabelKind::Distance => "distance",
            LabelKind::Province => "province",
            LabelKind::Lake => "lake",
        }
    }

    /// Font size in CSS pixels.
    pub fn font_px(self) -> f64 {
        match self {
            LabelKind::County => 14.0,
            LabelKind::Province => 13.0,
            LabelKind::City | LabelKind::Base | LabelKind::Zone | LabelKind::Lake => 12.0,
            LabelKind::Town | LabelKind::Distance => 11.0,
        }
    }

    /// Extra space between letters, in em (provinces are letter-spaced).
    pub fn letter_spacing_em(self) -> f64 {
        if self == LabelKind::Province {
            0.2
        } else {
            0.0
        }
    }
}

/// Horizontal text anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Text starts at x.
    Start,
    /// Text is centred on x.
    Middle,
    /// Text ends at x.
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A label with its final position.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    /// Unique key.
    pub key: String,
    /// What it names.
    pub kind: LabelKind,
    /// The text.
    pub text: String,
    /// Anchor x (units).
    pub x: f64,
    /// Baseline-middle y (units): the text is drawn with `dominant-baseline="central"`.
    pub y: f64,
    /// Horizontal anchor.
    pub anchor: Anchor,
    /// Font size in units.
    pub font_units: f64,
    /// The box the text is estimated to cover (units).
    pub bbox: Rect,
}

/// A straight line from the zone to a big city, with its rounded distance.
#[derive(Clone, Debug, PartialEq)]
pub struct DistanceLine {
    /// The city's place id.
    pub place: String,
    /// Great-circle distance, rounded to the nearest 5 km.
    pub km: u32,
    /// Start (the zone), units.
    pub from: (f64, f64),
    /// End: the city, or where the line leaves the frame.
    pub to: (f64, f64),
    /// True when the city itself is outside the frame.
    pub off_frame: bool,
}

/// A scale bar.
#[derive(Clone, Debug, PartialEq)]
pub struct ScaleBar {
    /// Left end (units).
    pub x: f64,
    /// Baseline (units).
    pub y: f64,
    /// Length in units.
    pub length: f64,
    /// What it measures, in km.
    pub km: u32,
}

/// Everything the map view needs for one width and language.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    /// The visible part of the map (the SVG viewBox).
    pub frame: Rect,
    /// View units per CSS pixel.
    pub units_per_px: f64,
    /// Whether this is the close-up frame.
    pub narrow: bool,
    /// Placed labels; any label that could not be placed without overlap is left out.
    pub labels: Vec<PlacedLabel>,
    /// Straight-line distances from the zone.
    pub distances: Vec<DistanceLine>,
    /// Scale bar.
    pub scale: ScaleBar,
    /// North arrow position (units) and size.
    pub north: (f64, f64, f64),
    /// Radius of a 44-px tap target, in units.
    pub hit_radius: f64,
    /// Tap-target radius of each selectable marker in the frame (place id, units): 22 px, or half
    /// the distance to the nearest other marker where two are closer than 44 px (never below 12 px,
    /// the WCAG 2.2 minimum of 24 px across), so that targets never overlap.
    pub hit_radii: Vec<(String, f64)>,
    /// Radius of a city dot, in units.
    pub dot_radius: f64,
    /// Stroke-free radius of the base symbol, in units.
    pub base_radius: f64,
}

/// Radius of an approximate-location ring, in units: the location's accuracy at map scale, but at
/// least 9 px so that it stays visible.
pub fn ring_radius(map: &MapData, units_per_px: f64, accuracy_m: f64) -> f64 {
    (accuracy_m / 1000.0 * map.view.units_per_km).max(9.0 * units_per_px)
}

/// Estimated width of `text` in em.
pub fn text_width_em(text: &str, letter_spacing_em: f64) -> f64 {
    let glyphs: f64 = text
        .chars()
        .map(|c| match c {
            ' ' => 0.3,
            '*' | '.' | ',' | '\'' | '’' | ':' => 0.35,
            'i' | 'l' | 'j' | 'I' | 'f' | 't' | 'r' => 0.38,
            'm' | 'w' | 'M' | 'W' => 0.9,
            c if c.is_ascii_uppercase() => 0.7,
            c if c.is_ascii() => 0.58,
            '²' => 0.4,
            _ => 1.0,
        })
        .sum();
    let n = text.chars().count() as f64;
    glyphs * 1.08 + letter_spacing_em * n
}

/// Breaks `text` into lines of at most `max_em` (estimated): Latin at spaces, CJK anywhere.
pub fn wrap(text: &str, max_em: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut word = String::new();
    let flush_word = |line: &mut String, word: &mut String, lines: &mut Vec<String>| {
        if word.is_empty() {
            return;
        }
        if !line.is_empty() && text_width_em(&format!("{line}{word}"), 0.0) > max_em {
            lines.push(line.trim_end().to_owned());
            line.clear();
        }
        line.push_str(word);
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii() && c != ' ' {
            word.push(c);
            continue;
        }
        flush_word(&mut line, &mut word, &mut lines);
        if c == ' ' {
            if !line.is_empty() {
                line.push(' ');
            }
            continue;
        }
        if !line.is_empty() && text_width_em(&format!("{line}{c}"), 0.0) > max_em {
            lines.push(line.trim_end().to_owned());
            line.clear();
        }
        line.push(c);
    }
    flush_word(&mut line, &mut word, &mut lines);
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// The places the distance lines go to (the four big neighbours of the "geographic centre").
pub const DISTANCE_TARGETS: [&str; 4] = ["shanghai", "hangzhou", "nanjing", "hefei"];

/// The zone's estimated centre: the mean of the towns it lies in (lon, lat).
pub fn zone_centre(story: &Story) -> Option<(f64, f64)> {
    let towns: Vec<_> = story
        .places
        .iter()
        .filter(|p| p.kind == PlaceKind::ZoneTown)
        .collect();
    if towns.is_empty() {
        return None;
    }
    let n = towns.len() as f64;
    Some((
        towns.iter().map(|p| p.lon_deg).sum::<f64>() / n,
        towns.iter().map(|p| p.lat_deg).sum::<f64>() / n,
    ))
}

/// Straight-line distance from the zone to a place, in km, rounded to the nearest 5 km.
pub fn rounded_distance_km(story: &Story, place_id: &str) -> Option<u32> {
    let centre = zone_centre(story)?;
    let p = story.places.iter().find(|p| p.id == place_id)?;
    let km = distance_km(centre, (p.lon_deg, p.lat_deg));
    Some(((km / 5.0).round() * 5.0) as u32)
}

fn outline_bbox(map: &MapData) -> Rect {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for ring in &map.outline.rings {
        for (x, y) in crate::render::projection::decode(ring) {
            let (x, y) = (f64::from(x), f64::from(y));
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
    }
    Rect {
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
    }
}

/// The visible frame for a container width.
pub fn frame_for(map: &MapData, container_px: f64) -> (Rect, bool) {
    let full = Rect {
        x: 0.0,
        y: 0.0,
        w: map.view.width,
        h: map.view.height,
    };
    if container_px >= NARROW_PX {
        return (full, false);
    }
    let b = outline_bbox(map);
    let margin = 70.0;
    (
        Rect {
            x: b.x - margin,
            y: b.y - margin,
            w: b.w + 2.0 * margin,
            h: b.h + 2.0 * margin,
        },
        true,
    )
}

/// Clips the segment from `a` (inside) towards `b` to the frame shrunk by `pad`; returns the end.
fn clip_to_frame(a: (f64, f64), b: (f64, f64), f: &Rect, pad: f64) -> ((f64, f64), bool) {
    let (x0, y0, x1, y1) = (f.x + pad, f.y + pad, f.x + f.w - pad, f.y + f.h - pad);
    if b.0 >= x0 && b.0 <= x1 && b.1 >= y0 && b.1 <= y1 {
        return (b, false);
    }
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let mut t: f64 = 1.0;
    if dx > 0.0 {
        t = t.min((x1 - a.0) / dx);
    }
    if dx < 0.0 {
        t = t.min((x0 - a.0) / dx);
    }
    if dy > 0.0 {
        t = t.min((y1 - a.1) / dy);
    }
    if dy < 0.0 {
        t = t.min((y0 - a.1) / dy);
    }
    ((a.0 + t * dx, a.1 + t * dy), true)
}

struct Spec {
    key: String,
    kind: LabelKind,
    text: String,
    /// Candidate positions: (x, y, anchor), tried in order.
    candidates: Vec<(f64, f64, Anchor)>,
    /// Place at the first candidate even when all collide (never used for optional labels).
    required: bool,
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

/// Places labels in order; each takes its first candidate that stays inside the frame and clear
/// of the obstacles and of the labels placed before it.
fn place(specs: Vec<Spec>, obstacles: &mut Vec<Rect>, frame: &Rect, upp: f64) -> Vec<PlacedLabel> {
    let pad = 2.0 * upp;
    let mut out = Vec::new();
    for spec in specs {
        let font = spec.kind.font_px() * upp;
        let mut chosen = None;
        for &(x, y, anchor) in &spec.candidates {
            let b = bbox_of(&spec.text, spec.kind, x, y, anchor, font);
            if b.inside(frame, pad) && !obstacles.iter().any(|o| o.overlaps(&b, pad)) {
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
                key: spec.key,
                kind: spec.kind,
                text: spec.text,
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

/// The text of a distance label, e.g. "上海 约180公里" or "Shanghai ~180 km".
pub fn distance_text(story: &Story, place_id: &str, km: u32, lang: Lang) -> String {
    let name = story
        .places
        .iter()
        .find(|p| p.id == place_id)
        .map(|p| p.name.get(lang))
        .unwrap_or("");
    format::fill(
        story.ui.distance_label().get(lang),
        &[("name", name), ("km", &km.to_string())],
    )
}

/// Lays out the map for a container `container_px` wide, in `lang`.
pub fn layout(map: &MapData, story: &Story, lang: Lang, container_px: f64) -> MapLayout {
    let container_px = if container_px.is_finite() && container_px > 0.0 {
        container_px
    } else {
        1000.0
    };
    let (frame, narrow) = frame_for(map, container_px);
    let upp = frame.w / container_px;
    let hit_radius = 22.0 * upp;
    let dot_radius = 3.5 * upp;
    let base_radius = 7.0 * upp;
    let ring_px = |accuracy_m: f64| ring_radius(map, upp, accuracy_m);
    let inside = |p: (f64, f64)| frame.contains(p);

    let mut obstacles: Vec<Rect> = Vec::new();
    // The schematic tag (top left) and the north arrow (top right) are fixed furniture.
    obstacles.push(Rect {
        x: frame.x,
        y: frame.y,
        w: 70.0 * upp,
        h: 30.0 * upp,
    });
    let north = (
        frame.x + frame.w - 22.0 * upp,
        frame.y + 24.0 * upp,
        14.0 * upp,
    );
    obstacles.push(Rect {
        x: north.0 - 14.0 * upp,
        y: frame.y,
        w: 28.0 * upp,
        h: 52.0 * upp,
    });
    let scale_km = if narrow { 20 } else { 50 };
    let scale = ScaleBar {
        x: frame.x + 12.0 * upp,
        y: frame.y + frame.h - 14.0 * upp,
        length: f64::from(scale_km) * map.view.units_per_km,
        km: scale_km,
    };
    obstacles.push(Rect {
        x: scale.x - 4.0 * upp,
        y: scale.y - 24.0 * upp,
        w: scale.length + 60.0 * upp,
        h: 30.0 * upp,
    });

    for place in &story.places {
        let p = map.point(place.lon_deg, place.lat_deg);
        if !inside(p) {
            continue;
        }
        let r = match place.kind {
            PlaceKind::City => dot_radius,
            PlaceKind::CountySeat => continue,
            PlaceKind::ZoneTown | PlaceKind::Base => ring_px(place.accuracy_m),
        };
        obstacles.push(Rect {
            x: p.0 - r,
            y: p.1 - r,
            w: 2.0 * r,
            h: 2.0 * r,
        });
    }

    let mut specs = Vec::new();
    let county_font = LabelKind::County.font_px() * upp;
    for region in story.regions.iter().filter(|r| r.kind != RegionKind::Base) {
        let Some(feature) = map
            .counties
            .iter()
            .find(|f| Some(f.id.as_str()) == region.code.as_deref())
        else {
            continue;
        };
        let (x, y) = (f64::from(feature.label[0]), f64::from(feature.label[1]));
        let step = county_font * 1.3;
        specs.push(Spec {
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
        });
    }
    let mut town_specs = Vec::new();
    let mut city_specs = Vec::new();
    for place in &story.places {
        let p = map.point(place.lon_deg, place.lat_deg);
        if !inside(p) {
            continue;
        }
        let name = place.name.get(lang);
        match place.kind {
            PlaceKind::Base => {
                let r = ring_px(place.accuracy_m);
                let font = LabelKind::Base.font_px() * upp;
                let mut c = around(p.0, p.1, r + 4.0 * upp, font);
                c.rotate_left(2); // below/above first, then the sides
                c.swap(0, 1);
                specs.push(Spec {
                    key: format!("place-{}", place.id),
                    kind: LabelKind::Base,
                    text: format!("{name}*"),
                    candidates: c,
                    required: true,
                });
            }
            PlaceKind::ZoneTown => {
                let r = ring_px(place.accuracy_m);
                let font = LabelKind::Town.font_px() * upp;
                town_specs.push(Spec {
                    key: format!("place-{}", place.id),
                    kind: LabelKind::Town,
                    text: format!("{name}*"),
                    candidates: around(p.0, p.1, r + 3.0 * upp, font),
                    required: false,
                });
            }
            PlaceKind::City => {
                let font = LabelKind::City.font_px() * upp;
                city_specs.push(Spec {
                    key: format!("place-{}", place.id),
                    kind: LabelKind::City,
                    text: name.to_owned(),
                    candidates: around(p.0, p.1, dot_radius + 4.0 * upp, font),
                    required: false,
                });
            }
            PlaceKind::CountySeat => {}
        }
    }
    // The zone's own label: below, above or beside its towns.
    let mut distances = Vec::new();
    if let Some(centre) = zone_centre(story) {
        let c = map.point(centre.0, centre.1);
        let off = 30.0 * upp;
        specs.push(Spec {
            key: "zone".to_owned(),
            kind: LabelKind::Zone,
            text: story.ui.zone_label().get(lang).to_owned(),
            candidates: vec![
                (c.0 + off, c.1 + off * 1.6, Anchor::Start),
                (c.0 + off * 1.2, c.1 - off * 1.4, Anchor::Start),
                (c.0, c.1 + off * 2.0, Anchor::Middle),
                (c.0 - off, c.1 + off * 1.6, Anchor::End),
                (c.0 + off * 1.5, c.1, Anchor::Start),
            ],
            required: true,
        });
        for id in DISTANCE_TARGETS {
            let (Some(place), Some(km)) = (
                story.places.iter().find(|p| p.id == id),
                rounded_distance_km(story, id),
            ) else {
                continue;
            };
            let target = map.point(place.lon_deg, place.lat_deg);
            let (end, off_frame) = clip_to_frame(c, target, &frame, 16.0 * upp);
            distances.push(DistanceLine {
                place: id.to_owned(),
                km,
                from: c,
                to: end,
                off_frame,
            });
        }
    }
    specs.append(&mut town_specs);
    specs.append(&mut city_specs);
    for d in &distances {
        let text = distance_text(story, &d.place, d.km, lang);
        let font = LabelKind::Distance.font_px() * upp;
        let (dx, dy) = (d.to.0 - d.from.0, d.to.1 - d.from.1);
        let anchor = if dx >= 0.0 {
            Anchor::End
        } else {
            Anchor::Start
        };
        let mut candidates = Vec::new();
        let ts: &[f64] = if d.off_frame {
            &[0.97, 0.9, 0.82, 0.74]
        } else {
            &[0.55, 0.45, 0.65, 0.35, 0.75]
        };
        for &t in ts {
            let (x, y) = (d.from.0 + t * dx, d.from.1 + t * dy);
            let side = if dy >= 0.0 { -1.0 } else { 1.0 };
            candidates.push((x, y + side * font * 0.9, anchor));
            candidates.push((x, y - side * font * 0.9, anchor));
        }
        specs.push(Spec {
            key: format!("distance-{}", d.place),
            kind: LabelKind::Distance,
            text,
            candidates,
            required: false,
        });
    }
    for p in &map.provinces {
        let Some(province) = story.provinces.iter().find(|x| x.id == p.id) else {
            continue;
        };
        let (x, y) = (f64::from(p.label[0]), f64::from(p.label[1]));
        specs.push(Spec {
            key: format!("province-{}", p.id),
            kind: LabelKind::Province,
            text: province.name.get(lang).to_owned(),
            candidates: vec![(x, y, Anchor::Middle)],
            required: false,
        });
    }
    if let Some(l) = map.lakes.iter().find(|l| l.id == "taihu") {
        let (x, y) = (f64::from(l.label[0]), f64::from(l.label[1]));
        specs.push(Spec {
            key: "lake-taihu".to_owned(),
            kind: LabelKind::Lake,
            text: story.ui.taihu().get(lang).to_owned(),
            candidates: vec![
                (x, y, Anchor::Middle),
                (x, y - 20.0 * upp, Anchor::Middle),
                (x, y + 20.0 * upp, Anchor::Middle),
            ],
            required: false,
        });
    }
    let labels = place(specs, &mut obstacles, &frame, upp);
    let markers: Vec<(String, (f64, f64))> = story
        .places
        .iter()
        .filter(|p| p.kind != PlaceKind::CountySeat)
        .map(|p| (p.id.clone(), map.point(p.lon_deg, p.lat_deg)))
        .filter(|(_, p)| inside(*p))
        .collect();
    let hit_radii = markers
        .iter()
        .map(|(id, p)| {
            let nearest = markers
                .iter()
                .filter(|(other, _)| other != id)
                .map(|(_, q)| ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt())
                .fold(f64::INFINITY, f64::min);
            (id.clone(), hit_radius.min(nearest / 2.0).max(12.0 * upp))
        })
        .collect();
    MapLayout {
        frame,
        units_per_px: upp,
        narrow,
        labels,
        distances,
        scale,
        north,
        hit_radius,
        hit_radii,
        dot_radius,
        base_radius,
    }
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;

    fn fixtures() -> (MapData, std::rc::Rc<Story>) {
        (crate::fixtures::map(), crate::fixtures::story())
    }

    #[test]
    fn labels_never_overlap_at_the_four_widths_in_both_languages() {
        let (map, story) = fixtures();
        for width in [320.0, 375.0, 768.0, 1280.0, 360.0, 600.0, 599.0, 1440.0] {
            for lang in [Lang::Zh, Lang::En] {
                let l = layout(&map, &story, lang, width);
                for (i, a) in l.labels.iter().enumerate() {
                    assert!(
                        a.bbox.inside(&l.frame, 0.0),
                        "{width} {lang:?}: {} leaves the frame",
                        a.key
                    );
                    for b in &l.labels[i + 1..] {
                        assert!(
                            !a.bbox.overlaps(&b.bbox, 0.0),
                            "{width} {lang:?}: {} overlaps {}",
                            a.key,
                            b.key
                        );
                    }
                }
                // Every county and the base keep their labels.
                for region in &story.regions {
                    let key = if region.kind == RegionKind::Base {
                        format!("place-{}", region.place)
                    } else {
                        format!("county-{}", region.id)
                    };
                    assert!(
                        l.labels.iter().any(|x| x.key == key),
                        "{width} {lang:?}: {key} dropped"
                    );
                }
                assert!(
                    l.labels.iter().any(|x| x.key == "zone"),
                    "{width} {lang:?}: zone label dropped"
                );
            }
        }
    }

    #[test]
    fn narrow_containers_get_the_close_up() {
        let (map, _) = fixtures();
        let (wide, n1) = frame_for(&map, 1280.0);
        let (close, n2) = frame_for(&map, 360.0);
        assert!(!n1 && n2);
        assert!(close.w < wide.w / 2.0);
        assert!(close.inside(&wide, -100.0));
    }

    #[test]
    fn distances_are_straight_line_and_rounded_to_five_km() {
        let (_, story) = fixtures();
        let km = |id| rounded_distance_km(&story, id).unwrap();
        // Great-circle distances from the towns' mean position (119.6475°E, 30.8525°N).
        assert_eq!(km("shanghai"), 180);
        assert_eq!(km("hangzhou"), 80);
        assert_eq!(km("nanjing"), 155);
        assert_eq!(km("hefei"), 250);
        for id in DISTANCE_TARGETS {
            assert_eq!(km(id) % 5, 0);
        }
    }

    #[test]
    fn off_frame_cities_get_lines_to_the_edge() {
        let (map, story) = fixtures();
        let l = layout(&map, &story, Lang::Zh, 360.0);
        assert_eq!(l.distances.len(), 4);
        for d in &l.distances {
            if d.place != "hangzhou" {
                assert!(d.off_frame, "{} is outside the close-up", d.place);
            }
            assert!(d.to.0 >= l.frame.x && d.to.0 <= l.frame.x + l.frame.w);
        }
        let wide = layout(&map, &story, Lang::Zh, 1280.0);
        assert!(wide.distances.iter().all(|d| !d.off_frame));
    }

    #[test]
    fn tap_targets_are_44_px_unless_two_markers_crowd_and_never_overlap() {
        let (map, story) = fixtures();
        for width in [320.0, 375.0, 768.0, 1280.0] {
            let l = layout(&map, &story, Lang::Zh, width);
            assert!((l.hit_radius * 2.0 / l.units_per_px - 44.0).abs() < 1e-9);
            let point = |id: &str| {
                let p = story.places.iter().find(|p| p.id == id).unwrap();
                map.point(p.lon_deg, p.lat_deg)
            };
            for (i, (a, ra)) in l.hit_radii.iter().enumerate() {
                assert!(
                    *ra / l.units_per_px >= 12.0 - 1e-9,
                    "{width}: {a} target under 24 px"
                );
                for (b, rb) in &l.hit_radii[i + 1..] {
                    let (pa, pb) = (point(a), point(b));
                    let d = ((pa.0 - pb.0).powi(2) + (pa.1 - pb.1).powi(2)).sqrt();
                    if d >= 24.0 * l.units_per_px {
                        assert!(
                            ra + rb <= d + 1e-6,
                            "{width}: targets of {a} and {b} overlap"
                        );
                    }
                }
            }
            // Markers that stand alone get the full 44 px.
            let (_, hefei) = l
                .hit_radii
                .iter()
                .find(|(id, _)| id == "baimaoling")
                .unwrap();
            assert!((hefei * 2.0 / l.units_per_px - 44.0).abs() < 1e-6);
        }
    }

    #[test]
    fn wrapping_keeps_every_character_and_respects_the_width() {
        for text in [
            "合作区一部分在县内泗安镇，申苏浙皖高速从这里通往安徽。",
            "Part of the zone lies in its town of Si’an, on the expressway towards Anhui.",
        ] {
            let lines = wrap(text, 12.0);
            assert!(lines.len() > 1);
            for l in &lines {
                assert!(
                    text_width_em(l, 0.0) <= 12.0 + 1e-9 || !l.contains(' '),
                    "{l}"
                );
            }
            let joined: String = lines.concat();
            assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
        }
    }

    #[test]
    fn text_widths_grow_with_text() {
        assert!(text_width_em("长兴县", 0.0) > text_width_em("长兴", 0.0));
        assert!(text_width_em("Changxing", 0.0) < text_width_em("长兴县长兴县", 0.0));
    }
}
