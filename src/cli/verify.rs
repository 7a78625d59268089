//! `quotecheck verify ARTICLE... --against SOURCE...`: check each speech quote of the articles
//! against the source material.
//!
//! Glue only: the sources are read as `check` reads its inputs (Markdown, HTML, text, JSON Lines;
//! directories walked) and indexed once by the library; each article is then checked as `check`
//! does, its speech quotes verified, and `altered` / `not_found` added to their flags so that
//! `--severity` and `--fail-on` treat them like the others. A source or an article that cannot
//! be read is reported and the run goes on.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::Args;
use quotecheck::verify::{Sources, Verdict, Verification};
use quotecheck::{Flag, Format as DocFormat, LineIndex, Options, QuoteKind, Severities, Source};

use super::input::{self, Articles, Expanded, Kind, Origin, Target, Walk};
use super::{
    CheckArgs, Format, Outcome, Status, Work, config, print_error, print_note, process, validate,
};
use crate::report::csv::Csv;
use crate::report::json::Json;
use crate::report::pretty::Pretty;
use crate::report::verify::{Verdicts, VerifyFile, VerifyReport};
use crate::report::{FileReport, Report, Settings, Summary};
use config::FailOn;

pub(super) const VERIFY_AFTER_HELP: &str = "\
Verdicts (one row per speech quote):
  verbatim   the same words as a passage of the sources, typography aside
  elided     the same words except for marked elisions ([…], (...), …) and
             bracketed insertions ([he])
  altered    close to a passage, but words differ (flag `altered`, an error)
  not_found  no passage close enough (flag `not_found`, a warning)

Sources are read as articles are: Markdown, HTML, text and JSON Lines (one
source per line), directories walked.

Exit status: as for `check`, with `altered` and `not_found` among the flags.";

/// The arguments of `verify`: those of `check`, plus the sources.
#[derive(Debug, Args)]
pub(super) struct VerifyArgs {
    /// The source material: transcripts, press releases, dispatches, earlier articles. A directory
    /// stands for the files under it, walked as `check` walks its inputs. Give the articles
    /// first: every value after `--against` is a source.
    #[arg(
        long,
        value_name = "SOURCE",
        required = true,
        num_args = 1..,
        help_heading = "Input"
    )]
    against: Vec<PathBuf>,

    #[command(flatten)]
    check: CheckArgs,
}

/// A report being written, and whether it still can be.
struct Sink {
    report: Box<dyn VerifyReport>,
    name: String,
    alive: bool,
}

/// Run `f` on every report still alive; a report that fails is dropped, with a message unless
/// its reader just went away. True when a report could not be written.
fn each(sinks: &mut [Sink], mut f: impl FnMut(&mut dyn VerifyReport) -> io::Result<()>) -> bool {
    let mut errored = false;
    for sink in sinks.iter_mut().filter(|s| s.alive) {
        if let Err(err) = f(sink.report.as_mut()) {
            sink.alive = false;
            if err.kind() != io::ErrorKind::BrokenPipe {
                print_error(format_args!(
                    "cannot write the report to {}: {err}",
                    sink.name
                ));
                errored = true;
            }
        }
    }
    errored
}

/// The `verify` reporter of a format: the verify columns for CSV, JSON Lines and pretty; SARIF
/// and GitHub annotations report the quotes as `check` does, `altered` and `not_found` among
/// their flags.
fn reporter(
    format: Format,
    out: Box<dyn Write + Send>,
    settings: &Settings,
) -> Box<dyn VerifyReport> {
    match format {
        Format::Csv => Box::new(Csv::new(out, settings.csv_guard)),
        Format::Json => Box::new(Json::new(out)),
        Format::Pretty => Box::new(Pretty::new(out, settings.severities.clone())),
        Format::Sarif | Format::Github | Format::Html => {
            Box::new(AsCheck(format.reporter(out, settings)))
        }
    }
}

/// A `check` reporter used for `verify`: it sees the quotes and their flags.
struct AsCheck(Box<dyn Report>);

impl VerifyReport for AsCheck {
    fn begin(&mut self) -> io::Result<()> {
        self.0.begin()
    }

