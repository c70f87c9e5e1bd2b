//! scripts/get-model, offline: argument handling and the exact converter command.

mod common;

use std::process::Command;

use common::repo;

fn get_model(args: &[&str]) -> std::process::Output {
    Command::new("bash").arg(repo("scripts/get-model")).args(args).env("MOVA_CACHE", "/tmp/mova-test-cache").output().unwrap()
}

#[test]
fn dry_run_prints_the_conversion() {
    let o = get_model(&["--dry-run", "opus-mt-zle", "/tmp/mova-m"]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains(
        "+ /tmp/mova-test-cache/convert-venv/bin/ct2-transformers-converter --model Helsinki-NLP/opus-mt-tc-big-en-zle --output_dir /tmp/mova-m.partial --quantization int8 --copy_files source.spm target.spm"
    ), "{out}");
    assert!(out.contains("ctranslate2==4.8.4"));
    let o = get_model(&["--dry-run", "--quantization", "float16", "nllb-600m", "/tmp/n"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("--model facebook/nllb-200-distilled-600M --output_dir /tmp/n.partial --quantization float16 --copy_files sentencepiece.bpe.model"), "{out}");
}

#[test]
fn rejects_unknown_names_and_options() {
    for (args, needle) in [
        (vec!["bogus"], "unknown model 'bogus'"),
        (vec![], "name a model"),
        (vec!["--quantization", "int3", "m2m-418m"], "unknown quantization 'int3'"),
        (vec!["--frob"], "unknown option --frob"),
    ] {
        let o = get_model(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8(o.stderr).unwrap().contains(needle), "{args:?}");
    }
}

#[test]
fn refuses_to_overwrite_a_model() {
    let o = get_model(&["--dry-run", "nllb-600m", repo("models/test/echo-nllb").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8(o.stderr).unwrap().contains("already holds a model"));
}
