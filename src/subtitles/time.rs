//! Cue times: what a campaign author may write, and the two timestamp forms
//! the subtitle files need.
//!
//! Accepted forms (all in seconds unless a unit or colons say otherwise):
//! a TOML number (`4`, `4.5`), a string of seconds (`"4.5"`, `"4.5s"`,
//! `"4s"`), of milliseconds (`"4500ms"`), or a timestamp with colons
//! (`"01:02.5"` is 1 min 2.5 s, `"00:01:02.500"` is the same with hours).
//! At most three decimals: a cue time is a whole number of milliseconds.
//! Times stop below 100 hours so that every timestamp has the two-digit
//! hours SRT expects.

use std::fmt;

/// A point in time or a duration, in milliseconds from the start of the video.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(transparent)]
pub struct Millis(pub u64);

/// The first time that is too large: 100 hours.
const LIMIT: u64 = 100 * 3_600_000;

/// Why a cue time could not be read. Every message says which forms work.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error(
        "'{0}' is not a time: write seconds (4.5 or \"4.5s\"), milliseconds (\"4500ms\") \
         or a timestamp (\"01:02.5\", \"00:01:02.500\")"
    )]
    Malformed(String),
    #[error(
        "'{0}' has minutes or seconds of 60 or more: in a timestamp such as \
         \"01:02.5\" both stay below 60"
    )]
    OutOfRange(String),
    #[error("'{0}' has more than three decimals: cue times are whole milliseconds")]
    TooPrecise(String),
    #[error("'{0}' is negative: a cue time counts from the start of the video")]
    Negative(String),
    #[error("'{0}' is 100 hours or more: subtitle timestamps stop below that")]
    TooLarge(String),
}

impl Millis {
    pub const ZERO: Millis = Millis(0);

    /// Reads a time written as a string (see the module doc for the forms).
    pub fn parse(input: &str) -> Result<Millis, TimeError> {
        let s = input.trim();
        let bad = || TimeError::Malformed(input.to_string());
        if s.is_empty() {
            return Err(bad());
        }
        if s.starts_with('-') {
            return Err(TimeError::Negative(input.to_string()));
        }
        let ms = if s.contains(':') {
            let parts: Vec<&str> = s.split(':').collect();
            let (h, m, sec) = match parts.as_slice() {
                [m, sec] => ("0", *m, *sec),
                [h, m, sec] => (*h, *m, *sec),
                _ => return Err(bad()),
            };
            let h = whole(h).ok_or_else(bad)?;
            let m = whole(m).ok_or_else(bad)?;
            // "1:02" and "01:02" alike; the seconds may carry decimals,
            // with a point or SRT's comma
            let sec = decimal(&sec.replace(',', "."), input)?;
            if m >= 60 || sec >= 60_000 {
                return Err(TimeError::OutOfRange(input.to_string()));
            }
            h.checked_mul(3_600_000)
                .and_then(|h| h.checked_add(m * 60_000))
                .and_then(|t| t.checked_add(sec))
                .ok_or_else(|| TimeError::TooLarge(input.to_string()))?
        } else if let Some(n) = s.strip_suffix("ms") {
            let n = n.trim_end();
            if n.contains('.') {
                return Err(TimeError::TooPrecise(input.to_string()));
            }
            whole(n).ok_or_else(bad)?
        } else {
            let n = s.strip_suffix('s').map_or(s, str::trim_end);
            decimal(n, input)?
        };
        if ms >= LIMIT {
            return Err(TimeError::TooLarge(input.to_string()));
        }
        Ok(Millis(ms))
    }

    /// A time written as a TOML float of seconds.
    pub fn from_secs_f64(secs: f64) -> Result<Millis, TimeError> {
        let shown = || format!("{secs}");
        if secs.is_nan() || secs.is_infinite() {
            return Err(TimeError::Malformed(shown()));
        }
        if secs < 0.0 {
            return Err(TimeError::Negative(shown()));
        }
        let ms = (secs * 1000.0).round();
        // a float that is not whole milliseconds after rounding away the
        // binary noise (4.0005 s) is refused like the string "4.0005"
        if ((secs * 1000.0) - ms).abs() > 1e-6 * ms.max(1.0) {
            return Err(TimeError::TooPrecise(shown()));
        }
        if ms >= LIMIT as f64 {
            return Err(TimeError::TooLarge(shown()));
        }
        // in range and whole, so the conversion is exact
        Ok(Millis(ms as u64))
    }

