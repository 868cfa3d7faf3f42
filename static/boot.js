// Starts the graphic with no inline script; Trunk fills in this tag's file names. If the wasm
// cannot start, the text version takes the loading line's place (README: failure).
const tag = document.querySelector("script[data-changhe-js]");
if (tag) {
  const base = new URL(".", tag.src);
  try {
    const { default: init } = await import(new URL(tag.dataset.changheJs, base).href);
    await init({ module_or_path: new URL(tag.dataset.changheWasm, base) });
  } catch (error) {
    console.warn(error);
    const app = document.getElementById("app");
    if (app && !app.hasAttribute("data-live")) {
      app.innerHTML = document.querySelector("body noscript")?.textContent ?? "";
      document.getElementById("boot-failed")?.removeAttribute("hidden");
    }
  }
}
