// The session as a coach in the hand (issue 24): the whole screen while a session plays,
// every control within reach at every phone size and text size, in portrait and on its
// side; the focus where a keyboard user expects it; the keyboard's shortcuts; the back
// gesture; the phone's media keys; what a screen reader hears; the beeps scheduled on the
// audio clock, on time while the page's timers wait.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { test, start, appReady, pageLoaded } from "./harness.mjs";

const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);

/** Records what the page asks of the media session, the audio clock and the status line. */
function spies() {
  window.__media = { handlers: {}, played: [] };
  const ms = navigator.mediaSession;
  if (ms) {
    const set = ms.setActionHandler.bind(ms);
    ms.setActionHandler = (action, handler) => {
      window.__media.handlers[action] = handler;
      set(action, handler);
    };
  }
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    window.__media.played.push(this.src);
    return play.call(this);
  };
  // Every beep: the wall-clock time it was scheduled for, its pitch, and whether it was
  // called off before it began.
  // The page maps its clock to the audio clock when it reads the audio clock's time; the
  // same mapping here (the page's clock is Playwright's, paused, the audio clock is real).
  window.__beeps = [];
  const now = Object.getOwnPropertyDescriptor(BaseAudioContext.prototype, "currentTime");
  let read = null;
  Object.defineProperty(BaseAudioContext.prototype, "currentTime", {
    configurable: true,
    get() {
      const value = now.get.call(this);
      read = { audio: value, wall: Date.now() };
      return value;
    },
  });
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (when = 0) {
    const base = read ?? { audio: now.get.call(this.context), wall: Date.now() };
    const delay = Math.max(0, when - base.audio);
    this.__beep = { at: base.wall + delay * 1000, hz: this.frequency.value, cancelled: false };
    window.__beeps.push(this.__beep);
    return start.call(this, when);
  };
  const disconnect = AudioNode.prototype.disconnect;
  AudioNode.prototype.disconnect = function (...args) {
    if (this.__beep) this.__beep.cancelled = Date.now();
    return disconnect.apply(this, args);
  };
  // Every change of the session's status line, as a screen reader gets it.
  window.__said = [];
  let last = "";
  new MutationObserver((records) => {
    for (const r of records) {
      const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      const line = node?.closest?.(".step-status");
      if (!line) continue;
      const text = line.textContent;
      if (text && text !== last) window.__said.push({ at: Date.now(), text });
      last = text;
    }
  }).observe(document, { childList: true, characterData: true, subtree: true });
}

/** A fresh app at `viewport` with `settings`, its clock paused a second after T0. */
async function open({ viewport = { width: 360, height: 640 }, settings = {}, path = "/session/gentle-start" } = {}) {
  const seed = { "steadyback:settings": JSON.stringify({ schema: 3, saved_at: T0, data: settings }) };
  const app = await start({ viewport, now: T0, seed });
  await app.context.addInitScript(spies);
  const page = await app.page();
  await page.clock.pauseAt(T0 + 1000);
  await page.goto(path);
  await appReady(page);
  return { app, page };
}

const startButton = (page) => page.getByRole("button", { name: "Start", exact: true });
const stepIndex = async (page) => Number(await page.locator("section.player").getAttribute("data-step"));
const endsAt = async (page) => Number(await page.locator("section.player").getAttribute("data-ends-at"));
const now = (page) => page.evaluate(() => Date.now());
const focused = (page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");

/** Waits (on the real clock: the page's is paused) until `fn(arg)` holds in the page. */
async function until(page, fn, arg) {
  for (let i = 0; i < 100; i++) {
    if (await page.evaluate(fn, arg)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`never: ${fn}`);
}
const focusIs = (page, text) => until(page, (t) => document.activeElement?.textContent === t || document.activeElement?.id === t, text);
const stepIs = (page, n) => until(page, (s) => document.querySelector("section.player")?.dataset.step === String(s), n);

/** Where a control is, and whether what is at its centre is the control itself. */
async function place(page, locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return {
      x: Math.round(r.x),
      y: Math.round(r.y),
      width: Math.round(r.width),
      height: Math.round(r.height),
      bottom: r.bottom,
      right: r.right,
      uncovered: hit !== null && el.contains(hit),
    };
  });
}

