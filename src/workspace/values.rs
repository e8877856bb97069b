//! Values that campaign files hand to Fluent: variables (numbers, strings,
//! dates) and references to messages (`id` or `id.attribute`).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::source::Position;

/// A variable's value, passed to messages as a Fluent argument.
///
/// What a number *is* is the campaign author's choice, written as a table in
/// TOML, and it formats as such in every locale: `{ amount = 30, currency =
/// "AZN" }` is money, `{ percent = 25 }` is 25 %. TOML dates (`2026-12-31`,
/// `2026-12-31T09:00:00`) are dates for `DATETIME`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum VarValue {
    Number(f64),
    String(String),
    /// An amount of money in an ISO 4217 currency.
    Amount {
        amount: f64,
        currency: String,
    },
    /// A ratio shown as a percent: 0.25 prints as 25 %.
    Percent {
        ratio: f64,
    },
    /// A floating date, with or without a wall-clock time, as ISO 8601 text.
    Date {
        date: String,
    },
}

impl VarValue {
    /// Converts a TOML value: a number, a string, a date, or a typed number
    /// (`{ amount, currency }`, `{ percent }`).
    pub fn from_toml(v: &toml::Value) -> Result<VarValue, String> {
        match v {
            toml::Value::Integer(i) => Self::number(*i as f64),
            toml::Value::Float(f) => Self::number(*f),
            toml::Value::String(s) => Ok(VarValue::String(s.clone())),
            toml::Value::Datetime(d) => Self::date(d),
            toml::Value::Table(t) => Self::typed(t),
            other => Err(format!(
                "a variable must be a number, a string, a date or a table such as {{ amount = 30, currency = \"AZN\" }}, not {}",
                other.type_str()
            )),
        }
    }

    fn date(d: &toml::value::Datetime) -> Result<VarValue, String> {
        if d.offset.is_some() || d.date.is_none() {
            return Err(format!(
                "'{d}' is not a floating date: write a date (2026-12-31) or a date and time without an offset (2026-12-31T09:00:00)"
            ));
        }
        let text = d.to_string();
        // TOML allows fractional seconds; printed leaflets never show them.
        let text = text.split('.').next().unwrap_or(&text).to_owned();
        match crate::literal::IsoDate::parse(&text) {
            Some(parsed) => Ok(VarValue::Date { date: parsed.iso() }),
            None => Err(format!("'{d}' is not a date pamphlet can format")),
        }
    }

    fn typed(t: &toml::Table) -> Result<VarValue, String> {
        let number = |key: &str| -> Result<f64, String> {
            match t.get(key) {
                Some(toml::Value::Integer(i)) => Ok(*i as f64),
                Some(toml::Value::Float(f)) => Ok(*f),
                _ => Err(format!("'{key}' must be a number")),
            }
        };
        let keys: Vec<&str> = t.keys().map(String::as_str).collect();
        match keys.as_slice() {
            ["amount", "currency"] | ["currency", "amount"] => {
                let amount = number("amount")?;
                Self::number(amount)?;
                let currency = t["currency"].as_str().unwrap_or_default();
                if !crate::literal::is_currency_code(currency) {
                    return Err(format!(
                        "'{currency}' is not a currency code: use the three capital letters of ISO 4217, e.g. \"AZN\""
                    ));
                }
                Ok(VarValue::Amount {
                    amount,
                    currency: currency.to_owned(),
                })
            }
            ["percent"] => {
                let percent = number("percent")?;
                Self::number(percent)?;
                Ok(VarValue::Percent {
                    ratio: ratio(percent),
                })
            }
            _ => Err(format!(
                "a typed variable is {{ amount = 30, currency = \"AZN\" }} or {{ percent = 25 }}, not a table with {}",
                if keys.is_empty() {
                    "no keys".to_owned()
                } else {
                    keys.join(", ")
                }
            )),
        }
    }

