"""Where things live in a Hyperswitch checkout: the few paths the harness starts from.

Everything else (connector names, flow types, macro names) is read from these files, not assumed.
"""

from __future__ import annotations

CONNECTORS_RS = "crates/hyperswitch_connectors/src/connectors.rs"
CONNECTORS_DIR = "crates/hyperswitch_connectors/src/connectors"
DEFAULT_IMPLEMENTATIONS_RS = "crates/hyperswitch_connectors/src/default_implementations.rs"
INTERFACES_API_RS = "crates/hyperswitch_interfaces/src/api.rs"
INTERFACES_API_DIR = "crates/hyperswitch_interfaces/src/api"
INTERFACES_TYPES_RS = "crates/hyperswitch_interfaces/src/types.rs"
GRACE_DIR = "grace/connector_integration"


def connector_main_file(name: str) -> str:
    return f"{CONNECTORS_DIR}/{name}.rs"


def connector_folder(name: str) -> str:
    return f"{CONNECTORS_DIR}/{name}"


def plan_candidates(name: str) -> list[str]:
    """The GRACE plan document: the folder layout first, then the older flat one."""
    return [f"{GRACE_DIR}/{name}/{name}_plan.md", f"{GRACE_DIR}/{name}_plan.md"]


def spec_candidates(name: str) -> list[str]:
    return [f"{GRACE_DIR}/{name}/{name}_specs.md", f"{GRACE_DIR}/{name}_specs.md"]

# Registration points outside the connector folder. Each is found by what it is (facts/locations.py): these paths
# are where the current tree keeps them, tried first; the older places Hyperswitch kept them in follow, and
# failing all of those the item is searched for under its crate.
ROUTER_CONNECTOR_RS = "crates/router/src/connector.rs"
CONNECTOR_ENDPOINTS_RS = "crates/hyperswitch_domain_models/src/connector_endpoints.rs"
CONNECTOR_ENUMS_RS = "crates/common_enums/src/connector_enums.rs"
EUCLID_ENUMS_RS = "crates/euclid/src/enums.rs"
CONNECTOR_TRANSFORMERS_RS = "crates/router/src/types/connector_transformers.rs"
CONNECTOR_VALIDATION_RS = "crates/router/src/core/connector_validation.rs"
CONNECTOR_MAPPING_RS = "crates/router/src/types/api/connector_mapping.rs"
FEATURE_MATRIX_RS = "crates/router/src/types/api/feature_matrix.rs"
# Where each point lived before (trees of mid-2025): tried after the current place, before a crate-wide search.
FORMER_LOCATIONS: dict[str, tuple[str, ...]] = {
    CONNECTOR_ENDPOINTS_RS: ("crates/hyperswitch_domain_models/src/configs.rs",),
    EUCLID_ENUMS_RS: (CONNECTOR_ENUMS_RS,),  # RoutableConnectors lived in common_enums until 2025-12
    CONNECTOR_TRANSFORMERS_RS: ("crates/router/src/types/transformers.rs",),
    CONNECTOR_VALIDATION_RS: ("crates/router/src/core/admin.rs",),
    CONNECTOR_MAPPING_RS: ("crates/router/src/types/api.rs",),
}
# The crate each point belongs to: where it is searched for when no known place has it.
ROUTER_CRATE = "crates/router/src"
CRATES = "crates"
CONNECTOR_CONFIGS_RS = "crates/connector_configs/src/connector.rs"
CONNECTOR_CONFIGS_TOML_DIR = "crates/connector_configs/toml"
DEFAULT_IMPLEMENTATIONS_V2_RS = "crates/hyperswitch_connectors/src/default_implementations_v2.rs"
ROUTER_TESTS_MAIN_RS = "crates/router/tests/connectors/main.rs"
TEST_AUTH_RS = "crates/test_utils/src/connector_auth.rs"
SAMPLE_AUTH_TOML = "crates/router/tests/connectors/sample_auth.toml"
INTERFACES_SRC = "crates/hyperswitch_interfaces/src"
# Where deployable configs live; the ones that carry a [connectors] table are found by reading them.
CONFIG_DIRS = ("config", "loadtest/config")
# The configs whose `[connectors]` base URLs a tech spec's sandbox and live base URLs are compared with.
DEVELOPMENT_TOML = "config/development.toml"
PRODUCTION_TOML = "config/deployments/production.toml"
CONNECTOR_TEMPLATE_RS = "connector-template/mod.rs"
ADD_CONNECTOR_SCRIPT = "scripts/add_connector.sh"
COMMON_ENUMS_SRC = "crates/common_enums/src"
ROUTER_DATA_RS = "crates/hyperswitch_domain_models/src/router_data.rs"
CONNECTORS_UTILS_RS = "crates/hyperswitch_connectors/src/utils.rs"
EXT_TRAITS_RS = "crates/common_utils/src/ext_traits.rs"

# The domain model and the types connectors build on (read by facts/target_types.py).
DOMAIN_SRC = "crates/hyperswitch_domain_models/src"


REQUEST_TYPES_RS = f"{DOMAIN_SRC}/router_request_types.rs"


REQUEST_TYPES_DIR = f"{DOMAIN_SRC}/router_request_types"


DOMAIN_TYPES_RS = f"{DOMAIN_SRC}/types.rs"
# The domain's payment method data (card fields) and the cards crate (the masked card-number types).
PAYMENT_METHOD_DATA_RS = f"{DOMAIN_SRC}/payment_method_data.rs"
CARDS_SRC = "crates/cards/src"


CONNECTORS_TYPES_RS = "crates/hyperswitch_connectors/src/types.rs"


COMMON_TYPES_RS = "crates/common_utils/src/types.rs"
# Where `RouterData` aliases live: the domain's, the connectors crate's own, and the `dyn` integration aliases.


ALIAS_FILES = (DOMAIN_TYPES_RS, CONNECTORS_TYPES_RS, INTERFACES_TYPES_RS)
