//! The HTTP side of the preview: files of the output folder, the reload
//! script put into the HTML pages as they are sent, and each open page's
//! stream of server-sent events (`/__pamphlet/events`).
//!
//! Every request first passes the `Host` check ([`super::host`]); a file is
//! found only through [`super::confine`]; only `GET` and `HEAD` are
//! answered. Nothing is cached by the browser (`Cache-Control: no-store`),
//! so a reload always reads the current tree. A page that is not there (yet)
//! is answered with a small page that reloads after the next good build;
//! when the output folder itself is gone, the rebuild loop is asked to
//! build it again.

use std::convert::Infallible;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use futures_util::stream::{self, Stream};
use tokio::sync::broadcast;

use super::confine::{self, Refused};
use super::host::Hosts;
use super::reload::{self, Live, Page, PageEvent};
use super::watch::Signal;

/// The path of the event stream.
pub const EVENTS: &str = "/__pamphlet/events";

/// What the server's handlers share.
pub struct Site {
    pub live: Arc<Live>,
    pub hosts: Hosts,
    /// To ask the rebuild loop for a build (the output folder is gone).
    pub rebuild: Sender<Signal>,
}

/// The router: one handler for everything.
pub fn router(site: Arc<Site>) -> axum::Router {
    axum::Router::new().fallback(handle).with_state(site)
}

async fn handle(State(site): State<Arc<Site>>, request: Request) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| request.uri().authority().map(|a| a.as_str()));
    if !host.is_some_and(|h| site.hosts.allows(h)) {
        return plain(
            StatusCode::FORBIDDEN,
            "pamphlet serve answers only to localhost and the address it is bound to\n",
        );
    }
    let method = request.method().clone();
    if method != Method::GET && method != Method::HEAD {
        let mut response = plain(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n");
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let path = request.uri().path().to_string();
    if path == EVENTS {
        let page = page_of(request.uri().query().unwrap_or(""));
        return events(&site.live, &page).into_response();
    }
    let live = site.live.clone();
    let rebuild = site.rebuild.clone();
    // hyper leaves out the body of an answer to HEAD, keeping its length
    let found = tokio::task::spawn_blocking(move || file(&live, &path, &rebuild)).await;
    found.unwrap_or_else(|_| {
        plain(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the file could not be read\n",
        )
    })
}

/// A file of the output folder, HTML with the reload script.
fn file(live: &Live, url_path: &str, rebuild: &Sender<Signal>) -> Response {
    let rel = match confine::relative(url_path) {
        Ok(rel) => rel,
        Err(_) => return plain(StatusCode::NOT_FOUND, "no such page\n"),
    };
    // the generation is read before the file: the file is then at least as
    // new as the generation it is marked with, never older
    let (out, generation) = live.current();
    let path = match confine::resolve(&out, &rel) {
        Ok(path) => path,
        Err(Refused::Outside) => return plain(StatusCode::NOT_FOUND, "no such page\n"),
        Err(Refused::Missing) => return missing(live, &out, &rel, generation, rebuild),
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        // swapped away between resolving and reading: as if missing
        Err(_) => return missing(live, &out, &rel, generation, rebuild),
    };
    let kind = content_type(&path);
    let body = if kind.starts_with("text/html") {
        reload::inject(&bytes, &rel, live.instance(), generation)
    } else {
        bytes
    };
    let mut response = Response::new(Body::from(body));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// The answer for a page that is not there: a page that reloads after the
/// next good build. When the output folder itself is gone, a build is asked
/// for.
fn missing(
    live: &Live,
    out: &Path,
    rel: &str,
    generation: u64,
    rebuild: &Sender<Signal>,
) -> Response {
    let gone = !out.is_dir();
    if gone {
        let _ = rebuild.send(Signal::Rebuild);
    }
    let what = if gone {
        "The output folder is missing; it is being built again."
    } else {
        "This page is not in the output folder. It will appear here if the next build makes it."
    };
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>\
         <body><h1>Not found: {}</h1><p>{what}</p><p><a href=\"/\">The review page</a></p></body></html>",
        escape(rel)
    );
    let body = reload::inject(
        html.as_bytes(),
        reload::ANY_PAGE,
        live.instance(),
        generation,
    );
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = StatusCode::NOT_FOUND;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The page an event stream is for, from its query string.
fn page_of(query: &str) -> Page {
    let mut page = Page {
        name: reload::ANY_PAGE.to_string(),
        instance: 0,
        generation: 0,
    };
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_encoding::percent_decode_str(value).decode_utf8_lossy();
        match key {
            "page" => page.name = value.into_owned(),
            "instance" => page.instance = value.parse().unwrap_or(0),
            "generation" => page.generation = value.parse().unwrap_or(0),
            _ => {}
        }
    }
    page
}

/// One page's event stream: what it missed, then what each build tells it.
fn events(live: &Live, page: &Page) -> Sse<impl Stream<Item = Result<Event, Infallible>> + use<>> {
    let (first, rx) = live.subscribe(page);
    let later = stream::unfold((rx, page.clone()), |(mut rx, page)| async move {
        let events = match rx.recv().await {
            Ok(message) => page.events(&message),
            // too far behind to know: reloading is always safe
            Err(broadcast::error::RecvError::Lagged(_)) => vec![PageEvent::Reload],
            Err(broadcast::error::RecvError::Closed) => return None,
        };
        Some((stream::iter(events), (rx, page)))
    });
    let all = stream::iter(first).chain(later.flatten()).map(event);
    Sse::new(all).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

fn event(e: PageEvent) -> Result<Event, Infallible> {
    let (name, data) = e.name_and_data();
    Ok(Event::default().event(name).data(data))
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    let mut response = (status, text).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The media type of a file of the output folder, by its extension.
fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "svg" => "image/svg+xml",
        "css" => "text/css; charset=utf-8",
        "woff2" => "font/woff2",
        "vtt" => "text/vtt; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_names_the_page_and_its_generation() {
        let page = page_of("page=rights%2Fru%2Fbrochure.html&instance=42&generation=7");
        assert_eq!(page.name, "rights/ru/brochure.html");
        assert_eq!((page.instance, page.generation), (42, 7));
        let junk = page_of("generation=x&&=&page");
        assert_eq!((junk.name.as_str(), junk.generation), ("", 0));
        assert_eq!(page_of("").name, reload::ANY_PAGE);
    }
}
