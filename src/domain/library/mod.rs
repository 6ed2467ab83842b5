//! The exercises: what an exercise is ([`exercise`]) and how much of it ([`dose`]), the
//! ranges the app stands behind ([`limits`]), the library from the sources
//! ([`catalog`]), the person's own exercises ([`own_exercise`], [`own_item`]), finding
//! them ([`filter`]), looking them up by id ([`lookup`]: the [`Library`] passed to
//! whatever needs one) and the moving figure of each ([`figure`]).

pub mod catalog;
pub mod dose;
pub mod exercise;
pub mod figure;
pub mod filter;
pub mod limits;
pub mod lookup;
pub mod own_exercise;
pub mod own_item;

pub use lookup::Library;
