"""A token-level trigger classifier: which word states a PLOVER event, and of which type.

A multinomial logistic regression over the navec vector of the word's lemma, of its head's
lemma and of its neighbours', its part of speech, morphology and dependency relation, and the
lexicon's reading of the word (and of its head) as a prior. It finds events the lexicon never
listed (`ополчиться`, `избиение`) and vetoes lexicon words it is sure state none (boilerplate,
other word senses). `scripts/train_triggers.py` rebuilds it from annotated articles; the weights
(`trigger_model.npz`) and their `trigger_model.json` (labels, feature layout) are checked on load.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from ...doc import Article
from ...nlp import embedding
from .lexicon import NOUNS, PAIRS, TYPES, VERBS

HERE = Path(__file__).parent
WEIGHTS = HERE / "trigger_model.npz"
META = HERE / "trigger_model.json"
FEATURES_VERSION = 3

LABELS = ("O", *sorted(TYPES))
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})  # the only words the classifier reads
POS_TAGS = ("NOUN", "VERB", "ADJ", "PROPN", "PRON", "ADP", "AUX", "ADV", "PART", "CCONJ", "SCONJ", "NUM", "DET")
RELS = ("root", "nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "nmod", "amod", "xcomp", "ccomp", "advcl",
        "conj", "acl", "acl:relcl", "parataxis", "appos", "csubj", "flat:name", "nummod")
MORPH = (("VerbForm", ("Fin", "Inf", "Part", "Conv")), ("Voice", ("Pass",)), ("Aspect", ("Perf", "Imp")),
         ("Tense", ("Past", "Pres", "Fut")), ("Mood", ("Imp", "Cnd")), ("Number", ("Plur",)), ("Variant", ("Short",)),
         ("Animacy", ("Anim",)), ("Case", ("Nom", "Gen", "Dat", "Acc", "Ins", "Loc")))
DIM = 300
PARTS_LIMIT = 50_000  # lemma and shape shares kept per model; dropped when full, so a long run's memory stays bounded
FLAGS = ("parsed", "pair_head", "candidate", "bias")
# The one-hot blocks after the vectors: a word's categorical features are indices into them.
BLOCKS = (("pos", POS_TAGS), ("head_pos", POS_TAGS), ("rel", RELS), *MORPH, ("lexicon", LABELS),
          ("candidate", LABELS), ("head_lexicon", LABELS), ("flags", FLAGS))
VECTORS = 2 * DIM + 2 * len(LABELS)  # the lemma's and its head's vectors, then their nearness to each type's lemmas
OFFSETS: dict[str, int] = {}
for _name, _values in BLOCKS:
    OFFSETS[_name] = VECTORS + sum(len(v) for v in (b for _, b in BLOCKS[: len(OFFSETS)]))
WIDTH = VECTORS + sum(len(values) for _, values in BLOCKS)
INDEX = {name: {value: OFFSETS[name] + k for k, value in enumerate(values)} for name, values in BLOCKS}


def lexicon_type(doc: Article, i: int) -> str:
    """The PLOVER type the lexicon gives the word alone, `O` when none."""
    token = doc.tokens[i]
    return word_type(token.lemma, token.pos)


PAIR_HEADS = frozenset(head for head, _ in PAIRS)


@cache
def lexicon_vectors() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unit vectors of the lexicon's lemmas grouped by type, where each type's rows start, and the types' columns:
    how near a word is to each type's listed words."""
    rows = [(LABELS.index(cue.type), lemma_vector(lemma)) for table in (VERBS, NOUNS) for lemma, cue in table.items()]
    rows = sorted(((t, v / np.linalg.norm(v)) for t, v in rows if v.any()), key=lambda row: row[0])
    types = np.array([t for t, _ in rows])
    starts = np.flatnonzero(np.r_[True, types[1:] != types[:-1]])
    return np.stack([v for _, v in rows]), starts, types[starts]


def type_similarity(vectors: np.ndarray) -> np.ndarray:
    """Per word, its greatest cosine to a lexicon lemma of each type (column 0, `O`, stays 0)."""
    listed, starts, columns = lexicon_vectors()
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    cosine = (vectors / np.where(norms == 0, 1, norms)) @ listed.T
    out = np.zeros((len(vectors), len(LABELS)), np.float32)
    out[:, columns] = np.maximum.reduceat(cosine, starts, axis=1)
    return out


@lru_cache(maxsize=4096)  # the model keeps each lemma's share, so this serves training and the lexicon's rows
def lemma_vector(lemma: str) -> np.ndarray:
    vector = embedding().get(lemma)
    return np.zeros(DIM, np.float32) if vector is None else vector


def head_of(doc: Article, i: int) -> int | None:
    head = doc.tokens[i].head
    return head if head is not None and head >= 0 else None


def categorical(doc: Article, i: int, lexicon: dict[int, str]) -> list[int]:
    """Columns of a word's one-hot features: its shape (POS, its head's POS, relation, morphology) and its
    lexicon readings (the word's type, the lexicon candidate's, its head's) and flags."""
    return shape_columns(*shape_of(doc, i)) + lexicon_columns(doc, i, lexicon)