    fn file(&mut self, file: &VerifyFile<'_>) -> io::Result<()> {
        self.0.file(&file.file)
    }

    fn finish(&mut self, summary: &Summary, _verdicts: &Verdicts) -> io::Result<()> {
        self.0.finish(summary)
    }
}

/// The sources, read: (name, bytes, format).
type Read = Vec<(String, Vec<u8>, DocFormat)>;

/// Read every source the `--against` paths stand for. Problems are reported; true when one
/// could not be read.
fn read_sources(walk: &Walk, paths: &[PathBuf], read: &mut Read) -> bool {
    let mut errored = false;
    for e in walk.expand(paths) {
        match e {
            Expanded::Note(n) => print_note(n),
            Expanded::Target(Target {
                origin,
                kind: Kind::Doc(format),
            }) => match origin.read() {
                Ok(bytes) if input::is_binary(&bytes) => {
                    print_note(format_args!("{}: skipped (binary file)", origin.name()));
                }
                Ok(bytes) => read.push((origin.name(), bytes, format)),
                Err(err) => {
                    print_error(format_args!("{}: {err:#}", origin.name()));
                    errored = true;
                }
            },
            Expanded::Target(Target {
                origin,
                kind: Kind::Jsonl,
            }) => {
                for a in Articles::new(&origin) {
                    match a.text {
                        Ok((text, format)) => read.push((a.name, text.into_bytes(), format)),
                        Err(err) => {
                            print_error(format_args!("{}: {err:#}", a.name));
                            errored = true;
                        }
                    }
                }
            }
        }
    }
    errored
}

