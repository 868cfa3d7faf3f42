//! Serde types for the story: one file, `static/data/story.json`, is the single source.
//!
//! Every reader-visible string is a [`Text`] with a Chinese and an English version. Closed sets
//! (units, qualifiers, kinds, groups, precisions) are enums, so an unknown value fails to parse with
//! an error that names the record and field (natively, in `tools::json`). The browser
//! reads the same types from their text form ([`crate::wire`]).

use serde::{Deserialize, Serialize};
use std::fmt;

/// The reader's language.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
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
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The short code used in URLs (`zh` or `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The other language (for the language switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// A string in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The string in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

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

/// Interface copy: every label, heading and note the components show, in the order of
/// [`Ui::KEYS`]. The story's JSON holds it as a map by key; held here as a table by position, so
/// the browser's copy carries neither the keys nor a map's code (each accessor reads its own slot).
/// Keys the story has that no component reads are kept aside for validation to name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ui {
    entries: Vec<Option<Text>>,
    unknown: Vec<String>,
}

static EMPTY_TEXT: Text = Text {
    zh: String::new(),
    en: String::new(),
};

impl Ui {
    /// Keys only the native tools read (the share image's notes): the
    /// browser's copy of the story leaves them out.
    pub const BUILD_ONLY: &'static [&'static str] = &["poster_note", "poster_source"];

    /// The table from its entries in the order of [`Ui::KEYS`] (`None`: missing).
    pub fn from_entries(entries: Vec<Option<Text>>) -> Ui {
        Ui {
            entries,
            unknown: Vec::new(),
        }
    }

    /// The entry of the key at `index` of [`Ui::KEYS`] (empty if missing; validation makes sure
    /// none is).
    fn at(&self, index: usize) -> &Text {
        self.entries
            .get(index)
            .and_then(Option::as_ref)
            .unwrap_or(&EMPTY_TEXT)
    }

    /// The entry for `key`, if the story has it.
    pub fn get(&self, key: &str) -> Option<&Text> {
        let index = Self::KEYS.iter().position(|k| *k == key)?;
        self.entries.get(index).and_then(Option::as_ref)
    }

    /// Sets the entry for `key` (a key no component reads is kept aside as unknown).
    pub fn set(&mut self, key: &str, text: Text) {
        match Self::KEYS.iter().position(|k| *k == key) {
            Some(index) => {
                if self.entries.len() < Self::KEYS.len() {
                    self.entries.resize(Self::KEYS.len(), None);
                }
                self.entries[index] = Some(text);
            }
            None => self.unknown.push(key.to_owned()),
        }
    }

    /// Keys the story has that no component reads.
    pub fn unknown_keys(&self) -> &[String] {
        &self.unknown
    }
}

impl Serialize for Ui {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        for (key, entry) in Self::KEYS.iter().zip(&self.entries) {
            if let Some(text) = entry {
                map.serialize_entry(key, text)?;
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Ui {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Ui, D::Error> {
        let map = std::collections::BTreeMap::<String, Text>::deserialize(deserializer)?;
        let mut ui = Ui::default();
        for (key, text) in map {
            ui.set(&key, text);
        }
        Ok(ui)
    }
}

macro_rules! ui_keys {
    ($($key:ident),* $(,)?) => {
        /// Each key's position in [`Ui::KEYS`].
        #[allow(non_camel_case_types, dead_code)]
        enum UiKey { $($key),* }
        impl Ui {
            /// Every key the components read, in the table's order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key)),*];
            $(
                #[doc = concat!("The `", stringify!($key), "` entry.")]
                pub fn $key(&self) -> &Text {
                    self.at(UiKey::$key as usize)
                }
            )*
        }
    };
}

ui_keys!(
    lang_switch,
    lang_switch_label,
    map_heading,
    map_intro,
    map_label,
    schematic,
    map_credit_see_sources,
    approximate,
    approximate_note,
    zone_label,
    approval_number,
    approval_pending,
    legend_heading,
    legend_base,
    legend_zone_town,
    legend_city,
    legend_seat,
    legend_lit,
    legend_lake,
    legend_distance,
    taihu,
    distance_label,
    distance_note,
    scale_unit,
    north,
    close_up_note,
    tooltip_hint,
    timeline_intro,
    timeline_axis_label,
    timeline_filter,
    group_policy,
    group_infrastructure,
    group_projects,
    group_events,
    first,
    previous,
    next,
    last,
    position,
    period_figures,
    detail_hint,
    detail_province,
    detail_milestones,
    close,
    timeline_heading,
    figures_heading,
    skip_to_figures,
    source_label,
    derived,
    before,
    after,
    change,
    context_figure,
    context_line,
    chart_data_table,
    chart_item,
    chart_value,
    chart_bars_alt,
    chart_columns_alt,
    unit_percent,
    unit_km2,
    unit_mu,
    unit_yi_cny,
    unit_wan_cny,
    unit_yi_usd,
    unit_item,
    unit_firm,
    unit_person,
    unit_member,
    unit_time,
    unit_event,
    unit_session,
    unit_case,
    scale_million,
    scale_billion,
    mu_hectares,
    poster_note,
    poster_source,
    qualifier_more_than,
    qualifier_at_least,
    qualifier_annual_average,
    qualifier_cumulative,
    qualifier_since_year_start,
    qualifier_first_ever,
    date_year,
    date_month,
    date_day,
    month_names,
    downloads_heading,
    download_data,
    download_data_note,
    share_image,
    long_image,
    long_image_link,
    long_image_scan,
    save_image,
    notes_heading,
    sources_heading,
    credits_heading,
);

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

/// How precisely a milestone's date is known.
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
pub enum Precision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// The exact day.
    Day,
}

/// A date known to a year, a month or a day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PartialDate {
    /// Year.
    pub year: i32,
    /// Month 1–12, if known.
    pub month: Option<u8>,
    /// Day 1–31, if known.
    pub day: Option<u8>,
}

impl PartialDate {
    /// The precision the date is written to.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Days since 2000-01-01 of the first day the date can mean (for ordering and axes).
    pub fn start_day(&self) -> i64 {
        days_from_civil(
            self.year,
            u32::from(self.month.unwrap_or(1)),
            u32::from(self.day.unwrap_or(1)),
        )
    }
}

/// Days from 2000-01-01 to the given proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468 - 10_957
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl TryFrom<String> for PartialDate {
    type Error = String;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl std::str::FromStr for PartialDate {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("'{s}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = s.split('-').collect();
        let number = |p: &str, len: usize| -> Result<u32, String> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse::<u32>().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let year = match parts.first() {
            Some(p) => i32::try_from(number(p, 4)?).map_err(|_| bad())?,
            None => return Err(bad()),
        };
        let month = match parts.get(1) {
            Some(p) => {
                let m = number(p, 2)?;
                if !(1..=12).contains(&m) {
                    return Err(bad());
                }
                Some(m as u8)
            }
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(p), Some(m)) => {
                let d = number(p, 2)?;
                if d < 1 || d > u32::from(days_in_month(year, m)) {
                    return Err(bad());
                }
                Some(d as u8)
            }
            _ => None,
        };
        if parts.len() > 3 {
            return Err(bad());
        }
        Ok(PartialDate { year, month, day })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl From<PartialDate> for String {
    fn from(d: PartialDate) -> String {
        d.to_string()
    }
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
    fn dates_parse_at_each_precision() {
        let d: PartialDate = "2021-11-06".parse().unwrap();
        assert_eq!((d.year, d.month, d.day), (2021, Some(11), Some(6)));
        assert_eq!(d.precision(), Precision::Day);
        assert_eq!(
            "2020-08".parse::<PartialDate>().map(|d| d.precision()),
            Ok(Precision::Month)
        );
        assert_eq!(
            "2018".parse::<PartialDate>().map(|d| d.precision()),
            Ok(Precision::Year)
        );
        assert_eq!(d.to_string(), "2021-11-06");
    }

    #[test]
    fn bad_dates_are_rejected() {
        for s in [
            "",
            "21",
            "2021-13",
            "2021-02-30",
            "2021-1-6",
            "2021-11-06-01",
            "x",
            "2021-00",
        ] {
            assert!(s.parse::<PartialDate>().is_err(), "{s} should be rejected");
        }
        assert!("2024-02-29".parse::<PartialDate>().is_ok());
        assert!("2023-02-29".parse::<PartialDate>().is_err());
    }

    #[test]
    fn day_numbers_are_consistent() {
        assert_eq!(days_from_civil(2000, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 60);
        assert_eq!(
            days_from_civil(2021, 11, 6) - days_from_civil(2021, 11, 5),
            1
        );
        assert_eq!(
            days_from_civil(2025, 1, 1) - days_from_civil(2024, 1, 1),
            366
        );
    }

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
