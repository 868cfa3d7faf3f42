// The story inside a news page (issue 25): a mock article on one origin (localhost) embeds the
// graphic from another (127.0.0.1, under the strict CSP) with embed.js; the host's scrolling
// drives the story. Also bare iframes (no script on the host) and hostile hosts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { launch, SCREENSHOTS } from "./support/browser.mjs";
import { startServer, STRICT_CSP } from "./support/server.mjs";
import { story } from "./support/story.mjs";
import { until, holdsFor } from "./support/wait.mjs";
import { article, ARTICLE_CSS, HostedStory } from "./pages/hosted.mjs";
import { swipe, pinch } from "./support/touch.mjs";

const site = {};
before(async () => {
  site.browser = await launch();
  site.graphic = await startServer("dist", { headers: { "content-security-policy": STRICT_CSP } });
  const graphic = site.graphic.origin;
  site.host = await startServer("dist", {
    files: {
      "/host.css": ARTICLE_CSS,
      "/article.html": article({ graphic }),
      "/article-bar.html": article({ graphic, bar: 44 }),
      "/article-en.html": article({ graphic, lang: "en" }),
      "/bare-1200.html": article({ graphic, bare: 1200 }),
      "/bare-sized.html": article({ graphic, bare: 1 }),
      "/junk.html": article({ graphic }).replace("</body>", `<script src="/junk.js"></script></body>`),
      "/junk.js": JUNK,
    },
  });
});
after(async () => {
  await site.browser?.close();
  await site.graphic?.close();
  await site.host?.close();
});

// A hostile host: every kind of wrong message, to the frame, after embed.js set it up.
const JUNK = `
addEventListener("load", () => setTimeout(() => {
  const f = document.querySelector("iframe");
  if (!f) return;
  const w = f.contentWindow;
  const junk = [null, 1, "viewport", [], { changhe: 2, type: "viewport", top: -500, height: 700 },
    { changhe: 1, type: "viewport", top: "x", height: 700 }, { changhe: 1, type: "viewport", top: -1e12, height: 700 },
    { changhe: 1, type: "viewport", top: -500, height: -5 }, { changhe: 1, type: "viewport", top: NaN, height: 1e9 },
    { changhe: 1, type: "go", milestone: "<script>" }, { changhe: 1, type: "go", milestone: "x".repeat(200) },
    { changhe: 1, type: "go" }, { changhe: 1, type: "scroll", offset: 5 }, { changhe: 1, type: "nonsense" },
    { "changhe-height": 1e9 }, { changhe: 1, type: "viewport", top: { x: 3 }, height: 700 },
    { changhe: 1, type: "viewport", top: "-300", height: "700" }, { changhe: 1, type: "flat", id: "other" }];
  for (const m of junk) w.postMessage(m, "*");
  window.__junkSent = junk.length;
}, 1500));`;

/// The host article on the other loopback name, so that the graphic is cross-site.
function hostUrl(path) {
  return site.host.url(path).replace("127.0.0.1", "localhost");
}

async function openHost(path, { width, height, hash = "", touch = false } = {}) {
  const context = await site.browser.newContext({ viewport: { width, height }, ...(touch ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`${m.location().url}: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(hostUrl(path) + hash);
  return { context, page, problems, hosted: new HostedStory(page) };
}

const ids = story.milestones.map((m) => m.id);

for (const [width, height] of [[360, 740], [1280, 800]]) {
  test(`${width}x${height}: scrolling the host card by card makes each milestone current in order, with the map on screen`, async () => {
    const { context, page, problems, hosted } = await openHost("article.html", { width, height });
    const frame = await hosted.ready();
    assert.equal(await page.evaluate(() => window.scrollY), 0, "nothing moved the host at load");
    const seen = [];
    let s = await hosted.settled();
    // Scroll with the wheel over the middle of the screen (over the frame once it is there), 60 px
    // at a time (less than the shortest card), until the story has passed.
    for (let step = 0; step < 400 && seen.length < ids.length; step++) {
      await page.mouse.move(width / 2, height / 2);
      await page.mouse.wheel(0, 60);
      s = await hosted.settled();
      if (s.current && s.current !== seen[seen.length - 1] && s.scrollY > 0) {
        seen.push(s.current);
        const share = HostedStory.mapOnScreen(s);
        assert.ok(share >= 0.8, `${s.current}: ${Math.round(share * 100)} % of the map on the host's screen`);
      }
      if (s.boxTop + s.scrollMax + s.innerHeight < 0) break;
    }
    // The first milestone is current from the start; the reader's scrolling reaches the rest.
    const reached = seen[0] === ids[0] ? seen : [ids[0], ...seen];
    assert.deepEqual(reached, ids, `every milestone current once, in order; saw ${reached.join(" ")}`);
    await page.screenshot({ path: `${SCREENSHOTS}/hosted-${width}.png` });
    await frame.waitForSelector("html.is-hosted");
    assert.deepEqual(problems, [], "console errors");
    await context.close();
  });
}

