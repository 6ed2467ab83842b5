// History benchmark (scripts/bench --history): 1, 5 and 10 years of a session a day (six
// exercises each, a pain rating before and after, a salt and a later change, as a long-time
// user's log holds them) and a walk every other day, stored as the app stores them. For each,
// with the CPU slowed 4× as Lighthouse does for a phone, the median of --runs N of:
//   stored    characters of the session log and the activity log, as the app wrote them;
//   ready     from navigation to Today drawn (the app started, its heading, no frame);
//   Progress  from the tap on Progress in the bottom bar to its list of sessions drawn;
//   summary   from the tap on "Open the summary" to the summary sheet drawn;
//   save      from the tap on "End the session" to the session log stored (the record made,
//             the stored copy checked, the log encoded and written), slowed and not.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";
import { CHROMIUM, CHROMIUM_ARGS, CLEAR_CHECK, PHONE, appReady, median } from "./harness.mjs";

const DAY = 86_400_000;
/** Six exercises of the library, as a routine a person might have made. */
const EXERCISES = ["pelvic-tilt", "knee-rolls", "double-knee-hug", "bridge", "cat-cow", "hip-flexor-stretch"];

/**
 * `years` of history ending the day before `now`, as stored text per key, the sessions with
 * named fields (schema 3): each build stores them its own way on its first start.
 */
export function history(years, now) {
  const days = Math.round(years * 365);
  const sessions = [];
  const activities = [];
  for (let d = days; d >= 1; d -= 1) {
    const started = now - d * DAY;
    sessions.push({
      routine_id: "own:morning-mobility", routine_name: "Morning mobility", started_at: started,
      salt: 1_000_000_000 + d, ended_at: started + 16 * 60_000 + 12_345, active_secs: 900,
      exercises: EXERCISES.map((exercise) => ({
        exercise, sets_planned: 2, sets_done: 2, reps_planned: 20, reps_done: 20, skipped: false, work_secs: 140,
      })),
      tz_offset_min: 0, pain_before: 3 + (d % 4), pain_after: 2 + (d % 3), hurts: [], after_check: null,
      updated_at: started + 20 * 60_000,
    });
    if (d % 2 === 0) {
      activities.push({ id: started + 3_600_000, salt: 2_000_000_000 + d, day: new Date(started).toISOString().slice(0, 10), kind: "walk", minutes: 30 });
    }
  }
  const envelope = (schema, data) => JSON.stringify({ schema, saved_at: now - DAY, data });
  return {
    "steadyback:sessions": envelope(3, { records: sessions, deleted: [] }),
    "steadyback:activities": envelope(2, { records: activities, deleted: [] }),
  };
}

/**
 * In the page, before the app: `seed` stored once, and the means to time what follows:
 * `__readyAt` (when Today is first drawn), `__until(view)` (resolves with the ms until the
 * view is drawn, checked on each change of the DOM) and `__saved` (when each save of the
 * session log returned).
 */
