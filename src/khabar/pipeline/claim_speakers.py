"""Who is speaking: a speaker phrase ("Hatay province Governor Rahmi Dogan", "he", "the governor",
"a military source", "the Turkish Anadolu Agency (AA)") resolved to a speaker of the report.

A ``SpeakerBook`` walks a report in text order: it knows every person named so far (spaCy's
PERSON entities) and every speaker resolved so far, so that "Dogan stressed" gets the full name
given earlier, "he said" the last person who spoke, and "the governor" the last speaker whose
role was a governor. The source lexicons (outlets, anonymous and unverified sources) are data
files under ``data/en/claims/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..langdata import load_json, load_tsv

DATA = ("en", "claims")
#: tokens trimmed from the edges of a speaker phrase
EDGE_TRIM = frozenset({"DET", "PUNCT", "CCONJ", "ADP", "SPACE"})
#: longest speaker phrase kept (tokens); a longer subject is cut at its head
MAX_PHRASE = 12
SpeakerKind = str  # person | organisation | anonymous | outlet | unverified | group | outlet-self
#: kinds of speaker that stand for an actor of the conflict (outlets and rumours do not)
#: a speaker's actor is settled as none (an organisation the actor dictionary does not know)
NO_ACTOR = "-"
ACTOR_KINDS = frozenset({"person", "organisation", "anonymous", "group"})
#: actor sectors of officials: a spokesman with no country in his title speaks for the
#: government last named with one
OFFICIAL_SECTORS = frozenset({"GOV"})


@dataclass(slots=True)
class Speaker:
    """A resolved speaker: display name, role, what kind of source, where the phrase is."""

    name: str
    kind: SpeakerKind
    start: int
    end: int
    role: str | None = None
    actor: str | None = None
    #: the head noun of an anonymous source ("an official at the governor's office" -> official),
    #: by which "the official" and "he" point back to it
    head: str | None = None
    #: the phrase is one person told by a role noun ("an official", "the top commander for US
    #: forces"), not several ("officials", "activists"): what "he" and "she" can point back to
    one_person: bool = False


@dataclass(frozen=True, slots=True)
class SourceLexicon:
    outlets: PhraseMatcher
    outlet_names: dict[str, str]  # match label -> canonical outlet name
    anonymous: PhraseMatcher
    anonymous_heads: frozenset[str]
    unverified: PhraseMatcher
    unverified_names: dict[str, str]
    media_words: frozenset[str]
    pronouns: dict[str, str]
    role_heads: frozenset[str]
    anaphoric_heads: frozenset[str]
    #: heads of anonymous sources that are one person ("he said" may point back to them)
    person_heads: frozenset[str] = frozenset()
    #: words of a casualty figure that copy without commas runs into the speaker after it
    #: ("including 11 children state media reported")
    figure_words: frozenset[str] = frozenset()
    #: words after which a place run into a speaker phrase is no part of it ("Raqqa local media")
    place_run_in_words: frozenset[str] = frozenset()
    #: "a source at Aleppo Police Command": an unnamed source placed in a body, never the body
    placed_source_heads: frozenset[str] = frozenset()
    placed_source_prepositions: frozenset[str] = frozenset()


def _phrase_docs(vocab: Vocab, phrases: list[str]) -> list[Doc]:
    from spacy.lang.en import English

    tokenizer = English(vocab=vocab).tokenizer
    return [tokenizer(phrase) for phrase in phrases if phrase]


@cache
def source_lexicon(vocab: Vocab) -> SourceLexicon:
    """The outlet, anonymous-source and unverified-source matchers, built once per vocabulary."""
    data = load_json(*DATA, "sources.json")
    outlets = PhraseMatcher(vocab, attr="LOWER")
    outlet_names: dict[str, str] = {}
    for row in load_tsv(*DATA, "outlets.tsv"):
        label = f"outlet:{row['name']}"
        outlet_names[label] = row["name"]
        outlets.add(label, _phrase_docs(vocab, row["aliases"].split("|")))
    anonymous = PhraseMatcher(vocab, attr="LOWER")
    anonymous.add("anonymous", _phrase_docs(vocab, data["anonymous"]))
    unverified = PhraseMatcher(vocab, attr="LOWER")
    unverified_names: dict[str, str] = {}
    for phrase, name in data["unverified_sources"].items():
        label = f"unverified:{phrase}"
        unverified_names[label] = name
        unverified.add(label, _phrase_docs(vocab, [phrase]))
    return SourceLexicon(
        outlets=outlets,
        outlet_names=outlet_names,
        anonymous=anonymous,
        anonymous_heads=frozenset(data["anonymous_heads"]),
        unverified=unverified,
        unverified_names=unverified_names,
        media_words=frozenset(data["media_words"]),
        pronouns=dict(data["pronouns"]),
        role_heads=frozenset(data["role_heads"]),
        anaphoric_heads=frozenset(data["anaphoric_heads"]),
        person_heads=frozenset(data["person_heads"]),
        figure_words=frozenset(data["figure_words"]),
        place_run_in_words=frozenset(data["place_run_in_words"]),
        placed_source_heads=frozenset(data["placed_sources"]["heads"]),
        placed_source_prepositions=frozenset(data["placed_sources"]["prepositions"]),
    )


@cache
def source_descriptions() -> tuple[tuple[str, str], ...]:
    """(description, outlet kind), longest description first: 'monitoring group' -> monitor."""
    data = load_json(*DATA, "sources.json")
    pairs = [(words, kind) for kind, phrases in data["descriptions"].items() for words in phrases]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def outlet_kinds() -> dict[str, str]:
    """Canonical outlet name -> its kind in ``outlets.tsv`` (agency, monitor, broadcaster, ...)."""
    return {row["name"]: row["kind"] for row in load_tsv(*DATA, "outlets.tsv")}


def outlets_named(doc: Doc) -> list[str]:
    """The canonical outlets a report names anywhere, in order."""
    lexicon = source_lexicon(doc.vocab)
    names = []
    for match_id, start, end in lexicon.outlets(doc):
        text = doc[start:end].text
        if len(text) <= 3 and not text.isupper():
            continue
        names.append(lexicon.outlet_names[doc.vocab.strings[match_id]])
    return list(dict.fromkeys(names))


def described_source(description: str, named: list[str]) -> str | None:
    """'a monitoring group', 'the Britain-based watchdog': the one source of that kind the report
    names, or None when it names none or several."""
    text = description.lower()
    kinds = outlet_kinds()
    for words, kind in source_descriptions():
        if text == words or text.endswith(" " + words):
            candidates = [name for name in named if kinds.get(name) == kind]
            return candidates[0] if len(candidates) == 1 else None
    return None


def outlet_in(span: Span) -> str | None:
    """The canonical outlet named inside ``span`` ("the Turkish Anadolu Agency (AA)" -> Anadolu Agency)."""
    lexicon = source_lexicon(span.doc.vocab)
    best: tuple[int, str] | None = None
    for match_id, start, end in lexicon.outlets(span.doc[span.start : span.end]):
        tokens = span.doc[start:end]  # a PhraseMatcher on a Span gives Doc positions
        if len(tokens.text) <= 3 and not tokens.text.isupper():
            continue  # "aa", "ap", "rt" in lower case are not the agencies
        label = span.doc.vocab.strings[match_id]
        if best is None or end - start > best[0]:
            best = (end - start, lexicon.outlet_names[label])
    return best[1] if best else None


def unverified_source_in(span: Span) -> str | None:
    lexicon = source_lexicon(span.doc.vocab)
    for match_id, _start, _end in lexicon.unverified(span.doc[span.start : span.end]):
        return lexicon.unverified_names[span.doc.vocab.strings[match_id]]
    return None


def is_anonymous(span: Span) -> bool:
    lexicon = source_lexicon(span.doc.vocab)
    if lexicon.anonymous(span.doc[span.start : span.end]):
        return True
    head = span.root
    named = any(token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} for token in span)
    # "Its spokesman, Omar Haddad, said": a role named in apposition is no anonymous source
    named = named or any(c.dep_ == "appos" and c.ent_type_ in {"PERSON", "ORG"} for c in head.children)
    return head.lower_ in lexicon.anonymous_heads and not named and head.i == span.end - 1


def placed_source_head(span: Span) -> Token | None:
    """'a source at Aleppo Police Command', 'a military source in Hama', 'sources close to X': the
    head of an unnamed source placed in a body or place by a preposition, near the phrase's start."""
    lexicon = source_lexicon(span.doc.vocab)
    for token in span[:PLACED_SOURCE_REACH]:
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if token.lower_ not in lexicon.placed_source_heads or following is None:
            continue
        if following.lower_ in lexicon.placed_source_prepositions and following.i < span.end - 1:
            return token
    return None


