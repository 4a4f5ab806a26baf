"""Arbeidszorg (labour care, family AZ) and arbeidsmatige activiteiten (work-like activities
under the work-care decree of 2022, family AMA): brief §3.8.

Unpaid, work-like activity under guidance, without production pressure, for people who
cannot (yet / any longer) do paid work because of medical, mental, psychological,
psychiatric or social problems; participants keep their benefit. Organisation-level
instruments: the starter is the provider (a welfare or care vzw, an OCMW (association), a
social-economy enterprise), never a commercial company.

How the eras are represented (the catalogue's windows):

- ``arbeidszorg`` until 1 Jan 2024. Up to 2 Feb 2018 without a framework of its own (the
  SW decree's labour-care function, VAPH, green care, provincial subsidies). From 2 Feb 2018
  the work-care decree of 25 April 2014 (BVR 2 Feb 2018) applied: labour care was then
  offered as arbeidsmatige activiteiten within work-care trajectories, in the social economy
  too from 1 Apr 2021. These 2018-2023 arrangements stay under the id ``arbeidszorg``: the
  rules' texts say which framework applies, they do not pretend the 2022 instrument existed.
- ``arbeidsmatige-activiteiten`` from 1 Jan 2024, when the decree of 8 July 2022 fully
  replaced the 2014 decree (activeringstrajecten already from 1 Jul 2023: a transition
  warning on arbeidszorg covers 1 Jul 2023 - 31 Dec 2023).
"""
from advisor.engine.rulekit import (
    MATCH, NOT, Candidate, Group, Kind, Org, Rule, Service, Workforce, at_least, has,
    none_of, one_of, rule_meta, unknown,
)

AZ = "arbeidszorg"
AMA = "arbeidsmatige-activiteiten"

AZ_CLOSED = "2024-01-01"          # the 2022 decree fully replaces the 2014 one (S87, S88)
W2_IMPLEMENTED = "2018-02-02"     # BVR 2 Feb 2018 implements the decree of 25 April 2014 (S88, S90)
SW_END = "2019-01-01"             # the SW regulation stopped; maatwerk from 1 Jan 2019 (S43, S6)
AMA_SE = "2021-04-01"             # arbeidsmatige activiteiten in the social economy (BVR 8 Jan 2021, S88)
ACTIVATION_TRAJECTORIES = "2023-07-01"  # activeringstrajecten under the 2022 decree (S87)

#: Providers named by the brief: welfare and care vzw's, OCMW associations, SWs (vzw or VSO)
#: and social-economy enterprises.
PROVIDERS = {"nonprofit", "ocmw", "intermunicipal", "social_purpose_company"}
WELFARE_TRACK = {"nonprofit", "ocmw", "intermunicipal"}
NOT_NAMED = {"municipality", "cooperative", "none_yet"}
READY = {"ready", "ready_with_support"}
MEDICAL = {"recognised", "suspected"}
#: W² target group: persons aged 18-65 (S91).
W2_AGES = range(18, 66)


