//! Translation status: for each campaign × locale, how many of the messages
//! the campaign prints are translated, untranslated (copied from the source
//! without a `# same-as-source` mark, [`crate::locale::copies`]), missing,
//! stale or broken, how many of the translated ones were never reviewed, and
//! how many source words are left to translate. `pamphlet status` prints it;
//! `out/index.html` shows the same numbers.
//!
//! *Unreviewed* is a part of *translated*, not a state of its own: a
//! translation without a record in `reviewed.toml` prints, and counts as
//! done, but a later change of its source cannot be reported as stale, so
//! the number tells a team what `pamphlet review` has yet to confirm.
//!
//! Computed from the loaded catalog alone (bundles, review records, trial
//! resolution with the campaign's variables): no file is read here.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use crate::locale::review::{self, Review, StaleMessage};
use crate::locale::{Catalog, Fallback, to_args};
use crate::workspace::{Campaign, LocaleId, MessageRef, PerLocale, Text};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// Messages the campaign prints (by id; attributes count with their message).
    pub total: usize,
    pub translated: usize,
    /// Present and resolving, but the same as the source's text and not
    /// marked `# same-as-source`: a translation never done.
    pub untranslated: usize,
    pub missing: usize,
    pub stale: usize,
    /// Broken in its file, failing to resolve, or with an error `pamphlet
    /// check` reports in it (an unknown variable in any variant, a broken
    /// reference, an unsafe character …).
    pub errors: usize,
    /// Of the translated messages, those without a review record.
    pub unreviewed: usize,
    /// Words of the source text of every message not translated (untranslated, missing, stale or broken).
    pub words_left: usize,
    pub percent: usize,
    /// The stale messages, with the source text reviewed and today's.
    pub stale_messages: Vec<StaleMessage>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CampaignRow {
    pub campaign: String,
    /// One cell per locale, in the order of `Status::locales`.
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocaleTotal {
    pub locale: String,
    #[serde(flatten)]
    pub cell: Cell,
    /// Messages and terms the locale has but the source no longer does.
    pub obsolete: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub locales: Vec<String>,
    pub campaigns: Vec<CampaignRow>,
    pub totals: Vec<LocaleTotal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Translated,
    Untranslated,
    Missing,
    Stale,
    Error,
}

/// Whole percent, rounded down so that 99.6 % never shows as complete.
pub fn percent(part: usize, total: usize) -> usize {
    (part * 100).checked_div(total).unwrap_or(100)
}

impl Cell {
    fn add(&mut self, state: State, words: usize, review: Option<Review>) {
        self.total += 1;
        match state {
            State::Translated => self.translated += 1,
            State::Untranslated => self.untranslated += 1,
            State::Missing => self.missing += 1,
            State::Stale => self.stale += 1,
            State::Error => self.errors += 1,
        }
        if state == State::Translated && review == Some(Review::Unreviewed) {
            self.unreviewed += 1;
        }
        if state != State::Translated {
            self.words_left += words;
        }
        self.percent = percent(self.translated, self.total);
    }
}

fn state(
    catalog: &Catalog,
    locale: LocaleId,
    msg: &MessageRef,
    args: &fluent_bundle::FluentArgs,
    flagged: &Flagged,
) -> State {
    let data = &catalog.locales[locale];
    // in the file but unusable (a syntax error, an unindented line), or
    // with an error `check` reports (which the trial resolution below may
    // not meet: a misspelled variable in a variant the campaign's numbers
    // do not select): an error to fix, not a message to add or a done one
    if data.broken.contains_key(msg.id.as_str()) || flagged[locale].contains(msg.id.as_str()) {
        return State::Error;
    }
    if !data.bundle.has_message(&msg.id) {
        return State::Missing;
    }
    if review::is_stale(catalog, locale, &msg.id) {
        return State::Stale;
    }
    match catalog.resolve(locale, msg, args) {
        Ok(r) if r.fallback.is_none() => translated_or_copied(catalog, locale, &msg.id),
        Ok(r) if r.fallback.as_ref().is_some_and(|f| f.missing) => State::Missing,
        _ => State::Error,
    }
}

fn words(catalog: &Catalog, id: &str) -> usize {
    let Some(text) = catalog.locales[catalog.source].entry_text(id) else {
        return 0;
    };
    // the text after `id =`, without placeables, select syntax and comments
    let body = text.split_once('=').map_or("", |(_, b)| b);
    body.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(|l| l.split_whitespace())
        .filter(|w| {
            w.chars().any(char::is_alphabetic)
                && !w.starts_with(['{', '$', '[', '*', '-', '.'])
                && !w.ends_with('}')
        })
        .count()
}

/// The entries (`msg`, `-term`) of each locale in which `pamphlet check`
/// reports an error; the command layer computes them with `check`'s own
/// code, so that both count the same messages.
pub type Flagged = PerLocale<BTreeSet<String>>;

/// Computes the matrix for `campaigns` and every locale of the catalog by
/// resolving each message with the campaign's variables; a message in
/// `flagged` is an error whatever it resolves to.
pub fn compute(catalog: &Catalog, campaigns: &[Campaign], flagged: &Flagged) -> Status {
    let all: Vec<&Campaign> = campaigns.iter().collect();
    compute_with(catalog, &all, |c, locale, text| {
        let args = to_args(campaigns[c].vars.iter().chain(&text.args));
        state(catalog, locale, &text.msg, &args, flagged)
    })
}

/// A message the locale prints itself: translated, or copied from the source.
fn translated_or_copied(catalog: &Catalog, locale: LocaleId, id: &str) -> State {
    if catalog.copies(locale, id).is_empty() {
        State::Translated
    } else {
        State::Untranslated
    }
}

/// The state of a message from the fallbacks a build recorded for it:
/// translated unless it fell back (missing or broken), is stale or is an
/// unmarked copy of the source.
pub fn state_from_fallbacks<'f>(
    catalog: &Catalog,
    locale: LocaleId,
    id: &str,
    fallbacks: impl IntoIterator<Item = &'f Fallback>,
) -> State {
    let fell_back = fallbacks
        .into_iter()
        .find(|f| f.message.split('.').next() == Some(id));
    match fell_back {
        Some(f) if f.missing => State::Missing,
        Some(_) => State::Error,
        None if review::is_stale(catalog, locale, id) => State::Stale,
        None => translated_or_copied(catalog, locale, id),
    }
}

