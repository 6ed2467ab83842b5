// Short names for the functions a wasm imports from its JS glue.
//
// wasm-bindgen names each import after the browser function and a 16-digit hash
// (`__wbg_querySelectorAll_bd785907acdf7800`): 258 of them in the app's first-load wasm,
// and the same names again as keys in the glue's import object. The hashes do not
// compress, so the names cost about 4 KB brotli in the wasm and 2.5 KB in the JS. The
// post-build step renames them both to short names ("a", "b", …, "ba", …); the wasm's
// other imports (the split loader's) keep theirs.

/** Reads an unsigned LEB128 number at `at`: [value, the position after it]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error("the wasm ends inside a number");
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** `n` as an unsigned LEB128 number. */
function toLeb(n) {
  const out = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return out;
}

/** The position after an import's description (its kind at `at`). */
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = leb(bytes, p);
    if (flags & 1) [, p] = leb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0x00: // function: its type
      return leb(bytes, at)[1];
    case 0x01: // table: its element type, then limits
      return limits(at + 1);
    case 0x02: // memory
      return limits(at);
    case 0x03: // global: its type and whether it is mutable
      return at + 2;
    case 0x04: // tag: an attribute, then its type
      return leb(bytes, at + 1)[1];
    default:
      throw new Error(`an import of unknown kind ${kind}`);
  }
}

/** The `n`th short name: a … z, A … Z, then two letters and on. */
export function shortName(n) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return name;
}

/**
 * Renames every import of `wasm` (bytes) from module `module` to a short name, and the
 * module itself to `shortModule` (the glue's file name, with its hash, would otherwise be
 * written once per import: hundreds of times, and its length changing with the hash).
 * Returns the new bytes and the names, old → new, in the order the wasm lists them.
 */
export function shortenImports(wasm, module, shortModule = module) {
  const bytes = Uint8Array.from(wasm);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const text = (at) => {
    const [length, start] = leb(bytes, at);
    return [decoder.decode(bytes.subarray(start, start + length)), start + length];
  };
  const named = (s) => {
    const b = encoder.encode(s);
    return [...toLeb(b.length), ...b];
  };
  const rewritten = rewriteSection(bytes, 2, (start, end) => {
    const names = new Map();
    let [count, p] = leb(bytes, start);
    const entries = [...toLeb(count)];
    while (count-- > 0) {
      const [from, afterModule] = text(p);
      const [name, afterName] = text(afterModule);
      const afterDescription = skipDescription(bytes, afterName);
      let [shown, source] = [name, from];
      if (from === module) {
        if (names.has(name)) throw new Error(`the wasm imports ${name} twice`);
        shown = shortName(names.size);
        names.set(name, shown);
        source = shortModule;
      }
      entries.push(...named(source), ...named(shown), ...bytes.subarray(afterName, afterDescription));
      p = afterDescription;
    }
    if (p !== end) throw new Error("the import section was not read to its end");
    return { body: entries, names };
  });
  return rewritten ?? { wasm: bytes, names: new Map() };
}

/**
 * `bytes` with its section `id` replaced by the body `rewrite(start, end)` gives (read
 * from the section's contents, `start` to `end`), and whatever else `rewrite` returns;
 * `null` when the wasm has no such section.
 */
function rewriteSection(bytes, id, rewrite) {
  let at = 8;
  while (at < bytes.length) {
    const [size, start] = leb(bytes, at + 1);
    const end = start + size;
    if (bytes[at] === id) {
      const { body, ...rest } = rewrite(start, end);
      const section = [id, ...toLeb(body.length), ...body];
      const out = new Uint8Array(at + section.length + (bytes.length - end));
      out.set(bytes.subarray(0, at), 0);
      out.set(section, at);
      out.set(bytes.subarray(end), at + section.length);
      return { wasm: out, ...rest };
    }
    at = end;
  }
  return null;
}

