//! Checking a sent exchange file against today's units, and planning the
//! `.ftl` edits it makes.
//!
//! Every problem is collected (with the exchange file's line and column)
//! before anything is planned: a wrong target locale, an id the source does
//! not have, a variant key the locale or the source does not have, an
//! inline code broken, added, altered or dropped, a changed unit with an
//! untranslated variant. A unit whose segments equal today's translation is
//! unchanged and leaves its entry alone, so an untouched export imports as
//! no change at all.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::merge::{self, Edit, Segments};
use super::units::{Exchange, LocaleFile, Piece, Segment, State, Text, Unit};
use super::{Sent, SentSegment};
use crate::source::Position;

/// A value's or attribute's segments: keys and the text to write.
type OwnedSegments<'k> = Vec<(&'k [super::Key], Text)>;

/// A problem in a sent file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: Position,
    pub message: String,
    pub hint: Option<String>,
}

/// Why a sent file cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("{} in the exchange file", crate::diagnostics::plural(.0.len(), "problem", "problems"))]
    Problems(Vec<Problem>),
}

/// One `.ftl` file to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Path inside the locale folder.
    pub path: String,
    pub text: String,
    /// Does the file not exist yet?
    pub created: bool,
}

/// What importing a sent file does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub files: Vec<Change>,
    /// Entries (`msg`, `-term`) rewritten or added.
    pub changed: Vec<String>,
    /// Entries the translator confirmed: to record as reviewed.
    pub confirmed: Vec<String>,
    /// Entries changed without confirmation: their review record goes.
    pub unconfirmed: Vec<String>,
}

fn problem(at: Position, message: impl Into<String>) -> Problem {
    Problem {
        at,
        message: message.into(),
        hint: None,
    }
}

/// Does a locale tag name the same locale as another (case, `_`, canonical form aside)?
pub fn same_locale(a: &str, b: &str) -> bool {
    let canon = |s: &str| {
        s.replace('_', "-")
            .parse::<unic_langid::LanguageIdentifier>()
            .map(|l| l.to_string())
            .unwrap_or_else(|_| s.to_ascii_lowercase())
    };
    canon(a) == canon(b)
}

/// Matches a sent segment to today's segment of the unit.
fn find_segment<'u>(
    unit: &'u Unit,
    s: &SentSegment,
    categories: &[&str],
    locale: &str,
) -> Result<&'u Segment, Problem> {
    match &s.keys {
        None => unit.segments.get(s.index).ok_or_else(|| {
            problem(
                s.at,
                format!(
                    "'{}' has {} segments; this is segment {}",
                    unit.id,
                    unit.segments.len(),
                    s.index + 1
                ),
            )
        }),
        Some(keys) => {
            let found = unit.segments.iter().find(|seg| {
                seg.keys.len() == keys.len()
                    && seg
                        .keys
                        .iter()
                        .all(|k| keys.iter().any(|(s, v)| *s == k.selector && *v == k.key))
            });
            found.ok_or_else(|| {
                for (sel, key) in keys {
                    let plural = unit
                        .segments
                        .iter()
                        .flat_map(|s| &s.keys)
                        .any(|k| k.selector == *sel && k.plural);
                    if plural
                        && crate::locale::plurals::CATEGORIES.contains(&key.as_str())
                        && !categories.contains(&key.as_str())
                    {
                        return Problem {
                            at: s.at,
                            message: format!(
                                "'{}': {locale} has no plural category '{key}' (for {sel})",
                                unit.id
                            ),
                            hint: Some(format!(
                                "{locale} uses {}; translate the segments exported for them",
                                categories.join(", ")
                            )),
                        };
                    }
                }
                let named: Vec<String> = keys.iter().map(|(s, k)| format!("{s}={k}")).collect();
                problem(
                    s.at,
                    format!(
                        "'{}' has no variant [{}] in the source",
                        unit.id,
                        named.join("][")
                    ),
                )
            })
        }
    }
}

fn code_counts(t: &Text) -> BTreeMap<&str, usize> {
    let mut m = BTreeMap::new();
    for p in t {
        if let Piece::Code(c) = p {
            *m.entry(c.as_str()).or_default() += 1;
        }
    }
    m
}

