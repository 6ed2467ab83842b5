//! The stored form of every record: one versioned envelope per key.
//!
//! Each kind of record lives under its own namespaced key (`steadyback:<name>`) as
//! `{"schema": N, "saved_at": <ms>, "data": ...}`. Decoding upgrades older schemas one
//! version at a time through the record's own migrations, and refuses data written by a
//! newer version of the app rather than guessing at it.

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::Value;

use crate::domain::Millis;

/// Every key the app writes starts with this, so the app never touches other sites' or
/// other apps' data on the same origin.
pub const NAMESPACE: &str = "steadyback";

/// The key a record is stored under.
pub fn data_key(name: &str) -> String {
    format!("{NAMESPACE}:{name}")
}

/// The key that says when everything was last deleted ([`Store::clear_all`]): another
/// tab that sees it change drops what it holds in memory rather than merge it back.
///
/// [`Store::clear_all`]: super::store::Store::clear_all
pub const CLEARED_KEY: &str = "steadyback:cleared";

/// Prefix of the keys that hold unreadable text copied aside.
pub fn quarantine_prefix(name: &str) -> String {
    format!("{NAMESPACE}:quarantine:{name}:")
}

/// Where unreadable text of record `name`, found at `now`, is copied aside.
pub fn quarantine_key(name: &str, now: Millis) -> String {
    format!("{}{now}", quarantine_prefix(name))
}

/// A kind of record the app stores under one key.
pub trait Record: Serialize + DeserializeOwned + Default {
    /// Short name of the key, e.g. `"settings"`.
    const NAME: &'static str;
    /// The schema version this build of the app writes.
    const SCHEMA: u32;

    /// Upgrades `data` written at schema `from` to schema `from + 1`.
    ///
    /// Called for each version in turn until the data reaches [`Record::SCHEMA`]. The
    /// default knows no older versions: a record whose first schema is its current one
    /// never needs a migration.
    fn migrate(from: u32, data: Value) -> Result<Value, String> {
        let _ = data;
        Err(format!("no migration from schema {from}"))
    }

    /// True for a record two tabs may both change (a list merged by id): saving merges
    /// it with the stored copy, and another tab's save is merged in, so neither tab's
    /// change is lost. False for a record whose copy saved last wins (the settings).
    const MERGES: bool = false;

    /// Takes `other`'s changes into `self`, for a record that [`Record::MERGES`]: by id,
    /// the newer version of each entry winning, deletions kept as tombstones. Must be
    /// commutative and idempotent (the records' tests check it with `merge_laws`). Does
    /// nothing for other records.
    fn merge_from(&mut self, other: &Self) {
        let _ = other;
    }

    /// True for a record kept under more than one key ([`super::parts`]): each part of its
    /// entries (the session log's: a year) under a key of its own, so a save rewrites only
    /// the parts that changed. The record's own key keeps what belongs to no part.
    const PARTED: bool = false;

    /// For a record [`Record::PARTED`]: each part that holds something, by its label
    /// (`"2025"`), with a digest that changes whenever what the part holds does.
    fn parts(&self) -> Vec<(String, u64)> {
        Vec::new()
    }

    /// For a record [`Record::PARTED`]: what is stored under part `label`, or with `None`,
    /// under the record's own key.
    fn part(&self, label: Option<&str>) -> Self {
        let _ = label;
        Self::default()
    }
}

/// For tests of records that [`Record::MERGES`]: checks that merging is commutative and
/// idempotent (and that merging either side again changes nothing), and gives the
/// merged value.
#[cfg(all(test, not(target_arch = "wasm32")))] // used by the native-only proptests
pub(crate) fn merge_laws<T: Record + Clone + PartialEq + std::fmt::Debug>(
    a: &T,
    b: &T,
) -> Result<T, String> {
    let merged = |x: &T, y: &T| {
        let mut m = x.clone();
        m.merge_from(y);
        m
    };
    let ab = merged(a, b);
    let checks = [
        (merged(b, a), "merge(b, a) differs from merge(a, b)"),
        (merged(a, a), "merging with itself changed it"),
        (
            merged(&merged(&ab, a), b),
            "merging either side again changed it",
        ),
    ];
    for (got, what) in checks {
        let expected = if what.starts_with("merging with itself") {
            a
        } else {
            &ab
        };
        if got != *expected {
            return Err(format!("{what}: {got:?} vs {expected:?}"));
        }
    }
    Ok(ab)
}

/// What is stored under a key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub schema: u32,
    pub saved_at: Millis,
    pub data: T,
}

/// Why stored text could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the stored text is not valid JSON ({0})")]
    Syntax(String),
    #[error("the stored text is not a Steadyback record ({0})")]
    Shape(String),
    #[error("it was saved by a newer version of Steadyback (format {found}; this version reads up to {supported})")]
    Newer { found: u32, supported: u32 },
    #[error("it could not be upgraded from format {from} ({reason})")]
    Migration { from: u32, reason: String },
}

