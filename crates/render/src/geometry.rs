//! Map geometry for drawing: the committed map's delta-encoded rings as points (their SVG path
//! text is `story::map::rings_path`). Rings are in view units (x right, y down), closed implicitly, stored as integers and
//! delta-encoded: `[x0, y0, dx1, dy1, ...]`.

/// Decodes a delta-encoded ring into absolute integer points.
pub fn ring_points(ring: &[i32]) -> Vec<(i32, i32)> {
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
