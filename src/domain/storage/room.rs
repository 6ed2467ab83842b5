//! How much of the room a browser keeps for the site the app's data takes. Browsers don't
//! say how much `localStorage` may hold (`navigator.storage.estimate()` gives the quota of
//! the site's other storage, gigabytes in Chrome), so the room is the app's own estimate:
//! the least of the common browsers. What is used is measured exactly (the characters of
//! every key and value), and a save that finds storage full is dealt with on its own.

/// Characters of keys and values a browser keeps for one site: Safari and Firefox count
/// 5 MB, Chrome 10 MB of UTF-16 text (5 million characters). The app's own estimate.
pub const ROOM_CHARS: u64 = 5_000_000;

/// The share of [`ROOM_CHARS`] `used` takes, in whole percent, rounded down.
pub fn percent_used(used: u64) -> u64 {
    used.saturating_mul(100) / ROOM_CHARS
}

/// True from 80 % of [`ROOM_CHARS`]: the app offers to make room.
pub fn nearly_full(used: u64) -> bool {
    percent_used(used) >= 80
}

/// `chars` as a person reads it: "about 1.2 million characters", "about 45,000 characters".
pub fn chars_text(chars: u64) -> String {
    if chars >= 1_000_000 {
        let tenths = (chars + 50_000) / 100_000;
        format!("about {}.{} million characters", tenths / 10, tenths % 10)
    } else {
        let thousands = (chars + 500) / 1000;
        match thousands {
            0 => format!("{chars} characters"),
            n if n >= 1000 => "about 1.0 million characters".to_string(),
            n => format!("about {n},000 characters"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eighty_percent_of_five_million_is_nearly_full() {
        assert!(!nearly_full(3_999_999));
        assert!(nearly_full(4_000_000));
        assert_eq!(percent_used(1_215_903), 24);
        assert_eq!(percent_used(u64::MAX), u64::MAX / ROOM_CHARS);
    }

    #[test]
    fn sizes_read_plainly() {
        assert_eq!(chars_text(380), "380 characters");
        assert_eq!(chars_text(45_499), "about 45,000 characters");
        assert_eq!(chars_text(999_600), "about 1.0 million characters");
        assert_eq!(chars_text(1_215_903), "about 1.2 million characters");
        assert_eq!(chars_text(4_960_000), "about 5.0 million characters");
    }
}
