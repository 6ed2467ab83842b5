//! The backup file as written.

use serde::Serialize;

use super::{each_record, Backup, APP, FORMAT};
use crate::domain::storage::schema::Record;
use crate::domain::Millis;

/// [`Schemas`], from the list.
macro_rules! schemas {
    (
        backup { $( $(#[$doc:meta])* $field:ident: $ty:ty, )* }
        device { $($device:tt)* }
    ) => {
        /// The schema of each section, as the app that wrote the file stores it.
        #[derive(Serialize)]
        struct Schemas {
            $( $field: u32, )*
        }

        /// This app's schemas.
        const SCHEMAS: Schemas = Schemas {
            $( $field: <$ty as Record>::SCHEMA, )*
        };
    };
}

each_record!(schemas);

/// The file as written.
#[derive(Serialize)]
struct File<'a> {
    app: &'static str,
    format: u32,
    exported_at: Millis,
    schemas: Schemas,
    data: &'a Backup,
}

/// The file's text: `{"app":"steadyback","format":1,"exported_at":<ms>,
/// "schemas":{"sessions":2,...},"data":{...}}`, pretty-printed so a person can read it.
/// `Err` with the reason when it can't be written (never for the app's own data, whose
/// maps have string keys; reported rather than giving the person an empty file).
pub fn export(backup: &Backup, now: Millis) -> Result<String, String> {
    let file = File {
        app: APP,
        format: FORMAT,
        exported_at: now,
        schemas: SCHEMAS,
        data: backup,
    };
    serde_json::to_string_pretty(&file).map_err(|err| err.to_string())
}
