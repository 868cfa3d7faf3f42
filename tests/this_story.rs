//! This year's story (`static/data/story.json`) against its sources: the report
//! (`source/article-zh.txt`) and the milestone rows marked good. Unit tests read a frozen fixture;
//! these checks are about the committed data, so next year's editor changes them with the data.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::panic)]

use tools::json::{parse, STORY_JSON};

#[test]
fn the_embedded_story_is_valid() {
    let story = parse(STORY_JSON).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(story.regions.len(), 7);
    assert_eq!(story.sections.len(), 4);
    assert!(story.figures.len() >= 35, "about forty figures");
    assert!(story.milestones.len() >= 14);
    assert!(tools::json::story().is_ok());
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
    use story::model::FigureValue::*;
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
