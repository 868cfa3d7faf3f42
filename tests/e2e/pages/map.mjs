// The map, as a reader meets it: regions and markers to select, labels, tooltip, detail panel.
export class MapPage {
  constructor(page) {
    this.page = page;
    this.svg = page.locator("[data-testid=map]");
    this.frame = page.locator(".map-frame");
    this.tooltip = page.locator("[data-testid=map-tooltip]");
    this.detail = page.locator("[data-testid=region-detail]");
  }

  /// A county by its code, or the base by "base".
  region(code) {
    return this.page.locator(`[data-testid='region-${code}']`);
  }

  place(id) {
    return this.page.locator(`[data-testid='place-${id}']`);
  }

  distance(id) {
    return this.page.locator(`[data-testid=distance-${id}]`);
  }

  /// Every map region's data-testid (counties and the base), sorted.
  regionIds() {
    return this.page.$$eval("[data-testid^='region-']:not([data-testid='region-detail'])", (els) =>
      els.map((e) => e.dataset.testid).sort(),
    );
  }

  /// The placed labels' boxes on screen: { key, x, y, w, h }.
  labelBoxes() {
    return this.page.$$eval(".map .label", (els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { key: e.dataset.label, x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
  }

  isNarrow() {
    return this.page.locator(".map-frame.is-narrow").count().then((n) => n === 1);
  }

  complete() {
    return this.frame.getAttribute("data-complete");
  }
}
