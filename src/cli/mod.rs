//! The command line: arguments, configuration, the run over the inputs, and where the reports go.
//!
//! Glue only. The library reads each input and finds and attributes its quotes; the inputs are
//! checked in parallel, a few ahead of the one being written, and their results written in input
//! order, so the output is the same whatever the number of threads. One input that cannot be read
//! is reported on stderr and the run goes on with the others; a reader that closes the pipe ends
//! the run quietly.
//! [`Status`] turns what happened into the exit code.

mod config;
mod exit;
mod input;
mod verify;

use std::collections::BTreeMap;
use std::fmt::{Display, Write as _};
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use anyhow::{anyhow, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use quotecheck::document::{self, DecodeError, Encoding};
use quotecheck::{
    Analysis, Flag, Format as DocFormat, Lang, LangChoice, LineIndex, Note, Options, Quote,
    Severities, Severity, Source,
};

use crate::report::csv::{self, Csv};
use crate::report::github::Github;
use crate::report::html::{Article, Html};
use crate::report::json::Json;
use crate::report::pretty::Pretty;
use crate::report::sarif::Sarif;
use crate::report::{FileReport, Report, Settings, Summary};
use config::FailOn;
pub use exit::Status;
use input::{Articles, Expanded, InputFormat, Kind, Origin, Target, Walk};

const AFTER_HELP: &str = "\
Exit status: 0 nothing flagged at the fail level, 1 quotes flagged, 2 usage or I/O error.
See `quotecheck check --help` for the options.";

const CHECK_AFTER_HELP: &str = "\
Exit status:
  0  no quote flagged at or above the --fail-on level (or --no-fail)
  1  at least one quote flagged at or above the --fail-on level
     (quotes suppressed with a quotecheck-disable comment never count)
  2  usage or configuration error, or an input or a report could not be
     read or written; the other inputs are still checked and reported

Positions: lines and columns are 1-based, columns count Unicode characters
(scalar values); end_line/end_column point just past the quote (exclusive).
byte_start/byte_end are an end-exclusive byte range of the file as it is on
disk (Markdown and HTML included); for JSON Lines, of the article's text.

Configuration: the nearest .quotecheck.toml in the current directory or its
parents (see the README for its keys); flags override it.";

/// Audit the quotations in news copy: what was quoted, who said it, where it was reported.
#[derive(Debug, Parser)]
#[command(
    name = "quotecheck",
    version,
    arg_required_else_help = true,
    after_help = AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Report every quote of the given files: kind, speaker, cue, cited source and flags.
    #[command(after_help = CHECK_AFTER_HELP)]
    Check(CheckArgs),
    /// Check each speech quote of the articles against the source material: verbatim, elided,
    /// altered or not found, with the passage and a word diff.
    #[command(after_help = verify::VERIFY_AFTER_HELP)]
    Verify(verify::VerifyArgs),
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Files or directories to check; `-` reads standard input (named `<stdin>` in reports).
    /// Directories are walked for .md, .markdown, .html, .htm, .txt and .jsonl files.
    #[arg(value_name = "PATH", required = true, help_heading = "Input")]
    paths: Vec<PathBuf>,

    /// How to read the inputs; `auto` goes by extension (.md/.markdown Markdown, .html/.htm
    /// HTML, .jsonl JSON Lines, anything else and standard input text).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = InputFormat::Auto, help_heading = "Input")]
    input_format: InputFormat,

    /// Character encoding of text, Markdown and HTML inputs: `auto` reads UTF-16 when the file
    /// starts with a UTF-16 byte-order mark, else UTF-8; `latin1` is read as Windows-1252 (as
    /// browsers do). Positions still count the file's own bytes. JSON Lines are always UTF-8.
    #[arg(long, value_enum, value_name = "ENCODING", default_value_t = EncodingArg::Auto, help_heading = "Input")]
    encoding: EncodingArg,

    /// Language of the copy; `auto` decides for each file [default: auto, or the configuration's
    /// `lang`].
    #[arg(long, value_enum, help_heading = "Input")]
    lang: Option<LangArg>,

    /// Leave out files matching this gitignore-style pattern (repeatable; relative to the
    /// current directory).
    #[arg(long, value_name = "GLOB", help_heading = "Input")]
    exclude: Vec<String>,

    /// Apply the configuration's `exclude` and `--exclude` to files named on the command line too
    /// (what a pre-commit hook needs).
    #[arg(long, help_heading = "Input")]
    force_exclude: bool,

    /// Walk hidden files and directories too.
    #[arg(long, help_heading = "Input")]
    hidden: bool,

    /// Do not read .gitignore, .ignore and .quotecheckignore files when walking directories.
    #[arg(long, help_heading = "Input")]
    no_ignore: bool,

    /// Threads for checking the inputs and the paragraphs of a long one (default: one per core).
    #[arg(short = 'j', long, value_name = "N", help_heading = "Input")]
    threads: Option<usize>,

    /// Report format: `csv` (one row per quote), `json` (JSON Lines, one object per quote),
    /// `pretty` (for people), `sarif` (SARIF 2.1.0, for code scanning), `github` (GitHub
    /// Actions annotations) or `html` (one self-contained page of the articles, for editors).
    #[arg(long, value_enum, default_value_t = Format::Csv, help_heading = "Output")]
    format: Format,

    /// Write the report to FILE instead of standard output (`-` is standard output).
    #[arg(short, long, value_name = "FILE", help_heading = "Output")]
    output: Option<PathBuf>,

    /// Also write a report in FORMAT to PATH (repeatable), e.g. `--report sarif=quotes.sarif`.
    #[arg(long, value_name = "FORMAT=PATH", value_parser = parse_report, help_heading = "Output")]
    report: Vec<(Format, PathBuf)>,

    /// CSV: write cells as they are, without the leading `'` that stops a spreadsheet from running
    /// a cell starting with = + - @ tab or a line break as a formula.
    #[arg(long, help_heading = "Output")]
    csv_raw: bool,

    /// Flag speech quotes whose speaker is known but no outlet is cited (`no_source`).
    #[arg(long, help_heading = "Checks")]
    require_source: bool,

    /// Set the severity of a flag (repeatable). FLAG: unattributed, ambiguous, anonymous,
    /// unbalanced, no_source, inconsistent, altered, not_found; LEVEL: error, warning, info.
    /// Defaults: unattributed, unbalanced and altered are errors, the others warnings.
    #[arg(long, value_name = "FLAG=LEVEL", value_parser = parse_severity, help_heading = "Checks")]
    severity: Vec<(Flag, Severity)>,

    /// Exit with 1 when a quote is flagged at or above this severity [default: error, or the
    /// configuration's `fail-on`].
    #[arg(long, value_enum, value_name = "LEVEL", help_heading = "Checks")]
    fail_on: Option<FailOn>,

    /// Exit with 0 whatever the flags; only errors (exit 2) still fail the run.
    #[arg(long, help_heading = "Checks")]
    no_fail: bool,

    /// Read the configuration from FILE instead of looking for .quotecheck.toml.
    #[arg(short, long, value_name = "FILE", help_heading = "Config")]
    config: Option<PathBuf>,

    /// Read no configuration file.
    #[arg(long, conflicts_with = "config", help_heading = "Config")]
    isolated: bool,

    /// Also write to standard error what the engine saw in each file: the quotation marks and
    /// their roles, the cues of each sentence with a quote and their subjects, the mentions and
    /// the entity chains.
    #[arg(long, help_heading = "Output")]
    explain: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    Auto,
    Fr,
    En,
}

