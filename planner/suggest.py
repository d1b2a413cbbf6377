"""Which items a request most likely belongs to, learnt from the links the PdM already made.

Customers word the same need the same way far more often than the item's title
does, so an item is described by three fields: the requests linked to it, its
title and its description. Each field is a TF-IDF vector of character 2–4-grams
of the NFKC-normalised, case-folded text: n-grams meet "reports" with "report"
and read Japanese without a tokenizer. A request is ranked against every item
by the weighted sum of its cosine with each field.

Speed: a field is a weighted sum of its words' n-gram vectors, so the three
fields fold into one weight per (item, word), and ranking 10k items is the
request's likeness to each word (through an n-gram -> words index) spread over
the items holding those words, in two `bincount`s. Building cuts each distinct
word once and does the rest on numpy arrays. Only the few best items are then
looked at field by field to say why they were suggested. A new link, item or
edit describes only the items it touched again, in a small delta searched
alongside the full build (`SuggestionIndex.update`). A big workspace's index
is also kept on disk (`DISK_CACHE_FROM`): reopening the workspace, in the
window or for a `planner suggest`, reads it back and catches up from the
change log in a few tens of milliseconds instead of building it again.
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import math
import os
import pickle
import re
import threading
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from itertools import chain, count, repeat
from operator import itemgetter
from pathlib import Path

import numpy as np

from planner.errors import NotFoundError
from planner.storage import demand, suggest_queries, triage_queries
from planner.storage.db import Workspace

# How much each field's likeness counts. What the PdM linked is the strongest
# evidence; a description is often boilerplate.
FIELD_WEIGHTS = {"requests": 1.0, "title": 0.8, "description": 0.4}
# A shipped item is still worth linking to (to answer "it's done"), a won't-do one
# to count demand; neither should crowd out the open work.
STATUS_FACTOR = {"shipped": 0.6, "wont_do": 0.35}
MIN_SCORE = 0.22  # below this the likeness is the noise of shared letters (benchmarks/triage_bench.py)
ALIKE = 0.3  # a linked request this like the new one (cosine) counts as "worded alike"
# Character n-gram lengths: Latin words from 3 (2-grams of English are mostly noise),
# Japanese runs from 2 (most Japanese words are two characters).
LATIN_GRAMS = (3, 4)
JAPANESE_GRAMS = (2, 4)
MAX_LINKED_TEXTS = 200  # distinct phrasings kept per item (the most recent): enough, with bounded memory
# Items described again since the full build, searched alongside it, before a full build is due
# (or a tenth of the backlog, if more): each update describes them all again, so it stays small.
MAX_DELTA_ITEMS = 200
_BODY_WEIGHT = 0.5  # the title says what is asked; a body adds evidence and greetings
_BODY_CHARS = 2000

# From this many items a built index is kept on disk: reading 10k items' index back takes 0.03 s, building it 0.7 s.
# A smaller one builds about as fast as it reads.
DISK_CACHE_FROM = 2000
DISK_CACHE_KEPT = 8  # workspaces whose index is kept; the least recently saved go first
_DISK_FORMAT = 1  # raised whenever what is pickled changes shape: an older file is then built again

log = logging.getLogger(__name__)

# Words that say nothing about which item a request is about.
STOPWORDS = frozenset(
    """a an and are as at be but by can could do does for from get has have i if in into is it its let like me
    more my need needs not of on or our please should so than that the their them there these they this to too
    us very want wants was we were what when where which who will with would you your yours also just only
    able all any some every add allow""".split()
)
# Japanese for "please support / add a feature": common to every kind of request.
_JP_STOP = ("対応", "機能", "追加", "希望", "要望")
_WORD = re.compile(
    r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f々ー]+"  # a Japanese run
    r"|[^\W_\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]+"  # a word in any other script
)
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_HIRAGANA_ONLY = re.compile(r"^[\u3040-\u309f ]+$")
_JP_PIECE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff々]+|[\u30a0-\u30ff\uff66-\uff9fー]+")


def normalise(text: str | None) -> str:
    """NFKC (full-width letters, half-width kana) and case folding: how texts are compared."""
    return unicodedata.normalize("NFKC", text or "").casefold().replace("’", "'")


def words(text: str | None) -> list[str]:
    """The words of a text that can say what it is about: stopwords dropped, Japanese runs whole."""
    out = []
    for word in _WORD.findall(normalise(text)):
        if _JAPANESE.match(word):
            out.append(word)
        else:
            word = word.split("'")[0]
            if word and word not in STOPWORDS and not (len(word) == 1 and word.isascii()):
                out.append(word)
    return out


def word_grams(word: str) -> list[str]:
    """Character n-grams of one word, padded so a word's start and end count.

    A Japanese run is cut the same way; n-grams made only of kana particles
    (を, した) or holding a "please support" pair say nothing and are dropped.
    """
    japanese = bool(_JAPANESE.match(word))
    padded = word if japanese else f" {word} "
    lo, hi = JAPANESE_GRAMS if japanese else LATIN_GRAMS
    grams = []
    for n in range(lo, hi + 1):
        for i in range(len(padded) - n + 1):
            gram = padded[i : i + n]
            if japanese and (_HIRAGANA_ONLY.match(gram) or any(stop in gram for stop in _JP_STOP)):
                continue
            grams.append(gram)
    if japanese and len(word) == 1 and not grams and not _HIRAGANA_ONLY.match(word):
        grams.append(word)  # a one-kanji word (表) is still a word
    return grams


def _word_gram_list(word: str) -> list[str]:
    """The n-grams a word found by the tokenizer adds to a text: none for a stopword or a lone Latin letter."""
    if not _JAPANESE.match(word) and (word in STOPWORDS or (len(word) == 1 and word.isascii())):
        return []
    return word_grams(word)


_SEP = "\x1f"  # joins many texts into one string, so they are normalised and split in one C call
_TOKEN = re.compile(_SEP + "|" + _WORD.pattern)
_ASCII_TOKEN = re.compile(_SEP + "|[a-z0-9]+")  # the same words, in a lower-cased ASCII text
_ASCII_SEP = f" {_SEP} "
_ASCII_FOLD = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 else 124 if c == ord(_SEP) else 32
    for c in range(256)
)


class Vocabulary:
    """N-gram ids, word ids and the n-grams of every word seen, kept from one build to the next.

    Words repeat across thousands of requests: each distinct word is cut into
    n-grams once, and texts are handled as arrays of word ids.
    """

    def __init__(self):
        self.ids: dict[str, int] = {}
        self.word_ids: dict[str, int] = {_SEP: 0}  # word 0 separates texts and has no n-grams
        self._grams: list[tuple[int, ...]] = [()]
        self._ptr = np.zeros(1, dtype=np.int64)
        self._flat = np.zeros(0, dtype=np.int64)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.ids)

    def __getstate__(self) -> dict:
        return {k: v for k, v in vars(self).items() if k != "_lock"}

    def __setstate__(self, state: dict) -> None:
        vars(self).update(state)
        self._lock = threading.Lock()

    def add_words(self, new_words) -> None:
        with self._lock:
            ids, word_ids, grams = self.ids, self.word_ids, self._grams
            for word in new_words:
                if word in word_ids:
                    continue
                word_ids[word] = len(grams)
                if not word.isascii():
                    cut = _word_gram_list(word)
                elif word in STOPWORDS or len(word) == 1:
                    cut = ()
                else:  # `word_grams` of a Latin word, inline: a big build cuts tens of thousands of them
                    padded = f" {word} "
                    cut = [padded[i : i + 3] for i in range(len(padded) - 2)]
                    cut += [padded[i : i + 4] for i in range(len(padded) - 3)]
                out = []
                for gram in cut:
                    k = ids.get(gram)
                    if k is None:
                        k = ids[gram] = len(ids)
                    out.append(k)
                grams.append(tuple(out))

    def word_csr(self) -> tuple[np.ndarray, np.ndarray]:
        """(pointer by word id, gram ids) of every word known so far."""
        ptr, flat = self._ptr, self._flat
        if len(ptr) - 1 == len(self._grams) and len(flat) == ptr[-1]:
            # Nothing new since: no lock, so a ranking does not wait for an index being pickled (`save_index`).
            return ptr, flat
        with self._lock:
            done, total = len(self._ptr) - 1, len(self._grams)
            if done < total:
                new = self._grams[done:total]
                lengths = np.fromiter(map(len, new), dtype=np.int64, count=len(new))
                flat = np.fromiter(chain.from_iterable(new), dtype=np.int64, count=int(lengths.sum()))
                self._ptr = np.concatenate([self._ptr, self._ptr[-1] + np.cumsum(lengths)])
                self._flat = np.concatenate([self._flat, flat])
            return self._ptr, self._flat

    def text_ids(self, text: str | None, *, grow: bool = True) -> list[int]:
        """Gram ids of a text, repeats kept (they are the term frequencies)."""
        found = words(text)
        if grow:
            self.add_words(set(found).difference(self.word_ids))
        out: list[int] = []
        for word in found:
            wid = self.word_ids.get(word)
            if wid is not None:
                out.extend(self._grams[wid])
            else:
                out.extend(self.ids[g] for g in _word_gram_list(word) if g in self.ids)
        return out

    def tokens(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(text number, word id) of every word with n-grams in `texts`: one regex pass over all of them.

        Plain ASCII texts (most) need neither NFKC nor the Unicode classes, and
        go through a simpler pattern that finds the same words faster.
        """
        ascii_ = np.fromiter(map(str.isascii, texts), dtype=bool, count=len(texts))
        docs, wids = [], []
        for which, pattern, fold in ((ascii_, None, None), (~ascii_, _TOKEN, normalise)):
            numbers = np.flatnonzero(which)
            if not len(numbers):
                continue
            chosen = [texts[k] for k in numbers.tolist()]
            if pattern is None:
                # Plain ASCII: one byte table lower-cases letters, keeps digits, turns the separator into "|"
                # and everything else into a space, so `split` finds the words `_ASCII_TOKEN` would (faster).
                joined = _ASCII_SEP.join(chosen)
                if joined.count(_SEP) != len(chosen) - 1:
                    joined = _ASCII_SEP.join(t.replace(_SEP, " ") for t in chosen)
                found = joined.encode("ascii").translate(_ASCII_FOLD).decode("ascii").split()
            else:
                joined = _SEP.join(chosen)
                if joined.count(_SEP) != len(chosen) - 1:
                    joined = _SEP.join(t.replace(_SEP, " ") for t in chosen)
                found = pattern.findall(fold(joined))
            new = set(found).difference(self.word_ids)
            new.discard("|")
            if new:
                self.add_words(new)
            # The separator ("|" or _SEP) is word 0; every other word is known by now.
            ids = np.fromiter(map(self.word_ids.get, found, repeat(0)), dtype=np.int64, count=len(found))
            docs.append(numbers[np.cumsum(ids == 0)])
            wids.append(ids)
        if not docs:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        doc, wid = np.concatenate(docs), np.concatenate(wids)
        ptr, _ = self.word_csr()
        keep = (ptr[wid + 1] - ptr[wid]) > 0
        return doc[keep], wid[keep]


