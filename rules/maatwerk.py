"""Maatwerk: maatwerkbedrijf (family MWB) and maatwerkafdeling (MWA), brief §3.3;
individueel maatwerk (IMW), §3.4; Vlaamse ondersteuningspremie (VOP), §3.14 and timeline 12c.

- MWB (from 1 Jan 2019): a vzw or VSO with on average >= 20 FTE target-group workers making
  up >= 65 % of the staff (>= 55 % from 1 Jul 2023); VDAB indicates the workers.
- MWA (1 Jan 2019 - 30 Jun 2023): a division of any company with >= 5 FTE target-group
  workers; absorbed into individueel maatwerk.
- IMW (from 1 Jul 2023): wage and guidance premium for any employer hiring a person whose
  work limitation VDAB attests; long-term (5 years, renewable) or improving (max 2 years).
- VOP (1 Oct 2008 - 30 Jun 2023): premium for regular employers of persons with an
  arbeidshandicap; sheltered workshops excluded; replaced by individueel maatwerk.

Collective maatwerk (MWB, MWA) is considered per worker group of its target group; the
MWA follows the MWB's target group (the same VDAB indication). Numbering: 001-009
triggers, 010-029 and 050-069 conditions, 030-049 warnings, 090-099 closure.
"""
from advisor.engine.rulekit import (
    MATCH, Candidate, Group, Kind, Org, Rule, Service, Workforce, at_least, below, one_of,
    rule_meta, unknown,
)

MWB = "maatwerkbedrijf"
MWA = "maatwerkafdeling"
IMW = "individueel-maatwerk"
VOP = "vop"
BW = "beschutte-werkplaats"
SW = "sociale-werkplaats"

MAATWERK_START = "2019-01-01"   # maatwerkdecreet fully in force (S12, S15)
IMW_START = "2023-07-01"        # individueel maatwerk; MWA, VOP end; MWB share 65 % -> 55 % (S8, S24)
VOP_START = "2008-10-01"        # BVR 18 July 2008 in force (S36, S37)

DISABILITY = {"recognised", "suspected"}
ALL_EMPLOYERS = {"municipality", "ocmw", "intermunicipal", "nonprofit", "social_purpose_company",
                 "cooperative", "company"}
MWB_FORMS = {"nonprofit", "social_purpose_company"}
MWB_EXCLUDED_FORMS = {"municipality", "ocmw", "intermunicipal", "company"}
NOT_THE_EMPLOYER = {"user", "host", "commissioner"}
MWB_MIN_FTE = 20
MWA_MIN_FTE = 5
LONG_TERM_MONTHS = 24           # "uiterst kwetsbaar" / long-term jobseekers >= 2 years (S2, S14)


