// The app shell against the release build: navigation, deep links, offline reloads through
// the service worker (app-shell.mjs), a setting kept across reloads, and corrupt storage
// quarantined.
import assert from "node:assert/strict";
import { test, useApp, appReady, expectHeading, pageLoaded } from "./harness.mjs";
import { shellTests } from "./app-shell.mjs";

const s = useApp();
shellTests(s);

test("a changed setting is saved and kept across a reload", async () => {
  await s.page.goto("/settings");
  await appReady(s.page);
  const beeps = s.page.getByRole("switch", { name: "Beeps" });
  assert.equal(await beeps.isChecked(), true, "beeps start on");
  await beeps.click();
  assert.equal(await beeps.isChecked(), false);
  const stored = JSON.parse(await s.page.evaluate(() => localStorage.getItem("steadyback:settings")));
  assert.equal(stored.schema, 3);
  assert.equal(typeof stored.saved_at, "number");
  assert.deepEqual(stored.data, {
    sound: false,
    voice: true,
    vibration: true,
    describe: "first_times",
    motion: true,
    get_ready_secs: 10,
    rest: "as_set",
    switch_pause: false,
    volume: 100,
    voice_uri: null,
    rate: 95,
    theme: "device",
    text_size: "normal",
  });

  await s.page.reload();
  await appReady(s.page);
  assert.equal(await s.page.getByRole("switch", { name: "Beeps" }).isChecked(), false);
  assert.equal(await s.page.getByRole("switch", { name: "Spoken instructions" }).isChecked(), true);
  // Put it back for the tests that follow.
  await s.page.getByRole("switch", { name: "Beeps" }).click();
});

test("garbage under the settings key is kept aside and the app starts with defaults", async () => {
  await s.page.goto("/settings");
  await appReady(s.page);
  const garbage = '{"schema":1,"saved_at":';
  await s.page.evaluate((g) => {
    for (const key of Object.keys(localStorage)) localStorage.removeItem(key);
    localStorage.setItem("steadyback:settings", g);
  }, garbage);
  await s.page.reload();
  await appReady(s.page);

  const notice = s.page.locator(".notice");
  await notice.waitFor();
  assert.match(await notice.textContent(), /could not be read.*defaults.*put aside/s);
  assert.equal(await s.page.getByRole("switch", { name: "Beeps" }).isChecked(), true);
  const kept = await s.page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("steadyback:quarantine:settings:"))
      .map((k) => localStorage.getItem(k)),
  );
  assert.deepEqual(kept, [garbage], "the garbage is kept, byte for byte");

  // A later save writes the settings key; the quarantined copy stays untouched.
  await s.page.getByRole("switch", { name: "Vibration" }).click();
  const after = await s.page.evaluate(() => ({
    settings: JSON.parse(localStorage.getItem("steadyback:settings")).data,
    kept: Object.keys(localStorage)
      .filter((k) => k.startsWith("steadyback:quarantine:"))
      .map((k) => localStorage.getItem(k)),
  }));
  assert.equal(after.settings.vibration, false);
  assert.deepEqual(after.kept, [garbage]);

  await s.page.getByRole("button", { name: "Dismiss this message" }).click();
  assert.equal(await s.page.locator(".notice").count(), 0);
});

test("settings and the player say which cues this device can't play", async () => {
  const other = await s.app.context.newPage();
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


test("a page whose code can't be fetched says so with Try again, and the app goes on", async () => {
  // All routines is not preloaded (PRELOADED in scripts/hosting.mjs): its code is fetched
  // when first opened, and the connection drops just then.
  let offline = true;
  let asked = 0;
  await s.app.context.route(/split_routines_route-\w+\.wasm$/, (route) => {
    asked++;
    return offline ? route.abort("internetdisconnected") : route.continue();
  });
  s.app.allowErrors(/routines_route|ERR_INTERNET_DISCONNECTED|Failed to fetch|SplitLoaderError/);
  await s.page.goto("/");
  await appReady(s.page);
  const all = s.page.getByRole("link", { name: "All routines, and making your own" });
  const failed = s.page.getByText("This page could not be loaded: the connection seems to be offline or to have dropped.");
  await all.click();
  await failed.waitFor();
  await s.page.getByRole("heading", { level: 1, name: "Routines", exact: true }).waitFor();
  assert.equal(await s.page.locator("main .page-frame").getAttribute("aria-busy"), null, "no longer busy");
  assert.equal(await s.page.title(), "Routines · Steadyback");

  // The rest of the app answers: another page, and Today.
  await s.page.locator("nav.bottom-nav").getByRole("link", { name: "Library" }).click();
  await expectHeading(s.page, "Library");
  await s.page.locator("nav.bottom-nav").getByRole("link", { name: "Today" }).click();
  await expectHeading(s.page, "Today");
  // A later visit tries again.
  const before = asked;
  await all.click();
  await failed.waitFor();
  assert.ok(asked > before, "the second visit asked for the page's code again");

  // Back online, Try again brings the page in, in the frame's place.
  offline = false;
  await s.page.getByRole("button", { name: "Try again" }).click();
  await pageLoaded(s.page);
  await s.page.getByRole("heading", { name: "Your routines" }).waitFor();
  assert.equal(await failed.count(), 0);
  // Opened once, it is drawn at once from then on, with no frame.
  await s.page.goBack();
  await expectHeading(s.page, "Today");
  await all.click();
  await s.page.getByRole("heading", { level: 1, name: "Routines", exact: true }).waitFor();
  assert.equal(await s.page.locator("main .page-frame").count(), 0, "no frame once the page's code is here");
  await s.page.getByRole("heading", { name: "Your routines" }).waitFor();
});
