//! Issue #5, `quotecheck verify`: every kind of quote a fact-checker meets, checked against the
//! source it comes from, on the articles and sources of `fixtures/verify/` (written for these
//! tests).
//!
//! The library tests assert the verdict, the similarity, the diff and the speaker check of each
//! speech quote; they hold whatever speaker the engine finds, except for the speaker checks,
//! which only use quotes attributed by `X a déclaré : « … »` or `"…," X said`. The CLI tests
//! check the shape of the report and the exit codes.

use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use quotecheck::verify::{Sources, SpeakerCheck, Verdict, Verification, diff_string};
use quotecheck::{Document, Options, QuoteKind, check};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/verify");

/// What a quote of a fixture must come out as.
struct Case {
    /// A piece of the quote that identifies it.
    quote: &'static str,
    verdict: Verdict,
    /// The diff as `diff_string` writes it (empty for verbatim and not found).
    diff: &'static str,
    /// The speaker check, when the case is about it.
    speaker: Option<SpeakerCheck>,
}

const fn case(quote: &'static str, verdict: Verdict, diff: &'static str) -> Case {
    Case {
        quote,
        verdict,
        diff,
        speaker: None,
    }
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(DIR).join(path)).unwrap()
}

/// Check every speech quote of `article` against `sources` and compare with `cases` (each case
/// must match exactly one quote, and each quote one case).
#[track_caller]
fn run(article: &str, sources: &[&str], cases: &[Case]) -> Vec<Verification> {
    let bytes: Vec<Vec<u8>> = sources.iter().map(|s| read(s)).collect();
    let docs = bytes.iter().map(|b| Document::plain(b).unwrap()).collect();
    let sources = Sources::new(docs);
    let text = read(article);
    let doc = Document::plain(&text).unwrap();
    let analysis = check(&doc, &Options::default());
    let mut seen = vec![0; cases.len()];
    let mut out = Vec::new();
    for q in analysis
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Speech)
    {
        let v = sources.verify(q).unwrap();
        let matching: Vec<usize> = (0..cases.len())
            .filter(|&k| q.text.contains(cases[k].quote))
            .collect();
        assert_eq!(matching.len(), 1, "no single case for {}", q.text);
        let c = &cases[matching[0]];
        seen[matching[0]] += 1;
        assert_eq!(v.verdict, c.verdict, "{}: {v:#?}", q.text);
        assert_eq!(diff_string(&v.diff), c.diff, "{}", q.text);
        match v.verdict {
            Verdict::Verbatim | Verdict::Elided => assert_eq!(v.similarity, 1.0, "{}", q.text),
            Verdict::Altered => assert!(
                (0.6..1.0).contains(&v.similarity),
                "{}: {}",
                q.text,
                v.similarity
            ),
            Verdict::NotFound => {
                assert_eq!(v.similarity, 0.0);
                assert!(v.passages.is_empty());
            }
        }
        if let Some(s) = c.speaker {
            assert_eq!(v.speaker_check, s, "{}: {v:#?}", q.text);
        }
        out.push(v);
    }
    for (k, n) in seen.iter().enumerate() {
        assert_eq!(*n, 1, "case `{}` matched {n} quotes", cases[k].quote);
    }
    out
}

#[test]
fn a_french_article_against_the_transcript_of_the_press_conference() {
    let mut cases = [
        // A fragment of 2+ words inside a longer sentence of the source.
        case("« ne laissera pas tomber »", Verdict::Verbatim, ""),
        case(
            "L'État ne laissera pas tomber Kerlevan",
            Verdict::Verbatim,
            "",
        ),
        // A changed number.
        case(
            "300 millions",
            Verdict::Altered,
            "L'État investira [-240-] {+300+} millions d'euros sur cinq ans dans la modernisation des cales",
        ),
        // Two sentences far apart, joined by a marked elision.
        case(
            "une chose simple […]",
            Verdict::Elided,
            "Je suis venue vous dire une chose simple [-… 65 words …-] {+[…]+} il n'y aura aucun licenciement sec",
        ),
        // One word changed.
        case(
            "qui le demandent",
            Verdict::Altered,
            "Il y aura des départs volontaires, accompagnés, et des formations pour tous ceux qui le [-souhaitent-] {+demandent+}",
        ),
        // A dropped negation.
        case(
            "Je promets que ce sera facile",
            Verdict::Altered,
            "Je [-ne-] promets [-pas-] que ce sera facile",
        ),
        // A bracketed insertion standing for source words.
        case(
            "[Kerlevan] a un avenir",
            Verdict::Elided,
            "[-Le chantier naval-] {+[Kerlevan]+} a un avenir, et cet avenir passe par la transition écologique",
        ),
        // Two passages run together without an elision mark.
        case(
            "d'ici à 2028. Les prochains mois",
            Verdict::Altered,
            "Nous voulons que les premiers navires à hydrogène sortent d'ici à 2028 [-… 46 words …-] Les prochains mois seront exigeants pour tout le monde",
        ),
        // A short marked elision inside one passage.
        case(
            "n'est pas une option […]",
            Verdict::Elided,
            "Le dialogue social n'est pas une option [-c'est une méthode-] {+[…]+} Je reviendrai à Kerlevan avant l'été",
        ),
        // The mayor's words given to the minister.
        case("La ville de Kerlevan", Verdict::Verbatim, ""),
        // Words nobody said.
        case("Aucune usine ne fermera", Verdict::NotFound, ""),
    ];
    cases[1].speaker = Some(SpeakerCheck::Match);
    cases[9].speaker = Some(SpeakerCheck::Mismatch);
    cases[10].speaker = Some(SpeakerCheck::Unknown);
    let v = run(
        "fr_article_chantier.txt",
        &["fr_transcription_marchetti.txt"],
        &cases,
    );
    // Where the passages are, and what the source labels.
    let elided = v
        .iter()
        .find(|v| v.passages.len() == 2 && v.verdict == Verdict::Elided);
    let elided = elided.expect("the split quote");
    assert_eq!(
        elided.matched_text(),
        "Je suis venue vous dire une chose simple […] il n'y aura aucun licenciement sec"
    );
    let mayor = &v[9];
    assert_eq!(mayor.source_speaker(), Some("M. Tanguy"));
}

