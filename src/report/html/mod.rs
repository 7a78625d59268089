//! The editor's report: one self-contained HTML page of who said what.
//!
//! A summary of the run (quotes per speaker and per cited source, flags, the share of anonymous
//! sources), a table of contents, then each article's text with its quotes highlighted in their
//! speaker's colour and, beside each paragraph, a note per quote (speaker, cue, source,
//! confidence, flags). Everything is written in [`Report::finish`], since the summary comes first.
//!
//! Safety: every piece of input text goes through [`escape`]; links are made only from `http`
//! and `https` URLs; the page carries a Content-Security-Policy that lets nothing load and nothing
//! run but its own style sheet and filter script (see [`csp`]). The page reads without the script.

pub mod article;
mod csp;
mod highlight;
mod palette;

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::{self, Write};

use quotecheck::{BlockKind, Flag, Lang, QuoteKind, Severities, Severity, Span};

pub use article::Article;
use highlight::Wrap;

use super::{FileReport, Report, Row, Summary};

/// The page's style sheet, before the speaker colours are added.
const STYLE: &str = include_str!("report.css");
/// The optional filter: show only flagged quotes, or one speaker's.
const SCRIPT: &str = include_str!("filter.js");
/// How many rows the speaker and source tables of the summary show.
const TABLE_ROWS: usize = 25;

/// Writes the HTML report to `W`, all at once when the run finishes.
pub struct Html<W: Write> {
    out: W,
    severities: Severities,
    /// Each article's `<section>`, in input order.
    sections: Vec<String>,
    /// Each article's entry in the table of contents.
    toc: Vec<String>,
    speakers: Tally,
    sources: Tally,
    speech: usize,
    anonymous: usize,
    flagged: usize,
}

/// Counts per name: quotes, flagged quotes, articles.
#[derive(Default)]
struct Tally {
    rows: Vec<TallyRow>,
    index: HashMap<String, usize>,
}

struct TallyRow {
    name: String,
    quotes: usize,
    flagged: usize,
    articles: usize,
    /// The last article counted, numbered from 1.
    last: usize,
}

impl Tally {
    /// Count a quote of article number `article` (from 1) for `name`.
    fn add(&mut self, name: &str, flagged: bool, article: usize) {
        let i = *self.index.entry(name.to_string()).or_insert_with(|| {
            self.rows.push(TallyRow {
                name: name.to_string(),
                quotes: 0,
                flagged: 0,
                articles: 0,
                last: 0,
            });
            self.rows.len() - 1
        });
        let row = &mut self.rows[i];
        row.quotes += 1;
        row.flagged += usize::from(flagged);
        if row.last != article {
            row.last = article;
            row.articles += 1;
        }
    }

    /// Most quoted first, then by name.
    fn sorted(&self) -> Vec<&TallyRow> {
        let mut rows: Vec<&TallyRow> = self.rows.iter().collect();
        rows.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
        rows
    }
}

impl<W: Write> Html<W> {
    /// An HTML reporter; `severities` decide how each flag is shown.
    pub fn new(out: W, severities: Severities) -> Html<W> {
        Html {
            out,
            severities,
            sections: Vec::new(),
            toc: Vec::new(),
            speakers: Tally::default(),
            sources: Tally::default(),
            speech: 0,
            anonymous: 0,
            flagged: 0,
        }
    }
}

/// `text` with `& < > " '` replaced by character references and control characters (other than
/// tab and line breaks) by U+FFFD, safe both as element content and as a quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// `text` on one line, runs of whitespace as one space, escaped.
fn escape_line(text: &str) -> String {
    escape(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A link to `url` when it is an absolute `http` or `https` URL, its text otherwise.
fn link(url: &str) -> String {
    let trimmed = url.trim();
    let lower = trimmed.to_ascii_lowercase();
    let text = escape_line(trimmed);
    if (lower.starts_with("https://") || lower.starts_with("http://"))
        && !trimmed.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        format!(
            r#"<a href="{}" rel="noopener noreferrer nofollow">{text}</a>"#,
            escape(trimmed)
        )
    } else {
        text
    }
}

/// The language's BCP 47 tag and its name in English.
fn lang_tag(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Fr => ("fr", "French"),
        Lang::En => ("en", "English"),
    }
}

