//! The backup file as written.

use serde::Serialize;

use super::{Backup, APP, FORMAT};
use crate::domain::library::own_exercise::OwnExercises;
use crate::domain::records::activity::ActivityLog;
use crate::domain::records::safety::SafetyCheck;
use crate::domain::records::session_record::SessionLog;
use crate::domain::routines::adjustments::Plan;
use crate::domain::routines::own_routine::OwnRoutines;
use crate::domain::session::settings::Settings;
use crate::domain::storage::schema::Record;
use crate::domain::Millis;

/// The schema of each section, as the app that wrote the file stores it.
#[derive(Serialize)]
struct Schemas {
    settings: u32,
    safety_check: u32,
    sessions: u32,
    activities: u32,
    plan: u32,
    routines: u32,
    exercises: u32,
}

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
        schemas: Schemas {
            settings: Settings::SCHEMA,
            safety_check: SafetyCheck::SCHEMA,
            sessions: SessionLog::SCHEMA,
            activities: ActivityLog::SCHEMA,
            plan: Plan::SCHEMA,
            routines: OwnRoutines::SCHEMA,
            exercises: OwnExercises::SCHEMA,
        },
        data: backup,
    };
    serde_json::to_string_pretty(&file).map_err(|err| err.to_string())
}
