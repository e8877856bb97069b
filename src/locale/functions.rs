//! Fluent functions available to translators.
//!
//! `NUMBER` takes only display options, as in Project Fluent's reference
//! implementation: what a number *is* (a currency amount, a percent) is the
//! campaign author's choice, made with a typed variable. Its digit options are
//! clamped: unclamped, `minimumFractionDigits: 1e14` makes fluent-bundle
//! allocate that many zeros (a process abort), and 20 or more fraction digits
//! overflow the plural-operand arithmetic.
//!
//! `DATETIME` formats a date variable (or an ISO 8601 string) with the
//! display options of `Intl.DateTimeFormat` that Fluent allows.

use fluent_bundle::{FluentArgs, FluentValue};

use super::dates::FluentDate;

/// Largest digit count any `NUMBER` option may ask for.
pub const MAX_DIGITS: usize = 15;

/// The options a translator may pass to `NUMBER`. `type` (cardinal or
/// ordinal plural rules) is allowed too; the reference ignores it.
const NUMBER_OPTIONS: &[&str] = &[
    "currencyDisplay",
    "useGrouping",
    "minimumIntegerDigits",
    "minimumFractionDigits",
    "maximumFractionDigits",
    "minimumSignificantDigits",
    "maximumSignificantDigits",
    "type",
];

#[allow(non_snake_case)]
pub fn NUMBER<'a>(positional: &[FluentValue<'a>], named: &FluentArgs) -> FluentValue<'a> {
    let Some(FluentValue::Number(n)) = positional.first() else {
        return FluentValue::Error;
    };
    let mut n = n.clone();
    let mut allowed = FluentArgs::new();
    for (key, value) in named.iter() {
        if NUMBER_OPTIONS.contains(&key) {
            allowed.set(key.to_owned(), value.clone());
        }
    }
    n.options.merge(&allowed);
    let o = &mut n.options;
    for d in [
        &mut o.minimum_integer_digits,
        &mut o.minimum_fraction_digits,
        &mut o.maximum_fraction_digits,
        &mut o.minimum_significant_digits,
        &mut o.maximum_significant_digits,
    ]
    .into_iter()
    .flatten()
    {
        *d = (*d).min(MAX_DIGITS);
    }
    FluentValue::Number(n)
}

#[allow(non_snake_case)]
pub fn DATETIME<'a>(positional: &[FluentValue<'a>], named: &FluentArgs) -> FluentValue<'a> {
    let date = match positional.first() {
        Some(FluentValue::Custom(c)) => c.as_any().downcast_ref::<FluentDate>().cloned(),
        Some(FluentValue::String(s)) => FluentDate::parse(s),
        _ => None,
    };
    let Some(mut date) = date else {
        return FluentValue::Error;
    };
    date.merge(named);
    FluentValue::Custom(Box::new(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_options_are_clamped() {
        let mut named = FluentArgs::new();
        named.set("minimumFractionDigits", FluentValue::from(1e14));
        let FluentValue::Number(n) = NUMBER(&[FluentValue::from(1)], &named) else {
            panic!()
        };
        assert_eq!(n.options.minimum_fraction_digits, Some(MAX_DIGITS));
        assert_eq!(n.as_string(), "1.000000000000000");
        assert!(matches!(
            NUMBER(&[FluentValue::from("x")], &named),
            FluentValue::Error
        ));
    }
}
