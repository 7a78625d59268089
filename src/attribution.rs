//! Cue, speaker and cited source of each quote, with a confidence and the rule that decided.
//!
//! The rules, tried in order for each quote (each named in the report's `rule` column):
//!
//! - `incise`: a cue inside the quote (`« Partie 1, dit-elle. Partie 2 »`);
//! - `postposed`: a cue right after the quote (`« … », a déclaré X`, `"…," X said`, `"…" said X`,
//!   `"…," as X put it`);
//! - `preposed`: the nearest cue before the quote in its sentence (`X a déclaré : « … »`,
//!   `X a promis un « … »`, `X said the plan was "…"`);
//! - `according`: `selon X`, `d'après X`, `according to X`, `pour X, …` in the sentence;
//! - `colon`: a sentence ending in a colon before the quote, with a subject (`X, de demander : «`);
//! - `dash`: `"…" – X`;
//! - `coordinated`: a quote joined by a conjunction to the attributed quote before it;
//! - `previous`: the quote stands alone after a sentence that introduces it (`He said:`);
//! - `continuation`: a quote-only sentence or paragraph right after a quote of a known speaker.
//!
//! Sources come from the outlets of the quote's sentence that are not part of the speaker's
//! phrase (`selon KCNA`, `told Reuters`, `a rapporté un média d'Etat`, `on Twitter`), from the
//! verb (`tweeted`), or are inherited from the previous quote of the same report (`est-il
//! ajouté`, `he added`, `selon la même source`, a frame like `dans les colonnes du Times`).

use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use crate::cues::{self, Cue, CueType, Phrase};
use crate::document::BlockKind;
use crate::entities::{Entities, EntityKind, Known, Resolution};
use crate::findings::QuoteKind;
use crate::kinds;
use crate::lang::{CueKind, Lang, RoleKind, VerbTags, shared, word};
use crate::mentions::{MentionKind, Mentions, NameKind};
use crate::prose::Prose;
use crate::span::Span;
use crate::tokens::TokKind;

/// What the engine concluded about one quote (text coordinates).
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// Speech, title, term or other.
    pub kind: QuoteKind,
    /// The speaker entity.
    pub entity: Option<usize>,
    /// Canonical speaker name.
    pub speaker: Option<String>,
    /// The mention tied by the cue.
    pub speaker_mention: Option<Span>,
    /// The cue.
    pub cue: Option<Span>,
    /// The cited outlet's name.
    pub source: Option<String>,
    /// Where the outlet is named for this quote.
    pub source_mention: Option<Span>,
    /// The source comes from an earlier quote of the same report.
    pub source_inherited: bool,
    /// Confidence, 0 to 1.
    pub confidence: f32,
    /// Other candidate speakers (ambiguity).
    pub candidates: Vec<String>,
    /// The speaker is an unnamed source.
    pub anonymous: bool,
    /// The rule that attributed the quote.
    pub rule: &'static str,
}

impl Attribution {
    fn none() -> Self {
        Attribution {
            kind: QuoteKind::Speech,
            entity: None,
            speaker: None,
            speaker_mention: None,
            cue: None,
            source: None,
            source_mention: None,
            source_inherited: false,
            confidence: 0.0,
            candidates: Vec::new(),
            anonymous: false,
            rule: "none",
        }
    }
}

/// A speaker found for a quote, before sources.
#[derive(Debug, Clone)]
struct Found {
    rule: &'static str,
    cue: Option<Cue>,
    phrase: Option<Phrase>,
    /// Speaker from context (no mention of its own).
    context: Option<Context>,
    confidence: f32,
}

impl Found {
    /// Found by cue `c`, whose subject is the speaker's phrase.
    fn of_cue(rule: &'static str, c: &Cue, confidence: f32) -> Found {
        Found {
            rule,
            cue: Some(c.clone()),
            phrase: c.subject.clone(),
            context: None,
            confidence,
        }
    }
}

/// The speaker of an earlier quote, carried to a quote that continues it.
#[derive(Debug, Clone)]
struct Context {
    entity: Option<usize>,
    speaker: Option<String>,
    mention: Option<Span>,
    candidates: Vec<String>,
    anonymous: bool,
}

impl Context {
    /// A speaker no entity stands for, written as the text gives it (`according to agreed
    /// facts heard in court`, `63 percent`), with its mention.
    fn as_written(speaker: String, mention: Span) -> Context {
        Context {
            entity: None,
            speaker: Some(speaker),
            mention: Some(mention),
            candidates: Vec::new(),
            anonymous: false,
        }
    }
}

/// What the previous speech quote left behind.
#[derive(Debug, Clone)]
struct Last {
    item: usize,
    sentence: usize,
    block: usize,
    ctx: Context,
    source: Option<(String, Option<Span>)>,
    /// The source was cited for that quote's sentence only (`…, according to NBC.`).
    scoped: bool,
    /// The confidence of that quote's attribution.
    confidence: f32,
}

/// Attribute every quote of the document.
pub fn attribute(p: &Prose, ms: &Mentions, es: &Entities) -> Vec<Attribution> {
    attribute_with(p, ms, es, cues_near_quotes(p, ms))
}

/// The cues of the sentences looked at so far, by sentence index: each sentence's found once.
///
/// A vector rather than a map: the attribution walks the sentences in order, and a hash map of
/// tens of thousands of sentences made each lookup a cache miss.
#[derive(Debug)]
pub struct SentenceCues(Vec<Option<Arc<[Cue]>>>);

impl SentenceCues {
    /// The cues of sentence `s`, found now if they were not yet.
    fn get(&mut self, p: &Prose, ms: &Mentions, s: usize) -> &Arc<[Cue]> {
        self.0[s].get_or_insert_with(|| cues::find(p, ms, s).into())
    }
}

/// The cues of the sentences the attribution of a quote reads first: the quote's own sentence
/// and the three before it (the subjects a pronoun may take up), found in parallel when there
/// are many. What it leaves out, [`attribute_with`] finds when it needs it.
pub fn cues_near_quotes(p: &Prose, ms: &Mentions) -> SentenceCues {
    let mut wanted: Vec<usize> = Vec::with_capacity(p.quotes.len() * 4);
    for &qi in &p.quote_item {
        let s = p.sentence_index(qi);
        wanted.extend(s.saturating_sub(3)..=s);
    }
    wanted.sort_unstable();
    wanted.dedup();
    // Each sentence's cues in an allocation of their size (`find` grows its vector by doubling,
    // and tens of thousands of them stay alive until the attribution is done).
    let find = |s: &usize| (*s, Arc::<[Cue]>::from(cues::find(p, ms, *s)));
    let found: Vec<(usize, Arc<[Cue]>)> = if wanted.len() < 256 {
        wanted.iter().map(find).collect()
    } else {
        wanted.par_iter().map(find).collect()
    };
    let mut cues = SentenceCues(vec![None; p.sentences.len()]);
    for (s, c) in found {
        cues.0[s] = Some(c);
    }
    cues
}

/// [`attribute`] with the cues of some sentences already found (see [`cues_near_quotes`]).
pub fn attribute_with(
    p: &Prose,
    ms: &Mentions,
    es: &Entities,
    cues_of: SentenceCues,
) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Attributor::new(p, ms, es, cues_of).collect();
    let fixes = headline_sources(p, out.len(), |q| {
        let a = &out[q];
        (a.entity, a.source.as_deref(), a.source_inherited)
    });
    for (q, source) in fixes {
        out[q].source = Some(source);
        out[q].source_inherited = true;
    }
    out
}

/// The attributions of a document's quotes, one at a time and in text order, so that a caller
/// can turn them into findings as they come instead of holding them all (a document of 500,000
/// quotes made a vector of 92 MB, most of whose cost was the first touch of its pages).
///
/// What it yields lacks the sources a headline quote takes from the body: see
/// [`headline_sources`], which runs once every quote is attributed.
pub struct Attributor<'a> {
    p: &'a Prose<'a>,
    ms: &'a Mentions,
    es: &'a Entities,
    cues_of: SentenceCues,
    /// The next quote to attribute.
    next: usize,
    last: Option<Last>,
    /// Speakers of recent quotes (mention → entity), salient for pronouns.
    speakers: Known,
    /// A medium frame per speaker (`dans les colonnes du Times`): later quotes inherit it.
    frames: HashMap<usize, (String, Option<Span>)>,
    /// A medium that opens a paragraph (`Sur Twitter, X a dénoncé …`): what else is written in
    /// that paragraph was written there (`Y a lui écrit : « … »`).
    paragraph_frame: Option<(usize, String)>,
    /// Full names met only in an incise inside a quote (`« …, a confié l'entraîneur Laurent
    /// Vidal. … »`): quotes are no mentions, so no entity has them; a later speaker named by a
    /// surname alone takes the full name.
    incise_names: Vec<String>,
}

impl<'a> Attributor<'a> {
    /// Ready to attribute the quotes of `p`, with the cues of some sentences already found
    /// (see [`cues_near_quotes`]).
    pub fn new(
        p: &'a Prose<'a>,
        ms: &'a Mentions,
        es: &'a Entities,
        cues_of: SentenceCues,
    ) -> Self {
        Attributor {
            p,
            ms,
            es,
            cues_of,
            next: 0,
            last: None,
            speakers: Known::default(),
            frames: HashMap::default(),
            paragraph_frame: None,
            incise_names: Vec::new(),
        }
    }
}

