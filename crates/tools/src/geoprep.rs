//! Builds the committed map (`static/data/map.json`) from the GeoJSON in `data/geo/` and the
//! places and label anchors of `story.json`.
//!
//! Pure: it takes the files' text and the story and returns [`MapData`]; the `geoprep` command
//! does the reading and writing, and `./run.sh test` checks that the committed file is exactly what
//! this makes. Boundaries are projected, clipped, simplified and quantized ([`rings`]); every
//! place of the story is projected and the distance lines measured here ([`projection`]), so the
//! browser runs no projection.

pub mod projection;
pub mod rings;

use geojson::{FeatureCollection, GeometryValue};
use projection::{distance_km, Project, ToView};
pub use rings::ring_area;
use rings::{clip_ring, quantize, simplify_ring, Ring};
use story::map::{Feature, MapData, Point, View};
use story::model::{PlaceKind, Story};

/// The input files, by their names in `data/geo/`.
pub const INPUT_FILES: [&str; 4] = [
    "context_provinces_tianditu_wgs84.geojson",
    "six_counties_tianditu_wgs84.geojson",
    "six_counties_union_outline_tianditu_wgs84.geojson",
    "context_lakes_gshhg_full_wgs84.geojson",
];

/// The geographic window of the map (lon, lat of the south-west and north-east corners): all
/// nine big cities and the four provinces around the zone.
pub const WINDOW_DEG: (f64, f64, f64, f64) = (117.0, 29.95, 121.95, 32.3);

/// Width of the view box in user units.
pub const VIEW_WIDTH: f64 = 2000.0;

/// Simplification tolerance for context layers, in view units (about 0.35 km).
pub const CONTEXT_TOLERANCE: f64 = 1.5;

/// Simplification tolerance for the six counties and their outline, in view units.
pub const COUNTY_TOLERANCE: f64 = 0.5;

/// Where the outline's own label anchor goes (lon, lat), in the middle of the six counties.
const OUTLINE_LABEL_DEG: (f64, f64) = (119.55, 31.0);

/// How far outside the view rings are clipped, in view units (so that clipping edges stay out of
/// sight).
const CLIP_MARGIN: f64 = 12.0;

/// An input problem, naming the file and feature.
pub type BuildError = String;

/// Polygons of lon/lat rings (outer ring first).
type Polygons = Vec<Vec<Vec<(f64, f64)>>>;

/// The view box for the window, and projection into it.
struct Frame {
    view: View,
}

impl Frame {
    fn new() -> Frame {
        let (lon0, lat0, lon1, lat1) = WINDOW_DEG;
        let project = |lon, lat| projection::MAP.project(lon, lat);
        let (mut x_min, mut x_max, mut y_min, mut y_max) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for i in 0..=20 {
            let t = f64::from(i) / 20.0;
            for (lon, lat) in [
                (lon0 + t * (lon1 - lon0), lat0),
                (lon0 + t * (lon1 - lon0), lat1),
                (lon0, lat0 + t * (lat1 - lat0)),
                (lon1, lat0 + t * (lat1 - lat0)),
            ] {
                let (x, y) = project(lon, lat);
                x_min = x_min.min(x);
                x_max = x_max.max(x);
                y_min = y_min.min(y);
                y_max = y_max.max(y);
            }
        }
        // Keep the inner box (the window's curved edges would leave empty corners).
        let x_min = x_min.max(project(lon0, lat1).0);
        let x_max = x_max.min(project(lon1, lat1).0);
        let y_max = y_max.min(project((lon0 + lon1) / 2.0, lat1).1);
        let y_min = y_min.max(project(lon0, lat0).1.max(project(lon1, lat0).1));
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
        let (x, y) = projection::MAP.project(lon, lat);
        self.view.to_view(x, y)
    }

    fn label(&self, lon: f64, lat: f64) -> [i32; 2] {
        let (x, y) = self.point(lon, lat);
        [x.round() as i32, y.round() as i32]
    }

