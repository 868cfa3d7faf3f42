// Opens the graphic as `./run.sh serve` serves it and fails on any console error, failed request or
// request to another origin. Usage: node scripts/serve-check.mjs http://127.0.0.1:PORT/
import assert from "node:assert/strict";
import { launch, open, assertClean } from "../tests/e2e/support/browser.mjs";

const base = process.argv[2];
if (!base) {
  console.error("usage: node scripts/serve-check.mjs URL");
  process.exit(2);
}
const origin = new URL(base).origin;
// Wait (up to 3 minutes) for the server to answer: trunk builds before it listens.
const deadline = Date.now() + 180_000;
for (;;) {
  // Read the body: an unread response keeps its keep-alive socket, and with it this process, alive.
  const ok = await fetch(base).then(async (r) => (await r.arrayBuffer(), r.ok), () => false);
  if (ok) break;
  if (Date.now() > deadline) {
    console.error(`serve-check: ${base} did not answer within 3 minutes`);
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 1000));
}
const server = { origin, url: (path = "") => new URL(path, base).href };
const browser = await launch();
try {
  for (const path of ["", "?lang=en"]) {
    const { page, context, problems } = await open(browser, server, path);
    const h1 = (await page.textContent("h1")).trim();
    assert.ok(h1.length > 4, `a headline at ${path || "/"}`);
    assertClean(assert, problems);
    console.log(`serve-check: ${server.url(path)} OK (${h1})`);
    await context.close();
  }
} finally {
  await browser.close();
}
// Nothing is left to wait for; do not let an idle socket to the server hold the check open.
process.exit(0);
