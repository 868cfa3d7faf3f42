// The prerendered page (issue 13): the graphic is in the HTML before any script runs, stays when
// JavaScript is off or the wasm cannot start, and the live app takes it over without a visible
// change.
import { test } from "node:test";
import { writeFileSync } from "node:fs";
import assert from "node:assert/strict";
import { useSite, SCREENSHOTS } from "./support/browser.mjs";
import { story, numbers } from "./support/story.mjs";
import { expected, squash } from "./support/oracle.mjs";
import { FiguresPage, canvasInk } from "./pages/figures.mjs";
import { frames, steady, until } from "./support/wait.mjs";

const site = useSite();
const pagePath = (lang) => (lang === "en" ? "en/" : "");

/// What the static page shows: regions of the one visible map, milestones, and each figure's
/// final value (visible and spoken), in `lang`.
async function assertWholeGraphic(page, lang) {
  assert.equal(await page.getAttribute("html", "lang"), lang === "en" ? "en" : "zh-CN");
  const maps = await page.locator("[data-testid=map]").evaluateAll((svgs) =>
    svgs.filter((s) => s.getBoundingClientRect().width > 0).map((s) => s.querySelectorAll("[data-testid^=region-]").length));
  assert.deepEqual(maps, [7], "one visible map with the seven regions (the base and six counties)");
  assert.equal(await page.locator("[data-testid^=milestone-]").count(), story.milestones.length);
  assert.equal(story.milestones.length, 14);
  for (const m of story.milestones) {
    assert.match(squash(await page.locator(`[data-testid=milestone-${m.id}]`).textContent()), new RegExp(squash(m.title[lang]).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), m.id);
  }
  const figures = new FiguresPage(page);
  for (const f of story.figures) {
    const want = numbers(f).map((v) => expected(f, v, lang));
    const text = squash(await figures.card(f.id).textContent());
    for (const w of want) assert.ok(text.includes(squash(w)), `${f.id}: "${text}" shows ${w}`);
  }
  for (const c of story.charts) {
    const table = page.locator(`[data-testid=chart-${c.id}] table`);
    assert.equal(await table.count(), 1, `chart ${c.id} has its data table`);
    // The chart itself, drawn at build time: one frame shown, near the box's width, speaking as
    // the canvas does with every value of the table.
    const picture = page.locator(`[data-testid=chart-picture-${c.id}]`);
    assert.equal(await picture.getAttribute("role"), "img", `chart ${c.id}: its picture is an image`);
    const label = squash(await picture.getAttribute("aria-label"));
    for (const cell of await table.locator("td").allTextContents()) {
      assert.ok(label.includes(squash(cell)), `chart ${c.id}: its text alternative "${label}" has ${cell}`);
    }
    const shown = await picture.evaluate((p) => ({
      box: p.getBoundingClientRect(),
      frames: [...p.querySelectorAll("svg")].filter((s) => s.getBoundingClientRect().height > 0).map((s) => ({ drawn: s.viewBox.baseVal.width, bars: s.querySelectorAll("rect").length })),
    }));
    assert.equal(shown.frames.length, 1, `chart ${c.id}: one frame of its picture shown`);
    assert.ok(shown.box.height > 100, `chart ${c.id}: its box is drawn in (${shown.box.height} px)`);
    const [frame] = shown.frames;
    assert.ok(frame.drawn >= shown.box.width * 0.75 && frame.drawn <= shown.box.width * 1.2, `chart ${c.id}: drawn at ${frame.drawn} px for a ${shown.box.width} px box`);
    assert.ok(frame.bars >= c.rows.length, `chart ${c.id}: its ${c.rows.length} bars are drawn (${frame.bars} rects)`);
    assert.ok((await page.locator(`[data-testid=chart-${c.id}] .source-line`).textContent()).length > 3, `chart ${c.id} has its source`);
  }
  assert.equal(await page.locator(".loading").count(), 0, "no loading line");
}

