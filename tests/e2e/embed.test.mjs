// End-to-end tests of the embed: static/embed-demo.html (a mock article embedding the graphic twice
// with static/embed.js), served with a strict Content-Security-Policy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, assertClean, cspViolations, SCREENSHOTS } from "./support/browser.mjs";
import { startServer, STRICT_CSP } from "./support/server.mjs";
import { story, palette, cssRgb } from "./support/story.mjs";
import { holdsFor } from "./support/wait.mjs";
import { EmbedPage } from "./pages/embed.mjs";

const site = {};
before(async () => {
  site.browser = await launch();
  site.server = await startServer("dist", { headers: { "content-security-policy": STRICT_CSP } });
});
after(async () => {
  await site.browser?.close();
  await site.server?.close();
});

async function openDemo(hash = "", options = {}) {
  const opened = await open(site.browser, site.server, `embed-demo.html${hash}`, { host: true, ...options });
  opened.embed = new EmbedPage(opened.page);
  await opened.embed.ready();
  return opened;
}

test("each iframe takes its content's height, after load and after resizing to 360 px and back", async () => {
  const { page, context, problems, embed } = await openDemo("", { width: 1280 });
  await embed.sized("1280 px");
  const wide = (await embed.heights()).zh[1];
  await page.setViewportSize({ width: 360, height: 800 });
  await embed.sized("360 px");
  const narrow = (await embed.heights()).zh[1];
  assert.notEqual(Math.round(wide), Math.round(narrow), "the content height changed with the width");
  await page.screenshot({ path: `${SCREENSHOTS}/embed-demo-360.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await embed.sized("back at 1280 px");
  await page.screenshot({ path: `${SCREENSHOTS}/embed-demo-1280.png` });
  assert.deepEqual(await cspViolations(page), [], "CSP violations");
  assertClean(assert, problems);
  await context.close();
});

test("stepping the timeline inside updates the host's address, and that address opens the same milestone", async () => {
  const { page, context, problems, embed } = await openDemo();
  const zh = embed.frame("zh");
  assert.equal(await embed.current("zh"), story.milestones[0].id);
  await zh.click("[data-testid=timeline-next]");
  await zh.click("[data-testid=timeline-next]");
  const id = story.milestones[2].id;
  await page.waitForFunction((want) => location.hash.includes(`changhe-zh=${want}`), id, { timeout: 3000 });
  const shared = page.url();
  assert.ok(shared.endsWith(`#changhe-zh=${id}`), shared);
  // The English embed kept its own place.
  assert.equal(await embed.current("en"), story.milestones[0].id);
  assertClean(assert, problems);
  await context.close();

  const again = await openDemo(`#changhe-zh=${id}`);
  assert.equal(await again.embed.current("zh"), id);
  assert.equal(await again.embed.current("en"), story.milestones[0].id);
  assert.deepEqual(await cspViolations(again.page), [], "CSP violations");
  assertClean(assert, again.problems);
  await again.context.close();
});

test("the English embed is English throughout and its forced dark theme applies; the Chinese one follows the host", async () => {
  const { page, context, problems, embed } = await openDemo("", { colorScheme: "light" });
  const en = embed.frame("en");
  assert.equal(await en.getAttribute("html", "lang"), "en");
  assert.equal(await en.getAttribute("html", "data-theme"), "dark");
  const han = await en.$$eval("h1, h2, h3, h4, .figure-label, .milestone-body, .chart-title, button, summary, th", (els) =>
    els.map((e) => e.textContent).filter((t) => /[\u4e00-\u9fff]/.test(t) && !/中文/.test(t)),
  );
  assert.deepEqual(han, [], "no Chinese in the English embed's headings, labels and controls");
  assert.equal((await en.textContent("h1")).trim(), story.meta.title.en);
  const colours = await en.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]);
  assert.equal(colours[0], cssRgb(palette.dark.text), "light text on dark");
  assert.equal(colours[1], "rgba(0, 0, 0, 0)", "transparent background (data-transparent)");
  const zh = embed.frame("zh");
  assert.equal(await zh.getAttribute("html", "lang"), "zh-CN");
  assert.equal(await zh.getAttribute("html", "data-theme"), null, "auto");
  assert.equal(await zh.evaluate(() => getComputedStyle(document.body).color), cssRgb(palette.light.text));
  // No headline, dek or dateline on screen: the host article has its own. (The live app keeps the
  // build's head, so the headline may be there, but only for screen readers.)
  const shown = await zh.$$eval("h1, .dek, .dateline", (els) =>
    els.filter((e) => { const r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1; }).map((e) => e.outerHTML.slice(0, 60)));
  assert.deepEqual(shown, [], "nothing of the head but the kicker and switch on screen");
  assert.equal((await zh.textContent("h1")).trim(), story.meta.title.zh, "the headline is still spoken");
  await embed.iframe("en").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/embed-demo-en-dark.png` });
  assert.deepEqual(await cspViolations(page), [], "CSP violations");
  assertClean(assert, problems);
  await context.close();
});

test("embed.js ignores messages from other windows and of the wrong shape", async () => {
  const { page, context, problems, embed } = await openDemo();
  await embed.sized("before");
  const height = () => embed.iframe("zh").evaluate((f) => f.parentElement.style.height || f.style.height);
  const before = await height();
  const hash = await page.evaluate(() => location.hash);
  await page.evaluate(() => {
    window.postMessage({ "changhe-height": 5, id: "zh" }, "*");
    window.postMessage({ "changhe-hash": "#m=approval", id: "zh" }, "*");
  });
  await embed.frame("zh").evaluate(() => {
    parent.postMessage({ "changhe-height": "tall", id: "zh" }, "*");
    parent.postMessage({ "changhe-height": 1e9, id: "zh" }, "*");
    parent.postMessage({ "changhe-hash": "javascript:alert(1)", id: "zh" }, "*");
    parent.postMessage({ "changhe-height": 10, id: "en" }, "*");
  });
  // A sibling frame is not the host: the zh frame ignores its well-formed viewport and go.
  const zhScroll = () => embed.frame("zh").evaluate(() => window.scrollY);
  const scrolled = await zhScroll();
  await embed.frame("en").evaluate(() => {
    const zh = parent.document.querySelector("iframe[data-changhe-frame=zh]").contentWindow;
    zh.postMessage({ changhe: 1, type: "viewport", top: -2000, height: 700 }, "*");
    zh.postMessage({ changhe: 1, type: "go", milestone: "railway-opens" }, "*");
  });
  const state = () => Promise.all([height(), page.evaluate(() => location.hash), zhScroll(), embed.current("zh")]);
  assert.deepEqual(await holdsFor(state, 1000, { interval: 100, what: "the frame's height, the host's hash, the zh frame's scroll and milestone" }),
    [before, hash, scrolled, story.milestones[0].id]);
  assertClean(assert, problems);
  await context.close();
});

test("with no input for 15 s the host page's address does not change", async () => {
  const { page, context, problems } = await openDemo();
  await holdsFor(() => page.evaluate(() => location.href), 15000, { interval: 500, what: "the host's address" });
  assertClean(assert, problems);
  await context.close();
});
