//! `pamphlet serve` run as a user runs it: over HTTP (what it answers, to
//! whom, through bad input and a deleted `out/`, and a clean exit on
//! Ctrl-C), and in headless Chromium driven by tests/browser/serve.mjs
//! (reload after an edit, the overlay of a failed build and its removal).
//!
//! The browser test needs Chromium (`/usr/bin/chromium`, or the path in
//! PAMPHLET_CHROMIUM), Node and `npm ci --prefix tests/browser`; without
//! them it is skipped with a note, unless PAMPHLET_REQUIRE_BROWSER=1 (set by
//! `.ci/run`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, ExitStatus, Stdio};
use std::sync::{Arc, Mutex, mpsc};

use super::*;

/// A running `pamphlet serve` and everything it printed so far.
struct Served {
    child: Child,
    /// `127.0.0.1:PORT`
    addr: String,
    log: Arc<Mutex<String>>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Served {
    /// Starts serving `root` on a free port; returns once the first build
    /// is done and the server answers.
    fn start(root: &Path) -> Served {
        Served::start_with(root, &[], &[])
    }

    /// Starts serving with more arguments and environment variables.
    fn start_with(root: &Path, args: &[&str], env: &[(&str, &std::ffi::OsStr)]) -> Served {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pamphlet"))
            .arg("--root")
            .arg(root)
            .args(["serve", "--port", "0"])
            .args(args)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        let reader = {
            let log = log.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines() {
                    let Ok(line) = line else { break };
                    if let Some(url) = line.split_whitespace().find(|w| w.starts_with("http://")) {
                        let _ = tx.send(url.trim_end_matches('/').replace("http://", ""));
                    }
                    let mut log = log.lock().unwrap();
                    log.push_str(&line);
                    log.push('\n');
                }
            })
        };
        // the sender is dropped if the server exits without listening
        let addr = rx.recv().unwrap_or_else(|_| {
            let _ = child.wait();
            panic!("serve did not start:\n{}", log.lock().unwrap())
        });
        Served {
            child,
            addr,
            log,
            reader: Some(reader),
        }
    }

    fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Ctrl-C; waits for the exit and returns its status and the whole log.
    fn interrupt(mut self) -> (ExitStatus, String) {
        let pid = i32::try_from(self.child.id()).unwrap();
        // SAFETY: sends a signal to our own child process
        unsafe {
            libc::kill(pid, libc::SIGINT);
        }
        let status = self.child.wait().unwrap();
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        let log = self.log.lock().unwrap().clone();
        (status, log)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A raw HTTP/1.1 request; the status code and the body.
fn request(addr: &str, raw: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.write_all(raw.as_bytes()).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// Sends `raw` and closes the sending half; whatever comes back is ignored.
fn junk_request(addr: &str, raw: &str) {
    let mut stream = TcpStream::connect(addr).unwrap();
    let _ = stream.write_all(raw.as_bytes());
    let _ = stream.shutdown(std::net::Shutdown::Write);
    // only so that a server that answers nothing cannot hang the test
    let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(10)));
    let _ = stream.read_to_end(&mut Vec::new());
}

fn get(addr: &str, path: &str, host: &str) -> (u16, String) {
    request(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
    )
}

