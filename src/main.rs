//! The `quotecheck` command line: a thin shell over the library.
//!
//! Everything that touches the terminal or the filesystem lives in the binary: arguments, reading
//! the inputs and the exit code in [`cli`], one reporter per output format in [`report`]. Output
//! goes through explicit writers (never `println!`) so that a closed pipe is an error we can handle
//! rather than a panic.
#![deny(clippy::print_stdout, clippy::print_stderr)]

mod cli;
mod report;

fn main() -> std::process::ExitCode {
    cli::run().into()
}
