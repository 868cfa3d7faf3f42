//! The timeline as a scrolling story: every milestone a card in one list beside or under the
//! sticky map; the card at the reading line is current. Group filters, and step controls
//! (shown under the map). Keys act only while the list has focus.

use crate::hooks::reading_line::bring_to_line;
use crate::hooks::{use_element_width, use_reading_line};
use crate::state::{AppAction, Target};
use render::mini;
use story::format;
use story::model::{Group, Lang, Milestone, Shared, Story};
use strum::VariantArray;
use yew::prelude::*;

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The story.
    pub story: Shared<Story>,
    /// Current language.
    pub lang: Lang,
    /// Index of the current milestone.
    pub current: usize,
    /// Groups filtered out.
    pub hidden: Vec<Group>,
    /// The map's selection, whose milestones are marked.
    pub selected: Option<Target>,
    /// Sends actions to the app's reducer.
    pub dispatch: Callback<AppAction>,
    /// The reader's moves so far ([`crate::state::AppState::jumps`]).
    pub jumps: u32,
    /// The milestone the live region names (the last one the reader moved to), if any.
    pub announced: Option<usize>,
}

fn group_label(story: &Story, group: Group, lang: Lang) -> String {
    let ui = &story.ui;
    match group {
        Group::Policy => ui.group_policy().get(lang),
        Group::Infrastructure => ui.group_infrastructure().get(lang),
        Group::Projects => ui.group_projects().get(lang),
        Group::Events => ui.group_events().get(lang),
    }
    .to_owned()
}

fn concerns(m: &Milestone, selected: &Option<Target>) -> bool {
    selected.as_ref().is_some_and(|t| t.concerns(m))
}

/// Where a milestone happened, for the flat story (a frame whose host does not answer, print,
/// JavaScript off; the style sheet hides it where the sticky map tells it): a small map lit for
/// this milestone, drawn from the page's symbols (`build::minimap`), and the places' names.
fn places(story: &Story, m: &Milestone, lang: Lang) -> Html {
    let regions = m
        .regions
        .iter()
        .filter_map(|id| story.regions.iter().find(|r| &r.id == id))
        .map(|r| r.name.get(lang));
    let places = m
        .places
        .iter()
        .filter_map(|id| story.places.iter().find(|p| &p.id == id))
        .map(|p| p.name.get(lang));
    let names: Vec<&str> = regions.chain(places).collect();
    if names.is_empty() {
        return Html::default();
    }
    html! {
        <div class="card-places" data-testid="card-places">
            <svg class="card-map" aria-hidden="true" focusable="false">
                <use href={mini::BASE_HREF} />
                { for m.regions.iter().map(|r| html! { <use href={format!("#{}", mini::region_id(r))} /> }) }
                { for m.places.iter().map(|p| html! { <use href={format!("#{}", mini::place_id(p))} /> }) }
            </svg>
            <p>{ names.join(format::enumeration_separator(lang)) }</p>
        </div>
    }
}

/// A milestone's card under its button: group and position, what happened, the figures of its
/// period, its sources. `current` marks the current one's (`data-testid="timeline-card"`).
fn card(
    story: &Story,
    m: &Milestone,
    lang: Lang,
    index: usize,
    total: usize,
    current: bool,
) -> Html {
    let ui = &story.ui;
    let colon = story::format::colon(lang);
    let sources: Vec<&str> = m
        .sources
        .iter()
        .map(|id| format::short_source(story, id, lang))
        .collect();
    let sources = sources.join(format::list_separator(lang));
    let period: Vec<_> = m
        .figures
        .iter()
        .filter_map(|id| story.figures.iter().find(|f| &f.id == id))
        .collect();
    html! {
        <div class="timeline-card" data-testid={current.then_some("timeline-card")} data-milestone={m.id.clone()}>
            <p class="timeline-card-body">{ m.body.get(lang) }</p>
            { places(story, m, lang) }
            if !period.is_empty() {
                <div class="period-figures" data-testid="period-figures">
                    <h3 class="period-figures-title">{ ui.period_figures().get(lang) }</h3>
                    <ul>
                        { for period.iter().map(|f| {
                            let v = format::figure_value(f.value.headline(), f.unit, &f.qualifiers, &story.ui, lang);
                            html! {
                                <li key={f.id.clone()} data-figure={f.id.clone()}>{ f.label.get(lang) }{ colon }{ v.text() }</li>
                            }
                        }) }
                    </ul>
                </div>
            }
            <p class="timeline-card-meta">
                <span class="timeline-card-position visually-hidden">
                    { format::fill(ui.position().get(lang), &[("n", &(index + 1).to_string()), ("total", &total.to_string())]) }{ " " }
                </span>
                { ui.source_label().get(lang) }{ colon }{ sources }
            </p>
        </div>
    }
}

