"""Artikel 60 §7 (family A60) and artikel 61 (family A61) of the OCMW law: brief §3.10.

Staffing instruments for people entitled to leefloon (or equivalent financial aid). Under
art. 60 §7 only the OCMW is the employer; it may place the worker with a municipality, vzw,
social-economy enterprise or private company. Under art. 61 the OCMW concludes an agreement
with a private employer. Since 1 Jan 2017 art. 60 runs inside tijdelijke werkervaring in
Flanders; the federal unemployment reform (in force 1 Jul 2025, first exclusions 1 Jan 2026)
shortens the employment it takes to open unemployment rights.

Choice for starters that are not an OCMW: art. 60 stays possible with the starter as host
workplace (the OCMW stays employer). A starter that wants to be the employer keeps art. 60 as
a "possible" fit with that explanation (weaken), not a rejection: the realistic form is the
host role. A municipality works through its own OCMW (since 2019 integrated in it), which is
the employer: a normal fit.
"""
from advisor.engine.rulekit import (
    MATCH, Candidate, Group, Org, Rule, Service, any_of, at_least, below, one_of, rule_meta, unknown,
)
from rules.activities import OTHER_ACTIVITY, UNLISTED_LOCAL_ACTIVITIES

A60 = "artikel-60"
A61 = "artikel-61"

TWE_START = "2017-01-01"        # art. 60 within TWE in Flanders (S104, S106)
TWE_INTEGRATION = "2019-01-01"  # old contracts integrated into TWE (S104)
LOCAL_GOVERNMENT_DECREE = "2019-01-01"  # Decreet Lokaal Bestuur mostly in force (S187)
REFORM = "2025-07-01"           # federal unemployment reform in force (S122)
FIRST_EXCLUSIONS = "2026-01-01"  # first exclusions from unemployment benefit (S122)

NOT_OCMW = {"nonprofit", "social_purpose_company", "cooperative", "company", "intermunicipal", "none_yet"}
PRIVATE_EMPLOYERS = {"company", "cooperative", "social_purpose_company"}
LOCAL_GOVERNMENT = {"ocmw", "municipality"}
NO_LEEFLOON = {"unemployment_benefit", "disability_benefit", "none"}


