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
