"""Which mentions report the same happening: drafts of events and the rules that merge them.

Two drafts merge only when nothing conflicts (type family, places, explicit dates, named
targets) *and* something positive ties them: a shared place, date or target, a definite
reference ("the strike"), or one trigger governing the other in the same clause ("gains in
battles"). A weak casualty trigger ("nine soldiers had been killed") names no new happening:
it joins the event in discourse focus when that is compatible.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..model import ACLED_SUB_EVENT_TYPES, CountMention, DateMention, EventMention, PlaceMention
from .events import BACKGROUND_SENTENCES, event_lexicon, is_background_date
from .linking import span_at
from .places_for_events import places_of_event, same_happening
from .roles import Role

#: the catch-all sub-event type of a family: a more specific type merged with it wins
CATCH_ALL_TYPES = frozenset({"Armed clash", "Attack", "Other"})
#: a narrower sub-event type and the broader one of its family it is a kind of: a suicide bombing
#: is an explosive device set off by its carrier, so "a bus blast" or "the bus bombing" (read as
#: a remote explosive) and "a suicide bomber" in one place can be one happening; a protest that
#: police broke up or fired on is one protest event, not a protest and an intervention (ACLED codes
#: one event per gathering, typed by what was done to it)
NARROWER_TYPES = {
    "Suicide bomb": "Remote explosive/landmine/IED",
    "Protest with intervention": "Peaceful protest",
    "Excessive force against protesters": "Peaceful protest",
}
#: the family of a protest and what was done to it: a gathering is one event, so a protest and its
#: dispersal that between them tell one place and one day are one
PROTESTS = "Protests"
#: acts that are part of a fight when its sides do them there that day: the weapons seized, the
#: vehicles destroyed; and the families of the fights they are part of
PART_TYPES = frozenset({"Disrupted weapons use", "Looting/property destruction"})
FIGHT_FAMILIES = frozenset({"Battles", "Explosions/Remote violence"})
#: families of violence a weak casualty trigger may refer back to
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
#: an explosive device, and the air strike whose bombs a report may tell as one
DEVICE = "Remote explosive/landmine/IED"
AIR_STRIKE = "Air/drone strike"
#: strikes from afar whose bombs a bare "bombing" retells
STRIKES_FROM_AFAR = frozenset({AIR_STRIKE, "Shelling/artillery/missile attack"})
#: the actor name of unarmed victims ("Civilians (Syria)")
CIVILIANS = "Civilians"
#: the catch-all type of violence against civilians, and the family that codes such violence
#: when it is done from afar (air strikes, shelling, bombs)
ATTACK = "Attack"
REMOTE_FAMILY = "Explosions/Remote violence"
#: determiners that make a trigger refer back to an event already told ("the strike")
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: actors that name no side: "armed groups fighting in Syria's complex war" names no one
UNNAMED_ACTORS = ("Unidentified Armed Group",)
#: verb tags of a finite clause: past, present third person, present other
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


@dataclass(slots=True)
class Draft:
    """An event being built: the mentions merged into it and what was linked to them."""

    mentions: list[EventMention]
    sub_event_type: str = ""
    weak: bool = False
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    figures: list[tuple[CountMention, str]] = field(default_factory=list)
    attackers: list[Role] = field(default_factory=list)
    targets: list[Role] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.sub_event_type = self.sub_event_type or self.mentions[0].sub_event_type

    @property
    def start(self) -> int:
        return self.mentions[0].trigger.start

    @property
    def last(self) -> int:
        """Where the draft was last mentioned: the event in discourse focus is the latest."""
        return max(mention.trigger.start for mention in self.mentions)

    @property
    def family(self) -> str:
        return ACLED_SUB_EVENT_TYPES[self.sub_event_type]

    def yields_type_to(self, other: Draft) -> bool:
        """Does the merged event take ``other``'s sub-event type? The narrower of two kin wins."""
        if NARROWER_TYPES.get(self.sub_event_type) == other.sub_event_type:
            return False
        if NARROWER_TYPES.get(other.sub_event_type) == self.sub_event_type:
            return True
        if self.sub_event_type == ATTACK and other.family == REMOTE_FAMILY:
            return True
        if self.sub_event_type == DEVICE and other.sub_event_type == AIR_STRIKE:
            return True
        return (self.weak and not other.weak) or (
            self.sub_event_type in CATCH_ALL_TYPES
            and other.family == self.family
            and other.sub_event_type not in CATCH_ALL_TYPES
        )

    def absorb_part(self, other: Draft) -> None:
        """Takes in the telling of a part of this happening as another act: its words are evidence
        of this event; its place, day, figures and sides stay this event's own."""
        self.mentions.extend(other.mentions)

    def absorb(self, other: Draft) -> None:
        if self.yields_type_to(other):
            self.sub_event_type = other.sub_event_type
        self.weak = self.weak and other.weak
        self.mentions.extend(other.mentions)
        self.places.extend(other.places)
        self.dates.extend(other.dates)
        self.figures.extend(other.figures)
        self.attackers.extend(other.attackers)
        self.targets.extend(other.targets)


