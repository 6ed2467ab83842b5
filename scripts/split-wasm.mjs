// Part of scripts/post-build.mjs, release builds only: cuts the app's wasm into the first
// load and one piece per page opened later (the `later_pages!` of src/ui/app.rs), with
// wasm-split (wasm_split_cli_support, installed by scripts/setup). Trunk cannot do this
// itself, so this redoes, on the wasm cargo built, what Trunk did on it whole (Trunk's
// own wasm-opt is off, `data-wasm-opt="0"` in index.html: this step optimises):
//
//   wasm-split-cli → wasm-bindgen on the main part (keeping the exports the pieces link
//   to) → the exports of wasm-streams' unused classes dropped (scripts/wasm-imports.mjs)
//   → wasm-opt -Oz on every part, as many at once as there are cores, each part's
//   result kept by the hash of its input so an unchanged part (the hosting builds', a
//   page nobody touched) is not optimised again → the pieces and their loader renamed
//   with a hash of their content (never cached stale) → Trunk's files replaced,
//   index.html's integrity hashes made anew, and the loader preloaded beside the app's
//   module.
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PRELOADED } from "./hosting.mjs";
import { dropClasses, dropExports, renameImportKeys, renameImportModule, shortenImports } from "./wasm-imports.mjs";

// NAMES=1 keeps the functions' names, for a profile that names them (never for a build
// that ships: the names add about half to the wasm).
const OPT = [...(process.env.NAMES ? ["--debuginfo"] : []), "-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int"];
// A part's name carries 12 hex digits of its content's hash (48 bits: a changed part never
// keeps its name), the fewest hosting.mjs's HASHED still caches for a year. The loader
// names every part, and random digits do not compress: 4 fewer in each of its 220 or so
// names are about 0.4 KB of brotli off the first load.
const hash12 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 12);
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

function run(tool, args) {
  try {
    execFileSync(tool, args, { stdio: ["ignore", "ignore", "pipe"] });
  } catch (err) {
    const why = err.code === "ENOENT" ? "it is not installed (run scripts/setup)" : String(err.stderr || err.message);
    throw new Error(`${tool} failed: ${why}`);
  }
}

/** `tool` with `args`, without blocking: resolves when it ends well. */
const runAsync = (tool, args) =>
  new Promise((ok, fail) => {
    execFile(tool, args, { maxBuffer: 16 << 20 }, (err, _out, stderr) => {
      if (!err) return ok();
      const why = err.code === "ENOENT" ? "it is not installed (run scripts/setup)" : String(stderr || err.message);
      fail(new Error(`${tool} failed: ${why}`));
    });
  });

/**
 * Optimises every [input, output] pair with wasm-opt, as many at once as the machine has
 * cores. A result is kept in `cache` under the hash of its input, the flags and
 * wasm-opt's version, and copied from there when the same input comes again.
 */
async function optimiseAll(jobs, cache) {
  mkdirSync(cache, { recursive: true });
  const version = execFileSync("wasm-opt", ["--version"], { encoding: "utf8" }).trim();
  const queue = jobs.slice();
  const used = new Set();
  let reused = 0;
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const [input, output] = job;
      const key = createHash("sha256").update(version).update(OPT.join(" ")).update(readFileSync(input)).digest("hex");
      const kept = join(cache, `${key}.wasm`);
      used.add(`${key}.wasm`);
      if (existsSync(kept)) {
        reused += 1;
      } else {
        const partial = `${kept}.${process.pid}.tmp`;
        await runAsync("wasm-opt", [...OPT, input, "-o", partial]);
        renameSync(partial, kept);
      }
      copyFileSync(kept, output);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(availableParallelism(), jobs.length)) }, worker));
  // The cache holds what the last build used and nothing older.
  for (const file of readdirSync(cache)) if (!used.has(file)) rmSync(join(cache, file), { force: true });
  return { reused };
}

// What withPreload adds to the split loader (shipped in the first load, so its comments are
// here). preloadPages(between, which) loads the pieces of the pages named in `which`
// (routes: "library_route"), in that order, one at a time, each after `between()`
// resolves; the others load when opened. A page's parts are asked for eight at a time,
// with a pause between that lets the browser answer a tap (scheduler.yield where there is
// one): each fetch begun costs the main thread about 1 ms at 4× CPU, and the Library's 47
// begun at once were a 50–110 ms task a tap could land behind. The page's own load then
// follows at once, alongside its parts (waiting for them first made a tap at once slower):
// a part that has failed by then is asked for once more by it.
const PRELOAD = `const pages = [];
const yielded = () => (globalThis.scheduler?.yield ? scheduler.yield() : new Promise((go) => setTimeout(go, 0)));
export async function preloadPages(between, which) {
    for (const route of which) {
        const page = pages.find(({ name }) => name === route);
        if (!page) {
            console.warn(\`preloadPages: no page is named \${route}, so none is preloaded for it\`);
            continue;
        }
        await between();
        const parts = page.load.deps ?? [];
        for (let i = 0; i < parts.length; i += 8) {
            if (i > 0) await yielded();
            for (const part of parts.slice(i, i + 8)) part().catch(() => {});
        }
        await page.load().catch(() => {});
    }
}
`;

