// Shared set-up for end-to-end tests: Debian's Chromium driven by playwright-core, and a page
// opener that records console errors, failed requests and requests to any other origin.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { before, after } from "node:test";
import { startServer } from "./server.mjs";

export const SCREENSHOTS = "test-results/screenshots";

export async function launch() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function open(browser, server, path, options = {}) {
  const { width = 1280, height = 800, colorScheme = "light", reducedMotion = "no-preference", deviceScaleFactor = 1, isMobile = false, hasTouch = false } = options;
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion, deviceScaleFactor, isMobile, hasTouch });
  // Content-Security-Policy violations, in every frame (read with cspViolations(page)), and
  // error events without an exception.
  await context.addInitScript(() => {
    // An error event with no exception behind it (such as a ResizeObserver loop) reaches no
    // 'pageerror': it is logged, so that it counts as a console error.
    addEventListener("error", (e) => {
      if (e instanceof ErrorEvent && !e.error) console.error(`error event: ${e.message}`);
    });
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const page = await context.newPage();
  const problems = { console: [], failed: [], foreign: [] };
  page.on("console", (m) => {
    if (m.type() === "error") problems.console.push(m.text());
  });
  page.on("pageerror", (e) => problems.console.push(String(e)));
  page.on("requestfailed", (r) => problems.failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.failed.push(`${r.url()} ${r.status()}`);
  });
  // The same server under the other loopback name is not another origin's request (the embed demo
  // loads the graphic from there, to be cross-origin like a news page).
  const own = [server.origin, server.origin.replace("127.0.0.1", "localhost")];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if ((url.protocol === "http:" || url.protocol === "https:") && !own.includes(url.origin)) {
      problems.foreign.push(r.url());
    }
  });
  await page.goto(server.url(pageFor(path)));
  if (options.host) return { page, context, problems };
  // The prerendered graphic is on the page at once; tests look at the live app (the attribute is
  // the contract: #app[data-live] once the wasm app runs).
  await page.waitForSelector("#app[data-live] [data-testid=graphic]");
  await page.waitForSelector(".map-frame[data-complete=true]", { timeout: 5000 });
  return { page, context, problems };
}

/// The page a path of the old single-page form names: `?lang=en…` is the English page, `en/…`
/// (head.js redirects the same way; tests open the page itself, so no request is cut short by the
/// redirect). Other keys and the hash are kept.
export function pageFor(path) {
  const hashAt = path.indexOf("#");
  const hash = hashAt >= 0 ? path.slice(hashAt) : "";
  const rest = hashAt >= 0 ? path.slice(0, hashAt) : path;
  const queryAt = rest.indexOf("?");
  const base = queryAt >= 0 ? rest.slice(0, queryAt) : rest;
  const params = new URLSearchParams(queryAt >= 0 ? rest.slice(queryAt + 1) : "");
  const lang = params.get("lang");
  params.delete("lang");
  const query = params.toString();
  const folder = lang === "en" && !base.startsWith("en/") ? `en/${base}` : base;
  return `${folder}${query ? `?${query}` : ""}${hash}`;
}

/// Every CSP violation recorded in the page and its frames.
export async function cspViolations(page) {
  const all = [];
  for (const frame of page.frames()) {
    all.push(...(await frame.evaluate(() => window.__cspViolations ?? []).catch(() => [])));
  }
  return all;
}

export function assertClean(assert, problems) {
  assert.deepEqual(problems.console, [], "console errors");
  assert.deepEqual(problems.failed, [], "failed requests");
  assert.deepEqual(problems.foreign, [], "requests to other origins");
}

/// Serves dist/ and launches the browser before a file's tests, and closes both after them.
export function useSite() {
  const site = {};
  before(async () => {
    site.server = await startServer("dist");
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
