//! The built page made into one page per language, with the graphic prerendered: `cargo run --bin
//! prerender` (Trunk's `post_build` hook) reads the `index.html` Trunk built and minified, and
//! writes `index.html` (Chinese) and `en/index.html` (English). Plain string work on the built
//! file, quoted or minified attributes alike; every step fails with a message rather than writing
//! a half-made page.

use crate::html::escape;
use story::data::{asset_prefix, page_path, MAP_BLOCK, STORY_BLOCK};
use story::model::{Lang, Story};

/// Where the first tag with `attr` equal to `value` (quoted or, minified, bare) starts, and where
/// it ends (just after its `>`).
fn tag_with(html: &str, attr: &str, value: &str) -> Option<(usize, usize)> {
    let at = [" ", ">", "/"]
        .map(|end| format!("{attr}={value}{end}"))
        .into_iter()
        .chain([format!("{attr}=\"{value}\"")])
        .filter_map(|needle| html.find(needle.as_str()))
        .min()?;
    let start = html.get(..at)?.rfind('<')?;
    let end = at + html.get(at..)?.find('>')? + 1;
    Some((start, end))
}

/// `html` with the contents of the element `id` (up to the first `close` after its opening tag)
/// replaced by `body`.
fn replace_contents(html: &str, id: &str, close: &str, body: &str) -> Result<String, String> {
    let (_, from) = tag_with(html, "id", id).ok_or_else(|| format!("no element with id {id}"))?;
    let len = html
        .get(from..)
        .and_then(|rest| rest.find(close))
        .ok_or_else(|| format!("element {id} is not closed by {close}"))?;
    Ok(format!("{}{body}{}", &html[..from], &html[from + len..]))
}

/// Whether a URL in an attribute is relative to the page (not `#…`, `/…`, `../…`, `data:` or a
/// scheme).
fn page_relative(url: &str) -> bool {
    !(url.is_empty()
        || url.starts_with('#')
        || url.starts_with('/')
        || url.starts_with("../")
        || url.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'+')
        }))
}

/// `html` with every page-relative `href`, `src` and `og:image` URL led up one folder, for the
/// page in `en/`. Quoted and unquoted attribute values alike.
pub fn one_folder_down(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(at) = [" href=", " src=", " content="]
        .iter()
        .filter_map(|a| rest.find(a).map(|i| (i, a.len())))
        .min()
    {
        let (i, len) = at;
        let attr = &rest[i..i + len];
        let value_at = i + len;
        out.push_str(&rest[..value_at]);
        rest = &rest[value_at..];
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'');
        if let Some(q) = quote {
            out.push(q);
            rest = &rest[1..];
        }
        let end = match quote {
            Some(q) => rest.find(q).unwrap_or(rest.len()),
            None => rest
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                .unwrap_or(rest.len()),
        };
        let value = &rest[..end];
        // `content` only where it is the share image (other metas hold words, not URLs).
        let is_url = attr != " content=" || value.ends_with(".png");
        if is_url && page_relative(value) {
            out.push_str("../");
        }
        out.push_str(value.strip_prefix("./").unwrap_or(value));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `html` with the head's title and descriptions (`<title>`, `og:title`, `description`,
/// `og:description`) in `lang`, from the story: its title and its dek.
pub fn with_head(html: &str, story: &Story, lang: Lang) -> Result<String, String> {
    let meta = &story.meta;
    let html = replace_tag_text(html, "title", meta.title.get(lang))?;
    let html = replace_meta(&html, "og:title", meta.title.get(lang))?;
    let html = replace_meta(&html, "description", meta.dek.get(lang))?;
    replace_meta(&html, "og:description", meta.dek.get(lang))
}

/// `html` with the text of the first element of `tag` (e.g. `<title>`) replaced.
fn replace_tag_text(html: &str, tag: &str, text: &str) -> Result<String, String> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let from = html.find(&open).ok_or_else(|| format!("no {open}"))? + open.len();
    let len = html[from..]
        .find(&close)
        .ok_or_else(|| format!("{open} is not closed"))?;
    Ok(format!(
        "{}{}{}",
        &html[..from],
        escape(text),
        &html[from + len..]
    ))
}

