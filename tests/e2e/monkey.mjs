// Random use, seeded: taps on anything visible, random text and numbers in every field,
// files picked for the import, pasted links, clock jumps, reloads, back and forward,
// offline and online, over every page. A walk fails on any uncaught error or console
// error, on stored text the app had to set aside as unreadable, on a page that stops
// answering, and on a session in progress lost. The same seed makes the same choices, so
// a failure can be replayed:
//
//   node monkey.mjs [--seeds N | --seed S] [--actions N] [--dist DIR]
//
// runs N seeds (1, 2, …; default 25) of --actions actions in all (default 10,000),
// prints each seed's count and time, and exits non-zero on a failure. monkey.test.mjs
// runs 5 seeds of 200 in every test run; `scripts/bench --monkey N` runs N actions over 25.
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { start, DIST, seeded } from "./harness.mjs";
import * as fixture from "./fixture.mjs";

/** The walk's choices: numbers in [0, 1) from a seed, the same for the same seed. */
export const random = seeded;

/** The app's pages, some with addresses that name nothing. */
const PATHS = [
  "/", "/library", "/library?kind=stretch", "/exercise/bridge", "/exercise/no-such-thing", "/exercises/new",
  "/progress", "/progress/summary", "/progress/session/1", "/activity", "/settings", "/safety",
  "/routines", "/routines/new", "/routines/gentle-start", "/routines/nope/edit", "/session/gentle-start",
  "/session/core-stability", "/session/nope", "/nowhere",
];

/** Links a person might paste: a shared routine spoiled in different ways. */
const PASTED = ["/shared", "/shared?r=", "/shared?r=%%%", "/shared?r=eyJub3QiOiJhIHJvdXRpbmUifQ", "/shared?r=AAAA&x=1", "/shared#r=zz"];

/** Text a person (or a cat) might type. */
const TEXTS = [
  "", " ", "Morning walk", "0", "-1", "7", "99999", "1e9", "3.5", "NaN", "🧘‍♀️ stretch", "<b>bold</b><script>x()</script>",
  "שלום", "a".repeat(400), "  spaced  ", "12:30", "2026-02-30", "\u200b", "Ω≈ç√", "'; DROP TABLE x; --",
];

/** Files someone might pick to import. */
const FILES = [
  ["notes.txt", "not a backup at all"],
  ["backup.json", '{"app":"steadyback","version":1,"data":{}}'],
  ["empty.json", ""],
  ["broken.json", '{"app":"steadyback","data":{"sessions":{"records":[{"id":"x"}]}}'],
  ["other.json", '{"hello":"world"}'],
];

/** What the walk does, with how often. */
const WEIGHTS = { tap: 52, type: 14, clock: 9, go: 7, paste: 2, back: 5, forward: 2, reload: 4, network: 3, file: 2 };

/**
 * Network problems the walk causes on purpose, by going offline. The last is Chrome's own
 * console line when the service worker's script can't be fetched (the app registering it,
 * or the browser checking for a new version, just as the walk went offline): the app
 * retries on the next visit and has nothing to say.
 */
const OFFLINE = /ERR_INTERNET_DISCONNECTED|Failed to load resource|Failed to fetch|An unknown error occurred when fetching the script/;

/** Whatever can be tapped, and is on screen. */
const TAPPABLE = "a[href]:visible, button:visible, summary:visible, [role=switch]:visible, input[type=checkbox]:visible, input[type=radio]:visible, label:visible";
const TYPEABLE = "input:visible:not([type=checkbox]):not([type=radio]):not([type=file]):not([type=range]), textarea:visible";