impl Iterator for Attributor<'_> {
    type Item = Attribution;

    fn next(&mut self) -> Option<Attribution> {
        let q = self.next;
        if q >= self.p.quotes.len() {
            return None;
        }
        self.next += 1;
        let (p, ms, es) = (self.p, self.ms, self.es);
        let cues_of = &mut self.cues_of;
        let last = &mut self.last;
        let speakers = &mut self.speakers;
        let frames = &mut self.frames;
        let paragraph_frame = &mut self.paragraph_frame;

        let qi = p.quote_item[q];
        let s = p.sentence_index(qi);
        // Shared, not copied: the cues stay in the map for the quote's neighbours.
        let cues = Arc::clone(cues_of.get(p, ms, s));
        let mut a = Attribution::none();

        let found = find_speaker(p, ms, es, q, qi, s, &cues, last.as_ref(), speakers, cues_of)
            .map(|f| cited_by_outlet(p, ms, s, f));
        // Resolve the speaker.
        if let Some(f) = &found {
            a.rule = f.rule;
            a.cue = f.cue.as_ref().map(|c| c.span);
            a.confidence = f.confidence;
            if let Some(ctx) = &f.context {
                a.entity = ctx.entity;
                a.speaker = ctx.speaker.clone();
                a.speaker_mention = ctx.mention;
                a.candidates = ctx.candidates.clone();
                a.anonymous = ctx.anonymous;
            } else if let Some(ph) = &f.phrase {
                a.speaker_mention = Some(trim_span(p, ph.span));
                if ph.head.is_none() && f.rule == "incise" {
                    // The clitic of `dit-elle` inside the quote: a pronoun with no mention.
                    let clitic = crate::tokens::normalize(ph.span.get(p.text));
                    if let Some(info) = p.lex.pronouns.get(clitic.as_str()) {
                        let query = crate::entities::PronounQuery {
                            sentence: s,
                            start: p.item_span(qi).start,
                            gender: info.gender,
                            number: info.number,
                            neuter: info.neuter,
                            latest: false,
                        };
                        let mut subjects = Vec::new();
                        for k in s.saturating_sub(3)..=s {
                            let cs = cues_of.get(p, ms, k);
                            subjects.extend(cs.iter().filter_map(|c| c.subject.as_ref()?.head));
                        }
                        let r = es.resolve_pronoun_at(p, ms, query, speakers, &subjects);
                        a.confidence *= r.confidence;
                        if let Some(id) = r.entity {
                            a.entity = Some(id);
                            a.speaker = Some(es.list[id].name.clone());
                            a.candidates =
                                r.others.iter().map(|&o| es.list[o].name.clone()).collect();
                            if !a.candidates.is_empty() {
                                a.candidates.insert(0, es.list[id].name.clone());
                            }
                        }
                    }
                }
                if let Some(head) = ph.head {
                    let mut r = resolve(p, ms, es, head, speakers, cues_of);
                    let continues = f.cue.as_ref().is_some_and(|c| {
                        c.tags.has(VerbTags::CONTINUE) && c.span.start > p.item_span(qi).start
                    });
                    if continues {
                        if let Some(id) = continued_speaker(ms, es, head, r.entity, last.as_ref()) {
                            r.entity = Some(id);
                        }
                    }
                    a.confidence *= r.confidence;
                    if let Some(id) = r.entity {
                        let ent = &es.list[id];
                        a.entity = Some(id);
                        a.speaker = Some(ent.name.clone());
                        a.anonymous = ent.anonymous && !ent.named;
                        a.candidates = r.others.iter().map(|&o| es.list[o].name.clone()).collect();
                        if !a.candidates.is_empty() {
                            a.candidates.insert(0, ent.name.clone());
                        }
                        speakers.push(head, id);
                        // `Clinton says she appreciated … what she calls a "…"`: the same speaker
                        // introduced the sentence; its first cue and mention are the attribution.
                        if f.rule == "preposed" {
                            let inner_start = f.cue.as_ref().map_or(qi, |c| c.start());
                            let first = cues.iter().find(|c| {
                                c.kind == CueType::Verb
                                    && !c.nonfinite
                                    && c.end() <= qi
                                    // Not across `;`, into a relative clause (`où il a promis`)
                                    // or into a clause of its own (`…, but he said that`).
                                    && !(c.end()..inner_start).any(|k| {
                                        p.is_punct(k, ";")
                                            || p.is(k, word::REL) && !p.is(k, word::SUB)
                                            || k > 0 && p.comma_at(k - 1) && p.is(k, word::CONJ)
                                    })
                                    && c.subject.as_ref().and_then(|s| s.head) != Some(head)
                                    && c.subject.as_ref().and_then(|s| s.head).is_some_and(|h| {
                                        resolve(p, ms, es, h, speakers, cues_of).entity
                                            == Some(id)
                                    })
                            });
                            if let Some(c) = first {
                                let subj = c.subject.as_ref().expect("checked");
                                a.speaker_mention = Some(trim_span(p, subj.span));
                                a.cue = Some(c.span);
                            }
                        }
                    }
                }
            }
            if let Some(c) = &f.cue {
                if c.tags.has(VerbTags::WEAK) {
                    a.confidence *= 0.8;
                }
            }
        }

        // Kind: speech, title, term or other.
        // A cue right after the quote, with its subject, makes speech even when the subject
        // resolves to no one (`"…," he said` with no man in sight): the editor is told it is
        // unattributed.
        // (So does a thing that carries words: `une banderole résumait : « … »`.)
        let carried = found.as_ref().is_some_and(|f| carries_words(p, ms, f));
        let tied = carried
            || found.as_ref().is_some_and(|f| {
                f.rule == "postposed"
                    && f.cue.as_ref().is_some_and(|c| {
                        c.kind == CueType::Verb
                            && f.phrase.as_ref().is_some_and(|ph| ph.head.is_some())
                            || c.kind == CueType::Impersonal
                    })
            });
        a.kind = kinds::classify(
            p,
            ms,
            q,
            qi,
            found.as_ref().and_then(|f| f.cue.as_ref()),
            a.speaker.is_some() || tied,
        );
        // A fragment in a paragraph that lost its opening (`ces statistiques constituaient un
        // « triste rappel »` after a complete paragraph): someone's words whose attribution
        // was cut, for the editor to restore.
        if a.kind == QuoteKind::Term && found.is_none() && broken_opening(p, qi) {
            a.kind = QuoteKind::Speech;
        }
        if a.kind != QuoteKind::Speech {
            let kind = a.kind;
            a = Attribution::none();
            a.kind = kind;
            a.rule = "kind";
            return Some(a);
        }

        // How sure: a speaker named by a mention of many words was read off a long phrase (a
        // clause taken for a subject: `X declined Y's offer after … in which someone audibly
        // says`); one the article never names may be someone it names elsewhere (`The father
        // said …` about a man named above).
        if let Some(span) = a.speaker_mention {
            if span.get(p.text).split_whitespace().count() > LONG_MENTION_WORDS {
                a.confidence *= 0.6;
            }
        }
        if a.entity.is_some_and(|id| !es.list[id].named) {
            a.confidence *= 0.85;
        }
        if let Some(ph) = found.as_ref().and_then(|f| f.phrase.as_ref()) {
            if let Some(h) = ph.head {
                let m = &ms.list[h];
                // A family member the article does not name (`The father said`) is most often
                // someone it names elsewhere.
                let kin = m
                    .role_class
                    .is_some_and(|c| p.lex.kin_classes.binary_search(&c).is_ok());
                if kin && a.entity.is_some_and(|id| !es.list[id].named) {
                    a.confidence *= 0.7;
                }
                // A head right after a preposition (`a spokeman for 10 Downing Street`): the
                // noun the subject is about was not recognised.
                let sent_start = p.sentences[s].items.start;
                let mut k = m.items.start;
                while k > sent_start
                    && (p.is(k - 1, word::DET | word::NUM)
                        || p.tok(k - 1)
                            .is_some_and(|t| p.tokens[t].kind == crate::tokens::TokKind::Number))
                {
                    k -= 1;
                }
                if k > sent_start + 1
                    && p.is(k - 1, word::PREP)
                    && !p.is(k - 1, word::DET)
                    && p.is_word(k - 2)
                    && !p.is_cap(k - 2)
                    && p.tags(k - 2) == 0
                    // A quantity is no head (`a number of senators`).
                    && !p
                        .key(k - 2)
                        .is_some_and(|w| p.lex.partitives.contains(w))
                {
                    a.confidence *= 0.6;
                }
            }
        }

        // Source.
        let speaker_span = a.speaker_mention;
        let own = own_source(p, ms, es, s, qi, &cues, found.as_ref(), speaker_span);
        let speaker_is_outlet = a
            .entity
            .is_some_and(|id| es.list[id].kind == EntityKind::Outlet);
        // `Pelosi called it a "…," according to NBC.`: the outlet vouches for that sentence;
        // the speaker's next quotes are not said to come from it unless the report goes on
        // (`she added`, `est-il ajouté`).
        let mut scoped = own.as_ref().is_some_and(|(_, span)| {
            span.is_some_and(|sm| {
                cues.iter().any(|c| {
                    c.kind == CueType::Phrase(CueKind::According)
                        && c.subject.as_ref().is_some_and(|ph| ph.span.contains(sm))
                })
            })
        });
        if let Some((name, span)) = own {
            a.source = Some(name);
            a.source_mention = span;
        } else if speaker_is_outlet && !press_release(p, s) {
            // An outlet speaking as a publication (`écrit le quotidien X`) is also the source;
            // one speaking through its own press release is not.
            let id = a.entity.expect("outlet speaker");
            a.source = Some(es.list[id].name.clone());
            a.source_mention = a.speaker_mention;
        }
        // Inheritance.
        if a.source.is_none() {
            let continues = found.as_ref().is_some_and(|f| {
                f.rule == "continuation"
                    || f.cue.as_ref().is_some_and(|c| {
                        c.tags.has(VerbTags::CONTINUE)
                            || c.kind == CueType::Impersonal
                            || c.kind == CueType::Phrase(CueKind::SameSource)
                    })
            }) || cues.iter().any(|c| {
                c.kind == CueType::Impersonal || c.kind == CueType::Phrase(CueKind::SameSource)
            });
            let same_speaker = |l: &Last| l.ctx.entity.is_some() && l.ctx.entity == a.entity;
            let goes_on = found.as_ref().is_some_and(|f| {
                f.cue.as_ref().is_some_and(|c| {
                    c.tags.has(VerbTags::CONTINUE)
                        || c.kind == CueType::Impersonal
                        || c.kind == CueType::Phrase(CueKind::SameSource)
                })
            }) || cues.iter().any(|c| {
                c.kind == CueType::Impersonal || c.kind == CueType::Phrase(CueKind::SameSource)
            });
            let carries = |l: &Last| !l.scoped || goes_on;
            if let Some(l) = last.as_ref().filter(|l| carries(l)) {
                let impersonal = cues.iter().any(|c| {
                    c.kind == CueType::Impersonal || c.kind == CueType::Phrase(CueKind::SameSource)
                });
                if continues && (same_speaker(l) || impersonal) {
                    if let Some((name, _)) = &l.source {
                        a.source = Some(name.clone());
                        a.source_inherited = true;
                    }
                }
            }
            // The same speaker quoted again in the same paragraph goes on with the same report
            // (`… a déclaré à l'AFP X. « … », a-t-il précisé.`).
            if a.source.is_none() {
                if let Some(l) = last.as_ref().filter(|l| carries(l)) {
                    if same_speaker(l) && l.block == p.block_start_of(qi) {
                        if let Some((name, _)) = &l.source {
                            a.source = Some(name.clone());
                            a.source_inherited = true;
                        }
                    }
                }
            }
            let written = found
                .as_ref()
                .and_then(|f| f.cue.as_ref())
                .is_some_and(|c| c.tags.has(VerbTags::WRITTEN));
            if a.source.is_none() {
                if let Some((_, name)) = paragraph_frame
                    .as_ref()
                    .filter(|(b, _)| written && *b == p.block_start_of(qi))
                {
                    a.source = Some(name.clone());
                    a.source_inherited = true;
                }
            }
            if a.source.is_none() {
                // What someone wrote on a platform (`wrote on Twitter`) frames their later
                // writing, not what they say aloud (`In his address, he said:`, `told
                // delegates that …`).
                let told = found
                    .as_ref()
                    .and_then(|f| f.cue.as_ref())
                    .is_some_and(|c| c.tags.has(VerbTags::TELL));
                if let Some((name, _)) =
                    a.entity.and_then(|id| frames.get(&id)).filter(|(name, _)| {
                        written || !is_platform(p, name) || !(told || spoken_setting(p, s))
                    })
                {
                    a.source = Some(name.clone());
                    a.source_inherited = true;
                }
            }
            if a.source.is_none() {
                if let Some(id) = a.entity {
                    if let Some(name) = interview_before(p, ms, es, s, id, cues_of) {
                        a.source = Some(name);
                        a.source_inherited = true;
                    }
                }
            }
        }
        if a.source_inherited {
            scoped = last.as_ref().is_some_and(|l| l.scoped);
        }
        // A medium frame set by this quote's sentence (`dans les colonnes du Times`, `a déclaré
        // sur BFM TV`, `said on CNN`) carries to the speaker's later quotes; a dative (`told
        // Reuters`, `a déclaré à l'AFP`) does not.
        if let (Some(id), Some(name)) = (a.entity, &a.source) {
            // One document (`in a tweet`) is no frame: it holds these words only.
            let one_document = a.source_mention.is_some_and(|sm| {
                ms.within(sm)
                    .any(|(_, m)| matches!(m.kind, MentionKind::Description(RoleKind::Document)))
            });
            let framed = !one_document
                && (cues
                    .iter()
                    .any(|c| c.kind == CueType::Phrase(CueKind::Medium))
                    || a.source_mention
                        .is_some_and(|sm| preceded_by(p, sm, &["sur", "on", "dans", "in"])));
            if !a.source_inherited && framed {
                frames.insert(id, (name.clone(), a.source_mention));
                // At the head of the paragraph's first sentence.
                let block = p.block_start_of(qi);
                let opens = a.source_mention.is_some_and(|sm| {
                    let first = p.sentences[s].items.start;
                    p.block_start_of(first) == block
                        && (first == 0 || p.block_start_of(first - 1) != block)
                        && p.items_span(first..(first + 3).min(p.sentences[s].items.end))
                            .contains(sm)
                });
                if opens {
                    *paragraph_frame = Some((block, name.clone()));
                }
            }
        }

        if let Some(name) = a.speaker.as_deref() {
            let incise = found.as_ref().is_some_and(|f| f.rule == "incise");
            if incise && a.entity.is_none() && name.contains(' ') {
                if !self.incise_names.iter().any(|n| n == name) && self.incise_names.len() < 64 {
                    self.incise_names.push(name.to_string());
                }
            } else if !name.contains(' ') {
                let surname = crate::entities::fold(name);
                let full = self.incise_names.iter().rev().find(|n| {
                    n.rsplit(' ')
                        .next()
                        .is_some_and(|w| crate::entities::fold(w) == surname)
                });
                if let Some(full) = full {
                    a.speaker = Some(full.clone());
                }
            }
        }
        if a.speaker.is_some() || found.is_some() {
            *last = Some(Last {
                item: qi,
                sentence: s,
                block: p.block_end_of(qi),
                ctx: Context {
                    entity: a.entity,
                    speaker: a.speaker.clone(),
                    mention: a.speaker_mention,
                    candidates: a.candidates.clone(),
                    anonymous: a.anonymous,
                },
                source: a.source.clone().map(|s| (s, a.source_mention)),
                scoped,
                confidence: a.confidence,
            });
        } else {
            // An unattributed quote breaks the chain of continuations.
            *last = None;
        }
        Some(a)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.p.quotes.len() - self.next;
        (left, Some(left))
    }
}

