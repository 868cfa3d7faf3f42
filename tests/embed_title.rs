//! The host script titles each frame it makes with the story's headline when the editor gives
//! none: the words are story.json's (`meta.title`), written into `static/embed.js` (which runs on
//! the host's page, before any of the graphic loads), and held equal here.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

#[test]
fn embed_js_titles_its_frames_with_the_storys_headline() {
    let story = tools::json::story().unwrap();
    let embed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/embed.js")).unwrap();
    for title in [&story.meta.title.zh, &story.meta.title.en] {
        let literal = serde_json::to_string(title).unwrap();
        assert!(
            embed.contains(&literal),
            "static/embed.js titles its frames {literal}"
        );
    }
}
