//! Reports: what the engine found, written out in one of several formats.
//!
//! Every format sees the same data: one [`Row`] per quote (the quote plus its line and column and
//! its severity), grouped per input in a [`FileReport`], then a [`Summary`] of the run. Line and
//! column are computed here, once per file, and nowhere else. Each format is one file
//! implementing [`Report`].

pub mod csv;
pub mod github;
pub mod html;
pub mod json;
pub mod pretty;
pub mod sarif;
#[cfg(test)]
mod snapshots;
pub mod verify;

use std::io;

use self::csv::{PARALLEL_ROWS, ROWS_PER_PART};
use quotecheck::{Flag, LineCol, LineIndex, Quote, QuoteKind, Severities, Severity};

/// What every reporter needs to know about the run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The severity of each flag.
    pub severities: Severities,
    /// The severity at or above which a flagged quote fails the run; `None` never fails.
    pub fail_level: Option<Severity>,
    /// Guard CSV cells against formula injection.
    pub csv_guard: bool,
}

/// One quote as every format reports it.
///
/// Positions: `start` is the line and column of the first byte of the quote, `end` those of
/// `quote.span.end`, the byte just past the quote (end-exclusive, as in LSP). Lines and columns
/// are 1-based; columns count Unicode scalar values.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// The input's name: the path as given on the command line, or `<stdin>`.
    pub file: &'a str,
    /// Where the quote starts.
    pub start: LineCol,
    /// Where the quote ends (exclusive).
    pub end: LineCol,
    /// What the engine found.
    pub quote: &'a Quote,
    /// The highest severity among the quote's flags, `None` without flags.
    pub severity: Option<Severity>,
}

impl Row<'_> {
    /// True when the quote is flagged at or above `level` (never when `level` is `None`, never
    /// when an editor suppressed the quote).
    pub fn fails(&self, level: Option<Severity>) -> bool {
        self.quote.suppressed.is_none()
            && matches!((self.severity, level), (Some(s), Some(l)) if s >= l)
    }
}

/// The rows of one input, in text order.
#[derive(Debug, Clone)]
pub struct FileReport<'a> {
    /// The input's name, as in [`Row::file`].
    pub name: &'a str,
    /// One row per quote.
    pub rows: Vec<Row<'a>>,
    /// The input's text and entity chains, for the formats that show the article (HTML); `None`
    /// unless such a report was asked for.
    pub article: Option<&'a html::Article>,
}

impl<'a> FileReport<'a> {
    /// The rows of `quotes`, found in `bytes` (the original file) named `name`.
    pub fn new(
        name: &'a str,
        bytes: &[u8],
        quotes: &'a [Quote],
        severities: &Severities,
    ) -> FileReport<'a> {
        FileReport::decoded(name, bytes, quotes, quotes, severities)
    }

    /// The rows of a file that was decoded (UTF-16, Windows-1252) to the UTF-8 `text`: lines and
    /// columns come from `in_text`, the quotes with their spans in `text`; the rows carry
    /// `quotes`, the same quotes in the same order with their spans mapped back to the file.
    pub fn decoded(
        name: &'a str,
        text: &[u8],
        in_text: &[Quote],
        quotes: &'a [Quote],
        severities: &Severities,
    ) -> FileReport<'a> {
        debug_assert_eq!(in_text.len(), quotes.len());
        if quotes.is_empty() {
            return FileReport {
                name,
                rows: Vec::new(),
                article: None,
            };
        }
        // The starts from a cursor over the file; each end from its start, over the quote's
        // own bytes (not a second pass over the whole file).
        let span_at = |starts: &mut Cursor, at: &Quote| {
            let start = starts.line_col(at.span.start);
            let (from, to) = (at.span.start.min(text.len()), at.span.end.min(text.len()));
            (start, advance(start, &text[from..to.max(from)]))
        };
        let row = |start, end, quote: &'a Quote| Row {
            file: name,
            start,
            end,
            quote,
            severity: severities.max_of(&quote.flags),
        };
        let in_order = || in_text.is_sorted_by_key(|q| q.span.start);
        let mut rows: Vec<Row<'a>> = if quotes.len() >= PARALLEL_ROWS && in_order() {
            // A long file's rows by parts on the pool. Each part counts lines and columns from
            // its own first quote, up to the next part's first quote; the parts' starts are then
            // added up in order, and each position is moved by its part's start.
            use rayon::prelude::*;
            let one = LineCol { line: 1, column: 1 };
            let first = |k: usize| {
                in_text
                    .get(k * ROWS_PER_PART)
                    .map_or(text.len(), |q| q.span.start.min(text.len()))
            };
            let parts: Vec<(Vec<(LineCol, LineCol)>, LineCol)> = in_text
                .par_chunks(ROWS_PER_PART)
                .enumerate()
                .map(|(k, part)| {
                    let mut cursor = Cursor::at(text, first(k), one);
                    let spans = part.iter().map(|at| span_at(&mut cursor, at)).collect();
                    (spans, cursor.line_col(first(k + 1)))
                })
                .collect();
            let mut at = advance(one, &text[..first(0)]);
            let starts: Vec<LineCol> = parts
                .iter()
                .map(|&(_, step)| {
                    let start = at;
                    at = after(at, step);
                    start
                })
                .collect();
            // The rows straight into their places: collecting each part's rows and joining
            // them would copy every row once more, on one thread.
            let mut rows = Vec::new();
            quotes
                .par_iter()
                .enumerate()
                .map(|(i, quote)| {
                    let k = i / ROWS_PER_PART;
                    let (start, end) = parts[k].0[i % ROWS_PER_PART];
                    row(after(starts[k], start), after(starts[k], end), quote)
                })
                .collect_into_vec(&mut rows);
            rows
        } else {
            let mut starts = Cursor::new(text);
            in_text
                .iter()
                .zip(quotes)
                .map(|(at, quote)| {
                    let (start, end) = span_at(&mut starts, at);
                    row(start, end, quote)
                })
                .collect()
        };
        // The engine returns quotes in text order; a stable sort makes it a guarantee of the report.
        // (Checked first: a stable sort takes a scratch copy of the rows even when in order.)
        if !rows.is_sorted_by_key(|row| (row.quote.span.start, row.quote.span.end)) {
            rows.sort_by_key(|row| (row.quote.span.start, row.quote.span.end));
        }
        FileReport {
            name,
            rows,
            article: None,
        }
    }

    /// The same report, showing `article` in the formats that show the text.
    pub fn with_article(self, article: Option<&'a html::Article>) -> FileReport<'a> {
        FileReport { article, ..self }
    }
}

