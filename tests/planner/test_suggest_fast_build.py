"""The fast build cuts texts into words in bulk; it must suggest exactly what word-by-word cutting suggests."""

from __future__ import annotations

import random

import numpy as np

from planner import suggest

_WORDS = ("export csv excel report dashboard gantt timeline task project slack teams webhook api mobile offline "
          "search filter bulk edit custom field workflow approval guest calendar holiday timezone invoice billing "
          "Okta SAML SSO the a it of x 2FA v2 42").split()
_NOISE = ("", " ", "!", "...", "-", "'s", "\x1f", "\t", "_", "|", "/", "\n", "#")
# Most texts are plain ASCII (the fast path); some are not (full-width letters, accents, Japanese, curly quotes).
_OTHER = ("請求書", "一括編集", "通知", "ガントチャート", "祝日", "ｶﾚﾝﾀﾞｰ", "Ｅｘｐｏｒｔ", "Café", "naïve", "’s", "é")


class _WordByWord(suggest.Vocabulary):
    """Words found text by text with `suggest.words`, and cut by `suggest.word_grams`: the plain definition."""

    def add_words(self, new_words) -> None:
        with self._lock:
            for word in new_words:
                if word not in self.word_ids:
                    self.word_ids[word] = len(self._grams)
                    self._grams.append(tuple(self.ids.setdefault(g, len(self.ids))
                                             for g in suggest._word_gram_list(word)))

    def tokens(self, texts):
        docs, wids = [], []
        for k, text in enumerate(texts):
            found = suggest.words(text)
            self.add_words(found)
            for word in found:
                wid = self.word_ids[word]
                if self._grams[wid]:
                    docs.append(k)
                    wids.append(wid)
        return np.array(docs, dtype=np.int64), np.array(wids, dtype=np.int64)


def _text(rng: random.Random, n: int) -> str:
    parts = []
    other = rng.random() < 0.2
    for _ in range(n):
        roll = rng.random()
        word = rng.choice(_OTHER) if other and roll < 0.2 else rng.choice(_NOISE) if roll < 0.35 else rng.choice(_WORDS)
        parts.append(word.upper() if rng.random() < 0.1 else word.capitalize() if rng.random() < 0.1 else word)
    return (" " if rng.random() < 0.8 else "").join(parts)


def _workspace(seed: int):
    rng = random.Random(seed)
    items = [(i, _text(rng, rng.randint(1, 6)), _text(rng, rng.randint(0, 12)) if rng.random() < 0.7 else None,
              rng.choice(("idea", "planned", "shipped", "wont_do"))) for i in range(1, 121)]
    links = sorted((rng.randint(1, 120), r, _text(rng, rng.randint(0, 8)) if rng.random() < 0.95 else None)
                   for r in range(1, 901))
    return items, links


def test_the_fast_build_suggests_what_cutting_each_text_on_its_own_suggests():
    for seed in (1, 2, 3):
        items, links = _workspace(seed)
        fast = suggest.SuggestionIndex(items, links)
        plain = suggest.SuggestionIndex(items, links, vocabulary=_WordByWord())
        rng = random.Random(seed + 100)
        probes = [_text(rng, rng.randint(1, 6)) for _ in range(60)] + [t for _i, _r, t in links[::40] if t]
        compared = 0
        for probe in probes:
            found = suggest.rank_text(fast, probe, limit=8)
            assert found == suggest.rank_text(plain, probe, limit=8), probe
            compared += bool(found)
        assert compared > 30  # most probes are suggested something: the comparison is not of empty lists


def test_words_are_cut_into_the_same_n_grams_by_either_path():
    vocab = suggest.Vocabulary()
    found = ["export", "csv", "a", "the", "x9", "請求書", "ｶﾚﾝﾀﾞｰ", "café", "2fa", "の", "42", "s"]
    vocab.add_words(found)
    inverse = {v: k for k, v in vocab.ids.items()}
    for word in found:
        assert [inverse[g] for g in vocab._grams[vocab.word_ids[word]]] == suggest._word_gram_list(word), word
