//! The prose around the quotes: tokens with their normalised forms, the "outer view" in which
//! each quote is a single item (so `« … », a-t-il dit` reads as `Q , a-t-il dit`), and sentences
//! over that view.
//!
//! Treating a quote as one item is what lets simple patterns read the structure of a sentence
//! whatever the quote contains, the way the Guardian's pipeline replaces quotes with a dummy
//! phrase before parsing.

use std::ops::Range;

use crate::document::Block;
use crate::lang::{Lang, Lexicon, Shared, shared, word};
use crate::par;
use crate::quotes::RawQuote;
use crate::span::Span;
use crate::tokens::{TokKind, Token, push_normalized, tokenize};

/// An item of the outer view: a token outside every quote, or a whole quote.
///
/// The indexes are `u32` (a document's offsets are `u32` in [`Prose`] already): 8 bytes an item
/// instead of 16, and a 10 MB article has over a million items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// Index into [`Prose::tokens`].
    Tok(u32),
    /// Index into [`Prose::quotes`].
    Quote(u32),
}

/// A sentence: a range of items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Items of the sentence.
    pub items: Range<usize>,
    /// The block the sentence starts in.
    pub block: usize,
}

/// Token flags.
pub mod flag {
    /// First character is uppercase.
    pub const CAP: u8 = 1;
    /// Every letter is uppercase and there are at least two (an acronym).
    pub const ALLCAPS: u8 = 1 << 1;
    /// First token of its sentence.
    pub const SENT_START: u8 = 1 << 2;
    /// Inside a quote.
    pub const QUOTED: u8 = 1 << 3;
    /// A pronoun of the lexicon (`il`, `she`, `on`), including those rejected as speakers.
    pub const PRONOUN: u8 = 1 << 4;
}

/// The analysed prose of one document.
#[derive(Debug)]
pub struct Prose<'t> {
    /// The analysed text.
    pub text: &'t str,
    /// Its language.
    pub lang: Lang,
    /// The language's lexicon.
    pub lex: &'static Lexicon,
    /// The data shared by both languages (outlets, first names, places).
    pub shared: &'static Shared,
    /// Blocks (paragraphs) of the text.
    pub blocks: &'t [Block],
    /// Outermost quotes.
    pub quotes: &'t [RawQuote],
    /// Every token, inside and outside quotes, in text order.
    pub tokens: Vec<Token>,
    norm_buf: String,
    /// Token `t`'s normalised form is `norm_buf[norm_at[t]..norm_at[t + 1]]`: one offset a
    /// token (and a leading 0) instead of a start and an end.
    norm_at: Vec<u32>,
    /// Function-word tags of each token (looked up once).
    word_tags: Vec<u32>,
    /// Flags of each token (bits of [`flag`]).
    pub flags: Vec<u8>,
    /// Block of each token.
    pub block_of: Vec<u32>,
    /// The outer view.
    pub items: Vec<Item>,
    /// Item index of each quote.
    pub quote_item: Vec<usize>,
    /// Tokens inside each quote (between its marks).
    pub quote_tokens: Vec<Range<usize>>,
    /// Sentences over the outer view.
    pub sentences: Vec<Sentence>,
    /// Sentence of each item.
    pub sentence_of: Vec<u32>,
    /// The first item of each block (see [`Prose::first_item_of`]), then the number of items.
    block_first: Vec<u32>,
}

/// The normalised key of the quote item, which no word can equal.
pub const QUOTE_KEY: &str = "\u{1}quote";

/// Items past which a sentence is cut at the next comma (and at twice this, anywhere): real
/// sentences are far shorter, and every per-sentence search stays bounded.
const LONG_SENTENCE: usize = 200;

impl<'t> Prose<'t> {
    /// Tokenize `text` and build the outer view and sentences, with the built-in lexicons.
    pub fn new(text: &'t str, lang: Lang, blocks: &'t [Block], quotes: &'t [RawQuote]) -> Self {
        Prose::with_lexicons(text, (lang.lexicon(), shared()), blocks, quotes)
    }

