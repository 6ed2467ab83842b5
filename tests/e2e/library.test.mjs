// The exercise library: filters in the address, detail pages, swaps, unknown ids.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, appReady } from "./harness.mjs";

let app;
let page;
before(async () => {
  app = await start();
  page = await app.page();
});
after(async () => {
  await app?.close();
});

const heading = (name) =>
  page.getByRole("heading", { level: 1, name, exact: true }).waitFor({ timeout: 5000 });
const cardNames = () => page.locator(".exercise-card h2").allTextContents();

test("the library lists all 25 entries with their dose and time", async () => {
  await page.goto("/library");
  await appReady(page);
  await heading("Library");
  assert.equal((await cardNames()).length, 25);
  assert.equal(await page.locator(".result-count").textContent(), "25 exercises");
  const bridge = page.locator(".exercise-card", { hasText: "Bridge" });
  assert.equal(await bridge.locator(".dose").textContent(), "2 × 10–15 · hold 5 s · about 4 min");
  assert.match(await bridge.locator(".meta").textContent(), /Core and strength · Lying on your back/);
});

test("filters combine, live in the address and survive a reload", async () => {
  await page.goto("/library");
  await appReady(page);
  await page.getByLabel("Type").selectOption({ label: "Core and strength" });
  await page.getByLabel("Kit").selectOption({ label: "Bed" });
  await page.waitForURL(/\/library\?kind=strength&kit=bed$/);
  const expected = ["Abdominal bracing", "Bridge", "Prone trunk lift", "Elevated plank"];
  assert.deepEqual(await cardNames(), expected);

  await page.reload();
  await appReady(page);
  assert.deepEqual(await cardNames(), expected);
  assert.equal(await page.getByLabel("Type").inputValue(), "strength");
  assert.equal(await page.getByLabel("Kit").inputValue(), "bed");

  await page.getByLabel("Search").fill("lift");
  await page.waitForURL(/q=lift/);
  assert.deepEqual(await cardNames(), ["Prone trunk lift"]);

  await page.getByLabel("Search").fill("swimming");
  await page.getByText("Nothing matches").waitFor();
  assert.deepEqual(await cardNames(), []);
  await page.getByRole("button", { name: "Clear the filters" }).click();
  await page.waitForURL((url) => url.pathname === "/library" && url.search === "");
  assert.equal((await cardNames()).length, 25);
});

test("a card opens its detail page, and a swap link leads to another", async () => {
  await page.goto("/library?kind=strength&kit=bed");
  await appReady(page);
  await page.locator(".exercise-card", { hasText: "Bridge" }).click();
  await page.waitForURL("**/exercise/bridge");
  await heading("Bridge");
  const steps = await page.locator(".steps li").allTextContents();
  assert.ok(steps.length >= 2);
  const dose = await page.locator(".dose-table").textContent();
  assert.match(dose, /Hold5 secondsfrom Cleveland Clinic/);
  assert.match(dose, /Rest between reps3 secondssuggested by the app/);
  assert.match(await page.locator(".sources").textContent(), /Cleveland Clinic, "Back Pain Exercises/);

  await page.getByRole("link", { name: "Abdominal bracing" }).click();
  await page.waitForURL("**/exercise/abdominal-bracing");
  await heading("Abdominal bracing");
  assert.match(await page.locator(".swap").first().textContent(), /Easier.*Pelvic tilt/s);
});

test("an unknown exercise says so and offers a way back", async () => {
  await page.goto("/exercise/does-not-exist");
  await appReady(page);
  await heading("Exercise not found");
  await page.getByRole("link", { name: "Go to the library" }).click();
  await heading("Library");
});

test("no uncaught errors", () => {
  assert.deepEqual(app.errors, []);
});
