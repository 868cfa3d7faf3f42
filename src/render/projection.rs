//! Map geometry: projection, clipping, simplification, quantized rings and SVG path strings.
//!
//! Conventions:
//! - Geographic coordinates are WGS84 degrees, longitude east, latitude north (`lon_deg`, `lat_deg`).
//! - The projection is a spherical Albers equal-area conic with standard parallels 30°N and 32°N,
//!   centred on 119.6°E, 31°N: areas are true, shapes barely distorted at 30–32°N. It yields
//!   kilometres with x east and y **north**.
//! - The view maps kilometres to SVG user units with x right and y **down**; the committed map
//!   (`static/data/map.json`) is already in view units, so the app never re-projects a boundary.
//! - Rings are closed implicitly (the last point is not repeated) and stored quantized to integer
//!   view units, delta-encoded: `[x0, y0, dx1, dy1, ...]`.

use crate::story::map::{Albers, Feature, MapData, View};

/// Mean Earth radius in kilometres (IUGG).
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Sine and cosine, with the argument reduced to ±π/4 and a Taylor series to the 17th power
/// (error below 1e-15 there). The browser build would otherwise carry libm's general-purpose
/// trigonometry, reduction tables for huge arguments included, for the few dozen points the map
/// projects; the native tests compare these with the standard library.
pub fn sin_cos(x: f64) -> (f64, f64) {
    use std::f64::consts::FRAC_PI_2;
    let k = (x / FRAC_PI_2).round();
    let r = x - k * FRAC_PI_2;
    let r2 = r * r;
    let mut s = 1.0;
    let mut c = 1.0;
    for i in (1..=8).rev() {
        let i = f64::from(i);
        s = 1.0 - r2 / ((2.0 * i) * (2.0 * i + 1.0)) * s;
        c = 1.0 - r2 / ((2.0 * i - 1.0) * (2.0 * i)) * c;
    }
    let s = r * s;
    match (k as i64).rem_euclid(4) {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

/// Arcsine for `x` in `-1..=1` (NaN outside): a series up to |x| = 1/2, and
/// asin x = π/2 − 2 asin √((1 − x)/2) above that.
pub fn asin(x: f64) -> f64 {
    let a = x.abs();
    if a.is_nan() || a > 1.0 {
        return f64::NAN;
    }
    if a > 0.5 {
        return (std::f64::consts::FRAC_PI_2 - 2.0 * asin(((1.0 - a) / 2.0).sqrt())).copysign(x);
    }
    let x2 = x * x;
    let mut term = x;
    let mut sum = x;
    for n in 0..60 {
        let n = f64::from(n);
        term *= x2 * (2.0 * n + 1.0) * (2.0 * n + 1.0) / ((2.0 * n + 2.0) * (2.0 * n + 3.0));
        sum += term;
        if term.abs() < 1e-18 {
            break;
        }
    }
    sum
}

impl Albers {
    /// The projection used for this map.
    pub const MAP: Albers = Albers {
        lon0_deg: 119.6,
        lat0_deg: 31.0,
        lat1_deg: 30.0,
        lat2_deg: 32.0,
    };

    /// Projects a point to kilometres east (x) and north (y) of the origin.
    pub fn project(&self, lon_deg: f64, lat_deg: f64) -> (f64, f64) {
        let (sin1, cos1) = sin_cos(self.lat1_deg.to_radians());
        let (sin2, _) = sin_cos(self.lat2_deg.to_radians());
        let n = (sin1 + sin2) / 2.0;
        let c = cos1.powi(2) + 2.0 * n * sin1;
        let rho =
            |lat: f64| EARTH_RADIUS_KM * (c - 2.0 * n * sin_cos(lat.to_radians()).0).sqrt() / n;
        let rho0 = rho(self.lat0_deg);
        let r = rho(lat_deg);
        let (sin_t, cos_t) = sin_cos(n * (lon_deg - self.lon0_deg).to_radians());
        (r * sin_t, rho0 - r * cos_t)
    }
}

/// Great-circle distance in kilometres between two points (haversine).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lon1, lat1) = (a.0.to_radians(), a.1.to_radians());
    let (lon2, lat2) = (b.0.to_radians(), b.1.to_radians());
    let h = sin_cos((lat2 - lat1) / 2.0).0.powi(2)
        + sin_cos(lat1).1 * sin_cos(lat2).1 * sin_cos((lon2 - lon1) / 2.0).0.powi(2);
    2.0 * EARTH_RADIUS_KM * asin(h.sqrt().min(1.0))
}

impl View {
    /// Projected kilometres to view units (y down).
    pub fn to_view(&self, x_km: f64, y_km: f64) -> (f64, f64) {
        (
            (x_km - self.x_min_km) * self.units_per_km,
            (self.y_max_km - y_km) * self.units_per_km,
        )
    }
}

/// Decodes a delta-encoded ring into absolute integer points.
pub fn decode(ring: &[i32]) -> Vec<(i32, i32)> {
    let mut points = Vec::with_capacity(ring.len() / 2);
    let mut at = (0i32, 0i32);
    for (i, pair) in ring.chunks_exact(2).enumerate() {
        at = if i == 0 {
            (pair[0], pair[1])
        } else {
            (at.0 + pair[0], at.1 + pair[1])
        };
        points.push(at);
    }
    points
}

/// An SVG path for delta-encoded rings: `M x y l dx dy ... z` per ring.
pub fn path_d(rings: &[Vec<i32>]) -> String {
    let mut d = String::new();
    for ring in rings {
        let mut pairs = ring.chunks_exact(2);
        let Some(first) = pairs.next() else { continue };
        d.push_str(&format!("M{} {}", first[0], first[1]));
        let mut started = false;
        for p in pairs {
            d.push_str(if started { " " } else { "l" });
            started = true;
            d.push_str(&format!("{} {}", p[0], p[1]));
        }
        d.push('z');
    }
    d
}

impl Feature {
    /// The SVG path of the feature's rings.
    pub fn path(&self) -> String {
        path_d(&self.rings)
    }
}

impl MapData {
    /// Projects a geographic point into view units.
    pub fn point(&self, lon_deg: f64, lat_deg: f64) -> (f64, f64) {
        let (x, y) = self.projection.project(lon_deg, lat_deg);
        self.view.to_view(x, y)
    }
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;

    #[test]
    fn own_trigonometry_matches_the_standard_library() {
        for i in -4000..=4000 {
            let x = f64::from(i) * 0.0031;
            let (s, c) = sin_cos(x);
            assert!((s - x.sin()).abs() < 1e-14, "sin {x}");
            assert!((c - x.cos()).abs() < 1e-14, "cos {x}");
        }
        for i in -1000..=1000 {
            let x = f64::from(i) / 1000.0;
            assert!((asin(x) - x.asin()).abs() < 1e-13, "asin {x}");
        }
        assert!(asin(1.5).is_nan() && asin(f64::NAN).is_nan());
    }

    #[test]
    fn the_origin_projects_to_zero_and_north_is_up() {
        let (x, y) = Albers::MAP.project(119.6, 31.0);
        assert!(x.abs() < 1e-9 && y.abs() < 1e-9);
        let (_, y_north) = Albers::MAP.project(119.6, 32.0);
        assert!(
            (y_north - 111.2).abs() < 0.5,
            "one degree of latitude is about 111 km: {y_north}"
        );
        let (x_east, _) = Albers::MAP.project(120.6, 31.0);
        assert!(
            x_east > 90.0 && x_east < 97.0,
            "one degree of longitude at 31°N: {x_east}"
        );
    }

    #[test]
    fn projected_distances_match_great_circle_distances() {
        // Shanghai, Hangzhou, Nanjing, Hefei and the base: distances within 0.5%.
        let points = [
            (121.4681, 31.23363),
            (120.14886, 30.28978),
            (118.76219, 32.04358),
            (117.27753, 31.86319),
            (119.29, 31.03),
        ];
        for a in points {
            for b in points {
                if a == b {
                    continue;
                }
                let (pa, pb) = (Albers::MAP.project(a.0, a.1), Albers::MAP.project(b.0, b.1));
                let planar = ((pa.0 - pb.0).powi(2) + (pa.1 - pb.1).powi(2)).sqrt();
                let sphere = distance_km(a, b);
                assert!(
                    (planar / sphere - 1.0).abs() < 0.005,
                    "{a:?}-{b:?}: {planar} vs {sphere}"
                );
            }
        }
        let shanghai_hangzhou = distance_km(points[0], points[1]);
        assert!(
            (shanghai_hangzhou - 164.0).abs() < 3.0,
            "{shanghai_hangzhou}"
        );
    }
}
