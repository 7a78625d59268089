//! Where the text of a run comes from: the files named on the command line, or standard input
//! for `-`. Each input is read whole, as bytes; decoding is the library's job.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

/// One input named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input, named `-` on the command line.
    Stdin,
    /// A path, kept as given.
    File(PathBuf),
}

/// The name of standard input in reports and messages.
pub const STDIN_NAME: &str = "<stdin>";

impl Input {
    /// The input a command-line argument names.
    pub fn from_arg(arg: &Path) -> Input {
        if arg.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::File(arg.to_path_buf())
        }
    }

    /// The name used in reports and messages: the path as given, or `<stdin>`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => STDIN_NAME.to_string(),
            Input::File(path) => path.display().to_string(),
        }
    }

    /// All the bytes of the input. The error does not repeat the input's name.
    pub fn read(&self) -> anyhow::Result<Vec<u8>> {
        match self {
            Input::Stdin => {
                let mut bytes = Vec::new();
                io::stdin()
                    .lock()
                    .read_to_end(&mut bytes)
                    .context("cannot read standard input")?;
                Ok(bytes)
            }
            Input::File(path) => {
                if path.is_dir() {
                    bail!("is a directory (directory walking is not supported yet)");
                }
                Ok(fs::read(path)?)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dash_is_stdin_and_anything_else_a_path_kept_as_given() {
        assert_eq!(Input::from_arg(Path::new("-")), Input::Stdin);
        assert_eq!(Input::from_arg(Path::new("-")).name(), "<stdin>");
        let file = Input::from_arg(Path::new("./-"));
        assert_eq!(file, Input::File(PathBuf::from("./-")));
        assert_eq!(file.name(), "./-");
    }
}
