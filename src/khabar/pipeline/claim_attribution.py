"""Attributions: each verb of saying (or "according to X", "citing X") with its speaker, its relay
chain and the part of the sentence it governs.

"the Turkish Anadolu Agency (AA) reported, citing the governor" is one attribution whose speaker
is the governor and whose ``via`` is Anadolu Agency; "Dogan told the media" has the speaker
Rahmi Dogan via the media; "Unverified reports swirled on social media, claiming that ..." has
the speaker "social media". The scope of an attribution is the token set of its verb's subtree
without the speaker phrase: a figure, actor or trigger inside it is claimed by that speaker
(the innermost scope wins).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..langdata import load_json
from .claim_speakers import (
    PLACED_SOURCE_REACH,
    Speaker,
    SpeakerBook,
    is_anonymous,
    is_media,
    is_place,
    outlet_in,
    outlet_kinds,
    source_lexicon,
    speaker_actor,
    speaker_phrase,
    unverified_source_in,
)

DATA = ("en", "claims")
#: dependency labels that link a participle cue to the verb whose subject it shares
SHARED_SUBJECT_DEPS = frozenset({"advcl", "xcomp", "conj", "ccomp"})
USER_DATA_KEY = "khabar.attributions"
SENTENCES_KEY = "khabar.sentences"
#: how far a speaker after a closing quote may stretch before its cue
AFTER_QUOTE_REACH = 20
#: how many tokens after a subject-less cue its speaker may be named
FOLLOWING_REACH = 8
#: verbs that may follow a trailing cue: its relay ("citing", "according to") or its time
TRAILING_VERBS = frozenset({"cite", "quote", "accord", "update", "add", "speak"})
#: parts of speech that can end a clause before a trailing speaker
CLAUSE_END_POS = frozenset({"NOUN", "PROPN", "NUM", "ADV", "ADJ", "PRON", "PUNCT", "VERB"})
#: subjects that negate what they confirm ("None of this has been confirmed")
NEGATIVE_SUBJECTS = frozenset({"none", "nobody", "neither", "nothing"})
#: nouns of a casualty figure: "give" reports only with one of them as its object
TOLL_HEADS = frozenset({"toll", "tally", "figure", "count", "estimate"})
#: how many tokens before a cue a known source's name may begin ("the Syrian Observatory ...")
OUTLET_REACH = 8
#: entity labels of a name that can speak, preferred over a description of it
NAME_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: entity labels of amounts and times: such a subject is a figure, never a speaker ("22 killed
#: ... state TV has raised the toll": the parser may make the number the subject of "raised")
FIGURE_ENTITIES = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE", "TIME"})
#: entity labels of places: a relative clause after one is a mis-attached clause of the noun before
#: it ("a monitoring group based in Britain, which said")
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
#: relative pronouns that may be a cue's subject ("the ministry, which said"): the noun before speaks
RELATIVE_SUBJECTS = frozenset({"which", "who", "that"})
#: tags of a claim noun: a noun, or "claims" the tagger read as a verb ("Russias claims about")
CLAIM_NOUN_TAGS = frozenset({"NN", "NNS", "VBZ"})
#: how the parser hangs an inverted speaker on its cue ("said Barazi": nsubj, dobj, npadvmod)
INVERTED_SPEAKER_DEPS = frozenset({"nsubj", "dobj", "npadvmod", "attr", "appos", "dep"})
DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
#: at most this many words name the speaker of a headline 'Russian Defense Ministry: ...'
HEADLINE_SPEAKER_WORDS = 6
#: a "verb" in one of these places is a noun the tagger misread ("according to the UN reports")
NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "compound"})


@dataclass(frozen=True, slots=True)
class CueTable:
    reporting_verbs: dict[str, str]  # lemma -> kind (statement, accusation, denial, ...)
    relay_verbs: frozenset[str]
    status_by_kind: dict[str, str]
    #: cues after which a name is their speaker ("said Barazi"), not their object
    inverted_cues: frozenset[str] = frozenset()
    #: verbs that report a figure only ("documented 20 deaths"; not "a group that documents abuses")
    figure_cues: frozenset[str] = frozenset()
    #: subjects that are reports rather than reporters: their source is named elsewhere
    report_nouns: frozenset[str] = frozenset()
    #: what an author makes: "a report by X", "the information provided by X" -- X speaks
    authored_nouns: frozenset[str] = frozenset()
    #: verbs that say only with this particle ("pointed out that ...")
    particle_verbs: dict[str, str] = field(default_factory=dict)
    #: nouns of what a source claims, owned by it ("rebel allegations that ...") -> kind
    claim_nouns: dict[str, str] = field(default_factory=dict)


@cache
def cue_table() -> CueTable:
    data = load_json(*DATA, "cues.json")
    more = load_json("en", "reporting", "cues.json")  # verbs of saying the claims table lacks
    particles = dict(more["particle_statement_verbs"])
    extra = {verb: "statement" for verb in [*more["statement_verbs"], *particles]}
    return CueTable(
        reporting_verbs=extra | dict(data["reporting_verbs"]),
        particle_verbs=particles,
        relay_verbs=frozenset(data["relay_verbs"]),
        status_by_kind=dict(data["status_by_kind"]),
        figure_cues=frozenset(data["figure_cues"]),
        inverted_cues=frozenset(data["inverted_cues"]),
        report_nouns=frozenset(data["report_nouns"]),
        authored_nouns=frozenset(data["report_nouns"] + data["authored_nouns"]),
        claim_nouns=dict(data["claim_nouns"]),
    )


@dataclass(slots=True)
class Attribution:
    """One reporting cue and who it attributes to."""

    cue: Token
    cue_text: str
    kind: str  # statement | confirmation | accusation | denial | dispute
    speaker: Speaker
    via: list[str] = field(default_factory=list)
    scope: frozenset[int] = frozenset()
    negated: bool = False
    #: where the subject phrase of the cue begins ("the Turkish Anadolu Agency (AA) reported")
    subject_start: int | None = None
    #: the sentence the cue governs when it is not its own ("According to X (Y)" split off)
    governed: Span | None = None

    @property
    def sentence(self) -> Span:
        return self.governed if self.governed is not None else sentence_of(self.cue)

    def covers(self, token: Token) -> bool:
        return token.i in self.scope


def sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc``, listed once per Doc."""
    return _sentence_index(doc)[0]


def sentence_of(token: Token) -> Span:
    """``token.sent`` without walking the sentences on every call."""
    found, starts = _sentence_index(token.doc)
    return found[bisect_right(starts, token.i) - 1]


