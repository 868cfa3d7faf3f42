//! What `cargo run -p tools --bin textgen` generates from `story.json` and `map.json`: the data
//! blocks and the head's Chinese title and descriptions in `index.html`, and the CSV download.
//! Native tests fail when the committed files are stale.

use crate::html::replace_between;
use story::data::{block_open, MAP_BLOCK, STORY_BLOCK};
use story::format::{self, figure_text, source_names};
use story::model::{FigureValue, Lang, Story};

/// Where the generated data blocks start and end in `index.html`'s `<head>`.
pub const DATA_START: &str =
    "<!-- data: generated from static/data/story.json and map.json by `cargo run -p tools --bin textgen`; do not edit -->";
/// See [`DATA_START`].
pub const DATA_END: &str = "<!-- end of data -->";

/// `index.html` with what is generated from the data: the head's Chinese title and descriptions,
/// and the story and map data blocks (the built pages carry only their own language's words:
/// `cargo run -p tools --bin prerender`). `None` when a marker or a head element is missing.
pub fn with_generated(
    index_html: &str,
    story: &Story,
    map: &story::map::MapData,
) -> Option<String> {
    let data = format!(
        "\n  {}{}</script>\n  {}{}</script>\n  ",
        block_open(STORY_BLOCK),
        story::wire::to_text(story),
        block_open(MAP_BLOCK),
        story::wire::to_text(map)
    );
    let html = replace_between(index_html, DATA_START, DATA_END, &data)?;
    crate::page::with_head(&html, story, Lang::Zh).ok()
}

/// One row of the CSV: a figure or a milestone (columns a milestone has no value for are empty).
#[derive(serde::Serialize)]
struct CsvRow {
    kind: &'static str,
    id: String,
    section_or_group: String,
    date: String,
    label_zh: String,
    label_en: String,
    value: String,
    value_before: String,
    value_after: String,
    unit: String,
    qualifiers: String,
    text_zh: String,
    text_en: String,
    source: String,
}

/// The CSV's header line.
pub const CSV_HEADER: &str = "kind,id,section_or_group,date,label_zh,label_en,value,value_before,value_after,unit,qualifiers,text_zh,text_en,source";

fn figure_row(story: &Story, f: &story::model::Figure) -> CsvRow {
    let (value, value_before, value_after) = match f.value {
        FigureValue::Single(v) => (format::decimal(v), String::new(), String::new()),
        FigureValue::Pair { before, after } => (
            String::new(),
            format::decimal(before),
            format::decimal(after),
        ),
    };
    let qualifiers: Vec<&str> = f.qualifiers.iter().map(|q| q.key()).collect();
    CsvRow {
        kind: "figure",
        id: f.id.clone(),
        section_or_group: f.section.clone(),
        date: String::new(),
        label_zh: f.label.zh.clone(),
        label_en: f.label.en.clone(),
        value,
        value_before,
        value_after,
        unit: f.unit.key().to_owned(),
        qualifiers: qualifiers.join(" "),
        text_zh: figure_text(story, &f.id, Lang::Zh),
        text_en: figure_text(story, &f.id, Lang::En),
        source: source_names(story, &[&f.source], Lang::Zh),
    }
}

fn milestone_row(story: &Story, m: &story::model::Milestone) -> CsvRow {
    CsvRow {
        kind: "milestone",
        id: m.id.clone(),
        section_or_group: m.group.key().to_owned(),
        date: m.date.to_string(),
        label_zh: m.title.zh.clone(),
        label_en: m.title.en.clone(),
        value: String::new(),
        value_before: String::new(),
        value_after: String::new(),
        unit: String::new(),
        qualifiers: String::new(),
        text_zh: m.body.zh.clone(),
        text_en: m.body.en.clone(),
        source: source_names(story, &m.sources, Lang::Zh),
    }
}

/// Every figure and milestone as CSV: UTF-8 with a byte-order mark (so spreadsheet programs read
/// the Chinese correctly), CRLF line ends, the numbers exactly as the data gives them.
pub fn csv(story: &Story) -> Result<String, String> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let rows = story
        .figures
        .iter()
        .map(|f| figure_row(story, f))
        .chain(story.milestones.iter().map(|m| milestone_row(story, m)));
    for row in rows {
        writer.serialize(row).map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    Ok(format!("\u{feff}{text}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_generated_and_csv_are_current() {
        let story = crate::json::story().unwrap();
        let map = crate::json::map_data().unwrap();
        let index =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../index.html"))
                .unwrap();
        assert!(
            with_generated(&index, &story, &map).as_deref() == Some(index.as_str()),
            "index.html's data blocks are stale: run `cargo run -p tools --bin textgen`"
        );
        let committed = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../static/data/changhe-data.csv"
        ))
        .unwrap();
        assert!(
            committed == csv(&story).unwrap(),
            "static/data/changhe-data.csv is stale: run `cargo run -p tools --bin textgen`"
        );
    }

    #[test]
    fn the_csv_reads_back_as_the_story() {
        let story = crate::json::story().unwrap();
        let data = csv(&story).unwrap();
        assert!(data.starts_with('\u{feff}'));
        let mut reader = csv::Reader::from_reader(data.trim_start_matches('\u{feff}').as_bytes());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(header.join(","), CSV_HEADER);
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), story.figures.len() + story.milestones.len());
        for (record, m) in records[story.figures.len()..].iter().zip(&story.milestones) {
            assert_eq!(&record[1], m.id, "milestone id");
            assert_eq!(
                &record[11], m.body.zh,
                "a body with commas and quotes survives quoting"
            );
        }
        for (record, f) in records.iter().zip(&story.figures) {
            assert_eq!((&record[0], &record[1]), ("figure", f.id.as_str()));
        }
    }
}
