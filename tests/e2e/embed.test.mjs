// End-to-end tests of the embed: static/embed-demo.html (a mock article embedding the graphic twice
// with static/embed.js), served with a strict Content-Security-Policy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, open, assertClean, cspViolations, SCREENSHOTS } from "./browser.mjs";
import { startServer, STRICT_CSP } from "./server.mjs";

const story = JSON.parse(readFileSync("static/data/story.json", "utf8"));
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
  const { page } = opened;
  await page.waitForSelector("iframe[data-changhe-frame=zh]");
  await page.waitForSelector("iframe[data-changhe-frame=en]");
  for (const id of ["zh", "en"]) {
    const frame = page.frame({ url: new RegExp(`id=${id}`) });
    await frame.waitForSelector("[data-testid=graphic]");
  }
  return opened;
}

const frameOf = (page, id) => page.frame({ url: new RegExp(`[?&]id=${id}(&|$)`) });

/// [iframe height, content height] for each embed.
async function heights(page) {
  const out = {};
  for (const id of ["zh", "en"]) {
    const outer = await page.$eval(`iframe[data-changhe-frame=${id}]`, (f) => f.getBoundingClientRect().height);
    const inner = await frameOf(page, id).evaluate(() => {
      const app = document.getElementById("app");
      return app.getBoundingClientRect().bottom + window.scrollY;
    });
    out[id] = [outer, inner];
  }
  return out;
}

async function expectSized(page, label) {
  let last;
  for (let i = 0; i < 40; i++) {
    last = await heights(page);
    if (Object.values(last).every(([outer, inner]) => Math.abs(outer - inner) <= 2)) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`${label}: iframe heights ${JSON.stringify(last)} do not match their content (±2 px)`);
}

test("each iframe takes its content's height, after load and after resizing to 360 px and back", async () => {
  const { page, context, problems } = await openDemo("", { width: 1280 });
  await expectSized(page, "1280 px");
  const wide = (await heights(page)).zh[1];
  await page.setViewportSize({ width: 360, height: 800 });
  await expectSized(page, "360 px");
  const narrow = (await heights(page)).zh[1];
  assert.notEqual(Math.round(wide), Math.round(narrow), "the content height changed with the width");
  await page.screenshot({ path: `${SCREENSHOTS}/embed-demo-360.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectSized(page, "back at 1280 px");
  await page.screenshot({ path: `${SCREENSHOTS}/embed-demo-1280.png` });
  assert.deepEqual(await cspViolations(page), [], "CSP violations");
  assertClean(assert, problems);
  await context.close();
});

test("stepping the timeline inside updates the host's address, and that address opens the same milestone", async () => {
  const { page, context, problems } = await openDemo();
  const zh = frameOf(page, "zh");
  const card = () => zh.getAttribute("[data-testid=timeline-card]", "data-milestone");
  assert.equal(await card(), story.milestones[0].id);
  await zh.click("[data-testid=timeline-next]");
  await zh.click("[data-testid=timeline-next]");
  const id = story.milestones[2].id;
  await page.waitForFunction((want) => location.hash.includes(`changhe-zh=${want}`), id, { timeout: 3000 });
  const shared = page.url();
  assert.ok(shared.endsWith(`#changhe-zh=${id}`), shared);
  // The English embed kept its own place.
  assert.equal(await frameOf(page, "en").getAttribute("[data-testid=timeline-card]", "data-milestone"), story.milestones[0].id);
  assertClean(assert, problems);
  await context.close();

  const again = await openDemo(`#changhe-zh=${id}`);
  assert.equal(await frameOf(again.page, "zh").getAttribute("[data-testid=timeline-card]", "data-milestone"), id);
  assert.equal(await frameOf(again.page, "en").getAttribute("[data-testid=timeline-card]", "data-milestone"), story.milestones[0].id);
  assert.deepEqual(await cspViolations(again.page), [], "CSP violations");
  assertClean(assert, again.problems);
  await again.context.close();
});

test("the English embed is English throughout and its forced dark theme applies; the Chinese one follows the host", async () => {
  const { page, context, problems } = await openDemo("", { colorScheme: "light" });
  const en = frameOf(page, "en");
  assert.equal(await en.getAttribute("html", "lang"), "en");
  assert.equal(await en.getAttribute("html", "data-theme"), "dark");
  const han = await en.$$eval("h1, h2, h3, h4, .figure-label, .milestone-body, .chart-title, button, summary, th", (els) =>
    els.map((e) => e.textContent).filter((t) => /[\u4e00-\u9fff]/.test(t) && !/中文/.test(t)),
  );
  assert.deepEqual(han, [], "no Chinese in the English embed's headings, labels and controls");
  assert.equal((await en.textContent("h1")).trim(), story.meta.title.en);
  const colours = await en.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]);
  assert.equal(colours[0], "rgb(235, 233, 230)", "light text on dark");
  assert.equal(colours[1], "rgba(0, 0, 0, 0)", "transparent background (data-transparent)");
  const zh = frameOf(page, "zh");
  assert.equal(await zh.getAttribute("html", "lang"), "zh-CN");
  assert.equal(await zh.getAttribute("html", "data-theme"), null, "auto");
  assert.equal(await zh.evaluate(() => getComputedStyle(document.body).color), "rgb(27, 29, 31)");
  // No headline of its own: the host article has one.
  assert.equal(await zh.locator(".headline").count(), 0);
  await page.locator("iframe[data-changhe-frame=en]").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/embed-demo-en-dark.png` });
  assert.deepEqual(await cspViolations(page), [], "CSP violations");
  assertClean(assert, problems);
  await context.close();
});

test("embed.js ignores messages from other windows and of the wrong shape", async () => {
  const { page, context, problems } = await openDemo();
  await expectSized(page, "before");
  const before = await page.$eval("iframe[data-changhe-frame=zh]", (f) => f.style.height);
  const hash = await page.evaluate(() => location.hash);
  await page.evaluate(() => {
    window.postMessage({ "changhe-height": 5, id: "zh" }, "*");
    window.postMessage({ "changhe-hash": "#m=approval", id: "zh" }, "*");
  });
  await frameOf(page, "zh").evaluate(() => {
    parent.postMessage({ "changhe-height": "tall", id: "zh" }, "*");
    parent.postMessage({ "changhe-height": 1e9, id: "zh" }, "*");
    parent.postMessage({ "changhe-hash": "javascript:alert(1)", id: "zh" }, "*");
    parent.postMessage({ "changhe-height": 10, id: "en" }, "*");
  });
  await page.waitForTimeout(300);
  assert.equal(await page.$eval("iframe[data-changhe-frame=zh]", (f) => f.style.height), before);
  assert.equal(await page.evaluate(() => location.hash), hash);
  assertClean(assert, problems);
  await context.close();
});
