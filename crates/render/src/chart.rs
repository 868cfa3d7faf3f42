//! Charts of the report's figures: what each chart shows in each language ([`spec`]), and one
//! drawing function for any plotters backend ([`draw`]): canvas in the browser, SVG natively.
//!
//! No yew or web-sys here. Sizes are in CSS pixels times `scale` (the device pixel ratio on a
//! canvas, 1 for SVG). Text is drawn with plain `Text` elements only: plotters' captions, meshes
//! and multi-line text measure text through the DOM in the browser, which a strict
//! Content-Security-Policy forbids, so layout uses [`crate::text_metrics::text_width_em`] instead.

use crate::palette::{self, Rgb, Theme};
use crate::text_metrics::text_width_em;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::{ReverseCoordTranslate, Shift};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
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
    /// The font stack of the page's text in the chart's language ([`crate::fonts::sans`]).
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
        font: crate::fonts::sans(lang),
    })
}

/// The chart's colours (read from the page's CSS custom properties in the browser).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    /// Background, or `None` to leave the canvas transparent.
    pub background: Option<Rgb>,
    /// Labels and values.
    pub text: Rgb,
    /// Tick labels and captions.
    pub muted: Rgb,
    /// Grid lines.
    pub grid: Rgb,
    /// Bars.
    pub bar: Rgb,
    /// The bar under the pointer or keyboard.
    pub highlight: Rgb,
}

impl Palette {
    /// The light theme's chart colours ([`palette::LIGHT`]).
    pub const LIGHT: Palette = Palette::of(&palette::LIGHT);
    /// The dark theme's chart colours ([`palette::DARK`]).
    pub const DARK: Palette = Palette::of(&palette::DARK);

    /// A theme's chart colours, on the theme's background.
    pub const fn of(theme: &Theme) -> Palette {
        Palette {
            background: Some(theme.bg),
            text: theme.chart_text,
            muted: theme.chart_muted,
            grid: theme.chart_grid,
            bar: theme.chart_bar,
            highlight: theme.chart_highlight,
        }
    }
}

fn color(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Font sizes in CSS pixels.
const LABEL_PX: f64 = 14.0;
const VALUE_PX: f64 = 14.0;
/// Tick labels, the chart's smallest text (CSS px).
pub const TICK_PX: f64 = 12.0;

/// Horizontal layout: height of one row (label line, bar, gap) in CSS pixels.
const ROW_PX: f64 = 44.0;
/// Vertical layout: height of the plot in CSS pixels.
const COLUMNS_PX: f64 = 180.0;
/// Space for tick labels under a horizontal chart or column labels under a vertical one.
const AXIS_PX: f64 = 30.0;
/// Space above the plot: room for the values over the columns and the axis caption.
fn top_px(orientation: Orientation) -> f64 {
    match orientation {
        Orientation::Horizontal => 4.0,
        Orientation::Vertical => 28.0,
    }
}

/// The chart's height in CSS pixels.
pub fn height_css(spec: &ChartSpec) -> f64 {
    top_px(spec.orientation)
        + AXIS_PX
        + match spec.orientation {
            Orientation::Horizontal => ROW_PX * spec.bars.len() as f64,
            Orientation::Vertical => COLUMNS_PX,
        }
}

/// Where the bars ended up, in the backend's pixels: plotters' own coordinate mapping, to find
/// the bar under a pointer.
#[derive(Clone)]
pub struct Mapping {
    coord: Cartesian2d<RangedCoordf64, RangedCoordf64>,
    orientation: Orientation,
    bars: usize,
}

impl Mapping {
    /// The bar whose row (horizontal) or column (vertical) contains the backend pixel `p`.
    pub fn bar_at(&self, p: (i32, i32)) -> Option<usize> {
        let (x, y) = self.coord.reverse_translate(p)?;
        let slot = match self.orientation {
            Orientation::Horizontal => self.bars as f64 - y,
            Orientation::Vertical => x,
        };
        (slot >= 0.0 && slot < self.bars as f64).then_some(slot as usize)
    }

    /// The backend pixel of a data point (for tests and readouts).
    pub fn pixel(&self, x: f64, y: f64) -> (i32, i32) {
        self.coord.translate(&(x, y))
    }
}

fn font(family: &'static str, px: f64, scale: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::Name(family), px * scale, FontStyle::Normal)
}

/// How sizes map to a backend's pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// Backend pixels per CSS pixel (the device pixel ratio on a canvas).
    pub px: f64,
    /// Extra factor for font sizes: plotters' SVG backend writes `font-size` as the size / 1.24,
    /// the canvas backend writes it as given.
    pub text: f64,
}

impl Scale {
    /// A canvas at device pixel ratio `dpr`.
    pub fn canvas(dpr: f64) -> Scale {
        Scale { px: dpr, text: 1.0 }
    }

