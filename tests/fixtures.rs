//! The fixture articles under `fixtures/{fr,en}` against their hand-written expectations in
//! `fixtures/expected/NAME.json`.
//!
//! Every quote's span, kind, speaker, source, inheritance and flags are compared with what a
//! careful editor annotated. The disagreements the engine still has are listed, one a line, in
//! `fixtures/known_gaps.txt`; the test fails on any difference from that list, so a regression
//! fails it and so does a fix (which must then remove its line). Run with
//! `QUOTECHECK_BLESS=1 cargo test --test fixtures` to rewrite the list after checking the diff.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use quotecheck::entities::fold;
use quotecheck::{Document, Flag, Options, QuoteKind, check};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Expected {
    quote: String,
    kind: String,
    speaker: Option<String>,
    source: Option<String>,
    #[serde(default)]
    source_inherited: bool,
    #[serde(default)]
    flags: Vec<String>,
}

/// The honorifics score.py ignores at the start of a name.
const HONORIFICS: &[&str] = &[
    "m",
    "m.",
    "mme",
    "mlle",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "sir",
    "dame",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "roi",
    "reine",
    "princesse",
    "pape",
];

/// Name equality as the benchmark defines it: case and accents folded, a leading honorific
/// ignored, an acronym equal to the name it abbreviates.
fn same_name(a: Option<&str>, b: Option<&str>) -> bool {
    let (a, b) = match (a, b) {
        (None, None) => return true,
        (Some(a), Some(b)) => (a, b),
        _ => return false,
    };
    let bare = |s: &str| {
        let f = fold(s).replace('’', "'");
        let words: Vec<&str> = f.split_whitespace().collect();
        if words.len() > 1 && HONORIFICS.contains(&words[0]) {
            words[1..].join(" ")
        } else {
            words.join(" ")
        }
    };
    let initials = |s: &str| -> String {
        const SKIP: &[&str] = &[
            "de", "du", "des", "d", "la", "le", "les", "l", "of", "the", "and", "et",
        ];
        s.split(|c: char| c.is_whitespace() || c == '-' || c == '\'')
            .filter(|w| !w.is_empty() && !SKIP.contains(&w.to_lowercase().as_str()))
            .filter_map(|w| w.chars().next())
            .collect::<String>()
            .to_uppercase()
    };
    let acronym = |x: &str, y: &str| {
        x.len() >= 2
            && !x.contains(' ')
            && x.chars().all(|c| !c.is_lowercase())
            && y.contains(' ')
            && initials(y) == x
    };
    bare(a) == bare(b) || acronym(a, b) || acronym(b, a)
}

