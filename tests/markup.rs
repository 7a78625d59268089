//! Markdown and HTML fixtures (`fixtures/md`, `fixtures/html`): every quote is reported at its
//! exact place in the original file, whatever the markup did to the text on the way (front
//! matter, code, entities, escapes, nested tags, `<q>`, CRLF line ends, a byte-order mark).
//!
//! The expected positions were computed from the files' bytes independently of quotecheck
//! (find the raw quote, count lines and characters). They depend on which marks the engine pairs,
//! never on whom it attributes the quotes to.

use assert_cmd::cargo::cargo_bin_cmd;
use quotecheck::{BlockKind, Format, Options, Source, check_source};

/// line, column, end_line, end_column, byte_start, byte_end.
type Pos = (u64, u64, u64, u64, u64, u64);

/// The positions of every quote quotecheck reports for `fixture`, from its JSON report, with the
/// `suppressed` and `cite` fields.
#[track_caller]
fn reported(fixture: &str) -> Vec<(Pos, Option<String>, Option<String>)> {
    let out = cargo_bin_cmd!("quotecheck")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "check",
            "--isolated",
            "--no-fail",
            "--format",
            "json",
            fixture,
        ])
        .assert()
        .code(0)
        .stderr("")
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| {
            let o: serde_json::Value = serde_json::from_str(l).unwrap();
            let n = |k: &str| o[k].as_u64().unwrap();
            let s = |k: &str| o[k].as_str().map(String::from);
            (
                (
                    n("line"),
                    n("column"),
                    n("end_line"),
                    n("end_column"),
                    n("byte_start"),
                    n("byte_end"),
                ),
                s("suppressed"),
                s("cite"),
            )
        })
        .collect()
}

#[track_caller]
fn positions(fixture: &str) -> Vec<Pos> {
    reported(fixture).into_iter().map(|(p, _, _)| p).collect()
}

#[track_caller]
fn read(fixture: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture)).unwrap()
}

/// The analysed text and blocks of a fixture.
#[track_caller]
fn parsed(fixture: &str, format: Format) -> (String, Vec<(BlockKind, String)>) {
    let bytes = read(fixture);
    let src = Source::parse(&bytes, format).unwrap();
    let blocks = src
        .doc
        .blocks()
        .iter()
        .map(|b| (b.kind, b.span.get(src.doc.text()).to_string()))
        .collect();
    (src.doc.text().to_string(), blocks)
}

#[test]
fn markdown_front_matter_code_entities_block_quote() {
    let fixture = "fixtures/md/fr_port_kerlevan.md";
    assert_eq!(
        positions(fixture),
        vec![
            // `# « Le port restera ouvert »`: after the `# `.
            (6, 3, 6, 29, 102, 130),
            (8, 81, 8, 120, 232, 275),
            (10, 36, 10, 47, 316, 330),
            // After `Tom &amp; Jerry`: the entity does not shift the columns.
            (12, 56, 12, 84, 514, 544),
            // Inside `> `.
            (20, 3, 20, 51, 705, 756),
            (25, 39, 25, 59, 923, 945),
        ]
    );
    let (text, blocks) = parsed(fixture, Format::Markdown);
    for not_prose in [
        "Pas une citation",
        "pas une citation non plus",
        "Ceci est du code",
        "pas ceci",
        "example.org",
        "quotecheck-disable",
    ] {
        assert!(!text.contains(not_prose), "{not_prose}");
    }
    assert!(text.contains("Tom & Jerry"));
    assert_eq!(blocks[0].0, BlockKind::Heading);
    let quoted: Vec<&str> = blocks
        .iter()
        .filter(|(k, _)| *k == BlockKind::BlockQuote)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        quoted,
        ["« Nous avons attendu trois mois cette décision », a écrit l’association des riverains."]
    );
    let last = reported(fixture).pop().unwrap();
    assert_eq!(
        last.1.as_deref(),
        Some("citation vérifiée auprès de la mairie")
    );
}

#[test]
fn markdown_with_crlf_a_bom_toml_front_matter_and_escapes() {
    let fixture = "fixtures/md/en_harbour_crlf.md";
    assert_eq!(
        positions(fixture),
        vec![
            (7, 53, 7, 108, 140, 199),
            (9, 1, 9, 30, 203, 236),
            // `&ldquo;a fair deal&rdquo;`: the quote is the entities' bytes.
            (12, 23, 12, 48, 320, 345),
            // `\"overdue\"`: from the first mark (after its backslash) through the last.
            (13, 20, 13, 30, 396, 406),
            (18, 10, 18, 21, 501, 512),
        ]
    );
    let (text, _) = parsed(fixture, Format::Markdown);
    assert!(!text.contains("Not a quote"));
    assert!(!text.contains("Indented code"));
    assert!(!text.contains("2.4m"));
    assert!(!text.contains('\r'));
    assert!(!text.contains('\u{feff}'));
}

