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

/// Guess the language of `text` from its function words.
///
/// French and English share few short function words (`detect.txt` of each language), so
/// counting them over the first 64 KiB separates the two on news copy. A one-line text may hold
/// none of them, so French elisions (`c'est`, `qu'il`: `c`, `d`, `j`, `l`, `m`, `n`, `s`, `t` or
/// `qu` right before an apostrophe and a letter) and guillemets count as French too. A tie (no
/// prose at all) gives English.
pub fn detect(text: &str) -> Lang {
    let mut end = text.len().min(DETECT_WINDOW);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let words = &shared().detect_words;
    let (mut fr, mut en) = (0usize, 0usize);
    let mut buf = String::new();
    let mut rest = &text[..end];
    while let Some(start) = rest.find(|c: char| c.is_alphabetic() || c == '«') {
        rest = &rest[start..];
        if let Some(after) = rest.strip_prefix('«') {
            fr += 1;
            rest = after;
            continue;
        }
        let len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let (word, after) = rest.split_at(len);
        rest = after;
        if word.len() > 6 {
            continue;
        }
        let w = if word.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            buf.clear();
            buf.extend(word.chars().flat_map(char::to_lowercase));
            buf.as_str()
        } else {
            word
        };
        let elided = matches!(w, "c" | "d" | "j" | "l" | "m" | "n" | "s" | "t" | "qu")
            && after
                .strip_prefix(['\'', '\u{2019}'])
                .is_some_and(|t| t.starts_with(char::is_alphabetic));
        match words.get(w) {
            _ if elided => fr += 1,
            Some(Lang::Fr) => fr += 1,
            Some(Lang::En) => en += 1,
            None => {}
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
        // One line with none of the function words: the elision and the guillemets decide.
        assert_eq!(detect("« On y va », lance Pierre."), Lang::Fr);
        assert_eq!(detect("« C'est fini », lance Pierre."), Lang::Fr);
        assert_eq!(detect("\"I'm done,\" O'Brien told Reuters."), Lang::En);
        assert_eq!(detect("It's Jean-Luc d'Orsay's day."), Lang::En);
    }

    #[test]
    fn parses_language_names() {
        assert_eq!("FR".parse::<Lang>(), Ok(Lang::Fr));
        assert_eq!("english".parse::<Lang>(), Ok(Lang::En));
        assert!("de".parse::<Lang>().is_err());
    }
}
