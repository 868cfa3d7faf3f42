//! The rules the story data must follow, checked natively whenever the JSON is parsed (so
//! `textgen` writes only valid data into index.html, and `cargo test` names any problem).

use std::collections::HashSet;
use story::data::{err, DataError};
use story::model::{
    Chart, ChartKind, FigureValue, Lang, PlaceKind, Precision, RegionKind, Story, Subject, Text,
};

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
    if !story::ids::is_milestone_id(id) {
        return Err(err(
            record,
            "id",
            format!(
                "'{id}' must be 1 to {} lowercase letters, digits and '-'",
                story::ids::MILESTONE_ID_MAX
            ),
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

/// Interface words that English leaves out (count units: "67 projects" reads "67" under its label).
pub const EMPTY_IN_ENGLISH: [&str; 8] = [
    "unit_item",
    "unit_firm",
    "unit_person",
    "unit_member",
    "unit_time",
    "unit_event",
    "unit_session",
    "unit_case",
];

/// The ids of every kind of record, as they are checked (later rules refer back to them).
#[derive(Default)]
struct Ids {
    sources: HashSet<String>,
    provinces: HashSet<String>,
    regions: HashSet<String>,
    places: HashSet<String>,
    sections: HashSet<String>,
    figures: HashSet<String>,
    charts: HashSet<String>,
    milestones: HashSet<String>,
}

/// Checks every rule the components rely on, record by record; the first problem is returned.
pub fn validate(story: &Story) -> Result<(), DataError> {
    let mut ids = Ids::default();
    check_meta(story)?;
    check_ui(story)?;
    check_sources(story, &mut ids)?;
    check_provinces(story, &mut ids)?;
    check_regions(story, &mut ids)?;
    check_places(story, &mut ids)?;
    check_sections(story, &mut ids)?;
    check_figures(story, &mut ids)?;
    check_charts(story, &mut ids)?;
    check_milestones(story, &mut ids)?;
    check_poster(story, &ids)
}

/// The headline, credits and notes in both languages; the report's date to the month.
fn check_meta(story: &Story) -> Result<(), DataError> {
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
    if meta.report_date.precision() != Precision::Month {
        return Err(err("meta", "report_date", "must be a month (YYYY-MM)"));
    }
    Ok(())
}

/// Every interface word the components read, in both languages (count words may be empty in
/// English), nothing else; twelve month names; date patterns with their fields.
fn check_ui(story: &Story) -> Result<(), DataError> {
    for key in story::model::Ui::KEYS {
        match story.ui.get(key) {
            // English writes counts as bare numbers: those unit words may be empty in English only.
            Some(text) if EMPTY_IN_ENGLISH.contains(key) => {
                if text.zh.trim().is_empty() {
                    return Err(err("ui", format!("{key}.zh"), "missing translation"));
                }
            }
            Some(text) => check_text("ui", key, text)?,
            None => return Err(err("ui", *key, "missing entry")),
        }
    }
    if let Some(key) = story.ui.unknown_keys().first() {
        return Err(err(
            "ui",
            key.as_str(),
            "unknown entry (not read by any component)",
        ));
    }

    for lang in [Lang::Zh, Lang::En] {
        let months = story.ui.month_names().get(lang).split(',').count();
        if months != 12 {
            return Err(err(
                "ui",
                format!("month_names.{}", lang.code()),
                format!("needs 12 comma-separated names, has {months}"),
            ));
        }
        for (key, needs) in [
            ("date_year", &["{y}"][..]),
            ("date_month", &["{y}"][..]),
            ("date_day", &["{y}", "{d}"][..]),
        ] {
            let pattern = story.ui.get(key).map_or("", |t| t.get(lang));
            if let Some(missing) = needs.iter().find(|n| !pattern.contains(**n)) {
                return Err(err(
                    "ui",
                    format!("{key}.{}", lang.code()),
                    format!("the pattern lacks {missing}"),
                ));
            }
        }
    }

    Ok(())
}

/// Sources: ids, names, addresses.
fn check_sources(story: &Story, ids: &mut Ids) -> Result<(), DataError> {
    for (i, s) in story.meta.sources.iter().enumerate() {
        let record = format!("story.meta.sources[{i}] '{}'", s.id);
        check_id(&record, &s.id, &mut ids.sources)?;
        check_text(&record, "name", &s.name)?;
        if s.short != Text::default() {
            check_text(&record, "short", &s.short)?;
        }
        if !(s.url.is_empty() || s.url.starts_with("https://") || s.url.starts_with("http://")) {
            return Err(err(&record, "url", "must be empty or an http(s) address"));
        }
    }

    Ok(())
}

/// Provinces: ids, names, a 6-digit boundary code, a label anchor, two `#rrggbb` fills.
fn check_provinces(story: &Story, ids: &mut Ids) -> Result<(), DataError> {
    let mut codes = HashSet::new();
    for (i, p) in story.provinces.iter().enumerate() {
        let record = format!("provinces[{i}] '{}'", p.id);
        check_id(&record, &p.id, &mut ids.provinces)?;
        check_text(&record, "name", &p.name)?;
        check_code(&record, &p.code, &mut codes)?;
        check_lon_lat(&record, "label_deg", p.label_deg)?;
        for (i, c) in p.colour.iter().enumerate() {
            if c.len() != 7 || render::palette::parse_hex(c).is_none() {
                return Err(err(
                    &record,
                    format!("colour[{i}]"),
                    format!("'{c}' is not #rrggbb"),
                ));
            }
        }
    }
    Ok(())
}

/// A 6-digit administrative code, not used before.
fn check_code(record: &str, code: &str, seen: &mut HashSet<String>) -> Result<(), DataError> {
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err(
            record,
            "code",
            format!("'{code}' is not a 6-digit code"),
        ));
    }
    if !seen.insert(code.to_owned()) {
        return Err(err(record, "code", format!("duplicate code '{code}'")));
    }
    Ok(())
}

/// A finite longitude and latitude in China.
fn check_lon_lat(record: &str, field: &str, [lon, lat]: [f64; 2]) -> Result<(), DataError> {
    if !lon.is_finite()
        || !(73.0..=135.0).contains(&lon)
        || !lat.is_finite()
        || !(18.0..=54.0).contains(&lat)
    {
        return Err(err(
            record,
            field,
            "must be a finite longitude and latitude in China",
        ));
    }
    Ok(())
}

/// The base and the counties: ids, names, roles, province, official code (counties only).
fn check_regions(story: &Story, ids: &mut Ids) -> Result<(), DataError> {
    let mut codes = HashSet::new();
    for (i, r) in story.regions.iter().enumerate() {
        let record = format!("regions[{i}] '{}'", r.id);
        check_id(&record, &r.id, &mut ids.regions)?;
        check_text(&record, "name", &r.name)?;
        check_text(&record, "role", &r.role)?;
        check_ref(&record, "province", &r.province, &ids.provinces)?;
        if let Some(at) = r.label_deg {
            check_lon_lat(&record, "label_deg", at)?;
        }
        match (&r.code, r.kind) {
            (None, RegionKind::Base) => {}
            (Some(code), RegionKind::County | RegionKind::CountyCity) => {
                check_code(&record, code, &mut codes)?
            }
            (None, _) => return Err(err(&record, "code", "a county needs its official code")),
            (Some(_), RegionKind::Base) => {
                return Err(err(&record, "code", "the base has no official code"))
            }
        }
    }
    Ok(())
}

/// Places: ids, names, position and accuracy, references; then each region's marking place.
fn check_places(story: &Story, ids: &mut Ids) -> Result<(), DataError> {
    for (i, p) in story.places.iter().enumerate() {
        let record = format!("places[{i}] '{}'", p.id);
        check_id(&record, &p.id, &mut ids.places)?;
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
            check_ref(&record, "region", region, &ids.regions)?;
        }
        check_ref(&record, "province", &p.province, &ids.provinces)?;
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
            &ids.places,
        )?;
    }

    Ok(())
}

