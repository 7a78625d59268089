//! What the engine saw, for `--explain`: the quotation marks and their roles, the sentences'
//! cues with their subjects, the mentions and the entity chains, and the rule behind each quote.
//! It saves hours when a speaker is wrong.

use std::fmt;

use crate::cues::{self, CueType};
use crate::entities::Entities;
use crate::mentions::{MentionKind, Mentions};
use crate::prose::Prose;
use crate::quotes::{Mark, MarkRole};
use crate::span::Span;
use crate::{Analysis, Document, Options};

/// One line of the explanation, with the original-file span it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Where in the original file.
    pub span: Span,
    /// What was seen there.
    pub text: String,
}

/// Everything the engine saw in one document.
#[derive(Debug, Clone, Default)]
pub struct Explanation {
    /// Quotation marks and what each did.
    pub marks: Vec<Line>,
    /// Mentions with their kind and entity.
    pub mentions: Vec<Line>,
    /// Entity chains: canonical name ← mentions.
    pub entities: Vec<String>,
    /// Cues of every sentence that has a quote, with their subjects.
    pub cues: Vec<Line>,
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Build the explanation of `doc` (the analysis itself is [`crate::check`]'s, run with the same
/// `opts`, whose outlets and verbs the engine read).
pub fn explain(doc: &Document, analysis: &Analysis, opts: &Options) -> Explanation {
    let text = doc.text();
    let pairing = crate::quotes::pair(text, doc.blocks());
    let lexicons = opts.custom.lexicons(analysis.lang);
    let prose = Prose::with_lexicons(text, lexicons, doc.blocks(), &pairing.quotes);
    let ms = crate::mentions::find(&prose);
    let es = Entities::build(&prose, &ms);
    let mut out = Explanation::default();
    for m in &pairing.marks {
        out.marks.push(mark_line(doc, text, m));
    }
    for (k, m) in ms.list.iter().enumerate() {
        let kind = match m.kind {
            MentionKind::Name(n) => format!("name:{n:?}"),
            MentionKind::Pronoun { .. } => "pronoun".to_string(),
            MentionKind::Description(r) => format!("description:{r:?}"),
            MentionKind::Outlet { named, .. } => {
                if named {
                    "outlet".to_string()
                } else {
                    "outlet-description".to_string()
                }
            }
        };
        let ent = es.of_mention[k]
            .map(|e| format!(" → #{e} {}", es.list[e].name))
            .unwrap_or_default();
        out.mentions.push(Line {
            span: doc.to_original(m.core),
            text: format!(
                "{kind}{}{}{} `{}`{ent}",
                if m.in_pp { " (in PP)" } else { "" },
                if m.indefinite { " (indefinite)" } else { "" },
                // Mentions with the same role class (one line of roles.txt) share the number.
                m.role_class
                    .map(|c| format!(" (role {c})"))
                    .unwrap_or_default(),
                one_line(m.core.get(text))
            ),
        });
    }
    for (id, e) in es.list.iter().enumerate() {
        let forms: Vec<String> = e
            .mentions
            .iter()
            .map(|&k| format!("`{}`", one_line(ms.list[k].core.get(text))))
            .collect();
        out.entities.push(format!(
            "#{id} {:?} {} ({:?}{}) ← {}",
            e.kind,
            e.name,
            e.gender,
            if e.named { "" } else { ", unnamed" },
            forms.join(", ")
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for &qi in &prose.quote_item {
        let s = prose.sentence_index(qi);
        if !seen.insert(s) {
            continue;
        }
        for c in cues::find(&prose, &ms, s) {
            out.cues.push(cue_line(doc, &prose, &ms, &c));
        }
    }
    out
}

fn mark_line(doc: &Document, text: &str, m: &Mark) -> Line {
    let role = match m.role {
        MarkRole::Open => "opens",
        MarkRole::Close => "closes",
        MarkRole::Reopen => "reopens (multi-paragraph)",
        MarkRole::Unclosed => "never closes",
        MarkRole::Stray => "closes nothing (stray)",
    };
    Line {
        span: doc.to_original(m.span),
        text: format!("`{}` {role}, depth {}", m.span.get(text), m.depth),
    }
}

fn cue_line(doc: &Document, p: &Prose, ms: &Mentions, c: &cues::Cue) -> Line {
    let kind = match c.kind {
        CueType::Verb => "verb".to_string(),
        CueType::Impersonal => "impersonal".to_string(),
        CueType::Phrase(k) => format!("{k:?}").to_lowercase(),
    };
    let subject = c
        .subject
        .as_ref()
        .map(|s| {
            let head = s
                .head
                .map(|h| format!(" (head `{}`)", one_line(ms.list[h].core.get(p.text))))
                .unwrap_or_default();
            format!("`{}`{head}", one_line(s.span.get(p.text)))
        })
        .unwrap_or_else(|| "none".to_string());
    Line {
        span: doc.to_original(c.span),
        text: format!(
            "{kind} `{}`{}{} subject {subject}",
            one_line(c.span.get(p.text)),
            if c.inverted { " inverted" } else { "" },
            if c.nonfinite { " nonfinite" } else { "" },
        ),
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "marks:")?;
        for l in &self.marks {
            writeln!(f, "  {}..{} {}", l.span.start, l.span.end, l.text)?;
        }
        writeln!(f, "cues (sentences with quotes):")?;
        for l in &self.cues {
            writeln!(f, "  {}..{} {}", l.span.start, l.span.end, l.text)?;
        }
        writeln!(f, "mentions:")?;
        for l in &self.mentions {
            writeln!(f, "  {}..{} {}", l.span.start, l.span.end, l.text)?;
        }
        writeln!(f, "entities:")?;
        for e in &self.entities {
            writeln!(f, "  {e}")?;
        }
        Ok(())
    }
}
