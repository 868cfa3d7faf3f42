/*! changhe embed.js: puts the graphic into a news page and lets the page's scrolling tell its story.
 * No dependencies.
 *
 * On the host page:
 *   <div data-changhe-embed data-lang="en" data-theme="auto" data-id="main"></div>
 *   <script src="https://example.com/changhe/embed.js" defer></script>
 *
 * Attributes (all optional): data-lang (zh|en; default: the host's <html lang>), data-theme
 * (light|dark|auto; default: the host's <html data-theme> or class "dark", else auto),
 * data-id (names this embed in the host's address; default changhe-1, changhe-2, ...),
 * data-src (the graphic's page; default index.html beside this script, en/index.html for English;
 * a page given here is asked for its language with ?lang=), data-transparent
 * (any value: no background of its own), data-title (the iframe's accessible name),
 * data-top (px kept free at the top of the reader's screen, e.g. under a fixed header; default 0).
 *
 * How: the frame sits in a box as tall as the graphic, and sticks to the top of the reader's
 * screen while that box passes (the browser's own sticky positioning: the map never lags the
 * reader's finger). This script tells the frame where the box's top is on the reader's screen;
 * the frame scrolls its own document to match, so the map stays while the milestone cards pass.
 *
 * Messages, version 1 (each { changhe: 1, type, ... }; static/frame.js is the frame's side):
 *   from the frame: hello; height { height }; scroll { offset, line } (a reader's action asks the
 *   host to bring the frame's document offset to that line of the screen); and the app's
 *   { "changhe-hash": "#m=<milestone>", id }, mirrored into the host's address as
 *   #changhe-<id>=<milestone> so that a shared link opens at the same milestone.
 *   to the frame: viewport { top, height } on scroll and resize (at most once an animation frame);
 *   go { milestone } when the host's address names one after load; flat when the frame cannot
 *   stick here (an ancestor that clips), so the story is shown flat, as tall as its content.
 * A message counts only from its own frame's window and origin, with its own id, in that shape;
 * anything else is ignored. A frame that never says hello (an older graphic) is sized only.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script && script.src ? script.src : location.href;
  var frames = [];
  var MILESTONE = /^[a-z0-9-]{1,64}$/;

  function hostParams() {
    var out = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var i = part.indexOf("=");
      if (i > 0) {
        try {
          out[decodeURIComponent(part.slice(0, i))] = decodeURIComponent(part.slice(i + 1));
        } catch (e) { /* a malformed part is not ours */ }
      }
    });
    return out;
  }

  function setHostParam(key, value) {
    var params = hostParams();
    if (params[key] === value) return;
    params[key] = value;
    var hash = Object.keys(params).map(function (k) {
      return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]);
    }).join("&");
    history.replaceState(history.state, "", location.pathname + location.search + "#" + hash);
  }

  function hostLang() {
    return /^en\b/i.test(document.documentElement.lang || "") ? "en" : "zh";
  }

  function hostTheme() {
    var root = document.documentElement;
    var t = root.getAttribute("data-theme");
    if (t === "dark" || t === "light") return t;
    if (root.classList.contains("dark")) return "dark";
    return "auto";
  }

  function number(v, min, max) {
    return typeof v === "number" && isFinite(v) && v > min && v < max;
  }

  function send(f, message) {
    message.changhe = 1;
    if (f.frame.contentWindow) f.frame.contentWindow.postMessage(message, f.origin);
  }

  // The frame's box: as tall as the content. The frame: stuck to the top of the screen (less
  // data-top) and as tall as the screen while the frame speaks the protocol; else as tall as the
  // content, as any self-sizing iframe.
  function layout(f) {
    if (!f.content) return;
    var s = f.frame.style;
    if (f.hosted) {
      f.box.style.height = f.content + "px";
      s.position = "sticky";
      s.top = f.top + "px";
      s.height = Math.min(f.content, Math.max(1, window.innerHeight - f.top)) + "px";
    } else {
      f.box.style.height = "";
      s.position = "";
      s.top = "";
      s.height = f.content + "px";
    }
  }

  function viewport(f) {
    if (!f.hosted) return;
    var box = f.box.getBoundingClientRect();
    // Sticky positioning fails under an ancestor that clips or scrolls (overflow: hidden, say):
    // then the frame goes back to the flat story, as tall as its content.
    if (box.top < f.top - 8 && box.bottom > window.innerHeight + 8 &&
      Math.abs(f.frame.getBoundingClientRect().top - f.top) > 4) {
      f.hosted = false;
      f.flat = true;
      layout(f);
      send(f, { type: "flat" });
      return;
    }
    var top = Math.round(box.top - f.top);
    var height = Math.max(1, window.innerHeight - f.top);
    if (top === f.sentTop && height === f.sentHeight) return;
    f.sentTop = top;
    f.sentHeight = height;
    send(f, { type: "viewport", top: top, height: height });
  }

  var pending = false;
  function update() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () {
      pending = false;
      for (var i = 0; i < frames.length; i++) {
        layout(frames[i]);
        viewport(frames[i]);
      }
    });
  }

  function mount(el, index) {
    if (el.getAttribute("data-changhe-mounted")) return;
    el.setAttribute("data-changhe-mounted", "1");
    var id = el.getAttribute("data-id") || "changhe-" + (index + 1);
    var lang = el.getAttribute("data-lang") || hostLang();
    var theme = el.getAttribute("data-theme") || hostTheme();
    var top = parseInt(el.getAttribute("data-top") || "0", 10);
    // Each language has its own prerendered page: Chinese at the root, English in en/.
    var src = new URL(el.getAttribute("data-src") || (lang === "en" ? "en/index.html" : "index.html"), base);
    if (el.getAttribute("data-src")) src.searchParams.set("lang", lang === "en" ? "en" : "zh");
    src.searchParams.set("embed", "1");
    src.searchParams.set("id", id);
    src.searchParams.set("theme", /^(light|dark|auto)$/.test(theme) ? theme : "auto");
    if (el.hasAttribute("data-transparent")) src.searchParams.set("bg", "transparent");
    var milestone = hostParams()["changhe-" + id];
    if (milestone && MILESTONE.test(milestone)) src.hash = "m=" + milestone;

    var box = document.createElement("div");
    box.setAttribute("data-changhe-box", id);
    box.style.position = "relative";
    var frame = document.createElement("iframe");
    frame.src = src.href;
    frame.title = el.getAttribute("data-title") ||
      // The story's headline (story.json's meta.title; tests/embed_title.rs holds them equal).
      (lang === "en" ? "Four years at the “heart of the Yangtze River Delta”"
        : "长合区四岁：沪苏浙皖交界处的“长三角之心”");
    frame.setAttribute("scrolling", "no");
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.overflow = "hidden";
    // A sensible height before the graphic reports its own (about a phone's worth of map).
    frame.style.height = "1600px";
    frame.setAttribute("data-changhe-frame", id);
    box.appendChild(frame);
    el.appendChild(box);
    frames.push({
      frame: frame, box: box, id: id, origin: src.origin, hosted: false, content: 0,
      top: isFinite(top) && top > 0 && top < 400 ? top : 0, milestone: milestone || null,
    });
  }

  function receive(f, data) {
    if (data.changhe === 1) {
      if (data.type === "hello") {
        f.hosted = !f.flat;
        f.sentTop = f.sentHeight = null;
        update();
      } else if (data.type === "height" && number(data.height, 0, 100000)) {
        f.content = Math.ceil(data.height);
        update();
      } else if (data.type === "scroll" && f.hosted && number(data.offset, -1, 100000) &&
        number(data.line, -1, 100000)) {
        // The frame's document offset to the given line of the screen (below data-top).
        var at = f.box.getBoundingClientRect().top + data.offset;
        window.scrollBy({ left: 0, top: Math.round(at - f.top - data.line), behavior: "instant" });
      }
      return;
    }
    // The app's own messages (and an older graphic's height).
    var h = data["changhe-height"];
    if (number(h, 0, 100000)) {
      f.content = Math.ceil(h);
      update();
    }
    var hash = data["changhe-hash"];
    if (typeof hash === "string" && /^#m=[a-z0-9-]{1,64}$/.test(hash)) {
      f.milestone = hash.slice(3);
      setHostParam("changhe-" + f.id, f.milestone);
    }
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object") return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (event.source !== f.frame.contentWindow || event.origin !== f.origin) continue;
      if (data.id !== f.id) return;
      receive(f, data);
      return;
    }
  });

  // A link in the article to #changhe-<id>=<milestone>: the frame goes there.
  window.addEventListener("hashchange", function () {
    var params = hostParams();
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      var m = params["changhe-" + f.id];
      if (m && MILESTONE.test(m) && m !== f.milestone) {
        f.milestone = m;
        send(f, { type: "go", milestone: m });
      }
    }
  });
  window.addEventListener("scroll", update, { passive: true });
  window.addEventListener("resize", update, { passive: true });

  function start() {
    var els = document.querySelectorAll("[data-changhe-embed]");
    for (var i = 0; i < els.length; i++) mount(els[i], i);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