/// Line and column of offsets met in increasing order, each counted from the previous one.
///
/// [`LineIndex::line_col`] counts the characters from the start of the line, so a file that is
/// one long line with thousands of quotes (a CMS export) would be read once per quote; this reads
/// it once. An offset before the previous one (the end of a quote around a shorter one) is looked
/// up in a [`LineIndex`], built the first time one is needed.
struct Cursor<'b> {
    bytes: &'b [u8],
    offset: usize,
    at: LineCol,
    index: Option<LineIndex>,
}

impl<'b> Cursor<'b> {
    fn new(bytes: &'b [u8]) -> Cursor<'b> {
        Cursor::at(bytes, 0, LineCol { line: 1, column: 1 })
    }

    /// A cursor at `offset`, which is at line and column `at`.
    fn at(bytes: &'b [u8], offset: usize, at: LineCol) -> Cursor<'b> {
        Cursor {
            bytes,
            offset,
            at,
            index: None,
        }
    }

    fn line_col(&mut self, offset: usize) -> LineCol {
        let offset = offset.min(self.bytes.len());
        if offset < self.offset {
            let bytes = self.bytes;
            return self
                .index
                .get_or_insert_with(|| LineIndex::new(bytes))
                .line_col(bytes, offset);
        }
        self.at = advance(self.at, &self.bytes[self.offset..offset]);
        self.offset = offset;
        self.at
    }
}

/// Where a position is when the text it is counted from starts at `at`, given the position
/// counted from line 1, column 1 (`step`, from [`advance`] or a cursor started there).
fn after(at: LineCol, step: LineCol) -> LineCol {
    if step.line == 1 {
        LineCol {
            line: at.line,
            column: at.column + step.column - 1,
        }
    } else {
        LineCol {
            line: at.line + step.line - 1,
            column: step.column,
        }
    }
}

/// The line and column right after `between`, which starts at `at`.
fn advance(at: LineCol, between: &[u8]) -> LineCol {
    // Characters are counted as LineIndex does: every byte that is not a continuation byte.
    let chars = |b: &[u8]| b.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
    match memchr::memrchr(b'\n', between) {
        None => LineCol {
            line: at.line,
            column: at.column + chars(between),
        },
        Some(last) => LineCol {
            line: at.line + memchr::memchr_iter(b'\n', between).count(),
            column: chars(&between[last + 1..]) + 1,
        },
    }
}

/// Counts over a whole run, for the human summary and the exit code.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Inputs checked.
    pub files: usize,
    /// Inputs that could not be read or checked.
    pub errors: usize,
    /// Quotes reported.
    pub quotes: usize,
    /// Quotes per kind, indexed as [`KINDS`].
    pub kinds: [usize; KINDS.len()],
    /// Quotes carrying each flag, indexed as [`Flag::ALL`].
    pub flags: [usize; Flag::ALL.len()],
    /// Quotes flagged at or above `fail_level`, suppressed ones excepted.
    pub failing: usize,
    /// Quotes suppressed by a `quotecheck-disable…` comment.
    pub suppressed: usize,
    /// The fail level of the run; `None` never fails.
    pub fail_level: Option<Severity>,
}

/// Every quote kind, in summary order.
pub const KINDS: [QuoteKind; 4] = [
    QuoteKind::Speech,
    QuoteKind::Title,
    QuoteKind::Term,
    QuoteKind::Other,
];

impl Summary {
    /// An empty summary for a run failing at `fail_level`.
    pub fn new(fail_level: Option<Severity>) -> Summary {
        Summary {
            files: 0,
            errors: 0,
            quotes: 0,
            kinds: [0; KINDS.len()],
            flags: [0; Flag::ALL.len()],
            failing: 0,
            suppressed: 0,
            fail_level,
        }
    }

