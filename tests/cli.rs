//! End-to-end tests of the `quotecheck` binary: exit codes, inputs, outputs, errors.
//!
//! They check the behaviour of the shell around the engine (which quotes become rows, how errors
//! and pipes are handled), never which speaker or kind the engine finds, so they hold whatever
//! engine is behind `quotecheck::check`. Inputs are written to a temporary directory and the
//! binary runs there, so paths in reports are the short names given on the command line.

use std::io::Read;
use std::process::{Command, Stdio};

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use tempfile::TempDir;

const HEADER: &str = "file,line,column,end_line,end_column,byte_start,byte_end,lang,kind,quote,speaker,speaker_mention,cue,source,source_mention,source_inherited,confidence,flags,severity,candidates,rule,suppressed,cite";

/// Prose without a single quotation mark.
// No test text has an apostrophe, so the quote count does not hang on apostrophe handling.
const NO_QUOTES: &str = "Le conseil municipal se réunira mardi prochain pour voter le budget.\n";
/// One balanced quote.
const QUOTED: &str = "Le maire a déclaré : « Nous reconstruirons le pont avant la fin du mois ».\n";
/// A guillemet that never closes.
const UNBALANCED: &str =
    "Le maire a déclaré : « Nous reconstruirons le pont avant la fin du mois.\n";

/// A temporary directory holding `files`.
#[track_caller]
fn dir_with(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

/// `quotecheck` running in `dir`.
fn quotecheck(dir: &TempDir) -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("quotecheck");
    cmd.current_dir(dir.path());
    cmd
}

/// The records of a CSV report, header checked.
#[track_caller]
fn csv_records(stdout: &[u8]) -> Vec<csv::StringRecord> {
    let mut reader = csv::Reader::from_reader(stdout);
    let header: Vec<&str> = reader.headers().unwrap().iter().collect();
    assert_eq!(header.join(","), HEADER);
    reader.records().map(Result::unwrap).collect()
}

#[test]
fn a_file_without_quotes_exits_0_with_just_the_exact_csv_header() {
    let dir = dir_with(&[("calm.txt", NO_QUOTES.as_bytes())]);
    quotecheck(&dir)
        .args(["check", "calm.txt"])
        .assert()
        .code(0)
        .stdout(format!("{HEADER}\r\n"))
        .stderr("");
}

#[test]
fn an_empty_file_is_fine() {
    let dir = dir_with(&[("empty.txt", b"")]);
    quotecheck(&dir)
        .args(["check", "empty.txt"])
        .assert()
        .code(0)
        .stdout(format!("{HEADER}\r\n"));
}

