//! The small map each milestone card carries in the flat story (a frame whose host does not
//! answer, print, JavaScript off): one set of symbols in the page, drawn here at build time from
//! the map's own paths (the same path text as the big map, so compression stores it once). Each
//! card's map is a few `<use>` of them (`web::components::timeline`): the base map, then the
//! milestone's regions in their province's colour and its places as dots.

use render::layout::{outline_bbox, Rect};
use story::format::fixed;
use story::map::MapData;
use story::model::{RegionKind, Story};

/// A card map's width to height, as the style sheet sizes it (`.card-map`).
pub const ASPECT: f64 = 4.0 / 3.0;

/// The part of the map the card maps show: the six counties and every place a milestone names,
/// with a margin, widened or heightened about its centre to [`ASPECT`].
pub fn frame(story: &Story, map: &MapData) -> Rect {
    let b = outline_bbox(map);
    let (mut x0, mut y0, mut x1, mut y1) = (b.x, b.y, b.x + b.w, b.y + b.h);
    let named = story.milestones.iter().flat_map(|m| &m.places);
    for (x, y) in named.filter_map(|id| map.point(id)) {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    let margin = 0.06 * (x1 - x0).max(y1 - y0);
    let (mut w, mut h) = (x1 - x0 + 2.0 * margin, y1 - y0 + 2.0 * margin);
    if w / h < ASPECT {
        w = h * ASPECT;
    } else {
        h = w / ASPECT;
    }
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    Rect {
        x: cx - w / 2.0,
        y: cy - h / 2.0,
        w,
        h,
    }
}

use render::mini::{place_id, region_id, BASE_ID};

/// The symbols' `<svg>`, hidden, for the page (outside the app, which never redraws it).
pub fn defs(story: &Story, map: &MapData) -> String {
    let f = frame(story, map);
    let view_box = format!(
        "{} {} {} {}",
        fixed(f.x, 0),
        fixed(f.y, 0),
        fixed(f.w, 0),
        fixed(f.h, 0)
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
    // A dot's radius and the base's diamond, in view units: legible at a card map's 132 px.
    let r = f.w / 50.0;
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
            out.push_str(&symbol(&region_id(&region.id), &body));
        }
    }
    let named = |id: &str| {
        story
            .milestones
            .iter()
            .any(|m| m.places.iter().any(|p| p == id))
    };
    for place in story.places.iter().filter(|p| named(&p.id)) {
        if let Some((x, y)) = map.point(&place.id) {
            let dot = format!(
                "<circle class=\"mini-dot\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>",
                fixed(x, 0),
                fixed(y, 0),
                fixed(r, 0)
            );
            out.push_str(&symbol(&place_id(&place.id), &dot));
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
        let story = crate::json::story().expect("story");
        let map = crate::json::map_data().expect("map");
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

    #[test]
    fn the_frame_holds_the_counties_and_every_named_place_at_the_cards_aspect() {
        let story = crate::json::story().expect("story");
        let map = crate::json::map_data().expect("map");
        let f = frame(&story, &map);
        assert!((f.w / f.h - ASPECT).abs() < 1e-9);
        let b = outline_bbox(&map);
        assert!(f.x < b.x && f.y < b.y && f.x + f.w > b.x + b.w && f.y + f.h > b.y + b.h);
        for id in story.milestones.iter().flat_map(|m| &m.places) {
            let p = map.point(id).expect("projected");
            assert!(f.contains(p), "{id} in the card maps' frame");
        }
        // Closer than the whole map: the counties fill a good part of a 132 px card map.
        assert!(b.w / f.w > 0.25, "counties {} of {} units wide", b.w, f.w);
    }
}