/// Sections: ids, titles, summaries.
fn check_sections(story: &Story, ids: &mut Ids) -> Result<(), DataError> {
    for (i, s) in story.sections.iter().enumerate() {
        let record = format!("sections[{i}] '{}'", s.id);
        check_id(&record, &s.id, &mut ids.sections)?;
        check_text(&record, "title", &s.title)?;
        check_text(&record, "summary", &s.summary)?;
    }

    Ok(())
}

/// Figures: ids, labels, section and source, finite non-negative values, units that fit their
/// kind, no qualifier twice.
fn check_figures(story: &Story, ids: &mut Ids) -> Result<(), DataError> {
    for (i, f) in story.figures.iter().enumerate() {
        let record = format!("figures[{i}] '{}'", f.id);
        check_id(&record, &f.id, &mut ids.figures)?;
        check_text(&record, "label", &f.label)?;
        check_ref(&record, "section", &f.section, &ids.sections)?;
        check_ref(&record, "source", &f.source, &ids.sources)?;
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
        if f.subject == Subject::Plenum
            && [&f.label.zh, &f.label.en]
                .iter()
                .any(|l| story::format::quoted_term(l).is_none())
        {
            return Err(err(
                &record,
                "label",
                "a context figure's label quotes the term it counts, in both languages",
            ));
        }
        let mut seen = HashSet::new();
        if let Some(q) = f.qualifiers.iter().find(|q| !seen.insert(**q)) {
            return Err(err(&record, "qualifiers", format!("{q:?} is listed twice")));
        }
    }

    Ok(())
}

