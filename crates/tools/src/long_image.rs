//! 一图读懂: the whole story as one long image for WeChat and Weibo (1,080 px wide), drawn at
//! build time from the same story, map and palette as the page: the head, the map (the page's own
//! layout for a phone, scaled), the 14 milestones as a vertical timeline, every figure as a card
//! with the page's words (`format::figure_value`), the charts by `render::chart::draw`, sources,
//! credits and the date. First a layout (a list of boxes with their text, measured with the
//! font's real metrics), then the drawing; the layout is what the tests check. `long_text` writes
//! the same content as text to paste under the image.

use render::layout::Rect;
use render::palette;
use story::format;
use story::model::{FigureValue, Group, Lang, Story};

/// The family name the command registers its CJK font under.
pub const FONT: &str = "long-sans";

/// Bumped whenever the drawing changes, so that the committed images count as stale.
const VERSION: &str = "long-6";

/// A digest of everything the images show (the story, the map) and of the drawing's version: the
/// committed images are current when their recorded digest equals this.
pub fn inputs_digest(story: &Story, map: &story::map::MapData) -> String {
    let mut text = String::from(VERSION);
    text.push_str(&serde_json::to_string(story).unwrap_or_default());
    text.push_str(&story::wire::to_text(map));
    // FNV-1a, 64 bits: stable across platforms and Rust versions (as the share image's).
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// The drawn map's width over its height (the page's phone frame).
pub fn map_aspect(story: &Story, map: &story::map::MapData, lang: Lang) -> f64 {
    let f = map_layout(story, map, lang).frame;
    f.w / f.h
}

/// The image's width in pixels.
pub const WIDTH: f64 = 1080.0;
/// The margin on each side.
pub const MARGIN: f64 = 64.0;
/// The width text may take.
pub const COLUMN: f64 = WIDTH - 2.0 * MARGIN;

/// Type sizes (px at 1,080 px wide; a phone shows the image at about a third).
pub mod size {
    /// The headline.
    pub const HEADLINE: f64 = 60.0;
    /// Figure values.
    pub const VALUE: f64 = 68.0;
    /// Section and block headings.
    pub const HEADING: f64 = 44.0;
    /// Milestone titles.
    pub const TITLE: f64 = 38.0;
    /// Body text: the dek, milestone bodies, figure labels, notes.
    pub const BODY: f64 = 32.0;
}

/// Text widths in pixels at a size, from a font's metrics.
pub trait Measure {
    /// The advance width of `text` at `px`, regular or bold.
    fn width(&self, text: &str, px: f64, bold: bool) -> f64;

    /// A character's advance and left side bearing at `px` (plotters' glyph drawing leaves the
    /// bearing out, so the drawing places each character itself).
    fn glyph(&self, c: char, px: f64, bold: bool) -> (f64, f64) {
        (self.width(&c.to_string(), px, bold), 0.0)
    }
}

/// The CJK fonts the image is measured (and, registered with plotters, drawn) with.
pub struct Fonts {
    regular: ab_glyph::FontVec,
    bold: ab_glyph::FontVec,
}

/// Debian's `fonts-noto-cjk`, as for the share image.
pub const FONT_PATHS: [&str; 2] = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
];

/// A font collection's bytes with its Simplified Chinese face first (`NotoSansCJK-*.ttc` holds JP,
/// KR, SC, TC and HK faces over the same outlines, and plotters and ab_glyph read a collection's
/// first face, whose cmap gives Japanese glyph forms): the collection header's first offset is
/// pointed at the third face's table directory. Anything else is returned as it is.
pub fn simplified_chinese_first(mut bytes: Vec<u8>) -> Vec<u8> {
    let faces = bytes
        .get(8..12)
        .map(|n| u32::from_be_bytes([n[0], n[1], n[2], n[3]]));
    if bytes.starts_with(b"ttcf") && faces.is_some_and(|n| n > 2) && bytes.len() >= 24 {
        let third: [u8; 4] = [bytes[20], bytes[21], bytes[22], bytes[23]];
        bytes[12..16].copy_from_slice(&third);
    }
    bytes
}

impl Fonts {
    /// The fonts from their files' bytes (the first face of a collection, as plotters takes it).
    pub fn from_bytes(regular: Vec<u8>, bold: Vec<u8>) -> Result<Fonts, String> {
        let read = |b| ab_glyph::FontVec::try_from_vec(b).map_err(|e| format!("not a font: {e}"));
        Ok(Fonts {
            regular: read(regular)?,
            bold: read(bold)?,
        })
    }

    /// Debian's fonts ([`FONT_PATHS`]), with a message naming the package when they are missing.
    pub fn debian() -> Result<Fonts, String> {
        let read = |p: &str| {
            std::fs::read(p).map_err(|e| {
                format!("cannot read the font {p}: {e} (apt-get install fonts-noto-cjk)")
            })
        };
        let (regular, bold) = (read(FONT_PATHS[0])?, read(FONT_PATHS[1])?);
        Fonts::from_bytes(
            simplified_chinese_first(regular),
            simplified_chinese_first(bold),
        )
    }
}

impl Measure for Fonts {
    fn width(&self, text: &str, px: f64, bold: bool) -> f64 {
        text.chars().map(|c| self.glyph(c, px, bold).0).sum()
    }

    fn glyph(&self, c: char, px: f64, bold: bool) -> (f64, f64) {
        use ab_glyph::{Font, ScaleFont};
        let font = if bold { &self.bold } else { &self.regular };
        let scaled = font.as_scaled(ab_glyph::PxScale::from(px as f32));
        let id = scaled.glyph_id(c);
        (
            f64::from(scaled.h_advance(id)),
            f64::from(scaled.h_side_bearing(id)),
        )
    }
}

/// Draws one line of text from `x` (its left edge) with its vertical centre at `y`, a character at
/// a time at the font's own advances and bearings.
#[allow(clippy::too_many_arguments)]
fn draw_line<DB: plotters::prelude::DrawingBackend>(
    area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
    m: &dyn Measure,
    font: &str,
    text: &str,
    (x, y): (f64, f64),
    px: f64,
    bold: bool,
    colour: &plotters::prelude::RGBColor,
) -> Result<(), plotters::prelude::DrawingAreaErrorKind<DB::ErrorType>> {
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    let style = TextStyle::from(FontDesc::new(
        FontFamily::Name(font),
        px,
        if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        },
    ))
    .color(colour)
    .pos(Pos::new(HPos::Left, VPos::Center));
    let mut pen = x;
    for c in text.chars() {
        let (advance, bearing) = m.glyph(c, px, bold);
        if !c.is_whitespace() {
            let at = ((pen + bearing).round() as i32, y.round() as i32);
            area.draw(&Text::new(c.to_string(), at, style.clone()))?;
        }
        pen += advance;
    }
    Ok(())
}

/// The colour a box is drawn in (resolved against the light palette when drawn).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ink {
    /// Body text.
    Text,
    /// Secondary text.
    Muted,
    /// The accent (kicker, values).
    Accent,
    /// A milestone group's colour.
    Group(Group),
}

