// End-to-end tests of the scrolling story on the release build: the map stays on screen while the
// milestone cards scroll past it, the card at the reading line becomes current and lights its
// places, and the buttons bring a card to that line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, open, assertClean, SCREENSHOTS } from "./support/browser.mjs";
import { story } from "./support/story.mjs";
import { until, steady } from "./support/wait.mjs";
import { TimelinePage } from "./pages/timeline.mjs";

const site = useSite();

/// Region ids lit on the map now (by the story's region ids, from the counties' test ids).
async function litRegions(page) {
  const byTestId = Object.fromEntries(story.regions.map((r) => [`region-${r.code ?? r.id}`, r.id]));
  const lit = await page.$$eval(".county.is-lit, .base-marker.is-lit", (els) => els.map((e) => e.dataset.testid));
  return lit.map((t) => byTestId[t]).sort();
}

/// The share of the map's box inside the viewport (0–1).
function mapShownShare(page) {
  return page.locator("[data-testid=map]").evaluate((e) => {
    const r = e.getBoundingClientRect();
    const top = Math.max(r.top, 0);
    const bottom = Math.min(r.bottom, innerHeight);
    return Math.max(0, bottom - top) / r.height;
  });
}

/// Two animation frames and the observer's callback after them.
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 30)))));

for (const [width, height] of [[360, 740], [1280, 800]]) {
  for (const lang of ["zh", "en"]) {
    test(`scrolling the story at ${width}×${height} (${lang}) makes each milestone current in turn, with the map on screen and its places lit`, async () => {
      const { page, context, problems } = await open(site.browser, site.server, lang === "en" ? "?lang=en" : "", { width, height });
      const timeline = new TimelinePage(page);
      const seen = [await timeline.current()];
      assert.equal(seen[0], story.milestones[0].id, "the first milestone is current at load");
      const end = await page.evaluate(() => document.querySelector("[data-testid=timeline]").getBoundingClientRect().bottom + scrollY);
      let shots = 0;
      for (let y = 60; y < end; y += 60) {
        await page.evaluate((y) => window.scrollTo(0, y), y);
        await settle(page);
        const id = await timeline.current();
        if (id === seen.at(-1)) continue;
        seen.push(id);
        const m = story.milestones.find((x) => x.id === id);
        const share = await mapShownShare(page);
        assert.ok(share >= 0.8, `${id}: only ${(share * 100).toFixed(0)} % of the map is on screen`);
        assert.deepEqual(await litRegions(page), [...m.regions].sort(), `${id}: lit regions`);
        const top = await page.locator(`[data-testid='milestone-${id}']`).evaluate((e) => e.getBoundingClientRect().top);
        assert.ok(top > 0 && top < height, `${id}: its card is on screen (top at ${top.toFixed(0)})`);
        if ([1, 7, 13].includes(story.milestones.indexOf(m))) {
          shots++;
          await page.screenshot({ path: `${SCREENSHOTS}/story-${width}-${lang}-${shots}.png` });
        }
      }
      assert.deepEqual(seen, story.milestones.map((m) => m.id), "every milestone current in turn, in order");
      assertClean(assert, problems);
      await context.close();
    });
  }
}

for (const [width, height] of [[360, 740], [1280, 800]]) {
  test(`at ${width}×${height} next and latest bring their card to the reading line, the map still on screen`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, "", { width, height });
    const timeline = new TimelinePage(page);
    await page.locator("#timeline-heading").scrollIntoViewIfNeeded();
    // The click must not scroll the page itself (a scroll makes another card current first):
    // bring the controls on screen before reading which card is current.
    await page.locator("[data-testid=timeline-next]").scrollIntoViewIfNeeded();
    // Scrolling is the reader's move too: once it has settled, "next" steps from whatever card
    // that scroll made current. On a slow machine the observer may answer late: wait until the
    // current card has stopped changing.
    const currentId = await steady(() => timeline.current(), { what: "the current card" });
    const at = story.milestones.findIndex((m) => m.id === currentId);
    const target = story.milestones[at + 1].id;
    await timeline.next();
    await until(() => timeline.current(), (id) => id === target, { what: `${target} current` });
    await settle(page);
    const card = () => page.locator(`[data-testid='milestone-${target}']`).evaluate((e) => e.getBoundingClientRect().top);
    const top = await card();
    assert.ok(top > 0 && top < height * 0.8, `the card's top at ${top.toFixed(0)} px`);
    assert.ok((await mapShownShare(page)) >= 0.8, "the map on screen");
    assert.ok(await page.locator("[data-testid=timeline-next]").isVisible(), "the controls stay at hand");
    // After the jump the reading line holds the card: it stays current.
    await settle(page);
    assert.equal(await timeline.current(), target);
    await page.click("[data-testid=timeline-last]");
    await until(() => timeline.current(), (id) => id === story.milestones.at(-1).id, { what: "the latest current" });
    await settle(page);
    assert.equal(await timeline.current(), story.milestones.at(-1).id, "stays after the jump");
    assertClean(assert, problems);
    await context.close();
  });
}

test("the page scrolls on past the story: the map stops sticking at its end", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "", { width: 360, height: 740 });
  await page.evaluate(() => document.querySelector("#figures").scrollIntoView());
  await settle(page);
  const bottom = await page.locator("[data-testid=map]").evaluate((e) => e.getBoundingClientRect().bottom);
  assert.ok(bottom <= 1, `the map has scrolled away (bottom at ${bottom})`);
  assertClean(assert, problems);
  await context.close();
});

for (const [width, height] of [[360, 740], [1280, 800]]) {
  test(`at ${width}×${height} a selected county's detail shows in the sticky area without scrolling; Escape, the close button and a tap outside close it`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, "", { width, height });
    await page.evaluate(() => document.querySelector("[data-testid=timeline-track]").scrollIntoView());
    await settle(page);
    const county = page.locator("[data-testid='region-330523']");
    await county.click();
    const detail = page.locator("[data-testid=region-detail]");
    await until(() => detail.boundingBox(), (b) => b && b.height > 40, { what: "the sheet shown" });
    const box = await detail.boundingBox();
    assert.ok(box.y >= 0 && box.y + Math.min(box.height, 120) <= height, `the sheet is on screen: ${JSON.stringify(box)}`);
    const close = await page.locator("[data-testid=detail-close]").boundingBox();
    assert.ok(close.height >= 40 && close.height < 60, `"close" on one line: ${JSON.stringify(close)}`);
    await page.keyboard.press("Escape");
    await until(() => detail.boundingBox(), (b) => b.height <= 1, { what: "Escape closes" });
    await county.click();
    await page.click("[data-testid=detail-close]");
    await until(() => detail.boundingBox(), (b) => b.height <= 1, { what: "close button closes" });
    await county.click();
    await until(() => detail.boundingBox(), (b) => b.height > 40, { what: "shown again" });
    await page.locator("#timeline-heading").click();
    await until(() => detail.boundingBox(), (b) => b.height <= 1, { what: "a tap outside closes" });
    assertClean(assert, problems);
    await context.close();
  });
}
