"""Invoegbedrijf / invoegafdeling (insertion company or division), family INV: brief §3.5,
§5.2, §5.3 R9.

A company (or a division of one) that durably hires low-skilled unemployed people with a
degressive, temporary wage premium; no new recognitions or extensions from 9 June 2014
(successor: the maatwerkafdeling, later individueel maatwerk).

The instrument is an organisation, but its recognition rests on "at least one target-group
employee": it is considered for each worker group of the target group, so the advice lists
which groups count.

Numbering: 001-009 triggers, 010-029 organisation and worker conditions, 030-049
warnings, 090-099 closure.
"""
from advisor.engine.rulekit import (
    MATCH, Candidate, Group, Kind, Org, Rule, Workforce, at_least, below, one_of, rule_meta,
    unknown,
)

INV = "invoegbedrijf"
INV_END = "2014-06-09"  # no new recognitions or extensions from 9 June 2014 (S48, S51)

INV_COMPANIES = {"company", "cooperative", "social_purpose_company"}
#: who might start one: companies, plus a vzw (unconfirmed) and a starter without an entity yet
INV_STARTERS = INV_COMPANIES | {"nonprofit", "none_yet"}
PUBLIC_BODIES = {"municipality", "ocmw", "intermunicipal"}


class InsertionRules:
    @Rule(Kind(kind="market"), Org(legal_form=one_of(INV_STARTERS)),
          Group(id=MATCH.group, education="low", registered_jobseeker=True))
    @rule_meta("INV-001", sources=["S52", "S14", "S49"], valid_until=INV_END,
               nl="Een bedrijf met een marktactiviteit dat laaggeschoolde werklozen aanwerft, kan "
                  "invoegbedrijf of invoegafdeling worden: werknemersgroep {group} heeft hoogstens lager "
                  "secundair onderwijs en is werkloos (één dag volstaat).")
    def inv_low_qualified_jobseekers_fit_insertion_company(self, group):
        """A company with a market activity that hires low-skilled unemployed people can become an insertion company or division: worker group {group} has at most lower secondary education and is unemployed (one day suffices).

        Condition: market production or services (SVC-004), a company-type starter, a group with education low that is a registered jobseeker; before 9 June 2014.
        Law: BVR 15 juli 2005 (S49); target group: lower secondary + 1 day unemployed (S52); at least one target-group employee (S14).
        """
        self.consider(INV, group)

    @Rule(Kind(kind="market"), Org(legal_form=one_of(INV_STARTERS)),
          Group(id=MATCH.group, education="low", months_without_work=at_least(12)))
    @rule_meta("INV-002", sources=["S52", "S14", "S49"], valid_until=INV_END,
               nl="Werknemersgroep {group} is laaggeschoold en minstens een jaar werkloos: de doelgroep van "
                  "een invoegbedrijf of invoegafdeling.")
    def inv_low_skilled_long_term_unemployed_fit(self, group):
        """Worker group {group} is low-skilled and unemployed for at least a year: the target group of an insertion company or division.

        Condition: market activity, a company-type starter, a group with education low and months_without_work >= 12; before 9 June 2014.
        Law: target group: at most upper secondary + >= 1 year unemployed (S52); BVR 15 juli 2005 (S49).
        """
        self.consider(INV, group)

    @Rule(Kind(kind="market"), Org(legal_form=one_of(INV_STARTERS)),
          Group(id=MATCH.group, education="medium", months_without_work=at_least(12)))
    @rule_meta("INV-003", sources=["S52", "S49"], valid_until=INV_END, uncertain=True,
               nl="Werknemersgroep {group} heeft hoger secundair onderwijs en is minstens een jaar werkloos: "
                  "de bron noemt 'laaggeschoold (hoogstens hoger secundair) en minstens een jaar werkloos'; "
                  "of een diploma hoger secundair nog meetelt, is niet bevestigd.")
    def inv_upper_secondary_long_term_unemployed_fit(self, group):
        """Worker group {group} has upper secondary education and has been unemployed for at least a year: the source says "low-qualified (at most upper secondary) and at least a year unemployed"; whether an upper-secondary diploma still counts is not confirmed.

        Condition: market activity, a company-type starter, a group with education medium and months_without_work >= 12; before 9 June 2014.
        Law: target group 2005 (S52) - reading of "at most upper secondary" [uncertain].
        """
        self.consider(INV, group)

    @Rule(Candidate(instrument=INV), Org(legal_form=one_of(INV_COMPANIES)))
    @rule_meta("INV-010", sources=["S50", "S14", "S51"],
               nl="Een bedrijf (vennootschap, coöperatie of vennootschap met sociaal oogmerk) kan erkend "
                  "worden als invoegbedrijf, of een invoegafdeling oprichten.")
    def inv_company_may_be_recognised(self):
        """A company (company, cooperative or company with social purpose) can be recognised as an insertion company, or set up an insertion division.

        Condition: the legal form is company, cooperative or VSO.
        Law: companies willing to guarantee durable employment to kansengroepen (S14, S51); 1998: a commercial company (S50).
        """
        self.support(INV)

    @Rule(Candidate(instrument=INV), Org(legal_form="nonprofit"))
    @rule_meta("INV-011", sources=["S49", "S50"], uncertain=True,
               nl="Of een vzw erkend kon worden als invoegbedrijf onder het besluit van 15 juli 2005, is niet "
                  "bevestigd (vermoedelijk alleen een vzw met economische activiteit).")
    def inv_nonprofit_recognition_unconfirmed(self):
        """Whether a vzw could be recognised as an insertion company under the decree of 15 July 2005 is not confirmed (presumably only a vzw with an economic activity).

        Condition: the legal form is nonprofit.
        Law: BVR 15 juli 2005 (S49); 1998: commercial company (S50); vzw [M].
        """
        self.weaken(INV)

    @Rule(Candidate(instrument=INV), Org(legal_form="none_yet"))
    @rule_meta("INV-012", sources=["S50", "S52"],
               nl="Er moet eerst een vennootschap opgericht worden, met een ondernemingsplan (een startcentrum "
                  "of adviesbureau sociale economie helpt daarbij).")
    def inv_company_to_be_founded(self):
        """A company has to be founded first, with a business plan (a start-up centre or social-economy advisory office helps with that).

        Condition: no legal entity yet.
        Law: companies (S50); next steps 2005: business plan with a startcentrum SE (S52).
        """
        self.weaken(INV)

    @Rule(Kind(kind="market"), Org(legal_form=MATCH.legal_form & one_of(PUBLIC_BODIES)))
    @rule_meta("INV-013", sources=["S50", "S14", "S51"], valid_until=INV_END,
               nl="Een openbaar bestuur kan geen invoegbedrijf zijn: dat zijn bedrijven die kansengroepen "
                  "duurzaam tewerkstellen.")
    def inv_public_body_cannot_be_insertion_company(self, legal_form):
        """A public body cannot be an insertion company: those are companies that durably employ disadvantaged groups.

        Condition: market activity started by a municipality, OCMW or intermunicipal association; before 9 June 2014.
        Law: who may organise: companies (S50, S14, S51).
        """
        self.block(INV)

    @Rule(Kind(kind="market"), Org(legal_form=one_of(INV_STARTERS)), Group(id=MATCH.group, education="high"))
    @rule_meta("INV-014", sources=["S52"], valid_until=INV_END,
               nl="Werknemersgroep {group} is hooggeschoold en hoort niet bij de doelgroep van een "
                  "invoegbedrijf (laaggeschoolde werklozen).")
    def inv_highly_educated_group_not_target(self, group):
        """Worker group {group} is highly educated and does not belong to the target group of an insertion company (low-skilled unemployed people).

        Condition: education high; before 9 June 2014.
        Law: target group 2005 (S52).
        """
        self.block(INV, group)

    @Rule(Kind(kind="market"), Org(legal_form=one_of(INV_STARTERS)),
          Group(id=MATCH.group, education="medium", months_without_work=below(12)))
    @rule_meta("INV-015", sources=["S52"], valid_until=INV_END,
               nl="Werknemersgroep {group} heeft hoger secundair onderwijs en is minder dan een jaar werkloos: "
                  "alleen wie hoogstens lager secundair heeft, telt al na één dag werkloosheid.")
    def inv_upper_secondary_short_unemployment_not_target(self, group):
        """Worker group {group} has upper secondary education and has been unemployed for less than a year: only people with at most lower secondary count after one day of unemployment.

        Condition: education medium and months_without_work < 12; before 9 June 2014.
        Law: target group 2005 (S52).
        """
        self.block(INV, group)

    @Rule(Kind(kind="market"), Org(legal_form=one_of(INV_STARTERS)),
          Group(id=MATCH.group, education="low", registered_jobseeker=False, months_without_work=below(12)))
    @rule_meta("INV-016", sources=["S52"], valid_until=INV_END,
               nl="Werknemersgroep {group} is niet ingeschreven als werkzoekende: de doelgroep van een "
                  "invoegbedrijf zijn werklozen.")
    def inv_group_not_unemployed(self, group):
        """Worker group {group} is not registered as a jobseeker: the target group of an insertion company are unemployed people.

        Condition: education low, registered_jobseeker false, months_without_work < 12; before 9 June 2014.
        Law: target group 2005 (S52).
        """
        self.block(INV, group)

    @Rule(Kind(kind="market"), Org(legal_form=one_of(INV_STARTERS)),
          Group(id=MATCH.group, unknown=unknown("education")))
    @rule_meta("INV-017", sources=["S52"], valid_until=INV_END,
               nl="Niet gekend welk onderwijsniveau werknemersgroep {group} heeft (een invoegbedrijf werft "
                  "laaggeschoolden aan).")
    def inv_group_education_unknown(self, group):
        """It is not known what education level worker group {group} has (an insertion company hires low-skilled people).

        Condition: education absent; before 9 June 2014.
        Law: target group 2005 (S52).
        """
        self.need(f"worker_groups.{group}.education", INV)

    @Rule(Kind(kind="market"), Org(legal_form=one_of(INV_STARTERS)),
          Group(id=MATCH.group, education="low", unknown=unknown("registered_jobseeker")))
    @rule_meta("INV-018", sources=["S52"], valid_until=INV_END,
               nl="Niet gekend of werknemersgroep {group} als werkzoekende ingeschreven is.")
    def inv_group_jobseeker_status_unknown(self, group):
        """It is not known whether worker group {group} is registered as a jobseeker.

        Condition: education low, registered_jobseeker absent; before 9 June 2014.
        Law: target group 2005: lower secondary + 1 day unemployed (S52).
        """
        self.need(f"worker_groups.{group}.registered_jobseeker", INV)

    @Rule(Kind(kind="market"), Org(legal_form=one_of(INV_STARTERS)),
          Group(id=MATCH.group, education="medium", unknown=unknown("months_without_work")))
    @rule_meta("INV-019", sources=["S52"], valid_until=INV_END,
               nl="Niet gekend hoe lang werknemersgroep {group} werkloos is (met hoger secundair is minstens "
                  "een jaar nodig).")
    def inv_group_unemployment_duration_unknown(self, group):
        """It is not known how long worker group {group} has been unemployed (with upper secondary at least a year is needed).

        Condition: education medium, months_without_work absent; before 9 June 2014.
        Law: target group 2005 (S52).
        """
        self.need(f"worker_groups.{group}.months_without_work", INV)

    @Rule(Candidate(instrument=INV, group=MATCH.group), Group(id=MATCH.group, support_need="permanent"))
    @rule_meta("INV-020", sources=["S51", "S52"],
               nl="Werknemersgroep {group} heeft blijvend ondersteuning nodig, maar de loonpremie van een "
                  "invoegbedrijf is degressief en tijdelijk: de job moet na de premie zelfstandig rendabel zijn.")
    def inv_permanent_support_does_not_fit_degressive_premium(self, group):
        """Worker group {group} needs permanent support, but an insertion company's wage premium is degressive and temporary: the job must pay for itself after the premium.

        Condition: a considered group whose support_need is permanent.
        Law: degressive, time-limited premium; durable regular employment (S51, S52).
        """
        self.weaken(INV)

    @Rule(Candidate(instrument=INV))
    @rule_meta("INV-021", sources=["S51", "S52"], uncertain=True,
               nl="Het invoegbedrijf krijgt een degressieve, tijdelijke loonpremie per VTE invoegwerknemer "
                  "(binnen het budget) en recht op advies van een adviesbureau sociale economie. De "
                  "percentages en het aantal jaren (ongeveer 4) zijn niet bevestigd.")
    def inv_degressive_premium_and_advice(self):
        """The insertion company gets a degressive, temporary wage premium per FTE insertion worker (within the budget) and a right to advice from a social-economy advisory office. The percentages and the number of years (about 4) are not confirmed.

        Condition: the insertion company is considered.
        Law: loonpremie and adviesbureau (S51, S52); percentages and duration [M].
        """
        self.support(INV)

    @Rule(Candidate(instrument=INV), Workforce(target_share=MATCH.share & below(0.2)))
    @rule_meta("INV-022", sources=["S49", "S14"], uncertain=True,
               nl="Het aandeel doelgroepwerknemers ({pct} %) ligt onder de 20-30 % die onder het besluit van "
                  "2005 vermoedelijk gevraagd werd; dat minimumaandeel is niet bevestigd.")
    def inv_target_share_probably_too_low(self, share):
        """The share of target-group workers ({pct} %) is below the 20-30 % the 2005 decree is believed to have required; that minimum share is not confirmed.

        Condition: target_share < 0.2.
        Law: BVR 15 juli 2005 (S49); at least one target-group employee (S14); minimum share [M].
        """
        self.weaken(INV, pct=round(share * 100))

    @Rule(Candidate(instrument=INV), Org(has_business_plan=False))
    @rule_meta("INV-023", sources=["S49", "S52"], uncertain=True,
               nl="Er is nog geen ondernemingsplan: dat was vermoedelijk nodig voor de erkenning en is in elk "
                  "geval de eerste stap (met een startcentrum of adviesbureau sociale economie).")
    def inv_business_plan_missing(self):
        """There is no business plan yet: it was presumably required for recognition and is in any case the first step (with a start-up centre or social-economy advisory office).

        Condition: has_business_plan is false.
        Law: business plan under the 2005 decree [M] (S49); next steps 2005 (S52).
        """
        self.weaken(INV)

    @Rule(Candidate(instrument=INV), Org(role=MATCH.role & one_of({"user", "host", "commissioner"})))
    @rule_meta("INV-024", sources=["S14", "S51"],
               nl="Een invoegbedrijf past niet: het werft zelf minstens een doelgroepwerknemer aan en "
                  "begeleidt die op de werkvloer, en als {role} wil de starter geen werkgever zijn.")
    def inv_starter_is_not_the_employer(self, role):
        """An insertion company does not fit: it hires at least one target-group employee itself and guides them on the job, and as {role} the starter does not want to be the employer.

        Condition: the starter's role is user, host or commissioner.
        Law: recognition: hire at least one target-group employee and train/guide on the job (S14); the company gives durable employment (S51).
        """
        self.block(INV)

    @Rule(Candidate(instrument=INV))
    @rule_meta("INV-030", sources=["S52"], valid_until=INV_END,
               nl="Weinig invoegbedrijven en nog minder invoegafdelingen kwamen van de grond: starters hadden "
                  "het moeilijk. Laat het ondernemingsplan toetsen door een startcentrum sociale economie, "
                  "Trividend of Kanaal 127.")
    def inv_few_insertion_companies_took_off(self):
        """Few insertion companies and even fewer insertion divisions got off the ground: starters struggled. Have the business plan tested by a social-economy start-up centre, Trividend or Kanaal 127.

        Condition: the insertion company is considered.
        Law: EQUAL DP Social Business (Kanaal 127): "only a few insert-companies started up" (S52).
        """
        self.warn("market-competition", INV)

    @Rule(Kind(kind="market"), Org(legal_form=one_of(INV_STARTERS)))
    @rule_meta("INV-090", sources=["S48", "S51", "S14"], valid_from=INV_END,
               nl="Sinds 9 juni 2014 zijn er geen nieuwe erkenningen of uitbreidingen van invoegbedrijven meer "
                  "(regeringsbeslissing 4 april 2014). Opvolgers: de maatwerkafdeling (2019 - juni 2023) en "
                  "daarna individueel maatwerk.")
    def inv_closed_since_june_2014(self):
        """Since 9 June 2014 there are no new recognitions or extensions of insertion companies (government decision of 4 April 2014). Successors: the maatwerkafdeling (2019 - June 2023) and then individueel maatwerk.

        Condition: market activity by a company-type starter on or after 9 June 2014.
        Law: phase-out of the insertion companies (S48, S51); absorbed by maatwerk (S14).
        """
        self.block(INV)
        self.warn("instrument-closed", INV)
