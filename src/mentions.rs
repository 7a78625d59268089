//! Mentions of people, organisations, places and outlets in the prose outside quotes: names
//! (`Sergueï Choïgou`, `M. Choïgou`, `Human Rights Watch`), pronouns (`il`, `she`, the clitic of
//! `a-t-il`), role descriptions (`le numéro un nord-coréen`, `a senior official`) and outlets
//! (`l'agence officielle nord-coréenne KCNA`, `un média d'Etat`, `told Reuters`).
//!
//! Detection is lexical: capitalisation, the lexicons and a few phrase shapes. Which mention is
//! tied to a quote is decided by `attribution`; which mentions are the same entity by `entities`.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

use crate::lang::{CueKind, Gender, Lang, Number, OutletKind, RoleInfo, RoleKind, word};
use crate::par;
use crate::prose::{Item, Prose, flag};
use crate::span::Span;
use crate::tokens::TokKind;

/// What a name refers to, as far as the lexicons and its shape tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// A person (a first name, an honorific, or several capitalised words).
    Person,
    /// An organisation (an acronym, or a name with an organisation word).
    Org,
    /// A country, region or city.
    Place,
    /// A single capitalised word nothing else tells about.
    Unknown,
}

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A capitalised name.
    Name(NameKind),
    /// A pronoun, or the clitic of an inversion.
    Pronoun {
        /// Neuter (`it`): refers to an organisation or thing.
        neuter: bool,
    },
    /// A noun phrase headed by a role noun.
    Description(RoleKind),
    /// An outlet, named or described.
    Outlet {
        /// Index in the shared outlet list when the lexicon knows it.
        id: Option<u32>,
        /// True when the mention gives the outlet's name (not only `un média d'Etat`).
        named: bool,
        /// What kind of outlet.
        kind: OutletKind,
        /// A state medium.
        state: bool,
    },
}

/// One mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The whole mention: determiner, titles and complements included.
    pub full: Span,
    /// Items of the whole mention.
    pub items: Range<usize>,
    /// The part that names: the name without titles, the pronoun, the description without its
    /// determiner, the outlet's name.
    pub core: Span,
    /// What it is.
    pub kind: MentionKind,
    /// Gender, when known.
    pub gender: Gender,
    /// Number.
    pub number: Number,
    /// The mention is the object of a preposition or a possessor: not a subject.
    pub in_pp: bool,
    /// Synonym class of the role noun (descriptions, and names with a title: `President X`).
    pub role_class: Option<u32>,
    /// Adjectives and complements of a description, normalised (`nord-coréen`), used to tell
    /// `le dirigeant nord-coréen` from `le dirigeant russe`.
    pub modifiers: Vec<String>,
    /// An indefinite or bare description (`un responsable`, `officials`).
    pub indefinite: bool,
    /// Index of a mention this one is in apposition with (a description and its name).
    pub apposed: Option<usize>,
    /// A generic organisation noun (`l'ONG`, `the company`) that may refer to any organisation.
    pub generic: bool,
    /// A word for any leader (`le dirigeant`, `the island leader`).
    pub broad: bool,
    /// Sentence index.
    pub sentence: usize,
}

impl Mention {
    /// A mention of `kind` over `items`, with nothing else known: no gender, singular, not in a
    /// prepositional phrase, no role, no apposition.
    fn plain(p: &Prose, full: Span, items: Range<usize>, core: Span, kind: MentionKind) -> Mention {
        Mention {
            full,
            core,
            kind,
            gender: Gender::Unknown,
            number: Number::Singular,
            in_pp: false,
            role_class: None,
            modifiers: Vec::new(),
            indefinite: false,
            apposed: None,
            generic: false,
            broad: false,
            sentence: p.sentence_index(items.start),
            items,
        }
    }

    /// True for a person or organisation name, or an outlet name.
    pub fn is_name(&self) -> bool {
        matches!(
            self.kind,
            MentionKind::Name(_) | MentionKind::Outlet { named: true, .. }
        )
    }

    /// True for any outlet mention.
    pub fn is_outlet(&self) -> bool {
        matches!(self.kind, MentionKind::Outlet { .. })
    }

    /// The text of the core.
    pub fn core_text<'t>(&self, text: &'t str) -> &'t str {
        self.core.get(text)
    }
}

/// All mentions of a document, sorted by position.
#[derive(Debug, Default)]
pub struct Mentions {
    /// The mentions, by start (the longest first).
    pub list: Vec<Mention>,
    /// (last item + 1, index) of every mention, sorted.
    by_end: Vec<(usize, usize)>,
    /// (first item, index) of every mention, sorted (so in list order for one item).
    by_start: Vec<(usize, usize)>,
}

/// The indexes paired with `key` in the sorted `index`.
fn lookup(index: &[(usize, usize)], key: usize) -> impl Iterator<Item = usize> + '_ {
    let from = index.partition_point(|&(k, _)| k < key);
    index[from..]
        .iter()
        .take_while(move |&&(k, _)| k == key)
        .map(|&(_, i)| i)
}

impl Mentions {
    fn new(list: Vec<Mention>) -> Mentions {
        let mut by_end: Vec<(usize, usize)> = list
            .iter()
            .enumerate()
            .map(|(i, m)| (m.items.end, i))
            .collect();
        let mut by_start: Vec<(usize, usize)> = list
            .iter()
            .enumerate()
            .map(|(i, m)| (m.items.start, i))
            .collect();
        by_end.sort_unstable();
        by_start.sort_unstable();
        Mentions {
            list,
            by_end,
            by_start,
        }
    }

    /// The mentions whose first item is in `items`.
    pub fn starting_in<'a>(
        &'a self,
        p: &Prose,
        items: Range<usize>,
    ) -> impl Iterator<Item = &'a Mention> + 'a {
        let bytes = |k: usize| p.items.get(k).map_or(usize::MAX, |_| p.item_span(k).start);
        let (from, to) = (bytes(items.start), bytes(items.end));
        let lo = self.list.partition_point(|m| m.full.start < from);
        let hi = self.list.partition_point(|m| m.full.start < to);
        self.list[lo..hi.max(lo)]
            .iter()
            .filter(move |m| items.contains(&m.items.start))
    }

    /// The indexes of the mentions whose first item is `start`, in list order.
    pub fn starting_at(&self, start: usize) -> impl Iterator<Item = usize> + '_ {
        lookup(&self.by_start, start)
    }

    /// The indexes of the mentions whose last item is right before item `end`.
    pub fn ends_at(&self, end: usize) -> impl Iterator<Item = usize> + '_ {
        lookup(&self.by_end, end)
    }

    /// The mentions whose last item is right before item `end`.
    pub fn ending_at(&self, end: usize) -> impl Iterator<Item = &Mention> {
        lookup(&self.by_end, end).map(|i| &self.list[i])
    }

    /// Mentions whose full extent lies inside `span`.
    pub fn within(&self, span: Span) -> impl Iterator<Item = (usize, &Mention)> {
        let from = self.list.partition_point(|m| m.full.start < span.start);
        self.list[from..]
            .iter()
            .enumerate()
            .map(move |(k, m)| (from + k, m))
            .take_while(move |(_, m)| m.full.start < span.end)
            .filter(move |(_, m)| span.contains(m.full))
    }

    /// Mentions in sentence `s`.
    pub fn in_sentence(&self, s: usize) -> impl Iterator<Item = (usize, &Mention)> {
        let from = self.list.partition_point(|m| m.sentence < s);
        self.list[from..]
            .iter()
            .enumerate()
            .map(move |(k, m)| (from + k, m))
            .take_while(move |(_, m)| m.sentence == s)
    }
}

/// Find every mention in the prose outside quotes.
pub fn find(p: &Prose) -> Mentions {
    find_by_runs(p, par::RUN_BYTES)
}

/// [`find`] over runs of sentences of about `run_bytes` (in parallel when there are several).
fn find_by_runs(p: &Prose, run_bytes: usize) -> Mentions {
    let cap_seen = capitalised_words(p);
    let headline = title_case_headline(p);
    // Runs of sentences, starting only after a sentence stop: a description or a name may run
    // on over a line break (a block of plain text is a line when the text is not hard-wrapped),
    // never over a stop, nor over a quote that ends its sentence (`… she said "no."`). A quote
    // that reopens in the next block belongs to the block it starts in. Runs of sentences, not
    // of blocks, so that one long paragraph is cut too.
    let first_item = |s: usize| p.sentences.get(s).map_or(p.items.len(), |x| x.items.start);
    let sentence = |s: usize| p.items_span(p.sentences[s].items.clone());
    let runs = par::runs(p.sentences.len(), sentence, run_bytes, |s| {
        let i = first_item(s);
        i > 0
            && (p.is_any_punct(i - 1, &[".", "!", "?", "…", "..."]) || p.quote_ends_sentence(i - 1))
    });
    // Each run's mentions lie inside it, so the runs sorted apart and joined in order are the
    // whole list sorted (and a repeat is always in one run).
    let find_run = |r: Range<usize>, part: &mut Vec<Mention>| {
        find_in(
            p,
            first_item(r.start)..first_item(r.end),
            &cap_seen,
            headline,
            part,
        );
        part.sort_by(|a, b| {
            a.full
                .start
                .cmp(&b.full.start)
                .then(b.full.end.cmp(&a.full.end))
        });
        part.dedup_by(|b, a| a.full == b.full && a.core == b.core);
    };
    let mut list: Vec<Mention> = Vec::new();
    if let [run] = &runs[..] {
        find_run(run.clone(), &mut list);
    } else {
        // About one mention per 11 to 14 tokens in news copy: reserved once rather than doubled
        // (and copied) a dozen times on a long document.
        list.reserve(p.tokens.len() / 10);
        par::for_each_run(&runs, find_run, |part| list.append(part));
    }
    debug_assert!(list.is_sorted_by_key(|m| m.full.start));
    mark_prepositional(p, &mut list);
    link_appositions(p, &mut list);
    // `starting_in` finds mentions by the bytes of their first item (a clitic is part of one).
    debug_assert!(list.iter().all(|m| {
        let first = p.item_span(m.items.start);
        m.items.is_empty() || (first.start <= m.full.start && m.full.start < first.end)
    }));
    Mentions::new(list)
}

/// Per-item marks over one run of items; every item outside the run reads unmarked.
struct Marks {
    from: usize,
    bits: Vec<bool>,
}

impl Marks {
    fn new(run: &Range<usize>) -> Marks {
        Marks {
            from: run.start,
            bits: vec![false; run.len()],
        }
    }

    /// Mark the items `r` (those inside the run).
    fn set(&mut self, r: Range<usize>) {
        let lo = r.start.saturating_sub(self.from).min(self.bits.len());
        let hi = r.end.saturating_sub(self.from).min(self.bits.len());
        self.bits[lo..hi.max(lo)].fill(true);
    }

    /// Mark item `i` (when it is inside the run).
    fn mark(&mut self, i: usize) {
        self.set(i..i + 1);
    }

    /// True when any item of `r` is marked.
    fn any(&self, r: Range<usize>) -> bool {
        r.into_iter().any(|i| self[i])
    }
}

impl std::ops::Index<usize> for Marks {
    type Output = bool;

    fn index(&self, i: usize) -> &bool {
        self.bits.get(i.wrapping_sub(self.from)).unwrap_or(&false)
    }
}

/// True when item `i` opens an American party tag: `D-`, `R-` or `I-` and a capital (`D-Mass`,
/// `R-S`).
pub(crate) fn party_tag_at(p: &Prose, i: usize) -> bool {
    p.tok(i).is_some_and(|t| {
        let w = p.tok_text(t).as_bytes();
        w.len() > 2
            && matches!(w[0], b'D' | b'R' | b'I')
            && w[1] == b'-'
            && w[2].is_ascii_uppercase()
    })
}

/// The end (after the `)`) of an American party tag opening at item `i`: `(D-Mass.)`,
/// `(R-Texas)`, `(I-Vt.)`, `(D-Newport News)`.
pub(crate) fn party_tag_end(p: &Prose, i: usize) -> Option<usize> {
    if p.lang != Lang::En || !p.is_punct(i, "(") {
        return None;
    }
    if !party_tag_at(p, i + 1) {
        return None;
    }
    (i + 2..(i + 7).min(p.items.len()))
        .find(|&k| p.is_punct(k, ")"))
        .map(|k| k + 1)
}

