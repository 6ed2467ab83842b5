// Preloading the pages one tap from Today (PRELOADED in scripts/hosting.mjs): each named
// by its route exactly, never by a part of a name ("exercise" once meant the own-exercise
// editor too). Needs no build: the split loader's rewrite (scripts/split-wasm.mjs) is run
// on a loader shaped as wasm-split writes it, with fake pages, and imported.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "./harness.mjs";
import { LOADER, PRELOADED, inlineScripts, scriptHash } from "../../scripts/hosting.mjs";
import { routeName, withPreload } from "../../scripts/split-wasm.mjs";

const ROOT = new URL("../../", import.meta.url);

/** Every route of `later_pages!` in src/ui/app.rs, in snake case ("exercise_route"). */
const laterRoutes = () => {
  const source = readFileSync(new URL("src/ui/app.rs", ROOT), "utf8");
  const block = /later_pages! \{([^}]*)\}/.exec(source)?.[1];
  assert.ok(block, "src/ui/app.rs has a later_pages! { … } block");
  return [...block.matchAll(/(\w+_route) =>/g)].map((m) => m[1]);
};

/**
 * A split loader as wasm-split writes it (one `wrapAsyncCb(makeLoad(…))` per page, named
 * `__wasm_split_load_<route>`), whose pages record their loads in
 * `loaded` ("broken…" ones fail).
 */
const fakeLoader = (routes) =>
  [
    "export const loaded = [];",
    "function makeLoad(route) {",
    "    return () => (route.startsWith(\"broken\") ? Promise.reject(new Error(route)) : (loaded.push(route), Promise.resolve()));",
    "}",
    "function wrapAsyncCb(callee) {",
    "    return async () => { await callee(); };",
    "}",
    ...routes.map((r) => `export const __wasm_split_load_${r} = wrapAsyncCb(makeLoad(${JSON.stringify(r)}));`),
  ].join("\n");

let imported = 0;
/** The rewritten loader, imported as a module of its own (a fresh one each time). */
const load = (text) => import(`data:text/javascript,${encodeURIComponent(`${text}\n// ${imported++}`)}`);

/** Runs `f` with console.warn recorded; resolves to what it warned. */
async function warnings(f) {
  const seen = [];
  const warn = console.warn;
  console.warn = (...args) => seen.push(args.join(" "));
  try {
    await f();
  } finally {
    console.warn = warn;
  }
  return seen;
}

// The app's pages, in later_pages!'s order; the loader's order is wasm-split's (a release
// build's runs backwards by name, own_exercise_route before exercise_route), so the
// preload is tried with the pages either way.
const PAGES = laterRoutes();

test("the pages preloaded are routes of later_pages!, and the loader asks for exactly those", () => {
  for (const route of PRELOADED) assert.ok(PAGES.includes(route), `${route} is a route of later_pages! (${PAGES.join(", ")})`);
  assert.ok(PAGES.includes("own_exercise_route"), "the page whose name holds another's is there to be left out");
  assert.ok(LOADER.includes(`.preloadPages(idle, ${JSON.stringify(PRELOADED)})`), "LOADER passes PRELOADED as it is");
});

test("preloadPages loads exactly the pages named, in order, each after the page is idle", async () => {
  for (const pages of [PAGES, PAGES.toReversed()]) {
    const split = await load(withPreload(fakeLoader(pages)));
    const warned = await warnings(() => split.preloadPages(async () => split.loaded.push("idle"), PRELOADED));
    assert.deepEqual(
      split.loaded,
      PRELOADED.flatMap((route) => ["idle", route]),
      "each page named once, after an idle wait, and no other (own_exercise_route is not exercise_route)",
    );
    assert.deepEqual(warned, []);
  }
});

test("a name that no page has exactly is warned of and skipped; a failed preload does not stop the next", async () => {
  const split = await load(withPreload(fakeLoader(["own_exercise_route", "exercise_route", "broken_route", "library_route"]), []));
  const warned = await warnings(() =>
    split.preloadPages(async () => {}, ["exercise", "broken_route", "route", "library_route", "exercise_route"]),
  );
  assert.deepEqual(split.loaded, ["library_route", "exercise_route"]);
  assert.equal(warned.length, 2, warned.join("\n"));
  assert.match(warned[0], /no page is named exercise\b/);
  assert.match(warned[1], /no page is named route\b/);
});

test("the split loader's exports are read as route names, and the build refuses what it cannot name", () => {
  assert.equal(routeName("__wasm_split_load_exercise_route"), "exercise_route");
  assert.equal(routeName("__wasm_split_load_own_exercise_route"), "own_exercise_route");
  assert.equal(routeName("__wasm_split_load_session_detail_route"), "session_detail_route");
  assert.equal(routeName("__wasm_split_load_figure_stills_piece"), "figure_stills_piece", "a piece! of a page");
  for (const odd of ["__wasm_split_load___session_route_view_1", "__wasm_split_load_session_route_view_1", "__wasm_split_load_figure_stills", "__wasm_split_load__piece", "__wasm_split_load_piece_1", "session_route"]) {
    assert.throws(() => routeName(odd), /not named after a route/, odd);
  }
  assert.throws(() => withPreload(fakeLoader(["own_exercise_route"]), ["exercise_route"]), /no page is named exercise_route/);
  assert.throws(() => withPreload(fakeLoader(["library_route"]).replace("wrapAsyncCb(callee)", "wrap(callee)"), []), /no wrapAsyncCb/);
  assert.doesNotThrow(() => withPreload(fakeLoader(PAGES)), "every page LOADER preloads is among the app's");
});

test("the README's content policies carry the hash of each inline script, the loader's as it is now", () => {
  const readme = readFileSync(new URL("README.md", ROOT), "utf8");
  const firstPaint = inlineScripts(readFileSync(new URL("index.html", ROOT), "utf8"));
  const hashes = [...firstPaint, LOADER].map(scriptHash);
  const policies = readme.split("\n").filter((line) => line.includes("script-src"));
  assert.equal(policies.length, 2, "the headers' list and the nginx snippet");
  for (const policy of policies) {
    for (const hash of hashes) assert.ok(policy.includes(hash), `${hash} in: ${policy}`);
  }
});