    /// [`Prose::new`] with other lexicons (the built-in ones extended by a configuration, see
    /// [`crate::CustomLexicon::lexicons`]); the language is the lexicon's.
    pub fn with_lexicons(
        text: &'t str,
        (lex, shared): (&'static Lexicon, &'static Shared),
        blocks: &'t [Block],
        quotes: &'t [RawQuote],
    ) -> Self {
        let lang = lex.lang;
        // Quotation marks, so the tokenizer emits them as marks: every mark of an outermost
        // quote (its opener and closer). Nested marks are tokenized as punctuation.
        let mut marks: Vec<usize> = Vec::with_capacity(quotes.len() * 2);
        for q in quotes.iter().filter(|q| q.marked) {
            marks.push(q.span.start);
            if !q.unbalanced {
                let close = text[..q.span.end]
                    .char_indices()
                    .next_back()
                    .map_or(q.span.end, |(i, _)| i);
                marks.push(close);
            }
        }
        marks.sort_unstable();

        let Lexed {
            tokens,
            block_of,
            norm_buf,
            norm_at,
            word_tags,
            mut flags,
        } = lex_runs(text, lex, blocks, &marks, par::RUN_BYTES);

        // Outer view: tokens outside quotes, and one item per quote.
        let mut items = Vec::with_capacity(tokens.len());
        let mut quote_item = vec![0; quotes.len()];
        let mut quote_tokens = vec![0..0; quotes.len()];
        let mut qi = 0;
        let mut ti = 0;
        while ti < tokens.len() {
            if qi < quotes.len() && tokens[ti].span().start >= quotes[qi].span.start {
                let q = &quotes[qi];
                let first = ti;
                while ti < tokens.len() && tokens[ti].span().start < q.span.end {
                    flags[ti] |= flag::QUOTED;
                    ti += 1;
                }
                // Inner tokens: without the opening and closing marks.
                let inner_start = if q.marked { (first + 1).min(ti) } else { first };
                let inner_end = if q.unbalanced || !q.marked {
                    ti
                } else {
                    ti.saturating_sub(1).max(inner_start)
                };
                quote_tokens[qi] = inner_start..inner_end;
                quote_item[qi] = items.len();
                items.push(Item::Quote(qi as u32));
                qi += 1;
                continue;
            }
            items.push(Item::Tok(ti as u32));
            ti += 1;
        }
        while qi < quotes.len() {
            quote_item[qi] = items.len();
            quote_tokens[qi] = tokens.len()..tokens.len();
            items.push(Item::Quote(qi as u32));
            qi += 1;
        }

        // Items are in block order: the first item of block `b` is the first whose block is `b`
        // or later.
        let mut block_first = Vec::with_capacity(blocks.len() + 1);
        for (i, it) in items.iter().enumerate() {
            let b = match *it {
                Item::Tok(t) => block_of[t as usize] as usize,
                Item::Quote(q) => quotes[q as usize].block,
            };
            while block_first.len() <= b {
                block_first.push(i as u32);
            }
        }
        while block_first.len() <= blocks.len() {
            block_first.push(items.len() as u32);
        }

        let mut prose = Prose {
            text,
            lang,
            lex,
            shared,
            blocks,
            quotes,
            tokens,
            norm_buf,
            norm_at,
            word_tags,
            flags,
            block_of,
            items,
            quote_item,
            quote_tokens,
            sentences: Vec::new(),
            sentence_of: Vec::new(),
            block_first,
        };
        prose.split_sentences();
        prose
    }

    /// The normalised form of token `t`.
    #[inline]
    pub fn norm(&self, t: usize) -> &str {
        &self.norm_buf[self.norm_at[t] as usize..self.norm_at[t + 1] as usize]
    }

