//! The data's text form: how the story and the map travel inside `index.html` to the browser.
//!
//! `cargo run -p tools --bin textgen` writes both into `<script type="text/plain">` data blocks of
//! `index.html`, and the built pages carry their own language's block next to the prerendered
//! graphic made from the same story; the browser build reads it back with [`from_text`]. Shipping
//! the data as text beside the prerendered words lets brotli share the strings between the two
//! (data embedded in the wasm could not), and the wasm carries no data and no serde.
//!
//! Hand-written rather than serde: a JSON parser and serde's derived decoders cost the browser
//! build about 23 KB brotli, and the first load has a budget of 150 KB. The struct field lists below
//! are checked by the compiler (a struct literal needs every field); enum lists are derived.
//!
//! The format is one value per line, fields in declaration order: strings with `\\`, `\n` and
//! `<\/` escaped; unsigned and signed integers, lengths, `bool`, `Option` tags and enum variant
//! indices in decimal; `f64` as its 64 bits in hexadecimal (exact, and no float parsing in the
//! browser). Native tests compare a round trip with the JSON. The writer compiles for every target
//! (no `cfg` beside each impl); the browser build never calls it, so none of it reaches the wasm.

use crate::map::{Albers, Feature, MapData, Point, View};
use crate::model::{
    Chart, ChartKind, ChartRow, Figure, FigureKind, FigureValue, Group, Lang, Meta, Milestone,
    PartialDate, Place, PlaceKind, Precision, Province, Qualifier, Region, RegionKind, Section,
    Source, Story, Subject, Text, Ui, Unit,
};
use std::collections::BTreeMap;
use strum::VariantArray;

/// A cursor over the lines.
pub struct Reader<'a> {
    rest: &'a str,
    done: bool,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Reader {
            rest: text,
            done: false,
        }
    }

    /// Whether every line has been read (a final newline is allowed).
    pub fn is_done(&self) -> bool {
        self.done || self.rest.is_empty()
    }

    fn line(&mut self) -> Option<&'a str> {
        if self.done {
            return None;
        }
        match self.rest.split_once('\n') {
            Some((line, rest)) => {
                self.rest = rest;
                Some(line)
            }
            None => {
                self.done = true;
                Some(self.rest)
            }
        }
    }

    fn uint(&mut self) -> Option<u64> {
        self.line()?.parse().ok()
    }

    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.uint()?).ok()?;
        // Every item takes at least one line: a length beyond the text left is broken data.
        (n <= self.rest.len() + 1).then_some(n)
    }
}

/// A type that can be read from the text form.
pub trait Decode: Sized {
    /// Reads one value, or `None` when the text does not hold one.
    fn decode(r: &mut Reader<'_>) -> Option<Self>;
}

/// Decodes a whole text: exactly one value and nothing after it.
pub fn from_text<T: Decode>(text: &str) -> Option<T> {
    let mut r = Reader::new(text);
    let value = T::decode(&mut r)?;
    r.is_done().then_some(value)
}

/// Writing the text form (the generator and tests).
pub trait Encode {
    /// Appends the value's lines.
    fn encode(&self, out: &mut Writer);
}

/// Collects lines.
#[derive(Default)]
pub struct Writer {
    lines: Vec<String>,
    /// When set, every [`Text`] carries only this language (the other reads back empty): each
    /// language's page ships only its own words.
    only: Option<Lang>,
}

impl Writer {
    fn push(&mut self, line: String) {
        self.lines.push(line);
    }
}

/// The text form of a value.
pub fn to_text<T: Encode>(value: &T) -> String {
    let mut w = Writer::default();
    value.encode(&mut w);
    w.lines.join("\n")
}

/// The text form of a value with only `lang`'s words: the other language of every [`Text`] is
/// written empty (the page in `lang` never shows it).
pub fn to_text_in<T: Encode>(value: &T, lang: Lang) -> String {
    let mut w = Writer {
        only: Some(lang),
        ..Writer::default()
    };
    value.encode(&mut w);
    w.lines.join("\n")
}

fn unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace("</", "<\\/")
}

