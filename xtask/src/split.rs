//! `cargo xtask split-wasm`: splits the SPA's wasm into the module a first visit needs and the
//! feature modules that load on demand (see `src/on_demand.rs`).
//!
//! Trunk runs it as a `post_build` hook (Trunk.toml), so every `trunk build` produces the split
//! site. By then Trunk has built `frontdoor.wasm` (linked with `--emit-relocs`, see
//! `.cargo/config.toml`), run wasm-bindgen on it and written `index.html` into its staging
//! folder. This step splits the Cargo output, runs wasm-bindgen on the new main module (keeping
//! the exports the feature modules link against), optimises every module with wasm-opt in a
//! release build, and puts the results in the staging folder:
//!
//! - `frontdoor-<hash>.js` and `frontdoor-<hash>_bg.wasm` replace Trunk's files of those names
//!   (Trunk's `<hash>` is taken from the same Cargo output, so it still changes with the code);
//! - `frontdoor-split-<hash>.js` is the loader the main module imports;
//! - `feature-<name>-<content hash>.wasm` are the on-demand modules.
//!
//! The `integrity` attributes in `index.html` are recomputed, and the loader gets a
//! `modulepreload` link so it is fetched alongside the main module.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use base64::Engine as _;
use sha2::{Digest, Sha256, Sha384};

use crate::cmd::{self, tool};
use crate::workspace;

/// File-name prefix of the on-demand modules; the size budget leaves them out of a first load.
pub const FEATURE_PREFIX: &str = "feature-";

/// Name of the SPA binary (`data-bin` in index.html).
const APP: &str = "frontdoor";

/// Cargo profile the SPA is built with (`data-cargo-profile` in index.html).
const PROFILE: &str = "wasm-release";

pub fn run() -> Result<()> {
    let started = Instant::now();
    let staging =
        PathBuf::from(std::env::var_os("TRUNK_STAGING_DIR").context(
            "TRUNK_STAGING_DIR is not set: `split-wasm` runs as Trunk's post_build hook",
        )?);
    let release = std::env::var("TRUNK_PROFILE").is_ok_and(|profile| profile == "release");
    let public_url = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".to_owned());
    let hash = trunk_hash(&staging)?;
    let names = Names::new(&hash);

    // Trunk's hash is that of Cargo's output: an unchanged app reuses the last split, as long as
    // this program has not changed either.
    let cache = workspace::scratch()?.join("split-cache");
    let entry = cache.join(format!(
        "{hash}-{}-{}",
        if release { "release" } else { "debug" },
        own_build_stamp()
    ));
    let reused = entry.join(COMPLETE).exists();
    if !reused {
        if cache.exists() {
            std::fs::remove_dir_all(&cache)
                .with_context(|| format!("clearing {}", cache.display()))?;
        }
        split_into(&entry, &names, release)?;
        std::fs::write(entry.join(COMPLETE), "")?;
    }

    let mut features = Vec::new();
    for file in std::fs::read_dir(&entry)? {
        let file = file?;
        let name = file.file_name().to_string_lossy().into_owned();
        if name == COMPLETE || name == LANDING {
            continue;
        }
        std::fs::copy(file.path(), staging.join(&name))?;
        if name.starts_with(FEATURE_PREFIX) {
            features.push((name, file.metadata()?.len()));
        }
    }
    features.sort();
    let landing: BTreeMap<String, Vec<String>> =
        serde_json::from_slice(&std::fs::read(entry.join(LANDING))?)?;
    rewrite_index(&staging, &public_url, &names, &landing)?;

    let main_size = std::fs::metadata(staging.join(&names.wasm))?.len();
    cmd::say(&format!(
        "  split-wasm: main module {} kB, {} on-demand module(s) in {:.1} s{}{}",
        main_size / 1000,
        features.len(),
        started.elapsed().as_secs_f64(),
        if reused {
            " (unchanged: the last split reused)"
        } else {
            ""
        },
        if release {
            ""
        } else {
            " (not optimised: debug build)"
        }
    ));
    for (name, size) in &features {
        cmd::say(&format!("    {name}: {} kB", size / 1000));
    }
    Ok(())
}

