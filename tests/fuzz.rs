//! Robustness: random and mutated inputs to the persona parser and the rule compiler never
//! panic, and every error names its file and line. (The link decoder has the same test in
//! `link.rs`.) A deterministic generator keeps failures reproducible; iteration counts are
//! in each test and printed by `cargo test -- --nocapture`.

use relief_finder::compile::{compile, Input};
use relief_finder::{persona, ruleset};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Delete, insert or replace a few characters, or splice in a line from elsewhere.
fn mutate(rng: &mut Rng, text: &str, alphabet: &[char]) -> String {
    let mut s: Vec<char> = text.chars().collect();
    for _ in 0..=rng.below(8) {
        let i = rng.below(s.len() + 1);
        match rng.below(4) {
            0 if i < s.len() => {
                s.remove(i);
            }
            1 => s.insert(i, alphabet[rng.below(alphabet.len())]),
            2 if i < s.len() => s[i] = alphabet[rng.below(alphabet.len())],
            _ => {
                let lines: Vec<&str> = text.lines().collect();
                let line = lines[rng.below(lines.len())];
                for (k, c) in format!("\n{line}\n").chars().enumerate() {
                    s.insert((i + k).min(s.len()), c);
                }
            }
        }
    }
    s.into_iter().collect()
}

const ALPHABET: &str = "=[]{}\"',.:#-_ \n0123456789aeiouxyzt万元平凉¥trueflase";

fn has_place(msg: &str, path: &str) -> bool {
    msg.strip_prefix(path)
        .and_then(|r| r.strip_prefix(':'))
        .is_some_and(|r| {
            r.split(':')
                .next()
                .is_some_and(|n| n.parse::<usize>().is_ok())
        })
}

#[test]
fn mutated_persona_files_never_panic_and_errors_name_the_line() {
    let rs = ruleset::embedded();
    let seed =
        std::fs::read_to_string("tests/personas/pingliang-restaurant.toml").expect("readable");
    let alphabet: Vec<char> = ALPHABET.chars().collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let iterations = 20_000;
    let mut rejected = 0;
    for _ in 0..iterations {
        let text = mutate(&mut rng, &seed, &alphabet);
        if let Err(errs) = persona::parse("p.toml", &text, rs) {
            rejected += 1;
            for e in errs {
                assert!(
                    has_place(&e, "p.toml"),
                    "no file:line in {e:?} for input:\n{text}"
                );
            }
        }
    }
    println!(
        "persona parser: {iterations} mutated files, {rejected} rejected with file:line messages"
    );
    assert!(
        rejected > iterations / 10,
        "the mutations should break many files"
    );
}

#[test]
fn mutated_rule_files_never_panic_and_errors_name_the_file() {
    let (inputs, _) = relief_finder::compile::read_dir(std::path::Path::new("rules"))
        .expect("rules/ is readable");
    let sources: std::collections::BTreeMap<String, String> = std::fs::read_dir("rules/sources")
        .expect("readable")
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().to_string(),
                std::fs::read_to_string(e.path()).expect("readable"),
            )
        })
        .collect();
    let target = inputs
        .iter()
        .position(|i| i.path.ends_with("pingliang-2022-life.toml"))
        .expect("the document");
    let alphabet: Vec<char> = ALPHABET.chars().collect();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let iterations = 600;
    let (mut rejected, mut accepted) = (0, 0);
    for _ in 0..iterations {
        let mut all = inputs.clone();
        all[target] = Input {
            path: "doc.toml".into(),
            text: mutate(&mut rng, &inputs[target].text, &alphabet),
        };
        match compile(&all, &|name| sources.get(name).cloned()) {
            Ok(_) => accepted += 1,
            Err(errs) => {
                rejected += 1;
                for e in errs {
                    assert!(
                        has_place(&e, "doc.toml") || e.starts_with("rules"),
                        "no place in {e:?}"
                    );
                }
            }
        }
    }
    println!("rule compiler: {iterations} mutated documents, {rejected} rejected with file:line messages, {accepted} still valid");
    assert!(
        rejected > iterations / 10 && accepted > 0,
        "the mutations should break some documents and spare others"
    );
}

#[test]
fn random_bytes_are_rejected_cleanly() {
    let rs = ruleset::embedded();
    let mut rng = Rng(42);
    for _ in 0..5_000 {
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        let _ = persona::parse("r.toml", &text, rs);
        let _ = compile(
            &[Input {
                path: "r.toml".into(),
                text: text.to_string(),
            }],
            &|_| None,
        );
    }
}
