// Make it yours: an own exercise added, checked, put in a routine, played, seen on
// Progress and in the clinician summary, shared in a link and previewed elsewhere, then
// deleted and skipped; and every session preference changing what the player does, on
// Playwright's fake clock, including a change in the middle of a session.
import assert from "node:assert/strict";
import { test, start, appReady, appStarted, expectHeading, storedSessions } from "./harness.mjs";


const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const stored = (page, key) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), key);

/** Records what is spoken (with its volume and rate), beeped and buzzed. */
async function recordCues(context) {
  await context.addInitScript(() => {
    window.__spoken = [];
    window.__gains = [];
    window.__buzz = [];
    const synth = window.speechSynthesis;
    if (synth) {
      const speak = synth.speak.bind(synth);
      synth.speak = (u) => {
        window.__spoken.push({ text: u.text, volume: u.volume, rate: u.rate });
        speak(u);
      };
    }
    const ramp = AudioParam.prototype.linearRampToValueAtTime;
    AudioParam.prototype.linearRampToValueAtTime = function (value, at) {
      if (value > 0) window.__gains.push(value);
      return ramp.call(this, value, at);
    };
    Object.defineProperty(navigator, "vibrate", {
      configurable: true,
      value: (ms) => {
        window.__buzz.push(ms);
        return true;
      },
    });
  });
}

