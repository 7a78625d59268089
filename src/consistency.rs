//! One article, one version of each quote: the same words quoted twice must read the same and be
//! given to the same person.
//!
//! Two speech quotes are "the same quote" when at least 80% of the words of the shorter one (and
//! five words or more) are also in the other, typography aside. They are then flagged
//! [`Flag::Inconsistent`] when their wording differs (the shorter one is not a passage of the
//! longer, marked elisions allowed: a headline that repeats a fragment of the body is fine), or
//! when they are given to two different named speakers.

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

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

/// Quotes a group is compared with, at most: a bound on the work for a document made of
/// thousands of near-repeats of the same few words.
const MAX_CANDIDATES: usize = 256;
/// Above this many cells (quote words × words of the other), two quotes are compared as word
/// sequences (one contained in the other) instead of aligned.
const MAX_ALIGN_CELLS: usize = 1 << 22;
/// Alignment cells a whole document may spend; past them, pairs are compared as sequences
/// too. An article spends a few thousand; a 10 MB file of near-repeats would spend billions.
const DOC_ALIGN_CELLS: usize = 1 << 25;

/// The folded words of a quote, one after the other in `buf`, and its gaps (`None`).
struct QuoteKeys {
    buf: String,
    toks: Vec<Option<std::ops::Range<u32>>>,
}

impl QuoteKeys {
    fn of(q: &Quote) -> QuoteKeys {
        let mut k = QuoteKeys {
            buf: String::new(),
            toks: Vec::new(),
        };
        normalize::for_each_quote_token(&spoken_text(q), |_, kind, key| match kind {
            TokKind::Word => {
                let start = k.buf.len() as u32;
                k.buf.push_str(key);
                k.toks.push(Some(start..k.buf.len() as u32));
            }
            TokKind::Elision | TokKind::Insertion => k.toks.push(None),
        });
        k
    }
}

/// The quotes of a document with the same wording (the same word ids and gaps).
struct Group {
    words: Words,
    /// Indexes of its quotes.
    members: Vec<usize>,
}

/// Flag the speech quotes of one document that repeat another with other words or another
/// speaker. An incise inside a quote (`« …, dit-elle, … »`) is not part of its wording.
///
/// Quotes with the same wording are compared once, as a group. Two groups are compared only when
/// they share one of the rarest words of the shorter (prefix filtering: a quote missing all of
/// those misses more than a fifth of its words), so a long document costs about the number of
/// repeats, not the square of its quotes.
pub fn flag_inconsistent(quotes: &mut [Quote]) {
    // Tokenizing a quote depends on that quote alone: done in parallel for many quotes.
    let speech = |q: &Quote| (q.kind == QuoteKind::Speech).then(|| QuoteKeys::of(q));
    let keys: Vec<Option<QuoteKeys>> = if quotes.len() >= 256 {
        quotes.par_iter().map(speech).collect()
    } else {
        quotes.iter().map(speech).collect()
    };
    let mut vocab: HashMap<&str, u32> = HashMap::default();
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: HashMap<Vec<QTok>, usize> = HashMap::default();
    for (i, k) in keys.iter().enumerate() {
        let Some(k) = k else { continue };
        let mut toks = Vec::with_capacity(k.toks.len());
        for t in &k.toks {
            toks.push(match t {
                Some(r) => {
                    let key = &k.buf[r.start as usize..r.end as usize];
                    let n = vocab.len() as u32;
                    QTok::Word(*vocab.entry(key).or_insert(n))
                }
                None => QTok::Gap,
            });
        }
        let g = *group_of.entry(toks.clone()).or_insert_with(|| {
            groups.push(Group {
                words: Words::new(toks),
                members: Vec::new(),
            });
            groups.len() - 1
        });
        groups[g].members.push(i);
    }

    // How many groups have each word, and which.
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); vocab.len()];
    for (g, group) in groups.iter().enumerate() {
        let mut distinct = group.words.sorted.clone();
        distinct.dedup();
        for w in distinct {
            postings[w as usize].push(g);
        }
    }

    let mut flagged = vec![false; quotes.len()];
    let mut seen = vec![usize::MAX; groups.len()];
    let mut budget = DOC_ALIGN_CELLS;
    for (g, a) in groups.iter().enumerate() {
        let len = a.words.sorted.len();
        if len < MIN_WORDS {
            continue;
        }
        // The same words from two named speakers.
        flag_speakers(quotes, &a.members, &a.members, &mut flagged);
        // Its rarest words, as many as it may miss plus one: a group sharing none of them is
        // not the same quote when this one is the shorter.
        let mut rare = a.words.sorted.clone();
        rare.sort_by_key(|&w| (postings[w as usize].len(), w));
        let prefix = len - (MIN_OVERLAP * len as f32).ceil() as usize + 1;
        let mut candidates = 0;
        'words: for &w in &rare[..prefix.min(len)] {
            for &h in &postings[w as usize] {
                let b = &groups[h];
                // Each pair once, from its shorter side.
                if h == g || seen[h] == g || (b.words.sorted.len(), h) < (len, g) {
                    continue;
                }
                seen[h] = g;
                candidates += 1;
                if candidates > MAX_CANDIDATES {
                    break 'words;
                }
                if !same_quote(&a.words, &b.words) {
                    continue;
                }
                if differs(&a.words, &b.words, &mut budget) {
                    for &i in a.members.iter().chain(&b.members) {
                        flagged[i] = true;
                    }
                } else {
                    flag_speakers(quotes, &a.members, &b.members, &mut flagged);
                }
            }
        }
    }
    for (q, f) in quotes.iter_mut().zip(flagged) {
        if f && !q.has(Flag::Inconsistent) {
            q.flags.push(Flag::Inconsistent);
        }
    }
}