/// A control icon drawn as SVG (no icon font; every system has it).
fn icon(d: &'static str) -> Html {
    html! {
        <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d={d} />
        </svg>
    }
}

const ICON_FIRST: &str = "M2 2h2v12H2zM14 2v12L5 8z";
const ICON_PREV: &str = "M12 2v12L3 8z";
const ICON_NEXT: &str = "M4 2v12l9-6z";
const ICON_LAST: &str = "M12 2h2v12h-2zM2 2v12l9-6z";

/// What the timeline's parts read.
struct TimelineScene<'a> {
    story: &'a Story,
    lang: Lang,
    current: usize,
    selected: &'a Option<Target>,
    dispatch: &'a Callback<AppAction>,
}

impl TimelineScene<'_> {
    /// A click handler that sends `action`.
    fn act(&self, action: AppAction) -> Callback<MouseEvent> {
        act(self.dispatch, action)
    }

    /// The classes of a milestone's item or mark.
    fn classes(&self, base: &'static str, i: usize, m: &Milestone) -> Classes {
        classes!(
            base,
            format!("group-{}", m.group.key()),
            (i == self.current).then_some("is-current"),
            concerns(m, self.selected).then_some("is-marked"),
            m.key.then_some("is-key")
        )
    }

    /// A milestone's date as the reader's language writes it.
    fn date(&self, m: &Milestone) -> String {
        format::date(&m.date, &self.story.ui, self.lang)
    }
}

/// The group filters: one toggle per group, pressed while its milestones show.
fn legend(v: &TimelineScene<'_>, hidden: &[Group]) -> Html {
    let buttons = Group::VARIANTS.iter().map(|&g| {
        let shown = !hidden.contains(&g);
        html! {
            <button key={g.key()} type="button" class={classes!("legend-toggle", format!("group-{}", g.key()))}
                aria-pressed={shown.to_string()} data-testid={format!("filter-{}", g.key())}
                onclick={v.act(AppAction::ToggleGroup(g))}>
                <span class="legend-dot" aria-hidden="true"></span>{ group_label(v.story, g, v.lang) }
            </button>
        }
    });
    let ui = &v.story.ui;
    html! {
        <div class="timeline-legend" role="group" aria-label={ui.timeline_filter().get(v.lang).to_owned()}>{ for buttons }</div>
    }
}

/// The scrolling column: every visible milestone as a list item whose button (date and title)
/// makes it current, with its card under it.
fn list(v: &TimelineScene<'_>, visible: &[(usize, &Milestone)], node: &NodeRef) -> Html {
    let total = v.story.milestones.len();
    html! {
        <ol class="timeline-list" ref={node.clone()}>
            { for visible.iter().map(|&(i, m)| {
                let is_current = i == v.current;
                html! {
                    <li key={m.id.clone()} id={item_id(&m.id)} data-testid={format!("milestone-{}", m.id)}
                        data-milestone={m.id.clone()} class={v.classes("timeline-item", i, m)}>
                        <button type="button" class="timeline-item-button" aria-current={is_current.then_some("step")}
                            onclick={v.act(AppAction::SelectMilestone(m.id.clone()))}>
                            <time datetime={m.date.to_string()}>{ v.date(m) }</time>
                            <span class="timeline-item-group">{ group_label(v.story, m.group, v.lang) }</span>
                            <span class="timeline-item-title">{ m.title.get(v.lang) }</span>
                        </button>
                        { card(v.story, m, v.lang, i, total, is_current) }
                    </li>
                }
            }) }
        </ol>
    }
}

/// A click handler that sends `action`.
fn act(dispatch: &Callback<AppAction>, action: AppAction) -> Callback<MouseEvent> {
    let d = dispatch.clone();
    Callback::from(move |_: MouseEvent| d.emit(action.clone()))
}

