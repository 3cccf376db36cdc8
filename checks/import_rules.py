"""Rules of the import area (registered in checks/rules.py): guide pitfall 2 and its "Memorize the below types"."""

from __future__ import annotations

from . import imports
from .rule import Rule

RULES: list[Rule] = [
    Rule("imports.resolve", "error",
         "Every `use crate::…` / `use hyperswitch_domain_models::…` (any workspace crate) names an item the target "
         "declares or re-exports; `crate::utils::ExtTraits` does not exist, the helpers are in "
         "`common_utils::ext_traits`.",
         imports.CHECKS["imports.resolve"]),
    Rule("imports.router-data", "error",
         "Use `RouterData` from `hyperswitch_domain_models::router_data::RouterData`; the helper trait "
         "`crate::utils::RouterData` is imported as `RouterData as _` or `as OtherRouterData`.",
         imports.CHECKS["imports.router-data"]),
    Rule("imports.base64-engine", "error",
         "Import `base64::Engine` for base64 encoding operations (`BASE64_ENGINE.encode(..)`).",
         imports.CHECKS["imports.base64-engine"]),
    Rule("imports.refunds-request-data", "error",
         "Use `crate::utils::RefundsRequestData` for refund operations (`req.request.get_connector_refund_id()`).",
         imports.CHECKS["imports.refunds-request-data"]),
]
