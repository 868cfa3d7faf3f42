//! Serde types for the story: one file, `static/data/story.json`, is the single source.
//!
//! Every reader-visible string is a [`Text`] with a Chinese and an English version. Closed sets
//! (units, qualifiers, kinds, groups, precisions) are enums, so an unknown value fails to parse with
//! an error that names the record and field (natively, in `tools::json`). The browser
//! reads the same types from their text form ([`crate::wire`]).

use serde::{Deserialize, Serialize};

pub use crate::date::{days_from_civil, PartialDate, Precision};
pub use crate::ui::Ui;
pub use crate::words::{Lang, Text};

/// Shared, read-only data handed to components: equal when it is the same allocation, so that
/// comparing props never walks the whole story or map (and the browser build carries no deep
/// comparison of them).
#[derive(Debug)]
pub struct Shared<T>(pub std::rc::Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The whole story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    /// Title, dek, credits, sources.
    pub meta: Meta,
    /// Interface copy.
    pub ui: Ui,
    /// Shanghai and the three provinces.
    pub provinces: Vec<Province>,
    /// The base and the six counties.
    pub regions: Vec<Region>,
    /// Points on the map.
    pub places: Vec<Place>,
    /// The report's four sections.
    pub sections: Vec<Section>,
    /// Every figure of the report.
    pub figures: Vec<Figure>,
    /// Dated milestones, in date order.
    pub milestones: Vec<Milestone>,
    /// Charts drawn from the figures.
    pub charts: Vec<Chart>,
}

impl Story {
    /// The provinces with counties of the zone, in the story's order (the order the map's
    /// entrance fills them in and its legend lists them).
    pub fn zone_provinces(&self) -> Vec<&Province> {
        self.provinces
            .iter()
            .filter(|p| {
                self.regions
                    .iter()
                    .any(|r| r.province == p.id && r.kind != RegionKind::Base)
            })
            .collect()
    }
}

/// How a chart shows its figures.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ChartKind {
    /// One horizontal bar per row (each row names a single-valued figure).
    Bars,
    /// Two columns, before and after, of one figure with a pair value.
    Pair,
}

/// One row of a bar chart: a figure and its short label.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartRow {
    /// Figure id.
    pub figure: String,
    /// Short label for the chart.
    pub label: Text,
}

/// A chart of figures of the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    /// Stable id (`data-testid="chart-<id>"`).
    pub id: String,
    /// Section the chart sits in.
    pub section: String,
    /// Bars or pair.
    pub kind: ChartKind,
    /// Title above the chart.
    pub title: Text,
    /// Note under the chart (what is derived, what "more than" means).
    pub note: Text,
    /// Rows of a bar chart (empty for the other kinds).
    pub rows: Vec<ChartRow>,
    /// The figure of a pair chart (empty for bars).
    pub figure: String,
}

/// Title, dek, credits and sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The line above the headline.
    pub kicker: Text,
    /// The headline.
    pub title: Text,
    /// The standfirst under the headline.
    pub dek: Text,
    /// When the source report appeared (`YYYY-MM`).
    pub report_date: PartialDate,
    /// Authors of the source report.
    pub byline: Text,
    /// Photographer of the source report.
    pub photo_credit: Text,
    /// Who made this graphic.
    pub graphic_credit: Text,
    /// Boundary and point data credit.
    pub map_credit: Text,
    /// 审图号, empty until one is issued.
    pub map_approval_number: String,
    /// General notes on the figures.
    pub notes: Text,
    /// Every source a figure or milestone cites.
    pub sources: Vec<Source>,
    /// The figures the share image leads with (ids, in order).
    pub poster_figures: Vec<String>,
}

/// A cited source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id, referenced by figures and milestones.
    pub id: String,
    /// How the source is cited.
    pub name: Text,
    /// Web address, or empty.
    pub url: String,
    /// A short citation for a chart's one-line source (empty: the chart cites `name`).
    #[serde(default)]
    pub short: Text,
}

/// Shanghai or a province.
///
/// The order of the list is the map's: provinces with counties of the zone enter the map in
/// that order and appear in its legend in that order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Province {
    /// Stable id, also the CSS colour key (`--province-<id>`).
    pub id: String,
    /// The administrative code of its boundary in the map's input data.
    pub code: String,
    /// Where its name goes on the map (lon, lat degrees): inside the window, clear of the zone.
    pub label_deg: [f64; 2],
    /// Its fill on the map, light and dark (`#rrggbb`).
    pub colour: [String; 2],
    /// Short name.
    pub name: Text,
}

