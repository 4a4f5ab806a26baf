"""PWA (family PWA, to 31 Dec 2017) and wijk-werken (family WW, from 1 Jan 2018): brief §3.11,
timeline rows 9a/9b, decision guide R2.

Long-term unemployed people and leefloon recipients (PWA), or jobseekers and leefloners not yet
ready for the regular circuit (wijk-werken), do a few hours a month of small jobs from a fixed
list for private persons, local governments, schools, vzw's and agriculture; the user pays with
cheques. The starter is normally a USER: the organiser is the municipality's PWA vzw (to 2017)
or the wijk-werken organiser (W13 in South West Flanders, else by default VDAB). Companies can
not be users. The workers are not employees: they keep their benefit.
"""
from advisor.engine.rulekit import (
    MATCH, NOT, Candidate, Group, Kind, Org, Rule, Service, any_of, at_least, below, has, lacks,
    none_of, not_only_from, one_of, only_from, rule_meta, unknown,
)
from rules.activities import SMALL_JOB_ACTIVITIES

PWA = "pwa"
WW = "wijk-werken"
PWA_CLOSED = "2018-01-01"  # PWA abolished in Flanders on 31 Dec 2017 (S125, S129); catalogue open_until
WW_OPEN = "2018-01-01"     # decreet wijk-werken 7 juli 2017, in force 1 Jan 2018 (S125, S138)

#: PWA activity list (S126, S127): small repairs refused by professionals, small garden work,
#: supervision and accompaniment, administrative help, event help, odd jobs, seasonal work in
#: agriculture and horticulture.
PWA_ACTIVITIES = SMALL_JOB_ACTIVITIES

#: Flemish wijk-werken activity list (S140, S141): the PWA-type small jobs plus, for private
#: persons, household tasks (washing, ironing, cooking, small sewing, big clean).
WW_ACTIVITIES = SMALL_JOB_ACTIVITIES | frozenset({"home_cleaning", "ironing", "laundry", "meals_at_home"})

#: Legal forms that can be a user: local governments (municipality, OCMW) and vzw's (S130, S141).
USER_FORMS = frozenset({"municipality", "ocmw", "nonprofit"})

#: Company forms: not among the five user categories, except as an agriculture or horticulture
#: business (S130, S141; organiser-form filter of brief §5.3).
COMPANY_FORMS = frozenset({"company", "cooperative", "social_purpose_company"})

#: Roles in which the starter orders the small jobs and pays with cheques (the user).
USER_ROLES = frozenset({"user", "host", "commissioner"})

#: Customers that are none of the five user categories.
NON_USERS = frozenset({"companies", "general_public"})

COMPETITION = "service.competes_with_regular_market"

# Shared predicate instances: experta keys an alpha node by the predicate's function, so one
# instance used by the PWA and the WW rule gives one node instead of two (speed).
IS_USER_FORM = one_of(USER_FORMS)
IS_COMPANY_FORM = one_of(COMPANY_FORMS)
IS_USER_ROLE = one_of(USER_ROLES)
NO_AGRICULTURE = lacks("agriculture")
HAS_SMALL_JOB = any_of(SMALL_JOB_ACTIVITIES)
ONLY_COMPANIES = only_from(NON_USERS) & has("companies")
ROLE_UNKNOWN = unknown("role")
COMPETITION_UNKNOWN = unknown("competes_with_regular_market")
INCOME_UNKNOWN = unknown("income")
MONTHS_6_TO_24 = at_least(6) & below(24)