def _sentence_index(doc: Doc) -> tuple[list[Span], list[int]]:
    cached = doc.user_data.get(SENTENCES_KEY)
    if cached is None:
        found = list(doc.sents)
        cached = doc.user_data[SENTENCES_KEY] = (found, [sentence.start for sentence in found])
    return cached


def attributions(doc: Doc, *, outlet: str = "the outlet") -> list[Attribution]:
    """Every attribution of the report, in text order (computed once per Doc)."""
    cached = doc.user_data.get(USER_DATA_KEY)
    if cached is not None:
        return cached
    book = SpeakerBook(doc, outlet=outlet)
    found = find_attributions(doc, book)
    doc.user_data[USER_DATA_KEY] = found
    return found


def find_attributions(doc: Doc, book: SpeakerBook) -> list[Attribution]:
    table = cue_table()
    found: list[Attribution] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.lower_ == "according" and _according_object(token) is not None:
            head = token.head
            if head.lemma_.lower() in table.reporting_verbs and _is_cue(head, head.lemma_.lower(), table):
                continue  # "Altun said, according to AA": AA is the relay of "said"
            attribution = _according(token, book)
        elif lemma in table.claim_nouns and (owned := _owned_claim(token, lemma, table, book)) is not None:
            attribution = owned
        elif (
            lemma in table.reporting_verbs
            and (token.pos_ in {"VERB", "AUX"} or _root_with_subject(token))
            and token.dep_ not in NOMINAL_DEPS
            and _is_cue(token, lemma, table)
        ):
            attribution = _verb(token, lemma, table, book)
        else:
            continue
        if attribution is not None:
            found.append(attribution)
    headline = _headline_speaker(doc, book) or _headline_closing_speaker(doc, book)
    if headline is not None:
        found.insert(0, headline)
    book.name_bare_roles([attribution.speaker for attribution in found])
    return found


def _owned_claim(noun: Token, lemma: str, table: CueTable, book: SpeakerBook) -> Attribution | None:
    """'rebel allegations that the regime used chemical weapons', 'his charge that Assads forces
    were responsible', 'refuted terrorists claims about winning back a district': a claim noun
    right after the source that owns it, and right before its content ("that ...", "about ..."),
    is that source's claim of the content."""
    doc = noun.doc
    if noun.i < 1 or noun.i + 1 >= len(doc) or noun.tag_ not in CLAIM_NOUN_TAGS:
        return None  # "the commander claimed that ...": a verb, with its subject
    marker = doc[noun.i + 1]
    if marker.lower_ == "that" and marker.dep_ == "mark" and marker.head.i > marker.i:
        content = {t.i for t in marker.head.subtree if t.i > marker.i}
    elif marker.lower_ == "about":
        content = {t.i for t in marker.subtree if t.i > marker.i}
    else:
        return None
    owner = doc[noun.i - 1]
    if owner.tag_ == "POS" and noun.i >= 2:
        owner = doc[noun.i - 2]  # "Russia 's claims"
    if not content or not _claim_owner(owner):
        return None
    phrase = doc[min(owner.left_edge.i, owner.i) : owner.i + 1]
    return Attribution(
        cue=noun,
        cue_text=noun.text,
        kind=table.claim_nouns[lemma],
        speaker=book.resolve(phrase),
        scope=frozenset(content),
        subject_start=phrase.start_char,
    )


def _claim_owner(owner: Token) -> bool:
    """Can this word before a claim noun own it: 'his', 'rebel', 'terrorists', 'Russias'; not a
    place or a description ('the alleged claims', 'new allegations')."""
    if owner.tag_ == "PRP$":
        return owner.lower_ in {"his", "her", "their", "its"}
    if owner.pos_ not in {"NOUN", "PROPN"} or is_place(owner) or _is_figure(owner):
        return False
    # a party of the war ("rebel", "terrorists") owns its claims as a source does
    party = speaker_actor(owner.doc[owner.i : owner.i + 1]) is not None
    return _speaker_noun(owner) or _is_name(owner) or party


def _headline_speaker(doc: Doc, book: SpeakerBook) -> Attribution | None:
    """'10 October 2017 Russian Defense Ministry: More than 100 ISIS terrorists killed': a
    headline led by a short name that can speak and a colon is that speaker's claim. Only the
    report's first sentence, and only a speaker (a person, organisation or source word): not
    'Homs: 12 killed', 'Factbox: ...'."""
    if not len(doc):
        return None
    first = sentences(doc)[0]
    colon = next((t for t in first if t.text == ":"), None)
    if colon is None or colon.i + 1 >= first.end:
        return None
    words = [t for t in doc[first.start : colon.i] if not _headline_dateline(t)]
    if not words or len(words) > HEADLINE_SPEAKER_WORDS or words[0].i != colon.i - len(words):
        return None  # a date or time may lead the name; nothing may stand between it and the colon
    if not any(_speaker_noun(t) and not is_place(t) for t in words):
        return None
    speaker = book.resolve(doc[words[0].i : colon.i])
    scope = frozenset(range(colon.i + 1, first.end))
    return Attribution(cue=colon, cue_text=":", kind="statement", speaker=speaker, scope=scope)


def _headline_closing_speaker(doc: Doc, book: SpeakerBook) -> Attribution | None:
    """'Assads forces bombard Damascus suburbs after gas attack: activists': a headline closed by
    a colon and a short name that can speak is that speaker's claim, as the wire writes a source
    after its news. Only the report's first sentence, and not a place ('... : Aleppo')."""
    if not len(doc):
        return None
    first = sentences(doc)[0]
    colon = next((t for t in reversed(first) if t.text == ":"), None)
    if colon is None or colon.i - first.start < 3:
        return None
    words = [t for t in doc[colon.i + 1 : first.end] if not t.is_punct and not t.is_space]
    if not words or len(words) > HEADLINE_SPEAKER_WORDS or words[-1].i + 1 < first.end - 1:
        return None  # the name must close the headline (its full stop aside)
    if not any(_speaker_noun(t) and not is_place(t) for t in words):
        return None
    speaker = book.resolve(doc[words[0].i : words[-1].i + 1])
    news = [t.i for t in doc[first.start : colon.i] if not _headline_dateline(t)]
    if not news:
        return None
    scope = frozenset(range(news[0], colon.i))
    return Attribution(cue=colon, cue_text=":", kind="statement", speaker=speaker, scope=scope)


def _headline_dateline(token: Token) -> bool:
    """A date, time or number of a dateline before a headline ('10 October 2017', '20:08')."""
    clock = all(part.isdigit() for part in token.text.split(":"))
    return token.ent_type_ in FIGURE_ENTITIES or token.like_num or clock or token.is_punct or token.is_space


