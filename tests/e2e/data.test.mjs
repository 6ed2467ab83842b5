// Data people can trust: every storage fault driven in the real browser, backups out and
// in, the backup reminder, and deleting everything. One browser per test, so each starts
// from its own stored state.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test, start, appReady, expectHeading, CLEAR_CHECK, storedSessions } from "./harness.mjs";
import * as fixture from "./fixture.mjs";


/**
 * A fresh browser with `seed` stored, and optionally a script run before the app. The
 * clock is the fixture's; with `pause`, time moves only when the test says so.
 */
async function open(path, { seed, before, pause = false, ready = appReady } = {}) {
  const app = await start({ seed, timezoneId: fixture.TIME_ZONE, now: fixture.NOW });
  if (before) await app.context.addInitScript(before);
  const page = await app.page();
  if (pause) await page.clock.pauseAt(fixture.NOW + 1000);
  await page.goto(path);
  await ready(page);
  return { app, page };
}

const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);
const keys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("steadyback:")).sort());
const notice = (page, text) => page.locator(".notice", { hasText: text });

/** Logs a walk, on /activity already (a page load would undo a test's overrides). */
async function logWalk(page, minutes = "20") {
  await expectHeading(page, "Log activity");
  await page.getByLabel("Minutes").fill(minutes);
  await page.getByRole("button", { name: "Save", exact: true }).click();
}

/** Runs `click` and returns the downloaded file's name and text. */
async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, "utf8") };
}

test("blocked localStorage: the app runs in memory and says nothing will be kept", async () => {
  const { app, page } = await open("/", {
    // Nothing stored can be read, so the app asks the safety check first.
    ready: (page) => expectHeading(page, "Welcome to Steadyback"),
    before: () => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    },
  });
  await notice(page, "won't let Steadyback save anything").waitFor();
  // It still works: the safety check, then a logged walk, all in memory.
  await page.getByRole("checkbox").first().waitFor({ state: "attached" });
  assert.deepEqual(app.errors, []);
});

// How each browser reports a full storage, made in the page (the content policy forbids
// eval, so each is named, not written as code).
for (const [label, kind] of [
  ["QuotaExceededError", "standard"],
  ["Firefox's NS_ERROR_DOM_QUOTA_REACHED", "firefox"],
  ["old WebKit's code 22", "webkit"],
]) {
  test(`a full storage (${label}): a clear message, a backup to download, nothing lost`, async () => {
    const { page } = await open("/activity", { seed: fixture.storage() });
    const before = await stored(page, "steadyback:activities");
    await page.evaluate((kind) => {
      const full = () =>
        kind === "standard"
          ? new DOMException("full", "QuotaExceededError")
          : kind === "firefox"
            ? new DOMException("full", "NS_ERROR_DOM_QUOTA_REACHED")
            : Object.defineProperties(Object.create(DOMException.prototype), {
                name: { value: "Error" },
                code: { value: 22 },
                message: { value: "full" },
              });
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key.startsWith("steadyback:")) throw full();
        return setItem.call(this, key, value);
      };
    }, kind);
    await logWalk(page, "25");
    const full = notice(page, "storage for Steadyback is full");
    await full.waitFor();
    assert.equal(await stored(page, "steadyback:activities"), before, "what was saved stays");
    const { name, text } = await download(page, () =>
      full.getByRole("button", { name: "Download a backup" }).click(),
    );
    assert.equal(name, "steadyback-backup-2026-11-20.json");
    const backup = JSON.parse(text);
    const walks = backup.data.activities.records.filter((a) => a.minutes === 25);
    assert.equal(walks.length, 1, "the backup holds the change that could not be saved");
  });
}

