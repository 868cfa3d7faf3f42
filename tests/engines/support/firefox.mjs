// Firefox ESR (Debian's) driven by puppeteer-core over WebDriver BiDi, behind the suite's small
// driver interface (see webkit.mjs for the same interface over classic WebDriver).
import { readFileSync } from "node:fs";
import puppeteer from "puppeteer-core";

const COLLECTOR = readFileSync(new URL("./collector.js", import.meta.url), "utf8");
export const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";

/// `dark`: the system's colour scheme is dark (prefers-color-scheme: dark in every page).
export async function launchFirefox({ dark = false } = {}) {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // No network beyond the local test server: no proxy look-up, no update or telemetry pings.
      "network.proxy.type": 0,
      "app.update.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      ...(dark ? { "ui.systemUsesDarkTheme": 1, "layout.css.prefers-color-scheme.content-override": 0 } : {}),
    },
  });
  const version = await browser.version();
  return {
    engine: "firefox",
    version,
    /// A new tab at width × height, with the collector installed as a BiDi preload script (it runs
    /// before any of the page's scripts, in the page and in its frames).
    async newPage(width, height) {
      const page = await browser.newPage();
      await page.setViewport({ width, height });
      await page.evaluateOnNewDocument(COLLECTOR);
      const events = [];
      page.on("pageerror", (e) => events.push(`pageerror: ${e.message ?? e}`));
      page.on("console", (m) => m.type() === "error" && events.push(`console: ${m.text()}`));
      return new FirefoxPage(page, events);
    },
    close: () => browser.close(),
  };
}

class FirefoxPage {
  constructor(page, events) {
    this.page = page;
    this.events = events;
  }

  async goto(url) {
    await this.page.goto(url, { waitUntil: "load" });
  }

  /// Runs `fn(...args)` (arguments as JSON) in the page and returns its (awaited) result.
  run(fn, ...args) {
    return this.page.evaluate(`(${fn})(${args.map((a) => JSON.stringify(a)).join(", ")})`);
  }

  async resize(width, height) {
    await this.page.setViewport({ width, height });
  }

  /// A trusted click at the centre of the element (scrolled into view first).
  click(selector) {
    return this.page.click(selector);
  }

  /// A trusted key press (names as in KeyboardEvent.key: "Enter", "Tab", "ArrowRight", …).
  press(key) {
    return this.page.keyboard.press(key);
  }

  screenshot(path) {
    return this.page.screenshot({ path });
  }

  /// What the driver itself saw (BiDi log events), besides what the collector holds.
  driverErrors() {
    return [...this.events];
  }

  close() {
    return this.page.close();
  }
}
