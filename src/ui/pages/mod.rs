//! One module per route.

pub mod activity;
pub mod exercise;
pub mod first_run;
pub mod library;
pub mod not_found;
pub mod own_exercise;
pub mod progress;
pub mod routines;
pub mod safety;
pub mod session;
pub mod settings;
pub mod summary;
pub mod today;
