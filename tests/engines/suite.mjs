// The cross-engine suite (issue 14): what every reader's browser must show and do, run the same way
// in Firefox (firefox.test.mjs) and WebKit (webkit.test.mjs) through the small driver interface of
// support/firefox.mjs and support/webkit.mjs. Chromium keeps the full suite in tests/e2e/.
// Expected values come from static/data/story.json and the e2e oracle, never from the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { startServer, STRICT_CSP } from "../e2e/support/server.mjs";
import { story, numbers, palette, rgb } from "../e2e/support/story.mjs";
import { expected, squash } from "../e2e/support/oracle.mjs";
import { loneLastLines, unsanctionedBreaks } from "../e2e/support/layout.mjs";
import { until, steady } from "../e2e/support/wait.mjs";
import { canvasInk, fastScrollPastCounters } from "../e2e/pages/figures.mjs";

export const SCREENSHOTS = "test-results/screenshots";
const COLLECTOR = readFileSync(new URL("./support/collector.js", import.meta.url), "utf8");

// ---- In the page: functions run by the driver (as source text, so they use no closure). ----

/// Whether the live app runs and its map has finished drawing.
const isLive = () => !!document.querySelector("#app[data-live] [data-testid=graphic]") && !!document.querySelector(".map-frame[data-complete=true]");

/// Everything the reader must find on the page, as plain data for the checks in Node.
const inventory = () => {
  const text = (e) => (e ? e.textContent.replace(/\s+/g, "") : null);
  // On the page means laid out and not hidden: a part hidden by a style rule counts as missing.
  const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
  const maps = [...document.querySelectorAll("[data-testid=map]")]
    .filter((s) => s.getBoundingClientRect().width > 0)
    .map((s) => [...s.querySelectorAll("[data-testid^=region-]")].filter(shown).map((r) => r.dataset.testid).sort());
  const figures = {};
  for (const card of document.querySelectorAll("[data-testid^=figure-]")) {
    figures[card.dataset.testid.slice(7)] = {
      shown: shown(card),
      text: text(card),
      visible: [...card.querySelectorAll(".counter-visual")].map((e) => e.innerText.replace(/\s+/g, "")),
    };
  }
  const bg = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
  return {
    lang: document.documentElement.lang,
    title: document.querySelector("h1")?.textContent.trim(),
    width: innerWidth,
    maps,
    milestones: [...document.querySelectorAll("[data-testid^=milestone-]")].map((m) => [m.dataset.testid.slice(10), shown(m) ? text(m) : "(hidden)"]),
    figures,
    background: bg,
    loading: document.querySelectorAll(".loading").length,
    overflow: document.documentElement.scrollWidth - innerWidth,
  };
};

/// Where a page is when it has not gone live: its load state, whether the app and its map are
/// live, the fallback, and the errors the collector recorded.
const pageState = () => ({
  readyState: document.readyState,
  live: !!document.querySelector("#app[data-live]"),
  graphic: !!document.querySelector("[data-testid=graphic]"),
  mapsComplete: document.querySelectorAll(".map-frame[data-complete=true]").length,
  classes: document.documentElement.className,
  errors: document.documentElement.getAttribute("data-engine-errors"),
});

/// Every error the collector recorded, in the page and in each of its frames; a frame without the
/// collector is itself an error (the check must not pass because nothing listened).
const collectedErrors = () => {
  const all = [];
  const visit = (w, where) => {
    const record = w.document.documentElement.getAttribute("data-engine-errors");
    if (record === null) all.push(`${where}: the error collector did not run`);
    else all.push(...JSON.parse(record).map((e) => `${where}: ${e}`));
    for (const f of w.document.querySelectorAll("iframe")) visit(f.contentWindow, `${where} > ${f.dataset.changheFrame ?? f.src}`);
  };
  visit(window, "page");
  return all;
};

/// For the embed demo: [the embed's height on the host (the box its frame sticks in), content height] per frame.
const embedHeights = () => Object.fromEntries([...document.querySelectorAll("iframe[data-changhe-frame]")].map((f) => {
  const doc = f.contentDocument;
  const app = doc?.getElementById("app");
  const live = !!doc?.querySelector("#app[data-live] [data-testid=graphic]");
  return [f.dataset.changheFrame, [f.parentElement.getBoundingClientRect().height, live && app ? app.getBoundingClientRect().bottom + f.contentWindow.scrollY : null]];
}));

