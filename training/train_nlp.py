"""Train the statistical English pipeline shipped in ``timeline/nlp/model``.

Data (see ../shared/data/README.md): GUM (Penn tags, UD dependencies, named
entities derived from its mentions, see conllu_docs.py) and the dev/test parts
of UD English EWT (tags and dependencies; entities *missing*).  Every tenth
GUM document (sorted by name) is held back and only used for evaluation.

The shipped model (timeline/nlp/model) is two runs: 3,000 steps from scratch,
then 3,000 more (stopped after 2,250 for time; the best evaluation, step 2,000,
is kept) with GUM given twice at half the learning rate:

    python training/train_nlp.py --out training/build/w64d3 --steps 3000
    python training/train_nlp.py --out training/build/c2 --init-from training/build/w64d3/model-best \\
        --gum-repeat 2 --learn-rate 0.0005 --steps 3000 --eval-every 250 --ship

Deterministic: fixed seed, sorted inputs, one thread.
"""
from __future__ import annotations

import argparse
import json
import shutil
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.cli.init_config import init_config
from spacy.cli.train import train
from spacy.tokens import Doc, DocBin
from spacy.training import Example

from conllu_docs import read_conllu, to_doc

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "nlp-training"
MODEL_DIR = ROOT / "timeline" / "nlp" / "model"
SEED = 0
HOLD_OUT_EVERY = 10


def convert(data: Path, build: Path, gum_repeat: int = 1) -> dict[str, int]:
    """Write train.spacy and dev.spacy; return document/word counts.

    Only GUM teaches names (EWT's are missing), so its training documents may
    be given ``gum_repeat`` times.
    """
    nlp = spacy.blank("en")
    train_bin, dev_bin = DocBin(), DocBin()
    counts = Counter()
    gum = [d for p in sorted((data / "gum").glob("*.conllu")) for d in read_conllu(p)]
    for i, sents in enumerate(gum):
        doc = to_doc(nlp.vocab, sents, with_entities=True)
        held = i % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1
        for _ in range(1 if held else gum_repeat):
            (dev_bin if held else train_bin).add(doc)
        counts["dev_docs" if held else "gum_train_docs"] += 1
        counts["dev_words" if held else "gum_train_words"] += len(doc)
    for p in sorted((data / "ud-english-ewt").glob("*.conllu")):
        for sents in read_conllu(p):
            doc = to_doc(nlp.vocab, sents, with_entities=False)
            train_bin.add(doc)
            counts["ewt_docs"] += 1
            counts["ewt_words"] += len(doc)
    build.mkdir(parents=True, exist_ok=True)
    train_bin.to_disk(build / "train.spacy")
    dev_bin.to_disk(build / "dev.spacy")
    return dict(counts)


def write_config(build: Path, args: argparse.Namespace) -> Path:
    config = init_config(lang="en", pipeline=["tagger", "parser", "ner"], optimize="efficiency")
    config["system"]["seed"] = SEED
    config["paths"]["train"] = str(build / "train.spacy")
    config["paths"]["dev"] = str(build / "dev.spacy")
    training = config["training"]
    training["max_steps"] = args.steps
    training["eval_frequency"] = args.eval_every
    training["patience"] = 0
    training["score_weights"].update({"tag_acc": 0.3, "dep_uas": 0.15, "dep_las": 0.15, "ents_f": 0.4})
    comps = config["components"]
    encode = comps["tok2vec"]["model"]["encode"]
    encode["width"], encode["depth"] = args.width, args.depth
    comps["tok2vec"]["model"]["embed"]["rows"] = [int(r * args.rows) for r in (5000, 1000, 2500, 2500)]
    comps["parser"]["model"]["hidden_width"] = args.parser_hidden
    comps["parser"]["model"]["maxout_pieces"] = args.maxout
    comps["ner"]["model"]["hidden_width"] = args.ner_hidden
    config["training"]["optimizer"]["learn_rate"] = args.learn_rate
    if args.init_from:
        # go on training a pipeline trained before: every component (the shared
        # tok2vec and its listeners alike) starts from its weights
        for name in config["nlp"]["pipeline"]:
            comps[name] = {"source": str(args.init_from.resolve())}
    path = build / "config.cfg"
    config.to_disk(path)
    return path


