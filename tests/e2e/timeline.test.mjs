// End-to-end tests of the timeline on the release build: deep links, stepping, autoplay, layouts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, open, assertClean, SCREENSHOTS } from "./support/browser.mjs";
import { story } from "./support/story.mjs";
import { assertNoHorizontalOverflow } from "./support/layout.mjs";
import { holdsFor, steady, until } from "./support/wait.mjs";
import { TimelinePage } from "./pages/timeline.mjs";
import { MapPage } from "./pages/map.mjs";

const site = useSite();
const current = (page) => new TimelinePage(page).current();

test("#m=<id> opens that milestone; stepping rewrites the hash without history entries", async () => {
  // Tall enough that the step buttons show without scrolling (a scroll would be the reader's
  // move, and make another card current before "next" is pressed).
  const { page, context, problems } = await open(site.browser, site.server, "#m=approval", { height: 1100 });
  const timeline = new TimelinePage(page);
  assert.equal(await timeline.current(), "approval");
  assert.ok((await new MapPage(page).region("330522").getAttribute("class")).includes("is-lit"));
  const historyBefore = await page.evaluate(() => history.length);
  const at = story.milestones.findIndex((m) => m.id === "approval");
  await timeline.next();
  await page.waitForFunction((id) => location.hash === `#m=${id}`, story.milestones[at + 1].id);
  await timeline.next();
  await page.waitForFunction((id) => location.hash === `#m=${id}`, story.milestones[at + 2].id);
  assert.equal(await page.evaluate(() => history.length), historyBefore, "replaceState, not pushState");
  await timeline.key("Home");
  await page.waitForFunction((id) => location.hash === `#m=${id}`, story.milestones[0].id);
  assertClean(assert, problems);
  await context.close();
});

test("?start=latest opens the anniversary with its 2025 figures listed", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "?start=latest&lang=en");
  assert.equal(await current(page), "fourth-anniversary");
  const items = await new TimelinePage(page).periodFigures.evaluateAll((lis) => lis.map((li) => [li.dataset.figure, li.textContent]));
  assert.deepEqual(items.map(([id]) => id).sort(), ["coordination-meetings-2025", "new-projects-2025", "problems-solved-2025"]);
  for (const [id, text] of items) {
    assert.equal(await page.locator(`#figure-${id}`).count(), 1, `${id} has its card`);
    assert.match(text, /\d/, `${id} is listed with its value: ${text}`);
  }
  assertClean(assert, problems);
  await context.close();
});

test("arrow keys step the timeline only while its track has focus", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "", { reducedMotion: "reduce" });
  const timeline = new TimelinePage(page);
  await page.locator("h1").click();
  await page.keyboard.press("ArrowRight");
  assert.equal(await holdsFor(() => timeline.current(), 400), story.milestones[0].id, "a key elsewhere does nothing");
  // Focusing the list may scroll it into view, and the card the scroll brings to the reading
  // line becomes current: the key steps on from there.
  await timeline.track.focus();
  const stepFrom = await steady(() => timeline.current(), { what: "the current card" });
  const from = story.milestones.findIndex((m) => m.id === stepFrom);
  await page.keyboard.press("ArrowRight");
  await until(() => timeline.current(), (id) => id === story.milestones[from + 1].id, { what: "one step on" });
  await timeline.key("End");
  assert.equal(await timeline.current(), story.milestones.at(-1).id);
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

test("nothing moves by itself: for 15 s after load the milestone, the hash and the live region stay", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "");
  const timeline = new TimelinePage(page);
  const state = () => Promise.all([timeline.current(), page.evaluate(() => location.hash), page.locator("[data-testid=timeline-live]").innerText()]);
  const [id] = await holdsFor(state, 15000, { interval: 500, what: "milestone, hash and live region" });
  assert.equal(id, story.milestones[0].id);
  assert.equal(await page.locator("[data-testid=timeline-play]").count(), 0, "no play button: scrolling is the playback");
  assertClean(assert, problems);
  await context.close();
});

