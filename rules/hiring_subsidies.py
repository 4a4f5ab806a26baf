"""Hiring subsidies a starter combined with the social-economy instruments: SINE (social
insertion economy, to 30 June 2023, brief §3.13), Activa (federal hiring plan, to 2016,
§3.14) and GESCO (subsidised contract staff, to 2015, §3.14).

All three are staffing instruments: they are considered per worker group.

Numbering: 001-009 triggers, 010-029 conditions, 030-049 warnings, 090-099 closures.
"""
from advisor.engine.rulekit import (
    MATCH, Candidate, Group, Kind, Org, Rule, Workforce, at_least, below, one_of, rule_meta,
    unknown,
)

SINE = "sine"
ACT = "activa"
GES = "gesco"

SINE_END = "2023-07-01"          # abolished in Flanders on 1 July 2023 (S162, S8)
SINE_FLEMISH = "2015-01-01"      # attests by the regions, Flemish recognition of inschakelingsbedrijven (S160, S161)
ACT_FLEMISH_POLICY = "2016-07-01"  # Flemish target-group policy; reduced-work-capacity variant ended (S165, S15)
ACT_END = "2017-01-01"           # Activa abolished in Flanders (S165)
GES_REGULARISED = "2015-04-01"   # local-government gesco's regularised (S166)
GES_END = "2016-01-01"           # phase-out: only phase-out projects from 1 Jan 2016 (S166)

#: employers that can take part in the social insertion economy (companies only as a
#: recognised inschakelingsbedrijf)
SINE_EMPLOYERS = {"nonprofit", "social_purpose_company", "ocmw", "municipality", "intermunicipal",
                  "company", "cooperative"}
SINE_WORKER_INCOME = {"unemployment_benefit", "leefloon"}
NOT_EMPLOYER_ROLES = {"user", "host", "commissioner"}

ACT_EMPLOYERS = {"company", "cooperative", "social_purpose_company", "nonprofit", "municipality",
                 "ocmw", "intermunicipal"}
PRIVATE_EMPLOYERS = {"company", "cooperative", "social_purpose_company", "nonprofit"}

GES_EMPLOYERS = {"municipality", "ocmw", "intermunicipal", "nonprofit"}
PUBLIC_ADMINISTRATIONS = {"municipality", "ocmw", "intermunicipal"}