/// Marks a finished cache entry.
const COMPLETE: &str = ".complete";

/// In a cache entry: the modules to fetch at once when a visit lands on a feature page, by the
/// page's first path segment.
const LANDING: &str = ".landing.json";

/// The source file holding `ROUTE_SPLITS`, the first path segments of the pages each split
/// module serves.
const ROUTE_TABLE: &str = "src/on_demand.rs";

/// The names of the files the main module is made of.
struct Names {
    /// `frontdoor-<hash>.js`: wasm-bindgen's JavaScript for the main module.
    js: String,
    /// `frontdoor-<hash>_bg.wasm`: the main module.
    wasm: String,
    /// `frontdoor-split-<hash>.js`: the loader of the on-demand modules.
    loader: String,
}

impl Names {
    fn new(hash: &str) -> Self {
        Self {
            js: format!("{APP}-{hash}.js"),
            wasm: format!("{APP}-{hash}_bg.wasm"),
            loader: format!("{APP}-split-{hash}.js"),
        }
    }
}

/// When this program was built, so a changed splitter never reuses an earlier split.
fn own_build_stamp() -> u64 {
    std::env::current_exe()
        .and_then(std::fs::metadata)
        .and_then(|metadata| metadata.modified())
        .ok()
        .and_then(|modified| modified.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |since| since.as_secs())
}

/// Splits Cargo's output and writes every file the site needs into `out`.
fn split_into(out: &Path, names: &Names, release: bool) -> Result<()> {
    let input = workspace::root()
        .join("target/wasm32-unknown-unknown")
        .join(PROFILE)
        .join(format!("{APP}.wasm"));
    let input_wasm =
        std::fs::read(&input).with_context(|| format!("reading {}", input.display()))?;

    let work = workspace::scratch()?.join("split");
    if work.exists() {
        std::fs::remove_dir_all(&work).with_context(|| format!("clearing {}", work.display()))?;
    }
    let modules = work.join("modules");
    std::fs::create_dir_all(&modules)?;
    std::fs::create_dir_all(out)?;
    let main_split = work.join(format!("{APP}_split.wasm"));
    let main_js = format!("./{}", names.js);
    let loader_link = format!("./{}", names.loader);
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&input_wasm);
        options.output_dir = &modules;
        options.main_out_path = &main_split;
        options.main_module = &main_js;
        options.link_name = &loader_link;
        options
    })
    .map_err(|error| anyhow::anyhow!("{error:?}"))
    .context("splitting the wasm")?;

    let bindgen = work.join("bindgen");
    cmd::run(tool("wasm-bindgen").args([
        "--target=web".as_ref(),
        "--keep-lld-exports".as_ref(),
        "--no-demangle".as_ref(),
        "--no-typescript".as_ref(),
        format!("--out-name={APP}").as_ref(),
        "--out-dir".as_ref(),
        bindgen.as_os_str(),
        main_split.as_os_str(),
    ]))?;

    let main_wasm = bindgen.join(format!("{APP}_bg.wasm"));
    let mut wasm_files = vec![main_wasm.clone()];
    wasm_files.extend(split.split_modules.iter().cloned());
    if release {
        optimise(&wasm_files)?;
    }

    // The on-demand modules get content-hashed names; the loader fetches them by those names.
    let mut loader_js = std::fs::read_to_string(modules.join(&names.loader))
        .with_context(|| format!("reading the generated loader {}", names.loader))?;
    let mut renamed = BTreeMap::new();
    for module in &split.split_modules {
        let stem = module
            .file_stem()
            .and_then(|stem| stem.to_str())
            .context("split module without a name")?;
        let bytes = std::fs::read(module)?;
        let digest = hex(&Sha256::digest(&bytes)[..8]);
        let name = format!("{FEATURE_PREFIX}{}-{digest}.wasm", stem.replace('_', "-"));
        let reference = format!("\"./{stem}.wasm\"");
        if !loader_js.contains(&reference) {
            bail!("the loader does not fetch {stem}.wasm as expected");
        }
        loader_js = loader_js.replace(&reference, &format!("\"./{name}\""));
        std::fs::write(out.join(&name), &bytes)?;
        renamed.insert(stem.to_owned(), name);
    }
    let landing = landing_modules(&route_splits()?, &split.prefetch_map, &renamed)?;
    std::fs::write(out.join(LANDING), serde_json::to_vec(&landing)?)?;
    std::fs::copy(bindgen.join(format!("{APP}.js")), out.join(&names.js))?;
    std::fs::copy(&main_wasm, out.join(&names.wasm))?;
    std::fs::write(out.join(&names.loader), &loader_js)?;
    Ok(())
}

