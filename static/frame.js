// The graphic's side of the host protocol (static/embed.js is the host's; ARCHITECTURE.md,
// "The embedded story"). head.js loads this file only inside a frame. No wasm needed: it sizes the
// frame even when the app cannot start.
//
// Frame -> host, each { changhe: 1, type, id, ... } (id: the frame's ?id=):
//   hello                      once, at start: "I speak version 1"
//   height   { height }        the content's height (CSS px), at start and whenever it changes
//   scroll   { offset, line }  bring my document's offset to the host viewport's line (px from its
//                              top); only just after a reader's action (a button, a key, a host link)
// Host -> frame, each { changhe: 1, type, ... }:
//   viewport { top, height }   my content's top in the host's viewport, and that viewport's height
//   go       { milestone }     the host's address asks for a milestone (#changhe-<id>=<milestone>)
//   flat                       the host cannot keep the frame on screen: back to the flat story
// The wasm app also posts { "changhe-hash": "#m=<id>", id } when the reader moves on.
// Anything else, from anyone but the parent window (and its origin, once known), is ignored.
(function () {
  "use strict";
  var parentWindow = window.parent;
  if (!parentWindow || parentWindow === window) return;
  var root = document.documentElement;
  var id = new URLSearchParams(location.search).get("id");
  var ancestors = location.ancestorOrigins;
  // The host's origin: the browser says it where it can (Chromium, WebKit); else the first valid
  // host message pins it.
  var hostOrigin = ancestors && ancestors.length ? ancestors[0] : null;
  var hosted = false;
  var expected = 0; // the scroll position the host's viewport asks for
  var acted = -1e9; // when the reader last acted (in the frame, or by a host link)
  var sentHeight = 0;

  function post(type, extra) {
    var message = { changhe: 1, type: type, id: id };
    for (var k in extra) message[k] = extra[k];
    parentWindow.postMessage(message, hostOrigin || "*");
  }

  function number(v, min, max) {
    return typeof v === "number" && isFinite(v) && v >= min && v <= max;
  }

  function contentHeight() {
    var app = document.getElementById("app");
    var bottom = app ? app.getBoundingClientRect().bottom + window.scrollY : root.scrollHeight;
    return Math.ceil(bottom);
  }

  var measuring = false;
  function measure() {
    if (measuring) return;
    measuring = true;
    // In the next frame: never inside a ResizeObserver's own delivery (no loop errors).
    requestAnimationFrame(function () {
      measuring = false;
      var h = contentHeight();
      if (h > 0 && Math.abs(h - sentHeight) >= 1) {
        sentHeight = h;
        post("height", { height: h });
      }
    });
  }

  function follow() {
    var max = Math.max(0, root.scrollHeight - window.innerHeight);
    window.scrollTo({ left: 0, top: Math.min(max, Math.max(0, expected)), behavior: "instant" });
  }

  function onViewport(data) {
    if (!number(data.top, -1e7, 1e7) || !number(data.height, 1, 1e5)) return;
    if (!hosted) {
      hosted = true;
      root.classList.remove("is-bare");
      if (more) more.hidden = true;
      root.classList.add("is-hosted", "is-scrolly");
      measure();
    }
    expected = Math.round(-data.top);
    follow();
  }

  window.addEventListener("message", function (event) {
    if (event.source !== parentWindow) return;
    if (hostOrigin && event.origin !== hostOrigin) return;
    var data = event.data;
    if (!data || typeof data !== "object" || data.changhe !== 1) return;
    if (data.type === "viewport") {
      hostOrigin = event.origin;
      onViewport(data);
    } else if (data.type === "go" && typeof data.milestone === "string" && /^[a-z0-9-]{1,64}$/.test(data.milestone)) {
      hostOrigin = event.origin;
      acted = performance.now();
      // A same-document navigation that replaces the entry: the app hears 'hashchange'.
      location.replace("#m=" + data.milestone);
    } else if (data.type === "flat") {
      hosted = false;
      root.classList.remove("is-hosted", "is-scrolly");
      window.scrollTo({ left: 0, top: 0, behavior: "instant" });
      measure();
      bare();
    }
  });

  // The app scrolls this document to bring a card to its reading line (a button, a key, #m=).
  // The frame itself does not scroll the reader's page: it asks the host to, and only after the
  // reader's own action; any other scroll (at load, say) goes back to where the host has it.
  window.addEventListener("scroll", function () {
    if (!hosted) return;
    var y = window.scrollY;
    if (Math.abs(y - expected) <= 1) return;
    if (performance.now() - acted < 1500) {
      expected = y;
      post("scroll", { offset: y, line: 0 });
    } else {
      follow();
    }
  }, { passive: true });

  function act(event) {
    if (event.isTrusted) acted = performance.now();
  }
  ["pointerdown", "keydown", "click"].forEach(function (type) {
    window.addEventListener(type, act, true);
  });

  // A frame whose host does not answer (a bare iframe, an app that strips scripts) shows the flat
  // story. It never scrolls under the reader's finger (that would trap the page's scrolling):
  // where the editor made it shorter than the graphic, a link at its foot opens the whole graphic.
  var more = null;
  function bare() {
    if (hosted) return;
    root.classList.add("is-bare");
    var clipped = contentHeight() > window.innerHeight + 2;
    if (clipped && !more) {
      var url = new URL(location.href);
      ["embed", "id", "bg"].forEach(function (k) { url.searchParams.delete(k); });
      more = document.createElement("a");
      more.className = "frame-more";
      more.href = url.href;
      more.target = "_blank";
      more.rel = "noopener";
      more.textContent = /^en\b/i.test(root.lang) ? "Open the whole graphic" : "打开完整图解";
      more.setAttribute("data-testid", "frame-more");
      document.body.appendChild(more);
    }
    if (more) more.hidden = !clipped;
  }

  function start() {
    root.classList.add("is-framed");
    post("hello", {});
    setTimeout(bare, 1500);
    window.addEventListener("resize", function () { if (!hosted && root.classList.contains("is-bare")) bare(); });
    measure();
    if (window.ResizeObserver) {
      var watch = new ResizeObserver(measure);
      watch.observe(root);
      var app = document.getElementById("app");
      if (app) watch.observe(app);
    }
    window.addEventListener("load", measure);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
