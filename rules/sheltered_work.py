"""Beschutte werkplaats (family BW, brief §3.1) and sociale werkplaats (family SW, §3.2).

Both are organisation-level instruments whose fit is decided by the workers: a BW employs
persons with a recognised arbeidshandicap who cannot work in the normal economic circuit;
an SW gives work on measure to very hard-to-place jobseekers (>= 5 years inactive,
low-skilled, with limitations, VDAB trajectory) and can only be a vzw or a VSO. Both are
closed to new starters from 1 Jan 2019 (the label maatwerkbedrijf), after a transition
that ran from 1 Apr 2015.

The trigger rules consider the instrument per worker group (``consider(X, group)``): a
group that fails a hard criterion is blocked, and the instrument is rejected when no group
is left. Numbering: 001-009 triggers, 010-029 and 050-069 conditions, 030-049 warnings,
090-099 closure and transition.
"""
from advisor.engine.rulekit import (
    MATCH, Candidate, Group, Kind, Org, Rule, Service, at_least, below, one_of, rule_meta,
    unknown,
)

BW = "beschutte-werkplaats"
SW = "sociale-werkplaats"

MAATWERK_LABEL = "2019-01-01"       # BW and SW get the label maatwerkbedrijf (S5, S6, S15)
MAATWERK_TRANSITION = "2015-04-01"  # phased transition to maatwerk from 1 Apr 2015 (S15)
VDAB_SCREENING = "2008-10-01"       # VDAB determines the arbeidshandicap (BVR 18 July 2008; S36, S37)

DISABILITY = {"recognised", "suspected"}
PUBLIC_BODIES = {"municipality", "ocmw", "intermunicipal"}
COMPANY_FORMS = {"company", "cooperative", "social_purpose_company"}
NOT_THE_EMPLOYER = {"user", "host", "commissioner"}
SW_FORMS = {"nonprofit", "social_purpose_company"}
SW_OTHER_FORMS = {"intermunicipal", "company", "cooperative"}
SW_INACTIVE_MONTHS = 60             # >= 5 years uninterrupted inactive (S44, S45)


