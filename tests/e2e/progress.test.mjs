// Pain, activity and the weekly goal, with Playwright's fake clock: pain before and after
// a fast-forwarded session, "It hurts" with 8, a logged walk moving the weekly total, and
// the check 20 minutes after a session that ended with more pain.
import assert from "node:assert/strict";
import { test, useApp, appReady, expectHeading, storedSessions } from "./harness.mjs";

const T0 = Date.UTC(2026, 10, 18, 9, 0, 0); // a Wednesday
const s = useApp({ timezoneId: "Europe/London" }, async ({ page }) => {
  // Time moves only when a test says so.
  await page.clock.install({ time: T0 });
  await page.clock.pauseAt(T0 + 1000);
});

const stored = (key) =>
  s.page.evaluate((k) => JSON.parse(localStorage.getItem(k))?.data ?? null, key);

/** Opens `path` with no history: everything but the safety check removed. */
async function openFresh(path) {
  await s.page.goto("/settings");
  await appReady(s.page);
  await s.page.evaluate(() => {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith("steadyback:") && key !== "steadyback:safety-check") {
        localStorage.removeItem(key);
      }
    }
  });
  await s.page.goto(path);
  await appReady(s.page);
}

const scale = (question) => s.page.getByRole("group", { name: question });
const pick = (question, n) =>
  scale(question).getByRole("button", { name: String(n), exact: true }).click();

/** Runs the fake clock until the session's summary shows. */
async function playToEnd() {
  const end = s.page.getByRole("heading", { level: 2, name: /Well done|Session ended/ });
  for (let i = 0; i < 200 && (await end.count()) === 0; i++) {
    await s.page.clock.runFor(5000);
  }
  await end.waitFor();
}

test("pain before and after a session is kept and shown on Progress", async () => {
  await openFresh("/session/exercise:pelvic-tilt");
  const before = "How is your back pain right now?";
  await pick(before, 5);
  assert.equal(
    await scale(before).getByRole("button", { name: "5", exact: true }).getAttribute("aria-pressed"),
    "true",
  );
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  await playToEnd();
  await pick("How is your back pain now?", 3);
  await s.page.getByText("Thanks. Your answers build up").waitFor();

  const log = await storedSessions(s.page);
  assert.equal(log.records.length, 1);
  assert.equal(log.records[0].pain_before, 5);
  assert.equal(log.records[0].pain_after, 3);
  assert.equal(log.records[0].tz_offset_min, 0, "London is on UTC in November");

  await s.page.goto("/progress");
  await expectHeading(s.page, "Progress");
  const row = s.page.locator(".session-row").first();
  assert.match(await row.textContent(), /Pelvic tilt.*pain 5 → 3/);
  await row.click();
  await expectHeading(s.page, "Session");
  await s.page.getByText("5 → 3").waitFor();
  const chart = s.page.getByRole("img", { name: /Average pain/ });
  await s.page.goto("/progress");
  await chart.waitFor();
});

/**
 * Runs the clock past the first get-ready, into the first exercise (its length depends on
 * the words said while getting ready: "It hurts" there would be about no exercise yet).
 */
async function pastGetReady() {
  for (let i = 0; i < 60 && (await s.page.locator(".phase").textContent()) === "Get ready"; i++) {
    await s.page.clock.runFor(1000);
  }
  assert.notEqual(await s.page.locator(".phase").textContent(), "Get ready");
}

/** Starts the gentle start and says "It hurts" with `rating` in the pelvic tilt. */
async function hurtInPelvicTilt(rating) {
  await openFresh("/session/gentle-start");
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  await pastGetReady();
  assert.equal(await s.page.locator(".exercise-name").textContent(), "Pelvic tilt");
  await s.page.getByRole("button", { name: "It hurts" }).click();
  await pick("How bad is the pain now?", rating);
  await s.page.getByRole("heading", { name: "Stop this exercise" }).waitFor();
}

