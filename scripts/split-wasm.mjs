// Part of scripts/post-build.mjs, release builds only: cuts the app's wasm into the first
// load and one piece per page opened later (the `later_pages!` of src/ui/app.rs), with
// wasm-split (wasm_split_cli_support, installed by scripts/setup). Trunk cannot do this
// itself, so this redoes, on the wasm cargo built, what Trunk did on it whole (Trunk's
// own wasm-opt is off, `data-wasm-opt="0"` in index.html: this step optimises):
//
//   wasm-split-cli → wasm-bindgen on the main part (keeping the exports the pieces link
//   to) → wasm-opt -Oz on every part → the pieces and their loader renamed with a hash of
//   their content (never cached stale) → Trunk's files replaced, index.html's integrity
//   hashes made anew, and the loader preloaded beside the app's module.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const OPT = ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int"];
const hash16 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

function run(tool, args) {
  try {
    execFileSync(tool, args, { stdio: ["ignore", "ignore", "pipe"] });
  } catch (err) {
    const why = err.code === "ENOENT" ? "it is not installed (run scripts/setup)" : String(err.stderr || err.message);
    throw new Error(`${tool} failed: ${why}`);
  }
}

const PRELOAD = `const pages = [];
/**
 * Loads the pieces of the pages whose name holds one of \`which\` ("library"), in that
 * order, one at a time, each after \`between()\` resolves. The others load when opened.
 */
export async function preloadPages(between, which) {
    for (const part of which) {
        const page = pages.find(({ name }) => name.includes(part));
        if (!page) continue;
        await between();
        await page.load().catch(() => {});
    }
}
`;

/**
 * Splits the build in `dir` (Trunk's staging folder), whose wasm cargo left at `raw`.
 * Returns `html` (index.html's text) with the new integrity hashes and the loader's
 * preload, and how many pieces were split off.
 */
export function splitWasm({ dir, raw, html }) {
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
    run("wasm-split-cli", [raw, tmp, "--out-name", name]);
    const pieces = readdirSync(tmp).filter((f) => /^(split_|chunk_).*\.wasm$/.test(f));
    if (!pieces.length) {
      // Nothing to split off: only the optimising Trunk leaves to this step.
      run("wasm-opt", [...OPT, join(dir, wasm), "-o", join(dir, wasm)]);
      integrity(wasm, readFileSync(join(dir, wasm)));
      return { html, pieces: 0 };
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
    run("wasm-opt", [...OPT, join(out, `${name}_bg.wasm`), "-o", join(dir, wasm)]);

    let loader = readFileSync(join(tmp, "__wasm_split.js"), "utf8");
    for (const piece of pieces) {
      const optimised = join(tmp, `opt-${piece}`);
      run("wasm-opt", [...OPT, join(tmp, piece), "-o", optimised]);
      const bytes = readFileSync(optimised);
      const hashed = piece.replace(/\.wasm$/, `-${hash16(bytes)}.wasm`);
      writeFileSync(join(dir, hashed), bytes);
      const ref = `"./${piece}"`;
      if (!loader.includes(ref)) throw new Error(`the split loader does not name ${piece}`);
      loader = loader.replaceAll(ref, `"./${hashed}"`);
    }
    // Every page's loader (the memoised load that wrapAsyncCb awaits) also kept in a
    // list with its name, for the app's loader to fetch and compile the pages ahead of a tap
    // (preloadPages; see LOADER in scripts/hosting.mjs). A failed preload is left for the
    // page's own load to try again (the split loader memoises successes only).
    const wrap = "function wrapAsyncCb(callee) {";
    const exported = /export const (\w+) = wrapAsyncCb\(/g;
    if (!loader.includes(wrap) || !exported.test(loader)) {
      throw new Error("the split loader has no wrapAsyncCb(callee) per page (has wasm-split changed?)");
    }
    loader = loader
      .replace(wrap, `${PRELOAD}function wrapAsyncCb(name, callee) {\n    pages.push({ name, load: callee });`)
      .replace(exported, 'export const $1 = wrapAsyncCb("$1", ');
    const loaderName = `__wasm_split-${hash16(loader)}.js`;
    writeFileSync(join(dir, loaderName), loader);
    const js = readFileSync(join(out, `${name}.js`), "utf8");
    // Only where it is imported: the wasm's own imports keep the name it was built with.
    const from = 'from "./__wasm_split.js"';
    if (!js.includes(from)) throw new Error("the app's module does not import the split loader");
    const jsOut = js.replaceAll(from, `from "./${loaderName}"`);
    writeFileSync(join(dir, `${name}.js`), jsOut);

    // The loader is preloaded with the module that imports it.
    const at = integrity(`${name}.js`, Buffer.from(jsOut));
    integrity(wasm, readFileSync(join(dir, wasm)));
    html = html.replace(
      /(<link rel="modulepreload"[^>]*>)/,
      `$1<link rel="modulepreload" href="${at}${loaderName}" crossorigin="anonymous" integrity="${sri(Buffer.from(loader))}">`,
    );
    return { html, pieces: pieces.length };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
