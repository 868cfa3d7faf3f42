//! The map's tooltip and the accessible names of its targets.

use super::svg::coord;
use crate::state::Target;
use render::layout::{MapLayout, Rect};
use render::text_metrics::{text_width_em, wrap};
use story::format;
use story::map::MapData;
use story::model::{Lang, Story};
use yew::prelude::*;

/// What a tooltip says about a target, and where it points.
pub struct TipContent {
    /// The name, with the other language's in brackets.
    title: String,
    /// The lines under it.
    lines: Vec<String>,
    /// Where it points (view units).
    at: (f64, f64),
}

fn province_name<'a>(story: &'a Story, id: &str, lang: Lang) -> &'a str {
    story
        .provinces
        .iter()
        .find(|p| p.id == id)
        .map(|p| p.name.get(lang))
        .unwrap_or_default()
}

/// The accessible name of a target: name, province, and "approximate location" where it is one.
pub fn accessible_name(story: &Story, target: &Target, lang: Lang) -> String {
    let Some(info) = target.info(story) else {
        return String::new();
    };
    let mut name = format!(
        "{}{}{}",
        info.name.get(lang),
        format::name_separator(lang),
        province_name(story, info.province, lang)
    );
    if info.approximate() {
        name.push_str(format::name_separator(lang));
        name.push_str(story.ui.approximate().get(lang));
    }
    name
}

/// What a target's tooltip says: its name (with the other language's), province, role and a
/// hint; it points at a county's label or at a marker.
pub fn tip_content(
    story: &Story,
    map: &MapData,
    target: &Target,
    lang: Lang,
) -> Option<TipContent> {
    let info = target.info(story)?;
    // A county's tooltip points at its label; a marker's at the marker.
    let county = match target {
        Target::Region(id) => {
            let code = story
                .regions
                .iter()
                .find(|r| &r.id == id)
                .and_then(|r| r.code.as_deref());
            code.and_then(|code| map.counties.iter().find(|f| f.id == code))
        }
        Target::Place(_) => None,
    };
    let at = match county {
        Some(f) => (f64::from(f.label[0]), f64::from(f.label[1])),
        None => map.point(&info.place.id).unwrap_or_default(),
    };
    let mut lines = vec![accessible_name(story, target, lang)];
    if let Some(role) = info.role {
        lines.extend(wrap(role.get(lang), 17.0));
    }
    if matches!(target, Target::Place(_)) {
        lines.push(story.ui.tooltip_hint().get(lang).to_owned());
    }
    Some(TipContent {
        title: format::with_other_name(info.name, lang),
        lines,
        at,
    })
}

/// The tooltip box, kept inside the frame (below the point when there is no room above).
pub fn tooltip(tip: &TipContent, l: &MapLayout) -> Html {
    let upp = l.units_per_px;
    let font = 12.0 * upp;
    let line_h = font * 1.4;
    let pad = 8.0 * upp;
    let width_em = std::iter::once(text_width_em(&tip.title, 0.0) * 1.05)
        .chain(tip.lines.iter().map(|s| text_width_em(s, 0.0)))
        .fold(0.0_f64, f64::max);
    let w = width_em * font + 2.0 * pad;
    let h = line_h * (tip.lines.len() as f64 + 1.0) + 2.0 * pad;
    let f: Rect = l.frame;
    let mut x = (tip.at.0 - w / 2.0)
        .max(f.x + 4.0 * upp)
        .min((f.x + f.w - w - 4.0 * upp).max(f.x));
    let mut y = tip.at.1 - h - 16.0 * upp;
    if y < f.y + 4.0 * upp {
        y = tip.at.1 + 16.0 * upp;
    }
    if w > f.w {
        x = f.x;
    }
    html! {
        <g class="map-tooltip" data-testid="map-tooltip" transform={format!("translate({} {})", coord(x), coord(y))} aria-hidden="true">
            <rect class="tooltip-box" width={coord(w)} height={coord(h)} rx={coord(4.0 * upp)} />
            <text class="tooltip-title" x={coord(pad)} y={coord(pad + line_h * 0.5)} font-size={coord(font * 1.05)}
                dominant-baseline="central">{ &tip.title }</text>
            { for tip.lines.iter().enumerate().map(|(i, s)| html! {
                <text class="tooltip-line" x={coord(pad)} y={coord(pad + line_h * (i as f64 + 1.5))} font-size={coord(font)}
                    dominant-baseline="central">{ s }</text>
            }) }
        </g>
    }
}