impl From<LangArg> for LangChoice {
    fn from(lang: LangArg) -> LangChoice {
        match lang {
            LangArg::Auto => LangChoice::Auto,
            LangArg::Fr => LangChoice::Fixed(Lang::Fr),
            LangArg::En => LangChoice::Fixed(Lang::En),
        }
    }
}

/// `--encoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum EncodingArg {
    Auto,
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "utf-16", alias = "utf16")]
    Utf16,
    #[value(name = "windows-1252", alias = "cp1252")]
    Windows1252,
    #[value(name = "latin1", alias = "iso-8859-1")]
    Latin1,
}

impl From<EncodingArg> for Encoding {
    fn from(arg: EncodingArg) -> Encoding {
        match arg {
            EncodingArg::Auto => Encoding::Auto,
            EncodingArg::Utf8 => Encoding::Utf8,
            EncodingArg::Utf16 => Encoding::Utf16,
            EncodingArg::Windows1252 | EncodingArg::Latin1 => Encoding::Windows1252,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Csv,
    Json,
    Pretty,
    Sarif,
    Github,
    Html,
}

impl Format {
    fn reporter(self, out: Box<dyn Write + Send>, settings: &Settings) -> Box<dyn Report + Send> {
        match self {
            Format::Csv => Box::new(Csv::new(out, settings.csv_guard)),
            Format::Json => Box::new(Json::new(out)),
            Format::Pretty => Box::new(Pretty::new(out, settings.severities.clone())),
            Format::Sarif => Box::new(Sarif::new(out, settings.severities.clone())),
            Format::Github => Box::new(Github::new(out, settings.severities.clone())),
            Format::Html => Box::new(Html::new(out, settings.severities.clone())),
        }
    }
}

/// `FLAG=LEVEL`, as given to `--severity`.
fn parse_severity(arg: &str) -> Result<(Flag, Severity), String> {
    let (flag, level) = arg
        .split_once('=')
        .ok_or_else(|| format!("expected FLAG=LEVEL, e.g. anonymous=error, got `{arg}`"))?;
    let flag = flag.trim().parse::<Flag>().map_err(|e| {
        let all: Vec<&str> = Flag::ALL.iter().map(|f| f.as_str()).collect();
        format!("{e} (expected one of {})", all.join(", "))
    })?;
    Ok((flag, level.trim().parse::<Severity>()?))
}

/// `FORMAT=PATH`, as given to `--report`.
fn parse_report(arg: &str) -> Result<(Format, PathBuf), String> {
    let (format, path) = arg
        .split_once('=')
        .ok_or_else(|| format!("expected FORMAT=PATH, e.g. sarif=quotes.sarif, got `{arg}`"))?;
    let format = Format::from_str(format.trim(), false).map_err(|_| {
        format!(
            "unknown report format `{format}` (expected csv, json, pretty, sarif, github or html)"
        )
    })?;
    if path.is_empty() {
        return Err(format!("no path for the {format:?} report in `{arg}`"));
    }
    Ok((format, PathBuf::from(path)))
}

/// Print `message` on stderr as an error of the tool. A closed stderr is ignored.
fn print_error(message: impl Display) {
    let _ = writeln!(io::stderr().lock(), "quotecheck: {message}");
}

/// Print `message` on stderr as a note: something left out, nothing failed.
fn print_note(message: impl Display) {
    let _ = writeln!(io::stderr().lock(), "quotecheck: note: {message}");
}

/// Parse the command line and run it.
pub fn run() -> Status {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version go to stdout and succeed; a usage error goes to stderr.
            let _ = err.print();
            return if err.use_stderr() {
                Status::Error
            } else {
                Status::Clean
            };
        }
    };
    match cli.command {
        Command::Check(args) => check(&args),
        Command::Verify(args) => verify::verify(&args),
    }
}

