// Own routines: made in the editor, kept as a draft through a reload, played to the end
// and seen on Progress; shared as a link and a QR code (read back from a screenshot),
// opened offline in another profile, previewed and added; bad links refused with nothing
// stored; calendar reminders parsed by a real iCalendar parser.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import jsQR from "jsqr";
import ICAL from "ical.js";
import { test, start, appReady, appStarted, expectHeading, pixelsOf, storedSessions } from "./harness.mjs";


const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const NAME = "My physio's routine";
const stored = (page, key) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), key);
const items = (page) => page.locator("li.editor-item h3").allTextContents();

/** Sets a number of the `n`th exercise in the editor and leaves the field. */
async function setNumber(page, n, label, value) {
  const input = page.locator("li.editor-item").nth(n).getByLabel(label, { exact: true });
  await input.fill(String(value));
  await input.blur();
}

/** The QR code on the page, as pixels read back from a screenshot of it. */
async function readQr(app, page) {
  const png = await page.locator(".qr").screenshot();
  const pixels = await pixelsOf(app.context, png);
  return jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height)?.data;
}

test("a routine made, reordered, kept through a reload, played to the end and on Progress", async () => {
  const app = await start({});
  const page = await app.page();
  await page.clock.install({ time: T0 });
  await page.clock.resume();
  await page.goto("/routines");
  await appReady(page);
  await page.getByRole("link", { name: "New routine" }).click();
  await expectHeading(page, "New routine");
  await page.getByLabel("Name").fill(NAME);
  await page.getByLabel("Search the library").fill("bridge");
  await page.getByRole("button", { name: "Add Bridge" }).click();
  await page.getByLabel("Search the library").fill("pelvic");
  await page.getByRole("button", { name: "Add Pelvic tilt" }).click();
  assert.deepEqual(await items(page), ["Bridge", "Pelvic tilt"]);
  await page.getByRole("button", { name: "Move up: Pelvic tilt" }).click();
  assert.deepEqual(await items(page), ["Pelvic tilt", "Bridge"]);
  // The focus stays with the exercise moved (now first: its "Move down"), set once the
  // list is drawn again: waited for, up to the usual timeout, then checked.
  const focused = () => document.activeElement?.getAttribute("aria-label");
  await page.waitForFunction((label) => document.activeElement?.getAttribute("aria-label") === label, "Move down: Pelvic tilt").catch(() => {});
  assert.equal(await page.evaluate(focused), "Move down: Pelvic tilt");

  // More than the source suggests is allowed, and said; past the app's cap, refused.
  await setNumber(page, 0, "Reps", 40);
  await page.locator("li.editor-item").nth(0).getByText("more than the source suggests").waitFor();
  await setNumber(page, 0, "Sets", 99);
  await page.locator("li.editor-item").nth(0).getByText("Enter a whole number from 1 to 20.").waitFor();
  await page.getByRole("button", { name: "Save routine" }).click();
  await page.getByRole("alert").filter({ hasText: "Sets must be from 1 to 20" }).waitFor();
  // Not a whole number: said at the field, and Save waits for it.
  await setNumber(page, 1, "Sets", "2.5");
  await page.locator("li.editor-item").nth(1).getByText("Enter a whole number from 1 to 20.").waitFor();
  await page.getByRole("button", { name: "Save routine" }).click();
  await page.getByRole("alert").filter({ hasText: "Some numbers are not whole numbers" }).waitFor();
  // Short, so it plays quickly.
  for (const n of [0, 1]) {
    await setNumber(page, n, "Sets", 1);
    await setNumber(page, n, "Reps", 1);
  }
  const minutes = await page.locator(".routine-editor .meta").textContent();
  assert.match(minutes, /2 exercises · about \d+ minutes?/);

  // A reload keeps the unsaved changes.
  await page.reload();
  await appReady(page);
  await page.getByText("Your unsaved changes from before are back.").waitFor();
  assert.equal(await page.getByLabel("Name").inputValue(), NAME);
  assert.deepEqual(await items(page), ["Pelvic tilt", "Bridge"]);

  // Leaving by a link asks first; "Cancel" stays.
  page.once("dialog", (d) => d.dismiss());
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" }).click();
  await expectHeading(page, "New routine");

  await page.getByRole("button", { name: "Save routine" }).click();
  await expectHeading(page, NAME);
  assert.deepEqual((await stored(page, "steadyback:routine-drafts")).data.drafts, [], "the draft is gone");
  const saved = (await stored(page, "steadyback:routines")).data.records;
  assert.equal(saved.length, 1);
  assert.deepEqual(saved[0].items.map((i) => i.exercise), ["pelvic-tilt", "bridge"]);

  // Pinned, it is Today's routine.
  await page.getByRole("button", { name: "Pin it on Today" }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Today" }).click();
  await expectHeading(page, "Today");
  await page.locator("section.suggested").getByRole("heading", { name: NAME }).waitFor();
  await page.locator("section.suggested").getByText("pinned by you").waitFor();

  // Played to the end like a built-in routine.
  await page.locator("section.suggested").getByRole("link", { name: "Start" }).click();
  await page.getByRole("button", { name: "Start", exact: true }).click();
  const done = page.getByRole("heading", { name: "Well done" });
  for (let i = 0; i < 60 && (await done.count()) === 0; i++) await page.clock.runFor(5_000);
  await done.waitFor();
  const sessions = (await storedSessions(page)).records;
  assert.equal(sessions.at(-1).routine_name, NAME);
  assert.match(sessions.at(-1).routine_id, /^own:/);
  await page.goto("/progress");
  await appReady(page);
  await page.locator("main").getByText(NAME).first().waitFor();
  await page.goto("/progress/summary");
  await appReady(page);
  await page.getByRole("rowheader", { name: `${NAME} (own routine)` }).waitFor();
  await page.locator("main li", { hasText: "Pelvic tilt" }).filter({ hasText: NAME }).waitFor();

  // An exercise set aside later: the editor and the routine's page say it is skipped.
  const own = `/routines/${sessions.at(-1).routine_id}`;
  await page.goto("/exercise/pelvic-tilt");
  await appReady(page);
  await page.getByRole("button", { name: "set it aside" }).click();
  await page.goto(`${own}/edit`);
  await appReady(page);
  await page.locator("li.editor-item", { hasText: "Pelvic tilt" }).getByText("it is skipped when the routine plays").waitFor();
  await page.goto(own);
  await appReady(page);
  await page.getByText("it is skipped when the routine plays").waitFor();

  // Deleted: gone from the list and no longer pinned.
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Delete it" }).click();
  await expectHeading(page, "Routines");
  assert.equal(await page.getByRole("link", { name: NAME }).count(), 0);
  const left = (await stored(page, "steadyback:routines")).data;
  assert.equal(left.records.length, 0);
  assert.equal(left.deleted.length, 1, "a tombstone keeps it deleted in other tabs");
  assert.equal(left.pinned.routine, null);
  assert.deepEqual(app.errors, []);
});

test("shared as a link and a QR code; opened offline elsewhere after the safety check, previewed, added and played", async () => {
  const app = await start({});
  await app.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
  const page = await app.page();
  await page.goto("/routines/gentle-start");
  await appReady(page);
  const link = await page.getByLabel("Link", { exact: true }).inputValue();
  assert.ok(link.startsWith(`${app.url.replace(/\/$/, "")}/shared#1.`), link);
  assert.ok(link.length < 300, `${link.length} characters`);
  // No share sheet in headless Chromium: the button copies.
  await page.getByRole("button", { name: "Copy link" }).click();
  await page.getByText("Link copied.").waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.equal(await readQr(app, page), link, "the QR code reads back as the link");
  const path = link.slice(app.url.replace(/\/$/, "").length);

  // Someone else: a new profile, the app opened once online, then offline.
  const friend = await start({ firstRun: true });
  const other = await friend.page();
  await other.goto("/");
  await appStarted(other);
  await other.evaluate(() => navigator.serviceWorker.ready);
  await other.reload();
  await appStarted(other);
  await other.evaluate(() => navigator.serviceWorker.controller !== null).then((c) => assert.ok(c, "controlled"));
  await friend.context.setOffline(true);
  await other.goto(path);
  await appStarted(other);
  // The safety check comes first, then the preview.
  await other.getByRole("heading", { level: 1, name: "Welcome to Steadyback" }).waitFor();
  await other.getByRole("button", { name: "Continue" }).click();
  await expectHeading(other, "Shared routine");
  await other.getByRole("heading", { name: "A gentle start" }).waitFor();
  await other.getByText("Steadyback did not make it").waitFor();
  assert.equal(await other.evaluate(() => localStorage.getItem("steadyback:routines")), null, "nothing kept before agreeing");
  await other.getByRole("button", { name: "Add to my routines" }).click();
  await expectHeading(other, "A gentle start");
  const added = (await stored(other, "steadyback:routines")).data.records;
  assert.equal(added.length, 1);
  await other.getByRole("link", { name: "Play" }).click();
  await other.getByRole("button", { name: "Start", exact: true }).waitFor();
  assert.deepEqual(friend.errors, []);
  assert.deepEqual(app.errors, []);
});

test("bad links say what is wrong and store nothing", async () => {
  const app = await start({});
  const page = await app.page();
  const cases = [
    ["#hello", "does not hold a routine"],
    ["#1.Mine.bridge*1*1", "does not hold a routine"],
    ["#7.Mine.bridge*1*10*5*5*30", "newer version of Steadyback"],
    ["#1.Mine.no-such-move*1*1*1*1*1", "does not have (\"no-such-move\")"],
    ["#1.Mine.bridge*1*500*5*5*30", "Reps must be from 1 to 100"],
    [`#1.Mine${".bridge*1*10*5*5*30".repeat(31)}`, "more than 30 exercises"],
    [`#1.${"a".repeat(4200)}.bridge*1*10*5*5*30`, "over 4 KB"],
  ];
  for (const [fragment, says] of cases) {
    await page.goto(`/shared${fragment}`);
    await appReady(page);
    await expectHeading(page, "This link can't be used");
    const alert = await page.getByRole("alert").textContent();
    assert.ok(alert.includes(says), `${fragment.slice(0, 40)}: ${alert}`);
    assert.equal(await page.evaluate(() => localStorage.getItem("steadyback:routines")), null);
  }
  assert.deepEqual(app.errors, []);
});

test("a calendar reminder: the days and time chosen, every week, for the next 4 weeks", async () => {
  // On a Thursday, whatever day the suite runs: the first reminder is Saturday's.
  const app = await start({ timezoneId: "Europe/London", now: Date.UTC(2026, 10, 19, 12, 0) });
  const page = await app.page();
  await page.goto("/routines/desk-break");
  await appReady(page);
  const form = page.locator("form.reminder-form");
  // The form starts at Mon, Wed, Fri: make it Tue and Sat at 18:15.
  for (const day of ["Monday", "Wednesday", "Friday"]) await form.getByLabel(day).uncheck();
  for (const day of ["Tuesday", "Saturday"]) await form.getByLabel(day).check();
  await form.getByLabel("Time").fill("18:15");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    form.getByRole("button", { name: "Download reminder" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^steadyback-desk-break\.ics$/);
  const text = readFileSync(await download.path(), "utf8");
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent"));
  assert.equal(event.summary, "Steadyback: Desk break");
  assert.ok(event.description.includes("/session/desk-break"));
  assert.ok(calendar.getFirstSubcomponent("vevent").getFirstSubcomponent("valarm"), "an alarm");
  const it = event.iterator();
  const seen = [];
  for (let next = it.next(); next && seen.length < 8; next = it.next()) seen.push(next);
  // Saturdays (7) and Tuesdays (3) in ical.js's numbering, Sunday first, from the next
  // chosen day after that Thursday.
  assert.deepEqual(seen.map((t) => t.dayOfWeek()), [7, 3, 7, 3, 7, 3, 7, 3]);
  assert.deepEqual([seen[0].year, seen[0].month, seen[0].day], [2026, 11, 21], "Saturday 21 November");
  for (const t of seen) assert.deepEqual([t.hour, t.minute, t.isDate], [18, 15, false]);
  const first = seen[0].toJSDate();
  const weeks = (seen.at(-1).toJSDate() - first) / (7 * 86_400_000);
  assert.ok(weeks > 3 && weeks < 4, `${weeks} weeks`);
  // An empty choice is refused in words.
  for (const day of ["Tuesday", "Saturday"]) await form.getByLabel(day).uncheck();
  await form.getByRole("button", { name: "Download reminder" }).click();
  await form.getByRole("alert").filter({ hasText: "Choose at least one day." }).waitFor();
  assert.deepEqual(app.errors, []);
});
