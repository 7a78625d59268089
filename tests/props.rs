//! Property tests over hostile text (issue #6): random Unicode mixed with every quotation mark,
//! no-break spaces, combining marks, right-to-left text, CR/LF, byte-order marks and NUL.
//!
//! - The library never panics, and every span it reports (quotes, speaker mentions, cues, source
//!   mentions) lies inside the file and on character boundaries, in text, Markdown and HTML, in
//!   UTF-8 and in UTF-16.
//! - The binary writes CSV that parses back to one record per quote, JSON Lines that parse, and
//!   the same bytes for one thread and for several.
//!
//! `PROPTEST_CASES` sets the number of cases (default: small, for CI). The long run is the
//! ignored `fuzz_for_a_while` test, see docs/robustness.md:
//!
//! ```sh
//! QC_FUZZ_SECS=600 cargo test --release --test props -- --ignored --nocapture fuzz_for_a_while
//! ```

use std::io::Write as _;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};
use quotecheck::document::{Encoding, decode};
use quotecheck::{Format, Options, Span, check_source};

/// What makes copy hard to read: every quotation mark we know, spaces that are not spaces,
/// combining marks, bidirectional controls, line ends of every platform, BOM, NUL, markup.
const PIECES: &[&str] = &[
    "«",
    "»",
    "« ",
    " »",
    "«\u{a0}",
    "\u{a0}»",
    "«\u{202f}",
    "\u{202f}»",
    "“",
    "”",
    "„",
    "‟",
    "\"",
    "'",
    "‘",
    "’",
    "‚",
    "‛",
    "‹",
    "›",
    "「",
    "」",
    "『",
    "』",
    "＂",
    "❝",
    "❞",
    "〝",
    "〞",
    "⹂",
    "\u{a0}",
    "\u{202f}",
    "\u{2009}",
    "\u{200b}",
    "\u{301}",
    "\u{308}",
    "\u{327}",
    "e\u{301}",
    "שלום",
    "مرحبا",
    "\u{202e}",
    "\u{202c}",
    "\u{200f}",
    "\u{200e}",
    "👩\u{200d}👩\u{200d}👧",
    "🎉",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\u{2028}",
    "\u{feff}",
    "\0",
    "\t",
    " ",
    ".",
    ",",
    ":",
    ";",
    "?",
    "!",
    "…",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    "Il a dit",
    "a déclaré",
    "a-t-il ajouté",
    "selon l'AFP",
    "Le ministre Jean Dupont",
    "Kim Jong Un",
    "le président",
    "said",
    "she said",
    "according to Reuters",
    "Mayor Ana Ruiz",
    "he told the BBC",
    "Mr. Smith",
    "Nous tiendrons nos promesses",
    "We will rebuild",
    "<p>",
    "</p>",
    "<q>",
    "</q>",
    "<blockquote>",
    "</blockquote>",
    "&laquo;",
    "&raquo;",
    "&#8220;",
    "&quot;",
    "&",
    "<",
    "> ",
    "# ",
    "`",
    "*",
    "<!-- quotecheck-disable-next-quote -->",
    "=HYPERLINK(\"x\")",
    "@",
];

/// A text of up to `max` pieces, each a piece above or a random character.
fn text(max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..max).prop_map(|v| v.concat())
}

/// Proptest's configuration from the environment (`PROPTEST_CASES`, `PROPTEST_RNG_SEED`), with
/// a small case count and a fixed seed when they are not set: CI runs the same cases every time,
/// a bug the seed does not reach is the fuzz run's job.
fn config() -> Config {
    let mut config = Config {
        failure_persistence: None,
        ..Config::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 48;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x5eed_0006);
    }
    config
}

/// `span` lies inside `file` and both its ends are character boundaries of `text` mapped to
/// the file by `boundary` (the identity for UTF-8).
fn check_span(file_len: usize, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.end <= file_len,
        "{what} {span:?} outside a file of {file_len} bytes"
    );
    Ok(())
}

