//! The programs API as the SPA and other clients meet it.

#[path = "support/server.rs"]
mod support;

use frontdoor_contract::{ContentBlock, ProgramPage, ProgramSummary, problem::PROBLEM_JSON};
use frontdoor_server::app::AppState;
use support::{TestServer, header, test_config};

const SLUGS: [&str; 7] = [
    "iop",
    "group-therapy",
    "individual-therapy",
    "couples-therapy",
    "family-therapy",
    "teen-therapy",
    "dbt-self-guided",
];

async fn page(server: &TestServer, slug: &str) -> ProgramPage {
    let response = server.get(&format!("/api/v1/programs/{slug}")).await;
    assert_eq!(response.status(), 200, "{slug}");
    response.json().await.expect("program page JSON")
}

fn calls_to_action(page: &ProgramPage) -> Vec<(String, String)> {
    page.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            ContentBlock::CallToAction { label, href } => Some((label.clone(), href.clone())),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn lists_the_seven_programs_in_order_with_their_names() {
    let server = TestServer::start().await;
    let response = server.get("/api/v1/programs").await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), "application/json");
    let programs: Vec<ProgramSummary> = response.json().await.expect("JSON");
    let slugs: Vec<&str> = programs.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, SLUGS);
    assert_eq!(programs[0].name, "Intensive Outpatient Program (IOP)");
    assert_eq!(programs[1].name, "Online group therapy");
    assert_eq!(programs[6].name, "DBT self-guided program");
    assert!(programs.iter().all(|p| !p.summary.is_empty()));
}

#[tokio::test]
async fn the_iop_page_explains_the_program_and_offers_the_self_check() {
    let server = TestServer::start().await;
    let iop = page(&server, "iop").await;
    assert_eq!(iop.name, "Intensive Outpatient Program (IOP)");

    let headings: Vec<&str> = iop.sections.iter().map(|s| s.heading.as_str()).collect();
    assert!(
        headings.contains(&"What is an Intensive Outpatient Program?"),
        "{headings:?}"
    );
    assert!(headings.contains(&"Is IOP right for me?"), "{headings:?}");

    let text = serde_json::to_string(&iop).expect("serialise");
    assert!(text.contains("3 to 5 hours"), "a week's shape is explained");
    assert!(text.contains("evening"), "evening sessions are mentioned");

    let table = iop
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            ContentBlock::Table { columns, rows, .. } => Some((columns, rows)),
            _ => None,
        })
        .expect("a comparison table");
    assert_eq!(
        table.0[1..],
        [
            "Weekly therapy",
            "Intensive Outpatient Program (IOP)",
            "Inpatient care"
        ]
    );
    assert!(table.1.iter().all(|row| row.len() == table.0.len()));

    assert!(calls_to_action(&iop).contains(&("Is IOP right for me?".into(), "/self-check".into())));

    let last_faq = iop
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .rev()
        .find_map(|b| match b {
            ContentBlock::Faq { items } => items.last(),
            _ => None,
        })
        .expect("FAQs");
    assert!(
        last_faq.answer.contains("healthcare provider"),
        "{}",
        last_faq.answer
    );
}

