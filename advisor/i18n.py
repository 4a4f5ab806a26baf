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
    "no_successor": {"nl": "geen opvolger", "en": "no successor"},
    "closed_line": {"nl": "Gesloten op deze datum: {name} (sinds {since}) → {successor}.",
                    "en": "Closed on this date: {name} (since {since}) → {successor}."},
    "not_yet_open_line": {"nl": "Nog niet open op deze datum: {name} (vanaf {since}).",
                          "en": "Not yet open on this date: {name} (from {since})."},
    "answers_missing": {
        "nl": "Nog geen instrument aan te bevelen, maar dat ligt aan ontbrekende antwoorden, niet aan "
              "het plan: deze antwoorden kunnen er een doen passen: {fields}.",
        "en": "No instrument can be recommended yet, because answers are missing, not because of the "
              "plan: these answers could make one fit: {fields}.",
    },
    "override_closed": {
        "en": "{name} ({id}) cannot be recommended on {date}: it is {window}; successor: {successor}",
        "nl": "{name} ({id}) kan op {date} niet aanbevolen worden: {window}; opvolger: {successor}",
    },
    "closes_before_start": {
        "nl": "{name} sluit voor nieuwe starters op {on}, vóór de geplande start op {start}; opvolger: {successor}.",
        "en": "{name} closes to new starters on {on}, before the planned start on {start}; successor: {successor}.",
    },
    "opens_by_start": {
        "nl": "{name} is nog niet open, maar wel vanaf {on}: een mogelijkheid vanaf de geplande start op {start}.",
        "en": "{name} is not open yet, but is from {on}: an option from the planned start on {start}.",
    },
    "beyond_knowledge": {
        "nl": "Dit advies voor {date} steunt op de regelgeving zoals gekend op {checked}: latere wijzigingen "
              "zijn niet verwerkt.",
        "en": "This advice for {date} rests on the law as known on {checked}: later changes are not included.",
    },
    "closed_on_date": {"nl": "Gesloten op deze datum: {items}.", "en": "Closed on this date: {items}."},
    "more_steps": {"nl": "(+{n} andere stappen: --detail)", "en": "(+{n} more steps: --detail)"},
    "iv_override_closed": {
        "nl": "{name} kan op {date} niet aanbevolen worden: niet open voor nieuwe starters (gesloten sinds {until}); "
              "opvolger: {successor}. Niets opgeslagen.",
        "en": "{name} cannot be recommended on {date}: not open to new starters (closed since {until}); "
              "successor: {successor}. Nothing saved.",
    },
    "in_short": {"nl": "In het kort", "en": "In short"},
    "sum_org": {"nl": "Voor de organisatie", "en": "For the organisation"},
    "sum_group": {"nl": "Werknemersgroep {group}", "en": "Worker group {group}"},
    "sum_via": {"nl": "via {names}.", "en": "through {names}."},
    "sum_none": {"nl": "geen passend instrument.", "en": "no fitting instrument."},
    "sum_first_step": {"nl": "Eerste stap", "en": "First step"},
    "sum_missing": {"nl": "Belangrijkste ontbrekende antwoord", "en": "Most decisive missing answer"},
    "from_date": {"nl": "vanaf {date}", "en": "from {date}"},
    "more_reasons": {"nl": "(+{n} andere redenen: --detail)", "en": "(+{n} more reasons: --detail)"},
    "based_on": {"nl": "op basis van", "en": "based on"},
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
    # steps: conditions a step keeps while the answer is unknown, and `advisor steps`
    "step_if_role": {"nl": "Als u optreedt als {roles}: ", "en": "If you act as {roles}: "},
    "step_role_employer": {"nl": "werkgever", "en": "employer"},
    "step_role_user": {"nl": "gebruiker", "en": "user"},
    "step_role_host": {"nl": "gastorganisatie (werkplek)", "en": "host workplace"},
    "step_role_commissioner": {"nl": "opdrachtgever", "en": "commissioning authority"},
    "step_if_no_entity": {"nl": "Als u nog geen rechtspersoon hebt: ", "en": "If you have no legal entity yet: "},
    "step_if_forms": {"nl": "Als u een {forms} bent: ", "en": "If your legal form is {forms}: "},
    "step_if_not_forms": {"nl": "Als u geen {forms} bent: ", "en": "If your legal form is not {forms}: "},
    "step_form_municipality": {"nl": "gemeente", "en": "municipality"},
    "step_form_ocmw": {"nl": "OCMW", "en": "OCMW"},
    "step_form_intermunicipal": {"nl": "intergemeentelijke vereniging", "en": "intermunicipal association"},
    "step_form_nonprofit": {"nl": "vzw", "en": "vzw (nonprofit)"},
    "step_form_social_purpose_company": {"nl": "VSO (vennootschap met sociaal oogmerk)",
                                         "en": "VSO (company with social purpose)"},
    "step_form_cooperative": {"nl": "coöperatie", "en": "cooperative"},
    "step_form_company": {"nl": "bedrijf", "en": "company"},
    "step_if_has_business_plan_false": {"nl": "Als u nog geen ondernemingsplan hebt: ",
                                        "en": "If you have no business plan yet: "},
    "step_if_can_lodge_deposit_false": {"nl": "Als u de borgsom of de eigen middelen niet zelf kunt opbrengen: ",
                                        "en": "If you cannot put up the deposit or own funds yourself: "},
    "step_if_has_public_commissioner_true": {"nl": "Als een lokaal bestuur opdrachtgever of eerste klant is: ",
                                             "en": "If a local government is the commissioner or first customer: "},
    "step_if_has_public_commissioner_false": {"nl": "Als nog geen lokaal bestuur opdrachtgever of eerste klant is: ",
                                              "en": "If no local government is the commissioner or first customer yet: "},
    "step_if_home_region": {"nl": "In Zuid-West-Vlaanderen: ", "en": "In South West Flanders: "},
    "steps_for": {"nl": "Volgende stappen voor {name} op {date}", "en": "Next steps for {name} on {date}"},
    "steps_role": {"nl": "rol van de starter: {role}", "en": "the starter's role: {role}"},
    "steps_role_unknown": {"nl": "rol van de starter niet opgegeven: stappen met een voorwaarde staan erbij "
                                 "met die voorwaarde",
                           "en": "the starter's role not given: steps with a condition are listed with that "
                                 "condition"},
    "steps_closed": {"nl": "{name} is op {date} niet meer open voor nieuwe starters (gesloten sinds {until}).",
                     "en": "{name} is no longer open to new starters on {date} (closed since {until})."},
    "steps_not_yet": {"nl": "{name} is op {date} nog niet open voor nieuwe starters (open vanaf {since}).",
                      "en": "{name} is not yet open to new starters on {date} (open from {since})."},
    "steps_successor": {"nl": "Opvolger: {name} ({id}); zie `advisor steps {id} --as-of {date}`.",
                        "en": "Successor: {name} ({id}); see `advisor steps {id} --as-of {date}`."},
    "steps_predecessor": {"nl": "Op die datum gold nog: {name} ({id}); zie `advisor steps {id} --as-of {date}`.",
                          "en": "On that date there was still: {name} ({id}); see `advisor steps {id} --as-of {date}`."},
    "steps_no_successor": {"nl": "Er is geen rechtstreekse opvolger.", "en": "There is no direct successor."},
    # experts
    "expert_knows": {"nl": "kent {instruments}", "en": "knows {instruments}"},
    "expert_helps": {"nl": "helpt met {items}", "en": "helps with {items}"},
    "expert_speaks": {"nl": "spreekt {langs}", "en": "speaks {langs}"},
    "need_no_business_plan": {"nl": "er is nog geen ondernemingsplan", "en": "there is no business plan yet"},
    "need_no_entity": {"nl": "er is nog geen rechtspersoon", "en": "there is no legal entity yet"},
    "need_no_deposit": {"nl": "de waarborg of het eigen vermogen kan niet gesteld worden",
                        "en": "the deposit or own funds cannot be put up"},
    "need_first_initiative": {"nl": "het is een eerste initiatief in de sociale economie",
                              "en": "it is a first social-economy initiative"},
    "need_competes": {"nl": "de dienst concurreert met de reguliere markt",
                      "en": "the service competes with the regular market"},
    "need_no_commissioner": {"nl": "er is nog geen publieke opdrachtgever of eerste klant",
                             "en": "there is no public commissioner or first customer yet"},
    "need_quality": {"nl": "{instrument} vraagt kwaliteitszorg", "en": "{instrument} requires quality management"},
    "prox_home": {"nl": "gevestigd in {m}", "en": "based in {m}"},
    "prox_served": {"nl": "werkt in {m}", "en": "works in {m}"},
    "prox_region": {"nl": "werkt in heel Zuid-West-Vlaanderen, ook in {m}",
                    "en": "works across South West Flanders, {m} included"},
    "prox_same_region": {"nl": "gevestigd in {home}, in dezelfde regio als {m}",
                         "en": "based in {home}, in the same region as {m}"},
    "prox_neighbouring": {"nl": "werkt in Zuid-West-Vlaanderen, naast de regio van {m}",
                          "en": "works in South West Flanders, next to the region of {m}"},
    "prox_flanders": {"nl": "werkt in heel Vlaanderen (gevestigd in {home})",
                      "en": "works across Flanders (based in {home})"},
    "prox_elsewhere": {"nl": "gevestigd in {home}, ver van {m}", "en": "based in {home}, far from {m}"},
    "cap_free": {"nl": "{free} van {total} uur vrij deze maand", "en": "{free} of {total} hours free this month"},
    "cap_nearly_full": {"nl": "bijna volgeboekt: {free} van {total} uur vrij deze maand",
                        "en": "nearly fully booked: {free} of {total} hours free this month"},
    "cap_full": {"nl": "geen vrije uren deze maand ({total} van {total} uur toegezegd)",
                 "en": "no free hours this month ({total} of {total} hours committed)"},
    "po_inactive": {"nl": "niet actief op {date} (actief {window})", "en": "not active on {date} (active {window})"},
    "po_conflict": {"nl": "belangenconflict in {m}: {reason}", "en": "conflict of interest in {m}: {reason}"},
    "po_irrelevant": {"nl": "kent geen van de aanbevolen instrumenten en helpt niet in de nodige "
                            "ondersteuningsdomeinen",
                      "en": "knows none of the recommended instruments and covers none of the support "
                            "domains needed"},
    "po_ranked": {"nl": "plaats {rank} van {n} (score {score}); de voorgestelde experten scoren hoger",
                  "en": "ranks {rank} of {n} (score {score}); the proposed experts score higher"},
    "po_spread": {"nl": "al {n} experten van {org} voorgesteld: de voorstellen worden over organisaties gespreid",
                  "en": "{n} experts of {org} already proposed: proposals are spread over organisations"},
    "conflict_unchecked": {"nl": "heeft een belangenconflict in {m}; de gemeente van het initiatief is niet "
                                 "gekend: ga dat na",
                           "en": "has a conflict of interest in {m}; the initiative's municipality is not "
                                 "known: check it"},
    "and": {"nl": " en ", "en": " and "},
    "lang_nl": {"nl": "Nederlands", "en": "Dutch"},
    "lang_fr": {"nl": "Frans", "en": "French"},
    "lang_en": {"nl": "Engels", "en": "English"},
    "lang_de": {"nl": "Duits", "en": "German"},
    "window_from": {"nl": "vanaf {year}", "en": "from {year}"},
    "pool_heading": {"nl": "Kennispool: {n} experten", "en": "Knowledge pool: {n} experts"},
    "pool_heading_on": {"nl": "Kennispool op {date}: {n} experten", "en": "Knowledge pool on {date}: {n} experts"},
    "pool_none": {"nl": "Geen experten gevonden met deze zoekcriteria.", "en": "No experts match these criteria."},
    "pool_fictional": {"nl": "Alle personen in de kennispool zijn fictief.",
                       "en": "All persons in the knowledge pool are fictional."},
    "pool_instruments": {"nl": "instrumenten", "en": "instruments"},
    "pool_domains": {"nl": "domeinen", "en": "domains"},
    "pool_languages": {"nl": "talen", "en": "languages"},
    "pool_area": {"nl": "werkgebied", "en": "area"},
    "pool_active": {"nl": "actief", "en": "active"},
    "pool_hours": {"nl": "{free} van {total} uur per maand vrij", "en": "{free} of {total} hours a month free"},
    "area_region": {"nl": "heel Zuid-West-Vlaanderen (vanuit {home})", "en": "all of South West Flanders (from {home})"},
    "area_flanders": {"nl": "heel Vlaanderen (vanuit {home})", "en": "all of Flanders (from {home})"},
    "org_heading": {"nl": "Ondersteunende organisaties", "en": "Support organisations"},
    "org_heading_on": {"nl": "Ondersteunende organisaties op {date}", "en": "Support organisations on {date}"},
    "org_fictional": {"nl": "fictief", "en": "fictional"},
    "org_known": {"nl": "gekend", "en": "known"},
    # interview
    "iv_dont_know": {"nl": "weet niet", "en": "don't know"},
    "iv_why_decides": {"nl": "Uw antwoord beslist mee over: {names}.", "en": "Your answer helps decide on: {names}."},
    "iv_why_rules": {"nl": "Regels die van dit antwoord afhangen:", "en": "Rules that depend on this answer:"},
    "iv_case_written": {"nl": "Casusbestand geschreven: {path}", "en": "Case file written: {path}"},
    "iv_session": {"nl": "Sessie {id} (advisor sessions show {id})", "en": "Session {id} (advisor sessions show {id})"},
    "iv_not_in_file": {"nl": "niet in het antwoordenbestand", "en": "not in the answers file"},
    "iv_not_asked": {"nl": "Niet gevraagd, want het advies hing er niet (meer) van af: {fields}",
                     "en": "Not asked, because the advice did not (or no longer) depend on it: {fields}"},
    "iv_yes_no": {"nl": "ja / nee", "en": "yes / no"},
    "iv_commands": {"nl": "? waarom | weet niet | terug | wijzig VELD | override | advies | help | stop",
                    "en": "? why | dunno | back | change FIELD | override | advice | help | quit"},
    "iv_commands_long": {
        "nl": "Commando's: '?' waarom deze vraag; 'weet niet' of 'skip' (komt bij de ontbrekende antwoorden); "
              "'terug' maakt het vorige antwoord ongedaan; 'wijzig VELD' verandert een antwoord (bv. wijzig "
              "organisation.legal_form); 'override' legt een eigen beslissing met verantwoording vast; 'advies' "
              "toont het advies tot nu; 'stop' bewaart de sessie (verder met --resume).",
        "en": "Commands: '?' why this question; 'dunno' or 'skip' (goes to the missing answers); 'back' undoes "
              "the previous answer; 'change FIELD' changes an answer (e.g. change organisation.legal_form); "
              "'override' records your own decision with a justification; 'advice' shows the advice so far; "
              "'quit' saves the session (continue with --resume)."},
    "iv_commands_plain": {"nl": "Typ ? om te zien waarom we dit vragen, 'weet niet' als u het niet weet, "
                                "'terug' om het vorige antwoord te veranderen, 'stop' om later verder te doen.",
                          "en": "Type ? to see why we ask this, 'dunno' if you do not know, 'back' to change "
                                "the previous answer, 'quit' to continue later."},
    "iv_empty": {"nl": "Typ een antwoord, of 'weet niet'.", "en": "Type an answer, or 'dunno'."},
    "iv_wrong": {"nl": "Dat antwoord past niet: {problem} Probeer opnieuw.",
                 "en": "That answer does not fit: {problem} Please try again."},
    "iv_override_intro": {"nl": "Overschrijven: voor welk instrument? (nummer of id; leeg om te annuleren)",
                          "en": "Override: for which instrument? (number or id; empty to cancel)"},
    "iv_override_unknown": {"nl": "kies een nummer of een id van de lijst.",
                            "en": "choose a number or an id from the list."},
    "iv_override_decision": {"nl": "Beslissing: 'aanbevelen' of 'afwijzen'?",
                             "en": "Decision: 'recommend' or 'reject'?"},
    "iv_override_justification": {"nl": "Verantwoording (minstens 10 tekens; wordt bij de casus bewaard):",
                                  "en": "Justification (at least 10 characters; kept with the case):"},
    "iv_override_short": {"nl": "de verantwoording moet minstens 10 tekens hebben.",
                          "en": "the justification needs at least 10 characters."},
    "iv_override_by": {"nl": "Wie beslist? (naam, mag leeg)", "en": "Who decides? (name, may be empty)"},
    "iv_override_saved": {"nl": "Bewaard: overschrijving voor {instrument}.", "en": "Saved: override for {instrument}."},
    "iv_change_unknown": {"nl": "geef een veld van de vragenlijst, bv. {paths}",
                          "en": "give a field of the questionnaire, e.g. {paths}"},
    "iv_welcome": {"nl": "Intakegesprek, sessie {id}, advies op {date}. Elk antwoord wordt meteen bewaard.",
                   "en": "Intake interview, session {id}, advice for {date}. Every answer is saved at once."},
    "iv_welcome_plain": {"nl": "Zelftest: past uw idee bij een steunmaatregel? We stellen alleen de vragen die "
                               "ertoe doen. Uw antwoorden worden bewaard (sessie {id}).",
                         "en": "Self-check: does your idea fit a support measure? We only ask the questions "
                               "that matter. Your answers are saved (session {id})."},
    "iv_nothing_back": {"nl": "Er is nog geen antwoord om terug te gaan.", "en": "There is no answer to go back to yet."},
    "iv_done": {"nl": "Geen vragen meer die het advies kunnen veranderen.",
                "en": "No more questions that could change the advice."},
    "iv_final_menu": {"nl": "Enter om af te ronden, of 'override', 'wijzig VELD', 'terug'.",
                      "en": "Enter to finish, or 'override', 'change FIELD', 'back'."},
    "iv_saved": {"nl": "Bewaard. Ga later verder met: advisor {cmd} --resume {id}",
                 "en": "Saved. Continue later with: advisor {cmd} --resume {id}"},
    "iv_questionnaire": {"nl": "Vragenlijst voor de intake", "en": "Intake questionnaire"},
    "iv_questionnaire_intro": {
        "nl": "Het digitale gesprek stelt alleen de vragen die het advies nog kunnen veranderen; op papier "
              "beantwoordt u wat u weet. Vink 'weet niet' aan als u het niet weet.",
        "en": "The digital interview asks only the questions that can still change the advice; on paper, "
              "answer what you know. Tick 'don't know' if you do not know."},
    "iv_section_service": {"nl": "De dienst", "en": "The service"},
    "iv_section_organisation": {"nl": "De organisatie", "en": "The organisation"},
    "iv_section_worker_groups": {"nl": "Wie doet het werk", "en": "Who does the work"},
    "iv_section_worker_group": {"nl": "Per groep werknemers (herhaal voor elke groep)",
                                "en": "Per group of workers (repeat for each group)"},
    "iv_result": {"nl": "Uw resultaat", "en": "Your result"},
    "iv_result_fits": {"nl": "Dit kan passen bij uw plan:", "en": "This may fit your plan:"},
    "iv_fit_strong": {"nl": "past goed", "en": "a good fit"},
    "iv_fit_possible": {"nl": "past misschien, dat moet nog nagekeken worden",
                        "en": "may fit, this still needs checking"},
    "iv_result_none": {"nl": "Met deze antwoorden past geen steunmaatregel volledig.",
                       "en": "With these answers no support measure fits fully."},
    "iv_result_not": {"nl": "Dit past niet, en waarom:", "en": "This does not fit, and why:"},
    "iv_result_unknown": {"nl": "Dit weten we nog niet. Met een antwoord wordt het advies beter:",
                          "en": "We do not know this yet. An answer would make the advice better:"},
    "iv_result_mind": {"nl": "Let op:", "en": "Please note:"},
    "iv_result_next": {"nl": "Wat kan u nu doen?", "en": "What can you do next?"},
    "iv_result_call": {"nl": "Wie kan u helpen:", "en": "Who can help you:"},
    "iv_result_talk": {"nl": "Bespreek dit resultaat met een adviseur van de kennispool sociale economie. "
                             "Neem dit resultaat mee.",
                       "en": "Discuss this result with an advisor of the social economy knowledge pool. "
                             "Bring this result along."},
    # `advisor schema` and docs/case-format.md: what each field means (a field that a question of
    # rules/catalogue/questions.yaml sets is described by that question's wording instead)
    "fd.as_of": {"nl": "De datum waarvoor het advies geldt (JJJJ-MM-DD); standaard vandaag.",
                 "en": "The date the advice is for (YYYY-MM-DD); default: today."},
    "fd.organisation": {"nl": "De organisatie die de dienst start.", "en": "The organisation starting the service."},
    "fd.organisation.municipality_as_typed": {
        "nl": "Optioneel: de plaats zoals getypt (een deelgemeente, postcode of Franse naam) wanneer die verschilt van "
              "de gemeente waarnaar ze verwijst; het interview vult dit in.",
        "en": "Optional: the place as typed (a sub-municipality, postcode or French name) when it differs from the "
              "municipality it resolves to; the interview fills it in."},
    "fd.organisation.first_initiative": {
        "nl": "Is dit het eerste sociale-economie-initiatief van de starter? (dan biedt de kennispool begeleiding)",
        "en": "Is this the starter's first social-economy initiative? (then the knowledge pool offers coaching)"},
    "fd.service": {"nl": "De dienst die de organisatie wil starten.", "en": "The service the organisation wants to start."},
    "fd.service.description": {"nl": "Vrije tekst over de dienst, in eender welke taal (hoogstens 2000 tekens).",
                               "en": "Free text about the service, in any language (at most 2,000 characters)."},
    "fd.service.planned_start": {"nl": "De geplande startdatum van de dienst (JJJJ-MM-DD).",
                                 "en": "The planned start date of the service (YYYY-MM-DD)."},
    "fd.worker_groups": {"nl": "Wie het werk zal doen: één item per groep werknemers in dezelfde situatie.",
                         "en": "Who will do the work: one item per group of workers in the same situation."},
    "fd.worker_groups[].id": {
        "nl": "Een korte naam voor de groep, uniek in het geval (letters, cijfers, _ . -; hoogstens 40 tekens).",
        "en": "A short name for the group, unique in the case (letters, digits, _ . -; at most 40 characters)."},
    "fd.overrides": {"nl": "Beslissingen van de adviseur tegen (of naast) de regels, met hun verantwoording.",
                     "en": "The advisor's decisions against (or beyond) the rules, with their justification."},
    "fd.overrides[].instrument": {"nl": "Het instrument (id) waarover de adviseur beslist.",
                                  "en": "The instrument (id) the advisor decides on."},
    "fd.overrides[].decision": {"nl": "De beslissing: aanbevelen of afwijzen.", "en": "The decision: recommend or reject."},
    "fd.overrides[].justification": {"nl": "Waarom (minstens 10 tekens).", "en": "Why (at least 10 characters)."},
    "fd.overrides[].by": {"nl": "Wie besliste (naam of rol).", "en": "Who decided (a name or a role)."},
    "fd.overrides[].on": {"nl": "Wanneer (JJJJ-MM-DD).", "en": "When (YYYY-MM-DD)."},
    "vl.decision.recommend": {"nl": "aanbevelen", "en": "recommend"},
    "vl.decision.reject": {"nl": "afwijzen", "en": "reject"},
    "fd.id": {"nl": "De id van het scenario: kleine letters, cijfers, _ . - (bv. dc.strijkatelier-2026).",
              "en": "The scenario's id: lower-case letters, digits, _ . - (e.g. dc.ironing-workshop-2026)."},
    "fd.description": {"nl": "Eén zin: wat het scenario toont.", "en": "One sentence: what the scenario shows."},
    "fd.tags": {"nl": "Trefwoorden om scenario's te kiezen met -k.", "en": "Keywords to select scenarios with -k."},
    "fd.case": {"nl": "Het geval (zoals in een gevalbestand).", "en": "The case (as in a case file)."},
    "fd.expect": {"nl": "Beweringen over het advies; alleen de geschreven beweringen worden nagekeken.",
                  "en": "Claims about the advice; only the claims written are checked."},
    "fd.expect.top": {"nl": "Het instrument van de eerste aanbeveling.", "en": "The instrument of the first recommendation."},
    "fd.expect.recommended": {"nl": "Elk van deze instrumenten is aanbevolen.",
                              "en": "Each of these instruments is recommended."},
    "fd.expect.not_recommended": {"nl": "Geen van deze instrumenten is aanbevolen.",
                                  "en": "None of these instruments is recommended."},
    "fd.expect.rejected": {"nl": "Elk van deze instrumenten staat bij de afgewezen, met een reden.",
                           "en": "Each of these instruments is listed as rejected, with a reason."},
    "fd.expect.fired": {"nl": "Deze regels vuren (hun id staat in fired of bij de redenen).",
                        "en": "These rules fire (their id is in fired or among the reasons)."},
    "fd.expect.not_fired": {"nl": "Geen van deze regels vuurt.", "en": "None of these rules fires."},
    "fd.expect.needs_info": {"nl": "Deze veldpaden (of een begin ervan) staan bij de ontbrekende antwoorden.",
                             "en": "These field paths (or a prefix of them) are among the missing answers."},
    "fd.expect.next_steps": {"nl": "Deze stap-ids staan bij de volgende stappen.",
                             "en": "These step ids are among the next steps."},
    "fd.expect.warnings": {"nl": "Deze waarschuwingscodes komen voor.", "en": "These warning codes appear."},
    "fd.expect.experts_min": {"nl": "Minstens zoveel experten worden voorgesteld.",
                              "en": "At least this many experts are proposed."},
    "schema_title_case": {"nl": "WERK.WAARDIG gevalbestand", "en": "WERK.WAARDIG case file"},
    "schema_title_scenario": {"nl": "WERK.WAARDIG scenariobestand", "en": "WERK.WAARDIG scenario file"},
    "schema_about_case": {
        "nl": "Een gepland initiatief, zoals de adviseur het leest (docs/case-format.md). Wat ontbreekt is onbekend, "
              "nooit 'nee'.",
        "en": "A planned initiative, as the advisor reads it (docs/case-format.md). What is left out is unknown, "
              "never 'no'."},
    "schema_about_scenario": {
        "nl": "Een geval met beweringen over het advies (docs/case-format.md): de eenheid van de regressietests.",
        "en": "A case with claims about its advice (docs/case-format.md): the unit of regression testing."},
    "schema_this_group": {"nl": "deze groep", "en": "this group"},
    "schema_written": {"nl": "schema geschreven naar {path}", "en": "schema written to {path}"},
    # errors: one message per problem, in the user's language (advisor.i18n.Msg)
    "err_prefix": {"nl": "fout", "en": "error"},
    "err_problems": {"nl": "{n} problemen", "en": "{n} problems"},
    "err_aborted": {"nl": "afgebroken", "en": "aborted"},
    "err_environment": {"nl": "de omgeving faalt, niet de invoer: {error}",
                        "en": "the environment failed, not the input: {error}"},
    "err_not_found": {"nl": "bestand niet gevonden", "en": "file not found"},
    "err_cannot_read": {"nl": "kan het bestand niet lezen ({error})", "en": "cannot read the file ({error})"},
    "err_not_regular": {"nl": "geen gewoon bestand (lees uit een bestand, of - voor de standaardinvoer)",
                        "en": "not a regular file (read from a file, or - for standard input)"},
    "err_too_big": {"nl": "het bestand heeft {size} bytes; toegestaan: hoogstens {limit} bytes ({var})",
                    "en": "the file has {size} bytes; allowed: at most {limit} bytes ({var})"},
    "err_input_too_big": {"nl": "de invoer heeft meer dan {limit} bytes; toegestaan: hoogstens {limit} bytes ({var})",
                          "en": "the input has more than {limit} bytes; allowed: at most {limit} bytes ({var})"},
    "err_not_utf8": {"nl": "geen UTF-8-tekst (byte {at})", "en": "not UTF-8 text (byte {at})"},
    "err_yaml": {"nl": "geen geldige YAML: {problem}", "en": "not valid YAML: {problem}"},
    "err_yaml_at": {"nl": "geen geldige YAML op regel {line}, kolom {column}: {problem}",
                    "en": "not valid YAML at line {line}, column {column}: {problem}"},
    "err_number_form": {"nl": "het getal {value} is geen gewoon decimaal getal (schrijf bv. 41, niet 041 of 0:41)",
                        "en": "the number {value} is not a plain decimal number (write e.g. 41, not 041 or 0:41)"},
    "err_number_large": {"nl": "het getal {value} is te groot (hoogstens 15 cijfers)",
                         "en": "the number {value} is too large (at most 15 digits)"},
    "err_aliases": {"nl": "te veel waarden zodra de aliassen (*) uitgevouwen zijn; toegestaan: hoogstens {limit} "
                          "(regel {line})",
                    "en": "too many values once the aliases (*) are expanded; allowed: at most {limit} (line {line})"},
    "err_self_alias": {"nl": "een alias verwijst naar zichzelf (regel {line})",
                       "en": "an alias refers to itself (line {line})"},
    "err_deep": {"nl": "meer dan {limit} niveaus diep genest (regel {line})",
                 "en": "nested more than {limit} levels deep (line {line})"},
    "err_duplicate": {"nl": "de sleutel {name} komt twee keer voor (regels {first} en {second}): niets wordt "
                            "stilzwijgend weggelaten",
                      "en": "the key {name} appears twice (lines {first} and {second}): nothing is silently dropped"},
    "err_folder_missing": {"nl": "de map {folder} bestaat niet", "en": "the folder {folder} does not exist"},
    "err_is_folder": {"nl": "is een map; geef een bestandsnaam", "en": "is a folder; give a file name"},
    "err_exists": {"nl": "bestaat al; kies een ander bestand of voeg --force toe",
                   "en": "already exists; choose another file or add --force"},
    "err_cannot_write": {"nl": "kan het bestand niet schrijven ({error}); het vorige bestand blijft zoals het was",
                         "en": "cannot write the file ({error}); the previous file is left as it was"},
    "err_unknown_value": {"nl": "onbekende waarde {value} ({what}); toegestaan: {allowed}",
                          "en": "unknown {what} {value}; allowed: {allowed}"},
    "err_unknown_rule": {"nl": "onbekende regel-id {id}; `advisor rules` toont ze allemaal",
                         "en": "unknown rule id {id}; `advisor rules` lists them all"},
    "err_no_path": {"nl": "bestand of map niet gevonden", "en": "no such file or folder"},
    "err_answers_mapping": {"nl": "het antwoordenbestand moet een mapping van veldpad -> antwoord zijn "
                                  "(bv. `organisation.legal_form: nonprofit`)",
                            "en": "the answers file must be a mapping of field path -> answer "
                                  "(e.g. `organisation.legal_form: nonprofit`)"},
    "err_answers_as_of": {"nl": "as_of: verwacht een datum als JJJJ-MM-DD", "en": "as_of: expected a date as YYYY-MM-DD"},
    "err_answers_path": {"nl": "onbekend veldpad `{path}`; toegestaan: as_of, overrides, {allowed} (`*` is de id van "
                               "een werknemersgroep)",
                         "en": "unknown field path `{path}`; allowed: as_of, overrides, {allowed} (`*` is a worker "
                               "group id)"},
    "err_answers_overrides": {"nl": "overrides: verwacht een lijst van {{instrument, decision, justification, by}}",
                              "en": "overrides: expected a list of {{instrument, decision, justification, by}}"},
    "err_db_not_file": {"nl": "is geen bestand maar een map of iets anders; geef met --db het pad van een "
                              "sessiedatabank",
                        "en": "is not a file but a folder or something else; give --db the path of a sessions "
                              "database"},
    # the sessions database (advisor.interview.sessions)
    "err_db_open": {"nl": "kan de sessiedatabank niet openen ({error})",
                    "en": "cannot open the sessions database ({error})"},
    "err_db_failed": {"nl": "de sessiedatabank faalt ({error}); het laatst bevestigde antwoord is bewaard",
                      "en": "the sessions database failed ({error}); the last confirmed answer is kept"},
    "err_db_newer": {"nl": "de sessiedatabank heeft schemaversie {version}; deze adviseur kent versies tot "
                           "{known}: gebruik een nieuwere adviseur",
                     "en": "the sessions database has schema version {version}; this advisor knows versions up "
                           "to {known}: use a newer advisor"},
    "err_db_damaged": {"nl": "de sessiedatabank is beschadigd ({check}); ze blijft zoals ze is: zet een kopie "
                             "terug, of geef een andere --db",
                       "en": "the sessions database is damaged ({check}); it is left as it is: restore a copy, "
                             "or give another --db"},
    "err_db_not_db": {"nl": "geen sessiedatabank (geen SQLite-bestand); het blijft zoals het is: geef een andere --db",
                      "en": "not a sessions database (not an SQLite file); it is left as it is: give another --db"},
    "err_db_foreign": {"nl": "een SQLite-databank van iets anders (tabellen {tables}, niet die van de sessies); "
                             "ze blijft zoals ze is: geef een andere --db",
                       "en": "an SQLite database of something else (tables {tables}, not the sessions'); it is "
                             "left as it is: give another --db"},
    "err_db_readonly": {"nl": "de sessiedatabank is alleen-lezen ({what}); elk antwoord moet meteen bewaard "
                              "kunnen worden: geef schrijfrechten, of een andere --db",
                        "en": "the sessions database is read-only ({what}); every answer must be saved at once: "
                              "make it writable, or give another --db"},
    "err_db_readonly_file": {"nl": "het bestand", "en": "the file"},
    "err_db_readonly_folder": {"nl": "de map", "en": "the folder"},
    "err_db_no_session": {"nl": "geen sessie {id}{hint} (`advisor sessions list`)",
                          "en": "no session {id}{hint} (`advisor sessions list`)"},
    "err_db_recent": {"nl": "; recente sessies: {ids}", "en": "; recent sessions: {ids}"},
    "err_db_none_yet": {"nl": "; er zijn nog geen sessies", "en": "; there are no sessions yet"},
    "err_db_held": {"nl": "sessie {id} is open in een ander proces (pid {pid} op {host}, sinds {since}); "
                          "sluit ze daar eerst",
                    "en": "session {id} is open in another process (pid {pid} on {host}, since {since}); "
                          "close it there first"},
    # snapshot files (`advisor scenarios diff FILE`)
    "err_snap_missing": {"nl": "bestand niet gevonden; maak er een met `advisor scenarios snapshot PAD... --out BESTAND`",
                         "en": "file not found; make one with `advisor scenarios snapshot PATH... --out FILE`"},
    "err_snap_json": {"nl": "geen momentopname (JSON): {problem}", "en": "not a snapshot (JSON) file: {problem}"},
    "err_snap_deep": {"nl": "geen momentopname: te diep genest", "en": "not a snapshot: nested too deep"},
    "err_snap_duplicate": {"nl": "geen momentopname: de sleutel {name} komt twee keer voor",
                           "en": "not a snapshot: the key {name} appears twice"},
    "err_snap_format": {"nl": "geen momentopname van formaat {format}: veld `format` is {got}",
                        "en": "not a snapshot of format {format}: field `format` is {got}"},
    "err_snap_field": {"nl": "veld `{field}`: verwacht {expected}, gekregen {got}",
                       "en": "field `{field}`: expected {expected}, got {got}"},
    "err_snap_missing_field": {"nl": "veld `{field}` ontbreekt", "en": "field `{field}` is missing"},
    "err_snap_entry": {"nl": "veld `{field}`: een scenario heeft `advice` of `error`",
                       "en": "field `{field}`: a scenario has `advice` or `error`"},
    "kind_mapping": {"nl": "een mapping", "en": "a mapping"},
    "kind_list": {"nl": "een lijst", "en": "a list"},
    "kind_text": {"nl": "tekst", "en": "text"},
    "kind_number": {"nl": "een getal", "en": "a number"},
    "kind_text_or_null": {"nl": "tekst of null", "en": "text or null"},
    "kind_bool": {"nl": "true of false", "en": "true or false"},
    # regression tools (`advisor scenarios ...`)
    "run_fail": {"nl": "MISLUKT", "en": "FAIL"},
    "run_summary": {"nl": "{passed} geslaagd, {failed} mislukt", "en": "{passed} passed, {failed} failed"},
    "run_timing": {"nl": "in {s:.2f} s ({rate:.0f} scenario's per seconde)",
                   "en": "in {s:.2f} s ({rate:.0f} scenarios per second)"},
    "run_duplicate": {"nl": "scenario-id {id} komt in meer dan een bestand voor: {files}",
                      "en": "scenario id {id} is used by more than one file: {files}"},
    "stale_rules": {
        "nl": "de regels in deze map verschillen van de regels die dit `advisor`-commando gebruikt (uit {running}): "
              "{files}. Zo zou het de scenario's tegen de geïnstalleerde regels nakijken, niet tegen uw wijziging. "
              "Installeer de map bewerkbaar (`python -m pip install -e .`) of start vanuit de map "
              "`python -m advisor scenarios ...`.",
        "en": "the rules in this checkout differ from the rules this `advisor` command runs (from {running}): "
              "{files}. It would check the scenarios against the installed rules, not against your change. "
              "Install the checkout in editable mode (`python -m pip install -e .`) or run "
              "`python -m advisor scenarios ...` from the checkout's folder."},
    "run_nothing": {"nl": "geen scenario's gevonden (pad of -k filter nakijken)",
                    "en": "no scenarios found (check the path or the -k filter)"},
    "run_nothing_k": {"nl": "geen enkel scenario past bij -k {k!r}: niets nagekeken (id, beschrijving, tag of pad)",
                      "en": "no scenario matches -k {k!r}: nothing was checked (id, description, tag or path)"},
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

    # --- advisor sessions list|show|export ---
    "ss_none": {"nl": "(geen sessies)", "en": "(no sessions)"},
    "ss_row": {"nl": "{id}  {mode:<11} {lang}  datum {date}  {status:<10} {n} antwoorden  bijgewerkt {updated}",
               "en": "{id}  {mode:<11} {lang}  as of {date}  {status:<10} {n} answers  updated {updated}"},
    "ss_head": {"nl": "{id}  {mode}  taal {lang}  datum {date}  {status}  aangemaakt {created}",
                "en": "{id}  {mode}  language {lang}  as of {date}  {status}  created {created}"},
    "ss_mode_interview": {"nl": "intake", "en": "interview"},
    "ss_mode_selfcheck": {"nl": "zelftest", "en": "self-check"},
    "ss_status_open": {"nl": "open", "en": "open"},
    "ss_status_finished": {"nl": "afgerond", "en": "finished"},
    "ss_override": {"nl": "  bijsturing {name} ({id}): {decision} - {text}",
                    "en": "  override {name} ({id}): {decision} - {text}"},
    "ss_decision_recommend": {"nl": "aanbevelen", "en": "recommend"},
    "ss_decision_reject": {"nl": "afwijzen", "en": "reject"},
    "ss_written": {"nl": "geschreven: {path}", "en": "written: {path}"},
    # --- command-line mistakes (click's texts, said in Dutch by advisor.cli.main) ---
    "cli_no_such_option": {"nl": "onbekende optie {name}{hint}", "en": "no such option {name}{hint}"},
    "cli_did_you_mean": {"nl": " (bedoelde u {names}?)", "en": " (did you mean {names}?)"},
    "cli_missing": {"nl": "ontbreekt: {what}", "en": "missing: {what}"},
    "cli_choice": {"nl": "ongeldige waarde voor {what}; kies uit: {allowed}",
                   "en": "invalid value for {what}; choose from: {allowed}"},
    "cli_bad_value": {"nl": "ongeldige waarde voor {what}: {detail}", "en": "invalid value for {what}: {detail}"},
    "cli_bad": {"nl": "ongeldige waarde: {detail}", "en": "invalid value: {detail}"},
    "cli_no_such_command": {"nl": "onbekend commando '{name}' (advisor --help toont ze)",
                            "en": "no such command '{name}' (advisor --help lists them)"},
    "cli_usage_word": {"nl": "Gebruik:", "en": "Usage:"},
    "cli_usage": {"nl": "verkeerd gebruik: {detail}", "en": "wrong usage: {detail}"},
    "cli_not_a_date": {"nl": "{value} is geen datum; schrijf JJJJ-MM-DD, bv. 2026-03-01",
                       "en": "{value} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01"},
    "group_word": {"nl": "groep", "en": "group"},
    # --- errors of input files and of the world (advisor.errors) ---
    "os_no_space": {"nl": "de schijf is vol", "en": "the disk is full"},
    "os_denied": {"nl": "geen toegang (rechten)", "en": "permission denied"},
    "os_read_only": {"nl": "alleen-lezen bestandssysteem", "en": "read-only file system"},
    "os_not_found": {"nl": "niet gevonden", "en": "not found"},
    "os_is_folder": {"nl": "dat is een map", "en": "that is a folder"},
    "os_not_folder": {"nl": "een deel van het pad is geen map", "en": "part of the path is not a folder"},
    "os_other": {"nl": "fout van het systeem: {reason}", "en": "system error: {reason}"},
    "yaml_no_bracket": {"nl": "een ',' of ']' ontbreekt (een lijst [ ] niet gesloten?)",
                        "en": "a ',' or ']' is missing (a list [ ] not closed?)"},
    "yaml_no_brace": {"nl": "een ',' of '}}' ontbreekt (een mapping {{ }} niet gesloten?)",
                      "en": "a ',' or '}}' is missing (a mapping {{ }} not closed?)"},
    "yaml_mapping_here": {"nl": "hier mag geen 'sleutel: waarde' staan (een aanhalingsteken of een nieuwe regel vergeten?)",
                          "en": "a 'key: value' is not allowed here (a quote or a new line forgotten?)"},
    "yaml_bad_char": {"nl": "een teken dat hier niet mag (bv. een tab, @ of `)",
                      "en": "a character not allowed here (e.g. a tab, @ or `)"},
    "yaml_no_anchor": {"nl": "een alias (*) zonder anker (&)", "en": "an alias (*) without an anchor (&)"},
    "yaml_early_end": {"nl": "het bestand eindigt te vroeg (een aanhalingsteken of haakje niet gesloten?)",
                       "en": "the file ends too early (a quote or bracket not closed?)"},
    "yaml_after_end": {"nl": "tekst na het einde van het document", "en": "text after the end of the document"},
    "yaml_no_colon": {"nl": "een ':' ontbreekt", "en": "a ':' is missing"},
    "yaml_indent": {"nl": "de inspringing klopt niet", "en": "the indentation is wrong"},
    "yaml_tab": {"nl": "een tab in de inspringing (gebruik spaties)", "en": "a tab in the indentation (use spaces)"},
    "yaml_parser_said": {"nl": "melding van de YAML-lezer: {text}", "en": "the YAML reader says: {text}"},
    "kind_empty": {"nl": "leeg", "en": "empty"},
    "the_file": {"nl": "het bestand", "en": "the file"},
    "not_a_mapping": {"nl": "{where} moet een lijst van velden met hun waarde zijn (een mapping), niet {kind}; "
                            "toegestane velden: {allowed}",
                      "en": "{where} must be a mapping of fields, not {kind}; allowed fields: {allowed}"},
    "top_level": {"nl": "(bovenste niveau)", "en": "(top level)"},
    "unknown_field": {"nl": "onbekend veld `{path}`; toegestane velden hier: {allowed}",
                      "en": "unknown field `{path}`; allowed fields here: {allowed}"},
    "value_not_allowed": {"nl": "veld `{path}`: {given} is niet toegestaan; toegestane waarden: {allowed}",
                          "en": "field `{path}`: {given} is not allowed; allowed values: {allowed}"},
    "field_required": {"nl": "veld `{path}` is verplicht", "en": "field `{path}` is required"},
    "field_problem": {"nl": "veld `{path}`: {problem}{shown}", "en": "field `{path}`: {problem}{shown}"},
    "got": {"nl": " (gegeven: {given})", "en": " (got {given})"},
    "see_case_format": {"nl": "zie het case-formaat (docs/case-format.md)",
                        "en": "see the case format (docs/case-format.md)"},
    "need_bool": {"nl": "verwacht ja of nee (schrijf true of false)", "en": "expected yes or no (write true or false)"},
    "need_int": {"nl": "verwacht een geheel getal", "en": "expected a whole number"},
    "need_number": {"nl": "verwacht een getal", "en": "expected a number"},
    "need_text": {"nl": "verwacht tekst", "en": "expected text"},
    "need_list": {"nl": "verwacht een lijst, bv. [a, b]", "en": "expected a list, e.g. [a, b]"},
    "need_mapping": {"nl": "verwacht velden met hun waarde (een mapping)", "en": "expected a mapping of fields"},
    "need_date": {"nl": "verwacht een datum als JJJJ-MM-DD", "en": "expected a date as YYYY-MM-DD"},
    "need_shorter_text": {"nl": "te lang; toegestaan: hoogstens {max_length} tekens",
                          "en": "too long; allowed: at most {max_length} characters"},
    "need_fewer": {"nl": "te veel elementen; toegestaan: hoogstens {max_length}",
                   "en": "too many items; allowed: at most {max_length}"},
    "need_more": {"nl": "te weinig elementen; nodig: minstens {min_length}",
                  "en": "too few items; needed: at least {min_length}"},
    "need_ge": {"nl": "te klein; toegestaan: {ge} of meer", "en": "too small; allowed: {ge} or more"},
    "need_gt": {"nl": "te klein; toegestaan: meer dan {gt}", "en": "too small; allowed: more than {gt}"},
    "need_le": {"nl": "te groot; toegestaan: {le} of minder", "en": "too large; allowed: {le} or less"},
    "need_lt": {"nl": "te groot; toegestaan: minder dan {lt}", "en": "too large; allowed: less than {lt}"},
    "unknown_instrument": {"nl": "onbekend instrument {value}; toegestaan: {allowed}",
                           "en": "unknown instrument {value}; allowed: {allowed}"},
    "repeated_group_ids": {"nl": "de id's van de werknemersgroepen moeten verschillen; herhaald: {ids}",
                           "en": "worker group ids must be unique; repeated: {ids}"},
    "before_2005": {"nl": "vóór 2005", "en": "before 2005"},
    "still_open": {"nl": "nog open", "en": "still open"},
    "open_window": {"nl": "open van {start} tot {end}", "en": "open from {start} until {end}"},
    "before_knowledge": {"nl": "{day} ligt vóór {start}: de kennis beslaat {start} tot {end} (latere datums krijgen "
                               "een waarschuwing)",
                         "en": "{day} is before {start}: the knowledge covers {start} to {end} (later dates get a "
                               "warning)"},
    "doc_condition": {"nl": "Voorwaarde (notitie in de code, Engels):", "en": "Condition:"},
    "doc_law": {"nl": "Wet (notitie in de code, Engels):", "en": "Law:"},
    "need_longer_text": {"nl": "te kort; nodig: minstens {min_length} tekens",
                         "en": "too short; needed: at least {min_length} characters"},
    "need_valid": {"nl": "ongeldige waarde", "en": "not a valid value"},
}


def t(key: str, lang: str, /, **params) -> str:
    """The text ``key`` in ``lang``; a parameter that is itself a ``Msg`` is rendered in the same
    language, so that a message can be built deep inside the code and rendered at the edge."""
    text = MESSAGES[key]["nl" if lang == "nl" else "en"]
    return text.format(**{k: v.render(lang) if isinstance(v, Msg) else v for k, v in params.items()})


class Msg:
    """A message not yet rendered: raised with an error where the language of the command is
    not known, and put in the user's language by whoever shows it (the CLI, the interview).
    The key must exist: a typo fails where the message is made, not where it is shown."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params):
        if key not in MESSAGES:
            raise KeyError(key)
        self.key, self.params = key, params

    def render(self, lang: str) -> str:
        return t(self.key, lang, **self.params)

    def __str__(self) -> str:  # a developer's view (logs, tests); users see render(lang)
        return self.render("en")

    def __contains__(self, text: str) -> bool:
        return text in str(self)

    def __eq__(self, other) -> bool:
        return isinstance(other, Msg) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.key)


def render(text: str | Msg, lang: str) -> str:
    return text.render(lang) if isinstance(text, Msg) else text
