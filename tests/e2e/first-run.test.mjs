// The first-run safety check, both ways: an urgent sign, and none; and an urgent answer
// closing every way into exercise, a session in progress included.
import assert from "node:assert/strict";
import { test, start, appReady, expectHeading, appStarted } from "./harness.mjs";


async function firstVisit(path = "/") {
  const app = await start({ firstRun: true });
  const page = await app.page();
  await page.goto(path);
  await appStarted(page);
  await page.getByRole("heading", { level: 1, name: "Welcome to Steadyback" }).waitFor();
  assert.equal(await page.locator("nav.bottom-nav").count(), 0, "nothing else before the check");
  return { app, page };
}

test("with no warning signs, the app opens", async () => {
  const { app, page } = await firstVisit("/library");
  // The advice to ask a GP or physiotherapist first comes before anything else.
  const before = await page.getByRole("region", { name: "Before you begin" }).textContent();
  assert.match(before, /Not sure these exercises suit you\? Did your pain come on suddenly, or is it severe\?/);
  assert.match(before, /see a GP or physiotherapist before you begin/);
  await page.getByRole("button", { name: "Continue" }).click();
  await appReady(page);
  await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
  assert.equal(await page.locator(".card.urgent").count(), 0);
  await page.getByRole("link", { name: "Browse exercises" }).waitFor();
  // A newcomer is offered the gentle start, and only the flare-up day beside it.
  assert.match(await page.locator("section.suggested h2").textContent(), /A gentle start/);
  // Each exercise of it drawn, by code fetched just after the first paint.
  const figures = page.locator("section.suggested .list-figure");
  await figures.first().locator("svg").waitFor();
  assert.ok((await figures.count()) >= 3, "the routine's exercises are listed with figures");
  for (const figure of await figures.all()) {
    assert.equal(await figure.locator("svg[role=img]").count(), 1, "every exercise of the routine is drawn");
  }
  assert.deepEqual(await page.locator(".routine-list a").allTextContents(), ["Flare-up day"]);
  assert.match(
    await page.locator(".starting-out").textContent(),
    /once you have done A gentle start on 3 different days.*the app's own choice/,
  );
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
  await appStarted(page);
  await page.getByRole("heading", { level: 1, name: "Welcome to Steadyback" }).waitFor();
  await page.getByLabel("You have a high temperature.").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { name: "Check with a GP or physiotherapist first" }).waitFor();
  await page.getByRole("link", { name: "Browse exercises" }).waitFor();
  assert.equal(await page.getByRole("alert").count(), 0);
  assert.deepEqual(app.errors, []);
});

test("an urgent answer closes every way into exercise until the check is taken again", async () => {
  // Someone who answered the check with no signs has a session going.
  const app = await start();
  const page = await app.page();
  await page.goto("/session/gentle-start");
  await appReady(page);
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await page.getByRole("button", { name: "Pause" }).click();
  const saved = () => page.evaluate(() => JSON.parse(localStorage.getItem("steadyback:session")));
  assert.ok((await saved()).data.session, "a session in progress is saved");

  // They take the check again and tick an urgent sign.
  await page.goto("/safety");
  await page.getByRole("button", { name: "Take the safety check again" }).click();
  await appStarted(page);
  await page.getByRole("heading", { level: 1, name: "Welcome to Steadyback" }).waitFor();
  await page.getByLabel("Numbness, tingling or weakness in both legs.").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await appReady(page);
  await page.getByRole("alert").waitFor();
  assert.equal(await page.getByRole("heading", { name: "Session in progress" }).count(), 0);

  const blocked = async (path, heading) => {
    await page.goto(path);
    await appReady(page);
    await expectHeading(page, heading);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.textContent(), /Get medical help now/, path);
    await alert.getByRole("button", { name: "Take the safety check again" }).waitFor();
    for (const name of ["Try it", "Start", "Resume", "Pause", "It hurts"]) {
      assert.equal(await page.getByRole("button", { name, exact: true }).count(), 0, `${path}: ${name}`);
      assert.equal(await page.getByRole("link", { name, exact: true }).count(), 0, `${path}: ${name}`);
    }
  };
  await blocked("/exercise/bridge", "Bridge");
  await blocked("/session/core-stability", "Session");
  await blocked("/session/exercise:bridge", "Session");
  await blocked("/session/gentle-start", "Session");
  assert.ok((await saved()).data.session, "the session in progress is kept, not lost");

  // Taken again with no signs: the session can be continued.
  await page.getByRole("button", { name: "Take the safety check again" }).click();
  await appStarted(page);
  await page.getByRole("heading", { level: 1, name: "Welcome to Steadyback" }).waitFor();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { name: "Session in progress" }).waitFor();
  await page.getByRole("link", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Resume" }).waitFor();
  assert.deepEqual(app.errors, []);
});
