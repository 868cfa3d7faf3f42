//! A reader for the compact binary that `build.rs` writes with postcard: the story and the map.
//!
//! The browser build decodes with this instead of serde: the derived `Deserialize` code (visitors,
//! field names, error messages) cost more than a quarter of the size budget's headroom. The format
//! is postcard's: unsigned integers as LEB128 varints, signed ones zigzagged, `f64` as 8
//! little-endian bytes, strings and sequences length-first, `Option` and `bool` as one byte, enum
//! variants by their index in declaration order, structs and arrays as their fields in order.
//! A native test decodes the embedded files both ways and compares.

use crate::geo::{Albers, Feature, MapData, View};
use crate::model::{
    Chart, ChartKind, ChartRow, Figure, FigureKind, FigureValue, Group, Lang, Meta, Milestone,
    PartialDate, Place, PlaceKind, Precision, Province, Qualifier, Region, RegionKind, Section,
    Source, Story, Subject, Text, Ui, Unit,
};
use std::collections::BTreeMap;

/// A cursor over the bytes.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    /// Whether every byte has been read.
    pub fn is_done(&self) -> bool {
        self.pos == self.bytes.len()
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let out = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(out)
    }

    fn byte(&mut self) -> Option<u8> {
        self.take(1).and_then(|b| b.first().copied())
    }

    fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..70).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.varint()?).ok()?;
        // A length can never exceed the bytes left (every item takes at least one byte).
        (n <= self.bytes.len() - self.pos).then_some(n)
    }
}

/// A type that can be read from the binary.
pub trait Decode: Sized {
    /// Reads one value, or `None` when the bytes do not hold one.
    fn decode(r: &mut Reader<'_>) -> Option<Self>;
}

/// Decodes a whole buffer: exactly one value and nothing after it.
pub fn from_bytes<T: Decode>(bytes: &[u8]) -> Option<T> {
    let mut r = Reader::new(bytes);
    let value = T::decode(&mut r)?;
    r.is_done().then_some(value)
}

impl Decode for u8 {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        r.byte()
    }
}

impl Decode for i32 {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let n = u32::try_from(r.varint()?).ok()?;
        Some(((n >> 1) as i32) ^ -((n & 1) as i32))
    }
}

impl Decode for f64 {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let b: [u8; 8] = r.take(8)?.try_into().ok()?;
        Some(f64::from_le_bytes(b))
    }
}

