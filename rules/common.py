"""Shared derivations (family SVC: what kind of service this is) and general checks
(family GEN: region, missing answers). Instrument families build on the Kind facts."""
from advisor.engine.rulekit import (
    MATCH, Candidate, Closing, Kind, Org, P, Rule, Service, Workforce, any_of, has, lacks, none_of, one_of,
    only_from, rule_meta, unknown,
)
from rules.activities import (
    ACTIVITY_INSTRUMENTS, LABOUR_CARE_ACTIVITIES, LOCAL_SERVICE_ACTIVITIES, OTHER_ACTIVITY,
    PRODUCTION_ACTIVITIES, SERVICE_VOUCHER_ACTIVITIES, SMALL_JOB_ACTIVITIES, SMALL_JOB_USERS,
    UNLISTED_LOCAL_ACTIVITIES,
)

ALL_ORGANISATION_INSTRUMENTS = (
    "beschutte-werkplaats", "sociale-werkplaats", "maatwerkbedrijf", "maatwerkafdeling",
    "invoegbedrijf", "buurt-en-nabijheidsdiensten", "lokale-diensteneconomie", "lokale-regie",
    "arbeidszorg", "arbeidsmatige-activiteiten", "pwa", "wijk-werken", "dienstencheques",
)
LOCAL_SERVICE_INSTRUMENTS = ("buurt-en-nabijheidsdiensten", "lokale-diensteneconomie", "lokale-regie")
#: The service has a social grocery or meal distribution and none of the brief's examples of local
#: services (with one of those, SVC-003 decides by itself and nothing rests on the new activity).
UNLISTED_LOCAL_ONLY = any_of(UNLISTED_LOCAL_ACTIVITIES) & P(LOCAL_SERVICE_ACTIVITIES.isdisjoint)
#: ... and none of the production examples either (with those GEN-003 asks for the competition).
ONLY_UNLISTED_LOCAL = any_of(UNLISTED_LOCAL_ACTIVITIES) & P(
    (LOCAL_SERVICE_ACTIVITIES | PRODUCTION_ACTIVITIES).isdisjoint)
ONLY_OTHER = only_from({OTHER_ACTIVITY})
#: Anything but "other" alone (activities are sorted tuples without doubles); an empty list too.
NOT_ONLY_OTHER = P(lambda value: tuple(value) != (OTHER_ACTIVITY,))
STAFFING_INSTRUMENTS = (
    "individueel-maatwerk", "vop", "wep-plus", "tijdelijke-werkervaring", "artikel-60",
    "artikel-61", "sine", "activa", "gesco",
)


