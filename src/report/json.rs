//! The JSON Lines report: one JSON object per quote, one per line, for programs.
//!
//! Nothing is written for a run without quotes, and there is no summary line: every line is a
//! quote. Keys, in this order; an absent value is `null`:
//!
//! | key | type | content |
//! |---|---|---|
//! | `file` | string | the path as given on the command line, or `<stdin>` |
//! | `line`, `column` | integer | where the quote starts; 1-based, the column in Unicode scalar values |
//! | `end_line`, `end_column` | integer | the position just past the quote (end-exclusive, as in LSP) |
//! | `byte_start`, `byte_end` | integer | the quote as an end-exclusive byte range of the original file |
//! | `lang` | string | `fr` or `en` |
//! | `kind` | string | `speech`, `title`, `term` or `other` |
//! | `quote` | string | the quote, marks included |
//! | `speaker` | string or null | the canonical speaker |
//! | `speaker_mention` | string or null | the words that name the speaker at this quote |
//! | `speaker_mention_start`, `speaker_mention_end` | integer or null | their byte range in the file |
//! | `cue` | string or null | the reporting verb or phrase |
//! | `cue_start`, `cue_end` | integer or null | its byte range |
//! | `source` | string or null | the cited outlet |
//! | `source_mention` | string or null | where the outlet is named |
//! | `source_mention_start`, `source_mention_end` | integer or null | its byte range |
//! | `source_inherited` | boolean | the source comes from an earlier quote |
//! | `confidence` | number | from 0 to 1 |
//! | `flags` | array of strings | `unattributed`, `ambiguous`, `anonymous`, `unbalanced`, `no_source` |
//! | `severity` | string or null | the highest severity among the flags: `error`, `warning`, `info` |
//! | `candidates` | array of strings | candidate speakers of an ambiguous quote, likeliest first |
//! | `rule` | string | the rule that attributed the quote |
//! | `suppressed` | string or null | why an editor suppressed the quote; `null` when not suppressed |
//! | `cite` | string or null | the `cite` URL of the HTML `<q>` or `<blockquote>` around the quote |

use std::io::{self, Write};

use quotecheck::{Excerpt, Flag, Lang, QuoteKind, Severity};
use serde::Serialize;

use super::{FileReport, Report, Row, Summary};

/// Writes the JSON Lines report to `W`.
pub struct Json<W: Write> {
    pub(super) out: W,
}

impl<W: Write> Json<W> {
    /// A JSON Lines reporter.
    pub fn new(out: W) -> Json<W> {
        Json { out }
    }
}

/// One line of the report; the field order is the key order.
#[derive(Serialize)]
pub(super) struct Line<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    lang: Lang,
    kind: QuoteKind,
    quote: &'a str,
    speaker: Option<&'a str>,
    speaker_mention: Option<&'a str>,
    speaker_mention_start: Option<usize>,
    speaker_mention_end: Option<usize>,
    cue: Option<&'a str>,
    cue_start: Option<usize>,
    cue_end: Option<usize>,
    source: Option<&'a str>,
    source_mention: Option<&'a str>,
    source_mention_start: Option<usize>,
    source_mention_end: Option<usize>,
    source_inherited: bool,
    confidence: f32,
    flags: &'a [Flag],
    severity: Option<Severity>,
    candidates: &'a [String],
    rule: &'a str,
    suppressed: Option<&'a str>,
    cite: Option<&'a str>,
}

impl<'a> Line<'a> {
    pub(super) fn new(row: &'a Row<'a>) -> Line<'a> {
        let q = row.quote;
        let text = |e: &'a Option<Excerpt>| e.as_ref().map(|e| e.text.as_str());
        let start = |e: &Option<Excerpt>| e.as_ref().map(|e| e.span.start);
        let end = |e: &Option<Excerpt>| e.as_ref().map(|e| e.span.end);
        Line {
            file: row.file,
            line: row.start.line,
            column: row.start.column,
            end_line: row.end.line,
            end_column: row.end.column,
            byte_start: q.span.start,
            byte_end: q.span.end,
            lang: q.lang,
            kind: q.kind,
            quote: &q.text,
            speaker: q.speaker.as_deref(),
            speaker_mention: text(&q.speaker_mention),
            speaker_mention_start: start(&q.speaker_mention),
            speaker_mention_end: end(&q.speaker_mention),
            cue: text(&q.cue),
            cue_start: start(&q.cue),
            cue_end: end(&q.cue),
            source: q.source.as_deref(),
            source_mention: text(&q.source_mention),
            source_mention_start: start(&q.source_mention),
            source_mention_end: end(&q.source_mention),
            source_inherited: q.source_inherited,
            confidence: q.confidence,
            flags: &q.flags,
            severity: row.severity,
            candidates: &q.candidates,
            rule: q.rule,
            suppressed: q.suppressed.as_deref(),
            cite: q.cite.as_deref(),
        }
    }
}

