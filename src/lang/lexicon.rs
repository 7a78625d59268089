//! The lexicons: reporting verbs, cue phrases, role nouns, honorifics, pronouns, function words,
//! outlets, first names and places, read from the plain-text files under `data/` (compiled into
//! the binary) and parsed once per process.
//!
//! Every data file has the same line syntax, documented in `data/README.md`:
//!
//! ```text
//! # comment
//! entry words @tag @tag:value = form form, form
//! ```

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::{Lang, conjugate};
use crate::tokens::{entry_keys, normalize};

/// Grammatical gender of a mention, when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Gender {
    /// Masculine (`il`, `M.`, `he`, `Mr`).
    Masc,
    /// Feminine (`elle`, `Mme`, `she`, `Mrs`).
    Fem,
    /// Not known, or either.
    #[default]
    Unknown,
}

impl Gender {
    /// True unless the two genders are known and differ.
    pub fn compatible(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// Grammatical number of a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Number {
    /// One.
    #[default]
    Singular,
    /// Several.
    Plural,
}

/// Flags of a reporting verb (the `@tags` of `verbs.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VerbTags(u16);

impl VerbTags {
    /// A verb that often introduces something other than speech (`estimer`, `believe`).
    pub const WEAK: u16 = 1;
    /// A verb that names or qualifies (`qualifier de`, `call`): a short quote after it is speech
    /// only when the verb has a subject.
    pub const NAMING: u16 = 1 << 1;
    /// A verb that continues an earlier statement (`ajouter`, `add`): the source carries over.
    pub const CONTINUE: u16 = 1 << 2;
    /// A verb with an addressee (`dire à`, `tell`): an outlet as addressee is the cited source.
    pub const TELL: u16 = 1 << 3;
    /// A semantically negative verb, which may stay a cue when negated (`nier`, `deny`).
    pub const NEGATIVE: u16 = 1 << 4;
    /// Not a cue: only the forms, for multiword verbs built on it (`faire` for `faire savoir`).
    pub const PARADIGM: u16 = 1 << 5;
    /// A verb of writing (`écrire`, `write`, `tweet`).
    pub const WRITTEN: u16 = 1 << 6;
    /// A verb of findings (`find`, `conclure`): a cue only when its subject is a court, judge or
    /// document (`@finding` lines of `roles.txt`): `the court found`, not `police found`.
    pub const FINDING: u16 = 1 << 7;
    /// A verb that also takes a work for object (`publier`, `présenter`, `write`): a short quote
    /// right after it that opens like a title is the work's title (`publie « La Fille du
    /// passeur »`).
    pub const WORK: u16 = 1 << 8;

    /// True when all bits of `tag` are set.
    pub fn has(self, tag: u16) -> bool {
        self.0 & tag == tag
    }
}

/// A reporting verb form found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbInfo {
    /// Index of the lemma in [`Lexicon::lemmas`].
    pub lemma: u32,
    /// The lemma's flags.
    pub tags: VerbTags,
}

/// A reporting verb lemma.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lemma {
    /// The lemma as written in the data file.
    pub name: String,
    /// Its flags.
    pub tags: VerbTags,
    /// The platform the verb names (`tweeter` → `Twitter`).
    pub platform: Option<String>,
    /// Its listed forms repeat the lemma: the base form is also its past (`read`), so it is a
    /// verb after a singular subject too.
    pub base_is_past: bool,
}

/// What a cue phrase that is not a verb does (`cues.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// `selon X`, `d'après X`, `according to X`: X is the speaker, or the source if an outlet.
    According,
    /// `pour X, …` (an opinion attribution at the head of a sentence).
    Opinion,
    /// `cité par X`, `quoted by X`: X is the source.
    CitedBy,
    /// `dans les colonnes de X`, `in an interview with X`: X is the medium, hence the source.
    Medium,
    /// `selon la même source`, `the same source`: the source of the previous quote.
    SameSource,
    /// `Trump's claim that …`, `l'affirmation de X selon laquelle …`: a noun of saying whose
    /// possessor said the quote in its clause.
    Claim,
}

/// A cue phrase of `cues.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueInfo {
    /// What it does.
    pub kind: CueKind,
    /// `@named`: a cue only before a phrase that names someone and opens with a determiner or
    /// a capital (`per the party's bylaws`, `per NBC News`; not `per cent`, `per person`).
    pub named: bool,
}

/// What kind of entity a role noun describes (`roles.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoleKind {
    /// A person's role or function (`ministre`, `porte-parole`, `leader`).
    Person,
    /// A person's role that is anonymous when nobody is named (`responsable`, `official`).
    Anonymous,
    /// An organisation (`gouvernement`, `syndicat`, `police`, `company`).
    Org,
    /// A group (`parties`, `manifestants`, `protesters`).
    Collective,
    /// A document or message that speaks for its author (`communiqué`, `tweet`, `report`).
    Document,
}

/// A role noun found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleInfo {
    /// Synonym class (one line of `roles.txt`): `dirigeant`, `numéro un` and `leader` share one.
    pub class: u32,
    /// Gender of this form.
    pub gender: Gender,
    /// Number of this form.
    pub number: Number,
    /// What it describes.
    pub kind: RoleKind,
    /// An organisation noun that may refer back to any organisation (`l'ONG`, `the company`).
    pub generic: bool,
    /// A document that names its platform (`tweet` → Twitter): index in [`Lexicon::platforms`].
    pub platform: Option<u32>,
    /// A head of state or government (`président`, `prime minister`).
    pub leader: bool,
    /// A word for any leader (`leader`, `dirigeant`, `numéro un`): refers back to a president
    /// or prime minister as well.
    pub broad: bool,
    /// A court, judge or document whose findings are reported (`@finding`).
    pub finding: bool,
}

/// A pronoun and what it may refer to (`pronouns.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PronounInfo {
    /// Gender.
    pub gender: Gender,
    /// Number.
    pub number: Number,
    /// Never a speaker: the journalist (`je`, `nous`, `I`, `we`) or impersonal (`on`, `ça`).
    pub reject: bool,
    /// Refers to a thing or organisation (`it`), not a person.
    pub neuter: bool,
}

/// The kind of an outlet (`outlets.txt`, `outlet_nouns.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutletKind {
    /// News agency (`AFP`, `KCNA`, `agence`).
    Agency,
    /// Newspaper (`Le Monde`, `quotidien`, `newspaper`).
    Newspaper,
    /// Television or radio (`BBC`, `chaîne`, `broadcaster`).
    Broadcaster,
    /// Magazine or weekly.
    Magazine,
    /// News website or blog.
    Website,
    /// Social network or messaging platform (`Twitter`, `Telegram`, `réseau social`).
    Platform,
    /// Any outlet (`média`, `outlet`).
    Any,
}

