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

use PluralCategory::{Few, Many, One, Other, Two, Zero};

/// The operands of CLDR's rules, of a number as shown: integer digits `i`,
/// the count `v` and value `f` of the fraction digits shown.
pub struct Operands {
    i: u64,
    v: usize,
    f: u64,
}

impl Operands {
    pub fn of(value: &Decimal) -> Operands {
        let text = value.to_string();
        let text = text.trim_start_matches(['-', '+']);
        let (int, frac) = text.split_once('.').unwrap_or((text, ""));
        Operands {
            i: int.parse().unwrap_or(u64::MAX),
            v: frac.len(),
            f: frac.parse().unwrap_or(0),
        }
    }

    /// `n` where it is a whole number: a condition comparing `n` (or `n`
    /// modulo something) with whole numbers never holds for a fraction.
    fn n(&self) -> Option<u64> {
        (self.f == 0).then_some(self.i)
    }
}

/// One type of a language's rules: the category of a number.
type Rule = fn(&Operands) -> PluralCategory;

fn is(hit: bool, category: PluralCategory) -> Option<PluralCategory> {
    hit.then_some(category)
}

fn n_is_1(o: &Operands) -> PluralCategory {
    is(o.n() == Some(1), One).unwrap_or(Other)
}

fn n_is_1_or_2(o: &Operands) -> PluralCategory {
    match o.n() {
        Some(1) => One,
        Some(2) => Two,
        _ => Other,
    }
}

fn n_0_to_1(o: &Operands) -> PluralCategory {
    is(matches!(o.n(), Some(0..=1)), One).unwrap_or(Other)
}

fn i_0_or_1(o: &Operands) -> PluralCategory {
    is(o.i <= 1, One).unwrap_or(Other)
}

fn i_1_v_0(o: &Operands) -> PluralCategory {
    is(o.i == 1 && o.v == 0, One).unwrap_or(Other)
}

fn none(_: &Operands) -> PluralCategory {
    Other
}

fn arabic(o: &Operands) -> PluralCategory {
    match o.n() {
        Some(0) => Zero,
        Some(1) => One,
        Some(2) => Two,
        Some(n) if (3..=10).contains(&(n % 100)) => Few,
        Some(n) if (11..=99).contains(&(n % 100)) => Many,
        _ => Other,
    }
}

fn manx(o: &Operands) -> PluralCategory {
    let whole = o.v == 0;
    None.or(is(whole && o.i % 10 == 1, One))
        .or(is(whole && o.i % 10 == 2, Two))
        .or(is(whole && o.i.is_multiple_of(20), Few))
        .or(is(!whole, Many))
        .unwrap_or(Other)
}

fn cornish(o: &Operands) -> PluralCategory {
    let Some(n) = o.n() else { return Other };
    let two = matches!(n % 100, 2 | 22 | 42 | 62 | 82)
        || n.is_multiple_of(1000)
            && matches!(n % 100_000, 1000..=20_000 | 40_000 | 60_000 | 80_000)
        || n != 0 && n % 1_000_000 == 100_000;
    match n {
        0 => Zero,
        1 => One,
        _ if two => Two,
        _ if matches!(n % 100, 3 | 23 | 43 | 63 | 83) => Few,
        _ if matches!(n % 100, 1 | 21 | 41 | 61 | 81) => Many,
        _ => Other,
    }
}

fn cornish_ordinal(o: &Operands) -> PluralCategory {
    match o.n() {
        Some(n)
            if (1..=4).contains(&n)
                || matches!(n % 100, 1..=4 | 21..=24 | 41..=44 | 61..=64 | 81..=84) =>
        {
            One
        }
        Some(n) if n == 5 || n % 100 == 5 => Many,
        _ => Other,
    }
}

fn langi(o: &Operands) -> PluralCategory {
    match o.n() {
        Some(0) => Zero,
        _ if o.i <= 1 => One,
        _ => Other,
    }
}

fn samogitian(o: &Operands) -> PluralCategory {
    match o.n() {
        _ if o.f != 0 => Many,
        Some(2) => Two,
        Some(n) if n % 10 == 1 && n % 100 != 11 => One,
        Some(n) if (2..=9).contains(&(n % 10)) && !(11..=19).contains(&(n % 100)) => Few,
        _ => Other,
    }
}

fn tachelhit(o: &Operands) -> PluralCategory {
    match o.n() {
        _ if o.i == 0 => One,
        Some(1) => One,
        Some(2..=10) => Few,
        _ => Other,
    }
}