    /// The text of token `t`.
    #[inline]
    pub fn tok_text(&self, t: usize) -> &'t str {
        self.tokens[t].span().get(self.text)
    }

    /// True when token `t` has all bits of `f`.
    #[inline]
    pub fn has(&self, t: usize, f: u8) -> bool {
        self.flags[t] & f == f
    }

    /// The normalised key of item `i` (quotes have [`QUOTE_KEY`]).
    #[inline]
    pub fn key(&self, i: usize) -> Option<&str> {
        match self.items.get(i)? {
            Item::Tok(t) => Some(self.norm(*t as usize)),
            Item::Quote(_) => Some(QUOTE_KEY),
        }
    }

    /// The token of item `i`, if it is a token.
    #[inline]
    pub fn tok(&self, i: usize) -> Option<usize> {
        match self.items.get(i)? {
            Item::Tok(t) => Some(*t as usize),
            Item::Quote(_) => None,
        }
    }

    /// The quote of item `i`, if it is a quote.
    #[inline]
    pub fn quote_at(&self, i: usize) -> Option<usize> {
        match self.items.get(i)? {
            Item::Quote(q) => Some(*q as usize),
            Item::Tok(_) => None,
        }
    }

    /// The span of item `i` in the text.
    #[inline]
    pub fn item_span(&self, i: usize) -> Span {
        match self.items[i] {
            Item::Tok(t) => self.tokens[t as usize].span(),
            Item::Quote(q) => self.quotes[q as usize].span,
        }
    }

    /// The span covering items `r` (empty at the start of the range when it is empty).
    pub fn items_span(&self, r: Range<usize>) -> Span {
        if r.is_empty() {
            let at = self
                .items
                .get(r.start)
                .map_or(self.text.len(), |_| self.item_span(r.start).start);
            return Span::new(at, at);
        }
        self.item_span(r.start).cover(self.item_span(r.end - 1))
    }

    /// The text of items `r`.
    pub fn items_text(&self, r: Range<usize>) -> &'t str {
        self.items_span(r).get(self.text)
    }

    /// True when item `i` is the punctuation `p`.
    #[inline]
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| self.tokens[t].kind == TokKind::Punct && self.tok_text(t) == p)
    }

    /// True when item `i` is a punctuation token among `ps`.
    #[inline]
    pub fn is_any_punct(&self, i: usize, ps: &[&str]) -> bool {
        self.tok(i).is_some_and(|t| {
            self.tokens[t].kind == TokKind::Punct && ps.contains(&self.tok_text(t))
        })
    }

    /// True when item `i` is a word token.
    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| matches!(self.tokens[t].kind, TokKind::Word | TokKind::Number))
    }

    /// The function-word tags of item `i` (0 for quotes and content words).
    #[inline]
    pub fn tags(&self, i: usize) -> u32 {
        self.tok(i).map_or(0, |t| self.word_tags[t])
    }

    /// True when item `i` has any of the function-word `tags`.
    #[inline]
    pub fn is(&self, i: usize, tags: u32) -> bool {
        self.tags(i) & tags != 0
    }

    /// True when item `i` is a capitalised word.
    #[inline]
    pub fn is_cap(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| self.has(t, flag::CAP) && matches!(self.tokens[t].kind, TokKind::Word))
    }

    /// The sentence containing item `i`.
    #[inline]
    pub fn sentence(&self, i: usize) -> &Sentence {
        &self.sentences[self.sentence_of[i] as usize]
    }

    /// Index of the sentence containing item `i`.
    #[inline]
    pub fn sentence_index(&self, i: usize) -> usize {
        self.sentence_of[i] as usize
    }

    /// The first item that starts in block `b` or a later one (the number of items when there is
    /// none).
    ///
    /// Read from a table: a binary search over a million items was a string of cache misses,
    /// paid for each quote.
    #[inline]
    pub fn first_item_of(&self, b: usize) -> usize {
        let first = self
            .block_first
            .get(b)
            .map_or(self.items.len(), |&i| i as usize);
        debug_assert_eq!(
            first,
            self.items.partition_point(|it| match *it {
                Item::Tok(t) => (self.block_of[t as usize] as usize) < b,
                Item::Quote(q) => self.quotes[q as usize].block < b,
            })
        );
        first
    }

    /// Block where item `i` starts.
    #[inline]
    pub fn block_start_of(&self, i: usize) -> usize {
        match self.items[i] {
            Item::Tok(t) => self.block_of[t as usize] as usize,
            Item::Quote(q) => self.quotes[q as usize].block,
        }
    }

    /// Block where item `i` ends.
    #[inline]
    pub fn block_end_of(&self, i: usize) -> usize {
        match self.items[i] {
            Item::Tok(t) => self.block_of[t as usize] as usize,
            Item::Quote(q) => self.quotes[q as usize].end_block,
        }
    }

    /// True when the word before item `i` (a period) is an abbreviation or an initial, so the
    /// period ends no sentence: `M. Kim`, `Dr. Lee`, `J. Smith`, `U.S.`
    fn abbreviation_before(&self, i: usize) -> bool {
        i > 0
            && self.tok(i - 1).is_some_and(|pt| {
                let prev = self.tok_text(pt);
                self.lex.abbreviations.contains(self.norm(pt))
                    || (prev.chars().count() == 1 && prev.chars().all(char::is_uppercase))
                    || prev.ends_with('.')
                    // The initial of a hyphenated state abbreviation: `R-S.C.`, `D-N.Y.`.
                    || prev
                        .rsplit_once('-')
                        .is_some_and(|(_, last)| last.len() == 1 && last.chars().all(|c| c.is_ascii_uppercase()))
            })
    }

    /// True when item `i` is a quote of one or two capitalised words, a nickname inside a name
    /// (`Marcia "Cia" Price`, `surnommé « Gros Jean »`).
    pub fn nickname_at(&self, i: usize) -> bool {
        self.quote_at(i)
            .is_some_and(|q| is_nickname(self.quotes[q].inner.get(self.text)))
    }

    /// True when item `i` is a comma, or a quote whose text ends with one (`"…," but he said`).
    pub fn comma_at(&self, i: usize) -> bool {
        self.is_punct(i, ",")
            || self.quote_at(i).is_some_and(|q| {
                self.quotes[q]
                    .inner
                    .get(self.text)
                    .trim_end()
                    .ends_with(',')
            })
    }

    /// True when item `i` is a quote whose text ends a sentence (`.`, `!`, `?`, `…` before the
    /// closing mark).
    pub fn quote_ends_sentence(&self, i: usize) -> bool {
        let Some(q) = self.quote_at(i) else {
            return false;
        };
        let inner = self.quotes[q].inner.get(self.text).trim_end();
        inner.ends_with(['.', '!', '?', '…'])
    }

    /// Split the outer view into sentences. A sentence ends at `.`, `!`, `?` or `…` followed by
    /// a capitalised word or a quote (not after an abbreviation or an initial), after a quote
    /// whose text ends a sentence and that is followed by a capital, and at every block boundary.
    fn split_sentences(&mut self) {
        let n = self.items.len();
        let mut sentences = Vec::new();
        let mut sentence_of = vec![0u32; n];
        let mut start = 0;
        for i in 0..n {
            let next_is_new_block = i + 1 < n && self.block_start_of(i + 1) > self.block_end_of(i);
            // A run-on "sentence" (text without stops, a list, a table flattened to one line) is
            // cut at a comma past [`LONG_SENTENCE`] items and anyway at twice that, so the
            // per-sentence searches stay bounded.
            let len = i + 1 - start;
            let ends = i + 1 == n
                || next_is_new_block
                || self.ends_sentence_at(i, start)
                || len >= 2 * LONG_SENTENCE
                || (len >= LONG_SENTENCE && self.is_any_punct(i, &[",", ";", ":"]));
            if ends {
                let block = if start < n {
                    self.block_start_of(start)
                } else {
                    0
                };
                for s in &mut sentence_of[start..=i] {
                    *s = sentences.len() as u32;
                }
                sentences.push(Sentence {
                    items: start..i + 1,
                    block,
                });
                start = i + 1;
            }
        }
        for s in &sentences {
            if let Some(t) = self.tok(s.items.start) {
                self.flags[t] |= flag::SENT_START;
            }
        }
        self.sentences = sentences;
        self.sentence_of = sentence_of;
    }

    fn ends_sentence_at(&self, i: usize, start: usize) -> bool {
        let next = i + 1;
        let next_starts = || -> bool {
            match self.items.get(next) {
                Some(Item::Quote(_)) => true,
                Some(&Item::Tok(t)) => {
                    let s = self.tok_text(t as usize);
                    self.has(t as usize, flag::CAP)
                        || s.starts_with(|c: char| c.is_ascii_digit())
                        || matches!(s, "—" | "–" | "―" | "(" | "-")
                }
                None => true,
            }
        };
        match self.items[i] {
            Item::Quote(_) => {
                self.quote_ends_sentence(i) && {
                    // `« … ! », a-t-il dit` continues. After `"… ."` a capital starts a new sentence,
                    // except for a quote standing at the start of its sentence and followed by its
                    // attribution (`"We tried." Smith added.`).
                    match self.items.get(next) {
                        Some(&Item::Tok(t)) => {
                            self.has(t as usize, flag::CAP)
                                && !(i == start && self.attribution_follows(next))
                        }
                        Some(Item::Quote(_)) => true,
                        None => true,
                    }
                }
            }
            Item::Tok(t) => {
                let t = t as usize;
                if self.tokens[t].kind != TokKind::Punct {
                    return false;
                }
                let p = self.tok_text(t);
                match p {
                    "!" | "?" | "…" | "..." => next_starts(),
                    "." => !self.abbreviation_before(i) && next_starts(),
                    _ => false,
                }
            }
        }
    }

    /// True when the capitalised word at item `i` starts an attribution clause (`The mayor
    /// said`, `Kim added`) within a few words, so a quote before it does not end the sentence.
    fn attribution_follows(&self, i: usize) -> bool {
        let end = (i + 12).min(self.items.len());
        // The period of an abbreviated title or an initial (`Sen. Ann Lee`, `Jo B. Park`), or
        // inside a parenthesis (`(D-Mass.)`), does not end the clause.
        let abbreviation = |j: usize| {
            self.is_punct(j, ".")
                && (j > i && self.abbreviation_before(j) || self.is_punct(j + 1, ")"))
        };
        for j in i..end {
            // A nickname inside the name (`Marcia "Cia" Price said`) goes on.
            if self.quote_at(j).is_some() && !(j > i && self.nickname_at(j))
                || self.is_any_punct(j, &[".", "!", "?", ";", ":"]) && !abbreviation(j)
            {
                return false;
            }
            if self
                .lex
                .verbs
                .longest(j, |k| self.key(k).filter(|_| k < end))
                .is_some()
            {
                return true;
            }
            if self.lang == Lang::Fr && self.is(j, word::AUX) {
                continue;
            }
        }
        false
    }
}