def shape_of(doc: Article, i: int) -> tuple[str, str | None, str, str]:
    token, head = doc.tokens[i], head_of(doc, i)
    return token.pos, doc.tokens[head].pos if head is not None else None, token.rel, token.feats


def shape_columns(pos: str, head_pos: str | None, rel: str, feats_text: str) -> list[int]:
    feats = dict(f.split("=", 1) for f in feats_text.split("|") if "=" in f)
    values = [("pos", pos), ("head_pos", head_pos), ("rel", rel), *((name, feats.get(name)) for name, _ in MORPH)]
    return [INDEX[name][value] for name, value in values if value in INDEX[name]]


def lexicon_columns(doc: Article, i: int, lexicon: dict[int, str]) -> list[int]:
    token, head = doc.tokens[i], head_of(doc, i)
    values = [("lexicon", lexicon_type(doc, i)), ("candidate", lexicon.get(i, "O")),
              ("head_lexicon", lexicon_type(doc, head) if head is not None else None)]
    flags = [("flags", f) for f, on in zip(FLAGS, (token.head is not None, token.lemma in PAIR_HEADS, i in lexicon, True))
             if on]
    return [INDEX[name][value] for name, value in values + flags if value in INDEX[name]]


LABEL_INDEX = {label: k for k, label in enumerate(LABELS)}
LEXICON_COLUMN = (OFFSETS["lexicon"], OFFSETS["candidate"], OFFSETS["head_lexicon"])
FLAG_COLUMN = INDEX["flags"]


@lru_cache(maxsize=PARTS_LIMIT)
def word_type(lemma: str, pos: str) -> str:
    """`lexicon_type` by lemma and part of speech, read once per pair."""
    cue = VERBS.get(lemma) if pos in {"VERB", "ADJ"} else NOUNS.get(lemma) if pos == "NOUN" else None
    return cue.type if cue else "O"


def content_words(doc: Article, ids: list[int]) -> list[int]:
    return [i for i in ids if doc.tokens[i].pos in CONTENT_POS]


