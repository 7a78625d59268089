//! The source material, indexed once: every folded word of every source as an id in one array,
//! and for each id the positions where it occurs.
//!
//! Candidate passages for a quote come from its rarest words: each occurrence of such a word
//! votes for the place where the quote would start if it were there, and the places with votes
//! from the most different words are aligned. Frequent words (`de`, `the`) never vote, so a
//! lookup costs the same in a 50 MB corpus as in a press release.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::normalize;
use crate::span::Span;

/// A small, fast hash for word keys (the Firefox/rustc "Fx" hash); the keys are our own words,
/// not adversarial input worth a keyed hash.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut v = [0u8; 8];
            v[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(v));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// How many positions of the quote's rarest words are looked at, at most.
const POSTING_BUDGET: usize = 20_000;
/// How many different words of a quote vote for a place, at most.
const MAX_ANCHORS: usize = 8;
/// How many places are aligned per quote part, at most.
const MAX_CANDIDATES: usize = 6;

/// Every word of the sources, with the positions of each.
#[derive(Debug, Default)]
pub(crate) struct Index {
    vocab: FxMap<Box<str>, u32>,
    /// The word ids of all sources, one source after the other.
    pub words: Vec<u32>,
    /// Each word's byte range in the analysed text of its source.
    pub spans: Vec<(u32, u32)>,
    /// Position of the first word of each source.
    doc_starts: Vec<usize>,
    /// `positions[offsets[id]..offsets[id + 1]]` are the positions of word `id`.
    offsets: Vec<u32>,
    positions: Vec<u32>,
}

/// A place where a quote part may come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// The source.
    pub doc: usize,
    /// Where the part would start, as a word position (may fall before the source's start).
    pub at: isize,
    /// How many different words of the part voted for it.
    pub votes: usize,
}

