//! The root component, the document side effects it owns, and the start-up path with its
//! readable fallback for data errors and panics.

use crate::components::figures::Figures;
use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::map::MapView;
use crate::components::region_detail::RegionDetail;
use crate::components::timeline::Timeline;
use crate::geo::MapData;
use crate::model::{Lang, Shared, Story};
use crate::state::{AppAction, AppState, Start, Target};
use crate::url::{hash_for, parse_hash, parse_query, with_lang, UrlOptions};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`App`] (equal when they hold the same story and map, by pointer).
#[derive(Properties)]
pub struct AppProps {
    /// The validated story.
    pub story: Rc<Story>,
    /// The preprocessed map geometry.
    pub map: Rc<MapData>,
    /// Options read from the URL at start.
    pub options: UrlOptions,
    /// Where the timeline starts (from the URL hash or `?start=latest`).
    pub start: Start,
    /// Whether the timeline may play by itself (off under reduced motion).
    pub autoplay: bool,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.story, &other.story)
            && Rc::ptr_eq(&self.map, &other.map)
            && self.options == other.options
            && self.start == other.start
            && self.autoplay == other.autoplay
    }
}

/// Writes the current milestone into the URL hash with `replaceState` (no history entries).
fn sync_hash(id: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let wanted = hash_for(id);
    if location.hash().unwrap_or_default() == wanted {
        return;
    }
    let url = format!(
        "{}{}{wanted}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Keeps `<html lang>`, the document title and the URL's `lang` in step with the state.
fn sync_document(lang: Lang, story: &Story) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    document.set_title(story.meta.title.get(lang));
    let location = window.location();
    let search = location.search().unwrap_or_default();
    if parse_query(&search).lang != lang {
        let hash = location.hash().unwrap_or_default();
        let path = location.pathname().unwrap_or_default();
        let url = format!("{path}{}{hash}", with_lang(&search, lang));
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

/// The whole graphic.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let (story, lang, start, autoplay) = (
            props.story.clone(),
            props.options.lang,
            props.start.clone(),
            props.autoplay,
        );
        use_reducer(move || AppState::new(&story.milestones, lang, start, autoplay))
    };
    let lang = state.lang;
    let story = Shared(props.story.clone());
    {
        let story = story.clone();
        use_effect_with(lang, move |lang| sync_document(*lang, &story));
    }
    {
        // The hash follows the current milestone once it changes (not on load, so a plain URL
        // stays plain until the reader or autoplay moves on).
        let first = use_mut_ref(|| true);
        let id = state.current_id().map(str::to_owned);
        use_effect_with(id, move |id| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                if let Some(id) = id {
                    sync_hash(id);
                }
            }
        });
    }
    let dispatch = {
        let state = state.dispatcher();
        Callback::from(move |action: AppAction| state.dispatch(action))
    };
    let on_switch_lang = dispatch.reform(AppAction::SetLang);
    let on_toggle = dispatch.reform(AppAction::Toggle);
    let on_clear = dispatch.reform(|()| AppAction::ClearSelection);
    let lit = story
        .milestones
        .get(state.current)
        .map(|m| Rc::new((m.regions.clone(), m.places.clone())));
    let selected: Option<Target> = state.selected.clone();
    html! {
        <div class="graphic" data-testid="graphic" data-lang={lang.code()}>
            <Header story={story.clone()} {lang} {on_switch_lang} />
            <div class="map-block">
                <MapView story={story.clone()} map={Shared(props.map.clone())} {lang} selected={selected.clone()}
                    {on_toggle} on_clear={on_clear.clone()} {lit} />
                <RegionDetail story={story.clone()} {lang} selected={selected.clone()} {on_clear} />
            </div>
            <Timeline story={story.clone()} {lang} current={state.current} playing={state.playing}
                hidden={state.hidden.clone()} {selected} {dispatch} />
            <Figures story={story.clone()} {lang} />
            <Footer {story} {lang} />
        </div>
    }
}

/// Shows the static fallback message from `index.html` instead of the (possibly blank) app.
pub fn show_fallback() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(fallback) = document.get_element_by_id("fallback") {
        let _ = fallback.remove_attribute("hidden");
    }
    if let Some(app) = document.get_element_by_id("app") {
        let _ = app.set_attribute("hidden", "");
    }
}

/// Installs the panic hook, reads the data and the URL, and mounts [`App`] on `#app`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("changhe: {info}").into());
        show_fallback();
    }));
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    let story = match crate::data::story() {
        Ok(story) => story,
        Err(e) => {
            web_sys::console::error_1(&format!("changhe: story data: {e}").into());
            show_fallback();
            return;
        }
    };
    let map = match crate::geo::map_data() {
        Ok(map) => Rc::new(map),
        Err(e) => {
            web_sys::console::error_1(&format!("changhe: {e}").into());
            show_fallback();
            return;
        }
    };
    let location = window.location();
    let options = parse_query(&location.search().unwrap_or_default());
    let start = match parse_hash(&location.hash().unwrap_or_default()) {
        Some(id) if story.milestones.iter().any(|m| m.id == id) => Start::Milestone(id),
        _ if options.start_latest => Start::Latest,
        _ => Start::Beginning,
    };
    let autoplay = !crate::hooks::prefers_reduced_motion();
    root.set_inner_html("");
    let props = AppProps {
        story,
        map,
        options,
        start,
        autoplay,
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}
