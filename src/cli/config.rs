//! `.quotecheck.toml`: the newsroom's settings, found by walking up from the current directory
//! (or given with `--config`, or ignored with `--isolated`). Command-line flags override it.
//!
//! Every key is optional; an unknown key or a bad value is an error that names the file, the
//! line and column, and the key, and nothing is checked. The keys are listed in the README.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::path::{Component, Path, PathBuf};

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use quotecheck::lang::OutletKind;
use quotecheck::{CustomLexicon, CustomOutlet, Flag, Lang, LangChoice, LineIndex, Severity};
use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The file name looked for.
pub const FILE_NAME: &str = ".quotecheck.toml";

/// `fail-on` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Fail on error flags.
    Error,
    /// Fail on warning and error flags.
    Warning,
    /// Never fail on flags.
    Never,
}

impl FailOn {
    /// The lowest severity that fails a run.
    pub fn level(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum LangName {
    Auto,
    Fr,
    En,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Level {
    Error,
    Warning,
    Info,
}

impl From<Level> for Severity {
    fn from(l: Level) -> Severity {
        match l {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info => Severity::Info,
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum KindName {
    Agency,
    Newspaper,
    Broadcaster,
    Magazine,
    Website,
    Platform,
    Any,
}

impl From<KindName> for OutletKind {
    fn from(k: KindName) -> OutletKind {
        match k {
            KindName::Agency => OutletKind::Agency,
            KindName::Newspaper => OutletKind::Newspaper,
            KindName::Broadcaster => OutletKind::Broadcaster,
            KindName::Magazine => OutletKind::Magazine,
            KindName::Website => OutletKind::Website,
            KindName::Platform => OutletKind::Platform,
            KindName::Any => OutletKind::Any,
        }
    }
}

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    lang: Option<LangName>,
    fail_on: Option<FailOn>,
    require_source: Option<bool>,
    exclude: Option<Vec<Spanned<String>>>,
    severity: Option<RawSeverity>,
    outlets: Option<BTreeMap<String, KindName>>,
    verbs: Option<RawVerbs>,
    aliases: Option<BTreeMap<Spanned<String>, Vec<Spanned<String>>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSeverity {
    unattributed: Option<Level>,
    ambiguous: Option<Level>,
    anonymous: Option<Level>,
    unbalanced: Option<Level>,
    #[serde(alias = "no-source")]
    no_source: Option<Level>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVerbs {
    fr: Option<Vec<String>>,
    en: Option<Vec<String>>,
}

/// The settings of a configuration file, checked.
#[derive(Debug, Default)]
pub struct Config {
    /// The file they come from (`None`: no file).
    pub path: Option<PathBuf>,
    /// `lang`.
    pub lang: Option<LangChoice>,
    /// `fail-on`.
    pub fail_on: Option<FailOn>,
    /// `require-source`.
    pub require_source: Option<bool>,
    /// `[severity]`.
    pub severities: Vec<(Flag, Severity)>,
    /// `exclude`, rooted at the file's directory.
    pub exclude: Option<Gitignore>,
    /// `[outlets]`, `[verbs]`, `[aliases]`.
    pub custom: CustomLexicon,
}

/// A configuration error: where, and what.
#[derive(Debug)]
pub struct ConfigError {
    path: PathBuf,
    at: Option<(usize, usize)>,
    message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, col)) = self.at {
            write!(f, ":{line}:{col}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

/// The configuration file for a run in `cwd`: `explicit` when given, none when `isolated`,
/// otherwise the nearest `.quotecheck.toml` in `cwd` or its parents.
pub fn load(cwd: &Path, explicit: Option<&Path>, isolated: bool) -> Result<Config, ConfigError> {
    let path = match (explicit, isolated) {
        (_, true) => None,
        (Some(p), false) => Some(p.to_path_buf()),
        (None, false) => cwd
            .ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file()),
    };
    let Some(path) = path else {
        return Ok(Config::default());
    };
    // Report the path short when it is below the current directory.
    let shown = path
        .strip_prefix(cwd)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.clone());
    let text = std::fs::read_to_string(cwd.join(&path)).map_err(|e| ConfigError {
        path: shown.clone(),
        at: None,
        message: format!("cannot read the configuration file: {e}"),
    })?;
    let root = normalize(&cwd.join(&path))
        .parent()
        .map_or_else(|| PathBuf::from("/"), Path::to_path_buf);
    let mut config = parse(&text, &root).map_err(|(span, message)| ConfigError {
        path: shown.clone(),
        at: span.map(|s| {
            let lc = LineIndex::new(text.as_bytes()).line_col(text.as_bytes(), s);
            (lc.line, lc.column)
        }),
        message,
    })?;
    config.path = Some(shown);
    Ok(config)
}

/// Parse a configuration; the error is its byte offset in `text` and a message naming the key.
fn parse(text: &str, root: &Path) -> Result<Config, (Option<usize>, String)> {
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let at = e.span().map(|s| s.start);
        (at, message(text, at, e.message()))
    })?;
    let mut config = Config {
        lang: raw.lang.map(|l| match l {
            LangName::Auto => LangChoice::Auto,
            LangName::Fr => LangChoice::Fixed(Lang::Fr),
            LangName::En => LangChoice::Fixed(Lang::En),
        }),
        fail_on: raw.fail_on,
        require_source: raw.require_source,
        ..Config::default()
    };
    if let Some(s) = raw.severity {
        let levels = [
            (Flag::Unattributed, s.unattributed),
            (Flag::Ambiguous, s.ambiguous),
            (Flag::Anonymous, s.anonymous),
            (Flag::Unbalanced, s.unbalanced),
            (Flag::NoSource, s.no_source),
        ];
        config.severities = levels
            .into_iter()
            .filter_map(|(f, l)| Some((f, l?.into())))
            .collect();
    }
    if let Some(patterns) = raw.exclude {
        let mut builder = GitignoreBuilder::new(root);
        for p in &patterns {
            builder.add_line(None, p.get_ref()).map_err(|e| {
                (
                    Some(p.span().start),
                    format!("bad pattern in `exclude`: {e}"),
                )
            })?;
        }
        let matcher = builder
            .build()
            .map_err(|e| (None, format!("bad `exclude` patterns: {e}")))?;
        config.exclude = Some(matcher);
    }
    for (name, kind) in raw.outlets.unwrap_or_default() {
        config.custom.outlets.push(CustomOutlet {
            name,
            kind: match kind {
                KindName::Any => None,
                k => Some(k.into()),
            },
        });
    }
    if let Some(verbs) = raw.verbs {
        for (lang, list) in [(Lang::Fr, verbs.fr), (Lang::En, verbs.en)] {
            for v in list.unwrap_or_default() {
                config.custom.verbs.push((lang, v));
            }
        }
    }
    for (canonical, aliases) in raw.aliases.unwrap_or_default() {
        let blank = |s: &Spanned<String>| s.get_ref().trim().is_empty();
        if blank(&canonical) {
            return Err((
                Some(canonical.span().start),
                "an empty name in `aliases`".to_string(),
            ));
        }
        for alias in aliases {
            if blank(&alias) {
                return Err((
                    Some(alias.span().start),
                    format!("an empty alias in `aliases.{}`", canonical.get_ref()),
                ));
            }
            config
                .custom
                .aliases
                .push((alias.into_inner(), canonical.get_ref().clone()));
        }
    }
    Ok(config)
}

/// The toml crate's `message` for the error at `at`, reworded to name the key it is about.
fn message(text: &str, at: Option<usize>, message: &str) -> String {
    let key = at.and_then(|at| key_at(text, at));
    let message = message.trim_end();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (name, expected) = rest.split_once(", ").unwrap_or((rest, ""));
        let table = key
            .as_deref()
            .and_then(|k| k.rsplit_once('.'))
            .map(|(t, _)| t);
        let mut out = format!("unknown key {name}");
        if let Some(t) = table {
            let _ = write!(out, " in [{t}]");
        }
        if !expected.is_empty() {
            let _ = write!(out, "; {expected}");
        }
        return out;
    }
    if let Some(k) = key {
        return format!("bad value for `{k}`: {message}");
    }
    let message = message.replace('\n', "; ");
    // A syntax error: the document has no keys to look at, but its line may start with one.
    let line_key = at.and_then(|at| {
        let line_start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
        let line = &text[line_start..];
        let (key, _) = line.lines().next()?.split_once('=')?;
        let key = key.trim();
        (!key.is_empty() && line_start + key.len() < at).then(|| key.to_string())
    });
    match line_key {
        Some(k) => format!("invalid TOML in the value of `{k}`: {message}"),
        None => format!("invalid TOML: {message}"),
    }
}

/// The dotted key whose key or value covers byte `at` of `text`.
fn key_at(text: &str, at: usize) -> Option<String> {
    let table = DeTable::parse(text).ok()?;
    let mut path = Vec::new();
    walk(table.get_ref(), at, &mut path);
    (!path.is_empty()).then(|| path.join("."))
}

fn walk(table: &DeTable<'_>, at: usize, path: &mut Vec<String>) {
    for (k, v) in table {
        let covers = |r: std::ops::Range<usize>| r.start <= at && at < r.end.max(r.start + 1);
        let inner = match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => None,
        };
        // A `[table]` header's value span may not cover its keys: look inside too.
        let inside = inner.is_some_and(|t| {
            let mut sub = Vec::new();
            walk(t, at, &mut sub);
            !sub.is_empty()
        });
        if covers(k.span()) || covers(v.span()) || inside {
            path.push(k.get_ref().to_string());
            if let Some(t) = inner {
                walk(t, at, path);
            }
            return;
        }
    }
}

/// `path` without `.` and `..` components (`..` pops), without touching the filesystem.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn error(text: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), text).unwrap();
        load(dir.path(), None, false).unwrap_err().to_string()
    }