/** What is stored that the walk keeps an eye on, read in the page. */
const readStored = () => {
  const out = { quarantined: [], unreadable: [], session: null, sessions: 0 };
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key.startsWith("steadyback:")) continue;
    if (key.includes(":quarantine:")) out.quarantined.push(key);
    const text = localStorage.getItem(key);
    try {
      JSON.parse(text);
    } catch {
      if (!key.includes(":quarantine:")) out.unreadable.push(key);
    }
  }
  try {
    out.session = localStorage.getItem("steadyback:session");
    // The session log: its own key and a key per year.
    out.sessions = Object.keys(localStorage)
      .filter((k) => /^steadyback:sessions(:-?\d+)?$/.test(k))
      .reduce((n, k) => n + (JSON.parse(localStorage.getItem(k))?.data?.records?.length ?? 0), 0);
  } catch {
    // Named as unreadable above.
  }
  return out;
};

/**
 * One walk of `actions` actions from `seed` (with `stored` in storage at the start, in
 * place of the seed's). Resolves to { done, ms, log }; throws an Error naming the seed,
 * the action and the last steps when something is wrong.
 */
export async function walk({ seed, actions, dist = DIST, stored = undefined }) {
  const pick = random(seed);
  const any = (list) => list[Math.floor(pick() * list.length)];
  const choose = () => {
    let r = pick() * Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
    for (const [name, weight] of Object.entries(WEIGHTS)) if ((r -= weight) < 0) return name;
    return "tap";
  };
  // Odd seeds start as a newcomer, even ones with three weeks of use.
  const newcomer = seed % 2 === 1;
  const app = await start({
    dist,
    firstRun: newcomer,
    seed: stored ?? (newcomer ? undefined : fixture.storage()),
    timezoneId: fixture.TIME_ZONE,
    now: fixture.NOW,
  });
  app.allowErrors(OFFLINE);
  const log = [];
  const began = Date.now();
  let offline = false;
  let done = 0;
  const fail = (why) => {
    const steps = log.slice(-12).map((l) => `  ${l}`).join("\n");
    return new Error(`monkey seed ${seed}, action ${done}: ${why}\nlast steps:\n${steps}`);
  };
  try {
    const page = await app.page();
    await page.addInitScript(() => {
      window.print = () => {};
    });
    page.on("dialog", (d) => d.dismiss().catch(() => {}));
    app.context.on("page", (p) => {
      if (p !== page) p.close().catch(() => {});
    });
    await page.goto("/");
    for (; done < actions; done++) {
      const action = choose();
      const before = await page.evaluate(readStored).catch(() => null);
      let what = action;
      try {
        what = await act(action);
      } catch (e) {
        what = `${what} (no effect: ${String(e.message).split("\n")[0].slice(0, 80)})`;
      }
      log.push(`${done}: ${what}`);
      await page.waitForTimeout(30);
      if (app.errors.length) throw fail(`errors in the page:\n${app.errors.join("\n")}`);
      if (!page.url().startsWith(app.server.origin)) {
        // A page the app did not make (offline without the service worker): back to it.
        log.push(`   back to the app from ${page.url().slice(0, 40)}`);
        offline = false;
        await app.context.setOffline(false);
        await page.goto("/");
      }
      const after = await page.evaluate(readStored).catch(() => null);
      if (after === null) continue; // Mid-navigation: checked after the next action.
      if (after.quarantined.length) throw fail(`stored text set aside as unreadable: ${after.quarantined.join(", ")}`);
      if (after.unreadable.length) throw fail(`stored text that is not JSON: ${after.unreadable.join(", ")}`);
      if (before?.session && !after.session && after.sessions <= before.sessions && action !== "tap" && action !== "type") {
        throw fail("the session in progress was lost (no longer stored, and not in the history)");
      }
    }
    // Still answering at the end, with nothing set aside after a fresh start.
    if (offline) await app.context.setOffline(false);
    await page.goto("/");
    await page.locator("main h1").first().waitFor({ timeout: 10_000 });
    const last = await page.evaluate(readStored);
    if (last.quarantined.length) throw fail(`stored text set aside on a fresh start: ${last.quarantined.join(", ")}`);
    if (app.errors.length) throw fail(`errors in the page:\n${app.errors.join("\n")}`);
    return { done, ms: Date.now() - began, log };

    /** Does `action`; resolves to what it did, for the log. */
    async function act(action) {
      switch (action) {
        case "tap": {
          const targets = page.locator(TAPPABLE);
          const n = await targets.count();
          if (!n) return "tap: nothing to tap";
          const target = targets.nth(Math.floor(pick() * n));
          const label = await describe(target);
          // Links out of the app (the sources) and new windows are left alone.
          const href = (await target.getAttribute("href", { timeout: 500 })) ?? "";
          if (/^[a-z]+:/i.test(href) || (await target.getAttribute("target", { timeout: 500 }))) return `tap: skipped ${label}`;
          await target.click({ timeout: 1500 });
          return `tap ${label}`;
        }
        case "type": {
          const fields = page.locator(TYPEABLE);
          const n = await fields.count();
          if (!n) return "type: no field";
          const field = fields.nth(Math.floor(pick() * n));
          const text = any(TEXTS);
          const label = await describe(field);
          await field.fill(text, { timeout: 1500 });
          if (pick() < 0.3) await field.press("Enter", { timeout: 1500 });
          return `type ${JSON.stringify(text.slice(0, 20))} into ${label}`;
        }
        case "file": {
          const input = page.locator("input[type=file]");
          if (!(await input.count())) return "file: no file field";
          const [name, text] = any(FILES);
          await input.first().setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) }, { timeout: 1500 });
          return `file ${name}`;
        }
        case "clock": {
          const ms = any([1_000, 5_000, 30_000, 120_000, 600_000, 3_600_000, 86_400_000, 8 * 86_400_000]);
          await page.clock.fastForward(ms);
          return `clock +${ms / 1000} s`;
        }
        case "go": {
          const path = any(PATHS);
          await page.goto(path, { timeout: 10_000 });
          return `go ${path}`;
        }
        case "paste": {
          const path = any(PASTED);
          await page.goto(path, { timeout: 10_000 });
          return `paste ${path}`;
        }
        case "back":
          await page.goBack({ timeout: 3_000 });
          return "back";
        case "forward":
          await page.goForward({ timeout: 3_000 });
          return "forward";
        case "reload":
          await page.reload({ timeout: 10_000 });
          return "reload";
        case "network":
          offline = !offline;
          await app.context.setOffline(offline);
          return offline ? "offline" : "online";
      }
      return action;
    }
  } finally {
    await app.close();
  }
}

