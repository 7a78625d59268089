//! The CI recipes we publish actually work: the pre-commit hook's entry on staged files, and the
//! `quotecheck check` commands of the GitHub Actions workflow in `docs/ci.md`.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

const OPEN: &str = "Le maire a déclaré : « Nous reconstruirons le pont avant la fin du mois.\n";
const CALM: &str = "Le conseil municipal se réunira mardi prochain pour voter le budget.\n";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_quotecheck")
}

/// The `key: value` of the hook `id` in `.pre-commit-hooks.yaml` (a flat list of maps).
#[track_caller]
fn hook_field(id: &str, key: &str) -> String {
    let yaml = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let mut in_hook = false;
    for line in yaml.lines() {
        if let Some(rest) = line.strip_prefix("- id:") {
            in_hook = rest.trim() == id;
        } else if in_hook && let Some(value) = line.trim().strip_prefix(&format!("{key}:")) {
            return value.trim().to_string();
        }
    }
    panic!("no {key} for hook {id}");
}

/// Run `git` in `dir`.
#[track_caller]
fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// A git repository with a configuration, flagged and clean copy, and an excluded archive, all
/// staged.
fn newsroom() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    for (name, text) in [
        (".quotecheck.toml", "exclude = [\"archive/\"]\n"),
        ("news/flagged.md", OPEN),
        ("news/clean.html", CALM),
        ("news/notes.rst", OPEN),
        ("archive/old.md", OPEN),
    ] {
        std::fs::create_dir_all(p.join(name).parent().unwrap()).unwrap();
        std::fs::write(p.join(name), text).unwrap();
    }
    git(p, &["init", "-q"]);
    git(p, &["add", "-A"]);
    dir
}

/// Run the hook's entry as pre-commit does: the entry's words, then the staged files that match
/// the hook's `files` pattern.
fn run_hook(dir: &Path, id: &str) -> std::process::Output {
    let entry = hook_field(id, "entry");
    let files = regex::Regex::new(&hook_field(id, "files")).unwrap();
    let staged: Vec<String> = git(dir, &["diff", "--cached", "--name-only"])
        .lines()
        .filter(|f| files.is_match(f))
        .map(String::from)
        .collect();
    let mut words = entry.split_whitespace();
    assert_eq!(words.next(), Some("quotecheck"));
    Command::new(bin())
        .current_dir(dir)
        .args(words)
        .args(&staged)
        .output()
        .unwrap()
}

#[test]
fn pre_commit_hook_entry_on_staged_files() {
    for id in ["quotecheck", "quotecheck-system"] {
        let repo = newsroom();
        let out = run_hook(repo.path(), id);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{id}: {out:?}");
        assert!(stdout.contains("news/flagged.md:1:22: "), "{stdout}");
        // Not matched by `files`, or excluded by the configuration (--force-exclude).
        assert!(!stdout.contains("notes.rst"));
        assert!(!stdout.contains("archive/old.md"));

        // Once the quote is fixed and restaged, the hook passes.
        std::fs::write(repo.path().join("news/flagged.md"), CALM).unwrap();
        git(repo.path(), &["add", "-A"]);
        let out = run_hook(repo.path(), id);
        assert_eq!(out.status.code(), Some(0), "{id}: {out:?}");
    }
}

/// The `quotecheck check …` commands of the workflow in docs/ci.md.
fn workflow_commands() -> Vec<String> {
    let doc = std::fs::read_to_string(root().join("docs/ci.md")).unwrap();
    doc.lines()
        .filter_map(|l| l.trim().strip_prefix("run: quotecheck "))
        .map(String::from)
        .collect()
}

#[test]
fn github_workflow_commands_produce_annotations_csv_and_sarif() {
    let commands = workflow_commands();
    assert_eq!(commands.len(), 1);
    let dir = tempfile::tempdir().unwrap();
    let copy = |from: &str, to: &str| {
        let to: PathBuf = dir.path().join(to);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(root().join(from), to).unwrap();
    };
    copy("fixtures/md/fr_port_kerlevan.md", "news/port.md");
    copy(
        "fixtures/html/fr_festival_valbonne.html",
        "news/festival.html",
    );
    std::fs::write(dir.path().join("news/open.txt"), OPEN).unwrap();
    let out = Command::new(bin())
        .current_dir(dir.path())
        .args(commands[0].split_whitespace())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.is_empty());
    for line in stdout.lines() {
        assert!(
            line.starts_with("::error file=news/")
                || line.starts_with("::warning file=news/")
                || line.starts_with("::notice file=news/"),
            "{line}"
        );
    }
    assert!(stdout.contains("::error file=news/open.txt,line=1,col=22,"));
    let csv = std::fs::read_to_string(dir.path().join("quotecheck.csv")).unwrap();
    assert!(csv.starts_with("file,line,column,"));
    // Every quote of the three files is in the CSV, flagged or not.
    assert!(csv.lines().count() > stdout.lines().count());
    let sarif: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("quotecheck.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/open.txt"
    }));
}

/// The real pre-commit, when installed (`pip install pre-commit`): `try-repo` this checkout's
/// `quotecheck-system` hook with the test binary on the PATH.
#[test]
#[ignore = "needs the pre-commit tool"]
fn real_pre_commit_try_repo() {
    let repo = newsroom();
    let bin_dir = Path::new(bin()).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("pre-commit")
        .current_dir(repo.path())
        .env("PATH", path)
        .env("PRE_COMMIT_HOME", repo.path().join(".pre-commit-cache"))
        .args(["try-repo", root().to_str().unwrap(), "quotecheck-system"])
        .output()
        .expect("pre-commit is installed");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("news/flagged.md:1:22: "), "{stdout}");
    assert!(!stdout.contains("archive/old.md"), "{stdout}");
}
