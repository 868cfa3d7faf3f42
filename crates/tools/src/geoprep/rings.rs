//! Rings in view units: clipping to the view, Douglas–Peucker simplification, area, and the
//! integer delta encoding the committed map stores (`[x0, y0, dx1, dy1, ...]`, closed implicitly).

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
mod tests {
    use super::*;
    use render::geometry::ring_points;
    use story::map::rings_path;

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
        assert_eq!(ring_points(&q), vec![(0, 0), (10, 0), (10, 10), (0, 10)]);
        assert_eq!(rings_path(&[q]), "M0 0l10 0 0 10 -10 0z");
    }
}
