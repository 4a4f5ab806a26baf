"""Local services: buurt- en nabijheidsdiensten (BND, pre-decree, to 2007), lokale
diensteneconomie (LDE, 2007 - 30 June 2023) and the municipality's lokale regierol (REG,
from 26 Oct 2012): brief §3.6, §3.7, §5.3 R6, worked examples 1 and 3.

The BND -> LDE boundary is dated by the publication of the LDE decree (BS 23 Feb 2007);
the entry-into-force date is not in the sources, so the rules that carry it are uncertain.

Numbering: 001-009 triggers, 010-029 organisation and service conditions, 030-049
warnings, 050-069 worker-group conditions (the target group), 090-099 closures.
"""
from advisor.engine.rulekit import (
    MATCH, Candidate, Group, Kind, Org, Rule, Service, Workforce, any_of, at_least, below,
    none_of, one_of, rule_meta, unknown,
)
from rules.activities import LOCAL_SERVICE_ACTIVITIES

BND = "buurt-en-nabijheidsdiensten"
LDE = "lokale-diensteneconomie"
REG = "lokale-regie"

LDE_START = "2007-02-23"      # decreet 22 dec 2006 published BS 23/02/2007 [entry into force unknown]
LDE_REFORM = "2015-04-01"     # decreet 22 nov 2013 + BVR 19 dec 2014 in force 1 Apr 2015 (S55, S60)
LDE_END = "2023-07-01"        # no new LDE recognitions from 1 July 2023 (S53, S8)
REG_START = "2012-10-26"      # uitvoeringsbesluit regierol 26 Oct 2012 (S71, S78)
REG_WORK = "2023-01-01"       # BVR 29 April 2022: regie SE *en werk*, in force 1 Jan 2023 (S70)
ALD_END = "2026-01-01"        # ALD werkingssubsidie transitional until 31 Dec 2025 (S53, S8)

LOCAL_GOVERNMENT = {"municipality", "ocmw"}
BND_ORGANISERS = {"nonprofit", "municipality", "ocmw", "intermunicipal"}
LDE_ORGANISERS = {"nonprofit", "municipality", "ocmw", "social_purpose_company", "intermunicipal"}
NON_LDE_COMPANIES = {"company", "cooperative"}
REGISSEURS = {"municipality", "intermunicipal"}
NON_REGISSEURS = {"nonprofit", "social_purpose_company", "cooperative", "company", "ocmw", "none_yet"}