/// Checks `sent` against today's units `current` (exported from the
/// target locale's files `target_files`, path and text) and plans the edits.
pub fn plan(
    sent: &Sent,
    current: &Exchange,
    target_files: &[LocaleFile],
    categories: &[&str],
) -> Result<Plan, ImportError> {
    let mut problems = Vec::new();
    let locale = current.target_lang.as_str();
    if !same_locale(&sent.target_lang, locale) {
        problems.push(problem(
            sent.target_lang_at,
            format!(
                "the file is a translation into {}, not {locale}",
                sent.target_lang
            ),
        ));
        return Err(ImportError::Problems(problems));
    }
    let units: HashMap<&str, &Unit> = current.units().map(|u| (u.id.as_str(), u)).collect();
    // unit id → segment index → (new text, confirmed)
    let mut accepted: HashMap<&str, (BTreeMap<usize, Text>, bool)> = HashMap::new();
    let mut seen: HashMap<&str, Position> = HashMap::new();
    for su in &sent.units {
        if let Some(first) = seen.insert(su.id.as_str(), su.at) {
            problems.push(problem(
                su.at,
                format!(
                    "'{}' is in the file twice (first at line {})",
                    su.id, first.line
                ),
            ));
            continue;
        }
        let Some(unit) = units.get(su.id.as_str()) else {
            problems.push(Problem {
                at: su.at,
                message: format!("'{}' is not a message of the source locale", su.id),
                hint: Some(
                    "export again: the message may have been renamed or removed since".into(),
                ),
            });
            continue;
        };
        let mut texts = BTreeMap::new();
        let mut changed = false;
        let mut confirmed = true;
        let mut matched = Vec::new();
        for s in &su.segments {
            for (at, why) in &s.broken {
                problems.push(problem(*at, format!("'{}': {why}", su.id)));
            }
            let seg = match find_segment(unit, s, categories, locale) {
                Ok(seg) => seg,
                Err(p) => {
                    problems.push(p);
                    continue;
                }
            };
            let i = unit
                .segments
                .iter()
                .position(|x| std::ptr::eq(x, seg))
                .expect("a segment of the unit");
            confirmed &= s.confirmed && s.target.is_some();
            if let Some(t) = &s.target {
                if seg.target.as_ref() != Some(t) {
                    changed = true;
                }
                texts.insert(i, t.clone());
                matched.push((s, seg));
            }
        }
        if !changed {
            accepted.insert(unit.id.as_str(), (BTreeMap::new(), confirmed));
            continue;
        }
        // placeables of a changed unit: the codes of its source, or of
        // today's translation, each kept
        let known: BTreeSet<&str> = unit
            .segments
            .iter()
            .flat_map(|s| s.source.iter().chain(s.target.iter().flatten()))
            .filter_map(|p| match p {
                Piece::Code(c) => Some(c.as_str()),
                Piece::Text(_) => None,
            })
            .collect();
        for (s, seg) in &matched {
            let t = s.target.as_ref().expect("matched with a target");
            let have = code_counts(t);
            for c in have.keys() {
                if !known.contains(c) {
                    problems.push(Problem {
                        at: s.at,
                        message: format!("'{}': the placeable `{c}` is not in the source", su.id),
                        hint: Some("keep placeables exactly as exported; a changed name or an added one cannot be filled in".into()),
                    });
                }
            }
            for (c, n) in code_counts(&seg.source) {
                if have.get(c).copied().unwrap_or(0) < n {
                    problems.push(Problem {
                        at: s.at,
                        message: format!(
                            "'{}': the placeable `{c}` of the source is missing",
                            su.id
                        ),
                        hint: Some("put it back where the sentence needs it".into()),
                    });
                }
            }
        }
        for (i, seg) in unit.segments.iter().enumerate() {
            if let std::collections::btree_map::Entry::Vacant(slot) = texts.entry(i) {
                match &seg.target {
                    Some(t) => {
                        slot.insert(t.clone());
                    }
                    None => problems.push(problem(
                        su.at,
                        format!(
                            "'{}': segment {} has no translation; translate every variant of a changed message",
                            su.id,
                            i + 1
                        ),
                    )),
                }
            }
        }
        accepted.insert(unit.id.as_str(), (texts, confirmed));
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.at);
        return Err(ImportError::Problems(problems));
    }

    // where each entry is, and each commented-out skeleton: (file, id) found
    // in one pass over every file
    let mut defined: HashMap<&str, usize> = HashMap::new();
    let mut skeletons: HashMap<&str, usize> = HashMap::new();
    for (i, LocaleFile { text: t, .. }) in target_files.iter().enumerate() {
        for line in t.lines() {
            if let Some(id) = merge::starts_entry(line) {
                defined.entry(id).or_insert(i);
            } else if let Some(id) = line.strip_prefix("# ").and_then(merge::starts_entry) {
                skeletons.entry(id).or_insert(i);
            }
        }
    }
    let mut plan = Plan::default();
    // edits by target file path
    let mut edits: BTreeMap<String, Vec<Edit>> = BTreeMap::new();
    let mut entries_done = BTreeSet::new();
    for file in &current.files {
        for u in &file.units {
            if !entries_done.insert(u.entry.as_str()) {
                continue;
            }
            let entry_units: Vec<&Unit> =
                file.units.iter().filter(|x| x.entry == u.entry).collect();
            let sent_here: Vec<&(BTreeMap<usize, Text>, bool)> = entry_units
                .iter()
                .filter_map(|x| accepted.get(x.id.as_str()))
                .collect();
            if sent_here.is_empty() {
                continue;
            }
            let changed = sent_here.iter().any(|(t, _)| !t.is_empty());
            let confirmed = sent_here.iter().all(|(_, c)| *c);
            if !changed {
                if confirmed && matches!(u.state, State::Stale | State::Unreviewed) {
                    plan.confirmed.push(u.entry.clone());
                }
                continue;
            }
            // the whole entry, new segments over today's
            let mut parts: Vec<(Option<&str>, OwnedSegments)> = Vec::new();
            for x in &entry_units {
                let new = accepted.get(x.id.as_str()).map(|(t, _)| t);
                let segs: Option<OwnedSegments> = x
                    .segments
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let t = new.and_then(|n| n.get(&i)).or(s.target.as_ref())?;
                        Some((s.keys.as_slice(), t.clone()))
                    })
                    .collect();
                if let Some(segs) = segs {
                    parts.push((x.attr.as_deref(), segs));
                }
            }
            let value: Option<Segments> = parts
                .iter()
                .find(|(a, _)| a.is_none())
                .map(|(_, v)| v.iter().map(|(k, t)| (*k, t)).collect());
            let attrs: Vec<(&str, Segments)> = parts
                .iter()
                .filter_map(|(a, v)| Some(((*a)?, v.iter().map(|(k, t)| (*k, t)).collect())))
                .collect();
            if value.is_none() && attrs.is_empty() {
                continue;
            }
            let text = merge::entry_text(&u.entry, value.as_ref(), &attrs);
            match defined.get(u.entry.as_str()) {
                Some(&i) => {
                    edits
                        .entry(target_files[i].path.clone())
                        .or_default()
                        .push(Edit::Replace {
                            id: u.entry.clone(),
                            text,
                        })
                }
                None => {
                    let existing = skeletons
                        .get(u.entry.as_str())
                        .map(|&i| &target_files[i])
                        .or_else(|| target_files.iter().find(|f| f.path == file.path));
                    let after = existing.and_then(|LocaleFile { path: p, .. }| {
                        file.units
                            .iter()
                            .take_while(|x| x.entry != u.entry)
                            .map(|x| x.entry.as_str())
                            .filter(|e| defined.get(e).is_some_and(|&i| target_files[i].path == *p))
                            .last()
                            .map(str::to_owned)
                    });
                    let path = existing.map_or(&file.path, |f| &f.path);
                    edits.entry(path.clone()).or_default().push(Edit::Insert {
                        id: u.entry.clone(),
                        after,
                        text,
                    });
                }
            }
            plan.changed.push(u.entry.clone());
            if confirmed {
                plan.confirmed.push(u.entry.clone());
            } else {
                plan.unconfirmed.push(u.entry.clone());
            }
        }
    }
    for (path, list) in edits {
        let old = target_files.iter().find(|f| f.path == path);
        let text = merge::apply(old.map_or("", |f| f.text.as_str()), &list);
        plan.files.push(Change {
            path,
            text,
            created: old.is_none(),
        });
    }
    Ok(plan)
}