/// Flag the quotes of `a` and of `b` whose named speakers are two different people.
fn flag_speakers(quotes: &[Quote], a: &[usize], b: &[usize], flagged: &mut [bool]) {
    // The distinct speakers on each side, with their quotes.
    let named = |side: &[usize]| {
        let mut by: Vec<(&str, Vec<usize>)> = Vec::new();
        for &i in side {
            let Some(s) = quotes[i].speaker.as_deref() else {
                continue;
            };
            if let Some(k) = by.iter().position(|(n, _)| *n == s) {
                by[k].1.push(i);
            } else if by.len() < MAX_CANDIDATES {
                by.push((s, vec![i]));
            }
        }
        by
    };
    let (a, b) = (named(a), named(b));
    for (x, xs) in &a {
        for (y, ys) in &b {
            if x != y && same_person(x, y) == Some(false) {
                for &i in xs.iter().chain(ys) {
                    flagged[i] = true;
                }
            }
        }
    }
}

impl Words {
    fn new(toks: Vec<QTok>) -> Words {
        let seq: Vec<u32> = toks
            .iter()
            .filter_map(|t| match t {
                QTok::Word(w) => Some(*w),
                QTok::Gap => None,
            })
            .collect();
        let mut sorted = seq.clone();
        sorted.sort_unstable();
        Words { toks, sorted, seq }
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
/// `budget` is what is left of the document's alignment cells.
fn differs(a: &Words, b: &Words, budget: &mut usize) -> bool {
    let cells = a.toks.len() * b.seq.len() + b.toks.len() * a.seq.len();
    if a.toks.len() * b.seq.len() > MAX_ALIGN_CELLS
        || b.toks.len() * a.seq.len() > MAX_ALIGN_CELLS
        || cells > *budget
    {
        // Too long to align: the same words in the same order, one inside the other.
        let (short, long) = if a.seq.len() <= b.seq.len() {
            (&a.seq, &b.seq)
        } else {
            (&b.seq, &a.seq)
        };
        return short.is_empty() || !long.windows(short.len()).any(|w| w == &short[..]);
    }
    *budget -= cells;
    !passage_of(&a.toks, &b.seq) && !passage_of(&b.toks, &a.seq)
}

/// True when [`align::align`] of `quote` against `source` costs nothing: the quote's words,
/// read with each gap standing for any number of words (none included), are a stretch of
/// `source`. Only whether the cost is zero matters here, and that needs no alignment table:
/// the runs of words between gaps are found in turn, each at its first place after the
/// previous one (the first place is never worse for the runs that follow).
fn passage_of(quote: &[QTok], source: &[u32]) -> bool {
    let mut from = 0;
    for run in quote.split(|t| *t == QTok::Gap) {
        if run.is_empty() {
            continue;
        }
        let found = source.get(from..).and_then(|rest| {
            rest.windows(run.len()).position(|w| {
                w.iter()
                    .zip(run)
                    .all(|(&s, t)| *t == QTok::Word(s) && s != align::UNKNOWN)
            })
        });
        match found {
            Some(at) => from += at + run.len(),
            None => return false,
        }
    }
    true
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
        // Not even word for word from two people.
        let mut q = [
            quote("« C'est inacceptable »", Some("Anne Roux")),
            quote("« C'est inacceptable »", Some("Paul Vidal")),
        ];
        assert_eq!(flags(&mut q), vec![false, false]);
    }

    #[test]
    fn a_passage_is_exactly_a_zero_cost_alignment() {
        // Small vocabularies and gaps, so that every case shows up: runs found, missed,
        // overlapping, at the edges, and gaps standing for nothing.
        let mut seed = 0x2545_f491_u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % n
        };
        for _ in 0..20_000 {
            let quote: Vec<QTok> = (0..next(7))
                .map(|_| match next(5) {
                    0 => QTok::Gap,
                    w => QTok::Word(w as u32),
                })
                .collect();
            let source: Vec<u32> = (0..next(9)).map(|_| 1 + next(4) as u32).collect();
            assert_eq!(
                passage_of(&quote, &source),
                align::align(&quote, &source, 0, 0).cost == 0,
                "{quote:?} in {source:?}"
            );
        }
    }

    #[test]
    fn repeats_among_many_quotes_are_found() {
        // Hundreds of quotes sharing common words (more than the candidates a quote is
        // compared with), one repeated with a word changed far apart: the prefix filter pairs
        // the two through their rare words.
        let mut q: Vec<Quote> = (0..400)
            .map(|i| {
                quote(
                    &format!("« Le conseil v{i} a voté w{i} le budget x{i} de y{i} la commune »"),
                    Some("Anne Roux"),
                )
            })
            .collect();
        q.push(quote(
            "« Le conseil v17 a voté w17 le budget x17 de y17 la région »",
            Some("Anne Roux"),
        ));
        let flagged: Vec<usize> = flags(&mut q)
            .iter()
            .enumerate()
            .filter(|(_, f)| **f)
            .map(|(i, _)| i)
            .collect();
        assert_eq!(flagged, vec![17, 400]);
    }
}
