//! The HTML report: a snapshot over hand-built findings on French Markdown and HTML fixtures and
//! an English text fixture; hostile input that must not run or break the page, checked by parsing
//! the page back; and the nesting of highlights.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::{HtmlRewriter, Settings, element, text};
use quotecheck::{
    Excerpt, Flag, Format, Lang, Options, Quote, QuoteKind, Severities, Severity, Source, Span,
};

use super::article::Chain;
use super::*;
use crate::report::snapshots::{HTML, HTML_NAME, MD, MD_NAME, html_quotes, md_quotes};

const EN_NAME: &str = "fixtures/en/en_school_closures.txt";
const EN: &str = include_str!("../../../fixtures/en/en_school_closures.txt");

/// The span of `needle`, looked for after the first `after` in `text`.
#[track_caller]
fn after(text: &str, after: &str, needle: &str) -> Span {
    let from = text.find(after).expect("context in the fixture");
    let start = from + text[from..].find(needle).expect("needle in the fixture");
    Span::new(start, start + needle.len())
}

#[track_caller]
fn excerpt(text: &str, context: &str, needle: &str) -> Option<Excerpt> {
    Some(Excerpt {
        span: after(text, context, needle),
        text: needle.to_string(),
    })
}

/// English quotes of `en_school_closures`: a multi-paragraph quote, an ambiguous one, a title.
fn en_quotes() -> Vec<Quote> {
    let t = EN;
    let open = t.find("“I understand").unwrap();
    let close = t.find("education.”").unwrap() + "education.”".len();
    let speech = |span: Span| Quote {
        span,
        text: span.get(t).to_string(),
        kind: QuoteKind::Speech,
        lang: Lang::En,
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
    };
    let mut a = speech(Span::new(open, close));
    a.speaker = Some("Graham Pettifer".into());
    a.speaker_mention = excerpt(t, "capacity”.", "He");
    a.cue = excerpt(t, "capacity”. He", "said");
    a.confidence = 0.85;
    a.rule = "preposed";
    let mut b = speech(after(t, "described", "“a box-ticking\nexercise”"));
    b.speaker = Some("Daniel Okafor".into());
    b.speaker_mention = excerpt(t, "Pettifer. ", "He");
    b.cue = excerpt(t, "He later ", "described");
    b.confidence = 0.8;
    b.rule = "preposed";
    let mut c = speech(after(
        t,
        "challenge. ",
        "“We have taken advice and\nwe believe the consultation was flawed from the start,”",
    ));
    c.speaker = Some("Peter Lamb".into());
    c.speaker_mention = excerpt(t, "start,” ", "he");
    c.cue = excerpt(t, "start,” he ", "said");
    c.candidates = vec!["Peter Lamb".into(), "Simon Archer".into()];
    c.flags = vec![Flag::Ambiguous];
    c.confidence = 0.45;
    c.rule = "postposed";
    let mut d = speech(after(
        t,
        "document, ",
        "“Planning for Sustainable Schools 2025–2030”",
    ));
    d.kind = QuoteKind::Title;
    d.rule = "kind";
    vec![a, b, c, d]
}

fn chains() -> Vec<Chain> {
    let chain = |name: &str, forms: &[&str]| Chain {
        name: name.into(),
        forms: forms.iter().map(|f| f.to_string()).collect(),
    };
    vec![
        chain("Annick Le Goff", &["maire de Kerlevan", "Annick Le Goff"]),
        chain(
            "Graham Pettifer",
            &[
                "leader of Wexcombe County Council",
                "Graham Pettifer",
                "Mr Pettifer",
            ],
        ),
        chain("Daniel Okafor", &["Local MP Daniel Okafor"]),
    ]
}

