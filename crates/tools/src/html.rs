//! HTML and CSS text for the tools: edits of a document through lol_html (an HTML rewriter that
//! parses as a browser does, so quoted and bare attributes, comments and scripts are told apart),
//! escaping, and the generated blocks between marker comments.

use lol_html::html_content::{Element, TextChunk};
use lol_html::{ElementContentHandlers, HandlerResult, RewriteStrSettings, Selector};
use std::borrow::Cow;
use std::cell::Cell;
use std::rc::Rc;

/// What an edit does to each element its selector matches.
type Handler<'h> = Box<dyn FnMut(&mut Element<'_, '_>) -> HandlerResult + 'h>;
/// What an edit does to each piece of text inside the elements its selector matches.
type TextHandler<'h> = Box<dyn FnMut(&mut TextChunk<'_>) -> HandlerResult + 'h>;

/// One edit of a document: a CSS selector and what to do to every element it matches, or to the
/// text inside them.
pub struct Edit<'h> {
    selector: String,
    handler: Option<Handler<'h>>,
    text: Option<TextHandler<'h>>,
    /// What the document must hold for this edit (named in the error when nothing matched).
    required: Option<String>,
}

impl<'h> Edit<'h> {
    /// The edit `handler` on every element `selector` matches.
    pub fn on(
        selector: &str,
        handler: impl FnMut(&mut Element<'_, '_>) -> HandlerResult + 'h,
    ) -> Edit<'h> {
        Edit {
            selector: selector.to_owned(),
            handler: Some(Box::new(handler)),
            text: None,
            required: None,
        }
    }

    /// The edit `handler` on the text inside every element `selector` matches (a `<noscript>`'s
    /// content is text to a rewriter, as to a browser that runs scripts).
    pub fn text(
        selector: &str,
        handler: impl FnMut(&mut TextChunk<'_>) -> HandlerResult + 'h,
    ) -> Edit<'h> {
        Edit {
            selector: selector.to_owned(),
            handler: None,
            text: Some(Box::new(handler)),
            required: None,
        }
    }

    /// The same edit, with the rewrite failing ("no {what}") when its selector matched nothing.
    pub fn required(mut self, what: &str) -> Edit<'h> {
        self.required = Some(what.to_owned());
        self
    }
}

/// `html` with the edits made, in one pass; everything they do not touch stays byte for byte. An
/// error when a required edit found nothing to edit, or a handler failed.
pub fn rewrite(html: &str, edits: Vec<Edit<'_>>) -> Result<String, String> {
    let mut settings = RewriteStrSettings::new();
    let mut required = Vec::new();
    for mut edit in edits {
        if let Some(what) = edit.required.take() {
            let matched = Rc::new(Cell::new(false));
            required.push((what, matched.clone()));
            if let Some(mut inner) = edit.handler.take() {
                let matched = matched.clone();
                edit.handler = Some(Box::new(move |el| {
                    matched.set(true);
                    inner(el)
                }));
            }
            if let Some(mut inner) = edit.text.take() {
                edit.text = Some(Box::new(move |chunk| {
                    matched.set(true);
                    inner(chunk)
                }));
            }
        }
        let selector: Selector = edit
            .selector
            .parse()
            .map_err(|e| format!("the selector {}: {e}", edit.selector))?;
        let mut handlers = ElementContentHandlers::default();
        if let Some(handler) = edit.handler {
            handlers = handlers.element(handler);
        }
        if let Some(text) = edit.text {
            handlers = handlers.text(text);
        }
        settings = settings.append_element_content_handler((Cow::Owned(selector), handlers));
    }
    let out = lol_html::rewrite_str(html, settings)
        .map_err(|e| format!("the HTML could not be rewritten: {e}"))?;
    match required.iter().find(|(_, matched)| !matched.get()) {
        Some((what, _)) => Err(format!("no {what}")),
        None => Ok(out),
    }
}

/// Escapes text for HTML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// `html` with the text between two markers replaced by `body` (`None` when a marker is missing).
pub fn replace_between(
    html: &str,
    start_marker: &str,
    end_marker: &str,
    body: &str,
) -> Option<String> {
    let start = html.find(start_marker)? + start_marker.len();
    let end = html.find(end_marker)?;
    if end < start {
        return None;
    }
    Some(format!("{}{body}{}", html.get(..start)?, html.get(end..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_required_edit_that_finds_nothing_names_what_is_missing() {
        let keep = |_: &mut Element<'_, '_>| Ok(());
        assert_eq!(
            rewrite(
                "<p>x</p>",
                vec![Edit::on("p", keep).required("a paragraph")]
            ),
            Ok("<p>x</p>".to_owned())
        );
        assert_eq!(
            rewrite("<p>x</p>", vec![Edit::on("main", keep).required("<main>")]),
            Err("no <main>".to_owned())
        );
        let refuse = |_: &mut Element<'_, '_>| Err("refused".into());
        let err = rewrite("<p>x</p>", vec![Edit::on("p", refuse)]).unwrap_err();
        assert!(err.contains("refused"), "{err}");
    }
}
