//! A newsroom's own words, from its configuration: outlets, reporting verbs and speaker aliases
//! that the built-in lexicons do not have.
//!
//! Outlets and verbs extend the engine's lexicons ([`CustomLexicon::lexicons`]), so the rules
//! treat them like listed ones. Aliases are applied here, after attribution: a speaker whose name
//! equals an alias (ignoring case and accents) gets the canonical name, so `Choïgou`, `Shoigu`
//! and `Sergueï Choïgou` can be counted as one person.

use std::sync::{Mutex, PoisonError};

use crate::entities::fold;
use crate::findings::Quote;
use crate::lang::{Lang, Lexicon, OutletKind, Shared, shared};

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
    /// Extra outlets: named outlets in text of either language, matched like the built-in ones
    /// (on the capitals of the name as written; `du`/`au` + a name starting with `Le`), so they
    /// can be cited sources. An outlet with no kind is of kind `any`; a name the built-in list
    /// has keeps its entry.
    pub outlets: Vec<CustomOutlet>,
    /// Extra reporting verb forms, per language (`(Fr, "a vitupéré")`, `(En, "harrumphed")`):
    /// each is matched exactly as written (no conjugation) and is a cue like the built-in verbs,
    /// without their tags. A form the built-in lexicon has (`a martelé`) keeps its entry.
    pub verbs: Vec<(Lang, String)>,
    /// `(alias, canonical)` pairs: a speaker named `alias` is reported as `canonical`.
    pub aliases: Vec<(String, String)>,
}

/// The extended lexicons built so far, keyed by the configuration's verbs (with the language)
/// or outlets. Each is built once and leaked, so the engine keeps reading `&'static` data like
/// the built-in lexicons': a run has one configuration, and a library user leaks one copy per
/// distinct configuration it ever passes, never one per call.
type Built<K, V> = Mutex<Vec<(K, &'static V)>>;
static LEXICONS: Built<(Lang, Vec<(Lang, String)>), Lexicon> = Mutex::new(Vec::new());
static SHARED: Built<Vec<CustomOutlet>, Shared> = Mutex::new(Vec::new());

/// The value whose key `is_key` accepts, or the key and value `build` returns, leaked and kept.
fn built<K, V>(
    cache: &'static Built<K, V>,
    is_key: impl Fn(&K) -> bool,
    build: impl FnOnce() -> (K, V),
) -> &'static V {
    // A panic while building leaves the list as it was: nothing is half inserted.
    let mut list = cache.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, v)) = list.iter().find(|(k, _)| is_key(k)) {
        return v;
    }
    let (k, v) = build();
    let v: &'static V = Box::leak(Box::new(v));
    list.push((k, v));
    v
}

impl CustomLexicon {
    /// True when nothing was added.
    pub fn is_empty(&self) -> bool {
        self.outlets.is_empty() && self.verbs.is_empty() && self.aliases.is_empty()
    }