test("a session that ends while storage is full is kept in the tab, through a reload, and saved once there is room", async () => {
  // Storage is full (for the app's keys in localStorage) while the tab says so; the
  // tab's own sessionStorage still has room.
  const full = () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (this === window.localStorage && key.startsWith("steadyback:") && sessionStorage.getItem("e2e:full")) {
        throw new DOMException("full", "QuotaExceededError");
      }
      return setItem.call(this, key, value);
    };
  };
  const { page } = await open("/session/gentle-start", { seed: fixture.storage(), before: full, pause: true });
  const history = async () => (await storedSessions(page)).records.length;
  const inTab = async () => (await storedSessions(page, "sessionStorage")).records.length;
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await page.evaluate(() => sessionStorage.setItem("e2e:full", "1"));
  const done = page.getByRole("heading", { name: "Well done" });
  for (let i = 0; i < 80 && (await done.count()) === 0; i++) await page.clock.runFor(5_000);
  await done.waitFor();
  const warning = notice(page, "Nothing is lost: this tab keeps it");
  await warning.first().waitFor();
  assert.equal(await history(), 10, "nothing could be written");
  assert.equal(await inTab(), 11, "the tab keeps the history with the new session");
  // One tap downloads it.
  const { text } = await download(page, () =>
    warning.first().getByRole("button", { name: "Download a backup" }).click(),
  );
  assert.equal(JSON.parse(text).data.sessions.records.length, 11);

  // A reload while storage is still full: the session is there, and still said to wait.
  await page.goto("/progress");
  await appReady(page);
  assert.equal(await page.locator(".session-row").count(), 11);
  await notice(page, "Your latest change to your session history is not saved yet").waitFor();

  // Room again: saved within half a minute, and said; the tab's copy gone.
  await page.evaluate(() => sessionStorage.removeItem("e2e:full"));
  await page.clock.runFor(31_000);
  await notice(page, "Saved now that there is room again: your session history.").waitFor();
  assert.equal(await notice(page, "Your latest change to your session history").count(), 0, "the warning is withdrawn");
  assert.equal(await history(), 11);
  assert.equal(await inTab(), 0);
});

test("corrupt and truncated records: the good ones load, the bad text is kept aside", async () => {
  const sessions = fixture.sessions();
  sessions[3].pain_before = "very high"; // one bad record among good ones
  const text = JSON.stringify({ schema: 2, saved_at: fixture.NOW, data: { records: sessions } });
  const truncated = fixture.storage()["steadyback:activities"].slice(0, 200);
  const { page } = await open("/progress", {
    seed: { ...fixture.storage(), "steadyback:sessions": text, "steadyback:activities": truncated },
  });
  await notice(page, "1 entry of your saved session history could not be read").waitFor();
  await notice(page, "Your saved activity log could not be read").waitFor();
  assert.equal(await page.locator(".session-row").count(), 9, "the nine good sessions");
  const quarantine = (await keys(page)).filter((k) => k.startsWith("steadyback:quarantine:"));
  assert.equal(quarantine.length, 2);
  const kept = await Promise.all(quarantine.map((k) => stored(page, k)));
  assert.ok(kept.includes(text) && kept.includes(truncated), "both texts kept exactly");
  // A new save writes the good records; the quarantined copies stay as they were.
  await page.goto("/activity");
  await logWalk(page);
  await page.getByText("Saved:").waitFor();
  assert.deepEqual(await Promise.all(quarantine.map((k) => stored(page, k))), kept);
});

test("data from a newer version is refused, never written over, and can be downloaded", async () => {
  const newer = JSON.stringify({ schema: 99, saved_at: 1, data: { records: [], future: true } });
  const { page } = await open("/activity", {
    seed: { ...fixture.storage(), "steadyback:activities": newer },
  });
  const warning = notice(page, "Your saved activity log can't be used");
  await warning.waitFor();
  await logWalk(page);
  await notice(page, "was not saved").waitFor();
  assert.equal(await stored(page, "steadyback:activities"), newer, "left exactly as it was");
  const { name, text } = await download(page, () =>
    warning.getByRole("button", { name: "Download stored data" }).click(),
  );
  assert.equal(name, "steadyback-stored-data-2026-11-20.json");
  assert.equal(JSON.parse(text)["steadyback:activities"], newer);
});

