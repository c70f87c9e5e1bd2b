#!/usr/bin/env python3
"""Build a real CTranslate2 "echo" model: an encoder-decoder whose weights are set by
hand so that it copies its source tokens to the target.

Why: real translation weights cannot be downloaded where mova is built and tested, yet
the loading and batched-inference code must run on real CTranslate2 models, and tests
must assert exact output. An echo model is a genuine Transformer (any depth and width,
int8 like production models) whose output is known in advance.

How the weights work (d = model width, split into token dims, position dims, spare):
- Token vectors e_i live in the first Dt dims: one-hot when the vocabulary fits, else
  random Gaussian vectors (nearly orthogonal, so a projection tied to them still reads
  back the right token). Every vector is made zero-mean and unit-norm.
- Positions are learned encodings [sin(w t), cos(w t), -sin(w t), -cos(w t)] per
  frequency in the P position dims: zero-mean, constant norm. With zero-mean inputs of
  constant norm every LayerNorm is a fixed scale, so it changes nothing.
- Self-attention and feed-forward weights are zero (the residual passes through).
- In the first decoder layer's cross-attention every head's query and key read only the
  position dims, scaled so that decoder position t attends to source position t + offset
  (a rotation of each sin/cos pair shifts the query by `offset`); values carry the token
  dims (head h carries its slice), and the output adds them, amplified, to the residual.
- The output projection is tied to the token vectors, so the copied token wins.

Family conventions (what the source and decoder look like, hence the offset):
  nllb       source [eng_Latn, pieces, </s>], target_prefix [rus_Cyrl|bel_Cyrl]   offset 0
  m2m        source [__en__, pieces, </s>], target_prefix [__ru__|__be__]        offset 0
  opus-mt    source [>>rus<<|>>bel<<, pieces, </s>], no prefix                    offset 1
  bilingual  source [pieces] + </s> added by CTranslate2 (add_source_eos)         offset 0
  bilingual-eos  source [pieces, </s>] (the caller appends </s>)                 offset 0

usage: make_echo_model.py --family nllb --spm models/test/spm/echo.model --out DIR
       [--layers 1] [--width 256] [--heads 4] [--ffn 64] [--max-len 320] [--quant int8]
       [--vocab-json VOCAB.json]   (use this token list instead of the SentencePiece one)
       [--noise 1e-4]              (distinct weights: the size and memory traffic of a real model)
Requires: pip install ctranslate2==4.8.4 numpy sentencepiece
"""
import argparse
import json
import os
import sys

import numpy as np
from ctranslate2.specs import common_spec, transformer_spec

FAMILIES = {
    # name: (extra tokens appended to the vocabulary, offset, config overrides)
    "nllb": (["eng_Latn", "rus_Cyrl", "bel_Cyrl", "ukr_Cyrl", "<mask>"], 0,
             dict(decoder_start_token="</s>")),
    "m2m": (["__en__", "__ru__", "__be__", "__uk__"], 0,
            dict(decoder_start_token="</s>")),
    "opus-mt": ([">>bel<<", ">>rus<<", ">>ukr<<"], 1,
                dict(decoder_start_token="</s>")),
    "bilingual": ([], 0, dict(decoder_start_token="</s>", add_source_eos=True)),
    "bilingual-eos": ([], 0, dict(decoder_start_token="</s>")),
}
SPECIALS = ["<s>", "<pad>", "</s>", "<unk>"]
POS_DIMS = 64  # also the per-head width used for the position match


def vocabulary(args):
    if args.vocab_json:
        tokens = json.load(open(args.vocab_json, encoding="utf-8"))
    else:
        import sentencepiece as spm
        sp = spm.SentencePieceProcessor(model_file=args.spm)
        tokens = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    extra, _, _ = FAMILIES[args.family]
    out = list(SPECIALS)
    seen = set(out)
    for t in tokens + extra:
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


def token_vectors(n, dims, rng):
    if n <= dims:
        e = np.eye(n, dims, dtype=np.float64)
    else:
        e = rng.standard_normal((n, dims))
    e -= e.mean(axis=1, keepdims=True)
    e /= np.linalg.norm(e, axis=1, keepdims=True)
    return e


def frequencies(max_len):
    # Geometric from fast (about 2.4 rad/step) to one slow cycle over the table.
    f = POS_DIMS // 4
    return np.geomspace(2.4, np.pi / (2 * max_len), f)


def positions(max_len, w):
    t = np.arange(max_len)[:, None] * w[None, :]
    s, c = np.sin(t), np.cos(t)
    pair = np.stack([s, c], axis=2).reshape(max_len, -1)
    return np.concatenate([pair, -pair], axis=1)


def rotation(w, offset):
    """Matrix R with R @ pos(t) == pos(t + offset), on the P position dims."""
    r = np.zeros((POS_DIMS, POS_DIMS))
    half = POS_DIMS // 2
    for k, wk in enumerate(w):
        c, s = np.cos(wk * offset), np.sin(wk * offset)
        block = np.array([[c, s], [-s, c]])  # (sin, cos)(t) -> (sin, cos)(t + offset)
        for base in (0, half):
            i = base + 2 * k
            r[i:i + 2, i:i + 2] = block
    return r


def position_gap(pos, max_len):
    """Smallest margin between the matching position's score and any other."""
    g = pos @ pos.T
    peak = g[0, 0]
    off = g - np.eye(max_len) * 1e9
    return peak - off.max()


NOISE = {"scale": 0.0, "rng": None}


