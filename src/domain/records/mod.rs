//! What the person did and answered, as stored: finished and stopped sessions, logged
//! activity, and the safety check with the advice it leads to.

pub mod activity;
pub mod older;
pub mod safety;
pub mod session_record;
mod stored_session;
