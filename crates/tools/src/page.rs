//! The built page made into one page per language, with the graphic prerendered: `cargo run --bin
//! prerender` (Trunk's `post_build` hook) reads the `index.html` Trunk built and minified, and
//! writes `index.html` (Chinese) and `en/index.html` (English). Plain string work on the built
//! file, quoted or minified attributes alike; every step fails with a message rather than writing
//! a half-made page.

use crate::html::{escape, rewrite, Edit};
use lol_html::html_content::ContentType;
use std::cell::{Cell, RefCell};
use story::data::{asset_prefix, page_path, MAP_BLOCK, STORY_BLOCK};
use story::model::{Lang, Story};

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

/// `url` led up one folder when it is page-relative (`./a` and `a` become `../a`).
fn up_one(url: &str) -> Option<String> {
    page_relative(url).then(|| format!("../{}", url.strip_prefix("./").unwrap_or(url)))
}

/// `html` with every page-relative `href` and `src`, and the share image's `og:image`, led up one
/// folder, for the page in `en/`.
pub fn one_folder_down(html: &str) -> Result<String, String> {
    let noscript = RefCell::new(String::new());
    rewrite(
        html,
        vec![
            Edit::on("[href], [src]", |el| {
                for attr in ["href", "src"] {
                    if let Some(url) = el.get_attribute(attr).as_deref().and_then(up_one) {
                        el.set_attribute(attr, &url)?;
                    }
                }
                Ok(())
            }),
            Edit::on("meta[property='og:image'][content]", |el| {
                if let Some(url) = el.get_attribute("content").as_deref().and_then(up_one) {
                    el.set_attribute("content", &url)?;
                }
                Ok(())
            }),
            // A `<noscript>`'s markup is text to the rewriter: gathered, and led up the same way.
            Edit::text("noscript", |chunk| {
                noscript.borrow_mut().push_str(chunk.as_str());
                if chunk.last_in_text_node() {
                    let inner = one_folder_down(&noscript.take())?;
                    chunk.replace(&inner, ContentType::Html);
                } else {
                    chunk.remove();
                }
                Ok(())
            }),
        ],
    )
}

/// `html` with the head's title and descriptions (`<title>`, `og:title`, `description`,
/// `og:description`) in `lang`, from the story: its title and its dek.
pub fn with_head(html: &str, story: &Story, lang: Lang) -> Result<String, String> {
    let (title, dek) = (story.meta.title.get(lang), story.meta.dek.get(lang));
    let content = |text: &str| {
        // lol_html writes an attribute's value as given, escaping only `"`.
        let text = escape(text);
        move |el: &mut lol_html::html_content::Element<'_, '_>| {
            el.set_attribute("content", &text)?;
            Ok(())
        }
    };
    rewrite(
        html,
        vec![
            Edit::on("title", |el| {
                el.set_inner_content(title, ContentType::Text);
                Ok(())
            })
            .required("<title>"),
            Edit::on("meta[property='og:title']", content(title)).required("og:title"),
            Edit::on("meta[name='description']", content(dek)).required("description"),
            Edit::on("meta[property='og:description']", content(dek)).required("og:description"),
        ],
    )
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
    let html = if asset_prefix(lang).is_empty() {
        built.to_owned()
    } else {
        one_folder_down(built)?
    };
    let (zh_href, en_href) = match public {
        Some(base) => (base.to_owned(), format!("{base}en/")),
        None => (
            page_path(lang, Lang::Zh).to_owned(),
            page_path(lang, Lang::En).to_owned(),
        ),
    };
    let mut alternates = format!(
        "<link rel=\"alternate\" hreflang=\"zh-CN\" href=\"{zh_href}\"><link rel=\"alternate\" hreflang=\"en\" href=\"{en_href}\">"
    );
    if public.is_some() {
        let own = if lang == Lang::En { &en_href } else { &zh_href };
        alternates.push_str(&format!("<link rel=\"canonical\" href=\"{own}\">"));
    }
    let share = public.map(|base| escape(&format!("{base}share.png")));
    let html = rewrite(
        &html,
        vec![
            Edit::on("html", |el| {
                el.set_attribute("lang", lang.tag())?;
                Ok(())
            })
            .required("<html>"),
            // After the title: a minified page has no `<head>` tag to append to.
            Edit::on("title", |el| {
                el.after(&alternates, ContentType::Html);
                Ok(())
            })
            .required("<title>"),
            Edit::on(&format!("script#{MAP_BLOCK}"), |_| Ok(())).required("map data block"),
            Edit::on(&format!("script#{STORY_BLOCK}"), |el| {
                el.set_inner_content(story_block, ContentType::Html);
                Ok(())
            })
            .required("story data block"),
            Edit::on("#app", |el| {
                el.set_inner_content(graphic, ContentType::Html);
                Ok(())
            })
            .required("#app"),
            Edit::on("meta[property='og:image']", |el| {
                if let Some(url) = &share {
                    el.set_attribute("content", url)?;
                }
                Ok(())
            }),
        ],
    )
    .map_err(|e| format!("the built page: {e}"))?;
    with_head(&html, story, lang)
}

/// `html` with `content` put just before its `<main>` (outside the app's mount).
pub fn before_main(html: &str, content: &str) -> Result<String, String> {
    let first = Cell::new(true);
    rewrite(
        html,
        vec![Edit::on("main", |el| {
            if first.replace(false) {
                el.before(content, ContentType::Html);
            }
            Ok(())
        })
        .required("<main>")],
    )
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
        // An edited attribute is written quoted.
        assert!(en.contains("href=\"../style-1.css\"") && en.contains("href=\"../favicon.svg\""));
        assert!(en.contains("src=\"../head.js\"") && en.contains("src=\"../boot.js\""));
        assert!(en.contains("content=\"../share.png\"") || en.contains("content=../share.png"));
        assert!(en.contains("hreflang=\"zh-CN\" href=\"../\""));
        assert!(
            en.contains("data-changhe-js=app.js"),
            "relative to boot.js, unchanged"
        );
        // Only the edited attribute is written anew (quoted); the rest stay as minified.
        assert!(en.contains(&format!(
            "<meta content=\"{}\" property=og:title>",
            escape(story.meta.title.en.as_str())
        )));
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
            one_folder_down(html).unwrap(),
            r##"<a href="../data.csv"><a href="#figures"><a href="https://x.cn/a"><a href="../up"><img src='/abs.png'><a href="mailto:a@b.c">"##
        );
        // A noscript's content is text to the rewriter, and is led up all the same.
        assert_eq!(
            one_folder_down("<noscript><link href=noscript.css rel=stylesheet></noscript>")
                .unwrap(),
            "<noscript><link href=\"../noscript.css\" rel=stylesheet></noscript>"
        );
    }

    #[test]
    fn a_page_minified_without_its_head_tag_gets_its_links() {
        let story = crate::json::story().unwrap();
        let bare = MINIFIED.replace("<head>", "");
        let en = page(&bare, Lang::En, &story, "<p>en</p>", "en only", None).unwrap();
        assert!(en.contains("hreflang=\"zh-CN\" href=\"../\""));
        assert!(en.contains("<main class=page id=app><p>en</p></main>"));
    }

    #[test]
    fn a_page_without_its_parts_is_refused() {
        let story = crate::json::story().unwrap();
        assert!(page("<html><head></head></html>", Lang::Zh, &story, "", "", None).is_err());
        let no_app = MINIFIED.replace(" id=app", "");
        assert!(page(&no_app, Lang::Zh, &story, "", "", None).is_err());
    }
}