def is_media(span: Span) -> bool:
    """An audience that is the press ("told the media", "told reporters")."""
    lexicon = source_lexicon(span.doc.vocab)
    return span.root.lower_ in lexicon.media_words or outlet_in(span) is not None


#: how far into a speaker phrase the head of a placed source may stand ("a senior military source")
PLACED_SOURCE_REACH = 4
#: nouns of the medium a source speaks through ("ISIS in a statement published on Twitter")
MEDIUM_NOUNS = frozenset(
    {"statement", "interview", "tweet", "post", "video", "message", "conference", "communique"}
)


def _medium_prep(child: Token) -> bool:
    return child.dep_ == "prep" and any(c.lemma_.lower() in MEDIUM_NOUNS for c in child.children)


def _after_inner_determiner(span: Span, subject: Token) -> Span:
    """'the ISIL groups Syrian bastion Raqqa a monitor': a determiner inside the phrase, before its
    head, starts the speaker's own noun phrase (copy without commas runs phrases together)."""
    inner = [t for t in span[1:] if t.pos_ == "DET" and t.i < subject.i and t.head == subject]
    return span.doc[inner[-1].i : span.end] if inner else span


def speaker_phrase(subject: Token) -> Span:
    """The tokens of a subject that name the speaker, without relative clauses and edge punctuation."""
    doc = subject.doc
    keep = [subject]
    for child in subject.children:
        if child.dep_ in {"relcl", "acl", "punct", "cc", "advcl"} or _medium_prep(child):
            continue
        if child.dep_ == "amod" and child.i > subject.i:
            continue  # "IS notorious for using sleeper cells ... suggested": a description after it
        if child.ent_type_ in {"DATE", "TIME"} and child.i < subject.i:
            continue  # "on Thursday activists reported": the day is not the speaker
        if child.dep_ == "appos" and subject.pos_ != "PROPN" and child.pos_ == "PROPN":
            # "Its spokesman, Omar Haddad": the commas between the role and the name belong too
            # (not "the Network, a group that ...": a name keeps its description apart)
            between = doc[min(subject.i, child.left_edge.i) + 1 : max(subject.i, child.right_edge.i)]
            keep.extend(t for t in between if t.is_punct and t.text == ",")
        if child.dep_ == "appos" or child.dep_ == "conj":
            keep.extend(child.subtree)
            continue
        keep.extend(child.subtree)
    indices = sorted({token.i for token in keep})
    # the phrase must be contiguous: cut at the first gap around the head
    start = end = subject.i
    index_set = set(indices) | _closed_brackets(doc, indices)
    while start - 1 in index_set:
        start -= 1
    while end + 1 in index_set:
        end += 1
    # a speaker phrase never crosses a quotation mark (a bad parse of copy without commas)
    for index in range(subject.i - 1, start - 1, -1):
        if doc[index].is_quote:
            start = index + 1
            break
    for index in range(subject.i + 1, end + 1):
        if doc[index].is_quote:
            end = index - 1
            break
    span = doc[start : end + 1]
    span = _after_inner_determiner(span, subject)
    while len(span) > 1 and span[0].pos_ in EDGE_TRIM and span[0].lower_ not in {"a", "an"}:
        span = span[1:]
    while len(span) > 2 and span[0].ent_type_ in {"GPE", "LOC"} and span[1].ent_type_ == "NORP":
        span = span[1:]  # "Aleppo Syrian activists" (copy without commas): the place is not the source
    while len(span) > 1 and _place_run_into_name(span[0], span[1]):
        span = span[1:]  # "in Syria UNICEF have said": the place ends the phrase before the name
    span = _after_run_in_words(span, subject)
    while len(span) > 1 and span[-1].pos_ in {"PUNCT", "SPACE", "CCONJ"}:
        span = span[:-1]
    if len(span) > MAX_PHRASE:
        span = doc[max(span.start, subject.i - MAX_PHRASE + 1) : subject.i + 1]
    start = span.start
    while start > 0 and doc[start].ent_iob_ == "I" and doc[start].ent_type_ == "PERSON":
        start -= 1  # "Ibrahim al-Assad" parsed as two subjects: a phrase never begins mid-name
    return doc[start : span.end]