test("'It hurts' with 8: ending the session comes first, then the pain question", async () => {
  await hurtInPelvicTilt(8);
  assert.equal(await s.page.getByRole("link", { name: "When to get help" }).count(), 1);
  const end = s.page.getByRole("button", { name: "End the session" });
  await s.page.waitForFunction(() => document.activeElement?.textContent === "End the session");
  const actions = await s.page.locator(".hurt-panel .actions button").allTextContents();
  assert.deepEqual(
    actions,
    ["End the session", "Try a different exercise instead"],
    "ending is the main, first action; another exercise is the second",
  );
  assert.equal(await end.getAttribute("class"), null, "the main button's look");
  await end.click();
  await s.page.getByRole("heading", { level: 2, name: "Session ended" }).waitFor();
  await scale("How is your back pain now?").waitFor();
  assert.match(
    await s.page.locator(".summary").textContent(),
    /You stopped Pelvic tilt with pain of 8 out of 10/,
  );
  await s.page.locator(".summary").getByRole("link", { name: "When to get help" }).waitFor();
});

test("'It hurts' with 8 stops the exercise; another can be tried, never the stopped one", async () => {
  await hurtInPelvicTilt(8);
  // Paused while the person decides: the clock moving changes nothing.
  await s.page.clock.runFor(60_000);
  await s.page.getByRole("button", { name: "Try a different exercise instead" }).click();
  await s.page.locator(".exercise-name", { hasText: "Knee rolls" }).waitFor();
  assert.equal(await s.page.getByRole("button", { name: "Pause" }).count(), 1, "playing again");
  // Back, at the start of the knee rolls, does not return to the stopped pelvic tilt.
  await s.page.getByRole("button", { name: "Back" }).click();
  await s.page.clock.runFor(1000);
  assert.equal(await s.page.locator(".exercise-name").textContent(), "Knee rolls");

  // The stop is part of the session, not of the panel: after a reload mid-decision, the
  // session waits at the next exercise. (In the knee rolls themselves: in their
  // get-ready, the pain would be the pelvic tilt's, the exercise just played.)
  await pastGetReady();
  await s.page.getByRole("button", { name: "It hurts" }).click();
  await pick("How bad is the pain now?", 9);
  await s.page.getByRole("heading", { name: "Stop this exercise" }).waitFor();
  await s.page.reload();
  await appReady(s.page);
  await s.page.locator(".exercise-name", { hasText: "Double knee hug" }).waitFor();
  await s.page.getByRole("button", { name: "Resume" }).waitFor();

  await s.page.getByRole("button", { name: "Stop" }).click();
  await s.page.getByRole("button", { name: "End the session" }).click();
  await s.page.getByRole("heading", { level: 2, name: "Session ended" }).waitFor();
  const [record] = (await storedSessions(s.page)).records;
  assert.deepEqual(
    record.hurts.map((h) => [h.exercise, h.rating]),
    [["pelvic-tilt", 8], ["knee-rolls", 9]],
  );
  const tilt = record.exercises.find((e) => e.exercise === "pelvic-tilt");
  assert.ok(tilt.reps_done < tilt.reps_planned, "the exercise was stopped, not done");
  assert.ok(tilt.skipped);
  // The summary: the two stopped ones begun, the last one never reached.
  assert.deepEqual(await s.page.locator(".summary .summary-what").allTextContents(), ["started", "started", "not reached"]);
  assert.match(await s.page.locator(".summary > p").first().textContent(), /^A gentle start: \d+ (min|s)( \d+ s)? of exercise\.$/);
});