#[test]
fn html_page_article_only_entities_nested_tags_q_and_blockquote() {
    let fixture = "fixtures/html/fr_festival_valbonne.html";
    let got = reported(fixture);
    let pos: Vec<Pos> = got.iter().map(|(p, _, _)| *p).collect();
    assert_eq!(
        pos,
        vec![
            // `&laquo;&nbsp;Une édition record&nbsp;&raquo;` in the article's <h1>.
            (12, 41, 12, 85, 358, 403),
            // Through <em> and <strong>: entity to entity.
            (13, 65, 13, 145, 484, 564),
            // <q cite=…>exemplaire</q>: the tags are the marks.
            (14, 51, 14, 134, 631, 714),
            (16, 6, 16, 30, 797, 823),
            (19, 25, 19, 59, 989, 1025),
        ]
    );
    assert_eq!(
        got[2].2.as_deref(),
        Some("https://example.org/prefecture/communique?id=7&lang=fr")
    );
    assert_eq!(got[3].2.as_deref(), Some("https://example.org/entretien"));
    assert_eq!(
        got[4].1.as_deref(),
        Some("citation tirée du dossier de presse")
    );
    let (text, blocks) = parsed(fixture, Format::Html);
    for not_prose in [
        "Titre de la page",
        "pas une citation",
        "content:",
        "Accueil",
        "Régions",
        "À lire aussi",
        "Valbonne Matin",
    ] {
        assert!(!text.contains(not_prose), "{not_prose}");
    }
    assert_eq!(
        blocks[0],
        (
            BlockKind::Heading,
            "Festival de Valbonne\u{a0}: «\u{a0}Une édition record\u{a0}»".to_string()
        )
    );
    assert!(blocks.iter().any(|(k, t)| *k == BlockKind::BlockQuote
        && t == "« Le public est revenu », a confié la programmatrice Inès Da Costa."));
}

#[test]
fn html_fragment_with_crlf_and_a_bom() {
    let fixture = "fixtures/html/en_flood_fragment_crlf.html";
    assert_eq!(
        positions(fixture),
        vec![
            (3, 4, 3, 37, 65, 98),
            // After a <br>: `&#8220;…&#8221;`.
            (4, 1, 4, 39, 148, 186),
            (5, 34, 5, 58, 225, 249),
        ]
    );
    let (_, blocks) = parsed(fixture, Format::Html);
    let texts: Vec<&str> = blocks.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Pine Hollow & the flood",
            "“We lost everything,” said Maria Lopez, a resident.",
            "“The water came at night.”",
            "The mayor said the town would \"rebuild fast\".",
        ]
    );
}

#[test]
fn the_library_gives_the_same_spans_as_the_report() {
    let bytes = read("fixtures/html/fr_festival_valbonne.html");
    let (_, analysis) = check_source(&bytes, Format::Html, &Options::default()).unwrap();
    let spans: Vec<(usize, usize)> = analysis
        .quotes
        .iter()
        .map(|q| (q.span.start, q.span.end))
        .collect();
    assert_eq!(
        spans,
        [(358, 403), (484, 564), (631, 714), (797, 823), (989, 1025)]
    );
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(
        &text[631..714],
        "<q cite=\"https://example.org/prefecture/communique?id=7&amp;lang=fr\">exemplaire</q>"
    );
}

#[test]
fn a_block_quote_without_marks_is_a_quote_attributed_from_around_it() {
    let md = "# Le port\n\nLa maire de Kerlevan, Anne Morvan, a répondu aux dockers :\n\n\
              > Nous ne fermerons pas le port.\n> Les emplois seront maintenus.\n\n\
              La réunion a duré deux heures.\n";
    let (_, analysis) = check_source(md.as_bytes(), Format::Markdown, &Options::default()).unwrap();
    assert_eq!(analysis.quotes.len(), 1);
    let q = &analysis.quotes[0];
    let start = md.find("Nous").unwrap();
    let end = md.find("maintenus.").unwrap() + "maintenus.".len();
    assert_eq!((q.span.start, q.span.end), (start, end));
    assert_eq!(q.speaker.as_deref(), Some("Anne Morvan"));

    let html = "<p>The mayor, Anne Morvan, told the dockers:</p>\n\
                <blockquote cite=\"https://example.org/speech\"><p>We will not close the \
                port.</p></blockquote>\n";
    let (_, analysis) = check_source(html.as_bytes(), Format::Html, &Options::default()).unwrap();
    assert_eq!(analysis.quotes.len(), 1);
    let q = &analysis.quotes[0];
    assert_eq!(q.text, "We will not close the port.");
    assert_eq!(q.speaker.as_deref(), Some("Anne Morvan"));
    assert_eq!(q.cite.as_deref(), Some("https://example.org/speech"));

    // A block quote that has its own marks is reported by them, once.
    let md = "> « Nous avons attendu », a écrit l'association.\n";
    let (_, analysis) = check_source(md.as_bytes(), Format::Markdown, &Options::default()).unwrap();
    assert_eq!(analysis.quotes.len(), 1);
    assert!(analysis.quotes[0].text.starts_with('«'));
}
