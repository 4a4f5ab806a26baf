"""The texts of `advisor scenarios ...` (the rule maintainers' tools), in Dutch and English.

Kept apart from ``advisor.i18n`` so the regression tools can grow without touching the texts
the starters read; ``t`` falls back to ``advisor.i18n`` for shared words ("none").
"""
from __future__ import annotations

from advisor import i18n

TEXTS: dict[str, dict[str, str]] = {
    "run_fail": {"nl": "MISLUKT", "en": "FAIL"},
    "run_summary": {"nl": "{passed} geslaagd, {failed} mislukt", "en": "{passed} passed, {failed} failed"},
    "run_timing": {"nl": "in {s:.2f} s ({rate:.0f} scenario's per seconde)",
                   "en": "in {s:.2f} s ({rate:.0f} scenarios per second)"},
    "run_duplicate": {"nl": "scenario-id {id} komt in meer dan een bestand voor: {files}",
                      "en": "scenario id {id} is used by more than one file: {files}"},
    "run_nothing": {"nl": "geen scenario's gevonden (pad of -k filter nakijken)",
                    "en": "no scenarios found (check the path or the -k filter)"},
    "cov_title": {"nl": "Regeldekking: {fired} van de {total} regels vuren ({pct:.1f} %) in {n} scenario's",
                  "en": "Rule coverage: {fired} of {total} rules fired ({pct:.1f} %) by {n} scenarios"},
    "cov_rule": {"nl": "regel", "en": "rule"},
    "cov_fired": {"nl": "vuurt", "en": "fired"},
    "cov_not_fired": {"nl": "niet", "en": "unfired"},
    "cov_dates": {"nl": "datumgrenzen (scenario's die de regelfamilie raken ervoor / op of erna)",
                  "en": "date boundaries (scenarios exercising the rule's family before / on or after)"},
    "cov_before": {"nl": "ervoor", "en": "before"},
    "cov_on_after": {"nl": "op/erna", "en": "on/after"},
    "cov_tight": {"nl": "paar dag ervoor/dag zelf", "en": "pair day before/day of"},
    "cov_itself": {"nl": "regel zelf aan beide kanten", "en": "rule itself on both sides"},
    "cov_missing": {"nl": "ONTBREEKT", "en": "MISSING"},
    "cov_out_of_range": {"nl": "buiten 2005-2026, niet te testen", "en": "outside 2005-2026, not testable"},
    "cov_unfired": {"nl": "Regels die geen scenario doet vuren", "en": "Rules no scenario fires"},
    "cov_never_unfired": {"nl": "Regels die in elk scenario vuren", "en": "Rules every scenario fires"},
    "cov_rule_boundaries": {"nl": "Datumgrenzen van regels zonder scenario aan beide kanten",
                            "en": "Rule date boundaries without a scenario on both sides"},
    "cov_instrument_title": {"nl": "Openings- en sluitingsdata van de instrumenten (hetzelfde geval op de dag ervoor en op de dag zelf):",
                             "en": "Instrument open/close dates (the same case on the day before and on the day itself):"},
    "cov_missing_pair": {"nl": "ONTBREEKT: geen paar", "en": "MISSING: no pair"},
    "cov_below_min": {"nl": "regeldekking {pct:.1f} % ligt onder het minimum van {min} %",
                      "en": "rule coverage {pct:.1f} % is below the minimum of {min} %"},
    "diff_none": {"nl": "Geen verschil met de momentopname ({n} scenario's).",
                  "en": "No change since the snapshot ({n} scenarios)."},
    "diff_title": {"nl": "{n} scenario('s) met een ander advies dan in de momentopname (kennisversie {version}):",
                   "en": "{n} scenario(s) whose advice changed since the snapshot (knowledge version {version}):"},
    "diff_new": {"nl": "nieuw", "en": "new"},
    "diff_old": {"nl": "oud", "en": "old"},
    "diff_removed": {"nl": "scenario verdwenen", "en": "scenario removed"},
    "diff_error": {"nl": "scenariobestand ongeldig", "en": "scenario file invalid"},
    "diff_recommended": {"nl": "aanbevolen", "en": "recommended"},
    "diff_rejected": {"nl": "afgewezen", "en": "rejected"},
    "diff_needs_info": {"nl": "ontbrekend antwoord", "en": "missing answer"},
    "diff_steps": {"nl": "volgende stap", "en": "next step"},
    "diff_warnings": {"nl": "waarschuwing", "en": "warning"},
    "diff_experts": {"nl": "expert", "en": "expert"},
    "diff_ranking": {"nl": "volgorde van de aanbevelingen", "en": "order of the recommendations"},
    "diff_reason": {"nl": "reden", "en": "reason"},
    "diff_fired": {"nl": "gevuurde regels", "en": "rules fired"},
    "snap_written": {"nl": "momentopname van {n} scenario's geschreven naar {path}",
                     "en": "snapshot of {n} scenarios written to {path}"},
    "rec_written": {"nl": "{path} geschreven: kijk de beweringen na en snoei ze",
                    "en": "wrote {path}: check and trim its claims"},
    "rec_exists": {"nl": "bestaat al; kies een ander bestand of gebruik --force",
                   "en": "already exists; choose another file or use --force"},
}


def t(key: str, lang: str, **params) -> str:
    if key not in TEXTS:
        return i18n.t(key, lang, **params)
    text = TEXTS[key]["nl" if lang == "nl" else "en"]
    return text.format(**params) if params else text
