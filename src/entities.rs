//! Chaining mentions into entities: `Kim Jong Un` ← `Kim`; `Sergueï Choïgou` ← `M. Choïgou`;
//! `Human Rights Watch` ← `HRW`; `le dirigeant nord-coréen` bound by apposition to Kim, so that
//! `le numéro un nord-coréen` later refers to him; `un média d'Etat` ← the `KCNA` the article
//! names elsewhere; `il` ← the most salient compatible antecedent.
//!
//! Everything here is rules over the mention list: token containment with accent folding and a
//! small edit tolerance for names (strsim), role synonym classes and shared modifiers for
//! descriptions, subject preference and gender for pronouns, and an explicit ambiguity when the
//! rules cannot separate two candidates.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;

use crate::lang::{Gender, Number, OutletKind, RoleKind, shared};
use crate::mentions::{Mention, MentionKind, Mentions, NameKind};
use crate::prose::Prose;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// A person, named or described.
    Person,
    /// An organisation.
    Org,
    /// A place (countries speak through their governments: `Pyongyang a confirmé`).
    Place,
    /// An outlet.
    Outlet,
    /// A group of people (`les deux parties`, `protesters`).
    Group,
    /// A document that speaks for its author (`le communiqué`, `the report`).
    Document,
    /// A single capitalised word nothing else tells about (usually a surname).
    Unknown,
}

/// One entity of the document.
#[derive(Debug, Clone)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// Canonical name: the fullest name the article gives, without titles; for an unnamed
    /// entity, its fullest description without the determiner.
    pub name: String,
    /// Number of words of the canonical name (to keep the fullest).
    name_words: usize,
    /// True when the article names it (not only describes it).
    pub named: bool,
    /// Gender, when known.
    pub gender: Gender,
    /// Number.
    pub number: Number,
    /// Its mentions (indices into the mention list), in text order (a set: a description
    /// resolved late goes in among the names without moving them).
    pub mentions: BTreeSet<usize>,
    /// Role classes bound to it (by apposition or title), with their modifiers.
    pub roles: Vec<(u32, Vec<String>)>,
    /// The outlet it is, for outlets: kind and state flag.
    pub outlet: Option<(OutletKind, bool)>,
    /// An unnamed person given as a source (`un responsable`, `a senior official`).
    pub anonymous: bool,
    /// Folded words of every name form, for matching later names.
    words: Vec<Vec<String>>,
    /// Folded words of the canonical name.
    full: Vec<String>,
}

impl Entity {
    /// Add mention `mi`, keeping the list sorted and without repeats.
    fn add_mention(&mut self, mi: usize) {
        self.mentions.insert(mi);
    }

    /// Its latest mention before mention `mi` that passes `keep`.
    fn last_before(&self, mi: usize, keep: impl Fn(usize) -> bool) -> Option<usize> {
        self.mentions.range(..mi).rev().copied().find(|&x| keep(x))
    }
}

/// The speakers resolved so far in a document: the entity each head mention was resolved to
/// (a pronoun's resolution holds for that use), and which entities have spoken.
#[derive(Debug, Default)]
pub struct Known {
    of_mention: HashMap<usize, usize>,
    entities: rustc_hash::FxHashSet<usize>,
    last: Option<usize>,
}

impl Known {
    /// Mention `mention` was resolved to entity `entity` (a later resolution replaces it).
    pub fn push(&mut self, mention: usize, entity: usize) {
        self.of_mention.insert(mention, entity);
        self.entities.insert(entity);
        self.last = Some(entity);
    }

    /// The entity mention `mention` was last resolved to.
    pub fn of(&self, mention: usize) -> Option<usize> {
        self.of_mention.get(&mention).copied()
    }

    /// Whether entity `entity` has spoken.
    pub fn has_spoken(&self, entity: usize) -> bool {
        self.entities.contains(&entity)
    }

    /// The latest speaker.
    pub fn last(&self) -> Option<usize> {
        self.last
    }
}

/// Entities of a document and the entity of each mention.
#[derive(Debug, Default)]
pub struct Entities {
    /// The entities.
    pub list: Vec<Entity>,
    /// Entity of each mention (pronouns are resolved per use, see [`Entities::resolve_pronoun`]).
    pub of_mention: Vec<Option<usize>>,
    /// The named entities by the folded words of their name forms (and hyphen parts and
    /// initials): the candidates a later name is compared with, besides the most recent.
    by_word: HashMap<String, Vec<usize>>,
    /// The entities by the role classes bound to them, in creation order.
    by_class: HashMap<u32, Vec<usize>>,
    /// The named outlets, in creation order.
    outlets: Vec<usize>,
    /// The unnamed outlets by their folded description.
    unnamed_outlets: HashMap<String, usize>,
    /// Where the named outlets are mentioned, for the one nearest an unnamed outlet.
    near_outlets: OutletIndex,
    /// The people's names given as the one tried (`le procès de X`, `X's trial`), as mention
    /// indices in text order: what an unnamed `l'accusé` refers to.
    tried: Vec<usize>,
}

/// The mentions of the named outlets by where they start, `(start, mention) → entity`: all of
/// them, those of state media, and by kind of outlet (the ones an unnamed outlet may be).
#[derive(Debug, Default)]
struct OutletIndex {
    all: BTreeMap<(usize, usize), usize>,
    state: BTreeMap<(usize, usize), usize>,
    by_kind: HashMap<OutletKind, BTreeMap<(usize, usize), usize>>,
}

impl OutletIndex {
    /// Mention `mi` of the named outlet `ent` (entity `id`).
    fn add(&mut self, ms: &Mentions, ent: &Entity, id: usize, mi: usize) {
        let Some((kind, state)) = ent.outlet else {
            return;
        };
        let key = (ms.list[mi].full.start, mi);
        self.all.insert(key, id);
        if state {
            self.state.insert(key, id);
        }
        self.by_kind.entry(kind).or_default().insert(key, id);
    }

    /// The named outlet an unnamed one of `kind` (`state` media) at mention `mi` stands for:
    /// the one with a mention nearest to it in bytes, the earliest created on a tie.
    fn nearest(&self, ms: &Mentions, mi: usize, kind: OutletKind, state: bool) -> Option<usize> {
        let map = if state {
            &self.state
        } else if kind == OutletKind::Any {
            &self.all
        } else {
            self.by_kind.get(&kind)?
        };
        let at = ms.list[mi].full.start;
        let left = map.range(..(at, mi)).rev();
        let right = map.range((at, mi)..);
        let d_left = left.clone().next().map(|(&(s, _), _)| at - s);
        let d_right = right.clone().next().map(|(&(s, _), _)| s - at);
        let d = d_left.into_iter().chain(d_right).min()?;
        // Entities are created in order, so the earliest created is the smallest id.
        left.take_while(|((s, _), _)| at - s == d)
            .chain(right.take_while(|((s, _), _)| s - at == d))
            .map(|(_, &id)| id)
            .min()
    }
}

