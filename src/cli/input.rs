//! Where the text of a run comes from: files and directories named on the command line, or
//! standard input for `-`; and how each is read (plain text, Markdown, HTML, or a JSON Lines
//! stream of articles).
//!
//! Directories are walked (in parallel) with `.gitignore`, `.ignore` and `.quotecheckignore`
//! files honoured, even outside a git repository; hidden files and directories are skipped with a
//! note, and only files with a known extension are taken. The files of a directory come sorted
//! by path, so a run's output does not depend on the walk's thread count.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Context, bail};
use ignore::gitignore::Gitignore;
use ignore::{DirEntry, WalkBuilder, WalkState};
use quotecheck::Format;
use serde::Deserialize;

use super::config::normalize;

/// The name of standard input in reports and messages.
pub const STDIN_NAME: &str = "<stdin>";

/// Extensions of the files taken from a directory.
pub const WALKED_EXTENSIONS: &[&str] = &[
    "md", "markdown", "html", "htm", "xhtml", "txt", "text", "jsonl",
];

/// `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// From the extension: .md/.markdown, .html/.htm, .jsonl, anything else text.
    Auto,
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
    /// JSON Lines: one article per line, `{"id": …, "text": …}`.
    Jsonl,
}

/// How one input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One document in this format.
    Doc(Format),
    /// A JSON Lines stream of documents.
    Jsonl,
}

impl InputFormat {
    /// How to read `path` (`None`: standard input).
    pub fn kind_of(self, path: Option<&Path>) -> Kind {
        match self {
            InputFormat::Text => Kind::Doc(Format::Text),
            InputFormat::Markdown => Kind::Doc(Format::Markdown),
            InputFormat::Html => Kind::Doc(Format::Html),
            InputFormat::Jsonl => Kind::Jsonl,
            InputFormat::Auto => {
                let ext = path
                    .and_then(Path::extension)
                    .and_then(|e| e.to_str())
                    .unwrap_or("");
                if ext.eq_ignore_ascii_case("jsonl") {
                    Kind::Jsonl
                } else {
                    Kind::Doc(Format::from_extension(ext).unwrap_or(Format::Text))
                }
            }
        }
    }
}

/// Where an input's bytes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Standard input, named `-` on the command line.
    Stdin,
    /// A path, kept as given (or as walked).
    File(PathBuf),
}

impl Origin {
    /// The input a command-line argument names.
    pub fn from_arg(arg: &Path) -> Origin {
        if arg.as_os_str() == "-" {
            Origin::Stdin
        } else {
            Origin::File(arg.to_path_buf())
        }
    }

    /// The name used in reports and messages: the path as given, or `<stdin>`.
    pub fn name(&self) -> String {
        match self {
            Origin::Stdin => STDIN_NAME.to_string(),
            Origin::File(path) => path.display().to_string(),
        }
    }

    /// All the bytes of the input. The error does not repeat the input's name.
    pub fn read(&self) -> anyhow::Result<Vec<u8>> {
        match self {
            Origin::Stdin => {
                let mut bytes = Vec::new();
                io::stdin()
                    .lock()
                    .read_to_end(&mut bytes)
                    .context("cannot read standard input")?;
                Ok(bytes)
            }
            Origin::File(path) => {
                if path.is_dir() {
                    bail!("is a directory");
                }
                Ok(fs::read(path)?)
            }
        }
    }

    /// The input as a stream of lines.
    fn open(&self) -> anyhow::Result<Box<dyn BufRead + Send>> {
        Ok(match self {
            Origin::Stdin => Box::new(BufReader::new(io::stdin())),
            Origin::File(path) => {
                if path.is_dir() {
                    bail!("is a directory");
                }
                Box::new(BufReader::new(File::open(path)?))
            }
        })
    }
}

/// An input to check, after directories are expanded.
#[derive(Debug, Clone)]
pub struct Target {
    /// Where its bytes are.
    pub origin: Origin,
    /// How to read them.
    pub kind: Kind,
}

/// How directories are walked and which files are left out.
#[derive(Debug, Default)]
pub struct Walk {
    /// `--input-format`.
    pub format: Option<InputFormat>,
    /// Check hidden files and directories too.
    pub hidden: bool,
    /// Do not read `.gitignore`, `.ignore` and `.quotecheckignore` files.
    pub no_ignore: bool,
    /// Leave out excluded files even when named on the command line.
    pub force_exclude: bool,
    /// Patterns of files to leave out (the configuration's, `--exclude`).
    pub exclude: Vec<Gitignore>,
    /// The reports being written: never inputs.
    pub outputs: Vec<PathBuf>,
    /// The current directory, to match paths against the patterns.
    pub cwd: PathBuf,
    /// Threads for the walk (0: as many as cores).
    pub threads: usize,
}

