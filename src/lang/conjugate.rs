//! Inflected forms of reporting verbs, generated from the lemma so the data files list lemmas,
//! not thousands of forms.
//!
//! Only the forms news copy uses to report speech are generated: third person of the present,
//! imperfect, simple past, future and conditional, the participles and the infinitive. A few
//! spelling variants are generated on purpose even when only one is correct for a given verb
//! (`rappelle` and `rappèle`): a form that does not exist never matches, so it costs nothing, and
//! it saves a table of exceptions.

/// Forms of a regular French verb (`-er`, or `-ir` of the second group). Other verbs list their
/// forms in the data file.
pub fn french(lemma: &str) -> Vec<String> {
    if let Some(stem) = lemma.strip_suffix("er") {
        return french_er(stem);
    }
    if let Some(stem) = lemma.strip_suffix("ir") {
        let mut forms: Vec<String> = [
            "it", "issent", "issait", "issaient", "irent", "ira", "iront", "irait", "iraient", "i",
            "ie", "is", "ies", "issant", "ir",
        ]
        .iter()
        .map(|s| format!("{stem}{s}"))
        .collect();
        forms.dedup();
        return forms;
    }
    vec![lemma.to_string()]
}

fn french_er(stem: &str) -> Vec<String> {
    // Before an ending that starts with `a` or `o`: `c` → `ç`, `g` → `ge`.
    let soft = if let Some(s) = stem.strip_suffix('c') {
        format!("{s}ç")
    } else if stem.ends_with('g') {
        format!("{stem}e")
    } else {
        stem.to_string()
    };
    let mut forms = Vec::new();
    for (s, ending) in [
        (stem, "er"),
        (&soft, "ant"),
        (&soft, "ait"),
        (&soft, "aient"),
        (&soft, "a"),
        (stem, "èrent"),
        (stem, "é"),
        (stem, "ée"),
        (stem, "és"),
        (stem, "ées"),
    ] {
        forms.push(format!("{s}{ending}"));
    }
    // Present and future stems, with the vowel and consonant changes of `révéler`, `lever`,
    // `rappeler`, `jeter` and `employer`.
    let mut strong = vec![stem.to_string()];
    if let Some(pos) = stem.rfind('é') {
        let tail = &stem[pos + 'é'.len_utf8()..];
        if !tail.is_empty() && tail.chars().all(|c| !is_vowel(c)) {
            strong.push(format!("{}è{tail}", &stem[..pos]));
        }
    }
    if let Some(pos) = stem.rfind('e') {
        let tail = &stem[pos + 1..];
        if !tail.is_empty() && tail.chars().all(|c| !is_vowel(c)) && pos > 0 {
            strong.push(format!("{}è{tail}", &stem[..pos]));
        }
    }
    if stem.ends_with("el") || stem.ends_with("et") {
        let last = stem.chars().last().expect("non-empty");
        strong.push(format!("{stem}{last}"));
    }
    if let Some(s) = stem.strip_suffix('y') {
        strong.push(format!("{s}i"));
    }
    for s in &strong {
        for ending in ["e", "ent", "era", "eront", "erait", "eraient"] {
            forms.push(format!("{s}{ending}"));
        }
    }
    forms.sort();
    forms.dedup();
    forms
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'é' | 'è' | 'ê' | 'â' | 'î' | 'ô' | 'û'
    )
}

/// Forms of a regular English verb: lemma, `-s`, `-ed`, `-ing`, with the usual spelling changes
/// (and both variants where doubling of the final consonant depends on stress).
pub fn english(lemma: &str) -> Vec<String> {
    let mut forms = vec![lemma.to_string()];
    let ends = |s: &str| lemma.ends_with(s);
    let last = lemma.chars().last().unwrap_or('x');
    let before_last = lemma.chars().rev().nth(1).unwrap_or('x');
    // Third person singular.
    if ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh") || ends("o") {
        forms.push(format!("{lemma}es"));
    } else if last == 'y' && !is_vowel(before_last) {
        forms.push(format!("{}ies", &lemma[..lemma.len() - 1]));
    } else {
        forms.push(format!("{lemma}s"));
    }
    // Past and -ing.
    if last == 'e' {
        forms.push(format!("{lemma}d"));
        if ends("ee") || ends("ye") || ends("oe") {
            forms.push(format!("{lemma}ing"));
        } else {
            forms.push(format!("{}ing", &lemma[..lemma.len() - 1]));
        }
    } else if last == 'y' && !is_vowel(before_last) {
        forms.push(format!("{}ied", &lemma[..lemma.len() - 1]));
        forms.push(format!("{lemma}ing"));
    } else {
        forms.push(format!("{lemma}ed"));
        forms.push(format!("{lemma}ing"));
        let third = lemma.chars().rev().nth(2).unwrap_or('a');
        // The `u` of `qu` is not a vowel there: `quip` → `quipped`.
        let qu = third == 'u' && lemma.chars().rev().nth(3) == Some('q');
        if !is_vowel(last)
            && !matches!(last, 'w' | 'x' | 'y')
            && is_vowel(before_last)
            && (!is_vowel(third) || qu)
        {
            forms.push(format!("{lemma}{last}ed"));
            forms.push(format!("{lemma}{last}ing"));
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_first_group_with_spelling_changes() {
        let f = french("annoncer");
        for form in [
            "annonce",
            "annoncent",
            "annonçait",
            "annonça",
            "annoncé",
            "annonçant",
        ] {
            assert!(f.contains(&form.to_string()), "{form} missing from {f:?}");
        }
        let f = french("révéler");
        assert!(f.contains(&"révèle".to_string()));
        let f = french("rappeler");
        assert!(f.contains(&"rappelle".to_string()));
        assert!(f.contains(&"rappelait".to_string()));
        let f = french("juger");
        assert!(f.contains(&"jugeait".to_string()));
        assert!(f.contains(&"jugé".to_string()));
    }

    #[test]
    fn french_second_group() {
        let f = french("avertir");
        for form in [
            "avertit",
            "avertissent",
            "avertissait",
            "averti",
            "avertie",
            "avertissant",
        ] {
            assert!(f.contains(&form.to_string()), "{form} missing");
        }
    }

    #[test]
    fn english_regular_verbs() {
        assert_eq!(
            english("state"),
            vec!["state", "states", "stated", "stating"]
        );
        assert_eq!(english("deny"), vec!["deny", "denies", "denied", "denying"]);
        let admit = english("admit");
        assert!(admit.contains(&"admitted".to_string()));
        assert!(english("stress").contains(&"stresses".to_string()));
        assert!(english("quip").contains(&"quipped".to_string()));
    }
}