impl DecodeError {
    /// True when the text is fine but this build is too old to read it. Such data must be
    /// left alone, not replaced.
    pub fn is_newer(&self) -> bool {
        matches!(self, DecodeError::Newer { .. })
    }
}

/// The text to store for `data`, saved at `now`; the reason when it can't be written as
/// JSON (never for the app's own records, whose maps have string keys).
pub fn encode<T: Record>(data: &T, now: Millis) -> Result<String, String> {
    let envelope = Envelope {
        schema: T::SCHEMA,
        saved_at: now,
        data,
    };
    serde_json::to_string(&envelope).map_err(|err| err.to_string())
}

/// Reads stored text back, upgrading it from older schemas.
pub fn decode<T: Record>(text: &str) -> Result<Envelope<T>, DecodeError> {
    decode_from(text).map(|(envelope, _)| envelope)
}

/// Like [`decode`], also giving the schema the text was written at (older than
/// [`Record::SCHEMA`] when it was migrated).
pub fn decode_from<T: Record>(text: &str) -> Result<(Envelope<T>, u32), DecodeError> {
    let (from, saved_at, data) = open(text, T::SCHEMA, T::migrate)?;
    let data = serde_json::from_value(data).map_err(|e| DecodeError::Shape(e.to_string()))?;
    Ok((
        Envelope {
            schema: T::SCHEMA,
            saved_at,
            data,
        },
        from,
    ))
}

/// Serde for a unit enum by its stored name: `$name(value)` written as text, read back by
/// finding the value of `$all` with that name. One shared text path instead of the
/// visitor per enum that derived serde makes (smaller in the first load).
macro_rules! by_name {
    ($t:ty, $all:expr, $name:path) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($name(*self))
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <String as serde::Deserialize>::deserialize(d)?;
                $all.into_iter().find(|v| $name(*v) == text).ok_or_else(|| {
                    <D::Error as serde::de::Error>::custom(format!("unknown value {text:?}"))
                })
            }
        }
    };
}
pub(crate) use by_name;

/// A record's migration step, as [`Record::migrate`].
pub type Migrate = fn(u32, Value) -> Result<Value, String>;

/// The envelope's schema, time and data, the data migrated up to `current`. Not generic,
/// so the envelope handling is compiled once for every kind of record.
pub fn open(
    text: &str,
    current: u32,
    migrate: Migrate,
) -> Result<(u32, Millis, Value), DecodeError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| DecodeError::Syntax(e.to_string()))?;
    let Value::Object(mut object) = value else {
        return Err(DecodeError::Shape("not an object".into()));
    };
    let schema = object
        .get("schema")
        .and_then(Value::as_u64)
        .and_then(|s| u32::try_from(s).ok())
        .filter(|s| *s >= 1)
        .ok_or_else(|| DecodeError::Shape("no valid schema number".into()))?;
    let saved_at = object
        .get("saved_at")
        .and_then(Value::as_i64)
        .ok_or_else(|| DecodeError::Shape("no valid saved_at time".into()))?;
    let mut data = object
        .remove("data")
        .ok_or_else(|| DecodeError::Shape("no data".into()))?;
    if schema > current {
        return Err(DecodeError::Newer {
            found: schema,
            supported: current,
        });
    }
    for from in schema..current {
        data = migrate(from, data).map_err(|reason| DecodeError::Migration { from, reason })?;
    }
    Ok((schema, saved_at, data))
}

/// What can be kept of a record whose lists hold some entries this app can't read: the
/// record with those entries left out, and how many were. `None` when the envelope itself
/// is unreadable or the record is still unreadable without them.
///
/// Each entry of each list in the data is tried on its own (in a copy of the record whose
/// list holds only it), so one bad session among hundreds costs only that session.
pub fn salvage<T: Record>(text: &str) -> Option<(T, usize)> {
    let reads = |value: Value| serde_json::from_value::<T>(value).ok();
    let (kept, dropped) = salvaged(text, T::SCHEMA, T::migrate, &|v| reads(v).is_some())?;
    reads(kept).map(|value| (value, dropped))
}

/// [`salvage`] but for turning data into the record (`reads`), compiled once for every
/// kind of record: the data with the entries `reads` refuses left out, and how many were
/// (at least one).
fn salvaged(
    text: &str,
    schema: u32,
    migrate: Migrate,
    reads: &dyn Fn(Value) -> bool,
) -> Option<(Value, usize)> {
    let (_, _, data) = open(text, schema, migrate).ok()?;
    let Value::Object(object) = &data else {
        return None;
    };
    // Every list emptied: the frame each entry is tried in, without copying the others.
    let mut frame = object.clone();
    for value in frame.values_mut() {
        if value.is_array() {
            *value = Value::Array(Vec::new());
        }
    }
    let mut kept = frame.clone();
    let mut dropped = 0;
    for (key, value) in object {
        let Value::Array(items) = value else {
            continue;
        };
        let mut good = Vec::with_capacity(items.len());
        for item in items {
            let mut alone = frame.clone();
            alone.insert(key.clone(), Value::Array(vec![item.clone()]));
            if reads(Value::Object(alone)) {
                good.push(item.clone());
            } else {
                dropped += 1;
            }
        }
        kept.insert(key.clone(), Value::Array(good));
    }
    (dropped > 0).then_some((Value::Object(kept), dropped))
}

