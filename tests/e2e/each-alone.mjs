// Runs every end-to-end test alone, each in a node process of its own with nothing run
// before it, to show that no test needs another to have run first. Against the release
// build scripts/test makes (DIST and the others as in harness.mjs).
//
//   node tests/e2e/each-alone.mjs                 every test of every file
//   node tests/e2e/each-alone.mjs session.test.mjs   the tests of those files
//
// About 8 minutes for the whole suite on 2 cores (a browser and a server per test).
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(here).filter((f) => f.endsWith(".test.mjs")).sort();

const env = { ...process.env };
delete env.E2E_SHUFFLE;
let passed = 0;
const failed = [];
for (const file of files) {
  const listed = execFileSync(process.execPath, [file], { cwd: here, env: { ...env, E2E_LIST: "1" }, encoding: "utf8" });
  const names = [...listed.matchAll(/^E2E_TEST (.+)$/gm)].map((m) => m[1]);
  if (names.length === 0) throw new Error(`${file}: no tests listed`);
  for (const name of names) {
    const started = Date.now();
    const run = spawnSync(process.execPath, ["--test", "--test-reporter=spec", file], {
      cwd: here,
      env: { ...env, E2E_ONLY: name },
      encoding: "utf8",
    });
    const ran = /ℹ tests 1\b/.test(run.stdout);
    const ok = run.status === 0 && ran;
    console.log(`${ok ? "✔" : "✖"} ${file}: ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (ok) passed += 1;
    else {
      failed.push(`${file}: ${name}`);
      console.log(ran ? run.stdout + run.stderr : `  (it did not run alone: ${run.stdout.slice(-400)})`);
    }
  }
}
if (failed.length) console.log(`\nFailed alone:\n${failed.join("\n")}`);
console.log(`${passed} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