class LocalServicesRules:
    # ================================================================================
    # BND - buurt- en nabijheidsdiensten (experimental, pre-decree phase, to 2007)
    # ================================================================================

    @Rule(Kind(kind="local_services"))
    @rule_meta("BND-001", sources=["S54", "S64", "S66", "S167"], valid_until=LDE_START, uncertain=True,
               nl="Een aanvullende, niet-commerciële lokale dienst kan (voor het decreet lokale "
                  "diensteneconomie) als buurt- en nabijheidsdienst starten. Het einde van deze fase "
                  "wordt gedateerd op de publicatie van het decreet (23 februari 2007); de precieze "
                  "inwerkingtreding is niet gekend.")
    def bnd_local_service_fits_neighbourhood_services(self):
        """A complementary, non-market local service can start (before the local services economy decree) as a neighbourhood and proximity service (BND). The end of this phase is dated by the decree's publication (23 February 2007); the exact entry into force is not known.

        Condition: the service is a local proximity service (SVC-003), before 23 Feb 2007.
        Law: samenwerkingsakkoord sociale economie 4 juli 2000 (nabijheidsdiensten, S167); BND practice
        (S64, S66); boundary date [uncertain]: publication of decreet 22 dec 2006 (BS 23/02/2007).
        """
        self.consider(BND)

    @Rule(Candidate(instrument=BND), Org(legal_form=MATCH.legal_form & one_of(BND_ORGANISERS)))
    @rule_meta("BND-010", sources=["S66", "S64"],
               nl="Buurt- en nabijheidsdiensten werden in de praktijk opgezet door vzw's die gemeenten "
                  "en OCMW's (of samenlevingsopbouw) oprichtten, of door die besturen zelf; formele "
                  "regels over de rechtsvorm zijn niet gekend.")
    def bnd_organiser_form_fits(self, legal_form):
        """Neighbourhood and proximity services were in practice set up by vzw's founded by municipalities and OCMWs (or by community development), or by those governments themselves; formal legal-form rules are not known.

        Condition: the legal form is vzw, municipality, OCMW or intermunicipal.
        Law: practice in 2005 (vzw BND Kortrijk, S66; local governments and samenlevingsopbouw, S64).
        """
        self.support(BND)

    @Rule(Candidate(instrument=BND),
          Org(legal_form=MATCH.legal_form & one_of({"company", "cooperative", "social_purpose_company"})))
    @rule_meta("BND-011", sources=["S66", "S64"], uncertain=True,
               nl="Een vennootschap is geen gekende organisator van buurt- en nabijheidsdiensten (dat "
                  "waren vzw's met de gemeente of het OCMW); de formele regels zijn niet gekend. Sluit "
                  "aan bij of richt een BND-vzw op met het lokaal bestuur.")
    def bnd_company_not_a_known_organiser(self, legal_form):
        """A company is not a known organiser of neighbourhood and proximity services (those were vzw's with the municipality or OCMW); the formal rules are not known. Join or found a BND vzw with the local government.

        Condition: the legal form is company, cooperative or VSO.
        Law: practice in 2005 (S64, S66); formal organiser rules unknown [uncertain].
        """
        self.weaken(BND)

    @Rule(Candidate(instrument=BND), Org(has_public_commissioner=True))
    @rule_meta("BND-012", sources=["S66", "S54", "S68"],
               nl="Een lokaal bestuur steunt de dienst of is de eerste klant: buurt- en "
                  "nabijheidsdiensten ontstonden samen met gemeente en OCMW, die mee financieren.")
    def bnd_local_government_backs_the_service(self):
        """A local government backs the service or is its first customer: neighbourhood and proximity services grew together with the municipality and OCMW, which co-finance them.

        Condition: has_public_commissioner is true.
        Law: BND with the municipality/OCMW (S66); the local authority's share of the funding (S54, S68).
        """
        self.support(BND)

    @Rule(Candidate(instrument=BND),
          Org(has_public_commissioner=False, legal_form=none_of(LOCAL_GOVERNMENT)))
    @rule_meta("BND-013", sources=["S66", "S54", "S68"],
               nl="Er is geen lokaal bestuur dat de dienst steunt: buurt- en nabijheidsdiensten "
                  "werden samen met gemeente en OCMW opgezet en mee door hen gefinancierd.")
    def bnd_without_local_government(self):
        """No local government backs the service: neighbourhood and proximity services were set up together with the municipality and OCMW and co-financed by them.

        Condition: has_public_commissioner is false and the starter is not itself a municipality or OCMW.
        Law: BND with the municipality/OCMW (S66); the local authority's share of the funding (S54, S68).
        """
        self.weaken(BND)

    @Rule(Candidate(instrument=BND),
          Org(legal_form=none_of(LOCAL_GOVERNMENT), unknown=unknown("has_public_commissioner")))
    @rule_meta("BND-014", sources=["S66", "S54"],
               nl="Niet gekend of een gemeente of OCMW de dienst steunt of opdrachtgever is.")
    def bnd_local_government_backing_unknown(self):
        """It is not known whether a municipality or OCMW backs or commissions the service.

        Condition: has_public_commissioner absent, the starter is not a municipality or OCMW.
        Law: BND with the municipality/OCMW (S66, S54).
        """
        self.need("organisation.has_public_commissioner", BND)

    @Rule(Candidate(instrument=BND), Service(competes_with_regular_market="none"))
    @rule_meta("BND-015", sources=["S167", "S54"],
               nl="De dienst beantwoordt een lokale collectieve nood zonder de markt te verdringen, "
                  "zoals het samenwerkingsakkoord sociale economie van nabijheidsdiensten vraagt.")
    def bnd_complementary_non_market(self):
        """The service meets a local collective need without displacing the market, as the cooperation agreement on the social economy requires of proximity services.

        Condition: competes_with_regular_market is none.
        Law: samenwerkingsakkoord 4 juli 2000: nabijheidsdiensten cause no exclusion or dualisation in the market (S167).
        """
        self.support(BND)

    @Rule(Candidate(instrument=BND), Service(competes_with_regular_market="partly"))
    @rule_meta("BND-016", sources=["S167"],
               nl="De dienst concurreert deels met de markt: een nabijheidsdienst mag geen uitsluiting "
                  "of dualisering op de markt veroorzaken; toon aan dat hij aanvullend is.")
    def bnd_partly_competing(self):
        """The service partly competes with the market: a proximity service must not cause exclusion or dualisation in the market; show that it is complementary.

        Condition: competes_with_regular_market is partly.
        Law: samenwerkingsakkoord 4 juli 2000 (S167).
        """
        self.weaken(BND)

    @Rule(Service(activities=any_of(LOCAL_SERVICE_ACTIVITIES), competes_with_regular_market="fully"))
    @rule_meta("BND-017", sources=["S167", "S54"], valid_until=LDE_START,
               nl="De dienst concurreert volledig met de reguliere markt: buurt- en nabijheidsdiensten "
                  "zijn aanvullend en mogen geen regulier werk verdringen.")
    def bnd_fully_competing_service_excluded(self):
        """The service fully competes with the regular market: neighbourhood and proximity services are complementary and must not displace regular work.

        Condition: a local-service activity with competes_with_regular_market fully, before 23 Feb 2007.
        Law: samenwerkingsakkoord 4 juli 2000: no exclusion or dualisation in the market (S167).
        """
        self.block(BND)

    @Rule(Candidate(instrument=BND))
    @rule_meta("BND-018", sources=["S54", "S65", "S66", "S167"],
               nl="Financiering: de werknemers via SINE (activering van hun uitkering), plus Vlaamse, "
                  "federale en Europese projectmiddelen (ESF/EQUAL; eerder het experimenteel fonds van "
                  "de Koning Boudewijnstichting) en een bijdrage van het lokaal bestuur en de gebruikers.")
    def bnd_funding_sine_and_projects(self):
        """Funding: the workers through SINE (activation of their benefit), plus Flemish, federal and European project money (ESF/EQUAL; earlier the experimental fund of the King Baudouin Foundation) and a contribution of the local government and the users.

        Condition: BND is considered.
        Law: SINE as the federal leaf (S54); KBS fund 2001-2002 (S65); Flemish and EU money in Kortrijk (S66); federal co-financing (S167).
        """
        self.support(BND)

    @Rule(Candidate(instrument=BND), Org(municipality=MATCH.municipality & one_of({"Kortrijk", "Kuurne"})))
    @rule_meta("BND-019", sources=["S66", "S67"],
               nl="In {municipality} bestaat al een buurt- en nabijheidsdienst (vzw BND Kortrijk, opgericht "
                  "in 2005 voor heel Kortrijk; Kuurne had er al een): sluit daarbij aan in plaats van een "
                  "tweede op te richten.")
    def bnd_join_existing_local_bnd(self, municipality):
        """In {municipality} a neighbourhood and proximity service already exists (vzw BND Kortrijk, founded in 2005 for the whole of Kortrijk; Kuurne already had one): join it rather than found a second one.

        Condition: the municipality is Kortrijk or Kuurne.
        Law: vzw BND Kortrijk, 2005, chaired by an alderman; Kuurne's BND (S66); still active in 2012 (S67).
        """
        self.support(BND)

    @Rule(Candidate(instrument=BND))
    @rule_meta("BND-030", sources=["S66", "S57"], valid_until=LDE_START, uncertain=True,
               nl="Een decreet over buurt- en nabijheidsdiensten werd voorbereid (het werd het decreet "
                  "lokale diensteneconomie van 22 december 2006). Vraag een erkenning aan zodra het "
                  "decreet oproepen opent; de procedure en datum waren toen niet gekend.")
    def bnd_decree_in_preparation(self):
        """A decree on neighbourhood and proximity services was being prepared (it became the local services economy decree of 22 December 2006). Apply for recognition once the decree opens calls; the procedure and date were not known then.

        Condition: BND is considered before the decree's publication.
        Law: "voorontwerp van decreet houdende buurt- en nabijheidsdiensten" (S66); decreet 22 dec 2006 (S57); apply when calls open [M].
        """
        self.warn("announced-change", BND)

    # --- BND: the worker groups (low-skilled long-term unemployed or leefloon) --------

    @Rule(Candidate(instrument=BND), Group(id=MATCH.group, income="leefloon"))
    @rule_meta("BND-050", sources=["S54", "S57", "S66"],
               nl="Werknemersgroep {group} krijgt een leefloon en hoort bij de doelgroep van de lokale "
                  "diensten (leefloners of laaggeschoolde langdurig werklozen).")
    def bnd_leefloon_group_fits(self, group):
        """Worker group {group} receives leefloon and belongs to the target group of local services (leefloon recipients or low-skilled long-term unemployed people).

        Condition: the group's income is leefloon.
        Law: target group of the local services (S54, S57); BND Kortrijk practice (S66).
        """
        self.support(BND)

    @Rule(Candidate(instrument=BND),
          Group(id=MATCH.group, education=one_of({"low", "medium"}), months_without_work=at_least(12)))
    @rule_meta("BND-051", sources=["S54", "S57"],
               nl="Werknemersgroep {group} is laaggeschoold en minstens een jaar zonder werk: de doelgroep "
                  "van de lokale diensten.")
    def bnd_low_skilled_long_term_unemployed_fit(self, group):
        """Worker group {group} is low-skilled and has been without work for at least a year: the target group of local services.

        Condition: education low or medium (at most upper secondary) and months_without_work >= 12.
        Law: low-skilled long-term unemployed (at most upper secondary, >= 1 year), the 2006 decree's group, applied to the BND phase (S54, S57).
        """
        self.support(BND)

    @Rule(Candidate(instrument=BND),
          Group(id=MATCH.group, income=none_of({"leefloon"}), months_without_work=below(12)))
    @rule_meta("BND-052", sources=["S54", "S57"],
               nl="Werknemersgroep {group} is minder dan een jaar zonder werk en krijgt geen leefloon: "
                  "lokale diensten werken met langdurig werklozen of leefloners.")
    def bnd_group_not_long_term_unemployed(self, group):
        """Worker group {group} has been without work for less than a year and receives no leefloon: local services work with long-term unemployed people or leefloon recipients.

        Condition: income is not leefloon and months_without_work < 12.
        Law: target group of the local services (S54, S57).
        """
        self.weaken(BND)

    @Rule(Candidate(instrument=BND), Group(id=MATCH.group, income=none_of({"leefloon"}), education="high"))
    @rule_meta("BND-053", sources=["S54", "S57"],
               nl="Werknemersgroep {group} is hooggeschoold en krijgt geen leefloon: lokale diensten "
                  "werken met laaggeschoolde langdurig werklozen of leefloners.")
    def bnd_group_not_low_skilled(self, group):
        """Worker group {group} is highly educated and receives no leefloon: local services work with low-skilled long-term unemployed people or leefloon recipients.

        Condition: income is not leefloon and education is high.
        Law: target group of the local services (S54, S57).
        """
        self.weaken(BND)

    @Rule(Candidate(instrument=BND), Group(id=MATCH.group, unknown=unknown("income")))
    @rule_meta("BND-054", sources=["S54", "S57"],
               nl="Niet gekend of werknemersgroep {group} een leefloon of een werkloosheidsuitkering krijgt.")
    def bnd_group_income_unknown(self, group):
        """It is not known whether worker group {group} receives leefloon or an unemployment benefit.

        Condition: the group's income is absent.
        Law: target group of the local services (S54, S57).
        """
        self.need(f"worker_groups.{group}.income", BND)

    @Rule(Candidate(instrument=BND),
          Group(id=MATCH.group, income=none_of({"leefloon"}), unknown=unknown("months_without_work")))
    @rule_meta("BND-055", sources=["S54", "S57"],
               nl="Niet gekend hoe lang werknemersgroep {group} al zonder werk is (de doelgroep is "
                  "minstens een jaar werkloos).")
    def bnd_group_unemployment_duration_unknown(self, group):
        """It is not known how long worker group {group} has been without work (the target group is unemployed for at least a year).

        Condition: income is not leefloon, months_without_work absent.
        Law: target group of the local services (S54, S57).
        """
        self.need(f"worker_groups.{group}.months_without_work", BND)

    @Rule(Candidate(instrument=BND),
          Group(id=MATCH.group, income=none_of({"leefloon"}), unknown=unknown("education")))
    @rule_meta("BND-056", sources=["S54", "S57"],
               nl="Niet gekend welk onderwijsniveau werknemersgroep {group} heeft (de doelgroep is laaggeschoold).")
    def bnd_group_education_unknown(self, group):
        """It is not known what education level worker group {group} has (the target group is low-skilled).

        Condition: income is not leefloon, education absent.
        Law: target group of the local services (S54, S57).
        """
        self.need(f"worker_groups.{group}.education", BND)

    @Rule(Candidate(instrument=BND), Group(id=MATCH.group, support_need="permanent"))
    @rule_meta("BND-057", sources=["S54", "S53"],
               nl="Werknemersgroep {group} heeft blijvend ondersteuning nodig: lokale diensten mikken op "
                  "doorstroming naar regulier werk; voor blijvende ondersteuning passen beschutte of "
                  "sociale werkplaatsen beter.")
    def bnd_permanent_support_need(self, group):
        """Worker group {group} needs permanent support: local services aim at moving on to regular work; sheltered or social workshops fit permanent support better.

        Condition: the group's support_need is permanent.
        Law: local services with a view to moving on (brief §5.2; S54, S53).
        """
        self.weaken(BND)

    @Rule(Kind(kind="local_services"))
    @rule_meta("BND-090", sources=["S57", "S58", "S68"], valid_from=LDE_START, uncertain=True,
               nl="De experimentele buurt- en nabijheidsdiensten zijn opgevolgd door de lokale "
                  "diensteneconomie (decreet 22 december 2006, gepubliceerd 23 februari 2007; de precieze "
                  "inwerkingtreding is niet gekend). Het experiment werd begin 2008 een regulier programma.")
    def bnd_replaced_by_local_services_economy(self):
        """The experimental neighbourhood and proximity services were succeeded by the local services economy (decree of 22 December 2006, published 23 February 2007; the exact entry into force is not known). The experiment became a regular programme early 2008.

        Condition: a local proximity service on or after 23 Feb 2007.
        Law: decreet 22 dec 2006 (BS 23/02/2007, S57) + BVR 5 okt 2007 (S58); experiment ended early 2008 (S68). Boundary date [uncertain].
        """
        self.block(BND)
        self.warn("instrument-closed", BND)

    # ================================================================================
    # LDE - lokale diensteneconomie (23 Feb 2007 - 30 June 2023)
    # ================================================================================

    @Rule(Kind(kind="local_services"))
    @rule_meta("LDE-001", sources=["S57", "S58", "S54", "S59"], valid_from=LDE_START, valid_until=LDE_END,
               uncertain=True,
               nl="Een aanvullende lokale dienst kan erkend worden in de lokale diensteneconomie. De "
                  "begindatum is de publicatie van het decreet (23 februari 2007); de precieze "
                  "inwerkingtreding is niet gekend.")
    def lde_local_service_fits_local_services_economy(self):
        """A complementary local service can be recognised in the local services economy. The start date is the decree's publication (23 February 2007); the exact entry into force is not known.

        Condition: the service is a local proximity service (SVC-003), 23 Feb 2007 - 30 June 2023.
        Law: decreet 22 dec 2006 (BS 23/02/2007, S57) + BVR 5 okt 2007; decreet 22 nov 2013 + BVR 19 dec 2014 (S58, S59).
        """
        self.consider(LDE)

    @Rule(Candidate(instrument=LDE), Org(legal_form=MATCH.legal_form & one_of(LDE_ORGANISERS)))
    @rule_meta("LDE-010", sources=["S59", "S62"],
               nl="Een vzw, een lokaal bestuur (gemeente, OCMW), een vennootschap met sociaal oogmerk of "
                  "een intergemeentelijk samenwerkingsverband kan een lokale-diensteneconomie-onderneming zijn.")
    def lde_organiser_form_allowed(self, legal_form):
        """A vzw, a local government (municipality, OCMW), a company with social purpose or an intermunicipal association can be a local services economy enterprise.

        Condition: the legal form is vzw, municipality, OCMW, VSO or intermunicipal.
        Law: who may organise LDE (S59, S62).
        """
        self.support(LDE)

    @Rule(Candidate(instrument=LDE), Org(legal_form=MATCH.legal_form & one_of(NON_LDE_COMPANIES)))
    @rule_meta("LDE-011", sources=["S59", "S62", "S57"], valid_until=LDE_REFORM, uncertain=True,
               nl="Welke rechtsvormen het decreet van 2006 toeliet, staat niet in de bronnen; vanaf 2015 "
                  "waren alleen vzw's, lokale besturen, vennootschappen met sociaal oogmerk en "
                  "intergemeentelijke verenigingen toegelaten, geen gewone vennootschappen.")
    def lde_company_form_unconfirmed_before_2015(self, legal_form):
        """Which legal forms the 2006 decree allowed is not in the sources; from 2015 only vzw's, local governments, companies with social purpose and intermunicipal associations were allowed, no ordinary companies.

        Condition: the legal form is company or cooperative, before 1 April 2015.
        Law: decreet 22 dec 2006 (S57) - organiser forms not verified; 2015 regime (S59, S62).
        """
        self.weaken(LDE)

    @Rule(Candidate(instrument=LDE), Org(legal_form=MATCH.legal_form & one_of(NON_LDE_COMPANIES)))
    @rule_meta("LDE-012", sources=["S59", "S62"], valid_from=LDE_REFORM,
               nl="Een gewone vennootschap of coöperatie kan geen lokale-diensteneconomie-onderneming "
                  "zijn: alleen een vzw, een lokaal bestuur, een vennootschap met sociaal oogmerk of een "
                  "intergemeentelijk samenwerkingsverband.")
    def lde_company_cannot_be_recognised(self, legal_form):
        """An ordinary company or cooperative cannot be a local services economy enterprise: only a vzw, a local government, a company with social purpose or an intermunicipal association.

        Condition: the legal form is company or cooperative, from 1 April 2015.
        Law: decreet 22 nov 2013 + BVR 19 dec 2014: allowed legal forms (S59, S62).
        """
        self.block(LDE)

    @Rule(Candidate(instrument=LDE), Org(legal_form=one_of(LOCAL_GOVERNMENT)))
    @rule_meta("LDE-013", sources=["S56", "S59"], valid_from=LDE_REFORM,
               nl="Het lokaal bestuur is zelf de opdrachtgevende overheid: het kan de dienst als dienst van "
                  "algemeen economisch belang toevertrouwen aan een LDE-onderneming of zelf een LDE worden "
                  "via een afdeling sui generis.")
    def lde_local_government_commissions_itself(self):
        """The local government is itself the commissioning authority: it can entrust the service as a service of general economic interest to an LDE enterprise, or become an LDE itself through a sui generis division.

        Condition: the legal form is municipality or OCMW, from 1 April 2015.
        Law: the public authority as opdrachtgevende overheid; DAEB or sui generis division (S56, S59).
        """
        self.support(LDE)

    @Rule(Candidate(instrument=LDE), Org(has_public_commissioner=True, legal_form=none_of(LOCAL_GOVERNMENT)))
    @rule_meta("LDE-014", sources=["S59", "S56", "S54"],
               nl="Een overheid wil opdrachtgever zijn van de dienst: een lokale dienst komt tot stand in "
                  "opdracht van een (lokale of Vlaamse) overheid, die mee betaalt.")
    def lde_public_commissioner_present(self):
        """A government is willing to commission the service: a local service comes about on the order of a (local or Flemish) government, which also pays its share.

        Condition: has_public_commissioner is true (the starter is not itself a municipality or OCMW).
        Law: opdrachtgevende overheid (S59, S56); the local authority's leaf of the clover-leaf funding (S54).
        """
        self.support(LDE)

    @Rule(Candidate(instrument=LDE), Org(has_public_commissioner=False, legal_form=none_of(LOCAL_GOVERNMENT)))
    @rule_meta("LDE-015", sources=["S59", "S56"], valid_from=LDE_REFORM,
               nl="Er is geen opdrachtgevende overheid: sinds 2015 komt een lokale dienst alleen tot stand "
                  "in opdracht van een overheid, die na een impactanalyse attesteert dat hij aanvullend is.")
    def lde_no_public_commissioner(self):
        """There is no commissioning authority: since 2015 a local service only comes about on the order of a government, which attests after an impact analysis that it is complementary.

        Condition: has_public_commissioner is false and the starter is not a municipality or OCMW, from 1 April 2015.
        Law: decreet 22 nov 2013: opdrachtgevende overheid and impact analysis (S59, S56).
        """
        self.block(LDE)

    @Rule(Candidate(instrument=LDE),
          Org(legal_form=none_of(LOCAL_GOVERNMENT), unknown=unknown("has_public_commissioner")))
    @rule_meta("LDE-016", sources=["S59", "S56"], valid_from=LDE_REFORM,
               nl="Niet gekend of een overheid opdrachtgever wil zijn van de dienst (sinds 2015 verplicht "
                  "voor de lokale diensteneconomie).")
    def lde_public_commissioner_unknown(self):
        """It is not known whether a government is willing to commission the service (compulsory for the local services economy since 2015).

        Condition: has_public_commissioner absent, the starter is not a municipality or OCMW, from 1 April 2015.
        Law: opdrachtgevende overheid (S59, S56).
        """
        self.need("organisation.has_public_commissioner", LDE)

    @Rule(Candidate(instrument=LDE), Service(competes_with_regular_market="none"))
    @rule_meta("LDE-017", sources=["S59", "S63"],
               nl="De dienst is aanvullend op het bestaande lokale aanbod en verdringt geen bestaande jobs, "
                  "zoals de lokale diensteneconomie vraagt.")
    def lde_complementary_service(self):
        """The service is complementary to the existing local offer and displaces no existing jobs, as the local services economy requires.

        Condition: competes_with_regular_market is none.
        Law: conditions on the service: complementary, no displacement, non-economic or a DAEB (S59, S63).
        """
        self.support(LDE)

    @Rule(Candidate(instrument=LDE), Service(competes_with_regular_market="partly"))
    @rule_meta("LDE-018", sources=["S59", "S63"],
               nl="De dienst concurreert deels met de markt: hij moet aanvullend zijn op het bestaande "
                  "aanbod en mag geen jobs verdringen; sinds 2015 attesteert de opdrachtgevende overheid "
                  "dat na een impactanalyse met de lokale (socio-economische) actoren.")
    def lde_partly_competing_needs_impact_analysis(self):
        """The service partly competes with the market: it must be complementary to the existing offer and displace no jobs; since 2015 the commissioning authority attests this after an impact analysis with the local (socio-economic) stakeholders.

        Condition: competes_with_regular_market is partly.
        Law: complementarity and impact analysis (S59, S63).
        """
        self.weaken(LDE)

    @Rule(Service(activities=any_of(LOCAL_SERVICE_ACTIVITIES), competes_with_regular_market="fully"))
    @rule_meta("LDE-019", sources=["S59", "S63", "S167"], valid_from=LDE_START, valid_until=LDE_END,
               nl="De dienst concurreert volledig met de reguliere markt: een lokale dienst moet aanvullend "
                  "zijn en mag geen bestaande jobs verdringen.")
    def lde_fully_competing_service_excluded(self):
        """The service fully competes with the regular market: a local service must be complementary and must not displace existing jobs.

        Condition: a local-service activity with competes_with_regular_market fully, 23 Feb 2007 - 30 June 2023.
        Law: no displacement, complementary to the local offer (S59, S63); no dualisation in the market (S167).
        """
        self.block(LDE)

    @Rule(Candidate(instrument=LDE), Workforce(target_fte=MATCH.fte & at_least(5)))
    @rule_meta("LDE-020", sources=["S59", "S62"], valid_from=LDE_REFORM,
               nl="Met {fte} VTE doelgroepwerknemers haalt de dienst de erkenningsvoorwaarde van minstens "
                  "5 VTE per jaar.")
    def lde_meets_five_fte(self, fte):
        """With {fte} FTE target-group workers the service meets the recognition condition of at least 5 FTE a year.

        Condition: the worker groups' FTE total at least 5, from 1 April 2015.
        Law: recognition condition >= 5 FTE target-group workers per year (S59, S62).
        """
        self.support(LDE)

    @Rule(Candidate(instrument=LDE), Workforce(target_fte=MATCH.fte & below(5)))
    @rule_meta("LDE-021", sources=["S59", "S62"], valid_from=LDE_REFORM,
               nl="Met {fte} VTE doelgroepwerknemers haalt de dienst de erkenningsvoorwaarde van minstens "
                  "5 VTE per jaar niet.")
    def lde_below_five_fte(self, fte):
        """With {fte} FTE target-group workers the service does not meet the recognition condition of at least 5 FTE a year.

        Condition: the worker groups' FTE total less than 5, from 1 April 2015.
        Law: recognition condition >= 5 FTE target-group workers per year (S59, S62).
        """
        self.block(LDE)

    @Rule(Candidate(instrument=LDE), Workforce(unknown=any_of({"worker_groups", "target_fte"})))
    @rule_meta("LDE-022", sources=["S59", "S62"], valid_from=LDE_REFORM,
               nl="Niet gekend hoeveel VTE doelgroepwerknemers de dienst zal tewerkstellen (minstens 5 VTE nodig).")
    def lde_target_fte_unknown(self):
        """It is not known how many FTE target-group workers the service will employ (at least 5 FTE needed).

        Condition: the worker groups or the FTE of some group are absent, from 1 April 2015.
        Law: recognition condition >= 5 FTE target-group workers per year (S59, S62).
        """
        self.need("worker_groups", LDE)

    @Rule(Candidate(instrument=LDE))
    @rule_meta("LDE-023", sources=["S54", "S68", "S55"],
               nl="Financiering volgens het klaverbladmodel: Vlaanderen betaalt begeleiding en "
                  "tewerkstelling, de federale overheid compenseert het productiviteitsverlies via SINE, het "
                  "lokaal bestuur en de klanten (prijzen volgens inkomen mogelijk) betalen de rest.")
    def lde_clover_leaf_funding(self):
        """Funding follows the clover-leaf model: Flanders pays guidance and participation, the federal level compensates the productivity loss through SINE, the local government and the clients (prices may vary with income) pay the rest.

        Condition: LDE is considered.
        Law: klaverblad model (S54, S68); income-related prices (S55).
        """
        self.support(LDE)

    # --- LDE: the worker groups --------------------------------------------------------

    @Rule(Candidate(instrument=LDE), Group(id=MATCH.group, income="leefloon"))
    @rule_meta("LDE-050", sources=["S57", "S54"], valid_until=LDE_REFORM,
               nl="Werknemersgroep {group} krijgt een leefloon: leefloners en gerechtigden op financiële "
                  "maatschappelijke hulp behoren tot de doelgroep van het decreet van 2006.")
    def lde_leefloon_group_fits_2006_decree(self, group):
        """Worker group {group} receives leefloon: leefloon recipients and recipients of financial social aid belong to the target group of the 2006 decree.

        Condition: the group's income is leefloon, before 1 April 2015.
        Law: decreet 22 dec 2006, target group (S57, S54).
        """
        self.support(LDE)

    @Rule(Candidate(instrument=LDE),
          Group(id=MATCH.group, education=one_of({"low", "medium"}), months_without_work=at_least(12)))
    @rule_meta("LDE-051", sources=["S57", "S54"], valid_until=LDE_REFORM,
               nl="Werknemersgroep {group} is laaggeschoold (hoogstens hoger secundair) en minstens een jaar "
                  "werkloos: de doelgroep van het decreet van 2006.")
    def lde_low_skilled_long_term_unemployed_fit_2006_decree(self, group):
        """Worker group {group} is low-skilled (at most upper secondary) and at least a year unemployed: the target group of the 2006 decree.

        Condition: education low or medium and months_without_work >= 12, before 1 April 2015.
        Law: decreet 22 dec 2006: at most upper secondary + >= 1 year registered non-working jobseeker at VDAB (S57, S54).
        """
        self.support(LDE)

    @Rule(Candidate(instrument=LDE),
          Group(id=MATCH.group, income=none_of({"leefloon"}), months_without_work=below(12)))
    @rule_meta("LDE-052", sources=["S57", "S54"], valid_until=LDE_REFORM,
               nl="Werknemersgroep {group} is minder dan een jaar werkloos en krijgt geen leefloon: het "
                  "decreet van 2006 vraagt minstens een jaar als niet-werkende werkzoekende.")
    def lde_group_not_long_term_unemployed_2006_decree(self, group):
        """Worker group {group} has been unemployed for less than a year and receives no leefloon: the 2006 decree asks for at least a year as a non-working jobseeker.

        Condition: income is not leefloon and months_without_work < 12, before 1 April 2015.
        Law: decreet 22 dec 2006, target group (S57, S54).
        """
        self.weaken(LDE)

    @Rule(Candidate(instrument=LDE), Group(id=MATCH.group, income=none_of({"leefloon"}), education="high"))
    @rule_meta("LDE-053", sources=["S57", "S54"], valid_until=LDE_REFORM,
               nl="Werknemersgroep {group} is hooggeschoold en krijgt geen leefloon: het decreet van 2006 "
                  "richt zich op laaggeschoolden (hoogstens hoger secundair).")
    def lde_group_not_low_skilled_2006_decree(self, group):
        """Worker group {group} is highly educated and receives no leefloon: the 2006 decree targets low-skilled people (at most upper secondary).

        Condition: income is not leefloon and education is high, before 1 April 2015.
        Law: decreet 22 dec 2006, target group (S57, S54).
        """
        self.weaken(LDE)

    @Rule(Candidate(instrument=LDE), Group(id=MATCH.group, unknown=unknown("income")))
    @rule_meta("LDE-054", sources=["S57", "S54"], valid_until=LDE_REFORM,
               nl="Niet gekend of werknemersgroep {group} een leefloon of een werkloosheidsuitkering krijgt.")
    def lde_group_income_unknown(self, group):
        """It is not known whether worker group {group} receives leefloon or an unemployment benefit.

        Condition: the group's income is absent, before 1 April 2015.
        Law: decreet 22 dec 2006, target group (S57, S54).
        """
        self.need(f"worker_groups.{group}.income", LDE)

    @Rule(Candidate(instrument=LDE),
          Group(id=MATCH.group, income=none_of({"leefloon"}), unknown=unknown("months_without_work")))
    @rule_meta("LDE-055", sources=["S57", "S54"], valid_until=LDE_REFORM,
               nl="Niet gekend hoe lang werknemersgroep {group} al werkloos is (het decreet van 2006 vraagt "
                  "minstens een jaar).")
    def lde_group_unemployment_duration_unknown(self, group):
        """It is not known how long worker group {group} has been unemployed (the 2006 decree asks for at least a year).

        Condition: income is not leefloon, months_without_work absent, before 1 April 2015.
        Law: decreet 22 dec 2006, target group (S57, S54).
        """
        self.need(f"worker_groups.{group}.months_without_work", LDE)

    @Rule(Candidate(instrument=LDE), Group(id=MATCH.group, registered_jobseeker=True))
    @rule_meta("LDE-056", sources=["S60", "S61", "S55"], valid_from=LDE_REFORM,
               nl="Werknemersgroep {group} is ingeschreven bij VDAB: VDAB indiceert (ICF-screening, "
                  "'advies lokale diensteneconomie') en leidt de doelgroepwerknemers toe.")
    def lde_vdab_indication_possible(self, group):
        """Worker group {group} is registered with VDAB: VDAB indicates (ICF screening, "advies lokale diensteneconomie") and refers the target-group workers.

        Condition: registered_jobseeker is true, from 1 April 2015.
        Law: VDAB indication of people with a distance to the labour market (S60, S61, S55).
        """
        self.support(LDE)

    @Rule(Candidate(instrument=LDE), Group(id=MATCH.group, registered_jobseeker=False))
    @rule_meta("LDE-057", sources=["S60", "S61"], valid_from=LDE_REFORM,
               nl="Werknemersgroep {group} is niet ingeschreven bij VDAB: sinds 2015 is een VDAB-indicering "
                  "('advies lokale diensteneconomie') nodig om als doelgroepwerknemer te tellen.")
    def lde_group_needs_vdab_registration(self, group):
        """Worker group {group} is not registered with VDAB: since 2015 a VDAB indication ("advies lokale diensteneconomie") is needed to count as a target-group worker.

        Condition: registered_jobseeker is false, from 1 April 2015.
        Law: VDAB indication (S60, S61).
        """
        self.weaken(LDE)

    @Rule(Candidate(instrument=LDE), Group(id=MATCH.group, unknown=unknown("registered_jobseeker")))
    @rule_meta("LDE-058", sources=["S60", "S61"], valid_from=LDE_REFORM,
               nl="Niet gekend of werknemersgroep {group} bij VDAB ingeschreven is (nodig voor de indicering).")
    def lde_group_registration_unknown(self, group):
        """It is not known whether worker group {group} is registered with VDAB (needed for the indication).

        Condition: registered_jobseeker absent, from 1 April 2015.
        Law: VDAB indication (S60, S61).
        """
        self.need(f"worker_groups.{group}.registered_jobseeker", LDE)

    @Rule(Candidate(instrument=LDE), Group(id=MATCH.group, paid_work_readiness="not_yet"))
    @rule_meta("LDE-059", sources=["S60", "S55", "S85"], valid_from=LDE_REFORM,
               nl="Werknemersgroep {group} kan nog geen betaald werk doen: de lokale diensteneconomie is "
                  "betaald werk voor mensen die via een invoegtraject naar regulier werk kunnen doorstromen. "
                  "Voor wie (nog) niet betaald kan werken, past arbeidszorg.")
    def lde_group_not_ready_for_paid_work(self, group):
        """Worker group {group} cannot do paid work yet: the local services economy is paid work for people who can move on to regular work through an insertion trajectory. For people who cannot (yet) do paid work, labour care fits.

        Condition: paid_work_readiness is not_yet, from 1 April 2015 (the group is excluded; with no group left, the instrument is rejected).
        Law: indication of people who can move on through an insertion trajectory (S60, S55); arbeidszorg for people who cannot do paid work, not even in the social economy (S85).
        """
        self.block(LDE, group)

    @Rule(Candidate(instrument=LDE), Group(id=MATCH.group, support_need="temporary"))
    @rule_meta("LDE-060", sources=["S53", "S55", "S61"],
               nl="Werknemersgroep {group} heeft tijdelijke ondersteuning nodig: de lokale diensteneconomie "
                  "biedt een invoegtraject van maximaal 5 (uitzonderlijk 6) jaar, afgesloten met een stage bij "
                  "een mogelijke reguliere werkgever.")
    def lde_insertion_trajectory_fits(self, group):
        """Worker group {group} needs temporary support: the local services economy offers an insertion trajectory of at most 5 (exceptionally 6) years, ending with a traineeship at a potential regular employer.

        Condition: the group's support_need is temporary.
        Law: insertion trajectory max 5 (6) years (S53, S55, S61).
        """
        self.support(LDE)

    @Rule(Candidate(instrument=LDE), Group(id=MATCH.group, support_need="permanent"))
    @rule_meta("LDE-061", sources=["S53", "S55", "S61"],
               nl="Werknemersgroep {group} heeft blijvend ondersteuning nodig, maar de lokale "
                  "diensteneconomie is een tijdelijk invoegtraject van maximaal 5 (6) jaar; lukt de "
                  "doorstroming niet, dan wordt een passender maatregel gezocht.")
    def lde_permanent_support_need(self, group):
        """Worker group {group} needs permanent support, but the local services economy is a temporary insertion trajectory of at most 5 (6) years; if moving on fails, a more suitable measure is sought.

        Condition: the group's support_need is permanent.
        Law: insertion trajectory max 5 (6) years (S53, S55, S61).
        """
        self.weaken(LDE)

    # --- LDE: closure -----------------------------------------------------------------

    @Rule(Kind(kind="local_services"))
    @rule_meta("LDE-090", sources=["S53", "S8", "S24", "S55"], valid_from=LDE_END,
               nl="Sinds 1 juli 2023 zijn er geen nieuwe erkenningen in de lokale diensteneconomie meer. "
                  "Werknemers worden gefinancierd via individueel maatwerk; lokale besturen met een aanbod "
                  "aanvullende lokale diensten krijgen via hun regierol een werkingssubsidie ALD.")
    def lde_closed_for_local_services(self):
        """Since 1 July 2023 there are no new recognitions in the local services economy. Workers are financed through individueel maatwerk; local governments with supplementary local services get an ALD operating subsidy through their coordinating role.

        Condition: a local proximity service on or after 1 July 2023.
        Law: decreet individuele inschakeling 14 jan 2022 abolishes LDE (S24); LDE closed (S53); ALD (S8, S55).
        """
        self.block(LDE)
        self.warn("instrument-closed", LDE)

    @Rule(Kind(kind="household_help"))
    @rule_meta("LDE-091", sources=["S53", "S8", "S24", "S54"], valid_from=LDE_END,
               nl="Sinds 1 juli 2023 zijn er geen nieuwe erkenningen in de lokale diensteneconomie meer, ook "
                  "niet voor (logistieke) hulp aan huis; werknemers worden gefinancierd via individueel "
                  "maatwerk, aanvullende lokale diensten lopen via de regierol van de gemeente.")
    def lde_closed_for_household_help(self):
        """Since 1 July 2023 there are no new recognitions in the local services economy, also not for (logistic) home help; workers are financed through individueel maatwerk, supplementary local services run through the municipality's coordinating role.

        Condition: household help for households on or after 1 July 2023 (aanvullende thuiszorg was an LDE activity).
        Law: LDE closed (S53, S24); ALD and individueel maatwerk (S8); logistic home help as an LDE example (S54).
        """
        self.block(LDE)
        self.warn("instrument-closed", LDE)

    # ================================================================================
    # REG - lokale regierol sociale economie (en werk), from 26 Oct 2012
    # ================================================================================

    @Rule(Kind(kind="local_services"), Org(legal_form=one_of(REGISSEURS)))
    @rule_meta("REG-001", sources=["S69", "S71", "S78"], valid_from=REG_START,
               nl="Als regisseur van de lokale sociale economie brengt de gemeente (of haar "
                  "intergemeentelijke vereniging) lokale noden in kaart en zet ze nieuwe lokale diensten op.")
    def reg_government_coordinates_local_service(self):
        """As coordinator of the local social economy the municipality (or its intermunicipal association) maps local needs and sets up new local services.

        Condition: a local proximity service started by a municipality or intermunicipal association, from 26 Oct 2012.
        Law: ondersteuningsdecreet 17 feb 2012; BVR regierol 26 okt 2012 (S78, S71, S69).
        """
        self.consider(REG)

    @Rule(Kind(kind="local_services"), Org(legal_form=one_of(NON_REGISSEURS)))
    @rule_meta("REG-002", sources=["S69", "S53", "S8"], valid_from=LDE_END,
               nl="Sinds het einde van de lokale diensteneconomie loopt een nieuwe aanvullende lokale dienst "
                  "via de regie van de gemeente: zij bepaalt de noden en kan de dienst in opdracht geven.")
    def reg_route_local_service_to_municipal_regie(self):
        """Since the end of the local services economy a new supplementary local service runs through the municipality's coordinating role: it defines the needs and can commission the service.

        Condition: a local proximity service started by another organisation than a municipality, on or after 1 July 2023.
        Law: the municipality as first contact for new local SE services (S69); LDE closed, ALD (S53, S8).
        """
        self.consider(REG)

    @Rule(Candidate(instrument=REG), Org(legal_form="municipality"))
    @rule_meta("REG-010", sources=["S69", "S71", "S78"],
               nl="De gemeente is de regisseur van de lokale sociale economie en kan daarvoor een "
                  "regiesubsidie aanvragen.")
    def reg_municipality_is_regisseur(self):
        """The municipality is the coordinator of the local social economy and can apply for a coordination subsidy for it.

        Condition: the legal form is municipality.
        Law: lokale regierol (S69, S71, S78).
        """
        self.support(REG)

    @Rule(Candidate(instrument=REG), Org(legal_form="intermunicipal"))
    @rule_meta("REG-011", sources=["S71", "S72", "S173"],
               nl="Een intergemeentelijke vereniging of welzijnsvereniging kan de regierol opnemen als ze "
                  "minstens 60.000 inwoners dekt (het arrondissement Kortrijk alleen telde 292.493 inwoners "
                  "in 2020).")
    def reg_intermunicipal_association_may_coordinate(self):
        """An intermunicipal or welfare association can take up the coordinating role if it covers at least 60,000 inhabitants (arrondissement Kortrijk alone had 292,493 inhabitants in 2020).

        Condition: the legal form is intermunicipal.
        Law: >= 60,000 inhabitants for associations (S71); 34 associations among 37 regisseurs (S72); population (S173).
        """
        self.support(REG)

    @Rule(Candidate(instrument=REG), Org(legal_form=MATCH.legal_form & one_of(NON_REGISSEURS)))
    @rule_meta("REG-012", sources=["S69", "S71"],
               nl="De regierol hoort bij de gemeente (of haar intergemeentelijke vereniging), niet bij de "
                  "starter zelf: stap met de dienst naar de gemeente, die hem kan opnemen in haar regie en in "
                  "opdracht geven.")
    def reg_starter_goes_through_the_municipality(self, legal_form):
        """The coordinating role belongs to the municipality (or its intermunicipal association), not to the starter itself: take the service to the municipality, which can include it in its coordination and commission it.

        Condition: the starter is not a municipality or intermunicipal association.
        Law: who may hold the regie (S71); route starters to the municipality (S69).
        """
        self.weaken(REG)

    @Rule(Candidate(instrument=REG), Org(role="commissioner"))
    @rule_meta("REG-013", sources=["S69", "S56", "S95"],
               nl="Als opdrachtgever legt het bestuur de nood vast binnen zijn regie en geeft het de dienst in "
                  "opdracht (bijvoorbeeld via een voorbehouden opdracht of sociale clausules), of voert het de "
                  "dienst zelf uit.")
    def reg_commissioner_defines_and_commissions(self):
        """As commissioner the government defines the need within its coordinating role and commissions the service (for instance through a reserved contract or social clauses), or runs the service itself.

        Condition: the starter's role is commissioner.
        Law: regie (S69); the local government as actor (S56); social clauses and reserved contracts (S95).
        """
        self.support(REG)

    @Rule(Candidate(instrument=REG),
          Org(has_public_commissioner=True, legal_form=one_of(NON_REGISSEURS)))
    @rule_meta("REG-014", sources=["S69", "S53"],
               nl="Het lokaal bestuur wil de dienst in opdracht geven: dat is de weg voor een nieuwe "
                  "aanvullende lokale dienst sinds het einde van de lokale diensteneconomie.")
    def reg_municipality_will_commission(self):
        """The local government is willing to commission the service: that is the route for a new supplementary local service since the end of the local services economy.

        Condition: has_public_commissioner is true, the starter is not the municipality.
        Law: regie and ALD after LDE (S69, S53).
        """
        self.support(REG)

    @Rule(Candidate(instrument=REG),
          Org(has_public_commissioner=False, legal_form=one_of(NON_REGISSEURS)))
    @rule_meta("REG-015", sources=["S69", "S53"],
               nl="Er is (nog) geen lokaal bestuur dat de dienst in opdracht wil geven: zonder de gemeente "
                  "is er geen subsidie voor aanvullende lokale diensten.")
    def reg_no_municipal_commissioner_yet(self):
        """No local government is willing (yet) to commission the service: without the municipality there is no subsidy for supplementary local services.

        Condition: has_public_commissioner is false, the starter is not the municipality.
        Law: ALD goes to local governments (S53, S8); regie (S69).
        """
        self.weaken(REG)

    @Rule(Candidate(instrument=REG),
          Org(legal_form=one_of(NON_REGISSEURS), unknown=unknown("has_public_commissioner")))
    @rule_meta("REG-016", sources=["S69", "S53"],
               nl="Niet gekend of de gemeente de dienst in opdracht wil geven.")
    def reg_municipal_commissioner_unknown(self):
        """It is not known whether the municipality is willing to commission the service.

        Condition: has_public_commissioner absent, the starter is not the municipality.
        Law: regie and ALD (S69, S53).
        """
        self.need("organisation.has_public_commissioner", REG)

    @Rule(Candidate(instrument=REG))
    @rule_meta("REG-017", sources=["S69", "S71"], valid_until=REG_WORK,
               nl="De regie omvat drie jaarlijkse acties: netwerken, de lokale sociale economie ontwikkelen "
                  "(in kaart brengen, nieuwe lokale diensten opstarten vanuit een behoefteanalyse, sociale "
                  "clausules) en maatschappelijk verantwoord ondernemen bevorderen.")
    def reg_three_actions_until_2022(self):
        """The coordinating role covers three yearly actions: networking, developing the local social economy (mapping, starting new local services from a needs analysis, social clauses) and promoting corporate social responsibility.

        Condition: the regie is considered, 26 Oct 2012 - 31 Dec 2022.
        Law: regierol 2012-2022 (S69, S71).
        """
        self.support(REG)

    @Rule(Candidate(instrument=REG))
    @rule_meta("REG-018", sources=["S70", "S73", "S74"], valid_from=REG_WORK,
               nl="Sinds 1 januari 2023 is het de regierol sociale economie én werk, met vier prioriteiten: "
                  "de regie opnemen, tewerkstelling van mensen ver van de arbeidsmarkt (wijk-werken, TWE, "
                  "gemeenschapsdienst), (sociaal) ondernemerschap en een samenwerkingsovereenkomst met VDAB.")
    def reg_social_economy_and_work_from_2023(self):
        """Since 1 January 2023 it is the coordinating role for the social economy and work, with four priorities: taking up the coordination, employment of people far from the labour market (wijk-werken, TWE, community service), (social) entrepreneurship and a cooperation agreement with VDAB.

        Condition: the regie is considered, from 1 Jan 2023.
        Law: BVR 29 april 2022 (S70); priorities WSE-LR1..LR4 (S73, S74).
        """
        self.support(REG)

    @Rule(Candidate(instrument=REG))
    @rule_meta("REG-019", sources=["S53", "S8", "S55"], valid_from=LDE_END, valid_until=ALD_END,
               nl="Lokale besturen met een aanbod aanvullende lokale diensten krijgen een jaarlijkse "
                  "werkingssubsidie ALD (budget 10.396.129 EUR, verdeeld over de gemeenten), als overgang "
                  "tot 31 december 2025.")
    def reg_ald_operating_subsidy(self):
        """Local governments with supplementary local services get a yearly ALD operating subsidy (budget 10,396,129 EUR, divided among the municipalities), as a transition until 31 December 2025.

        Condition: the regie is considered, 1 July 2023 - 31 Dec 2025.
        Law: werkingssubsidie aanvullende lokale diensten (S53, S8, S55).
        """
        self.support(REG)

    @Rule(Candidate(instrument=REG))
    @rule_meta("REG-020", sources=["S24", "S8", "S104", "S95"], valid_from=LDE_END,
               nl="Bemensing: werf doelgroepwerknemers aan met individueel maatwerk (VDAB-attest) en met "
                  "art. 60/TWE-werknemers van het OCMW, of besteed de dienst uit aan een maatwerkbedrijf via "
                  "een voorbehouden opdracht.")
    def reg_staff_with_individual_maatwerk(self):
        """Staffing: hire target-group workers with individueel maatwerk (VDAB attest) and art. 60/TWE workers from the OCMW, or contract the service to a maatwerkbedrijf through a reserved contract.

        Condition: the regie is considered, from 1 July 2023.
        Law: individueel maatwerk replaces LDE (S24, S8); TWE/art. 60 (S104); reserved contracts (S95).
        """
        self.support(REG)

    @Rule(Candidate(instrument=REG), Org(legal_form="municipality", municipality="Kortrijk"))
    @rule_meta("REG-021", sources=["S71", "S173"],
               nl="Kortrijk is een centrumstad en mag de regierol ook alleen opnemen.")
    def reg_central_city_may_coordinate_alone(self):
        """Kortrijk is a central city and may also take up the coordinating role alone.

        Condition: the starter is the municipality of Kortrijk.
        Law: central cities may apply alone (S71); Kortrijk centrumstad (S173).
        """
        self.support(REG)

    @Rule(Candidate(instrument=REG), Service(competes_with_regular_market="partly"))
    @rule_meta("REG-022", sources=["S53", "S59"], valid_from=LDE_END,
               nl="De dienst concurreert deels met de markt: de subsidie is voor aanvullende lokale diensten; "
                  "het bestuur moet aantonen dat de dienst het bestaande aanbod aanvult.")
    def reg_partly_competing_service(self):
        """The service partly competes with the market: the subsidy is for supplementary local services; the government must show that the service complements the existing offer.

        Condition: competes_with_regular_market is partly, from 1 July 2023.
        Law: aanvullende lokale diensten (S53); complementarity as under LDE (S59).
        """
        self.weaken(REG)

    @Rule(Candidate(instrument=REG), Org(region="home", legal_form=none_of({"intermunicipal"}),
                                         municipality=MATCH.municipality & none_of({"Kortrijk"})))
    @rule_meta("REG-030", sources=["S71", "S72", "S176"], uncertain=True,
               nl="Alleen centrumsteden mogen de gesubsidieerde regierol alleen opnemen; {municipality} doet "
                  "dat via een intergemeentelijke of welzijnsvereniging van minstens 60.000 inwoners. Wie de "
                  "regierol voor Zuid-West-Vlaanderen opneemt (W13 is aannemelijk), is niet bevestigd.")
    def reg_regional_regisseur_unconfirmed(self, municipality):
        """Only central cities may take up the subsidised coordinating role alone; {municipality} does so through an intermunicipal or welfare association of at least 60,000 inhabitants. Who holds the role for South West Flanders (W13 is plausible) is not confirmed.

        Condition: a starter (not an intermunicipal association) in a home-region municipality other than Kortrijk.
        Law: scale rule (S71, S72); W13 eligible as welzijnsvereniging, role unconfirmed (S176) [uncertain].
        """
        self.warn("uncertain-fact", REG)

    @Rule(Candidate(instrument=REG))
    @rule_meta("REG-031", sources=["S53", "S8", "S78"], valid_from=ALD_END, uncertain=True,
               nl="De werkingssubsidie ALD liep als overgang tot 31 december 2025; daarna volgt een nieuw "
                  "kader via het ondersteuningsdecreet, waarvan de details niet gekend zijn. Vraag de opvolger "
                  "na bij het Departement WSE.")
    def reg_ald_successor_unknown(self):
        """The ALD operating subsidy ran as a transition until 31 December 2025; afterwards a new framework follows through the support decree, whose details are not known. Check the successor with the Departement WSE.

        Condition: the regie is considered from 1 Jan 2026.
        Law: ALD transitional to 31 Dec 2025 (S53, S8); new policy cycle via the ondersteuningsdecreet (S78) [unknown].
        """
        self.warn("uncertain-fact", REG)
