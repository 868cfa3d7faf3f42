//! The page's font stacks, stated once: system fonts only, no web fonts. The style sheet's
//! `--latin-sans` and `--cjk-sans` are these (a native test in `tools::style` compares them), and
//! the charts' canvas text uses the same stack as the page's text in each language.
//!
//! Chinese: the CJK system fonts first (macOS/iOS PingFang, Windows Microsoft YaHei, Android and
//! Linux Noto Sans CJK / Source Han). English: the Latin system fonts first (SF via
//! -apple-system, Segoe UI, Roboto, Helvetica Neue/Arial, Noto Sans and DejaVu Sans on Linux), CJK
//! only for Chinese names.

use story::model::Lang;

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
/// The Chinese page's text (`--font-sans` under `:lang(zh)`).
pub const SANS_ZH: &str = concat!(cjk_sans!(), ", ", latin_sans!(), ", sans-serif");
/// The English page's text (`--font-sans` under `:lang(en)`).
pub const SANS_EN: &str = concat!(latin_sans!(), ", ", cjk_sans!(), ", sans-serif");

/// The page's text font stack in `lang`.
pub fn sans(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => SANS_ZH,
        Lang::En => SANS_EN,
    }
}
