//! Shared test fixtures: a story and its map frozen in `crates/story/fixtures/` (the 2025 story
//! as it was when the tests were written), read straight from their JSON (serde only; the rules
//! are tested in `tools`). Unit tests read these, not `static/data/story.json`, so next year's
//! story changes no unit test; the checks that the committed story matches its sources and that
//! the generated files are current read the committed files themselves. Lower layers' tests use
//! these, so no test reaches up into `tools`.

use crate::map::MapData;
use crate::model::Story;
use std::rc::Rc;

/// The fixture story's file.
pub const STORY_JSON: &str = include_str!("../fixtures/story.json");
/// The fixture map's file.
pub const MAP_JSON: &str = include_str!("../fixtures/map.json");

thread_local! {
    static STORY: Rc<Story> = Rc::new(serde_json::from_str(STORY_JSON).unwrap());
}

/// The fixture story, parsed once per thread.
pub fn story() -> Rc<Story> {
    STORY.with(Clone::clone)
}

/// A fresh copy of the fixture story, to change in a test.
pub fn story_owned() -> Story {
    (*story()).clone()
}

/// The fixture map.
pub fn map() -> MapData {
    serde_json::from_str(MAP_JSON).unwrap()
}
