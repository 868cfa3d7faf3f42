//! The web layer: the graphic in the browser. Start-up, the root component (wiring only), the one
//! boundary to the browser ([`browser`]), document and embed side effects, the reducer, URL
//! options, hooks (one behaviour or browser measure per file) and components. The only crate that
//! uses yew and web-sys.

pub mod app;
pub mod browser;
pub mod components;
pub mod document;
pub mod embed;
pub mod first_frame;
pub mod hooks;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod start;
pub mod state;
pub mod url;