test("a hash set after load (#m=approval, Back, Forward) moves the timeline there", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "");
  const timeline = new TimelinePage(page);
  await page.evaluate(() => { location.hash = "#m=approval"; });
  await until(() => timeline.current(), (id) => id === "approval", { what: "approval current" });
  await page.evaluate(() => { location.hash = "#m=railway-opens"; });
  await until(() => timeline.current(), (id) => id === "railway-opens", { what: "railway-opens current" });
  await page.goBack();
  await until(() => timeline.current(), (id) => id === "approval", { what: "Back returns to approval" });
  await page.evaluate(() => { location.hash = "#m=no-such-milestone"; });
  assert.equal(await holdsFor(() => timeline.current(), 500), "approval", "an unknown id changes nothing");
  assertClean(assert, problems);
  await context.close();
});

test("filters hide a group and stepping skips it", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "#m=idea-2018");
  const timeline = new TimelinePage(page);
  await timeline.filter("policy").click();
  assert.equal(await timeline.filter("policy").getAttribute("aria-pressed"), "false");
  assert.equal(await timeline.milestone("approval").count(), 0);
  const id = await current(page);
  assert.notEqual(id, "idea-2018");
  assertClean(assert, problems);
  await context.close();
});

// 640×400 is a 1280×800 window at 200 % zoom (CSS pixels halve).
for (const [width, height, lang] of [[320, 640, "en"], [360, 740, "zh"], [768, 1024, "en"], [1280, 800, "zh"], [640, 400, "en"], [640, 400, "zh"]]) {
  test(`no timeline or map-key label is clipped at ${width}×${height} (${lang})`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, `${lang === "en" ? "?lang=en" : ""}#m=approval`, { width, height });
    const timeline = new TimelinePage(page);
    assert.equal(await timeline.milestones().count(), story.milestones.length);
    await assertNoHorizontalOverflow(assert, page);
    const boxes = await page.$$eval(
      ".timeline-item-button > *, .timeline-card > *, .legend li, .legend-toggle, .timeline-controls button, .section-heading, .map-note",
      (els) => els.map((e) => {
        const r = e.getBoundingClientRect();
        return { what: `${e.className || e.tagName} ${e.textContent.slice(0, 24)}`, left: r.left, right: r.right, overflow: e.scrollWidth - e.clientWidth };
      }),
    );
    assert.ok(boxes.length > 40, `${boxes.length} labels checked`);
    for (const b of boxes) {
      assert.ok(b.left >= -0.5 && b.right <= width + 0.5, `${b.what} runs off the screen: ${b.left.toFixed(1)}–${b.right.toFixed(1)}`);
      assert.ok(b.overflow <= 1, `${b.what} overflows its box by ${b.overflow} px`);
    }
    await timeline.root.screenshot({ path: `${SCREENSHOTS}/timeline-${width}-${lang}.png` });
    assertClean(assert, problems);
    await context.close();
  });
}

for (const [width, lang] of [[1280, "zh"], [768, "en"], [360, "zh"]]) {
  test(`every milestone is a button in one list at ${width} px (${lang}), the current one marked; no two targets overlap`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, `${lang === "en" ? "?lang=en" : ""}#m=approval`, { width });
    const timeline = new TimelinePage(page);
    const items = await page.$$eval("[data-testid^=milestone-]", (els) => els.map((e) => ({
      id: e.dataset.testid.slice("milestone-".length),
      tag: e.tagName,
      name: e.querySelector("button")?.textContent ?? "",
      current: e.querySelector("button")?.getAttribute("aria-current"),
      box: (({ x, y, width, height }) => ({ x, y, width, height }))(e.querySelector("button").getBoundingClientRect()),
    })));
    assert.deepEqual(items.map((i) => i.id), story.milestones.map((m) => m.id), "one list item per milestone, in order");
    assert.ok(items.every((i) => i.tag === "LI"), "real list items");
    for (const [i, m] of story.milestones.entries()) assert.ok(items[i].name.includes(m.title[lang]), `${m.id}: the button names its title`);
    assert.deepEqual(items.filter((i) => i.current === "step").map((i) => i.id), ["approval"]);
    for (const i of items) assert.ok(i.box.height >= 44 && i.box.width >= 44, `${i.id}: target ${i.box.width}×${i.box.height}`);
    for (let k = 1; k < items.length; k++) {
      const [p, q] = [items[k - 1].box, items[k].box];
      assert.ok(q.y >= p.y + p.height - 0.5, `targets of ${items[k - 1].id} and ${items[k].id} overlap`);
    }
    assert.equal(await timeline.current(), "approval");
    assertClean(assert, problems);
    await context.close();
  });
}
