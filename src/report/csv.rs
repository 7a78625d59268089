//! The CSV report: a header row, then one row per quote, for spreadsheets and scripts.
//!
//! RFC 4180: comma-separated, CRLF line ends, fields quoted only when they must be (a comma, a
//! double quote, a line break), double quotes doubled. Line breaks inside a quote stay inside
//! its quoted cell, so a CSV reader gets back exactly one record per quote.
//!
//! Columns, in this order (new columns are only ever appended):
//!
//! | column | content |
//! |---|---|
//! | `file` | the path as given on the command line, or `<stdin>` |
//! | `line`, `column` | where the quote starts; 1-based, the column counted in Unicode scalar values |
//! | `end_line`, `end_column` | the position just past the quote's last character (end-exclusive, as in LSP) |
//! | `byte_start`, `byte_end` | the quote as an end-exclusive byte range of the original file |
//! | `lang` | `fr` or `en` |
//! | `kind` | `speech`, `title`, `term` or `other` |
//! | `quote` | the quote, marks included |
//! | `speaker`, `speaker_mention` | the canonical speaker and the words that name them at this quote |
//! | `cue` | the reporting verb or phrase |
//! | `source`, `source_mention` | the cited outlet and where it is named |
//! | `source_inherited` | `true` when the source comes from an earlier quote |
//! | `confidence` | from `0.00` to `1.00` |
//! | `flags` | the quote's flags joined with `;`, empty when none |
//! | `severity` | the highest severity among the flags, empty when none |
//! | `candidates` | the candidate speakers of an ambiguous quote, joined with ` \| ` |
//! | `rule` | the rule that attributed the quote |
//! | `suppressed` | why an editor suppressed the quote (`quotecheck-disable…` comment); empty when not suppressed |
//! | `cite` | the `cite` URL of the HTML `<q>` or `<blockquote>` the quote is in |
//!
//! Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`,
//! `-`, `@`, a tab, a carriage return or a line feed as a formula, and quotes come from copy nobody
//! here controls. So every text cell (`file`, `quote`, `speaker`, `speaker_mention`, `cue`,
//! `source`, `source_mention`, `candidates`, `rule`, `suppressed`, `cite`) that starts with one of them gets a leading
//! `'`, which spreadsheets hide and scripts must strip. `--csv-raw` writes the cells untouched.

use std::borrow::Cow;
use std::io::{self, Write};

use quotecheck::Excerpt;
use rayon::prelude::*;

use super::{FileReport, Report, Row, Summary};

/// The header row.
pub const HEADER: [&str; 23] = [
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "byte_start",
    "byte_end",
    "lang",
    "kind",
    "quote",
    "speaker",
    "speaker_mention",
    "cue",
    "source",
    "source_mention",
    "source_inherited",
    "confidence",
    "flags",
    "severity",
    "candidates",
    "rule",
    "suppressed",
    "cite",
];

/// Writes the CSV report to `W`.
pub struct Csv<W: Write> {
    out: W,
    /// Records written but not yet passed on to `out`.
    records: ::csv::Writer<Vec<u8>>,
    guard: bool,
}

/// Bytes of records held before they are passed on.
const PENDING_BYTES: usize = 64 * 1024;

/// A CSV writer into memory: RFC 4180, CRLF.
fn records() -> ::csv::Writer<Vec<u8>> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

impl<W: Write> Csv<W> {
    /// A CSV reporter; `guard` turns on the formula-injection guard.
    pub fn new(out: W, guard: bool) -> Csv<W> {
        Csv {
            out,
            records: records(),
            guard,
        }
    }

