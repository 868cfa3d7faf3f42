//! The committed map (`static/data/map.json`): every county present, closed, and of the right size.
//! (That the file is exactly what `geoprep` makes from `data/geo` is checked by
//! `scripts/check.sh`, which runs `geoprep --check`.)
#![cfg(not(target_arch = "wasm32"))]

use render::geometry::ring_points;
use tools::geoprep::projection::{self, Project, ToView};
use tools::{geoprep::ring_area, json::map_data};

/// Official areas in km² (see data/geo/README.md).
const AREAS_KM2: [(&str, f64); 6] = [
    ("330522", 1430.0),
    ("330523", 1886.0),
    ("341821", 1105.0),
    ("341882", 2165.0),
    ("320481", 1535.0),
    ("320282", 1997.0),
];

#[test]
fn every_county_is_present_closed_and_the_right_size() {
    let map = map_data().unwrap();
    assert_eq!(map.counties.len(), 6);
    let story = tools::json::story().unwrap();
    for (code, official) in AREAS_KM2 {
        let county = map
            .counties
            .iter()
            .find(|c| c.id == code)
            .unwrap_or_else(|| panic!("{code} missing"));
        assert!(
            story
                .regions
                .iter()
                .any(|r| r.code.as_deref() == Some(code)),
            "{code} not in the story"
        );
        assert!(!county.rings.is_empty());
        let path = county.path();
        assert_eq!(
            path.matches('M').count(),
            county.rings.len(),
            "one subpath per ring"
        );
        assert_eq!(
            path.matches('z').count(),
            county.rings.len(),
            "every ring is closed"
        );
        let mut area_units = 0.0;
        for ring in &county.rings {
            let points: Vec<(f64, f64)> = ring_points(ring)
                .iter()
                .map(|&(x, y)| (f64::from(x), f64::from(y)))
                .collect();
            assert!(points.len() >= 3, "{code}: a ring needs three points");
            area_units += ring_area(&points).abs();
        }
        let area_km2 = area_units / map.view.units_per_km.powi(2);
        assert!(
            (area_km2 / official - 1.0).abs() < 0.03,
            "{code}: {area_km2:.0} km² against the official {official} km²"
        );
        let [lx, ly] = county.label;
        assert!(
            (0..=map.view.width as i32).contains(&lx) && (0..=map.view.height as i32).contains(&ly)
        );
    }
}

#[test]
fn context_layers_are_inside_the_view() {
    let map = map_data().unwrap();
    let story = tools::json::story().unwrap();
    let ids: Vec<&str> = map.provinces.iter().map(|p| p.id.as_str()).collect();
    let story_ids: Vec<&str> = story.provinces.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, story_ids, "the map's provinces, in the story's order");
    assert_eq!(ids.len(), 4);
    assert!(map.lakes.iter().any(|l| l.id == "taihu"));
    let margin = 20;
    for feature in map
        .provinces
        .iter()
        .chain(&map.lakes)
        .chain(std::iter::once(&map.outline))
    {
        for ring in &feature.rings {
            for (x, y) in ring_points(ring) {
                assert!(
                    x >= -margin && x <= map.view.width as i32 + margin,
                    "{}: x {x}",
                    feature.id
                );
                assert!(
                    y >= -margin && y <= map.view.height as i32 + margin,
                    "{}: y {y}",
                    feature.id
                );
            }
        }
    }
}

#[test]
fn places_project_inside_the_view_and_the_base_lies_between_langxi_and_guangde() {
    let map = map_data().unwrap();
    let story = tools::json::story().unwrap();
    assert_eq!(
        map.points.len(),
        story.places.len(),
        "every place is projected"
    );
    for place in &story.places {
        let (x, y) = map.point(&place.id).unwrap();
        let (px, py) = projection::MAP.project(place.lon_deg, place.lat_deg);
        let (vx, vy) = map.view.to_view(px, py);
        assert!(
            (x - vx).abs() <= 0.005 && (y - vy).abs() <= 0.005,
            "{} projected as committed",
            place.id
        );
        assert!(
            x > 0.0 && x < map.view.width && y > 0.0 && y < map.view.height,
            "{} at {x},{y}",
            place.id
        );
    }
    let point = |id: &str| map.point(id).unwrap();
    let (base, langxi, guangde) = (
        point("baimaoling"),
        point("seat-langxi"),
        point("seat-guangde"),
    );
    assert!(
        base.0 > langxi.0 && base.0 < guangde.0,
        "the base lies east of Langxi, west of Guangde"
    );
}
