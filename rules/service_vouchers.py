"""Dienstencheques (service vouchers), family DC: brief §3.12.

Household help for private persons, run by any enterprise with a recognition; in the
Flemish era (from 1 Jan 2016) with a 25,000 EUR deposit, a business plan and an info
session. No target-group condition for the workers.
"""
from advisor.engine.rulekit import (
    MATCH, Candidate, Group, Kind, Org, P, Rule, Service, any_of, lacks, not_only_from, one_of,
    rule_meta, unknown,
)
from rules.activities import SERVICE_VOUCHER_ACTIVITIES, UNLISTED_LOCAL_ACTIVITIES

DC = "dienstencheques"
DC_ORGANISERS = {"company", "cooperative", "social_purpose_company", "nonprofit", "ocmw", "municipality"}
FLEMISH_ERA = "2016-01-01"  # Flemish service vouchers from 1 Jan 2016 (S149)


class ServiceVoucherRules:
    @Rule(Kind(kind="household_help"))
    @rule_meta("DC-001", sources=["S145", "S146", "S150"], valid_from="2004-01-01",
               nl="Huishoudelijke hulp voor gezinnen kan als erkende dienstencheque-onderneming.")
    def household_help_fits_service_vouchers(self):
        """Household help for households can be run as a recognised service-voucher enterprise.

        Condition: the service is household help for households (SVC-001).
        Law: wet 20 juli 2001 tot bevordering van buurtdiensten en -banen; real start 1 Jan 2004 (Programmawet 22 dec 2003).
        """
        self.consider(DC)

    @Rule(Candidate(instrument=DC), Org(legal_form=one_of(DC_ORGANISERS)))
    @rule_meta("DC-002", sources=["S151", "S152"],
               nl="Elke onderneming kan erkend worden, ook een vzw of een OCMW.")
    def any_enterprise_may_be_recognised(self):
        """Any enterprise can be recognised, including a vzw or an OCMW.

        Condition: the legal form is a company, cooperative, VSO, vzw, OCMW or municipality.
        Law: recognition conditions of a service-voucher enterprise (S151, S152).
        """
        self.support(DC)

    @Rule(Candidate(instrument=DC), Org(legal_form="none_yet"))
    @rule_meta("DC-003", sources=["S150", "S151"],
               nl="Er is eerst een onderneming met een ondernemingsnummer nodig, met huishoudelijke "
                  "hulp in het maatschappelijk doel.")
    def enterprise_needed_first(self):
        """An enterprise with an enterprise number is needed first, with household help in its corporate purpose.

        Condition: no legal entity yet.
        Law: formalities of the recognition (KBO number; corporate purpose "thuishulp van huishoudelijke aard", S150).
        """
        self.weaken(DC)

    @Rule(Candidate(instrument=DC), Org(legal_form="intermunicipal"))
    @rule_meta("DC-004", sources=["S151"], uncertain=True,
               nl="Of een intergemeentelijke vereniging erkend kan worden, staat niet in de bronnen; "
                  "de bronnen noemen vennootschappen, vzw's, OCMW's en natuurlijke personen.")
    def intermunicipal_recognition_unconfirmed(self):
        """Whether an intermunicipal association can be recognised is not in the sources; they name companies, vzw's, OCMWs and natural persons.

        Condition: the legal form is intermunicipal.
        Law: who may be recognised (S151) - not confirmed for intermunicipal associations.
        """
        self.weaken(DC)

    @Rule(Candidate(instrument=DC), Service(activities=MATCH.activities & not_only_from(SERVICE_VOUCHER_ACTIVITIES)))
    @rule_meta("DC-005", sources=["S150", "S151"],
               nl="Activiteiten buiten de dienstenchequelijst ({other}) kunnen niet met dienstencheques "
                  "betaald worden; de dienstencheque-activiteit wordt een aparte afdeling met eigen "
                  "verantwoordelijke, registratie en boekhouding.")
    def other_activities_need_separate_division(self, activities):
        """Activities outside the service-voucher list ({other}) cannot be paid with service vouchers; the service-voucher activity becomes a separate division with its own manager, registration and accounts.

        Condition: some activities are not on the service-voucher list: only part of the service fits.
        Law: not allowed: repairs, painting, gardening, renovation, babysitting, care; sui generis division (S150, S151).
        """
        other = ", ".join(a for a in activities if a not in SERVICE_VOUCHER_ACTIVITIES)
        self.weaken(DC, other=other)  # only part of the service fits
        self.warn("separate-division", DC, other=other)

    @Rule(Service(activities=any_of(SERVICE_VOUCHER_ACTIVITIES), customers=MATCH.customers & lacks("households")))
    @rule_meta("DC-006", sources=["S150"], valid_from="2004-01-01",
               nl="Dienstencheques betalen alleen huishoudelijke hulp voor de privénoden van particulieren, "
                  "niet voor bedrijven, besturen of instellingen.")
    def only_private_households_pay_with_vouchers(self, customers):
        """Service vouchers only pay for household help for the private needs of private persons, not for companies, governments or institutions.

        Condition: household-type activities, but no households among the customers.
        Law: users are natural persons; no services in professional premises or collective institutions (S150).
        """
        self.block(DC)

    @Rule(Service(activities=any_of(UNLISTED_LOCAL_ACTIVITIES) & P(SERVICE_VOUCHER_ACTIVITIES.isdisjoint)))
    @rule_meta("DC-007", sources=["S145", "S150", "S154"], valid_from="2004-01-01",
               nl="Een sociale kruidenier of een maaltijdbedeling is geen dienstenchequeactiviteit: "
                  "dienstencheques betalen alleen huishoudelijke hulp voor particulieren, zoals maaltijden "
                  "bereiden bij de gebruiker thuis of boodschappen voor de gebruiker doen, geen winkel en "
                  "geen bedeling van maaltijden.")
    def grocery_and_meal_distribution_are_not_household_help(self):
        """A social grocery or a meal distribution is not a service-voucher activity: service vouchers only pay for household help for private persons, such as preparing meals in the user's home or doing the user's daily shopping, not a shop or a distribution of meals.

        Condition: social_grocery or meal_distribution among the activities, and no activity of the service-voucher list.
        Law: thuishulp van huishoudelijke aard (S145); the Flemish activity list: in the home cleaning, washing and ironing, mending, preparing meals; outside it daily shopping, ironing, accompanied transport; only private needs (S150, S154).
        """
        self.block(DC)

    @Rule(Candidate(instrument=DC), Org(can_lodge_deposit=False))
    @rule_meta("DC-010", sources=["S150", "S152"], valid_from=FLEMISH_ERA,
               nl="Voor de erkenning is een waarborg van 25.000 EUR bij de Deposito- en Consignatiekas "
                  "nodig, en die kan de organisatie niet stellen.")
    def deposit_required(self):
        """The recognition requires a guarantee deposit of 25,000 EUR at the Deposito- en Consignatiekas, which the organisation cannot lodge.

        Condition: can_lodge_deposit is false (Flemish era).
        Law: Flemish recognition procedure: borgsom 25,000 EUR (S150, S152).
        """
        self.block(DC)

    @Rule(Candidate(instrument=DC), Org(can_lodge_deposit=True))
    @rule_meta("DC-011", sources=["S150", "S152"], valid_from=FLEMISH_ERA,
               nl="De organisatie kan de waarborg van 25.000 EUR stellen die de erkenning vraagt.")
    def deposit_available(self):
        """The organisation can lodge the 25,000 EUR deposit the recognition requires.

        Condition: can_lodge_deposit is true (Flemish era).
        Law: Flemish recognition procedure: borgsom 25,000 EUR (S150, S152).
        """
        self.support(DC)

    @Rule(Candidate(instrument=DC), Org(unknown=unknown("can_lodge_deposit")))
    @rule_meta("DC-012", sources=["S150", "S152"], valid_from=FLEMISH_ERA,
               nl="Niet gekend of de organisatie de waarborg van 25.000 EUR kan stellen die de erkenning vraagt.")
    def deposit_unknown(self):
        """It is not known whether the organisation can lodge the 25,000 EUR deposit the recognition requires.

        Condition: can_lodge_deposit absent (Flemish era).
        Law: Flemish recognition procedure: borgsom 25,000 EUR (S150, S152).
        """
        self.need("organisation.can_lodge_deposit", DC)

    @Rule(Candidate(instrument=DC), Group(id=MATCH.group))
    @rule_meta("DC-020", sources=["S153", "S150"],
               nl="Iedereen mag in een dienstencheque-onderneming werken: er is geen doelgroepvoorwaarde "
                  "voor de werknemers (groep {group}).")
    def no_target_group_condition(self, group):
        """Anyone can work in a service-voucher enterprise: there is no target-group condition for the workers (group {group}).

        Condition: a worker group is planned.
        Law: "anyone can work" (S153); the worker must not be related to the user (S150).
        """
        self.support(DC)

    @Rule(Candidate(instrument=DC), Group(id=MATCH.group, paid_work_readiness="not_yet"))
    @rule_meta("DC-021", sources=["S153", "S85"],
               nl="Werknemersgroep {group} kan nog geen betaald werk doen: een dienstencheque-job is een "
                  "gewone, betaalde arbeidsovereenkomst zonder begeleidingsstructuur. Wie (nog) niet betaald "
                  "kan werken, hoort in arbeidszorg.")
    def workers_not_ready_for_a_regular_job(self, group):
        """Worker group {group} cannot do paid work yet: a service-voucher job is an ordinary, paid employment contract without a support structure. People who cannot (yet) do paid work belong in labour care.

        Condition: paid_work_readiness is not_yet (the group is excluded; with no group left, the instrument is rejected).
        Law: DC employment contract (S145); people who cannot do paid work, not even in the social economy, belong in labour care (S85).
        """
        self.block(DC, group)

    @Rule(Candidate(instrument=DC))
    @rule_meta("DC-030", sources=["S158", "S157"], valid_from="2022-01-01",
               nl="De marges zijn klein (de sector vroeg in 2023 5 EUR meer per cheque) en de concurrentie "
                  "met commerciële dienstencheque-bedrijven is groot.")
    def thin_margins(self):
        """Margins are thin (in 2023 the sector asked 5 EUR more per cheque) and competition with commercial service-voucher companies is fierce.

        Condition: service vouchers are considered.
        Law: sector figures 2022-2023 (S158); 1,108 enterprises in Flanders in 2023 (S157).
        """
        self.warn("market-competition", DC)

    @Rule(Candidate(instrument=DC))
    @rule_meta("DC-031", sources=["S155"], valid_from="2025-01-01", uncertain=True,
               nl="Aangekondigd maar niet bevestigd: een prijs van 10 EUR per cheque (2025) en de uitdoving "
                  "van het fiscaal voordeel in 2026. Reken niet op de huidige vraag van gezinnen.")
    def announced_price_and_tax_changes(self):
        """Announced but not confirmed: a price of 10 EUR per cheque (2025) and the phase-out of the tax advantage in 2026. Do not count on today's household demand.

        Condition: service vouchers are considered on or after 1 Jan 2025, the year the announced changes target.
        Law: announcement of the Flemish government, October 2024 [A] (S155).
        """
        self.warn("announced-change", DC)

    @Rule(Candidate(instrument=DC))
    @rule_meta("DC-032", sources=["S146", "S147"], valid_until=FLEMISH_ERA, uncertain=True,
               nl="Tot eind 2015 erkende de federale minister (RVA) dienstencheque-ondernemingen; de "
                  "federale erkenningsvoorwaarden van die tijd zijn niet nagekeken.")
    def federal_recognition_conditions_unverified(self):
        """Until the end of 2015 the federal minister (RVA) recognised service-voucher enterprises; the federal recognition conditions of that time are not verified.

        Condition: service vouchers are considered before the Flemish era.
        Law: federal system (wet 20 juli 2001; KB 12 december 2001); conditions [M].
        """
        self.warn("uncertain-fact", DC)

    @Rule(Candidate(instrument=DC))
    @rule_meta("DC-033", sources=["S156"], valid_from="2025-06-01",
               nl="Dienstencheques zijn sinds 1 juni 2025 volledig digitaal.")
    def vouchers_are_digital(self):
        """Service vouchers are fully digital since 1 June 2025.

        Condition: service vouchers are considered on or after 1 June 2025.
        Law: digitalisation of the Flemish service vouchers (S156).
        """
        self.support(DC)