test("an own exercise: added, in a routine, played, on Progress and the summary, shared, deleted and skipped", async () => {
  const app = await start({});
  await app.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
  const page = await app.page();
  await page.clock.install({ time: T0 });
  await page.clock.resume();
  await page.goto("/library");
  await appReady(page);
  await page.getByRole("link", { name: "Add your own exercise" }).click();
  await expectHeading(page, "Add your own exercise");

  // Checked before it is kept: each problem said plainly, nothing stored.
  const save = page.getByRole("button", { name: "Add exercise" });
  const alert = page.getByRole("alert");
  await save.click();
  await alert.filter({ hasText: "Give the exercise a name." }).waitFor();
  await page.getByLabel("Name").fill("Heel slides");
  await save.click();
  await alert.filter({ hasText: "Write at least one step: what to do." }).waitFor();
  // Typed key by key, as a person does: the box keeps the focus and every letter.
  await page.getByLabel("Step 1", { exact: true }).pressSequentially("Lie on your back with both knees bent.");
  assert.equal(await page.getByLabel("Step 1", { exact: true }).inputValue(), "Lie on your back with both knees bent.");
  await page.getByRole("button", { name: "Add a step" }).click();
  await page.getByLabel("Step 2", { exact: true }).fill("Slide one heel along the floor until that leg is straight, then back.");
  await page.getByRole("radio", { name: "On hands and knees" }).check();
  await page.getByRole("radio", { name: "Lying on your back" }).check();
  await page.getByRole("radio", { name: "Move slowly" }).check();
  await page.getByRole("checkbox", { name: "Done on one side, then the other" }).check();
  const number = (label) => page.getByLabel(label, { exact: true });
  await number("Sets").fill("21");
  await number("Sets").blur();
  await page.getByText("Enter a whole number from 1 to 20.").waitFor();
  await save.click();
  await alert.filter({ hasText: "Sets must be from 1 to 20." }).waitFor();
  await number("Sets").fill("1");
  await number("Reps (each side)").fill("1.5");
  await number("Reps (each side)").blur();
  await save.click();
  await alert.filter({ hasText: "not a whole number" }).waitFor();
  await number("Reps (each side)").fill("1");
  await number("Seconds each rep").fill("");
  await number("Seconds each rep").pressSequentially("3");
  await number("Rest between reps (seconds)").fill("0");
  await number("Rest between reps (seconds)").blur();
  // A reload keeps what was typed; nothing is stored as an exercise yet.
  await page.reload();
  await appReady(page);
  await page.getByText("Your unsaved changes from before are back.").waitFor();
  assert.equal(await page.getByLabel("Name").inputValue(), "Heel slides");
  assert.equal(await page.getByLabel("Step 2", { exact: true }).inputValue(), "Slide one heel along the floor until that leg is straight, then back.");
  assert.equal(await number("Rest between reps (seconds)").inputValue(), "0");
  assert.equal(await page.evaluate(() => localStorage.getItem("steadyback:exercises")), null, "nothing kept yet");
  await save.click();

  // Its page: marked as the person's own, no source, the still of where it starts.
  await expectHeading(page, "Heel slides");
  assert.deepEqual((await stored(page, "steadyback:exercise-drafts")).data.drafts, [], "the draft goes once saved");
  const id = decodeURIComponent(new URL(page.url()).pathname.split("/").pop());
  assert.match(id, /^mine:\d+-\d+$/);
  await page.locator(".tags").getByText("Your own exercise").waitFor();
  await page.getByText("None: you added this exercise").waitFor();
  await page.getByRole("img", { name: "Starting position: Lie on your back." }).waitFor();
  await page.getByText("The app never suggests more of it").waitFor();
  const kept = (await stored(page, "steadyback:exercises")).data.records;
  assert.equal(kept.length, 1);
  assert.deepEqual(
    { name: kept[0].name, start: kept[0].start, how: kept[0].how, each_side: kept[0].each_side, reps: kept[0].reps, progression: kept[0].progression },
    { name: "Heel slides", start: "on_back", how: "paced", each_side: true, reps: 1, progression: false },
  );
  assert.equal(kept[0].steps.length, 2);

  // The library finds it: by search, and alone with "Only mine".
  await page.goto("/library?q=heel");
  await appReady(page);
  await page.locator(".exercise-card", { hasText: "Heel slides" }).getByText("Your own exercise").waitFor();
  await page.goto("/library");
  await appReady(page);
  await page.getByLabel("Only mine").check();
  await page.waitForURL("**/library?mine=1");
  assert.deepEqual(await page.locator(".exercise-card h2").allTextContents(), ["Heel slides"]);

  // In a routine with a library exercise.
  await page.goto("/routines/new");
  await appReady(page);
  await page.getByLabel("Name").fill("Physio plan");
  await page.getByLabel("Search the library").fill("heel");
  await page.getByRole("button", { name: "Add Heel slides" }).click();
  await page.getByLabel("Search the library").fill("pelvic");
  await page.getByRole("button", { name: "Add Pelvic tilt" }).click();
  const pelvic = page.locator("li.editor-item", { hasText: "Pelvic tilt" });
  await pelvic.getByLabel("Reps", { exact: true }).fill("1");
  await pelvic.getByLabel("Reps", { exact: true }).blur();
  await page.getByRole("button", { name: "Save routine" }).click();
  await expectHeading(page, "Physio plan");
  const routinePath = new URL(page.url()).pathname;
  await page.locator("main li", { hasText: "Heel slides" }).getByText("Your own exercise").waitFor();
  // Pinned, Today lists it, also when Today is the first page drawn after a reload.
  await page.getByRole("button", { name: "Pin it on Today" }).click();
  await page.goto("/");
  await appReady(page);
  await page.locator("section.suggested").getByRole("link", { name: "Heel slides" }).waitFor();
  await page.goto(routinePath);
  await appReady(page);

  // Played to the end: the voice reads the person's own steps.
  await page.getByRole("link", { name: "Play" }).click();
  await page.getByRole("button", { name: "Start", exact: true }).click();
  const done = page.getByRole("heading", { name: "Well done" });
  for (let i = 0; i < 60 && (await done.count()) === 0; i++) await page.clock.runFor(5_000);
  await done.waitFor();
  const sessions = (await storedSessions(page)).records;
  assert.deepEqual(sessions.at(-1).exercises.map((e) => [e.exercise, e.reps_done]), [[id, 1], ["pelvic-tilt", 1]]);

  // Progress and the clinician summary name it, marked as the person's own.
  const last = sessions.at(-1);
  const detail = `/progress/session/${last.salt ? `${last.started_at}-${last.salt}` : last.started_at}`;
  await page.goto(detail);
  await appReady(page);
  await page.locator("main li", { hasText: "Heel slides" }).getByText("your own").waitFor();
  await page.goto("/progress/summary");
  await appReady(page);
  await page.getByRole("rowheader", { name: "Heel slides (own exercise)" }).waitFor();
  await page.getByRole("heading", { name: "The person's own exercises" }).waitFor();
  await page.locator("main li", { hasText: "Slide one heel along the floor" }).waitFor();

  // Shared: the link carries the exercise, and the preview says whose it is.
  await page.goto(routinePath);
  await appReady(page);
  const link = await page.getByLabel("Link", { exact: true }).inputValue();
  assert.ok(link.includes("/shared#2."), link);
  const friend = await start({});
  const other = await friend.page();
  await other.goto(link.slice(app.url.replace(/\/$/, "").length));
  await expectHeading(other, "Shared routine");
  await other.locator("main li", { hasText: "Heel slides" }).getByText("The sender's own exercise").waitFor();
  await other.getByText("One exercise is the sender's own").waitFor();
  await other.getByText("Its steps are the sender's words").waitFor();
  assert.equal(await other.evaluate(() => localStorage.getItem("steadyback:exercises")), null, "nothing kept before adding");
  await other.getByRole("button", { name: "Add to my routines" }).click();
  await expectHeading(other, "Physio plan");
  const theirs = (await stored(other, "steadyback:exercises")).data.records;
  assert.deepEqual(theirs.map((e) => [e.name, e.steps.length]), [["Heel slides", 2]]);
  await other.getByRole("link", { name: "Heel slides" }).click();
  await expectHeading(other, "Heel slides");
  await other.locator(".tags").getByText("Your own exercise").waitFor();

  // Deleted: the routine says so, and playing it skips it.
  await page.goto(`/exercise/${id}`);
  await appReady(page);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("button", { name: "Delete it" }).click();
  await expectHeading(page, "Library");
  const left = (await stored(page, "steadyback:exercises")).data;
  assert.deepEqual([left.records.length, left.deleted.length], [0, 1]);
  await page.goto(routinePath);
  await appReady(page);
  await page.getByText("An exercise of your own that was deleted").waitFor();
  await page.getByRole("link", { name: "Play" }).click();
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await page.locator("section.player .exercise-name", { hasText: "Pelvic tilt" }).waitFor();
  // Past sessions still count it, named as deleted.
  await page.goto(detail);
  await appReady(page);
  await page.getByText("An exercise of your own, since deleted").waitFor();
  assert.deepEqual(app.errors, []);
  assert.deepEqual(friend.errors, []);
});