impl ExactSizeIterator for Attributor<'_> {}

/// More quotes than this in the first paragraph: it is no headline.
const MAX_HEADLINE_QUOTES: usize = 32;
/// How many body quotes are searched for the words of a headline quote.
const MAX_REPEAT_SEARCH: usize = 512;

/// A quote in the headline takes the source its speaker is quoted with in the body (the
/// headline restates the body's report): the first quote of the same speaker with its own
/// source.
///
/// `att(q)` gives the speaker entity of quote `q`, its source and whether that source is
/// inherited. Returns the headline quotes that take a source, with that source; each is then
/// inherited.
pub fn headline_sources<'s>(
    p: &Prose,
    quotes: usize,
    att: impl Fn(usize) -> (Option<usize>, Option<&'s str>, bool),
) -> Vec<(usize, String)> {
    let mut fixes = Vec::new();
    if p.blocks.len() < 2 {
        return fixes;
    }
    // The headline's quotes come first. A first paragraph with many quotes is no headline, and
    // the words of a headline are repeated early in the body, if at all: both bounds keep a
    // document that is one huge paragraph, or has thousands of quotes, linear.
    let Some(first_body) = (0..quotes).find(|&q| p.block_start_of(p.quote_item[q]) != 0) else {
        return fixes;
    };
    if first_body > MAX_HEADLINE_QUOTES {
        return fixes;
    }
    for q in 0..first_body {
        let (entity, source, _) = att(q);
        if source.is_some() || entity.is_none() {
            continue;
        }
        // The body quote that repeats the headline's words tells where they were said; else the
        // speaker's first sourced quote in the body.
        let words = quote_words(p, q);
        let repeated = (first_body..quotes).take(MAX_REPEAT_SEARCH).find(|&b| {
            let body = quote_words(p, b);
            !words.is_empty()
                && (body.windows(words.len()).any(|w| w == words.as_slice())
                    || !body.is_empty() && words.windows(body.len()).any(|w| w == body.as_slice()))
        });
        let body = match repeated {
            Some(b) => Some(b),
            None => (q + 1..quotes).find(|&b| {
                let (e, source, inherited) = att(b);
                e == entity && source.is_some() && !inherited
            }),
        };
        if let Some(source) = body.and_then(|b| att(b).1) {
            fixes.push((q, source.to_string()));
        }
    }
    fixes
}

/// `« … », a poursuivi l'expert` after a quote of a named person: a role description met for the
/// first time here, after a verb that goes on, is the previous speaker seen through their role.
fn continued_speaker(
    ms: &Mentions,
    es: &Entities,
    head: usize,
    resolved: Option<usize>,
    last: Option<&Last>,
) -> Option<usize> {
    let m = &ms.list[head];
    let new_description = matches!(m.kind, MentionKind::Description(RoleKind::Person))
        && !m.indefinite
        && m.number == crate::lang::Number::Singular
        && resolved
            .is_none_or(|id| !es.list[id].named && es.list[id].mentions.first() == Some(&head));
    if !new_description {
        return None;
    }
    let prev = last?.ctx.entity?;
    let ent = &es.list[prev];
    let compatible = ent.kind == EntityKind::Person
        && ent.named
        && (ent.gender == m.gender
            || ent.gender == crate::lang::Gender::Unknown
            || m.gender == crate::lang::Gender::Unknown);
    compatible.then_some(prev)
}

/// `X a annoncé à l'agence RIA Novosti que …` a few sentences before X's quotes, in a sentence
/// with no quote of its own: the quotes come from that interview. Looks back six sentences and
/// two paragraphs.
fn interview_before(
    p: &Prose,
    ms: &Mentions,
    es: &Entities,
    s: usize,
    id: usize,
    cues_of: &mut SentenceCues,
) -> Option<String> {
    let block = p.sentences[s].block;
    for k in (s.saturating_sub(6)..s).rev() {
        let sent = &p.sentences[k];
        if sent.block + 2 < block {
            break;
        }
        if sent.items.clone().any(|i| p.quote_at(i).is_some()) {
            continue;
        }
        let cs: &[Cue] = cues_of.get(p, ms, k);
        let speaks = cs.iter().any(|c| {
            c.kind == CueType::Verb
                && c.subject
                    .as_ref()
                    .and_then(|sub| sub.head)
                    .is_some_and(|h| es.of_mention[h] == Some(id))
        });
        if !speaks {
            continue;
        }
        let outlet = ms.in_sentence(k).find(|&(m, mention)| {
            mention.is_outlet() && mention.is_name() && source_slot(p, ms, cs, m)
        });
        if let Some((_, m)) = outlet {
            return Some(crate::entities::description_name(p, m));
        }
    }
    None
}

/// True when sentence `s`, or the one before that introduces it, places its words in a spoken
/// setting (`In his address to the plenary, he said:`, `lors d'une conférence de presse`).
fn spoken_setting(p: &Prose, s: usize) -> bool {
    const SETTINGS: &[&str] = &[
        "address",
        "speech",
        "interview",
        "conference",
        "briefing",
        "hearing",
        "plenary",
        "rally",
        "discours",
        "entretien",
        "conférence",
        "audition",
        "allocution",
        "meeting",
        "réunion",
    ];
    let from = p.sentences[s.saturating_sub(1)].items.start;
    has_word(p, from..p.sentences[s].items.end, SETTINGS)
}

/// True when one of `items` is one of `words` (normalised).
fn has_word(p: &Prose, items: std::ops::Range<usize>, words: &[&str]) -> bool {
    items
        .into_iter()
        .any(|k| p.key(k).is_some_and(|w| words.contains(&w)))
}

/// True when `name` is a listed platform (`Twitter`, `Telegram`).
fn is_platform(p: &Prose, name: &str) -> bool {
    p.shared
        .outlet_list
        .iter()
        .any(|o| o.name == name && o.kind == crate::lang::OutletKind::Platform)
}

/// The normalised words of quote `q`.
fn quote_words<'p>(p: &'p Prose, q: usize) -> Vec<&'p str> {
    p.quote_tokens[q]
        .clone()
        .filter(|&t| matches!(p.tokens[t].kind, TokKind::Word | TokKind::Number))
        .map(|t| p.norm(t))
        .collect()
}

/// True when outlet mention `k` stands where a source is cited: after `selon`, `according to`,
/// `told`, `to`, `à`, `sur`, `on`, `par`, `by`, `cité par`, or as the subject of a cue.
fn source_slot(p: &Prose, ms: &Mentions, cues: &[Cue], k: usize) -> bool {
    let m = &ms.list[k];
    if cues
        .iter()
        .any(|c| c.subject.as_ref().is_some_and(|s| s.head == Some(k)))
    {
        return true;
    }
    let mut i = m.items.start;
    while i > 0 && p.is(i - 1, word::DET | word::POSS) {
        i -= 1;
    }
    // `The agency quoted a fisherman as saying`: the subject of quoting.
    if matches!(
        p.key(m.items.end),
        Some("quoted" | "quotes" | "cite" | "citait")
    ) {
        return true;
    }
    let before = i.checked_sub(1).and_then(|b| p.key(b));
    matches!(
        before,
        Some(
            "selon"
                | "d'après"
                | "to"
                | "told"
                | "tells"
                | "à"
                | "au"
                | "sur"
                | "on"
                | "par"
                | "by"
                | "in"
                | "dans"
                | "via"
        )
    ) || cues.iter().any(|c| {
        // Right after the cue: the addressee of `told`, `a confié`, not the object of
        // `accused the network of`.
        c.end() == i
            && (c.kind != CueType::Verb || c.tags.has(VerbTags::TELL) || p.lang == Lang::Fr)
    })
}

/// True when the word before `span` is one of `words` (`sur BFM TV`).
fn preceded_by(p: &Prose, span: Span, words: &[&str]) -> bool {
    let before = p.text[..span.start].trim_end();
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    words.contains(&last.as_str())
}

/// True when sentence `s` speaks of a press release or statement (`communiqué`, `statement`).
fn press_release(p: &Prose, s: usize) -> bool {
    const NOUNS: &[&str] = &[
        "communiqué",
        "communiqués",
        "statement",
        "statements",
        "release",
        "déclaration",
    ];
    has_word(p, p.sentences[s].items.clone(), NOUNS)
}

/// A span without trailing commas and spaces.
fn trim_span(p: &Prose, span: Span) -> Span {
    let t = span.get(p.text);
    let trimmed = t.trim_end_matches([',', ' ', '\u{a0}']);
    Span::new(span.start, span.start + trimmed.len())
}

/// The author of a document given by its possessor: `his statement` (the possessive resolved
/// like a pronoun), `the judge's ruling` (the possessor's entity).
fn possessor(
    p: &Prose,
    ms: &Mentions,
    es: &Entities,
    doc: usize,
    known: &Known,
    cues_of: &mut SentenceCues,
) -> Option<Resolution> {
    let m = &ms.list[doc];
    let first = m.items.start;
    if let Some(info) = p.key(first).and_then(|w| p.lex.possessives.get(w)) {
        let query = crate::entities::PronounQuery {
            sentence: m.sentence,
            start: m.full.start,
            gender: info.gender,
            number: info.number,
            neuter: info.neuter,
            latest: false,
        };
        let mut subjects = Vec::new();
        for s in m.sentence.saturating_sub(3)..=m.sentence {
            let cues = cues_of.get(p, ms, s);
            subjects.extend(cues.iter().filter_map(|c| c.subject.as_ref()?.head));
        }
        let r = es.resolve_pronoun_at(p, ms, query, known, &subjects);
        return r.entity.is_some().then_some(r);
    }
    if first > 0 && p.key(first - 1) == Some("'s") {
        // The longest mention that ends at the `'s`.
        let owner = ms
            .ends_at(first - 1)
            .min_by_key(|&k| ms.list[k].items.start)?;
        let r = resolve(p, ms, es, owner, known, cues_of);
        return r.entity.is_some().then_some(r);
    }
    None
}

/// True when mention `x` is who saw or obtained a document (`the report, seen by Reuters`,
/// `le rapport, que l'AFP a pu consulter`): the outlet that reports it, not its author. The
/// verbs are the `@viewing` lines of `function_words.txt`.
fn viewer(p: &Prose, x: &crate::mentions::Mention) -> bool {
    let s = x.items.start;
    // Before it (`seen by Reuters`) or after it in its relative clause (`que l'AFP a pu
    // consulter`).
    (s.saturating_sub(3)..s).any(|i| p.is(i, word::VIEWING))
        || (x.items.end..x.items.end + 4)
            .take_while(|&i| !p.is_any_punct(i, &[",", ".", ";"]))
            .any(|i| p.is(i, word::VIEWING))
}