macro_rules! uint_like {
    ($($t:ty),*) => {$(
        impl Decode for $t {
            fn decode(r: &mut Reader<'_>) -> Option<Self> {
                <$t>::try_from(r.uint()?).ok()
            }
        }
        impl Encode for $t {
            fn encode(&self, out: &mut Writer) {
                out.push(self.to_string());
            }
        }
    )*};
}
uint_like!(u8, u32);

impl Decode for i32 {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.line()?.parse().ok()
    }
}

impl Encode for i32 {
    fn encode(&self, out: &mut Writer) {
        out.push(self.to_string());
    }
}

impl Decode for f64 {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let bits = r.line()?;
        (bits.len() == 16)
            .then(|| u64::from_str_radix(bits, 16).ok())
            .flatten()
            .map(f64::from_bits)
    }
}

impl Encode for f64 {
    fn encode(&self, out: &mut Writer) {
        out.push(format!("{:016x}", self.to_bits()));
    }
}

impl Decode for bool {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        match r.line()? {
            "0" => Some(false),
            "1" => Some(true),
            _ => None,
        }
    }
}

impl Encode for bool {
    fn encode(&self, out: &mut Writer) {
        out.push(if *self { "1" } else { "0" }.to_owned());
    }
}

impl Decode for String {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.line().map(unescape)
    }
}

impl Encode for String {
    fn encode(&self, out: &mut Writer) {
        out.push(escape(self));
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        match r.line()? {
            "0" => Some(None),
            "1" => T::decode(r).map(Some),
            _ => None,
        }
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, out: &mut Writer) {
        match self {
            None => out.push("0".to_owned()),
            Some(v) => {
                out.push("1".to_owned());
                v.encode(out);
            }
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let n = r.len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(T::decode(r)?);
        }
        Some(out)
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, out: &mut Writer) {
        out.push(self.len().to_string());
        for v in self {
            v.encode(out);
        }
    }
}

impl<T: Decode> Decode for [T; 2] {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        Some([T::decode(r)?, T::decode(r)?])
    }
}

impl<T: Encode> Encode for [T; 2] {
    fn encode(&self, out: &mut Writer) {
        self[0].encode(out);
        self[1].encode(out);
    }
}

impl<V: Decode> Decode for BTreeMap<String, V> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let n = r.len()?;
        let mut out = BTreeMap::new();
        for _ in 0..n {
            let key = String::decode(r)?;
            out.insert(key, V::decode(r)?);
        }
        Some(out)
    }
}

impl<V: Encode> Encode for BTreeMap<String, V> {
    fn encode(&self, out: &mut Writer) {
        out.push(self.len().to_string());
        for (k, v) in self {
            k.encode(out);
            v.encode(out);
        }
    }
}

/// Structs: their fields, in declaration order; `@both` before a struct keeps both languages of
/// its texts on a one-language page ([`to_text_in`]). Fields after `build_only:` are what only the
/// native tools read (places' coordinates, provinces' codes, label anchors and colours, the map's
/// projection): they are not written, and read back as their defaults ([`browser_view`] says what
/// the browser receives).
macro_rules! decode_struct {
    ($($(@$both:ident)? $name:ident { $($field:ident),* $(,)? $(; build_only: $($skip:ident),* $(,)?)? })*) => {$(
        impl Decode for $name {
            fn decode(r: &mut Reader<'_>) -> Option<Self> {
                Some($name { $($field: Decode::decode(r)?,)* $($($skip: Default::default(),)*)? })
            }
        }
        impl Encode for $name {
            fn encode(&self, out: &mut Writer) {
                let only = out.only;
                // `@both`: written in both languages on every page (the map's names, shown with
                // the other language's name beside them).
                $(let _ = stringify!($both); out.only = None;)?
                $(self.$field.encode(out);)*
                out.only = only;
            }
        }
        impl BuildOnly for $name {
            fn clear_build_only(&mut self) {
                $($(self.$skip = Default::default();)*)?
            }
        }
    )*};
}

