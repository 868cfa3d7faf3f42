//! Builds the committed map (`static/data/map.json`) from the GeoJSON in `data/geo`.
//!
//! Pure: it takes the files' text and returns [`MapData`]; the `geoprep` command does the reading
//! and writing, and a test checks that the committed file is exactly what this makes.

use crate::story::map::{Albers, Feature, MapData, View};
use serde_json::Value;

/// The input files, by their names in `data/geo`.
pub const INPUT_FILES: [&str; 4] = [
    "context_provinces_tianditu_wgs84.geojson",
    "six_counties_tianditu_wgs84.geojson",
    "six_counties_union_outline_tianditu_wgs84.geojson",
    "context_lakes_gshhg_full_wgs84.geojson",
];

/// The geographic window of the map: all nine big cities, the four provinces around the zone.
pub const WINDOW_DEG: (f64, f64, f64, f64) = (117.0, 29.95, 121.95, 32.3);

/// Width of the view box in user units.
pub const VIEW_WIDTH: f64 = 2000.0;

/// Simplification tolerance for context layers, in view units (about 0.35 km).
pub const CONTEXT_TOLERANCE: f64 = 1.5;

/// Simplification tolerance for the six counties and their outline, in view units.
pub const COUNTY_TOLERANCE: f64 = 0.5;

/// Where each province's name goes (lon, lat): inside the window, clear of the six counties.
pub const PROVINCE_LABELS: [(&str, u32, f64, f64); 4] = [
    ("shanghai", 310000, 121.45, 30.95),
    ("jiangsu", 320000, 119.35, 32.05),
    ("zhejiang", 330000, 119.25, 30.1),
    ("anhui", 340000, 117.9, 31.35),
];

/// County label anchors (code, lon, lat) that replace the data's own, to keep clear of markers.
pub const COUNTY_LABELS: [(&str, f64, f64); 3] = [
    ("341882", 119.3, 30.72),
    ("330522", 119.8, 31.08),
    ("330523", 119.55, 30.5),
];

/// An input problem, naming the file and feature.
pub type BuildError = String;

fn features<'a>(file: &str, doc: &'a Value) -> Result<&'a Vec<Value>, BuildError> {
    doc.get("features")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{file}: no features"))
}

/// Polygons of lon/lat rings (outer ring first).
type Polygons = Vec<Vec<Vec<(f64, f64)>>>;

fn polygons(file: &str, feature: &Value) -> Result<Polygons, BuildError> {
    let geometry = feature
        .get("geometry")
        .ok_or_else(|| format!("{file}: feature without geometry"))?;
    let kind = geometry.get("type").and_then(Value::as_str).unwrap_or("");
    let coords = geometry
        .get("coordinates")
        .ok_or_else(|| format!("{file}: no coordinates"))?;
    let ring = |r: &Value| -> Result<Vec<(f64, f64)>, BuildError> {
        r.as_array()
            .ok_or_else(|| format!("{file}: ring is not an array"))?
            .iter()
            .map(|p| {
                match (
                    p.get(0).and_then(Value::as_f64),
                    p.get(1).and_then(Value::as_f64),
                ) {
                    (Some(x), Some(y)) => Ok((x, y)),
                    _ => Err(format!("{file}: bad point {p}")),
                }
            })
            .collect()
    };
    let polygon = |p: &Value| -> Result<Vec<Vec<(f64, f64)>>, BuildError> {
        p.as_array()
            .ok_or_else(|| format!("{file}: polygon is not an array"))?
            .iter()
            .map(ring)
            .collect()
    };
    match kind {
        "Polygon" => Ok(vec![polygon(coords)?]),
        "MultiPolygon" => coords
            .as_array()
            .ok_or_else(|| format!("{file}: multipolygon is not an array"))?
            .iter()
            .map(polygon)
            .collect(),
        other => Err(format!("{file}: unsupported geometry {other}")),
    }
}

struct Frame {
    view: View,
}