test("previous and next bring the new card to the host's reading line; keys too", async () => {
  const { context, page, problems, hosted } = await openHost("article-bar.html", { width: 360, height: 740 });
  const frame = await hosted.ready();
  // Into the story, so that the map is stuck under the bar.
  const box = await page.evaluate(() => document.querySelector("[data-changhe-box]").getBoundingClientRect().top + scrollY);
  await page.evaluate((y) => window.scrollTo(0, y + 400), box);
  let s = await hosted.settled(44);
  const start = ids.indexOf(s.current);
  await frame.click("[data-testid=timeline-next]");
  await until(() => hosted.state(), (v) => v.current === ids[start + 1], { what: "next made the next milestone current" });
  s = await hosted.settled(44);
  assert.equal(s.current, ids[start + 1], "the next card stays current once the host has scrolled");
  const card = await frame.evaluate((id) => document.getElementById(`step-${id}`).getBoundingClientRect().top, ids[start + 1]);
  const cardOnHost = s.frameTop + card;
  assert.ok(cardOnHost > s.frameTop + (s.mapBottom - s.mapTop) && cardOnHost < s.innerHeight, `the card's top (${Math.round(cardOnHost)} px) is below the map and on screen`);
  assert.ok(s.scrollY > 0, "the host scrolled");
  await frame.click("[data-testid=timeline-prev]");
  await until(() => hosted.state(), (v) => v.current === ids[start], { what: "previous made the milestone before current" });
  s = await hosted.settled(44);
  assert.equal(s.current, ids[start]);
  // Keys: an arrow on the timeline steps and brings the card to the line; PageDown with the focus
  // in the frame scrolls the host (the frame itself cannot scroll).
  await frame.focus(`[data-testid=milestone-${ids[start]}] button`);
  const focused = await hosted.settled(44);
  await page.keyboard.press("ArrowDown");
  await until(() => hosted.state(), (v) => v.current === ids[start + 1], { what: "ArrowDown made the next milestone current" });
  s = await hosted.settled(44);
  assert.equal(s.current, ids[start + 1]);
  assert.ok(s.scrollY > focused.scrollY, "the host scrolled to the next card");
  const beforePage = await page.evaluate(() => window.scrollY);
  await page.keyboard.press("PageDown");
  await until(() => page.evaluate(() => window.scrollY), (y) => y > beforePage + 200, { what: "PageDown scrolled the host" });
  await frame.click("[data-testid=timeline-last]");
  s = await until(() => hosted.settled(44), (v) => v.current === ids[ids.length - 1], { timeout: 5000, what: "latest" });
  assert.ok(HostedStory.mapOnScreen(s, 44) >= 0.8, "the map is on screen at the latest milestone");
  assert.deepEqual(problems, [], "console errors");
  await context.close();
});

test("a host address #changhe-<id>=<milestone> opens at that milestone, and nothing moves the host at load", async () => {
  const { context, page, problems, hosted } = await openHost("article.html", { width: 360, height: 740, hash: "#changhe-main=approval" });
  await hosted.ready();
  const s = await hosted.settled();
  assert.equal(s.current, "approval");
  await holdsFor(() => page.evaluate(() => window.scrollY), 2000, { interval: 200, what: "the host's scroll position at load" });
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  // A link in the article to another milestone, followed after load: the reader's action.
  await page.evaluate(() => { location.hash = "changhe-main=railway-opens"; });
  await until(() => hosted.state(), (v) => v.current === "railway-opens", { what: "the host link's milestone" });
  const after = await hosted.settled();
  assert.ok(after.scrollY > 0, "the host scrolled to the card");
  assert.ok(HostedStory.mapOnScreen(after) >= 0.8, "the map is on screen");
  assert.deepEqual(problems, [], "console errors");
  await context.close();
});