class ShelteredWorkRules:
    # ================================================================================
    # BW - beschutte werkplaats (sheltered workshop)
    # ================================================================================

    @Rule(Group(id=MATCH.group, work_disability=one_of(DISABILITY)))
    @rule_meta("BW-001", sources=["S30", "S32", "S22"], valid_until=MAATWERK_LABEL,
               nl="Werknemersgroep {group} heeft een arbeidshandicap: een beschutte werkplaats is een "
                  "aangepaste werkomgeving voor personen met een arbeidshandicap die niet in het normaal "
                  "economisch circuit kunnen werken.")
    def disabled_workers_fit_sheltered_workshop_bw(self, group):
        """Worker group {group} has a work disability: a sheltered workshop is an adapted workplace for persons with a work disability (arbeidshandicap) who cannot work in the normal economic circuit.

        Condition: a worker group with a recognised or suspected work disability, before 1 Jan 2019.
        Law: definition of the BW (S30); BVR 19 Dec 1996 wage subsidy per placed worker (S32); wet 16 april 1963 (S22).
        """
        self.consider(BW, group)

    @Rule(Candidate(instrument=BW, group=MATCH.group), Org(legal_form="nonprofit"))
    @rule_meta("BW-010", sources=["S22", "S30"],
               nl="Beschutte werkplaatsen zijn in de praktijk vzw's, vaak uit liefdadigheids- of "
                  "ouderinitiatieven.")
    def nonprofit_is_the_usual_organiser_bw(self):
        """Sheltered workshops are in practice vzw's, often from charitable or parents' initiatives.

        Condition: the legal form is a vzw.
        Law: who organises a BW in practice (S22); recognition by BVR 17 Dec 1999 (S39).
        """
        self.support(BW)

    @Rule(Candidate(instrument=BW, group=MATCH.group), Org(legal_form=one_of(PUBLIC_BODIES)))
    @rule_meta("BW-011", sources=["S22", "S39"], uncertain=True,
               nl="Of een openbaar bestuur (gemeente, OCMW, intergemeentelijke vereniging) zelf als "
                  "beschutte werkplaats erkend kon worden, is niet bevestigd; sommige beschutte "
                  "werkplaatsen hadden wel openbare stichters [onbevestigd]. Het bestuur kan een vzw "
                  "oprichten of steunen.")
    def public_organiser_unverified_bw(self):
        """Whether a public body (municipality, OCMW, intermunicipal association) could itself be recognised as a sheltered workshop is not confirmed; some sheltered workshops did have public founders [unverified]. The public body can found or support a vzw.

        Condition: the legal form is a municipality, OCMW or intermunicipal association.
        Law: recognition conditions BVR 17 Dec 1999 (S39), not verified for public bodies; practice (S22) [M].
        """
        self.weaken(BW)
        self.warn("uncertain-fact", BW)

    @Rule(Candidate(instrument=BW, group=MATCH.group), Org(legal_form=one_of(COMPANY_FORMS)))
    @rule_meta("BW-012", sources=["S22", "S39"], uncertain=True,
               nl="Beschutte werkplaatsen zijn in de praktijk vzw's; of een vennootschap of coöperatie "
                  "erkend kon worden, is niet nagekeken [onbevestigd].")
    def company_organiser_unverified_bw(self):
        """Sheltered workshops are in practice vzw's; whether a company or cooperative could be recognised has not been verified [unverified].

        Condition: the legal form is a company, cooperative or VSO.
        Law: recognition conditions BVR 17 Dec 1999 (S39): allowed legal forms beyond the vzw not verified [M].
        """
        self.weaken(BW)
        self.warn("uncertain-fact", BW)

    @Rule(Candidate(instrument=BW, group=MATCH.group), Org(legal_form="none_yet"))
    @rule_meta("BW-013", sources=["S22", "S39"],
               nl="Er is nog geen rechtspersoon: een beschutte werkplaats is in de praktijk een vzw, die "
                  "eerst opgericht moet worden.")
    def nonprofit_to_be_founded_bw(self):
        """There is no legal entity yet: a sheltered workshop is in practice a vzw, which must be founded first.

        Condition: the legal form is none_yet.
        Law: who organises a BW in practice (S22).
        """
        self.weaken(BW)

    @Rule(Candidate(instrument=BW, group=MATCH.group), Group(id=MATCH.group, work_disability="recognised"))
    @rule_meta("BW-014", sources=["S32", "S35"], valid_until=VDAB_SCREENING,
               nl="Voor werknemersgroep {group} moet het Vlaams Fonds / VAPH beslist hebben dat zij "
                  "(voorlopig of definitief) in een beschutte werkplaats tewerkgesteld worden; alleen "
                  "dan geldt de loonsubsidie.")
    def placement_decided_by_vaph_bw(self, group):
        """For worker group {group} the Vlaams Fonds / VAPH must have decided that they are to be placed (provisionally or definitively) in a sheltered workshop; only then does the wage subsidy apply.

        Condition: a recognised work disability, before 1 Oct 2008.
        Law: BVR 19 Dec 1996, subsidy per worker placed by decision of the Fonds (S32); VAPH until the 2008 transfer (S35).
        """
        self.support(BW, group)

    @Rule(Candidate(instrument=BW, group=MATCH.group), Group(id=MATCH.group, work_disability="recognised"))
    @rule_meta("BW-015", sources=["S36", "S37"], valid_from=VDAB_SCREENING,
               nl="Voor werknemersgroep {group} stelt VDAB de arbeidshandicap vast (sinds 1 oktober 2008) "
                  "en beslist over de toeleiding naar een beschutte werkplaats.")
    def work_disability_determined_by_vdab_bw(self, group):
        """For worker group {group} VDAB determines the work disability (since 1 October 2008) and decides on the referral to a sheltered workshop.

        Condition: a recognised work disability, from 1 Oct 2008.
        Law: BVR 18 July 2008 professional integration of persons with an arbeidshandicap, in force 1 Oct 2008 (S36, S37).
        """
        self.support(BW, group)

    @Rule(Candidate(instrument=BW, group=MATCH.group), Group(id=MATCH.group, work_disability="suspected"))
    @rule_meta("BW-016", sources=["S32", "S36"],
               nl="De arbeidshandicap van werknemersgroep {group} is alleen vermoed: tewerkstelling in een "
                  "beschutte werkplaats vraagt een beslissing van het Vlaams Fonds / VAPH (vanaf 1 oktober "
                  "2008 een vaststelling door VDAB).")
    def disability_not_yet_established_bw(self, group):
        """The work disability of worker group {group} is only suspected: employment in a sheltered workshop needs a decision of the Vlaams Fonds / VAPH (from 1 October 2008 an assessment by VDAB).

        Condition: work_disability is suspected.
        Law: BVR 19 Dec 1996 (placement decided by the Fonds, S32); BVR 18 July 2008 (VDAB, S36).
        """
        self.weaken(BW)

    @Rule(Candidate(instrument=BW, group=MATCH.group), Group(id=MATCH.group, support_need="permanent"))
    @rule_meta("BW-017", sources=["S30"],
               nl="Werknemersgroep {group} heeft blijvend ondersteuning nodig: een beschutte werkplaats "
                  "biedt vaste, aangepaste tewerkstelling aan wie niet in het normaal economisch circuit "
                  "kan werken.")
    def permanent_sheltered_employment_bw(self, group):
        """Worker group {group} needs permanent support: a sheltered workshop offers permanent, adapted employment to people who cannot work in the normal economic circuit.

        Condition: support_need is permanent.
        Law: definition of the BW (S30); open-ended employment [M, consistent with S30].
        """
        self.support(BW, group)

    @Rule(Candidate(instrument=BW, group=MATCH.group), Group(id=MATCH.group, support_need="temporary"))
    @rule_meta("BW-018", sources=["S32", "S30"],
               nl="Werknemersgroep {group} zou maar tijdelijk ondersteuning nodig hebben: een beschutte "
                  "werkplaats is er voor wie niet in het normaal economisch circuit kan werken; wie een "
                  "integratieprotocol voor regulier werk had, kon er hoogstens 1 jaar blijven (maximaal "
                  "10 % van het contingent).")
    def temporary_need_fits_badly_bw(self, group):
        """Worker group {group} would only need support temporarily: a sheltered workshop is for those who cannot work in the normal economic circuit; someone with an integration protocol for regular work could stay at most 1 year (at most 10 % of the contingent).

        Condition: support_need is temporary.
        Law: BVR 19 Dec 1996, integration protocol max 1 year, max 10 % (S32); definition (S30).
        """
        self.weaken(BW, group)

    @Rule(Candidate(instrument=BW, group=MATCH.group), Group(id=MATCH.group, unknown=unknown("support_need")))
    @rule_meta("BW-019", sources=["S30", "S32"],
               nl="Niet gekend of werknemersgroep {group} blijvend of tijdelijk ondersteuning nodig heeft: "
                  "een beschutte werkplaats is voor wie niet in het normaal economisch circuit kan werken.")
    def support_need_unknown_bw(self, group):
        """It is not known whether worker group {group} needs support permanently or temporarily: a sheltered workshop is for those who cannot work in the normal economic circuit.

        Condition: support_need absent.
        Law: definition of the BW (S30); integration protocol (S32).
        """
        self.need(f"worker_groups.{group}.support_need", BW)

    @Rule(Candidate(instrument=BW, group=MATCH.group), Group(id=MATCH.group, paid_work_readiness="ready"))
    @rule_meta("BW-020", sources=["S30"],
               nl="Werknemersgroep {group} is klaar voor gewoon werk, en dus niet de doelgroep van een "
                  "beschutte werkplaats: die is er alleen voor personen met een arbeidshandicap die niet in het "
                  "normaal economisch circuit kunnen werken.")
    def ready_for_the_regular_circuit_bw(self, group):
        """Worker group {group} is ready for ordinary work, so it is not the target group of a sheltered workshop: that is only for persons with a work disability who cannot work in the normal economic circuit.

        Condition: paid_work_readiness is ready.
        Law: definition of the BW (S30).
        """
        self.block(BW, group)

    @Rule(Candidate(instrument=BW, group=MATCH.group), Group(id=MATCH.group, paid_work_readiness="not_yet"))
    @rule_meta("BW-021", sources=["S30", "S85"],
               nl="Werknemersgroep {group} kan (nog) geen betaald werk doen: een beschutte werkplaats is "
                  "betaalde tewerkstelling; voor arbeidsmatige activiteit zonder loon bestaat arbeidszorg.")
    def not_ready_for_paid_work_bw(self, group):
        """Worker group {group} cannot (yet) do paid work: a sheltered workshop is paid employment; for work-like activity without a wage there is labour care (arbeidszorg).

        Condition: paid_work_readiness is not_yet.
        Law: BW employment with wage subsidy (S30); arbeidszorg for people who cannot do paid work (S85).
        """
        self.block(BW, group)

    @Rule(Candidate(instrument=BW, group=MATCH.group), Group(id=MATCH.group, unknown=unknown("paid_work_readiness")))
    @rule_meta("BW-022", sources=["S30", "S85"],
               nl="Niet gekend of werknemersgroep {group} betaald werk kan doen: een beschutte werkplaats "
                  "is betaalde tewerkstelling.")
    def readiness_unknown_bw(self, group):
        """It is not known whether worker group {group} can do paid work: a sheltered workshop is paid employment.

        Condition: paid_work_readiness absent.
        Law: BW employment (S30); arbeidszorg (S85).
        """
        self.need(f"worker_groups.{group}.paid_work_readiness", BW)

    @Rule(Candidate(instrument=BW, group=MATCH.group), Kind(kind="market"))
    @rule_meta("BW-023", sources=["S14", "S18", "S20", "S22"],
               nl="De dienst is marktgerichte productie of dienstverlening, zoals in beschutte werkplaatsen "
                  "(onderaanneming, drukwerk, groenonderhoud, schoonmaak); die halen het grootste deel "
                  "van hun inkomsten uit de markt.")
    def market_activity_fits_bw(self):
        """The service is market-oriented production or services, as in sheltered workshops (subcontracting, printing, green maintenance, cleaning); they earn most of their income on the market.

        Condition: the service is market production (SVC-004).
        Law: activities of BWs (S14, S18, S22); about 600 M EUR turnover in Flanders c. 2015 (S20).
        """
        self.support(BW)

    @Rule(Candidate(instrument=BW, group=MATCH.group), Service(competes_with_regular_market="none"))
    @rule_meta("BW-024", sources=["S20", "S22"],
               nl="De dienst heeft geen markt: een beschutte werkplaats leeft van omzet op de markt (de "
                  "subsidie compenseert alleen het productiviteitsverlies).")
    def no_market_no_turnover_bw(self):
        """The service has no market: a sheltered workshop lives on market turnover (the subsidy only compensates the loss of productivity).

        Condition: competes_with_regular_market is none.
        Law: BW income: slightly more than half of the turnover is subsidy compensating productivity loss (S20).
        """
        self.weaken(BW)

    @Rule(Candidate(instrument=BW, group=MATCH.group), Org(role=one_of(NOT_THE_EMPLOYER)))
    @rule_meta("BW-025", sources=["S19", "S23"],
               nl="De organisatie wil zelf geen werkgever zijn: werk uitbesteden aan een bestaande beschutte "
                  "werkplaats (zoals WAAK in Kuurne) ligt dan meer voor de hand.")
    def partner_instead_of_employer_bw(self):
        """The organisation does not want to be the employer itself: subcontracting work to an existing sheltered workshop (such as WAAK in Kuurne) is then more obvious.

        Condition: the role is user, host or commissioner.
        Law: regional BWs such as WAAK, Kuurne (S19, S23).
        """
        self.weaken(BW)

    @Rule(Candidate(instrument=BW, group=MATCH.group))
    @rule_meta("BW-030", sources=["S34", "S30", "S19", "S23"], uncertain=True,
               nl="Nieuwe beschutte werkplaatsen konden alleen erkend worden binnen de Vlaamse programmatie "
                  "en dat gebeurde zelden [onbevestigd]. Vraag eerst bij het Vlaams Fonds / VAPH (vanaf "
                  "2006 het departement WSE) of er ruimte is; meestal is samenwerken met een bestaande "
                  "beschutte werkplaats, zoals WAAK in Kuurne, realistischer.")
    def programmation_leaves_little_room_bw(self):
        """New sheltered workshops could only be recognised within the Flemish programmation, and that rarely happened [unverified]. First ask the Vlaams Fonds / VAPH (from 2006 the department WSE) whether there is room; partnering with an existing sheltered workshop, such as WAAK in Kuurne, is usually more realistic.

        Condition: a sheltered workshop is considered.
        Law: programmation (BVR 9 May 2008, S34); 65 BWs in Flanders in 2016 (S30); rare new recognitions [M]; WAAK (S19, S23).
        """
        self.weaken(BW)
        self.warn("uncertain-fact", BW)

    @Rule(Group(id=MATCH.group, work_disability=one_of(DISABILITY)))
    @rule_meta("BW-090", sources=["S5", "S6", "S15"], valid_from=MAATWERK_LABEL,
               nl="Sinds 1 januari 2019 worden geen beschutte werkplaatsen meer erkend: de beschutte "
                  "werkplaatsen kregen automatisch het label maatwerkbedrijf. Voor werknemersgroep {group} "
                  "is de opvolger het maatwerkbedrijf.")
    def sheltered_workshops_closed_bw(self, group):
        """Since 1 January 2019 no sheltered workshops are recognised any more: the sheltered workshops automatically got the label maatwerkbedrijf. For worker group {group} the successor is the maatwerkbedrijf.

        Condition: a worker group with a work disability, on or after 1 Jan 2019.
        Law: maatwerkdecreet fully in force 1 Jan 2019; automatic label maatwerkbedrijf (S5, S6, S15).
        """
        self.block(BW, group)
        self.warn("instrument-closed", BW)

    @Rule(Candidate(instrument=BW, group=MATCH.group))
    @rule_meta("BW-091", sources=["S15", "S5", "S30"], valid_from=MAATWERK_TRANSITION, valid_until=MAATWERK_LABEL,
               nl="Overgangsperiode: het maatwerkdecreet wordt gefaseerd ingevoerd vanaf 1 april 2015 (de "
                  "schorsing door de Raad van State op 26 januari 2016 deed de oude regels herleven tot het "
                  "maatwerkbesluit bis); vanaf 1 januari 2019 zijn beschutte werkplaatsen maatwerkbedrijven.")
    def transition_to_maatwerk_bw(self):
        """Transition period: the maatwerk decree is phased in from 1 April 2015 (the suspension by the Raad van State on 26 January 2016 revived the old rules until the maatwerkbesluit bis); from 1 January 2019 sheltered workshops are maatwerkbedrijven.

        Condition: a sheltered workshop is considered between 1 Apr 2015 and 31 Dec 2018.
        Law: phased transition 1/4/2015-31/12/2018 (S15); RvS suspension and maatwerkbesluit bis (S5, S30).
        """
        self.warn("transition", BW)

    # ================================================================================
    # SW - sociale werkplaats (social workshop)
    # ================================================================================

    @Rule(Group(id=MATCH.group, months_without_work=at_least(SW_INACTIVE_MONTHS)))
    @rule_meta("SW-001", sources=["S41", "S44", "S45"], valid_until=MAATWERK_LABEL,
               nl="Werknemersgroep {group} is minstens 5 jaar zonder werk: een sociale werkplaats biedt "
                  "arbeid op maat met begeleiding aan zeer moeilijk bemiddelbare werkzoekenden.")
    def long_inactive_workers_fit_social_workshop_sw(self, group):
        """Worker group {group} has been without work for at least 5 years: a social workshop offers work on measure with guidance to very hard-to-place jobseekers.

        Condition: months_without_work >= 60, before 1 Jan 2019.
        Law: decreet 14 juli 1998 art. 5 (S41); operational criteria c. 2016-2018 (S44, S45).
        """
        self.consider(SW, group)

    @Rule(Group(id=MATCH.group, psychosocial_problems=True, education="low"))
    @rule_meta("SW-002", sources=["S41", "S43"], valid_until=MAATWERK_LABEL,
               nl="Werknemersgroep {group} is laaggeschoold en heeft psychosociale problemen: een sociale "
                  "werkplaats is er voor zeer moeilijk bemiddelbare werkzoekenden door een opeenstapeling "
                  "van persoonlijke en omgevingsfactoren.")
    def hard_to_place_workers_fit_social_workshop_sw(self, group):
        """Worker group {group} is low-skilled and has psychosocial problems: a social workshop is for jobseekers who are very hard to place through a cumulation of personal and environmental factors.

        Condition: psychosocial_problems and low education, before 1 Jan 2019.
        Law: decreet 14 juli 1998 art. 5 (S41); typical profiles: poverty, homelessness, debt, ex-prisoners (S43).
        """
        self.consider(SW, group)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Org(legal_form=one_of(SW_FORMS)))
    @rule_meta("SW-010", sources=["S41"],
               nl="Een sociale werkplaats is een speciaal opgerichte vzw of een vennootschap met sociaal "
                  "oogmerk (VSO): de rechtsvorm past.")
    def nonprofit_or_vso_may_be_recognised_sw(self):
        """A social workshop is a specifically created vzw or a company with social purpose (VSO): the legal form fits.

        Condition: the legal form is a vzw or a VSO.
        Law: decreet 14 juli 1998 art. 4 (S41).
        """
        self.support(SW)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Org(legal_form=one_of({"municipality", "ocmw"})))
    @rule_meta("SW-011", sources=["S41"],
               nl="Een gemeente of OCMW kan zelf geen sociale werkplaats zijn: die moet een speciaal "
                  "opgerichte vzw (of een VSO) zijn. Het bestuur kan wel een vzw oprichten of steunen die "
                  "de sociale werkplaats wordt.")
    def municipality_must_found_a_nonprofit_sw(self):
        """A municipality or OCMW cannot itself be a social workshop: it must be a specifically created vzw (or a VSO). The public body can found or support a vzw that becomes the social workshop.

        Condition: the legal form is a municipality or OCMW.
        Law: decreet 14 juli 1998 art. 4 (S41); founding a vzw derived from it.
        """
        self.block(SW)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Org(legal_form=one_of(SW_OTHER_FORMS)))
    @rule_meta("SW-012", sources=["S41"],
               nl="Een sociale werkplaats kan alleen een vzw of een vennootschap met sociaal oogmerk (VSO) "
                  "zijn; een gewone vennootschap, coöperatie of intergemeentelijke vereniging niet (een "
                  "vennootschap zou statuten met sociaal oogmerk moeten aannemen).")
    def only_nonprofit_or_vso_sw(self):
        """A social workshop can only be a vzw or a company with social purpose (VSO); an ordinary company, cooperative or intermunicipal association cannot (a company would have to adopt social-purpose statutes).

        Condition: the legal form is intermunicipal, company or cooperative.
        Law: decreet 14 juli 1998 art. 4 (S41).
        """
        self.block(SW)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Org(legal_form="none_yet"))
    @rule_meta("SW-013", sources=["S41", "S46"],
               nl="Er is nog geen rechtspersoon: richt eerst een vzw (of VSO) op; pas die kan de erkenning "
                  "als sociale werkplaats aanvragen.")
    def found_nonprofit_first_sw(self):
        """There is no legal entity yet: first found a vzw (or VSO); only that can apply for recognition as a social workshop.

        Condition: the legal form is none_yet.
        Law: decreet 14 juli 1998 art. 4 (S41); application procedure (S46).
        """
        self.weaken(SW)

    @Rule(Candidate(instrument=SW, group=MATCH.group),
          Group(id=MATCH.group, months_without_work=MATCH.months & at_least(SW_INACTIVE_MONTHS)))
    @rule_meta("SW-014", sources=["S44", "S45"],
               nl="Werknemersgroep {group} is {months} maanden zonder werk: dat voldoet aan het criterium "
                  "van minstens 5 jaar ononderbroken inactief.")
    def inactive_five_years_sw(self, group, months):
        """Worker group {group} has been without work for {months} months: that meets the criterion of at least 5 years of uninterrupted inactivity.

        Condition: months_without_work >= 60.
        Law: SW target-group criteria c. 2016-2018 (S44, S45).
        """
        self.support(SW, group)

    @Rule(Candidate(instrument=SW, group=MATCH.group),
          Group(id=MATCH.group, months_without_work=MATCH.months & below(SW_INACTIVE_MONTHS)))
    @rule_meta("SW-015", sources=["S44", "S45"],
               nl="Werknemersgroep {group} is pas {months} maanden zonder werk: een sociale werkplaats vraagt "
                  "minstens 5 jaar ononderbroken inactiviteit.")
    def not_inactive_long_enough_sw(self, group, months):
        """Worker group {group} has only been without work for {months} months: a social workshop requires at least 5 years of uninterrupted inactivity.

        Condition: months_without_work < 60.
        Law: SW target-group criteria c. 2016-2018 (S44, S45).
        """
        self.block(SW, group)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Group(id=MATCH.group, unknown=unknown("months_without_work")))
    @rule_meta("SW-016", sources=["S44", "S45"],
               nl="Niet gekend hoe lang werknemersgroep {group} zonder werk is: een sociale werkplaats vraagt "
                  "minstens 5 jaar ononderbroken inactiviteit.")
    def inactivity_unknown_sw(self, group):
        """It is not known how long worker group {group} has been without work: a social workshop requires at least 5 years of uninterrupted inactivity.

        Condition: months_without_work absent.
        Law: SW target-group criteria (S44, S45).
        """
        self.need(f"worker_groups.{group}.months_without_work", SW)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Group(id=MATCH.group, education="low"))
    @rule_meta("SW-017", sources=["S44", "S45"],
               nl="Werknemersgroep {group} is laaggeschoold, zoals een sociale werkplaats vraagt.")
    def low_skilled_sw(self, group):
        """Worker group {group} is low-skilled, as a social workshop requires.

        Condition: education is low.
        Law: SW criteria: at most lower secondary, special or vocational upper secondary (S44, S45).
        """
        self.support(SW, group)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Group(id=MATCH.group, education="medium"))
    @rule_meta("SW-018", sources=["S44", "S45"],
               nl="Werknemersgroep {group} heeft een diploma hoger secundair: dat telt alleen als "
                  "laaggeschoold als het buitengewoon of beroepssecundair onderwijs is.")
    def medium_education_only_if_vocational_sw(self, group):
        """Worker group {group} has an upper-secondary diploma: that only counts as low-skilled when it is special or vocational secondary education.

        Condition: education is medium.
        Law: SW criteria: at most lower secondary, special upper secondary or vocational upper secondary (S44, S45).
        """
        self.weaken(SW, group)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Group(id=MATCH.group, education="high"))
    @rule_meta("SW-019", sources=["S44", "S45"],
               nl="Werknemersgroep {group} is hooggeschoold: een sociale werkplaats is voor laaggeschoolden.")
    def highly_educated_sw(self, group):
        """Worker group {group} is highly educated: a social workshop is for the low-skilled.

        Condition: education is high.
        Law: SW criteria: low-skilled (S44, S45).
        """
        self.block(SW, group)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Group(id=MATCH.group, unknown=unknown("education")))
    @rule_meta("SW-020", sources=["S44", "S45"],
               nl="Het opleidingsniveau van werknemersgroep {group} is niet gekend: een sociale werkplaats is "
                  "voor laaggeschoolden.")
    def education_unknown_sw(self, group):
        """The education level of worker group {group} is not known: a social workshop is for the low-skilled.

        Condition: education absent.
        Law: SW criteria (S44, S45).
        """
        self.need(f"worker_groups.{group}.education", SW)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Group(id=MATCH.group, psychosocial_problems=True))
    @rule_meta("SW-021", sources=["S44", "S43"],
               nl="Werknemersgroep {group} heeft psychische of sociale beperkingen (zoals armoede, schulden, "
                  "dakloosheid of detentieverleden).")
    def psychosocial_limitations_sw(self, group):
        """Worker group {group} has psychological or social limitations (such as poverty, debt, homelessness or a prison record).

        Condition: psychosocial_problems is true.
        Law: SW criteria: physical, psychological or social limitations (S44); typical profiles (S43).
        """
        self.support(SW, group)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Group(id=MATCH.group, work_disability=one_of(DISABILITY)))
    @rule_meta("SW-022", sources=["S44"],
               nl="Werknemersgroep {group} heeft (vermoedelijk) een arbeidshandicap: een fysieke of psychische "
                  "beperking.")
    def physical_limitations_sw(self, group):
        """Worker group {group} has a (suspected) work disability: a physical or psychological limitation.

        Condition: work_disability is recognised or suspected.
        Law: SW criteria: physical, psychological or social limitations (S44).
        """
        self.support(SW, group)

    @Rule(Candidate(instrument=SW, group=MATCH.group),
          Group(id=MATCH.group, psychosocial_problems=False, work_disability="none"))
    @rule_meta("SW-023", sources=["S44", "S41"],
               nl="Werknemersgroep {group} heeft geen fysieke, psychische of sociale beperkingen: de criteria "
                  "van een sociale werkplaats zijn cumulatief, lang werkloos en laaggeschoold zijn volstaat "
                  "niet.")
    def no_limitations_sw(self, group):
        """Worker group {group} has no physical, psychological or social limitations: the criteria of a social workshop are cumulative, being long unemployed and low-skilled is not enough.

        Condition: psychosocial_problems is false and work_disability is none.
        Law: SW criteria, all cumulative (S44); very hard to place through a cumulation of factors (S41 art. 5).
        """
        self.block(SW, group)

    @Rule(Candidate(instrument=SW, group=MATCH.group),
          Group(id=MATCH.group, work_disability="none", unknown=unknown("psychosocial_problems")))
    @rule_meta("SW-024", sources=["S44"],
               nl="Niet gekend of werknemersgroep {group} psychische of sociale beperkingen heeft: een sociale "
                  "werkplaats vraagt fysieke, psychische of sociale beperkingen.")
    def limitations_unknown_sw(self, group):
        """It is not known whether worker group {group} has psychological or social limitations: a social workshop requires physical, psychological or social limitations.

        Condition: psychosocial_problems absent, no work disability.
        Law: SW criteria (S44).
        """
        self.need(f"worker_groups.{group}.psychosocial_problems", SW)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Group(id=MATCH.group, registered_jobseeker=True))
    @rule_meta("SW-026", sources=["S44", "S46"],
               nl="Werknemersgroep {group} is ingeschreven als werkzoekende bij VDAB; de toeleiding en de "
                  "trajectbegeleiding naar de sociale werkplaats lopen via VDAB.")
    def registered_with_vdab_sw(self, group):
        """Worker group {group} is registered as a jobseeker with VDAB; referral and trajectory guidance to the social workshop run via VDAB.

        Condition: registered_jobseeker is true.
        Law: SW criteria: non-working jobseeker at VDAB the day before hiring, following a VDAB trajectory (S44); referral via VDAB (S46).
        """
        self.support(SW, group)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Group(id=MATCH.group, registered_jobseeker=False))
    @rule_meta("SW-027", sources=["S44", "S46"],
               nl="Werknemersgroep {group} is niet ingeschreven als werkzoekende: een doelgroepwerknemer van "
                  "een sociale werkplaats is de dag voor de aanwerving niet-werkende werkzoekende bij VDAB "
                  "en volgt een VDAB-traject.")
    def not_registered_with_vdab_sw(self, group):
        """Worker group {group} is not registered as a jobseeker: a target-group worker of a social workshop is a non-working jobseeker at VDAB the day before hiring and follows a VDAB trajectory.

        Condition: registered_jobseeker is false.
        Law: SW criteria (S44); referral via VDAB (S46).
        """
        self.block(SW, group)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Group(id=MATCH.group, unknown=unknown("registered_jobseeker")))
    @rule_meta("SW-028", sources=["S44"],
               nl="Niet gekend of werknemersgroep {group} als werkzoekende bij VDAB ingeschreven is: dat is "
                  "een voorwaarde voor een sociale werkplaats.")
    def registration_unknown_sw(self, group):
        """It is not known whether worker group {group} is registered as a jobseeker with VDAB: that is a condition of a social workshop.

        Condition: registered_jobseeker absent.
        Law: SW criteria (S44).
        """
        self.need(f"worker_groups.{group}.registered_jobseeker", SW)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Group(id=MATCH.group, paid_work_readiness="not_yet"))
    @rule_meta("SW-029", sources=["S41", "S47", "S85"],
               nl="Werknemersgroep {group} kan (nog) geen betaald werk doen: een sociale werkplaats biedt "
                  "betaalde arbeid op maat; voor wie dat niet kan, bestaat arbeidszorg (ook als functie "
                  "van een sociale werkplaats).")
    def not_ready_for_paid_work_sw(self, group):
        """Worker group {group} cannot (yet) do paid work: a social workshop offers paid work on measure; for those who cannot, there is labour care (also as a function of a social workshop).

        Condition: paid_work_readiness is not_yet.
        Law: decreet 14 juli 1998 (S41), amended 2001 to add arbeidszorg (S47); arbeidszorg (S85).
        """
        self.block(SW, group)

    @Rule(Candidate(instrument=SW, group=MATCH.group))
    @rule_meta("SW-030", sources=["S46", "S47", "S44"], uncertain=True,
               nl="De minimumgrootte en het minimumaandeel doelgroepwerknemers van een sociale werkplaats "
                  "zijn niet gekend, en de gedetailleerde criteria van 2005 (handleiding juli 2005) zijn "
                  "niet nagekeken: de hier gebruikte doelgroepcriteria zijn die van ongeveer 2016-2018.")
    def size_and_2005_criteria_unverified_sw(self):
        """The minimum size and the minimum share of target-group workers of a social workshop are not known, and the detailed 2005 criteria (employer manual of July 2005) are not verified: the target-group criteria used here are those of about 2016-2018.

        Condition: a social workshop is considered.
        Law: handleiding voor de werkgever juli 2005, table of contents only (S46); >= 10 FTE only for an arbeidszorg premium (S47); criteria c. 2016-2018 (S44).
        """
        self.warn("uncertain-fact", SW)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Group(id=MATCH.group, support_need="permanent"))
    @rule_meta("SW-050", sources=["S43"],
               nl="Werknemersgroep {group} heeft blijvend ondersteuning nodig: in een sociale werkplaats is "
                  "de tewerkstelling in principe blijvend, met doorstroming naar regulier werk waar "
                  "mogelijk.")
    def permanent_work_on_measure_sw(self, group):
        """Worker group {group} needs permanent support: in a social workshop employment is in principle permanent, with transition to regular work where possible.

        Condition: support_need is permanent.
        Law: SW employment in principle permanent (S43).
        """
        self.support(SW, group)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Group(id=MATCH.group, support_need="temporary"))
    @rule_meta("SW-051", sources=["S43", "S44"],
               nl="Werknemersgroep {group} zou maar tijdelijk ondersteuning nodig hebben: een sociale "
                  "werkplaats is bedoeld voor wie geen reguliere job kan krijgen of houden; tijdelijke "
                  "werkervaring past misschien beter.")
    def temporary_need_fits_badly_sw(self, group):
        """Worker group {group} would only need support temporarily: a social workshop is meant for people who cannot get or keep a regular job; temporary work experience may fit better.

        Condition: support_need is temporary.
        Law: SW target group (S41 art. 5); in principle permanent employment (S43).
        """
        self.weaken(SW, group)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Kind(kind="market"))
    @rule_meta("SW-052", sources=["S43", "S22"],
               nl="De dienst is arbeidsintensief werk met een marktcomponent, zoals in sociale werkplaatsen "
                  "(groenonderhoud, kringloop, schoonmaak, catering, fietsherstel, renovatie).")
    def labour_intensive_market_work_sw(self):
        """The service is labour-intensive work with a market component, as in social workshops (green maintenance, re-use, cleaning, catering, bicycle repair, renovation).

        Condition: the service is market production (SVC-004).
        Law: 2017: 92 SWs, about 30 % green maintenance and just over 30 % re-use (S43); other activities (S22).
        """
        self.support(SW)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Service(competes_with_regular_market="none"))
    @rule_meta("SW-053", sources=["S43", "S46"],
               nl="De dienst heeft geen markt: een sociale werkplaats heeft een ondernemingsplan met een "
                  "realistische marktomzet nodig.")
    def no_market_component_sw(self):
        """The service has no market: a social workshop needs a business plan with a realistic market turnover.

        Condition: competes_with_regular_market is none.
        Law: labour-intensive work with a market component (S43); business plan in the application (S46).
        """
        self.weaken(SW)

    @Rule(Candidate(instrument=SW, group=MATCH.group), Org(role=one_of(NOT_THE_EMPLOYER)))
    @rule_meta("SW-054", sources=["S41", "S43"],
               nl="Een sociale werkplaats past niet: die neemt de doelgroepwerknemers zelf in dienst en biedt "
                  "hen arbeid op maat, begeleiding en opleiding, en de organisatie wil geen werkgever zijn.")
    def workshop_is_the_employer_sw(self):
        """A social workshop does not fit: it employs the target-group workers itself and gives them work on measure, guidance and training, and the organisation does not want to be an employer.

        Condition: the role is user, host or commissioner.
        Law: the SW provides work on measure, guidance and training (S41, S43).
        """
        self.block(SW)

    @Rule(Candidate(instrument=SW, group=MATCH.group))
    @rule_meta("SW-055", sources=["S46", "S41"], valid_until=MAATWERK_LABEL,
               nl="De erkenning vraagt een ondernemingsplan (modelformulier) en een begeleidingsplan volgens "
                  "de richtlijn van VDAB; de erkenningscommissie en het RESOC geven advies; de erkenning geldt "
                  "voor een beperkte duur met jaarlijkse evaluatie.")
    def recognition_procedure_sw(self):
        """The recognition requires a business plan (model form) and a guidance plan following the VDAB guideline; the recognition commission and the RESOC advise; the recognition is for a limited period with a yearly evaluation.

        Condition: a social workshop is considered.
        Law: decreet 14 juli 1998 art. 8 (S41); employer manual July 2005 (S46).
        """
        self.support(SW)

    @Rule(Group(id=MATCH.group, months_without_work=at_least(SW_INACTIVE_MONTHS)))
    @rule_meta("SW-090", sources=["S43", "S6", "S15"], valid_from=MAATWERK_LABEL,
               nl="Sinds 1 januari 2019 worden geen sociale werkplaatsen meer erkend: de regeling is gestopt "
                  "en de sociale werkplaatsen kregen het label maatwerkbedrijf. Voor werknemersgroep {group} "
                  "is de opvolger het maatwerkbedrijf.")
    def social_workshops_closed_for_long_inactive_sw(self, group):
        """Since 1 January 2019 no social workshops are recognised any more: the regulation stopped and the social workshops got the label maatwerkbedrijf. For worker group {group} the successor is the maatwerkbedrijf.

        Condition: a worker group without work for >= 60 months, on or after 1 Jan 2019.
        Law: SW regulation stopped from 2019 (S43, S6); maatwerk fully in force 1 Jan 2019 (S15).
        """
        self.block(SW, group)
        self.warn("instrument-closed", SW)

    @Rule(Group(id=MATCH.group, psychosocial_problems=True, education="low"))
    @rule_meta("SW-091", sources=["S43", "S6", "S15"], valid_from=MAATWERK_LABEL,
               nl="Sinds 1 januari 2019 worden geen sociale werkplaatsen meer erkend: de regeling is gestopt "
                  "en de sociale werkplaatsen kregen het label maatwerkbedrijf. Voor werknemersgroep {group} "
                  "is de opvolger het maatwerkbedrijf.")
    def social_workshops_closed_for_hard_to_place_sw(self, group):
        """Since 1 January 2019 no social workshops are recognised any more: the regulation stopped and the social workshops got the label maatwerkbedrijf. For worker group {group} the successor is the maatwerkbedrijf.

        Condition: a low-skilled worker group with psychosocial problems, on or after 1 Jan 2019.
        Law: SW regulation stopped from 2019 (S43, S6); maatwerk fully in force 1 Jan 2019 (S15).
        """
        self.block(SW, group)
        self.warn("instrument-closed", SW)

    @Rule(Candidate(instrument=SW, group=MATCH.group))
    @rule_meta("SW-092", sources=["S15", "S43"], valid_from=MAATWERK_TRANSITION, valid_until=MAATWERK_LABEL,
               nl="Overgangsperiode: het maatwerkdecreet wordt gefaseerd ingevoerd vanaf 1 april 2015; vanaf "
                  "1 januari 2019 stopt de regeling sociale werkplaatsen en worden ze maatwerkbedrijven.")
    def transition_to_maatwerk_sw(self):
        """Transition period: the maatwerk decree is phased in from 1 April 2015; from 1 January 2019 the social-workshop regulation stops and they become maatwerkbedrijven.

        Condition: a social workshop is considered between 1 Apr 2015 and 31 Dec 2018.
        Law: phased transition 1/4/2015-31/12/2018 (S15); SW regulation stopped from 2019 (S43).
        """
        self.warn("transition", SW)
