// End-to-end tests of the release build (dist/) in Debian's Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useSite, open, assertClean, SCREENSHOTS } from "./browser.mjs";

const story = JSON.parse(readFileSync("static/data/story.json", "utf8"));
const REGION_SELECTOR = "[data-testid^='region-']:not([data-testid='region-detail'])";
const site = useSite();

test("Chinese by default: seven regions, every milestone and figure, no errors or outside requests", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "");
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.equal((await page.textContent("h1")).trim(), story.meta.title.zh);

  const regions = await page.$$eval(REGION_SELECTOR, (els) => els.map((e) => e.dataset.testid).sort());
  const expected = story.regions.map((r) => `region-${r.code ?? r.id}`).sort();
  assert.deepEqual(regions, expected);

  for (const m of story.milestones) {
    const text = await page.textContent(`[data-testid='milestone-${m.id}']`);
    assert.ok(text.includes(m.title.zh), `milestone ${m.id} shows its title`);
  }
  const order = await page.$$eval("[data-testid^='milestone-']", (els) => els.map((e) => e.dataset.testid));
  assert.deepEqual(order, story.milestones.map((m) => `milestone-${m.id}`), "milestones in date order");

  for (const f of story.figures) {
    const text = await page.textContent(`[data-testid='figure-${f.id}']`);
    assert.ok(text.includes(f.label.zh), `figure ${f.id} label`);
    const numbers = typeof f.value === "number" ? [f.value] : [f.value.before, f.value.after];
    for (const n of numbers) assert.ok(text.includes(String(n)), `figure ${f.id} shows ${n}: ${text}`);
  }
  await page.screenshot({ path: `${SCREENSHOTS}/zh-1280-light-full.png`, fullPage: true });
  assertClean(assert, problems);
  await context.close();
});

test("?lang=en shows English, with converted money and units", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "?lang=en");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal((await page.textContent("h1")).trim(), story.meta.title.en);
  const card = (id) => page.textContent(`[data-testid='figure-${id}']`);
  assert.match(await card("foreign-investment"), /US\$210 million/);
  assert.match(await card("industry-fund"), /more than\s*¥14\.7 billion/);
  assert.match(await card("output-per-mu"), /¥3\.4 million[\s\S]*¥6\.4 million/);
  assert.match(await card("land-freed"), /1,800 mu[\s\S]*120 hectares/);
  for (const m of story.milestones) {
    assert.ok((await page.textContent(`[data-testid='milestone-${m.id}']`)).includes(m.title.en));
  }
  // No Chinese characters outside the deliberately bilingual bits (source names keep none).
  const han = await page.$$eval("h1, h2, h3, h4, .figure-label, .milestone-body", (els) =>
    els.map((e) => e.textContent).filter((t) => /[\u4e00-\u9fff]/.test(t)),
  );
  assert.deepEqual(han, [], "English headings, labels and bodies have no Chinese");
  await page.screenshot({ path: `${SCREENSHOTS}/en-1280-light-full.png`, fullPage: true });
  assertClean(assert, problems);
  await context.close();
});

test("clicking a county selects it and the detail panel names it; the switch changes language", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "");
  await page.click("[data-testid='region-330523']");
  assert.equal(await page.getAttribute("[data-testid='region-330523']", "aria-pressed"), "true");
  assert.match(await page.textContent("[data-testid='region-detail']"), /安吉县/);
  await page.keyboard.press("Escape");
  assert.equal(await page.getAttribute("[data-testid='region-330523']", "aria-pressed"), "false");

  await page.click("[data-testid='lang-switch']");
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.match(page.url(), /[?&]lang=en/);
  assert.equal((await page.textContent("h1")).trim(), story.meta.title.en);
  assertClean(assert, problems);
  await context.close();
});

for (const [width, height] of [[360, 740], [1280, 800]]) {
  for (const colorScheme of ["light", "dark"]) {
    test(`screenshot ${width}×${height} ${colorScheme}, no horizontal scroll`, async () => {
      const { page, context, problems } = await open(site.browser, site.server, "", { width, height, colorScheme });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
      await page.screenshot({ path: `${SCREENSHOTS}/zh-${width}-${colorScheme}.png` });
      await page.locator("[data-testid='map']").screenshot({ path: `${SCREENSHOTS}/map-${width}-${colorScheme}.png` });
      assertClean(assert, problems);
      await context.close();
    });
  }
}
