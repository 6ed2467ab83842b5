// Preloading the pages one tap from Today (PRELOADED in scripts/hosting.mjs): each named
// by its route exactly, never by a part of a name ("exercise" once meant the own-exercise
// editor too). Needs no build: the split loader's rewrite (scripts/split-wasm.mjs) is run
// on a loader shaped as wasm-split writes it, with fake pages, and imported.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "./harness.mjs";
import { LOADER, PRELOADED, inlineScripts, scriptHash } from "../../scripts/hosting.mjs";
import { routeName, sharedFetchers, withPreload } from "../../scripts/split-wasm.mjs";

const ROOT = new URL("../../", import.meta.url);

/** Every route of `later_pages!` in src/ui/app.rs, in snake case ("exercise_route"). */
const laterRoutes = () => {
  const source = readFileSync(new URL("src/ui/app.rs", ROOT), "utf8");
  const block = /later_pages! \{([^}]*)\}/.exec(source)?.[1];
  assert.ok(block, "src/ui/app.rs has a later_pages! { … } block");
  return [...block.matchAll(/(\w+_route) =>/g)].map((m) => m[1]);
};

/**
 * A split loader's text as wasm-split lays it out: `head` (its makeLoad and what that
 * uses), each shared part of `parts` as `makeLoad(load(part), [])`, and each page of
 * `pages` ([route, the parts it needs]) as `__wasm_split_load_<route>`, whose wrapAsyncCb
 * awaits its load. `loaded` is exported for the loads to record in.
 */
const splitLoader = ({ head, load = JSON.stringify, parts = [], pages }) =>
  [
    "export const loaded = [];",
    ...head,
    "function wrapAsyncCb(callee) {",
    "    return async () => { await callee(); };",
    "}",
    ...parts.map((p) => `const ${p} = makeLoad(${load(p)}, []);`),
    ...pages.map(([route, needs]) => `export const __wasm_split_load_${route} = wrapAsyncCb(makeLoad(${load(route)}, [${needs.join(", ")}]));`),
  ].join("\n");

/** A split loader with a page per route of `routes`, whose loads record their route ("broken…" ones fail). */
const fakeLoader = (routes) =>
  splitLoader({
    head: [
      "function makeLoad(route) {",
      "    return () => (route.startsWith(\"broken\") ? Promise.reject(new Error(route)) : (loaded.push(route), Promise.resolve()));",
      "}",
    ],
    pages: routes.map((route) => [route, []]),
  });

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

test("a preloaded page's parts are asked for eight at a time, the browser let in between, then the page", async () => {
  const parts = Array.from({ length: 20 }, (_, i) => `part${i}`);
  const text = splitLoader({
    head: ["function makeLoad(name, deps) {", "    let once;", "    return () => (once ??= (loaded.push(name), Promise.all(deps.map((d) => d()))));", "}"],
    parts,
    pages: [["library_route", parts]],
  });
  const split = await load(withPreload(text, ["library_route"]));
  const { scheduler } = globalThis;
  globalThis.scheduler = { yield: async () => split.loaded.push("yield") };
  try {
    await split.preloadPages(async () => split.loaded.push("idle"), ["library_route"]);
  } finally {
    globalThis.scheduler = scheduler;
  }
  assert.deepEqual(split.loaded, ["idle", ...parts.slice(0, 8), "yield", ...parts.slice(8, 16), "yield", ...parts.slice(16), "library_route"]);
});

