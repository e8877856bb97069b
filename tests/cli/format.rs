//! `pamphlet format`: a campaign's variables passed as a build passes them,
//! `--arg` over them, the hint for a missing variable, and the bidi isolation
//! marks (kept in a pipe, left out with `--plain`).

use super::case::Case;

#[test]
fn format_passes_a_campaigns_variables_as_a_build_does() {
    let case = Case::fixture("mini");
    let deadline = ["format", "ru", "notice-deadline", "--campaign", "notice"];
    // notice-deadline is printed by a callout with `args = { days = 3 }`
    case.run(&[&deadline[..], &["--plain"]].concat())
        .code(0)
        .stdout("В течение 3 рабочих дней после переезда.\n")
        .stderr("from ru\n");
    // --arg still wins
    case.run(&[&deadline[..], &["--arg", "days=1", "--plain"]].concat())
        .code(0)
        .stdout("В течение 1 рабочего дня после переезда.\n");
    // valid-as-of and edition come from the campaign too; without --plain
    // (stdout is a pipe here) the isolation marks stay
    case.run(&["format", "en", "edition", "--campaign", "notice"])
        .code(0)
        .stdout("Valid as of \u{2068}1/15/2026\u{2069}, edition \u{2068}2\u{2069}.\n");
}

#[test]
fn format_without_the_variables_a_message_needs_says_how_to_give_them() {
    let case = Case::fixture("mini");
    case.run(&["format", "ru", "notice-deadline"]).code(1).stderr(
        "error: message 'notice-deadline' cannot be resolved in ru: broken in ru: Unknown variable: $days; broken in en: Unknown variable: $days
  = hint: give $days with --arg days=VALUE, or pass a campaign's variables with --campaign notice (campaigns that print notice-deadline: notice)
",
    );
    case.run(&["format", "ru", "notice-title", "--campaign", "nope"])
        .code(2)
        .stderr("error: --campaign nope: no such campaign (known: notice)\n");
}
