// End-to-end tests of the release build (dist/) in Debian's Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, open, assertClean, SCREENSHOTS } from "./support/browser.mjs";
import { story, regionTestIds, numbers } from "./support/story.mjs";
import { assertNoHorizontalOverflow } from "./support/layout.mjs";
import { MapPage } from "./pages/map.mjs";
import { FiguresPage } from "./pages/figures.mjs";
import { TimelinePage } from "./pages/timeline.mjs";
import { frames } from "./support/wait.mjs";

const site = useSite();

test("Chinese by default: seven regions, every milestone and figure, no errors or outside requests", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "");
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.equal((await page.textContent("h1")).trim(), story.meta.title.zh);

  assert.deepEqual(await new MapPage(page).regionIds(), regionTestIds().sort());

  const timeline = new TimelinePage(page);
  for (const m of story.milestones) {
    const text = await timeline.milestone(m.id).textContent();
    assert.ok(text.includes(m.title.zh), `milestone ${m.id} shows its title`);
  }
  const order = await page.$$eval("[data-testid^='milestone-']", (els) => els.map((e) => e.dataset.testid));
  assert.deepEqual(order, story.milestones.map((m) => `milestone-${m.id}`), "milestones in date order");

  const figures = new FiguresPage(page);
  for (const f of story.figures) {
    const text = await figures.card(f.id).textContent();
    if (f.subject === "plenum") {
      // A context figure is an item of its section's context line: the line says what is
      // counted, the item the quoted term and its number.
      const line = await page.locator("[data-testid=figure-context]").textContent();
      assert.ok(line.includes(story.ui.context_line.zh), "the context line says what it counts");
      assert.ok(text.includes(f.label.zh.match(/“[^”]*”/)[0]), `figure ${f.id} names its term`);
    } else {
      assert.ok(text.includes(f.label.zh), `figure ${f.id} label`);
    }
    for (const n of numbers(f)) assert.ok(text.includes(String(n)), `figure ${f.id} shows ${n}: ${text}`);
  }
  await page.screenshot({ path: `${SCREENSHOTS}/zh-1280-light-full.png`, fullPage: true });
  assertClean(assert, problems);
  await context.close();
});

test("?lang=en shows English, with converted money and units", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "?lang=en");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal((await page.textContent("h1")).trim(), story.meta.title.en);
  const card = (id) => new FiguresPage(page).card(id).textContent();
  assert.match(await card("foreign-investment"), /US\$210 million/);
  assert.match(await card("industry-fund"), /more than\s*¥14\.7 billion/);
  assert.match(await card("output-per-mu"), /¥3\.4 million[\s\S]*¥6\.4 million/);
  assert.match(await card("land-freed"), /1,800 mu[\s\S]*120 ha/);
  for (const m of story.milestones) {
    assert.ok((await new TimelinePage(page).milestone(m.id).textContent()).includes(m.title.en));
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
  const map = new MapPage(page);
  await map.region("330523").click();
  assert.equal(await map.region("330523").getAttribute("aria-pressed"), "true");
  assert.match(await map.detail.textContent(), /安吉县/);
  await page.keyboard.press("Escape");
  assert.equal(await map.region("330523").getAttribute("aria-pressed"), "false");

  // The switch is a link to the English page, at the milestone being read.
  await page.click("[data-testid='lang-switch']");
  await page.waitForSelector("html[lang=en] #app[data-live]");
  assert.match(new URL(page.url()).pathname, /\/en\/$/);
  assert.equal((await page.textContent("h1")).trim(), story.meta.title.en);
  assertClean(assert, problems);
  await context.close();
});

for (const [width, height] of [[360, 740], [1280, 800]]) {
  for (const colorScheme of ["light", "dark"]) {
    test(`screenshot ${width}×${height} ${colorScheme}, no horizontal scroll`, async () => {
      const { page, context, problems } = await open(site.browser, site.server, "", { width, height, colorScheme });
      await assertNoHorizontalOverflow(assert, page);
      await page.screenshot({ path: `${SCREENSHOTS}/zh-${width}-${colorScheme}.png` });
      await new MapPage(page).svg.screenshot({ path: `${SCREENSHOTS}/map-${width}-${colorScheme}.png` });
      assertClean(assert, problems);
      await context.close();
    });
  }
}

for (const [width, height] of [[360, 740], [1280, 800]]) {
  test(`scrolling the whole page slowly shifts the layout by at most 0.02 (${width}×${height})`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, "", { width, height });
    await page.evaluate(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: "layout-shift", buffered: false });
    });
    // Script scrolling, no input: 200 px at a time to the end, each step once the page has
    // painted it (six animation frames, about 100 ms at 60 Hz), then the counters finish.
    const total = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < total; y += 200) {
      await page.evaluate((to) => window.scrollTo(0, to), y);
      await frames(page, 6);
    }
    await page.waitForFunction(() => [...document.querySelectorAll(".counter-visual")].every((e) => e.dataset.done === "true"), null, { timeout: 5000 });
    const shift = await page.evaluate(() => window.__shift);
    console.log(`layout shift while scrolling at ${width}×${height}: ${shift.toFixed(4)}`);
    assert.ok(shift <= 0.02, `layout shift ${shift}`);
    assertClean(assert, problems);
    await context.close();
  });
}

test("the running app marks #app with data-live", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "");
  assert.equal(await page.locator("#app[data-live]").count(), 1);
  assert.equal(await page.locator("#boot-failed").isVisible(), false);
  assertClean(assert, problems);
  await context.close();
});

for (const [what, handler] of [
  ["blocked", (route) => route.abort()],
  ["truncated", async (route) => {
    const body = (await (await route.fetch()).body()).subarray(0, 4000);
    await route.fulfill({ status: 200, contentType: "application/wasm", body });
  }],
]) {
  test(`a ${what} wasm leaves the text version and one quiet note, not a loading line`, async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error" && !/Failed to load resource|net::ERR_FAILED/.test(m.text())) errors.push(m.text()); });
    await page.route(/\.wasm$/, handler);
    await page.goto(site.server.url(""));
    await page.waitForSelector("#boot-failed:not([hidden])", { timeout: 10000 });
    assert.equal(await page.locator(".loading").count(), 0, "the loading line is gone");
    assert.equal(await page.locator("#app[data-live]").count(), 0);
    const text = await page.locator("#app").innerText();
    assert.ok(text.includes(story.meta.title.zh), "the headline is there");
    for (const m of story.milestones) assert.ok(text.includes(m.title.zh), `milestone ${m.id}`);
    for (const f of story.figures) for (const n of numbers(f)) assert.ok(text.includes(String(n)), `figure ${f.id} ${n}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