/// The author of document mention `doc`: a name after the document noun in its clause (`le
/// documentaire d'Al Jazeera`, `un reportage diffusé par la chaîne Al Jazeera`, `a tweet on
/// Monday by Mike Pompeo`), a person first.
fn document_author(p: &Prose, ms: &Mentions, es: &Entities, doc: usize) -> Option<usize> {
    let m = &ms.list[doc];
    let sent_end = p.sentences[m.sentence].items.end;
    let mut stop = m.items.end;
    while stop < sent_end
        && stop < m.items.end + 12
        && p.quote_at(stop).is_none()
        && !p.is_any_punct(stop, &[",", ".", ";", ":"])
    {
        stop += 1;
    }
    let window = p.items_span(m.items.start..stop);
    // A role that stands for a named person counts (`the decree signed by the Pope`).
    let named_role = |k: usize| {
        es.of_mention[k].is_some_and(|e| es.list[e].named && es.list[e].kind == EntityKind::Person)
    };
    // An unnamed agent counts too (`the letter signed by the president`).
    let agent = |x: &crate::mentions::Mention| {
        let s = x.items.start;
        (s.saturating_sub(2)..s).any(|k| matches!(p.key(k), Some("by" | "par")))
    };
    // (The description may hold its complement: `communiqué de la mairie` is one mention.)
    let of_document = |x: &crate::mentions::Mention| {
        let s = x.items.start;
        s > m.items.start + 1
            && s <= m.items.end + 3
            && (s.saturating_sub(2)..s).any(|k| {
                k > m.items.start
                    && matches!(p.key(k), Some("de" | "du" | "des" | "d'" | "from" | "of"))
            })
    };
    let rank = |k: usize, x: &crate::mentions::Mention| match x.kind {
        MentionKind::Name(crate::mentions::NameKind::Person) => 0,
        MentionKind::Name(crate::mentions::NameKind::Unknown) => 1,
        MentionKind::Description(RoleKind::Person) if named_role(k) => 1,
        MentionKind::Name(crate::mentions::NameKind::Org) => 2,
        MentionKind::Outlet { named: true, .. } => 3,
        MentionKind::Description(RoleKind::Person | RoleKind::Org | RoleKind::Anonymous)
            if agent(x) =>
        {
            4
        }
        // The complement of the document noun: `un communiqué de la préfecture`, `a statement
        // from the ministry`.
        MentionKind::Description(RoleKind::Person | RoleKind::Org | RoleKind::Anonymous)
            if of_document(x) =>
        {
            5
        }
        _ => 9,
    };
    // What the document is about is not who wrote it (`un reportage sur Wikipédia`, `a report
    // on Boeing`).
    let topic = |x: &crate::mentions::Mention| {
        let s = x.items.start;
        (s.saturating_sub(2)..s).any(|k| {
            matches!(
                p.key(k),
                Some("sur" | "about" | "on" | "concernant" | "regarding" | "into")
            )
        })
    };
    // Nor where it appeared (`a study published in The Lancet`), nor who saw it (`the report,
    // seen by Reuters`): a source, not the author.
    let venue = |x: &crate::mentions::Mention| {
        let s = x.items.start;
        (s.saturating_sub(2)..s).any(|i| matches!(p.key(i), Some("in" | "dans")))
    };
    ms.within(window)
        .filter(|(k, x)| *k != doc && rank(*k, x) < 9 && !topic(x) && !venue(x) && !viewer(p, x))
        .min_by_key(|(k, x)| (rank(*k, x), *k))
        .and_then(|(k, _)| es.of_mention[k])
}

/// Who issued document mention `doc`: the subject of the verb it is the object of (`The task
/// force released a statement saying …`, `Le ministère a publié un communiqué`), when that
/// subject is named.
fn issuer(p: &Prose, ms: &Mentions, es: &Entities, doc: usize) -> Option<usize> {
    let m = &ms.list[doc];
    let s = m.sentence;
    let start = p.sentences[s].items.start;
    // The subject: the first mention of the clause, not in a prepositional phrase, before the
    // document and at most eight items before it.
    let (k, _) = ms
        .in_sentence(s)
        .take_while(|(_, x)| x.items.end <= m.items.start)
        .find(|(_, x)| {
            !x.in_pp && (x.is_name() || matches!(x.kind, MentionKind::Description(_)))
        })?;
    let subj = &ms.list[k];
    if subj.items.start < start || m.items.start > subj.items.end + 8 {
        return None;
    }
    if (subj.items.end..m.items.start)
        .any(|i| p.is_any_punct(i, &[",", ";", ":"]) || p.quote_at(i).is_some())
    {
        return None;
    }
    let id = es.of_mention[k]?;
    let ent = &es.list[id];
    (ent.named
        && matches!(
            ent.kind,
            EntityKind::Person | EntityKind::Org | EntityKind::Outlet
        ))
    .then_some(id)
}

/// Resolve a head mention to an entity: names and descriptions through the entity chains,
/// pronouns through salience, documents (`le communiqué de X`, `a tweet by X`) to their author.
fn resolve(
    p: &Prose,
    ms: &Mentions,
    es: &Entities,
    head: usize,
    known: &Known,
    cues_of: &mut SentenceCues,
) -> Resolution {
    let m = &ms.list[head];
    if matches!(m.kind, MentionKind::Description(RoleKind::Document)) {
        if let Some(r) = possessor(p, ms, es, head, known, cues_of) {
            return r;
        }
    }
    match m.kind {
        MentionKind::Pronoun { .. } => {
            // Subjects of the cues of the pronoun's sentence and the three before.
            let mut subjects = Vec::new();
            for s in m.sentence.saturating_sub(3)..=m.sentence {
                let cues = cues_of.get(p, ms, s);
                subjects.extend(cues.iter().filter_map(|c| c.subject.as_ref()?.head));
            }
            es.resolve_pronoun(p, ms, head, known, &subjects)
        }
        MentionKind::Description(RoleKind::Document) => {
            match document_author(p, ms, es, head) {
                Some(id) => Resolution {
                    entity: Some(id),
                    others: Vec::new(),
                    confidence: 0.9,
                },
                None => {
                    // `le documentaire` again: the author of the earlier document mention with
                    // the same role; else the document speaks for itself (`the letter reads`),
                    // rather than a guess at the last person quoted.
                    // (The nearest such mention only: walking back through every one of them
                    // made a long document quadratic.)
                    let earlier = ms.list[..head]
                        .iter()
                        .rposition(|x| x.role_class == m.role_class)
                        .and_then(|k| {
                            issuer(p, ms, es, k).or_else(|| document_author(p, ms, es, k))
                        });
                    // A thing that carries words (`une banderole`, `the banner`) with no
                    // holder says none of them: no speaker.
                    let chosen = earlier.or(es.of_mention[head].filter(|_| !carrier(p, m)));
                    Resolution {
                        entity: chosen,
                        others: Vec::new(),
                        confidence: 0.7,
                    }
                }
            }
        }
        _ => Resolution {
            entity: es.of_mention[head],
            others: Vec::new(),
            confidence: 1.0,
        },
    }
}

/// True when a cue's subject can speak: anything but an unnamed outlet (`un média d'Etat`
/// reports; `The New York Times reports:` speaks).
fn has_speaker(ms: &Mentions, es: &Entities, c: &Cue) -> bool {
    c.subject.as_ref().and_then(|s| s.head).is_some_and(|h| {
        !matches!(ms.list[h].kind, MentionKind::Outlet { named: false, .. })
            // `Le journal appelle …` after `le quotidien Le Figaro`: a described outlet the
            // article names speaks under that name.
            || es.of_mention[h].is_some_and(|e| es.list[e].named)
    })
}

/// True when the speaker's phrase found is a thing that carries words: the quote is speech
/// even when no one holds it.
fn carries_words(p: &Prose, ms: &Mentions, f: &Found) -> bool {
    f.phrase
        .as_ref()
        .and_then(|ph| ph.head)
        .is_some_and(|h| carrier(p, &ms.list[h]))
}

/// True when mention `m` is a thing that carries words but says none (`@carrier` roles: `une
/// banderole`, `the banner`).
fn carrier(p: &Prose, m: &crate::mentions::Mention) -> bool {
    m.role_class
        .is_some_and(|c| p.lex.carrier_classes.binary_search(&c).is_ok())
}

/// The subject of a sentence that ends in a colon before the quote (`…, Souha Arafat, de
/// demander … : « … »`). Not when the clause goes on after the quote (`Cannes : « Les Heures
/// claires » ovationné`: a headline's topic, and a title).
fn colon(p: &Prose, ms: &Mentions, qi: usize, sent: &std::ops::Range<usize>) -> Option<Found> {
    let clause_goes_on = qi + 1 < sent.end && p.is_word(qi + 1);
    if qi <= sent.start || !p.is_punct(qi - 1, ":") || clause_goes_on {
        return None;
    }
    let ph = subject_of_sentence(p, ms, sent.start, qi - 1)?;
    Some(Found {
        rule: "colon",
        cue: None,
        phrase: Some(ph),
        context: None,
        confidence: 0.6,
    })
}

/// `Reuters, citing a senior official, said …`, `selon Reuters, qui cite un responsable turc`:
/// an outlet found as the speaker gives way to the one it cites in the sentence (`@citing`
/// phrases), and stays the source.
fn cited_by_outlet(p: &Prose, ms: &Mentions, s: usize, mut f: Found) -> Found {
    let Some(ph) = &f.phrase else { return f };
    if !ph.head.is_some_and(|h| ms.list[h].is_outlet()) {
        return f;
    }
    let sent = p.sentences[s].items.clone();
    for k in sent.clone() {
        let key = |x: usize| (x < sent.end).then(|| p.key(x)).flatten();
        let Some((len, _)) = p.lex.citing.longest(k, key) else {
            continue;
        };
        let after = k + len;
        let cited = (after..(after + 2).min(sent.end))
            .flat_map(|j| ms.starting_at(j))
            .find(|&m| {
                let m = &ms.list[m];
                !m.is_outlet() && !matches!(m.kind, MentionKind::Pronoun { .. })
            });
        if let Some(m) = cited {
            f.phrase = Some(Phrase {
                items: ms.list[m].items.clone(),
                span: ms.list[m].full,
                head: Some(m),
            });
            return f;
        }
    }
    f
}

/// True when the cue's subject is an outlet (`a rapporté un média d'Etat`, `KCNA reported`).
fn outlet_subject(ms: &Mentions, c: &Cue) -> Option<usize> {
    let h = c.subject.as_ref()?.head?;
    ms.list[h].is_outlet().then_some(h)
}

