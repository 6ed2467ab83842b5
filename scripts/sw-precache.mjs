// Trunk post_build hook: fills the service worker's precache list and version from the
// files of this build (TRUNK_STAGING_DIR), so every shipped file is cached for offline use
// and each build gets a cache of its own.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("sw-precache: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}

function walk(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

const SW = "sw.js";
const files = walk(dir)
  .map((path) => relative(dir, path).split(sep).join("/"))
  .filter((name) => name !== SW)
  .sort();
if (!files.includes("index.html")) {
  console.error("sw-precache: index.html is missing from the build");
  process.exit(1);
}

const hash = createHash("sha256");
for (const name of files) {
  hash.update(name);
  hash.update(readFileSync(join(dir, name)));
}
const version = hash.digest("hex").slice(0, 16);

const swPath = join(dir, SW);
const template = readFileSync(swPath, "utf8");
const filled = template
  .replace(/^const VERSION = .*;$/m, `const VERSION = ${JSON.stringify(version)};`)
  .replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(files.map((f) => `/${f}`))};`);
if (filled === template || !filled.includes(version)) {
  console.error("sw-precache: could not find the VERSION and FILES lines in sw.js");
  process.exit(1);
}
writeFileSync(swPath, filled);
console.log(`sw-precache: ${files.length} files, cache steadyback-${version}`);
