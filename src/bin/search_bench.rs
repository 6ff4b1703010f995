//! The search benchmark's page code: the synthetic catalogue and Frontdoor's on-device search
//! index, exported to JavaScript so a page in headless Chromium can time each query exactly as a
//! keystroke would run it, next to Fuse.js on the same data. Built only with the `bench` feature
//! by `cargo xtask bench`; the SPA never contains it.

use frontdoor::features::groups::{
    search::{GroupDoc, SearchIndex},
    synthetic::{BENCHMARK_QUERIES, synthetic_catalogue},
};
use wasm_bindgen::prelude::*;

/// A generated catalogue and, once built, its search index.
#[wasm_bindgen]
pub struct SearchBench {
    docs: Vec<GroupDoc>,
    index: Option<SearchIndex>,
}

#[wasm_bindgen]
impl SearchBench {
    /// Generates `size` groups from `seed` (the same arguments always give the same groups).
    #[wasm_bindgen(constructor)]
    pub fn new(size: usize, seed: u32) -> SearchBench {
        SearchBench {
            docs: synthetic_catalogue(size, u64::from(seed)),
            index: None,
        }
    }

    /// The catalogue as JSON (`[{title, topic, tags, description}]`), for Fuse.js.
    pub fn catalogue_json(&self) -> String {
        serde_json::to_string(&self.docs).unwrap_or_default()
    }

    /// Builds the index, as the SPA does once when the catalogue arrives.
    pub fn build_index(&mut self) {
        self.index = Some(SearchIndex::build(&self.docs));
    }

    /// Runs one query as a keystroke does and returns how many groups matched.
    pub fn search(&self, query: &str) -> usize {
        self.index
            .as_ref()
            .map_or(0, |index| index.search(query, self.docs.len()).len())
    }
}

/// The fixed list of queries the benchmark times.
#[wasm_bindgen]
pub fn benchmark_queries() -> Vec<String> {
    BENCHMARK_QUERIES.iter().map(|q| (*q).to_owned()).collect()
}

fn main() {}
