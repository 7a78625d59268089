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
//! The whole document is written at the end of the run.

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
    results: Vec<Value>,
}

impl<W: Write> Sarif<W> {
    /// A SARIF reporter; `severities` give each result's level and each rule's default.
    pub fn new(out: W, severities: Severities) -> Sarif<W> {
        Sarif {
            out,
            severities,
            results: Vec::new(),
        }
    }
}

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
            self.results.push(result);
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        let rules: Vec<Value> = Flag::ALL
            .iter()
            .map(|&f| rule(f, &self.severities))
            .collect();
        let doc = json!({
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
                "results": std::mem::take(&mut self.results),
            }]
        });
        serde_json::to_writer_pretty(&mut self.out, &doc)?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}