#[allow(clippy::too_many_arguments)]
fn find_speaker(
    p: &Prose,
    ms: &Mentions,
    es: &Entities,
    q: usize,
    qi: usize,
    s: usize,
    cues: &[Cue],
    last: Option<&Last>,
    speakers: &Known,
    cues_of: &mut SentenceCues,
) -> Option<Found> {
    let sent = p.sentences[s].items.clone();
    let speaking = |c: &&Cue| {
        matches!(c.kind, CueType::Verb)
            || matches!(
                c.kind,
                CueType::Phrase(CueKind::According | CueKind::Opinion)
            )
    };

    // 1. Incise inside the quote: `« Partie 1, dit-elle. Partie 2 »`, `« …, a précisé la
    //    ministre Anne Vial. … »`.
    if let Some(f) = incise_inside(p, ms, q).or_else(|| named_incise(p, es, q)) {
        return Some(f);
    }

    // 2. Postposed: a cue right after the quote (only punctuation, or its own subject, between).
    //    A participle after the quote (`« … » évoquant des « … »`) continues the sentence.
    for c in cues.iter().filter(speaking) {
        if c.start() <= qi || c.nonfinite {
            continue;
        }
        // `"…," Melanie said yes, yes, yes`: a verb whose object is an answer reports no quote.
        if !c.inverted
            && p.is(c.end(), word::ANSWER)
            && (c.end() + 1 >= sent.end || p.is_any_punct(c.end() + 1, &[",", ".", ";", "!"]))
        {
            break;
        }
        // The verb of a relative clause inside the subject (`"…," one resident, who asked not
        // to be named, said`) is not the one that reports the quote.
        if c.start() > qi + 1
            && p.is(c.start() - 1, word::REL)
            && !p.is(c.start() - 1, word::SUB)
            && !c.inverted
        {
            continue;
        }
        let gap = qi + 1..c.start();
        // Between the quote and the verb: punctuation, and the subject phrase of a
        // `"…," X said` (which may start before the phrase the cue kept: `Tulsa police Chief
        // Chuck Jordan`).
        let subject_inside = c
            .subject
            .as_ref()
            .filter(|_| !c.inverted)
            .is_some_and(|subj| subj.items.start >= gap.start && subj.items.end <= gap.end);
        // Leading punctuation, then nothing but the subject's words: no clause word (`when he
        // said`, `and he urged`), no auxiliary, no other verb.
        let mut g = gap.start;
        while g < gap.end && p.is_any_punct(g, &[",", "—", "–", "―", "-"]) {
            g += 1;
        }
        // `"…," as a Treasury memo put it`, `« … », comme l'écrit le quotidien`: after a comma,
        // `as`/`comme` opens the clause that reports the quote. (Without the comma, `chanted
        // "…" as Trump said` is another clause.)
        if g < gap.end
            && matches!(p.key(g), Some("as" | "comme"))
            && (g > gap.start
                || p.quote_at(qi)
                    .is_some_and(|q| p.quotes[q].inner.get(p.text).trim_end().ends_with(',')))
        {
            g += 1;
        }
        let before_subject = c
            .subject
            .as_ref()
            .filter(|_| subject_inside)
            .map_or(gap.end, |subj| subj.items.start);
        // The period of an abbreviated title (`panel Chairman Rep. Jo Hale`).
        let abbreviation_period = |k: usize| {
            p.is_punct(k, ".")
                && k > g
                && p.key(k - 1)
                    .is_some_and(|w| p.lex.abbreviations.contains(w))
        };
        // A verb's base form before a capitalised word is a noun premodifier (`state Sen. Ann
        // Lee`, `report author Jo Park`).
        let not_verb = |k: usize| match p.lex.verbs.longest(k, |x| p.key(x)) {
            None => true,
            Some((len, info)) => {
                let lemma = &p.lex.lemmas[info.lemma as usize];
                p.lang == Lang::En
                    && len == 1
                    && !lemma.base_is_past
                    && p.key(k) == Some(lemma.name.as_str())
                    && p.is_cap(k + 1)
            }
        };
        // The subject's chain of mentions must start right after the punctuation.
        // (`panel Chairman Rep. Jason Chaffetz`: one or two lowercase premodifiers first;
        // `German Chancellor Anna Berg`, `IMF chief economist Jo Park`: up to three
        // premodifiers, capitalised ones included, none of them a function word or a verb.)
        // At most `most` premodifiers from the gap up to `end`.
        let premodifiers = |end: usize, most: usize| {
            (g..end).filter(|&k| p.is_word(k)).count() <= most
                && (g..end).all(|k| {
                    p.is_word(k) && p.tags(k) == 0 && not_verb(k) || abbreviation_period(k)
                })
        };
        let chain = cues::mention_chain_left(p, ms, g, c.start()).filter(|_| subject_inside);
        let premodified = chain.is_some_and(|s| s == g || premodifiers(s, 3));
        // (`regional director of Human Rights Watch Anna Berg`: a role and its organisation
        // before the name, the role with up to two premodifiers as above. The role is part of
        // the speaker's phrase: where that phrase starts.)
        let role_start = chain.filter(|_| !premodified).and_then(|s| {
            if s < g + 2 || !matches!(p.key(s - 1), Some("of" | "at" | "for")) {
                return None;
            }
            let j = (g..s - 1).find(|&j| {
                p.lex
                    .roles
                    .longest(j, |x| p.key(x))
                    .is_some_and(|(len, _)| j + len == s - 1)
            })?;
            premodifiers(j, 2).then(|| (g..=j).find(|&k| p.is_word(k)).unwrap_or(j))
        });
        let chain_starts_at_gap = premodified || role_start.is_some();
        let only_punct = g >= before_subject
            || g == gap.end
            || (chain_starts_at_gap
                && gap.end - g <= 14
                && (g..gap.end).all(|k| {
                    p.quote_at(k).is_none()
                        && !p.is(
                            k,
                            word::SUB | word::REL | word::SUBORD | word::CONJ | word::AUX,
                        )
                        && (abbreviation_period(k)
                            || !p.is_any_punct(k, &[".", ";", ":", "!", "?"]))
                        && not_verb(k)
                }));
        // `"… ." X said, "…"`: after a quote that ends its sentence, a cue that opens the next
        // quote is that quote's (a split `"…," X said, "…"` is one speaker's).
        let introduces_next = {
            let mut k = c.end();
            while k < sent.end && p.is_any_punct(k, &[",", ":"]) {
                k += 1;
            }
            let ended = p.quote_at(qi).is_some_and(|q| {
                p.quotes[q]
                    .inner
                    .get(p.text)
                    .trim_end()
                    .ends_with(['.', '!', '?', '…'])
            });
            ended && k > c.end() && p.quote_at(k).is_some()
        };
        if only_punct && !matches!(c.kind, CueType::Phrase(_)) && !introduces_next {
            // `Le ministre X a jugé la situation « … », rapporte l'AFP`: an outlet that reports
            // the sentence is its source; a speaker named before the quote speaks.
            if outlet_subject(ms, c).is_some() {
                if let Some(f) = preposed(p, ms, es, qi, &sent, cues) {
                    return Some(f);
                }
            }
            if has_speaker(ms, es, c) {
                let mut found = Found::of_cue("postposed", c, 0.95);
                if let (Some(r), Some(ph)) = (role_start, found.phrase.as_mut()) {
                    if r < ph.items.start {
                        ph.span = Span::new(p.item_span(r).start, ph.span.end);
                        ph.items = r..ph.items.end;
                    }
                }
                return Some(found);
            }
            if outlet_subject(ms, c).is_some() {
                // `« … », écrit le quotidien X`: the outlet speaks, unless a speaker is named
                // before the quote (above).
                return Some(Found::of_cue("postposed", c, 0.85));
            }
        }
        break;
    }

    // 3. Preposed: the nearest cue before the quote.
    if let Some(f) = preposed(p, ms, es, qi, &sent, cues) {
        return Some(f);
    }

    // `« … », est-il ajouté`: the report goes on, in the words of its last speaker.
    if let Some(c) = cues
        .iter()
        .find(|c| c.kind == CueType::Impersonal && c.start() > qi)
    {
        let gap_ok = (qi + 1..c.start()).all(|k| p.is_any_punct(k, &[",", "—", "–", "―"]));
        // `« … », pouvait-on lire sur une banderole`: what one reads goes on no one's speech.
        let read = c
            .lemma
            .is_some_and(|l| matches!(p.lex.lemmas[l as usize].name.as_str(), "lire" | "read"));
        if read && gap_ok {
            // Written words, with no one to say whose: speech, for the editor to attribute.
            return Some(Found {
                rule: "postposed",
                cue: Some(c.clone()),
                phrase: None,
                context: None,
                confidence: 0.5,
            });
        }
        if let Some(l) = last.filter(|l| l.ctx.speaker.is_some() && gap_ok) {
            if p.block_start_of(qi) <= l.block + 1 {
                return Some(Found {
                    rule: "continuation",
                    cue: Some(c.clone()),
                    phrase: None,
                    context: Some(l.ctx.clone()),
                    confidence: 0.7,
                });
            }
        }
    }

    // 4. `selon X`, `according to X`, `pour X` anywhere in the sentence. When X is an outlet
    // and the sentence ends in a colon before the quote, the colon's subject speaks and the
    // outlet is the source (`Selon L'Équipe, il aurait haussé le ton : « … »`).
    for c in cues {
        if matches!(
            c.kind,
            CueType::Phrase(CueKind::According | CueKind::Opinion)
        ) && has_speaker(ms, es, c)
        {
            if outlet_subject(ms, c).is_some() {
                if let Some(f) = colon(p, ms, qi, &sent) {
                    if f.phrase.as_ref().and_then(|ph| ph.head).is_some_and(|h| {
                        !ms.list[h].is_outlet() && ms.list[h].items.start >= c.end()
                    }) {
                        return Some(f);
                    }
                }
            }
            return Some(Found::of_cue("according", c, 0.9));
        }
    }

    // `according to agreed facts heard in court, "…"`: a complement that names no one is an
    // unnamed source, written as its description.
    for c in cues {
        if c.kind != CueType::Phrase(CueKind::According) || c.subject.is_some() {
            continue;
        }
        let start = c.end();
        let mut j = start;
        while j < sent.end && j < start + 8 && p.is_word(j) && p.quote_at(j).is_none() {
            j += 1;
        }
        let closed = j == sent.end || p.is_punct(j, ",") || p.quote_at(j).is_some();
        // Not a manner (`selon toute vraisemblance`, `according to plan`) nor the writer's own
        // information (`selon nos informations`).
        let first = (start + 1 < j).then(|| p.key(start)).flatten();
        if !closed
            || first.is_none_or(|w| p.lex.is_pronoun(w))
            || p.is(start, word::POSS | word::QUANT | word::NEG)
        {
            continue;
        }
        let from = if p.is(start, word::DET) && start + 1 < j {
            start + 1
        } else {
            start
        };
        let span = p.items_span(start..j);
        return Some(Found {
            rule: "according",
            cue: Some(c.clone()),
            phrase: None,
            context: Some(Context::as_written(
                p.items_span(from..j).get(p.text).to_string(),
                span,
            )),
            confidence: 0.6,
        });
    }

    // A postposed cue further on in the sentence: inverted (`« … » à Moscou, a rapporté X`)
    // or a `, she said` incise after the rest of the clause (`"…" to drive up the stock price,
    // she said`), with no other quote in between.
    for c in cues.iter().filter(speaking) {
        if c.start() <= qi || c.nonfinite || !has_speaker(ms, es, c) {
            continue;
        }
        let quote_between = (qi + 1..c.start()).any(|k| p.quote_at(k).is_some());
        let incise = !c.inverted
            && !quote_between
            && c.subject.as_ref().is_some_and(|subj| {
                subj.items.start > qi + 1
                    && p.is_punct(subj.items.start - 1, ",")
                    && subj.items.end == c.start()
                    && subj.head.is_some_and(|h| {
                        matches!(
                            ms.list[h].kind,
                            MentionKind::Pronoun { .. } | MentionKind::Name(_)
                        )
                    })
            })
            && (c.end() >= sent.end || p.is_any_punct(c.end(), &[",", ".", ";"]));
        if c.inverted || incise {
            return Some(Found::of_cue("postposed", c, 0.7));
        }
    }

    // A verb coordinated with the quote's clause, after it, whose subject opens the sentence
    // before the quote: `The State Department gave its "deepest sympathies" and said …`.
    if let Some(c) = cues
        .iter()
        .filter(speaking)
        .find(|c| c.start() > qi && !c.nonfinite && !c.inverted && has_speaker(ms, es, c))
    {
        let subject_before = c.subject.as_ref().is_some_and(|subj| {
            subj.items.end <= qi && (sent.start..subj.items.start).all(|x| p.is(x, word::DET))
        });
        let mut k = c.start();
        while k > qi + 1 && p.is(k - 1, word::ADV) {
            k -= 1;
        }
        let joined = k > qi + 1 && p.is(k - 1, word::CONJ) && !p.is_punct(k - 2, ",");
        let clear = (qi + 1..k).all(|x| {
            p.quote_at(x).is_none() && !p.is_any_punct(x, &[";", ":", "(", "—", "–", "―"])
        });
        if subject_before && joined && clear {
            return Some(Found::of_cue("postposed", c, 0.7));
        }
    }

    // 5. Colon with a subject and no cue.
    if let Some(f) = colon(p, ms, qi, &sent) {
        return Some(f);
    }

    // 6. Dash: `"…" – Jane Doe`.
    if p.is_any_punct(qi + 1, &["—", "–", "―", "-"]) {
        if let Some(ph) = cues::noun_phrase_right(p, ms, qi + 2, sent.end) {
            if ph.head.is_some_and(|h| ms.list[h].is_name()) {
                return Some(Found {
                    rule: "dash",
                    cue: None,
                    phrase: Some(ph),
                    context: None,
                    confidence: 0.8,
                });
            }
        }
    }

    // 7. Coordinated with the quote before it in the sentence: `gone after Trump as a "…" and
    //    a "spoiled brat"`, `qualifié de « … » et d'« … »`. The same speaker's words.
    if let Some(l) = last.filter(|l| l.sentence == s && l.ctx.speaker.is_some()) {
        if coordinated(p, l.item, qi) {
            // No surer than the quote it is coordinated with.
            return Some(Found {
                rule: "coordinated",
                cue: None,
                phrase: None,
                context: Some(l.ctx.clone()),
                confidence: 0.8 * l.confidence,
            });
        }
    }

    // 8. Context, then the next sentence: when nothing else ties the quote, the next sentence
    // of the paragraph may say its subject said something more (`… maintenus dans « … ».
    // L'ONG dénonce également …`, `"…" The union also criticised …`).
    context_speaker(p, ms, es, q, qi, s, &sent, last, speakers, cues_of)
        .or_else(|| said_also_next(p, ms, es, s, cues_of))
        .or_else(|| woven_paragraph(p, ms, es, qi, last, cues_of))
        .or_else(|| subject_fragment(p, ms, qi, &sent))
        .or_else(|| headline_fragment(p, ms, qi, &sent))
        .or_else(|| headline_lead(p, ms, qi, &sent))
}

