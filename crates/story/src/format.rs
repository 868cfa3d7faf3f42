//! Numbers, units, qualifiers and dates per language: the one place that decides how a figure reads.
//!
//! Values are shown exactly as the report gives them: no rounding, no added decimals. Chinese keeps
//! the report's units (亿元, 万元, 亩, 平方公里, measure words); English converts money to millions or
//! billions by moving the decimal point (exact, never through floating-point multiplication) and
//! adds thousands separators. Conversions that are not exact (mu to hectares) are marked with "≈"
//! and state their factor.

use crate::model::{FigureValue, Lang, PartialDate, Qualifier, Story, Ui, Unit};

/// A formatted value, split so that the number can be animated and styled on its own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Formatted {
    /// A word before everything, e.g. "more than" / "超过" (may be empty).
    pub lead: String,
    /// Currency sign before the number, e.g. "¥" or "US$" (may be empty).
    pub prefix: String,
    /// The digits, with separators and decimal point as the language writes them.
    pub number: String,
    /// The unit after the number, e.g. "%", " million", "亿元" (may be empty).
    pub suffix: String,
    /// A conversion note, e.g. "≈ 120 ha (1 mu = 1/15 ha)" (may be empty).
    pub note: String,
}

impl Formatted {
    /// The whole value as one string (lead, prefix, number, suffix; no note).
    pub fn text(&self) -> String {
        let mut s = String::new();
        if !self.lead.is_empty() {
            s.push_str(&self.lead);
            if self.lead.is_ascii() {
                s.push(' ');
            }
        }
        s.push_str(&self.prefix);
        s.push_str(&self.number);
        s.push_str(&self.suffix);
        s
    }
}

/// The shortest decimal string of `v` (as the data file writes it), e.g. `24.5`, `1800`.
///
/// The fewest decimals (at most nine) that give `v` back exactly, written with integer arithmetic
/// ([`fixed`]): the data's values are short decimals, and the browser build carries no float
/// formatting (tested equal to Rust's `{}` on every value of the story and on generated decimals).
pub fn decimal(v: f64) -> String {
    for places in 0..=9 {
        let scale = 10f64.powi(places);
        let n = (v * scale).round();
        if n.abs() < 9.0e15 && n / scale == v {
            return fixed(v, places.unsigned_abs());
        }
    }
    fixed(v, 9)
}

/// Moves the decimal point of a decimal string `places` to the right (left if negative), exactly.
pub fn shift_decimal(s: &str, places: i32) -> String {
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits: String = format!("{int}{frac}");
    let point = int.len() as i64 + i64::from(places);
    let (int_part, frac_part) = if point <= 0 {
        let zeros = "0".repeat(point.unsigned_abs() as usize);
        ("0".to_owned(), format!("{zeros}{digits}"))
    } else if point as usize >= digits.len() {
        let zeros = "0".repeat(point as usize - digits.len());
        (format!("{digits}{zeros}"), String::new())
    } else {
        // Checked, so that no panicking slice (and its message formatting) reaches the browser.
        let (int, frac) = digits
            .split_at_checked(point as usize)
            .unwrap_or((&digits, ""));
        (int.to_owned(), frac.to_owned())
    };
    let int_part = int_part.trim_start_matches('0');
    let int_part = if int_part.is_empty() { "0" } else { int_part };
    let frac_part = frac_part.trim_end_matches('0');
    let body = if frac_part.is_empty() {
        int_part.to_owned()
    } else {
        format!("{int_part}.{frac_part}")
    };
    if negative && body != "0" {
        format!("-{body}")
    } else {
        body
    }
}

/// `v` with exactly `decimals` decimals, rounded half away from zero (for SVG attributes and
/// derived values). Integer arithmetic only, so the browser build needs no float-formatting
/// machinery for it; non-finite values read as 0.
pub fn fixed(v: f64, decimals: u32) -> String {
    let scale = 10u64.pow(decimals.min(9));
    let n = (v * scale as f64).round();
    if !n.is_finite() || n.abs() >= 9.0e15 {
        return "0".to_owned();
    }
    let negative = n < 0.0;
    let a = n.abs() as u64;
    let mut out = String::new();
    if negative && a != 0 {
        out.push('-');
    }
    out.push_str(&(a / scale).to_string());
    if decimals > 0 {
        let frac = (a % scale).to_string();
        out.push('.');
        for _ in frac.len()..decimals.min(9) as usize {
            out.push('0');
        }
        out.push_str(&frac);
    }
    out
}