const SIZES = [
  [320, 568],
  [360, 640],
  [390, 844],
  [430, 932],
];

for (const text of ["normal", "large", "larger"]) {
  test(`every control within reach, nothing to scroll: 320 × 568 to 430 × 932 and on its side (${text} text)`, async () => {
    const { page } = await open({ settings: { text_size: text } });
    assert.equal(await page.locator("nav.bottom-nav").count(), 1, "the bottom bar before Start");
    await startButton(page).click();
    await page.locator(".session-screen").waitFor();
    assert.equal(await page.locator("nav.bottom-nav").count(), 0, "no bottom bar during the session");
    const table = [];
    const check = async (width, height, when) => {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => document.body.offsetHeight);
      const scroll = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
      assert.ok(scroll <= 0, `${width}×${height} ${when}: nothing to scroll (${scroll} px more)`);
      const row = { size: `${width}×${height}`, when };
      for (const [name, locator] of [
        ["It hurts", page.getByRole("button", { name: "It hurts" })],
        ["Pause", page.getByRole("button", { name: /^(Pause|Resume)$/ })],
        ["Skip", page.getByRole("button", { name: "Skip", exact: true })],
        ["Back", page.getByRole("button", { name: "Back", exact: true })],
        ["Stop", page.getByRole("button", { name: "Stop", exact: true })],
      ]) {
        const p = await place(page, locator);
        assert.ok(p.width >= 48 && p.height >= 48, `${row.size} ${name}: ${p.width}×${p.height}`);
        assert.ok(p.x >= 0 && p.y >= 0 && p.right <= width && p.bottom <= height, `${row.size} ${name} on screen`);
        assert.ok(p.uncovered, `${row.size} ${name}: nothing covers it`);
        row[name] = `${p.x},${p.y} ${p.width}×${p.height}`;
      }
      for (const [name, selector] of [
        ["figure", ".session-figure .player-figure svg"],
        ["phase", "section.player .phase"],
        ["name", "section.player .exercise-name"],
        ["time", "section.player .timer"],
      ]) {
        const p = await place(page, page.locator(selector));
        assert.ok(p.height > 0 && p.y >= 0 && p.bottom <= height && p.right <= width, `${row.size} ${name} in sight`);
      }
      const figure = await place(page, page.locator(".session-figure"));
      const time = await place(page, page.locator("section.player .timer"));
      if (width > height) {
        assert.ok(figure.right <= time.x + 1, `${row.size}: the figure beside the time`);
      } else {
        assert.ok(figure.bottom <= time.y, `${row.size}: the figure above the time`);
        // The controls a thumb uses most sit in the lower part of the screen.
        const pause = await place(page, page.getByRole("button", { name: /^(Pause|Resume)$/ }));
        assert.ok(pause.y > height * 0.75, `${row.size}: Pause at the bottom`);
      }
      table.push(row);
    };
    // In a get-ready, then in a hold (the first rep of the pelvic tilt after its get-ready).
    for (const when of ["get ready", "hold"]) {
      if (when === "hold") await page.clock.runFor((await endsAt(page)) - (await now(page)) + 1);
      for (const [w, h] of SIZES) await check(w, h, when);
      await check(640, 360, when);
      await check(932, 430, when);
    }
    if (process.env.COACH_LOG) writeFileSync(`${process.env.COACH_LOG}/positions-${text}.json`, JSON.stringify(table, null, 1));
  });
}

