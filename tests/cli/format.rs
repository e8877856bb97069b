//! `pamphlet format`: a campaign's variables passed as a build passes them,
//! `--arg` over them, the hint for a missing variable, and the bidi isolation
//! marks (kept in a pipe, left out with `--plain`).

use super::*;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn format_passes_a_campaigns_variables_as_a_build_does() {
    let ws = fixture("mini");
    // notice-deadline is printed by a callout with `args = { days = 3 }`
    let o = pamphlet(
        ws.path(),
        &[
            "format",
            "ru",
            "notice-deadline",
            "--campaign",
            "notice",
            "--plain",
        ],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "В течение 3 рабочих дней после переезда.\n");
    assert_eq!(stderr(&o), "from ru\n");
    // --arg still wins
    let o = pamphlet(
        ws.path(),
        &[
            "format",
            "ru",
            "notice-deadline",
            "--campaign",
            "notice",
            "--arg",
            "days=1",
            "--plain",
        ],
    );
    assert_eq!(stdout(&o), "В течение 1 рабочего дня после переезда.\n");
    // valid-as-of and edition come from the campaign too; without --plain
    // (stdout is a pipe here) the isolation marks stay
    let o = pamphlet(
        ws.path(),
        &["format", "en", "edition", "--campaign", "notice"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "Valid as of \u{2068}1/15/2026\u{2069}, edition \u{2068}2\u{2069}.\n"
    );
}

#[test]
fn format_without_the_variables_a_message_needs_says_how_to_give_them() {
    let ws = fixture("mini");
    let o = pamphlet(ws.path(), &["format", "ru", "notice-deadline"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        stderr(&o),
        "error: message 'notice-deadline' cannot be resolved in ru: broken in ru: Unknown variable: $days, Unknown variable: $days; broken in en: Unknown variable: $days, Unknown variable: $days
  = hint: give $days with --arg days=VALUE, or pass a campaign's variables with --campaign notice (campaigns that print notice-deadline: notice)
"
    );
    let o = pamphlet(
        ws.path(),
        &["format", "ru", "notice-title", "--campaign", "nope"],
    );
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "error: --campaign nope: no such campaign (known: notice)\n"
    );
}
