// Hosting: the build's content policy holds on every page with no violation and nothing
// leaves the app's origin; the test server answers as a real host (compression, caching,
// security headers); the app under a sub-path; and a new version offered, after a
// session ends, with "Reload". nginx.test.mjs serves the same builds through nginx.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test, useApp, start, appReady, expectHeading, get, wasmName, storedSessions, DIST, DIST_SUB, DIST_NEXT, SUB } from "./harness.mjs";
import { shellTests } from "./app-shell.mjs";
import { LOADER, contentPolicy, inlineScripts, scriptHash, IMMUTABLE } from "../../scripts/hosting.mjs";

/** The version a page runs (the build writes it into index.html). */
const versionOf = (page) => page.locator('meta[name="steadyback-version"]').getAttribute("content");
const versionIn = (dist) => readFileSync(join(dist, "index.html"), "utf8").match(/steadyback-version" content="([0-9a-f]+)"/)[1];

/** The hashes the built index.html's policy must carry: one per inline script. */
const POLICY_HASHES = () => inlineScripts(readFileSync(join(DIST, "index.html"), "utf8")).map(scriptHash);

/** Resolves once this page is controlled by an activated service worker. */
const controlled = (page) =>
  page.waitForFunction(() => navigator.serviceWorker.controller?.state === "activated", null, { timeout: 15000 });

describe("the content policy", () => {
  const s = useApp({}, async ({ app }) => {
    s.violations = [];
    s.offOrigin = [];
    // Every violation the browser reports, from any page, before the app's own scripts run.
    await app.context.exposeBinding("__violation", (_, v) => s.violations.push(v));
    await app.context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        window.__violation(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    app.context.on("console", (msg) => {
      if (/Content.Security.Policy|Permissions.Policy|Refused to/i.test(msg.text())) s.violations.push(msg.text());
    });
    app.context.on("request", (req) => {
      const url = new URL(req.url());
      if (!["blob:", "data:"].includes(url.protocol) && url.origin !== new URL(app.url).origin) s.offOrigin.push(req.url());
    });
  });

  test("index.html carries the policy with the hash of each inline script, before any script", () => {
    const html = readFileSync(join(DIST, "index.html"), "utf8");
    const source = readFileSync(new URL("../../index.html", import.meta.url), "utf8");
    const [firstPaint] = inlineScripts(source);
    assert.match(firstPaint, /classList\.add\("returning"\)/, "the source's first-paint script");
    assert.deepEqual(inlineScripts(html), [firstPaint, LOADER], "that one, then the app's loader: no other");
    const policy = contentPolicy(POLICY_HASHES(), { meta: true });
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${policy}" />`));
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\s\*/);
    assert.ok(html.indexOf("Content-Security-Policy") < html.indexOf("<script"), "the policy comes before any script");
  });

  test("every page runs under the policy with no violation, and nothing leaves the origin", async () => {
    const { page, app } = s;
    // Every page a person can reach by following links from Today, and a few more.
    const seen = new Set();
    const queue = ["/", "/activity", "/progress/summary", "/no/such/page"];
    while (queue.length && seen.size < 80) {
      const path = queue.shift();
      if (seen.has(path)) continue;
      seen.add(path);
      await page.goto(path);
      await appReady(page);
      await page.locator("main h1").first().waitFor();
      const links = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.href));
      for (const href of links) {
        const url = new URL(href);
        if (url.origin === new URL(app.url).origin && !seen.has(url.pathname + url.search)) {
          queue.push(url.pathname + url.search);
        }
      }
    }
    assert.ok(seen.size >= 30, `followed links to ${seen.size} pages`);
    for (const path of ["/library", "/exercise/bridge", "/session/gentle-start", "/safety", "/settings"]) {
      assert.ok(seen.has(path), `${path} was visited`);
    }
    // A session played for a while (the figure moves), stopped, and its record opened.
    await page.goto("/session/gentle-start");
    await page.getByRole("button", { name: "Start", exact: true }).click();
    await page.getByRole("button", { name: "Pause" }).waitFor();
    await page.waitForTimeout(1500);
    await page.getByRole("button", { name: "Stop", exact: true }).click();
    await page.getByRole("button", { name: "End the session" }).click();
    await page.getByRole("link", { name: "Back to Today" }).click();
    await page.goto("/progress");
    await page.locator("a.session-row").first().click();
    await page.locator("main h1").first().waitFor();
    // The first run, on a fresh profile.
    const fresh = await start({ firstRun: true });
    try {
      const first = await fresh.page();
      const seenThere = [];
      first.on("console", (m) => /Content.Security.Policy|Refused to/i.test(m.text()) && seenThere.push(m.text()));
      await first.goto("/");
      await expectHeading(first, "Welcome to Steadyback");
      assert.deepEqual(seenThere, []);
    } finally {
      await fresh.close();
    }
    assert.deepEqual(s.violations, [], "no content policy violations");
    assert.deepEqual(s.offOrigin, [], "no request left the app's origin");
  });

  test("the server sends the security headers, compresses, and caches hashed files for good", async () => {
    const origin = new URL(s.app.url).origin;
    const page = await get(`${origin}/library`, { "accept-encoding": "br, gzip" });
    assert.equal(page.status, 200);
    assert.equal(page.headers["content-encoding"], "br");
    assert.equal(page.headers["cache-control"], "no-cache");
    assert.equal(page.headers["content-security-policy"], contentPolicy(POLICY_HASHES()));
    assert.match(page.headers["content-security-policy"], /frame-ancestors 'none'/);
    assert.equal(page.headers["referrer-policy"], "no-referrer");
    assert.equal(page.headers["x-content-type-options"], "nosniff");
    assert.match(page.headers["permissions-policy"], /^screen-wake-lock=\(self\), camera=\(\)/);
    const wasm = wasmName(DIST);
    const gz = await get(`${origin}/${wasm}`, { "accept-encoding": "gzip" });
    assert.equal(gz.headers["content-type"], "application/wasm");
    assert.equal(gz.headers["content-encoding"], "gzip");
    assert.equal(gz.headers["cache-control"], IMMUTABLE);
    assert.deepEqual(gz.body, readFileSync(join(DIST, `${wasm}.gz`)), "the build's own .gz");
    const raw = await get(`${origin}/${wasm}`);
    assert.equal(raw.headers["content-encoding"], undefined);
    assert.equal(raw.body.length, readFileSync(join(DIST, wasm)).length);
    assert.equal((await get(`${origin}/nothing.png`)).status, 404);
    assert.equal((await get(`${origin}/..%2Fdist-sub%2Findex.html`)).status, 404, "nothing outside the build");
    assert.equal((await get(`${origin}/%E0%A4%A`)).status, 400, "a broken address is refused, the server stays up");
    assert.equal((await get(`${origin}/library`)).status, 200);
  });

});

