//! The HTML report end to end (#7): every quote of every fixture, in every input format, is
//! highlighted in its article's text and has its note, whatever the engine decides about it.

use assert_cmd::cargo::cargo_bin_cmd;

const FIXTURES: [&str; 4] = ["fixtures/fr", "fixtures/en", "fixtures/md", "fixtures/html"];

fn run(args: &[&str]) -> (Option<i32>, String) {
    let out = cargo_bin_cmd!("quotecheck")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn every_quote_of_every_fixture_is_highlighted_with_its_note() {
    let mut html_args = vec!["check", "--format", "html"];
    html_args.extend(FIXTURES);
    let (html_code, page) = run(&html_args);
    let mut json_args = vec!["check", "--format", "json"];
    json_args.extend(FIXTURES);
    let (json_code, json) = run(&json_args);
    assert_eq!(
        html_code, json_code,
        "the exit code does not depend on the format"
    );
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.ends_with("</html>\n"));

    // Quotes per file, in input order, as the JSON report lists them.
    let mut files: Vec<(String, usize)> = Vec::new();
    for line in json.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let file = v["file"].as_str().unwrap().to_string();
        match files.last_mut() {
            Some((f, n)) if *f == file => *n += 1,
            _ => files.push((file, 1)),
        }
    }
    assert!(files.len() >= 14, "{files:?}");
    for (file, quotes) in &files {
        let heading = format!(">{file}</h2>");
        let at = page
            .find(&heading)
            .unwrap_or_else(|| panic!("no section for {file}"));
        let id = page[..at]
            .rsplit_once("<section class=\"article\" id=\"")
            .unwrap()
            .1;
        let id = &id[..id.find('"').unwrap()];
        for k in 1..=*quotes {
            assert!(
                page.contains(&format!("<mark id=\"{id}-q{k}\" class=\"q ")),
                "{file}: quote {k} not highlighted"
            );
            assert!(
                page.contains(&format!(" id=\"{id}-n{k}\" data-speaker=")),
                "{file}: note {k}"
            );
        }
        assert!(!page.contains(&format!("id=\"{id}-q{}\"", quotes + 1)));
    }
    assert!(!page.contains("could not be placed"));
    assert!(page.contains("<section class=\"article\" id=\"a1\" lang=\"fr\""));
    assert!(page.contains(" lang=\"en\" aria-labelledby="));
}

#[test]
fn an_html_report_file_next_to_csv_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("calm.txt"),
        "Le conseil se réunira mardi.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("quoted.md"),
        "Le maire a déclaré : « Nous reconstruirons le pont avant la fin du mois ».\n",
    )
    .unwrap();
    let out = cargo_bin_cmd!("quotecheck")
        .current_dir(dir.path())
        .args([
            "check",
            "--report",
            "html=report.html",
            "calm.txt",
            "quoted.md",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("file,line,column")
    );
    let page = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    // A file without quotes still has its section, with its text.
    assert!(page.contains(">calm.txt</h2>"));
    assert!(page.contains("Le conseil se réunira mardi."));
    assert!(page.contains("<mark id=\"a2-q1\""));
    assert!(page.contains("<title>Quotation audit: 2 articles</title>"));
}