/// A report being written, and whether it still can be.
struct Sink {
    report: Box<dyn Report + Send>,
    name: String,
    alive: bool,
}

/// Every report of the run: the main one (`--format`) and the `--report` ones.
struct Sinks {
    sinks: Vec<Sink>,
    /// A report could not be written (a closed pipe is not counted).
    errored: bool,
}

impl Sinks {
    /// Run `f` on every report still alive; a report that fails is dropped, with a message
    /// unless its reader just went away.
    fn each(&mut self, mut f: impl FnMut(&mut dyn Report) -> io::Result<()>) {
        for sink in self.sinks.iter_mut().filter(|s| s.alive) {
            if let Err(err) = f(sink.report.as_mut()) {
                sink.alive = false;
                if err.kind() != io::ErrorKind::BrokenPipe {
                    print_error(format_args!(
                        "cannot write the report to {}: {err}",
                        sink.name
                    ));
                    self.errored = true;
                }
            }
        }
    }

    fn any_alive(&self) -> bool {
        self.sinks.iter().any(|s| s.alive)
    }
}

/// `quotecheck check`.
fn check(args: &CheckArgs) -> Status {
    let cwd = match std::env::current_dir() {
        Ok(cwd) => cwd,
        Err(err) => {
            print_error(format_args!("cannot read the current directory: {err}"));
            return Status::Error;
        }
    };
    let config = match config::load(&cwd, args.config.as_deref(), args.isolated) {
        Ok(config) => config,
        Err(err) => {
            print_error(err);
            return Status::Error;
        }
    };
    let origins: Vec<Origin> = args.paths.iter().map(|p| Origin::from_arg(p)).collect();
    let output = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    let outputs: Vec<&Path> = output
        .into_iter()
        .chain(args.report.iter().map(|(_, p)| p.as_path()))
        .collect();
    if let Err(err) = validate(&origins, &outputs) {
        print_error(format_args!("{err:#}"));
        return Status::Error;
    }
    let mut exclude: Vec<ignore::gitignore::Gitignore> = config.exclude.into_iter().collect();
    if !args.exclude.is_empty() {
        let mut builder = ignore::gitignore::GitignoreBuilder::new(&cwd);
        for glob in &args.exclude {
            if let Err(err) = builder.add_line(None, glob) {
                print_error(format_args!("bad --exclude pattern `{glob}`: {err}"));
                return Status::Error;
            }
        }
        match builder.build() {
            Ok(g) => exclude.push(g),
            Err(err) => {
                print_error(format_args!("bad --exclude patterns: {err}"));
                return Status::Error;
            }
        }
    }

    let mut severities = Severities::default();
    for &(flag, level) in config.severities.iter().chain(&args.severity) {
        severities.set(flag, level);
    }
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or(FailOn::Error);
    let settings = Settings {
        severities,
        fail_level: fail_on.level(),
        csv_guard: !args.csv_raw,
    };
    let options = Options {
        lang: args
            .lang
            .map(LangChoice::from)
            .or(config.lang)
            .unwrap_or_default(),
        require_source: args.require_source || config.require_source.unwrap_or(false),
        custom: config.custom,
    };

    // The reports: created before anything is read, so a bad path fails at once.
    let mut sinks = Sinks {
        sinks: Vec::new(),
        errored: false,
    };
    // Not `stdout().lock()`: a report is written on a thread of the pool (see `Run::emit`).
    let main: (Box<dyn Write + Send>, String) = match output {
        None => (
            Box::new(BufWriter::new(io::stdout())),
            "standard output".to_string(),
        ),
        Some(path) => match File::create(path) {
            Ok(file) => (Box::new(BufWriter::new(file)), path.display().to_string()),
            Err(err) => {
                print_error(format_args!(
                    "cannot create the report file {}: {err}",
                    path.display()
                ));
                return Status::Error;
            }
        },
    };
    sinks.sinks.push(Sink {
        report: args.format.reporter(main.0, &settings),
        name: main.1,
        alive: true,
    });
    for (format, path) in &args.report {
        match File::create(path) {
            Ok(file) => sinks.sinks.push(Sink {
                report: format.reporter(Box::new(BufWriter::new(file)), &settings),
                name: path.display().to_string(),
                alive: true,
            }),
            Err(err) => {
                print_error(format_args!(
                    "cannot create the report file {}: {err}",
                    path.display()
                ));
                return Status::Error;
            }
        }
    }

    let threads = args.threads.unwrap_or(0);
    let walk = Walk {
        format: Some(args.input_format),
        hidden: args.hidden,
        no_ignore: args.no_ignore,
        force_exclude: args.force_exclude,
        exclude,
        outputs: outputs.iter().map(|p| p.to_path_buf()).collect(),
        cwd,
        threads,
    };
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool,
        Err(err) => {
            print_error(format_args!("cannot start the worker threads: {err}"));
            return Status::Error;
        }
    };
    let mut run = Run {
        options,
        summary: Summary::new(settings.fail_level),
        settings,
        errored: false,
        explain: args.explain,
        article: args.format == Format::Html || args.report.iter().any(|r| r.0 == Format::Html),
        encoding: args.encoding.into(),
    };
    sinks.each(|r| r.begin());
    let expanded = walk.expand(&args.paths);
    run.all(expanded, &pool, &mut sinks);
    let summary = run.summary.clone();
    sinks.each(|r| r.finish(&summary));
    Status::of_run(
        run.errored || sinks.errored,
        run.summary.failing,
        args.no_fail,
    )
}

