//! Dates and times as Fluent values: a [`FluentDate`] is what a campaign's
//! date variable (`deadline = 2026-12-31`) becomes, and what `DATETIME`
//! returns. It formats in each locale's own patterns and default calendar
//! (the Solar Hijri calendar in Persian, as `Intl.DateTimeFormat` does) with
//! ICU4X and CLDR data compiled into the binary.
//!
//! Dates and times are *floating*: a leaflet's "valid from 1 November" or
//! "open 09:00" means that wall-clock value wherever it is read, so no time
//! zone is applied and none can be printed.

use std::borrow::Cow;
use std::collections::BTreeMap;

use fluent_bundle::FluentArgs;
use fluent_bundle::FluentValue;
use fluent_bundle::types::FluentType;
use icu_calendar::Date;
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::builder::{DateFields, FieldSetBuilder};
use icu_datetime::fieldsets::enums::CompositeDateTimeFieldSet;
use icu_datetime::options::{Length, TimePrecision, YearStyle};
use icu_datetime::pattern::DateTimeNames;
use icu_locale_core::preferences::extensions::unicode::keywords::HourCycle;
use icu_time::{DateTime, Time};
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use super::numbers::icu_locale;
use crate::literal::IsoDate;

/// The options Fluent's `DATETIME` lets a translator set (as in Project
/// Fluent's reference implementation; `timeZone` is not among them).
pub const DATETIME_OPTIONS: &[&str] = &[
    "dateStyle",
    "timeStyle",
    "fractionalSecondDigits",
    "dayPeriod",
    "hour12",
    "weekday",
    "era",
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "second",
    "timeZoneName",
];

/// A calendar date with an optional wall-clock time (ISO 8601 proleptic
/// Gregorian), and the display options set so far.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FluentDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    /// Hour, minute, second, when the value has a time.
    pub time: Option<(u8, u8, u8)>,
    pub options: BTreeMap<String, String>,
}

impl FluentDate {
    /// Parses a date as [`IsoDate::parse`] does, with no display options yet.
    pub fn parse(s: &str) -> Option<FluentDate> {
        let IsoDate {
            year,
            month,
            day,
            time,
        } = IsoDate::parse(s)?;
        Some(FluentDate {
            year,
            month,
            day,
            time,
            options: BTreeMap::new(),
        })
    }

    /// Merges the options a translator passed to `DATETIME`; others are
    /// ignored, as the reference implementation ignores them.
    pub fn merge(&mut self, named: &FluentArgs) {
        for (key, value) in named.iter() {
            if !DATETIME_OPTIONS.contains(&key) {
                continue;
            }
            let value = match value {
                FluentValue::String(s) => s.to_string(),
                FluentValue::Number(n) => n.value.to_string(),
                _ => continue,
            };
            self.options.insert(key.to_owned(), value);
        }
    }

    fn format(&self, intls: &intl_memoizer::concurrent::IntlLangMemoizer) -> String {
        let key = self.options.clone();
        intls
            .with_try_get::<Dates, _, _>(key, |f| {
                let Ok(date) = Date::try_new_iso(self.year, self.month, self.day) else {
                    return String::new();
                };
                let (h, m, s) = self.time.unwrap_or((0, 0, 0));
                let Ok(time) = Time::try_new(h, m, s, 0) else {
                    return String::new();
                };
                // CLDR 42+ puts U+202F (narrow no-break space) before AM/PM
                // and inside some dates; ECMAScript engines print a plain
                // space there, and so does pamphlet, for parity.
                f.0.format(&DateTime { date, time })
                    .to_string()
                    .replace('\u{202f}', " ")
            })
            .unwrap_or_else(|_| self.iso())
    }

    /// The value as ISO 8601 text.
    pub fn iso(&self) -> String {
        IsoDate {
            year: self.year,
            month: self.month,
            day: self.day,
            time: self.time,
        }
        .iso()
    }
}

impl FluentType for FluentDate {
    fn duplicate(&self) -> Box<dyn FluentType + Send> {
        Box::new(self.clone())
    }

    fn as_string(&self, _intls: &intl_memoizer::IntlLangMemoizer) -> Cow<'static, str> {
        // pamphlet only builds thread-safe bundles.
        self.iso().into()
    }

    fn as_string_threadsafe(
        &self,
        intls: &intl_memoizer::concurrent::IntlLangMemoizer,
    ) -> Cow<'static, str> {
        self.format(intls).into()
    }
}

/// A date-time formatter of one locale and set of `DATETIME` options.
struct Dates(DateTimeFormatter<CompositeDateTimeFieldSet>);

