//! The `pamphlet` binary: set up the allocator, parse the command line, run
//! it, exit with its code.

use clap::Parser;

/// mimalloc: rendering allocates many small strings and values on every
/// thread; with glibc's allocator, allocation took about a sixth of the CPU
/// and parsing did not scale to two threads (docs/benchmarks.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay`, the 16th option in both mimalloc 2.x and 3.x
/// (libmimalloc-sys builds 3.x unless its `v2` feature is set).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// The option's documented defaults: 10 ms in mimalloc 2.x, 1000 ms in 3.x.
const PURGE_DELAY_DEFAULTS: [std::os::raw::c_long; 2] = [10, 1000];

/// The purge delay that means "never give freed memory back to the OS".
const PURGE_NEVER: std::os::raw::c_long = -1;

/// The environment variable with which a user lets mimalloc use huge pages.
#[cfg(target_os = "linux")]
const ALLOW_THP_VARIABLE: &str = "MIMALLOC_ALLOW_THP";

/// How pamphlet's process uses memory, set once before anything allocates
/// much. Both settings trade memory kept for time: a command is short-lived
/// and allocates and frees in waves (docs/benchmarks.md measures both).
///
/// - No transparent huge pages (Linux): mimalloc asks for them on its arenas,
///   and a fault then zeroes 2 MiB at once, which is quick when the kernel
///   has huge pages at hand and very slow when it must find or compact them
///   (or when the memory was handed back to a virtual machine's host): from
///   0.05 to 1.3 s in the kernel for a national-scale build, against a steady
///   0.3–0.5 s with 4 KiB pages. Left alone when the user sets
///   `MIMALLOC_ALLOW_THP`.
/// - Freed memory is kept, not purged: giving it back to the OS only to
///   fault it in again (zeroed) a moment later cost a third of the CPU time
///   of a national-scale build. Only when the option still reads one of
///   mimalloc's documented defaults, so that a version with another
///   numbering (or a `MIMALLOC_PURGE_DELAY` set by the user) is left alone.
fn tune_allocator() {
    #[cfg(target_os = "linux")]
    if std::env::var_os(ALLOW_THP_VARIABLE).is_none() {
        const DISABLE: libc::c_ulong = 1;
        // SAFETY: prctl with integer arguments only; it changes nothing but
        // the process's THP flag, and a failure (an old kernel) is harmless.
        unsafe {
            libc::prctl(libc::PR_SET_THP_DISABLE, DISABLE, 0, 0, 0);
        }
    }
    // SAFETY: plain C getters/setters of a global option, with no pointers.
    unsafe {
        if PURGE_DELAY_DEFAULTS.contains(&libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY)) {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_NEVER);
        }
    }
}

fn main() -> std::process::ExitCode {
    tune_allocator();
    let cli = pamphlet::cli::Cli::parse();
    std::process::ExitCode::from(pamphlet::cmd::run(cli))
}
