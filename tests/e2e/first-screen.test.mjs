// The first screen, painted from index.html before the wasm has arrived: it is the app's
// own (a change to the welcome not carried over fails here), a newcomer can start ticking
// at once and the app takes over in place with those ticks and the focus, and someone
// returning sees the app's frame, never the welcome.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test, start, appReady, appStarted, expectHeading } from "./harness.mjs";
import { FIRST_SCREEN, renderFirstScreen } from "./first-screen.mjs";

test("the committed first screen is what the app draws now", async () => {
  const now = await renderFirstScreen();
  assert.equal(
    readFileSync(FIRST_SCREEN, "utf8"),
    now,
    "assets/first-screen.html differs from the app: run `node tests/e2e/first-screen.mjs` (after a release build)",
  );
});

/** Opens `path` with the wasm held back until `release()` is called. */
async function openHeld(app, path) {
  const page = await app.page();
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/*_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({
      type: "layout-shift",
      buffered: true,
    });
  });
  await page.goto(path, { waitUntil: "domcontentloaded" });
  return { page, release };
}

/** Where the page's main pieces are drawn. */
const layout = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("main h1, main .lead, main fieldset, main label, main button, nav.bottom-nav")]
      .filter((e) => e.getClientRects().length)
      .map((e) => {
        const r = e.getBoundingClientRect();
        return `${e.tagName} ${r.x},${r.y},${r.width}x${r.height}`;
      }),
  );

test("a newcomer sees the welcome before the wasm, ticks, and the app takes over in place", async () => {
  const app = await start({ firstRun: true });
  try {
    const { page, release } = await openHeld(app, "/");
    // The static screen's heading (expectHeading would wait for the app).
    await page.getByRole("heading", { level: 1, name: "Welcome to Steadyback" }).waitFor();
    assert.ok(await page.locator("#boot").isVisible(), "this is the first screen, not the app");
    assert.equal(await page.getByRole("checkbox").count(), 12);
    assert.equal(await page.locator("nav.bottom-nav").isVisible(), false, "no bottom bar before the check");
    const box = page.getByRole("checkbox", { name: "You are no better after 2 to 3 weeks." });
    await box.check();
    const before = await layout(page);

    release();
    await appStarted(page);
    await expectHeading(page, "Welcome to Steadyback");
    assert.deepEqual(await layout(page), before, "everything is where it was");
    assert.equal(await box.isChecked(), true, "the tick made meanwhile is kept");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "no-better", "and the focus");
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], "no layout shift");

    await page.getByRole("button", { name: "Continue" }).click();
    await expectHeading(page, "Today");
    const check = await page.evaluate(() => JSON.parse(localStorage.getItem("steadyback:safety-check")).data);
    assert.deepEqual(check.see_professional, ["no-better"]);
    assert.deepEqual(check.urgent, []);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test("someone returning gets the app's frame before the wasm, never the welcome", async () => {
  const app = await start();
  try {
    const { page, release } = await openHeld(app, "/library");
    await page.locator("nav.bottom-nav").waitFor();
    assert.equal(await page.getByRole("heading", { name: "Welcome to Steadyback" }).isVisible(), false);
    assert.ok(await page.locator(".static-placeholder").isVisible(), "an empty card holds the page's place");
    const nav = await layout(page);
    release();
    await appReady(page);
    await expectHeading(page, "Library");
    assert.deepEqual((await layout(page)).filter((l) => l.startsWith("NAV")), nav, "the bottom bar does not move");
    assert.equal(
      await page.evaluate(() => document.querySelector('nav.bottom-nav a[href="/library"]').getAttribute("aria-current")),
      "page",
    );
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], "no layout shift");
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test("after 'take the check again' the first screen is the welcome, not the app's frame", async () => {
  const reset = JSON.stringify({
    schema: 1,
    saved_at: 1763700000000,
    data: { answered_at: null, urgent: [], see_professional: [] },
  });
  const app = await start({ firstRun: true, seed: { "steadyback:safety-check": reset } });
  try {
    const { page, release } = await openHeld(app, "/");
    await page.getByRole("heading", { level: 1, name: "Welcome to Steadyback" }).waitFor();
    assert.equal(await page.locator(".static-placeholder").isVisible(), false);
    release();
    await expectHeading(page, "Welcome to Steadyback");
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], "no layout shift");
  } finally {
    await app.close();
  }
});