/// What kind of region.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum RegionKind {
    /// Shanghai's farm base (no boundary in the data: drawn as a marker).
    Base,
    /// A county (县).
    County,
    /// A county-level city (县级市).
    CountyCity,
}

/// The base or one of the six counties.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Stable id (`base`, `changxing`, ...).
    pub id: String,
    /// Official administrative code, where one exists.
    pub code: Option<String>,
    /// Province id (the base is Shanghai's).
    pub province: String,
    /// Base, county or county-level city.
    pub kind: RegionKind,
    /// Name.
    pub name: Text,
    /// One line on its part in the story.
    pub role: Text,
    /// Where its name goes on the map (lon, lat degrees), where the boundary's own label point
    /// would sit on a marker; absent: the input data's label point.
    #[serde(default)]
    pub label_deg: Option<[f64; 2]>,
    /// The place that marks it (county seat, or the base's estimated centre).
    pub place: String,
}

/// What kind of place.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum PlaceKind {
    /// A big city (prefecture-level or above).
    City,
    /// A county seat of the six.
    CountySeat,
    /// A town the zone lies in.
    ZoneTown,
    /// Shanghai's farm base.
    Base,
}

/// A point on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Stable id.
    pub id: String,
    /// Province id (Shanghai's base counts as Shanghai).
    pub province: String,
    /// City, county seat, zone town or base.
    pub kind: PlaceKind,
    /// Name.
    pub name: Text,
    /// Longitude, degrees east (WGS84).
    pub lon_deg: f64,
    /// Latitude, degrees north (WGS84).
    pub lat_deg: f64,
    /// True where the location is an estimate; the map must say so.
    pub approximate: bool,
    /// Accuracy radius in metres.
    pub accuracy_m: f64,
    /// The region it belongs to, if any.
    pub region: Option<String>,
    /// A distance line goes from the zone to this place on the map.
    #[serde(default)]
    pub distance: bool,
    /// One line on its part in the story, where it has one.
    #[serde(default)]
    pub role: Option<Text>,
}

/// One of the report's four sections.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id.
    pub id: String,
    /// Heading.
    pub title: Text,
    /// One line on what it covers.
    pub summary: Text,
}

/// What a figure measures.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum FigureKind {
    /// A growth rate in percent.
    Rate,
    /// A count of things.
    Count,
    /// An amount of money.
    Money,
    /// An area of land.
    Area,
}

/// The unit a figure's value is in, exactly as the report gives it.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Unit {
    /// Percent (%).
    Percent,
    /// Square kilometres (平方公里).
    Km2,
    /// Mu (亩), 1/15 hectare.
    Mu,
    /// 亿元: 100 million yuan.
    YiCny,
    /// 万元: 10 thousand yuan.
    WanCny,
    /// 亿美元: 100 million US dollars.
    YiUsd,
    /// Things counted with 个.
    Item,
    /// Firms, counted with 家.
    Firm,
    /// People, counted with 人.
    Person,
    /// People, counted with 名.
    Member,
    /// Times, counted with 次.
    Time,
    /// Events, counted with 场.
    Event,
    /// Sessions, counted with 期.
    Session,
    /// Cases, counted with 件.
    Case,
}

impl Unit {
    /// The name the data file uses, e.g. `yi_cny` (derived from the variant, as serde's).
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// The figure kind this unit belongs to.
    pub fn kind(self) -> FigureKind {
        match self {
            Unit::Percent => FigureKind::Rate,
            Unit::Km2 | Unit::Mu => FigureKind::Area,
            Unit::YiCny | Unit::WanCny | Unit::YiUsd => FigureKind::Money,
            _ => FigureKind::Count,
        }
    }
}

/// Qualifies a figure's value or period.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Qualifier {
    /// 超 / 余: the true value is above the one given.
    MoreThan,
    /// 年均: annual average over the zone's four years.
    AnnualAverage,
    /// 累计: cumulative over the four years.
    Cumulative,
    /// 今年以来: since the start of the report's year (the words name the year, in the data).
    SinceYearStart,
    /// 零的突破: the first ever of its kind.
    FirstEver,
    /// The report gives no exact count, only that there is at least this many (e.g. 零的突破).
    AtLeast,
}