    #[test]
    fn a_full_configuration() {
        let dir = tempfile::tempdir().unwrap();
        let text = r#"
lang = "fr"
fail-on = "warning"
require-source = true
exclude = ["archive/", "*.draft.md"]

[severity]
anonymous = "error"
no_source = "info"

[outlets]
"Le Courrier de Kerlevan" = "newspaper"
"Kerlevan Info" = "any"

[verbs]
fr = ["a martelé"]
en = ["quipped"]

[aliases]
"Sergueï Choïgou" = ["Choïgou", "Shoigu"]
"#;
        std::fs::write(dir.path().join(FILE_NAME), text).unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        let c = load(&sub, None, false).unwrap();
        assert!(c.path.unwrap().ends_with(FILE_NAME));
        assert_eq!(c.lang, Some(LangChoice::Fixed(Lang::Fr)));
        assert_eq!(c.fail_on, Some(FailOn::Warning));
        assert_eq!(c.require_source, Some(true));
        assert_eq!(
            c.severities,
            vec![
                (Flag::Anonymous, Severity::Error),
                (Flag::NoSource, Severity::Info)
            ]
        );
        let ex = c.exclude.unwrap();
        assert!(
            ex.matched_path_or_any_parents(dir.path().join("archive/x.md"), false)
                .is_ignore()
        );
        assert!(
            ex.matched_path_or_any_parents(dir.path().join("a/b/c.draft.md"), false)
                .is_ignore()
        );
        assert!(
            !ex.matched_path_or_any_parents(dir.path().join("a/c.md"), false)
                .is_ignore()
        );
        assert_eq!(c.custom.outlets.len(), 2);
        assert_eq!(c.custom.outlets[0].kind, None);
        assert_eq!(c.custom.outlets[1].kind, Some(OutletKind::Newspaper));
        assert_eq!(
            c.custom.verbs,
            vec![
                (Lang::Fr, "a martelé".to_string()),
                (Lang::En, "quipped".to_string())
            ]
        );
        assert_eq!(c.custom.canonical("shoigu"), Some("Sergueï Choïgou"));
        assert!(load(&sub, None, true).unwrap().path.is_none());
    }