#[test]
fn an_unbalanced_guillemet_is_an_error_by_default() {
    let dir = dir_with(&[("open.txt", UNBALANCED.as_bytes())]);
    let out = quotecheck(&dir)
        .args(["check", "open.txt"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let rows = csv_records(&out);
    assert_eq!(rows.len(), 1);
    assert!(rows[0][17].split(';').any(|f| f == "unbalanced"));
    assert_eq!(&rows[0][18], "error");
}

#[test]
fn no_fail_and_fail_on_never_exit_0_on_flagged_quotes() {
    let dir = dir_with(&[("open.txt", UNBALANCED.as_bytes())]);
    for flag in [&["--no-fail"][..], &["--fail-on", "never"]] {
        quotecheck(&dir)
            .args(["check", "open.txt"])
            .args(flag)
            .assert()
            .code(0)
            .stdout(predicate::str::contains("unbalanced"));
    }
}

#[test]
fn severity_overrides_decide_against_the_fail_level() {
    let dir = dir_with(&[("open.txt", UNBALANCED.as_bytes())]);
    // Whatever else the engine flags on this quote, nothing is left at error level.
    let demote = [
        "--severity",
        "unbalanced=warning",
        "--severity",
        "unattributed=warning",
    ];
    quotecheck(&dir)
        .args(["check", "open.txt", "--fail-on", "warning"])
        .args(demote)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(",warning,"));
    quotecheck(&dir)
        .args(["check", "open.txt", "--fail-on", "error"])
        .args(demote)
        .assert()
        .code(0);
    quotecheck(&dir)
        .args(["check", "open.txt", "--severity", "unbalanced=fatal"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown severity `fatal`"));
}

#[test]
fn a_missing_file_exits_2_and_the_other_files_are_still_reported() {
    let dir = dir_with(&[("good.txt", QUOTED.as_bytes())]);
    let out = quotecheck(&dir)
        .args(["check", "missing.txt", "good.txt", "--no-fail"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("quotecheck: missing.txt: "))
        .get_output()
        .stdout
        .clone();
    let rows = csv_records(&out);
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], "good.txt");
}

#[test]
fn invalid_utf8_names_the_file_and_byte_and_the_run_goes_on() {
    let dir = dir_with(&[
        ("latin1.txt", b"Le maire a d\xe9clar\xe9 : oui.\n"),
        ("good.txt", QUOTED.as_bytes()),
    ]);
    let out = quotecheck(&dir)
        .args(["check", "latin1.txt", "good.txt", "--format", "json"])
        .assert()
        .code(2)
        .stderr("quotecheck: latin1.txt: invalid UTF-8 at byte 12 (a Latin-1 or Windows-1252 file needs --encoding windows-1252)\n")
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().count(), 1);
    assert!(out.starts_with("{\"file\":\"good.txt\""));
}

#[test]
fn a_directory_is_walked_in_path_order() {
    let dir = dir_with(&[("good.txt", QUOTED.as_bytes())]);
    std::fs::create_dir(dir.path().join("copy")).unwrap();
    std::fs::write(dir.path().join("copy/b.txt"), QUOTED).unwrap();
    std::fs::write(dir.path().join("copy/a.txt"), QUOTED).unwrap();
    let out = quotecheck(&dir)
        .args(["check", "copy", "good.txt", "--no-fail"])
        .assert()
        .code(0)
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let files: Vec<String> = csv_records(&out).iter().map(|r| r[0].to_string()).collect();
    assert_eq!(files, ["copy/a.txt", "copy/b.txt", "good.txt"]);
}

#[test]
fn usage_errors_exit_2_and_help_and_version_exit_0() {
    let dir = dir_with(&[("good.txt", QUOTED.as_bytes())]);
    quotecheck(&dir)
        .args(["check", "good.txt", "--format", "xml"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("'xml'"));
    quotecheck(&dir).args(["check"]).assert().code(2);
    quotecheck(&dir).args(["chek", "good.txt"]).assert().code(2);
    quotecheck(&dir)
        .args(["check", "--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Exit status:"));
    quotecheck(&dir)
        .arg("--version")
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("quotecheck "));
}

#[test]
fn dash_reads_standard_input() {
    let dir = dir_with(&[]);
    let out = quotecheck(&dir)
        .args(["check", "-", "--no-fail"])
        .write_stdin(QUOTED)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let rows = csv_records(&out);
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], "<stdin>");
    let (start, end): (usize, usize) = (rows[0][5].parse().unwrap(), rows[0][6].parse().unwrap());
    assert!(QUOTED[start..end].starts_with('«'));
}

#[test]
fn output_goes_to_the_file_given_with_o() {
    let dir = dir_with(&[("good.txt", QUOTED.as_bytes())]);
    quotecheck(&dir)
        .args(["check", "good.txt", "--no-fail", "-o", "report.csv"])
        .assert()
        .code(0)
        .stdout("");
    let report = std::fs::read(dir.path().join("report.csv")).unwrap();
    assert_eq!(csv_records(&report).len(), 1);
}

#[test]
fn an_output_file_in_a_missing_directory_exits_2_with_a_clear_message() {
    let dir = dir_with(&[("good.txt", QUOTED.as_bytes())]);
    quotecheck(&dir)
        .args(["check", "good.txt", "-o", "nowhere/report.csv"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "quotecheck: cannot create the report file nowhere/report.csv: ",
        ));
}

