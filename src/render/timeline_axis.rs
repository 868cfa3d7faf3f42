//! The timeline's overview axis: years from the milestones' dates, each year as wide as the
//! milestones in it need (a crowded year gets more room), and every dot at least a minimum gap from
//! the next so that tap targets never overlap. Units are CSS px along the axis.

use crate::story::model::{days_from_civil, PartialDate};

/// One year's stretch of the axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearSpan {
    /// The year.
    pub year: i32,
    /// Where it starts and ends (px).
    pub start: f64,
    /// See `start`.
    pub end: f64,
}

/// The axis for a set of dates: the years it spans and each date's position.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisLayout {
    /// Every year from the first date's to the last date's, in order.
    pub years: Vec<YearSpan>,
    /// Each date's position (px), in the order given; never closer than the minimum gap.
    pub positions: Vec<f64>,
}

/// The years a set of dates spans: the first date's and the last one's (dates in order).
pub fn year_range(dates: &[PartialDate]) -> Option<(i32, i32)> {
    Some((dates.first()?.year, dates.last()?.year))
}

/// Lays out `dates` (in date order) between `x0` and `x1` px: a year takes a share of the width
/// in proportion to the number of dates in it (at least one), a date sits at its day within its
/// year, and dates closer than `min_gap` px are pushed apart (forwards, then back from the end).
pub fn layout(dates: &[PartialDate], x0: f64, x1: f64, min_gap: f64) -> AxisLayout {
    let Some((first, last)) = year_range(dates) else {
        return AxisLayout {
            years: vec![],
            positions: vec![],
        };
    };
    let weight = |y: i32| dates.iter().filter(|d| d.year == y).count().max(1) as f64;
    let total: f64 = (first..=last).map(weight).sum();
    let mut years = Vec::new();
    let mut at = x0;
    for year in first..=last {
        let w = (x1 - x0) * weight(year) / total;
        years.push(YearSpan {
            year,
            start: at,
            end: at + w,
        });
        at += w;
    }
    let mut positions: Vec<f64> = dates
        .iter()
        .map(|d| {
            let span = years
                .iter()
                .find(|s| s.year == d.year)
                .copied()
                .unwrap_or(YearSpan {
                    year: d.year,
                    start: x0,
                    end: x0,
                });
            let start = days_from_civil(d.year, 1, 1) as f64;
            let length = (days_from_civil(d.year + 1, 1, 1) as f64 - start).max(1.0);
            span.start + (d.start_day() as f64 - start) / length * (span.end - span.start)
        })
        .collect();
    for i in 1..positions.len() {
        positions[i] = positions[i].max(positions[i - 1] + min_gap);
    }
    if let Some(last) = positions.last_mut() {
        *last = last.min(x1);
    }
    for i in (0..positions.len().saturating_sub(1)).rev() {
        positions[i] = positions[i].min(positions[i + 1] - min_gap);
    }
    AxisLayout { years, positions }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates() -> Vec<PartialDate> {
        crate::fixtures::story()
            .milestones
            .iter()
            .map(|m| m.date)
            .collect()
    }

    #[test]
    fn dots_keep_their_gap_and_stay_on_the_axis() {
        for width in [600.0, 768.0, 1280.0, 1440.0] {
            let l = layout(&dates(), 24.0, width - 24.0, 30.0);
            assert_eq!(l.positions.len(), dates().len());
            for pair in l.positions.windows(2) {
                assert!(pair[1] - pair[0] >= 30.0 - 1e-9, "{width}: {pair:?}");
            }
            assert!(
                l.positions[0] >= 24.0 - 1e-9
                    && *l.positions.last().unwrap() <= width - 24.0 + 1e-9
            );
        }
    }

    #[test]
    fn a_crowded_year_gets_more_room_and_years_follow_the_dates() {
        let d = dates();
        let l = layout(&d, 0.0, 1000.0, 30.0);
        assert_eq!(l.years.first().map(|y| y.year), year_range(&d).map(|r| r.0));
        assert_eq!(l.years.last().map(|y| y.year), year_range(&d).map(|r| r.1));
        let width = |y: i32| {
            l.years
                .iter()
                .find(|s| s.year == y)
                .map(|s| s.end - s.start)
                .unwrap()
        };
        let busiest = (d[0].year..=d[d.len() - 1].year)
            .max_by_key(|y| d.iter().filter(|x| x.year == *y).count())
            .unwrap();
        let quietest = (d[0].year..=d[d.len() - 1].year)
            .min_by_key(|y| d.iter().filter(|x| x.year == *y).count())
            .unwrap();
        assert!(
            width(busiest) > 2.0 * width(quietest),
            "{busiest} is wider than {quietest}"
        );
        assert!((l.years.last().unwrap().end - 1000.0).abs() < 1e-9);
    }

    #[test]
    fn no_dates_no_axis() {
        assert!(layout(&[], 0.0, 100.0, 30.0).years.is_empty());
    }
}
