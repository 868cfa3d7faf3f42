// Raw touch points through CDP (Input.dispatchTouchEvent), as a finger delivers them: see
// touch.test.mjs for why not synthesizeScrollGesture.

export const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/// One finger from (x, y) upward by `distance` px in ten moves at about 60 Hz, then lifted; waits
/// for the scroll (and any fling) to settle.
export async function swipe(cdp, { x, y }, distance = 300) {
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y, id: 1 }] });
  for (let i = 1; i <= 10; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y: y - (distance * i) / 10, id: 1 }] });
    await pause(16);
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await pause(250);
}

/// Two fingers 40 px apart at (x, y), spread to 240 px apart.
export async function pinch(cdp, { x, y }) {
  const at = (d) => [{ x: x - d, y, id: 1 }, { x: x + d, y, id: 2 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(20) });
  for (let i = 1; i <= 10; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(20 + i * 10) });
    await pause(16);
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await pause(250);
}

