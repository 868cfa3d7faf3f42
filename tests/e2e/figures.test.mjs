// End-to-end tests of the figures and charts on the release build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useSite, open, assertClean, SCREENSHOTS } from "./browser.mjs";

const story = JSON.parse(readFileSync("static/data/story.json", "utf8"));
const site = useSite();

// An oracle written independently of src/format.rs: how each value must read.
const ZH_UNITS = {
  percent: "%", km2: "平方公里", mu: "亩", yi_cny: "亿元", wan_cny: "万元", yi_usd: "亿美元",
  item: "个", firm: "家", person: "人", member: "名", time: "次", event: "场", session: "期", case: "件",
};
const LEAD = { more_than: { zh: "超过", en: "more than " }, at_least: { zh: "至少", en: "at least " } };
const trim = (x) => String(parseFloat(x.toFixed(6)));
const group = (s) => {
  const [i, f] = s.split(".");
  return i.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (f ? `.${f}` : "");
};
function money(yuan, sign) {
  if (yuan >= 1e9) return `${sign}${group(trim(yuan / 1e9))} billion`;
  if (yuan >= 1e6) return `${sign}${group(trim(yuan / 1e6))} million`;
  return `${sign}${group(trim(yuan))}`;
}
export function expected(figure, v, lang) {
  const lead = figure.qualifiers.map((q) => LEAD[q]?.[lang]).find(Boolean) ?? "";
  if (lang === "zh") return `${lead}${v}${ZH_UNITS[figure.unit]}`;
  const en = {
    percent: () => `${group(String(v))}%`,
    km2: () => `${group(String(v))} km²`,
    mu: () => `${group(String(v))} mu`,
    yi_cny: () => money(v * 1e8, "¥"),
    wan_cny: () => money(v * 1e4, "¥"),
    yi_usd: () => money(v * 1e8, "US$"),
  }[figure.unit];
  return lead + (en ? en() : group(String(v)));
}
const numbers = (f) => (typeof f.value === "number" ? [f.value] : [f.value.before, f.value.after]);
const squash = (s) => s.replace(/\s+/g, "");

for (const lang of ["zh", "en"]) {
  test(`reduced motion (${lang}): every figure shows the data's value at first paint, sourced`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, lang === "en" ? "?lang=en" : "", {
      reducedMotion: "reduce",
    });
    for (const f of story.figures) {
      const card = page.locator(`[data-testid='figure-${f.id}']`);
      assert.equal(await card.count(), 1, f.id);
      const visible = await card.locator(".counter-visual").evaluateAll((els) => els.map((e) => e.innerText));
      const spoken = await card.locator(".counter > .visually-hidden").allTextContents();
      const want = numbers(f).map((v) => expected(f, v, lang));
      assert.deepEqual(visible.map(squash), want.map(squash), `${f.id} visible value`);
      assert.deepEqual(spoken.map(squash), want.map(squash), `${f.id} screen-reader value`);
      assert.match(await card.locator(".figure-label").textContent(), /\S/);
      const source = await card.locator("details.source-note p").textContent();
      assert.ok(source.includes(lang === "zh" ? "产业合作区" : "Report"), `${f.id} names its source: ${source}`);
    }
    const done = await page.$$eval(".counter-visual", (els) => els.every((e) => e.dataset.done === "true"));
    assert.ok(done, "no counter is rolling under reduced motion");
    for (const s of story.sections) {
      await page.locator(`[data-testid='section-${s.id}']`).screenshot({ path: `${SCREENSHOTS}/section-${s.id}-${lang}-1280.png` });
    }
    assertClean(assert, problems);
    await context.close();
  });
}

