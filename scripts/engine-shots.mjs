// Screenshots of the head and the first figures in Firefox ESR and WebKit, to compare with
// Chromium's: node scripts/engine-shots.mjs [dist] [out-dir]   (default dist, test-results/engines)
// Firefox through puppeteer-core over WebDriver BiDi; WebKit through WebKitWebDriver driving
// MiniBrowser under Xvfb (its windows are at least about 450 px wide, so WebKit is shot at 480).
// Each shot is also checked the way the Chromium e2e test checks: no headline or card label
// ends on a lone character. Needs Debian's firefox-esr, webkit2gtk-driver and xvfb.
import { mkdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { spawn } from "node:child_process";
import puppeteer from "puppeteer-core";
import { startServer } from "../tests/e2e/support/server.mjs";
import { loneLastLines } from "../tests/e2e/support/layout.mjs";

const [dir = "dist", out = "test-results/engines"] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const server = await startServer(dir);
const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

// The lone-last-character check of tests/e2e/layout.test.mjs, as source text for both drivers.
const LONE = `(${loneLastLines})(".headline, .figure-label")`;

const report = [];

async function firefox() {
  const browser = await puppeteer.launch({
    browser: "firefox", executablePath: "/usr/bin/firefox-esr", headless: true,
    extraPrefsFirefox: { "network.proxy.type": 0 },
  });
  for (const [width, lang] of [[360, "zh"], [360, "en"], [1280, "zh"], [1280, "en"]]) {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 900 });
    await page.goto(server.url(lang === "en" ? "?lang=en" : ""));
    await page.waitForSelector(".map-frame[data-complete=true]", { timeout: 20000 });
    report.push([`firefox ${width} ${lang}`, await page.evaluate(LONE)]);
    await page.screenshot({ path: `${out}/firefox-head-${width}-${lang}.png` });
    await page.evaluate(() => document.querySelector("[data-testid=section-strength]").scrollIntoView());
    await page.screenshot({ path: `${out}/firefox-figures-${width}-${lang}.png` });
    await page.close();
  }
  await browser.close();
}

async function webdriver(base, method, path, body) {
  const r = await fetch(base + path, { method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body) });
  const json = await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}

async function webkit() {
  const display = ":97";
  const xvfb = spawn("Xvfb", [display, "-screen", "0", "1600x1200x24"], { stdio: "ignore" });
  const driver = spawn("WebKitWebDriver", ["--port=4491"], { stdio: "ignore", env: { ...process.env, DISPLAY: display } });
  const base = "http://127.0.0.1:4491";
  try {
    for (let i = 0; i < 50; i++) {
      if (await fetch(`${base}/status`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const { sessionId } = await webdriver(base, "POST", "/session", {
      capabilities: { alwaysMatch: { "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } } },
    });
    const s = `/session/${sessionId}`;
    for (const [width, lang] of [[480, "zh"], [480, "en"], [1280, "zh"], [1280, "en"]]) {
      await webdriver(base, "POST", `${s}/window/rect`, { width, height: 900 });
      await webdriver(base, "POST", `${s}/url`, { url: server.url(lang === "en" ? "?lang=en" : "") });
      for (let i = 0; i < 100; i++) {
        const done = await webdriver(base, "POST", `${s}/execute/sync`, { script: "return !!document.querySelector('.map-frame[data-complete=true]')", args: [] });
        if (done) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const inner = await webdriver(base, "POST", `${s}/execute/sync`, { script: "return innerWidth", args: [] });
      report.push([`webkit ${width} (inner ${inner}) ${lang}`, await webdriver(base, "POST", `${s}/execute/sync`, { script: `return ${LONE}`, args: [] })]);
      await writeFile(`${out}/webkit-head-${width}-${lang}.png`, Buffer.from(await webdriver(base, "GET", `${s}/screenshot`), "base64"));
      await webdriver(base, "POST", `${s}/execute/sync`, { script: "document.querySelector('[data-testid=section-strength]').scrollIntoView()", args: [] });
      await new Promise((r) => setTimeout(r, 300));
      await writeFile(`${out}/webkit-figures-${width}-${lang}.png`, Buffer.from(await webdriver(base, "GET", `${s}/screenshot`), "base64"));
    }
    await webdriver(base, "DELETE", s);
  } finally {
    driver.kill();
    xvfb.kill();
  }
}

await firefox();
await webkit();
await server.close();
let bad = 0;
for (const [where, lone] of report) {
  console.log(`${where}: ${lone.length ? `lone last characters in ${JSON.stringify(lone)}` : "no lone last character"}`);
  bad += lone.length;
}
console.log(`screenshots in ${out}`);
process.exit(bad ? 1 : 0);
