//! The practice's programs: the list and one program's page.

use std::future::Future;

use frontdoor_contract::{ProgramPage, ProgramSummary};

use super::{ApiError, api_url, get_json, path_segment};

/// `GET {api_base}/programs`: every program, in the practice's order.
pub fn list_programs(
    api_base: &str,
) -> impl Future<Output = Result<Vec<ProgramSummary>, ApiError>> + use<> {
    get_json(api_url(api_base, "/programs"))
}

/// `GET {api_base}/programs/{slug}`: one program's page; a 404 problem when there is none.
pub fn program_page(
    api_base: &str,
    slug: &str,
) -> impl Future<Output = Result<ProgramPage, ApiError>> + use<> {
    get_json(api_url(
        api_base,
        &format!("/programs/{}", path_segment(slug)),
    ))
}
