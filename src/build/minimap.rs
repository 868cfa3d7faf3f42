//! The small map each milestone card carries in the flat story (a frame whose host does not
//! answer, print, JavaScript off): one set of symbols in the page, drawn here at build time from
//! the map's own paths (the same path text as the big map, so compression stores it once). Each
//! card's map is a few `<use>` of them (`web::components::timeline`): the base map, then the
//! milestone's regions in their province's colour and its places as dots.

use crate::story::format::fixed;
use crate::story::map::MapData;
use crate::story::model::{RegionKind, Story};

/// The symbol every card's map starts from: the land, lakes and the six counties, unlit.
pub const BASE_ID: &str = "mini";

/// The symbols' `<svg>`, hidden, for the page (outside the app, which never redraws it).
pub fn defs(story: &Story, map: &MapData) -> String {
    let view_box = format!(
        "0 0 {} {}",
        fixed(map.view.width, 0),
        fixed(map.view.height, 0)
    );
    let symbol = |id: &str, body: &str| {
        format!("<symbol id=\"{id}\" viewBox=\"{view_box}\">{body}</symbol>")
    };
    let county = |code: &str| map.counties.iter().find(|f| f.id == code);
    let mut base = String::new();
    for p in &map.provinces {
        base.push_str(&format!("<path class=\"province\" d=\"{}\"/>", p.path()));
    }
    for lake in &map.lakes {
        base.push_str(&format!("<path class=\"lake\" d=\"{}\"/>", lake.path()));
    }
    for r in story.regions.iter().filter(|r| r.kind != RegionKind::Base) {
        if let Some(f) = r.code.as_deref().and_then(county) {
            base.push_str(&format!("<path class=\"mini-county\" d=\"{}\"/>", f.path()));
        }
    }
    let mut out = format!(
        "<svg class=\"mini-defs\" aria-hidden=\"true\" focusable=\"false\"><defs>{}",
        symbol(BASE_ID, &base)
    );
    // A dot's radius and the base's diamond, in view units: legible at a card map's 150 px.
    let r = map.view.width / 70.0;
    for region in &story.regions {
        let body = match region.kind {
            RegionKind::Base => map.point(&region.place).map(|(x, y)| {
                format!(
                    "<path class=\"fill-{}\" d=\"M{} {}l{} {} {} {} {} {}z\"/>",
                    region.province,
                    fixed(x, 0),
                    fixed(y - 1.6 * r, 0),
                    fixed(1.6 * r, 0),
                    fixed(1.6 * r, 0),
                    fixed(-1.6 * r, 0),
                    fixed(1.6 * r, 0),
                    fixed(-1.6 * r, 0),
                    fixed(-1.6 * r, 0),
                )
            }),
            _ => region.code.as_deref().and_then(county).map(|f| {
                format!(
                    "<path class=\"mini-lit fill-{}\" d=\"{}\"/>",
                    region.province,
                    f.path()
                )
            }),
        };
        if let Some(body) = body {
            out.push_str(&symbol(&format!("mini-r-{}", region.id), &body));
        }
    }
    for place in &story.places {
        if let Some((x, y)) = map.point(&place.id) {
            let dot = format!(
                "<circle class=\"mini-dot\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>",
                fixed(x, 0),
                fixed(y, 0),
                fixed(r, 0)
            );
            out.push_str(&symbol(&format!("mini-p-{}", place.id), &dot));
        }
    }
    out.push_str("</defs></svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_and_place_a_milestone_names_has_a_symbol() {
        let story = crate::build::json::story().expect("story");
        let map = crate::build::json::map_data().expect("map");
        let defs = defs(&story, &map);
        assert!(defs.contains(&format!("<symbol id=\"{BASE_ID}\"")));
        for m in &story.milestones {
            for r in &m.regions {
                assert!(
                    defs.contains(&format!("id=\"mini-r-{r}\"")),
                    "region {r} of {}",
                    m.id
                );
            }
            for p in &m.places {
                assert!(
                    defs.contains(&format!("id=\"mini-p-{p}\"")),
                    "place {p} of {}",
                    m.id
                );
            }
        }
        // Hidden from assistive technology: the card's text names the places.
        assert!(defs.starts_with("<svg class=\"mini-defs\" aria-hidden=\"true\""));
    }
}
