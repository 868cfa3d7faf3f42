//! Animation maths: easing curves and the map's entrance timeline, pure functions of time.
//!
//! Time `t` is in milliseconds since the animation started; progress values are in `0.0..=1.0`.
//! Under reduced motion the caller asks for the frame at `t = f64::INFINITY`, the final state.

/// Cubic ease-out: fast start, gentle landing. `x` in `0..=1`, clamped.
pub fn ease_out_cubic(x: f64) -> f64 {
    let x = x.clamp(0.0, 1.0);
    1.0 - (1.0 - x).powi(3)
}

/// Progress of a step that starts at `start_ms` and lasts `duration_ms`, eased, at time `t_ms`.
pub fn step(t_ms: f64, start_ms: f64, duration_ms: f64) -> f64 {
    if duration_ms <= 0.0 {
        return if t_ms >= start_ms { 1.0 } else { 0.0 };
    }
    ease_out_cubic((t_ms - start_ms) / duration_ms)
}

/// How far along each layer of the map's entrance is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapFrame {
    /// The six-county outline drawing itself.
    pub outline: f64,
    /// Markers and labels.
    pub markers: f64,
    /// The time of the frame, for [`MapFrame::province`].
    t_ms: f64,
}

/// When the provinces' counties fill in: one after another within this window (ms).
const PROVINCES_START_MS: f64 = 450.0;
/// See [`PROVINCES_START_MS`].
const PROVINCES_SPAN_MS: f64 = 900.0;
/// How long one province's fill takes (ms).
const PROVINCE_MS: f64 = 450.0;

impl MapFrame {
    /// Fill progress of the counties of the `index`-th of `count` provinces of the zone (in the
    /// story's order, `Story::zone_provinces`); a province without counties (`None`) appears with
    /// the markers.
    pub fn province(&self, index: Option<usize>, count: usize) -> f64 {
        match index {
            Some(i) if i < count => {
                let gap = PROVINCES_SPAN_MS / count as f64;
                step(self.t_ms, PROVINCES_START_MS + gap * i as f64, PROVINCE_MS)
            }
            _ => self.markers,
        }
    }
}

/// Total length of the map's entrance, in milliseconds (under two seconds).
pub const MAP_ENTRANCE_MS: f64 = 1800.0;
const _: () = assert!(
    MAP_ENTRANCE_MS < 2000.0,
    "the entrance must stay under two seconds"
);

/// The map's entrance at time `t_ms`: outline first, then one province at a time, markers last.
pub fn map_frame_at(t_ms: f64) -> MapFrame {
    MapFrame {
        outline: step(t_ms, 0.0, 600.0),
        markers: step(t_ms, 1400.0, 400.0),
        t_ms: t_ms.min(MAP_ENTRANCE_MS),
    }
}

/// How long a figure's counter takes to roll up to its value, in milliseconds.
pub const COUNTER_MS: f64 = 1200.0;

/// The digits a counter shows at `t_ms` on its way to `final_number` (a number as
/// [`story::format`] writes it, e.g. `"3,000"`, `"14.7"`): eased up from zero with the final
/// number's decimals and separators, never above it, and exactly `final_number` from
/// [`COUNTER_MS`] on (and for anything that is not a plain number).
pub fn counter_text(final_number: &str, t_ms: f64) -> String {
    if t_ms.is_nan() || t_ms >= COUNTER_MS {
        return final_number.to_owned();
    }
    // Work on the digits as an integer (no float parsing, no rounding): "1,234.5" is 12345
    // tenths.
    let (int, frac) = final_number.split_once('.').unwrap_or((final_number, ""));
    let int: String = int.chars().filter(|c| *c != ',').collect();
    let digits = format!("{int}{frac}");
    if int.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return final_number.to_owned();
    }
    let target = digits
        .bytes()
        .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    // Truncate rather than round, so the counter never shows more than the final value.
    let current = ((target as f64 * step(t_ms, 0.0, COUNTER_MS)).floor() as u64).min(target);
    let mut text = current.to_string();
    if !frac.is_empty() {
        while text.len() <= frac.len() {
            text.insert(0, '0');
        }
        text.insert(text.len() - frac.len(), '.');
    }
    if final_number.contains(',') {
        story::format::group_thousands(&text)
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_roll_up_with_the_final_numbers_format() {
        // (final, t, expected): frames at fixed times, the easing being cubic ease-out.
        let table = [
            ("3,000", 0.0, "0"),
            ("3,000", 600.0, "2,625"),
            ("3,000", COUNTER_MS, "3,000"),
            ("24.5", 0.0, "0.0"),
            ("24.5", 600.0, "21.4"),
            ("24.5", 1199.0, "24.4"),
            ("24.5", 5000.0, "24.5"),
            ("14.7", 600.0, "12.8"),
            ("1800", 300.0, "1040"),
            ("0.005", 600.0, "0.004"),
            ("—", 0.0, "—"),
            ("67", f64::INFINITY, "67"),
            ("67", f64::NAN, "67"),
        ];
        for (final_number, t, want) in table {
            assert_eq!(counter_text(final_number, t), want, "{final_number} at {t}");
        }
    }

    #[test]
    fn counters_never_pass_their_value_and_never_go_back() {
        for final_number in ["3,000", "24.5", "1", "86.9", "1,234,567.25"] {
            let target: f64 = final_number.replace(',', "").parse().unwrap();
            let mut last = -1.0;
            for i in 0..=130 {
                let text = counter_text(final_number, f64::from(i) * 10.0);
                let v: f64 = text.replace(',', "").parse().unwrap();
                assert!(v >= last && v <= target, "{final_number}: {text}");
                last = v;
            }
            assert_eq!(last, target);
        }
    }

    #[test]
    fn easing_is_clamped_and_monotonic() {
        assert_eq!(ease_out_cubic(-1.0), 0.0);
        assert_eq!(ease_out_cubic(2.0), 1.0);
        let mut last = 0.0;
        for i in 0..=100 {
            let v = ease_out_cubic(f64::from(i) / 100.0);
            assert!(v >= last);
            last = v;
        }
    }

    #[test]
    fn the_entrance_runs_in_order_and_ends_complete() {
        let start = map_frame_at(0.0);
        assert_eq!((start.outline, start.markers), (0.0, 0.0));
        let mid = map_frame_at(800.0);
        assert_eq!(mid.outline, 1.0);
        let p = |i| mid.province(Some(i), 3);
        assert!(p(0) > p(1) && p(2) == 0.0);
        assert_eq!(mid.markers, 0.0);
        let end = map_frame_at(MAP_ENTRANCE_MS);
        assert_eq!((end.outline, end.markers), (1.0, 1.0));
        for i in 0..5 {
            assert_eq!(
                end.province(Some(i), 5),
                1.0,
                "every province filled at the end"
            );
        }
        assert_eq!(map_frame_at(f64::INFINITY), end);
        assert_eq!(mid.province(None, 3), mid.markers);
        assert_eq!(mid.province(Some(3), 3), mid.markers);
        // Three provinces keep the timings they had: 450, 750 and 1050 ms.
        assert_eq!(map_frame_at(1050.0).province(Some(2), 3), 0.0);
        assert!(map_frame_at(1051.0).province(Some(2), 3) > 0.0);
    }
}
