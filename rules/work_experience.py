"""Work experience: WEP+ (werkervaringsplan, family WEP, until 2015) and tijdelijke
werkervaring (TWE, family TWE, from 2017): brief §3.9.

Both are staffing instruments: a worker group is eligible. WEP+ gave long-term jobseekers a
temporary contract (6-18 months, usually 12) with a non-commercial promoter; new inflow
stopped on 31 Mar 2015. TWE (from 1 Jan 2017) is a trajectory of at most 24 months for
jobseekers and leefloon recipients who can reach the normal economic circuit within two
years: the OCMW is responsible for leefloon recipients (art. 60 inside TWE), VDAB for the
others (werkervaringsstage); any organisation can be a host workplace.

The WEP+ target group changed with the BVR of 10 July 2008 (BS 31 Oct 2008): before it the
2004 werkervaringsplan (> 3 years unemployed, low-skilled), after it >= 24 months. The
date the 2008 regime took effect is not in the brief: the rules date it by its publication
(31 Oct 2008) and are marked uncertain.
"""
from advisor.engine.rulekit import (
    MATCH, Candidate, Group, Org, Rule, Service, at_least, below, none_of, one_of,
    rule_meta, unknown,
)

WEP = "wep-plus"
TWE = "tijdelijke-werkervaring"

WEP_CLOSED = "2015-04-01"     # new inflow until 31 Mar 2015 (S98, S99)
WEP_2008 = "2008-10-31"       # BVR 10 July 2008, BS 31 Oct 2008 (S97, S98); in-force date not in the brief
TWE_START = "2017-01-01"      # tijdelijke-werkervaringsdecreet 9 Dec 2016 (S103, S106)
STAGE_RENEWED = "2023-01-01"  # renewed werkervaringsstage (S110)

#: Promoters of the non-commercial sector (2008 regime, S97).
NON_COMMERCIAL = {"municipality", "ocmw", "intermunicipal", "nonprofit"}
COMMERCIAL = {"company", "cooperative"}
#: Who carries TWE itself (the OCMW, also as part of the municipality) (S106, S107).
LOCAL_GOVERNMENT = {"ocmw", "municipality"}
NOT_OCMW = {"nonprofit", "social_purpose_company", "cooperative", "company", "intermunicipal", "none_yet"}
NOT_LOW = {"medium", "high"}


