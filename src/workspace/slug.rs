//! Slugs: the only strings that become file and folder names under `out/`.
//!
//! A slug is lowercase ASCII letters, digits and `-`, starting with a letter or
//! digit, at most 64 characters, and never a name Windows reserves, so every
//! output path is safe on the print shop's machine too.

/// Checks that `s` may name an output file or folder; the error says why not,
/// in words that fit after "cannot be a campaign id: ".
pub fn validate(s: &str) -> Result<(), String> {
    if s.is_empty() {
        return Err("it is empty".into());
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(format!(
            "it contains {c:?}: ids are ASCII lowercase letters (a-z), digits and '-'"
        ));
    }
    if s.starts_with('-') {
        return Err("it starts with '-': ids start with a letter (a-z) or a digit".into());
    }
    if s.len() > 64 {
        return Err("it is longer than 64 characters".into());
    }
    if is_windows_reserved(s) {
        return Err("it is a name Windows reserves for devices".into());
    }
    Ok(())
}

/// A valid slug made from `s`: ASCII letters lowercased, every other run of
/// characters turned into one `-` (`Return Home` → `return-home`,
/// `flyer_2026` → `flyer-2026`). `None` when nothing usable is left, as for a
/// name in another script: pamphlet does not transliterate.
pub fn suggest(s: &str) -> Option<String> {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out.truncate(64);
    while out.ends_with('-') {
        out.pop();
    }
    validate(&out).ok().map(|()| out)
}

/// `s` (in any case, with any extension) is a device name Windows reserves:
/// no change of letters makes it usable, so [`suggest`] offers nothing.
pub fn is_windows_reserved(s: &str) -> bool {
    let stem = s.split('.').next().unwrap_or(s).to_ascii_uppercase();
    matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::{suggest, validate};

    #[test]
    fn accepts_plain_slugs_and_refuses_paths_and_devices() {
        assert!(validate("register-stay").is_ok());
        assert!(validate("2026-flyer").is_ok());
        for bad in [
            "", "../x", "/abs", "C:\\x", "con", "lpt1", "Flyer", "-x", "a b", "a.b",
        ] {
            assert!(validate(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(validate(&"a".repeat(65)).is_err());
    }

    #[test]
    fn errors_say_what_an_id_is_made_of() {
        assert_eq!(
            validate("возврат").unwrap_err(),
            "it contains 'в': ids are ASCII lowercase letters (a-z), digits and '-'"
        );
        assert_eq!(
            validate("Return Home").unwrap_err(),
            "it contains 'R': ids are ASCII lowercase letters (a-z), digits and '-'"
        );
        assert_eq!(
            validate("-x").unwrap_err(),
            "it starts with '-': ids start with a letter (a-z) or a digit"
        );
    }

    #[test]
    fn suggestions_keep_the_ascii_parts() {
        assert_eq!(suggest("Return Home").as_deref(), Some("return-home"));
        assert_eq!(suggest("  flyer_2026!! ").as_deref(), Some("flyer-2026"));
        assert_eq!(suggest("возврат домой 2026").as_deref(), Some("2026"));
        assert_eq!(suggest("возврат"), None);
        assert_eq!(suggest("CON"), None, "a device name is no suggestion");
        let long = suggest(&format!("{}-b", "a".repeat(70))).unwrap();
        assert_eq!(long, "a".repeat(64));
    }
}