function instrument(seed) {
  if (!sessionStorage.getItem("seeded")) {
    sessionStorage.setItem("seeded", "1");
    for (const [k, v] of Object.entries(seed)) localStorage.setItem(k, v);
  }
  const loaded = () => !document.querySelector("#boot") && !document.querySelector("main .page-frame");
  const views = {
    today: () => loaded() && document.querySelector("nav.bottom-nav") && document.querySelector("main h1"),
    progress: () => loaded() && document.querySelector("main h1")?.textContent === "Progress" && document.querySelector(".session-row"),
    summary: () => loaded() && document.querySelector(".summary-sheet"),
  };
  window.__until = (view) => new Promise((resolve) => {
    const t0 = performance.now();
    const observer = new MutationObserver(() => check());
    const check = () => {
      if (!views[view]()) return false;
      observer.disconnect();
      resolve(performance.now() - t0);
      return true;
    };
    if (!check()) observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  window.__until("today").then(() => { window.__readyAt = performance.now(); });
  const setItem = Storage.prototype.setItem;
  window.__saved = [];
  Storage.prototype.setItem = function (key, value) {
    setItem.call(this, key, value);
    if (this === localStorage && key === "steadyback:sessions") window.__saved.push(performance.now());
  };
}

/** One run over `years` of history: the figures of the header, in ms and characters. */
async function run(dist, years, slowdown) {
  const server = await serve(dist);
  const profile = mkdtempSync(join(tmpdir(), "steadyback-history-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: PHONE, hasTouch: true, baseURL: server.origin,
  });
  try {
    const now = Date.now();
    const seed = { ...history(years, now), "steadyback:safety-check": CLEAR_CHECK };
    await context.addInitScript(instrument, seed);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    // A session ended: from the tap to its log stored. With the CPU slowed, then not.
    const endSession = async (rate) => {
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
      await page.goto("/session/gentle-start");
      await appReady(page);
      await page.getByRole("button", { name: "Start", exact: true }).click();
      await page.getByRole("button", { name: "Stop" }).click();
      await page.getByRole("button", { name: "End the session" }).waitFor();
      await cdp.send("Emulation.setCPUThrottlingRate", { rate });
      return page.evaluate(async () => {
        const before = window.__saved.length;
        const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "End the session");
        const t0 = performance.now();
        button.click();
        while (window.__saved.length === before) await new Promise((r) => setTimeout(r, 1));
        return window.__saved[before] - t0;
      });
    };
    // A first visit fills the browser's caches, as a person's phone has them, and stores
    // the history in the build's own form (a migration, not timed); a first session ended
    // (not timed either) lets the build lay it out as it keeps it from then on (a key per
    // year, since the session log is kept in parts).
    await page.goto("/");
    await appReady(page);
    await endSession(1);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
    await page.reload();
    await appReady(page);
    // performance.now() counts from the navigation's start.
    const ready = await page.evaluate(() => window.__readyAt);
    const unread = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("quarantine")));
    if (unread.length) throw new Error(`the app could not read the seeded history: ${unread}`);

    const tap = (selector, view) => page.evaluate(([selector, view]) => {
      const drawn = window.__until(view);
      document.querySelector(selector).click();
      return drawn;
    }, [selector, view]);
    const progress = await tap('nav a[href$="/progress"]', "progress");
    const summary = await tap('main a[href$="/progress/summary"]', "summary");

    const save = await endSession(slowdown);
    const save1 = await endSession(1);
    const stored = await page.evaluate(() => ({
      // The log's own key and a key per year.
      sessions: Object.keys(localStorage)
        .filter((k) => /^steadyback:sessions(:-?\d+)?$/.test(k))
        .reduce((n, k) => n + localStorage.getItem(k).length, 0),
      activities: localStorage.getItem("steadyback:activities").length,
    }));
    return { stored, ready, progress, summary, save, save1 };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
}


/** One row of the table: the median of each figure over `results`. */
function row(label, results) {
  const ms = (key) => `${Math.round(median(results.map((r) => r[key])))} ms`;
  const chars = (key) => median(results.map((r) => r.stored[key])).toLocaleString("en");
  const cells = [label, chars("sessions"), chars("activities"), ms("ready"), ms("progress"), ms("summary"), ms("save"), ms("save1")];
  return `| ${cells.join(" | ")} |`;
}

/**
 * Prints the table for each of `years`: the median of `runs` runs. With `before` (another
 * build, such as one from before the compact session log), that build is run too,
 * alternating with this one, and its row printed beside.
 */
export async function historyBench(dist, { runs = 3, slowdown = 4, years = [1, 5, 10], before = null } = {}) {
  console.log(`\nHistory (a session a day, six exercises each, and a walk every other day; CPU ${slowdown}× slower; median of ${runs})`);
  console.log(`| years | sessions stored (chars) | activities stored (chars) | ready | Progress | summary | save | save, CPU not slowed |`);
  console.log("|---|---|---|---|---|---|---|---|");
  for (const y of years) {
    const now = [];
    const then = [];
    for (let i = 0; i < runs; i += 1) {
      now.push(await run(dist, y, slowdown));
      if (before) then.push(await run(before, y, slowdown));
    }
    if (before) console.log(row(`${y}, before`, then));
    console.log(row(before ? `${y}, now` : y, now));
  }
}

// Run on its own: node history-bench.mjs --dist DIR [--runs N] [--years 1,5,10] [--before DIR]
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  await historyBench(resolve(option("--dist", "../../target/dist")), {
    runs: Math.max(1, Number(option("--runs", "3")) || 3),
    years: option("--years", "1,5,10").split(",").map(Number),
    before: args.includes("--before") ? resolve(option("--before")) : null,
  });
}