/// `html` with the `content` of the `<meta>` whose `name`/`property` is `key` replaced.
fn replace_meta(html: &str, key: &str, text: &str) -> Result<String, String> {
    let (start, end) = ["name", "property"]
        .iter()
        .filter_map(|attr| tag_with(html, attr, key))
        .min()
        .ok_or_else(|| format!("no meta {key}"))?;
    Ok(format!(
        "{}<meta {}=\"{key}\" content=\"{}\">{}",
        &html[..start],
        if html[start..end].contains("property=") {
            "property"
        } else {
            "name"
        },
        escape(text),
        &html[end..]
    ))
}

/// The public address of the Chinese page (its folder, ending in `/`), from which the English
/// page is `en/`: `hreflang` links, the canonical link and the share image need whole URLs
/// (search engines ignore relative `hreflang` links). `None` builds pages that work from any
/// folder of any host, with relative links.
pub fn public_url(value: Option<&str>) -> Result<Option<String>, String> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v)
            if (v.starts_with("https://") || v.starts_with("http://"))
                && !v.contains(['"', '<', '>', ' ']) =>
        {
            Ok(Some(if v.ends_with('/') {
                v.to_owned()
            } else {
                format!("{v}/")
            }))
        }
        Some(v) => Err(format!(
            "CHANGHE_PUBLIC_URL must be an http(s) address, not {v:?}"
        )),
    }
}

/// The built page in `lang`: `graphic` (the prerendered app) inside `#app` in place of the
/// loading line, `story_block` (the story's text form in `lang` only) in the story's data block,
/// `<html lang>`, the title and descriptions in `lang`, and `hreflang` links to both pages
/// (whole URLs, a canonical link and the share image's whole URL when `public` is given; see
/// [`public_url`]). The English page lives in `en/`, so its page-relative URLs are led up one
/// folder.
pub fn page(
    built: &str,
    lang: Lang,
    story: &Story,
    graphic: &str,
    story_block: &str,
    public: Option<&str>,
) -> Result<String, String> {
    if !built.contains(&format!("id={MAP_BLOCK}"))
        && !built.contains(&format!("id=\"{MAP_BLOCK}\""))
    {
        return Err("the built page has no map data block".to_owned());
    }
    let mut html = built.to_owned();
    if !asset_prefix(lang).is_empty() {
        html = one_folder_down(&html);
    }
    let (zh_href, en_href) = match public {
        Some(base) => (base.to_owned(), format!("{base}en/")),
        None => (
            page_path(lang, Lang::Zh).to_owned(),
            page_path(lang, Lang::En).to_owned(),
        ),
    };
    let root = html.find("<html").ok_or("no <html>")?;
    let root_end = root + html[root..].find('>').ok_or("broken <html>")? + 1;
    html = format!(
        "{}<html lang=\"{}\">{}",
        &html[..root],
        lang.tag(),
        &html[root_end..]
    );
    html = with_head(&html, story, lang)?;
    let mut alternates = format!(
        "<link rel=\"alternate\" hreflang=\"zh-CN\" href=\"{zh_href}\"><link rel=\"alternate\" hreflang=\"en\" href=\"{en_href}\">"
    );
    if let Some(base) = public {
        let own = if lang == Lang::En { &en_href } else { &zh_href };
        alternates.push_str(&format!("<link rel=\"canonical\" href=\"{own}\">"));
        html = replace_meta(&html, "og:image", &format!("{base}share.png"))?;
    }
    alternates.push_str("</head>");
    html = html.replacen("</head>", &alternates, 1);
    html = replace_contents(&html, STORY_BLOCK, "</script>", story_block)?;
    html = replace_contents(&html, "app", "</main>", graphic)?;
    Ok(html)
}

