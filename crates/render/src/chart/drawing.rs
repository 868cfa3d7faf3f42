//! One drawing function for any plotters backend ([`draw`]): canvas in the browser, SVG natively,
//! with its palette, sizes and the mapping back from pixels to bars.

use super::spec::{ChartSpec, Orientation, OPEN_END_SHARE};
use crate::palette::{self, Rgb, Theme};
use crate::text_metrics::text_width_em;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::{ReverseCoordTranslate, Shift};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

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