/// The embed demo's Chinese story as its host sees it (the demo's frames are same-origin here, so
/// the host can read them): the host's scroll, the box's and frame's tops, the frame's own scroll
/// and its range, whether it is hosted, the current milestone, and the map's box on the host.
const hostedState = () => {
  const f = document.querySelector("iframe[data-changhe-frame=zh]");
  const d = f?.contentDocument;
  const w = f?.contentWindow;
  const fr = f.getBoundingClientRect();
  const map = d?.querySelector(".story-map [data-testid=map]")?.getBoundingClientRect();
  const card = d?.querySelector("[data-testid=timeline-card]");
  return {
    scrollY, inner: innerHeight, boxTop: f.parentElement.getBoundingClientRect().top, frameTop: fr.top,
    frameScroll: w ? w.scrollY : null, max: d ? d.documentElement.scrollHeight - w.innerHeight : 0,
    hosted: !!d?.documentElement.classList.contains("is-hosted"), live: !!d?.querySelector("#app[data-live]"),
    current: card ? card.getAttribute("data-milestone") : null,
    mapTop: map ? fr.top + map.top : null, mapBottom: map ? fr.top + map.bottom : null,
  };
};

/// One steady scripted scroll of the demo's host at `speed` px/ms for `ms`, from the host's
/// animation frames; each frame samples the zh frame's map top on the host's screen while the
/// frame's story holds it (its document's scroll inside the story, less a margin).
const steadyScroll = (speed, ms) => new Promise((done) => {
  const f = document.querySelector("iframe[data-changhe-frame=zh]");
  const d = f.contentDocument;
  const area = d.querySelector(".story-map");
  const storyBox = d.querySelector("[data-testid=story]").getBoundingClientRect();
  const y0 = f.contentWindow.scrollY;
  const sticky = parseFloat(getComputedStyle(area).top) || 0;
  const range = [storyBox.top + y0 - sticky + 60, storyBox.bottom + y0 - area.getBoundingClientRect().height - sticky - 60];
  const map = d.querySelector(".story-map [data-testid=map]");
  const tops = [];
  let last = performance.now();
  const end = last + ms;
  const tick = (now) => {
    window.scrollBy(0, (now - last) * speed);
    last = now;
    const y = f.contentWindow.scrollY;
    if (y > range[0] && y < range[1]) tops.push(f.getBoundingClientRect().top + map.getBoundingClientRect().top);
    if (now < end) requestAnimationFrame(tick);
    else done(tops);
  };
  requestAnimationFrame(tick);
});

/// Each milestone card of the demo's bare frame: whether its places show, and its small map's size.
const barePlaces = () => {
  const d = document.querySelector("iframe[data-changhe-bare]")?.contentDocument;
  if (!d || !d.documentElement.classList.contains("is-bare")) return null;
  return [...d.querySelectorAll("li[data-milestone]")].map((li) => {
    const p = li.querySelector("[data-testid=card-places]");
    const r = p?.querySelector("svg.card-map")?.getBoundingClientRect();
    return [li.dataset.milestone, !!p && getComputedStyle(p).display !== "none", r ? [Math.round(r.width), Math.round(r.height)] : null];
  });
};

// ---- The suite. ----

