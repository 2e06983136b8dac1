"""Event arguments: who attacked whom, read from the dependency parse around a trigger.

``find_arguments(doc, trigger)`` returns the attacker and target spans (and instrument
and place) of the attack whose trigger is at the given character offsets. The rules are
semantic roles on the parse, with no word lists in code (the cue words are in
``khabar/data/en/actors/roles.json`` and ``khabar/data/en/arguments/cues.json``):

- verbal trigger, active voice: subject -> attacker, object -> target ("X shelled Y");
  a weapon as object makes the target the object of "at/on/against" ("X fired missiles
  at Y"); with no subject of its own, the subject is inherited through xcomp, advcl,
  conj, pcomp and relative clauses ("Turkey is responding by launching strikes");
- passive voice: "by" agent -> attacker, passive subject -> target;
- nominal trigger: possessor, "by" phrase, or an actor-naming modifier -> attacker
  ("Russia's attack", "an airstrike by X", "a Russian airstrike"), "on/against/at"
  phrase -> target; a trigger that is the object of a support verb ("launched strikes")
  or sits in a phrase of a killing verb ("33 soldiers were killed in an airstrike")
  takes that verb's roles; "an airstrike blamed on Damascus" -> attacker Damascus;
- adjective and participle triggers take the roles of their verb or noun ("shot dead by
  police", "militants killed in blasts", "nine people were dead"); "a battle between X and
  Y" and "X clashed with Y" make X attacker and Y target; what explodes is a device;
- names and agent nouns compounding a trigger are attackers ("IS attacks", "a coalition
  strike"), places compounding it are targets ("the Nagasaki blast");
- "X was involved in / took part in / is responsible for the attack" -> attacker X;
  "those who survived the blast" -> target; "bombings aimed at X" -> target X;
- "X was accused of / blamed for the attack" and "the group behind the attack" -> attacker;
  "the airstrikes, which Russia began" -> Russia; "killed in IS attacks", "died in Russian
  strikes" -> the attack's doer; "a Saudi-led strike" -> Saudi; "exploded, killing 12" ->
  the 12 are targets; an active participle or an intention noun hands its doer on
  ("terrorists modifying drones to launch attacks", "the IRA's decision to carry out attacks");
- a phrase includes the group it counts from and the names owning it ("some of these
  fighters", "the warships of Europe"); an acronym the tagger read as a verb ("IS") is a name;
- conjuncts of an argument are arguments too; a pronoun argument is returned together
  with what it stands for (the pronoun is what the text states, the antecedent what the
  assembler can resolve): the nearest agreeing (number, person) actor mention or name in its
  sentence or the two before, a subject first; first and second person pronouns stand for
  no one mentioned;
- with no attacker found, ``event_coreference`` hands on the doer of another mention of the
  same attack ("Gunmen stormed the hotel. The attack killed 20") or whoever claims
  responsibility nearby; failing that, ``argument_fallback`` proposes the armed actor that is
  the subject of the trigger's clause, or a perpetrator ("the gunman") of the sentence.
  ``syntactic_arguments`` leaves both out, so that their precision can be measured.

The assembler resolves the spans to actors with ``actors.resolve_actor``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.tokens import Doc, Span, Token

from ..langdata import load_json, load_tsv
from ..model import Span as TextSpan
from .actors import (
    GENERIC_INSURGENTS,
    INSURGENT_SECTOR,
    actor_dictionary,
    country_word_kind,
    dictionary_matches,
    find_actors,
    place_words_by_token,
)
from .argument_fallback import clause_subject, is_armed_actor, nearby_perpetrator
from .event_coreference import (
    CLAIM_SENTENCES,
    MentionLinks,
    attack_mentions,
    claimed_attackers,
    coreferent_attackers,
    remember_doers,
)
from .extensions import sentence_numbers
from .linking import in_speaker_phrase

#: how many sentences before bare strikes naming no doer the strikes that name one may be told
CARRY_SENTENCES = 2
#: ACLED inter codes of named non-state armed groups ('the group' may stand for one)
NON_STATE_ARMED_INTER = frozenset({2, 3, 4})
#: dependency labels of a verb's roles in spaCy's English scheme (ClearNLP)
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
#: how a clause without a subject of its own gets one from the clause above it
INHERITING_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "ccomp", "acl"})
#: modifiers of a noun that belong to its phrase
PHRASE_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "nummod", "poss", "quantmod", "nmod", "predet", "case", "advmod"}
)
MAX_CLIMB = 4
#: how many words after a nominal deed a subjectless 'carried out by X' is still read as its own
DETACHED_PARTICIPLE_REACH = 12
#: "on Friday" is a time, never a target
TEMPORAL_ENTITIES = frozenset({"DATE", "TIME"})
#: doc.user_data key: who is blamed for an attack the document tells ('blamed X for the attack')
ACCUSED_KEY = "khabar_accused_of_attacks"
PLACE_OR_TIME_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL"})
#: a relative pronoun stands for the noun it hangs from, never for itself
RELATIVE_WORDS = frozenset({"who", "which", "that", "whom"})
#: how many sentences before a pronoun's own its antecedent is looked for
ANTECEDENT_SENTENCES = 2
ANTECEDENT_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: a word modifying a noun ('the U.S. homeland') is not what a pronoun stands for
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
#: clauses of their own: a pronoun below one is not in the relative clause above it
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "conj"})


@dataclass(slots=True)
class Arguments:
    """The participants of one event mention, as character spans of the document."""

    attackers: list[TextSpan] = field(default_factory=list)
    targets: list[TextSpan] = field(default_factory=list)
    instruments: list[TextSpan] = field(default_factory=list)
    places: list[TextSpan] = field(default_factory=list)

    @property
    def attacker(self) -> TextSpan | None:
        return self.attackers[0] if self.attackers else None

    @property
    def target(self) -> TextSpan | None:
        return self.targets[0] if self.targets else None


@dataclass(frozen=True, slots=True)
class RoleCues:
    agent_preps: frozenset[str]
    target_preps: frozenset[str]
    instrument_preps: frozenset[str]
    place_preps: frozenset[str]
    support_verbs: frozenset[str]
    blame_verbs: frozenset[str]
    instrument_nouns: frozenset[str]
    die_verbs: frozenset[str]
    victim_verbs: frozenset[str]
    relative_pronouns: frozenset[str]
    responsibility_nouns: frozenset[str]
    aim_verbs: frozenset[str]
    survivor_verbs: frozenset[str]
    participation_verbs: frozenset[str]
    agent_nouns: frozenset[str]
    report_verbs: frozenset[str]
    reciprocal_verbs: frozenset[str]
    device_verbs: frozenset[str]
    perpetrator_nouns: frozenset[str]
    sides_preps: frozenset[str]


@cache
def role_cues() -> RoleCues:
    data = load_json("en", "actors", "roles.json")
    return RoleCues(**{name: frozenset(data[name]) for name in RoleCues.__slots__})


@dataclass(frozen=True, slots=True)
class PhraseCues:
    """Cues of argument phrases (``khabar/data/en/arguments/cues.json``)."""

    quantifier_heads: frozenset[str]
    singular_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    intention_nouns: frozenset[str]
    leader_participles: frozenset[str]
    accusation_verbs: frozenset[str]
    culprit_preps: frozenset[str]
    culprit_nouns: frozenset[str]
    accusation_preps: frozenset[str]
    victim_nouns: frozenset[str]
    collective_nouns: frozenset[str]
    party_verbs: frozenset[str]
    party_preps: frozenset[str]
    negative_words: frozenset[str]
    holding_verbs: frozenset[str]
    reaction_verbs: frozenset[str]
    command_verbs: frozenset[str]
    using_verbs: frozenset[str]
    opponent_nouns: frozenset[str]
    source_preps: frozenset[str]
    exposure_preps: frozenset[str]
    control_preps: frozenset[str]
    control_verbs: frozenset[str]
    cause_preps: frozenset[str]
    result_nouns: frozenset[str]
    escape_preps: frozenset[str]
    series_nouns: frozenset[str]
    attack_words: frozenset[str]
    doer_preps: frozenset[str]
    signature_nouns: frozenset[str]
    charge_in_verbs: frozenset[str]
    anaphoric_determiners: frozenset[str]
    contrast_words: frozenset[str]
    claim_verbs: frozenset[str]
    attack_verbs: frozenset[str]
    part_nouns: frozenset[str]
    denial_verbs: frozenset[str]
    setting_preps: frozenset[str]
    absolute_preps: frozenset[str]
    group_descriptions: frozenset[str]
    outcome_verbs: frozenset[str]
    scene_nouns: frozenset[str]
    explosion_words: frozenset[str]
    air_strike_words: frozenset[str]
    fight_words: frozenset[str]
    captive_words: frozenset[str]
    killing_words: frozenset[str]
    attack_phrases: frozenset[str]
    calendar_words: frozenset[str]
    object_nouns: frozenset[str]
    victim_deed_nouns: frozenset[str]
    body_nouns: frozenset[str]
    copular_verbs: frozenset[str]
    casualty_nouns: frozenset[str]
    membership_verbs: frozenset[str]
    performing_verbs: frozenset[str]
    range_verbs: frozenset[str]
    agentive_adjectives: frozenset[str]
    hostile_purpose_verbs: frozenset[str]
    freeing_verbs: frozenset[str]
    hold_nouns: frozenset[str]
    measure_heads: frozenset[str]
    time_nouns: frozenset[str]


@cache
def phrase_cues() -> PhraseCues:
    data = load_json("en", "arguments", "cues.json")
    return PhraseCues(**{name: frozenset(data[name]) for name in PhraseCues.__slots__})


@cache
def country_names() -> frozenset[str]:
    """Lower-case country names: 'the US strikes' names an attacker, 'the Nagasaki blast' a place."""
    return frozenset(row["name"].lower() for row in load_tsv("en", "actors", "countries.tsv"))


def _is_country(token: Token) -> bool:
    text = token.lower_.replace(".", "")
    return text in country_names() or (token.is_upper and 2 <= len(text) <= 3 and token.ent_type_ == "GPE")


@dataclass(slots=True)
class _Roles:
    attackers: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    instruments: list[Token] = field(default_factory=list)
    places: list[Token] = field(default_factory=list)
    #: tokens whose conjuncts are not arguments of the same role ("between X and Y")
    alone: set[int] = field(default_factory=set)


def find_arguments(doc: Doc, trigger: TextSpan | tuple[int, int]) -> Arguments:
    """The attacker, target, instrument and place of the event triggered at ``trigger``."""
    return _find(doc, trigger, fallback=True)


def syntactic_arguments(doc: Doc, trigger: TextSpan | tuple[int, int]) -> Arguments:
    """``find_arguments`` without the fallback candidates (to measure them apart)."""
    return _find(doc, trigger, fallback=False)


def _find(doc: Doc, trigger: TextSpan | tuple[int, int], *, fallback: bool) -> Arguments:
    start, end = (trigger.start, trigger.end) if isinstance(trigger, TextSpan) else trigger
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Arguments()
    head = span.root
    cues = role_cues()
    roles = _parse_roles(head, span.start, span.end, cues)
    if len(span) == 1:
        remember_doers(head, roles.attackers)
    # "no group claimed the blast" names no doer: others may
    roles.attackers[:] = [token for token in roles.attackers if not _names_no_one(token)]
    if fallback and not roles.attackers:
        roles.attackers.extend(_other_mention_attackers(head, roles, cues))
    if fallback and not roles.attackers:
        # the subject of a verb of saying or of reacting ("vowed to retaliate for the attack")
        # is no doer
        stops = cues.report_verbs | phrase_cues().reaction_verbs
        subject = clause_subject(
            head,
            exclude={t.i for t in roles.targets},
            report_verbs=stops,
            setting_preps=phrase_cues().setting_preps,
            absolute_preps=phrase_cues().absolute_preps,
            # 'vowed revenge for the killing': a deed answered is the other side's
            answer_nouns=phrase_cues().contrast_words,
        )
        if subject is None:
            subject = nearby_perpetrator(
                head, perpetrator_nouns=cues.perpetrator_nouns, responsibility_nouns=cues.responsibility_nouns
            )
        if subject is not None:
            roles.attackers.append(subject)
    if fallback and not roles.attackers:
        roles.attackers.extend(_blamed_nearby(head, {target.i for target in roles.targets}))
    attacker_exclude = span
    if fallback and not roles.attackers:
        carried = _doer_of_strikes_before(head, {target.i for target in roles.targets}, cues)
        if carried is not None:
            doer, strikes = carried
            roles.attackers.append(doer)
            # the words naming the earlier strikes are no part of the doer's phrase ('air')
            attacker_exclude = doc[_deed_start(strikes) : strikes.i + 1]
    return Arguments(
        attackers=_to_spans(doc, roles.attackers, exclude=attacker_exclude, alone=roles.alone, describe=True),
        targets=_to_spans(doc, roles.targets, exclude=span, alone=roles.alone, doers=roles.attackers),
        instruments=_to_spans(doc, roles.instruments, exclude=span),
        places=_to_spans(doc, roles.places, exclude=span),
    )


def _parse_roles(head: Token, start: int, end: int, cues: RoleCues) -> _Roles:
    """The roles the parse gives the trigger headed by ``head`` (token bounds ``start``-``end``)."""
    roles = _Roles()
    if head.pos_ == "ADJ" and head.dep_ in ("oprd", "acomp") and head.head != head:
        _adjectival_roles(head, roles, cues)
    elif (head.pos_ == "ADJ" or head.dep_ == "amod") and _modified_noun(head) is not None:
        # the tagger reads some attributive participles as verbs or nouns ('severely injured
        # people', 'the slain officials')
        _attributive_roles(head, _modified_noun(head), roles, cues)
    elif head.pos_ in ("VERB", "AUX") or head.tag_.startswith("VB"):
        _verbal_roles(head, roles, cues)
    else:
        _nominal_roles(head, start, end, roles, cues)
    return roles


def _other_mention_attackers(
    head: Token, roles: _Roles, cues: RoleCues, *, chain: bool = True
) -> list[Token]:
    """The doer another mention of the same attack names, or who claims responsibility nearby
    (``event_coreference``); never one of the trigger's targets. With ``chain``, a definite
    mention naming no doer ('that strike') hands on the one it refers back to."""
    phrases = phrase_cues()
    targets = [member for target in roles.targets for member in (target, *target.conjuncts)]
    exclude = {target.i for target in targets}
    # the same party named again ('the rebels attacked ... the attack on the rebels', 'the
    # terrorist commanders were killed ... an attack by terrorists') is no doer
    target_words = {word for target in targets if target.pos_ != "PRON" for word in _party_words(target)}
    fighters = [target for target in targets if _is_fighter(target)]
    links = MentionLinks(
        same_victims=_told_victims_test(head, targets, cues),
        # dead fighters ('twenty insurgents were killed') may have fallen on either side: only
        # an attack on their side killed them
        outcome_of=(lambda mention: _attacks_side_of(mention, fighters, cues)) if fighters else None,
        sets_scene=_sets_scene,
        inherited=(lambda mention: _inherited_doers(mention, cues)) if chain else None,
        may_refer_to=_may_refer_to,
    )
    doers = coreferent_attackers(
        head,
        lambda mention: _mention_roles(mention, cues).attackers,
        mention_words=phrases.attack_words,
        verb_words=phrases.attack_verbs,
        anaphoric_determiners=phrases.anaphoric_determiners,
        contrast_words=phrases.contrast_words,
        can_be_doer=lambda doer, same_sentence: (
            doer.lemma_.lower() not in target_words and _can_be_inherited(doer, same_sentence)
        ),
        exclude=exclude,
        outcome_words=_outcome_words(),
        verb_phrases=phrases.attack_phrases,
        links=links,
    )
    if doers:
        return doers
    return claimed_attackers(
        head,
        claim_verbs=phrases.claim_verbs,
        responsibility_nouns=cues.responsibility_nouns,
        negative_words=phrases.negative_words,
        exclude=exclude,
    )


def _blamed_nearby(head: Token, exclude: set[int]) -> list[Token]:
    """Whom the passage around the trigger blames for the attack it tells ('... it said,
    blaming the Islamic State group for the attack'), nearest first: as a claim of
    responsibility does, the charge names the doer of the story's attacks that name none.
    Only a charge over a definite attack noun counts (it refers back to the story's attack),
    and only an armed actor or a perpetrator; a fight has two sides, and no charge over an
    attack names them."""
    if _mention_kind(head) == "fight":
        return []
    doc = head.doc
    accused = doc.user_data.get(ACCUSED_KEY)
    if accused is None:
        accused = doc.user_data[ACCUSED_KEY] = _accused_of_told_attacks(doc)
    numbers = sentence_numbers(doc)
    own = numbers[head.i]
    nearby = [
        i for i in accused if abs(numbers[i] - own) <= CLAIM_SENTENCES and i not in exclude and i != head.i
    ]
    return [doc[min(nearby, key=lambda i: abs(i - head.i))]] if nearby else []


def _doer_of_strikes_before(head: Token, exclude: set[int], cues: RoleCues) -> tuple[Token, Token] | None:
    """'Syrian government air strikes killed 39 people. "... the deaths of 27 people in air
    strikes targeting Tal Hamis," said the monitor': strikes told again without a determiner
    and naming no doer are those of the nearest strikes told in the same word in the sentences
    before ('air strikes', 'airstrikes'; shelling is another deed), when those name one armed
    actor alone and no deed of another party is told between. Strikes only: a fight has two
    sides, and a blast or an attack told again is often another one. A definite noun ('the
    strikes') refers back through ``event_coreference`` already. Gives the doer and the earlier
    strikes."""
    if head.pos_ != "NOUN" or _mention_kind(head) != "air" or _is_definite_attack(head):
        return None
    doc = head.doc
    numbers = sentence_numbers(doc)
    own = numbers[head.i]
    phrases = phrase_cues()
    mentions = attack_mentions(doc, phrases.attack_words, phrases.attack_verbs, phrases.attack_phrases)
    earlier = [i for i in mentions if own - CARRY_SENTENCES <= numbers[i] < own]
    same_kind = [i for i in earlier if _same_deed_word(doc[i], head)]
    if not same_kind:
        return None
    strikes = doc[same_kind[-1]]
    # read with the words that name the strikes ('air'), so 'government' of 'government air
    # strikes' is the doer
    doers = _parse_roles(strikes, _deed_start(strikes), strikes.i + 1, cues).attackers
    if len(doers) != 1:
        return None
    doer = doers[0]
    if doer.i in exclude or _names_several(doer) or not _can_be_inherited(doer, same_sentence=False):
        return None
    own_words = _party_words(doer)
    for i in mentions:
        if strikes.i < i < head.i and any(
            own_words.isdisjoint(_party_words(other)) for other in _mention_roles(doc[i], cues).attackers
        ):
            # another party's deed told since ('... Rebels fired rockets at the city') may be
            # what the strikes are told beside
            return None
    return doer, strikes


def _same_deed_word(mention: Token, head: Token) -> bool:
    """Do the two name strikes in one word ('airstrikes' and 'air strikes', 'shelled' and
    'shelling')? Shelling is not the air strikes told beside it."""

    def forms(token: Token) -> frozenset[str]:
        return frozenset(form.removeprefix("air") for form in _word_forms(token.lower_, token.lemma_.lower()))

    return _mention_kind(mention) == "air" and not forms(mention).isdisjoint(forms(head))


def _names_several(doer: Token) -> bool:
    """'the government and the rebels', 'The Syrian government, its ally Russia and a US-led
    coalition have all carried out air strikes' (the parser hangs the others as appositions):
    which of them struck again is not told."""
    return any(token.dep_ in ("conj", "appos") for token in doer.subtree if token.i != doer.i)


def _accused_of_told_attacks(doc: Doc) -> list[int]:
    phrases = phrase_cues()
    found: list[int] = []
    for i in attack_mentions(doc, phrases.attack_words, phrases.attack_verbs, phrases.attack_phrases):
        mention = doc[i]
        if mention.dep_ != "pobj" or not _is_definite_attack(mention):
            continue
        for doer in _accused(mention.head):
            if is_armed_actor(doer) or _lemma_in(doer, role_cues().perpetrator_nouns):
                found.append(doer.i)
    return found


def _is_definite_attack(mention: Token) -> bool:
    determiners = phrase_cues().anaphoric_determiners
    return mention.pos_ == "NOUN" and any(
        child.dep_ == "det" and child.lower_ in determiners for child in mention.lefts
    )


def _inherited_doers(mention: Token, cues: RoleCues) -> list[Token]:
    """The doer a definite mention naming none takes from the mention it refers back to (one
    step only)."""
    return _other_mention_attackers(mention, _mention_roles(mention, cues), cues, chain=False)


def _mention_kind(mention: Token) -> str | None:
    """The kind of deed a mention names, when the word says ('the blast', 'the strikes', 'the
    fighting', 'the execution'); None for a word of any attack ('the attack', 'hit')."""
    cues = phrase_cues()
    kinds = (
        ("explosion", cues.explosion_words),
        ("air", cues.air_strike_words),
        ("fight", cues.fight_words),
        ("captive", cues.captive_words),
    )
    return next((kind for kind, words in kinds if _lemma_in(mention, words)), None)


def _may_refer_to(anaphor: Token, antecedent: Token) -> bool:
    """A definite noun refers back to a deed of its own kind or to one told in words of any
    attack ('the blast' to 'the explosion' or 'hit', not to 'the strikes'); an execution or an
    abduction is no attack: only a noun of its kind, or for an execution one of killing ('48
    people executed by government forces. The killings took place ...'), refers back to one."""
    kind, earlier = _mention_kind(anaphor), _mention_kind(antecedent)
    if earlier == "captive":
        return kind == "captive" or _lemma_in(anaphor, phrase_cues().killing_words)
    return kind is None or earlier is None or kind == earlier


def _mention_roles(mention: Token, cues: RoleCues) -> _Roles:
    return _parse_roles(mention, mention.i, mention.i + 1, cues)


def _told_victims_test(head: Token, targets: list[Token], cues: RoleCues) -> Callable[[Token], bool] | None:
    """For a death of victims told as known ('the child who was killed', 'the terrorist commanders
    were killed'), a test of whether a mention named them as its targets; else None."""
    if not _lemma_in(head, _outcome_words()):
        return None
    known = [_group_part(_relative_noun(victim)) for victim in targets if _is_definite(victim)]
    heads = {victim.lemma_.lower() for victim in known if victim.pos_ in ("NOUN", "PROPN")}
    if not heads:
        return None

    def names_them(mention: Token) -> bool:
        told = _mention_roles(mention, cues).targets
        members = (member for target in told for member in (target, *target.conjuncts))
        return any(_group_part(member).lemma_.lower() in heads for member in members)

    return names_them


def _is_definite(token: Token) -> bool:
    """'the child', 'those fighters', 'the child who was killed' (a relative pronoun stands for
    its noun)."""
    noun = _relative_noun(token)
    determiners = phrase_cues().anaphoric_determiners
    return any(child.dep_ == "det" and child.lower_ in determiners for child in noun.children)


def _attacks_side_of(mention: Token, fighters: list[Token], cues: RoleCues) -> bool:
    """Did the mention attack the fighters' side ('strikes on the positions of Daesh
    terrorists' for '70 Daesh terrorists were eliminated')?"""
    side = {word for fighter in fighters for word in _party_words(fighter)}
    hit = _mention_roles(mention, cues).targets
    return any(not side.isdisjoint(_party_words(target)) for target in hit)


def _party_words(token: Token) -> set[str]:
    """Lemmas of the nouns, names and adjectives before the noun of the phrase a token heads, with
    its 'of' phrase ('the positions of Daesh terrorists' -> position, daesh, terrorist; 'the
    terrorist commanders' -> terrorist, commander)."""
    token = _quantified_noun(token) or token
    words: set[str] = set()
    for part in (token, *_prep_objects(token, frozenset({"of"}))):
        first, last = _phrase_tokens(part)
        phrase = token.doc[first.i : last.i + 1]
        words.update(word.lemma_.lower() for word in phrase if _names_party(word, part))
    return words


def _names_party(word: Token, head: Token) -> bool:
    return word.pos_ in ("NOUN", "PROPN") or (word.pos_ == "ADJ" and word.dep_ == "amod" and word.i < head.i)


def _sets_scene(preposition: Token) -> bool:
    """A phrase on a death that says only where or on whose word ('in the Mayadin area',
    'according to the ministry'): no cause."""
    if preposition.lower_ == "according":
        return True
    objects = [child for child in preposition.children if child.dep_ == "pobj"]
    return bool(objects) and all(
        not _is_attack_word(obj) and (_is_place(obj) or _lemma_in(obj, phrase_cues().scene_nouns))
        for obj in objects
    )


def _is_fighter(token: Token) -> bool:
    """A member of a non-state armed group: 'insurgents', 'a number of rebels', 'IS militants'."""
    token = _quantified_noun(token) or token
    if _lemma_in(token, phrase_cues().group_descriptions | role_cues().perpetrator_nouns):
        return True
    groups = actor_dictionary(token.doc.vocab).groups
    first, last = _phrase_tokens(token)
    inside = (m for m in dictionary_matches(token.doc) if first.i <= m.start and m.end <= last.i + 1)
    return any(m.kind == "group" and groups[m.key].inter in NON_STATE_ARMED_INTER for m in inside)


@cache
def _outcome_words() -> frozenset[str]:
    return role_cues().die_verbs | phrase_cues().outcome_verbs


def _can_be_inherited(doer: Token, same_sentence: bool) -> bool:
    """A doer another mention names is handed on only if it can act; from another sentence,
    only an armed actor or a perpetrator (the sentences before also name police, spokesmen and
    witnesses), or a pronoun standing for one."""
    named = _antecedent(doer) if doer.pos_ == "PRON" else doer
    if named.pos_ == "PRON" or _is_place(named) or in_speaker_phrase(doer, role_cues().report_verbs):
        # a place is where, a speaker tells of it ('it' in 'the government said it would
        # retake the city' is no speaker)
        return False
    if _is_attack_word(named) or _lemma_in(named, role_cues().instrument_nouns):
        # a deed or weapon the parse left as a doer ('rebel fire killed 14') is none
        return False
    if same_sentence:
        return _can_act(named)
    return is_armed_actor(named) or _lemma_in(named, role_cues().perpetrator_nouns)


def _lemma_in(token: Token, words: frozenset[str]) -> bool:
    """Is the token one of ``words``? The tagger's lemma is sometimes wrong ("waging" -> "wag"),
    so the word's own form and its plain suffix-stripped stems count too."""
    return not _word_forms(token.lower_, token.lemma_).isdisjoint(words)


@lru_cache(maxsize=65536)
def _word_forms(lower: str, lemma: str) -> frozenset[str]:
    """The lemma, the form and its suffix-stripped stems (cached: the same words recur)."""
    forms = {lemma.lower(), lower}
    for suffix in ("ing", "ed", "es", "s"):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            forms.update((stem, stem + "e"))
    return frozenset(forms)


def _children(token: Token, deps: frozenset[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def _possessors(noun: Token) -> list[Token]:
    """Who owns the noun: 'the army's shelling', and a plural possessive the parser took for a
    noun beside a quote mark ('the rebels’ decision', 'his supporters ’ tendency', where the
    apostrophe hangs on the owned noun as punctuation)."""
    owners = _children(noun, frozenset({"poss"}))
    for child in noun.lefts:
        if child.dep_ in ("nmod", "nsubj", "compound") and _ends_plural_possessive(child, noun):
            owners.append(child)
        elif child.dep_ == "punct" and child.i > 0 and _ends_plural_possessive(noun.doc[child.i - 1], noun):
            # 'as for his supporters ’ tendency to ...': the parser hung the owner elsewhere
            owner = noun.doc[child.i - 1]
            if owner not in owners:
                owners.append(owner)
    return owners


def _ends_plural_possessive(owner: Token, noun: Token) -> bool:
    """'rebels ’' before the noun it owns, with no opening quote before (a quoted word, 'the
    ‘rebels’ movement', is no possessive)."""
    if owner.i + 1 >= noun.i or owner.tag_ not in ("NNS", "NNPS"):
        return False
    mark = owner.doc[owner.i + 1]
    start = min(owner.left_edge.i, noun.left_edge.i)
    opened = any(token.text in ("‘", "'") for token in owner.doc[start : owner.i])
    return mark.text in ("’", "'") and mark.head == noun and mark.dep_ == "punct" and not opened


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the prepositions ``preps`` attached to ``token`` ('on Y', 'by X')."""
    objects = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            objects.extend(grandchild for grandchild in child.children if grandchild.dep_ == "pobj")
    return objects


def _agents(verb: Token) -> list[Token]:
    return [
        pobj
        for child in verb.children
        if child.dep_ == "agent"
        for pobj in child.children
        if pobj.dep_ == "pobj"
    ]


def _is_passive(verb: Token) -> bool:
    """Passive voice, including a bare participle with a 'by' agent ('shot dead by police') and a
    participle conjoined to a passive with no subject of its own ('were deported, massacred')."""
    if any(
        child.dep_ in PASSIVE_SUBJECT_DEPS or child.dep_ in ("auxpass", "agent") for child in verb.children
    ):
        return True
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or _children(verb, frozenset({"aux"})):
        return False
    # 'two rebels had been killed and 19 wounded': the second participle's own subject, told
    # with the auxiliaries left out, is its patient all the same
    own_subject = _children(verb, SUBJECT_DEPS)
    if own_subject and (_children(verb, OBJECT_DEPS) or not all(t.like_num for t in own_subject)):
        return False
    return _is_passive(verb.head)


def _subjects(verb: Token, cues: RoleCues) -> list[Token]:
    """The subject of the clause, inherited from governing clauses when it has none."""
    current = verb
    for _ in range(MAX_CLIMB):
        subjects = [doer for subject in _children(current, SUBJECT_DEPS) for doer in _dated_subject(subject)]
        if subjects:
            if current.dep_ == "relcl" and subjects[0].lower_ in cues.relative_pronouns:
                return [_relative_antecedent(current.head, subjects[0], cues)]
            return subjects
        if current.dep_ == "relcl":
            return [current.head]
        if current.dep_ == "acl" and current.head != current:
            # "terrorists modifying drones to launch attacks": an active participle's doer is the
            # noun it modifies; "the IRA's decision to carry out attacks": the possessor decides
            return _noun_clause_subjects(current, cues)
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            # "they accused Israel of bombing the school": Israel bombed it; "it forced the
            # villagers into fighting": the villagers fight; "X is engaged in torturing": X does
            doers = (
                _accused(current.head)
                or _prepositional_doers(current.head, cues)
                or _intention_owners(current.head, cues)
            )
            if doers:
                return doers
            current = _above_preposition(current.head)
        elif current.dep_ == "xcomp" and _passive_controllers(current):
            # "troops were seen shelling the village", "they were ordered to attack": the
            # subject of the passive does the complement
            return _passive_controllers(current)
        elif current.dep_ in ("xcomp", "ccomp") and _controllers(current.head, cues):
            # object control: "they forced the villagers to attack" -> the villagers (but "invading
            # Syria to eradicate IS": whoever invades eradicates)
            return _controllers(current.head, cues)
        elif current.dep_ in INHERITING_DEPS and current.head != current:
            if _is_reported(current, cues):
                # "eight were killed in government shelling, the Observatory said": who reports
                # a deed did not do it
                return []
            passive_subject = _children(current.head, PASSIVE_SUBJECT_DEPS)
            if current.dep_ == "conj" and passive_subject and not _is_passive(current):
                return []
            current = current.head
        else:
            return []
    return []


def _passive_controllers(complement: Token) -> list[Token]:
    """The subject of a passive verb whose active complement it is ('were seen shelling',
    'was forced to fight'); none for a passive complement ('feared being captured')."""
    if complement.tag_ not in ("VB", "VBG") or _is_passive(complement) or not _is_passive(complement.head):
        return []
    return _children(complement.head, PASSIVE_SUBJECT_DEPS)


def _dated_subject(subject: Token) -> list[Token]:
    """The subject, or for a date the parser made the subject ('The opposition Sunday retook
    an area', written without commas) the words before it that name who acted."""
    if subject.ent_type_ not in TEMPORAL_ENTITIES:
        return [subject]
    names = (child for child in subject.lefts if child.dep_ == "compound")
    return [name for name in names if name.ent_type_ not in TEMPORAL_ENTITIES]


def _is_reported(clause: Token, cues: RoleCues) -> bool:
    """A clause a verb of saying reports ('..., the Observatory said'; 'residents say shelling
    kills people', which the parser reads as a gerund complement of 'say')."""
    if not _lemma_in(clause.head, cues.report_verbs):
        return False
    if clause.dep_ == "ccomp":
        return True
    # "rebels claimed shelling the airport", "admitted killing": who claims a deed did it
    claimed = _lemma_in(clause.head, phrase_cues().claim_verbs)
    return clause.dep_ == "xcomp" and clause.tag_ == "VBG" and not claimed


def _prepositional_doers(preposition: Token, cues: RoleCues) -> list[Token]:
    """Who does what a gerund after the preposition names, when it is not the subject above:
    the object of a verb that drives it there ('forced the villagers into fighting', 'move us
    closer to annihilating'), or the subject of a passive verb of taking part ('Australia is
    engaged in torturing', 'X was involved in bombing')."""
    above = preposition.head
    if preposition.lower_ in phrase_cues().control_preps:
        verb = above.head if above.dep_ in ("advmod", "acomp", "oprd") else above
        if verb.pos_ in ("VERB", "AUX"):
            return _controllers(verb, cues)
    if _lemma_in(above, cues.participation_verbs) and _is_passive(above):
        return _children(above, PASSIVE_SUBJECT_DEPS)
    return []


def _intention_owners(preposition: Token, cues: RoleCues) -> list[Token]:
    """'the militia's practice of kidnapping travellers', 'Russia's strategy of bombing
    hospitals': a gerund after 'of' on a noun of intention is done by the noun's owner, as an
    infinitive on one is ('the IRA's decision to carry out attacks')."""
    noun = preposition.head
    if preposition.lower_ != "of" or not _lemma_in(noun, phrase_cues().intention_nouns):
        return []
    return _possessors(noun) + _prep_objects(noun, cues.agent_preps)


def _above_preposition(preposition: Token) -> Token:
    """Where the climb goes on from a preposition: its head, or over an adjective complement to
    the clause it completes ('the pilots were responsible for shooting down the jet': the
    pilots shot it), except for a preposition of escape ('civilians were safe from shelling')."""
    above = preposition.head
    if (
        above.pos_ == "ADJ"
        and above.dep_ in ("acomp", "oprd")
        and preposition.lower_ not in phrase_cues().escape_preps
    ):
        return above.head
    return above


def _relative_antecedent(noun: Token, pronoun: Token, cues: RoleCues) -> Token:
    """The noun a subject relative pronoun stands for. The parser hangs ', which' on the head of
    the phrase, but when that cannot act and the phrase ends in a name that can, the clause is
    about the name: 'the strategy pursued by Russia, which will not stop bombing it'. A weapon or
    an attack can do what the clause says ('the shelling of Syria, which killed ten')."""
    if _can_act(noun) or _lemma_in(noun, cues.instrument_nouns) or pronoun.i == 0:
        return noun
    before = pronoun.doc[pronoun.i - 1]
    if before.is_punct and before.i > 0:
        before = before.doc[before.i - 1]
    if (
        noun.i < before.i
        and before.pos_ == "PROPN"
        and noun.is_ancestor(before)
        and _can_act(before)
        and not _in_place_phrase(before, cues)
    ):
        return before
    return noun


def _in_place_phrase(token: Token, cues: RoleCues) -> bool:
    """Is the token a place or part of a phrase naming where ('at the cafe in Madrid, Spain')?"""
    current = token
    for _ in range(MAX_CLIMB):
        if _is_place(current):
            return True
        if current.dep_ == "pobj":
            return current.head.lower_ in cues.place_preps
        if current.dep_ not in ("conj", "appos", "compound", "npadvmod") or current.head == current:
            return False
        current = current.head
    return False


def _accused(preposition: Token) -> list[Token]:
    """Whom a verb of accusing charges with the deed its 'of'/'for' phrase names: its object,
    or its subject when passive ('Israel was accused of bombing', 'Hamas was blamed for it')."""
    verb = preposition.head
    cues = phrase_cues()
    if preposition.lower_ not in cues.accusation_preps:
        return []
    if verb.dep_ in OBJECT_DEPS and _lemma_in(verb.head, cues.accusation_verbs):
        # the parser often hangs the phrase on the object: "blamed [separatists for the attack]"
        return [verb]
    if not _lemma_in(verb, cues.accusation_verbs):
        return []
    if verb.pos_ == "NOUN":
        # "the soldier faces charges over the shooting"
        return _charged(verb)
    if _is_passive(verb):
        return _children(verb, PASSIVE_SUBJECT_DEPS)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "Omar Bashir, accused of genocide": the participle charges the noun it modifies
        return [verb.head]
    return _children(verb, OBJECT_DEPS)


def _is_charge_compound(noun: Token) -> bool:
    """'a rape charge', 'murder charges': the trigger names what the charge is for."""
    return (
        noun.dep_ == "compound"
        and noun.head.pos_ == "NOUN"
        and _lemma_in(noun.head, phrase_cues().accusation_verbs)
    )


def _charged(charge: Token) -> list[Token]:
    """Who a charge noun charges: 'charges against X', 'X's murder charge', or the subject of the
    verb that holds it ('X faces charges', 'X is avoiding a rape charge')."""
    against = _prep_objects(charge, frozenset({"against"}))
    if charge.dep_ in OBJECT_DEPS:
        against = against or _prep_objects(charge.head, frozenset({"against"}))
    if against:
        return against
    owners = _children(charge, frozenset({"poss"}))
    if owners or charge.dep_ not in OBJECT_DEPS:
        return owners
    return _subjects(charge.head, role_cues())


def _noun_clause_subjects(clause: Token, cues: RoleCues) -> list[Token]:
    """The doer of a clause modifying a noun: the noun for an active participle, the noun's
    possessor or 'by' phrase for an infinitive of intention; none for a passive participle
    ('the soldiers killed in the attack' were its victims)."""
    noun = clause.head
    if clause.tag_ == "VBG":
        return [noun]
    is_infinitive = any(child.dep_ == "aux" and child.lower_ == "to" for child in clause.children)
    if not is_infinitive or not _lemma_in(noun, phrase_cues().intention_nouns):
        return []
    owners = _possessors(noun) + _prep_objects(noun, cues.agent_preps)
    if not owners and noun.dep_ in OBJECT_DEPS and _lemma_in(noun.head, phrase_cues().holding_verbs):
        # "the U.S. has no plans to bomb Iran", "the army announced a plan to storm the town"
        owners = _subjects(noun.head, cues)
    return owners


def _controls(verb: Token) -> bool:
    """Does the verb hand its complement clause to its object ('forced them to attack')? Other
    verbs' infinitives say what their subject does it for ('invaded Syria to eradicate IS')."""
    return _lemma_in(verb, phrase_cues().control_verbs)


def _controllers(verb: Token, cues: RoleCues) -> list[Token]:
    """Objects that control a complement clause; a weapon does not ('used missiles to shoot'),
    nor anything used ('police used tear gas to disperse them')."""
    if _lemma_in(verb, phrase_cues().using_verbs) or not _controls(verb):
        return []
    return [obj for obj in _children(verb, OBJECT_DEPS) if not _lemma_in(obj, cues.instrument_nouns)]


def _adjectival_roles(adjective: Token, roles: _Roles, cues: RoleCues) -> None:
    """'shot dead by police' takes the verb's roles; 'nine people were dead' and 'they got sick'
    name victims."""
    verb = adjective.head
    copular = verb.lemma_ == "be" or verb.pos_ == "AUX" or _lemma_in(verb, phrase_cues().copular_verbs)
    if copular and _lemma_in(adjective, phrase_cues().agentive_adjectives):
        # 'the rebels were violent', 'the crowd grew aggressive': the subject does it, if it can
        # act ('the protests became violent' names no one)
        roles.attackers.extend(subject for subject in _subjects(verb, cues) if _can_act(subject))
    elif copular:
        # 'nine people were dead', 'you will get sick', 'he fell ill': the subject suffers it
        roles.targets.extend(_subjects(verb, cues))
    else:
        _verbal_roles(verb, roles, cues)


def _modified_noun(adjective: Token) -> Token | None:
    """The noun an attributive adjective modifies, across coordination ('harsh and violent rule')
    and other adjectives the parser hangs it on ('the slain military officials')."""
    current = adjective
    while current.head != current and current.head.pos_ == "ADJ" and current.dep_ in ("conj", "amod"):
        current = current.head
    return current.head if current.dep_ == "amod" and current.head.pos_ in ("NOUN", "PROPN") else None


def _described_noun(trigger: Token) -> Token | None:
    """The noun a trigger inside its phrase says something of: the noun of an adjective trigger
    ('violent mobs'), the victim of a deed compounding a victim noun ('a rape victim')."""
    if trigger.dep_ == "compound" and _lemma_in(trigger.head, phrase_cues().victim_nouns):
        return trigger.head
    return _modified_noun(trigger)


def _attributive_roles(adjective: Token, noun: Token, roles: _Roles, cues: RoleCues) -> None:
    """'the fatal shooting of Tamir Rice' and 'AQI's violent rule' take the roles of the noun;
    'violent mobs' are the doers, 'the slain officials' the victims."""
    if adjective.tag_ == "VBN":
        # a passive participle: 'the besieged towns', 'the bombed city' suffered it; a name
        # hyphened to it did it ('regime-besieged towns')
        roles.attackers.extend(c for c in adjective.lefts if c.dep_ == "npadvmod" and _can_act(c))
        roles.targets.append(noun)
        return
    suffers = _lemma_in(adjective, phrase_cues().victim_nouns) or _lemma_in(adjective, cues.victim_verbs)
    if suffers and adjective.tag_ != "VBG":
        # ('the attacking forces' attack)
        roles.targets.append(noun)
        return
    _nominal_roles(noun, noun.i, noun.i + 1, roles, cues)
    if not roles.attackers and _can_act(noun):
        roles.attackers.append(noun)


def _verbal_roles(verb: Token, roles: _Roles, cues: RoleCues) -> None:
    objects = _children(verb, OBJECT_DEPS) or _shared_objects(verb)
    if verb.dep_ == "acl" and not _children(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS):
        # a participle modifying a noun: "militants killed in blasts" names the victims,
        # "gunmen attacking the convoy" the attackers
        # ("a plan to storm the town": an infinitive names neither)
        if verb.tag_ == "VBG":
            # "raids targeting rural areas": a deed is no doer, whoever it names is
            _attacker_or_instrument(verb.head, roles, cues)
        elif verb.tag_ != "VB" and _lemma_in(verb.head, cues.instrument_nouns):
            # "shells fired from regime positions": what is fired is the weapon
            roles.instruments.append(verb.head)
        elif verb.tag_ != "VB":
            roles.targets.append(_group_part(verb.head))
    if _is_passive(verb):
        for agent in _agents(verb) or _shared_agents(verb) or _stray_agents(verb, cues):
            _attacker_or_instrument(agent, roles, cues)
        patients = (
            _children(verb, PASSIVE_SUBJECT_DEPS)
            # 'and 19 wounded': a count told as the subject of an elided passive suffers it
            or [subject for subject in _children(verb, SUBJECT_DEPS) if subject.like_num]
            or _shared_passive_subjects(verb)
        )
        roles.targets.extend(patients or _participle_bearer(verb) or _controlled_patients(verb, cues))
    elif _lemma_in(verb, cues.die_verbs):
        roles.targets.extend(_subjects(verb, cues))
    elif _lemma_in(verb, cues.device_verbs) and not objects:
        # "the bomb exploded", "it went off": the subject is the device, never the attacker;
        # who planted it is ("a bomb planted by militants exploded")
        devices = _subjects(verb, cues)
        roles.instruments.extend(devices)
        roles.attackers.extend(
            agent
            for device in devices
            for clause in _children(device, frozenset({"acl"}))
            for agent in _agents(clause)
        )
    elif _lemma_in(verb, cues.reciprocal_verbs) and not objects:
        # "fans clashed", "rebels fought with the army": each side attacks the other
        sides = _subjects(verb, cues)
        opponents = _prep_objects(verb, frozenset({"with", "against"}))
        roles.attackers.extend(sides)
        roles.targets.extend(opponents or sides)
    else:
        # a gerund used as a noun keeps its doer as a modifier: "after Clinton bombarding Trump"
        for subject in _subjects(verb, cues) or _nominal_attackers(verb, verb.i, verb.i + 1, cues):
            if _subject_of_explosion(subject, verb, cues):
                # "it exploded, killing two soldiers": what killed them is the device
                roles.instruments.append(subject)
            else:
                _attacker_or_instrument(subject, roles, cues)
        for obj in objects:
            if _is_weapon_object(verb, obj, cues):
                roles.instruments.append(obj)
                roles.targets.extend(_prep_objects(obj, cues.target_preps))
                roles.targets.extend(_prep_objects(verb, cues.target_preps))
                roles.targets.extend(_aimed_at(obj, cues))
            else:
                roles.targets.append(obj)
    if not roles.targets:
        roles.targets.extend(_prep_objects(verb, cues.target_preps))
    if not roles.targets and verb.tag_ == "VBG" and not objects:
        # a gerund read as a verb keeps its noun's object: "the shelling of western Aleppo"
        roles.targets.extend(_prep_objects(verb, frozenset({"of"})))
    if not roles.targets:
        roles.targets.extend(_victims_of_consequence(verb, cues))
    if not roles.attackers and (_is_passive(verb) or _lemma_in(verb, cues.die_verbs)):
        roles.attackers.extend(_doers_of_attack_phrase(verb, cues))
    if not roles.attackers and verb.tag_ == "VBG":
        # a gerund used as a noun names its sides as a noun does ('fighting between the army
        # and rebels')
        _sides(verb, roles, cues)
    if not roles.attackers:
        # "missiles fired from a Syrian warplane"
        sources = _prep_objects(verb, phrase_cues().source_preps)
        roles.attackers.extend(source for source in sources if _fires(source))
    roles.instruments.extend(_prep_objects(verb, cues.instrument_preps))
    roles.places.extend(_places(verb, cues))


def _doers_of_attack_phrase(verb: Token, cues: RoleCues) -> list[Token]:
    """'soldiers were killed in IS attacks', 'civilians died in Russian strikes': the doer of
    the attack the victims fell in."""
    doers: list[Token] = []
    for attack in _fell_in(verb) + _causes(verb):
        if _is_mistagged_acronym(attack):
            # the parse hangs "IS attacks" on the would-be verb "IS"
            doers.append(attack)
        elif _lemma_in(attack, cues.instrument_nouns):
            doers.extend(_nominal_attackers(attack, _deed_start(attack), attack.i + 1, cues))
        elif _is_fight(attack):
            # 'two rebels were killed in the fighting against IS': the other side killed them
            opponents = _prep_objects(attack, frozenset({"against", "with"}))
            doers.extend(opponent for opponent in opponents if _can_act(opponent) and not _is_place(opponent))
    return doers


def _fell_in(verb: Token) -> list[Token]:
    """What the victims fell in: 'killed in IS attacks', or told once for conjoined outcomes
    ('two were killed and 19 wounded in the fighting')."""
    later = (conjunct for conjunct in verb.conjuncts if conjunct.i > verb.i and conjunct.tag_ == "VBN")
    return _prep_objects(verb, frozenset({"in"})) or [
        attack for conjunct in later for attack in _prep_objects(conjunct, frozenset({"in"}))
    ]


def _is_fight(noun: Token) -> bool:
    """A two-sided fight ('clashes', 'the fighting', 'a battle'), not a one-sided attack."""
    return _lemma_in(noun, phrase_cues().opponent_nouns) or _lemma_in(noun, role_cues().reciprocal_verbs)


def _causes(verb: Token) -> list[Token]:
    """What a cause phrase names: 'died because of / due to / from Russian airstrikes', 'killed as
    a result of the strikes'."""
    cues = phrase_cues()
    causes = _prep_objects(verb, cues.cause_preps)
    for result in _prep_objects(verb, frozenset({"as"})):
        if _lemma_in(result, cues.result_nouns):
            causes.extend(_prep_objects(result, frozenset({"of"})))
    return causes


def _victims_of_consequence(verb: Token, cues: RoleCues) -> list[Token]:
    """'a car bomb exploded outside the ministry, killing 12 people': those the attack killed."""
    return [
        obj
        for clause in verb.children
        if clause.dep_ in ("advcl", "conj") and clause.tag_ == "VBG" and _lemma_in(clause, cues.victim_verbs)
        for obj in _children(clause, OBJECT_DEPS)
    ]


def _controlled_patients(verb: Token, cues: RoleCues) -> list[Token]:
    """'The soldiers feared being captured', 'I remember getting whipped': a passive infinitive or
    gerund with no subject of its own befalls the subject of the clause above."""
    if verb.dep_ not in ("xcomp", "pcomp") or not _children(verb, frozenset({"auxpass"})):
        return []
    if verb.dep_ == "xcomp" and _children(verb.head, OBJECT_DEPS):
        # "ordered the prisoners to be shot": the object is who suffers it
        return _children(verb.head, OBJECT_DEPS)
    return _subjects(verb, cues)


def _participle_bearer(verb: Token) -> list[Token]:
    """'Attacked by Russian jets, the hospital was destroyed': a passive participle clause says
    what befell the subject of the clause it opens."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN":
        return []
    return _children(verb.head, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)


def _shared_agents(verb: Token) -> list[Token]:
    """'the village was raided and burned by fighters': conjoined passives share the agent."""
    for conjunct in verb.conjuncts:
        agents = _agents(conjunct)
        if agents:
            return agents
    return []


def _stray_agents(verb: Token, cues: RoleCues) -> list[Token]:
    """'the villagers were shot dead in their home by special forces': the parser hangs the 'by'
    phrase on the noun before it; a 'by' phrase naming someone who can act is the agent all the
    same ('by the river' names no one)."""
    return [
        agent
        for phrase_object in _prep_objects(verb, cues.place_preps)
        for agent in _prep_objects(phrase_object, cues.agent_preps)
        if _can_act(agent) and not _is_place(agent)
    ]


def _can_act(token: Token) -> bool:
    """A person, group, organisation or state: an actor mention, a name of one, or an agent noun."""
    return (
        token.ent_type_ in ("PERSON", "ORG", "NORP")
        or _names_actor(token)
        or _names_agent(token)
        or _is_collective(token)
        or _lemma_in(token, role_cues().perpetrator_nouns)
    )


def _shared_passive_subjects(verb: Token) -> list[Token]:
    """'the village was raided and burned': the second passive shares the first one's subject
    (the first one's in a list: 'were deported, massacred and marched')."""
    if verb.dep_ == "conj" and _is_passive(verb.head):
        return _children(verb.head, PASSIVE_SUBJECT_DEPS) or _shared_passive_subjects(verb.head)
    return []


def _aimed_at(noun: Token, cues: RoleCues) -> list[Token]:
    """'rockets targeting the airport', 'strikes aimed at the base': what the weapon is aimed at."""
    aimed = []
    for clause in noun.children:
        if clause.dep_ in ("acl", "relcl") and _lemma_in(clause, cues.aim_verbs):
            aimed.extend(_children(clause, OBJECT_DEPS))
            aimed.extend(_prep_objects(clause, cues.target_preps))
    return aimed


def _subject_of_explosion(subject: Token, verb: Token, cues: RoleCues) -> bool:
    """A subject inherited from a clause whose verb says that it exploded."""
    clause = subject.head
    return (
        clause != verb
        and subject.dep_ in SUBJECT_DEPS
        and _lemma_in(clause, cues.device_verbs)
        and not _children(clause, OBJECT_DEPS)
    )


def _is_weapon_object(verb: Token, obj: Token, cues: RoleCues) -> bool:
    """'fired missiles at Y' and 'detonated a car bomb' use the weapon; 'shot down a drone' hits it."""
    if not _lemma_in(obj, cues.instrument_nouns):
        return False
    return (
        _lemma_in(verb, cues.support_verbs)
        or _lemma_in(verb, cues.device_verbs)
        or bool(_prep_objects(obj, cues.target_preps) or _prep_objects(verb, cues.target_preps))
    )


def _shared_objects(verb: Token) -> list[Token]:
    """'bombarding and starving people': conjoined verbs share the object of the last one."""
    for conjunct in verb.conjuncts:
        if conjunct.i > verb.i and conjunct.pos_ == "VERB":
            objects = _children(conjunct, OBJECT_DEPS)
            if objects:
                return objects
    return []


def _attacker_or_instrument(token: Token, roles: _Roles, cues: RoleCues, depth: int = 0) -> None:
    """'killed by an IED' names a weapon, not an attacker: its own modifiers may name one, or
    who used it ('a bomb planted by the rebels', 'rockets fired by Hamas')."""
    # a weapon an actor owns ('the regime's barrel bombs') is the owner's; one an actor word
    # describes ('Israeli warplanes', 'government jets') stands for its crew
    owned = any(_can_act(owner) for owner in _possessors(token))
    counted = _quantified_noun(token)
    if counted is not None and (_is_deed(counted) or _lemma_in(counted, cues.instrument_nouns)):
        # 'a number of mortar shells', 'tens of rocket shells': what is counted decides
        _attacker_or_instrument(counted, roles, cues, depth)
        return
    if _is_deed(token):
        # 'a Syrian air strike killed 17 militants': the deed is no doer, whoever it names is;
        # one naming none leaves the doer to another mention of the attack
        roles.attackers.extend(_nominal_attackers(token, _deed_start(token), token.i + 1, cues))
    elif _lemma_in(token, cues.instrument_nouns) and (owned or not _names_actor(token)):
        roles.instruments.append(token)
        owners = _nominal_attackers(token, token.i, token.i + 1, cues)
        roles.attackers.extend(owners)
        if not owners and depth < 2:
            # the user may be a weapon in turn ('missiles fired by government jets')
            for user in _weapon_users(token):
                _attacker_or_instrument(user, roles, cues, depth + 1)
    else:
        roles.attackers.append(token)


def _deed_start(deed: Token) -> int:
    """Where the words naming a deed begin: 'air' is part of 'government air strikes' told as
    the subject of another verb, as it is of the trigger 'air strikes', so the doer hanging on it
    ('government') is read as the deed's and not as a phrase 'government air'."""
    start = deed.i
    while start > 0:
        word = deed.doc[start - 1]
        if word.head != deed or word.dep_ != "compound" or word.pos_ != "NOUN":
            break
        if _names_body_word(word):
            break
        start -= 1
    return start


def _weapon_users(weapon: Token) -> list[Token]:
    """Who a passive participle on a weapon says used it: 'a roadside bomb planted by the rebels',
    'shells fired by the army', 'an airstrike carried out by the coalition'."""
    return [
        agent
        for clause in _children(weapon, frozenset({"acl"}))
        if clause.tag_ == "VBN"
        for agent in _agents(clause)
    ]


def _nominal_roles(noun: Token, start: int, end: int, roles: _Roles, cues: RoleCues) -> None:
    roles.attackers.extend(_nominal_attackers(noun, start, end, cues))
    _victim_modifiers(noun, roles)
    if noun.dep_ == "compound" and _lemma_in(noun.head, phrase_cues().victim_nouns):
        # "a rape victim", "the bombing survivors": who suffered the deed
        roles.targets.append(noun.head)
    if not roles.attackers:
        roles.attackers.extend(_attackers_of_the_whole(noun, cues))
    if not roles.attackers and _is_charge_compound(noun):
        # "X is avoiding a rape charge": the charge names who did it
        roles.attackers.extend(_charged(noun.head))
    # "an explosion at 9:02 a.m. on April 19" names when, not whom: the verb above may say whom
    targets = [
        t
        for t in _prep_objects(noun, cues.target_preps)
        if not _is_clock_time(t) and t.ent_type_ not in TEMPORAL_ENTITIES
    ]
    owners = _prep_objects(noun, frozenset({"of"}))
    if not roles.attackers and targets:
        # "the assault of government troops against the enclave": beside a target, the 'of'
        # phrase names the doer ("on Monday" is no target)
        doers = [owner for owner in owners if _can_act(owner) and not _is_place(owner)]
        roles.attackers.extend(doers)
        owners = [owner for owner in owners if owner not in doers]
    roles.targets.extend(targets + [t for t in owners if not _is_clock_time(t)])
    roles.targets.extend(_place_modifiers(noun, start, end))
    roles.targets.extend(
        owner for owner in _children(noun, frozenset({"poss"})) if _is_place(owner) and not _is_capital(owner)
    )
    _sides(noun, roles, cues)
    if _lemma_in(noun, phrase_cues().opponent_nouns) or _lemma_in(noun, cues.reciprocal_verbs):
        # "Israel's war with Hamas": the other side, not a weapon
        roles.targets.extend(_prep_objects(noun, frozenset({"with"})))
        roles.instruments.extend(_prep_objects(noun, cues.instrument_preps - {"with"}))
    else:
        roles.instruments.extend(_prep_objects(noun, cues.instrument_preps))
    roles.places.extend(_places(noun, cues))
    for clause in noun.children:
        if clause.dep_ in ("acl", "relcl"):
            _clause_on_noun(clause, roles, cues)
    _governing_verb_roles(noun, roles, cues)
    roles.targets.extend(target for target in _purpose_targets(noun, cues) if target not in roles.targets)
    if not roles.attackers:
        roles.attackers.extend(_detached_performers(noun))


def _purpose_targets(noun: Token, cues: RoleCues) -> list[Token]:
    """Whom a deed is waged against, told by the infinitive of its purpose: 'an operation to
    encircle the militants', 'launched an offensive to dislodge the rebels from the area', 'an
    operation to liberate the province from terrorists' (the 'from' phrase of a verb of freeing)."""
    # the parser labels some of these infinitives relative clauses
    purposes = [
        clause for clause in noun.children if clause.dep_ in ("acl", "relcl") and _is_infinitive(clause)
    ]
    verb, relation = _governing_verb(noun)
    if verb is not None and relation == "object" and _lemma_in(verb, cues.support_verbs):
        purposes += [
            clause for clause in verb.children if clause.dep_ in ("xcomp", "advcl") and _is_infinitive(clause)
        ]
    phrases = phrase_cues()
    targets: list[Token] = []
    for clause in purposes:
        objects = _children(clause, OBJECT_DEPS)
        if _lemma_in(clause, phrases.freeing_verbs):
            # whom a place is freed from, never the place ('the district of X' is the place)
            targets.extend(_prep_objects(clause, frozenset({"from", "of"})))
            for freed in objects:
                targets.extend(_prep_objects(freed, frozenset({"from"})))
        elif _lemma_in(clause, phrases.hostile_purpose_verbs) or _lemma_in(clause, phrases.attack_verbs):
            targets.extend(_aimed_objects(objects, cues))
    return targets


def _aimed_objects(objects: list[Token], cues: RoleCues) -> list[Token]:
    """The objects a purpose is aimed at: 'to seize control of X' aims at X; 'to seize weapons'
    aims at nobody."""
    aimed: list[Token] = []
    for obj in objects:
        if _lemma_in(obj, phrase_cues().hold_nouns):
            aimed.extend(_prep_objects(obj, frozenset({"of", "over"})))
        elif not _lemma_in(obj, cues.instrument_nouns):
            aimed.append(obj)
    return aimed


def _is_infinitive(clause: Token) -> bool:
    """'to encircle': a verb with the infinitive marker."""
    markers = (child for child in clause.children if child.dep_ == "aux")
    return clause.pos_ == "VERB" and any(marker.tag_ == "TO" for marker in markers)


def _detached_performers(noun: Token) -> list[Token]:
    """'a spate of attacks, some of them deadly, carried out by extremists': the parser hangs the
    participle on whatever comes between, but a passive participle of a performing verb with a
    'by' agent and no subject of its own, told after the deed with no verb and no other deed
    between, says who did the deed."""
    performing = phrase_cues().performing_verbs
    reach = noun.doc[noun.i + 1 : min(noun.sent.end, noun.i + 1 + DETACHED_PARTICIPLE_REACH)]
    for token in reach:
        if token.pos_ not in ("VERB", "AUX"):
            if _is_attack_word(token):
                return []  # a nearer deed is the participle's
            continue
        if token.tag_ != "VBN" or token.head == noun or not _lemma_in(token, performing):
            return []
        if token.lemma_.lower() == "carry" and not _carried_out(token):
            return []  # 'weapons carried by the fighters' are borne, not done
        if _children(token, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS):
            return []
        return [agent for agent in _agents(token) if _can_act(agent)]
    return []


def _carried_out(verb: Token) -> bool:
    return any(child.dep_ == "prt" and child.lower_ == "out" for child in verb.children)


def _victim_modifiers(noun: Token, roles: _Roles) -> None:
    """'the Armenian genocide', 'civilian massacres': on a deed named by whom it destroys, a
    people or kind of people modifying it is the victim, not the doer (with an 'of' phrase
    the modifier does it: 'the Serb massacre of Muslims')."""
    if not _lemma_in(noun, phrase_cues().victim_deed_nouns) or _prep_objects(noun, frozenset({"of"})):
        return
    victims = [t for t in roles.attackers if t.head == noun and t.dep_ in MODIFIER_DEPS]
    roles.attackers[:] = [t for t in roles.attackers if t not in victims]
    roles.targets.extend(victims)


def _attackers_of_the_whole(noun: Token, cues: RoleCues) -> list[Token]:
    """The doer named on the phrase a deed is part of: the series it belongs to ('a wave of
    bombings by the militants', 'IS's campaign of attacks'), the first of coordinated deeds
    ('the killing and torture of civilians by government forces'), the campaign it names the
    kind of ('the coalition's bombing campaign'); else whoever has a part in it."""
    whole = _whole(noun)
    if whole is None:
        return _partakers(noun)
    found = _nominal_attackers(whole, whole.i, whole.i + 1, cues)
    for clause in whole.children:
        if clause.dep_ in ("acl", "relcl"):
            # "a series of attacks claimed by IS"
            found.extend(_agents(clause))
    return found


def _whole(noun: Token) -> Token | None:
    head = noun.head
    series = phrase_cues().series_nouns
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return head.head if _lemma_in(head.head, series) else None
    if head.pos_ != "NOUN" or head == noun:
        return None
    if noun.dep_ == "conj":
        return head if _is_attack_word(head) else None
    if noun.dep_ == "compound" and head.i > noun.i:
        return head if _lemma_in(head, series) or _is_attack_word(head) else None
    return None


def _partakers(noun: Token) -> list[Token]:
    """Who has a part in the deed: 'Iran's role in the attacks', 'X had a hand in the bombing',
    'accused Tehran of having a hand in it'; not who denies one ('Iran denied any role')."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return []
    above = noun.head.head
    cues = phrase_cues()
    if above.pos_ in ("VERB", "AUX"):
        # the parser hangs "in the bombing" on the verb: "having [a hand] [in the bombing]"
        part = next((obj for obj in _children(above, OBJECT_DEPS) if _lemma_in(obj, cues.part_nouns)), None)
    else:
        part = above if above.pos_ == "NOUN" and _lemma_in(above, cues.part_nouns) else None
    if part is None:
        return []
    owners = _possessors(part)
    if owners or part.dep_ not in OBJECT_DEPS:
        return owners
    verb = part.head
    denied = _lemma_in(verb, cues.denial_verbs) or (
        verb.dep_ in ("xcomp", "ccomp", "pcomp") and _lemma_in(verb.head, cues.denial_verbs)
    )
    return [] if denied else _subjects(verb, role_cues())


def _is_attack_word(token: Token) -> bool:
    return _lemma_in(token, phrase_cues().attack_words)


def _is_deed(token: Token) -> bool:
    """A noun naming an attack ('the air strike', 'the bombing'), not a doer ('bombers' are)."""
    return token.pos_ == "NOUN" and _is_attack_word(token) and not _names_agent(token)


def _is_clock_time(token: Token) -> bool:
    """'an explosion at 9:02': a bare number after 'at' is a time, not a target."""
    return (
        token.like_num
        and token.head.lower_ == "at"
        and not any(child.dep_ == "prep" for child in token.children)
    )


def _nominal_attackers(noun: Token, start: int, end: int, cues: RoleCues) -> list[Token]:
    """'Russia's attack', 'an airstrike by X', 'a Russian airstrike', 'a Syrian army assault'.
    A place owning the trigger is where it happened, not its doer ('Aleppo's bombardment')."""
    owners = [
        owner
        for owner in _possessors(noun)
        if (not _is_place(owner) or _is_capital(owner)) and owner.ent_type_ not in TEMPORAL_ENTITIES
    ]
    # "strikes from the coalition" names who fired; "rockets from Gaza" only where from
    sources = [source for source in _prep_objects(noun, phrase_cues().source_preps) if _fires(source)]
    found = owners + _prep_objects(noun, cues.agent_preps) + sources
    # a modifier may hang on another word of the trigger ('regime air strikes': regime -> air)
    trigger_words = [noun, *(token for token in noun.doc[start:end] if token.i != noun.i)]
    for child in (child for word in trigger_words for child in word.children):
        if child.dep_ not in MODIFIER_DEPS or start <= child.i < end:
            continue
        if _is_place(child) or _names_the_event(child, start) or _owns_object_hit(child, noun):
            continue
        if _leads_next_modifier(child) or _describes_next_body(child, start):
            continue
        if _is_weapon_word(child, cues):
            found.extend(_actor_modifiers_of(child, start))
        elif _lemma_in(child, phrase_cues().leader_participles):
            # "a Saudi-led strike", "the US-led coalition": the name before "-led" leads it
            # (in "the US-led coalition bombing" the loop gives the coalition as well)
            found.extend(c for c in child.lefts if c.dep_ in ("npadvmod", "compound") and _is_name(c))
        elif _names_actor(child) or _names_agent(child):
            found.append(child)
        elif not _lemma_in(child, phrase_cues().object_nouns):
            # (an actor word on a thing hit says whose it is: 'the army convoy attack')
            found.extend(_actor_modifiers_of(child, start))
    if start > 0 and _is_mistagged_acronym(noun.doc[start - 1]):
        found.append(noun.doc[start - 1])
    return found


def _leads_next_modifier(modifier: Token) -> bool:
    """'U.S.-led coalition air strikes': a word written as one with '-led' describes the body
    after it, which did the deed ('the coalition', not 'U.S.-led' beside it)."""
    following = modifier.nbor(1) if modifier.i + 1 < len(modifier.doc) else None
    return (
        following is not None
        and following.head == modifier.head
        and following.dep_ in MODIFIER_DEPS
        and any(modifier.lower_.endswith("-" + word) for word in phrase_cues().leader_participles)
        and (_names_actor(following) or _names_agent(following))
    )


def _describes_next_body(modifier: Token, trigger_start: int) -> bool:
    """'Syrian government air strikes': the parser hangs the nationality on the deed, but it
    describes the body named right after it, which did the deed ('the Syrian government', not
    'Syrian' beside 'government')."""
    if (
        modifier.pos_ != "ADJ"
        or modifier.ent_type_ != "NORP"
        or modifier.i + 1 in (trigger_start, len(modifier.doc))
    ):
        return False
    following = modifier.nbor(1)
    return following.pos_ == "NOUN" and following.dep_ in MODIFIER_DEPS and _names_body_word(following)


def _names_body_word(word: Token) -> bool:
    """A common noun that names who acts ('army', 'government'), not the means ('air')."""
    return (_names_body(word) or _names_agent(word)) and not _is_weapon_word(word, role_cues())


def _with_described_nationality(first: Token, head: Token, trigger_start: int) -> Token:
    """The phrase of 'government' in 'Syrian government air strikes' starts at 'Syrian', which
    the parser hangs on the deed but which describes the body ('the Syrian government')."""
    if first.i == 0 or head.dep_ not in MODIFIER_DEPS:
        return first
    before = first.doc[first.i - 1]
    if before.head in head.ancestors and _describes_next_body(before, trigger_start):
        return before
    return first


def _owns_object_hit(modifier: Token, noun: Token) -> bool:
    """'the Syrian weapons depot blast', 'the Turkish army convoy attack': the parser hangs the
    nationality on the deed, but a noun of a thing hit stands between them, and the nationality
    says whose it is."""
    between = noun.doc[modifier.i + 1 : noun.i]
    objects = phrase_cues().object_nouns
    hit = (token for token in between if token.head == noun and token.dep_ == "compound")
    return any(_lemma_in(token, objects) for token in hit)


def _fires(source: Token) -> bool:
    """Does the object of 'from' name who fired ('strikes from the coalition', 'missiles fired
    from a Syrian warplane', 'shells from regime positions'), not only where from ('rockets from
    Gaza')? A weapon platform or position names its owner's forces when an actor word
    modifies it."""
    if _is_place(source):
        return False
    return _names_actor(source) or _names_agent(source) or _is_owned_asset(source)


def _is_owned_asset(token: Token) -> bool:
    """'a Syrian warplane', 'regime positions': an asset noun of the actor tables with an actor
    word among its modifiers."""
    matches = dictionary_matches(token.doc)
    if not any(m.start <= token.i < m.end and m.kind == "agent" and m.key == "asset" for m in matches):
        return False
    owners = (child for child in token.lefts if child.dep_ in ("amod", "compound", "nmod", "poss"))
    return any(_names_actor(owner) for owner in owners)


def _actor_modifiers_of(modifier: Token, trigger_start: int) -> list[Token]:
    """Actors named one level further out, on a modifier that names none: the parser hangs 'US'
    on 'drone' in 'US drone strikes' and on 'Predator' in 'US Predator attacks'. Only a
    nationality, organisation, country or acronym counts there: another name on a noun
    ('Kunduz hospital bombing', 'Aleppo bus convoy bomb attack') is as often the place."""
    if not modifier.n_lefts:
        return []
    return [
        child
        for child in modifier.lefts
        if child.dep_ in MODIFIER_DEPS
        and not _is_place(child)
        and not _names_the_event(child, trigger_start)
        and (
            child.ent_type_ in ("NORP", "ORG")
            or _is_country(child)
            or _is_acronym(child)
            or _names_body(child)
        )
    ]


def _names_body(token: Token) -> bool:
    """Is the token part of a dictionary group or agent ('army', 'Hezbollah'), not a country
    alias (the country table also lists cities)?"""
    return any(
        match.start <= token.i < match.end and match.kind in ("group", "agent") and match.key != "asset"
        for match in dictionary_matches(token.doc)
    )


def _is_acronym(token: Token) -> bool:
    """'US', 'PKK', 'ISIS': a short name in capitals."""
    return token.pos_ == "PROPN" and token.is_upper and token.is_alpha and 2 <= len(token) <= 5


def _names_the_event(modifier: Token, trigger_start: int) -> bool:
    """'the Iraq war', 'the Boston Marathon bombing' tagged as one name: the modifier is part of
    the event's name, not its doer."""
    if modifier.ent_iob_ == "O" or not modifier.ent_type_:
        return False
    entity_start, entity_end = _entity_bounds(modifier)
    return entity_start <= trigger_start < entity_end


def _is_weapon_word(modifier: Token, cues: RoleCues) -> bool:
    """'a van-and-knife attack', 'a drone strike': the modifier is the weapon, not the doer."""
    return _lemma_in(modifier, cues.instrument_nouns) and not _names_actor(modifier)


def _is_mistagged_acronym(token: Token) -> bool:
    """An upper-case acronym the tagger read as a verb ('IS attacks' -> the verb 'is'): in
    running text a verb is not written in capitals, so it is a name."""
    return (
        token.is_upper
        and token.is_alpha
        and len(token) >= 2
        and token.pos_ in ("AUX", "VERB")
        and not _is_shouted(token)
    )


def _is_shouted(token: Token) -> bool:
    """A headline in capitals: its words are not acronyms."""
    words = [t for t in token.sent if t.is_alpha]
    return sum(t.is_upper for t in words) * 2 > len(words)


def _names_agent(modifier: Token) -> bool:
    """A name modifying the trigger that is not a place or a date: 'IS attacks', 'Clinton bombarding',
    or a collective agent noun the actor tables leave out ('a coalition strike')."""
    if modifier.pos_ == "PROPN":
        # a name the tagger knows as no entity and the actor tables lack ('the Cafeteria Rolando
        # bombing', 'the Boston Marathon bombing') is as often the place or the occasion
        return modifier.ent_type_ not in PLACE_OR_TIME_ENTITIES and (
            bool(modifier.ent_type_) or _names_body(modifier) or _is_acronym(modifier)
        )
    return _lemma_in(modifier, role_cues().agent_nouns)


def _place_modifiers(noun: Token, start: int, end: int) -> list[Token]:
    """'the Nagasaki blast', 'the hospital attacks': a place naming the trigger was hit."""
    return [
        child
        for child in noun.children
        if child.dep_ in ("compound", "nmod") and not start <= child.i < end and _is_place(child)
    ]


def _is_capital(token: Token) -> bool:
    """A capital of the actor tables: owning a deed it is the state ('Moscow's air strikes',
    'Washington's war'), where a town is the place ('Aleppo's bombardment')."""
    return ("capital", token.i) in place_words_by_token(token.doc)


def _is_place(token: Token) -> bool:
    """A place, not a state: a place entity other than a country, or a country word of the
    actor tables that the gazetteer knows only as a town or region ('Aleppo' tagged as a
    nationality in 'the Aleppo bus convoy bomb attack'; but 'Britain's air strikes')."""
    kind = country_word_kind(token)
    if kind is not None:
        return kind == "place"
    return token.ent_type_ in ("GPE", "LOC", "FAC") and not _is_country(token)


def _sides(noun: Token, roles: _Roles, cues: RoleCues) -> None:
    """'a battle between troops and terrorists': the first side attacks, the others are attacked."""
    for first in _prep_objects(noun, cues.sides_preps):
        others = [c for c in first.conjuncts if c.i > first.i]
        if others:
            roles.attackers.append(first)
            roles.targets.extend(others)
            roles.alone.update(token.i for token in (first, *others))


def _names_actor(token: Token) -> bool:
    """Is the token part of a dictionary actor word (a country, a group, an agent)?"""
    for match in dictionary_matches(token.doc):
        if match.start <= token.i < match.end and match.kind != "metonym":
            return match.kind != "agent" or match.key != "asset"
    return token.ent_type_ in ("NORP", "ORG", "GPE") or any(_names_actor_shallow(c) for c in token.children)


def _names_actor_shallow(token: Token) -> bool:
    if token.dep_ not in ("amod", "compound", "poss"):
        return False
    return any(m.start <= token.i < m.end for m in dictionary_matches(token.doc))


def _clause_on_noun(clause: Token, roles: _Roles, cues: RoleCues) -> None:
    """'an airstrike blamed on Damascus', 'an airstrike that killed 34 soldiers'."""
    if _told_within(clause) and (_lemma_in(clause, cues.victim_verbs) or _lemma_in(clause, cues.die_verbs)):
        # "the raid, in which 12 people died": the deaths told inside the deed are its victims
        inside = _Roles()
        _verbal_roles(clause, inside, cues)
        roles.attackers.extend(inside.attackers)
        roles.targets.extend(inside.targets)
        return
    if _agents(clause):
        # "attacks carried out by X", "a bombing claimed by X"
        roles.attackers.extend(_agents(clause))
    elif _lemma_in(clause, cues.blame_verbs):
        roles.attackers.extend(_prep_objects(clause, frozenset({"on", "to"})))
    elif _lemma_in(clause, cues.support_verbs) and _relative_object(clause, cues):
        # "the airstrikes, which Russia began in September": the clause's subject launched them
        roles.attackers.extend(
            subject for subject in _children(clause, SUBJECT_DEPS) if subject.lower_ not in RELATIVE_WORDS
        )
    elif _lemma_in(clause, cues.victim_verbs) and _children(clause, OBJECT_DEPS):
        roles.targets.extend(_children(clause, OBJECT_DEPS))
    else:
        # "bombings targeted at the military", "attacks which seemed to be aimed at civilians"
        for verb in (clause, *_children(clause, frozenset({"xcomp"}))):
            if _lemma_in(verb, cues.aim_verbs):
                roles.targets.extend(_prep_objects(verb, cues.target_preps))
                roles.targets.extend(_children(verb, OBJECT_DEPS))


def _told_within(clause: Token) -> bool:
    """A relative clause set inside the noun's deed: 'the massacre, in which ...', 'during which'."""
    if clause.dep_ != "relcl":
        return False
    return any(
        child.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ == "which" for g in child.children)
        for child in clause.children
    )


def _relative_object(clause: Token, cues: RoleCues) -> bool:
    """Does the relative clause take the noun it modifies as its object ('which Russia began',
    'the raid they carried out')? A relative subject ('which killed ten') does not."""
    return not any(child.lower_ in cues.relative_pronouns for child in _children(clause, SUBJECT_DEPS))


def _governing_verb_roles(noun: Token, roles: _Roles, cues: RoleCues) -> None:
    """Roles a nominal trigger takes from the verb it depends on."""
    verb, relation = _governing_verb(noun)
    if verb is None:
        return
    if relation == "object" and _lemma_in(verb, cues.blame_verbs):
        # "blamed the coup on followers of Gulen": the parser may hang "on" on the deed
        blamed = _prep_objects(verb, frozenset({"to", "on"})) or _prep_objects(noun, frozenset({"on"}))
        if not roles.attackers:
            roles.attackers.extend(blamed)
        roles.targets[:] = [target for target in roles.targets if target not in blamed]
        return
    if relation == "object" and (
        _lemma_in(verb, cues.support_verbs) or _lemma_in(verb, phrase_cues().command_verbs)
    ):
        doers = _agents(verb) if _is_passive(verb) else _subjects(verb, cues)
        if not roles.attackers:
            roles.attackers.extend(doers)
        elif doers and all(token.tag_ == "PRP$" for token in roles.attackers):
            # "the Kremlin launched its air strikes": the subject is what "its" stands for
            roles.attackers[:] = doers
        elif all(_describes_kind(token, noun) for token in roles.attackers):
            # "the terrorist attacks were carried out by a cell": the modifier says what kind
            roles.attackers.extend(doers)
        if not roles.targets:
            roles.targets.extend(_prep_objects(verb, cues.target_preps))
        return
    if relation == "subject" and not roles.attackers and _raised_agents(verb, cues):
        # "air strikes thought to be carried out by Syrian forces"
        roles.attackers.extend(_raised_agents(verb, cues))
    if relation == "subject" and not roles.targets and _lists_casualties(noun, verb):
        # "the fatalities included two Iraqis and a Tunisian": the listed are the victims
        roles.targets.extend(_children(verb, OBJECT_DEPS))
        return
    if relation == "subject" and _lemma_in(verb, cues.victim_verbs) and not roles.targets:
        roles.targets.extend(_children(verb, OBJECT_DEPS))
        return
    if relation == "object" and _lemma_in(verb, cues.survivor_verbs):
        # "those who survived the blast", "the town suffered an airstrike"
        if not roles.targets:
            roles.targets.extend(_subjects(verb, cues))
        return
    if relation == "phrase" and not roles.attackers and _charged_in(noun, verb):
        # "the officer was charged with murder in the shooting", "a man convicted in the killing"
        roles.attackers.extend(_charged_in(noun, verb))
        return
    if relation == "phrase" and not roles.attackers and _accused(noun.head):
        # "Hamas was blamed for the rocket attack", "officials accused the army of the massacre"
        roles.attackers.extend(_accused(noun.head))
        return
    if relation == "exposed":
        # "the rebels came under attack from government troops"
        if not roles.targets:
            roles.targets.extend(_subjects(verb, cues))
        if not roles.attackers:
            roles.attackers.extend(
                source for source in _prep_objects(verb, phrase_cues().source_preps) if not _is_place(source)
            )
        return
    if relation == "victim" and not roles.targets:
        # "the victims of the attack"
        roles.targets.append(verb)
        return
    if relation == "phrase" and not roles.attackers and noun.head.lower_ in phrase_cues().doer_preps:
        # "officials believe al-Shabab was behind the bombing", "X is thought to be behind it"
        roles.attackers.extend(_doers_behind(verb, cues))
        return
    if relation == "subject" and not roles.attackers and _signed_by(verb):
        # "the attack bore the hallmarks of al-Qaeda"
        roles.attackers.extend(_signed_by(verb))
        return
    if relation == "culprit" and not roles.attackers:
        # "the group behind the attack, Boko Haram"
        roles.attackers.append(verb)
        roles.attackers.extend(child for child in verb.children if child.dep_ == "appos" and _is_name(child))
        return
    if relation == "responsible" and not roles.attackers:
        # "the group responsible for the attack"
        roles.attackers.append(verb)
        return
    if _enters_war(noun, verb, relation):
        # "Britain went to war with Argentina", "Russia is at war with Ukraine", "Pakistan
        # entered the war against the Taliban"
        if not roles.attackers:
            roles.attackers.extend(_subjects(verb, cues))
        if not roles.targets:
            roles.targets.extend(_prep_objects(verb, frozenset({"with", "against"})))
        return
    if (
        relation == "phrase" and _lemma_in(verb, cues.participation_verbs)
    ) or relation == "responsible_clause":
        # "X was involved in the attack", "X took part in the raid", "X is responsible for it"
        if not roles.attackers:
            own = _children(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
            roles.attackers.extend(own or _subjects(verb, cues))
        return
    if _takes_in_deed(noun, verb, relation, cues):
        # "rebels captured the villages in a counter-attack": what the deed took was its target
        if not roles.targets:
            roles.targets.extend(_children(verb, frozenset({"dobj"})))
        return
    if relation == "phrase" and (_lemma_in(verb, cues.victim_verbs) or _lemma_in(verb, cues.die_verbs)):
        victims = _Roles()
        _verbal_roles(verb, victims, cues)
        fighters = _fallen_side(noun, _fallen(verb, victims.targets), cues)
        if fighters and not roles.attackers:
            # 'thirty militants were killed in clashes': armed men who fell in a fight fought
            # in it (civilians killed in clashes did not)
            roles.attackers.extend(fighters)
            roles.alone.update(fighter.i for fighter in fighters)
            return
        if not roles.attackers:
            roles.attackers.extend(t for t in victims.attackers if t != noun)
        if not roles.targets:
            roles.targets.extend(victims.targets)


def _takes_in_deed(noun: Token, verb: Token, relation: str, cues: RoleCues) -> bool:
    """Is the trigger the deed 'in' which a verb of taking or attacking that is no verb of harm
    acts ('seized the town in an offensive')? Verbs of harm keep their own reading below."""
    return (
        relation == "phrase"
        and noun.head.lower_ == "in"
        and _lemma_in(verb, phrase_cues().attack_verbs)
        and not _lemma_in(verb, cues.victim_verbs)
    )


def _fallen(verb: Token, patients: list[Token]) -> list[Token]:
    """Who fell: the patients of the verb, and of the outcome it is conjoined to ('two rebels
    had been killed and 19 wounded in the fighting')."""
    if verb.dep_ != "conj" or not _lemma_in(verb.head, role_cues().victim_verbs):
        return patients
    return patients + [token for token in _children(verb.head, PASSIVE_SUBJECT_DEPS) if token not in patients]


def _fallen_side(fight: Token, fallen: list[Token], cues: RoleCues) -> list[Token]:
    """The one armed side told as fallen in a two-sided fight that names no side of its own.
    None when the fallen are of both sides ('45 rebels and 43 soldiers', 'rebel and regime
    forces') or the fight names its sides ('clashes between rival groups')."""
    if not _is_fight(fight) or _prep_objects(fight, cues.sides_preps):
        return []
    fighters = [token for token in fallen if _is_fighter(token) or is_armed_actor(token)]
    if len(fighters) != 1 or any(child.conjuncts for child in _children(fighters[0], MODIFIER_DEPS)):
        return []
    return fighters


def _lists_casualties(noun: Token, verb: Token) -> bool:
    """'The dead include two children', 'other fatalities included ...': the verb lists who they
    are."""
    phrases = phrase_cues()
    return _lemma_in(noun, phrases.casualty_nouns) and _lemma_in(verb, phrases.membership_verbs)


def _raised_agents(verb: Token, cues: RoleCues) -> list[Token]:
    """Agents of a passive support verb in the infinitive the deed is the subject of: 'the
    strikes, thought / believed / said to be carried out by X'."""
    for clause in _children(verb, frozenset({"xcomp"})):
        if _lemma_in(clause, cues.support_verbs) and _is_passive(clause):
            return _agents(clause)
    return []


def _describes_kind(modifier: Token, noun: Token) -> bool:
    """A common-noun or adjective modifier of the trigger ('terrorist attacks', 'militant
    raids'): it says what kind of deed, not who by name."""
    return modifier.head == noun and modifier.dep_ in ("amod", "compound") and not _is_name(modifier)


def _charged_in(noun: Token, verb: Token) -> list[Token]:
    """Whom a verb of charging charges 'in' the deed: the passive subject ('X was convicted in
    the killing') or the object ('they indicted X in the bombing'). Not a verb of arresting:
    'arrested in a raid' are the raid's targets."""
    if noun.head.lower_ != "in" or not _lemma_in(verb, phrase_cues().charge_in_verbs):
        return []
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "a man convicted in the killing"
        return [verb.head]
    if _is_passive(verb):
        return _children(verb, PASSIVE_SUBJECT_DEPS)
    return _children(verb, OBJECT_DEPS)


def _doers_behind(verb: Token, cues: RoleCues) -> list[Token]:
    """Who is behind the deed: the subject of 'be behind', also when raised ('X is believed to be
    behind', 'X appeared to be behind')."""
    own = _children(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
    if own:
        # "a motorcycle bomb was behind the attack" names the weapon, not the doer
        return [subject for subject in own if not _lemma_in(subject, cues.instrument_nouns)]
    if verb.dep_ == "xcomp" and verb.head != verb:
        return _children(verb.head, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
    return _subjects(verb, cues)


def _signed_by(verb: Token) -> list[Token]:
    """Whose hallmarks the deed bears: the 'of' object of a signature noun the verb takes; an
    attack there ('the hallmarks of an IS attack') names its own doer."""
    doers: list[Token] = []
    # "bore the hallmarks of X" (object), "was the work of X" (predicate)
    for mark in _children(verb, OBJECT_DEPS | {"attr"}):
        if not _lemma_in(mark, phrase_cues().signature_nouns):
            continue
        for owner in _prep_objects(mark, frozenset({"of"})):
            if _is_attack_word(owner) or _lemma_in(owner, role_cues().instrument_nouns):
                doers.extend(_nominal_attackers(owner, owner.i, owner.i + 1, role_cues()))
            else:
                doers.append(owner)
    return doers


def _enters_war(noun: Token, verb: Token, relation: str) -> bool:
    """Is the trigger a war the verb's subject goes to, is at or enters?"""
    cues = phrase_cues()
    if not _lemma_in(noun, cues.opponent_nouns) or not _lemma_in(verb, cues.party_verbs):
        return False
    if relation == "object":
        return True
    return relation == "phrase" and noun.head.lower_ in cues.party_preps


def _governing_verb(noun: Token) -> tuple[Token | None, str]:
    """The verb a nominal trigger hangs from, and how: object, subject or phrase ('in X')."""
    if noun.head != noun and _is_mistagged_acronym(noun.head):
        # "killed in IS attacks" parsed with the trigger under the verb "is": the acronym
        # stands where the trigger's phrase does
        return _governing_verb(noun.head)
    if noun.dep_ in OBJECT_DEPS or noun.dep_ == "nsubjpass":
        return noun.head, "object"
    if noun.dep_ in SUBJECT_DEPS:
        return noun.head, "subject"
    if noun.dep_ == "conj":
        return _governing_verb(noun.head)
    if noun.dep_ != "pobj" or noun.head.dep_ not in ("prep", "agent"):
        return None, ""
    preposition, above = noun.head, noun.head.head
    if above.pos_ in ("VERB", "AUX") and preposition.lower_ in phrase_cues().exposure_preps:
        return above, "exposed"
    if above.pos_ in ("VERB", "AUX"):
        return above, "phrase"
    if _names_culprit(preposition, above):
        return above, "culprit"
    if _accused(preposition):
        return above.head, "phrase"
    if preposition.lower_ in ("of", "in") and _lemma_in(above, phrase_cues().victim_nouns):
        return above, "victim"
    if (
        preposition.lower_ == "for"
        and above.pos_ == "ADJ"
        and _lemma_in(above, role_cues().responsibility_nouns)
    ):
        # "the group responsible for the attack", "those who are responsible for it"
        return above.head, "responsible" if above.dep_ == "amod" else "responsible_clause"
    if preposition.lower_ == "for" and _lemma_in(above, role_cues().responsibility_nouns):
        # "X claimed responsibility for the bombings": the claim's subject did it
        return _governing_verb(above)
    if preposition.lower_ == "of" and above.pos_ == "NOUN":
        # "a string of airstrikes", "a barrage of missiles": the quantity noun stands in
        return _governing_verb(above)
    if above.dep_ == "pobj" and above.head.dep_ in ("agent", "prep") and above.head.head.pos_ == "VERB":
        # the parser often hangs "in an airstrike" on the noun before it ("by X in an airstrike")
        return above.head.head, "phrase"
    return None, ""


def _names_culprit(preposition: Token, noun: Token) -> bool:
    """'the group behind the attack', 'the perpetrator of the attack', 'the suspect in it'."""
    cues = phrase_cues()
    if preposition.lower_ not in cues.culprit_preps or noun.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    return preposition.lower_ == "behind" or _lemma_in(noun, cues.culprit_nouns)


def _places(token: Token, cues: RoleCues) -> list[Token]:
    return [
        obj
        for obj in _prep_objects(token, cues.place_preps)
        if obj.ent_type_ in ("GPE", "LOC", "FAC") or obj.pos_ == "PROPN"
    ]


def _to_spans(
    doc: Doc,
    tokens: list[Token],
    *,
    exclude: Span,
    alone: frozenset[int] | set[int] = frozenset(),
    describe: bool = False,
    doers: list[Token] | None = None,
) -> list[TextSpan]:
    """Phrases headed by the tokens and their conjuncts, without duplicates or the trigger;
    with ``describe``, 'the group' comes with the group it stands for (attackers only: a
    target's side is read from its own words)."""
    if not tokens:
        return []
    spans: list[TextSpan] = []
    seen: set[int] = set()
    # 'Israeli forces arrested three men and demolished their homes': a target's 'their' that
    # the pronoun rules read as the doer stands for the victims, not for the doer
    doer_heads = {member.i for doer in doers or () for member in (doer, *_nominal_conjuncts(doer))}
    for token in tokens:
        for member in (token,) if token.i in alone else (token, *_nominal_conjuncts(token)):
            # "some of these guys", "two of the 12": the part names the group told before
            member = _definite_group(member) or member
            # the pronoun is the argument the text states; its antecedent is what it names
            # ("its jets"); a victim's "own" owner is the doer ("gassed his own people")
            owner = _pronoun_owner(member) if describe or not _says_own(member) else None
            if owner is not None and owner.i in doer_heads:
                owner = None
            named = _predicated(member)
            antecedent = _antecedent(_relative_noun(member))
            # "the group", "the militants" (or "it" standing for one): the named group told before
            described = _described_group(antecedent) if describe else None
            # "they" stands for all of "Taliban gunmen and suicide bombers"
            group = (
                _nominal_conjuncts(antecedent)
                if antecedent.i != member.i and _is_plural_pronoun(member)
                else []
            )
            # "Salman Abedi, the bomber behind the bombing": the name the description is set beside
            named_beside = member.head if member.dep_ == "appos" and _is_name(member.head) else None
            # "the alleged killer, Cherif Chekatt": the name set beside the description, apart
            name_in_apposition = _apposed_name(member)
            # "the Hamas movement", "the 'Islamic State' militant group": the body's name, apart
            body_name = _body_name(member)
            heads = (member, antecedent, *group, owner, named, described, named_beside)
            heads += (name_in_apposition, body_name)
            # "people ranging from extremist attackers to unstable individuals": the range's ends
            heads += tuple(_range_ends(member))
            for head in dict.fromkeys(heads):
                if head is None:
                    continue
                if (
                    head.i in seen
                    or head.ent_type_ in TEMPORAL_ENTITIES
                    or _lemma_in(head, phrase_cues().time_nouns)
                    or head.lower_ in RELATIVE_WORDS
                    or head.is_punct
                    or not _has_word(head)
                    or _names_no_one(head)
                ):
                    continue
                seen.add(head.i)
                first, last = _phrase_tokens(head, apposition=False)
                first = _after_dateline(_with_described_nationality(first, head, exclude.start), head)
                if head is body_name:
                    # 'the "Islamic State" group': the article and the quote are the body's
                    while first.i < head.i and (first.dep_ == "det" or first.is_punct):
                        first = doc[first.i + 1]
                if first.i <= exclude.start < last.i + 1 and _described_noun(exclude.root) != head:
                    # a name that contains the trigger ("the Iraq war") names the event itself;
                    # an adjective trigger's noun does not ("violent mobs"), nor a victim noun
                    # the deed compounds ("a rape victim")
                    continue
                phrase = doc[first.i : last.i + 1]
                if any(span.start == phrase.start_char and span.end == phrase.end_char for span in spans):
                    continue  # two words of one name ("Cavehill Road") give one phrase
                spans.append(TextSpan(start=phrase.start_char, end=phrase.end_char, text=phrase.text))
    return spans


def _range_ends(noun: Token) -> list[Token]:
    """The ends of a range the noun is described by ('people ranging from X to Y' -> X, Y); a
    range of ages or sizes ('ranging in age from 5 to 70') names no one."""
    ends: list[Token] = []
    for clause in noun.children:
        if clause.dep_ == "acl" and _lemma_in(clause, phrase_cues().range_verbs):
            ends.extend(_prep_objects(clause, frozenset({"from", "to"})))
    return [end for end in ends if _is_nominal(end) and not end.like_num]


def _is_nominal(token: Token) -> bool:
    """A noun, or an adjective standing for people ('the elderly', 'the wounded')."""
    if token.pos_ in ("NOUN", "PROPN"):
        return True
    return token.pos_ == "ADJ" and any(child.dep_ == "det" for child in token.children)


def _has_word(token: Token) -> bool:
    """A letter or digit: a heading's '==' or a bullet the parser made a subject names no one."""
    return any(character.isalnum() for character in token.text)


def _after_dateline(first: Token, head: Token) -> Token:
    """The phrase's first word after a date a headline or dateline glued to it ('Sun 22 Feb 2015
    Suicide bomber', '29-07-2016 ISIL Terrorists', 'On Sunday regime planes')."""
    calendar = phrase_cues().calendar_words
    doc = head.doc
    index = first.i
    dated = False
    while index < head.i:
        token = doc[index]
        is_date = token.ent_type_ in TEMPORAL_ENTITIES or _is_calendar_word(token, calendar)
        # a day or year beside a month ('22 Feb 2015'), not a count after it ('2016 13 citizens')
        beside = _beside_calendar_word(token, calendar)
        dated_number = token.like_num and (beside or (dated and _is_year(token)))
        if is_date or dated_number:
            dated = True
        elif not (dated and token.is_punct):
            break
        index += 1
    return doc[index]


def _is_year(token: Token) -> bool:
    """'2016' after 'Mon Jul 11': a year closes the date."""
    return token.text.isdigit() and len(token.text) == 4 and 1900 <= int(token.text) <= 2100


def _is_calendar_word(token: Token, calendar: frozenset[str]) -> bool:
    return token.lower_.rstrip(".") in calendar


def _beside_calendar_word(token: Token, calendar: frozenset[str]) -> bool:
    doc = token.doc
    neighbours = (doc[index] for index in (token.i - 1, token.i + 1) if 0 <= index < len(doc))
    return any(_is_calendar_word(neighbour, calendar) for neighbour in neighbours)


def _is_plural_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in phrase_cues().plural_pronouns


def _nominal_conjuncts(token: Token) -> list[Token]:
    """Conjuncts that can be arguments: 'those of her husband, beating them' parsed as conjoined
    with 'put' does not make the verb a participant."""
    return [
        member
        for member in token.conjuncts
        if member.pos_ not in ("VERB", "AUX", "ADV", "ADP") and not _subject_of_next_clause(member)
    ]


def _subject_of_next_clause(member: Token) -> bool:
    """'killed in a battle with police and Dzhokhar was found hiding': the parser conjoins the
    name to the one before, but the verb right after it has no subject of its own: it opens a
    clause whose subject it is."""
    following = member.nbor(1) if member.i + 1 < len(member.doc) else None
    if following is None or following.pos_ != "AUX" or following.head.i < member.i:
        return False
    verb = following.head
    return verb.pos_ == "VERB" and not _children(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)


def _predicated(token: Token) -> Token | None:
    """Whom a predicate noun describes: 'the cleric was the man behind the bombing', 'police
    identified Omar as the gunman', 'the leader is named in the documents as the person behind
    it'. The predicate is what the text states, the subject whom it names."""
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        return next(iter(_children(token.head, SUBJECT_DEPS)), None)
    if token.dep_ != "pobj" or token.head.lower_ != "as":
        return None
    verb = token.head.head
    for _ in range(MAX_CLIMB):
        # the parser may hang "as" on a noun of the verb's phrase ("named in the documents as")
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ not in ("pobj", "prep") or verb.head == verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    deps = PASSIVE_SUBJECT_DEPS if _is_passive(verb) else OBJECT_DEPS
    return next(iter(_children(verb, deps)), None)


def _phrase_tokens(token: Token, *, apposition: bool = True) -> tuple[Token, Token]:
    """First and last token of the noun phrase a token heads: its left modifiers, itself, its
    entity, and what belongs to it on the right (a group, an owner, and unless ``apposition``
    is false, a name in apposition)."""
    first = token
    for child in token.lefts:
        if child.dep_ in PHRASE_LEFT_DEPS:
            first = child.left_edge if child.left_edge.i < first.i else first
            break
    if first.i > 0 and _is_mistagged_acronym(token.doc[first.i - 1]):
        # "IS militants" parsed as the verb "is" before "militants"
        first = token.doc[first.i - 1]
    if first.i == token.i and _leader_before(token) is not None:
        # "the US-led coalition bombing": 'US-led' hangs on the deed beside 'coalition'
        first = _leader_before(token)
    last = _quantified_noun(token) or _owning_name(token) or _led_by(token) or token
    for child in token.rights if apposition else ():
        if child.dep_ == "appos" and _adjoins(last, child.left_edge) and _is_name(child):
            # "the armed separatist group ETA", "the alleged killer, Cherif Chekatt": a name in
            # apposition belongs to the phrase
            last = child.right_edge
    if token.ent_iob_ != "O" and token.ent_type_:
        entity_start, entity_end = _entity_bounds(token)
        first = first if first.i < entity_start else token.doc[entity_start]
        last = max(last, token.doc[entity_end - 1], key=lambda edge: edge.i)
    return first, last


def _apposed_name(token: Token) -> Token | None:
    """The name in apposition right after a noun ('the armed separatist group ETA', 'the alleged
    killer, Cherif Chekatt'): a phrase of its own beside the noun's."""
    last = _quantified_noun(token) or _owning_name(token) or _led_by(token) or token
    for child in token.rights:
        if child.dep_ == "appos" and _adjoins(last, child.left_edge) and _is_name(child):
            return child
    return None


def _body_name(token: Token) -> Token | None:
    """The name compounding a noun of an organised body ('the Hamas movement', 'the "Islamic
    State" militant group'): the body itself, so a phrase of its own beside the description's,
    as a name in apposition is ('Islamic State militants' are its members, not the body)."""
    if not _lemma_in(token, phrase_cues().body_nouns):
        return None
    names = [child for child in token.lefts if child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN"]
    return names[-1] if names else None


def _led_sibling(participle: Token) -> Token | None:
    """'the US-led coalition bombing' parsed as 'US-led' and 'coalition' both on 'bombing': the
    noun right after the participle, on the same head, is what it leads."""
    if participle.i + 1 >= len(participle.doc):
        return None
    noun = participle.doc[participle.i + 1]
    same_head = noun.head == participle.head and noun.dep_ in ("compound", "nmod", "amod")
    return noun if same_head and noun.pos_ in ("NOUN", "PROPN") else None


def _leader_before(token: Token) -> Token | None:
    """The first token of 'US-led' set before ``token`` as its sibling ('US-led coalition')."""
    if token.i == 0:
        return None
    participle = token.doc[token.i - 1]
    if not _lemma_in(participle, phrase_cues().leader_participles) or _led_sibling(participle) != token:
        return None
    leaders = [c for c in participle.lefts if c.dep_ in ("npadvmod", "compound") and _is_name(c)]
    return leaders[0].left_edge if leaders else None


def _led_by(token: Token) -> Token | None:
    """'US-led', 'Saudi-led': the leader's phrase keeps its participle, which says it leads
    others ('US-led' is the coalition, 'US' alone the state)."""
    participle = token.head
    if participle.i != token.i + 2 or token.doc[token.i + 1].text != "-":
        return None
    return participle if _lemma_in(participle, phrase_cues().leader_participles) else None


def _entity_bounds(token: Token) -> tuple[int, int]:
    """Token bounds of the entity ``token`` is in, read off the IOB tags around it.

    ``doc.ents`` builds every entity span of the document on each access: far too slow to call
    for each argument.
    """
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _adjoins(last: Token, first: Token) -> bool:
    """Only punctuation between the two tokens."""
    return first.i > last.i and all(token.is_punct for token in last.doc[last.i + 1 : first.i])


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


def _group_part(noun: Token) -> Token:
    """For 'the men' in 'six of the men killed', the part counted ('six'): its phrase names the
    victims and includes the group. 'Those killed' are the victims themselves, whatever part of
    them the sentence goes on to count ('nine of those killed were civilians'), and a measure
    of the group ('the number of civilians killed') is no part of it."""
    preposition = noun.head
    if noun.tag_ == "DT":
        return noun
    if noun.dep_ == "pobj" and preposition.lower_ == "of" and preposition.head.i < noun.i:
        part = preposition.head
        if part.lower_ in phrase_cues().measure_heads:
            return noun
        if _quantified_noun(part) is not None and _quantified_noun(part).i == noun.i:
            return part
    return noun


def _owning_name(token: Token) -> Token | None:
    """For 'the warships of Europe and the United States' or 'fighters of Hamas' headed by a
    common noun, the last token of the names that own it: the phrase says whose they are."""
    if token.pos_ != "NOUN" or not token.n_rights:
        return None
    for child in token.rights:
        if child.dep_ != "prep" or child.lower_ != "of":
            continue
        for owner in (grandchild for grandchild in child.children if grandchild.dep_ == "pobj"):
            if _is_name(owner):
                last = max((owner, *owner.conjuncts), key=lambda member: member.i)
                return token.doc[_entity_bounds(last)[1] - 1] if last.ent_iob_ != "O" else last
    return None


def _quantified_noun(token: Token) -> Token | None:
    """For 'dozens of Turkish troops' headed by 'dozens' (or 'some of these fighters'), the last
    token of the group: the phrase names its members."""
    if not (
        token.like_num
        or token.pos_ == "NUM"
        or token.ent_type_ == "CARDINAL"
        or token.lower_ in phrase_cues().quantifier_heads
    ):
        return None
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _definite_group(token: Token) -> Token | None:
    """For a part of a definite group ('some of these guys', 'many of those'),
    the group: the phrase picks out members of a group already known, which is what it names.
    A count of an indefinite group ('hundreds of protesters') and a noun of a body ('members of
    the group', 'a crowd of worshippers') name the phrase itself."""
    if token.pos_ not in ("PRON", "DET", "ADJ") or token.like_num:
        # a figure keeps its phrase: 'two of the attackers were killed' counts the victims
        return None
    group = _quantified_noun(token)
    if group is None:
        return None
    if group.pos_ == "PRON" and group.lower_ not in RELATIVE_WORDS:
        return group
    definite = (
        child.dep_ == "poss" or (child.dep_ == "det" and child.lower_ in phrase_cues().anaphoric_determiners)
        for child in group.lefts
    )
    return group if any(definite) else None


def _says_own(token: Token) -> bool:
    """'his own people', 'their own citizens'."""
    return any(child.lower_ == "own" and child.dep_ == "amod" for child in token.lefts)


def _pronoun_owner(token: Token) -> Token | None:
    """For 'its jets' or 'whose fighters', whom the possessive pronoun stands for: the phrase
    names the owner as much as the jets."""
    if not token.n_lefts:
        return None
    pronoun = next((child for child in token.lefts if child.dep_ == "poss"), None)
    if pronoun is None:
        return None
    if pronoun.tag_ == "WP$":
        # "Hezbollah, whose fighters attacked the convoy"
        return token.head.head if token.head.dep_ == "relcl" else None
    if pronoun.tag_ == "PRP$":
        owner = _antecedent(pronoun)
        return owner if owner.i != pronoun.i else None
    return None


def _names_no_one(token: Token) -> bool:
    """'Nobody has claimed the attack', 'no group claimed it': no argument at all."""
    negatives = phrase_cues().negative_words
    if token.lower_ in negatives:
        return True
    return bool(token.n_lefts) and any(
        child.dep_ == "det" and child.lower_ in negatives for child in token.lefts
    )


def _relative_noun(token: Token) -> Token:
    """For a relative pronoun, the noun its clause modifies ('the hospital, which was bombed')."""
    if token.lower_ in RELATIVE_WORDS and token.head.dep_ == "relcl" and token.head.head != token.head:
        return token.head.head
    return token


def _antecedent(token: Token) -> Token:
    """For a pronoun, what it stands for: the noun of a relative clause it sits in ('terrorists
    who armed themselves for their attack'), else the nearest agreeing actor mention or name in
    its sentence, then in the sentences just before, a subject first ('Israel said it had
    bombed the tunnels' -> Israel); else the token itself."""
    if token.pos_ != "PRON" or token.lower_ in RELATIVE_WORDS:
        return token
    relative = _relative_clause_noun(token) if token.tag_ == "PRP$" else None
    if relative is not None and _agrees(token, relative):
        # only a possessive: in "the territory it seized", "it" is not the territory
        return relative
    doc = token.doc
    mentions = doc._.actors
    if mentions is None:
        mentions = find_actors(doc)
    mention_heads = {mention.head for mention in mentions if mention.head is not None}
    if token.dep_ in OBJECT_DEPS:
        # "the militants took the soldiers hostage and beheaded them": an object pronoun is not
        # the subject of its own clause
        mention_heads -= {subject.idx for subject in _subjects(token.head, role_cues())}
    sentence_end = token.i
    sentence_start = token.sent.start
    for _ in range(ANTECEDENT_SENTENCES + 1):
        found = _antecedent_in(doc[sentence_start:sentence_end], token, mention_heads)
        if found is not None or sentence_start == 0:
            return found or token
        sentence_end = sentence_start
        sentence_start = doc[sentence_start - 1].sent.start
    return token


def _antecedent_in(words: Span, pronoun: Token, mention_heads: set[int]) -> Token | None:
    """The agreeing subject nearest before the pronoun in ``words``, else the nearest agreeing one."""
    nearest = None
    for candidate in reversed(words):
        if candidate.pos_ == "PRON" or candidate.dep_ in MODIFIER_DEPS:
            continue
        if not (candidate.idx in mention_heads or _ends_name(candidate) or _is_collective(candidate)):
            continue
        if not _agrees(pronoun, candidate):
            continue
        if candidate.dep_ in SUBJECT_DEPS:
            return candidate
        nearest = nearest or candidate
    return nearest


def _described_group(token: Token) -> Token | None:
    """For 'the group', 'the militants', 'this organisation' (a definite collective or
    perpetrator noun with nothing naming it), the named group told nearest before it in its
    sentence or the two before ('Al-Shabab fighters overran a base. The group said ...')."""
    if token.pos_ != "NOUN" or not _is_definite_description(token):
        return None
    if not _lemma_in(token, phrase_cues().group_descriptions):
        return None
    doc = token.doc
    earliest = doc[token.sent.start].i
    for _ in range(ANTECEDENT_SENTENCES):
        if earliest == 0:
            break
        earliest = doc[earliest - 1].sent.start
    groups = actor_dictionary(doc.vocab).groups
    # 'the militants', 'the jihadists' (the actor tables' islamists) stand for an insurgent group,
    # not for the Kurdish-led forces fighting it that were named last
    insurgents_only = any(
        m.kind == "agent" and m.key == GENERIC_INSURGENTS and m.start <= token.i < m.end
        for m in dictionary_matches(doc)
    )
    names = [
        match
        for match in dictionary_matches(doc)
        if match.kind == "group"
        and earliest <= match.start
        and match.end <= token.i
        and groups[match.key].inter in NON_STATE_ARMED_INTER
        and (not insurgents_only or groups[match.key].sector == INSURGENT_SECTOR)
    ]
    if not names:
        return None
    nearest = max(names, key=lambda match: (match.end, match.end - match.start))
    return doc[nearest.start : nearest.end].root


def _is_definite_description(token: Token) -> bool:
    """'the group', 'this organisation': a definite determiner and no other word before it."""
    lefts = list(token.lefts)
    return (
        len(lefts) == 1
        and lefts[0].dep_ == "det"
        and lefts[0].lower_ in phrase_cues().anaphoric_determiners - {"those", "that"}
    )


def _relative_clause_noun(token: Token) -> Token | None:
    """The noun a relative clause around the token modifies, if the token is in one."""
    current = token
    for _ in range(MAX_CLIMB):
        if current.dep_ == "relcl":
            return current.head
        if current.head == current or current.dep_ in CLAUSE_DEPS:
            return None
        current = current.head
    return None


def _is_collective(token: Token) -> bool:
    """A noun for a group of people ('the group', 'the movement') the actor tables leave out."""
    return token.pos_ == "NOUN" and _lemma_in(token, phrase_cues().collective_nouns | role_cues().agent_nouns)


def _ends_name(token: Token) -> bool:
    """The last word of a person, organisation, nationality or country name."""
    if token.ent_type_ not in ANTECEDENT_ENTITIES:
        return False
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return following is None or following.ent_iob_ != "I"


def _agrees(pronoun: Token, noun: Token) -> bool:
    """Can the pronoun stand for the noun? 'it' for no plural and no person, 'he'/'she' for a
    person, 'they' for a plural or a group (an organisation or nationality); a first or second
    person pronoun for none."""
    cues = phrase_cues()
    word = pronoun.lower_
    plural = noun.tag_ in ("NNS", "NNPS")
    if word in cues.singular_pronouns:
        return not plural and noun.ent_type_ != "PERSON"
    if word in cues.person_pronouns:
        # "he" is a person: not a place, an organisation or a body ("the administration")
        return (
            not plural
            and noun.ent_type_ not in ("ORG", "NORP", "GPE", "LOC", "FAC")
            and not _is_collective(noun)
        )
    if word in cues.plural_pronouns:
        return plural or noun.ent_type_ in ("ORG", "NORP")
    # "we", "you", "I": the speaker or the addressed, never a third party mentioned before
    return False
