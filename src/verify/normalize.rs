//! Typography-blind words: what is left of a quote or a source once quotation marks,
//! apostrophes, dashes, punctuation, whitespace, ligatures, accents and case are set aside.
//!
//! A quote and its source are compared word by word on these folded keys, so `L’État a « tenu »`
//! and `l'Etat a tenu` are the same four words (`l`, `etat`, `a`, `tenu`), while a changed
//! number or a dropped `ne … pas` still shows. Numbers keep their value whatever the grouping:
//! `1 000`, `1,000` and `1000` are one key, `3,5` and `3.5` another.
//!
//! In quotes, the marks an editor uses to shorten or complete a quotation are kept as tokens of
//! their own: elisions (`[…]`, `[...]`, `(...)`, `…`, `...`) and bracketed insertions (`[he]`,
//! `[Khan]`, `[sic]`).

use crate::span::Span;

/// What a token of a quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A word; its folded key is in [`Tok::key`].
    Word,
    /// A marked elision: `[…]`, `[...]`, `(…)`, `(...)`, `…`, `...`.
    Elision,
    /// A bracketed insertion by the editor: `[he]`, `[the minister]`, `[sic]`.
    Insertion,
}

/// A token of a quote, with its span in the quote's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    /// Where it is in the text that was tokenized.
    pub span: Span,
    /// Word, elision or insertion.
    pub kind: TokKind,
    /// The folded key of a word (empty for the other kinds).
    pub key: String,
}

/// Call `f(span, key)` for every word of `text`, in order: runs of letters and digits, split at
/// apostrophes, hyphens and everything else that is not a letter or a digit.
///
/// `key` is the folded word (see [`fold_into`]); a number's key is its digits, with `.` for a
/// decimal separator and without group separators.
pub fn for_each_word(text: &str, mut f: impl FnMut(Span, &str)) {
    let mut key = String::new();
    let mut i = 0;
    while let Some(end) = next_word(text, i, &mut key) {
        let (start, end) = end;
        f(Span::new(start, end), &key);
        i = end;
    }
}

/// The tokens of a quote: its words, its elisions and its bracketed insertions.
pub fn quote_tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    for_each_quote_token(text, |span, kind, key| {
        out.push(Tok {
            span,
            kind,
            key: key.to_string(),
        })
    });
    out
}

/// [`quote_tokens`] one at a time, without a string per token: `f` gets the span, the kind and
/// the key (empty but for words).
pub fn for_each_quote_token(text: &str, mut f: impl FnMut(Span, TokKind, &str)) {
    let bytes = text.as_bytes();
    let mut key = String::new();
    let mut i = 0;
    loop {
        // Look for an editorial mark before the next word.
        let next = next_word(text, i, &mut key);
        let stop = next.map_or(text.len(), |(s, _)| s);
        let mut j = i;
        while j < stop {
            let c = text[j..].chars().next().expect("in bounds");
            match c {
                '[' | '(' => {
                    let close = if c == '[' { ']' } else { ')' };
                    // Brackets never hold a long passage; a stray one is punctuation.
                    let limit = (j + 120).min(text.len());
                    let inner_end = text[j + 1..]
                        .char_indices()
                        .take_while(|(k, _)| j + 1 + k < limit)
                        .find(|&(_, ch)| ch == close || ch == '\n')
                        .filter(|&(_, ch)| ch == close)
                        .map(|(k, _)| j + 1 + k);
                    if let Some(inner_end) = inner_end {
                        let inner = &text[j + 1..inner_end];
                        let dots = inner
                            .chars()
                            .all(|ch| ch == '.' || ch == '…' || ch.is_whitespace());
                        let kind = if dots {
                            Some(TokKind::Elision)
                        } else if c == '[' {
                            Some(TokKind::Insertion)
                        } else {
                            None
                        };
                        if let Some(kind) = kind {
                            let span = Span::new(j, inner_end + 1);
                            f(span, kind, "");
                            i = span.end;
                            break;
                        }
                    }
                }
                '…' => {
                    f(Span::new(j, j + c.len_utf8()), TokKind::Elision, "");
                    i = j + c.len_utf8();
                    break;
                }
                '.' if bytes[j..].starts_with(b"...") => {
                    let mut e = j;
                    while e < text.len() && bytes[e] == b'.' {
                        e += 1;
                    }
                    f(Span::new(j, e), TokKind::Elision, "");
                    i = e;
                    break;
                }
                _ => {}
            }
            j += c.len_utf8();
        }
        if j < stop {
            // A mark was pushed; look again from just after it.
            continue;
        }
        match next {
            Some((s, e)) => {
                f(Span::new(s, e), TokKind::Word, &key);
                i = e;
            }
            None => return,
        }
    }
}

/// The next word at or after byte `from`: its start and end, its folded key in `key`.
fn next_word(text: &str, from: usize, key: &mut String) -> Option<(usize, usize)> {
    let rest = &text[from..];
    let (off, _) = rest.char_indices().find(|&(_, c)| is_word_char(c))?;
    let start = from + off;
    key.clear();
    let mut end = start;
    let mut all_digits = true;
    for (k, c) in text[start..].char_indices() {
        if !is_word_char(c) {
            break;
        }
        all_digits &= c.is_ascii_digit();
        end = start + k + c.len_utf8();
    }
    if all_digits {
        key.push_str(&text[start..end]);
        end = extend_number(text, start, end, key);
    } else {
        fold_into(&text[start..end], key);
    }
    Some((start, end))
}

