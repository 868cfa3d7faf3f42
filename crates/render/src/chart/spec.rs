//! What a chart shows in each language: its bars, axis, ticks and text alternative, from the
//! story ([`spec`]). Pure data; [`super::drawing`] draws it.

use story::format;
use story::model::{self, Chart, ChartKind, Figure, FigureValue, Lang, Story, Unit};

/// How the bars run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    /// One bar per row, growing to the right, label above it (long labels, narrow phones).
    Horizontal,
    /// Columns side by side, label under each.
    Vertical,
}

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Short label.
    pub label: String,
    /// Its length, in the data's unit.
    pub value: f64,
    /// The value as the reader sees it, e.g. "超过32%", "¥6.4 million", "240.3".
    pub text: String,
    /// The true value may be higher ("more than", "at least"): drawn with a dashed extension.
    pub open_ended: bool,
}

/// Everything a chart needs to be drawn and described, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Chart id (`data-testid="chart-<id>"`).
    pub id: String,
    /// Title.
    pub title: String,
    /// Note under the chart.
    pub note: String,
    /// Text alternative: kind of chart, title and every value.
    pub alt: String,
    /// Bars or columns.
    pub orientation: Orientation,
    /// The bars, in order.
    pub bars: Vec<Bar>,
    /// End of the value axis.
    pub axis_max: f64,
    /// Grid lines on the value axis, with their labels.
    pub ticks: Vec<(f64, String)>,
    /// Unit caption of the value axis (may be empty).
    pub axis_caption: String,
    /// Caption of the table's value column.
    pub value_heading: String,
    /// The font stack of the chart's text ([`crate::fonts::FIGURES`]).
    pub font: &'static str,
}

/// The end of a value axis and its step: a "nice" step (1, 2, 2.5 or 5 times a power of ten)
/// giving at most five intervals up to at least `max`.
pub fn nice_axis(max: f64) -> (f64, f64) {
    if !max.is_finite() || max <= 0.0 {
        return (1.0, 0.2);
    }
    // The smallest power of ten at or above a fifth of `max`, then the multiples below it.
    let mut magnitude = 1.0;
    while magnitude < max / 5.0 {
        magnitude *= 10.0;
    }
    while magnitude >= max / 5.0 * 10.0 {
        magnitude /= 10.0;
    }
    for m in [0.1, 0.2, 0.25, 0.5, 1.0, 2.0] {
        let step = m * magnitude;
        let intervals = (max / step).ceil();
        if intervals <= 5.0 {
            return (intervals * step, step);
        }
    }
    (max, max)
}

/// How far a dashed extension of an open-ended bar reaches past its value, as a share of the axis.
pub const OPEN_END_SHARE: f64 = 0.09;

fn row_text(bar: &Bar, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}{}", bar.label, bar.text),
        Lang::En => format!("{} {}", bar.label, bar.text),
    }
}

/// What a chart shows, before the axis is fitted: its bars, their unit and its title in `lang`.
struct Bars {
    orientation: Orientation,
    bars: Vec<Bar>,
    unit: Unit,
    title: String,
}