impl Index {
    /// Add the words of `text` as the next source, leaving out those inside `skip` (sorted,
    /// disjoint: speaker labels). Returns, for each span of `skip`, the position of the first word
    /// after it.
    pub(crate) fn add(&mut self, text: &str, skip: &[Span]) -> Vec<usize> {
        assert!(
            text.len() <= u32::MAX as usize,
            "a source of 4 GiB or more is not supported"
        );
        self.doc_starts.push(self.words.len());
        let mut after = Vec::with_capacity(skip.len());
        let mut k = 0;
        normalize::for_each_word(text, |span, key| {
            while k < skip.len() && skip[k].end <= span.start {
                after.push(self.words.len());
                k += 1;
            }
            if k < skip.len() && skip[k].contains(span) {
                return;
            }
            let id = match self.vocab.get(key) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(self.vocab.len()).expect("fewer than 4G words");
                    self.vocab.insert(key.into(), id);
                    id
                }
            };
            self.words.push(id);
            self.spans.push((span.start as u32, span.end as u32));
        });
        while after.len() < skip.len() {
            after.push(self.words.len());
        }
        after
    }

    /// Build the positions of every word; call once, after the last [`Index::add`].
    pub(crate) fn finish(&mut self) {
        let v = self.vocab.len();
        let mut offsets = vec![0u32; v + 1];
        for &w in &self.words {
            offsets[w as usize + 1] += 1;
        }
        for i in 0..v {
            offsets[i + 1] += offsets[i];
        }
        let mut cursor: Vec<u32> = offsets[..v].to_vec();
        let mut positions = vec![0u32; self.words.len()];
        for (p, &w) in self.words.iter().enumerate() {
            let c = &mut cursor[w as usize];
            positions[*c as usize] = p as u32;
            *c += 1;
        }
        self.offsets = offsets;
        self.positions = positions;
    }

    /// The id of a folded word, or [`super::align::UNKNOWN`].
    pub(crate) fn id(&self, key: &str) -> u32 {
        self.vocab
            .get(key)
            .copied()
            .unwrap_or(super::align::UNKNOWN)
    }

    fn postings(&self, id: u32) -> &[u32] {
        let id = id as usize;
        if id + 1 >= self.offsets.len() {
            return &[];
        }
        &self.positions[self.offsets[id] as usize..self.offsets[id + 1] as usize]
    }

    /// The source that word position `pos` belongs to.
    pub(crate) fn doc_of(&self, pos: usize) -> usize {
        self.doc_starts.partition_point(|&s| s <= pos) - 1
    }

    /// The word positions of source `doc`.
    pub(crate) fn doc_range(&self, doc: usize) -> Range<usize> {
        let end = self
            .doc_starts
            .get(doc + 1)
            .copied()
            .unwrap_or(self.words.len());
        self.doc_starts[doc]..end
    }

    /// Places where a quote part of `len` tokens may come from, best first. `words` are the
    /// part's known words as (token index in the part, id).
    pub(crate) fn candidates(&self, words: &[(usize, u32)], len: usize) -> Vec<Candidate> {
        // The rarest words of the part vote, within a budget of positions.
        let mut ids: Vec<u32> = words.iter().map(|&(_, id)| id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.sort_by_key(|&id| self.postings(id).len());
        let mut anchors: Vec<u32> = Vec::new();
        let mut spent = 0;
        for id in ids {
            let n = self.postings(id).len();
            if n == 0 || anchors.len() == MAX_ANCHORS {
                continue;
            }
            if !anchors.is_empty() && spent + n > POSTING_BUDGET {
                break;
            }
            spent += n;
            anchors.push(id);
        }
        // (diagonal, anchor, position): a word at position p voting for token i says "the part
        // starts at p - i".
        let mut votes: Vec<(isize, u8, u32)> = Vec::new();
        for (a, &id) in anchors.iter().enumerate() {
            let posts = self.postings(id);
            let posts = &posts[..posts.len().min(POSTING_BUDGET)];
            for &(i, wid) in words {
                if wid == id {
                    votes.extend(posts.iter().map(|&p| (p as isize - i as isize, a as u8, p)));
                }
            }
        }
        if votes.is_empty() {
            return Vec::new();
        }
        votes.sort_unstable();
        // Slide a window over the diagonals, counting the different anchors inside.
        let width = (len / 4).max(3) as isize;
        let mut counts = [0u32; MAX_ANCHORS];
        let mut distinct = 0;
        let mut r = 0;
        let mut scored: Vec<(usize, usize)> = Vec::with_capacity(votes.len());
        for l in 0..votes.len() {
            while r < votes.len() && votes[r].0 - votes[l].0 <= width {
                let c = &mut counts[votes[r].1 as usize];
                if *c == 0 {
                    distinct += 1;
                }
                *c += 1;
                r += 1;
            }
            scored.push((distinct, l));
            let c = &mut counts[votes[l].1 as usize];
            *c -= 1;
            if *c == 0 {
                distinct -= 1;
            }
        }
        let best = scored.iter().map(|s| s.0).max().unwrap_or(0);
        let floor = best.saturating_sub(1).max(1);
        let mut picked: Vec<Candidate> = Vec::new();
        scored.retain(|s| s.0 >= floor);
        scored.sort_by_key(|&(d, l)| (std::cmp::Reverse(d), l));
        for (d, l) in scored {
            let (diag, _, p) = votes[l];
            let doc = self.doc_of(p as usize);
            let near = picked
                .iter()
                .any(|c| c.doc == doc && (c.at - diag).abs() <= width + len as isize);
            if near {
                continue;
            }
            picked.push(Candidate {
                doc,
                at: diag,
                votes: d,
            });
            if picked.len() == MAX_CANDIDATES {
                break;
            }
        }
        picked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(texts: &[&str]) -> Index {
        let mut ix = Index::default();
        for t in texts {
            ix.add(t, &[]);
        }
        ix.finish();
        ix
    }

    fn part(ix: &Index, text: &str) -> Vec<(usize, u32)> {
        normalize::folded_words(text)
            .iter()
            .enumerate()
            .map(|(i, k)| (i, ix.id(k)))
            .filter(|&(_, id)| id != super::super::align::UNKNOWN)
            .collect()
    }

    #[test]
    fn words_are_indexed_per_source() {
        let ix = index(&["Le chat dort.", "Le chien aboie, le chat dort."]);
        assert_eq!(ix.words.len(), 9);
        assert_eq!(ix.doc_range(1), 3..9);
        assert_eq!(ix.doc_of(4), 1);
        let chat = ix.id("chat");
        assert_eq!(ix.postings(chat), &[1, 7]);
        assert_eq!(ix.spans[1], (3, 7));
    }

    #[test]
    fn the_place_with_most_rare_words_comes_first() {
        let ix = index(&[
            "un deux trois quatre cinq six sept",
            "alpha beta un deux gamma trois quatre cinq delta",
        ]);
        let words = part(&ix, "trois quatre cinq");
        let c = ix.candidates(&words, 3);
        assert_eq!(c[0].doc, 0);
        assert_eq!(c[0].at, 2);
        assert_eq!(c[0].votes, 3);
        // Positions run on across sources: the second starts at word 7.
        assert!(c.iter().any(|c| c.doc == 1 && c.at == 12));
    }

    #[test]
    fn skipped_spans_are_left_out_and_located() {
        let mut ix = Index::default();
        let text = "KIM: Nous avançons.\nLEE: Non.";
        let skip = [Span::new(0, 4), Span::new(20, 24)];
        let after = ix.add(text, &skip);
        ix.finish();
        assert_eq!(ix.words.len(), 3);
        assert_eq!(after, vec![0, 2]);
    }
}