/// The mentions of the items `run` (whole blocks) into `list` (cleared first), in the order the
/// passes find them. `headline` is the end of a title-case headline (0 when there is none).
fn find_in(
    p: &Prose,
    run: Range<usize>,
    cap_seen: &HashSet<&str>,
    headline: usize,
    list: &mut Vec<Mention>,
) {
    let lex = p.lex;
    let n = p.items.len();
    list.clear();
    let mut covered = Marks::new(&run);
    // First item of each name or outlet, so a complement stops at the end of one name.
    let mut starts = Marks::new(&run);

    // 0. A party and state after a politician's name (`(D-Mass.)`, `(R-Newport News)`) names
    //    nobody: no outlet, no person.
    for i in run.clone() {
        if let Some(close) = party_tag_end(p, i) {
            covered.set(i..close.min(run.end));
        }
    }

    // 1. Outlets, named (`Reuters`, `l'agence officielle nord-coréenne KCNA`) or described
    //    (`un média d'Etat`).
    let mut i = run.start;
    while i < run.end {
        if covered[i] {
            i += 1;
            continue;
        }
        if let Some((m, end)) = outlet_at(p, i) {
            covered.set(m.items.clone());
            starts.mark(m.items.start);
            list.push(m);
            i = end;
            continue;
        }
        i += 1;
    }

    // 2. Names: runs of capitalised words.
    let mut i = run.start;
    while i < run.end {
        if covered[i] || !name_can_start(p, i, cap_seen) {
            i += 1;
            continue;
        }
        let (mut start, honorific) = match honorific_at(p, i) {
            Some((len, g))
                if i + len < n
                    && (p.is_cap(i + len) || after_particles(p, i + len).is_some())
                    && !covered[i + len] =>
            {
                (i + len, Some(g))
            }
            _ => (i, None),
        };
        // Titles in a row: `Lt. Col. Anne Ruiz`, `Chief Justice John Roberts`.
        while honorific.is_some() {
            match honorific_at(p, start) {
                Some((len, _))
                    if start + len < n && p.is_cap(start + len) && !covered[start + len] =>
                {
                    start += len;
                }
                _ => break,
            }
        }
        let mut end = name_end(p, start, &covered, headline);
        // `Mme Le Maire`, `M. De Villiers`: after an honorific, a capitalised particle starts
        // the surname.
        if end <= start + 1
            && honorific.is_some()
            && matches!(
                p.key(start),
                Some("le" | "la" | "de" | "du" | "des" | "di" | "van" | "von")
            )
            && p.is_cap(start + 1)
            && !covered[start + 1]
        {
            end = name_end(p, start + 1, &covered, headline);
        }
        if end <= start {
            i += 1;
            continue;
        }
        // `CONGRESS HAS INVESTIGATED HIM —`: a heading in capitals with an auxiliary or a
        // pronoun in it is a clause, not a name.
        if end >= start + 3
            && (start..end)
                .all(|k| !p.is_word(k) || p.tok(k).is_some_and(|t| p.has(t, flag::ALLCAPS)))
            && (start..end)
                .any(|k| p.is(k, word::AUX) || p.tok(k).is_some_and(|t| p.has(t, flag::PRONOUN)))
        {
            i = end;
            continue;
        }
        // A role that starts capitalised and runs on in lowercase (`le Premier ministre`, `la
        // Première ministre`) is a description, not a name.
        if honorific.is_none()
            && p.lex
                .roles
                .longest(start, |x| p.key(x))
                .is_some_and(|(len, _)| start + len > end)
        {
            i = end;
            continue;
        }
        // A nationality before a title is not a name (`Brazilian President Jair Bolsonaro`).
        if end == start + 1 && honorific.is_none() && demonym(p, start) && title_at(p, end) {
            i = end;
            continue;
        }
        // Nor is it with a portfolio between (`Spanish Finance Minister Ana Ruiz`): the
        // portfolio is read on its own.
        if end > start + 1
            && honorific.is_none()
            && demonym(p, start)
            && !p
                .key(start)
                .is_some_and(|k| p.shared.first_names.contains_key(k))
            && title_at(p, end)
        {
            i = start + 1;
            continue;
        }
        // `the North Korean leader`, `Chinese authorities`, `US officials`: capitalised
        // premodifiers of a role, unless they name a person (`President Kim officials`).
        let first_name = p
            .key(start)
            .is_some_and(|k| p.shared.first_names.contains_key(k) && end > start + 1);
        if honorific.is_none()
            && role_at(p, end).is_some()
            && !p.is_cap(end)
            && (start > 0 && p.is(start - 1, word::DET | word::POSS) || !first_name)
            && lang_premodifies(p)
        {
            i = end;
            continue;
        }
        // A run that ends in an organisation word is the organisation's name, role words and
        // all (`Nordic Teachers Association`, `Syndicat national des Pilotes`).
        let org_name = end > start + 1
            && p.tok(end - 1)
                .is_some_and(|t| p.lex.org_words.contains(p.norm(t)));
        let mut parts = if org_name {
            vec![(start..end, start..end, None)]
        } else {
            split_titles(p, start, end)
        };
        // `Mr. King`, `Ms. Bishop`, `Mme Lévêque`: a lone title word after a courtesy title is
        // the surname.
        if parts.is_empty()
            && end == start + 1
            && start > i
            && p.lex.courtesy.longest(i, |k| p.key(k)).is_some()
        {
            parts.push((start..end, start..end, None));
        }
        // A title alone (`the Pope`, `the President`) names no one: left to the descriptions.
        if parts.is_empty() && honorific.is_none() && end == start + 1 {
            i = end;
            continue;
        }
        let names: Vec<NamePart> = parts
            .into_iter()
            .flat_map(|(full, core, class)| {
                let parts = split_at_first_name(p, core);
                let last = parts.len() - 1;
                parts.into_iter().enumerate().map(move |(k, r)| {
                    if k == last {
                        (
                            if last == 0 { full.start } else { r.start }..r.end,
                            r,
                            class,
                        )
                    } else {
                        (r.clone(), r, None)
                    }
                })
            })
            .collect();
        // `Science News`, `Daily Xtra`: a name ending in an outlet word is an outlet; so is one
        // made of an outlet word and its place (`Star of Mysore`).
        let outlet_word = |k: usize| {
            p.tok(k).is_some_and(|t| {
                p.has(t, flag::CAP) && p.shared.outlet_suffixes.contains(p.norm(t))
            })
        };
        let of_place = end == start + 3 && outlet_word(start) && p.key(start + 1) == Some("of");
        // `Saudi Press Agency`, `Marenia News Agency`: an outlet word before `Agency`.
        let news_agency = end > start + 2
            && matches!(p.key(end - 1), Some("agency" | "agence"))
            && outlet_word(end - 2);
        if names.len() == 1
            && honorific.is_none()
            && end > start + 1
            && (outlet_word(end - 1) || of_place || news_agency)
            && !p
                .key(start)
                .is_some_and(|k| p.shared.first_names.contains_key(k))
        {
            list.push(outlet_mention(
                p,
                start..end,
                start..end,
                None,
                true,
                OutletKind::Any,
                false,
            ));
            covered.set(i..end);
            starts.mark(start);
            i = end;
            continue;
        }
        // An honorific that is also a title (`Governor Kay Ivey`, `Senator Warren`) binds its
        // role like a title.
        let honorific_role = honorific.and_then(|_| {
            let (len, info) = p.lex.roles.longest(i, |x| p.key(x).filter(|_| x < start))?;
            (i + len == start && matches!(info.kind, RoleKind::Person)).then_some(info.class)
        });
        let last = names.len().saturating_sub(1);
        for (k, (full, core, role_class)) in names.into_iter().enumerate() {
            let role_class = role_class.or(honorific_role.filter(|_| k == last));
            starts.mark(full.start);
            let mut kind =
                classify_name(p, core.clone(), honorific.is_some() || role_class.is_some());
            // `the EastMed project`, `le Kremlin`: a single unknown word after an article is
            // not a person's name (`noted that Trump …`: `that` as a conjunction is no article).
            if kind == NameKind::Unknown
                && full.start > 0
                && p.is(full.start - 1, word::DET)
                && !p.is(full.start - 1, word::POSS | word::SUB)
            {
                kind = NameKind::Org;
            }
            // An honorific that says no gender (`Senator`) leaves it to the first name.
            let gender = honorific
                .filter(|&g| core.start == start && g != Gender::Unknown)
                .unwrap_or_else(|| first_name_gender(p, core.start));
            let full_start = if full.start == start { i } else { full.start };
            list.push(Mention {
                full: p.items_span(full_start..core.end),
                items: full_start..core.end,
                core: p.items_span(core.clone()),
                kind: MentionKind::Name(kind),
                gender,
                number: Number::Singular,
                in_pp: false,
                role_class,
                modifiers: Vec::new(),
                indefinite: false,
                apposed: None,
                generic: false,
                broad: false,
                sentence: p.sentence_index(core.start),
            });
        }
        covered.set(i..end);
        i = end;
    }

    // 2b. `ce dernier`, `ces derniers`, `the latter`: a pronoun of two words, for the entity
    //     last named.
    for i in run.clone() {
        if i + 1 >= run.end || covered[i] || covered[i + 1] {
            continue;
        }
        let Some((gender, number)) = latter_at(p, i) else {
            continue;
        };
        let span = p.items_span(i..i + 2);
        list.push(pronoun_mention(p, span, i..i + 2, false, gender, number));
        covered.set(i..i + 2);
    }

    // 3. Descriptions headed by a role noun: `le numéro un nord-coréen`, `a senior official`.
    let mut i = run.start;
    while i < run.end {
        if let Some((m, next)) = description_at(p, i, &covered, &starts) {
            list.push(m);
            i = next;
            continue;
        }
        i += 1;
    }

    // 4. Any noun phrase that is the subject of a reporting verb, when the lexicons do not know
    //    its noun: `The New York businessman says`, `one questioner claimed`, `le porte-voix du
    //    collectif affirme`.
    // Where the mentions found so far end, and which items they cover: a subject is neither
    // inside one nor already one.
    let mut ends: HashSet<usize> = list.iter().map(|m| m.items.end).collect();
    let mut inside = Marks::new(&run);
    for m in list.iter() {
        inside.set(m.items.clone());
    }
    let mut j = run.start;
    while j < run.end {
        let Some((len, _)) = lex.verbs.longest(j, |x| p.key(x)) else {
            j += 1;
            continue;
        };
        let mut k = j;
        while k > 0
            && p.is(k - 1, word::AUX | word::ADV | word::NEG | word::CLITIC)
            && !p.is(k - 1, word::DET)
        {
            k -= 1;
        }
        if k > 0 && !covered[k - 1] && !ends.contains(&k) {
            // Only at the start of a clause: `qui a requis l'anonymat a reconnu` has no subject
            // `l'anonymat`.
            let clause_start = |s: usize| {
                s == p.sentences[p.sentence_index(s)].items.start
                    || p.is_any_punct(s - 1, &[",", ";", ":", "—", "–", "―", "("])
                    || p.is(s - 1, word::CONJ | word::SUB)
                    || p.quote_at(s - 1).is_some()
            };
            let free = |s: usize| !inside.any(s..k);
            if let Some(start) =
                generic_subject(p, k, &covered).filter(|&s| clause_start(s) && free(s))
            {
                list.push(Mention {
                    full: p.items_span(start..k),
                    items: start..k,
                    // (`one lineman` is written `lineman`, like `an official`.)
                    core: p.items_span(
                        if p.is(start, word::DET | word::POSS) || p.key(start) == Some("one") {
                            start + 1
                        } else {
                            start
                        }..k,
                    ),
                    kind: MentionKind::Description(RoleKind::Person),
                    gender: Gender::Unknown,
                    number: Number::Singular,
                    in_pp: false,
                    role_class: None,
                    modifiers: Vec::new(),
                    indefinite: p.is(start, word::INDEF | word::QUANT | word::NUM),
                    apposed: None,
                    generic: false,
                    broad: false,
                    sentence: p.sentence_index(start),
                });
                ends.insert(k);
                inside.set(start..k);
            }
        }
        j += len.max(1);
    }

    // 5. Pronouns, and the clitic of inversions (`a-t-il`, `dit-elle`).
    for i in run {
        let Some(t) = p.tok(i) else { continue };
        if covered[i] {
            continue;
        }
        // The lexer flagged the pronouns: the others are not looked up again.
        let pronoun = p.has(t, flag::PRONOUN).then(|| lex.pronouns.get(p.norm(t)));
        let found = match pronoun.flatten() {
            Some(info) if info.reject => continue,
            Some(info) => Some((p.tokens[t].span(), *info)),
            None => inversion_clitic(p, t),
        };
        if let Some((span, info)) = found {
            let (neuter, gender, number) = (info.neuter, info.gender, info.number);
            list.push(pronoun_mention(p, span, i..i + 1, neuter, gender, number));
        }
    }
}

