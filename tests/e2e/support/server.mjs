// A minimal static file server for the built site, on 127.0.0.1 and a free port.
// Options: basePath (serve dist/ under a sub-path), headers (extra response headers, e.g. a CSP),
// files (extra paths served from memory: { "/x.js": "source" }) and headScript (the path of a
// script every HTML page loads first, right after its charset: the cross-engine suite's error
// collector where the driver cannot inject one).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join, normalize, extname, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
};

/// The policy the graphic must run under: no inline script or style, nothing from other origins.
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

export async function startServer(root, { basePath = "/", headers = {}, files = {}, headScript } = {}) {
  const rootDir = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      let path = decodeURIComponent(url.pathname);
      if (Object.hasOwn(files, path)) {
        res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "text/plain", "cache-control": "no-store", ...headers });
        res.end(files[path]);
        return;
      }
      if (!path.startsWith(basePath)) {
        res.writeHead(404).end("not found");
        return;
      }
      path = path.slice(basePath.length);
      if (path === "" || path.endsWith("/")) path += "index.html";
      const file = normalize(join(rootDir, path));
      if (!file.startsWith(rootDir)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      const info = await stat(file);
      if (!info.isFile()) throw new Error("not a file");
      let body = await readFile(file);
      if (headScript && extname(file) === ".html") {
        // Right after the charset (minified pages have no <head> tag), else after <html>.
        const tag = `<script src="${headScript}"></script>`;
        const html = body.toString("utf8");
        const at = /<meta charset=[^>]*>/i.test(html) ? /<meta charset=[^>]*>/i : /<html[^>]*>/i;
        body = html.replace(at, (m) => m + tag);
      }
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: (path = "") => `http://127.0.0.1:${port}${basePath}${path}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