impl OutletKind {
    fn parse(tag: &str) -> Option<OutletKind> {
        Some(match tag {
            "agency" => OutletKind::Agency,
            "newspaper" => OutletKind::Newspaper,
            "broadcaster" => OutletKind::Broadcaster,
            "magazine" => OutletKind::Magazine,
            "website" => OutletKind::Website,
            "platform" => OutletKind::Platform,
            "any" => OutletKind::Any,
            _ => return None,
        })
    }
}

/// A named outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    /// Its usual short name (`KCNA`).
    pub name: String,
    /// What it is.
    pub kind: OutletKind,
    /// A state or official medium (`KCNA`, `TASS`, `Xinhua`).
    pub state: bool,
    /// Also a common word or a name (`Time`, `Bloomberg`, `X`): an outlet only where one is
    /// expected.
    pub ambiguous: bool,
}

/// One written form of an outlet's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutletAlias {
    /// Index of the outlet in [`Shared::outlet_list`].
    pub id: u32,
    /// Bit `k` is set when word `k` of the alias starts with a capital: text must match it.
    pub caps: u64,
}

/// A generic noun for an outlet (`agence`, `quotidien`, `média d'État`, `newspaper`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutletNoun {
    /// What kind of outlet it names.
    pub kind: OutletKind,
    /// It names a state medium.
    pub state: bool,
    /// It also names organisations that are not media (`@org`: `the agency` after `the Food and
    /// Drug Administration`).
    pub org: bool,
    /// It names an outlet only with a possessive, a complement or a name (`@qualified`: `sur
    /// son site`, `le site du ministère`; not `le site` of a factory).
    pub qualified: bool,
}

/// How a phrase before a quote marks it as a title or a term (`kind_cues.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindCue {
    /// `intitulé`, `the film`, `l'opération`: a title.
    Title,
    /// `so-called`, `surnommé`, `le terme`: a term.
    Term,
    /// `called`, `baptisé`: a title if the quote is in title case, a term otherwise.
    Name,
}

/// Function-word tags (`function_words.txt`), as bits.
pub mod word {
    /// Determiner or article.
    pub const DET: u32 = 1;
    /// Preposition.
    pub const PREP: u32 = 1 << 1;
    /// Coordinating conjunction.
    pub const CONJ: u32 = 1 << 2;
    /// Complementizer (`que`, `that`).
    pub const SUB: u32 = 1 << 3;
    /// Relative pronoun (`qui`, `who`, `which`).
    pub const REL: u32 = 1 << 4;
    /// Auxiliary or copula (`a`, `avait`, `est`, `has`, `was`).
    pub const AUX: u32 = 1 << 5;
    /// Adverb that may sit inside a verb group (`aussi`, `également`, `also`, `later`).
    pub const ADV: u32 = 1 << 6;
    /// Object clitic or particle inside a French verb group (`lui`, `l'`, `se`, `y`, `en`).
    pub const CLITIC: u32 = 1 << 7;
    /// Negation (`ne`, `pas`, `not`, `never`).
    pub const NEG: u32 = 1 << 8;
    /// Day, month or time word (`jeudi`, `Monday`, `hier`).
    pub const TIME: u32 = 1 << 9;
    /// Number word (`deux`, `two`, `both`).
    pub const NUM: u32 = 1 << 10;
    /// Possessive determiner (`son`, `sa`, `his`, `their`).
    pub const POSS: u32 = 1 << 11;
    /// Quantifier (`certains`, `some`, `plusieurs`, `several`).
    pub const QUANT: u32 = 1 << 12;
    /// Subordinating conjunction or adverbial opener (`quand`, `lorsque`, `when`, `while`).
    pub const SUBORD: u32 = 1 << 13;
    /// Indefinite determiner (`un`, `une`, `des`, `a`, `an`).
    pub const INDEF: u32 = 1 << 14;
    /// Any other word that is never part of a name even when capitalised.
    pub const STOP: u32 = 1 << 15;
    /// An answer that a verb of saying takes as its object (`said yes`, `a dit non`, `said
    /// nothing`): that verb reports no quote.
    pub const ANSWER: u32 = 1 << 16;
    /// An additive adverb that says a speaker goes on (`également`, `aussi`, `also`).
    pub const ADDITIVE: u32 = 1 << 17;
    /// A verb form of seeing or obtaining a document (`seen`, `obtained`, `consulter`): the one
    /// who did is the outlet that reports it, not the document's author.
    pub const VIEWING: u32 = 1 << 18;

    pub(super) fn parse(tag: &str) -> Option<u32> {
        Some(match tag {
            "det" => DET,
            "prep" => PREP,
            "conj" => CONJ,
            "sub" => SUB,
            "rel" => REL,
            "aux" => AUX,
            "adv" => ADV,
            "clitic" => CLITIC,
            "neg" => NEG,
            "time" => TIME,
            "num" => NUM,
            "poss" => POSS,
            "quant" => QUANT,
            "subord" => SUBORD,
            "indef" => INDEF,
            "stop" => STOP,
            "answer" => ANSWER,
            "additive" => ADDITIVE,
            "viewing" => VIEWING,
            _ => return None,
        })
    }
}

/// The continuations of the entries that start with one word, and their values.
type Continuations<T> = Vec<(Box<[String]>, T)>;

/// Multiword entries keyed by normalised tokens, matched longest first.
#[derive(Debug, Clone)]
pub struct PhraseMap<T> {
    by_first: HashMap<String, Continuations<T>>,
    /// The first keys: most words of a text start no entry, and are turned away on their
    /// length and end bytes, before any hashing.
    filter: KeyFilter,
}

/// One bit per [`filter_slot`] of a set of keys: a word whose bit is not set is not a key.
#[derive(Debug, Clone)]
pub struct KeyFilter(Box<[u64; FILTER_WORDS]>);

impl Default for KeyFilter {
    fn default() -> Self {
        KeyFilter(Box::new([0; FILTER_WORDS]))
    }
}

impl KeyFilter {
    /// Let `key` through.
    pub fn insert(&mut self, key: &str) {
        let slot = filter_slot(key);
        self.0[slot / 64] |= 1 << (slot % 64);
    }

    /// False when `key` was never inserted; true when it may have been.
    #[inline]
    pub fn may_contain(&self, key: &str) -> bool {
        let slot = filter_slot(key);
        self.0[slot / 64] & (1 << (slot % 64)) != 0
    }
}

/// Words (of 64 bits) of a [`PhraseMap`] filter.
const FILTER_WORDS: usize = 64;

/// The bit of `key` in a [`PhraseMap`] filter, from its length, first and last bytes.
#[inline]
fn filter_slot(key: &str) -> usize {
    let b = key.as_bytes();
    let first = b.first().copied().unwrap_or(0);
    let last = b.last().copied().unwrap_or(0);
    let h = (b.len() as u32).wrapping_mul(0x9E37_79B9)
        ^ u32::from(first).wrapping_mul(0x85EB_CA6B)
        ^ u32::from(last).wrapping_mul(0xC2B2_AE35);
    (h >> 20) as usize % (FILTER_WORDS * 64)
}

