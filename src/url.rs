//! Reading the page's URL: which language to start in. Pure, so it is tested natively.

use crate::model::Lang;

/// Options a URL query can set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UrlOptions {
    /// `?lang=zh|en`; anything else keeps the default (Chinese).
    pub lang: Lang,
}

/// Parses a query string (with or without the leading `?`). Unknown keys and bad values are ignored.
pub fn parse_query(query: &str) -> UrlOptions {
    let mut options = UrlOptions::default();
    for pair in query.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key == "lang" {
            match value.to_ascii_lowercase().as_str() {
                "en" => options.lang = Lang::En,
                "zh" => options.lang = Lang::Zh,
                _ => {}
            }
        }
    }
    options
}

/// The query string with `lang` set, other keys kept in order.
pub fn with_lang(query: &str, lang: Lang) -> String {
    let mut parts: Vec<String> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some("lang"))
        .map(str::to_owned)
        .collect();
    parts.push(format!("lang={}", lang.code()));
    format!("?{}", parts.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_comes_from_the_query() {
        for (q, lang) in [
            ("", Lang::Zh),
            ("?lang=en", Lang::En),
            ("lang=EN", Lang::En),
            ("?x=1&lang=zh", Lang::Zh),
            ("?lang=fr", Lang::Zh),
            ("?lang", Lang::Zh),
            ("?%%%&&==", Lang::Zh),
            ("?embed=1&lang=en&theme=dark", Lang::En),
        ] {
            assert_eq!(parse_query(q).lang, lang, "{q}");
        }
    }

    #[test]
    fn switching_language_keeps_other_keys() {
        assert_eq!(with_lang("?embed=1&lang=zh", Lang::En), "?embed=1&lang=en");
        assert_eq!(with_lang("", Lang::Zh), "?lang=zh");
    }
}