/// Refuse command lines that cannot work before reading anything.
fn validate(inputs: &[Origin], outputs: &[&Path]) -> anyhow::Result<()> {
    if inputs.iter().filter(|i| **i == Origin::Stdin).count() > 1 {
        bail!("`-` (standard input) can be given only once");
    }
    let mut seen: Vec<PathBuf> = Vec::new();
    for out in outputs {
        // Creating a report file would empty an input before it is read.
        if let Ok(canonical) = fs::canonicalize(out) {
            let same = |path: &PathBuf| fs::canonicalize(path).is_ok_and(|p| p == canonical);
            for input in inputs {
                if let Origin::File(path) = input
                    && same(path)
                {
                    bail!(
                        "the report file {} is also an input; refusing to overwrite it",
                        path.display()
                    );
                }
            }
        }
        if seen.iter().any(|p| p == out) {
            bail!("two reports are written to {}", out.display());
        }
        seen.push(out.to_path_buf());
    }
    Ok(())
}

/// How many documents per thread may be read and checked ahead of the one being written: enough
/// to keep every thread busy while results are written, few enough that memory stays a few
/// documents per thread whatever the size of the run.
const AHEAD_PER_THREAD: usize = 4;

/// One document to check.
enum Work {
    /// Read from a file or standard input.
    Read {
        origin: Origin,
        format: DocFormat,
    },
    /// An article of a JSON Lines input.
    Text {
        name: String,
        text: String,
        format: DocFormat,
    },
    /// Nothing to check: an input that failed before it was read, or a note.
    Failed {
        name: String,
        err: anyhow::Error,
    },
    Note(String),
}