/// The fewest decimals (at most nine) that write `v` exactly, as [`decimal`] writes it.
fn places(v: f64) -> u32 {
    (0..=9u32)
        .find(|p| {
            let scale = 10f64.powi(*p as i32);
            let n = (v * scale).round();
            n.abs() < 9.0e15 && n / scale == v
        })
        .unwrap_or(9)
}

/// `after − before`, exact: both values at the finer of their two decimal scales, subtracted as
/// integers, so 2.1 → 2.3 is `0.2` (never the float `0.19999999999999973`). The result is a value
/// [`decimal`] writes back as the same short decimal.
pub fn difference(before: f64, after: f64) -> f64 {
    let p = places(before).max(places(after));
    let scale = 10f64.powi(p as i32);
    let diff = (after * scale).round() - (before * scale).round();
    diff / scale
}

/// The change of a before → after pair, signed and labelled derived: "变化：+300万元（推算）",
/// "Change: −0.2% (derived)". A fall reads with a minus sign (U+2212), never "+-"; no change reads 0.
pub fn pair_change(before: f64, after: f64, unit: Unit, ui: &Ui, lang: Lang) -> String {
    let d = difference(before, after);
    let sign = if d > 0.0 {
        "+"
    } else if d < 0.0 {
        "\u{2212}"
    } else {
        ""
    };
    let amount = value(d.abs(), unit, ui, lang).text();
    let gap = if lang == Lang::En { " " } else { "" };
    format!(
        "{}{}{sign}{amount}{gap}{}",
        ui.change().get(lang),
        colon(lang),
        bracketed(ui.derived().get(lang), lang)
    )
}

/// A section's number as the heading sets it, two digits at least: `01` … `09`, `10`, `11`.
pub fn section_number(index: usize) -> String {
    format!("{:02}", index + 1)
}

/// Adds thousands separators to the integer part of a decimal string (English style).
pub fn group_thousands(s: &str) -> String {
    let (sign, s) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s),
    };
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// The number in the language's style: Chinese as the report writes it, English with separators.
pub fn number(v: f64, lang: Lang) -> String {
    match lang {
        Lang::Zh => decimal(v),
        Lang::En => group_thousands(&decimal(v)),
    }
}

/// Whether a decimal string (as [`shift_decimal`] writes it) is at least one in size.
fn at_least_one(s: &str) -> bool {
    let int = s.trim_start_matches('-').split('.').next().unwrap_or("");
    !int.trim_start_matches('0').is_empty()
}

/// English money: `value` in units of `scale_exp` (10^scale_exp of the currency), as millions or
/// billions (the scale words come from the story's copy), exactly.
fn english_money(value: f64, scale_exp: i32, prefix: &str, ui: &Ui) -> Formatted {
    let raw = decimal(value);
    let in_billions = shift_decimal(&raw, scale_exp - 9);
    let (number, suffix) = if at_least_one(&in_billions) {
        (in_billions, ui.scale_billion().en.as_str())
    } else {
        let in_millions = shift_decimal(&raw, scale_exp - 6);
        if at_least_one(&in_millions) {
            (in_millions, ui.scale_million().en.as_str())
        } else {
            (shift_decimal(&raw, scale_exp), "")
        }
    };
    Formatted {
        prefix: prefix.to_owned(),
        number: group_thousands(&number),
        suffix: suffix.to_owned(),
        ..Formatted::default()
    }
}

