// The guided session player with Playwright's fake clock: a whole routine played to the
// end with every step boundary checked to within 50 ms, pauses, a hidden page, a reload.
import assert from "node:assert/strict";
import { test, useApp, appReady, pageLoaded, storedSessions } from "./harness.mjs";

const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);
const s = useApp({}, async ({ app, page }) => {
  // Time moves only when a test says so.
  await page.clock.install({ time: T0 });
  await page.clock.pauseAt(T0 + 1000);
  // Record what is spoken, so cues can be counted.
  await app.context.addInitScript(() => {
    window.__spoken = [];
    const synth = window.speechSynthesis;
    if (synth) {
      const speak = synth.speak.bind(synth);
      synth.speak = (u) => {
        window.__spoken.push(u.text);
        speak(u);
      };
    }
  });
});

const player = () => s.page.locator("section.player");
const stepIndex = async () => Number(await player().getAttribute("data-step"));
const endsAt = async () => Number(await player().getAttribute("data-ends-at"));
const clockNow = () => s.page.evaluate(() => Date.now());
const spoken = () => s.page.evaluate(() => window.__spoken.slice());
const stored = (key) => s.page.evaluate((k) => JSON.parse(localStorage.getItem(k)), key);

async function openFresh(path) {
  await s.page.goto("/settings");
  await appReady(s.page);
  await s.page.evaluate(() => {
    for (const key of Object.keys(localStorage)) {
      if (key === "steadyback:session" || key.startsWith("steadyback:sessions")) localStorage.removeItem(key);
    }
  });
  await s.page.goto(path);
  await appReady(s.page);
}

/**
 * Plays the gentle start with nothing in the way until `untilMs` into it, and gives the
 * offset from its start at which each step began: the timeline an uninterrupted session
 * follows. Each test that compares against it measures its own, so it passes alone.
 */
async function uninterruptedBoundaries(untilMs) {
  await openFresh("/session/gentle-start");
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  const started = await clockNow();
  const boundaries = [{ at: 0, step: 0 }];
  const done = s.page.getByRole("heading", { name: "Well done" });
  while ((await done.count()) === 0) {
    const index = await stepIndex();
    const end = await endsAt();
    if (end - started > untilMs) break;
    await s.page.clock.runFor(end - (await clockNow()) + 1);
    boundaries.push({ at: end - started, step: index + 1 });
  }
  boundaries.push({ at: Infinity, step: Infinity });
  return boundaries;
}

test("the controls have accessible names, and the time is a timer", async () => {
  await openFresh("/");
  await s.page.getByRole("link", { name: "Start", exact: true }).click();
  await s.page.waitForURL("**/session/gentle-start");
  await pageLoaded(s.page);
  await s.page.getByRole("button", { name: "Start", exact: true }).waitFor();
  assert.equal(await s.page.getByRole("timer").count(), 1);
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  for (const name of ["Back", "Pause", "Skip", "Stop"]) {
    const button = s.page.getByRole("button", { name, exact: true });
    await button.waitFor();
    const box = await button.boundingBox();
    assert.ok(box.height >= 48 && box.width >= 48, `${name} is big enough for a thumb`);
  }
  await s.page.getByRole("button", { name: "Pause" }).click();
  await s.page.getByRole("button", { name: "Resume" }).waitFor();
  // The voice is on: it says the steps, the status line only what it does not say.
  assert.equal(await s.page.locator(".step-status").textContent(), "Paused.");
});

test("a whole routine plays to the end, each step boundary within 50 ms", async () => {
  await openFresh("/session/gentle-start");
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  const started = await clockNow();
  let steps = 0;
  const done = s.page.getByRole("heading", { name: "Well done" });
  while ((await done.count()) === 0) {
    const index = await stepIndex();
    const end = await endsAt();
    assert.ok(end > 0, `step ${index} is timed`);
    const now = await clockNow();
    await s.page.clock.runFor(end - now - 50);
    assert.equal(await stepIndex(), index, `50 ms before its end, step ${index} is still on`);
    await s.page.clock.runFor(100);
    if ((await done.count()) > 0) break;
    assert.equal(await stepIndex(), index + 1, `50 ms after its end, step ${index + 1} shows`);
    steps += 1;
  }
  assert.ok(steps > 20, `many steps played (${steps})`);
  const total = (await clockNow()) - started;
  assert.ok(total > 5 * 60_000 && total < 15 * 60_000, `5–15 minutes (${total} ms)`);

  const log = await storedSessions(s.page);
  assert.equal(log.schema, 5);
  const [record] = log.records;
  assert.ok(record.salt > 0, "a random part in its id, so two tabs never clash");
  assert.equal(record.routine_id, "gentle-start");
  assert.equal(record.started_at, started);
  assert.ok(Math.abs(record.active_secs * 1000 - total) <= 1000, "active time is the whole run");
  assert.deepEqual(
    record.exercises.map((e) => [e.exercise, e.skipped]),
    [
      ["pelvic-tilt", false],
      ["knee-rolls", false],
      ["double-knee-hug", false],
    ],
  );
  assert.ok(record.exercises.every((e) => e.sets_done === e.sets_planned && e.reps_done > 0));
  const inProgress = await stored("steadyback:session");
  assert.equal(inProgress.data.session, null, "nothing left in progress");
  assert.match(await s.page.locator(".summary").textContent(), /A gentle start: \d+ min( \d+ s)? of exercise/);
});