/// A headline that opens with the quote, its speaker after a colon or a comma: `‘We deserved
/// more’: Pellow fumes as …`, `‘Situation under control’, says minister`, `« Nous irons
/// jusqu'au bout » : Marie Dupont …`. The first mention there, a person's name or description
/// (a reporting verb and a determiner may come first).
fn headline_lead(
    p: &Prose,
    ms: &Mentions,
    qi: usize,
    sent: &std::ops::Range<usize>,
) -> Option<Found> {
    if p.blocks.len() < 2 || p.block_start_of(qi) != 0 || qi != sent.start {
        return None;
    }
    if !p.is_any_punct(qi + 1, &[":", ","]) {
        return None;
    }
    let mut k = qi + 2;
    if let Some((len, _)) = p
        .lex
        .verbs
        .longest(k, |x| p.key(x).filter(|_| x < sent.end))
    {
        k += len;
    }
    if p.is(k, word::DET) {
        k += 1;
    }
    let mi = ms
        .starting_at(k)
        .chain(ms.starting_at(k.saturating_sub(1)))
        .find(|&m| headline_person(ms, m))?;
    let m = &ms.list[mi];
    Some(headline_found(m.items.clone(), m.full, mi))
}

/// A person's name or description that is no prepositional object: who a headline quotes.
fn headline_person(ms: &Mentions, m: usize) -> bool {
    let mm = &ms.list[m];
    !mm.in_pp
        && matches!(
            mm.kind,
            MentionKind::Name(NameKind::Person | NameKind::Unknown)
                | MentionKind::Description(RoleKind::Person)
        )
}

/// The `headline` rule's finding: the speaker's phrase over `items`, its head `mi`.
fn headline_found(items: std::ops::Range<usize>, span: Span, mi: usize) -> Found {
    Found {
        rule: "headline",
        cue: None,
        phrase: Some(Phrase {
            items,
            span,
            head: Some(mi),
        }),
        context: None,
        confidence: 0.6,
    }
}

/// True when the quote at item `qi` opens with a word in lowercase (a fragment, not a name).
fn in_sentence_case(p: &Prose, qi: usize) -> bool {
    p.quote_at(qi)
        .and_then(|q| {
            p.quote_tokens[q]
                .clone()
                .find(|&t| p.tokens[t].kind == crate::tokens::TokKind::Word)
        })
        .is_some_and(|t| !p.has(t, crate::prose::flag::CAP))
}

/// A headline's `Person « fragment »` (`Ligue 1 : Bertrand Koulibaly « fier de ses joueurs »`,
/// `Minister "confident" deal will pass`): the person opens the headline, or its part after a
/// colon or a comma, and the quote in sentence case follows the name.
fn headline_fragment(
    p: &Prose,
    ms: &Mentions,
    qi: usize,
    sent: &std::ops::Range<usize>,
) -> Option<Found> {
    if p.blocks.len() < 2 || p.block_start_of(qi) != 0 {
        return None;
    }
    if !in_sentence_case(p, qi) {
        return None;
    }
    let mi = ms.ends_at(qi).find(|&m| headline_person(ms, m))?;
    let m = &ms.list[mi];
    let mut start = m.items.start;
    while start > sent.start && p.is(start - 1, word::DET) {
        start -= 1;
    }
    if start != sent.start && !p.is_any_punct(start - 1, &[":", ","]) {
        return None;
    }
    Some(headline_found(
        start..m.items.end,
        p.items_span(start..m.items.end),
        mi,
    ))
}

/// A figure ending right before item `end`: `63 percent`, `the other 37 per cent`, `48 %`
/// (a determiner or quantifier may open it).
fn figure_before(p: &Prose, end: usize) -> Option<std::ops::Range<usize>> {
    let mut k = end;
    let per = |k: usize| matches!(p.key(k), Some("per" | "pour"));
    if k >= 2 && p.key(k - 1) == Some("percent") || k >= 1 && p.is_punct(k - 1, "%") {
        k -= 1;
    } else if k >= 3 && p.key(k - 1) == Some("cent") && per(k - 2) {
        k -= 2;
    } else {
        return None;
    }
    let number = |x: usize| {
        p.tok(x)
            .is_some_and(|t| p.tokens[t].kind == TokKind::Number)
            || p.is(x, word::NUM)
    };
    if k == 0 || !number(k - 1) {
        return None;
    }
    k -= 1;
    while k > 0 && p.is(k - 1, word::DET | word::QUANT | word::ADV) && !p.is(k - 1, word::PREP) {
        k -= 1;
    }
    Some(k..end)
}

/// The quote at item `qi` is coordinated with the one at item `before`: between them only a
/// conjunction, with a comma, a determiner or a preposition (`"…" and a "…"`, `« … » et d'« …
/// »`, `"…", "…"`).
fn coordinated(p: &Prose, before: usize, qi: usize) -> bool {
    let gap = before + 1..qi;
    gap.len() <= 4
        && gap
            .clone()
            .any(|k| p.is(k, word::CONJ) || p.is_punct(k, ","))
        && gap.clone().all(|k| {
            p.is_punct(k, ",")
                || p.is(k, word::CONJ | word::DET | word::PREP)
                || matches!(p.key(k), Some("as" | "comme"))
        })
}

/// A quote inside a sentence whose subject, opening it, is a named person or a personal
/// pronoun, followed by its verb (`Trump openly admires Putin as a "strong leader"`): the
/// person's words, though no reporting verb says so.
fn subject_fragment(
    p: &Prose,
    ms: &Mentions,
    qi: usize,
    sent: &std::ops::Range<usize>,
) -> Option<Found> {
    if qi <= sent.start {
        return None;
    }
    // A fragment in sentence case: a capitalised one names something (`"Super Tuesday"`).
    if !in_sentence_case(p, qi) {
        return None;
    }
    let (mi, m) = ms
        .within(p.items_span(sent.start..qi))
        .find(|(_, m)| !m.in_pp)?;
    let person = matches!(
        m.kind,
        MentionKind::Name(NameKind::Person | NameKind::Unknown)
            | MentionKind::Pronoun { neuter: false }
    );
    // The subject opens the sentence, after an adverbial and its comma (`In July, …`).
    let mut k = sent.start;
    if p.is(k, word::PREP | word::TIME | word::ADV) {
        if let Some(c) = (k..m.items.start).find(|&c| p.is_punct(c, ",")) {
            k = c + 1;
        }
    }
    while k < m.items.start && p.is(k, word::DET) {
        k += 1;
    }
    if !person || k != m.items.start {
        return None;
    }
    // Not an impersonal `il` (`Il semblerait que …`).
    if p.lang == Lang::Fr && matches!(p.key(m.items.start), Some("il")) {
        return None;
    }
    let mut v = m.items.end;
    let mut copula = false;
    while v < qi && p.is(v, word::ADV | word::AUX | word::NEG) {
        copula |= matches!(
            p.key(v),
            Some(
                "est"
                    | "était"
                    | "sont"
                    | "étaient"
                    | "été"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "been"
                    | "be"
            )
        );
        v += 1;
    }
    if v >= qi || !p.is_word(v) || p.is_cap(v) || p.tags(v) != 0 {
        return None;
    }
    // Active voice only (`était connue pour`, `was described as` report no one's words), and
    // within the subject's own clause: no relative or subordinate clause, no other quote, no
    // `;` or `:` before the quote.
    if copula && !p.key(v).is_some_and(|w| w.ends_with("ing")) {
        return None;
    }
    if (v + 1..qi).any(|k| {
        p.is(k, word::REL | word::SUB) || p.quote_at(k).is_some() || p.is_any_punct(k, &[";", ":"])
    }) {
        return None;
    }
    Some(Found {
        rule: "context",
        cue: None,
        phrase: Some(Phrase {
            items: m.items.clone(),
            span: m.full,
            head: Some(mi),
        }),
        context: None,
        confidence: 0.4,
    })
}

/// True when the sentence of item `qi` opens its paragraph with a lowercase word right after a
/// paragraph that ended on a full stop: the start of the sentence (and whoever it named) was
/// cut. A block that is a line of unwrapped text continues the sentence of the line before,
/// which does not end on a stop.
fn broken_opening(p: &Prose, qi: usize) -> bool {
    let first = p.sentences[p.sentence_index(qi)].items.start;
    let block = p.block_start_of(first);
    if first == 0 || p.first_item_of(block) != first || p.blocks[block].kind != BlockKind::Paragraph
    {
        return false;
    }
    let lower_word = p.tok(first).is_some_and(|t| {
        p.tokens[t].kind == TokKind::Word && p.tok_text(t).chars().all(|c| !c.is_uppercase())
    });
    let stop_before =
        p.is_any_punct(first - 1, &[".", "!", "?", "…"]) || p.quote_ends_sentence(first - 1);
    lower_word && stop_before
}

/// Words past which a speaker mention is more likely a clause taken for a subject.
const LONG_MENTION_WORDS: usize = 8;

/// Items past which a block is not read as one paragraph by [`woven_paragraph`].
const PARAGRAPH_ITEMS: usize = 400;

/// A paragraph that weaves the speaker's first-person words into the writer's own sentences
/// with no cue and nobody named (`« Si les tarifs grimpent, notre chaufferie … », et la vraie
/// difficulté consiste à trouver « comment nous … ». « Je reste convaincu … »`) goes on reporting the named person quoted at the
/// end of the paragraph before (or earlier in this one). Every quote of the paragraph up to this one must speak in the
/// first person; a paragraph made of quotes alone is left to the editor.
fn woven_paragraph(
    p: &Prose,
    ms: &Mentions,
    es: &Entities,
    qi: usize,
    last: Option<&Last>,
    cues_of: &mut SentenceCues,
) -> Option<Found> {
    let l = last?;
    let id = l.ctx.entity?;
    let block = p.block_start_of(qi);
    // The paragraph before, or an earlier quote of this one tied the same way.
    let before = l.block + 1 == block || l.block == block;
    if !before || !es.list[id].named || es.list[id].kind != EntityKind::Person {
        return None;
    }
    let (start, end) = (p.first_item_of(block), p.first_item_of(block + 1));
    // A paragraph, not a whole text without breaks: the checks below read all of it.
    if end - start > PARAGRAPH_ITEMS {
        return None;
    }
    let first_person = |q: usize| {
        p.quote_tokens[q]
            .clone()
            .any(|t| p.lex.first_person.contains(p.norm(t)))
    };
    let mut prose_words = 0;
    for k in start..end {
        match p.quote_at(k) {
            Some(q) if k <= qi && !first_person(q) => return None,
            Some(_) => {}
            None if p.is_word(k) && !p.is(k, word::NUM | word::TIME) => prose_words += 1,
            None => {}
        }
    }
    let (s0, s1) = (p.sentence_index(start), p.sentence_index(end - 1));
    let quiet = (s0..=s1).all(|k| cues_of.get(p, ms, k).is_empty())
        && ms.within(p.items_span(start..end)).all(|(_, m)| {
            m.is_outlet()
                || !(m.is_name() || matches!(m.kind, MentionKind::Pronoun { neuter: false }))
        });
    (prose_words >= 3 && quiet).then(|| context_of(es, id, 0.45))
}

/// Found by the context: entity `id`, with no mention or cue at the quote.
fn context_of(es: &Entities, id: usize, confidence: f32) -> Found {
    Found {
        rule: "context",
        cue: None,
        phrase: None,
        context: Some(Context {
            entity: Some(id),
            speaker: Some(es.list[id].name.clone()),
            mention: None,
            candidates: Vec::new(),
            anonymous: false,
        }),
        confidence,
    }
}

