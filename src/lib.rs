//! Frontdoor SPA.
