//! Literal values as `pamphlet.toml`, campaign files and the command line
//! write them: ISO 8601 dates and ISO 4217 currency codes. Below every
//! stage: the workspace validates them when it reads a file, the locale
//! stage formats them.

use icu_calendar::Date;
use icu_time::Time;

/// A calendar date with an optional wall-clock time (ISO 8601 proleptic
/// Gregorian, floating: no offset or zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IsoDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    /// Hour, minute, second, when the value has a time.
    pub time: Option<(u8, u8, u8)>,
}

impl IsoDate {
    /// Parses `YYYY-MM-DD`, optionally followed by `THH:MM` or `THH:MM:SS`
    /// (a space may replace the `T`). No offset or zone: dates are floating.
    pub fn parse(s: &str) -> Option<IsoDate> {
        // A UTC time (`Z`) is read as that wall-clock time, and fractional
        // seconds are dropped: printed leaflets show neither.
        let s = s.strip_suffix('Z').unwrap_or(s);
        let s = match s.split_once('.') {
            Some((head, frac))
                if head.len() == 19
                    && !frac.is_empty()
                    && frac.bytes().all(|c| c.is_ascii_digit()) =>
            {
                head
            }
            _ => s,
        };
        let b = s.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = num(0..4)? as i32;
        let month = num(5..7)? as u8;
        let day = num(8..10)? as u8;
        Date::try_new_iso(year, month, day).ok()?;
        let time = match b.len() {
            10 => None,
            16 | 19 if matches!(b[10], b'T' | b' ') && b[13] == b':' => {
                let h = num(11..13)? as u8;
                let m = num(14..16)? as u8;
                let sec = if b.len() == 19 {
                    if b[16] != b':' {
                        return None;
                    }
                    num(17..19)? as u8
                } else {
                    0
                };
                Time::try_new(h, m, sec, 0).ok()?;
                Some((h, m, sec))
            }
            _ => return None,
        };
        Some(IsoDate {
            year,
            month,
            day,
            time,
        })
    }

    /// The value as ISO 8601 text.
    pub fn iso(&self) -> String {
        let mut s = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        if let Some((h, m, sec)) = self.time {
            s.push_str(&format!("T{h:02}:{m:02}:{sec:02}"));
        }
        s
    }
}

/// Whether `code` is written as an ISO 4217 currency code (three capital
/// letters; whether the code exists is the formatter's business).
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}
