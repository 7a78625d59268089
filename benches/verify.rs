//! `verify` on real sizes: 1,000 quotes against 50 MB of source material.
//!
//! The sources are generated text (made-up words with a Zipf-like frequency, sentences,
//! paragraphs, some transcript turns with speaker labels), never copied articles. The quotes are
//! taken from them and then left as they are, cut with `[…]`, changed by one word, joined across
//! two sentences, or made up, in the proportions below. Two measurements: indexing the sources
//! (bytes per second) and verifying the quotes against the index (quotes per second).
//!
//! `cargo bench --bench verify`; `QUOTECHECK_BENCH_MB=5` for a smaller corpus.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use quotecheck::Document;
use quotecheck::verify::{Sources, Verdict};

/// A small deterministic generator (SplitMix64): the same corpus on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A rank in `0..n` with a Zipf-like law: rank r is about 1/r as likely as the first.
    fn zipf(&mut self, n: usize) -> usize {
        ((n as f64).powf(self.unit()) as usize)
            .saturating_sub(1)
            .min(n - 1)
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "tra", "ver", "sen", "du", "po", "ri", "gna", "che", "lan", "bo", "ti",
    "qua", "ste", "mo", "ré", "fu", "zel", "an", "or", "ix", "né", "pla", "cor", "vi", "sa", "dé",
    "thu",
];

/// `n` distinct made-up words, shortest (most frequent) first.
fn vocabulary(rng: &mut Rng, n: usize) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut words = Vec::with_capacity(n);
    // Words get longer when the short ones run out.
    let (mut len, mut misses) = (1, 0);
    while words.len() < n {
        let w: String = (0..len + rng.below(2))
            .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
            .collect();
        if seen.insert(w.clone()) {
            words.push(w);
        } else {
            misses += 1;
            if misses > 50 {
                len += 1;
                misses = 0;
            }
        }
    }
    words
}

/// One generated source of about `bytes` bytes, and its sentences.
fn source(rng: &mut Rng, vocab: &[String], bytes: usize) -> (String, Vec<String>) {
    let mut text = String::with_capacity(bytes + 1024);
    let mut sentences = Vec::new();
    let speakers = ["MARA VELDT", "M. Orsini", "Mme Kalou", "JONAS REE"];
    while text.len() < bytes {
        if rng.below(4) == 0 {
            text.push_str(speakers[rng.below(speakers.len())]);
            text.push_str(" : ");
        }
        for _ in 0..3 + rng.below(4) {
            let n = 8 + rng.below(18);
            let mut s = String::new();
            for k in 0..n {
                let w = &vocab[rng.zipf(vocab.len())];
                if k == 0 {
                    let mut c = w.chars();
                    let first = c.next().unwrap();
                    s.extend(first.to_uppercase());
                    s.push_str(c.as_str());
                } else {
                    s.push(' ');
                    if rng.below(40) == 0 {
                        s.push_str(&rng.below(10_000).to_string());
                        s.push(' ');
                    }
                    s.push_str(w);
                }
                if k + 1 < n && rng.below(9) == 0 {
                    s.push(',');
                }
            }
            s.push('.');
            text.push_str(&s);
            text.push(' ');
            sentences.push(s);
        }
        text.push('\n');
    }
    (text, sentences)
}

/// Words `from..to` of a sentence, without its final period.
fn slice(sentence: &str, from: usize, to: usize) -> String {
    let words: Vec<&str> = sentence.trim_end_matches('.').split(' ').collect();
    let to = to.min(words.len());
    words[from.min(to)..to].join(" ")
}

/// 1,000 quotes: 40% verbatim fragments, 20% one word changed, 15% elided, 10% two sentences
/// joined by `[…]`, 15% made up.
fn quotes(rng: &mut Rng, vocab: &[String], sentences: &[String]) -> Vec<String> {
    (0..1000)
        .map(|i| {
            let k = rng.below(sentences.len() - 1);
            let s = &sentences[k];
            let n = s.split(' ').count();
            let from = rng.below(n / 3 + 1);
            let to = (from + 6 + rng.below(n)).min(n);
            let body = match i % 20 {
                0..=7 => slice(s, from, to),
                8..=11 => {
                    let mut words: Vec<String> =
                        slice(s, from, to).split(' ').map(String::from).collect();
                    let at = rng.below(words.len());
                    words[at] = vocab[rng.below(vocab.len())].clone();
                    words.join(" ")
                }
                12..=14 => {
                    let mid = (from + to) / 2;
                    format!("{} […] {}", slice(s, from, mid), slice(s, mid + 2, to))
                }
                15..=16 => format!(
                    "{} […] {}",
                    slice(s, from, to),
                    slice(&sentences[k + 1], 0, 8)
                ),
                _ => (0..12)
                    .map(|_| vocab[rng.below(vocab.len())].as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            };
            format!("« {body} »")
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mb: usize = std::env::var("QUOTECHECK_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let mut rng = Rng(0x5EED);
    let vocab = vocabulary(&mut rng, 40_000);
    // 1 MB per source file, like a folder of transcripts and dispatches.
    let mut texts = Vec::new();
    let mut sentences = Vec::new();
    for _ in 0..mb {
        let (t, s) = source(&mut rng, &vocab, 1 << 20);
        texts.push(t);
        sentences.extend(s);
    }
    let total: usize = texts.iter().map(String::len).sum();
    let quotes = quotes(&mut rng, &vocab, &sentences);
    let docs = || texts.iter().map(|t| Document::plain_str(t)).collect();

    let mut g = c.benchmark_group("verify");
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(20));
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function(format!("index {mb} MB of sources"), |b| {
        b.iter(|| black_box(Sources::new(docs())).word_count())
    });

    let sources = Sources::new(docs());
    let mut counts = [0usize; 4];
    for q in &quotes {
        counts[sources.verify_text(q, None).verdict as usize] += 1;
    }
    eprintln!(
        "{} words indexed; verdicts of the 1,000 quotes: {} verbatim, {} elided, {} altered, {} not found",
        sources.word_count(),
        counts[Verdict::Verbatim as usize],
        counts[Verdict::Elided as usize],
        counts[Verdict::Altered as usize],
        counts[Verdict::NotFound as usize],
    );
    g.throughput(Throughput::Elements(quotes.len() as u64));
    g.bench_function(format!("1000 quotes against {mb} MB"), |b| {
        b.iter(|| {
            quotes
                .iter()
                .filter(|q| sources.verify_text(q, None).verdict == Verdict::Verbatim)
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