/// The story's word for a unit: the suffix in Chinese (亿元, 个, …), in English the suffix
/// (" km²", "%") or, for money, the currency sign; empty for English counts.
pub fn unit_word(unit: Unit, ui: &Ui) -> &crate::model::Text {
    match unit {
        Unit::Percent => ui.unit_percent(),
        Unit::Km2 => ui.unit_km2(),
        Unit::Mu => ui.unit_mu(),
        Unit::YiCny => ui.unit_yi_cny(),
        Unit::WanCny => ui.unit_wan_cny(),
        Unit::YiUsd => ui.unit_yi_usd(),
        Unit::Item => ui.unit_item(),
        Unit::Firm => ui.unit_firm(),
        Unit::Person => ui.unit_person(),
        Unit::Member => ui.unit_member(),
        Unit::Time => ui.unit_time(),
        Unit::Event => ui.unit_event(),
        Unit::Session => ui.unit_session(),
        Unit::Case => ui.unit_case(),
    }
}

/// Formats one value with its unit (no qualifiers). Chinese keeps the report's units; English
/// converts money to millions or billions by moving the decimal point, and gives mu a hectare note.
pub fn value(v: f64, unit: Unit, ui: &Ui, lang: Lang) -> Formatted {
    let word = unit_word(unit, ui).get(lang);
    let plain = |suffix: &str| Formatted {
        number: number(v, lang),
        suffix: suffix.to_owned(),
        ..Formatted::default()
    };
    match (lang, unit) {
        (Lang::En, Unit::YiCny | Unit::YiUsd) => english_money(v, 8, word, ui),
        (Lang::En, Unit::WanCny) => english_money(v, 4, word, ui),
        (Lang::En, Unit::Mu) => {
            let hectares = v / 15.0;
            let rounded = (hectares * 10.0).round() / 10.0;
            let approx = if (hectares - rounded).abs() < 1e-9 {
                "="
            } else {
                "≈"
            };
            Formatted {
                note: fill(
                    ui.mu_hectares().get(lang),
                    &[("approx", approx), ("ha", &number(rounded, Lang::En))],
                ),
                ..plain(word)
            }
        }
        _ => plain(word),
    }
}

/// Formats a figure's value with its qualifiers: "more than" or "at least" leads the number; the
/// period qualifiers are returned by [`period_line`] for a separate line.
pub fn figure_value(
    v: f64,
    unit: Unit,
    qualifiers: &[Qualifier],
    ui: &Ui,
    lang: Lang,
) -> Formatted {
    let mut f = value(v, unit, ui, lang);
    if let Some(q) = qualifiers.iter().find(|q| q.is_lead()) {
        f.lead = qualifier_label(*q, ui, lang).to_owned();
    }
    f
}

/// The words for a qualifier, from the story's interface copy.
pub fn qualifier_label(q: Qualifier, ui: &Ui, lang: Lang) -> &str {
    match q {
        Qualifier::MoreThan => ui.qualifier_more_than(),
        Qualifier::AnnualAverage => ui.qualifier_annual_average(),
        Qualifier::Cumulative => ui.qualifier_cumulative(),
        Qualifier::SinceYearStart => ui.qualifier_since_year_start(),
        Qualifier::FirstEver => ui.qualifier_first_ever(),
        Qualifier::AtLeast => ui.qualifier_at_least(),
    }
    .get(lang)
}

/// The period qualifiers of a figure (all but "more than" and "at least"), joined for one line.
pub fn period_line(qualifiers: &[Qualifier], ui: &Ui, lang: Lang) -> String {
    let words: Vec<&str> = qualifiers
        .iter()
        .filter(|q| !q.is_lead())
        .map(|q| qualifier_label(*q, ui, lang))
        .collect();
    words.join(match lang {
        Lang::Zh => "，",
        Lang::En => "; ",
    })
}

/// A place name with its name in the other language in brackets: "Changxing (长兴县)",
/// "长兴县（Changxing）".
pub fn with_other_name(name: &crate::model::Text, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {}", name.en, bracketed(&name.zh, lang)),
        Lang::Zh => format!("{}{}", name.zh, bracketed(&name.en, lang)),
    }
}

/// `text` in the language's brackets: full-width in Chinese, `(…)` in English.
pub fn bracketed(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（{text}）"),
        Lang::En => format!("({text})"),
    }
}

