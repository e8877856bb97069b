//! Fallback chains: for each locale, the locales to try, in order, when a
//! message is missing or broken. A chain starts with the locale itself and
//! always ends at the source locale.

use std::collections::BTreeMap;

use unic_langid::LanguageIdentifier;

use crate::workspace::Locale;

/// Builds every locale's chain. An explicit chain from `pamphlet.toml` is used
/// as written; otherwise the chain is derived by dropping subtags
/// (`az-Cyrl-AZ` → `az-Cyrl` → `az`), keeping only configured locales.
pub fn build(
    locales: &[Locale],
    source: usize,
    explicit: &BTreeMap<usize, Vec<usize>>,
) -> Vec<Vec<usize>> {
    (0..locales.len())
        .map(|i| {
            let mut chain = vec![i];
            let mut push = |j: usize| {
                if !chain.contains(&j) {
                    chain.push(j);
                }
            };
            match explicit.get(&i) {
                Some(list) => list.iter().copied().for_each(&mut push),
                None => {
                    for parent in parents(&locales[i].id) {
                        if let Some(j) = locales.iter().position(|l| l.id == parent) {
                            push(j);
                        }
                    }
                }
            }
            push(source);
            chain
        })
        .collect()
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

    fn locales(tags: &[&str]) -> Vec<Locale> {
        tags.iter().map(|t| parse_locale(t).unwrap()).collect()
    }

    #[test]
    fn derived_chain_drops_subtags_and_ends_at_source() {
        let ls = locales(&["en", "az", "az-Cyrl", "az-Cyrl-AZ", "ru"]);
        let chains = build(&ls, 0, &BTreeMap::new());
        assert_eq!(chains[3], vec![3, 2, 1, 0]);
        assert_eq!(chains[4], vec![4, 0]);
        assert_eq!(chains[0], vec![0]);
    }

    #[test]
    fn explicit_chain_is_kept_and_source_appended() {
        let ls = locales(&["en", "az", "tr", "ru"]);
        let explicit = BTreeMap::from([(1, vec![2])]);
        let chains = build(&ls, 0, &explicit);
        assert_eq!(chains[1], vec![1, 2, 0]);
        assert_eq!(chains[2], vec![2, 0]);
    }
}
