//! Reading the page's URL: language, theme, embed mode, where the timeline starts. Pure, so it is
//! tested natively.

use story::model::Lang;

/// The colour theme a URL asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the reader's `prefers-color-scheme` (the default).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The value of `<html data-theme>` (`None` for auto).
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    /// Whether the graphic is dark, given what the reader's system prefers.
    pub fn is_dark(self, system_prefers_dark: bool) -> bool {
        match self {
            Theme::Auto => system_prefers_dark,
            Theme::Light => false,
            Theme::Dark => true,
        }
    }
}

/// Options a URL query can set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlOptions {
    /// `?lang=zh|en`; anything else keeps the default (Chinese).
    pub lang: Lang,
    /// `?start=latest`: open the timeline at the newest milestone.
    pub start_latest: bool,
    /// `?theme=light|dark|auto`.
    pub theme: Theme,
    /// `?embed=1`: inside another page's iframe, without the page's own headline and padding,
    /// reporting its height to the parent.
    pub embed: bool,
    /// `?bg=transparent`: no page background (for hosts with their own).
    pub transparent: bool,
    /// `?id=<name>`: the embed's name in its messages to the host page (letters, digits, `-`, `_`,
    /// at most 40).
    pub frame_id: Option<String>,
}

fn is_true(value: &str) -> bool {
    TRUE_WORDS.contains(&value.to_ascii_lowercase().as_str())
}

/// The query's options in one table: each key, the values it takes (a frame's name takes any
/// that [`story::ids::is_frame_id`] accepts), and whether `static/head.js` applies it before the
/// first paint. [`parse_query`] reads them, and a native test checks the scripts against it.
pub const QUERY_OPTIONS: [(&str, &[&str], bool); 6] = [
    ("lang", &["zh", "en"], true),
    ("theme", &["light", "dark", "auto"], true),
    ("embed", &TRUE_WORDS, true),
    ("bg", &["transparent"], true),
    ("start", &["latest"], false),
    ("id", &[], false),
];

/// The values that turn a yes-or-no option on (any case; a bare key counts).
pub const TRUE_WORDS: [&str; 4] = ["1", "true", "yes", ""];

/// Parses a query string (with or without the leading `?`). Unknown keys and bad values are ignored.
pub fn parse_query(query: &str) -> UrlOptions {
    let mut options = UrlOptions::default();
    for pair in query.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key == "start" && value.eq_ignore_ascii_case("latest") {
            options.start_latest = true;
        }
        match (key, value.to_ascii_lowercase().as_str()) {
            ("lang", "en") => options.lang = Lang::En,
            ("lang", "zh") => options.lang = Lang::Zh,
            ("theme", "light") => options.theme = Theme::Light,
            ("theme", "dark") => options.theme = Theme::Dark,
            ("theme", "auto") => options.theme = Theme::Auto,
            ("embed", v) => options.embed = is_true(v),
            ("bg", "transparent") => options.transparent = true,
            ("id", _) if story::ids::is_frame_id(value) => {
                options.frame_id = Some(value.to_owned())
            }
            _ => {}
        }
    }
    options
}

/// The milestone id a URL hash names (`#m=<id>`), if it is well formed
/// ([`story::ids::is_milestone_id`]). Whether the id exists is for the caller to check.
pub fn parse_hash(hash: &str) -> Option<String> {
    let body = hash.strip_prefix('#').unwrap_or(hash);
    let id = body.split('&').find_map(|part| part.strip_prefix("m="))?;
    story::ids::is_milestone_id(id).then(|| id.to_owned())
}

/// The hash that names a milestone.
pub fn hash_for(id: &str) -> String {
    format!("#m={id}")
}

pub use story::data::{asset_prefix, page_path};

/// The query that keeps a visit's options (embed, theme, background, frame id, start) on the other
/// language's page; `lang` itself is the page, so it is not repeated.
pub fn query_for(options: &UrlOptions) -> String {
    let mut parts = Vec::new();
    if options.embed {
        parts.push("embed=1".to_owned());
    }
    if let Some(id) = &options.frame_id {
        parts.push(format!("id={id}"));
    }
    if let Some(theme) = options.theme.attribute() {
        parts.push(format!("theme={theme}"));
    }
    if options.transparent {
        parts.push("bg=transparent".to_owned());
    }
    if options.start_latest {
        parts.push("start=latest".to_owned());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_embed_and_frame_id_come_from_the_query() {
        let o = parse_query("?embed=1&theme=dark&bg=transparent&id=article-2&lang=en");
        assert!(o.embed && o.transparent);
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(o.frame_id.as_deref(), Some("article-2"));
        assert_eq!(o.lang, Lang::En);
        let o = parse_query("?theme=LIGHT&embed=0&id=<script>");
        assert_eq!((o.theme, o.embed, o.frame_id), (Theme::Light, false, None));
        assert_eq!(parse_query("?theme=sepia").theme, Theme::Auto);
        assert!(parse_query("?embed").embed);
        assert!(
            Theme::Auto.is_dark(true) && !Theme::Light.is_dark(true) && Theme::Dark.is_dark(false)
        );
        assert_eq!(Theme::Auto.attribute(), None);
    }

    #[test]
    fn every_option_of_the_table_is_read() {
        for (key, values, _) in QUERY_OPTIONS {
            for value in values.iter().filter(|v| !matches!(**v, "zh" | "auto")) {
                let query = format!("?{key}={value}");
                assert_ne!(parse_query(&query), UrlOptions::default(), "{query}");
            }
        }
        assert_ne!(parse_query("?id=article-2"), UrlOptions::default());
        assert_eq!(parse_query("?id=<x>"), UrlOptions::default());
    }

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
            let o = parse_query(&s);
            proptest::prop_assert_eq!(parse_query(&query_for(&o)), UrlOptions { lang: Lang::Zh, ..o });
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
        assert_eq!(page_path(Lang::Zh, Lang::En), "en/");
        assert_eq!(page_path(Lang::En, Lang::Zh), "../");
        assert_eq!(
            (asset_prefix(Lang::Zh), asset_prefix(Lang::En)),
            ("", "../")
        );
        assert_eq!(query_for(&UrlOptions::default()), "");
        let o = parse_query("?lang=en&embed=1&theme=dark&bg=transparent&id=a-1&start=latest&x=2");
        assert_eq!(
            query_for(&o),
            "?embed=1&id=a-1&theme=dark&bg=transparent&start=latest"
        );
        assert_eq!(
            parse_query(&query_for(&o)),
            UrlOptions {
                lang: Lang::Zh,
                ..o
            }
        );
    }
}
