//! The exercise library: every exercise and activity of the source documents, with the
//! sources' own doses. Where a source gives no figure, the app's choice is marked
//! [`Origin::App`] (via [`Amount::app`]) and shown as "suggested by the app".
//!
//! The app's defaults, and why:
//! - reps not given: 5, from NHS Inform's rule "start with 5 reps of each exercise";
//! - "hold for a few seconds": 3 s; holds not given: 5 s for hugs, 10 s for the plank,
//!   20 s for stretches (the one stretch hold the sources give), 30 s standing tall and
//!   60 s lying flat: short enough to be comfortable, long enough to settle into;
//! - a paced rep: 4–6 s, slow and controlled;
//! - rest: a few seconds between reps, 30 s between sets;
//! - how often, not given: every day for gentle stretches and posture, 2 days a week for
//!   strength (the bridge's "at least 2 days a week"), and activity as the walking advice.

use super::exercise::{
    Amount, Dose, Exercise, Frequency, Kind, Kit, Origin, Position, Sides, Work,
};
use super::sources::Source::{self, *};

const fn reps_dose(
    sets: Amount,
    reps: Amount,
    work: Work,
    rest_reps: u16,
    sides: Sides,
    frequency: Frequency,
    frequency_origin: Origin,
) -> Dose {
    Dose {
        sets,
        reps,
        work,
        rest_reps: Amount::app(rest_reps),
        rest_sets: Amount::app(30),
        sides,
        frequency,
        frequency_origin,
        build_up: None,
    }
}

const fn activity_dose(minutes: Amount, frequency: Frequency, frequency_origin: Origin) -> Dose {
    Dose {
        sets: Amount::app(1),
        reps: Amount::app(1),
        work: Work::Minutes(minutes),
        rest_reps: Amount::app(0),
        rest_sets: Amount::app(0),
        sides: Sides::Together,
        frequency,
        frequency_origin,
        build_up: None,
    }
}

/// A number of minutes the app suggests, within a range.
const fn app_minutes(start: u16, max: u16) -> Amount {
    Amount {
        start,
        min: start,
        max,
        origin: Origin::App,
    }
}

/// NHS Inform: start with 5 reps of each exercise.
const START_5: Amount = Amount::from(5, NhsInform);
const ONE_SET: Amount = Amount::app(1);
const APP: Origin = Origin::App;
const fn from(source: Source) -> Origin {
    Origin::From(source)
}