/// Extend the digits `text[start..end]` (already in `key`) over group and decimal separators:
/// `1 000`, `1 000 000` (with a space, NBSP, NNBSP or thin space), `1,000`, `1.000`, `1'000` are
/// groups when exactly three digits follow; `3,5` and `3.5` are decimals, keyed `3.5`.
fn extend_number(text: &str, start: usize, mut end: usize, key: &mut String) -> usize {
    let bytes = text.as_bytes();
    let mut group_len = end - start;
    let mut decimal = false;
    loop {
        let Some(sep) = text[end..].chars().next() else {
            return end;
        };
        let after = end + sep.len_utf8();
        let digits = bytes[after..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 {
            return end;
        }
        // A letter glued to the digits (`1 000e`) is not a number continuing.
        let glued = text[after + digits..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic());
        let is_space = matches!(sep, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}');
        let is_group = matches!(sep, ',' | '.' | '\'' | '’') || is_space;
        if !decimal && is_group && digits == 3 && !glued && (!is_space || group_len <= 3) {
            key.push_str(&text[after..after + 3]);
            end = after + 3;
            group_len = 3;
            continue;
        }
        if !decimal && matches!(sep, ',' | '.') && !glued {
            key.push('.');
            key.push_str(&text[after..after + digits]);
            end = after + digits;
            decimal = true;
            continue;
        }
        return end;
    }
}

/// Letters, digits and combining marks (a decomposed accent stays inside its word).
fn is_word_char(c: char) -> bool {
    // ASCII and the accented Latin letters (U+00C0–U+017F but × and ÷) without the Unicode
    // tables: spaces and punctuation were looked up as combining marks one by one.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if matches!(c, '\u{c0}'..='\u{17f}') {
        return c != '×' && c != '÷';
    }
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Append the folded form of `word` to `out`: lowercase, accents removed, ligatures and
/// compatibility forms expanded (`Œuvre` → `oeuvre`, `ﬁn` → `fin`, `ÉTAT` → `etat`).
pub fn fold_into(word: &str, out: &mut String) {
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            _ => unicode_normalization::char::decompose_compatible(c, |d| {
                if !unicode_normalization::char::is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }),
        }
    }
}

/// The folded words of `text`, in order.
pub fn folded_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |_, k| out.push(k.to_string()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        folded_words(text)
    }

    #[test]
    fn typography_does_not_matter() {
        assert_eq!(
            keys("« L’État a tenu », a-t-il dit"),
            keys("\"l'Etat a tenu\" a t il dit")
        );
        assert_eq!(
            keys("Œuvre ﬁnale — cœur"),
            vec!["oeuvre", "finale", "coeur"]
        );
        assert_eq!(keys("ÉTAT"), vec!["etat"]);
        // A decomposed accent (e + U+0301) is the same word as the composed one.
        assert_eq!(keys("e\u{301}te\u{301}"), keys("été"));
    }

    #[test]
    fn numbers_keep_their_value_whatever_the_grouping() {
        assert_eq!(keys("1 000 morts"), vec!["1000", "morts"]);
        assert_eq!(keys("1\u{202f}000"), vec!["1000"]);
        assert_eq!(keys("1,000 dead"), vec!["1000", "dead"]);
        assert_eq!(keys("3,5 %"), vec!["3.5"]);
        assert_eq!(keys("3.5%"), vec!["3.5"]);
        assert_eq!(keys("12 et 15"), vec!["12", "et", "15"]);
        // A year followed by a count is two numbers.
        assert_eq!(
            keys("en 2024 300 personnes"),
            vec!["en", "2024", "300", "personnes"]
        );
        assert_eq!(keys("1, 2, 3"), vec!["1", "2", "3"]);
    }

    #[test]
    fn quote_tokens_keep_editorial_marks() {
        let text = "« Nous [le gouvernement] tiendrons […] nos promesses (...) et… fin... »";
        let toks = quote_tokens(text);
        let shown: Vec<String> = toks
            .iter()
            .map(|t| match t.kind {
                TokKind::Word => t.key.clone(),
                TokKind::Elision => format!("E:{}", t.span.get(text)),
                TokKind::Insertion => format!("I:{}", t.span.get(text)),
            })
            .collect();
        assert_eq!(
            shown,
            vec![
                "nous",
                "I:[le gouvernement]",
                "tiendrons",
                "E:[…]",
                "nos",
                "promesses",
                "E:(...)",
                "et",
                "E:…",
                "fin",
                "E:...",
            ]
        );
    }

    #[test]
    fn parentheses_with_words_and_stray_brackets_are_punctuation() {
        let toks = quote_tokens("Il (le maire) a dit [oui");
        assert!(toks.iter().all(|t| t.kind == TokKind::Word));
        assert_eq!(toks.len(), 6);
    }
}
