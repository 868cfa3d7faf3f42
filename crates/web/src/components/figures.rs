//! Figure cards, grouped by the report's four sections, with counters and the section's charts.

use crate::components::chart::ChartView;
use crate::hooks::{use_playback, use_scrolled_into_view};
use render::anim::{counter_text, COUNTER_MS};
use story::format::{self, Formatted};
use story::model::{Figure, FigureValue, Lang, Section, Shared, Story, Subject};
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

/// A value that shows its final digits from the first paint and rolls them up from zero only when
/// the reader scrolls the card into view with motion allowed; on screen at load, scrolled past,
/// in print, under reduced motion and without an `IntersectionObserver` it never moves. Screen
/// readers get the final text only (the rolling digits are hidden from them). A hidden copy of
/// the final number keeps the width steady while the digits change.
#[component]
pub fn Counter(props: &CounterProps) -> Html {
    let node = use_node_ref();
    let entered = use_scrolled_into_view(node.clone());
    let t = use_playback(COUNTER_MS, entered);
    let f = &props.value;
    let shown = if entered {
        counter_text(&f.number, t)
    } else {
        f.number.clone()
    };
    let done = shown == f.number;
    html! {
        <span class="counter" ref={node}>
            <span class="visually-hidden">{ f.text() }</span>
            <span class="counter-visual" aria-hidden="true" data-final={f.number.clone()}
                data-done={if done { "true" } else { "false" }}>
                { value_parts(f, &shown) }
            </span>
        </span>
    }
}

/// The number and its unit: the digits set large, the currency sign and unit small beside them.
fn value_parts(f: &Formatted, shown: &str) -> Html {
    html! {
        <>
            if !f.lead.is_empty() { <span class="figure-lead">{ &f.lead }</span> }
            <span class="figure-number">
                if !f.prefix.is_empty() { <span class="figure-unit">{ &f.prefix }</span> }
                <span class="counter-box">
                    <span class="counter-sizer">{ &f.number }</span>
                    <span class="num">{ shown }</span>
                </span>
                if !f.suffix.is_empty() { <span class="figure-unit">{ &f.suffix }</span> }
            </span>
        </>
    }
}

fn card(story: &Story, figure: &Figure, section_source: &str, lang: Lang) -> Html {
    let ui = &story.ui;
    let period = format::period_line(&figure.qualifiers, &story.ui, lang);
    let pair = matches!(figure.value, FigureValue::Pair { .. });
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
            html! {
                <>
                    <p class="figure-value figure-pair">
                        <span class="pair-part"><span class="pair-tag">{ ui.before().get(lang) }</span><Counter value={b} /></span>
                        <span class="pair-arrow" aria-hidden="true">{ "→" }</span>
                        <span class="pair-part"><span class="pair-tag">{ ui.after().get(lang) }</span><Counter value={a} /></span>
                    </p>
                    <p class="figure-note">{ format::pair_change(before, after, figure.unit, ui, lang) }</p>
                </>
            }
        }
    };
    html! {
        <article key={figure.id.clone()} class={classes!("figure-card", pair.then_some("is-pair"))}
            data-testid={format!("figure-{}", figure.id)} id={format!("figure-{}", figure.id)}>
            <h4 class="figure-label">{ figure.label.get(lang) }</h4>
            if !period.is_empty() { <p class="figure-period">{ period }</p> }
            { value }
            if figure.source != section_source { { source_line(story, &figure.source, lang) } }
        </article>
    }
}

/// The national figures a section cites as context, on one line: "二十届四中全会公报提及“科技”10次、…".
fn context_line(story: &Story, figures: &[&Figure], lang: Lang) -> Html {
    let ui = &story.ui;
    // English puts a space between words; Chinese runs them together.
    let gap = if lang == Lang::En { " " } else { "" };
    let items = figures.iter().enumerate().map(|(i, f)| {
        let value = f.value.numbers().first().map(|v| {
            format::figure_value(*v, f.unit, &f.qualifiers, ui, lang).text()
        });
        let term = format::quoted_term(f.label.get(lang)).unwrap_or(f.label.get(lang));
        html! {
            <>
                if i > 0 { { format::enumeration_separator(lang) } }
                <span key={f.id.clone()} class="context-item" data-testid={format!("figure-{}", f.id)} id={format!("figure-{}", f.id)}>
                    { term }{ gap }<strong class="context-value">{ value.unwrap_or_default() }</strong>
                </span>
            </>
        }
    });
    html! {
        <p class="figure-context" data-testid="figure-context">
            <span class="figure-context-tag">{ ui.context_figure().get(lang) }</span>
            { ui.context_line().get(lang) }{ gap }{ for items }
        </p>
    }
}

/// A source line: "来源：…" in small type.
fn source_line(story: &Story, source: &str, lang: Lang) -> Html {
    let ui = &story.ui;
    html! {
        <p class="source-line">
            { ui.source_label().get(lang) }{ format::colon(lang) }{ format::short_source(story, source, lang) }
        </p>
    }
}

/// The source most of a section's figures share (the report, for every section of this story).
fn section_source<'a>(figures: &[&'a Figure]) -> &'a str {
    let mut best = ("", 0);
    for f in figures {
        let n = figures.iter().filter(|g| g.source == f.source).count();
        if n > best.1 {
            best = (f.source.as_str(), n);
        }
    }
    best.0
}

/// One of the report's sections: its heading, the context line, the cards, one source line and
/// its charts.
fn section(story: &Shared<Story>, i: usize, section: &Section, lang: Lang, dark: bool) -> Html {
    let figures: Vec<&Figure> = story
        .figures
        .iter()
        .filter(|f| f.section == section.id)
        .collect();
    let source = section_source(&figures);
    let (context, cards): (Vec<&Figure>, Vec<&Figure>) =
        figures.iter().partition(|f| f.subject == Subject::Plenum);
    // Before→after pairs take two columns: set last, they never leave a card alone mid-section.
    let (pairs, mut cards): (Vec<&Figure>, Vec<&Figure>) = cards
        .into_iter()
        .partition(|f| matches!(f.value, FigureValue::Pair { .. }));
    cards.extend(pairs);
    html! {
        <section key={section.id.clone()} class="figure-section" data-testid={format!("section-{}", section.id)}
            aria-labelledby={format!("section-{}-title", section.id)}>
            <div class="figure-section-head">
                <h3 class="figure-section-title" id={format!("section-{}-title", section.id)}>
                    <span class="section-number" aria-hidden="true">{ format::section_number(i) }</span>
                    { section.title.get(lang) }
                </h3>
                <p class="figure-section-summary">{ section.summary.get(lang) }</p>
            </div>
            if !context.is_empty() { { context_line(story, &context, lang) } }
            <div class="figure-grid">
                { for cards.iter().map(|f| card(story, f, source, lang)) }
            </div>
            <div class="section-source" data-testid={format!("section-source-{}", section.id)}>{ source_line(story, source, lang) }</div>
            if story.charts.iter().any(|c| c.section == section.id) {
                <div class="charts">
                    { for story.charts.iter().filter(|c| c.section == section.id).map(|c| html! {
                        <ChartView key={c.id.clone()} story={story.clone()} chart={c.id.clone()} {lang} {dark} />
                    }) }
                </div>
            }
        </section>
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
            { for story.sections.iter().enumerate().map(|(i, s)| section(story, i, s, lang, props.dark)) }
        </section>
    }
}