    /// Write one record.
    pub(super) fn write_record<I, T>(&mut self, record: I) -> io::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        self.records.write_record(record).map_err(io_error)?;
        if self.records.get_ref().len() >= PENDING_BYTES {
            self.pass_on()?;
        }
        Ok(())
    }

    /// Pass the pending records on to `out`.
    fn pass_on(&mut self) -> io::Result<()> {
        let done = std::mem::replace(&mut self.records, records());
        let bytes = done
            .into_inner()
            .map_err(|e| io::Error::other(e.error().to_string()))?;
        self.out.write_all(&bytes)
    }

    /// Pass the pending records on and flush `out`.
    pub(super) fn flush(&mut self) -> io::Result<()> {
        self.pass_on()?;
        self.out.flush()
    }

    pub(super) fn text<'t>(&self, cell: &'t str) -> Cow<'t, str> {
        if self.guard {
            guard(cell)
        } else {
            Cow::Borrowed(cell)
        }
    }

    /// The cells of `row`. Its numbers and lists are written into `buf`, which the caller
    /// reuses from row to row: a row allocates nothing then (the formula guard aside).
    pub(super) fn record<'r>(
        &self,
        row: &'r Row<'_>,
        buf: &'r mut String,
    ) -> [Cow<'r, str>; HEADER.len()] {
        use std::fmt::Write as _;
        let q = row.quote;
        buf.clear();
        // Where each of the cells written into `buf` ends.
        let mut ends = [0; 9];
        let numbers = [
            row.start.line,
            row.start.column,
            row.end.line,
            row.end.column,
            q.span.start,
            q.span.end,
        ];
        for (k, n) in numbers.iter().enumerate() {
            write!(buf, "{n}").expect("writing to a String");
            ends[k] = buf.len();
        }
        write!(buf, "{:.2}", q.confidence).expect("writing to a String");
        ends[6] = buf.len();
        for (k, f) in q.flags.iter().enumerate() {
            if k > 0 {
                buf.push(';');
            }
            buf.push_str(f.as_str());
        }
        ends[7] = buf.len();
        for (k, c) in q.candidates.iter().enumerate() {
            if k > 0 {
                buf.push_str(" | ");
            }
            buf.push_str(c);
        }
        ends[8] = buf.len();
        let buf: &'r String = buf;
        let cell = |k: usize| -> &'r str { &buf[if k == 0 { 0 } else { ends[k - 1] }..ends[k]] };
        let opt = |s: Option<&'r str>| s.map_or(Cow::Borrowed(""), |s| self.text(s));
        let excerpt = |e: &'r Option<Excerpt>| opt(e.as_ref().map(|e| e.text.as_str()));
        [
            self.text(row.file),
            cell(0).into(),
            cell(1).into(),
            cell(2).into(),
            cell(3).into(),
            cell(4).into(),
            cell(5).into(),
            q.lang.as_str().into(),
            q.kind.as_str().into(),
            self.text(&q.text),
            opt(q.speaker.as_deref()),
            excerpt(&q.speaker_mention),
            excerpt(&q.cue),
            opt(q.source.as_deref()),
            excerpt(&q.source_mention),
            if q.source_inherited { "true" } else { "false" }.into(),
            cell(6).into(),
            cell(7).into(),
            row.severity.map_or("", |s| s.as_str()).into(),
            self.text(cell(8)),
            self.text(q.rule),
            opt(q.suppressed.as_deref()),
            opt(q.cite.as_deref()),
        ]
    }
}