for (const lang of ["zh", "en"]) {
  test(`JavaScript off (${lang}): the prerendered page holds the whole graphic, under the quiet note`, async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(site.server.url(pagePath(lang)));
    await assertWholeGraphic(page, lang);
    assert.equal(await page.locator("#boot-failed").isVisible(), true, "the quiet note");
    assert.equal(await page.locator("#app").getAttribute("data-live"), null);
    await page.screenshot({ path: `${SCREENSHOTS}/prerender-nojs-${lang}-360.png` });
    await context.close();
  });

  test(`the wasm cannot be fetched (${lang}): the graphic stays, static, with the note and no loading line`, async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(site.server.url(pagePath(lang)));
    await page.locator("#boot-failed").waitFor({ state: "visible" });
    await assertWholeGraphic(page, lang);
    assert.equal(await page.locator("#app").getAttribute("data-live"), null);
    assert.ok(await page.locator("#app").evaluate((a) => a.classList.contains("is-static")));
    for (const c of story.charts) {
      assert.equal(await page.locator(`[data-testid=chart-save-${c.id}]`).isVisible(), false, `chart ${c.id}: no "save" that cannot work`);
    }
    assert.equal(await page.locator("[data-testid=timeline-next]").isVisible(), false, "no step controls that cannot work");
    // The one console error is the browser's note on the blocked request itself.
    assert.ok(errors.every((e) => /Failed to load resource/.test(e)), errors.join("\n"));
    assert.ok(errors.length <= 1, errors.join("\n"));
    await context.close();
  });
}

test("?lang=en and ?lang=zh lead to each language's own page, keeping the options and hash", async () => {
  const context = await site.browser.newContext({ viewport: { width: 800, height: 800 } });
  const page = await context.newPage();
  await page.goto(site.server.url("?lang=en&theme=dark#m=approval"));
  await page.waitForSelector("#app[data-live]");
  const url = new URL(page.url());
  assert.equal(url.pathname, "/en/");
  assert.equal(url.search, "?theme=dark");
  assert.equal(url.hash, "#m=approval");
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  await page.goto(site.server.url("en/?lang=zh"));
  await page.waitForSelector("#app[data-live]");
  assert.equal(new URL(page.url()).pathname, "/");
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  const alternates = await page.locator("link[rel=alternate][hreflang]").evaluateAll((ls) => ls.map((l) => [l.hreflang, l.href]));
  assert.deepEqual(alternates, [["zh-CN", site.server.url("")], ["en", site.server.url("en/")]]);
  await context.close();
});

/// Holds the wasm request back until the returned function is called: the page shows only
/// what the HTML paints until then.
async function holdWasm(page) {
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/// The share of pixels that differ (any channel by more than 24) between two PNG screenshots,
/// leaving out the given boxes; compared in the page's own canvas.
async function pixelDiff(page, a, b, exclude) {
  return page.evaluate(async ({ a, b, exclude }) => {
    const load = (src) => new Promise((ok, fail) => { const i = new Image(); i.onload = () => ok(i); i.onerror = fail; i.src = src; });
    const [ia, ib] = await Promise.all([load(`data:image/png;base64,${a}`), load(`data:image/png;base64,${b}`)]);
    const w = ia.width, h = ia.height;
    const read = (img) => { const c = new OffscreenCanvas(w, h); const x = c.getContext("2d"); x.drawImage(img, 0, 0); return x.getImageData(0, 0, w, h).data; };
    const da = read(ia), db = read(ib);
    let differ = 0, counted = 0;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        if (exclude.some((r) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)) continue;
        counted++;
        const i = (y * w + x) * 4;
        if (Math.abs(da[i] - db[i]) > 24 || Math.abs(da[i + 1] - db[i + 1]) > 24 || Math.abs(da[i + 2] - db[i + 2]) > 24) differ++;
      }
    }
    return { share: differ / counted, sameSize: ia.width === ib.width && ia.height === ib.height };
  }, { a: a.toString("base64"), b: b.toString("base64"), exclude });
}

