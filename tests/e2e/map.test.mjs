// End-to-end tests of the map on the release build: labels, reduced motion, keyboard, scrolling, hover.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, open, assertClean, SCREENSHOTS } from "./support/browser.mjs";
import { story, regionTestIds, palette, cssRgb } from "./support/story.mjs";
import { assertNoHorizontalOverflow, overlaps } from "./support/layout.mjs";
import { MapPage } from "./pages/map.mjs";
import { until, frames as nextFrames } from "./support/wait.mjs";

const site = useSite();

for (const width of [320, 375, 768, 1280]) {
  for (const lang of ["zh", "en"]) {
    test(`map labels do not overlap at ${width}px (${lang})`, async () => {
      const { page, context, problems } = await open(site.browser, site.server, `?lang=${lang}`, { width, height: 900 });
      const map = new MapPage(page);
      const boxes = await map.labelBoxes();
      assert.ok(boxes.length >= 10, `only ${boxes.length} labels`);
      const svg = await map.svg.boundingBox();
      for (const a of boxes) {
        assert.ok(a.x >= svg.x - 1 && a.x + a.w <= svg.x + svg.width + 1, `${a.key} leaves the map`);
      }
      // Glyph boxes include line gap; an overlap under 1 px is rounding.
      assert.deepEqual(overlaps(boxes), [], "overlapping labels");
      for (const r of story.regions) {
        const key = r.code ? `county-${r.id}` : `place-${r.place}`;
        assert.ok(boxes.some((b) => b.key === key), `label ${key} shown`);
      }
      await assertNoHorizontalOverflow(assert, page);
      await page.locator(".map-figure").screenshot({ path: `${SCREENSHOTS}/map-${lang}-${width}.png` });
      assertClean(assert, problems);
      await context.close();
    });
  }
}

test("reduced motion: the map is complete at first paint and nothing animates", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(site.server.url(""));
  await page.waitForSelector("[data-testid=map]");
  // The first frame with the map in it already shows the final state.
  assert.equal(await page.getAttribute(".map-frame", "data-complete"), "true");
  assert.equal(await page.getAttribute(".outline", "stroke-dashoffset"), "0.000");
  const animations = await page.evaluate(() => document.getAnimations().length);
  assert.equal(animations, 0, "document.getAnimations() is empty");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the map is finished at first paint and the app takes it over without replaying its entrance", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(site.server.url(""), { waitUntil: "domcontentloaded" });
  const visibleFrame = () => page.locator(".map-frame").evaluateAll((fs) => fs.filter((f) => f.getBoundingClientRect().width > 0)
    .map((f) => [f.dataset.complete, f.querySelector(".layer-markers").getAttribute("opacity")]));
  assert.deepEqual(await visibleFrame(), [["true", "1.000"]], "the prerendered map, finished");
  release();
  await page.waitForSelector("#app[data-live]");
  // Sampled at ten of the page's animation frames in a row.
  const frames = [];
  for (let i = 0; i < 10; i++) {
    frames.push(...(await visibleFrame()));
    await nextFrames(page, 3);
  }
  assert.ok(frames.length >= 10 && frames.every(([done, o]) => done === "true" && o === "1.000"), JSON.stringify(frames));
  await context.close();
});

test("Tab reaches every region and marker in order; Enter selects; Escape clears", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "");
  await page.focus("[data-testid=lang-switch]");
  const seen = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
    if (id) seen.push(id);
  }
  for (const id of regionTestIds()) assert.ok(seen.includes(id), `Tab reaches ${id}: ${seen.join(" ")}`);
  for (const id of ["place-sian", "place-tianzihu"]) assert.ok(seen.includes(id), `Tab reaches ${id}`);
  assert.ok(seen.indexOf("region-330522") < seen.indexOf("region-base"), "counties before markers");

  const map = new MapPage(page);
  await map.region("341821").focus();
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).stroke);
  assert.notEqual(ring, "none", "focused county has a visible ring");
  await page.keyboard.press("Enter");
  assert.match(await map.detail.textContent(), /郎溪县/);
  await page.keyboard.press("Escape");
  assert.doesNotMatch(await map.detail.textContent(), /郎溪县/);
  assertClean(assert, problems);
  await context.close();
});