impl Frame {
    fn new() -> Frame {
        let (lon0, lat0, lon1, lat1) = WINDOW_DEG;
        let (mut x_min, mut x_max, mut y_min, mut y_max) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for i in 0..=20 {
            let t = f64::from(i) / 20.0;
            for (lon, lat) in [
                (lon0 + t * (lon1 - lon0), lat0),
                (lon0 + t * (lon1 - lon0), lat1),
                (lon0, lat0 + t * (lat1 - lat0)),
                (lon1, lat0 + t * (lat1 - lat0)),
            ] {
                let (x, y) = Albers::MAP.project(lon, lat);
                x_min = x_min.min(x);
                x_max = x_max.max(x);
                y_min = y_min.min(y);
                y_max = y_max.max(y);
            }
        }
        // Keep the inner box (the window's curved edges would leave empty corners).
        let (xa, _) = Albers::MAP.project(lon0, lat1);
        let (xb, _) = Albers::MAP.project(lon1, lat1);
        let (_, ya) = Albers::MAP.project((lon0 + lon1) / 2.0, lat1);
        let (_, yb) = Albers::MAP.project(lon0, lat0);
        let (_, yc) = Albers::MAP.project(lon1, lat0);
        let x_min = x_min.max(xa);
        let x_max = x_max.min(xb);
        let y_max = y_max.min(ya);
        let y_min = y_min.max(yb.max(yc));
        let units_per_km = VIEW_WIDTH / (x_max - x_min);
        let height = ((y_max - y_min) * units_per_km).round();
        let round3 = |v: f64| (v * 1000.0).round() / 1000.0;
        Frame {
            view: View {
                width: VIEW_WIDTH,
                height,
                x_min_km: round3(x_min),
                y_max_km: round3(y_max),
                units_per_km: round3(units_per_km * 1000.0) / 1000.0,
            },
        }
    }

    fn point(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = Albers::MAP.project(lon, lat);
        self.view.to_view(x, y)
    }

    fn label(&self, lon: f64, lat: f64) -> [i32; 2] {
        let (x, y) = self.point(lon, lat);
        [x.round() as i32, y.round() as i32]
    }

    /// Projects, clips (with a margin outside the view), simplifies and quantizes.
    fn rings(&self, polys: &Polygons, tolerance: f64) -> Vec<Vec<i32>> {
        let margin = 12.0;
        let mut out = vec![];
        for poly in polys {
            for ring in poly {
                let mut projected: Ring = ring
                    .iter()
                    .map(|&(lon, lat)| self.point(lon, lat))
                    .collect();
                if projected.len() > 1 && projected.first() == projected.last() {
                    projected.pop();
                }
                let clipped = clip_ring(
                    &projected,
                    -margin,
                    -margin,
                    self.view.width + margin,
                    self.view.height + margin,
                );
                let simple = simplify_ring(&clipped, tolerance);
                if simple.len() < 3 || ring_area(&simple).abs() < 4.0 {
                    continue;
                }
                let q = quantize(&simple);
                if q.len() >= 6 {
                    out.push(q);
                }
            }
        }
        out
    }
}

fn label_of(file: &str, feature: &Value) -> Result<(f64, f64), BuildError> {
    let l = feature
        .pointer("/properties/label_lonlat")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{file}: feature without label_lonlat"))?;
    match (
        l.first().and_then(Value::as_f64),
        l.get(1).and_then(Value::as_f64),
    ) {
        (Some(x), Some(y)) => Ok((x, y)),
        _ => Err(format!("{file}: bad label_lonlat")),
    }
}