def _root_with_subject(token: Token) -> bool:
    """'..., a Turkish broadcaster claims.': a reporting word the tagger made a noun is a verb
    when it heads its sentence with a subject."""
    return token.dep_ == "ROOT" and any(child.dep_ == "nsubj" for child in token.children)


@cache
def toll_verbs() -> frozenset[str]:
    """Verbs that report only with a toll as their object (``cues.json``)."""
    return frozenset(load_json("en", "claims", "cues.json")["toll_verbs"])


def _is_cue(token: Token, lemma: str, table: CueTable) -> bool:
    """Verbs that report only in some uses: 'hold X responsible', 'put the toll at 70'."""
    if lemma in table.relay_verbs and token.dep_ in {"advcl", "xcomp", "conj", "dep"}:
        # "reported, citing the governor": part of the reporting verb's relay; but "... in Idlib
        # province Russian state television cited the ministry as saying": a cue of its own
        return token.dep_ == "conj" and token.tag_ == "VBD" and _as_saying(token) is not None
    if lemma == "speak" and token.dep_ in {"advcl", "xcomp"}:
        return False  # "Speaking to Anadolu, Dogan stressed": the audience of "stressed"
    if lemma in table.particle_verbs:  # "pointed out that"; not "pointed to the hills"
        return any(c.dep_ == "prt" and c.lower_ == table.particle_verbs[lemma] for c in token.children)
    if lemma == "hold":
        return any(child.lower_ == "responsible" for child in token.subtree)
    if lemma == "call":  # "called the attack a terrorist explosion"; not "called for", "called on"
        relative = any(c.lower_ in {"whom", "which", "that", "who"} for c in token.children)
        return not relative and any(child.dep_ == "oprd" for child in token.children)  # not "whom he called"
    if lemma in toll_verbs():  # "had initially given a toll of 22", "raised the toll to 20"; not "gave aid"
        if lemma != "give" and token.tag_ == "VBG":
            return False  # "the Observatory said, updating an earlier toll": part of "said"
        return any(child.dep_ == "dobj" and child.lemma_.lower() in TOLL_HEADS for child in token.children)
    if lemma in table.figure_cues:
        return any(child.dep_ == "dobj" and _holds_number(child) for child in token.children)
    if lemma == "put":  # "put the toll at 70", "put the number of dead at 15"; not "will put an end"
        return _puts_figure(token)
    if lemma in {"show", "indicate", "air", "post", "publish"}:
        return any(child.dep_ in {"dobj", "ccomp", "nsubj"} for child in token.children)
    if lemma == "claim":
        # "claimed that", "claimed responsibility"; not "claiming the lives of ten people"
        if any(t.lower_ in {"life", "lives"} for t in token.doc[token.i + 1 : token.i + 4]):
            return False
        # "claims to have captured two villages"; "..., a Turkish broadcaster claims." closing its sentence
        closes = all(t.is_punct for t in token.doc[token.i + 1 : sentence_of(token).end])
        objects = {"responsibility", "credit"}
        said = any(c.dep_ in {"ccomp", "xcomp"} or c.lemma_ in objects for c in token.children)
        return said or closes or claimed_deed(token)
    if lemma == "add":
        closes = all(t.is_punct for t in token.doc[token.i + 1 : sentence_of(token).end])
        return (
            any(child.dep_ == "ccomp" for child in token.children) or token.dep_ in {"ROOT", "conj"} or closes
        )
    return True


@cache
def claimed_deeds() -> frozenset[str]:
    return frozenset(load_json(*DATA, "cues.json")["responsibility"]["claimed_deeds"])