def sentence_features(doc: Article, ids: list[int], lexicon: dict[int, str]) -> tuple[list[int], np.ndarray]:
    """(content words, their feature rows) for one sentence, for training; `lexicon` maps a word to the type of
    the lexicon candidate found there (the lexicon's full decision, carriers and pairs included)."""
    words = content_words(doc, ids)
    rows = np.zeros((len(words), WIDTH), np.float32)
    zero = np.zeros(DIM, np.float32)
    for row, i in enumerate(words):
        head = head_of(doc, i)
        rows[row, :DIM] = lemma_vector(doc.tokens[i].lemma)
        rows[row, DIM : 2 * DIM] = lemma_vector(doc.tokens[head].lemma) if head is not None else zero
        rows[row, categorical(doc, i, lexicon)] = 1
    if words:
        rows[:, 2 * DIM : VECTORS - len(LABELS)] = 4 * type_similarity(rows[:, :DIM])
        rows[:, VECTORS - len(LABELS) : VECTORS] = 2 * type_similarity(rows[:, DIM : 2 * DIM])
    return words, rows


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class TriggerModel:
    weights: np.ndarray  # WIDTH × len(LABELS)
    bias: np.ndarray
    add: float  # least probability of an event type for the model to add a trigger the lexicon lacks
    veto: float  # least probability of `O` for the model to drop a lexicon trigger; 1 never drops
    parts: dict[tuple[str, bool], np.ndarray] = field(default_factory=dict, compare=False, repr=False)
    shape_parts: dict[tuple, np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        return softmax(features @ self.weights + self.bias)

    def sentence_probabilities(self, doc: Article, ids: list[int], lexicon: dict[int, str]) -> tuple[list[int], np.ndarray]:
        """What `probabilities(sentence_features(...))` gives, without building the rows: the model is linear, so a
        lemma's share (its vector and nearness to the lexicon) is computed once per lemma and role, the one-hot
        share is a sum of weight rows. One pass over the words gathers the shares' keys and the one-hot columns
        (integers read from tables, no per-word calls once a lemma and shape are known); the sentence's rows are
        then added in numpy at once, in the order of one row's sum."""
        tokens = doc.tokens
        words = [i for i in ids if tokens[i].pos in CONTENT_POS]
        if not words:
            return words, np.empty((0, len(LABELS)), np.float32)
        parts, shape_parts = self.parts, self.shape_parts
        own, shapes, columns, sizes, headed, head_shares = [], [], [], [], [], []
        for row, i in enumerate(words):
            token = tokens[i]
            head = token.head
            head_token = tokens[head] if head is not None and head >= 0 else None
            lemma = token.lemma
            key = (lemma, False)
            own.append(parts[key] if key in parts else self.lemma_part(lemma, False))
            shape = (token.pos, head_token.pos if head_token else None, token.rel, token.feats)
            shapes.append(shape_parts[shape] if shape in shape_parts else self.shape_part(shape))
            # the order of `lexicon_columns`: the word's type, the candidate's, its head's, then the flags on
            size = len(columns)
            columns.append(LEXICON_COLUMN[0] + LABEL_INDEX[word_type(lemma, token.pos)])
            columns.append(LEXICON_COLUMN[1] + LABEL_INDEX[lexicon.get(i, "O")])
            if head_token:
                columns.append(LEXICON_COLUMN[2] + LABEL_INDEX[word_type(head_token.lemma, head_token.pos)])
                headed.append(row)
                key = (head_token.lemma, True)
                head_shares.append(parts[key] if key in parts else self.lemma_part(head_token.lemma, True))
            if head is not None:
                columns.append(FLAG_COLUMN["parsed"])
            if lemma in PAIR_HEADS:
                columns.append(FLAG_COLUMN["pair_head"])
            if i in lexicon:
                columns.append(FLAG_COLUMN["candidate"])
            columns.append(FLAG_COLUMN["bias"])
            sizes.append(size)
        one_hot = np.add.reduceat(self.weights[columns], sizes, axis=0)
        logits = self.bias + np.array(own) + np.array(shapes) + one_hot
        if headed:
            logits[headed] += np.array(head_shares)
        return words, softmax(logits)

    def shape_part(self, shape: tuple[str, str | None, str, str]) -> np.ndarray:
        part = self.shape_parts.get(shape)
        if part is None:
            if len(self.shape_parts) >= PARTS_LIMIT:
                self.shape_parts.clear()
            part = self.shape_parts[shape] = self.weights[shape_columns(*shape)].sum(0)
        return part

    def lemma_part(self, lemma: str, as_head: bool) -> np.ndarray:
        part = self.parts.get((lemma, as_head))
        if part is None:
            if len(self.parts) + 2 > PARTS_LIMIT:
                self.parts.clear()
            # both roles at once: the nearness to the lexicon (a product with every listed lemma) is the costly part
            vector = lemma_vector(lemma)[None]
            near = type_similarity(vector)
            for role, (at, at_near, scale) in ((False, (0, 2 * DIM, 4)), (True, (DIM, VECTORS - len(LABELS), 2))):
                share = vector @ self.weights[at : at + DIM] + scale * near @ self.weights[at_near : at_near + len(LABELS)]
                self.parts[(lemma, role)] = share[0]
            part = self.parts[(lemma, as_head)]
        return part

    def save(self, weights: Path = WEIGHTS, meta: Path = META, **about: object) -> None:
        np.savez_compressed(weights, weights=self.weights.astype(np.float16), bias=self.bias.astype(np.float32))
        meta.write_text(json.dumps({"labels": LABELS, "width": WIDTH, "features": FEATURES_VERSION, "add": self.add,
                                    "veto": self.veto, **about}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


class ModelError(ValueError):
    pass


def load_model(weights: Path = WEIGHTS, meta: Path = META) -> TriggerModel:
    """The committed model; its meta must name the labels and feature layout this code builds."""
    about = json.loads(meta.read_text(encoding="utf-8"))
    expected = {"labels": list(LABELS), "width": WIDTH, "features": FEATURES_VERSION}
    found = {k: about.get(k) for k in expected}
    if found != expected:
        raise ModelError(f"{meta.name}: expected {expected}, found {found}; rebuild with scripts/train_triggers.py")
    with np.load(weights) as arrays:
        w, b = arrays["weights"].astype(np.float32), arrays["bias"]
    if w.shape != (WIDTH, len(LABELS)) or b.shape != (len(LABELS),):
        raise ModelError(f"{weights.name}: weights {w.shape}, bias {b.shape}; expected ({WIDTH}, {len(LABELS)})")
    return TriggerModel(w, b, float(about["add"]), float(about["veto"]))


@cache
def trigger_model() -> TriggerModel:
    return load_model()


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float = 1e-3, steps: int = 400, rate: float = 0.05,
        add: float = 0.5, veto: float = 0.9) -> TriggerModel:
    """Weighted softmax regression by full-batch Adam; `y` holds label indices."""
    n, width = x.shape
    k = len(LABELS)
    target = np.eye(k, dtype=np.float32)[y]
    w = np.zeros((width, k), np.float32)
    b = np.log(np.bincount(y, minlength=k) + 1.0).astype(np.float32)
    m = [np.zeros_like(w), np.zeros_like(b)]
    v = [np.zeros_like(w), np.zeros_like(b)]
    total = weight.sum()
    for step in range(1, steps + 1):
        residual = (softmax(x @ w + b) - target) * weight[:, None] / total
        grads = [x.T @ residual + l2 * w, residual.sum(axis=0)]
        for p, g, mi, vi in zip((w, b), grads, m, v):
            mi *= 0.9
            mi += 0.1 * g
            vi *= 0.999
            vi += 0.001 * g * g
            p -= rate * (mi / (1 - 0.9**step)) / (np.sqrt(vi / (1 - 0.999**step)) + 1e-8)
    return TriggerModel(w, b, add, veto)