/// What a box holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// Wrapped text: its lines, size, weight and colour.
    Text {
        /// The lines, as wrapped.
        lines: Vec<String>,
        /// Font size in px.
        px: f64,
        /// Bold or regular.
        bold: bool,
        /// Colour.
        ink: Ink,
    },
    /// The map.
    Map,
    /// A chart, by its id in the story.
    Chart(String),
    /// A milestone's dot on the timeline's rule.
    Dot(Ink),
    /// A figure card's ground.
    Card,
    /// A QR code of an address.
    Qr(String),
}

/// One box of the layout.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Where it is, in px.
    pub rect: Rect,
    /// What it holds.
    pub content: Content,
}

/// The whole image: its height and every box, top to bottom.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The image's height in px.
    pub height: f64,
    /// The boxes.
    pub items: Vec<Item>,
}

impl Layout {
    /// Every text box, with its lines joined (for checks).
    pub fn texts(&self) -> impl Iterator<Item = (&Rect, String, f64)> {
        self.items.iter().filter_map(|i| match &i.content {
            Content::Text { lines, px, .. } => {
                Some((&i.rect, lines.join("").replace('\u{200b}', ""), *px))
            }
            _ => None,
        })
    }
}

/// Characters no line may start with (closing punctuation), in Chinese line-breaking rules.
const NO_START: &str = "。，、：；！？）》」』】〕〉”’…—·%％,.:;!?)]}";
/// Characters no line may end with (opening punctuation).
const NO_END: &str = "（《「『【〔〈“‘([{";

/// Whether a character is set as a whole em and may break anywhere (CJK).
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF) || "“”‘’…—".contains(c)
}

