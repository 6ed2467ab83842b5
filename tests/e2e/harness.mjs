// Shared set-up for the end-to-end tests: one static server over the release build and
// Debian's Chromium, launched with the flags this machine needs.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import * as nodeTest from "node:test";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

export const CHROMIUM = process.env.CHROME_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const PHONE = { width: 412, height: 823 };
export const DESKTOP = { width: 1280, height: 800 };

export const DIST = resolve(process.env.DIST ?? "../../target/dist");
/** The same code built for a sub-path (scripts/test builds it), and that sub-path. */
export const DIST_SUB = resolve(process.env.DIST_SUB ?? "../../target/dist-sub");
export const SUB = "/steadyback/";
/** A second version of the same code (scripts/test builds it), to deploy over the first. */
export const DIST_NEXT = resolve(process.env.DIST_NEXT ?? "../../target/dist-next");

/**
 * The moment every browser starts at unless a test sets its own: Thursday 19 November
 * 2026, 12:00 UTC. Time flows from it as usual (Playwright's clock, installed and
 * resumed), so no test ever runs on the machine's today. Tests that pin time install their
 * own moment and pause the clock.
 */
export const DEFAULT_NOW = Date.UTC(2026, 10, 19, 12, 0);

/** The stored form of a safety check answered with no warning signs. */
export const CLEAR_CHECK = JSON.stringify({
  schema: 1,
  saved_at: 1763700000000,
  data: { answered_at: 1763700000000, urgent: [], see_professional: [] },
});

/**
 * Starts the server and a persistent (non-incognito) browser context on a fresh profile,
 * so service workers and storage behave as for a person. Returns helpers and `close`.
 * Unless `firstRun` is set, the first-run safety check counts as answered (with no
 * warning signs) so tests of other features open the app directly.
 */
