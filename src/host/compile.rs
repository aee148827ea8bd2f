//! The rule compiler: `rules/*.toml` and `rules/sources/*.txt` in, a validated [`RuleSet`] out.
//!
//! It runs in `build.rs` (which embeds the result as postcard bytes) and on the host for the
//! `relief` CLI and the tests. Validation collects every problem before it stops; each message
//! names the file, the line, the item and, where one is close, a suggestion. This module is
//! never compiled into the wasm.
//!
//! It works in stages, one module each: [`raw`] (the TOML as written), [`facts`] (the
//! vocabulary), [`questions`], [`offices`], [`documents`] with their [`reliefs`], then
//! [`groups`] (twins and overlap groups, across reliefs). [`problems`] places each message.

mod documents;
mod facts;
mod groups;
mod offices;
mod problems;
mod questions;
mod raw;
mod reliefs;

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::model::{Cond, RuleSet};

pub use groups::{
    likely_twins, quote_similarity, twin_links, AlikePair, TwinLink, TWIN_SIMILARITY,
};
pub use reliefs::PERIOD_WORDS;

/// One rule file's path (as it should appear in messages) and text.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: String,
    pub text: String,
}

/// Compile rule files. `source` returns the text of a `rules/sources/` file by name.
///
/// # Errors
/// Every problem found, one message each, in file order.
pub fn compile(
    inputs: &[Input],
    source: &dyn Fn(&str) -> Option<String>,
) -> Result<RuleSet, Vec<String>> {
    let mut p = problems::Problems::default();
    let files = raw::parse(inputs, &mut p);
    let vocab = facts::compile(&files, &mut p);
    let mut questions = questions::compile(&files, &vocab, &mut p);
    let offices = offices::compile(&files, &mut p);
    let docs = documents::compile(&files, &vocab, &offices, source, &mut p);
    groups::check_twins(&docs.reliefs, &docs.sides, &mut p);
    groups::check_overlaps(&docs.reliefs, &mut p);
    if !p.is_empty() {
        return Err(p.into_messages());
    }
    let mut reliefs = docs.reliefs;
    for r in &mut reliefs {
        let when = std::mem::replace(&mut r.when, Cond::All(vec![]));
        r.when = facts::widen(when, &vocab.widenings);
    }
    for q in &mut questions {
        q.ask_if = q.ask_if.take().map(|c| facts::widen(c, &vocab.widenings));
    }
    let mut rs = RuleSet {
        version: String::new(),
        facts: vocab.facts,
        questions,
        documents: docs.documents,
        reliefs,
        offices: offices.list,
    };
    let bytes = postcard::to_allocvec(&rs)
        .map_err(|e| vec![format!("rules: cannot encode the rule set: {e}")])?;
    let digest = Sha256::digest(&bytes);
    rs.version = format!(
        "sha256:{}",
        digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    Ok(rs)
}

/// The first full-width punctuation mark in English text (`：`, `、`, `（`, `。`…), which
/// belongs to Chinese typesetting. Curly quotes are English.
pub fn fullwidth_punctuation(s: &str) -> Option<char> {
    s.chars().find(|c| {
        matches!(*c as u32, 0x3000..=0x303F | 0xFE30..=0xFE4F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
    })
}

/// Text with all white space removed: quotes are compared this way, because the seed
/// documents break lines inside sentences.
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Read every `*.toml` under `dir` (sorted) and compile them with `dir/sources/`.
///
/// # Errors
/// Unreadable files, and every problem [`compile`] finds.
pub fn compile_dir(dir: &Path) -> Result<RuleSet, Vec<String>> {
    let (inputs, _) = read_dir(dir)?;
    let src_dir = dir.join("sources");
    compile(&inputs, &|name| {
        std::fs::read_to_string(src_dir.join(name)).ok()
    })
}

/// The rule files under `dir` and every path read, for build.rs's rerun-if-changed.
///
/// # Errors
/// A directory or file that cannot be read.
pub fn read_dir(dir: &Path) -> Result<(Vec<Input>, Vec<std::path::PathBuf>), Vec<String>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| vec![format!("{}: {e}", dir.display())])?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut inputs = Vec::new();
    for path in &paths {
        let text =
            std::fs::read_to_string(path).map_err(|e| vec![format!("{}: {e}", path.display())])?;
        inputs.push(Input {
            path: path.display().to_string(),
            text,
        });
    }
    let mut all = paths.clone();
    if let Ok(rd) = std::fs::read_dir(dir.join("sources")) {
        all.extend(rd.filter_map(|e| e.ok().map(|e| e.path())));
    }
    Ok((inputs, all))
}

/// Articles of each document that no relief cites and no `[[article]]` classifies, as
/// messages. Completeness is checked by `relief check` and the tests rather than the build,
/// so that a document can be encoded a part at a time.
pub fn coverage_gaps(rs: &RuleSet) -> Vec<String> {
    let mut out = Vec::new();
    for (di, d) in rs.documents.iter().enumerate() {
        let missing: Vec<String> = (1..=d.articles)
            .filter(|n| {
                !d.notes.iter().any(|x| x.article == *n)
                    && !rs
                        .reliefs
                        .iter()
                        .any(|r| r.doc as usize == di && r.articles.contains(n))
            })
            .map(|n| n.to_string())
            .collect();
        if !missing.is_empty() {
            out.push(format!(
                "document \"{}\" ({}): articles not classified: {} (add a [[relief]] citing them or an [[article]] with kind and why)",
                d.id,
                d.number,
                missing.join(", ")
            ));
        }
    }
    out
}