/**
 * `js` (wasm-bindgen's glue) with the module `from` its import object names renamed `to`
 * (as [`shortenImports`] renamed it in the wasm). It must be named exactly once.
 */
export function renameImportModule(js, from, to) {
  const key = `\n        "${from}": import0,`;
  const found = js.split(key).length - 1;
  if (found !== 1) throw new Error(`the glue names the module ${from} ${found} times, not once`);
  return js.replace(key, `\n        "${to}": import0,`);
}

/**
 * `js` (wasm-bindgen's glue) with the keys of its import object renamed as `names` says.
 * Each key must be found exactly once, where the object lists it.
 */
export function renameImportKeys(js, names) {
  let out = js;
  for (const [from, to] of names) {
    const key = new RegExp(`(\\n\\s+)${from}(: )`, "g");
    const found = out.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`the glue lists the import ${from} ${found} times, not once`);
    out = out.replace(key, `$1${to}$2`);
  }
  return out;
}

// Leptos brings in wasm-streams (through server_fn, which an app with no server never
// calls). Its three classes that hand Rust streams to the browser's streams are exported
// from the wasm and written into the glue, so their code would stay in the first load
// though nothing uses them (about 1.3 KB brotli of wasm and 0.6 KB of JS). The post-build
// step drops those exports, before wasm-opt (which then leaves their code out), and the
// classes from the glue.

/** The exports of wasm-streams' classes: `intounderlyingsink_write`, `__wbg_…_free`. */
export const STREAM_EXPORTS = /^(__wbg_)?intounderlying(bytesource|sink|source)_\w+$/;

/**
 * `wasm` (bytes) without the exports whose names match `pattern`. Returns the new bytes
 * and the names dropped.
 */
export function dropExports(wasm, pattern = STREAM_EXPORTS) {
  const bytes = Uint8Array.from(wasm);
  const decoder = new TextDecoder();
  const rewritten = rewriteSection(bytes, 7, (start, end) => {
    let [count, p] = leb(bytes, start);
    const kept = [];
    const dropped = [];
    let keptCount = 0;
    while (count-- > 0) {
      const from = p;
      const [length, nameAt] = leb(bytes, p);
      const name = decoder.decode(bytes.subarray(nameAt, nameAt + length));
      // Its kind (one byte), then its index.
      p = leb(bytes, nameAt + length + 1)[1];
      if (pattern.test(name)) dropped.push(name);
      else {
        kept.push(...bytes.subarray(from, p));
        keptCount++;
      }
    }
    if (p !== end) throw new Error("the export section was not read to its end");
    return { body: [...toLeb(keptCount), ...kept], dropped };
  });
  return rewritten ?? { wasm: bytes, dropped: [] };
}

/**
 * `js` (wasm-bindgen's glue) without the classes whose wasm exports `dropped` names (as
 * `dropExports` gives them): each `export class …`, its `Symbol.dispose` line and its
 * finalization registry. Throws when any of those names is still used after.
 */
export function dropClasses(js, dropped) {
  const classes = new Set(dropped.map((name) => /^(?:__wbg_)?([a-z]+)_/.exec(name)[1]));
  let out = js;
  for (const lower of classes) {
    const cls = new RegExp(`\\nexport class (\\w+) \\{\\n[\\s\\S]*?\\n\\}\\nif \\(Symbol\\.dispose\\) \\1\\.prototype\\[Symbol\\.dispose\\] = \\1\\.prototype\\.free;\\n`, "g");
    out = out.replace(cls, (whole, name) => (name.toLowerCase() === lower ? "\n" : whole));
    const registry = new RegExp(`const (\\w+)Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)\\n[^\\n]*\\n[^\\n]*\\n`, "g");
    out = out.replace(registry, (whole, name) => (name.toLowerCase() === lower ? "" : whole));
  }
  for (const name of dropped) {
    if (out.includes(name)) throw new Error(`the glue still uses ${name}, whose export was dropped`);
  }
  return out;
}
