//! The share image (1200×630, `og:image`): the map of the six counties and three headline figures,
//! drawn from the same story, map geometry and palette as the page, on any plotters backend.
//! Native only: `cargo run --bin poster` renders it with the bitmap backend.

use crate::render::geometry::decode;
use crate::render::palette;
use crate::render::text_metrics::wrap;
use crate::story::format;
use crate::story::map::MapData;
use crate::story::model::{Lang, PlaceKind, RegionKind, Story};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Size of the image in pixels.
pub const SIZE: (u32, u32) = (1200, 630);

/// The font family name the command registers its CJK font under.
pub const FONT: &str = "poster-sans";

/// Bumped whenever the drawing changes, so that the committed image counts as stale.
const VERSION: &str = "poster-5";

/// The light theme's colours ([`palette::LIGHT`]) as plotters colours.
const fn rgb(c: palette::Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}
const PAPER: RGBColor = rgb(palette::LIGHT.card);
const INK: RGBColor = rgb(palette::LIGHT.text);
const MUTED: RGBColor = rgb(palette::LIGHT.muted);
const ACCENT: RGBColor = rgb(palette::LIGHT.accent);
const LAND: RGBColor = rgb(palette::LIGHT.land);
const LAND_EDGE: RGBColor = rgb(palette::LIGHT.land_edge);
const LAKE: RGBColor = rgb(palette::LIGHT.lake);

/// Rings of a feature in view units.
type Rings = Vec<Vec<(f64, f64)>>;

/// A province's light fill from the story (land for an unknown one).
fn province_colour(story: &Story, id: &str) -> RGBColor {
    palette::province(story, id, false).map_or(LAND, rgb)
}

/// The base's colour: its province's fill.
fn base_colour(story: &Story) -> RGBColor {
    let base = story.regions.iter().find(|r| r.kind == RegionKind::Base);
    base.map_or(ACCENT, |b| province_colour(story, &b.province))
}

fn font(px: f64, bold: bool) -> FontDesc<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    FontDesc::new(FontFamily::Name(FONT), px, style)
}

