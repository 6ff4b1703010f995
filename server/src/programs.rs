//! Programs: the practice's services (IOP, group therapy, …) and their page content.
//!
//! Content arrives as `content/programs/NN-slug.json` files, is checked and loaded into an empty
//! database on first start, and is served as `GET /programs` and `GET /programs/{slug}`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use axum::Json;
use axum::extract::{Path as UrlPath, State};
use frontdoor_contract::{ContentBlock, ProgramPage, ProgramSection, ProgramSummary};
use rusqlite::{OptionalExtension, params};

use crate::app::{ApiRoutes, AppState};
use crate::problem::ApiProblem;
use crate::storage::{SqliteStorage, StorageError};

/// The programs table: one row per program, `body_json` holds its sections.
pub(crate) const SCHEMA: &str = "
CREATE TABLE programs (
    slug      TEXT PRIMARY KEY NOT NULL,
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL,
    summary   TEXT NOT NULL,
    body_json TEXT NOT NULL
) STRICT;
CREATE INDEX programs_by_position ON programs(position);
";

/// The program routes, relative to the API prefix.
pub fn routes() -> ApiRoutes {
    ApiRoutes::new()
        .get("/programs", list_programs)
        .get("/programs/{slug}", program_page)
}

async fn list_programs(
    State(state): State<AppState>,
) -> Result<Json<Vec<ProgramSummary>>, ApiProblem> {
    let programs = state.storage(|s| s.list_programs()).await?;
    Ok(Json(programs))
}

async fn program_page(
    State(state): State<AppState>,
    UrlPath(slug): UrlPath<String>,
) -> Result<Json<ProgramPage>, ApiProblem> {
    let lookup = slug.clone();
    match state.storage(move |s| s.program_page(&lookup)).await? {
        Some(page) => Ok(Json(page)),
        None => Err(ApiProblem::not_found(format!(
            "There is no program called \u{201c}{slug}\u{201d}."
        ))),
    }
}

/// Reading and writing program content.
pub trait ProgramStore {
    /// Every program, in display order.
    fn list_programs(&self) -> Result<Vec<ProgramSummary>, StorageError>;
    /// One program's page, or `None` when no program has this slug.
    fn program_page(&self, slug: &str) -> Result<Option<ProgramPage>, StorageError>;
    /// Stores `pages` (in this order) if and only if no program is stored yet.
    /// Returns whether it stored them.
    fn seed_programs(&self, pages: &[ProgramPage]) -> Result<bool, StorageError>;
    /// How many programs are stored.
    fn program_count(&self) -> Result<u64, StorageError>;
}

impl ProgramStore for SqliteStorage {
    fn list_programs(&self) -> Result<Vec<ProgramSummary>, StorageError> {
        let conn = self.connect()?;
        let mut stmt =
            conn.prepare("SELECT slug, name, summary FROM programs ORDER BY position, slug")?;
        let rows = stmt.query_map([], |row| {
            Ok(ProgramSummary {
                slug: row.get(0)?,
                name: row.get(1)?,
                summary: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn program_page(&self, slug: &str) -> Result<Option<ProgramPage>, StorageError> {
        let conn = self.connect()?;
        let row = conn
            .query_row(
                "SELECT slug, name, summary, body_json FROM programs WHERE slug = ?1",
                params![slug],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, String>(3)?,
                    ))
                },
            )
            .optional()?;
        let Some((slug, name, summary, body_json)) = row else {
            return Ok(None);
        };
        let sections: Vec<ProgramSection> = serde_json::from_str(&body_json)
            .map_err(|e| StorageError::Corrupt(format!("program {slug}: {e}")))?;
        Ok(Some(ProgramPage {
            slug,
            name,
            summary,
            sections,
        }))
    }

    fn seed_programs(&self, pages: &[ProgramPage]) -> Result<bool, StorageError> {
        let mut conn = self.connect()?;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let existing: i64 = tx.query_row("SELECT COUNT(*) FROM programs", [], |row| row.get(0))?;
        if existing > 0 {
            return Ok(false);
        }
        {
            let mut insert = tx.prepare(
                "INSERT INTO programs (slug, position, name, summary, body_json)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (position, page) in pages.iter().enumerate() {
                let body = serde_json::to_string(&page.sections)
                    .map_err(|e| StorageError::Corrupt(e.to_string()))?;
                insert.execute(params![
                    page.slug,
                    position as i64,
                    page.name,
                    page.summary,
                    body
                ])?;
            }
        }
        tx.commit()?;
        Ok(true)
    }

    fn program_count(&self) -> Result<u64, StorageError> {
        let conn = self.connect()?;
        let count: i64 = conn.query_row("SELECT COUNT(*) FROM programs", [], |row| row.get(0))?;
        Ok(u64::try_from(count).unwrap_or(0))
    }
}

/// A program content file that cannot be used, and why.
#[derive(Debug, thiserror::Error)]
#[error("invalid program content file {}: {reason}", path.display())]
pub struct ContentError {
    /// The offending file (or directory).
    pub path: PathBuf,
    /// What is wrong with it.
    pub reason: String,
}

impl ContentError {
    fn new(path: &Path, reason: impl Into<String>) -> Self {
        Self {
            path: path.to_path_buf(),
            reason: reason.into(),
        }
    }
}

/// Loads every `programs/NN-slug.json` file under `content_dir`, sorted by file name, checking
/// each against the contract and the rules a page must follow.
pub fn load_program_files(content_dir: &Path) -> Result<Vec<ProgramPage>, ContentError> {
    let dir = content_dir.join("programs");
    let entries = std::fs::read_dir(&dir).map_err(|e| {
        ContentError::new(
            &dir,
            format!("cannot read the program content directory ({e}); pass --content-dir"),
        )
    })?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| ContentError::new(&dir, e.to_string()))?;
        let path = entry.path();
        if path.extension().is_some_and(|ext| ext == "json") {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(ContentError::new(
            &dir,
            "no NN-slug.json program files found",
        ));
    }

    let mut seen = HashSet::new();
    let mut pages = Vec::with_capacity(files.len());
    for path in files {
        let page = load_program_file(&path)?;
        if !seen.insert(page.slug.clone()) {
            return Err(ContentError::new(
                &path,
                format!("slug \"{}\" is used by another file", page.slug),
            ));
        }
        pages.push(page);
    }
    Ok(pages)
}

/// Reads and checks one program file.
fn load_program_file(path: &Path) -> Result<ProgramPage, ContentError> {
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| ContentError::new(path, "file name is not UTF-8"))?;
    let slug_from_name = file_name
        .strip_suffix(".json")
        .and_then(|stem| stem.split_once('-'))
        .filter(|(order, _)| order.len() == 2 && order.bytes().all(|b| b.is_ascii_digit()))
        .map(|(_, slug)| slug)
        .ok_or_else(|| ContentError::new(path, "file name must look like NN-slug.json"))?;

