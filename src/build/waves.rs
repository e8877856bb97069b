//! The locale waves of a build: groups of locales rendered one after the
//! other, as the loading strategy ([`Loading`]) makes them.

use crate::pipeline::Loading;
use crate::workspace::{LocaleId, PerLocale};

/// Locales rendered together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wave {
    /// The locales whose documents this wave renders, in catalog order.
    pub locales: Vec<LocaleId>,
    /// Those of them not loaded up front: read for this wave (while the wave
    /// before renders) and freed after it (while the next one renders).
    pub streamed: Vec<LocaleId>,
}

/// The waves of one build, in order.
pub struct Waves {
    loading: Loading,
    /// The locales [`Loading::deferred`] left out.
    deferred: PerLocale<bool>,
    /// The locales not yet in a wave, last first.
    left: Vec<LocaleId>,
}

impl Waves {
    /// `deferred`: what the loading left out, one entry per catalog locale.
    pub fn new(loading: Loading, deferred: PerLocale<bool>) -> Waves {
        Waves {
            loading,
            left: deferred.ids().rev().collect(),
            deferred,
        }
    }
}

impl Iterator for Waves {
    type Item = Wave;

    fn next(&mut self) -> Option<Wave> {
        match self.loading {
            // every locale at once, all loaded already
            Loading::Eager => (!self.left.is_empty()).then(|| Wave {
                locales: std::mem::take(&mut self.left).into_iter().rev().collect(),
                streamed: Vec::new(),
            }),
            // one locale at a time
            Loading::Streamed => self.left.pop().map(|l| Wave {
                locales: vec![l],
                streamed: if self.deferred[l] {
                    vec![l]
                } else {
                    Vec::new()
                },
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eager_is_one_wave_streamed_one_per_locale() {
        let deferred: PerLocale<bool> = [false, true, true].into_iter().collect();
        let ids: Vec<LocaleId> = deferred.ids().collect();
        let eager: Vec<Wave> = Waves::new(Loading::Eager, deferred.map(|_, _| false)).collect();
        assert_eq!(
            eager,
            [Wave {
                locales: ids.clone(),
                streamed: vec![]
            }]
        );
        let streamed: Vec<Wave> = Waves::new(Loading::Streamed, deferred).collect();
        assert_eq!(streamed.len(), 3);
        assert_eq!(streamed[0].streamed, []);
        assert_eq!(streamed[2].locales, [ids[2]]);
        assert_eq!(streamed[2].streamed, [ids[2]]);
    }
}
