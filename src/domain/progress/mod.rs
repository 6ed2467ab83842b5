//! What the records add up to: days and weeks ([`calendar`]), pain over time
//! ([`pain`]), walking minutes and the walking plan ([`walking`]), when to suggest a
//! harder dose ([`progression`]) and which routine comes next for a beginner
//! ([`rotation`]).

pub mod calendar;
pub mod pain;
pub mod progression;
pub mod rotation;
pub mod walking;
