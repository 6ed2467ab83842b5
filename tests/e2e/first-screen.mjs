// The first screen index.html paints before the app's wasm has arrived, made from the app
// itself: the release build is run in Chromium, the welcome it draws for a newcomer and
// the bottom bar it draws for someone returning are taken as they are, and written to
// assets/first-screen.html, which scripts/post-build.mjs puts into index.html.
//
//   node first-screen.mjs [DIST]   writes assets/first-screen.html from DIST's app
//
// first-screen.test.mjs renders it again from the build under test and fails when the
// committed file differs: a change to the welcome must be carried over by running this.
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { start, appReady, appStarted, DIST } from "./harness.mjs";

export const FIRST_SCREEN = resolve(dirname(fileURLToPath(import.meta.url)), "../../assets/first-screen.html");

/** Leptos's empty comment markers go; nothing else changes. */
const clean = (html) => html.replaceAll("<!---->", "");

/** The first screen as the app in `dist` draws it (root base). */
export async function renderFirstScreen(dist = DIST) {
  const fresh = await start({ firstRun: true, dist });
  let welcome;
  let skip;
  try {
    const page = await fresh.page();
    await page.goto("/");
    await appStarted(page);
    await page.getByRole("heading", { level: 1, name: "Welcome to Steadyback" }).waitFor();
    ({ welcome, skip } = await page.evaluate(() => ({
      welcome: document.querySelector("main#main").innerHTML,
      skip: document.querySelector(".skip-link").outerHTML,
    })));
  } finally {
    await fresh.close();
  }
  const back = await start({ dist });
  let nav;
  try {
    const page = await back.page();
    // A page whose link is not in the bar, so no link is marked current.
    await page.goto("/no-such-page");
    await appReady(page);
    nav = await page.evaluate(() => document.querySelector("nav.bottom-nav").outerHTML);
  } finally {
    await back.close();
  }
  // Before the app runs, "Continue" submits nothing (the app's own form takes over).
  const form = clean(welcome).replace('<button type="submit" class="wide">', '<button type="button" class="wide">');
  if (form === clean(welcome)) throw new Error("the welcome's Continue button was not found");
  return `<!-- Made by tests/e2e/first-screen.mjs from the app itself: do not edit. -->
${clean(skip)}
<div class="shell">
<div class="notices" role="status" aria-live="polite"></div>
<main class="page" id="main" tabindex="-1">
<div class="static-welcome">${form}</div>
<div class="static-returning card static-placeholder"></div>
</main>
${clean(nav).replace('<nav class="bottom-nav"', '<nav class="bottom-nav static-returning"')}
</div>
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(FIRST_SCREEN, await renderFirstScreen(process.argv[2] ? resolve(process.argv[2]) : DIST));
  console.log(`wrote ${FIRST_SCREEN}`);
}
