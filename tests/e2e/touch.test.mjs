// Touch as phones deliver it (issue 14): Chromium with a touch screen and a mobile viewport, and
// raw touch points sent into the browser's input pipeline (CDP Input.dispatchTouchEvent), so the
// page scrolls and zooms as it would under a finger, through its own touch-action and listeners.
// (Input.synthesizeScrollGesture does not scroll this headless Chromium at all, so it proves nothing.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, open, assertClean, SCREENSHOTS } from "./support/browser.mjs";
import { story } from "./support/story.mjs";
import { swipe, pinch } from "./support/touch.mjs";
import { steady, until } from "./support/wait.mjs";

const site = useSite();
const PHONES = [[390, 844, 3], [412, 915, 2.6]];

const openPhone = (width, height, dpr, path = "") =>
  open(site.browser, site.server, path, { width, height, deviceScaleFactor: dpr, isMobile: true, hasTouch: true });

/// The part of the element's box that is on screen, or null when too little of it is.
const visibleBox = (locator) => locator.evaluate((e) => {
  const r = e.getBoundingClientRect();
  const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
  const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
  return bottom - top > 60 && right - left > 60 ? { x: (left + right) / 2, y: (top + bottom) / 2, bottom } : null;
});

const scrollY = (page) => page.evaluate(() => window.scrollY);
const visibleMap = (page) => page.locator("[data-testid=map]").filter({ visible: true }).first();

for (const [width, height, dpr] of PHONES) {
  const phone = `${width}×${height} DPR ${dpr}`;

  test(`touch ${phone}: a tap on a county shows its detail`, async () => {
    const { page, context, problems } = await openPhone(width, height, dpr);
    const county = story.regions.find((r) => r.code === "330523");
    const region = visibleMap(page).locator(`[data-testid='region-${county.code}']`);
    await region.tap();
    assert.equal(await region.getAttribute("aria-pressed"), "true", "the tapped county is selected");
    assert.match(await page.locator("[data-testid=region-detail]").textContent(), new RegExp(county.name.zh));
    await page.screenshot({ path: `${SCREENSHOTS}/touch-tap-${width}.png` });
    assertClean(assert, problems);
    await context.close();
  });

  test(`touch ${phone}: swipes that start on the map or on a chart scroll the page; the sticky map never traps it`, async () => {
    const { page, context, problems } = await openPhone(width, height, dpr);
    const cdp = await context.newCDPSession(page);
    // On the map, from the top of the page down through the story: every swipe that starts on the
    // (sticky) map moves the page, until the map has scrolled away with the end of the story.
    let swipes = 0;
    for (;;) {
      // The finger lands low on the map's visible part, so the swipe is long however little shows.
      const box = await visibleBox(visibleMap(page));
      if (!box) break;
      const at = { x: box.x, y: box.bottom - 10 };
      const before = await scrollY(page);
      const distance = Math.min(300, at.y - 10);
      await swipe(cdp, at, distance);
      const after = await steady(() => scrollY(page), { quiet: 250, what: "the page's scroll after a swipe" });
      assert.ok(after > before + distance / 2, `swipe ${swipes + 1} on the map (from y ${at.y}, ${distance} px) at ${before} px moved the page to ${after} px`);
      swipes++;
      assert.ok(swipes < 80, "the map is still on screen after 80 swipes");
    }
    assert.ok(swipes >= 3, `the map stayed under the finger through the story (${swipes} swipes)`);
    const storyEnd = await page.locator(".story").evaluate((e) => e.getBoundingClientRect().bottom);
    assert.ok(storyEnd < height, `the map left with the end of the story (story ends at ${storyEnd} px)`);
    // On each chart.
    for (const c of story.charts) {
      const canvas = page.locator(`[data-testid=chart-${c.id}] canvas`);
      await canvas.evaluate((e) => e.scrollIntoView({ block: "center" }));
      const at = await visibleBox(canvas);
      assert.ok(at, `chart ${c.id} is on screen`);
      const before = await scrollY(page);
      const distance = Math.min(300, at.y - 10);
      await swipe(cdp, at, distance);
      const after = await steady(() => scrollY(page), { quiet: 250, what: "the page's scroll after a swipe" });
      assert.ok(after > before + distance / 2, `a swipe on chart ${c.id} (${distance} px) moved the page from ${before} to ${after} px`);
    }
    assertClean(assert, problems);
    await context.close();
  });

  test(`touch ${phone}: pinch-zoom is not disabled, on the map or on a chart`, async () => {
    const { page, context, problems } = await openPhone(width, height, dpr);
    const viewport = await page.getAttribute("meta[name=viewport]", "content");
    assert.doesNotMatch(viewport, /user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*1(\.0*)?(\D|$)/, viewport);
    // Nothing the finger lands on turns pinch-zoom off.
    const actions = await page.evaluate(() => [...document.querySelectorAll("html, body, .map-frame, [data-testid=map], .chart canvas, .timeline")]
      .map((e) => [e.className?.baseVal ?? e.className ?? e.tagName, getComputedStyle(e).touchAction])
      .filter(([, t]) => !(t === "auto" || t === "manipulation" || t.includes("pinch-zoom"))));
    assert.deepEqual(actions, [], "touch-action that disables pinch-zoom");
    await context.close();
    // Two fingers spread on the map, and on each chart, zoom the page (a fresh page each time).
    for (const target of ["map", ...story.charts.map((c) => c.id)]) {
      const { page, context, problems: more } = await openPhone(width, height, dpr);
      const element = target === "map" ? visibleMap(page) : page.locator(`[data-testid=chart-${target}] canvas`);
      await element.evaluate((e) => e.scrollIntoView({ block: "center" }));
      const at = await visibleBox(element);
      assert.ok(at, `${target} is on screen`);
      await pinch(await context.newCDPSession(page), at);
      const scale = await until(() => page.evaluate(() => visualViewport.scale), (v) => v > 1.5, { what: `a pinch on ${target} zooms` }).catch(() => page.evaluate(() => visualViewport.scale));
      assert.ok(scale > 1.5, `a pinch on ${target} zooms the page (scale ${scale})`);
      if (target === "map") await page.screenshot({ path: `${SCREENSHOTS}/touch-pinch-${width}.png` });
      problems.console.push(...more.console);
      problems.failed.push(...more.failed);
      problems.foreign.push(...more.foreign);
      await context.close();
    }
    assertClean(assert, problems);
  });
}