def merge_drafts(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Drafts that retell one happening, merged in text order; drafts of history are dropped.

    Only the places where something happened are compared: a place an attacker came from
    ("a jet that took off from Hama") neither splits a retelling into a new event nor locates it.
    """
    published = doc._.article.published if doc._.article else None
    for draft in drafts:
        draft.places = places_of_event(doc, draft.places)
    current = [draft for draft in drafts if published is None or is_current(doc, draft, published)]
    merged: list[Draft] = []
    for draft in current:
        home = find_home(doc, merged, draft)
        if home is None:
            merged.append(draft)
        else:
            home.absorb(draft)
    merged = join_retellings_told_first(doc, merged, published)
    merged = join_attacks_done_from_afar(doc, merged, published)
    merged = join_parts_of_a_fight(merged, published)
    return [draft for draft in merged if is_codable_draft(doc, draft)]


def is_unanchored(draft: Draft) -> bool:
    """No place below a country and no date of its own: the draft cannot be told apart from
    another of its kind ("fighting in Syria's complex war")."""
    return not has_local_place(draft) and not draft.dates


def has_local_place(draft: Draft) -> bool:
    return any(mention.place.feature != "country" for mention in draft.places)


def complementary(first: Draft, second: Draft) -> bool:
    """One of two drafts lacks a place and one lacks a date: with nothing in conflict, they add up
    to one event ("Nusra members kidnapped a priest from a village in Idlib" and "he was kidnapped
    on Saturday"), as a draft with neither retells the other."""
    local = has_local_place(first) and has_local_place(second)
    return not local and (not first.dates or not second.dates)


def is_codable_draft(doc: Doc, draft: Draft) -> bool:
    """Something a coder could code: a place, a date, a figure, a named side, or an act told by
    a finite verb ("gunmen shot two guards"). A noun or participle naming a kind of fighting with
    none of these ("the city is witnessing fierce battles", "armed groups fighting in Syria's
    complex war") is no event; an Unidentified Armed Group names no side."""
    sides = {
        name for name in named(draft.attackers) | named(draft.targets) if not name.startswith(UNNAMED_ACTORS)
    }
    if not is_unanchored(draft) or draft.figures or sides:
        return True
    return any(tells_an_act(doc, mention) for mention in draft.mentions)


def tells_an_act(doc: Doc, mention: EventMention) -> bool:
    """The trigger is a finite verb ("shot", "has shelled", "were killed") or the subject of one,
    not a noun or a participle modifying one."""
    root = span_at(doc, mention.trigger.start, mention.trigger.end).root
    if root.dep_ == "nsubj":  # an attacker noun trigger ("gunmen shot the guards"): its verb tells
        root = root.head
    if root.tag_ in FINITE_TAGS:
        return True
    return root.tag_ == "VBN" and any(child.dep_ in ("aux", "auxpass") for child in root.children)


def is_current(doc: Doc, draft: Draft, published: dt.date) -> bool:
    """Drops the draft's dates from months before publication; False when the draft is history.

    A trigger with such a date under it is background (``events.is_background``), no draft. An
    old date that reached a draft by proximity belongs to background told in its sentence ("the
    strikes mark a violation of the truce agreed in February"); else it dates the draft's own
    happening ("a man who shot his wife in January ... was hunting on Jan. 18 when ..."), which
    is then history too.
    """
    lexicon = event_lexicon(doc.vocab)
    old = [date for date in draft.dates if is_background_date(date, published, lexicon)]
    if not old:
        return True
    draft.dates = [date for date in draft.dates if date not in old]
    told = doc.user_data.get(BACKGROUND_SENTENCES, frozenset())
    unclaimed = [date for date in old if not any(start <= date.span.start < end for start, end in told)]
    return bool(draft.dates) or not unclaimed


def find_home(doc: Doc, merged: list[Draft], new: Draft) -> Draft | None:
    """The draft ``new`` retells, if any: tied ones first; a weak trigger joins the focus."""
    by_recency = sorted(merged, key=lambda kept: kept.last, reverse=True)
    published = doc._.article.published if doc._.article else None
    compatible = [kept for kept in by_recency if not conflicting(kept, new, published)]
    if refers_back(doc, new.mentions[0]):
        # "one civilian was also killed in the air strikes": a definite retelling may name other
        # victims of the same strikes, so differing targets do not split it
        same_ones = [
            kept for kept in by_recency if kept not in compatible and same_strikes(kept, new, published)
        ]
        compatible += same_ones
    if new.weak:
        return next((kept for kept in compatible if kept.family in VIOLENT_TYPES), None)
    tied_ones = (kept for kept in by_recency if kept in compatible and tied(doc, kept, new))
    return next(tied_ones, None) or next(
        (kept for kept in by_recency if retold(doc, kept, new, published)), None
    )


def join_retellings_told_first(doc: Doc, merged: list[Draft], published: dt.date | None) -> list[Draft]:
    """Folds each draft of weak casualty triggers alone ("2 civilians killed in Aleppo" in a
    headline) into the first draft of a named act that it is tied to and does not conflict with
    ("terrorists shelled Aleppo on Thursday, killing two civilians"). A weak trigger told after its
    event joins it while merging; told before it (a headline, a lead), nothing was there to join."""
    acts = [draft for draft in merged if not draft.weak]
    kept: list[Draft] = []
    for draft in merged:
        home = None
        if draft.weak:
            home = next((act for act in acts if retells_ahead(doc, act, draft, published)), None)
        if home is None:
            kept.append(draft)
            continue
        if named(home.attackers):
            # the act's own doer stands: a casualty verb's subject is often its victim
            # ("2 Civilians Killed in Terrorist Attack", parsed with the civilians as doers)
            draft.attackers = []
        home.absorb(draft)
    return kept


def retells_ahead(doc: Doc, act: Draft, weak: Draft, published: dt.date | None) -> bool:
    """The weak draft is told before the act and is one happening with it: tied to it, or the two
    add up to one event (one lacks a place, one a day), as a casualty verb names no kind of act
    that could tell them apart."""
    # an act told with neither place nor day ("after a week of fighting") is no home: it would
    # take the retelling's place and day as its own
    if weak.start > act.start or act.family not in VIOLENT_TYPES or is_unanchored(act):
        return False
    if conflicting(act, weak, published):
        return False
    # a day told only by the retelling would date the act by a clause about something else
    # ("the assault that began on July 17")
    if weak.dates and not shares_date(weak.dates, act.dates):
        return False
    return complementary(act, weak) or tied(doc, act, weak)


def join_attacks_done_from_afar(doc: Doc, merged: list[Draft], published: dt.date | None) -> list[Draft]:
    """Folds each attack on civilians into a strike of the same attacker at the same place and
    day, once all retellings have lent the drafts their places and attackers."""
    joined: list[Draft] = []
    for draft in merged:
        home = next((kept for kept in joined if done_from_afar(doc, kept, draft, published)), None)
        if home is None:
            joined.append(draft)
        else:
            home.absorb(draft)
    return joined


def join_parts_of_a_fight(merged: list[Draft], published: dt.date | None) -> list[Draft]:
    """Folds what a side seized or destroyed in a fight (``PART_TYPES``: "killed 70 terrorists and
    destroyed a tank", "the army unit confiscated the insurgents' weapons") into the battle or
    strike of the same sides at the same place and day: ACLED codes the fight, not its spoils."""
    fights = [draft for draft in merged if draft.family in FIGHT_FAMILIES]
    kept: list[Draft] = []
    for draft in merged:
        home = next((fight for fight in fights if part_of_fight(fight, draft, published)), None)
        if home is None:
            kept.append(draft)
        else:
            home.absorb_part(draft)
    return kept


def part_of_fight(fight: Draft, part: Draft, published: dt.date | None) -> bool:
    if part.sub_event_type not in PART_TYPES:
        return False
    # a part told with no place of its own ("the army unit confiscated the weapons") is where
    # its sides fought that day
    if part.places and not shares_place(fight.places, part.places):
        return False
    if not sides(fight) & sides(part):
        return False
    return not anchors_conflict(fight, part, published, check_targets=False)


def sides(draft: Draft) -> set[str]:
    """The sides the draft names, attackers and targets, but no unidentified group."""
    names = named(draft.attackers) | named(draft.targets)
    return {name for name in names if not name.startswith(UNNAMED_ACTORS)}


def done_from_afar(doc: Doc, kept: Draft, new: Draft, published: dt.date | None = None) -> bool:
    return attack_by_remote_means(doc, kept, new, published) or bombs_of_a_strike(doc, kept, new, published)


def bombs_of_a_strike(doc: Doc, kept: Draft, new: Draft, published: dt.date | None = None) -> bool:
    """Bombs told beside an air strike or shelling at the same place and day are the strike's own
    ("regime jets pounded the district ... the bombing killed 12", "barrel bombs dropped on the
    town", "targeted a funeral with mortars ... the intensity of the bombing"), not an explosive
    device planted on the ground: a bomb named with a device of its own ("a car bomb") is not
    folded. The bombs' attacker, if named, must be the strike's."""
    bombs, strike = (kept, new) if kept.sub_event_type == DEVICE else (new, kept)
    if bombs.sub_event_type != DEVICE or strike.sub_event_type not in STRIKES_FROM_AFAR:
        return False
    if not all(is_aerial_bomb(doc, mention) for mention in bombs.mentions):
        return False
    # a bombing told with no place of its own is the strike's that day
    if bombs.places and not same_place(bombs.places, strike.places):
        return False
    attackers = {name for name in named(bombs.attackers) if not name.startswith(UNNAMED_ACTORS)}
    if attackers and not attackers & named(strike.attackers):
        return False
    return not anchors_conflict(kept, new, published, check_targets=False)


def is_aerial_bomb(doc: Doc, mention: EventMention) -> bool:
    """A bomb trigger whose noun modifiers, if any, name aerial bombs ("barrel bombs"); a device
    of its own ("car bomb", "roadside bomb") is named by a noun, so adjectives are not read."""
    modality = event_lexicon(doc.vocab).modality
    trigger = span_at(doc, mention.trigger.start, mention.trigger.end)
    if trigger.root.lemma_.lower() not in modality["aerial_bomb_nouns"]:
        return False
    nouns = [token for token in trigger if token.i != trigger.root.i and token.pos_ in ("NOUN", "PROPN")]
    nouns += [child for child in trigger.root.children if child.dep_ == "compound"]
    return all(token.lemma_.lower() in modality["aerial_bomb_modifiers"] for token in nouns)


def same_place(first: list[PlaceMention], second: list[PlaceMention]) -> bool:
    """One place named by both, not only one province."""
    local = [mention for mention in first if mention.place.feature not in ("country", "admin1")]
    return any(a.place.name == b.place.name for a in local for b in second)


def attack_by_remote_means(doc: Doc, kept: Draft, new: Draft, published: dt.date | None = None) -> bool:
    """A massacre of civilians and the air strikes or shells of the same attacker at the same
    place that day are one happening: ACLED codes violence against civilians done from afar as
    Explosions/Remote violence ("the regime committed a massacre in the neighbourhood", then "the
    victims were hit by airstrikes"). Only an attack told by a word that names no means of its
    own (``means_free_attack_nouns``): a shooting or an execution stays an event of its own."""
    attack, strike = (kept, new) if kept.sub_event_type == ATTACK else (new, kept)
    if attack.sub_event_type != ATTACK or strike.family != REMOTE_FAMILY:
        return False
    words = event_lexicon(doc.vocab).modality["means_free_attack_nouns"]
    if not trigger_nouns(doc, attack) or not trigger_nouns(doc, attack) <= words:
        return False
    if not named(kept.attackers) & named(new.attackers):
        return False
    # "condemned the massacre carried out by Russian warplanes": a massacre told with no place
    # of its own is where the same attacker's strike was that day
    if attack.places and not shares_place(attack.places, strike.places):
        return False
    return not anchors_conflict(kept, new, published, check_targets=False)


def retold(doc: Doc, kept: Draft, new: Draft, published: dt.date | None = None) -> bool:
    """The same trigger noun again with the same attacker and nothing in conflict retells the
    happening, though its words type it otherwise ("killed in Israeli air raids on positions",
    then "killed in Israeli raids against military positions", read as a clash): ACLED codes
    one event per place, day and type, and the first telling's type stands."""
    if kept.family not in VIOLENT_TYPES or new.family not in VIOLENT_TYPES or new.weak:
        return False
    if not named(kept.attackers) & named(new.attackers) or anchors_conflict(kept, new, published):
        return False
    return bool(trigger_nouns(doc, kept) & trigger_nouns(doc, new))


def trigger_nouns(doc: Doc, draft: Draft) -> set[str]:
    """The lemmas of the head nouns of the draft's triggers ("raid" of "air raids")."""
    heads = (span_at(doc, m.trigger.start, m.trigger.end).root for m in draft.mentions)
    return {head.lemma_.lower() for head in heads if head.pos_ == "NOUN"}


def conflicting(kept: Draft, new: Draft, published: dt.date | None = None) -> bool:
    return not types_compatible(kept, new) or anchors_conflict(kept, new, published)


def same_strikes(kept: Draft, new: Draft, published: dt.date | None) -> bool:
    """Same sub-event type, neither place nor date tells them apart, and the one new target is
    civilians: bystanders a strike on fighters also killed. Two armed targets are two strikes."""
    if kept.sub_event_type != new.sub_event_type or not bystanders(named(new.targets)):
        return False
    return not anchors_conflict(kept, new, published, check_targets=False)


def bystanders(targets: set[str]) -> bool:
    return bool(targets) and all(name.startswith(CIVILIANS) for name in targets)


def anchors_conflict(
    kept: Draft, new: Draft, published: dt.date | None = None, *, check_targets: bool = True
) -> bool:
    """Do the drafts' places, explicit dates or named targets tell them apart? A draft told in
    an earlier month ("also in July", in a report of August) is not one told with no date."""
    if (
        published
        and bool(kept.dates) != bool(new.dates)
        and in_other_period(kept.dates + new.dates, published)
    ):
        return True
    if kept.places and new.places and not shares_place(kept.places, new.places, country_wide=True):
        return True
    if kept.dates and new.dates and not shares_date(kept.dates, new.dates):
        return True
    # "nine soldiers had been killed": whose soldiers the retelling leaves to context
    if new.weak or not check_targets:
        return False
    # a side either draft has as its attacker is no target of a separate happening: the parse
    # took the striker for the struck ("aircraft of the coalition bombed tents")
    attackers = named(kept.attackers) | named(new.attackers)
    kept_targets, new_targets = named(kept.targets) - attackers, named(new.targets) - attackers
    return bool(kept_targets and new_targets and not kept_targets & new_targets)


def in_other_period(dates: list[DateMention], published: dt.date) -> bool:
    """Are all the dates months or years other than the report's ('in July' in August)?"""

    def other(date: DateMention) -> bool:
        if date.precision == "month":
            return (date.value.year, date.value.month) != (published.year, published.month)
        return date.precision == "year" and date.value.year != published.year

    return all(other(date) for date in dates)


def types_compatible(kept: Draft, new: Draft) -> bool:
    if kept.sub_event_type == new.sub_event_type:
        return True
    if kept.weak or new.weak:
        return kept.family in VIOLENT_TYPES and new.family in VIOLENT_TYPES
    catch_all = kept.sub_event_type in CATCH_ALL_TYPES or new.sub_event_type in CATCH_ALL_TYPES
    return kept.family == new.family and (catch_all or kin_types(kept.sub_event_type, new.sub_event_type))


def kin_types(first: str, second: str) -> bool:
    """One type a narrower kind of the other ("Suicide bomb" of "Remote explosive/landmine/IED")."""
    return NARROWER_TYPES.get(first) == second or NARROWER_TYPES.get(second) == first


def tied(doc: Doc, kept: Draft, new: Draft) -> bool:
    """Positive evidence that two compatible drafts are one happening. Two drafts of the same type
    that between them tell one place and one day are one: ACLED codes one event per type, place
    and day ("US-led coalition airstrikes kill ten civilians" in a headline, then "ten civilians
    were killed Wednesday ... north of Raqqa"); so are a protest and a narrower kind of it ("students
    protested in the square on Monday", then "police fired tear gas to disperse them")."""
    if shares_place(kept.places, new.places) or shares_date(kept.dates, new.dates):
        return True
    same_kind = kept.sub_event_type == new.sub_event_type or (
        kept.family == PROTESTS and kin_types(kept.sub_event_type, new.sub_event_type)
    )
    if same_kind and complementary(kept, new):
        return True
    if named(kept.targets) & named(new.targets):
        return True
    return refers_back(doc, new.mentions[0]) or same_clause(doc, kept, new)


def refers_back(doc: Doc, mention: EventMention) -> bool:
    """A definite trigger noun: "the strike", also inside a longer trigger ("the strike was
    carried out by a jet", whose root is the verb)."""
    trigger = span_at(doc, mention.trigger.start, mention.trigger.end)
    nouns = [token for token in trigger if token.pos_ in ("NOUN", "PROPN")] or [trigger.root]
    return any(child.dep_ == "det" and child.lower_ in DEFINITE for noun in nouns for child in noun.children)


def same_clause(doc: Doc, kept: Draft, new: Draft) -> bool:
    """Two triggers of one clause: one a few hops under the other, or both under one verb
    ("score gains in battles")."""
    new_trigger = span_at(doc, new.mentions[0].trigger.start, new.mentions[0].trigger.end)
    return any(
        same_happening(span_at(doc, mention.trigger.start, mention.trigger.end), new_trigger)
        for mention in kept.mentions
    )


def shares_place(
    first: list[PlaceMention], second: list[PlaceMention], *, country_wide: bool = False
) -> bool:
    return any(
        place_within(a, b, country_wide=country_wide) or place_within(b, a, country_wide=country_wide)
        for a in first
        for b in second
    )


def place_within(inner: PlaceMention, outer: PlaceMention, *, country_wide: bool = False) -> bool:
    """Is ``inner`` the same place as ``outer`` or inside its province (or country, if ``country_wide``)?"""
    a, b = inner.place, outer.place
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.name == b.name and a.country == b.country:
        return True
    if b.feature == "country":
        return country_wide and a.country == b.country
    if b.feature == "admin1":
        return a.country == b.country and a.admin1 == b.admin1 and a.admin1 is not None
    return False


def shares_date(first: list[DateMention], second: list[DateMention]) -> bool:
    return any(a.value == b.value for a in first for b in second)


def named(roles: list[Role]) -> set[str]:
    return {role.actor.name for role in roles if role.actor.name}