class LabourCareRules:
    # --- AZ: arbeidszorg (until 1 Jan 2024) --------------------------------------------

    @Rule(Group(id=MATCH.group, paid_work_readiness="not_yet"))
    @rule_meta("AZ-001", sources=["S85", "S62", "S95"], valid_until=AZ_CLOSED,
               nl="Minstens één werknemersgroep kan (nog) niet betaald werken: arbeidszorg biedt onbetaalde, "
                  "arbeidsmatige activiteit onder begeleiding, en de deelnemers behouden hun uitkering.")
    def workers_not_ready_fit_labour_care(self, group):
        """At least one worker group cannot (yet) do paid work: labour care offers unpaid, work-like activity under guidance, and the participants keep their benefit.

        Condition: a worker group with paid_work_readiness not_yet.
        Law: definition of arbeidszorg, a safety net below the (social) economy (S85, S62, S95).
        """
        self.consider(AZ)

    @Rule(Service(activities=has("day_activities")), Workforce(unknown=has("worker_groups")))
    @rule_meta("AZ-002", sources=["S85", "S93"], valid_until=AZ_CLOSED,
               nl="Een dagactiviteit zonder productiedruk kan arbeidszorg zijn, als de deelnemers (nog) "
                  "niet betaald kunnen werken; wie de deelnemers zijn, is nog niet gekend.")
    def day_activity_may_be_labour_care(self):
        """A day activity without production pressure can be labour care, if the participants cannot (yet) do paid work; who the participants are is not known yet.

        Condition: day_activities among the activities and worker_groups absent.
        Law: definition and practice of arbeidszorg (S85, S93).
        """
        self.consider(AZ)

    @Rule(Candidate(instrument=AZ), Org(legal_form=one_of(PROVIDERS)))
    @rule_meta("AZ-010", sources=["S85", "S47", "S93", "S92"],
               nl="Arbeidszorg wordt aangeboden door vzw's uit welzijn en zorg, sociale werkplaatsen met "
                  "een arbeidszorgfunctie en OCMW(-vereniging)en (zoals WOK Brugge): deze rechtsvorm past.")
    def provider_form_fits_labour_care(self):
        """Labour care is offered by welfare and care vzw's, social workshops with a labour-care function and OCMWs or OCMW associations (such as WOK Brugge): this legal form fits.

        Condition: the legal form is a vzw, OCMW, intermunicipal (OCMW) association or VSO.
        Law: providers of arbeidszorg (S47, S93: WOK Brugge, OCMW association since 2003; S92: De Klus).
        """
        self.support(AZ)

    @Rule(Candidate(instrument=AZ), Org(legal_form="company"))
    @rule_meta("AZ-011", sources=["S85", "S88"],
               nl="Een commercieel bedrijf kan geen arbeidszorg aanbieden: arbeidszorg is onbetaalde "
                  "activiteit zonder productiedruk bij welzijns- of zorgorganisaties en sociale werkplaatsen.")
    def company_cannot_offer_labour_care(self):
        """A commercial company cannot offer labour care: labour care is unpaid activity without production pressure at welfare or care organisations and social workshops.

        Condition: the legal form is a company.
        Law: definition of arbeidszorg (S85); recognised providers (S88).
        """
        self.block(AZ)

    @Rule(Candidate(instrument=AZ), Org(legal_form=one_of(NOT_NAMED)))
    @rule_meta("AZ-012", sources=["S85", "S93"],
               nl="Deze rechtsvorm (gemeente, coöperatie of nog geen rechtspersoon) staat niet bij de gekende aanbieders van arbeidszorg "
                  "(vzw's uit welzijn en zorg, sociale werkplaatsen, OCMW-verenigingen): werk via of met "
                  "een vzw of het OCMW.")
    def legal_form_not_a_named_provider(self):
        """This legal form (municipality, cooperative or no legal entity yet) is not among the known providers of labour care (welfare and care vzw's, social workshops, OCMW associations): work through or with a vzw or the OCMW.

        Condition: the legal form is municipality, cooperative or none_yet.
        Law: providers of arbeidszorg (S85, S93).
        """
        self.weaken(AZ)

    @Rule(Candidate(instrument=AZ), Group(id=MATCH.group, paid_work_readiness="not_yet", psychosocial_problems=True))
    @rule_meta("AZ-013", sources=["S85", "S47"],
               nl="Werknemersgroep {group} heeft psychosociale problemen: voor mensen die door mentale, "
                  "psychische, psychiatrische of sociale problemen niet betaald kunnen werken, bestaat arbeidszorg.")
    def psychosocial_problems_fit_labour_care(self, group):
        """Worker group {group} has psychosocial problems: labour care exists for people who cannot do paid work because of mental, psychological, psychiatric or social problems.

        Condition: a not_yet group with psychosocial problems.
        Law: definition of arbeidszorg (S85); settings GGZ, welfare work (S47).
        """
        self.support(AZ)

    @Rule(Candidate(instrument=AZ), Group(id=MATCH.group, paid_work_readiness="not_yet", work_disability=one_of(MEDICAL)))
    @rule_meta("AZ-014", sources=["S85", "S86"],
               nl="Werknemersgroep {group} heeft een (vermoede) arbeidshandicap: ook medische problemen "
                  "waardoor betaald werk (nog) niet lukt, horen bij arbeidszorg.")
    def medical_problems_fit_labour_care(self, group):
        """Worker group {group} has a (suspected) work disability: medical problems that make paid work impossible (for now) also belong to labour care.

        Condition: a not_yet group with a recognised or suspected work disability.
        Law: definition of arbeidszorg (S85); VAPH "begeleid werken" (S86).
        """
        self.support(AZ)

    @Rule(Candidate(instrument=AZ),
          Group(id=MATCH.group, paid_work_readiness="not_yet", psychosocial_problems=False, work_disability="none"))
    @rule_meta("AZ-015", sources=["S85"],
               nl="Werknemersgroep {group} is nog niet klaar voor betaald werk, maar zonder gekende medische, "
                  "mentale, psychische, psychiatrische of sociale problemen: arbeidszorg is voor wie daardoor "
                  "niet betaald kan werken; bekijk ook een werkervaringstraject.")
    def not_ready_without_problems(self, group):
        """Worker group {group} is not ready for paid work, but without known medical, mental, psychological, psychiatric or social problems: labour care is for people who cannot do paid work because of such problems; also look at a work-experience trajectory.

        Condition: a not_yet group without psychosocial problems and without work disability.
        Law: definition of arbeidszorg (S85).
        """
        self.weaken(AZ)

    @Rule(Candidate(instrument=AZ), Kind(kind="day_activity"))
    @rule_meta("AZ-016", sources=["S93", "S85"],
               nl="De dienst is arbeidsmatige activiteit zonder productiedruk, op het tempo van de deelnemer, "
                  "zoals arbeidszorg dat vraagt.")
    def day_activity_without_pressure(self):
        """The service is work-like activity without production pressure, at the participant's own pace, as labour care requires.

        Condition: the service is a day activity (SVC-005, SVC-006).
        Law: arbeidszorg practice: groepsgroen, odd jobs, workshops, kitchen work (S93).
        """
        self.support(AZ)

    @Rule(Candidate(instrument=AZ), Service(competes_with_regular_market="fully"))
    @rule_meta("AZ-017", sources=["S85", "S93"],
               nl="De dienst concurreert volledig met de markt: arbeidszorg is activiteit zonder "
                  "productiedruk, geen marktproductie.")
    def market_service_is_not_labour_care(self):
        """The service fully competes with the market: labour care is activity without production pressure, not market production.

        Condition: competes_with_regular_market is fully.
        Law: arbeidszorg without production pressure (S85, S93).
        """
        self.block(AZ)

    @Rule(Candidate(instrument=AZ), Service(competes_with_regular_market="partly"))
    @rule_meta("AZ-018", sources=["S85", "S93"],
               nl="De dienst concurreert deels met de markt: in arbeidszorg mag er geen productiedruk zijn; "
                  "houd de activiteit los van omzetdoelen.")
    def partial_market_weakens_labour_care(self):
        """The service partly competes with the market: labour care must be free of production pressure; keep the activity apart from turnover targets.

        Condition: competes_with_regular_market is partly.
        Law: arbeidszorg without production pressure (S85, S93).
        """
        self.weaken(AZ)

    @Rule(Candidate(instrument=AZ), Service(unknown=unknown("competes_with_regular_market")))
    @rule_meta("AZ-019", sources=["S85", "S93"],
               nl="Niet gekend of de dienst met de markt concurreert: arbeidszorg mag geen productiedruk hebben.")
    def competition_unknown_for_labour_care(self):
        """It is not known whether the service competes with the market: labour care must have no production pressure.

        Condition: competes_with_regular_market absent.
        Law: arbeidszorg without production pressure (S85, S93).
        """
        self.need("service.competes_with_regular_market", AZ)

    @Rule(Candidate(instrument=AZ),
          Group(id=MATCH.group, paid_work_readiness="not_yet",
                income=one_of({"leefloon", "unemployment_benefit", "disability_benefit"})))
    @rule_meta("AZ-020", sources=["S85", "S47"],
               nl="Werknemersgroep {group} behoudt zijn uitkering: arbeidszorg is onbetaald; deelnemers "
                  "tekenen een arbeidszorgovereenkomst en zijn verzekerd voor burgerlijke aansprakelijkheid.")
    def participants_keep_their_benefit(self, group):
        """Worker group {group} keeps its benefit: labour care is unpaid; participants sign a labour-care agreement and are insured for civil liability.

        Condition: a not_yet group with leefloon, unemployment or disability benefit.
        Law: participants keep their benefit (S85); arbeidszorgovereenkomst and insurance (S47).
        """
        self.support(AZ)

    @Rule(Service(activities=has("day_activities")),
          Group(id=MATCH.group, paid_work_readiness=one_of(READY)),
          NOT(Group(paid_work_readiness="not_yet")))
    @rule_meta("AZ-021", sources=["S85"], valid_until=AZ_CLOSED,
               nl="Werknemersgroep {group} is klaar voor betaald werk (eventueel met ondersteuning): "
                  "arbeidszorg is voor wie (nog) niet betaald kan werken; kijk naar betaald werk met "
                  "begeleiding.")
    def ready_workers_need_paid_work(self, group):
        """Worker group {group} is ready for paid work (possibly with support): labour care is for people who cannot (yet) do paid work; look at paid work with guidance.

        Condition: a day-activity service, a group ready (with support) and no group not_yet.
        Law: definition of arbeidszorg (S85).
        """
        self.block(AZ)

    @Rule(Service(activities=has("day_activities")), Group(id=MATCH.group, unknown=unknown("paid_work_readiness")))
    @rule_meta("AZ-022", sources=["S85"], valid_until=AZ_CLOSED,
               nl="Niet gekend of werknemersgroep {group} betaald kan werken: dat beslist of de dagactiviteit "
                  "arbeidszorg is.")
    def readiness_unknown_for_day_activity(self, group):
        """It is not known whether worker group {group} can do paid work: that decides whether the day activity is labour care.

        Condition: a day-activity service and a group whose paid_work_readiness is absent.
        Law: definition of arbeidszorg (S85).
        """
        self.need(f"worker_groups.{group}.paid_work_readiness", AZ)

    @Rule(Group(id=MATCH.group, psychosocial_problems=True, unknown=unknown("paid_work_readiness")))
    @rule_meta("AZ-023", sources=["S85"], valid_until=AZ_CLOSED,
               nl="Werknemersgroep {group} heeft psychosociale problemen, maar het is niet gekend of ze "
                  "betaald kan werken: zo niet, dan is arbeidszorg aangewezen.")
    def readiness_unknown_with_psychosocial_problems(self, group):
        """Worker group {group} has psychosocial problems, but it is not known whether it can do paid work: if not, labour care is indicated.

        Condition: psychosocial_problems true and paid_work_readiness absent.
        Law: definition of arbeidszorg (S85).
        """
        self.need(f"worker_groups.{group}.paid_work_readiness", AZ)

    @Rule(Candidate(instrument=AZ))
    @rule_meta("AZ-024", sources=["S85", "S86", "S47", "S92"], valid_until=W2_IMPLEMENTED,
               nl="Arbeidszorg heeft nog geen eigen decreet: veranker het via een sociale werkplaats met "
                  "een arbeidszorgfunctie, als welzijns- of zorgvzw (ggz, gehandicaptenzorg, algemeen "
                  "welzijnswerk, zorgboerderij) of met provinciale subsidie (West-Vlaanderen); spreek de "
                  "toeleiding af met de werkwinkel, VDAB en het OCMW.")
    def labour_care_without_own_decree(self):
        """Labour care has no decree of its own yet: anchor it through a social workshop with a labour-care function, as a welfare or care vzw (mental health care, disability care, general welfare work, care farm) or with a provincial subsidy (West Flanders); agree the referral with the werkwinkel, VDAB and the OCMW.

        Condition: labour care is considered before the work-care decree was implemented (2 Feb 2018).
        Law: SW decree amendment Nov 2001 (S47); VAPH begeleid werken, green care (S86); provincial subsidies for over 15 years (S92).
        """
        self.support(AZ)

    @Rule(Candidate(instrument=AZ), Org(legal_form=one_of({"nonprofit", "social_purpose_company"}), staff_fte=at_least(10)))
    @rule_meta("AZ-025", sources=["S47", "S41"], valid_until=SW_END,
               nl="Met minstens 10 VTE kan een erkende sociale werkplaats (vzw of VSO) een omkaderingspremie "
                  "voor arbeidszorg krijgen ('omkaderingsgesco's arbeidszorg').")
    def social_workshop_labour_care_premium(self):
        """With at least 10 FTE a recognised social workshop (vzw or VSO) can get a staffing premium for labour care ("omkaderingsgesco's arbeidszorg").

        Condition: vzw or VSO with staff_fte >= 10, while social workshops exist.
        Law: SW decree amended Nov 2001, first call April 2002 (S47); SW forms (S41).
        """
        self.support(AZ)

    @Rule(Candidate(instrument=AZ))
    @rule_meta("AZ-026", sources=["S88", "S90", "S87"], valid_from=W2_IMPLEMENTED, valid_until=AZ_CLOSED,
               nl="Sinds 2 februari 2018 valt arbeidszorg onder het decreet werk- en zorgtrajecten van 25 april "
                  "2014: erkende aanbieders organiseren arbeidsmatige activiteiten binnen een werk-zorgtraject "
                  "(welzijnsspoor bij het Departement WVG).")
    def labour_care_under_2014_work_care_decree(self):
        """Since 2 February 2018 labour care falls under the work-care trajectories decree of 25 April 2014: recognised providers organise work-like activities within a work-care trajectory (welfare track at the Departement WVG).

        Condition: labour care is considered between 2 Feb 2018 and 1 Jan 2024.
        Law: decreet 25 april 2014 werk- en zorgtrajecten, BVR 2 Feb 2018 (S88, S90).
        """
        self.support(AZ)

    @Rule(Candidate(instrument=AZ), Org(legal_form=one_of({"nonprofit", "social_purpose_company"})))
    @rule_meta("AZ-027", sources=["S88"], valid_from=AMA_SE, valid_until=AZ_CLOSED,
               nl="Sinds 1 april 2021 kunnen ondernemingen uit de sociale economie arbeidsmatige activiteiten "
                  "aanbieden (spoor sociale economie, Departement WSE en VDAB).")
    def social_economy_track_since_2021(self):
        """Since 1 April 2021 social-economy enterprises can offer work-like activities (social-economy track, Departement WSE and VDAB).

        Condition: a vzw or VSO, between 1 Apr 2021 and 1 Jan 2024.
        Law: BVR 8 Jan 2021 amending BVR 2 Feb 2018 (S88).
        """
        self.support(AZ)

    @Rule(Candidate(instrument=AZ))
    @rule_meta("AZ-092", sources=["S87", "S88"], valid_from=ACTIVATION_TRAJECTORIES, valid_until=AZ_CLOSED,
               nl="Overgang: het decreet werk- en zorgtrajecten van 8 juli 2022 start de activeringstrajecten "
                  "op 1 juli 2023 en vervangt het decreet van 2014 volledig op 1 januari 2024; vanaf dan "
                  "heet het aanbod arbeidsmatige activiteiten en is een nieuwe erkenning nodig.")
    def transition_to_2022_decree(self):
        """Transition: the work-care decree of 8 July 2022 starts the activation trajectories on 1 July 2023 and fully replaces the 2014 decree on 1 January 2024; from then on the offer is called arbeidsmatige activiteiten and a new recognition is needed.

        Condition: labour care is considered between 1 Jul 2023 and 1 Jan 2024.
        Law: decreet 8 juli 2022, BVR 18 Nov 2022 (S87, S88).
        """
        self.warn("transition", AZ)

    @Rule(Group(id=MATCH.group, paid_work_readiness="not_yet"))
    @rule_meta("AZ-090", sources=["S87", "S88"], valid_from=AZ_CLOSED,
               nl="Arbeidszorg onder het decreet van 2014 bestaat niet meer sinds 1 januari 2024: het "
                  "werk-zorgdecreet van 8 juli 2022 verving het toen volledig; voor werknemersgroep {group} "
                  "gelden nu de arbeidsmatige activiteiten.")
    def labour_care_closed_for_group(self, group):
        """Labour care under the 2014 decree no longer exists since 1 January 2024: the work-care decree of 8 July 2022 fully replaced it then; for worker group {group} the arbeidsmatige activiteiten now apply.

        Condition: a not_yet group (the AZ-001 situation) on or after 1 Jan 2024.
        Law: decreet 8 juli 2022, fully in force 1 Jan 2024 (S87, S88).
        """
        self.block(AZ)
        self.warn("instrument-closed", AZ)

    @Rule(Service(activities=has("day_activities")), Workforce(unknown=has("worker_groups")))
    @rule_meta("AZ-091", sources=["S87", "S88"], valid_from=AZ_CLOSED,
               nl="Arbeidszorg onder het decreet van 2014 bestaat niet meer sinds 1 januari 2024: het "
                  "werk-zorgdecreet van 8 juli 2022 verving het toen volledig door de arbeidsmatige activiteiten.")
    def labour_care_closed(self):
        """Labour care under the 2014 decree no longer exists since 1 January 2024: the work-care decree of 8 July 2022 then fully replaced it by the arbeidsmatige activiteiten.

        Condition: a day activity with unknown workers (the AZ-002 situation) on or after 1 Jan 2024.
        Law: decreet 8 juli 2022, fully in force 1 Jan 2024 (S87, S88).
        """
        self.block(AZ)
        self.warn("instrument-closed", AZ)

    # --- AMA: arbeidsmatige activiteiten (from 1 Jan 2024) -------------------------------

    @Rule(Group(id=MATCH.group, paid_work_readiness="not_yet"))
    @rule_meta("AMA-001", sources=["S87", "S88", "S91"], valid_from=AZ_CLOSED,
               nl="Minstens één werknemersgroep kan (nog) niet betaald werken: arbeidsmatige activiteiten "
                  "(werk-zorgdecreet 2022) bieden onbetaalde activiteit zonder productiedruk, met behoud "
                  "van uitkering.")
    def workers_not_ready_fit_work_like_activities(self, group):
        """At least one worker group cannot (yet) do paid work: arbeidsmatige activiteiten (work-care decree 2022) offer unpaid activity without production pressure, keeping the benefit.

        Condition: a worker group with paid_work_readiness not_yet, from 1 Jan 2024.
        Law: decreet 8 juli 2022 over de werk- en zorgtrajecten; BVR 18 Nov 2022 (S87, S88, S91).
        """
        self.consider(AMA)

    @Rule(Service(activities=has("day_activities")), Workforce(unknown=has("worker_groups")))
    @rule_meta("AMA-002", sources=["S87", "S88"], valid_from=AZ_CLOSED,
               nl="Een dagactiviteit zonder productiedruk kan als arbeidsmatige activiteit erkend worden, als "
                  "de deelnemers (nog) niet betaald kunnen werken; wie de deelnemers zijn, is nog niet gekend.")
    def day_activity_may_be_work_like_activity(self):
        """A day activity without production pressure can be recognised as a work-like activity, if the participants cannot (yet) do paid work; who the participants are is not known yet.

        Condition: day_activities among the activities and worker_groups absent, from 1 Jan 2024.
        Law: decreet 8 juli 2022 (S87, S88).
        """
        self.consider(AMA)

    @Rule(Candidate(instrument=AMA), Org(legal_form=one_of(WELFARE_TRACK)))
    @rule_meta("AMA-010", sources=["S88", "S87", "S93"],
               nl="Als organisatie uit welzijn of zorg (vzw, OCMW of OCMW-vereniging) kan de starter erkenning "
                  "vragen als aanbieder van arbeidsmatige activiteiten in het welzijnsspoor (Departement Zorg/WVG).")
    def welfare_track_provider(self):
        """As a welfare or care organisation (vzw, OCMW or OCMW association) the starter can apply for recognition as a provider of work-like activities in the welfare track (Departement Zorg/WVG).

        Condition: the legal form is a vzw, OCMW or intermunicipal (OCMW) association.
        Law: decreet 8 juli 2022, BVR 18 Nov 2022: welfare track (S88, S87).
        """
        self.support(AMA)

    @Rule(Candidate(instrument=AMA), Org(legal_form="social_purpose_company"))
    @rule_meta("AMA-011", sources=["S88", "S87"],
               nl="Als onderneming uit de sociale economie kan de starter arbeidsmatige activiteiten aanbieden "
                  "in het spoor sociale economie (Departement WSE en VDAB).")
    def social_economy_track_provider(self):
        """As a social-economy enterprise the starter can offer work-like activities in the social-economy track (Departement WSE and VDAB).

        Condition: the legal form is a VSO / recognised social enterprise.
        Law: decreet 8 juli 2022, BVR 18 Nov 2022 chapter 3: social-economy track (S88, S87).
        """
        self.support(AMA)

    @Rule(Candidate(instrument=AMA), Org(legal_form="company"))
    @rule_meta("AMA-012", sources=["S88", "S87"],
               nl="Een commercieel bedrijf kan geen erkende aanbieder van arbeidsmatige activiteiten zijn: "
                  "alleen aanbieders uit welzijn en zorg en ondernemingen uit de sociale economie.")
    def company_cannot_offer_work_like_activities(self):
        """A commercial company cannot be a recognised provider of work-like activities: only welfare and care providers and social-economy enterprises.

        Condition: the legal form is a company.
        Law: decreet 8 juli 2022: welfare track and social-economy track (S88).
        """
        self.block(AMA)

    @Rule(Candidate(instrument=AMA), Org(legal_form=one_of(NOT_NAMED)))
    @rule_meta("AMA-013", sources=["S88", "S93"],
               nl="Deze rechtsvorm (gemeente, coöperatie of nog geen rechtspersoon) is geen erkende aanbieder uit welzijn, zorg of sociale "
                  "economie: werk via een vzw, het OCMW (of een OCMW-vereniging) of een erkende sociale onderneming.")
    def legal_form_not_a_recognised_provider(self):
        """This legal form (municipality, cooperative or no legal entity yet) is not a recognised welfare, care or social-economy provider: work through a vzw, the OCMW (or an OCMW association) or a recognised social enterprise.

        Condition: the legal form is municipality, cooperative or none_yet.
        Law: recognised providers under the 2022 decree (S88); OCMW association WOK Brugge (S93).
        """
        self.weaken(AMA)

    @Rule(Candidate(instrument=AMA), Group(id=MATCH.group, paid_work_readiness="not_yet", psychosocial_problems=True))
    @rule_meta("AMA-014", sources=["S91", "S87"],
               nl="Werknemersgroep {group} heeft psychosociale problemen: arbeidsmatige activiteiten zijn er "
                  "voor wie door medische, mentale, psychische, psychiatrische of sociale problemen op "
                  "middellange termijn niet betaald kan werken.")
    def psychosocial_problems_fit_work_like_activities(self, group):
        """Worker group {group} has psychosocial problems: work-like activities are for people who cannot do paid work in the medium term because of medical, mental, psychological, psychiatric or social problems.

        Condition: a not_yet group with psychosocial problems.
        Law: W² target group (MMPPS problems) (S91, S87).
        """
        self.support(AMA)

    @Rule(Candidate(instrument=AMA), Group(id=MATCH.group, paid_work_readiness="not_yet", work_disability=one_of(MEDICAL)))
    @rule_meta("AMA-015", sources=["S91", "S87"],
               nl="Werknemersgroep {group} heeft een (vermoede) arbeidshandicap: medische problemen waardoor "
                  "betaald werk op middellange termijn niet lukt, horen bij de doelgroep.")
    def medical_problems_fit_work_like_activities(self, group):
        """Worker group {group} has a (suspected) work disability: medical problems that rule out paid work in the medium term belong to the target group.

        Condition: a not_yet group with a recognised or suspected work disability.
        Law: W² target group (MMPPS problems) (S91, S87).
        """
        self.support(AMA)

    @Rule(Candidate(instrument=AMA),
          Group(id=MATCH.group, paid_work_readiness="not_yet", psychosocial_problems=False, work_disability="none"))
    @rule_meta("AMA-016", sources=["S91"],
               nl="Werknemersgroep {group} is nog niet klaar voor betaald werk, maar zonder gekende medische, "
                  "mentale, psychische, psychiatrische of sociale problemen: de doelgroep van arbeidsmatige "
                  "activiteiten vraagt zulke problemen; bekijk ook wijk-werken of een werkervaringstraject.")
    def not_ready_without_mmpps_problems(self, group):
        """Worker group {group} is not ready for paid work, but without known medical, mental, psychological, psychiatric or social problems: the target group of work-like activities requires such problems; also look at wijk-werken or a work-experience trajectory.

        Condition: a not_yet group without psychosocial problems and without work disability.
        Law: W² target group (S91).
        """
        self.weaken(AMA)

    @Rule(Candidate(instrument=AMA), Kind(kind="day_activity"))
    @rule_meta("AMA-017", sources=["S93", "S87"],
               nl="De dienst is arbeidsmatige activiteit zonder productiedruk, op het tempo van de deelnemer.")
    def work_like_activity_without_pressure(self):
        """The service is work-like activity without production pressure, at the participant's own pace.

        Condition: the service is a day activity (SVC-005, SVC-006).
        Law: practice of work-like activities: groepsgroen, odd jobs, workshops, kitchen work (S93).
        """
        self.support(AMA)

    @Rule(Candidate(instrument=AMA), Service(competes_with_regular_market="fully"))
    @rule_meta("AMA-018", sources=["S87", "S93"],
               nl="De dienst concurreert volledig met de markt: arbeidsmatige activiteiten zijn activiteiten "
                  "zonder productiedruk, geen marktproductie.")
    def market_service_is_not_work_like_activity(self):
        """The service fully competes with the market: work-like activities are activities without production pressure, not market production.

        Condition: competes_with_regular_market is fully.
        Law: arbeidsmatige activiteiten without production pressure (S87, S93).
        """
        self.block(AMA)

    @Rule(Candidate(instrument=AMA), Service(competes_with_regular_market="partly"))
    @rule_meta("AMA-019", sources=["S87", "S93"],
               nl="De dienst concurreert deels met de markt: arbeidsmatige activiteiten mogen geen "
                  "productiedruk hebben; houd ze los van omzetdoelen.")
    def partial_market_weakens_work_like_activity(self):
        """The service partly competes with the market: work-like activities must have no production pressure; keep them apart from turnover targets.

        Condition: competes_with_regular_market is partly.
        Law: arbeidsmatige activiteiten without production pressure (S87, S93).
        """
        self.weaken(AMA)

    @Rule(Candidate(instrument=AMA), Service(unknown=unknown("competes_with_regular_market")))
    @rule_meta("AMA-020", sources=["S87", "S93"],
               nl="Niet gekend of de dienst met de markt concurreert: arbeidsmatige activiteiten mogen geen "
                  "productiedruk hebben.")
    def competition_unknown_for_work_like_activity(self):
        """It is not known whether the service competes with the market: work-like activities must have no production pressure.

        Condition: competes_with_regular_market absent.
        Law: arbeidsmatige activiteiten without production pressure (S87, S93).
        """
        self.need("service.competes_with_regular_market", AMA)

    @Rule(Candidate(instrument=AMA), Group(id=MATCH.group, paid_work_readiness="not_yet", income="leefloon"))
    @rule_meta("AMA-021", sources=["S91"],
               nl="Werknemersgroep {group} krijgt leefloon: leefloners stappen in met toestemming van het OCMW "
                  "en behouden hun leefloon.")
    def leefloners_enter_with_ocmw_permission(self, group):
        """Worker group {group} receives leefloon: leefloon recipients enter with the OCMW's permission and keep their leefloon.

        Condition: a not_yet group with leefloon.
        Law: W² entry routes (S91).
        """
        self.support(AMA)

    @Rule(Candidate(instrument=AMA), Group(id=MATCH.group, paid_work_readiness="not_yet", income="disability_benefit"))
    @rule_meta("AMA-022", sources=["S91"],
               nl="Werknemersgroep {group} heeft een uitkering wegens arbeidsongeschiktheid of een "
                  "tegemoetkoming: wie erkend arbeidsongeschikt is, stapt in met toestemming van de "
                  "adviserend arts van het ziekenfonds; ook wie een IVT/IT-tegemoetkoming krijgt, kan instappen.")
    def disabled_persons_enter_with_doctor_permission(self, group):
        """Worker group {group} has an incapacity or disability benefit: people recognised as unfit for work enter with the permission of the health-insurance fund's advising doctor; people with an IVT/IT allowance can also enter.

        Condition: a not_yet group with disability_benefit.
        Law: W² entry routes (S91).
        """
        self.support(AMA)

    @Rule(Candidate(instrument=AMA),
          Group(id=MATCH.group, paid_work_readiness="not_yet", income=one_of({"unemployment_benefit", "none"}),
                registered_jobseeker=True))
    @rule_meta("AMA-023", sources=["S91", "S87"],
               nl="Werknemersgroep {group} bestaat uit niet-werkende werkzoekenden: zij stappen in na "
                  "doorverwijzing door VDAB.")
    def jobseekers_enter_via_vdab(self, group):
        """Worker group {group} consists of non-working jobseekers: they enter after referral by VDAB.

        Condition: a not_yet group, registered as jobseeker, with unemployment benefit or no income.
        Law: W² entry routes (S91); casemanager Werk at VDAB (S87).
        """
        self.support(AMA)

    @Rule(Candidate(instrument=AMA),
          Group(id=MATCH.group, paid_work_readiness="not_yet", age=MATCH.age & none_of(W2_AGES)),
          NOT(Group(paid_work_readiness="not_yet", age=one_of(W2_AGES))),
          NOT(Group(paid_work_readiness="not_yet", unknown=unknown("age"))),
          NOT(Group(unknown=unknown("paid_work_readiness"))))
    @rule_meta("AMA-024", sources=["S91"],
               nl="Werknemersgroep {group} ({age} jaar) valt buiten de leeftijd van de doelgroep (18 tot 65 "
                  "jaar): deze deelnemers kunnen geen werk-zorgtraject volgen, en er is geen andere groep "
                  "deelnemers binnen die leeftijd.")
    def outside_w2_age_range(self, group, age):
        """Worker group {group} (aged {age}) is outside the target group's age range (18 to 65): these participants cannot follow a work-care trajectory, and there is no other group of participants within that age range.

        Condition: a not_yet group younger than 18 or older than 65, and no other not_yet group aged 18-65 (or of unknown age) nor a group of unknown readiness.
        Law: W² target group, persons aged 18-65 (S91).
        """
        self.block(AMA)

    @Rule(Candidate(instrument=AMA), Group(id=MATCH.group, paid_work_readiness="not_yet", support_need="temporary"))
    @rule_meta("AMA-025", sources=["S87"],
               nl="Werknemersgroep {group} wil doorgroeien naar werk: een activeringstraject van 3 tot 18 maanden "
                  "(uitzonderlijk verlengbaar) met een casemanager Werk (VDAB) en een casemanager Zorg (CGG, "
                  "CAW, VAPH-aanbieder, OCMW) past daarbij.")
    def activation_trajectory_for_temporary_need(self, group):
        """Worker group {group} aims to grow towards work: an activation trajectory of 3 to 18 months (exceptionally extendable) with a casemanager Werk (VDAB) and a casemanager Zorg (CGG, CAW, VAPH provider, OCMW) fits.

        Condition: a not_yet group whose support need is temporary.
        Law: activeringstrajecten under the 2022 decree, from 1 Jul 2023 (S87).
        """
        self.support(AMA)

    @Rule(Service(activities=has("day_activities")),
          Group(id=MATCH.group, paid_work_readiness=one_of(READY)),
          NOT(Group(paid_work_readiness="not_yet")))
    @rule_meta("AMA-026", sources=["S91", "S87"], valid_from=AZ_CLOSED,
               nl="Werknemersgroep {group} is klaar voor betaald werk (eventueel met ondersteuning): "
                  "arbeidsmatige activiteiten zijn voor wie op middellange termijn niet betaald kan werken; "
                  "kijk naar betaald werk met begeleiding.")
    def ready_workers_are_not_the_target_group(self, group):
        """Worker group {group} is ready for paid work (possibly with support): work-like activities are for people who cannot do paid work in the medium term; look at paid work with guidance.

        Condition: a day-activity service, a group ready (with support) and no group not_yet.
        Law: W² target group (S91, S87).
        """
        self.block(AMA)

    @Rule(Service(activities=has("day_activities")), Group(id=MATCH.group, unknown=unknown("paid_work_readiness")))
    @rule_meta("AMA-027", sources=["S91"], valid_from=AZ_CLOSED,
               nl="Niet gekend of werknemersgroep {group} betaald kan werken: dat beslist of de dagactiviteit "
                  "een arbeidsmatige activiteit is.")
    def readiness_unknown_for_work_like_activity(self, group):
        """It is not known whether worker group {group} can do paid work: that decides whether the day activity is a work-like activity.

        Condition: a day-activity service and a group whose paid_work_readiness is absent.
        Law: W² target group (S91).
        """
        self.need(f"worker_groups.{group}.paid_work_readiness", AMA)

    @Rule(Group(id=MATCH.group, psychosocial_problems=True, unknown=unknown("paid_work_readiness")))
    @rule_meta("AMA-028", sources=["S91"], valid_from=AZ_CLOSED,
               nl="Werknemersgroep {group} heeft psychosociale problemen, maar het is niet gekend of ze betaald "
                  "kan werken: zo niet, dan zijn arbeidsmatige activiteiten aangewezen.")
    def readiness_unknown_with_psychosocial_problems_ama(self, group):
        """Worker group {group} has psychosocial problems, but it is not known whether it can do paid work: if not, work-like activities are indicated.

        Condition: psychosocial_problems true and paid_work_readiness absent.
        Law: W² target group (S91).
        """
        self.need(f"worker_groups.{group}.paid_work_readiness", AMA)

    @Rule(Candidate(instrument=AMA))
    @rule_meta("AMA-029", sources=["S88", "S87"],
               nl="Deelnemers worden niet betaald en behouden hun uitkering; de aanbieder krijgt een subsidie "
                  "voor begeleiders arbeidsmatige activiteiten (welzijnsspoor) of financiering in het spoor "
                  "sociale economie; de bedragen zijn niet gekend.")
    def unpaid_with_provider_subsidy(self):
        """Participants are not paid and keep their benefit; the provider gets a subsidy for guides of work-like activities (welfare track) or financing in the social-economy track; the amounts are not known.

        Condition: work-like activities are considered.
        Law: BVR 18 Nov 2022 (welfare-track subsidy; chapter 3 social-economy track) (S88, S87).
        """
        self.support(AMA)
