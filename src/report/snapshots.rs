//! One snapshot per report format, over the same hand-built findings on two fixtures
//! (`fixtures/md/fr_port_kerlevan.md`, `fixtures/html/fr_festival_valbonne.html`).
//!
//! The quotes are built here, not found by the engine, so the snapshots change only when a
//! reporter does; their spans are the raw quotes of the fixtures (entities, tags and all), so
//! line and column conversion is exercised on real markup. Also: the SARIF fields GitHub code
//! scanning needs, and fingerprints that survive lines moving.

use quotecheck::{Excerpt, Flag, Lang, Quote, QuoteKind, Severities, Severity, Span};
use serde_json::Value;

use super::csv::Csv;
use super::github::Github;
use super::json::Json;
use super::pretty::Pretty;
use super::sarif::Sarif;
use super::{FileReport, Report, Summary};

pub(super) const MD_NAME: &str = "fixtures/md/fr_port_kerlevan.md";
pub(super) const MD: &str = include_str!("../../fixtures/md/fr_port_kerlevan.md");
pub(super) const HTML_NAME: &str = "./fixtures/html/fr_festival_valbonne.html";
pub(super) const HTML: &str = include_str!("../../fixtures/html/fr_festival_valbonne.html");

/// The span of the first `needle` in `text`.
#[track_caller]
fn at(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("needle in the fixture");
    Span::new(start, start + needle.len())
}

#[track_caller]
fn excerpt(text: &str, needle: &str) -> Option<Excerpt> {
    Some(Excerpt {
        span: at(text, needle),
        text: needle.to_string(),
    })
}

/// A speech quote at `raw` in `text`, shown as `shown`, attributed to nobody.
#[track_caller]
fn quote(text: &str, raw: &str, shown: &str) -> Quote {
    Quote {
        span: at(text, raw),
        text: shown.to_string(),
        kind: QuoteKind::Speech,
        lang: Lang::Fr,
        speaker: None,
        speaker_mention: None,
        cue: None,
        source: None,
        source_mention: None,
        source_inherited: false,
        confidence: 0.0,
        flags: Vec::new(),
        candidates: Vec::new(),
        rule: "none",
        suppressed: None,
        cite: None,
    }
}

pub(super) fn md_quotes() -> Vec<Quote> {
    let t = MD;
    let mut a = quote(
        t,
        "« Le port restera ouvert tout l’hiver »",
        "« Le port restera ouvert tout l’hiver »",
    );
    a.speaker = Some("Annick Le Goff".into());
    a.speaker_mention = excerpt(t, "La maire de Kerlevan, Annick Le Goff");
    a.cue = excerpt(t, "a déclaré");
    a.confidence = 0.9;
    a.rule = "preposed";
    let mut b = quote(
        t,
        "« reprendront la mer lundi »",
        "« reprendront la mer lundi »",
    );
    b.speaker = Some("Yann Kerbrat".into());
    b.speaker_mention = excerpt(t, "le capitaine Yann Kerbrat");
    b.cue = excerpt(t, "a précisé");
    b.confidence = 0.95;
    b.flags = vec![Flag::NoSource];
    b.rule = "postposed";
    let mut c = quote(t, "« On respire enfin »", "« On respire enfin »");
    c.flags = vec![Flag::Unattributed];
    c.suppressed = Some("citation vérifiée auprès de la mairie".into());
    vec![a, b, c]
}

pub(super) fn html_quotes() -> Vec<Quote> {
    let t = HTML;
    let mut a = quote(
        t,
        "&laquo;&nbsp;Nous avons vendu <strong>trente mille</strong> billets&nbsp;&raquo;",
        "«\u{a0}Nous avons vendu trente mille billets\u{a0}»",
    );
    a.speaker = Some("Paul Mercier".into());
    a.speaker_mention = excerpt(t, "Le directeur du festival, Paul Mercier");
    a.cue = excerpt(t, "a déclaré");
    a.confidence = 0.9;
    a.rule = "preposed";
    let url = "https://example.org/prefecture/communique?id=7&lang=fr";
    let mut b = quote(
        t,
        "<q cite=\"https://example.org/prefecture/communique?id=7&amp;lang=fr\">exemplaire</q>",
        "“exemplaire”",
    );
    b.speaker = Some("préfète du département".into());
    b.speaker_mention = excerpt(t, "La préfète du département");
    b.cue = excerpt(t, "a salué");
    b.source = Some(url.into());
    b.source_mention = Some(Excerpt {
        span: at(
            t,
            "https://example.org/prefecture/communique?id=7&amp;lang=fr",
        ),
        text: url.into(),
    });
    b.cite = Some(url.into());
    b.flags = vec![Flag::Anonymous];
    b.confidence = 0.7;
    b.rule = "preposed";
    let mut c = quote(t, "« Le public est revenu »", "« Le public est revenu »");
    c.speaker = Some("Inès Da Costa".into());
    c.candidates = vec!["Inès Da Costa".into(), "Paul Mercier".into()];
    c.flags = vec![Flag::Ambiguous];
    c.cite = Some("https://example.org/entretien".into());
    c.confidence = 0.5;
    c.rule = "postposed";
    let mut d = quote(
        t,
        "«&#160;trois nuits sans fin&#160;»",
        "«\u{a0}trois nuits sans fin\u{a0}»",
    );
    d.flags = vec![Flag::Unattributed, Flag::Unbalanced];
    vec![a, b, c, d]
}