impl Qualifier {
    /// The name the data file uses, e.g. `more_than` (derived from the variant, as serde's).
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// "More than" and "at least": the true value may be above the one given. Their words go
    /// before the number (not on the period line), and a chart draws such bars open-ended.
    pub fn is_lead(self) -> bool {
        matches!(self, Qualifier::MoreThan | Qualifier::AtLeast)
    }
}

/// Whom a figure is about.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Subject {
    /// The zone itself.
    Zone,
    /// The national Fourth Plenum communiqué the report cites as context.
    Plenum,
}

/// A figure's value: one number, or a before/after pair.
///
/// In JSON it is written as `24.5` or `{"before": 340, "after": 640}`; in the text form the
/// browser reads ([`crate::wire`]) it is a tag line followed by its numbers.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FigureValue {
    /// One number.
    Single(f64),
    /// A change from one number to another.
    Pair {
        /// The earlier value.
        before: f64,
        /// The later value.
        after: f64,
    },
}

impl FigureValue {
    /// The numbers in the value (one or two).
    pub fn numbers(&self) -> Vec<f64> {
        match *self {
            FigureValue::Single(v) => vec![v],
            FigureValue::Pair { before, after } => vec![before, after],
        }
    }

    /// The headline number: the single value or the later one of a pair.
    pub fn headline(&self) -> f64 {
        match *self {
            FigureValue::Single(v) => v,
            FigureValue::Pair { after, .. } => after,
        }
    }
}

/// One figure of the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Stable id (`data-testid="figure-<id>"`).
    pub id: String,
    /// Section id.
    pub section: String,
    /// Rate, count, money or area.
    pub kind: FigureKind,
    /// Unit of `value`.
    pub unit: Unit,
    /// The number(s), as the report gives them.
    pub value: FigureValue,
    /// More than, annual average, cumulative, since 2025, first ever.
    pub qualifiers: Vec<Qualifier>,
    /// The zone, or national context.
    pub subject: Subject,
    /// Source id.
    pub source: String,
    /// Short label.
    pub label: Text,
}

/// A milestone's group, each with its own colour.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Group {
    /// Decisions, agreements, approvals.
    Policy,
    /// Roads and railways.
    Infrastructure,
    /// Project starts.
    Projects,
    /// Forums, visits, anniversaries.
    Events,
}

impl Group {
    /// The CSS class suffix and the data file's name, e.g. `infrastructure`.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// A dated milestone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// Stable id (`data-testid="milestone-<id>"`, `#m=<id>`).
    pub id: String,
    /// The date, written to its precision.
    pub date: PartialDate,
    /// Must match how `date` is written.
    pub precision: Precision,
    /// Policy, infrastructure, projects or events.
    pub group: Group,
    /// Short title.
    pub title: Text,
    /// One or two sentences.
    pub body: Text,
    /// Region ids it concerns.
    pub regions: Vec<String>,
    /// Place ids it concerns.
    pub places: Vec<String>,
    /// Source ids.
    pub sources: Vec<String>,
    /// A key milestone: labelled on the timeline's overview axis.
    #[serde(default)]
    pub key: bool,
    /// Figures of the report its card lists (ids), e.g. those of the anniversary's year.
    #[serde(default)]
    pub figures: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_map_to_kinds() {
        assert_eq!(Unit::Percent.kind(), FigureKind::Rate);
        assert_eq!(Unit::Mu.kind(), FigureKind::Area);
        assert_eq!(Unit::YiUsd.kind(), FigureKind::Money);
        assert_eq!(Unit::Case.kind(), FigureKind::Count);
    }

    #[test]
    fn derived_keys_are_the_data_file_names() {
        use strum::VariantArray;
        fn check<T: Serialize + Copy + std::fmt::Debug>(
            all: &[T],
            key: impl Fn(T) -> &'static str,
        ) {
            for &v in all {
                assert_eq!(serde_json::to_value(v).unwrap(), key(v), "{v:?}");
            }
        }
        check(Unit::VARIANTS, Unit::key);
        check(Qualifier::VARIANTS, Qualifier::key);
        check(Group::VARIANTS, Group::key);
        assert_eq!(Unit::VARIANTS.len(), 14);
    }
}