def linear(spec, weight, bias=None):
    # Optional tiny noise keeps equal-shaped zero matrices distinct, so CTranslate2 does
    # not alias them and the model has the memory footprint of a trained one.
    if NOISE["scale"]:
        weight = weight + NOISE["rng"].normal(0.0, NOISE["scale"], weight.shape)
    spec.weight = weight.astype(np.float32)
    spec.bias = (np.zeros(weight.shape[0]) if bias is None else bias).astype(np.float32)


def layer_norm(spec, d):
    spec.gamma = np.ones(d, dtype=np.float32)
    spec.beta = np.zeros(d, dtype=np.float32)


def build(args):
    tokens = vocabulary(args)
    n, d, heads = len(tokens), args.width, args.heads
    if d % heads or d // heads < POS_DIMS:
        sys.exit(f"width {d} / heads {heads} must give at least {POS_DIMS} dims per head")
    dt = d - POS_DIMS
    rng = np.random.default_rng(args.seed)
    NOISE.update(scale=args.noise, rng=np.random.default_rng(args.seed + 1))
    e = token_vectors(n, dt, rng)
    w = frequencies(args.max_len)
    pos = positions(args.max_len, w)
    _, offset, config = FAMILIES[args.family]

    emb = np.zeros((n, d))
    emb[:, :dt] = e
    pos_full = np.zeros((args.max_len, d))
    pos_full[:, dt:] = pos

    # LayerNorm turns x into x / s, s = sqrt(|x|^2 / d) (inputs are zero-mean).
    s2 = (1.0 + np.sum(pos[0] ** 2)) / d
    dh = d // heads
    gap = position_gap(pos, args.max_len) / s2 / np.sqrt(dh)
    alpha = 40.0 / gap  # softmax margin of 40 between the right position and any other
    beta = 8.0          # copied token outweighs the decoder's own input token

    spec = transformer_spec.TransformerSpec.from_config(
        (args.layers, args.layers), heads, pre_norm=True,
        activation=common_spec.Activation.RELU)
    for side in (spec.encoder, spec.decoder):
        side.scale_embeddings = False
        side.position_encodings.encodings = pos_full.astype(np.float32)
        layer_norm(side.layer_norm, d)
    spec.encoder.embeddings[0].weight = emb.astype(np.float32)
    spec.decoder.embeddings.weight = emb.astype(np.float32)
    spec.decoder.projection.weight = emb.astype(np.float32)  # tied: reads the token dims back
    spec.decoder.projection.bias = np.zeros(n, dtype=np.float32)

    zero = lambda rows, cols: np.zeros((rows, cols))
    for i, layer in enumerate(list(spec.encoder.layer) + list(spec.decoder.layer)):
        layer_norm(layer.self_attention.layer_norm, d)
        linear(layer.self_attention.linear[0], zero(3 * d, d))
        linear(layer.self_attention.linear[1], zero(d, d))
        layer_norm(layer.ffn.layer_norm, d)
        linear(layer.ffn.linear_0, zero(args.ffn, d))
        linear(layer.ffn.linear_1, zero(d, args.ffn))

    rot = rotation(w, offset)
    for i, layer in enumerate(spec.decoder.layer):
        att = layer.attention
        layer_norm(att.layer_norm, d)
        q, kv, o = zero(d, d), zero(2 * d, d), zero(d, d)
        if i == 0:
            for h in range(heads):
                rows = slice(h * dh, h * dh + POS_DIMS)
                q[rows, dt:] = alpha * rot          # query: position t + offset
                kv[rows, dt:] = np.eye(POS_DIMS)    # key: source position
                lo, hi = h * dh, min((h + 1) * dh, dt)
                if lo < hi:                         # value and output: token slice
                    kv[d + lo:d + hi, lo:hi] = np.eye(hi - lo)
                    o[lo:hi, lo:hi] = beta * np.eye(hi - lo)
        linear(att.linear[0], q)
        linear(att.linear[1], kv)
        linear(att.linear[2], o)

    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary(tokens)
    for key, value in dict(unk_token="<unk>", bos_token="<s>", eos_token="</s>",
                           **config).items():
        setattr(spec.config, key, value)
    spec.validate()
    spec.optimize(quantization=args.quant)
    os.makedirs(args.out, exist_ok=True)
    spec.save(args.out)
    if args.spm:
        import shutil
        shutil.copy(args.spm, os.path.join(args.out, "sentencepiece.model"))
    print(f"{args.out}: {args.family}, vocab {n}, width {d}, heads {heads}, "
          f"layers {args.layers}+{args.layers}, ffn {args.ffn}, {args.quant}, "
          f"position margin {gap * alpha:.1f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--family", choices=sorted(FAMILIES), required=True)
    ap.add_argument("--spm", help="SentencePiece model (copied into the model dir)")
    ap.add_argument("--vocab-json", help="token list to use instead of the SentencePiece one")
    ap.add_argument("--out", required=True)
    ap.add_argument("--layers", type=int, default=1)
    ap.add_argument("--width", type=int, default=256)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--ffn", type=int, default=64)
    ap.add_argument("--max-len", type=int, default=320)
    ap.add_argument("--quant", default="int8")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--noise", type=float, default=0.0,
                    help="std of noise added to every weight matrix (1e-4 for benchmarks)")
    args = ap.parse_args()
    if not args.spm and not args.vocab_json:
        ap.error("give --spm or --vocab-json")
    build(args)


if __name__ == "__main__":
    main()
