//! Test cases as data: a workspace written from a fixture and a few edits
//! (each a copy: no test changes a shared fixture), one command run on it,
//! and its outcome asserted whole: the exit code, the exact error output,
//! and what happened to `out/`.
//!
//! ```ignore
//! Case::fixture("mini")
//!     .edit("campaigns/notice.toml", "edition = \"2\"", "editon = \"2\"")
//!     .run(&["build"])
//!     .code(1)
//!     .stderr(r#"
//! error[toml]: unknown field `editon`, …
//! "#)
//!     .nothing_written();
//! ```
//!
//! An expected text starts after its first line break, so that it can be
//! written flush left under the call. The workspace's temporary path is
//! written `[ROOT]` in it, and in the lines that report timings (`phases:`,
//! `fonts:` and the closing `built …` line) each duration is written `[T] s`,
//! the thread count `[N] threads` and the count of system fonts `[N] from
//! the system`, as they differ from run to run and machine to machine; a
//! staging folder's process id (`.out.staging-[PID]`) likewise.
//! When the output differs, the failure names the first line that differs
//! and prints the whole output between `--- actual ---` and `--- end ---`,
//! ready to paste.
//!
//! A case that breaks a workspace which built before (`.built()`) can assert
//! that the refused build left `out/` byte for byte as it was
//! (`.out_unchanged()`).

use super::*;

pub struct Case {
    dir: tempfile::TempDir,
    /// `out/` as `built` left it.
    built: Option<Vec<(String, Vec<u8>)>>,
}

impl Case {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Case {
        Case {
            dir: fixture(name),
            built: None,
        }
    }

    /// A copy of the sample workspace at the repository root.
    pub fn sample() -> Case {
        Case {
            dir: sample_workspace(),
            built: None,
        }
    }

    /// A workspace the test prepared in `dir` itself.
    pub fn of(dir: tempfile::TempDir) -> Case {
        Case { dir, built: None }
    }

    /// An empty folder (not a workspace).
    pub fn empty() -> Case {
        Case {
            dir: tempfile::tempdir().unwrap(),
            built: None,
        }
    }

    /// Builds the workspace as it is, which must succeed, and keeps `out/`
    /// to compare with ([`Ran::out_unchanged`]).
    pub fn built(mut self) -> Case {
        self.run(&["build"]).code(0);
        self.built = Some(tree(&self.root().join("out")));
        self
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Replaces the first `from` in `file` with `to`; `from` must occur.
    pub fn edit(self, file: &str, from: &str, to: &str) -> Case {
        let path = self.root().join(file);
        let text = read(&path);
        assert!(text.contains(from), "{file} lacks {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        self
    }

    /// Writes `file` (its folders made as needed).
    pub fn write(self, file: &str, contents: impl AsRef<[u8]>) -> Case {
        let path = self.root().join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
        self
    }

    /// Appends raw bytes to `file`.
    pub fn append(self, file: &str, bytes: impl AsRef<[u8]>) -> Case {
        let path = self.root().join(file);
        let mut all = std::fs::read(&path).unwrap();
        all.extend_from_slice(bytes.as_ref());
        std::fs::write(path, all).unwrap();
        self
    }

    /// Puts raw bytes before the start of `file`.
    pub fn prepend(self, file: &str, bytes: impl AsRef<[u8]>) -> Case {
        let path = self.root().join(file);
        let mut all = bytes.as_ref().to_vec();
        all.extend(std::fs::read(&path).unwrap());
        std::fs::write(path, all).unwrap();
        self
    }

    /// Removes `path`, a file or a whole folder.
    pub fn remove(self, path: &str) -> Case {
        let path = self.root().join(path);
        if path.is_dir() {
            std::fs::remove_dir_all(path).unwrap();
        } else {
            std::fs::remove_file(path).unwrap();
        }
        self
    }

    /// The text of `file` in the workspace.
    pub fn read(&self, file: &str) -> String {
        read(&self.root().join(file))
    }

    /// The text of `file` in `out/`.
    pub fn out(&self, file: &str) -> String {
        read(&self.root().join("out").join(file))
    }

    pub fn rename(self, from: &str, to: &str) -> Case {
        std::fs::rename(self.root().join(from), self.root().join(to)).unwrap();
        self
    }

    /// Makes `link` a symbolic link to `target` (a path inside the workspace).
    #[cfg(unix)]
    pub fn symlink(self, target: &str, link: &str) -> Case {
        std::os::unix::fs::symlink(self.root().join(target), self.root().join(link)).unwrap();
        self
    }

    /// Runs `pamphlet --root <workspace> <args>`.
    pub fn run(&self, args: &[&str]) -> Ran<'_> {
        Ran {
            case: self,
            output: pamphlet(self.root(), args),
        }
    }

    /// Runs `pamphlet --root <workspace> <args>` with the environment
    /// variable `name` set to `value`.
    pub fn run_with_env(&self, (name, value): (&str, &str), args: &[&str]) -> Ran<'_> {
        let output = Command::new(env!("CARGO_BIN_EXE_pamphlet"))
            .arg("--root")
            .arg(self.root())
            .args(args)
            .env(name, value)
            .output()
            .unwrap();
        Ran { case: self, output }
    }

