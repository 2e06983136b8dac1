"""Claims: speakers, relay chains, statuses, revisions and contradictions (``khabar_claims``)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from report_helpers import claim_at, ledger_of_report
from spacy.language import Language

from khabar.model import ArticleLedger


def run(nlp: Language, text: str, published: str = "2020-02-28") -> ArticleLedger:
    return ledger_of_report(nlp, text, dt.date.fromisoformat(published))


def test_pipeline_declares_claims(nlp: Language) -> None:
    assert "khabar_claims" in nlp.pipe_names
    assert nlp.pipe_names.index("khabar_claims") > nlp.pipe_names.index("khabar_assemble")
    assert not nlp.analyze_pipes()["problems"]["khabar_claims"]


def test_relay_and_anonymous_source(nlp: Language) -> None:
    text = "Twelve civilians were killed in the shelling of the market, Reuters reported, citing an official."
    ledger = run(nlp, text)
    claim = claim_at(ledger, text, "Twelve civilians were killed", "killed")
    assert claim.speaker == "an official"
    assert claim.via == ["Reuters"]
    assert claim.value == 12
    assert claim.status == "unverified"


def test_speaker_resolution_across_sentences(nlp: Language) -> None:
    text = (
        "Interior Minister Rahim Zaki said the army had retaken the town of Kafr Awid. "
        "Zaki stressed that the operation was over. "
        "He said that 14 militants were killed in the fighting."
    )
    ledger = run(nlp, text)
    assert claim_at(ledger, text, "the operation was over").speaker == "Rahim Zaki"
    figure = claim_at(ledger, text, "14 militants were killed", "killed")
    assert figure.speaker == "Rahim Zaki"
    assert figure.role == "Interior Minister"


def test_hedged_and_outlet_figures(nlp: Language) -> None:
    text = (
        "At least 20 people were killed in an airstrike on the town on Monday. "
        "Activists said 40 fighters had been killed, a figure that could not be independently verified."
    )
    ledger = run(nlp, text)
    outlet = claim_at(ledger, text, "At least 20 people", "killed")
    assert (outlet.speaker, outlet.status, outlet.qualifier) == ("the outlet", "asserted", "at least")
    hedged = claim_at(ledger, text, "40 fighters had been killed", "killed")
    assert (hedged.speaker, hedged.status) == ("Activists", "unverified")


def test_revision_supersedes_the_earlier_figure(nlp: Language) -> None:
    text = (
        "Governor Ali Demir initially said that five soldiers had been killed in the attack. "
        "Minutes later the death toll was revised to 12, the Anadolu Agency reported, citing the governor."
    )
    ledger = run(nlp, text)
    old = claim_at(ledger, text, "five soldiers had been killed", "killed")
    new = claim_at(ledger, text, "revised to 12", "killed")
    assert old.speaker == new.speaker == "Ali Demir"
    assert new.via == ["Anadolu Agency"]
    assert (old.status, old.superseded_by, new.revises) == ("superseded", new.id, old.id)
    assert [(r.field, r.before, r.after, r.by) for r in ledger.revisions] == [("killed", 5, 12, "Ali Demir")]


def test_figures_of_different_sources_contradict_without_changing_status(nlp: Language) -> None:
    text = (
        "The Syrian Observatory for Human Rights said 25 soldiers were killed in the ambush near Hama. "
        "The defence ministry said that eight soldiers were killed in the ambush."
    )
    ledger = run(nlp, text)
    first = claim_at(ledger, text, "25 soldiers were killed", "killed")
    second = claim_at(ledger, text, "eight soldiers were killed", "killed")
    assert first.status == second.status == "asserted"
    killed = [c for c in ledger.contradictions if c.field == "killed"]
    assert killed and set(killed[0].values) == {25, 8}
    assert {first.id, second.id} <= set(killed[0].claims)


def test_an_earlier_toll_told_after_the_new_one_is_superseded(nlp: Language) -> None:
    text = (
        "Rebels shelled a rally in Daraa, killing at least 21 people, a monitoring group said. "
        "It had initially given a death toll of 22."
    )
    ledger = run(nlp, text)
    assert claim_at(ledger, text, "toll of 22", "killed").status == "superseded"
    assert [(r.before, r.after) for r in ledger.revisions] == [(22, 21)]


def test_a_known_source_before_a_trailing_cue_speaks_without_commas(nlp: Language) -> None:
    text = (
        "The mortar fire hit a tent in the city of Daraa on Thursday and also wounded at least 30 "
        "people the Syrian Observatory for Human Rights said."
    )
    claim = claim_at(run(nlp, text), text, "wounded at least 30", "injured")
    assert claim.speaker == "Syrian Observatory for Human Rights"


def test_a_described_monitor_is_the_one_the_report_names(nlp: Language) -> None:
    text = (
        "At least 12 civilians were killed in air strikes on Ariha, a monitoring group said. "
        "The Syrian Observatory for Human Rights said the strikes hit a market."
    )
    claim = claim_at(run(nlp, text), text, "At least 12 civilians were killed", "killed")
    assert claim.speaker == "Syrian Observatory for Human Rights"


def test_earlier_in_the_week_is_no_earlier_toll(nlp: Language) -> None:
    text = (
        "A car bomb killed four people in Jableh on Sunday, the Syrian Observatory for Human Rights said. "
        "The Observatory reported that troops had executed 48 people earlier this week in a village."
    )
    assert not run(nlp, text).revisions


def test_lower_bounds_from_two_sources_contradict(nlp: Language) -> None:
    text = (
        "At least seven people were killed when a blast ripped through a bus, a monitoring group said. "
        "State media said at least four people had been killed."
    )
    killed = [c for c in run(nlp, text).contradictions if c.field == "killed"]
    assert killed and killed[0].values == [7, 4]


def test_quoted_as_saying_names_the_source_and_the_relay(nlp: Language) -> None:
    text = "SANA quoted a police source as saying that a suicide bomber carried out the attack in Hasaka."
    claim = claim_at(run(nlp, text), text, "a suicide bomber carried out")
    assert claim.speaker == "a police source" and claim.via == ["Syrian Arab News Agency"]
    assert claim.status == "unverified"


def test_parts_of_one_tally_do_not_contradict(nlp: Language) -> None:
    text = "Ten civilians were killed on the bus and 21 others died in strikes on the city, rescuers said."
    assert not run(nlp, text).contradictions


STRIKE = (
    "An air strike killed 12 civilians in the town of Saraqeb in Idlib province on Tuesday, "
    "the Syrian Observatory for Human Rights said. "
)


def test_sources_putting_the_strike_in_distant_towns_contradict_on_place(nlp: Language) -> None:
    text = STRIKE + "The state news agency SANA said the air strike hit the town of Jableh in Latakia."
    ledger = run(nlp, text, published="2021-03-10")
    place = [c for c in ledger.contradictions if c.field == "place"]
    assert place and place[0].values == ["Saraqib", "Jablah"]
    sana = claim_at(ledger, text, "hit the town of Jableh")
    assert sana.speaker == "Syrian Arab News Agency" and sana.status == "asserted"
    assert sana.id in place[0].claims and claim_at(ledger, text, "killed 12", "killed").id in place[0].claims


@pytest.mark.parametrize(
    "second",
    [
        "The state news agency SANA said the strike hit the outskirts of Saraqeb.",  # the same town
        "The state news agency SANA said the strike hit Idlib province.",  # the town lies inside it
        "Another air strike hit the town of Jableh, the state news agency SANA said.",  # another event
        "The Observatory said the strike also hit Jableh.",  # one source, not two
    ],
)
def test_places_that_agree_or_belong_to_other_events_do_not_contradict(nlp: Language, second: str) -> None:
    ledger = run(nlp, STRIKE + second, published="2021-03-10")
    assert not [c for c in ledger.contradictions if c.field == "place"]


def test_sources_giving_different_days_contradict_on_date(nlp: Language) -> None:
    text = STRIKE + "The state news agency SANA said the strike took place on Sunday."
    ledger = run(nlp, text, published="2021-03-10")
    date = [c for c in ledger.contradictions if c.field == "date"]
    assert date and date[0].values == ["2021-03-09", "2021-03-07"]
    assert claim_at(ledger, text, "took place on Sunday").id in date[0].claims


@pytest.mark.parametrize(
    "text",
    [
        # one night on either side of midnight
        "An air strike killed 12 civilians in Saraqeb late on Tuesday, the Syrian Observatory for "
        "Human Rights said. The state news agency SANA said the strike took place early on Wednesday.",
        # the days the words were said are not the day of the strike
        "An air strike killed 12 civilians in Saraqeb on Tuesday, the Syrian Observatory for Human "
        "Rights said on Wednesday. The state news agency SANA said on Thursday that the strike killed 12.",
        # a month holds its days
        "An air strike killed 12 civilians in Saraqeb on Tuesday, the Syrian Observatory for Human "
        "Rights said. The state news agency SANA said the strike took place in March.",
    ],
)
def test_dates_within_their_precision_do_not_contradict(nlp: Language, text: str) -> None:
    ledger = run(nlp, text, published="2021-03-10")
    assert not [c for c in ledger.contradictions if c.field == "date"]


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        ("The monitor said an air strike hit the market in Douma.", "an air strike hit", "event"),
        ("Activists said there had been at least 29 raids by warplanes on Zabadani.", "29 raids", "event"),
        ("The monitor said fierce clashes were underway around the camp.", "clashes were underway", "event"),
        ("The monitor said a child was among the dead in the shelling.", "a child was among", "statement"),
        ("The monitor said the toll from the bombing could rise further.", "could rise", "statement"),
        (
            "Putin said that in Aleppo the militants are trying to take over Kurdish positions.",
            "are trying",
            "statement",
        ),
    ],
)
def test_an_event_claim_says_that_something_happened(
    nlp: Language, text: str, phrase: str, kind: str
) -> None:
    assert claim_at(run(nlp, text), text, phrase).kind == kind


def test_claiming_responsibility_names_the_speaker_as_perpetrator(nlp: Language) -> None:
    text = "The Islamic State group claimed responsibility for the car bombing in Azaz that killed 20 people."
    claim = claim_at(run(nlp, text), text, "responsibility for the car bombing")
    assert claim.kind == "perpetrator" and claim.status == "asserted"
    assert "Islamic State" in str(claim.value)


def test_the_agent_of_an_attack_is_a_perpetrator_claim(nlp: Language) -> None:
    text = (
        "Twenty civilians were killed in a car bomb attack carried out by Isis in Deir Ezzor, activists said."
    )
    claim = claim_at(run(nlp, text), text, "Isis", "perpetrator")
    assert claim.value == "Islamic State (Syria)" and claim.speaker == "activists"


def test_a_source_s_belief_is_unverified(nlp: Language) -> None:
    text = "The commander believes the bombing in Azaz was carried out by a rival faction."
    assert claim_at(run(nlp, text), text, "the bombing in Azaz").status == "unverified"


def test_accusation_is_unverified_and_denial_marks_it_denied(nlp: Language) -> None:
    text = (
        "The opposition council accused government forces of shelling the market in Douma. "
        "The government denied the accusation on Tuesday."
    )
    ledger = run(nlp, text)
    accusation = claim_at(ledger, text, "shelling the market")
    assert accusation.kind == "accusation"
    assert accusation.status == "denied"
    denial = claim_at(ledger, text, "the accusation", "denial")
    assert denial.status == "asserted"


def test_later_confirmation_by_another_party(nlp: Language) -> None:
    text = (
        "Local activists said 12 people were killed in the shelling of Douma. "
        "The health ministry later confirmed that 12 people were killed in the shelling."
    )
    ledger = run(nlp, text)
    assert claim_at(ledger, text, "12 people were killed in the shelling of", "killed").status == "confirmed"


def test_pronoun_points_to_the_last_person_named(nlp: Language) -> None:
    text = "The talks were led by envoy Samir Haddad. “We are close to a deal,” he said on Monday."
    ledger = run(nlp, text)
    assert claim_at(ledger, text, "We are close to a deal").speaker == "Samir Haddad"


def test_comment_on_previous_sentence(nlp: Language) -> None:
    text = (
        "Posts on social media claimed that dozens of soldiers were killed. None of this has been confirmed."
    )
    ledger = run(nlp, text)
    claim = claim_at(ledger, text, "dozens of soldiers were killed", "killed")
    assert claim.speaker == "social media"
    assert claim.status == "unverified"
    assert not any(c.kind == "statement" and c.speaker == "None" for c in ledger.claims)


# -- the seed report -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(nlp: Language, shared_data: Path) -> tuple[str, ArticleLedger, dict]:  # type: ignore[type-arg]
    text = (shared_data / "seed" / "idlib-2020-02-27.txt").read_text(encoding="utf-8")
    gold = json.loads((shared_data / "seed" / "idlib-2020-02-27.gold.json").read_text(encoding="utf-8"))
    return text, run(nlp, text), gold


def test_seed_must_claims(seed) -> None:  # type: ignore[no-untyped-def]
    text, ledger, gold = seed
    for item in (c for c in gold["claims"] if c["level"] == "must"):
        start = text.index(item["evidence"])
        end = start + len(item["evidence"])
        found = [
            c
            for c in ledger.claims
            if any(e.start < end and start < e.end for e in c.evidence)
            and _speaker_like(item["speaker"], c.speaker)
        ]
        assert found, f"{item['id']} not found"
        if item.get("speaker_actor"):
            assert any(c.speaker_actor == item["speaker_actor"] for c in found), item["id"]
        assert any(c.status == item["status"] for c in found), (item["id"], [c.status for c in found])


def _speaker_like(gold: str, predicted: str | None) -> bool:
    if gold == "the outlet":
        return predicted == "the outlet"
    return bool(set(gold.lower().split()) & set((predicted or "").lower().split()))


def test_seed_relay_revision_and_contradictions(seed) -> None:  # type: ignore[no-untyped-def]
    text, ledger, _gold = seed
    nine = claim_at(ledger, text, "nine soldiers had been killed", "killed")
    revised = claim_at(ledger, text, "revised to 33", "killed")
    assert revised.speaker == "Rahmi Dogan" and revised.via == ["Anadolu Agency"]
    assert nine.status == "superseded" and nine.superseded_by == revised.id and revised.revises == nine.id
    assert [(r.before, r.after, r.by) for r in ledger.revisions] == [(9, 33, "Rahmi Dogan")]
    fields = {c.field: c for c in ledger.contradictions}
    assert set(fields["killed"].values) == {33, 34}
    assert set(fields["perpetrator"].values) == {"Military Forces of Syria", "Military Forces of Russia"}
    governor = claim_at(ledger, text, "regime elements", "perpetrator")
    assert governor.role == "Hatay province Governor" and governor.via == ["media"]
    strike = next(e for e in ledger.events if e.id == fields["killed"].about)
    assert revised.id in strike.fatalities.claims and strike.fatalities.disputed
    assert governor.id in strike.actor1.claims


def test_pronoun_revising_a_named_source_supersedes_its_figure(nlp: Language) -> None:
    text = (
        "A rocket hit a bus station in the town of Saraqib in Idlib province on Tuesday. "
        "Mahmoud Saleh, the town's mayor, told reporters that four people had been killed. "
        "An hour later he raised the toll to 9."
    )
    ledger = run(nlp, text, published="2021-06-02")
    assert [(r.before, r.after, r.by) for r in ledger.revisions] == [(4, 9, "Mahmoud Saleh")]
    event = ledger.events[0]
    assert (event.fatalities.low, event.fatalities.high) == (9, 9)


def test_denied_figure_gives_no_range(nlp: Language) -> None:
    text = (
        "On Monday, fighting broke out between the army and a rebel group near the town of Saraqib. "
        'The rebel group said in a statement that it had killed "dozens" of soldiers, a figure '
        "that could not be confirmed. An army officer denied that any soldiers had died."
    )
    ledger = run(nlp, text, published="2021-06-02")
    denied = [claim for claim in ledger.claims if claim.kind == "killed"]
    assert denied and all(claim.status == "denied" for claim in denied)
    assert all(event.fatalities.low is None for event in ledger.events)


def test_a_perpetrator_named_against_the_coded_one_is_its_alternative(nlp: Language) -> None:
    text = (
        "An air strike hit a hospital in the town of Saraqib in Idlib province on Monday, killing "
        "five people, the director said. He blamed government aircraft for the attack. "
        "Posts on social media attributed the strike to Russian warplanes."
    )
    ledger = run(nlp, text, published="2021-06-02")
    actor = ledger.events[0].actor1
    assert actor.name == "Military Forces of Syria" and actor.disputed
    alternative = next(a for a in actor.alternatives if a["name"] == "Military Forces of Russia")
    assert alternative["inter"] == 8 and alternative["status"] == "unverified" and alternative["claims"]


def test_a_role_named_in_apposition_is_no_anonymous_source(nlp: Language) -> None:
    text = (
        "Government forces shelled the village of Kansafra in Idlib province on Wednesday. "
        "Its spokesman, Omar Haddad, said two people were killed in Kansafra."
    )
    ledger = run(nlp, text, published="2021-06-03")
    killed = [claim for claim in ledger.claims if claim.kind == "killed"]
    assert killed and all(claim.status == "asserted" for claim in killed)


def test_a_toll_written_in_words_is_a_revision(nlp: Language) -> None:
    text = (
        "A rocket hit a bus station in the town of Saraqib in Idlib province on Tuesday. "
        "Mahmoud Saleh, the town's mayor, told reporters that four people had been killed. "
        "An hour later he raised the toll to nine."
    )
    ledger = run(nlp, text, published="2021-06-02")
    assert [(r.before, r.after, r.by) for r in ledger.revisions] == [(4, 9, "Mahmoud Saleh")]


def test_a_source_that_puts_the_number_of_dead_at_a_figure_claims_it(nlp: Language) -> None:
    text = (
        "A car bomb exploded in the town of Azaz on Friday. The Azaz Medical Network, a group that "
        "documents abuses, put the number of dead at 15. The Kurdish Watch Group counted 17 dead."
    )
    ledger = run(nlp, text, published="2021-06-02")
    fifteen = claim_at(ledger, text, "at 15", "killed")
    assert fifteen.value == 15 and fifteen.speaker == "Azaz Medical Network"
    assert claim_at(ledger, text, "17 dead", "killed").speaker == "Kurdish Watch Group"
    # "a group that documents abuses" reports no figure: no claim, no speaker "that"
    assert all(claim.speaker != "that" for claim in ledger.claims)


def test_a_name_after_said_is_the_speaker(nlp: Language) -> None:
    text = (
        "Governor Talal al-Barazi said a car bomb killed ten people in Homs on Sunday. "
        "A second car bomb exploded in another district wounding three people said Barazi."
    )
    ledger = run(nlp, text, published="2014-05-25")
    # the noun before "said" ("people") is no speaker in copy without commas
    assert claim_at(ledger, text, "A second car bomb exploded").speaker.endswith("Barazi")


def test_a_person_in_apposition_to_a_role_speaks_for_its_organisation(nlp: Language) -> None:
    text = (
        "Government forces shelled the village of Kansafra, according to the civil defence, known as "
        "the White Helmets. Its spokesman, Omar Haddad, said two people were killed in Kansafra."
    )
    ledger = run(nlp, text, published="2021-06-03")
    claim = claim_at(ledger, text, "two people were killed", "killed")
    assert claim.speaker == "Omar Haddad"
    assert claim.role == "spokesman, Syria Civil Defence (White Helmets)"


def test_a_name_run_into_its_indefinite_role_is_the_speaker(nlp: Language) -> None:
    text = (
        '"Regime helicopters struck the Shaar neighborhood with barrel bombs" Kemal Ozturk a local '
        "civil defense official said on Wednesday."
    )
    ledger = run(nlp, text, published="2016-06-08")
    claim = claim_at(ledger, text, "Regime helicopters struck")
    assert claim.speaker == "Kemal Ozturk"
    assert claim.role == "local civil defense official"


def test_a_higher_toll_from_another_source_contradicts(nlp: Language) -> None:
    text = (
        "Government air strikes on the town of Azaz killed at least 15 civilians on Wednesday, the "
        "Syrian Observatory for Human Rights said. Rescue workers gave a higher toll of 23 dead."
    )
    ledger = run(nlp, text, published="2016-06-08")
    killed = [(c.field, c.values) for c in ledger.contradictions if c.field == "killed"]
    assert killed == [("killed", [15, 23])]


def test_according_to_a_report_by_names_its_author(nlp: Language) -> None:
    text = (
        "According to a February report by the Syrian Center for Policy Research the conflict has "
        "claimed the lives of over 470000 people."
    )
    ledger = run(nlp, text, published="2016-03-02")
    assert {claim.speaker for claim in ledger.claims} == {"Syrian Center for Policy Research"}


def test_a_pluperfect_figure_beside_a_risen_toll_is_the_earlier_one(nlp: Language) -> None:
    text = (
        "The death toll from a government raid on a stronghold has risen to 18 a monitor said "
        "Thursday. On Wednesday the monitor reported that at least five militants had been killed "
        "in that attack."
    )
    ledger = run(nlp, text, published="2014-09-05")
    assert [(r.before, r.after) for r in ledger.revisions] == [(5, 18)]
    assert claim_at(ledger, text, "five militants", "killed").status == "superseded"


def test_two_sources_figures_with_had_are_no_revision(nlp: Language) -> None:
    text = (
        "At least 12 people were killed in the shelling of Douma on Monday, the monitor said. "
        "Local activists said 14 people had been killed."
    )
    ledger = run(nlp, text, published="2014-09-05")
    assert ledger.revisions == []


def test_most_likely_is_a_hedge(nlp: Language) -> None:
    text = (
        "A bomb exploded in Azaz on Monday. "
        "A rebel commander said Islamic State cells were most likely behind it."
    )
    ledger = run(nlp, text, published="2016-03-02")
    assert claim_at(ledger, text, "Islamic State cells").status == "unverified"


def test_a_video_released_by_a_source_is_that_sources_claim(nlp: Language) -> None:
    text = "A video released on Friday by the army media center shows heavy fighting in the city of Palmyra."
    ledger = run(nlp, text, published="2016-05-07")
    assert claim_at(ledger, text, "heavy fighting").speaker == "army media center"


def test_another_sources_toll_widens_the_events_range(nlp: Language) -> None:
    text = (
        "An air strike hit a market in the town of Saraqib in Idlib province on Thursday, killing "
        "at least 12 civilians, the mayor said. The Idlib Medical Network, a group that documents "
        "casualties, put the number of dead at 15."
    )
    ledger = run(nlp, text, published="2021-06-04")
    network = claim_at(ledger, text, "at 15", "killed")
    event = next(e for e in ledger.events if e.id == network.about)
    assert network.id in event.fatalities.claims
    assert (event.fatalities.low, event.fatalities.high) == (12, 15)


def test_a_passive_progressive_tells_no_occurrence(nlp: Language) -> None:
    text = "Local activists say a ceasefire is being negotiated for the besieged district of Waer."
    ledger = run(nlp, text, published="2014-05-25")
    assert claim_at(ledger, text, "a ceasefire is being negotiated").kind == "statement"


def test_a_clause_beside_a_figure_is_a_statement_of_its_own(nlp: Language) -> None:
    text = (
        "Four children were killed in Qaboun when a mortar hit a school on Wednesday. The Syrian "
        "Observatory for Human Rights stated that the toll was expected to rise because many "
        "of those wounded were in critical condition."
    )
    ledger = run(nlp, text, published="2017-03-01")
    claim = claim_at(ledger, text, "the toll was expected to rise")
    assert claim.speaker == "Syrian Observatory for Human Rights"


def test_a_toll_free_phone_number_is_no_death_toll(nlp: Language) -> None:
    text = (
        "A man was shot dead outside a bar in Dayton on Saturday, police said. "
        "Anyone with information should call the tip line toll-free at 1-877-555-0199."
    )
    ledger = run(nlp, text, published="2021-06-02")
    figures = [c.value for c in ledger.claims if c.kind == "killed"]
    assert all(value in (1, None) for value in figures), figures
    assert [event.fatalities.low for event in ledger.events] == [1]


def test_a_toll_told_beside_its_added_part_still_contradicts_another_sources(nlp: Language) -> None:
    text = (
        "A barrel bomb hit a bakery in the town of Ariha in Idlib province on Tuesday. "
        "Khaled Nasser, a rescue worker, said six people had been killed. "
        "Later he raised the toll to 10, saying that four more bodies had been found. "
        "The Ariha Medical Office put the number of dead at 14."
    )
    ledger = run(nlp, text, published="2021-06-02")
    assert [(r.before, r.after) for r in ledger.revisions] == [(6, 10)]
    figures = [c for c in ledger.contradictions if c.field == "killed"]
    assert [c.values for c in figures] == [[10, 14]]


@pytest.mark.parametrize(
    ("text", "phrase", "speaker_word"),
    [
        (
            "A car bomb attack killed at least four people and wounded nine in the market of Jisr "
            "on Monday state television said.",
            "killed at least four people",
            "television",
        ),
        (
            "Government airstrikes killed 14 children on Sunday in a crowded village in northern "
            "Syria the United Nations refugee agency (UNHCR) has said.",
            "killed 14 children",
            "agency",
        ),
        (
            "The toll from the blast at the bus station reached at least 41 people the Syrian "
            "Observatory for Human Rights monitoring group said on Sunday.",
            "at least 41 people",
            "Observatory",
        ),
    ],
)
def test_a_speaker_closing_a_sentence_without_commas_claims_its_figures(
    nlp: Language, text: str, phrase: str, speaker_word: str
) -> None:
    claim = claim_at(run(nlp, text), text, phrase, "killed")
    assert speaker_word in claim.speaker


def test_a_confirmation_cue_alone_asserts_its_own_figures(nlp: Language) -> None:
    text = (
        "A car bomb killed at least nine people in the town, Reuters reported. "
        "The state news agency later confirmed that six people were killed and 14 wounded."
    )
    ledger = run(nlp, text)
    assert claim_at(ledger, text, "six people were killed", "killed").status == "asserted"
    assert claim_at(ledger, text, "nine people", "killed").status == "asserted"


def test_a_name_with_bracketed_aliases_and_a_description_speaks_as_the_name(nlp: Language) -> None:
    text = (
        "The Islamic State (ISIS Daesh ISIL IS) terrorist group on Monday claimed responsibility "
        "for a suicide bombing near the border. The blast struck the crossing according to the "
        "Syrian Observatory for Human Rights. The monitoring group said the fighters were travelling "
        "by bus to the border town."
    )
    ledger = run(nlp, text)
    claimed = claim_at(ledger, text, "claimed responsibility", "perpetrator")
    assert claimed.speaker == "Islamic State"
    described = claim_at(ledger, text, "the fighters were travelling")
    assert described.speaker == "Syrian Observatory for Human Rights"


def test_quoted_figures_of_unnamed_sources_and_reports_are_unverified(nlp: Language) -> None:
    text = (
        'Fighters fled the town. "The group has executed at least 40 of its own members. They had tried '
        'to leave the city without permission" the sources said. Earlier reports said that jets carried '
        "out several raids over the eastern desert."
    )
    ledger = run(nlp, text)
    assert claim_at(ledger, text, "at least 40", "killed").status == "unverified"
    assert claim_at(ledger, text, "jets carried out several raids").status == "unverified"


def test_feared_as_an_adjective_is_no_hedge(nlp: Language) -> None:
    text = (
        'Rami Said said the raid failed. "Some of the captured men were shot and their bodies put on '
        'display in the main square" of the town held by the feared militia he said.'
    )
    ledger = run(nlp, text)
    assert claim_at(ledger, text, "Some of the captured men were shot").status == "asserted"


def test_an_account_thought_to_belong_to_a_leader_is_unverified(nlp: Language) -> None:
    text = (
        "A message on a Twitter account thought to belong to rebel chief Omar Zahid said the rocket "
        "attack on the city was a warning to the army."
    )
    ledger = run(nlp, text)
    assert claim_at(ledger, text, "the rocket attack on the city was a warning").status == "unverified"


def test_according_to_information_provided_by_names_its_author(nlp: Language) -> None:
    text = (
        "According to the information provided by the Observatory director Rami Abdel Rahman the "
        "convoy was carrying 40 wounded fighters."
    )
    claim = claim_at(run(nlp, text), text, "40 wounded fighters")
    assert claim.speaker == "Rami Abdel Rahman"


def test_with_a_source_saying_names_that_source(nlp: Language) -> None:
    text = (
        "Hours after the offensive began allied militants seized the town of Tel Abyad with Ankara "
        "saying that it wanted to establish a safe zone along the border."
    )
    claim = claim_at(run(nlp, text), text, "it wanted to establish a safe zone")
    assert claim.speaker == "Ankara"


def test_according_to_a_named_bodys_reports_names_that_body(nlp: Language) -> None:
    text = (
        "The war has raged since 2011. According to the UN reports by now the conflict has taken "
        "the lives of more than 300000 people."
    )
    claim = claim_at(run(nlp, text), text, "more than 300000 people", "killed")
    assert claim.speaker == "UN"


def test_this_was_later_updated_to_revises_the_toll_before_it(nlp: Language) -> None:
    text = (
        "Airstrikes killed 14 children in the town, the UN agency said. The Syrian Observatory for "
        "Human Rights reported the strikes on Saturday with an initial death toll of 35. This was "
        "later updated to 61 on Sunday."
    )
    ledger = run(nlp, text)
    assert [(r.before, r.after) for r in ledger.revisions] == [(35, 61)]
    assert claim_at(ledger, text, "toll of 35", "killed").status == "superseded"
    assert claim_at(ledger, text, "updated to 61", "killed").speaker == "Syrian Observatory for Human Rights"
    assert not [c for c in ledger.contradictions if c.field == "killed"]  # 14 children are a part


def test_a_part_of_a_revised_toll_revises_nothing_and_speaks_as_its_whole(nlp: Language) -> None:
    text = (
        "The Syrian Observatory for Human Rights reported the strikes with an initial death toll of "
        "35. This was later updated to 61 on Sunday including 40 civilians."
    )
    ledger = run(nlp, text)
    assert [(r.before, r.after) for r in ledger.revisions] == [(35, 61)]
    part = claim_at(ledger, text, "40 civilians", "killed")
    assert (part.value, part.speaker) == (40, "Syrian Observatory for Human Rights")


def test_it_rose_to_without_a_toll_before_is_no_figure(nlp: Language) -> None:
    text = "The heat hit the camp on Monday. It rose to 45 degrees by noon, aid workers said."
    ledger = run(nlp, text)
    assert not [c for c in ledger.claims if c.kind == "killed"]


def test_denouncing_accuses_and_condemning_states(nlp: Language) -> None:
    text = (
        "Damascus denounced the incursion as a breach of its sovereignty. The football federation "
        "president condemned the killing of the players."
    )
    ledger = run(nlp, text)
    denounced = claim_at(ledger, text, "the incursion as a breach")
    assert (denounced.kind, denounced.status, denounced.speaker) == ("accusation", "unverified", "Damascus")
    assert claim_at(ledger, text, "the killing of the players").kind == "statement"


def test_figures_of_some_of_the_dead_are_killed_claims_and_no_contradiction(nlp: Language) -> None:
    text = (
        "At least 31 people were killed in air strikes on the town on Monday, the Syrian Observatory "
        "for Human Rights said. Nine children and four women were among the dead, it said. "
        "At least 12 of the dead were fighters. Rescue workers gave a higher toll of 40."
    )
    ledger = run(nlp, text)
    assert claim_at(ledger, text, "Nine children", "killed").value == 9
    assert claim_at(ledger, text, "four women", "killed").value == 4
    assert claim_at(ledger, text, "At least 12 of the dead", "killed").value == 12
    clashing = [set(c.values) for c in ledger.contradictions if c.field == "killed"]
    assert clashing == [{31, 40}]


def test_a_name_before_a_subjectless_cue_speaks_without_the_place_before_it(nlp: Language) -> None:
    text = (
        "Citing news from its local partners in Syria UNICEF have said that the bodies of nine "
        "children were pulled from the rubble."
    )
    claim = claim_at(run(nlp, text), text, "the bodies of nine children were pulled")
    assert claim.speaker == "UNICEF"


def test_a_description_after_a_name_is_no_part_of_the_speaker(nlp: Language) -> None:
    text = "IS notorious for using sleeper cells to attack its enemies suggested the creation of a province."
    claim = claim_at(run(nlp, text), text, "the creation of a province")
    assert claim.speaker == "IS"


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        (
            "The blast caused huge damage and most of the wounded were taken across the border to "
            "the nearby hospitals Omar al-Rifai added.",
            "most of the wounded were taken across the border",
            "Omar al-Rifai",
        ),
        (
            "Airstrikes hit a school and a bakery in the small town near the river an area outside "
            "the ceasefire zone tweeted the Syrian Network for Human Rights.",
            "Airstrikes hit a school and a bakery",
            "Syrian Network for Human Rights",
        ),
    ],
)
def test_a_cue_closing_its_sentence_governs_it(nlp: Language, text: str, phrase: str, speaker: str) -> None:
    assert claim_at(run(nlp, text), text, phrase).speaker == speaker


def test_a_number_of_them_is_a_part_of_the_figure_before_it(nlp: Language) -> None:
    text = (
        "The monitor said air strikes killed at least 22 people in a village in the north on "
        "Wednesday seven of them children."
    )
    part = claim_at(run(nlp, text), text, "seven of them children", "killed")
    assert (part.value, part.speaker) == (7, "monitor")


def test_among_them_a_number_is_a_part_of_the_figure_before_it(nlp: Language) -> None:
    text = (
        "The monitor reported that troops had executed 48 people in a northern village "
        "among them 10 children."
    )
    assert claim_at(run(nlp, text), text, "10 children", "killed").value == 10


def test_may_be_is_a_hedge(nlp: Language) -> None:
    text = "Experts have suggested that the army may be using cluster bombs near the city."
    assert claim_at(run(nlp, text), text, "the army may be using").status == "unverified"


def test_a_toll_figure_keeps_its_qualifier_and_lives_claimed_are_a_toll(nlp: Language) -> None:
    from khabar.pipeline.claim_figures import toll_figures
    from khabar.pipeline.counts import BACKGROUND_COUNTS_KEY

    doc = nlp("The monitor gave a toll of more than 50. The war has claimed the lives of over 470000 people.")
    doc.user_data[BACKGROUND_COUNTS_KEY] = []  # the figures the claims stage reads itself
    found = {(m.low, m.high, m.qualifier) for m in toll_figures(doc, [])}
    assert (50, None, "more than") in found
    assert (470000, None, "more than") in found


def test_calling_an_attack_a_name_is_a_statement_about_it_alone(nlp: Language) -> None:
    text = (
        "A bus blast in the capital killed at least six people and wounded dozens; the state agency "
        'has called the attack a "terrorist explosion". The opposition called for a truce.'
    )
    ledger = run(nlp, text)
    assert claim_at(ledger, text, "at least six people", "killed").speaker == "the outlet"
    assert claim_at(ledger, text, "the attack a", "statement").speaker != "the outlet"
    assert not [c for c in ledger.claims if "truce" in c.evidence[0].text]


def test_whom_he_called_is_no_cue(nlp: Language) -> None:
    text = 'The commander threatened the villagers, whom he called "enemies of the state".'
    assert not [c for c in run(nlp, text).claims if c.cue == "called"]
