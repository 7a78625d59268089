//! End-to-end tests of the inputs and settings of a run (issue #4): directories and ignore files,
//! JSON Lines, `.quotecheck.toml`, suppressions, several reports at once, thread-independent
//! output.
//!
//! Like `tests/cli.rs`, they check what the shell around the engine does, using quotes whose
//! fate does not depend on the engine's attribution rules: a guillemet that never closes is
//! always `unbalanced`.

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use tempfile::TempDir;

/// A guillemet that never closes: flagged `unbalanced`, an error by default.
const OPEN: &str = "Le maire a déclaré : « Nous reconstruirons le pont avant la fin du mois.\n";
/// Prose without quotation marks.
const CALM: &str = "Le conseil municipal se réunira mardi prochain pour voter le budget.\n";

/// A temporary directory holding `files` (parent directories created).
#[track_caller]
fn dir_with(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn quotecheck(dir: &TempDir) -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("quotecheck");
    cmd.current_dir(dir.path());
    cmd
}

/// Rows of a CSV report as maps from column name to cell.
#[track_caller]
fn rows(stdout: &[u8]) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(stdout);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

#[track_caller]
fn stdout_of(cmd: &mut assert_cmd::Command, code: i32) -> Vec<u8> {
    cmd.assert().code(code).get_output().stdout.clone()
}

#[test]
fn directories_follow_gitignore_and_ignore_files_and_skip_hidden_with_a_note() {
    let dir = dir_with(&[
        (".gitignore", "drafts/\n*.tmp.md\n"),
        ("news/.ignore", "embargo.txt\n"),
        ("news/b.md", OPEN),
        ("news/a.txt", OPEN),
        ("news/embargo.txt", OPEN),
        ("news/old.tmp.md", OPEN),
        ("news/photo.jpg", OPEN),
        ("drafts/c.md", OPEN),
        (".hidden/d.md", OPEN),
        ("news/.e.md", OPEN),
        ("news/sub/z.html", "<p>« Ouvert</p>"),
    ]);
    let out = quotecheck(&dir)
        .args(["check", "--no-fail", "."])
        .assert()
        .code(0)
        .stderr(
            "quotecheck: note: skipped hidden directory ./.hidden (use --hidden to check it)\n\
             quotecheck: note: skipped hidden file ./news/.e.md (use --hidden to check it)\n",
        )
        .get_output()
        .stdout
        .clone();
    let files: Vec<String> = rows(&out).into_iter().map(|r| r["file"].clone()).collect();
    assert_eq!(files, ["./news/a.txt", "./news/b.md", "./news/sub/z.html"]);

    let out = stdout_of(
        quotecheck(&dir).args(["check", "--no-fail", "--hidden", "--no-ignore", "news"]),
        0,
    );
    let files: Vec<String> = rows(&out).into_iter().map(|r| r["file"].clone()).collect();
    assert_eq!(
        files,
        [
            "news/.e.md",
            "news/a.txt",
            "news/b.md",
            "news/embargo.txt",
            "news/old.tmp.md",
            "news/sub/z.html"
        ]
    );
}

#[test]
fn output_order_does_not_depend_on_the_number_of_threads() {
    let files: Vec<(String, String)> = (0..150)
        .map(|i| (format!("d{}/f{i:03}.txt", i % 7), OPEN.repeat(1 + i % 3)))
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = dir_with(&refs);
    let one = stdout_of(quotecheck(&dir).args(["check", "-j", "1", "."]), 1);
    let four = stdout_of(quotecheck(&dir).args(["check", "-j", "4", "."]), 1);
    assert_eq!(one, four);
    let names: Vec<String> = rows(&one).into_iter().map(|r| r["file"].clone()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    sorted.dedup();
    assert_eq!(sorted.len(), 150);
}

#[test]
fn binary_files_are_skipped_with_a_note() {
    let dir = dir_with(&[("a.txt", "abc\0def"), ("b.txt", OPEN)]);
    let out = quotecheck(&dir)
        .args(["check", "a.txt", "b.txt"])
        .assert()
        .code(1)
        .stderr("quotecheck: note: a.txt: skipped (binary file)\n")
        .get_output()
        .stdout
        .clone();
    assert_eq!(rows(&out).len(), 1);
}

#[test]
fn json_lines_articles_are_reported_under_their_id() {
    let archive = format!(
        "{}\n{}\n\n{}\nnot json\n",
        serde_json::json!({"id": "depeche-001", "text": CALM}),
        serde_json::json!({"id": "depeche-002", "text": format!("{CALM}{OPEN}")}),
        serde_json::json!({"id": 3, "text": "# Titre\n\nIl a dit « oui", "format": "markdown"}),
    );
    let dir = dir_with(&[("archive.jsonl", &archive)]);
    let out = quotecheck(&dir)
        .args(["check", "archive.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "quotecheck: archive.jsonl:5: not a JSON Lines article: ",
        ))
        .get_output()
        .stdout
        .clone();
    let rows = rows(&out);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["file"], "depeche-002");
    // Positions count in the article's text.
    assert_eq!(
        (rows[0]["line"].as_str(), rows[0]["column"].as_str()),
        ("2", "22")
    );
    assert_eq!(rows[1]["file"], "3");
    assert_eq!(
        (rows[1]["line"].as_str(), rows[1]["column"].as_str()),
        ("3", "10")
    );

    // Standard input, with the format forced.
    let out = stdout_of(
        quotecheck(&dir)
            .args(["check", "--input-format", "jsonl", "-"])
            .write_stdin(archive.lines().take(2).collect::<Vec<_>>().join("\n")),
        1,
    );
    assert_eq!(self::rows(&out)[0]["file"], "depeche-002");
}