    /// The lexicon of `lang` and the shared data the engine reads with this configuration: the
    /// built-in ones when it adds no verb for `lang` (or no outlet), otherwise copies extended
    /// with its verbs and outlets, built on first use and kept for the process.
    pub fn lexicons(&self, lang: Lang) -> (&'static Lexicon, &'static Shared) {
        let lex = if self.verbs.iter().all(|(l, _)| *l != lang) {
            lang.lexicon()
        } else {
            built(
                &LEXICONS,
                |(l, verbs)| *l == lang && *verbs == self.verbs,
                || {
                    let forms = self.verbs.iter().filter(|(l, _)| *l == lang);
                    let lex = lang.lexicon().with_verbs(forms.map(|(_, v)| v.as_str()));
                    ((lang, self.verbs.clone()), lex)
                },
            )
        };
        let sh = if self.outlets.is_empty() {
            shared()
        } else {
            built(
                &SHARED,
                |outlets| *outlets == self.outlets,
                || {
                    let outlets = self.outlets.iter().map(|o| {
                        let kind = o.kind.unwrap_or(OutletKind::Any);
                        (o.name.as_str(), kind)
                    });
                    (self.outlets.clone(), shared().with_outlets(outlets))
                },
            )
        };
        (lex, sh)
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

    /// The quotes of `text` checked in `lang` with `custom`.
    #[track_caller]
    fn check(text: &str, lang: Lang, custom: &CustomLexicon) -> Vec<Quote> {
        let doc = crate::Document::plain(text.as_bytes()).unwrap();
        let opts = crate::Options {
            lang: crate::LangChoice::Fixed(lang),
            custom: custom.clone(),
            ..crate::Options::default()
        };
        crate::check(&doc, &opts).quotes
    }

    fn outlets(names: &[&str]) -> CustomLexicon {
        CustomLexicon {
            outlets: names
                .iter()
                .map(|name| CustomOutlet {
                    name: name.to_string(),
                    kind: Some(OutletKind::Newspaper),
                })
                .collect(),
            ..CustomLexicon::default()
        }
    }

    fn verbs(list: &[(Lang, &str)]) -> CustomLexicon {
        CustomLexicon {
            verbs: list.iter().map(|(l, v)| (*l, v.to_string())).collect(),
            ..CustomLexicon::default()
        }
    }

    #[test]
    fn a_configured_outlet_is_the_cited_source() {
        let text = "« Nous rouvrirons l'école en septembre », a déclaré le maire au Courrier de \
                    Kerlevan.\n\n« La route restera fermée tout l'hiver », selon Le Courrier de \
                    Kerlevan.\n";
        let custom = outlets(&["Le Courrier de Kerlevan"]);
        let quotes = check(text, Lang::Fr, &custom);
        assert_eq!(quotes.len(), 2);
        for q in &quotes {
            assert_eq!(
                q.source.as_deref(),
                Some("Le Courrier de Kerlevan"),
                "{}",
                q.text
            );
        }
        assert_eq!(quotes[0].speaker.as_deref(), Some("maire"));
        // Unknown to the built-in list, the name is no outlet: `selon` makes it the speaker.
        for q in check(text, Lang::Fr, &CustomLexicon::default()) {
            assert_eq!(q.source, None, "{}", q.text);
        }
        // `--explain` reads the same lexicons as the check.
        let outlet_lines = |custom: &CustomLexicon| {
            let doc = crate::Document::plain(text.as_bytes()).unwrap();
            let opts = crate::Options {
                custom: custom.clone(),
                ..crate::Options::default()
            };
            let analysis = crate::check(&doc, &opts);
            let ex = crate::explain::explain(&doc, &analysis, &opts);
            ex.mentions
                .iter()
                .filter(|l| l.text.starts_with("outlet ") && l.text.contains("Kerlevan"))
                .count()
        };
        assert_eq!(outlet_lines(&custom), 2);
        assert_eq!(outlet_lines(&CustomLexicon::default()), 0);
    }

    #[test]
    fn configured_verbs_are_cues_in_their_language() {
        let fr = "« Nous ne céderons rien », a vitupéré le maire, Jean Kervella.\n";
        let en = "\"We will rebuild the bridge by spring,\" harrumphed Mayor John Smith.\n\n\
                  \"Nothing to see here,\" groused Mayor John Smith.\n";
        let custom = verbs(&[
            (Lang::Fr, "a vitupéré"),
            (Lang::En, "harrumphed"),
            (Lang::En, "groused"),
        ]);
        let cues = |quotes: &[Quote]| -> Vec<(Option<String>, Option<String>)> {
            quotes
                .iter()
                .map(|q| (q.cue.as_ref().map(|c| c.text.clone()), q.speaker.clone()))
                .collect()
        };
        let said = |cue: &str, who: &str| (Some(cue.to_string()), Some(who.to_string()));
        assert_eq!(
            cues(&check(fr, Lang::Fr, &custom)),
            vec![said("a vitupéré", "Jean Kervella")]
        );
        assert_eq!(
            cues(&check(en, Lang::En, &custom)),
            vec![
                said("harrumphed", "John Smith"),
                said("groused", "John Smith")
            ]
        );
        for (text, lang) in [(fr, Lang::Fr), (en, Lang::En)] {
            for (cue, speaker) in cues(&check(text, lang, &CustomLexicon::default())) {
                assert_eq!((cue, speaker), (None, None), "{text}");
            }
        }
        // A verb of the other language is not one: `harrumphed` is no cue in French copy.
        let mixed = "« Rien à voir », harrumphed le maire.\n";
        assert_eq!(cues(&check(mixed, Lang::Fr, &custom)), vec![(None, None)]);
    }

    #[test]
    fn lexicons_are_built_once_per_configuration_and_only_when_needed() {
        let builtin = (Lang::Fr.lexicon(), shared());
        let same = |a: (&Lexicon, &Shared), b: (&Lexicon, &Shared)| {
            std::ptr::eq(a.0, b.0) && std::ptr::eq(a.1, b.1)
        };
        assert!(same(CustomLexicon::default().lexicons(Lang::Fr), builtin));
        // English verbs and aliases leave the French lexicon as it is.
        let mut custom = verbs(&[(Lang::En, "harrumphed")]);
        custom
            .aliases
            .push(("Shoigu".to_string(), "Sergueï Choïgou".to_string()));
        assert!(same(custom.lexicons(Lang::Fr), builtin));
        assert!(!std::ptr::eq(
            custom.lexicons(Lang::En).0,
            Lang::En.lexicon()
        ));
        let custom = CustomLexicon {
            verbs: vec![(Lang::Fr, "a vitupéré".to_string())],
            ..outlets(&["Radio Kerlevan"])
        };
        let built = custom.lexicons(Lang::Fr);
        assert!(!std::ptr::eq(built.0, builtin.0));
        assert!(!std::ptr::eq(built.1, builtin.1));
        assert!(same(custom.clone().lexicons(Lang::Fr), built));
    }
}
