//! The one boundary between the browser and native rendering. The web crate compiles the same
//! code for both; natively (the build's server-side rendering, and tests) wasm-bindgen's imports
//! cannot be called, so every reach for the browser goes through [`window`], which is `None`
//! there. Effects and event handlers never run natively; what runs while rendering (a state's
//! first value) reads its native value from that `None`.

/// The browser's window, or `None` natively.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}
