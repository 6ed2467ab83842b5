// Every page checked with axe-core (the engine behind Lighthouse's accessibility score),
// in light and dark mode, at phone size, with three weeks of history so the pages show
// their charts, cards and lists.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { start, appReady, appStarted } from "./harness.mjs";
import * as fixture from "./fixture.mjs";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
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

const apps = [];
after(async () => {
  for (const app of apps) await app.close();
});

for (const colorScheme of ["light", "dark"]) {
  test(`every page passes axe in ${colorScheme} mode`, async () => {
    const app = await start({ colorScheme, seed: fixture.storage(), timezoneId: fixture.TIME_ZONE });
    apps.push(app);
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

test("the first-run check and its outcomes pass axe", async () => {
  const app = await start({ firstRun: true });
  apps.push(app);
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