/// `quotecheck verify`.
pub(super) fn verify(args: &VerifyArgs) -> Status {
    let check = &args.check;
    let cwd = match std::env::current_dir() {
        Ok(cwd) => cwd,
        Err(err) => {
            print_error(format_args!("cannot read the current directory: {err}"));
            return Status::Error;
        }
    };
    let config = match config::load(&cwd, check.config.as_deref(), check.isolated) {
        Ok(config) => config,
        Err(err) => {
            print_error(err);
            return Status::Error;
        }
    };
    if args.against.iter().any(|p| p.as_os_str() == "-") {
        print_error("a source cannot be standard input; name its file");
        return Status::Error;
    }
    let origins: Vec<Origin> = check
        .paths
        .iter()
        .chain(&args.against)
        .map(|p| Origin::from_arg(p))
        .collect();
    let output = check.output.as_deref().filter(|p| p.as_os_str() != "-");
    let outputs: Vec<&Path> = output
        .into_iter()
        .chain(check.report.iter().map(|(_, p)| p.as_path()))
        .collect();
    if let Err(err) = validate(&origins, &outputs) {
        print_error(format_args!("{err:#}"));
        return Status::Error;
    }
    let mut exclude: Vec<ignore::gitignore::Gitignore> = config.exclude.into_iter().collect();
    if !check.exclude.is_empty() {
        let mut builder = ignore::gitignore::GitignoreBuilder::new(&cwd);
        for glob in &check.exclude {
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
    for &(flag, level) in config.severities.iter().chain(&check.severity) {
        severities.set(flag, level);
    }
    let fail_on = check.fail_on.or(config.fail_on).unwrap_or(FailOn::Error);
    let settings = Settings {
        severities,
        fail_level: fail_on.level(),
        csv_guard: !check.csv_raw,
    };
    let options = Options {
        lang: check
            .lang
            .map(quotecheck::LangChoice::from)
            .or(config.lang)
            .unwrap_or_default(),
        require_source: check.require_source || config.require_source.unwrap_or(false),
        custom: config.custom,
    };

    // The reports: created before anything is read, so a bad path fails at once.
    let mut sinks = Vec::new();
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
    sinks.push(Sink {
        report: reporter(check.format, main.0, &settings),
        name: main.1,
        alive: true,
    });
    for (format, path) in &check.report {
        match File::create(path) {
            Ok(file) => sinks.push(Sink {
                report: reporter(*format, Box::new(BufWriter::new(file)), &settings),
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
    let walk = Walk {
        format: Some(check.input_format),
        hidden: check.hidden,
        no_ignore: check.no_ignore,
        force_exclude: check.force_exclude,
        exclude,
        outputs: outputs.iter().map(|p| p.to_path_buf()).collect(),
        cwd,
        threads: check.threads.unwrap_or(0),
    };

    // The sources: read them all, then index them once.
    let mut read = Vec::new();
    let mut errored = read_sources(&walk, &args.against, &mut read);
    let mut names = Vec::new();
    let mut texts: Vec<&[u8]> = Vec::new();
    let mut docs = Vec::new();
    for (name, bytes, format) in &read {
        match Source::parse(bytes, *format) {
            Ok(source) => {
                names.push(name.as_str());
                texts.push(bytes);
                docs.push(source.doc);
            }
            Err(err) => {
                print_error(format_args!("{name}: {err:#}"));
                errored = true;
            }
        }
    }
    let sources = Sources::new(docs);
    let mut lines: Vec<Option<LineIndex>> = vec![None; names.len()];

    // The articles, one after the other.
    let mut summary = Summary::new(settings.fail_level);
    let article = check.format == Format::Html || check.report.iter().any(|r| r.0 == Format::Html);
    let mut verdicts = Verdicts::default();
    errored |= each(&mut sinks, |r| r.begin());
    for work in works(walk.expand(&check.paths)) {
        if !sinks.iter().any(|s| s.alive) {
            break;
        }
        let (name, bytes, quotes, article, in_file) = match process(
            work,
            &options,
            check.explain,
            check.encoding.into(),
            article,
        ) {
            Outcome::Checked {
                name,
                bytes,
                quotes,
                notes,
                explain,
                article,
                in_file,
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
                (name, bytes, quotes, article, in_file)
            }
            Outcome::Skipped { name, why } => {
                print_note(format_args!("{name}: skipped {why}"));
                continue;
            }
            Outcome::Failed { name, err } => {
                print_error(format_args!("{name}: {err:#}"));
                summary.add_error();
                errored = true;
                continue;
            }
            Outcome::Note(n) => {
                print_note(n);
                continue;
            }
        };
        let mut speech = Vec::new();
        let mut checks: Vec<Verification> = Vec::new();
        // For a decoded file, the same quotes with their spans in the file.
        let mut speech_in_file = Vec::new();
        let mut in_file = in_file.map(Vec::into_iter);
        for mut quote in quotes {
            let original = in_file.as_mut().and_then(Iterator::next);
            if quote.kind != QuoteKind::Speech {
                continue;
            }
            let Some(v) = sources.verify(&quote) else {
                continue;
            };
            match v.verdict {
                Verdict::Altered => quote.flags.push(Flag::Altered),
                Verdict::NotFound => quote.flags.push(Flag::NotFound),
                Verdict::Verbatim | Verdict::Elided => {}
            }
            if let Some(mut original) = original {
                original.flags.clone_from(&quote.flags);
                speech_in_file.push(original);
            }
            speech.push(quote);
            checks.push(v);
        }
        let file = if !speech_in_file.is_empty() {
            FileReport::decoded(
                &name,
                &bytes,
                &speech,
                &speech_in_file,
                &settings.severities,
            )
        } else {
            FileReport::new(&name, &bytes, &speech, &settings.severities)
        }
        .with_article(article.as_deref());
        let report = VerifyFile::new(file, &checks, |source, offset| {
            let index = lines[source].get_or_insert_with(|| LineIndex::new(texts[source]));
            (names[source], index.line_col(texts[source], offset))
        });
        summary.add(&report.file);
        verdicts.add(&report);
        errored |= each(&mut sinks, |r| r.file(&report));
    }
    errored |= each(&mut sinks, |r| r.finish(&summary, &verdicts));
    Status::of_run(errored, summary.failing, check.no_fail)
}

/// The documents the expanded articles stand for, in order (a JSON Lines input is one per line).
fn works(expanded: Vec<Expanded>) -> impl Iterator<Item = Work> {
    expanded
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
        })
}
