//! Reading the page's URL: which language to start in. Pure, so it is tested natively.

use crate::model::Lang;

/// Options a URL query can set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UrlOptions {
    /// `?lang=zh|en`; anything else keeps the default (Chinese).
    pub lang: Lang,
    /// `?start=latest`: open the timeline at the newest milestone.
    pub start_latest: bool,
}

/// Parses a query string (with or without the leading `?`). Unknown keys and bad values are ignored.
pub fn parse_query(query: &str) -> UrlOptions {
    let mut options = UrlOptions::default();
    for pair in query.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key == "start" && value.eq_ignore_ascii_case("latest") {
            options.start_latest = true;
        }
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

/// The milestone id a URL hash names (`#m=<id>`), if it is well formed: lowercase letters, digits
/// and `-`, at most 64 characters. Whether the id exists is for the caller to check.
pub fn parse_hash(hash: &str) -> Option<String> {
    let body = hash.strip_prefix('#').unwrap_or(hash);
    let id = body.split('&').find_map(|part| part.strip_prefix("m="))?;
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ok.then(|| id.to_owned())
}

/// The hash that names a milestone.
pub fn hash_for(id: &str) -> String {
    format!("#m={id}")
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
    fn start_latest_comes_from_the_query() {
        assert!(parse_query("?start=latest").start_latest);
        assert!(parse_query("?lang=en&start=LATEST").start_latest);
        assert!(!parse_query("?start=first").start_latest);
    }

    #[test]
    fn hashes_name_milestones() {
        for (hash, id) in [
            ("#m=approval", Some("approval")),
            ("m=idea-2018", Some("idea-2018")),
            ("#x=1&m=railway-opens", Some("railway-opens")),
            ("#m=", None),
            ("#m=Approval", None),
            ("#m=<script>", None),
            ("#approval", None),
            ("", None),
            ("#", None),
        ] {
            assert_eq!(parse_hash(hash).as_deref(), id, "{hash}");
        }
        assert_eq!(
            parse_hash(&hash_for("approval")).as_deref(),
            Some("approval")
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_hash_or_query_parses_without_panicking(s in "\\PC*") {
            let _ = parse_hash(&s);
            let _ = parse_query(&s);
            let _ = with_lang(&s, Lang::En);
        }

        #[test]
        fn well_formed_ids_round_trip(id in "[a-z0-9-]{1,64}") {
            proptest::prop_assert_eq!(parse_hash(&hash_for(&id)), Some(id));
        }

        #[test]
        fn parsed_ids_are_always_safe(s in "#m=.{0,80}") {
            if let Some(id) = parse_hash(&s) {
                proptest::prop_assert!(id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            }
        }
    }

    #[test]
    fn switching_language_keeps_other_keys() {
        assert_eq!(with_lang("?embed=1&lang=zh", Lang::En), "?embed=1&lang=en");
        assert_eq!(with_lang("", Lang::Zh), "?lang=zh");
    }
}
