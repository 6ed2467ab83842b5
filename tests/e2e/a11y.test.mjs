// Every page checked with axe-core (the engine behind Lighthouse's accessibility score),
// in light and dark mode, at phone size.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { start, appReady } from "./harness.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
export const PAGES = ["/", "/library", "/progress", "/safety", "/settings", "/no-such-page"];

const apps = [];
after(async () => {
  for (const app of apps) await app.close();
});

for (const colorScheme of ["light", "dark"]) {
  test(`every page passes axe in ${colorScheme} mode`, async () => {
    const app = await start({ colorScheme });
    apps.push(app);
    const page = await app.page();
    const failures = [];
    for (const path of PAGES) {
      await page.goto(path);
      await appReady(page);
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() =>
        window.axe.run(document, {
          runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
        }),
      );
      for (const v of result.violations) {
        const where = v.nodes.map((n) => n.target.join(" ")).join("; ");
        failures.push(`${path}: ${v.id} (${v.impact}): ${v.help} at ${where}`);
      }
    }
    assert.deepEqual(failures, [], failures.join("\n"));
    assert.deepEqual(app.errors, []);
  });
}
