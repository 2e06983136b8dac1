"""Assembly: from mentions (triggers, actors, places, dates, figures) to coded events.

1. Each reportable trigger becomes a draft event; the places, dates, figures and actors of its
   sentence are linked to it through the parse (``linking.py``).
2. Drafts that describe the same happening are merged: the same sub-event type, places and
   dates that agree, and the same target. A different perpetrator does not split them: it makes
   the field disputed, with the alternative and its status kept.
3. Each merged draft is coded: locations (the most specific place of each place named; ACLED
   codes one row per location, the exporter splits), the date with its precision, actor1/actor2
   with inter codes relative to the event's country, and fatalities/injured as low/best/high
   from the asserted figures only.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import open_gazetteer
from ..langdata import load_json
from ..model import (
    Actor,
    ActorMention,
    CountMention,
    DateMention,
    Event,
    EventDate,
    EventMention,
    Location,
    PlaceMention,
    Plover,
)
from ..model import Span as TextSpan
from . import figures, reporting
from .dates import date_period, time_lexicon
from .event_dates import date_from_discourse, dates_a_statement, sentences_around
from .events import CONFIDENCE_WEAK, primary_mention
from .linking import (
    clause_head,
    governing_trigger,
    in_speaker_phrase,
    nearest_trigger,
    same_clause,
    span_at,
    toll_trigger,
    trigger_tokens,
)
from .merging import Draft, merge_drafts, place_within
from .places_for_events import (
    SPECIFICITY,
    choose_locations,
    country_location,
    country_place,
    event_places,
    known_role,
)
from .report_country import is_locative, report_country
from .roles import Role, event_roles

#: modalities of an event mention that are coded as events (others: negated, future, hypothetical)
CODABLE_MODALITIES = frozenset({"asserted"})
#: ACLED inter codes of state forces (1, or 8 abroad): one side with their government
STATE_INTER = frozenset({1, 8})
#: a trigger whose sentence names a year this much before publication is background history
HISTORY_YEARS = 1
#: ACLED event types of armed violence: a state acts in them through its forces, and whoever
#: the report counts among the dead or wounded was the target
VIOLENT_EVENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
#: sub-event types fought between two armed sides: the fallen of one side are a side
TWO_SIDED_SUB_EVENTS = frozenset({"Armed clash"})
#: sub-event types fought over ground: the holder of the place assailed ("an assault on
#: government-held districts") is the other side when the parse finds none
HELD_GROUND_SUB_EVENTS = frozenset(
    {"Armed clash", "Non-state actor overtakes territory", "Government regains territory"}
)
#: inter codes of armed actors (state forces, rebels, militias, external forces)
ARMED_INTER = frozenset({1, 2, 3, 4, 8})
ATTACK, ARMED_CLASH = "Attack", "Armed clash"
#: precisions of a linked date that a day told within its period sharpens ("last week", "earlier
#: this month"); a year is too wide a period to say the day told is the same happening's
SHARPENED_PRECISIONS = frozenset({"week", "month"})
#: how many sentences before and after a week or month the day that sharpens it is looked for: the
#: telling goes on to the day at once ("... a shooting last week. Officers were called Friday"); a
#: day told further on, in a report that runs on without paragraphs, is often another happening's
SHARPENING_SENTENCES = (1, 2)
#: ACLED's inter code of civilians
CIVILIAN_INTER = 7
#: sub-event types whose striker is the owner of the aircraft the sentence names
AERIAL_SUB_EVENTS = frozenset({"Air/drone strike"})
#: dependencies of a country name that modifies a noun ("US warplanes", "the US Air Force")
MODIFIER_DEPS = frozenset({"compound", "amod"})
#: a full date (with its year) this near the start of the text is the report's date line
#: ("Tuesday 12 July 2016 Rebels launch ...", "Published August 27 2016", "AFP Monday 23 Jun 2014")
DATELINE_CHARS = 100
#: a weekday told just before the date line's date belongs to it ("Tuesday 12 July 2016")
DATELINE_GAP = 2
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def is_codable(mention: EventMention, published: dt.date | None) -> bool:
    """Asserted, about one happening, not history told as background, and not the headline of
    another story linked from the page ("Related US-Led Coalition Destroys 22 Daesh Positions")."""
    if mention.modality not in CODABLE_MODALITIES or mention.generic or in_link_list(mention):
        return False
    years_before = published.year - mention.reference_year if published and mention.reference_year else 0
    return years_before <= HISTORY_YEARS


def in_link_list(mention: EventMention) -> bool:
    """A trigger after a cue for links to other stories in its sentence."""
    before = mention.sentence.text[: max(0, mention.trigger.start - mention.sentence.start)]
    return any(re.search(rf"\b{re.escape(cue)}\b", before) for cue in _link_list_cues())


@cache
def _link_list_cues() -> tuple[str, ...]:
    return tuple(load_json("en", "events", "modality.json")["link_list_cues"])


def is_weak(mention: EventMention) -> bool:
    """A generic casualty trigger ("killed") that may only retell an event already coded."""
    return mention.confidence <= CONFIDENCE_WEAK


def assemble_events(doc: Doc) -> list[Event]:
    published = doc._.article.published if doc._.article else None
    codable = (m for m in doc._.event_mentions or [] if is_codable(m, published))
    mentions = sorted(codable, key=lambda m: m.trigger.start)
    if not mentions:
        return []
    triggers = [span_at(doc, m.trigger.start, m.trigger.end) for m in mentions]
    drafts = [Draft(mentions=[mention], weak=is_weak(mention)) for mention in mentions]
    dateline = dateline_of(doc._.dates or [])
    report_date = dateline[-1].value if dateline else published
    if report_date != published:  # every stage after this one reads the days from the date line
        doc._.dates = [rebased(date, published, report_date) for date in doc._.dates or []]
        dateline = dateline_of(doc._.dates)
    link_places(doc, drafts, triggers)
    link_dates(doc, drafts, triggers, dateline, published)
    link_figures(doc, drafts, triggers)
    link_roles(doc, drafts, triggers)
    merged = merge_drafts(doc, drafts)
    reported = [figure for draft in merged for figure in draft.figures]
    events = [
        code_event(doc, draft, f"e{number}", report_date, reported) for number, draft in enumerate(merged, 1)
    ]
    mark_main_event(merged, events, mentions)
    link_responses(doc, merged, events)
    return events


# -- linking ---------------------------------------------------------------------------------


def attach(
    doc: Doc,
    start: int,
    end: int,
    triggers: list[Span],
    trigger_sets: list[set[int]],
    *,
    clause_only: bool = False,
) -> int | None:
    """The trigger that governs the mention; else the nearest in its sentence (in its clause)."""
    token = span_at(doc, start, end).root
    index = governing_trigger(token, trigger_sets)
    if index is not None:
        return index
    index = nearest_trigger(token, triggers)
    if index is not None and clause_only and not same_clause(token, triggers[index], trigger_sets[index]):
        return None
    return index


def link_places(doc: Doc, drafts: list[Draft], triggers: list[Span]) -> None:
    """Each draft's places are those the one event-place rule gives its trigger
    (``places_for_events.event_places``, the rule ``khabar eval event-location`` measures)."""
    for draft, places in zip(drafts, event_places(doc, triggers), strict=True):
        draft.places.extend(places)


def is_actor_name(mention: PlaceMention, actor_spans: list[tuple[int, int]]) -> bool:
    """A place name used for an actor ("blamed on Damascus"): the actor stage claimed the same span."""
    return (mention.span.start, mention.span.end) in actor_spans


def link_dates(
    doc: Doc,
    drafts: list[Draft],
    triggers: list[Span],
    dateline: list[DateMention] | None = None,
    published: dt.date | None = None,
) -> None:
    """Dates go to the trigger that governs them, else the nearest; the date line dates the
    report, not the first event after it ("21 Jul 2016 Dozens of civilians have been killed")."""
    trigger_sets = [trigger_tokens(trigger) for trigger in triggers]
    dateline = dateline or []
    verbs = reporting.load_cues(doc.vocab).reporting_verbs
    for mention in doc._.dates or []:
        if any(mention is part for part in dateline) or dates_a_statement(doc, mention, verbs, trigger_sets):
            continue
        index = attach(doc, mention.span.start, mention.span.end, triggers, trigger_sets)
        if index is not None and not in_clause_below(doc, mention, triggers[index], trigger_sets[index]):
            drafts[index].dates.append(rebased(mention, published, dateline[-1].value if dateline else None))


def in_clause_below(doc: Doc, mention: DateMention, trigger: Span, tokens: set[int]) -> bool:
    """Is the date in a clause below the trigger's, which tells another happening ("the
    bombardment began after militants killed a pilot who ejected on Friday")? A date whose
    clause holds the trigger ("were killed on Sunday when rebels launched an assault") or
    governs it is the trigger's."""
    token = span_at(doc, mention.span.start, mention.span.end).root
    if governing_trigger(token, [tokens]) is not None or same_clause(token, trigger, tokens):
        return False
    head = clause_head(token)
    return not (head.i == trigger.root.i or head.is_ancestor(trigger.root))