class CommonRules:
    # --- SVC: kinds of service -----------------------------------------------------

    @Rule(Service(activities=any_of(SERVICE_VOUCHER_ACTIVITIES), customers=has("households")))
    @rule_meta("SVC-001", sources=["S150", "S145"],
               nl="De dienst is huishoudelijke hulp voor gezinnen (schoonmaken, wassen en strijken, "
                  "maaltijden, boodschappen of vervoer van personen met beperkte mobiliteit).")
    def household_help_for_households(self):
        """The service is household help for households (cleaning, washing and ironing, meals, shopping or transport of persons with reduced mobility).

        Condition: an activity on the service-voucher list and households among the customers.
        Law: wet 20 juli 2001, "thuishulp van huishoudelijke aard"; Flemish activity list (S150).
        """
        self.derive(Kind(kind="household_help"))

    @Rule(Service(activities=any_of(SMALL_JOB_ACTIVITIES), customers=any_of(SMALL_JOB_USERS)))
    @rule_meta("SVC-002", sources=["S126", "S140", "S141"],
               nl="De dienst bestaat uit kleine klussen, tuinwerk, toezicht, administratieve of "
                  "logistieke hulp voor particulieren, besturen, scholen, vzw's of land- en tuinbouw.")
    def small_jobs_for_allowed_users(self):
        """The service consists of small jobs, garden work, supervision, administrative or logistic help for private persons, governments, schools, vzw's or agriculture.

        Condition: an activity on the PWA / wijk-werken list and a customer allowed to use it.
        Law: KB 10 juni 1994 (PWA activities); Vlaamse activiteitenlijst wijk-werken (S140).
        """
        self.derive(Kind(kind="small_jobs"))

    @Rule(Service(activities=any_of(LOCAL_SERVICE_ACTIVITIES),
                  competes_with_regular_market=none_of({"fully"})))
    @rule_meta("SVC-003", sources=["S54", "S63", "S69", "S167"],
               nl="De dienst is een lokale nabijheidsdienst (zoals aanvullende thuiszorg, buurtgerichte "
                  "kinderopvang, vervoer, fietspunt, sociaal restaurant of klusjesdienst) die niet volledig "
                  "concurreert met de markt.")
    def local_proximity_service(self):
        """The service is a local proximity service (such as supplementary home care, neighbourhood childcare, transport, a bike point, a social restaurant or an odd-job service) that does not fully compete with the market.

        Condition: an activity from the BND/LDE examples and competition none or partly.
        Law: samenwerkingsakkoord sociale economie 4 juli 2000 (nabijheidsdiensten); LDE examples (S54, S63).
        """
        self.derive(Kind(kind="local_services"))

    @Rule(Service(activities=any_of(PRODUCTION_ACTIVITIES),
                  competes_with_regular_market=one_of({"partly", "fully"})))
    @rule_meta("SVC-004", sources=["S14", "S22", "S43"],
               nl="De dienst is productie of dienstverlening voor de markt (zoals onderaanneming, "
                  "groenonderhoud, kringloop, catering of renovatie) met eigen omzet.")
    def market_production(self):
        """The service is production or services for the market (such as subcontracting, green maintenance, re-use, catering or renovation) with its own turnover.

        Condition: a production activity and (partial) competition with the regular market.
        Law: activities of sheltered and social workshops and maatwerk (S14, S22, S43).
        """
        self.derive(Kind(kind="market"))

    @Rule(Service(activities=any_of(LABOUR_CARE_ACTIVITIES), competes_with_regular_market="none"))
    @rule_meta("SVC-005", sources=["S93", "S85"],
               nl="De dienst kan arbeidsmatige activiteit zonder productiedruk zijn (dagactiviteit, "
                  "groepsgroen, klusjes, atelierwerk, keukenwerk).")
    def work_without_production_pressure(self):
        """The service can be work-like activity without production pressure (day activity, group green work, odd jobs, workshop or kitchen work).

        Condition: a labour-care activity and no competition with the market.
        Law: arbeidszorg practice (S93); definition of arbeidszorg (S85).
        """
        self.derive(Kind(kind="day_activity"))

    @Rule(Service(activities=has("day_activities")))
    @rule_meta("SVC-006", sources=["S85", "S88"],
               nl="De dienst is een dagactiviteit: arbeidsmatige activiteit zonder productiedruk.")
    def day_activity_service(self):
        """The service is a day activity: work-like activity without production pressure.

        Condition: day_activities among the activities.
        Law: arbeidszorg / arbeidsmatige activiteiten (S85, S88).
        """
        self.derive(Kind(kind="day_activity"))

    @Rule(Service(activities=any_of(UNLISTED_LOCAL_ACTIVITIES),
                  competes_with_regular_market=none_of({"fully"})))
    @rule_meta("SVC-007", sources=["S167", "S54", "S63"], uncertain=True,
               nl="Een sociale kruidenier of een maaltijdbedeling die niet volledig concurreert met de "
                  "markt, kan een lokale nabijheidsdienst zijn: een dienst die de levensomstandigheden "
                  "verbetert of een lokale collectieve nood lenigt. De bronnen van dit advies noemen ze "
                  "niet bij de voorbeelden van lokale diensten; dat is dus onzeker.")
    def grocery_or_meals_may_be_local_service(self):
        """A social grocery or a meal distribution that does not fully compete with the market can be a local proximity service: a service that improves living conditions or meets a local collective need. The sources of this advice do not name them among the examples of local services, so this is uncertain.

        Condition: social_grocery or meal_distribution among the activities, competition none or partly.
        Law: definition of nabijheidsdiensten, samenwerkingsakkoord sociale economie 4 juli 2000 (S167);
        the LDE examples do not name them (S54, S63) [uncertain: the brief is silent].
        """
        self.derive(Kind(kind="local_services"))

    @Rule(Candidate(instrument=MATCH.instrument & one_of(LOCAL_SERVICE_INSTRUMENTS)),
          Service(activities=UNLISTED_LOCAL_ONLY))
    @rule_meta("SVC-010", sources=["S54", "S59", "S63", "S167"], uncertain=True,
               nl="Een sociale kruidenier of een maaltijdbedeling staat niet bij de voorbeelden van lokale "
                  "diensten in de bronnen (sociale restaurants en aanvullende thuiszorg wel): laat het lokaal "
                  "bestuur bevestigen dat de dienst een lokale collectieve nood lenigt en aanvullend is op "
                  "het bestaande lokale aanbod.")
    def grocery_or_meals_need_confirmation_as_local_service(self, instrument):
        """A social grocery or a meal distribution is not among the examples of local services in the sources (social restaurants and supplementary home care are): have the local government confirm that the service meets a local collective need and is complementary to the existing local offer.

        Condition: a local-services instrument is considered, the activities include a social grocery or meal distribution and none of the local-service examples.
        Law: nabijheidsdiensten (S167); LDE examples (S54, S63); complementarity attested by the commissioning authority (S59) [uncertain: the brief is silent on these activities].
        """
        self.weaken(instrument)

    # --- GEN: missing answers and region ------------------------------------------

    @Rule(Service(unknown=unknown("activities")))
    @rule_meta("GEN-001", sources=["S178"],
               nl="De activiteiten van de dienst zijn niet gekend: die bepalen welke instrumenten in "
                  "aanmerking komen.")
    def activities_unknown(self):
        """The activities of the service are not known: they decide which instruments apply.

        Condition: service.activities absent.
        Law: decision guide Q3 of the domain brief.
        """
        self.need("service.activities", *ALL_ORGANISATION_INSTRUMENTS)

    @Rule(Service(unknown=unknown("customers"), activities=MATCH.activities & NOT_ONLY_OTHER))
    @rule_meta("GEN-002", sources=["S150", "S130"],
               nl="De klanten van de dienst zijn niet gekend: dienstencheques gelden alleen voor "
                  "particulieren, wijk-werken niet voor bedrijven.")
    def customers_unknown(self, activities):
        """The customers of the service are not known: service vouchers only serve private persons, wijk-werken does not serve companies.

        Condition: service.customers absent, activities known and not only "other" (which no customer rule reads).
        Law: wet 20 juli 2001 (private needs); decreet wijk-werken 7 juli 2017 (users).
        """
        self.need("service.customers", "dienstencheques", "wijk-werken", "pwa")

    @Rule(Service(activities=any_of(LOCAL_SERVICE_ACTIVITIES | PRODUCTION_ACTIVITIES),
                  unknown=unknown("competes_with_regular_market")))
    @rule_meta("GEN-003", sources=["S59", "S140"],
               nl="Niet gekend of de dienst concurreert met de reguliere markt: lokale diensten en "
                  "wijk-werken mogen geen regulier werk verdringen, marktinstrumenten vragen omzet.")
    def competition_unknown(self):
        """It is not known whether the service competes with the regular market: local services and wijk-werken must not displace regular work, market instruments need turnover.

        Condition: service.competes_with_regular_market absent for a local or production activity.
        Law: LDE conditions (S59); decreet wijk-werken art. 26 (S140).
        """
        self.need("service.competes_with_regular_market", "buurt-en-nabijheidsdiensten",
                  "lokale-diensteneconomie", "sociale-werkplaats", "beschutte-werkplaats",
                  "maatwerkbedrijf", "invoegbedrijf", "arbeidszorg", "arbeidsmatige-activiteiten")

    @Rule(Service(activities=ONLY_UNLISTED_LOCAL, unknown=unknown("competes_with_regular_market")))
    @rule_meta("GEN-013", sources=["S167", "S59"],
               nl="Niet gekend of de sociale kruidenier of maaltijdbedeling concurreert met de reguliere "
                  "markt: alleen een dienst die niet volledig concurreert, kan een lokale dienst zijn.")
    def competition_unknown_for_grocery_or_meals(self):
        """It is not known whether the social grocery or meal distribution competes with the regular market: only a service that does not fully compete can be a local service.

        Condition: social_grocery or meal_distribution (and no listed local-service or production activity), competition absent.
        Law: nabijheidsdiensten cause no exclusion or dualisation in the market (S167); no displacement (S59).
        """
        self.need("service.competes_with_regular_market", *LOCAL_SERVICE_INSTRUMENTS)

    @Rule(Service(activities=has(OTHER_ACTIVITY), unknown=unknown("other_activity")))
    @rule_meta("GEN-010", sources=["S178"],
               nl="Niet gekend wat de andere activiteit is: beschrijf ze, of kies een activiteit van de "
                  "lijst als die (een deel van) de dienst beschrijft. Daarvan hangen de instrumenten met een "
                  "activiteitenlijst af; een expert kan ze met die beschrijving beoordelen.")
    def other_activity_unknown(self):
        """It is not known what the other activity is: describe it, or choose an activity of the list if one describes (part of) the service. The instruments with an activity list depend on it; an expert can judge them with that description.

        Condition: "other" among the activities and service.other_activity absent.
        Law: decision guide Q3 of the domain brief (the activity lists decide DC, PWA / wijk-werken, LDE, invoeg).
        """
        self.need("service.other_activity", *ACTIVITY_INSTRUMENTS)

    @Rule(Service(activities=ONLY_OTHER))
    @rule_meta("GEN-011", sources=["S178"],
               nl="De activiteit van de dienst staat niet op de lijst van dit advies: wat het aanbeveelt, volgt "
                  "uit de organisatie en de werknemers, niet uit de activiteit. De instrumenten die van een "
                  "activiteitenlijst afhangen (zoals dienstencheques, kleine klussen met cheques en lokale "
                  "diensten) zijn niet beoordeeld: kies een activiteit van de lijst als die past, of vraag "
                  "een expert.")
    def only_an_unlisted_activity(self):
        """The activity of the service is not on the list of this advice: what it recommends follows from the organisation and the workers, not from the activity. The instruments that depend on an activity list (such as service vouchers, small jobs paid with cheques and local services) are not judged: choose an activity of the list if one fits, or ask an expert.

        Condition: the only activity is "other" (the text names no instrument closed on some date:
        the missing answer of GEN-010 lists those open on the date).
        Law: decision guide Q3 of the domain brief: the activity lists of DC, wijk-werken, LDE and maatwerk.
        """
        self.warn("activity-not-listed")

    @Rule(Candidate(instrument=MATCH.instrument & one_of(ACTIVITY_INSTRUMENTS)),
          Service(activities=has(OTHER_ACTIVITY) & NOT_ONLY_OTHER))
    @rule_meta("GEN-012", sources=["S178", "S150"],
               nl="Een deel van de dienst staat niet op de lijst van dit advies ('iets anders'): dit instrument "
                  "is alleen voor de activiteiten van de lijst beoordeeld. Laat een expert nagaan of het ook "
                  "het andere deel dekt, of dat daarvoor een ander instrument nodig is.")
    def part_of_the_service_unlisted(self, instrument):
        """Part of the service is not on the list of this advice ('something else'): this instrument was judged for the listed activities only. Have an expert check whether it also covers the other part, or whether that part needs another instrument.

        Condition: an instrument with an activity list is considered, and "other" is among the activities next to listed ones.
        Law: decision guide Q3 of the domain brief: the activity lists of DC, wijk-werken, LDE and maatwerk (as for the service-voucher list, S150).
        """
        self.weaken(instrument)  # like DC-005: only part of the service is known to fit

    @Rule(Org(unknown=unknown("legal_form")))
    @rule_meta("GEN-004", sources=["S41", "S59", "S113", "S151"],
               nl="De rechtsvorm van de organisatie is niet gekend: artikel 60 kan alleen via een OCMW, "
                  "een sociale werkplaats alleen als vzw of VSO.")
    def legal_form_unknown(self):
        """The legal form of the organisation is not known: art. 60 only works through an OCMW, a social workshop only as a vzw or VSO.

        Condition: organisation.legal_form absent.
        Law: decision guide Q1 of the domain brief (organiser-form filter).
        """
        self.need("organisation.legal_form", *ALL_ORGANISATION_INSTRUMENTS, "artikel-60")

    @Rule(Workforce(unknown=unknown("worker_groups")))
    @rule_meta("GEN-005", sources=["S178"],
               nl="Niet gekend wie het werk zal doen: de situatie van de werknemers is de meest "
                  "beslissende vraag.")
    def worker_groups_unknown(self):
        """It is not known who will do the work: the workers' situation is the most decisive question.

        Condition: worker_groups absent.
        Law: decision guide Q5 of the domain brief.
        """
        self.need("worker_groups", *STAFFING_INSTRUMENTS, "sociale-werkplaats", "beschutte-werkplaats",
                  "maatwerkbedrijf", "arbeidszorg", "arbeidsmatige-activiteiten")

    @Rule(Org(region="flanders"))
    @rule_meta("GEN-006", sources=["S176", "S175"],
               nl="De gemeente ligt buiten Zuid-West-Vlaanderen: de regionale contacten van dit advies "
                  "(W13, Leiedal, de regionale experten) gelden daar misschien niet.")
    def outside_home_region(self):
        """The municipality is outside South West Flanders: the regional contacts of this advice (W13, Leiedal, the regional experts) may not apply there.

        Condition: a Flemish municipality outside the 14 of W13.
        Law: W13 membership (S176); Leiedal region (S175).
        """
        self.warn("outside-region")

    @Rule(Org(region="neighbouring"))
    @rule_meta("GEN-007", sources=["S179", "S143", "S190"],
               nl="De gemeente ligt in een buurregio (Midden-West-Vlaanderen of de Westhoek): daar "
                  "werken andere regionale actoren dan in Zuid-West-Vlaanderen.")
    def neighbouring_region(self):
        """The municipality is in a neighbouring region (Midden-West-Vlaanderen or the Westhoek): other regional actors work there than in South West Flanders.

        Condition: a municipality of arrondissements Roeselare, Tielt or the Westhoek outside W13.
        Law: regional definitions (S179); Westhoek wijk-werken (S143); Midwest (S190).
        """
        self.warn("neighbouring-region")

    @Rule(Org(legal_form="none_yet"))
    @rule_meta("GEN-008", sources=["S41", "S59", "S151"],
               nl="Er is nog geen rechtspersoon: kies de rechtsvorm in functie van het instrument "
                  "(bv. een sociale werkplaats kan alleen een vzw of VSO zijn).")
    def no_legal_entity_yet(self):
        """There is no legal entity yet: choose the legal form with the instrument in mind (e.g. a social workshop can only be a vzw or VSO).

        Condition: organisation.legal_form is none_yet.
        Law: organiser-form filter of the domain brief (§5.3).
        """
        self.warn("no-legal-entity-yet")

    @Rule(Workforce(groups=0, unknown=lacks("worker_groups")))
    @rule_meta("GEN-009", sources=["S178"],
               nl="Er zijn geen werknemersgroepen opgegeven: instrumenten voor doelgroepwerknemers "
                  "kunnen niet beoordeeld worden.")
    def no_worker_groups(self):
        """No worker groups were given: instruments for target-group workers cannot be assessed.

        Condition: worker_groups is an empty list.
        Law: decision guide Q5 of the domain brief.
        """
        self.need("worker_groups", "individueel-maatwerk", "artikel-60", "tijdelijke-werkervaring")

    # --- GEN: the planned start (decision guide Q0) -----------------------------------

    @Rule(Candidate(instrument=MATCH.instrument),
          Closing(instrument=MATCH.instrument, on=MATCH.on, start=MATCH.start))
    @rule_meta("GEN-020", sources=["S178"],
               nl="Dit instrument is niet meer open voor nieuwe starters vanaf {on}, vóór de geplande "
                  "start op {start}.")
    def closes_before_the_planned_start(self, instrument, on, start):
        """This instrument no longer takes new starters from {on}, before the planned start on {start}.

        Condition: a candidate instrument closes (catalogue open_until) after the advice's date and on or before service.planned_start.
        Law: decision guide Q0 of the domain brief: the start date decides which instruments exist at all (§2, §5.1).
        """
        self.block(instrument)  # the closes-before-start warning names the successor (advisor.engine.engine)
