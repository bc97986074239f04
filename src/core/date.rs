//! Calendar dates (no time of day, no time zone): trip start, catalogue dates.

use std::fmt;

/// A date of the proleptic Gregorian calendar.
#[derive(
    Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// 1970-01-01, a date that always exists (a safe default).
    pub const EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };

    /// A date from its parts; `None` when it does not exist (2026-02-30).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1900..=2200).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !(digits(year) && digits(month) && digits(day)) {
            return None;
        }
        Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// Whole months from `self` to `later` (0 when `later` is earlier).
    pub fn months_until(self, later: Date) -> u32 {
        let mut months =
            (later.year - self.year) * 12 + i32::from(later.month) - i32::from(self.month);
        if later.day < self.day {
            months -= 1;
        }
        u32::try_from(months).unwrap_or(0)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days later.
    #[must_use]
    pub fn plus_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days).unwrap_or(self)
    }

    /// The date of a day count since 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_dates_and_rejects_impossible_ones() {
        assert_eq!(
            Date::parse("2026-07-01").map(|d| d.to_string()),
            Some("2026-07-01".into())
        );
        assert_eq!(Date::parse("2028-02-29").map(Date::year), Some(2028));
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-7-1",
            "26-07-01",
            "2026-07-01x",
            "",
            "yyyy-mm-dd",
            "+202-07-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_whole_months() {
        let d = |s| Date::parse(s).unwrap_or_else(|| panic!("{s}"));
        assert_eq!(d("2026-01-15").months_until(d("2026-07-15")), 6);
        assert_eq!(d("2026-01-15").months_until(d("2026-07-14")), 5);
        assert_eq!(d("2025-11-30").months_until(d("2026-01-01")), 1);
        assert_eq!(d("2026-07-15").months_until(d("2026-01-15")), 0);
    }

    #[test]
    fn day_counts_round_trip() {
        let epoch = Date::new(1970, 1, 1).map(Date::days_since_epoch);
        assert_eq!(epoch, Some(0));
        let start = Date::parse("2026-12-30").unwrap_or_else(|| panic!());
        assert_eq!(start.plus_days(3).to_string(), "2027-01-02");
        for days in (-25_000..60_000).step_by(97) {
            let date = Date::from_days_since_epoch(days).unwrap_or_else(|| panic!("{days}"));
            assert_eq!(date.days_since_epoch(), days);
        }
    }
}
