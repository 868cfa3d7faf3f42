// Size report of a release build: raw, gzip and brotli bytes per file of the first load, and totals.
// Usage: node scripts/size-report.mjs [dist] [--budget-kb N]   (exits 1 when brotli total > N KB)
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith("--")) ?? "dist";
const budgetIndex = args.indexOf("--budget-kb");
const budgetKb = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : null;

// What a reader's browser fetches on first load: the page (index.html, or en/index.html for the
// English page: the larger of the two is the budget's) and every local file it loads: style sheets,
// icon, scripts, the JS glue and wasm boot.js starts. Links a reader follows or downloads (the CSV,
// the share image, the embed demo) are not fetched on load and are not counted. Nor is what a
// <noscript> holds (noscript.css): a browser that runs scripts does not fetch it, and one that
// does not fetches neither the JS nor the wasm (that load is printed too, and is far smaller).
function firstLoad(page, scripting = true) {
  const source = readFileSync(join(dist, page), "utf8");
  const html = scripting
    ? source.replace(/<noscript>[\s\S]*?<\/noscript>/g, "")
    : source.replace(/<script\b[^>]*>/g, "").replace(/<\/?noscript>/g, "");
  const folder = page.includes("/") ? page.slice(0, page.lastIndexOf("/") + 1) : "";
  const tags = [...html.matchAll(/<(?:link|script|img)\b[^>]*>/g)].map((m) => m[0]);
  const attr = (t, name) => t.match(new RegExp(`\\s${name}=["']?([^"'\\s>]+)`))?.[1];
  const local = (f) => f && !/^[a-z]+:/i.test(f) && !f.startsWith("#");
  const named = tags
    .filter((t) => !/^<link\b/.test(t) || /rel=["']?(?:stylesheet|icon|preload|modulepreload)\b/.test(t))
    .flatMap((t) => {
      // Resolved from the page's folder (en/'s URLs lead up to the shared files at the root);
      // boot.js resolves the JS glue and the wasm it starts from its own URL.
      const own = attr(t, "href") ?? attr(t, "src");
      if (!local(own)) return [];
      const url = new URL(own, `http://x/${folder}`);
      const started = ["data-changhe-js", "data-changhe-wasm"].map((n) => attr(t, n)).filter(local);
      return [url, ...started.map((f) => new URL(f, url))];
    })
    .map((url) => url.pathname.slice(1));
  return [...new Set([page, ...named])]
    .filter((f) => existsSync(join(dist, f)) && statSync(join(dist, f)).isFile())
    .sort();
}
const pages = ["index.html", "en/index.html"].filter((p) => existsSync(join(dist, p)));
if (pages.length === 0) {
  console.error(`size-report: no index.html in ${dist}`);
  process.exit(1);
}
/// A file's raw, gzip and brotli bytes.
function sizes(name) {
  const data = readFileSync(join(dist, name));
  const gzip = gzipSync(data, { level: 9 }).length;
  const brotli = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }).length;
  return { name, raw: data.length, gzip, brotli };
}
function report(page) {
const files = firstLoad(page);
console.log(`\n${page}`);
const rows = files.map(sizes);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${"file".padEnd(44)}${"raw KB".padStart(8)}${"gzip KB".padStart(9)}${"br KB".padStart(9)}`);
for (const r of rows) console.log(`${r.name.padEnd(44)}${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
console.log(`${"total (first load)".padEnd(44)}${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);
const off = firstLoad(page, false);
console.log(`with JavaScript off (${off.join(", ")}): ${(off.reduce((t, f) => t + sizes(f).brotli, 0) / 1024).toFixed(1)} KB brotli`);
return total;
}
const totals = pages.map(report);
const total = totals.reduce((a, b) => (b.brotli > a.brotli ? b : a));
if (pages.length > 1) console.log(`\nlargest first load: ${(total.brotli / 1024).toFixed(1)} KB brotli`);
if (budgetKb !== null) {
  if (!Number.isFinite(budgetKb)) {
    console.error("size-report: --budget-kb needs a number");
    process.exit(2);
  }
  const ok = total.brotli <= budgetKb * 1024;
  console.log(`budget: ${(total.brotli / 1024).toFixed(1)} KB brotli of ${budgetKb} KB: ${ok ? "within" : "OVER"}`);
  if (!ok) process.exit(1);
}