def claimed_deed(cue: Token) -> bool:
    """'That attack was claimed by the Islamic State group': a passive 'claimed' whose subject is
    a deed and whose agent names who claims it."""
    if cue.lemma_.lower() != "claim" or not any(c.dep_ == "agent" for c in cue.children):
        return False
    deeds = claimed_deeds()
    subjects = [c for c in cue.children if c.dep_ == "nsubjpass"]
    if not subjects and cue.dep_ == "conj":  # "a blast killed 57 people and was claimed by DAESH"
        subjects = [c for c in cue.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    # "bomb attacks many of which have been claimed by Daesh": the noun the relative pronoun stands for
    for subject in list(subjects):
        if any(t.lower_ in {"which", "that"} for t in subject.subtree) and subject.left_edge.i > 0:
            subjects.append(cue.doc[subject.left_edge.i - 1])
    return any(s.lemma_.lower() in deeds for s in subjects)


def _puts_figure(token: Token) -> bool:
    """'put the death toll at 70', 'put it at 11': a figure after 'at', or a toll as the object."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "at" and _holds_number(child):
            return True
        if child.dep_ == "dobj" and (child.lemma_.lower() in TOLL_HEADS or _holds_number(child)):
            return True
    return False


def _holds_number(phrase: Token) -> bool:
    """Does the phrase under ``phrase`` hold a number ('20 deaths', 'fifteen dead')?"""
    return any(token.like_num for token in phrase.subtree)


def _according_object(token: Token) -> Token | None:
    for child in token.children:
        if child.lower_ == "to":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _according(token: Token, book: SpeakerBook) -> Attribution | None:
    target = _according_object(token)
    if target is None:
        return None
    speaker = book.resolve(speaker_phrase(_author_of_report(target)))
    head = token.head if token.head.i != token.i else token
    scope = _scope(head, exclude=set(token.subtree))
    governed = _split_off_news(token) if not scope else None
    if governed is not None:
        scope = frozenset(range(governed.start, governed.end))
    return Attribution(
        cue=token, cue_text="according to", kind="statement", speaker=speaker, scope=scope, governed=governed
    )


def _split_off_news(according: Token) -> Span | None:
    """'According to the Syrian Network for Human Rights (SNHR) the Russian air force targeted
    ...': the parser may close a sentence after the source's bracketed short name; the sentence
    that follows is what the source tells, when the "according to" phrase is all of its own."""
    own = sentence_of(according)
    phrase = {token.i for token in according.subtree}
    if own.end >= len(own.doc) or any(t.i not in phrase and not t.is_punct for t in own):
        return None
    return sentence_of(own.doc[own.end])


def _author_of_report(target: Token) -> Token:
    """'according to a report by the Syrian Center for Policy Research', 'a video released by the
    military media center shows', 'a message on an account thought to belong to X said': the
    author of a report speaks, not the report."""
    if target.lemma_.lower() not in cue_table().authored_nouns:
        return target
    for token in target.subtree:
        head = token.head
        by = head.lower_ in {"by", "from"} and head.head.i in (target.i, *(t.i for t in target.children))
        belongs = head.lower_ == "to" and head.head.lemma_ == "belong"
        adverbial = any(c.dep_ == "pcomp" for c in head.children)  # "by now the conflict ...": no author
        if token.dep_ == "pobj" and (by or belongs) and not adverbial:
            return token
    # "according to the UN reports", "Reuters figures": the name that owns the report
    owner = [c for c in target.children if c.dep_ in {"compound", "poss"} and c.i < target.i and _is_name(c)]
    return owner[-1] if owner else target


def _verb(token: Token, lemma: str, table: CueTable, book: SpeakerBook) -> Attribution | None:
    inverted = _inverted_speaker(token, lemma, table)
    subject = inverted or _subject(token)
    adjacent = None
    # "announced by the militia"; not another verb's agent ("was formed by a merger ... and
    # receives backing from Saudi Arabia Reuters reports")
    by_agent = subject is not None and subject.head.dep_ == "agent" and subject.head.head == token
    misplaced = subject is None or subject.head != token or not _can_speak(subject)
    if inverted is None and not by_agent and misplaced:
        # copy without commas ("... entering Turkey the Britain-based Observatory said", "a bomb
        # attack killed one person on Thursday state television said"): the parser hangs the
        # speaker elsewhere, or makes the attack the subject; the speaker just before the cue is it
        adjacent = _adjacent_speaker(token, subjectless=subject is None)
        subject = adjacent or (None if subject is not None and _is_figure(subject) else subject)
    following = None
    if inverted is None and (subject is None or _inside_quote(subject, token)):
        # '"... for humanitarians" Jens Laerke spokesman for OCHA said': the speaker stands
        # between the closing quote and the cue, or right after the cue
        following = _after_quote_speaker(token) or _following_speaker(token)
    if following is not None:
        subject = following.root
    if subject is None:
        return None
    if following is not None and _agentless_passive(token):
        return None  # "Qardaha, where is said to be Assad's village": a hedge, no one speaks
    if subject.dep_ == "nsubjpass" and _quoted_as(token) is None:
        return None  # "the strike was blamed on Damascus": no speaker, the actor is the content
    if table.reporting_verbs[lemma] == "belief" and adjacent is None and not _can_speak(subject):
        return None  # "The attack believed to have been carried out by ...": a hedge, no believer
    if token.dep_ in {"acl", "amod"} and not _speaker_noun(subject):
        return None  # "an airstrike blamed on Damascus"; but "activists reported on Friday" speaks
    if following is None and (author := _author_of_report(subject)) is not subject:
        subject = author  # "a video released by the military media center shows ..."
    own = subject.dep_ == "nsubj" and subject.head == token  # not the subject of a clause it hangs on
    relative = subject if subject.lower_ in RELATIVE_SUBJECTS and own else None
    if relative is not None:
        # "..., which said": the speaking noun before it in its sentence, whatever the parser
        # hung the clause on ("a monitoring group based in Britain, which said")
        subject = _antecedent(relative) or relative
    if following is not None:
        phrase = following
    else:
        phrase = _with_source_before(_with_name_before(speaker_phrase(subject)))
    if relative is not None and subject is not relative:
        phrase = _entity_of(subject) or phrase  # "Doctors Without Borders", not "... in Idlib"
    cited = _cited(token)
    quoted = _quoted_source(token, lemma, table)
    if quoted is not None and _own_informants(phrase, speaker_phrase(quoted), book):
        quoted = None  # "the Observatory quoted trusted sources as saying": the Observatory tells it
    via: list[str] = []
    if quoted is not None:
        # "SANA quoted a source in Hasaka as saying ...": the source speaks, SANA carries it
        via.append(outlet_in(phrase) or phrase.text)
        speaker = book.resolve(speaker_phrase(quoted))
    elif cited is not None and (outlet_in(phrase) or is_media(phrase)):
        # "AA reported, citing the governor": the governor speaks, AA carries it
        via.append(outlet_in(phrase) or phrase.text)
        # "citing a statement from the Revolution General Commission": the statement's author
        speaker = book.resolve(speaker_phrase(_author_of_report(cited)))
    elif (rumour := _unverified_source(token, phrase)) is not None:
        # "unverified reports swirled on social media, claiming ...": social media speaks
        speaker = book.resolve(rumour)
    elif subject is relative:
        # no speaking noun before it in its sentence: the source told last ("The strikes were
        # documented by the Network. It is a group based in Britain, which said ...")
        speaker = book.told_last(relative.idx) or book.resolve(phrase)
    else:
        speaker = book.resolve(phrase)
        if cited is not None and (outlet := outlet_in(speaker_phrase(cited))):
            via.append(outlet)
    via.extend(_audience(token))
    # a subject that governs the cue ("reports ..., claiming that"): only its own phrase is out
    exclude = set(phrase) if subject in token.ancestors else set(subject.subtree)
    if relative is not None:
        exclude = set(phrase) | {relative}
    if quoted is not None:
        exclude |= {t for t in quoted.subtree if t.i < _as_saying(token).i}  # type: ignore[union-attr]
    for other in token.children:  # the other half of a split apposition is no content either
        split = inverted is None and adjacent is None
        if other.dep_ == "nsubj" and other.i < token.i and other is not subject and split:
            exclude |= set(other.subtree)
    if lemma in table.particle_verbs:  # "pointed out that ...": "out" is part of the cue
        exclude |= {child for child in token.children if child.dep_ == "prt"}
    # "a toll of eight while the Observatory gave ...": a clause begins at its conjunction
    marks = [mark.i for mark in token.children if mark.dep_ == "mark"]
    if marks:
        exclude |= {t for t in token.subtree if t.i < max(marks)}
    return Attribution(
        cue=token,
        cue_text=token.text,
        kind=table.reporting_verbs[lemma],
        speaker=speaker,
        via=list(dict.fromkeys(via)),
        scope=_scope(token, exclude=exclude)
        | _closed_clause(token, phrase)
        | _relayed_clause(token, phrase)
        | _run_in_clause(token, phrase),
        negated=_negated(token),
        subject_start=phrase.start_char,
    )


def _own_informants(relay: Span, quoted: Span, book: SpeakerBook) -> bool:
    """'the Observatory ... quoted trusted sources as saying': unnamed sources that an
    organisation other than the press quotes are its own informants (a monitor's network), so it
    speaks for them; 'SANA quoted a source in Hasaka as saying', 'SANA reporter quoted a source':
    the press carries its source's words."""
    if not is_anonymous(quoted):
        return False
    speaker = book.resolve(relay, remember=False)
    if speaker.kind == "outlet":
        return outlet_kinds().get(speaker.name) == "monitor"  # the press is an outlet too
    return speaker.kind == "organisation" and not is_media(relay) and not _speaker_is_press(relay)


@cache
def journalist_nouns() -> frozenset[str]:
    return frozenset(load_json("en", "reporting", "cues.json")["journalist_nouns"])


def _speaker_is_press(phrase: Span) -> bool:
    """'SANA reporter', 'SANAs correspondent': a journalist of the press."""
    journalist = phrase.root.lemma_.lower() in journalist_nouns()
    return journalist or outlet_in(phrase) is not None


def _relayed_clause(cue: Token, phrase: Span) -> frozenset[int]:
    """'A Russian air strike killed 49 militants in Idlib Russian state television cited the defence
    ministry as saying': a relay cue run on as the conjunct of the clause before it (copy without
    commas) governs that clause, up to its speaker."""
    if cue.dep_ != "conj" or _as_saying(cue) is None or cue.lemma_.lower() not in cue_table().relay_verbs:
        return frozenset()
    own = {t.i for t in cue.subtree}
    return frozenset(t.i for t in cue.head.subtree if t.i < min(phrase.start, cue.i) and t.i not in own)


def _antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun subject stands for: the nearest noun before it in its
    sentence that can speak (a name's head for a name: "the Syrian Network for Human Rights,
    which said")."""
    doc = pronoun.doc
    start = sentence_of(pronoun).start
    before = pronoun.i - 1 if pronoun.i - 1 > start and doc[pronoun.i - 1].text == "," else pronoun.i
    nearest = doc[before - 1] if before > start else None
    if nearest is not None and nearest.pos_ in {"NOUN", "PROPN"} and nearest.ent_type_ not in PLACE_ENTITIES:
        entity = _entity_of(nearest)  # "The government which denied": the noun right before it
        return entity.root if entity is not None else nearest
    for token in reversed(doc[start : pronoun.i]):
        if token.pos_ not in {"NOUN", "PROPN"} or not _speaker_noun(token):
            continue
        entity = _entity_of(token)
        return entity.root if entity is not None else token
    return None


def _entity_of(token: Token) -> Span | None:
    """The named entity that holds ``token``, without a leading 'the'."""
    if token.ent_iob_ not in {"B", "I"}:
        return None
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if entity is not None and len(entity) > 1 and entity[0].lower_ == "the":
        entity = entity[1:]
    return entity


def _is_time(phrase: Token) -> bool:
    """A date or time phrase ('Monday', 'on Thursday', 'late on Friday', 'today')."""
    words = [t for t in phrase.subtree if not t.is_punct]
    timed = [t.ent_type_ in {"DATE", "TIME"} for t in words]
    glue = [named or t.pos_ in {"ADP", "ADV", "DET"} for t, named in zip(words, timed, strict=True)]
    return any(timed) and all(glue)


def _audience_of(cue: Token) -> list[Token]:
    """Whom a cue tells ("told SANA", "told him"): the object of an ``audience_verbs`` cue."""
    if cue.lemma_.lower() not in audience_verbs():
        return []
    return [c for c in cue.children if c.dep_ in {"dobj", "dative"}]


@cache
def audience_verbs() -> frozenset[str]:
    return frozenset(load_json("en", "claims", "cues.json")["audience_verbs"])


def _agentless_passive(cue: Token) -> bool:
    """'is said to be', 'was reported': a passive cue with no 'by' agent names no speaker."""
    children = list(cue.children)
    return any(c.dep_ == "auxpass" for c in children) and not any(c.dep_ == "agent" for c in children)


def _closed_clause(cue: Token, phrase: Span) -> frozenset[int]:
    """'... were taken to the nearby Turkish hospitals Mohammad al-Halabi added.', '... outside the
    ceasefire zone tweeted the Syrian Network for Human Rights.': a cue that closes its sentence
    with only its speaker beside it, which the parser hung on a noun or a conjunct, governs the
    sentence before its speaker (copy without commas)."""
    sentence = sentence_of(cue)
    if sentence_of(phrase[0]) != sentence:
        return frozenset()
    start = sentence.start
    if cue.dep_ == "ROOT":
        if not cue.is_lower:
            return frozenset()  # "... R. Milhem/H. Said": a byline's name, no cue
        # "... to escape fighting in eastern Syrias | Deir Ezzor province a monitor said.": the
        # parser broke the sentence where no punctuation does; the fragment's cue closes both
        start = _run_on_start(sentence, phrase)
        if start is None:
            return frozenset()
    rest = cue.doc[cue.i + 1 : sentence.end]
    # "... during the past week a military source told SANA.": its audience may close it too
    audience = {t.i for c in _audience_of(cue) for t in c.subtree}
    # "... local media reported Monday.", "... the monitor said on Thursday.": its time too
    when = {t.i for c in cue.children if c.i > cue.i and _is_time(c) for t in c.subtree}
    beside = set(range(phrase.start, phrase.end)) | audience | when
    if any(not (t.is_punct or t.pos_ == "DET") and t.i not in beside for t in rest):
        return frozenset()
    if audience and any(t.is_quote for t in cue.doc[sentence.start : cue.i]):
        return frozenset()  # '"..." the spokesman told Reuters': the quote's speaker tells it all
    if phrase.start < cue.i and phrase.end != cue.i:
        return frozenset()  # the speaker must stand right before the cue, or after it
    opening = min(phrase.start, cue.i)
    return frozenset(t.i for t in cue.doc[start:opening] if not t.is_punct)


def _run_on_start(fragment: Span, phrase: Span) -> int | None:
    """Where the sentence begins that a verbless fragment before a speaker continues: the parser
    broke it off with no punctuation between them ("... in eastern Syrias | Deir Ezzor province a
    monitor said."); None when the fragment stands on its own."""
    doc = fragment.doc
    if fragment.start == 0 or doc[fragment.start - 1].is_punct or doc[fragment.start - 1].is_space:
        return None
    if any(t.pos_ in {"VERB", "AUX"} for t in doc[fragment.start : phrase.start]):
        return None  # a clause of its own, not the tail of the one before
    return sentence_of(doc[fragment.start - 1]).start


def _run_in_clause(cue: Token, phrase: Span) -> frozenset[int]:
    """'Air strikes on Aleppo killed at least 16 civilians on Sunday a monitor said with barrel
    bombs causing huge damage': a cue with its speaker run on, with no conjunction, right after the
    clause before it (copy without commas; the parser makes the cue that clause's conjunct or its
    sibling) governs that clause, up to its speaker."""
    if phrase.end != cue.i or cue.dep_ not in {"conj", "ccomp"}:
        return frozenset()
    if any(c.dep_ in {"ccomp", "dobj"} for c in cue.children):
        return frozenset()  # "... and the report mentioned no fatalities": a content of its own
    if cue.dep_ == "conj":
        clause: Token | None = cue.head
    else:
        before = [c for c in cue.head.children if c.dep_ in {"ccomp", "conj"} and c.i < phrase.start]
        clause = before[-1] if before else None
    if clause is None or clause.i >= phrase.start or clause.pos_ not in {"VERB", "AUX"}:
        return frozenset()
    own = {t.i for t in cue.subtree}
    told = [t for t in clause.subtree if t.i < phrase.start and t.i not in own]
    if not told or any(t.pos_ == "CCONJ" for t in cue.doc[clause.i : phrase.start]):
        return frozenset()  # "... and the ministry said": a clause of its own
    if any(not (t.is_punct or t.pos_ == "DET") for t in cue.doc[told[-1].i + 1 : phrase.start]):
        return frozenset()  # the speaker must follow the clause it tells
    return frozenset(t.i for t in told if not t.is_punct)


def _inverted_speaker(cue: Token, lemma: str, table: CueTable) -> Token | None:
    """'... without causing more deaths said Barazi.', '"..." said Talal al-Barazi': a name right
    after a cue that takes no person as object ("said", "added") and that closes its clause is
    the speaker, whatever noun stands before the cue (copy without commas puts one there)."""
    if lemma not in table.inverted_cues or cue.i + 1 >= len(cue.doc):
        return None
    doc = cue.doc
    first = doc[cue.i + 1]
    # "... tweeted the Syrian Network for Human Rights.": a name with its article, closing the sentence
    article = first.lower_ == "the" and cue.i + 2 < len(doc) and doc[cue.i + 2].pos_ == "PROPN"
    if article:
        first = doc[cue.i + 2]
    described = _closing_description(cue)
    if described is not None:
        return described  # "... seized by the terrorists said the Britain-based group."
    if first.pos_ != "PROPN" or first.ent_type_ in {"DATE", "TIME"}:
        return None  # "said Thursday": a day, not a speaker
    left = first.i - 1 if article else first.i
    name = next((c for c in cue.children if c.i > cue.i and c.left_edge.i in {first.i, left}), None)
    if name is None or name.dep_ not in INVERTED_SPEAKER_DEPS or name.pos_ != "PROPN":
        return None
    end = name.right_edge.i if article else name.i
    after = doc[end + 1] if end + 1 < len(doc) else None
    if article and after is not None and not (after.is_punct or after.is_sent_start):
        return None
    if after is not None and not (after.is_punct or after.pos_ in {"DET", "CCONJ"} or after.is_sent_start):
        return None  # "said Barazi was killed": the name begins what is said
    return name


def _closing_description(cue: Token) -> Token | None:
    """'... said the Britain-based group.', 'added the monitor.': a definite description of a
    source (a word of ``anaphoric_heads``) right after the cue, closing the sentence."""
    from .claim_speakers import source_lexicon

    doc = cue.doc
    if doc[cue.i + 1].lower_ != "the":
        return None
    head = next((c for c in cue.children if c.i > cue.i and c.left_edge.i == cue.i + 1), None)
    if head is None or head.dep_ not in INVERTED_SPEAKER_DEPS or head.pos_ != "NOUN":
        return None
    if head.lower_ not in source_lexicon(doc.vocab).anaphoric_heads or head.right_edge.i != head.i:
        return None
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    return head if after is None or after.is_punct or after.is_sent_start else None


def _with_name_before(phrase: Span) -> Span:
    """'"..." Necip Ensari a local civil defense official reportedly said': copy without commas
    puts the person's name right before the indefinite role that the parser made the subject."""
    doc = phrase.doc
    if phrase.start == 0 or phrase[0].lower_ not in {"a", "an"}:
        return phrase
    before = doc[phrase.start - 1]
    if before.ent_type_ != "PERSON" or before.ent_iob_ == "O":
        return phrase
    start = before.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return doc[start : phrase.end]


def _with_source_before(phrase: Span) -> Span:
    """'... leaving 12 civilians dead a source at Aleppo Police Command told SANA': in copy without
    commas the parser may make the body the cue's subject; the unnamed source placed in it, right
    before it ("a source at", "a military source in"), is who speaks."""
    doc = phrase.doc
    if phrase.start < 2:
        return phrase
    lexicon = source_lexicon(doc.vocab)
    preposition, head = doc[phrase.start - 1], doc[phrase.start - 2]
    if preposition.lower_ not in lexicon.placed_source_prepositions:
        return phrase
    if head.lower_ not in lexicon.placed_source_heads:
        return phrase
    start = head.i
    modifiers = {"DET", "ADJ", "NOUN"}  # "a senior military source at"
    while start > 0 and head.i - start < PLACED_SOURCE_REACH - 1 and doc[start - 1].pos_ in modifiers:
        start -= 1
        if doc[start].pos_ == "DET":
            break
    return doc[start : phrase.end]


def _inside_quote(subject: Token, cue: Token) -> bool:
    """Is the subject inside a quotation that closes before the cue (a parse across the quote)?"""
    marks = [t.i for t in cue.doc[sentence_of(cue).start : cue.i] if t.is_quote]
    return len(marks) >= 2 and marks[-2] < subject.i < marks[-1]


def _after_quote_speaker(cue: Token) -> Span | None:
    """The words between a closing quote and its cue, up to a relative clause: the speaker."""
    doc = cue.doc
    marks = [t.i for t in doc[sentence_of(cue).start : cue.i] if t.is_quote]
    if not marks or cue.i - marks[-1] > AFTER_QUOTE_REACH or cue.i - marks[-1] < 2:
        return None
    start, end = marks[-1] + 1, cue.i
    for token in doc[start:end]:
        if token.dep_ == "relcl" or token.lower_ in {"which", "who", "that"} or token.is_punct:
            end = token.i
            break
    while start < end and doc[start].pos_ == "DET":
        start += 1
    if start >= end or not any(t.pos_ in {"NOUN", "PROPN"} for t in doc[start:end]):
        return None
    return doc[start:end]


def _following_speaker(cue: Token) -> Span | None:
    """'"...," said the Observatory's head Rami Abdulrahman': a person named just after the cue."""
    doc = cue.doc
    window_end = min(sentence_of(cue).end, cue.i + 1 + FOLLOWING_REACH)
    for ent in doc[cue.i + 1 : window_end].ents:
        if ent.label_ == "PERSON":
            start = cue.i + 1
            while start < ent.start and (doc[start].pos_ == "DET" or doc[start].is_punct):
                start += 1
            return doc[start : ent.end]
    return None


def _adjacent_speaker(cue: Token, *, subjectless: bool = False) -> Token | None:
    """The speaker noun that ends right before the cue, past the cue's auxiliaries ("has said")
    and a bracketed short name ("the United Nations childrens agency (UNICEF) has said"); a
    description after a name's "for" or "of" ("the Syrian Observatory for Human Rights monitoring
    group said") stands for the name."""
    first = sentence_of(cue).start
    index = cue.i - 1
    while index > first and cue.doc[index].dep_ == "aux" and cue.doc[index].head == cue:
        index -= 1
    if index > first + 2 and cue.doc[index].text == ")" and cue.doc[index - 2].text == "(":
        index -= 3
    if index < first:
        return None
    before = cue.doc[index]
    if before.pos_ not in {"NOUN", "PROPN"} or before.dep_ in {"nsubj", "nsubjpass"}:
        return None
    # "... during shelling on Friday Siege Watch reported.": a name the tagger left unlabelled
    # right before a cue that closes its sentence speaks, whatever subject the parser gave the cue
    # (not a place: "an AFP photographer in Douma reported")
    named = before.pos_ == "PROPN" and (subjectless or (_closes_sentence(cue) and not is_place(before)))
    if not _speaker_noun(before) and not named:
        # a name the tagger left unlabelled speaks when the cue has no subject at all ("Citing
        # news from its partners in Syria UNICEF have said that ...")
        return _outlet_ending_at(cue, end=index + 1)
    start = max(first, before.left_edge.i)
    # a known name that begins before the noun's own phrase and ends inside it: "the Syrian
    # Observatory for Human Rights monitoring group" (not "the official SANA news agency", whose
    # phrase holds the name already)
    ends = range(before.i + 1, start, -1)  # exclusive ends of a name within the phrase
    found = (_outlet_ending_at(cue, end=end, begins_before=start) for end in ends)
    return next((name for name in found if name is not None), before)


def _closes_sentence(cue: Token) -> bool:
    """Is the cue the last word of its sentence but for its punctuation?"""
    rest = cue.doc[cue.i + 1 : sentence_of(cue).end]
    return all(token.is_punct for token in rest)


def _can_speak(subject: Token) -> bool:
    """A subject that may be a source: a name, a pronoun, a speaker noun; not 'the attack', and
    not a number ('22')."""
    if _is_figure(subject):
        return False
    return subject.pos_ in {"PROPN", "PRON"} or _speaker_noun(subject) or subject.ent_type_ != ""


def _is_figure(token: Token) -> bool:
    """A number or date standing alone as a noun phrase ('22', 'Monday'), not a name, nor a
    number of people ('One of the guards told AFP')."""
    if any(child.dep_ == "prep" and child.lower_ == "of" for child in token.children):
        return False
    return token.pos_ == "NUM" or (token.ent_type_ in FIGURE_ENTITIES and token.pos_ != "PROPN")


def _outlet_ending_at(cue: Token, end: int | None = None, begins_before: int | None = None) -> Token | None:
    """'... wounded at least 30 people the Syrian Observatory for Human Rights said': a known
    source named right before the cue (or right before its description: "... Human Rights
    monitoring group said"), whatever entity label the tagger gave it."""
    from .claim_speakers import source_lexicon

    end = cue.i if end is None else end
    lexicon = source_lexicon(cue.doc.vocab)
    start = max(sentence_of(cue).start, end - OUTLET_REACH)
    for _match_id, match_start, match_end in lexicon.outlets(cue.doc[start:end]):
        if match_end == end and (begins_before is None or match_start < begins_before):  # doc indices
            return _name_head(cue.doc[match_start:match_end])
    return None


def _name_head(name: Span) -> Token:
    """The noun that heads a name the parser may have split ("the Syrian Observatory | for Human
    Rights" with "for" hung on the verb): the first noun whose head lies outside the name."""
    for token in name:
        if token.pos_ in {"NOUN", "PROPN"} and not name.start <= token.head.i < name.end:
            return token
    return name.root


def _speaker_noun(token: Token) -> bool:
    """Can this noun speak: a person or organisation, or a word like 'activists', 'sources'?"""
    from .claim_speakers import source_lexicon

    lexicon = source_lexicon(token.doc.vocab)
    lemma = token.lemma_.lower()
    words = lexicon.role_heads | lexicon.anonymous_heads | lexicon.media_words
    return token.ent_type_ in {"PERSON", "ORG", "NORP"} or lemma in words or token.lower_ in words


def _unverified_source(verb: Token, phrase: Span) -> Span | None:
    """The unverified source ('social media') named in the clause of a subject like 'reports'."""
    if phrase.root.lemma_.lower() not in cue_table().report_nouns:
        return None
    sentence = sentence_of(verb)
    window = verb.doc[sentence.start : max(verb.i, phrase.end)]
    return window if unverified_source_in(window) else None


def _negated(verb: Token) -> bool:
    """'has not confirmed', 'None of this has been confirmed'."""
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        negative = child.lower_ in NEGATIVE_SUBJECTS or any(d.lower_ == "no" for d in child.children)
        if child.dep_ in {"nsubj", "nsubjpass"} and negative:
            return True  # "None of this has been confirmed", "No group has claimed"
    return False


def _subject(verb: Token) -> Token | None:
    """The subject of a cue, or of the verb a participle cue hangs on ('..., saying ...')."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ == "VBG" and before is not None and before.dep_ == "pobj" and before.head.lower_ == "with":
        return before  # "seized the city with Ankara saying that ...": Ankara says it
    current = verb
    for _ in range(3):
        agent = next((c for c in current.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        subjects = [c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return _main_subject(current, subjects)
        if current.dep_ in {"acl", "relcl"} and current.head.pos_ in {"NOUN", "PROPN"}:
            return _participle_owner(current) or current.head
        if current.dep_ in SHARED_SUBJECT_DEPS and current.head.i != current.i:
            current = current.head
            continue
        quoted = _quoted_as(current)
        if quoted is not None:
            return quoted  # "X was quoted as saying ...": X says it
        if current.tag_ == "VBG" and current.dep_ == "pcomp" and _joins_saying(current.head):
            # "joined Washington in saying ...": the joining verb's subject says it ("quoted X as
            # saying" is a relay, read by ``_quoted_source``)
            current = current.head.head
            continue
        return None
    return None


def _quoted_as(participle: Token) -> Token | None:
    """'Steinmeier was quoted as saying / as telling the daily ... that': the passive subject of a
    relay verb speaks through the participle after its 'as'."""
    if participle.tag_ != "VBG" or participle.dep_ != "pcomp" or participle.head.lower_ != "as":
        return None
    relay = participle.head.head
    if relay.lemma_.lower() not in cue_table().relay_verbs:
        return None
    if not any(c.dep_ in {"ccomp", "parataxis"} and c.i > participle.i for c in participle.children):
        return None  # '"..." X was quoted by AFP as saying.': the quote before it has its own reading
    return next((c for c in relay.children if c.dep_ == "nsubjpass"), None)


def _joins_saying(preposition: Token) -> bool:
    return preposition.lower_ in {"in", "by"} and preposition.head.pos_ in {"VERB", "AUX"}


def _participle_owner(participle: Token) -> Token | None:
    """'Russia has been Assad's backer during the war, blocking ... and blaming the attack on
    rebels': a participle the parser hung on a noun that cannot speak ('war') tells what the
    subject of the clause around that noun does."""
    noun = participle.head
    if participle.tag_ != "VBG" or _can_speak(noun):
        return None
    for ancestor in noun.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            subjects = [c for c in ancestor.children if c.dep_ == "nsubj"]
            return subjects[0] if subjects and _can_speak(subjects[0]) else None
    return None


def _quoted_source(verb: Token, lemma: str, table: CueTable) -> Token | None:
    """'quoted a source in Hasaka as saying': the object of a relay verb that speaks."""
    if lemma not in table.relay_verbs or _as_saying(verb) is None:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _as_saying(verb: Token) -> Token | None:
    """The 'as' of 'quoted X as saying', wherever the parser hangs it (on the verb or on X)."""
    for token in verb.subtree:
        if token.lower_ == "as" and any(c.lemma_.lower() == "say" for c in token.children):
            return token
    return None


def _main_subject(verb: Token, subjects: list[Token]) -> Token:
    """The parser may split an apposition into two subjects: "The state news agency SANA said",
    "The Islamic State (ISIS) terrorist group claimed". The one nearest the verb speaks, unless
    it is a description right after a name; a credit set apart ("(MNA) - SANA's correspondent
    said") stays out."""
    before = [s for s in subjects if s.i < verb.i] or subjects
    nearest = before[-1]
    if len(before) < 2 or _is_name(nearest) or not _is_name(before[-2]):
        return nearest
    previous = before[-2]
    doc = verb.doc
    opened = previous.i > 0 and doc[previous.i - 1].text == "("
    credit = opened or doc[previous.right_edge.i].text in DASHES
    gap = [t.text for t in doc[previous.right_edge.i + 1 : nearest.left_edge.i]]
    bracketed = not gap or (gap[0] == "(" and gap[-1] == ")")
    return previous if bracketed and not credit else nearest


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in NAME_ENTITIES


def _cited(verb: Token) -> Token | None:
    """'reported, citing the governor' / 'said, according to AA': the source named beside the cue."""
    for child in verb.children:
        if child.lemma_.lower() in {"cite", "quote"} and child.dep_ in {"advcl", "xcomp", "conj", "dep"}:
            return next((c for c in child.children if c.dep_ in {"dobj", "pobj"}), None)
        if child.lower_ == "according":
            return _according_object(child)
    for child in verb.children:
        # "reported 15 deaths citing a statement": the parser hangs the relay on the object
        if child.dep_ != "dobj":
            continue
        for relay in child.children:
            if relay.lemma_.lower() in {"cite", "quote"} and relay.dep_ == "acl":
                return next((c for c in relay.children if c.dep_ == "dobj"), None)
    return None


def _audience(verb: Token) -> list[str]:
    """'told the media', 'speaking to Anadolu': an audience that is the press carries the claim."""
    via: list[str] = []
    candidates: list[Token] = []
    for child in verb.children:
        if child.dep_ in {"dative", "dobj"} and verb.lemma_ == "tell":
            candidates.append(child)
        if child.dep_ == "prep" and child.lower_ == "to":
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
        if child.dep_ == "advcl" and child.lemma_ == "speak":
            for prep in child.children:
                if prep.lower_ == "to":
                    candidates.extend(c for c in prep.children if c.dep_ == "pobj")
    for token in candidates:
        phrase = speaker_phrase(token)
        outlet = outlet_in(phrase)
        if outlet:
            via.append(outlet)
        elif token.lower_ == "media":
            via.append("media")
    return via


def _scope(verb: Token, *, exclude: set[Token]) -> frozenset[int]:
    excluded = {token.i for token in exclude}
    if verb.lemma_ == "call":  # "called [the attack] [a terrorist explosion]": those two alone
        kept = {t.i for c in verb.children if c.dep_ in {"dobj", "oprd"} for t in c.subtree}
        return frozenset(i for i in kept | {verb.i} if i not in excluded)
    if verb.lemma_ == "claim" and any(c.lemma_ in {"responsibility", "credit"} for c in verb.children):
        # "claimed responsibility for a bombing that killed 30": the toll is not part of the claim
        for child in verb.subtree:
            if child.dep_ in {"relcl", "acl"}:
                excluded.update(t.i for t in child.subtree)
    return frozenset(token.i for token in verb.subtree if token.i not in excluded)


def innermost(found: list[Attribution], token: Token) -> Attribution | None:
    """The attribution with the smallest scope that covers ``token``, else a trailing one."""
    covering = [a for a in found if a.covers(token)]
    if covering:
        return min(covering, key=lambda a: len(a.scope))
    return next((a for a in found if a.cue.i > token.i and is_trailing(a, token)), None)


def is_trailing(attribution: Attribution, token: Token) -> bool:
    """'..., the Turkish Anadolu Agency (AA) reported, citing the governor.': a cue that closes the
    sentence of ``token`` after a comma, with nothing but its speaker and relay after it."""
    cue, sentence = attribution.cue, sentence_of(attribution.cue)
    if sentence_of(token) != sentence or attribution.negated or cue.lemma_ == "call":
        return False  # "called the attack a ..." says nothing of the clause before it
    opening = min(attribution.subject_start or attribution.speaker.start, cue.idx)
    doc = cue.doc
    before = [t for t in doc[token.i : cue.i] if t.idx < opening and t.pos_ != "DET"]
    if not before:
        return False
    after = doc[cue.i + 1 : sentence.end]
    saying = _as_saying(cue)  # "cited the ministry as saying": its "saying" is part of the cue
    said = {c.i for c in saying.children} if saying is not None else set()
    if any(t.pos_ in {"VERB", "AUX"} and t.lemma_ not in TRAILING_VERBS and t.i not in said for t in after):
        return False
    if before[-1].text in {",", "”", '"', "’", "—", "-"}:
        return True
    # copy without commas ("... in divided Aleppo the Syrian Observatory reported."): the cue is
    # the last verb of the sentence and its speaker follows the end of a clause
    between = [t for t in doc[token.i : cue.i] if t.idx < opening]
    return before[-1].pos_ in CLAUSE_END_POS and not any(t.lemma_ in {"and", "but"} for t in between[-2:])