/// `ce dernier`, `cette dernière`, `ces derniers`, `ces dernières`, `the latter` at item `i`:
/// a pronoun of two words for the entity named last, with its gender and number.
pub(crate) fn latter_at(p: &Prose, i: usize) -> Option<(Gender, Number)> {
    Some(match (p.key(i)?, p.key(i + 1)?) {
        ("ce", "dernier") => (Gender::Masc, Number::Singular),
        ("cette", "dernière") => (Gender::Fem, Number::Singular),
        ("ces", "derniers") => (Gender::Masc, Number::Plural),
        ("ces", "dernières") => (Gender::Fem, Number::Plural),
        ("the", "latter") => (Gender::Unknown, Number::Singular),
        _ => return None,
    })
}

/// A pronoun mention over `items` (one word, a clitic, or `ce dernier`).
fn pronoun_mention(
    p: &Prose,
    span: Span,
    items: Range<usize>,
    neuter: bool,
    gender: Gender,
    number: Number,
) -> Mention {
    Mention {
        gender,
        number,
        ..Mention::plain(p, span, items, span, MentionKind::Pronoun { neuter })
    }
}

/// Words seen capitalised somewhere that a capital does not explain (not at a sentence start):
/// evidence that a capitalised word at the start of a sentence is a name.
fn capitalised_words<'p>(p: &'p Prose) -> HashSet<&'p str> {
    let mut seen = HashSet::default();
    for (t, tok) in p.tokens.iter().enumerate() {
        if tok.kind == TokKind::Word && p.has(t, flag::CAP) && !p.has(t, flag::SENT_START) {
            seen.insert(p.norm(t));
        }
    }
    seen
}

/// The capitalised word after one or two name particles starting at `i` (`van der Berg`,
/// `de Saint-Amand`, `dela Cruz`).
fn after_particles(p: &Prose, i: usize) -> Option<usize> {
    let particle = |k: usize| p.key(k).is_some_and(|w| p.shared.particles.contains(w));
    if !particle(i) {
        return None;
    }
    let cap = if particle(i + 1) && !p.is_cap(i + 1) {
        i + 2
    } else {
        i + 1
    };
    (cap < p.items.len() && p.is_cap(cap)).then_some(cap)
}

/// A surname written with a lowercase Arabic article joined by a hyphen (`al-Haddad`,
/// `el-Sisi`): it starts a name like a capitalised word.
fn article_prefixed(p: &Prose, i: usize) -> bool {
    p.tok(i).is_some_and(|t| {
        let w = p.tokens[t].span().get(p.text);
        // (Most words have no hyphen as their third or fourth byte: asked first.)
        let b = w.as_bytes();
        if b.len() < 5 || b[2] != b'-' && b[3] != b'-' {
            return false;
        }
        [
            "al-", "el-", "ad-", "as-", "ash-", "az-", "ar-", "at-", "an-",
        ]
        .iter()
        .any(|pre| {
            w.strip_prefix(pre)
                .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        })
    })
}

/// True when item `i` may start a name.
fn name_can_start(p: &Prose, i: usize, cap_seen: &HashSet<&str>) -> bool {
    let Some(t) = p.tok(i) else { return false };
    if article_prefixed(p, i) {
        return true;
    }
    if !p.is_cap(i) {
        return false;
    }
    let norm = p.norm(t);
    if honorific_at(p, i).is_some() {
        return true;
    }
    if p.tags(i) != 0 || p.has(t, flag::PRONOUN) {
        return false;
    }
    // `l'ONG`, `the CEO`, `an MP`: an acronym that is a role noun is not a name.
    if p.has(t, flag::ALLCAPS)
        && p.lex
            .roles
            .longest(i, |k| p.key(k).filter(|_| k == i))
            .is_some()
    {
        return false;
    }
    // `Co-developer`, `Fifteen-year-old`: a capital at the start of a hyphenated common word.
    let text = p.tok_text(t);
    if text
        .split(['-', '\u{2010}', '\u{2011}'])
        .skip(1)
        .any(|part| part.starts_with(char::is_lowercase))
        && !["al-", "el-", "ul-", "bin-", "ben-", "abu-"]
            .iter()
            .any(|pre| norm.starts_with(pre))
    {
        return false;
    }
    // A title before a name: `Mayor of London Sadiq Khan`, `Constable Gary Gray`.
    if let Some((len, info)) = p.lex.roles.longest(i, |k| p.key(k)) {
        if matches!(info.kind, RoleKind::Person | RoleKind::Anonymous)
            && (p.is_cap(i + len) || (p.key(i + len) == Some("of") && p.is_cap(i + len + 1)))
        {
            return true;
        }
    }
    if p.lex.cues.starts_with(norm) && !p.has(t, flag::ALLCAPS) {
        return false;
    }
    // A capital that position explains (sentence start, after a colon or a dash) is evidence of
    // a name only when the word is known or seen capitalised elsewhere, or another capital
    // follows.
    let explained = p.has(t, flag::SENT_START)
        || (i > 0
            && (p.is_any_punct(i - 1, &[":", "—", "–", "―", "(", "-"])
                || p.quote_at(i - 1).is_some()));
    if !explained || p.has(t, flag::ALLCAPS) {
        return true;
    }
    let sh = p.shared;
    if sh.first_names.contains_key(norm)
        || sh.places.get_single(norm).is_some()
        || cap_seen.contains(norm)
    {
        return true;
    }
    if p.lex.verbs.starts_with(norm) || p.lex.roles.starts_with(norm) {
        return false;
    }
    // `Wasif suggested`, `Figueroa a déclaré`: the subject of a reporting verb.
    let mut k = i + 1;
    while k < p.items.len() && p.is(k, word::AUX | word::ADV | word::CLITIC) && k < i + 4 {
        k += 1;
    }
    if p.lex.verbs.longest(k, |x| p.key(x)).is_some() {
        return true;
    }
    // `Johnson, who spoke to reporters, said`: a relative pronoun of persons after a comma.
    if p.is_punct(i + 1, ",") && matches!(p.key(i + 2), Some("who" | "qui")) {
        return true;
    }
    // `Representing Whitcombe, barrister Anthony Lugard said`: a participle that opens the
    // sentence, before its capitalised object of one or two words and a comma (`Sterling
    // Morrison said` is a name).
    if p.lang == Lang::En
        && norm.len() >= 6
        && norm.ends_with("ing")
        && (i + 2..i + 4).any(|k| {
            p.is_punct(k, ",") && (i + 1..k).all(|j| p.is_cap(j)) && p.key(k + 1) != Some("who")
        })
    {
        return false;
    }
    i + 1 < p.items.len() && p.is_cap(i + 1) && !is_function(p, i + 1)
}

fn is_function(p: &Prose, i: usize) -> bool {
    p.tok(i)
        .is_some_and(|t| p.tags(i) != 0 || p.has(t, flag::PRONOUN))
}

/// An honorific at item `i` (`M.`, `Mme`, `Dr`, `President`), case-sensitive: its length in
/// items (with a following period) and the gender it implies.
fn honorific_at(p: &Prose, i: usize) -> Option<(usize, Gender)> {
    if !p.is_cap(i) {
        return None;
    }
    let (len, g) = p.lex.honorifics.longest(i, |k| p.key(k))?;
    let mut len = len;
    if p.is_punct(i + len, ".") && !p.key(i + len - 1).is_some_and(|k| k.ends_with('.')) {
        // `M.` is `M` `.`; include the period unless the entry already had it.
        if p.lex
            .honorifics
            .longest(i, |k| p.key(k).filter(|_| k < i + len))
            .is_some()
        {
            len += 1;
        }
    }
    Some((len, *g))
}

/// The end (in items) of a first paragraph written in title case, a headline where every word
/// is capitalised (`Elizabeth Warren Hammers Wells Fargo CEO`); 0 when there is none.
fn title_case_headline(p: &Prose) -> usize {
    if p.blocks.len() < 2 {
        return 0;
    }
    let end = (0..p.items.len().min(64))
        .find(|&i| p.block_start_of(i) != 0)
        .unwrap_or(0);
    let (mut words, mut caps, mut function_caps) = (0, 0, 0);
    for i in 0..end {
        if p.tok(i).is_some_and(|t| p.tokens[t].kind == TokKind::Word) {
            words += 1;
            if p.is_cap(i) {
                caps += 1;
                // Function words capitalised too: `On`, `To`, `The` inside the line.
                if i > 0 && p.tags(i) != 0 {
                    function_caps += 1;
                }
            }
        }
    }
    if words >= 4 && caps * 10 >= words * 8 && function_caps > 0 {
        end
    } else {
        0
    }
}