def _after_run_in_words(span: Span, subject: Token) -> Span:
    """Copy without commas runs the end of a clause into the speaker phrase after it: a figure's
    victims ("including 11 children state media reported", "with children among the casualties
    media reported") or a place before a lower-case description ("west of Raqqa local media
    reported"). The speaker begins after them."""
    lexicon = source_lexicon(span.doc.vocab)
    doc = span.doc
    cut = span.start
    for token in span:
        if token.i >= subject.i:
            break
        possessive = token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "POS"
        if token.lower_ in lexicon.figure_words and token.text.islower() and not possessive:
            cut = token.i + 1  # "children's rights group" keeps its possessor
    span = doc[cut : span.end] if cut <= subject.i else span
    if is_place(span[0]):
        end = span.start + 1
        while end < span.end - 1 and (doc[end].ent_iob_ == "I" or _is_place_name(doc[end])):
            end += 1  # the whole place ("Deir ez-Zor")
        if end < span.end - 1 and doc[end].lower_ in lexicon.place_run_in_words:
            span = doc[end : span.end]
    return span


def is_place(token: Token) -> bool:
    """A token of a place: tagged as one, or inside a toponym the geoparser resolved (the
    tagger calls some towns organisations)."""
    if token.ent_type_ in {"GPE", "LOC"}:
        return True
    places = token.doc._.places or []
    return any(p.span.start <= token.idx < p.span.end for p in places)