class NeighbourhoodWorkRules:
    # === PWA: Plaatselijk Werkgelegenheidsagentschap (to 31 Dec 2017) ============================

    @Rule(Kind(kind="small_jobs"))
    @rule_meta("PWA-001", sources=["S124", "S126", "S127"], valid_until=PWA_CLOSED,
               nl="Kleine klussen voor particulieren, lokale besturen, scholen, vzw's of land- en tuinbouw "
                  "passen in het PWA: de PWA-vzw van de gemeente stelt langdurig werklozen en leefloners "
                  "ter beschikking en de gebruiker betaalt met PWA-cheques.")
    def small_jobs_fit_pwa(self):
        """Small jobs for private persons, local governments, schools, vzw's or agriculture fit the PWA: the municipality's PWA vzw provides long-term unemployed people and leefloon recipients, and the user pays with PWA cheques.

        Condition: the service is small jobs for an allowed user (SVC-002), before 2018.
        Law: besluitwet 28 december 1944 art. 8; KB 10 juni 1994 (PWA activities per user category, S126, S127).
        """
        self.consider(PWA)

    @Rule(Service(activities=HAS_SMALL_JOB, customers=ONLY_COMPANIES))
    @rule_meta("PWA-002", sources=["S126", "S130"], valid_until=PWA_CLOSED,
               nl="Bedrijven kunnen geen PWA-cheques gebruiken: de gebruikers zijn particulieren, lokale "
                  "besturen, scholen, vzw's en niet-commerciële verenigingen, en land- en tuinbouw.")
    def companies_cannot_use_pwa(self):
        """Companies cannot use PWA cheques: the users are private persons, local governments, schools, vzw's and non-commercial associations, and agriculture and horticulture.

        Condition: small-job activities, but only companies (and the general public) as customers; before 2018.
        Law: KB 10 juni 1994: PWA activities per user category (S126); users (S130).
        """
        self.block(PWA)

    @Rule(Candidate(instrument=PWA), Org(legal_form=IS_USER_FORM))
    @rule_meta("PWA-010", sources=["S126", "S130"],
               nl="Een gemeente, een OCMW of een vzw mag PWA-werknemers inschakelen als gebruiker.")
    def local_government_or_vzw_may_use_pwa(self):
        """A municipality, an OCMW or a vzw may use PWA workers as a user.

        Condition: the legal form is municipality, OCMW or vzw.
        Law: PWA user categories: local authorities, vzw's and non-commercial associations (S126, S130).
        """
        self.support(PWA)

    @Rule(Candidate(instrument=PWA), Org(legal_form=IS_COMPANY_FORM),
          Service(customers=NO_AGRICULTURE))
    @rule_meta("PWA-011", sources=["S126", "S130", "S124"],
               nl="Een vennootschap (ook een coöperatie of een vennootschap met sociaal oogmerk) kan het PWA "
                  "niet gebruiken of organiseren: alleen particulieren, lokale besturen, scholen, vzw's en "
                  "land- en tuinbouw zijn gebruikers, en de organisator is de PWA-vzw van de gemeente.")
    def company_cannot_use_pwa(self):
        """A company (also a cooperative or a social-purpose company) can neither use nor organise the PWA: only private persons, local governments, schools, vzw's and agriculture are users, and the organiser is the municipality's PWA vzw.

        Condition: the legal form is a company form and the customers are not agriculture.
        Law: KB 10 juni 1994 (PWA users and organiser, S124, S126); users (S130).
        """
        self.block(PWA)

    @Rule(Candidate(instrument=PWA), Org(role=IS_USER_ROLE))
    @rule_meta("PWA-012", sources=["S127", "S124"],
               nl="De starter is gebruiker: hij koopt PWA-cheques (één per begonnen uur) en de PWA-vzw van "
                  "de gemeente organiseert het werk. Een PWA-werknemer werkt hoogstens 45 uur per maand "
                  "(particulieren, lokale besturen, vzw's), 70 uur (toezicht op zieken of kinderen, klein "
                  "tuinwerk, scholen) of 150 uur (seizoenswerk in land- en tuinbouw), en hoogstens 630 uur per jaar.")
    def starter_is_pwa_user(self):
        """The starter is a user: it buys PWA cheques (one per started hour) and the municipality's PWA vzw organises the work. A PWA worker works at most 45 hours a month (private persons, local governments, vzw's), 70 hours (supervision of sick people or children, small garden work, schools) or 150 hours (seasonal work in agriculture and horticulture), and at most 630 hours a year.

        Condition: the role is user, host or commissioner.
        Law: KB 10 juni 1994; PWA practice: cheques and hour limits (S127); RVA infoblad (S124).
        """
        self.support(PWA)

    @Rule(Candidate(instrument=PWA), Org(role="employer"))
    @rule_meta("PWA-013", sources=["S127", "S128"],
               nl="De starter wil zelf personeel in dienst nemen: PWA-werknemers zijn geen werknemers van de "
                  "gebruiker (ze behouden hun uitkering en krijgen 4,10 EUR per uur) en werken enkele uren per "
                  "maand. Het PWA kan hoogstens een aanvulling zijn voor heel kleine klussen.")
    def pwa_only_complements_staff(self):
        """The starter wants to employ staff itself: PWA workers are not the user's employees (they keep their benefit and get 4.10 EUR an hour) and work a few hours a month. PWA can at most complement the staff for very small jobs.

        Condition: the role is employer.
        Law: PWA-arbeidsovereenkomst with the PWA, not with the user; 4.10 EUR per hour on top of the benefit (S127, S128).
        """
        self.weaken(PWA)

    @Rule(Candidate(instrument=PWA), Org(unknown=ROLE_UNKNOWN))
    @rule_meta("PWA-014", sources=["S127"],
               nl="Niet gekend welke rol de starter wil opnemen: het PWA past voor een gebruiker van "
                  "klusjes, niet voor een werkgever die personeel zoekt.")
    def pwa_role_unknown(self):
        """It is not known which part the starter wants to play: the PWA fits a user of small jobs, not an employer looking for staff.

        Condition: organisation.role absent.
        Law: the PWA is the employer of the PWA worker; the starter is a user (S127).
        """
        self.need("organisation.role", PWA)

    @Rule(Candidate(instrument=PWA), Service(competes_with_regular_market="fully"))
    @rule_meta("PWA-015", sources=["S126", "S127"],
               nl="PWA-activiteiten mogen niet door het reguliere circuit uitgevoerd worden en mogen niet "
                  "concurreren met private ondernemingen of lokale verenigingen; deze dienst concurreert "
                  "volledig met de markt.")
    def pwa_must_not_compete(self):
        """PWA activities must not be carried out in the regular circuit and must not compete with private enterprises or local associations; this service fully competes with the market.

        Condition: competes_with_regular_market is fully.
        Law: KB 10 juni 1994: activities "not carried out in the regular circuit" (S126, S127).
        """
        self.block(PWA)

    @Rule(Candidate(instrument=PWA), Service(competes_with_regular_market="partly"))
    @rule_meta("PWA-016", sources=["S126", "S127"],
               nl="De dienst concurreert deels met de markt: alleen de klussen die het reguliere circuit niet "
                  "doet (bv. kleine herstellingen die vakmensen weigeren) kunnen via het PWA.")
    def pwa_only_for_jobs_the_market_leaves(self):
        """The service partly competes with the market: only the jobs the regular circuit does not do (e.g. small repairs refused by professionals) can go through the PWA.

        Condition: competes_with_regular_market is partly.
        Law: KB 10 juni 1994: activities "not carried out in the regular circuit" (S126, S127).
        """
        self.weaken(PWA)

    @Rule(Candidate(instrument=PWA), Service(competes_with_regular_market="none"))
    @rule_meta("PWA-017", sources=["S126", "S127"],
               nl="De klussen concurreren niet met de markt: het PWA is bedoeld voor werk dat het reguliere "
                  "circuit niet doet.")
    def pwa_jobs_complement_the_market(self):
        """The jobs do not compete with the market: the PWA is meant for work the regular circuit does not do.

        Condition: competes_with_regular_market is none.
        Law: KB 10 juni 1994: activities "not carried out in the regular circuit" (S126, S127).
        """
        self.support(PWA)

    @Rule(Candidate(instrument=PWA), Service(unknown=COMPETITION_UNKNOWN))
    @rule_meta("PWA-018", sources=["S126", "S127"],
               nl="Niet gekend of de klussen concurreren met de markt: PWA-werk mag het reguliere circuit "
                  "niet verdringen.")
    def pwa_competition_unknown(self):
        """It is not known whether the jobs compete with the market: PWA work must not displace the regular circuit.

        Condition: service.competes_with_regular_market absent.
        Law: KB 10 juni 1994: activities "not carried out in the regular circuit" (S126, S127).
        """
        self.need(COMPETITION, PWA)

    @Rule(Candidate(instrument=PWA), Service(activities=MATCH.activities & not_only_from(PWA_ACTIVITIES)))
    @rule_meta("PWA-019", sources=["S126", "S127"],
               nl="Alleen de activiteiten van de PWA-lijst kunnen met PWA-cheques; voor de andere ({other}) "
                  "is een ander instrument nodig.")
    def pwa_covers_only_listed_jobs(self, activities):
        """Only the activities of the PWA list can be paid with PWA cheques; the others ({other}) need another instrument.

        Condition: some activities are not on the PWA list.
        Law: KB 10 juni 1994: PWA activities per user category (S126, S127).
        """
        other = ", ".join(a for a in activities if a not in PWA_ACTIVITIES)
        self.weaken(PWA, other=other)

    @Rule(Candidate(instrument=PWA), Group(id=MATCH.group, income="leefloon"))
    @rule_meta("PWA-020", sources=["S124", "S127", "S128"],
               nl="Werknemersgroep {group} krijgt een leefloon: alle leefloners die als werkzoekende "
                  "ingeschreven zijn, mogen PWA-werk doen.")
    def leefloners_may_do_pwa_work(self, group):
        """Worker group {group} receives leefloon: all leefloon recipients registered as jobseekers may do PWA work.

        Condition: income is leefloon.
        Law: PWA target group: leefloners and financial-aid recipients registered as jobseekers (S124, S127, S128).
        """
        self.support(PWA)

    @Rule(Candidate(instrument=PWA),
          Group(id=MATCH.group, income="unemployment_benefit", months_without_work=at_least(24)))
    @rule_meta("PWA-021", sources=["S124", "S127", "S128"],
               nl="Werknemersgroep {group} is minstens 2 jaar werkloos met een uitkering: ze mag PWA-werk doen.")
    def long_term_unemployed_may_do_pwa_work(self, group):
        """Worker group {group} has been unemployed on benefit for at least 2 years: it may do PWA work.

        Condition: income is unemployment_benefit and months_without_work >= 24.
        Law: PWA target group: fully unemployed for >= 2 years, or 24 of the last 36 months (S124, S127).
        """
        self.support(PWA)

    @Rule(Candidate(instrument=PWA),
          Group(id=MATCH.group, income="unemployment_benefit", age=at_least(45), months_without_work=at_least(6)))
    @rule_meta("PWA-022", sources=["S124", "S127", "S128"],
               nl="Werknemersgroep {group} is 45 jaar of ouder en minstens 6 maanden werkloos met een "
                  "uitkering: ze mag PWA-werk doen.")
    def older_unemployed_may_do_pwa_work(self, group):
        """Worker group {group} is aged 45 or over and has been unemployed on benefit for at least 6 months: it may do PWA work.

        Condition: income is unemployment_benefit, age >= 45 and months_without_work >= 6.
        Law: PWA target group: >= 6 months unemployed when aged >= 45 (S124, S127).
        """
        self.support(PWA)

    @Rule(Candidate(instrument=PWA),
          Group(id=MATCH.group, income="unemployment_benefit", months_without_work=below(6)))
    @rule_meta("PWA-023", sources=["S124", "S127"],
               nl="Werknemersgroep {group} is minder dan 6 maanden werkloos: te kort voor PWA-werk (2 jaar, "
                  "of 6 maanden vanaf 45 jaar).")
    def recently_unemployed_cannot_do_pwa_work(self, group):
        """Worker group {group} has been unemployed for less than 6 months: too short for PWA work (2 years, or 6 months from age 45).

        Condition: income is unemployment_benefit and months_without_work < 6.
        Law: PWA target group (S124, S127).
        """
        self.block(PWA, group)

    @Rule(Candidate(instrument=PWA),
          Group(id=MATCH.group, income="unemployment_benefit", months_without_work=MONTHS_6_TO_24,
                age=below(45)))
    @rule_meta("PWA-024", sources=["S124", "S127"],
               nl="Werknemersgroep {group} is jonger dan 45 en minder dan 2 jaar werkloos: te kort voor PWA-werk.")
    def younger_unemployed_under_two_years_cannot_do_pwa_work(self, group):
        """Worker group {group} is under 45 and has been unemployed for less than 2 years: too short for PWA work.

        Condition: income is unemployment_benefit, 6 <= months_without_work < 24 and age < 45.
        Law: PWA target group: >= 2 years unemployed, or >= 6 months when aged >= 45 (S124, S127).
        """
        self.block(PWA, group)

    @Rule(Candidate(instrument=PWA), Group(id=MATCH.group, income=one_of({"none", "disability_benefit"})))
    @rule_meta("PWA-025", sources=["S124", "S127", "S128"],
               nl="Werknemersgroep {group} krijgt geen werkloosheidsuitkering of leefloon: PWA-werk is alleen "
                  "voor langdurig uitkeringsgerechtigde volledig werklozen en leefloners.")
    def pwa_needs_unemployment_benefit_or_leefloon(self, group):
        """Worker group {group} receives neither unemployment benefit nor leefloon: PWA work is only for long-term fully unemployed benefit recipients and leefloon recipients.

        Condition: income is none or disability_benefit.
        Law: PWA target group (S124, S127, S128).
        """
        self.block(PWA, group)

    @Rule(Candidate(instrument=PWA), Group(id=MATCH.group, unknown=INCOME_UNKNOWN))
    @rule_meta("PWA-026", sources=["S124", "S127"],
               nl="Niet gekend welk inkomen werknemersgroep {group} heeft: PWA-werk is voor langdurig "
                  "werklozen met een uitkering en voor leefloners.")
    def pwa_income_unknown(self, group):
        """It is not known what income worker group {group} has: PWA work is for long-term unemployed benefit recipients and leefloon recipients.

        Condition: worker_groups.<id>.income absent.
        Law: PWA target group (S124, S127).
        """
        self.need(f"worker_groups.{group}.income", PWA)

    @Rule(Candidate(instrument=PWA),
          Group(id=MATCH.group, income="unemployment_benefit", unknown=unknown("months_without_work")))
    @rule_meta("PWA-027", sources=["S124", "S127"],
               nl="Niet gekend hoe lang werknemersgroep {group} werkloos is: PWA-werk vraagt 2 jaar "
                  "werkloosheid (6 maanden vanaf 45 jaar).")
    def pwa_unemployment_duration_unknown(self, group):
        """It is not known how long worker group {group} has been unemployed: PWA work requires 2 years of unemployment (6 months from age 45).

        Condition: income is unemployment_benefit and months_without_work absent.
        Law: PWA target group (S124, S127).
        """
        self.need(f"worker_groups.{group}.months_without_work", PWA)

    @Rule(Candidate(instrument=PWA),
          Group(id=MATCH.group, income="unemployment_benefit", months_without_work=MONTHS_6_TO_24,
                unknown=unknown("age")))
    @rule_meta("PWA-028", sources=["S124", "S127"],
               nl="Niet gekend hoe oud werknemersgroep {group} is: met minder dan 2 jaar werkloosheid kan "
                  "PWA-werk alleen vanaf 45 jaar.")
    def pwa_age_unknown(self, group):
        """It is not known how old worker group {group} is: with less than 2 years of unemployment, PWA work is only possible from age 45.

        Condition: income is unemployment_benefit, 6 <= months_without_work < 24 and age absent.
        Law: PWA target group: >= 6 months unemployed when aged >= 45 (S124, S127).
        """
        self.need(f"worker_groups.{group}.age", PWA)

    @Rule(Candidate(instrument=PWA), Service(customers=has("agriculture")))
    @rule_meta("PWA-029", sources=["S126", "S127"],
               nl="Land- en tuinbouwbedrijven mogen PWA-werknemers inschakelen voor seizoenspieken, tot "
                  "150 uur per maand.")
    def agriculture_may_use_pwa_for_seasonal_peaks(self):
        """Agriculture and horticulture businesses may use PWA workers for seasonal peaks, up to 150 hours a month.

        Condition: agriculture among the customers.
        Law: PWA activities for horticulture and agriculture; 150 h/month (S126, S127).
        """
        self.support(PWA)

    @Rule(Candidate(instrument=PWA))
    @rule_meta("PWA-030", sources=["S127"],
               nl="De prijs van een PWA-cheque in deze periode is niet gekend: rond 2017 kostte een cheque "
                  "5,95 tot 7,45 EUR naargelang het PWA; in 2005 was de prijs waarschijnlijk lager. Op naam "
                  "gekochte cheques gaven een belastingvermindering, anonieme cheques niet.")
    def pwa_cheque_price_unknown(self):
        """The price of a PWA cheque in this period is not known: around 2017 a cheque cost 5.95 to 7.45 EUR depending on the PWA; in 2005 the price was probably lower. Nominative cheques gave a tax reduction, anonymous ones did not.

        Condition: the PWA is considered.
        Law: PWA practice c. 2017 (S127); the 2005 price and tax reduction are unknown (brief §7).
        """
        self.warn("uncertain-fact", PWA)

    @Rule(Kind(kind="small_jobs"))
    @rule_meta("PWA-090", sources=["S125", "S129", "S130"], valid_from=PWA_CLOSED,
               nl="Het PWA bestaat in Vlaanderen niet meer sinds 1 januari 2018 (afgeschaft op 31 december "
                  "2017): het is vervangen door wijk-werken.")
    def pwa_closed_since_2018(self):
        """The PWA no longer exists in Flanders since 1 January 2018 (abolished on 31 December 2017): it was replaced by wijk-werken.

        Condition: the service is small jobs for an allowed user (SVC-002), from 2018.
        Law: decreet wijk-werken 7 juli 2017, art. 63 repeals KB 10 juni 1994 for the Flemish Region (S125, S129, S130).
        """
        self.block(PWA)
        self.warn("instrument-closed", PWA)

    @Rule(Candidate(instrument=PWA))
    @rule_meta("PWA-091", sources=["S125", "S129"], valid_from="2014-07-01", valid_until=PWA_CLOSED,
               nl="Het PWA is sinds 1 juli 2014 een Vlaamse bevoegdheid (zesde staatshervorming): Vlaanderen "
                  "hervormt het, dus de PWA-regels kunnen veranderen.")
    def pwa_regionalised(self):
        """The PWA is a Flemish competence since 1 July 2014 (6th state reform): Flanders is reforming it, so the PWA rules may change.

        Condition: the PWA is considered between 1 July 2014 and the end of 2017.
        Law: bijzondere wet 6 januari 2014; regionalisation of the PWA (S125, S129).
        """
        self.warn("transition", PWA)

    @Rule(Candidate(instrument=PWA))
    @rule_meta("PWA-092", sources=["S125", "S142"], valid_from="2017-07-07", valid_until=PWA_CLOSED,
               nl="Het decreet wijk-werken van 7 juli 2017 schaft het PWA in Vlaanderen af op 1 januari 2018: "
                  "plan meteen met wijk-werken.")
    def pwa_replaced_by_wijk_werken_soon(self):
        """The wijk-werken decree of 7 July 2017 abolishes the PWA in Flanders on 1 January 2018: plan with wijk-werken right away.

        Condition: the PWA is considered between 7 July 2017 and the end of 2017.
        Law: decreet 7 juli 2017 betreffende wijk-werken (S125); memorie van toelichting (S142).
        """
        self.warn("announced-change", PWA)

    # === WW: wijk-werken (from 1 Jan 2018) ========================================================

    @Rule(Kind(kind="small_jobs"), Org(region="home"))
    @rule_meta("WW-001", sources=["S140", "S141", "S135", "S176"], valid_from=WW_OPEN,
               nl="Kleine klussen voor particulieren, lokale besturen, scholen, vzw's of land- en tuinbouw "
                  "passen in wijk-werken: de starter wordt gebruiker en betaalt met wijk-werkcheques. In "
                  "Zuid-West-Vlaanderen is W13 de wijk-werkorganisator (wijkwerken@welzijn13.be, 056 24 16 25).")
    def small_jobs_fit_wijk_werken_w13(self):
        """Small jobs for private persons, local governments, schools, vzw's or agriculture fit wijk-werken: the starter becomes a user and pays with wijk-werk cheques. In South West Flanders W13 is the wijk-werken organiser (wijkwerken@welzijn13.be, 056 24 16 25).

        Condition: the service is small jobs for an allowed user (SVC-002), in a W13 municipality, from 2018.
        Law: decreet 7 juli 2017 betreffende wijk-werken; Vlaamse activiteitenlijst (S140); W13 organiser (S135, S176).
        """
        self.consider(WW)

    @Rule(Kind(kind="small_jobs"), Org(region=none_of({"home"})))
    @rule_meta("WW-002", sources=["S140", "S141", "S137", "S143"], valid_from=WW_OPEN,
               nl="Kleine klussen voor particulieren, lokale besturen, scholen, vzw's of land- en tuinbouw "
                  "passen in wijk-werken: de starter wordt gebruiker en betaalt met wijk-werkcheques. De "
                  "organisator is die welke de gemeente oprichtte of aanduidde, standaard VDAB (in de Westhoek "
                  "DVV Westhoek met VDAB); hij bepaalt de chequeprijs, 5,95 tot 7,45 EUR per uur.")
    def small_jobs_fit_wijk_werken_elsewhere(self):
        """Small jobs for private persons, local governments, schools, vzw's or agriculture fit wijk-werken: the starter becomes a user and pays with wijk-werk cheques. The organiser is the one the municipality set up or designated, by default VDAB (in the Westhoek DVV Westhoek with VDAB); it sets the cheque price, 5.95 to 7.45 EUR an hour.

        Condition: the service is small jobs for an allowed user (SVC-002), outside South West Flanders, from 2018.
        Law: decreet 7 juli 2017, art. 14 §1 3° (VDAB by default, S137); activity list (S140); Westhoek (S143).
        """
        self.consider(WW)

    @Rule(Kind(kind="small_jobs"), Org(unknown=unknown("municipality")))
    @rule_meta("WW-003", sources=["S140", "S141", "S137", "S135"], valid_from=WW_OPEN,
               nl="Kleine klussen voor particulieren, lokale besturen, scholen, vzw's of land- en tuinbouw "
                  "passen in wijk-werken: de starter wordt gebruiker en betaalt met wijk-werkcheques. De "
                  "organisator is die van de gemeente (W13 in Zuid-West-Vlaanderen), standaard VDAB.")
    def small_jobs_fit_wijk_werken(self):
        """Small jobs for private persons, local governments, schools, vzw's or agriculture fit wijk-werken: the starter becomes a user and pays with wijk-werk cheques. The organiser is the municipality's (W13 in South West Flanders), by default VDAB.

        Condition: the service is small jobs for an allowed user (SVC-002), municipality unknown, from 2018.
        Law: decreet 7 juli 2017, art. 14 §1 3° (S137); activity list (S140); W13 (S135).
        """
        self.consider(WW)

    @Rule(Service(activities=HAS_SMALL_JOB, customers=ONLY_COMPANIES))
    @rule_meta("WW-004", sources=["S130", "S141"], valid_from=WW_OPEN,
               nl="Bedrijven kunnen geen wijk-werken gebruiken: de gebruikers zijn particulieren, lokale "
                  "besturen, vzw's en niet-commerciële verenigingen, onderwijsinstellingen en land- en tuinbouw.")
    def companies_cannot_use_wijk_werken(self):
        """Companies cannot use wijk-werken: the users are private persons, local governments, vzw's and non-commercial associations, education institutions and agriculture and horticulture.

        Condition: small-job activities, but only companies (and the general public) as customers; from 2018.
        Law: decreet 7 juli 2017: five user categories (S130, S141).
        """
        self.block(WW)

    @Rule(Candidate(instrument=WW), Org(legal_form=IS_USER_FORM))
    @rule_meta("WW-010", sources=["S130", "S141", "S140"],
               nl="Een gemeente, een OCMW of een vzw mag wijk-werken gebruiken; een lokaal bestuur kan de "
                  "organisator ook vragen om lokale activiteiten aan de lijst toe te voegen.")
    def local_government_or_vzw_may_use_wijk_werken(self):
        """A municipality, an OCMW or a vzw may use wijk-werken; a local government can also ask the organiser to add local activities to the list.

        Condition: the legal form is municipality, OCMW or vzw.
        Law: decreet 7 juli 2017: user categories (S130, S141); art. 26-28, local extension of the list (S140).
        """
        self.support(WW)

    @Rule(Candidate(instrument=WW), Org(legal_form=IS_COMPANY_FORM),
          Service(customers=NO_AGRICULTURE))
    @rule_meta("WW-011", sources=["S130", "S141", "S137"],
               nl="Een vennootschap (ook een coöperatie of een vennootschap met sociaal oogmerk) kan "
                  "wijk-werken niet gebruiken of organiseren: alleen particulieren, lokale besturen, vzw's, "
                  "scholen en land- en tuinbouw zijn gebruikers, en de organisator is een gemeente, haar "
                  "vereniging of VDAB.")
    def company_cannot_use_wijk_werken(self):
        """A company (also a cooperative or a social-purpose company) can neither use nor organise wijk-werken: only private persons, local governments, vzw's, schools and agriculture are users, and the organiser is a municipality, its association or VDAB.

        Condition: the legal form is a company form and the customers are not agriculture.
        Law: decreet 7 juli 2017: users (S130, S141); organiser (art. 14, S137).
        """
        self.block(WW)

    @Rule(Candidate(instrument=WW), Org(role=IS_USER_ROLE))
    @rule_meta("WW-012", sources=["S135", "S136", "S132"],
               nl="De starter is gebruiker: hij registreert zich bij de wijk-werkorganisator (platform van "
                  "VDAB) en betaalt met wijk-werkcheques. Een wijk-werker werkt hoogstens 60 uur per maand en "
                  "630 uur per jaar, in principe hoogstens 12 maanden (6 + 6).")
    def starter_is_wijk_werken_user(self):
        """The starter is a user: it registers with the wijk-werken organiser (VDAB platform) and pays with wijk-werk cheques. A wijk-werker works at most 60 hours a month and 630 hours a year, in principle for at most 12 months (6 + 6).

        Condition: the role is user, host or commissioner.
        Law: BVR 29 september 2017; limits 60 h/month, 630 h/year, 12 months (S135, S136); cheques (S132).
        """
        self.support(WW)

    @Rule(Candidate(instrument=WW), Org(role="employer"))
    @rule_meta("WW-013", sources=["S132", "S136", "S135"],
               nl="De starter wil zelf personeel in dienst nemen: wijk-werkers zijn geen werknemers (ze "
                  "behouden hun uitkering en krijgen 4,10 EUR per uur) en werken enkele uren per maand, "
                  "hoogstens 60, gedurende hoogstens 12 maanden. Wijk-werken kan hoogstens een aanvulling zijn.")
    def wijk_werken_only_complements_staff(self):
        """The starter wants to employ staff itself: wijk-werkers are not employees (they keep their benefit and get 4.10 EUR an hour) and work a few hours a month, at most 60, for at most 12 months. Wijk-werken can at most be a complement.

        Condition: the role is employer.
        Law: decreet 7 juli 2017: allowance on top of the benefit (S132); limits (S135, S136).
        """
        self.weaken(WW)

    @Rule(Candidate(instrument=WW), Org(unknown=ROLE_UNKNOWN))
    @rule_meta("WW-014", sources=["S135", "S137"],
               nl="Niet gekend welke rol de starter wil opnemen: wijk-werken past voor een gebruiker van "
                  "kleine taken, niet voor een werkgever die personeel zoekt.")
    def wijk_werken_role_unknown(self):
        """It is not known which part the starter wants to play: wijk-werken fits a user of small tasks, not an employer looking for staff.

        Condition: organisation.role absent.
        Law: decreet 7 juli 2017: users and organisers (S135, S137).
        """
        self.need("organisation.role", WW)

    @Rule(Candidate(instrument=WW), Service(competes_with_regular_market="fully"))
    @rule_meta("WW-015", sources=["S140"],
               nl="Wijk-werken mag geen regulier werk verdringen, niet in het normaal economisch circuit en "
                  "niet in de sociale economie; deze dienst concurreert volledig met de markt.")
    def wijk_werken_must_not_displace_work(self):
        """Wijk-werken must not displace regular work, neither in the normal economic circuit nor in the social economy; this service fully competes with the market.

        Condition: competes_with_regular_market is fully.
        Law: decreet 7 juli 2017, art. 26 (S140).
        """
        self.block(WW)

    @Rule(Candidate(instrument=WW), Service(competes_with_regular_market="partly"))
    @rule_meta("WW-016", sources=["S140"],
               nl="De dienst concurreert deels met de markt: alleen de taken die geen regulier werk of werk in "
                  "de sociale economie verdringen, kunnen via wijk-werken.")
    def wijk_werken_only_for_tasks_nobody_else_does(self):
        """The service partly competes with the market: only the tasks that displace no regular or social-economy work can go through wijk-werken.

        Condition: competes_with_regular_market is partly.
        Law: decreet 7 juli 2017, art. 26 (S140).
        """
        self.weaken(WW)

    @Rule(Candidate(instrument=WW), Service(competes_with_regular_market="none"))
    @rule_meta("WW-017", sources=["S140"],
               nl="De taken concurreren niet met de markt: wijk-werken verdringt dan geen regulier werk en "
                  "geen werk in de sociale economie.")
    def wijk_werken_tasks_displace_nothing(self):
        """The tasks do not compete with the market: wijk-werken then displaces no regular work and no social-economy work.

        Condition: competes_with_regular_market is none.
        Law: decreet 7 juli 2017, art. 26 (S140).
        """
        self.support(WW)

    @Rule(Candidate(instrument=WW), Service(unknown=COMPETITION_UNKNOWN))
    @rule_meta("WW-018", sources=["S140"],
               nl="Niet gekend of de taken concurreren met de markt: wijk-werken mag geen regulier werk en "
                  "geen werk in de sociale economie verdringen.")
    def wijk_werken_competition_unknown(self):
        """It is not known whether the tasks compete with the market: wijk-werken must not displace regular work or social-economy work.

        Condition: service.competes_with_regular_market absent.
        Law: decreet 7 juli 2017, art. 26 (S140).
        """
        self.need(COMPETITION, WW)

    @Rule(Candidate(instrument=WW), Service(activities=MATCH.activities & not_only_from(WW_ACTIVITIES)))
    @rule_meta("WW-019", sources=["S140", "S141"],
               nl="Alleen de activiteiten van de Vlaamse activiteitenlijst wijk-werken kunnen met "
                  "wijk-werkcheques; voor de andere ({other}) is een ander instrument nodig.")
    def wijk_werken_covers_only_listed_tasks(self, activities):
        """Only the activities of the Flemish wijk-werken activity list can be paid with wijk-werk cheques; the others ({other}) need another instrument.

        Condition: some activities are not on the wijk-werken list.
        Law: decreet 7 juli 2017, art. 26-28: Flemish activity list set by the VDAB board (S140, S141).
        """
        other = ", ".join(a for a in activities if a not in WW_ACTIVITIES)
        self.weaken(WW, other=other)

    @Rule(Candidate(instrument=WW), Group(id=MATCH.group, registered_jobseeker=True))
    @rule_meta("WW-020", sources=["S132", "S135"],
               nl="Werknemersgroep {group} is ingeschreven als werkzoekende bij VDAB: als niet-werkende "
                  "werkzoekende kan VDAB ze toeleiden naar wijk-werken.")
    def registered_jobseekers_may_be_wijk_werkers(self, group):
        """Worker group {group} is registered as jobseekers at VDAB: as non-working jobseekers, VDAB can refer them to wijk-werken.

        Condition: registered_jobseeker is true.
        Law: decreet 7 juli 2017: wijk-werker = non-working jobseeker registered at VDAB, or leefloner (S132, S135).
        """
        self.support(WW)

    @Rule(Candidate(instrument=WW), Group(id=MATCH.group, income="leefloon"))
    @rule_meta("WW-021", sources=["S132", "S135"],
               nl="Werknemersgroep {group} krijgt een leefloon: het OCMW kan ze toeleiden naar wijk-werken.")
    def leefloners_may_be_wijk_werkers(self, group):
        """Worker group {group} receives leefloon: the OCMW can refer them to wijk-werken.

        Condition: income is leefloon.
        Law: decreet 7 juli 2017: wijk-werker = registered jobseeker or leefloner, referred by VDAB or OCMW (S132, S135).
        """
        self.support(WW)

    @Rule(Candidate(instrument=WW),
          Group(id=MATCH.group, registered_jobseeker=False, income=none_of({"leefloon"})))
    @rule_meta("WW-022", sources=["S132", "S135"],
               nl="Werknemersgroep {group} is niet ingeschreven als werkzoekende en krijgt geen leefloon: "
                  "ze kan geen wijk-werker zijn.")
    def wijk_werker_must_be_jobseeker_or_leefloner(self, group):
        """Worker group {group} is not registered as jobseekers and does not receive leefloon: it cannot do wijk-werken.

        Condition: registered_jobseeker is false and income is not leefloon.
        Law: decreet 7 juli 2017: wijk-werker = registered non-working jobseeker or leefloner (S132, S135).
        """
        self.block(WW, group)

    @Rule(Candidate(instrument=WW), Group(id=MATCH.group, unknown=unknown("registered_jobseeker")),
          NOT(Group(id=MATCH.group, income="leefloon")))
    @rule_meta("WW-023", sources=["S132", "S135"],
               nl="Niet gekend of werknemersgroep {group} ingeschreven is als werkzoekende: een wijk-werker "
                  "is een niet-werkende werkzoekende bij VDAB of een leefloner.")
    def wijk_werken_registration_unknown(self, group):
        """It is not known whether worker group {group} is registered as jobseekers: a wijk-werker is a non-working jobseeker registered at VDAB, or a leefloner.

        Condition: registered_jobseeker absent and income not (known to be) leefloon.
        Law: decreet 7 juli 2017 (S132, S135).
        """
        self.need(f"worker_groups.{group}.registered_jobseeker", WW)

    @Rule(Candidate(instrument=WW),
          Group(id=MATCH.group, registered_jobseeker=False, unknown=INCOME_UNKNOWN))
    @rule_meta("WW-024", sources=["S132", "S135"],
               nl="Werknemersgroep {group} is niet ingeschreven als werkzoekende; niet gekend of ze een "
                  "leefloon krijgt: alleen dan kan ze wijk-werker zijn.")
    def wijk_werken_income_unknown(self, group):
        """Worker group {group} is not registered as jobseekers; it is not known whether it receives leefloon: only then can it do wijk-werken.

        Condition: registered_jobseeker is false and income absent.
        Law: decreet 7 juli 2017 (S132, S135).
        """
        self.need(f"worker_groups.{group}.income", WW)

    @Rule(Candidate(instrument=WW), Group(id=MATCH.group, paid_work_readiness="not_yet"))
    @rule_meta("WW-025", sources=["S132", "S135", "S136"],
               nl="Werknemersgroep {group} is nog niet klaar voor het reguliere circuit: wijk-werken is een "
                  "opstap om vaardigheden op te bouwen, voor wie zelfstandig kan werken (wie de drempel te hoog "
                  "vindt, gaat naar een werk-zorgtraject).")
    def not_yet_ready_fits_wijk_werken(self, group):
        """Worker group {group} is not yet ready for the regular circuit: wijk-werken is a step to build skills, for people who can work independently (those for whom the threshold is too high go to a werk-zorgtraject).

        Condition: paid_work_readiness is not_yet.
        Law: decreet 7 juli 2017: wijk-werker not ready for the regular circuit (S132, S135); follow-up (S136).
        """
        self.support(WW)

    @Rule(Candidate(instrument=WW), Group(id=MATCH.group, paid_work_readiness="ready"))
    @rule_meta("WW-026", sources=["S132", "S135"],
               nl="Werknemersgroep {group} is klaar voor betaald werk, en dus geen doelgroep van wijk-werken: "
                  "een wijk-werker is nog niet klaar voor het reguliere circuit. Deze mensen horen in "
                  "regulier werk.")
    def ready_workers_belong_in_regular_work(self, group):
        """Worker group {group} is ready for paid work, so it is not a target group of wijk-werken: a wijk-werker is not yet ready for the regular circuit. These people belong in regular work.

        Condition: paid_work_readiness is ready (the group is excluded; with no group left, the instrument is rejected).
        Law: decreet 7 juli 2017: wijk-werker not ready for the regular circuit (S132, S135).
        """
        self.block(WW, group)

    @Rule(Candidate(instrument=WW), Group(id=MATCH.group, unknown=unknown("paid_work_readiness")))
    @rule_meta("WW-027", sources=["S132", "S135"],
               nl="Niet gekend of werknemersgroep {group} klaar is voor betaald werk: wijk-werken is voor wie "
                  "nog niet klaar is voor het reguliere circuit.")
    def wijk_werken_readiness_unknown(self, group):
        """It is not known whether worker group {group} is ready for paid work: wijk-werken is for people not yet ready for the regular circuit.

        Condition: worker_groups.<id>.paid_work_readiness absent.
        Law: decreet 7 juli 2017 (S132, S135).
        """
        self.need(f"worker_groups.{group}.paid_work_readiness", WW)

    @Rule(Candidate(instrument=WW), Group(id=MATCH.group, support_need="permanent"))
    @rule_meta("WW-028", sources=["S136", "S135", "S130"],
               nl="Werknemersgroep {group} heeft blijvend ondersteuning nodig: wijk-werken duurt in principe "
                  "hoogstens 12 maanden en leidt dan naar een stage, opleiding of IBO (alleen vroegere "
                  "PWA-werknemers zijn niet beperkt in de tijd).")
    def wijk_werken_is_temporary(self, group):
        """Worker group {group} needs permanent support: wijk-werken lasts in principle at most 12 months and then leads to a work placement, training or IBO (only former PWA workers are not limited in time).

        Condition: support_need is permanent.
        Law: decreet 7 juli 2017: max 12 months (6 + 6); transitional rule for PWA workers (S135, S136, S130).
        """
        self.weaken(WW, group)

    @Rule(Candidate(instrument=WW), Group(id=MATCH.group, unknown=unknown("support_need")))
    @rule_meta("WW-029", sources=["S136", "S135"],
               nl="Niet gekend of werknemersgroep {group} tijdelijk of blijvend ondersteuning nodig heeft: "
                  "wijk-werken duurt in principe hoogstens 12 maanden.")
    def wijk_werken_support_need_unknown(self, group):
        """It is not known whether worker group {group} needs temporary or permanent support: wijk-werken lasts in principle at most 12 months.

        Condition: worker_groups.<id>.support_need absent.
        Law: decreet 7 juli 2017: max 12 months (S135, S136).
        """
        self.need(f"worker_groups.{group}.support_need", WW)

    @Rule(Candidate(instrument=WW), Org(region="home"))
    @rule_meta("WW-030", sources=["S135", "S132", "S143"],
               nl="De prijs van een wijk-werkcheque in Zuid-West-Vlaanderen is niet gekend: W13 kondigt op "
                  "1 januari een vaste prijs aan. Elders in Vlaanderen kost een cheque 5,95 tot 7,45 EUR per uur.")
    def w13_cheque_price_unknown(self):
        """The price of a wijk-werk cheque in South West Flanders is not known: W13 announces a fixed price on 1 January. Elsewhere in Flanders a cheque costs 5.95 to 7.45 EUR an hour.

        Condition: wijk-werken is considered in a W13 municipality.
        Law: price set by the organiser (S132, S135); 7.45 EUR in the Westhoek (S143); ZWVL amount unknown (brief §7).
        """
        self.warn("uncertain-fact", WW)
