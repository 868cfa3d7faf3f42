//! The story data: `static/data/story.json`, embedded at compile time, parsed and validated.
//!
//! [`parse`] turns JSON text into a [`Story`] and checks every rule; an error names the record
//! (`figures[3] 'zone-area'`) and the field (`unit`) that is wrong. [`story`] does that once for
//! the embedded file and hands out a shared [`Rc`].

use crate::model::{Lang, PlaceKind, Precision, RegionKind, Story, Text};
use std::collections::HashSet;
use std::fmt;
use std::rc::Rc;

/// The story file, as JSON (native builds: tests and tools).
#[cfg(not(target_arch = "wasm32"))]
pub const STORY_JSON: &str = include_str!("../static/data/story.json");

/// The story file converted to postcard by `build.rs` (what the browser build embeds).
pub const STORY_POSTCARD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/story.postcard"));

/// What is wrong with the story data, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// The record, e.g. `figures[3] 'zone-area'` or `meta`.
    pub record: String,
    /// The field, e.g. `unit` or `title.en`.
    pub field: String,
    /// What is wrong.
    pub problem: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: field '{}': {}",
            self.record, self.field, self.problem
        )
    }
}

impl std::error::Error for DataError {}

fn err(
    record: impl Into<String>,
    field: impl Into<String>,
    problem: impl Into<String>,
) -> DataError {
    DataError {
        record: record.into(),
        field: field.into(),
        problem: problem.into(),
    }
}

/// Parses and validates story JSON; a parse error names the record and field
/// (through `serde_path_to_error`).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(json: &str) -> Result<Story, DataError> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| err("story.json", "(document)", e.to_string()))?;
    let story: Story = serde_path_to_error::deserialize(&value).map_err(|e| {
        let path = e.path().to_string();
        let (record, field) = split_path(&value, &path);
        err(record, field, e.inner().to_string())
    })?;
    validate(&story)?;
    Ok(story)
}

/// Decodes and validates the postcard form of the story (made by `build.rs` from the JSON).
pub fn decode(bytes: &[u8]) -> Result<Story, DataError> {
    let story: Story = postcard::from_bytes(bytes)
        .map_err(|e| err("story.postcard", "(document)", e.to_string()))?;
    validate(&story)?;
    Ok(story)
}

#[cfg(not(target_arch = "wasm32"))]
/// Splits a serde path like `figures[3].unit` into a record name with its id and a field.
fn split_path(value: &serde_json::Value, path: &str) -> (String, String) {
    let (head, rest) = match path.find('.') {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => (path, ""),
    };
    if let Some(open) = head.find('[') {
        let array = &head[..open];
        let index = head[open + 1..].trim_end_matches(']').parse::<usize>().ok();
        let id = index.and_then(|i| {
            value
                .get(array)?
                .get(i)?
                .get("id")?
                .as_str()
                .map(str::to_owned)
        });
        let record = match id {
            Some(id) => format!("{head} '{id}'"),
            None => head.to_owned(),
        };
        (
            record,
            if rest.is_empty() {
                "(record)".to_owned()
            } else {
                rest.to_owned()
            },
        )
    } else if rest.is_empty() {
        ("story".to_owned(), head.to_owned())
    } else {
        (head.to_owned(), rest.to_owned())
    }
}

fn check_text(record: &str, field: &str, text: &Text) -> Result<(), DataError> {
    for lang in [Lang::Zh, Lang::En] {
        if text.get(lang).trim().is_empty() {
            return Err(err(
                record,
                format!("{field}.{}", lang.code()),
                "missing translation",
            ));
        }
    }
    Ok(())
}

fn check_id(record: &str, id: &str, seen: &mut HashSet<String>) -> Result<(), DataError> {
    let well_formed = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !well_formed {
        return Err(err(
            record,
            "id",
            format!("'{id}' must be lowercase letters, digits and '-'"),
        ));
    }
    if !seen.insert(id.to_owned()) {
        return Err(err(record, "id", format!("duplicate id '{id}'")));
    }
    Ok(())
}

fn check_ref(
    record: &str,
    field: &str,
    id: &str,
    known: &HashSet<String>,
) -> Result<(), DataError> {
    if known.contains(id) {
        Ok(())
    } else {
        Err(err(
            record,
            field,
            format!("'{id}' does not refer to any known record"),
        ))
    }
}

