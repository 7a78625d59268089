//! Telling speech from titles, terms and other quoted things.
//!
//! A quote is **speech** when it reads like an utterance (a sentence, or five words or more) or
//! when a speaker is tied to it, whatever its length (`a qualifié la décision d'« inacceptable
//! »`). It is a **title** or a **term** when a word right before it says so (`le film`,
//! `intitulé`, `so-called`, `surnommé`, `called` + title case) or, with no speaker, when it is
//! short: title case makes a title (`"Learning Together"`), anything else a term (scare quotes).
//! Codes and grades (`« A3 »`) are **other**.

use crate::cues::Cue;
use crate::findings::QuoteKind;
use crate::lang::{KindCue, PhraseMap, VerbTags, word};
use crate::mentions::Mentions;
use crate::prose::{Prose, flag};
use crate::tokens::TokKind;

/// Classify quote `q` (at item `qi`). `cue` is the cue that attributed it, if any; `attributed`
/// says whether a speaker was found.
pub fn classify(
    p: &Prose,
    ms: &Mentions,
    q: usize,
    qi: usize,
    cue: Option<&Cue>,
    attributed: bool,
) -> QuoteKind {
    let words = p.quote_tokens[q]
        .clone()
        .filter(|&t| matches!(p.tokens[t].kind, TokKind::Word | TokKind::Number))
        .count();
    // More words than any title, term or code the rules take: a sentence (`sentence_like`),
    // hence speech, whatever comes before it. Most quotes of an article stop here, without
    // their words collected or a kind cue looked for; the debug builds (every test) check that
    // the rules agree.
    if words > 8 && !titled_before(p, qi) && !law_title(p, q) {
        debug_assert_eq!(
            classify_by_rules(p, ms, q, qi, cue, attributed),
            QuoteKind::Speech,
            "a rule makes a quote of more than 8 words something else than speech"
        );
        return QuoteKind::Speech;
    }
    classify_by_rules(p, ms, q, qi, cue, attributed)
}

