//! Speaker colours and the contrast they must keep (WCAG 2.1, checked in the tests).
//!
//! Each speaker gets a pale tint, behind the article's text in its quotes, and a deep shade, for
//! the underline of its mentions and the chip that names it in white. Red is left out: it is the
//! colour of flags. Colours repeat after [`PALETTE`]'s length; the speaker's name is always written
//! beside its quotes, so a colour is never the only way to tell speakers apart.

/// The colour of body text, and of text on the tints.
pub const INK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
/// The page background.
pub const PAPER: Rgb = Rgb(0xff, 0xff, 0xff);
/// The colour of flags: borders, icons and labels; also behind white text in a flagged quote's
/// number.
pub const FLAG: Rgb = Rgb(0xb3, 0x1b, 0x1b);
/// Secondary text: counts, labels, notes' field names.
pub const MUTED: Rgb = Rgb(0x59, 0x59, 0x59);
/// The background of panels: the statistics, the legend, the notes.
pub const PANEL: Rgb = Rgb(0xf6, 0xf5, 0xf3);
/// Links.
pub const LINK: Rgb = Rgb(0x1d, 0x4e, 0xd8);
/// The tint behind quotes without a speaker, and the shade of their chips.
pub const NOBODY: Swatch = Swatch {
    tint: Rgb(0xe7, 0xe5, 0xe4),
    shade: Rgb(0x57, 0x53, 0x4e),
};

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// One speaker's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Swatch {
    /// Behind the text of the speaker's quotes ([`INK`] on it).
    pub tint: Rgb,
    /// Underlines, borders, and the background of chips with white text.
    pub shade: Rgb,
}

const fn swatch(tint: u32, shade: u32) -> Swatch {
    const fn rgb(c: u32) -> Rgb {
        Rgb((c >> 16) as u8, (c >> 8) as u8, c as u8)
    }
    Swatch {
        tint: rgb(tint),
        shade: rgb(shade),
    }
}

/// The speakers' colours, in the order speakers first appear in an article.
pub const PALETTE: [Swatch; 8] = [
    swatch(0xcfe3ff, 0x1d4ed8), // blue
    swatch(0xffe08a, 0x8a5300), // amber
    swatch(0xc2f0cf, 0x15703a), // green
    swatch(0xecd3fc, 0x6d28d9), // violet
    swatch(0xb9ece8, 0x0b6b66), // teal
    swatch(0xffd1e6, 0xa1185a), // pink
    swatch(0xe3ecb6, 0x4a6310), // olive
    swatch(0xffd5b8, 0x9a3a0a), // orange
];

impl Rgb {
    /// CSS notation, `#rrggbb`.
    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2.1).
    #[cfg(test)]
    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }
}

/// The contrast ratio of two colours (WCAG 2.1), from 1 to 21.
#[cfg(test)]
fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The page's colours as custom properties, and the colour classes: `.c0` … for the speakers,
/// `.c-none` for nobody.
pub fn css() -> String {
    let mut out = format!(
        ":root{{--ink:{};--paper:{};--flag:{};--muted:{};--panel:{};--link:{};--tint:{};--shade:{}}}\n",
        INK.css(),
        PAPER.css(),
        FLAG.css(),
        MUTED.css(),
        PANEL.css(),
        LINK.css(),
        NOBODY.tint.css(),
        NOBODY.shade.css()
    );
    for (i, s) in PALETTE.iter().enumerate() {
        out.push_str(&rule(&format!("c{i}"), *s));
    }
    out.push_str(&rule("c-none", NOBODY));
    out
}

fn rule(class: &str, s: Swatch) -> String {
    format!(
        ".{class}{{--tint:{};--shade:{}}}\n",
        s.tint.css(),
        s.shade.css()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2.1 AA: 4.5:1 for normal text (1.4.3), 3:1 for graphical objects such as underlines and
    /// borders (1.4.11).
    const AA_TEXT: f64 = 4.5;
    const AA_GRAPHICS: f64 = 3.0;

    #[test]
    fn contrast_matches_the_wcag_definition() {
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast(PAPER, PAPER) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1 grey.
        assert!((contrast(Rgb(0x76, 0x76, 0x76), PAPER) - 4.54).abs() < 0.01);
    }

    #[test]
    fn every_colour_pairing_meets_wcag_aa() {
        for s in PALETTE.iter().chain([&NOBODY]) {
            let name = s.tint.css();
            assert!(contrast(INK, s.tint) >= AA_TEXT, "text on the tint {name}");
            assert!(
                contrast(FLAG, s.tint) >= AA_TEXT,
                "a flag label on the tint {name}"
            );
            assert!(
                contrast(PAPER, s.shade) >= AA_TEXT,
                "white text on the shade {}",
                s.shade.css()
            );
            assert!(
                contrast(s.shade, s.tint) >= AA_GRAPHICS,
                "an underline on the tint {name}"
            );
        }
        for background in [PAPER, PANEL] {
            for text in [INK, FLAG, MUTED, LINK] {
                assert!(
                    contrast(text, background) >= AA_TEXT,
                    "{} on {}",
                    text.css(),
                    background.css()
                );
            }
        }
        assert!(contrast(PAPER, FLAG) >= AA_TEXT, "white on the flag colour");
    }

    /// CIELAB (D65) of an sRGB colour, for colour differences.
    fn lab(c: Rgb) -> [f64; 3] {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let (r, g, b) = (lin(c.0), lin(c.1), lin(c.2));
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        [
            116.0 * f(y) - 16.0,
            500.0 * (f(x) - f(y)),
            200.0 * (f(y) - f(z)),
        ]
    }

    #[test]
    fn tints_are_told_apart() {
        // CIE76 colour difference: above about 10 two pale tints read as different colours side
        // by side.
        for (i, a) in PALETTE.iter().chain([&NOBODY]).enumerate() {
            for b in PALETTE.iter().chain([&NOBODY]).skip(i + 1) {
                let (p, q) = (lab(a.tint), lab(b.tint));
                let delta =
                    ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt();
                assert!(
                    delta >= 12.0,
                    "{} and {}: {delta:.1}",
                    a.tint.css(),
                    b.tint.css()
                );
            }
        }
    }
}