    /// A time written as a TOML integer of seconds.
    pub fn from_secs_i64(secs: i64) -> Result<Millis, TimeError> {
        if secs < 0 {
            return Err(TimeError::Negative(secs.to_string()));
        }
        let ms = secs.unsigned_abs().saturating_mul(1000);
        if ms >= LIMIT {
            return Err(TimeError::TooLarge(secs.to_string()));
        }
        Ok(Millis(ms))
    }

    /// A time as a campaign file writes it: a string, an integer or a float.
    pub fn from_toml(value: &toml::Value) -> Result<Millis, TimeError> {
        match value {
            toml::Value::String(s) => Millis::parse(s),
            toml::Value::Integer(i) => Millis::from_secs_i64(*i),
            toml::Value::Float(f) => Millis::from_secs_f64(*f),
            other => Err(TimeError::Malformed(other.to_string())),
        }
    }

    /// Seconds, for reading-speed arithmetic and messages.
    pub fn as_secs_f64(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    pub fn saturating_sub(self, other: Millis) -> Millis {
        Millis(self.0.saturating_sub(other.0))
    }

    pub fn saturating_add(self, other: Millis) -> Millis {
        Millis(self.0.saturating_add(other.0))
    }

    /// `HH:MM:SS.mmm`, the WebVTT timestamp (and the voice-over script's).
    pub fn vtt(self) -> String {
        self.stamp('.')
    }

    /// `HH:MM:SS,mmm`, the SubRip timestamp.
    pub fn srt(self) -> String {
        self.stamp(',')
    }

    fn stamp(self, sep: char) -> String {
        let ms = self.0;
        format!(
            "{:02}:{:02}:{:02}{sep}{:03}",
            ms / 3_600_000,
            ms / 60_000 % 60,
            ms / 1000 % 60,
            ms % 1000
        )
    }
}

/// Seconds in plain words for messages: `2.5 s`, `7 s`, `0.833 s`.
impl fmt::Display for Millis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / 1000;
        let frac = self.0 % 1000;
        if frac == 0 {
            write!(f, "{whole} s")
        } else {
            let digits = format!("{frac:03}");
            write!(f, "{whole}.{} s", digits.trim_end_matches('0'))
        }
    }
}

