// Short names for the wasm's imports from its glue (scripts/wasm-imports.mjs), run by the
// post-build step on the main part. Needs no build: a small wasm is written here byte by
// byte, with imports of every kind, and checked by the browser engine's own reader.
import assert from "node:assert/strict";
import { test } from "./harness.mjs";
import { renameImportKeys, renameImportModule, shortName, shortenImports } from "../../scripts/wasm-imports.mjs";

const GLUE = "./app_bg.js";

/** A wasm string: its length, then its bytes. */
const str = (s) => [s.length, ...Buffer.from(s)];

/** A module importing two functions and a global from the glue, and a function, a
 * table and a memory from the split loader, with a type section before and an export
 * section after (so the sections around the imports are kept as they are). */
function module() {
  const types = [0x01, 0x60, 0x00, 0x00]; // one type: () -> ()
  const imports = [
    0x06,
    ...str(GLUE), ...str("__wbg_querySelectorAll_bd785907acdf7800"), 0x00, 0x00,
    ...str("./__wasm_split.js"), ...str("__wasm_split_load_page"), 0x00, 0x00,
    ...str(GLUE), ...str("__wbg_length_9aab85334c5daf3f"), 0x00, 0x00,
    ...str("./__wasm_split.js"), ...str("__indirect_function_table"), 0x01, 0x70, 0x01, 0x02, 0x90, 0x03,
    ...str("./__wasm_split.js"), ...str("memory"), 0x02, 0x00, 0x11,
    ...str(GLUE), ...str("__wbindgen_flag"), 0x03, 0x7f, 0x00,
  ];
  const exports = [0x01, ...str("run"), 0x00, 0x00]; // the first imported function
  const leb = (n) => (n < 128 ? [n] : [(n % 128) | 0x80, ...leb(Math.floor(n / 128))]);
  const section = (id, body) => [id, ...leb(body.length), ...body];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, types),
    ...section(2, imports),
    ...section(7, exports),
  ]);
}

test("the glue's imports get short names; the split loader's keep theirs", () => {
  const before = new WebAssembly.Module(module());
  assert.equal(WebAssembly.Module.imports(before).length, 6, "the test's wasm is valid");
  const { wasm, names } = shortenImports(module(), GLUE);
  const after = new WebAssembly.Module(wasm);
  assert.deepEqual(
    WebAssembly.Module.imports(after).map(({ module, name, kind }) => [module, name, kind]),
    [
      [GLUE, "a", "function"],
      ["./__wasm_split.js", "__wasm_split_load_page", "function"],
      [GLUE, "b", "function"],
      ["./__wasm_split.js", "__indirect_function_table", "table"],
      ["./__wasm_split.js", "memory", "memory"],
      [GLUE, "c", "global"],
    ],
  );
  assert.deepEqual(WebAssembly.Module.exports(after), [{ name: "run", kind: "function" }]);
  assert.deepEqual(
    [...names],
    [
      ["__wbg_querySelectorAll_bd785907acdf7800", "a"],
      ["__wbg_length_9aab85334c5daf3f", "b"],
      ["__wbindgen_flag", "c"],
    ],
  );
  assert.ok(wasm.length < module().length - 60, "the names are shorter");
});

test("the glue's module gets a short name too, in the wasm and in the glue, once", () => {
  const { wasm } = shortenImports(module(), GLUE, "g");
  const modules = WebAssembly.Module.imports(new WebAssembly.Module(wasm)).map((i) => i.module);
  assert.deepEqual(modules, ["g", "./__wasm_split.js", "g", "./__wasm_split.js", "./__wasm_split.js", "g"]);
  const glue = `    return {\n        __proto__: null,\n        "${GLUE}": import0,\n        "./__wasm_split.js": import1,\n    };`;
  assert.equal(renameImportModule(glue, GLUE, "g"), glue.replace(`"${GLUE}"`, `"g"`));
  assert.throws(() => renameImportModule(glue, "./other_bg.js", "g"), /0 times/);
});

test("short names run a to Z, then two letters, never repeating", () => {
  assert.deepEqual([0, 25, 26, 51, 52, 53].map(shortName), ["a", "z", "A", "Z", "aa", "ab"]);
  const seen = new Set(Array.from({ length: 3000 }, (_, n) => shortName(n)));
  assert.equal(seen.size, 3000);
  assert.ok([...seen].every((n) => /^[a-zA-Z]+$/.test(n) && n !== "__proto__"));
});