test("counters start when the host brings them to the reader's screen, and the charts are drawn there", async () => {
  const { context, page, problems, hosted } = await openHost("article.html", { width: 360, height: 740 });
  const frame = await hosted.ready();
  const num = () => frame.textContent("[data-testid='figure-tech-smes'] .counter-visual .num");
  assert.equal(await num(), "339", "the final value before it is reached");
  // The host scrolls until the card is in the middle of the reader's screen.
  const box = await page.evaluate(() => document.querySelector("[data-changhe-box]").getBoundingClientRect().top + scrollY);
  const card = await frame.evaluate(() => document.querySelector("[data-testid='figure-tech-smes']").getBoundingClientRect().top + scrollY);
  await page.evaluate((y) => window.scrollTo(0, y), box + card - 300);
  const midway = Number(await until(num, (n) => Number(n) < 339, { what: "the counter starts", interval: 10 }));
  assert.ok(midway >= 0 && midway < 339, `rolling: ${midway}`);
  await frame.waitForFunction(() => document.querySelector("[data-testid='figure-tech-smes'] .counter-visual").dataset.done === "true");
  assert.equal(await num(), "339");
  for (const chart of story.charts) {
    const at = await frame.evaluate((id) => document.querySelector(`[data-testid='chart-${id}']`).getBoundingClientRect().top + scrollY, chart.id);
    await page.evaluate((y) => window.scrollTo(0, y), box + at - 100);
    await hosted.settled();
    const inked = await until(() => frame.evaluate((id) => {
      const c = document.querySelector(`[data-testid='chart-${id}'] canvas`);
      if (!c || !c.width) return 0;
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    }, chart.id), (n) => n > 2000, { what: `chart ${chart.id} drawn in the hosted frame` });
    assert.ok(inked > 2000);
  }
  assert.deepEqual(problems, [], "console errors");
  await context.close();
});