/// Computes the matrix with `state_of(campaign index, locale, first use of
/// the message in the campaign)`, one locale per thread.
pub fn compute_with(
    catalog: &Catalog,
    campaigns: &[&Campaign],
    state_of: impl Fn(usize, LocaleId, &Text) -> State + Sync,
) -> Status {
    let matrix = Matrix::new(catalog, campaigns);
    let columns = catalog
        .locales
        .ids()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|l| matrix.column(catalog, l, &state_of))
        .collect();
    matrix.assemble(columns)
}

/// The status matrix built one locale (column) at a time: what every column
/// shares is computed once, from the campaigns and the source locale, so that
/// a build can fill in each locale's column while that locale is loaded.
pub struct Matrix<'c> {
    campaigns: Vec<&'c Campaign>,
    /// Each campaign's messages (attributes count with their message) in id
    /// order, each with its number among all ids and its first use.
    messages: Vec<Vec<(usize, &'c Text)>>,
    /// The source's word count of each numbered id.
    word_counts: Vec<usize>,
}

/// One locale's column: a cell per campaign, and the locale's totals.
#[derive(Debug, Clone)]
pub struct Column {
    cells: Vec<Cell>,
    total: LocaleTotal,
    /// The messages counted untranslated, each once, in id order.
    pub untranslated: Vec<String>,
}