class WorkExperienceRules:
    # --- WEP: werkervaringsplan / WEP+ (until 1 Apr 2015) ------------------------------

    @Rule(Group(id=MATCH.group, months_without_work=at_least(24)))
    @rule_meta("WEP-001", sources=["S96", "S98"], valid_until=WEP_CLOSED,
               nl="Werknemersgroep {group} is langdurig werkzoekend: het werkervaringsplan (WEP+) geeft "
                  "een tijdelijk contract bij een promotor uit de non-profit, om werkervaring op te doen.")
    def long_term_jobseekers_fit_wep(self, group):
        """Worker group {group} has long been looking for work: the work-experience plan (WEP+) gives a temporary contract with a non-commercial promoter, to gain work experience.

        Condition: a group without work for at least 24 months.
        Law: werkervaringsplan (S96); 2008 regime for long-term jobseekers (S98).
        """
        self.consider(WEP, group)

    @Rule(Group(id=MATCH.group, registered_jobseeker=True, unknown=unknown("months_without_work")))
    @rule_meta("WEP-002", sources=["S96", "S98"], valid_until=WEP_CLOSED,
               nl="Werknemersgroep {group} is ingeschreven als werkzoekende, maar niet gekend is hoe lang al: "
                  "het werkervaringsplan (WEP+) is er voor langdurig werkzoekenden.")
    def jobseekers_may_fit_wep(self, group):
        """Worker group {group} is registered as a jobseeker, but for how long is not known: the work-experience plan (WEP+) is for long-term jobseekers.

        Condition: a registered jobseeker group with months_without_work absent.
        Law: werkervaringsplan (S96, S98).
        """
        self.consider(WEP, group)
        self.need(f"worker_groups.{group}.months_without_work", WEP)

    @Rule(Candidate(instrument=WEP, group=MATCH.group), Org(legal_form=one_of(NON_COMMERCIAL)))
    @rule_meta("WEP-010", sources=["S97", "S96"],
               nl="Gemeenten, OCMW's en hun verenigingen, intergemeentelijke verenigingen en vzw's kunnen "
                  "promotor van werkervaring zijn: het werk ligt in de niet-commerciële sector.")
    def non_commercial_promoter(self, group):
        """Municipalities, OCMWs and their associations, intermunicipal associations and vzw's can be work-experience promoters: the work lies in the non-commercial sector.

        Condition: the legal form is municipality, OCMW, intermunicipal or vzw.
        Law: promoters of the BVR 10 juli 2008 (S97); non-commercial sector (S96).
        """
        self.support(WEP)

    @Rule(Candidate(instrument=WEP, group=MATCH.group), Org(legal_form=one_of(COMMERCIAL)))
    @rule_meta("WEP-011", sources=["S96", "S97"],
               nl="Een commerciële onderneming (bedrijf of coöperatie) kan geen WEP+-promotor zijn: het werk moest "
                  "in de niet-commerciële sector liggen.")
    def commercial_promoter_excluded(self, group):
        """A commercial enterprise (company or cooperative) cannot be a WEP+ promoter: the work had to be in the non-commercial sector.

        Condition: the legal form is company or cooperative.
        Law: non-commercial sector (S96); list of promoters (S97).
        """
        self.block(WEP)

    @Rule(Candidate(instrument=WEP, group=MATCH.group), Org(legal_form="social_purpose_company"))
    @rule_meta("WEP-012", sources=["S97"], uncertain=True,
               nl="Een vennootschap met sociaal oogmerk staat niet in de gekende lijst van WEP+-promotoren "
                  "(die lijst is niet volledig): niet bevestigd dat ze promotor kan zijn.")
    def social_purpose_company_unconfirmed(self, group):
        """A company with social purpose is not on the known list of WEP+ promoters (that list is not complete): it is not confirmed that it can be a promoter.

        Condition: the legal form is VSO.
        Law: promoters "among others" of the BVR 10 juli 2008 (S97) - not confirmed for VSOs.
        """
        self.weaken(WEP)

    @Rule(Candidate(instrument=WEP, group=MATCH.group), Org(legal_form="none_yet"))
    @rule_meta("WEP-013", sources=["S97"],
               nl="Er is nog geen rechtspersoon: een WEP+-promotor is een bestuur of een vzw.")
    def promoter_needs_legal_entity(self, group):
        """There is no legal entity yet: a WEP+ promoter is a public body or a vzw.

        Condition: the legal form is none_yet.
        Law: promoters of the BVR 10 juli 2008 (S97).
        """
        self.weaken(WEP)

    @Rule(Candidate(instrument=WEP, group=MATCH.group), Service(competes_with_regular_market="fully"))
    @rule_meta("WEP-014", sources=["S96"],
               nl="De dienst concurreert volledig met de markt: WEP+-werk moest in de niet-commerciële sector liggen.")
    def market_work_weakens_wep(self, group):
        """The service fully competes with the market: WEP+ work had to be in the non-commercial sector.

        Condition: competes_with_regular_market is fully.
        Law: non-commercial sector (S96).
        """
        self.weaken(WEP)

    @Rule(Candidate(instrument=WEP, group=MATCH.group), Group(id=MATCH.group, support_need="permanent"))
    @rule_meta("WEP-015", sources=["S96", "S98"],
               nl="Werknemersgroep {group} heeft blijvend ondersteuning nodig: WEP+ is een tijdelijk contract "
                  "van 6 tot 18 maanden, gericht op regulier werk; blijvende ondersteuning vraagt een sociale "
                  "of beschutte werkplaats.")
    def permanent_need_excludes_wep(self, group):
        """Worker group {group} needs permanent support: WEP+ is a temporary contract of 6 to 18 months aimed at regular work; permanent support calls for a social or sheltered workshop.

        Condition: support_need is permanent.
        Law: contracts of 6-18 months (S96, S98).
        """
        self.block(WEP, group)

    @Rule(Candidate(instrument=WEP, group=MATCH.group), Group(id=MATCH.group, unknown=unknown("support_need")))
    @rule_meta("WEP-016", sources=["S96"],
               nl="Niet gekend of werknemersgroep {group} tijdelijk of blijvend ondersteuning nodig heeft: "
                  "WEP+ is tijdelijk.")
    def support_need_unknown_for_wep(self, group):
        """It is not known whether worker group {group} needs temporary or permanent support: WEP+ is temporary.

        Condition: support_need absent.
        Law: contracts of 6-18 months (S96).
        """
        self.need(f"worker_groups.{group}.support_need", WEP)

    @Rule(Candidate(instrument=WEP, group=MATCH.group), Group(id=MATCH.group, support_need="temporary"))
    @rule_meta("WEP-017", sources=["S96", "S98", "S100"],
               nl="Werknemersgroep {group} zoekt tijdelijke ondersteuning naar regulier werk: een WEP+-contract "
                  "duurt meestal 12 maanden (6 tot 18), met een werkervarings- en een inschakelingsmodule.")
    def temporary_need_fits_wep(self, group):
        """Worker group {group} needs temporary support towards regular work: a WEP+ contract usually lasts 12 months (6 to 18), with a work-experience and an insertion module.

        Condition: support_need is temporary.
        Law: contracts normally 12 months (S96); modules of the 2008 regime (S98).
        """
        self.support(WEP, group)

    @Rule(Candidate(instrument=WEP, group=MATCH.group), Group(id=MATCH.group, paid_work_readiness="not_yet"))
    @rule_meta("WEP-018", sources=["S96", "S85"],
               nl="Werknemersgroep {group} kan (nog) niet betaald werken: een WEP+-contract is een betaalde "
                  "arbeidsovereenkomst; arbeidszorg past beter.")
    def not_ready_excludes_wep(self, group):
        """Worker group {group} cannot (yet) do paid work: a WEP+ contract is a paid employment contract; labour care fits better.

        Condition: paid_work_readiness is not_yet.
        Law: WEP+ employment contract (S96); arbeidszorg for those who cannot work (S85).
        """
        self.block(WEP, group)

    @Rule(Candidate(instrument=WEP, group=MATCH.group), Group(id=MATCH.group, months_without_work=below(37)))
    @rule_meta("WEP-019", sources=["S96"], valid_until=WEP_2008, uncertain=True,
               nl="Werknemersgroep {group} is geen 3 jaar werkloos: het werkervaringsplan van voor de regeling "
                  "van 2008 was voor wie meer dan 3 jaar werkloos was. (De datum waarop de regeling van 2008 "
                  "inging, staat niet in de bronnen; hier de publicatie, 31 oktober 2008.)")
    def wep_2004_needs_three_years(self, group):
        """Worker group {group} has not been unemployed for 3 years: the work-experience plan before the 2008 regime was for people unemployed for more than 3 years. (The date the 2008 regime took effect is not in the sources; here its publication, 31 October 2008.)

        Condition: months_without_work below 37, before the 2008 regime.
        Law: werkervaringsplan 2004, > 3 years unemployed (S96); exact regulation before 2008 [M].
        """
        self.block(WEP, group)

    @Rule(Candidate(instrument=WEP, group=MATCH.group), Group(id=MATCH.group, education=one_of(NOT_LOW)))
    @rule_meta("WEP-020", sources=["S96"], valid_until=WEP_2008, uncertain=True,
               nl="Werknemersgroep {group} is niet laaggeschoold: het werkervaringsplan van voor de regeling van "
                  "2008 was voor laaggeschoolde werkzoekenden. (De datum waarop de regeling van 2008 inging, "
                  "staat niet in de bronnen; hier de publicatie, 31 oktober 2008.)")
    def wep_2004_needs_low_skilled(self, group):
        """Worker group {group} is not low-skilled: the work-experience plan before the 2008 regime was for low-skilled jobseekers. (The date the 2008 regime took effect is not in the sources; here its publication, 31 October 2008.)

        Condition: education medium or high, before the 2008 regime.
        Law: werkervaringsplan 2004, low-skilled (S96); exact regulation before 2008 [M].
        """
        self.block(WEP, group)

    @Rule(Candidate(instrument=WEP, group=MATCH.group),
          Group(id=MATCH.group, education="low", months_without_work=at_least(37)))
    @rule_meta("WEP-021", sources=["S96"], valid_until=WEP_2008, uncertain=True,
               nl="Werknemersgroep {group} is laaggeschoold en meer dan 3 jaar werkloos: de doelgroep van het "
                  "werkervaringsplan. (De regeling van voor 2008 is niet precies nagekeken.)")
    def wep_2004_target_group(self, group):
        """Worker group {group} is low-skilled and unemployed for more than 3 years: the target group of the work-experience plan. (The regulation before 2008 is not exactly verified.)

        Condition: education low and months_without_work >= 37, before the 2008 regime.
        Law: werkervaringsplan 2004 (S96); exact regulation before 2008 [M].
        """
        self.support(WEP, group)

    @Rule(Candidate(instrument=WEP, group=MATCH.group), Group(id=MATCH.group, unknown=unknown("education")))
    @rule_meta("WEP-022", sources=["S96"], valid_until=WEP_2008, uncertain=True,
               nl="Het opleidingsniveau van werknemersgroep {group} is niet gekend: het werkervaringsplan van "
                  "voor 2008 was voor laaggeschoolden.")
    def education_unknown_for_wep_2004(self, group):
        """The education level of worker group {group} is not known: the work-experience plan before 2008 was for low-skilled people.

        Condition: education absent, before the 2008 regime.
        Law: werkervaringsplan 2004 (S96).
        """
        self.need(f"worker_groups.{group}.education", WEP)

    @Rule(Candidate(instrument=WEP, group=MATCH.group), Group(id=MATCH.group, months_without_work=at_least(24)))
    @rule_meta("WEP-023", sources=["S98", "S97"], valid_from=WEP_2008, uncertain=True,
               nl="Werknemersgroep {group} is minstens 24 maanden werkzoekend: de doelgroep van de "
                  "werkervaringsregeling van 2008. (De datum waarop die regeling inging, staat niet in de "
                  "bronnen; hier de publicatie, 31 oktober 2008.)")
    def wep_2008_target_group(self, group):
        """Worker group {group} has been a jobseeker for at least 24 months: the target group of the 2008 work-experience regime. (The date that regime took effect is not in the sources; here its publication, 31 October 2008.)

        Condition: months_without_work >= 24, under the 2008 regime.
        Law: BVR 10 juli 2008 betreffende werkervaring, BS 31/10/2008 (S97, S98).
        """
        self.support(WEP, group)

    @Rule(Candidate(instrument=WEP, group=MATCH.group), Group(id=MATCH.group, registered_jobseeker=False))
    @rule_meta("WEP-024", sources=["S98"], valid_from=WEP_2008,
               nl="Werknemersgroep {group} is niet ingeschreven als werkzoekende: de regeling van 2008 is voor "
                  "wie minstens 24 maanden ingeschreven werkzoekende is.")
    def wep_2008_needs_registration(self, group):
        """Worker group {group} is not registered as a jobseeker: the 2008 regime is for people registered as jobseekers for at least 24 months.

        Condition: registered_jobseeker is false, under the 2008 regime.
        Law: 2008 regime, >= 24 months registered (S98).
        """
        self.block(WEP, group)

    @Rule(Candidate(instrument=WEP, group=MATCH.group), Group(id=MATCH.group, unknown=unknown("registered_jobseeker")))
    @rule_meta("WEP-025", sources=["S98"], valid_from=WEP_2008,
               nl="Niet gekend of werknemersgroep {group} ingeschreven is als werkzoekende: de regeling van 2008 "
                  "vraagt minstens 24 maanden inschrijving.")
    def registration_unknown_for_wep(self, group):
        """It is not known whether worker group {group} is registered as a jobseeker: the 2008 regime requires at least 24 months of registration.

        Condition: registered_jobseeker absent, under the 2008 regime.
        Law: 2008 regime (S98).
        """
        self.need(f"worker_groups.{group}.registered_jobseeker", WEP)

    @Rule(Candidate(instrument=WEP, group=MATCH.group))
    @rule_meta("WEP-026", sources=["S100", "S96"],
               nl="Financiering (beschrijving van 2015): RSZ-vermindering en de geactiveerde werkloosheidsuitkering "
                  "(integratie-uitkering, af te trekken van het nettoloon), plus Vlaamse loon-, omkaderings- en "
                  "nazorgpremies en een inschakelingsvergoeding.")
    def wep_funding(self, group):
        """Funding (as described in 2015): an RSZ reduction and the activated unemployment benefit (integration allowance, deducted from the net wage), plus Flemish wage, staffing and after-care premiums and an insertion allowance.

        Condition: WEP+ is considered for a worker group.
        Law: WEP+ financing (S100); budget 2004 (S96).
        """
        self.support(WEP, group)

    @Rule(Group(id=MATCH.group, months_without_work=at_least(24)))
    @rule_meta("WEP-090", sources=["S98", "S99", "S101", "S102"], valid_from=WEP_CLOSED,
               nl="WEP+ is gesloten: de nieuwe instroom stopte op 31 maart 2015 (de regeling eindigde op 30 "
                  "september 2015). Opvolger is de tijdelijke werkervaring (TWE, vanaf 1 januari 2017); voor "
                  "werknemersgroep {group} geldt die.")
    def wep_closed_for_long_term_jobseekers(self, group):
        """WEP+ is closed: new inflow stopped on 31 March 2015 (the scheme ended on 30 September 2015). Its successor is temporary work experience (TWE, from 1 January 2017); for worker group {group} that applies.

        Condition: a group without work for at least 24 months (the WEP-001 situation), from 1 Apr 2015.
        Law: end of WEP+ (S98, S99); replaced by intensief werkplekleren (2016, S101) and TWE (S102).
        """
        self.block(WEP, group)
        self.warn("instrument-closed", WEP)

    @Rule(Group(id=MATCH.group, registered_jobseeker=True, unknown=unknown("months_without_work")))
    @rule_meta("WEP-091", sources=["S98", "S99", "S102"], valid_from=WEP_CLOSED,
               nl="WEP+ is gesloten: de nieuwe instroom stopte op 31 maart 2015. Opvolger is de tijdelijke "
                  "werkervaring (TWE, vanaf 1 januari 2017).")
    def wep_closed_for_jobseekers(self, group):
        """WEP+ is closed: new inflow stopped on 31 March 2015. Its successor is temporary work experience (TWE, from 1 January 2017).

        Condition: a registered jobseeker group of unknown duration (the WEP-002 situation), from 1 Apr 2015.
        Law: end of WEP+ (S98, S99); TWE (S102).
        """
        self.block(WEP, group)
        self.warn("instrument-closed", WEP)

    @Rule(Group(id=MATCH.group, months_without_work=at_least(24)))
    @rule_meta("WEP-092", sources=["S101", "S102"], valid_from=WEP_CLOSED, valid_until=TWE_START,
               nl="Overgang tussen WEP+ en de tijdelijke werkervaring: vanaf 1 januari 2016 koopt VDAB "
                  "'intensief werkplekleren / werkervaringstrajecten' in (gemiddeld 12, hoogstens 18 maanden); "
                  "de tijdelijke werkervaring start op 1 januari 2017.")
    def gap_between_wep_and_twe(self, group):
        """Transition between WEP+ and temporary work experience: from 1 January 2016 VDAB procures "intensive workplace learning / work-experience trajectories" (on average 12, at most 18 months); temporary work experience starts on 1 January 2017.

        Condition: a group without work for at least 24 months, between 1 Apr 2015 and 1 Jan 2017.
        Law: intensief werkplekleren from 1 Jan 2016 (S101); TWE from 1 Jan 2017 (S102).
        """
        self.warn("transition", WEP)

    # --- TWE: tijdelijke werkervaring (from 1 Jan 2017) ---------------------------------

    @Rule(Group(id=MATCH.group, income="leefloon"))
    @rule_meta("TWE-001", sources=["S103", "S106", "S104"], valid_from=TWE_START,
               nl="Werknemersgroep {group} krijgt leefloon: de tijdelijke werkervaring is er voor leefloners "
                  "die met begeleiding binnen 2 jaar regulier kunnen werken; het OCMW is verantwoordelijk.")
    def leefloners_fit_temporary_work_experience(self, group):
        """Worker group {group} receives leefloon: temporary work experience is for leefloon recipients who can work regularly within 2 years with guidance; the OCMW is responsible.

        Condition: a group with income leefloon, from 1 Jan 2017.
        Law: tijdelijke-werkervaringsdecreet 9 Dec 2016, BVR 23 Dec 2016 (S103, S106).
        """
        self.consider(TWE, group)

    @Rule(Group(id=MATCH.group, registered_jobseeker=True, income=none_of({"leefloon"})))
    @rule_meta("TWE-002", sources=["S103", "S106", "S109"], valid_from=TWE_START,
               nl="Werknemersgroep {group} bestaat uit werkzoekenden: de tijdelijke werkervaring is er voor "
                  "werkzoekenden die door gebrek aan werkervaring nog niet regulier kunnen werken, maar wel "
                  "binnen 2 jaar; VDAB is verantwoordelijk.")
    def jobseekers_fit_temporary_work_experience(self, group):
        """Worker group {group} consists of jobseekers: temporary work experience is for jobseekers who lack work experience to work regularly now, but can within 2 years; VDAB is responsible.

        Condition: a registered jobseeker group without leefloon, from 1 Jan 2017.
        Law: tijdelijke-werkervaringsdecreet (S103, S106, S109).
        """
        self.consider(TWE, group)

    @Rule(Group(id=MATCH.group, registered_jobseeker=True, unknown=unknown("income")))
    @rule_meta("TWE-003", sources=["S106"], valid_from=TWE_START,
               nl="Werknemersgroep {group} bestaat uit werkzoekenden, maar hun inkomen is niet gekend: het "
                  "OCMW is verantwoordelijk voor wie leefloon krijgt (artikel 60), VDAB voor de anderen.")
    def jobseekers_of_unknown_income_may_fit_twe(self, group):
        """Worker group {group} consists of jobseekers, but their income is not known: the OCMW is responsible for leefloon recipients (article 60), VDAB for the others.

        Condition: a registered jobseeker group with income absent, from 1 Jan 2017.
        Law: division of responsibility in TWE (S106).
        """
        self.consider(TWE, group)
        self.need(f"worker_groups.{group}.income", TWE)

    @Rule(Candidate(instrument=TWE, group=MATCH.group), Group(id=MATCH.group, support_need="temporary"))
    @rule_meta("TWE-010", sources=["S104", "S106", "S108"],
               nl="Werknemersgroep {group} mikt op regulier werk: de tijdelijke werkervaring duurt 1 tot 2 jaar "
                  "(hoogstens 24 maanden) en moet binnen die tijd werk in het normaal economisch circuit "
                  "mogelijk maken.")
    def temporary_need_fits_twe(self, group):
        """Worker group {group} aims at regular work: temporary work experience lasts 1 to 2 years (at most 24 months) and must make work in the normal economic circuit possible within that time.

        Condition: support_need is temporary.
        Law: TWE duration and aim (S104, S106, S108).
        """
        self.support(TWE, group)

    @Rule(Candidate(instrument=TWE, group=MATCH.group), Group(id=MATCH.group, support_need="permanent"))
    @rule_meta("TWE-011", sources=["S104"],
               nl="Werknemersgroep {group} heeft blijvend ondersteuning nodig: als de sociale economie het "
                  "hoogst haalbare is, is er geen tijdelijke werkervaring maar maatwerk (of artikel 60 als "
                  "laagdrempelige start).")
    def permanent_need_excludes_twe(self, group):
        """Worker group {group} needs permanent support: if the social economy is the highest attainable level, there is no temporary work experience but maatwerk (or article 60 as a low-threshold start).

        Condition: support_need is permanent.
        Law: TWE screening (S104).
        """
        self.block(TWE, group)

    @Rule(Candidate(instrument=TWE, group=MATCH.group), Group(id=MATCH.group, unknown=unknown("support_need")))
    @rule_meta("TWE-012", sources=["S104"],
               nl="Niet gekend of werknemersgroep {group} binnen 2 jaar regulier kan werken of blijvend "
                  "ondersteuning nodig heeft: dat beslist de TWE-screening.")
    def support_need_unknown_for_twe(self, group):
        """It is not known whether worker group {group} can work regularly within 2 years or needs permanent support: the TWE screening decides that.

        Condition: support_need absent.
        Law: TWE screening (S104).
        """
        self.need(f"worker_groups.{group}.support_need", TWE)

    @Rule(Candidate(instrument=TWE, group=MATCH.group), Group(id=MATCH.group, paid_work_readiness="ready_with_support"))
    @rule_meta("TWE-013", sources=["S104", "S106", "S109"],
               nl="Werknemersgroep {group} kan werken met begeleiding: de tijdelijke werkervaring geeft "
                  "intensieve begeleiding op de werkvloer (minstens halftijds) aan wie vooral generieke "
                  "competenties en werkattitudes mist.")
    def guided_workers_fit_twe(self, group):
        """Worker group {group} can work with guidance: temporary work experience gives intensive guidance on the workfloor (at least half-time) to people who mainly lack generic competences and work attitudes.

        Condition: paid_work_readiness is ready_with_support.
        Law: TWE target group and half-time minimum (S104, S106, S109).
        """
        self.support(TWE, group)

    @Rule(Candidate(instrument=TWE, group=MATCH.group), Group(id=MATCH.group, paid_work_readiness="not_yet"))
    @rule_meta("TWE-014", sources=["S104", "S109", "S87"],
               nl="Werknemersgroep {group} kan (nog) niet betaald werken: de tijdelijke werkervaring vraagt "
                  "minstens halftijds werk op de werkvloer en regulier werk binnen 2 jaar; arbeidszorg of "
                  "arbeidsmatige activiteiten passen beter.")
    def not_ready_excludes_twe(self, group):
        """Worker group {group} cannot (yet) do paid work: temporary work experience requires at least half-time work on the workfloor and regular work within 2 years; labour care or work-like activities fit better.

        Condition: paid_work_readiness is not_yet.
        Law: TWE screening and half-time minimum (S104, S109); W² (S87).
        """
        self.block(TWE, group)

    @Rule(Candidate(instrument=TWE, group=MATCH.group), Group(id=MATCH.group, paid_work_readiness="ready"))
    @rule_meta("TWE-015", sources=["S104", "S106"],
               nl="Werknemersgroep {group} is al klaar voor regulier werk, en dus niet de doelgroep van de "
                  "tijdelijke werkervaring: die is voor wie door een gebrek aan (recente) werkervaring nog niet "
                  "in het normaal economisch circuit kan werken. Gewone aanwerving ligt voor de hand.")
    def ready_workers_may_not_need_twe(self, group):
        """Worker group {group} is already ready for regular work, so it is not the target group of temporary work experience: that is for people who, for lack of (recent) work experience, cannot yet work in the normal economic circuit. Ordinary hiring is the obvious route.

        Condition: paid_work_readiness is ready.
        Law: TWE target group: cannot yet work in the NEC, NEC work feasible within 2 years of guidance (S104, S106).
        """
        self.block(TWE, group)

    @Rule(Candidate(instrument=TWE, group=MATCH.group), Group(id=MATCH.group, unknown=unknown("paid_work_readiness")))
    @rule_meta("TWE-016", sources=["S104"],
               nl="Niet gekend of werknemersgroep {group} (met begeleiding) kan werken: de tijdelijke "
                  "werkervaring vraagt minstens halftijds werk op de werkvloer.")
    def readiness_unknown_for_twe(self, group):
        """It is not known whether worker group {group} can work (with guidance): temporary work experience requires at least half-time work on the workfloor.

        Condition: paid_work_readiness absent.
        Law: TWE screening (S104).
        """
        self.need(f"worker_groups.{group}.paid_work_readiness", TWE)

    @Rule(Candidate(instrument=TWE, group=MATCH.group), Group(id=MATCH.group, income="leefloon"))
    @rule_meta("TWE-017", sources=["S106", "S111", "S104"],
               nl="Voor leefloners (werknemersgroep {group}) is het OCMW verantwoordelijk: het werkt hen tewerk "
                  "met artikel 60 binnen de tijdelijke werkervaring, met een werkervaringsovereenkomst en een "
                  "kaderovereenkomst VDAB-OCMW.")
    def ocmw_responsible_for_leefloners(self, group):
        """For leefloon recipients (worker group {group}) the OCMW is responsible: it employs them under article 60 within temporary work experience, with a work-experience agreement and a VDAB-OCMW framework agreement.

        Condition: the group receives leefloon.
        Law: OCMW responsible for leefloners at the start (S106, S111); financing (S104).
        """
        self.support(TWE, group)

    @Rule(Candidate(instrument=TWE, group=MATCH.group), Group(id=MATCH.group, income="leefloon", registered_jobseeker=False))
    @rule_meta("TWE-018", sources=["S106", "S121"],
               nl="Werknemersgroep {group} is niet ingeschreven bij VDAB: een leefloner moet zich inschrijven "
                  "als werkzoekende om in de tijdelijke werkervaring te stappen.")
    def leefloners_must_register(self, group):
        """Worker group {group} is not registered at VDAB: a leefloon recipient must register as a jobseeker to enter temporary work experience.

        Condition: leefloon and registered_jobseeker false.
        Law: registration at VDAB (S106, S121).
        """
        self.weaken(TWE, group)

    @Rule(Candidate(instrument=TWE, group=MATCH.group), Group(id=MATCH.group, income=none_of({"leefloon"})))
    @rule_meta("TWE-019", sources=["S106", "S110"], valid_until=STAGE_RENEWED,
               nl="Voor werkzoekenden zonder leefloon (werknemersgroep {group}) is VDAB verantwoordelijk: met een "
                  "werkervaringsstage of werkervaring bij partners.")
    def vdab_responsible_for_jobseekers(self, group):
        """For jobseekers without leefloon (worker group {group}) VDAB is responsible: with a work-experience internship or work experience with partners.

        Condition: the group's income is not leefloon, before 1 Jan 2023.
        Law: VDAB responsible for the others (S106); werkervaringsstage (S110).
        """
        self.support(TWE, group)

    @Rule(Candidate(instrument=TWE, group=MATCH.group), Group(id=MATCH.group, income=none_of({"leefloon"})))
    @rule_meta("TWE-020", sources=["S106", "S110"], valid_from=STAGE_RENEWED,
               nl="Voor werkzoekenden zonder leefloon (werknemersgroep {group}) is VDAB verantwoordelijk, vooral "
                  "met de vernieuwde werkervaringsstage (sinds 1 januari 2023): geen aanwervingsplicht, VDAB "
                  "betaalt de stagiair 200 EUR per volle maand (bedrag van 2023), zonder minimum van 20 uur per week.")
    def renewed_work_experience_internship(self, group):
        """For jobseekers without leefloon (worker group {group}) VDAB is responsible, mainly with the renewed work-experience internship (since 1 January 2023): no hiring obligation, VDAB pays the intern 200 EUR per full month (2023 amount), without a minimum of 20 hours a week.

        Condition: the group's income is not leefloon, from 1 Jan 2023.
        Law: renewed werkervaringsstage, about 6,500 jobseekers a year (S110); VDAB responsible (S106).
        """
        self.support(TWE, group)

    @Rule(Candidate(instrument=TWE, group=MATCH.group), Org(role="host"))
    @rule_meta("TWE-021", sources=["S107", "S120"],
               nl="Elke organisatie (vzw, bedrijf, bestuur) kan werkplek zijn voor de tijdelijke werkervaring "
                  "van het OCMW of VDAB: de starter biedt de werkplek en begeleidt op de werkvloer.")
    def any_organisation_can_host(self, group):
        """Any organisation (vzw, company, public body) can be a workplace for the temporary work experience of the OCMW or VDAB: the starter offers the workplace and guides on the workfloor.

        Condition: the starter's role is host.
        Law: werkplekken with OCMW/VDAB (S107); Kortrijk example (S120).
        """
        self.support(TWE, group)

    @Rule(Candidate(instrument=TWE, group=MATCH.group), Org(role="employer", legal_form=one_of(NOT_OCMW)))
    @rule_meta("TWE-022", sources=["S106", "S107"],
               nl="In de tijdelijke werkervaring dragen het OCMW (artikel 60) of VDAB (werkervaringsstage) het "
                  "traject: de starter is werkplek, geen werkgever van werknemersgroep {group}.")
    def starter_hosts_not_employs(self, group):
        """In temporary work experience the OCMW (article 60) or VDAB (work-experience internship) carries the trajectory: the starter is the workplace, not the employer of worker group {group}.

        Condition: the starter wants to be employer and is not an OCMW or municipality.
        Law: responsibility in TWE (S106); host workplaces (S107).
        """
        self.weaken(TWE, group)

    @Rule(Candidate(instrument=TWE, group=MATCH.group))
    @rule_meta("TWE-023", sources=["S104", "S105", "S109"],
               nl="Een TWE-traject duurt 1 tot 2 jaar (hoogstens 24 maanden) met minstens halftijds werk op de "
                  "werkvloer; een tewerkstelling met artikel 60 kan langer lopen als dat nodig is om volledige "
                  "sociale rechten te openen.")
    def twe_duration(self, group):
        """A TWE trajectory lasts 1 to 2 years (at most 24 months) with at least half-time work on the workfloor; an article-60 employment can run longer if needed to open full social-security rights.

        Condition: TWE is considered for a worker group.
        Law: duration (S104, S109); financing beyond 24 months (S105).
        """
        self.support(TWE, group)

    @Rule(Candidate(instrument=TWE, group=MATCH.group), Org(legal_form=one_of(NOT_OCMW), unknown=unknown("role")))
    @rule_meta("TWE-024", sources=["S107", "S106"],
               nl="Niet gekend welke rol de starter wil opnemen: in de tijdelijke werkervaring kan hij werkplek "
                  "zijn, maar het OCMW of VDAB draagt het traject.")
    def role_unknown_for_twe(self, group):
        """It is not known which role the starter wants to take: in temporary work experience it can be the workplace, but the OCMW or VDAB carries the trajectory.

        Condition: role absent and the starter is not an OCMW or municipality.
        Law: host workplaces (S107); responsibility (S106).
        """
        self.need("organisation.role", TWE)

    @Rule(Candidate(instrument=TWE, group=MATCH.group), Group(id=MATCH.group, income="leefloon"),
          Org(legal_form=one_of(LOCAL_GOVERNMENT)))
    @rule_meta("TWE-025", sources=["S106", "S107", "S120"],
               nl="De starter is (via) het OCMW zelf verantwoordelijk voor de tijdelijke werkervaring van "
                  "leefloners (werknemersgroep {group}): het kan hen in eigen diensten of in de nieuwe dienst "
                  "tewerkstellen, of bij partners plaatsen.")
    def local_government_runs_twe(self, group):
        """The starter is itself (through the OCMW) responsible for the temporary work experience of leefloon recipients (worker group {group}): it can employ them in its own services or the new service, or place them with partners.

        Condition: leefloon group and the starter is an OCMW or municipality.
        Law: OCMW responsible (S106); organising TWE locally (S107); OCMW Kortrijk (S120).
        """
        self.support(TWE, group)