def _is_place_name(token: Token) -> bool:
    return token.pos_ == "PROPN" and is_place(token)


def _place_run_into_name(place: Token, name: Token) -> bool:
    """A place of its own right before another name ("Syria UNICEF"), not a part of it."""
    own = place.ent_type_ in {"GPE", "LOC"} and name.ent_iob_ != "I"
    return own and name.pos_ == "PROPN" and place.dep_ == "compound"


def _closed_brackets(doc: Doc, indices: list[int]) -> set[int]:
    """A bracket that closes an aside the phrase holds: 'The Islamic State (ISIS Daesh ISIL IS)
    terrorist group' -- the parser hangs ')' on the verb, which would cut the name off."""
    kept = set(indices)
    found: set[int] = set()
    for index in indices:
        if doc[index].text != "(":
            continue
        for inner in range(index + 1, min(len(doc), index + MAX_PHRASE)):
            if doc[inner].text == ")":
                if all(i in kept for i in range(index + 1, inner)):
                    found.add(inner)
                break
    return found


@dataclass(slots=True)
class SpeakerBook:
    """The persons named and the speakers resolved so far in one report."""

    doc: Doc
    outlet: str = "the outlet"
    persons: list[Span] = field(default_factory=list)
    entities: list[Span] = field(default_factory=list)
    history: list[Speaker] = field(default_factory=list)

    def __post_init__(self) -> None:
        # doc.ents builds every entity span anew on each read: read once per report
        self.entities = list(self.doc.ents)
        lexicon = source_lexicon(self.doc.vocab)
        source_words = lexicon.anaphoric_heads | lexicon.media_words
        # "said the Observatory" tagged as a person: a word for a source is no person's name
        self.persons = [
            ent
            for ent in self.entities
            if ent.label_ == "PERSON" and not all(t.lower_ in source_words for t in ent)
        ]

    # -- names ----------------------------------------------------------------------------

    def full_name(self, name: str, before: int) -> str:
        """The longest earlier person name that ends with (or equals) ``name``: Dogan -> Rahmi Dogan."""
        last = _surname(name)
        best = name
        for person in self.persons:
            if person.start_char >= before:
                break
            if _surname(person.text) == last and len(person.text) > len(best):
                best = person.text
        for speaker in reversed(self.history):
            if speaker.kind == "person" and _surname(speaker.name) == last and len(speaker.name) > len(best):
                best = speaker.name
        return _strip_possessive(best)

    def last(self, kinds: set[str], before: int) -> Speaker | None:
        for speaker in reversed(self.history):
            if speaker.kind in kinds and speaker.start < before:
                return speaker
        return None

    def told_last(self, before: int) -> Speaker | None:
        """The last source named before ``before``, as a new mention of it."""
        earlier = self.last({"outlet", "organisation", "person", "group", "anonymous"}, before)
        if earlier is None:
            return None
        return Speaker(earlier.name, earlier.kind, before, before, role=earlier.role, actor=earlier.actor)

    def by_role(self, head: str, before: int) -> Speaker | None:
        for speaker in reversed(self.history):
            if speaker.start < before and speaker.role and head in speaker.role.lower():
                return speaker
        return None

    def name_bare_roles(self, speakers: list[Speaker]) -> None:
        """A headline's 'governor says' is the governor the report names ('regional Governor
        Oleh Syniehubov said'), when it names one person of that role: one source, not two
        (two would make his own toll a dispute with itself). Speakers are updated in place."""
        lexicon = source_lexicon(self.doc.vocab)
        for speaker in speakers:
            role = speaker.name.lower()
            if speaker.kind != "organisation" or role not in lexicon.role_heads:
                continue
            holders = {
                other.name: other
                for other in self.history
                if other.kind == "person" and other.role and _role_head(other.role) == role
            }
            if len(holders) == 1:
                (holder,) = holders.values()
                speaker.name, speaker.kind = holder.name, holder.kind
                speaker.role, speaker.actor = holder.role, holder.actor or speaker.actor

    # -- resolution -----------------------------------------------------------------------

    def resolve(self, phrase: Span, *, remember: bool = True) -> Speaker:
        speaker = self._resolve(phrase)
        if speaker.kind in {"anonymous", "organisation"} and speaker.start == phrase.start_char:
            speaker.one_person = _one_person_noun(phrase.root)
        if speaker.actor is None and speaker.kind in ACTOR_KINDS:
            speaker.actor = speaker_actor(phrase) or self._actor_of(speaker.name)
        elif speaker.actor == NO_ACTOR:
            speaker.actor = None  # the employer is known and maps to no actor: guess none
        if remember:
            self.history.append(speaker)
        return speaker

    def _resolve(self, phrase: Span) -> Speaker:
        start, end = phrase.start_char, phrase.end_char
        lexicon = source_lexicon(self.doc.vocab)
        if len(phrase) == 1 and phrase[0].lower_ in lexicon.pronouns:
            return self._pronoun(phrase, lexicon.pronouns[phrase[0].lower_])
        unverified = unverified_source_in(phrase) if not phrase.root.ent_type_ else None
        if unverified:
            return Speaker(unverified, "unverified", start, end)
        placed = placed_source_head(phrase)
        if placed is not None:  # "a source in Jaish al-Islam": not the group, whatever the tagger says
            return Speaker(_display(phrase), "anonymous", start, end, head=placed.lemma_.lower())
        persons = [
            e
            for e in self.persons
            if phrase.start <= e.start and e.end <= phrase.end and not _is_possessor(e, phrase)
        ]
        if persons:
            return self._person(phrase, persons[-1])
        outlet = outlet_in(phrase)
        if outlet and phrase.root.lemma_.lower() in journalist_nouns():
            return Speaker(_display(phrase), "outlet", start, end)  # "SANA reporter in Quneitra"
        if outlet:
            return Speaker(outlet, "outlet", start, end)
        if is_anonymous(phrase):
            return Speaker(_display(phrase), "anonymous", start, end, head=phrase.root.lemma_.lower())
        head = phrase.root
        if head.pos_ == "PROPN" and all(t.pos_ == "PROPN" for t in phrase):
            name = self.full_name(phrase.text, start)
            named_before = any(p.text.endswith(phrase.text) for p in self.persons) or self._known_person(name)
            if named_before and (name != phrase.text or phrase.root.ent_type_ in {"", "PERSON"}):
                return Speaker(name, "person", start, end, role=self._role_of(name))
        proper = any(t.pos_ == "PROPN" for t in phrase)
        if head.lower_ in lexicon.anaphoric_heads and _definite(head):
            modifiers = tuple(
                c.lower_ for c in head.children if c.dep_ in {"amod", "compound"} and c.i < head.i
            )
            named = self._named_with(head.lower_, start, modifiers)
            if named is not None:
                return named
        if not proper and head.lower_ in lexicon.anaphoric_heads and _definite(head):
            earlier = self.last({"outlet", "organisation"}, start)
            organisation = self._last_organisation(start)
            if organisation is not None and earlier is not None and _same_sentence(organisation, phrase):
                # "... when insurgents from the Islamic Front set off explosives the group said":
                # a group named in what the speaker tells is what it tells of, not who speaks
                organisation = None
            if organisation is not None and (earlier is None or organisation.start_char > earlier.start):
                return Speaker(organisation.text, "organisation", start, end)
            if earlier is not None:
                return Speaker(earlier.name, earlier.kind, start, end, role=earlier.role, actor=earlier.actor)
        if not proper and head.lower_ in lexicon.role_heads and _definite(head):
            earlier = self.by_role(head.lower_, start)
            if earlier is not None:
                return Speaker(earlier.name, earlier.kind, start, end, role=earlier.role, actor=earlier.actor)
        return Speaker(_display(phrase), "organisation", start, end)

    def _named_with(self, word: str, before: int, modifiers: tuple[str, ...] = ()) -> Speaker | None:
        """'The Observatory said' after the Syrian Observatory for Human Rights spoke (else was
        named, "the Syrian Observatory for Human Rights' director"): that speaker."""
        for speaker in reversed(self.history):
            if speaker.start < before and speaker.kind != "person" and word in speaker.name.lower().split():
                if not _describes(modifiers, speaker.name):
                    continue  # "the monitoring group" is not the terrorist group named before
                return Speaker(
                    speaker.name, speaker.kind, before, before, role=speaker.role, actor=speaker.actor
                )
        for entity in reversed(self.entities):
            words = entity.text.lower().split()
            if entity.label_ == "ORG" and entity.end_char <= before and word in words and len(words) > 1:
                name = entity.text[4:] if words[0] == "the" else entity.text
                return Speaker(name, "organisation", before, before)
        return None

    def _last_organisation(self, before: int) -> Span | None:
        """The last organisation named before ``before`` ("the group said" -> that group); not a
        place the tagger calls one ("Eastern Ghouta"), which says nothing."""
        found = [
            e
            for e in self.entities
            if e.label_ == "ORG" and e.end_char <= before and len(e) > 1 and not is_place(e.root)
        ]
        return found[-1] if found else None

    def _actor_of(self, name: str) -> str | None:
        return next((s.actor for s in reversed(self.history) if s.name == name and s.actor), None)

    def _known_person(self, name: str) -> bool:
        return any(s.kind == "person" and s.name == name for s in self.history)

    def _role_of(self, name: str) -> str | None:
        for speaker in reversed(self.history):
            if speaker.name == name and speaker.role:
                return speaker.role
        return None

    def _pronoun(self, phrase: Span, kind: str) -> Speaker:
        start, end = phrase.start_char, phrase.end_char
        kinds = (
            {"person"} if kind == "person" else {"organisation", "anonymous", "outlet", "unverified", "group"}
        )
        earlier = self.last(kinds, start)
        if kind == "person":
            # "An official ... said ... He said": a source that is one person, though unnamed
            earlier = self._last_person_like(start) or earlier
        if earlier is None and kind == "person":
            # no person has spoken yet: "he" is the last person the report named
            named = [p for p in self.persons if p.end_char <= start]
            if named:
                name = self.full_name(_strip_possessive(named[-1].text), named[-1].start_char + 1)
                return Speaker(name, "person", start, end, role=self._role_of(name))
        if earlier is None:
            return Speaker(phrase.text, "person" if kind == "person" else "group", start, end)
        return Speaker(earlier.name, earlier.kind, start, end, role=earlier.role, actor=earlier.actor)

    def _last_person_like(self, before: int) -> Speaker | None:
        """The last speaker before ``before`` that is one person: named, or told by a singular
        person noun ("an official", "the top commander"); "officials" are no "he"."""
        for speaker in reversed(self.history):
            if speaker.start >= before:
                continue
            if speaker.kind == "person" or speaker.one_person:
                return speaker
        return None

    def _person(self, phrase: Span, person: Span) -> Speaker:
        name = self.full_name(_strip_possessive(person.text), person.start_char)
        role_tokens = [t for t in phrase if t.i < person.start and t.pos_ not in {"DET", "PUNCT"}]
        after = [t for t in phrase if t.i >= person.end and t.dep_ != "punct" and t.pos_ != "PUNCT"]
        if after and after[0].pos_ == "DET":
            after = after[1:]  # "Necip Ensari a local civil defense official": no article
        role_tokens += after
        employer = self._possessive_employer(role_tokens, phrase.start_char)
        if employer is not None:
            # "Its spokesman, Omar Haddad": the spokesman of the organisation that spoke last
            role_tokens = [t for t in role_tokens if t.tag_ != "PRP$"]
        role = " ".join(t.text for t in role_tokens).replace(" ’s", "’s").replace(" 's", "'s").strip() or None
        if employer is not None and role:
            role = f"{role}, {employer.name}"
        role = role or self._role_of(name)
        speaker = Speaker(name, "person", phrase.start_char, phrase.end_char, role=role)
        if employer is not None:
            speaker.actor = employer.actor or NO_ACTOR
        return speaker

    def _possessive_employer(self, role_tokens: list[Token], before: int) -> Speaker | None:
        """'Its spokesman', 'their director': the organisation or outlet that spoke last."""
        owners = [t for t in role_tokens if t.tag_ == "PRP$" and t.lower_ in {"its", "their"}]
        return self.last({"organisation", "outlet", "group"}, before) if owners else None


