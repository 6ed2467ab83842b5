//! A routine written into a link, to pass on with no server in between.
//!
//! The routine goes in the address's fragment (after `#`), which browsers never send to
//! a host. The format is short enough for a QR code and versioned:
//!
//! ```text
//! 1.My%20physio%20routine.single-knee-hug*2*10*5*3*30.bridge*1*10*5*5*30
//! ```
//!
//! The format's version, the name (UTF-8, percent-encoded except letters, digits, `-` and
//! `_`), then each exercise as its library id and the five numbers of an
//! [`OwnItem`]: sets, reps, hold (or seconds per rep, or minutes; 0 for none), rest
//! between reps, rest between sets. Reading a link checks everything a routine made in
//! the app is checked for, so a link can never bring in a routine the editor would
//! refuse.
//!
//! Version 2 also carries the sender's own exercises that the routine uses, each as a
//! part starting with `~`, fields split by `~`: its id (`mine:…` without the prefix),
//! name, starting position, kind, how a rep is done, 1 for each side (else 0), 1 for
//! progression (else 0), its five numbers, then its steps. A routine of library
//! exercises only is still written as version 1, which older apps read.

use crate::domain::ids::RecordId;
use crate::domain::library::exercise::Kind;
use crate::domain::library::own_exercise::{is_own, How, OwnExercise, Start, MINE_PREFIX};
use crate::domain::library::{catalog, Library};
use crate::domain::routines::own_routine::{
    check, check_name, Field, OwnItem, RoutineError, MAX_ITEMS,
};

/// The version of the format this app writes when a routine has the sender's own
/// exercises; it reads this and older ones.
pub const VERSION: u32 = 2;
/// The longest fragment read, in bytes: a link longer than this is refused unread.
pub const MAX_CHARS: usize = 4096;
/// The page of the app a shared link opens.
pub const PATH: &str = "/shared";

/// Why a link could not be read. Each message is shown to the person as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    #[error("This link is too long to be a Steadyback routine (over 4 KB), so it was not read.")]
    TooLong,
    #[error("This link does not hold a routine Steadyback can read. It may have been cut short when it was copied: ask for it again.")]
    Unreadable,
    #[error("This routine was shared from a newer version of Steadyback (format {0}). Open Steadyback while online so it updates, then open the link again.")]
    Newer(u32),
    #[error("The routine names an exercise this version of Steadyback does not have (\"{0}\"). Open Steadyback while online so it updates, then open the link again.")]
    UnknownExercise(String),
    #[error("The routine has more than {MAX_ITEMS} exercises, more than a routine can hold.")]
    TooMany,
    #[error("The routine can't be added: {0}")]
    Invalid(RoutineError),
    #[error("The routine can't be added: {0}")]
    InvalidOwn(String),
}

/// A routine read from a link: checked, ready to preview and add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    pub name: String,
    pub items: Vec<OwnItem>,
    /// The sender's own exercises the items use (ids as the sender has them).
    pub own: Vec<OwnExercise>,
}

/// The fragment (without `#`) that carries this routine. The person's own exercises it
/// uses are found in `library` and written in.
pub fn encode(name: &str, items: &[OwnItem], library: &Library) -> String {
    let mut own: Vec<OwnExercise> = Vec::new();
    for i in items.iter().filter(|i| is_own(&i.exercise)) {
        if let Some(e) = library.own_record(&i.exercise) {
            if !own.iter().any(|o| o.id == e.id && o.salt == e.salt) {
                own.push(e.clone());
            }
        }
    }
    let version = if own.is_empty() { 1 } else { VERSION };
    let mut out = format!("{version}.{}", percent_encode(name));
    for i in items {
        out.push_str(&format!(
            ".{}*{}*{}*{}*{}*{}",
            i.exercise, i.sets, i.reps, i.work, i.rest_reps, i.rest_sets
        ));
    }
    for e in &own {
        let flag = |on: bool| if on { "1" } else { "0" };
        let mut fields = vec![
            e.exercise_id().trim_start_matches(MINE_PREFIX).to_string(),
            percent_encode(&e.name),
            e.start.slug().to_string(),
            e.kind.slug().to_string(),
            e.how.slug().to_string(),
            flag(e.each_side).to_string(),
            flag(e.progression).to_string(),
        ];
        fields.extend([e.sets, e.reps, e.secs, e.rest_reps, e.rest_sets].map(|n| n.to_string()));
        fields.extend(e.steps.iter().map(|s| percent_encode(s)));
        out.push_str(&format!(".~{}", fields.join("~")));
    }
    out
}

/// The whole link: `app` is the app's address with its trailing `/`
/// (`https://example.org/steadyback/`).
pub fn link(app: &str, name: &str, items: &[OwnItem], library: &Library) -> String {
    format!(
        "{}{}#{}",
        app.trim_end_matches('/'),
        PATH,
        encode(name, items, library)
    )
}

