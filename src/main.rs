//! The `pamphlet` binary: parse the command line, run it, exit with its code.

use clap::Parser;

/// mimalloc: rendering allocates many small strings and values on every
/// thread; glibc's allocator made allocation about a sixth of the CPU time
/// and kept the two render threads from scaling (docs/benchmarks.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = pamphlet::cli::Cli::parse();
    std::process::ExitCode::from(pamphlet::cmd::run(cli))
}
