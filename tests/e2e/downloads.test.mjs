// Downloads (CSV, chart PNG, share image) and print.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useSite, open, assertClean, SCREENSHOTS } from "./support/browser.mjs";
import { story } from "./support/story.mjs";
const site = useSite();

/// A small RFC 4180 parser (quoted fields, doubled quotes, CRLF).
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

test("“Download the data” gives a UTF-8 CSV with a BOM that holds every figure and milestone", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "", { reducedMotion: "reduce" });
  const link = page.locator("[data-testid=download-data]");
  await link.scrollIntoViewIfNeeded();
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  assert.equal(download.suggestedFilename(), "changhe-data.csv");
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte-order mark");
  const rows = parseCsv(bytes.toString("utf8").slice(1));
  const [header, ...body] = rows;
  assert.deepEqual(header.slice(0, 6), ["kind", "id", "section_or_group", "date", "label_zh", "label_en"]);
  const col = (name) => header.indexOf(name);
  const figures = body.filter((r) => r[0] === "figure");
  const milestones = body.filter((r) => r[0] === "milestone");
  assert.equal(figures.length, story.figures.length);
  assert.equal(milestones.length, story.milestones.length);
  for (const f of story.figures) {
    const r = figures.find((x) => x[col("id")] === f.id);
    assert.ok(r, f.id);
    assert.equal(r[col("label_zh")], f.label.zh);
    assert.equal(r[col("label_en")], f.label.en);
    if (typeof f.value === "number") assert.equal(Number(r[col("value")]), f.value, f.id);
    else assert.deepEqual([Number(r[col("value_before")]), Number(r[col("value_after")])], [f.value.before, f.value.after]);
    assert.equal(r[col("unit")], f.unit);
    assert.equal(r[col("qualifiers")], f.qualifiers.join(" "));
  }
  story.milestones.forEach((m, i) => {
    assert.equal(milestones[i][col("id")], m.id, "milestones in date order");
    assert.equal(milestones[i][col("date")], m.date);
    assert.equal(milestones[i][col("label_zh")], m.title.zh);
  });
  assertClean(assert, problems);
  await context.close();
});

test("“Save image” downloads a chart as a PNG, and the share image is a 1200×630 PNG", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "?lang=en", { reducedMotion: "reduce" });
  const button = page.locator("[data-testid=chart-save-growth]");
  await button.scrollIntoViewIfNeeded();
  assert.equal((await button.textContent()).trim(), story.ui.save_image.en);
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  assert.equal(download.suggestedFilename(), "changhe-growth-en.png");
  const png = readFileSync(await download.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(png.readUInt32BE(16) >= 480 && png.length > 5000, `a drawn chart (${png.readUInt32BE(16)} px wide, ${png.length} bytes)`);

  const share = page.locator("[data-testid=download-share]");
  const [poster] = await Promise.all([page.waitForEvent("download"), share.click()]);
  const img = readFileSync(await poster.path());
  assert.deepEqual([img.readUInt32BE(16), img.readUInt32BE(20)], [1200, 630]);
  assert.equal(await page.getAttribute("meta[property='og:image']", "content"), "../share.png", "the English page sits in en/");
  assertClean(assert, problems);
  await context.close();
});

for (const lang of ["zh", "en"]) {
  test(`the foot's link downloads the long image (${lang}): a PNG 1,080 px wide; its text beside it`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, lang === "en" ? "?lang=en" : "");
    const link = page.locator("[data-testid=download-long]");
    await link.scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    assert.equal(download.suggestedFilename(), `changhe-long-${lang}.png`);
    const png = readFileSync(await download.path());
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG");
    assert.equal(png.readUInt32BE(16), 1080, "1,080 px wide");
    assert.ok(png.readUInt32BE(20) > 5000, `a long image (${png.readUInt32BE(20)} px tall)`);
    // Its words as text lie beside it (long-<lang>.txt), for the editor to paste under it.
    const href = (await page.getAttribute("[data-testid=download-long]", "href")).replace(/\.png$/, ".txt");
    const text = await page.evaluate(async (h) => (await fetch(h)).text(), href);
    for (const m of story.milestones) assert.ok(text.includes(m.title[lang]), `the text names ${m.id}`);
    assertClean(assert, problems);
    await context.close();
  });
}

test("print: final values, no controls", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "", { reducedMotion: "no-preference" });
  await page.emulateMedia({ media: "print" });
  const card = page.locator("[data-testid=figure-tech-smes]");
  // Not scrolled into view, so the counter has not rolled; print shows the final value anyway.
  assert.equal(await card.locator(".counter-visual").isVisible(), false);
  assert.match(await card.locator(".counter > .visually-hidden").innerText(), /339/);
  assert.equal(await page.locator("[data-testid=lang-switch]").isVisible(), false);
  assert.equal(await page.locator("[data-testid=chart-save-growth]").isVisible(), false);
  assertClean(assert, problems);
  await context.close();
});
