//! The progress bar of `pamphlet build`: `[####    ] 1200/9000 documents`
//! on stderr while a build takes more than a moment, on a terminal only.

use std::io::{IsTerminal, Write as _};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::Reporter;
use crate::pipeline::Progress;

/// Runs `work`, showing the documents `progress` counts as done once it
/// has taken half a second, when stderr is a terminal and `-q` is not given.
pub fn show_while<R: Send>(
    rep: &Reporter,
    progress: &Progress,
    work: impl FnOnce() -> R + Send,
) -> R {
    if rep.quiet || !std::io::stderr().is_terminal() {
        return work();
    }
    let stop = AtomicBool::new(false);
    std::thread::scope(|s| {
        s.spawn(|| {
            let started = Instant::now();
            let mut shown = false;
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                let total = progress.total.load(Ordering::Relaxed);
                if started.elapsed() < Duration::from_millis(500) || total == 0 {
                    continue;
                }
                let n = progress.done.load(Ordering::Relaxed);
                let width = 30;
                let filled = (n * width).checked_div(total).unwrap_or(width).min(width);
                eprint!(
                    "\r[{}{}] {n}/{total} {}",
                    "#".repeat(filled),
                    " ".repeat(width - filled),
                    if total == 1 { "document" } else { "documents" }
                );
                let _ = std::io::stderr().flush();
                shown = true;
            }
            if shown {
                eprint!("\r{}\r", " ".repeat(60));
            }
        });
        let result = work();
        stop.store(true, Ordering::Relaxed);
        result
    })
}
