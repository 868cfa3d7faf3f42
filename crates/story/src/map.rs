//! The committed map's types (`static/data/map.json`, written by `cargo run -p tools --bin geoprep`).
//!
//! Everything in it is already projected to view units (x right, y down): boundaries, label
//! anchors, every place of the story and the distances from the zone, so the browser runs no
//! projection and no trigonometry.

use serde::{Deserialize, Serialize};

/// A spherical Albers equal-area conic projection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Albers {
    /// Central meridian, degrees east.
    pub lon0_deg: f64,
    /// Latitude of origin, degrees north.
    pub lat0_deg: f64,
    /// First standard parallel, degrees north.
    pub lat1_deg: f64,
    /// Second standard parallel, degrees north.
    pub lat2_deg: f64,
}

/// How projected kilometres map to SVG user units.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct View {
    /// Width of the view box in user units.
    pub width: f64,
    /// Height of the view box in user units.
    pub height: f64,
    /// Projected x (km) at the left edge.
    pub x_min_km: f64,
    /// Projected y (km) at the top edge.
    pub y_max_km: f64,
    /// User units per kilometre.
    pub units_per_km: f64,
}

/// One area feature of the committed map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feature {
    /// Id: a county's official code, a province id, or a lake id.
    pub id: String,
    /// Label anchor in view units.
    pub label: [i32; 2],
    /// Delta-encoded rings in view units.
    pub rings: Vec<Vec<i32>>,
}

/// Delta-encoded rings as SVG path text, `M x y l dx dy dx dy … z` per ring (just `M x y z` for a
/// lone point). The map's data block carries rings in this form and the map's paths are these
/// strings joined, so a page that holds both stores them once after compression.
pub fn rings_path(rings: &[Vec<i32>]) -> String {
    rings.iter().map(|ring| ring_path(ring)).collect()
}

impl Feature {
    /// The SVG path of the feature's rings.
    pub fn path(&self) -> String {
        rings_path(&self.rings)
    }
}

/// One delta-encoded ring as SVG path text (see [`rings_path`]).
pub fn ring_path(ring: &[i32]) -> String {
    let mut d = String::new();
    let mut pairs = ring.chunks_exact(2);
    let Some(first) = pairs.next() else {
        return d;
    };
    d.push_str(&format!("M{} {}", first[0], first[1]));
    let mut started = false;
    for p in pairs {
        d.push_str(if started { " " } else { "l" });
        started = true;
        d.push_str(&format!("{} {}", p[0], p[1]));
    }
    d.push('z');
    d
}

/// A place of the story, projected.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// The place's id in the story.
    pub id: String,
    /// Position in view units, x right and y down, to 0.01.
    pub at: [f64; 2],
    /// Great-circle distance from the zone's centre in km, to 0.1, for places with a distance
    /// line.
    pub km: Option<f64>,
}

/// The committed, preprocessed map (`static/data/map.json`), written by `cargo run -p tools --bin geoprep`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapData {
    /// The projection the geometry was made with.
    pub projection: Albers,
    /// Kilometres to view units.
    pub view: View,
    /// Shanghai and the three provinces, clipped to the view.
    pub provinces: Vec<Feature>,
    /// The six counties, by official code.
    pub counties: Vec<Feature>,
    /// The outline of the six counties together.
    pub outline: Feature,
    /// 太湖 and the other lakes.
    pub lakes: Vec<Feature>,
    /// The zone's centre (the mean of the towns it lies in) in view units.
    pub zone_centre: [f64; 2],
    /// Every place of the story, in the story's order.
    pub points: Vec<Point>,
}

impl MapData {
    /// A place's position in view units, by id.
    pub fn point(&self, place_id: &str) -> Option<(f64, f64)> {
        self.points
            .iter()
            .find(|p| p.id == place_id)
            .map(|p| (p.at[0], p.at[1]))
    }

    /// The zone's centre in view units.
    pub fn zone_centre(&self) -> (f64, f64) {
        (self.zone_centre[0], self.zone_centre[1])
    }

    /// The places with a distance line, with their distance from the zone's centre in km.
    pub fn distances(&self) -> impl Iterator<Item = (&str, f64)> {
        self.points
            .iter()
            .filter_map(|p| Some((p.id.as_str(), p.km?)))
    }
}