class HiringSubsidyRules:
    # ================================================================================
    # SINE - sociale inschakelingseconomie (to 30 June 2023)
    # ================================================================================

    @Rule(Org(legal_form=one_of(SINE_EMPLOYERS)),
          Group(id=MATCH.group, income=one_of(SINE_WORKER_INCOME), education="low"))
    @rule_meta("SINE-001", sources=["S160", "S161", "S163"], valid_until=SINE_END,
               nl="Werknemersgroep {group} (werkloosheidsuitkering of leefloon, zonder diploma hoger "
                  "secundair) kan via SINE aangeworven worden: de uitkering wordt geactiveerd als "
                  "herinschakelingsuitkering bij een werkgever uit de sociale economie.")
    def sine_low_skilled_benefit_recipients_fit(self, group):
        """Worker group {group} (unemployment benefit or leefloon, without an upper-secondary diploma) can be hired through SINE: the benefit is activated as a re-insertion allowance at a social-economy employer.

        Condition: a social-economy-type employer and a group with income unemployment_benefit or leefloon and education low; before 1 July 2023.
        Law: KB 3 mei 1999 (S160); target group (S161, S163).
        """
        self.consider(SINE, group)

    @Rule(Candidate(instrument=SINE), Kind(kind="local_services"))
    @rule_meta("SINE-010", sources=["S160", "S164", "S54"],
               nl="Werkgevers die nabijheidsdiensten of lokale diensten organiseren, zijn SINE-werkgevers: "
                  "SINE was het federale blad van de klaverbladfinanciering van de lokale diensten.")
    def sine_proximity_services_are_sine_employers(self):
        """Employers organising proximity or local services are SINE employers: SINE was the federal leaf of the clover-leaf funding of local services.

        Condition: SINE is considered for a local proximity service.
        Law: SINE employers incl. nabijheidsdiensten and LDE initiatives (S160, S164); klaverblad (S54).
        """
        self.support(SINE)

    @Rule(Candidate(instrument=SINE), Org(legal_form=MATCH.legal_form & one_of({"social_purpose_company", "ocmw"})))
    @rule_meta("SINE-011", sources=["S160", "S164"],
               nl="Een vennootschap met sociaal oogmerk of een OCMW-dienst die de principes van de sociale "
                  "economie toepast, kan SINE-werkgever zijn.")
    def sine_vso_or_ocmw_employer(self, legal_form):
        """A company with social purpose or an OCMW service applying social-economy principles can be a SINE employer.

        Condition: the legal form is VSO or OCMW.
        Law: SINE employer types (S160, S164).
        """
        self.support(SINE)

    @Rule(Candidate(instrument=SINE), Org(legal_form=MATCH.legal_form & one_of({"nonprofit", "municipality", "intermunicipal"})))
    @rule_meta("SINE-012", sources=["S160", "S164"],
               nl="Een vzw of lokaal bestuur kan SINE gebruiken voor een initiatief van de sociale economie "
                  "(sociale of beschutte werkplaats, nabijheidsdienst, lokale diensteneconomie, PWA).")
    def sine_nonprofit_or_local_government_in_social_economy(self, legal_form):
        """A vzw or local government can use SINE for a social-economy initiative (social or sheltered workshop, proximity service, local services economy, PWA).

        Condition: the legal form is vzw, municipality or intermunicipal.
        Law: recognised social-economy employers (S160, S164).
        """
        self.support(SINE)

    @Rule(Candidate(instrument=SINE), Org(legal_form=MATCH.legal_form & one_of({"company", "cooperative"})))
    @rule_meta("SINE-013", sources=["S160", "S161", "S164"],
               nl="Een gewone vennootschap kan SINE alleen gebruiken als erkend inschakelingsbedrijf "
                  "(sociale-economiewerkgever).")
    def sine_company_only_as_insertion_enterprise(self, legal_form):
        """An ordinary company can only use SINE as a recognised insertion enterprise (inschakelingsbedrijf, a social-economy employer).

        Condition: the legal form is company or cooperative.
        Law: SINE employers are recognised social-economy employers (S160, S164); Flemish recognition of inschakelingsbedrijven from 2015 (S161).
        """
        self.weaken(SINE)

    @Rule(Candidate(instrument=SINE), Org(role=MATCH.role & one_of(NOT_EMPLOYER_ROLES)))
    @rule_meta("SINE-014", sources=["S163"],
               nl="SINE past niet: het is een voordeel voor de werkgever (herinschakelingsuitkering en "
                  "RSZ-vermindering bij een SINE-arbeidsovereenkomst), en als {role} is de starter geen "
                  "werkgever van de werknemers.")
    def sine_starter_is_not_the_employer(self, role):
        """SINE does not fit: it is an advantage for the employer (re-integration allowance and social-security reduction under a SINE employment contract), and as {role} the starter is not the workers' employer.

        Condition: the starter's role is user, host or commissioner.
        Law: SINE employment contract (annex arbeidsovereenkomst SINE) and employer reduction (S163).
        """
        self.block(SINE)

    @Rule(Org(legal_form=one_of(SINE_EMPLOYERS)), Group(id=MATCH.group, education=MATCH.education & one_of({"medium", "high"})))
    @rule_meta("SINE-015", sources=["S161", "S163"], valid_until=SINE_END,
               nl="Werknemersgroep {group} heeft een diploma hoger secundair of hoger: SINE is voor wie geen "
                  "diploma hoger secundair heeft.")
    def sine_group_too_highly_educated(self, group, education):
        """Worker group {group} has an upper-secondary diploma or higher: SINE is for people without an upper-secondary diploma.

        Condition: education medium or high; before 1 July 2023.
        Law: SINE target group (S161, S163).
        """
        self.block(SINE, group)

    @Rule(Org(legal_form=one_of(SINE_EMPLOYERS)), Group(id=MATCH.group, income=MATCH.income & one_of({"disability_benefit", "none"})))
    @rule_meta("SINE-016", sources=["S161", "S163"], valid_until=SINE_END,
               nl="Werknemersgroep {group} krijgt geen werkloosheidsuitkering of leefloon: SINE activeert de "
                  "uitkering van volledig werklozen en leefloners.")
    def sine_group_without_activatable_benefit(self, group, income):
        """Worker group {group} receives no unemployment benefit or leefloon: SINE activates the benefit of fully unemployed people and leefloon recipients.

        Condition: income disability_benefit or none; before 1 July 2023.
        Law: SINE target group: UVW, leefloon or financial social aid (S161, S163).
        """
        self.block(SINE, group)

    @Rule(Candidate(instrument=SINE, group=MATCH.group), Group(id=MATCH.group, months_without_work=below(12)))
    @rule_meta("SINE-017", sources=["S161", "S163", "S160"], uncertain=True,
               nl="Werknemersgroep {group} is minder dan een jaar zonder werk: SINE vraagt een minimumperiode "
                  "van werkloosheid of steun die van de leeftijd afhangt (vermoedelijk 312 dagen in de laatste "
                  "18 maanden onder 45 jaar, korter vanaf 45); de precieze drempels zijn niet bevestigd.")
    def sine_minimum_unemployment_period_uncertain(self, group):
        """Worker group {group} has been without work for less than a year: SINE requires a minimum period of unemployment or aid that depends on age (believed to be 312 days in the last 18 months under 45, shorter from 45); the exact thresholds are not confirmed.

        Condition: a considered group with months_without_work < 12.
        Law: minimum period depending on age (S161, S163); thresholds [M] (partly S160).
        """
        self.weaken(SINE, group)

    @Rule(Org(legal_form=one_of(SINE_EMPLOYERS)), Group(id=MATCH.group, unknown=unknown("income")))
    @rule_meta("SINE-018", sources=["S161", "S163"], valid_until=SINE_END,
               nl="Niet gekend of werknemersgroep {group} een werkloosheidsuitkering of leefloon krijgt (SINE "
                  "activeert die uitkering).")
    def sine_group_income_unknown(self, group):
        """It is not known whether worker group {group} receives an unemployment benefit or leefloon (SINE activates that benefit).

        Condition: the group's income is absent; before 1 July 2023.
        Law: SINE target group (S161, S163).
        """
        self.need(f"worker_groups.{group}.income", SINE)

    @Rule(Org(legal_form=one_of(SINE_EMPLOYERS)),
          Group(id=MATCH.group, income=one_of(SINE_WORKER_INCOME), unknown=unknown("education")))
    @rule_meta("SINE-019", sources=["S161", "S163"], valid_until=SINE_END,
               nl="Niet gekend of werknemersgroep {group} een diploma hoger secundair heeft (SINE is voor wie "
                  "het niet heeft).")
    def sine_group_education_unknown(self, group):
        """It is not known whether worker group {group} has an upper-secondary diploma (SINE is for people without one).

        Condition: income unemployment_benefit or leefloon, education absent; before 1 July 2023.
        Law: SINE target group (S161, S163).
        """
        self.need(f"worker_groups.{group}.education", SINE)

    @Rule(Candidate(instrument=SINE, group=MATCH.group), Group(id=MATCH.group, unknown=unknown("months_without_work")))
    @rule_meta("SINE-020", sources=["S161", "S163"],
               nl="Niet gekend hoe lang werknemersgroep {group} al zonder werk is (SINE vraagt een "
                  "minimumperiode van werkloosheid of steun).")
    def sine_group_unemployment_duration_unknown(self, group):
        """It is not known how long worker group {group} has been without work (SINE requires a minimum period of unemployment or aid).

        Condition: a considered group with months_without_work absent.
        Law: minimum period depending on age (S161, S163).
        """
        self.need(f"worker_groups.{group}.months_without_work", SINE)

    @Rule(Candidate(instrument=SINE, group=MATCH.group))
    @rule_meta("SINE-021", sources=["S163", "S162"],
               nl="Voor werknemersgroep {group}: de werkgever krijgt een RSZ-doelgroepvermindering van 1.000 EUR "
                  "per kwartaal vanaf het kwartaal van aanwerving (minstens 11 kwartalen tot onbeperkt, volgens "
                  "de leeftijd), en betaalt een loon waarvan de herinschakelingsuitkering wordt afgetrokken.")
    def sine_employer_reduction_and_allowance(self, group):
        """For worker group {group}: the employer gets a social-security target-group reduction of 1,000 EUR per quarter from the hiring quarter (at least 11 quarters up to unlimited, depending on age), and pays a wage from which the re-insertion allowance is deducted.

        Condition: SINE is considered for the group.
        Law: RSZ reduction (S163, S162); herinschakelingsuitkering (S163).
        """
        self.support(SINE, group)

    @Rule(Candidate(instrument=SINE))
    @rule_meta("SINE-022", sources=["S163", "S160"], valid_until=SINE_FLEMISH,
               nl="Procedure: de werknemer vraagt bij de RVA een attest C63 SINE (3 maanden geldig); de "
                  "arbeidsovereenkomst krijgt een SINE-bijlage.")
    def sine_federal_attest(self):
        """Procedure: the worker asks the RVA for a C63 SINE attest (valid 3 months); the employment contract gets a SINE annex.

        Condition: SINE is considered before 1 Jan 2015 (federal attests).
        Law: attest C63 SINE, FOD WASO until 31 Dec 2014 (S163, S160).
        """
        self.support(SINE)

    @Rule(Candidate(instrument=SINE))
    @rule_meta("SINE-023", sources=["S161", "S160"], valid_from=SINE_FLEMISH,
               nl="Sinds 1 januari 2015 erkent Vlaanderen (Departement WSE) de inschakelingsbedrijven en "
                  "levert het gewest de SINE-attesten.")
    def sine_flemish_recognition(self):
        """Since 1 January 2015 Flanders (Departement WSE) recognises the insertion enterprises and the region issues the SINE attests.

        Condition: SINE is considered from 1 Jan 2015.
        Law: regionalisation of SINE (S161, S160).
        """
        self.support(SINE)

    @Rule(Org(legal_form=one_of(SINE_EMPLOYERS)),
          Group(id=MATCH.group, income=one_of(SINE_WORKER_INCOME), education="low"))
    @rule_meta("SINE-090", sources=["S162", "S8", "S24"], valid_from=SINE_END,
               nl="SINE is in Vlaanderen afgeschaft sinds 1 juli 2023: alleen tewerkstellingen die vroeger "
                  "begonnen, lopen door. Opvolger voor werknemersgroep {group}: individueel maatwerk (met een "
                  "VDAB-attest).")
    def sine_abolished_since_july_2023(self, group):
        """SINE has been abolished in Flanders since 1 July 2023: only employments that started earlier continue. Successor for worker group {group}: individueel maatwerk (with a VDAB attest).

        Condition: the SINE situation (employer type and low-skilled benefit recipients) on or after 1 July 2023.
        Law: abolition of SINE in Flanders (S162); replaced by individueel maatwerk (S8, S24).
        """
        self.block(SINE, group)
        self.warn("instrument-closed", SINE)

    # ================================================================================
    # ACT - Activa (federal hiring plan, to 31 Dec 2016)
    # ================================================================================

    @Rule(Org(legal_form=one_of(ACT_EMPLOYERS)), Group(id=MATCH.group, income="leefloon"))
    @rule_meta("ACT-001", sources=["S165"], valid_until=ACT_END,
               nl="Wie werknemersgroep {group} (leefloners) aanwerft, kan het Activa-plan gebruiken: een "
                  "RSZ-vermindering en de activering van het leefloon als werkuitkering.")
    def act_leefloon_recipients_fit_activa(self, group):
        """Whoever hires worker group {group} (leefloon recipients) can use the Activa plan: a social-security reduction and the activation of the leefloon as a work allowance.

        Condition: an employer and a group on leefloon; before 1 Jan 2017.
        Law: KB 19 dec 2001, Activa (S165).
        """
        self.consider(ACT, group)

    @Rule(Org(legal_form=one_of(ACT_EMPLOYERS)),
          Group(id=MATCH.group, income="unemployment_benefit", months_without_work=at_least(12)))
    @rule_meta("ACT-002", sources=["S165"], valid_until=ACT_END, uncertain=True,
               nl="Wie werknemersgroep {group} (langdurig werklozen) aanwerft, kan het Activa-plan gebruiken. "
                  "De precieze werkloosheidsduur die Activa vroeg, staat niet in de bronnen; 'langdurig' is hier "
                  "minstens een jaar.")
    def act_long_term_unemployed_fit_activa(self, group):
        """Whoever hires worker group {group} (long-term unemployed people) can use the Activa plan. The exact unemployment duration Activa required is not in the sources; "long-term" is taken here as at least a year.

        Condition: an employer and a group on unemployment benefit for >= 12 months; before 1 Jan 2017.
        Law: KB 19 dec 2001, Activa (S165); duration thresholds not in the sources [uncertain].
        """
        self.consider(ACT, group)

    @Rule(Candidate(instrument=ACT), Org(legal_form=MATCH.legal_form & one_of(PRIVATE_EMPLOYERS)))
    @rule_meta("ACT-010", sources=["S165"],
               nl="Activa staat open voor private werkgevers, ook vzw's.")
    def act_private_employer(self, legal_form):
        """Activa is open to private employers, vzw's included.

        Condition: the legal form is company, cooperative, VSO or vzw.
        Law: Activa employers (S165).
        """
        self.support(ACT)

    @Rule(Candidate(instrument=ACT), Org(legal_form="municipality"))
    @rule_meta("ACT-011", sources=["S165"],
               nl="Een gemeente kan Activa gebruiken voor contractuele personeelsleden.")
    def act_municipality_contract_staff(self):
        """A municipality can use Activa for contract staff.

        Condition: the legal form is municipality.
        Law: some public employers: contract staff of municipalities and provinces (S165).
        """
        self.support(ACT)

    @Rule(Candidate(instrument=ACT), Org(legal_form=MATCH.legal_form & one_of({"ocmw", "intermunicipal"})))
    @rule_meta("ACT-012", sources=["S165"], uncertain=True,
               nl="De bronnen noemen bij de openbare werkgevers alleen contractuelen van gemeenten en provincies; "
                  "of een OCMW of intergemeentelijke vereniging Activa kon gebruiken, is niet bevestigd.")
    def act_other_public_employer_unconfirmed(self, legal_form):
        """Among public employers the sources only name contract staff of municipalities and provinces; whether an OCMW or intermunicipal association could use Activa is not confirmed.

        Condition: the legal form is OCMW or intermunicipal.
        Law: Activa employers (S165) - other public employers not confirmed.
        """
        self.weaken(ACT)

    @Rule(Candidate(instrument=ACT), Org(role=MATCH.role & one_of(NOT_EMPLOYER_ROLES)))
    @rule_meta("ACT-013", sources=["S165"],
               nl="Activa past niet: het is een aanwervingsvoordeel voor de werkgever (RSZ-vermindering en "
                  "werkuitkering), en als {role} neemt de starter de werknemers niet zelf in dienst.")
    def act_starter_is_not_the_employer(self, role):
        """Activa does not fit: it is a hiring advantage for the employer (social-security reduction and work allowance), and as {role} the starter does not hire the workers itself.

        Condition: the starter's role is user, host or commissioner.
        Law: hiring plan: reduction and work allowance for the employer who hires (S165).
        """
        self.block(ACT)

    @Rule(Org(legal_form=one_of(ACT_EMPLOYERS)), Group(id=MATCH.group, income=MATCH.income & one_of({"disability_benefit", "none"})))
    @rule_meta("ACT-014", sources=["S165"], valid_until=ACT_END,
               nl="Werknemersgroep {group} krijgt geen werkloosheidsuitkering of leefloon: Activa activeert die "
                  "uitkering als werkuitkering.")
    def act_group_without_activatable_benefit(self, group, income):
        """Worker group {group} receives no unemployment benefit or leefloon: Activa activates that benefit as a work allowance.

        Condition: income disability_benefit or none; before 1 Jan 2017.
        Law: Activa target group: long-term unemployed or leefloon (S165).
        """
        self.block(ACT, group)

    @Rule(Org(legal_form=one_of(ACT_EMPLOYERS)),
          Group(id=MATCH.group, income="unemployment_benefit", months_without_work=below(12)))
    @rule_meta("ACT-015", sources=["S165"], valid_until=ACT_END, uncertain=True,
               nl="Werknemersgroep {group} is minder dan een jaar werkloos: Activa is voor langdurig werklozen "
                  "(de precieze duur staat niet in de bronnen).")
    def act_group_not_long_term_unemployed(self, group):
        """Worker group {group} has been unemployed for less than a year: Activa is for long-term unemployed people (the exact duration is not in the sources).

        Condition: unemployment benefit and months_without_work < 12; before 1 Jan 2017.
        Law: Activa target group (S165); duration [uncertain].
        """
        self.block(ACT, group)

    @Rule(Org(legal_form=one_of(ACT_EMPLOYERS)), Group(id=MATCH.group, unknown=unknown("income")))
    @rule_meta("ACT-016", sources=["S165"], valid_until=ACT_END,
               nl="Niet gekend of werknemersgroep {group} een werkloosheidsuitkering of leefloon krijgt.")
    def act_group_income_unknown(self, group):
        """It is not known whether worker group {group} receives an unemployment benefit or leefloon.

        Condition: the group's income is absent; before 1 Jan 2017.
        Law: Activa target group (S165).
        """
        self.need(f"worker_groups.{group}.income", ACT)

    @Rule(Org(legal_form=one_of(ACT_EMPLOYERS)),
          Group(id=MATCH.group, income="unemployment_benefit", unknown=unknown("months_without_work")))
    @rule_meta("ACT-017", sources=["S165"], valid_until=ACT_END,
               nl="Niet gekend hoe lang werknemersgroep {group} al werkloos is (Activa is voor langdurig werklozen).")
    def act_group_unemployment_duration_unknown(self, group):
        """It is not known how long worker group {group} has been unemployed (Activa is for long-term unemployed people).

        Condition: unemployment benefit, months_without_work absent; before 1 Jan 2017.
        Law: Activa target group (S165).
        """
        self.need(f"worker_groups.{group}.months_without_work", ACT)

    @Rule(Candidate(instrument=ACT, group=MATCH.group))
    @rule_meta("ACT-018", sources=["S165"],
               nl="Voor werknemersgroep {group}: de werkgever krijgt een vermindering van de RSZ-bijdragen en "
                  "trekt de werkuitkering (geactiveerde uitkering of leefloon) af van het loon.")
    def act_reduction_and_work_allowance(self, group):
        """For worker group {group}: the employer gets a reduction of social-security contributions and deducts the work allowance (activated benefit or leefloon) from the wage.

        Condition: Activa is considered for the group.
        Law: Activa (S165).
        """
        self.support(ACT, group)

    @Rule(Candidate(instrument=ACT, group=MATCH.group),
          Group(id=MATCH.group, work_disability=MATCH.disability & one_of({"recognised", "suspected"})))
    @rule_meta("ACT-019", sources=["S165", "S15"], valid_from=ACT_FLEMISH_POLICY,
               nl="De Activa-variant voor werknemers met een verminderde arbeidsgeschiktheid is sinds 1 juli 2016 "
                  "afgeschaft; voor werknemersgroep {group} geldt het Vlaamse doelgroepenbeleid.")
    def act_reduced_work_capacity_variant_ended(self, group, disability):
        """The Activa variant for workers with a reduced work capacity has been abolished since 1 July 2016; for worker group {group} the Flemish target-group policy applies.

        Condition: a considered group with a recognised or suspected work disability, from 1 July 2016.
        Law: reduced-work-capacity variant ended 1 Jul 2016 (S165); Flemish target-group policy (S15).
        """
        self.weaken(ACT, group)

    @Rule(Candidate(instrument=ACT))
    @rule_meta("ACT-030", sources=["S165", "S15"], valid_from=ACT_FLEMISH_POLICY, valid_until=ACT_END,
               nl="Vlaanderen voert vanaf 1 juli 2016 een eigen doelgroepenbeleid in en schaft Activa af op "
                  "1 januari 2017; voordelen voor eerdere aanwervingen lopen uiterlijk tot 31 december 2018.")
    def act_transition_to_flemish_target_group_policy(self):
        """Flanders introduces its own target-group policy from 1 July 2016 and abolishes Activa on 1 January 2017; benefits for earlier hires run until 31 December 2018 at the latest.

        Condition: Activa is considered, 1 July 2016 - 31 Dec 2016.
        Law: regionalised target-group policy (S15); abolition of Activa (S165).
        """
        self.warn("transition", ACT)

    @Rule(Org(legal_form=one_of(ACT_EMPLOYERS)), Group(id=MATCH.group, income="leefloon"))
    @rule_meta("ACT-090", sources=["S165", "S15"], valid_from=ACT_END,
               nl="Activa is in Vlaanderen volledig afgeschaft sinds 1 januari 2017. Er is geen rechtstreekse "
                  "opvolger; het Vlaamse doelgroepenbeleid (sinds 1 juli 2016) en, voor leefloners, art. 60 "
                  "binnen tijdelijke werkervaring kunnen helpen.")
    def act_abolished_for_leefloon_recipients(self, group):
        """Activa has been fully abolished in Flanders since 1 January 2017. There is no direct successor; the Flemish target-group policy (since 1 July 2016) and, for leefloon recipients, art. 60 within temporary work experience can help.

        Condition: an employer and a group on leefloon on or after 1 Jan 2017.
        Law: abolition of Activa (S165); Flemish target-group policy (S15, content [M]).
        """
        self.block(ACT, group)
        self.warn("instrument-closed", ACT)

    @Rule(Org(legal_form=one_of(ACT_EMPLOYERS)),
          Group(id=MATCH.group, income="unemployment_benefit", months_without_work=at_least(12)))
    @rule_meta("ACT-091", sources=["S165", "S15"], valid_from=ACT_END,
               nl="Activa is in Vlaanderen volledig afgeschaft sinds 1 januari 2017. Er is geen rechtstreekse "
                  "opvolger; het Vlaamse doelgroepenbeleid (sinds 1 juli 2016) en tijdelijke werkervaring kunnen "
                  "helpen voor langdurig werklozen.")
    def act_abolished_for_long_term_unemployed(self, group):
        """Activa has been fully abolished in Flanders since 1 January 2017. There is no direct successor; the Flemish target-group policy (since 1 July 2016) and temporary work experience can help for long-term unemployed people.

        Condition: an employer and a group on unemployment benefit for >= 12 months, on or after 1 Jan 2017.
        Law: abolition of Activa (S165); Flemish target-group policy (S15, content [M]).
        """
        self.block(ACT, group)
        self.warn("instrument-closed", ACT)

    # ================================================================================
    # GES - GESCO, gesubsidieerde contractuelen (to 31 Dec 2015)
    # ================================================================================

    @Rule(Org(legal_form=one_of(GES_EMPLOYERS)), Group(id=MATCH.group))
    @rule_meta("GES-001", sources=["S166"], valid_until=GES_END,
               nl="Een openbaar bestuur of een vzw met een sociaal, humanitair of cultureel doel kan "
                  "werknemersgroep {group} tewerkstellen als gesubsidieerde contractuelen (gesco).")
    def ges_subsidised_contract_staff(self, group):
        """A public administration or a vzw with a social, humanitarian or cultural aim can employ worker group {group} as subsidised contract staff (gesco).

        Condition: a public administration or vzw with a worker group; before 1 Jan 2016.
        Law: BVR 27 okt 1993 / KB 474 (1986), gesco (S166).
        """
        self.consider(GES, group)

    @Rule(Candidate(instrument=GES), Org(legal_form=MATCH.legal_form & one_of(PUBLIC_ADMINISTRATIONS)))
    @rule_meta("GES-010", sources=["S166"],
               nl="Openbare besturen (gemeente, OCMW, intergemeentelijke vereniging) kunnen gesco's tewerkstellen.")
    def ges_public_administration(self, legal_form):
        """Public administrations (municipality, OCMW, intermunicipal association) can employ gesco staff.

        Condition: the legal form is municipality, OCMW or intermunicipal.
        Law: gesco employers (S166).
        """
        self.support(GES)

    @Rule(Candidate(instrument=GES), Org(legal_form="nonprofit"))
    @rule_meta("GES-011", sources=["S166"],
               nl="Een vzw kan gesco's tewerkstellen als ze een sociaal, humanitair of cultureel doel heeft.")
    def ges_nonprofit_with_social_aim(self):
        """A vzw can employ gesco staff if it has a social, humanitarian or cultural aim.

        Condition: the legal form is nonprofit.
        Law: gesco employers (S166).
        """
        self.support(GES)

    @Rule(Org(legal_form=MATCH.legal_form & one_of({"company", "cooperative", "social_purpose_company"})),
          Workforce(groups=at_least(1)))
    @rule_meta("GES-012", sources=["S166"], valid_until=GES_END,
               nl="Een vennootschap kan geen gesco's tewerkstellen: dat kunnen alleen openbare besturen en vzw's "
                  "met een sociaal, humanitair of cultureel doel.")
    def ges_company_cannot_employ_gesco(self, legal_form):
        """A company cannot employ gesco staff: only public administrations and vzw's with a social, humanitarian or cultural aim can.

        Condition: the legal form is company, cooperative or VSO, with worker groups; before 1 Jan 2016.
        Law: gesco employers (S166).
        """
        self.block(GES)

    @Rule(Candidate(instrument=GES))
    @rule_meta("GES-013", sources=["S166"], uncertain=True,
               nl="Gesco's worden verdeeld binnen een contingent; er was weinig ruimte voor nieuwe starters, en "
                  "een plaats hangt af van wat beschikbaar is.")
    def ges_contingent_limits_new_starters(self):
        """Gesco posts are allocated within a contingent; there was little room for new starters, and a post depends on what is available.

        Condition: gesco is considered.
        Law: contingent of subsidised contract staff (S166); room for new starters [M].
        """
        self.weaken(GES)

    @Rule(Candidate(instrument=GES), Org(role=MATCH.role & one_of(NOT_EMPLOYER_ROLES)))
    @rule_meta("GES-014", sources=["S166"],
               nl="Gesco past niet: gesco's zijn gesubsidieerde contractuelen in dienst van de werkgever (een "
                  "bestuur of vzw), en als {role} is de starter geen werkgever van de werknemers.")
    def ges_starter_is_not_the_employer(self, role):
        """Gesco does not fit: gesco staff are subsidised contract staff employed by the employer (an administration or vzw), and as {role} the starter is not the workers' employer.

        Condition: the starter's role is user, host or commissioner.
        Law: subsidised contract staff of public administrations and vzw's (S166).
        """
        self.block(GES)

    @Rule(Candidate(instrument=GES), Org(legal_form=one_of({"municipality", "ocmw"})))
    @rule_meta("GES-030", sources=["S166"], valid_from=GES_REGULARISED, valid_until=GES_END,
               nl="Sinds 1 april 2015 worden de gesco's van lokale besturen geregulariseerd (een premie van 95 % "
                  "van de loonpremies van 2013 plus doelgroepverminderingen); nieuwe gesco-plaatsen zijn niet te "
                  "verwachten.")
    def ges_local_government_gesco_regularised(self):
        """Since 1 April 2015 the gesco posts of local governments are being regularised (a premium of 95 % of the 2013 wage premiums plus target-group reductions); new gesco posts are not to be expected.

        Condition: a municipality or OCMW, 1 April 2015 - 31 Dec 2015.
        Law: regularisation of local-government gesco's (S166).
        """
        self.weaken(GES)
        self.warn("transition", GES)

    @Rule(Org(legal_form=one_of(GES_EMPLOYERS)), Group(id=MATCH.group))
    @rule_meta("GES-090", sources=["S166"], valid_from=GES_END,
               nl="Het gesco-stelsel wordt sinds 1 januari 2016 afgebouwd: er lopen alleen nog uitdovende "
                  "projecten, zonder nieuwe plaatsen. Er is geen opvolger voor nieuwe starters.")
    def ges_phased_out_since_2016(self, group):
        """The gesco system has been phased out since 1 January 2016: only phase-out projects remain, without new posts. There is no successor for new starters.

        Condition: a public administration or vzw with a worker group on or after 1 Jan 2016.
        Law: gesco reform 2014-2019: phase-out projects only since 1 Jan 2016 (S166).
        """
        self.block(GES, group)
        self.warn("instrument-closed", GES)
