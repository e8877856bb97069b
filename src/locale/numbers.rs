//! Locale-aware number formatting with ICU4X and CLDR data compiled into the
//! binary: grouping, decimal separator, the locale's own digits, currency and
//! percent patterns, and the digit options of Fluent's `NUMBER`.
//!
//! fluent-bundle formats every number as Rust prints it (`1234.5` in every
//! language); [`format_value`] is installed as each bundle's formatter and
//! replaces that with what ECMA-402's `Intl.NumberFormat` (behind Project
//! Fluent's reference implementation) prints. The formatters are built once
//! per locale and options, through the bundle's memoizer.

use std::str::FromStr;

use fixed_decimal::{Decimal, SignedRoundingMode, UnsignedRoundingMode};
use fluent_bundle::FluentValue;
use fluent_bundle::types::{
    FluentNumber, FluentNumberCurrencyDisplayStyle, FluentNumberOptions, FluentNumberStyle,
};
use icu_decimal::DecimalFormatter;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_decimal::provider::{DecimalDigitsV1, DecimalSymbolsV1};
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::dimension::percent::formatter::PercentFormatter;
use icu_experimental::dimension::provider::currency::extended::CurrencyExtendedDataV1;
use icu_experimental::dimension::provider::currency::fractions::CurrencyFractionsV1;
use icu_experimental::dimension::provider::currency::patterns::CurrencyPatternsDataV1;
use icu_experimental::dimension::provider::currency::symbols::CurrencyDecimalSymbolsV1;
use icu_experimental::provider::Baked as ExperimentalData;
use icu_locale_core::Locale;
use icu_plurals::provider::PluralsCardinalV1;
use icu_provider::prelude::*;
use intl_memoizer::Memoizable;
use intl_memoizer::concurrent::IntlLangMemoizer;
use unic_langid::LanguageIdentifier;

/// Largest digit count any `NUMBER` option may ask for (`functions.rs`
/// clamps the options to it; the formatter clamps again).
pub const MAX_DIGITS: usize = 15;

/// The ICU4X locale of a Fluent locale (`und` when ICU cannot read it).
pub fn icu_locale(lang: &LanguageIdentifier) -> Locale {
    Locale::try_from_str(&lang.to_string()).unwrap_or(Locale::UNKNOWN)
}

/// The bundle formatter: numbers are formatted with the locale's data; other
/// values keep fluent-bundle's own formatting (`None`).
pub fn format_value(value: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(format_number(n, intls)),
        _ => None,
    }
}

/// Formats `n` in the memoizer's locale as `Intl.NumberFormat` would.
pub fn format_number(n: &FluentNumber, intls: &IntlLangMemoizer) -> String {
    let opts = &n.options;
    let result = match (opts.style, &opts.currency) {
        (FluentNumberStyle::Currency, Some(code)) if crate::literal::is_currency_code(code) => {
            let key = (code.clone(), opts.currency_display);
            intls.with_try_get::<Currency, _, _>(key, |f| {
                let digits = f.digits;
                let value = decimal(n.value, opts, (digits, digits));
                let shown = f.formatter.format_fixed_decimal(&value).to_string();
                if !has_digit_options(opts) {
                    return shown;
                }
                // ICU4X pads an amount to the currency's minor unit whatever
                // the options; where a translator asked for other digits, put
                // the number formatted as asked in place of the padded one.
                let mut padded = value.clone();
                padded.absolute.pad_end(-(digits as i16));
                padded.absolute.trim_start();
                let padded = f.plain.format(&absolute(&padded)).to_string();
                let wanted = f.plain.format(&absolute(&value)).to_string();
                if padded != wanted && shown.contains(&padded) {
                    shown.replacen(&padded, &wanted, 1)
                } else {
                    shown
                }
            })
        }
        (FluentNumberStyle::Percent, _) => intls.with_try_get::<Percent, _, _>((), |f| {
            let mut value = exact(n.value);
            value.multiply_pow10(2);
            let value = round(value, opts, (0, 0));
            match &f.arabic {
                Some((digits, sign)) => format!("{}{sign}", digits.format(&value)),
                None => f.formatter.format(&value).to_string(),
            }
        }),
        _ => intls.with_try_get::<Numbers, _, _>(opts.use_grouping, |f| {
            let value = decimal(n.value, opts, (0, 3));
            f.0.format(&value).to_string()
        }),
    };
    // A formatter that cannot be built (no data at all) falls back to the
    // plain digits rather than losing the number.
    result.unwrap_or_else(|_| n.as_string().into_owned())
}