#[test]
fn an_english_article_against_a_folder_of_sources() {
    let mut cases = [
        case("The new barrier on the River Lune", Verdict::Verbatim, ""),
        case(
            "84 million",
            Verdict::Altered,
            "It cost [-48-] {+84+} million pounds, and it will protect 3,200 homes",
        ),
        case(
            "We will raise council tax",
            Verdict::Altered,
            "We will [-not-] raise council tax to pay for it",
        ),
        case(
            "No barrier makes a town completely safe",
            Verdict::Verbatim,
            "",
        ),
        case(
            "buy [the town] time […]",
            Verdict::Elided,
            "What this barrier does is buy [-us-] {+[the town]+} time [-hours rather than minutes-] {+[…]+} to move people out of harm's way",
        ),
        // From the press release, which labels no speaker.
        case("largest investment", Verdict::Verbatim, ""),
        case("I want to thank the engineers", Verdict::Verbatim, ""),
        case("hold back any flood", Verdict::NotFound, ""),
    ];
    cases[0].speaker = Some(SpeakerCheck::Match);
    cases[3].speaker = Some(SpeakerCheck::Match);
    cases[5].speaker = Some(SpeakerCheck::Unknown);
    cases[6].speaker = Some(SpeakerCheck::Mismatch);
    let v = run(
        "en_article_flood_barrier.txt",
        &[
            "en_sources/briefing_transcript.txt",
            "en_sources/press_release.txt",
        ],
        &cases,
    );
    assert_eq!(v[5].passages[0].source, 1);
    assert_eq!(v[0].source_speaker(), Some("MAYOR DIANA OKAFOR"));
}

/// `quotecheck verify` run in `fixtures/verify`.
fn verify() -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("quotecheck");
    cmd.current_dir(DIR).arg("verify");
    cmd
}

