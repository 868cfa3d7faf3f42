//! Figure cards, grouped by the report's four sections.

use crate::format;
use crate::model::{Figure, FigureValue, Lang, Story, Subject};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Figures`].
#[derive(Properties, PartialEq)]
pub struct FiguresProps {
    /// The story.
    pub story: Rc<Story>,
    /// Current language.
    pub lang: Lang,
}

fn value_html(f: &format::Formatted) -> Html {
    html! {
        <>
            if !f.lead.is_empty() { <span class="figure-lead">{ &f.lead }</span> }
            <span class="figure-number">
                { &f.prefix }<span class="num">{ &f.number }</span>{ &f.suffix }
            </span>
        </>
    }
}

fn card(story: &Story, figure: &Figure, lang: Lang) -> Html {
    let ui = &story.ui;
    let source = story
        .meta
        .sources
        .iter()
        .find(|s| s.id == figure.source)
        .map(|s| s.name.get(lang).to_owned())
        .unwrap_or_default();
    let period = format::period_line(&figure.qualifiers, lang);
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    let value = match figure.value {
        FigureValue::Single(v) => {
            let f = format::figure_value(v, figure.unit, &figure.qualifiers, lang);
            html! {
                <>
                    <p class="figure-value">{ value_html(&f) }</p>
                    if !f.note.is_empty() { <p class="figure-note">{ &f.note }</p> }
                </>
            }
        }
        FigureValue::Pair { before, after } => {
            let b = format::figure_value(before, figure.unit, &figure.qualifiers, lang);
            let a = format::figure_value(after, figure.unit, &figure.qualifiers, lang);
            let change = format::value(after - before, figure.unit, lang);
            html! {
                <>
                    <p class="figure-value figure-pair">
                        <span class="pair-part"><span class="pair-tag">{ ui.before().get(lang) }</span>{ value_html(&b) }</span>
                        <span class="pair-arrow" aria-hidden="true">{ "→" }</span>
                        <span class="pair-part"><span class="pair-tag">{ ui.after().get(lang) }</span>{ value_html(&a) }</span>
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
            <p class="source-note">{ ui.source_label().get(lang) }{ colon }{ source }</p>
        </article>
    }
}

/// The report's four sections with every figure as a card.
#[component]
pub fn Figures(props: &FiguresProps) -> Html {
    let lang = props.lang;
    let story = &props.story;
    html! {
        <section class="figures" aria-labelledby="figures-heading">
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
                </section>
            }) }
        </section>
    }
}