impl<W: Write> Csv<W> {
    /// Write one record per row.
    fn rows(&mut self, rows: &[Row<'_>]) -> io::Result<()> {
        let mut buf = String::new();
        for row in rows {
            let record = self.record(row, &mut buf);
            self.write_record(record.iter().map(|c| c.as_bytes()))?;
        }
        Ok(())
    }
}

/// Rows formatted together when a long file's rows are formatted in parallel.
pub const ROWS_PER_PART: usize = 4096;
/// Rows from which a file's rows are formatted in parallel (on rayon's current pool).
pub const PARALLEL_ROWS: usize = 2 * ROWS_PER_PART;
/// Parts formatted at a time per thread, before they are written.
const PARTS_PER_THREAD: usize = 2;

/// `cell`, with a leading `'` when a spreadsheet would read it as a formula.
pub fn guard(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The I/O error behind a CSV error, so that a broken pipe is still recognised as one.
pub(super) fn io_error(err: ::csv::Error) -> io::Error {
    if err.is_io_error() {
        match err.into_kind() {
            ::csv::ErrorKind::Io(err) => err,
            _ => unreachable!("is_io_error() promised an I/O error"),
        }
    } else {
        io::Error::other(err)
    }
}

impl<W: Write> Report for Csv<W> {
    fn begin(&mut self) -> io::Result<()> {
        self.write_record(HEADER)
    }

    fn file(&mut self, file: &FileReport<'_>) -> io::Result<()> {
        if file.rows.len() < PARALLEL_ROWS {
            self.rows(&file.rows)?;
            return self.flush();
        }
        // A long file: its rows formatted in parallel, part by part, each part into its own
        // buffer, and the parts written in order. The same bytes as one writer: a record's
        // quoting depends on its cells alone. The parts go by batches of a few per thread,
        // written before the next batch refills the same buffers: a few megabytes whatever the
        // length of the file, instead of the whole report held at once.
        let guard = self.guard;
        self.pass_on()?;
        let batch = PARTS_PER_THREAD * rayon::current_num_threads().max(1);
        let mut buffers: Vec<Vec<u8>> = Vec::new();
        for rows in file.rows.chunks(batch * ROWS_PER_PART) {
            let parts: Vec<&[Row<'_>]> = rows.chunks(ROWS_PER_PART).collect();
            if buffers.len() < parts.len() {
                buffers.resize_with(parts.len(), || Vec::with_capacity(ROWS_PER_PART * 256));
            }
            let done: Vec<io::Result<()>> = buffers[..parts.len()]
                .par_iter_mut()
                .zip(parts)
                .map(|(buf, rows)| {
                    buf.clear();
                    let mut part = Csv::new(std::mem::take(buf), guard);
                    part.rows(rows)?;
                    part.pass_on()?;
                    *buf = part.out;
                    Ok(())
                })
                .collect();
            for (result, buf) in done.into_iter().zip(&buffers) {
                result?;
                self.out.write_all(buf)?;
            }
        }
        self.out.flush()
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.flush()
    }
}

#[cfg(test)]
mod tests {
    use quotecheck::{Quote, Severities, Span};

    use super::*;
    use crate::report::tests::{attributed, bare};

    /// The CSV bytes of `quotes` found in `text`, header included.
    #[track_caller]
    fn csv_of(text: &str, quotes: &[Quote], guard: bool) -> String {
        let mut out = Vec::new();
        let mut report = Csv::new(&mut out, guard);
        report.begin().unwrap();
        let file = FileReport::new("a.txt", text.as_bytes(), quotes, &Severities::default());
        report.file(&file).unwrap();
        report.finish(&super::super::Summary::new(None)).unwrap();
        drop(report);
        String::from_utf8(out).unwrap()
    }

    /// A quote whose text cells all start with `lead`.
    fn hostile(lead: &str) -> Quote {
        let (_, mut q) = bare();
        let cell = |s: &str| Some(format!("{lead}{s}"));
        q.text = format!("{lead}text");
        q.speaker = cell("speaker");
        q.speaker_mention = Some(Excerpt {
            span: Span::new(0, 1),
            text: format!("{lead}mention"),
        });
        q.source = cell("source");
        q.candidates = vec![format!("{lead}one"), "two".to_string()];
        q
    }

    #[track_caller]
    fn records(csv: &str) -> Vec<::csv::StringRecord> {
        let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
        assert_eq!(
            reader.headers().unwrap(),
            &::csv::StringRecord::from(&HEADER[..])
        );
        reader.records().map(Result::unwrap).collect()
    }

    const HEAD: &str = "file,line,column,end_line,end_column,byte_start,byte_end,lang,kind,quote,speaker,speaker_mention,cue,source,source_mention,source_inherited,confidence,flags,severity,candidates,rule,suppressed,cite\r\n";

    #[test]
    fn a_long_file_formatted_in_parallel_parts_reads_as_one_writer() {
        let (text, quote) = attributed();
        // More rows than one part, each telling its place, some needing quotes and guards.
        let quotes: Vec<Quote> = (0..3 * ROWS_PER_PART + 7)
            .map(|i| {
                let mut q = quote.clone();
                q.speaker = Some(match i % 3 {
                    0 => format!("Speaker {i}"),
                    1 => format!("=cmd|{i}"),
                    _ => format!("\"{i}\", said"),
                });
                q
            })
            .collect();
        let parallel = csv_of(&text, &quotes, true);
        // On one thread the parts go by several batches.
        let one_thread = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let batched = one_thread.install(|| csv_of(&text, &quotes, true));
        const { assert!(3 * ROWS_PER_PART + 7 > PARTS_PER_THREAD * ROWS_PER_PART) };
        assert!(batched == parallel);
        let mut out = Vec::new();
        let mut one = Csv::new(&mut out, true);
        one.begin().unwrap();
        let file = FileReport::new("a.txt", text.as_bytes(), &quotes, &Severities::default());
        one.rows(&file.rows).unwrap();
        one.flush().unwrap();
        drop(one);
        assert_eq!(
            parallel.lines().count(),
            out.split(|&b| b == b'\n').count() - 1
        );
        assert!(parallel.contains("'=cmd|9001"));
        assert!(parallel.as_bytes() == out.as_slice());
    }

    #[test]
    fn quotes_commas_double_quotes_and_line_breaks_per_rfc_4180() {
        let (text, a) = attributed();
        let (_, mut b) = bare();
        b.span = Span::new(text.len() - 1, text.len());
        let csv = csv_of(&text, &[a, b], true);
        let expected = HEAD.to_string()
            + "a.txt,1,45,2,16,49,94,fr,speech,\"« Nous tiendrons, \"\"promis\"\",\nnos promesses »\",Jean Dupont,Le ministre Jean Dupont,a déclaré,AFP,l’AFP,false,0.86,anonymous;unbalanced,error,Jean Dupont | Marie Curie,fr.cue-before,,\r\n"
            + "a.txt,2,17,3,1,95,96,en,term,\"\"\"Yes.\"\"\",,,,,,true,0.00,,,,none,,\r\n";
        assert_eq!(csv, expected);
        let rows = records(&csv);
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|r| r.len() == HEADER.len()));
        assert_eq!(
            &rows[0][9],
            "« Nous tiendrons, \"promis\",\nnos promesses »"
        );
    }

    #[test]
    fn guard_prefixes_cells_a_spreadsheet_would_run() {
        let (text, _) = bare();
        let mut link = hostile("");
        link.speaker = Some("=HYPERLINK(\"http://x\")".to_string());
        let quotes = [
            link,
            hostile("-"),
            hostile("+"),
            hostile("@"),
            hostile("\t"),
        ];
        let csv = csv_of(&text, &quotes, true);
        let expected = HEAD.to_string()
            + "a.txt,1,1,1,7,0,6,en,term,text,\"'=HYPERLINK(\"\"http://x\"\")\",mention,,source,,true,0.00,,,one | two,none,,\r\n"
            + "a.txt,1,1,1,7,0,6,en,term,'-text,'-speaker,'-mention,,'-source,,true,0.00,,,'-one | two,none,,\r\n"
            + "a.txt,1,1,1,7,0,6,en,term,'+text,'+speaker,'+mention,,'+source,,true,0.00,,,'+one | two,none,,\r\n"
            + "a.txt,1,1,1,7,0,6,en,term,'@text,'@speaker,'@mention,,'@source,,true,0.00,,,'@one | two,none,,\r\n"
            + "a.txt,1,1,1,7,0,6,en,term,'\ttext,'\tspeaker,'\tmention,,'\tsource,,true,0.00,,,'\tone | two,none,,\r\n";
        assert_eq!(csv, expected);
        let rows = records(&csv);
        assert_eq!(rows.len(), quotes.len());
        assert!(rows.iter().all(|r| r.len() == HEADER.len()));
    }

    #[test]
    fn csv_raw_leaves_cells_untouched() {
        let (text, _) = bare();
        let mut link = hostile("");
        link.speaker = Some("=HYPERLINK(\"http://x\")".to_string());
        let quotes = [
            link,
            hostile("-"),
            hostile("+"),
            hostile("@"),
            hostile("\t"),
        ];
        let csv = csv_of(&text, &quotes, false);
        let expected = HEAD.to_string()
            + "a.txt,1,1,1,7,0,6,en,term,text,\"=HYPERLINK(\"\"http://x\"\")\",mention,,source,,true,0.00,,,one | two,none,,\r\n"
            + "a.txt,1,1,1,7,0,6,en,term,-text,-speaker,-mention,,-source,,true,0.00,,,-one | two,none,,\r\n"
            + "a.txt,1,1,1,7,0,6,en,term,+text,+speaker,+mention,,+source,,true,0.00,,,+one | two,none,,\r\n"
            + "a.txt,1,1,1,7,0,6,en,term,@text,@speaker,@mention,,@source,,true,0.00,,,@one | two,none,,\r\n"
            + "a.txt,1,1,1,7,0,6,en,term,\ttext,\tspeaker,\tmention,,\tsource,,true,0.00,,,\tone | two,none,,\r\n";
        assert_eq!(csv, expected);
        let rows = records(&csv);
        assert_eq!(rows.len(), quotes.len());
        assert_eq!(&rows[1][10], "-speaker");
    }

    #[test]
    fn guard_covers_line_breaks_and_spares_ordinary_text() {
        assert_eq!(guard("\rx"), "'\rx");
        assert_eq!(guard("\nx"), "'\nx");
        assert_eq!(guard("«\u{a0}Oui\u{a0}»"), "«\u{a0}Oui\u{a0}»");
        assert_eq!(guard("a=b"), "a=b");
        assert_eq!(guard(""), "");
    }

    #[test]
    fn a_file_without_quotes_is_just_the_header() {
        assert_eq!(csv_of("Rien.", &[], true), HEAD);
    }
}