/// `ROUTE_SPLITS` from [`ROUTE_TABLE`]: (first path segment, split module) pairs.
fn route_splits() -> Result<Vec<(String, String)>> {
    let path = workspace::root().join(ROUTE_TABLE);
    let source =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    parse_route_splits(&source).with_context(|| format!("reading ROUTE_SPLITS in {ROUTE_TABLE}"))
}

fn parse_route_splits(source: &str) -> Result<Vec<(String, String)>> {
    let start = source
        .find("ROUTE_SPLITS: &[(&str, &str)] = &[")
        .context("no ROUTE_SPLITS table")?;
    let table = &source[start..];
    let table = &table[..table.find("];").context("ROUTE_SPLITS is not closed")?];
    let strings: Vec<&str> = table.split('"').skip(1).step_by(2).collect();
    if strings.is_empty() || !strings.len().is_multiple_of(2) {
        bail!("ROUTE_SPLITS should list (segment, split) pairs of strings");
    }
    Ok(strings
        .chunks(2)
        .map(|pair| (pair[0].to_owned(), pair[1].to_owned()))
        .collect())
}

/// For each first path segment, the on-demand files its split module needs (shared chunks
/// first, as the splitter lists them).
fn landing_modules(
    routes: &[(String, String)],
    prefetch: &std::collections::HashMap<String, Vec<String>>,
    renamed: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, Vec<String>>> {
    routes
        .iter()
        .map(|(segment, split)| {
            let stems = prefetch.get(split).with_context(|| {
                format!(
                    "ROUTE_SPLITS names the split module `{split}`, which the app does not have"
                )
            })?;
            let files = stems
                .iter()
                .map(|stem| {
                    renamed
                        .get(stem)
                        .cloned()
                        .with_context(|| format!("no file for the module {stem}"))
                })
                .collect::<Result<Vec<_>>>()?;
            Ok((segment.clone(), files))
        })
        .collect()
}

/// An inline script that, on a feature page, starts fetching its modules with the app's own.
fn landing_script(public_url: &str, landing: &BTreeMap<String, Vec<String>>) -> Result<String> {
    Ok(format!(
        "<script>{{const m={};const f=m[location.pathname.split(\"/\")[1]];\
         if(f)for(const n of f){{const l=document.createElement(\"link\");l.rel=\"preload\";\
         l.as=\"fetch\";l.crossOrigin=\"anonymous\";l.href={}+n;document.head.append(l)}}}}</script>",
        serde_json::to_string(landing)?,
        serde_json::to_string(public_url)?
    ))
}

/// The hash in Trunk's `frontdoor-<hash>.js`, checked against its `_bg.wasm` sibling.
fn trunk_hash(staging: &Path) -> Result<String> {
    let prefix = format!("{APP}-");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(staging)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if let Some(hash) = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix("_bg.wasm"))
        {
            found.push(hash.to_owned());
        }
    }
    match found.as_slice() {
        [hash] if staging.join(format!("{APP}-{hash}.js")).exists() => Ok(hash.clone()),
        _ => bail!(
            "expected one {APP}-<hash>_bg.wasm with its .js in {}, found {found:?}",
            staging.display()
        ),
    }
}

