//! Words and punctuation of the prose, with byte spans, and the normalised form used to look
//! them up in the lexicons.
//!
//! The tokenizer is deliberately simple and language-aware in two places only: French elision
//! (`l'agence` → `l'` `agence`) and the English possessive (`Biden's` → `Biden` `'s`). Hyphenated
//! words stay whole (`a-t-il`, `nord-coréen`, `Jean-Marie`) so that inversions can be read off one
//! token. Quotation marks are decided by the quote layer and arrive here as positions.

use crate::lang::Lang;
use crate::span::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (possibly with digits, inner hyphens and apostrophes).
    Word,
    /// Digits, with inner `.` `,` separators.
    Number,
    /// One punctuation character (`,` `.` `:` `—` `(` …); `...` is one token.
    Punct,
    /// A quotation mark the quote layer paired (or left unbalanced).
    Mark,
}

/// A token of the analysed text.
///
/// Its offsets are kept as `u32` (12 bytes a token instead of 24: a 10 MB article has about two
/// million tokens, and [`crate::prose::Prose`] already keeps `u32` offsets into its text);
/// [`Token::span`] gives them as the crate's [`Span`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    /// What it is.
    pub kind: TokKind,
}

impl Token {
    /// A token of `kind` at `span` (a text is at most 4 GiB).
    pub fn new(span: Span, kind: TokKind) -> Token {
        debug_assert!(u32::try_from(span.end).is_ok(), "text longer than 4 GiB");
        Token {
            start: span.start as u32,
            end: span.end as u32,
            kind,
        }
    }

    /// Where it is in the analysed text.
    #[inline]
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    // The accented Latin letters (U+00C0–U+017F but × and ÷) are alphabetic: answered here
    // without the Unicode tables, they are most of the non-ASCII letters of French copy.
    if matches!(c, '\u{c0}'..='\u{17f}') {
        return c != '×' && c != '÷';
    }
    c.is_alphanumeric() || c == '_' || is_combining(c)
}

/// UTF-8 read as Latin-1 and written back (`FranÃ§ois` for `François`, common in CMS exports):
/// the second byte of a letter, read as a symbol or a C1 control, stays inside its word; so
/// does it after `Ã`, `Â` decomposed (`A` and a combining mark). `c` comes after `prev`.
fn mojibake(prev: Option<char>, c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}')
        || matches!(
            prev,
            Some('Ã' | 'Â' | '\u{302}' | '\u{303}' | '\u{80}'..='\u{9f}')
        ) && matches!(c, '\u{a1}'..='\u{bf}')
            && !matches!(c, '«' | '»')
}

/// Combining marks (decomposed accents) stay inside the word they modify.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Split `text[range]` into tokens. `marks` are the byte offsets (sorted) of quotation marks,
/// which become [`TokKind::Mark`] tokens whatever the character.
pub fn tokenize(text: &str, range: Span, lang: Lang, marks: &[usize], out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut mark_i = marks.partition_point(|&m| m < range.start);
    let mut i = range.start;
    let end = range.end;
    while i < end {
        let c = text[i..].chars().next().expect("in bounds");
        let clen = c.len_utf8();
        if mark_i < marks.len() && marks[mark_i] == i {
            out.push(Token::new(Span::new(i, i + clen), TokKind::Mark));
            mark_i += 1;
            i += clen;
            continue;
        }
        if c.is_whitespace() || c == '\u{feff}' {
            i += clen;
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = i + 1;
            while j < end {
                let b = bytes[j];
                if b.is_ascii_digit() {
                    j += 1;
                } else if (b == b'.' || b == b',') && j + 1 < end && bytes[j + 1].is_ascii_digit() {
                    j += 2;
                } else {
                    break;
                }
            }
            // A number glued to letters (`3G`, `1er`, `2020s`) is one word.
            if j < end && text[j..].chars().next().is_some_and(char::is_alphabetic) {
                let j2 = scan_word(text, j, end, lang, marks, mark_i);
                out.push(Token::new(Span::new(i, j2), TokKind::Word));
                i = j2;
            } else {
                out.push(Token::new(Span::new(i, j), TokKind::Number));
                i = j;
            }
            continue;
        }
        if is_word_char(c) {
            let j = scan_word(text, i, end, lang, marks, mark_i);
            // English possessive: `Biden's` → `Biden` `'s`.
            let word = &text[i..j];
            if lang == Lang::En && j - i > 2 {
                let tail = word.char_indices().rev().nth(1);
                if let Some((k, a)) = tail {
                    if is_apostrophe(a) && word[k + a.len_utf8()..].eq_ignore_ascii_case("s") {
                        out.push(Token::new(Span::new(i, i + k), TokKind::Word));
                        out.push(Token::new(Span::new(i + k, j), TokKind::Word));
                        i = j;
                        continue;
                    }
                }
            }
            out.push(Token::new(Span::new(i, j), TokKind::Word));
            i = j;
            continue;
        }
        // Punctuation: `...` is one token, everything else one character.
        let mut j = i + clen;
        if c == '.' {
            while j < end && bytes[j] == b'.' {
                j += 1;
            }
        }
        out.push(Token::new(Span::new(i, j), TokKind::Punct));
        i = j;
    }
}

