// Screenshots of the release build for a person to look at (not a test):
//   node screens.mjs [--dark] [--first-run] [--narrow] [path ...]   → ../../target/screens/<size>-<scheme>-<page>.png
// Phone size is 412×823, desktop 1280×800. Full-page shots, so long pages are seen whole.
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { start, PHONE, DESKTOP } from "./harness.mjs";
import * as fixture from "./fixture.mjs";

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), "../../target/screens");
const args = process.argv.slice(2);
const colorScheme = args.includes("--dark") ? "dark" : "light";
const firstRun = args.includes("--first-run");
// --fixture: three weeks of history, on the fixture's date and time zone.
const withFixture = args.includes("--fixture");
const paths = args.filter((a) => !a.startsWith("--"));
const pages = paths.length ? paths : ["/", "/library", "/progress", "/safety", "/settings"];
mkdirSync(OUT, { recursive: true });

const sizes = args.includes("--narrow")
  ? [["narrow", { width: 360, height: 740 }]]
  : [["phone", PHONE], ["desktop", DESKTOP]];
for (const [size, viewport] of sizes) {
  const app = await start({
    viewport,
    colorScheme,
    firstRun,
    ...(withFixture ? { seed: fixture.storage(), timezoneId: fixture.TIME_ZONE } : {}),
  });
  const page = await app.page();
  if (withFixture) await page.clock.install({ time: fixture.NOW });
  for (const path of pages) {
    await page.goto(path);
    await page.locator("h1").waitFor();
    await page.waitForTimeout(150);
    const name = path.replace(/^\//, "").replace(/[^a-z0-9]+/gi, "_") || "today";
    const tag = `${firstRun ? "-first-run" : ""}${withFixture ? "-fixture" : ""}`;
    const file = join(OUT, `${size}-${colorScheme}${tag}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  if (app.errors.length) console.error("page errors:", app.errors);
  await app.close();
}