#[cfg(unix)]
#[test]
fn serve_answers_only_inside_out_to_this_machine_and_stops_cleanly() {
    let ws = fixture("mini");
    let served = Served::start(ws.path());
    let addr = served.addr.clone();
    let local = format!("localhost:{}", addr.rsplit(':').next().unwrap());

    let (status, page) = get(&addr, "/notice/ru/flyer.html", &local);
    assert_eq!(status, 200);
    assert!(page.contains("<script data-pamphlet-serve>"), "{page}");
    let (status, home) = get(&addr, "/", &addr);
    assert_eq!(status, 200);
    assert!(home.contains("<script data-pamphlet-serve>"));
    // the script is put in as pages are sent, never into out/
    for (path, bytes) in tree(&ws.path().join("out")) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("pamphlet-serve"),
            "{path} holds the reload script"
        );
    }
    // text files are sent as they are
    let (status, text) = get(&addr, "/notice/ru/flyer.txt", &addr);
    assert_eq!(status, 200);
    assert!(!text.contains("<script"));

    // DNS rebinding: a foreign name for this address is refused
    assert_eq!(get(&addr, "/", "attacker.example").0, 403);
    assert_eq!(
        get(
            &addr,
            "/",
            &format!("attacker.example:{}", local.split(':').nth(1).unwrap())
        )
        .0,
        403
    );
    // nothing outside out/, nothing hidden in it, no listings
    for path in [
        "/../pamphlet.toml",
        "/%2e%2e/pamphlet.toml",
        "/notice/%2e%2e/%2e%2e/pamphlet.toml",
        "/.pamphlet-cache.json",
        "/notice/ru/",
    ] {
        let (status, body) = get(&addr, path, &addr);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("[project]"), "{path}: {body}");
    }
    // a symlink out of out/
    std::os::unix::fs::symlink(
        ws.path().join("pamphlet.toml"),
        ws.path().join("out/leak.txt"),
    )
    .unwrap();
    assert_eq!(get(&addr, "/leak.txt", &addr).0, 404);
    // bad input does not stop it
    for junk in [
        "\r\n\r\n",
        "GARBAGE\r\n\r\n",
        "GET /\0 HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: \u{7f}\u{1}\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\nab",
    ] {
        junk_request(&addr, junk);
    }
    assert_eq!(
        request(
            &addr,
            &format!(
                "PUT / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
            )
        )
        .0,
        405
    );
    assert_eq!(get(&addr, "/", &addr).0, 200);

    // out/ deleted by hand: asked for, it is built again
    std::fs::remove_dir_all(ws.path().join("out")).unwrap();
    let (status, body) = get(&addr, "/notice/ru/flyer.html", &addr);
    assert_eq!(status, 404);
    assert!(body.contains("being built again"), "{body}");
    wait_for(|| get(&addr, "/notice/ru/flyer.html", &addr).0 == 200);

    // edits: each build after the first stages into the tree the one
    // before replaced, which waits beside out/ until serve stops
    let names = || -> Vec<String> {
        std::fs::read_dir(ws.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    let ru = ws.path().join("locales/ru/notice.ftl");
    for title in ["Первый заголовок", "Второй заголовок", "Третий заголовок"]
    {
        let text: Vec<String> = std::fs::read_to_string(&ru)
            .unwrap()
            .lines()
            .map(|l| {
                if l.starts_with("notice-title =") {
                    format!("notice-title = {title}")
                } else {
                    l.to_owned()
                }
            })
            .collect();
        std::fs::write(&ru, text.join("\n") + "\n").unwrap();
        wait_for(|| get(&addr, "/notice/ru/flyer.html", &addr).1.contains(title));
    }
    let kept = names();
    assert!(
        kept.iter().any(|n| n.starts_with(".out.retired-")),
        "{kept:?}"
    );

    let (status, log) = served.interrupt();
    assert_eq!(status.code(), Some(0), "{log}");
    assert!(log.contains("stopping"), "{log}");
    // the lock is free, and neither a staging folder nor the kept tree is left
    let lock = std::fs::File::open(ws.path().join("out.lock")).unwrap();
    lock.try_lock().unwrap();
    let left = names();
    assert!(!left.iter().any(|n| n.starts_with(".out.")), "{left:?}");
}

#[cfg(unix)]
#[test]
fn serve_follows_a_new_output_folder_and_opens_the_review_page() {
    use std::os::unix::fs::PermissionsExt;
    let ws = fixture("mini");
    // a stand-in browser: `--open` runs xdg-open with the review page's URL
    let bin = tempfile::tempdir().unwrap();
    let opened = bin.path().join("opened.txt");
    let opener = bin.path().join("xdg-open");
    std::fs::write(
        &opener,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display()),
    )
    .unwrap();
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = std::env::join_paths(std::iter::once(bin.path().to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    let served = Served::start_with(ws.path(), &["--open"], &[("PATH", path.as_os_str())]);
    let addr = served.addr.clone();
    wait_for(|| opened.exists() && !read(&opened).is_empty());
    assert_eq!(read(&opened), served.url());

    // `output` changed while serving: the new folder is built and served
    let settings = ws.path().join("pamphlet.toml");
    let text = read(&settings);
    std::fs::write(
        &settings,
        text.replacen("[project]\n", "[project]\noutput = \"public\"\n", 1),
    )
    .unwrap();
    wait_for(|| ws.path().join("public/notice/ru/flyer.html").exists());
    std::fs::write(
        ws.path().join("public/notice/ru/flyer.html"),
        "<p>only in public/</p>",
    )
    .unwrap();
    wait_for(|| {
        get(&addr, "/notice/ru/flyer.html", &addr)
            .1
            .contains("only in public/")
    });
    // and its removal by hand, not the old folder's, asks for a rebuild
    std::fs::remove_dir_all(ws.path().join("public")).unwrap();
    wait_for(|| ws.path().join("public/notice/ru/flyer.html").exists());
    let (status, page) = get(&addr, "/notice/ru/flyer.html", &addr);
    assert_eq!(status, 200);
    assert!(page.contains("<script data-pamphlet-serve>"), "{page}");
    let (status, log) = served.interrupt();
    assert_eq!(status.code(), Some(0), "{log}");
}

#[cfg(unix)]
#[test]
fn with_pdfs_the_pages_are_rebuilt_and_shown_before_the_pdfs() {
    let ws = fixture("mini");
    let settings = ws.path().join("pamphlet.toml");
    let text = read(&settings);
    std::fs::write(
        &settings,
        text.replacen(
            "[project]\n",
            "[project]\nformats = [\"html\", \"pdf\"]\n",
            1,
        ),
    )
    .unwrap();
    let served = Served::start(ws.path());
    let addr = served.addr.clone();
    let ru = ws.path().join("locales/ru/notice.ftl");
    let pdf_sha = || {
        manifest_files(&ws.path().join("out"))
            .into_iter()
            .find(|f| f["path"] == "notice/ru/flyer.pdf")
            .map(|f| f["sha256"].as_str().unwrap().to_string())
    };
    let first_pdf = pdf_sha().unwrap();
    std::fs::write(
        &ru,
        read(&ru).replace("Зарегистрируйте адрес", "Быстрый просмотр"),
    )
    .unwrap();
    wait_for(|| {
        get(&addr, "/notice/ru/flyer.html", &addr)
            .1
            .contains("Быстрый просмотр")
    });
    // then the PDF of the changed document, in a second build
    wait_for(|| pdf_sha().is_some_and(|sha| sha != first_pdf));
    let (status, log) = served.interrupt();
    assert_eq!(status.code(), Some(0), "{log}");
    let after = log.split("changed: locales/ru/notice.ftl").nth(1).unwrap();
    let built: Vec<&str> = after.lines().filter(|l| l.starts_with("built ")).collect();
    assert_eq!(built.len(), 2, "{log}");
    assert!(built[0].starts_with("built 3 files"), "{log}");
    assert!(built[1].starts_with("built 6 files"), "{log}");
}

/// Waits (polling) until `done`; a server that never gets there fails the
/// test through the test harness's own time limit, not a timed assertion.
fn wait_for(mut done: impl FnMut() -> bool) {
    while !done() {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[cfg(unix)]
#[test]
fn serve_reloads_edited_pages_and_shows_failed_builds_in_chromium() {
    let Some((chromium, driver)) = browser_driver("serve.mjs") else {
        return;
    };
    let ws = fixture("mini");
    let served = Served::start(ws.path());
    let run = Command::new("node")
        .arg(driver)
        .arg(served.url())
        .arg(ws.path())
        .arg(chromium)
        .output()
        .unwrap();
    let steps = String::from_utf8_lossy(&run.stdout).into_owned();
    let (status, log) = served.interrupt();
    assert!(
        run.status.success(),
        "{steps}\n{}\nserve printed:\n{log}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(steps.matches("ok: ").count(), 10, "{steps}");
    assert_eq!(status.code(), Some(0), "{log}");
    // the terminal printed the failure once, however many pages showed it
    assert_eq!(log.matches("error[ftl-syntax]").count(), 1, "{log}");
    // the edited translation is in out/, the source locale as it was
    assert!(read(&ws.path().join("out/notice/ru/flyer.html")).contains("Живая правка"));
}