/// A new name is compared with this many of the latest entities whatever their words (for the
/// spelling variants and initials an exact word does not find), and with older ones only when
/// they share a word.
const RECENT_ENTITIES: usize = 64;

/// The keys under which a name form is indexed and looked up: its words but function words,
/// their hyphen parts, its initials.
fn word_keys(words: &[String]) -> impl Iterator<Item = String> + '_ {
    let parts = words
        .iter()
        .filter(|w| w.contains('-'))
        .flat_map(|w| w.split('-').map(str::to_string));
    let acronym = (words.len() >= 2).then(|| initials(words));
    words
        .iter()
        .filter(|w| !shared().name_skips.contains(w.as_str()))
        .cloned()
        .chain(parts)
        .chain(acronym)
}

/// The result of resolving a mention to an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    /// The chosen entity, if any.
    pub entity: Option<usize>,
    /// Other candidates the rules could not rule out (ambiguity), likeliest first.
    pub others: Vec<usize>,
    /// How sure the resolution is (1 for a name, less for pronouns and descriptions).
    pub confidence: f32,
}

/// Fold case and accents: `Choïgou` → `choigou`.
pub fn fold(s: &str) -> String {
    // Most names: nothing to decompose, only the ASCII capitals change.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    // Each character decomposed on its own: the combining marks are all dropped, so the
    // reordering that a whole-string NFD adds changes nothing.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        unicode_normalization::char::decompose_canonical(c, |d| {
            if !unicode_normalization::char::is_combining_mark(d) {
                out.extend(d.to_lowercase().map(|l| if l == '’' { '\'' } else { l }));
            }
        });
    }
    out
}

/// The words of a name, folded, without determiners (`l'AFP` → `afp`).
fn name_words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Two name words are the same when equal after folding, or close for long words (`Wasef` /
/// `Wasif`, transliterations).
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // An initial stands for a first name: `V. Sapounov` = `Valentine Sapounov`.
    let mut ac = a.chars();
    let first = ac.next();
    if ac.next().is_none() {
        return first.is_some() && b.chars().next() == first && b.chars().nth(1).is_some();
    }
    // Five characters take at least five bytes, and two characters at most eight.
    if a.len() < 5 || b.len() < 5 || a.len().abs_diff(b.len()) > 8 {
        return false;
    }
    // Two edits at most: at most four characters that only one of them has, and lengths within
    // two (checked first, cheapest first: most pairs of words fail the first test).
    if (char_set(a) ^ char_set(b)).count_ones() > 4 {
        return false;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    la >= 5
        && lb >= 5
        && la.abs_diff(lb) <= 2
        && strsim::jaro_winkler(a, b) >= 0.88
        && strsim::levenshtein(a, b) <= 2
}

/// The characters of a word as a 64-bit set (by code point modulo 64).
fn char_set(w: &str) -> u64 {
    w.chars().fold(0, |set, c| set | 1 << (c as u32 % 64))
}

/// True when every word of `short` is one of the words (or hyphen parts) of `long`.
fn words_within(short: &[String], long: &[String]) -> bool {
    !short.is_empty()
        && short.iter().all(|w| {
            long.iter().any(|l| {
                same_word(w, l) || (l.contains('-') && l.split('-').any(|part| same_word(w, part)))
            })
        })
}

/// Initials of a multiword name, ignoring function words: `Human Rights Watch` → `HRW`.
fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !shared().name_skips.contains(w.as_str()))
        .filter_map(|w| w.chars().next())
        .collect()
}

impl Entities {
    /// Chain the mentions of `p` into entities (names, appositions, descriptions, outlets).
    /// Pronouns are left unresolved here.
    pub fn build(p: &Prose, ms: &Mentions) -> Entities {
        let mut e = Entities {
            list: Vec::new(),
            of_mention: vec![None; ms.list.len()],
            by_word: HashMap::default(),
            by_class: HashMap::default(),
            outlets: Vec::new(),
            unnamed_outlets: HashMap::default(),
            near_outlets: OutletIndex::default(),
            tried: Vec::new(),
        };
        // Names and named outlets first, in text order.
        for (mi, m) in ms.list.iter().enumerate() {
            match m.kind {
                MentionKind::Name(kind) => {
                    let id = e.add_name(p, ms, mi, kind);
                    e.of_mention[mi] = Some(id);
                }
                MentionKind::Outlet {
                    named: true,
                    id,
                    kind,
                    state,
                } => {
                    let eid = e.add_outlet(p, m, mi, id, kind, state);
                    e.of_mention[mi] = Some(eid);
                }
                _ => {}
            }
        }
        e.tried = tried_names(p, ms);
        // Descriptions bound by apposition take their name's entity.
        for (mi, m) in ms.list.iter().enumerate() {
            if let (MentionKind::Description(_), Some(b)) = (m.kind, m.apposed) {
                if let Some(id) = e.of_mention[b] {
                    e.of_mention[mi] = Some(id);
                    e.bind_role(id, m);
                    e.list[id].add_mention(mi);
                }
            }
        }
        // Names with a title bind the title's role (`commissioner Albert Muchanga`); not an
        // organisation's name with a title word in it (`the Justice Department` is not `the
        // judge`).
        for (mi, m) in ms.list.iter().enumerate() {
            if let (MentionKind::Name(kind), Some(class)) = (m.kind, m.role_class) {
                if kind == NameKind::Org {
                    continue;
                }
                if let Some(id) = e.of_mention[mi] {
                    if !e.list[id].roles.iter().any(|(c, _)| *c == class) {
                        e.add_role(id, class, Vec::new());
                    }
                }
            }
        }
        // Other descriptions and unnamed outlets, in text order. A mention that joins a named
        // outlet is indexed with its mentions (the next unnamed outlet may be nearest to it).
        for &id in &e.outlets {
            for &x in &e.list[id].mentions {
                e.near_outlets.add(ms, &e.list[id], id, x);
            }
        }
        for (mi, m) in ms.list.iter().enumerate() {
            if e.of_mention[mi].is_some() {
                continue;
            }
            let id = match m.kind {
                MentionKind::Description(kind) => e.resolve_description(p, ms, mi, kind),
                MentionKind::Outlet {
                    named: false,
                    kind,
                    state,
                    ..
                } => e.resolve_unnamed_outlet(p, ms, mi, kind, state),
                _ => continue,
            };
            e.of_mention[mi] = Some(id);
            if e.list[id].named && e.list[id].outlet.is_some() {
                e.near_outlets.add(ms, &e.list[id], id, mi);
            }
        }
        e
    }

    fn new_entity(&mut self, kind: EntityKind, name: String, named: bool, mi: usize) -> usize {
        let words = name_words(&name);
        self.list.push(Entity {
            kind,
            name_words: words.len(),
            name,
            named,
            gender: Gender::Unknown,
            number: Number::Singular,
            mentions: BTreeSet::from([mi]),
            roles: Vec::new(),
            outlet: None,
            anonymous: false,
            words: Vec::new(),
            full: words.clone(),
        });
        let id = self.list.len() - 1;
        self.add_form(id, words);
        id
    }