impl Decode for bool {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        match r.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Decode for String {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        let n = r.len()?;
        std::str::from_utf8(r.take(n)?).ok().map(str::to_owned)
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        match r.byte()? {
            0 => Some(None),
            1 => T::decode(r).map(Some),
            _ => None,
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

impl<T: Decode> Decode for [T; 2] {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        Some([T::decode(r)?, T::decode(r)?])
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

/// Structs: their fields, in declaration order.
macro_rules! decode_struct {
    ($($name:ident { $($field:ident),* $(,)? })*) => {$(
        impl Decode for $name {
            fn decode(r: &mut Reader<'_>) -> Option<Self> {
                Some($name { $($field: Decode::decode(r)?),* })
            }
        }
    )*};
}

/// Enums of unit variants: the variant's index, in declaration order.
macro_rules! decode_enum {
    ($($name:ident [ $($variant:ident),* $(,)? ])*) => {$(
        impl Decode for $name {
            fn decode(r: &mut Reader<'_>) -> Option<Self> {
                const ALL: &[$name] = &[$($name::$variant),*];
                ALL.get(usize::try_from(r.varint()?).ok()?).copied()
            }
        }
    )*};
}

decode_struct! {
    Text { zh, en }
    Story { meta, ui, provinces, regions, places, sections, figures, milestones, charts }
    ChartRow { figure, label }
    Chart { id, section, kind, title, note, rows, figure, years }
    Meta { kicker, title, dek, report_date, byline, photo_credit, graphic_credit, map_credit,
        map_approval_number, notes, sources }
    Source { id, name, url }
    Province { id, name }
    Region { id, code, province, kind, name, role, place }
    Place { id, province, kind, name, lon_deg, lat_deg, approximate, accuracy_m, region, role }
    Section { id, title, summary }
    Figure { id, section, kind, unit, value, qualifiers, subject, source, label }
    Milestone { id, date, precision, group, title, body, regions, places, sources }
    Albers { lon0_deg, lat0_deg, lat1_deg, lat2_deg }
    View { width, height, x_min_km, y_max_km, units_per_km }
    Feature { id, label, rings }
    MapData { projection, view, provinces, counties, outline, lakes }
}

decode_enum! {
    Lang [Zh, En]
    ChartKind [Bars, Pair, Compound]
    RegionKind [Base, County, CountyCity]
    PlaceKind [City, CountySeat, ZoneTown, Base]
    FigureKind [Rate, Count, Money, Area]
    Unit [Percent, Km2, Mu, YiCny, WanCny, YiUsd, Item, Firm, Person, Member, Time, Event,
        Session, Case]
    Qualifier [MoreThan, AnnualAverage, Cumulative, Since2025, FirstEver, AtLeast]
    Subject [Zone, Plenum]
    Precision [Year, Month, Day]
    Group [Policy, Infrastructure, Projects, Events]
}

impl Decode for Ui {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        BTreeMap::decode(r).map(Ui)
    }
}

/// Written as its `YYYY[-MM[-DD]]` string.
impl Decode for PartialDate {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        String::decode(r)?.parse().ok()
    }
}

/// Tagged: 0 and one number, or 1 and two.
impl Decode for FigureValue {
    fn decode(r: &mut Reader<'_>) -> Option<Self> {
        match r.varint()? {
            0 => f64::decode(r).map(FigureValue::Single),
            1 => Some(FigureValue::Pair {
                before: f64::decode(r)?,
                after: f64::decode(r)?,
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_files_decode_as_the_json_parses() {
        let story: Story = from_bytes(crate::data::STORY_POSTCARD).unwrap();
        assert_eq!(story, crate::data::parse(crate::data::STORY_JSON).unwrap());
        let map: MapData = from_bytes(crate::geo::MAP_POSTCARD).unwrap();
        assert_eq!(map, crate::geo::map_data().unwrap());
    }

    #[test]
    fn values_round_trip_through_postcard() {
        for v in [0i32, 1, -1, 63, -64, 300, -300, i32::MAX, i32::MIN] {
            let bytes = postcard::to_allocvec(&v).unwrap();
            assert_eq!(from_bytes::<i32>(&bytes), Some(v));
        }
        let bytes =
            postcard::to_allocvec(&(Some("长合区".to_owned()), vec![1.5f64, -2.25])).unwrap();
        let mut r = Reader::new(&bytes);
        assert_eq!(
            Option::<String>::decode(&mut r),
            Some(Some("长合区".to_owned()))
        );
        assert_eq!(Vec::<f64>::decode(&mut r), Some(vec![1.5, -2.25]));
        assert!(r.is_done());
    }

    #[test]
    fn broken_bytes_are_refused_not_panicked_on() {
        let good = crate::data::STORY_POSTCARD;
        assert!(from_bytes::<Story>(&[]).is_none());
        for cut in [1, 10, good.len() / 2, good.len() - 1] {
            assert!(from_bytes::<Story>(&good[..cut]).is_none(), "cut at {cut}");
        }
        let mut extra = good.to_vec();
        extra.push(0);
        assert!(from_bytes::<Story>(&extra).is_none());
        // A length far beyond the data, and an unknown enum index.
        assert!(from_bytes::<Vec<u8>>(&[0xff, 0xff, 0xff, 0x0f]).is_none());
        assert!(from_bytes::<Unit>(&[99]).is_none());
        assert!(from_bytes::<bool>(&[2]).is_none());
    }
}
