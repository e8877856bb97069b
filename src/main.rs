//! The `pamphlet` binary: parse the command line, run it, exit with its code.

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

/// A build is short-lived: giving freed memory back to the OS only to fault
/// it in again (zeroed) a moment later cost a third of the CPU time of a
/// national-scale build. Purging is switched off, but only when the option
/// still reads one of mimalloc's documented defaults, so that a version with
/// another numbering (or a `MIMALLOC_PURGE_DELAY` set by the user) is left
/// alone.
fn keep_freed_memory() {
    // SAFETY: plain C getters/setters of a global option, with no pointers.
    unsafe {
        if PURGE_DELAY_DEFAULTS.contains(&libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY)) {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1);
        }
    }
}

/// No transparent huge pages for this process (Linux). mimalloc asks for
/// them on its arenas; a fault then zeroes 2 MiB at once, which is quick when
/// the kernel has huge pages at hand and very slow when it must find or
/// compact them (or when the memory was handed back to a virtual machine's
/// host): a national-scale build spent from 0.05 to 1.3 s in the kernel,
/// against a steady 0.3–0.5 s with 4 KiB pages (docs/benchmarks.md). Left
/// alone when the user set `MIMALLOC_ALLOW_THP`.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("MIMALLOC_ALLOW_THP").is_none() {
        // SAFETY: prctl with integer arguments only; it changes nothing but
        // the process's THP flag, and a failure (an old kernel) is harmless.
        unsafe {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
        }
    }
}

fn main() -> std::process::ExitCode {
    no_huge_pages();
    keep_freed_memory();
    let cli = pamphlet::cli::Cli::parse();
    std::process::ExitCode::from(pamphlet::cmd::run(cli))
}
