"""``python -m khabar.bench`` (``make bench``): khabar's throughput and memory against bare spaCy.

Every measurement runs in a fresh subprocess (:mod:`khabar.bench.measure`), so model memory
and warm-up never carry over from one to the next. The modes:

- ``spacy``: the bare English model (``load_base_model``) over the texts with ``nlp.pipe``;
- ``khabar``: the whole extractor in one process (``extract_articles``);
- ``parallel``: the extractor in worker processes (``ParallelExtractor``);
- ``profile``: time per pipeline component, spaCy's and khabar's;
- ``start``: how long worker processes take to start and load, per start method.

Throughput excludes model loading and a short warm-up pass; load time is reported apart.
"""
