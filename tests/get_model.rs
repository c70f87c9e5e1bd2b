//! `mova models get`, offline: names, options, and the exact steps and converter
//! commands of each kind of model (--dry-run). The real install path runs in
//! tests/models_get.rs against a local mirror.

mod common;

use common::mova;

const VENV: &str = "/tmp/mova-test-cache/convert-venv";

fn get(models: &str, args: &[&str]) -> std::process::Output {
    mova()
        .env("MOVA_MODELS", models)
        .env("MOVA_CONVERT_VENV", VENV)
        .env_remove("MOVA_MODEL_MIRROR")
        .env_remove("MOVA_MODEL_MANIFESTS")
        .args(["models", "get"])
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn hugging_face_models_keep_the_transformers_converter() {
    let o = get("/tmp/mova-m", &["--dry-run", "--quantization", "float16", "nllb-600m"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    assert!(out.contains(&format!("+ {VENV}/bin/pip install --quiet --disable-pip-version-check ctranslate2==4.8.4 transformers>=4.40,<5 sentencepiece protobuf torch --extra-index-url https://download.pytorch.org/whl/cpu")), "{out}");
    assert!(out.contains(&format!("+ {VENV}/bin/ct2-transformers-converter --model facebook/nllb-200-distilled-600M --output_dir /tmp/mova-m/nllb-600m.partial/model --quantization float16 --copy_files sentencepiece.bpe.model")), "{out}");
    assert!(out.contains("+ mv /tmp/mova-m/nllb-600m.partial/model /tmp/mova-m/nllb-600m"), "{out}");
    let out = stdout(&get("/tmp/mova-m", &["--dry-run", "nllb-1.3b"]));
    assert!(out.contains(&format!("+ {VENV}/bin/ct2-transformers-converter --model facebook/nllb-200-distilled-1.3B --output_dir /tmp/mova-m/nllb-1.3b.partial/model --quantization int8 --copy_files sentencepiece.bpe.model")), "{out}");
    // A Hub mirror is the converter's HF_ENDPOINT.
    let out = stdout(&get("/tmp/mova-m", &["--dry-run", "m2m-418m", "--mirror", "https://hf.example.org/"]));
    assert!(out.contains(&format!("+ HF_ENDPOINT=https://hf.example.org {VENV}/bin/ct2-transformers-converter --model facebook/m2m100_418M --output_dir /tmp/mova-m/m2m-418m.partial/model --quantization int8 --copy_files sentencepiece.bpe.model")), "{out}");
}

#[test]
fn opus_mt_comes_from_its_marian_release_without_pytorch() {
    let out = stdout(&get("/tmp/mova-m", &["--dry-run", "opus-mt-zle"]));
    let p = "/tmp/mova-m/opus-mt-zle.partial";
    let zip = "opusTCv20210807+bt_transformer-big_2022-03-13.zip";
    for line in [
        format!("+ {VENV}/bin/pip install --quiet --disable-pip-version-check ctranslate2==4.8.4\n"),
        format!("+ download https://object.pouta.csc.fi/Tatoeba-MT-models/eng-zle/{zip} -> {p}/download/{zip} (size not published; SHA-256 not published)"),
        format!("+ unzip {p}/download/{zip} -d {p}/release"),
        format!("+ {VENV}/bin/ct2-opus-mt-converter --model_dir {p}/release --output_dir {p}/model --quantization int8"),
        format!("+ cp {p}/release/source.spm {p}/model"),
        format!("+ mv {p}/model /tmp/mova-m/opus-mt-zle"),
    ] {
        assert!(out.contains(&line), "{line}\nnot in\n{out}");
    }
    assert!(!out.contains("torch") && !out.contains("transformers"), "{out}");
    let out = stdout(&get("/tmp/mova-m", &["--dry-run", "opus-mt-zle", "--mirror", "http://127.0.0.1:9/models"]));
    assert!(out.contains(&format!("+ download http://127.0.0.1:9/models/{zip} -> ")), "{out}");
}

#[test]
fn rejects_unknown_names_and_options() {
    for (args, needle, code) in [
        (vec!["bogus"], "unknown model 'bogus'; known: m2m-418m, nllb-1.3b, nllb-600m, opus-mt-zle", 1),
        (vec![], "<NAME>", 2),
        (vec!["--quantization", "int3", "m2m-418m"], "unknown quantization 'int3'", 1),
        (vec!["--frob"], "--frob", 2),
    ] {
        let o = get("/tmp/mova-m", &args);
        assert_eq!(o.status.code(), Some(code), "{args:?}");
        assert!(String::from_utf8(o.stderr).unwrap().contains(needle), "{args:?}");
    }
}

#[test]
fn refuses_to_overwrite_a_model() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("nllb-600m")).unwrap();
    std::fs::write(dir.path().join("nllb-600m/model.bin"), b"x").unwrap();
    let o = get(dir.path().to_str().unwrap(), &["--dry-run", "nllb-600m"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8(o.stderr)
        .unwrap()
        .contains("model already installed; use it with --model nllb-600m, or pass --force"));
}

#[test]
fn the_wrapper_script_is_mova_models_get() {
    let s = std::fs::read_to_string(common::repo("scripts/get-model")).unwrap();
    assert!(s.contains("exec mova models get \"$@\"") && s.contains("-- models get \"$@\""));
}
