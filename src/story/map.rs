//! The serde types of the committed map. Kept free of other code so that the build script can
//! include this file to turn `map.json` into the compact binary the browser build embeds.

use serde::{Deserialize, Serialize};

/// A spherical Albers equal-area conic projection.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
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

/// The committed, preprocessed map (`static/data/map.json`), written by `cargo run --bin geoprep`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapData {
    /// The projection the geometry was made with (points are projected with it at run time).
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
}
