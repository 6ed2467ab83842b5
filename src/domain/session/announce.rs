//! What a screen reader's status line says as each step starts: one whole sentence,
//! where the voice ([`Step::say`]) may say only "2.".

use super::timeline::{count, Movement, Side, Step, StepKind};
use crate::domain::library::exercise::Sides;

impl Step {
    /// The one sentence announced politely as the step starts, whole on its own: the
    /// exercise, its set, rep and side, and what to do ("Bridge, set 2 of 2, rep 1 of 10:
    /// hold for 5 seconds."). A get-ready names the exercise only; its description is on
    /// the screen. A set or rep is named only when there is more than one.
    pub fn announce(&self) -> String {
        let secs = self.duration_ms.unwrap_or(0) / 1000;
        let name = self.exercise_name();
        let action = match self.kind {
            StepKind::GetReady => return format!("Get ready: {name}."),
            StepKind::Rest if self.rep == 1 && self.set > 1 => {
                return format!(
                    "Rest for {} before set {}.",
                    count(secs, "second"),
                    self.set
                )
            }
            StepKind::Rest => return format!("Rest for {}.", count(secs, "second")),
            StepKind::SwitchSide => {
                let side = self.side.unwrap_or(Side::Right).label();
                return match self.side_part() {
                    Some(part) => format!("Now the {side} {part}."),
                    None => format!("Switch to the {side} side."),
                };
            }
            StepKind::Finished => return "Session finished.".to_string(),
            StepKind::Work(Movement::Minutes) => {
                return format!("{name}: keep going for {}.", count(secs / 60, "minute"))
            }
            StepKind::Work(Movement::Hold) => format!("hold for {}.", count(secs, "second")),
            StepKind::Work(Movement::Paced) => {
                format!("move slowly, about {} each time.", count(secs, "second"))
            }
            StepKind::Work(Movement::Tapped) => "your pace, tap Done when finished.".to_string(),
        };
        if self.is_evening_move() {
            return format!("{name}, once more on the right so both sides match: {action}");
        }
        let mut text = name.to_string();
        if self.sets > 1 {
            text.push_str(&format!(", set {} of {}", self.set, self.sets));
        }
        if self.reps > 1 {
            text.push_str(&format!(", rep {} of {}", self.rep, self.reps));
        }
        match (self.side, self.side_part()) {
            (Some(side), Some(part)) if self.sides == Sides::EachSide => {
                text.push_str(&format!(", {} {part}", side.label()));
            }
            (Some(side), _) => text.push_str(&format!(", {} side", side.label())),
            (None, _) => {}
        }
        format!("{text}: {action}")
    }
}

#[cfg(test)]
mod tests {
    use super::super::plan::{PlannedItem, PlannedWork};
    use super::super::timeline::{compile, Pace, Step, StepKind};
    use crate::domain::library::exercise::Sides;
    use crate::domain::library::Library;
    use crate::domain::test_support::routines::{builtin, find, Routine};

    fn announced(routine: &Routine) -> Vec<String> {
        routine.timeline().iter().map(Step::announce).collect()
    }

    fn of(routine_id: &str) -> Vec<String> {
        announced(&find(routine_id, &Library::BUILT_IN).unwrap())
    }

    #[test]
    fn each_step_is_announced_in_one_whole_sentence() {
        let bridge = of("exercise:bridge");
        assert_eq!(bridge[0], "Get ready: Bridge.");
        assert_eq!(
            bridge[1],
            "Bridge, set 1 of 2, rep 1 of 10: hold for 5 seconds."
        );
        assert_eq!(bridge[2], "Rest for 3 seconds.");
        assert_eq!(
            bridge[5],
            "Bridge, set 1 of 2, rep 3 of 10: hold for 5 seconds."
        );
        assert_eq!(bridge[20], "Rest for 30 seconds before set 2.");
        assert_eq!(
            bridge[21],
            "Bridge, set 2 of 2, rep 1 of 10: hold for 5 seconds."
        );
        assert_eq!(bridge.last().unwrap(), "Session finished.");

        let ham = of("exercise:seated-hamstring-stretch");
        assert_eq!(
            ham[1],
            "Seated hamstring stretch, rep 1 of 3, left leg: hold for 20 seconds."
        );
        assert_eq!(ham[6], "Now the right leg.");
        assert_eq!(
            ham[7],
            "Seated hamstring stretch, rep 1 of 3, right leg: hold for 20 seconds."
        );

        let knee = of("exercise:knee-rolls");
        assert_eq!(
            knee[1],
            "Knee rolls, rep 1 of 2, left side: hold for 3 seconds."
        );
        assert_eq!(
            knee[2],
            "Knee rolls, rep 1 of 2, right side: hold for 3 seconds."
        );
        assert_eq!(knee[3], "Rest for 10 seconds.");

        let tilt = of("exercise:pelvic-tilt");
        assert_eq!(
            tilt[2],
            "Pelvic tilt, rep 2 of 5: move slowly, about 5 seconds each time."
        );

        let bug = of("exercise:dead-bug");
        assert_eq!(
            bug[2],
            "Dead bug, set 1 of 2, rep 2 of 10, right side: move slowly, about 4 seconds \
             each time."
        );

        assert_eq!(
            of("exercise:walking"),
            [
                "Get ready: Walking.",
                "Walking: keep going for 5 minutes.",
                "Session finished."
            ]
        );
        assert_eq!(
            of("exercise:core-in-daily-moves")[3],
            "Core bracing in daily moves, rep 2 of 5: your pace, tap Done when finished."
        );
    }

    #[test]
    fn a_change_of_sides_and_the_evening_move_are_announced() {
        let item = |exercise: &str, sides, reps| PlannedItem {
            exercise: exercise.into(),
            own: None,
            sets: 1,
            reps,
            work: PlannedWork::Hold { secs: 5 },
            rest_reps_secs: 3,
            rest_sets_secs: 30,
            sides,
            describe: false,
        };
        let steps = compile(
            &[
                item("bridge", Sides::EachSide, 1),
                item("dead-bug", Sides::TakingTurns, 3),
            ],
            &Pace::default(),
        );
        let said: Vec<String> = steps.iter().map(Step::announce).collect();
        let switch = steps
            .iter()
            .position(|s| s.kind == StepKind::SwitchSide)
            .unwrap();
        assert_eq!(said[switch], "Switch to the right side.");
        assert_eq!(said[switch + 1], "Bridge, right side: hold for 5 seconds.");
        let evening = steps.iter().position(Step::is_evening_move).unwrap();
        assert_eq!(
            said[evening - 1],
            "Dead bug, rep 3 of 3, left side: hold for 5 seconds."
        );
        assert_eq!(
            said[evening],
            "Dead bug, once more on the right so both sides match: hold for 5 seconds."
        );
    }

    #[test]
    fn every_step_of_the_built_in_routines_is_announced_whole() {
        let mut checked = 0;
        for routine in builtin() {
            for (step, text) in routine.timeline().iter().zip(announced(&routine)) {
                assert!(text.ends_with('.'), "{text}");
                assert!(text.starts_with(char::is_uppercase), "{text}");
                assert!(!text.contains("  ") && !text.contains(".."), "{text}");
                if step.is_work() {
                    assert!(text.starts_with(step.exercise_name()), "{text}");
                }
                checked += 1;
            }
        }
        assert!(checked > 150, "{checked} steps");
    }
}