    /// Give entity `id` another name form (if new), indexed by its words when the entity is
    /// named.
    fn add_form(&mut self, id: usize, words: Vec<String>) {
        let ent = &mut self.list[id];
        if ent.words.contains(&words) {
            return;
        }
        if ent.named {
            for key in word_keys(&words) {
                let ids = self.by_word.entry(key).or_default();
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
            }
        }
        ent.words.push(words);
    }

    /// The first named outlet with the name form `words`.
    fn outlet_with(&self, words: &[String]) -> Option<usize> {
        let ids = self.by_word.get(words.first()?)?;
        ids.iter().copied().find(|&id| {
            let ent = &self.list[id];
            ent.kind == EntityKind::Outlet && ent.words.iter().any(|w| w == words)
        })
    }

    /// The named entities a new name with `words` could belong to, in creation order: those
    /// sharing a key with it (an initial or a spelling variant is then matched beside that
    /// word: `V. Sapounov`, `Wasif Ahmed`), else the latest [`RECENT_ENTITIES`] (a name all of
    /// whose words are spelt differently).
    fn name_candidates(&self, words: &[String]) -> Vec<usize> {
        let mut ids: Vec<usize> = word_keys(words)
            .filter_map(|k| self.by_word.get(&k))
            .flatten()
            .copied()
            .collect();
        if ids.is_empty() {
            return (self.list.len().saturating_sub(RECENT_ENTITIES)..self.list.len()).collect();
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    fn add_name(&mut self, p: &Prose, ms: &Mentions, mi: usize, kind: NameKind) -> usize {
        let m = &ms.list[mi];
        let text = clean_name(m.core_text(p.text));
        let words = name_words(&text);
        let ekind = match kind {
            NameKind::Person => EntityKind::Person,
            NameKind::Org => EntityKind::Org,
            NameKind::Place => EntityKind::Place,
            NameKind::Unknown => EntityKind::Unknown,
        };
        // After a definite article (`the Front`; not `House Speaker Paul Ryan`).
        let definite = m.items.start > 0
            && matches!(p.key(m.items.start - 1), Some("the" | "le" | "la" | "l'"));
        // The most recent entity whose name contains this one, or is contained in it.
        let mut best: Option<usize> = None;
        let mut best_last = 0;
        for id in self.name_candidates(&words) {
            let ent = &self.list[id];
            if !ent.named || !kinds_compatible(ent.kind, ekind) {
                continue;
            }
            // This name is a short form of one the entity has (`Choïgou` in `Sergueï
            // Choïgou`; for an organisation only its first words or its acronym), or the entity's
            // fullest name is a short form of this one (`Kim` then `Kim Jong Un`). Two different
            // full names never merge (`Usman Khan`, `Sadiq Khan`).
            let full = &ent.full;
            let short_of_entity = ent.words.iter().any(|w| match ent.kind {
                EntityKind::Org | EntityKind::Place | EntityKind::Outlet => {
                    // `SUD` for `SUD-PTT`: the first part of a hyphenated name.
                    words == *w
                        || (words.len() == 1
                            && w.len() == 1
                            && w[0].split('-').next() == Some(words[0].as_str())
                            && w[0].contains('-'))
                        // `Peabody` for `Peabody Energy`: the name without its last words when
                        // they only say what kind of organisation it is.
                        || (ent.kind == EntityKind::Org
                            && words.len() < w.len()
                            && w.starts_with(&words)
                            && w[words.len()..]
                                .iter()
                                .all(|x| p.lex.org_words.contains(x.as_str())))
                        // `the Front` for `the Northern Liberation Front`, `le Front` for `le
                        // Front de libération du Nord`: the organisation word that heads it.
                        || (ent.kind == EntityKind::Org
                            && definite
                            && words.len() == 1
                            && w.len() >= 2
                            && p.lex.org_words.contains(words[0].as_str())
                            && (w.last() == Some(&words[0]) || w.first() == Some(&words[0])))
                }
                _ => words_within(&words, w),
            });
            // `the State Department` for `the United States Department of State`, `the Defence
            // Ministry` for `the Ministry of Defence`: an organisation noun and its complement
            // in English order.
            let inverted = |short: &[String], long: &[String]| {
                short.len() == 2
                    && long.len() >= 3
                    && long[long.len() - 3] == short[1]
                    && long[long.len() - 2] == "of"
                    && long[long.len() - 1] == short[0]
            };
            let short_of_entity = short_of_entity
                || (ekind == EntityKind::Org
                    && ent.kind == EntityKind::Org
                    && ent
                        .words
                        .iter()
                        .any(|w| inverted(&words, w) || inverted(w, &words)));
            let acronym = ent.words.iter().any(|w| {
                (words.len() == 1 && w.len() >= 2 && initials(w) == words[0])
                    || (w.len() == 1 && words.len() >= 2 && initials(&words) == w[0])
            });
            let entity_short = match ekind {
                EntityKind::Org | EntityKind::Place => *full == words,
                _ => words_within(full, &words) && ent.kind != EntityKind::Org,
            };
            let matches = short_of_entity || acronym || entity_short;
            if matches {
                let last = ent.mentions.last().copied().unwrap_or(0);
                if best.is_none() || last >= best_last {
                    best = Some(id);
                    best_last = last;
                }
            }
        }
        let id = match best {
            Some(id) => {
                let ent = &mut self.list[id];
                ent.add_mention(mi);
                if words.len() > ent.name_words {
                    ent.name = text.clone();
                    ent.name_words = words.len();
                    ent.full = words.clone();
                }
                if ent.kind == EntityKind::Unknown {
                    ent.kind = ekind;
                }
                self.add_form(id, words);
                id
            }
            None => self.new_entity(ekind, text, true, mi),
        };
        if self.list[id].gender == Gender::Unknown {
            self.list[id].gender = m.gender;
        }
        id
    }

    fn add_outlet(
        &mut self,
        p: &Prose,
        m: &Mention,
        mi: usize,
        lex_id: Option<u32>,
        kind: OutletKind,
        state: bool,
    ) -> usize {
        let surface = description_name(p, m);
        let words = name_words(&surface);
        let found = self.outlet_with(&words);
        let found = found.or_else(|| {
            // The same outlet under another alias (`Agence France-Presse`, `l'AFP`).
            let lex_id = lex_id?;
            let sh = p.shared;
            let canonical = name_words(&sh.outlet_list[lex_id as usize].name);
            self.outlet_with(&canonical)
        });
        match found {
            Some(id) => {
                self.list[id].add_mention(mi);
                self.add_form(id, words);
                id
            }
            None => {
                let id = self.new_entity(EntityKind::Outlet, surface, true, mi);
                self.list[id].outlet = Some((kind, state));
                self.outlets.push(id);
                if let Some(lex_id) = lex_id {
                    let canonical = name_words(&p.shared.outlet_list[lex_id as usize].name);
                    self.add_form(id, canonical);
                }
                id
            }
        }
    }

    fn bind_role(&mut self, id: usize, m: &Mention) {
        if let Some(class) = m.role_class {
            self.add_role(id, class, m.modifiers.clone());
        }
        if self.list[id].gender == Gender::Unknown {
            self.list[id].gender = m.gender;
        }
    }

    /// Bind role `class` with `modifiers` to entity `id` (once).
    fn add_role(&mut self, id: usize, class: u32, modifiers: Vec<String>) {
        let roles = &mut self.list[id].roles;
        if roles
            .iter()
            .any(|(c, mods)| *c == class && *mods == modifiers)
        {
            return;
        }
        roles.push((class, modifiers));
        let ids = self.by_class.entry(class).or_default();
        // Entities are created in order, but a role may be bound to an older one.
        if let Err(at) = ids.binary_search(&id) {
            ids.insert(at, id);
        }
    }

    /// The named person last mentioned outside a prepositional phrase in mention `mi`'s
    /// sentence or the `within` before.
    fn recent_person(&self, ms: &Mentions, mi: usize, within: usize) -> Option<usize> {
        let sentence = ms.list[mi].sentence;
        // The mentions before it, nearest first (the list is in text order).
        ms.list[..mi]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, x)| sentence.saturating_sub(x.sentence) <= within)
            .filter(|(_, x)| !x.in_pp)
            .find_map(|(k, _)| {
                self.of_mention[k].filter(|&id| {
                    let e = &self.list[id];
                    e.kind == EntityKind::Person && e.named
                })
            })
    }

