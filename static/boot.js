// Starts the app over the prerendered graphic once it is painted; if the wasm cannot start, the
// graphic stays, static, under a quiet note. Why: ARCHITECTURE.md, "The first frame".
const tag = document.querySelector("script[data-changhe-js]");
const painted = () => new Promise((go) => {
  const done = () => { clearTimeout(timer); seen?.disconnect(); go(); };
  const timer = setTimeout(done, 1000);
  let seen = null;
  if (globalThis.PerformanceObserver?.supportedEntryTypes?.includes("paint")) {
    seen = new PerformanceObserver((l) => { if (l.getEntries().some((e) => e.name === "first-contentful-paint")) setTimeout(done, 0); });
    seen.observe({ type: "paint", buffered: true });
  } else requestAnimationFrame(() => setTimeout(done, 0));
});
if (tag) {
  const base = new URL(".", tag.src);
  try {
    await painted();
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