/// Where a copy of the data of record `name` at an older `schema` is kept while it is
/// migrated, until the migrated data has been saved and read back.
pub fn migration_key(name: &str, schema: u32) -> String {
    format!("{NAMESPACE}:backup:{name}:schema-{schema}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A record at schema 3 whose history is: v1 `{count}`, v2 renamed it to `total`,
    /// v3 added `unit` (with a default).
    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    struct Counter {
        total: u32,
        #[serde(default)]
        unit: String,
    }

    impl Record for Counter {
        const NAME: &'static str = "counter";
        const SCHEMA: u32 = 3;
        fn migrate(from: u32, mut data: Value) -> Result<Value, String> {
            match from {
                1 => {
                    let count = data.get("count").cloned().ok_or("no count")?;
                    data.as_object_mut().ok_or("not an object")?.remove("count");
                    data["total"] = count;
                    Ok(data)
                }
                2 => {
                    data["unit"] = json!("reps");
                    Ok(data)
                }
                _ => Err(format!("unknown schema {from}")),
            }
        }
    }

    #[test]
    fn keys_are_namespaced() {
        assert_eq!(data_key("settings"), "steadyback:settings");
        assert_eq!(
            quarantine_key("settings", 1_700_000_000_000),
            "steadyback:quarantine:settings:1700000000000"
        );
        assert!(quarantine_key("settings", 5).starts_with(&quarantine_prefix("settings")));
    }

    #[test]
    fn envelope_round_trips() {
        let value = Counter {
            total: 7,
            unit: "reps".into(),
        };
        let text = encode(&value, 1_234).unwrap();
        let raw: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            raw,
            json!({"schema": 3, "saved_at": 1234, "data": {"total": 7, "unit": "reps"}})
        );
        let back: Envelope<Counter> = decode(&text).unwrap();
        assert_eq!(back.schema, 3);
        assert_eq!(back.saved_at, 1_234);
        assert_eq!(back.data, value);
    }

    #[test]
    fn older_schemas_are_migrated_step_by_step() {
        let v1 = r#"{"schema":1,"saved_at":10,"data":{"count":4}}"#;
        let back: Envelope<Counter> = decode(v1).unwrap();
        assert_eq!(
            back.data,
            Counter {
                total: 4,
                unit: "reps".into()
            }
        );
        let v2 = r#"{"schema":2,"saved_at":10,"data":{"total":9}}"#;
        assert_eq!(decode::<Counter>(v2).unwrap().data.total, 9);
    }

    #[test]
    fn a_failed_migration_says_where() {
        let v1 = r#"{"schema":1,"saved_at":10,"data":{"nothing":true}}"#;
        assert_eq!(
            decode::<Counter>(v1).unwrap_err(),
            DecodeError::Migration {
                from: 1,
                reason: "no count".into()
            }
        );
    }

    #[test]
    fn unknown_newer_schema_is_refused() {
        let future = r#"{"schema":4,"saved_at":10,"data":{"whatever":1}}"#;
        let err = decode::<Counter>(future).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Newer {
                found: 4,
                supported: 3
            }
        );
        assert!(err.is_newer());
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let text = r#"{"schema":3,"saved_at":1,"data":{"total":2,"unit":"s","later":[1]},"x":0}"#;
        assert_eq!(decode::<Counter>(text).unwrap().data.total, 2);
    }

    #[test]
    fn corrupt_text_is_an_error_not_a_panic() {
        let cases = [
            "",
            "{",
            "null",
            "[1,2]",
            "\"text\"",
            r#"{"schema":3,"saved_at":1,"data":{"total":2"#,
            r#"{"saved_at":1,"data":{"total":2}}"#,
            r#"{"schema":0,"saved_at":1,"data":{"total":2}}"#,
            r#"{"schema":-1,"saved_at":1,"data":{"total":2}}"#,
            r#"{"schema":"3","saved_at":1,"data":{"total":2}}"#,
            r#"{"schema":3,"data":{"total":2}}"#,
            r#"{"schema":3,"saved_at":1}"#,
            r#"{"schema":3,"saved_at":1,"data":{"total":-2}}"#,
            r#"{"schema":3,"saved_at":1,"data":"total"}"#,
            r#"{"schema":99999999999,"saved_at":1,"data":{}}"#,
        ];
        for text in cases {
            let err = decode::<Counter>(text).unwrap_err();
            assert!(!err.is_newer(), "{text:?} → {err}");
        }
    }
}
