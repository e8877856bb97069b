//! What a build makes: the documents it renders, and those outside its
//! filters (`--campaign`, `--locale`) that the previous output holds and
//! that it carries over when their inputs did not change.

use std::collections::HashSet;

use super::BuildOptions;
use crate::locale::Catalog;
use crate::output::cache::{self, Cache};
use crate::pipeline::{self, Filter, Job, PlanError};
use crate::workspace::{Format, LocaleId, Workspace};

/// Every document of the new output tree, in a stable order (campaign,
/// locale, document, as the workspace and `pamphlet.toml` list them).
pub struct Plan<'a> {
    pub documents: Vec<Planned<'a>>,
    /// The formats rendered, sorted.
    pub formats: Vec<Format>,
}

#[derive(Debug, Clone, Copy)]
pub struct Planned<'a> {
    pub job: Job<'a>,
    pub role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Asked for: rendered in the build's formats (or reused when unchanged);
    /// its files in other formats are carried over when unchanged.
    Render,
    /// Outside the filters: every file of the previous output carried over
    /// when unchanged, dropped otherwise.
    Carry,
}

impl<'a> Plan<'a> {
    /// Names that match nothing are errors.
    pub fn new(
        ws: &'a Workspace,
        catalog: &Catalog,
        options: &BuildOptions,
        formats: Vec<Format>,
        previous: &Cache,
    ) -> Result<Plan<'a>, PlanError> {
        let filter = Filter {
            campaigns: options.campaigns.clone(),
            locales: options.locales.clone(),
        };
        let asked = pipeline::plan(ws, &filter)?;
        let render = |job| Planned {
            job,
            role: Role::Render,
        };
        if filter.campaigns.is_empty() && filter.locales.is_empty() {
            return Ok(Plan {
                documents: asked.into_iter().map(render).collect(),
                formats,
            });
        }
        let asked: HashSet<(&str, LocaleId, &str)> = asked
            .iter()
            .map(|j| (j.campaign.id.as_str(), j.locale, j.document.id.as_str()))
            .collect();
        let all = pipeline::plan(ws, &Filter::default())?;
        let documents = all
            .into_iter()
            .filter_map(|job| {
                let id = (
                    job.campaign.id.as_str(),
                    job.locale,
                    job.document.id.as_str(),
                );
                if asked.contains(&id) {
                    Some(render(job))
                } else {
                    let cached = previous.documents.contains_key(&cache::key(catalog, &job));
                    cached.then_some(Planned {
                        job,
                        role: Role::Carry,
                    })
                }
            })
            .collect();
        Ok(Plan { documents, formats })
    }

    /// The jobs to render, in plan order.
    pub fn asked(&self) -> impl Iterator<Item = &Job<'a>> {
        self.documents
            .iter()
            .filter(|p| p.role == Role::Render)
            .map(|p| &p.job)
    }
}
