//! `contract/openapi.yaml`, `app::ROUTES` and the running router describe the same API.

#[path = "support/server.rs"]
mod support;

use std::collections::BTreeSet;

use frontdoor_contract::problem::PROBLEM_JSON;
use frontdoor_server::app::{ROUTES, api_routes, declared_routes};
use support::{TestServer, header};

const METHODS: [&str; 7] = ["get", "put", "post", "delete", "options", "head", "patch"];

fn openapi_routes() -> BTreeSet<(String, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../contract/openapi.yaml");
    let text = std::fs::read_to_string(path).expect("contract/openapi.yaml");
    let doc: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).expect("valid YAML");
    let version = doc["openapi"].as_str().expect("openapi version");
    assert!(version.starts_with("3.1"), "OpenAPI 3.1, got {version}");
    assert_eq!(doc["servers"][0]["url"].as_str(), Some("/api/v1"));
    let paths = doc["paths"].as_mapping().expect("paths");
    let mut routes = BTreeSet::new();
    for (path, item) in paths {
        let path = path.as_str().expect("path key");
        let item = item.as_mapping().expect("path item");
        for method in METHODS {
            if item.contains_key(method) {
                routes.insert((method.to_ascii_uppercase(), path.to_owned()));
            }
        }
    }
    routes
}

#[test]
fn openapi_lists_exactly_the_server_routes() {
    let documented = openapi_routes();
    let declared = declared_routes();
    assert_eq!(declared.len(), ROUTES.len(), "ROUTES has duplicates");
    let undocumented: Vec<_> = declared.difference(&documented).collect();
    let unserved: Vec<_> = documented.difference(&declared).collect();
    assert!(
        undocumented.is_empty() && unserved.is_empty(),
        "served but not in openapi.yaml: {undocumented:?}; in openapi.yaml but not served: {unserved:?}"
    );
}

#[test]
fn the_router_registers_exactly_the_declared_routes() {
    assert_eq!(api_routes().registered(), declared_routes());
}

/// `/programs/{slug}` → `/api/v1/programs/x`.
fn concrete(path: &str) -> String {
    let filled: Vec<String> = path
        .split('/')
        .map(|segment| {
            if segment.starts_with('{') {
                "x".to_owned()
            } else {
                segment.to_owned()
            }
        })
        .collect();
    format!("/api/v1{}", filled.join("/"))
}

#[tokio::test]
async fn every_declared_route_answers_and_no_other_method_does() {
    let server = TestServer::start().await;
    let declared = declared_routes();
    let paths: BTreeSet<&str> = ROUTES.iter().map(|(_, path)| *path).collect();
    for path in paths {
        for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] {
            let url = server.url(&concrete(path));
            let response = server
                .client
                .request(method.parse().expect("method"), &url)
                .header("content-type", "application/json")
                .body("{}")
                .send()
                .await
                .expect("request");
            let status = response.status().as_u16();
            if declared.contains(&(method.to_owned(), path.to_owned())) {
                assert_ne!(status, 405, "{method} {path} is declared but refused");
                if status == 404 {
                    let body: serde_json::Value = response.json().await.expect("problem");
                    assert_ne!(
                        body["detail"], "There is no API resource at this address.",
                        "{method} {path} is declared but has no route"
                    );
                }
            } else {
                assert_eq!(status, 405, "{method} {path} answers but is not declared");
                assert_eq!(header(&response, "content-type"), PROBLEM_JSON);
            }
        }
    }
}
