//! The backends records are stored in: a string key-value store, as `localStorage` is
//! (the browser's is in `platform::storage`), and [`Memory`], used natively in tests and in
//! the browser when storage is unavailable.

use std::collections::BTreeMap;

/// Why the backend refused an operation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackendError {
    #[error("storage is not available in this browser ({0})")]
    Unavailable(String),
    #[error("storage is full")]
    QuotaExceeded,
    #[error("storage failed ({0})")]
    Other(String),
}

/// A string key-value store, as `localStorage` is.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError>;
    fn remove(&mut self, key: &str) -> Result<(), BackendError>;
    fn keys(&self) -> Result<Vec<String>, BackendError>;
}

/// A backend that keeps everything in memory for the life of the page.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Memory {
    entries: BTreeMap<String, String>,
}

impl KeyValue for Memory {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        Ok(self.entries.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.entries.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, BackendError> {
        Ok(self.entries.keys().cloned().collect())
    }
}

/// One storage seen by two tabs' stores, for tests.
#[cfg(test)]
#[derive(Clone, Default)]
pub struct Shared(pub std::rc::Rc<std::cell::RefCell<Memory>>);

#[cfg(test)]
impl KeyValue for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.0.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.0.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.0.borrow_mut().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, BackendError> {
        self.0.borrow().keys()
    }
}