    #[test]
    fn errors_name_the_file_line_column_and_key() {
        assert_eq!(
            error("lang = \"fr\"\ncolour = \"red\"\n"),
            ".quotecheck.toml:2:1: unknown key `colour`; expected one of `lang`, `fail-on`, `require-source`, `exclude`, `severity`, `outlets`, `verbs`, `aliases`"
        );
        assert_eq!(
            error("fail-on = \"sometimes\"\n"),
            ".quotecheck.toml:1:11: bad value for `fail-on`: unknown variant `sometimes`, expected one of `error`, `warning`, `never`"
        );
        assert_eq!(
            error("[severity]\nanonymous = \"fatal\"\n"),
            ".quotecheck.toml:2:13: bad value for `severity.anonymous`: unknown variant `fatal`, expected one of `error`, `warning`, `info`"
        );
        assert_eq!(
            error("[severity]\nunatributed = \"error\"\n"),
            ".quotecheck.toml:2:1: unknown key `unatributed` in [severity]; expected one of `unattributed`, `ambiguous`, `anonymous`, `unbalanced`, `no-source`, `no_source`"
        );
        assert_eq!(
            error("require-source = \"yes\"\n"),
            ".quotecheck.toml:1:18: bad value for `require-source`: invalid type: string \"yes\", expected a boolean"
        );
        assert_eq!(
            error("[outlets]\n\"Radio X\" = \"radio\"\n"),
            ".quotecheck.toml:2:13: bad value for `outlets.Radio X`: unknown variant `radio`, expected one of `agency`, `newspaper`, `broadcaster`, `magazine`, `website`, `platform`, `any`"
        );
        assert_eq!(
            error("[verbs]\nde = [\"sagte\"]\n"),
            ".quotecheck.toml:2:1: unknown key `de` in [verbs]; expected `fr` or `en`"
        );
        assert_eq!(
            error("[aliases]\n\"Choïgou\" = \"Shoigu\"\n"),
            ".quotecheck.toml:2:13: bad value for `aliases.Choïgou`: invalid type: string \"Shoigu\", expected a sequence"
        );
        assert_eq!(
            error("[aliases]\n\"Choïgou\" = [\" \"]\n"),
            ".quotecheck.toml:2:14: an empty alias in `aliases.Choïgou`"
        );
        assert_eq!(
            error("exclude = [\"a/{b\"]\n"),
            ".quotecheck.toml:1:12: bad pattern in `exclude`: error parsing glob 'a/{b': unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)"
        );
        assert_eq!(
            error("[severity\n"),
            ".quotecheck.toml:1:10: invalid TOML: unclosed table, expected `]`"
        );
        assert_eq!(
            error("lang = fr\n"),
            ".quotecheck.toml:1:8: invalid TOML in the value of `lang`: invalid boolean, expected `false`"
        );
    }

    #[test]
    fn the_readme_example_is_a_valid_configuration() {
        let readme = include_str!("../../README.md");
        let section = &readme[readme.find("## Configuration").unwrap()..];
        let start = section.find("```toml\n").unwrap() + "```toml\n".len();
        let example = &section[start..start + section[start..].find("```").unwrap()];
        let c = parse(example, Path::new("/news")).unwrap();
        assert_eq!(c.custom.outlets.len(), 3);
        assert_eq!(c.custom.verbs.len(), 3);
        assert_eq!(c.custom.canonical("SHOIGU"), Some("Sergueï Choïgou"));
        // The error quoted in the README is the one this file would give.
        let bad = "lang = \"fr\"\n\n[severity]\nanonymous = \"fatal\"\n";
        let shown = error(bad);
        assert!(readme.contains(&format!("quotecheck: {shown}")), "{shown}");
    }

    #[test]
    fn an_explicit_file_that_does_not_exist() {
        let dir = tempfile::tempdir().unwrap();
        let err = load(dir.path(), Some(Path::new("nope.toml")), false).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("nope.toml: cannot read the configuration file: ")
        );
    }
}