/// The library on `s` in every format and in UTF-8 and UTF-16: no panic, spans in the file on
/// character boundaries.
fn library_holds(s: &str) -> Result<(), TestCaseError> {
    for format in Format::ALL {
        let (_, analysis) = check_source(s.as_bytes(), format, &Options::default())
            .map_err(|e| TestCaseError::fail(format!("{format}: valid UTF-8 refused: {e}")))?;
        for q in &analysis.quotes {
            let mut spans = vec![("quote", q.span)];
            for (what, e) in [
                ("speaker mention", &q.speaker_mention),
                ("cue", &q.cue),
                ("source mention", &q.source_mention),
            ] {
                if let Some(e) = e {
                    spans.push((what, e.span));
                }
            }
            for (what, span) in spans {
                check_span(s.len(), span, what)?;
                prop_assert!(
                    s.is_char_boundary(span.start) && s.is_char_boundary(span.end),
                    "{format}: {what} {span:?} not on character boundaries"
                );
            }
            if format == Format::Text {
                prop_assert_eq!(&s[q.span.start..q.span.end], q.text.as_str());
            }
        }
    }
    // The same text in UTF-16: every quote maps to whole code units of the file, and for plain
    // text those units decode to the quote.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
    let decoded = decode(&utf16, Encoding::Auto).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(decoded.text(), s);
    let (_, analysis) = check_source(decoded.text().as_bytes(), Format::Text, &Options::default())
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    for q in &analysis.quotes {
        let span = decoded.quote_to_original(q).span;
        check_span(utf16.len(), span, "UTF-16 quote")?;
        prop_assert!(span.start % 2 == 0 && span.end % 2 == 0 && span.start >= 2);
        let units: Vec<u16> = utf16[span.start..span.end]
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        prop_assert_eq!(String::from_utf16(&units).unwrap(), q.text.as_str());
    }
    Ok(())
}

#[test]
fn any_text_gives_spans_inside_the_file_on_character_boundaries() {
    let mut runner = TestRunner::new(config());
    runner
        .run(&text(80), |s| library_holds(&s))
        .unwrap_or_else(|e| panic!("{e}"));
}

