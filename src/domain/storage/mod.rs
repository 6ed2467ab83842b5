//! How records are kept: each stored record's key, version and migrations, its
//! encoding, the merge laws every record obeys, and the store that loads and saves
//! them through an adapter the UI gives it, and the drafts of forms ([`drafts`]). Knows no
//! record but through [`schema::Record`].

pub mod backend;
pub mod drafts;
pub mod parts;
pub mod room;
pub mod schema;
pub mod store;
