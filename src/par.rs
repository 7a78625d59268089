//! Data parallelism inside one long document.
//!
//! Stages whose work is local to a paragraph (tokenizing, finding mentions) split a long
//! document into runs of whole blocks and process the runs on rayon's current pool, then join
//! the results in text order. Nothing they decide crosses a block boundary (sentences end at
//! every block, see [`crate::prose`]), so the result is the same for any split and any number of
//! threads; the tests of each stage check that against a one-run pass.

use std::ops::Range;

use rayon::prelude::*;

use crate::document::Block;
use crate::span::Span;

/// Bytes of text per run: long enough that a run costs far more than scheduling it, short
/// enough that a 10 MB document gives both cores plenty of runs.
pub const RUN_BYTES: usize = 128 * 1024;

/// Consecutive runs of `blocks` holding at least `min_bytes` of text each (the last may hold
/// less), each starting at a block for which `may_start` is true. One run for a short document.
pub fn block_runs(
    blocks: &[Block],
    min_bytes: usize,
    may_start: impl Fn(usize) -> bool,
) -> Vec<Range<usize>> {
    runs(blocks.len(), |i| blocks[i].span, min_bytes, may_start)
}

/// [`block_runs`] over any `len` consecutive units of text (blocks, sentences), unit `i`
/// spanning `span(i)`.
pub fn runs(
    len: usize,
    span: impl Fn(usize) -> Span,
    min_bytes: usize,
    may_start: impl Fn(usize) -> bool,
) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    let mut from = if len == 0 { 0 } else { span(0).start };
    for i in 0..len {
        if span(i).end - from >= min_bytes && i + 1 < len && may_start(i + 1) {
            runs.push(start..i + 1);
            start = i + 1;
            from = span(i + 1).start;
        }
    }
    runs.push(start..len);
    runs
}

/// `f` run on every run, in parallel when there are several, each filling a buffer that is then
/// handed to `join` in run order. Runs go by batches of a few per thread, and the batch after
/// next fills the same buffers again (`f` starts by clearing its buffer): the memory of two
/// batches serves the whole document instead of each run taking fresh pages. While one batch is
/// filled, the one before it is joined: `join` copies into the document's tables, whose pages
/// are touched for the first time there, and it would otherwise keep every other thread waiting.
pub fn for_each_run<T: Send + Default>(
    runs: &[Range<usize>],
    f: impl Fn(Range<usize>, &mut T) + Sync,
    mut join: impl FnMut(&mut T) + Send,
) {
    if let [run] = runs {
        let mut buffer = T::default();
        f(run.clone(), &mut buffer);
        join(&mut buffer);
        return;
    }
    let batch = 4 * rayon::current_num_threads();
    let new_buffers = || {
        let mut buffers: Vec<T> = Vec::new();
        buffers.resize_with(batch.min(runs.len()), T::default);
        buffers
    };
    let (mut filling, mut filled) = (new_buffers(), new_buffers());
    // How many of `filled` hold a batch not yet joined.
    let mut ready = 0;
    for runs in runs.chunks(batch) {
        let fill = |buffers: &mut [T]| {
            buffers
                .par_iter_mut()
                .zip(runs)
                .for_each(|(b, r)| f(r.clone(), b))
        };
        let to_join = &mut filled[..ready];
        rayon::join(
            || fill(&mut filling[..runs.len()]),
            || to_join.iter_mut().for_each(&mut join),
        );
        std::mem::swap(&mut filling, &mut filled);
        ready = runs.len();
    }
    filled[..ready].iter_mut().for_each(&mut join);
}

/// Every fixture article of a language directory (`fixtures/fr`, `fixtures/en`), one after the
/// other, as one long document: the tests of the parallel stages compare runs of one block
/// with one run over all of it.
#[cfg(test)]
pub(crate) fn fixture_articles(dir: &str) -> String {
    let dir = format!("{}/fixtures/{dir}", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 6, "fixtures in {dir}");
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("fixture"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// `text` as one line: its paragraphs whose quotation marks balance (an unclosed mark would
/// swallow the rest of a one-line document into one quote), joined by spaces.
#[cfg(test)]
pub(crate) fn one_line(text: &str) -> String {
    let balanced = |l: &&str| {
        l.matches('«').count() == l.matches('»').count()
            && l.matches('“').count() == l.matches('”').count()
            && l.matches('"').count() % 2 == 0
    };
    text.lines().filter(balanced).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::BlockKind;
    use crate::span::Span;

    fn blocks(lens: &[usize]) -> Vec<Block> {
        let mut at = 0;
        lens.iter()
            .map(|&l| {
                let b = Block {
                    span: Span::new(at, at + l),
                    kind: BlockKind::Paragraph,
                };
                at += l + 1;
                b
            })
            .collect()
    }

    #[test]
    fn runs_cover_every_block_once_in_order() {
        let bs = blocks(&[5, 5, 5, 20, 1, 1]);
        let any = |_| true;
        assert_eq!(block_runs(&bs, 10, any), vec![0..2, 2..4, 4..6]);
        assert_eq!(
            block_runs(&bs, 1, any),
            vec![0..1, 1..2, 2..3, 3..4, 4..5, 5..6]
        );
        assert_eq!(block_runs(&bs, usize::MAX, any), vec![0..6]);
        assert_eq!(block_runs(&[], 10, any), vec![0..0]);
        // Only where a run may start: the first run grows to the next allowed block.
        assert_eq!(block_runs(&bs, 1, |b| b >= 3), vec![0..3, 3..4, 4..5, 5..6]);
    }

    #[test]
    fn results_come_back_in_run_order() {
        let runs: Vec<_> = (0..50).map(|i| i..i + 1).collect();
        let mut got = Vec::new();
        for_each_run(
            &runs,
            |r, b: &mut Vec<usize>| {
                b.clear();
                b.push(r.start * 2);
            },
            |b| got.extend_from_slice(b),
        );
        assert_eq!(got, (0..50).map(|i| i * 2).collect::<Vec<_>>());
    }
}
