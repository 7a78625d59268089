//! Highlighting a paragraph: the article's text, escaped, with elements around the spans of quotes,
//! mentions and cues. Spans may nest, cross each other or run over several paragraphs (a quote
//! that reopens); the elements are split so that the markup always nests.

use std::fmt::Write as _;

use quotecheck::Span;

use super::escape;

/// An element to wrap around a span of the text.
pub struct Wrap {
    /// Where, in the analysed text.
    pub span: Span,
    /// Nesting order for equal spans: smaller wraps larger.
    pub rank: u8,
    /// The element's name.
    pub tag: &'static str,
    /// Attributes, with a leading space, repeated on every piece when the element is split.
    pub attrs: String,
    /// Attributes and content for the first piece only (`id`, the quote's number).
    pub first_attrs: String,
    /// Content at the start of the first piece.
    pub first_content: String,
}

/// The HTML of each of `blocks` (spans of `text`, in order), with `wraps` around their spans.
///
/// One pass over blocks and wraps together: the wraps are sorted by start, and each block looks
/// only at those still open when it starts.
pub fn blocks(text: &str, blocks: &[Span], mut wraps: Vec<Wrap>) -> Vec<String> {
    wraps.retain(|w| !w.span.is_empty());
    wraps.sort_by(|a, b| {
        (a.span.start, std::cmp::Reverse(a.span.end), a.rank).cmp(&(
            b.span.start,
            std::cmp::Reverse(b.span.end),
            b.rank,
        ))
    });
    let mut opened = vec![false; wraps.len()];
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    blocks
        .iter()
        .map(|&b| {
            while next < wraps.len() && wraps[next].span.start < b.end {
                active.push(next);
                next += 1;
            }
            active.retain(|&i| wraps[i].span.end > b.start);
            block(text, b, &wraps, &active, &mut opened)
        })
        .collect()
}

/// The text of `block`, escaped, with the elements `inside` (indexes into `wraps`, which is
/// sorted by start, longest first) around their spans. An element that crosses another's end, or the block's, is closed and
/// reopened so the markup always nests; `opened` remembers which elements already had their
/// first piece.
fn block(text: &str, block: Span, wraps: &[Wrap], inside: &[usize], opened: &mut [bool]) -> String {
    let clip = |i: usize| {
        let s = wraps[i].span;
        Span::new(s.start.max(block.start), s.end.min(block.end))
    };
    let mut points: Vec<usize> = inside
        .iter()
        .flat_map(|&i| [clip(i).start, clip(i).end])
        .chain([block.end])
        .collect();
    points.sort_unstable();
    points.dedup();

    let mut out = String::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut pos = block.start;
    let open = |out: &mut String, i: usize, opened: &mut [bool]| {
        let w = &wraps[i];
        if std::mem::replace(&mut opened[i], true) {
            let _ = write!(out, "<{}{}>", w.tag, w.attrs);
        } else {
            let _ = write!(
                out,
                "<{}{}{}>{}",
                w.tag, w.first_attrs, w.attrs, w.first_content
            );
        }
    };
    for p in points {
        if p > pos {
            out.push_str(&escape(&text[pos..p]));
            pos = p;
        }
        // Close what ends here, and whatever was opened inside it; reopen the latter.
        if let Some(lowest) = stack.iter().position(|&i| clip(i).end <= p) {
            let above: Vec<usize> = stack.drain(lowest..).collect();
            for &i in above.iter().rev() {
                let _ = write!(out, "</{}>", wraps[i].tag);
            }
            for i in above {
                if clip(i).end > p {
                    open(&mut out, i, opened);
                    stack.push(i);
                }
            }
        }
        for &i in inside {
            let c = clip(i);
            if c.start == p && c.end > p {
                open(&mut out, i, opened);
                stack.push(i);
            }
        }
    }
    for &i in stack.iter().rev() {
        let _ = write!(out, "</{}>", wraps[i].tag);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(start: usize, end: usize, rank: u8, tag: &'static str) -> Wrap {
        Wrap {
            span: Span::new(start, end),
            rank,
            tag,
            attrs: String::new(),
            first_attrs: " id=x".into(),
            first_content: String::new(),
        }
    }

    fn wraps() -> Vec<Wrap> {
        // a: 1..6, b: 3..8 (crosses a's end), c: 4..5 inside both; given out of order.
        vec![
            wrap(3, 8, 1, "b"),
            wrap(1, 6, 0, "a"),
            wrap(4, 5, 2, "c"),
            wrap(9, 9, 0, "e"),
        ]
    }

    #[test]
    fn crossing_spans_are_split_so_elements_nest() {
        assert_eq!(
            blocks("0123456789", &[Span::new(0, 10)], wraps()),
            ["0<a id=x>12<b id=x>3<c id=x>4</c>5</b></a><b>67</b>89"]
        );
    }

    #[test]
    fn a_block_boundary_closes_everything_and_the_next_block_reopens_without_the_id() {
        assert_eq!(
            blocks("0123456789", &[Span::new(0, 2), Span::new(2, 10)], wraps()),
            [
                "0<a id=x>1</a>",
                "<a>2<b id=x>3<c id=x>4</c>5</b></a><b>67</b>89"
            ]
        );
        // Text between blocks (line breaks) is not shown; a wrap across it goes on.
        assert_eq!(
            blocks("01\n3456789", &[Span::new(0, 2), Span::new(3, 10)], wraps()),
            [
                "0<a id=x>1</a>",
                "<a><b id=x>3<c id=x>4</c>5</b></a><b>67</b>89"
            ]
        );
    }

    #[test]
    fn text_is_escaped_around_the_elements() {
        assert_eq!(
            blocks("<b>&", &[Span::new(0, 4)], vec![wrap(1, 2, 0, "m")]),
            ["&lt;<m id=x>b</m>&gt;&amp;"]
        );
    }
}
