//! The safety information a person must always be able to reach, each item with its
//! sources. The wording is the app's own; the facts are the sources'.

use serde::{Deserialize, Serialize};

use crate::domain::sources::Source;
use crate::domain::storage::schema::Record;
use crate::domain::Millis;

/// One piece of safety advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Advice {
    /// A stable id, used for stored answers and tests.
    pub id: &'static str,
    pub text: &'static str,
    pub sources: &'static [Source],
}

/// Pain at or above this (out of 10) means stop the exercise.
pub const STOP_PAIN: u8 = 7;
/// Pain lasting longer than this after exercise means the exercise is not right for you.
pub const AFTER_CHECK_MINUTES: u32 = 20;

/// Before starting any programme.
pub const BEFORE_YOU_START: &[Advice] = &[
    Advice {
        id: "ask-first",
        text: "Talk to a GP or physiotherapist before you start a new exercise plan. The right \
               exercises depend on what is causing your pain.",
        sources: &[
            Source::NhsExercises,
            Source::SpineHealth,
            Source::ClevelandClinic,
        ],
    },
    Advice {
        id: "unsure-new-severe",
        text: "Not sure these exercises suit you? Did your pain come on suddenly, or is it \
               severe? Then see a GP or physiotherapist before you begin.",
        sources: &[
            Source::NhsExercises,
            Source::SpineHealth,
            Source::PhysioBox,
            Source::ClevelandClinic,
        ],
    },
];

/// On a bad day: keep moving gently rather than resting for long.
pub const STAY_ACTIVE: Advice = Advice {
    id: "stay-active",
    text: "Keep gently active, even on a sore day. Long rest tends to make back pain and \
           stiffness worse.",
    sources: &[
        Source::NhsExercises,
        Source::PhysioBox,
        Source::ClevelandClinic,
    ],
};

/// While exercising: when to stop.
pub const WHEN_TO_STOP: &[Advice] = &[
    Advice {
        id: "discomfort",
        text: "Some discomfort while you exercise is normal.",
        sources: &[Source::ClevelandClinic],
    },
    Advice {
        id: "pain-7",
        text: "Stop if your pain reaches 7 out of 10 or more.",
        sources: &[Source::ClevelandClinic],
    },
    Advice {
        id: "sharp-pain",
        text: "Stop any movement that gives you sharp pain or makes your symptoms worse.",
        sources: &[Source::PhysioBox],
    },
    Advice {
        id: "pain-20-minutes",
        text: "If the pain lasts more than 20 minutes after you finish, that exercise is not \
               right for you. Leave it out.",
        sources: &[Source::ClevelandClinic],
    },
];

/// Signs that mean: see a GP or physiotherapist.
pub const SEE_A_PROFESSIONAL: &[Advice] = &[
    Advice {
        id: "worsening",
        text: "Your pain does not go away, or it is getting worse.",
        sources: &[Source::PhysioBox],
    },
    Advice {
        id: "leg-symptoms",
        text: "You have numbness, weakness or tingling in one or both legs.",
        sources: &[Source::PhysioBox],
    },
    Advice {
        id: "no-better",
        text: "You are no better after 2 to 3 weeks.",
        sources: &[Source::PhysioBox, Source::NhsExercises],
    },
    Advice {
        id: "weight-loss",
        text: "You are losing weight and don't know why.",
        sources: &[Source::PhysioBox],
    },
    Advice {
        id: "lump",
        text: "There is swelling, a lump, or a change in the colour or shape of the skin on \
               your back.",
        sources: &[Source::PhysioBox],
    },
    Advice {
        id: "temperature",
        text: "You have a high temperature.",
        sources: &[Source::PhysioBox],
    },
    Advice {
        id: "sudden",
        text: "The pain came on suddenly, or everyday things are a struggle because of it.",
        sources: &[Source::PhysioBox],
    },
];

/// Signs that need emergency help now.
pub const URGENT: &[Advice] = &[
    Advice {
        id: "saddle-numbness",
        text: "Numbness around your genitals or bottom.",
        sources: &[Source::NhsBackPain],
    },
    Advice {
        id: "bladder-bowel",
        text: "It is hard to pee, or you can't control when you pee or poo.",
        sources: &[Source::NhsBackPain],
    },
    Advice {
        id: "both-legs",
        text: "Numbness, tingling or weakness in both legs.",
        sources: &[Source::NhsBackPain],
    },
    Advice {
        id: "chest-pain",
        text: "Chest pain as well as back pain.",
        sources: &[Source::NhsBackPain],
    },
    Advice {
        id: "accident",
        text: "Your back pain started after a serious accident, like a car crash or a bad \
               fall.",
        sources: &[Source::NhsBackPain],
    },
];

/// What to do when an urgent sign is present. Emergency numbers are facts, not advice.
pub const URGENT_ACTION: &str = "Get medical help now. Call your emergency number (999 in the \
    UK, 112 in Europe, 911 in the US and Canada) or go to A&E (the emergency department).";

/// Mild pain and medicine.
pub const MEDICINE: &[Advice] = &[Advice {
    id: "pharmacist",
    text: "For mild pain, a pharmacist can tell you if a painkiller such as ibuprofen is right \
           for you.",
    sources: &[Source::NhsExercises],
}];

/// What the first-run safety check found, from the person's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No warning signs: exercise away.
    Clear,
    /// Signs that need a GP or physiotherapist: check with one first, then continue.
    SeeProfessional,
    /// Signs that need emergency help now: no exercise is suggested.
    Urgent,
}

/// The person's answers to the safety check, and when they gave them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SafetyCheck {
    /// When the check was last answered; `None` until it has been.
    pub answered_at: Option<Millis>,
    /// Ids from [`URGENT`] that the person ticked.
    pub urgent: Vec<String>,
    /// Ids from [`SEE_A_PROFESSIONAL`] that the person ticked.
    pub see_professional: Vec<String>,
}