def dateline_of(dates: list[DateMention]) -> list[DateMention]:
    """The date line's mentions: a full date near the start of the text, with a weekday just
    before it ("Tuesday 12 July 2016"); none when the text opens without one."""
    opening = [d for d in dates if d.span.start < DATELINE_CHARS]
    full = next((d for d in opening if d.precision == "day" and _YEAR.search(d.span.text)), None)
    if full is None:
        return []
    weekday = [d for d in opening if 0 <= full.span.start - d.span.end <= DATELINE_GAP]
    return [*weekday, full]


def rebased(mention: DateMention, published: dt.date | None, report_date: dt.date | None) -> DateMention:
    """A date told without a number ("on Monday", "yesterday") counts from the report's date: the
    text's date line where it gives another day than the report's metadata (a data set's date
    column can be days or months off the story it holds)."""
    if published is None or report_date is None or report_date == published:
        return mention
    if mention.precision != "day" or any(char.isdigit() for char in mention.span.text):
        return mention
    weekdays = time_lexicon().weekdays
    weekday = next((weekdays[word] for word in mention.span.text.lower().split() if word in weekdays), None)
    if weekday is None:
        value = mention.value + (report_date - published)
    else:
        value = report_date - dt.timedelta(days=(report_date.weekday() - weekday) % 7)
    return DateMention(span=mention.span, value=value, precision=mention.precision)