    /// The named person whose mention opens mention `mi`'s sentence (before it) or one of the
    /// `within` before, the nearest first.
    fn sentence_subject_person(&self, ms: &Mentions, mi: usize, within: usize) -> Option<usize> {
        let sentence = ms.list[mi].sentence;
        // Each sentence's first mention, looked up by sentence rather than by walking back
        // over every mention of a long one.
        (sentence.saturating_sub(within)..=sentence)
            .rev()
            .find_map(|s| {
                let (k, x) = ms.in_sentence(s).next()?;
                if k >= mi || x.in_pp {
                    return None;
                }
                self.of_mention[k].filter(|&id| {
                    let e = &self.list[id];
                    e.kind == EntityKind::Person && e.named
                })
            })
    }

    /// The named entities with a name form containing `word` (any case and accents).
    pub fn named_with_word(&self, word: &str) -> &[usize] {
        self.by_word.get(&fold(word)).map_or(&[], Vec::as_slice)
    }

    /// The entities with role `class` (or, for `broad`, any leader class), in creation order.
    fn with_class(&self, p: &Prose, class: u32, broad: bool) -> Vec<usize> {
        let mut ids: Vec<usize> = self.by_class.get(&class).cloned().unwrap_or_default();
        if broad {
            for c in &p.lex.leader_classes {
                ids.extend(self.by_class.get(c).into_iter().flatten());
            }
            ids.sort_unstable();
            ids.dedup();
        }
        ids
    }