/// Reads a fragment (with or without its `#`). Never panics, whatever the text.
pub fn decode(fragment: &str) -> Result<Shared, ShareError> {
    if fragment.len() > MAX_CHARS {
        return Err(ShareError::TooLong);
    }
    let text = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut parts = text.split('.');
    let version = parts.next().unwrap_or_default();
    if version.is_empty() || !version.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareError::Unreadable);
    }
    match version.parse::<u32>() {
        Ok(1 | VERSION) => {}
        Ok(0) => return Err(ShareError::Unreadable),
        Ok(newer) => return Err(ShareError::Newer(newer)),
        // Digits too many for a number: a far newer format.
        Err(_) => return Err(ShareError::Newer(u32::MAX)),
    }
    let name = parts
        .next()
        .and_then(percent_decode)
        .ok_or(ShareError::Unreadable)?;
    let (defs, items): (Vec<&str>, Vec<&str>) = parts.partition(|p| p.starts_with('~'));
    if items.len() > MAX_ITEMS || defs.len() > MAX_ITEMS {
        return Err(ShareError::TooMany);
    }
    let own = defs
        .into_iter()
        .map(|d| own_exercise(d.trim_start_matches('~')))
        .collect::<Result<Vec<_>, _>>()?;
    let items = items
        .into_iter()
        .map(|i| item(i, &own))
        .collect::<Result<Vec<_>, _>>()?;
    let (mine, library): (Vec<&OwnItem>, Vec<&OwnItem>) =
        items.iter().partition(|i| is_own(&i.exercise));
    let library: Vec<OwnItem> = library.into_iter().cloned().collect();
    let name = if mine.is_empty() {
        check(&name, &library, &Library::default()).map_err(ShareError::Invalid)?
    } else {
        // The own exercises' numbers are checked against their own kind of rep.
        for i in mine {
            let def = own
                .iter()
                .find(|o| o.exercise_id() == i.exercise)
                .ok_or_else(|| ShareError::UnknownExercise(shown(&i.exercise)))?;
            let at_dose = OwnExercise {
                sets: i.sets,
                reps: i.reps,
                secs: i.work,
                rest_reps: i.rest_reps,
                rest_sets: i.rest_sets,
                ..def.clone()
            };
            at_dose
                .checked()
                .map_err(|e| ShareError::InvalidOwn(format!("{}: {e}", def.name)))?;
            // A number it has no use for (the seconds of a tapped rep) is 0, as the
            // routine editor keeps it and [`OwnItem::check`] asks.
            if Field::ALL
                .into_iter()
                .any(|f| def.field(f).is_none() && i.get(f) != 0)
            {
                return Err(ShareError::InvalidOwn(format!(
                    "{}: a number it does not use is set.",
                    def.name
                )));
            }
        }
        for i in &library {
            i.check(&Library::default()).map_err(ShareError::Invalid)?;
        }
        check_name(&name).map_err(ShareError::Invalid)?
    };
    if items.is_empty() {
        return Err(ShareError::Invalid(RoutineError::NoItems));
    }
    Ok(Shared { name, items, own })
}

/// At most 40 characters of an id, to show in a message.
fn shown(id: &str) -> String {
    id.chars().take(40).collect()
}

/// One of the sender's own exercises, from its `~` fields.
fn own_exercise(text: &str) -> Result<OwnExercise, ShareError> {
    let fields: Vec<&str> = text.split('~').collect();
    let [id, name, start, kind, how, side, progression, numbers @ ..] = fields.as_slice() else {
        return Err(ShareError::Unreadable);
    };
    if numbers.len() < 5 {
        return Err(ShareError::Unreadable);
    }
    let (numbers, steps) = numbers.split_at(5);
    let key = RecordId::parse(id).ok_or(ShareError::Unreadable)?;
    let flag = |f: &str| match f {
        "0" => Ok(false),
        "1" => Ok(true),
        _ => Err(ShareError::Unreadable),
    };
    let n = self::numbers(numbers)?;
    let exercise = OwnExercise {
        id: key.at,
        salt: key.salt,
        updated_at: 0,
        name: percent_decode(name).ok_or(ShareError::Unreadable)?,
        kind: Kind::from_slug(kind).ok_or(ShareError::Unreadable)?,
        start: Start::from_slug(start).ok_or(ShareError::Unreadable)?,
        how: How::from_slug(how).ok_or(ShareError::Unreadable)?,
        each_side: flag(side)?,
        progression: flag(progression)?,
        sets: n[0],
        reps: n[1],
        secs: n[2],
        rest_reps: n[3],
        rest_sets: n[4],
        steps: steps
            .iter()
            .map(|s| percent_decode(s).ok_or(ShareError::Unreadable))
            .collect::<Result<_, _>>()?,
    };
    let checked = exercise
        .checked()
        .map_err(|e| ShareError::InvalidOwn(format!("{}: {e}", exercise.name)))?;
    // Stored as it came: a link's exercise is the sender's, tidied the same way.
    Ok(checked)
}

/// Five numbers, each all digits (past `u16` read as its largest, which every check
/// refuses in words).
fn numbers(fields: &[&str]) -> Result<[u16; 5], ShareError> {
    let mut n = [0u16; 5];
    for (slot, field) in n.iter_mut().zip(fields) {
        if field.is_empty() || !field.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ShareError::Unreadable);
        }
        *slot = field.parse().unwrap_or(u16::MAX);
    }
    Ok(n)
}

fn item(text: &str, own: &[OwnExercise]) -> Result<OwnItem, ShareError> {
    let fields: Vec<&str> = text.split('*').collect();
    let [id, numbers @ ..] = fields.as_slice() else {
        return Err(ShareError::Unreadable);
    };
    if numbers.len() != 5 || id.is_empty() {
        return Err(ShareError::Unreadable);
    }
    // An own exercise must come with the link: this device's own are not the sender's.
    let known = if is_own(id) {
        own.iter().any(|o| o.exercise_id() == *id)
    } else {
        catalog::get(id).is_some()
    };
    if !known {
        return Err(ShareError::UnknownExercise(shown(id)));
    }
    let n = self::numbers(numbers)?;
    Ok(OwnItem {
        exercise: (*id).to_string(),
        sets: n[0],
        reps: n[1],
        work: n[2],
        rest_reps: n[3],
        rest_sets: n[4],
    })
}