/// Every exercise and activity, in the order the library lists them.
pub static CATALOG: &[Exercise] = &[
    Exercise {
        id: "pelvic-tilt",
        name: "Pelvic tilt",
        purpose: "Gently stretches and strengthens your lower back and tummy muscles.",
        kind: Kind::Stretch,
        position: Position::OnBack,
        start: "Lie on your back, knees bent, feet flat on the floor.",
        kit: &[Kit::Floor],
        steps: &[
            "Lie on your back, knees bent, feet flat on the floor.",
            "Slowly tilt your hips so the small of your back presses into the floor.",
            "Let go and relax back to where you started.",
        ],
        dose: reps_dose(
            Amount::from(1, PhysioBox),
            Amount::range(5, 10, PhysioBox),
            Work::Paced(Amount::app(5)),
            0,
            Sides::Together,
            Frequency::Daily,
            APP,
        ),
        dose_notes: &["Safe for most people, even during pregnancy."],
        cautions: &[],
        easier: &[],
        harder: &["abdominal-bracing"],
        sources: &[PhysioBox],
    },
    Exercise {
        id: "knee-rolls",
        name: "Knee rolls",
        purpose: "Eases stiffness and makes your lower back more flexible.",
        kind: Kind::Stretch,
        position: Position::OnBack,
        start: "Lie on your back on a bed or the floor, knees bent and pointing up, feet \
                together.",
        kit: &[Kit::Bed, Kit::Floor],
        steps: &[
            "Lie on your back with your knees bent and pointing at the ceiling, feet together.",
            "Keeping your knees together, slowly let them roll over to one side.",
            "Hold for a few seconds, then bring them back to the middle.",
            "Roll them to the other side, hold, and come back to the middle. That is one rep.",
        ],
        dose: reps_dose(
            ONE_SET,
            Amount::range(2, 3, PhysioBox),
            Work::Hold(Amount::app(3)),
            10,
            Sides::Alternating,
            Frequency::Daily,
            APP,
        ),
        dose_notes: &["It is fine to go slowly, or to rest between reps for as long as you need."],
        cautions: &["Any discomfort should stay manageable and not make your pain worse."],
        easier: &[],
        harder: &[],
        sources: &[PhysioBox],
    },
    Exercise {
        id: "double-knee-hug",
        name: "Double knee hug",
        purpose: "Stretches the muscles of your lower back.",
        kind: Kind::Stretch,
        position: Position::OnBack,
        start: "Lie on your back. Keep your legs together, knees bent and feet flat.",
        kit: &[Kit::Floor, Kit::Bed],
        steps: &[
            "Lie on your back. Keep your legs together, knees bent and feet flat.",
            "Slowly bring both knees up towards your chest.",
            "Hold your knees gently with your hands to stretch a little further.",
            "Let go and slowly put your feet back down.",
        ],
        dose: reps_dose(
            ONE_SET,
            START_5,
            Work::Hold(Amount::app(5)),
            5,
            Sides::Together,
            Frequency::Daily,
            APP,
        ),
        dose_notes: &["Suits most kinds of back pain."],
        cautions: &[],
        easier: &["single-knee-hug"],
        harder: &[],
        sources: &[PhysioBox],
    },
    Exercise {
        id: "single-knee-hug",
        name: "Single knee hug",
        purpose: "Stretches your lower back, one leg at a time.",
        kind: Kind::Stretch,
        position: Position::OnBack,
        start: "Lie on your back. Keep your legs together, knees bent and feet flat.",
        kit: &[Kit::Floor, Kit::Bed],
        steps: &[
            "Lie on your back. Keep your legs together, knees bent and feet flat.",
            "Slowly bring one knee up towards your chest and hold it gently with your hands.",
            "Let go and put that foot back down.",
            "Do the same with the other knee. Keep taking turns.",
        ],
        dose: reps_dose(
            ONE_SET,
            START_5,
            Work::Hold(Amount::app(5)),
            3,
            Sides::Alternating,
            Frequency::Daily,
            APP,
        ),
        dose_notes: &[],
        cautions: &[],
        easier: &[],
        harder: &["double-knee-hug"],
        sources: &[PhysioBox],
    },
    Exercise {
        id: "hip-flexor-stretch",
        name: "Hip flexor stretch",
        purpose: "Loosens the front of your hip, which gets tight when you sit a lot.",
        kind: Kind::Stretch,
        position: Position::OnBack,
        start: "Lie on your back close to the left edge of your bed.",
        kit: &[Kit::Bed],
        steps: &[
            "Lie on your back close to the left edge of your bed.",
            "Bend your right knee and keep your right foot flat on the bed.",
            "Let your left leg hang over the edge, relaxed, with your thigh resting on the bed.",
            "Hold, and breathe easily.",
            "Move to the right edge of the bed and do the same with your right leg hanging.",
        ],
        dose: reps_dose(
            ONE_SET,
            Amount::range(3, 5, ClevelandClinic),
            Work::Hold(Amount::from(20, ClevelandClinic)),
            5,
            Sides::EachSide,
            Frequency::Daily,
            from(ClevelandClinic),
        ),
        dose_notes: &[],
        cautions: &[],
        easier: &[],
        harder: &[],
        sources: &[ClevelandClinic],
    },
    Exercise {
        id: "thoracic-spine-stretch",
        name: "Upper back stretch",
        purpose: "Opens up your upper back, which hunches forward when you sit a lot.",
        kind: Kind::Stretch,
        position: Position::Sitting,
        start: "Sit or stand tall.",
        kit: &[Kit::Chair, Kit::Nothing],
        steps: &[
            "Sit or stand tall.",
            "Put your hands behind your head at neck level, elbows pointing forward.",
            "Slowly move your elbows backwards.",
            "Hold for a few seconds, then bring your elbows forward again.",
        ],
        dose: reps_dose(
            Amount::from(1, ClevelandClinic),
            Amount::from(10, ClevelandClinic),
            Work::Hold(Amount::app(3)),
            3,
            Sides::Together,
            Frequency::Daily,
            from(ClevelandClinic),
        ),
        dose_notes: &[],
        cautions: &[],
        easier: &["lying-thoracic-extension"],
        harder: &["foam-roller-extension"],
        sources: &[ClevelandClinic],
    },
    Exercise {
        id: "abdominal-bracing",
        name: "Abdominal bracing",
        purpose: "Trains the deep tummy muscles that support your spine.",
        kind: Kind::Strength,
        position: Position::OnBack,
        start: "Lie on your back, knees bent, feet flat on the floor.",
        kit: &[Kit::Floor, Kit::Bed],
        steps: &[
            "Lie on your back, knees bent, feet flat on the floor.",
            "Tighten your tummy muscles to flatten the curve of your lower back.",
            "Draw your belly button in towards your spine and hold. Keep breathing.",
            "Relax.",
        ],
        dose: reps_dose(
            Amount::from(3, ClevelandClinic),
            Amount::from(10, ClevelandClinic),
            Work::Hold(Amount::range(5, 10, ClevelandClinic)),
            5,
            Sides::Together,
            Frequency::Daily,
            APP,
        ),
        dose_notes: &[
            "For your tummy muscles, the source prefers this to crunches, and crunches to \
             full sit-ups.",
        ],
        cautions: &[],
        easier: &["pelvic-tilt"],
        harder: &["dead-bug", "bridge"],
        sources: &[ClevelandClinic],
    },
    Exercise {
        id: "dead-bug",
        name: "Dead bug",
        purpose: "Builds core strength while your arms and legs move.",
        kind: Kind::Strength,
        position: Position::OnBack,
        start: "Lie on your back with your arms straight up above your chest, hips and knees \
                bent at right angles.",
        kit: &[Kit::Floor],
        steps: &[
            "Lie on your back and lift your arms straight up above your chest.",
            "Lift your legs so your hips and knees are bent at right angles.",
            "Tighten your tummy muscles.",
            "Slowly lower your left arm back over your head and straighten your right leg. \
             Stop a few inches above the floor.",
            "Bring them back slowly. That is one rep.",
            "Next rep, the other side: your right arm and your left leg.",
        ],
        dose: reps_dose(
            Amount::range(2, 3, ClevelandClinic),
            Amount::from(10, ClevelandClinic),
            Work::Paced(Amount::app(4)),
            0,
            Sides::TakingTurns,
            Frequency::DaysPerWeek(2, 2),
            APP,
        ),
        dose_notes: &["Or as many as feel comfortable."],
        cautions: &[],
        easier: &["abdominal-bracing"],
        harder: &[],
        sources: &[ClevelandClinic],
    },
    Exercise {
        id: "bridge",
        name: "Bridge",
        purpose: "Strengthens your buttocks and the muscles around your lower back.",
        kind: Kind::Strength,
        position: Position::OnBack,
        start: "Lie on your back, knees bent, feet flat.",
        kit: &[Kit::Floor, Kit::Bed],
        steps: &[
            "Lie on your back, knees bent, feet flat.",
            "Tighten your lower tummy muscles and squeeze your buttocks.",
            "Lift your bottom off the floor.",
            "Hold, then lower slowly.",
        ],
        dose: reps_dose(
            Amount::from(2, ClevelandClinic),
            Amount::range(10, 15, ClevelandClinic),
            Work::Hold(Amount::from(5, ClevelandClinic)),
            3,
            Sides::Together,
            Frequency::DaysPerWeek(2, 7),
            from(ClevelandClinic),
        ),
        dose_notes: &[],
        cautions: &[],
        easier: &["abdominal-bracing"],
        harder: &[],
        sources: &[ClevelandClinic],
    },
    Exercise {
        id: "prone-trunk-lift",
        name: "Prone trunk lift",
        purpose: "Strengthens the muscles along your back.",
        kind: Kind::Strength,
        position: Position::FaceDown,
        start: "Lie face down on a bed with a pillow under your tummy and your arms by your \
                sides.",
        kit: &[Kit::Bed],
        steps: &[
            "Lie face down on a bed with a pillow under your tummy and your arms by your sides.",
            "Squeeze your shoulder blades together.",
            "Lift your upper chest off the bed. Keep your tummy tight and your head in line, \
             looking down.",
            "Hold for a few seconds, then lower slowly.",
        ],
        dose: reps_dose(
            Amount::from(1, ClevelandClinic),
            Amount::from(5, ClevelandClinic),
            Work::Hold(Amount::app(3)),
            5,
            Sides::Together,
            Frequency::Daily,
            from(ClevelandClinic),
        ),
        dose_notes: &[],
        cautions: &[],
        easier: &[],
        harder: &[],
        sources: &[ClevelandClinic],
    },
    Exercise {
        id: "wall-stand",
        name: "Wall stand",
        purpose: "Helps you stand taller, which takes strain off your back.",
        kind: Kind::Posture,
        position: Position::Standing,
        start: "Stand with your back against a wall.",
        kit: &[Kit::Wall],
        steps: &[
            "Stand with your back against a wall.",
            "Touch the wall with your heels, your bottom and your back.",
            "Stand tall and breathe easily while you hold.",
            "Step away and keep that tall feeling.",
        ],
        dose: reps_dose(
            ONE_SET,
            Amount::app(3),
            Work::Hold(Amount::app(30)),
            10,
            Sides::Together,
            Frequency::Daily,
            APP,
        ),
        dose_notes: &[],
        cautions: &[],
        easier: &[],
        harder: &[],
        sources: &[ClevelandClinic],
    },
    Exercise {
        id: "lying-thoracic-extension",
        name: "Lying flat",
        purpose: "Lets your upper back straighten out after sitting.",
        kind: Kind::Posture,
        position: Position::OnBack,
        start: "Lie flat on your back on the floor or a firm bed.",
        kit: &[Kit::Floor, Kit::Bed],
        steps: &[
            "Lie flat on your back on the floor or a firm bed.",
            "Rest your arms by your sides and let your shoulders relax.",
            "Stay there and breathe slowly while your upper back settles.",
        ],
        dose: reps_dose(
            ONE_SET,
            Amount::app(1),
            Work::Hold(Amount::app(60)),
            0,
            Sides::Together,
            Frequency::Daily,
            APP,
        ),
        dose_notes: &["Something as simple as lying flat gives your upper back a stretch."],
        cautions: &[],
        easier: &[],
        harder: &["thoracic-spine-stretch"],
        sources: &[ClevelandClinic],
    },
    Exercise {
        id: "seated-hamstring-stretch",
        name: "Seated hamstring stretch",
        purpose: "Stretches the back of your thigh; it can ease some low back pain.",
        kind: Kind::Stretch,
        position: Position::Sitting,
        start: "Sit near the front edge of a steady chair.",
        kit: &[Kit::Chair],
        steps: &[
            "Sit near the front edge of a steady chair, back tall.",
            "Stretch one leg out in front of you, heel on the floor, toes pointing up.",
            "Keeping your back straight, lean forward from your hips until you feel a gentle \
             stretch behind your thigh.",
            "Hold, then sit up and change legs.",
        ],
        dose: reps_dose(
            ONE_SET,
            Amount::app(3),
            Work::Hold(Amount::app(20)),
            5,
            Sides::EachSide,
            Frequency::Daily,
            from(SpineHealth),
        ),
        dose_notes: &[
            "The source names this stretch for every day, at home or at work, but does not \
             describe it: the steps are the app's plain description of a common seated \
             hamstring stretch.",
        ],
        cautions: &[],
        easier: &[],
        harder: &[],
        sources: &[SpineHealth],
    },
    Exercise {
        id: "foam-roller-extension",
        name: "Foam roller upper back stretch",
        purpose: "A break from sitting that opens up your upper back.",
        kind: Kind::Stretch,
        position: Position::Sitting,
        start: "Sit on a chair with a foam roller across the top of the chair back, against \
                your upper back.",
        kit: &[Kit::FoamRoller, Kit::Chair],
        steps: &[
            "Sit on a chair. Put a foam roller across the top of the chair back, against your \
             upper back.",
            "Tighten your tummy muscles.",
            "Lean back gently over the roller.",
            "Come back up to sitting.",
        ],
        dose: reps_dose(
            ONE_SET,
            START_5,
            Work::Hold(Amount::app(3)),
            3,
            Sides::Together,
            Frequency::Daily,
            APP,
        ),
        dose_notes: &[
            "You can also do this lying on the floor with the roller under your upper back.",
        ],
        cautions: &[],
        easier: &["thoracic-spine-stretch"],
        harder: &[],
        sources: &[SpineHealth],
    },
    Exercise {
        id: "abdominal-crunch",
        name: "Abdominal crunch",
        purpose: "Works your tummy muscles without the strain of a full sit-up.",
        kind: Kind::Strength,
        position: Position::OnBack,
        start: "Lie on your back, knees bent, feet flat.",
        kit: &[Kit::Floor],
        steps: &[
            "Lie on your back, knees bent, feet flat.",
            "Tighten your tummy muscles.",
            "Lift only your head and shoulder blades off the floor.",
            "Lower slowly.",
        ],
        dose: reps_dose(
            ONE_SET,
            START_5,
            Work::Paced(Amount::app(4)),
            0,
            Sides::Together,
            Frequency::DaysPerWeek(2, 2),
            APP,
        ),
        dose_notes: &[],
        cautions: &[
            "Don't do full sit-ups. Lifting only your head and shoulders is the safer choice.",
            "Abdominal bracing is better still.",
        ],
        easier: &["abdominal-bracing"],
        harder: &[],
        sources: &[ClevelandClinic],
    },
    Exercise {
        id: "elevated-plank",
        name: "Elevated plank",
        purpose: "Builds core strength with less load than a plank on the floor.",
        kind: Kind::Strength,
        position: Position::Standing,
        start: "Stand facing the side or the end of your bed.",
        kit: &[Kit::Bed],
        steps: &[
            "Stand facing the side or the end of your bed.",
            "Rest your forearms on the bed.",
            "Walk your feet back and lower your hips until your body is in a straight line.",
            "Hold, with your tummy tight. Keep breathing.",
            "Walk your feet back in and stand up.",
        ],
        dose: reps_dose(
            ONE_SET,
            Amount::app(3),
            Work::Hold(Amount::app(10)),
            15,
            Sides::Together,
            Frequency::DaysPerWeek(2, 2),
            APP,
        ),
        dose_notes: &["Do this instead of a plank on the floor."],
        cautions: &[],
        easier: &["abdominal-bracing"],
        harder: &[],
        sources: &[ClevelandClinic],
    },
    Exercise {
        id: "push-up-progression",
        name: "Wall push-up",
        purpose: "Strengthens your arms and upper body, starting gently.",
        kind: Kind::Strength,
        position: Position::Standing,
        start: "Stand facing a wall, a little more than arm's length away.",
        kit: &[Kit::Wall],
        steps: &[
            "Stand facing a wall. Put your hands on it at shoulder height.",
            "Bend your elbows to bring your chest towards the wall, keeping your body straight.",
            "Push back to the start.",
            "Over time, make it harder in stages: hands on a kitchen counter, then push-ups on \
             your knees.",
        ],
        dose: reps_dose(
            ONE_SET,
            START_5,
            Work::Paced(Amount::app(4)),
            0,
            Sides::Together,
            Frequency::DaysPerWeek(2, 2),
            APP,
        ),
        dose_notes: &["Start almost upright at a wall, and lower the angle only gradually."],
        cautions: &[],
        easier: &[],
        harder: &[],
        sources: &[ClevelandClinic],
    },
    Exercise {
        id: "wall-squat",
        name: "Wall squat",
        purpose: "Strengthens your legs with your back supported.",
        kind: Kind::Strength,
        position: Position::Standing,
        start: "Stand with your back against a wall, feet a little way out in front of you.",
        kit: &[Kit::Wall],
        steps: &[
            "Stand with your back against a wall, feet a little way out in front of you.",
            "Bend your knees and slowly slide down the wall.",
            "Slide back up to standing.",
        ],
        dose: reps_dose(
            ONE_SET,
            START_5,
            Work::Paced(Amount::app(5)),
            0,
            Sides::Together,
            Frequency::DaysPerWeek(2, 2),
            APP,
        ),
        dose_notes: &["Do this instead of ordinary squats."],
        cautions: &["Only go down as far as feels comfortable."],
        easier: &[],
        harder: &[],
        sources: &[ClevelandClinic],
    },
    Exercise {
        id: "core-in-daily-moves",
        name: "Core bracing in daily moves",
        purpose: "Builds core strength by using it when you lift, carry, squat or pull.",
        kind: Kind::Strength,
        position: Position::Standing,
        start: "Stand ready to pick up something light.",
        kit: &[Kit::Nothing],
        steps: &[
            "Before you lift or carry, tighten your tummy a little. Do the same to squat or pull.",
            "Keep them tight, and keep breathing, while you move.",
            "Relax once you have put the load down. Tap Done for each one.",
        ],
        dose: reps_dose(
            ONE_SET,
            START_5,
            Work::Tapped,
            5,
            Sides::Together,
            Frequency::Daily,
            APP,
        ),
        dose_notes: &[
            "Using your core in daily moves may help even more than exercises on their own.",
        ],
        cautions: &[],
        easier: &["abdominal-bracing"],
        harder: &[],
        sources: &[SpineHealth],
    },
    // Activities: timed, not counted.
    Exercise {
        id: "walking",
        name: "Walking",
        purpose: "Gentle on your spine; it strengthens the muscles that hold you up.",
        kind: Kind::Activity,
        position: Position::OnTheMove,
        start: "Comfortable shoes and somewhere you like to walk.",
        kit: &[Kit::Nothing],
        steps: &[
            "Walk at a brisk pace: a bit faster than a stroll.",
            "Stand tall, with a natural, relaxed posture.",
            "Start with short walks and make them a little longer over the weeks.",
        ],
        dose: Dose {
            build_up: Some(Amount::range(20, 30, SpineHealth)),
            ..activity_dose(
                Amount::from(5, SpineHealth),
                Frequency::TimesPerDay(2, 3),
                from(SpineHealth),
            )
        },
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
        id: "swimming",
        name: "Swimming and water exercise",
        purpose: "The water carries your weight, so your back has less load.",
        kind: Kind::Activity,
        position: Position::InWater,
        start: "A pool, at a time that suits you.",
        kit: &[Kit::Pool],
        steps: &[
            "Choose gentle strokes: backstroke, or a relaxed breaststroke.",
            "If you can, wear goggles and a snorkel, so you don't strain your neck holding your \
             head up.",
            "You can also try a water exercise class, or move gently in the shallow end.",
        ],
        dose: activity_dose(app_minutes(10, 30), Frequency::DaysPerWeek(2, 3), APP),
        dose_notes: &["Another choice is hydrotherapy: exercise in a pool of warm water."],
        cautions: &[],
        easier: &[],
        harder: &[],
        sources: &[NhsExercises, PhysioBox, ClevelandClinic],
    },
    Exercise {
        id: "cycling",
        name: "Cycling",
        purpose: "Low-impact exercise for your heart and legs.",
        kind: Kind::Activity,
        position: Position::Sitting,
        start: "A bike, or an exercise bike.",
        kit: &[Kit::Bike],
        steps: &[
            "Ride at an easy, steady pace.",
            "Does standing or walking hurt too much? Then try an exercise bike with a seat \
             that supports your back. This can help with spinal stenosis.",
            "Add a little time each week.",
        ],
        dose: activity_dose(app_minutes(10, 30), Frequency::DaysPerWeek(2, 3), APP),
        dose_notes: &[],
        cautions: &[],
        easier: &[],
        harder: &[],
        sources: &[NhsExercises, SpineHealth, ClevelandClinic],
    },
    Exercise {
        id: "endurance-options",
        name: "Elliptical, dancing or jogging",
        purpose: "Other ways to build up your fitness and stamina.",
        kind: Kind::Activity,
        position: Position::OnTheMove,
        start: "Whichever you enjoy most.",
        kit: &[Kit::Nothing],
        steps: &[
            "Pick something you enjoy: you are more likely to keep it up.",
            "Start gently, for a short time.",
            "Add a little time or effort each week, as long as your back feels okay.",
        ],
        dose: activity_dose(app_minutes(10, 30), Frequency::DaysPerWeek(2, 3), APP),
        dose_notes: &["An elliptical trainer is a low-impact choice."],
        cautions: &[],
        easier: &["walking"],
        harder: &[],
        sources: &[NhsExercises, SpineHealth],
    },
    Exercise {
        id: "yoga-pilates",
        name: "Yoga or pilates",
        purpose: "Classes that some evidence says can help back pain.",
        kind: Kind::Activity,
        position: Position::OnTheMove,
        start: "A beginners' class, or a session at home on a mat.",
        kit: &[Kit::Floor],
        steps: &[
            "Start with a class or session for beginners.",
            "Go at your own pace, and leave out any move that gives you sharp pain.",
            "Keep it up: exercise helps most when you do it regularly for a long time.",
        ],
        dose: activity_dose(app_minutes(20, 45), Frequency::DaysPerWeek(2, 2), APP),
        dose_notes: &[
            "There is some evidence that yoga helps low back pain, and some that pilates eases \
             non-specific low back pain.",
        ],
        cautions: &[],
        easier: &[],
        harder: &[],
        sources: &[NhsExercises],
    },
    Exercise {
        id: "everyday-activity",
        name: "Everyday activity",
        purpose: "Staying active in small ways all day keeps you from stiffening up.",
        kind: Kind::Activity,
        position: Position::OnTheMove,
        start: "Wherever your day takes you.",
        kit: &[Kit::Nothing],
        steps: &[
            "Walk to the shops instead of taking the car.",
            "Get off the bus one stop early and walk the rest.",
            "Do some gardening, or take the dog for a walk.",
        ],
        dose: activity_dose(app_minutes(10, 30), Frequency::Daily, APP),
        dose_notes: &["Long rest and doing nothing tend to make pain and stiffness worse."],
        cautions: &[],
        easier: &[],
        harder: &["walking"],
        sources: &[NhsExercises],
    },
];