/// End of the word starting at `i`: letters and digits, with inner hyphens and apostrophes, and
/// the dotted acronyms `U.S.`, `U.N.`. French elision ends a word after its apostrophe.
fn scan_word(
    text: &str,
    i: usize,
    end: usize,
    lang: Lang,
    marks: &[usize],
    mark_i: usize,
) -> usize {
    let is_mark = |pos: usize| marks[mark_i.min(marks.len())..].binary_search(&pos).is_ok();
    // The ASCII letters and digits the word starts with, a byte at a time: they only move
    // its end, as the loop below would one character at a time.
    let bytes = text.as_bytes();
    let mut j = i;
    while j < end && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
        j += 1;
    }
    // Most words end there, at a space or a punctuation mark that cannot continue them.
    if j > i && (j == end || (bytes[j].is_ascii() && !matches!(bytes[j], b'-' | b'\'' | b'.'))) {
        return j;
    }
    let from = j;
    let mut chars = text[from..end].char_indices().peekable();
    let mut prev = None;
    while let Some((k, c)) = chars.next() {
        let pos = from + k;
        let joins = is_word_char(c) || mojibake(prev, c);
        prev = Some(c);
        if joins {
            j = pos + c.len_utf8();
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        if (is_hyphen(c) || is_apostrophe(c)) && next.is_some_and(is_word_char) && !is_mark(pos) {
            if is_apostrophe(c) && lang == Lang::Fr {
                // The elisions are ASCII, and no other character lowercases to their letters.
                let head = &text[i..pos];
                if head.is_ascii() && ELISIONS.iter().any(|e| head.eq_ignore_ascii_case(e)) {
                    return pos + c.len_utf8();
                }
            }
            j = pos + c.len_utf8();
            continue;
        }
        // Dotted acronym: a single letter followed by `.` and another letter and `.`.
        if c == '.' && j - i <= 4 && next.is_some_and(|n| n.is_uppercase()) {
            let word = &text[i..pos];
            let last_is_single = word
                .rsplit('.')
                .next()
                .is_some_and(|w| w.chars().count() == 1 && w.chars().all(char::is_uppercase));
            let rest = &text[pos + 1..end];
            let mut rc = rest.chars();
            if last_is_single && rc.next().is_some_and(char::is_uppercase) && rc.next() == Some('.')
            {
                j = pos + 1;
                continue;
            }
            if last_is_single && word.contains('.') {
                return pos + 1;
            }
        }
        if c == '.' && j > i {
            // Close a dotted acronym: `U.S.` keeps its final dot.
            let word = &text[i..pos];
            if word.contains('.')
                && word
                    .rsplit('.')
                    .next()
                    .is_some_and(|w| w.chars().count() == 1)
            {
                return pos + 1;
            }
        }
        break;
    }
    j.max(i + text[i..].chars().next().map_or(1, char::len_utf8))
}