#[test]
fn csv_has_the_check_columns_then_the_verify_columns_and_altered_fails_the_run() {
    let out = verify()
        .args(["en_article_flood_barrier.txt", "--against", "en_sources"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(&out[..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[0], "file");
    // The columns of check (whatever they are), then those of verify.
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let base = col("verdict");
    assert!(col("rule") < base);
    assert_eq!(
        header[base..],
        [
            "verdict",
            "similarity",
            "source_file",
            "source_line",
            "source_column",
            "matched_text",
            "diff",
            "speaker_check",
            "source_speaker"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 8);
    let altered = rows.iter().find(|r| &r[base] == "altered").unwrap();
    assert_eq!(&altered[base + 1], "0.91");
    assert_eq!(&altered[base + 2], "en_sources/briefing_transcript.txt");
    assert_eq!((&altered[base + 3], &altered[base + 4]), ("3", "112"));
    assert_eq!(
        &altered[base + 5],
        "It cost 48 million pounds, and it will protect 3,200 homes"
    );
    assert!(altered[col("flags")].contains("altered"));
    assert_eq!(&altered[col("severity")], "error");
}

#[test]
fn json_lines_carry_the_verify_fields() {
    let out = verify()
        .args([
            "fr_article_chantier.txt",
            "--against",
            "fr_transcription_marchetti.txt",
            "--format",
            "json",
            "--fail-on",
            "never",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let raw = String::from_utf8(out).unwrap();
    let lines: Vec<serde_json::Value> = raw
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 11);
    let number = lines
        .iter()
        .find(|l| l["quote"].as_str().unwrap().contains("300 millions"))
        .unwrap();
    assert_eq!(number["verdict"], "altered");
    assert_eq!(number["source_file"], "fr_transcription_marchetti.txt");
    assert_eq!(number["source_line"], 5);
    assert_eq!(
        number["diff"],
        "L'État investira [-240-] {+300+} millions d'euros sur cinq ans dans la modernisation des cales"
    );
    assert_eq!(number["speaker_check"], "match");
    assert_eq!(number["source_speaker"], "Mme Marchetti");
    let absent = lines.iter().find(|l| l["verdict"] == "not_found").unwrap();
    for key in [
        "source_file",
        "source_line",
        "source_column",
        "matched_text",
        "diff",
    ] {
        assert!(absent[key].is_null(), "{key}");
    }
    assert_eq!(absent["similarity"], 0.0);
    assert_eq!(absent["flags"], serde_json::json!(["not_found"]));
    // The keys of check come first, then those of verify, in their order.
    let first = raw.lines().next().unwrap();
    let at = |key: &str| first.find(&format!("\"{key}\":")).unwrap();
    let order = [
        "file",
        "rule",
        "verdict",
        "similarity",
        "source_file",
        "source_line",
        "source_column",
        "matched_text",
        "diff",
        "speaker_check",
        "source_speaker",
    ];
    assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{first}");
}

#[test]
fn severities_decide_whether_an_altered_quote_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Le maire a déclaré : « Nous reconstruirons le pont avant la fin du mois ».\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("s.txt"),
        "Nous reconstruirons le pont avant la fin de l'année.\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        let mut cmd = cargo_bin_cmd!("quotecheck");
        cmd.current_dir(dir.path())
            .args(["verify", "a.txt", "--against", "s.txt"])
            .args(extra)
            .assert()
    };
    run(&[]).code(1);
    run(&["--severity", "altered=warning"]).code(0);
    run(&["--severity", "altered=warning", "--fail-on", "warning"]).code(1);
    run(&["--no-fail"]).code(0);
}

#[test]
fn a_missing_source_or_stdin_as_a_source_is_an_error() {
    verify()
        .args([
            "en_article_flood_barrier.txt",
            "--against",
            "missing.txt",
            "en_sources",
            "--fail-on",
            "never",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("missing.txt"))
        .stdout(predicates::str::contains("verbatim"));
    verify()
        .args(["en_article_flood_barrier.txt", "--against", "-"])
        .assert()
        .code(2);
    verify()
        .args(["en_article_flood_barrier.txt"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--against"));
}

#[test]
fn pretty_shows_the_passage_the_diff_and_the_verdicts() {
    let out = verify()
        .args([
            "en_article_flood_barrier.txt",
            "--against",
            "en_sources",
            "--format",
            "pretty",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("  verdict:    altered (similarity 0.95)\n"));
    assert!(out.contains("  diff:       We will [-not-] raise council tax to pay for it\n"));
    assert!(out.contains("  found in:   en_sources/briefing_transcript.txt:5:21\n"));
    assert!(out.contains("  said by:    MAYOR DIANA OKAFOR (speaker check: mismatch)\n"));
    assert!(out.contains(
        "8 speech quotes checked against the sources: 4 verbatim, 1 elided, 2 altered, 1 not_found.\n"
    ));
}

#[test]
fn sources_in_markdown_and_json_lines_and_a_sarif_report() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "a.txt",
        "Le maire a déclaré : « Nous reconstruirons le pont avant la fin du mois ».\n\
         Le maire a ajouté : « Les travaux coûteront 4 millions d'euros ».\n",
    );
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    write(
        "sources/conseil.md",
        "# Conseil municipal\n\n**LE MAIRE :** Nous reconstruirons le *pont* avant la fin du mois.\n",
    );
    write(
        "sources/depeches.jsonl",
        "{\"id\": \"d1\", \"text\": \"Les travaux coûteront 5 millions d'euros, selon la mairie.\"}\n",
    );
    let out = cargo_bin_cmd!("quotecheck")
        .current_dir(dir.path())
        .args([
            "verify",
            "a.txt",
            "--against",
            "sources",
            "--format",
            "json",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["verdict"], "verbatim");
    assert_eq!(lines[0]["source_file"], "sources/conseil.md");
    assert_eq!(lines[0]["source_line"], 3);
    assert_eq!(lines[1]["verdict"], "altered");
    assert_eq!(lines[1]["source_file"], "d1");
    assert_eq!(
        lines[1]["diff"],
        "Les travaux coûteront [-5-] {+4+} millions d'euros"
    );
    let sarif = cargo_bin_cmd!("quotecheck")
        .current_dir(dir.path())
        .args([
            "verify",
            "a.txt",
            "--against",
            "sources",
            "--format",
            "sarif",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let sarif: serde_json::Value = serde_json::from_slice(&sarif).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "altered"));
}

#[test]
fn the_html_report_of_verify_shows_the_article_with_the_altered_quote_flagged() {
    let out = verify()
        .args([
            "en_article_flood_barrier.txt",
            "--against",
            "en_sources",
            "--format",
            "html",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let page = String::from_utf8(out).unwrap();
    // The article's text is there, with its quotes highlighted, and the altered flag is named.
    assert!(
        page.contains("It cost 84 million pounds"),
        "article text missing"
    );
    assert_eq!(
        page.matches("<mark").count(),
        8,
        "one highlight per speech quote"
    );
    assert!(
        page.contains("· Altered (error)"),
        "the altered flag is not shown"
    );
}