/// The page for `inputs` (name, text, format, language, quotes), with the default severities
/// except `no_source` at info.
fn page(inputs: &[(&str, &str, Format, Lang, Vec<Quote>)]) -> String {
    let mut severities = Severities::default();
    severities.set(Flag::NoSource, Severity::Info);
    let articles: Vec<Article> = inputs
        .iter()
        .map(|(_, text, format, lang, quotes)| {
            let source = Source::parse(text.as_bytes(), *format).unwrap();
            Article::new(&source.doc, *lang, quotes, chains())
        })
        .collect();
    let files: Vec<FileReport<'_>> = inputs
        .iter()
        .zip(&articles)
        .map(|((name, text, _, _, quotes), article)| {
            FileReport::new(name, text.as_bytes(), quotes, &severities).with_article(Some(article))
        })
        .collect();
    let mut summary = Summary::new(Some(Severity::Error));
    let mut out = Vec::new();
    {
        let mut report = Html::new(&mut out, severities);
        report.begin().unwrap();
        for file in &files {
            summary.add(file);
            report.file(file).unwrap();
        }
        report.finish(&summary).unwrap();
    }
    String::from_utf8(out).unwrap()
}

fn fixtures_page() -> String {
    page(&[
        (MD_NAME, MD, Format::Markdown, Lang::Fr, md_quotes()),
        (HTML_NAME, HTML, Format::Html, Lang::Fr, html_quotes()),
        (EN_NAME, EN, Format::Text, Lang::En, en_quotes()),
    ])
}

#[test]
fn html_snapshot() {
    insta::assert_snapshot!(fixtures_page());
}

/// What a browser would build from the page: every element with its attributes, and the text of
/// every `<script>` and `<style>` element.
#[derive(Debug, Default)]
struct Parsed {
    elements: Vec<(String, Vec<(String, String)>)>,
    scripts: Vec<String>,
    styles: Vec<String>,
}

fn parse(page: &str) -> Parsed {
    let parsed = Rc::new(RefCell::new(Parsed::default()));
    let (p1, p2, p3) = (parsed.clone(), parsed.clone(), parsed.clone());
    let settings = Settings::new()
        .append_element_content_handler(element!("*", move |el| {
            let attrs = el
                .attributes()
                .iter()
                .map(|a| (a.name(), a.value()))
                .collect();
            p1.borrow_mut().elements.push((el.tag_name(), attrs));
            Ok(())
        }))
        .append_element_content_handler(text!("script", move |t| {
            let mut p = p2.borrow_mut();
            if p.scripts.len() < p.elements.iter().filter(|e| e.0 == "script").count() {
                p.scripts.push(String::new());
            }
            p.scripts.last_mut().unwrap().push_str(t.as_str());
            Ok(())
        }))
        .append_element_content_handler(text!("style", move |t| {
            let mut p = p3.borrow_mut();
            if p.styles.len() < p.elements.iter().filter(|e| e.0 == "style").count() {
                p.styles.push(String::new());
            }
            p.styles.last_mut().unwrap().push_str(t.as_str());
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    rewriter.write(page.as_bytes()).unwrap();
    rewriter.end().unwrap();
    Rc::try_unwrap(parsed).unwrap().into_inner()
}

/// The only elements and attributes the report writes.
const TAGS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "h3",
    "p",
    "section",
    "div",
    "b",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
    "form",
    "label",
    "input",
    "select",
    "option",
    "nav",
    "ol",
    "ul",
    "li",
    "a",
    "main",
    "mark",
    "blockquote",
    "dl",
    "dt",
    "dd",
    "q",
    "script",
];
const ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "http-equiv",
    "content",
    "name",
    "id",
    "class",
    "title",
    "href",
    "rel",
    "aria-labelledby",
    "aria-label",
    "aria-hidden",
    "data-speaker",
    "hidden",
    "type",
    "value",
    "scope",
    "colspan",
];

/// The page is what the report means to write, whatever the input: known elements and
/// attributes only, no event handlers, links only to `#ids` and http(s) URLs, one style sheet and
/// one script (ours), covered by the Content-Security-Policy.
#[track_caller]
fn assert_safe(page: &str) -> Parsed {
    let parsed = parse(page);
    for (tag, attrs) in &parsed.elements {
        assert!(TAGS.contains(&tag.as_str()), "unexpected element <{tag}>");
        for (name, value) in attrs {
            assert!(
                ATTRIBUTES.contains(&name.as_str()),
                "unexpected attribute {name}={value:?} on <{tag}>"
            );
            if name == "href" {
                assert!(
                    value.starts_with('#')
                        || value.starts_with("https://")
                        || value.starts_with("http://"),
                    "link to {value:?}"
                );
            }
        }
    }
    assert_eq!(parsed.scripts, [SCRIPT]);
    let style = format!("{STYLE}{}", palette::css());
    assert_eq!(parsed.styles, [style.as_str()]);
    let csp: Vec<&String> = parsed
        .elements
        .iter()
        .filter(|(tag, a)| {
            tag == "meta"
                && a.iter()
                    .any(|(n, v)| n == "http-equiv" && v == "Content-Security-Policy")
        })
        .flat_map(|(_, a)| a.iter().filter(|(n, _)| n == "content").map(|(_, v)| v))
        .collect();
    assert_eq!(csp, [&csp::policy(&style, SCRIPT)]);
    assert!(csp[0].starts_with("default-src 'none';"));
    // Ids are unique, and every `#id` link leads somewhere.
    let ids: Vec<&str> = parsed
        .elements
        .iter()
        .flat_map(|(_, a)| a.iter().filter(|(n, _)| n == "id").map(|(_, v)| v.as_str()))
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "duplicate ids");
    for (_, attrs) in &parsed.elements {
        for (n, v) in attrs {
            if n == "href"
                && let Some(target) = v.strip_prefix('#')
            {
                assert!(ids.contains(&target), "dangling link #{target}");
            }
        }
    }
    parsed
}

