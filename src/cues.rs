//! Cues: the reporting verb groups and cue phrases of a sentence, each with the noun phrase
//! that is its subject (or complement, for `selon X`).
//!
//! A cue is found from the lexicons (`a déclaré`, `a-t-il dit`, `est-il ajouté`, `said`,
//! `selon`, `according to`); its subject by reading the sentence around it with quotes as single
//! items: to the left for `X a déclaré`, to the right for the inverted `« … », a déclaré X`, in
//! the clitic for `a-t-il dit`, through the relative pronoun for `X, qui a précisé`, and from the
//! main clause for participles (`…, affirmant : « … »`).

use std::ops::Range;

use crate::lang::{CueKind, Lang, RoleKind, VerbTags, word};
use crate::mentions::{Mention, MentionKind, Mentions, NameKind, inversion_clitic};
use crate::prose::Prose;
use crate::span::Span;

/// What kind of cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueType {
    /// A reporting verb group.
    Verb,
    /// `est-il ajouté`, `peut-on lire`: the report goes on; no speaker of its own.
    Impersonal,
    /// A cue phrase from `cues.txt`.
    Phrase(CueKind),
}

/// A noun phrase tied to a cue.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    /// Items of the noun phrase.
    pub items: Range<usize>,
    /// Its span in the text (for a clitic, the clitic inside its token).
    pub span: Span,
    /// The mention that names it (the head), if one was found.
    pub head: Option<usize>,
}

/// A cue of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// Items of the cue (auxiliary, clitics and verb; or the cue phrase).
    pub items: Range<usize>,
    /// Span of the cue text.
    pub span: Span,
    /// Verb, impersonal continuation or phrase.
    pub kind: CueType,
    /// Tags of the verb's lemma.
    pub tags: VerbTags,
    /// Index of the verb's lemma.
    pub lemma: Option<u32>,
    /// A participle, gerund or infinitive: its subject is the main clause's.
    pub nonfinite: bool,
    /// The subject follows the verb (`a-t-il dit`, `, said X`, `comme le rappelle X`).
    pub inverted: bool,
    /// The subject (verbs) or complement (phrases).
    pub subject: Option<Phrase>,
    /// The addressee of a `tell` verb or the `à X` of `a déclaré à l'AFP`, when it is an outlet.
    pub addressee: Option<usize>,
}

impl Cue {
    /// First item of the cue.
    pub fn start(&self) -> usize {
        self.items.start
    }
    /// One past the last item of the cue.
    pub fn end(&self) -> usize {
        self.items.end
    }
}

/// Find the cues of sentence `s`.
pub fn find(p: &Prose, ms: &Mentions, s: usize) -> Vec<Cue> {
    let sent = p.sentences[s].items.clone();
    let mut out: Vec<Cue> = Vec::new();
    let mut j = sent.start;
    while j < sent.end {
        if p.tok(j).is_none() {
            j += 1;
            continue;
        }
        if let Some(c) = inversion_cue(p, ms, j, &sent) {
            j = c.end();
            out.push(c);
            continue;
        }
        if let Some(c) = phrase_cue(p, ms, j, &sent) {
            j = c.end().max(j + 1);
            out.push(c);
            continue;
        }
        if let Some(c) = verb_cue(p, ms, j, &sent) {
            j = c.end().max(j + 1);
            out.push(c);
            continue;
        }
        j += 1;
    }
    // Participles and infinitives take the subject of the nearest finite cue before them.
    for k in 0..out.len() {
        if out[k].subject.is_none() && out[k].nonfinite {
            let from_before = out[..k]
                .iter()
                .rev()
                .find(|c| c.kind == CueType::Verb && c.subject.is_some())
                .and_then(|c| c.subject.clone());
            out[k].subject =
                from_before.or_else(|| main_subject(p, ms, sent.start, out[k].start()));
        }
    }
    out
}

/// The verb part and the pronoun of an inversion token: `a-t-il` → (`a`, `il`), `dit-elle`,
/// `ajoute-t-il`, `ont-ils`.
fn split_inversion(norm: &str) -> Option<(&str, &str)> {
    let dash = norm.bytes().rposition(|b| b == b'-')?;
    let (head, clitic) = (&norm[..dash], &norm[dash + 1..]);
    let head = head.strip_suffix("-t").unwrap_or(head);
    (!head.is_empty()).then_some((head, clitic))
}

/// `« … », a-t-il dit`, `dit-elle`, `ajoute-t-il`, `est-il ajouté`, `peut-on lire`,
/// `tente-t-il de corriger`.
fn inversion_cue(p: &Prose, ms: &Mentions, j: usize, sent: &Range<usize>) -> Option<Cue> {
    if p.lang != Lang::Fr {
        return None;
    }
    let t = p.tok(j)?;
    let norm = p.norm(t);
    let (head, clitic) = split_inversion(norm)?;
    if !matches!(clitic, "il" | "elle" | "ils" | "elles" | "on") {
        return None;
    }
    let lex = p.lex;
    let clitic_phrase = || -> Option<Phrase> {
        let (span, _) = inversion_clitic(p, t)?;
        let head = ms.starting_at(j).find(|&k| {
            ms.list[k].core == span && matches!(ms.list[k].kind, MentionKind::Pronoun { .. })
        });
        Some(Phrase {
            items: j..j + 1,
            span,
            head,
        })
    };
    let impersonal_clitic = clitic == "on";
    // Auxiliary + participle: `a-t-il dit`, `avait-il expliqué`, `est-il ajouté`.
    if lex.is(head, word::AUX) || head == "peut" {
        let mut k = j + 1;
        while k < sent.end && p.is(k, word::ADV) {
            k += 1;
        }
        // `« … », a-t-on appris auprès de la préfecture`: who the writer learnt it from speaks.
        if impersonal_clitic && p.key(k) == Some("appris") {
            if let Some(np) = learnt_from(p, ms, k + 1, sent, false) {
                return Some(unlisted_inversion(p, j..k + 1, Some(np)));
            }
        }
        let (len, info) = lex
            .verbs
            .longest(k, |x| p.key(x).filter(|_| x < sent.end))?;
        let impersonal = (matches!(head, "est" | "sont") && clitic == "il")
            || head == "peut"
            || impersonal_clitic;
        let items = j..k + len;
        return Some(Cue {
            span: p.items_span(items.clone()),
            items,
            kind: if impersonal {
                CueType::Impersonal
            } else {
                CueType::Verb
            },
            tags: info.tags,
            lemma: Some(info.lemma),
            nonfinite: false,
            inverted: true,
            subject: if impersonal { None } else { clitic_phrase() },
            addressee: None,
        });
    }
    // Verb-clitic: `dit-elle`, `ajoute-t-il`.
    let key = |x: usize| -> Option<&str> {
        if x == j {
            Some(head)
        } else {
            p.key(x).filter(|_| x < sent.end)
        }
    };
    if let Some((len, info)) = lex.verbs.longest(j, key) {
        // `« … », fait-on valoir à l'Élysée`, `indique-t-on dans l'entourage du ministre`: the
        // place where `on` speaks is the speaker.
        if impersonal_clitic && !info.tags.has(VerbTags::PARADIGM) {
            if let Some(np) = learnt_from(p, ms, j + len, sent, true) {
                return Some(inverted_verb(p, j..j + len, info, Some(np)));
            }
        }
        if len == 1 && !info.tags.has(VerbTags::PARADIGM) {
            return Some(Cue {
                span: p.items_span(j..j + 1),
                items: j..j + 1,
                kind: if impersonal_clitic {
                    CueType::Impersonal
                } else {
                    CueType::Verb
                },
                tags: info.tags,
                lemma: Some(info.lemma),
                nonfinite: false,
                inverted: true,
                subject: if impersonal_clitic {
                    None
                } else {
                    clitic_phrase()
                },
                addressee: None,
            });
        }
    }
    // Right after a quote, an inversion is an incise whatever the verb (`« … », s'emporte-t-il`,
    // `sourit-elle`): in French the subject is inverted only there (Sagot & Danlos).
    let after_quote = {
        let mut k = j;
        while k > sent.start && p.is_punct(k - 1, ",") {
            k -= 1;
        }
        k > sent.start && p.quote_at(k - 1).is_some()
    };
    // `tente-t-il de corriger`, `semble-t-il dire`: a reporting infinitive after the inversion.
    let mut k = j + 1;
    if matches!(p.key(k), Some("de" | "d'")) {
        k += 1;
    }
    let infinitive = lex.verbs.longest(k, |x| p.key(x).filter(|_| x < sent.end));
    if infinitive.is_none() && after_quote && !impersonal_clitic {
        // Unknown verb: the cue is the inversion (and an infinitive after `de`).
        let end = if k > j + 1 { k + 1 } else { j + 1 };
        return Some(unlisted_inversion(p, j..end.min(sent.end), clitic_phrase()));
    }
    if let Some((len, info)) = infinitive {
        if k > j + 1 || p.key(j + 1).is_some() && k == j + 1 {
            return Some(inverted_verb(p, j..k + len, info, clitic_phrase()));
        }
    }
    None
}

/// An inverted cue whose verb the lexicon does not list (`s'emporte-t-il`, `a-t-on appris`).
fn unlisted_inversion(p: &Prose, items: Range<usize>, subject: Option<Phrase>) -> Cue {
    Cue {
        span: p.items_span(items.clone()),
        items,
        kind: CueType::Verb,
        tags: VerbTags::default(),
        lemma: None,
        nonfinite: false,
        inverted: true,
        subject,
        addressee: None,
    }
}

/// The noun phrase of `auprès de X` starting at item `k`, when it names someone. With `places`,
/// also `à l'Élysée`, `dans l'entourage du ministre`, `chez Renault`: where the `on` of an
/// impersonal inversion speaks (`fait-on valoir à l'Élysée`).
fn learnt_from(
    p: &Prose,
    ms: &Mentions,
    k: usize,
    sent: &Range<usize>,
    places: bool,
) -> Option<Phrase> {
    // `du`, `des` carry the article of the phrase, which may start with them or after them.
    let starts: &[usize] = match (p.key(k), p.key(k + 1)) {
        (Some("auprès"), Some("de" | "d'")) => &[k + 2],
        (Some("auprès"), Some("du" | "des")) => &[k + 1, k + 2],
        (Some("à" | "dans" | "chez"), _) if places => &[k + 1],
        (Some("au" | "aux"), _) if places => &[k, k + 1],
        _ => return None,
    };
    starts
        .iter()
        .find_map(|&s| noun_phrase_right(p, ms, s, sent.end).filter(|np| np.head.is_some()))
}