export async function start({
  viewport = PHONE,
  colorScheme = "light",
  firstRun = false,
  timezoneId = undefined,
  seed = undefined,
  dist = DIST,
  base = "/",
  server: serveWith = serve,
  now = DEFAULT_NOW,
} = {}) {
  const server = await serveWith(dist, { base });
  const profile = mkdtempSync(join(tmpdir(), "steadyback-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport,
    colorScheme,
    timezoneId,
    baseURL: server.origin,
  });
  // A fixed start for the pages' clocks (`now: null` leaves the real one, for the benches).
  if (now !== null) await context.clock.install({ time: now });
  if (seed) {
    // Stored records put in place before the app first loads (and never again, so the
    // app's own changes survive reloads).
    await context.addInitScript((records) => {
      if (location.protocol.startsWith("http") && !localStorage.getItem("e2e:seeded")) {
        for (const [key, value] of Object.entries(records)) localStorage.setItem(key, value);
        localStorage.setItem("e2e:seeded", "1");
      }
    }, seed);
  }
  if (!firstRun) {
    await context.addInitScript((check) => {
      // Only the app's own pages (a new tab's about:blank has no storage).
      if (location.protocol.startsWith("http") && !localStorage.getItem("steadyback:safety-check")) {
        localStorage.setItem("steadyback:safety-check", check);
      }
    }, CLEAR_CHECK);
  }
  const errors = [];
  const allowed = [];
  const record = (text) => {
    if (!allowed.some((re) => re.test(text))) errors.push(text);
  };
  context.on("weberror", (e) => record(String(e.error())));
  // Every page of the context (new tabs too), from its first line.
  context.on("console", (msg) => {
    if (msg.type() === "error") record(msg.text());
  });
  let closed = false;
  const app = {
    url: server.url,
    server,
    /** The address of the app's page `path` ("/library") under the app's base. */
    at: (path) => `${base.replace(/\/$/, "")}${path}`,
    context,
    /** Uncaught page errors and console errors seen so far: the test fails on any. */
    errors,
    /** Errors a test causes on purpose (a blocked storage, a refused fetch) are not counted. */
    allowErrors(...patterns) {
      allowed.push(...patterns);
    },
    async page() {
      return context.pages()[0] ?? (await context.newPage());
    },
    async close() {
      if (closed) return;
      closed = true;
      live.delete(app);
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  live.add(app);
  return app;
}

/** The apps started during the running test: checked for errors and closed after it. */
const live = new Set();

let hooked = false;
/**
 * Once per test file: after each test, every app it started must have seen no uncaught
 * page error and no console error (named with the test), and is closed. Registered by the
 * first `test` or `describe` below, so the benches, which share this file, register none.
 */
function hook() {
  if (hooked) return;
  hooked = true;
  nodeTest.afterEach(async (t) => {
    const apps = [...live];
    // A server may name its own problems too (nginx's error log).
    const seen = apps.flatMap((a) => [...a.errors.splice(0), ...(a.server.problems?.() ?? [])]);
    await Promise.all(apps.map((a) => a.close()));
    if (seen.length > 0) {
      throw new Error(`"${t.name}" caused ${seen.length} page or console error(s):\n${seen.join("\n")}`);
    }
  });
}

/** Waits until the app has taken over the first screen (index.html's static one). */
export const appStarted = (page) => page.locator("#boot").waitFor({ state: "detached" });

/**
 * Waits until the app has taken over the first screen and drawn its shell and the page
 * (whose code, in a release build, may first have to be fetched: see `later_pages!`): the
 * bottom bar, or a session in play, which has the whole screen.
 */
export async function appReady(page) {
  await appStarted(page);
  await page.locator("nav.bottom-nav, .shell.in-session").first().waitFor();
  await page.locator("main h1").first().waitFor();
  await pageLoaded(page);
}

/**
 * Waits until no page's frame is left in place of its page: a page fetched when first
 * opened shows its heading while its code loads (`later_page` in src/ui/app.rs). Opened
 * by a tap, it is fetched only after its frame is painted (the next animation frame, or
 * a tenth of a second): a test whose page clock is paused lets that time pass.
 */
export async function pageLoaded(page) {
  const frame = page.locator("main .page-frame");
  try {
    await frame.waitFor({ state: "detached", timeout: 1000 });
    return;
  } catch {
    // Still there: a paused clock holds the fetch (or the fetch is slow).
  }
  await page.clock.runFor(100).catch(() => {});
  await frame.waitFor({ state: "detached" });
}

/**
 * A fresh app for each test (its own profile, storage and clock), started before the test
 * (then `setup` runs) and closed after it, so every test passes alone and in any order.
 * Returns an object whose `app` and `page` are set while a test runs.
 */
export function useApp(options = {}, setup = async () => {}) {
  const shared = {};
  hook();
  nodeTest.beforeEach(async () => {
    shared.app = await start(options);
    shared.page = await shared.app.page();
    await setup(shared);
  });
  return shared;
}

// Test order. `E2E_SHUFFLE=<seed>` registers each file's tests (and the tests inside each
// `describe`) in an order shuffled by that seed, printed so a failure can be replayed;
// `E2E_ONLY=<name>` runs the one test of that full name ("suite > test") alone;
// `E2E_LIST=1` prints every test's full name and runs none (see each-alone.mjs).
const SHUFFLE = process.env.E2E_SHUFFLE;
const ONLY = process.env.E2E_ONLY;
const LIST = Boolean(process.env.E2E_LIST);
const deferred = Boolean(SHUFFLE || ONLY || LIST);

/** A small seeded generator of numbers in [0, 1) (mulberry32): the same seed, the same
 * order (also the monkey's, monkey.mjs). */
export function seeded(seed) {
  let a = Number(seed) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = SHUFFLE ? seeded(SHUFFLE) : null;
const shuffled = (list) => {
  if (!random) return list;
  const out = list.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};
if (SHUFFLE) console.log(`# test order shuffled with E2E_SHUFFLE=${SHUFFLE}`);

/** Where `test` and `describe` calls go while registration is deferred. */
let pending = null;
let path = [];
const fullName = (name) => [...path, name].join(" > ");
const wanted = (name) => !ONLY || ONLY === name || ONLY.startsWith(`${name} > `);

function register(entry) {
  if (pending === null) {
    pending = [];
    queueMicrotask(() => flush(pending));
  }
  pending.push(entry);
}
function flush(list) {
  for (const entry of shuffled(list)) entry();
}

/** node:test's `test`, in the order above; every test file takes it from here. */
export function test(name, fn) {
  hook();
  if (!deferred) return nodeTest.test(name, fn);
  const full = fullName(name);
  const entry = () => {
    if (LIST) console.log(`E2E_TEST ${full}`);
    else if (wanted(full)) nodeTest.test(name, fn);
  };
  if (path.length === 0) register(entry);
  else pending.push(entry);
}

/** node:test's `describe`, in the order above. */
export function describe(name, body) {
  hook();
  if (!deferred) return nodeTest.describe(name, body);
  const outer = path;
  const entry = () => {
    const inner = [...outer, name];
    if (!LIST && !wanted(inner.join(" > "))) return;
    const run = () => {
      const saved = [pending, path];
      pending = [];
      path = inner;
      body();
      const mine = pending;
      [pending, path] = saved;
      flush(mine);
    };
    if (LIST) run();
    else nodeTest.describe(name, run);
  };
  register(entry);
}

/** Waits for the app's page heading to read `name` (the router renders asynchronously). */
export async function expectHeading(page, name) {
  await appStarted(page);
  await page.getByRole("heading", { level: 1, name, exact: true }).waitFor({ timeout: 5000 });
  await pageLoaded(page);
}

/** GET `url` with `headers`; resolves to { status, headers, body } (body as sent, not decoded). */
export const get = (url, headers = {}) =>
  new Promise((ok, fail) => {
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", fail)
      .end();
  });

/**
 * The pixels of a PNG (a screenshot), decoded in a blank page of `context` (the app's
 * content policy rightly refuses data: images): { width, height, data } as RGBA bytes.
 */
export async function pixelsOf(context, png) {
  const blank = await context.newPage();
  try {
    return await blank.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext("2d");
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height);
      return { width: data.width, height: data.height, data: Array.from(data.data) };
    }, png.toString("base64"));
  } finally {
    await blank.close();
  }
}

