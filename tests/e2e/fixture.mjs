// Three weeks of someone using Steadyback, as stored records: guided sessions with pain
// ratings, logged walks and other activity, and one exercise set aside. "Now" is Friday
// 20 November 2026, 19:00 in London (UTC+0 then); tests set the browser's clock and time
// zone to match.
export const NOW = Date.UTC(2026, 10, 20, 19, 0);
export const TIME_ZONE = "Europe/London";

const ROUTINES = {
  "gentle-start": {
    name: "A gentle start",
    secs: 336,
    exercises: [["pelvic-tilt", 1, 5], ["knee-rolls", 1, 2], ["double-knee-hug", 1, 5]],
  },
  "core-stability": {
    name: "Core stability",
    secs: 750,
    exercises: [["abdominal-bracing", 1, 5], ["dead-bug", 1, 10], ["bridge", 2, 10]],
  },
  "desk-break": {
    name: "Desk break",
    secs: 378,
    exercises: [
      ["thoracic-spine-stretch", 1, 10],
      ["wall-stand", 1, 3],
      ["seated-hamstring-stretch", 1, 3],
      ["foam-roller-extension", 1, 5],
    ],
  },
};

/** [day of November, hour, routine, pain before, pain after, after-check]. */
const SESSIONS = [
  [2, 8, "gentle-start", 6, 5],
  [4, 18, "core-stability", 6, 5],
  [6, 8, "desk-break", 5, 5],
  [8, 10, "gentle-start", 5, 4],
  [10, 18, "core-stability", 5, 4],
  [12, 8, "desk-break", 5, 6, "still_hurting"],
  [14, 10, "core-stability", 4, 3],
  [16, 18, "core-stability", 4, 3],
  [18, 8, "gentle-start", 4, 3],
  [19, 18, "core-stability", 3, 3],
];

/** [day of November, kind, minutes, note]. */
const ACTIVITIES = [
  ...[2, 3, 4, 5].map((d) => [d, "walk", 5, ""]),
  [7, "swim", 30, "Local pool"],
  ...[9, 10, 11, 13, 14].map((d) => [d, "walk", 10, ""]),
  [15, "ride", 20, "Exercise bike"],
  ...[16, 17, 18, 19, 20].map((d) => [d, "walk", 10, d === 20 ? "Round the park" : ""]),
];

const envelope = (data) => JSON.stringify({ schema: 1, saved_at: NOW, data });
const pad = (n) => String(n).padStart(2, "0");

export function sessions() {
  return SESSIONS.map(([day, hour, id, before, after, check]) => {
    const routine = ROUTINES[id];
    const started = Date.UTC(2026, 10, day, hour, 0);
    return {
      routine_id: id,
      routine_name: routine.name,
      started_at: started,
      ended_at: started + routine.secs * 1000 + 30_000,
      active_secs: routine.secs,
      exercises: routine.exercises.map(([exercise, sets, reps]) => ({
        exercise,
        sets_planned: sets,
        sets_done: sets,
        reps_planned: sets * reps,
        reps_done: sets * reps,
        skipped: false,
        work_secs: Math.round(routine.secs / routine.exercises.length) - 20,
      })),
      tz_offset_min: 0,
      pain_before: before,
      pain_after: after,
      hurts: [],
      after_check: check ?? null,
    };
  });
}

export function activities() {
  return ACTIVITIES.map(([day, kind, minutes, note], i) => ({
    id: Date.UTC(2026, 10, day, 20, 0) + i,
    day: `2026-11-${pad(day)}`,
    kind,
    minutes,
    note,
  }));
}

/** Every stored key of the three weeks, as localStorage holds them. */
export function storage() {
  return {
    "steadyback:sessions": envelope({ records: sessions() }),
    "steadyback:activities": envelope({ records: activities() }),
    "steadyback:plan": envelope({
      not_for_me: ["foam-roller-extension"],
      levels: {},
      history: [],
      nudge_dismissed_at: null,
    }),
  };
}