impl Work {
    /// The name the document is reported under.
    fn name(&self) -> String {
        match self {
            Work::Read { origin, .. } => origin.name(),
            Work::Text { name, .. } | Work::Failed { name, .. } => name.clone(),
            Work::Note(_) => String::new(),
        }
    }
}

/// What checking one document gave.
enum Outcome {
    Checked {
        name: String,
        /// The text lines and columns are counted in: the file, a JSON Lines article's text, or
        /// the UTF-8 text a file in another encoding was decoded to.
        bytes: Vec<u8>,
        /// The quotes, their spans in `bytes`.
        quotes: Vec<Quote>,
        /// For a decoded file, the same quotes with their spans in the file.
        in_file: Option<Vec<Quote>>,
        notes: Vec<Note>,
        explain: Option<String>,
        article: Option<Box<Article>>,
    },
    Skipped {
        name: String,
        why: &'static str,
    },
    Failed {
        name: String,
        err: anyhow::Error,
    },
    Note(String),
}

/// The state of one `check` run.
struct Run {
    options: Options,
    settings: Settings,
    summary: Summary,
    /// An input could not be checked.
    errored: bool,
    /// Write what the engine saw to stderr.
    explain: bool,
    /// Keep each input's text for a report that shows it (HTML).
    article: bool,
    /// `--encoding`.
    encoding: Encoding,
}