/// A cue phrase: `selon X`, `d'après X`, `according to X`, `Pour X, …`, `cité par X`, `dans les
/// colonnes du X`.
fn phrase_cue(p: &Prose, ms: &Mentions, j: usize, sent: &Range<usize>) -> Option<Cue> {
    let (len, info) = p
        .lex
        .cues
        .longest(j, |x| p.key(x).filter(|_| x < sent.end))?;
    let kind = info.kind;
    let after = j + len;
    // `per the party's bylaws`, `per NBC News`: only before a determiner or a capital that
    // opens a mention (not `per cent`, `per person`).
    if info.named
        && !((p.is(after, word::DET) || p.is_cap(after))
            && mention_starting_at(ms, p, after).is_some())
    {
        return None;
    }
    if kind == CueKind::Opinion {
        // `Pour X, …` only at the head of a sentence or clause, with a comma after X.
        let heads_clause = j == sent.start
            || p.is_any_punct(j - 1, &[",", ";", ":"])
            || p.quote_at(j - 1).is_some();
        // Not `pour` and an infinitive (`pour gonfler le cours, a-t-elle dit`): a plain word
        // right after it must start a mention.
        let infinitive = p.is_word(after)
            && p.tags(after) == 0
            && !p.is_cap(after)
            && mention_starting_at(ms, p, after).is_none();
        if !heads_clause || infinitive {
            return None;
        }
    }
    if kind == CueKind::Claim {
        return claim_cue(p, ms, j, after, sent);
    }
    let mut np = noun_phrase_right(p, ms, after, sent.end);
    if kind == CueKind::Opinion {
        // `Pour Bertrand Lavigne, la réalisatrice « … »`: a phrase with no comma after it ends
        // at its first comma, not in an apposition that is the clause's subject.
        if let Some(ph) = np.as_mut().filter(|ph| !p.is_punct(ph.items.end, ",")) {
            if let Some(comma) = ph.items.clone().find(|&k| p.is_punct(k, ",")) {
                let head = ms
                    .starting_at(ph.items.start)
                    .chain(ms.starting_at(ph.items.start + 1))
                    .find(|&m| ms.list[m].items.end == comma);
                if let Some(h) = head {
                    ph.items = ph.items.start..comma;
                    ph.span = p.items_span(ph.items.clone());
                    ph.head = Some(h);
                }
            }
        }
        let np = np.as_ref()?;
        if !p.is_punct(np.items.end, ",") || np.head.is_none() {
            return None;
        }
        let m = &ms.list[np.head?];
        if !matches!(
            m.kind,
            MentionKind::Name(_) | MentionKind::Pronoun { .. } | MentionKind::Description(_)
        ) {
            return None;
        }
    }
    // `according to agreed facts heard in court`: a complement that names no one still makes
    // a cue (the attribution writes the speaker as its description).
    if kind == CueKind::According
        && np.is_none()
        && !(after < sent.end && p.is_word(after) && p.quote_at(after).is_none())
    {
        return None;
    }
    let items = j..after;
    Some(Cue {
        span: p.items_span(items.clone()),
        items,
        kind: CueType::Phrase(kind),
        tags: VerbTags::default(),
        lemma: None,
        nonfinite: false,
        inverted: true,
        subject: np,
        addressee: None,
    })
}

/// A noun of saying at items `j..after` with its possessor, opening the clause that holds what
/// was said: `Donald Trump's claim that …`, `l'affirmation de Donald Trump selon laquelle …`.
/// Not a bare noun (`Politifact rated the claim "false"`): the possessor is the subject.
fn claim_cue(p: &Prose, ms: &Mentions, j: usize, after: usize, sent: &Range<usize>) -> Option<Cue> {
    let speaker = |m: usize| {
        matches!(
            ms.list[m].kind,
            MentionKind::Name(NameKind::Person | NameKind::Org | NameKind::Unknown)
                | MentionKind::Description(_)
        )
    };
    // English `X's claim`; French `l'affirmation de X`.
    let (subject, clause) = if j >= sent.start + 2 && p.key(j - 1) == Some("'s") {
        let m = ms.ends_at(j - 1).find(|&m| speaker(m))?;
        (m, after)
    } else if matches!(p.key(after), Some("de" | "du" | "d'")) {
        let k = if p.key(after) == Some("du") || !p.is(after + 1, word::DET) {
            after + 1
        } else {
            after + 2
        };
        let m = mention_starting_at(ms, p, k)
            .or_else(|| mention_starting_at(ms, p, after + 1))
            .or_else(|| mention_starting_at(ms, p, after))
            .filter(|&m| speaker(m))?;
        (m, ms.list[m].items.end)
    } else {
        return None;
    };
    // The clause of what was said follows at once: `that`, `que`, `selon laquelle`, `to`, `de`.
    if !matches!(
        p.key(clause),
        Some("that" | "to" | "que" | "qu'" | "selon" | "de" | "d'")
    ) || clause >= sent.end
    {
        return None;
    }
    let m = &ms.list[subject];
    Some(Cue {
        span: p.items_span(j..after),
        items: j..after,
        kind: CueType::Phrase(CueKind::Claim),
        tags: VerbTags::default(),
        lemma: None,
        nonfinite: false,
        inverted: false,
        subject: Some(Phrase {
            span: m.full,
            items: m.items.clone(),
            head: Some(subject),
        }),
        addressee: None,
    })
}

