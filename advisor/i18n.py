"""Every text a user reads that does not come from a rule or the catalogue, in Dutch
(the default) and English."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "no_fit": {
        "nl": "Geen instrument past volledig op deze datum. Bekijk hieronder waarom niet, en welke "
              "ontbrekende antwoorden het advies kunnen veranderen.",
        "en": "No instrument fits fully on this date. See below why not, and which missing answers "
              "could change the advice.",
    },
    "uncertain": {
        "nl": "{name}: dit advies steunt op een gegeven dat niet in een bron bevestigd is ({rule}); "
              "laat het nakijken door een expert.",
        "en": "{name}: this advice rests on a fact not confirmed in a source ({rule}); have an "
              "expert check it.",
    },
    "advice_for": {"nl": "Advies op {date}", "en": "Advice for {date}"},
    "recommended": {"nl": "Aanbevolen", "en": "Recommended"},
    "rejected": {"nl": "Niet aanbevolen, en waarom niet", "en": "Not recommended, and why not"},
    "needs_info": {"nl": "Ontbrekende antwoorden die het advies kunnen veranderen",
                   "en": "Missing answers that could change the advice"},
    "warnings": {"nl": "Let op", "en": "Warnings"},
    "next_steps": {"nl": "Volgende stappen", "en": "Next steps"},
    "experts": {"nl": "Experten uit de kennispool", "en": "Experts from the knowledge pool"},
    "why": {"nl": "Waarom", "en": "Why"},
    "override_reason": {"nl": "Beslissing van de adviseur{by}: {text}",
                        "en": "The advisor's decision{by}: {text}"},
    "override_warning": {"nl": "{name}: de adviseur heeft de regels overschreven ({decision}); "
                               "de verantwoording staat bij de redenen.",
                         "en": "{name}: the advisor overrode the rules ({decision}); the "
                               "justification is given with the reasons."},
    "override_recommend": {"nl": "aanbevolen", "en": "recommended"},
    "override_reject": {"nl": "afgewezen", "en": "rejected"},
    "step_who": {"nl": "wie", "en": "who"},
    "step_contact": {"nl": "contact", "en": "contact"},
    "step_needs": {"nl": "nodig", "en": "needs"},
    "uncertain_step": {"nl": "onzeker: laten nakijken", "en": "uncertain: have it checked"},
    "passed_over": {"nl": "Niet voorgestelde experten, en waarom niet",
                    "en": "Experts not proposed, and why not"},
    "caveats": {"nl": "Voorbehoud", "en": "Caveats"},
    "fit_strong": {"nl": "sterke match", "en": "strong fit"},
    "fit_possible": {"nl": "mogelijke match", "en": "possible fit"},
    "for_groups": {"nl": "voor werknemersgroep(en)", "en": "for worker group(s)"},
    "whole_org": {"nl": "voor de organisatie", "en": "for the organisation"},
    "affects": {"nl": "beïnvloedt", "en": "affects"},
    "sources": {"nl": "bronnen", "en": "sources"},
    "knowledge": {"nl": "Kennisversie", "en": "Knowledge version"},
    "none": {"nl": "geen", "en": "none"},
    "open_on": {"nl": "Instrumenten open voor nieuwe starters op {date}",
                "en": "Instruments open to new starters on {date}"},
    "closed_on": {"nl": "Gesloten of nog niet open op {date}", "en": "Closed or not yet open on {date}"},
    "since": {"nl": "sinds", "en": "since"},
    "until": {"nl": "tot", "en": "until"},
    "always_open": {"nl": "open in 2005-2026", "en": "open 2005-2026"},
    "successor": {"nl": "opvolger", "en": "successor"},
    "organisers": {"nl": "wie kan organiseren", "en": "who may organise"},
    "authority": {"nl": "beslist", "en": "decides"},
    "last_checked": {"nl": "laatst nagekeken", "en": "last checked"},
    "uncertain_note": {"nl": "onzeker", "en": "uncertain"},
    "in_force": {"nl": "geldig", "en": "in force"},
    "rule_count": {"nl": "{n} regels", "en": "{n} rules"},
}


def t(key: str, lang: str, **params) -> str:
    text = MESSAGES[key]["nl" if lang == "nl" else "en"]
    return text.format(**params) if params else text