#[test]
fn json_lines_point_at_the_quote_in_the_file_and_say_nothing_without_quotes() {
    let text = format!("{QUOTED}{NO_QUOTES}{QUOTED}");
    let dir = dir_with(&[
        ("two.txt", text.as_bytes()),
        ("calm.txt", NO_QUOTES.as_bytes()),
    ]);
    let out = quotecheck(&dir)
        .args(["check", "--format", "json", "--no-fail", "two.txt"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    for (obj, line) in lines.iter().zip([1, 3]) {
        assert_eq!(obj["file"], "two.txt");
        assert_eq!(obj["line"], line);
        let start = obj["byte_start"].as_u64().unwrap() as usize;
        let end = obj["byte_end"].as_u64().unwrap() as usize;
        assert!(text[start..end].starts_with('«'));
        assert!(obj["flags"].is_array());
    }
    quotecheck(&dir)
        .args(["check", "--format", "json", "calm.txt"])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn csv_keeps_one_record_per_quote_when_a_quote_spans_lines() {
    // Hard-wrapped copy: paragraphs separated by blank lines, a quote running over a line break.
    let text = "Le maire a parlé lundi devant une foule\nréunie devant la mairie.\n\nIl a déclaré : « Nous reconstruirons\nle pont avant la fin du mois, promis ».\n\nLe conseil se réunira\nla semaine prochaine.\n";
    let dir = dir_with(&[("wrapped.txt", text.as_bytes())]);
    let json = quotecheck(&dir)
        .args(["check", "--format", "json", "--no-fail", "wrapped.txt"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let csv = quotecheck(&dir)
        .args(["check", "--no-fail", "wrapped.txt"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let rows = csv_records(&csv);
    assert_eq!(rows.len(), String::from_utf8(json).unwrap().lines().count());
    let multi_line = rows.iter().find(|r| r[9].contains('\n')).unwrap();
    assert_ne!(multi_line[1], multi_line[3]);
}

#[test]
fn pretty_ends_with_a_summary_of_the_run() {
    let dir = dir_with(&[
        ("good.txt", QUOTED.as_bytes()),
        ("calm.txt", NO_QUOTES.as_bytes()),
    ]);
    quotecheck(&dir)
        .args([
            "check",
            "--format",
            "pretty",
            "--no-fail",
            "good.txt",
            "calm.txt",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("good.txt:1:22: "))
        .stdout(predicate::str::contains("\n1 quote in 2 files: "));
}

#[test]
fn a_reader_that_closes_the_pipe_early_is_not_an_error() {
    // Enough report to fill the pipe many times over, from small files so any engine is quick.
    let quote = format!(
        "« {} »",
        "Nous reconstruirons le pont avant la fin du mois. ".repeat(8)
    );
    let text = format!("Le maire a dit : {quote}\n").repeat(5);
    let dir = dir_with(&[("long.txt", text.as_bytes())]);
    for format in ["csv", "json", "pretty"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
            .current_dir(dir.path())
            .args(["check", "--format", format])
            .args(std::iter::repeat_n("long.txt", 300))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 64];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The read end is closed here, like `| head -c 64`.
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{format}: {:?}, stderr: {stderr}",
            out.status
        );
        assert_eq!(stderr, "", "{format}");
    }
}

/// A long article (the fixture articles again and again, each round numbered so that no two
/// quotes repeat word for word): its paragraphs are checked in parallel runs, its CSV report
/// formatted in parallel parts. One thread and two must write the same bytes.
#[test]
fn a_long_article_reads_the_same_on_one_thread_and_two() {
    let mut articles = Vec::new();
    for lang in ["fr", "en"] {
        let dir = format!("{}/fixtures/{lang}", env!("CARGO_MANIFEST_DIR"));
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for p in paths {
            articles.push(std::fs::read_to_string(p).unwrap());
        }
    }
    let mut text = String::new();
    let mut round = 0;
    while text.len() < 1_300_000 {
        for a in &articles {
            text.push_str(&a.replace("« ", &format!("« {round} ")));
            text.push_str("\n\n");
        }
        round += 1;
    }
    let dir = dir_with(&[("long.txt", text.as_bytes())]);
    let run = |threads: &str| {
        quotecheck(&dir)
            .args([
                "check",
                "--no-fail",
                "--lang",
                "fr",
                "-j",
                threads,
                "long.txt",
            ])
            .output()
            .unwrap()
    };
    let (one, two) = (run("1"), run("2"));
    assert_eq!(one.status.code(), Some(0));
    let rows = csv_records(&one.stdout).len();
    // More rows than one CSV part (4,096) twice over, so the report is formatted in parts.
    assert!(rows > 2 * 4096, "{rows} rows");
    assert!(one.stdout == two.stdout, "one thread and two differ");
}
