//! A fault-injection point for tests of the staging and the swap: a debug
//! build (the binary the CLI tests run) aborts at a chosen moment of writing
//! the output, as if the process had been killed there, so that "killed while
//! staging" and "killed at the commit" are exercised on every test run instead
//! of hoping that a timed kill lands in the right place.
//!
//! The point is read from one environment variable, [`VAR`]:
//!
//! - `after-files:N`: abort once N files (documents, manifest, index, cache;
//!   written or linked) are in the staging folder;
//! - `before-swap`: abort with everything staged, just before the swap;
//! - `after-swap`: abort just after the swap, before the previous output
//!   (now under the staging name) is removed.
//!
//! It aborts (`SIGABRT`): no destructor runs, so the staging folder and
//! whatever else a kill would leave stay behind, as they would after `kill -9`.
//! Without the variable nothing happens, and release builds do not contain
//! the check at all: no user setting can make a real build stop halfway.

/// The environment variable that names the fault point. Public so that the
/// tests name it from here.
pub const VAR: &str = "PAMPHLET_FAULT";

/// A moment of the output stage at which a debug build may be told to abort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(debug_assertions), allow(dead_code))]
pub(super) enum Point {
    /// A file was put into the staging folder; the count so far.
    Staged(usize),
    BeforeSwap,
    AfterSwap,
}

/// Aborts the process when [`VAR`] names `point`.
#[cfg(debug_assertions)]
pub(super) fn at(point: Point) {
    use std::sync::OnceLock;
    static WANTED: OnceLock<Option<(Point, String)>> = OnceLock::new();
    let wanted = WANTED.get_or_init(|| {
        let value = std::env::var(VAR).ok()?;
        Some((parse(&value)?, value))
    });
    if let Some((wanted, value)) = wanted
        && *wanted == point
    {
        // on stderr, so a test can tell that the point was reached rather
        // than the process dying of something else
        eprintln!("{VAR}={value}: aborting");
        std::process::abort();
    }
}

/// Release builds: no fault point.
#[cfg(not(debug_assertions))]
#[inline(always)]
pub(super) fn at(_: Point) {}

/// The point a value of [`VAR`] names; `None` for anything else.
#[cfg_attr(not(debug_assertions), allow(dead_code))]
fn parse(value: &str) -> Option<Point> {
    match value {
        "before-swap" => Some(Point::BeforeSwap),
        "after-swap" => Some(Point::AfterSwap),
        _ => {
            let n = value.strip_prefix("after-files:")?.parse().ok()?;
            Some(Point::Staged(n))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_name_their_points_and_nothing_else_does() {
        assert_eq!(parse("before-swap"), Some(Point::BeforeSwap));
        assert_eq!(parse("after-swap"), Some(Point::AfterSwap));
        assert_eq!(parse("after-files:3"), Some(Point::Staged(3)));
        for other in ["", "after-files:", "after-files:x", "BEFORE-SWAP", "1"] {
            assert_eq!(parse(other), None, "{other:?}");
        }
    }
}
