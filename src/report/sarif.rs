//! The SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers.
//!
//! One run; the rules are the flags (`unattributed`, `ambiguous`, `anonymous`, `unbalanced`,
//! `no_source`) with their configured level as default; the results are the flagged quotes, one
//! per flag. Columns count Unicode code points (`columnKind: unicodeCodePoints`), 1-based, the end
//! column exclusive; regions also carry `byteOffset`/`byteLength` into the file. Each result has a
//! `partialFingerprints` entry (`quotecheck/v1`) that does not depend on line numbers, so code
//! scanning keeps an alert's identity when lines move. A suppressed quote is a result with an
//! `inSource` suppression whose justification is the editor's reason.
//!
//! The document is streamed: the part before the results when the run begins, each result as
//! its file is checked, the rest at the end, so memory does not grow with the number of results.
//! The bytes are those `serde_json::to_writer_pretty` gives for the whole document.

use std::io::{self, Write};

use quotecheck::{Flag, Severities, Severity};
use serde_json::{Value, json};

use super::{FileReport, Report, Summary, describe, uri};

/// The JSON schema of SARIF 2.1.0.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Writes the SARIF report to `W`.
pub struct Sarif<W: Write> {
    out: W,
    severities: Severities,
    /// What follows the results array, once the part before it is written.
    tail: Option<String>,
    /// Results written so far.
    results: usize,
}

impl<W: Write> Sarif<W> {
    /// A SARIF reporter; `severities` give each result's level and each rule's default.
    pub fn new(out: W, severities: Severities) -> Sarif<W> {
        Sarif {
            out,
            severities,
            tail: None,
            results: 0,
        }
    }

    /// The document with `results` standing in for the results array.
    fn document(&self, results: Value) -> Value {
        let rules: Vec<Value> = Flag::ALL
            .iter()
            .map(|&f| rule(f, &self.severities))
            .collect();
        json!({
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {
                    "driver": {
                        "name": "quotecheck",
                        "version": env!("CARGO_PKG_VERSION"),
                        "semanticVersion": env!("CARGO_PKG_VERSION"),
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }]
        })
    }
}

/// Where the results array sits in the pretty-printed document: `runs[0].results`, three levels
/// deep, so its items are indented by four levels of two spaces.
const RESULTS_INDENT: &str = "        ";
/// A string that cannot occur in the rest of the document.
const HOLE: &str = "\u{0}results\u{0}";

/// The SARIF level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The rule of a flag, in PascalCase for `name` as SARIF suggests.
fn rule(flag: Flag, severities: &Severities) -> Value {
    let name: String = flag
        .as_str()
        .split('_')
        .map(|w| w[..1].to_uppercase() + &w[1..])
        .collect();
    json!({
        "id": flag.as_str(),
        "name": name,
        "shortDescription": { "text": describe(flag) },
        "fullDescription": { "text": describe(flag) },
        "help": {
            "text": format!("{} See the `{}` flag in the quotecheck README.", describe(flag), flag.as_str())
        },
        "defaultConfiguration": { "level": level(severities.of(flag)) },
        "properties": { "tags": ["quotes", "attribution"] }
    })
}

impl<W: Write> Report for Sarif<W> {
    fn begin(&mut self) -> io::Result<()> {
        let doc = serde_json::to_string_pretty(&self.document(Value::from(HOLE)))?;
        let hole = serde_json::to_string(HOLE)?;
        let at = doc
            .find(&hole)
            .expect("the results placeholder is in the document");
        self.out.write_all(&doc.as_bytes()[..at])?;
        self.tail = Some(doc[at + hole.len()..].to_string());
        Ok(())
    }

    fn file(&mut self, file: &FileReport<'_>) -> io::Result<()> {
        for f in file.findings(&self.severities) {
            let row = f.row;
            let q = row.quote;
            let mut result = json!({
                "ruleId": f.flag.as_str(),
                "ruleIndex": Flag::ALL.iter().position(|&g| g == f.flag),
                "level": level(f.severity),
                "message": { "text": f.message() },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(row.file) },
                        "region": {
                            "startLine": row.start.line,
                            "startColumn": row.start.column,
                            "endLine": row.end.line,
                            "endColumn": row.end.column,
                            "byteOffset": q.span.start,
                            "byteLength": q.span.len(),
                        }
                    }
                }],
                "partialFingerprints": { "quotecheck/v1": f.fingerprint },
                "properties": {
                    "kind": q.kind.as_str(),
                    "speaker": q.speaker,
                    "source": q.source,
                    // Two decimals, as in the other reports (an f32 widened shows noise).
                    "confidence": (f64::from(q.confidence) * 100.0).round() / 100.0,
                    "rule": q.rule,
                }
            });
            if let Some(reason) = &q.suppressed {
                result["suppressions"] = json!([{ "kind": "inSource", "justification": reason }]);
            }
            self.out
                .write_all(if self.results == 0 { b"[\n" } else { b",\n" })?;
            // An item printed alone, every line indented to its depth in the document (JSON
            // strings never hold a raw line break).
            let item = serde_json::to_string_pretty(&result)?;
            for (i, line) in item.split('\n').enumerate() {
                if i > 0 {
                    self.out.write_all(b"\n")?;
                }
                self.out.write_all(RESULTS_INDENT.as_bytes())?;
                self.out.write_all(line.as_bytes())?;
            }
            self.results += 1;
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        if self.tail.is_none() {
            self.begin()?;
        }
        if self.results == 0 {
            self.out.write_all(b"[]")?;
        } else {
            self.out.write_all(b"\n")?;
            self.out.write_all(&RESULTS_INDENT.as_bytes()[2..])?;
            self.out.write_all(b"]")?;
        }
        let tail = self.tail.take().unwrap_or_default();
        self.out.write_all(tail.as_bytes())?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::{attributed, bare};

    /// The streamed bytes are those of the whole document printed at once.
    #[test]
    fn streamed_document_is_the_pretty_printed_document() {
        let (text_a, mut a) = attributed();
        a.suppressed = Some("checked".to_string());
        let (text_b, b) = bare();
        let (qa, qb) = ([a], [b]);
        let sev = Severities::default();
        for files in [0, 1, 2] {
            let mut sarif = Sarif::new(Vec::new(), sev.clone());
            sarif.begin().unwrap();
            let reports = [
                FileReport::new("a.txt", text_a.as_bytes(), &qa, &sev),
                FileReport::new("b.txt", text_b.as_bytes(), &qb, &sev),
            ];
            for file in reports.iter().take(files) {
                sarif.file(file).unwrap();
            }
            sarif.finish(&Summary::new(None)).unwrap();
            let streamed = String::from_utf8(sarif.out).unwrap();
            let value: Value = serde_json::from_str(&streamed).unwrap();
            let mut whole = serde_json::to_string_pretty(&value).unwrap();
            whole.push('\n');
            assert_eq!(streamed, whole, "{files} files");
            let results = value["runs"][0]["results"].as_array().unwrap().len();
            assert_eq!(results, [0, 2, 2][files], "{files} files");
        }
    }
}