impl Run {
    /// Check every input, writing the results in input order.
    ///
    /// The inputs go to the pool one by one, at most [`AHEAD_PER_THREAD`] per thread ahead of the
    /// next to be written; this thread writes each result as soon as those before it are done.
    /// No thread waits for a batch to finish, and memory does not grow with the run.
    fn all(&mut self, expanded: Vec<Expanded>, pool: &rayon::ThreadPool, sinks: &mut Sinks) {
        let mut work = expanded
            .into_iter()
            .flat_map(|e| -> Box<dyn Iterator<Item = Work>> {
                match e {
                    Expanded::Note(n) => Box::new(std::iter::once(Work::Note(n))),
                    Expanded::Target(Target {
                        origin,
                        kind: Kind::Doc(format),
                    }) => Box::new(std::iter::once(Work::Read { origin, format })),
                    Expanded::Target(Target {
                        origin,
                        kind: Kind::Jsonl,
                    }) => Box::new(Articles::new(&origin).map(|a| match a.text {
                        Ok((text, format)) => Work::Text {
                            name: a.name,
                            text,
                            format,
                        },
                        Err(err) => Work::Failed { name: a.name, err },
                    })),
                }
            });
        // The workers read the options while this thread updates the summary.
        let options = std::mem::take(&mut self.options);
        let (explain, encoding, article) = (self.explain, self.encoding, self.article);
        let window = pool.current_num_threads().max(1) * AHEAD_PER_THREAD;
        let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
        pool.in_place_scope(|scope| {
            let (mut sent, mut written) = (0usize, 0usize);
            let mut done: BTreeMap<usize, Outcome> = BTreeMap::new();
            let mut more = true;
            loop {
                while more && sent - written < window {
                    match work.next() {
                        Some(w) => {
                            let (tx, options) = (tx.clone(), &options);
                            scope.spawn(move |_| {
                                // A panic must still send an outcome, or this thread would wait
                                // for it forever (the engine's own panics are caught earlier).
                                let name = w.name();
                                let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
                                    process(w, options, explain, encoding, article)
                                }))
                                .unwrap_or_else(|_| Outcome::Failed {
                                    name,
                                    err: anyhow!(
                                        "internal error (this is a bug); input not checked"
                                    ),
                                });
                                // The receiver is gone only when the run stopped early.
                                let _ = tx.send((sent, outcome));
                            });
                            sent += 1;
                        }
                        None => more = false,
                    }
                }
                if written == sent {
                    break;
                }
                while !done.contains_key(&written) {
                    let (i, outcome) = rx.recv().expect("a worker holds a sender until it sends");
                    done.insert(i, outcome);
                }
                while let Some(outcome) = done.remove(&written) {
                    self.emit(outcome, pool, sinks);
                    written += 1;
                }
                if !sinks.any_alive() {
                    // Nobody reads any report any more (`| head`): stop; the scope waits for
                    // the few documents still being checked.
                    break;
                }
            }
        });
        self.options = options;
    }

    fn emit(&mut self, outcome: Outcome, pool: &rayon::ThreadPool, sinks: &mut Sinks) {
        match outcome {
            Outcome::Checked {
                name,
                bytes,
                quotes,
                in_file,
                notes,
                explain,
                article,
            } => {
                if !notes.is_empty() {
                    let index = LineIndex::new(&bytes);
                    for n in notes {
                        let lc = index.line_col(&bytes, n.span.start);
                        print_note(format_args!(
                            "{name}:{}:{}: {}",
                            lc.line, lc.column, n.message
                        ));
                    }
                }
                if let Some(text) = explain {
                    let _ = io::stderr().lock().write_all(text.as_bytes());
                }
                let (severities, summary) = (&self.settings.severities, &mut self.summary);
                // A long file's report is formatted in parallel: on the pool, so that `-j N`
                // bounds that too. Other files are written here, without a hand-over to the
                // pool for each (6% slower over 662 short files).
                let mut write = || {
                    let file = match &in_file {
                        None => FileReport::new(&name, &bytes, &quotes, severities),
                        Some(in_file) => {
                            FileReport::decoded(&name, &bytes, &quotes, in_file, severities)
                        }
                    }
                    .with_article(article.as_deref());
                    summary.add(&file);
                    sinks.each(|r| r.file(&file));
                };
                if quotes.len() >= csv::PARALLEL_ROWS {
                    pool.install(write);
                    // Freeing a long file's findings (hundreds of thousands of strings) is left
                    // to the pool, off the thread that writes the reports.
                    pool.spawn(move || drop((quotes, in_file, bytes)));
                } else {
                    write();
                }
            }
            Outcome::Skipped { name, why } => print_note(format_args!("{name}: skipped {why}")),
            Outcome::Failed { name, err } => {
                print_error(format_args!("{name}: {err:#}"));
                self.summary.add_error();
                self.errored = true;
            }
            Outcome::Note(n) => print_note(n),
        }
    }
}

