// End-to-end tests of the timeline on the release build: deep links, stepping, autoplay, layouts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, open, assertClean, SCREENSHOTS } from "./browser.mjs";

const site = useSite();

const current = (page) => page.getAttribute("[data-testid=timeline-card]", "data-milestone");

test("#m=<id> opens that milestone, paused; stepping rewrites the hash without history entries", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "#m=approval");
  assert.equal(await current(page), "approval");
  assert.equal(await page.getAttribute("[data-testid=timeline-play]", "aria-label"), "播放", "paused");
  assert.ok((await page.getAttribute("[data-testid=region-330522]", "class")).includes("is-lit"));
  const historyBefore = await page.evaluate(() => history.length);
  await page.click("[data-testid=timeline-next]");
  await page.waitForFunction(() => location.hash === "#m=xuancheng-zone-units");
  await page.click("[data-testid=timeline-next]");
  await page.waitForFunction(() => location.hash === "#m=guangde-forum");
  assert.equal(await page.evaluate(() => history.length), historyBefore, "replaceState, not pushState");
  await page.focus("[data-testid=timeline-track]");
  await page.keyboard.press("Home");
  await page.waitForFunction(() => location.hash === "#m=idea-2018");
  assertClean(assert, problems);
  await context.close();
});

test("?start=latest opens the anniversary with its 2025 figures linked", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "?start=latest&lang=en");
  assert.equal(await current(page), "fourth-anniversary");
  const links = await page.$$eval("[data-testid=period-figures] a", (as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(links.sort(), ["#figure-coordination-meetings-2025", "#figure-new-projects-2025", "#figure-problems-solved-2025"]);
  for (const href of links) assert.equal(await page.locator(href).count(), 1, `${href} exists`);
  assertClean(assert, problems);
  await context.close();
});

for (const hash of ["#m=no-such-milestone", "#m=<script>alert(1)</script>", "#%%%", "#m="]) {
  test(`a bad hash (${hash}) loads normally`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, hash);
    assert.equal(await current(page), "idea-2018");
    assertClean(assert, problems);
    await context.close();
  });
}

test("autoplay steps after the map's entrance and pauses on request; never under reduced motion", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "");
  assert.equal(await current(page), "idea-2018");
  assert.equal(await page.getAttribute("[data-testid=timeline-play]", "aria-label"), "暂停", "playing");
  await page.waitForFunction(
    () => document.querySelector("[data-testid=timeline-card]")?.dataset.milestone === "xuancheng-proposal-2020",
    null,
    { timeout: 7000 },
  );
  await page.click("[data-testid=timeline-play]");
  const stopped = await current(page);
  await page.waitForTimeout(5000);
  assert.equal(await current(page), stopped, "paused");
  assertClean(assert, problems);
  await context.close();

  const reduced = await open(site.browser, site.server, "", { reducedMotion: "reduce" });
  assert.equal(await reduced.page.getAttribute("[data-testid=timeline-play]", "aria-label"), "播放");
  await reduced.page.waitForTimeout(5000);
  assert.equal(await current(reduced.page), "idea-2018");
  assertClean(assert, reduced.problems);
  await reduced.context.close();
});

test("filters hide a group and stepping skips it", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "#m=idea-2018");
  await page.click("[data-testid=filter-policy]");
  assert.equal(await page.getAttribute("[data-testid=filter-policy]", "aria-pressed"), "false");
  assert.equal(await page.locator("[data-testid=milestone-approval]").count(), 0);
  const id = await current(page);
  assert.notEqual(id, "idea-2018");
  assertClean(assert, problems);
  await context.close();
});

for (const [width, height, layout] of [[360, 740, "narrow"], [1280, 800, "wide"]]) {
  test(`timeline ${layout} layout at ${width}px`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, "#m=approval", { width, height });
    const narrow = await page.locator(".timeline.is-narrow").count();
    assert.equal(narrow, layout === "narrow" ? 1 : 0);
    assert.equal(await page.locator("[data-testid^=milestone-]").count(), 14);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
    await page.locator("[data-testid=timeline]").screenshot({ path: `${SCREENSHOTS}/timeline-${width}.png` });
    assertClean(assert, problems);
    await context.close();
  });
}