    /// A description without an apposed name: an earlier entity with the same role (and no
    /// conflicting modifier), an organisation for `l'ONG`, or a new unnamed entity.
    fn resolve_description(
        &mut self,
        p: &Prose,
        ms: &Mentions,
        mi: usize,
        kind: RoleKind,
    ) -> usize {
        let m = &ms.list[mi];
        let class = m.role_class.unwrap_or(u32::MAX);
        let definite = !m.indefinite;
        let desc = description_name(p, m);
        if definite {
            // Same role class bound to an entity, modifiers compatible; the most recent wins.
            let mut best: Option<(usize, usize, usize)> = None; // (id, shared modifiers, last mention)
            // A headline may name its protagonist by role before the body names them (`le chef
            // de la diplomatie promet …` above `Le ministre …, Ri Jong-ho, a promis …`).
            let headline = p.blocks.len() > 1 && p.block_start_of(m.items.start) == 0;
            // `The 51-year-old called …` after `manager Declan Pellow lost …`: an age alone
            // names the person who opens one of the last few sentences (quotes make sentences
            // too), else the last one named there, before any other person once described by
            // an age. (`The owner, Raj Patel, described Delaney as …`: the owner.)
            if m.number == Number::Singular && p.lex.age_classes.binary_search(&class).is_ok() {
                let fits = |id: &usize| self.list[*id].gender.compatible(m.gender);
                best = self
                    .sentence_subject_person(ms, mi, 4)
                    .filter(fits)
                    .or_else(|| self.recent_person(ms, mi, 4).filter(fits))
                    .map(|id| (id, 0, 0));
            }
            let same_class = if best.is_some() {
                Vec::new()
            } else {
                self.with_class(p, class, m.broad)
            };
            for id in same_class {
                let ent = &self.list[id];
                if ent.mentions.first().is_some_and(|&f| f > mi) && !headline {
                    continue;
                }
                // `la maire de Paris` is not `le maire de Lyon`: complements that name different
                // places or organisations.
                if complements_differ(p, ms, mi, ent, class) {
                    continue;
                }
                // `la nouvelle maire` is not the outgoing mayor, `Jean-Claude Pujol`.
                if !ent.gender.compatible(m.gender) {
                    continue;
                }
                // `l'expert` is not `des experts russes`, nor `les experts` one person.
                let group = ent.kind == EntityKind::Group;
                if group != (m.number == Number::Plural)
                    && matches!(ent.kind, EntityKind::Group | EntityKind::Person)
                {
                    continue;
                }
                for (c, mods) in &ent.roles {
                    if *c != class && !(m.broad && p.lex.leader_classes.binary_search(c).is_ok()) {
                        continue;
                    }
                    let shared_mods = m.modifiers.iter().filter(|x| mods.contains(x)).count();
                    let conflict = !m.modifiers.is_empty()
                        && !mods.is_empty()
                        && shared_mods == 0
                        && nationality_like(&m.modifiers)
                        && nationality_like(mods);
                    if conflict {
                        continue;
                    }
                    let last = ent.last_before(mi, |_| true).unwrap_or(0);
                    let better = match best {
                        None => true,
                        Some((_, s, l)) => shared_mods > s || (shared_mods == s && last > l),
                    };
                    if better {
                        best = Some((id, shared_mods, last));
                    }
                }
            }
            // A leader-type description with a nationality shared with a person's bound role
            // (`le numéro un nord-coréen` after `le dirigeant nord-coréen Kim Jong Un`) is caught
            // above through the synonym class. An organisation noun refers back to the most
            // recent organisation.
            // `Camille Duret tourne depuis 2019. « … », explique la réalisatrice`: a role no one
            // was given, with no complement but an age, names the person who opens its sentence
            // or the one before, if that person has no role yet and the gender fits.
            if best.is_none()
                && kind == RoleKind::Person
                && m.number == Number::Singular
                && m.modifiers
                    .iter()
                    .all(|w| w.bytes().all(|b| b.is_ascii_digit()) || w == "ans")
                && self.by_class.get(&class).is_none_or(Vec::is_empty)
            {
                best = self
                    .sentence_subject_person(ms, mi, 1)
                    .filter(|&id| {
                        let e = &self.list[id];
                        e.roles.is_empty() && e.gender.compatible(m.gender)
                    })
                    .map(|id| (id, 0, 0));
            }
            // The lead names by role the one person its headline names (`pour Montebourg, …` above
            // `Le ministre du Redressement productif a déclaré …`).
            if best.is_none()
                && kind == RoleKind::Person
                && m.number == Number::Singular
                && p.blocks.len() > 2
                && p.block_start_of(m.items.start) <= 1
            {
                let in_headline: Vec<usize> = (0..self.list.len())
                    .filter(|&id| {
                        let ent = &self.list[id];
                        ent.kind == EntityKind::Person
                            && ent.named
                            && ent.roles.is_empty()
                            && ent
                                .mentions
                                .first()
                                .is_some_and(|&f| p.block_start_of(ms.list[f].items.start) == 0)
                            && (ent.gender == m.gender
                                || ent.gender == Gender::Unknown
                                || m.gender == Gender::Unknown)
                    })
                    .take(2)
                    .collect();
                if let [id] = in_headline[..] {
                    best = Some((id, 0, 0));
                }
            }
            // `l'accusé`, `the defendant` that no name was given with: the person the article
            // names as the one tried (`le procès de Julien Marchetti`, `Mark Hale's trial`).
            // (Also over an unnamed accused met before, and after a headline's: `Procès de
            // l'incendie : « … », affirme l'accusé` above `Le procès de Julien Marchetti`.)
            let unnamed_best = best.is_none_or(|(id, _, _)| !self.list[id].named);
            if unnamed_best
                && m.number == Number::Singular
                && p.lex.accused_classes.binary_search(&class).is_ok()
            {
                let after = if headline { ms.list.len() } else { mi };
                let tried = self
                    .tried
                    .iter()
                    .rev()
                    .filter(|&&x| x < after)
                    .find_map(|&x| self.of_mention[x]);
                if let Some(id) = tried {
                    best = Some((id, 0, 0));
                }
            }
            if best.is_none() && kind == RoleKind::Org && m.number == Number::Singular {
                // A generic noun (`l'ONG`, `the company`) refers to any organisation; a specific
                // one (`l'armée`, `le syndicat`) only to one whose name says so.
                let head_word = fold(
                    p.text[m.core.start..m.core.end]
                        .split_whitespace()
                        .next()
                        .unwrap_or(""),
                );
                // The most recent organisation named as a subject (not only inside a
                // prepositional phrase: `de l'Ouest`), else the most recent one.
                // The latest mention before this one, within the last fifteen sentences, of
                // such an organisation: walking back over the mentions (each already resolved,
                // in text order) stops at the first, instead of asking every entity.
                let candidates = |free_only: bool| {
                    (0..mi)
                        .rev()
                        .take_while(|&x| m.sentence.saturating_sub(ms.list[x].sentence) <= 15)
                        .filter(|&x| !free_only || !ms.list[x].in_pp)
                        // Not a tag in parentheses (`Jean Martin (LR)`: a party, not the
                        // association the next sentence speaks of).
                        .filter(|&x| {
                            let start = ms.list[x].items.start;
                            !(start > 0 && p.is_punct(start - 1, "("))
                        })
                        .find_map(|x| {
                            let id = self.of_mention[x]?;
                            let ent = &self.list[id];
                            (ent.kind == EntityKind::Org
                                && ent.named
                                && (m.generic || ent.words.iter().any(|w| w.contains(&head_word))))
                            .then_some((id, x))
                        })
                };
                let recent_org = candidates(true).or_else(|| candidates(false));
                if let Some((id, last)) = recent_org {
                    // Only close by: within the last fifteen sentences.
                    if m.sentence.saturating_sub(ms.list[last].sentence) <= 15 {
                        best = Some((id, 0, last));
                    }
                }
            }
            if let Some((id, _, _)) = best {
                self.list[id].add_mention(mi);
                let words = name_words(&desc).len();
                if !self.list[id].named && words > self.list[id].name_words {
                    self.list[id].name = desc;
                    self.list[id].name_words = words;
                }
                if kind != RoleKind::Org {
                    self.bind_role(id, m);
                }
                return id;
            }
        }
        // An unnamed entity: join an earlier unnamed one with the same role class and compatible
        // modifiers, keeping the fullest description.
        let joined = self.with_class(p, class, false).into_iter().find(|&id| {
            let ent = &self.list[id];
            !ent.named
                && ent.kind != EntityKind::Outlet
                && (ent.number == m.number || kind == RoleKind::Org)
                && ent.roles.iter().any(|(c, mods)| {
                    *c == class
                        && (m.modifiers.is_empty()
                            || mods.is_empty()
                            || m.modifiers.iter().any(|x| mods.contains(x)))
                })
        });
        let ekind = match kind {
            RoleKind::Org => EntityKind::Org,
            RoleKind::Collective => EntityKind::Group,
            RoleKind::Document => EntityKind::Document,
            _ if m.number == Number::Plural => EntityKind::Group,
            _ => EntityKind::Person,
        };
        let id = match joined {
            Some(id) => {
                self.list[id].add_mention(mi);
                let words = name_words(&desc).len();
                if words > self.list[id].name_words {
                    self.list[id].name = desc;
                    self.list[id].name_words = words;
                }
                id
            }
            None => {
                // `son avocate` in French copy is named after the possessor: `avocate de
                // Mouss Diouf`.
                let possessive = p.lang == crate::lang::Lang::Fr
                    && ekind == EntityKind::Person
                    && p.is(m.items.start, crate::lang::word::POSS);
                let desc = match possessive.then(|| self.recent_person(ms, mi, 1)).flatten() {
                    Some(owner) => format!("{desc} de {}", self.list[owner].name),
                    None => desc,
                };
                let id = self.new_entity(ekind, desc, false, mi);
                self.list[id].number = m.number;
                // A document is a source one can cite, not an anonymous one (`court documents`).
                self.list[id].anonymous =
                    kind == RoleKind::Anonymous || m.indefinite && kind != RoleKind::Document;
                id
            }
        };
        self.bind_role(id, m);
        id
    }

    /// An unnamed outlet (`un média d'Etat`, `le réseau social`): the named outlet of a
    /// compatible kind in the article (the nearest), or itself by its description.
    fn resolve_unnamed_outlet(
        &mut self,
        p: &Prose,
        ms: &Mentions,
        mi: usize,
        kind: OutletKind,
        state: bool,
    ) -> usize {
        let m = &ms.list[mi];
        if let Some(id) = self.org_before_outlet(p, ms, mi) {
            self.list[id].add_mention(mi);
            return id;
        }
        if let Some(id) = self.near_outlets.nearest(ms, mi, kind, state) {
            self.list[id].add_mention(mi);
            return id;
        }
        let desc = description_name(p, m);
        let key = fold(&desc);
        match self.unnamed_outlets.get(&key) {
            Some(&id) => {
                self.list[id].add_mention(mi);
                id
            }
            None => {
                let id = self.new_entity(EntityKind::Outlet, desc, false, mi);
                self.list[id].outlet = Some((kind, state));
                self.unnamed_outlets.insert(key, id);
                id
            }
        }
    }