/// Fills `{key}` placeholders in a template from the story's copy. Unknown keys stay as they are.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    // One pass over the template (no substring search: it keeps the browser build smaller).
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((head, after)) = rest.split_once('{') {
        out.push_str(head);
        match after.split_once('}') {
            Some((key, tail)) => {
                match values.iter().find(|(k, _)| *k == key) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = tail;
            }
            None => {
                out.push('{');
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A date at its own precision (never a made-up day or month), from the story's date patterns
/// (`{y}`, `{m}`, `{d}`, `{month}`) and month names.
pub fn date(d: &PartialDate, ui: &Ui, lang: Lang) -> String {
    let y = d.year.to_string();
    let m = d.month.map(|m| m.to_string()).unwrap_or_default();
    let day = d.day.map(|d| d.to_string()).unwrap_or_default();
    let month = d
        .month
        .and_then(|m| {
            ui.month_names()
                .get(lang)
                .split(',')
                .nth(usize::from(m).wrapping_sub(1))
        })
        .unwrap_or("")
        .trim();
    let pattern = match (d.month, d.day) {
        (Some(_), Some(_)) => ui.date_day(),
        (Some(_), None) => ui.date_month(),
        _ => ui.date_year(),
    };
    fill(
        pattern.get(lang),
        &[("y", &y), ("m", &m), ("d", &day), ("month", month)],
    )
}

/// A figure's value as a reader sees it, with a "before → after" pair and any conversion note.
pub fn figure_text(story: &Story, id: &str, lang: Lang) -> String {
    let Some(f) = story.figures.iter().find(|f| f.id == id) else {
        return String::new();
    };
    let one = |v: f64| {
        let x = figure_value(v, f.unit, &f.qualifiers, &story.ui, lang);
        if x.note.is_empty() {
            x.text()
        } else {
            format!("{} ({})", x.text(), x.note)
        }
    };
    match f.value {
        FigureValue::Single(v) => one(v),
        FigureValue::Pair { before, after } => format!("{} → {}", one(before), one(after)),
    }
}

/// The colon between a label and its text: full-width in Chinese, `": "` in English.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

/// The separator between a name and what qualifies it ("长兴县，浙江" / "Changxing, Zhejiang").
pub fn name_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "，",
        Lang::En => ", ",
    }
}

/// The separator between items of a list that may hold commas: `"；"` or `"; "`.
pub fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    }
}

/// The term a context figure counts, with its quotes: "“科技”" in "二十届四中全会公报提及“科技”"
/// (the first run in curly double quotes), or `None` when the label quotes nothing.
pub fn quoted_term(label: &str) -> Option<&str> {
    let start = label.find('\u{201c}')?;
    let rest = label.get(start..)?;
    let len = rest.find('\u{201d}')? + '\u{201d}'.len_utf8();
    rest.get(..len)
}

/// A Chinese headline cut where a line may break: after full-width punctuation and before an
/// opening quote, so that with `word-break: keep-all` the lines break only there, in every
/// engine. Other text comes back whole.
pub fn break_points(text: &str, lang: Lang) -> Vec<&str> {
    if lang != Lang::Zh {
        return vec![text];
    }
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let cut = match c {
            '\u{201c}' | '\u{300a}' => Some(i),
            '：' | '，' | '、' | '；' | '。' | '？' | '！' => Some(i + c.len_utf8()),
            _ => None,
        };
        if let Some(part) = cut
            .filter(|&cut| cut > start && cut < text.len())
            .and_then(|cut| text.get(start..cut))
        {
            parts.push(part);
            start += part.len();
        }
    }
    parts.extend(text.get(start..));
    parts
}

/// The separator between items of one enumeration ("“科技”10次、“创新”8次" / "…, …").
pub fn enumeration_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    }
}

/// A source as the page cites it beside a figure, chart or milestone: its short citation where
/// it has one (the foot and the text version give the full names); empty for an unknown id.
pub fn short_source<'a>(story: &'a Story, id: &str, lang: Lang) -> &'a str {
    match story.meta.sources.iter().find(|s| s.id == id) {
        Some(s) if !s.short.get(lang).is_empty() => s.short.get(lang),
        Some(s) => s.name.get(lang),
        None => "",
    }
}

