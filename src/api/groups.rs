//! The group catalogue and its waitlists.

use std::future::Future;

use frontdoor_contract::{Group, GroupCatalogue, WaitlistEntry, WaitlistRequest};

use super::{
    ApiError, IdempotencyKey, api_url, get_json,
    http::{RequestOptions, get_json_with},
    path_segment, post_json_idempotent,
};

/// `GET {api_base}/groups`: the whole catalogue with seats left and the next sessions.
pub fn list_groups(
    api_base: &str,
) -> impl Future<Output = Result<GroupCatalogue, ApiError>> + use<> {
    get_json(api_url(api_base, "/groups"))
}

/// `GET {api_base}/groups/{id}`: one group; a 404 problem when there is none.
pub fn group(api_base: &str, id: &str) -> impl Future<Output = Result<Group, ApiError>> + use<> {
    get_json(api_url(api_base, &format!("/groups/{}", path_segment(id))))
}

/// `POST {api_base}/groups/{id}/waitlist`: joins a full group's waitlist. A 409 problem when
/// the group has seats again (reserve one instead).
pub fn join_waitlist(
    api_base: &str,
    group_id: &str,
    request: &WaitlistRequest,
    key: &IdempotencyKey,
) -> impl Future<Output = Result<WaitlistEntry, ApiError>> + use<> {
    post_json_idempotent(
        api_url(
            api_base,
            &format!("/groups/{}/waitlist", path_segment(group_id)),
        ),
        request,
        key,
    )
}

/// `GET {api_base}/groups/{id}/waitlist/{reference}` with the place's token: the current place
/// in line; a 404 problem once the place is gone or for a wrong token.
pub fn waitlist_place(
    api_base: &str,
    group_id: &str,
    reference: &str,
    token: &str,
) -> impl Future<Output = Result<WaitlistEntry, ApiError>> + use<> {
    get_json_with(
        api_url(
            api_base,
            &format!(
                "/groups/{}/waitlist/{}",
                path_segment(group_id),
                path_segment(reference)
            ),
        ),
        RequestOptions {
            bearer: Some(token.to_owned()),
            ..RequestOptions::default()
        },
    )
}
