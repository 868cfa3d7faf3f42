// Layout checks shared by every part of the page.

/// How far the page is wider than the viewport, in CSS px (0 or less: no horizontal scroll).
export const horizontalOverflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

export async function assertNoHorizontalOverflow(assert, page) {
  const overflow = await horizontalOverflow(page);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
}

/// Pairs of boxes ({ key, x, y, w, h }) that overlap by more than a pixel both ways.
export function overlaps(boxes) {
  const found = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (const b of boxes.slice(i + 1)) {
      const ix = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const iy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (ix > 1 && iy > 1) found.push(`${a.key} × ${b.key}`);
    }
  }
  return found;
}

/// Runs in the page (page.evaluate, or as source text in other drivers): elements whose last line
/// holds a single character (punctuation counts as a character):
/// every character's box, grouped into lines by their top.
export function loneLastLines(selectors) {
  const found = [];
  for (const el of document.querySelectorAll(selectors)) {
    const tops = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      for (let i = 0; i < text.length; i++) {
        if (/\s/.test(text[i])) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        if (r.width > 0) tops.push(Math.round(r.top));
      }
    }
    if (tops.length < 2) continue;
    const lines = [];
    for (const t of tops) {
      const line = lines.find((l) => Math.abs(l.top - t) < 6);
      if (line) line.n++;
      else lines.push({ top: t, n: 1 });
    }
    lines.sort((a, b) => a.top - b.top);
    if (lines.length > 1 && lines[lines.length - 1].n === 1) found.push(el.textContent.trim());
  }
  return found;
}

/// Scrolls the whole page a screen at a time (so everything that renders late has rendered),
/// back to the top, and returns its height.
export async function fullHeight(page) {
  return page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
    window.scrollTo(0, 0);
    return document.documentElement.scrollHeight;
  });
}

/// Runs in the page (as loneLastLines): line breaks inside an element that fall where the text
/// gives no break: not at white space, a <wbr>, a hyphen or dash, after CJK closing punctuation or
/// before an opening quote or bracket. Each as "before|after".
export function unsanctionedBreaks(selectors) {
  const found = [];
  const closing = /[，。：；、！？”’）》]/;
  const opening = /[“‘（《]/;
  for (const el of document.querySelectorAll(selectors)) {
    let prev = null;
    let allowed = false;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.tagName === "WBR" || node.tagName === "BR") allowed = true;
        continue;
      }
      const text = node.textContent;
      for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (/\s/.test(ch)) { allowed = true; continue; }
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        if (r.width === 0) continue;
        const top = Math.round(r.top);
        if (prev && Math.abs(top - prev.top) >= 6 && !allowed && !/[-–—]/.test(prev.ch) && !closing.test(prev.ch) && !opening.test(ch)) {
          found.push(`${prev.ch}|${ch} in "${el.textContent.trim()}"`);
        }
        prev = { ch, top };
        allowed = false;
      }
    }
  }
  return found;
}
