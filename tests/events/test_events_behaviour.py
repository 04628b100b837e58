"""Behaviours of the events stage on constructed sentences: voice, coordination, clauses, light verbs,
nominal triggers, modality, attribution, null roles, confidence, speed guard rails."""
from __future__ import annotations

import pytest


def _one(ctx, typ):
    evs = [e for e in ctx.events if typ in (e.type, e.plover_type)]
    assert evs, [(e.type, e.trigger.text) for e in ctx.events]
    return evs[0]


def test_events_passive_voice_swaps_roles(code):
    ev = _one(code("Two Russian diplomats were expelled by Italy on Monday."), "SANCTION")
    assert ev.source.text == "Italy"
    assert ev.target.text == "Two Russian diplomats"


def test_events_passive_without_agent_leaves_source_null(code):
    ev = _one(code("Two Russian diplomats were expelled on Monday."), "SANCTION")
    assert ev.source is None
    assert ev.target.text == "Two Russian diplomats"


def test_events_coordinated_subjects_give_two_events(code):
    ctx = code("Egyptian and Jordanian officials met Israeli negotiators. France and Germany condemned the attack.")
    acc = [e for e in ctx.events if e.type == "ACCUSE"]
    assert {e.source.text for e in acc} == {"France", "Germany"}


def test_events_coordinated_verbs_share_the_subject(code):
    ctx = code("Afghan rebels kidnapped 16 Russian advisers and exploded a series of bombs in Kabul.")
    types = {e.type for e in ctx.events}
    assert types == {"ASSAULT"}
    assert all(e.source and e.source.text == "Afghan rebels" for e in ctx.events)
    assert len(ctx.events) == 2


def test_events_several_events_per_sentence(code):
    ctx = code("Police arrested 20 protesters after demonstrators blocked the main highway in Dhaka.")
    assert {"COERCE", "PROTEST"} <= {e.type for e in ctx.events}


def test_events_relative_clause_subject_is_the_antecedent(code):
    ev = _one(code("The minister, who met the Iranian ambassador on Monday, left for Paris."), "CONSULT")
    assert ev.source.text == "The minister"


def test_events_apposition_relative_clause(code):
    ev = _one(code("Jang Sung-gil, a former ambassador to Egypt who took asylum in the United States, "
                   "lives in Virginia."), "DEFECT")
    assert ev.source.text == "Jang Sung-gil"
    assert ev.target.text == "the United States"


def test_events_light_verb_attack(code):
    ev = _one(code("Insurgents launched an attack on a police station in Kandahar."), "ASSAULT")
    assert ev.trigger.text == "attack"
    assert ev.source.text == "Insurgents"
    assert ev.target.text == "a police station"


def test_events_light_verb_ask_for_protection(code):
    ev = _one(code("The diplomat asked British authorities for protection."), "REQUEST")
    assert ev.target.text == "British authorities"


def test_events_nominal_possessor_is_source(code):
    ev = _one(code("Italy's expulsion of the ambassador angered Pyongyang."), "SANCTION")
    assert ev.source.text == "Italy"
    assert ev.target.text == "the ambassador"


def test_events_nominal_patient_possessor(code):
    ev = _one(code("The opposition condemned his arrest by the security services."), "COERCE")
    assert ev.target.text == "his"
    assert ev.source.text == "the security services"


def test_events_negated(code):
    ev = _one(code("Israeli troops did not attack the convoy."), "ASSAULT")
    assert ev.modality == "negated" and ev.negated


def test_events_hypothetical_conditional(code):
    # PLOVER: a hypothetical hostile act by the actor is a THREATEN event
    ev = _one(code("If talks fail, the army would attack the rebel positions."), "THREATEN")
    assert ev.modality == "hypothetical"


def test_events_future_hostile_act_is_threaten(code):
    ev = _one(code("Hungarian farmers will block the border crossings next week."), "THREATEN")
    assert ev.modality == "future"


def test_events_future_cooperation_is_agree(code):
    ev = _one(code("Hungary has said it will support the Security Council resolution."), "AGREE")
    assert ev.source.text == "Hungary"


def test_events_attempted(code):
    ev = _one(code("Soldiers tried to arrest the opposition leader in Harare."), "COERCE")
    assert ev.modality == "attempted"


def test_events_refused_act_is_reject(code):
    ctx = code("Israeli President Moshe Katsav has refused to meet the Jordanian king.")
    assert [e.type for e in ctx.events] == ["REJECT"]
    assert ctx.events[0].mode == "meet"


