// Random use in every test run (monkey.mjs): 1,000 actions over 5 fixed seeds, newcomers
// and people with three weeks of use, each walk failing on any uncaught or console
// error, stored text the app can no longer read, a page that stops answering, or a
// session in progress lost. `scripts/bench --monkey N` runs longer walks over 25 seeds.
import assert from "node:assert/strict";
import { test } from "./harness.mjs";
import { walk, random } from "./monkey.mjs";

test("the same seed makes the same choices", () => {
  const a = random(7);
  const b = random(7);
  const first = Array.from({ length: 5 }, a);
  assert.deepEqual(first, Array.from({ length: 5 }, b));
  assert.notDeepEqual(first, Array.from({ length: 5 }, random(8)));
  assert.ok(first.every((x) => x >= 0 && x < 1));
});

test("a walk fails on stored text the app could not read, naming the seed to replay", async () => {
  await assert.rejects(
    walk({ seed: 9, actions: 2, stored: { "steadyback:activities": "{not json" } }),
    /monkey seed 9, action \d: stored text set aside as unreadable: steadyback:quarantine:activities:/,
  );
});

for (const seed of [1, 2, 3, 4, 5]) {
  test(`random use, seed ${seed}: 200 actions and nothing breaks`, async () => {
    const { done, log } = await walk({ seed, actions: 200 });
    assert.equal(done, 200);
    const taps = log.filter((l) => /^\d+: tap [a-z]/.test(l)).length;
    assert.ok(taps > 50, `the walk tapped things (${taps} taps)`);
  });
}
