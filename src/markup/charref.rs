//! HTML character references (`&amp;`, `&eacute;`, `&#233;`, `&#xE9;`): decoding one at a given
//! place, so the reader can map the decoded character back to the reference's bytes.
//!
//! The named references are those copy actually uses: the HTML 4 Latin-1 set (every French
//! letter), typographic quotes, dashes and spaces. An unknown name is left as it is, as browsers
//! do for a name they do not know. Numeric references follow the HTML standard, including its
//! Windows-1252 remapping of 128–159 (`&#146;` is `’`), which old CMS exports are full of.

/// The character `s` starts with when it starts with a complete character reference, and the
/// length in bytes of that reference.
pub(super) fn at(s: &str) -> Option<(char, usize)> {
    let rest = s.strip_prefix('&')?;
    let end = rest.find(';')?;
    // The longest name is 8 bytes; the longest numeric reference `#x10FFFF` is 8 too.
    if end == 0 || end > 10 {
        return None;
    }
    let body = &rest[..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let (digits, radix) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (num, 10),
        };
        if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
            return None;
        }
        numeric(u32::from_str_radix(digits, radix).ok()?)
    } else {
        named(body)?
    };
    Some((c, end + 2))
}

/// Decode every character reference of `s` (an attribute value).
pub(super) fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(amp) = s[i..].find('&') {
        out.push_str(&s[i..i + amp]);
        i += amp;
        match at(&s[i..]) {
            Some((c, len)) => {
                out.push(c);
                i += len;
            }
            None => {
                out.push('&');
                i += 1;
            }
        }
    }
    out.push_str(&s[i..]);
    out
}

/// The character of a numeric reference, as the HTML standard decodes it.
fn numeric(code: u32) -> char {
    const CP1252: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let code = match code {
        0 => 0xFFFD,
        0x80..=0x9F => CP1252[(code - 0x80) as usize],
        c => c,
    };
    char::from_u32(code).unwrap_or('\u{FFFD}')
}

/// The character of a named reference.
fn named(name: &str) -> Option<char> {
    NAMED
        .binary_search_by(|(n, _)| n.cmp(&name))
        .ok()
        .map(|i| NAMED[i].1)
}

/// Named references, sorted by name (byte order) for binary search.
const NAMED: &[(&str, char)] = &[
    ("AElig", 'Æ'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Agrave", 'À'),
    ("Aring", 'Å'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Ccedil", 'Ç'),
    ("Dagger", '‡'),
    ("ETH", 'Ð'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Egrave", 'È'),
    ("Euml", 'Ë'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Igrave", 'Ì'),
    ("Iuml", 'Ï'),
    ("Ntilde", 'Ñ'),
    ("OElig", 'Œ'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Ograve", 'Ò'),
    ("Oslash", 'Ø'),
    ("Otilde", 'Õ'),
    ("Ouml", 'Ö'),
    ("Scaron", 'Š'),
    ("THORN", 'Þ'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Ugrave", 'Ù'),
    ("Uuml", 'Ü'),
    ("Yacute", 'Ý'),
    ("Yuml", 'Ÿ'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("acute", '´'),
    ("aelig", 'æ'),
    ("agrave", 'à'),
    ("amp", '&'),
    ("apos", '\''),
    ("aring", 'å'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("bdquo", '„'),
    ("brvbar", '¦'),
    ("bull", '•'),
    ("ccedil", 'ç'),
    ("cedil", '¸'),
    ("cent", '¢'),
    ("copy", '©'),
    ("curren", '¤'),
    ("dagger", '†'),
    ("deg", '°'),
    ("divide", '÷'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("egrave", 'è'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("eth", 'ð'),
    ("euml", 'ë'),
    ("euro", '€'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("gt", '>'),
    ("hellip", '…'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iexcl", '¡'),
    ("igrave", 'ì'),
    ("iquest", '¿'),
    ("iuml", 'ï'),
    ("laquo", '«'),
    ("ldquo", '“'),
    ("lsaquo", '‹'),
    ("lsquo", '‘'),
    ("lt", '<'),
    ("macr", '¯'),
    ("mdash", '—'),
    ("micro", 'µ'),
    ("middot", '·'),
    ("minus", '−'),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("not", '¬'),
    ("ntilde", 'ñ'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("oelig", 'œ'),
    ("ograve", 'ò'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("oslash", 'ø'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("para", '¶'),
    ("permil", '‰'),
    ("plusmn", '±'),
    ("pound", '£'),
    ("prime", '′'),
    ("quot", '"'),
    ("raquo", '»'),
    ("rdquo", '”'),
    ("reg", '®'),
    ("rsaquo", '›'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("scaron", 'š'),
    ("sect", '§'),
    ("shy", '\u{ad}'),
    ("sup1", '¹'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("szlig", 'ß'),
    ("thinsp", '\u{2009}'),
    ("thorn", 'þ'),
    ("times", '×'),
    ("trade", '™'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("ugrave", 'ù'),
    ("uml", '¨'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("yen", '¥'),
    ("yuml", 'ÿ'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn named_and_numeric_references_with_their_length() {
        assert_eq!(at("&amp; x"), Some(('&', 5)));
        assert_eq!(at("&eacute;t&eacute;"), Some(('é', 8)));
        assert_eq!(at("&laquo;"), Some(('«', 7)));
        assert_eq!(at("&#233;"), Some(('é', 6)));
        assert_eq!(at("&#xE9;"), Some(('é', 6)));
        assert_eq!(at("&#X202F;"), Some(('\u{202f}', 8)));
        // Windows-1252 apostrophe from an old CMS.
        assert_eq!(at("&#146;"), Some(('’', 6)));
        assert_eq!(at("&#0;"), Some(('\u{FFFD}', 4)));
    }

    #[test]
    fn not_references_are_left_alone() {
        for s in [
            "&",
            "& amp;",
            "&unknown;",
            "&#;",
            "&#x;",
            "&#-5;",
            "&amp",
            "&;",
        ] {
            assert_eq!(at(s), None, "{s}");
        }
        assert_eq!(decode("a=1&amp;b=2&c"), "a=1&b=2&c");
    }
}