/// The units text breaks between: a CJK character (with the opening punctuation before it and the
/// closing punctuation after it held to it), or a Latin word with the space after it.
fn units(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let only_opening = |u: &str| u.chars().all(|c| NO_END.contains(c));
    for c in text.chars() {
        if NO_START.contains(c) {
            // Closing punctuation stays with what it closes.
            if current.is_empty() {
                if let Some(last) = out.last_mut() {
                    last.push(c);
                    continue;
                }
            }
            current.push(c);
        } else if c == ' ' || c == '\u{200b}' {
            if c == ' ' {
                current.push(c);
            }
            out.push(std::mem::take(&mut current));
        } else if is_wide(c) || NO_END.contains(c) {
            if !current.is_empty() && !only_opening(&current) {
                out.push(std::mem::take(&mut current));
            }
            current.push(c);
        } else {
            // A Latin letter or digit: it joins a Latin word, or starts one.
            let after_wide = current
                .chars()
                .last()
                .is_some_and(|l| is_wide(l) || NO_START.contains(l));
            if after_wide {
                out.push(std::mem::take(&mut current));
            }
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Wraps `text` into lines of at most `width` px: Chinese between characters (no line starts
/// with closing punctuation or ends with opening punctuation), English between words. A unit
/// wider than the line is an error that names `what`.
pub fn wrap(
    text: &str,
    width: f64,
    px: f64,
    bold: bool,
    m: &dyn Measure,
    what: &str,
) -> Result<Vec<String>, String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for unit in units(text) {
        let candidate = format!("{line}{unit}");
        if m.width(candidate.trim_end(), px, bold) <= width {
            line = candidate;
            continue;
        }
        if m.width(unit.trim_end(), px, bold) > width {
            return Err(format!(
                "{what}: “{}” is wider than the image's column",
                unit.trim_end()
            ));
        }
        lines.push(line.trim_end().to_owned());
        line = unit;
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    Ok(lines)
}

/// How a text box is set: its size, weight and colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Set {
    /// Font size in px.
    pub px: f64,
    /// Bold or regular.
    pub bold: bool,
    /// Colour.
    pub ink: Ink,
}

/// The image's text styles.
pub mod set {
    use super::{size, Ink, Set};
    /// The kicker.
    pub const KICKER: Set = Set {
        px: size::BODY,
        bold: true,
        ink: Ink::Accent,
    };
    /// The headline.
    pub const HEADLINE: Set = Set {
        px: size::HEADLINE,
        bold: true,
        ink: Ink::Text,
    };
    /// Section headings.
    pub const HEADING: Set = Set {
        px: size::HEADING,
        bold: true,
        ink: Ink::Text,
    };
    /// Milestone, section and chart titles.
    pub const TITLE: Set = Set {
        px: size::TITLE,
        bold: true,
        ink: Ink::Text,
    };
    /// Body text.
    pub const BODY: Set = Set {
        px: size::BODY,
        bold: false,
        ink: Ink::Text,
    };
    /// Notes, sources, credits, periods.
    pub const NOTE: Set = Set {
        px: size::BODY,
        bold: false,
        ink: Ink::Muted,
    };
    /// Figure values.
    pub const VALUE: Set = Set {
        px: size::VALUE,
        bold: true,
        ink: Ink::Accent,
    };
}

/// Builds the layout top to bottom.
struct Builder<'a> {
    m: &'a dyn Measure,
    y: f64,
    items: Vec<Item>,
}

impl Builder<'_> {
    /// A text block at `x` and `width` from `y`, set as `s`; returns its height.
    fn text_at(
        &mut self,
        text: &str,
        (x, y, width): (f64, f64, f64),
        s: Set,
        what: &str,
    ) -> Result<f64, String> {
        if text.trim().is_empty() {
            return Ok(0.0);
        }
        let lines = wrap(text, width, s.px, s.bold, self.m, what)?;
        let h = lines.len() as f64 * line_height(s.px);
        let w = lines
            .iter()
            .map(|l| self.m.width(l, s.px, s.bold))
            .fold(0.0, f64::max);
        let content = Content::Text {
            lines,
            px: s.px,
            bold: s.bold,
            ink: s.ink,
        };
        self.items.push(Item {
            rect: Rect { x, y, w, h },
            content,
        });
        Ok(h)
    }

    /// A text block across the column at the cursor, then `gap` below it.
    fn text(&mut self, text: &str, s: Set, gap: f64, what: &str) -> Result<(), String> {
        let h = self.text_at(text, (MARGIN, self.y, COLUMN), s, what)?;
        if h > 0.0 {
            self.y += h + gap;
        }
        Ok(())
    }

    /// A box that is not text, then `gap` below it.
    fn block(&mut self, h: f64, content: Content, gap: f64) {
        let rect = Rect {
            x: MARGIN,
            y: self.y,
            w: COLUMN,
            h,
        };
        self.items.push(Item { rect, content });
        self.y += h + gap;
    }
}

/// The line height for a font size.
pub fn line_height(px: f64) -> f64 {
    (px * 1.45).round()
}

/// The map's height in the image (its width is the column's).
pub fn map_height(map_aspect: f64) -> f64 {
    (COLUMN / map_aspect).round()
}

/// The CSS width the map and the charts are laid out for: a phone's, so that their smallest labels
/// (12 CSS px), scaled to the column, are as large as the image's body text (32 px and more).
pub const PHONE_CSS_PX: f64 = 352.0;

/// Pixels of the image per CSS pixel of the phone layout.
pub fn scale() -> f64 {
    COLUMN / PHONE_CSS_PX
}

/// The side of the QR code, in px.
pub const QR_PX: f64 = 264.0;

/// Lays out the whole image. `map_aspect` is the drawn map's width over its height; `address`, the
/// interactive page's address (known when the build is given `CHANGHE_PUBLIC_URL`), ends the image
/// with a QR code of it.
pub fn layout(
    story: &Story,
    lang: Lang,
    map_aspect: f64,
    m: &dyn Measure,
    address: Option<&str>,
) -> Result<Layout, String> {
    let mut b = Builder {
        m,
        y: 72.0,
        items: Vec::new(),
    };
    head_and_map(&mut b, story, lang, map_aspect)?;
    milestones(&mut b, story, lang)?;
    figures(&mut b, story, lang)?;
    charts(&mut b, story, lang)?;
    foot(&mut b, story, lang)?;
    if let Some(address) = address {
        address_block(&mut b, &story.ui, lang, address)?;
    }
    Ok(Layout {
        height: (b.y + 40.0).ceil(),
        items: b.items,
    })
}

/// Kicker, headline, dek; the map under its heading, with its credit and approval-number slot.
fn head_and_map(
    b: &mut Builder<'_>,
    story: &Story,
    lang: Lang,
    map_aspect: f64,
) -> Result<(), String> {
    let (ui, meta) = (&story.ui, &story.meta);
    b.text(meta.kicker.get(lang), set::KICKER, 12.0, "the kicker")?;
    b.text(meta.title.get(lang), set::HEADLINE, 20.0, "the headline")?;
    b.text(meta.dek.get(lang), set::BODY, 48.0, "the dek")?;
    b.text(
        ui.map_heading().get(lang),
        set::HEADING,
        16.0,
        "the map's heading",
    )?;
    b.block(map_height(map_aspect), Content::Map, 16.0);
    let number = if meta.map_approval_number.is_empty() {
        ui.approval_pending().get(lang).to_owned()
    } else {
        format!(
            "{}{}",
            ui.approval_number().get(lang),
            meta.map_approval_number
        )
    };
    let sep = format::list_separator(lang);
    let credit = format!(
        "{}{sep}{number}{sep}{}",
        ui.schematic().get(lang),
        meta.map_credit.get(lang)
    );
    b.text(&credit, set::NOTE, 56.0, "the map's credit")
}

/// Each chart under its title, drawn at the phone layout's sizes scaled, with its note.
fn charts(b: &mut Builder<'_>, story: &Story, lang: Lang) -> Result<(), String> {
    for chart in &story.charts {
        let Some(spec) = render::chart::spec(story, chart, lang) else {
            continue;
        };
        b.text(chart.title.get(lang), set::TITLE, 12.0, "a chart's title")?;
        let h = (render::chart::height_css(&spec) * scale()).round();
        b.block(h, Content::Chart(chart.id.clone()), 16.0);
        b.text(chart.note.get(lang), set::NOTE, 48.0, "a chart's note")?;
    }
    Ok(())
}

/// The interactive page's address, written out and as a QR code beside it.
fn address_block(
    b: &mut Builder<'_>,
    ui: &story::model::Ui,
    lang: Lang,
    address: &str,
) -> Result<(), String> {
    b.y += 40.0;
    let top = b.y;
    let w = COLUMN - QR_PX - 32.0;
    let mut y = top;
    y += b.text_at(
        ui.long_image_link().get(lang),
        (MARGIN, y, w),
        set::TITLE,
        "the address's heading",
    )? + 8.0;
    y += b.text_at(
        ui.long_image_scan().get(lang),
        (MARGIN, y, w),
        set::NOTE,
        "the address's note",
    )? + 8.0;
    // An address breaks anywhere (it has no spaces): a zero-width space after each character.
    let breakable: String = address.chars().flat_map(|c| [c, '\u{200b}']).collect();
    let link = Set {
        ink: Ink::Accent,
        ..set::BODY
    };
    y += b.text_at(&breakable, (MARGIN, y, w), link, "the address")?;
    let rect = Rect {
        x: WIDTH - MARGIN - QR_PX,
        y: top,
        w: QR_PX,
        h: QR_PX,
    };
    b.items.push(Item {
        rect,
        content: Content::Qr(address.to_owned()),
    });
    b.y = y.max(top + QR_PX);
    Ok(())
}

/// The milestones: a rule down the left, a dot per milestone in its group's colour, date, title
/// and body beside it.
fn milestones(b: &mut Builder<'_>, story: &Story, lang: Lang) -> Result<(), String> {
    let ui = &story.ui;
    b.text(
        ui.timeline_heading().get(lang),
        set::HEADING,
        28.0,
        "the timeline's heading",
    )?;
    let (x, w) = (MARGIN + 56.0, COLUMN - 56.0);
    for m in &story.milestones {
        let ink = Ink::Group(m.group);
        let dot = Rect {
            x: MARGIN + 8.0,
            y: b.y + 10.0,
            w: 24.0,
            h: 24.0,
        };
        b.items.push(Item {
            rect: dot,
            content: Content::Dot(ink),
        });
        let date = format::date(&m.date, ui, lang);
        let what = |part: &str| format!("milestone {}'s {part}", m.id);
        b.y += b.text_at(
            &date,
            (x, b.y, w),
            Set { ink, ..set::KICKER },
            &what("date"),
        )? + 4.0;
        b.y += b.text_at(m.title.get(lang), (x, b.y, w), set::TITLE, &what("title"))? + 6.0;
        b.y += b.text_at(m.body.get(lang), (x, b.y, w), set::NOTE, &what("body"))? + 36.0;
    }
    b.y += 24.0;
    Ok(())
}

/// A figure's value words as the page's card shows them (one line, or before → after).
pub fn value_words(story: &Story, f: &story::model::Figure, lang: Lang) -> String {
    let ui = &story.ui;
    let one = |v: f64| format::figure_value(v, f.unit, &f.qualifiers, ui, lang).text();
    match f.value {
        FigureValue::Single(v) => one(v),
        FigureValue::Pair { before, after } => format!("{} → {}", one(before), one(after)),
    }
}

/// Every figure, section by section, as cards two to a row (a pair across the row), each row's
/// cards ending together, then the section's source.
fn figures(b: &mut Builder<'_>, story: &Story, lang: Lang) -> Result<(), String> {
    let ui = &story.ui;
    b.text(
        ui.figures_heading().get(lang),
        set::HEADING,
        28.0,
        "the figures' heading",
    )?;
    let gap = 24.0;
    let half = (COLUMN - gap) / 2.0;
    for section in &story.sections {
        b.text(
            section.title.get(lang),
            set::TITLE,
            20.0,
            &format!("section {}'s title", section.id),
        )?;
        // Rows: a pair alone, or up to two single figures.
        let mut rows: Vec<Vec<&story::model::Figure>> = Vec::new();
        for f in story.figures.iter().filter(|f| f.section == section.id) {
            let wide = matches!(f.value, FigureValue::Pair { .. });
            match rows.last_mut() {
                Some(row)
                    if !wide
                        && row.len() == 1
                        && !matches!(row[0].value, FigureValue::Pair { .. }) =>
                {
                    row.push(f)
                }
                _ => rows.push(vec![f]),
            }
        }
        for row in rows {
            let top = b.y;
            let wide = row.len() == 1 && matches!(row[0].value, FigureValue::Pair { .. });
            let mut cards = Vec::new();
            for (col, f) in row.iter().enumerate() {
                let (x, w) = if wide {
                    (MARGIN, COLUMN)
                } else {
                    (MARGIN + col as f64 * (half + gap), half)
                };
                cards.push(card(b, story, f, lang, (x, top, w))?);
            }
            let bottom = cards
                .iter()
                .map(|&i| b.items[i].rect.y + b.items[i].rect.h)
                .fold(top, f64::max);
            for i in cards {
                b.items[i].rect.h = bottom - top;
            }
            b.y = bottom + gap;
        }
        let source = format::source_names(story, &[section_source(story, &section.id)], lang);
        let line = format!(
            "{}{}{}",
            ui.source_label().get(lang),
            format::colon(lang),
            source
        );
        b.text(&line, set::NOTE, 40.0, "a section's source")?;
    }
    Ok(())
}

/// One figure's card at `x`, `top`, `w`: its period, value and label on the card's ground.
/// Returns the card's index among the items.
fn card(
    b: &mut Builder<'_>,
    story: &Story,
    f: &story::model::Figure,
    lang: Lang,
    (x, top, w): (f64, f64, f64),
) -> Result<usize, String> {
    let pad = 24.0;
    let at = b.items.len();
    let inner = (x + pad, w - 2.0 * pad);
    let what = |part: &str| format!("figure {}'s {part}", f.id);
    let mut y = top + pad;
    let period = format::period_line(&f.qualifiers, &story.ui, lang);
    y += b.text_at(&period, (inner.0, y, inner.1), set::NOTE, &what("period"))?;
    y += b.text_at(
        &value_words(story, f, lang),
        (inner.0, y, inner.1),
        set::VALUE,
        &what("value"),
    )?;
    y += b.text_at(
        f.label.get(lang),
        (inner.0, y, inner.1),
        set::BODY,
        &what("label"),
    )?;
    let rect = Rect {
        x,
        y: top,
        w,
        h: y + pad - top,
    };
    b.items.insert(
        at,
        Item {
            rect,
            content: Content::Card,
        },
    );
    Ok(at)
}

/// The source most of a section's figures cite.
fn section_source(story: &Story, section: &str) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for f in story.figures.iter().filter(|f| f.section == section) {
        match counts.iter_mut().find(|(s, _)| *s == f.source) {
            Some((_, n)) => *n += 1,
            None => counts.push((&f.source, 1)),
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .map(|(s, _)| (*s).to_owned())
        .unwrap_or_default()
}

/// Sources, notes, credits and the report's date.
fn foot(b: &mut Builder<'_>, story: &Story, lang: Lang) -> Result<(), String> {
    let (meta, ui) = (&story.meta, &story.ui);
    let sep = format::list_separator(lang);
    let names: Vec<&str> = meta.sources.iter().map(|s| s.name.get(lang)).collect();
    let sources = format!(
        "{}{}{}",
        ui.source_label().get(lang),
        format::colon(lang),
        names.join(sep)
    );
    b.text(&sources, set::NOTE, 16.0, "the sources")?;
    b.text(meta.notes.get(lang), set::NOTE, 16.0, "the notes")?;
    let credits = [
        &meta.byline,
        &meta.photo_credit,
        &meta.graphic_credit,
        &meta.map_credit,
    ];
    let credits: Vec<&str> = credits
        .iter()
        .map(|c| c.get(lang))
        .filter(|c| !c.is_empty())
        .collect();
    b.text(&credits.join(sep), set::NOTE, 16.0, "the credits")?;
    b.text(
        &format::date(&meta.report_date, ui, lang),
        set::NOTE,
        0.0,
        "the date",
    )
}

/// The light palette's colour for an ink.
pub fn rgb(ink: Ink) -> palette::Rgb {
    let t = &palette::LIGHT;
    match ink {
        Ink::Text => t.text,
        Ink::Muted => t.muted,
        Ink::Accent => t.accent,
        Ink::Group(Group::Policy) => t.policy,
        Ink::Group(Group::Infrastructure) => t.infrastructure,
        Ink::Group(Group::Projects) => t.projects,
        Ink::Group(Group::Events) => t.events,
    }
}

/// The image's words as text, to paste under it: every milestone and figure with its source.
pub fn long_text(story: &Story, lang: Lang) -> String {
    let ui = &story.ui;
    let meta = &story.meta;
    let colon = format::colon(lang);
    let mut out = format!(
        "{}\n{}\n\n{}\n\n",
        meta.kicker.get(lang),
        meta.title.get(lang),
        meta.dek.get(lang)
    );
    out.push_str(&format!("{}\n", ui.timeline_heading().get(lang)));
    for m in &story.milestones {
        let sources = story::format::source_names(story, &m.sources, lang);
        out.push_str(&format!(
            "{} {}\n{}\n{}{}{}\n\n",
            format::date(&m.date, ui, lang),
            m.title.get(lang),
            m.body.get(lang),
            ui.source_label().get(lang),
            colon,
            sources
        ));
    }
    out.push_str(&format!("{}\n", ui.figures_heading().get(lang)));
    for section in &story.sections {
        out.push_str(&format!("\n{}\n", section.title.get(lang)));
        for f in story.figures.iter().filter(|f| f.section == section.id) {
            let period = format::period_line(&f.qualifiers, ui, lang);
            let period = if period.is_empty() {
                String::new()
            } else {
                format!("{period} ")
            };
            let source = story::format::source_names(story, std::slice::from_ref(&f.source), lang);
            out.push_str(&format!(
                "{}{}{}{}{}\n",
                period,
                f.label.get(lang),
                colon,
                value_words(story, f, lang),
                format::bracketed(&source, lang)
            ));
        }
    }
    out.push_str(&format!("\n{}\n", meta.notes.get(lang)));
    out
}

/// Registers the fonts with plotters (once a process) for the image and the charts.
pub fn register_fonts() -> Result<(), String> {
    use plotters::prelude::FontStyle;
    static DONE: std::sync::OnceLock<Result<(), String>> = std::sync::OnceLock::new();
    DONE.get_or_init(|| {
        for (path, style) in [
            (FONT_PATHS[0], FontStyle::Normal),
            (FONT_PATHS[1], FontStyle::Bold),
        ] {
            let bytes = std::fs::read(path).map_err(|e| {
                format!("cannot read the font {path}: {e} (apt-get install fonts-noto-cjk)")
            })?;
            // plotters keeps the font for the program's life: leak it once.
            let bytes: &'static [u8] =
                Box::leak(simplified_chinese_first(bytes).into_boxed_slice());
            for family in [FONT, render::fonts::FIGURES] {
                plotters::style::register_font(family, style, bytes)
                    .map_err(|_| format!("{path} is not a font plotters can read"))?;
            }
        }
        Ok(())
    })
    .clone()
}

/// Draws both languages' images and texts into `out` (`long-zh.png`, `long-en.png`,
/// `long-zh.txt`, `long-en.txt`). With `public` (the Chinese page's address, as
/// `CHANGHE_PUBLIC_URL` gives it) each image ends with its page's address and a QR code of it.
pub fn render_all(
    out: &std::path::Path,
    story: &Story,
    map: &story::map::MapData,
    public: Option<&str>,
) -> Result<(), String> {
    use plotters::prelude::*;
    register_fonts()?;
    let fonts = Fonts::debian()?;
    for lang in [Lang::Zh, Lang::En] {
        let address = public.map(|base| {
            if lang == Lang::En {
                format!("{base}en/")
            } else {
                base.to_owned()
            }
        });
        let layout = layout(
            story,
            lang,
            map_aspect(story, map, lang),
            &fonts,
            address.as_deref(),
        )?;
        let png = out.join(format!("long-{}.png", lang.code()));
        {
            let root =
                BitMapBackend::new(&png, (WIDTH as u32, layout.height as u32)).into_drawing_area();
            draw(&root, &layout, story, map, lang, FONT, &fonts)
                .map_err(|e| format!("{}: {e}", png.display()))?;
        }
        let txt = out.join(format!("long-{}.txt", lang.code()));
        let mut text = long_text(story, lang);
        if let Some(a) = &address {
            text.push_str(&format!(
                "\n{}\n{a}\n",
                story.ui.long_image_link().get(lang)
            ));
        }
        std::fs::write(&txt, text).map_err(|e| format!("cannot write {}: {e}", txt.display()))?;
    }
    Ok(())
}

/// The map as the page lays it out for a phone, and the image's scale for it.
pub fn map_layout(
    story: &Story,
    map: &story::map::MapData,
    lang: Lang,
) -> render::layout::MapLayout {
    render::layout::layout(map, story, lang, PHONE_CSS_PX)
}

/// What drawing on the bitmap can fail with.
pub type DrawError = plotters::prelude::DrawingAreaErrorKind<
    <plotters::prelude::BitMapBackend<'static> as plotters::prelude::DrawingBackend>::ErrorType,
>;

/// The bitmap the image is drawn on.
type Root<'a> =
    plotters::prelude::DrawingArea<plotters::prelude::BitMapBackend<'a>, plotters::coord::Shift>;

/// Draws the image on plotters' bitmap backend: the layout's boxes, the map and the charts.
/// `font` is the family name the caller registered its CJK font under (also registered as the
/// charts' family, [`render::fonts::FIGURES`]).
pub fn draw(
    root: &Root<'_>,
    layout: &Layout,
    story: &Story,
    map: &story::map::MapData,
    lang: Lang,
    font: &str,
    m: &dyn Measure,
) -> Result<(), DrawError> {
    use plotters::prelude::*;
    root.fill(&rgb_colour(palette::LIGHT.bg))?;
    // The timeline's rule, from the first dot to the last.
    let dots: Vec<&render::layout::Rect> = layout
        .items
        .iter()
        .filter(|i| matches!(i.content, Content::Dot(_)))
        .map(|i| &i.rect)
        .collect();
    if let (Some(first), Some(last)) = (dots.first(), dots.last()) {
        let x = (first.x + first.w / 2.0).round() as i32;
        let rule = [(x - 2, first.y as i32), (x + 2, (last.y + last.h) as i32)];
        root.draw(&Rectangle::new(
            rule,
            rgb_colour(palette::LIGHT.rule).filled(),
        ))?;
    }
    for item in &layout.items {
        let r = &item.rect;
        match &item.content {
            Content::Card => {
                let corners = [
                    (r.x as i32, r.y as i32),
                    ((r.x + r.w) as i32, (r.y + r.h) as i32),
                ];
                root.draw(&Rectangle::new(
                    corners,
                    rgb_colour(palette::LIGHT.card).filled(),
                ))?;
            }
            Content::Dot(ink) => {
                let (c, radius) = (
                    ((r.x + r.w / 2.0) as i32, (r.y + r.h / 2.0) as i32),
                    (r.w / 2.0) as i32,
                );
                root.draw(&Circle::new(
                    c,
                    radius,
                    rgb_colour(palette::LIGHT.bg).filled(),
                ))?;
                root.draw(&Circle::new(
                    c,
                    radius,
                    rgb_colour(rgb(*ink)).stroke_width(6),
                ))?;
            }
            Content::Text {
                lines,
                px,
                bold,
                ink,
            } => {
                let ink = rgb_colour(rgb(*ink));
                for (i, line) in lines.iter().enumerate() {
                    let y = r.y + (i as f64 + 0.5) * line_height(*px);
                    draw_line(root, m, font, line, (r.x, y), *px, *bold, &ink)?;
                }
            }
            Content::Qr(address) => draw_qr(root, r, address)?,
            Content::Map => {
                let area = root
                    .clone()
                    .shrink((r.x as i32, r.y as i32), (r.w as u32, r.h as u32));
                draw_map(&area, story, map, lang, font, m)?;
            }
            Content::Chart(id) => draw_chart(root, r, story, id, lang)?,
        }
    }
    root.present()?;
    Ok(())
}

/// A QR code of `address` in its box, with a quiet zone of two modules on the paper.
fn draw_qr(root: &Root<'_>, r: &Rect, address: &str) -> Result<(), DrawError> {
    use plotters::prelude::*;
    let Ok(code) = qrcode::QrCode::new(address.as_bytes()) else {
        return Ok(());
    };
    let n = code.width();
    let module = (r.w / (n as f64 + 4.0)).floor();
    let x0 = r.x + (r.w - module * n as f64) / 2.0;
    let y0 = r.y + (r.h - module * n as f64) / 2.0;
    let ink = rgb_colour(palette::LIGHT.text);
    for (i, c) in code.to_colors().iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let x = (x0 + (i % n) as f64 * module) as i32;
            let y = (y0 + (i / n) as f64 * module) as i32;
            let d = module as i32;
            root.draw(&Rectangle::new([(x, y), (x + d, y + d)], ink.filled()))?;
        }
    }
    Ok(())
}