fn tamazight(o: &Operands) -> PluralCategory {
    is(matches!(o.n(), Some(0..=1 | 11..=99)), One).unwrap_or(Other)
}

/// CLDR 48's rules for the languages ICU4X's compiled data leaves out (it
/// carries the locales of CLDR's wider coverage levels; `Intl` has all of
/// plurals.xml): language, cardinal rule, ordinal rule. The exhaustive
/// plural test checks every entry against `Intl.PluralRules`.
const SUPPLEMENT: &[(&str, Rule, Rule)] = &[
    ("an", n_is_1, none),
    ("ars", arabic, none),
    ("asa", n_is_1, none),
    ("bal", n_is_1, n_is_1),
    ("bem", n_is_1, none),
    ("bez", n_is_1, none),
    ("ce", n_is_1, none),
    ("cgg", n_is_1, none),
    ("dv", n_is_1, none),
    ("ff", i_0_or_1, none),
    ("fur", n_is_1, none),
    ("gsw", n_is_1, none),
    ("guw", n_0_to_1, none),
    ("gv", manx, none),
    ("haw", n_is_1, none),
    ("io", i_1_v_0, none),
    ("iu", n_is_1_or_2, none),
    ("jgo", n_is_1, none),
    ("jmc", n_is_1, none),
    ("kab", i_0_or_1, none),
    ("kaj", n_is_1, none),
    ("kcg", n_is_1, none),
    ("kkj", n_is_1, none),
    ("kl", n_is_1, none),
    ("ksb", n_is_1, none),
    ("kw", cornish, cornish_ordinal),
    ("lag", langi, none),
    ("lg", n_is_1, none),
    ("ln", n_0_to_1, none),
    ("mas", n_is_1, none),
    ("mg", n_0_to_1, none),
    ("mgo", n_is_1, none),
    ("nah", n_is_1, none),
    ("naq", n_is_1_or_2, none),
    ("nd", n_is_1, none),
    ("nnh", n_is_1, none),
    ("nr", n_is_1, none),
    ("ny", n_is_1, none),
    ("nyn", n_is_1, none),
    ("os", n_is_1, none),
    ("pap", n_is_1, none),
    ("rof", n_is_1, none),
    ("rwk", n_is_1, none),
    ("saq", n_is_1, none),
    ("sdh", n_is_1, none),
    ("se", n_is_1_or_2, none),
    ("seh", n_is_1, none),
    ("sgs", samogitian, none),
    ("shi", tachelhit, none),
    ("sma", n_is_1_or_2, none),
    ("smi", n_is_1_or_2, none),
    ("smj", n_is_1_or_2, none),
    ("smn", n_is_1_or_2, none),
    ("sms", n_is_1_or_2, none),
    ("sn", n_is_1, none),
    ("ss", n_is_1, none),
    ("ssy", n_is_1, none),
    ("teo", n_is_1, none),
    ("tig", n_is_1, none),
    ("ts", n_is_1, none),
    ("tzm", tamazight, none),
    ("ve", n_is_1, none),
    ("vo", n_is_1, none),
    ("vun", n_is_1, none),
    ("wa", n_0_to_1, none),
    ("wae", n_is_1, none),
    ("xog", n_is_1, none),
    ("yi", i_1_v_0, none),
];

/// Does CLDR have plural rules for `id` (its own, or its language's:
/// `pt-AO` → `pt-PT`, `sr-Latn` → `sr`)? Without them plurals follow
/// English, as `Intl.PluralRules` falls back to its default locale.
pub fn has_rules(id: &LanguageIdentifier) -> bool {
    source(&icu_locale(id)).is_some()
}

/// Where the rules of a locale come from.
enum Source {
    /// ICU4X's data for this locale.
    Icu(Locale),
    /// The supplement's entry: cardinal and ordinal rule.
    Supplement(Rule, Rule),
}