    let text = std::fs::read_to_string(path).map_err(|e| ContentError::new(path, e.to_string()))?;
    let raw: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| ContentError::new(path, format!("not JSON: {e}")))?;
    let page: ProgramPage = serde_json::from_value(raw.clone())
        .map_err(|e| ContentError::new(path, format!("not a program page: {e}")))?;
    // The contract types ignore unknown members; a misspelt one would silently drop content.
    let round_trip =
        serde_json::to_value(&page).map_err(|e| ContentError::new(path, e.to_string()))?;
    if round_trip != raw {
        return Err(ContentError::new(
            path,
            "contains members the program page format does not know (check spelling)",
        ));
    }
    if page.slug != slug_from_name {
        return Err(ContentError::new(
            path,
            format!(
                "slug \"{}\" does not match the file name's \"{slug_from_name}\"",
                page.slug
            ),
        ));
    }
    validate_page(&page).map_err(|reason| ContentError::new(path, reason))?;
    Ok(page)
}

/// The rules every program page follows beyond its JSON shape.
fn validate_page(page: &ProgramPage) -> Result<(), String> {
    let slug_ok = !page.slug.is_empty()
        && page
            .slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !slug_ok {
        return Err(format!(
            "slug \"{}\" must be lowercase letters, digits and hyphens",
            page.slug
        ));
    }
    if page.name.trim().is_empty() || page.summary.trim().is_empty() {
        return Err("name and summary must not be empty".into());
    }
    if page.sections.is_empty() {
        return Err("a program page needs at least one section".into());
    }
    for section in &page.sections {
        let heading = &section.heading;
        if heading.trim().is_empty() {
            return Err("a section heading is empty".into());
        }
        if section.blocks.is_empty() {
            return Err(format!("section \"{heading}\" has no content"));
        }
        for block in &section.blocks {
            validate_block(block).map_err(|reason| format!("section \"{heading}\": {reason}"))?;
        }
    }
    Ok(())
}

