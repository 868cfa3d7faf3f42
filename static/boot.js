// Starts the graphic with no inline script; Trunk fills in this tag's file names. The page already
// shows the prerendered graphic: if the wasm cannot be fetched, compiled or started, it stays,
// static, under one quiet note (README: failure).
const tag = document.querySelector("script[data-changhe-js]");
if (tag) {
  const base = new URL(".", tag.src);
  try {
    const { default: init } = await import(new URL(tag.dataset.changheJs, base).href);
    await init({ module_or_path: new URL(tag.dataset.changheWasm, base) });
  } catch (error) {
    console.warn("changhe: the interactive graphic could not start", error);
    const app = document.getElementById("app");
    if (app && !app.hasAttribute("data-live")) {
      app.classList.add("is-static");
      document.getElementById("boot-failed")?.removeAttribute("hidden");
    }
  }
}
