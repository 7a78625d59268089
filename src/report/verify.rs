//! The `verify` report: each speech quote as `check` reports it, plus where it was found in the
//! source material and how faithful it is.
//!
//! Same formats as `check`, each with the columns (or keys) of `check` followed by these, in this
//! order:
//!
//! | column | content |
//! |---|---|
//! | `verdict` | `verbatim`, `elided`, `altered` or `not_found` |
//! | `similarity` | from `0.00` to `1.00`: `2 × words in common / (quote words + passage words)` |
//! | `source_file` | the source the passage is in, as given or found under a directory |
//! | `source_line`, `source_column` | where the passage starts in it; 1-based, columns in Unicode scalar values |
//! | `matched_text` | the passage (passages joined with ` […] ` when the quote joins several) |
//! | `diff` | from passage to quote, word by word: `[-removed-]`, `{+added+}`; empty when verbatim |
//! | `speaker_check` | `match`, `mismatch` or `unknown`: the article's speaker against the source's label |
//! | `source_speaker` | the speaker the source labels for the passage (`KIM JONG UN`) |
//!
//! In JSON Lines, absent values are `null` and `similarity` is a number.

use std::borrow::Cow;
use std::io::{self, Write};

use quotecheck::LineCol;
use quotecheck::verify::{Verdict, Verification, diff_string};
use serde::Serialize;

use super::csv::Csv;
use super::json::{Json, Line};
use super::pretty::{Pretty, clean, escaped, plural, summary_line};
use super::{FileReport, Row, Summary};

/// The columns `verify` appends to those of `check`.
pub const COLUMNS: [&str; 9] = [
    "verdict",
    "similarity",
    "source_file",
    "source_line",
    "source_column",
    "matched_text",
    "diff",
    "speaker_check",
    "source_speaker",
];

/// One speech quote and what `verify` found.
#[derive(Debug, Clone)]
pub struct VerifyRow<'a> {
    /// The quote as `check` reports it.
    pub row: Row<'a>,
    /// The verdict, passages and diff.
    pub check: &'a Verification,
    /// The name of the source of the first passage.
    pub source_file: Option<&'a str>,
    /// Where the first passage starts in it.
    pub source_at: Option<LineCol>,
}

impl VerifyRow<'_> {
    fn similarity(&self) -> f32 {
        (self.check.similarity * 100.0).round() / 100.0
    }
}

/// The rows of one article.
#[derive(Debug, Clone)]
pub struct VerifyFile<'a> {
    /// The rows `check` would write for the article's speech quotes.
    pub file: FileReport<'a>,
    /// One per row of `file`, in the same order.
    pub rows: Vec<VerifyRow<'a>>,
}

impl<'a> VerifyFile<'a> {
    /// Pair the rows of `file` with `checks` (one per row, in row order); `locate` gives the
    /// name of a source and the line and column of a passage in it.
    pub fn new(
        file: FileReport<'a>,
        checks: &'a [Verification],
        mut locate: impl FnMut(usize, usize) -> (&'a str, LineCol),
    ) -> VerifyFile<'a> {
        assert_eq!(file.rows.len(), checks.len(), "one verification per row");
        let rows = file
            .rows
            .iter()
            .zip(checks)
            .map(|(row, check)| {
                let at = check
                    .passages
                    .first()
                    .map(|p| locate(p.source, p.span.start));
                VerifyRow {
                    row: row.clone(),
                    check,
                    source_file: at.map(|a| a.0),
                    source_at: at.map(|a| a.1),
                }
            })
            .collect();
        VerifyFile { file, rows }
    }
}

/// Counts of each verdict over a run, indexed as [`Verdict::ALL`].
#[derive(Debug, Clone, Default)]
pub struct Verdicts(pub [usize; Verdict::ALL.len()]);

impl Verdicts {
    /// Count the rows of an article.
    pub fn add(&mut self, file: &VerifyFile<'_>) {
        for row in &file.rows {
            self.0[row.check.verdict as usize] += 1;
        }
    }
}

/// An output format for `verify`; called as [`super::Report`] is.
pub trait VerifyReport {
    /// Write what comes before the first quote.
    fn begin(&mut self) -> io::Result<()>;
    /// Write the quotes of one article.
    fn file(&mut self, file: &VerifyFile<'_>) -> io::Result<()>;
    /// Write what comes after the last quote, and flush.
    fn finish(&mut self, summary: &Summary, verdicts: &Verdicts) -> io::Result<()>;
}

impl<W: Write> VerifyReport for Csv<W> {
    fn begin(&mut self) -> io::Result<()> {
        let header = super::csv::HEADER.iter().chain(&COLUMNS);
        self.write_record(header)
    }

