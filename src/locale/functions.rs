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

use std::cell::RefCell;

use fluent_bundle::{FluentArgs, FluentValue};

use super::dates::FluentDate;
use super::numbers::MAX_DIGITS;

thread_local! {
    /// Why a function call failed during the current resolution on this
    /// thread. fluent-bundle prints a failed call as its name (`DATETIME()`)
    /// and records no error; [`take_call_errors`] lets the caller turn these
    /// into diagnostics instead of printing them.
    static CALL_ERRORS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// The call errors recorded on this thread since the last call, cleared.
pub fn take_call_errors() -> Vec<String> {
    CALL_ERRORS.with(|e| std::mem::take(&mut *e.borrow_mut()))
}

fn call_error<'a>(why: String) -> FluentValue<'a> {
    CALL_ERRORS.with(|e| e.borrow_mut().push(why));
    FluentValue::Error
}

/// How an argument looks in an error message.
fn describe(v: Option<&FluentValue>) -> String {
    match v {
        None => "nothing".to_owned(),
        Some(FluentValue::String(s)) => format!("the text \"{s}\""),
        Some(FluentValue::Number(n)) => format!("the number {}", n.value),
        Some(FluentValue::Custom(_)) => "a date".to_owned(),
        Some(FluentValue::Error) | Some(FluentValue::None) => "a missing value".to_owned(),
    }
}

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
        return call_error(format!(
            "NUMBER needs a number, not {}",
            describe(positional.first())
        ));
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
        return call_error(format!(
            "DATETIME needs a date (in TOML: 2026-12-31 or 2026-12-31T09:00:00), not {}",
            describe(positional.first())
        ));
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
        take_call_errors();
        assert!(matches!(
            NUMBER(&[FluentValue::from("x")], &named),
            FluentValue::Error
        ));
        assert_eq!(
            take_call_errors(),
            ["NUMBER needs a number, not the text \"x\""]
        );
        assert!(take_call_errors().is_empty());
    }
}