/// Rule 7 of [`find_speaker`]: a quote standing alone in its sentence, tied by the sentences
/// around it.
#[allow(clippy::too_many_arguments)]
fn context_speaker(
    p: &Prose,
    ms: &Mentions,
    es: &Entities,
    q: usize,
    qi: usize,
    s: usize,
    sent: &std::ops::Range<usize>,
    last: Option<&Last>,
    speakers: &Known,
    cues_of: &mut SentenceCues,
) -> Option<Found> {
    let es_of = |k: usize| es.of_mention[k];
    let filler = |k: usize| {
        p.is_any_punct(k, &[".", ",", "!", "?", ";", "…", ":", "(", ")"]) || p.quote_at(k).is_some()
    };
    // A quote opening its sentence that the writer completes in a few words with nobody named
    // and no verb of saying (`"You went on television to blame the tellers" for it.`).
    let tail = qi + 1..sent.end;
    let completed = qi == sent.start
        && tail.clone().filter(|&k| p.is_word(k)).count() <= 4
        && ms
            .within(p.items_span(tail.clone()))
            .all(|(_, m)| !m.is_name())
        && tail
            .clone()
            .all(|k| filler(k) || p.is_word(k) && p.lex.verbs.longest(k, |x| p.key(x)).is_none());
    let alone = completed || (sent.start..sent.end).filter(|&k| k != qi).all(filler);
    if !alone {
        return None;
    }
    if s > 0 {
        let prev = &p.sentences[s - 1];
        let same_or_next_block = p.block_start_of(qi) <= p.block_end_of(prev.items.end - 1) + 1;
        // `He said:` / `Il a déclaré :` then the quote.
        if same_or_next_block && p.is_punct(prev.items.end - 1, ":") {
            let pcues = cues_of.get(p, ms, s - 1);
            if let Some(c) = pcues.iter().rev().find(|c| has_speaker(ms, es, c)) {
                return Some(Found::of_cue("previous", c, 0.8));
            }
            if let Some(ph) = subject_of_sentence(p, ms, prev.items.start, prev.items.end - 1) {
                return Some(Found {
                    rule: "previous",
                    cue: None,
                    phrase: Some(ph),
                    context: None,
                    confidence: 0.6,
                });
            }
        }
    }
    // Continuation of the previous quote's speaker: the previous speech quote is in the same
    // paragraph, and no other person is named in between. A bare quote paragraph after a
    // closed and attributed quote is tied to nobody: copy that continues a speaker across
    // paragraphs reopens the same quote instead (the multi-paragraph convention).
    let block = p.block_start_of(qi);
    if let Some(l) = last.filter(|l| l.ctx.speaker.is_some()) {
        let between = p.items_span(l.item + 1..qi);
        let intruder = ms
            .within(between)
            .any(|(k, m)| !m.in_pp && m.is_name() && !m.is_outlet() && es_of(k) != l.ctx.entity);
        if block == l.block && s <= l.sentence + 2 && !(intruder && s > l.sentence + 1) {
            return Some(Found {
                rule: "continuation",
                cue: None,
                phrase: None,
                context: Some(l.ctx.clone()),
                confidence: if s == l.sentence + 1 { 0.75 } else { 0.6 },
            });
        }
    }
    // Context: the quote stands after a sentence of the same paragraph about a person, who is
    // its subject (`Lam also spoke on the economy. "…"`, `Il a souhaité faire un rappel au
    // règlement. « … »`). A bare quote opening a paragraph is tied to nobody, unless the
    // paragraph before ends by reporting what a named person said, in indirect speech (`…, a
    // annoncé à l'agence RIA Novosti Valentine Sapounov.` then `« … »`); so is one after a
    // sentence of its paragraph that does (`The administration may wait, Schiff said. "…"`).
    if s > 0 && p.sentences[s].items.start == qi {
        let prev_block = p.sentences[s - 1].block;
        let same_paragraph = prev_block == block && p.sentences[s].items.start > 0;
        if same_paragraph || prev_block + 1 == block {
            if let Some(c) = reported_before(p, ms, es, s - 1, cues_of) {
                let confidence = if same_paragraph { 0.6 } else { 0.55 };
                return Some(Found {
                    rule: "context",
                    cue: Some(c.clone()),
                    phrase: c.subject.clone(),
                    context: None,
                    confidence,
                });
            }
        }
    }
    if s == 0 || p.sentences[s - 1].block != block || p.sentences[s].items.start == 0 {
        return None;
    }
    let prev = &p.sentences[s - 1];
    if p.block_start_of(prev.items.start) != block {
        return None;
    }
    let ph = subject_of_sentence(p, ms, prev.items.start, prev.items.end)?;
    let head = ph.head?;
    // The sentence is about someone already quoted (`Lam also spoke on the economy.`), or
    // continues with a pronoun (`Il a souhaité faire un rappel au règlement.`); a person merely
    // named there (`Łukasz … participated in the chase.`) is not a speaker.
    let quoted_before = |k: usize| es_of(k).is_some_and(|e| speakers.has_spoken(e));
    // A quote in the first person singular after a sentence about a named person is theirs
    // (`Ana Pastor fut remerciée vendredi. « J'ai été virée … »`).
    let first_person = p.quote_tokens[q]
        .clone()
        .find(|&t| p.tokens[t].kind == crate::tokens::TokKind::Word)
        .is_some_and(|t| matches!(p.norm(t), "je" | "j'" | "i" | "i'm" | "i've"));
    let person = match ms.list[head].kind {
        MentionKind::Name(NameKind::Person) => quoted_before(head) || first_person,
        MentionKind::Name(NameKind::Unknown) => quoted_before(head),
        MentionKind::Description(_) => ms.list[head].apposed.is_some_and(quoted_before),
        MentionKind::Pronoun { neuter } => !neuter,
        _ => false,
    };
    if !person {
        return None;
    }
    Some(Found {
        rule: "context",
        cue: None,
        phrase: Some(ph),
        context: None,
        confidence: 0.55,
    })
}

/// The subject of the first cue of the sentence after `s`, in the same paragraph, when that cue
/// is a reporting verb with an additive adverb in or right after its group and a named or
/// described subject.
fn said_also_next(
    p: &Prose,
    ms: &Mentions,
    es: &Entities,
    s: usize,
    cues_of: &mut SentenceCues,
) -> Option<Found> {
    let next = s + 1;
    if next >= p.sentences.len() || p.sentences[next].block != p.sentences[s].block {
        return None;
    }
    let c = cues_of.get(p, ms, next).first()?;
    if c.kind != CueType::Verb || c.nonfinite || c.inverted || !has_speaker(ms, es, c) {
        return None;
    }
    let additive = (c.items.start..c.end() + 1).any(|k| p.is(k, word::ADDITIVE));
    let ph = c.subject.as_ref()?;
    let head = ph.head?;
    let named = match ms.list[head].kind {
        MentionKind::Name(_) => true,
        MentionKind::Description(_) => es.of_mention[head].is_some_and(|e| es.list[e].named),
        _ => false,
    };
    (additive && named).then(|| Found {
        rule: "context",
        cue: None,
        phrase: Some(ph.clone()),
        context: None,
        confidence: 0.5,
    })
}

/// The named person whose words sentence `s` reports in indirect speech: no quote in it, and
/// a reporting verb (not a weak one) whose subject is that person.
fn reported_before(
    p: &Prose,
    ms: &Mentions,
    es: &Entities,
    s: usize,
    cues_of: &mut SentenceCues,
) -> Option<Cue> {
    if p.sentences[s]
        .items
        .clone()
        .any(|i| p.quote_at(i).is_some())
    {
        return None;
    }
    cues_of.get(p, ms, s).iter().find_map(|c| {
        if c.kind != CueType::Verb || c.nonfinite || c.tags.has(VerbTags::WEAK) {
            return None;
        }
        // Indirect speech: `X a annoncé que …`, `…, a annoncé X.`; not `X claimed
        // responsibility for …`.
        // `…, Schiff said.`: the verb closes the sentence it reports.
        let closing = (c.end()..p.sentences[s].items.end)
            .all(|k| !p.is_word(k) || p.is(k, word::TIME | word::ADV));
        let reports = c.inverted
            || closing
            || c.tags.has(VerbTags::NAMING)
            || (c.end()..p.sentences[s].items.end).any(|k| p.is(k, word::SUB));
        if !reports {
            return None;
        }
        let head = c.subject.as_ref()?.head?;
        let id = es.of_mention[head]?;
        let ent = &es.list[id];
        (matches!(
            ms.list[head].kind,
            MentionKind::Name(NameKind::Person | NameKind::Unknown)
        ) && matches!(ent.kind, EntityKind::Person | EntityKind::Unknown)
            && ent.named)
            .then(|| c.clone())
    })
}

/// The nearest speaking cue before the quote in its sentence.
fn preposed(
    p: &Prose,
    ms: &Mentions,
    es: &Entities,
    qi: usize,
    sent: &std::ops::Range<usize>,
    cues: &[Cue],
) -> Option<Found> {
    let with_subject = |c: &&Cue| {
        c.end() <= qi
            && matches!(c.kind, CueType::Verb | CueType::Phrase(CueKind::Claim))
            && c.subject.as_ref().is_some_and(|s| s.head.is_some())
    };
    // `63 percent said she was "justified"`: a poll's figure as the subject of the nearest
    // cue is its speaker as written, not an earlier cue's subject.
    if let Some(d) = cues
        .iter()
        .rev()
        .find(|d| d.end() <= qi && d.kind == CueType::Verb && !d.nonfinite && !d.inverted)
    {
        if d.subject.is_none() {
            if let Some(fig) = figure_before(p, d.start()) {
                let span = p.items_span(fig);
                return Some(Found {
                    rule: "preposed",
                    cue: Some(d.clone()),
                    phrase: None,
                    context: Some(Context::as_written(span.get(p.text).to_string(), span)),
                    confidence: 0.6,
                });
            }
        }
    }
    let mut c = cues.iter().rev().find(with_subject)?;
    // A weak verb in the infinitive or a participle (`appeared to be feeling better`) inside
    // the clause that a cue before it introduces (`X said Sunday that …`) yields to that cue.
    if c.nonfinite && c.tags.has(VerbTags::WEAK) {
        let weak_start = c.start();
        if let Some(d) = cues.iter().rev().filter(with_subject).find(|d| {
            d.end() < weak_start
                && !(d.nonfinite && d.tags.has(VerbTags::WEAK))
                && (d.end()..weak_start).any(|k| p.is(k, word::SUB))
        }) {
            c = d;
        }
    }
    // An outlet may speak for itself (`which the BBC describes as "…"`), a named one only.
    let outlet_speaks = outlet_subject(ms, c).is_some_and(|h| ms.list[h].is_name());
    if !has_speaker(ms, es, c) && !outlet_speaks {
        return None;
    }
    // A cue separated from the quote by the end of its clause and another subject is not its
    // cue: `X a dit qu'il partirait ; Y a ri : « … »` is cut at `;` already by sentences.
    let between = c.end()..qi;
    let colon_or_que = between
        .clone()
        .any(|k| p.is_punct(k, ":") || p.is(k, word::SUB));
    let distance = between.len();
    let confidence = if colon_or_que || distance <= 2 {
        0.9
    } else {
        0.8
    };
    let _ = sent;
    Some(Found {
        rule: "preposed",
        cue: Some(c.clone()),
        phrase: c.subject.clone(),
        context: None,
        confidence,
    })
}

/// The subject of a sentence without a reporting verb: its first person or organisation
/// outside a prepositional phrase, before item `end`.
fn subject_of_sentence(p: &Prose, ms: &Mentions, start: usize, end: usize) -> Option<Phrase> {
    let span = p.items_span(start..end);
    let (mi, m) = ms.within(span).find(|(_, m)| {
        !m.in_pp
            && matches!(
                m.kind,
                MentionKind::Name(_) | MentionKind::Description(_) | MentionKind::Pronoun { .. }
            )
    })?;
    let head = match m.kind {
        MentionKind::Description(_) => m.apposed.unwrap_or(mi),
        _ => mi,
    };
    Some(Phrase {
        items: m.items.clone(),
        span: m.full,
        head: Some(head),
    })
}

