//! What the map's parts share: the features' SVG paths, built once, and coordinates as SVG text.

use story::format;
use story::map::MapData;
use yew::prelude::*;

/// The SVG path of every area feature, by id, built once per map rather than on every frame of the
/// entrance animation.
#[derive(PartialEq)]
pub struct Paths(Vec<(String, AttrValue)>);

impl Paths {
    /// Every area feature's path, from the map.
    pub fn new(map: &MapData) -> Paths {
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

    /// The path of a feature (empty for an unknown id).
    pub fn get(&self, id: &str) -> AttrValue {
        self.0
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, d)| d.clone())
            .unwrap_or_default()
    }
}

/// A coordinate with one decimal, for SVG attributes.
pub fn coord(v: f64) -> String {
    format::fixed(v, 1)
}
