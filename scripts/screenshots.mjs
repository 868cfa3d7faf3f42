// The README's screenshots, from the release build in Debian's Chromium:
//   node scripts/screenshots.mjs [dist] [out-dir]        (default dist, docs/screenshots)
// The scrolling story at 360x740 and 1280x800, zh and en, light and dark, at three points of the
// story (the first milestone, the approval, the anniversary), each brought to the reading line by
// its #m= link as a reader's link would; and the first figures section at 360 and 1280, light and
// dark. JPEG, so the repository stays small.
import { mkdirSync } from "node:fs";
import { launch } from "../tests/e2e/support/browser.mjs";
import { startServer } from "../tests/e2e/support/server.mjs";

const [dir = "dist", out = "docs/screenshots"] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const server = await startServer(dir);
const browser = await launch();
const STOPS = ["idea-2018", "approval", "fourth-anniversary"];

async function openPage(width, height, lang, scheme) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(server.url(lang === "en" ? "?lang=en" : ""));
  await page.waitForSelector(".map-frame[data-complete=true]");
  return { context, page };
}

for (const [width, height] of [[360, 740], [1280, 800]]) {
  for (const lang of ["zh", "en"]) {
    for (const scheme of ["light", "dark"]) {
      const { context, page } = await openPage(width, height, lang, scheme);
      for (const [n, id] of STOPS.entries()) {
        await page.evaluate((id) => { location.hash = `#m=${id}`; }, id);
        await page.waitForSelector(`[data-testid=timeline-card][data-milestone="${id}"]`);
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${out}/story-${width}-${lang}-${scheme}-${n + 1}.jpg`, type: "jpeg", quality: 72 });
      }
      if (lang === "zh") {
        const section = page.locator("[data-testid=section-strength]");
        await section.scrollIntoViewIfNeeded();
        await section.screenshot({ path: `${out}/figures-${width}-${scheme}.jpg`, type: "jpeg", quality: 72 });
      }
      await context.close();
    }
  }
}
await browser.close();
await server.close();
console.log(`screenshots written to ${out}`);
