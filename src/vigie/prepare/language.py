"""Language: detection with py3langid (offline, bundled model) and code normalisation.

py3langid is right on every article of the shared corpus with probability 1.0 (1-4 ms per
article); it is unreliable only on a few words ("Paris" -> Serbian), so when its best guess
is not confident, a supported language close behind it is preferred ("Hello world" is
Fulfulde at 0.15, English at 0.05).
"""

from __future__ import annotations

import functools
import re

from vigie.resources import LANGUAGES

SAMPLE_CHARS = 2000    # right on the whole corpus, as 5000 was, at half the cost (3 ms)
MIN_CONFIDENCE = 0.5   # below this, look at the runners-up
RUNNER_UP_RATIO = 0.25  # a supported language this close to an unsure best guess wins
_CODE = re.compile(r"[a-z]{2,3}")


@functools.cache
def _identifier():  # -> py3langid.langid.LanguageIdentifier
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language."""
    sample = text[:SAMPLE_CHARS]
    ident = _identifier()
    lang, confidence = ident.classify(sample)
    if confidence >= MIN_CONFIDENCE or lang in LANGUAGES:
        return lang
    for other, score in ident.rank(sample):
        if score < RUNNER_UP_RATIO * confidence:
            break
        if other in LANGUAGES:
            return other
    return lang


def normalise_language(code: str | None) -> str | None:
    """``fr`` for "fr", "FR", "fr-FR", "fr_CA", "fra" or "fre"; None when empty.

    Anything else is returned lower-cased, so that an unknown value ("french") reaches the
    model loader and gives its clear "unsupported language" error.
    """
    if not code or not code.strip():
        return None
    head = re.split(r"[-_\s]", code.strip().lower(), maxsplit=1)[0]
    if not _CODE.fullmatch(head):
        return code.strip().lower()
    if len(head) == 3:
        return _from_alpha3(head) or head
    return head


@functools.cache
def _from_alpha3(code: str) -> str | None:
    import pycountry

    lang = pycountry.languages.get(alpha_3=code) or pycountry.languages.get(bibliographic=code)
    return getattr(lang, "alpha_2", None) if lang else None
