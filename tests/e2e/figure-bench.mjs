// The figures' frame cost (part of scripts/bench --figures): main-thread time per
// animation frame while a figure moves, at 4× CPU slowdown, in headless Chromium:
//   - in the player, during a paced rep (pelvic tilt: moving the whole time, its arrow
//     drawn on every frame);
//   - on an exercise page, whose figure loops (dead bug: the longest arrow).
// Each run opens a fresh browser; with --against DIR, the two builds are run alternately
// in the same session and printed side by side.
//   node figure-bench.mjs --dist DIR [--against DIR] [--runs N]
import { benchBrowser, median, option } from "./harness.mjs";

/** Counts animation frames the page asks for, from now on, and the time their callbacks take. */
const countFrames = () => {
  window.__frames = 0;
  window.__callbacks = 0;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) =>
    raf((t) => {
      window.__frames += 1;
      const start = performance.now();
      cb(t);
      window.__callbacks += performance.now() - start;
    });
};

/** Main-thread milliseconds per frame on `page` over the next `ms`, in all and by kind. */
async function perFrame(page, metrics, ms) {
  await page.evaluate(countFrames);
  const m0 = await metrics();
  await page.waitForTimeout(ms);
  const m1 = await metrics();
  const [frames, callbacks] = await page.evaluate(() => [Math.max(1, window.__frames), window.__callbacks]);
  const per = (name) => ((m1[name] - m0[name]) * 1000) / frames;
  return {
    callback: callbacks / frames,
    ms: per("TaskDuration"),
    script: per("ScriptDuration"),
    style: per("RecalcStyleDuration"),
    layout: per("LayoutDuration"),
    frames,
  };
}

/** One run on `dist`: the player's and the exercise page's cost per frame. */
export async function figureRun(dist) {
  const { server, context, page, close } = await benchBrowser(dist);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const metrics = async () =>
      Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
    // Warmed up at full speed (the pages' pieces fetched and compiled), then slowed.
    await page.goto(`${server.origin}/exercise/dead-bug`);
    await page.locator(".figure.moving").waitFor();
    await page.goto(`${server.origin}/session/exercise:pelvic-tilt`);
    await page.getByRole("button", { name: "Start", exact: true }).waitFor();
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.getByRole("button", { name: "Start", exact: true }).tap();
    await page.locator(".phase", { hasText: "Move slowly" }).waitFor({ timeout: 30_000 });
    const player = await perFrame(page, metrics, 3_000);
    const arrow = await page.locator(".player-figure .fig-arrow").count();
    await page.getByRole("button", { name: "Stop" }).tap();
    await page.getByRole("button", { name: "End the session" }).tap();
    await page.goto(`${server.origin}/exercise/dead-bug`);
    await page.locator(".figure.moving").waitFor();
    const loop = await perFrame(page, metrics, 4_000);
    return { player, loop, arrow };
  } finally {
    await close();
  }
}

const fmt = (xs) =>
  `${median(xs).toFixed(2)} ms (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = option("--dist", "../../target/dist");
  const against = option("--against", null);
  const runs = Number(option("--runs", "5")) || 5;
  const builds = against ? [["this build", dist], ["--against", against]] : [["this build", dist]];
  const results = Object.fromEntries(builds.map(([name]) => [name, { player: [], loop: [], frames: [] }]));
  for (let run = 1; run <= runs; run++) {
    for (const [name, dir] of builds) {
      const r = await figureRun(dir);
      results[name].player.push(r.player.ms);
      results[name].loop.push(r.loop.ms);
      results[name].frames.push(r.player.frames);
      console.log(
        `  run ${run} ${name}: player ${r.player.ms.toFixed(2)} ms/frame (its callback ${r.player.callback.toFixed(2)}, script ${r.player.script.toFixed(2)}, style ${r.player.style.toFixed(2)}, layout ${r.player.layout.toFixed(2)}; ${r.player.frames} frames, arrow ${r.arrow ? "drawn" : "none"}), exercise page ${r.loop.ms.toFixed(2)} ms/frame (${r.loop.frames} frames)`,
      );
    }
  }
  console.log(`\nMain-thread time per figure frame at 4× CPU slowdown, median (range) of ${runs} runs:`);
  for (const [name] of builds) {
    console.log(`  ${name.padEnd(11)} player ${fmt(results[name].player)}   exercise page ${fmt(results[name].loop)}`);
  }
  const worst = median(results["this build"].player);
  console.log(worst < 4 ? `ok   a player frame ${worst.toFixed(2)} ms < 4 ms` : `FAIL a player frame ${worst.toFixed(2)} ms ≥ 4 ms`);
}