def link_figures(doc: Doc, drafts: list[Draft], triggers: list[Span]) -> None:
    """Figures go to the trigger that governs them, else to the event in discourse focus."""
    counts = list(doc._.counts or [])
    statuses = reporting.figure_statuses(doc, counts) if counts else []
    trigger_sets = [trigger_tokens(trigger) for trigger in triggers]
    for count, status in zip(counts, statuses, strict=True):
        root = span_at(doc, count.span.start, count.span.end).root
        index = governing_trigger(root, trigger_sets)
        if index is None:  # "the toll from the bombing reached 126": the bombing's
            index = toll_trigger(root, trigger_sets)
        if index is None:
            index = attach(doc, count.span.start, count.span.end, triggers, trigger_sets)
        if index is None:
            index = focus_before(drafts, count.span.start)
        drafts[index].figures.append((count, status))


def focus_before(drafts: list[Draft], char: int) -> int:
    """The draft last mentioned before ``char`` (or the first one, for a figure in the lead)."""
    before = [index for index, draft in enumerate(drafts) if draft.start <= char]
    return before[-1] if before else 0


def link_roles(doc: Doc, drafts: list[Draft], triggers: list[Span]) -> None:
    for draft, trigger in zip(drafts, triggers, strict=True):
        status = "unverified" if reporting.has_cue(trigger.sent, "unverified") else "asserted"
        attackers, targets = event_roles(doc, trigger, status)
        draft.attackers.extend(attackers)
        draft.targets.extend(targets)


# -- coding ------------------------------------------------------------------------------------


