//! One article, one version of each quote: the same words quoted twice must read the same and be
//! given to the same person.
//!
//! Two speech quotes are "the same quote" when at least 80% of the words of the shorter one (and
//! five words or more) are also in the other, typography aside. They are then flagged
//! [`Flag::Inconsistent`] when their wording differs (the shorter one is not a passage of the
//! longer, marked elisions allowed: a headline that repeats a fragment of the body is fine), or
//! when they are given to two different named speakers.

use std::collections::HashMap;

use crate::findings::{Flag, Quote, QuoteKind};
use crate::verify::align::{self, QTok};
use crate::verify::normalize::{self, TokKind};
use crate::verify::{same_person, spoken_text};

/// The share of the shorter quote's words that the longer must have.
const MIN_OVERLAP: f32 = 0.8;
/// Quotes shorter than this are common phrases, not "the same quote".
const MIN_WORDS: usize = 5;

/// A quote's words as ids, with its elisions and insertions as gaps.
struct Words {
    toks: Vec<QTok>,
    /// The word ids alone, sorted (for the overlap).
    sorted: Vec<u32>,
    /// The word ids alone, in order.
    seq: Vec<u32>,
}

/// Flag the speech quotes of one document that repeat another with other words or another
/// speaker. An incise inside a quote (`« …, dit-elle, … »`) is not part of its wording.
pub fn flag_inconsistent(quotes: &mut [Quote]) {
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let words: Vec<Option<Words>> = quotes
        .iter()
        .map(|q| {
            if q.kind != QuoteKind::Speech {
                return None;
            }
            let mut toks = Vec::new();
            let mut seq = Vec::new();
            for t in normalize::quote_tokens(&spoken_text(q)) {
                match t.kind {
                    TokKind::Word => {
                        let n = vocab.len() as u32;
                        let id = *vocab.entry(t.key).or_insert(n);
                        toks.push(QTok::Word(id));
                        seq.push(id);
                    }
                    TokKind::Elision | TokKind::Insertion => toks.push(QTok::Gap),
                }
            }
            let mut sorted = seq.clone();
            sorted.sort_unstable();
            Some(Words { toks, sorted, seq })
        })
        .collect();
    let mut flagged = vec![false; quotes.len()];
    for i in 0..quotes.len() {
        let Some(a) = &words[i] else { continue };
        for j in i + 1..quotes.len() {
            let Some(b) = &words[j] else { continue };
            if !same_quote(a, b) {
                continue;
            }
            let reworded = differs(a, b);
            let other_speaker = match (&quotes[i].speaker, &quotes[j].speaker) {
                (Some(x), Some(y)) => same_person(x, y) == Some(false),
                _ => false,
            };
            if reworded || other_speaker {
                flagged[i] = true;
                flagged[j] = true;
            }
        }
    }
    for (q, f) in quotes.iter_mut().zip(flagged) {
        if f && !q.has(Flag::Inconsistent) {
            q.flags.push(Flag::Inconsistent);
        }
    }
}

/// At least [`MIN_OVERLAP`] of the shorter quote's words (counted with repeats) are in the other.
fn same_quote(a: &Words, b: &Words) -> bool {
    let shorter = a.sorted.len().min(b.sorted.len());
    if shorter < MIN_WORDS {
        return false;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.sorted.len() && j < b.sorted.len() {
        match a.sorted[i].cmp(&b.sorted[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f32 >= MIN_OVERLAP * shorter as f32
}

/// True unless one quote is a passage of the other (elisions and insertions allowed).
fn differs(a: &Words, b: &Words) -> bool {
    let a_in_b = align::align(&a.toks, &b.seq, 0, 0).cost;
    let b_in_a = align::align(&b.toks, &a.seq, 0, 0).cost;
    a_in_b.min(b_in_a) > 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;
    use crate::span::Span;

    fn quote(text: &str, speaker: Option<&str>) -> Quote {
        Quote {
            span: Span::new(0, text.len()),
            text: text.to_string(),
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
            candidates: Vec::new(),
            rule: "test",
            cite: None,
            suppressed: None,
        }
    }

    fn flags(quotes: &mut [Quote]) -> Vec<bool> {
        flag_inconsistent(quotes);
        quotes.iter().map(|q| q.has(Flag::Inconsistent)).collect()
    }

    #[test]
    fn a_quote_repeated_with_another_number_is_inconsistent() {
        let mut q = [
            quote(
                "« Nous créerons 1 200 emplois à Kerlevan d'ici l'été »",
                Some("Anne Roux"),
            ),
            quote(
                "« Nous créerons 2 100 emplois à Kerlevan d'ici l'été »",
                Some("Anne Roux"),
            ),
            quote("« Le port restera ouvert »", Some("Anne Roux")),
        ];
        assert_eq!(flags(&mut q), vec![true, true, false]);
    }

    #[test]
    fn a_fragment_or_an_elided_repeat_is_consistent() {
        let mut q = [
            quote("« emplois à Kerlevan d’ici l’été »", Some("Roux")),
            quote(
                "« Nous créerons 1 200 emplois à Kerlevan d'ici l'été »",
                Some("Anne Roux"),
            ),
            quote("« Nous créerons […] emplois à Kerlevan d'ici l'été »", None),
        ];
        assert_eq!(flags(&mut q), vec![false, false, false]);
    }

    #[test]
    fn the_same_words_from_two_speakers_are_inconsistent() {
        let mut q = [
            quote(
                "\"We will not close a single school this year\"",
                Some("Ann Lee"),
            ),
            quote(
                "\"We will not close a single school this year\"",
                Some("Tom Hale"),
            ),
        ];
        assert_eq!(flags(&mut q), vec![true, true]);
        // Not when one speaker is unknown or only described.
        let mut q = [
            quote(
                "\"We will not close a single school this year\"",
                Some("Ann Lee"),
            ),
            quote(
                "\"We will not close a single school this year\"",
                Some("the spokesman"),
            ),
        ];
        assert_eq!(flags(&mut q), vec![false, false]);
    }

    #[test]
    fn an_incise_is_not_part_of_the_wording() {
        let mut a = quote("« Nous tiendrons, dit-elle, toutes nos promesses »", None);
        let at = a.text.find("dit-elle").unwrap();
        a.cue = Some(crate::findings::Excerpt {
            span: Span::new(at, at + "dit-elle".len()),
            text: "dit-elle".to_string(),
        });
        let b = quote("« Nous tiendrons toutes nos promesses »", None);
        assert_eq!(flags(&mut [a, b]), vec![false, false]);
    }

    #[test]
    fn short_common_phrases_are_left_alone() {
        let mut q = [
            quote("« C'est inacceptable »", Some("Anne Roux")),
            quote("« C'est inadmissible »", Some("Paul Vidal")),
        ];
        assert_eq!(flags(&mut q), vec![false, false]);
    }
}
