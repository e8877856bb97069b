//! Fluent functions available to translators. `NUMBER` is fluent-bundle's,
//! with its digit options clamped: unclamped, `minimumFractionDigits: 1e14`
//! makes fluent-bundle allocate that many zeros (a process abort), and 20 or
//! more fraction digits overflow the plural-operand arithmetic.

use fluent_bundle::{FluentArgs, FluentValue};

/// Largest digit count any `NUMBER` option may ask for.
pub const MAX_DIGITS: usize = 15;

#[allow(non_snake_case)]
pub fn NUMBER<'a>(positional: &[FluentValue<'a>], named: &FluentArgs) -> FluentValue<'a> {
    let Some(FluentValue::Number(n)) = positional.first() else {
        return FluentValue::Error;
    };
    let mut n = n.clone();
    n.options.merge(named);
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
