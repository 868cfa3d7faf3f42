//! The next anniversary's editor swaps `story.json` and changes no Rust: a story with a fifth
//! anniversary in 2026-11, a new key milestone that lists new figures of that year, and a share
//! image led by a new figure, validates, makes a map, and renders with all of it in place.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::rc::Rc;
use story::model::{Figure, FigureValue, Lang, Milestone, Story, Text};
use tools::{geoprep, json, validate::validate};
use web::app::{App, AppProps};
use web::first_frame::FirstFrame;
use web::state::Start;
use web::url::UrlOptions;
use yew::LocalServerRenderer;

fn text(zh: &str, en: &str) -> Text {
    Text {
        zh: zh.to_owned(),
        en: en.to_owned(),
    }
}

/// Today's story with a fifth year added, as an editor would write it in `story.json`.
fn next_story() -> Story {
    let mut story = (*json::story().unwrap()).clone();
    let template = story.figures[0].clone();
    let new_figures = [
        (
            "projects-2026",
            12.0,
            "2026年新项目",
            "Projects started in 2026",
        ),
        ("output-2026", 321.5, "2026年产值", "Output in 2026"),
    ];
    for (id, value, zh, en) in new_figures {
        story.figures.push(Figure {
            id: id.to_owned(),
            value: FigureValue::Single(value),
            qualifiers: vec![],
            label: text(zh, en),
            ..template.clone()
        });
    }
    let anniversary = story.milestones.last().unwrap().clone();
    for m in &mut story.milestones {
        m.key = false;
    }
    story.milestones.push(Milestone {
        id: "fifth-anniversary".to_owned(),
        date: "2026-11".parse().unwrap(),
        title: text("合作区成立五周年", "The zone turns five"),
        body: text("第五年的成绩。", "What the fifth year brought."),
        key: true,
        figures: vec!["projects-2026".to_owned(), "output-2026".to_owned()],
        ..anniversary
    });
    story.meta.poster_figures = vec!["output-2026".to_owned()];
    story
}

fn render(story: Story, lang: Lang) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/geo");
    let inputs = geoprep::read_inputs(&dir).unwrap();
    let map = geoprep::build(inputs.each_ref().map(String::as_str), &story).unwrap();
    let props = AppProps {
        story: Rc::new(story),
        map: Rc::new(map),
        options: UrlOptions {
            lang,
            ..UrlOptions::default()
        },
        start: Start::Latest,
        first_frame: FirstFrame::Animated,
    };
    futures::executor::block_on(
        LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

#[test]
fn a_fifth_anniversary_story_validates_and_reads_right() {
    let story = next_story();
    validate(&story).unwrap();
    let html = render(story.clone(), Lang::Zh);
    assert_eq!(
        html.matches("data-testid=\"milestone-").count(),
        story.milestones.len(),
        "the scrolling column has a card for every milestone, the new one too"
    );
    assert!(html.contains("data-testid=\"milestone-fifth-anniversary\""));
    assert!(html.contains("合作区成立五周年"));
    for id in ["projects-2026", "output-2026"] {
        assert!(
            html.contains(&format!("id=\"figure-{id}\"")),
            "{id} has its card"
        );
        assert!(
            html.contains(&format!("data-figure=\"{id}\"")),
            "the new milestone's card lists {id}"
        );
    }
    assert!(html.contains("321.5"), "the new figure's value as given");
    let en = render(story.clone(), Lang::En);
    assert!(en.contains("The zone turns five") && en.contains("Output in 2026"));
    assert!(
        en.contains("321.5"),
        "the new figure's value in English too"
    );
}

#[test]
fn a_story_whose_new_milestone_names_an_unknown_figure_is_refused() {
    let mut story = next_story();
    story
        .milestones
        .last_mut()
        .unwrap()
        .figures
        .push("no-such-figure".to_owned());
    let e = validate(&story).unwrap_err();
    assert_eq!(
        (e.record.as_str(), e.field.as_str()),
        ("milestones[14] 'fifth-anniversary'", "figures")
    );
}
