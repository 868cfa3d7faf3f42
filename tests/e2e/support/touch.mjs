// Raw touch points through CDP (Input.dispatchTouchEvent), as a finger delivers them: see
// touch.test.mjs for why not synthesizeScrollGesture. Moves are paced by the page's own animation
// frames (about 60 Hz), never by a timer; what the gesture did is for the caller to poll for.

/// Resolves at the page's next animation frame (the page the CDP session is attached to).
const nextFrame = (cdp) =>
  cdp.send("Runtime.evaluate", { expression: "new Promise((r) => requestAnimationFrame(() => r(0)))", awaitPromise: true });

/// One finger from (x, y) upward by `distance` px in ten moves, one per frame, then lifted.
export async function swipe(cdp, { x, y }, distance = 300) {
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y, id: 1 }] });
  for (let i = 1; i <= 10; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y: y - (distance * i) / 10, id: 1 }] });
    await nextFrame(cdp);
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

/// Two fingers 40 px apart at (x, y), spread to 240 px apart, one move per frame.
export async function pinch(cdp, { x, y }) {
  const at = (d) => [{ x: x - d, y, id: 1 }, { x: x + d, y, id: 2 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(20) });
  for (let i = 1; i <= 10; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(20 + i * 10) });
    await nextFrame(cdp);
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}
