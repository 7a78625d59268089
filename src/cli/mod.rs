//! The command line: arguments, the run over the inputs, and where the report goes.
//!
//! Glue only. The library finds and attributes the quotes, a [`Report`] writes them, and
//! [`Status`] turns what happened into the exit code. One input that cannot be read is reported
//! on stderr and the run goes on with the others; a reader that closes the pipe ends the run
//! quietly.

mod exit;
mod input;

use std::fmt::Display;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use quotecheck::{Analysis, Document, Flag, Lang, LangChoice, Options, Severities, Severity};

use crate::report::csv::Csv;
use crate::report::github::Github;
use crate::report::json::Json;
use crate::report::pretty::Pretty;
use crate::report::sarif::Sarif;
use crate::report::{FileReport, Report, Settings, Summary};
pub use exit::Status;
use input::Input;

const AFTER_HELP: &str = "\
Exit status: 0 nothing flagged at the fail level, 1 quotes flagged, 2 usage or I/O error.
See `quotecheck check --help` for the options.";

const CHECK_AFTER_HELP: &str = "\
Exit status:
  0  no quote flagged at or above the --fail-on level (or --no-fail)
  1  at least one quote flagged at or above the --fail-on level
  2  usage error, or an input or the report could not be read or written;
     the other inputs are still checked and reported

Positions: lines and columns are 1-based, columns count Unicode characters
(scalar values); end_line/end_column point just past the quote (exclusive).
byte_start/byte_end are an end-exclusive byte range of the file.";

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
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// UTF-8 text files to check; `-` reads standard input (named `<stdin>` in reports).
    #[arg(value_name = "PATH", required = true, help_heading = "Input")]
    paths: Vec<PathBuf>,

    /// Language of the copy; `auto` decides for each file.
    #[arg(long, value_enum, default_value_t = LangArg::Auto, help_heading = "Input")]
    lang: LangArg,

    /// Report format: `csv` (one row per quote), `json` (JSON Lines, one object per quote),
    /// `pretty` (for people), `sarif` (SARIF 2.1.0, for code scanning) or `github` (GitHub
    /// Actions annotations).
    #[arg(long, value_enum, default_value_t = Format::Csv, help_heading = "Output")]
    format: Format,

    /// Write the report to FILE instead of standard output (`-` is standard output).
    #[arg(short, long, value_name = "FILE", help_heading = "Output")]
    output: Option<PathBuf>,

    /// CSV: write cells as they are, without the leading `'` that stops a spreadsheet from running
    /// a cell starting with = + - @ tab or a line break as a formula.
    #[arg(long, help_heading = "Output")]
    csv_raw: bool,

    /// Flag speech quotes whose speaker is known but no outlet is cited (`no_source`).
    #[arg(long, help_heading = "Checks")]
    require_source: bool,

    /// Set the severity of a flag (repeatable). FLAG: unattributed, ambiguous, anonymous,
    /// unbalanced, no_source; LEVEL: error, warning, info. Defaults: unattributed and unbalanced
    /// are errors, the others warnings.
    #[arg(long, value_name = "FLAG=LEVEL", value_parser = parse_severity, help_heading = "Checks")]
    severity: Vec<(Flag, Severity)>,

    /// Exit with 1 when a quote is flagged at or above this severity.
    #[arg(long, value_enum, value_name = "LEVEL", default_value_t = FailOn::Error, help_heading = "Checks")]
    fail_on: FailOn,

    /// Exit with 0 whatever the flags; only errors (exit 2) still fail the run.
    #[arg(long, help_heading = "Checks")]
    no_fail: bool,

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

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Csv,
    Json,
    Pretty,
    Sarif,
    Github,
}

