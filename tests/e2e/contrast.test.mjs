// Text contrast of the palette in static/style.css, light and dark: every text colour against every
// background it is drawn on must reach WCAG's 4.5:1.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const css = readFileSync("static/style.css", "utf8");

function palette(block) {
  const vars = {};
  for (const m of block.matchAll(/--([a-z-]+):\s*(#[0-9a-fA-F]{6})/g)) vars[m[1]] = m[2];
  return vars;
}
const light = palette(css.slice(css.indexOf(":root {"), css.indexOf("@media (prefers-color-scheme: dark)")));
const darkByMedia = palette(css.slice(css.indexOf("@media (prefers-color-scheme: dark)"), css.indexOf(":root[data-theme=dark] {")));
const darkForced = palette(css.slice(css.indexOf(":root[data-theme=dark] {"), css.indexOf("*, *::before")));
const dark = { ...light, ...darkByMedia };

test("?theme=dark uses exactly the colours of the system dark theme", () => {
  assert.ok(Object.keys(darkByMedia).length > 20);
  assert.deepEqual(darkForced, darkByMedia);
});

function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// [text, background] pairs as they appear on the page.
const PAIRS = [
  ["text", "bg"], ["muted", "bg"], ["faint", "bg"], ["accent", "bg"],
  ["text", "card"], ["muted", "card"], ["faint", "card"],
  ["text", "land"], ["muted", "land"], ["shanghai-text", "land"], ["lake-text", "lake"],
  ["text", "jiangsu"], ["text", "zhejiang"], ["text", "anhui"],
  ["policy", "bg"], ["infrastructure", "bg"], ["projects", "bg"], ["events", "bg"],
  ["policy", "card"], ["infrastructure", "card"], ["projects", "card"], ["events", "card"],
];

for (const [name, vars] of [["light", light], ["dark", dark]]) {
  test(`text contrast is at least 4.5:1 in the ${name} theme`, () => {
    const low = [];
    for (const [fg, bg] of PAIRS) {
      assert.ok(vars[fg] && vars[bg], `--${fg} and --${bg} are defined`);
      const ratio = contrast(vars[fg], vars[bg]);
      if (ratio < 4.5) low.push(`${fg} on ${bg}: ${ratio.toFixed(2)}`);
    }
    assert.deepEqual(low, []);
  });
}

test("the three provinces and Shanghai's base are told apart", () => {
  for (const vars of [light, dark]) {
    const fills = ["jiangsu", "zhejiang", "anhui", "shanghai"].map((k) => vars[k]);
    for (let i = 0; i < fills.length; i++) {
      for (let j = i + 1; j < fills.length; j++) {
        assert.notEqual(fills[i], fills[j]);
        // Distinct in lightness or hue: at least a small luminance gap or different dominant channel.
        const dom = (h) => [1, 3, 5].map((k) => parseInt(h.slice(k, k + 2), 16)).reduce((m, v, k, a) => (v > a[m] ? k : m), 0);
        const gap = Math.abs(luminance(fills[i]) - luminance(fills[j]));
        assert.ok(gap > 0.03 || dom(fills[i]) !== dom(fills[j]), `${fills[i]} vs ${fills[j]}`);
      }
    }
  }
});
