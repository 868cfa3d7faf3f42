//! The map rendered to HTML natively (yew's `ssr`): its SVG structure against a committed snapshot,
//! plus explicit checks of the regions, markers, labels and furniture.
//! The snapshot is an `insta` snapshot (`tests/snapshots/`): after an intended change, review it
//! with `cargo insta review`, or accept it with `INSTA_UPDATE=always cargo test --test ssr_map`.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::rc::Rc;
use story::model::Lang;
use web::components::map::{MapProps, MapView};
use yew::prelude::*;
use yew::LocalServerRenderer;

mod support;
use support::structure;

fn render(lang: Lang) -> String {
    let story = tools::json::story().unwrap();
    let map = Rc::new(tools::json::map_data().unwrap());
    let props = MapProps {
        story: story::model::Shared(story),
        map: story::model::Shared(map),
        lang,
        selected: None,
        on_toggle: Callback::noop(),
        lit_milestone: None,
        finished: false,
        frame_px: None,
    };
    futures::executor::block_on(
        LocalServerRenderer::<MapView>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// The map's notes as the app renders them after the scrolling story.
fn notes(lang: Lang) -> String {
    futures::executor::block_on(
        LocalServerRenderer::<Notes>::with_props(NotesProps { lang })
            .hydratable(false)
            .render(),
    )
}

#[derive(Properties, PartialEq)]
struct NotesProps {
    lang: Lang,
}

#[component]
fn Notes(props: &NotesProps) -> Html {
    let story = tools::json::story().unwrap();
    web::components::map::furniture::notes(&story, props.lang)
}

#[test]
fn the_map_has_its_regions_markers_labels_and_furniture() {
    let html = render(Lang::Zh);
    for code in ["330522", "330523", "341821", "341882", "320481", "320282"] {
        assert_eq!(
            html.matches(&format!("data-testid=\"region-{code}\""))
                .count(),
            1,
            "county {code}"
        );
    }
    assert_eq!(html.matches("data-testid=\"region-base\"").count(), 1);
    for place in [
        "sian", "tianzihu", "shanghai", "hangzhou", "nanjing", "hefei", "huzhou",
    ] {
        assert!(
            html.contains(&format!("data-testid=\"place-{place}\"")),
            "marker {place}"
        );
    }
    for label in [
        "county-changxing",
        "county-yixing",
        "place-baimaoling",
        "zone",
    ] {
        assert!(
            html.contains(&format!("data-label=\"{label}\"")),
            "label {label}"
        );
    }
    // The distances are in the key, not on the map over the counties.
    assert!(!html.contains("data-label=\"distance-"));
    assert!(html.contains("data-testid=\"distance-key\""));
    for city in ["上海 约", "杭州 约", "南京 约", "合肥 约"] {
        assert!(html.contains(city), "{city} in the key");
    }
    for furniture in ["scale-bar", "north-arrow", "map"] {
        assert!(
            html.contains(&format!("data-testid=\"{furniture}\"")),
            "{furniture}"
        );
    }
    let notes = notes(Lang::Zh);
    assert!(
        html.contains("示意图") && notes.contains("示意图") && notes.contains("近似位置"),
        "schematic tag and notes"
    );
    assert!(notes.contains("审图号"), "approval-number slot");
    // Natively the entrance is complete (as under reduced motion).
    assert!(html.contains("data-complete=\"true\""));
    assert_eq!(
        html.matches("role=\"button\"").count(),
        6 + 1 + 11,
        "counties, base, towns and cities"
    );
}

#[test]
fn english_names_and_notes() {
    let html = render(Lang::En);
    assert!(html.contains("Changxing, Zhejiang"));
    let notes = notes(Lang::En);
    assert!(html.contains("Schematic map") && notes.contains("approximate location"));
    assert!(!html.contains("长兴县，"));
}

#[test]
fn the_svg_structure_matches_the_snapshot() {
    insta::assert_snapshot!("map_zh", structure(&render(Lang::Zh)));
}