/// One or two capitalised words, nothing else: a nickname (`Marcia "Cia" Price`).
pub fn is_nickname(inner: &str) -> bool {
    let mut n = 0;
    for w in inner.split_whitespace() {
        n += 1;
        if n > 2
            || !w.starts_with(char::is_uppercase)
            || !w.chars().all(|c| c.is_alphabetic() || c == '-')
        {
            return false;
        }
    }
    n > 0
}

/// The tokens of some blocks and what is looked up once per token.
#[derive(Debug, Default, PartialEq)]
struct Lexed {
    tokens: Vec<Token>,
    block_of: Vec<u32>,
    norm_buf: String,
    norm_at: Vec<u32>,
    word_tags: Vec<u32>,
    flags: Vec<u8>,
}

impl Lexed {
    /// Empty, keeping the memory.
    fn clear(&mut self) {
        self.tokens.clear();
        self.block_of.clear();
        self.norm_buf.clear();
        self.norm_at.clear();
        self.word_tags.clear();
        self.flags.clear();
    }

    /// Add the tokens of `next`, which come after these in the text.
    fn append(&mut self, next: &Lexed) {
        let base = self.norm_buf.len() as u32;
        self.tokens.extend_from_slice(&next.tokens);
        self.block_of.extend_from_slice(&next.block_of);
        self.norm_buf.push_str(&next.norm_buf);
        // `next` starts with its own leading 0, which is this one's last offset.
        self.norm_at
            .extend(next.norm_at[1..].iter().map(|&e| e + base));
        self.word_tags.extend_from_slice(&next.word_tags);
        self.flags.extend_from_slice(&next.flags);
    }
}