/**
 * The name of a piece of the split loader: a `piece!` (src/ui/mod.rs) is exported as
 * `__wasm_split_load_<name>`, so `__wasm_split_load_exercise_route` is "exercise_route"
 * (a page: `exercise_route` in `later_pages!`, src/ui/app.rs) and
 * `__wasm_split_load_downloads_piece` is "downloads_piece" (a part of a page). Throws
 * for an export named otherwise.
 */
export function routeName(exported) {
  const route = /^__wasm_split_load_([a-z]\w*_(?:route|piece))$/.exec(exported)?.[1];
  if (!route) throw new Error(`the split loader exports ${exported}, not named after a route or a piece (has wasm-split or Leptos changed?)`);
  return route;
}

/**
 * The split loader's text with `preloadPages` added: every page's load (the memoised one
 * that wrapAsyncCb awaits) also kept in a list under its route's name, for the app's
 * loader to fetch and compile the pages ahead of a tap (see LOADER in
 * scripts/hosting.mjs). A failed preload is left for the page's own load to try again
 * (the split loader memoises successes only). Throws when the loader is not as expected,
 * or when a route of `preloaded` (those LOADER preloads) is not among its pages.
 */
export function withPreload(loader, preloaded = PRELOADED) {
  const wrap = "function wrapAsyncCb(callee) {";
  const exported = /export const (\w+) = wrapAsyncCb\(/g;
  if (!loader.includes(wrap) || !exported.test(loader) || !loader.includes("function makeLoad(")) {
    throw new Error("the split loader has no makeLoad, or no wrapAsyncCb(callee) per page (has wasm-split changed?)");
  }
  const routes = [];
  const out = loader
    .replace(wrap, () => `${PRELOAD}function wrapAsyncCb(name, callee) {\n    pages.push({ name, load: callee });`)
    // Each load keeps the parts it needs (deps), for preloadPages to ask for first.
    .replace("function makeLoad(", () => "function makeLoad(...args) {\n    return Object.assign(loadOnce(...args), { deps: args[1] });\n}\nfunction loadOnce(")
    .replace(exported, (_, name) => {
      routes.push(routeName(name));
      return `export const ${name} = wrapAsyncCb(${JSON.stringify(routes.at(-1))}, `;
    });
  const missing = preloaded.filter((route) => !routes.includes(route));
  if (missing.length) throw new Error(`no page is named ${missing.join(", ")} (PRELOADED in scripts/hosting.mjs; the pages: ${routes.join(", ")})`);
  return out;
}

/** One part's load as wasm-split writes it: a closure of its own per part. */
const PART_LOAD =
  /makeLoad\(\(\) => \{\n {4}const src = fetch\(new URL\(("\.\/[\w.-]+\.wasm"), import\.meta\.url\)\);\n {4}src\.catch\(\(\) => \{\}\);\n {4}return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\n\}\n, /g;

/** What replaces them: one function for every part, given the part's file. */
const STREAMED = `function streamed(file) {
    return () => {
        const src = fetch(new URL(file, import.meta.url));
        src.catch(() => {});
        return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
    };
}
`;

/**
 * The split loader with every part's fetch and instantiation written once (\`streamed\`)
 * instead of once per part. V8 compiles a function the first time it runs: as two new
 * functions per part, the Library's piece and its 47 shared parts meant about 95 compiles
 * (and 140 parses) in the idle callback that preloads it (50–650 ms at 4× CPU, a tap
 * landing in it waiting that long);
 * the same function made anew for each part is compiled once. Throws when the loader is
 * not as expected (has wasm-split changed?).
 */
export function sharedFetchers(loader) {
  let parts = 0;
  const out = loader.replace(PART_LOAD, (_, file) => {
    parts += 1;
    return `makeLoad(streamed(${file}), `;
  });
  if (parts === 0 || out.includes("instantiateStreaming(") || !out.includes("function makeLoad(")) {
    throw new Error("the split loader's parts are not loaded as expected (has wasm-split changed?)");
  }
  return out.replace("function makeLoad(", () => `${STREAMED}function makeLoad(`);
}

/**
 * Splits the build in `dir` (Trunk's staging folder), whose wasm cargo left at `raw`.
 * Returns `html` (index.html's text) with the new integrity hashes and the loader's
 * preload, how many pieces were split off, and how many parts wasm-opt did not have to
 * optimise again (`reused`).
 */
export async function splitWasm({ dir, raw, html }) {
  const wasm = readdirSync(dir).find((f) => f.endsWith("_bg.wasm"));
  if (!wasm) throw new Error("no _bg.wasm in the build");
  const name = wasm.slice(0, -"_bg.wasm".length);
  const tmp = mkdtempSync(join(tmpdir(), "steadyback-split-"));
  try {
    // Trunk's integrity hashes are of its files; each file replaced gets a new one.
    const integrity = (file, bytes) => {
      const link = new RegExp(`(<link [^>]*href="([^"]*)${file.replace(/[.]/g, "\\.")}"[^>]*integrity=")[^"]*"`);
      const found = html.match(link);
      if (!found) throw new Error(`index.html has no link to ${file} with an integrity hash`);
      html = html.replace(link, `$1${sri(bytes)}"`);
      return found[2];
    };
    const cache = join(dirname(raw), "wasm-opt-cache");
    run("wasm-split-cli", [raw, tmp, "--out-name", name]);
    const pieces = readdirSync(tmp).filter((f) => /^(split_|chunk_).*\.wasm$/.test(f));
    if (!pieces.length) {
      // Nothing to split off: only the optimising Trunk leaves to this step.
      const whole = join(tmp, "whole.wasm");
      copyFileSync(join(dir, wasm), whole);
      const { reused } = await optimiseAll([[whole, join(dir, wasm)]], cache);
      integrity(wasm, readFileSync(join(dir, wasm)));
      return { html, pieces: 0, reused };
    }

    const out = join(tmp, "bindgen");
    run("wasm-bindgen", [
      join(tmp, `${name}.wasm`),
      "--target=web",
      `--out-dir=${out}`,
      `--out-name=${name}`,
      "--keep-lld-exports",
      "--no-typescript",
    ]);
    // wasm-streams' classes, which nothing uses, dropped before wasm-opt leaves their code out.
    const bound = join(out, `${name}_bg.wasm`);
    const streams = dropExports(readFileSync(bound));
    writeFileSync(bound, streams.wasm);
    // The main part and every piece, optimised side by side.
    const jobs = [[bound, join(dir, wasm)], ...pieces.map((p) => [join(tmp, p), join(tmp, `opt-${p}`)])];
    const { reused } = await optimiseAll(jobs, cache);
    // The functions the main part imports from the glue get short names, in both, and the
    // glue's module name (with its hash) a short one.
    const glue = `./${name}_bg.js`;
    const short = shortenImports(readFileSync(join(dir, wasm)), glue, "g");
    if (short.names.size < 50) throw new Error(`only ${short.names.size} imports from the glue were found`);
    writeFileSync(join(dir, wasm), short.wasm);

    let loader = readFileSync(join(tmp, "__wasm_split.js"), "utf8");
    for (const piece of pieces) {
      const bytes = readFileSync(join(tmp, `opt-${piece}`));
      const hashed = piece.replace(/\.wasm$/, `-${hash12(bytes)}.wasm`);
      writeFileSync(join(dir, hashed), bytes);
      const ref = `"./${piece}"`;
      if (!loader.includes(ref)) throw new Error(`the split loader does not name ${piece}`);
      loader = loader.replaceAll(ref, `"./${hashed}"`);
    }
    // wasm-split names the pages each shared piece serves in a comment on its line:
    // 170 of them, about 0.9 KB brotli of the first load, read by no one.
    loader = loader.replace(/ ?\/\* \w[\w, ]*\*\//g, "");
    loader = withPreload(sharedFetchers(loader));
    const loaderName = `__wasm_split-${hash12(loader)}.js`;
    writeFileSync(join(dir, loaderName), loader);
    const js = readFileSync(join(out, `${name}.js`), "utf8");
    // Only where it is imported: the wasm's own imports keep the name it was built with.
    const from = 'from "./__wasm_split.js"';
    if (!js.includes(from)) throw new Error("the app's module does not import the split loader");
    const jsOut = renameImportModule(
      renameImportKeys(dropClasses(js.replaceAll(from, `from "./${loaderName}"`), streams.dropped), short.names),
      glue,
      "g",
    );
    writeFileSync(join(dir, `${name}.js`), jsOut);

    // The loader is preloaded with the module that imports it.
    const at = integrity(`${name}.js`, Buffer.from(jsOut));
    integrity(wasm, readFileSync(join(dir, wasm)));
    html = html.replace(
      /(<link rel="modulepreload"[^>]*>)/,
      `$1<link rel="modulepreload" href="${at}${loaderName}" crossorigin="anonymous" integrity="${sri(Buffer.from(loader))}">`,
    );
    return { html, pieces: pieces.length, reused };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