/// Clears the fields a type does not send to the browser (see [`decode_struct!`]).
trait BuildOnly {
    fn clear_build_only(&mut self);
}

/// The story as the browser receives it: the fields only the native tools read are cleared.
pub fn browser_view(story: &Story) -> Story {
    let mut s = story.clone();
    s.meta.clear_build_only();
    for key in Ui::BUILD_ONLY {
        s.ui.set(key, Text::default());
    }
    s.provinces.iter_mut().for_each(BuildOnly::clear_build_only);
    s.regions.iter_mut().for_each(BuildOnly::clear_build_only);
    s.places.iter_mut().for_each(BuildOnly::clear_build_only);
    s
}

/// The map as the browser receives it (without the projection it was made with).
pub fn browser_map(map: &MapData) -> MapData {
    let mut m = map.clone();
    m.clear_build_only();
    m
}

/// Enums of unit variants: the variant's index in declaration order. The list is derived
/// (`strum::VariantArray`) and the encoder writes the discriminant, so no variant can be missing.
macro_rules! decode_enum {
    ($($name:ident)*) => {$(
        impl Decode for $name {
            fn decode(r: &mut Reader<'_>) -> Option<Self> {
                <$name as VariantArray>::VARIANTS.get(usize::try_from(r.uint()?).ok()?).copied()
            }
        }
        impl Encode for $name {
            fn encode(&self, out: &mut Writer) {
                out.push((*self as usize).to_string());
            }
        }
    )*};
}

/// Both languages, Chinese first; with [`to_text_in`], the other language is an empty line.
impl Decode for Text {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        Some(Text {
            zh: String::decode(r)?,
            en: String::decode(r)?,
        })
    }
}

impl Encode for Text {
    fn encode(&self, out: &mut Writer) {
        for (lang, text) in [(Lang::Zh, &self.zh), (Lang::En, &self.en)] {
            if out.only.is_none_or(|only| only == lang) {
                text.encode(out);
            } else {
                out.push(String::new());
            }
        }
    }
}

decode_struct! {
    Story { meta, ui, provinces, regions, places, sections, figures, milestones, charts }
    ChartRow { figure, label }
    Chart { id, section, kind, title, note, rows, figure }
    Meta { kicker, title, dek, report_date, byline, photo_credit, graphic_credit, map_credit,
        map_approval_number, notes, sources; build_only: poster_figures }
    Source { id, name, url, short }
    Province { id, name; build_only: code, label_deg, colour }
    @both Region { id, code, province, kind, name, role, place; build_only: label_deg }
    @both Place { id, province, kind, name, approximate, accuracy_m, region, distance, role;
        build_only: lon_deg, lat_deg }
    Section { id, title, summary }
    Figure { id, section, kind, unit, value, qualifiers, subject, source, label }
    Milestone { id, date, precision, group, title, body, regions, places, sources, key, figures }
    Albers { lon0_deg, lat0_deg, lat1_deg, lat2_deg }
    View { width, height, x_min_km, y_max_km, units_per_km }
    Point { id, at, km }
    MapData { view, provinces, counties, outline, lakes, zone_centre, points; build_only: projection }
}

decode_enum! {
    Lang ChartKind RegionKind PlaceKind FigureKind Unit Qualifier Subject Precision Group
}

/// Reads one ring line: the ring's SVG path text, as [`crate::map::ring_path`] writes it
/// (`M x y l dx dy dx dy … z`). The map's rings travel in the very text the prerendered map's
/// `d` attributes hold, so brotli stores them once for both. `None` for anything else.
pub fn unpack_ring(line: &str) -> Option<Vec<i32>> {
    let body = line.strip_prefix('M')?.strip_suffix('z')?;
    let (first, rest) = body.split_once('l').unwrap_or((body, ""));
    let mut out = Vec::new();
    for part in first
        .split(' ')
        .chain(rest.split(' ').filter(|p| !p.is_empty()))
    {
        out.push(part.parse::<i32>().ok()?);
    }
    (out.len() >= 2 && out.len() % 2 == 0).then_some(out)
}