/// Registers the suite for one engine. `launch()` starts the browser; `narrow` is the narrowest
/// window the engine allows (the readers' phones are narrower still: Chromium covers 320-412 px).
/// `serverCollector`: the driver cannot run a script before the page's, so the test server puts
/// the collector first in every HTML page instead. `launchDark`: starts a second browser whose
/// system colour scheme is dark, where the engine's driver can.
export function engineSuite(launch, { narrow, serverCollector = false, launchDark = null }) {
  const site = {};
  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const inject = serverCollector ? { files: { "/__collector.js": COLLECTOR }, headScript: "/__collector.js" } : {};
    site.server = await startServer("dist", inject);
    site.strict = await startServer("dist", { headers: { "content-security-policy": STRICT_CSP }, ...inject });
    site.browser = await launch();
    console.log(`engine: ${site.browser.engine} ${site.browser.version}`);
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
    await site.strict?.close();
  });

  /// Opens `path` at width × height and waits for the live app.
  async function open(path, width, height = 900, server = site.server) {
    const page = await site.browser.newPage(width, height);
    await page.goto(server.url(path));
    await until(() => page.run(isLive), Boolean, { timeout: 30000, interval: 100, what: `${path}: the live app` })
      .catch(async (e) => {
        // Say what the page was doing, so that a rare stall can be told from a failed start.
        const state = await page.run(pageState).catch((err) => `unreadable: ${err.message}`);
        throw new Error(`${e.message}; the page: ${JSON.stringify(state)}; driver: ${JSON.stringify(page.driverErrors())}`);
      });
    return page;
  }

  async function assertNoErrors(page) {
    assert.deepEqual([...(await page.run(collectedErrors)), ...page.driverErrors()], [], "JavaScript errors");
  }

  const engine = () => site.browser.engine;

  /// Scrolls each chart into view and waits (up to 5 s) until its canvas is drawn in `bar`'s
  /// colour; returns what each canvas holds (canvasInk), drawn or not.
  async function chartInk(page, bar) {
    const out = {};
    for (const c of story.charts) {
      const canvas = `[data-testid='chart-${c.id}'] canvas`;
      await page.run((s) => document.querySelector(s)?.scrollIntoView({ block: "center" }), canvas);
      const drawn = (info) => !info || (info.inked > 2000 && info.barColour > 200);
      out[c.id] = await until(() => page.run(canvasInk, canvas, bar), drawn, { timeout: 5000, interval: 100, what: `chart ${c.id} drawn` })
        .catch(() => page.run(canvasInk, canvas, bar));
    }
    await page.run(() => scrollTo(0, 0));
    return out;
  }

  for (const lang of ["zh", "en"]) {
    for (const theme of ["light", "dark"]) {
      for (const width of [1280, narrow]) {
        test(`${lang}, ${theme}, ${width} px: the seven regions, 14 milestones, every figure's final value, the charts drawn, clean line breaks`, async () => {
          const path = `${lang === "en" ? "en/" : ""}${theme === "dark" ? "?theme=dark" : ""}`;
          const page = await open(path, width);
          const seen = await page.run(inventory);
          assert.equal(seen.lang, lang === "en" ? "en" : "zh-CN");
          assert.equal(seen.title, story.meta.title[lang]);
          assert.equal(seen.loading, 0, "no loading line");
          assert.ok(seen.overflow <= 0, `no horizontal scroll (${seen.overflow} px too wide)`);
          // One map shown (the wide frame or the phone close-up), with the base and six counties.
          const want = story.regions.map((r) => `region-${r.code ?? r.id}`).sort();
          assert.deepEqual(seen.maps, [want], "one visible map with the seven regions");
          assert.deepEqual(seen.milestones.map(([id]) => id), story.milestones.map((m) => m.id), "the 14 milestones, in order");
          assert.equal(seen.milestones.length, 14);
          for (const [id, text] of seen.milestones) {
            const m = story.milestones.find((x) => x.id === id);
            assert.ok(text.includes(squash(m.title[lang])), `milestone ${id} shows its title`);
          }
          for (const f of story.figures) {
            const card = seen.figures[f.id];
            assert.ok(card, `figure ${f.id} is on the page`);
            assert.ok(card.shown, `figure ${f.id} is shown`);
            const values = numbers(f).map((v) => squash(expected(f, v, lang)));
            if (f.subject === "plenum") {
              for (const v of values) assert.ok(card.text.includes(v), `${f.id}: ${card.text} names ${v}`);
            } else {
              assert.deepEqual(card.visible, values, `${f.id}: its counters show the final value`);
            }
          }
          // Dark: the page's ground is dark; light: it is light.
          const luminance = seen.background.slice(0, 3).reduce((a, b) => a + b, 0) / 3;
          assert.ok(theme === "dark" ? luminance < 80 : luminance > 200, `${theme} background ${seen.background}`);
          // Line boxes, as the Chromium layout test checks them.
          assert.deepEqual(await page.run(loneLastLines, ".headline, .figure-label"), [], "no headline or card label ends on a lone character");
          assert.deepEqual(await page.run(unsanctionedBreaks, ".headline"), [], "the headline breaks only between words or at its marked points");
          await page.screenshot(`${SCREENSHOTS}/${engine()}-${lang}-${theme}-${width}.png`);
          const bar = rgb(palette[theme]["chart-bar"]);
          const ink = await chartInk(page, bar);
          for (const c of story.charts) {
            const info = ink[c.id];
            assert.ok(info, `chart ${c.id} has a canvas`);
            assert.ok(info.inked > 2000, `chart ${c.id}: drawn (${info.inked} pixels)`);
            assert.ok(info.barColour > 200, `chart ${c.id}: bars in the ${theme} theme's colour (${info.barColour})`);
            assert.ok(Math.abs(info.width - Math.round(info.css * info.dpr)) <= 1, `chart ${c.id}: canvas at device pixels (${info.width} for ${info.css} × ${info.dpr})`);
          }
          await assertNoErrors(page);
          await page.close();
        });
      }
    }
  }

  for (const [lang, width] of [["zh", 1280], ["en", narrow]]) {
    test(`${lang}, ${width} px: a county selected by click and by keyboard shows its detail; Escape clears it`, async () => {
      const page = await open(lang === "en" ? "en/" : "", width);
      const region = (code) => story.regions.find((r) => r.code === code);
      const detail = () => page.run(() => document.querySelector("[data-testid=region-detail]").textContent);
      const pressed = (code) => page.run((c) => document.querySelector(`[data-testid='region-${c}']`).getAttribute("aria-pressed"), code);

      await page.click("[data-testid='region-330523']");
      assert.equal(await pressed("330523"), "true", "the clicked county is selected");
      assert.ok((await detail()).includes(region("330523").name[lang]), "its detail names it");
      await page.screenshot(`${SCREENSHOTS}/${engine()}-${lang}-${width}-county.png`);
      await page.press("Escape");
      assert.equal(await pressed("330523"), "false", "Escape clears it");

      // The keyboard: Tab from the language switch to 郎溪, then Enter.
      await page.run(() => document.querySelector("[data-testid=lang-switch]").focus());
      const path = [];
      for (let i = 0; i < 40 && path.at(-1) !== "region-341821"; i++) {
        await page.press("Tab");
        path.push(await page.run(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName));
      }
      assert.equal(path.at(-1), "region-341821", `Tab reaches 郎溪: ${path.join(" ")}`);
      await page.press("Enter");
      assert.equal(await pressed("341821"), "true", "Enter selects the focused county");
      assert.ok((await detail()).includes(region("341821").name[lang]), "its detail names it");
      await page.press("Escape");
      assert.equal(await pressed("341821"), "false");
      await assertNoErrors(page);
      await page.close();
    });
  }

  test("the timeline steps by button and key, writes the hash, and follows a hash set later", async () => {
    // Tall enough that the step buttons show without scrolling (a scroll is the reader's move,
    // and would make another card current).
    const page = await open("#m=approval", 1280, 1400);
    const current = () => page.run(() => document.querySelector("[data-testid=timeline-card]").getAttribute("data-milestone"));
    const hash = () => page.run(() => location.hash);
    const ids = story.milestones.map((m) => m.id);
    const at = ids.indexOf("approval");
    assert.equal(await current(), "approval", "#m= opens that milestone");
    const button = await page.run(() => { const r = document.querySelector("[data-testid=timeline-next]").getBoundingClientRect(); return [r.bottom, innerHeight]; });
    assert.ok(button[0] <= button[1], `the step button is on screen without scrolling (bottom ${button[0]} of ${button[1]} px)`);
    await page.click("[data-testid=timeline-next]");
    await until(hash, (h) => h === `#m=${ids[at + 1]}`, { what: "next writes the hash" });
    assert.equal(await current(), ids[at + 1]);
    // Focus without scrolling: a scroll would make the card at the reading line current instead.
    await page.run(() => document.querySelector("[data-testid=timeline-track]").focus({ preventScroll: true }));
    await page.press("Home");
    await until(hash, (h) => h === `#m=${ids[0]}`, { what: "Home goes to the first milestone" });
    await page.press("ArrowRight");
    await until(hash, (h) => h === `#m=${ids[1]}`, { what: "ArrowRight steps on" });
    await page.run((id) => { location.hash = `#m=${id}`; }, "railway-opens");
    await until(current, (c) => c === "railway-opens", { what: "a hash set after load moves the timeline" });
    await page.screenshot(`${SCREENSHOTS}/${engine()}-timeline-1280.png`);
    await assertNoErrors(page);
    await page.close();
  });

  for (const width of [1280, narrow]) {
    test(`the embed demo at ${width} px: the host's scrolling makes each milestone current in order, the map held on screen`, async () => {
      const page = await site.browser.newPage(width, 800);
      await page.goto(site.strict.url("embed-demo.html"));
      await until(() => page.run(hostedState), (s) => s.live && s.hosted, { timeout: 30000, interval: 100, what: "the hosted story" });
      assert.equal((await page.run(hostedState)).scrollY, 0, "nothing moved the host at load");
      const follow = (s) => Math.abs(s.frameScroll - Math.min(Math.max(0, Math.round(44 - s.boxTop)), s.max)) <= 1;
      const ids = story.milestones.map((m) => m.id);
      const seen = [ids[0]];
      const start = await page.run(hostedState);
      await page.run((y) => scrollTo(0, y), start.boxTop - 44 - 200);
      for (let i = 0; i < 300 && seen.length < ids.length; i++) {
        await page.run(() => scrollBy(0, 60));
        await until(() => page.run(hostedState), follow, { timeout: 3000, interval: 30, what: "the frame follows the host" });
        // The reading line's observer reports in a later task: wait until the current card is steady.
        const settled = await steady(() => page.run(hostedState), { quiet: 200, timeout: 5000, interval: 40, what: "the hosted story after a step" });
        if (settled.current && settled.current !== seen.at(-1)) {
          seen.push(settled.current);
          const shown = Math.max(0, Math.min(settled.mapBottom, settled.inner) - Math.max(settled.mapTop, 44)) / (settled.mapBottom - settled.mapTop);
          assert.ok(shown >= 0.8, `${settled.current}: ${Math.round(shown * 100)} % of the map on the host's screen`);
        }
      }
      assert.deepEqual(seen, ids, "every milestone current once, in order");
      await page.screenshot(`${SCREENSHOTS}/${engine()}-hosted-${width}.png`);
      // Steadiness: a scripted scroll of 1.5 px/ms through the story from its top.
      await page.run((y) => scrollTo(0, y), start.boxTop - 44 + 100);
      await until(() => page.run(hostedState), follow, { timeout: 3000, interval: 30, what: "the frame follows the host" });
      const tops = await page.run(steadyScroll, 1.5, 2500);
      // At least ten frames inside the held range (WebKit under Xvfb paints fewer frames than the others).
      assert.ok(tops.length >= 10, `held samples (${tops.length})`);
      const rest = tops.slice().sort((a, b) => a - b)[Math.floor(tops.length / 2)];
      const dev = tops.map((t) => Math.abs(t - rest)).sort((a, b) => a - b);
      console.log(`steadiness (${engine()} ${width} px): ${tops.length} held samples, rest ${rest.toFixed(1)} px, max ${dev.at(-1).toFixed(1)} px, p95 ${dev[Math.floor(dev.length * 0.95)].toFixed(1)} px`);
      assert.ok(Math.abs(rest - 44) <= 16, `the held map rests under the demo's 44 px bar (${rest.toFixed(1)} px)`);
      await assertNoErrors(page);
      await page.close();
    });
  }

  test("the embed demo's bare iframe tells the flat story: every card with its places; junk from the host is ignored", async () => {
    const page = await site.browser.newPage(1280, 900);
    await page.goto(site.strict.url("embed-demo.html"));
    const cards = await until(() => page.run(barePlaces), Boolean, { timeout: 30000, interval: 200, what: "the bare frame's flat story" });
    for (const m of story.milestones) {
      if (m.regions.length + m.places.length === 0) continue;
      const card = cards.find(([id]) => id === m.id);
      assert.ok(card?.[1], `${m.id}: its places show with its card`);
      assert.ok(card[2][0] >= 100 && card[2][1] >= 70, `${m.id}: a small map (${card[2]})`);
    }
    await until(() => page.run(hostedState), (s) => s.live && s.hosted, { timeout: 30000, interval: 100, what: "the hosted story" });
    const before = await page.run(hostedState);
    await page.run(() => {
      const zh = document.querySelector("iframe[data-changhe-frame=zh]").contentWindow;
      for (const m of [null, 7, "go", { changhe: 2, type: "viewport", top: -900, height: 700 }, { changhe: 1, type: "viewport", top: "-900", height: 700 },
        { changhe: 1, type: "viewport", top: -1e12, height: 700 }, { changhe: 1, type: "go", milestone: "../x" }, { changhe: 1, type: "scroll", offset: 9 }]) zh.postMessage(m, "*");
      window.postMessage({ changhe: 1, type: "scroll", id: "zh", offset: 3000, line: 0 }, "*");
    });
    await new Promise((r) => setTimeout(r, 1000));
    const after = await page.run(hostedState);
    assert.equal(after.scrollY, before.scrollY, "nothing moved the host");
    assert.equal(after.current, before.current, "nothing moved the story");
    await assertNoErrors(page);
    await page.close();
  });

  if (launchDark) {
    test("a dark system colour scheme, with no ?theme: the page and its charts are dark", async () => {
      const dark = await launchDark();
      try {
        const page = await dark.newPage(1280, 900);
        await page.goto(site.server.url("en/"));
        await until(() => page.run(isLive), Boolean, { timeout: 30000, interval: 100, what: "the live app" });
        assert.equal(await page.run(() => matchMedia("(prefers-color-scheme: dark)").matches), true, "the browser reports a dark scheme");
        const seen = await page.run(inventory);
        const luminance = seen.background.slice(0, 3).reduce((a, b) => a + b, 0) / 3;
        assert.ok(luminance < 80, `dark background ${seen.background}`);
        const ink = await chartInk(page, rgb(palette.dark["chart-bar"]));
        for (const c of story.charts) assert.ok(ink[c.id]?.barColour > 200, `chart ${c.id}: bars in the dark theme's colour (${ink[c.id]?.barColour})`);
        await page.screenshot(`${SCREENSHOTS}/${engine()}-en-system-dark-1280.png`);
        assert.deepEqual([...(await page.run(collectedErrors)), ...page.driverErrors()], [], "JavaScript errors");
      } finally {
        await dark.close();
      }
    });
  }

  test(`a fast scroll past the cards at ${narrow} px leaves every counter on its final value`, async () => {
    const page = await open("", narrow, 800);
    assert.deepEqual(await page.run(fastScrollPastCounters), [], "counters off screen after a fast scroll show their final value");
    await until(() => page.run(() => [...document.querySelectorAll(".counter-visual")].filter((e) => e.querySelector(".num").textContent !== e.dataset.final).length), (n) => n === 0, { timeout: 5000, what: "every counter on its final value" });
    await assertNoErrors(page);
    await page.close();
  });

  test(`the embed demo under a strict CSP: each frame as tall as its content (±2 px, until stable) at 1280 and ${narrow} px`, async () => {
    const page = await site.browser.newPage(1280, 900);
    await page.goto(site.strict.url("embed-demo.html"));
    for (const width of [1280, narrow, 1280]) {
      await page.resize(width, 900);
      // Sampled every 100 ms until two seconds in a row agree within 2 px, frame and content.
      let since = null, last = null;
      await until(async () => {
        const h = await page.run(embedHeights);
        const fits = Object.keys(h).length === 2 && Object.values(h).every(([outer, inner]) => inner !== null && Math.abs(outer - inner) <= 2);
        const same = last && Object.keys(h).every((k) => Math.abs(h[k][0] - last[k][0]) <= 2);
        last = h;
        if (!fits || !same) since = null;
        else since ??= Date.now();
        return { h, stable: since !== null && Date.now() - since >= 2000 };
      }, (v) => v.stable, { timeout: 20000, interval: 100, what: `${width} px: both frames as tall as their content, steadily` });
      await page.screenshot(`${SCREENSHOTS}/${engine()}-embed-${width}.png`);
    }
    await assertNoErrors(page);
    await page.close();
  });
}