/** The build's hashed wasm file name. */
export const wasmName = (dist) => readdirSync(dist).find((f) => f.endsWith("_bg.wasm"));

/**
 * A session as stored since schema 4 (short keys, each exercise an array, the end and the
 * last change as offsets from the start: src/domain/records/stored_session.rs), with the
 * named fields of schema 3 that the tests read. A record with named fields is kept as it is.
 */
export function named(r) {
  if (!("s" in r)) return r;
  return {
    routine_id: r.r ?? "",
    routine_name: r.n ?? "",
    started_at: r.s,
    salt: r.k ?? 0,
    ended_at: r.s + (r.e ?? 0),
    active_secs: r.a ?? 0,
    exercises: (r.x ?? []).map(([exercise, sets_planned, sets_done, reps_planned, reps_done, skipped, work_secs]) => ({
      exercise, sets_planned, sets_done, reps_planned, reps_done, skipped: skipped === 1, work_secs,
    })),
    tz_offset_min: r.z ?? null,
    pain_before: r.b ?? null,
    pain_after: r.p ?? null,
    hurts: r.h ?? [],
    after_check: r.c ?? null,
    updated_at: r.u === undefined ? 0 : r.s + r.u,
  };
}

/**
 * The session log stored in `page`: its schema, and its records with named fields, oldest
 * first, from its own key and its parts (a key per year, `steadyback:sessions:2026`); from
 * `sessionStorage` (a tab's copy of what storage had no room for) with `where` so named.
 */
export async function storedSessions(page, where = "localStorage") {
  const { log, parts } = await page.evaluate((where) => {
    const storage = globalThis[where];
    return {
      log: JSON.parse(storage.getItem("steadyback:sessions")),
      parts: Object.keys(storage)
        .filter((k) => /^steadyback:sessions:-?\d+$/.test(k))
        .map((k) => JSON.parse(storage.getItem(k)).data.records ?? []),
    };
  }, where);
  const records = [...(log?.data.records ?? []), ...parts.flat()].sort((a, b) => a.s - b.s);
  return { schema: log?.schema ?? null, records: records.map(named) };
}

/**
 * A benchmark's browser: `dist` served on 127.0.0.1, a fresh profile, headless Chromium
 * with touch (a phone: taps, no pointer left hovering), the safety check answered (unless
 * `newcomer`), and its first `page` at phone size; the other `options` add to or replace
 * the context's. `close()` ends all three.
 *
 * The phone's size is set on the page through the DevTools protocol, inside a window
 * bigger than it, not with Playwright's `viewport`: with that, a change in the bottom
 * strip of the page (below about 787 px of 823) is drawn once and then not again, so a
 * tap there (the session's Pause) was counted as a 770 ms wait for a frame a phone shows
 * at once (README "Interactions"; `low-tap-probe.mjs --playwright-viewport` shows it).
 */
export async function benchBrowser(dist, { newcomer = false, ...options } = {}) {
  const server = await serve(dist);
  const profile = mkdtempSync(join(tmpdir(), "steadyback-bench-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, `--window-size=${PHONE.width + 200},${PHONE.height + 200}`],
    viewport: null,
    hasTouch: true,
    baseURL: server.origin,
    ...options,
  });
  if (!newcomer) await context.addInitScript((check) => localStorage.setItem("steadyback:safety-check", check), CLEAR_CHECK);
  const page = context.pages()[0] ?? (await context.newPage());
  if (!("viewport" in options)) {
    // Kept open: the size lasts as long as the session that set it.
    const cdp = await context.newCDPSession(page);
    const { width, height } = PHONE;
    await cdp.send("Emulation.setDeviceMetricsOverride", { width, height, screenWidth: width, screenHeight: height, deviceScaleFactor: 1, mobile: false });
  }
  const close = async () => {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { server, context, page, close };
}

/** The middle of `values` (the mean of the two middle ones for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A benchmark's command-line option: the word after `name`, or `fallback`. */
export function option(name, fallback) {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}
