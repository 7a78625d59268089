//! Who speaks in the source material, and whether it is who the article says.
//!
//! Transcripts name the speaker at the start of a turn: `KIM JONG UN: …`, `M. Choïgou : …`,
//! `Mrs Patel: …`. Such a label applies to everything up to the next label. A line that merely
//! starts with a capitalised word and a colon (`Bilan : trois blessés`) is not taken for one
//! unless the source reads like a transcript: a label in capitals or with a title, or the same
//! plain name labelling two turns or more.

use std::sync::LazyLock;

use regex::Regex;

use super::normalize;
use crate::span::Span;

/// A speaker label at the start of a line of a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    /// The label, colon included.
    pub span: Span,
    /// The speaker as written (`KIM JONG UN`, `M. Choïgou`); `None` for labels that name a role
    /// in the exchange rather than a person (`Question`, `Q`, `Journaliste`).
    pub name: Option<String>,
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let title = r"(?:M\.|MM\.|Mme|Mmes|Mlle|Me|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Pr\.?|Prof\.?)";
    let word = r"\p{Lu}[\p{L}\p{M}'’.\-]*";
    let particle = r"(?:de|du|des|la|le|van|von|der|den|al|bin|ben|el|da|di|dos)";
    let sp = r"[ \t\u{a0}\u{202f}]";
    Regex::new(&format!(
        r"(?m)^{sp}*((?:{title}{sp}+)?{word}(?:{sp}+(?:{particle}{sp}+)?{word}){{0,4}}){sp}*:(?:{sp}|$)"
    ))
    .expect("valid label pattern")
});

/// Labels that name a turn of the exchange, not a person.
const ROLES: &[&str] = &[
    "q",
    "a",
    "r",
    "question",
    "questions",
    "reponse",
    "answer",
    "journaliste",
    "journalist",
    "reporter",
    "interviewer",
    "host",
    "moderator",
    "moderateur",
    "moderatrice",
    "presentateur",
    "presentatrice",
    "animateur",
    "animatrice",
    "note",
    "nb",
];

/// Titles and particles left out when names are compared.
const TITLES: &[&str] = &[
    "m",
    "mm",
    "mme",
    "mmes",
    "mlle",
    "me",
    "mr",
    "mrs",
    "ms",
    "dr",
    "pr",
    "prof",
    "sir",
    "dame",
    "monsieur",
    "madame",
    "president",
    "presidente",
    "de",
    "du",
    "des",
    "d",
    "la",
    "le",
    "van",
    "von",
    "der",
    "den",
    "al",
    "el",
];

/// The speaker labels of a source, if it reads like a transcript; empty otherwise.
pub(crate) fn labels(text: &str) -> Vec<Label> {
    let mut found = Vec::new();
    let mut strong = 0;
    for caps in LABEL.captures_iter(text) {
        let name = caps.get(1).expect("group 1");
        let whole = caps.get(0).expect("match");
        let colon = text[name.end()..whole.end()]
            .find(':')
            .map_or(whole.end(), |k| name.end() + k + 1);
        let raw = name.as_str();
        let letters: Vec<char> = raw.chars().filter(|c| c.is_alphabetic()).collect();
        let caps_only = letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase());
        let titled = raw.split_whitespace().count() > 1
            && TITLES.contains(&normalize::folded_words(raw)[0].as_str());
        if caps_only || titled {
            strong += 1;
        }
        let folded = normalize::folded_words(raw).join(" ");
        let name = (!ROLES.contains(&folded.as_str())).then(|| raw.to_string());
        let start = whole.start() + (whole.as_str().len() - whole.as_str().trim_start().len());
        found.push((
            Label {
                span: Span::new(start, colon),
                name,
            },
            folded,
        ));
    }
    let repeated = found
        .iter()
        .enumerate()
        .any(|(i, (_, a))| found[..i].iter().any(|(_, b)| a == b));
    if strong == 0 && !repeated {
        return Vec::new();
    }
    found.into_iter().map(|(l, _)| l).collect()
}

/// The words of a name that identify a person: folded, without titles and particles.
fn name_words(name: &str) -> Vec<String> {
    normalize::folded_words(name)
        .into_iter()
        .filter(|w| !TITLES.contains(&w.as_str()))
        .collect()
}

/// True when `name` looks like a person's or an organisation's name (a capitalised word that is
/// not a title), not a description (`le porte-parole`).
pub fn is_name(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !TITLES.contains(&normalize::folded_words(w)[0].as_str())
        })
}

/// Two name words are the same when equal after folding, or close for long words
/// (transliterations: `Choïgou` / `Choigu`).
fn same_word(a: &str, b: &str) -> bool {
    a == b
        || (a.chars().count() >= 4
            && b.chars().count() >= 4
            && strsim::normalized_damerau_levenshtein(a, b) >= 0.8)
}

/// Whether two names designate the same person: every word of the shorter name is in the longer
/// one (`Kim` / `KIM JONG UN`, `M. Choïgou` / `Sergueï Choïgou`), allowing small spelling
/// differences. `None` when either is not a name.
pub fn same_person(a: &str, b: &str) -> Option<bool> {
    if !is_name(a) || !is_name(b) {
        return None;
    }
    let (wa, wb) = (name_words(a), name_words(b));
    if wa.is_empty() || wb.is_empty() {
        return None;
    }
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    Some(short.iter().all(|w| long.iter().any(|l| same_word(w, l))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<Option<String>> {
        labels(text).into_iter().map(|l| l.name).collect()
    }

    #[test]
    fn capitals_and_titles_make_a_transcript() {
        let text =
            "KIM JONG UN: Nous avançons.\nM. Choïgou : Oui.\nQ : Et demain ?\nMrs Patel: Fine.\n";
        assert_eq!(
            names(text),
            vec![
                Some("KIM JONG UN".to_string()),
                Some("M. Choïgou".to_string()),
                None,
                Some("Mrs Patel".to_string()),
            ]
        );
        let l = &labels(text)[1];
        assert_eq!(l.span.get(text), "M. Choïgou :");
    }

    #[test]
    fn a_capitalised_word_and_a_colon_is_not_a_transcript_alone() {
        assert!(labels("Bilan : trois blessés.\nContexte : la grève dure.\n").is_empty());
        // The same plain name twice is.
        let text = "Anna Berg: We start.\nTom Hale: Yes.\nAnna Berg: Good.\n";
        assert_eq!(labels(text).len(), 3);
    }

    #[test]
    fn names_match_on_words_with_folding_and_small_spelling_differences() {
        assert_eq!(same_person("Kim Jong Un", "KIM JONG UN"), Some(true));
        assert_eq!(same_person("Kim", "KIM JONG-UN"), Some(true));
        assert_eq!(same_person("Sergueï Choïgou", "M. Choigu"), Some(true));
        assert_eq!(same_person("Jean Dupont", "Marie Dupont"), Some(false));
        assert_eq!(same_person("Ri Jong-ho", "KIM JONG UN"), Some(false));
        assert_eq!(same_person("porte-parole de la police", "KIM"), None);
    }
}
