// The embed demo: a mock article with the graphic in two iframes (zh and en) sized by embed.js.
import { until } from "../support/wait.mjs";

export class EmbedPage {
  constructor(page) {
    this.page = page;
  }

  /// Waits for both frames to show the graphic.
  async ready() {
    for (const id of ["zh", "en"]) {
      await this.page.waitForSelector(`iframe[data-changhe-frame=${id}]`);
      await this.frame(id).waitForSelector("[data-testid=graphic]");
    }
  }

  frame(id) {
    return this.page.frame({ url: new RegExp(`[?&]id=${id}(&|$)`) });
  }

  iframe(id) {
    return this.page.locator(`iframe[data-changhe-frame=${id}]`);
  }

  /// The current milestone inside a frame.
  current(id) {
    return this.frame(id).getAttribute("[data-testid=timeline-card]", "data-milestone");
  }

  /// [the embed's height on the host (the box the frame sticks in), content height] for each frame.
  async heights() {
    const out = {};
    for (const id of ["zh", "en"]) {
      const outer = await this.iframe(id).evaluate((f) => f.parentElement.getBoundingClientRect().height);
      const inner = await this.frame(id).evaluate(() => document.getElementById("app").getBoundingClientRect().bottom + window.scrollY);
      out[id] = [outer, inner];
    }
    return out;
  }

  /// Polls until every frame is as tall as its content (±2 px).
  sized(label) {
    return until(() => this.heights(), (h) => Object.values(h).every(([outer, inner]) => Math.abs(outer - inner) <= 2), {
      timeout: 4000,
      interval: 100,
      what: `${label}: iframes as tall as their content (±2 px)`,
    });
  }
}
