//! The timeline: a true-to-scale axis of the milestones (a list on narrow containers), a card for
//! the current one, group filters, and play / step controls. Keys act only while it has focus.

use crate::render::layout::NARROW_PX;
use crate::render::timeline_axis;
use crate::story::format::{self, fixed};
use crate::story::model::{Group, Lang, Milestone, PartialDate, Shared, Story};
use crate::web::hooks::{use_autoplay, use_element_width, use_pause_on_scroll};
use crate::web::state::{AppAction, Target};
use strum::VariantArray;
use yew::prelude::*;

/// Time between two steps once the reader has pressed play, in milliseconds.
pub const STEP_MS: u32 = 4500;

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The story.
    pub story: Shared<Story>,
    /// Current language.
    pub lang: Lang,
    /// Index of the current milestone.
    pub current: usize,
    /// Whether it is playing.
    pub playing: bool,
    /// Groups filtered out.
    pub hidden: Vec<Group>,
    /// The map's selection, whose milestones are marked.
    pub selected: Option<Target>,
    /// Sends actions to the app's reducer.
    pub dispatch: Callback<AppAction>,
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

fn card(story: &Story, m: &Milestone, lang: Lang, index: usize, total: usize) -> Html {
    let ui = &story.ui;
    let colon = crate::story::format::colon(lang);
    let sources = format::source_names(story, &m.sources, lang);
    let period: Vec<_> = m
        .figures
        .iter()
        .filter_map(|id| story.figures.iter().find(|f| &f.id == id))
        .collect();
    html! {
        <div class={classes!("timeline-card", format!("group-{}", m.group.key()))} data-testid="timeline-card"
            data-milestone={m.id.clone()}>
            <p class="timeline-card-meta">
                <time datetime={m.date.to_string()}>{ format::date(&m.date, &story.ui, lang) }</time>
                <span class="timeline-card-group">{ group_label(story, m.group, lang) }</span>
                <span class="timeline-card-position">
                    { format::fill(ui.position().get(lang), &[("n", &(index + 1).to_string()), ("total", &total.to_string())]) }
                </span>
            </p>
            <h3 class="timeline-card-title">{ m.title.get(lang) }</h3>
            <p class="timeline-card-body">{ m.body.get(lang) }</p>
            if !period.is_empty() {
                <div class="period-figures" data-testid="period-figures">
                    <h4>{ ui.period_figures().get(lang) }</h4>
                    <ul>
                        { for period.iter().map(|f| {
                            let v = format::figure_value(f.value.headline(), f.unit, &f.qualifiers, &story.ui, lang);
                            html! {
                                <li key={f.id.clone()}>
                                    <a href={format!("#figure-{}", f.id)}>{ f.label.get(lang) }{ colon }{ v.text() }</a>
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            }
            <p class="source-note">{ ui.source_label().get(lang) }{ colon }{ sources }</p>
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
const ICON_PLAY: &str = "M4 2v12l10-6z";
const ICON_PAUSE: &str = "M3 2h4v12H3zM9 2h4v12H9z";
const ICON_NEXT: &str = "M4 2v12l9-6z";
const ICON_LAST: &str = "M12 2h2v12h-2zM2 2v12l9-6z";

/// What the timeline's parts read.
struct View<'a> {
    story: &'a Story,
    lang: Lang,
    current: usize,
    selected: &'a Option<Target>,
    dispatch: &'a Callback<AppAction>,
}

impl View<'_> {
    /// A click handler that sends `action`.
    fn act(&self, action: AppAction) -> Callback<MouseEvent> {
        let d = self.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(action.clone()))
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
fn legend(v: &View<'_>, hidden: &[Group]) -> Html {
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

/// First, previous, play or pause, next, latest.
fn controls(v: &View<'_>, playing: bool) -> Html {
    let (ui, lang) = (&v.story.ui, v.lang);
    html! {
        <div class="timeline-controls">
            <button type="button" data-testid="timeline-first" aria-label={ui.first().get(lang).to_owned()} onclick={v.act(AppAction::First)}>{ icon(ICON_FIRST) }</button>
            <button type="button" data-testid="timeline-prev" aria-label={ui.previous().get(lang).to_owned()} onclick={v.act(AppAction::Step(-1))}>{ icon(ICON_PREV) }</button>
            if playing {
                <button type="button" class="play" data-testid="timeline-play" aria-label={ui.pause().get(lang).to_owned()} onclick={v.act(AppAction::Pause)}>{ icon(ICON_PAUSE) }</button>
            } else {
                <button type="button" class="play" data-testid="timeline-play" aria-label={ui.play().get(lang).to_owned()} onclick={v.act(AppAction::Play)}>{ icon(ICON_PLAY) }</button>
            }
            <button type="button" data-testid="timeline-next" aria-label={ui.next().get(lang).to_owned()} onclick={v.act(AppAction::Step(1))}>{ icon(ICON_NEXT) }</button>
            <button type="button" data-testid="timeline-last" aria-label={ui.last().get(lang).to_owned()} onclick={v.act(AppAction::Last)}>{ icon(ICON_LAST) }</button>
        </div>
    }
}

/// The narrow layout: a list of the visible milestones, the current one opened as its card.
fn list(v: &View<'_>, visible: &[(usize, &Milestone)]) -> Html {
    let total = v.story.milestones.len();
    html! {
        <ol class="timeline-list">
            { for visible.iter().map(|&(i, m)| {
                let is_current = i == v.current;
                html! {
                    <li key={m.id.clone()} data-testid={format!("milestone-{}", m.id)} class={v.classes("timeline-item", i, m)}>
                        <button type="button" class="timeline-item-button" aria-current={is_current.then_some("step")}
                            aria-expanded={is_current.to_string()}
                            onclick={v.act(AppAction::SelectMilestone(m.id.clone()))}>
                            <time datetime={m.date.to_string()}>{ v.date(m) }</time>
                            <span class="timeline-item-title">{ m.title.get(v.lang) }</span>
                        </button>
                        if is_current { { card(v.story, m, v.lang, i, total) } }
                    </li>
                }
            }) }
        </ol>
    }
}

/// The wide layout's overview: an axis over the milestones' years, a crowded year given more room
/// and every dot [`MARK_GAP_PX`] from the next (so targets never overlap), key milestones larger and
/// labelled with their date. Visual only: the list below is what keyboards and screen readers use.
fn axis(v: &View<'_>, visible: &[(usize, &Milestone)], width: f64) -> Html {
    let (pad, axis_y) = (24.0, 56.0);
    let dates: Vec<PartialDate> = visible.iter().map(|(_, m)| m.date).collect();
    let scale = timeline_axis::layout(&dates, pad, width - pad, MARK_GAP_PX);
    let years = scale.years.iter().map(|y| {
        html! {
            <g key={y.year} class="year-tick">
                <line x1={fixed(y.start, 1)} x2={fixed(y.start, 1)} y1={fixed(axis_y - 6.0, 1)} y2={fixed(axis_y + 6.0, 1)} />
                <text x={fixed((y.start + y.end) / 2.0, 1)} y={fixed(axis_y + 26.0, 1)} text-anchor="middle">{ y.year }</text>
            </g>
        }
    });
    let marks = visible.iter().zip(&scale.positions).map(|(&(i, m), &cx)| {
        let r = if m.key { 9.0 } else { 6.0 };
        html! {
            <g key={m.id.clone()} data-milestone={m.id.clone()} class={v.classes("timeline-mark", i, m)}
                onclick={v.act(AppAction::SelectMilestone(m.id.clone()))}>
                <title>{ format!("{} {}", v.date(m), m.title.get(v.lang)) }</title>
                <circle class="mark-hit" cx={fixed(cx, 1)} cy={fixed(axis_y, 1)} r={fixed(MARK_HIT_PX, 1)} />
                <circle class="mark-dot" cx={fixed(cx, 1)} cy={fixed(axis_y, 1)} r={fixed(r, 1)} />
                if m.key { { mark_label(&v.date(m), cx, axis_y, width) } }
            </g>
        }
    });
    html! {
        <svg class="timeline-axis" viewBox={format!("0 0 {} 96", fixed(width, 0))} width={fixed(width, 0)} height="96"
            aria-hidden="true" data-testid="timeline-axis">
            <line class="axis-line" x1={fixed(pad, 1)} x2={fixed(width - pad, 1)} y1={fixed(axis_y, 1)} y2={fixed(axis_y, 1)} />
            { for years }
            { for marks }
        </svg>
    }
}

/// Radius of a dot's tap target on the axis (26 px across, above WCAG's 24).
const MARK_HIT_PX: f64 = 13.0;
/// The least distance between two dots on the axis (more than a target's width).
const MARK_GAP_PX: f64 = 30.0;

/// Font size of the axis's date labels, in CSS px (as the style sheet sets `.mark-label`).
const MARK_LABEL_PX: f64 = 12.0;

/// A key milestone's date above its dot, centred, or held inside the axis where it would run off
/// either end.
fn mark_label(text: &str, cx: f64, cy: f64, width: f64) -> Html {
    let half = crate::render::text_metrics::text_width_em(text, 0.0) * MARK_LABEL_PX / 2.0;
    let (x, anchor) = if cx - half < 2.0 {
        (2.0, "start")
    } else if cx + half > width - 2.0 {
        (width - 2.0, "end")
    } else {
        (cx, "middle")
    };
    html! {
        <text class="mark-label" x={fixed(x, 1)} y={fixed(cy - 18.0, 1)} text-anchor={anchor}>{ text }</text>
    }
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

/// The timeline.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let TimelineProps {
        story,
        lang,
        current,
        playing,
        hidden,
        selected,
        dispatch,
    } = props;
    let (lang, current) = (*lang, *current);
    let ui = &story.ui;
    let node = use_node_ref();
    let width = use_element_width(node.clone()).unwrap_or(1000.0).max(240.0);
    use_autoplay(
        *playing,
        current,
        STEP_MS,
        dispatch.reform(|()| AppAction::Tick),
    );
    use_pause_on_scroll(*playing, dispatch.reform(|()| AppAction::Pause));
    let v = View {
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
    let current_m = story.milestones.get(current);
    let narrow = width < NARROW_PX;
    // The list of every milestone on every width (the current one opened as its card); on wide
    // screens the axis above it is an overview.
    let overview = (!narrow).then(|| axis(&v, &visible, width));
    html! {
        <section class={classes!("timeline", narrow.then_some("is-narrow"))} aria-labelledby="timeline-heading" data-testid="timeline">
            <h2 id="timeline-heading" class="section-heading">{ ui.timeline_heading().get(lang) }</h2>
            <p class="timeline-intro">{ ui.timeline_intro().get(lang) }</p>
            <div class="timeline-bar">
                { legend(&v, hidden) }
                { controls(&v, *playing) }
            </div>
            <div class="timeline-track" ref={node} tabindex="0" role="group" data-testid="timeline-track"
                aria-label={ui.timeline_axis_label().get(lang).to_owned()} onkeydown={track_keys(dispatch)}>
                { for overview }
                { list(&v, &visible) }
            </div>
            <div class="timeline-live" aria-live="polite" data-testid="timeline-live">
                if let Some(m) = current_m {
                    <p class="visually-hidden">{ format!("{} {}", v.date(m), m.title.get(lang)) }</p>
                }
            </div>
        </section>
    }
}
