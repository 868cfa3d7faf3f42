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
        return figure.locator("canvas").evaluate((c, bar) => {
          const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
          let inked = 0, barColour = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3] > 0) inked++;
            if (Math.abs(data[i] - bar[0]) < 3 && Math.abs(data[i + 1] - bar[1]) < 3 && Math.abs(data[i + 2] - bar[2]) < 3 && data[i + 3] > 250) barColour++;
          }
          return { inked, barColour, width: c.width, css: c.getBoundingClientRect().width, dpr: devicePixelRatio };
        }, barRgb);
      },
    };
  }
}