fn validate_block(block: &ContentBlock) -> Result<(), String> {
    match block {
        ContentBlock::Paragraph { text } if text.trim().is_empty() => {
            Err("a paragraph is empty".into())
        }
        ContentBlock::List { items }
            if items.is_empty() || items.iter().any(|i| i.trim().is_empty()) =>
        {
            Err("a list is empty or has an empty item".into())
        }
        ContentBlock::Faq { items }
            if items.is_empty()
                || items
                    .iter()
                    .any(|i| i.question.trim().is_empty() || i.answer.trim().is_empty()) =>
        {
            Err("a FAQ is empty or has an empty question or answer".into())
        }
        ContentBlock::Table {
            caption,
            columns,
            rows,
        } => {
            if caption.trim().is_empty() || columns.is_empty() || rows.is_empty() {
                return Err("a table needs a caption, columns and rows".into());
            }
            match rows.iter().position(|row| row.len() != columns.len()) {
                Some(index) => Err(format!(
                    "table \"{caption}\" row {} has {} cells for {} columns",
                    index + 1,
                    rows[index].len(),
                    columns.len()
                )),
                None => Ok(()),
            }
        }
        ContentBlock::CallToAction { label, href } => {
            if label.trim().is_empty() {
                Err("a call to action has no label".into())
            } else if !is_content_href(href) {
                Err(format!(
                    "call to action \"{label}\" must link to a path such as /call or a tel: number, not \"{href}\""
                ))
            } else {
                Ok(())
            }
        }
        ContentBlock::LinkList { items } => {
            if items.is_empty() {
                return Err("a link list is empty".into());
            }
            for item in items {
                if item.label.trim().is_empty() {
                    return Err("a link in a link list has no label".into());
                }
                if !is_content_href(&item.href) {
                    return Err(format!(
                        "link \"{}\" must go to a path such as /groups?topic=dbt or a tel: number, not \"{}\"",
                        item.label, item.href
                    ));
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Whether content may link to `href`: a path inside Frontdoor or a phone number.
fn is_content_href(href: &str) -> bool {
    (href.starts_with('/') && !href.starts_with("//")) || href.starts_with("tel:")
}

/// Loads the program content files into `storage` if it holds no programs yet.
/// Returns how many programs were loaded (0 when the database already had content).
pub fn seed_if_empty(storage: &dyn ProgramStore, content_dir: &Path) -> Result<usize, SeedError> {
    if storage.program_count()? > 0 {
        return Ok(0);
    }
    let pages = load_program_files(content_dir)?;
    if storage.seed_programs(&pages)? {
        Ok(pages.len())
    } else {
        Ok(0)
    }
}

/// Why seeding failed.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    /// A content file is unusable.
    #[error(transparent)]
    Content(#[from] ContentError),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        let programs = dir.join("programs");
        std::fs::create_dir_all(&programs).expect("mkdir");
        std::fs::write(programs.join(name), text).expect("write");
    }

    const MINIMAL: &str = r#"{"slug":"iop","name":"IOP","summary":"S","sections":[{"heading":"H","blocks":[{"type":"paragraph","text":"T"}]}]}"#;

    #[test]
    fn the_shipped_content_files_are_all_valid_and_in_order() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let pages = load_program_files(&content).expect("shipped content is valid");
        let slugs: Vec<&str> = pages.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(
            slugs,
            [
                "iop",
                "group-therapy",
                "individual-therapy",
                "couples-therapy",
                "family-therapy",
                "teen-therapy",
                "dbt-self-guided"
            ]
        );
    }

    #[test]
    fn a_misspelt_member_names_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(
            dir.path(),
            "01-iop.json",
            &MINIMAL.replace("\"summary\"", "\"sumary\":\"x\",\"summary\""),
        );
        let err = load_program_files(dir.path()).expect_err("refused");
        assert!(err.to_string().contains("01-iop.json"), "{err}");
        assert!(err.reason.contains("spelling"), "{err}");
    }

    #[test]
    fn a_slug_that_differs_from_the_file_name_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "01-teen.json", MINIMAL);
        let err = load_program_files(dir.path()).expect_err("refused");
        assert!(err.reason.contains("does not match"), "{err}");
    }

    #[test]
    fn an_outside_link_in_a_call_to_action_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(
            dir.path(),
            "01-iop.json",
            &MINIMAL.replace(
                r#"{"type":"paragraph","text":"T"}"#,
                r#"{"type":"call_to_action","label":"Go","href":"javascript:alert(1)"}"#,
            ),
        );
        let err = load_program_files(dir.path()).expect_err("refused");
        assert!(err.reason.contains("call to action"), "{err}");
    }

    #[test]
    fn an_outside_link_in_a_link_list_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(
            dir.path(),
            "01-iop.json",
            &MINIMAL.replace(
                r#"{"type":"paragraph","text":"T"}"#,
                r#"{"type":"link_list","items":[{"label":"DBT","href":"/groups?topic=dbt"},{"label":"Away","href":"https://example.com/"}]}"#,
            ),
        );
        let err = load_program_files(dir.path()).expect_err("refused");
        assert!(err.reason.contains("link \"Away\""), "{err}");
    }

    #[test]
    fn a_ragged_table_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(
            dir.path(),
            "01-iop.json",
            &MINIMAL.replace(
                r#"{"type":"paragraph","text":"T"}"#,
                r#"{"type":"table","caption":"C","columns":["a","b"],"rows":[["1"]]}"#,
            ),
        );
        let err = load_program_files(dir.path()).expect_err("refused");
        assert!(err.reason.contains("row 1 has 1 cells"), "{err}");
    }

    #[test]
    fn seeding_stores_pages_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "01-iop.json", MINIMAL);
        let storage = SqliteStorage::open(&dir.path().join("db.sqlite3")).expect("open");
        assert_eq!(seed_if_empty(&storage, dir.path()).expect("seed"), 1);
        assert_eq!(seed_if_empty(&storage, dir.path()).expect("seed"), 0);
        let page = storage.program_page("iop").expect("read").expect("present");
        assert_eq!(page.sections[0].heading, "H");
        assert!(storage.program_page("nope").expect("read").is_none());
    }
}