impl<W: Write> Report for Json<W> {
    fn begin(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn file(&mut self, file: &FileReport<'_>) -> io::Result<()> {
        for row in &file.rows {
            serde_json::to_writer(&mut self.out, &Line::new(row))?;
            self.out.write_all(b"\n")?;
        }
        self.out.flush()
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use quotecheck::Severities;
    use serde_json::{Map, Value};

    use super::*;
    use crate::report::tests::{attributed, bare};

    /// Every key of a line, in order, with the JSON types it may have.
    const KEYS: [(&str, &[&str]); 29] = [
        ("file", &["string"]),
        ("line", &["integer"]),
        ("column", &["integer"]),
        ("end_line", &["integer"]),
        ("end_column", &["integer"]),
        ("byte_start", &["integer"]),
        ("byte_end", &["integer"]),
        ("lang", &["string"]),
        ("kind", &["string"]),
        ("quote", &["string"]),
        ("speaker", &["string", "null"]),
        ("speaker_mention", &["string", "null"]),
        ("speaker_mention_start", &["integer", "null"]),
        ("speaker_mention_end", &["integer", "null"]),
        ("cue", &["string", "null"]),
        ("cue_start", &["integer", "null"]),
        ("cue_end", &["integer", "null"]),
        ("source", &["string", "null"]),
        ("source_mention", &["string", "null"]),
        ("source_mention_start", &["integer", "null"]),
        ("source_mention_end", &["integer", "null"]),
        ("source_inherited", &["boolean"]),
        ("confidence", &["number"]),
        ("flags", &["array"]),
        ("severity", &["string", "null"]),
        ("candidates", &["array"]),
        ("rule", &["string"]),
        ("suppressed", &["string", "null"]),
        ("cite", &["string", "null"]),
    ];

    fn type_of(v: &Value) -> &'static str {
        match v {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_u64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// The report of one input, as parsed JSON objects.
    #[track_caller]
    fn lines_of(text: &str, quotes: &[quotecheck::Quote]) -> (String, Vec<Map<String, Value>>) {
        let mut out = Vec::new();
        let mut report = Json::new(&mut out);
        report.begin().unwrap();
        let file = FileReport::new("dir/a.txt", text.as_bytes(), quotes, &Severities::default());
        report.file(&file).unwrap();
        report.finish(&Summary::new(None)).unwrap();
        let out = String::from_utf8(out).unwrap();
        let objects = out
            .lines()
            .map(|l| match serde_json::from_str(l).unwrap() {
                Value::Object(o) => o,
                other => panic!("not an object: {other}"),
            })
            .collect();
        (out, objects)
    }

    #[test]
    fn each_line_is_an_object_with_the_documented_keys_and_types() {
        let (text, a) = attributed();
        let (_, mut b) = bare();
        b.span = quotecheck::Span::new(0, 1);
        let (out, lines) = lines_of(&text, &[a, b]);
        assert!(out.ends_with('\n'));
        assert_eq!(lines.len(), 2);
        for (raw, obj) in out.lines().zip(&lines) {
            assert_eq!(obj.len(), KEYS.len());
            // serde_json's map sorts keys, so check the written order on the raw line.
            let mut at = 0;
            for (key, _) in KEYS {
                let found = raw[at..].find(&format!("\"{key}\":"));
                at += found.unwrap_or_else(|| panic!("{key} missing or out of order in {raw}"));
            }
            for (key, types) in KEYS {
                let t = type_of(&obj[key]);
                assert!(types.contains(&t), "{key} is {t}, expected {types:?}");
            }
            assert!(
                obj["flags"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(Value::is_string)
            );
            assert!(
                obj["candidates"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(Value::is_string)
            );
        }
    }

    #[test]
    fn values_match_the_quote() {
        let (text, a) = attributed();
        let (_, lines) = lines_of(&text, std::slice::from_ref(&a));
        let obj = &lines[0];
        assert_eq!(obj["file"], "dir/a.txt");
        assert_eq!(
            (obj["line"].as_u64(), obj["column"].as_u64()),
            (Some(1), Some(45))
        );
        assert_eq!(
            (obj["end_line"].as_u64(), obj["end_column"].as_u64()),
            (Some(2), Some(16))
        );
        assert_eq!(obj["byte_start"].as_u64(), Some(a.span.start as u64));
        assert_eq!(obj["byte_end"].as_u64(), Some(a.span.end as u64));
        assert_eq!(obj["lang"], "fr");
        assert_eq!(obj["kind"], "speech");
        assert_eq!(obj["quote"].as_str(), Some(a.text.as_str()));
        assert_eq!(obj["speaker"], "Jean Dupont");
        let mention = a.speaker_mention.as_ref().unwrap();
        assert_eq!(
            obj["speaker_mention_start"].as_u64(),
            Some(mention.span.start as u64)
        );
        let start = obj["speaker_mention_start"].as_u64().unwrap() as usize;
        let end = obj["speaker_mention_end"].as_u64().unwrap() as usize;
        assert_eq!(&text[start..end], "Le ministre Jean Dupont");
        let cue = (obj["cue_start"].as_u64().unwrap() as usize)
            ..(obj["cue_end"].as_u64().unwrap() as usize);
        assert_eq!(&text[cue], "a déclaré");
        assert_eq!(obj["source"], "AFP");
        assert_eq!(obj["source_inherited"], false);
        assert_eq!(obj["confidence"].as_f64(), Some(0.86));
        assert_eq!(obj["flags"], serde_json::json!(["anonymous", "unbalanced"]));
        assert_eq!(obj["severity"], "error");
        assert_eq!(
            obj["candidates"],
            serde_json::json!(["Jean Dupont", "Marie Curie"])
        );
        assert_eq!(obj["rule"], "fr.cue-before");
    }

    #[test]
    fn absent_values_are_null_and_no_quotes_write_nothing() {
        let (text, b) = bare();
        let (_, lines) = lines_of(&text, &[b]);
        for key in [
            "speaker",
            "speaker_mention_start",
            "cue",
            "cue_end",
            "source",
            "severity",
        ] {
            assert!(lines[0][key].is_null(), "{key}");
        }
        assert_eq!(lines[0]["flags"], serde_json::json!([]));
        let (out, lines) = lines_of("Rien.", &[]);
        assert_eq!((out.as_str(), lines.len()), ("", 0));
    }
}
