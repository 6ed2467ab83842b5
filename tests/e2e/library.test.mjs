// The exercise library: filters in the address, detail pages, swaps, unknown ids.
import assert from "node:assert/strict";
import { test, useApp, appReady, expectHeading } from "./harness.mjs";

const s = useApp();

const cardNames = () => s.page.locator(".exercise-card h2").allTextContents();

test("the library lists all 25 entries with their dose and time", async () => {
  await s.page.goto("/library");
  await appReady(s.page);
  await expectHeading(s.page, "Library");
  assert.equal((await cardNames()).length, 25);
  assert.equal(await s.page.locator(".result-count").textContent(), "25 exercises");
  const bridge = s.page.locator(".exercise-card", { hasText: "Bridge" });
  assert.equal(await bridge.locator(".dose").textContent(), "2 × 10–15 · hold 5 s · about 4 min");
  assert.match(await bridge.locator(".meta").textContent(), /Core and strength · Lying on your back/);
  // Every card shows its move, drawn, with a name a screen reader reads. The cards'
  // figures are drawn just after the first paint (a busy machine may take a moment).
  await s.page
    .waitForFunction(() => document.querySelectorAll(".exercise-card svg[role=img]").length >= 25, null, { timeout: 10_000 })
    .catch(() => {});
  const labels = await s.page.locator(".exercise-card svg[role=img]").evaluateAll((svgs) =>
    svgs.map((svg) => svg.getAttribute("aria-label")),
  );
  assert.equal(labels.length, 25);
  assert.ok(labels.every((l) => /\. Working: .+\.$/.test(l)), labels.join("\n"));
  assert.match(await bridge.locator("svg").getAttribute("aria-label"), /Squeeze your bottom.*Working: the buttocks/);
});

test("filters combine, live in the address and survive a reload", async () => {
  await s.page.goto("/library");
  await appReady(s.page);
  await s.page.getByLabel("Type").selectOption({ label: "Core and strength" });
  await s.page.getByLabel("Kit").selectOption({ label: "Bed" });
  await s.page.waitForURL(/\/library\?kind=strength&kit=bed$/);
  const expected = ["Abdominal bracing", "Bridge", "Prone trunk lift", "Elevated plank"];
  assert.deepEqual(await cardNames(), expected);

  await s.page.reload();
  await appReady(s.page);
  assert.deepEqual(await cardNames(), expected);
  assert.equal(await s.page.getByLabel("Type").inputValue(), "strength");
  assert.equal(await s.page.getByLabel("Kit").inputValue(), "bed");

  await s.page.getByLabel("Search").fill("lift");
  await s.page.waitForURL(/q=lift/);
  assert.deepEqual(await cardNames(), ["Prone trunk lift"]);

  await s.page.getByLabel("Search").fill("swimming");
  await s.page.getByText("Nothing matches").waitFor();
  assert.deepEqual(await cardNames(), []);
  await s.page.getByRole("button", { name: "Clear the filters" }).click();
  await s.page.waitForURL((url) => url.pathname === "/library" && url.search === "");
  assert.equal((await cardNames()).length, 25);
});

test("a card opens its detail s.page, and a swap link leads to another", async () => {
  await s.page.goto("/library?kind=strength&kit=bed");
  await appReady(s.page);
  await s.page.locator(".exercise-card", { hasText: "Bridge" }).click();
  await s.page.waitForURL("**/exercise/bridge");
  await expectHeading(s.page, "Bridge");
  const steps = await s.page.locator(".steps li").allTextContents();
  assert.ok(steps.length >= 2);
  const dose = await s.page.locator(".dose-table").textContent();
  assert.match(dose, /Hold5 secondsfrom Cleveland Clinic/);
  assert.match(dose, /Rest between reps3 secondssuggested by the app/);
  assert.match(await s.page.locator(".sources").textContent(), /Cleveland Clinic, "Back Pain Exercises/);

  await s.page.getByRole("link", { name: "Abdominal bracing" }).click();
  await s.page.waitForURL("**/exercise/abdominal-bracing");
  await expectHeading(s.page, "Abdominal bracing");
  assert.match(await s.page.locator(".swap").first().textContent(), /Easier.*Pelvic tilt/s);
});

test("an unknown exercise says so and offers a way back", async () => {
  await s.page.goto("/exercise/does-not-exist");
  await appReady(s.page);
  await expectHeading(s.page, "Exercise not found");
  await s.page.getByRole("link", { name: "Go to the library" }).click();
  await expectHeading(s.page, "Library");
});

