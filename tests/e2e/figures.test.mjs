// The figures' contact sheet: every entry's start and end poses as the app draws them,
// written to target/figures/contact-sheet.png for a person to review at once.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { useApp, appReady } from "./harness.mjs";

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), "../../target/figures");
const s = useApp({ viewport: { width: 720, height: 900 } });

test("a contact sheet of every exercise's key poses", async () => {
  await s.page.emulateMedia({ reducedMotion: "reduce" });
  await s.page.goto("/library");
  await appReady(s.page);
  const ids = await s.page.locator(".exercise-card").evaluateAll((cards) =>
    cards.map((a) => a.getAttribute("href").split("/").pop()),
  );
  assert.equal(ids.length, 25);
  const rows = [];
  for (const id of ids) {
    await s.page.goto(`/exercise/${id}`);
    await appReady(s.page);
    const frames = s.page.locator(".figure-frames .figure");
    await frames.first().waitFor();
    const name = await s.page.locator("h1").textContent();
    const svgs = await frames.evaluateAll((els) => els.map((e) => e.innerHTML));
    assert.equal(svgs.length, 2, `${id}: start and end`);
    rows.push(`<div class="row"><b>${name}</b>${svgs.map((x) => `<div class="figure">${x}</div>`).join("")}</div>`);
  }
  assert.deepEqual(s.app.errors, [], "every page drew without an error");
  const css = await s.page.evaluate(() =>
    [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join("\n"),
  );
  await s.page.setContent(
    `<!doctype html><style>${css} body{padding:8px} .row{display:inline-block;width:340px;margin:4px;vertical-align:top}
     .row b{display:block} .row .figure{display:inline-block;width:160px;height:100px;border:1px solid #ccc;margin:2px;overflow:hidden}
     .row .figure svg{width:100%;height:100%}</style>${rows.join("")}`,
  );
  mkdirSync(OUT, { recursive: true });
  const file = resolve(OUT, "contact-sheet.png");
  await s.page.screenshot({ path: file, fullPage: true });
  assert.ok(existsSync(file) && statSync(file).size > 20_000, "the sheet is written");
  assert.equal(await s.page.locator("svg[role=img]").count(), 50);
});