/// Tokenize `blocks` by runs of about `run_bytes` (in parallel when there are several) and join
/// the runs in text order.
fn lex_runs(
    text: &str,
    lex: &Lexicon,
    blocks: &[Block],
    marks: &[usize],
    run_bytes: usize,
) -> Lexed {
    // Every piece is tokenized on its own: a run may start anywhere.
    let (pieces, owner) = pieces(text, blocks, run_bytes);
    let runs = par::block_runs(&pieces, run_bytes, |_| true);
    if let [run] = &runs[..] {
        let mut one = Lexed::default();
        lex_blocks(text, lex, (&pieces, &owner), run.clone(), marks, &mut one);
        return one;
    }
    // About one token per five bytes (capacity that is never written costs no memory).
    let tokens = text.len() / 5;
    let mut all = Lexed {
        tokens: Vec::with_capacity(tokens),
        block_of: Vec::with_capacity(tokens),
        norm_buf: String::with_capacity(text.len()),
        norm_at: {
            let mut at = Vec::with_capacity(tokens + 1);
            at.push(0);
            at
        },
        word_tags: Vec::with_capacity(tokens),
        flags: Vec::with_capacity(tokens),
    };
    let lex_run = |r, l: &mut Lexed| lex_blocks(text, lex, (&pieces, &owner), r, marks, l);
    par::for_each_run(&runs, lex_run, |l| all.append(l));
    all
}

