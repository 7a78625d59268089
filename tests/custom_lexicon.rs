//! End-to-end test of the `[outlets]` and `[verbs]` of `.quotecheck.toml`: the binary reads them
//! and the engine's rules use them.
//!
//! Unlike `tests/cli.rs` and `tests/inputs.rs`, this depends on the attribution rules: its
//! sentences are ones the built-in lexicons leave without a source or a cue, and that the
//! configuration's outlet and verbs make plain attributions.

use assert_cmd::cargo::cargo_bin_cmd;

const ARTICLE: &str = "\
« Nous rouvrirons l'école en septembre », a déclaré le maire au Courrier de Kerlevan.

« Nous ne céderons rien », a vitupéré le maire, Jean Kervella.
";

const STORY: &str = "\"We will rebuild the bridge by spring,\" harrumphed Mayor John Smith.\n";

const CONFIG: &str = r#"
[outlets]
"Le Courrier de Kerlevan" = "newspaper"

[verbs]
fr = ["a vitupéré"]
en = ["harrumphed"]
"#;

/// `(file, quote, cue, speaker, source)` of each row of `quotecheck check` run in a directory
/// holding the two articles and, when `config`, the configuration.
#[track_caller]
fn rows(config: bool) -> Vec<[String; 5]> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kerlevan.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("bridge.txt"), STORY).unwrap();
    if config {
        std::fs::write(dir.path().join(".quotecheck.toml"), CONFIG).unwrap();
    }
    let out = cargo_bin_cmd!("quotecheck")
        .current_dir(dir.path())
        .args(["check", "--no-fail", "kerlevan.txt", "bridge.txt"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let cols = ["file", "quote", "cue", "speaker", "source"].map(col);
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            cols.map(|c| r[c].to_string())
        })
        .collect()
}

#[track_caller]
fn row(file: &str, quote: &str, cue: &str, speaker: &str, source: &str) -> [String; 5] {
    [file, quote, cue, speaker, source].map(str::to_string)
}

#[test]
fn configured_outlets_and_verbs_attribute_quotes() {
    assert_eq!(
        rows(true),
        vec![
            row(
                "kerlevan.txt",
                "« Nous rouvrirons l'école en septembre »",
                "a déclaré",
                "Jean Kervella",
                "Le Courrier de Kerlevan"
            ),
            row(
                "kerlevan.txt",
                "« Nous ne céderons rien »",
                "a vitupéré",
                "Jean Kervella",
                ""
            ),
            row(
                "bridge.txt",
                "\"We will rebuild the bridge by spring,\"",
                "harrumphed",
                "John Smith",
                ""
            ),
        ]
    );
    // Without the file, no source and no cue for the new words.
    let without = rows(false);
    assert_eq!(without.len(), 3);
    assert_eq!(without[0][2..], ["a déclaré", "Jean Kervella", ""]);
    assert_eq!(without[1][2..], ["", "", ""]);
    assert_eq!(without[2][2..], ["", "", ""]);
}