/// Read and check one document (in a worker thread); `article` keeps its text for the HTML
/// report.
fn process(
    work: Work,
    options: &Options,
    explain: bool,
    encoding: Encoding,
    article: bool,
) -> Outcome {
    // A JSON Lines article is a string already: UTF-8 whatever --encoding says.
    let (name, bytes, format, encoding) = match work {
        Work::Note(n) => return Outcome::Note(n),
        Work::Failed { name, err } => return Outcome::Failed { name, err },
        Work::Text { name, text, format } => (name, text.into_bytes(), format, Encoding::Utf8),
        Work::Read { origin, format } => {
            let name = origin.name();
            match origin.read() {
                Ok(bytes) => (name, bytes, format, encoding),
                Err(err) => return Outcome::Failed { name, err },
            }
        }
    };
    let binary = |name| Outcome::Skipped {
        name,
        why: "(binary file)",
    };
    let decoded = match document::decode(&bytes, encoding) {
        // Binary bytes are rarely valid UTF-8: the NUL says more than the first bad byte.
        Err(_) if input::is_binary(&bytes) => return binary(name),
        Err(err @ DecodeError::InvalidUtf8 { .. }) => {
            return Outcome::Failed {
                name,
                err: anyhow!(
                    "{err} (a Latin-1 or Windows-1252 file needs --encoding windows-1252)"
                ),
            };
        }
        Err(err) => {
            return Outcome::Failed {
                name,
                err: err.into(),
            };
        }
        Ok(d) => d,
    };
    // The decoded text, so a UTF-16 file is judged by its characters, not its zero bytes.
    if input::is_binary(decoded.text().as_bytes()) {
        return binary(name);
    }
    let text = decoded.text();
    match analyse(
        text,
        format,
        options,
        explain.then_some(name.as_str()),
        article,
    ) {
        Ok((quotes, notes, explain, article)) => {
            let in_file = decoded.is_transcoded().then(|| {
                quotes
                    .iter()
                    .map(|q| decoded.quote_to_original(q))
                    .collect()
            });
            let bytes = if decoded.is_transcoded() {
                text.as_bytes().to_vec()
            } else {
                drop(decoded);
                bytes
            };
            Outcome::Checked {
                name,
                bytes,
                quotes,
                in_file,
                notes,
                explain,
                article: article.map(Box::new),
            }
        }
        Err(err) => Outcome::Failed { name, err },
    }
}

/// What [`analyse`] gives: the quotes, the markup's notes, the explanation and the article.
type Analysed = (Vec<Quote>, Vec<Note>, Option<String>, Option<Article>);

/// Run the library on `text` (decoded, so not validated as UTF-8 again): the quotes, the markup's notes, with `explain` (the input's
/// name) what the engine saw, and with `article` the text and entity chains the HTML report
/// shows.
///
/// A panic in the engine is a bug, but it costs one input rather than the whole run: the panic
/// message is printed by the default hook and the input is reported as not checked.
fn analyse(
    text: &str,
    format: DocFormat,
    options: &Options,
    explain: Option<&str>,
    article: bool,
) -> anyhow::Result<Analysed> {
    let (source, analysis) = panic::catch_unwind(AssertUnwindSafe(|| {
        quotecheck::check_source_str(text, format, options)
    }))
    .map_err(|_| anyhow!("internal error in the engine (this is a bug); input not checked"))?;
    let text = explain.map(|name| explanation(name, text.as_bytes(), &source, &analysis, options));
    let article = article.then(|| Article::of_analysis(&source.doc, &analysis, options));
    Ok((analysis.quotes, source.markup.notes, text, article))
}