    /// An SVG document in CSS pixels.
    pub const SVG: Scale = Scale {
        px: 1.0,
        text: 1.24,
    };
}

/// The plotting area of a chart: the backend's pixels inside the margins, mapped to values with
/// plotters' Cartesian coordinates (bars along one axis, values along the other).
type PlotArea<DB> = DrawingArea<DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Sizes and text styles at one scale.
struct Pen {
    scale: f64,
    tick: TextStyle<'static>,
    label: TextStyle<'static>,
    value: TextStyle<'static>,
}

impl Pen {
    fn new(scale: Scale, palette: &Palette, family: &'static str) -> Pen {
        let text_scale = scale.px * scale.text;
        let style = |font: FontDesc<'static>, c: Rgb| TextStyle {
            color: color(c).to_backend_color(),
            ..TextStyle::from(font)
        };
        Pen {
            scale: scale.px,
            tick: style(font(family, TICK_PX, text_scale), palette.muted),
            label: style(font(family, LABEL_PX, text_scale), palette.text),
            value: style(
                font(family, VALUE_PX, text_scale).style(FontStyle::Bold),
                palette.text,
            ),
        }
    }

    /// CSS pixels in the backend's pixels.
    fn px(&self, v: f64) -> i32 {
        (v * self.scale).round() as i32
    }

    /// A line width in the backend's pixels, at least one.
    fn stroke(&self, v: f64) -> u32 {
        self.px(v).max(1) as u32
    }
}

/// The plotting area inside the margins, wide enough for the tick and value labels.
fn plot_area<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    pen: &Pen,
) -> PlotArea<DB> {
    let widest = |texts: &mut dyn Iterator<Item = &String>, px: f64| {
        texts
            .map(|t| text_width_em(t, 0.0) * px)
            .fold(0.0, f64::max)
    };
    let n = spec.bars.len().max(1) as f64;
    let (left, right, x_range, y_range) = match spec.orientation {
        Orientation::Horizontal => {
            let value_width = widest(&mut spec.bars.iter().map(|b| &b.text), VALUE_PX);
            (2.0, value_width + 12.0, 0.0..spec.axis_max, 0.0..n)
        }
        Orientation::Vertical => (tick_width(spec) + 8.0, 4.0, 0.0..n, 0.0..spec.axis_max),
    };
    let inner = root.margin(
        pen.px(top_px(spec.orientation)),
        pen.px(AXIS_PX),
        pen.px(left),
        pen.px(right),
    );
    // Pixel rows grow downwards and values upwards: the y pixel range runs bottom to top.
    let (x_px, y_px) = inner.get_pixel_range();
    inner.apply_coord_spec(Cartesian2d::<RangedCoordf64, RangedCoordf64>::new(
        x_range,
        y_range,
        (x_px, y_px.end..y_px.start),
    ))
}

/// The widest tick label, in CSS pixels.
fn tick_width(spec: &ChartSpec) -> f64 {
    spec.ticks
        .iter()
        .map(|(_, t)| text_width_em(t, 0.0) * TICK_PX)
        .fold(0.0, f64::max)
}

