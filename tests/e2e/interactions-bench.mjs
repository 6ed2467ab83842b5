// Interaction benchmark (part of scripts/bench): how quickly every tap and keypress is
// answered, as the Event Timing API measures it (from the input to the next paint), with
// the CPU slowed 4× as Lighthouse does for a mobile phone. A scripted walk: every page by
// the bottom bar, a library search typed key by key, a session started, paused, resumed
// and skipped. Reports each interaction's duration: the worst and the 75th percentile.
// The walk starts after the person has looked at Today for two seconds, by when the
// pages split off the first load have been fetched and compiled in the background (the
// loader does that when the page is idle). `atOnce` measures instead one tap on Library
// as soon as the app has started, while that is still going on.
import { appReady, benchBrowser, expectHeading } from "./harness.mjs";

/** Records every interaction's Event Timing entries, from before the app starts. */
const observe = () => {
  window.__interactions = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.interactionId) window.__interactions.push({ id: e.interactionId, name: e.name, duration: e.duration, startTime: e.startTime });
    }
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
};

export async function interactionsBench(dist, { slowdown = 4, atOnce = false } = {}) {
  const { context, page, close } = await benchBrowser(dist);
  try {
    await context.addInitScript(observe);
    const cdp = await context.newCDPSession(page);
    await page.goto("/");
    await appReady(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
    // What the person did, named, for the report: each interaction is named after the
    // last action begun before it started. (Entries come only once the frame after the
    // input is shown, which can be after the next action: naming them by when they were
    // collected once blamed Skip for the wait after Pause.)
    const marks = [];
    const mark = async (label) => marks.push({ at: await page.evaluate(() => performance.now()), label });
    const nav = (name) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });
    const settle = () => page.waitForTimeout(300);
    if (atOnce) {
      await mark("bottom bar: Library, at once");
      await nav("Library").click();
      await expectHeading(page, "Library");
    } else {
      await page.waitForTimeout(2000);
      /** One action of the walk, named, then a pause as a person's between taps. */
      const act = async (label, action) => {
        await mark(label);
        await action();
        await settle();
      };
      const bar = (name) => async () => {
        await nav(name).click();
        await expectHeading(page, name);
      };
      for (const name of ["Library", "Progress", "Safety", "Settings", "Today"]) await act(`bottom bar: ${name}`, bar(name));
      await act("bottom bar: Library, again", bar("Library"));
      await act("library: the search field", () => page.getByLabel("Search").click());
      await act("library search, a key", () => page.keyboard.type("knee", { delay: 150 }));
      await act("library search, cleared", () => page.getByLabel("Search").fill(""));
      // To the session as a person gets there: from Today, by a tap.
      await act("bottom bar: Today", bar("Today"));
      await act("Today: a routine", async () => {
        await page.locator('main a[href$="/session/gentle-start"]').first().click();
        await page.getByRole("button", { name: "Start", exact: true }).waitFor();
      });
      for (const [name, next] of [
        ["Start", "Pause"],
        ["Pause", "Resume"],
        ["Resume", "Pause"],
        ["Skip", "Pause"],
      ]) {
        await act(`session: ${name}`, async () => {
          await page.getByRole("button", { name, exact: true }).click();
          await page.getByRole("button", { name: next, exact: true }).waitFor();
        });
      }
    }
    // The last entries come with the frame after the last input.
    await page.waitForTimeout(1500);
    const all = (await page.evaluate(() => window.__interactions.splice(0))).map((e) => ({
      ...e,
      label: marks.findLast((m) => m.at <= e.startTime)?.label ?? "before the walk",
    }));
    return summary(all, slowdown);
  } finally {
    await close();
  }
}

/** One duration per interaction (its longest event): how many, the worst, the 75th percentile. */
function summary(all, slowdown) {
  const byId = new Map();
  for (const e of all) byId.set(e.id, Math.max(byId.get(e.id) ?? 0, e.duration));
  const durations = [...byId.values()].sort((a, b) => a - b);
  const worstId = [...byId.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const labels = new Map(all.map((e) => [e.id, e.label]));
  const p75 = durations.length ? durations[Math.min(durations.length - 1, Math.ceil(durations.length * 0.75) - 1)] : 0;
  return {
    count: durations.length,
    worst: durations.at(-1) ?? 0,
    worstWhat: labels.get(worstId) ?? "none",
    p75,
    slowdown,
  };
}
