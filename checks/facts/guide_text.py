"""What the guide (shared/guide/connector_integration_guide.md) says, where a rule compares it with the tree.

These are the guide's words, encoded once; facts about Hyperswitch itself are always read from the target.
"""

from __future__ import annotations

# "9. Outdated ErrorResponse examples - Make sure to include all fields:" and the nine it lists.
GUIDE_ERROR_RESPONSE_FIELDS = (
    "code", "message", "reason", "status_code", "attempt_status", "connector_transaction_id",
    "network_decline_code", "network_advice_code", "network_error_message",
)
# "Use `crate::utils::ExtTraits` for extended trait functionality" (pitfall 2) and the import list.
GUIDE_EXT_TRAITS = ("crate::utils", "ExtTraits")
# "use masking::{ExposeInterface, PeekInterface, Secret};" in "Memorize the below types".
GUIDE_MASKING_CRATE = "masking"
