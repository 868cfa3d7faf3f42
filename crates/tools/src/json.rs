//! `story.json` and `map.json` read natively (tools and tests): serde with the path of a bad field
//! (`serde_path_to_error`), then the story's rules (`crate::validate`).

use crate::validate::validate;
use std::rc::Rc;
use story::data::{err, DataError};
use story::map::MapData;
use story::model::Story;

/// The story file, as JSON (native builds: tests and tools).
pub const STORY_JSON: &str = include_str!("../../../static/data/story.json");

/// Parses and validates story JSON; a parse error names the record and field
/// (through `serde_path_to_error`).
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

thread_local! {
    static STORY: Result<Rc<Story>, DataError> = parse(STORY_JSON).map(Rc::new);
}

/// The story file, parsed and validated once per thread (native).
pub fn story() -> Result<Rc<Story>, DataError> {
    STORY.with(Clone::clone)
}

/// The committed map file, as JSON (native builds).
pub const MAP_JSON: &str = include_str!("../../../static/data/map.json");

/// The committed map, parsed from its JSON (native; the browser reads its text form from
/// `index.html` with `story::data::map_from_text`).
pub fn map_data() -> Result<MapData, String> {
    serde_json::from_str(MAP_JSON).map_err(|e| format!("map.json: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};
    use story::data::story_from_text;
    use story::fixtures::STORY_JSON as FIXTURE;

    /// The fixture story (frozen; not this year's committed file) as JSON.
    fn real() -> Value {
        serde_json::from_str(FIXTURE).unwrap()
    }

    fn parse_value(v: &Value) -> Result<Story, DataError> {
        parse(&v.to_string())
    }

    #[test]
    fn the_fixture_story_is_valid_and_the_committed_one_parses() {
        assert!(parse(FIXTURE).is_ok());
        assert!(super::story().is_ok());
    }

    #[test]
    fn the_story_in_index_html_is_the_json() {
        let html = include_str!("../../../index.html");
        let text = story::data::data_block(html, story::data::STORY_BLOCK).unwrap();
        assert_eq!(
            story_from_text(text).unwrap(),
            story::wire::browser_view(&parse(STORY_JSON).unwrap())
        );
        assert!(story_from_text("").is_err());
        let cut = (0..=text.len() / 3)
            .rev()
            .find(|i| text.is_char_boundary(*i))
            .unwrap();
        assert!(story_from_text(&text[..cut]).is_err());
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
        // The words the format layer reads from the data: qualifiers, dates, months.
        let mut v = real();
        v["ui"]["qualifier_more_than"]["en"] = json!("");
        expect_error(v, "ui", "qualifier_more_than.en");
        let mut v = real();
        v["ui"]["month_names"]["en"] = json!("January,February");
        expect_error(v, "ui", "month_names.en");
        let mut v = real();
        v["ui"]["date_day"]["zh"] = json!("{y}年{m}月");
        expect_error(v, "ui", "date_day.zh");
        // Unit words: English may leave a count's word out, never Chinese, never another unit's.
        let mut v = real();
        v["ui"]["unit_item"]["zh"] = json!("");
        expect_error(v, "ui", "unit_item.zh");
        let mut v = real();
        v["ui"]["unit_km2"]["en"] = json!("");
        expect_error(v, "ui", "unit_km2.en");
        assert_eq!(real()["ui"]["unit_item"]["en"], json!(""));
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
        let text = FIXTURE.replacen("\"value\": 24.5", "\"value\": 1e999", 1);
        let e = parse(&text).unwrap_err();
        assert!(e.to_string().contains("number out of range"), "{e}");
        let mut story = parse(FIXTURE).unwrap();
        story.figures[0].value = story::model::FigureValue::Single(f64::NAN);
        let e = validate(&story).unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.record.contains("figures[0]")),
            ("value", true)
        );
        let mut story = parse(FIXTURE).unwrap();
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

    #[test]
    fn the_map_in_index_html_is_the_json() {
        let html = include_str!("../../../index.html");
        let text = story::data::data_block(html, story::data::MAP_BLOCK).unwrap();
        assert_eq!(
            story::data::map_from_text(text).unwrap(),
            story::wire::browser_map(&map_data().unwrap())
        );
    }
}
