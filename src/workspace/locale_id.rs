//! Locales named by their place in the project: [`LocaleId`], and
//! [`PerLocale`], a table with one entry per configured locale.
//!
//! Every stage after the workspace keeps per-locale data (parsed messages,
//! fallback chains, which locales a wave loads) in the order of
//! `project.locales`. A `LocaleId` can only index such a table, never a list
//! of campaigns or lines, and a `PerLocale` can only be indexed by one, so
//! the two cannot be mixed up with other positions.

use std::ops::{Index, IndexMut};

use rayon::prelude::*;

/// A locale's position in `project.locales` (pseudo-locales added by a
/// command come after the listed ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocaleId(usize);

impl LocaleId {
    /// The position in `project.locales`, for tables kept outside a
    /// [`PerLocale`] (a cache file, a progress counter).
    pub fn index(self) -> usize {
        self.0
    }
}

/// One `T` per configured locale, in the order of `project.locales`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerLocale<T>(Vec<T>);

impl<T> PerLocale<T> {
    pub fn new() -> PerLocale<T> {
        PerLocale(Vec::new())
    }

    /// The same value for each of `count` locales.
    pub fn filled(count: usize, value: T) -> PerLocale<T>
    where
        T: Clone,
    {
        PerLocale(vec![value; count])
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds the entry of the next locale and returns its id.
    pub fn push(&mut self, value: T) -> LocaleId {
        self.0.push(value);
        LocaleId(self.0.len() - 1)
    }

    /// Every locale's id, in order.
    pub fn ids(&self) -> impl DoubleEndedIterator<Item = LocaleId> + ExactSizeIterator + use<T> {
        (0..self.0.len()).map(LocaleId)
    }

    /// Every entry, in locale order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, T> {
        self.0.iter_mut()
    }

    /// Every entry with its locale's id.
    pub fn enumerate(&self) -> impl DoubleEndedIterator<Item = (LocaleId, &T)> {
        self.0.iter().enumerate().map(|(i, v)| (LocaleId(i), v))
    }

    /// The first locale whose entry satisfies `f`.
    pub fn position(&self, f: impl FnMut(&T) -> bool) -> Option<LocaleId> {
        self.0.iter().position(f).map(LocaleId)
    }

    /// Every entry, on rayon's threads.
    pub fn par_iter(&self) -> rayon::slice::Iter<'_, T>
    where
        T: Sync,
    {
        self.0.par_iter()
    }

    /// Every entry with its locale's id, on rayon's threads.
    pub fn par_enumerate(&self) -> impl IndexedParallelIterator<Item = (LocaleId, &T)>
    where
        T: Sync,
    {
        self.0.par_iter().enumerate().map(|(i, v)| (LocaleId(i), v))
    }

    /// A table of the same locales holding `f` of each entry.
    pub fn map<U>(&self, mut f: impl FnMut(LocaleId, &T) -> U) -> PerLocale<U> {
        PerLocale(self.enumerate().map(|(l, v)| f(l, v)).collect())
    }

    pub fn get(&self, l: LocaleId) -> Option<&T> {
        self.0.get(l.0)
    }
}

impl<T> Default for PerLocale<T> {
    fn default() -> PerLocale<T> {
        PerLocale::new()
    }
}

impl<T> FromIterator<T> for PerLocale<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> PerLocale<T> {
        PerLocale(iter.into_iter().collect())
    }
}

impl<T> IntoIterator for PerLocale<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a PerLocale<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T> Index<LocaleId> for PerLocale<T> {
    type Output = T;

    fn index(&self, l: LocaleId) -> &T {
        &self.0[l.0]
    }
}

impl<T> IndexMut<LocaleId> for PerLocale<T> {
    fn index_mut(&mut self, l: LocaleId) -> &mut T {
        &mut self.0[l.0]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_order_of_the_entries() {
        let mut tags: PerLocale<&str> = ["en", "ar"].into_iter().collect();
        let ka = tags.push("ka");
        assert_eq!(ka.index(), 2);
        assert_eq!(tags[ka], "ka");
        assert_eq!(tags.position(|t| *t == "ar").map(LocaleId::index), Some(1));
        let lens = tags.map(|_, t| t.len());
        assert_eq!(lens.ids().map(|l| lens[l]).sum::<usize>(), 6);
    }
}