    /// Reads a value given on the command line: a number, `30 AZN` (an
    /// amount), `25%` (a percent), an ISO date, or else a string.
    pub fn from_arg(s: &str) -> VarValue {
        let s_trim = s.trim();
        if let Ok(n) = s_trim.parse::<f64>()
            && let Ok(v) = Self::number(n)
        {
            return v;
        }
        if let Some(p) = s_trim.strip_suffix('%')
            && let Ok(n) = p.trim().parse::<f64>()
            && Self::number(n).is_ok()
        {
            return VarValue::Percent { ratio: ratio(n) };
        }
        if let Some((amount, code)) = s_trim.rsplit_once(' ')
            && crate::literal::is_currency_code(code)
            && let Ok(n) = amount.trim().parse::<f64>()
            && Self::number(n).is_ok()
        {
            return VarValue::Amount {
                amount: n,
                currency: code.to_owned(),
            };
        }
        if let Some(d) = crate::literal::IsoDate::parse(s_trim) {
            return VarValue::Date { date: d.iso() };
        }
        VarValue::String(s.to_owned())
    }

    /// A number Fluent can format and select plurals on: finite, below 10^15,
    /// at most 15 decimal places (fluent-bundle's plural operands overflow
    /// beyond that).
    fn number(n: f64) -> Result<VarValue, String> {
        let shown = n.abs().to_string();
        let decimals = shown.split_once('.').map_or(0, |(_, f)| f.len());
        if !n.is_finite() || n.abs() >= 1e15 || decimals > 15 {
            let n = if n.abs() >= 1e15 {
                format!("{n:e}")
            } else {
                n.to_string()
            };
            return Err(format!(
                "the number {n} cannot be formatted: use a value below 10^15 with at most 15 decimal places"
            ));
        }
        Ok(VarValue::Number(n))
    }
}

/// 25 (percent) as the ratio 0.25, without binary noise: the decimal
/// shifted by two places, not a float division (33.3 / 100 is 0.33299…).
fn ratio(percent: f64) -> f64 {
    let mut d: fixed_decimal::Decimal = match percent.to_string().parse() {
        Ok(d) => d,
        Err(_) => return percent / 100.0,
    };
    d.multiply_pow10(-2);
    d.to_string().parse().unwrap_or(percent / 100.0)
}

impl std::fmt::Display for VarValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VarValue::Number(n) => write!(f, "{n}"),
            VarValue::String(s) => f.write_str(s),
            VarValue::Amount { amount, currency } => write!(f, "{amount} {currency}"),
            VarValue::Percent { ratio } => write!(f, "{ratio} (percent)"),
            VarValue::Date { date } => f.write_str(date),
        }
    }
}

/// Variables by name, in a stable order.
pub type Vars = BTreeMap<String, VarValue>;

/// Is `s` a valid Fluent identifier (message id, attribute or variable name)?
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A reference from a campaign to a message value or attribute.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct MessageRef {
    pub id: String,
    pub attr: Option<String>,
}

impl MessageRef {
    /// Parses `id` or `id.attr`.
    pub fn parse(s: &str) -> Result<MessageRef, String> {
        let (id, attr) = match s.split_once('.') {
            Some((id, attr)) => (id, Some(attr)),
            None => (s, None),
        };
        if s.starts_with('-') {
            return Err(format!(
                "'{s}' is a term; campaigns name messages, and messages may use terms"
            ));
        }
        if !is_identifier(id) || attr.is_some_and(|a| !is_identifier(a)) {
            return Err(format!(
                "'{s}' is not a message id; ids are letters, digits, '-' and '_', starting with a letter, optionally followed by .attribute"
            ));
        }
        Ok(MessageRef {
            id: id.to_owned(),
            attr: attr.map(str::to_owned),
        })
    }
}

impl std::fmt::Display for MessageRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.attr {
            Some(a) => write!(f, "{}.{}", self.id, a),
            None => f.write_str(&self.id),
        }
    }
}