/// The value `n` selects plural variants on, as `Intl.PluralRules` with the
/// same options rounds it: the translator's digit options, or at most three
/// fraction digits, whatever the style. The fraction digits kept (`1.0` has
/// one) are the plural operand `v`.
pub fn plural_operand(n: &FluentNumber) -> Decimal {
    decimal(n.value, &n.options, (0, 3))
}

/// Default minimum and maximum fraction digits of a style (ECMA-402:
/// decimal 0–3, percent 0–0, currency its minor unit).
type Digits = (usize, usize);

/// Did the translator set any digit option?
fn has_digit_options(o: &FluentNumberOptions) -> bool {
    [
        o.minimum_integer_digits,
        o.minimum_fraction_digits,
        o.maximum_fraction_digits,
        o.minimum_significant_digits,
        o.maximum_significant_digits,
    ]
    .iter()
    .any(Option::is_some)
}

/// `value` as the decimal it prints as: Rust prints the shortest text that
/// reads back as the same f64, as ECMAScript does, and that text is the
/// decimal that gets rounded.
fn exact(value: f64) -> Decimal {
    Decimal::from_str(&value.to_string()).unwrap_or_else(|_| Decimal::from(0))
}

/// Rounds and pads `value` as `Intl.NumberFormat` does for these options.
fn decimal(value: f64, opts: &FluentNumberOptions, defaults: Digits) -> Decimal {
    round(exact(value), opts, defaults)
}

/// The magnitude of `d`, without its sign.
fn absolute(d: &Decimal) -> Decimal {
    let mut a = d.clone();
    a.sign = fixed_decimal::Sign::None;
    a
}

/// Applies the digit options (or the style's defaults) to `d`.
fn round(mut d: Decimal, opts: &FluentNumberOptions, defaults: Digits) -> Decimal {
    let clamp = |v: Option<usize>| v.map(|v| v.min(MAX_DIGITS) as i16);
    let min_sig = clamp(opts.minimum_significant_digits);
    let max_sig = clamp(opts.maximum_significant_digits);
    let half_expand = SignedRoundingMode::Unsigned(UnsignedRoundingMode::HalfExpand);
    if min_sig.is_some() || max_sig.is_some() {
        let min_sig = min_sig.unwrap_or(1).max(1);
        let max_sig = max_sig.unwrap_or(21).max(min_sig);
        let top = |d: &Decimal| {
            if d.absolute.is_zero() {
                0
            } else {
                d.absolute.nonzero_magnitude_start()
            }
        };
        d.round_with_mode(top(&d) - max_sig + 1, half_expand);
        d.absolute.trim_end();
        d.absolute.pad_end(top(&d) - min_sig + 1);
    } else {
        let mut min_fd = clamp(opts.minimum_fraction_digits);
        let mut max_fd = clamp(opts.maximum_fraction_digits);
        match (min_fd, max_fd) {
            (Some(min), None) => max_fd = Some(min.max(defaults.1 as i16)),
            (None, Some(max)) => min_fd = Some(max.min(defaults.0 as i16)),
            _ => {}
        }
        let min_fd = min_fd.unwrap_or(defaults.0 as i16);
        let max_fd = max_fd.unwrap_or(defaults.1 as i16).max(min_fd);
        d.round_with_mode(-max_fd, half_expand);
        d.absolute.trim_end();
        d.absolute.pad_end(-min_fd);
    }
    d.absolute.trim_start();
    if let Some(min_int) = clamp(opts.minimum_integer_digits) {
        d.absolute.pad_start(min_int.max(1));
    }
    d
}

/// A decimal formatter of one locale, with or without grouping.
struct Numbers(DecimalFormatter);

impl Memoizable for Numbers {
    /// Whether to group digits.
    type Args = bool;
    type Error = String;

