//! The interface's words: every label, heading and note the components show, in both languages,
//! as one table read by named accessors.

use crate::words::Text;
use serde::{Deserialize, Serialize};

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