/// Charts: ids, words, section; rows or figure that fit the kind of chart.
fn check_charts(story: &Story, ids: &mut Ids) -> Result<(), DataError> {
    for (i, c) in story.charts.iter().enumerate() {
        let record = format!("charts[{i}] '{}'", c.id);
        check_id(&record, &c.id, &mut ids.charts)?;
        check_text(&record, "title", &c.title)?;
        check_text(&record, "note", &c.note)?;
        check_ref(&record, "section", &c.section, &ids.sections)?;
        match c.kind {
            ChartKind::Bars => check_bar_rows(story, ids, &record, c)?,
            ChartKind::Pair => check_pair_chart(story, ids, &record, c)?,
        }
    }
    Ok(())
}

/// A bar chart's rows: labelled, single values, one unit.
fn check_bar_rows(story: &Story, ids: &Ids, record: &str, c: &Chart) -> Result<(), DataError> {
    let record = record.to_owned();
    let figure = |id: &str| story.figures.iter().find(|f| f.id == id);
    if c.rows.is_empty() {
        return Err(err(&record, "rows", "a bar chart needs rows"));
    }
    let mut unit = None;
    for row in &c.rows {
        check_text(&record, "rows.label", &row.label)?;
        check_ref(&record, "rows.figure", &row.figure, &ids.figures)?;
        let Some(f) = figure(&row.figure) else {
            continue;
        };
        if !matches!(f.value, FigureValue::Single(_)) {
            return Err(err(
                &record,
                "rows.figure",
                format!("'{}' has a pair value; use a pair chart", f.id),
            ));
        }
        if unit.is_some_and(|u| u != f.unit) {
            return Err(err(
                &record,
                "rows.figure",
                format!("'{}' has a different unit from the rows above", f.id),
            ));
        }
        unit = Some(f.unit);
    }
    Ok(())
}

/// A pair chart's figure: one with a before and after value.
fn check_pair_chart(story: &Story, ids: &Ids, record: &str, c: &Chart) -> Result<(), DataError> {
    let record = record.to_owned();
    let figure = |id: &str| story.figures.iter().find(|f| f.id == id);
    check_ref(&record, "figure", &c.figure, &ids.figures)?;
    let f = figure(&c.figure);
    if !f.is_some_and(|f| matches!(f.value, FigureValue::Pair { .. })) {
        return Err(err(
            &record,
            "figure",
            format!("'{}' does not fit a {:?} chart", c.figure, c.kind),
        ));
    }
    Ok(())
}

/// Milestones: ids, words, a date of its stated precision, references, at least one source, in
/// date order.
fn check_milestones(story: &Story, ids: &mut Ids) -> Result<(), DataError> {
    let mut previous: Option<(i64, String)> = None;
    for (i, m) in story.milestones.iter().enumerate() {
        let record = format!("milestones[{i}] '{}'", m.id);
        check_id(&record, &m.id, &mut ids.milestones)?;
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
            check_ref(&record, "regions", r, &ids.regions)?;
        }
        for p in &m.places {
            check_ref(&record, "places", p, &ids.places)?;
        }
        if m.sources.is_empty() {
            return Err(err(&record, "sources", "every milestone needs a source"));
        }
        for s in &m.sources {
            check_ref(&record, "sources", s, &ids.sources)?;
        }
        for f in &m.figures {
            check_ref(&record, "figures", f, &ids.figures)?;
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

/// The share image's figures: at least one, each a figure of the story.
fn check_poster(story: &Story, ids: &Ids) -> Result<(), DataError> {
    if story.meta.poster_figures.is_empty() {
        return Err(err(
            "meta",
            "poster_figures",
            "the share image needs a figure",
        ));
    }
    for f in &story.meta.poster_figures {
        check_ref("meta", "poster_figures", f, &ids.figures)?;
    }
    Ok(())
}
