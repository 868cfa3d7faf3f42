//! The root component: the one reducer, and the side effects it owns (document, URL, embed).

use crate::components::figures::Figures;
use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::map::{self, furniture, MapView};
use crate::components::region_detail::RegionDetail;
use crate::components::timeline::{Timeline, TimelineControls};
use crate::first_frame::{FirstFrame, PRERENDER_FRAMES};
use crate::hooks::use_media;
use crate::state::{AppAction, AppState, Start, Target};
use crate::url::{hash_for, page_path, query_for, UrlOptions};
use crate::{document, embed};
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

/// The whole graphic.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let (story, lang, start) = (props.story.clone(), props.options.lang, props.start.clone());
        use_reducer(move || AppState::new(&story.milestones, lang, start))
    };
    let lang = state.lang;
    let story = Shared(props.story.clone());
    {
        let story = story.clone();
        use_effect_with(lang, move |lang| document::sync_document(*lang, &story));
    }
    {
        // The hash follows the current milestone once it changes (not on load, so a plain URL
        // stays plain until the reader moves on).
        // In an embed the host page hears of it too, to mirror it into its own address.
        let first = use_mut_ref(|| true);
        let id = state.current_id().map(str::to_owned);
        let frame_id = props.options.embed.then(|| props.options.frame_id.clone());
        use_effect_with(id, move |id| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                if let Some(id) = id {
                    document::sync_hash(id);
                    if let Some(frame_id) = frame_id {
                        embed::post_to_parent(
                            "changhe-hash",
                            hash_for(id).into(),
                            frame_id.as_deref(),
                        );
                    }
                }
            }
        });
    }
    {
        // `#m=<id>` set after load moves the timeline there (unknown ids are ignored by the reducer).
        let dispatch = state.dispatcher();
        use_effect_with((), move |()| {
            let listener = document::watch_hash(Callback::from(move |id| {
                dispatch.dispatch(AppAction::SelectMilestone(id))
            }));
            move || drop(listener)
        });
    }
    {
        // While something is selected, a tap or click outside the sticky map area (the map, its
        // controls and the sheet) closes the sheet.
        let dispatch = state.dispatcher();
        use_effect_with(state.selected.is_some(), move |&open| {
            let listener = open
                .then(|| {
                    document::on_click_outside(".story-map", move || {
                        dispatch.dispatch(AppAction::ClearSelection)
                    })
                })
                .flatten();
            move || drop(listener)
        });
    }
    let system_dark = use_media("(prefers-color-scheme: dark)");
    let dark = props.options.theme.is_dark(system_dark);
    let dispatch = {
        let state = state.dispatcher();
        Callback::from(move |action: AppAction| state.dispatch(action))
    };
    let on_toggle = dispatch.reform(AppAction::Toggle);
    let on_clear = dispatch.reform(|()| AppAction::ClearSelection);
    let on_escape = {
        let on_clear = on_clear.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_clear.emit(());
            }
        })
    };
    let lit = Some(state.current);
    let selected: Option<Target> = state.selected.clone();
    // The other language's page, keeping the visit's options and the milestone being read.
    let switch_href = AttrValue::from(format!(
        "{}{}{}",
        page_path(lang, lang.other()),
        query_for(&props.options),
        state.current_id().map(hash_for).unwrap_or_default()
    ));
    let frame = props.first_frame;
    // Over the prerendered page the head stays the build's (see `crate::start`): its
    // headline and dek are the page's largest paint, and a replaced node would be painted (and
    // reported) again. Only the language switch's link follows the reader.
    let kept_head = frame == FirstFrame::OverPrerender;
    {
        let href = switch_href.clone();
        use_effect_with((kept_head, href), move |(kept, href)| {
            if *kept {
                document::set_switch_href(href);
            }
        });
    }
    // Over the prerendered page the app takes over in two tasks, so that no one task holds the
    // reader's input for the whole graphic: first the map and the milestones, then the figures
    // and the foot, whose prerendered copies stay on screen until the next task replaces them.
    let rest_live = use_state_eq(|| frame != FirstFrame::OverPrerender);
    {
        let rest_live = rest_live.clone();
        use_effect_with((), move |()| {
            #[cfg(target_arch = "wasm32")]
            let timer = (!*rest_live).then(|| {
                gloo_timers::callback::Timeout::new(0, move || {
                    document::drop_prerendered_rest();
                    rest_live.set(true);
                })
            });
            #[cfg(not(target_arch = "wasm32"))]
            let _ = rest_live;
            move || {
                #[cfg(target_arch = "wasm32")]
                drop(timer);
            }
        });
    }
    use_effect_with(*rest_live, |&live| {
        if live {
            document::mark_live();
        }
    });
    let map_view = |frame_px: Option<f64>| {
        html! {
            <MapView story={story.clone()} map={Shared(props.map.clone())} {lang} selected={selected.clone()}
                on_toggle={on_toggle.clone()} {lit} still={frame.still()} {frame_px} />
        }
    };
    // At build time the map is drawn for each width of PRERENDER_FRAMES; the style sheet shows the
    // one that fits the container until the app runs and draws the one it measures.
    let maps = if frame == FirstFrame::Build {
        html! {
            <div class="prerender-maps">
                { for PRERENDER_FRAMES.iter().map(|(class, px, _)| html! {
                    <div class={*class}>{ map_view(Some(*px)) }</div>
                }) }
            </div>
        }
    } else {
        map_view(None)
    };
    let body = html! {
        <>
            { map::heading(&story, lang) }
            // The scrolling story: the map stays on screen (above the cards on phones, beside
            // them on wide screens) while the milestones scroll past; a selection opens as a
            // sheet at the bottom of the sticky area.
            <div class="story" data-testid="story">
                <div class="story-map" onkeydown={on_escape}>
                    { maps }
                    <TimelineControls story={story.clone()} {lang} dispatch={dispatch.clone()} />
                    <RegionDetail story={story.clone()} map={Shared(props.map.clone())} {lang} selected={selected.clone()} {on_clear} />
                </div>
                <div class="story-key">{ furniture::legend(&story, &props.map, lang) }</div>
                <Timeline story={story.clone()} {lang} current={state.current}
                    hidden={state.hidden.clone()} {selected} {dispatch} jumps={state.jumps}
                    announced={state.announced} />
            </div>
            { furniture::notes(&story, lang) }
            if *rest_live {
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
