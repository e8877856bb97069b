//! Language names in their own language and script (endonyms: `русский`,
//! `العربية`, `ქართული`), from CLDR through ICU4X, for the language
//! switcher of every HTML page. A reader looks for their own language in
//! their own script, not in the language of the page they landed on.
//! Pseudo-locales get CLDR's names for them (`English (Pseudo-Accents)`).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use icu_experimental::displaynames::DisplayNamesOptions;
use icu_experimental::displaynames::multi::LocaleDisplayNamesFormatter;
use icu_locale_core::Locale;
use icu_provider::prelude::{DataError, DataMarker, DataProvider, DataRequest, DataResponse};

/// Endonyms of languages that ICU4X's compiled display-name data (modern
/// CLDR coverage only) does not name, among those a migration service
/// publishes in: CLDR's own names for them, by language subtag.
const MORE_ENDONYMS: &[(&str, &str)] = &[
    ("am", "አማርኛ"),
    ("az", "Azərbaycan"),
    ("be", "Беларуская"),
    ("ckb", "کوردیی ناوەندی"),
    ("fil", "Filipino"),
    ("ha", "Hausa"),
    ("ig", "Igbo"),
    ("ka", "ქართული"),
    ("km", "ខ្មែរ"),
    ("ky", "Кыргызча"),
    ("mn", "Монгол"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("prs", "دری"),
    ("ps", "پښتو"),
    ("si", "සිංහල"),
    ("sq", "Shqip"),
    ("sw", "Kiswahili"),
    ("tg", "Тоҷикӣ"),
    ("tk", "Türkmen dili"),
    ("ur", "اردو"),
    ("uz", "Oʻzbek"),
    ("yo", "Èdè Yorùbá"),
];

/// The name of the language of `tag` in that language, with its first letter
/// capitalized where the script's writers do (a menu entry, not a word inside a
/// sentence). Pseudo-locales and tags CLDR has no name for keep their tag.
///
/// Memoized for the process: every document's page lists every language,
/// and the answer for a tag never changes.
pub fn endonym(tag: &str) -> String {
    static NAMES: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
    let names = NAMES.get_or_init(Default::default);
    if let Some(name) = names.lock().ok().and_then(|n| n.get(tag).cloned()) {
        return name;
    }
    let name = look_up(tag);
    if let Ok(mut n) = names.lock() {
        n.insert(tag.to_owned(), name.clone());
    }
    name
}

fn look_up(tag: &str) -> String {
    let Ok(locale) = tag.parse::<Locale>() else {
        return tag.to_owned();
    };
    let from_cldr = LocaleDisplayNamesFormatter::try_new_unstable(
        &Quiet,
        (&locale).into(),
        DisplayNamesOptions::default(),
    )
    .ok()
    .map(|names| names.of(&locale).into_owned())
    // with no name in its data, the formatter returns the code itself
    .filter(|name| !name.is_empty() && !name.eq_ignore_ascii_case(tag));
    let name = match from_cldr {
        Some(name) => name,
        None => {
            let language = locale.id.language.as_str();
            match MORE_ENDONYMS.iter().find(|(l, _)| *l == language) {
                Some((_, name)) if tag.eq_ignore_ascii_case(language) => (*name).to_owned(),
                // a region or script keeps its code beside the language's name
                Some((_, name)) => format!("{name} ({})", &tag[language.len() + 1..]),
                None => return tag.to_owned(),
            }
        }
    };
    // Latin, Greek and Cyrillic only: Georgian has capitals (Mtavruli) but
    // never starts a word with one, and the other scripts have no case
    let mut chars = name.chars();
    match chars.next() {
        Some(first) if first < '\u{0530}' => first.to_uppercase().chain(chars).collect(),
        _ => name,
    }
}

/// ICU4X's compiled data, asked without logging a miss: most languages
/// have no display names in it, and a debug build would print each miss.
struct Quiet;

impl<M: DataMarker> DataProvider<M> for Quiet
where
    icu_experimental::provider::Baked: DataProvider<M>,
{
    fn load(&self, mut req: DataRequest) -> Result<DataResponse<M>, DataError> {
        req.metadata.silent = true;
        icu_experimental::provider::Baked.load(req)
    }
}

#[cfg(test)]
mod tests {
    use super::endonym;

    #[test]
    fn each_language_is_named_in_itself() {
        let names: Vec<String> = ["en", "ru", "ar", "ka", "az", "fa", "uk", "tr"]
            .iter()
            .map(|t| endonym(t))
            .collect();
        assert_eq!(
            names,
            [
                "English",
                "Русский",
                "العربية",
                "ქართული",
                "Azərbaycan",
                "فارسی",
                "Українська",
                "Türkçe"
            ]
        );
    }

    #[test]
    fn unknown_tags_keep_their_code() {
        assert_eq!(endonym("xx"), "xx");
        assert_eq!(endonym("not a tag"), "not a tag");
        assert_eq!(endonym("ka-GE"), "ქართული (GE)");
    }
}
