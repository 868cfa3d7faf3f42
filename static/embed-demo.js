// The demo only: opened at localhost, it embeds the graphic from 127.0.0.1 (same server, another
// origin and site), as a news page embeds it from the graphic's own host. Opened at any other
// address, the frames come from the same origin.
(function () {
  var other = { "localhost": "127.0.0.1", "[::1]": "127.0.0.1" }[location.hostname];
  if (!other) return;
  var base = location.protocol + "//" + other + (location.port ? ":" + location.port : "") +
    location.pathname.replace(/[^/]*$/, "");
  // Deferred, before embed.js: the article is parsed, and embed.js has not mounted yet.
  (function () {
    var embeds = document.querySelectorAll("[data-changhe-embed]");
    for (var i = 0; i < embeds.length; i++) {
      var en = embeds[i].getAttribute("data-lang") === "en";
      embeds[i].setAttribute("data-src", base + (en ? "en/index.html" : "index.html"));
    }
    var bare = document.querySelector("[data-changhe-bare]");
    if (bare) bare.src = base + "index.html?embed=1&id=bare";
  })();
})();