/// Builds the map from the four input files' text, in the order of [`INPUT_FILES`].
pub fn build(inputs: [&str; 4]) -> Result<MapData, BuildError> {
    let parse = |i: usize| -> Result<Value, BuildError> {
        serde_json::from_str(inputs[i]).map_err(|e| format!("{}: {e}", INPUT_FILES[i]))
    };
    let frame = Frame::new();

    let doc = parse(0)?;
    let mut provinces = vec![];
    for (id, adcode, lon, lat) in PROVINCE_LABELS {
        let feature = features(INPUT_FILES[0], &doc)?
            .iter()
            .find(|f| {
                f.pointer("/properties/adcode").and_then(Value::as_u64) == Some(u64::from(adcode))
            })
            .ok_or_else(|| format!("{}: no province {adcode}", INPUT_FILES[0]))?;
        let rings = frame.rings(&polygons(INPUT_FILES[0], feature)?, CONTEXT_TOLERANCE);
        provinces.push(Feature {
            id: id.to_owned(),
            label: frame.label(lon, lat),
            rings,
        });
    }

    let doc = parse(1)?;
    let mut counties = vec![];
    for feature in features(INPUT_FILES[1], &doc)? {
        let code = feature
            .pointer("/properties/adcode")
            .and_then(Value::as_u64)
            .ok_or_else(|| format!("{}: county without adcode", INPUT_FILES[1]))?;
        let (lon, lat) = match COUNTY_LABELS.iter().find(|c| c.0 == code.to_string()) {
            Some(&(_, lon, lat)) => (lon, lat),
            None => label_of(INPUT_FILES[1], feature)?,
        };
        let rings = frame.rings(&polygons(INPUT_FILES[1], feature)?, COUNTY_TOLERANCE);
        counties.push(Feature {
            id: code.to_string(),
            label: frame.label(lon, lat),
            rings,
        });
    }
    counties.sort_by(|a, b| a.id.cmp(&b.id));

    let doc = parse(2)?;
    let first = features(INPUT_FILES[2], &doc)?
        .first()
        .ok_or_else(|| format!("{}: empty", INPUT_FILES[2]))?;
    let outline = Feature {
        id: "six-counties".to_owned(),
        label: frame.label(119.55, 31.0),
        rings: frame.rings(&polygons(INPUT_FILES[2], first)?, COUNTY_TOLERANCE),
    };

    let doc = parse(3)?;
    let mut lakes = vec![];
    for feature in features(INPUT_FILES[3], &doc)? {
        let name = feature
            .pointer("/properties/name")
            .and_then(Value::as_str)
            .unwrap_or("");
        let id: String = name
            .split_whitespace()
            .filter(|w| w.is_ascii())
            .collect::<Vec<_>>()
            .join("-")
            .to_lowercase();
        if id.is_empty() {
            return Err(format!(
                "{}: lake without a Latin name: {name}",
                INPUT_FILES[3]
            ));
        }
        let polys = polygons(INPUT_FILES[3], feature)?;
        let rings = frame.rings(&polys, CONTEXT_TOLERANCE);
        if rings.is_empty() {
            continue;
        }
        let outer = polys
            .first()
            .and_then(|p| p.first())
            .cloned()
            .unwrap_or_default();
        let n = outer.len().max(1) as f64;
        let (lon, lat) = outer
            .iter()
            .fold((0.0, 0.0), |acc, p| (acc.0 + p.0 / n, acc.1 + p.1 / n));
        lakes.push(Feature {
            id,
            label: frame.label(lon, lat),
            rings,
        });
    }

    Ok(MapData {
        projection: Albers::MAP,
        view: frame.view,
        provinces,
        counties,
        outline,
        lakes,
    })
}

/// The committed file's text for a map: compact JSON, one feature per line, newline-terminated.
pub fn to_json(map: &MapData) -> Result<String, BuildError> {
    let line = |f: &Feature| serde_json::to_string(f).map_err(|e| e.to_string());
    let list = |fs: &[Feature]| -> Result<String, BuildError> {
        let lines: Result<Vec<String>, BuildError> = fs.iter().map(line).collect();
        Ok(format!("[\n{}\n]", lines?.join(",\n")))
    };
    Ok(format!(
        "{{\"projection\":{},\n\"view\":{},\n\"provinces\":{},\n\"counties\":{},\n\"outline\":{},\n\"lakes\":{}}}\n",
        serde_json::to_string(&map.projection).map_err(|e| e.to_string())?,
        serde_json::to_string(&map.view).map_err(|e| e.to_string())?,
        list(&map.provinces)?,
        list(&map.counties)?,
        line(&map.outline)?,
        list(&map.lakes)?,
    ))
}

/// A ring of points in view units.
pub type Ring = Vec<(f64, f64)>;

/// Clips a closed ring to the rectangle `[x0, x1] × [y0, y1]` (Sutherland–Hodgman). Concave
/// rings may gain edges along the rectangle's border, which is why the map clips to a rectangle
/// slightly larger than the view.
pub fn clip_ring(ring: &[(f64, f64)], x0: f64, y0: f64, x1: f64, y1: f64) -> Ring {
    type Inside = fn(&(f64, f64), f64) -> bool;
    let edges: [(Inside, f64, bool); 4] = [
        (|p, v| p.0 >= v, x0, true),
        (|p, v| p.0 <= v, x1, true),
        (|p, v| p.1 >= v, y0, false),
        (|p, v| p.1 <= v, y1, false),
    ];
    let mut out: Ring = ring.to_vec();
    for (inside, v, vertical) in edges {
        let input = std::mem::take(&mut out);
        let Some(&last) = input.last() else { break };
        let mut prev = last;
        for &cur in &input {
            let cross = |a: (f64, f64), b: (f64, f64)| {
                if vertical {
                    let t = (v - a.0) / (b.0 - a.0);
                    (v, a.1 + t * (b.1 - a.1))
                } else {
                    let t = (v - a.1) / (b.1 - a.1);
                    (a.0 + t * (b.0 - a.0), v)
                }
            };
            match (inside(&cur, v), inside(&prev, v)) {
                (true, true) => out.push(cur),
                (true, false) => {
                    out.push(cross(prev, cur));
                    out.push(cur);
                }
                (false, true) => out.push(cross(prev, cur)),
                (false, false) => {}
            }
            prev = cur;
        }
    }
    out
}