test("before Start: the pain question, then Start, which stays in sight above the bottom bar wherever the page is scrolled, 320 × 568 to 430 × 932 and on its side", async () => {
  for (const text of ["normal", "larger"]) {
    const { app, page } = await open({ settings: { text_size: text } });
    const pain = page.getByRole("region", { name: "Pain before you start" });
    const follows = await pain.evaluate(
      (el, start) => Boolean(el.compareDocumentPosition(start) & Node.DOCUMENT_POSITION_FOLLOWING),
      await startButton(page).elementHandle(),
    );
    assert.ok(follows, "the pain question comes before Start");
    for (const [width, height] of [...SIZES, [640, 360]]) {
      await page.setViewportSize({ width, height });
      const size = `${width}×${height}, ${text} text`;
      // At the end of the page Start is in its own place, after the pain question; on its
      // side, what follows it (the pace, the keys) can be taller than the screen, and Start
      // is then above, scrolled past.
      for (const where of ["top", "the pain question", ...(height > width ? ["the end"] : [])]) {
        if (where === "top") await page.evaluate(() => scrollTo(0, 0));
        if (where === "the pain question") await pain.evaluate((el) => el.scrollIntoView({ block: "start" }));
        if (where === "the end") await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
        const bar = await page.locator("nav.bottom-nav").evaluate((el) => el.getBoundingClientRect().top);
        const start = await place(page, startButton(page));
        assert.ok(start.height >= 48, `${size}, at ${where}: Start ${start.width}×${start.height}`);
        assert.ok(start.y >= 0 && start.bottom <= bar + 0.5, `${size}, at ${where}: Start (${start.y}–${start.bottom}) above the bar (${bar})`);
        assert.ok(start.uncovered, `${size}, at ${where}: nothing covers Start`);
        if (where === "the pain question" && height > width) {
          for (const n of ["0", "10"]) {
            const p = await place(page, pain.getByRole("button", { name: n, exact: true }));
            assert.ok(p.uncovered, `${size}: pain ${n} not under Start`);
          }
        }
      }
    }
    await app.close();
  }
});

test("a browser that can't keep the screen on: the session says so in plain words, and plays on", async () => {
  const { page } = await open();
  await page.evaluate(() => Object.defineProperty(navigator, "wakeLock", { configurable: true, value: undefined }));
  await startButton(page).click();
  const note = page.getByText("The screen may turn off during the session");
  await note.waitFor();
  assert.equal(
    (await note.textContent()).trim(),
    "The screen may turn off during the session: this browser has no screen wake lock. The timer stays right; tap the screen to wake it.",
  );
  await page.getByRole("button", { name: "Pause" }).click();
  await page.getByRole("button", { name: "Resume" }).waitFor();
});

test("Start moves the focus to Pause, which keeps it; It hurts and Stop give it back", async () => {
  const { page } = await open();
  await startButton(page).click();
  await page.getByRole("button", { name: "Pause" }).waitFor();
  await focusIs(page, "Pause");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Resume" }).waitFor();
  assert.equal(await focused(page), "Resume", "the same button, its label changed");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Pause" }).waitFor();
  assert.equal(await focused(page), "Pause");
  // It hurts: its panel's heading, then back to the main button.
  await page.getByRole("button", { name: "It hurts" }).click();
  await focusIs(page, "hurt-heading");
  await page.getByRole("button", { name: "Back to the session" }).click();
  await focusIs(page, "Resume");
  // Stop: the question's heading; Keep going: the main button, playing again.
  await page.getByRole("button", { name: "Resume" }).click();
  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await focusIs(page, "stop-heading");
  await page.getByRole("button", { name: "Keep going" }).click();
  await focusIs(page, "Pause");
  // A sheet closed (How to do it): the focus is not left on the page.
  await page.getByRole("button", { name: "How to do it" }).click();
  await page.getByRole("button", { name: "Back to the exercise" }).click();
  await focusIs(page, "Pause");
});

test("keys: Space pauses and resumes, the arrows go to the next and previous step, never while typing", async () => {
  const { page } = await open();
  await assert.doesNotReject(page.getByText(/Space pauses and resumes/).waitFor(), "listed before Start");
  await startButton(page).click();
  await page.getByRole("button", { name: "Pause" }).waitFor();
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Resume" }).waitFor();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Pause" }).waitFor();
  const first = await stepIndex(page);
  await page.keyboard.press("ArrowRight");
  await stepIs(page, first + 1);
  await page.keyboard.press("ArrowLeft");
  await stepIs(page, first);
  assert.equal(await page.getByRole("button", { name: "Skip", exact: true }).getAttribute("aria-keyshortcuts"), "ArrowRight");
  // In the pace sheet, the arrow keys move a choice, not the session; the list is there too.
  await page.getByRole("button", { name: "Pace and sound" }).click();
  await assert.doesNotReject(page.getByText(/Space pauses and resumes/).waitFor());
  const field = page.locator(".session-sheet input").first();
  await field.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Space");
  assert.equal(await stepIndex(page), first, "no step change while in a field");
  assert.equal(await page.getByRole("button", { name: "Pause" }).count(), 1, "still playing");
});

