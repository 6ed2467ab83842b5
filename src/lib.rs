//! Steadyback: a guided exercise coach for everyday back pain.
//!
//! Three layers, one direction (see the README):
//! - [`domain`]: pure Rust, no browser or UI crates, tested natively;
//! - `platform`: thin browser adapters (wasm32 only);
//! - `ui`: Leptos components and pages (wasm32 only).

pub mod domain;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;
