// Memory over a long session (scripts/bench --memory): routines played back to back, in
// one page, for MINUTES of fake time (the page's clock is Playwright's; the figure draws
// every frame of it). Every few minutes, and on Today after each routine, with the
// garbage collected first: DOM nodes, event listeners, the JS heap and the wasm memory
// (the app's WebAssembly.Memory, kept when the app instantiates its wasm: the DevTools
// protocol's Runtime.queryObjects would find it too, but crashes this Chromium's renderer
// on the app's heap). Fails when any of
// them grows from one routine to the next (after the first, which fills what is made
// once: the session page's code, the history's first entry on Today).
//   node memory-bench.mjs --dist DIR [--minutes 30] [--routine gentle-start]
import { DEFAULT_NOW, appReady, benchBrowser, option, pageLoaded } from "./harness.mjs";

const MINUTE = 60_000;
/** A sample every so much of the session's time. */
const EVERY = 5 * MINUTE;

/** Keeps every wasm memory the page's modules export, as they are instantiated. */
const keepMemories = () => {
  window.__memories = new Set();
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      const instance = result.instance ?? result;
      for (const value of Object.values(instance.exports ?? {})) {
        if (value instanceof WebAssembly.Memory) window.__memories.add(value);
      }
      return result;
    };
  }
};

/** What the page holds now, the garbage collected first. */
async function measure(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const m = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((x) => [x.name, x.value]));
  const wasm = await page.evaluate(() => [...window.__memories].reduce((sum, m) => sum + m.buffer.byteLength, 0));
  return { nodes: m.Nodes, listeners: m.JSEventListeners, heap: m.JSHeapUsedSize, wasm };
}

/** Opens `path` inside the running app, as its own links do (no reload: memory kept). */
const navigate = (page, path) =>
  page.evaluate((p) => {
    history.pushState(null, "", p);
    dispatchEvent(new PopStateEvent("popstate", { state: null }));
  }, path);

export async function memoryBench(dist, { minutes = 30, routine = "gentle-start", log = () => {} } = {}) {
  const { context, page, close } = await benchBrowser(dist);
  try {
    await context.clock.install({ time: DEFAULT_NOW });
    await context.addInitScript(keepMemories);
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.clock.pauseAt(DEFAULT_NOW + 1000);
    await page.goto("/");
    await appReady(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    if (!(await page.evaluate(() => window.__memories.size))) throw new Error("the app's wasm memory was not found");
    const rows = [];
    const sample = async (at, what) => {
      const row = { at, what, ...(await measure(page, cdp)) };
      rows.push(row);
      log(row);
    };
    await sample(0, "Today, at the start");
    const done = page.getByRole("heading", { name: "Well done" });
    let played = 0;
    let next = EVERY;
    for (let round = 1; played < minutes * MINUTE; round++) {
      await navigate(page, `/session/${routine}`);
      await page.getByRole("button", { name: "Start", exact: true }).tap();
      while ((await done.count()) === 0) {
        await page.clock.runFor(10_000);
        played += 10_000;
        if (played >= next) {
          await sample(played, `routine ${round}, playing`);
          next += EVERY;
        }
      }
      await navigate(page, "/");
      await page.locator("main h1").first().waitFor();
      await pageLoaded(page);
      await sample(played, `Today, after routine ${round}`);
    }
    return { rows, errors };
  } finally {
    await close();
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

/**
 * What grew from one routine to the next, on Today after each (the first routine is left
 * out: it makes what is made once). The JS heap may move by 5 % either way (the engine's
 * own caches); the rest must not grow at all.
 */
export function growth(rows) {
  const after = rows.filter((r) => r.what.startsWith("Today, after"));
  const problems = [];
  for (let i = 2; i < after.length; i++) {
    const [a, b] = [after[i - 1], after[i]];
    for (const key of ["nodes", "listeners", "wasm"]) {
      if (b[key] > a[key]) problems.push(`${key} grew from ${a[key]} to ${b[key]} (${a.what} → ${b.what})`);
    }
    if (b.heap > after[1].heap * 1.05) problems.push(`the JS heap grew from ${kb(after[1].heap)} to ${kb(b.heap)} (${b.what})`);
  }
  if (after.length < 3) problems.push(`only ${after.length} routines played: too few to compare`);
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = option("--dist", "../../target/dist");
  const minutes = Number(option("--minutes", "30")) || 30;
  const routine = option("--routine", "gentle-start");
  const began = Date.now();
  console.log(`Memory: "${routine}" back to back for ${minutes} minutes of the page's (fake) time, the garbage collected before each line\n`);
  console.log(`${"minute".padStart(6)}  ${"when".padEnd(28)} ${"DOM nodes".padStart(9)} ${"listeners".padStart(9)} ${"JS heap".padStart(9)} ${"wasm".padStart(9)}`);
  const { rows, errors } = await memoryBench(dist, {
    minutes,
    routine,
    log: (r) =>
      console.log(
        `${(r.at / MINUTE).toFixed(1).padStart(6)}  ${r.what.padEnd(28)} ${String(r.nodes).padStart(9)} ${String(r.listeners).padStart(9)} ${kb(r.heap).padStart(9)} ${kb(r.wasm).padStart(9)}`,
      ),
  });
  console.log(`\n(${((Date.now() - began) / 1000).toFixed(0)} s)`);
  const problems = [...growth(rows), ...errors.map((e) => `page error: ${e}`)];
  for (const p of problems) console.log(`FAIL ${p}`);
  if (problems.length) process.exit(1);
  console.log("ok   nothing grew from one routine to the next");
}
