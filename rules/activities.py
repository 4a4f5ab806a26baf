"""Activity and customer lists that the law or practice attaches to instruments.

Each set names the list of the brief it encodes; the activity ids are those of the case
format (shared/contract/case-format.md).
"""

#: Service vouchers, Flemish list: in the user's home cleaning, washing and ironing, mending,
#: preparing meals; outside it daily shopping, ironing in a strijkatelier, accompanied
#: transport of persons with reduced mobility (brief §3.12, S150, S154, S147).
SERVICE_VOUCHER_ACTIVITIES = frozenset({
    "home_cleaning", "ironing", "laundry", "meals_at_home", "daily_shopping",
    "transport_reduced_mobility",
})

#: PWA (S126, S127) and wijk-werken (S140, S141): small repairs refused by professionals, small
#: garden work, supervision and accompaniment, administrative help, event help, logistic
#: tasks, seasonal work in agriculture and horticulture.
SMALL_JOB_ACTIVITIES = frozenset({
    "small_repairs", "small_garden_work", "supervision", "administrative_help",
    "event_logistics", "odd_job_service", "agriculture_seasonal",
})

#: Who may use PWA / wijk-werken: private persons, local governments, schools, vzw's and
#: non-commercial associations, agriculture and horticulture; not companies (S130, S141).
SMALL_JOB_USERS = frozenset({"households", "local_government", "schools", "nonprofits", "agriculture"})

#: Local (proximity) services of the BND/LDE tradition: supplementary home care and logistic
#: home help, neighbourhood childcare, transport and shopping services, energy scans, bike
#: points, social restaurants, odd-job services, ecological green maintenance, path and
#: playground maintenance, cleaning up litter (brief §3.6, S54, S63, S69; seed text).
LOCAL_SERVICE_ACTIVITIES = frozenset({
    "home_care_support", "childcare", "out_of_school_care", "transport_reduced_mobility",
    "daily_shopping", "energy_saving", "bike_point", "social_restaurant", "odd_job_service",
    "small_repairs", "green_maintenance", "litter_cleanup", "home_cleaning", "ironing",
    "laundry", "meals_at_home",
})

#: Market production and services of sheltered / social workshops and maatwerk: subcontracting,
#: printing, green maintenance, cleaning, re-use, catering and social restaurants, bike
#: repair, construction and renovation, ironing shops (brief §3.1-3.3, S14, S18, S22, S43).
PRODUCTION_ACTIVITIES = frozenset({
    "production_subcontracting", "green_maintenance", "reuse_repair", "catering",
    "social_restaurant", "bike_point", "building_renovation", "home_cleaning", "ironing",
    "laundry", "litter_cleanup",
})

#: Work-like activities without production pressure: group green work, odd jobs, workshops,
#: kitchen work (brief §3.8, S93).
LABOUR_CARE_ACTIVITIES = frozenset({
    "day_activities", "green_maintenance", "small_garden_work", "odd_job_service",
    "production_subcontracting", "catering", "reuse_repair",
})

#: Services of local practice that no activity list of the brief names: a social grocery
#: (sociale kruidenier) and meal distribution (maaltijdbedeling). The brief's definition of
#: nabijheidsdiensten (services that improve living conditions or meet local collective needs,
#: S167) may cover them, but its examples of local services do not name them (§3.6: social
#: restaurants and supplementary home care come nearest, S54, S63, S69), so the rules read them
#: as local services only as an uncertain reading (SVC-007, SVC-010). They are not on the
#: service-voucher list (§3.12: preparing meals *in the user's home*, daily shopping *for* the
#: user; DC-007), nor on the PWA / wijk-werken lists, the maatwerk examples or the labour-care
#: activities; the brief says nothing about them there, so no rule reads them so.
UNLISTED_LOCAL_ACTIVITIES = frozenset({"social_grocery", "meal_distribution"})

#: "Something else" (described in service.other_activity): on no list, so no activity rule
#: can use it; the rules say which instruments then stay unjudged (GEN-010 to GEN-012).
OTHER_ACTIVITY = "other"

#: The instruments that only an activity rule brings in (through a kind of service derived by
#: SVC-001 to SVC-004 or SVC-007); every other instrument is considered because of the
#: organisation or the workers, whatever the activity (labour care also for day_activities).
ACTIVITY_INSTRUMENTS = (
    "dienstencheques", "pwa", "wijk-werken", "buurt-en-nabijheidsdiensten", "lokale-diensteneconomie",
    "lokale-regie", "invoegbedrijf",
)
