//! Thin browser adapters. No business rules live here: each adapter detects whether the
//! browser supports its feature and reports failures as typed errors, never panics.

pub mod clock;
pub mod service_worker;
pub mod storage;
