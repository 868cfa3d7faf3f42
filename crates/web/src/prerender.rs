//! The graphic rendered to HTML at build time (yew's `ssr`, natively): what the built page shows
//! before the wasm runs, and what stays when it cannot. `cargo run --bin prerender` puts it into
//! the built `index.html` and `en/index.html`.
//!
//! Deterministic: the render reads only the story and the map (no clock, no randomness, no
//! `HashMap` order); the hooks that would measure or animate see no browser and take their still
//! values (the map is laid out for [`crate::web::first_frame`]'s widths, counters show their final
//! values, charts their text alternative, table and source).

use crate::story::map::MapData;
use crate::story::model::{Lang, Story};
use crate::web::app::{App, AppProps};
use crate::web::first_frame::FirstFrame;
use crate::web::state::Start;
use crate::web::url::UrlOptions;
use std::rc::Rc;

/// The whole graphic in `lang` as HTML, as the page in that language shows it before the app runs.
pub fn render_graphic(story: Rc<Story>, map: Rc<MapData>, lang: Lang) -> String {
    let props = AppProps {
        story,
        map,
        options: UrlOptions {
            lang,
            ..UrlOptions::default()
        },
        start: Start::Beginning,
        first_frame: FirstFrame::Build,
    };
    futures::executor::block_on(
        yew::LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render(),
    )
}