test("schema 1 records are migrated, their old text kept until the new one is saved", async () => {
  // As the app of the player issue wrote them: no pain, no time-zone offset.
  const v1 = JSON.stringify({
    schema: 1,
    saved_at: fixture.NOW,
    data: {
      records: [
        {
          routine_id: "gentle-start",
          routine_name: "A gentle start",
          started_at: fixture.NOW - 86_400_000,
          ended_at: fixture.NOW - 86_400_000 + 340_000,
          active_secs: 336,
          exercises: [
            { exercise: "pelvic-tilt", sets_planned: 1, sets_done: 1, reps_planned: 5, reps_done: 5, skipped: false, work_secs: 30 },
          ],
        },
      ],
    },
  });
  const { page } = await open("/progress", { seed: { "steadyback:sessions": v1 } });
  await page.locator(".session-row", { hasText: "A gentle start" }).waitFor();
  const now = await storedSessions(page);
  assert.equal(now.schema, 5);
  assert.equal(now.records[0].routine_id, "gentle-start");
  assert.equal(now.records[0].exercises[0].reps_done, 5);
  assert.equal(await stored(page, "steadyback:backup:sessions:schema-1"), null, "copy removed once saved");
});

test("two tabs: a change in one shows in the other, and both tabs' writes are kept", async () => {
  const { app, page: a } = await open("/activity", { seed: fixture.storage() });
  const b = await app.context.newPage();
  await b.goto("/activity");
  await appReady(b);
  await logWalk(a, "41");
  await b.locator(".activity-list", { hasText: "Walk · 41 minutes" }).waitFor();

  // Tab B stops hearing about tab A's writes, then both log something.
  await b.evaluate(() => window.addEventListener("storage", (e) => e.stopImmediatePropagation(), true));
  await logWalk(a, "42");
  await a.getByText("Saved:").waitFor();
  await logWalk(b, "43");
  await b.getByText("Saved:").waitFor();
  const records = JSON.parse(await stored(a, "steadyback:activities")).data.records;
  const minutes = records.map((r) => r.minutes);
  for (const m of [41, 42, 43]) assert.ok(minutes.includes(m), `${m} kept`);
  await b.locator(".activity-list", { hasText: "Walk · 42 minutes" }).waitFor();
  await b.close();
});

test("two tabs: what one deletes, the other does not write back", async () => {
  const { app, page: a } = await open("/settings", { seed: fixture.storage() });
  const b = await app.context.newPage();
  await b.goto("/activity");
  await appReady(b);
  await b.locator(".activity-list li").first().waitFor();
  await a.getByRole("button", { name: "Delete all my data" }).click();
  await a.getByRole("button", { name: "Delete everything" }).click();
  await a.getByRole("heading", { level: 1, name: /Welcome/ }).waitFor();
  // The other tab starts afresh too.
  await b.getByRole("heading", { level: 1, name: /Welcome/ }).waitFor();
  // The check answered (in tab A: tab B hears of it), then a walk logged in tab B.
  await a.evaluate((check) => localStorage.setItem("steadyback:safety-check", check), CLEAR_CHECK);
  await expectHeading(b, "Log activity");
  assert.equal(await b.locator(".activity-list li").count(), 0, "tab B holds nothing from before");
  await logWalk(b, "17");
  await b.getByText("Saved:").waitFor();
  const records = JSON.parse(await stored(a, "steadyback:activities")).data.records;
  assert.deepEqual(records.map((r) => r.minutes), [17], "only the new walk, none from before the deletion");
  assert.equal(await stored(a, "steadyback:sessions"), null);
  assert.deepEqual((await storedSessions(a)).records, [], "no year of sessions left either");
  await b.close();
});

test("a write that reads back differently is reported", async () => {
  const { page } = await open("/activity", { seed: fixture.storage() });
  await page.evaluate(() => {
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = function (key) {
      const value = getItem.call(this, key);
      return key === "steadyback:activities" && value ? value.slice(0, -3) : value;
    };
  });
  await logWalk(page);
  await notice(page, "what was read back differs from what was written").waitFor();
});