/// End (exclusive) of the name starting at `start`: capitalised words, name particles followed
/// by a capital, `el-Sisi`-style prefixes; for organisations, joiners (`of`, `&`, `de`) and, in
/// French, lowercase adjectives after an organisation word (`Conseil de sécurité russe`). In a
/// title-case headline (items before `headline`), function words and verbs end a name.
fn name_end(p: &Prose, start: usize, covered: &Marks, headline: usize) -> usize {
    let n = p.items.len();
    // An outlet word heads a name like an organisation word (`Star of Mysore`).
    let org_head = p.tok(start).is_some_and(|t| {
        p.lex.org_words.contains(p.norm(t)) || p.shared.outlet_suffixes.contains(p.norm(t))
    });
    let mut j = start + 1;
    // After lowercase words (`Conseil de sécurité russe`) a capital starts another name
    // (`… russe Sergueï Choïgou`).
    let mut took_lower = false;
    loop {
        // Never into the next sentence or block (`… prévient la CGT` | `La CGT a appelé`: `La`
        // is no particle there).
        if j >= n || covered[j] || p.tok(j).is_some_and(|t| p.has(t, flag::SENT_START)) {
            break;
        }
        // (Not one that ends a role begun before it: `Deputy Foreign Minister Oksana Hale`.)
        if honorific_at(p, j).is_some_and(|(len, _)| j + len < n && p.is_cap(j + len))
            && j > start
            && !(start.max(j.saturating_sub(2))..j).any(|r| {
                p.lex
                    .roles
                    .longest(r, |x| p.key(x))
                    .is_some_and(|(len, info)| r + len > j && info.kind == RoleKind::Person)
            })
        {
            break;
        }
        // In a title-case headline a capital says nothing: a name stops at a function word or
        // a verb, and after a first name and a surname (`Elizabeth Warren | Hammers …`).
        if j < headline
            && (p.tags(j) != 0
                || p.lex.verbs.longest(j, |x| p.key(x)).is_some()
                || j >= start + 2
                    && p.key(start)
                        .is_some_and(|k| p.shared.first_names.contains_key(k)))
        {
            break;
        }
        if p.is_cap(j) && !starts_clause(p, j) {
            if took_lower {
                break;
            }
            j += 1;
            continue;
        }
        // `Robert Downey Jr.`: the suffix keeps its period.
        if p.is_punct(j, ".")
            && matches!(p.key(j - 1), Some("jr" | "sr"))
            && p.tok(j - 1).is_some_and(|t| p.has(t, flag::CAP))
        {
            j += 1;
            break;
        }
        // A nickname in quotation marks between the first name and the surname: `Marcia "Cia"
        // Price` (the canonical name leaves it out).
        if p.nickname_at(j)
            && j == start + 1
            && p.key(start)
                .is_some_and(|k| p.shared.first_names.contains_key(k))
            && j + 1 < n
            && p.is_cap(j + 1)
            && !covered[j + 1]
        {
            j += 2;
            continue;
        }
        // An initial: `V. Sapounov`, `George W. Bush`.
        if p.is_punct(j, ".")
            && p.tok(j - 1).is_some_and(|t| {
                let w = p.tok_text(t);
                w.chars().count() == 1 && w.chars().all(char::is_uppercase)
            })
            && j + 1 < n
            && p.is_cap(j + 1)
            && !covered[j + 1]
        {
            j += 2;
            continue;
        }
        if let Some(t) = p.tok(j) {
            let s = p.tok_text(t);
            // `el-Sisi`, `al-Assad`, `bin-Salman`
            if s.len() > 3
                && ["al-", "el-", "ul-", "ad-", "as-", "ash-", "bin-"]
                    .iter()
                    .any(|pre| s.starts_with(pre) && s[pre.len()..].starts_with(char::is_uppercase))
            {
                j += 1;
                continue;
            }
            let norm = p.norm(t);
            let is_org_so_far = org_head
                || (start..j).any(|k| {
                    p.tok(k)
                        .is_some_and(|t| p.lex.org_words.contains(p.norm(t)))
                });
            // (Two particles in a row: `Anouk van der Berg`.)
            if let Some(cap) = after_particles(p, j)
                .filter(|&c| !covered[c] && honorific_at(p, c).is_none() && !took_lower)
            {
                j = cap + 1;
                continue;
            }
            let titled_so_far = (start..j).any(|k| {
                p.lex
                    .roles
                    .longest(k, |x| p.key(x).filter(|_| x < j))
                    .is_some_and(|(_, info)| {
                        matches!(info.kind, RoleKind::Person | RoleKind::Anonymous)
                    })
            });
            if norm == "of" && titled_so_far && j + 1 < n && p.is_cap(j + 1) && !covered[j + 1] {
                j += 2;
                continue;
            }
            if p.shared.org_joiners.contains(norm) && j + 1 < n && !covered[j + 1] {
                // `Bank of England`, `Department of Homeland Security`; in French an organisation
                // word takes lowercase complements: `Conseil de sécurité russe`.
                let person_like = p
                    .key(start)
                    .is_some_and(|k| p.shared.first_names.contains_key(k))
                    && !is_org_so_far;
                if p.is_cap(j + 1) && !person_like && (is_org_so_far || org_continues(p, j + 1)) {
                    j += 2;
                    continue;
                }
                if p.lang == Lang::Fr && org_head {
                    let mut k = j + 1;
                    if p.is(k, word::DET) {
                        k += 1;
                    }
                    if k < n && is_plain_lower(p, k) {
                        j = k + 1;
                        took_lower = true;
                        continue;
                    }
                }
            }
            if p.lang == Lang::Fr
                && org_head
                && j <= start + 4
                && is_plain_lower(p, j)
                && adjective_like(p, j)
            {
                j += 1;
                took_lower = true;
                continue;
            }
        }
        break;
    }
    // Never end on a joiner.
    while j > start + 1 && p.tok(j - 1).is_some_and(|t| !p.has(t, flag::CAP)) {
        let t = p.tok(j - 1).expect("token");
        if p.shared.org_joiners.contains(p.norm(t)) || p.shared.particles.contains(p.norm(t)) {
            j -= 1;
        } else {
            break;
        }
    }
    j
}

/// A capitalised word that starts a new sentence rather than continuing a name. Inside a
/// sentence a capitalised function word belongs to the name (`Kim Jong Un`, `Jean-Marie Le Pen`).
fn starts_clause(p: &Prose, j: usize) -> bool {
    p.tok(j).is_none_or(|t| p.has(t, flag::SENT_START))
}

/// True when the capitalised words from `j` contain an organisation word.
fn org_continues(p: &Prose, j: usize) -> bool {
    let mut k = j;
    while k < p.items.len() && p.is_cap(k) && k < j + 5 {
        if p.tok(k)
            .is_some_and(|t| p.lex.org_words.contains(p.norm(t)))
        {
            return true;
        }
        k += 1;
    }
    false
}

/// A lowercase content word: not a function word, a verb form or punctuation.
fn is_plain_lower(p: &Prose, i: usize) -> bool {
    let Some(t) = p.tok(i) else { return false };
    p.tokens[t].kind == TokKind::Word
        && !p.has(t, flag::CAP)
        && p.lex.word_tags(p.norm(t)) == 0
        && !p.lex.is_pronoun(p.norm(t))
        && p.lex.verbs.longest(i, |k| p.key(k)).is_none()
}

/// A French word that looks like an adjective after a noun (`russe`, `nord-coréen`, `locales`,
/// `mondiale`): by its ending, since there is no dictionary.
fn adjective_like(p: &Prose, i: usize) -> bool {
    let Some(t) = p.tok(i) else { return false };
    let w = p.norm(t);
    const ENDINGS: &[&str] = &[
        "ais", "aise", "ain", "aine", "ais", "ois", "oise", "ien", "ienne", "iens", "iennes",
        "éen", "éenne", "éens", "al", "ale", "aux", "ales", "el", "elle", "els", "elles", "ique",
        "iques", "if", "ive", "ifs", "ives", "aire", "aires", "ien", "esque", "in", "ine", "ins",
        "ines", "russe", "russes", "an", "ane", "ans", "anes", "ais", "eur", "eure", "ore", "ène",
        "ènes", "ite", "ites", "yen", "yenne", "ard", "arde", "eux", "euse", "ste", "stes", "é",
        "ée", "és", "ées", "ier", "ière", "iers", "ières", "ère", "ères", "turc", "turque", "grec",
        "grecque", "ote", "otes",
    ];
    ENDINGS.iter().any(|e| w.ends_with(e)) || w.contains('-')
}

/// Split a run of capitalised words into names, peeling off leading titles and roles:
/// `President Abdel Fattah el-Sisi` → `Abdel Fattah el-Sisi` (role president);
/// `Kamloops RCMP Constable Gary Gray` → `Kamloops RCMP`, `Gary Gray` (role constable);
/// `Mayor of London Sadiq Khan` → `Sadiq Khan`. Returns each name's full extent (its title
/// included), its core (the name itself) and the role class of the title. A run that is only
/// a title (`US Ambassador`) is no name.
/// True when item `i` reads as an English nationality adjective (`Brazilian`, `Chinese`,
/// `Pakistani`, `French`): capitalised, not an acronym, not a known place, with a demonym ending.
fn demonym(p: &Prose, i: usize) -> bool {
    let Some(t) = p.tok(i) else { return false };
    if p.lex.lang != Lang::En
        || p.has(t, flag::ALLCAPS)
        || p.shared.places.get_single(p.norm(t)).is_some()
    {
        return false;
    }
    let w = p.norm(t);
    w.chars().count() >= 4
        && ["ian", "ean", "an", "ese", "ish", "i", "ch", "ic"]
            .iter()
            .any(|end| w.ends_with(end))
}

/// True when a capitalised title or honorific starts at item `i` (`President`, `Mr`).
fn title_at(p: &Prose, i: usize) -> bool {
    p.is_cap(i)
        && (honorific_at(p, i).is_some()
            || p.lex
                .roles
                .longest(i, |x| p.key(x))
                .is_some_and(|(_, info)| matches!(info.kind, RoleKind::Person)))
}

fn split_titles(p: &Prose, start: usize, end: usize) -> Vec<NamePart> {
    // The last title word (honorific or role noun) followed by at least one non-title word.
    let mut last_title: Option<(usize, usize, Option<u32>)> = None; // (title start, title end, class)
    let mut ends_in_title = false;
    let mut k = start;
    while k < end {
        let role = p.lex.roles.longest(k, |x| p.key(x).filter(|_| x < end));
        let hon = p
            .lex
            .honorifics
            .longest(k, |x| p.key(x).filter(|_| x < end));
        let (len, class) = match (role, hon) {
            (Some((l, info)), _) if matches!(info.kind, RoleKind::Person | RoleKind::Anonymous) => {
                (l, Some(info.class))
            }
            (_, Some((l, _))) => (l, None),
            _ => {
                k += 1;
                continue;
            }
        };
        let mut t_end = k + len;
        // `Mayor of London Sadiq Khan`, `Secretary of State Mike Pompeo`: the title takes an
        // `of` complement (`Governor of US` alone is only a title).
        if t_end + 1 < end && p.key(t_end) == Some("of") && p.is_cap(t_end + 1) {
            t_end += 2;
        }
        // `Charlie King`, `Martin Luther King`: an honorific after a first name is a surname.
        // So is one after a particle (`Mme Le Maire`).
        let surname = len == 1
            && k > start
            && t_end == end
            && p.key(start).is_some_and(|w| {
                p.shared.first_names.contains_key(w)
                    || k == start + 1 && matches!(w, "le" | "la" | "de" | "du" | "des")
            });
        if surname {
            break;
        }
        if t_end < end {
            last_title = Some((k, t_end, class));
        } else {
            ends_in_title = true;
        }
        k = t_end.max(k + 1);
    }
    // A generic organisation noun in front of a name (`ONG Human Rights Watch`).
    let mut start = start;
    if last_title.is_none() && end > start + 1 {
        if let Some((len, info)) = p.lex.roles.longest(start, |x| p.key(x).filter(|_| x < end)) {
            let is_org_word = p
                .tok(start)
                .is_some_and(|t| p.lex.org_words.contains(p.norm(t)));
            if info.kind == RoleKind::Org
                && !is_org_word
                && start + len < end
                && p.is_cap(start + len)
            {
                start += len;
            }
        }
    }
    match last_title {
        None if ends_in_title => Vec::new(),
        None => vec![(start..end, start..end, None)],
        Some((ts, te, class)) => {
            let mut out = Vec::new();
            // What precedes the title is an organisation or place (`Kamloops RCMP`), unless it
            // is a nationality (`Brazilian President Jair Bolsonaro`).
            let nationality = ts == start + 1 && demonym(p, start);
            if ts > start && !nationality {
                out.push((start..ts, start..ts, None));
            }
            // The nationality is part of the titled name's extent.
            let from = if nationality { start } else { ts };
            out.push((from..end, te..end, class));
            out
        }
    }
}

/// A name found in a run of capitals: full extent, core, role class of its title.
type NamePart = (Range<usize>, Range<usize>, Option<u32>);

/// English puts capitalised adjectives and nouns before a role noun (`Chinese authorities`);
/// French puts them after.
fn lang_premodifies(p: &Prose) -> bool {
    p.lang == Lang::En
}

/// Split a name before a first name that follows other capitalised words (`Justice Alberto
/// Ruiz-Gallardón` after `ministre de la`): the words before are an organisation or a title.
fn split_at_first_name(p: &Prose, core: Range<usize>) -> Vec<Range<usize>> {
    let sh = p.shared;
    let is_first = |k: usize| p.key(k).is_some_and(|w| sh.first_names.contains_key(w));
    for k in core.start + 1..core.end {
        if is_first(k) && !is_first(k - 1) && p.is_cap(k - 1) && k + 1 < core.end {
            return vec![core.start..k, k..core.end];
        }
    }
    vec![core]
}

/// What a name refers to.
fn classify_name(p: &Prose, core: Range<usize>, titled: bool) -> NameKind {
    let sh = p.shared;
    let words: Vec<&str> = core.clone().filter_map(|k| p.key(k)).collect();
    if words.is_empty() {
        return NameKind::Unknown;
    }
    if core.clone().any(|k| {
        p.tok(k)
            .is_some_and(|t| p.lex.org_words.contains(p.norm(t)))
    }) {
        return NameKind::Org;
    }
    if let Some((len, _)) = sh
        .places
        .longest(core.start, |k| p.key(k).filter(|_| k < core.end))
    {
        if core.start + len == core.end {
            return NameKind::Place;
        }
    }
    if titled {
        return NameKind::Person;
    }
    if sh.first_names.contains_key(words[0]) && words.len() >= 2 {
        return NameKind::Person;
    }
    if words.len() == 1 {
        let t = p.tok(core.start).expect("name token");
        if p.has(t, flag::ALLCAPS) {
            return NameKind::Org;
        }
        return NameKind::Unknown;
    }
    // An acronym among the words (`Former CIA`, `Crédit Mutuel CIC`) makes an organisation.
    if core
        .clone()
        .any(|k| p.tok(k).is_some_and(|t| p.has(t, flag::ALLCAPS)))
    {
        return NameKind::Org;
    }
    NameKind::Person
}