/// The bytes a reporter writes for both fixtures, with `no_source` at info level.
fn render(make: impl FnOnce(&mut Vec<u8>, Severities) -> Box<dyn Report + '_>) -> String {
    let mut severities = Severities::default();
    severities.set(Flag::NoSource, Severity::Info);
    let (mq, hq) = (md_quotes(), html_quotes());
    let md = FileReport::new(MD_NAME, MD.as_bytes(), &mq, &severities);
    let html = FileReport::new(HTML_NAME, HTML.as_bytes(), &hq, &severities);
    let mut summary = Summary::new(Some(Severity::Error));
    summary.add(&md);
    summary.add(&html);
    let mut out = Vec::new();
    {
        let mut report = make(&mut out, severities);
        report.begin().unwrap();
        report.file(&md).unwrap();
        report.file(&html).unwrap();
        report.finish(&summary).unwrap();
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn csv_snapshot() {
    insta::assert_snapshot!(render(|out, _| Box::new(Csv::new(out, true))));
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!(render(|out, _| Box::new(Json::new(out))));
}

#[test]
fn pretty_snapshot() {
    insta::assert_snapshot!(render(|out, s| Box::new(Pretty::new(out, s))));
}

#[test]
fn sarif_snapshot() {
    insta::assert_snapshot!(render(|out, s| Box::new(Sarif::new(out, s))));
}

#[test]
fn github_snapshot() {
    insta::assert_snapshot!(render(|out, s| Box::new(Github::new(out, s))));
}

/// The SARIF document of the snapshot, parsed.
fn sarif() -> Value {
    serde_json::from_str(&render(|out, s| Box::new(Sarif::new(out, s)))).unwrap()
}

#[test]
fn sarif_has_what_github_code_scanning_requires() {
    let doc = sarif();
    assert_eq!(doc["version"], "2.1.0");
    assert_eq!(doc["$schema"], super::sarif::SCHEMA);
    let run = &doc["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "quotecheck");
    assert!(driver["version"].is_string());
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "unattributed",
            "ambiguous",
            "anonymous",
            "unbalanced",
            "no_source",
            "inconsistent",
            "altered",
            "not_found"
        ]
    );
    for r in rules {
        assert!(r["shortDescription"]["text"].is_string());
        assert!(r["fullDescription"]["text"].is_string());
        assert!(r["help"]["text"].is_string());
        let level = r["defaultConfiguration"]["level"].as_str().unwrap();
        assert!(["error", "warning", "note"].contains(&level));
    }
    assert_eq!(rules[4]["defaultConfiguration"]["level"], "note");
    let results = run["results"].as_array().unwrap();
    // One result per flag: 2 in the Markdown file, 4 in the HTML file.
    assert_eq!(results.len(), 6);
    for r in results {
        let rule = r["ruleId"].as_str().unwrap();
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(ids[index], rule);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let loc = &r["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("fixtures/"), "{uri}");
        let region = &loc["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[key].as_u64().unwrap() >= 1, "{key}");
        }
        assert_eq!(
            r["partialFingerprints"]["quotecheck/v1"]
                .as_str()
                .unwrap()
                .len(),
            16
        );
    }
    // The suppressed quote is there, marked as suppressed in the source with the reason.
    let suppressed: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(
        suppressed[0]["suppressions"][0],
        serde_json::json!({"kind": "inSource", "justification": "citation vérifiée auprès de la mairie"})
    );
    // `<q cite="…">exemplaire</q>` on line 14.
    let q = &results[2]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (&q["startLine"], &q["startColumn"], &q["endColumn"]),
        (&Value::from(14), &Value::from(51), &Value::from(134))
    );
}

#[test]
fn fingerprints_do_not_move_with_lines() {
    let fingerprints = |text: &str| -> Vec<String> {
        let quotes: Vec<Quote> = md_quotes()
            .into_iter()
            .map(|mut q| {
                q.span = at(text, &MD[q.span.start..q.span.end]);
                q
            })
            .collect();
        let sev = Severities::default();
        let file = FileReport::new(MD_NAME, text.as_bytes(), &quotes, &sev);
        file.findings(&sev)
            .into_iter()
            .map(|f| f.fingerprint)
            .collect()
    };
    let before = fingerprints(MD);
    let moved = format!("Nouveau chapeau.\n\nDeuxième ligne ajoutée.\n\n{MD}");
    assert_eq!(before, fingerprints(&moved));
    assert_eq!(before.len(), 2);
    assert_ne!(before[0], before[1]);
}