    fn construct(lang: LanguageIdentifier, grouping: bool) -> Result<Self, String> {
        let mut options = DecimalFormatterOptions::default();
        options.grouping_strategy = Some(if grouping {
            GroupingStrategy::Auto
        } else {
            GroupingStrategy::Never
        });
        DecimalFormatter::try_new((&icu_locale(&lang)).into(), options)
            .map(Numbers)
            .map_err(|e| e.to_string())
    }
}

/// A percent formatter of one locale.
struct Percent {
    formatter: PercentFormatter<DecimalFormatter>,
    /// For Arabic-Indic digits: the locale's decimal formatter and the
    /// percent sign that follows the number.
    arabic: Option<(DecimalFormatter, &'static str)>,
}

impl Memoizable for Percent {
    type Args = ();
    type Error = String;

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, String> {
        let locale = icu_locale(&lang);
        let formatter = PercentFormatter::try_new((&locale).into(), Default::default())
            .map_err(|e| e.to_string())?;
        let digits = DecimalFormatter::try_new((&locale).into(), Default::default())
            .map_err(|e| e.to_string())?;
        let zero = digits.format(&Decimal::from(0)).to_string();
        let arabic = arabic_percent_sign(&lang, zero.chars().next()).map(|sign| (digits, sign));
        Ok(Percent { formatter, arabic })
    }
}

/// The percent sign CLDR gives the Arabic-Indic numbering systems, for a
/// locale whose digits start at `zero`; `None` for other digits.
///
/// ICU4X's percent data carries the Latin numbering system's sign and
/// pattern whatever the locale's digits (`١٣‎%‎` for `ar-EG`). With Arabic-Indic
/// digits, CLDR's percent is the signed number, symbols and all, followed by
/// the sign of `arab` (`٪` and an Arabic letter mark; Central Kurdish a
/// no-break space and `٪`) or `arabext` (`٪`; Urdu keeps `%`), as
/// `Intl.NumberFormat` prints it. Other numbering systems' percents agree
/// with ICU4X's pattern.
fn arabic_percent_sign(lang: &LanguageIdentifier, zero: Option<char>) -> Option<&'static str> {
    let language = lang.language.as_str();
    match zero? {
        '\u{660}' if language == "ckb" => Some("\u{a0}\u{66a}"),
        '\u{660}' => Some("\u{66a}\u{61c}"),
        '\u{6f0}' if language == "ur" => Some("%"),
        '\u{6f0}' => Some("\u{66a}"),
        _ => None,
    }
}

/// A currency formatter of one locale, currency and display.
struct Currency {
    formatter: CurrencyFormatter<DecimalFormatter>,
    /// The locale's decimal formatter, for the number inside the pattern.
    plain: DecimalFormatter,
    /// The currency's minor-unit digits (2 for AZN, 0 for JPY).
    digits: usize,
}

impl Memoizable for Currency {
    /// The ISO 4217 code and how the currency is shown.
    type Args = (String, FluentNumberCurrencyDisplayStyle);
    type Error = String;

    fn construct(
        lang: LanguageIdentifier,
        (code_text, display): Self::Args,
    ) -> Result<Self, String> {
        let code = CurrencyType::try_from_str(&code_text).map_err(|e| e.to_string())?;
        let locale = icu_locale(&lang);
        let prefs = (&locale).into();
        let prefs_decimal = (&locale).into();
        let formatter = match display {
            FluentNumberCurrencyDisplayStyle::Code => {
                CurrencyFormatter::try_new_code(prefs, code, Default::default())
            }
            FluentNumberCurrencyDisplayStyle::Name => CurrencyFormatter::try_new_name_unstable(
                &LocalNamePattern((&locale).into()),
                prefs,
                code,
            ),
            FluentNumberCurrencyDisplayStyle::Symbol => {
                CurrencyFormatter::try_new_symbol(prefs, code, Default::default())
            }
        }
        .map_err(|e| e.to_string())?;
        let plain = DecimalFormatter::try_new(prefs_decimal, Default::default())
            .map_err(|e| e.to_string())?;
        Ok(Currency {
            formatter,
            plain,
            digits: minor_unit(&code_text),
        })
    }
}

