//! Word-level alignment of a quote against a window of source words.
//!
//! A semi-global edit distance: every word of the quote is accounted for, the source window may
//! start and end anywhere (a fragment sits inside a longer sentence). A changed, added or dropped
//! word costs 1; an editor's bracketed insertion (`[he]`) costs nothing, whether it stands for
//! source words or adds to them. The result lists every step, so a verdict and a diff can be read
//! off it without comparing again.

/// One token of the quote, as the aligner sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum QTok {
    /// A word, by its id in the source vocabulary ([`UNKNOWN`] when no source has it).
    Word(u32),
    /// A bracketed insertion: free to stand for any number of source words, or for none.
    Gap,
}

/// The id of a word no source contains: it matches nothing.
pub(crate) const UNKNOWN: u32 = u32::MAX;

/// One step of an alignment. `q` indexes the quote tokens given to [`align`] plus the offset
/// given with them; `s` is a source word position (window start added).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    /// The same word on both sides.
    Match { q: usize, s: usize },
    /// The quote has another word than the source here.
    Sub { q: usize, s: usize },
    /// A quote word the source does not have.
    Ins { q: usize },
    /// A source word the quote dropped.
    Del { s: usize },
    /// A bracketed insertion standing for (part of) the source word `s`.
    Absorb { q: usize, s: usize },
    /// A bracketed insertion that stands for no source word.
    Bracket { q: usize },
}

impl Op {
    /// The source word this step consumes, if any.
    pub(crate) fn source(self) -> Option<usize> {
        match self {
            Op::Match { s, .. } | Op::Sub { s, .. } | Op::Del { s } | Op::Absorb { s, .. } => {
                Some(s)
            }
            Op::Ins { .. } | Op::Bracket { .. } => None,
        }
    }

    /// The quote token this step consumes, if any.
    pub(crate) fn quote(self) -> Option<usize> {
        match self {
            Op::Match { q, .. }
            | Op::Sub { q, .. }
            | Op::Ins { q }
            | Op::Absorb { q, .. }
            | Op::Bracket { q } => Some(q),
            Op::Del { .. } => None,
        }
    }

    /// True for the steps that change the text: a substituted, added or dropped word.
    pub(crate) fn is_edit(self) -> bool {
        matches!(self, Op::Sub { .. } | Op::Ins { .. } | Op::Del { .. })
    }
}

/// The best alignment of a quote against a source window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Alignment {
    /// The steps, in order.
    pub ops: Vec<Op>,
    /// Number of edits (substituted, added and dropped words).
    pub cost: u32,
}

impl Alignment {
    /// Quote words found unchanged.
    pub(crate) fn matches(&self) -> usize {
        self.ops
            .iter()
            .filter(|o| matches!(o, Op::Match { .. }))
            .count()
    }

    /// First and one-past-last source word covered, if any.
    pub(crate) fn source_range(&self) -> Option<(usize, usize)> {
        let first = self.ops.iter().find_map(|o| o.source())?;
        let last = self.ops.iter().rev().find_map(|o| o.source())?;
        Some((first, last + 1))
    }
}

/// One edit, in the scores of [`align`]; the units below it count quote words left unmatched,
/// so that among alignments with the fewest edits the one matching most words wins
/// (`nous céderons` against `nous ne céderons pas`: two dropped words, not two replaced ones).
const EDIT: u32 = 1 << 12;