    fn file(&mut self, file: &VerifyFile<'_>) -> io::Result<()> {
        let mut buf = String::new();
        for v in &file.rows {
            let c = v.check;
            let opt = |s: Option<&str>| {
                s.map_or(Cow::Borrowed(""), |s| Cow::Owned(self.text(s).into_owned()))
            };
            let matched = c.matched_text();
            let diff = diff_string(&c.diff);
            let at = |f: fn(&LineCol) -> usize| {
                v.source_at
                    .as_ref()
                    .map_or(String::new(), |lc| f(lc).to_string())
            };
            let extra: [Cow<'_, str>; COLUMNS.len()] = [
                c.verdict.as_str().into(),
                format!("{:.2}", v.similarity()).into(),
                opt(v.source_file),
                at(|lc| lc.line).into(),
                at(|lc| lc.column).into(),
                opt(Some(&matched).filter(|m| !m.is_empty()).map(|m| m.as_str())),
                opt(Some(&diff).filter(|d| !d.is_empty()).map(|d| d.as_str())),
                c.speaker_check.as_str().into(),
                opt(c.source_speaker()),
            ];
            let record = self.record(&v.row, &mut buf);
            self.write_record(record.iter().chain(&extra).map(|c| c.as_bytes()))?;
        }
        self.flush()
    }

    fn finish(&mut self, _summary: &Summary, _verdicts: &Verdicts) -> io::Result<()> {
        self.flush()
    }
}

/// One JSON line of `verify`: the keys of `check`, then those of `verify`.
#[derive(Serialize)]
struct VerifyLine<'a> {
    #[serde(flatten)]
    check: Line<'a>,
    verdict: Verdict,
    similarity: f32,
    source_file: Option<&'a str>,
    source_line: Option<usize>,
    source_column: Option<usize>,
    matched_text: Option<String>,
    diff: Option<String>,
    speaker_check: &'a str,
    source_speaker: Option<&'a str>,
}

impl<W: Write> VerifyReport for Json<W> {
    fn begin(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn file(&mut self, file: &VerifyFile<'_>) -> io::Result<()> {
        for v in &file.rows {
            let c = v.check;
            let line = VerifyLine {
                check: Line::new(&v.row),
                verdict: c.verdict,
                similarity: v.similarity(),
                source_file: v.source_file,
                source_line: v.source_at.map(|lc| lc.line),
                source_column: v.source_at.map(|lc| lc.column),
                matched_text: Some(c.matched_text()).filter(|m| !m.is_empty()),
                diff: Some(diff_string(&c.diff)).filter(|d| !d.is_empty()),
                speaker_check: c.speaker_check.as_str(),
                source_speaker: c.source_speaker(),
            };
            serde_json::to_writer(&mut self.out, &line)?;
            self.out.write_all(b"\n")?;
        }
        self.out.flush()
    }

    fn finish(&mut self, _summary: &Summary, _verdicts: &Verdicts) -> io::Result<()> {
        self.out.flush()
    }
}

/// How many characters of a passage or a diff are shown before it is cut with `…`.
const MAX_SHOWN: usize = 240;

impl<W: Write> VerifyReport for Pretty<W> {
    fn begin(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn file(&mut self, file: &VerifyFile<'_>) -> io::Result<()> {
        for v in &file.rows {
            self.row(&v.row)?;
            let c = v.check;
            let out = &mut self.out;
            writeln!(
                out,
                "  verdict:    {} (similarity {:.2})",
                c.verdict,
                v.similarity()
            )?;
            if let (Some(name), Some(at)) = (v.source_file, v.source_at) {
                writeln!(
                    out,
                    "  found in:   {}:{}:{}",
                    escaped(name),
                    at.line,
                    at.column
                )?;
                writeln!(out, "  passage:    {}", clean(&c.matched_text(), MAX_SHOWN))?;
            }
            if !c.diff.is_empty() {
                writeln!(
                    out,
                    "  diff:       {}",
                    clean(&diff_string(&c.diff), MAX_SHOWN)
                )?;
            }
            let said = c
                .source_speaker()
                .map_or("nobody labelled".to_string(), |s| clean(s, 80));
            writeln!(
                out,
                "  said by:    {said} (speaker check: {})",
                c.speaker_check
            )?;
        }
        self.out.flush()
    }

    fn finish(&mut self, summary: &Summary, verdicts: &Verdicts) -> io::Result<()> {
        if !self.first {
            writeln!(self.out)?;
        }
        let counts: Vec<String> = Verdict::ALL
            .iter()
            .zip(verdicts.0)
            .map(|(v, n)| format!("{n} {v}"))
            .collect();
        let checked = verdicts.0.iter().sum::<usize>();
        writeln!(
            self.out,
            "{} checked against the sources: {}.",
            plural(checked, "speech quote"),
            counts.join(", ")
        )?;
        writeln!(self.out, "{}", summary_line(summary))?;
        self.out.flush()
    }
}