test("hover shows a tooltip and leaving hides it; the wheel over the map scrolls the page", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "", { width: 1280, height: 700 });
  const map = new MapPage(page);
  await map.region("320282").hover();
  const tip = await map.tooltip.textContent();
  assert.match(tip, /宜兴市/);
  assert.match(tip, /Yixing/);
  await page.mouse.move(2, 2);
  assert.equal(await map.tooltip.count(), 0);

  const box = await map.svg.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = await page.evaluate(() => window.scrollY);
  await page.mouse.wheel(0, 500);
  await page.waitForFunction((y) => window.scrollY > y, before, { timeout: 2000 });
  assertClean(assert, problems);
  await context.close();
});

test("narrow screens get the close-up with lines to the far cities", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "", { width: 360, height: 740 });
  const map = new MapPage(page);
  assert.ok(await map.isNarrow());
  for (const id of ["shanghai", "nanjing", "hefei"]) {
    assert.ok((await map.distance(id).getAttribute("class")).includes("off-frame"), id);
  }
  const tapTarget = await map.region("base").locator(".hit").boundingBox();
  assert.ok(tapTarget.width >= 43.5, `base tap target ${tapTarget.width}px`);
  assertClean(assert, problems);
  await context.close();
});

test("Space selects a town's marker and the close button clears it; Enter selects the base (English)", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "");
  const map = new MapPage(page);
  await map.place("sian").focus();
  await page.keyboard.press(" ");
  // The app re-renders after the event: wait for it rather than read in the same tick.
  const pressed = () => map.place("sian").getAttribute("aria-pressed");
  await until(pressed, (v) => v === "true", { what: "the town selected" });
  const detail = await map.detail.textContent();
  assert.ok(detail.includes("泗安镇") && detail.includes("近似位置"), detail);
  await page.click("[data-testid=detail-close]");
  await until(pressed, (v) => v === "false", { what: "the close button clears it" });
  assertClean(assert, problems);
  await context.close();

  const en = await open(site.browser, site.server, "?lang=en");
  const enMap = new MapPage(en.page);
  await enMap.region("base").focus();
  await en.page.keyboard.press("Enter");
  assert.match(await enMap.detail.textContent(), /Baimaoling Farm/);
  assertClean(assert, en.problems);
  await en.context.close();
});

test("a lit, selected and focused county shows the focus ring; nothing selected shows no empty panel", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "#m=approval");
  const map = new MapPage(page);
  const box = await map.detail.boundingBox();
  assert.ok(box.width <= 1 && box.height <= 1, `no empty detail box: ${JSON.stringify(box)}`);
  const [mapWidth, areaWidth] = await page.$eval(".story-map", (e) => [e.querySelector("[data-testid=map]").getBoundingClientRect().width, e.getBoundingClientRect().width]);
  assert.ok(mapWidth >= areaWidth - 1, `the map takes its column's whole width (${mapWidth} of ${areaWidth})`);
  const county = map.region("330522");
  assert.ok((await county.getAttribute("class")).includes("is-lit"));
  await county.click();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "region-330522");
  const classes = await county.getAttribute("class");
  assert.ok(classes.includes("is-lit") && classes.includes("is-selected"), classes);
  assert.equal(await county.evaluate((e) => getComputedStyle(e).stroke), cssRgb(palette.light.focus), "focus ring colour");
  assert.ok((await map.detail.boundingBox()).height > 40, "the detail shows once selected");
  assertClean(assert, problems);
  await context.close();
});

test("a skip link leads to the figures; the language switch's name holds its visible text, in its language", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "skip-to-figures");
  assert.ok((await page.locator("[data-testid=skip-to-figures]").boundingBox()).width > 20, "visible when focused");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.hash === "#figures");
  const button = page.getByRole("link", { name: /^English/ });
  assert.equal(await button.count(), 1, "accessible name starts with the visible text");
  assert.equal(await button.getAttribute("hreflang"), "en");
  assert.equal(await button.locator("span[lang=en]").textContent(), "English");
  assertClean(assert, problems);
  await context.close();
});