impl<T> Default for PhraseMap<T> {
    fn default() -> Self {
        PhraseMap {
            by_first: HashMap::default(),
            filter: KeyFilter::default(),
        }
    }
}

impl<T> PhraseMap<T> {
    /// Add an entry; a later entry with the same keys is ignored (the first one wins).
    pub fn insert(&mut self, keys: Vec<String>, value: T) {
        let Some((first, rest)) = keys.split_first() else {
            return;
        };
        self.filter.insert(first);
        let list = self.by_first.entry(first.clone()).or_default();
        if list.iter().any(|(r, _)| **r == *rest) {
            return;
        }
        list.push((rest.to_vec().into_boxed_slice(), value));
        // Longest continuation first, so the first match is the longest.
        list.sort_by_key(|(r, _)| std::cmp::Reverse(r.len()));
    }

    /// The longest entry starting at token `i`, where `key(i)` is the normalised token `i` (or
    /// `None` past the end). Returns the number of tokens matched and the value.
    #[inline]
    pub fn longest<'k>(
        &self,
        i: usize,
        key: impl Fn(usize) -> Option<&'k str>,
    ) -> Option<(usize, &T)> {
        // Inlined up to here: most words start no entry, and are turned away by the filter
        // without a call.
        let list = self.first(key(i)?)?;
        Self::longest_in(list, i, key)
    }

    /// [`PhraseMap::longest`] among the entries of `list`, which all start with key `i`.
    #[inline(never)]
    fn longest_in<'k>(
        list: &Continuations<T>,
        i: usize,
        key: impl Fn(usize) -> Option<&'k str>,
    ) -> Option<(usize, &T)> {
        // The keys after `i`, each asked once however many continuations compare with it.
        let mut after: [Option<Option<&'k str>>; 8] = [None; 8];
        let mut key_after = |k: usize| match after.get_mut(k) {
            Some(slot) => *slot.get_or_insert_with(|| key(i + 1 + k)),
            None => key(i + 1 + k),
        };
        list.iter().find_map(|(rest, v)| {
            rest.iter()
                .enumerate()
                .all(|(k, w)| key_after(k) == Some(w.as_str()))
                .then_some((rest.len() + 1, v))
        })
    }

    /// The entries that start with `key`.
    #[inline]
    fn first(&self, key: &str) -> Option<&Continuations<T>> {
        if !self.filter.may_contain(key) {
            return None;
        }
        self.by_first.get(key)
    }

    /// Every value.
    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.by_first
            .values()
            .flat_map(|l| l.iter().map(|(_, v)| v))
    }

    /// The value of a one-token entry.
    pub fn get_single(&self, key: &str) -> Option<&T> {
        self.first(key)?
            .iter()
            .find(|(r, _)| r.is_empty())
            .map(|(_, v)| v)
    }

    /// True when `keys` is an entry (not merely the start of one).
    pub fn has_entry(&self, keys: &[String]) -> bool {
        let Some((first, rest)) = keys.split_first() else {
            return false;
        };
        self.by_first
            .get(first)
            .is_some_and(|list| list.iter().any(|(r, _)| **r == *rest))
    }

    /// True when some entry starts with `key`.
    pub fn starts_with(&self, key: &str) -> bool {
        self.first(key).is_some()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    /// True when there is no entry.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

/// The lexicon of one language.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// The language.
    pub lang: Lang,
    /// Every inflected form of every reporting verb (multiword forms included).
    pub verbs: PhraseMap<VerbInfo>,
    /// The verb lemmas, indexed by [`VerbInfo::lemma`].
    pub lemmas: Vec<Lemma>,
    /// Cue phrases that are not verbs.
    pub cues: PhraseMap<CueInfo>,
    /// `@citing` lines of `cues.txt`: an outlet's participle or relative clause that names who
    /// said it (`Reuters, citing a senior official`, `selon Reuters, qui cite un responsable`).
    pub citing: PhraseMap<()>,
    /// Role nouns, singular and plural.
    pub roles: PhraseMap<RoleInfo>,
    /// Platforms named by document nouns (`tweet` → `Twitter`).
    pub platforms: Vec<String>,
    /// Honorifics before names (`M.`, `Mme`, `Mr`, `Dr`), with the gender they imply.
    pub honorifics: PhraseMap<Gender>,
    /// The courtesy titles among them (`@courtesy`: `Mr`, `Mme`): a title word right after one is
    /// a surname (`Mr. King`, `Ms. Bishop`).
    pub courtesy: PhraseMap<()>,
    /// Pronouns.
    pub pronouns: HashMap<String, PronounInfo>,
    /// The keys of `pronouns`: asked of every token of a text, most of which are not pronouns.
    pronoun_filter: KeyFilter,
    /// Possessive determiners, with what their possessor may be (`his`, `their`, `leur`).
    pub possessives: HashMap<String, PronounInfo>,
    /// Function words and their tags (bits of [`word`]).
    pub words: HashMap<String, u32>,
    /// The keys of `words`: every token is looked up once, and half of a text's words are not
    /// function words.
    words_filter: KeyFilter,
    /// Adverbial phrases of several words (`pour sa part`, `de son côté`, `for his part`): the
    /// `@adv` lines of `function_words.txt` with a space.
    pub adverbials: PhraseMap<()>,
    /// Abbreviations that a period does not end a sentence after (lowercase, without the dot).
    pub abbreviations: HashSet<String>,
    /// Phrases that mark the next quote as a title or a term.
    pub kind_cues: PhraseMap<KindCue>,
    /// `@titled` kind cues (`intitulé`, `titled`): a title whatever its length.
    pub titled: PhraseMap<()>,
    /// Phrases between a description and the name its person goes by (`using the pseudonym`).
    pub alias_phrases: PhraseMap<()>,
    /// Generic outlet nouns.
    pub outlet_nouns: PhraseMap<OutletNoun>,
    /// Words that make a capitalised name an organisation (`Conseil`, `Party`, `University`).
    pub org_words: HashSet<String>,
    /// The only words that may come before a role noun in a description, where the language
    /// puts few adjectives before the noun (French: `l'ancien ministre`); `None` where any word
    /// may (English).
    pub premodifiers: Option<HashSet<String>>,
    /// Subject pronouns (`@subject` lines of `pronouns.txt`): the next word is their verb.
    pub subject_pronouns: HashSet<String>,
    /// Nouns of quantity whose `of`/`de` complement heads the phrase (`partitives.txt`).
    pub partitives: HashSet<String>,
    /// Words of the first person, in both languages (`first_person.txt`): a quote may be in
    /// another language than the article.
    pub first_person: HashSet<String>,
    /// The role classes of heads of state, of government and of companies (`@leader` lines of
    /// `roles.txt`), sorted.
    pub leader_classes: Vec<u32>,
    /// The role classes of courts, judges and documents whose findings are reported (`@finding`
    /// lines of `roles.txt`), sorted.
    pub finding_classes: Vec<u32>,
    /// The role classes of family members (`@kin` lines of `roles.txt`: `the father`), sorted.
    pub kin_classes: Vec<u32>,
    /// The role classes of the accused (`@accused` lines of `roles.txt`: `le prévenu`, `the
    /// defendant`), sorted.
    pub accused_classes: Vec<u32>,
    /// The role classes that name a person by age alone (`@age` lines of `roles.txt`: `the
    /// 34-year-old`, `le quinquagénaire`), sorted.
    pub age_classes: Vec<u32>,
    /// The role classes of things that carry words but say none (`@carrier` lines of
    /// `roles.txt`: `une banderole`, `the banner`), sorted.
    pub carrier_classes: Vec<u32>,
    /// Nouns of a trial whose complement names the accused (`trials.txt`: `le procès de X`, `the
    /// trial of X`).
    pub trials: HashSet<String>,
}