/// `blocks` cut for lexing, with the index of the block each piece is part of. A block of more
/// than `run_bytes` is cut after a space about every `run_bytes` bytes: a token never runs over
/// a space, so a document that is one long paragraph is lexed in parallel too.
fn pieces(text: &str, blocks: &[Block], run_bytes: usize) -> (Vec<Block>, Vec<u32>) {
    let bytes = text.as_bytes();
    let mut pieces = Vec::with_capacity(blocks.len());
    let mut owner = Vec::with_capacity(blocks.len());
    for (bi, b) in blocks.iter().enumerate() {
        let mut start = b.span.start;
        while b.span.end - start > run_bytes {
            let from = start + run_bytes;
            let Some(k) = memchr::memchr2(b' ', b'\n', &bytes[from..b.span.end]) else {
                break;
            };
            let cut = from + k + 1;
            if cut >= b.span.end {
                break;
            }
            pieces.push(Block {
                span: Span::new(start, cut),
                kind: b.kind,
            });
            owner.push(bi as u32);
            start = cut;
        }
        pieces.push(Block {
            span: Span::new(start, b.span.end),
            kind: b.kind,
        });
        owner.push(bi as u32);
    }
    (pieces, owner)
}

/// Tokenize the pieces `run` of `blocks` (see [`pieces`]: each with the index of its block)
/// into `out` (cleared first), normalise each token, look up its function-word tags and set its
/// case flags.
fn lex_blocks(
    text: &str,
    lex: &Lexicon,
    (blocks, owner): (&[Block], &[u32]),
    run: Range<usize>,
    marks: &[usize],
    out: &mut Lexed,
) {
    out.clear();
    let Lexed {
        tokens,
        block_of,
        norm_buf,
        norm_at,
        word_tags,
        flags,
    } = out;
    let bytes = blocks[run.clone()]
        .iter()
        .map(|b| b.span.len())
        .sum::<usize>();
    tokens.reserve(bytes / 5);
    for bi in run {
        tokenize(text, blocks[bi].span, lex.lang, marks, tokens);
        block_of.resize(tokens.len(), owner[bi]);
    }

    norm_buf.reserve(bytes);
    norm_at.reserve(tokens.len() + 1);
    norm_at.push(0);
    flags.reserve(tokens.len());
    word_tags.reserve(tokens.len());
    for t in tokens.iter() {
        let s = t.span().get(text);
        let start = norm_buf.len();
        push_normalized(s, norm_buf);
        let norm = &norm_buf[start..];
        let mut tags = lex.word_tags(norm);
        let mut pronoun = if lex.is_pronoun(norm) {
            flag::PRONOUN
        } else {
            0
        };
        let case = case_flags(s);
        // An acronym spelt like a function word in mixed-case text (`a WHO spokesperson`, `US
        // officials`) is a name: no function-word tags, no pronoun. A word next to it with a
        // lowercase letter tells mixed case from a headline in capitals. (Read from the text,
        // a few bytes each way, so that lexing by runs of blocks gives what one pass gives.)
        if case & flag::ALLCAPS != 0
            && (tags != 0 || pronoun != 0)
            && lowercase_word_near(text, t.span().start, t.span().end)
        {
            tags = 0;
            pronoun = 0;
        }
        word_tags.push(tags);
        norm_at.push(norm_buf.len() as u32);
        flags.push(case | pronoun);
    }
}

/// True when the word before `start` or the one after `end` (within 32 bytes) has a lowercase
/// letter.
fn lowercase_word_near(text: &str, start: usize, end: usize) -> bool {
    let lower_in = |word: &str| word.chars().any(char::is_lowercase);
    let mut from = start.saturating_sub(32);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..start]
        .trim_end_matches(|c: char| !c.is_alphabetic())
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let mut to = (end + 32).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let after = text[end..to]
        .trim_start_matches(|c: char| !c.is_alphabetic())
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    lower_in(before) || lower_in(after)
}