/// A reporting verb group at item `j`: auxiliaries, clitics and adverbs before the verb are
/// part of it (`avait fait savoir`, `le rappelle`, `has also said`).
fn verb_cue(p: &Prose, ms: &Mentions, j: usize, sent: &Range<usize>) -> Option<Cue> {
    let lex = p.lex;
    let (len, info) = lex
        .verbs
        .longest(j, |x| p.key(x).filter(|_| x < sent.end))?;
    let t = p.tok(j)?;
    // A capitalised word inside a name is not a verb (`the United States Constitution`).
    if p.lang == Lang::En
        && p.is_cap(j)
        && ms
            .in_sentence(p.sentence_index(j))
            .any(|(_, m)| m.is_name() && m.items.start < j && j < m.items.end)
    {
        return None;
    }
    // A noun, not a verb, after a determiner: `la note`, `a report`, `the said agreement`.
    if j > sent.start && p.is(j - 1, word::DET | word::POSS) && !p.is(j - 1, word::CLITIC) {
        return None;
    }
    if j > sent.start && p.is(j - 1, word::DET) && p.lang == Lang::En {
        return None;
    }
    // Or after a possessive `'s` (`the legal team's claims`; not `he's said`, `she's`).
    if p.lang == Lang::En
        && j > sent.start + 1
        && p.key(j - 1) == Some("'s")
        && !p.key(j - 2).is_some_and(|w| p.lex.is_pronoun(w))
    {
        return None;
    }
    let norm = p.norm(t);
    // An English verb in its base form (`state`, `report`, `claim`) is a verb only after
    // `they`/`we`/`I`/`you`, a plural noun, a modal or `to`; otherwise it is a noun.
    let lemma = &lex.lemmas[info.lemma as usize];
    if p.lang == Lang::En && lemma.name == norm && len == 1 && !lemma.base_is_past {
        let mut k = j;
        while k > sent.start && p.is(k - 1, word::ADV) {
            k -= 1;
        }
        let before = (k > sent.start).then(|| p.key(k - 1)).flatten();
        let ok = match before {
            Some(w) => {
                matches!(
                    w,
                    "they"
                        | "we"
                        | "i"
                        | "you"
                        | "to"
                        | "will"
                        | "would"
                        | "could"
                        | "can"
                        | "may"
                        | "might"
                        | "should"
                        | "must"
                        | "did"
                        | "do"
                        | "does"
                        | "not"
                        | "n't"
                ) || ms
                    .ending_at(k)
                    .any(|m| m.number == crate::lang::Number::Plural)
                    // Nouns that take a plural verb without a plural ending (`Police say`).
                    || matches!(w, "police" | "people")
                    // Two coordinated subjects (`Obama and Clinton call`).
                    || ms.ending_at(k).any(|m| {
                        m.items.start > sent.start + 1
                            && p.key(m.items.start - 1) == Some("and")
                            && ms.ending_at(m.items.start - 1).next().is_some()
                    })
            }
            None => false,
        };
        if !ok {
            return None;
        }
    }
    // A reflexive participle of a verb listed without its clitic is another verb
    // (`se trouvant devant la mairie` is not `trouvant le projet « … »`).
    if p.lang == Lang::Fr
        && norm.ends_with("ant")
        && !lemma.name.starts_with("se ")
        && !lemma.name.starts_with("s'")
        && j > sent.start
        && matches!(p.key(j - 1), Some("se" | "s'"))
    {
        return None;
    }
    // Verb group to the left.
    let mut start = j;
    let mut aux = false;
    let mut negated = false;
    while start > sent.start {
        let k = start - 1;
        let tags = p.tags(k);
        if let Some(phrase) = adverbial_ending_at(p, start, sent.start) {
            // `a pour sa part écrit`, `a de son côté affirmé`: only between an auxiliary and
            // the verb or right before the verb.
            start = phrase;
        } else if tags & word::AUX != 0 {
            aux = true;
            start = k;
        } else if tags & word::NEG != 0 {
            negated = true;
            start = k;
        } else if tags & (word::CLITIC | word::ADV) != 0 && tags & word::PREP == 0
            || p.key(k) == Some("s'")
        {
            // `le rappelle`, `lui a dit`, `a cependant réfuté`; not `en` as a preposition.
            if tags & word::DET != 0
                && !(k + 1 < p.items.len() && (p.is(k + 1, word::AUX) || k + 1 == j))
            {
                break;
            }
            start = k;
        } else {
            break;
        }
    }
    // Trim leading clitics that are really determiners of a preceding noun phrase.
    let end = j + len;
    // An English `-s` form right before another reporting verb is a plural noun, the subject of
    // that verb (`police shootings and protests demands that`, `the claims suggest`).
    if p.lang == Lang::En
        && norm.ends_with('s')
        && !aux
        && p.lex
            .verbs
            .longest(end, |x| p.key(x).filter(|_| x < sent.end))
            .is_some()
    {
        return None;
    }
    // Negation after the verb: `ne dit pas`, `n'a pas dit`; English negates before the verb
    // (`did not say`), and `said not allowing …` is not a negation of `said`.
    if p.lang == Lang::Fr && p.is(end, word::NEG) && p.key(end) != Some("plus") {
        negated = true;
    }
    if negated && !info.tags.has(VerbTags::NEGATIVE) {
        return None;
    }
    // Passive (`was described as "…" by X`, `a été qualifié de « … » par X`): the subject is
    // what was talked about, the speaker the agent after `by`/`par`; with no agent, no cue.
    // Not `s'est dit` (reflexive), `est revenu sur` (être is its auxiliary), `was quoted as
    // saying` (the subject speaks), nor `is saying`.
    let be = |k: usize| {
        matches!(
            p.key(k),
            Some(
                "is" | "are"
                    | "was"
                    | "were"
                    | "be"
                    | "been"
                    | "being"
                    | "est"
                    | "sont"
                    | "était"
                    | "étaient"
                    | "été"
                    | "sera"
                    | "seront"
                    | "serait"
                    | "seraient"
                    | "fut"
                    | "furent"
                    | "soit"
                    | "être"
            )
        )
    };
    let reflexive = (start..j).any(|k| {
        matches!(
            p.key(k),
            Some("se" | "s'" | "me" | "m'" | "te" | "t'" | "nous" | "vous")
        )
    });
    let lemma_name = lemma.name.as_str();
    let passive = (start..j).any(be)
        && !reflexive
        && !norm.ends_with("ing")
        && !norm.ends_with("ant")
        && !matches!(
            lemma_name,
            "quote" | "quote as saying" | "citer" | "revenir" | "convenir"
        )
        && !lemma_name.starts_with("se ")
        && !lemma_name.starts_with("s'")
        && !lemma_name.starts_with("aller ");
    if passive {
        // The quote is the passive verb's complement, before the agent (`was called "…" by`).
        let by = (end..sent.end.min(end + 16)).find(|&k| matches!(p.key(k), Some("by" | "par")))?;
        if !(end..by).any(|k| p.quote_at(k).is_some()) {
            return None;
        }
        let agent = noun_phrase_right(p, ms, by + 1, sent.end).filter(|np| np.head.is_some())?;
        return Some(inverted_verb(p, start..end, info, Some(agent)));
    }
    // A naming verb's participle with no auxiliary, its agent after `by`/`par` (`The reform,
    // described by critics as "a power grab", …`, `La réforme, qualifiée de « hold-up » par
    // l'opposition, …`): the agent speaks.
    let participle_form = match p.lang {
        Lang::En => norm.ends_with("ed"),
        Lang::Fr => ["é", "ée", "és", "ées"].iter().any(|e| norm.ends_with(e)),
    };
    if !passive && !aux && participle_form && lemma.tags.has(VerbTags::NAMING) && start == j {
        let window = end..sent.end.min(end + 16);
        let quote_at = window.clone().find(|&k| p.quote_at(k).is_some());
        let by = window
            .clone()
            .find(|&k| matches!(p.key(k), Some("by" | "par")) && p.quote_at(k).is_none());
        if let (Some(qk), Some(by)) = (quote_at, by) {
            // The agent, before the quote (`described by critics as "…"`) or after it.
            let agent = noun_phrase_right(p, ms, by + 1, sent.end).filter(|np| {
                np.head.is_some_and(|h| !ms.list[h].is_outlet()) && (by < qk || np.items.start > qk)
            });
            if let Some(agent) = agent {
                return Some(inverted_verb(p, start..end, info, Some(agent)));
            }
        }
    }
    // English particles after the verb are in the lemma (`point out`); French `que` is not part
    // of the cue.
    let prev = start.checked_sub(1).filter(|&k| k >= sent.start);
    let prev_key = prev.and_then(|k| p.key(k));
    let gerund = matches!(prev_key, Some("en")) && norm.ends_with("ant");
    let participle = !aux
        && ((p.lang == Lang::Fr && norm.ends_with("ant"))
            || (p.lang == Lang::En && norm.ends_with("ing")));
    let infinitive = matches!(prev_key, Some("de" | "d'" | "à" | "pour" | "to" | "sans"))
        || lex.lemmas[info.lemma as usize].name.ends_with(norm)
            && p.lang == Lang::Fr
            && !aux
            && prev_key == Some("de");
    if gerund {
        start -= 1;
    }
    // `to be feeling`, `to have said`: an English infinitive may start with its auxiliary.
    let nonfinite = gerund || participle || (infinitive && (!aux || prev_key == Some("to")));
    let items = start..end;
    // Inverted subject: after a quote (`« … », a déclaré X`, `"…," said X`), after a comma
    // with nothing before in the clause (`…, a rapporté jeudi un média d'Etat`), or after
    // `comme`/`as` (`comme le rappelle HRW`).
    let after_quote = {
        let mut k = start;
        while k > sent.start && p.is_any_punct(k - 1, &[",", "—", "–", "―"]) {
            k -= 1;
        }
        k > sent.start && k < start && p.quote_at(k - 1).is_some()
            || (k == start && k > sent.start && p.quote_at(k - 1).is_some())
    };
    let after_comma = prev.is_some_and(|k| p.is_punct(k, ","));
    let after_comme = matches!(prev_key, Some("comme" | "as" | "ainsi"))
        || (prev_key == Some("que") && start >= 2 && p.key(start - 2) == Some("ainsi"));
    let mut subject = None;
    let mut inverted = false;
    // `VNA quoted Deputy Foreign Minister Oksana Hale as saying …`: the one quoted speaks (the
    // outlet that quotes is a source, found as such).
    if participle && prev_key == Some("as") && start >= 2 {
        // (`quoted a fisherman, Chen Guoqiang, as saying`: the apposition's comma.)
        let mut end = start - 1;
        if end > sent.start + 1 && p.is_punct(end - 1, ",") {
            end -= 1;
        }
        let is_quote_verb = |k: usize| matches!(p.key(k), Some("quoted" | "quotes" | "quoting"));
        subject = noun_phrase_left(p, ms, end, sent.start).and_then(|np| {
            if np.items.start > sent.start && is_quote_verb(np.items.start - 1) {
                return np.head.is_some().then_some(np);
            }
            // The phrase found ran over the verb (`Xinhua quoted a fisherman, Chen Guoqiang,`):
            // the one quoted is what follows it, its first mention the head.
            let verb = np.items.clone().rev().find(|&k| is_quote_verb(k))?;
            let items = verb + 1..np.items.end;
            let head = ms
                .starting_at(verb + 1)
                .chain(ms.starting_at(verb + 2))
                .find(|&m| ms.list[m].items.end <= items.end)?;
            Some(Phrase {
                span: p.items_span(items.clone()),
                items,
                head: Some(head),
            })
        });
    }
    // After a comma the verb may end an apposition (`Tomasz Kubiak, a fire service spokesman,
    // told AFP`): a name or description right before wins over an inversion.
    if subject.is_none() && after_comma && !after_quote && !after_comme && !nonfinite {
        if let Some(left) = noun_phrase_left(p, ms, start, sent.start) {
            // Not a name inside a prepositional phrase (`… en mer Jaune, a rapporté X`).
            let named = left.head.is_some_and(|h| {
                matches!(
                    ms.list[h].kind,
                    MentionKind::Name(_) | MentionKind::Description(_)
                ) && !ms.list[h].in_pp
            }) && !(p.is(left.items.start, word::PREP)
                && (!p.is(left.items.start, word::DET)
                    || matches!(p.key(left.items.start), Some("au" | "aux"))))
                // `une « contribution » des grandes entreprises, rapporte X`: a `des`/`du`
                // phrase right after a noun or a quote completes it; a subject opens the clause.
                && !(matches!(p.key(left.items.start), Some("des" | "du"))
                    && left.items.start > sent.start
                    && !p.is_any_punct(left.items.start - 1, &[",", "—", "–", "―", ":"]))
                && (left.items.end + 2 >= start
                // `Nancy Pelosi, D-Calif., called`: a party tag between the two.
                || comma_party_tag_before(p, start, sent.start)
                    .is_some_and(|open| left.items.end + 1 >= open)
                // `X, which rules on …, said`: a relative clause between the two (`Sen. Bernie
                // Sanders (D-Vt.), who lost …, said`: after a short parenthesis).
                || {
                    let mut e = left.items.end;
                    if p.is_punct(e, "(") {
                        if let Some(close) = (e + 1..(e + 7).min(start)).find(|&x| p.is_punct(x, ")")) {
                            e = close + 1;
                        }
                    }
                    p.is_punct(e, ",") && opens_parenthetical(p, e + 1)
                });
            if named && !verb_after_name(p, ms, left.items.clone()) {
                subject = Some(left);
            }
        }
    }
    // An English verb with an addressee takes it right after (`…, told the court he was`):
    // that phrase is no inverted subject.
    let addressee_next = p.lang == Lang::En && info.tags.has(VerbTags::TELL);
    if subject.is_none()
        && !nonfinite
        && !addressee_next
        && (after_quote || after_comma || after_comme)
    {
        if let Some(np) = noun_phrase_right(p, ms, skip_adverbials(p, ms, end, sent.end), sent.end)
        {
            // A pronoun after the verb is its object (`said it was`), not an inverted subject.
            let pronoun = np
                .head
                .is_some_and(|h| matches!(ms.list[h].kind, MentionKind::Pronoun { .. }));
            if np.head.is_some() && !pronoun {
                subject = Some(np);
                inverted = true;
            }
        }
    }
    if subject.is_none() && !nonfinite && !after_comme {
        subject = noun_phrase_left(p, ms, start, sent.start);
    }
    // `…, state media reported`: a bare outlet noun that opens its clause right before the verb.
    if subject.is_none() && !nonfinite {
        subject = ms
            .ends_at(start)
            .find(|&m| {
                let s = ms.list[m].items.start;
                matches!(ms.list[m].kind, MentionKind::Outlet { named: false, .. })
                    && (s == sent.start
                        || s > 0 && (p.is_punct(s - 1, ",") || p.quote_at(s - 1).is_some()))
            })
            .map(|m| Phrase {
                items: ms.list[m].items.clone(),
                span: ms.list[m].full,
                head: Some(m),
            });
    }
    // A participle right after a noun (`footage of Hillary Clinton asking`, `Trump saying`) has
    // that noun for subject.
    let after_noun = ms.ending_at(start).any(|m| {
        !m.is_outlet()
            && !matches!(
                m.kind,
                MentionKind::Description(crate::lang::RoleKind::Document)
            )
    });
    if subject.is_none()
        && participle
        && start > sent.start
        && !p.is_punct(start - 1, ",")
        && after_noun
    {
        // An absolute construction first: `…, with Prime Minister Anna Berg calling it …`,
        // `footage of Hillary Clinton asking`, `…, la Première ministre Anna Berg saluant …`
        // (the chain of mentions right before the participle, after `with`, `of`, `avec` or
        // a comma, is its subject, not the clause's).
        let absolute = || {
            let chain = mention_chain_left(p, ms, sent.start, start)?;
            let opener = chain > sent.start
                && (matches!(p.key(chain - 1), Some("with" | "of" | "avec"))
                    || p.lang == Lang::Fr && p.is_punct(chain - 1, ","));
            if !opener {
                return None;
            }
            let items = chain..start;
            let span = p.items_span(items.clone());
            let head = ms
                .within(span)
                .filter(|(_, m)| {
                    !m.is_outlet()
                        && matches!(
                            m.kind,
                            MentionKind::Name(_)
                                | MentionKind::Description(RoleKind::Person | RoleKind::Anonymous)
                        )
                })
                .min_by_key(|(i, m)| (!m.is_name(), *i))
                .map(|(i, _)| i)?;
            Some(Phrase {
                items,
                span,
                head: Some(head),
            })
        };
        subject = absolute().or_else(|| {
            (p.lang == Lang::En)
                .then(|| noun_phrase_left(p, ms, start, sent.start))
                .flatten()
        });
    }
    // A participle or gerund opening the sentence (`After saying her foot was "…," she was`,
    // `En affirmant que le projet était « … », la ministre a quitté`) has the main clause's
    // subject, after the comma that closes it.
    if subject.is_none()
        && (gerund || participle)
        && (sent.start..start).all(|k| p.is(k, word::SUBORD | word::PREP | word::ADV))
    {
        // The comma may close the quote inside its marks (`"…," she was`).
        if let Some(comma) = (end..sent.end).find(|&k| p.comma_at(k)) {
            subject = noun_phrase_right(p, ms, comma + 1, sent.end).filter(|np| {
                np.items.start == comma + 1
                    && np.head.is_some_and(|h| {
                        matches!(
                            ms.list[h].kind,
                            MentionKind::Name(_)
                                | MentionKind::Description(_)
                                | MentionKind::Pronoun { neuter: false }
                        )
                    })
            });
        }
    }
    // A second verb of a coordination takes the sentence's subject (`Warren commended Biden and
    // said she was…`, `Kim a reçu Choïgou et a déclaré…`).
    // Inside an adverbial clause, the clause's own subject (`after she attacked police and
    // blamed …`).
    if subject.is_none() && !nonfinite && !inverted && prev.is_some_and(|k| p.is(k, word::CONJ)) {
        subject = subordinate_subject(p, ms, sent.start, start - 1)
            .or_else(|| main_subject(p, ms, sent.start, start));
    }
    // An infinitive after `X, de` / `X à`: X controls it (`convaincre la veuve, Souha Arafat, de
    // demander`, `pousser le ministre à déclarer`).
    if subject.is_none() && infinitive && matches!(prev_key, Some("de" | "d'" | "à")) {
        let mut k = start - 1;
        if k > sent.start && p.is_punct(k - 1, ",") {
            k -= 1;
        }
        let ends_mention = ms
            .ending_at(k)
            .any(|m| !m.is_outlet() && !matches!(m.kind, MentionKind::Pronoun { .. }));
        if ends_mention && k > sent.start {
            subject = noun_phrase_left(p, ms, k, sent.start);
        }
    }
    // English `said Caddell` also without a comma after a quote.
    if subject.is_none() && p.lang == Lang::En && !nonfinite {
        if let Some(np) = noun_phrase_right(p, ms, end, sent.end) {
            if np.head.is_some() && after_quote {
                subject = Some(np);
                inverted = true;
            }
        }
    }
    // Addressee: `told Reuters`, `a déclaré à l'AFP`, `told French news channel BFM TV`.
    let mut addressee = None;
    let mut k = if inverted {
        subject.as_ref().map_or(end, |s| s.items.end)
    } else {
        end
    };
    if p.is_punct(k, ",") {
        k += 1;
    }
    if matches!(p.key(k), Some("à" | "au" | "to")) {
        k += 1;
    }
    let first = ms
        .starting_at(k)
        .next()
        .or_else(|| ms.starting_at(k + 1).next().filter(|_| p.is(k, word::DET)));
    if let Some(mi) = first {
        if ms.list[mi].is_outlet() {
            addressee = Some(mi);
        }
    }
    // `The three-judge court found …`, `the study found`: findings are reported words only
    // from a court, a judge or a document.
    let finder = subject
        .as_ref()
        .and_then(|s| s.head)
        .and_then(|h| ms.list[h].role_class)
        .is_some_and(|c| lex.finding_classes.binary_search(&c).is_ok());
    if info.tags.has(VerbTags::FINDING) && !finder {
        return None;
    }
    Some(Cue {
        span: p.items_span(items.clone()),
        items,
        kind: CueType::Verb,
        tags: info.tags,
        lemma: Some(info.lemma),
        nonfinite,
        inverted,
        subject,
        addressee,
    })
}