/// Gender from a first name at item `i`.
fn first_name_gender(p: &Prose, i: usize) -> Gender {
    p.key(i)
        .and_then(|k| p.shared.first_names.get(k).copied())
        .unwrap_or_default()
}

/// A named or described outlet starting at item `i`: the mention and the item after it.
fn outlet_at(p: &Prose, i: usize) -> Option<(Mention, usize)> {
    let sh = p.shared;
    let n = p.items.len();
    // A web address names a website: `UOL.com.br`, `Politico.com`.
    if let Some(end) = domain_end(p, i) {
        return Some((
            outlet_mention(p, i..end, i..end, None, true, OutletKind::Website, false),
            end,
        ));
    }
    // Named outlet from the lexicon; in French the article of `Le Monde`, `Les Echos` contracts
    // with a preposition (`du Monde`, `au Figaro`, `aux Echos`): the name starts after it.
    let contracted = contracted_article(p, i);
    let lowercase_brand = !p.is_cap(i)
        && p.key(i)
            .is_some_and(|k| sh.lowercase_outlets.iter().any(|o| o == k));
    if p.is_cap(i) || contracted.is_some() || lowercase_brand {
        let first = usize::from(contracted.is_some());
        // The longest listed name whose capitals are there (`the Xinhua news agency`: not the
        // alias `Xinhua News Agency`, but `Xinhua`). (An alias written in lowercase may share
        // its keys with a capitalised one: `Franceinfo, franceinfo`.)
        let caps_ok = |len: usize, caps: u64| {
            lowercase_brand
                || (first..len).all(|k| {
                    let want = caps & (1 << k.min(63)) != 0;
                    !want || p.is_cap(i + k)
                })
        };
        let mut max = n - i;
        let mut found = None;
        while max > 0 {
            let within = |k: usize| k < i + max;
            let longest = match contracted {
                Some(article) => sh
                    .outlets
                    .longest(i, |k| {
                        within(k).then(|| if k == i { Some(article) } else { p.key(k) })?
                    })
                    .filter(|&(len, _)| len >= 2),
                None => sh.outlets.longest(i, |k| p.key(k).filter(|_| within(k))),
            };
            let Some((len, alias)) = longest else { break };
            if caps_ok(len, alias.caps) {
                found = Some((len, alias));
                break;
            }
            max = len - 1;
        }
        if let Some((len, alias)) = found {
            let outlet = &sh.outlet_list[alias.id as usize];
            // `Science & Technology Facilities Council`, `Times Square`: the outlet's name is the
            // start of a longer name. An acronym (`l'AFP Jean Dupont`) or a following first
            // name does not extend it.
            let next_cap = i + len < n && p.is_cap(i + len) && !is_function(p, i + len);
            let next_first_name = p
                .key(i + len)
                .is_some_and(|k| sh.first_names.contains_key(k));
            let acronym = p.tok(i + len - 1).is_some_and(|t| p.has(t, flag::ALLCAPS));
            let joined = matches!(p.key(i + len), Some("&" | "of"))
                && i + len + 1 < n
                && p.is_cap(i + len + 1);
            let extends_name = (next_cap && !next_first_name && !acronym) || joined;
            // `BBC Radio Leeds`, `CBC News Network`: a listed outlet, an outlet word and more
            // capitals name one of its stations or services.
            let station = next_cap
                && !outlet.ambiguous
                && p.key(i + len)
                    .is_some_and(|k| sh.outlet_suffixes.contains(k));
            if station {
                let mut end = i + len + 1;
                while end < n && end < i + len + 4 && p.is_cap(end) && !is_function(p, end) {
                    end += 1;
                }
                let items = i + first..end;
                return Some((
                    outlet_mention(
                        p,
                        items.clone(),
                        items,
                        None,
                        true,
                        outlet.kind,
                        outlet.state,
                    ),
                    end,
                ));
            }
            // `her Variety interview`: an outlet's name right before a noun of an interview.
            let interview_after = matches!(
                p.key(i + len),
                Some("interview" | "interviews" | "podcast" | "column" | "op-ed")
            );
            if !extends_name
                && (!outlet.ambiguous
                    || contracted.is_some()
                    || outlet_expected(p, i)
                    || interview_after)
            {
                let items = i + first..i + len;
                return Some((
                    outlet_mention(
                        p,
                        items.clone(),
                        items,
                        Some(alias.id),
                        true,
                        outlet.kind,
                        outlet.state,
                    ),
                    i + len,
                ));
            }
        }
    }
    // Described outlet: [det] [modifiers] outlet-noun [modifiers] [Name].
    let mut k = i;
    if p.is(k, word::DET | word::POSS) {
        k += 1;
    }
    // English premodifiers: `French news channel`, `state-run`, `local`.
    let mut pre = 0;
    while pre < 2 && k < n && p.lex.outlet_nouns.longest(k, |x| p.key(x)).is_none() {
        let Some(t) = p.tok(k) else { break };
        if p.tokens[t].kind != TokKind::Word || is_function(p, k) || p.lex.lang == Lang::Fr {
            break;
        }
        // `told Discover Magazine`: a verb is not a premodifier, and a named outlet wins.
        if p.lex.verbs.longest(k, |x| p.key(x)).is_some() && !p.is_cap(k)
            || sh.outlets.longest(k, |x| p.key(x)).is_some()
        {
            return None;
        }
        k += 1;
        pre += 1;
    }
    let (len, noun) = p.lex.outlet_nouns.longest(k, |x| p.key(x))?;
    // `the Daily Mail`: the noun starts a named outlet, which the next item gives.
    if k > i && p.is_cap(k) && outlet_at(p, k).is_some() {
        return None;
    }
    // `the International Atomic Energy Agency`, `the European Space Agency`: `Agency` with
    // capitalised words before it that name no outlet ends an organisation's name.
    if k > i
        && noun.kind == OutletKind::Agency
        && p.is_cap(k)
        && p.tok(k).is_some_and(|t| !p.has(t, flag::ALLCAPS))
        && p.is_cap(k - 1)
    {
        return None;
    }
    // A longer role noun wins (`agence spatiale` is an organisation).
    if let Some((rlen, _)) = p.lex.roles.longest(k, |x| p.key(x)) {
        if rlen > len {
            return None;
        }
    }
    let head_start = k;
    if head_start == i && !p.is(i, word::DET | word::POSS) {
        // A bare noun is an outlet only before a name that is not a person's (`newspaper Star
        // of Mysore`, not `Broadcaster Piers Morgan`).
        let after = k + len;
        // `Broadcaster Piers Morgan`: a noun that is also a role, before two capitalised words
        // that are no outlet's, is a person's title.
        let personal = p.lex.roles.longest(k, |x| p.key(x)).is_some()
            && p.is_cap(after + 1)
            && !p.is_cap(after + 2)
            && sh.outlets.longest(after, |x| p.key(x)).is_none()
            && !p
                .key(after + 1)
                .is_some_and(|w| sh.outlet_suffixes.contains(w) || p.lex.org_words.contains(w));
        let names_outlet = after < n
            && p.is_cap(after)
            && !is_function(p, after)
            && !personal
            && !p.key(after).is_some_and(|w| sh.first_names.contains_key(w));
        if !names_outlet {
            // `state media reported`, `according to state media`: a bare noun where a source is
            // cited.
            let before_verb = p.lex.verbs.longest(after, |x| p.key(x)).is_some();
            let after_cue =
                i >= 2 && p.key(i - 1) == Some("to") && p.key(i - 2) == Some("according");
            // `said on TV`, `said on radio`.
            let on_air = i >= 2
                && p.key(i - 1) == Some("on")
                && p.lex.verbs.longest(i - 2, |x| p.key(x)).is_some();
            if p.lang == Lang::En && (on_air || (before_verb || after_cue) && len >= 2) {
                return Some((
                    outlet_mention(p, i..after, i..after, None, false, noun.kind, noun.state),
                    after,
                ));
            }
            return None;
        }
        let mut e = after;
        while e < n
            && (p.is_cap(e) || (p.key(e) == Some("of") && e + 1 < n && p.is_cap(e + 1)))
            && !starts_clause(p, e)
        {
            e += 1;
        }
        if let Some((nlen, alias)) = sh.outlets.longest(after, |x| p.key(x)) {
            let outlet = &sh.outlet_list[alias.id as usize];
            return Some((
                outlet_mention(
                    p,
                    i..after + nlen,
                    after..after + nlen,
                    Some(alias.id),
                    true,
                    outlet.kind,
                    outlet.state,
                ),
                after + nlen,
            ));
        }
        return Some((
            outlet_mention(p, i..e, after..e, None, true, noun.kind, noun.state),
            e,
        ));
    }
    let mut end = k + len;
    // French postmodifiers: `officielle nord-coréenne`, `d'Etat`.
    let mut post = 0;
    while post < 3
        && end < n
        && is_plain_lower(p, end)
        && (p.lang == Lang::Fr)
        && adjective_like(p, end)
    {
        end += 1;
        post += 1;
    }
    // `de presse`, `d'État`, `d'information` already in the noun entries; a name may follow.
    if end < n && p.is_cap(end) && !is_function(p, end) {
        if let Some((nlen, alias)) = sh.outlets.longest(end, |x| p.key(x)) {
            let outlet = &sh.outlet_list[alias.id as usize];
            let items = i..end + nlen;
            return Some((
                outlet_mention(
                    p,
                    items,
                    end..end + nlen,
                    Some(alias.id),
                    true,
                    outlet.kind,
                    outlet.state,
                ),
                end + nlen,
            ));
        }
        // An outlet the lexicon does not know: `le quotidien El Punt Avui`; not a person
        // named after the noun (`a déclaré à l'agence Stéphanie Roux`, an inverted subject).
        let person = p.key(end).is_some_and(|w| sh.first_names.contains_key(w));
        let mut e = end;
        while e < n
            && (p.is_cap(e)
                || (p
                    .tok(e)
                    .is_some_and(|t| p.tokens[t].kind == TokKind::Number)
                    && e > end))
            && !starts_clause(p, e)
        {
            e += 1;
        }
        if e > end && !person {
            return Some((
                outlet_mention(p, i..e, end..e, None, true, noun.kind, noun.state),
                e,
            ));
        }
    }
    // A noun that names an outlet only when qualified (`le site` of a factory): with a
    // possessive (`sur son site`) or a complement (`le site du ministère`).
    if noun.qualified
        && !p.is(i, word::POSS)
        && !matches!(p.key(end), Some("de" | "du" | "des" | "d'" | "of"))
    {
        return None;
    }
    let core_start = if p.is(i, word::DET | word::POSS) {
        i + 1
    } else {
        i
    };
    Some((
        outlet_mention(
            p,
            i..end,
            core_start..end,
            None,
            false,
            noun.kind,
            noun.state,
        ),
        end,
    ))
}

/// End of a web address starting at item `i` (`UOL.com.br`): words joined by dots with no space,
/// the last one a top-level domain.
fn domain_end(p: &Prose, i: usize) -> Option<usize> {
    const TLDS: &[&str] = &[
        "com", "org", "net", "info", "news", "fr", "be", "ch", "ca", "uk", "us", "br", "de", "es",
        "it", "eu", "au", "in", "io", "tv", "co",
    ];
    let word = |k: usize| {
        p.tok(k)
            .filter(|&t| p.tokens[t].kind == TokKind::Word)
            .map(|t| p.tokens[t].span())
    };
    let mut prev = word(i)?;
    let mut k = i + 1;
    let mut end = None;
    while k + 1 < p.items.len() && p.is_punct(k, ".") {
        let dot = p.item_span(k);
        let Some(next) = word(k + 1) else { break };
        if dot.start != prev.end || next.start != dot.end {
            break;
        }
        if !p.key(k + 1).is_some_and(|w| TLDS.contains(&w)) {
            break;
        }
        prev = next;
        k += 2;
        end = Some(k);
    }
    end
}

