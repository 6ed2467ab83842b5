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

use super::catalog;
use super::exercise::Kind;
use super::ids::RecordId;
use super::own_exercise::{is_own, How, OwnExercise, Start, MINE_PREFIX};
use super::own_routine::{check, check_name, Field, OwnItem, RoutineError, MAX_ITEMS};

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
/// uses are found with [`catalog::own::record`] and written in.
pub fn encode(name: &str, items: &[OwnItem]) -> String {
    let mut own: Vec<OwnExercise> = Vec::new();
    for i in items.iter().filter(|i| is_own(&i.exercise)) {
        if let Some(e) = catalog::own::record(&i.exercise) {
            if !own.iter().any(|o| o.id == e.id && o.salt == e.salt) {
                own.push(e);
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
pub fn link(app: &str, name: &str, items: &[OwnItem]) -> String {
    format!(
        "{}{}#{}",
        app.trim_end_matches('/'),
        PATH,
        encode(name, items)
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
        check(&name, &library).map_err(ShareError::Invalid)?
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
            i.check().map_err(ShareError::Invalid)?;
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
    use crate::domain::catalog;
    use crate::domain::own_routine::{Field, MAX_REST_SECS};
    use crate::domain::routine;

    fn of(id: &str) -> OwnItem {
        OwnItem::of(catalog::get(id).unwrap())
    }

    #[test]
    fn every_built_in_routine_round_trips() {
        for r in routine::builtin() {
            let items: Vec<OwnItem> = r.items.iter().map(|i| of(&i.exercise)).collect();
            let text = encode(&r.name, &items);
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
            encode("My physio's routine", &[knee.clone()]),
            format!(
                "1.My%20physio%27s%20routine.single-knee-hug*2*{}*{}*{}*{}",
                knee.reps, knee.work, knee.rest_reps, knee.rest_sets
            )
        );
        assert_eq!(
            link("https://example.org/app/", "A", &[knee])
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
        catalog::own::set_own(std::slice::from_ref(&e));
        let mut item = e.item();
        item.reps = 8;
        let items = vec![of("bridge"), item.clone(), item];
        let text = encode("Physio plan", &items);
        assert!(text.starts_with("2."), "{text}");
        // Read on a device without that exercise.
        catalog::own::set_own(&[]);
        let shared = decode(&text).unwrap();
        assert_eq!(shared.items, items);
        let sent = OwnExercise {
            updated_at: 0,
            ..e.clone()
        };
        assert_eq!(shared.own, vec![sent], "one copy, though used twice");
        // Without own exercises, version 1 as before.
        assert!(encode("Plain", &[of("bridge")]).starts_with("1."));

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
        catalog::own::set_own(std::slice::from_ref(&e));
        let text = encode("Taps", &[e.item()]);
        catalog::own::set_own(&[]);
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
        let mut ids: Vec<&str> = catalog::CATALOG.iter().map(|e| e.id).collect();
        ids.sort_by_key(|id| std::cmp::Reverse(id.len()));
        let items: Vec<OwnItem> = ids[..6].iter().map(|id| of(id)).collect();
        let url = link("https://steadyback.example/", "My physio's routine", &items);
        assert!(url.len() < 300, "{} characters: {url}", url.len());
    }

    #[test]
    fn bad_links_say_what_is_wrong() {
        let good = encode("Mine", &[of("bridge")]);
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
            decode(&encode("Mine", &[heavy])),
            Err(ShareError::Invalid(RoutineError::Dose { .. }))
        ));
        assert!(matches!(
            decode("1.Mine.bridge*1*99999999*5*5*5"),
            Err(ShareError::Invalid(RoutineError::Dose { .. }))
        ));
        let many = vec![of("bridge"); MAX_ITEMS + 1];
        assert_eq!(decode(&encode("Mine", &many)), Err(ShareError::TooMany));
        assert_eq!(
            decode(&encode("  ", &[of("bridge")])),
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
        use proptest::prelude::*;

        fn any_item() -> impl Strategy<Value = OwnItem> {
            (0..catalog::CATALOG.len(), any::<[u16; 5]>()).prop_map(|(i, n)| {
                let mut item = OwnItem::of(&catalog::CATALOG[i]);
                // Any value the editor accepts for each number the exercise uses.
                for (f, v) in Field::ALL.into_iter().zip(n) {
                    match item.field(f) {
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
                if let Ok(name) = crate::domain::own_routine::check_name(&name) {
                    let decoded = decode(&encode(&name, &items));
                    prop_assert_eq!(decoded, Ok(Shared { name, items, own: Vec::new() }));
                }
            }

            #[test]
            fn any_text_is_read_without_panic_and_never_past_the_caps(text in ".{0,600}") {
                if let Ok(shared) = decode(&text) {
                    prop_assert!(!shared.items.is_empty() && shared.items.len() <= MAX_ITEMS);
                    for item in &shared.items {
                        prop_assert_eq!(item.check(), Ok(()));
                    }
                }
            }

            #[test]
            fn near_misses_of_a_good_link_are_read_safely(
                items in proptest::collection::vec(any_item(), 1..8),
                cut in 0usize..400,
                junk in "[0-9*.%a-z-]{0,12}",
            ) {
                let good = encode("Mine", &items);
                let at = cut.min(good.len());
                for text in [format!("{}{junk}", &good[..at]), format!("{junk}{}", &good[at..])] {
                    if let Ok(shared) = decode(&text) {
                        for item in &shared.items {
                            prop_assert_eq!(item.check(), Ok(()));
                        }
                    }
                }
            }
        }
    }
}
