//! Plural categories from current CLDR, through ICU4X's compiled data: the
//! one source of plural rules in pamphlet. The resolver asks [`select`] which
//! variant of a select expression a number takes (installed as each bundle's
//! plural selector), and `check`, `status` and `add-locale` ask
//! [`categories`] and [`has_rules`] which categories a language uses.
//!
//! A number selects on what `Intl.PluralRules` (behind Project Fluent's
//! reference implementation) selects on: its value rounded with the
//! translator's digit options, or by default to at most three fraction
//! digits, so 0.000123 (shown as `0`) is Arabic `zero` and `1.0` is English
//! `other`. As there, a percent or an amount selects on its value, not on the
//! percent or minor-unit digits it is shown with.

use std::collections::BTreeSet;

use fixed_decimal::Decimal;
use fluent_bundle::types::{FluentNumber, FluentNumberType};
use icu_locale_core::Locale;
use icu_plurals::provider::{Baked, PluralsCardinalV1};
use icu_plurals::{PluralCategory, PluralRuleType, PluralRules};
use icu_provider::prelude::*;
use intl_memoizer::Memoizable;
use intl_memoizer::concurrent::IntlLangMemoizer;
use unic_langid::LanguageIdentifier;

use super::numbers::{icu_locale, plural_operand};

/// The CLDR plural categories, in CLDR's order.
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Languages whose CLDR cardinal rules have the one category `other`.
/// ICU4X stores them as the root locale's rules (its data keeps only what
/// differs from the parent), so its data alone cannot tell them from a
/// language CLDR has no rules for. From CLDR 48's plurals.xml; the exhaustive
/// plural test checks each against `Intl.PluralRules`.
const OTHER_ONLY: &[&str] = &[
    "bm", "bo", "dz", "hnj", "id", "ig", "ii", "ja", "jbo", "jv", "kde", "kea", "km", "ko", "lkt",
    "lo", "ms", "my", "nqo", "osa", "sah", "ses", "sg", "su", "th", "to", "tpi", "vi", "wo", "yo",
    "yue", "zh",
];

/// Does CLDR have plural rules for `id` (its own, or its language's:
/// `pt-AO` → `pt-PT`, `sr-Latn` → `sr`)? Without them plurals follow
/// English, as `Intl.PluralRules` falls back to its default locale.
pub fn has_rules(id: &LanguageIdentifier) -> bool {
    rules_locale(&icu_locale(id)).is_some()
}

/// The locale whose rules `locale` uses, `None` where CLDR has none.
///
/// CLDR's plural rules are per language (plus `pt-PT`), but ICU4X looks
/// them up along the locale's parents, and a script other than the
/// language's usual one has the root as its parent: `sr-Latn`, `az-Cyrl` or
/// `pa-Arab` would get the root's rules (everything `other`). Those take
/// their language's rules, as `Intl.PluralRules` gives them.
fn rules_locale(locale: &Locale) -> Option<Locale> {
    let language = locale.id.language;
    if language.is_unknown() {
        return None;
    }
    let bare = Locale::from(icu_locale_core::LanguageIdentifier::from(language));
    if lands_on_language(locale) {
        Some(locale.clone())
    } else if lands_on_language(&bare) || OTHER_ONLY.contains(&language.as_str()) {
        Some(bare)
    } else {
        None
    }
}

/// Does ICU4X have cardinal rules for `locale` or a parent other than root?
fn lands_on_language(locale: &Locale) -> bool {
    let data_locale = DataLocale::from(locale);
    let request = DataRequest {
        id: DataIdentifierBorrowed::for_locale(&data_locale),
        ..Default::default()
    };
    let found: Result<DataResponse<PluralsCardinalV1>, _> = Baked.load(request);
    found.is_ok_and(|r| r.metadata.locale.is_none_or(|l| !l.is_unknown()))
}

/// The rules `id` uses for `kind`: its own, or English's where CLDR has none.
pub fn rules(id: &LanguageIdentifier, kind: PluralRuleType) -> Result<PluralRules, DataError> {
    let locale = rules_locale(&icu_locale(id))
        .unwrap_or_else(|| Locale::try_from_str("en").expect("'en' is a valid locale"));
    PluralRules::try_new((&locale).into(), kind.into())
}

/// The name of a category, as a variant key writes it.
pub fn name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// The category `value` (already rounded as shown) takes under `rules`.
pub fn category(rules: &PluralRules, value: &Decimal) -> &'static str {
    name(rules.category_for(value))
}

/// The bundle's plural selector: the category of `n` in the memoizer's
/// locale, cardinal or ordinal as the number's `type` option says.
pub fn select(n: &FluentNumber, intls: &IntlLangMemoizer) -> Option<&'static str> {
    let value = plural_operand(n);
    intls
        .with_try_get::<Rules, _, _>(n.options.r#type, |r| category(&r.0, &value))
        .ok()
}

