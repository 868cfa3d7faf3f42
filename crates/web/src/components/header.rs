//! The graphic's head: kicker, headline, dek, report date, language switch.

use story::format;
use story::model::{Lang, Shared, Story};
use yew::prelude::*;

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The story.
    pub story: Shared<Story>,
    /// Current language.
    pub lang: Lang,
    /// The other language's page (its own prerendered page: a link, not a state change).
    pub switch_href: AttrValue,
    /// Embedded in another page: no headline, dek or dateline (the host article has its own).
    #[prop_or_default]
    pub embed: bool,
}

/// Kicker, headline, dek and the language switch.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let meta = &props.story.meta;
    let ui = &props.story.ui;
    let other = lang.other();
    html! {
        <header class="head">
            <a class="skip-link" href="#figures" data-testid="skip-to-figures">{ ui.skip_to_figures().get(lang) }</a>
            <div class="head-bar">
                <p class="kicker">{ meta.kicker.get(lang) }</p>
                // The accessible name starts with the visible text, in its own language.
                <a class="lang-switch" data-testid="lang-switch" href={props.switch_href.clone()}
                    hreflang={other.tag()}>
                    <span lang={other.tag()}>{ ui.lang_switch().get(lang) }</span>
                    <span class="visually-hidden">{ " " }{ ui.lang_switch_label().get(lang) }</span>
                </a>
            </div>
            if props.embed {
                <h1 class="visually-hidden">{ meta.title.get(lang) }</h1>
            } else {
                <h1 class="headline" data-testid="headline">
                    { for format::break_points(meta.title.get(lang), lang).into_iter().enumerate().map(|(i, part)| html! {
                        <>{ if i > 0 { html! { <wbr /> } } else { html! {} } }{ part }</>
                    }) }
                </h1>
                <p class="dek">{ meta.dek.get(lang) }</p>
                <p class="dateline">
                    <time datetime={meta.report_date.to_string()}>{ format::date(&meta.report_date, &props.story.ui, lang) }</time>
                    <span class="sep" aria-hidden="true">{ " · " }</span>
                    { meta.byline.get(lang) }
                </p>
            }
        </header>
    }
}