/// The article hidden in a French contraction at item `i` (`du`, `au` → `le`; `des`, `aux` →
/// `les`) when a capitalised word follows.
fn contracted_article(p: &Prose, i: usize) -> Option<&'static str> {
    if p.lang != Lang::Fr || !p.is_cap(i + 1) {
        return None;
    }
    match p.key(i)? {
        "du" | "au" => Some("le"),
        "des" | "aux" => Some("les"),
        _ => None,
    }
}

/// True when an outlet is expected at item `i` (for names that are also common words):
/// after `selon`, `told`, `sur`, `on`, `à`, `according to`, an outlet noun, or before `reported`.
fn outlet_expected(p: &Prose, i: usize) -> bool {
    const BEFORE: &[&str] = &[
        "selon", "d'après", "sur", "on", "à", "au", "to", "told", "tells", "tell", "par", "by",
        "via", "du", "avec", "with", "in", "dans", "the", "le", "la", "l'",
    ];
    let prev = i.checked_sub(1).and_then(|k| p.key(k));
    if prev.is_some_and(|k| BEFORE.contains(&k)) {
        // `the`/`le` alone are weak; require a source-taking word before them.
        if matches!(prev, Some("the" | "le" | "la" | "l'")) {
            let prev2 = i.checked_sub(2).and_then(|k| p.key(k));
            return prev2
                .is_some_and(|k| BEFORE.contains(&k) && !matches!(k, "the" | "le" | "la" | "l'"));
        }
        return true;
    }
    if i > 0 && p.lex.outlet_nouns.longest(i - 1, |k| p.key(k)).is_some() {
        return true;
    }
    // After a cue phrase that names a medium (`au micro de RTL`, `in an interview with AP`).
    (i.saturating_sub(4)..i).any(|j| {
        p.lex
            .cues
            .longest(j, |k| p.key(k).filter(|_| k < i))
            .is_some_and(|(len, info)| j + len == i && info.kind == crate::lang::CueKind::Medium)
    })
}

fn outlet_mention(
    p: &Prose,
    items: Range<usize>,
    core: Range<usize>,
    id: Option<u32>,
    named: bool,
    kind: OutletKind,
    state: bool,
) -> Mention {
    let kind = MentionKind::Outlet {
        id,
        named,
        kind,
        state,
    };
    Mention::plain(
        p,
        p.items_span(items.clone()),
        items,
        p.items_span(core),
        kind,
    )
}

/// The end of a compound that starts with digits and goes on, without spaces, through `/` or
/// `-` (`9/11`, `4-H`, `24-year-old`); `None` for a plain number or anything else.
fn compound_number_end(p: &Prose, i: usize) -> Option<usize> {
    let glued = |a: usize, b: usize| p.item_span(a).end == p.item_span(b).start;
    let t = p.tok(i)?;
    if p.tokens[t].kind != TokKind::Number {
        return None;
    }
    let n = p.items.len();
    let mut k = i + 1;
    while k + 1 < n
        && p.is_any_punct(k, &["/", "-"])
        && glued(k - 1, k)
        && glued(k, k + 1)
        && p.tok(k + 1)
            .is_some_and(|t| matches!(p.tokens[t].kind, TokKind::Number | TokKind::Word))
    {
        k += 2;
    }
    (k > i + 1).then_some(k)
}

/// A description headed by a role noun, starting at item `i`.
///
/// Shapes: `[det] [premodifiers] ROLE [adjectives] [de/of + complement]…`
/// (`le numéro un nord-coréen`, `le porte-parole de la police madrilène`, `a senior official`,
/// `the North Korean leader`, `son avocate`), `l'un des ROLE`/`one of the ROLE`, and bare plurals
/// (`officials said`).
fn description_at(
    p: &Prose,
    i: usize,
    covered: &Marks,
    starts: &Marks,
) -> Option<(Mention, usize)> {
    let n = p.items.len();
    if covered[i] || p.tok(i).is_none() {
        return None;
    }
    let mut k = i;
    let mut det = false;
    let mut indefinite = false;
    let one_of_first = matches!(p.key(i), Some("un" | "une" | "one" | "l'un" | "l'une"))
        && matches!(p.key(i + 1), Some("des" | "de" | "d'" | "of"));
    if !one_of_first
        && (p.is(k, word::DET | word::POSS | word::QUANT | word::NUM) && !p.is(k, word::CLITIC)
            || p.is(k, word::DET))
    {
        det = true;
        indefinite = p.is(k, word::INDEF | word::QUANT);
        k += 1;
        // `les deux parties`, `ses deux avocats`
        while k < n && p.is(k, word::NUM) {
            k += 1;
        }
    }
    // `l'un des porte-parole`, `one of the children`
    let one_of = k < n
        && matches!(p.key(k), Some("un" | "une" | "one" | "l'un" | "l'une"))
        && matches!(p.key(k + 1), Some("des" | "de" | "d'" | "of"));
    let one_of = one_of || one_of_first;
    if one_of {
        if one_of_first {
            det = true;
        }
        k += 2;
        if p.is(k, word::DET | word::POSS) {
            k += 1;
        }
    }
    // A compound with digits is one premodifier: `9/11 widow`, `4-H leader`, `24-year-old
    // student`.
    if k == i || det {
        k = compound_number_end(p, k).unwrap_or(k);
    }
    // Premodifiers: up to three words before the role noun (`haut`, `North Korean`, `senior`).
    let mut head = None;
    // `The 34-year-old told the court`: an age with no noun after it is the person.
    if det && k >= i + 2 && p.key(k - 1) == Some("year-old") && role_at(p, k).is_none() {
        head = p
            .lex
            .roles
            .get_single("year-old")
            .map(|info| (k - 1, 1, *info));
    }
    for j in k..(k + 4).min(n) {
        if head.is_some() {
            break;
        }
        if covered[j] && j > k {
            break;
        }
        // Not across a paragraph or a headline: `Match day` | `Police say …`.
        if j > i && p.block_start_of(j) != p.block_end_of(j - 1) {
            break;
        }
        if let Some((len, info)) = role_at(p, j) {
            // English compounds take the last noun as head: `the opposition leader`, `a company
            // spokesman` are persons, `court documents`, `a police report` documents, `the
            // emergency management department` an organisation. (Also with the rest of the
            // organisation's capitalised name between: `a Government Accountability Office
            // report`.)
            let mut compound = None;
            if p.lang == Lang::En && info.kind == RoleKind::Org {
                let mut after = j + len;
                let mut role = role_at(p, after);
                if p.is_cap(j) {
                    while after < (j + len + 3).min(n)
                        && p.is_cap(after)
                        && !covered[after]
                        && role.is_none_or(|(_, r)| r.kind == RoleKind::Org)
                    {
                        after += 1;
                        role = role_at(p, after);
                    }
                    if role.is_none() {
                        after = j + len;
                        role = role_at(p, after);
                    }
                }
                compound = role
                    .filter(|_| after < n && !covered[after])
                    .filter(|(_, r)| {
                        matches!(
                            r.kind,
                            RoleKind::Person
                                | RoleKind::Anonymous
                                | RoleKind::Document
                                | RoleKind::Org
                        )
                    })
                    .map(|(len2, info2)| (after, len2, info2));
            }
            head = Some(compound.unwrap_or((j, len, info)));
            break;
        }
        let Some(t) = p.tok(j) else { break };
        if p.tokens[t].kind != TokKind::Word || is_function(p, j) {
            break;
        }
        // French puts few adjectives before the noun (asked first: the cheaper test).
        if p.lex
            .premodifiers
            .as_ref()
            .is_some_and(|set| !set.contains(p.norm(t)))
        {
            break;
        }
        if p.lex.verbs.longest(j, |x| p.key(x)).is_some() && !p.has(t, flag::CAP) {
            break;
        }
    }
    let (hs, hlen, info) = head?;
    if covered[hs] {
        return None;
    }
    // Without a determiner: a plural (`officials said`), a capitalised role at the start of a
    // sentence (`Police said`), or a role right before a name (`tour manager Thomas Gray`, which
    // is bound to the name).
    if !det && !one_of {
        let first = p.tok(i)?;
        // Right after a subject pronoun comes its verb (`after she attacked police`), not a
        // noun's premodifier.
        if i > 0
            && p.key(i - 1)
                .is_some_and(|w| p.lex.subject_pronouns.contains(w))
        {
            return None;
        }
        // A bare role before a reporting verb (`as fire chief warns`, `police said`) or an
        // organisation noun used without article (`according to police`).
        // (At the start of a clause, and not before a participle: `a video message posted to
        // Twitter` is no subject.)
        let before_verb = {
            let mut k = hs + hlen;
            while k < n && p.is(k, word::ADV) {
                k += 1;
            }
            let participle = p.key(k).is_some_and(|w| w.ends_with("ed"))
                && matches!(
                    p.key(k + 1),
                    Some("to" | "by" | "on" | "in" | "from" | "at")
                );
            let clause_start = i == 0
                || p.has(first, flag::SENT_START)
                || p.is_any_punct(i - 1, &[",", ";", ":", "—", "–", "―", "("])
                || p.is(i - 1, word::CONJ | word::SUB | word::SUBORD)
                || p.quote_at(i - 1).is_some();
            p.lex.verbs.longest(k, |x| p.key(x)).is_some() && !participle && clause_start
        };
        // The inverted subject of a cue right after a quote (`"We will win," says defiant
        // coach`: headlines drop the article).
        let inverted = p.lang == Lang::En
            && i >= 2
            && p.lex
                .verbs
                .longest(i - 1, |x| p.key(x).filter(|_| x < i))
                .is_some()
            && (p.quote_at(i - 2).is_some()
                || i >= 3 && p.is_punct(i - 2, ",") && p.quote_at(i - 3).is_some())
            // Not the first noun of a longer title (`wrote student protester Joshua Wong`).
            && !(hs + hlen < n && (p.is_cap(hs + hlen) || role_at(p, hs + hlen).is_some()));
        let bare_ok = info.number == Number::Plural
            || inverted
            || p.has(first, flag::SENT_START)
            || (hs + hlen < n && p.is_cap(hs + hlen) && covered[hs + hlen])
            || (p.lang == Lang::En && (before_verb || info.kind == RoleKind::Org))
            // After a possessor: `the judge's statement`, `Biden's spokesman`.
            || (p.lang == Lang::En && i > 0 && p.key(i - 1) == Some("'s"));
        if !bare_ok {
            return None;
        }
        indefinite = info.number == Number::Plural && info.kind != RoleKind::Org;
        if hs != i && !p.has(p.tok(i)?, flag::CAP) && p.lang == Lang::Fr {
            return None;
        }
    }
    let mut end = hs + hlen;
    let mut modifiers: Vec<String> = (k..hs)
        .filter_map(|j| p.key(j).map(str::to_string))
        .collect();
    // French adjectives after the noun; not a participle that opens a cue (`un responsable
    // turc cité par Reuters`).
    let cited = |k: usize| {
        p.lex
            .cues
            .longest(k, |x| p.key(x))
            .is_some_and(|(_, c)| c.kind == CueKind::CitedBy)
    };
    let mut post = 0;
    while post < 3 && end < n && is_plain_lower(p, end) && adjective_like(p, end) && !cited(end) {
        modifiers.push(p.key(end).unwrap_or("").to_string());
        end += 1;
        post += 1;
    }
    // Complements: `de la police madrilène`, `du groupe Crédit Mutuel CIC`, `for 10 Downing
    // Street`, `from Iran`.
    let mut pps = 0;
    while pps < 3 && end + 1 < n {
        // `sources close to the talks`, `a source familiar with the matter`, `des sources
        // proches du dossier`: an adjective and its preposition open a complement too.
        let adjective = matches!(
            (p.key(end), p.key(end + 1)),
            (Some("close"), Some("to"))
                | (Some("familiar"), Some("with"))
                | (Some("briefed"), Some("on"))
                | (Some("proche" | "proches"), Some("de" | "du" | "des" | "d'"))
        );
        if adjective {
            end += 1;
        }
        let Some(prep) = p.key(end) else { break };
        // A document's author or place: `a report by the agency`, `a statement on the city's
        // website`.
        // (Not the topic: `un reportage sur Wikipédia` is a `reportage`; the place only when
        // it is a website or a platform's page, not a named one: `a post on Facebook` cites it.)
        let website = || {
            (end + 1..(end + 6).min(n)).any(|x| {
                p.lex
                    .outlet_nouns
                    .longest(x, |y| p.key(y))
                    .is_some_and(|(_, o)| {
                        matches!(o.kind, OutletKind::Website | OutletKind::Platform)
                    })
            })
        };
        let document_pp = info.kind == RoleKind::Document
            && (matches!(prep, "by" | "par") || matches!(prep, "on" | "sur") && website());
        if !adjective
            && !document_pp
            && !matches!(
                prep,
                "de" | "du" | "des" | "d'" | "of" | "for" | "from" | "at"
            )
        {
            break;
        }
        let mut e = end + 1;
        if p.is(e, word::DET | word::POSS) {
            e += 1;
        }
        let before = e;
        // A name, a role noun, or one or two plain words, then adjectives.
        if e < n && covered[e] {
            e += 1;
            while e < n && covered[e] && !starts[e] && p.quote_at(e).is_none() {
                e += 1;
            }
        } else if let Some((len, _)) = role_at(p, e) {
            e += len;
            // `du groupe Crédit Mutuel CIC`: the role noun's own name; not a person's name
            // (`la secrétaire générale du syndicat Marie Dupuis` is Marie Dupuis).
            let person = p
                .key(e)
                .is_some_and(|k| p.shared.first_names.contains_key(k))
                && e + 1 < n
                && covered[e + 1]
                && !starts[e + 1];
            if e < n && covered[e] && starts[e] && p.is_cap(e) && !person {
                e += 1;
                while e < n && covered[e] && !starts[e] && p.quote_at(e).is_none() {
                    e += 1;
                }
            }
        } else {
            let mut w = 0;
            while w < 2
                && e < n
                && (is_plain_lower(p, e)
                    || p.is_cap(e)
                    || p.tok(e)
                        .is_some_and(|t| p.tokens[t].kind == TokKind::Number))
                && !is_function(p, e)
                && !cited(e)
                // `le groupe français de distribution Orvane`: a capital after a lowercase
                // complement word is the described one's own name, not the complement's.
                && !(w > 0 && p.is_cap(e) && is_plain_lower(p, e - 1))
            {
                e += 1;
                w += 1;
            }
        }
        if e == before {
            break;
        }
        // `the governor of China's Hunan province`: a possessive continues the complement.
        if p.key(e) == Some("'s") {
            e += 1;
            let mut w = 0;
            while w < 3
                && e < n
                && (is_plain_lower(p, e) || p.is_cap(e))
                && !is_function(p, e)
                && p.lex.verbs.longest(e, |x| p.key(x)).is_none()
            {
                e += 1;
                w += 1;
            }
        }
        while e < n && is_plain_lower(p, e) && adjective_like(p, e) && !cited(e) {
            e += 1;
        }
        for j in end..e {
            if let Some(key) = p.key(j) {
                if !p.is(j, word::DET | word::PREP) {
                    modifiers.push(key.to_string());
                }
            }
        }
        end = e;
        pps += 1;
    }
    // A role named with its complement (`le ministre nord-coréen des Affaires étrangères` is a
    // `ministre des Affaires étrangères`, the class of `chef de la diplomatie`): match the head
    // followed by the complement, adjectives in between skipped.
    let mut info = info;
    if end > hs + hlen {
        let mut seq: Vec<usize> = (hs..hs + hlen).collect();
        let mut j = hs + hlen;
        while j < end && is_plain_lower(p, j) && adjective_like(p, j) {
            j += 1;
        }
        seq.extend(j..end);
        if let Some((len, longer)) = p
            .lex
            .roles
            .longest(0, |x| seq.get(x).and_then(|&k| p.key(k)))
        {
            if len > hlen {
                info = RoleInfo {
                    gender: if longer.gender == Gender::Unknown {
                        info.gender
                    } else {
                        longer.gender
                    },
                    ..*longer
                };
            }
        }
    }
    // `les deux parties` keeps its article: `deux parties` alone is not how copy names them.
    let core_start = if det && !p.is(i + 1, word::NUM) && !one_of_first {
        i + 1
    } else {
        i
    };
    let number = if one_of {
        Number::Singular
    } else {
        info.number
    };
    // An epicene French noun takes its gender from its article (`la maire`, `le ministre`).
    let gender = match (info.gender, det && p.lang == Lang::Fr, p.key(i)) {
        (Gender::Unknown, true, Some("la" | "une" | "cette")) => Gender::Fem,
        (Gender::Unknown, true, Some("le" | "un" | "ce" | "cet")) => Gender::Masc,
        (g, _, _) => g,
    };
    let mention = Mention {
        full: p.items_span(i..end),
        items: i..end,
        core: p.items_span(core_start.min(hs)..end),
        kind: MentionKind::Description(info.kind),
        gender,
        number,
        in_pp: false,
        role_class: Some(info.class),
        modifiers,
        indefinite,
        apposed: None,
        generic: info.generic,
        broad: info.broad,
        sentence: p.sentence_index(i),
    };
    // Continue scanning after the head (names inside complements are separate mentions).
    Some((mention, hs + hlen))
}