/// Data shared by both languages: outlets, first names, places.
#[derive(Debug, Clone)]
pub struct Shared {
    /// Outlet names and aliases.
    pub outlets: PhraseMap<OutletAlias>,
    /// The outlets.
    pub outlet_list: Vec<Outlet>,
    /// First names and their usual gender.
    pub first_names: HashMap<String, Gender>,
    /// Country, region and city names, in French and English.
    pub places: PhraseMap<()>,
    /// Last words that make a name an outlet (`News`, `Times`, `Gazette`), normalised.
    pub outlet_suffixes: HashSet<String>,
    /// Particles that make the next words part of a person's name (`@particle` lines of
    /// `name_words.txt`: `de`, `van`, `bin`).
    pub particles: HashSet<String>,
    /// Words that join the parts of an organisation's name (`@joiner`: `of`, `&`, `de`).
    pub org_joiners: HashSet<String>,
    /// Words left out when name forms are indexed and compared (`@skip`: `de`, `of`, `the`).
    pub name_skips: HashSet<String>,
    /// First words of the outlet names written in lowercase (`franceinfo`, `dpa`): looked up
    /// even where no capital starts a name. A handful: a list, compared without hashing, since
    /// every lowercase word is checked.
    pub lowercase_outlets: Vec<String>,
    /// Short function words of one language and not the other (`detect.txt` of each), for
    /// language detection.
    pub detect_words: HashMap<String, Lang>,
}

impl Lexicon {
    /// True when the normalised word is a key of [`Lexicon::pronouns`].
    #[inline]
    pub fn is_pronoun(&self, norm: &str) -> bool {
        self.pronoun_filter.may_contain(norm) && self.pronouns.contains_key(norm)
    }

    /// The tags of a normalised word (0 when it is not a function word).
    #[inline]
    pub fn word_tags(&self, norm: &str) -> u32 {
        if !self.words_filter.may_contain(norm) {
            return 0;
        }
        self.words.get(norm).copied().unwrap_or(0)
    }

    /// True when the normalised word has any of the `tags` bits.
    #[inline]
    pub fn is(&self, norm: &str, tags: u32) -> bool {
        self.word_tags(norm) & tags != 0
    }

    /// The lemma of a verb form.
    pub fn lemma(&self, info: VerbInfo) -> &Lemma {
        &self.lemmas[info.lemma as usize]
    }

    /// This lexicon with `forms` added as reporting verbs (a configuration's `a vitupéré`,
    /// `harrumphed`). Each form is matched exactly as written, one or several words, and is its
    /// own lemma without tags. A form the lexicon already has, after the auxiliaries, clitics and
    /// adverbs a verb group takes in anyway (`a martelé` is `martelé` after `a`), keeps its
    /// built-in entry and tags.
    pub fn with_verbs<'a>(&self, forms: impl IntoIterator<Item = &'a str>) -> Lexicon {
        let mut lex = self.clone();
        let group = word::AUX | word::CLITIC | word::ADV | word::NEG;
        for form in forms {
            let keys = entry_keys(form.trim(), lex.lang);
            let verb = keys.iter().position(|k| !lex.is(k, group)).unwrap_or(0);
            if keys.is_empty() || lex.verbs.has_entry(&keys[verb..]) {
                continue;
            }
            let lemma = lex.lemmas.len() as u32;
            lex.lemmas.push(Lemma {
                name: form.trim().to_string(),
                tags: VerbTags::default(),
                platform: None,
                // The form is the one copy uses, so it is a verb after any subject: without
                // this an English one-word form equal to its lemma (`groused`) would be read
                // as a base form, a verb only after `they`, `we` or a modal.
                base_is_past: true,
            });
            let tags = VerbTags::default();
            lex.verbs.insert(keys, VerbInfo { lemma, tags });
        }
        lex
    }
}

impl Shared {
    /// These data with `outlets` added as named outlets (a configuration's `Le Courrier de
    /// Kerlevan`), matched like the listed ones: in French and English text, on the capitals of
    /// the name as written. A name the list already has keeps its built-in entry.
    pub fn with_outlets<'a>(
        &self,
        outlets: impl IntoIterator<Item = (&'a str, OutletKind)>,
    ) -> Shared {
        let mut shared = self.clone();
        for (name, kind) in outlets {
            let name = name.trim();
            let keys = outlet_keys(name);
            if keys
                .iter()
                .any(|(k, _)| k.is_empty() || shared.outlets.has_entry(k))
            {
                continue;
            }
            let id = shared.outlet_list.len() as u32;
            shared.outlet_list.push(Outlet {
                name: name.to_string(),
                kind,
                state: false,
                ambiguous: false,
            });
            for (keys, caps) in keys {
                shared.outlets.insert(keys, OutletAlias { id, caps });
            }
        }
        shared
    }
}

static FR: OnceLock<Lexicon> = OnceLock::new();
static EN: OnceLock<Lexicon> = OnceLock::new();
static SHARED: OnceLock<Shared> = OnceLock::new();

/// The lexicon of `lang`, parsed on first use.
pub(super) fn get(lang: Lang) -> &'static Lexicon {
    match lang {
        Lang::Fr => FR.get_or_init(|| load(Lang::Fr)),
        Lang::En => EN.get_or_init(|| load(Lang::En)),
    }
}

/// The data shared by both languages, parsed on first use.
pub fn shared() -> &'static Shared {
    SHARED.get_or_init(load_shared)
}

macro_rules! data {
    ($lang:literal, $file:literal) => {
        include_str!(concat!("../../data/", $lang, "/", $file))
    };
}

struct Files {
    verbs: &'static str,
    cues: &'static str,
    roles: &'static str,
    honorifics: &'static str,
    pronouns: &'static str,
    words: &'static str,
    abbreviations: &'static str,
    kind_cues: &'static str,
    outlet_nouns: &'static str,
    alias_phrases: &'static str,
    premodifiers: Option<&'static str>,
    partitives: &'static str,
    trials: &'static str,
}

