// Interaction benchmark (part of scripts/bench): how quickly every tap and keypress is
// answered, as the Event Timing API measures it (from the input to the next paint), with
// the CPU slowed 4× as Lighthouse does for a mobile phone. A scripted walk: every page by
// the bottom bar, a library search typed key by key, a session started, paused, resumed
// and skipped. Reports each interaction's duration: the worst and the 75th percentile.
// The walk starts after the person has looked at Today for two seconds, by when the
// pages split off the first load have been fetched and compiled in the background (the
// loader does that when the page is idle). `atOnce` measures instead one tap on Library
// as soon as the app has started, while that is still going on.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";
import { CHROMIUM, CHROMIUM_ARGS, CLEAR_CHECK, PHONE, appReady, expectHeading } from "./harness.mjs";

/** Records every interaction's Event Timing entries, from before the app starts. */
const observe = () => {
  window.__interactions = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.interactionId) window.__interactions.push({ id: e.interactionId, name: e.name, duration: e.duration });
    }
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
};

export async function interactionsBench(dist, { slowdown = 4, atOnce = false } = {}) {
  const server = await serve(dist);
  const profile = mkdtempSync(join(tmpdir(), "steadyback-inp-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: PHONE,
    hasTouch: true,
    baseURL: server.origin,
  });
  const labels = new Map();
  try {
    await context.addInitScript((check) => localStorage.setItem("steadyback:safety-check", check), CLEAR_CHECK);
    await context.addInitScript(observe);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await page.goto("/");
    await appReady(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
    // What the person did, named, for the report: the interaction ids that came after.
    const all = [];
    const collect = async (label) => {
      const entries = await page.evaluate(() => window.__interactions.splice(0));
      for (const e of entries) labels.set(e.id, label);
      all.push(...entries.map((e) => ({ ...e, label })));
    };
    const nav = (name) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });
    if (atOnce) {
      await nav("Library").click();
      await expectHeading(page, "Library");
      await page.waitForTimeout(300);
      await collect("bottom bar: Library, at once");
      return summary(all, labels, slowdown);
    }
    await page.waitForTimeout(2000);
    for (const [name, heading] of [
      ["Library", "Library"],
      ["Progress", "Progress"],
      ["Safety", "Safety"],
      ["Settings", "Settings"],
      ["Today", "Today"],
    ]) {
      await nav(name).click();
      await expectHeading(page, heading);
      await page.waitForTimeout(300);
      await collect(`bottom bar: ${name}`);
    }
    await nav("Library").click();
    await expectHeading(page, "Library");
    await page.getByLabel("Search").click();
    await page.keyboard.type("knee", { delay: 150 });
    await page.waitForTimeout(300);
    await collect("library search, a key");
    await page.getByLabel("Search").fill("");
    await page.waitForTimeout(300);
    await collect("library search, cleared");
    // To the session as a person gets there: from Today, by a tap.
    await nav("Today").click();
    await expectHeading(page, "Today");
    await page.waitForTimeout(300);
    await collect("bottom bar: Today");
    await page.locator('main a[href$="/session/gentle-start"]').first().click();
    await page.getByRole("button", { name: "Start", exact: true }).waitFor();
    await page.waitForTimeout(300);
    await collect("Today: a routine");
    for (const [name, next] of [
      ["Start", "Pause"],
      ["Pause", "Resume"],
      ["Resume", "Pause"],
      ["Skip", "Pause"],
    ]) {
      await page.getByRole("button", { name, exact: true }).click();
      await page.getByRole("button", { name: next, exact: true }).waitFor();
      await page.waitForTimeout(300);
      await collect(`session: ${name}`);
    }
    return summary(all, labels, slowdown);
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** One duration per interaction (its longest event): how many, the worst, the 75th percentile. */
function summary(all, labels, slowdown) {
  const byId = new Map();
  for (const e of all) byId.set(e.id, Math.max(byId.get(e.id) ?? 0, e.duration));
  const durations = [...byId.values()].sort((a, b) => a - b);
  const worstId = [...byId.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const p75 = durations.length ? durations[Math.min(durations.length - 1, Math.ceil(durations.length * 0.75) - 1)] : 0;
  return {
    count: durations.length,
    worst: durations.at(-1) ?? 0,
    worstWhat: labels.get(worstId) ?? "none",
    p75,
    slowdown,
  };
}
