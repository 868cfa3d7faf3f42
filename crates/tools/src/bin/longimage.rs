//! Renders 一图读懂, the whole story as one long image per language (`long-zh.png`, `long-en.png`,
//! 1,080 px wide) with plotters' bitmap backend, the same words as text beside each
//! (`long-zh.txt`, `long-en.txt`), and the digest of their inputs (`long.txt`: a test fails when it
//! no longer matches the data). See `tools::long_image`. The committed images carry no
//! address; a build given `CHANGHE_PUBLIC_URL` draws its own with the address and a QR code
//! (`src/bin/prerender.rs`).
//!
//! Usage: `cargo run --release -p tools --bin longimage [OUT_DIR]` (default `static`). The fonts are
//! Debian's `fonts-noto-cjk`, which `scripts/setup.sh` installs.

fn main() -> std::process::ExitCode {
    match run() {
        Ok(out) => {
            println!("longimage: wrote {out}/long-{{zh,en}}.{{png,txt}} and {out}/long.txt");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("longimage: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<String, String> {
    use tools::long_image;
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "static".to_owned());
    let story = tools::json::story().map_err(|e| e.to_string())?;
    let map = tools::json::map_data()?;
    long_image::render_all(std::path::Path::new(&out), &story, &map, None)?;
    let digest = format!("{out}/long.txt");
    std::fs::write(
        &digest,
        format!("{}\n", long_image::inputs_digest(&story, &map)),
    )
    .map_err(|e| format!("cannot write {digest}: {e}"))?;
    Ok(out)
}