def code_event(
    doc: Doc,
    draft: Draft,
    event_id: str,
    published: dt.date | None,
    reported: list[tuple[CountMention, str]] | None = None,
) -> Event:
    """One merged draft as an event; ``reported`` (the report's figures) nets "shot" figures of the
    killed told with another event of the report."""
    lead = draft.mentions[0]
    violent = lead.event_type in VIOLENT_EVENT_TYPES
    attackers = [role for role in draft.attackers if not (violent and is_civilian(role.actor))]
    named_perpetrator = pick_actor(attackers) or aircraft_owner(doc, draft)
    actor2 = pick_actor(draft.targets)
    if actor2 is not None and named_perpetrator is not None and same_words(actor2, named_perpetrator):
        actor2 = None  # one phrase cannot be both sides: the parse took the attacker for its target
    actor2 = actor2 or (victims_of(doc, draft) if violent else None) or Actor(name=None)
    if named_perpetrator is None and draft.sub_event_type in TWO_SIDED_SUB_EVENTS:
        named_perpetrator = other_armed_side(doc, draft, actor2)
    if violent:
        named_perpetrator = as_armed_forces(doc, named_perpetrator)
        actor2 = as_armed_forces(doc, actor2)
    locations = locate(doc, draft, named_perpetrator or Actor(name=None), actor2)
    event_country = locations[0].country if locations else None
    actor1 = named_perpetrator or default_perpetrator(doc, draft, event_country)
    if actor2.name is None and violent and named_perpetrator is not None:
        actor2 = holder_of_ground(doc, draft, named_perpetrator) or actor2
    actor2 = civilians_where_hit(doc, actor2, event_country)
    finalise_inter(actor1, event_country)
    finalise_inter(actor2, event_country)
    return Event(
        id=event_id,
        sub_event_type=sub_event_of(doc, draft, actor1, actor2),
        date=event_date(doc, draft, published),
        locations=locations,
        actor1=actor1,
        actor2=actor2,
        fatalities=figures.count_of(draft.figures, "killed", places=len(locations)),
        injured=figures.count_of(draft.figures, "injured", article=reported, places=len(locations)),
        plover=Plover(lead.plover_event, lead.plover_mode, list(lead.plover_context))
        if lead.plover_event
        else None,
        evidence=list(dict.fromkeys(mention.sentence for mention in draft.mentions)),
    )


def locate(doc: Doc, draft: Draft, perpetrator: Actor, target: Actor) -> list[Location]:
    """The event's locations, those in the report's country first (its country is theirs).

    A foreign country told only as a landmark ("near the border with Turkey") or outside a
    place phrase ("condemnation from the United States") says where the event is not, or
    nothing about it: the event is put in the report's country, as when no place is named.
    """
    places = [mention for mention in places_of_happening(doc, draft) if not is_foreign_aside(doc, mention)]
    if any(mention.place.feature != "country" for mention in places):
        places = [mention for mention in places if not is_country_modifier(doc, mention)]
    if all(mention.place.feature == "country" for mention in places):
        places += place_from_discourse(doc, draft, {mention.place.country for mention in places})
    locations = choose_locations(places, doc) or [country_location(doc, target, perpetrator)]
    home = report_country(doc)
    located = [location for location in locations if location is not None]
    return sorted(located, key=lambda location: location.country != home)


def place_from_discourse(doc: Doc, draft: Draft, countries: set[str | None]) -> list[PlaceMention]:
    """Where the report is at the event's first mention, for an event told with no place below
    a country: the first place one of its sentences names (though linked to no trigger: "air
    strikes and shelling struck Jayrud"), else a landmark of one, else the last place named
    before it ("On Sunday at least 29 opposition fighters were killed" in a report on Aleppo).
    Only places where something may happen (no origin, landmark, dateline or descriptor, no
    speaker's or actor's name) in the event's country count, though the place people are told
    to belong to does ("residents of Deir Ezzor caught in the fighting": where the report is);
    the dateline only when no other place is named before the event."""
    home = {country for country in countries if country} or {report_country(doc)}
    verbs = reporting.load_cues(doc.vocab).reporting_verbs
    actor_spans = [(a.span.start, a.span.end) for a in doc._.actors or []]
    candidates = [
        mention
        for mention in doc._.places or []
        if mention.place.feature != "country"
        and mention.place.country in home
        and known_role(doc, mention) in (None, "belonging")
        and not is_actor_name(mention, actor_spans)
        and not in_speaker_phrase(span_at(doc, mention.span.start, mention.span.end).root, verbs)
    ]
    sentences = list(dict.fromkeys(mention.sentence for mention in draft.mentions))
    for sentence in sentences:  # the event's own sentences, in the order it is told
        told = [mention for mention in candidates if sentence.start <= mention.span.start < sentence.end]
        if told:
            return told[:1]
    for sentence in sentences:
        if landmarks := landmarks_told(doc, sentence, home):
            return landmarks[:1]
    before = [mention for mention in candidates if mention.span.end <= sentences[0].start]
    if not before:
        # the place the report was filed from, when it is in the event's country and the
        # report names no other place before the event
        return datelines_in(doc, home)[:1]
    # the sentence the report was last in: its most specific place ("the city of Manbij in the
    # governorate of Aleppo" is in Manbij)
    last = span_at(doc, before[-1].span.start, before[-1].span.end).root.sent
    told = [mention for mention in before if last.start_char <= mention.span.start]
    return [min(told, key=lambda mention: SPECIFICITY.get(mention.place.feature, 0))]


