"""Guide pitfall 4, by data flow: when every AmountConvertor of the connector yields a major unit
(StringMajorUnit, FloatMajorUnit), no request field is fed the router's minor-unit amount directly
(`router_data.request.minor_amount.get_amount_as_i64() as f64`, `minor_amount.to_string()`): the PSP would receive
100 times the amount. It compiles (the field is declared `f64`/`String`/`i64`), which is why this rule exists;
the literal `* 100` is pitfall-4's own arithmetic check, so one mistake is one finding.

Connectors whose converter yields a minor unit send the same number either way, and connectors without a
converter have nothing to compare with: neither is flagged.
"""

from __future__ import annotations

import re

from ...core.finding import Finding
from ...core.rule import Rule
from ...facts.data_flow import Site, Taint, amount_converters, connector_code, flow_sites, fn_params
from ...target.repository import Repository
from ...target.rust import last_segment
from ...target.rust_syntax import enclosing, norm

# Plain slots a hand-fed amount lands in (the unit types themselves are private constructors: E0308 otherwise).
AMOUNT_SLOTS = frozenset({"String", "i64", "u64", "i32", "u32", "f64", "f32", "MinorUnit"})


def _wrapper_parameter(repo: Repository, name: str, site: Site) -> str | None:
    """The enclosing fn's parameter typed with the connector's amount wrapper (`XRouterData<T> { amount,
    router_data }`), whose `amount` already holds the converter's output."""
    code = connector_code(repo, name)
    function = enclosing(site.view.context(site.node), "function_item")
    for pname, ptype in fn_params(function)[0] if function is not None else ():
        for ident in ptype.find_all(kind="type_identifier") if ptype is not None else []:
            declared = code.struct(ident.text(), site.rel)
            if declared is not None and {"amount", "router_data"} <= set(declared.named):
                return pname
    return None


def check_raw_minor_amounts(repo: Repository, name: str) -> list[Finding]:
    """A request field fed `…request.<minor amount>` while the connector's converters all yield a major unit."""
    converters = amount_converters(repo, name)
    outputs = sorted({output for _, _, output in converters})
    if not outputs or not all("Major" in output for output in outputs):
        return []
    shown = ", ".join(sorted({f"{output} ({rel}:{line})" for rel, line, output in converters}))
    findings = []
    for site in flow_sites(repo, name):
        if not isinstance(site.value, Taint) or site.value.data != "minor":
            continue
        if last_segment(re.sub(r"^Option<(.*)>$", r"\1", site.declared)) not in AMOUNT_SLOTS:
            continue
        wrapper = _wrapper_parameter(repo, name, site)
        output = outputs[0]
        if wrapper is not None:
            hint = (f"pass `{wrapper}.amount` (the converter's {output}, filled by convert_amount in "
                    f"get_request_body) and declare `{site.slot}: {output},` in {site.target.name}")
        else:
            hint = (f"convert it with `utils::convert_amount(self.amount_converter, {site.value.origin}, <currency>)`"
                    f" in get_request_body, hand it in through the connector's RouterData wrapper and declare "
                    f"`{site.slot}: {output},` in {site.target.name}")
        findings.append(Finding(
            RULE.id, site.rel, site.line,
            f"{site.slot_name} (`{site.declared}`) is fed `{site.value.origin}` (`{norm(site.node.text())[:100]}`),"
            f" the router's amount in minor units, but the connector's converters yield {shown}: the PSP "
            "receives 100 times the amount",
            hint, {"source": site.value.origin, "declared": site.declared, "outputs": outputs}))
    return sorted(findings, key=lambda f: (f.file, f.line))


RULE = Rule(
    id="pitfall-4.raw-minor",
    severity="error",
    title="A major-unit connector never sends the router's minor-unit amount as is",
    guide="Mind the AmountConvertor (MinorUnit vs StringMajorUnit): every request amount comes from the "
          "converter when it yields a major unit.",
    check=check_raw_minor_amounts,
    tags=("pitfall-4",),
)
