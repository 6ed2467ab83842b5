//! Routines: the built-in ones ([`routine`]), the person's own ([`own_routine`]), the
//! person's adjustments to doses and exercises ([`adjustments`]), routines shared as
//! links ([`share`]) and put in a calendar ([`ics`]).

pub mod adjustments;
pub mod ics;
pub mod own_routine;
pub mod routine;
pub mod share;