fn perpendicular_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len == 0.0 {
        ((p.0 - a.0).powi(2) + (p.1 - a.1).powi(2)).sqrt()
    } else {
        ((p.0 - a.0) * dy - (p.1 - a.1) * dx).abs() / len
    }
}

/// Simplifies an open polyline with Douglas–Peucker; keeps both ends.
pub fn simplify_line(points: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0usize, points.len() - 1)];
    while let Some((start, end)) = stack.pop() {
        let mut worst = (0.0, 0usize);
        for i in start + 1..end {
            let d = perpendicular_distance(points[i], points[start], points[end]);
            if d > worst.0 {
                worst = (d, i);
            }
        }
        if worst.0 > tolerance {
            keep[worst.1] = true;
            stack.push((start, worst.1));
            stack.push((worst.1, end));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| *p)
        .collect()
}

/// Simplifies a closed ring: split at the point farthest from the first, simplify both halves.
pub fn simplify_ring(ring: &[(f64, f64)], tolerance: f64) -> Ring {
    if ring.len() < 4 {
        return ring.to_vec();
    }
    let first = ring[0];
    let far = (1..ring.len())
        .max_by(|&a, &b| {
            let da = (ring[a].0 - first.0).powi(2) + (ring[a].1 - first.1).powi(2);
            let db = (ring[b].0 - first.0).powi(2) + (ring[b].1 - first.1).powi(2);
            da.total_cmp(&db)
        })
        .unwrap_or(1);
    let mut a = simplify_line(&ring[..=far], tolerance);
    let mut closing: Vec<(f64, f64)> = ring[far..].to_vec();
    closing.push(first);
    let b = simplify_line(&closing, tolerance);
    a.pop();
    a.extend_from_slice(&b[..b.len() - 1]);
    a
}

/// Signed area of a ring (shoelace), in squared units; positive when counter-clockwise with y up.
pub fn ring_area(ring: &[(f64, f64)]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum::<f64>()
        / 2.0
}

/// Rounds a ring to integer units, drops repeated points and delta-encodes it.
pub fn quantize(ring: &[(f64, f64)]) -> Vec<i32> {
    let mut points: Vec<(i32, i32)> = Vec::with_capacity(ring.len());
    for &(x, y) in ring {
        let p = (x.round() as i32, y.round() as i32);
        if points.last() != Some(&p) {
            points.push(p);
        }
    }
    while points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    let mut out = Vec::with_capacity(points.len() * 2);
    let mut prev = (0, 0);
    for (i, p) in points.iter().enumerate() {
        if i == 0 {
            out.extend([p.0, p.1]);
        } else {
            out.extend([p.0 - prev.0, p.1 - prev.1]);
        }
        prev = *p;
    }
    out
}

#[cfg(test)]
mod geometry_tests {
    use super::*;
    use crate::render::projection::{decode, path_d};

    #[test]
    fn clipping_keeps_inside_and_cuts_outside() {
        let square = vec![(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)];
        let clipped = clip_ring(&square, 0.0, 0.0, 10.0, 10.0);
        assert!((ring_area(&clipped).abs() - 25.0).abs() < 1e-9);
        let outside = clip_ring(&square, 20.0, 20.0, 30.0, 30.0);
        assert!(outside.is_empty());
    }

    #[test]
    fn simplification_keeps_corners_and_drops_noise() {
        let mut ring = vec![];
        for i in 0..=100 {
            ring.push((f64::from(i), if i % 2 == 0 { 0.0 } else { 0.1 }));
        }
        ring.push((100.0, 100.0));
        ring.push((0.0, 100.0));
        let simple = simplify_ring(&ring, 0.5);
        assert!(simple.len() <= 5, "{simple:?}");
        assert!((ring_area(&simple).abs() - 10_000.0).abs() < 60.0);
    }

    #[test]
    fn quantized_rings_round_trip_to_paths() {
        let ring = vec![
            (0.2, 0.4),
            (10.0, 0.0),
            (10.4, 10.0),
            (0.0, 10.0),
            (0.0, 0.0),
        ];
        let q = quantize(&ring);
        assert_eq!(decode(&q), vec![(0, 0), (10, 0), (10, 10), (0, 10)]);
        assert_eq!(path_d(&[q]), "M0 0l10 0 0 10 -10 0z");
    }
}
