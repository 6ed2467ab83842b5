// Every page checked with axe-core (the engine behind Lighthouse's accessibility score),
// in light and dark mode, at phone size, with three weeks of history so the pages show
// their charts, cards and lists.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { test, start, appReady, appStarted } from "./harness.mjs";
import * as fixture from "./fixture.mjs";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
// One exercise of the person's own, and a link carrying another's.
const OWN = {
  id: fixture.NOW - 86_400_000,
  salt: 2,
  updated_at: fixture.NOW - 86_400_000,
  name: "Heel slides",
  kind: "stretch",
  start: "on_back",
  steps: ["Lie on your back with both knees bent.", "Slide one heel along the floor until the leg is straight, then back."],
  how: "paced",
  each_side: true,
  sets: 1,
  reps: 5,
  secs: 4,
  rest_reps: 2,
  rest_sets: 30,
  progression: false,
};
const OWN_ID = `mine:${OWN.id}-${OWN.salt}`;
const SEED = {
  ...fixture.storage(),
  "steadyback:exercises": JSON.stringify({ schema: 1, saved_at: fixture.NOW, data: { records: [OWN], deleted: [] } }),
};
const PAGES = [
  "/",
  "/library",
  "/library?kind=activity&q=zzz",
  "/exercise/bridge",
  "/exercise/walking",
  "/exercise/does-not-exist",
  "/session/gentle-start",
  "/progress",
  "/progress/summary",
  `/progress/session/${fixture.sessions()[5].started_at}`,
  "/activity",
  `/activity?edit=${fixture.activities()[0].id}`,
  "/safety",
  "/settings",
  "/routines",
  "/routines/gentle-start",
  "/routines/new",
  "/routines/new?from=desk-break",
  "/shared#1.A%20shared%20routine.bridge*2*10*5*5*30.pelvic-tilt*1*10*5*5*30",
  "/shared#7.Newer",
  `/exercise/${OWN_ID}`,
  "/exercises/new",
  `/exercises/${OWN_ID}/edit`,
  "/library?mine=1",
  "/shared#2.Theirs.mine:5-1*1*5*3*3*30.bridge*1*10*5*5*30.~5-1~Cat%20and%20camel~hands_knees~stretch~paced~0~0~1~5~3~3~30~Round%20your%20back%20up%2E~Let%20it%20dip%20gently%2E",
  "/no-such-page",
];

async function violations(page, path) {
  // Evaluated as the test tool, not added as a script: the app's content policy rightly
  // refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    }),
  );
  return result.violations.map((v) => {
    const where = v.nodes.map((n) => n.target.join(" ")).join("; ");
    return `${path}: ${v.id} (${v.impact}): ${v.help} at ${where}`;
  });
}


for (const colorScheme of ["light", "dark"]) {
  test(`every page passes axe in ${colorScheme} mode`, async () => {
    const app = await start({ colorScheme, seed: SEED, timezoneId: fixture.TIME_ZONE, now: fixture.NOW });
    const page = await app.page();
    const failures = [];
    for (const path of PAGES) {
      await page.goto(path);
      await appReady(page);
      failures.push(...(await violations(page, path)));
    }
    assert.deepEqual(failures, [], failures.join("\n"));
    assert.deepEqual(app.errors, []);
  });
}

// The largest text on the narrowest phone: every page fits its width (no sideways
// scrolling, so nothing is cut off at the side) and still passes axe.
for (const colorScheme of ["light", "dark"]) {
  test(`every page with the largest text at 360 px wide: no sideways scroll, axe passes (${colorScheme})`, async () => {
    const larger = JSON.stringify({ schema: 3, saved_at: fixture.NOW, data: { text_size: "larger" } });
    const app = await start({
      viewport: { width: 360, height: 740 },
      colorScheme,
      seed: { ...SEED, "steadyback:settings": larger },
      timezoneId: fixture.TIME_ZONE,
      now: fixture.NOW,
    });
    const page = await app.page();
    const failures = [];
    for (const path of [...PAGES, "/session/exercise:bridge"]) {
      await page.goto(path);
      await appReady(page);
      // Panels that open: opened, so what they hold is checked too.
      for (const summary of await page.locator("details > summary").all()) await summary.click();
      const [text, scroll, width] = await page.evaluate(() => [
        document.documentElement.dataset.text,
        document.documentElement.scrollWidth,
        window.innerWidth,
      ]);
      assert.equal(text, "larger", path);
      if (scroll > width) {
        const wide = await page.evaluate((w) =>
          [...document.querySelectorAll("main *, nav *")]
            .filter((el) => el.getBoundingClientRect().right > w + 0.5)
            .slice(0, 5)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
        width);
        failures.push(`${path}: ${scroll} px wide at ${width} (${wide.join(", ")})`);
      }
      failures.push(...(await violations(page, path)));
    }
    assert.deepEqual(failures, [], failures.join("\n"));
    assert.deepEqual(app.errors, []);
  });
}

test("the first-run check and its outcomes pass axe", async () => {
  const app = await start({ firstRun: true });
  const page = await app.page();
  await page.goto("/");
  await appStarted(page);
  await page.getByRole("heading", { level: 1, name: "Welcome to Steadyback" }).waitFor();
  const failures = await violations(page, "welcome");
  await page.getByLabel("You have a high temperature.").check();
  await page.getByLabel("Chest pain as well as back pain.").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("alert").waitFor();
  failures.push(...(await violations(page, "urgent outcome")));
  assert.deepEqual(failures, [], failures.join("\n"));
});
