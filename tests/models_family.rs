//! Family detection on the vocabularies NLLB-200 and M2M-100 really have, as
//! ct2-transformers-converter writes them (token names and positions as the
//! Hugging Face tokenizers publish them), and on the OPUS-MT tc-big layout. The
//! SentencePiece pieces in between are stand-ins (the real ones cannot be
//! downloaded here); the special tokens, language tokens and their ids are real.

use mova::family::Family;
use mova::Lang;

/// NLLB-200's 202 language codes, in the tokenizer's order (transformers'
/// `tokenization_nllb.FAIRSEQ_LANGUAGE_CODES`).
const NLLB_CODES: &str =
    "ace_Arab ace_Latn acm_Arab acq_Arab aeb_Arab afr_Latn ajp_Arab aka_Latn amh_Ethi apc_Arab arb_Arab \
ars_Arab ary_Arab arz_Arab asm_Beng ast_Latn awa_Deva ayr_Latn azb_Arab azj_Latn bak_Cyrl bam_Latn ban_Latn bel_Cyrl \
bem_Latn ben_Beng bho_Deva bjn_Arab bjn_Latn bod_Tibt bos_Latn bug_Latn bul_Cyrl cat_Latn ceb_Latn ces_Latn cjk_Latn \
ckb_Arab crh_Latn cym_Latn dan_Latn deu_Latn dik_Latn dyu_Latn dzo_Tibt ell_Grek eng_Latn epo_Latn est_Latn eus_Latn \
ewe_Latn fao_Latn pes_Arab fij_Latn fin_Latn fon_Latn fra_Latn fur_Latn fuv_Latn gla_Latn gle_Latn glg_Latn grn_Latn \
guj_Gujr hat_Latn hau_Latn heb_Hebr hin_Deva hne_Deva hrv_Latn hun_Latn hye_Armn ibo_Latn ilo_Latn ind_Latn isl_Latn \
ita_Latn jav_Latn jpn_Jpan kab_Latn kac_Latn kam_Latn kan_Knda kas_Arab kas_Deva kat_Geor knc_Arab knc_Latn kaz_Cyrl \
kbp_Latn kea_Latn khm_Khmr kik_Latn kin_Latn kir_Cyrl kmb_Latn kon_Latn kor_Hang kmr_Latn lao_Laoo lvs_Latn lij_Latn \
lim_Latn lin_Latn lit_Latn lmo_Latn ltg_Latn ltz_Latn lua_Latn lug_Latn luo_Latn lus_Latn mag_Deva mai_Deva mal_Mlym \
mar_Deva min_Latn mkd_Cyrl plt_Latn mlt_Latn mni_Beng khk_Cyrl mos_Latn mri_Latn zsm_Latn mya_Mymr nld_Latn nno_Latn \
nob_Latn npi_Deva nso_Latn nus_Latn nya_Latn oci_Latn gaz_Latn ory_Orya pag_Latn pan_Guru pap_Latn pol_Latn por_Latn \
prs_Arab pbt_Arab quy_Latn ron_Latn run_Latn rus_Cyrl sag_Latn san_Deva sat_Beng scn_Latn shn_Mymr sin_Sinh slk_Latn \
slv_Latn smo_Latn sna_Latn snd_Arab som_Latn sot_Latn spa_Latn als_Latn srd_Latn srp_Cyrl ssw_Latn sun_Latn swe_Latn \
swh_Latn szl_Latn tam_Taml tat_Cyrl tel_Telu tgk_Cyrl tgl_Latn tha_Thai tir_Ethi taq_Latn taq_Tfng tpi_Latn tsn_Latn \
tso_Latn tuk_Latn tum_Latn tur_Latn twi_Latn tzm_Tfng uig_Arab ukr_Cyrl umb_Latn urd_Arab uzn_Latn vec_Latn vie_Latn \
war_Latn wol_Latn xho_Latn ydd_Hebr yor_Latn yue_Hant zho_Hans zho_Hant zul_Latn";