/// A finite verb cue over `items` whose subject comes after it (an inversion, a passive's
/// agent).
fn inverted_verb(
    p: &Prose,
    items: Range<usize>,
    info: &crate::lang::VerbInfo,
    subject: Option<Phrase>,
) -> Cue {
    Cue {
        span: p.items_span(items.clone()),
        items,
        kind: CueType::Verb,
        tags: info.tags,
        lemma: Some(info.lemma),
        nonfinite: false,
        inverted: true,
        subject,
        addressee: None,
    }
}

/// The opening comma of an AP-style party tag that ends with a comma right before item `end`
/// (`Lindsey Graham, R-S.C., said`, `Nancy Pelosi, D-Calif., said`), after `floor`.
fn comma_party_tag_before(p: &Prose, end: usize, floor: usize) -> Option<usize> {
    if p.lang != Lang::En || end <= floor + 3 || !p.is_punct(end - 1, ",") {
        return None;
    }
    let open = (end.saturating_sub(8).max(floor)..end - 1)
        .rev()
        .find(|&x| p.is_punct(x, ","))?;
    (open > floor && crate::mentions::party_tag_at(p, open + 1)).then_some(open)
}

/// Item `x` opens a clause set between commas after a subject: a relative pronoun (`X, who
/// lost …, said`) or an English participle (`Trump, speaking to reporters …, said`).
fn opens_parenthetical(p: &Prose, x: usize) -> bool {
    p.is(x, word::REL) && !p.is(x, word::SUB)
        || p.lang == Lang::En
            && !p.is_cap(x)
            && p.key(x).is_some_and(|w| w.len() >= 5 && w.ends_with("ing"))
}

/// The `(` of a short parenthesis (at most six items) that closes right before item `end`,
/// after `floor`: `Philippe Gosselin (UMP)`, `Jim Jordan (R-Ohio)`.
fn short_parenthesis_before(p: &Prose, end: usize, floor: usize) -> Option<usize> {
    if end <= floor + 2 || !p.is_punct(end - 1, ")") {
        return None;
    }
    (floor..end - 1).rev().take(6).find(|&x| p.is_punct(x, "("))
}

/// Start of a multiword adverbial (`pour sa part`, `de son côté`) that ends right before item
/// `end` and starts at or after `floor`.
fn adverbial_ending_at(p: &Prose, end: usize, floor: usize) -> Option<usize> {
    (2..=4)
        .filter_map(|len| end.checked_sub(len))
        .find(|&start| {
            start >= floor
                && p.lex
                    .adverbials
                    .longest(start, |x| p.key(x).filter(|_| x < end))
                    .is_some_and(|(l, _)| start + l == end)
        })
}

/// Skip time adverbials, adverbs and a dative or medium between an inverted verb and its subject
/// (`a rapporté jeudi un média d'Etat`, `déclare à l'AFP Jean-Philippe Magnen`, `a annoncé sur
/// TF1 le maire`, `a estimé auprès de l'AFP X`).
fn skip_adverbials(p: &Prose, ms: &Mentions, mut k: usize, end: usize) -> usize {
    loop {
        if k < end && p.is(k, word::TIME | word::ADV) && !p.is(k, word::DET) {
            k += 1;
            continue;
        }
        if let Some((len, _)) = p
            .lex
            .adverbials
            .longest(k, |x| p.key(x).filter(|_| x < end))
        {
            k += len;
            continue;
        }
        // A dative or a medium: `déclare à l'AFP X`, `a annoncé sur TF1 X`, `a indiqué dans un
        // communiqué X`.
        // `auprès de l'AFP`, `auprès du Monde`: the preposition is two words.
        let b = match p.key(k) {
            Some("auprès") if p.key(k + 1) == Some("de") => Some(k + 2),
            Some("auprès") if matches!(p.key(k + 1), Some("du" | "des" | "d'")) => Some(k + 1),
            Some("à" | "au" | "aux" | "sur" | "dans" | "devant") => Some(k + 1),
            _ => None,
        };
        if let Some(b) = b.filter(|&b| b < end) {
            // The mention may start at its determiner (`à l'agence RIA Novosti`) or after it.
            let at = if p.is(b, word::DET) && mention_starting_at(ms, p, b).is_none() {
                b + 1
            } else {
                b
            };
            if let Some(m) = mention_starting_at(ms, p, at) {
                let next = ms.list[m].items.end;
                if next < end && mention_starting_at(ms, p, next).is_some() {
                    k = next;
                    continue;
                }
            }
        }
        return k;
    }
}