for (const [width, height] of [[360, 740], [1280, 800]]) {
  for (const [lang, query, colorScheme] of [["zh", "", "light"], ["en", "", "light"], ["zh", "?theme=dark", "light"], ["en", "", "dark"]]) {
    const label = `${lang}${query ? " ?theme=dark" : ""}${colorScheme === "dark" ? " system dark" : ""}`;
    test(`the take-over at ${width}x${height} (${label}): before and after the app goes live differ in at most 1 % of pixels`, async () => {
      const context = await site.browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion: "reduce" });
      const page = await context.newPage();
      const release = await holdWasm(page);
      const shifts = [];
      await page.exposeFunction("__shift", (v) => shifts.push(v));
      await page.addInitScript(() => {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift(e.value);
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(site.server.url(`${pagePath(lang)}${query}`), { waitUntil: "domcontentloaded" });
      await page.evaluate(() => document.fonts.ready);
      await frames(page);
      const before = await page.screenshot();
      assert.equal(await page.locator("#app").getAttribute("data-live"), null, "screenshot taken before the app runs");
      release();
      await page.waitForSelector("#app[data-live]");
      // The live graphic has settled: its markup and the page's height stop changing.
      await steady(() => page.evaluate(() => [document.getElementById("app").innerHTML.length, document.documentElement.scrollHeight]), { quiet: 300, what: "the live graphic" });
      await frames(page);
      const after = await page.screenshot();
      const name = `${SCREENSHOTS}/prerender-${lang}${query ? "-dark" : ""}${colorScheme === "dark" ? "-sysdark" : ""}-${width}`;
      writeFileSync(`${name}-before.png`, before);
      writeFileSync(`${name}-after.png`, after);
      const { share, sameSize } = await pixelDiff(page, before, after, []);
      console.log(`take-over ${width}x${height} ${label}: ${(share * 100).toFixed(2)} % of pixels differ; layout shift ${shifts.reduce((a, b) => a + b, 0).toFixed(4)}`);
      assert.ok(sameSize);
      assert.ok(share <= 0.01, `${(share * 100).toFixed(2)} % of pixels differ`);
      assert.ok(shifts.reduce((a, b) => a + b, 0) <= 0.01, `layout shift ${shifts.join(", ")}`);
      await context.close();
    });
  }
}

for (const [width, height, colorScheme] of [[360, 740, "light"], [1280, 800, "dark"]]) {
  for (const c of story.charts) {
    test(`chart ${c.id} at ${width}x${height} (${colorScheme}): its box holds the same chart before and after the app draws it`, async () => {
      const context = await site.browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion: "reduce" });
      const page = await context.newPage();
      const release = await holdWasm(page);
      await page.goto(site.server.url(""), { waitUntil: "domcontentloaded" });
      await page.evaluate(() => document.fonts.ready);
      const frame = page.locator(`[data-testid=chart-${c.id}] .chart-frame`);
      await frame.scrollIntoViewIfNeeded();
      const before = await frame.screenshot();
      const boxBefore = await frame.boundingBox();
      assert.equal(await page.locator("#app").getAttribute("data-live"), null, "taken before the app runs");
      // The same box with nothing drawn in it: what the check must tell apart.
      await page.locator(`[data-testid=chart-picture-${c.id}]`).evaluate((p) => p.querySelectorAll("svg").forEach((s) => (s.style.visibility = "hidden")));
      const blank = await frame.screenshot();
      release();
      await page.waitForSelector("#app[data-live]");
      await frame.scrollIntoViewIfNeeded();
      // The live canvas draws once it is on screen (no motion here: reduced): wait for its ink
      // to appear and stop changing.
      // Pixels drawn on the canvas (canvasInk's count; the bar colour is not asked here).
      const inked = () => frame.locator("canvas").evaluate(canvasInk, [0, 0, 0]).then((ink) => ink?.inked ?? 0);
      await until(inked, (n) => n > 0, { timeout: 8000, what: `chart ${c.id} drawn on its canvas` });
      await steady(inked, { quiet: 300, timeout: 8000, what: `chart ${c.id}'s canvas` });
      await frames(page);
      const after = await frame.screenshot();
      const boxAfter = await frame.boundingBox();
      assert.equal(Math.round(boxAfter.height), Math.round(boxBefore.height), "the box keeps its height");
      writeFileSync(`${SCREENSHOTS}/prerender-chart-${c.id}-${width}-${colorScheme}-before.png`, before);
      writeFileSync(`${SCREENSHOTS}/prerender-chart-${c.id}-${width}-${colorScheme}-after.png`, after);
      const { share } = await pixelDiff(page, before, after, []);
      const { share: empty } = await pixelDiff(page, blank, after, []);
      console.log(`chart ${c.id} at ${width} ${colorScheme}: ${(share * 100).toFixed(2)} % of the box's pixels differ (an empty box: ${(empty * 100).toFixed(2)} %)`);
      assert.ok(share <= 0.01, `${(share * 100).toFixed(2)} % of the box's pixels differ`);
      assert.ok(empty > 0.05, `an empty box would differ in more (${(empty * 100).toFixed(2)} %)`);
      await context.close();
    });
  }
}
