//! The root component: wiring only. The one reducer, the named hooks that keep the page in step
//! with it (`crate::hooks`), and the parts it hands them to.

use crate::components::figures::Figures;
use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::story_view::StoryView;
use crate::first_frame::FirstFrame;
use crate::hooks::{
    use_click_outside, use_hash_sync, use_kept_switch_href, use_media, use_staged_takeover,
};
use crate::state::{AppAction, AppState, Start};
use crate::url::{hash_for, page_path, query_for, UrlOptions};
use std::rc::Rc;
use story::map::MapData;
use story::model::{Shared, Story};
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
    /// How the first frame is drawn: animated, over the prerendered graphic, or at build time.
    pub first_frame: FirstFrame,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.story, &other.story)
            && Rc::ptr_eq(&self.map, &other.map)
            && self.options == other.options
            && self.start == other.start
            && self.first_frame == other.first_frame
    }
}

/// The whole graphic: the state, the hooks that keep the page in step with it, and the parts.
#[component]
pub fn App(props: &AppProps) -> Html {
    let lang = props.options.lang;
    let state = {
        let (story, start) = (props.story.clone(), props.start.clone());
        use_reducer(move || AppState::new(&story.milestones, start))
    };
    let dispatch = {
        let state = state.dispatcher();
        Callback::from(move |action: AppAction| state.dispatch(action))
    };
    use_hash_sync(&state, &props.options);
    use_click_outside(
        ".story-map",
        state.selected.is_some(),
        dispatch.reform(|()| AppAction::ClearSelection),
    );
    let dark = props
        .options
        .theme
        .is_dark(use_media("(prefers-color-scheme: dark)"));
    // The other language's page, keeping the visit's options and the milestone being read.
    let switch_href = AttrValue::from(format!(
        "{}{}{}",
        page_path(lang, lang.other()),
        query_for(&props.options),
        state.current_id().map(hash_for).unwrap_or_default()
    ));
    let kept_head = props.first_frame == FirstFrame::OverPrerender;
    use_kept_switch_href(kept_head, switch_href.clone());
    let rest_live = use_staged_takeover(kept_head);
    let story = Shared(props.story.clone());
    let body = html! {
        <>
            <StoryView story={story.clone()} map={Shared(props.map.clone())} {lang} state={(*state).clone()}
                {dispatch} first_frame={props.first_frame} />
            if rest_live {
                <Figures story={story.clone()} {lang} {dark} />
                <Footer story={story.clone()} {lang} />
            }
        </>
    };
    if kept_head {
        return body;
    }
    html! {
        <div class="graphic" data-testid="graphic" data-lang={lang.code()}>
            <Header {story} {lang} {switch_href} embed={props.options.embed} />
            { body }
        </div>
    }
}
