//! The human report: each quote as `path:line:column: kind` followed by what was found about it,
//! then a one-line summary of the run.
//!
//! Text from the input is shown on one line (runs of whitespace become one space), cut to
//! [`MAX_QUOTE_CHARS`] characters, and control characters are escaped so that a hostile file
//! cannot send escape sequences to the terminal.

use std::fmt::Write as _;
use std::io::{self, Write};

use quotecheck::{Excerpt, Flag, Severities};

use super::{FileReport, KINDS, Report, Row, Summary};

/// How many characters of a quote are shown before it is cut with `…`.
pub const MAX_QUOTE_CHARS: usize = 120;

/// Writes the human report to `W`.
pub struct Pretty<W: Write> {
    pub(super) out: W,
    severities: Severities,
    pub(super) first: bool,
}

impl<W: Write> Pretty<W> {
    /// A human reporter; `severities` are shown beside each flag.
    pub fn new(out: W, severities: Severities) -> Pretty<W> {
        Pretty {
            out,
            severities,
            first: true,
        }
    }

    pub(super) fn row(&mut self, row: &Row<'_>) -> io::Result<()> {
        let q = row.quote;
        if !std::mem::take(&mut self.first) {
            writeln!(self.out)?;
        }
        let out = &mut self.out;
        writeln!(
            out,
            "{}:{}:{}: {}",
            escaped(row.file),
            row.start.line,
            row.start.column,
            q.kind
        )?;
        writeln!(out, "  quote:      {}", clean(&q.text, MAX_QUOTE_CHARS))?;
        writeln!(
            out,
            "  speaker:    {}",
            named(q.speaker.as_deref(), q.speaker_mention.as_ref(), false)
        )?;
        writeln!(out, "  cue:        {}", named(None, q.cue.as_ref(), false))?;
        writeln!(
            out,
            "  source:     {}",
            named(
                q.source.as_deref(),
                q.source_mention.as_ref(),
                q.source_inherited
            )
        )?;
        if !q.candidates.is_empty() {
            let candidates: Vec<String> = q.candidates.iter().map(|c| clean(c, 80)).collect();
            writeln!(out, "  candidates: {}", candidates.join(" | "))?;
        }
        writeln!(out, "  confidence: {:.2}", q.confidence)?;
        let flags = if q.flags.is_empty() {
            "none".to_string()
        } else {
            let flags: Vec<String> = q
                .flags
                .iter()
                .map(|&f| format!("{f} ({})", self.severities.of(f)))
                .collect();
            flags.join(", ")
        };
        writeln!(out, "  flags:      {flags}")?;
        if let Some(reason) = &q.suppressed {
            writeln!(out, "  suppressed: {}", clean(reason, 200))?;
        }
        if let Some(cite) = &q.cite {
            writeln!(out, "  cite:       {}", clean(cite, 200))?;
        }
        writeln!(out, "  rule:       {}", clean(q.rule, 80))
    }
}

/// `name (mention)`, or the name or the mention alone, or `none`; `inherited` adds a note.
fn named(name: Option<&str>, mention: Option<&Excerpt>, inherited: bool) -> String {
    let mention = mention.map(|m| clean(&m.text, 80));
    let mut s = match (name, mention) {
        (Some(n), Some(m)) if clean(n, 80) != m => format!("{} ({m})", clean(n, 80)),
        (Some(n), _) => clean(n, 80),
        (None, Some(m)) => m,
        (None, None) => return "none".to_string(),
    };
    if inherited {
        s.push_str(" [inherited from an earlier quote]");
    }
    s
}

/// `text` on one line, control characters escaped, cut to `max` characters with `…`.
pub(super) fn clean(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
            count += 1;
        }
        for c in word.chars() {
            if count >= max {
                out.push('…');
                return out;
            }
            push_escaped(&mut out, c);
            count += 1;
        }
    }
    out
}

/// `name` with control characters escaped, whitespace kept (file names).
pub(super) fn escaped(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        push_escaped(&mut out, c);
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    if c.is_control() {
        out.extend(c.escape_default());
    } else {
        out.push(c);
    }
}

