//! The activities of the library: timed, not counted.

use super::{activity_dose, app_minutes, from, APP};
use crate::domain::library::exercise::{
    Amount, Dose, Exercise, Frequency, Kind, Kit, Position, Steps, Text,
};
use crate::domain::library::limits::{Limit, Limits};
use crate::domain::sources::Source::*;

/// How many there are.
pub const COUNT: usize = 6;

/// The activities, in the order the library lists them.
pub const ACTIVITIES: [Exercise; COUNT] = [
    Exercise {
        id: Text::Borrowed("walking"),
        name: Text::Borrowed("Walking"),
        purpose: "Gentle on your spine; it strengthens the muscles that hold you up.",
        kind: Kind::Activity,
        position: Position::OnTheMove,
        start: "Comfortable shoes and somewhere you like to walk.",
        say_start: "Put on comfortable shoes and find a place to walk.",
        say_move: Text::Borrowed("Walk briskly, standing tall with a relaxed, natural posture."),
        side_part: None,
        kit: &[Kit::Nothing],
        steps: Steps::Written(&[
            "Walk at a brisk pace: a bit faster than a stroll.",
            "Stand tall, with a natural, relaxed posture.",
            "Start with short walks and make them a little longer over the weeks.",
        ]),
        dose: Dose {
            build_up: Some(Amount::range(20, 30, SpineHealth)),
            ..activity_dose(
                Amount::from(5, SpineHealth),
                Frequency::TimesPerDay(2, 3),
                from(SpineHealth),
            )
        },
        limits: Some(Limits::activity(Limit::source(
            30,
            SpineHealth,
            "new to exercise, build up to 20 to 30 minutes at a time",
        ))),
        dose_notes: &[
            "New to exercise: start with 2 or 3 walks of 5 minutes a day. Over several weeks \
             or months, build up to 20 to 30 minutes at a time.",
            "Already active: aim for at least 30 minutes, 3 or 4 times a week.",
            "Short, frequent walks break up long spells of sitting.",
            "A study of 11,194 people found a link. Those who walked over 100 minutes a day \
             had long-lasting low back pain 23% less often than those who walked under 78 \
             minutes. A link like this does not prove the walking was the cause.",
        ],
        cautions: &[],
        easier: &[],
        harder: &["endurance-options"],
        sources: &[SpineHealth, PhysioBox, ClevelandClinic],
    },
    Exercise {
        id: Text::Borrowed("swimming"),
        name: Text::Borrowed("Swimming and water exercise"),
        purpose: "The water carries your weight, so your back has less load.",
        kind: Kind::Activity,
        position: Position::InWater,
        start: "A pool, at a time that suits you.",
        say_start: "Find a pool where you can swim at your own pace.",
        say_move: Text::Borrowed("Swim gently, on your back or with a relaxed breaststroke."),
        side_part: None,
        kit: &[Kit::Pool],
        steps: Steps::Written(&[
            "Choose gentle strokes: backstroke, or a relaxed breaststroke.",
            "If you can, wear goggles and a snorkel, so you don't strain your neck holding your \
             head up.",
            "You can also try a water exercise class, or move gently in the shallow end.",
        ]),
        dose: activity_dose(app_minutes(10, 30), Frequency::DaysPerWeek(2, 3), APP),
        limits: Some(Limits::activity(Limit::app(30))),
        dose_notes: &[
            "Exercise in water is also called hydrotherapy. It often means slow moves in \
             shallow water, with someone to guide you.",
        ],
        cautions: &[],
        easier: &[],
        harder: &[],
        sources: &[NhsExercises, PhysioBox, ClevelandClinic],
    },
    Exercise {
        id: Text::Borrowed("cycling"),
        name: Text::Borrowed("Cycling"),
        purpose: "A low-impact way to build your fitness.",
        kind: Kind::Activity,
        position: Position::Sitting,
        start: "A bike, or an exercise bike.",
        say_start: "Get comfortable on your bike or exercise bike.",
        say_move: Text::Borrowed("Pedal at an easy, steady pace."),
        side_part: None,
        kit: &[Kit::Bike],
        steps: Steps::Written(&[
            "Ride at an easy, steady pace.",
            "Do you have spinal stenosis, and does standing or walking hurt too much? Then \
             the source suggests an exercise bike with a seat that supports your back.",
            "Build up the time you ride slowly, over several weeks.",
        ]),
        dose: activity_dose(app_minutes(10, 30), Frequency::DaysPerWeek(2, 3), APP),
        limits: Some(Limits::activity(Limit::app(30))),
        dose_notes: &[],
        cautions: &[],
        easier: &[],
        harder: &[],
        sources: &[NhsExercises, SpineHealth, ClevelandClinic],
    },
    Exercise {
        id: Text::Borrowed("endurance-options"),
        name: Text::Borrowed("Elliptical, dancing or jogging"),
        purpose: "Other ways to build up your fitness and stamina.",
        kind: Kind::Activity,
        position: Position::OnTheMove,
        start: "Whichever you enjoy most.",
        say_start: "Choose the activity you enjoy most.",
        say_move: Text::Borrowed("Start gently, and stop if anything makes your back worse."),
        side_part: None,
        kit: &[Kit::Nothing],
        steps: Steps::Written(&[
            "Pick something you enjoy: you are more likely to keep it up.",
            "Start gently, for a short time.",
            "Over time, slowly make it longer or harder.",
        ]),
        dose: activity_dose(app_minutes(10, 30), Frequency::DaysPerWeek(2, 3), APP),
        limits: Some(Limits::activity(Limit::app(30))),
        dose_notes: &["An elliptical trainer is a low-impact choice."],
        cautions: &[],
        easier: &["walking"],
        harder: &[],
        sources: &[NhsExercises, SpineHealth],
    },
    Exercise {
        id: Text::Borrowed("yoga-pilates"),
        name: Text::Borrowed("Yoga or pilates"),
        purpose: "Classes that some evidence says can help back pain.",
        kind: Kind::Activity,
        position: Position::OnTheMove,
        start: "A beginners' class, or a session at home on a mat.",
        say_start: "Find a beginners' class, or a mat at home.",
        say_move: Text::Borrowed(
            "Go at your own pace, and leave out any move that gives sharp pain.",
        ),
        side_part: None,
        kit: &[Kit::Floor],
        steps: Steps::Written(&[
            "Start with a class or session for beginners.",
            "Go at your own pace, and leave out any move that gives you sharp pain.",
            "Keep it up: exercise helps most when you do it regularly for a long time.",
        ]),
        dose: activity_dose(app_minutes(20, 45), Frequency::DaysPerWeek(2, 2), APP),
        limits: Some(Limits::activity(Limit::app(45))),
        dose_notes: &[
            "There is some evidence that yoga helps with low back pain. Some research also \
             shows pilates can ease low back pain that has no clear cause.",
        ],
        cautions: &[],
        easier: &[],
        harder: &[],
        sources: &[NhsExercises],
    },
    Exercise {
        id: Text::Borrowed("everyday-activity"),
        name: Text::Borrowed("Everyday activity"),
        purpose: "Staying active in small ways all day keeps you from stiffening up.",
        kind: Kind::Activity,
        position: Position::OnTheMove,
        start: "Wherever your day takes you.",
        say_start: "Look for small ways to move during your day.",
        say_move: Text::Borrowed("Walk where you can, and keep moving a little all day."),
        side_part: None,
        kit: &[Kit::Nothing],
        steps: Steps::Written(&[
            "Walk to the shops instead of taking the car.",
            "Get off the bus one stop early and walk the rest.",
            "Do some gardening, or take the dog for a walk.",
        ]),
        dose: activity_dose(app_minutes(10, 30), Frequency::Daily, APP),
        limits: Some(Limits::activity(Limit::app(30))),
        dose_notes: &["Long rest and doing nothing tend to make pain and stiffness worse."],
        cautions: &[],
        easier: &[],
        harder: &["walking"],
        sources: &[NhsExercises],
    },
];
