// scratch: screenshots of the prerendered page (JS off) and the live page
import { launch } from "../tests/e2e/support/browser.mjs";
import { startServer } from "../tests/e2e/support/server.mjs";
const dir = process.argv[2] || "dist";
const server = await startServer(dir);
const browser = await launch();
const out = "/tmp/shots";
for (const [w, h] of [[360, 740], [1280, 800]]) {
  for (const path of ["", "en/"]) {
    for (const js of [false, true]) {
      const ctx = await browser.newContext({ viewport: { width: w, height: h }, javaScriptEnabled: js });
      const page = await ctx.newPage();
      const errs = [];
      page.on("console", (m) => m.type() === "error" && errs.push(m.text()));
      page.on("pageerror", (e) => errs.push(String(e)));
      await page.goto(server.url(path));
      if (js) await page.waitForSelector("#app[data-live]");
      await page.waitForTimeout(500);
      const name = `${out}/${w}-${path ? "en" : "zh"}-${js ? "live" : "static"}.png`;
      await page.screenshot({ path: name });
      const info = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, maps: [...document.querySelectorAll("[data-testid=map]")].filter((m) => m.getBoundingClientRect().width > 0).length }));
      console.log(name, JSON.stringify(info), errs.join(" | "));
      await ctx.close();
    }
  }
}
await browser.close();
await server.close();