/// The DOM id of a milestone's list item.
fn item_id(id: &str) -> String {
    format!("step-{id}")
}

/// The keys the track answers while it has focus: arrows step, Home and End jump.
fn track_keys(dispatch: &Callback<AppAction>) -> Callback<KeyboardEvent> {
    let d = dispatch.clone();
    Callback::from(move |e: KeyboardEvent| {
        let action = match e.key().as_str() {
            "ArrowRight" | "ArrowDown" => AppAction::Step(1),
            "ArrowLeft" | "ArrowUp" => AppAction::Step(-1),
            "Home" => AppAction::First,
            "End" => AppAction::Last,
            _ => return,
        };
        e.prevent_default();
        d.emit(action);
    })
}

/// Props of [`TimelineControls`].
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// The story.
    pub story: Shared<Story>,
    /// Current language.
    pub lang: Lang,
    /// Sends actions to the app's reducer.
    pub dispatch: Callback<AppAction>,
}

/// First, previous, next, latest: under the sticky map, so they stay at hand
/// while the cards scroll.
#[component]
pub fn TimelineControls(props: &ControlsProps) -> Html {
    let (ui, lang) = (&props.story.ui, props.lang);
    let act = |action| act(&props.dispatch, action);
    html! {
        <div class="timeline-controls" role="group" aria-label={ui.timeline_heading().get(lang).to_owned()}>
            <button type="button" tabindex="-1" data-testid="timeline-first" aria-label={ui.first().get(lang).to_owned()} onclick={act(AppAction::First)}>{ icon(ICON_FIRST) }</button>
            <button type="button" tabindex="-1" data-testid="timeline-prev" aria-label={ui.previous().get(lang).to_owned()} onclick={act(AppAction::Step(-1))}>{ icon(ICON_PREV) }</button>
            <button type="button" tabindex="-1" data-testid="timeline-next" aria-label={ui.next().get(lang).to_owned()} onclick={act(AppAction::Step(1))}>{ icon(ICON_NEXT) }</button>
            <button type="button" tabindex="-1" data-testid="timeline-last" aria-label={ui.last().get(lang).to_owned()} onclick={act(AppAction::Last)}>{ icon(ICON_LAST) }</button>
        </div>
    }
}

/// The timeline: the scrolling column of milestone cards beside or under the sticky map.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let TimelineProps {
        story,
        lang,
        current,
        hidden,
        selected,
        dispatch,
        jumps,
        announced,
    } = props;
    let (lang, current) = (*lang, *current);
    let ui = &story.ui;
    let track = use_node_ref();
    let list_ref = use_node_ref();
    let width = use_element_width(track.clone()).unwrap_or(1000.0).round() as i64;
    use_reading_line(
        list_ref.clone(),
        (hidden.clone(), lang, width),
        dispatch.reform(AppAction::Reach),
    );
    {
        // A reader's move (not the first render) brings the current card to the reading line.
        let id = story.milestones.get(current).map(|m| item_id(&m.id));
        use_effect_with(*jumps, move |&jumps| {
            if let (true, Some(id)) = (jumps > 0, id) {
                bring_to_line(&id);
            }
        });
    }
    let v = TimelineScene {
        story,
        lang,
        current,
        selected,
        dispatch,
    };
    let visible: Vec<(usize, &Milestone)> = story
        .milestones
        .iter()
        .enumerate()
        .filter(|(_, m)| !hidden.contains(&m.group))
        .collect();
    let spoken = announced.and_then(|i| story.milestones.get(i));
    html! {
        <section class="timeline" aria-labelledby="timeline-heading" data-testid="timeline">
            <h2 id="timeline-heading" class="section-heading">{ ui.timeline_heading().get(lang) }</h2>
            <p class="timeline-intro">{ ui.timeline_intro().get(lang) }</p>
            { legend(&v, hidden) }
            <div class="timeline-track" ref={track} tabindex="-1" role="group" data-testid="timeline-track"
                aria-label={ui.timeline_axis_label().get(lang).to_owned()} onkeydown={track_keys(dispatch)}>
                { list(&v, &visible, &list_ref) }
            </div>
            <div class="timeline-live" aria-live="polite" data-testid="timeline-live">
                if let Some(m) = spoken {
                    <p class="visually-hidden">{ format!("{} {}", v.date(m), m.title.get(lang)) }</p>
                }
            </div>
        </section>
    }
}