/// A chart in its box. The chart's draw maps to its area's absolute pixels, as on the page's
/// canvas, so it is drawn on a bitmap of its own at the origin, then placed.
fn draw_chart(
    root: &Root<'_>,
    r: &Rect,
    story: &Story,
    id: &str,
    lang: Lang,
) -> Result<(), DrawError> {
    use plotters::prelude::*;
    let chart = story.charts.iter().find(|c| c.id == id);
    let Some(spec) = chart.and_then(|c| render::chart::spec(story, c, lang)) else {
        return Ok(());
    };
    let (w, h) = (r.w as u32, r.h as u32);
    let mut buf = vec![255u8; (w * h * 3) as usize];
    {
        let own = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        let scale = render::chart::Scale {
            px: scale(),
            text: 1.0,
        };
        render::chart::draw(&own, &spec, &render::chart::Palette::LIGHT, scale, None)?;
        own.present()?;
    }
    if let Some(picture) = BitMapElement::with_owned_buffer((r.x as i32, r.y as i32), (w, h), buf) {
        root.draw(&picture)?;
    }
    Ok(())
}

/// The map in its box: land, lakes, the counties in their provinces' colours, the zone's outline,
/// the distance lines, the places, the labels as the page places them for a phone, the scale bar
/// and the schematic tag (the approval-number slot is in the credit line under it).
fn draw_map<DB: plotters::prelude::DrawingBackend>(
    area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
    story: &Story,
    map: &story::map::MapData,
    lang: Lang,
    font: &str,
    m: &dyn Measure,
) -> Result<(), plotters::prelude::DrawingAreaErrorKind<DB::ErrorType>> {
    let l = map_layout(story, map, lang);
    let k = COLUMN / l.frame.w;
    let pen = MapPen {
        area,
        story,
        map,
        l: &l,
        k,
        font,
        m,
        lang,
    };
    pen.areas()?;
    pen.lines()?;
    pen.places()?;
    pen.labels()?;
    pen.furniture()
}