test("five minutes of pause are not counted", async () => {
  await openFresh("/session/gentle-start");
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  await s.page.clock.runFor(14_000);
  const index = await stepIndex();
  const left = (await endsAt()) - (await clockNow());
  await s.page.getByRole("button", { name: "Pause" }).click();
  await s.page.clock.runFor(5 * 60_000);
  assert.equal(await stepIndex(), index, "no step passes while paused");
  await s.page.getByRole("button", { name: "Resume" }).click();
  const leftAfter = (await endsAt()) - (await clockNow());
  assert.ok(Math.abs(leftAfter - left) <= 50, `same time left (${left} → ${leftAfter})`);
});

test("after three minutes hidden, the right step shows at once and missed cues stay silent", async () => {
  const boundaries = await uninterruptedBoundaries(5 * 60_000);
  await openFresh("/session/gentle-start");
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  const started = await clockNow();
  // On to the first hold (the knee rolls), and a second into it.
  for (let i = 0; i < 120 && (await s.page.locator(".phase").textContent()) !== "Hold"; i++) {
    await s.page.clock.runFor(1000);
  }
  assert.equal(await s.page.locator(".phase").textContent(), "Hold");
  await s.page.clock.runFor(1000);
  const before = (await spoken()).length;
  await s.page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  // A hidden page's timers barely run: jump three minutes, firing each due timer once.
  await s.page.clock.fastForward(180_000);
  await s.page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  const offset = (await clockNow()) - started;
  const expected = boundaries.filter((b) => b.at <= offset).at(-1);
  assert.equal(await stepIndex(), expected.step, `the step of the uninterrupted run at ${offset} ms`);
  const next = boundaries.find((b) => b.at > offset);
  const left = (await endsAt()) - (await clockNow());
  assert.ok(Math.abs(left - (next.at - offset)) <= 50, "and the same time left");
  // The figure is in the pose of that step at once.
  const phase = await s.page.locator(".phase").textContent();
  const figPhase = await s.page.locator(".player-figure").getAttribute("data-phase");
  if (["Get ready", "Rest", "Switch sides"].includes(phase)) assert.equal(figPhase, "start", phase);
  else assert.notEqual(figPhase, "start", phase);
  const newWords = (await spoken()).length - before;
  assert.ok(newWords <= 2, `missed cues are not replayed (${newWords} spoken)`);
});

test("a reload mid-session resumes at the right step and time", async () => {
  const boundaries = await uninterruptedBoundaries(60_000);
  await openFresh("/session/gentle-start");
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  const started = await clockNow();
  await s.page.clock.runFor(40_000);
  await s.page.reload();
  await appReady(s.page);
  await s.page.getByRole("button", { name: "Pause" }).waitFor();
  const offset = (await clockNow()) - started;
  const expected = boundaries.filter((b) => b.at <= offset).at(-1);
  assert.equal(await stepIndex(), expected.step);
  const next = boundaries.find((b) => b.at > offset);
  assert.ok(Math.abs((await endsAt()) - (await clockNow()) - (next.at - offset)) <= 50);
  // The browser keeps a reloaded page silent until a tap: the player says so.
  await s.page.getByRole("button", { name: "Tap to turn the sound back on" }).click();
  assert.equal(await s.page.getByRole("button", { name: "Tap to turn the sound back on" }).count(), 0);
});