/// The names of sources by id, joined by the language's list separator (unknown ids are left
/// out; validation rules them out).
pub fn source_names<S: AsRef<str>>(story: &Story, ids: &[S], lang: Lang) -> String {
    let names: Vec<&str> = ids
        .iter()
        .filter_map(|id| story.meta.sources.iter().find(|s| s.id == id.as_ref()))
        .map(|s| s.name.get(lang))
        .collect();
    names.join(list_separator(lang))
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::model::Text;

    /// A story's interface words without this year's story: the fixture's table with the two
    /// words these tests read set here.
    fn pair_ui() -> Ui {
        let mut ui = ui();
        ui.set(
            "change",
            Text {
                zh: "变化".into(),
                en: "Change".into(),
            },
        );
        ui.set(
            "derived",
            Text {
                zh: "推算".into(),
                en: "derived".into(),
            },
        );
        ui
    }

    #[test]
    fn a_rising_pair_reads_plus_and_derived_in_each_language() {
        let ui = pair_ui();
        assert_eq!(
            pair_change(340.0, 640.0, Unit::WanCny, &ui, Lang::Zh),
            "变化：+300万元（推算）"
        );
        assert_eq!(
            pair_change(340.0, 640.0, Unit::Percent, &ui, Lang::En),
            "Change: +300% (derived)"
        );
    }

    #[test]
    fn a_falling_pair_reads_minus_never_plus_minus() {
        let ui = pair_ui();
        let zh = pair_change(640.0, 340.0, Unit::Percent, &ui, Lang::Zh);
        let en = pair_change(640.0, 340.0, Unit::Percent, &ui, Lang::En);
        assert_eq!(zh, "变化：\u{2212}300%（推算）");
        assert_eq!(en, "Change: \u{2212}300% (derived)");
        for s in [zh, en] {
            assert!(
                !s.contains("+-") && !s.contains("+\u{2212}") && !s.contains('-'),
                "{s}"
            );
        }
        assert_eq!(
            pair_change(5.0, 5.0, Unit::Percent, &ui, Lang::En),
            "Change: 0% (derived)"
        );
    }

    #[test]
    fn a_one_decimal_change_is_exact() {
        let ui = pair_ui();
        assert_eq!(decimal(difference(2.1, 2.3)), "0.2");
        assert_eq!(decimal(difference(0.1, 0.3)), "0.2");
        assert_eq!(decimal(difference(2.3, 2.1)), "-0.2");
        assert_eq!(decimal(difference(1.25, 3.5)), "2.25");
        assert_eq!(decimal(difference(99.9, 100.0)), "0.1");
        assert_eq!(
            pair_change(2.1, 2.3, Unit::Percent, &ui, Lang::Zh),
            "变化：+0.2%（推算）"
        );
        assert_eq!(
            pair_change(2.3, 2.1, Unit::Percent, &ui, Lang::En),
            "Change: \u{2212}0.2% (derived)"
        );
        assert_eq!(
            pair_change(2.1, 2.3, Unit::YiCny, &ui, Lang::En),
            "Change: +¥20 million (derived)"
        );
    }

    #[test]
    fn the_tenth_section_is_10_not_010() {
        let numbers: Vec<String> = (0..12).map(section_number).collect();
        assert_eq!(numbers[0], "01");
        assert_eq!(numbers[8], "09");
        assert_eq!(numbers[9], "10");
        assert_eq!(numbers[11], "12");
    }
    use crate::model::Unit::*;
    use strum::VariantArray;

    fn ui() -> Ui {
        crate::fixtures::story().ui.clone()
    }

    #[test]
    fn chinese_headlines_break_at_punctuation_and_before_quotes() {
        assert_eq!(
            break_points("长合区四岁：沪苏浙皖交界处的“长三角之心”", Lang::Zh),
            ["长合区四岁：", "沪苏浙皖交界处的", "“长三角之心”"]
        );
        assert_eq!(break_points("“引号”开头，", Lang::Zh), ["“引号”开头，"]);
        assert_eq!(
            break_points("Four years: the heart", Lang::En),
            ["Four years: the heart"]
        );
    }

    #[test]
    fn a_context_figure_names_its_quoted_term() {
        assert_eq!(quoted_term("二十届四中全会公报提及“科技”"), Some("“科技”"));
        assert_eq!(
            quoted_term("Mentions of “innovation” in the communiqué"),
            Some("“innovation”")
        );
        assert_eq!(quoted_term("no “closing quote"), None);
        assert_eq!(quoted_term("none"), None);
    }

    #[test]
    fn decimals_shift_exactly() {
        for (s, places, want) in [
            ("2.1", 2, "210"),
            ("147", -1, "14.7"),
            ("340", -2, "3.4"),
            ("0.5", 1, "5"),
            ("5", -3, "0.005"),
            ("1800", 0, "1800"),
            ("24.5", 0, "24.5"),
            ("-1.25", 1, "-12.5"),
        ] {
            assert_eq!(shift_decimal(s, places), want, "{s} shifted {places}");
        }
    }

    #[test]
    fn fixed_decimals_match_the_standard_formatting() {
        for (v, d, want) in [
            (0.0, 1, "0.0"),
            (240.2577500625, 1, "240.3"),
            (155.0025, 1, "155.0"),
            (-1.23456, 3, "-1.235"),
            (-0.0001, 2, "0.00"),
            (12.0, 0, "12"),
            (0.5, 3, "0.500"),
            (f64::NAN, 2, "0"),
        ] {
            assert_eq!(fixed(v, d), want, "{v} to {d}");
        }
        // Away from exact ties (where binary floats round either way), it is `{:.1}`.
        for i in -2000..2000 {
            let v = f64::from(i) * 0.731 + 0.0131;
            assert_eq!(fixed(v, 1), format!("{v:.1}"), "{v}");
        }
    }

    #[test]
    fn thousands_are_grouped() {
        for (s, want) in [
            ("1800", "1,800"),
            ("339", "339"),
            ("1234567.25", "1,234,567.25"),
        ] {
            assert_eq!(group_thousands(s), want);
        }
    }

    #[test]
    fn every_unit_formats_in_both_languages() {
        let ui = ui();
        let table: [(f64, Unit, &str, &str); 16] = [
            (24.5, Percent, "24.5%", "24.5%"),
            (86.9, Km2, "86.9平方公里", "86.9 km²"),
            (1800.0, Mu, "1800亩", "1,800 mu"),
            (147.0, YiCny, "147亿元", "¥14.7 billion"),
            (3.0, YiCny, "3亿元", "¥300 million"),
            (340.0, WanCny, "340万元", "¥3.4 million"),
            (2.1, YiUsd, "2.1亿美元", "US$210 million"),
            (67.0, Item, "67个", "67"),
            (51.0, Firm, "51家", "51"),
            (3000.0, Person, "3000人", "3,000"),
            (53.0, Member, "53名", "53"),
            (10.0, Time, "10次", "10"),
            (9.0, Event, "9场", "9"),
            (152.0, Session, "152期", "152"),
            (350.0, Case, "350件", "350"),
            (0.5, WanCny, "0.5万元", "¥5,000"),
        ];
        for (v, unit, zh, en) in table {
            assert_eq!(value(v, unit, &ui, Lang::Zh).text(), zh, "{v} {unit:?} zh");
            assert_eq!(value(v, unit, &ui, Lang::En).text(), en, "{v} {unit:?} en");
        }
        // Every unit appears in the table above.
        for &unit in Unit::VARIANTS {
            assert!(
                table.iter().any(|row| row.1 == unit),
                "{unit:?} not covered"
            );
        }
    }

    #[test]
    fn mu_states_its_conversion() {
        let ui = ui();
        assert_eq!(
            value(1800.0, Mu, &ui, Lang::En).note,
            "= 120 ha (1 mu = 1/15 ha)"
        );
        assert_eq!(
            value(1000.0, Mu, &ui, Lang::En).note,
            "≈ 66.7 ha (1 mu = 1/15 ha)"
        );
        assert_eq!(value(1800.0, Mu, &ui, Lang::Zh).note, "");
    }

    #[test]
    fn qualifiers_read_in_both_languages() {
        let ui = ui();
        let f = figure_value(
            32.0,
            Percent,
            &[Qualifier::MoreThan, Qualifier::AnnualAverage],
            &ui,
            Lang::En,
        );
        assert_eq!(f.text(), "more than 32%");
        let f = figure_value(32.0, Percent, &[Qualifier::MoreThan], &ui, Lang::Zh);
        assert_eq!(f.text(), "超过32%");
        assert_eq!(
            period_line(
                &[Qualifier::MoreThan, Qualifier::AnnualAverage],
                &ui,
                Lang::En
            ),
            "4-year average"
        );
        assert_eq!(
            period_line(
                &[Qualifier::MoreThan, Qualifier::SinceYearStart],
                &ui,
                Lang::Zh
            ),
            "2025年以来"
        );
        for &q in Qualifier::VARIANTS {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!qualifier_label(q, &ui, lang).is_empty());
            }
        }
    }

    #[test]
    fn decimals_are_rusts_shortest_form_without_its_float_formatting() {
        let story = crate::fixtures::story();
        let values = story.figures.iter().flat_map(|f| f.value.numbers());
        for v in values.chain([
            0.0, -0.0, 1.0, 0.1, 0.07, 24.5, 2.1, 86.9, 1800.0, -3.25, 123456.789,
        ]) {
            let rust = format!("{v}");
            assert_eq!(
                decimal(v),
                if rust == "-0" { "0".to_owned() } else { rust },
                "{v}"
            );
        }
        for n in [-99_999_999i64, -7, 0, 1, 15, 245, 1_000_001, 987_654_321] {
            for places in 0..=6 {
                let v = n as f64 / 10f64.powi(places);
                assert_eq!(decimal(v), format!("{v}"), "{n}/10^{places}");
            }
        }
    }

    #[test]
    fn every_figure_of_the_story_formats_without_rounding() {
        let story = crate::fixtures::story();
        for f in &story.figures {
            for v in f.value.numbers() {
                let zh = figure_value(v, f.unit, &f.qualifiers, &story.ui, Lang::Zh);
                assert_eq!(
                    zh.number,
                    decimal(v),
                    "{} keeps the report's digits in zh",
                    f.id
                );
                let en = figure_value(v, f.unit, &f.qualifiers, &story.ui, Lang::En);
                assert!(!en.number.is_empty(), "{}", f.id);
                assert!(en.text().is_ascii() || en.text().contains('¥') || en.text().contains('²'));
            }
        }
    }

    #[test]
    fn place_names_keep_the_other_language_in_brackets() {
        let name = crate::model::Text {
            zh: "长兴县".into(),
            en: "Changxing".into(),
        };
        assert_eq!(with_other_name(&name, Lang::En), "Changxing (长兴县)");
        assert_eq!(with_other_name(&name, Lang::Zh), "长兴县（Changxing）");
    }

    #[test]
    fn templates_are_filled() {
        assert_eq!(
            fill("{name} ~{km} km", &[("name", "Hefei"), ("km", "250")]),
            "Hefei ~250 km"
        );
        assert_eq!(fill("{x}", &[]), "{x}");
        let v = [("name", "上海"), ("km", "180")];
        for (template, want) in [
            ("{name} 约{km}公里", "上海 约180公里"),
            ("{km}{km}", "180180"),
            ("{name}{unknown}", "上海{unknown}"),
            ("open { brace", "open { brace"),
            ("no keys", "no keys"),
            ("", ""),
            ("{name", "{name"),
        ] {
            assert_eq!(fill(template, &v), want, "{template}");
        }
    }

    #[test]
    fn dates_keep_their_precision() {
        let table = [
            ("2021-11-06", "2021年11月6日", "6 November 2021"),
            ("2020-08", "2020年8月", "August 2020"),
            ("2018", "2018年", "2018"),
            ("2024-01", "2024年1月", "January 2024"),
        ];
        let ui = ui();
        for (raw, zh, en) in table {
            let d: PartialDate = raw.parse().unwrap();
            assert_eq!(date(&d, &ui, Lang::Zh), zh);
            assert_eq!(date(&d, &ui, Lang::En), en);
        }
    }

    /// Every figure of the story, as a reader sees it (id, Chinese, English, English period
    /// line): checked by hand against the report.
    const FIGURE_TABLE: &[(&str, &str, &str, &str)] = &[
        (
            "industrial-output-growth",
            "24.5%",
            "24.5%",
            "4-year average",
        ),
        (
            "fixed-asset-investment-growth",
            "超过32%",
            "more than 32%",
            "4-year average",
        ),
        (
            "manufacturing-investment-growth",
            "27.7%",
            "27.7%",
            "4-year average",
        ),
        ("budget-revenue-growth", "16%", "16%", "4-year average"),
        ("zone-area", "86.9平方公里", "86.9 km²", ""),
        ("projects-over-300m", "67个", "67", "4-year total"),
        ("projects-over-1bn", "22个", "22", "4-year total"),
        (
            "projects-over-5bn",
            "至少1个",
            "at least 1",
            "the first ever",
        ),
        ("foreign-investment", "2.1亿美元", "US$210 million", ""),
        (
            "output-per-mu",
            "340万元 → 640万元",
            "¥3.4 million → ¥6.4 million",
            "",
        ),
        ("inefficient-firms-closed", "40家", "40", "4-year total"),
        (
            "land-freed",
            "1800亩",
            "1,800 mu (= 120 ha (1 mu = 1/15 ha))",
            "4-year total",
        ),
        ("projects-grafted", "19个", "19", "4-year total"),
        ("plenum-technology-mentions", "10次", "10", ""),
        ("plenum-innovation-mentions", "8次", "8", ""),
        ("plenum-productive-forces-mentions", "2次", "2", ""),
        ("high-tech-enterprises", "51家", "51", ""),
        ("tech-smes", "339家", "339", ""),
        ("rnd-spending-growth", "13%", "13%", "4-year average"),
        (
            "tech-vice-president-agreements",
            "15个",
            "15",
            "4-year total",
        ),
        ("little-giants", "10家", "10", ""),
        ("provincial-specialised-smes", "48家", "48", ""),
        ("south-taihu-elite-projects", "14个", "14", "4-year total"),
        ("tech-talent-projects", "39个", "39", "4-year total"),
        ("national-high-level-talent", "3人", "3", ""),
        (
            "graduates-and-technicians",
            "超过3000人",
            "more than 3,000",
            "",
        ),
        ("investment-promotion-events", "9场", "9", ""),
        ("new-projects-2025", "9个", "9", "since the start of 2025"),
        (
            "annual-land-supply",
            "超过1000亩",
            "more than 1,000 mu (≈ 66.7 ha (1 mu = 1/15 ha))",
            "4-year average",
        ),
        (
            "contiguous-development-space",
            "超过1000亩",
            "more than 1,000 mu (≈ 66.7 ha (1 mu = 1/15 ha))",
            "",
        ),
        (
            "industry-fund",
            "超过147亿元",
            "more than ¥14.7 billion",
            "",
        ),
        (
            "coordination-meetings-2025",
            "6次",
            "6",
            "since the start of 2025",
        ),
        (
            "problems-solved-2025",
            "超过80个",
            "more than 80",
            "since the start of 2025",
        ),
        ("government-business-dialogues", "152期", "152", ""),
        ("firm-issues-resolved", "超过350件", "more than 350", ""),
        ("young-officials", "53名", "53", ""),
        ("projects-led-by-young-officials", "40个", "40", ""),
    ];

    /// Every figure reads as [`FIGURE_TABLE`] says, in both languages.
    #[test]
    fn every_figure_reads_as_the_table_says() {
        let table = FIGURE_TABLE.iter().copied();
        let story = crate::fixtures::story();
        assert_eq!(
            FIGURE_TABLE.len(),
            story.figures.len(),
            "one row per figure"
        );
        // As the cards and the text version word it (value, conversion note, before → after).
        let read = |f: &crate::model::Figure, lang| figure_text(&story, &f.id, lang);
        for (f, (id, zh, en, period)) in story.figures.iter().zip(table) {
            assert_eq!(f.id, id);
            assert_eq!(read(f, Lang::Zh), zh, "{id} zh");
            assert_eq!(read(f, Lang::En), en, "{id} en");
            assert_eq!(
                period_line(&f.qualifiers, &story.ui, Lang::En),
                period,
                "{id} period"
            );
        }
        // Every unit and qualifier the data uses is in the table.
        for &q in Qualifier::VARIANTS {
            assert!(
                story.figures.iter().any(|f| f.qualifiers.contains(&q)),
                "{q:?} is used by some figure"
            );
        }
    }
}