/// Grid lines and tick labels (drawn on the root in pixels from plotters' mapping), and a
/// vertical chart's unit caption above its axis.
fn draw_ticks<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    area: &PlotArea<DB>,
    spec: &ChartSpec,
    palette: &Palette,
    pen: &Pen,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let coord = area.as_coord_spec();
    let n = spec.bars.len().max(1) as f64;
    let grid = ShapeStyle::from(&color(palette.grid)).stroke_width(pen.stroke(1.0));
    for (i, (v, text)) in spec.ticks.iter().enumerate() {
        let (line, anchor, at) = match spec.orientation {
            Orientation::Horizontal => {
                let bottom = coord.translate(&(*v, 0.0));
                let h = if i == 0 { HPos::Left } else { HPos::Center };
                (
                    [(*v, 0.0), (*v, n)],
                    Pos::new(h, VPos::Top),
                    (bottom.0, bottom.1 + pen.px(6.0)),
                )
            }
            Orientation::Vertical => {
                let left = coord.translate(&(0.0, *v));
                (
                    [(0.0, *v), (n, *v)],
                    Pos::new(HPos::Right, VPos::Center),
                    (left.0 - pen.px(6.0), left.1),
                )
            }
        };
        area.draw(&PathElement::new(line.to_vec(), grid))?;
        root.draw(&Text::new(text.clone(), at, pen.tick.pos(anchor)))?;
    }
    if spec.orientation == Orientation::Vertical && !spec.axis_caption.is_empty() {
        let (x, y) = coord.translate(&(0.0, spec.axis_max));
        let at = (
            x - pen.px(tick_width(spec) + 8.0),
            y - pen.px(top_px(spec.orientation) - 4.0),
        );
        root.draw(&Text::new(
            spec.axis_caption.clone(),
            at,
            pen.tick.pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
    }
    Ok(())
}

/// One bar with its value and label; an open-ended bar ("more than", "at least") continues as a
/// dashed outline for [`OPEN_END_SHARE`] of the axis.
fn draw_bar<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    area: &PlotArea<DB>,
    spec: &ChartSpec,
    i: usize,
    fill: Rgb,
    pen: &Pen,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let bar = &spec.bars[i];
    let coord = area.as_coord_spec();
    let fill = color(fill);
    let style = ShapeStyle::from(&fill).filled();
    let n = spec.bars.len().max(1);
    let horizontal = spec.orientation == Orientation::Horizontal;
    // The bar's band across the value axis, and a point at a value within it, in data units.
    let (b0, b1) = if horizontal {
        let y0 = (n - 1 - i) as f64;
        (y0 + 0.1, y0 + 0.42)
    } else {
        (i as f64 + 0.22, i as f64 + 0.78)
    };
    let at = |value: f64, across: f64| {
        if horizontal {
            (value, across)
        } else {
            (across, value)
        }
    };
    area.draw(&Rectangle::new([at(0.0, b0), at(bar.value, b1)], style))?;
    let end = bar.value + OPEN_END_SHARE * spec.axis_max;
    if bar.open_ended {
        let outline = vec![
            at(bar.value, b1),
            at(end, b1),
            at(end, b0),
            at(bar.value, b0),
        ];
        let dash = ShapeStyle::from(&fill).stroke_width(pen.stroke(1.5));
        area.draw(&DashedPathElement::new(
            outline,
            pen.px(4.0),
            pen.px(3.0),
            dash,
        ))?;
    }
    bar_texts(root, coord, spec, i, (b0, b1), pen)
}

/// A bar's value (after its end, or above it) and its label (above a row, or under a column).
fn bar_texts<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    coord: &Cartesian2d<RangedCoordf64, RangedCoordf64>,
    spec: &ChartSpec,
    i: usize,
    (b0, b1): (f64, f64),
    pen: &Pen,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let bar = &spec.bars[i];
    let n = spec.bars.len().max(1);
    let end = bar.value + OPEN_END_SHARE * spec.axis_max;
    let middle = (b0 + b1) / 2.0;
    if spec.orientation == Orientation::Horizontal {
        let reach = if bar.open_ended { end } else { bar.value };
        let (vx, vy) = coord.translate(&(reach, middle));
        let value_style = pen.value.pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(
            bar.text.clone(),
            (vx + pen.px(6.0), vy),
            value_style,
        ))?;
        let (lx, ly) = coord.translate(&(0.0, (n - 1 - i) as f64 + 0.84));
        root.draw(&Text::new(
            bar.label.clone(),
            (lx, ly),
            pen.label.pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
    } else {
        let (vx, vy) = coord.translate(&(i as f64 + 0.5, bar.value));
        let value_style = pen.value.pos(Pos::new(HPos::Center, VPos::Bottom));
        root.draw(&Text::new(
            bar.text.clone(),
            (vx, vy - pen.px(6.0)),
            value_style,
        ))?;
        let (lx, ly) = coord.translate(&(i as f64 + 0.5, 0.0));
        let label_style = pen.label.pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(
            bar.label.clone(),
            (lx, ly + pen.px(8.0)),
            label_style,
        ))?;
    }
    Ok(())
}