/// [`classify`], every rule in turn.
fn classify_by_rules(
    p: &Prose,
    ms: &Mentions,
    q: usize,
    qi: usize,
    cue: Option<&Cue>,
    attributed: bool,
) -> QuoteKind {
    let toks = p.quote_tokens[q].clone();
    let words: Vec<usize> = toks
        .clone()
        .filter(|&t| matches!(p.tokens[t].kind, TokKind::Word | TokKind::Number))
        .collect();
    let n_words = words.len();
    let inner = p.quotes[q].inner.get(p.text).trim();

    // Codes, grades and tickers: `A3`, `Baa3`, `2024-0317`, `KSTL`; not a name with a number
    // (`Aurora-2`).
    let bare = inner.trim_end_matches([',', '.', ';', ':']);
    if n_words <= 2
        && !bare.is_empty()
        && !bare.contains(' ')
        && bare
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '+' | '.' | '/'))
    {
        let has_digit = bare.chars().any(|c| c.is_ascii_digit());
        let word_part = bare
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 4 && w.chars().any(char::is_lowercase));
        let ticker = bare.chars().all(|c| c.is_ascii_uppercase()) && (2..=5).contains(&bare.len());
        if (has_digit && !word_part) || (ticker && !attributed) {
            return QuoteKind::Other;
        }
    }

    // A nickname inside a name: `Pasquale "Pat" Di Cicco`, `Marcia « Cia » Price`.
    let capitalised = |k: usize| p.is_word(k) && p.is_cap(k);
    if (1..=2).contains(&n_words)
        && words.iter().all(|&t| p.has(t, flag::CAP))
        && !inner.ends_with(['.', '!', '?', ','])
        && qi > 0
        && capitalised(qi - 1)
        && capitalised(qi + 1)
        && p.block_start_of(qi - 1) == p.block_start_of(qi)
    {
        return QuoteKind::Term;
    }

    let sentence_like = n_words >= 5
        || (n_words >= 3
            && inner
                .trim_end_matches(['"', '\'', '»', '”', ' '])
                .ends_with(['.', '!', '?', '…']));

    // A word right before the quote that makes it a title or a term.
    // A title starts with a capital or a number (`la loi « Travail »`, `le film « 1917 »`); `la
    // réforme « trop rapide »` is someone's word for the reform.
    let starts_like_title = words
        .first()
        .is_some_and(|&t| p.has(t, flag::CAP) || p.tokens[t].kind == TokKind::Number);
    // (French law titles are in lowercase: `le projet de loi « pour un travail durable »`.)
    let law_like = law_title(p, q);
    let kind_cue = kind_cue_before(p, ms, qi, cue)
        .filter(|k| *k != KindCue::Title || starts_like_title || law_like || !attributed);
    if let Some(k) = kind_cue {
        if !sentence_like || n_words <= 8 || titled_before(p, qi) || law_like {
            return match k {
                KindCue::Title => QuoteKind::Title,
                KindCue::Term => QuoteKind::Term,
                KindCue::Name => {
                    if title_case(p, &words) {
                        QuoteKind::Title
                    } else {
                        QuoteKind::Term
                    }
                }
            };
        }
    }

    // The kind noun inside the marks, then a name: `un « plan Horizon 2030 »`, `l'« opération
    // Barkhane »`: every word after the noun capitalised or a number. A lowercase word makes it
    // someone's phrase (`un « plan Marshall pour l'Afrique »`).
    if (2..=6).contains(&n_words)
        && p.lex.kind_cues.get_single(p.norm(words[0])) == Some(&KindCue::Title)
        && words[1..]
            .iter()
            .all(|&t| p.has(t, flag::CAP) || p.tokens[t].kind == TokKind::Number)
        && p.has(words[1], flag::CAP)
        && !inner.ends_with(['.', '!', '?', ','])
    {
        return QuoteKind::Title;
    }

    // A gloss in apposition after the quote: `« Les Heures blanches », le film de Camille
    // Duret` (a kind noun), `« Scribe », un assistant comptable` (a name, then what it is),
    // `des « bassines », ces retenues d'eau géantes` (a word, then what it means).
    if n_words <= 4 && !inner.ends_with(['.', '!', '?', ',']) && p.is_punct(qi + 1, ",") {
        let det = qi + 2;
        let noun_after = p.is_word(det + 1) && !p.is_cap(det + 1);
        if p.is(det, word::DET) && noun_after {
            let kind_noun =
                p.key(det + 1).and_then(|k| p.lex.kind_cues.get_single(k)) == Some(&KindCue::Title);
            let indefinite = matches!(p.key(det), Some("un" | "une" | "a" | "an"));
            if starts_like_title && (kind_noun || indefinite) {
                return QuoteKind::Title;
            }
            if !starts_like_title && matches!(p.key(det), Some("ces" | "these" | "those")) {
                return QuoteKind::Term;
            }
        }
    }

    // A name in title case used as a premodifier, between a determiner and a lowercase noun:
    // `the “Singara Chennai 2.0” scheme`, `its “Halo 4” accelerator chip`.
    if starts_like_title
        && n_words <= 6
        && title_case(p, &words)
        && !inner.ends_with(['.', '!', '?', ','])
        && qi > 0
        && p.is(qi - 1, word::DET | word::POSS)
        && p.is_word(qi + 1)
        && !p.is_cap(qi + 1)
        && p.tags(qi + 1) == 0
        && p.lex.verbs.longest(qi + 1, |k| p.key(k)).is_none()
    {
        return QuoteKind::Title;
    }

    // An outlet's programme or column: `on CBS's "Face the Nation"`, `NBC's "Meet the Press"`.
    if starts_like_title
        && n_words <= 8
        && qi >= 2
        && p.key(qi - 1) == Some("'s")
        && ms.ending_at(qi - 1).any(|m| m.is_outlet())
    {
        return QuoteKind::Title;
    }

    // The name of an outlet in quotes: `« Le Monde »`, `“The Wall Street Journal”`.
    if n_words <= 6 && !words.is_empty() {
        let key = |k: usize| -> Option<&str> {
            let t = *words.get(k)?;
            Some(p.norm(t))
        };
        if let Some((len, _)) = p.shared.outlets.longest(0, key) {
            if len == words.len() && p.has(words[0], flag::CAP) {
                return QuoteKind::Title;
            }
        }
    }

    // A name in title case with no speaker, even a long one: `During ABC's "A Tribute For a
    // King", …`.
    if !attributed
        && (2..=8).contains(&n_words)
        && title_case(p, &words)
        && !inner.ends_with(['.', '!', '?', ','])
    {
        return QuoteKind::Title;
    }
    // A work after a verb that may take one: `Léa Marchal publie « La Fille du passeur »`,
    // `she wrote "Paper Lanterns"`: right after the verb, opening with a capitalised article or
    // in title case, with no end punctuation.
    if cue.is_some_and(|c| c.tags.has(VerbTags::WORK) && c.end() == qi) {
        let article = words.first().is_some_and(|&t| {
            p.has(t, flag::CAP)
                && matches!(p.norm(t), "le" | "la" | "les" | "l'" | "the" | "a" | "an")
        });
        if n_words <= 8
            && (article || title_case(p, &words))
            && !inner.ends_with(['.', '!', '?', ','])
        {
            return QuoteKind::Title;
        }
    }
    if sentence_like || attributed {
        return QuoteKind::Speech;
    }
    if words.is_empty() {
        return QuoteKind::Other;
    }
    // A short unattributed name in sentence case, inside a sentence: a title (`« Les Heures
    // blanches »`, `"Best Hero" award`).
    let first_cap = p.has(words[0], flag::CAP)
        && !matches!(
            p.norm(words[0]),
            "i" | "je" | "nous" | "we" | "on" | "il" | "elle"
        );
    let inside_sentence = p.sentences[p.sentence_index(qi)].items.start < qi;
    if first_cap && inside_sentence && n_words <= 6 && !inner.ends_with(['.', '!', '?']) {
        return QuoteKind::Title;
    }
    if title_case(p, &words) {
        QuoteKind::Title
    } else {
        QuoteKind::Term
    }
}

