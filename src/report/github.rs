//! The GitHub Actions report: one workflow command per flag of each quote, which GitHub shows as
//! an annotation on the line of the pull request.
//!
//! ```text
//! ::error file=news/a.md,line=3,col=5,endLine=3,endColumn=40,title=quotecheck%3A unattributed::Unattributed quote: …
//! ```
//!
//! `error` for error flags, `warning` for warnings, `notice` for info. Columns count Unicode
//! characters, 1-based, the end exclusive. Following the actions toolkit, the message escapes
//! `%`, CR and LF as `%25`, `%0D`, `%0A`, and property values also `:` and `,` (`%3A`, `%2C`).
//! Suppressed quotes are not annotated. GitHub shows a limited number of annotations per step:
//! keep the full list in a CSV or SARIF report (`--report csv=quotes.csv`).

use std::io::{self, Write};

use quotecheck::{Severities, Severity};

use super::{FileReport, Report, Summary, slash_path};

/// Writes workflow commands to `W`.
pub struct Github<W: Write> {
    out: W,
    severities: Severities,
}

impl<W: Write> Github<W> {
    /// A GitHub reporter; `severities` choose the command of each flag.
    pub fn new(out: W, severities: Severities) -> Github<W> {
        Github { out, severities }
    }
}

/// Escape the message of a workflow command.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value of a workflow command.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl<W: Write> Report for Github<W> {
    fn begin(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn file(&mut self, file: &FileReport<'_>) -> io::Result<()> {
        for f in file.findings(&self.severities) {
            let row = f.row;
            if row.quote.suppressed.is_some() {
                continue;
            }
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            writeln!(
                self.out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&slash_path(row.file)),
                row.start.line,
                row.start.column,
                row.end.line,
                row.end.column,
                escape_property(&format!("quotecheck: {}", f.flag)),
                escape_data(&f.message()),
            )?;
        }
        self.out.flush()
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_actions_toolkit() {
        assert_eq!(
            escape_data("50% « a »\r\nb: c, d"),
            "50%25 « a »%0D%0Ab: c, d"
        );
        assert_eq!(escape_property("dir:a,b%\n.md"), "dir%3Aa%2Cb%25%0A.md");
    }
}
