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
