//! The documents every exercise and rule in the app comes from, so a reviewer can check
//! each one. The seed files are kept verbatim in the project's shared folder.

/// How the app labels, wherever it is shown, what is its own choice or reading where
/// the sources are silent: "Working: the thighs (the app's own choice, not a
/// source's)."
pub const APP_OWN: &str = "the app's own choice, not a source's";

/// A source document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// UK national health service patient page "Exercises for back pain" (seed 000).
    NhsExercises,
    /// A London physiotherapy clinic's blog on staying active with back pain (seed 001).
    PhysioBox,
    /// A spine-health information site, "Exercise for Better Back Health" (seed 002).
    SpineHealth,
    /// A hospital health article with a pain specialist and a physical therapist (seed 003).
    ClevelandClinic,
    /// NHS Inform (Scotland), "Exercises for back pain": the rule for adding repetitions.
    NhsInform,
    /// The NHS "Back pain" page: when to get urgent help.
    NhsBackPain,
}

impl Source {
    pub const ALL: [Source; 6] = [
        Source::NhsExercises,
        Source::PhysioBox,
        Source::SpineHealth,
        Source::ClevelandClinic,
        Source::NhsInform,
        Source::NhsBackPain,
    ];

    /// A short label, e.g. for "from NHS".
    pub fn short(self) -> &'static str {
        match self {
            Source::NhsExercises => "NHS",
            Source::PhysioBox => "The Physio Box",
            Source::SpineHealth => "Spine-health",
            Source::ClevelandClinic => "Cleveland Clinic",
            Source::NhsInform => "NHS Inform",
            Source::NhsBackPain => "NHS Back pain",
        }
    }

    /// The full citation.
    pub fn full(self) -> &'static str {
        match self {
            Source::NhsExercises => {
                "NHS (UK National Health Service), \"Exercises for back pain\", patient \
                 information page, last reviewed 18 September 2014."
            }
            Source::PhysioBox => {
                "The Physio Box, Kensington, London: physiotherapy clinic blog on staying \
                 active safely with back pain."
            }
            Source::SpineHealth => {
                "\"Exercise for Better Back Health\", spine-health patient information site."
            }
            Source::ClevelandClinic => {
                "Cleveland Clinic, \"Back Pain Exercises to Improve Your Spinal Function\", \
                 with Kristin Powers, MD, and Marleen Caldwell, DPT."
            }
            Source::NhsInform => {
                "NHS Inform (Scotland), \"Exercises for back pain\": start with 5 repetitions \
                 and add 1 or 2 every few days."
            }
            Source::NhsBackPain => "NHS, \"Back pain\": when to get urgent help.",
        }
    }

    /// The seed file a reviewer can read it in, where it is one of the seeds.
    pub fn seed_file(self) -> Option<&'static str> {
        match self {
            Source::NhsExercises => Some("seeds/000_f67074ff65a22350.txt"),
            Source::PhysioBox => Some("seeds/001_6097bb734d49ffbd.txt"),
            Source::SpineHealth => Some("seeds/002_c37bd9aac3c71e96.txt"),
            Source::ClevelandClinic => Some("seeds/003_24ec51556c266e9c.txt"),
            Source::NhsInform | Source::NhsBackPain => None,
        }
    }
}