    /// Count a checked input.
    pub fn add(&mut self, file: &FileReport<'_>) {
        self.files += 1;
        self.quotes += file.rows.len();
        for row in &file.rows {
            if let Some(i) = KINDS.iter().position(|&k| k == row.quote.kind) {
                self.kinds[i] += 1;
            }
            for (i, flag) in Flag::ALL.iter().enumerate() {
                if row.quote.has(*flag) {
                    self.flags[i] += 1;
                }
            }
            if row.fails(self.fail_level) {
                self.failing += 1;
            }
            if row.quote.suppressed.is_some() {
                self.suppressed += 1;
            }
        }
    }

    /// Count an input that could not be checked.
    pub fn add_error(&mut self) {
        self.errors += 1;
    }
}

/// One flag of one quote: what the CI formats (SARIF, GitHub) report, one result each.
#[derive(Debug, Clone)]
pub struct Finding<'a> {
    /// The quote's row.
    pub row: &'a Row<'a>,
    /// The flag.
    pub flag: Flag,
    /// Its severity in this run.
    pub severity: Severity,
    /// A hash of the flag, the quote's text and its rank among the file's quotes with the same
    /// text and flag: stable when lines are added or removed around the quote.
    pub fingerprint: String,
}

impl FileReport<'_> {
    /// Every flag of every quote, in text order, with its fingerprint.
    pub fn findings(&self, severities: &Severities) -> Vec<Finding<'_>> {
        let mut seen: Vec<(Flag, String)> = Vec::new();
        let mut out = Vec::new();
        for row in &self.rows {
            let text = row
                .quote
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            for &flag in &row.quote.flags {
                let rank = seen
                    .iter()
                    .filter(|(f, t)| *f == flag && *t == text)
                    .count();
                let key = format!("{}\0{text}\0{rank}", flag.as_str());
                seen.push((flag, text.clone()));
                out.push(Finding {
                    row,
                    flag,
                    severity: severities.of(flag),
                    fingerprint: format!("{:016x}", fnv1a(key.as_bytes())),
                });
            }
        }
        out
    }
}

/// FNV-1a, 64 bits: a hash that never changes between Rust releases or platforms.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl Finding<'_> {
    /// One sentence for an editor: what is wrong with the quote, with the quote (cut short).
    pub fn message(&self) -> String {
        let q = self.row.quote;
        let mut quote: String = q.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if quote.chars().count() > 80 {
            quote = quote.chars().take(79).collect::<String>() + "…";
        }
        let speaker = q.speaker.as_deref().unwrap_or("unknown");
        match self.flag {
            Flag::Unattributed => format!("Unattributed quote: no speaker found for {quote}"),
            Flag::Ambiguous => format!(
                "Ambiguous speaker for {quote}: {}",
                q.candidates.join(" or ")
            ),
            Flag::Anonymous => format!("Anonymous source ({speaker}) for {quote}"),
            Flag::Unbalanced => format!("Unbalanced quotation mark: {quote}"),
            Flag::NoSource => format!("No cited source for {quote} (speaker: {speaker})"),
            Flag::Inconsistent => format!(
                "Inconsistent quote: {quote} appears elsewhere in the article with other words or another speaker"
            ),
            Flag::Altered => format!("Altered quote: {quote} differs from its source"),
            Flag::NotFound => format!("Quote not found in the sources: {quote}"),
        }
    }
}

