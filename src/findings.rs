//! What the engine reports: one [`Quote`] per quotation, with its speaker, cue and cited source,
//! and the [`Flag`]s an editor must look at, each with a [`Severity`].
//!
//! Findings are plain data. Every span is a byte range of the original file; line and column are
//! computed by the reporters.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::lang::Lang;
use crate::span::Span;

/// What a span in quotation marks is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words said or written by someone: full sentences and fragments alike.
    Speech,
    /// The name of a work, newspaper, programme, operation, event, law or product.
    Title,
    /// Scare quotes, irony, a coined or translated term, a nickname, a word used as a word.
    Term,
    /// Anything else in marks (a grade, a code, a label).
    Other,
}

impl QuoteKind {
    /// The lowercase name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Speech => "speech",
            QuoteKind::Title => "title",
            QuoteKind::Term => "term",
            QuoteKind::Other => "other",
        }
    }
}

impl fmt::Display for QuoteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something about a quote that an editor should look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// A speech quote with no speaker.
    Unattributed,
    /// Two or more candidate speakers that the rules cannot separate (see `candidates`).
    Ambiguous,
    /// The speaker is an unnamed source (`un responsable`, `a senior official`).
    Anonymous,
    /// A quotation mark that never closes.
    Unbalanced,
    /// The speaker is known but no outlet is cited (only with `require_source`).
    NoSource,
    /// The same quote appears elsewhere in the article with other words or another speaker.
    Inconsistent,
    /// `verify`: the passage of the source differs from the quote (see the diff).
    Altered,
    /// `verify`: no passage of the sources is close enough to the quote.
    NotFound,
}

impl Flag {
    /// Every flag, in report order.
    pub const ALL: [Flag; 8] = [
        Flag::Unattributed,
        Flag::Ambiguous,
        Flag::Anonymous,
        Flag::Unbalanced,
        Flag::NoSource,
        Flag::Inconsistent,
        Flag::Altered,
        Flag::NotFound,
    ];

    /// The snake_case name used in reports and configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::Unattributed => "unattributed",
            Flag::Ambiguous => "ambiguous",
            Flag::Anonymous => "anonymous",
            Flag::Unbalanced => "unbalanced",
            Flag::NoSource => "no_source",
            Flag::Inconsistent => "inconsistent",
            Flag::Altered => "altered",
            Flag::NotFound => "not_found",
        }
    }

    /// The severity a flag has unless configured otherwise.
    ///
    /// An altered quote is an error: the article puts words in someone's mouth. A quote not found
    /// is a warning: the sources given may simply not be all the material. An inconsistent quote
    /// is a warning: one of the two versions may be a deliberate shortening.
    pub fn default_severity(self) -> Severity {
        match self {
            Flag::Unattributed | Flag::Unbalanced | Flag::Altered => Severity::Error,
            Flag::Ambiguous
            | Flag::Anonymous
            | Flag::NoSource
            | Flag::Inconsistent
            | Flag::NotFound => Severity::Warning,
        }
    }
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Flag {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Flag::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| format!("unknown flag `{s}`"))
    }
}

/// How much a flag matters. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Reported, never fails a run.
    Info,
    /// Fails the run with `--fail-on warning`.
    Warning,
    /// Fails the run by default.
    Error,
}

impl Severity {
    /// The lowercase name used in reports and configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(format!(
                "unknown severity `{s}` (expected error, warning or info)"
            )),
        }
    }
}

/// The severity of each flag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Severities {
    levels: [Severity; Flag::ALL.len()],
}

impl Default for Severities {
    fn default() -> Self {
        Severities {
            levels: Flag::ALL.map(Flag::default_severity),
        }
    }
}

impl Severities {
    /// The severity of `flag`.
    pub fn of(&self, flag: Flag) -> Severity {
        self.levels[flag as usize]
    }

    /// Change the severity of `flag`.
    pub fn set(&mut self, flag: Flag, severity: Severity) {
        self.levels[flag as usize] = severity;
    }

    /// The highest severity among `flags`, if any.
    pub fn max_of(&self, flags: &[Flag]) -> Option<Severity> {
        flags.iter().map(|&f| self.of(f)).max()
    }
}

/// A piece of the file the engine points at: a speaker mention, a cue, a source mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excerpt {
    /// Where it is in the original file.
    pub span: Span,
    /// Its text as analysed (entities decoded, line breaks kept).
    pub text: String,
}

/// One quotation and everything the engine found out about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The quote in the original file, from the opening mark through the closing mark (to the end
    /// of its paragraph when it never closes).
    pub span: Span,
    /// The quote as analysed, marks included.
    pub text: String,
    /// Speech, title, term or other.
    pub kind: QuoteKind,
    /// Language the document was analysed in.
    pub lang: Lang,
    /// Canonical speaker: the fullest name the article gives for that entity, without titles.
    pub speaker: Option<String>,
    /// The mention the cue ties to this quote (`Il`, `Le numéro un nord-coréen`).
    pub speaker_mention: Option<Excerpt>,
    /// The reporting verb group or cue phrase (`a assuré`, `selon`, `said`, `a-t-il dit`).
    pub cue: Option<Excerpt>,
    /// The cited outlet, by its short canonical name (`KCNA`).
    pub source: Option<String>,
    /// Where the outlet is named for this quote (`l'agence officielle nord-coréenne KCNA`).
    pub source_mention: Option<Excerpt>,
    /// True when the source comes from an earlier quote of the same report.
    pub source_inherited: bool,
    /// How sure the engine is of the attribution, from 0 to 1.
    pub confidence: f32,
    /// What an editor should look at.
    pub flags: Vec<Flag>,
    /// Candidate speakers when the attribution is ambiguous, likeliest first.
    pub candidates: Vec<String>,
    /// The rule that attributed the quote (see the README for the list).
    pub rule: &'static str,
    /// Why an editor suppressed the quote with a `quotecheck-disable…` comment (`no reason given`
    /// when they gave none); `None` when it is not suppressed. A suppressed quote is reported but
    /// never fails a run.
    pub suppressed: Option<String>,
    /// The `cite` URL of the `<q>` or `<blockquote>` the quote is in (HTML).
    pub cite: Option<String>,
}

impl Quote {
    /// True when the quote carries `flag`.
    pub fn has(&self, flag: Flag) -> bool {
        self.flags.contains(&flag)
    }
}
