// The figures and charts: cards with their counters, and each chart's canvas, readout and table.
export class FiguresPage {
  constructor(page) {
    this.page = page;
  }

  card(id) {
    return this.page.locator(`[data-testid='figure-${id}']`);
  }

  section(id) {
    return this.page.locator(`[data-testid='section-${id}']`);
  }

  /// What a card shows, and what a screen reader hears, per value.
  async values(id) {
    const card = this.card(id);
    return {
      visible: await card.locator(".counter-visual").evaluateAll((els) => els.map((e) => e.innerText)),
      spoken: await card.locator(".counter > .visually-hidden").allTextContents(),
    };
  }

  /// Whether every counter on the page has finished.
  allCountersDone() {
    return this.page.$$eval(".counter-visual", (els) => els.every((e) => e.dataset.done === "true"));
  }

  chart(id) {
    const figure = this.page.locator(`[data-testid='chart-${id}']`);
    return {
      figure,
      canvas: figure.locator("canvas"),
      readout: figure.locator(`[data-testid='chart-readout-${id}']`),
      /// The data table's rows as [label, value], after opening it.
      async tableRows() {
        await figure.locator(".chart-table summary").click();
        return figure.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.querySelector("th").textContent, tr.querySelector("td").textContent]));
      },
      /// Pixels drawn, pixels in `barRgb`, canvas width, its CSS width and the device pixel ratio.
      ink(barRgb) {
        return figure.locator("canvas").evaluate(canvasInk, barRgb);
      },
    };
  }
}

// In-page functions, shared with the cross-engine suite (tests/engines/), which passes them to its
// drivers as source text: no closures, no imports.

/// Runs in the page: what a chart's canvas holds. `canvas` is the element or a selector for it;
/// `bar` the bar colour as [r, g, b]. Pixels drawn, pixels in the bar colour, the canvas's width,
/// its CSS width and the device pixel ratio; null when there is no such canvas.
export function canvasInk(canvas, bar) {
  const c = typeof canvas === "string" ? document.querySelector(canvas) : canvas;
  if (!c) return null;
  const data = c.width && c.height ? c.getContext("2d").getImageData(0, 0, c.width, c.height).data : [];
  let inked = 0, barColour = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 0) inked++;
    if (Math.abs(data[i] - bar[0]) < 3 && Math.abs(data[i + 1] - bar[1]) < 3 && Math.abs(data[i + 2] - bar[2]) < 3 && data[i + 3] > 250) barColour++;
  }
  return { inked, barColour, width: c.width, css: c.getBoundingClientRect().width, dpr: devicePixelRatio };
}

/// Runs in the page: jumps through it `step` px (default a screen less 40 px) per frame to the
/// end, waits three frames for the observers, and returns the counters now off screen that do not
/// show their final value, each as "final shows shown".
export async function fastScrollPastCounters(step = null) {
  const by = step ?? innerHeight - 40;
  for (let y = 0; y < document.documentElement.scrollHeight; y += by) {
    window.scrollTo(0, y);
    await new Promise((r) => requestAnimationFrame(r));
  }
  // The observers report a frame later; the counters they stop redraw after that.
  for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
  return [...document.querySelectorAll(".counter-visual")].filter((e) => {
    const r = e.getBoundingClientRect();
    return (r.bottom < 0 || r.top > innerHeight) && e.querySelector(".num").textContent !== e.dataset.final;
  }).map((e) => `${e.dataset.final} shows ${e.querySelector(".num").textContent}`);
}