test("a logged 30-minute walk moves the weekly total; it can be edited, deleted and undone", async () => {
  await openFresh("/");
  const week = s.page.locator("section.week");
  assert.match(await week.textContent(), /0 of 150 minutes/);
  await week.getByRole("link", { name: "Log activity" }).click();
  await expectHeading(s.page, "Log activity");

  const minutes = s.page.getByLabel("Minutes");
  await minutes.fill("0");
  await s.page.getByRole("button", { name: "Save", exact: true }).click();
  assert.equal(await s.page.getByRole("alert").textContent(), "Enter at least 1 minute.");
  assert.equal(await minutes.inputValue(), "0", "what was typed stays");
  assert.equal(await s.page.getByLabel("Date").inputValue(), "2026-11-18", "today by default");

  await minutes.fill("30");
  await s.page.getByLabel("Note (optional)").fill("Along the canal");
  // The app's clock moves on every half minute; what is typed must stay.
  await s.page.clock.runFor(65_000);
  assert.equal(await minutes.inputValue(), "30");
  await s.page.getByRole("button", { name: "Save", exact: true }).click();
  await s.page.getByText("Saved: 30 minutes of walk on Wednesday 18 November.").waitFor();
  assert.equal(await minutes.inputValue(), "", "ready for the next one");
  const [walk] = (await stored("steadyback:activities")).records;
  assert.deepEqual(
    { day: walk.day, kind: walk.kind, minutes: walk.minutes, note: walk.note },
    { day: "2026-11-18", kind: "walk", minutes: 30, note: "Along the canal" },
  );

  await s.page.goto("/");
  await expectHeading(s.page, "Today");
  assert.match(await week.textContent(), /30 of 150 minutes/);
  assert.match(await week.textContent(), /120 minutes to go/);

  await s.page.goto("/activity");
  await s.page.getByRole("link", { name: /Edit walk on Wednesday 18 November/ }).click();
  await s.page.getByRole("heading", { name: "Edit activity" }).waitFor();
  assert.equal(await minutes.inputValue(), "30");
  await minutes.fill("45");
  await s.page.getByRole("button", { name: "Save changes" }).click();
  await s.page.locator(".activity-list", { hasText: "Walk · 45 minutes" }).waitFor();
  assert.equal((await stored("steadyback:activities")).records.length, 1, "edited, not added");

  await s.page.getByRole("link", { name: /Edit walk/ }).click();
  await s.page.getByRole("button", { name: "Delete" }).click();
  await s.page.getByText("Activity deleted.").waitFor();
  assert.equal((await stored("steadyback:activities")).records.length, 0);
  await s.page.getByRole("button", { name: "Undo" }).click();
  await s.page.locator(".activity-list", { hasText: "Walk · 45 minutes" }).waitFor();
  assert.equal((await stored("steadyback:activities")).records[0].id, walk.id);
});

test("20 minutes after a session that raised the pain, the app asks if it has settled", async () => {
  await openFresh("/session/exercise:pelvic-tilt");
  await pick("How is your back pain right now?", 2);
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  await playToEnd();
  await pick("How is your back pain now?", 5);
  await s.page.getByText(/higher than before you started/).waitFor();
  await s.page.getByRole("link", { name: "Back to Today" }).click();
  await expectHeading(s.page, "Today");
  const check = s.page.getByRole("heading", { name: "How is your pain now?" });
  await s.page.clock.runFor(19 * 60_000);
  assert.equal(await check.count(), 0, "not before 20 minutes");
  await s.page.clock.runFor(2 * 60_000);
  await check.waitFor();
  assert.match(
    await s.page.locator(".after-check").textContent(),
    /your pain went from 2 to 5 out of 10/,
  );

  await s.page.getByRole("button", { name: "Still hurting" }).click();
  await s.page.getByRole("heading", { name: "Set these exercises aside?" }).waitFor();
  // Nothing is saved until the choice is made: going elsewhere asks again.
  await s.page.goto("/progress");
  await expectHeading(s.page, "Progress");
  await check.waitFor();
  assert.equal((await storedSessions(s.page)).records[0].after_check, null);
  await s.page.getByRole("button", { name: "Still hurting" }).click();
  const tilt = s.page.getByRole("checkbox", { name: "Pelvic tilt" });
  assert.equal(await tilt.isChecked(), false, "nothing ticked: the person chooses");
  await tilt.check();
  await s.page.getByRole("button", { name: "Set aside the ticked ones" }).click();
  assert.equal(await check.count(), 0, "answered once");
  assert.deepEqual((await stored("steadyback:plan")).not_for_me, ["pelvic-tilt"]);
  assert.equal((await storedSessions(s.page)).records[0].after_check, "still_hurting");

  // Left out of the suggested routine, marked in the library, and restorable.
  assert.equal(await s.page.locator(".routine-exercises", { hasText: "Pelvic tilt" }).count(), 0);
  await s.page.goto("/library?q=pelvic");
  // The library draws its list just after its heading is painted: a frame of the clock.
  await expectHeading(s.page, "Library");
  await s.page.clock.runFor(200);
  await s.page.locator(".exercise-card", { hasText: "Not for me" }).waitFor();
  await s.page.goto("/exercise/pelvic-tilt");
  await s.page.getByRole("button", { name: "Bring it back" }).click();
  await s.page.getByRole("button", { name: "set it aside" }).waitFor();
  assert.deepEqual((await stored("steadyback:plan")).not_for_me, []);
  assert.deepEqual(s.app.errors, []);
});

