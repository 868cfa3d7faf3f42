//! The share image (1200×630, `og:image`): the map of the six counties and three headline figures,
//! drawn from the same story, map geometry and palette as the page, on any plotters backend.
//! Native only: `cargo run -p tools --bin poster` renders it with the bitmap backend.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use render::geometry::ring_points;
use render::layout::{outline_bbox, Rect};
use render::palette;
use render::text_metrics::wrap;
use story::format;
use story::map::MapData;
use story::model::{Lang, PlaceKind, RegionKind, Story};

/// Size of the image in pixels.
pub const SIZE: (u32, u32) = (1200, 630);

/// The font family name the command registers its CJK font under.
pub const FONT: &str = "poster-sans";

/// Bumped whenever the drawing changes, so that the committed image counts as stale.
const VERSION: &str = "poster-7";

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
        text.push_str(&story::format::figure_text(story, id, Lang::Zh));
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
    text.push_str(&story::wire::to_text(map));
    // FNV-1a, 64 bits: stable across platforms and Rust versions.
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// The map panel's fit: the six counties' box (as the page's close-up frames them), with a margin,
/// scaled into the left 600×630 pixels.
struct Fit {
    bbox: Rect,
    scale: f64,
    offset: (f64, f64),
}

impl Fit {
    fn new(map: &MapData) -> Fit {
        let bbox = outline_bbox(map);
        let (panel_w, panel_h, pad) = (600.0, 630.0, 40.0);
        let scale = ((panel_w - 2.0 * pad) / bbox.w).min((panel_h - 2.0 * pad) / bbox.h);
        let offset = (
            (panel_w - bbox.w * scale) / 2.0,
            (panel_h - bbox.h * scale) / 2.0,
        );
        Fit {
            bbox,
            scale,
            offset,
        }
    }

    /// View units to poster pixels.
    fn px(&self, (x, y): (f64, f64)) -> (i32, i32) {
        (
            (self.offset.0 + (x - self.bbox.x) * self.scale).round() as i32,
            (self.offset.1 + (y - self.bbox.y) * self.scale).round() as i32,
        )
    }

    /// A feature's rings in poster pixels.
    fn rings(&self, rings: &[Vec<i32>]) -> Vec<Vec<(i32, i32)>> {
        rings
            .iter()
            .map(|r| {
                ring_points(r)
                    .into_iter()
                    .map(|(x, y)| self.px((f64::from(x), f64::from(y))))
                    .collect()
            })
            .collect()
    }
}

/// Draws the poster on `root` (expected to be [`SIZE`]).
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    story: &Story,
    map: &MapData,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&PAPER)?;
    let fit = Fit::new(map);
    map_panel(root, story, map, &fit)?;
    zone_markers(root, story, map, &fit)?;
    text_panel(root, story)?;
    legend_and_notes(root, story)?;
    root.present()?;
    Ok(())
}

/// Land, lakes, the six counties in their provinces' fills, the outline, the counties' names.
fn map_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    story: &Story,
    map: &MapData,
    fit: &Fit,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let county = |code: &str| {
        story
            .regions
            .iter()
            .find(|r| r.code.as_deref() == Some(code))
    };
    for f in &map.provinces {
        for ring in fit.rings(&f.rings) {
            root.draw(&Polygon::new(ring.clone(), LAND.filled()))?;
            root.draw(&PathElement::new(ring, LAND_EDGE.stroke_width(1)))?;
        }
    }
    for f in &map.lakes {
        for ring in fit.rings(&f.rings) {
            root.draw(&Polygon::new(ring, LAKE.filled()))?;
        }
    }
    for f in &map.counties {
        let fill = province_colour(story, county(&f.id).map_or("", |r| r.province.as_str()));
        for ring in fit.rings(&f.rings) {
            root.draw(&Polygon::new(ring.clone(), fill.filled()))?;
            root.draw(&PathElement::new(ring, WHITE.stroke_width(2)))?;
        }
    }
    for ring in fit.rings(&map.outline.rings) {
        root.draw(&PathElement::new(ring, INK.stroke_width(3)))?;
    }
    let label = TextStyle::from(font(20.0, true))
        .color(&INK)
        .pos(Pos::new(HPos::Center, VPos::Center));
    for f in &map.counties {
        let name = county(&f.id).map(|r| r.name.zh.clone()).unwrap_or_default();
        let at = fit.px((f64::from(f.label[0]), f64::from(f.label[1])));
        root.draw(&Text::new(name, at, label.clone()))?;
    }
    Ok(())
}

/// The base (a diamond in its province's colour) and the zone's towns, starred as approximate.
fn zone_markers<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    story: &Story,
    map: &MapData,
    fit: &Fit,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    for place in &story.places {
        let Some((x, y)) = map.point(&place.id).map(|at| fit.px(at)) else {
            continue;
        };
        let name = format!("{}*", place.name.zh);
        match place.kind {
            PlaceKind::Base => {
                let (d, colour) = (11, base_colour(story));
                root.draw(&Polygon::new(
                    vec![(x, y - d), (x + d, y), (x, y + d), (x - d, y)],
                    colour.filled(),
                ))?;
                let style = TextStyle::from(font(18.0, true))
                    .color(&colour)
                    .pos(Pos::new(HPos::Center, VPos::Top));
                root.draw(&Text::new(name, (x, y + d + 6), style))?;
            }
            PlaceKind::ZoneTown => {
                root.draw(&Circle::new((x, y), 6, INK.filled()))?;
                let style = TextStyle::from(font(16.0, true))
                    .color(&INK)
                    .pos(Pos::new(HPos::Left, VPos::Center));
                root.draw(&Text::new(name, (x + 10, y), style))?;
            }
            PlaceKind::City | PlaceKind::CountySeat => {}
        }
    }
    Ok(())
}

/// Left edge of the text panel, in pixels.
const TEXT_LEFT: i32 = 640;

/// The text panel, on paper over whatever of the map reaches into it: kicker, headline (broken
/// after its colon where it has one), and the story's share-image figures.
fn text_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    story: &Story,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let left = TEXT_LEFT;
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
    for f in meta
        .poster_figures
        .iter()
        .filter_map(|id| story.figures.iter().find(|f| &f.id == id))
    {
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
    Ok(())
}

/// The provinces' colours, named, and the two notes along the bottom.
fn legend_and_notes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    story: &Story,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let mut lx = TEXT_LEFT;
    for p in &story.provinces {
        root.draw(&Rectangle::new(
            [(lx, 552), (lx + 16, 568)],
            province_colour(story, &p.id).filled(),
        ))?;
        let style = TextStyle::from(font(16.0, false))
            .color(&INK)
            .pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(p.name.zh.clone(), (lx + 22, 560), style))?;
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
        (TEXT_LEFT, 600),
        note,
    ))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_share_image_is_current() {
        let story = crate::json::story().unwrap();
        let map = crate::json::map_data().unwrap();
        let recorded = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../static/share.txt"
        ))
        .unwrap();
        assert_eq!(
            recorded.trim(),
            inputs_digest(&story, &map),
            "static/share.png is stale: run `cargo run -p tools --bin poster`"
        );
        let png = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../static/share.png"
        ))
        .unwrap();
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
        let mut story = (*crate::json::story().unwrap()).clone();
        let map = crate::json::map_data().unwrap();
        let before = inputs_digest(&story, &map);
        if let Some(f) = story.figures.iter_mut().find(|f| f.id == "zone-area") {
            f.value = story::model::FigureValue::Single(87.0);
        }
        assert_ne!(inputs_digest(&story, &map), before);
    }
}