test("a session left for over an hour is offered to finish or discard", async () => {
  await openFresh("/session/gentle-start");
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  await s.page.clock.runFor(30_000);
  // The session as saved when the person left: it ends at the last moment saved.
  const left = (await stored("steadyback:session")).data.session;
  const played = Math.round((left.last_seen - left.started_at) / 1000);
  assert.ok(played > 20 && played <= 30, `saved within the last few seconds (${played} s)`);
  await s.page.goto("/settings");
  await appReady(s.page);
  await s.page.clock.fastForward(61 * 60_000);
  await s.page.goto("/session/gentle-start");
  await s.page.getByRole("heading", { name: "You left a session over an hour ago" }).waitFor();
  await s.page.getByRole("button", { name: "Finish it" }).click();
  await s.page.getByRole("button", { name: "Start", exact: true }).waitFor();
  const [record] = (await storedSessions(s.page)).records;
  assert.equal(record.routine_id, "gentle-start");
  assert.equal(record.active_secs, played, "the time played until the person left");
  assert.equal((await stored("steadyback:session")).data.session, null);
});

test("another routine still in progress can be gone back to or discarded", async () => {
  await openFresh("/session/gentle-start");
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  await s.page.clock.runFor(5_000);
  await s.page.goto("/session/desk-break");
  await s.page.getByRole("heading", { name: "Another session is still going" }).waitFor();
  await s.page.goto("/");
  await s.page.getByRole("heading", { name: "Session in progress" }).waitFor();
  await s.page.goto("/session/desk-break");
  await s.page.getByRole("button", { name: "Go back to it" }).click();
  await s.page.waitForURL("**/session/gentle-start");
  await s.page.getByRole("button", { name: "Pause" }).waitFor();
  await s.page.goto("/session/desk-break");
  await s.page.getByRole("button", { name: "Discard it" }).click();
  await s.page.getByRole("button", { name: "Start", exact: true }).waitFor();
  assert.equal((await stored("steadyback:session")).data.session, null);
});

test("a new exercise is described aloud at get-ready and first rep; not on the 4th time", async () => {
  await openFresh("/session/exercise:hip-flexor-stretch");
  const before = (await spoken()).length;
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  await s.page.clock.runFor(11_000); // the get-ready, into the first 20 s hold
  const said = (await spoken()).slice(before);
  assert.equal(said[0], "Get ready: Hip flexor stretch. Lie on your back near the edge of your bed.");
  assert.equal(
    said.at(-1),
    "Let the leg by the edge hang down, relaxed, and breathe easily. Hip flexor stretch. Now the left leg. Hold for 20 seconds.",
  );
  await s.page.getByRole("button", { name: "Stop" }).click();
  await s.page.getByRole("button", { name: "End the session" }).click();

  // Three sessions that did it: the fourth only names it and counts.
  const record = (n) => ({
    routine_id: "exercise:hip-flexor-stretch", routine_name: "Hip flexor stretch",
    started_at: Date.UTC(2026, 10, 10 + n, 9), ended_at: Date.UTC(2026, 10, 10 + n, 9, 5),
    active_secs: 200, tz_offset_min: 0,
    exercises: [{ exercise: "hip-flexor-stretch", sets_planned: 1, sets_done: 1, reps_planned: 3, reps_done: 3, skipped: false, work_secs: 120 }],
  });
  await s.page.evaluate((records) => {
    localStorage.setItem("steadyback:sessions", JSON.stringify({ schema: 3, saved_at: 1, data: { records } }));
    localStorage.removeItem("steadyback:session");
  }, [1, 2, 3].map(record));
  await s.page.goto("/session/exercise:hip-flexor-stretch");
  await appReady(s.page);
  const again = (await spoken()).length;
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  await s.page.clock.runFor(11_000);
  const fourth = (await spoken()).slice(again);
  assert.equal(fourth[0], "Get ready: Hip flexor stretch.");
  assert.equal(fourth.at(-1), "Hip flexor stretch. Now the left leg. Hold for 20 seconds.");
  await s.page.getByRole("button", { name: "Stop" }).click();
  await s.page.getByRole("button", { name: "End the session" }).click();
});