/// Draws the chart onto `root` (the whole drawing area), highlighting bar `highlight`, and
/// returns the coordinate mapping.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    palette: &Palette,
    scale: Scale,
    highlight: Option<usize>,
) -> Result<Mapping, DrawingAreaErrorKind<DB::ErrorType>> {
    if let Some(bg) = palette.background {
        root.fill(&color(bg))?;
    }
    let pen = Pen::new(scale, palette, spec.font);
    let area = plot_area(root, spec, &pen);
    draw_ticks(root, &area, spec, palette, &pen)?;
    for i in 0..spec.bars.len() {
        let fill = if highlight == Some(i) {
            palette.highlight
        } else {
            palette.bar
        };
        draw_bar(root, &area, spec, i, fill, &pen)?;
    }
    // The zero line.
    let n = spec.bars.len().max(1) as f64;
    let base = match spec.orientation {
        Orientation::Horizontal => [(0.0, 0.0), (0.0, n)],
        Orientation::Vertical => [(0.0, 0.0), (n, 0.0)],
    };
    let zero = ShapeStyle::from(&color(palette.muted)).stroke_width(pen.stroke(1.0));
    area.draw(&PathElement::new(base.to_vec(), zero))?;
    root.present()?;
    Ok(Mapping {
        coord: area.as_coord_spec().clone(),
        orientation: spec.orientation,
        bars: spec.bars.len(),
    })
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;

    fn story() -> std::rc::Rc<Story> {
        story::fixtures::story()
    }

    fn chart_spec(id: &str, lang: Lang) -> ChartSpec {
        let story = story();
        if id == "output-per-mu" {
            return spec(&story, &pair_chart(), lang).unwrap();
        }
        let chart = story.charts.iter().find(|c| c.id == id).unwrap();
        spec(&story, chart, lang).unwrap()
    }

    /// A pair chart of the story's before→after figure (the story itself shows that pair as a
    /// card only).
    fn pair_chart() -> Chart {
        Chart {
            id: "output-per-mu".to_owned(),
            section: "strength".to_owned(),
            kind: ChartKind::Pair,
            title: model::Text::default(),
            note: model::Text::default(),
            rows: Vec::new(),
            figure: "output-per-mu".to_owned(),
        }
    }

    #[test]
    fn nice_axes_cover_the_data_in_at_most_five_steps() {
        for (max, want) in [
            (32.0, (40.0, 10.0)),
            (67.0, (80.0, 20.0)),
            (640.0, (800.0, 200.0)),
            (240.26, (250.0, 50.0)),
            (1.0, (1.0, 0.2)),
            (0.0, (1.0, 0.2)),
        ] {
            assert_eq!(nice_axis(max), want, "{max}");
        }
        for i in 1..500 {
            let max = f64::from(i) * 1.37;
            let (end, step) = nice_axis(max);
            assert!(end >= max && (end / step).round() <= 5.0, "{max}");
        }
    }

    #[test]
    fn the_growth_chart_marks_more_than_honestly() {
        let spec = chart_spec("growth", Lang::En);
        let values: Vec<f64> = spec.bars.iter().map(|b| b.value).collect();
        assert_eq!(values, [24.5, 32.0, 27.7, 16.0, 13.0]);
        let open: Vec<bool> = spec.bars.iter().map(|b| b.open_ended).collect();
        assert_eq!(open, [false, true, false, false, false]);
        assert_eq!(spec.bars[1].text, "more than 32%");
        assert_eq!(chart_spec("growth", Lang::Zh).bars[1].text, "超过32%");
        assert!(spec.axis_max >= 32.0 * (1.0 + OPEN_END_SHARE));
        assert!(spec.alt.contains("Fixed-asset investment more than 32%"));
    }

    #[test]
    fn the_pair_and_tier_charts_keep_the_reports_values() {
        let pair = chart_spec("output-per-mu", Lang::En);
        let texts: Vec<&str> = pair.bars.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["¥3.4 million", "¥6.4 million"]);
        assert_eq!(pair.axis_caption, "¥ million");
        let zh = chart_spec("output-per-mu", Lang::Zh);
        assert_eq!(zh.axis_caption, "万元");
        assert_eq!(zh.bars[1].text, "640万元");
        let tiers = chart_spec("project-tiers", Lang::Zh);
        let values: Vec<f64> = tiers.bars.iter().map(|b| b.value).collect();
        assert_eq!(values, [67.0, 22.0, 1.0]);
        assert!(tiers.bars[2].open_ended, "“零的突破” is at least one");
        assert_eq!(tiers.bars[2].text, "至少1个");
    }

    #[test]
    fn the_mapping_finds_the_bar_under_a_pixel() {
        for id in ["growth", "output-per-mu"] {
            let spec = chart_spec(id, Lang::Zh);
            let mut out = String::new();
            let root = SVGBackend::with_string(&mut out, (600, height_css(&spec) as u32))
                .into_drawing_area();
            let mapping = draw(&root, &spec, &Palette::LIGHT, Scale::SVG, Some(0)).unwrap();
            for (i, bar) in spec.bars.iter().enumerate() {
                let p = match spec.orientation {
                    Orientation::Horizontal => {
                        mapping.pixel(bar.value / 2.0, (spec.bars.len() - 1 - i) as f64 + 0.3)
                    }
                    Orientation::Vertical => mapping.pixel(i as f64 + 0.5, bar.value / 2.0),
                };
                assert_eq!(mapping.bar_at(p), Some(i), "{id} bar {i}");
            }
            assert_eq!(mapping.bar_at((-50, -50)), None);
            // Values grow up the screen (smaller pixel y), and to the right.
            let (x_end, y_end) = match spec.orientation {
                Orientation::Horizontal => (spec.axis_max, spec.bars.len() as f64),
                Orientation::Vertical => (spec.bars.len() as f64, spec.axis_max),
            };
            assert!(
                mapping.pixel(0.0, y_end).1 < mapping.pixel(0.0, 0.0).1,
                "{id}"
            );
            assert!(
                mapping.pixel(x_end, 0.0).0 > mapping.pixel(0.0, 0.0).0,
                "{id}"
            );
        }
    }
}