    /// Projects, clips (with a margin outside the view), simplifies and quantizes.
    fn rings(&self, polys: &Polygons, tolerance: f64) -> Vec<Vec<i32>> {
        let (w, h) = (self.view.width, self.view.height);
        let mut out = vec![];
        for ring in polys.iter().flatten() {
            let mut projected: Ring = ring
                .iter()
                .map(|&(lon, lat)| self.point(lon, lat))
                .collect();
            if projected.len() > 1 && projected.first() == projected.last() {
                projected.pop();
            }
            let clipped = clip_ring(
                &projected,
                -CLIP_MARGIN,
                -CLIP_MARGIN,
                w + CLIP_MARGIN,
                h + CLIP_MARGIN,
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
        out
    }
}

/// One input file, parsed.
struct Input {
    name: &'static str,
    features: Vec<geojson::Feature>,
}

impl Input {
    fn parse(name: &'static str, text: &str) -> Result<Input, BuildError> {
        let collection: FeatureCollection = text.parse().map_err(|e| format!("{name}: {e}"))?;
        Ok(Input {
            name,
            features: collection.features,
        })
    }

    /// A feature's administrative code (`adcode`), as text.
    fn code(&self, feature: &geojson::Feature) -> Result<String, BuildError> {
        feature
            .property("adcode")
            .and_then(|c| c.as_u64())
            .map(|c| c.to_string())
            .ok_or_else(|| format!("{}: feature without adcode", self.name))
    }

    fn by_code(&self, code: &str) -> Result<&geojson::Feature, BuildError> {
        self.features
            .iter()
            .find(|f| self.code(f).is_ok_and(|c| c == code))
            .ok_or_else(|| format!("{}: no feature with adcode {code}", self.name))
    }

    /// A feature's polygons as lon/lat rings.
    fn polygons(&self, feature: &geojson::Feature) -> Result<Polygons, BuildError> {
        let to_rings = |polygon: &Vec<Vec<geojson::Position>>| {
            polygon
                .iter()
                .map(|ring| ring.iter().map(|p| (p[0], p[1])).collect())
                .collect()
        };
        match feature.geometry.as_ref().map(|g| &g.value) {
            Some(GeometryValue::Polygon { coordinates }) => Ok(vec![to_rings(coordinates)]),
            Some(GeometryValue::MultiPolygon { coordinates }) => {
                Ok(coordinates.iter().map(to_rings).collect())
            }
            Some(other) => Err(format!(
                "{}: unsupported geometry {}",
                self.name,
                other.type_name()
            )),
            None => Err(format!("{}: feature without geometry", self.name)),
        }
    }

    /// The label point the data gives (`label_lonlat`).
    fn label_point(&self, feature: &geojson::Feature) -> Result<(f64, f64), BuildError> {
        let l = feature
            .property("label_lonlat")
            .and_then(|l| l.as_array())
            .ok_or_else(|| format!("{}: feature without label_lonlat", self.name))?;
        match (
            l.first().and_then(|v| v.as_f64()),
            l.get(1).and_then(|v| v.as_f64()),
        ) {
            (Some(x), Some(y)) => Ok((x, y)),
            _ => Err(format!("{}: bad label_lonlat", self.name)),
        }
    }
}

/// Shanghai and the provinces, in the story's order, labelled where the story says.
fn provinces(input: &Input, story: &Story, frame: &Frame) -> Result<Vec<Feature>, BuildError> {
    story
        .provinces
        .iter()
        .map(|p| {
            let feature = input.by_code(&p.code)?;
            Ok(Feature {
                id: p.id.clone(),
                label: frame.label(p.label_deg[0], p.label_deg[1]),
                rings: frame.rings(&input.polygons(feature)?, CONTEXT_TOLERANCE),
            })
        })
        .collect()
}

/// The counties, by code, labelled where the story says or else at the data's label point.
fn counties(input: &Input, story: &Story, frame: &Frame) -> Result<Vec<Feature>, BuildError> {
    let mut counties = input
        .features
        .iter()
        .map(|feature| {
            let code = input.code(feature)?;
            let anchor = story
                .regions
                .iter()
                .find(|r| r.code.as_deref() == Some(code.as_str()));
            let (lon, lat) = match anchor.and_then(|r| r.label_deg) {
                Some([lon, lat]) => (lon, lat),
                None => input.label_point(feature)?,
            };
            Ok(Feature {
                id: code,
                label: frame.label(lon, lat),
                rings: frame.rings(&input.polygons(feature)?, COUNTY_TOLERANCE),
            })
        })
        .collect::<Result<Vec<_>, BuildError>>()?;
    counties.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(counties)
}

/// The outline of the six counties together.
fn outline(input: &Input, frame: &Frame) -> Result<Feature, BuildError> {
    let first = input
        .features
        .first()
        .ok_or_else(|| format!("{}: empty", input.name))?;
    Ok(Feature {
        id: "six-counties".to_owned(),
        label: frame.label(OUTLINE_LABEL_DEG.0, OUTLINE_LABEL_DEG.1),
        rings: frame.rings(&input.polygons(first)?, COUNTY_TOLERANCE),
    })
}

/// The lakes inside the view, named by the Latin words of their names, labelled at the mean of
/// their outer ring.
fn lakes(input: &Input, frame: &Frame) -> Result<Vec<Feature>, BuildError> {
    let mut lakes = vec![];
    for feature in &input.features {
        let name = feature
            .property("name")
            .and_then(|n| n.as_str())
            .unwrap_or("");
        let id = name
            .split_whitespace()
            .filter(|w| w.is_ascii())
            .collect::<Vec<_>>()
            .join("-")
            .to_lowercase();
        if id.is_empty() {
            return Err(format!("{}: lake without a Latin name: {name}", input.name));
        }
        let polys = input.polygons(feature)?;
        let rings = frame.rings(&polys, CONTEXT_TOLERANCE);
        let outer = polys
            .first()
            .and_then(|p| p.first())
            .cloned()
            .unwrap_or_default();
        if rings.is_empty() || outer.is_empty() {
            continue;
        }
        let n = outer.len() as f64;
        let (lon, lat) = outer
            .iter()
            .fold((0.0, 0.0), |acc, p| (acc.0 + p.0 / n, acc.1 + p.1 / n));
        lakes.push(Feature {
            id,
            label: frame.label(lon, lat),
            rings,
        });
    }
    Ok(lakes)
}

/// The zone's centre (lon, lat): the mean of the towns it lies in.
pub fn zone_centre_deg(story: &Story) -> Result<(f64, f64), BuildError> {
    let towns: Vec<_> = story
        .places
        .iter()
        .filter(|p| p.kind == PlaceKind::ZoneTown)
        .collect();
    if towns.is_empty() {
        return Err("story.json: no place of kind zone_town".to_owned());
    }
    let n = towns.len() as f64;
    Ok((
        towns.iter().map(|p| p.lon_deg).sum::<f64>() / n,
        towns.iter().map(|p| p.lat_deg).sum::<f64>() / n,
    ))
}

/// Every place of the story in view units (to 0.01), with its distance from the zone's centre
/// (to 0.1 km) where the story asks for a distance line.
fn points(story: &Story, frame: &Frame, centre_deg: (f64, f64)) -> Vec<Point> {
    let round = |v: f64, per: f64| (v * per).round() / per;
    story
        .places
        .iter()
        .map(|p| {
            let (x, y) = frame.point(p.lon_deg, p.lat_deg);
            Point {
                id: p.id.clone(),
                at: [round(x, 100.0), round(y, 100.0)],
                km: p
                    .distance
                    .then(|| round(distance_km(centre_deg, (p.lon_deg, p.lat_deg)), 10.0)),
            }
        })
        .collect()
}

/// Reads the input files from `dir`, in the order of [`INPUT_FILES`]; an error names the file.
pub fn read_inputs(dir: &std::path::Path) -> Result<[String; 4], BuildError> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    Ok([
        read(INPUT_FILES[0])?,
        read(INPUT_FILES[1])?,
        read(INPUT_FILES[2])?,
        read(INPUT_FILES[3])?,
    ])
}

/// Builds the map from the four input files' text (in the order of [`INPUT_FILES`]) and the
/// story.
pub fn build(inputs: [&str; 4], story: &Story) -> Result<MapData, BuildError> {
    let [provinces_text, counties_text, outline_text, lakes_text] = inputs;
    let frame = Frame::new();
    let centre_deg = zone_centre_deg(story)?;
    let (cx, cy) = frame.point(centre_deg.0, centre_deg.1);
    Ok(MapData {
        projection: projection::MAP,
        view: frame.view,
        provinces: provinces(
            &Input::parse(INPUT_FILES[0], provinces_text)?,
            story,
            &frame,
        )?,
        counties: counties(&Input::parse(INPUT_FILES[1], counties_text)?, story, &frame)?,
        outline: outline(&Input::parse(INPUT_FILES[2], outline_text)?, &frame)?,
        lakes: lakes(&Input::parse(INPUT_FILES[3], lakes_text)?, &frame)?,
        zone_centre: [(cx * 100.0).round() / 100.0, (cy * 100.0).round() / 100.0],
        points: points(story, &frame, centre_deg),
    })
}

/// The committed file's text for a map: compact JSON, one feature or point per line,
/// newline-terminated.
pub fn to_json(map: &MapData) -> Result<String, BuildError> {
    fn line<T: serde::Serialize>(v: &T) -> Result<String, BuildError> {
        serde_json::to_string(v).map_err(|e| e.to_string())
    }
    fn list<T: serde::Serialize>(vs: &[T]) -> Result<String, BuildError> {
        let lines: Result<Vec<String>, BuildError> = vs.iter().map(line).collect();
        Ok(format!("[\n{}\n]", lines?.join(",\n")))
    }
    Ok(format!(
        "{{\"projection\":{},\n\"view\":{},\n\"provinces\":{},\n\"counties\":{},\n\"outline\":{},\n\"lakes\":{},\n\"zone_centre\":{},\n\"points\":{}}}\n",
        line(&map.projection)?,
        line(&map.view)?,
        list(&map.provinces)?,
        list(&map.counties)?,
        line(&map.outline)?,
        list(&map.lakes)?,
        line(&map.zone_centre)?,
        list(&map.points)?,
    ))
}
