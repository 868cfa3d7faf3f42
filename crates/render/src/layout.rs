//! Map layout for a given container width and language: the visible frame, straight-line distances,
//! scale bar, north arrow, hit radii, and collision-free label placement. Pure, tested natively.
//!
//! Units: "units" are the map's view units (the full map is 2000 wide); [`Px`] converts CSS
//! pixels at the current container width. Text widths are estimated
//! ([`crate::text_metrics`]), so placed labels do not collide on screen.
//!
//! Labels are placed in the order of [`labels::PRIORITY`]: each takes its first candidate
//! position that is inside the frame and clear of the furniture, the markers and every label
//! placed before it.

pub mod labels;
pub mod parts;

pub use parts::{ring_radius, Anchor, LabelKind, PlacedLabel, Px, Rect, DOT_PX};

use story::format;
use story::map::MapData;
use story::model::{Lang, PlaceKind, Story};

use crate::breakpoints::NARROW_PX;

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
    /// The zone's leader line: from its centre to the nearest point of its label's box (units).
    pub zone_leader: Option<((f64, f64), (f64, f64))>,
}

/// Straight-line distance from the zone to a place with a distance line, in km, rounded to the
/// nearest 5 km.
pub fn rounded_distance_km(map: &MapData, place_id: &str) -> Option<u32> {
    let (_, km) = map.distances().find(|(id, _)| *id == place_id)?;
    Some(((km / 5.0).round() * 5.0) as u32)
}

