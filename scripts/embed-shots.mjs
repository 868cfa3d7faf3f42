// The README's pictures of the embedded story, from the release build in Debian's Chromium:
//   node scripts/embed-shots.mjs [dist] [out-dir]        (default dist, docs/embed)
// A mock article on one origin (localhost) embeds the graphic from another (127.0.0.1): with
// embed.js, scrolled into the story (the map held, a card at the reading line) at 360x740 and
// 1280x800, light and dark; and as a bare iframe (no script on the host) of the graphic's height,
// the flat story with each card's small map. JPEG, so the repository stays small.
import { mkdirSync } from "node:fs";
import { launch } from "../tests/e2e/support/browser.mjs";
import { startServer } from "../tests/e2e/support/server.mjs";
import { article, ARTICLE_CSS, HostedStory } from "../tests/e2e/pages/hosted.mjs";

const [dir = "dist", out = "docs/embed"] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const graphic = await startServer(dir);
const host = await startServer(dir, {
  files: {
    "/host.css": ARTICLE_CSS,
    "/a.html": article({ graphic: graphic.origin }),
    "/bare.html": article({ graphic: graphic.origin, bare: 1200 }),
  },
});
const browser = await launch();
const hosted = (page) => new HostedStory(page);
const at = (path) => host.url(path).replace("127.0.0.1", "localhost");

for (const [width, height] of [[360, 740], [1280, 800]]) {
  for (const scheme of ["light", "dark"]) {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, reducedMotion: "reduce" });
    const page = await context.newPage();
    await page.goto(at("a.html"));
    const story = new HostedStory(page);
    const frame = await story.ready();
    // Into the story by a link in the article, as a reader would follow it: the approval's card
    // brought to the reading line, the map held above or beside it.
    await page.evaluate(() => { location.hash = "changhe-main=approval"; });
    await frame.waitForSelector("[data-testid=timeline-card][data-milestone=approval]");
    await story.settled();
    await page.screenshot({ path: `${out}/hosted-${width}-${scheme}.jpg`, type: "jpeg", quality: 72 });
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(at("bare.html"));
  const story = new HostedStory(page);
  const frame = await story.ready({ hosted: false });
  await frame.waitForSelector("html.is-bare");
  // As the README tells editors: the frame given the graphic's height at this width; then the
  // article scrolled to the cards, as a reader of the flat story sees them.
  const content = await frame.evaluate(() => Math.ceil(document.getElementById("app").getBoundingClientRect().bottom));
  await page.evaluate((h) => document.querySelector("iframe").setAttribute("height", String(h)), content);
  const card = await hosted(page).frame().evaluate(() => document.getElementById("step-framework-agreement").getBoundingClientRect().top);
  const top = await page.evaluate(() => document.querySelector("iframe").getBoundingClientRect().top + scrollY);
  await page.evaluate((y) => window.scrollTo(0, y), top + card - 60);
  await page.screenshot({ path: `${out}/bare-${width}.jpg`, type: "jpeg", quality: 72 });
  await context.close();
}
await browser.close();
await graphic.close();
await host.close();
console.log(`wrote ${out}/hosted-{360,1280}-{light,dark}.jpg and ${out}/bare-{360,1280}.jpg`);
