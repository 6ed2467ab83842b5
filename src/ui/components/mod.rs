//! Small building blocks shared by the pages.

pub mod care;
pub mod charts;
pub mod data;
pub mod due;
pub mod exercise_card;
pub mod figure;
pub mod icons;
pub mod missing;
pub mod nav;
pub mod notices;
pub mod page;
pub mod pain_scale;
pub mod preferences;
pub mod reminder;
pub mod results;
pub mod safety_check;
pub mod week;