/// What expanding the command line gives, in order.
#[derive(Debug)]
pub enum Expanded {
    /// An input to check.
    Target(Target),
    /// Something left out, for stderr.
    Note(String),
}

/// Directories that are never walked, hidden or not, and never noted.
const VCS_DIRS: &[&str] = &[".git", ".hg", ".svn", ".jj"];

impl Walk {
    fn kind(&self, path: Option<&Path>) -> Kind {
        self.format.unwrap_or(InputFormat::Auto).kind_of(path)
    }

    fn excluded(&self, path: &Path, is_dir: bool) -> bool {
        let abs = normalize(&self.cwd.join(path));
        self.exclude
            .iter()
            .any(|g| g.matched_path_or_any_parents(&abs, is_dir).is_ignore())
    }

    /// The targets of the command line's paths, in order, directories expanded.
    pub fn expand(&self, args: &[PathBuf]) -> Vec<Expanded> {
        let mut out = Vec::new();
        for arg in args {
            let origin = Origin::from_arg(arg);
            match &origin {
                Origin::File(path) if path.is_dir() => out.extend(self.walk(path)),
                Origin::File(path) => {
                    if !(self.force_exclude && self.excluded(path, false)) {
                        out.push(Expanded::Target(Target {
                            kind: self.kind(Some(path)),
                            origin,
                        }));
                    }
                }
                Origin::Stdin => out.push(Expanded::Target(Target {
                    kind: self.kind(None),
                    origin,
                })),
            }
        }
        out
    }

    /// The files under `dir`, sorted by path, and notes on what was skipped.
    fn walk(&self, dir: &Path) -> Vec<Expanded> {
        let notes: Arc<Mutex<Vec<PathBuf>>> = Arc::default();
        let files: Arc<Mutex<Vec<PathBuf>>> = Arc::default();
        let outputs: Vec<PathBuf> = self
            .outputs
            .iter()
            .filter_map(|p| fs::canonicalize(p).ok())
            .collect();
        let mut builder = WalkBuilder::new(dir);
        builder
            .standard_filters(!self.no_ignore)
            .hidden(false)
            .require_git(false)
            .skip_stdout(true)
            .threads(self.threads);
        if !self.no_ignore {
            builder.add_custom_ignore_filename(".quotecheckignore");
        }
        let hidden = self.hidden;
        let skipped = notes.clone();
        builder.filter_entry(move |e: &DirEntry| {
            let name = e.file_name().to_string_lossy();
            if e.depth() == 0 || !name.starts_with('.') {
                return true;
            }
            let is_dir = e.file_type().is_some_and(|t| t.is_dir());
            if is_dir && VCS_DIRS.contains(&name.as_ref()) {
                return false;
            }
            if hidden {
                return true;
            }
            if is_dir || has_walked_extension(e.path()) {
                skipped.lock().unwrap().push(e.path().to_path_buf());
            }
            false
        });
        let errors: Arc<Mutex<Vec<String>>> = Arc::default();
        builder.build_parallel().run(|| {
            let files = files.clone();
            let errors = errors.clone();
            let outputs = outputs.clone();
            Box::new(move |entry| {
                match entry {
                    Ok(e) => {
                        let is_file = e.file_type().is_some_and(|t| t.is_file());
                        // A report written below the walked directory is not an input.
                        let is_output =
                            || fs::canonicalize(e.path()).is_ok_and(|p| outputs.contains(&p));
                        if is_file
                            && has_walked_extension(e.path())
                            && (outputs.is_empty() || !is_output())
                        {
                            files.lock().unwrap().push(e.into_path());
                        }
                    }
                    Err(err) => errors.lock().unwrap().push(err.to_string()),
                }
                WalkState::Continue
            })
        });
        let mut files = std::mem::take(&mut *files.lock().unwrap());
        files.sort();
        let mut notes = std::mem::take(&mut *notes.lock().unwrap());
        notes.sort();
        let mut out: Vec<Expanded> = notes
            .into_iter()
            .map(|p| {
                Expanded::Note(format!(
                    "skipped hidden {} {} (use --hidden to check it)",
                    if p.is_dir() { "directory" } else { "file" },
                    p.display()
                ))
            })
            .collect();
        let mut errors = std::mem::take(&mut *errors.lock().unwrap());
        errors.sort();
        out.extend(errors.into_iter().map(Expanded::Note));
        for path in files {
            if self.excluded(&path, false) {
                continue;
            }
            out.push(Expanded::Target(Target {
                kind: self.kind(Some(&path)),
                origin: Origin::File(path),
            }));
        }
        out
    }
}

fn has_walked_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| WALKED_EXTENSIONS.iter().any(|w| w.eq_ignore_ascii_case(e)))
}

