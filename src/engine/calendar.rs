//! Dates as `YYYY-MM-DD`, written and read without chrono's strftime machinery, which would
//! add tens of kilobytes to the wasm for one format.

use chrono::{Datelike, NaiveDate};

/// `2023-06-01`.
pub fn ymd(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Read `YYYY-MM-DD` (four, two and two digits); `None` for anything else or no such day.
pub fn parse_ymd(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_rejects() {
        let d = NaiveDate::from_ymd_opt(2023, 6, 1).unwrap_or_default();
        assert_eq!(ymd(d), "2023-06-01");
        assert_eq!(parse_ymd("2023-06-01"), Some(d));
        for bad in [
            "2023-6-01",
            "2023-02-30",
            "2023/06/01",
            "20230601",
            "2023-06-0x",
            "+023-06-01",
            "",
        ] {
            assert_eq!(parse_ymd(bad), None, "{bad}");
        }
    }
}