test("a reload mid-session keeps everything recorded before and resumes the session", async () => {
  const { page } = await open("/session/gentle-start", { seed: fixture.storage(), pause: true });
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await page.clock.runFor(32_000); // mid-step, away from a boundary
  const step = await page.locator("section.player").getAttribute("data-step");
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator("section.player").getAttribute("data-step"), step);
  await page.goto("/progress");
  await appReady(page);
  assert.equal(await page.locator(".session-row").count(), 10, "history untouched");
});

test("a download whose code can't be fetched says so, breaks nothing, and works once it can", async () => {
  const { app, page } = await open("/settings", { seed: fixture.storage() });
  // The downloads are a piece fetched on the first one (piece! in src/ui/mod.rs): the
  // connection drops just then.
  let offline = true;
  await app.context.route(/split_downloads_piece-\w+\.wasm$/, (route) => (offline ? route.abort("internetdisconnected") : route.continue()));
  app.allowErrors(/downloads_piece|ERR_INTERNET_DISCONNECTED|Failed to fetch|SplitLoaderError/);
  await page.getByRole("button", { name: "Download a backup", exact: true }).click();
  await notice(page, "The file could not be made: part of the app could not be fetched.").waitFor();
  // Nothing else stopped: the app still answers.
  await page.getByRole("link", { name: "Today" }).click();
  await expectHeading(page, "Today");
  await page.getByRole("link", { name: "Settings" }).click();
  await expectHeading(page, "Settings");
  offline = false;
  const backup = await download(page, () =>
    page.getByRole("button", { name: "Download a backup", exact: true }).click(),
  );
  assert.equal(JSON.parse(backup.text).data.sessions.records.length, 10, "the next tap makes the file");
});