test("steadiness: at about 1,500 px/s the held map stays within 2 px of its resting place", async () => {
  const report = {};
  for (const [width, heightPx] of [[360, 740], [1280, 800]]) {
    const { context, page, problems, hosted } = await openHost("article.html", { width, height: heightPx });
    const frame = await hosted.ready();
    const box = await page.evaluate(() => document.querySelector("[data-changhe-box]").getBoundingClientRect().top + scrollY);
    await page.evaluate((y) => window.scrollTo(0, y - 200), box);
    await hosted.settled();
    // Where the full page would hold the map: the frame's scroll between the story's top (less the
    // sticky offset) and its bottom less the sticky area, with a margin of a few frames' scroll.
    const range = await frame.evaluate(() => {
      const story = document.querySelector("[data-testid=story]").getBoundingClientRect();
      const area = document.querySelector(".story-map");
      const sticky = parseFloat(getComputedStyle(area).top) || 0;
      const y = window.scrollY;
      return [story.top + y - sticky, story.bottom + y - area.getBoundingClientRect().height - sticky];
    });
    // Each side samples every animation frame on one clock (performance.timeOrigin + now).
    await frame.evaluate(() => {
      window.__samples = [];
      const map = document.querySelector(".story-map [data-testid=map]");
      const tick = () => {
        window.__samples.push([performance.timeOrigin + performance.now(), map.getBoundingClientRect().top, window.scrollY]);
        if (window.__samples.length < 2000) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const host = await page.evaluate(() => new Promise((done) => {
      const frame = document.querySelector("iframe[data-changhe-frame]");
      const box = document.querySelector("[data-changhe-box]");
      const samples = [];
      let last = performance.now();
      const end = last + 3000;
      const tick = (now) => {
        window.scrollBy(0, (now - last) * 1.5);
        last = now;
        samples.push([performance.timeOrigin + now, frame.getBoundingClientRect().top, box.getBoundingClientRect().top]);
        if (now < end) requestAnimationFrame(tick);
        else done(samples);
      };
      requestAnimationFrame(tick);
    }));
    const inner = await frame.evaluate(() => window.__samples);
    // The map's top on the host's screen: the frame's top (host) plus the map's top in the frame,
    // paired by time, while the host's scroll is in the held range.
    const margin = 60;
    const tops = [];
    // How far the cards (the frame's document) trail the host's scrolling: the frame's scroll
    // against where the host's box says it should be, at the same moment. Reported, not held to a
    // bound: the cards move with the messages, the map with the browser's sticky positioning.
    const trail = [];
    for (const [t, frameTop, boxTop] of host) {
      if (-boxTop < range[0] + margin || -boxTop > range[1] - margin) continue;
      let best = null;
      for (const sample of inner) if (!best || Math.abs(sample[0] - t) < Math.abs(best[0] - t)) best = sample;
      if (!best || Math.abs(best[0] - t) > 20) continue;
      tops.push(frameTop + best[1]);
      trail.push(Math.abs(-boxTop - best[2]));
    }
    assert.ok(tops.length > 60, `enough held samples (${tops.length})`);
    const counts = new Map();
    for (const v of tops) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
    const rest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const dev = tops.map((v) => Math.abs(v - rest)).sort((a, b) => a - b);
    const p95 = dev[Math.floor(dev.length * 0.95)];
    const max = dev[dev.length - 1];
    trail.sort((a, b) => a - b);
    report[`${width}`] = {
      samples: tops.length, rest, max: Math.round(max * 10) / 10, p95: Math.round(p95 * 10) / 10,
      cardsTrailP50: Math.round(trail[Math.floor(trail.length / 2)]), cardsTrailP95: Math.round(trail[Math.floor(trail.length * 0.95)]),
    };
    assert.ok(max <= 2, `${width} px: the held map moved ${max} px from its resting place`);
    assert.deepEqual(problems, [], "console errors");
    await context.close();
  }
  writeFileSync("test-results/steadiness-chromium.json", JSON.stringify(report, null, 2));
  console.log(`steadiness (Chromium): ${JSON.stringify(report)}`);
});

for (const [name, path, sized] of [["a bare iframe of 1,200 px", "bare-1200.html", false], ["a bare iframe sized by hand to its content", "bare-sized.html", true]]) {
  test(`${name}: the flat story, every card with its places, no scroll trapping, no errors`, async () => {
    const { context, page, problems, hosted } = await openHost(path, { width: 360, height: 740 });
    let frame = await hosted.ready({ hosted: false });
    await frame.waitForSelector("html.is-bare", { timeout: 5000 });
    if (sized) {
      // As an editor would: the frame's height set by hand to what the graphic needs at this width.
      const content = await frame.evaluate(() => Math.ceil(document.getElementById("app").getBoundingClientRect().bottom));
      await page.evaluate((h) => document.querySelector("iframe").setAttribute("height", String(h)), content);
      frame = hosted.frame();
    }
    // Every milestone with regions or places shows them with its card: a small map and names.
    const cards = await frame.$$eval("li[data-milestone]", (items) => items.map((li) => {
      const places = li.querySelector("[data-testid=card-places]");
      const map = places?.querySelector("svg.card-map");
      const r = map?.getBoundingClientRect();
      return { id: li.dataset.milestone, shown: !!places && getComputedStyle(places).display !== "none",
        map: r ? [Math.round(r.width), Math.round(r.height)] : null, names: places?.textContent.trim() ?? "" };
    }));
    for (const m of story.milestones) {
      const card = cards.find((c) => c.id === m.id);
      if (m.regions.length + m.places.length === 0) continue;
      assert.ok(card?.shown, `${m.id}: places shown with its card`);
      assert.ok(card.map[0] >= 100 && card.map[1] >= 70, `${m.id}: a small map (${card.map})`);
      for (const id of m.regions) {
        const name = story.regions.find((x) => x.id === id).name.zh;
        assert.ok(card.names.includes(name), `${m.id}: names ${name}`);
      }
      for (const id of m.places) {
        const name = story.places.find((x) => x.id === id).name.zh;
        assert.ok(card.names.includes(name), `${m.id}: names ${name}`);
      }
    }
    // The card map draws: its symbols resolve, the lit county in its province's colour.
    const lit = await frame.evaluate(() => {
      const use = document.querySelector("li[data-milestone=anji-green-summit] svg.card-map use[href='#mini-r-anji']");
      const path = document.querySelector("#mini-r-anji path");
      return use && path ? getComputedStyle(path).fill : null;
    });
    assert.ok(lit && lit !== "none" && lit !== "rgb(0, 0, 0)", `anji's symbol is filled in a province colour (${lit})`);
    // The wheel over the frame scrolls the host; the frame itself does not scroll.
    const frameBox = await page.evaluate(() => document.querySelector("iframe").getBoundingClientRect().top + scrollY);
    await page.evaluate((y) => window.scrollTo(0, y - 100), frameBox);
    const before = await page.evaluate(() => window.scrollY);
    await page.mouse.move(180, 400);
    await page.mouse.wheel(0, 300);
    await until(() => page.evaluate(() => window.scrollY), (y) => y > before + 100, { what: "the host scrolled under the wheel over the frame" });
    assert.equal(await frame.evaluate(() => window.scrollY), 0, "the frame itself did not scroll");
    // Shorter than the graphic: a link at its foot opens the whole graphic; sized to it: none.
    const more = await frame.$("[data-testid=frame-more]");
    if (sized) {
      await until(async () => !more || !(await more.isVisible()), Boolean, { what: "no link over a frame that holds the whole graphic" });
    } else {
      assert.ok(more && (await more.isVisible()), "the link to the whole graphic shows");
      assert.ok(!/embed=1/.test(await more.getAttribute("href")), "it opens the page on its own");
      await page.screenshot({ path: `${SCREENSHOTS}/bare-1200-360.png` });
    }
    assert.deepEqual(problems, [], "console errors");
    await context.close();
  });
}

test("touch: swipes over the hosted frame and over a bare frame scroll the host; a pinch over the frame zooms", async () => {
  for (const path of ["article.html", "bare-1200.html"]) {
    const { context, page, problems, hosted } = await openHost(path, { width: 390, height: 844, touch: true });
    const frame = await hosted.ready({ hosted: path === "article.html" });
    const cdp = await context.newCDPSession(page);
    const top = await page.evaluate(() => document.querySelector("iframe").getBoundingClientRect().top + scrollY);
    await page.evaluate((y) => window.scrollTo(0, y + 200), top);
    for (let i = 0; i < 3; i++) {
      const before = await page.evaluate(() => window.scrollY);
      await swipe(cdp, { x: 195, y: 600 }, 300);
      const after = await until(() => page.evaluate(() => window.scrollY), (y) => y > before + 100, { what: `${path}: swipe ${i + 1} scrolled the host` });
      assert.ok(after > before);
    }
    if (path === "article.html") {
      const s = await hosted.settled();
      assert.ok(HostedStory.mapOnScreen(s) >= 0.8, "the map held on screen after the swipes");
    } else {
      assert.equal(await frame.evaluate(() => window.scrollY), 0, "the bare frame did not scroll");
    }
    await pinch(cdp, { x: 195, y: 400 });
    const scale = await until(() => page.evaluate(() => visualViewport.scale), (v) => v > 1.05, { what: `${path}: a pinch over the frame zoomed the page` });
    assert.ok(scale > 1.05);
    assert.deepEqual(problems, [], "console errors");
    await context.close();
  }
});

test("a hostile host: junk, huge, negative and wrongly shaped messages are ignored without an error", async () => {
  const { context, page, problems, hosted } = await openHost("junk.html", { width: 360, height: 740 });
  await hosted.ready();
  await page.waitForFunction(() => window.__junkSent > 0, null, { timeout: 8000 });
  const s = await hosted.settled();
  assert.equal(s.scrollY, 0, "the frame follows the host, not the junk");
  assert.equal(s.current, ids[0], "no junk moved the story");
  assert.equal(await page.evaluate(() => window.scrollY), 0, "no junk moved the host");
  // A message from another window (the host's own) with a valid shape is ignored too.
  await page.evaluate(() => window.postMessage({ changhe: 1, type: "scroll", id: "main", offset: 3000, line: 0 }, "*"));
  await holdsFor(() => page.evaluate(() => window.scrollY), 1000, { interval: 100, what: "the host's scroll" });
  assert.deepEqual(problems, [], "console errors");
  await context.close();
});