fn files(lang: Lang) -> Files {
    match lang {
        Lang::Fr => Files {
            verbs: data!("fr", "verbs.txt"),
            cues: data!("fr", "cues.txt"),
            roles: data!("fr", "roles.txt"),
            honorifics: data!("fr", "honorifics.txt"),
            pronouns: data!("fr", "pronouns.txt"),
            words: data!("fr", "function_words.txt"),
            abbreviations: data!("fr", "abbreviations.txt"),
            kind_cues: data!("fr", "kind_cues.txt"),
            outlet_nouns: data!("fr", "outlet_nouns.txt"),
            alias_phrases: data!("fr", "alias_phrases.txt"),
            premodifiers: Some(data!("fr", "premodifiers.txt")),
            partitives: data!("fr", "partitives.txt"),
            trials: data!("fr", "trials.txt"),
        },
        Lang::En => Files {
            verbs: data!("en", "verbs.txt"),
            cues: data!("en", "cues.txt"),
            roles: data!("en", "roles.txt"),
            honorifics: data!("en", "honorifics.txt"),
            pronouns: data!("en", "pronouns.txt"),
            words: data!("en", "function_words.txt"),
            abbreviations: data!("en", "abbreviations.txt"),
            kind_cues: data!("en", "kind_cues.txt"),
            outlet_nouns: data!("en", "outlet_nouns.txt"),
            alias_phrases: data!("en", "alias_phrases.txt"),
            premodifiers: None,
            partitives: data!("en", "partitives.txt"),
            trials: data!("en", "trials.txt"),
        },
    }
}

/// One parsed line of a data file.
struct Line<'a> {
    no: usize,
    entry: &'a str,
    tags: Vec<(&'a str, Option<&'a str>)>,
    forms: Option<&'a str>,
}

impl Line<'_> {
    fn has(&self, tag: &str) -> bool {
        self.tags.iter().any(|(t, _)| *t == tag)
    }
    fn value(&self, tag: &str) -> Option<&str> {
        self.tags
            .iter()
            .find(|(t, _)| *t == tag)
            .and_then(|(_, v)| *v)
    }
}

/// Parse the line syntax shared by all data files. Malformed embedded data is a bug, caught by
/// the tests that load every lexicon.
fn lines(src: &str) -> impl Iterator<Item = Line<'_>> {
    src.lines().enumerate().filter_map(|(i, raw)| {
        let raw = raw.trim();
        if raw.is_empty() || raw.starts_with('#') {
            return None;
        }
        let (head, forms) = match raw.split_once(" = ") {
            Some((h, f)) => (h, Some(f.trim())),
            None => (raw, None),
        };
        let mut parts = head.split(" @");
        let entry = parts.next().unwrap_or("").trim();
        let tags = parts
            .map(|t| match t.trim().split_once(':') {
                Some((k, v)) => (k, Some(v)),
                None => (t.trim(), None),
            })
            .collect();
        Some(Line {
            no: i + 1,
            entry,
            tags,
            forms,
        })
    })
}

/// The entries of a file of plain words, normalised.
fn word_set(src: &str) -> HashSet<String> {
    lines(src).map(|l| normalize(l.entry)).collect()
}

fn gender_of(line: &Line) -> Gender {
    if line.has("m") {
        Gender::Masc
    } else if line.has("f") {
        Gender::Fem
    } else {
        Gender::Unknown
    }
}