// An own exercise with a known timeline: each side, 2 sets of 2 reps held 3 s, 4 s
// between reps, 10 s between sets.
const MOVE = {
  id: T0 - 86_400_000,
  salt: 1,
  updated_at: T0 - 86_400_000,
  name: "Test hold",
  kind: "strength",
  start: "on_back",
  steps: ["Hold it."],
  how: "hold",
  each_side: true,
  sets: 2,
  reps: 2,
  secs: 3,
  rest_reps: 4,
  rest_sets: 10,
  progression: false,
};
const MOVE_ID = `mine:${MOVE.id}-${MOVE.salt}`;

test("drafts of own exercises: one per form, and one kept the older way (as text) moved in and shown", async () => {
  const app = await start({});
  const page = await app.page();
  await page.goto("/library");
  await appReady(page);
  await page.goto("/exercises/new");
  await expectHeading(page, "Add your own exercise");
  await page.getByLabel("Name").fill("Clam");
  await page.getByLabel("Step 1", { exact: true }).fill("Open the knees.");
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("steadyback:exercise-drafts") ?? "{}").data?.drafts?.[0]?.exercise?.steps?.[0] === "Open the knees.");
  // As the app before kept it: that one draft as text under a key of its own.
  await page.evaluate(() => {
    const [draft] = JSON.parse(localStorage.getItem("steadyback:exercise-drafts")).data.drafts;
    localStorage.removeItem("steadyback:exercise-drafts");
    localStorage.setItem("steadyback:exercise-draft", JSON.stringify(draft));
  });
  await page.reload();
  await expectHeading(page, "Add your own exercise");
  await page.getByText("Your unsaved changes from before are back.").waitFor();
  assert.equal(await page.getByLabel("Name").inputValue(), "Clam");
  assert.equal(await page.evaluate(() => localStorage.getItem("steadyback:exercise-draft")), null, "moved, not copied");
  const kept = (await stored(page, "steadyback:exercise-drafts")).data.drafts;
  assert.deepEqual(kept.map((d) => [d.editing, d.exercise.name]), [[null, "Clam"]]);
  // Typing in a second form keeps the first one's draft beside it.
  await page.getByLabel("Name").fill("Clam with a band");
  await page.getByRole("button", { name: "Add exercise" }).click();
  await expectHeading(page, "Clam with a band");
  const id = decodeURIComponent(new URL(page.url()).pathname.split("/").pop());
  await page.goto("/exercises/new");
  await expectHeading(page, "Add your own exercise");
  await page.getByLabel("Name").fill("Bird dog");
  await page.goto(`/exercises/${encodeURIComponent(id)}/edit`);
  await expectHeading(page, "Change your exercise");
  await page.getByLabel("Name").fill("Clam, both sides");
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("steadyback:exercise-drafts") ?? "{}").data?.drafts?.length === 2);
  const both = (await stored(page, "steadyback:exercise-drafts")).data.drafts;
  assert.deepEqual(both.map((d) => [d.editing, d.exercise.name]).sort(), [[id, "Clam, both sides"], [null, "Bird dog"]].sort());
  await page.goto("/exercises/new");
  await page.getByText("Your unsaved changes from before are back.").waitFor();
  assert.equal(await page.getByLabel("Name").inputValue(), "Bird dog");
});