impl Record for SafetyCheck {
    const NAME: &'static str = "safety-check";
    const SCHEMA: u32 = 1;
}

impl SafetyCheck {
    /// Answers given at `now`. Ids that are not signs of the right list are dropped.
    pub fn answered(now: Millis, urgent: &[&str], see_professional: &[&str]) -> SafetyCheck {
        let keep = |ids: &[&str], list: &[Advice]| -> Vec<String> {
            list.iter()
                .filter(|a| ids.contains(&a.id))
                .map(|a| a.id.to_string())
                .collect()
        };
        SafetyCheck {
            answered_at: Some(now),
            urgent: keep(urgent, URGENT),
            see_professional: keep(see_professional, SEE_A_PROFESSIONAL),
        }
    }

    pub fn is_answered(&self) -> bool {
        self.answered_at.is_some()
    }

    /// What the answers mean; `None` before the check was taken.
    pub fn outcome(&self) -> Option<Outcome> {
        self.answered_at?;
        Some(if !self.urgent.is_empty() {
            Outcome::Urgent
        } else if !self.see_professional.is_empty() {
            Outcome::SeeProfessional
        } else {
            Outcome::Clear
        })
    }

    /// False when the answers hold an urgent sign: then no way into exercise is open
    /// (Today, "Try it", a routine's address, a session in progress) until the check is
    /// taken again.
    pub fn allows_exercise(&self) -> bool {
        self.outcome() != Some(Outcome::Urgent)
    }

    /// The ticked signs, as advice, urgent ones first.
    pub fn ticked(&self) -> Vec<&'static Advice> {
        URGENT
            .iter()
            .filter(|a| self.urgent.iter().any(|id| id == a.id))
            .chain(
                SEE_A_PROFESSIONAL
                    .iter()
                    .filter(|a| self.see_professional.iter().any(|id| id == a.id)),
            )
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::storage::schema::{decode, encode};

    #[test]
    fn the_check_has_three_outcomes() {
        assert_eq!(SafetyCheck::default().outcome(), None);
        assert!(!SafetyCheck::default().is_answered());
        let clear = SafetyCheck::answered(5, &[], &[]);
        assert_eq!(clear.outcome(), Some(Outcome::Clear));
        let gp = SafetyCheck::answered(5, &[], &["temperature"]);
        assert_eq!(gp.outcome(), Some(Outcome::SeeProfessional));
        let urgent = SafetyCheck::answered(5, &["chest-pain"], &["temperature"]);
        assert_eq!(urgent.outcome(), Some(Outcome::Urgent));
        assert!(
            !urgent.allows_exercise(),
            "an urgent sign closes every way into exercise"
        );
        assert!(clear.allows_exercise() && gp.allows_exercise());
        assert!(
            SafetyCheck::default().allows_exercise(),
            "the check itself comes first"
        );
        let texts: Vec<_> = urgent.ticked().iter().map(|a| a.id).collect();
        assert_eq!(texts, vec!["chest-pain", "temperature"]);
    }

    #[test]
    fn ids_from_the_wrong_list_are_dropped() {
        let check = SafetyCheck::answered(5, &["temperature", "nonsense"], &["chest-pain"]);
        assert_eq!(check.outcome(), Some(Outcome::Clear));
        assert!(check.urgent.is_empty() && check.see_professional.is_empty());
    }

    #[test]
    fn the_check_is_stored_with_its_date() {
        let check = SafetyCheck::answered(1_763_700_000_000, &[], &["lump"]);
        let text = encode(&check, 1_763_700_000_000).unwrap();
        assert_eq!(decode::<SafetyCheck>(&text).unwrap().data, check);
        let v1 = r#"{"schema":1,"saved_at":1,"data":{"answered_at":1763700000000,"urgent":[],"see_professional":["lump"]}}"#;
        assert_eq!(decode::<SafetyCheck>(v1).unwrap().data, check);
    }

    fn all() -> impl Iterator<Item = &'static Advice> {
        BEFORE_YOU_START
            .iter()
            .chain(WHEN_TO_STOP)
            .chain(SEE_A_PROFESSIONAL)
            .chain(URGENT)
            .chain(MEDICINE)
            .chain([&STAY_ACTIVE])
    }

    #[test]
    fn every_item_names_a_source_and_has_a_unique_id() {
        let mut ids = std::collections::BTreeSet::new();
        for advice in all() {
            assert!(!advice.sources.is_empty(), "{} has no source", advice.id);
            assert!(ids.insert(advice.id), "duplicate id {}", advice.id);
            assert!(
                advice.text.ends_with('.'),
                "{} is not a sentence",
                advice.id
            );
        }
    }

    #[test]
    fn a_person_who_struggles_with_daily_life_ticks_the_sign() {
        // The Physio Box: "struggling with daily activities", which takes in people who
        // still manage them.
        let sudden = SEE_A_PROFESSIONAL
            .iter()
            .find(|a| a.id == "sudden")
            .unwrap();
        assert!(
            sudden.text.contains("everyday things are a struggle"),
            "{}",
            sudden.text
        );
        assert!(!sudden.text.contains("stops you"), "{}", sudden.text);
    }

    #[test]
    fn both_tiers_of_content_md_are_complete() {
        // CONTENT.md lists 7 see-a-GP signs and 5 urgent signs.
        assert_eq!(SEE_A_PROFESSIONAL.len(), 7);
        assert_eq!(URGENT.len(), 5);
        assert!(WHEN_TO_STOP.iter().any(|a| a.text.contains("7 out of 10")));
        assert!(WHEN_TO_STOP.iter().any(|a| a.text.contains("20 minutes")));
    }
}
