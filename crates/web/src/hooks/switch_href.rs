//! The kept head's language switch, following the reader.

use crate::document;
use yew::prelude::*;

/// Over the prerendered page the head stays the build's (its headline and dek are the page's
/// largest paint, and a replaced node would be painted again): only its language switch's link
/// is pointed at `href` as the reader moves.
#[hook]
pub fn use_kept_switch_href(kept_head: bool, href: AttrValue) {
    use_effect_with((kept_head, href), move |(kept, href)| {
        if *kept {
            document::set_switch_href(href);
        }
    });
}