fn fixtures() -> Vec<(String, PathBuf, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    for lang in ["fr", "en"] {
        let dir = root.join(lang);
        let mut entries: Vec<PathBuf> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("dir entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        entries.sort();
        for article in entries {
            let name = article
                .file_stem()
                .expect("name")
                .to_string_lossy()
                .to_string();
            let expected = root.join("expected").join(format!("{name}.json"));
            if expected.exists() {
                out.push((name, article, expected));
            }
        }
    }
    out
}

/// Every disagreement between the engine and the expectations, one line each.
fn disagreements() -> Vec<String> {
    let mut out = Vec::new();
    for (name, article, expected) in fixtures() {
        let bytes = fs::read(&article).expect("fixture article");
        let doc = Document::plain(&bytes).expect("UTF-8 fixture");
        let analysis = check(&doc, &Options::default());
        let expected: Vec<Expected> =
            serde_json::from_slice(&fs::read(&expected).expect("expectations")).expect("JSON");
        for (i, e) in expected.iter().enumerate() {
            let at = format!("{name} #{i} {}", short(&e.quote));
            // The quote with the same text (the fixture's texts are unique per article).
            let Some(q) = analysis
                .quotes
                .iter()
                .find(|q| String::from_utf8_lossy(&bytes[q.span.start..q.span.end]) == e.quote)
            else {
                out.push(format!("{at}: quote not found"));
                continue;
            };
            let kind = match q.kind {
                QuoteKind::Speech => "speech",
                QuoteKind::Title => "title",
                QuoteKind::Term => "term",
                QuoteKind::Other => "other",
            };
            if kind != e.kind {
                out.push(format!("{at}: kind {kind}, expected {}", e.kind));
                continue;
            }
            let ambiguous_expected = e.flags.iter().any(|f| f == "ambiguous");
            let speaker_ok = same_name(q.speaker.as_deref(), e.speaker.as_deref())
                || (ambiguous_expected && q.has(Flag::Ambiguous));
            if !speaker_ok {
                out.push(format!(
                    "{at}: speaker {:?}, expected {:?}",
                    q.speaker, e.speaker
                ));
            }
            if !same_name(q.source.as_deref(), e.source.as_deref()) {
                out.push(format!(
                    "{at}: source {:?}, expected {:?}",
                    q.source, e.source
                ));
            } else if q.source.is_some() && q.source_inherited != e.source_inherited {
                out.push(format!(
                    "{at}: source_inherited {}, expected {}",
                    q.source_inherited, e.source_inherited
                ));
            }
            let got: BTreeSet<&str> = q
                .flags
                .iter()
                .map(|f| f.as_str())
                .filter(|f| ["unattributed", "ambiguous", "anonymous", "unbalanced"].contains(f))
                .collect();
            let want: BTreeSet<&str> = e.flags.iter().map(String::as_str).collect();
            if got != want {
                out.push(format!("{at}: flags {got:?}, expected {want:?}"));
            }
        }
        // Quotes the engine reports that the expectations do not have.
        for q in &analysis.quotes {
            let t = String::from_utf8_lossy(&bytes[q.span.start..q.span.end]).to_string();
            if !expected.iter().any(|e| e.quote == t) {
                out.push(format!("{name}: extra quote {}", short(&t)));
            }
        }
    }
    out
}

fn short(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut t: String = one.chars().take(40).collect();
    if one.chars().count() > 40 {
        t.push('…');
    }
    t
}

#[test]
fn fixtures_match_their_expectations_except_the_known_gaps() {
    let gaps_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/known_gaps.txt");
    let got = disagreements();
    if std::env::var_os("QUOTECHECK_BLESS").is_some() {
        let mut body = String::from(
            "# Disagreements between the engine and the hand-written expectations of the fixtures,\n\
             # one a line, checked by tests/fixtures.rs. Fixing one means deleting its line.\n",
        );
        for g in &got {
            body.push_str(g);
            body.push('\n');
        }
        fs::write(&gaps_path, body).expect("write known gaps");
        return;
    }
    let known: Vec<String> = fs::read_to_string(&gaps_path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let new: Vec<&String> = got.iter().filter(|g| !known.contains(g)).collect();
    let fixed: Vec<&String> = known.iter().filter(|k| !got.contains(k)).collect();
    assert!(
        new.is_empty() && fixed.is_empty(),
        "fixture expectations changed.\nnew disagreements:\n  {}\nfixed (remove from fixtures/known_gaps.txt):\n  {}",
        new.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  "),
        fixed
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  ")
    );
}

#[test]
fn the_fixtures_cover_both_languages_and_every_kind() {
    let all = fixtures();
    assert!(all.iter().filter(|(n, _, _)| n.starts_with("fr_")).count() >= 3);
    assert!(all.iter().filter(|(n, _, _)| n.starts_with("en_")).count() >= 3);
    let mut kinds = BTreeSet::new();
    for (_, _, expected) in &all {
        let e: Vec<Expected> = serde_json::from_slice(&fs::read(expected).unwrap()).unwrap();
        kinds.extend(e.into_iter().map(|x| x.kind));
    }
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        vec!["other", "speech", "term", "title"]
    );
}

#[test]
fn same_name_follows_the_benchmark() {
    assert!(same_name(Some("M. Choïgou"), Some("Choigou")));
    assert!(same_name(Some("AFP"), Some("Agence France-Presse")));
    assert!(!same_name(Some("Kim"), Some("Kim Jong Un")));
    assert!(same_name(None, None));
    assert!(!same_name(Some("KCNA"), None));
}