fn load(lang: Lang) -> Lexicon {
    let f = files(lang);
    let keys = |s: &str| entry_keys(s, lang);

    // Verbs: paradigms first, so multiword verbs can be built on them.
    let mut paradigms: HashMap<String, Vec<String>> = HashMap::default();
    for line in lines(f.verbs) {
        if let Some(forms) = line.forms {
            let mut list: Vec<String> = split_forms(forms);
            list.push(line.entry.to_string());
            paradigms.insert(line.entry.to_string(), list);
        }
    }
    let mut verbs = PhraseMap::default();
    let mut lemmas = Vec::new();
    for line in lines(f.verbs) {
        let mut tags = 0;
        for (tag, bit) in [
            ("weak", VerbTags::WEAK),
            ("naming", VerbTags::NAMING),
            ("continue", VerbTags::CONTINUE),
            ("tell", VerbTags::TELL),
            ("negative", VerbTags::NEGATIVE),
            ("paradigm", VerbTags::PARADIGM),
            ("written", VerbTags::WRITTEN),
            ("finding", VerbTags::FINDING),
            ("work", VerbTags::WORK),
        ] {
            if line.has(tag) {
                tags |= bit;
            }
        }
        let tags = VerbTags(tags);
        if tags.has(VerbTags::PARADIGM) {
            continue;
        }
        // French pronominal verbs are matched on the verb; the clitic is part of the verb group.
        let lemma = line
            .entry
            .strip_prefix("se ")
            .or_else(|| line.entry.strip_prefix("s'"))
            .or_else(|| line.entry.strip_prefix("s’"))
            .unwrap_or(line.entry);
        let forms = forms_of(lemma, &paradigms, lang);
        let id = lemmas.len() as u32;
        lemmas.push(Lemma {
            name: line.entry.to_string(),
            tags,
            platform: line.value("platform").map(str::to_string),
            base_is_past: line
                .forms
                .is_some_and(|f| split_forms(f).iter().any(|x| x == line.entry)),
        });
        for form in forms {
            verbs.insert(keys(&form), VerbInfo { lemma: id, tags });
        }
    }

    let mut cues = PhraseMap::default();
    let mut citing = PhraseMap::default();
    for line in lines(f.cues) {
        if line.has("citing") {
            citing.insert(keys(line.entry), ());
            continue;
        }
        let kind = if line.has("according") {
            CueKind::According
        } else if line.has("opinion") {
            CueKind::Opinion
        } else if line.has("citedby") {
            CueKind::CitedBy
        } else if line.has("medium") {
            CueKind::Medium
        } else if line.has("samesource") {
            CueKind::SameSource
        } else if line.has("claim") {
            CueKind::Claim
        } else {
            panic!("cues.txt line {}: no kind tag", line.no)
        };
        let named = line.has("named");
        cues.insert(keys(line.entry), CueInfo { kind, named });
    }

    let mut roles = PhraseMap::default();
    let mut platforms: Vec<String> = Vec::new();
    let mut kin_classes: Vec<u32> = Vec::new();
    let mut accused_classes: Vec<u32> = Vec::new();
    let mut age_classes: Vec<u32> = Vec::new();
    let mut carrier_classes: Vec<u32> = Vec::new();
    for (class, line) in lines(f.roles).enumerate() {
        if line.has("carrier") {
            carrier_classes.push(class as u32);
        }
        if line.has("age") {
            age_classes.push(class as u32);
        }
        if line.has("kin") {
            kin_classes.push(class as u32);
        }
        if line.has("accused") {
            accused_classes.push(class as u32);
        }
        let kind = if line.has("org") {
            RoleKind::Org
        } else if line.has("anon") {
            RoleKind::Anonymous
        } else if line.has("collective") {
            RoleKind::Collective
        } else if line.has("document") {
            RoleKind::Document
        } else {
            RoleKind::Person
        };
        let generic = line.has("generic");
        let platform = line.value("platform").map(|name| {
            match platforms.iter().position(|p: &String| p == name) {
                Some(i) => i as u32,
                None => {
                    platforms.push(name.to_string());
                    (platforms.len() - 1) as u32
                }
            }
        });
        // The entry is the whole list before the line's tags: `a/b:g, c, d:f`.
        for item in line.entry.split(',') {
            let item = item.trim();
            if item.is_empty() {
                continue;
            }
            let (item, item_gender) = match item.rsplit_once(':') {
                Some((f, "m")) => (f, Some(Gender::Masc)),
                Some((f, "f")) => (f, Some(Gender::Fem)),
                _ => (item, None),
            };
            let mut genders = item.split('/');
            let masc = genders.next().unwrap_or("").trim();
            let fem = genders.next().map(str::trim);
            let forms: Vec<(&str, Gender)> = match fem {
                Some(f) => vec![(masc, Gender::Masc), (f, Gender::Fem)],
                None => vec![(masc, item_gender.unwrap_or_else(|| gender_of(&line)))],
            };
            for (form, gender) in forms {
                let plural_only = line.has("pl");
                let number = if plural_only {
                    Number::Plural
                } else {
                    Number::Singular
                };
                let info = RoleInfo {
                    class: class as u32,
                    gender,
                    number,
                    kind,
                    generic,
                    platform,
                    leader: line.has("leader"),
                    finding: line.has("finding"),
                    broad: line.has("broad"),
                };
                roles.insert(keys(form), info);
                if !plural_only {
                    for pl in plural(form, lang) {
                        roles.insert(
                            keys(&pl),
                            RoleInfo {
                                number: Number::Plural,
                                ..info
                            },
                        );
                    }
                }
            }
        }
    }

    let mut honorifics = PhraseMap::default();
    let mut courtesy = PhraseMap::default();
    for line in lines(f.honorifics) {
        honorifics.insert(keys(line.entry), gender_of(&line));
        if line.has("courtesy") {
            courtesy.insert(keys(line.entry), ());
        }
    }

    let mut pronouns = HashMap::default();
    let mut possessives: HashMap<String, PronounInfo> = HashMap::default();
    let mut subject_pronouns = HashSet::default();
    for line in lines(f.pronouns) {
        if line.has("subject") {
            subject_pronouns.insert(normalize(line.entry));
        }
        let map = if line.has("poss") {
            &mut possessives
        } else {
            &mut pronouns
        };
        map.insert(
            normalize(line.entry),
            PronounInfo {
                gender: gender_of(&line),
                number: if line.has("pl") {
                    Number::Plural
                } else {
                    Number::Singular
                },
                reject: line.has("reject"),
                neuter: line.has("n"),
            },
        );
    }

    let mut words: HashMap<String, u32> = HashMap::default();
    let mut adverbials = PhraseMap::default();
    for line in lines(f.words) {
        if line.entry.contains(' ') {
            assert!(
                line.has("adv"),
                "function_words.txt line {}: only adverbials may have several words",
                line.no
            );
            adverbials.insert(keys(line.entry), ());
            continue;
        }
        let mut bits = 0;
        for (tag, _) in &line.tags {
            bits |= word::parse(tag).unwrap_or_else(|| {
                panic!("function_words.txt line {}: unknown tag @{tag}", line.no)
            });
        }
        *words.entry(normalize(line.entry)).or_default() |= bits;
    }

    let abbreviations = lines(f.abbreviations)
        .map(|l| normalize(l.entry.trim_end_matches('.')))
        .collect();

    let mut alias_phrases = PhraseMap::default();
    for line in lines(f.alias_phrases) {
        alias_phrases.insert(keys(line.entry), ());
    }
    let mut kind_cues = PhraseMap::default();
    let mut titled = PhraseMap::default();
    for line in lines(f.kind_cues) {
        if line.has("titled") {
            titled.insert(keys(line.entry), ());
        }
        let kind = if line.has("title") {
            KindCue::Title
        } else if line.has("term") {
            KindCue::Term
        } else if line.has("name") {
            KindCue::Name
        } else {
            panic!("kind_cues.txt line {}: no kind tag", line.no)
        };
        kind_cues.insert(keys(line.entry), kind);
    }

    let mut outlet_nouns = PhraseMap::default();
    for line in lines(f.outlet_nouns) {
        let kind = line
            .tags
            .iter()
            .find_map(|(t, _)| OutletKind::parse(t))
            .unwrap_or(OutletKind::Any);
        outlet_nouns.insert(
            keys(line.entry),
            OutletNoun {
                kind,
                state: line.has("state"),
                org: line.has("org"),
                qualified: line.has("qualified"),
            },
        );
    }

    // Organisation names cross languages (`Human Rights Watch` in French copy, `Conseil` in
    // English): both lists apply to every text.
    let org_words = lines(data!("fr", "org_words.txt"))
        .chain(lines(data!("en", "org_words.txt")))
        .map(|l| normalize(l.entry))
        .collect();

    let premodifiers = f.premodifiers.map(word_set);
    let partitives = word_set(f.partitives);
    let first_person = word_set(data!("fr", "first_person.txt"))
        .into_iter()
        .chain(word_set(data!("en", "first_person.txt")))
        .collect();

    let mut leader_classes: Vec<u32> = roles
        .values()
        .filter(|info| info.leader)
        .map(|info| info.class)
        .collect();
    leader_classes.sort_unstable();
    leader_classes.dedup();
    let mut finding_classes: Vec<u32> = roles
        .values()
        .filter(|info| info.finding)
        .map(|info| info.class)
        .collect();
    finding_classes.sort_unstable();
    finding_classes.dedup();

    Lexicon {
        possessives,
        subject_pronouns,
        partitives,
        first_person,
        leader_classes,
        finding_classes,
        kin_classes,
        accused_classes,
        age_classes,
        carrier_classes,
        trials: word_set(f.trials),
        lang,
        verbs,
        lemmas,
        cues,
        citing,
        roles,
        platforms,
        honorifics,
        courtesy,
        pronoun_filter: {
            let mut f = KeyFilter::default();
            pronouns.keys().for_each(|k| f.insert(k));
            f
        },
        pronouns,
        words_filter: {
            let mut f = KeyFilter::default();
            words.keys().for_each(|k| f.insert(k));
            f
        },
        words,
        adverbials,
        abbreviations,
        kind_cues,
        titled,
        alias_phrases,
        outlet_nouns,
        org_words,
        premodifiers,
    }
}

