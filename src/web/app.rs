//! The root component, the document side effects it owns, and the start-up path with its
//! readable fallback for data errors and panics.

use crate::story::map::MapData;
use crate::story::model::{Lang, Shared, Story};
use crate::web::components::figures::Figures;
use crate::web::components::footer::Footer;
use crate::web::components::header::Header;
use crate::web::components::map::MapView;
use crate::web::components::region_detail::RegionDetail;
use crate::web::components::timeline::Timeline;
use crate::web::hooks::use_media;
use crate::web::state::{AppAction, AppState, Start, Target};
use crate::web::url::{hash_for, parse_hash, parse_query, with_lang, UrlOptions};
use std::rc::Rc;
use wasm_bindgen::JsValue;
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

/// Posts `{ <key>: value, "id": frame id }` to the embedding page, if there is one. The message
/// carries only the graphic's height or its milestone hash, so any origin may read it; the host
/// script checks where it came from.
fn post_to_parent(key: &str, value: JsValue, frame_id: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &key.into(), &value);
    let _ = js_sys::Reflect::set(
        &message,
        &"id".into(),
        &frame_id.map_or(JsValue::NULL, JsValue::from),
    );
    let _ = parent.post_message(&message, "*");
}

/// In an embed, reports the content's height to the host page whenever it changes (and once at
/// the start), as `{ "changhe-height": px, "id": ... }`.
fn report_height(frame_id: Option<String>) -> impl FnOnce() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let document = web_sys::window().and_then(|w| w.document());
    let target = document.as_ref().and_then(|d| d.get_element_by_id("app"));
    let send = move || {
        let height = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("app"))
            .map(|app| {
                let rect = app.get_bounding_client_rect();
                let scroll = web_sys::window()
                    .and_then(|w| w.scroll_y().ok())
                    .unwrap_or(0.0);
                (rect.bottom() + scroll).ceil()
            });
        if let Some(h) = height {
            post_to_parent("changhe-height", JsValue::from_f64(h), frame_id.as_deref());
        }
    };
    send();
    let on_resize = Closure::<dyn FnMut()>::new(send);
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
    if let (Some(o), Some(t)) = (&observer, &target) {
        o.observe(t);
    }
    move || {
        if let Some(o) = observer {
            o.disconnect();
        }
        drop(on_resize);
    }
}

/// Sets what the URL fixes for the whole visit on `<html>`: `data-theme` (none for auto), and the
/// `is-embed` and `is-transparent` classes the style sheet keys on.
fn apply_page_options(options: &UrlOptions) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    if let Some(theme) = options.theme.attribute() {
        let _ = root.set_attribute("data-theme", theme);
    }
    let classes = root.class_list();
    if options.embed {
        let _ = classes.add_1("is-embed");
    }
    if options.transparent {
        let _ = classes.add_1("is-transparent");
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
        // In an embed the host page hears of it too, to mirror it into its own address.
        let first = use_mut_ref(|| true);
        let id = state.current_id().map(str::to_owned);
        let frame_id = props.options.embed.then(|| props.options.frame_id.clone());
        use_effect_with(id, move |id| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                if let Some(id) = id {
                    sync_hash(id);
                    if let Some(frame_id) = frame_id {
                        post_to_parent("changhe-hash", hash_for(id).into(), frame_id.as_deref());
                    }
                }
            }
        });
    }
    {
        let frame_id = props.options.frame_id.clone();
        let embed = props.options.embed;
        use_effect_with(embed, move |embed| {
            let stop = embed.then(|| report_height(frame_id));
            move || {
                if let Some(stop) = stop {
                    stop();
                }
            }
        });
    }
    let system_dark = use_media("(prefers-color-scheme: dark)");
    let dark = props.options.theme.is_dark(system_dark);
    let dispatch = {
        let state = state.dispatcher();
        Callback::from(move |action: AppAction| state.dispatch(action))
    };
    let on_switch_lang = dispatch.reform(AppAction::SetLang);
    let on_toggle = dispatch.reform(AppAction::Toggle);
    let on_clear = dispatch.reform(|()| AppAction::ClearSelection);
    let lit = Some(state.current);
    let selected: Option<Target> = state.selected.clone();
    html! {
        <div class="graphic" data-testid="graphic" data-lang={lang.code()}>
            <Header story={story.clone()} {lang} {on_switch_lang} embed={props.options.embed} />
            <div class="map-block">
                <MapView story={story.clone()} map={Shared(props.map.clone())} {lang} selected={selected.clone()}
                    {on_toggle} on_clear={on_clear.clone()} {lit} />
                <RegionDetail story={story.clone()} map={Shared(props.map.clone())} {lang} selected={selected.clone()} {on_clear} />
            </div>
            <Timeline story={story.clone()} {lang} current={state.current} playing={state.playing}
                hidden={state.hidden.clone()} {selected} {dispatch} />
            <Figures story={story.clone()} {lang} {dark} />
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
    // The data travel as text blocks in index.html (see `text` and `wire`).
    let block = |id: &str| {
        window
            .document()
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    let story = match crate::story::data::decode(&block(crate::story::data::STORY_BLOCK)) {
        Ok(story) => Rc::new(story),
        Err(e) => {
            web_sys::console::error_1(&format!("changhe: story data: {e}").into());
            show_fallback();
            return;
        }
    };
    let map = match crate::story::data::map_from_text(&block(crate::story::data::MAP_BLOCK)) {
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
    let autoplay = !crate::web::hooks::prefers_reduced_motion();
    apply_page_options(&options);
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