def datelines_in(doc: Doc, home: set[str | None]) -> list[PlaceMention]:
    return [
        mention
        for mention in doc._.places or []
        if mention.place.feature != "country"
        and mention.place.country in home
        and known_role(doc, mention) == "dateline"
    ]


def landmarks_told(doc: Doc, sentence: TextSpan, home: set[str | None]) -> list[PlaceMention]:
    """The landmarks of a sentence ("in the town of Dumeir east of Damascus", the town unknown
    to the gazetteer): the nearest place it names, nearer than one told sentences before."""
    return [
        mention
        for mention in doc._.places or []
        if sentence.start <= mention.span.start < sentence.end
        and mention.place.feature != "country"
        and mention.place.country in home
        and known_role(doc, mention) == "landmark"
    ]


def is_country_modifier(doc: Doc, mention: PlaceMention) -> bool:
    """A country named outside a place phrase ("US warplanes bombed Manbij", "the US Air Force"):
    beside a town it tells whose, not where."""
    if mention.place.feature != "country":
        return False
    root = span_at(doc, mention.span.start, mention.span.end).root
    return root.dep_ in MODIFIER_DEPS or not is_locative(root)


def is_foreign_aside(doc: Doc, mention: PlaceMention) -> bool:
    """A country other than the report's, named to locate something else ("the border with
    Turkey") or not as a place where something happens ("a deal with Russia")."""
    if mention.place.feature != "country" or mention.place.country == report_country(doc):
        return False
    if known_role(doc, mention) == "landmark":
        return True
    token = span_at(doc, mention.span.start, mention.span.end).root
    return not is_locative(token)


def places_of_happening(doc: Doc, draft: Draft) -> list[PlaceMention]:
    """The places told with the mention that names the most specific place (the first of
    equals), and the draft's other places that lie in them. A mention that names only the
    place its people belong to ("Many residents of Fuaa lost their lives") comes after one
    that tells where it happened ("hit their buses at a transit point west of Aleppo").

    A retelling may add a detail ("in Idlib"), but a place elsewhere belongs to something else
    the sentence says (the hospitals in Hatay treating the wounded); and where one mention
    names towns and another only their province, ACLED codes the towns.
    """
    if not draft.places:
        return []
    sentences = list(dict.fromkeys(m.sentence for m in draft.mentions))
    told_in = [[m for m in draft.places if s.start <= m.span.start < s.end] for s in sentences]
    told = min(
        (places for places in told_in if places),
        key=lambda places: (
            all(known_role(doc, m) == "belonging" for m in places),
            min(SPECIFICITY.get(m.place.feature, 0) for m in places),
        ),
    )
    later = [
        m
        for m in draft.places
        if m not in told and any(place_within(m, t) or in_province_named_by(m, t) for t in told)
    ]
    return told + later


def in_province_named_by(inner: PlaceMention, town: PlaceMention) -> bool:
    """'destroyed gatherings in the countryside of Hama and Idleb', then 'in the villages of Abdin
    and Kafr Ain': a town named as its province is ('Idleb' is Idlib and Idlib province) holds
    the villages of that province a round-up lists after it."""
    outer = town.place
    if outer.feature != "town" or inner.place.feature != "town" or outer.admin1 is None:
        return False
    if inner.place.country != outer.country or inner.place.admin1 != outer.admin1:
        return False
    gazetteer = open_gazetteer()
    return any(
        candidate.place.feature == "admin1"
        and candidate.place.country == outer.country
        and candidate.place.admin1 == outer.admin1
        for name in (town.span.text, outer.name)
        for candidate in gazetteer.candidates(name)
    )


def event_date(doc: Doc, draft: Draft, published: dt.date | None) -> EventDate:
    """The day linked to the event; else the day the report is on where it first tells the event.
    A week or month linked to it ("a shooting last week") is sharpened so to a day within it told
    a sentence before it or two after ("Officers were called at 1 a.m. Friday")."""
    linked = best_date(draft.dates)
    if linked is not None and linked.precision not in SHARPENED_PRECISIONS:  # a day, or a year
        return code_date([linked], published)
    first = min(mention.trigger.start for mention in draft.mentions)
    dateline = dateline_of(doc._.dates or [])
    if linked is None:
        return date_from_discourse(doc, first, published, skip=dateline) or code_date([], published)
    near = sentences_around(doc, linked.span.start, *SHARPENING_SENTENCES)
    told = date_from_discourse(doc, first, published, skip=dateline, within=date_period(linked), near=near)
    return told or code_date([linked], published)


