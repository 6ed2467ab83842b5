// Timer benchmark (part of scripts/bench --timer): plays a routine on the real clock in
// headless Chromium and measures
//   - how late the displayed time is against the wall clock: for every change of the big
//     timer, the wall time of the change minus the moment the true remaining time crossed
//     into the value shown (the step's end time is the session's own timestamp);
//   - the main-thread time per UI update (Chrome's TaskDuration per timer change), with
//     the page otherwise idle;
//   - the figure's cost: main-thread time per animation frame while it moves (the
//     exercise page's loop), and how many frames it asks for during a still hold.
// The first minute runs idle; the rest with a busy main thread (irregular blocks of
// 50–250 ms, about a third of the time).
import { benchBrowser } from "./harness.mjs";

/** Counts animation frames the page asks for, from now on. */
const countFrames = () => {
  window.__frames = 0;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => {
    window.__frames += 1;
    cb(t);
  });
};

/** The figure's frame cost on `page` (the app open at `base`), measured with `taskTime`. */
async function figureBench(page, base, taskTime) {
  // The exercise page loops its figure: time per frame while it moves.
  await page.goto(`${base}/exercise/bridge`);
  await page.locator(".figure.moving").waitFor();
  await page.evaluate(countFrames);
  const t0 = await taskTime();
  await page.waitForTimeout(5_000);
  const t1 = await taskTime();
  const frames = await page.evaluate(() => window.__frames);
  // A hold in the player: after moving in, no frames at all. (The timed routine is left
  // behind first.)
  await page.evaluate(() => localStorage.removeItem("steadyback:session"));
  await page.goto(`${base}/session/exercise:hip-flexor-stretch`);
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await page.waitForTimeout(12_500); // get ready, then into the 20 s hold
  await page.evaluate(countFrames);
  await page.waitForTimeout(4_000);
  const stillFrames = await page.evaluate(() => window.__frames);
  return { msPerFrame: ((t1 - t0) * 1000) / Math.max(1, frames), frames, stillFrames };
}

export async function timerBench(dist, minutes = 10, routine = "core-stability") {
  const { server, context, page, close } = await benchBrowser(dist);
  try {
    await page.goto(`/session/${routine}`);
    await page.getByRole("button", { name: "Start", exact: true }).click();
    // The session screen replaces the page Start was on: watch its timer.
    await page.locator(".session-screen section.player").waitFor();
    await page.evaluate(() => {
      window.__changes = [];
      const player = document.querySelector("section.player");
      const timer = player.querySelector("[role=timer]");
      new MutationObserver(() => {
        const [m, s] = timer.textContent.split(":").map(Number);
        window.__changes.push({
          wall: Date.now(),
          shown: m * 60 + s,
          endsAt: Number(player.getAttribute("data-ends-at")),
          busy: !!window.__busy,
        });
      }).observe(timer, { childList: true, characterData: true, subtree: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const taskTime = async () =>
      (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value;

    const idleMs = Math.min(60_000, minutes * 60_000);
    const t0 = await taskTime();
    await page.waitForTimeout(idleMs);
    const t1 = await taskTime();
    const idleUpdates = await page.evaluate(() => window.__changes.length);

    // Irregular blocks, so they land on every phase of the timer's second: 50–250 ms of
    // work after gaps of 100–600 ms, from a fixed pseudo-random sequence (repeatable).
    await page.evaluate(() => {
      let seed = 42;
      const next = () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
      };
      window.__busy = true;
      const block = () => {
        const until = performance.now() + 50 + next() * 200;
        while (performance.now() < until);
        setTimeout(block, 100 + next() * 500);
      };
      setTimeout(block, 100);
    });
    await page.waitForTimeout(minutes * 60_000 - idleMs);
    const changes = await page.evaluate(() => window.__changes);
    const figure = await figureBench(page, server.origin, taskTime);

    // Lateness of each change: the value shown became true at endsAt - shown*1000.
    const late = changes
      .filter((c) => c.endsAt > 0)
      .map((c) => ({ ms: c.wall - (c.endsAt - c.shown * 1000), busy: c.busy }));
    const worst = (list) => Math.max(...list.map((l) => l.ms));
    const p95 = (list) => {
      const sorted = list.map((l) => l.ms).sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length * 0.95)] ?? NaN;
    };
    const idle = late.filter((l) => !l.busy);
    const busy = late.filter((l) => l.busy);
    return {
      minutes,
      updates: changes.length,
      idle: { worst: worst(idle), p95: p95(idle) },
      busy: { worst: worst(busy), p95: p95(busy) },
      msPerUpdate: ((t1 - t0) * 1000) / Math.max(1, idleUpdates),
      figure,
    };
  } finally {
    await close();
  }
}
