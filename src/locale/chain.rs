//! Fallback chains: for each locale, the locales to try, in order, when a
//! message is missing or broken. A chain starts with the locale itself and
//! always ends at the source locale.

use std::collections::BTreeMap;

use unic_langid::LanguageIdentifier;

use crate::workspace::{Locale, LocaleId, PerLocale};

/// Builds every locale's chain. An explicit chain from `pamphlet.toml` is used
/// as written; otherwise the chain is derived by dropping subtags
/// (`az-Cyrl-AZ` → `az-Cyrl` → `az`), keeping only configured locales.
pub fn build(
    locales: &PerLocale<Locale>,
    source: LocaleId,
    explicit: &BTreeMap<LocaleId, Vec<LocaleId>>,
) -> PerLocale<Vec<LocaleId>> {
    locales.map(|i, locale| {
        let mut chain = vec![i];
        let mut push = |j: LocaleId| {
            if !chain.contains(&j) {
                chain.push(j);
            }
        };
        match explicit.get(&i) {
            Some(list) => list.iter().copied().for_each(&mut push),
            None => {
                for parent in parents(&locale.id) {
                    if let Some(j) = locales.position(|l| l.id == parent) {
                        push(j);
                    }
                }
            }
        }
        push(source);
        chain
    })
}

/// Less specific forms of `id`: without variants, then without region, then without script.
fn parents(id: &LanguageIdentifier) -> Vec<LanguageIdentifier> {
    let mut out = Vec::new();
    let mut cur = id.clone();
    if cur.variants().next().is_some() {
        cur.clear_variants();
        out.push(cur.clone());
    }
    if cur.region.is_some() {
        cur.region = None;
        out.push(cur.clone());
    }
    if cur.script.is_some() {
        cur.script = None;
        out.push(cur.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::config::parse_locale;

    fn locales(tags: &[&str]) -> PerLocale<Locale> {
        tags.iter().map(|t| parse_locale(t).unwrap()).collect()
    }

    /// Each locale's chain, written as tags.
    fn chains_of<'l>(
        ls: &'l PerLocale<Locale>,
        explicit: &BTreeMap<LocaleId, Vec<LocaleId>>,
    ) -> Vec<Vec<&'l str>> {
        let source = ls.ids().next().unwrap();
        build(ls, source, explicit)
            .iter()
            .map(|chain| chain.iter().map(|&l| ls[l].tag.as_str()).collect())
            .collect()
    }

    #[test]
    fn derived_chain_drops_subtags_and_ends_at_source() {
        let ls = locales(&["en", "az", "az-Cyrl", "az-Cyrl-AZ", "ru"]);
        let chains = chains_of(&ls, &BTreeMap::new());
        assert_eq!(chains[3], ["az-Cyrl-AZ", "az-Cyrl", "az", "en"]);
        assert_eq!(chains[4], ["ru", "en"]);
        assert_eq!(chains[0], ["en"]);
    }

    #[test]
    fn explicit_chain_is_kept_and_source_appended() {
        let ls = locales(&["en", "az", "tr", "ru"]);
        let id = |tag: &str| ls.position(|l| l.tag == tag).unwrap();
        let explicit = BTreeMap::from([(id("az"), vec![id("tr")])]);
        let chains = chains_of(&ls, &explicit);
        assert_eq!(chains[1], ["az", "tr", "en"]);
        assert_eq!(chains[2], ["tr", "en"]);
    }
}
