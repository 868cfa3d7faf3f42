//! Notes, sources and credits.

use crate::url::asset_prefix;
use story::model::{Lang, Shared, Story};
use yew::prelude::*;

/// Props of [`Footer`].
#[derive(Properties, PartialEq)]
pub struct FooterProps {
    /// The story.
    pub story: Shared<Story>,
    /// Current language.
    pub lang: Lang,
}

/// Notes, every source, and the credits.
#[component]
pub fn Footer(props: &FooterProps) -> Html {
    let lang = props.lang;
    let story = &props.story;
    let meta = &story.meta;
    let ui = &story.ui;
    html! {
        <footer class="foot">
            <section aria-labelledby="notes-heading">
                <h2 id="notes-heading" class="foot-heading">{ ui.notes_heading().get(lang) }</h2>
                <p>{ meta.notes.get(lang) }</p>
            </section>
            <section aria-labelledby="sources-heading">
                <h2 id="sources-heading" class="foot-heading">{ ui.sources_heading().get(lang) }</h2>
                <ul class="source-list">
                    { for meta.sources.iter().map(|s| html! {
                        <li key={s.id.clone()}>
                            if s.url.is_empty() { { s.name.get(lang) } }
                            else { <a href={s.url.clone()} target="_blank" rel="noopener noreferrer">{ s.name.get(lang) }</a> }
                        </li>
                    }) }
                    <li>{ meta.map_credit.get(lang) }</li>
                </ul>
            </section>
            <section aria-labelledby="downloads-heading" class="downloads">
                <h2 id="downloads-heading" class="foot-heading">{ ui.downloads_heading().get(lang) }</h2>
                <p>
                    <a href={format!("{}changhe-data.csv", asset_prefix(lang))} download="changhe-data.csv" data-testid="download-data">{ ui.download_data().get(lang) }</a>
                    { " · " }{ ui.download_data_note().get(lang) }
                </p>
                <p>
                    <a href={format!("{}share.png", asset_prefix(lang))} download="changhe-share.png" data-testid="download-share">{ ui.share_image().get(lang) }</a>
                    { " · " }<a href={format!("{}long-{}.png", asset_prefix(lang), lang.code())} download={format!("changhe-long-{}.png", lang.code())} data-testid="download-long">{ ui.long_image().get(lang) }</a>
                </p>
            </section>
            <section aria-labelledby="credits-heading">
                <h2 id="credits-heading" class="foot-heading">{ ui.credits_heading().get(lang) }</h2>
                <p>{ meta.graphic_credit.get(lang) }</p>
                <p>{ meta.byline.get(lang) }{ story::format::list_separator(lang) }{ meta.photo_credit.get(lang) }</p>
            </section>
        </footer>
    }
}
