//! Shared native test fixtures: the committed story and map, read straight from their JSON
//! (serde only; the rules are tested in `tools`). Lower layers' tests use these, so no
//! test reaches up into `build`.

use crate::map::MapData;
use crate::model::Story;
use std::rc::Rc;

/// The committed story file.
pub const STORY_JSON: &str = include_str!("../../../static/data/story.json");
/// The committed map file.
pub const MAP_JSON: &str = include_str!("../../../static/data/map.json");

thread_local! {
    static STORY: Rc<Story> = Rc::new(serde_json::from_str(STORY_JSON).unwrap());
}

/// The committed story, parsed once per thread.
pub fn story() -> Rc<Story> {
    STORY.with(Clone::clone)
}

/// A fresh copy of the committed story, to change in a test.
pub fn story_owned() -> Story {
    (*story()).clone()
}

/// The committed map.
pub fn map() -> MapData {
    serde_json::from_str(MAP_JSON).unwrap()
}