/// Checks every rule the components rely on.
pub fn validate(story: &Story) -> Result<(), DataError> {
    let meta = &story.meta;
    for (field, text) in [
        ("kicker", &meta.kicker),
        ("title", &meta.title),
        ("dek", &meta.dek),
        ("byline", &meta.byline),
        ("photo_credit", &meta.photo_credit),
        ("graphic_credit", &meta.graphic_credit),
        ("map_credit", &meta.map_credit),
        ("notes", &meta.notes),
    ] {
        check_text("meta", field, text)?;
    }
    if meta.report_date.precision() != Precision::Month {
        return Err(err("meta", "report_date", "must be a month (YYYY-MM)"));
    }
    for key in crate::model::Ui::KEYS {
        match story.ui.0.get(*key) {
            Some(text) => check_text("ui", key, text)?,
            None => return Err(err("ui", *key, "missing entry")),
        }
    }
    if let Some(key) = story
        .ui
        .0
        .keys()
        .find(|k| !crate::model::Ui::KEYS.contains(&k.as_str()))
    {
        return Err(err(
            "ui",
            key.as_str(),
            "unknown entry (not read by any component)",
        ));
    }

    let mut sources = HashSet::new();
    for (i, s) in meta.sources.iter().enumerate() {
        let record = format!("meta.sources[{i}] '{}'", s.id);
        check_id(&record, &s.id, &mut sources)?;
        check_text(&record, "name", &s.name)?;
        if !(s.url.is_empty() || s.url.starts_with("https://") || s.url.starts_with("http://")) {
            return Err(err(&record, "url", "must be empty or an http(s) address"));
        }
    }

    let mut provinces = HashSet::new();
    for (i, p) in story.provinces.iter().enumerate() {
        let record = format!("provinces[{i}] '{}'", p.id);
        check_id(&record, &p.id, &mut provinces)?;
        check_text(&record, "name", &p.name)?;
    }

    let mut regions = HashSet::new();
    let mut codes = HashSet::new();
    for (i, r) in story.regions.iter().enumerate() {
        let record = format!("regions[{i}] '{}'", r.id);
        check_id(&record, &r.id, &mut regions)?;
        check_text(&record, "name", &r.name)?;
        check_text(&record, "role", &r.role)?;
        check_ref(&record, "province", &r.province, &provinces)?;
        match (&r.code, r.kind) {
            (None, RegionKind::Base) => {}
            (Some(code), RegionKind::County | RegionKind::CountyCity) => {
                if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(err(
                        &record,
                        "code",
                        format!("'{code}' is not a 6-digit code"),
                    ));
                }
                if !codes.insert(code.clone()) {
                    return Err(err(&record, "code", format!("duplicate code '{code}'")));
                }
            }
            (None, _) => return Err(err(&record, "code", "a county needs its official code")),
            (Some(_), RegionKind::Base) => {
                return Err(err(&record, "code", "the base has no official code"))
            }
        }
    }

    let mut places = HashSet::new();
    for (i, p) in story.places.iter().enumerate() {
        let record = format!("places[{i}] '{}'", p.id);
        check_id(&record, &p.id, &mut places)?;
        check_text(&record, "name", &p.name)?;
        if !p.lon_deg.is_finite() || !(73.0..=135.0).contains(&p.lon_deg) {
            return Err(err(
                &record,
                "lon_deg",
                "must be a finite longitude in China",
            ));
        }
        if !p.lat_deg.is_finite() || !(18.0..=54.0).contains(&p.lat_deg) {
            return Err(err(
                &record,
                "lat_deg",
                "must be a finite latitude in China",
            ));
        }
        if !p.accuracy_m.is_finite() || p.accuracy_m <= 0.0 {
            return Err(err(
                &record,
                "accuracy_m",
                "must be a positive number of metres",
            ));
        }
        if p.approximate && p.accuracy_m < 500.0 {
            return Err(err(
                &record,
                "accuracy_m",
                "an approximate place needs its accuracy",
            ));
        }
        if let Some(region) = &p.region {
            check_ref(&record, "region", region, &regions)?;
        }
        check_ref(&record, "province", &p.province, &provinces)?;
        if let Some(role) = &p.role {
            check_text(&record, "role", role)?;
        }
        if p.kind == PlaceKind::Base && !p.approximate {
            return Err(err(
                &record,
                "approximate",
                "the base's location is an estimate",
            ));
        }
    }
    for (i, r) in story.regions.iter().enumerate() {
        check_ref(
            &format!("regions[{i}] '{}'", r.id),
            "place",
            &r.place,
            &places,
        )?;
    }

    let mut sections = HashSet::new();
    for (i, s) in story.sections.iter().enumerate() {
        let record = format!("sections[{i}] '{}'", s.id);
        check_id(&record, &s.id, &mut sections)?;
        check_text(&record, "title", &s.title)?;
        check_text(&record, "summary", &s.summary)?;
    }

    let mut figures = HashSet::new();
    for (i, f) in story.figures.iter().enumerate() {
        let record = format!("figures[{i}] '{}'", f.id);
        check_id(&record, &f.id, &mut figures)?;
        check_text(&record, "label", &f.label)?;
        check_ref(&record, "section", &f.section, &sections)?;
        check_ref(&record, "source", &f.source, &sources)?;
        if f.value.numbers().iter().any(|v| !v.is_finite()) {
            return Err(err(&record, "value", "must be a finite number"));
        }
        if f.value.numbers().iter().any(|v| *v < 0.0) {
            return Err(err(&record, "value", "must not be negative"));
        }
        if f.unit.kind() != f.kind {
            return Err(err(
                &record,
                "unit",
                format!("{:?} does not fit kind {:?}", f.unit, f.kind),
            ));
        }
        let mut seen = HashSet::new();
        if let Some(q) = f.qualifiers.iter().find(|q| !seen.insert(**q)) {
            return Err(err(&record, "qualifiers", format!("{q:?} is listed twice")));
        }
    }

    let mut milestones = HashSet::new();
    let mut previous: Option<(i64, String)> = None;
    for (i, m) in story.milestones.iter().enumerate() {
        let record = format!("milestones[{i}] '{}'", m.id);
        check_id(&record, &m.id, &mut milestones)?;
        check_text(&record, "title", &m.title)?;
        check_text(&record, "body", &m.body)?;
        if m.date.precision() != m.precision {
            return Err(err(
                &record,
                "precision",
                format!("does not match the date '{}'", m.date),
            ));
        }
        for r in &m.regions {
            check_ref(&record, "regions", r, &regions)?;
        }
        for p in &m.places {
            check_ref(&record, "places", p, &places)?;
        }
        if m.sources.is_empty() {
            return Err(err(&record, "sources", "every milestone needs a source"));
        }
        for s in &m.sources {
            check_ref(&record, "sources", s, &sources)?;
        }
        let day = m.date.start_day();
        if let Some((prev_day, prev_id)) = &previous {
            if day < *prev_day {
                return Err(err(
                    &record,
                    "date",
                    format!(
                        "'{}' comes before the previous milestone '{prev_id}'",
                        m.date
                    ),
                ));
            }
        }
        previous = Some((day, m.id.clone()));
    }
    Ok(())
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static STORY: Result<Rc<Story>, DataError> = decode(STORY_POSTCARD).map(Rc::new);
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static STORY: Result<Rc<Story>, DataError> = parse(STORY_JSON).map(Rc::new);
}