test("a part that fails is asked for again by its page's load, and the next page is still preloaded", async () => {
  // makeLoad as wasm-split writes it: a load kept once it succeeds, dropped when it fails.
  const parts = Array.from({ length: 10 }, (_, i) => `part${i}`);
  const text = splitLoader({
    head: [
      "const failOnce = new Set([\"part1\"]);",
      "const fetcher = (name) => () => { loaded.push(name); const fail = failOnce.delete(name); return async () => { if (fail) throw new Error(name); }; };",
      "function makeLoad(fetcher, deps) {",
      "    const loader = async () => {",
      "        const parallelStuff = deps.map(d => d());",
      "        const instantiate = fetcher();",
      "        await Promise.all(parallelStuff);",
      "        return instantiate();",
      "    };",
      "    let loadingModule = undefined;",
      "    return () => {",
      "        if (loadingModule === undefined) {",
      "            const thisLoad = loader();",
      "            thisLoad.catch(() => { if (loadingModule === thisLoad) loadingModule = undefined; });",
      "            loadingModule = thisLoad;",
      "        }",
      "        return loadingModule;",
      "    }",
      "}",
    ],
    load: (name) => `fetcher(${JSON.stringify(name)})`,
    parts,
    pages: [
      ["library_route", parts],
      ["safety_route", ["part0", "part9"]],
    ],
  });
  const split = await load(withPreload(text, ["library_route", "safety_route"]));
  const unhandled = [];
  const note = (e) => unhandled.push(e);
  process.on("unhandledRejection", note);
  try {
    assert.equal(globalThis.scheduler, undefined, "no scheduler.yield here: the timer stands in for it");
    await split.preloadPages(async () => {}, ["library_route", "safety_route"]);
    assert.deepEqual(split.loaded, [...parts, "part1", "library_route", "safety_route"], "the failed part once more, then the page; Safety after");
    await split.__wasm_split_load_library_route();
    await split.__wasm_split_load_safety_route();
    assert.equal(split.loaded.length, parts.length + 3, "opened later: nothing fetched again");
    await new Promise((go) => setTimeout(go, 10));
  } finally {
    process.off("unhandledRejection", note);
  }
  assert.deepEqual(unhandled, []);
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
  assert.throws(() => withPreload(fakeLoader(["library_route"]).replace("function makeLoad(", "function load("), []), /no makeLoad/);
  assert.doesNotThrow(() => withPreload(fakeLoader(PAGES)), "every page LOADER preloads is among the app's");
});

/**
 * A split loader with `chunks` shared parts and one page needing all of them, each part
 * loaded as wasm-split writes it (a closure of its own per part); its makeLoad fetches a
 * part's dependencies, then the part, and instantiates it.
 */
const partsLoader = (chunks) => {
  const part = (file) => `makeLoad(() => {
    const src = fetch(new URL("./${file}", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, `;
  const names = Array.from({ length: chunks }, (_, i) => `__chunk_${i}`);
  return [
    "function makeLoad(fetcher, deps) {",
    "    return async () => { await Promise.all(deps.map((d) => d())); return fetcher()({ from: \"test\" }); };",
    "}",
    ...names.map((n, i) => `const ${n} = ${part(`chunk_${i}-0123456789abcdef.wasm`)}[]);`),
    `export const loadPage = ${part("split_library_route-fedcba9876543210.wasm")}[${names.join(", ")}]);`,
  ].join("\n");
};

test("every part of the split loader is fetched and instantiated by one function, not one of its own each", async () => {
  const functions = (text) => (text.match(/=>|\bfunction\b/g) ?? []).length;
  assert.equal(functions(sharedFetchers(partsLoader(3))), functions(sharedFetchers(partsLoader(40))), "as many functions for 40 parts as for 3");
  assert.ok(functions(partsLoader(40)) > functions(partsLoader(3)) + 70, "as wasm-split writes it, two more for each part");
  // The rewritten loader does what the original did: each part fetched from its file next
  // to the loader, and instantiated from that response with the shared imports.
  const dir = mkdtempSync(join(tmpdir(), "steadyback-loader-"));
  const { fetch, WebAssembly: wasm } = globalThis;
  const { instantiateStreaming } = wasm;
  try {
    const seen = [];
    globalThis.fetch = (url) => Promise.resolve({ url: String(url) });
    wasm.instantiateStreaming = async (response, imports) => (seen.push([(await response).url, imports.from]), {});
    const file = join(dir, "loader.js");
    writeFileSync(file, sharedFetchers(partsLoader(3)));
    await (await import(pathToFileURL(file).href)).loadPage();
    const beside = (name) => new URL(name, pathToFileURL(file)).href;
    assert.deepEqual(seen.toSorted(), [
      [beside("chunk_0-0123456789abcdef.wasm"), "test"],
      [beside("chunk_1-0123456789abcdef.wasm"), "test"],
      [beside("chunk_2-0123456789abcdef.wasm"), "test"],
      [beside("split_library_route-fedcba9876543210.wasm"), "test"],
    ]);
  } finally {
    globalThis.fetch = fetch;
    wasm.instantiateStreaming = instantiateStreaming;
    rmSync(dir, { recursive: true, force: true });
  }
  assert.throws(() => sharedFetchers(partsLoader(2).replaceAll("src.catch", "src.then")), /not loaded as expected/);
  assert.throws(() => sharedFetchers(partsLoader(2).replace("function makeLoad(", "function load(")), /not loaded as expected/);
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