/** A short name for an element, for the log. */
async function describe(locator) {
  return locator
    .evaluate((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") || el.textContent || el.getAttribute("name") || "").trim().slice(0, 30)}"`, undefined, { timeout: 500 })
    .catch(() => "an element");
}

/** Runs `seeds` walks (seeds 1, 2, …) sharing `actions` between them; prints each. */
export async function walks({ seeds, actions, dist, first = 1 }) {
  const each = Math.ceil(actions / seeds);
  const results = [];
  for (let seed = first; seed < first + seeds; seed++) {
    const result = await walk({ seed, actions: each, dist });
    console.log(`monkey seed ${seed}: ${result.done} actions in ${(result.ms / 1000).toFixed(1)} s`);
    results.push({ seed, ...result });
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const dist = resolve(option("--dist", DIST));
  const actions = Number(option("--actions", 10_000));
  const seed = option("--seed", null);
  const began = Date.now();
  try {
    const results = seed
      ? await walks({ seeds: 1, actions, dist, first: Number(seed) })
      : await walks({ seeds: Number(option("--seeds", 25)), actions, dist });
    const total = results.reduce((n, r) => n + r.done, 0);
    console.log(`monkey: ${total} actions over ${results.length} seeds (${results.map((r) => r.seed).join(", ")}) in ${((Date.now() - began) / 1000).toFixed(0)} s, no problem found`);
  } catch (e) {
    console.error(e.message);
    process.exitCode = 1;
  }
}
