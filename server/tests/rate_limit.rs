//! The POST rate limit as a client over it meets it.

#[path = "support/server.rs"]
mod support;

use frontdoor_contract::problem::PROBLEM_JSON;
use support::{TestServer, header, test_config};

#[tokio::test]
async fn posts_over_the_limit_get_429_with_retry_after_and_reads_go_on() {
    let (mut config, _data) = test_config();
    config.rate_limit = 2;
    let server = TestServer::start_with(config).await;
    let post = || async {
        server
            .client
            .post(server.url("/api/v1/programs"))
            .header("content-type", "application/json")
            .body("{}")
            .send()
            .await
            .expect("POST")
    };
    assert_eq!(post().await.status(), 405);
    assert_eq!(post().await.status(), 405);
    let refused = post().await;
    assert_eq!(refused.status(), 429);
    assert_eq!(header(&refused, "content-type"), PROBLEM_JSON);
    let wait: u64 = header(&refused, "retry-after").parse().expect("seconds");
    assert!((1..=60).contains(&wait), "{wait}");

    assert_eq!(server.get("/api/v1/programs").await.status(), 200);
}