/// The kind cue ending right before the quote, skipping a determiner or an adjective
/// (`le film « … »`, `the so-called "…"`, `une opération baptisée « … »`). A naming verb used
/// actively (`l'avait appelé la « … »`) is not a kind cue: it attributes speech.
fn kind_cue_before(p: &Prose, ms: &Mentions, qi: usize, cue: Option<&Cue>) -> Option<KindCue> {
    let mut end = qi;
    // Skip a determiner right before the quote, or the comma of an apposition (`un livre, «
    // Le Docteur de rien », publié l'an dernier`).
    let comma = end > 0 && p.is_punct(end - 1, ",");
    if end > 0 && (p.is(end - 1, word::DET) || comma) {
        end -= 1;
    }
    // `le livre-enquête « … »`: the first part of a compound.
    if let Some(key) = end.checked_sub(1).and_then(|k| p.key(k)) {
        if let Some((first, _)) = key.split_once('-') {
            if let Some(kind) = p.lex.kind_cues.get_single(first) {
                return Some(*kind);
            }
        }
    }
    let from = p.sentences[p.sentence_index(qi)].items.start;
    let (start, kind) = phrase_ending_at(p, &p.lex.kind_cues, from, end)?;
    // A verb used actively (`s'est dit « confiant »`, `l'avait appelé la « … »`): auxiliary
    // or object clitic before it, or it is the attributing cue itself. It attributes speech.
    // `are called "U.S. nationals"` is passive, and `a process called "…"` names the
    // process: neither attributes.
    let passive = start > 0
        && matches!(
            p.key(start - 1),
            Some("is" | "are" | "was" | "were" | "be" | "been" | "being")
        );
    let names_a_thing = cue.is_some_and(|c| {
        c.subject.as_ref().and_then(|s| s.head).is_some_and(|h| {
            ms.list[h].indefinite && ms.list[h].number == crate::lang::Number::Singular
        })
    });
    let active = !passive
        && !names_a_thing
        && (start > 0 && p.is(start - 1, word::AUX | word::CLITIC) && !p.is(start - 1, word::DET)
            || cue.is_some_and(|c| c.items.contains(&start) && c.subject.is_some()));
    let verb = p.lex.verbs.longest(start, |k| p.key(k)).is_some();
    if active && (verb || *kind == KindCue::Name) {
        return None;
    }
    // Only a noun stands in apposition: not a verb or a preposition before the comma
    // (`convicted of, "Treason, Bribery, …"`, `called, “…”`).
    if comma && (verb || *kind == KindCue::Name || p.is(end - 1, word::PREP)) {
        return None;
    }
    Some(*kind)
}

/// True when the quote opens like the title of a French law, in lowercase (`« pour le plein
/// emploi et la dignité du travail »`, `« relative à la sécurité globale »`): a title after a
/// title cue (`le projet de loi`), however long.
fn law_title(p: &Prose, q: usize) -> bool {
    p.quote_tokens[q]
        .clone()
        .find(|&t| matches!(p.tokens[t].kind, TokKind::Word | TokKind::Number))
        .is_some_and(|t| {
            matches!(
                p.norm(t),
                "pour" | "relative" | "relatif" | "visant" | "portant" | "tendant"
            )
        })
}

/// True when a `@titled` kind cue (`intitulé`, `titled`) ends right before the quote, a comma
/// or a determiner between them: the quote is a title, however long (`The paper, titled “Gut
/// microbes and heart disease in a cohort of adults,” is …`).
fn titled_before(p: &Prose, qi: usize) -> bool {
    let mut end = qi;
    while end > 0 && (p.is(end - 1, word::DET) || p.is_punct(end - 1, ",")) && end + 2 > qi {
        end -= 1;
    }
    phrase_ending_at(p, &p.lex.titled, 0, end).is_some()
}

/// The longest phrase of `map`, of at most four words, that ends right before item `end` and
/// starts at item `from` or later: its start and its value.
fn phrase_ending_at<'m, T>(
    p: &Prose,
    map: &'m PhraseMap<T>,
    from: usize,
    end: usize,
) -> Option<(usize, &'m T)> {
    (1..=4).rev().find_map(|len| {
        let start = end.checked_sub(len).filter(|&s| s >= from)?;
        map.longest(start, |k| p.key(k).filter(|_| k < end))
            .filter(|&(l, _)| l == len)
            .map(|(_, v)| (start, v))
    })
}

/// True when every significant word is capitalised (`Operation Warp Speed`, `Learning
/// Together`, `Le Monde`); function words may stay lowercase.
fn title_case(p: &Prose, words: &[usize]) -> bool {
    let mut caps = 0;
    for &t in words {
        let norm = p.norm(t);
        if p.has(t, flag::CAP) {
            caps += 1;
        } else if p.lex.word_tags(norm) & (word::DET | word::PREP | word::CONJ) == 0
            && p.tokens[t].kind == TokKind::Word
        {
            return false;
        }
    }
    caps >= 1
}