/// Where `locale`'s rules come from, `None` where CLDR has none.
///
/// CLDR's plural rules are per language (plus `pt-PT`), but ICU4X looks
/// them up along the locale's parents, and a script other than the
/// language's usual one has the root as its parent: `sr-Latn`, `az-Cyrl` or
/// `pa-Arab` would get the root's rules (everything `other`). Those take
/// their language's rules, as `Intl.PluralRules` gives them.
fn source(locale: &Locale) -> Option<Source> {
    let language = locale.id.language;
    if language.is_unknown() {
        return None;
    }
    let bare = Locale::from(icu_locale_core::LanguageIdentifier::from(language));
    if lands_on_language(locale) {
        Some(Source::Icu(locale.clone()))
    } else if lands_on_language(&bare) || OTHER_ONLY.contains(&language.as_str()) {
        Some(Source::Icu(bare))
    } else {
        SUPPLEMENT
            .iter()
            .find(|(l, ..)| *l == language.as_str())
            .map(|(_, cardinal, ordinal)| Source::Supplement(*cardinal, *ordinal))
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

/// The plural rules of one locale and type.
pub enum Rules {
    Icu(PluralRules),
    Supplement(Rule),
}

impl Rules {
    /// The rules `id` uses for `kind`: its own, or English's where CLDR has
    /// none.
    pub fn new(id: &LanguageIdentifier, kind: PluralRuleType) -> Result<Rules, String> {
        let english = || Source::Icu(Locale::try_from_str("en").expect("'en' is a valid locale"));
        match source(&icu_locale(id)).unwrap_or_else(english) {
            Source::Icu(locale) => PluralRules::try_new((&locale).into(), kind.into())
                .map(Rules::Icu)
                .map_err(|e| e.to_string()),
            Source::Supplement(_, ordinal) if kind == PluralRuleType::Ordinal => {
                Ok(Rules::Supplement(ordinal))
            }
            Source::Supplement(cardinal, _) => Ok(Rules::Supplement(cardinal)),
        }
    }

    /// The category `value` (already rounded as shown) takes.
    pub fn category(&self, value: &Decimal) -> &'static str {
        name(match self {
            Rules::Icu(rules) => rules.category_for(value),
            Rules::Supplement(rule) => rule(&Operands::of(value)),
        })
    }

    /// The categories these rules use, `other` included.
    pub fn categories(&self) -> BTreeSet<&'static str> {
        match self {
            Rules::Icu(rules) => rules.categories().map(name).collect(),
            Rules::Supplement(rule) => {
                // every category of the supplement's rules shows up among
                // these (Cornish `two` first at 1,000)
                let whole = (0..=1000).chain([20_000, 100_000]).map(Decimal::from);
                let fractions =
                    ["0.5", "1.0", "1.5"].map(|t| t.parse::<Decimal>().expect("a decimal"));
                whole
                    .chain(fractions)
                    .map(|d| name(rule(&Operands::of(&d))))
                    .chain(["other"])
                    .collect()
            }
        }
    }
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

/// The bundle's plural selector: the category of `n` in the memoizer's
/// locale, cardinal or ordinal as the number's `type` option says.
pub fn select(n: &FluentNumber, intls: &IntlLangMemoizer) -> Option<&'static str> {
    let value = plural_operand(n);
    intls
        .with_try_get::<Memoized, _, _>(n.options.r#type, |r| r.0.category(&value))
        .ok()
}

/// The cardinal plural categories `id` uses; `None` without CLDR rules.
pub fn categories(id: &LanguageIdentifier) -> Option<BTreeSet<&'static str>> {
    if !has_rules(id) {
        return None;
    }
    Rules::new(id, PluralRuleType::Cardinal)
        .ok()
        .map(|r| r.categories())
}

/// A locale's plural rules of one type, built once per bundle.
struct Memoized(Rules);

impl Memoizable for Memoized {
    type Args = FluentNumberType;
    type Error = String;

    fn construct(lang: LanguageIdentifier, kind: FluentNumberType) -> Result<Self, String> {
        let kind = match kind {
            FluentNumberType::Cardinal => PluralRuleType::Cardinal,
            FluentNumberType::Ordinal => PluralRuleType::Ordinal,
        };
        Rules::new(&lang, kind).map(Memoized)
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
        for tag in [
            "tg", "ja", "zh-Hant", "pt-AO", "sr-Latn", "az-Cyrl", "ar-EG", "en", "kab", "gv",
        ] {
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
        // languages ICU4X's data leaves out come from the supplement
        assert_eq!(cardinal("kab", 0.5), "one");
        assert_eq!(cardinal("gv", 20.0), "few");
        assert_eq!(cardinal("gv", 0.5), "many");
    }

    #[test]
    fn categories_come_from_the_same_rules() {
        let c = |t: &str| categories(&id(t)).unwrap().into_iter().collect::<Vec<_>>();
        assert_eq!(c("ru"), ["few", "many", "one", "other"]);
        assert_eq!(c("he"), ["one", "other", "two"]);
        assert_eq!(c("ja"), ["other"]);
        assert_eq!(c("kw"), ["few", "many", "one", "other", "two", "zero"]);
        assert_eq!(categories(&id("qaa")), None);
    }
}
