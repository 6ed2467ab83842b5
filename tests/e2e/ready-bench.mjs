// How soon the app is ready on a slow phone on a slow line, as a first visit: Chrome's own
// throttling (the network 1.6 Mbit/s down, 750 kbit/s up, 150 ms added to every request;
// the CPU 4× slower), brotli on the wire, a fresh profile each run (nothing cached, no
// service worker yet). For a newcomer (the welcome) and for someone returning on a new
// browser (the safety check answered: the app's frame), it reports when the first screen
// is painted (first contentful paint), when the app's wasm has arrived (its last byte) and
// when the app takes the screen over (the first screen's #boot removed), each from the
// start of the navigation.
//
//   node ready-bench.mjs [--dist DIR] [--runs N] [--against DIR] [--timeline]
//
// --runs: how many times each (default 5; the median and range are printed); --against:
// another build, run alternately with this one so a noisy machine weighs on both alike;
// --timeline: each build's first run, file by file (when its request went out, its first
// and last byte, its bytes on the wire), to see what waits for what.
import { resolve } from "node:path";
import { DIST, benchBrowser, median, option } from "./harness.mjs";

/** Kept from before the page's first script: when #boot, once parsed, went. */
const watch = () => {
  let seen = false;
  new MutationObserver((_, observer) => {
    const boot = document.getElementById("boot");
    seen ||= Boolean(boot);
    if (seen && !boot) {
      window.__takenOver = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

/** One first visit of `dist`: when the first paint, the wasm's last byte and the takeover came, in ms. */
export async function readyRun(dist, { newcomer }) {
  const { context, page, close } = await benchBrowser(dist, { newcomer });
  try {
    await context.addInitScript(watch);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: 1_600_000 / 8,
      uploadThroughput: 750_000 / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto("/", { waitUntil: "commit" });
    await page.waitForFunction(() => window.__takenOver !== undefined, null, { timeout: 30_000 });
    return await page.evaluate(() => ({
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
      wasm: performance.getEntriesByType("resource").find((r) => r.name.endsWith("_bg.wasm"))?.responseEnd ?? NaN,
      ready: window.__takenOver,
      files: performance
        .getEntriesByType("resource")
        .filter((r) => r.startTime <= window.__takenOver)
        .map((r) => ({ name: r.name.split("/").pop(), start: r.startTime, first: r.responseStart, last: r.responseEnd, bytes: r.encodedBodySize })),
    }));
  } finally {
    await close();
  }
}

const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const figure = (xs) => `${sec(median(xs))} (${sec(Math.min(...xs))}–${sec(Math.max(...xs))})`.padEnd(24);

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Math.max(1, Number(option("--runs", "5")) || 5);
  const against = option("--against", null);
  const timeline = process.argv.includes("--timeline");
  const builds = [["this build", resolve(option("--dist", DIST))], ...(against ? [["--against", resolve(against)]] : [])];
  const who = [["newcomer", true], ["returning", false]];
  const results = new Map(builds.flatMap(([name]) => who.map(([w]) => [`${name}|${w}`, []])));
  for (let i = 0; i < runs; i += 1) {
    for (const [name, dir] of builds) {
      for (const [w, newcomer] of who) {
        const r = await readyRun(dir, { newcomer });
        results.get(`${name}|${w}`).push(r);
        console.log(`  run ${i + 1} ${name}, ${w}: first paint ${sec(r.fcp)}, wasm arrived ${sec(r.wasm)}, app ready ${sec(r.ready)}`);
        if (timeline && i === 0) {
          console.log(`    ${"file".padEnd(44)} ${"asked".padStart(8)} ${"first byte".padStart(11)} ${"last byte".padStart(10)} ${"bytes".padStart(8)}`);
          for (const f of r.files) {
            console.log(`    ${f.name.padEnd(44)} ${sec(f.start).padStart(8)} ${sec(f.first).padStart(11)} ${sec(f.last).padStart(10)} ${String(f.bytes).padStart(8)}`);
          }
        }
      }
    }
  }
  console.log(`\nA first visit at 1.6 Mbit/s, 150 ms a request, CPU 4× slower, brotli on the wire; median (range) of ${runs}`);
  console.log(`  ${"".padEnd(24)} ${"first paint".padEnd(24)} ${"wasm arrived".padEnd(24)} app ready`);
  for (const [key, rs] of results) {
    const [name, w] = key.split("|");
    console.log(`  ${`${name}, ${w}`.padEnd(24)} ${figure(rs.map((r) => r.fcp))} ${figure(rs.map((r) => r.wasm))} ${figure(rs.map((r) => r.ready))}`);
  }
}
