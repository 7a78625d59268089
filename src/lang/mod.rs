//! Languages: detection from the text, and the per-language lexicons (data files under `data/`,
//! compiled into the binary and parsed once).

mod conjugate;
mod lexicon;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

pub use lexicon::{
    CueInfo, CueKind, Gender, KindCue, Lemma, Lexicon, Number, Outlet, OutletAlias, OutletKind,
    OutletNoun, PhraseMap, PronounInfo, RoleInfo, RoleKind, Shared, VerbInfo, VerbTags, shared,
    word,
};

/// A language quotecheck analyses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The lexicon of this language, parsed on first use.
    pub fn lexicon(self) -> &'static Lexicon {
        lexicon::get(self)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "fr" | "french" | "fra" => Ok(Lang::Fr),
            "en" | "english" | "eng" => Ok(Lang::En),
            _ => Err(format!("unknown language `{s}` (expected fr or en)")),
        }
    }
}

/// The language setting of a run: one language, or decide per document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LangChoice {
    /// Decide from the text of each document.
    #[default]
    Auto,
    /// Always this language.
    Fixed(Lang),
}

/// How many bytes of a document language detection looks at.
const DETECT_WINDOW: usize = 64 * 1024;

/// Guess the language of `text` from its most frequent function words.
///
/// French and English share few short function words, so counting a dozen of each over the first
/// 64 KiB separates them reliably on news copy; a tie (no prose at all) gives English.
pub fn detect(text: &str) -> Lang {
    let mut end = text.len().min(DETECT_WINDOW);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (mut fr, mut en) = (0usize, 0usize);
    let mut buf = String::new();
    for word in text[..end].split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() || word.len() > 6 {
            continue;
        }
        let w = if word.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            buf.clear();
            buf.extend(word.chars().flat_map(char::to_lowercase));
            buf.as_str()
        } else {
            word
        };
        match w {
            "le" | "la" | "les" | "des" | "du" | "de" | "et" | "est" | "une" | "que" | "qui"
            | "dans" | "pour" | "pas" | "sur" | "au" | "aux" | "avec" | "il" | "elle" | "été"
            | "ont" | "selon" => fr += 1,
            "the" | "and" | "of" | "to" | "is" | "was" | "that" | "for" | "on" | "with" | "he"
            | "she" | "it" | "as" | "at" | "by" | "from" | "said" | "has" | "have" | "were" => {
                en += 1
            }
            _ => {}
        }
    }
    if fr > en { Lang::Fr } else { Lang::En }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_french_and_english_copy() {
        assert_eq!(
            detect("Le dirigeant nord-coréen a promis un « soutien inconditionnel » à Moscou."),
            Lang::Fr
        );
        assert_eq!(
            detect("The mayor said the city would rebuild the bridge by the end of the year."),
            Lang::En
        );
        assert_eq!(detect(""), Lang::En);
    }

    #[test]
    fn parses_language_names() {
        assert_eq!("FR".parse::<Lang>(), Ok(Lang::Fr));
        assert_eq!("english".parse::<Lang>(), Ok(Lang::En));
        assert!("de".parse::<Lang>().is_err());
    }
}
