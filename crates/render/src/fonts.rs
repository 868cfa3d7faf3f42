//! The page's font stacks, stated once: system fonts only, no web fonts. The style sheet's
//! `--latin-sans` and `--cjk-sans` are these (a native test in `tools::style` compares them), and
//! the charts' text is set in them ([`FIGURES`]).
//!
//! Chinese: the CJK system fonts first (macOS/iOS PingFang, Windows Microsoft YaHei, Android and
//! Linux Noto Sans CJK / Source Han). English: the Latin system fonts first (SF via
//! -apple-system, Segoe UI, Roboto, Helvetica Neue/Arial, Noto Sans and DejaVu Sans on Linux), CJK
//! only for Chinese names.

macro_rules! latin_sans {
    () => {
        "-apple-system, BlinkMacSystemFont, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, \"Noto Sans\", \"Liberation Sans\", \"DejaVu Sans\""
    };
}

macro_rules! cjk_sans {
    () => {
        "\"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"Source Han Sans SC\""
    };
}

/// The Latin system sans-serif fonts (`--latin-sans`).
pub const LATIN_SANS: &str = latin_sans!();
/// The Chinese system sans-serif fonts (`--cjk-sans`).
pub const CJK_SANS: &str = cjk_sans!();
/// The stack for figures and the text set with them in the charts: the page's number font first
/// (`--font-num`, the Latin system fonts, whose digits are tabular), then the CJK stack for the
/// Chinese labels, as the page sets a figure beside its words. The charts' picture (SVG) and
/// canvas both use it, so their text sits on the same metrics.
pub const FIGURES: &str = concat!(latin_sans!(), ", ", cjk_sans!(), ", sans-serif");