/// The noun phrase starting at item `k` and running right to the end of the clause: a mention
/// and its complements, with appositions after commas (`Christian Jacob, président du groupe
/// UMP`). Used for inverted subjects and for the complement of `selon`.
pub fn noun_phrase_right(p: &Prose, ms: &Mentions, k: usize, end: usize) -> Option<Phrase> {
    if k >= end || p.quote_at(k).is_some() {
        return None;
    }
    // `student protester Joshua Wong`: plain words before the first mention are premodifiers.
    let premodified = |j: usize| {
        j == k || p.is_word(j - 1) && !p.is(j - 1, word::PREP | word::REL | word::SUB | word::AUX)
    };
    // `said opposition health spokesman Femi Adeyemi-Clarke`, `said Republican state senator
    // Ann Ross`: premodifiers that are mentions of their own (a party, an organisation) before
    // a person's role and name; the role is the phrase's first mention.
    let titled = (k..(k + 5).min(end))
        .take_while(|&j| premodified(j))
        .find_map(|j| {
            let d = mention_starting_at(ms, p, j)?;
            (matches!(
                ms.list[d].kind,
                MentionKind::Description(RoleKind::Person | RoleKind::Anonymous)
            ) && mention_starting_at(ms, p, ms.list[d].items.end)
                .is_some_and(|n| ms.list[n].kind == MentionKind::Name(NameKind::Person)))
            .then_some(d)
        });
    let first = titled.or_else(|| {
        (k..(k + 3).min(end))
            .take_while(|&j| premodified(j))
            .find_map(|j| mention_starting_at(ms, p, j))
    })?;
    let mut stop = ms.list[first].items.end.max(k + 1);
    // A role right before a name (`said widow Mary Quinlan`): the name belongs to the phrase.
    if matches!(ms.list[first].kind, MentionKind::Description(_))
        && let Some(m) = mention_starting_at(ms, p, stop).filter(|&m| ms.list[m].is_name())
    {
        stop = ms.list[m].items.end.min(end).max(stop);
        // A party between the role and the name (`le sénateur LR Bruno Retailleau`).
        if ms.list[m].kind == MentionKind::Name(NameKind::Org)
            && let Some(person) = mention_starting_at(ms, p, stop)
                .filter(|&n| ms.list[n].kind == MentionKind::Name(NameKind::Person))
        {
            stop = ms.list[person].items.end.min(end).max(stop);
        }
    }
    // Complements of the head without commas: `le compte rendu publié par l'agence KCNA`,
    // `Lucy Fischer of The Times`, `du parti`; a parenthesised acronym (`(Ufip)`).
    let mut j = stop;
    loop {
        if j >= end {
            break;
        }
        if p.is_punct(j, "(") && j + 2 < end && p.is_punct(j + 2, ")") && p.is_cap(j + 1) {
            j += 3;
            stop = j;
            continue;
        }
        let Some(key) = p.key(j) else { break };
        // `l'ambassadeur de France en Afghanistan`, `US Ambassador to Germany`: a place after
        // `en`, `à`, `to`, `in` belongs to the phrase.
        let place_pp = matches!(key, "en" | "à" | "au" | "aux" | "in" | "to" | "at")
            && mention_starting_at(ms, p, j + 1)
                .or_else(|| {
                    p.is(j + 1, word::DET)
                        .then(|| mention_starting_at(ms, p, j + 2))
                        .flatten()
                })
                .is_some_and(|m| {
                    matches!(
                        ms.list[m].kind,
                        MentionKind::Name(NameKind::Place | NameKind::Org)
                    )
                });
        if place_pp {
            j += 1;
            if p.is(j, word::DET) {
                j += 1;
            }
            if let Some(m) = mention_starting_at(ms, p, j) {
                j = ms.list[m].items.end;
            }
            stop = j;
            continue;
        }
        let complement = matches!(
            key,
            "de" | "du" | "des" | "d'" | "of" | "for" | "from" | "at"
        );
        let participle = participle_like(p, j);
        if !(complement || participle) {
            break;
        }
        j += if participle { 2 } else { 1 };
        // The complement's words up to the next boundary.
        while j < end
            && p.quote_at(j).is_none()
            && !p.is_any_punct(j, &[",", ".", ";", ":", "!", "?", "(", ")", "—", "–", "―"])
            && !p.is(j, word::REL | word::SUB | word::CONJ | word::AUX)
            && !matches!(
                p.key(j),
                Some(
                    "à" | "au"
                        | "aux"
                        | "to"
                        | "avant"
                        | "before"
                        | "après"
                        | "after"
                        | "sur"
                        | "on"
                        | "dans"
                        | "in"
                )
            )
            && (p.lex.verbs.longest(j, |x| p.key(x)).is_none() || participle_like(p, j))
        {
            if participle_like(p, j) {
                break;
            }
            j += 1;
            if let Some(m) = mention_starting_at(ms, p, j) {
                j = j.max(ms.list[m].items.end);
            }
        }
        stop = j;
    }
    // Appositions after commas: a name or a role description.
    loop {
        if !p.is_punct(stop, ",") {
            break;
        }
        let Some(m) = mention_starting_at(ms, p, stop + 1) else {
            break;
        };
        let mm = &ms.list[m];
        let appositive = match mm.kind {
            MentionKind::Description(_) => true,
            MentionKind::Name(_) => matches!(ms.list[first].kind, MentionKind::Description(_)),
            _ => false,
        };
        if !appositive || mm.items.end > end {
            break;
        }
        // The apposition's own complements.
        let mut j = mm.items.end;
        while j < end
            && !p.is_any_punct(j, &[",", ".", ";", ":"])
            && p.quote_at(j).is_none()
            && !p.is(j, word::REL | word::SUB | word::AUX)
        {
            if p.lex.verbs.longest(j, |x| p.key(x)).is_some() {
                break;
            }
            j += 1;
        }
        // A description followed by its verb is no apposition but the subject of the next
        // clause (`According to Reuters, the minister was …`). (`'s` is a possessive here:
        // `a scientist at the university in Scott's district`.)
        // (`Selon une source proche du dossier, le gouvernement envisagerait de « … »`: a
        // French imperfect or conditional right after the description is its verb too.)
        let french_finite = |k: usize| {
            p.lang == Lang::Fr
                && p.tok(k).is_some_and(|t| !p.has(t, crate::prose::flag::CAP))
                && p.key(k).is_some_and(|w| {
                    ["ait", "aient", "rait", "raient"]
                        .iter()
                        .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
                })
        };
        let verb_next = j < end
            && (p.lex.verbs.longest(j, |x| p.key(x)).is_some()
                || p.is(j, word::AUX) && p.key(j) != Some("'s"))
            || french_finite(mm.items.end);
        if verb_next {
            break;
        }
        stop = j.max(mm.items.end);
    }
    let items = k..stop.min(end);
    // The phrase starts with its head, even after a preposition (`selon lui`, `pour X`); a
    // description apposed to a name gives the name.
    let fm = &ms.list[first];
    let head = match fm.kind {
        MentionKind::Description(crate::lang::RoleKind::Document) => Some(first),
        MentionKind::Description(_) => {
            // Not an acronym in parentheses (`le président de l'Union … (Ufip), Jean Louis
            // Schilansky`).
            let apposed = ms
                .within(p.items_span(items.clone()))
                .find(|(_, m)| {
                    m.is_name()
                        && !m.in_pp
                        && m.items.start >= fm.items.end
                        && !(m.items.start > 0 && p.is_punct(m.items.start - 1, "("))
                })
                .map(|(i, _)| i);
            fm.apposed.or(apposed).or(Some(first))
        }
        MentionKind::Outlet { named: false, .. } => ms
            .within(p.items_span(items.clone()))
            .find(|(i, m)| *i != first && m.is_outlet())
            .map(|(i, _)| i)
            .or(Some(first)),
        // `Cal Fire battalion chief Ray Castellanos`: the person's name heads the phrase.
        MentionKind::Name(_) => head_of(p, ms, items.clone()).or(Some(first)),
        _ => Some(first),
    };
    Some(Phrase {
        span: p.items_span(items.clone()),
        items,
        head,
    })
}

/// A past participle used as an adjective inside a noun phrase (`publié par`, `sent from`).
fn participle_like(p: &Prose, j: usize) -> bool {
    let Some(key) = p.key(j) else { return false };
    let next = p.key(j + 1);
    let past = (key.ends_with('é')
        || key.ends_with("ée")
        || key.ends_with("és")
        || key.ends_with("ed")
        || key.ends_with("ent"))
        && matches!(
            next,
            Some("par" | "by" | "from" | "à" | "in" | "on" | "dans")
        );
    // `l'organisation militant pour les droits de l'Homme`, `a group working for peace`.
    let present = (key.ends_with("ant") || key.ends_with("ing"))
        && key.len() > 5
        && matches!(
            next,
            Some(
                "pour" | "for" | "dans" | "in" | "sur" | "on" | "à" | "at" | "de" | "with" | "avec"
            )
        );
    past || present
}

/// The mention that starts at item `k` (the longest), or a mention starting right after a
/// determiner or preposition-free modifier at `k`.
fn mention_starting_at(ms: &Mentions, p: &Prose, k: usize) -> Option<usize> {
    if k >= p.items.len() {
        return None;
    }
    let span = p.item_span(k);
    let from = ms.list.partition_point(|m| m.full.start < span.start);
    let mut best: Option<usize> = None;
    for (i, m) in ms.list[from..].iter().enumerate() {
        if m.full.start != span.start && m.items.start != k {
            break;
        }
        if best.is_none_or(|b| m.items.end > ms.list[b].items.end) {
            best = Some(from + i);
        }
    }
    best
}

