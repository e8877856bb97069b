//! Hints that quote the source text quote it as the `.ftl` file writes it.

use super::*;

#[test]
fn hints_quote_the_source_as_written() {
    let ws = fixture("mini");
    let ru = ws.path().join("locales/ru/notice.ftl");
    edit(
        &ru,
        "edition = Действует с { $valid-as-of }, издание { $edition }.\n",
        "",
    );
    edit(
        &ru,
        "notice-deadline =\n    В течение { $days ->\n        [one] { $days } рабочего дня\n       *[other] { $days } рабочих дней\n    } после переезда.\n",
        "",
    );
    edit(
        &ru,
        "notice-intro =\n    Вы здесь дольше { $days ->\n        [one] { $days } дня\n       *[other] { $days } дней\n    }? Зарегистрируйтесь в { -org }.\n",
        "",
    );
    let o = pamphlet(ws.path(), &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let hints: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "message-missing")
        .filter(|d| d["location"]["file"] == "locales/ru/notice.ftl")
        .map(|d| d["hint"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        hints,
        [
            "add it to locales/ru/notice.ftl; source (en): `Valid as of { $valid-as-of }, edition { $edition }.`",
            // placeables as typed, select variants with their keys
            "add it to locales/ru/notice.ftl; source (en): `Within { $days -> [one] { $days } working day *[other] { $days } working days } of moving.`",
            // long: cut at a word, with an ellipsis
            "add it to locales/ru/notice.ftl; source (en): `Staying more than { $days -> [one] { $days } day *[other] { $days } days }? Register with the {…`",
            "add it to locales/ru/notice.ftl; source (en): `Send it by e-mail or bring it to an office near you before the deadline ends, please.`",
        ],
        "{report}"
    );
}
