// Shared set-up for the end-to-end tests: one static server over the release build and
// Debian's Chromium, launched with the flags this machine needs.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { before, after } from "node:test";
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
  context.on("weberror", (e) => errors.push(String(e.error())));
  return {
    url: server.url,
    server,
    /** The address of the app's page `path` ("/library") under the app's base. */
    at: (path) => `${base.replace(/\/$/, "")}${path}`,
    context,
    /** Uncaught page errors seen so far: a test fails on any. */
    errors,
    async page() {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push(msg.text());
      });
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the app has taken over the first screen (index.html's static one). */
export const appStarted = (page) => page.locator("#boot").waitFor({ state: "detached" });

/**
 * Waits until the app has taken over the first screen and drawn its shell and the page
 * (whose code, in a release build, may first have to be fetched: see `later_pages!`).
 */
export async function appReady(page) {
  await appStarted(page);
  await page.locator("nav.bottom-nav").waitFor();
  await page.locator("main h1").first().waitFor();
}

/**
 * One app for a whole test file: started before its tests (then `setup` runs), closed
 * after them. Returns an object whose `app` and `page` are set once the tests run.
 */
export function useApp(options = {}, setup = async () => {}) {
  const shared = {};
  before(async () => {
    shared.app = await start(options);
    shared.page = await shared.app.page();
    await setup(shared);
  });
  after(async () => {
    await shared.app?.close();
  });
  return shared;
}

/** Waits for the app's page heading to read `name` (the router renders asynchronously). */
export async function expectHeading(page, name) {
  await appStarted(page);
  await page.getByRole("heading", { level: 1, name, exact: true }).waitFor({ timeout: 5000 });
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

/** The build's hashed wasm file name. */
export const wasmName = (dist) => readdirSync(dist).find((f) => f.endsWith("_bg.wasm"));
