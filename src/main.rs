//! Entry point: in the browser, mount the graphic (the `web` crate); natively, say how to run it.

fn main() {
    #[cfg(target_arch = "wasm32")]
    web::start::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("changhe runs in the browser: serve it with `./run.sh serve` (see README.md)");
}
