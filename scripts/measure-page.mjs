// Prints the page's height and the height of its main blocks at a viewport, after scrolling the
// whole page (so every lazy part has rendered): node scripts/measure-page.mjs [dist] [--shots DIR]
import { launch } from "../tests/e2e/support/browser.mjs";
import { startServer } from "../tests/e2e/support/server.mjs";
import { fullHeight } from "../tests/e2e/support/layout.mjs";

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith("--")) || "dist";
const shots = args.includes("--shots") ? args[args.indexOf("--shots") + 1] : null;
const server = await startServer(dir);
const browser = await launch();
for (const [width, height] of [[360, 740], [1280, 800]]) {
  for (const lang of ["zh", "en"]) {
    for (const scheme of shots ? ["light", "dark"] : ["light"]) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(server.url(`?lang=${lang}`));
      await page.waitForSelector("[data-testid=graphic]");
      const pageHeight = await fullHeight(page);
      const m = await page.evaluate((page) => {
        const h = (sel) => Math.round(document.querySelector(sel)?.getBoundingClientRect().height ?? -1);
        return {
          page,
          head: h(".head"), storyHead: h(".story-head"), story: h("[data-testid=story]"), notes: h(".map-notes"),
          figures: h("#figures"), foot: h(".foot"),
        };
      }, pageHeight);
      console.log(`${width}x${height} ${lang} ${scheme}`, JSON.stringify(m));
      if (shots) await page.screenshot({ path: `${shots}/page-${width}-${lang}-${scheme}.png`, fullPage: true });
      await context.close();
    }
  }
}
await browser.close();
await server.close();
