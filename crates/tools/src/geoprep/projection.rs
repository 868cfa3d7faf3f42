//! The map's projection, used only when the map is made (the browser gets projected data).
//!
//! Conventions:
//! - Geographic coordinates are WGS84 degrees, longitude east, latitude north (`lon_deg`, `lat_deg`).
//! - A spherical Albers equal-area conic with standard parallels 30°N and 32°N, centred on
//!   119.6°E, 31°N: areas are true, shapes barely distorted at 30–32°N. It yields kilometres with
//!   x east and y **north**.
//! - The view maps kilometres to SVG user units with x right and y **down**.

use story::map::{Albers, View};

/// Mean Earth radius in kilometres (IUGG).
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// The projection used for this map.
pub const MAP: Albers = Albers {
    lon0_deg: 119.6,
    lat0_deg: 31.0,
    lat1_deg: 30.0,
    lat2_deg: 32.0,
};

/// The projection's formula (the parameters are story data; the formula is needed only here).
pub trait Project {
    /// Projects a point to kilometres east (x) and north (y) of the origin.
    fn project(&self, lon_deg: f64, lat_deg: f64) -> (f64, f64);
}

/// From projected kilometres to the view's units.
pub trait ToView {
    /// Projected kilometres to view units (y down).
    fn to_view(&self, x_km: f64, y_km: f64) -> (f64, f64);
}

impl Project for Albers {
    fn project(&self, lon_deg: f64, lat_deg: f64) -> (f64, f64) {
        let (sin1, cos1) = self.lat1_deg.to_radians().sin_cos();
        let sin2 = self.lat2_deg.to_radians().sin();
        let n = (sin1 + sin2) / 2.0;
        let c = cos1.powi(2) + 2.0 * n * sin1;
        let rho = |lat: f64| EARTH_RADIUS_KM * (c - 2.0 * n * lat.to_radians().sin()).sqrt() / n;
        let rho0 = rho(self.lat0_deg);
        let r = rho(lat_deg);
        let (sin_t, cos_t) = (n * (lon_deg - self.lon0_deg).to_radians()).sin_cos();
        (r * sin_t, rho0 - r * cos_t)
    }
}

impl ToView for View {
    fn to_view(&self, x_km: f64, y_km: f64) -> (f64, f64) {
        (
            (x_km - self.x_min_km) * self.units_per_km,
            (self.y_max_km - y_km) * self.units_per_km,
        )
    }
}

/// Great-circle distance in kilometres between two points given as (lon, lat) degrees
/// (haversine).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lon1, lat1) = (a.0.to_radians(), a.1.to_radians());
    let (lon2, lat2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_origin_projects_to_zero_and_north_is_up() {
        let (x, y) = MAP.project(119.6, 31.0);
        assert!(x.abs() < 1e-9 && y.abs() < 1e-9);
        let (_, y_north) = MAP.project(119.6, 32.0);
        assert!(
            (y_north - 111.2).abs() < 0.5,
            "one degree of latitude is about 111 km: {y_north}"
        );
        let (x_east, _) = MAP.project(120.6, 31.0);
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
                let (pa, pb) = (MAP.project(a.0, a.1), MAP.project(b.0, b.1));
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
