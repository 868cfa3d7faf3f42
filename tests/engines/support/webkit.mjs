// WebKit: Debian's WebKitWebDriver driving MiniBrowser (WebKitGTK) under Xvfb, over classic
// WebDriver (plain HTTP, a few endpoints: session, url, window rect, execute, element click,
// actions, screenshot). MiniBrowser has no headless mode here, and its windows are at least about
// 450 px wide. Classic WebDriver cannot run a script before the page's own, so the test server
// puts the error collector first in every HTML page it sends (headScript in server.mjs).
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { writeFile } from "node:fs/promises";

export const MINIBROWSER = process.env.MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
// WebDriver's code points for the keys the suite presses.
const KEYS = { Enter: "\uE007", Escape: "\uE00C", Tab: "\uE004", Home: "\uE011", End: "\uE010", ArrowLeft: "\uE012", ArrowUp: "\uE013", ArrowRight: "\uE014", ArrowDown: "\uE015", " ": " " };

const freePort = () => new Promise((ok, fail) => {
  const s = createServer();
  s.once("error", fail);
  s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
});

/// Starts Xvfb on a free display (it writes the number it took to fd 3).
function startXvfb() {
  const xvfb = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1600x1600x24", "-nolisten", "tcp"], { stdio: ["ignore", "ignore", "ignore", "pipe"] });
  return new Promise((ok, fail) => {
    let out = "";
    xvfb.stdio[3].on("data", (d) => {
      out += d;
      if (out.includes("\n")) ok({ process: xvfb, display: `:${out.trim()}` });
    });
    xvfb.once("exit", (code) => fail(new Error(`Xvfb exited with ${code}`)));
    xvfb.once("error", fail);
  });
}

export async function launchWebKit() {
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = spawn("WebKitWebDriver", [`--port=${port}`], { stdio: "ignore", env: { ...process.env, DISPLAY: xvfb.display } });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const r = await fetch(base + path, { method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body) });
    const json = await r.json();
    if (!r.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  };
  const stop = () => { driver.kill(); xvfb.process.kill(); };
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`${base}/status`).then((r) => r.ok, () => false)) break;
      if (i > 100) throw new Error("WebKitWebDriver did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    const session = await call("POST", "/session", {
      capabilities: { alwaysMatch: { "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } } },
    });
    const s = `/session/${session.sessionId}`;
    const version = `${session.capabilities.browserName} ${session.capabilities.browserVersion}`;
    await call("POST", `${s}/timeouts`, { script: 30000, pageLoad: 30000 });
    return {
      engine: "webkit",
      version,
      async newPage(width, height) {
        const page = new WebKitPage(call, s);
        await page.resize(width, height);
        return page;
      },
      async close() {
        await call("DELETE", s).catch(() => {});
        stop();
      },
    };
  } catch (e) {
    stop();
    throw e;
  }
}

class WebKitPage {
  constructor(call, session) {
    this.call = call;
    this.s = session;
  }

  goto(url) {
    return this.call("POST", `${this.s}/url`, { url });
  }

  /// Runs `fn(...args)` (arguments as JSON) in the page and returns its (awaited) result.
  async run(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn})(${args.map((a) => JSON.stringify(a)).join(", ")})).then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String(e && e.stack || e) }));`;
    const out = await this.call("POST", `${this.s}/execute/async`, { script, args: [] });
    if (out && "error" in out) throw new Error(`in the page: ${out.error}`);
    return out.ok;
  }

  /// Sets the window's outer size (the engine keeps it at least about 450 px wide).
  resize(width, height) {
    return this.call("POST", `${this.s}/window/rect`, { width, height });
  }

  /// WebDriver's element click: scrolled into view, at the centre of its first box.
  async click(selector) {
    const el = await this.call("POST", `${this.s}/element`, { using: "css selector", value: selector });
    await this.call("POST", `${this.s}/element/${el[ELEMENT]}/click`, {});
  }

  /// A key press through the actions API, to the focused element.
  async press(key) {
    const value = KEYS[key];
    if (!value) throw new Error(`no WebDriver code for ${key}`);
    await this.call("POST", `${this.s}/actions`, {
      actions: [{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value }, { type: "keyUp", value }] }],
    });
    await this.call("DELETE", `${this.s}/actions`);
  }

  async screenshot(path) {
    await writeFile(path, Buffer.from(await this.call("GET", `${this.s}/screenshot`), "base64"));
  }

  /// Classic WebDriver has no log of the page's errors: only the collector's record counts.
  driverErrors() {
    return [];
  }

  close() {
    return this.goto("about:blank");
  }
}