def best_date(dates: list[DateMention]) -> DateMention | None:
    """The most precise date, the first told among equals."""
    order = {"day": 0, "week": 1, "month": 2, "year": 3}
    return min(dates, key=lambda mention: (order[mention.precision], mention.span.start), default=None)


def code_date(dates: list[DateMention], published: dt.date | None) -> EventDate:
    """The most precise date linked to the event; else the publication date at week precision."""
    best = best_date(dates)
    if best is not None:
        return EventDate(best.value, best.precision, [best.span])
    return EventDate(published, "week", [])


def pick_actor(roles: list[Role]) -> Actor | None:
    """The first asserted actor of a role; others become disputed alternatives with their status."""
    named = [role for role in roles if role.actor.name]
    if not named:
        return None
    named.sort(key=lambda role: (role.status != "asserted", role.span.start))
    primary = named[0]
    actor = Actor(
        name=primary.actor.name,
        country=primary.actor.country,
        inter=primary.actor.inter,
        sector=primary.actor.sector,
        evidence=[role.span for role in named if role.actor.name == primary.actor.name],
    )
    seen = {side_of(primary.actor)}
    for role in named[1:]:
        if side_of(role.actor) in seen:
            continue
        seen.add(side_of(role.actor))
        actor.disputed = True
        actor.alternatives.append(
            {
                "name": role.actor.name,
                "country": role.actor.country,
                "inter": role.actor.inter,
                "status": role.status,
                "evidence": role.span.to_dict(),
            }
        )
    return actor


def is_civilian(actor: Actor) -> bool:
    """Civilians (ACLED inter 7) are never the perpetrators of armed violence: a headline's
    '20 Civilians Killed Scores Injured in Terrorist Attacks', parsed with the dead as the
    subject of an active 'killed', names the victims, not the attackers."""
    return actor.inter == CIVILIAN_INTER


def aircraft_owner(doc: Doc, draft: Draft) -> Actor | None:
    """The striker of an air strike with no attacker found: a state's aircraft named in the
    strike's sentence ('Ten civilians were killed when Russian warplanes struck a town'); else,
    when the report names the aircraft of one state only, that state ('Regime aircraft were
    believed responsible' told a sentence later)."""
    if draft.sub_event_type not in AERIAL_SUB_EVENTS:
        return None
    aircraft = state_aircraft(doc)
    sentences = [mention.sentence for mention in draft.mentions]
    for mention in aircraft:
        if any(s.start <= mention.span.start < s.end for s in sentences):
            return _copy_actor(mention.actor, mention.span)
    owners = {mention.actor.name for mention in aircraft}
    if len(owners) == 1:
        return _copy_actor(aircraft[0].actor, aircraft[0].span)
    return None


def state_aircraft(doc: Doc) -> list[ActorMention]:
    """The report's mentions of a state's aircraft that name the state ('Russian jets', 'the
    Syrian air force', 'regime warplanes'; not a bare 'air forces', whose state is a guess)."""
    words = _aircraft_words()
    found = []
    for mention in doc._.actors or []:
        if mention.actor.inter not in STATE_INTER or not mention.actor.name:
            continue
        if any(word in words for word in mention.span.text.lower().split()) and _names_a_state(
            doc, mention, words
        ):
            found.append(mention)
    return found


def _names_a_state(doc: Doc, mention: ActorMention, aircraft: frozenset[str]) -> bool:
    """The mention holds a country, capital or seat of power, or a state's agent word outside
    the aircraft's own name ('regime' of 'regime warplanes'; not 'forces' of 'air forces')."""
    from .actors import matches_within

    span = span_at(doc, mention.span.start, mention.span.end)
    matches = matches_within(doc, span.start, span.end)
    if any(match.kind in ("country", "capital", "metonym") for match in matches):
        return True
    agents = [match for match in matches if match.kind == "agent" and match.key != "asset"]
    craft = [m for m in agents if {token.lower_ for token in doc[m.start : m.end]} & aircraft]
    return any(
        not any(c.start <= m.start and m.end <= c.end for c in craft) for m in agents if m not in craft
    )


