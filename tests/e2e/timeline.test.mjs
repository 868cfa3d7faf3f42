// End-to-end tests of the timeline on the release build: deep links, stepping, autoplay, layouts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, open, assertClean, SCREENSHOTS } from "./support/browser.mjs";
import { story } from "./support/story.mjs";
import { assertNoHorizontalOverflow } from "./support/layout.mjs";
import { holdsFor, until } from "./support/wait.mjs";
import { TimelinePage } from "./pages/timeline.mjs";
import { MapPage } from "./pages/map.mjs";

const site = useSite();
const current = (page) => new TimelinePage(page).current();

test("#m=<id> opens that milestone, paused; stepping rewrites the hash without history entries", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "#m=approval");
  const timeline = new TimelinePage(page);
  assert.equal(await timeline.current(), "approval");
  assert.equal(await timeline.playLabel(), "播放", "paused");
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

test("?start=latest opens the anniversary with its 2025 figures linked", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "?start=latest&lang=en");
  assert.equal(await current(page), "fourth-anniversary");
  const links = await new TimelinePage(page).periodLinks.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(links.sort(), ["#figure-coordination-meetings-2025", "#figure-new-projects-2025", "#figure-problems-solved-2025"]);
  for (const href of links) assert.equal(await page.locator(href).count(), 1, `${href} exists`);
  assertClean(assert, problems);
  await context.close();
});

test("arrow keys step the timeline only while its track has focus", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "", { reducedMotion: "reduce" });
  const timeline = new TimelinePage(page);
  await page.locator("h1").click();
  await page.keyboard.press("ArrowRight");
  assert.equal(await timeline.current(), story.milestones[0].id, "a key elsewhere does nothing");
  await timeline.key("ArrowRight");
  assert.equal(await timeline.current(), story.milestones[1].id);
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
  assert.equal(await timeline.playLabel(), "播放", "not playing");
  assertClean(assert, problems);
  await context.close();
});

test("play steps only when pressed, and the reader's scroll pauses it", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "", { height: 900 });
  const timeline = new TimelinePage(page);
  await timeline.playButton.click();
  assert.equal(await timeline.playLabel(), "暂停", "playing");
  await page.waitForFunction((id) => document.querySelector("[data-testid=timeline-card]")?.dataset.milestone === id, story.milestones[1].id, { timeout: 7000 });
  await page.mouse.wheel(0, 300);
  await page.waitForFunction(() => document.querySelector("[data-testid=timeline-play]").getAttribute("aria-label") === "播放", null, { timeout: 2000 });
  const stopped = await timeline.current();
  assert.equal(await holdsFor(() => timeline.current(), 5000, { what: "the paused milestone" }), stopped, "paused");
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

for (const [width, height, layout] of [[360, 740, "narrow"], [1280, 800, "wide"]]) {
  test(`timeline ${layout} layout at ${width}px`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, "#m=approval", { width, height });
    const timeline = new TimelinePage(page);
    assert.equal(await timeline.isNarrow(), layout === "narrow");
    assert.equal(await timeline.milestones().count(), story.milestones.length);
    await assertNoHorizontalOverflow(assert, page);
    await timeline.root.screenshot({ path: `${SCREENSHOTS}/timeline-${width}.png` });
    assertClean(assert, problems);
    await context.close();
  });
}

for (const [lang, width] of [["en", 1280], ["zh", 1280], ["en", 768]]) {
  test(`the axis's date labels stay inside it (${lang}, ${width} px)`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, lang === "en" ? "?lang=en" : "", { width });
    const svg = await page.locator(".timeline-axis").boundingBox();
    const labels = await page.$$eval(".mark-label", (els) => els.map((e) => { const r = e.getBoundingClientRect(); return { t: e.textContent, x: r.x, w: r.width }; }));
    assert.ok(labels.length >= 2, "key milestones are labelled");
    for (const l of labels) assert.ok(l.x >= svg.x - 0.5 && l.x + l.w <= svg.x + svg.width + 0.5, `${l.t} clipped: ${JSON.stringify(l)} in ${JSON.stringify(svg)}`);
    assertClean(assert, problems);
    await context.close();
  });
}

for (const [width, lang] of [[1280, "zh"], [768, "en"], [360, "zh"]]) {
  test(`every milestone is a button in one list at ${width} px (${lang}), the current one marked; the axis's targets never overlap`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, `${lang === "en" ? "?lang=en" : ""}#m=approval`, { width });
    const timeline = new TimelinePage(page);
    const items = await page.$$eval("[data-testid^=milestone-]", (els) => els.map((e) => ({
      id: e.dataset.testid.slice("milestone-".length),
      tag: e.tagName,
      name: e.querySelector("button")?.textContent ?? "",
      current: e.querySelector("button")?.getAttribute("aria-current"),
      expanded: e.querySelector("button")?.getAttribute("aria-expanded"),
    })));
    assert.deepEqual(items.map((i) => i.id), story.milestones.map((m) => m.id), "one list item per milestone, in order");
    assert.ok(items.every((i) => i.tag === "LI"), "real list items");
    for (const [i, m] of story.milestones.entries()) assert.ok(items[i].name.includes(m.title[lang]), `${m.id}: the button names its title`);
    assert.deepEqual(items.filter((i) => i.current === "step").map((i) => i.id), ["approval"]);
    assert.deepEqual(items.filter((i) => i.expanded === "true").map((i) => i.id), ["approval"]);
    const marks = await page.$$eval(".timeline-axis .mark-hit", (els) => els.map((e) => { const r = e.getBoundingClientRect(); return { x: r.x, w: r.width }; }));
    if (width >= 600) {
      assert.equal(marks.length, story.milestones.length);
      for (const m of marks) assert.ok(m.w >= 24, `target ${m.w} px wide`);
      for (let i = 1; i < marks.length; i++) assert.ok(marks[i].x >= marks[i - 1].x + marks[i - 1].w - 0.5, `targets ${i - 1} and ${i} overlap`);
    } else {
      assert.equal(marks.length, 0, "no axis on a phone: the list is the timeline");
    }
    assert.equal(await timeline.current(), "approval");
    assertClean(assert, problems);
    await context.close();
  });
}