test("a pain of 7 after a session, with no rating before, brings the 20-minute question that day only", async () => {
  await openFresh("/session/exercise:pelvic-tilt");
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  await playToEnd();
  await pick("How is your back pain now?", 7);
  await s.page.getByText(/That is a lot of pain.*ask you in 20 minutes/).waitFor();
  await s.page.getByRole("link", { name: "Back to Today" }).click();
  await expectHeading(s.page, "Today");
  const check = s.page.getByRole("heading", { name: "How is your pain now?" });
  await s.page.clock.runFor(21 * 60_000);
  await check.waitFor();
  assert.match(await s.page.locator(".after-check").textContent(), /your pain was 7 out of 10/);

  // Not answered by the end of the day: the next day it is not asked.
  const now = await s.page.evaluate(() => Date.now());
  const nextMorning = new Date(now);
  nextMorning.setUTCDate(nextMorning.getUTCDate() + 1);
  nextMorning.setUTCHours(8, 0, 0, 0);
  await s.page.clock.fastForward(nextMorning.getTime() - now);
  await s.page.clock.runFor(31_000); // the app's clock moves on every half minute
  await check.waitFor({ state: "detached" });
  await s.page.reload();
  await appReady(s.page);
  await expectHeading(s.page, "Today");
  assert.equal(await check.count(), 0);
  assert.equal((await storedSessions(s.page)).records[0].after_check, null, "dropped, not answered");
  assert.deepEqual(s.app.errors, []);
});

test("after 'It hurts', the 20-minute question ticks only the exercise that hurt", async () => {
  await openFresh("/session/gentle-start");
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  await pastGetReady();
  await s.page.getByRole("button", { name: "It hurts" }).click();
  await pick("How bad is the pain now?", 4);
  await s.page.getByRole("button", { name: "Carry on" }).click();
  await playToEnd();
  await s.page.getByRole("link", { name: "Back to Today" }).click();
  await expectHeading(s.page, "Today");
  await s.page.clock.runFor(21 * 60_000);
  await s.page.getByRole("heading", { name: "How is your pain now?" }).waitFor();
  assert.match(
    await s.page.locator(".after-check").textContent(),
    /During A gentle start you said it hurt, up to 4 out of 10/,
  );
  await s.page.getByRole("button", { name: "Still hurting" }).click();
  const boxes = s.page.getByRole("checkbox");
  assert.deepEqual(
    await boxes.evaluateAll((els) => els.map((e) => [e.labels[0].textContent.trim(), e.checked])),
    [["Pelvic tilt", true], ["Knee rolls", false], ["Double knee hug", false]],
  );
  await s.page.getByRole("button", { name: "Set aside the ticked ones" }).click();
  assert.deepEqual((await stored("steadyback:plan")).not_for_me, ["pelvic-tilt"]);
});