/// The engine's view of one file, positions as `line:column`.
fn explanation(
    name: &str,
    bytes: &[u8],
    source: &Source<'_>,
    analysis: &Analysis,
    options: &Options,
) -> String {
    let ex = quotecheck::explain::explain(&source.doc, analysis, options);
    let index = LineIndex::new(bytes);
    let at = |span: quotecheck::Span| {
        let lc = index.line_col(bytes, span.start);
        format!("{}:{}", lc.line, lc.column)
    };
    let mut s = String::new();
    let _ = writeln!(s, "== {name} (language {})", analysis.lang);
    let _ = writeln!(s, "marks:");
    for l in &ex.marks {
        let _ = writeln!(s, "  {} {}", at(l.span), l.text);
    }
    let _ = writeln!(s, "cues (sentences with quotes):");
    for l in &ex.cues {
        let _ = writeln!(s, "  {} {}", at(l.span), l.text);
    }
    let _ = writeln!(s, "mentions:");
    for l in &ex.mentions {
        let _ = writeln!(s, "  {} {}", at(l.span), l.text);
    }
    let _ = writeln!(s, "entities:");
    for e in &ex.entities {
        let _ = writeln!(s, "  {e}");
    }
    let _ = writeln!(s, "quotes:");
    for q in &analysis.quotes {
        let _ = writeln!(
            s,
            "  {} {} rule={} speaker={:?} source={:?} flags={:?}",
            at(q.span),
            q.kind,
            q.rule,
            q.speaker,
            q.source,
            q.flags.iter().map(|f| f.as_str()).collect::<Vec<_>>()
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    /// Where each file's quotes were written: the index of the thread in its pool (`None`
    /// outside any pool) and the number of threads of that pool.
    type Seen = std::sync::Arc<std::sync::Mutex<Vec<(Option<usize>, usize)>>>;

    /// A report that notes the pool each file's quotes are written on.
    struct Threads(Seen);

    impl Report for Threads {
        fn begin(&mut self) -> io::Result<()> {
            Ok(())
        }
        fn file(&mut self, _: &FileReport<'_>) -> io::Result<()> {
            let here = (rayon::current_thread_index(), rayon::current_num_threads());
            self.0.lock().unwrap().push(here);
            Ok(())
        }
        fn finish(&mut self, _: &Summary) -> io::Result<()> {
            Ok(())
        }
    }

    /// `-j1` must mean one thread: a long file's report is formatted in parallel, and on
    /// rayon's global pool (one thread per core) when it is written outside the `-j` pool.
    /// (The thread index is `None` outside any pool.)
    #[test]
    fn reports_are_written_on_the_pool_of_the_run() {
        let seen = Seen::default();
        let mut sinks = Sinks {
            sinks: vec![Sink {
                report: Box::new(Threads(std::sync::Arc::clone(&seen))),
                name: "test".to_string(),
                alive: true,
            }],
            errored: false,
        };
        let settings = Settings {
            severities: Severities::default(),
            fail_level: None,
            csv_guard: true,
        };
        let mut run = Run {
            options: Options::default(),
            summary: Summary::new(None),
            settings,
            errored: false,
            explain: false,
            article: false,
            encoding: Encoding::Utf8,
        };
        // A file long enough for its CSV to be formatted in parallel.
        let long = tempfile::NamedTempFile::new().unwrap();
        let quote = "« Nous tiendrons », a dit Paul.\n\n";
        fs::write(long.path(), quote.repeat(csv::PARALLEL_ROWS + 1)).unwrap();
        let inputs = [long.path().to_path_buf()].map(|path| {
            Expanded::Target(Target {
                origin: Origin::File(path),
                kind: Kind::Doc(DocFormat::Text),
            })
        });
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        run.all(inputs.into(), &pool, &mut sinks);
        assert!(!run.errored);
        assert_eq!(*seen.lock().unwrap(), [(Some(0), 1)]);
    }

    #[test]
    fn command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn severity_overrides_name_a_flag_and_a_level() {
        assert_eq!(
            parse_severity("unbalanced=warning"),
            Ok((Flag::Unbalanced, Severity::Warning))
        );
        assert_eq!(
            parse_severity("no_source=info"),
            Ok((Flag::NoSource, Severity::Info))
        );
        assert!(
            parse_severity("unbalanced")
                .unwrap_err()
                .contains("FLAG=LEVEL")
        );
        assert!(
            parse_severity("typo=error")
                .unwrap_err()
                .contains("no_source")
        );
        assert!(
            parse_severity("anonymous=fatal")
                .unwrap_err()
                .contains("warning")
        );
    }

    #[test]
    fn report_arguments_name_a_format_and_a_path() {
        assert_eq!(
            parse_report("sarif=out/q.sarif"),
            Ok((Format::Sarif, PathBuf::from("out/q.sarif")))
        );
        assert!(
            parse_report("xml=a")
                .unwrap_err()
                .contains("unknown report format")
        );
        assert!(parse_report("csv=").unwrap_err().contains("no path"));
        assert!(parse_report("csv").unwrap_err().contains("FORMAT=PATH"));
    }

    #[test]
    fn stdin_twice_and_overwriting_an_input_are_refused() {
        assert!(validate(&[Origin::Stdin, Origin::Stdin], &[]).is_err());
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        fs::write(&file, "x").unwrap();
        let input = Origin::File(file.clone());
        assert!(validate(std::slice::from_ref(&input), &[&file]).is_err());
        let out = dir.path().join("out.csv");
        assert!(validate(std::slice::from_ref(&input), &[&out]).is_ok());
        assert!(validate(&[input], &[&out, &out]).is_err());
    }
}