/// What drawing the map needs: where, what, and at what scale (image px per view unit).
struct MapPen<'a, DB: plotters::prelude::DrawingBackend> {
    area: &'a plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
    story: &'a Story,
    map: &'a story::map::MapData,
    l: &'a render::layout::MapLayout,
    k: f64,
    font: &'a str,
    m: &'a dyn Measure,
    lang: Lang,
}

type MapResult<DB> = Result<
    (),
    plotters::prelude::DrawingAreaErrorKind<<DB as plotters::prelude::DrawingBackend>::ErrorType>,
>;

fn rgb_colour(c: palette::Rgb) -> plotters::prelude::RGBColor {
    plotters::prelude::RGBColor(c.0, c.1, c.2)
}

impl<DB: plotters::prelude::DrawingBackend> MapPen<'_, DB> {
    /// A point in view units as image px in the map's box.
    fn px(&self, (x, y): (f64, f64)) -> (i32, i32) {
        let f = self.l.frame;
        (
            ((x - f.x) * self.k).round() as i32,
            ((y - f.y) * self.k).round() as i32,
        )
    }

    fn rings(&self, rings: &[Vec<i32>]) -> Vec<Vec<(i32, i32)>> {
        let ring = |r: &Vec<i32>| {
            let points = render::geometry::ring_points(r).into_iter();
            points
                .map(|(x, y)| self.px((f64::from(x), f64::from(y))))
                .collect()
        };
        rings.iter().map(ring).collect()
    }

    /// Land, lakes, the counties in their provinces' fills, the zone's outline.
    fn areas(&self) -> MapResult<DB> {
        use plotters::prelude::*;
        use story::model::RegionKind;
        let t = &palette::LIGHT;
        let area = self.area;
        area.fill(&rgb_colour(t.land))?;
        for p in &self.map.provinces {
            for ring in self.rings(&p.rings) {
                area.draw(&Polygon::new(ring.clone(), rgb_colour(t.land).filled()))?;
                area.draw(&PathElement::new(
                    ring,
                    rgb_colour(t.land_edge).stroke_width(2),
                ))?;
            }
        }
        for lake in &self.map.lakes {
            for ring in self.rings(&lake.rings) {
                area.draw(&Polygon::new(ring, rgb_colour(t.lake).filled()))?;
            }
        }
        for region in self
            .story
            .regions
            .iter()
            .filter(|r| r.kind != RegionKind::Base)
        {
            let code = region.code.as_deref();
            let Some(feature) = code.and_then(|c| self.map.counties.iter().find(|f| f.id == c))
            else {
                continue;
            };
            let fill = palette::province(self.story, &region.province, false).unwrap_or(t.land);
            for ring in self.rings(&feature.rings) {
                area.draw(&Polygon::new(ring.clone(), rgb_colour(fill).filled()))?;
                area.draw(&PathElement::new(
                    ring,
                    rgb_colour(t.county_edge).stroke_width(3),
                ))?;
            }
        }
        for ring in self.rings(&self.map.outline.rings) {
            area.draw(&PathElement::new(
                ring,
                rgb_colour(t.outline).stroke_width(5),
            ))?;
        }
        Ok(())
    }

    /// The zone's leader line and the distance lines.
    fn lines(&self) -> MapResult<DB> {
        use plotters::prelude::*;
        let t = &palette::LIGHT;
        if let Some((from, to)) = self.l.zone_leader {
            let line = PathElement::new(
                vec![self.px(from), self.px(to)],
                rgb_colour(t.accent).stroke_width(3),
            );
            self.area.draw(&line)?;
        }
        for d in &self.l.distances {
            let line = PathElement::new(
                vec![self.px(d.from), self.px(d.to)],
                rgb_colour(t.faint).stroke_width(2),
            );
            self.area.draw(&line)?;
        }
        Ok(())
    }

    /// The places: as the page, those inside the frame, and in the close-up no city whose name
    /// found no room (no nameless dots).
    fn places(&self) -> MapResult<DB> {
        use plotters::prelude::*;
        use story::model::PlaceKind;
        let t = &palette::LIGHT;
        let (area, l) = (self.area, self.l);
        let r = (4.0 * scale()).round() as i32;
        for place in &self.story.places {
            let Some(at) = self.map.point(&place.id).filter(|p| l.frame.contains(*p)) else {
                continue;
            };
            let named = l
                .labels
                .iter()
                .any(|x| x.key == format!("place-{}", place.id));
            if l.narrow && place.kind == PlaceKind::City && !named {
                continue;
            }
            let (x, y) = self.px(at);
            match place.kind {
                PlaceKind::Base => {
                    let d = (1.6 * f64::from(r)) as i32;
                    let fill =
                        palette::province(self.story, &place.province, false).unwrap_or(t.accent);
                    let diamond = vec![(x, y - d), (x + d, y), (x, y + d), (x - d, y)];
                    area.draw(&Polygon::new(diamond, rgb_colour(fill).filled()))?;
                }
                PlaceKind::ZoneTown => {
                    area.draw(&Circle::new(
                        (x, y),
                        2 * r,
                        rgb_colour(t.outline).stroke_width(3),
                    ))?;
                    area.draw(&Circle::new((x, y), r / 2, rgb_colour(t.outline).filled()))?;
                }
                PlaceKind::City => {
                    area.draw(&Circle::new((x, y), r, rgb_colour(t.city).filled()))?
                }
                PlaceKind::CountySeat => {
                    area.draw(&Circle::new((x, y), r - 1, rgb_colour(t.bg).filled()))?;
                    area.draw(&Circle::new(
                        (x, y),
                        r - 1,
                        rgb_colour(t.city).stroke_width(2),
                    ))?;
                }
            }
        }
        Ok(())
    }

    /// The labels where the page's layout put them, at its sizes scaled.
    fn labels(&self) -> MapResult<DB> {
        use render::layout::{Anchor, LabelKind};
        let t = &palette::LIGHT;
        for label in &self.l.labels {
            let (colour, bold) = match label.kind {
                LabelKind::Province => (t.muted, true),
                LabelKind::County | LabelKind::Town => (t.text, true),
                LabelKind::Base => (t.base_text, true),
                LabelKind::Zone => (t.accent, true),
                LabelKind::Lake => (t.lake_text, false),
                LabelKind::City => (t.text, false),
            };
            let size = label.font_units * self.k;
            let w = self.m.width(&label.text, size, bold);
            let (x, y) = self.px((label.x, label.y));
            let left = match label.anchor {
                Anchor::Start => f64::from(x),
                Anchor::Middle => f64::from(x) - w / 2.0,
                Anchor::End => f64::from(x) - w,
            };
            let at = (left, f64::from(y));
            draw_line(
                self.area,
                self.m,
                self.font,
                &label.text,
                at,
                size,
                bold,
                &rgb_colour(colour),
            )?;
        }
        Ok(())
    }

    /// The scale bar and the schematic tag.
    fn furniture(&self) -> MapResult<DB> {
        use plotters::prelude::*;
        let t = &palette::LIGHT;
        let ui = &self.story.ui;
        let (sx, sy) = self.px((self.l.scale.x, self.l.scale.y));
        let len = (self.l.scale.length * self.k).round() as i32;
        let bar = Rectangle::new(
            [(sx, sy - 3), (sx + len, sy + 1)],
            rgb_colour(t.text).filled(),
        );
        self.area.draw(&bar)?;
        let muted = rgb_colour(t.muted);
        let small = TextStyle::from(FontDesc::new(
            FontFamily::Name(self.font),
            size::BODY,
            FontStyle::Normal,
        ))
        .color(&muted);
        let km = format!("{} {}", self.l.scale.km, ui.scale_unit().get(self.lang));
        self.area
            .draw(&Text::new(km, (sx + len + 12, sy - 16), small.clone()))?;
        self.area
            .draw(&Text::new(ui.schematic().get(self.lang), (16, 12), small))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in for the font: every character one em wide at any size (tests of wrapping).
    struct Em;
    impl Measure for Em {
        fn width(&self, text: &str, px: f64, _bold: bool) -> f64 {
            text.chars().count() as f64 * px
        }
    }

    fn fonts() -> Fonts {
        Fonts::debian().expect("fonts-noto-cjk (scripts/setup.sh installs it)")
    }

    fn story() -> Story {
        (*crate::json::story().expect("story")).clone()
    }

    fn lay(story: &Story, lang: Lang, m: &dyn Measure) -> Layout {
        let map = crate::json::map_data().expect("map");
        layout(story, lang, map_aspect(story, &map, lang), m, None).expect("laid out")
    }

    /// Boxes that must not overlap: everything but the cards, which hold their texts.
    fn leaves(l: &Layout) -> Vec<&Item> {
        l.items
            .iter()
            .filter(|i| i.content != Content::Card)
            .collect()
    }

    fn assert_sound(l: &Layout, what: &str) {
        let leaves = leaves(l);
        for (i, a) in leaves.iter().enumerate() {
            for b in &leaves[i + 1..] {
                assert!(
                    !a.rect.overlaps(&b.rect, 0.0),
                    "{what}: {:?} overlaps {:?}",
                    a,
                    b
                );
            }
            assert!(
                a.rect.x >= MARGIN - 0.5 && a.rect.x + a.rect.w <= WIDTH - MARGIN + 0.5,
                "{what}: {a:?} beyond the margins"
            );
            assert!(
                a.rect.y + a.rect.h <= l.height,
                "{what}: {a:?} below the image's end"
            );
        }
        // Cards do not overlap each other either.
        let cards: Vec<&Item> = l
            .items
            .iter()
            .filter(|i| i.content == Content::Card)
            .collect();
        for (i, a) in cards.iter().enumerate() {
            for b in &cards[i + 1..] {
                assert!(
                    !a.rect.overlaps(&b.rect, 0.0),
                    "{what}: cards {a:?} and {b:?} overlap"
                );
            }
        }
    }

    #[test]
    fn the_fonts_simplified_chinese_face_comes_first() {
        let bytes = std::fs::read(FONT_PATHS[0]).expect("fonts-noto-cjk");
        let sc = simplified_chinese_first(bytes.clone());
        assert_eq!(sc[12..16], bytes[20..24], "the first face is the third");
        assert_eq!(sc.len(), bytes.len());
        use ab_glyph::Font;
        let first = ab_glyph::FontRef::try_from_slice(&sc).expect("still a font");
        let sc_face = ab_glyph::FontRef::try_from_slice_and_index(&bytes, 2).expect("the SC face");
        let jp_face = ab_glyph::FontRef::try_from_slice_and_index(&bytes, 0).expect("the JP face");
        // Characters whose Chinese and Japanese forms differ map to the Chinese glyphs.
        let differ: Vec<char> = "复直骨写划角"
            .chars()
            .filter(|&c| sc_face.glyph_id(c) != jp_face.glyph_id(c))
            .collect();
        assert!(!differ.is_empty(), "some forms differ between the faces");
        for c in differ {
            assert_eq!(first.glyph_id(c), sc_face.glyph_id(c), "{c}");
        }
        // Something that is not a collection is left as it is.
        assert_eq!(simplified_chinese_first(b"OTTO1234".to_vec()), b"OTTO1234");
    }

    #[test]
    fn chinese_lines_never_start_with_closing_or_end_with_opening_punctuation() {
        let text = "长三角（湖州）产业合作区，简称“长合区”。浙江、安徽、江苏三省：一地六县！";
        for width in 3..12 {
            let lines = wrap(text, width as f64 * 10.0, 10.0, false, &Em, "test").expect("wraps");
            assert_eq!(lines.concat(), text, "nothing lost at width {width}");
            for line in &lines {
                let first = line.chars().next().expect("no empty line");
                let last = line.chars().last().expect("no empty line");
                assert!(!NO_START.contains(first), "{line:?} starts with {first}");
                assert!(!NO_END.contains(last), "{line:?} ends with {last}");
            }
        }
    }

    #[test]
    fn english_breaks_between_words_and_a_word_too_wide_is_an_error_naming_it() {
        let lines = wrap(
            "The zone at four, in figures",
            120.0,
            10.0,
            false,
            &Em,
            "test",
        )
        .expect("wraps");
        assert_eq!(lines, ["The zone at", "four, in", "figures"]);
        let err = wrap(
            "Supercalifragilistic",
            100.0,
            10.0,
            false,
            &Em,
            "figure x's label",
        )
        .expect_err("too wide");
        assert!(
            err.contains("figure x's label") && err.contains("Supercalifragilistic"),
            "{err}"
        );
    }

    #[test]
    fn the_layout_has_no_overlaps_and_stays_inside_the_margins_in_both_languages() {
        let f = fonts();
        let story = story();
        for lang in [Lang::Zh, Lang::En] {
            let l = lay(&story, lang, &f);
            assert_sound(&l, lang.code());
            assert!(l.height > 4000.0, "{}: {} px tall", lang.code(), l.height);
        }
    }

    #[test]
    fn type_is_made_for_a_phone() {
        let f = fonts();
        let story = story();
        for lang in [Lang::Zh, Lang::En] {
            let l = lay(&story, lang, &f);
            let smallest = l.texts().map(|(_, _, px)| px).fold(f64::MAX, f64::min);
            assert!(
                smallest >= 32.0,
                "{}: smallest text {smallest} px",
                lang.code()
            );
            let headline = l
                .texts()
                .find(|(_, t, _)| t.replace(' ', "") == story.meta.title.get(lang).replace(' ', ""))
                .expect("the headline");
            assert!(headline.2 >= 56.0);
            for f in &story.figures {
                let words = value_words(&story, f, lang).replace(' ', "");
                let value = l
                    .texts()
                    .find(|(_, t, _)| t.replace(' ', "") == words)
                    .unwrap_or_else(|| panic!("{}: value {words}", f.id));
                assert!(value.2 >= 64.0, "{}: value at {} px", f.id, value.2);
            }
        }
        // The map's labels and the charts' smallest text, scaled from the phone layout.
        let map = crate::json::map_data().expect("map");
        for lang in [Lang::Zh, Lang::En] {
            let l = map_layout(&story, &map, lang);
            let k = COLUMN / l.frame.w;
            let smallest = l
                .labels
                .iter()
                .map(|x| x.font_units * k)
                .fold(f64::MAX, f64::min);
            assert!(
                smallest >= 32.0,
                "{}: smallest map label {smallest:.1} px",
                lang.code()
            );
        }
        assert!(
            render::chart::TICK_PX * scale() >= 32.0,
            "chart ticks at {:.1} px",
            render::chart::TICK_PX * scale()
        );
        // Text contrast against the paper and the cards, 4.5:1.
        for ink in [
            Ink::Text,
            Ink::Muted,
            Ink::Accent,
            Ink::Group(Group::Policy),
            Ink::Group(Group::Infrastructure),
            Ink::Group(Group::Projects),
            Ink::Group(Group::Events),
        ] {
            for ground in [palette::LIGHT.bg, palette::LIGHT.card] {
                let c = palette::contrast(rgb(ink), ground);
                assert!(c >= 4.5, "{ink:?}: contrast {c:.2}");
            }
        }
    }

    #[test]
    fn every_figure_and_milestone_is_in_the_image_and_its_text() {
        let f = fonts();
        let story = story();
        for lang in [Lang::Zh, Lang::En] {
            let l = lay(&story, lang, &f);
            let all: String = l
                .texts()
                .map(|(_, t, _)| t)
                .collect::<Vec<_>>()
                .join("|")
                .replace(' ', "");
            let text = long_text(&story, lang);
            for m in &story.milestones {
                let date = format::date(&m.date, &story.ui, lang);
                for words in [date.as_str(), m.title.get(lang)] {
                    assert!(
                        all.contains(&words.replace(' ', "")),
                        "{}: {words} in the image",
                        m.id
                    );
                    assert!(text.contains(words), "{}: {words} in the text", m.id);
                }
            }
            for fig in &story.figures {
                let words = value_words(&story, fig, lang);
                assert!(
                    all.contains(&words.replace(' ', "")),
                    "{}: {words} in the image",
                    fig.id
                );
                assert!(text.contains(&words), "{}: {words} in the text", fig.id);
            }
            assert!(l.items.iter().any(|i| i.content == Content::Map), "the map");
            for c in &story.charts {
                assert!(
                    l.items
                        .iter()
                        .any(|i| i.content == Content::Chart(c.id.clone())),
                    "chart {}",
                    c.id
                );
            }
        }
    }

    #[test]
    fn a_next_story_with_a_fifteenth_milestone_a_fortieth_figure_and_a_longer_headline_grows_the_image(
    ) {
        let f = fonts();
        let story = story();
        let before = lay(&story, Lang::Zh, &f).height;
        let mut next = story.clone();
        next.meta.title.zh =
            "长合区五周年：沪苏浙皖交界处的“长三角之心”再出发，一地六县的合作迈上新的台阶，并从这里走向全国".to_owned();
        next.meta.title.en = "The zone at five: the heart of the Yangtze River Delta, where four provinces meet, sets out again".to_owned();
        let mut m = story.milestones[story.milestones.len() - 1].clone();
        m.id = "fifth-anniversary".to_owned();
        next.milestones.push(m);
        assert_eq!(next.milestones.len(), 15);
        assert!(
            next.meta.title.zh.chars().count() >= 40,
            "a headline of 40 characters or more"
        );
        // Figures up to a 40th, each a copy of the first with its own id.
        while next.figures.len() < 40 {
            let mut f = story.figures[0].clone();
            f.id = format!("extra-{}", next.figures.len());
            next.figures.push(f);
        }
        for lang in [Lang::Zh, Lang::En] {
            let l = lay(&next, lang, &f);
            assert_sound(&l, "next story");
        }
        assert!(lay(&next, Lang::Zh, &f).height > before, "taller");
    }

    #[test]
    fn with_the_page_address_the_image_ends_with_it_and_its_qr_code() {
        let f = fonts();
        let story = story();
        let map = crate::json::map_data().expect("map");
        let address = "https://news.example.com/graphics/2025/changhe-zone-at-four/en/#m=approval";
        let l = layout(
            &story,
            Lang::En,
            map_aspect(&story, &map, Lang::En),
            &f,
            Some(address),
        )
        .expect("laid out");
        assert_sound(&l, "with the address");
        let qr = l
            .items
            .iter()
            .find(|i| i.content == Content::Qr(address.to_owned()))
            .expect("a QR code");
        assert!(qr.rect.w >= 240.0);
        let all: String = l
            .texts()
            .map(|(_, t, _)| t.replace('\u{200b}', ""))
            .collect();
        assert!(all.contains(address), "the address written out");
        assert!(qrcode::QrCode::new(address.as_bytes()).is_ok());
    }

    #[test]
    fn the_committed_images_are_current() {
        let story = crate::json::story().expect("story");
        let map = crate::json::map_data().expect("map");
        let recorded = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../static/long.txt"
        ))
        .expect("static/long.txt");
        assert_eq!(
            recorded.trim(),
            inputs_digest(&story, &map),
            "the long images are stale: run `cargo run --release -p tools --bin longimage`"
        );
        for lang in ["zh", "en"] {
            let png = std::fs::read(format!(
                "{}/../../static/long-{lang}.png",
                env!("CARGO_MANIFEST_DIR")
            ))
            .expect("the image");
            assert!(
                png.len() <= 3 * 1024 * 1024,
                "long-{lang}.png is {} bytes",
                png.len()
            );
            assert_eq!(&png[16..20], &1080u32.to_be_bytes(), "1,080 px wide");
        }
    }
}
