//! The `pamphlet` binary: parse the command line, run it, exit with its code.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = pamphlet::cli::Cli::parse();
    std::process::ExitCode::from(pamphlet::cmd::run(cli))
}