/// The subject noun phrase ending right before item `end` (exclusive), read leftwards to the
/// start of its clause, through appositions (`Nadim Houry, responsable de l'organisation,`) and
/// relative pronouns (`le documentaire qui précise`, `Thomas Gray, 24, who cited`).
pub fn noun_phrase_left(p: &Prose, ms: &Mentions, end: usize, sent_start: usize) -> Option<Phrase> {
    if end <= sent_start {
        return None;
    }
    let mut k = end;
    // `Mark Holt on Tuesday said`, `the ministry late Monday said`: in wire copy a time
    // adverbial may stand between the subject and its verb.
    if p.lang == Lang::En {
        let mut a = k;
        while a > sent_start && a + 3 > k && p.is(a - 1, word::TIME) && !p.is(a - 1, word::AUX) {
            a -= 1;
        }
        let mut lead = 0;
        while a < k
            && lead < 2
            && a > sent_start
            && matches!(
                p.key(a - 1),
                Some("on" | "late" | "early" | "earlier" | "last" | "this")
            )
        {
            a -= 1;
            lead += 1;
        }
        if a < k
            && ms.ending_at(a).any(|m| {
                // The clause's subject: at the start of the sentence, after a comma or a quote
                // (not `The union representing 1,200 pilots on Tuesday rejected`).
                let mut s = m.items.start;
                if s > sent_start && p.is(s - 1, word::DET) {
                    s -= 1;
                }
                let opens = s == sent_start
                    || s > sent_start && (p.is_punct(s - 1, ",") || p.quote_at(s - 1).is_some());
                opens
                    && !m.in_pp
                    && matches!(
                        m.kind,
                        MentionKind::Name(_)
                            | MentionKind::Description(_)
                            | MentionKind::Outlet { .. }
                    )
            })
        {
            k = a;
        }
    }
    // `McConnell, who in 2010 said`: a short adverbial between a relative pronoun and the
    // verb.
    if let Some(r) = (end.saturating_sub(5).max(sent_start)..end - 1)
        .rev()
        .find(|&x| matches!(p.key(x), Some("who" | "which" | "qui")))
    {
        let adverbial = r + 1..end;
        if p.is(r + 1, word::PREP | word::TIME | word::ADV)
            && adverbial.clone().all(|x| {
                p.tok(x).is_some_and(|t| {
                    matches!(
                        p.tokens[t].kind,
                        crate::tokens::TokKind::Word | crate::tokens::TokKind::Number
                    )
                })
            })
            && ms.within(p.items_span(adverbial)).next().is_none()
        {
            k = r + 1;
        }
    }
    // Relative pronoun right before the verb: the antecedent is the phrase before it.
    if p.is(k - 1, word::REL) && !p.is(k - 1, word::SUB)
        || matches!(p.key(k - 1), Some("qui" | "who" | "which"))
    {
        let mut a = k - 1;
        // `Thomas Gray, 24, who`: skip a comma and an age.
        while a > sent_start
            && (p.is_punct(a - 1, ",")
                || p.tok(a - 1)
                    .is_some_and(|t| p.tokens[t].kind == crate::tokens::TokKind::Number))
        {
            a -= 1;
        }
        // The antecedent is the nearest noun phrase: a name, or a description and the name it
        // is apposed to (`with McConnell, now the Senate majority leader, who said`), not the
        // subject of the clause around it.
        // An organisation's name in a prepositional phrase is the antecedent of `which`
        // (`they turned to the Police Department, which reported`). Not a person's name for
        // `who`: in `a spokesman for Senator Reid, who said` it is the spokesman.
        let pronoun = p.key(k - 1);
        let nearest = ms
            .ends_at(a)
            .find(|&m| {
                let mm = &ms.list[m];
                !mm.in_pp
                    || matches!(mm.kind, MentionKind::Description(_))
                    || (mm.kind == MentionKind::Name(NameKind::Org) && pronoun == Some("which"))
            })
            .or_else(|| {
                // `avec Mitch McConnell, aujourd'hui chef de la majorité, qui`: an apposition
                // that names no one, after the name.
                let comma = (a.saturating_sub(8).max(sent_start)..a)
                    .rev()
                    .find(|&x| p.is_punct(x, ","))?;
                let bare = ms.within(p.items_span(comma + 1..a)).next().is_none()
                    && (comma + 1..a)
                        .all(|x| p.is_word(x) && p.lex.verbs.longest(x, |y| p.key(y)).is_none());
                ms.ends_at(comma)
                    .find(|&m| ms.list[m].is_name() && !ms.list[m].is_outlet())
                    .filter(|_| bare)
            });
        if let Some(m) = nearest {
            let mm = &ms.list[m];
            let antecedent = match (mm.kind, mm.apposed) {
                (MentionKind::Description(_), Some(b))
                    if ms.list[b].items.end <= mm.items.start =>
                {
                    Some((ms.list[b].items.start, b))
                }
                // `tour manager Thomas Gray, 24, who`: the role before the name too.
                (MentionKind::Name(_), _) => {
                    let role = ms
                        .ends_at(mm.items.start)
                        .find(|&d| ms.list[d].apposed == Some(m));
                    Some((role.map_or(mm.items.start, |d| ms.list[d].items.start), m))
                }
                (MentionKind::Description(_), _) => Some((mm.items.start, m)),
                _ => None,
            };
            if let Some((start, head)) = antecedent.filter(|&(start, _)| start >= sent_start) {
                let items = start..a;
                return Some(Phrase {
                    span: p.items_span(items.clone()),
                    items,
                    head: Some(head),
                });
            }
        }
        return noun_phrase_left(p, ms, a, sent_start).map(|mut ph| {
            ph.items.end = ph.items.end.min(a);
            ph
        });
    }
    // `Philippe Gosselin (UMP) a dénoncé`: a short parenthesis before the verb.
    if let Some(open) = short_parenthesis_before(p, k, sent_start) {
        k = open;
    }
    // `Sen. Lindsey Graham, R-S.C., said`: an AP party tag between commas.
    if let Some(open) = comma_party_tag_before(p, k, sent_start) {
        k = open;
    }
    // `The Revolutionary Guard Corps, which includes the Quds Force, declared`: a relative
    // clause between commas; the subject is before it. So with an English participle
    // (`Trump, speaking to reporters aboard Air Force One, said`).
    if k > sent_start + 1 && p.is_punct(k - 1, ",") {
        // The segment scan stops at a verb inside the clause (`which rules on …`): the
        // relative pronoun is then right after the comma before it.
        let seg = scan_segment_left(p, ms, k - 1, sent_start);
        let seg = (seg.saturating_sub(20).max(sent_start + 1)..seg)
            .rev()
            .take_while(|&x| p.quote_at(x).is_none() && !p.is_any_punct(x, &[";", ":"]))
            .find(|&x| p.is_punct(x, ","))
            .map(|x| x + 1)
            .filter(|&x| opens_parenthetical(p, x) && !opens_parenthetical(p, seg))
            .unwrap_or(seg);
        if seg > sent_start + 1 && opens_parenthetical(p, seg) && p.is_punct(seg - 1, ",") {
            return noun_phrase_left(p, ms, seg - 1, sent_start);
        }
    }
    let end = k;
    let mut start = k;
    let floor = sent_start;
    // `X, apposition, verb`: a comma right before the verb opens an apposition.
    if k > sent_start && p.is_punct(k - 1, ",") {
        k -= 1;
    }
    loop {
        let segment_start = scan_segment_left(p, ms, k, sent_start);
        if segment_start == k {
            break;
        }
        let seg = segment_start..k;
        let first_after_comma = start == end && k != end;
        let person_inside = ms
            .within(p.items_span(seg.clone()))
            .any(|(_, m)| matches!(m.kind, MentionKind::Name(NameKind::Person)) && !m.in_pp);
        // A parenthetical between commas after a noun phrase (`Coles, in its media release,
        // reported`, `Jonna Mendez, also CIA, said`).
        // (`Zoe, on the top deck of the bus when the incident occurred, said`: the parenthetical
        // runs back to its comma even past `when`.)
        let segment_start = if first_after_comma
            && segment_start > sent_start
            && !p.is_punct(segment_start - 1, ",")
        {
            (sent_start..segment_start)
                .rev()
                .find(|&x| p.is_punct(x, ",") || p.quote_at(x).is_some())
                .filter(|&x| p.is_punct(x, ","))
                .map_or(segment_start, |x| x + 1)
        } else {
            segment_start
        };
        let seg = segment_start..k;
        let parenthetical = segment_start > sent_start && p.is_punct(segment_start - 1, ",") && {
            let c = segment_start - 1;
            let before = scan_segment_left(p, ms, c, sent_start);
            before < c
                && segment_heads_np(p, ms, before..c)
                && ms.within(p.items_span(before..c)).next().is_some()
        };
        if start == end && k == end {
            // The segment right before the verb.
            start = segment_start;
            // A subject pronoun right before the verb is the whole subject (`…, au centre
            // spatial Kennedy, elle a détaillé`).
            if segment_start + 1 == k
                && ms
                    .within(p.items_span(segment_start..k))
                    .any(|(_, m)| matches!(m.kind, MentionKind::Pronoun { .. }))
            {
                break;
            }
        } else if is_apposition(p, ms, seg.clone())
            || (first_after_comma && (person_inside || parenthetical))
        {
            start = segment_start;
        } else {
            // `aux manœuvres … en mer Jaune, a rapporté …`: what ends at the comma is not a
            // noun phrase.
            break;
        }
        // `…, which the New York Times called`: the subject follows the relative pronoun.
        if p.is(segment_start, word::REL)
            && segment_start + 1 < k
            && start == segment_start
            && k == end
        {
            start = segment_start + 1;
            break;
        }
        // `a recording in which someone, seemingly X, audibly says`: a relative pronoun after a
        // preposition, inside a segment before an apposition; the subject starts after it.
        if k != end && start == segment_start {
            if let Some(rel) = (segment_start + 1..k).rev().find(|&x| {
                p.is(x, word::REL)
                    && !p.is(x, word::SUB)
                    && p.is(x - 1, word::PREP)
                    && p.is_word(x + 1)
            }) {
                if rel + 1 < k {
                    start = rel + 1;
                    break;
                }
            }
        }
        // Continue through a comma when what precedes it is a name or a role description
        // (apposition), or the phrase we hold is one.
        if segment_start > sent_start && p.is_punct(segment_start - 1, ",") {
            let c = segment_start - 1;
            // `Jim Jordan (R-Ohio), an oversight panel member, said`: a short parenthesis
            // before the comma belongs to the name before it.
            let c = short_parenthesis_before(p, c, sent_start).unwrap_or(c);
            let before = scan_segment_left(p, ms, c, sent_start);
            let seg_before = before..c;
            // Not an adverbial clause before the comma, nor its subject or object (`Speaking to
            // reporters, …`, `Asked whether he would resign, …`, `Interrogée par la presse, …`).
            let inside_clause = before > sent_start
                && p.is(before - 1, word::PREP)
                && !p.is(before - 1, word::DET)
                || (before..c)
                    .any(|x| p.is(x, word::AUX) && !p.is(x, word::DET) && p.key(x) != Some("'s"))
                || p.lex.verbs.longest(before, |x| p.key(x)).is_some()
                    && p.key(before).is_some_and(|w| {
                        ["ing", "ed", "ant", "é", "ée", "és", "ées"]
                            .iter()
                            .any(|e| w.ends_with(e))
                    });
            if before < c
                && !inside_clause
                && (is_apposition(p, ms, seg_before.clone()) || is_apposition(p, ms, start..end))
                && segment_heads_np(p, ms, seg_before.clone())
            {
                k = c;
                continue;
            }
            // `Anderson Cooper, of CNN, one of Vanderbilt's sons, stated`: a prepositional
            // apposition between two commas.
            let pp = p
                .key(before)
                .is_some_and(|w| matches!(w, "of" | "de" | "du" | "from"))
                && ms.within(p.items_span(seg_before)).next().is_some();
            if pp && before > sent_start && p.is_punct(before - 1, ",") {
                let c2 = before - 1;
                let before2 = scan_segment_left(p, ms, c2, sent_start);
                if before2 < c2 && segment_heads_np(p, ms, before2..c2) {
                    start = before;
                    k = c2;
                    continue;
                }
            }
        }
        break;
    }
    // A phrase without apposition is the chain of mentions that ends right before the verb
    // (`Lead author Sally Wasef of Australia's Griffith University`); what comes before it is
    // another clause (`she appreciated Machado's courage through what | she`).
    if !(start..end).any(|x| p.is_punct(x, ",")) {
        start = mention_chain_left(p, ms, start.max(floor), end)?;
    }
    // Trim leading prepositional openers (`De son côté,` is cut by the comma already) and a
    // trailing comma.
    let mut items = start..end;
    while items.end > items.start && p.is_punct(items.end - 1, ",") {
        items.end -= 1;
    }
    if items.is_empty() {
        return None;
    }
    let head = head_of(p, ms, items.clone())?;
    // The phrase starts at the first mention or determiner: drop adverbials before it
    // (`Mercredi le ministre`).
    let first = ms
        .within(p.items_span(items.clone()))
        .map(|(_, m)| m.items.start)
        .min()
        .unwrap_or(items.start);
    let mut s = items.start;
    while s < first && !p.is(s, word::DET | word::POSS | word::NUM | word::QUANT) {
        s += 1;
    }
    let items = s.min(first)..items.end;
    Some(Phrase {
        span: p.items_span(items.clone()),
        items,
        head: Some(head),
    })
}

