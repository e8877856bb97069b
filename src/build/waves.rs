//! The locale waves of a build: groups of locales rendered one after the
//! other, as the loading strategy ([`Loading`]) makes them.

use crate::pipeline::Loading;

/// Locales rendered together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wave {
    /// The locales whose documents this wave renders, in catalog order.
    pub locales: Vec<usize>,
    /// Those of them not loaded up front: read for this wave (while the wave
    /// before renders) and freed after it (while the next one renders).
    pub streamed: Vec<usize>,
}

/// The waves of one build, in order.
pub struct Waves {
    loading: Loading,
    /// By catalog index: the locales [`Loading::deferred`] left out.
    deferred: Vec<bool>,
    next: usize,
}

impl Waves {
    /// `deferred`: what the loading left out, one entry per catalog locale.
    pub fn new(loading: Loading, deferred: Vec<bool>) -> Waves {
        Waves {
            loading,
            deferred,
            next: 0,
        }
    }
}

impl Iterator for Waves {
    type Item = Wave;

    fn next(&mut self) -> Option<Wave> {
        let count = self.deferred.len();
        match self.loading {
            // every locale at once, all loaded already
            Loading::Eager => (self.next == 0).then(|| {
                self.next = count;
                Wave {
                    locales: (0..count).collect(),
                    streamed: Vec::new(),
                }
            }),
            // one locale at a time
            Loading::Streamed => (self.next < count).then(|| {
                let l = self.next;
                self.next += 1;
                Wave {
                    locales: vec![l],
                    streamed: if self.deferred[l] {
                        vec![l]
                    } else {
                        Vec::new()
                    },
                }
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eager_is_one_wave_streamed_one_per_locale() {
        let eager: Vec<Wave> = Waves::new(Loading::Eager, vec![false; 3]).collect();
        assert_eq!(
            eager,
            [Wave {
                locales: vec![0, 1, 2],
                streamed: vec![]
            }]
        );
        let streamed: Vec<Wave> = Waves::new(Loading::Streamed, vec![false, true, true]).collect();
        assert_eq!(streamed.len(), 3);
        assert_eq!(streamed[0].streamed, Vec::<usize>::new());
        assert_eq!(streamed[2].locales, [2]);
        assert_eq!(streamed[2].streamed, [2]);
    }
}
