"""Small git histories of the bundled sample, built at test time: a base commit, then the change under test.

`add_newpay` is a template-code commit for a third connector, `newpay`, cloned from acme_pay (its files, its GRACE
documents and every registration entry), with the shared `pub use` lists re-wrapped as rustfmt does when a list
grows: the neighbours' lines change although nothing about them does.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from .sample_copy import copy_sample, edit

CONNECTORS = "crates/hyperswitch_connectors/src/connectors"
CONNECTORS_RS = "crates/hyperswitch_connectors/src/connectors.rs"
ROUTER_CONNECTOR_RS = "crates/router/src/connector.rs"
CONFIGS = ("config/development.toml", "config/docker_compose.toml", "config/config.example.toml",
           "config/deployments/integration_test.toml", "config/deployments/sandbox.toml",
           "config/deployments/production.toml", "loadtest/config/development.toml")
CONTROL_CENTER = tuple(f"crates/connector_configs/toml/{f}.toml" for f in ("development", "sandbox", "production"))


class History:
    """A git repository holding a copy of the sample; `commit` records the working tree as it is."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def git(self, *args: str) -> str:
        return subprocess.run(["git", "-C", str(self.root), "-c", "user.name=t", "-c", "user.email=t@t",
                               "-c", "commit.gpgsign=false", *args],
                              check=True, capture_output=True, text=True).stdout.strip()

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-qm", message)
        return self.git("rev-parse", "HEAD")

    def edit(self, rel: str, old: str, new: str) -> None:
        edit(self.root, rel, old, new)


def sample_history(destination: Path) -> History:
    history = History(copy_sample(destination))
    history.git("init", "-q", "-b", "main")
    history.commit("base: the bundled sample")
    return history


def _renamed(text: str) -> str:
    return text.replace("acme_pay", "newpay").replace("AcmePay", "Newpay").replace("acmepay", "newpay")


def _copy_renamed(source: Path, target: Path) -> None:
    if source.is_dir():
        for path in sorted(source.rglob("*")):
            if path.is_file():
                out = target / _renamed(str(path.relative_to(source)))
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(_renamed(path.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        target.write_text(_renamed(source.read_text(encoding="utf-8")), encoding="utf-8")


def _after(history: History, rel: str, anchor: str, lines: int = 1) -> None:
    """Insert, after the `lines` lines starting at the unique line containing `anchor`, a renamed copy of them."""
    path = history.root / rel
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    [start] = [i for i, line in enumerate(text) if anchor in line]
    block = text[start:start + lines]
    text[start + lines:start + lines] = [_renamed(line) for line in block]
    path.write_text("".join(text), encoding="utf-8")


def add_newpay(history: History) -> None:
    """Template code for `newpay` (acme_pay's code and registration, renamed), with rustfmt re-wrapping the
    `pub use` lists of connectors.rs and router/src/connector.rs across their neighbours' lines."""
    root = history.root
    _copy_renamed(root / CONNECTORS / "acme_pay.rs", root / CONNECTORS / "newpay.rs")
    _copy_renamed(root / CONNECTORS / "acme_pay", root / CONNECTORS / "newpay")
    tests = root / "crates/router/tests/connectors"
    _copy_renamed(tests / "acme_pay.rs", tests / "newpay.rs")
    _copy_renamed(root / "grace/connector_integration/acme_pay", root / "grace/connector_integration/newpay")
    history.edit(CONNECTORS_RS, "pub mod acme_pay;\n", "pub mod acme_pay;\npub mod newpay;\n")
    history.edit(CONNECTORS_RS, "pub use self::{acme_pay::AcmePay, samplepay::Samplepay};",
                 "pub use self::{\n    acme_pay::AcmePay, newpay::Newpay,\n    samplepay::Samplepay,\n};")
    history.edit(ROUTER_CONNECTOR_RS, "    acme_pay, acme_pay::AcmePay, samplepay, samplepay::Samplepay,\n",
                 "    acme_pay, acme_pay::AcmePay, newpay, newpay::Newpay, samplepay,\n    samplepay::Samplepay,\n")
    enums = "crates/common_enums/src/connector_enums.rs"
    _after(history, enums, "    AcmePay,")
    history.edit(enums, "            Self::AcmePay\n", "            Self::AcmePay\n            | Self::Newpay\n")
    _after(history, enums, '            Self::AcmePay => "acme_pay",')
    _after(history, enums, "            Self::AcmePay,")
    euclid = "crates/euclid/src/enums.rs"
    _after(history, euclid, "    AcmePay,")
    _after(history, euclid, "Connector::AcmePay => Ok(Self::AcmePay),")
    _after(history, euclid, "RoutableConnectors::AcmePay => Self::AcmePay,")
    _after(history, "crates/router/src/types/connector_transformers.rs", "api_enums::Connector::AcmePay =>")
    _after(history, "crates/router/src/types/api/connector_mapping.rs", "enums::Connector::AcmePay => {", 3)
    _after(history, "crates/router/src/types/api/feature_matrix.rs", "enums::Connector::AcmePay => {", 3)
    _after(history, "crates/router/src/core/connector_validation.rs", "api_enums::Connector::AcmePay => {", 4)
    configs_rs = "crates/connector_configs/src/connector.rs"
    _after(history, configs_rs, "    pub acme_pay: Option<ConnectorTomlConfig>,")
    _after(history, configs_rs, 'acme_pay: read_section(config_str, "acme_pay"),')
    _after(history, configs_rs, "Connector::AcmePay => Ok(connector_data.acme_pay),")
    for rel in CONTROL_CENTER:
        _after(history, rel, "[acme_pay]", 10)  # the table, its subtables and the blank line after them
    for rel in CONFIGS:
        _after(history, rel, "acme_pay.base_url =")
    _after(history, "crates/router/tests/connectors/main.rs", "mod acme_pay;")
    _after(history, "crates/router/tests/connectors/utils.rs", "acme_pay: ConnectorParams {", 4)
    _after(history, "crates/router/tests/connectors/sample_auth.toml", "[acme_pay]", 3)
    _after(history, "crates/test_utils/src/connector_auth.rs", "    pub acme_pay: Option<HeaderKey>,")
    _after(history, "crates/test_utils/src/connector_auth.rs", 'acme_pay: header_key("acme_pay"),')
    _after(history, "crates/hyperswitch_domain_models/src/connector_endpoints.rs", "    pub acme_pay: ConnectorParams,")
    for rel in ("crates/hyperswitch_connectors/src/default_implementations.rs",
                "crates/hyperswitch_connectors/src/default_implementations_v2.rs"):
        path = root / rel
        path.write_text(re.sub(r"connectors::AcmePay(,?)\n", r"connectors::AcmePay,\n    connectors::Newpay\1\n",
                               path.read_text(encoding="utf-8")), encoding="utf-8")


def rewrap_pub_use_lists(history: History) -> None:
    """What rustfmt does to the shared lists when their width changes: new lines, no new entry."""
    history.edit(CONNECTORS_RS, "pub use self::{acme_pay::AcmePay, samplepay::Samplepay};",
                 "pub use self::{\n    acme_pay::AcmePay,\n    samplepay::Samplepay,\n};")
    history.edit(ROUTER_CONNECTOR_RS, "    acme_pay, acme_pay::AcmePay, samplepay, samplepay::Samplepay,\n",
                 "    acme_pay,\n    acme_pay::AcmePay,\n    samplepay,\n    samplepay::Samplepay,\n")


def remove(history: History, rel: str) -> None:
    path = history.root / rel
    shutil.rmtree(path) if path.is_dir() else path.unlink()