/// A hand-written script as shipped: without its whole-line `//` comments (the notes for whoever
/// reads the source, which readers' browsers need not download). Trunk copies `boot.js` and
/// `head.js` unminified; the `post_build` hook writes them back through this.
pub fn without_line_comments(js: &str) -> String {
    js.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_scripts_lose_only_their_whole_line_comments() {
        let js = "// why\n  // more\nconst u = \"https://x\"; // kept: not a whole line\nf();\n";
        assert_eq!(
            without_line_comments(js),
            "const u = \"https://x\"; // kept: not a whole line\nf();\n"
        );
    }

    const MINIFIED: &str = "<!doctype html><html lang=zh-CN><head><title>x</title><meta content=old name=description><meta content=old property=og:title><meta content=old property=og:description /><meta content=share.png property=og:image><link href=./style-1.css rel=stylesheet><link href=favicon.svg rel=icon><script src=head.js></script><script id=changhe-story type=text/plain>both</script><script id=changhe-map type=text/plain>map</script><script data-changhe-js=app.js src=./boot.js type=module></script></head><body><main class=page id=app><div class=loading>…</div></main></body></html>";

    #[test]
    fn each_language_gets_its_page_with_the_graphic_in_place_of_the_loading_line() {
        let story = crate::json::story().unwrap();
        let zh = page(
            MINIFIED,
            Lang::Zh,
            &story,
            "<div data-testid=\"graphic\">图</div>",
            "zh only",
            None,
        )
        .unwrap();
        assert!(zh.starts_with("<!doctype html><html lang=\"zh-CN\"><head>"));
        assert!(zh.contains("<main class=page id=app><div data-testid=\"graphic\">图</div></main>"));
        assert!(!zh.contains("loading"));
        assert!(zh.contains(">zh only</script>") && zh.contains(">map</script>"));
        assert!(
            zh.contains(&format!("<title>{}</title>", escape(&story.meta.title.zh))),
            "the Chinese title comes from the story"
        );
        assert!(zh.contains("href=./style-1.css") && zh.contains("src=head.js"));
        assert!(zh.contains("hreflang=\"en\" href=\"en/\""));

        let en = page(MINIFIED, Lang::En, &story, "<p>en</p>", "en only", None).unwrap();
        assert!(en.contains("<html lang=\"en\">"));
        assert!(en.contains(&format!(
            "<title>{}</title>",
            escape(story.meta.title.en.as_str())
        )));
        assert!(en.contains("href=../style-1.css") && en.contains("href=../favicon.svg"));
        assert!(en.contains("src=../head.js") && en.contains("src=../boot.js"));
        assert!(en.contains("content=\"../share.png\"") || en.contains("content=../share.png"));
        assert!(en.contains("hreflang=\"zh-CN\" href=\"../\""));
        assert!(
            en.contains("data-changhe-js=app.js"),
            "relative to boot.js, unchanged"
        );
        assert!(en.contains("<meta property=\"og:title\" content=\""));
        assert!(!en.contains("content=old"));
        assert!(
            !en.contains("rel=\"canonical\""),
            "no canonical without a public URL"
        );
    }

    #[test]
    fn with_a_public_url_the_links_are_whole_and_each_page_names_itself_canonical() {
        let story = crate::json::story().unwrap();
        let base = public_url(Some("https://news.example.cn/changhe"))
            .unwrap()
            .unwrap();
        assert_eq!(base, "https://news.example.cn/changhe/");
        let en = page(MINIFIED, Lang::En, &story, "", "", Some(&base)).unwrap();
        assert!(en.contains("hreflang=\"zh-CN\" href=\"https://news.example.cn/changhe/\""));
        assert!(en.contains("hreflang=\"en\" href=\"https://news.example.cn/changhe/en/\""));
        assert!(
            en.contains("<link rel=\"canonical\" href=\"https://news.example.cn/changhe/en/\">")
        );
        assert!(en.contains("content=\"https://news.example.cn/changhe/share.png\""));
        let zh = page(MINIFIED, Lang::Zh, &story, "", "", Some(&base)).unwrap();
        assert!(zh.contains("<link rel=\"canonical\" href=\"https://news.example.cn/changhe/\">"));
        assert_eq!(public_url(None), Ok(None));
        assert_eq!(public_url(Some(" ")), Ok(None));
        assert!(public_url(Some("news.example.cn")).is_err());
        assert!(public_url(Some("https://x.cn/\"><script>")).is_err());
    }

    #[test]
    fn quoted_attributes_and_urls_that_are_not_page_relative() {
        let html = r##"<a href="data.csv"><a href="#figures"><a href="https://x.cn/a"><a href="../up"><img src='/abs.png'><a href="mailto:a@b.c">"##;
        assert_eq!(
            one_folder_down(html),
            r##"<a href="../data.csv"><a href="#figures"><a href="https://x.cn/a"><a href="../up"><img src='/abs.png'><a href="mailto:a@b.c">"##
        );
    }

    #[test]
    fn a_page_without_its_parts_is_refused() {
        let story = crate::json::story().unwrap();
        assert!(page("<html><head></head></html>", Lang::Zh, &story, "", "", None).is_err());
        let no_app = MINIFIED.replace(" id=app", "");
        assert!(page(&no_app, Lang::Zh, &story, "", "", None).is_err());
    }
}