test("counters wait off-screen, roll up when scrolled into view and stop exactly on the value", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "");
  const card = page.locator("[data-testid='figure-tech-smes']");
  const num = () => card.locator(".counter-visual .num").textContent();
  assert.equal(await num(), "0", "not seen yet");
  assert.equal(squash(await card.locator(".counter > .visually-hidden").textContent()), "339家");
  await card.scrollIntoViewIfNeeded();
  await page.waitForTimeout(250);
  const midway = Number(await num());
  assert.ok(midway > 0 && midway < 339, `rolling: ${midway}`);
  await page.waitForFunction(() => document.querySelector("[data-testid='figure-tech-smes'] .counter-visual").dataset.done === "true");
  assert.equal(await num(), "339");
  // Every other counter ends on its value once its section has been seen.
  for (const s of story.sections) {
    await page.locator(`[data-testid='section-${s.id}']`).scrollIntoViewIfNeeded();
    for (const el of await page.locator(`[data-testid='section-${s.id}'] .counter-visual`).all()) {
      await el.scrollIntoViewIfNeeded();
    }
  }
  await page.waitForFunction(() => [...document.querySelectorAll(".counter-visual")].every((e) => e.dataset.done === "true"), null, { timeout: 5000 });
  const finals = await page.$$eval(".counter-visual", (els) => els.map((e) => [e.querySelector(".num").textContent, e.dataset.final]));
  for (const [shown, final] of finals) assert.equal(shown, final);
  assertClean(assert, problems);
  await context.close();
});

const BAR = { light: [0x2f, 0x5f, 0x7f], dark: [0x7f, 0xb2, 0xdc] };

for (const [width, scheme, lang] of [[1280, "light", "zh"], [360, "dark", "en"], [1280, "dark", "zh"], [360, "light", "en"]]) {
  test(`charts at ${width} px, ${scheme}, ${lang}: drawn crisp in the theme's colours, with tables`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, lang === "en" ? "?lang=en" : "", {
      width, colorScheme: scheme, reducedMotion: "reduce",
    });
    for (const chart of story.charts) {
      const fig = page.locator(`[data-testid='chart-${chart.id}']`);
      await fig.scrollIntoViewIfNeeded();
      const info = await fig.locator("canvas").evaluate((c, bar) => {
        const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let inked = 0, barColour = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] > 0) inked++;
          if (Math.abs(data[i] - bar[0]) < 3 && Math.abs(data[i + 1] - bar[1]) < 3 && Math.abs(data[i + 2] - bar[2]) < 3 && data[i + 3] > 250) barColour++;
        }
        return { inked, barColour, width: c.width, css: c.getBoundingClientRect().width, dpr: devicePixelRatio };
      }, BAR[scheme]);
      assert.ok(info.inked > 2000, `${chart.id}: drawn (${info.inked} pixels)`);
      assert.ok(info.barColour > 200, `${chart.id}: bars in the ${scheme} theme's colour (${info.barColour})`);
      assert.ok(Math.abs(info.width - Math.round(info.css * info.dpr)) <= 1, `${chart.id}: canvas at device pixels`);
      // The data table: one row per bar, the same values the chart states.
      await fig.locator(".chart-table summary").click();
      const rows = await fig.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.querySelector("th").textContent, tr.querySelector("td").textContent]));
      if (chart.kind === "bars") {
        assert.deepEqual(rows.map((r) => r[0]), chart.rows.map((r) => r.label[lang]));
        chart.rows.forEach((row, i) => {
          const f = story.figures.find((x) => x.id === row.figure);
          assert.equal(squash(rows[i][1]), squash(expected(f, f.value, lang)), `${chart.id} row ${i}`);
        });
      } else if (chart.kind === "pair") {
        const f = story.figures.find((x) => x.id === chart.figure);
        assert.deepEqual(rows.map((r) => squash(r[1])), numbers(f).map((v) => squash(expected(f, v, lang))));
      } else {
        const rate = story.figures.find((x) => x.id === chart.figure).value;
        const index = Array.from({ length: chart.years + 1 }, (_, n) => (100 * (1 + rate / 100) ** n).toFixed(1));
        assert.deepEqual(rows.map((r) => r[1]), index);
        assert.match(await fig.locator("figcaption").textContent(), lang === "zh" ? /^推算/ : /^Derived/);
      }
      const alt = await fig.locator("canvas").getAttribute("aria-label");
      for (const [, value] of rows) assert.ok(alt.includes(value), `${chart.id}: text alternative names ${value}`);
      await fig.screenshot({ path: `${SCREENSHOTS}/chart-${chart.id}-${lang}-${width}-${scheme}.png` });
    }
    assertClean(assert, problems);
    await context.close();
  });
}