/// A cue inside the quote: `« Nous partirons, a-t-il dit, dès demain »`,
/// `"We will leave," he said, "tomorrow."` written as one quote.
fn incise_inside(p: &Prose, ms: &Mentions, q: usize) -> Option<Found> {
    let toks = p.quote_tokens[q].clone();
    if toks.len() < 4 {
        return None;
    }
    for t in toks.clone() {
        if p.tokens[t].kind != crate::tokens::TokKind::Punct || p.tok_text(t) != "," {
            continue;
        }
        let next = t + 1;
        if next >= toks.end {
            break;
        }
        let norm = p.norm(next);
        if p.lang == Lang::Fr {
            if let Some((head, clitic)) = norm.rsplit_once('-') {
                let head = head.strip_suffix("-t").unwrap_or(head);
                let is_verb = p
                    .lex
                    .verbs
                    .longest(0, |x| (x == 0).then_some(head))
                    .is_some();
                let is_aux = p.lex.is(head, word::AUX);
                if matches!(clitic, "il" | "elle" | "ils" | "elles") && (is_verb || is_aux) {
                    // The incise ends at a comma or period.
                    let mut e = next + 1;
                    if is_aux && e < toks.end {
                        e += 1;
                    }
                    if e < toks.end && !matches!(p.tok_text(e), "," | "." | ";" | "!" | "?") {
                        continue;
                    }
                    let (span, _) = crate::mentions::inversion_clitic(p, next)?;
                    // The clitic is not in the mention list (it is inside a quote): resolve it
                    // as a pronoun mention through the nearest outer mention with that span is
                    // not possible; use the sentence's subject context instead.
                    let cue_span = p.tokens[next]
                        .span()
                        .cover(p.tokens[e.min(toks.end) - 1].span());
                    let _ = ms;
                    return Some(Found {
                        rule: "incise",
                        cue: Some(incise_cue(cue_span)),
                        phrase: Some(Phrase {
                            items: 0..0,
                            span,
                            head: None,
                        }),
                        context: None,
                        confidence: 0.85,
                    });
                }
            }
        }
    }
    None
}

/// The cue of an incise inside a quote: a verb over `span`, outside the outer items.
fn incise_cue(span: Span) -> Cue {
    Cue {
        items: 0..0,
        span,
        kind: CueType::Verb,
        tags: VerbTags::default(),
        lemma: None,
        nonfinite: false,
        inverted: true,
        subject: None,
        addressee: None,
    }
}

/// `« Nous ne céderons pas, a précisé la ministre Anne Vial. Le texte sera voté. »`: after a
/// comma inside the quote, a reporting verb and a subject that ends with a name, up to the next
/// comma or stop. The name is matched to a named person of the article by its last word, or
/// taken as written.
fn named_incise(p: &Prose, es: &Entities, q: usize) -> Option<Found> {
    let toks = p.quote_tokens[q].clone();
    let is_punct = |t: usize, s: &[&str]| {
        p.tokens[t].kind == crate::tokens::TokKind::Punct && s.contains(&p.tok_text(t))
    };
    for t in toks.clone().filter(|&t| is_punct(t, &[","])) {
        let mut k = t + 1;
        while k < toks.end && p.lex.is(p.norm(k), word::AUX | word::ADV) {
            k += 1;
        }
        let Some((len, _)) = p
            .lex
            .verbs
            .longest(k, |x| (x < toks.end).then(|| p.norm(x)))
        else {
            continue;
        };
        let np = k + len;
        // The clause may go on after the name (`, a confié l'entraîneur Laurent Vidal en
        // conférence de presse.`): up to 16 words to its end.
        let Some(end) =
            (np..toks.end.min(np + 16)).find(|&x| is_punct(x, &[",", ".", ";", "!", "?"]))
        else {
            continue;
        };
        let cap = |x: usize| p.has(x, crate::prose::flag::CAP) && p.lex.word_tags(p.norm(x)) == 0;
        // Titles before the name are not part of it (`Mayor Tom Hale`).
        let title = |x: usize| {
            let one = |y: usize| (y == x).then(|| p.norm(x));
            p.lex.honorifics.longest(x, one).is_some() || p.lex.roles.longest(x, one).is_some()
        };
        // The name is the first run of capitalised words that are not titles; what follows
        // it is the rest of the clause (`en conférence de presse à Rennes`).
        let Some(first) = (np..end).find(|&x| cap(x) && !title(x)) else {
            continue;
        };
        let last = (first..end).take_while(|&x| cap(x)).last().unwrap_or(first);
        let caps = last + 1 - first;
        let surname = crate::entities::fold(p.tok_text(last));
        let matches: Vec<usize> = es
            .named_with_word(&surname)
            .iter()
            .copied()
            .filter(|&id| {
                let e = &es.list[id];
                e.named
                    && e.kind == EntityKind::Person
                    && e.name
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| crate::entities::fold(w) == surname)
            })
            .collect();
        let name_span = p.tokens[first].span().cover(p.tokens[last].span());
        let (entity, speaker) = match matches[..] {
            [id] => (Some(id), es.list[id].name.clone()),
            [] if caps >= 2 => (None, name_span.get(p.text).to_string()),
            _ => continue,
        };
        let cue_span = p.tokens[t + 1].span().cover(p.tokens[np - 1].span());
        return Some(Found {
            rule: "incise",
            cue: Some(incise_cue(cue_span)),
            phrase: None,
            context: Some(Context {
                entity,
                speaker: Some(speaker),
                mention: Some(p.tokens[np].span().cover(p.tokens[last].span())),
                candidates: Vec::new(),
                anonymous: false,
            }),
            confidence: 0.8,
        });
    }
    None
}

/// The source named in the quote's own sentence: an outlet mention that is not part of the
/// speaker's phrase (`selon KCNA`, `told Reuters`, `a rapporté un média d'Etat`, `on Twitter`),
/// or the platform of the verb (`tweeted`).
#[allow(clippy::too_many_arguments)]
fn own_source(
    p: &Prose,
    ms: &Mentions,
    es: &Entities,
    s: usize,
    qi: usize,
    cues: &[Cue],
    found: Option<&Found>,
    speaker_span: Option<Span>,
) -> Option<(String, Option<Span>)> {
    let speaker_head = found.and_then(|f| f.phrase.as_ref()).and_then(|ph| ph.head);
    let mut best: Option<(usize, usize)> = None; // (mention, distance)
    let qspan = p.item_span(qi);
    // Another clause after the quote (`…, and on Twitter he…`, `…, while ALDI, in a Facebook
    // post, …`) cites its own sources.
    let sent = p.sentences[s].items.clone();
    let clause_break = |k: usize| {
        p.is_punct(k, ";")
            || (p.is_punct(k, ",")
                && p.key(k + 1).is_some_and(|w| {
                    matches!(
                        w,
                        "and" | "but" | "while" | "whereas" | "et" | "mais" | "alors" | "tandis"
                    )
                }))
    };
    let clause_end = (qi + 1..sent.end)
        .find(|&k| clause_break(k))
        .map_or(usize::MAX, |k| p.item_span(k).start);
    // And where it starts, when the speaker's subject opens a new clause: `La ministre a
    // défendu sa réforme à l'AFP, mais le député Paul Roux a dénoncé un « passage en force »`
    // (the outlet is the minister's).
    let clause_start = (sent.start..qi)
        .rev()
        .find(|&k| clause_break(k))
        .map(|k| p.item_span(k).end)
        .filter(|&b| speaker_span.is_some_and(|sp| sp.start >= b))
        .unwrap_or(0);
    for (k, m) in ms.in_sentence(s) {
        // A reporting verb's subject (`…, et prédit …, a rapporté un média d'Etat.`) reports
        // the whole sentence.
        // (A verb's: `in an interview with CNN` is only its own clause's.)
        let reports = cues.iter().any(|c| {
            c.kind == CueType::Verb && c.subject.as_ref().is_some_and(|s| s.head == Some(k))
        });
        if !m.is_outlet() || !reports && (m.full.start >= clause_end || m.full.end <= clause_start)
        {
            continue;
        }
        // A wire dateline (`PARIS, 3 mai (AFP) -`) says where the whole story comes from; it
        // cites no source for this quote.
        let s0 = m.items.start;
        let dateline = s0 > sent.start
            && s0 < sent.start + 8
            && p.is_punct(s0 - 1, "(")
            && p.is_punct(m.items.end, ")")
            && p.is_any_punct(m.items.end + 1, &["-", "–", "—"]);
        if dateline {
            continue;
        }
        // `the agency` that refers back to a government agency is no outlet.
        if es.of_mention[k].is_some_and(|id| es.list[id].kind != EntityKind::Outlet) {
            continue;
        }
        // A broadcaster speaking through its own press release (`TVE a émis un communiqué
        // affirmant …`) is the speaker, not a source.
        if Some(k) == speaker_head && press_release(p, s) {
            continue;
        }
        // An outlet that is not named is a source only where sources are cited (`selon un
        // média d'Etat`, `a rapporté un média d'Etat`, `told a local newspaper`), not as an
        // object (`accused the network of`).
        if !m.is_name() && !source_slot(p, ms, cues, k) {
            continue;
        }
        // `a report (released) by the agency`, `a statement on the city's website`: inside a
        // document speaker's phrase, the document's author or place, whatever slot it is in.
        let document_speaker = speaker_head.is_some_and(|h| {
            matches!(
                ms.list[h].kind,
                MentionKind::Description(RoleKind::Document)
            )
        });
        if speaker_span.is_some_and(|sp| sp.contains(m.full))
            && Some(k) != speaker_head
            && (document_speaker || !source_slot(p, ms, cues, k))
            && !viewer(p, m)
        {
            // `Lucy Fischer of The Times`: the speaker's employer, not the source; but `ALDI,
            // in a Facebook post, called it …` cites one in a parenthetical.
            continue;
        }
        let dist = if m.full.start >= qspan.end {
            m.full.start - qspan.end
        } else {
            qspan.start.saturating_sub(m.full.end)
        };
        if best.is_none_or(|(_, d)| dist < d) {
            best = Some((k, dist));
        }
    }
    if let Some((k, _)) = best {
        let m = &ms.list[k];
        // A named outlet is given as the article names it here (`NBC News`); a described one
        // (`un média d'Etat`) by the name the article gives it elsewhere.
        let name = if m.is_name() {
            Some(crate::entities::description_name(p, m))
        } else {
            es.of_mention[k].map(|id| es.list[id].name.clone())
        };
        if let Some(name) = name {
            return Some((name, Some(m.full)));
        }
    }
    // The platform a description names by its role noun (`tweet` → Twitter).
    let platform = |m: &crate::mentions::Mention| -> Option<String> {
        let MentionKind::Description(_) = m.kind else {
            return None;
        };
        p.key(m.items.end - 1)?;
        let (_, info) = (m.items.clone()).find_map(|k| {
            p.lex
                .roles
                .longest(k, |x| p.key(x).filter(|_| x < m.items.end))
        })?;
        info.platform.map(|pl| p.lex.platforms[pl as usize].clone())
    };
    // A document that names its platform: `according to a tweet by X` → Twitter.
    if let Some(h) = speaker_head {
        if let Some(name) = platform(&ms.list[h]) {
            return Some((name, Some(ms.list[h].full)));
        }
    }
    // A document of a platform the words were given in: `said in a tweet`, `a écrit dans un
    // tweet`.
    let given_in = |m: &crate::mentions::Mention| {
        let mut k = m.items.start;
        while k > sent.start && p.is(k - 1, word::DET) {
            k -= 1;
        }
        k > sent.start && matches!(p.key(k - 1), Some("in" | "dans" | "via"))
    };
    for (_, m) in ms.in_sentence(s) {
        if matches!(m.kind, MentionKind::Description(RoleKind::Document)) && given_in(m) {
            if let Some(name) = platform(m) {
                return Some((name, Some(m.full)));
            }
        }
    }
    // The verb names the platform: `tweeted`, `a tweeté`.
    let cue = found.and_then(|f| f.cue.as_ref());
    for c in cue.into_iter().chain(cues.iter()) {
        if let Some(lemma) = c.lemma {
            if let Some(platform) = &p.lex.lemmas[lemma as usize].platform {
                return Some((platform.clone(), Some(c.span)));
            }
        }
    }
    let _ = shared;
    None
}

#[cfg(test)]
mod regressions;