/// The key a token is looked up by: lowercase, typographic apostrophes and hyphens made ASCII.
pub fn normalize(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    normalize_into(word, &mut s);
    s
}

/// [`normalize`] into a reused buffer.
pub fn normalize_into(word: &str, out: &mut String) {
    out.clear();
    push_normalized(word, out);
}

/// [`normalize`] appended to `out`.
pub fn push_normalized(word: &str, out: &mut String) {
    if word.is_ascii() {
        // Most words: only the ASCII capitals change.
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            '’' | 'ʼ' | '‘' => out.push('\''),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            '\u{a0}' | '\u{202f}' => out.push(' '),
            c if c.is_uppercase() => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
}

/// Tokenize a lexicon entry into the normalised keys the matcher compares with.
pub fn entry_keys(entry: &str, lang: Lang) -> Vec<String> {
    let mut toks = Vec::new();
    tokenize(entry, Span::new(0, entry.len()), lang, &[], &mut toks);
    toks.iter()
        .map(|t| normalize(t.span().get(entry)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, lang: Lang) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), lang, &[], &mut out);
        out.iter().map(|t| t.span().get(text)).collect()
    }

    #[test]
    fn french_elision_splits_but_inversion_stays_whole() {
        assert_eq!(
            words("« Non », a-t-il dit d’après l’agence.", Lang::Fr),
            vec![
                "«", "Non", "»", ",", "a-t-il", "dit", "d’", "après", "l’", "agence", "."
            ]
        );
        assert_eq!(
            words("Qu'il vienne aujourd'hui", Lang::Fr),
            vec!["Qu'", "il", "vienne", "aujourd'hui"]
        );
    }

    #[test]
    fn mojibake_letters_stay_inside_their_word() {
        // `ç` written as UTF-8, read as Latin-1, and encoded again: `Ã§`, `ÃÂ§`.
        assert_eq!(
            words("FranÃ§ois et FranÃÂ§ois Hollande", Lang::Fr),
            vec!["FranÃ§ois", "et", "FranÃÂ§ois", "Hollande"]
        );
        // Decomposed, with a C1 control: `FranA\u{303}\u{83}A\u{302}§ois`.
        let nfd = "Fran\u{41}\u{303}\u{83}\u{41}\u{302}\u{a7}ois Hollande";
        assert_eq!(words(nfd, Lang::En).len(), 2);
        // Not a quotation mark: `Â«` is a stray `Â` before `«`.
        assert_eq!(words("Â«oui", Lang::Fr), vec!["Â", "«", "oui"]);
    }

    #[test]
    fn english_possessive_and_contractions() {
        assert_eq!(
            words("Biden's aide didn't say.", Lang::En),
            vec!["Biden", "'s", "aide", "didn't", "say", "."]
        );
    }

    #[test]
    fn acronyms_numbers_and_ellipsis() {
        assert_eq!(
            words("The U.S. paid $1,500.50 in 2020... M. Kim", Lang::En),
            vec![
                "The", "U.S.", "paid", "$", "1,500.50", "in", "2020", "...", "M", ".", "Kim"
            ]
        );
    }

    #[test]
    fn marks_given_by_the_quote_layer_are_tokens() {
        let text = "called 'Argo' rescue";
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), Lang::En, &[7, 12], &mut out);
        let kinds: Vec<_> = out.iter().map(|t| (t.span().get(text), t.kind)).collect();
        assert_eq!(
            kinds,
            vec![
                ("called", TokKind::Word),
                ("'", TokKind::Mark),
                ("Argo", TokKind::Word),
                ("'", TokKind::Mark),
                ("rescue", TokKind::Word)
            ]
        );
    }

    #[test]
    fn normalize_folds_case_and_typography() {
        assert_eq!(normalize("L’Agence"), "l'agence");
        assert_eq!(entry_keys("d’après", Lang::Fr), vec!["d'", "après"]);
        assert_eq!(
            entry_keys("according to", Lang::En),
            vec!["according", "to"]
        );
    }
}
