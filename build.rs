//! Compiles `rules/` into the compact rule set the app embeds. A bad rule file fails the
//! build with every problem found, each with its file, line, item and a suggestion.

#[path = "src/ships/model.rs"]
#[allow(dead_code)]
mod model;

#[path = "src/host/expr.rs"]
#[allow(dead_code)]
mod expr;

// An inline module with a path, so that `compile`'s own modules are found in
// `src/host/compile/` (a `#[path]` file directly at the root would look for them in
// `src/host/`).
#[path = "src/host"]
mod src {
    // build.rs uses only `compile` and `read_dir` of what the library exports.
    #[allow(dead_code, unused_imports)]
    pub mod compile;
}

use src::compile;

use std::path::Path;

fn main() {
    // RELIEF_RULES_DIR lets a rule author build against another copy of the rules.
    println!("cargo:rerun-if-env-changed=RELIEF_RULES_DIR");
    let dir_name = std::env::var("RELIEF_RULES_DIR")
        .ok()
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "rules".into());
    let dir = Path::new(&dir_name);
    println!("cargo:rerun-if-changed={dir_name}");
    println!("cargo:rerun-if-changed={dir_name}/sources");
    let (inputs, paths) = match compile::read_dir(dir) {
        Ok(x) => x,
        Err(errs) => fail(&errs),
    };
    for p in &paths {
        println!("cargo:rerun-if-changed={}", p.display());
    }
    let src = dir.join("sources");
    let rs = match compile::compile(&inputs, &|name| {
        std::fs::read_to_string(src.join(name)).ok()
    }) {
        Ok(rs) => rs,
        Err(errs) => fail(&errs),
    };
    // The wasm's copy is the core (`RuleSet::strip_to_core`): not the articles' notes (the
    // CLI's `coverage` shows why an article is internal, the app never does), nor what only
    // the results and the English need (model::Texts), which it fetches as texts-zh.bin or
    // texts-en.bin (written by `relief texts` in tools/post_build.sh). The version stays that of the
    // whole rule set.
    let mut rs = rs;
    if std::env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32")) {
        rs.strip_to_core();
    }
    let bytes = postcard::to_allocvec(&rs)
        .unwrap_or_else(|e| fail(&[format!("rules: cannot encode: {e}")]));
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| fail(&["OUT_DIR is not set".into()]));
    std::fs::write(Path::new(&out).join("ruleset.postcard"), bytes)
        .unwrap_or_else(|e| fail(&[format!("cannot write the rule set: {e}")]));
}

fn fail(errs: &[String]) -> ! {
    for e in errs {
        // cargo:warning makes each problem visible in cargo's own output as well.
        println!("cargo:warning={e}");
        eprintln!("error: {e}");
    }
    eprintln!(
        "error: {} problem(s) in rules/; the build stops here",
        errs.len()
    );
    std::process::exit(1);
}
