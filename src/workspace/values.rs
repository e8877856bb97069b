//! Values that campaign files hand to Fluent: variables (numbers, strings,
//! dates) and references to messages (`id` or `id.attribute`).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::source::Position;

/// A variable's value, passed to messages as a Fluent argument.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum VarValue {
    Number(f64),
    String(String),
}

impl VarValue {
    /// Converts a TOML value; only numbers, strings and dates are variables.
    pub fn from_toml(v: &toml::Value) -> Result<VarValue, String> {
        match v {
            toml::Value::Integer(i) => Self::number(*i as f64),
            toml::Value::Float(f) => Self::number(*f),
            toml::Value::String(s) => Ok(VarValue::String(s.clone())),
            toml::Value::Datetime(d) => Ok(VarValue::String(d.to_string())),
            other => Err(format!(
                "a variable must be a number, a string or a date, not {}",
                other.type_str()
            )),
        }
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

impl std::fmt::Display for VarValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VarValue::Number(n) => write!(f, "{n}"),
            VarValue::String(s) => f.write_str(s),
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
