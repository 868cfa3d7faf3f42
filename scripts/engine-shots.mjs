// Screenshots of the head and the first figures in Firefox ESR and WebKit, to compare with
// Chromium's: node scripts/engine-shots.mjs [dist] [out-dir]   (default dist, test-results/engines)
// Through the cross-engine suite's drivers (tests/engines/support/): Firefox over WebDriver BiDi,
// WebKit's MiniBrowser over WebDriver under Xvfb (its windows are at least about 450 px wide, so
// WebKit is shot at 480). Each shot is also checked the way the e2e layout test checks: no headline
// or card label ends on a lone character. Needs Debian's firefox-esr, webkit2gtk-driver and xvfb.
import { mkdirSync } from "node:fs";
import { startServer } from "../tests/e2e/support/server.mjs";
import { loneLastLines } from "../tests/e2e/support/layout.mjs";
import { launchFirefox } from "../tests/engines/support/firefox.mjs";
import { launchWebKit } from "../tests/engines/support/webkit.mjs";

const [dir = "dist", out = "test-results/engines"] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const server = await startServer(dir);
const report = [];

async function shoot(launch, narrow) {
  const browser = await launch();
  try {
    for (const [width, lang] of [[narrow, "zh"], [narrow, "en"], [1280, "zh"], [1280, "en"]]) {
      const page = await browser.newPage(width, 900);
      await page.goto(server.url(lang === "en" ? "en/" : ""));
      for (let i = 0; !(await page.run(() => !!document.querySelector(".map-frame[data-complete=true]"))); i++) {
        if (i > 200) throw new Error(`${browser.engine} ${width} ${lang}: the map did not finish`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const inner = await page.run(() => innerWidth);
      report.push([`${browser.engine} ${width} (inner ${inner}) ${lang}`, await page.run(loneLastLines, ".headline, .figure-label")]);
      await page.screenshot(`${out}/${browser.engine}-head-${width}-${lang}.png`);
      await page.run(() => document.querySelector("[data-testid=section-strength]").scrollIntoView());
      // Shot once the counters scrolled into view have rolled up to their values.
      const rolling = () => page.run(() => [...document.querySelectorAll(".counter-visual")].some((e) => e.dataset.done !== "true"));
      for (let i = 0; (await rolling()) && i < 50; i++) await new Promise((r) => setTimeout(r, 100));
      await page.screenshot(`${out}/${browser.engine}-figures-${width}-${lang}.png`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

await shoot(launchFirefox, 360);
await shoot(launchWebKit, 480);
await server.close();
let bad = 0;
for (const [where, lone] of report) {
  console.log(`${where}: ${lone.length ? `lone last characters in ${JSON.stringify(lone)}` : "no lone last character"}`);
  bad += lone.length;
}
console.log(`screenshots in ${out}`);
process.exit(bad ? 1 : 0);
