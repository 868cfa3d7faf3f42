//! The graphic's colours, light and dark: the one palette that the style sheet, the charts and the
//! share image follow.
//!
//! `cargo run -p tools --bin textgen` writes the style sheet's custom properties (`--text`, `--chart-bar`,
//! `--province-zhejiang`, …) and the province fill classes from this palette and the provinces'
//! colours in `story.json`, once for light, once for the system's dark theme and once for a
//! forced `?theme=dark`; a test fails when `static/style.css` is stale. Province colours are part of
//! the story (each province carries its light and dark fill), so a story with other provinces
//! brings its own.

use story::model::Story;

/// A colour as red, green and blue, 0–255.
pub type Rgb = (u8, u8, u8);

/// Declares [`Theme`] with one field per custom property, and [`Theme::properties`] listing them
/// by their CSS names, so a field cannot be left out of the style sheet.
macro_rules! theme {
    ($($field:ident $css:literal $doc:literal,)*) => {
        /// One theme's colours. Each field is the custom property named beside it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct Theme {
            $(#[doc = concat!("`--", $css, "`: ", $doc)] pub $field: Rgb,)*
        }

        impl Theme {
            /// Every colour with its custom property's name (without `--`), in declaration order.
            pub fn properties(&self) -> Vec<(&'static str, Rgb)> {
                vec![$(($css, self.$field)),*]
            }
        }
    };
}

theme! {
    bg "bg" "page background",
    text "text" "body text",
    muted "muted" "secondary text",
    faint "faint" "tertiary text (credits, hints)",
    rule "rule" "rules and borders",
    accent "accent" "the kicker, links and highlights",
    card "card" "card and panel background",
    land "land" "land outside the zone",
    land_edge "land-edge" "province borders",
    lake "lake" "lakes",
    lake_edge "lake-edge" "lake shores",
    base_text "base-text" "the base's label (Shanghai's base)",
    lake_text "lake-text" "lake names",
    county_edge "county-edge" "borders between the six counties",
    outline "outline" "the six counties' outline",
    focus "focus" "the keyboard focus ring",
    city "city" "city dots and names",
    policy "policy" "timeline group: policy",
    infrastructure "infrastructure" "timeline group: infrastructure",
    projects "projects" "timeline group: projects",
    events "events" "timeline group: events",
    chart_bar "chart-bar" "chart bars",
    chart_highlight "chart-highlight" "the bar under the pointer or keyboard",
    chart_text "chart-text" "chart labels and values",
    chart_muted "chart-muted" "chart ticks and captions",
    chart_grid "chart-grid" "chart grid lines",
}

/// The light theme.
pub const LIGHT: Theme = Theme {
    bg: (0xff, 0xff, 0xff),
    text: (0x1b, 0x1d, 0x1f),
    muted: (0x58, 0x5d, 0x63),
    faint: (0x68, 0x6d, 0x73),
    rule: (0xdc, 0xd9, 0xd2),
    accent: (0xa3, 0x21, 0x2b),
    card: (0xf7, 0xf5, 0xf1),
    land: (0xf1, 0xee, 0xe8),
    land_edge: (0xc8, 0xc2, 0xb6),
    lake: (0xcf, 0xe2, 0xee),
    lake_edge: (0x9c, 0xc0, 0xd6),
    base_text: (0xb0, 0x2a, 0x41),
    lake_text: (0x2f, 0x5a, 0x75),
    county_edge: (0xff, 0xff, 0xff),
    outline: (0x2a, 0x2d, 0x31),
    focus: (0x1d, 0x5f, 0xd1),
    city: (0x33, 0x37, 0x3c),
    policy: (0x1f, 0x5f, 0x8b),
    infrastructure: (0x6b, 0x4f, 0xa0),
    projects: (0x94, 0x50, 0x0f),
    events: (0x2e, 0x7d, 0x4f),
    chart_bar: (0x2f, 0x5f, 0x7f),
    chart_highlight: (0xa3, 0x21, 0x2b),
    chart_text: (0x1b, 0x1d, 0x1f),
    chart_muted: (0x58, 0x5d, 0x63),
    chart_grid: (0xdc, 0xd9, 0xd2),
};

