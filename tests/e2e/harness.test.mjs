// The harness itself: what every other test leans on must be able to fail. Its clock
// starts at a fixed moment, and it sees the errors a page makes (the after-each check
// fails the test that made them; here they are taken out once seen, so this test passes).
import assert from "node:assert/strict";
import { test, start, appReady, DEFAULT_NOW } from "./harness.mjs";

test("the browser's clock starts at the harness's fixed moment, or the test's own", async () => {
  const app = await start();
  const page = await app.page();
  await page.goto("/");
  await appReady(page);
  const now = await page.evaluate(() => Date.now());
  assert.ok(now >= DEFAULT_NOW && now < DEFAULT_NOW + 60_000, `${new Date(now).toISOString()} is the fixed moment`);
  const own = await start({ now: Date.UTC(2030, 0, 1, 8, 0) });
  const other = await own.page();
  await other.goto("/");
  assert.equal(await other.evaluate(() => new Date().getUTCFullYear()), 2030);
});

test("uncaught errors and console errors of every page are seen, unless allowed", async () => {
  const app = await start();
  const page = await app.page();
  await page.goto("/");
  await appReady(page);
  await page.evaluate(() => console.error("a console error"));
  await page.evaluate(() => setTimeout(() => {
    throw new Error("an uncaught error");
  }));
  // A second tab of the same app counts too.
  const tab = await app.context.newPage();
  await tab.goto("/library");
  await tab.evaluate(() => console.error("from another tab"));
  app.allowErrors(/expected on purpose/);
  await tab.evaluate(() => console.error("expected on purpose"));
  await page.waitForFunction(() => true);
  for (let i = 0; i < 50 && app.errors.length < 3; i++) await page.waitForTimeout(20);
  const seen = app.errors.splice(0);
  assert.equal(seen.length, 3, seen.join("\n"));
  assert.ok(seen.includes("a console error"));
  assert.ok(seen.includes("from another tab"));
  assert.ok(seen.some((e) => /an uncaught error/.test(e)));
});
