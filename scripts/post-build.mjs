// Trunk post_build hook: makes the build ready for any static host, at the root of a
// domain or under a sub-path (Trunk's public URL, `trunk build --public-url /app/`).
//
// 0. Release builds: the wasm split into the first load and a piece per page opened
//    later (scripts/split-wasm.mjs).
// 1. index.html: (release builds) the stylesheet minified, and its integrity; Trunk's inline loader swapped for the app's own (scripts/hosting.mjs),
//    the preloads of the app's files held back for it to start once the first screen
//    is shown, the first screen (assets/first-screen.html) put in <div id="boot">,
//    every root-relative address put under the public URL, the public URL written into
//    <meta name="steadyback-base"> for the app's router, and (release builds) the content
//    policy, with the hash of every inline script, as a <meta http-equiv>. 404.html is a copy (GitHub
//    Pages serves it for deep links, and it boots the app).
// 2. sw.js: the build's version and the files to precache, relative to sw.js.
// 3. _headers and _redirects for hosts that read them.
// 4. Release builds: a .br and a .gz beside every text file, for hosts that serve
//    precompressed files (nginx gzip_static and brotli_static, Caddy precompressed).
//
// STEADYBACK_BUILD_LABEL, when set, is mixed into the version: the end-to-end tests use
// it to make a second version of the same code.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import {
  COMPRESSIBLE,
  LOADER,
  holdPreloads,
  contentPolicy,
  headersFile,
  inlineScripts,
  minifyCss,
  redirectsFile,
  scriptHash,
} from "./hosting.mjs";
import { splitWasm } from "./split-wasm.mjs";

const fail = (message) => {
  console.error(`post-build: ${message}`);
  process.exit(1);
};

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail("TRUNK_STAGING_DIR is not set (run through trunk)");
const rawBase = process.env.TRUNK_PUBLIC_URL || "/";
if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(rawBase.endsWith("/") ? rawBase : `${rawBase}/`)) {
  fail(`the public URL must be a path like /app/, not ${JSON.stringify(rawBase)}`);
}
const base = rawBase.endsWith("/") ? rawBase : `${rawBase}/`;
const release = process.env.TRUNK_PROFILE === "release";

function walk(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}
const files = () =>
  walk(dir)
    .map((path) => relative(dir, path).split(sep).join("/"))
    .sort();

// 0. Release builds: the wasm cut into the first load and a piece per later page.
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
let pieces = 0;
let reused = 0;
if (release) {
  // The crate's binary, as index.html names it for Trunk.
  const name = readFileSync(join(process.env.TRUNK_SOURCE_DIR ?? ".", "index.html"), "utf8").match(/data-bin="([^"]+)"/)?.[1];
  if (!name) fail('index.html must name the binary with data-bin="…"');
  const target = process.env.CARGO_TARGET_DIR || join(process.env.TRUNK_SOURCE_DIR ?? ".", "target");
  try {
    ({ html, pieces, reused } = await splitWasm({ dir, raw: join(target, "wasm32-unknown-unknown", "release", `${name}.wasm`), html }));
  } catch (err) {
    fail(err.message);
  }
}

