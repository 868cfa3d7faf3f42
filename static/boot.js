// Starts the graphic without an inline script, so that a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval') allows it. Trunk writes the hashed file names into the
// data attributes of the script tag that loads this file (Trunk.toml: pattern_script).
const tag = document.querySelector("script[data-changhe-js]");
if (tag) {
  const base = new URL(".", tag.src);
  const { default: init } = await import(new URL(tag.dataset.changheJs, base).href);
  await init({ module_or_path: new URL(tag.dataset.changheWasm, base) });
}