fn split_forms(forms: &str) -> Vec<String> {
    forms
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// All forms of a lemma: explicit forms from the data file, or generated; a multiword lemma is
/// inflected on its first word (`faire savoir` → `fait savoir`, `point out` → `pointed out`).
fn forms_of(lemma: &str, paradigms: &HashMap<String, Vec<String>>, lang: Lang) -> Vec<String> {
    if let Some(list) = paradigms.get(lemma) {
        return list.clone();
    }
    let (head, rest) = match lemma.split_once(' ') {
        Some((h, r)) => (h, Some(r)),
        None => (lemma, None),
    };
    let heads = match paradigms.get(head) {
        Some(list) => list.clone(),
        None => match lang {
            Lang::Fr => conjugate::french(head),
            Lang::En => conjugate::english(head),
        },
    };
    match rest {
        Some(r) => heads.into_iter().map(|h| format!("{h} {r}")).collect(),
        None => heads,
    }
}

/// Plural forms of a role noun (on the first word of a multiword noun: `porte-parole` stays,
/// `chef d'État` → `chefs d'État`).
fn plural(form: &str, lang: Lang) -> Vec<String> {
    let (head, rest) = match form.split_once(' ') {
        Some((h, r)) => (h, format!(" {r}")),
        None => (form, String::new()),
    };
    let heads: Vec<String> = match lang {
        Lang::Fr => {
            if head.ends_with('s') || head.ends_with('x') || head.ends_with('z') {
                vec![]
            } else if let Some(s) = head.strip_suffix("al") {
                vec![format!("{s}aux")]
            } else if head.ends_with("eau") || head.ends_with("eu") {
                vec![format!("{head}x")]
            } else {
                vec![format!("{head}s")]
            }
        }
        Lang::En => {
            if let Some(s) = head.strip_suffix("man") {
                vec![format!("{s}men")]
            } else if head == "child" {
                vec!["children".to_string()]
            } else if let Some(s) = head.strip_suffix("person") {
                vec![format!("{s}people"), format!("{s}persons")]
            } else if head.ends_with('s')
                || head.ends_with('x')
                || head.ends_with("ch")
                || head.ends_with("sh")
            {
                vec![format!("{head}es")]
            } else if head.ends_with('y')
                && !head.ends_with("ay")
                && !head.ends_with("ey")
                && !head.ends_with("oy")
            {
                vec![format!("{}ies", &head[..head.len() - 1])]
            } else {
                vec![format!("{head}s")]
            }
        }
    };
    heads.into_iter().map(|h| format!("{h}{rest}")).collect()
}

/// Bit `k` set when token `k` of `name` starts with a capital letter.
/// The keys of an outlet's name and the capitals each key must have, as French
/// text and as English text tokenizes it (`People's Daily` is one word before `Daily` in
/// French, two in English); one entry when both agree.
fn outlet_keys(name: &str) -> Vec<(Vec<String>, u64)> {
    let mut out: Vec<(Vec<String>, u64)> = Vec::new();
    for lang in [Lang::Fr, Lang::En] {
        let keys = entry_keys(name, lang);
        if !out.iter().any(|(k, _)| *k == keys) {
            out.push((keys, capital_mask(name, lang)));
        }
    }
    out
}

fn capital_mask(name: &str, lang: Lang) -> u64 {
    let mut toks = Vec::new();
    crate::tokens::tokenize(
        name,
        crate::span::Span::new(0, name.len()),
        lang,
        &[],
        &mut toks,
    );
    toks.iter()
        .take(64)
        .enumerate()
        .filter(|(_, t)| t.span().get(name).starts_with(char::is_uppercase))
        .fold(0, |m, (k, _)| m | (1u64 << k))
}

fn load_shared() -> Shared {
    let mut outlets = PhraseMap::default();
    let mut outlet_list = Vec::new();
    let mut lowercase_outlets: Vec<String> = Vec::new();
    for line in lines(include_str!("../../data/outlets.txt")) {
        let kind = line
            .tags
            .iter()
            .find_map(|(t, _)| OutletKind::parse(t))
            .unwrap_or(OutletKind::Any);
        let id = outlet_list.len() as u32;
        outlet_list.push(Outlet {
            name: line.entry.to_string(),
            kind,
            state: line.has("state"),
            ambiguous: line.has("ambig"),
        });
        // Outlet names are matched in French and English text alike; elision is French.
        let mut names = vec![line.entry.to_string()];
        names.extend(line.forms.map(split_forms).unwrap_or_default());
        for name in names {
            for (keys, caps) in outlet_keys(&name) {
                if caps == 0 && !lowercase_outlets.contains(&keys[0]) {
                    lowercase_outlets.push(keys[0].clone());
                }
                outlets.insert(keys, OutletAlias { id, caps });
            }
        }
    }
    let mut first_names = HashMap::default();
    for line in lines(include_str!("../../data/first_names.txt")) {
        first_names.insert(normalize(line.entry), gender_of(&line));
    }
    let mut places = PhraseMap::default();
    for line in lines(include_str!("../../data/places.txt")) {
        places.insert(entry_keys(line.entry, Lang::Fr), ());
    }
    let outlet_suffixes = word_set(include_str!("../../data/outlet_suffixes.txt"));
    let name_words = |tag: &str| -> HashSet<String> {
        lines(include_str!("../../data/name_words.txt"))
            .filter(|l| l.has(tag))
            .map(|l| normalize(l.entry))
            .collect()
    };
    let mut detect_words = HashMap::default();
    for (lang, src) in [
        (Lang::Fr, data!("fr", "detect.txt")),
        (Lang::En, data!("en", "detect.txt")),
    ] {
        for line in lines(src) {
            detect_words.insert(line.entry.to_lowercase(), lang);
        }
    }
    Shared {
        detect_words,
        particles: name_words("particle"),
        org_joiners: name_words("joiner"),
        name_skips: name_words("skip"),
        outlets,
        outlet_list,
        first_names,
        places,
        outlet_suffixes,
        lowercase_outlets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key<'a>(words: &'a [&'a str]) -> impl Fn(usize) -> Option<&'a str> {
        move |i| words.get(i).copied()
    }

    #[test]
    fn the_key_filters_let_every_pronoun_and_function_word_through() {
        for lang in [Lang::Fr, Lang::En] {
            let lex = get(lang);
            assert!(lex.pronouns.len() > 10, "{lang:?}");
            for k in lex.pronouns.keys() {
                assert!(lex.is_pronoun(k), "{lang:?}: {k}");
            }
            for word in ["maison", "house", "président", ""] {
                assert!(!lex.is_pronoun(word), "{lang:?}: {word}");
            }
            assert!(lex.words.len() > 50, "{lang:?}");
            for (k, &tags) in &lex.words {
                assert_eq!(lex.word_tags(k), tags, "{lang:?}: {k}");
            }
        }
    }

    #[test]
    fn every_lexicon_loads() {
        for lang in [Lang::Fr, Lang::En] {
            let lex = get(lang);
            assert!(lex.verbs.len() > 100, "{lang}: few verb forms");
            assert!(!lex.cues.is_empty());
            assert!(!lex.roles.is_empty());
            assert!(!lex.pronouns.is_empty());
            assert!(!lex.words.is_empty());
        }
        let s = shared();
        assert!(!s.outlet_list.is_empty());
        assert!(!s.first_names.is_empty());
    }

    #[test]
    fn word_classes_come_from_the_data_files_of_their_language() {
        let (fr, en) = (get(Lang::Fr), get(Lang::En));
        // Subject pronouns are pronouns of their own language only: English `on` is a preposition.
        for lex in [fr, en] {
            for w in &lex.subject_pronouns {
                assert!(lex.is_pronoun(w), "{:?}: {w}", lex.lang);
            }
        }
        assert!(fr.subject_pronouns.contains("on") && !en.subject_pronouns.contains("on"));
        assert!(en.subject_pronouns.contains("they") && !en.subject_pronouns.contains("them"));
        assert!(fr.partitives.contains("majorité") && !fr.partitives.contains("number"));
        assert!(en.partitives.contains("percent") && !en.partitives.contains("plupart"));
        // A quote may be in the other language: both lists of the first person apply.
        for lex in [fr, en] {
            assert!(lex.first_person.contains("j'") && lex.first_person.contains("i'm"));
            assert!(!lex.first_person.contains("il") && !lex.first_person.contains("he"));
        }
        assert_eq!(fr.word_tags("également") & word::ADDITIVE, word::ADDITIVE);
        assert_eq!(en.word_tags("also") & word::ADDITIVE, word::ADDITIVE);
        assert_eq!(en.word_tags("then") & word::ADDITIVE, 0);
    }

    #[test]
    fn name_words_are_split_by_their_tags() {
        let s = shared();
        assert!(s.particles.contains("von") && s.particles.contains("d'"));
        assert!(!s.particles.contains("of") && !s.particles.contains("&"));
        assert!(s.org_joiners.contains("&") && s.org_joiners.contains("of"));
        assert!(!s.org_joiners.contains("von") && !s.org_joiners.contains("le"));
        assert!(s.name_skips.contains("the") && s.name_skips.contains("d"));
        assert!(!s.name_skips.contains("d'") && !s.name_skips.contains("von"));
    }

    #[test]
    fn french_verbs_are_inflected_and_multiword_verbs_built_on_paradigms() {
        let lex = get(Lang::Fr);
        for form in [["déclaré"], ["assure"], ["promis"], ["ajouté"], ["dit"]] {
            assert!(lex.verbs.longest(0, key(&form)).is_some(), "{form:?}");
        }
        let m = lex.verbs.longest(0, key(&["fait", "savoir", "que"]));
        assert_eq!(m.map(|(n, _)| n), Some(2));
    }

    #[test]
    fn english_irregular_and_phrasal_verbs() {
        let lex = get(Lang::En);
        assert!(lex.verbs.longest(0, key(&["said"])).is_some());
        assert!(lex.verbs.longest(0, key(&["told"])).is_some());
        let m = lex.verbs.longest(0, key(&["pointed", "out"]));
        assert_eq!(m.map(|(n, _)| n), Some(2));
    }

    #[test]
    fn roles_have_gender_number_and_synonym_classes() {
        let lex = get(Lang::Fr);
        let (_, dirigeant) = lex.roles.longest(0, key(&["dirigeant"])).unwrap();
        let (n, numero_un) = lex.roles.longest(0, key(&["numéro", "un"])).unwrap();
        assert_eq!(n, 2);
        assert_eq!(dirigeant.class, numero_un.class);
        let (_, presidente) = lex.roles.longest(0, key(&["présidente"])).unwrap();
        assert_eq!(presidente.gender, Gender::Fem);
        let (_, parties) = lex.roles.longest(0, key(&["parties"])).unwrap();
        assert_eq!(parties.number, Number::Plural);
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("journal", Lang::Fr), vec!["journaux"]);
        assert_eq!(plural("chef d'État", Lang::Fr), vec!["chefs d'État"]);
        assert_eq!(plural("spokesman", Lang::En), vec!["spokesmen"]);
        assert_eq!(plural("party", Lang::En), vec!["parties"]);
    }

    #[test]
    fn outlets_match_their_aliases() {
        let s = shared();
        let (n, id) = s
            .outlets
            .longest(0, key(&["agence", "france-presse"]))
            .unwrap();
        assert_eq!(n, 2);
        assert_eq!(s.outlet_list[id.id as usize].name, "AFP");
        assert_eq!(id.caps, 0b11);
    }

    #[test]
    fn added_verbs_are_matched_as_written_unless_the_lexicon_has_them() {
        let fr = get(Lang::Fr);
        let lex = fr.with_verbs(["a vitupéré", " a martelé ", "n'a cessé de répéter", ""]);
        // `martelé` is listed (`marteler`): `a martelé` adds nothing.
        assert_eq!(lex.lemmas.len(), fr.lemmas.len() + 2);
        let (n, info) = lex
            .verbs
            .longest(0, key(&["a", "vitupéré", "que"]))
            .unwrap();
        assert_eq!(n, 2);
        assert_eq!(lex.lemma(*info).name, "a vitupéré");
        assert!(lex.lemma(*info).base_is_past);
        assert!(lex.verbs.longest(0, key(&["vitupéré"])).is_none());
        let words = ["n'", "a", "cessé", "de", "répéter"];
        assert_eq!(lex.verbs.longest(0, key(&words)).map(|(n, _)| n), Some(5));
        assert!(fr.verbs.longest(0, key(&["a", "vitupéré"])).is_none());
    }

    #[test]
    fn added_outlets_are_matched_on_their_capitals() {
        let s = shared();
        let ext = s.with_outlets([
            ("Le Courrier de Kerlevan", OutletKind::Newspaper),
            ("AFP", OutletKind::Website),
        ]);
        assert_eq!(ext.outlet_list.len(), s.outlet_list.len() + 1);
        let words = ["le", "courrier", "de", "kerlevan"];
        let (n, alias) = ext.outlets.longest(0, key(&words)).unwrap();
        assert_eq!(n, 4);
        assert_eq!(alias.caps, 0b1011);
        let outlet = &ext.outlet_list[alias.id as usize];
        assert_eq!(outlet.name, "Le Courrier de Kerlevan");
        assert_eq!(outlet.kind, OutletKind::Newspaper);
        // A listed outlet keeps its built-in entry.
        let (_, afp) = ext.outlets.longest(0, key(&["afp"])).unwrap();
        assert_eq!(ext.outlet_list[afp.id as usize].kind, OutletKind::Agency);
        assert!(s.outlets.longest(0, key(&words)).is_none());
    }
}
