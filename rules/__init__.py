"""The knowledge: one module per instrument family, each a mixin of experta rules.

``FAMILIES`` is what the engine composes. Adding a module? Add its class here.
"""
from rules.common import CommonRules
from rules.service_vouchers import ServiceVoucherRules

FAMILIES = (
    CommonRules,
    ServiceVoucherRules,
)
