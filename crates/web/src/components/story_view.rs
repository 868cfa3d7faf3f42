//! The scrolling story: the map stays on screen (above the cards on phones, beside them on wide
//! screens) while the milestones scroll past; a selection opens as a sheet at the bottom of the
//! sticky area. Then the map's notes.

use crate::components::map::{self, furniture, MapView};
use crate::components::region_detail::RegionDetail;
use crate::components::timeline::{Timeline, TimelineControls};
use crate::first_frame::FirstFrame;
use crate::state::{AppAction, AppState};
use render::breakpoints::MAP_FRAMES;
use story::map::MapData;
use story::model::{Lang, Shared, Story};
use yew::prelude::*;

/// Props of [`StoryView`].
#[derive(Properties, PartialEq)]
pub struct StoryViewProps {
    /// The story.
    pub story: Shared<Story>,
    /// The preprocessed map geometry.
    pub map: Shared<MapData>,
    /// The page's language.
    pub lang: Lang,
    /// The app's state.
    pub state: AppState,
    /// Sends an action to the reducer.
    pub dispatch: Callback<AppAction>,
    /// How the first frame is drawn.
    pub first_frame: FirstFrame,
}

/// The map (one per prerendered width at build time, else the one the container measures).
fn maps(props: &StoryViewProps) -> Html {
    let frame = props.first_frame;
    let map_view = |frame_px: Option<f64>| {
        html! {
            <MapView story={props.story.clone()} map={props.map.clone()} lang={props.lang}
                selected={props.state.selected.clone()} on_toggle={props.dispatch.reform(AppAction::Toggle)}
                lit_milestone={Some(props.state.current)} finished={frame.is_finished()} {frame_px} />
        }
    };
    // At build time the map is drawn for each width of MAP_FRAMES; the style sheet shows the
    // one that fits the container until the app runs and draws the one it measures.
    if frame == FirstFrame::Build {
        html! {
            <div class="prerender-maps">
                { for MAP_FRAMES.iter().map(|(class, px, _)| html! {
                    <div class={*class}>{ map_view(Some(*px)) }</div>
                }) }
            </div>
        }
    } else {
        map_view(None)
    }
}

/// The map's heading, the sticky map with its controls and sheet beside the milestones, the key
/// and the notes.
#[component]
pub fn StoryView(props: &StoryViewProps) -> Html {
    let StoryViewProps {
        story,
        map,
        lang,
        state,
        dispatch,
        ..
    } = props;
    let lang = *lang;
    let on_clear = dispatch.reform(|()| AppAction::ClearSelection);
    let on_escape = {
        let on_clear = on_clear.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_clear.emit(());
            }
        })
    };
    html! {
        <>
            { map::heading(story, lang) }
            <div class="story" data-testid="story">
                <div class="story-map" onkeydown={on_escape}>
                    { maps(props) }
                    <TimelineControls story={story.clone()} {lang} dispatch={dispatch.clone()} />
                    <RegionDetail story={story.clone()} map={map.clone()} {lang} selected={state.selected.clone()} {on_clear} />
                </div>
                <div class="story-key">{ furniture::legend(story, map, lang) }</div>
                <Timeline story={story.clone()} {lang} current={state.current}
                    hidden={state.hidden.clone()} selected={state.selected.clone()} dispatch={dispatch.clone()}
                    jumps={state.jumps} announced={state.announced} />
            </div>
            { furniture::notes(story, lang) }
        </>
    }
}
