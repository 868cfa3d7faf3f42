//! The story and the map as the browser receives them: two text data blocks in `index.html`
//! (written by `cargo run -p tools --bin textgen` in the text form of [`crate::wire`]).
//!
//! Natively, `tools::json` reads `story.json` and `map.json` and validates the story.

use crate::map::MapData;
use crate::model::{Lang, Story};
use std::fmt;

/// The id of the story's data block in `index.html`.
pub const STORY_BLOCK: &str = "changhe-story";
/// The id of the map's data block in `index.html`.
pub const MAP_BLOCK: &str = "changhe-map";

/// The opening tag of the data block `id`.
pub fn block_open(id: &str) -> String {
    format!("<script type=\"text/plain\" id=\"{id}\">")
}

/// The text inside the data block `id` of an HTML page, if it is there.
pub fn data_block<'a>(html: &'a str, id: &str) -> Option<&'a str> {
    let open = block_open(id);
    let start = html.find(&open)? + open.len();
    let len = html.get(start..)?.find("</script>")?;
    html.get(start..start + len)
}

/// Each language has its own page: Chinese at the root, English in `en/`. The path from the page
/// in `from` to the page in `to` (relative, so the graphic works from any sub-path).
pub fn page_path(from: Lang, to: Lang) -> &'static str {
    match (from, to) {
        (Lang::Zh, Lang::Zh) => "./",
        (Lang::Zh, Lang::En) => "en/",
        (Lang::En, Lang::Zh) => "../",
        (Lang::En, Lang::En) => "./",
    }
}

/// The prefix that leads from the page in `lang` to the files beside the Chinese page (the style
/// sheet, downloads, the share image): empty at the root, `../` from `en/`.
pub fn asset_prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "",
        Lang::En => "../",
    }
}

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

/// A [`DataError`] for `record` and `field`.
pub fn err(
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

/// Decodes the story's text form (see [`crate::wire`]). `textgen` only writes a story that passed
/// validation (`tools::validate`), so the browser build carries no validation code.
pub fn story_from_text(text: &str) -> Result<Story, DataError> {
    let story: Story = crate::wire::from_text(text)
        .ok_or_else(|| err("changhe-story", "(document)", "not a valid story"))?;
    Ok(story)
}

/// Decodes the map's text form (see [`crate::wire`]).
pub fn map_from_text(text: &str) -> Result<MapData, String> {
    crate::wire::from_text(text).ok_or_else(|| "changhe-map: not a valid map".to_owned())
}
