// Waiting by polling, never by a fixed sleep: `until` polls a condition; `holdsFor` checks that a
// value stays the same for a whole window (the honest form of "nothing happens for N seconds").

/// Polls `probe` until `accept(value)` holds; returns the value, or throws with the last one.
export async function until(probe, accept = Boolean, { timeout = 3000, interval = 50, what = "condition" } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (accept(last)) return last;
    if (Date.now() > end) throw new Error(`${what} not met within ${timeout} ms; last value ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/// Samples `probe` every `interval` ms for `ms` ms; throws as soon as it differs from its first value.
export async function holdsFor(probe, ms, { interval = 250, what = "value" } = {}) {
  const first = await probe();
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, interval));
    const now = await probe();
    if (JSON.stringify(now) !== JSON.stringify(first)) {
      throw new Error(`${what} changed from ${JSON.stringify(first)} to ${JSON.stringify(now)}`);
    }
  }
  return first;
}

/// Polls `probe` until its value has stayed the same for `quiet` ms (a scroll and the observers
/// after it have settled, however slow the machine); returns that value, or throws at `timeout`.
export async function steady(probe, { quiet = 500, timeout = 5000, interval = 50, what = "value" } = {}) {
  const end = Date.now() + timeout;
  let last = await probe();
  let since = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, interval));
    const now = await probe();
    if (JSON.stringify(now) !== JSON.stringify(last)) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quiet) {
      return last;
    }
    if (Date.now() > end) throw new Error(`${what} still changing after ${timeout} ms; last value ${JSON.stringify(last)}`);
  }
}

/// Resolves after `n` of the page's animation frames (what is painted has been painted).
export function frames(page, n = 2) {
  return page.evaluate((n) => new Promise((done) => {
    const step = (k) => (k > 0 ? requestAnimationFrame(() => step(k - 1)) : done(0));
    step(n);
  }), n);
}
