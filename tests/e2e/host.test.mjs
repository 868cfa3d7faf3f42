// The built dist/ on any host: under a sub-path of a plain static server, and under a strict
// Content-Security-Policy with no inline script or style.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, assertClean, cspViolations, SCREENSHOTS } from "./support/browser.mjs";
import { startServer, STRICT_CSP } from "./support/server.mjs";
import { FiguresPage } from "./pages/figures.mjs";
import { until } from "./support/wait.mjs";
const hosts = {};
before(async () => {
  hosts.browser = await launch();
  hosts.strict = await startServer("dist", { headers: { "content-security-policy": STRICT_CSP } });
  hosts.subpath = await startServer("dist", { basePath: "/news/2025/changhe/" });
});
after(async () => {
  await hosts.browser?.close();
  await hosts.strict?.close();
  await hosts.subpath?.close();
});

test("a strict Content-Security-Policy does not break the page: zero violations", async () => {
  for (const path of ["", "?lang=en", "?embed=1&theme=dark"]) {
    const { page, context, problems } = await open(hosts.browser, hosts.strict, path);
    // The chart draws on its canvas once in view: wait for its first pixels.
    const chart = new FiguresPage(page).chart("growth");
    await chart.figure.scrollIntoViewIfNeeded();
    await until(() => chart.ink([0, 0, 0]), (ink) => ink.inked > 0, { what: "the chart's first pixels" });
    const header = await page.evaluate(async () => (await fetch(location.href)).headers.get("content-security-policy"));
    assert.match(header, /script-src 'self' 'wasm-unsafe-eval'/, "served with the strict policy");
    assert.deepEqual(await cspViolations(page), [], `CSP violations at ${path || "/"}`);
    assertClean(assert, problems);
    await context.close();
  }
});

test("dist/ works from a sub-path of a plain static server", async () => {
  const { page, context, problems } = await open(hosts.browser, hosts.subpath, "?lang=en");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.ok(page.url().includes("/news/2025/changhe/"));
  assert.ok((await new FiguresPage(page).card("zone-area").count()) === 1);
  await page.screenshot({ path: `${SCREENSHOTS}/subpath-en-1280.png` });
  assertClean(assert, problems);
  await context.close();
});