/// [`flag::CAP`] and [`flag::ALLCAPS`] of a token.
fn case_flags(s: &str) -> u8 {
    let allcaps = if s.is_ascii() {
        // Every letter uppercase: no lowercase one (most words stop at their first byte), and
        // at least two capitals.
        let b = s.as_bytes();
        !b.iter().any(u8::is_ascii_lowercase)
            && b.iter().filter(|b| b.is_ascii_uppercase()).count() >= 2
    } else {
        let mut letters = 0;
        let mut upper = 0;
        for c in s.chars() {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            }
        }
        letters >= 2 && upper == letters
    };
    let mut f = 0;
    if s.chars().next().is_some_and(char::is_uppercase) {
        f |= flag::CAP;
    }
    if allcaps {
        f |= flag::ALLCAPS;
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::quotes::pair;

    fn sentences(text: &str, lang: Lang) -> Vec<String> {
        let doc = Document::plain_str(text);
        let p = pair(doc.text(), doc.blocks());
        let prose = Prose::new(doc.text(), lang, doc.blocks(), &p.quotes);
        prose
            .sentences
            .iter()
            .map(|s| prose.items_text(s.items.clone()).to_string())
            .collect()
    }

    #[test]
    fn lexing_block_by_block_equals_one_pass() {
        // `1` makes each block a run, and cuts each at every space; the articles on one line
        // are one block, cut the same way.
        let texts = ["fr", "en"].map(|dir| {
            let text = crate::par::fixture_articles(dir);
            let one_line = crate::par::one_line(&text);
            [(dir, text), (dir, one_line)]
        });
        for (dir, text) in texts.into_iter().flatten() {
            let lang = if dir == "fr" { Lang::Fr } else { Lang::En };
            let doc = Document::plain_str(&text);
            let p = pair(doc.text(), doc.blocks());
            let marks: Vec<usize> = p.quotes.iter().map(|q| q.span.start).collect();
            let lex = lang.lexicon();
            let one = lex_runs(doc.text(), lex, doc.blocks(), &marks, usize::MAX);
            let many = lex_runs(doc.text(), lex, doc.blocks(), &marks, 1);
            assert!(one.tokens.len() > 1500, "{dir}: {}", one.tokens.len());
            assert!(one == many, "{dir}: runs of one block differ from one pass");
        }
    }

    #[test]
    fn a_run_on_text_is_cut_at_a_comma_then_anywhere() {
        // No stop at all: cut at the first comma past LONG_SENTENCE items.
        let text =
            "mot ".repeat(LONG_SENTENCE) + "encore, suite " + &"mot ".repeat(3 * LONG_SENTENCE);
        let doc = Document::plain_str(&text);
        let p = pair(doc.text(), doc.blocks());
        let prose = Prose::new(doc.text(), Lang::Fr, doc.blocks(), &p.quotes);
        let lens: Vec<usize> = prose.sentences.iter().map(|s| s.items.len()).collect();
        assert_eq!(
            lens,
            vec![
                LONG_SENTENCE + 2,
                2 * LONG_SENTENCE,
                3 * LONG_SENTENCE + 1 - 2 * LONG_SENTENCE
            ]
        );
    }

    #[test]
    fn quotes_are_single_items_and_an_incise_stays_in_the_sentence() {
        let s = sentences(
            "« Nous ne céderons pas. Jamais ! », a-t-il dit. M. Kim est parti.",
            Lang::Fr,
        );
        assert_eq!(
            s,
            vec![
                "« Nous ne céderons pas. Jamais ! », a-t-il dit.",
                "M. Kim est parti."
            ]
        );
    }

    #[test]
    fn a_quote_ending_a_sentence_before_a_capital_ends_it_unless_a_cue_follows() {
        let s = sentences(
            "The father said \"I love my children.\" The mother said nothing. \"We tried.\" Smith added.",
            Lang::En,
        );
        assert_eq!(
            s,
            vec![
                "The father said \"I love my children.\"",
                "The mother said nothing.",
                "\"We tried.\" Smith added."
            ]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let s = sentences(
            "Mr. Smith met J. Doe in the U.S. on Monday. They spoke.",
            Lang::En,
        );
        assert_eq!(
            s,
            vec!["Mr. Smith met J. Doe in the U.S. on Monday.", "They spoke."]
        );
    }

    #[test]
    fn a_multi_paragraph_quote_is_one_item_across_blocks() {
        let text =
            "Il a déclaré : « Nous avons tout essayé.\n« Nous continuerons », a-t-il ajouté.\nFin.";
        let s = sentences(text, Lang::Fr);
        assert_eq!(
            s,
            vec![
                "Il a déclaré : « Nous avons tout essayé.\n« Nous continuerons », a-t-il ajouté.",
                "Fin."
            ]
        );
    }
}