def test_events_denial_is_reporting_reject_and_negates_its_content(code):
    ctx = code("The Syrian government denied that its troops shelled the village.")
    rej = _one(ctx, "REJECT")
    assert rej.reporting and rej.source.text == "The Syrian government"


def test_events_reported_with_attribution(code):
    ev = _one(code("Jo asked Italian authorities for protection, the Joongang Ilbo daily said, "
                   "quoting a diplomatic source."), "REQUEST")
    assert ev.modality == "reported"
    assert "Joongang Ilbo" in ev.attribution.text


def test_events_according_to_frame_gives_attribution(code):
    ev = _one(code("According to Reuters, Turkish police arrested 40 Kurdish activists in Ankara."), "COERCE")
    assert ev.attribution is not None and ev.attribution.text == "Reuters"
    assert ev.modality == "reported"


def test_events_null_target_when_the_text_does_not_say(code):
    ev = _one(code("Thousands of students protested on Saturday."), "PROTEST")
    assert ev.target is None
    assert "students" in ev.source.text


def test_events_place_in_the_clause_is_the_recipient_when_no_actor_is_named(code):
    # CAMEO / PLOVER GSR convention: "demonstrated in Serbia" -> recipient SRB; the place is coded as
    # a place (its country, no government sector), not as the capital's government
    ev = _one(code("Thousands of students protested in Jakarta on Saturday."), "PROTEST")
    assert "students" in ev.source.text
    assert ev.target is not None and ev.target.text == "Jakarta"
    assert ev.target.actor.country == "IDN" and "GOV" not in ev.target.actor.sectors
    ev = _one(code("Rebels shelled the southern town of Kismayo in Somalia on Sunday."), "ASSAULT")
    assert ev.target is not None and ev.target.actor.country == "SOM"


def test_events_recipient_inside_purpose_clause_and_possessor(code):
    ev = _one(code("Hundreds of lawyers marched in Islamabad on Tuesday to demand the resignation of Pakistani "
                   "Interior Minister Rehman Malik."), "PROTEST")
    assert ev.target is not None and "Malik" in ev.target.text and ev.target.actor.country == "PAK"
    ev = _one(code("Greece on Monday condemned Turkey's treatment of Kurdish prisoners."), "ACCUSE")
    assert ev.target is not None and ev.target.actor.country == "TUR"


def test_events_non_political_sentences_give_nothing(code):
    for s in ["Chopin first met writer George Sand in Paris in 1836.",
              "The earthquake killed 200 people and destroyed thousands of homes.",
              "Researchers say the virus is spreading readily between people.",
              "Manchester United beat Chelsea 2-1 on Saturday.",
              "Shares rallied on Wall Street after the Fed held rates steady.",
              "Doctors are fighting the virus with new drugs."]:
        assert code(s).events == [], s


def test_events_confidence_sorts_role_less_events_lower(code):
    ctx = code("Israeli jets struck Hamas positions in Gaza. The protest ended peacefully.")
    full = _one(ctx, "ASSAULT")
    bare = _one(ctx, "PROTEST")
    assert full.confidence > bare.confidence


def test_events_reporting_flag_only_on_communication_events(code):
    ctx = code("The ministry declined to comment on reports that troops had shelled the town.")
    dc = _one(ctx, "DECLINE_COMMENT")
    assert dc.reporting
    assert all(not e.reporting for e in ctx.events if e.type != "DECLINE_COMMENT")


def test_events_stage_keeps_the_tree_working_on_empty_and_odd_text(code):
    assert code(" ").events == []
    assert code("...").events == []


MODALITY_PROBES = [
    ("negated", "Police did not arrest anyone during the protest in Minsk."),
    ("negated", "The army has never attacked civilian areas, the ministry said."),
    ("hypothetical", "Iran could close the Strait of Hormuz if attacked, a commander warned."),
    ("future", "NATO will deploy additional troops to Poland next month."),
    ("future", "The rebels plan to attack the capital within days."),
    ("attempted", "Protesters tried to storm the parliament building in Baghdad."),
    ("attempted", "Police foiled an attempt to bomb the embassy."),
    ("reported", "Israeli jets struck targets in Gaza overnight, the army said."),
    ("reported", "According to state media, troops killed 12 militants in the north."),
    ("negated", "Officials denied that police had beaten the detainees."),
    ("asserted", "Troops killed 12 militants in the north on Sunday."),
    ("hypothetical", "The government may impose a curfew in the capital."),
    ("negated", "The rebels failed to capture the town."),
    ("future", "Egypt is expected to host talks between Israel and Hamas next week."),
    ("reported", "The opposition said police arrested 40 of its supporters."),
]