#[test]
fn the_fixtures_page_is_well_formed() {
    let page = fixtures_page();
    let parsed = assert_safe(&page);
    let marks: Vec<&Vec<(String, String)>> = parsed
        .elements
        .iter()
        .filter(|(tag, a)| tag == "mark" && a.iter().any(|(n, _)| n == "id"))
        .map(|(_, a)| a)
        .collect();
    // Every quote is highlighted once (the multi-paragraph one in two pieces, one with the id).
    assert_eq!(marks.len(), 3 + 4 + 4);
    let sections: Vec<&str> = parsed
        .elements
        .iter()
        .filter(|(tag, a)| {
            tag == "section" && a.iter().any(|(n, v)| n == "class" && v == "article")
        })
        .map(|(_, a)| a.iter().find(|(n, _)| n == "lang").unwrap().1.as_str())
        .collect();
    assert_eq!(sections, ["fr", "fr", "en"]);
    // The multi-paragraph quote: closed at the end of its first paragraph, reopened in the next.
    assert!(page.contains("and I know what it means to a community.</mark></p>"));
    assert!(
        page.contains(r#"<p class="p"><mark class="q k-speech c0" data-speaker="Graham Pettifer""#)
    );
    // Decoded entities and dropped tags: the analysed text, not the markup.
    assert!(page.contains("Nous avons vendu trente mille billets"));
    assert!(!page.contains("&amp;laquo;"));
    // The legend's chains.
    assert!(
        page.contains("<q>leader of Wexcombe County Council</q>, <q>Mr Pettifer</q>, <q>He</q>")
    );
}

/// A hostile article, in each input format.
const HOSTILE_TEXT: &str = "Le ministre Jean <script>alert(1)</script> Dupont a déclaré : « </style><script>alert(2)</script> \" onmouseover=\"alert(3)\" x=' <img src=x onerror=alert(4)> ».\nIl a ajouté : « ]]><!-- --> &amp; &#x3c;b&#x3e; \u{1b}[31m\u{0} ».\n";
const HOSTILE_HTML: &str = r#"<p>Le ministre Jean Dupont a déclaré : <q cite="javascript:alert(5)">&lt;/style&gt;&lt;script&gt;alert(2)&lt;/script&gt; &quot; onmouseover=&quot;alert(3)&quot;</q>.</p>
<p>Selon <q cite=" JavaScript:alert(6)">un proche</q>, la porte-parole a dit <q cite="https://example.org/a&quot;onmouseover=&quot;alert(7)">« oui »</q> et <q cite="data:text/html,<script>alert(8)</script>">« non »</q>.</p>"#;
const HOSTILE_MD: &str = "# « <script>alert(1)</script> »\n\nLe ministre a déclaré : « [lien](javascript:alert(9)) \" onmouseover=\"alert(3) ».\n";

#[test]
fn hostile_articles_cannot_run_anything_or_break_the_page() {
    let inputs: Vec<(&str, &str, Format)> = vec![
        (
            "\"><script>alert('name')</script>.txt",
            HOSTILE_TEXT,
            Format::Text,
        ),
        ("hostile.html", HOSTILE_HTML, Format::Html),
        ("hostile.md", HOSTILE_MD, Format::Markdown),
    ];
    let mut checked = Vec::new();
    for (name, text, format) in &inputs {
        let (source, analysis) =
            quotecheck::check_source(text.as_bytes(), *format, &Options::default()).unwrap();
        assert!(!analysis.quotes.is_empty(), "{name}");
        let article = Article::of_analysis(&source.doc, &analysis, &Options::default());
        checked.push((name, text, analysis.quotes, article));
    }
    let severities = Severities::default();
    let files: Vec<FileReport<'_>> = checked
        .iter()
        .map(|(name, text, quotes, article)| {
            FileReport::new(name, text.as_bytes(), quotes, &severities).with_article(Some(article))
        })
        .collect();
    let mut summary = Summary::new(Some(Severity::Error));
    let mut out = Vec::new();
    {
        let mut report = Html::new(&mut out, severities.clone());
        for file in &files {
            summary.add(file);
            report.file(file).unwrap();
        }
        report.finish(&summary).unwrap();
    }
    let page = String::from_utf8(out).unwrap();
    assert_safe(&page);
    for needle in [
        "<script>alert",
        "</style><",
        "onmouseover=\"",
        "<img",
        "javascript:alert(5)\"",
        "\u{1b}",
        "\u{0}",
    ] {
        assert!(!page.contains(needle), "{needle:?} in the page");
    }
    assert!(page.contains("&lt;/style&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
    assert!(page.contains("&quot; onmouseover=&quot;alert(3)&quot;"));
    // A `cite` is a link only when it is an http(s) URL; its quotes cannot escape the attribute.
    assert!(page.contains("javascript:alert(5)"));
    assert!(page.contains(r#"href="https://example.org/a&quot;onmouseover=&quot;alert(7)""#));
}

#[test]
fn urls_are_links_only_for_http() {
    assert_eq!(
        link("https://example.org/?a=1&b=\"2\""),
        r#"<a href="https://example.org/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer nofollow">https://example.org/?a=1&amp;b=&quot;2&quot;</a>"#
    );
    assert_eq!(link("javascript:alert(1)"), "javascript:alert(1)");
    assert_eq!(link(" JAVASCRIPT:alert(1)"), "JAVASCRIPT:alert(1)");
    assert_eq!(link("data:text/html,<b>"), "data:text/html,&lt;b&gt;");
    assert_eq!(link("http://a b"), "http://a b");
}

#[test]
fn escape_covers_text_and_attributes() {
    assert_eq!(
        escape("<a href='x'>\"&\"</a>"),
        "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;"
    );
    assert_eq!(
        escape("a\u{0}b\u{1b}c\u{85}d\te\nf"),
        "a\u{fffd}b\u{fffd}c\u{fffd}d\te\nf"
    );
}

#[test]
fn every_flag_reads_as_words() {
    let labels: Vec<String> = Flag::ALL.iter().map(|&f| flag_label(f)).collect();
    assert_eq!(labels[0], "Unattributed");
    assert_eq!(labels[1], "Ambiguous speaker");
    for label in labels {
        assert!(
            !label.contains('_') && label.starts_with(char::is_uppercase),
            "{label}"
        );
    }
}