test("each preference changes what the player does, and a change mid-session applies from the next step", async () => {
  const app = await start({
    seed: { "steadyback:exercises": JSON.stringify({ schema: 1, saved_at: T0, data: { records: [MOVE], deleted: [] } }) },
  });
  await recordCues(app.context);
  const page = await app.page();
  await page.clock.install({ time: T0 });
  await page.clock.pauseAt(T0 + 1000);
  await page.goto("/settings");
  await expectHeading(page, "Settings");
  await page.clock.runFor(200);
  await page.getByRole("group", { name: "Get ready before each exercise" }).getByRole("radio", { name: "20 s", exact: true }).check();
  await page.getByRole("group", { name: "Rests between reps and sets" }).getByRole("radio", { name: "Longer", exact: true }).check();
  await page.getByRole("switch", { name: "Time to switch sides" }).click();
  await page.getByLabel("Volume").fill("40");
  await page.getByRole("group", { name: "Speaking rate" }).getByRole("radio", { name: "Slower", exact: true }).check();
  await page.getByRole("switch", { name: "Vibration" }).click();
  const settings = (await stored(page, "steadyback:settings"));
  assert.equal(settings.schema, 3);
  assert.deepEqual(
    (({ get_ready_secs, rest, switch_pause, volume, rate, vibration }) => ({ get_ready_secs, rest, switch_pause, volume, rate, vibration }))(settings.data),
    { get_ready_secs: 20, rest: "longer", switch_pause: true, volume: 40, rate: 85, vibration: false },
  );
  // The voice list: the device's own choice, and any voices the device has.
  assert.equal(await page.locator("#setting-voice option").first().textContent(), "Device default");
  // "Test": beeps and speaks at the chosen volume and rate.
  await page.getByRole("button", { name: "Test" }).click();
  const test = (await page.evaluate(() => window.__spoken)).at(-1);
  assert.deepEqual([test.text, Math.round(test.volume * 100), Math.round(test.rate * 100)], ["Get ready. This is how the voice sounds during a session.", 40, 85]);
  assert.ok(Math.abs(Math.max(...(await page.evaluate(() => window.__gains))) - 0.12) < 1e-6, "beeps at 40% of full");

  const player = page.locator("section.player");
  const step = async () => Number(await player.getAttribute("data-step"));
  const leftMs = async () => Number(await player.getAttribute("data-ends-at")) - (await page.evaluate(() => Date.now()));
  // To the millisecond past a boundary: the time left in whole seconds, as shown.
  const left = async () => Math.round((await leftMs()) / 1000) * 1000;
  const next = async () => page.clock.runFor((await leftMs()) + 1);
  const phase = () => player.locator(".phase").textContent();
  await page.goto(`/session/exercise:${MOVE_ID}`);
  await appReady(page);
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await page.evaluate(() => (window.__spoken.length = 0));
  assert.equal(await phase(), "Get ready");
  assert.equal(await left(), 20_000, "get ready: 20 s");
  await next();
  assert.deepEqual([await phase(), await left()], ["Hold", 3_000]);
  await next();
  assert.deepEqual([await phase(), await left()], ["Rest", 8_000], "rests twice as long");
  // Mid-rest, the rests go back to as set: this rest keeps its 8 s, the next is 4 s.
  const restStep = await step();
  await page.getByRole("button", { name: "Pace and sound" }).click();
  await page.getByRole("group", { name: "Rests between reps and sets" }).getByRole("radio", { name: "As set", exact: true }).check();
  await page.clock.runFor(1_000);
  assert.equal(await step(), restStep);
  assert.equal(await left(), 7_000, "the rest playing keeps its length");
  await next();
  assert.equal(await phase(), "Hold");
  await next();
  assert.deepEqual([await phase(), await left()], ["Switch sides", 15_000], "time to switch sides");
  await next();
  await next();
  assert.deepEqual([await phase(), await left()], ["Rest", 4_000], "the next rest is as set");
  const spoken = await page.evaluate(() => window.__spoken);
  assert.ok(spoken.length > 2);
  assert.ok(spoken.every((u) => Math.round(u.volume * 100) === 40 && Math.round(u.rate * 100) === 85), JSON.stringify(spoken));
  assert.deepEqual(await page.evaluate(() => window.__buzz), [], "vibration off: no buzz");
  // Stored with the session, the new pace survives a reload.
  const saved = (await stored(page, "steadyback:session")).data.session;
  assert.equal(saved.pace.rest, "as_set");
  assert.equal(saved.pace.get_ready_secs, 20);
  assert.deepEqual(app.errors, []);
});