/// The dark theme.
pub const DARK: Theme = Theme {
    bg: (0x14, 0x16, 0x18),
    text: (0xf5, 0xf3, 0xef),
    muted: (0xb3, 0xb0, 0xab),
    faint: (0x8d, 0x8a, 0x85),
    rule: (0x3a, 0x3d, 0x41),
    accent: (0xf0, 0x70, 0x7b),
    card: (0x1d, 0x20, 0x23),
    land: (0x1b, 0x1e, 0x21),
    land_edge: (0x4a, 0x4f, 0x55),
    lake: (0x67, 0x9c, 0xb6),
    lake_edge: (0x8f, 0xb8, 0xcc),
    base_text: (0xff, 0x8a, 0x9b),
    lake_text: (0x0d, 0x1b, 0x24),
    county_edge: (0x14, 0x16, 0x18),
    outline: (0xf3, 0xf1, 0xed),
    focus: (0x8a, 0xb4, 0xff),
    city: (0xd8, 0xd5, 0xd0),
    policy: (0x7f, 0xb2, 0xe5),
    infrastructure: (0xb5, 0x9c, 0xe6),
    projects: (0xf0, 0xa3, 0x5e),
    events: (0x7c, 0xc9, 0x9a),
    chart_bar: (0x7f, 0xb2, 0xdc),
    chart_highlight: (0xf0, 0x70, 0x7b),
    chart_text: (0xf5, 0xf3, 0xef),
    chart_muted: (0xb3, 0xb0, 0xab),
    chart_grid: (0x3a, 0x3d, 0x41),
};