/// The six counties' outline's bounding box, in view units.
pub fn outline_bbox(map: &MapData) -> Rect {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for ring in &map.outline.rings {
        for (x, y) in crate::geometry::ring_points(ring) {
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
    let h = b.h + 2.0 * CLOSE_UP_MARGIN_Y;
    // At least CLOSE_UP_ASPECT wide for its height, so that the sticky map leaves a phone's
    // lower half to the cards: widened evenly about the counties, within the full view.
    let w = (b.w + 2.0 * margin).max(h * CLOSE_UP_ASPECT).min(full.w);
    let x = (b.x + b.w / 2.0 - w / 2.0).max(0.0).min(full.w - w);
    (
        Rect {
            x,
            y: b.y - CLOSE_UP_MARGIN_Y,
            w,
            h,
        },
        true,
    )
}

/// The close-up frame's least width-to-height ratio.
pub const CLOSE_UP_ASPECT: f64 = 1.0;
/// The close-up frame's margin above and below the counties, in view units (70 at the sides).
pub const CLOSE_UP_MARGIN_Y: f64 = 45.0;

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

/// The fixed furniture: the schematic tag (top left), the north arrow (top right) and the scale
/// bar (bottom left), with the boxes labels must keep clear of.
fn furniture(
    map: &MapData,
    frame: &Rect,
    narrow: bool,
    px: Px,
) -> ((f64, f64, f64), ScaleBar, Vec<Rect>) {
    let tag = Rect {
        x: frame.x,
        y: frame.y,
        w: px.of(70.0),
        h: px.of(30.0),
    };
    let north = (
        frame.x + frame.w - px.of(22.0),
        frame.y + px.of(24.0),
        px.of(14.0),
    );
    let arrow = Rect {
        x: north.0 - px.of(14.0),
        y: frame.y,
        w: px.of(28.0),
        h: px.of(52.0),
    };
    let scale_km = if narrow { 20 } else { 50 };
    let scale = ScaleBar {
        x: frame.x + px.of(12.0),
        y: frame.y + frame.h - px.of(14.0),
        length: f64::from(scale_km) * map.view.units_per_km,
        km: scale_km,
    };
    let bar = Rect {
        x: scale.x - px.of(4.0),
        y: scale.y - px.of(24.0),
        w: scale.length + px.of(60.0),
        h: px.of(30.0),
    };
    (north, scale, vec![tag, arrow, bar])
}

/// The marker symbols in the frame (city dots, the base and the towns' rings), as boxes labels
/// must keep clear of. County seats have no symbol.
fn marker_obstacles(map: &MapData, story: &Story, frame: &Rect, px: Px) -> Vec<Rect> {
    story
        .places
        .iter()
        .filter_map(|place| {
            let p = map.point(&place.id).filter(|p| frame.contains(*p))?;
            let r = match place.kind {
                PlaceKind::City => px.of(DOT_PX),
                PlaceKind::CountySeat => return None,
                PlaceKind::ZoneTown | PlaceKind::Base => ring_radius(map, px, place.accuracy_m),
            };
            Some(Rect {
                x: p.0 - r,
                y: p.1 - r,
                w: 2.0 * r,
                h: 2.0 * r,
            })
        })
        .collect()
}

/// The distance lines from the zone's centre, ending at the place or where the line leaves the
/// frame.
fn distance_lines(map: &MapData, frame: &Rect, px: Px) -> Vec<DistanceLine> {
    let from = map.zone_centre();
    map.distances()
        .filter_map(|(id, _)| {
            let target = map.point(id)?;
            let (to, off_frame) = clip_to_frame(from, target, frame, px.of(16.0));
            Some(DistanceLine {
                place: id.to_owned(),
                km: rounded_distance_km(map, id)?,
                from,
                to,
                off_frame,
            })
        })
        .collect()
}

/// Tap-target radius of each selectable marker in the frame: [`HIT_PX`], or half the distance to
/// the nearest other marker where two crowd, never below 12 px.
fn hit_radii(map: &MapData, story: &Story, frame: &Rect, px: Px) -> Vec<(String, f64)> {
    let markers: Vec<(String, (f64, f64))> = story
        .places
        .iter()
        .filter(|p| p.kind != PlaceKind::CountySeat)
        .filter_map(|p| Some((p.id.clone(), map.point(&p.id)?)))
        .filter(|(_, p)| frame.contains(*p))
        .collect();
    markers
        .iter()
        .map(|(id, p)| {
            let nearest = markers
                .iter()
                .filter(|(other, _)| other != id)
                .map(|(_, q)| ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt())
                .fold(f64::INFINITY, f64::min);
            (
                id.clone(),
                px.of(HIT_PX).min(nearest / 2.0).max(px.of(12.0)),
            )
        })
        .collect()
}

/// Radius of a full tap target (44 px across), in CSS px.
pub const HIT_PX: f64 = 22.0;
/// Radius of the base symbol, in CSS px.
pub const BASE_PX: f64 = 7.0;

/// The text of a distance in the map's key, e.g. "上海 约180公里" or "Shanghai ~180 km".
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
    let px = Px(frame.w / container_px);
    let (north, scale, mut obstacles) = furniture(map, &frame, narrow, px);
    obstacles.extend(marker_obstacles(map, story, &frame, px));
    let distances = distance_lines(map, &frame, px);
    let specs = labels::specs(map, story, lang, &frame, px);
    let labels = labels::place(&specs, &mut obstacles, &frame, px);
    let zone_leader = leader(map.zone_centre(), &labels, px);
    MapLayout {
        frame,
        units_per_px: px.0,
        narrow,
        labels,
        distances,
        scale,
        north,
        hit_radius: px.of(HIT_PX),
        hit_radii: hit_radii(map, story, &frame, px),
        dot_radius: px.of(DOT_PX),
        base_radius: px.of(BASE_PX),
        zone_leader,
    }
}

/// A line from the zone's centre to its label's box, stopping short of both (none when the label
/// sits on the centre).
fn leader(centre: (f64, f64), labels: &[PlacedLabel], px: Px) -> Option<((f64, f64), (f64, f64))> {
    let b = labels.iter().find(|l| l.kind == LabelKind::Zone)?.bbox;
    let to = (
        centre.0.max(b.x).min(b.x + b.w),
        centre.1.max(b.y).min(b.y + b.h),
    );
    let (dx, dy) = (to.0 - centre.0, to.1 - centre.1);
    let length = (dx * dx + dy * dy).sqrt();
    let gap = px.of(4.0);
    if length <= 2.0 * gap {
        return None;
    }
    let (ux, uy) = (dx / length, dy / length);
    Some((
        (centre.0 + ux * gap, centre.1 + uy * gap),
        (to.0 - ux * gap * 0.5, to.1 - uy * gap * 0.5),
    ))
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use story::model::RegionKind;

    fn fixtures() -> (MapData, std::rc::Rc<Story>) {
        (story::fixtures::map(), story::fixtures::story())
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
        let (map, _) = fixtures();
        let km = |id| rounded_distance_km(&map, id).unwrap();
        // Great-circle distances from the towns' mean position (119.6475°E, 30.8525°N).
        assert_eq!(km("shanghai"), 180);
        assert_eq!(km("hangzhou"), 80);
        assert_eq!(km("nanjing"), 155);
        assert_eq!(km("hefei"), 250);
        let ids: Vec<&str> = map.distances().map(|(id, _)| id).collect();
        assert_eq!(ids, ["shanghai", "hangzhou", "nanjing", "hefei"]);
        for id in ids {
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
            let point = |id: &str| map.point(id).unwrap();
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
    fn the_zone_label_has_a_leader_from_its_centre() {
        let (map, story) = fixtures();
        for width in [320.0, 360.0, 1280.0] {
            let l = layout(&map, &story, Lang::Zh, width);
            let zone = l.labels.iter().find(|x| x.kind == LabelKind::Zone).unwrap();
            let (from, to) = l.zone_leader.unwrap();
            let c = map.zone_centre();
            assert!(
                ((from.0 - c.0).powi(2) + (from.1 - c.1).powi(2)).sqrt() < 5.0 * l.units_per_px
            );
            let near = zone.bbox.x - 3.0 * l.units_per_px <= to.0
                && to.0 <= zone.bbox.x + zone.bbox.w + 3.0 * l.units_per_px
                && zone.bbox.y - 3.0 * l.units_per_px <= to.1
                && to.1 <= zone.bbox.y + zone.bbox.h + 3.0 * l.units_per_px;
            assert!(near, "{width}: the leader ends at the label (within 3 px)");
        }
    }
}