def _gather(ptr: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where every entry of `rows` sits in a CSR's arrays, and which of `rows` it belongs to."""
    starts = ptr[rows]
    sizes = ptr[rows + 1] - starts
    total = int(sizes.sum())
    owner = np.repeat(np.arange(len(rows), dtype=np.int64), sizes)
    where = np.arange(total, dtype=np.int64) + np.repeat(starts - (np.cumsum(sizes) - sizes), sizes)
    return where, owner


def _unique(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """np.unique's (values, inverse, counts), by a stable sort: much faster on keys already nearly in order."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    first = np.ones(len(keys), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    starts = np.flatnonzero(first)
    inverse = np.empty(len(keys), dtype=np.int64)
    inverse[order] = np.cumsum(first) - 1
    return ordered[starts], inverse, np.diff(np.append(starts, len(keys)))


def _ptr(keys: np.ndarray, n: int) -> np.ndarray:
    out = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys, minlength=n), out=out[1:])
    return out


_BLOCK = 300_000  # n-gram entries expanded at a time


def _blocks(rows: np.ndarray, w_ptr: np.ndarray, f_word: np.ndarray) -> list[tuple[int, int]]:
    """Ranges of `rows` (item × field, sorted) holding about _BLOCK n-gram entries, cut between items."""
    if not len(rows):
        return []
    sizes = w_ptr[f_word + 1] - w_ptr[f_word]
    item_starts = np.flatnonzero(np.r_[True, (rows[1:] // 3) != (rows[:-1] // 3)])
    before = np.r_[0, np.cumsum(sizes)][item_starts]
    marks = np.unique(np.searchsorted(before, np.arange(0, int(before[-1]) + 1, _BLOCK), side="right") - 1)
    edges = item_starts[marks].tolist() + [len(rows)]
    return [(a, b) for a, b in zip(edges, edges[1:]) if b > a]


def _expand(w_ptr, w_flat, rows, f_word, a: int, b: int, width: int):
    """The n-grams of rows a..b, sorted by (item, n-gram, field): (grams, row of each, group starts, df grams).

    The group starts mark each distinct (item, field, n-gram); the df grams are
    each distinct (item, n-gram)'s n-gram, for document frequencies.
    """
    where, owner = _gather(w_ptr, f_word[a:b])
    grams = w_flat[where]
    part = rows[a:b]
    key = (((part // 3) * width) << 2 | part % 3)[owner] + (grams << 2)
    sort = np.argsort(key, kind="stable")
    key, grams, entry = key[sort], grams[sort], owner[sort] + a
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    pair = key >> 2
    new_pair = np.ones(len(key), dtype=bool)
    new_pair[1:] = pair[1:] != pair[:-1]
    return grams, entry, np.flatnonzero(first), grams[new_pair]


_FIELDS = ("title", "description", "requests")
_FIELD_WEIGHT = np.array([FIELD_WEIGHTS[f] for f in _FIELDS])


class _Part:
    """Some items described as word vectors: every item at a full build, the items changed since in a delta.

    A field of an item is a weighted sum of its words' n-gram vectors (a word's
    frequency is damped by a log), so its likeness to a request is a sum over
    words of (word weight × the word's likeness to the request). The ranking
    then only needs, per word, the items holding it (`post_*`); the n-grams are
    expanded once here, to count document frequencies and the fields' norms.
    """

    def __init__(self, items, linked, vocab: Vocabulary, idf: np.ndarray | None = None, width: int = 0):
        items = list(items)
        n = self.n = len(items)
        self.item_ids = np.array([row[0] for row in items], dtype=np.int64)
        local = {int(item_id): k for k, item_id in enumerate(self.item_ids)}
        self.titles = [row[1] or "" for row in items]
        self.descriptions = [row[2] or "" for row in items]
        self.status_factor = np.array([STATUS_FACTOR.get(row[3] if len(row) > 3 else None, 1.0) for row in items])
        self._phrasings(linked, local)
        m = len(self.text_title)

        doc, wid = vocab.tokens(self.titles + self.descriptions + self.text_title)
        n_words = len(vocab.word_ids)
        key = doc * n_words + wid
        pairs, _, counts = _unique(key)
        p_doc, p_word = pairs // n_words, pairs % n_words
        tf = 1.0 + np.log(counts)
        is_text = p_doc >= 2 * n
        # Phrasings: (phrasing, word, tf), in phrasing order.
        t_doc, t_word, t_tf = p_doc[is_text] - 2 * n, p_word[is_text], tf[is_text]
        self.pw_ptr, self.pw_word, self.pw_tf = _ptr(t_doc, m), t_word, t_tf
        # An item's linked requests as one field: its phrasings' words, summed.
        r_pairs, r_inverse, _ = _unique(self.text_item[t_doc] * n_words + t_word)
        rows = np.concatenate([(p_doc[~is_text] % n) * 3 + p_doc[~is_text] // n, (r_pairs // n_words) * 3 + 2])
        f_word = np.concatenate([p_word[~is_text], r_pairs % n_words])
        order = np.argsort(rows, kind="stable")
        rows, f_word = rows[order], f_word[order]

        # Every (item, n-gram, field) once: document frequencies and the fields' norms, a block of items
        # at a time (small arrays are reused by the allocator; big ones cost page faults every time).
        self.w_ptr, self.w_flat = w_ptr, w_flat = vocab.word_csr()
        width = max(width, len(vocab), 1)
        blocks = [_expand(w_ptr, w_flat, rows, f_word, a, b, width) for a, b in _blocks(rows, w_ptr, f_word)]
        if idf is None:
            self.df = np.zeros(width, dtype=np.int64)
            for block in blocks:
                self.df += np.bincount(block[3], minlength=width)
            idf = np.log((1.0 + n) / (1.0 + self.df)) + 1.0
        elif len(idf) < width:  # n-grams new since the build: as rare as can be until the next one
            idf = np.concatenate([idf, np.full(width - len(idf), float(idf.max(initial=1.0)))])
        self.idf = idf

        # Phrasing norms (n-grams shared by two words of one short phrasing are rare: counted twice),
        # then each phrasing weighted by the square root of how often it was asked.
        word_sq = np.bincount(np.repeat(np.arange(len(w_ptr) - 1), np.diff(w_ptr)),
                              weights=idf[w_flat] ** 2, minlength=len(w_ptr) - 1)
        p_norm = np.sqrt(np.bincount(t_doc, weights=t_tf ** 2 * word_sq[t_word], minlength=m))
        p_norm[p_norm == 0] = 1.0
        self.p_norm = p_norm
        r_raw = np.bincount(r_inverse, weights=np.sqrt(self.text_count[t_doc]) * t_tf / p_norm[t_doc],
                            minlength=len(r_pairs))
        raw = np.concatenate([tf[~is_text], r_raw])[order]
        self.fw_ptr, self.fw_word, self.fw_raw = _ptr(rows, 3 * n), f_word, raw

        f_norm = np.zeros(3 * n)
        for grams, entry, starts, _ in blocks:
            if len(starts):
                summed = np.add.reduceat(raw[entry] * idf[grams], starts)
                f_norm += np.bincount(rows[entry[starts]], weights=summed ** 2, minlength=3 * n)
        f_norm = np.sqrt(f_norm)
        f_norm[f_norm == 0] = 1.0
        self.f_norm = f_norm

        # Per (item, word): the three fields' weighted cosines folded into one weight.
        weight = _FIELD_WEIGHT[rows % 3] * raw / f_norm[rows]
        iw, iw_inverse, _ = _unique((rows // 3) * n_words + f_word)
        self.post_item = iw // n_words
        self.post_word = iw % n_words
        self.post_val = np.bincount(iw_inverse, weights=weight, minlength=len(iw)).astype(np.float64)

    def _phrasings(self, linked, local: dict[int, int]) -> None:
        """Distinct phrasings per item (the most recent MAX_LINKED_TEXTS), with how many requests use each."""
        linked = linked if isinstance(linked, list) else list(linked)
        # A column at a time: `zip(*linked)` over 100k rows costs several times more.
        title_col = list(map(itemgetter(2), linked))
        # Each request's item as its number here, as `local` says (-1: not one of these items): one search for all.
        item_col = np.fromiter(map(itemgetter(0), linked), dtype=np.int64, count=len(linked))
        pos = np.full(len(linked), -1, dtype=np.int64)
        if self.n:
            sorter = np.argsort(self.item_ids, kind="stable")
            right = np.searchsorted(self.item_ids, item_col, side="right", sorter=sorter)
            at = sorter[np.maximum(right - 1, 0)]  # the last of equal ids, as the dict keeps
            pos = np.where(self.item_ids[at] == item_col, at, -1)
        keep = (pos >= 0) & np.fromiter(map(bool, title_col), dtype=bool, count=len(linked))
        numbers = np.flatnonzero(keep)
        if len(numbers) == len(linked):
            titles = title_col
        else:
            pos = pos[keep]
            titles = [title_col[k] for k in numbers.tolist()]
        self.request_counts = np.bincount(pos, minlength=self.n)
        joined = _SEP.join(titles)
        if joined.count(_SEP) != max(len(titles) - 1, 0):
            joined = _SEP.join(t.replace(_SEP, " ") for t in titles)
        folded = (joined.lower() if joined.isascii() else normalise(joined)).split(_SEP)
        folded = list(map(str.strip, folded))
        # Each phrasing is known by where it first appears: one dict call per request, and the same order.
        first_seen: dict[str, int] = {}
        kid = np.fromiter(map(first_seen.setdefault, folded, count()), dtype=np.int64, count=len(titles))
        pair, inverse, counts = _unique(pos * max(len(titles), 1) + kid)
        newest = np.full(len(pair), -1, dtype=np.int64)
        np.maximum.at(newest, inverse, np.arange(len(titles)))
        p_item = pos[newest]
        # The most recent phrasings of each item first; the first MAX_LINKED_TEXTS are kept.
        order = np.lexsort((-newest, p_item))
        starts = np.searchsorted(p_item[order], p_item[order])
        kept = order[np.arange(len(order)) - starts < MAX_LINKED_TEXTS]
        kept = kept[np.lexsort((newest[kept], p_item[kept]))]
        self.text_item = p_item[kept]
        self.text_request = [linked[k][1] for k in numbers[newest[kept]].tolist()]
        self.text_title = [titles[k] for k in newest[kept].tolist()]
        self.text_count = counts[kept].astype(np.float64)
        self.text_ptr = _ptr(self.text_item, self.n)

    def field_cosines(self, local: int, likeness: np.ndarray) -> dict[str, float]:
        out = {}
        for f, name in enumerate(_FIELDS):
            a, b = self.fw_ptr[3 * local + f], self.fw_ptr[3 * local + f + 1]
            out[name] = float(np.dot(self.fw_raw[a:b], likeness[self.fw_word[a:b]]) / self.f_norm[3 * local + f])
        return out

    def text_likeness(self, local: int, likeness: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(phrasing numbers, cosine of each with the request) of one item's linked phrasings."""
        texts = np.arange(self.text_ptr[local], self.text_ptr[local + 1])
        where, owner = _gather(self.pw_ptr, texts)
        dots = np.bincount(owner, weights=self.pw_tf[where] * likeness[self.pw_word[where]], minlength=len(texts))
        return texts, dots / self.p_norm[texts]

    def field_words(self, local: int, kind: str) -> np.ndarray:
        if kind == "requests":
            texts = np.arange(self.text_ptr[local], self.text_ptr[local + 1])
            where, _ = _gather(self.pw_ptr, texts)
            return self.pw_word[where]
        row = 3 * local + _FIELDS.index(kind)
        return self.fw_word[self.fw_ptr[row] : self.fw_ptr[row + 1]]


@dataclass(frozen=True)
class _State:
    """What the ranking reads, swapped whole when the index is updated (a reader never sees half an update)."""

    item_ids: np.ndarray  # by position; main items first, new ones appended
    position: dict[int, int]
    status_factor: np.ndarray
    stale: np.ndarray  # positions whose main entry is out of date (changed or deleted items)
    delta: _Part | None  # the items changed since the full build
    delta_position: np.ndarray  # position of each of the delta's items
    delta_local: dict[int, int]  # position -> the delta's item number
    idf: np.ndarray
    extra_gram: np.ndarray  # n-grams of words first seen after the full build: (gram, word, value)
    extra_word: np.ndarray
    extra_val: np.ndarray


class SuggestionIndex:
    """Every item's three fields as TF-IDF vectors, ranked through one inverted index of words.

    After the full build, changed items are described again in a small delta
    searched alongside (the document frequencies stay as they were), until so
    many have changed that a full build is due (`needs_rebuild`).
    """

    def __init__(self, items, linked, *, vocabulary: Vocabulary | None = None):
        """`items`: (id, title, description, status); `linked`: (item_id, request_id, request title)."""
        self.vocabulary = vocab = vocabulary if vocabulary is not None else Vocabulary()
        self.main = main = _Part(items, linked, vocab)
        self.n_items = main.n
        self.df = main.df
        self.updates = 0  # incremental updates applied since the build
        self._delta_rows: dict[int, tuple] = {}
        self._delta_links: dict[int, list[tuple]] = {}
        self.removed: set[int] = set()
        self._lock = threading.Lock()
        # N-gram -> words holding it, with the n-gram's weight: a request's likeness to every word.
        w_ptr, w_flat = main.w_ptr, main.w_flat
        self.n_words = len(w_ptr) - 1
        width = len(main.idf)
        order = np.argsort(w_flat, kind="stable")
        self.gw_ptr = _ptr(w_flat, width)
        self.gw_word = np.repeat(np.arange(self.n_words), np.diff(w_ptr))[order]
        self.gw_val = main.idf[w_flat[order]]
        # Word -> items holding it, with the item's weight for the word.
        order = np.argsort(main.post_word, kind="stable")
        self.wi_ptr = _ptr(main.post_word, self.n_words)
        self.wi_item = main.post_item[order].astype(np.int32)
        self.wi_val = main.post_val[order].astype(np.float32)
        main.post_item = main.post_word = main.post_val = main.w_ptr = main.w_flat = None
        empty = np.zeros(0, dtype=np.int64)
        self.state = _State(main.item_ids, {int(i): k for k, i in enumerate(main.item_ids)}, main.status_factor,
                            np.zeros(main.n, dtype=bool), None, empty, {}, main.idf, empty, empty, np.zeros(0))

    def __getstate__(self) -> dict:
        return {k: v for k, v in vars(self).items() if k != "_lock"}

    def __setstate__(self, state: dict) -> None:
        vars(self).update(state)
        self._lock = threading.Lock()

    # -- kept up to date -----------------------------------------------------------------------------------

    @property
    def item_ids(self) -> np.ndarray:
        return self.state.item_ids

    @property
    def position(self) -> dict[int, int]:
        return self.state.position

    @property
    def idf(self) -> np.ndarray:
        return self.state.idf

    @property
    def width(self) -> int:
        return len(self.state.idf)

    def needs_rebuild(self, more: int = 0) -> bool:
        """Whether so many items changed since the build that the delta would cost more than it saves."""
        return len(self.changed_items) + more > max(MAX_DELTA_ITEMS, self.n_items // 10)

    def update(self, items, linked, removed=()) -> None:
        """Describe `items` again (new, edited, or whose links changed) and forget `removed`, in place.

        `items` and `linked` are rows as the constructor takes them, for the
        changed items only. They join the items changed before in one delta,
        described with the document frequencies of the full build.
        """
        with self._lock:
            state = self.state
            for row in items:
                self._delta_rows[int(row[0])] = row
                self._delta_links[int(row[0])] = []
            for row in linked:
                if int(row[0]) in self._delta_links:
                    self._delta_links[int(row[0])].append(row)
            removed = {int(i) for i in removed}
            for item_id in removed:
                self._delta_rows.pop(item_id, None)
                self._delta_links.pop(item_id, None)
            self.removed = (self.removed | removed) - set(self._delta_rows)
            delta = _Part(list(self._delta_rows.values()), list(chain.from_iterable(self._delta_links.values())),
                          self.vocabulary, self.main.idf)
            item_ids, position = state.item_ids, dict(state.position)
            new_ids = [i for i in delta.item_ids.tolist() if i not in position]
            if new_ids:
                item_ids = np.concatenate([item_ids, np.array(new_ids, dtype=np.int64)])
                for i in new_ids:
                    position[i] = len(position)
            status = np.concatenate([self.main.status_factor, np.ones(len(item_ids) - self.n_items)])
            delta_position = np.array([position[i] for i in delta.item_ids.tolist()], dtype=np.int64)
            status[delta_position] = delta.status_factor
            stale = np.zeros(len(item_ids), dtype=bool)
            stale[delta_position] = True
            for item_id in self.removed:
                pos = position.get(item_id)
                if pos is not None:
                    stale[pos] = True
                    status[pos] = 0.0
            # Words first seen after the build: their n-grams, for a request's likeness to them.
            w_ptr, w_flat = delta.w_ptr, delta.w_flat
            new_words = np.arange(self.n_words, len(w_ptr) - 1)
            where, owner = _gather(w_ptr, new_words)
            extra_gram = w_flat[where]
            self.state = _State(item_ids, position, status, stale, delta, delta_position,
                                {int(p): k for k, p in enumerate(delta_position)}, delta.idf,
                                extra_gram, new_words[owner], delta.idf[extra_gram])
            self.updates += 1

    @property
    def changed_items(self) -> set[int]:
        """Items described again, or removed, since the full build."""
        return set(self._delta_rows) | self.removed

    # -- ranking -------------------------------------------------------------------------------------------

    def query_vector(self, title: str, body: str = "") -> tuple[np.ndarray, np.ndarray]:
        """(gram ids, weights) of a request's text, normalised, over the grams the items know."""
        width = self.width
        counts: dict[int, float] = defaultdict(float)
        for ids, weight in ((self.vocabulary.text_ids(title, grow=False), 1.0),
                            (self.vocabulary.text_ids((body or "")[:_BODY_CHARS], grow=False), _BODY_WEIGHT)):
            local: dict[int, int] = defaultdict(int)
            for gram in ids:
                if gram < width:
                    local[gram] += 1
            for gram, c in local.items():
                counts[gram] += weight * (1.0 + math.log(c))
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        grams = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        vals = np.fromiter(counts.values(), dtype=np.float64, count=len(counts)) * self.state.idf[grams]
        norm = float(np.sqrt(np.dot(vals, vals)))
        return grams, vals / norm

    def word_likeness(self, grams: np.ndarray, vals: np.ndarray, state: _State | None = None) -> np.ndarray:
        """Every word's dot product with the request's n-gram vector (zero for most)."""
        state = state or self.state
        n_words = len(self.vocabulary.word_csr()[0]) - 1
        inside = grams < len(self.gw_ptr) - 1
        where, owner = _gather(self.gw_ptr, grams[inside])
        out = np.bincount(self.gw_word[where], weights=self.gw_val[where] * vals[inside][owner],
                          minlength=n_words).astype(np.float64)
        if len(state.extra_gram):
            dense = np.zeros(len(state.idf))
            dense[grams] = vals
            out[: n_words] += np.bincount(state.extra_word, weights=state.extra_val * dense[state.extra_gram],
                                          minlength=n_words)[:n_words]
        return out

    def rank(self, grams: np.ndarray, vals: np.ndarray, *, limit: int, exclude=(), state: _State | None = None
             ) -> list[tuple[int, float]]:
        """(position, score) of the best items, best first; score = Σ field weight × cosine × status factor."""
        state = state or self.state
        n_all = len(state.item_ids)
        if n_all == 0 or len(grams) == 0:
            return []
        # A gram in more than half the items tells them apart least and costs the most.
        n = self.n_items
        df = np.zeros(len(grams), dtype=np.int64)
        known = grams < len(self.df)
        df[known] = self.df[grams[known]]
        keep = df <= n / 2 if n > 20 else np.ones(len(grams), dtype=bool)
        likeness = self.word_likeness(grams[keep], vals[keep], state)
        touched = np.flatnonzero(likeness[: self.n_words])
        where, owner = _gather(self.wi_ptr, touched)
        scores = np.zeros(n_all)
        scores[:n] = np.bincount(self.wi_item[where], weights=self.wi_val[where] * likeness[touched][owner], minlength=n)
        scores[state.stale] = 0.0
        if state.delta is not None:
            d = state.delta
            scores += np.bincount(state.delta_position[d.post_item], weights=d.post_val * likeness[d.post_word],
                                  minlength=n_all)
        scores *= state.status_factor
        for item_id in exclude:
            pos = state.position.get(int(item_id))
            if pos is not None:
                scores[pos] = 0.0
        k = min(limit, n_all)
        top = np.argpartition(-scores, k - 1)[:k] if k < n_all else np.arange(n_all)
        top = top[scores[top] >= MIN_SCORE]
        order = sorted(top.tolist(), key=lambda p: (-scores[p], int(state.item_ids[p])))
        return [(p, float(scores[p])) for p in order]

    def _part(self, position: int, state: _State) -> tuple[_Part, int]:
        local = state.delta_local.get(position)
        return (self.main, position) if local is None else (state.delta, local)

    def item_text(self, position: int, state: _State | None = None) -> tuple[str, str, int]:
        """(title, description, linked requests) of the item at `position`."""
        state = state or self.state
        part, local = self._part(position, state)
        return part.titles[local], part.descriptions[local], int(part.request_counts[local])

    def explain(self, position: int, grams: np.ndarray, vals: np.ndarray, query_words: list[str],
                state: _State | None = None) -> dict:
        """Why an item was suggested: the field that counted most, as data a sentence is made from."""
        state = state or self.state
        part, local = self._part(position, state)
        likeness = self.word_likeness(grams, vals, state)
        cosines = part.field_cosines(local, likeness)
        contribution = {name: FIELD_WEIGHTS[name] * c for name, c in cosines.items()}
        kind = max(contribution, key=lambda name: (contribution[name], name == "requests"))
        reason = {"kind": kind, "count": 0, "linked": int(part.request_counts[local]),
                  "text": part.titles[local], "request_id": None}
        similar = None
        texts, alike_of = part.text_likeness(local, likeness)
        if len(texts):
            best = int(np.argmax(alike_of))
            t = int(texts[best])
            similar = {"id": part.text_request[t], "title": part.text_title[t],
                       "score": round(100 * float(alike_of[best]))}
            if kind == "requests":
                alike = alike_of >= max(ALIKE, 0.7 * float(alike_of[best]))
                alike[best] = True
                reason.update(count=int(part.text_count[texts][alike].sum()),
                              text=part.text_title[t], request_id=part.text_request[t])
        if kind == "description":
            reason["text"] = part.descriptions[local]
        return {"reason": reason, "similar_request": similar, "cosines": cosines,
                "terms": self._shared_words(part, local, kind, query_words)}

    def _shared_words(self, part: _Part, local: int, kind: str, query_words: list[str]) -> list[str]:
        """The request's words the matched field holds (most of their n-grams), for people to see."""
        w_ptr, w_flat = self.vocabulary.word_csr()
        where, _ = _gather(w_ptr, np.unique(part.field_words(local, kind)))
        held = set(w_flat[where].tolist())
        out = []
        for word in query_words:
            for piece in (_JP_PIECE.findall(word) if _JAPANESE.match(word) else [word]):
                ids = [self.vocabulary.ids.get(g) for g in word_grams(piece)]
                if ids and sum(1 for i in ids if i in held) >= 0.6 * len(ids) and piece not in out:
                    out.append(piece)
        return out[:4]


# -- the workspace's index ---------------------------------------------------------------------------------

_cache_lock = threading.Lock()
# One build at a time: a second caller (the inbox asking while the index is built ahead) waits for
# the first and then finds its index, instead of building it again on the other core.
_build_lock = threading.Lock()
_cache: dict[str, tuple[tuple, SuggestionIndex]] = {}


def _changes(ws: Workspace, signature: tuple, hit) -> tuple[set[int], int] | None:
    """(items changed, newest change) since the cached index, or None when a full build is due.

    The change log (kept for scoring) names the items whose row or links
    changed, duplicate marks included; an import, or a log trimmed past the
    index, means a full build.
    """
    if not hit:
        return None
    cached, index = hit
    if signature[-2] != cached[-2] or signature[-1] <= cached[-1]:
        return None
    newest, rows, complete = demand.changes_since(ws, cached[-1], limit=20 * MAX_DELTA_ITEMS)
    if not complete:
        return None
    changed = {int(item_id) for item_id, kind in rows if item_id is not None and kind in ("item", "links")}
    if index.needs_rebuild(len(changed - index.changed_items)):
        return None
    return changed, newest


def suggestion_index(ws: Workspace) -> SuggestionIndex:
    """The index for this workspace: built once, then updated in place as items and links change.

    A full build reuses the words already cut; it happens again only after an
    import, or once many items have changed (`SuggestionIndex.needs_rebuild`).
    The first call in a process reads a big workspace's index from disk when it
    was saved there (`DISK_CACHE_FROM`), and saves what it built or caught up.
    """
    signature = triage_queries.index_signature(ws)
    key = str(ws.path)
    with _cache_lock:
        hit = _cache.get(key)
    if hit and hit[0] == signature:
        return hit[1]
    with _build_lock:
        return _built_index(ws, key, triage_queries.index_signature(ws))


def _built_index(ws: Workspace, key: str, signature: tuple) -> SuggestionIndex:
    """`suggestion_index` when the index kept in memory is missing or behind: read, caught up or built."""
    with _cache_lock:
        hit = _cache.get(key)
    from_disk = hit is None
    if from_disk:
        hit = read_saved_index(ws)
    if hit and hit[0] == signature:
        index = hit[1]
    else:
        found = _changes(ws, signature, hit)
        if found is not None:
            index = hit[1]
            changed, _ = found
            rows = suggest_queries.items_by_id(ws, changed)
            index.update(rows, suggest_queries.linked_texts_of(ws, changed), removed=changed - {row[0] for row in rows})
        else:
            index = SuggestionIndex(suggest_queries.item_texts(ws), triage_queries.linked_request_texts(ws),
                                    vocabulary=hit[1].vocabulary if hit else None)
            from_disk = True  # a full build: worth keeping
        if from_disk:  # built, or caught up since it was saved: the next process starts from here
            save_index(ws, signature, index, wait=False)
    with _cache_lock:
        _cache[key] = (signature, index)
    return index


# -- kept on disk ------------------------------------------------------------------------------------------

def saved_index_path(ws: Workspace) -> Path:
    """Where this workspace's index is kept: in the application-data folder, named after the file's path."""
    from planner.appdata import data_dir

    name = hashlib.sha256(str(Path(ws.path).resolve()).encode("utf-8")).hexdigest()[:24]
    return data_dir() / "suggestion-index" / f"{name}.pickle"


def _identity(ws: Workspace) -> dict:
    """What tells this workspace file apart from another one put at its path (a restored backup, a copy)."""
    return {"format": _DISK_FORMAT, "path": str(Path(ws.path).resolve()), "token": demand.workspace_token(ws)}


def save_index(ws: Workspace, signature: tuple, index: SuggestionIndex, *, wait: bool = True) -> Path | None:
    """Keep a big index on disk (a small one is not worth it); None when it was not kept.

    Written aside and renamed, so a reader never sees half a file; a failure
    (disk full, read-only folder) only costs the next process a build, and is logged.
    With `wait=False` the pickling and writing (a tenth of a second for a big
    index) happen on a thread of their own, so the first suggestion does not
    wait for them; the process still finishes the write before it ends.
    """
    if index.n_items < DISK_CACHE_FROM:
        return None
    path = saved_index_path(ws)
    header = {**_identity(ws), "signature": tuple(signature)}  # read here: the connection belongs to this thread
    if wait:
        return _write_index(path, header, index)
    ranked = threading.Event()
    # A daemon joined at exit (`_finish_saves_at_exit`), not a thread inheriting its daemon flag: started from a
    # worker thread of the window's pool it would be a daemon the interpreter does not wait for, and the file lost.
    writer = threading.Thread(target=_write_after_first_suggestion, args=(path, header, index, ranked),
                              name="suggestion-index-save", daemon=True)
    global _at_exit
    with _saving_lock:
        _saving.append(writer)
        _first_rank[id(index)] = ranked
        if not _at_exit:
            atexit.register(_finish_saves_at_exit)
            _at_exit = True
    writer.start()
    return path


# Pickling holds the interpreter lock for most of its tenth of a second: a write that starts at once delays the
# very suggestion the build was for. It waits for that suggestion (rank_text), or this long when none comes.
_SAVE_DELAY_S = 1.0
_first_rank: dict[int, threading.Event] = {}  # id of an index being saved -> set once it has ranked a request


def _write_after_first_suggestion(path: Path, header: dict, index: SuggestionIndex, ranked: threading.Event):
    try:
        ranked.wait(_SAVE_DELAY_S)
    finally:
        with _saving_lock:
            _first_rank.pop(id(index), None)
    _write_index(path, header, index)


_saving_lock = threading.Lock()
_at_exit = False


def _finish_saves_at_exit() -> None:
    # Joined here rather than by threading's own shutdown, where a Ctrl-C printed a traceback after the
    # command had answered; a Ctrl-C during this wait leaves the kept index as it was (written aside, renamed).
    try:
        wait_saved()
    except KeyboardInterrupt:
        pass


_saving: list[threading.Thread] = []  # writes started and perhaps not finished
_write_lock = threading.Lock()  # one write at a time, in the order they were started


def wait_saved() -> None:
    """Wait until the indexes being written on their own threads are on disk (or failed)."""
    with _saving_lock:
        pending = list(_saving)
    with _saving_lock:
        for ranked in _first_rank.values():
            ranked.set()  # no need to wait for a suggestion: someone waits for the file
    for writer in pending:
        if writer is not threading.current_thread():
            writer.join()
    with _saving_lock:
        _saving[:] = [w for w in _saving if w.is_alive()]


def _write_index(path: Path, header: dict, index: SuggestionIndex) -> Path | None:
    part = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.part")
    try:
        with _write_lock:
            # An update, or a full build sharing the words, must not change the index while it is pickled.
            with index._lock, index.vocabulary._lock:
                data = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(part, "wb") as out:
                pickle.dump(header, out, protocol=pickle.HIGHEST_PROTOCOL)
                out.write(data)
            os.replace(part, path)
    except Exception as exc:  # disk full, read-only folder: the next process builds it again
        log.warning("The suggestion index was not kept on disk (%s); it is built again next time.", exc)
        part.unlink(missing_ok=True)
        return None
    _trim_saved(path.parent)
    return path


def read_saved_index(ws: Workspace) -> tuple[tuple, SuggestionIndex] | None:
    """(signature, index) saved for this very workspace file, or None (none saved, another file, an older format)."""
    path = saved_index_path(ws)
    wait_saved()  # this process may still be writing it
    try:
        with open(path, "rb") as src:
            header = pickle.load(src)
            if not isinstance(header, dict) or {k: header.get(k) for k in ("format", "path", "token")} != _identity(ws):
                return None
            index = pickle.load(src)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged or foreign file: built again, and overwritten then
        log.warning("The suggestion index kept at %s cannot be read (%s); building it again.", path, exc)
        return None
    if not isinstance(index, SuggestionIndex):
        return None
    return tuple(header["signature"]), index


def _trim_saved(folder: Path) -> None:
    """Keep the indexes of the DISK_CACHE_KEPT workspaces saved last, and no write left over from a killed process."""
    try:
        files = sorted(folder.glob("*.pickle"), key=lambda f: f.stat().st_mtime, reverse=True)
        for old in files[DISK_CACHE_KEPT:]:
            old.unlink(missing_ok=True)
        for part in folder.glob("*.part"):  # an hour old: no write still running (they take a second at most)
            if part.stat().st_mtime < time.time() - 3600:
                part.unlink(missing_ok=True)
    except OSError:
        pass


BUILD_AHEAD_FROM = 1000  # items: from this many, the index is built when a workspace opens, before it is asked for


def build_ahead(ws: Workspace) -> bool:
    """Make a big backlog's suggestions ready before the inbox asks: read or build its index now.

    For the window to run in the background once a workspace's scores are on screen, so that the
    first request the PdM opens in the inbox gets its suggestions at once. A backlog under
    `BUILD_AHEAD_FROM` items builds in a blink when asked and is left alone. Returns whether the
    index was read, built or caught up.
    """
    if suggest_queries.item_count(ws) < BUILD_AHEAD_FROM or index_is_current(ws):
        return False
    suggestion_index(ws)
    return True


def index_is_current(ws: Workspace) -> bool:
    """Whether suggestions can be made at once: the index is built, and at most needs a quick update."""
    with _cache_lock:
        hit = _cache.get(str(ws.path))
    if not hit:
        return False
    signature = triage_queries.index_signature(ws)
    return hit[0] == signature or _changes(ws, signature, hit) is not None


def suggest_items(ws: Workspace, request_id: int, *, limit: int = 5) -> list[dict]:
    """The items this request most likely belongs to, best first; items it is linked to are left out.

    See `suggest_for_text` for the shape of each suggestion.
    """
    req = triage_queries.request_text(ws, request_id)
    if req is None:
        raise NotFoundError(f"There is no request {request_id}.", hint="`planner requests` lists the requests and their ids.")
    already = triage_queries.linked_item_ids(ws, request_id)
    return suggest_for_text(ws, req["title"] or "", req["body"] or "", limit=limit, exclude=already)


def suggest_for_text(ws: Workspace, title: str, body: str = "", *, limit: int = 5, exclude=()) -> list[dict]:
    """Items worded like this text, best first.

    Each suggestion: {item_id, title, score (0-100), reason, why, matched, terms,
    similar_request, linked_requests}. `reason` is data a sentence is made from:
    {kind: "requests" | "title" | "description", count (linked requests worded
    alike), linked (all linked requests), text (the request, title or description
    it resembles), request_id}; `why` is that sentence in English.
    """
    return rank_text(suggestion_index(ws), title, body, limit=limit, exclude=exclude)


def rank_text(index: SuggestionIndex, title: str, body: str = "", *, limit: int = 5, exclude=()) -> list[dict]:
    """`suggest_for_text` over an index already built (the benchmark and tests time and probe this)."""
    state = index.state  # one snapshot, whatever updates happen meanwhile
    grams, vals = index.query_vector(title, body)
    query_words = words(title) or words(body)
    out = []
    for position, score in index.rank(grams, vals, limit=limit, exclude=exclude, state=state):
        found = index.explain(position, grams, vals, query_words, state=state)
        reason = found["reason"]
        out.append({
            "item_id": int(state.item_ids[position]),
            "title": index.item_text(position, state)[0],
            "score": round(min(100.0, 100.0 * score), 1),
            "reason": reason,
            "why": why(reason),
            "matched": reason["kind"],
            "terms": found["terms"],
            "similar_request": found["similar_request"],
            "linked_requests": reason["linked"],
        })
    if _first_rank:
        ranked = _first_rank.get(id(index))
        if ranked is not None:
            ranked.set()  # the index may be written to disk now (`save_index`)
    return out


def _quote(text: str, width: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def why(reason: dict) -> str:
    """The reason as an English sentence (the command line; the window translates its own)."""
    if reason["kind"] == "requests":
        n = reason["count"]
        return f"Like {n} request{'' if n == 1 else 's'} you linked to this item: “{_quote(reason['text'])}”"
    if reason["kind"] == "title":
        return f"Its title says “{_quote(reason['text'])}”"
    return f"Its description says “{_quote(reason['text'])}”"