/// UTF-8 percent-encoded, all but ASCII letters, digits, `-` and `_`.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The text [`percent_encode`] wrote; also takes what a browser or messenger may leave
/// unencoded. `None` for a broken escape or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::library::catalog;
    use crate::domain::routines::own_routine::{Field, MAX_REST_SECS};
    use crate::domain::routines::routine;

    fn of(id: &str) -> OwnItem {
        OwnItem::of(catalog::get(id).unwrap())
    }

    #[test]
    fn every_built_in_routine_round_trips() {
        for r in routine::builtin() {
            let items: Vec<OwnItem> = r.items.iter().map(|i| of(&i.exercise)).collect();
            let text = encode(&r.name, &items, &Library::BUILT_IN);
            assert_eq!(
                decode(&format!("#{text}")),
                Ok(Shared {
                    name: r.name.clone(),
                    items,
                    own: Vec::new(),
                }),
                "{text}"
            );
        }
    }

    #[test]
    fn the_format_is_as_documented() {
        let mut knee = of("single-knee-hug");
        knee.sets = 2;
        assert_eq!(
            encode("My physio's routine", &[knee.clone()], &Library::BUILT_IN),
            format!(
                "1.My%20physio%27s%20routine.single-knee-hug*2*{}*{}*{}*{}",
                knee.reps, knee.work, knee.rest_reps, knee.rest_sets
            )
        );
        assert_eq!(
            link("https://example.org/app/", "A", &[knee], &Library::BUILT_IN)
                .split('#')
                .next(),
            Some("https://example.org/app/shared")
        );
    }

    fn physio_move() -> OwnExercise {
        OwnExercise {
            id: 1_763_700_000_000,
            salt: 42,
            updated_at: 1_763_700_000_000,
            name: "Clam, my physio's way".into(),
            start: Start::OnBack,
            steps: vec![
                "Knees bent, band round them.".into(),
                "Open the knees apart~slowly*then.close".into(),
            ],
            how: How::Paced,
            each_side: true,
            ..OwnExercise::default()
        }
    }

    #[test]
    fn a_routine_with_own_exercises_carries_them() {
        let e = physio_move();
        let mut item = e.item();
        item.reps = 8;
        let items = vec![of("bridge"), item.clone(), item];
        let text = encode(
            "Physio plan",
            &items,
            &Library::new(std::slice::from_ref(&e)),
        );
        assert!(text.starts_with("2."), "{text}");
        // Read on a device without that exercise.
        let shared = decode(&text).unwrap();
        assert_eq!(shared.items, items);
        let sent = OwnExercise {
            updated_at: 0,
            ..e.clone()
        };
        assert_eq!(shared.own, vec![sent], "one copy, though used twice");
        // Without own exercises, version 1 as before.
        assert!(encode("Plain", &[of("bridge")], &Library::BUILT_IN).starts_with("1."));

        // An own exercise named but not carried; one past the caps; a bad definition.
        let cut = text.split(".~").next().unwrap();
        assert!(matches!(decode(cut), Err(ShareError::UnknownExercise(_))));
        let over = text.replacen("*8*", "*101*", 1);
        assert_eq!(
            decode(&over).unwrap_err().to_string(),
            "The routine can't be added: Clam, my physio's way: Reps (each side) must be from 1 to 100."
        );
        let no_steps = format!("{}~", text.split("~Knees").next().unwrap());
        assert!(matches!(decode(&no_steps), Err(ShareError::InvalidOwn(_))));
        let bad_start = text.replacen("~on_back~", "~on_roof~", 1);
        assert_eq!(decode(&bad_start), Err(ShareError::Unreadable));
    }

    #[test]
    fn a_tapped_own_exercise_carries_no_seconds() {
        let e = OwnExercise {
            how: How::Tapped,
            secs: 0,
            ..physio_move()
        };
        let text = encode("Taps", &[e.item()], &Library::new(std::slice::from_ref(&e)));
        assert!(decode(&text).is_ok(), "{text}");
        // The item's third number, the seconds a tapped rep does not have.
        let item = format!(".{}*", e.exercise_id());
        let (head, tail) = text.split_once(&item).unwrap();
        let mut numbers: Vec<&str> = tail.splitn(5, '*').collect();
        for seconds in ["5", "65535"] {
            numbers[2] = seconds;
            let changed = format!("{head}{item}{}", numbers.join("*"));
            assert_eq!(
                decode(&changed),
                Err(ShareError::InvalidOwn(
                    "Clam, my physio's way: a number it does not use is set.".into()
                )),
                "{changed}"
            );
        }
    }

    #[test]
    fn six_exercises_fit_a_qr_code() {
        // The six longest ids in the library, at their own doses, and a usual name.
        let mut ids: Vec<&str> = catalog::CATALOG.iter().map(|e| e.id.as_ref()).collect();
        ids.sort_by_key(|id| std::cmp::Reverse(id.len()));
        let items: Vec<OwnItem> = ids[..6].iter().map(|id| of(id)).collect();
        let url = link(
            "https://steadyback.example/",
            "My physio's routine",
            &items,
            &Library::BUILT_IN,
        );
        assert!(url.len() < 300, "{} characters: {url}", url.len());
    }

    #[test]
    fn bad_links_say_what_is_wrong() {
        let good = encode("Mine", &[of("bridge")], &Library::BUILT_IN);
        assert_eq!(decode(&"1".repeat(MAX_CHARS + 1)), Err(ShareError::TooLong));
        for text in [
            "",
            "#",
            "x.Mine",
            "1",
            "1.Mine.bridge*1*2",
            "1.%zz.bridge*1*1*1*1*1",
            "1.%FF.bridge*1*1*1*1*1",
            "1.Mine.bridge*1*-2*1*1*1",
            "0.Mine.bridge*1*1*1*1*1",
        ] {
            assert_eq!(decode(text), Err(ShareError::Unreadable), "{text:?}");
        }
        assert_eq!(
            decode(&good.replacen('1', "3", 1)),
            Err(ShareError::Newer(3))
        );
        assert_eq!(
            decode("99999999999.x.bridge*1*1*1*1*1"),
            Err(ShareError::Newer(u32::MAX))
        );
        assert_eq!(
            decode("1.Mine.no-such-move*1*1*1*1*1"),
            Err(ShareError::UnknownExercise("no-such-move".into()))
        );
        let mut heavy = of("bridge");
        heavy.set(Field::RestSets, MAX_REST_SECS + 1);
        assert!(matches!(
            decode(&encode("Mine", &[heavy], &Library::BUILT_IN)),
            Err(ShareError::Invalid(RoutineError::Dose { .. }))
        ));
        assert!(matches!(
            decode("1.Mine.bridge*1*99999999*5*5*5"),
            Err(ShareError::Invalid(RoutineError::Dose { .. }))
        ));
        let many = vec![of("bridge"); MAX_ITEMS + 1];
        assert_eq!(
            decode(&encode("Mine", &many, &Library::BUILT_IN)),
            Err(ShareError::TooMany)
        );
        assert_eq!(
            decode(&encode("  ", &[of("bridge")], &Library::BUILT_IN)),
            Err(ShareError::Invalid(RoutineError::NoName))
        );
        assert_eq!(
            decode("1.Mine"),
            Err(ShareError::Invalid(RoutineError::NoItems))
        );
        assert!(decode(&good).is_ok());
    }

    /// Property tests: native only, as proptest does not build for the browser.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use crate::domain::routines::own_routine::MAX_NAME_CHARS;
        use proptest::prelude::*;
        use proptest::sample::{select, Index};
        use proptest::strategy::ValueTree;
        use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
        use std::collections::BTreeMap;

        fn any_item() -> impl Strategy<Value = OwnItem> {
            (0..catalog::CATALOG.len(), any::<[u16; 5]>()).prop_map(|(i, n)| {
                let mut item = OwnItem::of(catalog::CATALOG[i]);
                // Any value the editor accepts for each number the exercise uses.
                for (f, v) in Field::ALL.into_iter().zip(n) {
                    match item.field(f, &Library::BUILT_IN) {
                        Some((_, min, max)) => item.set(f, min + v % (max - min + 1)),
                        None => item.set(f, 0),
                    }
                }
                item
            })
        }

        proptest! {
            #[test]
            fn a_routine_round_trips(
                name in "[^\u{0}-\u{1f}]{1,60}",
                items in proptest::collection::vec(any_item(), 1..=MAX_ITEMS),
            ) {
                if let Ok(name) = crate::domain::routines::own_routine::check_name(&name) {
                    let decoded = decode(&encode(&name, &items, &Library::BUILT_IN));
                    prop_assert_eq!(decoded, Ok(Shared { name, items, own: Vec::new() }));
                }
            }

            #[test]
            fn any_text_is_read_without_panic_and_never_past_the_caps(text in ".{0,600}") {
                if let Ok(shared) = decode(&text) {
                    prop_assert!(!shared.items.is_empty() && shared.items.len() <= MAX_ITEMS);
                    for item in &shared.items {
                        prop_assert_eq!(item.check(&Library::BUILT_IN), Ok(()));
                    }
                }
            }

            #[test]
            fn near_misses_of_a_good_link_are_read_safely(
                items in proptest::collection::vec(any_item(), 1..8),
                cut in 0usize..400,
                junk in "[0-9*.%a-z-]{0,12}",
            ) {
                let good = encode("Mine", &items, &Library::BUILT_IN);
                let at = cut.min(good.len());
                for text in [format!("{}{junk}", &good[..at]), format!("{junk}{}", &good[at..])] {
                    if let Ok(shared) = decode(&text) {
                        for item in &shared.items {
                            prop_assert_eq!(item.check(&Library::BUILT_IN), Ok(()));
                        }
                    }
                }
            }
        }

        // Near-valid links: a good link (format 1, or format 2 with own exercises) with
        // one thing changed. Unlike random text, many of these still read, so the checks
        // on what is read are reached, and what is refused is refused for its reason.

        /// A good link's routine: its name, its items, and the own exercises they use in
        /// the order the link writes them (by first use).
        #[derive(Debug, Clone)]
        struct Good {
            name: String,
            items: Vec<OwnItem>,
            own: Vec<OwnExercise>,
        }

        impl Good {
            /// The link, written as the sender's app writes it.
            fn text(&self) -> String {
                encode(&self.name, &self.items, &Library::new(&self.own))
            }

            fn def(&self, id: &str) -> Option<&OwnExercise> {
                self.own.iter().find(|o| o.exercise_id() == id)
            }
        }

        /// Each of `n` brought within what `field` allows (0 where there is no such
        /// number).
        fn within(
            field: impl Fn(Field) -> Option<(&'static str, u16, u16)>,
            n: [u16; 5],
        ) -> [u16; 5] {
            let mut out = [0; 5];
            for ((slot, f), v) in out.iter_mut().zip(Field::ALL).zip(n) {
                if let Some((_, min, max)) = field(f) {
                    *slot = min + v % (max - min + 1);
                }
            }
            out
        }

        /// A name as the app keeps it. It starts with a letter, so a name part read as
        /// the version is never a number.
        fn any_name() -> impl Strategy<Value = String> {
            "[A-Za-z][A-Za-z0-9 '.,~*%#-]{0,40}"
                .prop_map(|n| crate::domain::routines::own_routine::check_name(&n).unwrap())
        }

        /// An own exercise as the app keeps it, separators and all in its text.
        fn any_own() -> impl Strategy<Value = OwnExercise> {
            (
                (
                    1_500_000_000_000i64..2_000_000_000_000,
                    prop_oneof![Just(0u32), any::<u32>()],
                ),
                any_name(),
                (0..Start::ALL.len(), 0..Kind::ALL.len(), 0..How::ALL.len()),
                (any::<bool>(), any::<bool>(), any::<[u16; 5]>()),
                proptest::collection::vec("[A-Za-z0-9][A-Za-z0-9 ,.~*%'-]{0,40}", 1..=3),
            )
                .prop_map(
                    |((id, salt), name, (s, k, h), (each_side, progression, n), steps)| {
                        let mut e = OwnExercise {
                            id,
                            salt,
                            updated_at: 0,
                            name,
                            kind: Kind::ALL[k],
                            start: Start::ALL[s],
                            steps,
                            how: How::ALL[h],
                            each_side,
                            progression,
                            ..OwnExercise::default()
                        };
                        let n = within(|f| e.field(f), n);
                        for (f, v) in Field::ALL.into_iter().zip(n) {
                            e.set(f, v);
                        }
                        e.checked().expect("a valid own exercise")
                    },
                )
        }

        /// An own exercise in a routine, at a dose its editor accepts.
        fn dosed(e: &OwnExercise, n: [u16; 5]) -> OwnItem {
            let mut item = e.item();
            for (f, v) in Field::ALL.into_iter().zip(within(|f| e.field(f), n)) {
                item.set(f, v);
            }
            item
        }

        /// A routine a link can carry: library exercises only (format 1), or with own
        /// exercises, each used once or more, among library ones (format 2).
        fn any_good() -> impl Strategy<Value = Good> {
            let library = (any_name(), proptest::collection::vec(any_item(), 1..8)).prop_map(
                |(name, items)| Good {
                    name,
                    items,
                    own: Vec::new(),
                },
            );
            let mixed = (
                any_name(),
                proptest::collection::vec(any_item(), 0..4),
                proptest::collection::vec(any_own(), 1..=3),
                proptest::collection::vec((any::<Index>(), any::<[u16; 5]>()), 0..4),
            )
                .prop_flat_map(|(name, mut items, own, extra)| {
                    items.extend(own.iter().map(OwnExercise::item));
                    items.extend(extra.iter().map(|(e, n)| dosed(e.get(&own), *n)));
                    (Just(name), Just(items).prop_shuffle(), Just(own))
                })
                .prop_map(|(name, items, own)| {
                    let mut used: Vec<OwnExercise> = Vec::new();
                    for i in &items {
                        if let Some(e) = own.iter().find(|o| o.exercise_id() == i.exercise) {
                            if !used.contains(e) {
                                used.push(e.clone());
                            }
                        }
                    }
                    Good {
                        name,
                        items,
                        own: used,
                    }
                });
            prop_oneof![library, mixed]
        }

        /// What a changed number becomes, given the range of the number it replaces.
        #[derive(Debug, Clone)]
        enum Value {
            Min,
            Max,
            Zero,
            AboveMax,
            BelowMin,
            U16Max,
            PastU16,
            Huge,
            Negative,
            Empty,
            LeadingZeros,
            /// Somewhere in the range.
            Inside(u16),
            /// Any `u16` at all.
            Any(u16),
            /// Not plain digits.
            Text(&'static str),
        }

        impl Value {
            fn text(&self, (min, max): (u16, u16)) -> String {
                match self {
                    Value::Min => min.to_string(),
                    Value::Max => max.to_string(),
                    Value::Zero => "0".into(),
                    Value::AboveMax => (u32::from(max) + 1).to_string(),
                    Value::BelowMin => (i32::from(min) - 1).to_string(),
                    Value::U16Max => u16::MAX.to_string(),
                    Value::PastU16 => (u32::from(u16::MAX) + 1).to_string(),
                    Value::Huge => "184467440737095516160000".into(),
                    Value::Negative => format!("-{}", max.max(1)),
                    Value::Empty => String::new(),
                    Value::LeadingZeros => format!("00{max}"),
                    Value::Inside(n) => (min + n % (max - min + 1)).to_string(),
                    Value::Any(n) => n.to_string(),
                    Value::Text(t) => (*t).to_string(),
                }
            }
        }

        fn any_value() -> impl Strategy<Value = Value> {
            prop_oneof![
                4 => select(vec![
                    Value::Min,
                    Value::Max,
                    Value::Zero,
                    Value::AboveMax,
                    Value::BelowMin,
                    Value::U16Max,
                    Value::PastU16,
                    Value::Huge,
                    Value::Negative,
                    Value::Empty,
                    Value::LeadingZeros,
                ]),
                5 => any::<u16>().prop_map(Value::Inside),
                1 => any::<u16>().prop_map(Value::Any),
                1 => select(vec!["+5", " 5", "5 ", "1e3", "0x1F", "\u{663}", "%35", "NaN", "5,0"])
                    .prop_map(Value::Text),
            ]
        }

        /// What a number of a good link must be.
        #[derive(Debug, Clone, Copy)]
        enum Rule {
            Within(u16, u16),
            /// A number the exercise does not use: 0.
            Zero,
            /// Not used and not kept (an own tapped exercise's seconds): anything.
            Free,
            /// 0 or 1, written so.
            Flag,
        }

        /// One number of a good link: its part (split at `.`), its field in the part
        /// (split at `*` or `~`), what it must be, and the refusal when it is not.
        #[derive(Debug, Clone)]
        struct Slot {
            part: usize,
            field: usize,
            rule: Rule,
            refused: Expect,
        }

        fn slots(good: &Good) -> Vec<Slot> {
            let mut out = Vec::new();
            for (j, item) in good.items.iter().enumerate() {
                let def = good.def(&item.exercise);
                for (k, f) in Field::ALL.into_iter().enumerate() {
                    let (range, refused) = match def {
                        Some(d) => (d.field(f), Expect::OwnDose(d.name.clone())),
                        None => (
                            item.field(f, &Library::BUILT_IN),
                            Expect::Dose(
                                item.library(&Library::BUILT_IN).unwrap().name.to_string(),
                            ),
                        ),
                    };
                    out.push(Slot {
                        part: 2 + j,
                        field: 1 + k,
                        rule: range.map_or(Rule::Zero, |(_, lo, hi)| Rule::Within(lo, hi)),
                        refused,
                    });
                }
            }
            for (d, def) in good.own.iter().enumerate() {
                let part = 2 + good.items.len() + d;
                // Split at `~`, a part is "", id, name, start, kind, how, the two flags,
                // the five numbers, the steps.
                for field in [6, 7] {
                    out.push(Slot {
                        part,
                        field,
                        rule: Rule::Flag,
                        refused: Expect::Refused(ShareError::Unreadable),
                    });
                }
                for (k, f) in Field::ALL.into_iter().enumerate() {
                    out.push(Slot {
                        part,
                        field: 8 + k,
                        rule: def
                            .field(f)
                            .map_or(Rule::Free, |(_, lo, hi)| Rule::Within(lo, hi)),
                        refused: Expect::OwnDose(def.name.clone()),
                    });
                }
            }
            out
        }

        /// What a link must give once a number is written `text`.
        fn number_expect(text: &str, slot: &Slot) -> Expect {
            if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
                return Expect::Refused(ShareError::Unreadable);
            }
            let n = text.parse::<u16>().unwrap_or(u16::MAX);
            let fits = match slot.rule {
                Rule::Within(lo, hi) => (lo..=hi).contains(&n),
                Rule::Zero => n == 0,
                Rule::Free => true,
                Rule::Flag => text == "0" || text == "1",
            };
            if fits {
                Expect::Decodes
            } else {
                slot.refused.clone()
            }
        }

        /// What a link must give.
        #[derive(Debug, Clone)]
        enum Expect {
            Decodes,
            /// Refused with exactly this error.
            Refused(ShareError),
            /// A number past the caps of this library exercise.
            Dose(String),
            /// A number past the caps of this own exercise.
            OwnDose(String),
            /// Read, or refused as unreadable or invalid: never as newer or too long.
            Either,
        }

        impl Expect {
            fn holds(&self, got: &Result<Shared, ShareError>) -> bool {
                match (self, got) {
                    (Expect::Decodes | Expect::Either, Ok(_)) => true,
                    (Expect::Refused(want), Err(e)) => want == e,
                    (
                        Expect::Dose(name),
                        Err(ShareError::Invalid(RoutineError::Dose { exercise, .. })),
                    ) => exercise == name,
                    (Expect::OwnDose(name), Err(ShareError::InvalidOwn(message))) => {
                        message.starts_with(&format!("{name}: "))
                    }
                    (Expect::Either, Err(e)) => !matches!(
                        e,
                        ShareError::Newer(_) | ShareError::TooLong | ShareError::TooMany
                    ),
                    _ => false,
                }
            }

            /// Whether the test knows the outcome exactly.
            fn exact(&self) -> bool {
                !matches!(self, Expect::Either)
            }
        }

        /// One change to a good link.
        #[derive(Debug, Clone)]
        enum Mutation {
            /// One number of an item or of an own exercise replaced.
            Number(Index, Value),
            /// Cut short just before (or just after, the first `true`) one of its
            /// separators; with the second `true`, one between parts (a `.`).
            Cut(Index, bool, bool),
            /// One separator written as another, or as a near one.
            Separator(Index, Index),
            /// A part (split at `.`) left out.
            Drop(Index),
            /// A part written twice.
            Twice(Index),
            /// One field of an item or an own exercise left out (or, `true`, written
            /// twice).
            Field(Index, Index, bool),
            /// The version written otherwise.
            Version(&'static str),
            /// An exercise's id changed to one the link does not carry.
            Rename(Index, Rename),
        }

        #[derive(Debug, Clone, Copy)]
        enum Rename {
            NoSuchMove,
            Longer,
            Shorter,
            Upper,
            NotCarried,
            /// An own exercise's definition with another id.
            DefMoved,
        }

        impl Mutation {
            fn kind(&self) -> &'static str {
                match self {
                    Mutation::Number(..) => "number",
                    Mutation::Cut(..) => "cut",
                    Mutation::Separator(..) => "separator",
                    Mutation::Drop(..) => "drop part",
                    Mutation::Twice(..) => "twice part",
                    Mutation::Field(..) => "field",
                    Mutation::Version(..) => "version",
                    Mutation::Rename(..) => "rename",
                }
            }
        }

        const SEPARATORS: [&str; 15] = [
            ".", "*", "~", ",", ":", ";", "-", "_", "/", "+", " ", "%2E", "%2A", "#", "",
        ];
        const VERSIONS: [&str; 16] = [
            "0",
            "1",
            "2",
            "3",
            "9",
            "10",
            "99",
            "01",
            "002",
            "",
            "v2",
            "2 ",
            "-1",
            "4294967295",
            "4294967296",
            "99999999999999999999",
        ];

        fn any_mutation() -> impl Strategy<Value = Mutation> {
            prop_oneof![
                5 => (any::<Index>(), any_value()).prop_map(|(i, v)| Mutation::Number(i, v)),
                2 => (any::<Index>(), any::<bool>(), any::<bool>())
                    .prop_map(|(i, after, part)| Mutation::Cut(i, after, part)),
                1 => (any::<Index>(), any::<Index>())
                    .prop_map(|(i, to)| Mutation::Separator(i, to)),
                1 => any::<Index>().prop_map(Mutation::Drop),
                1 => any::<Index>().prop_map(Mutation::Twice),
                1 => (any::<Index>(), any::<Index>(), any::<bool>())
                    .prop_map(|(p, f, twice)| Mutation::Field(p, f, twice)),
                1 => select(VERSIONS.to_vec()).prop_map(Mutation::Version),
                1 => (
                    any::<Index>(),
                    select(vec![
                        Rename::NoSuchMove,
                        Rename::Longer,
                        Rename::Shorter,
                        Rename::Upper,
                        Rename::NotCarried,
                        Rename::DefMoved,
                    ])
                )
                    .prop_map(|(i, r)| Mutation::Rename(i, r)),
            ]
        }

        /// What the version part `v` must give.
        fn version_expect(v: &str) -> Expect {
            if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
                return Expect::Refused(ShareError::Unreadable);
            }
            match v.parse::<u32>() {
                Ok(1 | VERSION) => Expect::Decodes,
                Ok(0) => Expect::Refused(ShareError::Unreadable),
                Ok(n) => Expect::Refused(ShareError::Newer(n)),
                Err(_) => Expect::Refused(ShareError::Newer(u32::MAX)),
            }
        }

        /// The refusal for the first item read (items are read in order) whose own
        /// exercise is not among `defs`, if any.
        fn first_uncarried(items: &[OwnItem], defs: &[OwnExercise]) -> Option<Expect> {
            items
                .iter()
                .find(|i| {
                    is_own(&i.exercise) && !defs.iter().any(|d| d.exercise_id() == i.exercise)
                })
                .map(|i| Expect::Refused(ShareError::UnknownExercise(shown(&i.exercise))))
        }

        /// What a link cut to its first `k` parts must give; `after`: with the `.`
        /// kept, so an empty part follows.
        fn cut_at_part(good: &Good, k: usize, after: bool) -> Expect {
            if k == 1 {
                return Expect::Refused(if after {
                    ShareError::Invalid(RoutineError::NoName)
                } else {
                    ShareError::Unreadable
                });
            }
            let n = good.items.len();
            let items = &good.items[..(k - 2).min(n)];
            let defs = &good.own[..(k - 2).saturating_sub(n)];
            if let Some(unknown) = first_uncarried(items, defs) {
                unknown
            } else if after {
                Expect::Refused(ShareError::Unreadable)
            } else if items.is_empty() {
                Expect::Refused(ShareError::Invalid(RoutineError::NoItems))
            } else {
                Expect::Decodes
            }
        }

        /// What a link with part `k` left out must give.
        fn drop_expect(good: &Good, parts: &[String], k: usize) -> Expect {
            let n = good.items.len();
            match k {
                // The name is read as the version.
                0 => Expect::Refused(ShareError::Unreadable),
                // The first item is read as the name.
                1 if parts[2].chars().count() > MAX_NAME_CHARS => Expect::Either,
                // An item left out (or the first read as the name): the others read.
                _ if k < 2 + n && n == 1 => {
                    Expect::Refused(ShareError::Invalid(RoutineError::NoItems))
                }
                _ if k < 2 + n => Expect::Decodes,
                // An own exercise's definition left out.
                _ => {
                    let mut defs = good.own.clone();
                    defs.remove(k - 2 - n);
                    first_uncarried(&good.items, &defs).unwrap_or(Expect::Decodes)
                }
            }
        }

        /// The link made from `text` (the good link) by `mutation`, and what it must
        /// give.
        fn mutate(good: &Good, text: &str, mutation: &Mutation) -> (String, Expect) {
            let mut parts: Vec<String> = text.split('.').map(str::to_string).collect();
            let n = good.items.len();
            let separators: Vec<usize> = text
                .char_indices()
                .filter(|(_, c)| ".*~".contains(*c))
                .map(|(i, _)| i)
                .collect();
            // The part a byte of the text is in.
            let part_of = |i: usize| text[..i].matches('.').count();
            match mutation {
                Mutation::Number(at, value) => {
                    let all = slots(good);
                    let slot = at.get(&all);
                    let range = match slot.rule {
                        Rule::Within(lo, hi) => (lo, hi),
                        Rule::Zero | Rule::Free => (0, 0),
                        Rule::Flag => (0, 1),
                    };
                    let new = value.text(range);
                    let sep = if slot.part < 2 + n { "*" } else { "~" };
                    let mut fields: Vec<&str> = parts[slot.part].split(sep).collect();
                    fields[slot.field] = &new;
                    parts[slot.part] = fields.join(sep);
                    (parts.join("."), number_expect(&new, slot))
                }
                Mutation::Cut(at, after, between_parts) => {
                    let dots: Vec<usize> = separators
                        .iter()
                        .copied()
                        .filter(|i| &text[*i..=*i] == ".")
                        .collect();
                    let i = *at.get(if *between_parts { &dots } else { &separators });
                    let cut = if *after { &text[..=i] } else { &text[..i] };
                    let p = part_of(i);
                    let expect = match &text[i..=i] {
                        "." => cut_at_part(good, p + 1, *after),
                        "*" => {
                            // Inside item `p - 2`, whose fields are now too few, or its
                            // last number empty; the definitions are all cut.
                            let j = p - 2;
                            let fields = cut[cut.rfind('.').unwrap_or(0)..].split('*').count();
                            first_uncarried(&good.items[..j], &[])
                                .or_else(|| {
                                    (fields == 6)
                                        .then(|| first_uncarried(&good.items[j..=j], &[]))
                                        .flatten()
                                })
                                .unwrap_or(Expect::Refused(ShareError::Unreadable))
                        }
                        // Inside an own exercise: fewer steps may still read.
                        _ => Expect::Either,
                    };
                    (cut.to_string(), expect)
                }
                Mutation::Separator(at, to) => {
                    let i = *at.get(&separators);
                    let from = &text[i..=i];
                    let others: Vec<&str> = SEPARATORS.into_iter().filter(|s| *s != from).collect();
                    let mut out = text.to_string();
                    out.replace_range(i..=i, others[to.index(others.len())]);
                    // An item's fields are one too few, or split over two parts.
                    let expect = if from == "*" {
                        Expect::Refused(ShareError::Unreadable)
                    } else {
                        Expect::Either
                    };
                    (out, expect)
                }
                Mutation::Drop(at) => {
                    let k = at.index(parts.len());
                    let expect = drop_expect(good, &parts, k);
                    parts.remove(k);
                    (parts.join("."), expect)
                }
                Mutation::Twice(at) => {
                    let k = at.index(parts.len());
                    parts.insert(k, parts[k].clone());
                    let expect = if k < 2 {
                        // The name, or the version again, is read as an item.
                        Expect::Refused(ShareError::Unreadable)
                    } else if k < 2 + n && n == MAX_ITEMS {
                        Expect::Refused(ShareError::TooMany)
                    } else {
                        Expect::Decodes
                    };
                    (parts.join("."), expect)
                }
                Mutation::Field(at, field, twice) => {
                    let p = 2 + at.index(parts.len() - 2);
                    let (sep, first) = if p < 2 + n { ("*", 0) } else { ("~", 1) };
                    let mut fields: Vec<String> = parts[p].split(sep).map(str::to_string).collect();
                    let f = first + field.index(fields.len() - first);
                    if *twice {
                        fields.insert(f, fields[f].clone());
                    } else {
                        fields.remove(f);
                    }
                    parts[p] = fields.join(sep);
                    let expect = if p < 2 + n {
                        Expect::Refused(ShareError::Unreadable)
                    } else {
                        Expect::Either
                    };
                    (parts.join("."), expect)
                }
                Mutation::Version(v) => {
                    parts[0] = (*v).to_string();
                    (parts.join("."), version_expect(v))
                }
                Mutation::Rename(at, Rename::DefMoved) if !good.own.is_empty() => {
                    let d = at.index(good.own.len());
                    let def = &good.own[d];
                    let moved = RecordId {
                        at: def.id + 1,
                        salt: def.salt,
                    }
                    .text();
                    let p = 2 + n + d;
                    let mut fields: Vec<&str> = parts[p].split('~').collect();
                    fields[1] = &moved;
                    parts[p] = fields.join("~");
                    let mut defs = good.own.clone();
                    defs.remove(d);
                    let expect = first_uncarried(&good.items, &defs).unwrap_or(Expect::Decodes);
                    (parts.join("."), expect)
                }
                Mutation::Rename(at, how) => {
                    let j = at.index(n);
                    let old = &good.items[j].exercise;
                    let new = match how {
                        Rename::NoSuchMove => "no-such-move".to_string(),
                        Rename::Longer => format!("{old}x"),
                        Rename::Shorter => old[..old.len() - 1].to_string(),
                        Rename::Upper => old.to_uppercase(),
                        Rename::NotCarried | Rename::DefMoved => format!(
                            "{MINE_PREFIX}{}",
                            RecordId {
                                at: 1_234_567_890_123,
                                salt: 7
                            }
                            .text()
                        ),
                    };
                    let known = if is_own(&new) {
                        good.def(&new).is_some()
                    } else {
                        catalog::get(&new).is_some()
                    };
                    let mut fields: Vec<&str> = parts[2 + j].split('*').collect();
                    fields[0] = &new;
                    parts[2 + j] = fields.join("*");
                    let expect = if known {
                        Expect::Either
                    } else {
                        Expect::Refused(ShareError::UnknownExercise(shown(&new)))
                    };
                    (parts.join("."), expect)
                }
            }
        }

        /// The checks every routine read from a link must pass: as the other property
        /// tests check, and the own exercises too.
        fn passes_checks(shared: &Shared) -> Result<(), String> {
            if shared.items.is_empty() || shared.items.len() > MAX_ITEMS {
                return Err(format!("{} items", shared.items.len()));
            }
            if shared.own.len() > MAX_ITEMS {
                return Err(format!("{} own exercises", shared.own.len()));
            }
            if crate::domain::routines::own_routine::check_name(&shared.name).as_ref()
                != Ok(&shared.name)
            {
                return Err(format!("the name {:?} is not as checked", shared.name));
            }
            for o in &shared.own {
                if o.checked().as_ref() != Ok(o) {
                    return Err(format!("{o:?} is not as checked: {:?}", o.checked()));
                }
            }
            // On a device without the sender's own exercises, then as in the preview,
            // where they are visiting.
            let mut result = Ok(());
            for visiting in [&[][..], &shared.own[..]] {
                let library = Library::BUILT_IN.with_visiting(visiting);
                for item in &shared.items {
                    if is_own(&item.exercise)
                        && !shared.own.iter().any(|o| o.exercise_id() == item.exercise)
                    {
                        result = Err(format!("{} is not carried", item.exercise));
                    } else if let Err(e) = item.check(&library) {
                        result = Err(format!(
                            "{item:?} fails its check ({} visiting): {e}",
                            visiting.len()
                        ));
                    }
                }
                if result.is_err() {
                    break;
                }
            }
            result
        }

        /// One near-valid case: its kind, whether the test knew the outcome exactly,
        /// and the refusal (`None` when read).
        struct Case {
            kind: &'static str,
            exact: bool,
            format: u8,
            refused: Option<&'static str>,
        }

        fn variant(e: &ShareError) -> &'static str {
            match e {
                ShareError::TooLong => "TooLong",
                ShareError::Unreadable => "Unreadable",
                ShareError::Newer(_) => "Newer",
                ShareError::UnknownExercise(_) => "UnknownExercise",
                ShareError::TooMany => "TooMany",
                ShareError::Invalid(RoutineError::Dose { .. }) => "Invalid(Dose)",
                ShareError::Invalid(_) => "Invalid(other)",
                ShareError::InvalidOwn(_) => "InvalidOwn",
            }
        }

        /// Reads `good` changed by `mutation`: no panic, what is read passes the checks,
        /// what is refused is refused as expected.
        fn try_case(good: &Good, mutation: &Mutation) -> Result<Case, String> {
            let text = good.text();
            let before = decode(&text);
            let whole = Shared {
                name: good.name.clone(),
                items: good.items.clone(),
                own: good.own.clone(),
            };
            if text.len() > MAX_CHARS || before.as_ref() != Ok(&whole) {
                return Err(format!("the good link {text:?} read as {before:?}"));
            }
            let (changed, expect) = mutate(good, &text, mutation);
            let expect = if changed.len() > MAX_CHARS {
                Expect::Refused(ShareError::TooLong)
            } else {
                expect
            };
            let got = decode(&changed);
            let case = || {
                format!(
                    "{mutation:?} made {changed:?} of {text:?}; expected {expect:?}, got {got:?}"
                )
            };
            if !expect.holds(&got) {
                return Err(case());
            }
            if let Ok(shared) = &got {
                passes_checks(shared).map_err(|why| format!("{why}: {}", case()))?;
            }
            Ok(Case {
                kind: mutation.kind(),
                exact: expect.exact(),
                format: if good.own.is_empty() { 1 } else { 2 },
                refused: got.as_ref().err().map(variant),
            })
        }

        proptest! {
            #[test]
            fn near_valid_links_are_read_safely_or_refused_for_their_reason(
                good in any_good(),
                mutation in any_mutation(),
            ) {
                if let Err(why) = try_case(&good, &mutation) {
                    prop_assert!(false, "{}", why);
                }
            }
        }

        /// The same cases from a fixed seed, counted: both outcomes must occur often, or
        /// the checks above would be checking little.
        #[test]
        fn near_valid_links_are_both_read_and_refused_in_numbers() {
            const CASES: usize = 2000;
            let mut runner = TestRunner::new_with_rng(
                Config::default(),
                TestRng::deterministic_rng(RngAlgorithm::ChaCha),
            );
            let strategy = (any_good(), any_mutation());
            let mut cases = Vec::with_capacity(CASES);
            for n in 0..CASES {
                let (good, mutation) = strategy.new_tree(&mut runner).unwrap().current();
                match try_case(&good, &mutation) {
                    Ok(case) => cases.push(case),
                    Err(why) => panic!("case {n}: {why}"),
                }
            }
            let read = cases.iter().filter(|c| c.refused.is_none()).count();
            let refused = CASES - read;
            let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
            let mut by_error: BTreeMap<&str, usize> = BTreeMap::new();
            for c in &cases {
                let counts = by_kind.entry(c.kind).or_default();
                match c.refused {
                    None => counts.0 += 1,
                    Some(e) => {
                        counts.1 += 1;
                        *by_error.entry(e).or_default() += 1;
                    }
                }
            }
            let exact = cases.iter().filter(|c| c.exact).count();
            let format_2 = cases.iter().filter(|c| c.format == 2).count();
            let format_2_read = cases
                .iter()
                .filter(|c| c.format == 2 && c.refused.is_none())
                .count();
            eprintln!(
                "near-valid links: {CASES} cases ({format_2} of format 2), {read} read \
                 ({format_2_read} of format 2), {refused} refused; outcome known exactly \
                 in {exact}"
            );
            eprintln!("  by change (read, refused): {by_kind:?}");
            eprintln!("  refusals: {by_error:?}");
            // Seen with this seed: 732 read (361 of format 2), 1268 refused, 1888 known
            // exactly; refusals: 718 unreadable, 259 unknown exercise, 125 a library
            // number out of range, 63 an own exercise's, 63 newer. The bounds are about
            // four fifths of that for read and refused, about half for the rest, so a
            // change that stops reaching a path fails here.
            let at_least = |what: &str, seen: usize, per_mille: usize| {
                assert!(
                    seen * 1000 >= CASES * per_mille,
                    "{what}: {seen} of {CASES}, fewer than {per_mille} in 1000"
                );
            };
            at_least("read", read, 300);
            at_least("refused", refused, 500);
            at_least("read, of format 2", format_2_read, 120);
            at_least("outcome known exactly", exact, 850);
            for (error, per_mille) in [
                ("Unreadable", 200),
                ("UnknownExercise", 70),
                ("Invalid(Dose)", 30),
                ("InvalidOwn", 15),
                ("Newer", 15),
            ] {
                at_least(error, by_error.get(error).copied().unwrap_or(0), per_mille);
            }
        }
    }
}