#[test]
fn configuration_is_found_upwards_and_flags_override_it() {
    let dir = dir_with(&[
        (
            ".quotecheck.toml",
            "fail-on = \"never\"\nexclude = [\"archive/\"]\n[severity]\nunbalanced = \"warning\"\n",
        ),
        ("desk/a.txt", OPEN),
        ("desk/archive/b.txt", OPEN),
    ]);
    let mut cmd = quotecheck(&dir);
    cmd.current_dir(dir.path().join("desk"));
    let out = stdout_of(cmd.args(["check", "."]), 0);
    let rows = rows(&out);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["file"], "./a.txt");
    assert_eq!(rows[0]["severity"], "warning");
    // A flag beats the file; --isolated ignores it.
    quotecheck(&dir)
        .args(["check", "desk", "--fail-on", "warning"])
        .assert()
        .code(1);
    quotecheck(&dir)
        .args(["check", "desk", "--isolated"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("desk/archive/b.txt"));
    // Excludes apply to files named on the command line only with --force-exclude.
    quotecheck(&dir)
        .args(["check", "desk/archive/b.txt"])
        .assert()
        .stdout(predicate::str::contains("b.txt"));
    quotecheck(&dir)
        .args(["check", "desk/archive/b.txt", "--force-exclude"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("b.txt").not());
}

#[test]
fn a_bad_configuration_stops_the_run_with_its_place() {
    let dir = dir_with(&[
        (
            "conf/qc.toml",
            "lang = \"fr\"\n\n[severity]\nanonymous = \"fatal\"\n",
        ),
        ("a.txt", OPEN),
    ]);
    quotecheck(&dir)
        .args(["check", "a.txt", "--config", "conf/qc.toml"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "quotecheck: conf/qc.toml:4:13: bad value for `severity.anonymous`: unknown variant `fatal`, expected one of `error`, `warning`, `info`\n",
        );
    quotecheck(&dir)
        .args(["check", "a.txt", "--config", "conf/qc.toml", "--isolated"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}

#[test]
fn suppressed_quotes_are_reported_with_their_reason_and_do_not_fail() {
    let md = "<!-- quotecheck-disable-next-quote vérifié avec le desk -->\n\nLe maire a déclaré : « Nous reconstruirons le pont.\n\n<!-- quotecheck-disable -->\n\nIl a ajouté : « Dès demain.\n\n<!-- quotecheck-enable -->\n\nPuis : « Enfin.\n\n<!-- quotecheck-frobnicate -->\n";
    let dir = dir_with(&[("a.md", md)]);
    let out = quotecheck(&dir)
        .args(["check", "a.md"])
        .assert()
        .code(1)
        .stderr("quotecheck: note: a.md:13:1: unknown directive `quotecheck-frobnicate` (expected quotecheck-disable-next-quote, quotecheck-disable, quotecheck-enable)\n")
        .get_output()
        .stdout
        .clone();
    let rows = rows(&out);
    let got: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["line"].as_str(),
                r["flags"].as_str(),
                r["suppressed"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("3", "unbalanced", "vérifié avec le desk"),
            ("7", "unbalanced", "no reason given"),
            ("11", "unbalanced", ""),
        ]
    );
    // Without the last, unsuppressed quote the run passes.
    let dir = dir_with(&[("a.md", &md[..md.find("Puis").unwrap()])]);
    quotecheck(&dir)
        .args(["check", "a.md", "--format", "pretty"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("suppressed: vérifié avec le desk"))
        .stdout(predicate::str::contains(
            "; 2 suppressed; 0 at or above error.",
        ));
}

#[test]
fn several_reports_in_one_run() {
    let dir = dir_with(&[("a.txt", OPEN), ("b.md", CALM)]);
    quotecheck(&dir)
        .args([
            "check",
            "a.txt",
            "b.md",
            "--format",
            "github",
            "--report",
            "csv=out/q.csv",
            "--report",
            "sarif=q.sarif",
            "--report",
            "json=q.jsonl",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "quotecheck: cannot create the report file out/q.csv: ",
        ));
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = quotecheck(&dir)
        .args([
            "check",
            "a.txt",
            "b.md",
            "--format",
            "github",
            "--report",
            "csv=out/q.csv",
            "--report",
            "sarif=q.sarif",
            "--report",
            "json=q.jsonl",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with(
        "::error file=a.txt,line=1,col=22,endLine=1,endColumn=73,title=quotecheck%3A unbalanced::"
    ));
    let csv = std::fs::read(dir.path().join("out/q.csv")).unwrap();
    assert_eq!(rows(&csv).len(), 1);
    let sarif: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("q.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let json = std::fs::read_to_string(dir.path().join("q.jsonl")).unwrap();
    assert_eq!(json.lines().count(), 1);
    // The same file twice, or a report over an input, is refused.
    quotecheck(&dir)
        .args(["check", "a.txt", "-o", "q.csv", "--report", "sarif=q.csv"])
        .assert()
        .code(2)
        .stderr("quotecheck: two reports are written to q.csv\n");
    quotecheck(&dir)
        .args(["check", "a.txt", "--report", "csv=a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is also an input"));
}

#[test]
fn a_report_written_inside_the_walked_directory_is_not_an_input() {
    let dir = dir_with(&[("a.txt", OPEN)]);
    for _ in 0..2 {
        let out = stdout_of(
            quotecheck(&dir).args(["check", ".", "--no-fail", "--report", "csv=report.txt"]),
            0,
        );
        assert_eq!(rows(&out).len(), 1);
    }
}