/// The compiled data of a currency-name formatter, with the locale's own
/// pattern for the number and the name.
///
/// icu_experimental 0.7 asks for that pattern without a locale and gets the
/// root's `{0} {1}` in every language, where CLDR writes Japanese and
/// Chinese without a space (`1.00米ドル`) and Sinhala with the name first.
/// This provider answers that request in the formatter's locale (and its
/// CLDR fallbacks); every other request goes to the compiled data unchanged.
struct LocalNamePattern(DataLocale);

impl DataProvider<CurrencyPatternsDataV1> for LocalNamePattern {
    fn load(&self, req: DataRequest) -> Result<DataResponse<CurrencyPatternsDataV1>, DataError> {
        let id = DataIdentifierBorrowed::for_marker_attributes_and_locale(
            req.id.marker_attributes,
            &self.0,
        );
        ExperimentalData.load(DataRequest { id, ..req })
    }
}

/// Passes requests for these markers on to `$data`, the compiled data.
macro_rules! compiled {
    ($data:path: $($marker:ty),*) => {$(
        impl DataProvider<$marker> for LocalNamePattern {
            fn load(&self, req: DataRequest) -> Result<DataResponse<$marker>, DataError> {
                $data.load(req)
            }
        }
    )*};
}
compiled!(ExperimentalData: CurrencyExtendedDataV1, CurrencyDecimalSymbolsV1, CurrencyFractionsV1);
compiled!(icu_decimal::provider::Baked: DecimalSymbolsV1, DecimalDigitsV1);
compiled!(icu_plurals::provider::Baked: PluralsCardinalV1);

/// Minor-unit digits of a currency, where CLDR's default differs from 2
/// (only used when a translator sets digit options on an amount; otherwise
/// ICU4X applies CLDR's own currency data).
fn minor_unit(code: &str) -> usize {
    match code {
        "JPY" | "KRW" | "VND" | "CLP" | "ISK" | "UGX" | "XAF" | "XOF" | "PYG" => 0,
        "BHD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn percent(tag: &str, value: f64) -> String {
        let intls = IntlLangMemoizer::new(tag.parse().unwrap());
        let options = FluentNumberOptions {
            style: FluentNumberStyle::Percent,
            ..Default::default()
        };
        format_number(&FluentNumber::new(value, options), &intls)
    }

    #[test]
    fn currency_names_follow_the_locales_pattern() {
        let name = |tag: &str| {
            let intls = IntlLangMemoizer::new(tag.parse().unwrap());
            let options = FluentNumberOptions {
                style: FluentNumberStyle::Currency,
                currency: Some("USD".into()),
                currency_display: FluentNumberCurrencyDisplayStyle::Name,
                ..Default::default()
            };
            format_number(&FluentNumber::new(1.0, options), &intls)
        };
        assert_eq!(name("en"), "1.00 US dollars");
        assert_eq!(name("ja"), "1.00米ドル");
        assert_eq!(name("zh"), "1.00美元");
        assert_eq!(name("zh-Hant"), "1.00 美元");
        assert_eq!(name("si"), "ඇමරිකානු ඩොලර්1.00");
    }

    #[test]
    fn percents_take_the_sign_of_the_digits_shown() {
        // Arabic-Indic digits: the sign and letter mark of `arab`
        assert_eq!(percent("ar-EG", 0.13), "١٣\u{66a}\u{61c}");
        assert_eq!(percent("ar-EG", -0.13), "\u{61c}-١٣\u{66a}\u{61c}");
        assert_eq!(percent("ckb", 0.13), "١٣\u{a0}\u{66a}");
        // Extended Arabic-Indic: Persian's sign, Urdu's Latin one
        assert_eq!(percent("fa", -0.13), "\u{200e}\u{2212}۱۳\u{66a}");
        assert_eq!(percent("ur-IN", 0.13), "۱۳%");
        // Latin digits keep the locale's own pattern
        assert_eq!(percent("ar", 0.13), "13\u{200e}%\u{200e}");
        assert_eq!(percent("tr", 0.13), "%13");
        assert_eq!(percent("bn", 0.13), "১৩%");
    }
}