class OcmwEmploymentRules:
    # --- A60: artikel 60 §7 ---------------------------------------------------------------

    @Rule(Group(id=MATCH.group, income="leefloon"))
    @rule_meta("A60-001", sources=["S113", "S114", "S118"],
               nl="Werknemersgroep {group} krijgt leefloon: met artikel 60 §7 wordt het OCMW hun werkgever, "
                  "voor de tijd die nodig is om volledige sociale rechten te openen en werkervaring op te doen.")
    def leefloners_fit_article_60(self, group):
        """Worker group {group} receives leefloon: under article 60 §7 the OCMW becomes their employer, for the time needed to open full social-security rights and gain work experience.

        Condition: a group with income leefloon.
        Law: organieke wet OCMW 8 juli 1976 art. 60 §7; leefloon or equivalent aid (S113, S114, S118).
        """
        self.consider(A60, group)

    @Rule(Group(id=MATCH.group, unknown=unknown("income")))
    @rule_meta("A60-002", sources=["S113", "S119"],
               nl="Niet gekend of werknemersgroep {group} leefloon (of gelijkwaardige financiële hulp) krijgt: "
                  "alleen dan is een tewerkstelling met artikel 60 mogelijk.")
    def income_unknown_for_article_60(self, group):
        """It is not known whether worker group {group} receives leefloon (or equivalent financial aid): only then is an article-60 employment possible.

        Condition: the group's income is absent.
        Law: target group of art. 60 §7 (S113); equivalent leefloon (S119).
        """
        self.need(f"worker_groups.{group}.income", A60)

    @Rule(Candidate(instrument=A60, group=MATCH.group), Org(legal_form="ocmw"))
    @rule_meta("A60-010", sources=["S113", "S107"],
               nl="Alleen het OCMW kan werkgever zijn onder artikel 60 §7, en de starter is een OCMW: het kan "
                  "werknemersgroep {group} in eigen diensten of in de nieuwe dienst tewerkstellen.")
    def ocmw_is_the_employer(self, group):
        """Only the OCMW can be the employer under article 60 §7, and the starter is an OCMW: it can employ worker group {group} in its own services or in the new service.

        Condition: the legal form is OCMW.
        Law: only the OCMW is employer (S113, S107).
        """
        self.support(A60, group)

    @Rule(Candidate(instrument=A60, group=MATCH.group), Org(legal_form="municipality"))
    @rule_meta("A60-011", sources=["S113", "S118"], valid_until=LOCAL_GOVERNMENT_DECREE,
               nl="De gemeente werkt via haar OCMW: dat is de werkgever onder artikel 60 §7 en kan "
                  "werknemersgroep {group} ter beschikking stellen van de gemeentelijke dienst.")
    def municipality_works_through_its_ocmw(self, group):
        """The municipality works through its OCMW: that is the employer under article 60 §7 and can place worker group {group} at the disposal of the municipal service.

        Condition: the legal form is municipality, before 1 Jan 2019.
        Law: only the OCMW is employer; placement with a municipality (S113, S118).
        """
        self.support(A60, group)

    @Rule(Candidate(instrument=A60, group=MATCH.group), Org(legal_form="municipality"))
    @rule_meta("A60-012", sources=["S187", "S113"], valid_from=LOCAL_GOVERNMENT_DECREE,
               nl="Het OCMW is sinds 2019 geïntegreerd in de gemeente maar behoudt zijn rechtspersoonlijkheid: "
                  "het OCMW van de gemeente is werkgever van werknemersgroep {group}; het bijzonder comité voor "
                  "de sociale dienst (BCSD) beslist.")
    def municipality_ocmw_integrated(self, group):
        """Since 2019 the OCMW is integrated into the municipality but keeps its legal personality: the municipality's OCMW is the employer of worker group {group}; the special committee for the social service (BCSD) decides.

        Condition: the legal form is municipality, from 1 Jan 2019.
        Law: Decreet Lokaal Bestuur 22 Dec 2017 (S187); art. 60 §7 (S113).
        """
        self.support(A60, group)

    @Rule(Candidate(instrument=A60, group=MATCH.group),
          Org(legal_form=one_of(NOT_OCMW), role=one_of({"host", "user"})))
    @rule_meta("A60-013", sources=["S118", "S107", "S108"],
               nl="De starter kan werkplek zijn voor werknemersgroep {group}: het OCMW blijft werkgever en stelt "
                  "de werknemer ter beschikking, de starter begeleidt op de werkvloer; spreek de kostendeling af "
                  "(bij een privébedrijf kan het OCMW een deel van de kosten terugvragen).")
    def starter_as_host_workplace(self, group):
        """The starter can be the workplace for worker group {group}: the OCMW stays employer and places the worker, the starter guides on the workfloor; agree the cost-sharing (with a private company the OCMW can recover part of the cost).

        Condition: the starter is not an OCMW or municipality and wants to be host or user.
        Law: placement with vzw's, SE initiatives, private companies (S118, S107, S108).
        """
        self.support(A60, group)

    @Rule(Candidate(instrument=A60, group=MATCH.group), Org(legal_form=one_of(NOT_OCMW), role="employer"))
    @rule_meta("A60-014", sources=["S113", "S107", "S118"],
               nl="Artikel 60 §7 past niet bij de rol van werkgever: alleen het OCMW kan onder artikel 60 "
                  "werkgever zijn, dus de starter kan de leefloners niet zelf tewerkstellen. Wil de starter "
                  "werkplek zijn terwijl het OCMW werkgever blijft, dan kan het wel.")
    def only_the_ocmw_can_employ(self, group):
        """Article 60 §7 does not fit the role of employer: only the OCMW can be the employer under article 60, so the starter cannot employ the leefloon recipients itself. If the starter is willing to be the workplace while the OCMW stays employer, it can.

        Condition: the starter is not an OCMW or municipality and wants to be the employer.
        Law: only the OCMW is employer (S113, S107); placement (S118).
        """
        self.block(A60)

    @Rule(Candidate(instrument=A60, group=MATCH.group), Org(legal_form=one_of(NOT_OCMW), unknown=unknown("role")))
    @rule_meta("A60-015", sources=["S113", "S118"],
               nl="Niet gekend welke rol de starter wil opnemen: onder artikel 60 is het OCMW werkgever en kan "
                  "de starter alleen werkplek zijn.")
    def role_unknown_for_article_60(self, group):
        """It is not known which role the starter wants to take: under article 60 the OCMW is the employer and the starter can only be the workplace.

        Condition: role absent and the starter is not an OCMW or municipality.
        Law: only the OCMW is employer (S113); placement (S118).
        """
        self.need("organisation.role", A60)

    @Rule(Org(legal_form=one_of(LOCAL_GOVERNMENT)), Group(id=MATCH.group, income=one_of(NO_LEEFLOON)))
    @rule_meta("A60-016", sources=["S113", "S114", "S119"],
               nl="Werknemersgroep {group} krijgt geen leefloon: artikel 60 §7 is voor wie recht heeft op "
                  "leefloon of gelijkwaardige financiële hulp (ga bij wie geen inkomen heeft na of dat recht bestaat).")
    def no_leefloon_no_article_60(self, group):
        """Worker group {group} does not receive leefloon: article 60 §7 is for people entitled to leefloon or equivalent financial aid (for people without income, check whether that right exists).

        Condition: the starter is an OCMW or municipality and the group's income is another benefit or none.
        Law: target group of art. 60 §7 (S113, S114); equivalent leefloon (S119).
        """
        self.block(A60, group)

    @Rule(Candidate(instrument=A60, group=MATCH.group), Group(id=MATCH.group, paid_work_readiness="not_yet"))
    @rule_meta("A60-017", sources=["S113", "S91"],
               nl="Werknemersgroep {group} kan (nog) niet betaald werken: artikel 60 is een echte "
                  "arbeidsovereenkomst; leefloners kunnen met toestemming van het OCMW in arbeidszorg of "
                  "arbeidsmatige activiteiten stappen.")
    def not_ready_excludes_article_60(self, group):
        """Worker group {group} cannot (yet) do paid work: article 60 is a real employment contract; leefloon recipients can enter labour care or work-like activities with the OCMW's permission.

        Condition: paid_work_readiness is not_yet.
        Law: art. 60 employment (S113); W² entry route for leefloners (S91).
        """
        self.block(A60, group)

    @Rule(Candidate(instrument=A60, group=MATCH.group))
    @rule_meta("A60-018", sources=["S118", "S113"],
               nl="Artikel 60 is geen individueel recht: het OCMW beslist (inspanningsverplichting). De "
                  "werknemer kan in de eigen diensten van het OCMW werken (woonzorg, thuishulp, sociale "
                  "winkel, gemeentediensten) of bij derden: een gemeente, vzw, sociale-economiebedrijf of "
                  "privébedrijf.")
    def ocmw_decides_and_places(self, group):
        """Article 60 is not an individual right: the OCMW decides (best-effort obligation). The worker can work in the OCMW's own services (care homes, home help, social shop, municipal services) or with third parties: a municipality, vzw, social-economy enterprise or private company.

        Condition: article 60 is considered for a worker group.
        Law: not an individual right; activities and placements (S118, S113).
        """
        self.support(A60, group)

    @Rule(Candidate(instrument=A60, group=MATCH.group))
    @rule_meta("A60-019", sources=["S114", "S117", "S112", "S118"], valid_until=TWE_START,
               nl="Federale financiering: een staatstoelage voor de hele duur van de tewerkstelling en volledige "
                  "vrijstelling van werkgeversbijdragen; een verhoogde staatstoelage als de werknemer in een "
                  "sociale-economie-initiatief wordt geplaatst.")
    def federal_article_60_funding(self, group):
        """Federal funding: a state subsidy for the whole employment and a full exemption of employer social-security contributions; an increased state subsidy when the worker is placed in a social-economy initiative.

        Condition: article 60 is considered before 1 Jan 2017.
        Law: state subsidy and RSZ exemption (S114, S117); verhoogde staatstoelage sociale economie (S112, S118).
        """
        self.support(A60, group)

    @Rule(Candidate(instrument=A60, group=MATCH.group))
    @rule_meta("A60-020", sources=["S104", "S105", "S106"], valid_from=TWE_START,
               nl="In Vlaanderen loopt artikel 60 sinds 1 januari 2017 binnen de tijdelijke werkervaring: het "
                  "OCMW krijgt een inspanningsvergoeding van 250 EUR per maand (hoogstens 3.000 EUR per jaar, "
                  "24 maanden) en een compensatievergoeding van 195 EUR per maand tewerkstelling (bedragen zoals "
                  "gepubliceerd in 2017-2019; vraag de huidige na); de leefloner schrijft zich in bij VDAB.")
    def article_60_within_twe(self, group):
        """In Flanders article 60 runs within temporary work experience since 1 January 2017: the OCMW gets an effort allowance of 250 EUR a month (at most 3,000 EUR a year, 24 months) and a compensation allowance of 195 EUR per month of employment (amounts as published in 2017-2019; check the current ones); the leefloon recipient registers at VDAB.

        Condition: article 60 is considered from 1 Jan 2017.
        Law: TWE financing of art. 60 (S104, S105); registration at VDAB (S106).
        """
        self.support(A60, group)

    @Rule(Candidate(instrument=A60, group=MATCH.group), Group(id=MATCH.group, support_need="permanent"))
    @rule_meta("A60-021", sources=["S104"], valid_from=TWE_START,
               nl="Werknemersgroep {group} heeft blijvend ondersteuning nodig: als de sociale economie het hoogst "
                  "haalbare is, kan artikel 60 alleen een laagdrempelige start zijn; daarna maatwerk.")
    def permanent_need_article_60_as_start(self, group):
        """Worker group {group} needs permanent support: if the social economy is the highest attainable level, article 60 can only be a low-threshold start; maatwerk afterwards.

        Condition: support_need is permanent, from 1 Jan 2017.
        Law: TWE screening (S104).
        """
        self.weaken(A60, group)

    @Rule(Candidate(instrument=A60, group=MATCH.group), Group(id=MATCH.group, registered_jobseeker=False))
    @rule_meta("A60-022", sources=["S106", "S121"], valid_from=TWE_START,
               nl="Werknemersgroep {group} is niet ingeschreven bij VDAB: in Vlaanderen moet een leefloner zich "
                  "inschrijven als werkzoekende.")
    def leefloner_must_register_at_vdab(self, group):
        """Worker group {group} is not registered at VDAB: in Flanders a leefloon recipient must register as a jobseeker.

        Condition: registered_jobseeker is false, from 1 Jan 2017.
        Law: registration within TWE (S106); leefloners register at VDAB (S121).
        """
        self.weaken(A60, group)

    @Rule(Candidate(instrument=A60, group=MATCH.group), Group(id=MATCH.group, age=below(36)))
    @rule_meta("A60-023", sources=["S113", "S114"], valid_until=REFORM, uncertain=True,
               nl="Duur (niet nagekeken): onder de oude werkloosheidsregels had iemand jonger dan 36 jaar "
                  "ongeveer 312 arbeidsdagen in 21 maanden nodig; zo lang loopt de tewerkstelling ongeveer.")
    def duration_under_36(self, group):
        """Duration (not verified): under the old unemployment rules a person younger than 36 needed about 312 work days in 21 months; the employment runs about that long.

        Condition: age below 36, before the 2025 reform.
        Law: employment lasts until full social benefits open (S113, S114); day thresholds [M].
        """
        self.support(A60, group)

    @Rule(Candidate(instrument=A60, group=MATCH.group), Group(id=MATCH.group, age=at_least(36) & below(50)))
    @rule_meta("A60-024", sources=["S113", "S114"], valid_until=REFORM, uncertain=True,
               nl="Duur (niet nagekeken): onder de oude werkloosheidsregels had iemand van 36 tot 49 jaar "
                  "ongeveer 468 arbeidsdagen in 33 maanden nodig; zo lang loopt de tewerkstelling ongeveer.")
    def duration_36_to_49(self, group):
        """Duration (not verified): under the old unemployment rules a person aged 36 to 49 needed about 468 work days in 33 months; the employment runs about that long.

        Condition: age 36-49, before the 2025 reform.
        Law: employment lasts until full social benefits open (S113, S114); day thresholds [M].
        """
        self.support(A60, group)

    @Rule(Candidate(instrument=A60, group=MATCH.group), Group(id=MATCH.group, age=at_least(50)))
    @rule_meta("A60-025", sources=["S113", "S114"], valid_until=REFORM, uncertain=True,
               nl="Duur (niet nagekeken): onder de oude werkloosheidsregels had iemand van 50 jaar of ouder "
                  "ongeveer 624 arbeidsdagen in 42 maanden nodig; zo lang loopt de tewerkstelling ongeveer.")
    def duration_50_plus(self, group):
        """Duration (not verified): under the old unemployment rules a person aged 50 or over needed about 624 work days in 42 months; the employment runs about that long.

        Condition: age 50 or over, before the 2025 reform.
        Law: employment lasts until full social benefits open (S113, S114); day thresholds [M].
        """
        self.support(A60, group)

    @Rule(Candidate(instrument=A60, group=MATCH.group), Group(id=MATCH.group, unknown=unknown("age")))
    @rule_meta("A60-026", sources=["S113", "S114"], valid_until=REFORM, uncertain=True,
               nl="Duur (niet nagekeken): de tewerkstelling duurt tot de werknemer recht heeft op volledige "
                  "werkloosheidsuitkeringen; onder de oude regels hing dat af van de leeftijd (ongeveer 312 "
                  "dagen in 21 maanden onder 36 jaar, 468 in 33 maanden van 36 tot 49, 624 in 42 maanden vanaf 50).")
    def duration_depends_on_age(self, group):
        """Duration (not verified): the employment lasts until the worker is entitled to full unemployment benefit; under the old rules that depended on age (about 312 days in 21 months under 36, 468 in 33 months at 36 to 49, 624 in 42 months from 50).

        Condition: age absent, before the 2025 reform.
        Law: employment lasts until full social benefits open (S113, S114); day thresholds [M].
        """
        self.support(A60, group)

    @Rule(Candidate(instrument=A60, group=MATCH.group))
    @rule_meta("A60-027", sources=["S122"], valid_from=REFORM,
               nl="Sinds de federale hervorming (1 juli 2025) geven 312 gewerkte dagen in de laatste 36 maanden "
                  "recht op 12 maanden werkloosheidsuitkering (plus 1 maand per 104 extra dagen, hoogstens 24): "
                  "artikel-60-contracten duren daardoor meestal ongeveer een jaar.")
    def duration_after_reform(self, group):
        """Since the federal reform (1 July 2025) 312 worked days in the last 36 months give 12 months of unemployment benefit (plus 1 month per 104 extra days, at most 24): article-60 contracts therefore tend to last about one year.

        Condition: article 60 is considered from 1 Jul 2025.
        Law: federal unemployment reform, "korf" rule (S122).
        """
        self.support(A60, group)

    @Rule(Candidate(instrument=A60, group=MATCH.group),
          Service(activities=any_of(UNLISTED_LOCAL_ACTIVITIES | {OTHER_ACTIVITY})))
    @rule_meta("A60-028", sources=["S118"],
               nl="Artikel 60 hangt niet af van de activiteit: werknemersgroep {group} kan elk nuttig werk doen "
                  "in de eigen diensten van het OCMW (de bronnen noemen woonzorgcentra, thuishulp, sociale "
                  "winkels en gemeentelijke diensten) of bij derden, dus ook in deze dienst.")
    def any_useful_job_fits_article_60(self, group):
        """Article 60 does not depend on the activity: worker group {group} can do any useful job in the OCMW's own services (the sources name care homes, home help, social shops and municipal services) or with third parties, so also in this service.

        Condition: article 60 is considered for the group, and the activities include a social grocery, a meal distribution or an activity not on the list.
        Law: art. 60 §7: any useful job in the OCMW's own services or with third parties, SE enterprises and private firms included (S118).
        """
        self.support(A60, group)

    @Rule(Candidate(instrument=A60))
    @rule_meta("A60-030", sources=["S122"], valid_from=REFORM,
               nl="Draaideurrisico: na een artikel-60-contract van ongeveer een jaar volgt maar 12 maanden "
                  "werkloosheidsuitkering, waarna de persoon terug bij het OCMW kan komen; sommige (Brusselse) "
                  "OCMW's beperken artikel 60 al tot een jaar.")
    def revolving_door(self):
        """Revolving-door risk: an article-60 contract of about one year is followed by only 12 months of unemployment benefit, after which the person may return to the OCMW; some (Brussels) OCMWs already limit article 60 to one year.

        Condition: article 60 is considered from 1 Jul 2025.
        Law: federal unemployment reform (S122).
        """
        self.warn("transition", A60)

    @Rule(Candidate(instrument=A60))
    @rule_meta("A60-031", sources=["S122"], valid_from=FIRST_EXCLUSIONS,
               nl="Sinds 1 januari 2026 vallen de eerste werklozen uit de werkloosheidsuitkering: OCMW's "
                  "verwachten meer leefloners; de federale overheid betaalt het leefloon voor de eerste nieuwe "
                  "aanvragen in 2026 volledig terug (75 % vanaf 2029) en 518 EUR per dossier per jaar voor personeel.")
    def first_exclusions_inflow(self):
        """Since 1 January 2026 the first unemployed people lose their unemployment benefit: OCMWs expect more leefloon recipients; the federal government fully refunds the leefloon for the first new applications in 2026 (75 % from 2029) and 518 EUR per file per year for staff.

        Condition: article 60 is considered from 1 Jan 2026.
        Law: federal unemployment reform, phasing and compensation (S122).
        """
        self.warn("transition", A60)

    @Rule(Candidate(instrument=A60))
    @rule_meta("A60-032", sources=["S104", "S112"], valid_from=TWE_START, uncertain=True,
               nl="Niet bevestigd: of de federale staatstoelage voor artikel 60 in Vlaanderen naast de "
                  "TWE-vergoedingen blijft lopen, en hoeveel ze nu bedraagt.")
    def federal_subsidy_alongside_twe_unverified(self):
        """Not confirmed: whether the federal state subsidy for article 60 still runs alongside the TWE allowances in Flanders, and how much it is now.

        Condition: article 60 is considered from 1 Jan 2017.
        Law: TWE financing on top of the federal subsidy (S104); federal subsidy in Flanders [M].
        """
        self.warn("uncertain-fact", A60)

    @Rule(Candidate(instrument=A60))
    @rule_meta("A60-092", sources=["S104"], valid_from=TWE_START, valid_until=TWE_INTEGRATION,
               nl="Overgang: artikel-60-contracten die voor 2017 begonnen, houden het oude regime (met "
                  "RSZ-vermindering) tot 31 december 2018 en worden op 1 januari 2019 in de tijdelijke "
                  "werkervaring opgenomen; nieuwe contracten lopen meteen binnen de tijdelijke werkervaring.")
    def transition_into_twe(self):
        """Transition: article-60 contracts started before 2017 keep the old regime (with RSZ reduction) until 31 December 2018 and are integrated into temporary work experience on 1 January 2019; new contracts run within temporary work experience at once.

        Condition: article 60 is considered between 1 Jan 2017 and 1 Jan 2019.
        Law: integration of old art. 60 contracts into TWE (S104).
        """
        self.warn("transition", A60)

    # --- A61: artikel 61 ------------------------------------------------------------------

    @Rule(Org(legal_form=one_of(PRIVATE_EMPLOYERS)), Group(id=MATCH.group, income="leefloon"))
    @rule_meta("A61-001", sources=["S113", "S117", "S118"],
               nl="De starter is een private werkgever en werknemersgroep {group} krijgt leefloon: met "
                  "artikel 61 sluit het OCMW een overeenkomst met de werkgever om de leefloner in te schakelen.")
    def private_employer_fits_article_61(self, group):
        """The starter is a private employer and worker group {group} receives leefloon: under article 61 the OCMW concludes an agreement with the employer to employ the leefloon recipient.

        Condition: a company, cooperative or VSO and a leefloon group.
        Law: organieke wet OCMW art. 61 (S113, S117, S118).
        """
        self.consider(A61, group)

    @Rule(Org(legal_form=one_of(PRIVATE_EMPLOYERS)), Group(id=MATCH.group, unknown=unknown("income")))
    @rule_meta("A61-002", sources=["S113", "S117"],
               nl="Niet gekend of werknemersgroep {group} leefloon krijgt: alleen dan kan het OCMW met de "
                  "werkgever een overeenkomst volgens artikel 61 sluiten.")
    def income_unknown_for_article_61(self, group):
        """It is not known whether worker group {group} receives leefloon: only then can the OCMW conclude an article-61 agreement with the employer.

        Condition: a private employer and the group's income absent.
        Law: art. 61 (S113, S117).
        """
        self.need(f"worker_groups.{group}.income", A61)

    @Rule(Org(unknown=unknown("legal_form")), Group(id=MATCH.group, income="leefloon"))
    @rule_meta("A61-003", sources=["S117", "S118"],
               nl="De rechtsvorm van de starter is niet gekend: artikel 61 is er voor private werkgevers die een "
                  "leefloner (werknemersgroep {group}) aanwerven.")
    def legal_form_unknown_for_article_61(self, group):
        """The starter's legal form is not known: article 61 is for private employers who hire a leefloon recipient (worker group {group}).

        Condition: legal_form absent and a leefloon group.
        Law: art. 61 (S117, S118).
        """
        self.need("organisation.legal_form", A61)

    @Rule(Candidate(instrument=A61, group=MATCH.group), Org(role="employer"))
    @rule_meta("A61-010", sources=["S117", "S118"],
               nl="De starter wil werkgever zijn: onder artikel 61 werft hij werknemersgroep {group} zelf aan, "
                  "met een overeenkomst en steun van het OCMW.")
    def starter_employs_under_article_61(self, group):
        """The starter wants to be the employer: under article 61 it hires worker group {group} itself, with an agreement and support from the OCMW.

        Condition: role is employer.
        Law: art. 61 employment agreement with a private enterprise (S117, S118).
        """
        self.support(A61, group)

    @Rule(Candidate(instrument=A61, group=MATCH.group), Org(role=one_of({"host", "user"})))
    @rule_meta("A61-011", sources=["S117", "S118"],
               nl="Artikel 61 past niet: daarbij sluit het OCMW een arbeidsovereenkomst met een private "
                  "onderneming die de leefloner zelf in dienst neemt, en de starter wil alleen werkplek zijn. "
                  "Als werkplek past artikel 60 (het OCMW blijft werkgever).")
    def host_fits_article_60_better(self, group):
        """Article 61 does not fit: under it the OCMW concludes an employment agreement with a private enterprise that employs the leefloon recipient itself, and the starter only wants to be the workplace. As a workplace, article 60 fits (the OCMW stays employer).

        Condition: role is host or user.
        Law: art. 61 agreement with a private employer vs art. 60 placement (S117, S118).
        """
        self.block(A61)

    @Rule(Candidate(instrument=A61, group=MATCH.group), Org(unknown=unknown("role")))
    @rule_meta("A61-012", sources=["S117"],
               nl="Niet gekend of de starter werkgever wil zijn: onder artikel 61 werft het bedrijf de leefloner zelf aan.")
    def role_unknown_for_article_61(self, group):
        """It is not known whether the starter wants to be the employer: under article 61 the company hires the leefloon recipient itself.

        Condition: role absent.
        Law: art. 61 (S117).
        """
        self.need("organisation.role", A61)

    @Rule(Candidate(instrument=A61, group=MATCH.group), Group(id=MATCH.group, paid_work_readiness="not_yet"))
    @rule_meta("A61-013", sources=["S117", "S91"],
               nl="Werknemersgroep {group} kan (nog) niet betaald werken: artikel 61 is een gewone "
                  "arbeidsovereenkomst bij een private werkgever.")
    def not_ready_excludes_article_61(self, group):
        """Worker group {group} cannot (yet) do paid work: article 61 is an ordinary employment contract with a private employer.

        Condition: paid_work_readiness is not_yet.
        Law: art. 61 employment (S117); W² for those who cannot work (S91).
        """
        self.block(A61, group)

    @Rule(Candidate(instrument=A61, group=MATCH.group))
    @rule_meta("A61-014", sources=["S117", "S118"], uncertain=True,
               nl="Het OCMW kan de werkgever steunen (historisch een staatstoelage bij artikel 61), maar het "
                  "huidige bedrag van die steun is niet bevestigd: vraag het aan het OCMW.")
    def article_61_support_amount_unverified(self, group):
        """The OCMW can support the employer (historically a state subsidy under article 61), but the current amount of that support is not confirmed: ask the OCMW.

        Condition: article 61 is considered for a worker group.
        Law: legal-text fragments on the art. 61 state subsidy (S117); amount [M].
        """
        self.support(A61, group)

    @Rule(Candidate(instrument=A61, group=MATCH.group), Org(legal_form="company"))
    @rule_meta("A61-015", sources=["S118", "S107"],
               nl="Een privébedrijf kan ook werkplek zijn voor een artikel-60-werknemer: dan blijft het OCMW "
                  "werkgever en kan het een deel van de kosten terugvragen; artikel 61 is de vorm waarin het "
                  "bedrijf werknemersgroep {group} zelf aanwerft.")
    def company_choice_between_60_and_61(self, group):
        """A private company can also be the workplace for an article-60 worker: then the OCMW stays employer and can recover part of the cost; article 61 is the form in which the company hires worker group {group} itself.

        Condition: the starter is a company.
        Law: placement with private firms and cost recovery (S118, S107).
        """
        self.support(A61, group)