/// Align all of `quote` against some stretch of `source` (whose first word is at position
/// `source_start`); quote token `i` is reported as `q_offset + i`.
///
/// Fewest edits first, then most words matched; remaining ties go to the earliest end in the
/// window and, on the way back, to pairing words.
pub(crate) fn align(
    quote: &[QTok],
    source: &[u32],
    source_start: usize,
    q_offset: usize,
) -> Alignment {
    let m = quote.len();
    let n = source.len();
    let w = n + 1;
    let mut d = vec![0u32; (m + 1) * w];
    // Adding a quote word costs an edit and leaves it unmatched, a little more than replacing a
    // source word (so that a word changed at the end of a passage shows as a replacement);
    // dropping a source word costs an edit. Around a bracketed insertion both are free.
    let ins = |t: QTok| if t == QTok::Gap { 0 } else { EDIT + 2 };
    let del = |t: QTok| if t == QTok::Gap { 0 } else { EDIT };
    for i in 1..=m {
        let t = quote[i - 1];
        let row = i * w;
        let prev = (i - 1) * w;
        d[row] = d[prev] + ins(t);
        for j in 1..=n {
            let diag = d[prev + j - 1] + sub_cost(t, source[j - 1]);
            let up = d[prev + j] + ins(t);
            let left = d[row + j - 1] + del(t);
            d[row + j] = diag.min(up).min(left);
        }
    }
    let last = m * w;
    let (mut j, _) = d[last..]
        .iter()
        .enumerate()
        .min_by_key(|&(j, c)| (*c, j))
        .expect("the window row is never empty");
    let mut ops = Vec::with_capacity(m + 4);
    let mut i = m;
    while i > 0 {
        let t = quote[i - 1];
        let here = d[i * w + j];
        let q = q_offset + i - 1;
        if j > 0 && here == d[(i - 1) * w + j - 1] + sub_cost(t, source[j - 1]) {
            let s = source_start + j - 1;
            ops.push(match t {
                QTok::Gap => Op::Absorb { q, s },
                QTok::Word(id) if id == source[j - 1] && id != UNKNOWN => Op::Match { q, s },
                QTok::Word(_) => Op::Sub { q, s },
            });
            i -= 1;
            j -= 1;
        } else if here == d[(i - 1) * w + j] + ins(t) {
            ops.push(match t {
                QTok::Gap => Op::Bracket { q },
                QTok::Word(_) => Op::Ins { q },
            });
            i -= 1;
        } else {
            let s = source_start + j - 1;
            ops.push(match t {
                QTok::Gap => Op::Absorb { q, s },
                QTok::Word(_) => Op::Del { s },
            });
            j -= 1;
        }
    }
    ops.reverse();
    let cost = ops.iter().filter(|o| o.is_edit()).count() as u32;
    Alignment { ops, cost }
}

fn sub_cost(t: QTok, s: u32) -> u32 {
    match t {
        QTok::Gap => 0,
        QTok::Word(id) if id == s && id != UNKNOWN => 0,
        QTok::Word(_) => EDIT + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(ids: &[u32]) -> Vec<QTok> {
        ids.iter().map(|&i| QTok::Word(i)).collect()
    }

    #[test]
    fn a_fragment_inside_a_longer_sentence_costs_nothing() {
        let a = align(&words(&[3, 4]), &[1, 2, 3, 4, 5], 100, 0);
        assert_eq!(a.cost, 0);
        assert_eq!(
            a.ops,
            vec![Op::Match { q: 0, s: 102 }, Op::Match { q: 1, s: 103 }]
        );
        assert_eq!(a.source_range(), Some((102, 104)));
    }

    #[test]
    fn a_changed_word_is_one_substitution_and_a_dropped_word_one_deletion() {
        let a = align(&words(&[1, 9, 3]), &[1, 2, 3], 0, 0);
        assert_eq!(a.cost, 1);
        assert!(a.ops.contains(&Op::Sub { q: 1, s: 1 }));
        // "nous ne céderons pas" quoted as "nous céderons pas".
        let b = align(&words(&[1, 3, 4]), &[1, 2, 3, 4], 0, 0);
        assert_eq!(b.cost, 1);
        assert!(b.ops.contains(&Op::Del { s: 1 }));
    }

    #[test]
    fn a_bracketed_insertion_stands_for_source_words_or_none() {
        // "[Khan] will go" for "He will go".
        let q = [QTok::Gap, QTok::Word(2), QTok::Word(3)];
        let a = align(&q, &[1, 2, 3], 0, 0);
        assert_eq!(a.cost, 0);
        // "it [the plan] works" for "it works".
        let q = [QTok::Word(1), QTok::Gap, QTok::Word(3)];
        let b = align(&q, &[1, 3], 0, 0);
        assert_eq!(b.cost, 0);
        assert_eq!(b.matches(), 2);
    }

    #[test]
    fn unknown_words_never_match() {
        let a = align(&[QTok::Word(UNKNOWN)], &[UNKNOWN], 0, 0);
        assert_eq!(a.cost, 1);
    }
}