impl Memoizable for Dates {
    type Args = BTreeMap<String, String>;
    type Error = String;

    fn construct(lang: LanguageIdentifier, options: Self::Args) -> Result<Self, String> {
        let (builder, hour12) = field_set(&options);
        let fields = builder
            .build_composite_datetime()
            .map_err(|e| e.to_string())?;
        let mut prefs: icu_datetime::DateTimeFormatterPreferences = (&icu_locale(&lang)).into();
        if let Some(h12) = hour12 {
            prefs.hour_cycle = Some(if h12 { HourCycle::H12 } else { HourCycle::H23 });
        }
        let formatter = DateTimeFormatter::try_new(prefs, fields).map_err(|e| e.to_string())?;
        // ICU4X loads the names and the digit formatter a field set needs
        // from one of its patterns (the one with an era) and formats with
        // whichever pattern the date calls for. Where CLDR's patterns differ
        // in their numeric fields (Portuguese's long year-and-month quotes
        // its era pattern's year as text), the pattern used has digits and
        // no formatter was loaded for them: ICU4X then prints ASCII digits
        // in release builds and panics in debug ones. Loading the locale's
        // digit formatter in every case makes each pattern printable.
        let mut names = DateTimeNames::from_formatter(prefs, formatter);
        names
            .as_mut()
            .include_decimal_formatter()
            .map_err(|e| e.to_string())?;
        names
            .try_into_formatter(fields)
            .map(Dates)
            .map_err(|(e, _)| e.to_string())
    }
}