test("the back gesture asks before ending; once over, back leaves the page", async () => {
  const { page } = await open({ path: "/" });
  await page.getByRole("link", { name: "Start", exact: true }).click();
  await page.waitForURL("**/session/gentle-start");
  await pageLoaded(page); // a tapped page waits for its paint: the paused clock is let run
  await startButton(page).click();
  await page.getByRole("button", { name: "Pause" }).waitFor();
  await page.goBack();
  await page.getByRole("heading", { name: "End the session?" }).waitFor();
  assert.match(page.url(), /\/session\/gentle-start$/, "still the session");
  assert.equal(await page.getByRole("button", { name: "Resume" }).count(), 0, "the question, not the controls");
  assert.equal(await page.locator(".step-status").textContent(), "Paused.", "paused while it asks");
  await page.getByRole("button", { name: "Keep going" }).click();
  await page.getByRole("button", { name: "Pause" }).waitFor();
  // Asked again (the entry put back by the tap on Keep going), and ended.
  await page.goBack();
  await page.getByRole("heading", { name: "End the session?" }).waitFor();
  assert.match(page.url(), /\/session\/gentle-start$/);
  await page.getByRole("button", { name: "End the session" }).click();
  await page.getByRole("heading", { name: "Session ended" }).waitFor();
  assert.ok((await page.locator("nav.bottom-nav").count()) === 1, "the bottom bar is back with the summary");
  // The summary's heading has the focus.
  await focusIs(page, "summary-heading");
  await page.goBack();
  await page.waitForURL((url) => url.pathname === "/");
});

test("after a reload mid-session, the back gesture still asks first", async () => {
  const { page } = await open({ path: "/" });
  await page.getByRole("link", { name: "Start", exact: true }).click();
  await pageLoaded(page); // a tapped page waits for its paint: the paused clock is let run
  await startButton(page).click();
  await page.clock.runFor(3_000);
  await page.reload();
  await appReady(page);
  await page.getByRole("button", { name: "Pause" }).waitFor();
  await page.goBack();
  await page.getByRole("heading", { name: "End the session?" }).waitFor();
  assert.match(page.url(), /\/session\/gentle-start$/);
});

test("media keys: the lock screen shows the step and the routine; play, pause, next and previous do what they say", async () => {
  const { page } = await open();
  await startButton(page).click();
  await page.getByRole("button", { name: "Pause" }).waitFor();
  const session = () =>
    page.evaluate(() => ({
      title: navigator.mediaSession.metadata?.title,
      artist: navigator.mediaSession.metadata?.artist,
      artwork: navigator.mediaSession.metadata?.artwork?.[0]?.src,
      state: navigator.mediaSession.playbackState,
      actions: Object.keys(window.__media.handlers).filter((a) => window.__media.handlers[a]),
      played: window.__media.played,
    }));
  let m = await session();
  assert.equal(m.title, "Get ready: Pelvic tilt");
  assert.equal(m.artist, "A gentle start");
  assert.match(m.artwork, /\/icons\/icon-512\.png$/);
  assert.equal(m.state, "playing");
  assert.deepEqual(m.actions.sort(), ["nexttrack", "pause", "play", "previoustrack"]);
  assert.ok(m.played.some((src) => src.endsWith("/silence.wav")), "the silent track plays, so the controls show");
  const press = (action) => page.evaluate((a) => window.__media.handlers[a]({ action: a }), action);
  await press("pause");
  await page.getByRole("button", { name: "Resume" }).waitFor();
  assert.equal((await session()).state, "paused");
  await press("play");
  await page.getByRole("button", { name: "Pause" }).waitFor();
  assert.equal((await session()).state, "playing");
  const first = await stepIndex(page);
  await press("nexttrack");
  await stepIs(page, first + 1);
  m = await session();
  assert.equal(m.title, "Move slowly: Pelvic tilt", "the lock screen follows the step");
  await press("previoustrack");
  await stepIs(page, first);
  // Ended: nothing left on the lock screen.
  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await page.getByRole("button", { name: "End the session" }).click();
  await page.getByRole("heading", { name: "Session ended" }).waitFor();
  m = await session();
  assert.equal(m.title, undefined);
  assert.deepEqual(m.actions, []);
});