/// Start of the chain of mentions ending right before `end` (adverbs, auxiliaries and a
/// parenthesis like `(R-IN)` may sit between): mentions joined by `of`, `de`, `'s` or written
/// side by side (`Le dirigeant nord-coréen` `Kim Jong Un`), with their determiner.
pub fn mention_chain_left(p: &Prose, ms: &Mentions, floor: usize, end: usize) -> Option<usize> {
    let mut k = end;
    while k > floor && p.is(k - 1, word::ADV | word::AUX | word::CLITIC | word::NEG) {
        k -= 1;
    }
    if k > floor + 2 && p.is_punct(k - 1, ")") {
        if let Some(open) = (floor..k - 1).rev().find(|&x| p.is_punct(x, "(")) {
            if k - open <= 6 {
                k = open;
            }
        }
    }
    let ending_at = |k: usize| -> Option<usize> {
        ms.ending_at(k)
            .filter(|m| m.items.start >= floor && m.items.start < k)
            .map(|m| m.items.start)
            .min()
    };
    // `Un responsable qui a requis l'anonymat a reconnu`: a relative clause between the subject
    // and the verb.
    let mut start = match ending_at(k) {
        Some(s) => s,
        None => {
            let rel = (floor..k)
                .rev()
                .find(|&x| p.is(x, word::REL) && !p.is(x, word::SUB));
            match rel {
                Some(rel) => ending_at(rel)?,
                None => ending_at(reduced_relative_left(p, ms, floor, k)?)?,
            }
        }
    };
    loop {
        if start > floor {
            if let Some(s2) = ending_at(start) {
                start = s2;
                continue;
            }
            // A mention overlapping the chain's start (`Tulsa police Chief` | `Chief Chuck
            // Jordan`).
            if let Some(s2) = ms
                .starting_in(p, floor..start)
                .filter(|m| m.items.end > start)
                .map(|m| m.items.start)
                .min()
            {
                start = s2;
                continue;
            }
            // `The decree signed by the Pope`, `le texte signé par la ministre`: a reduced
            // relative naming the agent belongs to the noun before it.
            let agent = start >= floor + 3
                && matches!(p.key(start - 1), Some("by" | "par"))
                && p.key(start - 2).is_some_and(|w| {
                    !p.is_cap(start - 2)
                        && ["ed", "en", "é", "ée", "és", "ées"]
                            .iter()
                            .any(|e| w.ends_with(e))
                });
            if agent {
                if let Some(s2) = ending_at(start - 2) {
                    start = s2;
                    continue;
                }
            }
            // `a narrator in the campaign ad`, `residents in the old town`: a description
            // placed by `in`.
            if start >= floor + 2 && p.key(start - 1) == Some("in") {
                if let Some(s2) = ms
                    .ending_at(start - 1)
                    .filter(|m| {
                        m.items.start >= floor && matches!(m.kind, MentionKind::Description(_))
                    })
                    .map(|m| m.items.start)
                    .min()
                {
                    start = s2;
                    continue;
                }
            }
            let joiner = p.key(start - 1).is_some_and(|w| {
                matches!(
                    w,
                    "of" | "de" | "du" | "des" | "d'" | "'s" | "for" | "from" | "at"
                )
            });
            if joiner && start - 1 > floor {
                if let Some(s2) = ending_at(start - 1) {
                    start = s2;
                    continue;
                }
            }
            // English premodifiers before a noun (`worldwide victim group`).
            let mut s2 = start;
            while p.lang == Lang::En
                && s2 > floor
                && s2 + 3 > start
                && p.tok(s2 - 1).is_some_and(|t| {
                    p.tokens[t].kind == crate::tokens::TokKind::Word
                        && !p.has(t, crate::prose::flag::CAP)
                        && p.lex.word_tags(p.norm(t)) == 0
                        && p.lex.verbs.longest(s2 - 1, |x| p.key(x)).is_none()
                })
            {
                s2 -= 1;
            }
            if s2 < start
                && s2 > floor
                && p.key(s2 - 1)
                    .is_some_and(|w| matches!(w, "of" | "for" | "from" | "at"))
                && ending_at(s2 - 1).is_some()
            {
                start = s2;
                continue;
            }
            if p.is(start - 1, word::DET | word::POSS | word::NUM | word::QUANT) {
                start -= 1;
                // `Cardinal Marc Ouellet of the Holy See`: a joiner before the article.
                if start > floor + 1
                    && p.key(start - 1)
                        .is_some_and(|w| matches!(w, "of" | "de" | "for" | "from" | "at"))
                {
                    if let Some(s3) = ending_at(start - 1) {
                        start = s3;
                        continue;
                    }
                }
            }
        }
        return Some(start);
    }
}

/// The participle that opens a reduced relative clause ending right before item `end`, after a
/// mention: `Protesters marching through the streets` | `chanted`, `Officials speaking on
/// condition of anonymity` | `said`, `Des manifestants défilant dans les rues` | `scandaient`.
fn reduced_relative_left(p: &Prose, ms: &Mentions, floor: usize, end: usize) -> Option<usize> {
    let participle = |x: usize| {
        p.is_word(x)
            && !p.is_cap(x)
            && p.key(x).is_some_and(|w| match p.lang {
                Lang::En => w.len() > 4 && (w.ends_with("ing") || w.ends_with("ed")),
                Lang::Fr => {
                    w.len() > 4
                        && ["ant", "é", "ée", "és", "ées"]
                            .iter()
                            .any(|e| w.ends_with(e))
                }
            })
    };
    (floor.max(end.saturating_sub(8))..end)
        .rev()
        .take_while(|&x| {
            p.is_word(x) && !p.is(x, word::SUB | word::REL | word::CONJ | word::SUBORD)
                || p.tok(x)
                    .is_some_and(|t| p.tokens[t].kind == crate::tokens::TokKind::Number)
        })
        .find(|&x| {
            participle(x)
                && x > floor
                && ms.ending_at(x).next().is_some()
                // A modifier, not a verb taking a clause (`a statement agreeing the issue should
                // be decided`): a present participle goes on with a preposition or an adverb.
                && (!p.key(x).is_some_and(|w| w.ends_with("ing") || w.ends_with("ant"))
                    || p.is(x + 1, word::PREP | word::ADV | word::TIME))
        })
}

