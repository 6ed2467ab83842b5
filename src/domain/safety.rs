//! The safety information a person must always be able to reach, each item with its
//! sources. The wording is the app's own; the facts are the sources'.

use super::sources::Source;

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
pub const BEFORE_YOU_START: &[Advice] = &[Advice {
    id: "ask-first",
    text: "Talk to a GP or physiotherapist before you start a new exercise plan. The right \
           exercises depend on what is causing your pain.",
    sources: &[
        Source::NhsExercises,
        Source::SpineHealth,
        Source::ClevelandClinic,
    ],
}];

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
        text: "The pain came on suddenly, or it stops you doing everyday things.",
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

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> impl Iterator<Item = &'static Advice> {
        BEFORE_YOU_START
            .iter()
            .chain(WHEN_TO_STOP)
            .chain(SEE_A_PROFESSIONAL)
            .chain(URGENT)
            .chain(MEDICINE)
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
    fn both_tiers_of_content_md_are_complete() {
        // CONTENT.md lists 7 see-a-GP signs and 5 urgent signs.
        assert_eq!(SEE_A_PROFESSIONAL.len(), 7);
        assert_eq!(URGENT.len(), 5);
        assert!(WHEN_TO_STOP.iter().any(|a| a.text.contains("7 out of 10")));
        assert!(WHEN_TO_STOP.iter().any(|a| a.text.contains("20 minutes")));
    }
}