@pytest.mark.parametrize("modality,sentence", MODALITY_PROBES)
def test_events_modality_probe(code, modality, sentence):
    events = code(sentence).events
    assert any(e.modality == modality for e in events), [(e.type, e.trigger.text, e.modality) for e in events]


def test_events_condition_clause_is_not_a_threat_by_the_victim(code):
    ctx = code("Iran could close the Strait of Hormuz if attacked, a commander warned.")
    attacked = [e for e in ctx.events if e.trigger.text == "attacked"]
    assert attacked and attacked[0].type == "ASSAULT" and attacked[0].modality == "hypothetical"


def test_events_agentless_passive_state_act_takes_the_place_as_source(code):
    # CAMEO: "was arrested in Kenya" -> the Kenyan state arrested; no place, no source
    ev = _one(code("A British journalist was arrested in Kenya on Friday for spying."), "COERCE")
    assert ev.source is not None and ev.source.actor.country == "KEN"
    assert ev.target.actor.country == "GBR"
    ev = _one(code("Two Russian diplomats were expelled on Monday."), "SANCTION")
    assert ev.source is None


def test_events_pronoun_recipient_is_the_preceding_country(code):
    ev = _one(code("The European Union sent a warning to Belarus that it must release the opposition "
                   "leaders."), "REQUEST")
    assert ev.target is not None and ev.target.actor.country == "BLR"


def test_events_recipient_of_an_embedded_act(code):
    ev = _one(code("Norway is ready to send ships to help protect Somalia's coast."), "AGREE")
    assert ev.target is not None and ev.target.actor.country == "SOM"
    ev = _one(code("Students demonstrated on Monday to protest Cambodian Prime Minister Hun Sen's decision to close "
                   "the university."), "PROTEST")
    assert ev.target is not None and "Hun Sen" in ev.target.text


def test_events_threat_recipient_is_the_subject_of_its_condition(code):
    ev = _one(code("Iran threatened to halt oil exports unless the European Union lifted its sanctions."),
              "THREATEN")
    assert ev.source.text == "Iran" and ev.target is not None and ev.target.text == "the European Union"


def test_events_recipient_is_the_subject_of_an_embedded_clause(code):
    ev = _one(code("The junta refused to allow Red Cross inspectors to visit the prisons."), "REJECT")
    assert ev.target is not None and "Red Cross" in ev.target.text


def test_events_people_as_target_are_kept_not_replaced_by_a_place(code):
    ev = _one(code("Kenyan police arrested three men in connection with a robbery in Nairobi."), "COERCE")
    assert ev.target is not None and ev.target.text == "three men"


def test_events_bare_number_object_takes_the_governing_events_recipient(code):
    # "arresting 12": twelve of the demonstrators the clause is about
    ctx = code("Egyptian police opened fire to disperse Islamist demonstrators in Cairo on Monday, "
               "killing one person and arresting 12.")
    ev = next(e for e in ctx.events if e.trigger.text == "arresting")
    assert ev.target is not None and "demonstrators" in ev.target.text


def test_events_withdrawn_force_is_the_doer_of_a_withdrawal(code):
    ev = _one(code("French peacekeepers were pulled out of Rwanda on Sunday."), "RETREAT")
    assert ev.source is not None and "peacekeepers" in ev.source.text
    assert ev.target is not None and ev.target.actor.country == "RWA"


def test_events_infinitive_on_an_event_noun_takes_the_clause_doer(code):
    # "a rally ... to protest": the protesters are those converging for the rally, not the rally
    ctx = code("Thousands of Kenyans were converging on Friday for a rally in Nairobi to protest the new tax law.")
    ev = next(e for e in ctx.events if e.trigger.text == "protest")
    assert ev.source is not None and "Kenyans" in ev.source.text


def test_events_abstract_recipient_stands_for_its_named_possessor(code):
    ev = _one(code("Thousands of students demanded President Suharto's resignation."), "REQUEST")
    assert ev.target is not None and ev.target.text == "President Suharto"
    assert ev.target.actor.sectors[:1] == ["GOV"]


def test_events_complaint_target_is_what_is_complained_about(code):
    ev = _one(code("Lebanon complained to the United Nations over Israeli air raids in the south."), "ACCUSE")
    assert ev.target is not None and ev.target.actor.country == "ISR"


def test_events_coordinated_verbs_share_the_object(code):
    ctx = code("Police arrested and deported two French journalists in Kigali on Monday.")
    ev = next(e for e in ctx.events if e.trigger.text == "arrested")
    assert ev.target is not None and "journalists" in ev.target.text
