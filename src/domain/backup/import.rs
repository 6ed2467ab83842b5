//! Reading a backup file: everything checked before anything is touched.

use std::mem::take;

use serde_json::{Map, Value};

use super::read::{ImportError, Reader};
use super::sections::{Counts, Section};
use super::{each_record, Backup, APP, FORMAT};
use crate::domain::dates::{plural, DAY_MS};
use crate::domain::storage::schema::Record;
use crate::domain::Millis;

/// The largest file imported. Years of daily sessions take well under a megabyte.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// The deepest nesting of `[` and `{` imported, checked by a scan before parsing. A
/// backup nests about 7 deep.
pub const MAX_DEPTH: usize = 32;

/// A checked backup, ready to be applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// Everything that could be read and passed the checks.
    pub backup: Backup,
    /// One plain reason for each record left out, e.g. "Session of 3 Nov 2026: pain
    /// after 12 is not between 0 and 10."
    pub skipped: Vec<String>,
    /// Records that appeared more than once in the file; the newest of each was kept.
    pub duplicates: usize,
}

impl Import {
    /// What the file holds, in a sentence or three: "42 sessions, 18 activities, 2
    /// exercises set aside, 3 dose changes. 2 records invalid, skipped. 1 duplicate left
    /// out."
    pub fn summary(&self) -> String {
        let mut out = counts(&self.backup).sentence();
        if !self.skipped.is_empty() {
            out.push(' ');
            out.push_str(&plural(
                self.skipped.len(),
                "record invalid, skipped.",
                "records invalid, skipped.",
            ));
        }
        if self.duplicates > 0 {
            out.push(' ');
            out.push_str(&plural(
                self.duplicates,
                "duplicate left out.",
                "duplicates left out.",
            ));
        }
        out
    }
}

/// Reads a backup file's text at `now`.
///
/// Checks, in order and before anything is touched: the size, the nesting, that it is
/// JSON, the app name, the format (newer is refused), the schema of each section (newer
/// than this app is refused; older is upgraded with the record's migrations), then each
/// record on its own, where a bad one is left out with a reason and the rest kept:
///
/// each record is read as its type and checked by its own `check`
/// ([`SessionRecord::check`](crate::domain::records::session_record::SessionRecord::check),
/// [`Activity::check`](crate::domain::records::activity::Activity::check),
/// [`DoseLevel::check`](crate::domain::library::exercise::DoseLevel::check),
/// [`DoseChange::check`](crate::domain::routines::adjustments::DoseChange::check),
/// [`check_id`](crate::domain::library::exercise::check_id)), so each limit lives in one
/// place; each section is read as its [`Section`] says.
///
/// Records that appear more than once (by id) are counted and the newest kept. Unknown
/// fields are ignored, and a missing section is empty.
pub fn decode(text: &str, now: Millis) -> Result<Import, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    if nesting(text) > MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let Value::Object(mut file) = value else {
        return Err(ImportError::NotABackup);
    };
    if file.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(ImportError::NotABackup);
    }
    match file.get("format").and_then(Value::as_u64) {
        Some(found) if found > u64::from(FORMAT) => {
            return Err(ImportError::NewerFormat { found });
        }
        Some(found) if found >= 1 => {}
        _ => return Err(ImportError::NotABackup),
    }
    let schemas = match file.remove("schemas") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(schemas)) => schemas,
        Some(_) => return Err(ImportError::NotABackup),
    };
    let mut data = match file.remove("data") {
        Some(Value::Object(data)) => data,
        _ => return Err(ImportError::NotABackup),
    };

    let mut reader = Reader::new(now);
    let mut backup = read(&mut data, &schemas, &mut reader)?;
    no_future_times(&mut backup, now);
    Ok(Import {
        backup,
        skipped: reader.skipped,
        duplicates: reader.duplicates,
    })
}

/// What `decode` and the summary do with each record of the backup, from the list.
macro_rules! each_section {
    (
        backup { $( $(#[$doc:meta])* $field:ident: $ty:ty, )* }
        device { $($device:tt)* }
    ) => {
        /// Every section of `data` (its schema number in `schemas`) upgraded to this app's
        /// schema before any record is read, so a newer section is refused whichever it
        /// is; then each read by `reader`: first those the others may be checked against
        /// (own exercises), then the others, each in the list's order.
        fn read(
            data: &mut Map<String, Value>,
            schemas: &Map<String, Value>,
            reader: &mut Reader,
        ) -> Result<Backup, ImportError> {
            $(
                let mut $field = upgrade(
                    data,
                    schemas,
                    stringify!($field),
                    <$ty as Section>::LABEL,
                    <$ty as Record>::SCHEMA,
                    <$ty as Record>::migrate,
                )?;
            )*
            let mut file = Backup::default();
            $(
                if <$ty as Section>::READ_FIRST {
                    file.$field = Section::read(take(&mut $field), reader, &file)?;
                }
            )*
            $(
                if !<$ty as Section>::READ_FIRST {
                    file.$field = Section::read(take(&mut $field), reader, &file)?;
                }
            )*
            Ok(file)
        }

        /// Brings every time a record is versioned by back to at most a day after `now`: a
        /// time far in the future (a wrong clock, or an edited file) would otherwise make
        /// that record win every later merge, silently undoing the person's own changes.
        fn no_future_times(backup: &mut Backup, now: Millis) {
            let latest = now.saturating_add(DAY_MS);
            $( backup.$field.cap_times(latest); )*
        }

        /// What `backup` holds, counted in the order the records are read.
        fn counts(backup: &Backup) -> Counts {
            let mut counts = Counts::default();
            $(
                if <$ty as Section>::READ_FIRST {
                    backup.$field.count(&mut counts);
                }
            )*
            $(
                if !<$ty as Section>::READ_FIRST {
                    backup.$field.count(&mut counts);
                }
            )*
            counts
        }
    };
}

each_record!(each_section);

/// How deeply `[` and `{` nest in `text`, outside strings. Stops counting once past
/// [`MAX_DEPTH`].
fn nesting(text: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
                if deepest > MAX_DEPTH {
                    return deepest;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Section `key` of the data (called `label` in messages), upgraded from the schema
/// `schemas` gives it to `current` by `migrate`, a record's [`Record::migrate`]. `Null`
/// when missing. Not generic: compiled once for every record.
fn upgrade(
    data: &mut Map<String, Value>,
    schemas: &Map<String, Value>,
    key: &str,
    label: &str,
    current: u32,
    migrate: fn(u32, Value) -> Result<Value, String>,
) -> Result<Value, ImportError> {
    let value = data.remove(key).unwrap_or(Value::Null);
    if value.is_null() {
        return Ok(Value::Null);
    }
    // A section without its schema number is taken as the first schema: every
    // migration from it keeps data that is already newer.
    let schema = match schemas.get(key) {
        None | Some(Value::Null) => 1,
        Some(n) => n
            .as_u64()
            .filter(|n| *n >= 1)
            .ok_or_else(|| ImportError::Damaged {
                section: label.to_string(),
                reason: "its format number is not a whole number".to_string(),
            })?,
    };
    if schema > u64::from(current) {
        return Err(ImportError::NewerSection {
            section: label.to_string(),
            found: schema,
        });
    }
    let mut value = value;
    // `schema` is at most `current` here, so it fits.
    let first = u32::try_from(schema).unwrap_or(current);
    for from in first..current {
        value = migrate(from, value).map_err(|reason| ImportError::Damaged {
            section: label.to_string(),
            reason,
        })?;
    }
    Ok(value)
}