/// Maps `Intl.DateTimeFormat` options onto an ICU4X field set. ICU4X picks
/// the locale's pattern for the fields and length; ECMA-402 matches a
/// skeleton. Both read CLDR, and they agree on the styles; see
/// docs/fluent-compat.md for where component options may differ.
fn field_set(o: &BTreeMap<String, String>) -> (FieldSetBuilder, Option<bool>) {
    let get = |k: &str| o.get(k).map(String::as_str);
    let hour12 = get("hour12").map(|v| v == "true");
    let style_length = |s: &str| match s {
        "full" | "long" => Length::Long,
        "medium" => Length::Medium,
        _ => Length::Short,
    };
    let mut b = FieldSetBuilder::new();
    let date_style = get("dateStyle");
    let time_style = get("timeStyle");
    if date_style.is_some() || time_style.is_some() {
        if let Some(ds) = date_style {
            b.length = Some(style_length(ds));
            b.date_fields = Some(if ds == "full" {
                DateFields::YMDE
            } else {
                DateFields::YMD
            });
            if ds == "short" {
                b.year_style = Some(YearStyle::Auto);
            }
        }
        if let Some(ts) = time_style {
            b.time_precision = Some(if ts == "short" {
                TimePrecision::Minute
            } else {
                TimePrecision::Second
            });
            if b.length.is_none() {
                b.length = Some(Length::Medium);
            }
        }
        return (b, hour12);
    }

    let weekday = get("weekday");
    let (year, month, day) = (get("year"), get("month"), get("day"));
    let (hour, minute, second) = (get("hour"), get("minute"), get("second"));
    let any_date = weekday.is_some() || year.is_some() || month.is_some() || day.is_some();
    let any_time = hour.is_some() || minute.is_some() || second.is_some();
    // Intl's default: year, month and day, numeric.
    let (year, month, day) = if !any_date && !any_time {
        (Some("numeric"), Some("numeric"), Some("numeric"))
    } else {
        (year, month, day)
    };
    let fields = match (
        year.is_some(),
        month.is_some(),
        day.is_some(),
        weekday.is_some(),
    ) {
        (_, _, _, _) if !any_date && any_time => None,
        (true, _, true, true) | (true, true, _, true) => Some(DateFields::YMDE),
        (false, _, true, true) | (false, true, _, true) => Some(DateFields::MDE),
        (false, false, false, true) => Some(DateFields::E),
        (true, false, false, true) => Some(DateFields::YMDE),
        (true, true, true, false) | (true, false, true, false) => Some(DateFields::YMD),
        (true, true, false, false) => Some(DateFields::YM),
        (true, false, false, false) => Some(DateFields::Y),
        (false, true, true, false) => Some(DateFields::MD),
        (false, true, false, false) => Some(DateFields::M),
        (false, false, true, false) => Some(DateFields::D),
        (false, false, false, false) => None,
    };
    b.date_fields = fields;
    b.length = Some(match month {
        Some("long") => Length::Long,
        Some("short") | Some("narrow") => Length::Medium,
        _ if matches!(weekday, Some("long")) => Length::Long,
        _ => Length::Short,
    });
    if fields.is_some() && year.is_some() {
        b.year_style = Some(if year == Some("2-digit") {
            YearStyle::Auto
        } else {
            YearStyle::Full
        });
    }
    if any_time {
        b.time_precision = Some(if second.is_some() {
            TimePrecision::Second
        } else if minute.is_some() {
            TimePrecision::Minute
        } else {
            TimePrecision::Hour
        });
    }
    (b, hour12)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_and_times_parse_and_nothing_else() {
        let d = FluentDate::parse("2026-11-01").unwrap();
        assert_eq!((d.year, d.month, d.day, d.time), (2026, 11, 1, None));
        let d = FluentDate::parse("2026-11-01T09:30").unwrap();
        assert_eq!(d.time, Some((9, 30, 0)));
        assert_eq!(d.iso(), "2026-11-01T09:30:00");
        let d = FluentDate::parse("2026-11-01T09:30:15.250Z").unwrap();
        assert_eq!(d.time, Some((9, 30, 15)));
        for bad in [
            "2026-13-01",
            "2026-02-30",
            "26-11-01",
            "2026-11-01T25:00",
            "2026-11-01T09:30+04:00",
            "2026-11-01T09:30.5",
            "tomorrow",
            "",
        ] {
            assert!(FluentDate::parse(bad).is_none(), "{bad}");
        }
    }

    /// `value` formatted in `tag` with these `DATETIME` options.
    fn format(tag: &str, value: &str, options: &[(&str, &str)]) -> String {
        let intls = intl_memoizer::concurrent::IntlLangMemoizer::new(tag.parse().unwrap());
        let mut date = FluentDate::parse(value).unwrap();
        for (k, v) in options {
            date.options.insert(k.to_string(), v.to_string());
        }
        date.format(&intls)
    }

    #[test]
    fn a_pattern_whose_digits_differ_from_its_era_pattern_is_formatted() {
        // ICU4X's Portuguese long year-and-month patterns: `MMMM 'de' y`,
        // and with an era `MMMM 'de Y' GGG`, whose year is quoted text.
        let long_month = [("year", "numeric"), ("month", "long")];
        assert_eq!(format("pt", "2026-12-01", &long_month), "dezembro de 2026");
        assert_eq!(
            format("pt-PT", "2026-12-01", &long_month),
            "dezembro de 2026"
        );
    }

    #[test]
    fn every_kind_of_options_formats_in_locales_of_every_script_and_calendar() {
        // A formatter that lacks data for the pattern it picks returns an
        // error that ICU4X asserts against in debug builds: this fails there.
        let combos: &[&[(&str, &str)]] = &[
            &[],
            &[("dateStyle", "full")],
            &[("dateStyle", "long")],
            &[("dateStyle", "medium")],
            &[("dateStyle", "short"), ("timeStyle", "short")],
            &[("dateStyle", "long"), ("timeStyle", "medium")],
            &[("year", "numeric")],
            &[("year", "2-digit"), ("month", "long")],
            &[("year", "numeric"), ("month", "long")],
            &[("year", "numeric"), ("month", "short")],
            &[("year", "numeric"), ("month", "numeric")],
            &[("month", "long"), ("day", "numeric"), ("weekday", "long")],
            &[("month", "short"), ("day", "numeric")],
            &[("year", "numeric"), ("month", "short"), ("day", "numeric")],
            &[("weekday", "short")],
            &[
                ("hour", "numeric"),
                ("minute", "numeric"),
                ("hour12", "true"),
            ],
            &[
                ("hour", "numeric"),
                ("minute", "numeric"),
                ("second", "numeric"),
            ],
        ];
        let locales = [
            "en", "pt", "pt-PT", "es", "fr", "de", "ru", "uk", "ka", "hy", "el", "he", "ar",
            "ar-EG", "ar-SA", "fa", "ps", "ur", "hi", "bn", "mr", "ne", "th", "lo", "my", "km",
            "ja", "zh", "zh-Hant", "ko", "am", "ti", "dz", "uz-Arab", "pa-Arab", "ks", "sat",
        ];
        for tag in locales {
            for options in combos {
                for date in ["2026-12-01T09:05:07", "1999-01-31", "0900-06-15"] {
                    let shown = format(tag, date, options);
                    assert!(!shown.is_empty(), "{tag} {options:?} {date}");
                }
            }
        }
    }
}
