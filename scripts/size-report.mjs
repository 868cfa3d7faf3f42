// Size report of a release build: raw, gzip and brotli bytes per file of the first load, and totals.
// Usage: node scripts/size-report.mjs [dist] [--budget-kb N]   (exits 1 when brotli total > N KB)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith("--")) ?? "dist";
const budgetIndex = args.indexOf("--budget-kb");
const budgetKb = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : null;

// What a reader's browser fetches on first load: index.html and every local file it names (styles,
// icon, boot script, the JS glue and wasm it starts). Other files in dist/ (embed.js, the demo page,
// downloads, the share image) are fetched only on demand and are not counted.
const html = readFileSync(join(dist, "index.html"), "utf8");
const named = [...html.matchAll(/(?:href|src|data-changhe-js|data-changhe-wasm)=["']?([^"'\s>]+)/g)]
  .map((m) => m[1].replace(/^\.\//, ""))
  .filter((f) => !/^[a-z]+:/i.test(f) && !f.startsWith("#"));
const files = [...new Set(["index.html", ...named])]
  .filter((f) => readdirSync(dist).includes(f) && statSync(join(dist, f)).isFile())
  .sort();
if (files.length === 0) {
  console.error(`size-report: no files in ${dist}`);
  process.exit(1);
}

const rows = files.map((name) => {
  const data = readFileSync(join(dist, name));
  const gzip = gzipSync(data, { level: 9 }).length;
  const brotli = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }).length;
  return { name, raw: data.length, gzip, brotli };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${"file".padEnd(44)}${"raw KB".padStart(8)}${"gzip KB".padStart(9)}${"br KB".padStart(9)}`);
for (const r of rows) console.log(`${r.name.padEnd(44)}${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
console.log(`${"total (first load)".padEnd(44)}${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);
if (budgetKb !== null) {
  if (!Number.isFinite(budgetKb)) {
    console.error("size-report: --budget-kb needs a number");
    process.exit(2);
  }
  const ok = total.brotli <= budgetKb * 1024;
  console.log(`budget: ${(total.brotli / 1024).toFixed(1)} KB brotli of ${budgetKb} KB: ${ok ? "within" : "OVER"}`);
  if (!ok) process.exit(1);
}