// 1. index.html (release builds: the stylesheet minified first, its integrity with it)
if (release) {
  const sheet = files().find((f) => /^styles-[0-9a-f]+\.css$/.test(f));
  if (!sheet) fail("no styles-<hash>.css in the build");
  const path = join(dir, sheet);
  const before = readFileSync(path);
  const after = Buffer.from(minifyCss(before.toString("utf8")), "utf8");
  const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
  if (!html.includes(sri(before))) fail(`index.html must carry ${sheet}'s integrity`);
  writeFileSync(path, after);
  html = html.replace(sri(before), sri(after));
}
const trunkLoaders = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
if (trunkLoaders.length !== 1 || !/module_or_path/.test(trunkLoaders[0][1])) {
  fail("expected exactly one inline loader from Trunk (has Trunk's output changed?)");
}
html = html.replace(trunkLoaders[0][0], `<script type="module">${LOADER}</script>`);
// The first screen, made from the app (tests/e2e/first-screen.mjs).
const boot = '<div id="boot"></div>';
if (!html.includes(boot)) fail(`index.html must hold ${boot} for the first screen`);
const firstScreen = readFileSync(join(process.env.TRUNK_SOURCE_DIR ?? ".", "assets", "first-screen.html"), "utf8");
html = html.replace(boot, `<div id="boot">\n${firstScreen}</div>`);
if (!/<link rel="modulepreload"/.test(html) || !/<link rel="preload"[^>]*type="application\/wasm"/.test(html)) {
  fail("the loader needs Trunk's modulepreload and wasm preload links, and they are missing");
}
// The loader starts fetching the app only once the first screen is shown.
html = holdPreloads(html);
// Root-relative addresses (the manifest, icons) under the public URL; Trunk's own links
// are there already.
html = html.replace(/\b(href|src)="(\/(?!\/)[^"]*)"/g, (all, attr, path) =>
  path.startsWith(base) ? all : `${attr}="${base}${path.slice(1)}"`,
);
const baseMeta = '<meta name="steadyback-base" content="/" />';
if (!html.includes(baseMeta)) fail(`index.html must hold ${baseMeta}`);
html = html.replace(baseMeta, `<meta name="steadyback-base" content="${base}" />`);

const inline = inlineScripts(html);
const hashes = inline.map(scriptHash);
// The policy governs what comes after it: first thing after <meta charset>. Not in debug
// builds: `trunk serve` rewrites its live-reload script as it serves it, so no hash made
// here could match it.
const charset = '<meta charset="utf-8" />';
if (!html.includes(charset)) fail(`index.html must start its head with ${charset}`);
if (release) {
  const metaPolicy = contentPolicy(hashes, { meta: true });
  html = html.replace(
    charset,
    `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${metaPolicy}" />`,
  );
}

// 2. The version: every file the app is made of (index.html as it is now), and the label.
const hash = createHash("sha256");
for (const name of files().filter((f) => f !== "index.html" && f !== "sw.js")) {
  hash.update(name);
  hash.update(readFileSync(join(dir, name)));
}
hash.update(html);
hash.update(process.env.STEADYBACK_BUILD_LABEL ?? "");
const version = hash.digest("hex").slice(0, 16);
html = html.replace(
  /(<meta name="steadyback-base"[^>]*>)/,
  `$1\n    <meta name="steadyback-version" content="${version}" />`,
);
writeFileSync(indexPath, html);
writeFileSync(join(dir, "404.html"), html);

const SW = "sw.js";
const precache = files().filter((f) => f !== SW && f !== "404.html");
const swPath = join(dir, SW);
const template = readFileSync(swPath, "utf8");
const filled = template
  .replace(/^const VERSION = .*;$/m, `const VERSION = ${JSON.stringify(version)};`)
  .replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(precache)};`);
if (filled === template || !filled.includes(version)) fail("could not find the VERSION and FILES lines in sw.js");
writeFileSync(swPath, filled);

// 3. Host configuration.
writeFileSync(join(dir, "_headers"), headersFile(base, contentPolicy(hashes), files()));
writeFileSync(join(dir, "_redirects"), redirectsFile(base));

// 4. Precompressed copies.
// Compressed on the thread pool, several files at once (brotli 11 on the wasm is the
// slow part).
let compressed = 0;
if (release) {
  const [br, gz] = [promisify(brotliCompress), promisify(gzip)];
  await Promise.all(
    files()
      .filter((f) => COMPRESSIBLE.test(f))
      .map(async (name) => {
        const bytes = readFileSync(join(dir, name));
        const [b, g] = await Promise.all([
          br(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
          gz(bytes, { level: 9 }),
        ]);
        if (b.length < bytes.length) writeFileSync(join(dir, `${name}.br`), b);
        if (g.length < bytes.length) writeFileSync(join(dir, `${name}.gz`), g);
        compressed += 1;
      }),
  );
}
console.log(
  `post-build: at ${base}, version ${version}, ${precache.length} files precached, ` +
    `${inline.length} inline script(s) hashed, ${pieces} wasm pieces split off ` +
    `(${reused} of ${pieces + 1} parts already optimised), ${compressed} compressed`,
);