test("the figure moves with the timer: still at the end of a hold, at the start in a rest; the arrow only while it moves", async () => {
  await openFresh("/session/exercise:hip-flexor-stretch");
  const fig = s.page.locator(".player-figure");
  const arrows = () => fig.locator(".fig-arrow").count();
  assert.equal(await fig.getAttribute("data-phase"), "start", "getting ready: the start pose");
  assert.equal(await arrows(), 0, "no arrow while getting ready");
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  await s.page.clock.runFor(10_500); // half a second into the first 20 s hold
  assert.equal(await fig.getAttribute("data-phase"), "in", "moving into the stretch");
  assert.equal(await arrows(), 1, "the arrow while moving");
  assert.equal(await fig.locator(".fig-ghost").count(), 0, "no faint start pose in the player");
  await s.page.clock.runFor(2_000);
  assert.equal(await fig.getAttribute("data-phase"), "end");
  assert.equal(await arrows(), 0, "no arrow during the hold");
  const held = await fig.innerHTML();
  await s.page.clock.runFor(5_000);
  assert.equal(await fig.getAttribute("data-phase"), "end");
  assert.equal(await fig.innerHTML(), held, "a hold is still");
  assert.match(await fig.locator("svg").getAttribute("aria-label"), /Let the leg by the edge hang down.*Working: the front of the hip\./);
  await s.page.clock.runFor(13_500); // into the rest after the first hold
  assert.equal(await s.page.locator(".phase").textContent(), "Rest");
  assert.equal(await fig.getAttribute("data-phase"), "start", "resting: back at the start");
  assert.equal(await arrows(), 0, "no arrow during the rest");
  await s.page.getByRole("button", { name: "Stop" }).click();
  await s.page.getByRole("button", { name: "End the session" }).click();
});

test("with less motion asked for, figures show each pose still", async () => {
  await s.page.emulateMedia({ reducedMotion: "reduce" });
  try {
    await openFresh("/exercise/bridge");
    await s.page.locator(".figure-frames .figure").first().waitFor();
    assert.equal(await s.page.locator(".figure.moving").count(), 0, "no loop");
    assert.deepEqual(await s.page.locator(".figure-frames figcaption").allTextContents(), ["Start", "End"]);
    // The end still shows the way of the move: the start faint behind it, an arrow.
    const [start, end] = await s.page.locator(".figure-frames .figure").all();
    assert.equal(await end.locator(".fig-arrow").count(), 1, "the arrow on the end still");
    assert.ok((await end.locator(".fig-ghost").count()) > 5, "the start pose behind the end");
    assert.equal(await start.locator(".fig-arrow, .fig-ghost").count(), 0, "the start still as it is");
    await s.page.goto("/session/exercise:pelvic-tilt");
    await appReady(s.page);
    await s.page.getByRole("button", { name: "Start", exact: true }).click();
    for (let i = 0; i < 40 && (await s.page.locator(".phase").textContent()) !== "Move slowly"; i++) {
      await s.page.clock.runFor(1000);
    }
    await s.page.clock.runFor(500); // into a paced tilt, which would be moving
    const fig = s.page.locator(".player-figure");
    assert.equal(await fig.getAttribute("data-phase"), "end", "the pose of the phase");
    const first = await fig.innerHTML();
    await s.page.clock.runFor(1_200);
    assert.equal(await fig.innerHTML(), first, "nothing moves");
    assert.equal(await s.page.evaluate(() => document.getAnimations().length), 0);
    await s.page.getByRole("button", { name: "Stop" }).click();
    await s.page.getByRole("button", { name: "End the session" }).click();
  } finally {
    await s.page.emulateMedia({ reducedMotion: "no-preference" });
  }
});

test("the summary tells an exercise skipped from one the session never reached", async () => {
  await openFresh("/session/gentle-start");
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  const name = s.page.locator("section.player .exercise-name");
  for (let i = 0; i < 30 && (await name.textContent()) !== "Knee rolls"; i++) {
    await s.page.getByRole("button", { name: "Skip", exact: true }).click();
  }
  assert.equal(await name.textContent(), "Knee rolls");
  await s.page.getByRole("button", { name: "Stop" }).click();
  await s.page.getByRole("button", { name: "End the session" }).click();
  await s.page.getByRole("heading", { name: "Session ended" }).waitFor();
  assert.deepEqual(await s.page.locator(".summary .summary-what").allTextContents(), ["skipped", "not reached", "not reached"]);
  assert.equal(await s.page.locator(".summary > p").first().textContent(), "A gentle start: ended before any exercise was done.");
});

test("Try it plays one exercise alone", async () => {
  await openFresh("/exercise/bridge");
  await s.page.getByRole("link", { name: "Try it" }).click();
  await s.page.waitForURL("**/session/exercise:bridge");
  await pageLoaded(s.page);
  await s.page.getByRole("button", { name: "Start", exact: true }).click();
  assert.match(await player().textContent(), /Bridge/);
  // Stopped early, the summary doesn't pretend it was all done.
  await s.page.getByRole("button", { name: "Stop" }).click();
  await s.page.getByRole("button", { name: "End the session" }).click();
  await s.page.getByRole("heading", { name: "Session ended" }).waitFor();
  assert.match(await s.page.locator(".summary").textContent(), /Bridge\s+not reached/, "stopped before it began: not reached, not skipped");
});

