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
