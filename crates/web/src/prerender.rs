//! The graphic rendered to HTML at build time (yew's `ssr`, natively): what the built page shows
//! before the wasm runs, and what stays when it cannot. `cargo run -p tools --bin prerender` puts it into
//! the built `index.html` and `en/index.html`.
//!
//! Deterministic: the render reads only the story and the map (no clock, no randomness, no
//! `HashMap` order); the hooks that would measure or animate see no browser and take their still
//! values (the map is laid out for [`crate::first_frame`]'s widths, counters show their final
//! values, charts their text alternative, table and source).

use crate::app::{App, AppProps};
use crate::first_frame::FirstFrame;
use crate::state::Start;
use crate::url::UrlOptions;
use std::rc::Rc;
use story::map::MapData;
use story::model::{Lang, Story};

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
