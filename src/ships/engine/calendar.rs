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

/// Read a date as people type it: `2023-06-01`, `2023-6-1`, `2023/6/1`, `2023.6.1`,
/// `2023年6月1日`, or a year and month alone (`2022-07`, `2022年7月`), read as the first of
/// the month, for people who know the month they graduated but not the day.
pub fn parse_input(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(d) = parse_ymd(s) {
        return Some(d);
    }
    // Runs of digits, each separated by one of - / . 年 月, and 日 at the end only.
    let mut parts: [u32; 3] = [0; 3];
    let mut widths: [usize; 3] = [0; 3];
    let mut n = 0;
    let mut after_sep = true;
    for c in s.chars() {
        match c {
            '0'..='9' => {
                if after_sep {
                    if n == 3 {
                        return None;
                    }
                    n += 1;
                    after_sep = false;
                }
                parts[n - 1] = parts[n - 1].checked_mul(10)? + (c as u32 - '0' as u32);
                widths[n - 1] += 1;
            }
            '-' | '/' | '.' | '年' | '月' | '日' if !after_sep => after_sep = true,
            _ => return None,
        }
    }
    if widths[0] != 4 || widths[1..n].iter().any(|w| *w > 2) {
        return None;
    }
    match n {
        2 => NaiveDate::from_ymd_opt(parts[0] as i32, parts[1], 1),
        3 => NaiveDate::from_ymd_opt(parts[0] as i32, parts[1], parts[2]),
        _ => None,
    }
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

    #[test]
    fn dates_as_people_type_them() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        for (s, want) in [
            ("2023-06-01", d(2023, 6, 1)),
            ("2023-6-1", d(2023, 6, 1)),
            ("2023/6/1", d(2023, 6, 1)),
            ("2023.06.01", d(2023, 6, 1)),
            ("2023年6月1日", d(2023, 6, 1)),
            ("2022-07", d(2022, 7, 1)),
            ("2022年7月", d(2022, 7, 1)),
            (" 2022/7 ", d(2022, 7, 1)),
            ("2022-13", None),
            ("2023-02-30", None),
            ("22-7", None),
            ("2022", None),
            ("", None),
        ] {
            assert_eq!(parse_input(s), want, "{s}");
        }
    }
}
