// The app shell against the release build: navigation, deep links, offline reloads through
// the service worker (app-shell.mjs), a setting kept across reloads, and corrupt storage
// quarantined.
import assert from "node:assert/strict";
import { test, useApp, appReady } from "./harness.mjs";
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