describe("under a sub-path", () => {
  const s = useApp({ dist: DIST_SUB, base: SUB });
  shellTests(s);

  test("the manifest, the service worker and every link stay under the sub-path", async () => {
    await s.page.goto(s.app.at("/library"));
    await appReady(s.page);
    const manifest = await s.page.evaluate(async () => {
      const link = document.querySelector('link[rel="manifest"]');
      const json = await (await fetch(link.href)).json();
      const at = (p) => new URL(p, link.href).pathname;
      return { href: new URL(link.href).pathname, scope: at(json.scope), start: at(json.start_url), icon: at(json.icons[0].src) };
    });
    assert.deepEqual(manifest, {
      href: `${SUB}manifest.webmanifest`,
      scope: SUB,
      start: SUB,
      icon: `${SUB}icons/icon-192.png`,
    });
    const scope = await s.page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(new URL(scope).pathname, SUB);
    const hrefs = await s.page.locator("a[href]").evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
    const outside = hrefs.filter((p) => !p.startsWith(SUB));
    assert.deepEqual(outside, [], "every link is under the sub-path");
    // Nothing of the app is served outside its sub-path.
    assert.equal((await get(`${s.app.server.origin}/index.html`)).status, 404);
  });

});

test("a new version is offered only once the session ends, and Reload brings it in", async () => {
  assert.notEqual(versionIn(DIST), versionIn(DIST_NEXT), "two different versions were built");
  const app = await start();
  try {
    const page = await app.page();
    await page.goto("/");
    await appReady(page);
    await controlled(page);
    assert.equal(await versionOf(page), versionIn(DIST));
    await page.goto("/session/gentle-start");
    await page.getByRole("button", { name: "Start", exact: true }).click();
    await page.getByRole("button", { name: "Pause" }).waitFor();

    // The next version goes up; the app looks for it when it is brought back into view.
    await app.server.setDir(DIST_NEXT);
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting), null, {
      timeout: 15000,
    });
    // Another tab of the app, on a page with nothing to lose, is offered it at once...
    const other = await app.context.newPage();
    await other.goto("/library");
    await appReady(other);
    const offer = (p) => p.getByRole("button", { name: "Reload" });
    await offer(other).waitFor();
    assert.match(await other.locator(".notice.update").textContent(), /A new version of Steadyback is ready/);
    // ...not while a form there holds what was typed,
    await other.goto("/activity");
    await appReady(other);
    await offer(other).waitFor();
    await other.getByLabel("Minutes").fill("20");
    await offer(other).waitFor({ state: "detached" });
    await other.getByLabel("Minutes").fill("");
    await offer(other).waitFor();
    // "Later" puts it off for this visit.
    await other.getByRole("button", { name: "Later" }).click();
    await offer(other).waitFor({ state: "detached" });
    await other.close();
    // ...and never in the session, which goes on.
    assert.equal(await offer(page).count(), 0, "no offer during the session");
    await page.getByRole("button", { name: "Pause" }).click();
    await page.getByRole("button", { name: "Resume" }).click();
    assert.equal(await offer(page).count(), 0);
    await page.getByRole("button", { name: "Stop", exact: true }).click();
    await page.getByRole("button", { name: "End the session" }).click();
    await page.getByRole("link", { name: "Back to Today" }).click();
    await expectHeading(page, "Today");
    await offer(page).click();
    await page.waitForFunction((v) => document.querySelector('meta[name="steadyback-version"]')?.content === v, versionIn(DIST_NEXT), {
      timeout: 15000,
    });
    await appReady(page);
    const caches = await page.evaluate(() => caches.keys());
    assert.deepEqual(
      caches.sort(),
      [`steadyback-${versionIn(DIST_NEXT)}`, "steadyback-previous"],
      "the new version's cache, and the one before kept for tabs still running it",
    );
    const log = (await storedSessions(page)).records;
    assert.equal(log.length, 1, "the session played before the update is kept");
    assert.equal(await offer(page).count(), 0, "the new version is not offered again");
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test("the release's stylesheet is minified without losing a rule, and loads under its integrity", async () => {
  const app = await start();
  const page = await app.page();
  await page.goto("/");
  await appReady(page);
  const source = readFileSync(join(import.meta.dirname, "../../assets/styles.css"), "utf8");
  const name = (await page.locator('link[rel="stylesheet"]').getAttribute("href")).split("/").pop();
  const built = readFileSync(join(DIST, name), "utf8");
  assert.ok(built.length < source.length * 0.8, `smaller (${built.length} of ${source.length} bytes)`);
  assert.ok(!built.includes("/*"), "no comments left");
  // Both parsed by the browser: the same rules, rule for rule (as the browser writes
  // them; values it keeps as written, with var(), compared without their white space).
  const rules = (text) =>
    page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return [...sheet.cssRules].map((r) => r.cssText.replace(/\s+/g, " ").replace(/\s*([,{};>])\s*/g, "$1"));
    }, text);
  const [a, b] = [await rules(source), await rules(built)];
  assert.ok(a.length > 200, `many rules (${a.length})`);
  assert.deepEqual(b, a);
  // Applied: the page's own sheet loaded (its integrity matched) and styles the app.
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontFamily.includes("system-ui")), true);
  assert.ok(await page.evaluate(() => document.styleSheets[0].cssRules.length > 200));
});