test("a chart reads out the bar under the pointer and follows the arrow keys", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "", { reducedMotion: "reduce" });
  const fig = page.locator("[data-testid='chart-growth']");
  await fig.scrollIntoViewIfNeeded();
  const readout = fig.locator("[data-testid='chart-readout-growth']");
  const canvas = fig.locator("canvas");
  const box = await canvas.boundingBox();
  // Row 0's bar: rows are 52 px tall below a 4 px margin, the bar in the lower part of the row.
  await page.mouse.move(box.x + 40, box.y + 4 + 52 - 14);
  await assertText(readout, "规上工业产值：24.5%");
  await page.mouse.move(box.x + 40, box.y + 4 + 52 * 2 - 14);
  await assertText(readout, "固定资产投资：超过32%");
  await page.mouse.move(box.x + box.width / 2, box.y - 40);
  await canvas.focus();
  await page.keyboard.press("End");
  await assertText(readout, "规上企业研发费用：13%");
  await page.keyboard.press("ArrowUp");
  await assertText(readout, "一般公共预算收入：16%");
  await page.keyboard.press("Escape");
  assert.match(await readout.textContent(), /指针/);
  assertClean(assert, problems);
  await context.close();
});

async function assertText(locator, want) {
  for (let i = 0; i < 20; i++) {
    if ((await locator.textContent()) === want) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(await locator.textContent(), want);
}

test("on a high-density screen (device pixel ratio 3) the canvas has three pixels per CSS pixel", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "", { width: 390, reducedMotion: "reduce", deviceScaleFactor: 3 });
  const canvas = page.locator("[data-testid='chart-canvas-growth']");
  await canvas.scrollIntoViewIfNeeded();
  const [w, h, cssW, cssH] = await canvas.evaluate((c) => [c.width, c.height, c.getBoundingClientRect().width, c.getBoundingClientRect().height]);
  assert.equal(await page.evaluate(() => devicePixelRatio), 3);
  assert.ok(Math.abs(w - cssW * 3) <= 1 && Math.abs(h - cssH * 3) <= 3, `${w}x${h} for ${cssW}x${cssH} CSS px`);
  await canvas.screenshot({ path: `${SCREENSHOTS}/chart-growth-zh-390-dpr3.png` });
  assertClean(assert, problems);
  await context.close();
});

test("a chart redraws at the new width after the window is resized", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "", { reducedMotion: "reduce" });
  const canvas = page.locator("[data-testid='chart-canvas-compound']");
  await canvas.scrollIntoViewIfNeeded();
  const width = () => canvas.evaluate((c) => [c.width, Math.round(c.getBoundingClientRect().width * devicePixelRatio)]);
  const [before] = await width();
  await page.setViewportSize({ width: 420, height: 800 });
  await page.waitForFunction(
    (old) => {
      const c = document.querySelector("[data-testid='chart-canvas-compound']");
      return c.width !== old && Math.abs(c.width - Math.round(c.getBoundingClientRect().width * devicePixelRatio)) <= 1;
    },
    before,
    { timeout: 3000 },
  );
  const [after, css] = await width();
  assert.ok(after < before && Math.abs(after - css) <= 1, `${before} -> ${after} (css ${css})`);
  assertClean(assert, problems);
  await context.close();
});