/** Plays the session to its end on the fake clock, a step at a time. */
async function playToEnd(page) {
  const done = page.getByRole("heading", { name: "Well done" });
  while ((await done.count()) === 0) {
    const end = await endsAt(page);
    if (!end) {
      await page.getByRole("button", { name: "Done" }).click();
      continue;
    }
    await page.clock.runFor(end - (await now(page)) + 1);
  }
}

test("a screen reader hears each step once, in a sentence, never the seconds; with the voice on, only what it does not say", async () => {
  const { page } = await open({ settings: { voice: false, sound: false, vibration: false } });
  await startButton(page).click();
  const started = await now(page);
  // The screen as a screen reader walks it: the controls named, the time a timer, the
  // status line there (the page's heading, hidden from sight, first).
  await page.getByRole("button", { name: "Pause" }).waitFor();
  const tree = await page.locator("main").ariaSnapshot();
  if (process.env.COACH_LOG) writeFileSync(`${process.env.COACH_LOG}/aria.txt`, tree + "\n");
  const order = ['heading "Session"', "status", 'button "Stop"', 'button "How to do it"', 'button "Pace and sound"', 'img "Lie on your back', 'heading "Pelvic tilt"', 'timer "Time left in this step"', 'button "It hurts"', 'button "Back"', 'button "Pause"', 'button "Skip"'];
  let from = 0;
  for (const item of order) {
    const at = tree.indexOf(item, from);
    assert.ok(at >= 0, `${item} after the ones before, in:\n${tree}`);
    from = at;
  }
  // Step by step, the number of steps seen.
  const steps = new Set([await stepIndex(page)]);
  const done = page.getByRole("heading", { name: "Well done" });
  while ((await done.count()) === 0) {
    steps.add(await stepIndex(page));
    await page.clock.runFor((await endsAt(page)) - (await now(page)) + 1);
  }
  const said = await page.evaluate(() => window.__said);
  const log = said.map((s) => `${((s.at - started) / 1000).toFixed(1).padStart(6)} s  ${s.text}`);
  if (process.env.COACH_LOG) writeFileSync(`${process.env.COACH_LOG}/announcements.txt`, log.join("\n") + "\n");
  assert.equal(said.length, steps.size + 1, `one line per step, and the end:\n${log.join("\n")}`);
  assert.equal(said.at(-1).text, "Session finished.");
  assert.equal(said[0].text, "Get ready: Pelvic tilt.");
  assert.ok(said.some((s) => /^Pelvic tilt, rep 1 of 5: /.test(s.text)));
  assert.ok(said.every((s) => !/\d:\d\d/.test(s.text)), "no clock times read out");
  assert.ok(said.every((s) => /^[A-Z].*\.$/.test(s.text)), "each a whole sentence");
  await page.close();
});

test("with the app's voice on, the status line says only Paused (the voice says the steps)", async () => {
  const { page } = await open({ settings: { sound: false } });
  await startButton(page).click();
  await page.clock.runFor(30_000);
  await page.getByRole("button", { name: "Pause" }).click();
  await page.getByRole("button", { name: "Resume" }).click();
  await page.clock.runFor(5_000);
  const said = await page.evaluate(() => window.__said.map((s) => s.text));
  assert.deepEqual(said, ["Paused."]);
});

