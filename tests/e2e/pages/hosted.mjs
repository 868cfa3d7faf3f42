// A mock news article on one origin that embeds the graphic from another (the host loads embed.js
// from the graphic's origin), and what the tests read of it: where the frame, its map and its cards
// are on the host's screen, and which milestone is current.
import { until, steady } from "../support/wait.mjs";

/// The article: text above and below the embed, a fixed-height top bar (`data-top`) when `bar`
/// is set, and optionally a bare iframe instead of the script.
export function article({ graphic, lang = "zh", bar = 0, bare = null }) {
  const filler = (n) => Array.from({ length: n }, (_, i) => `<p>正文第 ${i + 1} 段。Article paragraph ${i + 1}, to scroll past.</p>`).join("");
  const embed = bare
    ? `<iframe data-changhe-bare src="${graphic}/index.html?embed=1&amp;id=bare" height="${bare}" title="graphic"></iframe>`
    : `<div data-changhe-embed data-id="main" data-lang="${lang}"${bar ? ` data-top="${bar}"` : ""}></div><script src="${graphic}/embed.js" defer></script>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/host.css"></head><body>
${bar ? `<header class="bar">Masthead</header>` : ""}<article><h1>A host article</h1>${filler(6)}${embed}${filler(12)}</article></body></html>`;
}

export const ARTICLE_CSS = `body { margin: 0; font: 16px/1.7 sans-serif; }
article { max-width: 720px; margin: 0 auto; padding: 0 16px; }
.bar { position: sticky; top: 0; z-index: 3; height: 44px; background: #222; color: #fff; }
iframe[data-changhe-bare] { display: block; width: 100%; border: 0; }
[data-changhe-embed] { margin: 24px -16px; }`;

export class HostedStory {
  constructor(page) {
    this.page = page;
  }

  frame() {
    return this.page.frames().find((f) => /[?&]id=(main|bare)(&|$)/.test(f.url()));
  }

  /// Waits for the live app inside the frame and, with a host that answers, for the hosted story.
  async ready({ hosted = true } = {}) {
    await until(() => this.frame(), Boolean, { timeout: 10000, what: "the graphic's frame" });
    const frame = this.frame();
    await frame.waitForSelector("#app[data-live] [data-testid=story]", { timeout: 15000 });
    if (hosted) await frame.waitForSelector("html.is-hosted", { timeout: 5000 });
    return frame;
  }

  /// The host's scroll position, the box's top and the frame's on the host's screen, the frame's
  /// own scroll, and the current milestone.
  async state() {
    const host = await this.page.evaluate(() => {
      const box = document.querySelector("[data-changhe-box]");
      const frame = document.querySelector("iframe[data-changhe-frame], iframe[data-changhe-bare]");
      return {
        scrollY: window.scrollY,
        innerHeight: window.innerHeight,
        boxTop: box ? box.getBoundingClientRect().top : null,
        frameTop: frame.getBoundingClientRect().top,
      };
    });
    const inner = await this.frame().evaluate(() => {
      const map = document.querySelector(".story-map [data-testid=map]");
      const r = map.getBoundingClientRect();
      const card = document.querySelector("[data-testid=timeline-card]");
      return {
        scrollY: window.scrollY,
        current: card ? card.getAttribute("data-milestone") : null,
        mapTop: r.top,
        mapBottom: r.bottom,
        scrollMax: document.documentElement.scrollHeight - window.innerHeight,
      };
    });
    return { ...host, ...inner };
  }

  /// Polls until the frame's document follows the host (its scroll is the box's distance above
  /// the screen's top, within its range) and the current milestone has settled.
  async settled(top = 0) {
    return steady(() => this.state(), {
      quiet: 250,
      timeout: 6000,
      what: "the hosted story after a scroll",
    }).then((s) => {
      const want = Math.min(Math.max(0, Math.round(top - s.boxTop)), s.scrollMax);
      if (Math.abs(s.scrollY - want) > 1) throw new Error(`the frame did not follow the host: ${JSON.stringify(s)} (want ${want})`);
      return s;
    });
  }

  /// The share of the map's box on the host's screen (below `top`, the bar), from 0 to 1.
  static mapOnScreen(s, top = 0) {
    const a = s.frameTop + s.mapTop;
    const b = s.frameTop + s.mapBottom;
    const seen = Math.max(0, Math.min(b, s.innerHeight) - Math.max(a, top));
    return seen / (b - a);
  }
}