/// The start of a noun phrase ending at `end` that the lexicons do not know: a determiner (or a
/// capital at the start of the sentence) and one to four plain words.
fn generic_subject(p: &Prose, end: usize, covered: &Marks) -> Option<usize> {
    let mut k = end;
    let mut words = 0;
    while k > 0 && words < 4 {
        let x = k - 1;
        if covered[x] || p.quote_at(x).is_some() {
            return None;
        }
        if p.is(x, word::DET | word::POSS | word::NUM | word::QUANT) && !p.is(x, word::PREP) {
            return (words > 0).then_some(x);
        }
        let t = p.tok(x)?;
        let plain = p.tokens[t].kind == TokKind::Word
            && !is_function(p, x)
            && p.lex.verbs.longest(x, |y| p.key(y)).is_none();
        if !plain {
            return None;
        }
        words += 1;
        k = x;
        if p.has(t, flag::SENT_START) {
            return Some(x);
        }
    }
    None
}

/// A role noun at item `j` (also under an `ex-` prefix: `ex-députée`).
fn role_at(p: &Prose, j: usize) -> Option<(usize, RoleInfo)> {
    if let Some((len, info)) = p.lex.roles.longest(j, |x| p.key(x)) {
        return Some((len, *info));
    }
    let key = p.key(j)?;
    let rest = key.strip_prefix("ex-")?;
    p.lex.roles.get_single(rest).map(|info| (1, *info))
}

/// The subject clitic of an inversion token (`a-t-il`, `dit-elle`, `ont-ils`): its span and
/// pronoun information.
pub fn inversion_clitic(p: &Prose, t: usize) -> Option<(Span, crate::lang::PronounInfo)> {
    let s = p.tok_text(t);
    let norm = p.norm(t);
    // Most words have no hyphen: one pass over their bytes.
    let dash = norm.bytes().rposition(|b| b == b'-')?;
    let (head, clitic) = (&norm[..dash], &norm[dash + 1..]);
    if head.is_empty() {
        return None;
    }
    let info = p.lex.pronouns.get(clitic)?;
    if info.reject && clitic != "on" {
        return None;
    }
    let start = p.tokens[t].span().end
        - (s.len()
            - s.rfind(['-', '\u{2010}', '\u{2011}'])
                .map_or(0, |x| x + s[x..].chars().next().map_or(1, char::len_utf8)));
    Some((Span::new(start, p.tokens[t].span().end), *info))
}

/// Mark mentions that are objects of a preposition or possessors (`du président X`, `of The
/// Times`, `Niger's`): they are not subjects.
fn mark_prepositional(p: &Prose, list: &mut [Mention]) {
    for m in list.iter_mut() {
        let start = m.items.start;
        let mut k = start;
        // Look back over a determiner to the preposition.
        while k > 0
            && p.is(k - 1, word::DET | word::POSS | word::NUM | word::QUANT)
            && !p.is(k - 1, word::PREP)
        {
            k -= 1;
        }
        // `A number of senators`, `some of the residents`: the complement of a quantity is
        // the phrase's head, not a prepositional object.
        let partitive = k >= 2
            && matches!(p.key(k - 1), Some("of" | "de" | "d'"))
            && (p.is(k - 2, word::QUANT | word::NUM)
                || p.key(k - 2).is_some_and(|w| p.lex.partitives.contains(w)));
        if k > 0 && p.is(k - 1, word::PREP) && !p.is(k - 1, word::SUBORD | word::CONJ) && !partitive
        {
            m.in_pp = true;
        }
        // A description that starts with a contracted preposition-article (`du président`,
        // `au ministre`).
        if p.is(start, word::PREP) && p.is(start, word::DET) {
            m.in_pp = true;
        }
        if k > 0 && matches!(p.key(k - 1), Some("selon" | "d'après")) {
            m.in_pp = true;
        }
        // English possessor: `Niger's president`; not `He's claiming` (`he is`).
        if p.key(m.items.end) == Some("'s") && !matches!(m.kind, MentionKind::Pronoun { .. }) {
            m.in_pp = true;
        }
    }
    // Names inside a description's complements (`les analystes du groupe Crédit Mutuel CIC`,
    // `le directeur du Science & Technology Facilities Council`) and names right after a
    // description that is itself in a prepositional phrase (`autour du président Vladimir
    // Poutine`) are not subjects either.
    let descs: Vec<(Span, usize, bool)> = list
        .iter()
        .filter(|m| matches!(m.kind, MentionKind::Description(_)))
        .map(|m| (m.full, m.items.end, m.in_pp))
        .collect();
    // The names and outlets by where they start, so each description looks only at those that
    // start inside it.
    let mut named: Vec<(usize, usize)> = list
        .iter()
        .enumerate()
        .filter(|(_, m)| matches!(m.kind, MentionKind::Name(_) | MentionKind::Outlet { .. }))
        .map(|(i, m)| (m.full.start, i))
        .collect();
    named.sort_unstable();
    let after_pp: HashSet<usize> = descs
        .iter()
        .filter(|d| d.2)
        .map(|&(_, end, _)| end)
        .collect();
    for &(full, _, _) in &descs {
        let from = named.partition_point(|&(s, _)| s <= full.start);
        for &(start, i) in named[from..].iter().take_while(|&&(s, _)| s < full.end) {
            let m = &mut list[i];
            // Inside the complement: after a preposition somewhere before it in the phrase.
            if full.contains(m.full) && p.text[full.start..start].split_whitespace().count() >= 2 {
                m.in_pp = true;
            }
        }
    }
    for &(_, i) in &named {
        if after_pp.contains(&list[i].items.start) {
            list[i].in_pp = true;
        }
    }
}