impl Format {
    fn reporter(self, out: Box<dyn Write>, settings: &Settings) -> Box<dyn Report> {
        match self {
            Format::Csv => Box::new(Csv::new(out, settings.csv_guard)),
            Format::Json => Box::new(Json::new(out)),
            Format::Pretty => Box::new(Pretty::new(out, settings.severities.clone())),
            Format::Sarif => Box::new(Sarif::new(out, settings.severities.clone())),
            Format::Github => Box::new(Github::new(out, settings.severities.clone())),
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Never,
}

impl FailOn {
    fn level(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Never => None,
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

/// Print `message` on stderr as an error of the tool. A closed stderr is ignored.
fn print_error(message: impl Display) {
    let _ = writeln!(io::stderr().lock(), "quotecheck: {message}");
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
    }
}

/// `quotecheck check`.
fn check(args: &CheckArgs) -> Status {
    let inputs: Vec<Input> = args.paths.iter().map(|p| Input::from_arg(p)).collect();
    if let Err(err) = validate(&inputs, args.output.as_deref()) {
        print_error(format_args!("{err:#}"));
        return Status::Error;
    }
    let mut severities = Severities::default();
    for &(flag, level) in &args.severity {
        severities.set(flag, level);
    }
    let settings = Settings {
        severities,
        fail_level: args.fail_on.level(),
        csv_guard: !args.csv_raw,
    };
    let options = Options {
        lang: args.lang.into(),
        require_source: args.require_source,
        ..Options::default()
    };
    let output = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    let (out, out_name): (Box<dyn Write>, String) = match output {
        None => (
            Box::new(BufWriter::new(io::stdout().lock())),
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
    let mut reporter = args.format.reporter(out, &settings);
    let mut run = Run {
        options,
        summary: Summary::new(settings.fail_level),
        settings,
        errored: false,
        explain: args.explain,
    };
    match run.all(&inputs, reporter.as_mut()) {
        Ok(()) => {}
        // The reader has gone (`| head`): nobody is left to tell.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => {}
        Err(err) => {
            print_error(format_args!("cannot write the report to {out_name}: {err}"));
            run.errored = true;
        }
    }
    Status::of_run(run.errored, run.summary.failing, args.no_fail)
}

/// Refuse command lines that cannot work before reading anything.
fn validate(inputs: &[Input], output: Option<&Path>) -> anyhow::Result<()> {
    if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
        bail!("`-` (standard input) can be given only once");
    }
    // Creating the report file would empty an input before it is read.
    if let Some(out) = output.and_then(|p| fs::canonicalize(p).ok()) {
        let same = |path: &PathBuf| fs::canonicalize(path).is_ok_and(|p| p == out);
        for input in inputs {
            match input {
                Input::File(path) if same(path) => bail!(
                    "the report file {} is also an input; refusing to overwrite it",
                    path.display()
                ),
                _ => {}
            }
        }
    }
    Ok(())
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
}

impl Run {
    /// Check every input and write the report; stops only when the report cannot be written.
    fn all(&mut self, inputs: &[Input], reporter: &mut dyn Report) -> io::Result<()> {
        reporter.begin()?;
        for input in inputs {
            let name = input.name();
            let checked = input
                .read()
                .and_then(|bytes| analyse(&bytes, &self.options).map(|a| (bytes, a)));
            match checked {
                Ok((bytes, analysis)) => {
                    if self.explain {
                        explain(&name, &bytes, &analysis);
                    }
                    let file =
                        FileReport::new(&name, &bytes, &analysis.quotes, &self.settings.severities);
                    self.summary.add(&file);
                    reporter.file(&file)?;
                }
                Err(err) => {
                    print_error(format_args!("{name}: {err:#}"));
                    self.summary.add_error();
                    self.errored = true;
                }
            }
        }
        reporter.finish(&self.summary)
    }
}

/// Write the engine's view of one file to stderr, positions as `line:column`.
fn explain(name: &str, bytes: &[u8], analysis: &Analysis) {
    let Ok(doc) = Document::plain(bytes) else {
        return;
    };
    let ex = quotecheck::explain::explain(&doc, analysis);
    let index = quotecheck::LineIndex::new(bytes);
    let at = |span: quotecheck::Span| {
        let lc = index.line_col(bytes, span.start);
        format!("{}:{}", lc.line, lc.column)
    };
    let mut err = io::stderr().lock();
    let mut w = |s: String| {
        let _ = writeln!(err, "{s}");
    };
    w(format!("== {name} (language {})", analysis.lang));
    w("marks:".into());
    for l in &ex.marks {
        w(format!("  {} {}", at(l.span), l.text));
    }
    w("cues (sentences with quotes):".into());
    for l in &ex.cues {
        w(format!("  {} {}", at(l.span), l.text));
    }
    w("mentions:".into());
    for l in &ex.mentions {
        w(format!("  {} {}", at(l.span), l.text));
    }
    w("entities:".into());
    for e in &ex.entities {
        w(format!("  {e}"));
    }
    w("quotes:".into());
    for q in &analysis.quotes {
        w(format!(
            "  {} {} rule={} speaker={:?} source={:?} flags={:?}",
            at(q.span),
            q.kind,
            q.rule,
            q.speaker,
            q.source,
            q.flags.iter().map(|f| f.as_str()).collect::<Vec<_>>()
        ));
    }
}

/// Decode `bytes` as plain text and run the engine on it.
///
/// A panic in the engine is a bug, but it costs one input rather than the whole run: the panic
/// message is printed by the default hook and the input is reported as not checked.
fn analyse(bytes: &[u8], options: &Options) -> anyhow::Result<Analysis> {
    let doc = Document::plain(bytes)?;
    panic::catch_unwind(AssertUnwindSafe(|| quotecheck::check(&doc, options)))
        .map_err(|_| anyhow!("internal error in the engine (this is a bug); input not checked"))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

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
    fn stdin_twice_and_overwriting_an_input_are_refused() {
        assert!(validate(&[Input::Stdin, Input::Stdin], None).is_err());
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        fs::write(&file, "x").unwrap();
        let input = Input::File(file.clone());
        assert!(validate(std::slice::from_ref(&input), Some(&file)).is_err());
        assert!(validate(&[input], Some(&dir.path().join("out.csv"))).is_ok());
    }
}