/// The exercise with this id.
pub fn get(id: &str) -> Option<&'static Exercise> {
    CATALOG.iter().find(|e| e.id == id)
}

/// The name of the exercise `id`, or the id itself when the library no longer has it (a
/// record from an older or newer version of the app).
pub fn name_of(id: &str) -> String {
    get(id).map_or_else(|| id.to_string(), |e| e.name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every row of CONTENT.md, by the id the app gives it.
    const CONTENT_MD_EXERCISES: [&str; 19] = [
        "pelvic-tilt",              // 1 Pelvic tilt
        "knee-rolls",               // 2 Knee rolls
        "double-knee-hug",          // 3 Double knee hug
        "single-knee-hug",          // 4 Single knee hug
        "hip-flexor-stretch",       // 5 Hip flexor stretch
        "thoracic-spine-stretch",   // 6 Thoracic spine stretch
        "abdominal-bracing",        // 7 Abdominal bracing
        "dead-bug",                 // 8 Dead bug
        "bridge",                   // 9 Bridge
        "prone-trunk-lift",         // 10 Prone trunk lift
        "wall-stand",               // 11 Wall stand
        "lying-thoracic-extension", // 12 Lying thoracic extension
        "seated-hamstring-stretch", // 13 Seated hamstring stretch
        "foam-roller-extension",    // 14 Foam-roller upper-back extension
        "abdominal-crunch",         // 15 Abdominal crunch
        "elevated-plank",           // 16 Elevated plank
        "push-up-progression",      // 17 Push-up progression
        "wall-squat",               // 18 Wall squat
        "core-in-daily-moves",      // 19 Core strength in daily moves
    ];
    const CONTENT_MD_ACTIVITIES: [&str; 6] = [
        "walking",
        "swimming",
        "cycling",
        "endurance-options",
        "yoga-pilates",
        "everyday-activity",
    ];

    #[test]
    fn every_content_md_row_has_its_entry() {
        for id in CONTENT_MD_EXERCISES {
            let e = get(id).unwrap_or_else(|| panic!("missing {id}"));
            assert_ne!(e.kind, Kind::Activity, "{id} is an exercise");
        }
        for id in CONTENT_MD_ACTIVITIES {
            let e = get(id).unwrap_or_else(|| panic!("missing {id}"));
            assert_eq!(e.kind, Kind::Activity, "{id} is an activity");
            assert!(matches!(e.dose.work, Work::Minutes(_)), "{id} is timed");
        }
        assert_eq!(CATALOG.len(), 25, "nothing more, nothing less");
    }

    #[test]
    fn ids_are_unique_and_kebab_case() {
        let mut seen = BTreeSet::new();
        for e in CATALOG {
            assert!(seen.insert(e.id), "duplicate id {}", e.id);
            assert!(
                e.id.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    && !e.id.starts_with('-')
                    && !e.id.ends_with('-')
                    && !e.id.contains("--"),
                "{} is not kebab-case",
                e.id
            );
        }
    }

    #[test]
    fn every_entry_is_complete() {
        for e in CATALOG {
            assert!(e.steps.len() >= 2, "{} needs at least two steps", e.id);
            assert!(!e.sources.is_empty(), "{} needs a source", e.id);
            assert!(!e.kit.is_empty(), "{} needs its kit", e.id);
            assert!(e.dose.is_valid(), "{} has an invalid dose", e.id);
            assert!(e.dose.estimated_secs() > 0, "{} has no duration", e.id);
            assert!(!e.name.is_empty() && e.purpose.ends_with('.'), "{}", e.id);
            for text in e.steps.iter().chain(e.cautions).chain(e.dose_notes) {
                assert!(text.ends_with('.'), "{}: {text:?} is not a sentence", e.id);
            }
        }
    }

    #[test]
    fn every_swap_points_at_another_existing_entry() {
        for e in CATALOG {
            for id in e.easier.iter().chain(e.harder) {
                assert!(get(id).is_some(), "{} swaps to unknown {id}", e.id);
                assert_ne!(*id, e.id, "{} swaps to itself", e.id);
            }
        }
    }

    #[test]
    fn doses_equal_the_sources() {
        use Frequency::*;
        let hold = |id: &str| match get(id).unwrap().dose.work {
            Work::Hold(a) => (a.min, a.max, a.origin),
            other => panic!("{id}: {other:?}"),
        };
        let d = |id: &str| get(id).unwrap().dose;
        let cc = Origin::From(ClevelandClinic);

        assert_eq!(
            (d("pelvic-tilt").reps.min, d("pelvic-tilt").reps.max),
            (5, 10)
        );
        assert_eq!(d("pelvic-tilt").reps.start, 5);
        assert_eq!((d("knee-rolls").reps.min, d("knee-rolls").reps.max), (2, 3));
        assert_eq!(hold("hip-flexor-stretch"), (20, 20, cc));
        assert_eq!(
            (
                d("hip-flexor-stretch").reps.min,
                d("hip-flexor-stretch").reps.max
            ),
            (3, 5)
        );
        assert_eq!(d("hip-flexor-stretch").sides, Sides::EachSide);
        assert_eq!(d("hip-flexor-stretch").frequency, Daily);
        assert_eq!(
            (
                d("thoracic-spine-stretch").sets.start,
                d("thoracic-spine-stretch").reps.start
            ),
            (1, 10)
        );
        assert_eq!(hold("abdominal-bracing"), (5, 10, cc));
        assert_eq!(
            (
                d("abdominal-bracing").sets.start,
                d("abdominal-bracing").reps.start
            ),
            (3, 10)
        );
        assert_eq!(
            (
                d("dead-bug").sets.min,
                d("dead-bug").sets.max,
                d("dead-bug").reps.start
            ),
            (2, 3, 10)
        );
        assert_eq!(hold("bridge"), (5, 5, cc));
        assert_eq!(
            (
                d("bridge").sets.start,
                d("bridge").reps.min,
                d("bridge").reps.max
            ),
            (2, 10, 15)
        );
        assert_eq!(d("bridge").frequency, DaysPerWeek(2, 7));
        assert_eq!(d("prone-trunk-lift").reps.start, 5);
        assert_eq!(d("prone-trunk-lift").frequency, Daily);
        let Work::Minutes(walk) = d("walking").work else {
            panic!()
        };
        assert_eq!((walk.start, walk.max), (5, 5), "5-minute walks to start");
        assert_eq!(d("walking").frequency, TimesPerDay(2, 3));
        let goal = d("walking").build_up.unwrap();
        assert_eq!(
            (goal.min, goal.max),
            (20, 30),
            "building up to 20–30 minutes"
        );
        assert_eq!(
            d("dead-bug").sides,
            Sides::TakingTurns,
            "a rep is one side's move"
        );
    }

    #[test]
    fn unsourced_figures_are_marked_as_the_apps() {
        // CONTENT.md gives no dose for these: none of their timing may claim a source.
        for id in [
            "double-knee-hug",
            "single-knee-hug",
            "wall-stand",
            "lying-thoracic-extension",
            "elevated-plank",
        ] {
            let dose = get(id).unwrap().dose;
            if let Work::Hold(a) = dose.work {
                assert_eq!(a.origin, Origin::App, "{id} hold");
            }
            assert_ne!(dose.sets.origin, Origin::From(ClevelandClinic), "{id} sets");
        }
        // "Hold for a few seconds" is not a number: the app picks one and says so.
        for id in ["knee-rolls", "thoracic-spine-stretch", "prone-trunk-lift"] {
            let Work::Hold(a) = get(id).unwrap().dose.work else {
                panic!("{id}")
            };
            assert_eq!(a.origin, Origin::App, "{id}");
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(get("bridge").unwrap().name, "Bridge");
        assert!(get("does-not-exist").is_none());
    }
}
