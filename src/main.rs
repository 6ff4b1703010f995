//! Starts Frontdoor in the browser: mounts [`frontdoor::App`] into the page's body.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(frontdoor::App);
}