def _one_person_noun(head: Token) -> bool:
    """A singular noun of a person that speaks ("official", "commander", "source")."""
    person_heads = source_lexicon(head.doc.vocab).person_heads
    return head.tag_ == "NN" and head.lemma_.lower() in person_heads


@cache
def journalist_nouns() -> frozenset[str]:
    """Nouns of an outlet's journalists (``data/en/reporting/cues.json``)."""
    return frozenset(load_json("en", "reporting", "cues.json")["journalist_nouns"])


def _role_head(role: str) -> str:
    """The word that names the office: 'regional Governor' -> governor, 'the commander of the
    Kurdish police' -> commander (not police, which is no one person), 'Observatory chief' -> chief."""
    words = role.lower().split(" of ")[0].split()
    return words[-1] if words else ""


def _surname(name: str) -> str:
    """The last word of a name without its particle: 'Talal al-Barazi' -> 'barazi' (as 'Barazi')."""
    words = name.split()
    return words[-1].split("-")[-1].casefold() if words else name.casefold()


def _same_sentence(first: Span, second: Span) -> bool:
    return first.sent.start == second.sent.start


def _definite(head: Token) -> bool:
    """'the governor', 'the report': a definite description that points back to a speaker."""
    return any(child.lower_ in {"the", "this", "that"} for child in head.children)


