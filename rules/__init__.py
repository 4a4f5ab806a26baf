"""The knowledge: one module per instrument family, each a mixin of experta rules.

``FAMILIES`` is what the engine composes. Adding a module? Add its class here.
"""
from rules.common import CommonRules
from rules.hiring_subsidies import HiringSubsidyRules
from rules.insertion import InsertionRules
from rules.labour_care import LabourCareRules
from rules.local_services import LocalServicesRules
from rules.maatwerk import MaatwerkRules
from rules.neighbourhood_work import NeighbourhoodWorkRules
from rules.ocmw_employment import OcmwEmploymentRules
from rules.service_vouchers import ServiceVoucherRules
from rules.sheltered_work import ShelteredWorkRules
from rules.work_experience import WorkExperienceRules

FAMILIES = (
    CommonRules,
    ShelteredWorkRules,       # BW, SW
    MaatwerkRules,            # MWB, MWA, IMW, VOP
    InsertionRules,           # INV
    LocalServicesRules,       # BND, LDE, REG
    LabourCareRules,          # AZ, AMA
    WorkExperienceRules,      # WEP, TWE
    OcmwEmploymentRules,      # A60, A61
    NeighbourhoodWorkRules,   # PWA, WW
    ServiceVoucherRules,      # DC
    HiringSubsidyRules,       # SINE, ACT, GES
)