test("the figure can be paused from the session screen", async () => {
  const { page } = await open();
  await startButton(page).click();
  await page.clock.runFor(21_000); // into the first rep, moving
  const toggle = page.getByRole("button", { name: "Keep the figure still" });
  assert.equal(await toggle.getAttribute("aria-pressed"), "false");
  const drawn = () => page.locator(".session-figure .player-figure").innerHTML();
  const a = await drawn();
  await page.clock.runFor(700);
  assert.ok((await drawn()) !== a, "it moves");
  // At the start of a moving step (not a rest), so that what follows stays within it.
  do {
    await page.clock.runFor((await endsAt(page)) - (await now(page)) + 20);
  } while ((await page.locator("section.player .phase").textContent()) !== "Move slowly");
  const step = await stepIndex(page);
  await toggle.click();
  await page.clock.runFor(50);
  const still = await drawn();
  await page.clock.runFor(700);
  assert.equal(await stepIndex(page), step);
  assert.ok((await drawn()) === still, "paused, it stays still");
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  assert.equal(await page.getByRole("button", { name: "Pause" }).count(), 1, "the session plays on");
  await toggle.click();
  const frames = new Set();
  for (let i = 0; i < 6; i++) {
    await page.clock.runFor(150);
    frames.add(await drawn());
  }
  assert.ok(frames.size > 1, "moving again");
});

/**
 * The beeps an uninterrupted gentle start should give, in ms from its start: a high beep
 * at each step's start (the end's is longer), a low one 3, 2 and 1 s before the end of
 * each get-ready, rest and switch of sides, a high one halfway through holds of 20 s or
 * more. From the steps' boundaries, seen on the screen as the session plays.
 */
async function expectedBeeps(page) {
  await startButton(page).click();
  const started = await now(page);
  const expected = [];
  const done = page.getByRole("heading", { name: "Well done" });
  while ((await done.count()) === 0) {
    const at = (await now(page)) - started;
    const phase = await page.locator("section.player .phase").textContent();
    const end = (await endsAt(page)) - started;
    expected.push({ at, hz: 880 });
    if (/Get ready|Rest|Switch sides/i.test(phase)) {
      for (const left of [3000, 2000, 1000]) if (end - left > at) expected.push({ at: end - left, hz: 660 });
    } else if (/Hold|Keep going/i.test(phase) && end - at >= 20_000) {
      expected.push({ at: at + (end - at) / 2, hz: 880 });
    }
    await page.clock.runFor(end + started - (await now(page)) + 1);
  }
  expected.push({ at: (await now(page)) - started - 1, hz: 880 });
  return expected.sort((a, b) => a.at - b.at);
}

/** The beeps that were not called off, in ms from `started`. */
const beepsFrom = (page, started) =>
  page.evaluate(
    (t0) => window.__beeps.filter((b) => b.cancelled === false || b.cancelled > b.at).map((b) => ({ at: b.at - t0, hz: b.hz })),
    started,
  );

/** Each expected beep matched by one given within 20 ms, and nothing else given. */
function matchBeeps(given, expected, label) {
  const left = given.slice().sort((a, b) => a.at - b.at);
  const worst = [];
  for (const e of expected) {
    const i = left.findIndex((g) => g.hz === e.hz && Math.abs(g.at - e.at) <= 20);
    assert.ok(i >= 0, `${label}: a ${e.hz} Hz beep at ${e.at} ms (given: ${JSON.stringify(left.slice(0, 6))})`);
    worst.push(Math.abs(left[i].at - e.at));
    left.splice(i, 1);
  }
  assert.deepEqual(left, [], `${label}: no other beep`);
  return { count: expected.length, worst: Math.max(...worst) };
}