/// A digest of everything the poster shows (texts, figures, geometry) and of its drawing version:
/// the committed image is current when its recorded digest equals this.
pub fn inputs_digest(story: &Story, map: &MapData) -> String {
    let mut text = String::from(VERSION);
    for lang_text in [
        &story.meta.kicker,
        &story.meta.title,
        &story.meta.map_credit,
    ] {
        text.push_str(&lang_text.zh);
    }
    for id in &story.meta.poster_figures {
        text.push_str(&crate::story::format::figure_text(story, id, Lang::Zh));
        if let Some(f) = story.figures.iter().find(|f| &f.id == id) {
            text.push_str(&f.label.zh);
        }
    }
    for p in &story.provinces {
        text.push_str(&format!("{}{}", p.id, p.name.zh));
    }
    for r in &story.regions {
        text.push_str(&format!("{}{}{}", r.id, r.province, r.name.zh));
    }
    for p in &story.places {
        text.push_str(&format!("{}{}{}{}", p.id, p.name.zh, p.lon_deg, p.lat_deg));
    }
    text.push_str(&crate::story::wire::to_text(map));
    // FNV-1a, 64 bits: stable across platforms and Rust versions.
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// Draws the poster on `root` (expected to be [`SIZE`]).
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    story: &Story,
    map: &MapData,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&PAPER)?;
    let county = |code: &str| {
        story
            .regions
            .iter()
            .find(|r| r.code.as_deref() == Some(code))
    };
    // The map panel: the six counties' bounding box, with a margin, fitted into 600×630.
    let points = |rings: &[Vec<i32>]| -> Rings {
        rings
            .iter()
            .map(|r| {
                decode(r)
                    .into_iter()
                    .map(|(x, y)| (f64::from(x), f64::from(y)))
                    .collect()
            })
            .collect()
    };
    let county_points: Vec<(String, Rings)> = map
        .counties
        .iter()
        .map(|f| (f.id.clone(), points(&f.rings)))
        .collect();
    let all = county_points
        .iter()
        .flat_map(|(_, rings)| rings.iter().flatten());
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (x, y) in all {
        x0 = x0.min(*x);
        y0 = y0.min(*y);
        x1 = x1.max(*x);
        y1 = y1.max(*y);
    }
    let (panel_w, panel_h, pad) = (600.0, 630.0, 40.0);
    let scale = ((panel_w - 2.0 * pad) / (x1 - x0)).min((panel_h - 2.0 * pad) / (y1 - y0));
    let (ox, oy) = (
        (panel_w - (x1 - x0) * scale) / 2.0,
        (panel_h - (y1 - y0) * scale) / 2.0,
    );
    let px = |(x, y): (f64, f64)| -> (i32, i32) {
        (
            (ox + (x - x0) * scale).round() as i32,
            (oy + (y - y0) * scale).round() as i32,
        )
    };
    let ring_px = |ring: &Vec<(f64, f64)>| ring.iter().map(|p| px(*p)).collect::<Vec<_>>();
    for f in &map.provinces {
        for ring in points(&f.rings) {
            root.draw(&Polygon::new(ring_px(&ring), LAND.filled()))?;
            root.draw(&PathElement::new(ring_px(&ring), LAND_EDGE.stroke_width(1)))?;
        }
    }
    for f in &map.lakes {
        for ring in points(&f.rings) {
            root.draw(&Polygon::new(ring_px(&ring), LAKE.filled()))?;
        }
    }
    for (code, rings) in &county_points {
        let province = county(code).map_or("", |r| r.province.as_str());
        for ring in rings {
            root.draw(&Polygon::new(
                ring_px(ring),
                province_colour(story, province).filled(),
            ))?;
            root.draw(&PathElement::new(ring_px(ring), WHITE.stroke_width(2)))?;
        }
    }
    for ring in points(&map.outline.rings) {
        root.draw(&PathElement::new(ring_px(&ring), INK.stroke_width(3)))?;
    }
    let label = TextStyle::from(font(20.0, true))
        .color(&INK)
        .pos(Pos::new(HPos::Center, VPos::Center));
    for f in &map.counties {
        let name = county(&f.id).map(|r| r.name.zh.clone()).unwrap_or_default();
        let at = px((f64::from(f.label[0]), f64::from(f.label[1])));
        root.draw(&Text::new(name, at, label.clone()))?;
    }
    let base = story.places.iter().find(|p| p.kind == PlaceKind::Base);
    if let Some((base, at)) = base.and_then(|b| Some((b, map.point(&b.id)?))) {
        let (x, y) = px(at);
        let d = 11;
        root.draw(&Polygon::new(
            vec![(x, y - d), (x + d, y), (x, y + d), (x - d, y)],
            base_colour(story).filled(),
        ))?;
        root.draw(&Text::new(
            format!("{}*", base.name.zh),
            (x, y + d + 6),
            TextStyle::from(font(18.0, true))
                .color(&base_colour(story))
                .pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    for town in story
        .places
        .iter()
        .filter(|p| p.kind == PlaceKind::ZoneTown)
    {
        let Some(at) = map.point(&town.id) else {
            continue;
        };
        let (x, y) = px(at);
        root.draw(&Circle::new((x, y), 6, INK.filled()))?;
        root.draw(&Text::new(
            format!("{}*", town.name.zh),
            (x + 10, y),
            TextStyle::from(font(16.0, true))
                .color(&INK)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }

    // The text panel, on paper over whatever of the map reaches into it.
    let left = 640;
    root.draw(&Rectangle::new(
        [(left - 24, 0), (SIZE.0 as i32, SIZE.1 as i32)],
        PAPER.filled(),
    ))?;
    root.draw(&PathElement::new(
        vec![(left - 24, 32), (left - 24, SIZE.1 as i32 - 32)],
        LAND_EDGE.stroke_width(1),
    ))?;
    let meta = &story.meta;
    root.draw(&Text::new(
        meta.kicker.zh.clone(),
        (left, 56),
        TextStyle::from(font(24.0, true)).color(&ACCENT),
    ))?;
    let mut y = 100;
    // Break after the colon where there is one; otherwise wrap to the panel.
    let title = &meta.title.zh;
    let lines = match title.split_once('：') {
        Some((head, tail)) => vec![format!("{head}："), tail.to_owned()],
        None => wrap(title, 14.0),
    };
    for line in lines {
        root.draw(&Text::new(
            line,
            (left, y),
            TextStyle::from(font(36.0, true)).color(&INK),
        ))?;
        y += 52;
    }
    y += 18;
    for id in &story.meta.poster_figures {
        let Some(f) = story.figures.iter().find(|f| &f.id == id) else {
            continue;
        };
        let value = format::figure_value(
            f.value.headline(),
            f.unit,
            &f.qualifiers,
            &story.ui,
            Lang::Zh,
        );
        root.draw(&Text::new(
            value.text(),
            (left, y),
            TextStyle::from(font(52.0, true)).color(&ACCENT),
        ))?;
        let period = format::period_line(&f.qualifiers, &story.ui, Lang::Zh);
        let caption = if period.is_empty() {
            f.label.zh.clone()
        } else {
            format!("{} · {period}", f.label.zh)
        };
        root.draw(&Text::new(
            caption,
            (left, y + 62),
            TextStyle::from(font(22.0, false)).color(&INK),
        ))?;
        y += 112;
    }
    // Legend: the provinces' colours (and the base's marker), named.
    let mut lx = left;
    for p in &story.provinces {
        let colour = province_colour(story, &p.id);
        root.draw(&Rectangle::new(
            [(lx, 552), (lx + 16, 568)],
            colour.filled(),
        ))?;
        root.draw(&Text::new(
            p.name.zh.clone(),
            (lx + 22, 560),
            TextStyle::from(font(16.0, false))
                .color(&INK)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        lx += 90;
    }
    let note = TextStyle::from(font(16.0, false)).color(&MUTED);
    root.draw(&Text::new(
        story.ui.poster_note().zh.clone(),
        (24, 600),
        note.clone(),
    ))?;
    root.draw(&Text::new(
        story.ui.poster_source().zh.clone(),
        (left, 600),
        note,
    ))?;
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_share_image_is_current() {
        let story = crate::build::json::story().unwrap();
        let map = crate::build::json::map_data().unwrap();
        let recorded =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/share.txt"))
                .unwrap();
        assert_eq!(
            recorded.trim(),
            inputs_digest(&story, &map),
            "static/share.png is stale: run `cargo run --bin poster`"
        );
        let png = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/static/share.png")).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        // The IHDR chunk: 1200 × 630.
        assert_eq!(
            u32::from_be_bytes([png[16], png[17], png[18], png[19]]),
            SIZE.0
        );
        assert_eq!(
            u32::from_be_bytes([png[20], png[21], png[22], png[23]]),
            SIZE.1
        );
    }

    #[test]
    fn the_digest_follows_the_figures() {
        let mut story = (*crate::build::json::story().unwrap()).clone();
        let map = crate::build::json::map_data().unwrap();
        let before = inputs_digest(&story, &map);
        if let Some(f) = story.figures.iter_mut().find(|f| f.id == "zone-area") {
            f.value = crate::story::model::FigureValue::Single(87.0);
        }
        assert_ne!(inputs_digest(&story, &map), before);
    }
}