def upos_table(nlp: spacy.Language, build: Path) -> dict[str, dict[str, str]]:
    """UPOS from the Penn tag (and, where the word decides it, the word).

    The training data give each (tag, lowercase word) its usual UPOS: the tag's
    majority, plus the words that differ ("is"/VBZ -> AUX, "that"/IN -> SCONJ).
    timeline.nlp applies it in Python: as a spaCy attribute_ruler it cost as much
    time as the tok2vec layer, a morphologizer more.
    """
    by_tag: dict[str, Counter] = defaultdict(Counter)
    by_word: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for doc in DocBin().from_disk(build / "train.spacy").get_docs(nlp.vocab):
        for t in doc:
            by_tag[t.tag_][t.pos_] += 1
            by_word[(t.tag_, t.lower_)][t.pos_] += 1
    table = {"tag": {tag: c.most_common(1)[0][0] for tag, c in sorted(by_tag.items())}, "word": {}}
    for (tag, word), c in sorted(by_word.items()):
        pos, n = c.most_common(1)[0]
        if pos != table["tag"][tag] and n >= 3 and n / sum(c.values()) > 0.6:
            table["word"][f"{tag} {word}"] = pos
    return table


def evaluate(nlp: spacy.Language, build: Path, upos: dict) -> dict:
    """Scores on the held-back documents, read by spaCy's tokenizer as at run time;
    UPOS (the table over predicted tags) on the gold words."""
    gold = list(DocBin().from_disk(build / "dev.spacy").get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(d.text), d) for d in gold]
    scores = nlp.evaluate(examples)
    keep = ("tag_acc", "dep_uas", "dep_las", "ents_p", "ents_r", "ents_f", "ents_per_type")
    result = {k: scores[k] for k in keep if k in scores}
    right = total = 0
    for d in gold:
        pred = nlp(Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]))
        for p, g in zip(pred, d):
            pos = upos["word"].get(f"{p.tag_} {p.lower_}") or upos["tag"].get(p.tag_, "X")
            right += pos == g.pos_
            total += 1
    result["pos_acc"] = right / total
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "build" / "default")
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--eval-every", type=int, default=500)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--rows", type=float, default=1.0, help="scale of the hash-embedding rows")
    ap.add_argument("--parser-hidden", type=int, default=64)
    ap.add_argument("--maxout", type=int, default=2)
    ap.add_argument("--ner-hidden", type=int, default=64)
    ap.add_argument("--gum-repeat", type=int, default=1, help="GUM training documents given N times")
    ap.add_argument("--learn-rate", type=float, default=0.001)
    ap.add_argument("--init-from", type=Path, help="a trained pipeline (OUT/model-best) to go on from")
    ap.add_argument("--skip-train", action="store_true", help="reuse OUT/model-best")
    ap.add_argument("--ship", action="store_true", help=f"copy the result to {MODEL_DIR}")
    args = ap.parse_args()

    build = args.out
    if not args.skip_train:
        print(json.dumps(convert(args.data, build, args.gum_repeat)), flush=True)
        train(write_config(build, args), build, use_gpu=-1)
    nlp = spacy.load(build / "model-best")
    upos = upos_table(nlp, build)
    metrics = evaluate(nlp, build, upos)
    metrics["held_out"] = f"every {HOLD_OUT_EVERY}th GUM document"
    print(json.dumps(metrics, indent=1))
    final = build / "final"
    if final.exists():
        shutil.rmtree(final)
    nlp.meta.update({"name": "timeline_en", "version": "0.1.0", "license": "CC BY-SA 4.0",
                     "sources": ["GUM (Zeldes 2017)", "UD English EWT"]})
    nlp.to_disk(final)
    (final / "upos.json").write_text(json.dumps(upos, indent=0, sort_keys=True) + "\n")
    (final / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n")
    if args.ship:
        if MODEL_DIR.exists():
            shutil.rmtree(MODEL_DIR)
        shutil.copytree(final, MODEL_DIR)
        print(f"shipped to {MODEL_DIR}")


if __name__ == "__main__":
    main()