/// `#rrggbb` or `#rgb` as a colour.
pub fn parse_hex(s: &str) -> Option<Rgb> {
    let hex = s.strip_prefix('#')?;
    let digit = |i: usize, len: usize| {
        hex.get(i..i + len)
            .and_then(|d| u8::from_str_radix(d, 16).ok())
    };
    match hex.len() {
        6 => Some((digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
        3 => Some((digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
        _ => None,
    }
}

/// A colour as `#rrggbb`.
pub fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// A province's fill in a theme, from the story (`None` for an unknown id or a colour that is not
/// `#rrggbb`; validation rules both out).
pub fn province(story: &Story, id: &str, dark: bool) -> Option<Rgb> {
    let p = story.provinces.iter().find(|p| p.id == id)?;
    parse_hex(if dark { &p.colour[1] } else { &p.colour[0] })
}

/// Every custom property of a theme, with the story's province fills as `province-<id>`.
pub fn css_properties(theme: &Theme, story: &Story, dark: bool) -> Vec<(String, Rgb)> {
    let mut out: Vec<(String, Rgb)> = theme
        .properties()
        .into_iter()
        .map(|(name, c)| (name.to_owned(), c))
        .collect();
    for p in &story.provinces {
        if let Some(c) = province(story, &p.id, dark) {
            out.push((format!("province-{}", p.id), c));
        }
    }
    out
}

/// Relative luminance (WCAG 2).
pub fn luminance(c: Rgb) -> f64 {
    let channel = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

/// Contrast ratio between two colours (WCAG 2), 1–21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn themes() -> [(&'static str, Theme, bool); 2] {
        [("light", LIGHT, false), ("dark", DARK, true)]
    }

    #[test]
    fn text_contrast_is_at_least_4_5_to_1_in_both_themes() {
        let story = story::fixtures::story();
        for (name, t, dark) in themes() {
            let p = |id: &str| province(&story, id, dark).unwrap();
            let mut pairs = vec![
                ("text/bg", t.text, t.bg),
                ("muted/bg", t.muted, t.bg),
                ("faint/bg", t.faint, t.bg),
                ("accent/bg", t.accent, t.bg),
                ("text/card", t.text, t.card),
                ("muted/card", t.muted, t.card),
                ("faint/card", t.faint, t.card),
                ("text/land", t.text, t.land),
                ("muted/land", t.muted, t.land),
                ("base-text/land", t.base_text, t.land),
                ("accent/land (the zone's label)", t.accent, t.land),
                ("lake-text/lake", t.lake_text, t.lake),
            ];
            for zone in story.zone_provinces() {
                pairs.push(("text/province", t.text, p(&zone.id)));
            }
            for (label, c) in [
                ("policy", t.policy),
                ("infrastructure", t.infrastructure),
                ("projects", t.projects),
                ("events", t.events),
            ] {
                pairs.push((label, c, t.bg));
                pairs.push((label, c, t.card));
            }
            let low: Vec<String> = pairs
                .iter()
                .filter(|(_, fg, bg)| contrast(*fg, *bg) < 4.5)
                .map(|(l, fg, bg)| format!("{name} {l}: {:.2}", contrast(*fg, *bg)))
                .collect();
            assert!(low.is_empty(), "{low:?}");
        }
    }

    /// In the dark theme every province's fill and the lakes stand out from the land at 3:1, and
    /// the lakes from every province at 1.5:1 or by their dominant hue. Pairwise 3:1 among four
    /// fills and the land is impossible (it would need a ratio of 3^4 = 81 on a scale that ends
    /// at 21). The light theme's pale fills on pale land are told apart by hue instead.
    #[test]
    fn dark_provinces_and_lakes_stand_out_from_the_land() {
        let story = story::fixtures::story();
        let (name, t, dark) = ("dark", DARK, true);
        {
            let mut low = Vec::new();
            for p in &story.provinces {
                let fill = province(&story, &p.id, dark).unwrap();
                if contrast(fill, t.land) < 3.0 {
                    low.push(format!(
                        "{name} {}/land {:.2}",
                        p.id,
                        contrast(fill, t.land)
                    ));
                }
                let dominant = |c: Rgb| {
                    if c.2 >= c.0.max(c.1) {
                        2
                    } else {
                        usize::from(c.1 > c.0)
                    }
                };
                if contrast(fill, t.lake) < 1.5 && dominant(fill) == dominant(t.lake) {
                    low.push(format!(
                        "{name} {}/lake {:.2}",
                        p.id,
                        contrast(fill, t.lake)
                    ));
                }
            }
            if contrast(t.lake, t.land) < 3.0 {
                low.push(format!("{name} lake/land {:.2}", contrast(t.lake, t.land)));
            }
            assert!(low.is_empty(), "{low:?}");
        }
    }

    #[test]
    fn the_provinces_and_shanghais_base_are_told_apart() {
        let story = story::fixtures::story();
        for (_, _, dark) in themes() {
            let fills: Vec<Rgb> = story
                .provinces
                .iter()
                .map(|p| province(&story, &p.id, dark).unwrap())
                .collect();
            assert_eq!(fills.len(), 4);
            let dominant = |c: Rgb| {
                let v = [c.0, c.1, c.2];
                (0..3).max_by_key(|&i| v[i]).unwrap_or(0)
            };
            for (i, a) in fills.iter().enumerate() {
                for b in &fills[i + 1..] {
                    assert_ne!(a, b);
                    let gap = (luminance(*a) - luminance(*b)).abs();
                    assert!(gap > 0.03 || dominant(*a) != dominant(*b), "{a:?} vs {b:?}");
                }
            }
        }
    }

    #[test]
    fn every_property_is_named_once_and_hex_round_trips() {
        let names: Vec<&str> = LIGHT.properties().iter().map(|(n, _)| *n).collect();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
        for (_, c) in DARK.properties() {
            assert_eq!(parse_hex(&hex(c)), Some(c));
        }
        assert_eq!(parse_hex("#abc"), Some((0xaa, 0xbb, 0xcc)));
        assert_eq!(parse_hex("abc"), None);
    }
}
