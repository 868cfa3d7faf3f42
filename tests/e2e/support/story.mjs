// The one loader of the story and the palette for end-to-end tests: what the page must show comes
// from static/data/story.json, and colours from the palette block textgen writes into style.css
// (generated from crates/render/src/palette.rs), so no test keeps a copy of either.
import { readFileSync } from "node:fs";

export const story = JSON.parse(readFileSync("static/data/story.json", "utf8"));

/// The data-testid of each region's map element (counties by code, the base by id).
export const regionTestIds = () => story.regions.map((r) => `region-${r.code ?? r.id}`);

/// A figure's numbers: one, or before and after.
export const numbers = (f) => (typeof f.value === "number" ? [f.value] : [f.value.before, f.value.after]);

export const figure = (id) => story.figures.find((f) => f.id === id);

function properties(block) {
  const vars = {};
  for (const m of block.matchAll(/--([a-z-]+):\s*(#[0-9a-fA-F]{6})/g)) vars[m[1]] = m[2];
  return vars;
}

/// The light and dark palettes as the style sheet carries them: { light: { "chart-bar": "#2f5f7f", … }, dark }.
export const palette = (() => {
  const css = readFileSync("static/style.css", "utf8");
  const start = css.indexOf("/* palette:");
  const media = css.indexOf("@media (prefers-color-scheme: dark)", start);
  const forced = css.indexOf(":root[data-theme=dark]", media);
  return { light: properties(css.slice(start, media)), dark: properties(css.slice(media, forced)) };
})();

/// "#rrggbb" as [r, g, b], and as the "rgb(r, g, b)" getComputedStyle returns.
export const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
export const cssRgb = (hex) => `rgb(${rgb(hex).join(", ")})`;