/// The embedded story, parsed and validated once per thread.
pub fn story() -> Result<Rc<Story>, DataError> {
    STORY.with(Clone::clone)
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn real() -> Value {
        serde_json::from_str(STORY_JSON).unwrap()
    }

    fn parse_value(v: &Value) -> Result<Story, DataError> {
        parse(&v.to_string())
    }

    #[test]
    fn the_embedded_story_is_valid() {
        let story = parse(STORY_JSON).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(story.regions.len(), 7);
        assert_eq!(story.sections.len(), 4);
        assert!(story.figures.len() >= 35, "about forty figures");
        assert!(story.milestones.len() >= 14);
        assert!(super::story().is_ok());
    }

    #[test]
    fn the_embedded_binary_is_the_json() {
        assert_eq!(decode(STORY_POSTCARD).unwrap(), parse(STORY_JSON).unwrap());
        assert!(decode(&[]).is_err());
        assert!(decode(&STORY_POSTCARD[..STORY_POSTCARD.len() / 2]).is_err());
    }

    #[test]
    fn every_good_milestone_row_is_present() {
        let story = parse(STORY_JSON).unwrap();
        let dates: Vec<String> = story
            .milestones
            .iter()
            .map(|m| m.date.to_string())
            .collect();
        for d in [
            "2018",
            "2020",
            "2020-06-06",
            "2020-07-17",
            "2020-08",
            "2020-10-15",
            "2020-12",
            "2021-11-06",
            "2023-09-12",
            "2023-11-18",
            "2024-01",
            "2024-12-26",
            "2025-11",
        ] {
            assert!(dates.iter().any(|x| x == d), "milestone dated {d} missing");
        }
        assert_eq!(dates.iter().filter(|d| *d == "2024-12-26").count(), 2);
    }

    #[test]
    fn key_figures_match_the_report() {
        let story = parse(STORY_JSON).unwrap();
        let value = |id: &str| {
            story
                .figures
                .iter()
                .find(|f| f.id == id)
                .map(|f| f.value)
                .unwrap_or_else(|| panic!("{id}"))
        };
        use crate::model::FigureValue::*;
        assert_eq!(value("industrial-output-growth"), Single(24.5));
        assert_eq!(value("fixed-asset-investment-growth"), Single(32.0));
        assert_eq!(value("zone-area"), Single(86.9));
        assert_eq!(value("foreign-investment"), Single(2.1));
        assert_eq!(
            value("output-per-mu"),
            Pair {
                before: 340.0,
                after: 640.0
            }
        );
        assert_eq!(value("industry-fund"), Single(147.0));
        assert_eq!(value("tech-smes"), Single(339.0));
    }

    fn expect_error(v: Value, record: &str, field: &str) {
        match parse_value(&v) {
            Ok(_) => panic!("expected an error at {record} / {field}"),
            Err(e) => {
                assert!(
                    e.record.contains(record),
                    "record: got {e}, wanted {record}"
                );
                assert_eq!(e.field, field, "field: got {e}");
            }
        }
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let mut v = real();
        v["figures"][1]["id"] = v["figures"][0]["id"].clone();
        expect_error(v, "figures[1] 'industrial-output-growth'", "id");
    }

    #[test]
    fn dangling_references_are_rejected() {
        let mut v = real();
        v["milestones"][0]["regions"][0] = json!("nowhere");
        expect_error(v, "milestones[0] 'idea-2018'", "regions");
        let mut v = real();
        v["figures"][2]["section"] = json!("sports");
        expect_error(v, "figures[2]", "section");
        let mut v = real();
        v["figures"][2]["source"] = json!("rumour");
        expect_error(v, "figures[2]", "source");
        let mut v = real();
        v["regions"][1]["province"] = json!("hunan");
        expect_error(v, "regions[1] 'changxing'", "province");
    }

    #[test]
    fn a_missing_language_is_rejected() {
        let mut v = real();
        v["figures"][4]["label"]["en"] = json!("");
        expect_error(v, "figures[4] 'zone-area'", "label.en");
        let mut v = real();
        v["ui"]["close"]["zh"] = json!("  ");
        expect_error(v, "ui", "close.zh");
        let mut v = real();
        if let Some(o) = v["milestones"][3]["title"].as_object_mut() {
            o.remove("en");
        }
        // A missing key is a parse error on the object that lacks it.
        expect_error(v.clone(), "milestones[3] 'anji-green-summit'", "title");
        assert!(parse_value(&v)
            .unwrap_err()
            .problem
            .contains("missing field `en`"));
    }

    #[test]
    fn non_finite_values_are_rejected() {
        // JSON has no NaN or infinity; an overflowing literal is the way one arrives.
        let text = STORY_JSON.replacen("\"value\": 24.5", "\"value\": 1e999", 1);
        let e = parse(&text).unwrap_err();
        assert!(e.to_string().contains("number out of range"), "{e}");
        let mut story = parse(STORY_JSON).unwrap();
        story.figures[0].value = crate::model::FigureValue::Single(f64::NAN);
        let e = validate(&story).unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.record.contains("figures[0]")),
            ("value", true)
        );
        let mut story = parse(STORY_JSON).unwrap();
        story.places[0].lon_deg = f64::INFINITY;
        assert_eq!(validate(&story).unwrap_err().field, "lon_deg");
    }

    #[test]
    fn milestones_out_of_order_are_rejected() {
        let mut v = real();
        let list = v["milestones"].as_array_mut().unwrap();
        list.swap(2, 3);
        expect_error(v, "milestones[3] 'framework-agreement'", "date");
    }

    #[test]
    fn unknown_units_and_bad_precisions_are_rejected() {
        let mut v = real();
        v["figures"][5]["unit"] = json!("furlongs");
        expect_error(v, "figures[5] 'projects-over-300m'", "unit");
        let mut v = real();
        v["figures"][5]["unit"] = json!("percent");
        expect_error(v, "figures[5] 'projects-over-300m'", "unit");
        let mut v = real();
        v["milestones"][2]["precision"] = json!("month");
        expect_error(v, "milestones[2]", "precision");
        let mut v = real();
        v["milestones"][2]["date"] = json!("2020-06-31");
        expect_error(v, "milestones[2] 'framework-agreement'", "date");
    }

    #[test]
    fn unknown_fields_and_bad_codes_are_rejected() {
        let mut v = real();
        v["figures"][0]["colour"] = json!("red");
        expect_error(v, "figures[0] 'industrial-output-growth'", "colour");
        let mut v = real();
        v["regions"][2]["code"] = json!("33052");
        expect_error(v, "regions[2] 'anji'", "code");
        let mut v = real();
        v["places"][16]["accuracy_m"] = json!(50);
        expect_error(v, "places[16] 'tianzihu'", "accuracy_m");
    }
}
