//! A newsroom's own words, from its configuration: outlets, reporting verbs and speaker aliases
//! that the built-in lexicons do not have.
//!
//! Aliases are applied here, after attribution: a speaker whose name equals an alias (ignoring
//! case and accents) gets the canonical name, so `Choïgou`, `Shoigu` and `Sergueï Choïgou` can be
//! counted as one person. Outlets and verbs are carried for the engine's lexicons.

use crate::entities::fold;
use crate::findings::Quote;
use crate::lang::{Lang, OutletKind};

/// An outlet added by configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomOutlet {
    /// Its name as written in copy (`Le Courrier de Kerlevan`).
    pub name: String,
    /// What it is, when known.
    pub kind: Option<OutletKind>,
}

/// Outlets, reporting verbs and speaker aliases added by configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomLexicon {
    /// Extra outlets.
    pub outlets: Vec<CustomOutlet>,
    /// Extra reporting verbs or verb groups, per language (`(Fr, "a martelé")`).
    pub verbs: Vec<(Lang, String)>,
    /// `(alias, canonical)` pairs: a speaker named `alias` is reported as `canonical`.
    pub aliases: Vec<(String, String)>,
}

impl CustomLexicon {
    /// True when nothing was added.
    pub fn is_empty(&self) -> bool {
        self.outlets.is_empty() && self.verbs.is_empty() && self.aliases.is_empty()
    }

    /// The canonical name for `name` when it is an alias (or a canonical name written with other
    /// case or accents).
    pub fn canonical(&self, name: &str) -> Option<&str> {
        let key = fold(name.trim());
        self.aliases
            .iter()
            .find(|(alias, canonical)| fold(alias) == key || fold(canonical) == key)
            .map(|(_, canonical)| canonical.as_str())
    }

    /// Give every aliased speaker and candidate of `quotes` its canonical name; candidates that
    /// turn out to be the same person are merged.
    pub fn apply_aliases(&self, quotes: &mut [Quote]) {
        if self.aliases.is_empty() {
            return;
        }
        for q in quotes {
            if let Some(canonical) = q.speaker.as_deref().and_then(|s| self.canonical(s)) {
                q.speaker = Some(canonical.to_string());
            }
            let mut seen: Vec<String> = Vec::new();
            for c in std::mem::take(&mut q.candidates) {
                let c = self.canonical(&c).map_or(c, str::to_string);
                if !seen.contains(&c) {
                    seen.push(c);
                }
            }
            q.candidates = seen;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::QuoteKind;
    use crate::span::Span;

    fn quote(speaker: Option<&str>, candidates: &[&str]) -> Quote {
        Quote {
            span: Span::new(0, 1),
            text: String::new(),
            kind: QuoteKind::Speech,
            lang: Lang::Fr,
            speaker: speaker.map(str::to_string),
            speaker_mention: None,
            cue: None,
            source: None,
            source_mention: None,
            source_inherited: false,
            confidence: 1.0,
            flags: Vec::new(),
            candidates: candidates.iter().map(|s| s.to_string()).collect(),
            rule: "none",
            suppressed: None,
            cite: None,
        }
    }

    #[test]
    fn aliases_ignore_case_and_accents_and_merge_candidates() {
        let custom = CustomLexicon {
            aliases: vec![
                ("Shoigu".to_string(), "Sergueï Choïgou".to_string()),
                ("Choïgou".to_string(), "Sergueï Choïgou".to_string()),
            ],
            ..CustomLexicon::default()
        };
        let mut quotes = vec![
            quote(Some("CHOIGOU"), &["Shoigu", "choïgou", "Lavrov"]),
            quote(Some("sergueï choigou"), &[]),
            quote(Some("Lavrov"), &[]),
            quote(None, &[]),
        ];
        custom.apply_aliases(&mut quotes);
        assert_eq!(quotes[0].speaker.as_deref(), Some("Sergueï Choïgou"));
        assert_eq!(quotes[0].candidates, vec!["Sergueï Choïgou", "Lavrov"]);
        assert_eq!(quotes[1].speaker.as_deref(), Some("Sergueï Choïgou"));
        assert_eq!(quotes[2].speaker.as_deref(), Some("Lavrov"));
        assert_eq!(quotes[3].speaker, None);
    }
}