class MaatwerkRules:
    # ================================================================================
    # MWB - maatwerkbedrijf (collectief maatwerk)
    # ================================================================================

    @Rule(Group(id=MATCH.group, work_disability=one_of(DISABILITY)))
    @rule_meta("MWB-001", sources=["S7", "S13", "S3"], valid_from=MAATWERK_START,
               nl="Werknemersgroep {group} heeft een arbeidshandicap: personen met een arbeidshandicap "
                  "behoren tot de doelgroep van collectief maatwerk (maatwerkbedrijf, maatwerkafdeling), "
                  "na indicering door VDAB.")
    def disabled_workers_fit_collective_maatwerk(self, group):
        """Worker group {group} has a work disability: persons with an arbeidshandicap belong to the target group of collective maatwerk (maatwerkbedrijf, maatwerkafdeling), after an indication by VDAB.

        Condition: a worker group with a recognised or suspected work disability, from 1 Jan 2019.
        Law: decreet 12 juli 2013 (S3, S4); VDAB indication PMAH (S7, S13).
        """
        self.consider(MWB, group)

    @Rule(Group(id=MATCH.group, psychosocial_problems=True))
    @rule_meta("MWB-002", sources=["S7", "S13", "S3"], valid_from=MAATWERK_START,
               nl="Werknemersgroep {group} heeft psychosociale problemen: personen met een psychosociale "
                  "problematiek behoren tot de doelgroep van collectief maatwerk (maatwerkbedrijf, "
                  "maatwerkafdeling), na indicering door VDAB.")
    def psychosocial_workers_fit_collective_maatwerk(self, group):
        """Worker group {group} has psychosocial problems: persons with psychosocial problems belong to the target group of collective maatwerk (maatwerkbedrijf, maatwerkafdeling), after an indication by VDAB.

        Condition: psychosocial_problems is true, from 1 Jan 2019.
        Law: decreet 12 juli 2013 (S3, S4); VDAB indication PSP/PMP (S7, S13).
        """
        self.consider(MWB, group)

    @Rule(Group(id=MATCH.group, months_without_work=at_least(LONG_TERM_MONTHS),
                paid_work_readiness="ready_with_support"))
    @rule_meta("MWB-003", sources=["S2", "S14"], valid_from=MAATWERK_START,
               nl="Werknemersgroep {group} is minstens 2 jaar zonder betaald werk en heeft begeleiding nodig: "
                  "'uiterst kwetsbare' personen en langdurig werkzoekenden met een begeleidingsnood kunnen tot "
                  "de doelgroep van collectief maatwerk behoren; VDAB beslist.")
    def long_term_jobless_fit_collective_maatwerk(self, group):
        """Worker group {group} has been without paid work for at least 2 years and needs guidance: 'extremely vulnerable' persons and long-term jobseekers with a need for guidance can belong to the target group of collective maatwerk; VDAB decides.

        Condition: months_without_work >= 24 and paid_work_readiness ready_with_support, from 1 Jan 2019.
        Law: uiterst kwetsbare personen, >= 24 months without paid work (S2); long-term jobseekers >= 2 years with a need for guidance (S14).
        """
        self.consider(MWB, group)

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Org(legal_form=one_of(MWB_FORMS)))
    @rule_meta("MWB-010", sources=["S9"],
               nl="Een maatwerkbedrijf is een vzw of een vennootschap met sociaal oogmerk: de rechtsvorm past.")
    def nonprofit_or_vso_may_be_labelled_mwb(self):
        """A maatwerkbedrijf is a vzw or a company with social purpose: the legal form fits.

        Condition: the legal form is a vzw or a VSO.
        Law: legal form of a maatwerkbedrijf (S9).
        """
        self.support(MWB)

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Org(legal_form=one_of(MWB_EXCLUDED_FORMS)))
    @rule_meta("MWB-011", sources=["S9", "S95", "S28"],
               nl="Een maatwerkbedrijf is een vzw of een vennootschap met sociaal oogmerk, geen gemeente, OCMW, "
                  "intergemeentelijke vereniging of gewone vennootschap. Die kan wel een vzw oprichten, een "
                  "bestaand maatwerkbedrijf inschakelen (ook via een voorbehouden opdracht) of zelf mensen "
                  "aanwerven met individueel maatwerk (vanaf 1 juli 2023).")
    def legal_form_excludes_mwb(self):
        """A maatwerkbedrijf is a vzw or a company with social purpose, not a municipality, OCMW, intermunicipal association or ordinary company. These can found a vzw, engage an existing maatwerkbedrijf (also through a reserved contract) or hire people themselves with individueel maatwerk (from 1 July 2023).

        Condition: the legal form is a municipality, OCMW, intermunicipal association or company.
        Law: legal form vzw or VSO (S9); reserved contracts (S95); individueel maatwerk for all employers (S28).
        """
        self.block(MWB)

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Org(legal_form="cooperative"))
    @rule_meta("MWB-012", sources=["S9", "S8"], uncertain=True,
               nl="Sinds het Wetboek van vennootschappen (2019) vervangt een coöperatie erkend als sociale "
                  "onderneming de VSO; of zo'n coöperatie het label maatwerkbedrijf kan krijgen, is niet "
                  "bevestigd [onbevestigd].")
    def cooperative_unconfirmed_mwb(self):
        """Since the Companies Code (2019) a cooperative recognised as a social enterprise replaces the VSO; whether such a cooperative can get the label maatwerkbedrijf is not confirmed [unverified].

        Condition: the legal form is a cooperative.
        Law: legal form vzw or VSO (S9); adaptation to the 2019 Companies Code not verified [M].
        """
        self.weaken(MWB)
        self.warn("uncertain-fact", MWB)

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Org(legal_form="none_yet"))
    @rule_meta("MWB-013", sources=["S9"],
               nl="Er is nog geen rechtspersoon: een maatwerkbedrijf moet een vzw of een vennootschap met "
                  "sociaal oogmerk zijn.")
    def entity_to_be_founded_mwb(self):
        """There is no legal entity yet: a maatwerkbedrijf must be a vzw or a company with social purpose.

        Condition: the legal form is none_yet.
        Law: legal form of a maatwerkbedrijf (S9).
        """
        self.weaken(MWB)

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Workforce(target_fte=MATCH.fte & at_least(MWB_MIN_FTE)))
    @rule_meta("MWB-014", sources=["S1", "S8", "S12", "S7", "S11"],
               nl="De werknemersgroepen tellen {fte} VTE: een maatwerkbedrijf vraagt gemiddeld minstens {min} VTE "
                  "doelgroepwerknemers per jaar. Per doelgroepwerknemer legt VDAB dan een "
                  "werkondersteuningspakket vast (loonpremie van 40-75 % van het begrensde referentieloon en "
                  "een begeleidingspremie, tot 5 jaar en herzienbaar), met daarnaast organisatieondersteuning.")
    def enough_target_group_fte_mwb(self, fte):
        """The worker groups count {fte} FTE: a maatwerkbedrijf needs on average at least {min} FTE target-group workers a year. For each target-group worker VDAB then sets a work-support package (a wage premium of 40-75 % of the capped reference wage and a guidance premium, up to 5 years and revisable), besides organisation support.

        Condition: target_fte >= 20.
        Law: recognition condition >= 20 FTE per label (S1, S8, S12); werkondersteuningspakket (S7, S8, S11).
        """
        self.support(MWB, fte=f"{fte:g}", min=MWB_MIN_FTE)

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Workforce(target_fte=MATCH.fte & below(MWB_MIN_FTE)))
    @rule_meta("MWB-015", sources=["S1", "S8", "S28", "S23", "S95"],
               nl="De werknemersgroepen tellen maar {fte} VTE: een maatwerkbedrijf vraagt gemiddeld minstens "
                  "{min} VTE doelgroepwerknemers per jaar, zelden haalbaar voor een starter. Werf liever aan met "
                  "individueel maatwerk (vanaf 1 juli 2023) of werk samen met een bestaand maatwerkbedrijf "
                  "(zoals WAAK in Kuurne), bijvoorbeeld via onderaanneming of een voorbehouden opdracht.")
    def too_small_for_mwb(self, fte):
        """The worker groups count only {fte} FTE: a maatwerkbedrijf needs on average at least {min} FTE target-group workers a year, rarely feasible for a starter. Rather hire with individueel maatwerk (from 1 July 2023) or partner with an existing maatwerkbedrijf (such as WAAK in Kuurne), e.g. by subcontracting or a reserved contract.

        Condition: target_fte < 20.
        Law: >= 20 FTE (S1, S8); individueel maatwerk for all employers (S28); WAAK (S23); reserved contracts (S95).
        """
        self.block(MWB, fte=f"{fte:g}", min=MWB_MIN_FTE)

    @Rule(Candidate(instrument=MWB), Group(id=MATCH.group, unknown=unknown("fte")))
    @rule_meta("MWB-016", sources=["S1", "S8"],
               nl="Het aantal VTE van werknemersgroep {group} is niet gekend: een maatwerkbedrijf vraagt minstens "
                  "{min} VTE doelgroepwerknemers.")
    def group_size_unknown_mwb(self, group):
        """The FTE of worker group {group} is not known: a maatwerkbedrijf needs at least {min} FTE target-group workers.

        Condition: a worker group without fte.
        Law: >= 20 FTE (S1, S8).
        """
        self.need(f"worker_groups.{group}.fte", MWB, min=MWB_MIN_FTE)

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Workforce(target_share=MATCH.share & at_least(0.65)))
    @rule_meta("MWB-017", sources=["S1", "S12"], valid_until=IMW_START,
               nl="De doelgroepwerknemers zijn {pct} van het personeel: tot 30 juni 2023 vraagt een "
                  "maatwerkbedrijf minstens 65 %.")
    def share_at_least_65_percent(self, share):
        """The target-group workers are {pct} of the staff: until 30 June 2023 a maatwerkbedrijf needs at least 65 %.

        Condition: target_share >= 0.65, before 1 Jul 2023.
        Law: >= 65 % of the total workforce (S1, S12).
        """
        self.support(MWB, pct=f"{share * 100:g} %")

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Workforce(target_share=MATCH.share & below(0.65)))
    @rule_meta("MWB-018", sources=["S1", "S12"], valid_until=IMW_START,
               nl="De doelgroepwerknemers zijn maar {pct} van het personeel: tot 30 juni 2023 vraagt een "
                  "maatwerkbedrijf minstens 65 %.")
    def share_below_65_percent(self, share):
        """The target-group workers are only {pct} of the staff: until 30 June 2023 a maatwerkbedrijf needs at least 65 %.

        Condition: target_share < 0.65, before 1 Jul 2023.
        Law: >= 65 % of the total workforce (S1, S12).
        """
        self.block(MWB, pct=f"{share * 100:g} %")

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Workforce(target_share=MATCH.share & at_least(0.55)))
    @rule_meta("MWB-019", sources=["S8"], valid_from=IMW_START,
               nl="De doelgroepwerknemers zijn {pct} van het personeel: sinds 1 juli 2023 vraagt een "
                  "maatwerkbedrijf minstens 55 %.")
    def share_at_least_55_percent(self, share):
        """The target-group workers are {pct} of the staff: since 1 July 2023 a maatwerkbedrijf needs at least 55 %.

        Condition: target_share >= 0.55, from 1 Jul 2023.
        Law: threshold lowered from 65 % to 55 % on 1 Jul 2023 (S8).
        """
        self.support(MWB, pct=f"{share * 100:g} %")

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Workforce(target_share=MATCH.share & below(0.55)))
    @rule_meta("MWB-020", sources=["S8"], valid_from=IMW_START,
               nl="De doelgroepwerknemers zijn maar {pct} van het personeel: sinds 1 juli 2023 vraagt een "
                  "maatwerkbedrijf minstens 55 %.")
    def share_below_55_percent(self, share):
        """The target-group workers are only {pct} of the staff: since 1 July 2023 a maatwerkbedrijf needs at least 55 %.

        Condition: target_share < 0.55, from 1 Jul 2023.
        Law: threshold lowered from 65 % to 55 % on 1 Jul 2023 (S8).
        """
        self.block(MWB, pct=f"{share * 100:g} %")

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Org(unknown=unknown("staff_fte")))
    @rule_meta("MWB-021", sources=["S1", "S8"],
               nl="Het totale personeel (VTE) is niet gekend: in een maatwerkbedrijf moeten de "
                  "doelgroepwerknemers minstens 65 % (55 % sinds 1 juli 2023) van het personeel zijn.")
    def total_staff_unknown_mwb(self):
        """The total staff (FTE) is not known: in a maatwerkbedrijf the target-group workers must be at least 65 % (55 % since 1 July 2023) of the staff.

        Condition: organisation.staff_fte absent.
        Law: share of target-group workers (S1, S8).
        """
        self.need("organisation.staff_fte", MWB)

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Group(id=MATCH.group, work_disability="recognised"))
    @rule_meta("MWB-022", sources=["S7", "S13"],
               nl="Werknemersgroep {group} heeft een erkende arbeidshandicap: VDAB indiceert hen als persoon met "
                  "een arbeidshandicap (bewijs: bv. VAPH-erkenning, buitengewoon onderwijs OV1/OV2, "
                  "inkomensvervangende tegemoetkoming, verhoogde kinderbijslag of een invaliditeitsuitkering).")
    def recognised_disability_indicated_mwb(self, group):
        """Worker group {group} has a recognised work disability: VDAB indicates them as persons with an arbeidshandicap (evidence: e.g. VAPH recognition, special education OV1/OV2, an income-replacement allowance, increased child benefit or an invalidity benefit).

        Condition: work_disability is recognised.
        Law: VDAB indication and evidence of an arbeidshandicap (S7, S13); right granted for 5 years (S13).
        """
        self.support(MWB, group)

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Group(id=MATCH.group, work_disability="suspected"))
    @rule_meta("MWB-023", sources=["S7", "S13"],
               nl="De arbeidshandicap van werknemersgroep {group} is alleen vermoed: VDAB moet hen eerst "
                  "indiceren voor collectief maatwerk.")
    def suspected_disability_needs_indication_mwb(self, group):
        """The work disability of worker group {group} is only suspected: VDAB must first indicate them for collective maatwerk.

        Condition: work_disability is suspected.
        Law: VDAB indication (advies collectief maatwerk) (S7, S13).
        """
        self.weaken(MWB)

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Group(id=MATCH.group, psychosocial_problems=True))
    @rule_meta("MWB-024", sources=["S7", "S13"],
               nl="Werknemersgroep {group} heeft psychosociale problemen: VDAB kan hen indiceren als persoon "
                  "met een psychosociale problematiek.")
    def psychosocial_indication_mwb(self, group):
        """Worker group {group} has psychosocial problems: VDAB can indicate them as persons with psychosocial problems.

        Condition: psychosocial_problems is true.
        Law: VDAB indication PSP/PMP (S7, S13).
        """
        self.support(MWB, group)

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Group(id=MATCH.group, paid_work_readiness="not_yet"))
    @rule_meta("MWB-025", sources=["S7", "S88"],
               nl="Werknemersgroep {group} kan (nog) geen betaald werk doen: een maatwerkbedrijf is betaalde "
                  "tewerkstelling; daarvoor bestaan arbeidsmatige activiteiten.")
    def not_ready_for_paid_work_mwb(self, group):
        """Worker group {group} cannot (yet) do paid work: a maatwerkbedrijf is paid employment; for them there are work-like activities (arbeidsmatige activiteiten).

        Condition: paid_work_readiness is not_yet.
        Law: employment with a work-support package (S7); arbeidsmatige activiteiten (S88).
        """
        self.block(MWB, group)

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Group(id=MATCH.group, unknown=unknown("paid_work_readiness")))
    @rule_meta("MWB-026", sources=["S7", "S88"],
               nl="Niet gekend of werknemersgroep {group} betaald werk kan doen: een maatwerkbedrijf is betaalde "
                  "tewerkstelling.")
    def readiness_unknown_mwb(self, group):
        """It is not known whether worker group {group} can do paid work: a maatwerkbedrijf is paid employment.

        Condition: paid_work_readiness absent.
        Law: employment with a work-support package (S7); arbeidsmatige activiteiten (S88).
        """
        self.need(f"worker_groups.{group}.paid_work_readiness", MWB)

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Kind(kind="market"))
    @rule_meta("MWB-027", sources=["S14", "S22", "S20"],
               nl="De dienst is productie of dienstverlening voor de markt, zoals in maatwerkbedrijven "
                  "(assemblage, verpakking, groenonderhoud, kringloop, schoonmaak, sociale restaurants, "
                  "strijkateliers, fietspunten).")
    def market_activity_fits_mwb(self):
        """The service is production or services for the market, as in maatwerkbedrijven (assembly, packaging, green maintenance, re-use, cleaning, social restaurants, ironing shops, bicycle points).

        Condition: the service is market production (SVC-004).
        Law: maatwerk activities (S14, S22); about half of the BW sector's income from sales (S20).
        """
        self.support(MWB)

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Service(competes_with_regular_market="none"))
    @rule_meta("MWB-028", sources=["S20", "S14"],
               nl="De dienst heeft geen markt: een maatwerkbedrijf heeft marktomzet nodig naast de premies.")
    def no_market_no_turnover_mwb(self):
        """The service has no market: a maatwerkbedrijf needs market turnover besides the premiums.

        Condition: competes_with_regular_market is none.
        Law: market production of maatwerkbedrijven (S14); income from sales (S20).
        """
        self.weaken(MWB)

    @Rule(Candidate(instrument=MWB, group=MATCH.group), Org(role=one_of(NOT_THE_EMPLOYER)))
    @rule_meta("MWB-029", sources=["S95", "S23"],
               nl="De organisatie wil zelf geen werkgever zijn: een bestaand maatwerkbedrijf inschakelen "
                  "(onderaanneming of een voorbehouden opdracht) ligt dan meer voor de hand.")
    def engage_existing_mwb(self):
        """The organisation does not want to be the employer itself: engaging an existing maatwerkbedrijf (subcontracting or a reserved contract) is then more obvious.

        Condition: the role is user, host or commissioner.
        Law: reserved contracts for the social economy (S95); regional maatwerkbedrijven such as WAAK (S23).
        """
        self.weaken(MWB)

    # ================================================================================
    # MWA - maatwerkafdeling
    # ================================================================================

    @Rule(Candidate(instrument=MWB, group=MATCH.group))
    @rule_meta("MWA-001", sources=["S2", "S10", "S14"], valid_from=MAATWERK_START, valid_until=IMW_START,
               nl="Werknemersgroep {group} behoort tot de doelgroep van collectief maatwerk: ook een afdeling "
                  "van eender welk bedrijf kan erkend worden als maatwerkafdeling.")
    def collective_target_group_fits_mwa(self, group):
        """Worker group {group} belongs to the target group of collective maatwerk: a division of any company can also be recognised as a maatwerkafdeling.

        Condition: a worker group of the collective-maatwerk target group, 1 Jan 2019 - 30 Jun 2023.
        Law: maatwerkafdeling (S2, S14); no new ones after 1 Jul 2023 (S10).
        """
        self.consider(MWA, group)

    @Rule(Candidate(instrument=MWA, group=MATCH.group), Org(legal_form=one_of(ALL_EMPLOYERS)))
    @rule_meta("MWA-010", sources=["S2", "S14", "S62"],
               nl="Een maatwerkafdeling kent geen beperking van rechtsvorm: ook een gewoon bedrijf (vaak een "
                  "voormalig invoegbedrijf) kan er een oprichten.")
    def any_legal_form_mwa(self):
        """A maatwerkafdeling has no legal-form restriction: a regular firm (often a former insertion company) can also create one.

        Condition: any legal form of an existing organisation.
        Law: maatwerkafdeling (S2, S14, S62).
        """
        self.support(MWA)

    @Rule(Candidate(instrument=MWA, group=MATCH.group), Org(legal_form="none_yet"))
    @rule_meta("MWA-011", sources=["S2"],
               nl="Er is nog geen rechtspersoon: een maatwerkafdeling is een afdeling van een bestaande "
                  "onderneming.")
    def entity_needed_mwa(self):
        """There is no legal entity yet: a maatwerkafdeling is a division of an existing enterprise.

        Condition: the legal form is none_yet.
        Law: maatwerkafdeling (S2).
        """
        self.weaken(MWA)

    @Rule(Candidate(instrument=MWA, group=MATCH.group), Workforce(target_fte=MATCH.fte & at_least(MWA_MIN_FTE)))
    @rule_meta("MWA-012", sources=["S2", "S62", "S1"],
               nl="De werknemersgroepen tellen {fte} VTE: een maatwerkafdeling vraagt minstens 5 VTE "
                  "doelgroepwerknemers per jaar, met continue en duurzame tewerkstelling en transparant "
                  "kwaliteitsbeheer (jaarlijks duurzaamheidsverslag, driejaarlijkse zelfevaluatie).")
    def enough_target_group_fte_mwa(self, fte):
        """The worker groups count {fte} FTE: a maatwerkafdeling needs at least 5 FTE target-group workers a year, with continuous and sustainable employment and transparent quality management (annual sustainability report, three-yearly self-evaluation).

        Condition: target_fte >= 5.
        Law: >= 5 FTE per year, continuous and sustainable employment, quality management (S2, S62, S1).
        """
        self.support(MWA, fte=f"{fte:g}")

    @Rule(Candidate(instrument=MWA, group=MATCH.group), Workforce(target_fte=MATCH.fte & below(MWA_MIN_FTE)))
    @rule_meta("MWA-013", sources=["S2", "S62", "S37"],
               nl="De werknemersgroepen tellen maar {fte} VTE: een maatwerkafdeling vraagt minstens 5 VTE "
                  "doelgroepwerknemers per jaar. Voor een enkele werknemer met een arbeidshandicap bestaat de "
                  "Vlaamse ondersteuningspremie (VOP).")
    def too_small_for_mwa(self, fte):
        """The worker groups count only {fte} FTE: a maatwerkafdeling needs at least 5 FTE target-group workers a year. For a single worker with an arbeidshandicap there is the Flemish support premium (VOP).

        Condition: target_fte < 5.
        Law: >= 5 FTE (S2, S62); VOP (S37).
        """
        self.block(MWA, fte=f"{fte:g}")

    @Rule(Candidate(instrument=MWA), Group(id=MATCH.group, unknown=unknown("fte")))
    @rule_meta("MWA-014", sources=["S2", "S62"],
               nl="Het aantal VTE van werknemersgroep {group} is niet gekend: een maatwerkafdeling vraagt "
                  "minstens 5 VTE doelgroepwerknemers.")
    def group_size_unknown_mwa(self, group):
        """The FTE of worker group {group} is not known: a maatwerkafdeling needs at least 5 FTE target-group workers.

        Condition: a worker group without fte.
        Law: >= 5 FTE (S2, S62).
        """
        self.need(f"worker_groups.{group}.fte", MWA)

    @Rule(Candidate(instrument=MWA, group=MATCH.group), Group(id=MATCH.group, work_disability="suspected"))
    @rule_meta("MWA-015", sources=["S2", "S7"],
               nl="De arbeidshandicap van werknemersgroep {group} is alleen vermoed: VDAB moet hen eerst "
                  "indiceren voor collectief maatwerk.")
    def suspected_disability_needs_indication_mwa(self, group):
        """The work disability of worker group {group} is only suspected: VDAB must first indicate them for collective maatwerk.

        Condition: work_disability is suspected.
        Law: VDAB indication (S2, S7).
        """
        self.weaken(MWA)

    @Rule(Candidate(instrument=MWA, group=MATCH.group), Group(id=MATCH.group, paid_work_readiness="not_yet"))
    @rule_meta("MWA-016", sources=["S2", "S85"],
               nl="Werknemersgroep {group} kan (nog) geen betaald werk doen: een maatwerkafdeling biedt "
                  "duurzame betaalde tewerkstelling.")
    def not_ready_for_paid_work_mwa(self, group):
        """Worker group {group} cannot (yet) do paid work: a maatwerkafdeling offers durable paid employment.

        Condition: paid_work_readiness is not_yet.
        Law: continuous and sustainable employment (S2); labour care for those who cannot do paid work (S85).
        """
        self.block(MWA, group)

    @Rule(Candidate(instrument=MWA, group=MATCH.group), Group(id=MATCH.group, unknown=unknown("paid_work_readiness")))
    @rule_meta("MWA-017", sources=["S2"],
               nl="Niet gekend of werknemersgroep {group} betaald werk kan doen: een maatwerkafdeling biedt "
                  "duurzame betaalde tewerkstelling.")
    def readiness_unknown_mwa(self, group):
        """It is not known whether worker group {group} can do paid work: a maatwerkafdeling offers durable paid employment.

        Condition: paid_work_readiness absent.
        Law: continuous and sustainable employment (S2).
        """
        self.need(f"worker_groups.{group}.paid_work_readiness", MWA)

    @Rule(Candidate(instrument=MWA, group=MATCH.group), Org(role=one_of(NOT_THE_EMPLOYER)))
    @rule_meta("MWA-018", sources=["S2"],
                              nl="Een maatwerkafdeling past niet: daarin stelt de onderneming zelf minstens 5 VTE "
                  "doelgroepwerknemers per jaar tewerk, en de organisatie wil geen werkgever zijn.")
    def division_is_the_employer_mwa(self):
        """A maatwerkafdeling does not fit: in it the enterprise itself employs at least 5 FTE target-group workers a year, and the organisation does not want to be an employer.

        Condition: the role is user, host or commissioner.
        Law: maatwerkafdeling: >= 5 FTE target-group workers a year, continuous employment (S2).
        """
        self.block(MWA)

    @Rule(Candidate(instrument=MWB, group=MATCH.group))
    @rule_meta("MWA-090", sources=["S10", "S24", "S2"], valid_from=IMW_START,
               nl="Sinds 1 juli 2023 worden geen nieuwe maatwerkafdelingen meer erkend: ze gaan op in "
                  "individueel maatwerk. Voor werknemersgroep {group} is individueel maatwerk de opvolger.")
    def divisions_closed_mwa(self, group):
        """Since 1 July 2023 no new maatwerkafdelingen are recognised: they are absorbed into individueel maatwerk. For worker group {group} individueel maatwerk is the successor.

        Condition: a worker group of the collective-maatwerk target group, on or after 1 Jul 2023.
        Law: decreet individuele inschakeling 14 jan 2022 abolishes the MWA (S24); MWAs fade out (S10, S2).
        """
        self.block(MWA, group)
        self.warn("instrument-closed", MWA)

    # ================================================================================
    # IMW - individueel maatwerk
    # ================================================================================

    @Rule(Group(id=MATCH.group, work_disability=one_of(DISABILITY)))
    @rule_meta("IMW-001", sources=["S24", "S25", "S28"], valid_from=IMW_START,
               nl="Werknemersgroep {group} heeft een arbeidshandicap: met individueel maatwerk krijgt elke "
                  "werkgever een loonpremie en een begeleidingspremie voor wie een door VDAB geattesteerde "
                  "arbeidsbeperking heeft.")
    def disabled_workers_fit_individual_maatwerk(self, group):
        """Worker group {group} has a work disability: with individueel maatwerk any employer gets a wage premium and a guidance premium for people whose work limitation VDAB attests.

        Condition: a worker group with a recognised or suspected work disability, from 1 Jul 2023.
        Law: decreet 14 jan 2022 individuele inschakeling (S25); in force 1 Jul 2023, replaces LDE, SINE, VOP and MWA (S24, S28).
        """
        self.consider(IMW, group)

    @Rule(Group(id=MATCH.group, psychosocial_problems=True))
    @rule_meta("IMW-002", sources=["S24", "S25", "S28"], valid_from=IMW_START,
               nl="Werknemersgroep {group} heeft psychosociale problemen: als VDAB een arbeidsbeperking en een "
                  "ondersteuningsnood attesteert, krijgt elke werkgever met individueel maatwerk een loon- en "
                  "begeleidingspremie.")
    def psychosocial_workers_fit_individual_maatwerk(self, group):
        """Worker group {group} has psychosocial problems: when VDAB attests a work limitation and a need for support, any employer gets a wage and guidance premium with individueel maatwerk.

        Condition: psychosocial_problems is true, from 1 Jul 2023.
        Law: decreet 14 jan 2022 art. 32, indication by VDAB (S25); in force 1 Jul 2023 (S24, S28).
        """
        self.consider(IMW, group)

    @Rule(Candidate(instrument=IMW, group=MATCH.group), Org(legal_form=one_of(ALL_EMPLOYERS)))
    @rule_meta("IMW-010", sources=["S28", "S24", "S8", "S29", "S25", "S27"],
               nl="Individueel maatwerk staat open voor alle werkgevers, ook vzw's, scholen en lokale besturen, "
                  "zonder erkenning als sociale-economieonderneming. VDAB bepaalt de loonpremie (een veelvoud "
                  "van 5 % tussen 20 % en 75 % van het begrensde referentieloon) en er is een "
                  "begeleidingspremie; de werknemer woont in Vlaanderen (of werkt er vanuit de EU/EER) en "
                  "krijgt minstens het minimumloon.")
    def any_employer_imw(self):
        """Individueel maatwerk is open to all employers, including vzw's, schools and local governments, without a recognition as a social-economy enterprise. VDAB sets the wage premium (a multiple of 5 % between 20 % and 75 % of the capped reference wage) and there is a guidance premium; the worker lives in Flanders (or works there from the EU/EEA) and earns at least the minimum wage.

        Condition: any legal form of an existing organisation.
        Law: who may apply (S28); no recognition needed (S24); wage premium 20-75 % (S8, S29); guidance premium (S8); conditions: residence, contract of at least 24 h (read as a week), minimum wage (S28, S25); apply via the WSE-loket (S27).
        """
        self.support(IMW)

    @Rule(Candidate(instrument=IMW, group=MATCH.group), Org(legal_form="none_yet"))
    @rule_meta("IMW-011", sources=["S28"],
               nl="Er is nog geen werkgever: individueel maatwerk vraagt een werkgever (rechtspersoon of "
                  "natuurlijke persoon met personeel).")
    def employer_needed_imw(self):
        """There is no employer yet: individueel maatwerk needs an employer (a legal person or a natural person employing staff).

        Condition: the legal form is none_yet.
        Law: who may apply (S28).
        """
        self.weaken(IMW)

    @Rule(Candidate(instrument=IMW, group=MATCH.group), Org(role="employer"))
    @rule_meta("IMW-012", sources=["S28", "S27"],
               nl="De organisatie wordt zelf werkgever en vraagt de premies aan via het WSE-loket.")
    def organisation_employs_imw(self):
        """The organisation itself becomes the employer and applies for the premiums via the WSE-loket.

        Condition: the role is employer.
        Law: application online via the WSE-loket (S27, S28).
        """
        self.support(IMW)

    @Rule(Candidate(instrument=IMW, group=MATCH.group), Org(role=one_of(NOT_THE_EMPLOYER)))
    @rule_meta("IMW-013", sources=["S28", "S27"],
               nl="De organisatie wil zelf geen werkgever zijn: de premies van individueel maatwerk gaan naar "
                  "de werkgever, dus naar de partner of opdrachtnemer die de werknemers in dienst neemt.")
    def premium_goes_to_the_employer_imw(self):
        """The organisation does not want to be the employer itself: the premiums of individueel maatwerk go to the employer, i.e. to the partner or contractor who hires the workers.

        Condition: the role is user, host or commissioner.
        Law: premiums for employers (S27, S28).
        """
        self.weaken(IMW)

    @Rule(Candidate(instrument=IMW, group=MATCH.group), Group(id=MATCH.group, work_disability="recognised"))
    @rule_meta("IMW-014", sources=["S25", "S28", "S7"],
               nl="Werknemersgroep {group} heeft een erkende arbeidshandicap: VDAB kan de arbeidsbeperking en de "
                  "ondersteuningsnood attesteren (indicering).")
    def recognised_disability_attested_imw(self, group):
        """Worker group {group} has a recognised work disability: VDAB can attest the work limitation and the need for support (indication).

        Condition: work_disability is recognised.
        Law: decreet 14 jan 2022 art. 32, VDAB indication (S25, S28); evidence of an arbeidshandicap (S7).
        """
        self.support(IMW, group)

    @Rule(Candidate(instrument=IMW, group=MATCH.group), Group(id=MATCH.group, work_disability="suspected"))
    @rule_meta("IMW-015", sources=["S25", "S28"],
               nl="De arbeidsbeperking van werknemersgroep {group} is alleen vermoed: individueel maatwerk is "
                  "mogelijk, maar pas nadat VDAB de arbeidsbeperking attesteert.")
    def suspected_limitation_needs_attest_imw(self, group):
        """The work limitation of worker group {group} is only suspected: individueel maatwerk is possible, but only after VDAB attests the work limitation.

        Condition: work_disability is suspected.
        Law: VDAB indication (S25, S28).
        """
        self.weaken(IMW)

    @Rule(Candidate(instrument=IMW, group=MATCH.group), Group(id=MATCH.group, psychosocial_problems=True))
    @rule_meta("IMW-016", sources=["S25", "S7"],
               nl="Werknemersgroep {group} heeft psychosociale problemen: VDAB kan die als arbeidsbeperking met "
                  "ondersteuningsnood attesteren.")
    def psychosocial_limitation_attested_imw(self, group):
        """Worker group {group} has psychosocial problems: VDAB can attest them as a work limitation with a need for support.

        Condition: psychosocial_problems is true.
        Law: VDAB indication (S25); psychosocial problems as a maatwerk target group (S7).
        """
        self.support(IMW, group)

    @Rule(Candidate(instrument=IMW, group=MATCH.group), Group(id=MATCH.group, support_need="permanent"))
    @rule_meta("IMW-017", sources=["S27", "S29", "S8"],
               nl="Werknemersgroep {group} heeft langdurig ondersteuning nodig: de premie geldt dan 5 jaar en is "
                  "verlengbaar, met een dalend startpakket (bv. 40 %, dan 30 %, dan 20 % loonpremie).")
    def long_term_support_imw(self, group):
        """Worker group {group} needs long-term support: the premium then runs for 5 years and is renewable, with a degressive start package (e.g. 40 %, then 30 %, then 20 % wage premium).

        Condition: support_need is permanent.
        Law: long-term need 5 years, renewable (S27); start packages (S8, S29).
        """
        self.support(IMW, group)

    @Rule(Candidate(instrument=IMW, group=MATCH.group), Group(id=MATCH.group, support_need="temporary"))
    @rule_meta("IMW-018", sources=["S27", "S8"],
               nl="Werknemersgroep {group} heeft tijdelijk ondersteuning nodig: bij een verbeterende "
                  "problematiek geldt de premie hoogstens 2 jaar (20 % loonpremie) en is ze niet verlengbaar.")
    def short_term_support_imw(self, group):
        """Worker group {group} needs support temporarily: for an improving problem the premium runs at most 2 years (20 % wage premium) and is not renewable.

        Condition: support_need is temporary.
        Law: improving problem max 2 years, not renewable (S27); 20 % start package (S8).
        """
        self.support(IMW, group)

    @Rule(Candidate(instrument=IMW, group=MATCH.group), Group(id=MATCH.group, paid_work_readiness="not_yet"))
    @rule_meta("IMW-019", sources=["S25", "S28", "S88"],
               nl="Werknemersgroep {group} kan (nog) geen betaald werk doen: individueel maatwerk is een premie "
                  "op een arbeidsovereenkomst aan minstens het minimumloon; daarvoor bestaan arbeidsmatige "
                  "activiteiten.")
    def not_ready_for_paid_work_imw(self, group):
        """Worker group {group} cannot (yet) do paid work: individueel maatwerk is a premium on an employment contract paying at least the minimum wage; for them there are work-like activities (arbeidsmatige activiteiten).

        Condition: paid_work_readiness is not_yet.
        Law: at least the minimum wage (GGMMI, S25); contract conditions (S28); arbeidsmatige activiteiten (S88).
        """
        self.block(IMW, group)

    @Rule(Candidate(instrument=IMW, group=MATCH.group), Group(id=MATCH.group, unknown=unknown("paid_work_readiness")))
    @rule_meta("IMW-020", sources=["S25", "S88"],
               nl="Niet gekend of werknemersgroep {group} betaald werk kan doen: individueel maatwerk is een "
                  "premie op een gewone arbeidsovereenkomst.")
    def readiness_unknown_imw(self, group):
        """It is not known whether worker group {group} can do paid work: individueel maatwerk is a premium on an ordinary employment contract.

        Condition: paid_work_readiness absent.
        Law: employment at least at the minimum wage (S25); arbeidsmatige activiteiten (S88).
        """
        self.need(f"worker_groups.{group}.paid_work_readiness", IMW)

    @Rule(Group(id=MATCH.group, psychosocial_problems=False, unknown=unknown("work_disability")))
    @rule_meta("IMW-022", sources=["S25", "S7", "S37"],
               nl="Niet gekend of werknemersgroep {group} een arbeidshandicap heeft: dat beslist over "
                  "maatwerk, de VOP en de beschutte werkplaats.")
    def disability_unknown_imw(self, group):
        """It is not known whether worker group {group} has a work disability: that decides on maatwerk, the VOP and the sheltered workshop.

        Condition: work_disability absent and no psychosocial problems.
        Law: VDAB indication (S25, S7); VOP for persons with an arbeidshandicap (S37).
        """
        self.need(f"worker_groups.{group}.work_disability", IMW, MWB, MWA, VOP, BW)

    @Rule(Group(id=MATCH.group, work_disability="none", unknown=unknown("psychosocial_problems")))
    @rule_meta("IMW-023", sources=["S25", "S7"],
               nl="Niet gekend of werknemersgroep {group} psychosociale problemen heeft: VDAB kan die als "
                  "arbeidsbeperking attesteren voor maatwerk.")
    def psychosocial_unknown_imw(self, group):
        """It is not known whether worker group {group} has psychosocial problems: VDAB can attest them as a work limitation for maatwerk.

        Condition: psychosocial_problems absent and no work disability.
        Law: VDAB indication (S25, S7).
        """
        self.need(f"worker_groups.{group}.psychosocial_problems", IMW, MWB, MWA)

    @Rule(Group(id=MATCH.group, unknown=unknown("work_disability") & unknown("psychosocial_problems")))
    @rule_meta("IMW-024", sources=["S25", "S7", "S37"],
               nl="Niet gekend of werknemersgroep {group} een arbeidshandicap of psychosociale problemen heeft: "
                  "een door VDAB geattesteerde arbeidsbeperking opent maatwerk (en vroeger de VOP).")
    def limitation_unknown_imw(self, group):
        """It is not known whether worker group {group} has a work disability or psychosocial problems: a work limitation attested by VDAB opens maatwerk (and formerly the VOP).

        Condition: work_disability and psychosocial_problems absent.
        Law: VDAB indication (S25, S7); VOP (S37).
        """
        self.need(f"worker_groups.{group}.work_disability", IMW, MWB, MWA, VOP, BW)
        self.need(f"worker_groups.{group}.psychosocial_problems", IMW, MWB, MWA, SW)

    # ================================================================================
    # VOP - Vlaamse ondersteuningspremie
    # ================================================================================

    @Rule(Group(id=MATCH.group, work_disability=one_of(DISABILITY)))
    @rule_meta("VOP-001", sources=["S36", "S37", "S8"], valid_from=VOP_START, valid_until=IMW_START,
               nl="Werknemersgroep {group} heeft een arbeidshandicap: een werkgever in het reguliere circuit "
                  "kan voor hen de Vlaamse ondersteuningspremie (VOP) krijgen.")
    def disabled_workers_fit_vop(self, group):
        """Worker group {group} has a work disability: an employer in the regular circuit can get the Flemish support premium (VOP) for them.

        Condition: a worker group with a recognised or suspected work disability, 1 Oct 2008 - 30 Jun 2023.
        Law: BVR 18 juli 2008, in force 1 Oct 2008 (S36, S37); no extensions from 1 Jul 2023 (S8).
        """
        self.consider(VOP, group)

    @Rule(Candidate(instrument=VOP, group=MATCH.group), Org(legal_form=one_of(ALL_EMPLOYERS)))
    @rule_meta("VOP-010", sources=["S37"],
               nl="Elke werkgever in het reguliere circuit kan de VOP aanvragen.")
    def regular_employer_vop(self):
        """Any employer in the regular circuit can apply for the VOP.

        Condition: any legal form of an existing organisation.
        Law: VOP for employers of persons with an arbeidshandicap (S37).
        """
        self.support(VOP)

    @Rule(Candidate(instrument=VOP, group=MATCH.group), Org(legal_form="none_yet"))
    @rule_meta("VOP-011", sources=["S37"],
               nl="Er is nog geen werkgever: de VOP gaat naar de werkgever van de persoon met een "
                  "arbeidshandicap.")
    def employer_needed_vop(self):
        """There is no employer yet: the VOP goes to the employer of the person with an arbeidshandicap.

        Condition: the legal form is none_yet.
        Law: VOP (S37).
        """
        self.weaken(VOP)

    @Rule(Candidate(instrument=VOP, group=MATCH.group), Group(id=MATCH.group, work_disability="recognised"))
    @rule_meta("VOP-012", sources=["S36", "S37"],
               nl="Werknemersgroep {group} heeft een erkende arbeidshandicap; VDAB stelt de arbeidshandicap vast "
                  "en kent de VOP toe.")
    def recognised_disability_vop(self, group):
        """Worker group {group} has a recognised work disability; VDAB determines the arbeidshandicap and grants the VOP.

        Condition: work_disability is recognised.
        Law: BVR 18 juli 2008; VDAB (S36, S37).
        """
        self.support(VOP, group)

    @Rule(Candidate(instrument=VOP, group=MATCH.group), Group(id=MATCH.group, work_disability="suspected"))
    @rule_meta("VOP-013", sources=["S36", "S37"],
               nl="De arbeidshandicap van werknemersgroep {group} is alleen vermoed: VDAB moet die eerst "
                  "vaststellen.")
    def suspected_disability_vop(self, group):
        """The work disability of worker group {group} is only suspected: VDAB must first establish it.

        Condition: work_disability is suspected.
        Law: VDAB determines the arbeidshandicap (S36, S37).
        """
        self.weaken(VOP)

    @Rule(Candidate(instrument=VOP, group=MATCH.group), Candidate(instrument=BW, group=MATCH.group))
    @rule_meta("VOP-014", sources=["S37"],
               nl="Beschutte werkplaatsen zijn uitgesloten van de VOP: wordt de organisatie een beschutte "
                  "werkplaats voor werknemersgroep {group}, dan geldt de VOP niet; de VOP is voor werkgevers in "
                  "het reguliere circuit.")
    def sheltered_workshops_excluded_vop(self, group):
        """Sheltered workshops are excluded from the VOP: if the organisation becomes a sheltered workshop for worker group {group}, the VOP does not apply; the VOP is for employers in the regular circuit.

        Condition: a sheltered workshop is also considered for the same worker group.
        Law: BWs excluded from the VOP (S37).
        """
        self.weaken(VOP, group)

    @Rule(Candidate(instrument=VOP, group=MATCH.group), Org(role=one_of(NOT_THE_EMPLOYER)))
    @rule_meta("VOP-015", sources=["S37"],
                              nl="De VOP past niet: het is een premie voor de werkgever van de persoon met een "
                  "arbeidshandicap, en de organisatie wil geen werkgever zijn.")
    def premium_goes_to_the_employer_vop(self):
        """The VOP does not fit: it is a premium for the employer of the person with a work disability, and the organisation does not want to be an employer.

        Condition: the role is user, host or commissioner.
        Law: VOP for employers of persons with an arbeidshandicap (S37).
        """
        self.block(VOP)

    @Rule(Candidate(instrument=VOP, group=MATCH.group), Group(id=MATCH.group, paid_work_readiness="not_yet"))
    @rule_meta("VOP-016", sources=["S37", "S85"],
               nl="Werknemersgroep {group} kan (nog) geen betaald werk doen: de VOP is een premie op een "
                  "gewone tewerkstelling.")
    def not_ready_for_paid_work_vop(self, group):
        """Worker group {group} cannot (yet) do paid work: the VOP is a premium on ordinary employment.

        Condition: paid_work_readiness is not_yet.
        Law: VOP for employment in the regular circuit (S37); labour care (S85).
        """
        self.block(VOP, group)

    @Rule(Candidate(instrument=VOP, group=MATCH.group), Group(id=MATCH.group, unknown=unknown("paid_work_readiness")))
    @rule_meta("VOP-017", sources=["S37"],
               nl="Niet gekend of werknemersgroep {group} betaald werk kan doen: de VOP is een premie op een "
                  "gewone tewerkstelling.")
    def readiness_unknown_vop(self, group):
        """It is not known whether worker group {group} can do paid work: the VOP is a premium on ordinary employment.

        Condition: paid_work_readiness absent.
        Law: VOP (S37).
        """
        self.need(f"worker_groups.{group}.paid_work_readiness", VOP)

    @Rule(Group(id=MATCH.group, work_disability=one_of(DISABILITY)))
    @rule_meta("VOP-090", sources=["S8", "S24"], valid_from=IMW_START,
               nl="Sinds 1 juli 2023 wordt de VOP niet meer toegekend of verlengd: individueel maatwerk is de "
                  "opvolger, ook voor werknemersgroep {group}.")
    def vop_closed(self, group):
        """Since 1 July 2023 the VOP is no longer granted or extended: individueel maatwerk is the successor, also for worker group {group}.

        Condition: a worker group with a work disability, on or after 1 Jul 2023.
        Law: no extensions from 1 Jul 2023 (S8); decreet individuele inschakeling abolishes the VOP (S24).
        """
        self.block(VOP, group)
        self.warn("instrument-closed", VOP)