/// Id, label anchor, then the rings, one packed line each.
impl Decode for Feature {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let id = String::decode(r)?;
        let label = <[i32; 2]>::decode(r)?;
        let n = r.len()?;
        let mut rings = Vec::with_capacity(n);
        for _ in 0..n {
            rings.push(unpack_ring(r.line()?)?);
        }
        Some(Feature { id, label, rings })
    }
}

impl Encode for Feature {
    fn encode(&self, out: &mut Writer) {
        self.id.encode(out);
        self.label.encode(out);
        out.push(self.rings.len().to_string());
        for ring in &self.rings {
            out.push(crate::map::ring_path(ring));
        }
    }
}

/// The interface copy in the order of [`Ui::KEYS`], without the keys (validation has checked
/// that the story has exactly those).
impl Decode for Ui {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let mut entries = Vec::with_capacity(Ui::KEYS.len());
        for key in Ui::KEYS {
            entries.push(Some(if Ui::BUILD_ONLY.contains(key) {
                Text::default()
            } else {
                Text::decode(r)?
            }));
        }
        Some(Ui::from_entries(entries))
    }
}

impl Encode for Ui {
    fn encode(&self, out: &mut Writer) {
        for key in Ui::KEYS.iter().filter(|k| !Ui::BUILD_ONLY.contains(k)) {
            match self.get(key) {
                Some(text) => text.encode(out),
                None => Text::default().encode(out),
            }
        }
    }
}

/// Written as its `YYYY[-MM[-DD]]` string.
impl Decode for PartialDate {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        String::decode(r)?.parse().ok()
    }
}

impl Encode for PartialDate {
    fn encode(&self, out: &mut Writer) {
        self.to_string().encode(out);
    }
}

/// Tagged: 0 and one number, or 1 and two.
impl Decode for FigureValue {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        match r.uint()? {
            0 => f64::decode(r).map(FigureValue::Single),
            1 => Some(FigureValue::Pair {
                before: f64::decode(r)?,
                after: f64::decode(r)?,
            }),
            _ => None,
        }
    }
}

impl Encode for FigureValue {
    fn encode(&self, out: &mut Writer) {
        match *self {
            FigureValue::Single(v) => {
                out.push("0".to_owned());
                v.encode(out);
            }
            FigureValue::Pair { before, after } => {
                out.push("1".to_owned());
                before.encode(out);
                after.encode(out);
            }
        }
    }
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;

    #[test]
    fn the_data_round_trips_through_its_text_form() {
        let story = crate::fixtures::story_owned();
        let text = to_text(&story);
        assert_eq!(from_text::<Story>(&text), Some(browser_view(&story)));
        assert!(!text.contains("</"), "safe inside a <script> data block");
        let map = crate::fixtures::map();
        assert_eq!(
            from_text::<MapData>(&to_text(&map)),
            Some(browser_map(&map))
        );
        // What the browser does not receive is only what the native tools read.
        let view = browser_view(&story);
        assert!(view
            .places
            .iter()
            .all(|p| p.lon_deg == 0.0 && p.lat_deg == 0.0));
        assert!(view
            .provinces
            .iter()
            .all(|p| p.code.is_empty() && p.colour[0].is_empty()));
        assert_eq!(
            (view.places.len(), view.milestones),
            (story.places.len(), story.milestones.clone())
        );
    }

