/*! changhe embed.js: puts the graphic into a news page as a self-sizing iframe. No dependencies.
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
 * (any value: no background of its own), data-title (the iframe's accessible name).
 *
 * The graphic posts { "changhe-height": px, "id": ... } when its height changes and
 * { "changhe-hash": "#m=<milestone>", "id": ... } when the reader moves through the timeline.
 * This script sizes the iframe from the first and mirrors the second into the host's address as
 * #changhe-<id>=<milestone>, so a shared article link opens at the same milestone.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script && script.src ? script.src : location.href;
  var frames = [];

  function hostParams() {
    var out = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var i = part.indexOf("=");
      if (i > 0) out[decodeURIComponent(part.slice(0, i))] = decodeURIComponent(part.slice(i + 1));
    });
    return out;
  }

  function setHostParam(key, value) {
    var params = hostParams();
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

  function mount(el, index) {
    if (el.getAttribute("data-changhe-mounted")) return;
    el.setAttribute("data-changhe-mounted", "1");
    var id = el.getAttribute("data-id") || "changhe-" + (index + 1);
    var lang = el.getAttribute("data-lang") || hostLang();
    var theme = el.getAttribute("data-theme") || hostTheme();
    // Each language has its own prerendered page: Chinese at the root, English in en/.
    var src = new URL(el.getAttribute("data-src") || (lang === "en" ? "en/index.html" : "index.html"), base);
    if (el.getAttribute("data-src")) src.searchParams.set("lang", lang === "en" ? "en" : "zh");
    src.searchParams.set("embed", "1");
    src.searchParams.set("id", id);
    src.searchParams.set("theme", /^(light|dark|auto)$/.test(theme) ? theme : "auto");
    if (el.hasAttribute("data-transparent")) src.searchParams.set("bg", "transparent");
    var milestone = hostParams()["changhe-" + id];
    if (milestone && /^[a-z0-9-]{1,64}$/.test(milestone)) src.hash = "m=" + milestone;

    var frame = document.createElement("iframe");
    frame.src = src.href;
    frame.title = el.getAttribute("data-title") ||
      (lang === "en" ? "Interactive graphic: the Yangtze River Delta (Huzhou) Industrial Cooperation Zone at four"
        : "交互图解：长三角（湖州）产业合作区四周年");
    frame.setAttribute("scrolling", "no");
    frame.style.display = "block";
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.overflow = "hidden";
    // A sensible height before the graphic reports its own (about a phone's worth of map).
    frame.style.height = "1600px";
    frame.setAttribute("data-changhe-frame", id);
    el.appendChild(frame);
    frames.push({ frame: frame, id: id, origin: src.origin });
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object") return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (event.source !== f.frame.contentWindow || event.origin !== f.origin) continue;
      if (data.id !== f.id) return;
      var h = data["changhe-height"];
      if (typeof h === "number" && isFinite(h) && h > 0 && h < 100000) {
        f.frame.style.height = Math.ceil(h) + "px";
      }
      var hash = data["changhe-hash"];
      if (typeof hash === "string" && /^#m=[a-z0-9-]{1,64}$/.test(hash)) {
        setHostParam("changhe-" + f.id, hash.slice(3));
      }
      return;
    }
  });

  function start() {
    var els = document.querySelectorAll("[data-changhe-embed]");
    for (var i = 0; i < els.length; i++) mount(els[i], i);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