    /// Runs `pamphlet --root <workspace> <args>` from `sh` after the shell
    /// commands `setup` (such as `ulimit`), which the process inherits.
    #[cfg(unix)]
    pub fn run_after_shell(&self, setup: &str, args: &[&str]) -> Ran<'_> {
        let output = Command::new("sh")
            .arg("-c")
            .arg(format!("{setup}\nexec \"$@\""))
            .arg("sh")
            .arg(env!("CARGO_BIN_EXE_pamphlet"))
            .arg("--root")
            .arg(self.root())
            .args(args)
            .output()
            .unwrap();
        Ran { case: self, output }
    }
}

/// What one command did, to assert on.
pub struct Ran<'c> {
    case: &'c Case,
    output: Output,
}

impl Ran<'_> {
    pub fn code(self, expected: i32) -> Self {
        assert_eq!(
            code(&self.output),
            expected,
            "exit code; stderr:\n{}",
            self.stderr_text()
        );
        self
    }

    /// The error output, exactly (see the module's doc for the form).
    pub fn stderr(self, expected: &str) -> Self {
        let expected = expected.strip_prefix('\n').unwrap_or(expected);
        let actual = self.stderr_text();
        assert!(
            actual == expected,
            "{}",
            differs("stderr", &actual, expected)
        );
        self
    }

    /// The standard output, exactly (the same form as [`Ran::stderr`]).
    pub fn stdout(self, expected: &str) -> Self {
        let expected = expected.strip_prefix('\n').unwrap_or(expected);
        let actual = String::from_utf8_lossy(&self.output.stdout);
        assert!(
            actual == expected,
            "{}",
            differs("stdout", &actual, expected)
        );
        self
    }

    /// The standard output as bytes, for output a test parses (JSON).
    pub fn stdout_bytes(&self) -> Vec<u8> {
        self.output.stdout.clone()
    }

    /// The process was ended by `SIGABRT` (a fault point, or a panic in a
    /// debug build that aborts) instead of exiting.
    #[cfg(unix)]
    pub fn aborted(self) -> Self {
        use std::os::unix::process::ExitStatusExt;
        // SIGABRT's number on Linux, macOS and the BSDs
        const SIGABRT: i32 = 6;
        assert_eq!(
            self.output.status.signal(),
            Some(SIGABRT),
            "{:?}; stderr:\n{}",
            self.output.status,
            self.stderr_text()
        );
        self
    }

    /// No output folder was made.
    pub fn nothing_written(self) -> Self {
        assert!(!self.case.root().join("out").exists(), "nothing is written");
        self
    }

    /// `out/` is byte for byte as [`Case::built`] left it.
    pub fn out_unchanged(self) -> Self {
        let before = self.case.built.as_ref().expect("the case was built first");
        assert!(
            *before == tree(&self.case.root().join("out")),
            "out/ must be unchanged; stderr:\n{}",
            self.stderr_text()
        );
        self
    }

    fn stderr_text(&self) -> String {
        let root = self.case.root().to_string_lossy().into_owned();
        let text = stderr(&self.output).replace(&root, "[ROOT]");
        let text = pids_blanked(&text, ".staging-");
        text.split_inclusive('\n').map(timings_blanked).collect()
    }
}

/// `text` with the digits after each `prefix` written `[PID]`.
fn pids_blanked(text: &str, prefix: &str) -> String {
    let mut parts = text.split(prefix);
    let mut out = parts.next().unwrap_or("").to_owned();
    for part in parts {
        let digits = part.len() - part.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        out += prefix;
        out += if digits > 0 { "[PID]" } else { "" };
        out += &part[digits..];
    }
    out
}

/// The failure message of an output that is not `expected`: both whole (the
/// actual one ready to paste), after the first line that differs.
fn differs(what: &str, actual: &str, expected: &str) -> String {
    let (mut a, mut e) = (actual.lines(), expected.lines());
    let mut n = 1;
    let first = loop {
        match (a.next(), e.next()) {
            (Some(x), Some(y)) if x == y => n += 1,
            (None, None) => break "the same lines, not the same line ends".to_owned(),
            (x, y) => {
                let show = |l: Option<&str>| l.map_or("(no line)".to_owned(), |l| format!("{l:?}"));
                break format!(
                    "line {n}:\n  actual:   {}\n  expected: {}",
                    show(x),
                    show(y)
                );
            }
        }
    };
    format!(
        "{what} differs at {first}\n--- actual ---\n{actual}--- end ---\n--- expected ---\n{expected}--- end ---"
    )
}

/// `line` with its durations written `[T] s`, its closing thread count `on
/// [N] threads` and its count of system fonts `[N] from the system`, when it
/// is one of the lines that report them.
fn timings_blanked(line: &str) -> String {
    if !["phases: ", "fonts: ", "built "]
        .iter()
        .any(|p| line.starts_with(p))
    {
        return line.to_owned();
    }
    let (body, end) = line.split_at(line.trim_end_matches('\n').len());
    let mut words: Vec<&str> = body.split(' ').collect();
    let decimal = |w: &str| w.contains('.') && w.chars().all(|c| c.is_ascii_digit() || c == '.');
    for i in 0..words.len() {
        let unit = words
            .get(i + 1)
            .map(|w| w.trim_end_matches([',', ';', ')']));
        if decimal(words[i]) && unit == Some("s") {
            words[i] = "[T]";
        }
        let system = words.get(i + 1..i + 4) == Some(&["from", "the", "system,"]);
        if system && words[i].parse::<usize>().is_ok() {
            words[i] = "[N]";
        }
    }
    if let [.., on, n, thread] = words.as_mut_slice()
        && *on == "on"
        && n.parse::<usize>().is_ok()
        && thread.starts_with("thread")
    {
        (*n, *thread) = ("[N]", "threads");
    }
    words.join(" ") + end
}