    #[test]
    fn values_round_trip() {
        let tricky = "a\\b\nc</script>d“引号”".to_owned();
        assert_eq!(from_text::<String>(&to_text(&tricky)), Some(tricky));
        for v in [0.0, -0.0, 24.5, 2.1, 1e300, f64::MIN_POSITIVE] {
            assert_eq!(
                from_text::<f64>(&to_text(&v)).map(f64::to_bits),
                Some(v.to_bits())
            );
        }
        for v in [0i32, -1, i32::MAX, i32::MIN] {
            assert_eq!(from_text::<i32>(&to_text(&v)), Some(v));
        }
        let ring = vec![0, 1, -1, 15, -16, 16, 1000, -99999, i32::MAX, i32::MIN];
        let line = crate::map::ring_path(&ring);
        assert_eq!(
            line,
            "M0 1l-1 15 -16 16 1000 -99999 2147483647 -2147483648z"
        );
        assert_eq!(unpack_ring(&line), Some(ring));
        assert_eq!(unpack_ring("M3 4z"), Some(vec![3, 4]), "a lone point");
        assert_eq!(unpack_ring(""), None);
        assert_eq!(unpack_ring("M3 4l5z"), None, "cut off");
        assert_eq!(unpack_ring("M3 4l5 x6z"), None, "not a number");
        assert_eq!(unpack_ring("M3 4l5 6"), None, "not closed");
        let nested = vec![Some(vec![1i32, -2]), None];
        assert_eq!(from_text(&to_text(&nested)), Some(nested));
    }

    #[test]
    fn a_page_in_one_language_carries_only_its_words() {
        let story = crate::fixtures::story_owned();
        for lang in [Lang::Zh, Lang::En] {
            let other = match lang {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            };
            let text = to_text_in(&story, lang);
            assert!(text.len() < to_text(&story).len());
            let back: Story = from_text(&text).unwrap();
            assert_eq!(back.meta.title.get(lang), story.meta.title.get(lang));
            assert_eq!(back.meta.title.get(other), "");
            assert_eq!(back.milestones.len(), story.milestones.len());
            for (a, b) in back.milestones.iter().zip(&story.milestones) {
                assert_eq!(
                    (a.title.get(lang), a.body.get(lang)),
                    (b.title.get(lang), b.body.get(lang))
                );
                assert_eq!((a.title.get(other), a.body.get(other)), ("", ""));
            }
            for (a, b) in back.regions.iter().zip(&story.regions) {
                assert_eq!(a.name, b.name, "the map's names stay in both languages");
            }
            assert_eq!(back.figures, {
                let mut f = story.figures.clone();
                f.iter_mut().for_each(|f| match lang {
                    Lang::Zh => f.label.en.clear(),
                    Lang::En => f.label.zh.clear(),
                });
                f
            });
        }
    }

    #[test]
    fn broken_text_is_refused_not_panicked_on() {
        let good = to_text(&crate::fixtures::story_owned());
        assert!(from_text::<Story>("").is_none());
        for cut in [1, 10, good.len() / 2, good.len() - 1] {
            let mut at = cut;
            while !good.is_char_boundary(at) {
                at -= 1;
            }
            assert!(from_text::<Story>(&good[..at]).is_none(), "cut at {cut}");
        }
        assert!(from_text::<Story>(&format!("{good}\nextra")).is_none());
        assert!(from_text::<Vec<u8>>("99999999999").is_none());
        assert!(from_text::<Unit>("99").is_none());
        assert!(from_text::<bool>("2").is_none());
        assert!(from_text::<f64>("12").is_none());
        assert!(from_text::<f64>("1e-99").is_none());
    }

    #[test]
    fn every_variant_of_every_enum_round_trips() {
        fn check<T: Encode + Decode + VariantArray + PartialEq + std::fmt::Debug>() {
            for v in T::VARIANTS {
                assert_eq!(from_text::<T>(&to_text(v)).as_ref(), Some(v));
            }
            assert_eq!(
                from_text::<T>(&T::VARIANTS.len().to_string()),
                None,
                "one past the end"
            );
        }
        check::<Lang>();
        check::<ChartKind>();
        check::<RegionKind>();
        check::<PlaceKind>();
        check::<FigureKind>();
        check::<Unit>();
        check::<Qualifier>();
        check::<Subject>();
        check::<Precision>();
        check::<Group>();
    }
}