def _is_possessor(person: Span, phrase: Span) -> bool:
    """'Erdogan’s press secretary': Erdogan owns the head; the speaker is someone else."""
    last = person[-1]
    after = phrase.doc[person.end] if person.end < len(phrase.doc) else None
    return last.dep_ == "poss" or (after is not None and after.tag_ == "POS" and after.i < phrase.end - 1)


def _strip_possessive(text: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _describes(modifiers: tuple[str, ...], name: str) -> bool:
    """Can 'the <modifiers> <head>' be a speaker so named: is every modifier a word of its name?"""
    words = set(name.lower().split())
    return all(modifier in words for modifier in modifiers)


def _display(phrase: Span) -> str:
    """A speaker's display name: the phrase without a leading 'the'."""
    tokens = list(phrase)
    if tokens and tokens[0].lower_ == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    opening = next((i for i, t in enumerate(tokens) if t.text == "("), None)
    if opening and all(t.pos_ == "PROPN" for t in tokens[:opening]):
        # "The Islamic State (ISIS Daesh ISIL IS) terrorist group": the name before its aliases
        tokens = tokens[:opening]
    return phrase.doc[tokens[0].i : tokens[-1].i + 1].text


def speaker_actor(phrase: Span) -> str | None:
    """The actor a speaker phrase stands for ("Hatay province Governor" -> Government of Turkey)."""
    try:
        from .actors import dictionary_matches, resolve_actor
    except ImportError:  # no actor stage: speakers stay unmapped
        return None
    doc = phrase.doc
    actor = resolve_actor(phrase, doc, bare_country="government")
    if actor is None or actor.name is None:
        return _official_actor(phrase)
    if actor.sector in OFFICIAL_SECTORS and not _names_country(phrase, dictionary_matches(doc)):
        country = _last_official_country(phrase)
        if country and country != actor.country:
            actor = _in_country(actor, country, doc) or actor
    return actor.name


def _official_actor(phrase: Span) -> str | None:
    """A titled speaker the dictionary does not know ("press secretary"): the last government named."""
    from .actors import actor_dictionary

    lexicon = source_lexicon(phrase.doc.vocab)
    if not any(token.lower_ in lexicon.role_heads for token in phrase):
        return None
    country = _last_official_country(phrase)
    return actor_dictionary(phrase.doc.vocab).actor("government", country).name if country else None


def _names_country(span: Span, matches: list) -> bool:  # type: ignore[type-arg]
    if any(m.kind in ("country", "capital") and span.start <= m.start and m.end <= span.end for m in matches):
        return True
    places = span.doc._.places or []
    return any(span.start_char <= p.span.start and p.span.end <= span.end_char for p in places)


def _last_official_country(phrase: Span) -> str | None:
    """The country of the last actor mention before ``phrase`` that is a government and names its country."""
    from .actors import dictionary_matches

    doc = phrase.doc
    matches = dictionary_matches(doc)
    for mention in reversed(doc._.actors or []):
        if mention.span.end > phrase.start_char or mention.actor.sector not in OFFICIAL_SECTORS:
            continue
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is not None and mention.actor.country and _names_country(span, matches):
            return mention.actor.country
    return None


def _in_country(actor, country: str, doc: Doc):  # type: ignore[no-untyped-def]
    """The same category of actor in another country ('Government of Syria' -> 'Government of Turkey')."""
    from .actors import actor_dictionary

    dictionary = actor_dictionary(doc.vocab)
    known = dictionary.countries.get(actor.country) if actor.country else None
    for category, entry in dictionary.categories.items():
        if known and entry.template.format(country=known.name) == actor.name:
            return dictionary.actor(category, country)
    return None