/// True when `bytes` look binary: a NUL byte in the first 8 KiB (what git and ripgrep check).
pub fn is_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
}

/// One line of a JSON Lines input.
#[derive(Debug, Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: String,
    format: Option<String>,
}

/// One article of a JSON Lines input, or why a line is not one.
pub struct Article {
    /// The name it is reported under: its `id`, or `FILE:LINE` without one.
    pub name: String,
    /// Its text, or what is wrong with the line.
    pub text: anyhow::Result<(String, Format)>,
}

/// The articles of a JSON Lines input, read lazily, one per non-blank line.
pub struct Articles {
    name: String,
    lines: Option<Box<dyn BufRead + Send>>,
    line: usize,
    failed: Option<anyhow::Error>,
}

impl Articles {
    /// The articles of `origin`.
    pub fn new(origin: &Origin) -> Articles {
        let (lines, failed) = match origin.open() {
            Ok(lines) => (Some(lines), None),
            Err(err) => (None, Some(err)),
        };
        Articles {
            name: origin.name(),
            lines,
            line: 0,
            failed,
        }
    }
}

impl Iterator for Articles {
    type Item = Article;

    fn next(&mut self) -> Option<Article> {
        if let Some(err) = self.failed.take() {
            return Some(Article {
                name: self.name.clone(),
                text: Err(err),
            });
        }
        let lines = self.lines.as_mut()?;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            self.line += 1;
            let here = format!("{}:{}", self.name, self.line);
            match lines.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(err) => {
                    self.lines = None;
                    return Some(Article {
                        name: here,
                        text: Err(err.into()),
                    });
                }
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let record: Result<Record, _> = serde_json::from_slice(&buf);
            return Some(match record {
                Err(err) => Article {
                    name: here,
                    text: Err(anyhow::anyhow!("not a JSON Lines article: {err}")),
                },
                Ok(r) => {
                    let name = match r.id {
                        Some(serde_json::Value::String(s)) => s,
                        Some(serde_json::Value::Null) | None => here,
                        Some(other) => other.to_string(),
                    };
                    let format = match r.format.as_deref().map(str::parse::<Format>) {
                        None => Ok(Format::Text),
                        Some(Ok(f)) => Ok(f),
                        Some(Err(e)) => Err(anyhow::anyhow!(e)),
                    };
                    Article {
                        name,
                        text: format.map(|f| (r.text, f)),
                    }
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dash_is_stdin_and_anything_else_a_path_kept_as_given() {
        assert_eq!(Origin::from_arg(Path::new("-")), Origin::Stdin);
        assert_eq!(Origin::from_arg(Path::new("-")).name(), "<stdin>");
        let file = Origin::from_arg(Path::new("./-"));
        assert_eq!(file, Origin::File(PathBuf::from("./-")));
        assert_eq!(file.name(), "./-");
    }

    #[test]
    fn format_from_extension_unless_forced() {
        let auto = InputFormat::Auto;
        assert_eq!(
            auto.kind_of(Some(Path::new("a.MD"))),
            Kind::Doc(Format::Markdown)
        );
        assert_eq!(
            auto.kind_of(Some(Path::new("a.htm"))),
            Kind::Doc(Format::Html)
        );
        assert_eq!(auto.kind_of(Some(Path::new("a.jsonl"))), Kind::Jsonl);
        assert_eq!(auto.kind_of(Some(Path::new("a"))), Kind::Doc(Format::Text));
        assert_eq!(auto.kind_of(None), Kind::Doc(Format::Text));
        assert_eq!(
            InputFormat::Html.kind_of(Some(Path::new("a.md"))),
            Kind::Doc(Format::Html)
        );
    }

    #[test]
    fn json_lines_articles_and_bad_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jsonl");
        fs::write(
            &path,
            "{\"id\":\"dep-1\",\"text\":\"Un.\"}\n\n{\"id\":7,\"text\":\"Deux.\",\"format\":\"markdown\"}\nnot json\n{\"text\":\"Trois.\"}\n",
        )
        .unwrap();
        let arts: Vec<Article> = Articles::new(&Origin::File(path.clone())).collect();
        let name = path.display().to_string();
        assert_eq!(arts.len(), 4);
        assert_eq!(arts[0].name, "dep-1");
        assert_eq!(arts[0].text.as_ref().unwrap().0, "Un.");
        assert_eq!(arts[1].name, "7");
        assert_eq!(arts[1].text.as_ref().unwrap().1, Format::Markdown);
        assert_eq!(arts[2].name, format!("{name}:4"));
        assert!(arts[2].text.is_err());
        assert_eq!(arts[3].name, format!("{name}:5"));
    }
}