#[tokio::test]
async fn every_other_program_is_a_full_page_offering_a_coordinator_call() {
    let server = TestServer::start().await;
    for slug in &SLUGS[1..] {
        let page = page(&server, slug).await;
        assert!(page.sections.len() >= 4, "{slug} is more than a stub");
        let headings: Vec<&str> = page.sections.iter().map(|s| s.heading.as_str()).collect();
        assert!(
            headings.iter().any(|h| h.starts_with("Who ")),
            "{slug} says who it helps: {headings:?}"
        );
        assert_eq!(
            headings.last(),
            Some(&"Frequently asked questions"),
            "{slug}"
        );
        let faqs = page
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .find_map(|b| match b {
                ContentBlock::Faq { items } => Some(items),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{slug} has FAQs"));
        assert!(
            faqs.iter().any(|faq| faq.answer.contains("988")),
            "{slug}'s FAQs say where to turn in a crisis"
        );
        assert!(
            calls_to_action(&page).contains(&(
                "Book a free call with a care coordinator".into(),
                "/call".into()
            )),
            "{slug}"
        );
    }
}

#[tokio::test]
async fn group_therapy_links_each_topic_into_the_filtered_group_search() {
    let server = TestServer::start().await;
    let groups = page(&server, "group-therapy").await;
    assert!(calls_to_action(&groups).contains(&("Find a group".into(), "/groups".into())));
    let topics = groups
        .sections
        .iter()
        .find(|s| s.heading == "Topics")
        .expect("a Topics section");
    let links = topics
        .blocks
        .iter()
        .find_map(|b| match b {
            ContentBlock::LinkList { items } => Some(items),
            _ => None,
        })
        .expect("topics as a list of links");
    assert!(links.len() >= 16, "the practice's topics: {}", links.len());
    let grief = links
        .iter()
        .find(|link| link.label == "Grief & loss")
        .expect("Grief & loss");
    assert_eq!(grief.href, "/groups?topic=grief-loss");
    assert!(
        links
            .iter()
            .all(|link| link.href.starts_with("/groups?topic=")),
        "{links:?}"
    );
}

#[tokio::test]
async fn an_unknown_program_is_a_404_problem() {
    let server = TestServer::start().await;
    let response = server.get("/api/v1/programs/astrology").await;
    assert_eq!(response.status(), 404);
    assert_eq!(header(&response, "content-type"), PROBLEM_JSON);
    let body: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(body["status"], 404);
    assert_eq!(body["title"], "Not found");
    assert_eq!(body["type"], "about:blank");
}

#[tokio::test]
async fn an_unknown_api_route_is_a_404_problem_not_the_spa() {
    let server = TestServer::start().await;
    for path in [
        "/api/v1/nothing-here",
        "/api/v1",
        "/api/v2/programs",
        "/api",
    ] {
        let response = server.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        assert_eq!(header(&response, "content-type"), PROBLEM_JSON, "{path}");
        let body: serde_json::Value = response.json().await.expect("JSON");
        assert_eq!(body["status"], 404, "{path}");
    }
}

#[tokio::test]
async fn a_wrong_method_is_a_405_problem() {
    let server = TestServer::start().await;
    let response = server
        .client
        .delete(server.url("/api/v1/programs/iop"))
        .send()
        .await
        .expect("DELETE");
    assert_eq!(response.status(), 405);
    assert_eq!(header(&response, "content-type"), PROBLEM_JSON);
    assert!(header(&response, "allow").contains("GET"));
    let body: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(body["status"], 405);
}

#[tokio::test]
async fn a_body_over_64_kib_is_a_413_problem() {
    let server = TestServer::start().await;
    let big = format!("{{\"note\":\"{}\"}}", "a".repeat(70 * 1024));
    let response = server
        .client
        .post(server.url("/api/v1/programs"))
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 413);
    assert_eq!(header(&response, "content-type"), PROBLEM_JSON);
    let body: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(body["status"], 413);
}

#[tokio::test]
async fn content_is_seeded_once_and_kept_across_restarts() {
    let content = tempfile::tempdir().expect("content dir");
    let programs = content.path().join("programs");
    std::fs::create_dir(&programs).expect("mkdir");
    for entry in std::fs::read_dir(support::shipped_content().join("programs")).expect("ls") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), programs.join(entry.file_name())).expect("copy");
    }
    let (mut config, _data) = test_config();
    config.content_dir = content.path().to_path_buf();

    let server = TestServer::start_with(config.clone()).await;
    let first: Vec<ProgramSummary> = server
        .get("/api/v1/programs")
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(first.len(), 7);
    server.stop().await;

    // The web team edits the files; the running database keeps what it has.
    std::fs::remove_file(programs.join("07-dbt-self-guided.json")).expect("rm");
    std::fs::write(programs.join("01-iop.json"), "not json").expect("write");

    let server = TestServer::start_with(config).await;
    let second: Vec<ProgramSummary> = server
        .get("/api/v1/programs")
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(second, first);
    server.stop().await;
}

#[tokio::test]
async fn an_invalid_content_file_stops_startup_naming_the_file() {
    let content = tempfile::tempdir().expect("content dir");
    let programs = content.path().join("programs");
    std::fs::create_dir(&programs).expect("mkdir");
    std::fs::write(
        programs.join("01-iop.json"),
        r#"{"slug":"iop","name":"IOP"}"#,
    )
    .expect("write");
    let (mut config, _data) = test_config();
    config.content_dir = content.path().to_path_buf();

    let error = match AppState::open(&config) {
        Ok(_) => panic!("startup must fail"),
        Err(error) => error.to_string(),
    };
    assert!(error.contains("01-iop.json"), "{error}");
    assert!(error.contains("missing field"), "{error}");
}
