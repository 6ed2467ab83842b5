//! Small building blocks shared by the pages.

pub mod icons;
pub mod nav;
pub mod notices;
pub mod page;
pub mod safety_check;
