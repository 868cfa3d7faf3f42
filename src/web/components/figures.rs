//! Figure cards, grouped by the report's four sections, with counters and the section's charts.

use crate::render::anim::{counter_text, COUNTER_MS};
use crate::story::format::{self, Formatted};
use crate::story::model::{Figure, FigureValue, Lang, Shared, Story, Subject};
use crate::web::components::chart::ChartView;
use crate::web::components::source_note::source_note;
use crate::web::hooks::{use_playback, use_seen};
use yew::prelude::*;

/// Props of [`Figures`].
#[derive(Properties, PartialEq)]
pub struct FiguresProps {
    /// The story.
    pub story: Shared<Story>,
    /// Current language.
    pub lang: Lang,
    /// Whether the page is dark (for the charts' colours).
    pub dark: bool,
}

/// Props of [`Counter`].
#[derive(Properties, PartialEq)]
pub struct CounterProps {
    /// The value as formatted for the current language.
    pub value: Formatted,
}

/// A value whose digits roll up from zero the first time it scrolls into view. Screen readers get
/// the final text only (the rolling digits are hidden from them); under reduced motion, in print
/// and without an `IntersectionObserver` the final value shows at once. A hidden copy of the
/// final number keeps the width steady while the digits change.
#[component]
pub fn Counter(props: &CounterProps) -> Html {
    let node = use_node_ref();
    let seen = use_seen(node.clone());
    let t = use_playback(COUNTER_MS, seen);
    let f = &props.value;
    let shown = counter_text(&f.number, t);
    let done = shown == f.number;
    html! {
        <span class="counter" ref={node}>
            <span class="visually-hidden">{ f.text() }</span>
            <span class="counter-visual" aria-hidden="true" data-final={f.number.clone()}
                data-done={if done { "true" } else { "false" }}>
                if !f.lead.is_empty() { <span class="figure-lead">{ &f.lead }</span> }
                <span class="figure-number">
                    { &f.prefix }
                    <span class="counter-box">
                        <span class="counter-sizer">{ &f.number }</span>
                        <span class="num">{ shown }</span>
                    </span>
                    { &f.suffix }
                </span>
            </span>
        </span>
    }
}

fn card(story: &Story, figure: &Figure, lang: Lang) -> Html {
    let ui = &story.ui;
    let period = format::period_line(&figure.qualifiers, &story.ui, lang);
    let colon = crate::story::format::colon(lang);
    let value = match figure.value {
        FigureValue::Single(v) => {
            let f = format::figure_value(v, figure.unit, &figure.qualifiers, &story.ui, lang);
            let note = f.note.clone();
            html! {
                <>
                    <p class="figure-value"><Counter value={f} /></p>
                    if !note.is_empty() { <p class="figure-note">{ note }</p> }
                </>
            }
        }
        FigureValue::Pair { before, after } => {
            let b = format::figure_value(before, figure.unit, &figure.qualifiers, &story.ui, lang);
            let a = format::figure_value(after, figure.unit, &figure.qualifiers, &story.ui, lang);
            let change = format::value(after - before, figure.unit, &story.ui, lang);
            html! {
                <>
                    <p class="figure-value figure-pair">
                        <span class="pair-part"><span class="pair-tag">{ ui.before().get(lang) }</span><Counter value={b} /></span>
                        <span class="pair-arrow" aria-hidden="true">{ "→" }</span>
                        <span class="pair-part"><span class="pair-tag">{ ui.after().get(lang) }</span><Counter value={a} /></span>
                    </p>
                    <p class="figure-note">
                        { ui.change().get(lang) }{ colon }{ "+" }{ change.text() }
                        { " (" }{ ui.derived().get(lang) }{ ")" }
                    </p>
                </>
            }
        }
    };
    html! {
        <article key={figure.id.clone()} class={classes!("figure-card", (figure.subject == Subject::Plenum).then_some("is-context"))}
            data-testid={format!("figure-{}", figure.id)} id={format!("figure-{}", figure.id)}>
            <h4 class="figure-label">{ figure.label.get(lang) }</h4>
            { value }
            if !period.is_empty() { <p class="figure-period">{ period }</p> }
            if figure.subject == Subject::Plenum { <p class="figure-period">{ ui.context_figure().get(lang) }</p> }
            { source_note(story, &figure.source, lang, false) }
        </article>
    }
}

/// The report's four sections with every figure as a card, and each section's charts.
#[component]
pub fn Figures(props: &FiguresProps) -> Html {
    let lang = props.lang;
    let story = &props.story;
    html! {
        <section class="figures" id="figures" aria-labelledby="figures-heading" tabindex="-1">
            <h2 id="figures-heading" class="section-heading">{ story.ui.figures_heading().get(lang) }</h2>
            { for story.sections.iter().enumerate().map(|(i, section)| html! {
                <section key={section.id.clone()} class="figure-section" data-testid={format!("section-{}", section.id)}
                    aria-labelledby={format!("section-{}-title", section.id)}>
                    <h3 class="figure-section-title" id={format!("section-{}-title", section.id)}>
                        <span class="section-number" aria-hidden="true">{ format!("0{}", i + 1) }</span>
                        { section.title.get(lang) }
                    </h3>
                    <p class="figure-section-summary">{ section.summary.get(lang) }</p>
                    <div class="figure-grid">
                        { for story.figures.iter().filter(|f| f.section == section.id).map(|f| card(story, f, lang)) }
                    </div>
                    if story.charts.iter().any(|c| c.section == section.id) {
                        <div class="chart-grid">
                            { for story.charts.iter().filter(|c| c.section == section.id).map(|c| html! {
                                <ChartView key={c.id.clone()} story={story.clone()} chart={c.id.clone()} {lang} dark={props.dark} />
                            }) }
                        </div>
                    }
                </section>
            }) }
        </section>
    }
}