/// M2M-100's 100 language codes, in order (`tokenization_m2m_100.FAIRSEQ_LANGUAGE_CODES["m2m100"]`).
const M2M_CODES: &str = "af am ar ast az ba be bg bn br bs ca ceb cs cy da de el en es et fa ff fi fr fy ga gd gl gu ha he hi hr ht hu hy id ig ilo \
is it ja jv ka kk km kn ko lb lg ln lo lt lv mg mk ml mn mr ms my ne nl no ns oc or pa pl ps pt ro ru sd si sk sl so sq sr ss su sv sw \
ta th tl tn tr uk ur uz vi wo xh yi yo zh zu";

/// Stand-in SentencePiece pieces, with some that look like markers but are not.
fn pieces(n: usize) -> impl Iterator<Item = String> {
    let tricky = ["▁rus", "_Cyrl", "▁__", "ru", "__", ">>", "<<", "▁bel", "▁eng", "Latn"];
    (0..n).map(move |i| if i < tricky.len() { tricky[i].to_string() } else { format!("▁p{i}") })
}

fn id(vocab: &[String], token: &str) -> usize {
    vocab.iter().position(|t| t == token).unwrap_or_else(|| panic!("{token} missing"))
}

#[test]
fn nllb_200_as_published() {
    // <s> <pad> </s> <unk>, the SentencePiece model's 256,000 pieces less its own
    // three specials (fairseq offset 1), the 202 language codes, <mask>.
    let mut v: Vec<String> = ["<s>", "<pad>", "</s>", "<unk>"].map(String::from).into();
    v.extend(pieces(255_997));
    let codes: Vec<&str> = NLLB_CODES.split_whitespace().collect();
    assert_eq!(codes.len(), 202);
    v.extend(codes.iter().map(|c| c.to_string()));
    v.push("<mask>".into());
    assert_eq!(v.len(), 256_204);
    // The ids everyone's NLLB code uses (eng_Latn 256047, rus_Cyrl 256147).
    assert_eq!((id(&v, "eng_Latn"), id(&v, "rus_Cyrl"), id(&v, "bel_Cyrl")), (256_047, 256_147, 256_024));
    let f = Family::detect(&v);
    assert_eq!(f, Family::Nllb);
    assert_eq!(
        (f.lang_token(Lang::Ru), f.lang_token(Lang::Be), f.source_lang_token()),
        (Some("rus_Cyrl"), Some("bel_Cyrl"), Some("eng_Latn"))
    );
    assert!(f.has_target_prefix() && !f.target_token_in_source());
}

#[test]
fn m2m_100_as_published() {
    // vocab.json (128,004 entries from <s> <pad> </s> <unk>), then __xx__ for the
    // 100 languages, then the 8 madeupword fillers up to the 128,112 embeddings.
    let mut v: Vec<String> = ["<s>", "<pad>", "</s>", "<unk>"].map(String::from).into();
    v.extend(pieces(128_000));
    let codes: Vec<&str> = M2M_CODES.split_whitespace().collect();
    assert_eq!(codes.len(), 100);
    v.extend(codes.iter().map(|c| format!("__{c}__")));
    v.extend((0..8).map(|i| format!("madeupword{i:04}")));
    assert_eq!(v.len(), 128_112);
    assert_eq!((id(&v, "__en__"), id(&v, "__ru__"), id(&v, "__be__")), (128_022, 128_077, 128_010));
    let f = Family::detect(&v);
    assert_eq!(f, Family::M2m);
    assert_eq!(
        (f.lang_token(Lang::Ru), f.lang_token(Lang::Be), f.source_lang_token()),
        (Some("__ru__"), Some("__be__"), Some("__en__"))
    );
}

#[test]
fn opus_mt_tc_big_as_published() {
    // Marian vocabulary: </s> <unk>, the >>xxx<< target labels, then pieces;
    // ct2-opus-mt-converter keeps that order (see tests/models_get.rs).
    let mut v: Vec<String> = ["</s>", "<unk>", ">>bel<<", ">>rus<<", ">>ukr<<"].map(String::from).into();
    v.extend(pieces(57_000));
    let f = Family::detect(&v);
    assert_eq!(f, Family::OpusMt);
    assert_eq!((f.lang_token(Lang::Ru), f.lang_token(Lang::Be)), (Some(">>rus<<"), Some(">>bel<<")));
    assert!(f.target_token_in_source());
}