/// Start of the comma-free segment ending at item `k`: it stops at punctuation, a quote, a
/// complementizer or conjunction, a subordinator, or another reporting verb.
fn scan_segment_left(p: &Prose, ms: &Mentions, k: usize, sent_start: usize) -> usize {
    let mut s = k;
    while s > sent_start {
        let x = s - 1;
        // A conjunction does not stop it (`the Faculty of Arts and Education`): the chain of
        // mentions ending at the verb decides where a phrase without commas starts.
        // A party tag after a name (`Ann Lee (D-Mass.) said`) is part of the phrase.
        if p.is_punct(x, ")")
            && let Some(open) = (x.saturating_sub(6).max(sent_start)..x)
                .rev()
                .find(|&y| crate::mentions::party_tag_end(p, y) == Some(x + 1))
        {
            s = open;
            continue;
        }
        // Not a nickname inside a name (`Marcia "Cia" Price said`) or after the words that
        // give one (`John Smith, also known as "Big John", said`).
        let in_name = || {
            p.nickname_at(x)
                && (ms
                    .starting_in(p, x.saturating_sub(4)..x)
                    .any(|m| m.items.end > x)
                    || x > sent_start
                        && matches!(
                            p.key(x - 1),
                            Some(
                                "as" | "dubbed"
                                    | "nicknamed"
                                    | "alias"
                                    | "dit"
                                    | "dite"
                                    | "surnommé"
                                    | "surnommée"
                            )
                        ))
        };
        // A conjunction after a comma opens a clause (`The company declined to comment, but a
        // spokesman said`).
        if p.quote_at(x).is_some() && !in_name()
            || p.is_any_punct(x, &[",", ";", ":", "(", ")", "—", "–", "―"])
            || p.is(x, word::CONJ) && x > sent_start && p.is_punct(x - 1, ",")
            || p.is(x, word::SUB)
            || p.is(x, word::SUBORD) && !p.is(x, word::PREP)
        {
            break;
        }
        // Another reporting verb ends the phrase; after a determiner it is a noun (`a tweet`),
        // and so is it at the end of a description (`the IMF report said`).
        // An infinitive inside a parenthetical (`…, not authorized to comment, said`) is no
        // reporting verb of this clause either.
        let noun = x > sent_start
            && (p.is(x - 1, word::DET | word::POSS) || p.key(x - 1) == Some("to"))
            || ms.ending_at(x + 1).any(|m| m.items.start < x)
            // A participle after a noun opens a reduced relative (`officials speaking on …`).
            || p.lang == Lang::En
                && p.key(x).is_some_and(|w| w.ends_with("ing"))
                && ms.ending_at(x).next().is_some()
                && p.is(x + 1, word::PREP | word::ADV | word::TIME);
        if p.lex
            .verbs
            .longest(x, |y| p.key(y).filter(|_| y < k))
            .is_some()
            && !p.is_cap(x)
            && !noun
        {
            break;
        }
        s = x;
    }
    s
}

/// True when the segment reads as a noun phrase: it starts with a determiner, a name, a role
/// noun or a number, not with a preposition or adverb (`De son côté`, `En avril`, `Mercredi`).
fn segment_heads_np(p: &Prose, ms: &Mentions, seg: Range<usize>) -> bool {
    if seg.is_empty() {
        return false;
    }
    // A focus or hedging adverb before the phrase (`Even China, …`, `Même la Chine, …`,
    // `someone, apparently X, …`).
    let s = if seg.len() > 1
        && matches!(
            p.key(seg.start),
            Some("even" | "même" | "apparently" | "seemingly" | "apparemment" | "visiblement")
        ) {
        seg.start + 1
    } else {
        seg.start
    };
    if p.is(s, word::PREP | word::TIME | word::ADV | word::SUBORD) && !p.is(s, word::DET) {
        return false;
    }
    // A role noun within its first words: `spokesperson for the party`, `former deputy
    // director`, `chercheuse à l'Institut`.
    let role_near =
        (s..(s + 3).min(seg.end)).any(|k| p.lex.roles.longest(k, |x| p.key(x)).is_some());
    // A short premodifier before a name (`Fifteen-year-old Robert`).
    let ends_in_name = seg.len() <= 4
        && ms
            .ending_at(seg.end)
            .any(|m| m.is_name() && !m.is_outlet() && m.items.start >= s);
    mention_starting_at(ms, p, s).is_some()
        || role_near
        || ends_in_name
        || p.is(s, word::DET | word::POSS | word::NUM)
        || p.tok(s)
            .is_some_and(|t| p.tokens[t].kind == crate::tokens::TokKind::Number)
}

/// An apposition segment: it starts a noun phrase (name, description, determiner, number, or a
/// relative clause `qui …`) and contains a mention.
fn is_apposition(p: &Prose, ms: &Mentions, seg: Range<usize>) -> bool {
    if seg.is_empty() {
        return false;
    }
    if p.is(seg.start, word::REL) {
        return true;
    }
    if !segment_heads_np(p, ms, seg.clone()) || verb_after_name(p, ms, seg.clone()) {
        return false;
    }
    ms.within(p.items_span(seg.clone())).next().is_some()
        || (seg.start..(seg.start + 3).min(seg.end))
            .any(|k| p.lex.roles.longest(k, |x| p.key(x)).is_some())
}

/// A clause, not a phrase: a person's name followed by a lowercase verb and its complement
/// (`Ann Kerrigan negotiates with Moscow`, `la ministre Anne Kerrigan négocie avec Moscou`).
/// English asks for the `-s` of the present tense, since nouns follow names there too (`the
/// Obama administration`); a French name is rarely followed by a plain lowercase word that is
/// not its verb.
fn verb_after_name(p: &Prose, ms: &Mentions, seg: Range<usize>) -> bool {
    ms.within(p.items_span(seg.clone())).any(|(_, m)| {
        let k = m.items.end;
        m.kind == MentionKind::Name(NameKind::Person)
            && k + 1 < seg.end
            && !m.in_pp
            && p.tags(k) == 0
            && p.tok(k).is_some_and(|t| {
                let w = p.tok_text(t);
                p.tokens[t].kind == crate::tokens::TokKind::Word
                    && w.chars().all(|c| c.is_lowercase())
                    && (p.lang == Lang::Fr || w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
            })
            && p.is(k + 1, word::PREP | word::DET | word::POSS | word::SUB)
    })
}

/// The head of a noun phrase: its first name outside a prepositional phrase (a description
/// apposed to a name gives the name), else its first description, pronoun or outlet.
pub fn head_of(p: &Prose, ms: &Mentions, items: Range<usize>) -> Option<usize> {
    let items_start = items.start;
    let span = p.items_span(items);
    let free: Vec<(usize, &Mention)> = ms.within(span).filter(|(_, m)| !m.in_pp).collect();
    // A document opening the phrase heads it, whatever is named in its relative clause or
    // complement (`Le rapport, que l'AFP a pu consulter, juge`: the report speaks).
    if let Some(&(i, m)) = free.first() {
        if matches!(m.kind, MentionKind::Description(RoleKind::Document))
            && m.items.start <= items_start + 1
        {
            return Some(i);
        }
    }
    // A person's name first (`Iranian President Hassan Rouhani`, `Birmingham City University
    // professor David Wilson`), then any other name, then a description, pronoun or outlet.
    let rank = |m: &Mention| match m.kind {
        MentionKind::Name(NameKind::Person) => 0,
        MentionKind::Name(NameKind::Unknown) => 1,
        MentionKind::Name(NameKind::Org) => 2,
        MentionKind::Outlet { named: true, .. } => 3,
        MentionKind::Name(NameKind::Place) => 4,
        _ => 5,
    };
    free.iter()
        .min_by_key(|(i, m)| (rank(m), *i))
        .map(|(i, _)| *i)
}

/// The subject of the sentence's main clause: its first mention outside a prepositional phrase
/// before item `before`, as a phrase.
/// The subject of the adverbial clause that a verb coordinated at `conj` continues: the
/// person right after the last subordinator before `conj` (`after she attacked police and`,
/// `lorsqu'il a quitté la salle et`), with a word of its verb between it and `conj`. None when
/// a comma, a colon, a quote or a relative pronoun comes first (the clause is closed), or none
/// in the 40 items before `conj`.
fn subordinate_subject(p: &Prose, ms: &Mentions, sent_start: usize, conj: usize) -> Option<Phrase> {
    // Within a clause's length: a run-on sentence of coordinated verbs is not rescanned.
    let floor = sent_start.max(conj.saturating_sub(40));
    let mut k = conj;
    while k > floor {
        k -= 1;
        if p.quote_at(k).is_some()
            || p.is_any_punct(k, &[",", ";", ":", "(", ")", "—", "–"])
            || p.is(k, word::REL) && !p.is(k, word::SUBORD)
        {
            return None;
        }
        if !p.is(k, word::SUBORD) {
            continue;
        }
        // `après qu'elle`, `so that he`: the complementizer after the subordinator.
        let mut j = k + 1;
        if p.is(j, word::SUB) {
            j += 1;
        }
        let m = mention_starting_at(ms, p, j)?;
        let mention = &ms.list[m];
        let person = matches!(
            mention.kind,
            MentionKind::Name(NameKind::Person | NameKind::Unknown)
                | MentionKind::Pronoun { neuter: false }
                | MentionKind::Description(RoleKind::Person | RoleKind::Anonymous)
        );
        if !person || mention.items.end >= conj {
            return None;
        }
        return Some(Phrase {
            items: mention.items.clone(),
            span: mention.full,
            head: Some(m),
        });
    }
    None
}

fn main_subject(p: &Prose, ms: &Mentions, sent_start: usize, before: usize) -> Option<Phrase> {
    let span = p.items_span(sent_start..before);
    // Not a verb's object pronoun (`earned him the attention of …`); `One of them` is the
    // subject's.
    let object_pronoun = |m: &Mention| {
        matches!(m.kind, MentionKind::Pronoun { .. })
            && p.key(m.items.start)
                .is_some_and(|w| !p.lex.subject_pronouns.contains(w))
            && m.items.start > 0
            && !p.is(m.items.start - 1, word::PREP)
    };
    let (mi, m) = ms.within(span).find(|(_, m)| {
        !m.in_pp
            && !matches!(m.kind, MentionKind::Outlet { named: false, .. })
            && !object_pronoun(m)
    })?;
    // Prefer the name the description is apposed to.
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