test("the glue's import object is renamed key by key, and a key not found once is an error", () => {
  const glue = [
    "function __wbg_get_imports() {",
    "    const import0 = {",
    "        __proto__: null,",
    "        __wbg_length_9aab85334c5daf3f: function(arg0) {",
    "            return arg0.length;",
    "        },",
    "        __wbindgen_flag: new WebAssembly.Global({ value: 'i32', mutable: false }, 1),",
    "    };",
    "}",
  ].join("\n");
  const names = new Map([["__wbg_length_9aab85334c5daf3f", "b"], ["__wbindgen_flag", "c"]]);
  const out = renameImportKeys(glue, names);
  assert.match(out, /\n {8}b: function\(arg0\)/);
  assert.match(out, /\n {8}c: new WebAssembly/);
  assert.doesNotMatch(out, /__wbg_length|__wbindgen_flag/);
  assert.throws(() => renameImportKeys(glue, new Map([["__wbg_gone_0000000000000000", "d"]])), /0 times/);
  assert.throws(() => renameImportKeys(`${glue}\n    __wbindgen_flag: 1`, names), /2 times/);
});

test("wasm-streams' unused exports and classes are dropped; the rest kept", async () => {
  const { dropClasses, dropExports } = await import("../../scripts/wasm-imports.mjs");
  const leb = (n) => (n < 128 ? [n] : [(n % 128) | 0x80, ...leb(Math.floor(n / 128))]);
  const section = (id, body) => [id, ...leb(body.length), ...body];
  // Three functions () -> (), exported under four names (two of them wasm-streams').
  const names = ["run", "intounderlyingsink_write", "__wbg_intounderlyingsink_free", "intounderlying_not_a_class"];
  const wasm = Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [0x01, 0x60, 0x00, 0x00]),
    ...section(3, [0x03, 0x00, 0x00, 0x00]),
    ...section(7, [names.length, ...names.flatMap((n, i) => [...str(n), 0x00, i % 3])]),
    ...section(10, [0x03, 0x02, 0x00, 0x0b, 0x02, 0x00, 0x0b, 0x02, 0x00, 0x0b]),
  ]);
  const { wasm: out, dropped } = dropExports(wasm);
  assert.deepEqual(dropped, ["intounderlyingsink_write", "__wbg_intounderlyingsink_free"]);
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(out)).map((e) => e.name);
  assert.deepEqual(exports, ["run", "intounderlying_not_a_class"], "a valid wasm with the others kept");

  const glue = [
    "import * as import1 from \"./__wasm_split.js\"",
    "",
    "export class IntoUnderlyingSink {",
    "    free() {",
    "        wasm.__wbg_intounderlyingsink_free(ptr, 0);",
    "    }",
    "    write(chunk) {",
    "        return wasm.intounderlyingsink_write(this.__wbg_ptr, chunk);",
    "    }",
    "}",
    "if (Symbol.dispose) IntoUnderlyingSink.prototype[Symbol.dispose] = IntoUnderlyingSink.prototype.free;",
    "export class Kept {",
    "    run() { wasm.run(); }",
    "}",
    "if (Symbol.dispose) Kept.prototype[Symbol.dispose] = Kept.prototype.free;",
    "const IntoUnderlyingSinkFinalization = (typeof FinalizationRegistry === 'undefined')",
    "    ? { register: () => {}, unregister: () => {} }",
    "    : new FinalizationRegistry(ptr => wasm.__wbg_intounderlyingsink_free(ptr, 1));",
    "const KeptFinalization = (typeof FinalizationRegistry === 'undefined')",
    "    ? { register: () => {}, unregister: () => {} }",
    "    : new FinalizationRegistry(ptr => wasm.__wbg_kept_free(ptr, 1));",
    "function later() {}",
    "",
  ].join("\n");
  const cut = dropClasses(glue, dropped);
  assert.doesNotMatch(cut, /IntoUnderlying|intounderlying/);
  assert.match(cut, /export class Kept \{\n {4}run\(\) \{ wasm\.run\(\); \}\n\}\nif \(Symbol\.dispose\) Kept/, "the other class kept");
  assert.match(cut, /const KeptFinalization = [^\n]*\n[^\n]*\n[^\n]*__wbg_kept_free[^\n]*\nfunction later/, "its registry kept");
  // A use of a dropped export the cut did not reach stops the build.
  assert.throws(() => dropClasses(`${glue}\nwasm.intounderlyingsink_write(1, 2);\n`, dropped), /still uses intounderlyingsink_write/);
});
