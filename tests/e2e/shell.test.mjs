// The app shell against the release build: navigation, deep links, a setting kept across
// reloads, offline reloads through the service worker, and corrupt storage quarantined.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, appReady } from "./harness.mjs";

let app;
let page;
before(async () => {
  app = await start();
  page = await app.page();
});
after(async () => {
  await app?.close();
});

/** Waits for the page's heading to read `name` (the router renders asynchronously). */
const expectHeading = (name) =>
  page.getByRole("heading", { level: 1, name, exact: true }).waitFor({ timeout: 5000 });

test("the bottom bar moves between every page", async () => {
  await page.goto("/");
  await appReady(page);
  await expectHeading("Today");
  assert.equal(await page.title(), "Today · Steadyback");
  for (const [name, path] of [
    ["Library", "/library"],
    ["Progress", "/progress"],
    ["Safety", "/safety"],
    ["Settings", "/settings"],
    ["Today", "/"],
  ]) {
    const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });
    await link.click();
    await page.waitForURL((url) => url.pathname === path);
    await expectHeading(name);
    assert.equal(await link.getAttribute("aria-current"), "page", `${name} is marked current`);
    const current = await page.locator('nav.bottom-nav [aria-current="page"]').count();
    assert.equal(current, 1, "exactly one link is current");
  }
});

test("each page loads from a deep link, and unknown paths say so", async () => {
  for (const [path, name] of [
    ["/library", "Library"],
    ["/progress", "Progress"],
    ["/settings", "Settings"],
    ["/safety", "Safety"],
  ]) {
    await page.goto(path);
    await appReady(page);
    await expectHeading(name);
  }
  await page.goto("/no/such/page");
  await appReady(page);
  await expectHeading("Page not found");
  await page.getByRole("link", { name: "Go to Today" }).click();
  await expectHeading("Today");
});

test("a changed setting is saved and kept across a reload", async () => {
  await page.goto("/settings");
  await appReady(page);
  const beeps = page.getByRole("switch", { name: "Beeps" });
  assert.equal(await beeps.isChecked(), true, "beeps start on");
  await beeps.click();
  assert.equal(await beeps.isChecked(), false);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("steadyback:settings")));
  assert.equal(stored.schema, 1);
  assert.equal(typeof stored.saved_at, "number");
  assert.deepEqual(stored.data, { sound: false, voice: true, vibration: true });

  await page.reload();
  await appReady(page);
  assert.equal(await page.getByRole("switch", { name: "Beeps" }).isChecked(), false);
  assert.equal(await page.getByRole("switch", { name: "Spoken instructions" }).isChecked(), true);
  // Put it back for the tests that follow.
  await page.getByRole("switch", { name: "Beeps" }).click();
});

test("after the service worker is active, deep links load offline", async () => {
  await page.goto("/");
  await appReady(page);
  const active = await page.evaluate(() =>
    Promise.race([
      navigator.serviceWorker.ready.then((r) => r.active?.state === "activated"),
      new Promise((ok) => setTimeout(() => ok(false), 15000)),
    ]),
  );
  assert.equal(active, true, "the service worker activated");
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith("steadyback-")));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  for (const file of ["/index.html", "/manifest.webmanifest", "/icons/icon-512.png"]) {
    assert.ok(cached.includes(file), `${file} is precached`);
  }
  assert.ok(cached.some((f) => f.endsWith(".wasm")), "the wasm is precached");

  await app.context.setOffline(true);
  try {
    await page.goto("/library");
    await appReady(page);
    await expectHeading("Library");
    await page.reload();
    await appReady(page);
    await expectHeading("Library");
    await page.getByRole("link", { name: "Safety" }).click();
    await expectHeading("Safety");
  } finally {
    await app.context.setOffline(false);
  }
});

test("garbage under the settings key is kept aside and the app starts with defaults", async () => {
  await page.goto("/settings");
  await appReady(page);
  const garbage = '{"schema":1,"saved_at":';
  await page.evaluate((g) => {
    for (const key of Object.keys(localStorage)) localStorage.removeItem(key);
    localStorage.setItem("steadyback:settings", g);
  }, garbage);
  await page.reload();
  await appReady(page);

  const notice = page.locator(".notice");
  await notice.waitFor();
  assert.match(await notice.textContent(), /could not be read.*defaults.*put aside/s);
  assert.equal(await page.getByRole("switch", { name: "Beeps" }).isChecked(), true);
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("steadyback:quarantine:settings:"))
      .map((k) => localStorage.getItem(k)),
  );
  assert.deepEqual(kept, [garbage], "the garbage is kept, byte for byte");

  // A later save writes the settings key; the quarantined copy stays untouched.
  await page.getByRole("switch", { name: "Vibration" }).click();
  const after = await page.evaluate(() => ({
    settings: JSON.parse(localStorage.getItem("steadyback:settings")).data,
    kept: Object.keys(localStorage)
      .filter((k) => k.startsWith("steadyback:quarantine:"))
      .map((k) => localStorage.getItem(k)),
  }));
  assert.equal(after.settings.vibration, false);
  assert.deepEqual(after.kept, [garbage]);

  await page.getByRole("button", { name: "Dismiss this message" }).click();
  assert.equal(await page.locator(".notice").count(), 0);
});

test("settings and the player say which cues this device can't play", async () => {
  const other = await app.context.newPage();
  await other.addInitScript(() => {
    delete Navigator.prototype.vibrate;
  });
  await other.goto("/settings");
  await appReady(other);
  assert.match(await other.locator("#setting-vibration-hint").textContent(), /Not available on this device/);
  assert.doesNotMatch(await other.locator("#setting-beeps-hint").textContent(), /Not available/);
  // The player mentions only the cues that are turned on.
  const vibration = other.getByRole("switch", { name: "Vibration" });
  if (!(await vibration.isChecked())) await vibration.click();
  await other.goto("/session/gentle-start");
  await other.getByText("This device can't vibrate.").waitFor();
  await other.close();
});

test("no uncaught errors", () => {
  assert.deepEqual(app.errors, []);
});