test("theme and text size apply to the whole app from the first frame", async () => {
  const app = await start({ colorScheme: "light" });
  const page = await app.page();
  await page.goto("/settings");
  await expectHeading(page, "Settings");
  await page.getByRole("group", { name: "Theme" }).getByRole("radio", { name: "Dark", exact: true }).check();
  await page.getByRole("group", { name: "Text size" }).getByRole("radio", { name: "Larger", exact: true }).check();
  const look = () =>
    page.evaluate(() => {
      const root = document.documentElement;
      return [root.dataset.theme, root.dataset.text, getComputedStyle(root).fontSize, getComputedStyle(document.body).backgroundColor];
    });
  assert.deepEqual(await look(), ["dark", "larger", "20.8px", "rgb(17, 22, 20)"]);
  // Set while the page is still being parsed (index.html's first script), before the
  // app can run: the first frame is already dark and large.
  await app.context.addInitScript(() => {
    new MutationObserver((changes, observer) => {
      for (const c of changes) {
        if (c.attributeName === "data-theme" && !window.__early) {
          window.__early = [document.readyState, document.documentElement.dataset.theme, document.documentElement.dataset.text];
          observer.disconnect();
        }
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-theme"] });
  });
  await page.reload();
  await appStarted(page);
  assert.deepEqual(await page.evaluate(() => window.__early), ["loading", "dark", "larger"]);
  assert.deepEqual(await look(), ["dark", "larger", "20.8px", "rgb(17, 22, 20)"]);
  await page.getByRole("group", { name: "Theme" }).getByRole("radio", { name: "Light", exact: true }).check();
  await page.getByRole("group", { name: "Text size" }).getByRole("radio", { name: "Normal", exact: true }).check();
  assert.deepEqual(await look(), ["light", "normal", "16px", "rgb(244, 246, 243)"]);
  assert.deepEqual(app.errors, []);
});
