//! Throughput of the engine in bytes per second: the whole pipeline on a long French and a long
//! English article, then each stage on its own (quote pairing, prose and mentions, entity
//! chains, attribution) and writing the CSV report.
//!
//! The long articles are the fixture articles of each language, concatenated in rotating order
//! (so no article follows itself), as one plain-text file: about 20 KB, a long feature. `x4` is
//! four times longer, to show how each stage scales with the length of one document.
//!
//! ```sh
//! cargo bench --bench pipeline               # all
//! cargo bench --bench pipeline -- stage/fr   # one group
//! ```

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use quotecheck::{Document, Format, Lang, LangChoice, Options};

const FR: [&str; 6] = [
    include_str!("../fixtures/fr/fr_energie_belgique.txt"),
    include_str!("../fixtures/fr/fr_film_deprogramme.txt"),
    include_str!("../fixtures/fr/fr_greve_port.txt"),
    include_str!("../fixtures/fr/fr_manoeuvres_navales.txt"),
    include_str!("../fixtures/fr/fr_mission_aurora.txt"),
    include_str!("../fixtures/fr/fr_tramway_valbonne.txt"),
];
const EN: [&str; 6] = [
    include_str!("../fixtures/en/en_bank_restructuring.txt"),
    include_str!("../fixtures/en/en_climate_marivala.txt"),
    include_str!("../fixtures/en/en_floods_hunan.txt"),
    include_str!("../fixtures/en/en_pilots_strike.txt"),
    include_str!("../fixtures/en/en_school_closures.txt"),
    include_str!("../fixtures/en/en_wildfire_pinehollow.txt"),
];

/// `rounds` passes over the articles, each pass starting one article later than the previous.
fn long_article(articles: &[&str], rounds: usize) -> String {
    let mut out = String::new();
    for r in 0..rounds {
        for i in 0..articles.len() {
            out.push_str(articles[(i + r) % articles.len()].trim_end());
            out.push_str("\n\n");
        }
    }
    out
}

fn options(lang: Lang) -> Options {
    Options {
        lang: LangChoice::Fixed(lang),
        ..Options::default()
    }
}

fn whole(c: &mut Criterion) {
    let mut g = c.benchmark_group("whole");
    for (name, lang, articles) in [("fr", Lang::Fr, &FR), ("en", Lang::En, &EN)] {
        for rounds in [2, 8] {
            let text = long_article(articles, rounds);
            g.throughput(Throughput::Bytes(text.len() as u64));
            let opts = options(lang);
            let id = BenchmarkId::new(name, format!("x{}", rounds / 2));
            g.bench_with_input(id, &text, |b, text| {
                b.iter(|| quotecheck::check_source(text.as_bytes(), Format::Text, &opts).unwrap())
            });
        }
        // Language detection is part of a default run.
        let text = long_article(articles, 2);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new(name, "detect"), &text, |b, text| {
            b.iter(|| quotecheck::lang::detect(text))
        });
    }
    g.finish();
}

fn stages(c: &mut Criterion) {
    use quotecheck::{attribution, entities, mentions, prose, quotes};

    for (name, lang, articles) in [("fr", Lang::Fr, &FR), ("en", Lang::En, &EN)] {
        let mut g = c.benchmark_group(format!("stage/{name}"));
        let text = long_article(articles, 2);
        g.throughput(Throughput::Bytes(text.len() as u64));
        let doc = Document::plain_str(&text);
        let (text, blocks) = (doc.text(), doc.blocks());
        let pairing = quotes::pair(text, blocks);
        let p = prose::Prose::new(text, lang, blocks, &pairing.quotes);
        let ms = mentions::find(&p);
        let es = entities::Entities::build(&p, &ms);

        g.bench_function("document", |b| {
            b.iter(|| Document::plain_str(black_box(text)))
        });
        g.bench_function("quotes::pair", |b| {
            b.iter(|| quotes::pair(black_box(text), blocks))
        });
        g.bench_function("prose::Prose::new", |b| {
            b.iter(|| prose::Prose::new(black_box(text), lang, blocks, &pairing.quotes))
        });
        g.bench_function("mentions::find", |b| b.iter(|| mentions::find(&p)));
        g.bench_function("entities::Entities::build", |b| {
            b.iter(|| entities::Entities::build(&p, &ms))
        });
        g.bench_function("attribution::attribute", |b| {
            b.iter(|| attribution::attribute(&p, &ms, &es))
        });

        // The CSV report of the article, row by row through the csv crate as the CLI's reporter
        // writes it (line index, every column, CRLF).
        let analysis = quotecheck::check(&doc, &options(lang));
        let bytes = text.as_bytes();
        g.bench_function("csv", |b| {
            b.iter(|| {
                let index = quotecheck::LineIndex::new(bytes);
                let mut w = csv::WriterBuilder::new()
                    .terminator(csv::Terminator::CRLF)
                    .from_writer(Vec::with_capacity(64 * 1024));
                for q in &analysis.quotes {
                    let (s, e) = (
                        index.line_col(bytes, q.span.start),
                        index.line_col(bytes, q.span.end),
                    );
                    let flags: Vec<&str> = q.flags.iter().map(|f| f.as_str()).collect();
                    let at = |x: &Option<quotecheck::Excerpt>| {
                        x.as_ref().map_or(String::new(), |x| x.text.clone())
                    };
                    w.write_record([
                        "article.txt",
                        &s.line.to_string(),
                        &s.column.to_string(),
                        &e.line.to_string(),
                        &e.column.to_string(),
                        &q.span.start.to_string(),
                        &q.span.end.to_string(),
                        q.lang.as_str(),
                        &q.kind.to_string(),
                        &q.text,
                        q.speaker.as_deref().unwrap_or(""),
                        &at(&q.speaker_mention),
                        &at(&q.cue),
                        q.source.as_deref().unwrap_or(""),
                        &at(&q.source_mention),
                        if q.source_inherited { "true" } else { "false" },
                        &format!("{:.2}", q.confidence),
                        &flags.join(";"),
                        &q.candidates.join(" | "),
                        q.rule,
                    ])
                    .unwrap();
                }
                w.into_inner().unwrap()
            })
        });
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20);
    targets = whole, stages
}
criterion_main!(benches);
