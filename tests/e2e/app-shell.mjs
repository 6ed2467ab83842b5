// The app's shell wherever it is served: navigation, deep links and offline reloads
// through the service worker. Run against the test server at the root (shell.test.mjs)
// and under a sub-path (hosting.test.mjs), and through nginx with the README's
// configuration at both (nginx.test.mjs). `s` is what `useApp` returns.
import assert from "node:assert/strict";
import { test, appReady, expectHeading } from "./harness.mjs";

export function shellTests(s) {
  test("the bottom bar moves between every page", async () => {
    await s.page.goto(s.app.at("/"));
    await appReady(s.page);
    await expectHeading(s.page, "Today");
    assert.equal(await s.page.title(), "Today · Steadyback");
    for (const [name, path] of [
      ["Library", "/library"],
      ["Progress", "/progress"],
      ["Safety", "/safety"],
      ["Settings", "/settings"],
      ["Today", "/"],
    ]) {
      const link = s.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });
      await link.click();
      await s.page.waitForURL((url) => url.pathname === s.app.at(path));
      await expectHeading(s.page, name);
      assert.equal(await link.getAttribute("aria-current"), "page", `${name} is marked current`);
      const current = await s.page.locator('nav.bottom-nav [aria-current="page"]').count();
      assert.equal(current, 1, "exactly one link is current");
    }
  });

  test("each page loads from a deep link, and unknown paths say so", async () => {
    for (const [path, name] of [
      ["/library", "Library"],
      ["/progress", "Progress"],
      ["/settings", "Settings"],
      ["/safety", "Safety"],
    ]) {
      await s.page.goto(s.app.at(path));
      await appReady(s.page);
      await expectHeading(s.page, name);
    }
    await s.page.goto(s.app.at("/no/such/page"));
    await appReady(s.page);
    await expectHeading(s.page, "Page not found");
    await s.page.getByRole("link", { name: "Go to Today" }).click();
    await expectHeading(s.page, "Today");
  });

  test("after the service worker is active, deep links load offline", async () => {
    await s.page.goto(s.app.at("/"));
    await appReady(s.page);
    // Ready once it is active; on a first visit it may still be activating then.
    const active = await s.page.evaluate(() =>
      Promise.race([
        navigator.serviceWorker.ready.then(
          (r) =>
            new Promise((ok) => {
              const done = () => r.active?.state === "activated" && ok(true);
              r.active?.addEventListener("statechange", done);
              done();
            }),
        ),
        new Promise((ok) => setTimeout(() => ok(false), 15000)),
      ]),
    );
    assert.equal(active, true, "the service worker activated");
    const cached = await s.page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names.find((n) => n.startsWith("steadyback-")));
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    for (const file of ["/index.html", "/manifest.webmanifest", "/icons/icon-512.png"].map(s.app.at)) {
      assert.ok(cached.includes(file), `${file} is precached`);
    }
    assert.ok(cached.some((f) => f.endsWith(".wasm")), "the wasm is precached");

    await s.app.context.setOffline(true);
    try {
      await s.page.goto(s.app.at("/library"));
      await appReady(s.page);
      await expectHeading(s.page, "Library");
      await s.page.reload();
      await appReady(s.page);
      await expectHeading(s.page, "Library");
      await s.page.getByRole("link", { name: "Safety" }).click();
      await expectHeading(s.page, "Safety");
      // The silent track (the phone's media controls), in parts as Safari's audio asks.
      const part = await s.page.evaluate(async (url) => {
        const r = await fetch(url, { headers: { Range: "bytes=0-11" } });
        const bytes = new Uint8Array(await r.arrayBuffer());
        return { status: r.status, range: r.headers.get("content-range"), head: String.fromCharCode(...bytes.slice(0, 4)), length: bytes.length };
      }, s.app.at("/silence.wav"));
      assert.deepEqual(part, { status: 206, range: "bytes 0-11/48044", head: "RIFF", length: 12 });
    } finally {
      await s.app.context.setOffline(false);
    }
  });
}