/// wasm-opt -Oz on every module, two at a time.
fn optimise(files: &[PathBuf]) -> Result<()> {
    let (first, second) = files.split_at(files.len().div_ceil(2));
    std::thread::scope(|scope| {
        let handles = [first, second].map(|half| {
            scope.spawn(move || -> Result<()> {
                for file in half {
                    cmd::run(tool("wasm-opt").arg("-Oz").arg(file).arg("-o").arg(file))?;
                }
                Ok(())
            })
        });
        handles
            .into_iter()
            .try_for_each(|handle| handle.join().expect("wasm-opt thread panicked"))
    })
}

/// Points `index.html`'s integrity attributes at the new files, preloads the loader, and adds
/// the script that fetches a feature page's modules early.
fn rewrite_index(
    staging: &Path,
    public_url: &str,
    names: &Names,
    landing: &BTreeMap<String, Vec<String>>,
) -> Result<()> {
    let index_path = staging.join("index.html");
    let mut html = std::fs::read_to_string(&index_path)
        .with_context(|| format!("reading {}", index_path.display()))?;
    for name in [&names.js, &names.wasm] {
        let integrity = sri(&staging.join(name))?;
        html = replace_integrity(&html, &format!("{public_url}{name}"), &integrity)?;
    }
    let js_href = format!("href=\"{public_url}{}\"", names.js);
    let tag_start = html[..html
        .find(&js_href)
        .context("index.html has no link to the app")?]
        .rfind('<')
        .context("malformed index.html")?;
    let preload = format!(
        "<link rel=\"modulepreload\" href=\"{public_url}{}\" crossorigin=\"anonymous\" integrity=\"{}\">",
        names.loader,
        sri(&staging.join(&names.loader))?
    );
    html.insert_str(tag_start, &preload);
    html.insert_str(tag_start, &landing_script(public_url, landing)?);
    std::fs::write(&index_path, html)?;
    Ok(())
}

/// Replaces the `integrity` value of the one tag whose `href` is `href`.
fn replace_integrity(html: &str, href: &str, integrity: &str) -> Result<String> {
    let attribute = format!("href=\"{href}\"");
    let at = html
        .find(&attribute)
        .with_context(|| format!("index.html has no {attribute}"))?;
    let start = html[..at].rfind('<').context("malformed index.html")?;
    let end = at + html[at..].find('>').context("malformed index.html")?;
    let tag = &html[start..end];
    let Some(value_at) = tag.find("integrity=\"") else {
        return Ok(html.to_owned());
    };
    let value_start = start + value_at + "integrity=\"".len();
    let value_end = value_start
        + html[value_start..]
            .find('"')
            .context("malformed integrity attribute")?;
    Ok(format!(
        "{}{integrity}{}",
        &html[..value_start],
        &html[value_end..]
    ))
}

fn sri(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(&bytes))
    ))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::{parse_route_splits, replace_integrity, route_splits};

    #[test]
    fn the_route_table_is_read_from_the_app_source() {
        let routes = route_splits().unwrap();
        assert!(routes.contains(&("groups".to_owned(), "groups".to_owned())));
        assert!(routes.contains(&("self-check".to_owned(), "self_check".to_owned())));
        let parsed = parse_route_splits(
            "pub const ROUTE_SPLITS: &[(&str, &str)] = &[(\"a\", \"x\"), (\"b\", \"y\")];",
        )
        .unwrap();
        assert_eq!(
            parsed,
            [
                ("a".to_owned(), "x".to_owned()),
                ("b".to_owned(), "y".to_owned())
            ]
        );
        assert!(parse_route_splits("const OTHER: u8 = 1;").is_err());
    }

    #[test]
    fn integrity_of_the_named_tag_only_is_replaced() {
        let html = r#"<link rel="modulepreload" href="/a.js" integrity="sha384-old"><link rel="preload" href="/b.wasm" integrity="sha384-keep">"#;
        let out = replace_integrity(html, "/a.js", "sha384-new").unwrap();
        assert_eq!(
            out,
            r#"<link rel="modulepreload" href="/a.js" integrity="sha384-new"><link rel="preload" href="/b.wasm" integrity="sha384-keep">"#
        );
        assert!(replace_integrity(html, "/missing.js", "x").is_err());
    }
}