def victims_of(doc: Doc, draft: Draft) -> Actor | None:
    """ACLED's target of violence with none found by the parse: those the report counts among
    its dead or wounded ('killing ten civilians' -> Civilians (Syria), '20 IS militants')."""
    try:
        from .actors import resolve_actor
    except ImportError:  # no actor dictionary
        return None
    figures = sorted(draft.figures, key=lambda item: (item[1] != "asserted", item[0].kind != "killed"))
    for count, _status in figures:
        if count.victims is None or count.kind not in ("killed", "injured"):
            continue
        span = span_at(doc, count.victims.start, count.victims.end)
        for words in (span, members_of(span)):
            actor = resolve_actor(words, doc, bare_country=None) if words is not None else None
            if actor is not None and actor.name:
                return _copy_actor(actor, count.victims)
    return None


def sub_event_of(doc: Doc, draft: Draft, actor1: Actor, actor2: Actor) -> str:
    """ACLED's Attack is violence against civilians: armed men killing armed men ("army units
    ... killing many terrorists", "gunmen killed four soldiers") fought an armed clash, unless
    the armed were killed defenceless ("executed three rebel officers")."""
    armed = actor1.inter in ARMED_INTER and actor2.inter in ARMED_INTER
    if draft.sub_event_type != ATTACK or not armed or _kills_the_defenceless(doc, draft):
        return draft.sub_event_type
    return ARMED_CLASH


def _kills_the_defenceless(doc: Doc, draft: Draft) -> bool:
    words = _defenceless_killing_words()
    for mention in draft.mentions:
        trigger = span_at(doc, mention.trigger.start, mention.trigger.end)
        if any(token.lemma_.lower() in words or token.lower_ in words for token in trigger):
            return True
    return False


@cache
def _defenceless_killing_words() -> frozenset[str]:
    return frozenset(load_json("en", "events", "armed_targets.json")["defenceless_killing"])


def civilians_where_hit(doc: Doc, actor: Actor, event_country: str | None) -> Actor:
    """Civilians the report gives no nationality are those of the country where they were hit
    ("wounding two people" in Sderot, in a report filed from Gaza): ACLED brackets civilians
    by their nationality when told, else by the event's country."""
    if actor.inter != CIVILIAN_INTER or not event_country or actor.country in (None, event_country):
        return actor
    if not actor.evidence:
        return actor
    try:
        from .actors import resolve_actor
    except ImportError:  # no actor dictionary
        return actor
    span = span_at(doc, actor.evidence[0].start, actor.evidence[0].end)
    again = resolve_actor(span, doc, bare_country=None, home=event_country)
    if again is None or again.name is None or again.country != event_country:
        return actor
    return _copy_actor(again, actor.evidence[0])


def other_armed_side(doc: Doc, draft: Draft, known: Actor) -> Actor | None:
    """In a clash, armed dead of a side other than the one known are the other side
    ('ten Syrian soldiers were killed in clashes with IS' -> the Syrian military and IS)."""
    fallen = victims_of(doc, draft)
    if fallen is None or fallen.inter not in ARMED_INTER:
        return None
    if known.name and side_of(fallen) == side_of(known):
        return None
    return fallen


def holder_of_ground(doc: Doc, draft: Draft, attacker: Actor) -> Actor | None:
    """In a fight over ground with no other side found, the side holding the place assailed
    ('rebels launched an assault on government-held districts' -> the Syrian military), when
    the event's sentence names one armed holder, of a side other than the attacker's. Only
    with a named attacker: beside an unnamed one the holder may be the attacker's own side
    ('rebels staged an assault to break the siege of the rebel-held east')."""
    if draft.sub_event_type not in HELD_GROUND_SUB_EVENTS:
        return None
    try:
        from .actors import place_holders
    except ImportError:  # no actor dictionary
        return None
    sentences = {(m.sentence.start, m.sentence.end) for m in draft.mentions}
    found: dict[str, Actor] = {}
    for start, end in sorted(sentences):
        span = doc.char_span(start, end, alignment_mode="expand")
        for holder in place_holders(doc, span.start, span.end) if span is not None else []:
            holder = as_armed_forces(doc, holder) or holder
            if holder.inter in ARMED_INTER:  # 'activist-run' names no side holding ground
                found.setdefault(side_of(holder), holder)
    others = [holder for side, holder in found.items() if side != side_of(attacker)]
    return others[0] if len(found) == 1 and others else None