/// Random text repeated into a document of about `bytes` (one line when `one_line`): long
/// enough that the engine cuts it into runs, attributes it by batches and writes its rows by
/// parts.
fn long_document(pieces: &[String], bytes: usize, one_line: bool) -> String {
    let mut unit = pieces.join("\n\n");
    if one_line {
        unit = unit.replace(['\n', '\r'], " ");
    }
    if unit.trim().is_empty() {
        unit = "Il a dit « oui ». ".to_string();
    }
    unit.push_str(if one_line { " " } else { "\n\n" });
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// The library on long documents: the parallel paths for long inputs (runs of blocks and of
/// sentences, pieces of one long block, attribution by batches) hold, and give the same
/// findings on one thread and on two.
#[test]
fn long_documents_hold_and_do_not_depend_on_the_thread_count() {
    let mut config = config();
    config.cases = (config.cases / 8).max(3);
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let two = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let mut runner = TestRunner::new(config);
    let strategy = (prop::collection::vec(text(40), 1..6), any::<bool>());
    runner
        .run(&strategy, |(pieces, one_line)| {
            let doc = long_document(&pieces, 300_000, one_line);
            let run = |pool: &rayon::ThreadPool| {
                pool.install(|| check_source(doc.as_bytes(), Format::Text, &Options::default()))
                    .map(|(_, analysis)| analysis.quotes)
                    .map_err(|e| TestCaseError::fail(e.to_string()))
            };
            let (alone, shared) = (run(&one)?, run(&two)?);
            for q in &alone {
                check_span(doc.len(), q.span, "quote")?;
                prop_assert_eq!(&doc[q.span.start..q.span.end], q.text.as_str());
            }
            prop_assert!(alone == shared, "one thread and two differ");
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

/// Found by the fuzz run: a quote followed by `according to Reuters,` at the very end of the
/// text panicked in the engine (`cues::mention_starting_at` read the item past the last).
#[test]
fn regression_quote_then_according_to_at_the_end_of_the_text() {
    for text in [
        "\"x\" according to Reuters,",
        "« x » according to Reuters,",
        "› »\" »› » »&#8220;''Il a dit«’&quot;»'according to Reuters,",
    ] {
        library_holds(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
}

/// A long fuzzing run of the library property on the stable toolchain: proptest with as many
/// cases as fit in `QC_FUZZ_SECS` seconds (default 600), longer texts than in CI, a new random
/// seed every 1,000 cases. A failure is shrunk, printed with the place of the panic, and the run
/// goes on, so one bug does not hide the next; the test fails at the end if anything failed.
#[test]
#[ignore = "long: run by hand, see docs/robustness.md"]
fn fuzz_for_a_while() {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicU64, Ordering};

    static PANIC_AT: Mutex<Option<String>> = Mutex::new(None);
    let secs: u64 = std::env::var("QC_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    // Shrinking panics hundreds of times: keep the place of the last one instead of printing.
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()));
        *PANIC_AT.lock().unwrap() = at;
    }));
    let start = Instant::now();
    let (mut cases, bytes) = (0u64, AtomicU64::new(0));
    let mut failures: Vec<(String, String)> = Vec::new();
    let mut err = std::io::stderr();
    while start.elapsed() < Duration::from_secs(secs) {
        let mut runner = TestRunner::new(Config {
            cases: 1000,
            failure_persistence: None,
            ..Config::default()
        });
        let result = runner.run(&text(400), |s| {
            bytes.fetch_add(s.len() as u64, Ordering::Relaxed);
            library_holds(&s)
        });
        cases += 1000;
        if let Err(e) = result {
            let at = PANIC_AT.lock().unwrap().take().unwrap_or_default();
            let message = e.to_string();
            let _ = writeln!(
                err,
                "fuzz: failure after {cases} cases, panic at {at}: {message}"
            );
            failures.push((at, message));
        }
    }
    let _ = std::panic::take_hook();
    let _ = writeln!(
        err,
        "fuzz: {cases} cases, {} bytes of text, {:.0} s, {} failing runs",
        bytes.into_inner(),
        start.elapsed().as_secs_f64(),
        failures.len()
    );
    let mut places: Vec<&str> = failures.iter().map(|(at, _)| at.as_str()).collect();
    places.sort();
    places.dedup();
    assert!(failures.is_empty(), "failures at {places:?}");
}

mod cli {
    use super::*;
    use assert_cmd::cargo::cargo_bin_cmd;

    /// The binary on `files` in `dir` with `args`; its stdout (exit code 0, 1 or 2 with only
    /// binary files skipped).
    fn run(dir: &std::path::Path, args: &[&str]) -> Result<Vec<u8>, TestCaseError> {
        let out = cargo_bin_cmd!("quotecheck")
            .current_dir(dir)
            .args(["check", "--no-fail"])
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        prop_assert_eq!(out.status.code(), Some(0), "{:?}: {}", args, stderr);
        prop_assert!(!stderr.contains("internal error"), "{}", stderr);
        Ok(out.stdout)
    }

    fn cli_holds(texts: &[String]) -> Result<(), TestCaseError> {
        let dir = tempfile::tempdir().unwrap();
        let mut expected = 0;
        for (i, t) in texts.iter().enumerate() {
            let ext = ["txt", "md", "html"][i % 3];
            std::fs::write(dir.path().join(format!("{i:02}.{ext}")), t).unwrap();
            let format = Format::from_extension(ext).unwrap();
            // Files with NUL are skipped as binary by the binary, as the library is not asked.
            if !t.as_bytes()[..t.len().min(8192)].contains(&0) {
                expected += check_source(t.as_bytes(), format, &Options::default())
                    .unwrap()
                    .1
                    .quotes
                    .len();
            }
        }
        let csv1 = run(dir.path(), &["-j", "1", "."])?;
        let csv3 = run(dir.path(), &["-j", "3", "."])?;
        prop_assert!(csv1 == csv3, "CSV differs between 1 and 3 threads");
        let mut reader = csv::Reader::from_reader(&csv1[..]);
        let mut rows = 0;
        for record in reader.records() {
            let record = record.map_err(|e| TestCaseError::fail(format!("bad CSV: {e}")))?;
            prop_assert_eq!(record.len(), 23);
            rows += 1;
        }
        prop_assert_eq!(rows, expected, "CSV records");
        let json1 = run(dir.path(), &["-j", "1", "--format", "json", "."])?;
        let json2 = run(dir.path(), &["-j", "2", "--format", "json", "."])?;
        prop_assert!(json1 == json2, "JSON differs between 1 and 2 threads");
        let json = String::from_utf8(json1).unwrap();
        for line in json.lines() {
            serde_json::from_str::<serde_json::Value>(line)
                .map_err(|e| TestCaseError::fail(format!("bad JSON line {line:?}: {e}")))?;
        }
        prop_assert_eq!(json.lines().count(), expected, "JSON lines");
        let sarif = run(dir.path(), &["-j", "2", "--format", "sarif", "."])?;
        serde_json::from_slice::<serde_json::Value>(&sarif)
            .map_err(|e| TestCaseError::fail(format!("bad SARIF: {e}")))?;
        Ok(())
    }

    #[test]
    fn csv_and_json_parse_back_and_do_not_depend_on_the_thread_count() {
        // Each case runs the binary five times: a tenth of the library's cases.
        let mut config = config();
        config.cases = (config.cases / 8).max(2);
        let mut runner = TestRunner::new(config);
        runner
            .run(&prop::collection::vec(text(60), 1..8), |texts| {
                cli_holds(&texts)
            })
            .unwrap_or_else(|e| panic!("{e}"));
    }
}