test("beeps are scheduled on the audio clock ahead: on time while the page's timers wait, again after pause, skip, back, a pace change and It hurts", async () => {
  const { page } = await open({ settings: { voice: false, vibration: false } });
  const expected = await expectedBeeps(page);
  const end = expected.at(-1).at;
  assert.ok(expected.length > 30, `a whole gentle start has many beeps (${expected.length})`);

  // Again, the page hidden and its timers held back: the clock jumps 50 s at a time with
  // no timer running in between (Chrome runs a hidden page's timers once a minute).
  await page.goto("/settings");
  await appReady(page);
  await page.goto("/session/gentle-start");
  await appReady(page);
  await startButton(page).click();
  const started = await now(page);
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    Object.defineProperty(document, "hidden", { value: true, configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  let timerRuns = 0;
  while ((await now(page)) - started < end + 2000) {
    await page.clock.setSystemTime((await now(page)) + 50_000);
    await page.clock.runFor(1000); // the throttled timer's one turn
    timerRuns += 1;
  }
  const hidden = matchBeeps(await beepsFrom(page, started), expected, "hidden page");
  if (process.env.COACH_LOG) {
    writeFileSync(`${process.env.COACH_LOG}/beeps.json`, JSON.stringify({ ...hidden, timerRuns, length: end }, null, 1));
  }
});

test("beeps called off and planned again at each event", async () => {
  const { page } = await open({ settings: { voice: false, vibration: false } });
  await startButton(page).click();
  // Paused: nothing left to come.
  await page.clock.runFor(5_000);
  await page.getByRole("button", { name: "Pause" }).click();
  const pausedAt = await now(page);
  let ahead = (await beepsFrom(page, 0)).filter((b) => b.at > pausedAt);
  assert.deepEqual(ahead, [], "a pause calls off every beep ahead");
  // Resumed 30 s later: the get-ready's countdown shifted by 30 s.
  await page.clock.runFor(30_000);
  await page.getByRole("button", { name: "Resume" }).click();
  const resumedAt = await now(page);
  const readyEnd = await endsAt(page);
  ahead = (await beepsFrom(page, 0)).filter((b) => b.at > resumedAt);
  assert.ok(ahead.some((b) => b.hz === 880 && Math.abs(b.at - readyEnd) <= 20), "the next step's beep at the new end");
  assert.ok(ahead.some((b) => b.hz === 660 && Math.abs(b.at - (readyEnd - 1000)) <= 20), "the countdown with it");
  // Skipped: the beeps ahead follow the new step; the old ones are called off.
  await page.getByRole("button", { name: "Skip", exact: true }).click();
  const skippedAt = await now(page);
  const nextEnd = await endsAt(page);
  ahead = (await beepsFrom(page, 0)).filter((b) => b.at > skippedAt);
  assert.ok(ahead.length > 0 && Math.abs(ahead[0].at - nextEnd) <= 20, `first beep ahead at the new step's end (${ahead[0]?.at - nextEnd} ms)`);
  assert.ok(!ahead.some((b) => Math.abs(b.at - readyEnd) <= 20 && b.at < nextEnd), "none left at the skipped step's end");
  // Back: the same again.
  await page.getByRole("button", { name: "Back", exact: true }).click();
  const backAt = await now(page);
  const backEnd = await endsAt(page);
  ahead = (await beepsFrom(page, 0)).filter((b) => b.at > backAt);
  assert.ok(ahead.some((b) => b.hz === 880 && Math.abs(b.at - backEnd) <= 20), "back: the beep at the step's end");
  // Into the pelvic tilt's reps, then the rests made longer: from the next step on, the
  // beeps follow the new pace (the step playing keeps its length).
  await page.clock.runFor((await endsAt(page)) - (await now(page)) + 1);
  await page.getByRole("button", { name: "Pace and sound" }).click();
  await page
    .getByRole("group", { name: "Rests between reps and sets" })
    .getByRole("radio", { name: "Longer", exact: true })
    .check();
  const changedAt = await now(page);
  const kept = await endsAt(page);
  await page.clock.runFor(kept - (await now(page)) + 1);
  const restEnd = await endsAt(page);
  assert.equal(await page.locator("section.player .phase").textContent(), "Rest");
  const planned = (await beepsFrom(page, 0)).filter((b) => b.at > changedAt);
  assert.ok(planned.some((b) => b.hz === 880 && Math.abs(b.at - kept) <= 20), "the step playing ends as it would have");
  assert.ok(planned.some((b) => b.hz === 880 && Math.abs(b.at - restEnd) <= 20), "the longer rest's end");
  assert.ok(planned.some((b) => b.hz === 660 && Math.abs(b.at - (restEnd - 3000)) <= 20), "and its countdown");
  // It hurts: paused, nothing ahead.
  await page.getByRole("button", { name: "It hurts" }).click();
  const hurtAt = await now(page);
  ahead = (await beepsFrom(page, 0)).filter((b) => b.at > hurtAt);
  assert.deepEqual(ahead, [], "It hurts calls off every beep ahead");
});
