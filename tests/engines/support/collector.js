// The JavaScript-error collector of the cross-engine suite. It runs before the page's own scripts:
// in Firefox as a WebDriver BiDi preload script, and in WebKit (classic WebDriver has none) and in
// Firefox's frames (see firefox.test.mjs) as the first script of every HTML page the test server sends. It records uncaught errors, rejected
// promises, resources that fail to load, console.error calls and CSP violations. The record is
// kept on <html> (data-engine-errors, JSON) as well as in a global, so that a driver whose scripts
// run in a world of their own (seeing the page's DOM, not its globals) reads it the same way.
(() => {
  // Once per document (a frame's window outlives its first, blank document, so not per window).
  if (document.__engineCollector) return;
  const list = (document.__engineCollector = []);
  // <html> may not exist yet when a preload script runs: written as soon as it does.
  const write = () => document.documentElement?.setAttribute("data-engine-errors", JSON.stringify(list));
  const errors = { push: (e) => { list.push(e); write(); } };
  write();
  document.addEventListener("readystatechange", write);
  addEventListener("error", (e) => {
    if (e instanceof ErrorEvent) errors.push(`error: ${e.message} (${e.filename}:${e.lineno})`);
    else if (e.target && e.target !== window) errors.push(`failed to load: ${e.target.src || e.target.href || e.target.tagName}`);
  }, true);
  addEventListener("unhandledrejection", (e) => errors.push(`unhandled rejection: ${e.reason && (e.reason.stack || e.reason)}`));
  document.addEventListener("securitypolicyviolation", (e) => errors.push(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
  const original = console.error;
  console.error = function (...args) {
    errors.push(`console.error: ${args.map(String).join(" ")}`);
    return original.apply(this, args);
  };
})();