/// A flag's one-line description, for rule lists.
pub fn describe(flag: Flag) -> &'static str {
    match flag {
        Flag::Unattributed => "A speech quote with no speaker.",
        Flag::Ambiguous => "Two or more candidate speakers that the rules cannot separate.",
        Flag::Anonymous => "The speaker is an unnamed source (an official, sources close to…).",
        Flag::Unbalanced => {
            "A quotation mark that never closes, or a closing mark with no opening one."
        }
        Flag::NoSource => "A speaker but no cited outlet (with require-source).",
        Flag::Inconsistent => {
            "The same quote appears elsewhere in the article with other words or another speaker."
        }
        Flag::Altered => "verify: the passage of the sources differs from the quote.",
        Flag::NotFound => "verify: no passage of the sources is close enough to the quote.",
    }
}

/// `name` as a relative URI reference with `/` separators (`./` dropped, reserved characters
/// percent-encoded), or a `file://` URI for an absolute path: what SARIF and GitHub expect.
pub fn uri(name: &str) -> String {
    let path = slash_path(name);
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `name` with `/` separators and without a leading `./`.
pub fn slash_path(name: &str) -> String {
    let mut path = name.replace('\\', "/");
    while let Some(rest) = path.strip_prefix("./") {
        path = rest.to_string();
    }
    path
}

/// An output format.
///
/// The run calls `begin` once, `file` once per input checked (in command-line order, also for
/// inputs without quotes), then `finish` once, which must flush the output. Any error stops the
/// run; a [`io::ErrorKind::BrokenPipe`] means the reader went away.
pub trait Report {
    /// Write what comes before the first quote (a CSV header).
    fn begin(&mut self) -> io::Result<()>;
    /// Write the quotes of one input.
    fn file(&mut self, file: &FileReport<'_>) -> io::Result<()>;
    /// Write what comes after the last quote (a summary), and flush.
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
}

#[cfg(test)]
pub(crate) mod tests {
    use quotecheck::{Excerpt, Lang, Span};

    use super::*;

    /// A French quote with every field filled in, and the text it is found in.
    pub(crate) fn attributed() -> (String, Quote) {
        let text = "Le ministre Jean Dupont a déclaré à l’AFP : « Nous tiendrons, \"promis\",\nnos promesses ».\n";
        let open = text.find('«').unwrap();
        let close = text.find('»').unwrap() + '»'.len_utf8();
        let at = |s: &str| {
            let start = text.find(s).unwrap();
            Excerpt {
                span: Span::new(start, start + s.len()),
                text: s.to_string(),
            }
        };
        let quote = Quote {
            span: Span::new(open, close),
            text: text[open..close].to_string(),
            kind: QuoteKind::Speech,
            lang: Lang::Fr,
            speaker: Some("Jean Dupont".to_string()),
            speaker_mention: Some(at("Le ministre Jean Dupont")),
            cue: Some(at("a déclaré")),
            source: Some("AFP".to_string()),
            source_mention: Some(at("l’AFP")),
            source_inherited: false,
            confidence: 0.86,
            flags: vec![Flag::Anonymous, Flag::Unbalanced],
            candidates: vec!["Jean Dupont".to_string(), "Marie Curie".to_string()],
            rule: "fr.cue-before",
            suppressed: None,
            cite: None,
        };
        (text.to_string(), quote)
    }

    /// An English quote with nothing attributed, and the text it is found in.
    pub(crate) fn bare() -> (String, Quote) {
        let text = "\"Yes.\"";
        let quote = Quote {
            span: Span::new(0, text.len()),
            text: text.to_string(),
            kind: QuoteKind::Term,
            lang: Lang::En,
            speaker: None,
            speaker_mention: None,
            cue: None,
            source: None,
            source_mention: None,
            source_inherited: true,
            confidence: 0.0,
            flags: Vec::new(),
            candidates: Vec::new(),
            rule: "none",
            suppressed: None,
            cite: None,
        };
        (text.to_string(), quote)
    }

    #[test]
    fn rows_carry_lsp_style_positions_and_the_highest_severity() {
        let (text, quote) = attributed();
        let quotes = [quote];
        let file = FileReport::new("a.txt", text.as_bytes(), &quotes, &Severities::default());
        let row = &file.rows[0];
        // "«" is the 45th character of line 1; the quote ends after "»" on line 2.
        assert_eq!(
            row.start,
            LineCol {
                line: 1,
                column: 45
            }
        );
        assert_eq!(
            row.end,
            LineCol {
                line: 2,
                column: 16
            }
        );
        assert_eq!(row.severity, Some(Severity::Error));
        assert!(row.fails(Some(Severity::Warning)));
        assert!(!row.fails(None));
    }

    #[test]
    fn the_cursor_agrees_with_the_line_index_forwards_and_backwards() {
        let text = "« Oui »\r\nIl a dit « non ».\n\nÉté 🎉 fin\n".as_bytes();
        let index = LineIndex::new(text);
        let mut cursor = Cursor::new(text);
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&i| i == text.len() || (text[i] & 0xC0) != 0x80)
            .collect();
        for &o in offsets.iter().chain(offsets.iter().rev().step_by(3)) {
            assert_eq!(cursor.line_col(o), index.line_col(text, o), "offset {o}");
        }
        assert_eq!(
            cursor.line_col(text.len() + 5),
            index.line_col(text, text.len())
        );
    }

    #[test]
    fn a_long_files_rows_by_parts_agree_with_the_line_index() {
        // Parts that start in the middle of a line, quotes over a line break, characters of 1
        // to 4 bytes and CRLF; then one line that runs over several parts.
        let mut text = String::new();
        let mut spans = Vec::new();
        for n in 0..3 * PARALLEL_ROWS + 7 {
            let lines = n < PARALLEL_ROWS;
            let quote = match n % 5 {
                0 => "« Été »",
                1 => "\"🎉 yes\"",
                2 if lines => "“deux\r\nlignes”",
                3 => "« x »",
                _ => "\"plain\"",
            };
            text.push_str(if lines && n % 7 == 0 { "\n" } else { " é " });
            if lines && n % 1000 == 999 {
                text.push_str("\r\n\n");
            }
            spans.push(Span::new(text.len(), text.len() + quote.len()));
            text.push_str(quote);
        }
        let (_, template) = bare();
        let quotes: Vec<Quote> = spans
            .iter()
            .map(|&span| Quote {
                span,
                ..template.clone()
            })
            .collect();
        let file = FileReport::new("a.txt", text.as_bytes(), &quotes, &Severities::default());
        let index = LineIndex::new(text.as_bytes());
        assert_eq!(file.rows.len(), quotes.len());
        for (row, q) in file.rows.iter().zip(&quotes) {
            assert_eq!(row.quote.span, q.span);
            let start = index.line_col(text.as_bytes(), q.span.start);
            let end = index.line_col(text.as_bytes(), q.span.end);
            assert_eq!((row.start, row.end), (start, end), "{:?}", q.span);
        }
    }

    #[test]
    fn row_ends_counted_from_their_starts_agree_with_the_line_index() {
        let text = "« Oui »\r\nIl a dit « non ».\n\nÉté 🎉 fin\n";
        let index = LineIndex::new(text.as_bytes());
        let chars: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        // Every span between two characters, overlapping and nested ones included.
        let quotes: Vec<Quote> = chars
            .iter()
            .flat_map(|&a| chars.iter().filter(move |&&b| b >= a).map(move |&b| (a, b)))
            .map(|(a, b)| Quote {
                span: Span::new(a, b),
                ..bare().1
            })
            .collect();
        let file = FileReport::new("a.txt", text.as_bytes(), &quotes, &Severities::default());
        assert_eq!(file.rows.len(), quotes.len());
        for row in &file.rows {
            let span = row.quote.span;
            assert_eq!(
                row.start,
                index.line_col(text.as_bytes(), span.start),
                "{span:?}"
            );
            assert_eq!(
                row.end,
                index.line_col(text.as_bytes(), span.end),
                "{span:?}"
            );
        }
    }

    #[test]
    fn summary_counts_kinds_flags_and_failing_quotes() {
        let (text_a, a) = attributed();
        let (text_b, b) = bare();
        let (qa, qb) = ([a], [b]);
        let sev = Severities::default();
        let mut summary = Summary::new(Some(Severity::Error));
        summary.add(&FileReport::new("a", text_a.as_bytes(), &qa, &sev));
        summary.add(&FileReport::new("b", text_b.as_bytes(), &qb, &sev));
        summary.add_error();
        assert_eq!((summary.files, summary.errors, summary.quotes), (2, 1, 2));
        assert_eq!(summary.kinds, [1, 0, 1, 0]);
        assert_eq!(summary.flags, [0, 0, 1, 1, 0, 0, 0, 0]);
        assert_eq!(summary.failing, 1);
    }
}