impl<'c> Matrix<'c> {
    pub fn new(catalog: &Catalog, campaigns: &[&'c Campaign]) -> Self {
        // every message id any campaign prints, numbered; then each campaign's
        // messages in id order, each with its number and its first use
        let mut numbers: HashMap<&str, usize> = HashMap::new();
        let messages: Vec<Vec<(usize, &Text)>> = campaigns
            .iter()
            .map(|campaign| {
                let mut first_use: BTreeMap<&str, &Text> = BTreeMap::new();
                for t in campaign.texts() {
                    first_use.entry(t.msg.id.as_str()).or_insert(t);
                }
                first_use
                    .into_iter()
                    .map(|(id, t)| {
                        let next = numbers.len();
                        (*numbers.entry(id).or_insert(next), t)
                    })
                    .collect()
            })
            .collect();
        let mut ids = vec![""; numbers.len()];
        for (id, n) in &numbers {
            ids[*n] = id;
        }
        let word_counts = ids.par_iter().map(|id| words(catalog, id)).collect();
        Matrix {
            campaigns: campaigns.to_vec(),
            messages,
            word_counts,
        }
    }

    /// The campaigns, in row order (the `c` of `column`'s `state_of`).
    pub fn campaigns(&self) -> &[&'c Campaign] {
        &self.campaigns
    }

    /// The column of locale `l`, which must be loaded in `catalog`.
    pub fn column(
        &self,
        catalog: &Catalog,
        l: LocaleId,
        state_of: impl Fn(usize, LocaleId, &Text) -> State,
    ) -> Column {
        let data = &catalog.locales[l];
        let source = &catalog.locales[catalog.source];
        let mut total = Cell::default();
        let mut counted = vec![false; self.word_counts.len()];
        let mut untranslated = Vec::new();
        let cells = self
            .messages
            .iter()
            .enumerate()
            .map(|(c, msgs)| {
                let mut cell = Cell::default();
                for &(n, text) in msgs {
                    let s = state_of(c, l, text);
                    let id = text.msg.id.as_str();
                    let review = review::review(catalog, l, id);
                    let stale = (s == State::Stale)
                        .then(|| review::stale_message(catalog, l, id))
                        .flatten();
                    cell.add(s, self.word_counts[n], review);
                    cell.stale_messages.extend(stale.clone());
                    if !counted[n] {
                        counted[n] = true;
                        total.add(s, self.word_counts[n], review);
                        total.stale_messages.extend(stale);
                        if s == State::Untranslated {
                            untranslated.push(text.msg.id.clone());
                        }
                    }
                }
                cell
            })
            .collect();
        total.stale_messages.sort_by(|a, b| a.id.cmp(&b.id));
        // every id the locale defines, against the source's
        let obsolete = data
            .index
            .keys()
            .filter(|id| !source.index.contains_key(*id))
            .count();
        untranslated.sort();
        Column {
            cells,
            untranslated,
            total: LocaleTotal {
                locale: data.tag.clone(),
                cell: total,
                obsolete,
            },
        }
    }

    /// The matrix from every locale's column, in catalog order.
    pub fn assemble(self, columns: Vec<Column>) -> Status {
        let mut rows: Vec<CampaignRow> = self
            .campaigns
            .iter()
            .map(|c| CampaignRow {
                campaign: c.id.clone(),
                cells: Vec::with_capacity(columns.len()),
            })
            .collect();
        let mut totals = Vec::with_capacity(columns.len());
        for column in columns {
            for (row, cell) in rows.iter_mut().zip(column.cells) {
                row.cells.push(cell);
            }
            totals.push(column.total);
        }
        Status {
            locales: totals.iter().map(|t| t.locale.clone()).collect(),
            campaigns: rows,
            totals,
        }
    }
}

impl Status {
    /// Keeps only the columns of these locales.
    pub fn only(&mut self, locales: &[LocaleId]) {
        fn pick<T>(v: &mut Vec<T>, locales: &[LocaleId]) {
            // the columns are in catalog order, one per locale
            let mut column = 0;
            v.retain(|_| {
                column += 1;
                locales.iter().any(|l| l.index() == column - 1)
            });
        }
        pick(&mut self.locales, locales);
        pick(&mut self.totals, locales);
        for row in &mut self.campaigns {
            pick(&mut row.cells, locales);
        }
    }

    /// A plain-text table: one block per campaign, a row per locale.
    pub fn to_table(&self) -> String {
        fn row(tag: &str, c: &Cell, obsolete: &str) -> String {
            let done = format!("{}/{}", c.translated, c.total);
            format!(
                "{tag:<12} {done:>10} {:>12} {:>7} {:>7} {:>6} {:>10} {:>6} {:>7}% {obsolete:>9}\n",
                c.untranslated, c.missing, c.stale, c.errors, c.unreviewed, c.words_left, c.percent
            )
        }
        let header = format!(
            "{:<12} {:>10} {:>12} {:>7} {:>7} {:>6} {:>10} {:>6} {:>8} {:>9}\n",
            "locale",
            "translated",
            "untranslated",
            "missing",
            "stale",
            "errors",
            "unreviewed",
            "words",
            "complete",
            "obsolete"
        );
        let mut out = String::new();
        for campaign in &self.campaigns {
            out.push_str(&format!("{}\n{header}", campaign.campaign));
            for (tag, c) in self.locales.iter().zip(&campaign.cells) {
                out.push_str(&row(tag, c, ""));
            }
            out.push('\n');
        }
        out.push_str(&format!("all campaigns\n{header}"));
        for t in &self.totals {
            out.push_str(&row(&t.locale, &t.cell, &t.obsolete.to_string()));
        }
        out
    }

    /// A Markdown table: campaigns as rows, locales as columns, percent complete
    /// with the count of what is left; then the totals per locale.
    pub fn to_markdown(&self) -> String {
        let mut out = format!(
            "| campaign | {} |\n|---|{}\n",
            self.locales.join(" | "),
            "---|".repeat(self.locales.len())
        );
        for row in &self.campaigns {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|c| {
                    if c.translated == c.total {
                        "100 %".to_owned()
                    } else {
                        format!("{} % ({} left)", c.percent, c.total - c.translated)
                    }
                })
                .collect();
            out.push_str(&format!("| {} | {} |\n", row.campaign, cells.join(" | ")));
        }
        out.push_str("\n| locale | translated | untranslated | missing | stale | errors | unreviewed | words left | complete | obsolete |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for t in &self.totals {
            let c = &t.cell;
            out.push_str(&format!(
                "| {} | {}/{} | {} | {} | {} | {} | {} | {} | {} % | {} |\n",
                t.locale,
                c.translated,
                c.total,
                c.untranslated,
                c.missing,
                c.stale,
                c.errors,
                c.unreviewed,
                c.words_left,
                c.percent,
                t.obsolete
            ));
        }
        out
    }
}