test("backup, spreadsheet, import with preview, merge or replace, and undo", async () => {
  const { page } = await open("/settings", { seed: fixture.storage() });
  const backup = await download(page, () =>
    page.getByRole("button", { name: "Download a backup", exact: true }).click(),
  );
  assert.equal(backup.name, "steadyback-backup-2026-11-20.json");
  const parsed = JSON.parse(backup.text);
  assert.equal(parsed.app, "steadyback");
  assert.equal(parsed.data.sessions.records.length, 10);
  await page.getByText("Last backup: Friday 20 November 2026.").waitFor();

  const csv = await download(page, () =>
    page.getByRole("button", { name: "Download as a spreadsheet" }).click(),
  );
  assert.equal(csv.name, "steadyback-2026-11-20.csv");
  assert.equal(csv.text.charCodeAt(0), 0xfeff, "a UTF-8 byte-order mark, for spreadsheets");
  const lines = csv.text.trim().split(/\r?\n/);
  assert.match(lines[0], /^type,date,time,what,minutes,pain_before,pain_after,note$/);
  assert.equal(lines.length, 1 + 10 + 16);

  // Not a backup: a clear message, nothing changed.
  const picker = page.getByLabel("Restore from a backup file");
  await picker.setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{oops") });
  await page.getByRole("alert").waitFor();

  // A backup with two bad records and a new session: preview, then merge.
  const edited = JSON.parse(backup.text);
  edited.data.activities.records[0].minutes = 9000;
  edited.data.sessions.records[0].p = 12; // pain after (the compact form: harness.named)
  const extra = { ...edited.data.sessions.records[9], s: fixture.NOW - 3_600_000, e: 800_000 };
  edited.data.sessions.records.push(extra);
  edited.data.unknown_field = "ignored";
  await picker.setInputFiles({ name: backup.name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(edited)) });
  const preview = page.getByRole("region", { name: "In this backup" });
  await preview.waitFor();
  const summary = await preview.locator(".import-summary").textContent();
  assert.match(summary, /10 sessions/);
  assert.match(summary, /15 activities/);
  assert.match(summary, /2 records invalid, skipped/);
  await preview.getByRole("button", { name: "Import" }).click();
  await page.getByText("Imported and merged").waitFor();
  const merged = (await storedSessions(page)).records;
  assert.equal(merged.length, 11, "the new session added, the bad one's original kept");
  assert.ok(await stored(page, "steadyback:backup:before-import"));

  // Undo brings back exactly what was there.
  await page.getByRole("button", { name: "Undo the last import" }).click();
  await page.getByText("Undone").waitFor();
  assert.equal((await storedSessions(page)).records.length, 10);

  // Replace: the backup's data and nothing else.
  const small = JSON.parse(backup.text);
  small.data.sessions.records = small.data.sessions.records.slice(0, 2);
  await picker.setInputFiles({ name: "small.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(small)) });
  await preview.waitFor();
  await preview.getByRole("radio", { name: "Replace what is here" }).check();
  await preview.getByRole("button", { name: "Import" }).click();
  await page.getByText("Imported: the backup replaced").waitFor();
  assert.equal((await storedSessions(page)).records.length, 2);
});

test("Settings says how the browser keeps the data and how much is used", async () => {
  const { page } = await open("/settings", { seed: fixture.storage() });
  // A fresh headless Chromium profile has not been granted persistent storage: the
  // page must say so, and offer to ask.
  assert.equal(await page.evaluate(() => navigator.storage.persisted()), false);
  await page.getByText("Not protected yet:").waitFor();
  assert.equal(await page.getByText(/Kept safe:|can't say whether/).count(), 0);
  // Measured in characters against the app's own estimate of a browser's room.
  const used = await page.evaluate(() =>
    Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));
  const line = page.getByText(/What this site keeps here takes .* % of the 5 million a browser keeps for a site \(the app's own estimate/);
  await line.waitFor();
  const thousands = Math.round(used / 1000);
  assert.match(await line.textContent(), new RegExp(`takes about ${thousands},000 characters: 0 %`));
  await page.getByText("7 days without a visit").waitFor();
  // No session is two years old: nothing to make room with.
  assert.equal(await page.getByRole("heading", { name: "Make room" }).count(), 0);
});

/** A session every `step` days for `days` days before `now`, with named fields (schema 3). */
function sessionsEvery(step, days, now) {
  const records = [];
  for (let d = days; d >= 1; d -= step) {
    const started = now - d * 86_400_000;
    records.push({
      routine_id: "gentle-start", routine_name: "A gentle start", started_at: started, salt: d,
      ended_at: started + 700_000, active_secs: 600, tz_offset_min: 0, pain_before: 4,
      pain_after: 2 + (d % 3), hurts: [], after_check: null, updated_at: started + 700_000,
      exercises: [{ exercise: "bridge", sets_planned: 2, sets_done: 2, reps_planned: 10, reps_done: 10, skipped: false, work_secs: 120 }],
    });
  }
  return JSON.stringify({ schema: 3, saved_at: now - 86_400_000, data: { records, deleted: [] } });
}

test("storage past 80 %: Today says so; making room keeps 2 years whole and older weeks as totals", async () => {
  // Three years of a session every 4 days, and another app's data on the same site
  // taking most of the room.
  const seed = { ...fixture.storage(), "steadyback:sessions": sessionsEvery(4, 3 * 365, fixture.NOW), "other-app:cache": "x".repeat(4_100_000) };
  const { app, page } = await open("/", { seed });
  const all = (await storedSessions(page)).records;
  assert.equal(all.length, 274);
  const card = page.locator("section.room-card");
  await card.getByRole("heading", { name: "Storage is getting full" }).waitFor();
  assert.match(await card.textContent(), /about 8\d % full\. Nothing is lost\./);

  // "Not now" hides it for this visit.
  await card.getByRole("button", { name: "Not now" }).click();
  await card.waitFor({ state: "detached" });
  await page.reload();
  await appReady(page);
  await card.getByRole("link", { name: "Make room" }).click();
  await expectHeading(page, "Settings");
  const room = page.locator("#room");
  await room.getByRole("heading", { name: "Make room" }).waitFor();
  // The fixture's now is Friday 20 November 2026: two years back is a Wednesday, whose
  // week starts on Monday 18 November 2024.
  const cutoff = Date.UTC(2024, 10, 18);
  const older = all.filter((r) => r.started_at < cutoff).length;
  assert.ok(older > 80 && older < 100, `${older}`);
  assert.match(await room.textContent(), new RegExp(`the ${older} sessions from before Monday 18 November 2024`));
  assert.ok(await room.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }), "in view");

  // A backup is offered first, and holds every session.
  const { text } = await download(page, () => room.getByRole("button", { name: "Download a backup" }).click());
  assert.equal(JSON.parse(text).data.sessions.records.length, all.length);
  // Asked once more; Cancel changes nothing.
  await room.getByRole("button", { name: "Keep the last 2 years" }).click();
  await room.getByRole("region", { name: "Keep only the last 2 years?" }).getByText(`${older} older sessions will be kept on this device only as weekly totals.`).waitFor();
  await room.getByRole("button", { name: "Cancel" }).click();
  assert.equal((await storedSessions(page)).records.length, all.length);
  await room.getByRole("button", { name: "Keep the last 2 years" }).click();
  await room.getByRole("button", { name: "Yes, keep the last 2 years" }).click();
  await room.locator('[role="status"]', { hasText: `Done: ${older} sessions are now kept as weekly totals.` }).waitFor();
  await room.getByRole("heading", { name: "Make room" }).waitFor({ state: "detached" });

  // Stored: the last two years whole, the older weeks as totals, no year left empty.
  const kept = (await storedSessions(page)).records;
  assert.equal(kept.length, all.length - older);
  assert.ok(kept.every((r) => r.started_at >= cutoff));
  const own = JSON.parse(await stored(page, "steadyback:sessions"));
  assert.equal(own.schema, 5);
  assert.equal(own.data.kept_from, cutoff);
  // Each week a line: Monday, sessions, seconds, pain before (sum, count), after.
  const weeks = own.data.older.split(";").map((line) => {
    const [w, n, a] = line.split(" ");
    return { w, n: Number(n), a: Number(a) };
  });
  assert.equal(weeks.reduce((n, w) => n + w.n, 0), older);
  assert.ok(weeks.every((w) => w.w < "2024-11-18" && w.a === 600 * w.n), JSON.stringify(weeks.slice(0, 3)));
  assert.ok(!(await keys(page)).includes("steadyback:sessions:2023"), "the years now empty are removed");

  // Progress says where they went; the count of sessions in all still has them.
  await page.goto("/progress");
  await page.getByText(`${older} sessions from before Monday 18 November 2024 are kept only as weekly totals`).waitFor();
  await page.goto("/progress/summary");
  await page.getByText(`${all.length} guided sessions in all`).waitFor();
  assert.deepEqual(app.errors, []);
});

test("after 10 sessions without a backup, Today reminds; 'Not now' puts it off", async () => {
  const { page } = await open("/", { seed: fixture.storage() });
  const reminder = page.getByRole("heading", { name: "Time for a backup" });
  await reminder.waitFor();
  await page.locator("section.backup-reminder").getByRole("button", { name: "Not now" }).click();
  await reminder.waitFor({ state: "detached" });
  await page.reload();
  await appReady(page);
  await expectHeading(page, "Today");
  assert.equal(await reminder.count(), 0, "put off until 10 more sessions or 30 days");
});

test("delete all data: offered a backup first, then everything goes", async () => {
  const { page } = await open("/settings", { seed: { ...fixture.storage(), "other-app:keep": "1" } });
  await page.getByRole("button", { name: "Delete all my data" }).click();
  await page.getByRole("heading", { name: "Delete everything?" }).waitFor();
  const offered = await download(page, () =>
    page.getByRole("button", { name: "Download a backup first" }).click(),
  );
  assert.equal(JSON.parse(offered.text).data.sessions.records.length, 10);
  await page.getByRole("button", { name: "Delete everything" }).click();
  // The app starts afresh with the safety check.
  await page.getByRole("heading", { level: 1, name: /Welcome/ }).waitFor();
  const left = await keys(page);
  assert.ok(
    left.every((k) => k === "steadyback:safety-check" || k === "steadyback:cleared"),
    `only what the check saves, and the mark that tells other tabs: ${left}`,
  );
  assert.match(await stored(page, "steadyback:cleared"), /^\d+$/);
  assert.equal(await stored(page, "other-app:keep"), "1", "other apps' data is left alone");
  void CLEAR_CHECK;
});
