//! The layout's vocabulary, shared by the frame and the labels: pixels in view units, boxes,
//! label kinds and anchors, a placed label, and the sizes of the dots and rings.

use story::map::MapData;

/// CSS pixels in view units at the current container width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Px(pub f64);

impl Px {
    /// `v` CSS pixels in view units.
    pub fn of(self, v: f64) -> f64 {
        v * self.0
    }
}

/// A rectangle in view units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// True when the two rectangles overlap by more than `pad` on both axes.
    pub fn overlaps(&self, o: &Rect, pad: f64) -> bool {
        self.x < o.x + o.w + pad
            && o.x < self.x + self.w + pad
            && self.y < o.y + o.h + pad
            && o.y < self.y + self.h + pad
    }

    /// True when `self` lies inside `o` shrunk by `pad`.
    pub fn inside(&self, o: &Rect, pad: f64) -> bool {
        self.x >= o.x + pad
            && self.y >= o.y + pad
            && self.x + self.w <= o.x + o.w - pad
            && self.y + self.h <= o.y + o.h - pad
    }

    /// True when the point lies strictly inside.
    pub fn contains(&self, p: (f64, f64)) -> bool {
        p.0 > self.x && p.0 < self.x + self.w && p.1 > self.y && p.1 < self.y + self.h
    }
}

/// What a label names (sets its style and placement priority).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelKind {
    /// One of the six counties.
    County,
    /// The base.
    Base,
    /// The zone.
    Zone,
    /// A town the zone lies in.
    Town,
    /// A big city.
    City,
    /// A province (faint context).
    Province,
    /// Taihu.
    Lake,
}

impl LabelKind {
    /// The CSS class suffix.
    pub fn key(self) -> &'static str {
        match self {
            LabelKind::County => "county",
            LabelKind::Base => "base",
            LabelKind::Zone => "zone",
            LabelKind::Town => "town",
            LabelKind::City => "city",
            LabelKind::Province => "province",
            LabelKind::Lake => "lake",
        }
    }

    /// Font size in CSS pixels.
    pub fn font_px(self) -> f64 {
        match self {
            LabelKind::County => 14.0,
            LabelKind::Province => 13.0,
            LabelKind::City | LabelKind::Base | LabelKind::Zone | LabelKind::Lake => 12.0,
            LabelKind::Town => 12.0,
        }
    }

    /// Extra space between letters, in em (provinces are letter-spaced).
    pub fn letter_spacing_em(self) -> f64 {
        if self == LabelKind::Province {
            0.2
        } else {
            0.0
        }
    }
}

/// Horizontal text anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Text starts at x.
    Start,
    /// Text is centred on x.
    Middle,
    /// Text ends at x.
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A label with its final position.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    /// Unique key.
    pub key: String,
    /// What it names.
    pub kind: LabelKind,
    /// The text.
    pub text: String,
    /// Anchor x (units).
    pub x: f64,
    /// Baseline-middle y (units): the text is drawn with `dominant-baseline="central"`.
    pub y: f64,
    /// Horizontal anchor.
    pub anchor: Anchor,
    /// Font size in units.
    pub font_units: f64,
    /// The box the text is estimated to cover (units).
    pub bbox: Rect,
}

/// Radius of a city dot, in CSS px.
pub const DOT_PX: f64 = 3.5;

/// Radius of an approximate-location ring, in units: the location's accuracy at map scale, but at
/// least 9 px so that it stays visible.
pub fn ring_radius(map: &MapData, px: Px, accuracy_m: f64) -> f64 {
    (accuracy_m / 1000.0 * map.view.units_per_km).max(px.of(9.0))
}