    /// For an outlet noun that also names other organisations (`the agency`, `l'agence`), with
    /// no determiner of its own kind (`the news agency`): the named organisation mentioned last
    /// before it, not as a noun's complement, within the last three sentences, when no named
    /// outlet came after that organisation (`The Food and Drug Administration approved the
    /// drug. "…," the agency said`).
    fn org_before_outlet(&self, p: &Prose, ms: &Mentions, mi: usize) -> Option<usize> {
        let m = &ms.list[mi];
        let (len, noun) = m
            .items
            .clone()
            .find_map(|k| p.lex.outlet_nouns.longest(k, |x| p.key(x)))?;
        if !noun.org || m.items.len() > len + 1 {
            return None;
        }
        // An organisation that complements a noun (`le ministre des Affaires étrangères`) is
        // not what the noun refers back to; one in another prepositional phrase may be
        // (`Officials at the Federal Aviation Administration`).
        let genitive = |k: usize| matches!(p.key(k), Some("de" | "du" | "des" | "d'"));
        let complement = |x: usize| {
            let k = ms.list[x].items.start;
            ms.list[x].in_pp
                && (k > 0 && genitive(k - 1)
                    || k > 1 && p.is(k - 1, crate::lang::word::DET) && genitive(k - 2))
        };
        (0..mi)
            .rev()
            .take_while(|&x| m.sentence.saturating_sub(ms.list[x].sentence) <= 3)
            .find_map(|x| {
                let id = self.of_mention[x]?;
                let ent = &self.list[id];
                let org = ent.kind == EntityKind::Org && !complement(x);
                (ent.named && (org || ent.kind == EntityKind::Outlet)).then_some(id)
            })
            .filter(|&id| self.list[id].kind == EntityKind::Org)
    }

    /// Resolve a pronoun mention to the most salient compatible antecedent before it.
    ///
    /// Candidates are the person, organisation and group mentions of the pronoun's sentence
    /// (before it) and of the three sentences before; `known` maps mentions resolved earlier
    /// (pronouns, quote speakers) to their entity, and `subjects` lists the mentions that are the
    /// subject of a cue. In the nearest sentence that has compatible candidates, a subject wins
    /// (the subject of the sentence: its first mention outside a prepositional phrase, or the
    /// subject of a reporting verb; the latest when there are several); with no subject, a single
    /// candidate wins; two people in a coordination (`Paul et Jean`) or several candidates with
    /// no subject are ambiguous.
    pub fn resolve_pronoun(
        &self,
        p: &Prose,
        ms: &Mentions,
        mi: usize,
        known: &Known,
        subjects: &[usize],
    ) -> Resolution {
        let m = &ms.list[mi];
        let query = PronounQuery {
            sentence: m.sentence,
            start: m.full.start,
            gender: m.gender,
            number: m.number,
            neuter: matches!(m.kind, MentionKind::Pronoun { neuter: true }),
            latest: m.items.len() == 2 && crate::mentions::latter_at(p, m.items.start).is_some(),
        };
        self.resolve_pronoun_at(p, ms, query, known, subjects)
    }

    /// [`Entities::resolve_pronoun`] for a pronoun that is not in the mention list (the clitic
    /// of an incise inside a quote: `« …, dit-elle. … »`).
    pub fn resolve_pronoun_at(
        &self,
        p: &Prose,
        ms: &Mentions,
        m: PronounQuery,
        known: &Known,
        subjects: &[usize],
    ) -> Resolution {
        // A gendered pronoun goes first to a person of its gender, then to a name whose kind
        // and gender are unknown (`elle` is Rosalind Achterberg, not `centre spatial Kennedy`).
        // Whether the strict pass turned down a name of unknown kind for its gender: only then
        // can the second pass find something the first did not.
        let turned_down = std::cell::Cell::new(false);
        let pass = |strict: bool| -> Resolution {
            let neuter = m.neuter;
            let compatible = |id: usize| -> bool {
                let ent = &self.list[id];
                if strict && ent.kind == EntityKind::Unknown && ent.gender != m.gender {
                    turned_down.set(true);
                    return false;
                }
                let kind_ok = match (neuter, m.number) {
                    (true, _) => matches!(
                        ent.kind,
                        EntityKind::Org | EntityKind::Outlet | EntityKind::Place
                    ),
                    (false, Number::Plural) => {
                        matches!(ent.kind, EntityKind::Group | EntityKind::Org)
                            || ent.number == Number::Plural
                    }
                    (false, Number::Singular) => {
                        ent.number == Number::Singular
                            && match ent.kind {
                                EntityKind::Person | EntityKind::Unknown => true,
                                // French `il`/`elle` also stand for organisations (`le Conseil`,
                                // `la NASA`); English `he`/`she` do not.
                                EntityKind::Org | EntityKind::Outlet => {
                                    m.gender != Gender::Unknown && ent.gender == m.gender
                                }
                                _ => false,
                            }
                    }
                };
                kind_ok && ent.gender.compatible(m.gender)
            };
            let entity_of = |k: usize| -> Option<usize> { known.of(k).or(self.of_mention[k]) };
            struct Cand {
                entity: usize,
                mention: usize,
                subject: bool,
                free: bool,
                /// Items from its first to its last mention in the sentence.
                items: std::ops::Range<usize>,
            }
            let first_sentence = m.sentence.saturating_sub(3);
            for s in (first_sentence..=m.sentence).rev() {
                // `Neil Crutchley and Luis Ferreira both criticised the officials. "…," they
                // said`: two people coordinated as the subject are what `they` stands for; no
                // one entity is, so the first is given and the answer marked ambiguous (not
                // the plural object after them).
                if m.number == Number::Plural && !m.neuter {
                    if let Some((a, b)) = coordinated_subjects(p, ms, s, m.start) {
                        if let (Some(ea), Some(eb)) = (entity_of(a), entity_of(b)) {
                            if ea != eb {
                                return Resolution {
                                    entity: Some(ea),
                                    others: vec![eb],
                                    confidence: 0.4,
                                };
                            }
                        }
                    }
                }
                let mut cands: Vec<Cand> = Vec::new();
                let mut first_free = true;
                for (k, c) in ms.in_sentence(s) {
                    if c.full.start >= m.start {
                        break;
                    }
                    let Some(id) = entity_of(k) else {
                        continue;
                    };
                    if matches!(c.kind, MentionKind::Outlet { .. }) && !neuter {
                        continue;
                    }
                    let is_subject = (!c.in_pp && first_free) || subjects.contains(&k);
                    if !c.in_pp {
                        first_free = false;
                    }
                    if !compatible(id) {
                        continue;
                    }
                    match cands.iter_mut().find(|x| x.entity == id) {
                        Some(x) => {
                            x.subject |= is_subject;
                            x.free |= !c.in_pp;
                            x.mention = k;
                            x.items.end = x.items.end.max(c.items.end);
                        }
                        None => cands.push(Cand {
                            entity: id,
                            mention: k,
                            subject: is_subject,
                            free: !c.in_pp,
                            items: c.items.clone(),
                        }),
                    }
                }
                // `ce dernier`, `the latter`: the one named last, wherever it is.
                if m.latest {
                    // Its number is the antecedent's own (`ces derniers` is not Matignon).
                    let agrees = |c: &&Cand| {
                        let ent = &self.list[c.entity];
                        ent.number == m.number
                            || m.number == Number::Plural && ent.kind == EntityKind::Group
                    };
                    if let Some(c) = cands.iter().filter(agrees).max_by_key(|c| c.mention) {
                        return Resolution {
                            entity: Some(c.entity),
                            others: Vec::new(),
                            confidence: if s == m.sentence { 0.85 } else { 0.8 },
                        };
                    }
                }
                // Mentions in prepositional phrases count only when nothing else does, and never in
                // the pronoun's own sentence (`Speaking to Martin Smith of PBS, he said`).
                if s == m.sentence || cands.iter().any(|c| c.free) {
                    cands.retain(|c| c.free);
                }
                if cands.is_empty() {
                    continue;
                }
                let base = match m.sentence - s {
                    0 => 0.9,
                    1 => 0.85,
                    _ => 0.7,
                };
                // Two people joined by `et`/`and`: nothing tells them apart.
                let coordinated = cands.windows(2).find(|w| {
                    let between = w[0].items.end..w[1].items.start;
                    !between.is_empty()
                        && between
                            .clone()
                            .all(|k| p.is(k, crate::lang::word::CONJ) || p.is_punct(k, ","))
                        && (w[0].subject || w[1].subject)
                });
                if let Some(w) = coordinated {
                    return Resolution {
                        entity: Some(w[0].entity),
                        others: vec![w[1].entity],
                        confidence: 0.4,
                    };
                }
                let subjects: Vec<&Cand> = cands.iter().filter(|c| c.subject).collect();
                if let Some(last) = subjects.iter().max_by_key(|c| c.mention) {
                    let distinct = subjects.iter().filter(|c| c.entity != last.entity).count();
                    return Resolution {
                        entity: Some(last.entity),
                        others: Vec::new(),
                        confidence: if distinct == 0 { base } else { base - 0.2 },
                    };
                }
                if cands.len() == 1 {
                    return Resolution {
                        entity: Some(cands[0].entity),
                        others: Vec::new(),
                        confidence: base - 0.05,
                    };
                }
                // Several candidates and no subject: ambiguous; the latest is the likelier reading.
                cands.sort_by_key(|c| std::cmp::Reverse(c.mention));
                return Resolution {
                    entity: Some(cands[0].entity),
                    others: cands[1..].iter().map(|c| c.entity).collect(),
                    confidence: 0.4,
                };
            }
            Resolution {
                entity: None,
                others: Vec::new(),
                confidence: 0.0,
            }
        };
        let strict = pass(true);
        if strict.entity.is_some() || m.gender == Gender::Unknown || !turned_down.get() {
            return strict;
        }
        pass(false)
    }
}