/// `n thing` or `n things`.
pub(super) fn plural(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("{n} {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

/// The summary line of a run.
pub(super) fn summary_line(s: &Summary) -> String {
    let mut line = format!(
        "{} in {}",
        plural(s.quotes, "quote"),
        plural(s.files, "file")
    );
    if s.quotes > 0 {
        let kinds: Vec<String> = KINDS
            .iter()
            .zip(s.kinds)
            .filter(|&(k, n)| n > 0 || *k == quotecheck::QuoteKind::Speech)
            .map(|(k, n)| format!("{n} {k}"))
            .collect();
        let _ = write!(line, ": {}", kinds.join(", "));
        let flags: Vec<String> = Flag::ALL
            .iter()
            .zip(s.flags)
            .filter(|&(_, n)| n > 0)
            .map(|(f, n)| format!("{n} {f}"))
            .collect();
        if flags.is_empty() {
            line.push_str("; no flags");
        } else {
            let _ = write!(line, "; flagged: {}", flags.join(", "));
        }
    }
    if s.suppressed > 0 {
        let _ = write!(line, "; {} suppressed", s.suppressed);
    }
    match s.fail_level {
        Some(level) => {
            let _ = write!(line, "; {} at or above {level}", s.failing);
        }
        None => line.push_str("; never failing (--fail-on never)"),
    }
    if s.errors > 0 {
        let _ = write!(
            line,
            "; {} not checked (see the errors above)",
            plural(s.errors, "input")
        );
    }
    line.push('.');
    line
}

impl<W: Write> Report for Pretty<W> {
    fn begin(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn file(&mut self, file: &FileReport<'_>) -> io::Result<()> {
        for row in &file.rows {
            self.row(row)?;
        }
        self.out.flush()
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        if !self.first {
            writeln!(self.out)?;
        }
        writeln!(self.out, "{}", summary_line(summary))?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use quotecheck::Severity;

    use super::*;
    use crate::report::tests::{attributed, bare};

    #[test]
    fn shows_each_quote_then_a_summary() {
        let (text, a) = attributed();
        let (_, b) = bare();
        let severities = Severities::default();
        let quotes = [a];
        let file = FileReport::new("a.txt", text.as_bytes(), &quotes, &severities);
        let mut summary = Summary::new(Some(Severity::Error));
        summary.add(&file);
        let other = [b];
        let file_b = FileReport::new("b.txt", b"\"Yes.\"", &other, &severities);
        summary.add(&file_b);
        let mut out = Vec::new();
        let mut report = Pretty::new(&mut out, severities);
        report.begin().unwrap();
        report.file(&file).unwrap();
        report.file(&file_b).unwrap();
        report.finish(&summary).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(
            out,
            "a.txt:1:45: speech
  quote:      « Nous tiendrons, \"promis\", nos promesses »
  speaker:    Jean Dupont (Le ministre Jean Dupont)
  cue:        a déclaré
  source:     AFP (l’AFP)
  candidates: Jean Dupont | Marie Curie
  confidence: 0.86
  flags:      anonymous (warning), unbalanced (error)
  rule:       fr.cue-before

b.txt:1:1: term
  quote:      \"Yes.\"
  speaker:    none
  cue:        none
  source:     none
  confidence: 0.00
  flags:      none
  rule:       none

2 quotes in 2 files: 1 speech, 1 term; flagged: 1 anonymous, 1 unbalanced; 1 at or above error.
"
        );
    }

    #[test]
    fn long_quotes_are_cut_and_control_characters_escaped() {
        let long = "a".repeat(200);
        let shown = clean(&long, MAX_QUOTE_CHARS);
        assert_eq!(shown.chars().count(), MAX_QUOTE_CHARS + 1);
        assert!(shown.ends_with('…'));
        assert_eq!(
            clean("« Oui,\n  bien\u{1b}[31m sûr »", 80),
            "« Oui, bien\\u{1b}[31m sûr »"
        );
        assert_eq!(escaped("my  file\u{7}.txt"), "my  file\\u{7}.txt");
    }

    #[test]
    fn summary_of_an_empty_run_and_of_errors() {
        let mut s = Summary::new(None);
        s.add_error();
        assert_eq!(
            summary_line(&s),
            "0 quotes in 0 files; never failing (--fail-on never); 1 input not checked (see the errors above)."
        );
    }
}
