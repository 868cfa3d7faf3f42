// Lighthouse on the release build (issue 13's targets), N runs and their medians:
//   node scripts/lighthouse.mjs [dist] [--runs N] [--path en/]
// Serves the folder with brotli (compressed once, before the runs, so no run waits for the
// compressor) and runs Lighthouse with its mobile defaults against Debian's Chromium
// (CHROME_PATH, default /usr/bin/chromium). Lighthouse is not a dependency of the project (it is
// large, and only this benchmark needs it): install it anywhere from npm, e.g.
//   npm install --prefix /tmp/lh lighthouse@12
// and point LIGHTHOUSE at its binary (default: `lighthouse` on PATH). It never downloads a browser.
// Build with CHANGHE_PUBLIC_URL=http://127.0.0.1:<port>/ for whole hreflang URLs (the SEO audit
// wants them); --port fixes the port to match.
import { createServer } from "node:http";
import { readFile, readdir, stat, mkdtemp } from "node:fs/promises";
import { join, normalize, extname, resolve } from "node:path";
import { tmpdir } from "node:os";
import { brotliCompressSync, constants } from "node:zlib";
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dir = resolve(args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--")) || "dist");
const runs = Number(opt("--runs", 5));
const path = opt("--path", "");
const port = Number(opt("--port", 0));
const lighthouse = process.env.LIGHTHOUSE || "lighthouse";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".csv": "text/csv" };

const cache = new Map();
async function compressAll(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const file = join(folder, entry.name);
    if (entry.isDirectory()) await compressAll(file);
    else cache.set(file, brotliCompressSync(await readFile(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}
await compressAll(dir);
const server = createServer(async (req, res) => {
  let file = normalize(join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname)));
  if (file.startsWith(dir) && (await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
  if (!file.startsWith(dir) || !cache.has(file)) return res.writeHead(404).end();
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-encoding": "br", "cache-control": "max-age=3600" });
  res.end(cache.get(file));
});
await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
const url = `http://127.0.0.1:${server.address().port}/${path}`;
const out = await mkdtemp(join(tmpdir(), "changhe-lh-"));

const results = [];
for (let i = 0; i < runs; i++) {
  const report = join(out, `run-${i}.json`);
  try {
    // Asynchronous: this process serves the pages Lighthouse loads.
    await promisify(execFile)(lighthouse, [url, "--quiet", "--output=json", `--output-path=${report}`,
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu"], {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || "/usr/bin/chromium" }, maxBuffer: 64 << 20,
    });
  } catch (e) {
    console.error(`lighthouse failed (${e.message}); is it installed? See this file's head.`);
    server.close();
    process.exit(1);
  }
  const r = JSON.parse(await readFile(report, "utf8"));
  const score = (id) => Math.round(r.categories[id].score * 100);
  const row = {
    performance: score("performance"), accessibility: score("accessibility"), "best-practices": score("best-practices"), seo: score("seo"),
    lcp: r.audits["largest-contentful-paint"].numericValue, tbt: r.audits["total-blocking-time"].numericValue, fcp: r.audits["first-contentful-paint"].numericValue,
    failing: Object.values(r.categories).flatMap((c) => c.auditRefs.filter((a) => a.weight > 0 && r.audits[a.id].score !== null && r.audits[a.id].score < 1 && c.id !== "performance").map((a) => `${c.id}: ${a.id}`)),
  };
  results.push(row);
  console.log(`run ${i + 1}: performance ${row.performance}, accessibility ${row.accessibility}, best practices ${row["best-practices"]}, SEO ${row.seo}; LCP ${(row.lcp / 1000).toFixed(2)} s, TBT ${Math.round(row.tbt)} ms, FCP ${(row.fcp / 1000).toFixed(2)} s${row.failing.length ? `; failing: ${row.failing.join(", ")}` : ""}`);
}
server.close();
const median = (k) => { const s = results.map((r) => r[k]).sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const range = (k) => `${Math.min(...results.map((r) => r[k]))}–${Math.max(...results.map((r) => r[k]))}`;
console.log(`\n${url}, ${runs} runs, medians (ranges):`);
console.log(`performance ${median("performance")} (${range("performance")}); accessibility ${median("accessibility")}; best practices ${median("best-practices")}; SEO ${median("seo")}`);
console.log(`LCP ${(median("lcp") / 1000).toFixed(2)} s; TBT ${Math.round(median("tbt"))} ms; FCP ${(median("fcp") / 1000).toFixed(2)} s`);
