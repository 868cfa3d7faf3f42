// End-to-end tests of the figures and charts on the release build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, open, assertClean, SCREENSHOTS } from "./support/browser.mjs";
import { story, numbers, figure, palette, rgb } from "./support/story.mjs";
import { expected, squash } from "./support/oracle.mjs";
import { until } from "./support/wait.mjs";
import { FiguresPage, fastScrollPastCounters } from "./pages/figures.mjs";

const site = useSite();

/// The source a figure is shown with: its own line where it differs from its section's, else
/// the section's one source line.
async function sourceOf(page, f) {
  const own = page.locator(`[data-testid='figure-${f.id}'] .source-line`);
  if (await own.count()) return own.textContent();
  return page.locator(`[data-testid='section-source-${f.section}']`).textContent();
}

for (const [lang, reducedMotion] of [["zh", "reduce"], ["en", "reduce"], ["zh", "no-preference"], ["en", "no-preference"]]) {
  test(`first paint (${lang}, motion ${reducedMotion}): every figure shows the data's final value, sourced`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, lang === "en" ? "?lang=en" : "", { reducedMotion });
    const figures = new FiguresPage(page);
    for (const f of story.figures) {
      const card = figures.card(f.id);
      assert.equal(await card.count(), 1, f.id);
      const want = numbers(f).map((v) => expected(f, v, lang));
      if (f.subject === "plenum") {
        // National context: one line for the section, each figure with its value.
        const text = squash(await card.textContent());
        for (const w of want) assert.ok(text.includes(squash(w)), `${f.id}: ${text} names ${w}`);
      } else {
        const { visible, spoken } = await figures.values(f.id);
        assert.deepEqual(visible.map(squash), want.map(squash), `${f.id} visible value`);
        assert.deepEqual(spoken.map(squash), want.map(squash), `${f.id} screen-reader value`);
        assert.match(await card.locator(".figure-label").textContent(), /\S/);
      }
      const source = await sourceOf(page, f);
      const cited = story.meta.sources.find((s) => s.id === f.source);
      assert.ok(source.includes((cited.short ?? cited.name)[lang]), `${f.id} names its source: ${source}`);
    }
    assert.ok(await figures.allCountersDone(), "no counter is rolling before the reader scrolls");
    if (reducedMotion === "reduce") {
      for (const s of story.sections) {
        await figures.section(s.id).screenshot({ path: `${SCREENSHOTS}/section-${s.id}-${lang}-1280.png` });
      }
    }
    assertClean(assert, problems);
    await context.close();
  });
}

test("a counter shows its value until scrolled to, then rolls up from zero and stops exactly on it", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "");
  const figures = new FiguresPage(page);
  const card = figures.card("tech-smes");
  const num = () => card.locator(".counter-visual .num").textContent();
  assert.equal(await num(), "339", "the final value before it is seen");
  assert.equal(squash(await card.locator(".counter > .visually-hidden").textContent()), "339家");
  await card.scrollIntoViewIfNeeded();
  const midway = Number(await until(num, (n) => Number(n) < 339, { what: "the counter starts", interval: 10 }));
  assert.ok(midway >= 0 && midway < 339, `rolling: ${midway}`);
  await page.waitForFunction(() => document.querySelector("[data-testid='figure-tech-smes'] .counter-visual").dataset.done === "true");
  assert.equal(await num(), "339");
  assertClean(assert, problems);
  await context.close();
});

test("a fast scroll past the cards leaves every counter on its final value", async () => {
  const { page, context, problems } = await open(site.browser, site.server, "", { width: 360, height: 740 });
  // Jump through the page a screen at a time, one frame per screen, to the end.
  const wrong = await page.evaluate(fastScrollPastCounters, 700);
  assert.deepEqual(wrong, [], "counters off screen after a fast scroll show their final value");
  await page.waitForFunction(() => [...document.querySelectorAll(".counter-visual")].every((e) => e.querySelector(".num").textContent === e.dataset.final), null, { timeout: 3000 });
  assertClean(assert, problems);
  await context.close();
});

// The bars' colours, as the style sheet (generated from the one palette) gives them.
const BAR = { light: rgb(palette.light["chart-bar"]), dark: rgb(palette.dark["chart-bar"]) };

for (const [width, scheme, lang] of [[1280, "light", "zh"], [360, "dark", "en"], [1280, "dark", "zh"], [360, "light", "en"]]) {
  test(`charts at ${width} px, ${scheme}, ${lang}: drawn crisp in the theme's colours, with tables`, async () => {
    const { page, context, problems } = await open(site.browser, site.server, lang === "en" ? "?lang=en" : "", {
      width, colorScheme: scheme, reducedMotion: "reduce",
    });
    const figures = new FiguresPage(page);
    for (const chart of story.charts) {
      const view = figures.chart(chart.id);
      const fig = view.figure;
      await fig.scrollIntoViewIfNeeded();
      const info = await view.ink(BAR[scheme]);
      assert.ok(info.inked > 2000, `${chart.id}: drawn (${info.inked} pixels)`);
      assert.ok(info.barColour > 200, `${chart.id}: bars in the ${scheme} theme's colour (${info.barColour})`);
      assert.ok(Math.abs(info.width - Math.round(info.css * info.dpr)) <= 1, `${chart.id}: canvas at device pixels`);
      // The data table: one row per bar, the same values the chart states.
      const rows = await view.tableRows();
      if (chart.kind === "bars") {
        assert.deepEqual(rows.map((r) => r[0]), chart.rows.map((r) => r.label[lang]));
        chart.rows.forEach((row, i) => {
          const f = figure(row.figure);
          assert.equal(squash(rows[i][1]), squash(expected(f, f.value, lang)), `${chart.id} row ${i}`);
        });
      } else {
        const f = figure(chart.figure);
        assert.deepEqual(rows.map((r) => squash(r[1])), numbers(f).map((v) => squash(expected(f, v, lang))));
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
  const { figure: fig, readout, canvas } = new FiguresPage(page).chart("growth");
  await fig.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  // Row 0's bar: rows are 44 px tall below a 4 px margin, the bar in the lower part of the row.
  await page.mouse.move(box.x + 40, box.y + 4 + 44 - 12);
  await assertText(readout, "规上工业产值：24.5%");
  await page.mouse.move(box.x + 40, box.y + 4 + 44 * 2 - 12);
  await assertText(readout, "固定资产投资：超过32%");
  await page.mouse.move(box.x + box.width / 2, box.y - 40);
  await canvas.focus();
  await page.keyboard.press("End");
  await assertText(readout, "规上企业研发费用：13%");
  await page.keyboard.press("ArrowUp");
  await assertText(readout, "一般公共预算收入：16%");
  await page.keyboard.press("Escape");
  await assertText(readout, "");
  assertClean(assert, problems);
  await context.close();
});

async function assertText(locator, want) {
  const got = await until(() => locator.textContent(), (t) => t === want, { timeout: 1000 }).catch(() => null);
  assert.equal(got ?? (await locator.textContent()), want);
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
  const canvas = page.locator("[data-testid='chart-canvas-project-tiers']");
  await canvas.scrollIntoViewIfNeeded();
  const width = () => canvas.evaluate((c) => [c.width, Math.round(c.getBoundingClientRect().width * devicePixelRatio)]);
  const [before] = await width();
  await page.setViewportSize({ width: 420, height: 800 });
  await page.waitForFunction(
    (old) => {
      const c = document.querySelector("[data-testid='chart-canvas-project-tiers']");
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