/// ASCII digits only (no sign, no `_`, not empty), as a number.
fn whole(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 12 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `4`, `4.5`, `.5`, `4.` as milliseconds; at most three decimals.
fn decimal(s: &str, input: &str) -> Result<u64, TimeError> {
    let bad = || TimeError::Malformed(input.to_string());
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() && frac.is_empty() {
        return Err(bad());
    }
    let int = if int.is_empty() {
        0
    } else {
        whole(int).ok_or_else(bad)?
    };
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    if frac.len() > 3 {
        return Err(TimeError::TooPrecise(input.to_string()));
    }
    let frac_ms: u64 = format!("{frac:0<3}").parse().map_err(|_| bad())?;
    int.checked_mul(1000)
        .and_then(|ms| ms.checked_add(frac_ms))
        .ok_or_else(|| TimeError::TooLarge(input.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_written_form_parses() {
        for (input, ms) in [
            ("00:01:02.500", 62_500),
            ("01:02.5", 62_500),
            ("1:02", 62_000),
            ("4.5s", 4_500),
            ("4s", 4_000),
            ("4.5 s", 4_500),
            ("4.5", 4_500),
            (".25", 250),
            ("4500ms", 4_500),
            ("00:00:04,250", 4_250),
            ("99:59:59.999", LIMIT - 1),
            (" 3s ", 3_000),
        ] {
            assert_eq!(Millis::parse(input), Ok(Millis(ms)), "{input}");
        }
        assert_eq!(Millis::from_secs_f64(4.5), Ok(Millis(4_500)));
        assert_eq!(Millis::from_secs_f64(0.1 + 0.2), Ok(Millis(300)));
        assert_eq!(Millis::from_secs_i64(7), Ok(Millis(7_000)));
        let v: toml::Table = toml::from_str("a = 2\nb = 2.25\nc = \"01:00\"").unwrap();
        assert_eq!(Millis::from_toml(&v["a"]), Ok(Millis(2_000)));
        assert_eq!(Millis::from_toml(&v["b"]), Ok(Millis(2_250)));
        assert_eq!(Millis::from_toml(&v["c"]), Ok(Millis(60_000)));
    }

    #[test]
    fn what_is_refused_says_which_form_works() {
        for input in [
            "", "abc", "4.5x", "1:2:3:4", "+4", "4..5", "1_000", "s", ":", "1:a",
        ] {
            let e = Millis::parse(input).unwrap_err();
            assert!(matches!(e, TimeError::Malformed(_)), "{input}: {e:?}");
            assert!(e.to_string().contains("\"01:02.5\""), "{e}");
        }
        assert!(matches!(
            Millis::parse("01:60.0"),
            Err(TimeError::OutOfRange(_))
        ));
        assert!(matches!(
            Millis::parse("60:00"),
            Err(TimeError::OutOfRange(_))
        ));
        assert!(matches!(
            Millis::parse("4.0005"),
            Err(TimeError::TooPrecise(_))
        ));
        assert!(matches!(
            Millis::parse("4.5ms"),
            Err(TimeError::TooPrecise(_))
        ));
        assert!(matches!(Millis::parse("-4s"), Err(TimeError::Negative(_))));
        assert!(matches!(
            Millis::parse("100:00:00"),
            Err(TimeError::TooLarge(_))
        ));
        assert!(matches!(
            Millis::parse("999999999999:00:00"),
            Err(TimeError::TooLarge(_))
        ));
        assert!(matches!(
            Millis::from_secs_f64(-0.5),
            Err(TimeError::Negative(_))
        ));
        assert!(matches!(
            Millis::from_secs_f64(f64::NAN),
            Err(TimeError::Malformed(_))
        ));
        assert!(matches!(
            Millis::from_secs_f64(1e300),
            Err(TimeError::TooLarge(_))
        ));
        assert!(matches!(
            Millis::from_secs_f64(1.0005),
            Err(TimeError::TooPrecise(_))
        ));
        assert!(matches!(
            Millis::from_secs_i64(i64::MAX),
            Err(TimeError::TooLarge(_))
        ));
        assert!(matches!(
            Millis::from_secs_i64(-1),
            Err(TimeError::Negative(_))
        ));
        let v: toml::Table = toml::from_str("a = true").unwrap();
        assert!(Millis::from_toml(&v["a"]).is_err());
    }

    #[test]
    fn formats_round_trip_through_parse() {
        for ms in [0, 1, 999, 1_000, 62_500, 3_599_999, 3_600_000, LIMIT - 1] {
            let t = Millis(ms);
            assert_eq!(Millis::parse(&t.vtt()), Ok(t), "{}", t.vtt());
            assert_eq!(Millis::parse(&t.srt()), Ok(t), "{}", t.srt());
        }
        assert_eq!(Millis(62_500).vtt(), "00:01:02.500");
        assert_eq!(Millis(62_500).srt(), "00:01:02,500");
        assert_eq!(Millis(LIMIT - 1).vtt(), "99:59:59.999");
        assert_eq!(Millis(2_500).to_string(), "2.5 s");
        assert_eq!(Millis(833).to_string(), "0.833 s");
        assert_eq!(Millis(7_000).to_string(), "7 s");
    }

    proptest::proptest! {
        #[test]
        fn any_string_parses_or_says_why(s in "[0-9:.,sm -]{0,16}") {
            if let Ok(t) = Millis::parse(&s) {
                proptest::prop_assert_eq!(Millis::parse(&t.vtt()), Ok(t));
            }
        }
    }
}