/// The cardinal plural categories `id` uses; `None` without CLDR rules.
pub fn categories(id: &LanguageIdentifier) -> Option<BTreeSet<&'static str>> {
    if !has_rules(id) {
        return None;
    }
    let rules = rules(id, PluralRuleType::Cardinal).ok()?;
    Some(rules.categories().map(name).collect())
}

/// A locale's plural rules of one type, built once per bundle.
struct Rules(PluralRules);

impl Memoizable for Rules {
    type Args = FluentNumberType;
    type Error = String;

    fn construct(lang: LanguageIdentifier, kind: FluentNumberType) -> Result<Self, String> {
        let kind = match kind {
            FluentNumberType::Cardinal => PluralRuleType::Cardinal,
            FluentNumberType::Ordinal => PluralRuleType::Ordinal,
        };
        rules(&lang, kind).map(Rules).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::types::FluentNumberOptions;

    fn id(tag: &str) -> LanguageIdentifier {
        tag.parse().unwrap()
    }

    fn pick(tag: &str, value: f64, options: FluentNumberOptions) -> &'static str {
        let intls = IntlLangMemoizer::new(id(tag));
        select(&FluentNumber::new(value, options), &intls).unwrap()
    }

    fn cardinal(tag: &str, value: f64) -> &'static str {
        pick(tag, value, FluentNumberOptions::default())
    }

    #[test]
    fn current_cldr_rules_are_used() {
        // French `many` came with CLDR 38, Hebrew lost it in CLDR 42
        assert_eq!(cardinal("fr", 1_000_000.0), "many");
        assert_eq!(cardinal("fr", 1000.0), "other");
        assert_eq!(cardinal("he", 100.0), "other");
        assert_eq!(cardinal("he", 0.5), "one");
        assert_eq!(cardinal("ru", 21.0), "one");
        assert_eq!(cardinal("ru", 22.0), "few");
        assert_eq!(cardinal("ru", 25.0), "many");
    }

    #[test]
    fn the_rounded_value_selects() {
        // 0.000123 is shown as 0
        assert_eq!(cardinal("pl", 0.000123), "many");
        assert_eq!(cardinal("cy", 0.000123), "zero");
        assert_eq!(cardinal("ar", 0.000123), "zero");
        // shown fraction digits count: 1.0 is not "one" in English
        let one_digit = FluentNumberOptions {
            minimum_fraction_digits: Some(1),
            ..Default::default()
        };
        assert_eq!(pick("en", 1.0, one_digit.clone()), "other");
        assert_eq!(pick("he", 0.0, one_digit), "one");
        let whole = FluentNumberOptions {
            maximum_fraction_digits: Some(0),
            ..Default::default()
        };
        assert_eq!(pick("en", 1.4, whole), "one");
    }

    #[test]
    fn ordinals_have_their_own_rules() {
        let ordinal = FluentNumberOptions {
            r#type: FluentNumberType::Ordinal,
            ..Default::default()
        };
        assert_eq!(pick("en", 22.0, ordinal.clone()), "two");
        assert_eq!(pick("en", 13.0, ordinal.clone()), "other");
        assert_eq!(pick("ru", 2.0, ordinal), "other");
    }

    #[test]
    fn rules_are_known_for_every_language_cldr_has() {
        for tag in ["tg", "ja", "zh-Hant", "pt-AO", "sr-Latn", "az-Cyrl", "ar-EG", "en"] {
            assert!(has_rules(&id(tag)), "{tag}");
        }
        for tag in ["und", "qaa", "iw-IL"] {
            assert!(!has_rules(&id(tag)), "{tag}");
        }
        // without rules, English's apply (as Intl's default locale)
        assert_eq!(cardinal("qaa", 1.0), "one");
        assert_eq!(cardinal("ja", 1.0), "other");
        // a script ICU4X's lookup would send to the root keeps its language's rules
        assert_eq!(cardinal("sr-Latn", 21.0), "one");
        assert_eq!(cardinal("az-Cyrl", 1.0), "one");
        assert_eq!(cardinal("pt-AO", 0.0), "other");
        assert_eq!(cardinal("pt", 0.0), "one");
    }

    #[test]
    fn categories_come_from_the_same_rules() {
        let c = |t: &str| categories(&id(t)).unwrap().into_iter().collect::<Vec<_>>();
        assert_eq!(c("ru"), ["few", "many", "one", "other"]);
        assert_eq!(c("he"), ["one", "other", "two"]);
        assert_eq!(c("ja"), ["other"]);
        assert_eq!(categories(&id("qaa")), None);
    }
}
