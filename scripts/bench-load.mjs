// Load benchmark (issue 13's targets): serves dist/ with brotli and loads the page in Debian's
// Chromium at 412x823 under 4x CPU slow-down, 150 ms round trip and 1.6 Mbit/s down, five times,
// and prints the median of each measure:
//   node scripts/bench-load.mjs [dist] [--runs N]
// - map painted: the first animation frame after the map's counties are in the DOM (with the
//   prerendered page they arrive with the HTML, so this is the first frame the page paints)
// - first contentful paint and largest contentful paint, from Chromium's own entries
// - live: when #app gets data-live (the wasm app runs)
// - CLS, long tasks (count and longest), bytes over the wire
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join, normalize, extname, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { launch } from "../tests/e2e/support/browser.mjs";

const args = process.argv.slice(2);
const dir = resolve(args.find((a) => !a.startsWith("--")) || "dist");
const runs = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 5;
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".csv": "text/csv" };

const cache = new Map();
const server = createServer(async (req, res) => {
  try {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !(await stat(file)).isFile()) throw new Error("no");
    if (!cache.has(file)) {
      const raw = await readFile(file);
      cache.set(file, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-encoding": "br", "cache-control": "no-store" });
    res.end(cache.get(file));
  } catch {
    res.writeHead(404).end();
  }
});
// Compress everything before the first run, so no run waits for the compressor.
for (const f of (await import("node:fs")).readdirSync(dir)) {
  const file = join(dir, f);
  if ((await stat(file)).isFile()) cache.set(file, brotliCompressSync(await readFile(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const url = `http://127.0.0.1:${server.address().port}/`;

// Runs before the page's scripts: records when the map first paints and when the app goes live.
function probe() {
  window.__bench = { map: null, live: null, fcp: null, lcp: null, cls: 0, longTasks: [] };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === "first-contentful-paint") window.__bench.fcp = e.startTime; }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.lcp = e.startTime; }).observe({ type: "largest-contentful-paint", buffered: true });
  const check = () => {
    if (window.__bench.map === null && document.querySelector(".map .county")) {
      requestAnimationFrame(() => { window.__bench.map ??= performance.now(); });
    }
    if (window.__bench.live === null && document.querySelector("#app[data-live]")) window.__bench.live = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-live"] });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__bench.cls += e.value; }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.longTasks.push(e.duration); }).observe({ type: "longtask", buffered: true });
}

const browser = await launch();
const results = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true });
  await context.addInitScript(probe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => { bytes += e.encodedDataLength; });
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.live !== null && window.__bench.map !== null, null, { timeout: 60000 });
  await page.waitForTimeout(1500);
  const b = await page.evaluate(() => window.__bench);
  results.push({ map: b.map, live: b.live, fcp: b.fcp ?? NaN, lcp: b.lcp ?? NaN, cls: b.cls, longTasks: b.longTasks.length, longest: Math.max(0, ...b.longTasks), bytes });
  await context.close();
}
await browser.close();
server.close();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const m = (k) => median(results.map((r) => r[k]));
console.log(`runs: ${runs}; 412x823, 4x CPU, 150 ms RTT, 1.6 Mbit/s down; brotli`);
console.log(`map painted: ${(m("map") / 1000).toFixed(2)} s (runs: ${results.map((r) => (r.map / 1000).toFixed(2)).join(", ")})`);
console.log(`FCP / LCP:   ${(m("fcp") / 1000).toFixed(2)} s / ${(m("lcp") / 1000).toFixed(2)} s`);
console.log(`data-live:   ${(m("live") / 1000).toFixed(2)} s`);
console.log(`CLS:         ${m("cls").toFixed(4)}`);
console.log(`long tasks:  ${m("longTasks")}, longest ${Math.round(m("longest"))} ms`);
console.log(`bytes:       ${(m("bytes") / 1024).toFixed(1)} KB over the wire`);
