// Steadyback's benchmark: the size of every shipped file (raw, gzip, brotli), the
// first-load total, and Lighthouse mobile runs with the build served as hosts serve it
// (brotli on the wire) and uncompressed, alternating, the median of --runs N each. With
// --check, fails when the first-load brotli total exceeds the budget in budget.json or
// accessibility scores below its floor in any run.
//
//   node bench.mjs --dist DIR [--check] [--runs N] [--against DIR] [--skip-lighthouse] [--skip-interactions] [--timer [MINUTES]]
//
// The interaction benchmark (interactions-bench.mjs) times every tap and keypress of a
// scripted walk with the CPU slowed 4×: the worst and the 75th percentile, and a tap on
// Library as soon as the app has started; each the median of --runs N (default 5 here)
// with its range and spread, beside the build in --against DIR run alternately.
//
// --timer plays a routine on the real clock for MINUTES (default 10) and reports how far
// the displayed time ever lags the wall clock, idle and with a busy main thread, and the
// main-thread time per UI update (see timer-bench.mjs). It takes that long, so the test
// command does not run it.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { serve } from "./server.mjs";
import { CHROMIUM, CHROMIUM_ARGS, median } from "./harness.mjs";
import { timerBench } from "./timer-bench.mjs";
import { interactionsBench } from "./interactions-bench.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dist = resolve(option("--dist", join(ROOT, "target/dist")));
const budget = JSON.parse(readFileSync(join(ROOT, "budget.json"), "utf8"));

function walk(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(folder, e.name)) : [join(folder, e.name)],
  );
}