/// The people's names given as the one tried: the complement of a trial noun (`le procès de
/// Julien Marchetti`, `the trial of Mark Hale`) or before `'s trial`. Found once per document,
/// not for each `l'accusé`.
fn tried_names(p: &Prose, ms: &Mentions) -> Vec<usize> {
    if p.lex.accused_classes.is_empty() {
        return Vec::new();
    }
    let trial = |k: usize| p.key(k).is_some_and(|w| p.lex.trials.contains(w));
    (0..ms.list.len())
        .filter(|&x| {
            let mx = &ms.list[x];
            if mx.kind != MentionKind::Name(NameKind::Person) {
                return false;
            }
            let s0 = mx.items.start;
            let of_trial =
                s0 >= 2 && matches!(p.key(s0 - 1), Some("de" | "d'" | "of")) && trial(s0 - 2);
            of_trial || p.key(mx.items.end) == Some("'s") && trial(mx.items.end + 1)
        })
        .collect()
}

/// Two people's names coordinated as the subject of sentence `s`, before byte `before`: the
/// sentence's first mention outside a prepositional phrase, a person's name, then another
/// joined by `and`/`et` (`Neil Crutchley and Luis Ferreira both criticised …`).
fn coordinated_subjects(
    p: &Prose,
    ms: &Mentions,
    s: usize,
    before: usize,
) -> Option<(usize, usize)> {
    let mut free = ms
        .in_sentence(s)
        .filter(|(_, m)| !m.in_pp && m.full.start < before);
    let (a, ma) = free.next()?;
    let (b, mb) = free.next()?;
    let person = |m: &Mention| m.kind == MentionKind::Name(NameKind::Person);
    let joined =
        mb.items.start == ma.items.end + 1 && matches!(p.key(ma.items.end), Some("and" | "et"));
    (person(ma) && person(mb) && joined).then_some((a, b))
}

/// A pronoun to resolve: where it is and what it agrees with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PronounQuery {
    /// Its sentence.
    pub sentence: usize,
    /// Its first byte in the analysed text.
    pub start: usize,
    /// Its gender.
    pub gender: Gender,
    /// Its number.
    pub number: Number,
    /// `it`: an organisation or thing.
    pub neuter: bool,
    /// `ce dernier`, `the latter`: the latest compatible mention, subject or not.
    pub latest: bool,
}

/// Whether two entity kinds may be the same entity.
fn kinds_compatible(a: EntityKind, b: EntityKind) -> bool {
    a == b || a == EntityKind::Unknown || b == EntityKind::Unknown
}

/// Modifiers that look like nationalities or places (`nord-coréen`, `russe`, `North Korean`):
/// two different ones mean two different people.
fn nationality_like(mods: &[String]) -> bool {
    mods.iter().any(|m| {
        let m = m.as_str();
        m.ends_with("ien")
            || m.ends_with("ienne")
            || m.ends_with("éen")
            || m.ends_with("éenne")
            || m.ends_with("ais")
            || m.ends_with("aise")
            || m.ends_with("ois")
            || m.ends_with("oise")
            || m.ends_with("ain")
            || m.ends_with("aine")
            || m.ends_with("an")
            || m.ends_with("ese")
            || m.ends_with("ish")
            || m.ends_with("ique")
            || m == "russe"
            || m == "suisse"
            || m == "belge"
    })
}