/// Link a description and a name in apposition: `Le dirigeant nord-coréen Kim Jong Un`,
/// `Nadim Houry, responsable de l'organisation`, `le président du directoire de PSA, Philippe
/// Varin`.
fn link_appositions(p: &Prose, list: &mut [Mention]) {
    // The names that can be apposed, by the item they start at and the one they end at: sorted
    // (item, index) pairs, so the names at one item come in list order (no vector per item).
    let mut by_start: Vec<(usize, usize)> = Vec::new();
    let mut by_end: Vec<(usize, usize)> = Vec::new();
    for (b, m) in list.iter().enumerate() {
        if matches!(
            m.kind,
            MentionKind::Name(NameKind::Person | NameKind::Org | NameKind::Unknown)
        ) {
            by_start.push((m.items.start, b));
            by_end.push((m.items.end, b));
        }
    }
    by_start.sort_unstable();
    by_end.sort_unstable();
    for a in 0..list.len() {
        let MentionKind::Description(_) = list[a].kind else {
            continue;
        };
        // Description followed by a name, directly or after the comma that closes its
        // complements (`The president of the Pacific island nation of Marivala, Josefa Kaitani`).
        let direct_end = list[a].items.end;
        let mut end = direct_end;
        let sent_end = p.sentences[list[a].sentence].items.end;
        let mut k = end;
        while k < sent_end
            && k < end + 8
            && p.quote_at(k).is_none()
            && !p.is_any_punct(k, &[",", ";", ":", "(", ")"])
            && !p.is(k, word::AUX | word::REL | word::SUB)
            && p.lex.verbs.longest(k, |x| p.key(x)).is_none()
        {
            k += 1;
        }
        if p.is_punct(k, ",") {
            end = k;
        }
        let name_at = |at: usize| lookup(&by_start, at).find(|&b| b != a && !list[b].in_pp);
        // `a protester using the pseudonym Katya`: the name the person goes by.
        let alias = || {
            let (len, _) = p.lex.alias_phrases.longest(direct_end, |x| p.key(x))?;
            name_at(direct_end + len)
        };
        // Right after the role, also inside the same prepositional phrase for a person's role
        // and name: `selon la syndicaliste Lise Warin` (not `de la commission Denis Baupin`).
        // (With its determiner: a bare title in a complement, `of President-elect Joe Biden`,
        // binds no role.)
        let person_role = matches!(
            list[a].kind,
            MentionKind::Description(RoleKind::Person | RoleKind::Anonymous)
        );
        let in_pp_person = list[a].in_pp
            && list[a].full.start < list[a].core.start
            && !list[a].indefinite
            && person_role;
        // A person's role whose complement runs up to the name (`Le président du conseil
        // régional Marc Lefort`, `the chairman of the committee Adam Schiff`): the name reads as
        // in that complement, yet it is the role's.
        let complement_person = !list[a].in_pp
            && !list[a].indefinite
            && person_role
            && list[a].items.clone().any(|k| p.is(k, word::PREP));
        let direct = || {
            lookup(&by_start, direct_end).find(|&b| {
                b != a
                    && (!list[b].in_pp
                        || (in_pp_person || complement_person)
                            && list[b].kind == MentionKind::Name(NameKind::Person))
            })
        };
        // A party between a person's role and the name (`le député LFI François Ruffin`): the
        // role is the person's.
        let past_party = |b: usize| -> usize {
            if !person_role || list[b].kind != MentionKind::Name(NameKind::Org) {
                return b;
            }
            lookup(&by_start, list[b].items.end)
                .find(|&c| list[c].kind == MentionKind::Name(NameKind::Person))
                .unwrap_or(b)
        };
        // A capitalised role whose last word is also the name's title (`Chief Financial
        // Officer Marcus Oduya`: `Officer Marcus Oduya` is a titled name).
        let overlapping = || {
            let last = direct_end.checked_sub(1)?;
            (last > list[a].items.start && person_role && !list[a].in_pp)
                .then(|| {
                    lookup(&by_start, last).find(|&b| {
                        b != a
                            && list[b].items.end > direct_end
                            && list[b].kind == MentionKind::Name(NameKind::Person)
                    })
                })
                .flatten()
        };
        let target = direct()
            .or_else(overlapping)
            .map(past_party)
            .or_else(alias)
            .or_else(|| {
                p.is_punct(direct_end, ",")
                    .then(|| name_at(direct_end + 1))
                    .flatten()
            })
            .or_else(|| (end != direct_end).then(|| name_at(end + 1)).flatten());
        let target = target.or_else(|| {
            // Name, comma, description, an adverb between (`Tom Frieden, formerly the
            // director of …`).
            let mut start = list[a].items.start;
            if start > 0 && p.is(start - 1, word::ADV) && !p.is(start - 1, word::CONJ) {
                start -= 1;
            }
            if start < 2 || !p.is_punct(start - 1, ",") {
                return None;
            }
            lookup(&by_end, start - 1).find(|&b| b != a)
        });
        // A definite description as the predicate of its name (`The Court of Session is the
        // highest civil court in Scotland`, `Léa Roy est la porte-parole du collectif`).
        let target = target.or_else(|| {
            let start = list[a].items.start;
            if list[a].indefinite
                || start < 2
                || !p.is(start, word::DET)
                || !matches!(p.key(start - 1), Some("is" | "was" | "est" | "était"))
            {
                return None;
            }
            lookup(&by_end, start - 1).find(|&b| b != a && !list[b].in_pp)
        });
        // A role given as what a named person is taken for (`spoke with Anne Sacoolas as a
        // suspect`, `Paul Roux, entendu comme témoin`).
        let target = target.or_else(|| {
            let start = list[a].items.start;
            if start < 2 || !matches!(p.key(start - 1), Some("as" | "comme")) {
                return None;
            }
            lookup(&by_end, start - 1).find(|&b| {
                b != a
                    && matches!(
                        list[b].kind,
                        MentionKind::Name(NameKind::Person | NameKind::Unknown)
                    )
            })
        });
        // An organisation's noun is not a person's name (`… sur la société, Élisabeth Bonnet a
        // insisté`: the comma ends a complement, it opens no apposition), nor is a plural
        // (`Speaking to reporters on Tuesday, President Joe Biden said`).
        // But an organisation's noun set off by commas before a name with no known first name
        // is that name's (`The company, Nordvik Energy, posted a loss`): an organisation.
        let org_noun = matches!(list[a].kind, MentionKind::Description(RoleKind::Org));
        let org_named = |b: usize| {
            org_noun
                && !list[a].in_pp
                && list[a].number == Number::Singular
                && list[b].items.start == direct_end + 1
                && p.is_punct(direct_end, ",")
                && p.is_punct(list[b].items.end, ",")
                && p.key(list[b].items.start)
                    .is_some_and(|w| !p.shared.first_names.contains_key(w))
        };
        let target = target.filter(|&b| {
            !((org_noun || list[a].number == Number::Plural)
                && list[b].kind == MentionKind::Name(NameKind::Person))
                || org_named(b)
        });
        if let Some(b) = target {
            if list[a].sentence == list[b].sentence {
                if org_named(b) {
                    list[b].kind = MentionKind::Name(NameKind::Org);
                }
                list[a].apposed = Some(b);
                if list[b].role_class.is_none() {
                    list[b].role_class = list[a].role_class;
                }
                if list[b].gender == Gender::Unknown {
                    list[b].gender = list[a].gender;
                }
            }
        }
    }
    let _ = Item::Tok(0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::quotes::pair;

    fn mentions(text: &str, lang: Lang) -> Vec<(String, String)> {
        let doc = Document::plain_str(text);
        let pr = pair(doc.text(), doc.blocks());
        let prose = Prose::new(doc.text(), lang, doc.blocks(), &pr.quotes);
        let ms = find(&prose);
        ms.list
            .iter()
            .map(|m| {
                let kind = match m.kind {
                    MentionKind::Name(k) => format!("{k:?}"),
                    MentionKind::Pronoun { .. } => "Pronoun".into(),
                    MentionKind::Description(k) => format!("Desc{k:?}"),
                    MentionKind::Outlet { named, .. } => {
                        if named {
                            "Outlet".into()
                        } else {
                            "OutletDesc".into()
                        }
                    }
                };
                (m.core.get(doc.text()).to_string(), kind)
            })
            .collect()
    }

    #[test]
    fn finding_sentence_by_sentence_equals_one_pass() {
        // `1` cuts at every sentence that may start a run; the articles on one line are one
        // block, cut the same way.
        let texts = ["fr", "en"].map(|dir| {
            let text = crate::par::fixture_articles(dir);
            let one_line = crate::par::one_line(&text);
            [(dir, text), (dir, one_line)]
        });
        for (dir, text) in texts.into_iter().flatten() {
            let lang = if dir == "fr" { Lang::Fr } else { Lang::En };
            let doc = Document::plain_str(&text);
            let pr = pair(doc.text(), doc.blocks());
            let prose = Prose::new(doc.text(), lang, doc.blocks(), &pr.quotes);
            let one = find_by_runs(&prose, usize::MAX);
            let many = find_by_runs(&prose, 1);
            assert!(one.list.len() > 100, "{dir}: {}", one.list.len());
            assert!(
                one.list == many.list,
                "{dir}: runs of one sentence differ from one pass"
            );
        }
    }

    fn has(ms: &[(String, String)], text: &str, kind: &str) -> bool {
        ms.iter().any(|(t, k)| t == text && k == kind)
    }

    #[test]
    fn a_plural_description_is_no_apposition_of_a_person_name() {
        let text = "Speaking to reporters on Tuesday, President Joe Biden said it was over.";
        let doc = Document::plain_str(text);
        let pr = pair(doc.text(), doc.blocks());
        let prose = Prose::new(doc.text(), Lang::En, doc.blocks(), &pr.quotes);
        let ms = find(&prose);
        let reporters = ms
            .list
            .iter()
            .find(|m| m.core.get(text) == "reporters")
            .expect("the description");
        assert_eq!(reporters.apposed, None);
    }

    #[test]
    fn the_word_after_a_subject_pronoun_is_its_verb_not_a_premodifier() {
        let ms = mentions(
            "The governor spoke after she attacked police officers. Officials said little.",
            Lang::En,
        );
        assert!(!ms.iter().any(|(t, _)| t.contains("attacked")), "{ms:?}");
        assert!(has(&ms, "Officials", "DescAnonymous"), "{ms:?}");
        let ms = mentions("Puis elle félicitait policiers et pompiers.", Lang::Fr);
        assert!(!ms.iter().any(|(t, _)| t.contains("félicitait")), "{ms:?}");
    }

    #[test]
    fn french_names_titles_and_descriptions() {
        let ms = mentions(
            "Le dirigeant nord-coréen Kim Jong Un a reçu M. Sergueï Choïgou. Il a assuré que tout allait bien, selon l’agence officielle nord-coréenne KCNA.",
            Lang::Fr,
        );
        assert!(has(&ms, "Kim Jong Un", "Person"), "{ms:?}");
        assert!(has(&ms, "dirigeant nord-coréen", "DescPerson"), "{ms:?}");
        assert!(has(&ms, "Sergueï Choïgou", "Person"), "{ms:?}");
        assert!(has(&ms, "Il", "Pronoun"), "{ms:?}");
        assert!(has(&ms, "KCNA", "Outlet"), "{ms:?}");
    }

    #[test]
    fn organisations_with_lowercase_complements() {
        let ms = mentions(
            "Le Conseil de sécurité russe avait fait savoir que la visite aurait lieu.",
            Lang::Fr,
        );
        assert!(has(&ms, "Conseil de sécurité russe", "Org"), "{ms:?}");
    }

    #[test]
    fn unnamed_outlet_and_inversion_clitic() {
        let ms = mentions(
            "« Nous gagnerons », a-t-il dit, a rapporté un média d’Etat.",
            Lang::Fr,
        );
        assert!(has(&ms, "il", "Pronoun"), "{ms:?}");
        assert!(has(&ms, "média d’Etat", "OutletDesc"), "{ms:?}");
    }

    #[test]
    fn english_titles_are_peeled_off_names() {
        let ms = mentions(
            "Mayor of London Sadiq Khan said it. Kamloops RCMP Constable Gary Gray told Reuters.",
            Lang::En,
        );
        assert!(has(&ms, "Sadiq Khan", "Person"), "{ms:?}");
        assert!(has(&ms, "Gary Gray", "Person"), "{ms:?}");
        assert!(has(&ms, "Reuters", "Outlet"), "{ms:?}");
    }

    #[test]
    fn english_descriptions_and_bare_plurals() {
        let ms = mentions(
            "A senior official said the talks failed. Officials said more. The North Korean leader agreed.",
            Lang::En,
        );
        assert!(has(&ms, "senior official", "DescAnonymous"), "{ms:?}");
        assert!(has(&ms, "Officials", "DescAnonymous"), "{ms:?}");
        assert!(has(&ms, "North Korean leader", "DescPerson"), "{ms:?}");
    }
}