function sizes(path) {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

// What the browser fetches to show the first page: index.html and every local file it
// references (script, wasm preload, styles, manifest, favicon). The apple-touch-icon is
// left out: only iOS fetches it, when the app is added to the home screen. The service
// worker then precaches everything in the background.
function firstLoadFiles() {
  const html = readFileSync(join(dist, "index.html"), "utf8").replace(/<link rel="apple-touch-icon"[^>]*>/g, "");
  const refs = [...html.matchAll(/(?:href|src)="\/?([^"#?]+)"/g)].map((m) => m[1]);
  const local = refs.filter((r) => !/^[a-z]+:/.test(r) && statSync(join(dist, r), { throwIfNoEntry: false }));
  return new Set(["index.html", ...local]);
}

const pad = (v, n) => String(v).padStart(n);
// The app's own files: not the precompressed copies or the host's configuration.
const HOST_FILES = /(\.(br|gz)|^_headers|^_redirects|^404\.html)$/;
const files = walk(dist)
  .filter((p) => !HOST_FILES.test(relative(dist, p)))
  .map((p) => ({ name: relative(dist, p).split(sep).join("/"), ...sizes(p) }))
  .sort((a, b) => b.brotli - a.brotli);
const first = firstLoadFiles();
const total = { raw: 0, gzip: 0, brotli: 0 };
const firstTotal = { raw: 0, gzip: 0, brotli: 0 };
console.log(`\nRelease bundle: ${relative(ROOT, dist)}\n`);
console.log(`${"file".padEnd(44)} ${pad("raw", 9)} ${pad("gzip", 9)} ${pad("brotli", 9)}  first load`);
for (const f of files) {
  const isFirst = first.has(f.name);
  console.log(`${f.name.padEnd(44)} ${pad(f.raw, 9)} ${pad(f.gzip, 9)} ${pad(f.brotli, 9)}  ${isFirst ? "yes" : ""}`);
  for (const k of Object.keys(total)) {
    total[k] += f[k];
    if (isFirst) firstTotal[k] += f[k];
  }
}
console.log(`${"all files".padEnd(44)} ${pad(total.raw, 9)} ${pad(total.gzip, 9)} ${pad(total.brotli, 9)}`);
console.log(`${"first load".padEnd(44)} ${pad(firstTotal.raw, 9)} ${pad(firstTotal.gzip, 9)} ${pad(firstTotal.brotli, 9)}`);

const checks = [];
checks.push({
  name: `first-load brotli ${firstTotal.brotli} B ≤ budget ${budget.first_load_brotli_bytes} B`,
  ok: firstTotal.brotli <= budget.first_load_brotli_bytes,
});

/** One Lighthouse mobile run against the build served with or without compression. */
async function lighthouse(compress) {
  const server = await serve(dist, { compress });
  const out = mkdtempSync(join(tmpdir(), "steadyback-lh-"));
  try {
    const report = join(out, "report.json");
    // Asynchronous on purpose: the server above runs in this process and must keep
    // answering while Lighthouse loads the page.
    await promisify(execFile)(
      join(HERE, "node_modules/.bin/lighthouse"),
      [
        server.url,
        "--output=json",
        `--output-path=${report}`,
        "--quiet",
        "--only-categories=performance,accessibility,best-practices",
        `--chrome-flags=${CHROMIUM_ARGS.join(" ")}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 240_000 },
    );
    const lh = JSON.parse(readFileSync(report, "utf8"));
    const score = (c) => Math.round(lh.categories[c].score * 100);
    const value = (a) => lh.audits[a].numericValue;
    const issues = Object.entries(lh.audits)
      .filter(([id, a]) => a.score !== null && a.score < 1 && lh.categories.accessibility.auditRefs.some((r) => r.id === id && r.weight > 0))
      .map(([id, a]) => `${id}: ${a.title}`);
    return {
      version: lh.lighthouseVersion,
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      fcp: value("first-contentful-paint"),
      lcp: value("largest-contentful-paint"),
      tbt: value("total-blocking-time"),
      cls: value("cumulative-layout-shift"),
      transferred: value("total-byte-weight"),
      issues,
    };
  } finally {
    await server.close();
    rmSync(out, { recursive: true, force: true });
  }
}

if (!flag("--skip-lighthouse")) {
  // Both ways, alternating, so a noisy machine weighs on both alike.
  const runs = Math.max(1, Number(option("--runs", "1")) || 1);
  const results = { br: [], raw: [] };
  for (let i = 0; i < runs; i += 1) {
    results.br.push(await lighthouse(true));
    results.raw.push(await lighthouse(false));
  }
  const med = (mode, key) => median(results[mode].map((r) => r[key]));
  const row = (label, key, show) => `  ${label.padEnd(16)} ${pad(show(med("br", key)), 20)} ${pad(show(med("raw", key)), 14)}`;
  const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`\nLighthouse ${results.br[0].version}, mobile (simulated throttling), median of ${runs}`);
  console.log(`  ${"".padEnd(16)} ${pad("brotli on the wire", 20)} ${pad("uncompressed", 14)}`);
  console.log(row("performance", "performance", String));
  console.log(row("accessibility", "accessibility", String));
  console.log(row("best practices", "bestPractices", String));
  console.log(row("FCP", "fcp", sec));
  console.log(row("LCP", "lcp", sec));
  console.log(row("TBT", "tbt", (ms) => `${Math.round(ms)} ms`));
  console.log(row("CLS", "cls", (v) => v.toFixed(3)));
  console.log(row("transferred", "transferred", (b) => `${Math.round(b / 1024)} KiB`));
  for (const issue of new Set(results.br.flatMap((r) => r.issues))) console.log(`  accessibility issue: ${issue}`);
  const a11y = Math.min(...results.br.map((r) => r.accessibility), ...results.raw.map((r) => r.accessibility));
  checks.push({
    name: `Lighthouse accessibility ${a11y} ≥ ${budget.lighthouse_accessibility_min}`,
    ok: a11y >= budget.lighthouse_accessibility_min,
  });
}

if (!flag("--skip-interactions")) {
  // Each walk N times (default 5), alternating with the build given by --against if any,
  // so a noisy machine weighs on both alike; the median of each figure, its range, and
  // the run-to-run spread (the range over the median) to tell a change from noise.
  // Interactions shorter than 16 ms are not reported by the browser: they count as fast.
  const runs = Math.max(1, Number(option("--runs", "5")) || 5);
  const against = option("--against", null);
  const builds = against ? [["this build", dist], ["--against", resolve(against)]] : [["this build", dist]];
  const results = new Map(builds.map(([name]) => [name, { walks: [], atOnce: [] }]));
  for (let i = 0; i < runs; i += 1) {
    for (const [name, dir] of builds) {
      const walk = await interactionsBench(dir);
      // The tap at once three times a run: one lands behind the app's start or a preload's
      // task, the next does not (48–300 ms between runs), so five alone told little.
      const atOnce = [];
      for (let k = 0; k < 3; k += 1) atOnce.push((await interactionsBench(dir, { atOnce: true })).worst);
      results.get(name).walks.push(walk);
      results.get(name).atOnce.push(...atOnce);
      console.log(`  run ${i + 1} ${name}: worst ${Math.round(walk.worst)} ms (${walk.worstWhat}), 75th percentile ${Math.round(walk.p75)} ms, Library at once ${atOnce.map(Math.round).join(", ")} ms`);
    }
  }
  const first = results.get("this build").walks[0];
  console.log(`\nInteractions (Event Timing, CPU ${first.slowdown}× slower, ${first.count} of ≥ 16 ms in a scripted walk), median (range) of ${runs} walks and ${runs * 3} taps at once; spread = range / median`);
  const figure = (xs) => {
    const m = median(xs);
    const spread = m > 0 ? (Math.max(...xs) - Math.min(...xs)) / m : 0;
    return pad(`${Math.round(m)} ms (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}) spread ${Math.round(spread * 100)} %`, 34);
  };
  console.log(`  ${"".padEnd(11)} ${pad("worst", 34)} ${pad("75th percentile", 34)} ${pad("Library at once", 34)}`);
  for (const [name, r] of results) {
    console.log(`  ${name.padEnd(11)} ${figure(r.walks.map((w) => w.worst))} ${figure(r.walks.map((w) => w.p75))} ${figure(r.atOnce)}`);
  }
}

if (flag("--timer")) {
  const minutes = Number(option("--timer", "10")) || 10;
  console.log(`\nTimer: ${minutes} minutes of a routine on the real clock…`);
  const t = await timerBench(dist, minutes);
  console.log(`  timer changes seen        ${t.updates}`);
  console.log(`  display lag, idle         worst ${t.idle.worst} ms · p95 ${t.idle.p95} ms`);
  console.log(`  display lag, busy thread  worst ${t.busy.worst} ms · p95 ${t.busy.p95} ms`);
  console.log(`  main-thread time per UI update  ${t.msPerUpdate.toFixed(2)} ms`);
  console.log(`  figure, per frame while moving  ${t.figure.msPerFrame.toFixed(2)} ms (${t.figure.frames} frames in 5 s)`);
  console.log(`  figure, frames during a still hold  ${t.figure.stillFrames} in 4 s`);
}

console.log("");
for (const c of checks) console.log(`${c.ok ? "ok  " : "FAIL"} ${c.name}`);
const failed = checks.filter((c) => !c.ok).length;
if (flag("--check")) {
  console.log(`budgets: ${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