/// A name as the canonical form: without a leading determiner or apostrophe elision, trailing
/// punctuation and inner line breaks.
fn clean_name(s: &str) -> String {
    let s = s.trim();
    let s = ["l'", "l’", "L'", "L’", "d'", "d’"]
        .iter()
        .find_map(|pre| s.strip_prefix(pre))
        .unwrap_or(s);
    without_nickname(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `s` without a nickname in quotation marks (`Marcia "Cia" Price`, `Jean « Jeannot » Dupont`).
fn without_nickname(s: &str) -> std::borrow::Cow<'_, str> {
    for (open, close) in [('"', '"'), ('“', '”'), ('‘', '’'), ('«', '»')] {
        let Some(a) = s.find(open) else { continue };
        let from = a + open.len_utf8();
        let Some(b) = s[from..].find(close).map(|b| from + b) else {
            continue;
        };
        if crate::prose::is_nickname(&s[from..b]) {
            let rest = &s[b + close.len_utf8()..];
            return format!("{} {}", &s[..a], rest).into();
        }
    }
    s.into()
}

/// The canonical text of a description: its core (without the determiner), on one line.
pub fn description_name(p: &Prose, m: &Mention) -> String {
    let surface = clean_name(m.core_text(p.text));
    // `du Monde`, `au Figaro`: the article contracted with a preposition is not in the mention;
    // the name is the listed one (`Le Monde`).
    // So is an elided one (`à L’Express`, `aux Échos`): written as in the text when it opens
    // the mention or stands right before it, else as listed.
    if let MentionKind::Outlet { id: Some(id), .. } = m.kind {
        let listed = &p.shared.outlet_list[id as usize].name;
        let same = |a: &str, b: &str| fold(&a.replace('’', "'")) == fold(&b.replace('’', "'"));
        for article in ["Le ", "La ", "Les ", "L'"] {
            let Some(rest) = listed.strip_prefix(article) else {
                continue;
            };
            if !same(rest, &surface) {
                continue;
            }
            let curly = article.replace('\'', "’");
            let core = m.core_text(p.text);
            let written = [article, curly.as_str()].into_iter().find_map(|a| {
                let w = match core.get(..a.len()) {
                    Some(w) if same(w, a) => w,
                    _ => p
                        .text
                        .get(m.core.start.checked_sub(a.len())?..m.core.start)?,
                };
                same(w, a).then_some(w)
            });
            return format!("{}{surface}", written.unwrap_or(article));
        }
    }
    surface
}

/// The folded names inside description `mi` (its complements: `maire de Lyon` → `lyon`).
fn complement_names(p: &Prose, ms: &Mentions, mi: usize) -> Vec<String> {
    let m = &ms.list[mi];
    ms.within(m.full)
        .filter(|(k, x)| *k != mi && x.is_name())
        .map(|(_, x)| fold(x.core.get(p.text)))
        .collect()
}

/// True when description `mi` and a description of entity `ent` with role `class` both name
/// something in their complements, and nothing in common.
fn complements_differ(p: &Prose, ms: &Mentions, mi: usize, ent: &Entity, class: u32) -> bool {
    let mine = complement_names(p, ms, mi);
    if mine.is_empty() {
        return false;
    }
    // Its latest three descriptions with the role (bounded: a role may be repeated thousands of
    // times).
    let theirs: Vec<String> = ent
        .mentions
        .range(..mi)
        .rev()
        .filter(|&&k| ms.list[k].role_class == Some(class))
        .take(3)
        .flat_map(|&k| complement_names(p, ms, k))
        .collect();
    !theirs.is_empty() && !mine.iter().any(|n| theirs.contains(n))
}

/// Counts of entity kinds, for `--explain`.
pub fn kind_counts(e: &Entities) -> HashMap<EntityKind, usize> {
    let mut out = HashMap::default();
    for ent in &e.list {
        *out.entry(ent.kind).or_insert(0) += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::lang::Lang;
    use crate::mentions::find;
    use crate::quotes::pair;

    fn chains(text: &str, lang: Lang) -> Vec<(String, Vec<String>)> {
        let doc = Document::plain_str(text);
        let pr = pair(doc.text(), doc.blocks());
        let prose = Prose::new(doc.text(), lang, doc.blocks(), &pr.quotes);
        let ms = find(&prose);
        let es = Entities::build(&prose, &ms);
        es.list
            .iter()
            .map(|e| {
                (
                    e.name.clone(),
                    e.mentions
                        .iter()
                        .map(|&k| ms.list[k].core_text(doc.text()).to_string())
                        .collect(),
                )
            })
            .collect()
    }

    fn chain_of<'a>(c: &'a [(String, Vec<String>)], name: &str) -> &'a [String] {
        &c.iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no entity {name} in {c:?}"))
            .1
    }

    #[test]
    fn surnames_and_titled_forms_join_the_full_name() {
        let c = chains(
            "Le ministre Sergueï Choïgou est arrivé. La visite de M. Choïgou a duré deux jours, puis Choigou est reparti.",
            Lang::Fr,
        );
        let ch = chain_of(&c, "Sergueï Choïgou");
        assert!(ch.contains(&"Choïgou".to_string()), "{c:?}");
        assert!(ch.contains(&"Choigou".to_string()), "{c:?}");
    }

    #[test]
    fn role_bound_by_apposition_resolves_a_later_description() {
        let c = chains(
            "Le dirigeant nord-coréen Kim Jong Un a reçu le ministre. Le numéro un nord-coréen a exprimé sa conviction.",
            Lang::Fr,
        );
        let ch = chain_of(&c, "Kim Jong Un");
        assert!(ch.contains(&"numéro un nord-coréen".to_string()), "{c:?}");
    }

    #[test]
    fn acronym_joins_the_full_organisation_name() {
        let c = chains(
            "Human Rights Watch a publié un rapport. Selon HRW, la torture continue.",
            Lang::Fr,
        );
        assert!(
            chain_of(&c, "Human Rights Watch").contains(&"HRW".to_string()),
            "{c:?}"
        );
    }

    #[test]
    fn unnamed_state_medium_takes_the_name_given_later() {
        let c = chains(
            "Kim a promis son soutien, a rapporté un média d'Etat. Selon l'agence officielle KCNA, il a tenu parole.",
            Lang::Fr,
        );
        assert!(
            chain_of(&c, "KCNA").contains(&"média d'Etat".to_string()),
            "{c:?}"
        );
    }

    #[test]
    fn unnamed_speakers_keep_their_fullest_description() {
        let c = chains(
            "Un porte-parole de la police a parlé. Le porte-parole de la police madrilène a démenti.",
            Lang::Fr,
        );
        let ch = chain_of(&c, "porte-parole de la police madrilène");
        assert_eq!(ch.len(), 2, "{c:?}");
    }

    #[test]
    fn folding_by_character_equals_a_whole_string_decomposition() {
        use unicode_normalization::UnicodeNormalization;
        let reference = |s: &str| -> String {
            s.nfd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .flat_map(char::to_lowercase)
                .map(|c| if c == '’' { '\'' } else { c })
                .collect()
        };
        let mut text = crate::par::fixture_articles("fr") + &crate::par::fixture_articles("en");
        text.push_str(" Ǆemal ŒUVRE İstanbul ΣΟΦΊΑ Ångström e\u{301}te\u{301} Straße Ǳ ﬁ ’");
        let mut words = 0;
        for w in text.split_whitespace() {
            assert_eq!(fold(w), reference(w), "{w}");
            words += 1;
        }
        assert!(words > 3000);
    }

    #[test]
    fn fold_removes_accents_and_case() {
        assert_eq!(fold("Choïgou"), "choigou");
        assert_eq!(fold("ÉTAT"), "etat");
        assert!(same_word("wasef", "wasif"));
        assert!(!same_word("kim", "kin"));
    }
}