def members_of(span: Span) -> Span | None:
    """Whose members were counted: 'IS' of '20 members of IS' (the head noun names no actor)."""
    for child in span.root.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [token for token in child.children if token.dep_ == "pobj"]
            if objects:
                return span.doc[objects[0].left_edge.i : objects[0].right_edge.i + 1]
    return None


def same_words(first: Actor, second: Actor) -> bool:
    """Two actors resolved from overlapping words of the report."""
    return any(a.start < b.end and b.start < a.end for a in first.evidence for b in second.evidence)


def as_armed_forces(doc: Doc, actor: Actor | None) -> Actor | None:
    """In armed violence a state acts through its forces: 'the regime', 'Damascus' or 'the Syrian
    government' bombing a town is coded as its military, as an ACLED coder codes it."""
    if actor is None or actor.sector != "GOV" or actor.inter not in STATE_INTER or not actor.country:
        return actor
    try:
        from .actors import actor_dictionary
    except ImportError:  # no actor dictionary: keep the actor as resolved
        return actor
    forces = actor_dictionary(doc.vocab).actor("military", actor.country)
    actor.name, actor.sector = forces.name, forces.sector
    return actor


def _copy_actor(actor: Actor, span: TextSpan) -> Actor:
    return Actor(
        name=actor.name, country=actor.country, inter=actor.inter, sector=actor.sector, evidence=[span]
    )


def _aircraft_words() -> frozenset[str]:
    try:
        from .actors import aircraft_words
    except ImportError:
        return frozenset()
    return aircraft_words()


def side_of(actor: Actor) -> str:
    """A state's government and forces are one side ("blamed on Damascus" = the Syrian military)."""
    if actor.country and actor.inter in STATE_INTER:
        return f"state:{actor.country}"
    return actor.name or ""


def default_perpetrator(doc: Doc, draft: Draft, event_country: str | None) -> Actor:
    """ACLED's convention for an unnamed perpetrator of violence: an unidentified armed group
    of the event's country (of the report's, when the event has none)."""
    if draft.mentions[0].event_type in {"Protests", "Riots", "Strategic developments"}:
        return Actor(name=None)
    country = event_country or report_country(doc)
    label = f"Unidentified Armed Group ({country_name(country)})" if country else "Unidentified Armed Group"
    return Actor(name=label, country=country, inter=3)


def country_name(iso3: str | None) -> str:
    """The country's English short name as the gazetteer has it ("Turkey", "Syria")."""
    place = country_place(iso3)
    return place.name if place else (iso3 or "")


def finalise_inter(actor: Actor, event_country: str | None) -> None:
    """State forces acting outside their own country are external forces (ACLED inter 8)."""
    if actor.name is None or actor.inter is None:
        return
    try:
        from .actors import inter_for
    except ImportError:  # no actor dictionary: keep the inter codes as resolved
        return

    actor.inter = inter_for(actor, event_country)
    for alternative in actor.alternatives:
        if alternative.get("inter") is not None:
            alternative["inter"] = inter_for(Actor.from_dict(alternative), event_country)


def mark_main_event(drafts: list[Draft], events: list[Event], mentions: list[EventMention]) -> None:
    """The event holding the report's main mention (see ``events.primary_mention``) is its main one."""
    lead = primary_mention(mentions)
    for draft, event in zip(drafts, events, strict=True):
        if lead is not None and any(mention is lead for mention in draft.mentions):
            event.main = True
            return
    if events:
        events[0].main = True


def link_responses(doc: Doc, drafts: list[Draft], events: list[Event]) -> None:
    """'X fired missiles ... in response to an airstrike': the first event answers the second."""
    owner = {id(mention): index for index, draft in enumerate(drafts) for mention in draft.mentions}
    for index, draft in enumerate(drafts):
        for mention in draft.mentions:
            sentence = span_at(doc, mention.sentence.start, mention.sentence.end)
            if not reporting.has_cue(sentence, "response"):
                continue
            for other in sentence_mentions(drafts, mention.sentence):
                target = owner[id(other)]
                if target != index and other.trigger.start > mention.trigger.start:
                    events[index].relation = {"in_response_to": events[target].id}


def sentence_mentions(drafts: list[Draft], sentence: object) -> list[EventMention]:
    return [m for draft in drafts for m in draft.mentions if m.sentence == sentence]


class EventAssembler:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = assemble_events(doc)
        return doc
