//! `quotecheck verify ARTICLE... --against SOURCE...`: check each speech quote of the articles
//! against the source material.
//!
//! Glue only: the sources are read once (a directory stands for the text files under it, in name
//! order) and indexed by the library; each article is then checked as `check` does, its speech
//! quotes verified, and `altered` / `not_found` added to their flags so that `--severity` and
//! `--fail-on` treat them like the others. A source or an article that cannot be read is reported
//! and the run goes on.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use quotecheck::verify::{Sources, Verdict, Verification};
use quotecheck::{Document, Flag, LineIndex, Options, QuoteKind, Severities};

use super::input::Input;
use super::{CheckArgs, Format, Status, analyse, explain, print_error, validate};
use crate::report::csv::Csv;
use crate::report::json::Json;
use crate::report::pretty::Pretty;
use crate::report::verify::{Verdicts, VerifyFile, VerifyReport};
use crate::report::{FileReport, Settings, Summary};

pub(super) const VERIFY_AFTER_HELP: &str = "\
Verdicts (one row per speech quote):
  verbatim   the same words as a passage of the sources, typography aside
  elided     the same words except for marked elisions ([…], (...), …) and
             bracketed insertions ([he])
  altered    close to a passage, but words differ (flag `altered`, an error)
  not_found  no passage close enough (flag `not_found`, a warning)

Exit status: as for `check`, with `altered` and `not_found` among the flags.";

/// The arguments of `verify`: those of `check`, plus the sources.
#[derive(Debug, Args)]
pub(super) struct VerifyArgs {
    /// The source material: transcripts, press releases, dispatches, earlier articles. A directory
    /// stands for the `.txt` files under it (recursively). Give the articles first: every value
    /// after `--against` is a source.
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

/// The extensions of the files taken from a source directory.
const SOURCE_EXTENSIONS: &[&str] = &["txt", "text"];

/// `quotecheck verify`.
pub(super) fn verify(args: &VerifyArgs) -> Status {
    let check = &args.check;
    let inputs: Vec<Input> = check.paths.iter().map(|p| Input::from_arg(p)).collect();
    if let Err(err) = validate(&inputs, check.output.as_deref()) {
        print_error(format_args!("{err:#}"));
        return Status::Error;
    }
    if args.against.iter().any(|p| p.as_os_str() == "-") {
        print_error("a source cannot be standard input; name its file");
        return Status::Error;
    }
    let mut errored = false;

    // The sources: read them all, then index them once.
    let mut files = Vec::new();
    for path in &args.against {
        if let Err(err) = collect(path, &mut files) {
            print_error(format_args!("{}: {err:#}", path.display()));
            errored = true;
        }
    }
    let mut read: Vec<(String, Vec<u8>)> = Vec::new();
    for path in files {
        match fs::read(&path) {
            Ok(bytes) => read.push((path.display().to_string(), bytes)),
            Err(err) => {
                print_error(format_args!("{}: {err}", path.display()));
                errored = true;
            }
        }
    }
    let mut names = Vec::new();
    let mut texts: Vec<&[u8]> = Vec::new();
    let mut docs = Vec::new();
    for (name, bytes) in &read {
        match source_document(bytes) {
            Ok(doc) => {
                names.push(name.as_str());
                texts.push(bytes);
                docs.push(doc);
            }
            Err(err) => {
                print_error(format_args!("{name}: {err:#}"));
                errored = true;
            }
        }
    }
    let sources = Sources::new(docs);
    let mut lines: Vec<Option<LineIndex>> = vec![None; names.len()];

    let mut severities = Severities::default();
    for &(flag, level) in &check.severity {
        severities.set(flag, level);
    }
    let settings = Settings {
        severities,
        fail_level: check.fail_on.level(),
        csv_guard: !check.csv_raw,
    };
    let options = Options {
        lang: check.lang.into(),
        require_source: check.require_source,
    };
    let output = check.output.as_deref().filter(|p| p.as_os_str() != "-");
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
    let mut reporter: Box<dyn VerifyReport> = match check.format {
        Format::Csv => Box::new(Csv::new(out, settings.csv_guard)),
        Format::Json => Box::new(Json::new(out)),
        Format::Pretty => Box::new(Pretty::new(out, settings.severities.clone())),
    };
    let mut summary = Summary::new(settings.fail_level);
    let mut verdicts = Verdicts::default();
    let mut run = || -> io::Result<()> {
        reporter.begin()?;
        for input in &inputs {
            let name = input.name();
            let checked = input
                .read()
                .and_then(|bytes| analyse(&bytes, &options).map(|a| (bytes, a)));
            let (bytes, analysis) = match checked {
                Ok(c) => c,
                Err(err) => {
                    print_error(format_args!("{name}: {err:#}"));
                    summary.add_error();
                    errored = true;
                    continue;
                }
            };
            if check.explain {
                explain(&name, &bytes, &analysis);
            }
            let mut quotes = Vec::new();
            let mut checks: Vec<Verification> = Vec::new();
            for mut quote in analysis.quotes {
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
                quotes.push(quote);
                checks.push(v);
            }
            let file = FileReport::new(&name, &bytes, &quotes, &settings.severities);
            let report = VerifyFile::new(file, &checks, |source, offset| {
                let index = lines[source].get_or_insert_with(|| LineIndex::new(texts[source]));
                (names[source], index.line_col(texts[source], offset))
            });
            summary.add(&report.file);
            verdicts.add(&report);
            reporter.file(&report)?;
        }
        reporter.finish(&summary, &verdicts)
    };
    match run() {
        Ok(()) => {}
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => {}
        Err(err) => {
            print_error(format_args!("cannot write the report to {out_name}: {err}"));
            errored = true;
        }
    }
    Status::of_run(errored, summary.failing, check.no_fail)
}

/// Decode a source. Plain text for now; the Markdown and HTML readers plug in here.
fn source_document(bytes: &[u8]) -> anyhow::Result<Document<'_>> {
    Ok(Document::plain(bytes)?)
}

/// Add `path` to `files`: a file as it is, a directory as the source files under it, sorted.
fn collect(path: &Path, files: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let meta = fs::metadata(path).context("cannot read")?;
    if !meta.is_dir() {
        files.push(path.to_path_buf());
        return Ok(());
    }
    let mut found = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).with_context(|| format!("cannot list {}", dir.display()))? {
            let entry = entry?;
            let p = entry.path();
            let kind = entry.file_type()?;
            if kind.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| SOURCE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            {
                found.push(p);
            }
        }
    }
    found.sort();
    files.extend(found);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_stands_for_its_text_files_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("b.txt"), "b").unwrap();
        fs::write(dir.path().join("sub/a.TXT"), "a").unwrap();
        fs::write(dir.path().join("notes.pdf"), "x").unwrap();
        let mut files = Vec::new();
        collect(dir.path(), &mut files).unwrap();
        let names: Vec<String> = files
            .iter()
            .map(|f| f.strip_prefix(dir.path()).unwrap().display().to_string())
            .collect();
        assert_eq!(names, vec!["b.txt", "sub/a.TXT"]);
        assert!(collect(&dir.path().join("missing"), &mut files).is_err());
    }
}
