// The first-run safety check, both ways: an urgent sign, and none.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { start, appReady } from "./harness.mjs";

const apps = [];
after(async () => {
  for (const app of apps) await app.close();
});

async function firstVisit(path = "/") {
  const app = await start({ firstRun: true });
  apps.push(app);
  const page = await app.page();
  await page.goto(path);
  await page.getByRole("heading", { level: 1, name: "Welcome to Steadyback" }).waitFor();
  assert.equal(await page.locator("nav.bottom-nav").count(), 0, "nothing else before the check");
  return { app, page };
}

test("with no warning signs, the app opens", async () => {
  const { app, page } = await firstVisit("/library");
  await page.getByRole("button", { name: "Continue" }).click();
  await appReady(page);
  await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
  assert.equal(await page.locator(".card.urgent").count(), 0);
  await page.getByRole("link", { name: "Browse exercises" }).waitFor();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("steadyback:safety-check")));
  assert.deepEqual([stored.data.urgent, stored.data.see_professional], [[], []]);
  assert.ok(stored.data.answered_at > 1.7e12, "the date is stored");

  // Kept across a reload, and shown on the Safety page with its date.
  await page.reload();
  await appReady(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Safety" }).click();
  assert.match(await page.getByRole("region", { name: "Your safety check" }).textContent(), /You last took it on/);
  assert.deepEqual(app.errors, []);
});

test("an urgent sign shows the emergency advice and no exercise", async () => {
  const { app, page } = await firstVisit();
  await page.getByLabel("Chest pain as well as back pain.").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await appReady(page);
  const alert = page.getByRole("alert");
  await alert.waitFor();
  const text = await alert.textContent();
  assert.match(text, /Get medical help now/);
  assert.match(text, /Chest pain as well as back pain/);
  assert.match(text, /999.*112.*911/);
  assert.equal(await page.getByRole("link", { name: "Browse exercises" }).count(), 0, "no exercise suggested");

  // The check can be taken again; this time with a see-a-GP sign only.
  await page.getByRole("button", { name: "Take the safety check again" }).click();
  await page.getByRole("heading", { level: 1, name: "Welcome to Steadyback" }).waitFor();
  await page.getByLabel("You have a high temperature.").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { name: "Check with a GP or physiotherapist first" }).waitFor();
  await page.getByRole("link", { name: "Browse exercises" }).waitFor();
  assert.equal(await page.getByRole("alert").count(), 0);
  assert.deepEqual(app.errors, []);
});