/// A message reference as written in a campaign file, with where it was written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Text {
    pub msg: MessageRef,
    pub position: Position,
    /// Block-level arguments, merged over the campaign's variables.
    pub args: Vars,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_fluent_cannot_handle_are_refused() {
        assert_eq!(
            VarValue::from_toml(&toml::Value::Integer(15)),
            Ok(VarValue::Number(15.0))
        );
        assert_eq!(
            VarValue::from_toml(&toml::Value::Float(12.5)),
            Ok(VarValue::Number(12.5))
        );
        for bad in [f64::NAN, f64::INFINITY, 1e20, 1.234_567_890_123_456_7e-10] {
            assert!(
                VarValue::from_toml(&toml::Value::Float(bad)).is_err(),
                "{bad}"
            );
        }
        assert!(VarValue::from_toml(&toml::Value::Integer(i64::MAX)).is_err());
        assert!(VarValue::from_toml(&toml::Value::Boolean(true)).is_err());
    }

    fn toml_var(text: &str) -> Result<VarValue, String> {
        let table: toml::Table = toml::from_str(&format!("v = {text}")).unwrap();
        VarValue::from_toml(&table["v"])
    }

    #[test]
    fn typed_numbers_and_dates_are_read_and_checked() {
        assert_eq!(
            toml_var(r#"{ amount = 30, currency = "AZN" }"#),
            Ok(VarValue::Amount {
                amount: 30.0,
                currency: "AZN".into()
            })
        );
        assert_eq!(
            toml_var("{ percent = 25 }"),
            Ok(VarValue::Percent { ratio: 0.25 })
        );
        assert_eq!(
            toml_var("{ percent = 33.3 }"),
            Ok(VarValue::Percent { ratio: 0.333 })
        );
        assert_eq!(
            toml_var("{ percent = -5 }"),
            Ok(VarValue::Percent { ratio: -0.05 })
        );
        assert_eq!(
            toml_var("2026-12-31"),
            Ok(VarValue::Date {
                date: "2026-12-31".into()
            })
        );
        assert_eq!(
            toml_var("2026-12-31T09:30:00"),
            Ok(VarValue::Date {
                date: "2026-12-31T09:30:00".into()
            })
        );
        for bad in [
            r#"{ amount = 30, currency = "manat" }"#,
            r#"{ amount = 30 }"#,
            r#"{ amount = "30", currency = "AZN" }"#,
            "{ percent = 1e300 }",
            "{ ratio = 2 }",
            "2026-12-31T09:30:00+04:00",
            "09:30:00",
        ] {
            assert!(toml_var(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn command_line_values_are_typed_by_their_shape() {
        assert_eq!(VarValue::from_arg("3"), VarValue::Number(3.0));
        assert_eq!(
            VarValue::from_arg("30 AZN"),
            VarValue::Amount {
                amount: 30.0,
                currency: "AZN".into()
            }
        );
        assert_eq!(
            VarValue::from_arg("12.5%"),
            VarValue::Percent { ratio: 0.125 }
        );
        assert_eq!(
            VarValue::from_arg("2026-11-01"),
            VarValue::Date {
                date: "2026-11-01".into()
            }
        );
        assert_eq!(VarValue::from_arg("Baku"), VarValue::String("Baku".into()));
    }

    #[test]
    fn message_refs_parse_ids_and_attributes() {
        assert_eq!(
            MessageRef::parse("logo.alt").unwrap(),
            MessageRef {
                id: "logo".into(),
                attr: Some("alt".into())
            }
        );
        assert_eq!(MessageRef::parse("a-b_c").unwrap().attr, None);
        for bad in ["", "-term", "1abc", "a.", "a.b.c", "a b", "$x"] {
            assert!(MessageRef::parse(bad).is_err(), "{bad:?}");
        }
    }
}
