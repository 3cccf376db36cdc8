"""Rules of the pitfall area (registered in checks/rules.py): the guide's nine "Common Issues to Avoid"."""

from __future__ import annotations

from . import imports, pitfall_1, pitfall_3, pitfall_4, pitfall_5, pitfall_6, pitfall_7, pitfall_8, pitfall_9
from .rule import Rule

RULES: list[Rule] = [
    Rule("pitfall-1", "error",
         "Use `PaymentsCancelData` for cancel operations, not `PaymentsCaptureData`.",
         pitfall_1.check_void_types),
    Rule("pitfall-2", "error",
         "Import `RouterData` from hyperswitch_domain_models::router_data, `base64::Engine` for base64, the "
         "ext traits from common_utils::ext_traits and `crate::utils::RefundsRequestData` for refunds.",
         imports.check_all),
    Rule("pitfall-3", "error",
         "PaymentReject, PaymentApprove and PaymentAuthorizeSessionToken get their default implementation exactly "
         "once: from their default_imp_for_* macro or from the connector.",
         pitfall_3.check_default_integrations),
    Rule("pitfall-4", "error",
         "Mind the AmountConvertor (MinorUnit vs StringMajorUnit): the converter's Output is the amount type of "
         "the connector's RouterData and request structs, and amounts are never scaled by hand.",
         pitfall_4.check_amount_conversion),
    Rule("pitfall-5", "error",
         "A request field carrying the card number is `cards::CardNumber` (Hyperswitch's type), not "
         "`Secret<String>`.",
         pitfall_5.check_card_number_type),
    Rule("pitfall-6", "error",
         "Use `get_ip_address_as_optional()`, not `get_optional_ip()`: call only helper methods the target defines.",
         pitfall_6.check_helper_methods),
    Rule("pitfall-7", "error",
         "Use `customer_id`, not `connector_customer`: read only fields the flow's request data struct declares.",
         pitfall_7.check_request_fields),
    Rule("pitfall-8", "error",
         "The connector is in the Connectors struct and its base_url() reads `connectors.<its name>.base_url`.",
         pitfall_8.check_base_url),
    Rule("pitfall-9", "error",
         "Every ErrorResponse literal includes all the fields of the target's ErrorResponse (or "
         "`..Default::default()`).",
         pitfall_9.check_error_response_fields),
]
