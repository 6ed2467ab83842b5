// The release build served by nginx with exactly the README's configuration, at the root
// and under a sub-path: the app's shell works there (navigation, deep links, offline),
// with the precompressed files, the caching and the security headers the build's
// _headers gives, and the content policy the build writes.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test, useApp, get, wasmName, DIST, DIST_SUB, SUB } from "./harness.mjs";
import { shellTests } from "./app-shell.mjs";
import { serveNginx } from "./nginx.mjs";
import { IMMUTABLE, headersFor, parseHeaders } from "../../scripts/hosting.mjs";

for (const [where, dist, base] of [
  ["at the root", DIST, "/"],
  ["under a sub-path", DIST_SUB, SUB],
]) {
  describe(`nginx ${where}`, () => {
    // Whatever nginx logs as an error fails the test that caused it (the harness asks).
    const server = async (...args) => {
      const nginx = await serveNginx(...args);
      nginx.problems = () => nginx.log().match(/^.*\[(error|crit|alert|emerg)\].*$/gm) ?? [];
      return nginx;
    };
    const s = useApp({ dist, base, server });
    shellTests(s);

    test("the headers are the build's, the files precompressed, hashed ones cached for good", async () => {
      const { origin } = s.app.server;
      const expected = headersFor(parseHeaders(readFileSync(join(dist, "_headers"), "utf8")), `${base}index.html`);
      const page = await get(`${origin}${base}progress`, { "accept-encoding": "br, gzip" });
      assert.equal(page.status, 200);
      for (const [name, value] of Object.entries(expected)) {
        assert.equal(page.headers[name.toLowerCase()], value, `${name} as in _headers`);
      }
      assert.equal(page.headers["cache-control"], "no-cache");
      assert.equal(page.headers["content-encoding"], "br");
      assert.deepEqual(page.body, readFileSync(join(dist, "index.html.br")), "the build's index.html.br");

      const wasm = wasmName(dist);
      for (const [accept, ext] of [
        ["br", ".br"],
        ["gzip", ".gz"],
      ]) {
        const res = await get(`${origin}${base}${wasm}`, { "accept-encoding": accept });
        assert.equal(res.headers["content-type"], "application/wasm");
        assert.equal(res.headers["content-encoding"], accept);
        assert.equal(res.headers["cache-control"], IMMUTABLE);
        assert.match(res.headers["vary"] ?? "", /Accept-Encoding/);
        assert.deepEqual(res.body, readFileSync(join(dist, wasm + ext)), `the build's ${ext}`);
      }
      const raw = await get(`${origin}${base}${wasm}`);
      assert.equal(raw.headers["content-encoding"], undefined);
      assert.equal(raw.body.length, readFileSync(join(dist, wasm)).length);
      if (base !== "/") {
        const bare = await get(`${origin}${base.slice(0, -1)}`);
        assert.equal(bare.status, 301, "the sub-path without its slash is sent to the app");
        assert.match(bare.headers.location, new RegExp(`${base}$`));
      }
      const manifest = await get(`${origin}${base}manifest.webmanifest`);
      assert.equal(manifest.headers["content-type"], "application/manifest+json");
      assert.equal(manifest.headers["x-content-type-options"], "nosniff");
    });
  });
}
