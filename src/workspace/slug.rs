//! Slugs: the only strings that become file and folder names under `out/`.
//!
//! A slug is lowercase ASCII letters, digits and `-`, starting with a letter or
//! digit, at most 64 characters, and never a name Windows reserves, so every
//! output path is safe on the print shop's machine too.

/// Checks that `s` may name an output file or folder.
pub fn validate(s: &str) -> Result<(), String> {
    if s.is_empty() {
        return Err("it is empty".into());
    }
    if s.len() > 64 {
        return Err("it is longer than 64 characters".into());
    }
    let first = s.as_bytes()[0];
    if !(first.is_ascii_lowercase() || first.is_ascii_digit()) {
        return Err("it must start with a lowercase letter or a digit".into());
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(format!(
            "it contains {c:?}; use lowercase letters, digits and '-'"
        ));
    }
    if is_windows_reserved(s) {
        return Err("it is a name Windows reserves for devices".into());
    }
    Ok(())
}

fn is_windows_reserved(s: &str) -> bool {
    let stem = s.split('.').next().unwrap_or(s).to_ascii_uppercase();
    matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::validate;

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
}
