// End-to-end checks of the page as a whole: its length, its Tab stops, one grid for every
// block, and headline and card-label lines that never end on one character (nor, the headline,
// break inside a word).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, open, assertClean } from "./support/browser.mjs";
import { fullHeight, loneLastLines, unsanctionedBreaks } from "./support/layout.mjs";

const site = useSite();

// The targets: 7,000 px (zh) and 8,000 px (en) at 360x740, 4,500 px at 1280x800.
for (const [width, height, lang, max] of [
  [360, 740, "zh", 7000],
  [360, 740, "en", 8000],
  [1280, 800, "zh", 4500],
  [1280, 800, "en", 4500],
]) {
  test(`page height at ${width}x${height} (${lang}) is at most ${max} px`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, lang === "en" ? "?lang=en" : "", { width, height });
    const h = await fullHeight(page);
    console.log(`page height ${width}x${height} ${lang}: ${h} px (${(h / height).toFixed(1)} screens)`);
    assert.ok(h <= max, `${h} px > ${max} px`);
    assertClean(assert, problems);
    await context.close();
  });
}

test("one full Tab cycle at 1280 px has at most 45 stops", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "", { width: 1280, height: 800 });
  await page.evaluate(() => document.activeElement?.blur());
  const seen = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    const key = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      if (!e.dataset.tabProbe) e.dataset.tabProbe = String(Math.random());
      return e.dataset.tabProbe + " " + (e.getAttribute("data-testid") || e.tagName + "." + e.className);
    });
    if (key === null || seen.includes(key)) break;
    seen.push(key);
  }
  console.log(`Tab stops at 1280 px: ${seen.length}`);
  assert.ok(seen.length >= 20, `the cycle reached the page's controls (${seen.length})`);
  assert.ok(seen.length <= 45, `${seen.length} Tab stops:\n${seen.map((s) => s.split(" ")[1]).join("\n")}`);
  assertClean(assert, problems);
  await context.close();
});

// The blocks that share the page's left edge (where they are shown at that width).
const BLOCKS = [
  ".kicker", ".headline", ".dek", "#map-heading", ".map-figure", ".map-notes", "#figures-heading",
  ".figure-section-head", ".figure-grid", ".section-source", ".chart", ".foot",
];

for (const width of [360, 768, 1280]) {
  test(`every block starts at the same left edge at ${width} px`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, "", { width, height: 800 });
    const edges = await page.evaluate((sels) => {
      const out = {};
      for (const sel of sels) {
        const e = document.querySelector(sel);
        if (e && e.getBoundingClientRect().width > 0) out[sel] = e.getBoundingClientRect().left;
      }
      // Under 900 px the timeline is in the same column as the map.
      const timeline = document.querySelector(".timeline");
      if (timeline && innerWidth < 900) out[".timeline"] = timeline.getBoundingClientRect().left;
      return out;
    }, BLOCKS);
    assert.ok(Object.keys(edges).length >= BLOCKS.length - 1, `blocks found: ${Object.keys(edges)}`);
    const left = edges[".kicker"];
    const off = Object.entries(edges).filter(([, x]) => Math.abs(x - left) > 1);
    assert.deepEqual(off, [], `left edges differ from the kicker's ${left}`);
    assertClean(assert, problems);
    await context.close();
  });
}

for (const lang of ["zh", "en"]) {
  test(`no headline or card label ends on a lone character, and the headline breaks only between words, at 320-1440 px (${lang})`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, lang === "en" ? "?lang=en" : "", { width: 320 });
    const bad = [];
    for (let width = 320; width <= 1440; width += 20) {
      await page.setViewportSize({ width, height: 800 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      for (const text of await page.evaluate(loneLastLines, ".headline, .figure-label")) bad.push(`${width}px: ${text}`);
      for (const at of await page.evaluate(unsanctionedBreaks, ".headline")) bad.push(`${width}px: broken inside a word at ${at}`);
    }
    assert.deepEqual(bad, []);
    assertClean(assert, problems);
    await context.close();
  });
}