/// The bars of a chart in `lang`, or `None` when its figures are missing or of the wrong shape.
fn bars_of(story: &Story, chart: &Chart, lang: Lang) -> Option<Bars> {
    let ui = &story.ui;
    let figure = |id: &str| story.figures.iter().find(|f| f.id == id);
    // A bar of a reported figure: its value as the cards word it, open-ended after "more than".
    let reported = |f: &Figure, label: &model::Text, v: f64| Bar {
        label: label.get(lang).to_owned(),
        value: v,
        text: format::figure_value(v, f.unit, &f.qualifiers, ui, lang).text(),
        open_ended: f.qualifiers.iter().any(|q| q.is_lead()),
    };
    let title = chart.title.get(lang).to_owned();
    match chart.kind {
        ChartKind::Bars => {
            let mut bars = Vec::new();
            let mut unit = Unit::Percent;
            for row in &chart.rows {
                let f = figure(&row.figure)?;
                let FigureValue::Single(v) = f.value else {
                    return None;
                };
                unit = f.unit;
                bars.push(reported(f, &row.label, v));
            }
            Some(Bars {
                orientation: Orientation::Horizontal,
                bars,
                unit,
                title,
            })
        }
        ChartKind::Pair => {
            let f = figure(&chart.figure)?;
            let FigureValue::Pair { before, after } = f.value else {
                return None;
            };
            let bars = [(ui.before(), before), (ui.after(), after)]
                .into_iter()
                .map(|(label, v)| reported(f, label, v))
                .collect();
            Some(Bars {
                orientation: Orientation::Vertical,
                bars,
                unit: f.unit,
                title,
            })
        }
    }
}

/// The value axis for the bars: its maximum (room left for open-ended bars' dashes), ticks in
/// the unit's words, and the unit as a caption, or after the last tick on a horizontal chart.
fn axis(story: &Story, b: &Bars, lang: Lang) -> (f64, Vec<(f64, String)>, String) {
    let ui = &story.ui;
    let max = b.bars.iter().map(|b| b.value).fold(0.0f64, f64::max);
    let (mut axis_max, mut step) = nice_axis(max);
    if b.bars
        .iter()
        .any(|b| b.open_ended && b.value + OPEN_END_SHARE * axis_max > axis_max)
    {
        (axis_max, step) = nice_axis(max * (1.0 + 2.0 * OPEN_END_SHARE));
    }
    let tick_count = (axis_max / step).round() as usize;
    let mut ticks: Vec<(f64, String)> = (0..=tick_count)
        .map(|i| {
            let v = step * i as f64;
            (v, format::value(v, b.unit, ui, lang).number)
        })
        .collect();
    let sample = format::value(axis_max, b.unit, ui, lang);
    let mut caption = format!("{}{}", sample.prefix, sample.suffix)
        .trim()
        .to_owned();
    // A horizontal chart has no room above its axis: the unit follows the last tick ("40%").
    if b.orientation == Orientation::Horizontal {
        if let Some((_, last)) = ticks.last_mut() {
            let gap = if caption.starts_with(|c: char| c.is_ascii_alphabetic()) {
                " "
            } else {
                ""
            };
            last.push_str(gap);
            last.push_str(&caption);
        }
        caption.clear();
    }
    (axis_max, ticks, caption)
}

/// The chart's text alternative: its title and every bar's value.
fn alt_text(story: &Story, b: &Bars, lang: Lang) -> String {
    let rows: Vec<String> = b.bars.iter().map(|bar| row_text(bar, lang)).collect();
    let template = match b.orientation {
        Orientation::Horizontal => story.ui.chart_bars_alt(),
        Orientation::Vertical => story.ui.chart_columns_alt(),
    };
    format::fill(
        template.get(lang),
        &[
            ("title", &b.title),
            ("rows", &rows.join(format::list_separator(lang))),
        ],
    )
}

/// The chart's specification in `lang`, or `None` when its figures are missing (the data's
/// validation rules that out for the embedded story).
pub fn spec(story: &Story, chart: &Chart, lang: Lang) -> Option<ChartSpec> {
    let b = bars_of(story, chart, lang)?;
    let (axis_max, ticks, axis_caption) = axis(story, &b, lang);
    let alt = alt_text(story, &b, lang);
    let value_heading = story.ui.chart_value();
    Some(ChartSpec {
        id: chart.id.clone(),
        title: b.title,
        note: chart.note.get(lang).to_owned(),
        alt,
        orientation: b.orientation,
        bars: b.bars,
        axis_max,
        ticks,
        axis_caption,
        value_heading: value_heading.get(lang).to_owned(),
        font: crate::fonts::FIGURES,
    })
}