/// What an editor reads for the flags that need more than their name.
const FLAG_LABELS: [(Flag, &str); 4] = [
    (Flag::Ambiguous, "Ambiguous speaker"),
    (Flag::Anonymous, "Anonymous source"),
    (Flag::Unbalanced, "Unbalanced quotation mark"),
    (Flag::NoSource, "No cited source"),
];

/// What an editor reads for a flag: its label, or its name in words (`no_source` → `No source`).
fn flag_label(flag: Flag) -> String {
    if let Some((_, label)) = FLAG_LABELS.iter().find(|(f, _)| *f == flag) {
        return label.to_string();
    }
    let words = flag.as_str().replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The icon shown with a severity, so that a flag never speaks by colour alone.
fn severity_icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "●",
    }
}

fn kind_label(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Speech => "speech",
        QuoteKind::Title => "title",
        QuoteKind::Term => "term",
        QuoteKind::Other => "other",
    }
}

/// `n thing` or `n things`.
fn plural(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("{n} {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

/// A quote of the article being written: its row, its number and its colour class.
struct Item<'r, 'a> {
    row: &'r Row<'a>,
    number: usize,
    colour: String,
    flagged: bool,
}

/// One article's speakers in order of appearance; their index is their colour.
fn speaker_order(rows: &[Row<'_>]) -> Vec<String> {
    let mut speakers: Vec<String> = Vec::new();
    for row in rows {
        if let Some(s) = &row.quote.speaker
            && !speakers.contains(s)
        {
            speakers.push(s.clone());
        }
    }
    speakers
}

fn colour_class(speakers: &[String], speaker: Option<&str>) -> String {
    match speaker.and_then(|s| speakers.iter().position(|x| x == s)) {
        Some(i) => format!("c{}", i % palette::PALETTE.len()),
        None => "c-none".to_string(),
    }
}

impl<W: Write> Html<W> {
    /// Render one article and count its quotes.
    fn article(&mut self, file: &FileReport<'_>) -> String {
        let n = self.sections.len() + 1;
        let id = format!("a{n}");
        let name = file.name;
        let lang = file
            .article
            .map(|a| a.lang)
            .or_else(|| file.rows.first().map(|r| r.quote.lang));
        let speakers = speaker_order(&file.rows);
        let items: Vec<Item<'_, '_>> = file
            .rows
            .iter()
            .enumerate()
            .map(|(i, row)| Item {
                row,
                number: i + 1,
                colour: colour_class(&speakers, row.quote.speaker.as_deref()),
                flagged: row.severity.is_some() && row.quote.suppressed.is_none(),
            })
            .collect();

        let mut flagged = 0;
        for item in &items {
            let q = item.row.quote;
            flagged += usize::from(item.flagged);
            if q.kind == QuoteKind::Speech {
                self.speech += 1;
                self.anonymous += usize::from(q.has(Flag::Anonymous));
            }
            if let Some(s) = &q.speaker {
                self.speakers.add(s, item.flagged, n);
            }
            if let Some(s) = &q.source {
                self.sources.add(s, item.flagged, n);
            }
        }
        self.flagged += flagged;

        let (tag, lang_name) = lang.map(lang_tag).unwrap_or(("", "unknown language"));
        let mut toc = format!(
            r##"<li><a href="#{id}">{}</a> <span class="muted">{lang_name} · {}"##,
            escape(name),
            plural(items.len(), "quote")
        );
        if flagged > 0 {
            let _ = write!(
                toc,
                r#" · <span class="flagged-count">{flagged} flagged</span>"#
            );
        }
        toc.push_str("</span></li>");
        self.toc.push(toc);

        let mut s = String::new();
        let lang_attr = if tag.is_empty() {
            String::new()
        } else {
            format!(r#" lang="{tag}""#)
        };
        let _ = write!(
            s,
            r#"<section class="article" id="{id}"{lang_attr} aria-labelledby="{id}-h">
<header class="article-head" lang="en">
<h2 id="{id}-h">{}</h2>
<p class="muted">{lang_name} · {} · {}</p>
"#,
            escape(name),
            plural(items.len(), "quote"),
            if flagged == 0 {
                "nothing flagged".to_string()
            } else {
                format!(r#"<span class="flagged-count">{flagged} flagged</span>"#)
            }
        );
        s.push_str(&legend(&speakers, &items, file.article, tag));
        s.push_str("</header>\n");
        match file.article {
            Some(article) => s.push_str(&self.text(article, &items, &id, tag)),
            None => {
                if !items.is_empty() {
                    s.push_str(r#"<div class="row"><div class="text"></div>"#);
                    s.push_str(&self.notes(&items, &id, tag));
                    s.push_str("</div>\n");
                }
            }
        }
        s.push_str("</section>\n");
        s
    }

    /// The article's paragraphs, highlighted, each with the notes of the quotes that start in it.
    fn text(&self, article: &Article, items: &[Item<'_, '_>], id: &str, lang: &str) -> String {
        let mut wraps: Vec<Wrap> = Vec::new();
        let mut wrapped: HashSet<(Span, u8)> = HashSet::new();
        let located: HashMap<Span, &article::Located> =
            article.located.iter().map(|l| (l.original, l)).collect();
        // The quotes that start in no paragraph, or could not be placed in the text.
        let mut unplaced: Vec<usize> = Vec::new();
        let mut starts: Vec<Option<usize>> = Vec::new();
        for (k, item) in items.iter().enumerate() {
            let q = item.row.quote;
            let located = located.get(&q.span).copied();
            let Some(span) = located.and_then(|l| l.quote) else {
                unplaced.push(k);
                starts.push(None);
                continue;
            };
            starts.push(Some(span.start));
            let mut class = format!("q k-{} {}", kind_label(q.kind), item.colour);
            if let Some(sev) = item.row.severity {
                if q.suppressed.is_some() {
                    class.push_str(" suppressed");
                } else {
                    let _ = write!(class, " flagged sev-{sev}");
                }
            }
            let icon = match item.row.severity {
                Some(sev) if item.flagged => {
                    format!(
                        r#"<span class="icon" aria-hidden="true">{}</span>"#,
                        severity_icon(sev)
                    )
                }
                _ => String::new(),
            };
            wraps.push(Wrap {
                span,
                rank: 0,
                tag: "mark",
                attrs: format!(
                    r#" class="{class}" data-speaker="{}" title="{}""#,
                    escape(q.speaker.as_deref().unwrap_or("")),
                    escape(&tooltip(item, &self.severities))
                ),
                first_attrs: format!(r#" id="{id}-q{}""#, item.number),
                first_content: format!(
                    r##"<a class="qn" href="#{id}-n{0}" aria-label="quote {0}">{0}{icon}</a>"##,
                    item.number
                ),
            });
            let l = located.expect("a placed quote is located");
            let mut extra = |span: Option<Span>, rank: u8, class: String| {
                if let Some(span) = span.filter(|s| !s.is_empty())
                    && wrapped.insert((span, rank))
                {
                    wraps.push(Wrap {
                        span,
                        rank,
                        tag: "span",
                        attrs: format!(r#" class="{class}""#),
                        first_attrs: String::new(),
                        first_content: String::new(),
                    });
                }
            };
            extra(l.mention, 1, format!("who {}", item.colour));
            extra(l.cue, 2, "cue".to_string());
            extra(l.source, 3, "src".to_string());
        }
        // Each quote's notes go beside the last paragraph starting at or before the quote.
        let mut homes: Vec<Vec<usize>> = vec![Vec::new(); article.blocks.len()];
        for (k, start) in starts.iter().enumerate() {
            if let Some(start) = start {
                let b = article.blocks.partition_point(|b| b.0.start <= *start);
                match homes.get_mut(b.saturating_sub(1)) {
                    Some(home) => home.push(k),
                    None => unplaced.push(k),
                }
            }
        }
        unplaced.sort_unstable();
        let blocks: Vec<Span> = article.blocks.iter().map(|b| b.0).collect();
        let texts = highlight::blocks(&article.text, &blocks, wraps);
        let mut s = String::new();
        for ((&(_, kind), here), html) in article.blocks.iter().zip(&homes).zip(texts) {
            let flagged = here.iter().any(|&k| items[k].flagged);
            let (open, close) = match kind {
                BlockKind::Heading => ("<h3 class=\"p\">", "</h3>"),
                BlockKind::BlockQuote => ("<blockquote class=\"p\">", "</blockquote>"),
                BlockKind::Paragraph => ("<p class=\"p\">", "</p>"),
            };
            let _ = write!(
                s,
                r#"<div class="row{}"><div class="text">{open}"#,
                if flagged { " has-flag" } else { "" },
            );
            s.push_str(&html);
            let _ = writeln!(s, "{close}</div>");
            let notes: Vec<&Item<'_, '_>> = here.iter().map(|&k| &items[k]).collect();
            if !notes.is_empty() {
                s.push_str(&self.notes_of(&notes, id, lang));
            }
            s.push_str("</div>\n");
        }
        if !unplaced.is_empty() {
            let notes: Vec<&Item<'_, '_>> = unplaced.iter().map(|&k| &items[k]).collect();
            let _ = writeln!(
                s,
                r#"<div class="row{}"><div class="text unplaced" lang="en"><p class="p muted">Quotes that could not be placed in the text:</p></div>"#,
                if notes.iter().any(|i| i.flagged) {
                    " has-flag"
                } else {
                    ""
                }
            );
            s.push_str(&self.notes_of(&notes, id, lang));
            s.push_str("</div>\n");
        }
        s
    }

    fn notes(&self, items: &[Item<'_, '_>], id: &str, lang: &str) -> String {
        let refs: Vec<&Item<'_, '_>> = items.iter().collect();
        self.notes_of(&refs, id, lang)
    }

    /// The notes beside a paragraph: one card per quote.
    fn notes_of(&self, items: &[&Item<'_, '_>], id: &str, lang: &str) -> String {
        let mut s = String::from("<ol class=\"notes\" lang=\"en\">\n");
        let text = |t: &str| {
            if lang.is_empty() {
                escape_line(t)
            } else {
                format!(r#"<span lang="{lang}">{}</span>"#, escape_line(t))
            }
        };
        for item in items {
            let q = item.row.quote;
            let mut class = format!("note {} k-{}", item.colour, kind_label(q.kind));
            if item.flagged {
                let _ = write!(
                    class,
                    " flagged sev-{}",
                    item.row.severity.unwrap_or(Severity::Info)
                );
            }
            if q.suppressed.is_some() {
                class.push_str(" suppressed");
            }
            let _ = write!(
                s,
                r##"<li class="{class}" id="{id}-n{n}" data-speaker="{}"><div class="note-head"><a class="qn" href="#{id}-q{n}">{n}</a> "##,
                escape(q.speaker.as_deref().unwrap_or("")),
                n = item.number
            );
            match &q.speaker {
                Some(speaker) => {
                    let _ = write!(s, r#"<span class="chip">{}</span>"#, text(speaker));
                }
                None if q.kind == QuoteKind::Speech => {
                    s.push_str(r#"<span class="chip">no speaker</span>"#);
                }
                None => {}
            }
            let _ = write!(
                s,
                r#" <span class="kind">{}</span></div>"#,
                kind_label(q.kind)
            );
            let mut facts = String::new();
            let mut fact = |name: &str, value: String| {
                let _ = write!(facts, "<dt>{name}</dt><dd>{value}</dd>");
            };
            if let Some(m) = &q.speaker_mention
                && q.speaker.as_deref() != Some(m.text.as_str())
            {
                fact("Mention", text(&m.text));
            }
            if let Some(cue) = &q.cue {
                fact("Cue", text(&cue.text));
            }
            if !q.candidates.is_empty() {
                let names: Vec<String> = q.candidates.iter().map(|c| text(c)).collect();
                fact("Candidates", names.join(" · "));
            }
            if let Some(source) = &q.source {
                let mut v = if q.cite.as_deref() == Some(source.as_str()) {
                    link(source)
                } else {
                    text(source)
                };
                if let Some(m) = &q.source_mention
                    && m.text != *source
                {
                    let _ = write!(v, r#" <span class="muted">({})</span>"#, text(&m.text));
                }
                if q.source_inherited {
                    v.push_str(r#" <span class="muted">(from an earlier quote)</span>"#);
                }
                fact("Source", v);
            } else if q.kind == QuoteKind::Speech {
                fact(
                    "Source",
                    r#"<span class="muted">none cited</span>"#.to_string(),
                );
            }
            if let Some(cite) = &q.cite
                && q.source.as_deref() != Some(cite.as_str())
            {
                fact("Cite", link(cite));
            }
            if q.speaker.is_some() {
                fact("Confidence", format!("{:.2}", q.confidence));
            }
            if !facts.is_empty() {
                let _ = write!(s, "<dl>{facts}</dl>");
            }
            if !q.flags.is_empty() {
                s.push_str(r#"<ul class="flags">"#);
                for &f in &q.flags {
                    let sev = self.severities.of(f);
                    let _ = write!(
                        s,
                        r#"<li class="flag sev-{sev}"><span class="icon" aria-hidden="true">{}</span> {} <span class="sev">{sev}</span></li>"#,
                        severity_icon(sev),
                        flag_label(f)
                    );
                }
                s.push_str("</ul>");
            }
            if let Some(reason) = &q.suppressed {
                let _ = write!(
                    s,
                    r#"<p class="suppressed-note">Suppressed: {}</p>"#,
                    text(reason)
                );
            }
            s.push_str("</li>\n");
        }
        s.push_str("</ol>\n");
        s
    }

    /// The summary of the run, the filters and the table of contents.
    fn head(&self, summary: &Summary) -> String {
        let mut s = String::new();
        let _ = write!(
            s,
            r#"<header class="page-head">
<h1>Quotation audit</h1>
<p class="muted">{} in {}, checked by quotecheck {}</p>
</header>
<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<div class="stats">
<div class="stat"><b>{}</b> speech quotes <span class="muted">of {}</span></div>
<div class="stat{}"><b>{}</b> flagged</div>
"#,
            plural(summary.quotes, "quote"),
            plural(summary.files, "article"),
            env!("CARGO_PKG_VERSION"),
            self.speech,
            summary.quotes,
            if self.flagged > 0 {
                " flagged-stat"
            } else {
                ""
            },
            self.flagged,
        );
        let share = if self.speech == 0 {
            "–".to_string()
        } else {
            format!("{:.0}%", 100.0 * self.anonymous as f64 / self.speech as f64)
        };
        let _ = writeln!(
            s,
            r#"<div class="stat"><b>{share}</b> anonymous <span class="muted">({} of {} speech quotes)</span></div>"#,
            self.anonymous, self.speech
        );
        if summary.suppressed > 0 {
            let _ = writeln!(
                s,
                r#"<div class="stat"><b>{}</b> suppressed</div>"#,
                summary.suppressed
            );
        }
        if summary.errors > 0 {
            let _ = writeln!(
                s,
                r#"<div class="stat flagged-stat"><b>{}</b> not checked <span class="muted">(see the errors on the terminal)</span></div>"#,
                summary.errors
            );
        }
        s.push_str("</div>\n<div class=\"tables\">\n");

        s.push_str(
            "<table>\n<caption>Flags</caption>\n<thead><tr><th scope=\"col\">Flag</th><th scope=\"col\">Severity</th><th scope=\"col\" class=\"num\">Quotes</th></tr></thead>\n<tbody>\n",
        );
        for (flag, count) in Flag::ALL.iter().zip(summary.flags) {
            let sev = self.severities.of(*flag);
            let _ = writeln!(
                s,
                r#"<tr class="{}"><th scope="row"><span class="icon" aria-hidden="true">{}</span> {}</th><td>{sev}</td><td class="num">{count}</td></tr>"#,
                if count > 0 { "flag-row" } else { "muted" },
                severity_icon(sev),
                flag_label(*flag),
            );
        }
        s.push_str("</tbody>\n</table>\n");
        s.push_str(&tally_table("Speakers", "Speaker", &self.speakers));
        s.push_str(&tally_table("Cited sources", "Source", &self.sources));
        s.push_str("</div>\n</section>\n");

        // The filters work only with the script, so they stay hidden without it.
        s.push_str(
            r#"<form id="filters" class="filters" hidden>
<label><input type="checkbox" id="only-flagged"> Flagged quotes only</label>
<label>Speaker <select id="speaker-filter"><option value="">all</option>"#,
        );
        let mut names: Vec<&str> = self.speakers.rows.iter().map(|r| r.name.as_str()).collect();
        names.sort_unstable();
        for name in names {
            let name = escape(name);
            let _ = write!(s, r#"<option value="{name}">{name}</option>"#);
        }
        s.push_str("</select></label>\n</form>\n");

        let _ = writeln!(
            s,
            "<nav id=\"contents\" aria-labelledby=\"contents-h\">\n<h2 id=\"contents-h\">Articles</h2>\n<ol>\n{}\n</ol>\n</nav>",
            self.toc.join("\n")
        );
        s
    }
}

/// The table of one [`Tally`], most quoted first.
fn tally_table(caption: &str, what: &str, tally: &Tally) -> String {
    let mut s = format!(
        "<table>\n<caption>{caption}</caption>\n<thead><tr><th scope=\"col\">{what}</th><th scope=\"col\" class=\"num\">Quotes</th><th scope=\"col\" class=\"num\">Flagged</th><th scope=\"col\" class=\"num\">Articles</th></tr></thead>\n<tbody>\n"
    );
    let rows = tally.sorted();
    if rows.is_empty() {
        s.push_str("<tr><td colspan=\"4\" class=\"muted\">none</td></tr>\n");
    }
    for row in rows.iter().take(TABLE_ROWS) {
        let _ = writeln!(
            s,
            r#"<tr><th scope="row">{}</th><td class="num">{}</td><td class="num{}">{}</td><td class="num">{}</td></tr>"#,
            escape_line(&row.name),
            row.quotes,
            if row.flagged > 0 { " flag-cell" } else { "" },
            row.flagged,
            row.articles
        );
    }

    if rows.len() > TABLE_ROWS {
        let _ = writeln!(
            s,
            r#"<tr><td colspan="4" class="muted">and {} more</td></tr>"#,
            rows.len() - TABLE_ROWS
        );
    }
    s.push_str("</tbody>\n</table>\n");
    s
}

/// One line for the quote's `title`: who, how, where, how sure, what is wrong.
fn tooltip(item: &Item<'_, '_>, severities: &Severities) -> String {
    let q = item.row.quote;
    let mut parts = vec![format!("{} · {}", item.number, kind_label(q.kind))];
    match &q.speaker {
        Some(s) => parts.push(format!("speaker: {s}")),
        None if q.kind == QuoteKind::Speech => parts.push("no speaker".to_string()),
        None => {}
    }
    if let Some(c) = &q.cue {
        parts.push(format!("cue: {}", c.text));
    }
    if let Some(s) = &q.source {
        parts.push(format!("source: {s}"));
    }
    if q.speaker.is_some() {
        parts.push(format!("confidence {:.2}", q.confidence));
    }
    for &f in &q.flags {
        parts.push(format!("{} ({})", flag_label(f), severities.of(f)));
    }
    parts
        .join(" · ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The legend of an article: each speaker's colour, name, number of quotes and the other ways
/// the article refers to them (`Kim Jong Un` ← `Il`, `le numéro un nord-coréen`).
fn legend(
    speakers: &[String],
    items: &[Item<'_, '_>],
    article: Option<&Article>,
    lang: &str,
) -> String {
    if speakers.is_empty() {
        return String::new();
    }
    let lang_attr = if lang.is_empty() {
        String::new()
    } else {
        format!(r#" lang="{lang}""#)
    };
    let mut s = String::from("<ul class=\"legend\" aria-label=\"Speakers\">\n");
    for (i, speaker) in speakers.iter().enumerate() {
        let quotes: Vec<&Item<'_, '_>> = items
            .iter()
            .filter(|it| it.row.quote.speaker.as_deref() == Some(speaker.as_str()))
            .collect();
        // The chain's forms, then the mentions the cues point at that say something new (a
        // pronoun, a description): `le directeur du festival` adds nothing to `directeur du
        // festival`, nor `Le directeur du festival, Paul Mercier` to `Paul Mercier`.
        let mut forms: Vec<String> = Vec::new();
        let mut add = |form: &str, mention: bool| {
            let form = form.split_whitespace().collect::<Vec<_>>().join(" ");
            let lower = form.to_lowercase();
            let known = |f: &str| {
                let f = f.to_lowercase();
                if mention {
                    contains_words(&lower, &f)
                } else {
                    lower == f
                }
            };
            if !form.is_empty() && !known(speaker) && !forms.iter().any(|f| known(f)) {
                forms.push(form);
            }
        };
        if let Some(chain) = article.and_then(|a| a.chains.iter().find(|c| c.name == *speaker)) {
            for form in &chain.forms {
                add(form, false);
            }
        }
        for it in &quotes {
            if let Some(m) = &it.row.quote.speaker_mention {
                add(&m.text, true);
            }
        }
        let _ = write!(
            s,
            r#"<li class="c{}" data-speaker="{}"><span class="chip"{lang_attr}>{}</span> <span class="muted">{}</span>"#,
            i % palette::PALETTE.len(),
            escape(speaker),
            escape_line(speaker),
            plural(quotes.len(), "quote")
        );
        if !forms.is_empty() {
            let forms: Vec<String> = forms
                .iter()
                .map(|f| format!("<q>{}</q>", escape(f)))
                .collect();
            let _ = write!(
                s,
                r#" <span class="forms"><span aria-label="also written">←</span> <span{lang_attr}>{}</span></span>"#,
                forms.join(", ")
            );
        }
        s.push_str("</li>\n");
    }
    s.push_str("</ul>\n");
    s
}

/// True when `words` occurs in `text` between word boundaries.
fn contains_words(text: &str, words: &str) -> bool {
    if words.is_empty() {
        return false;
    }
    text.match_indices(words).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

impl<W: Write> Report for Html<W> {
    fn begin(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn file(&mut self, file: &FileReport<'_>) -> io::Result<()> {
        let section = self.article(file);
        self.sections.push(section);
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        let style = format!("{STYLE}{}", palette::css());
        let title = match self.sections.len() {
            1 => "Quotation audit".to_string(),
            n => format!("Quotation audit: {n} articles"),
        };
        let head = self.head(summary);
        write!(
            self.out,
            r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="quotecheck {}">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
{head}<main>
{}</main>
<script>{SCRIPT}</script>
</body>
</html>
"#,
            csp::policy(&style, SCRIPT),
            env!("CARGO_PKG_VERSION"),
            self.sections.join("")
        )?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests;
