"""The spec and plan readers (facts/spec_reading.py, facts/plan_reading.py) on documents written from scratch, three
dialects each (template tables, GRACE techspec sections, hand-written notes), plus negative cases.

Connectors, resources and wording are invented (Wombat Pay, Numbat, Kiwi); no GRACE text is copied. Line numbers are
asserted through `line_of`, which also checks that the anchor text is unique in its fixture.
"""

from __future__ import annotations

import pytest
from connector_compliance.checks.facts.plan_reading import flows_named, read_plan, status_of
from connector_compliance.checks.facts.spec_reading import (
    FLOWS,
    absolute_path,
    classify_operation,
    environment_of,
    normalize_path,
    read_base_urls,
    read_endpoints,
    read_spec,
)


def line_of(text: str, needle: str, nth: int = 1) -> int:
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) >= nth, f"{needle!r} not found {nth} time(s)"
    if nth == 1:
        assert len(hits) == 1, f"{needle!r} is on lines {hits}; use a unique anchor or nth"
    return hits[nth - 1]


# ---------------------------------------------------------------------------------------------------------------
# Spec dialect 1: the HS template's tables

TEMPLATE_SPEC = """\
# Wombat Pay Connector Integration Technical Specification

## 1. Connector Overview

### 1.1 Basic Information
- **Connector Name**: wombatpay
- **Base URL**: `https://api.wombat.test/v3`
- **API Documentation**: https://docs.wombat.test/reference
- **Supported Currencies**: AUD, NZD

## 2. API Endpoints

### 2.1 Payment Operations
| Operation | Method | Endpoint | Purpose |
|-----------|--------|----------|---------|
| Open Charge | POST | `/charges` | Reserve funds, or take them at once when `settle=true` |
| Settle Charge | POST | /charges/{charge_ref}/capture | Move reserved funds to the merchant |
| Drop Charge | DELETE | /charges/{charge_ref} | Release funds before settlement (Void) |
| Look Up Charge | GET | /charges/{charge_ref} | Current state of one charge |
| List Charges | GET | /charges | Search charges by date |

### 2.2 Refund Operations
| Operation | Method | Endpoint | Purpose |
|---|---|---|---|
| Give Money Back | POST | /charges/{charge_ref}/refunds | Partial or full refund of a settled charge |
| Refund Status | GET | /refunds/{refund_ref} | Poll one refund |

## 3. Data Models

### 3.3 Status Mappings
Charge states (Authorize, PSync, Capture, Void):

| Connector Status | Hyperswitch Status | Description |
|------------------|--------------------|-------------|
| HELD | Authorized | Reserved |
| SETTLED | Charged | Funds moved |
| DROPPED | Voided | Released |

Refund states:

| Connector Status | Hyperswitch Status | Description |
|------------------|--------------------|-------------|
| PAID_BACK | Success | Money returned |
"""


def test_template_base_url_inline() -> None:
    reading = read_spec(TEMPLATE_SPEC)
    [base] = reading.base_urls
    assert (base.environment, base.url, base.line, base.form) == (
        "unknown", "https://api.wombat.test/v3", line_of(TEMPLATE_SPEC, "**Base URL**"), "inline")
    assert not base.placeholder
    # A lone unlabelled base URL serves both environments; the documentation link is not a base URL.
    assert reading.base_url("sandbox") == reading.base_url("live") == base


def test_template_endpoints_from_tables() -> None:
    endpoints = read_endpoints(TEMPLATE_SPEC)
    got = [(e.method, e.path, e.line, e.operation, e.form) for e in endpoints]
    assert got == [
        ("POST", "/charges", line_of(TEMPLATE_SPEC, "| Open Charge"), "Open Charge", "table"),
        ("POST", "/charges/{charge_ref}/capture", line_of(TEMPLATE_SPEC, "| Settle Charge"), "Settle Charge", "table"),
        ("DELETE", "/charges/{charge_ref}", line_of(TEMPLATE_SPEC, "| Drop Charge"), "Drop Charge", "table"),
        ("GET", "/charges/{charge_ref}", line_of(TEMPLATE_SPEC, "| Look Up Charge"), "Look Up Charge", "table"),
        ("GET", "/charges", line_of(TEMPLATE_SPEC, "| List Charges"), "List Charges", "table"),
        ("POST", "/charges/{charge_ref}/refunds", line_of(TEMPLATE_SPEC, "| Give Money Back"), "Give Money Back",
         "table"),
        ("GET", "/refunds/{refund_ref}", line_of(TEMPLATE_SPEC, "| Refund Status"), "Refund Status", "table"),
    ]
    assert all(e.heading_line == line_of(TEMPLATE_SPEC, e.heading) for e in endpoints)


def test_template_flows_by_meaning() -> None:
    flows = read_spec(TEMPLATE_SPEC).flows
    expect = {
        "authorize": ("| Open Charge", "high"),
        "capture": ("| Settle Charge", "high"),
        "cancel": ("| Drop Charge", "explicit"),  # "(Void)" in Purpose, and DELETE may void
        "psync": ("| Look Up Charge", "high"),
        "refund": ("| Give Money Back", "medium"),  # only the Purpose says "refund"
        "rsync": ("| Refund Status", "high"),
    }
    for flow, (anchor, confidence) in expect.items():
        match = flows[flow]
        assert match.endpoint is not None, flow
        assert (match.endpoint.line, match.confidence) == (line_of(TEMPLATE_SPEC, anchor), confidence), flow
        assert match.reason
    # "List Charges" serves no flow: listing is not a payment sync.
    assert all(m.endpoint is None or m.endpoint.operation != "List Charges" for m in flows.values())
    assert {f for f, m in flows.items() if not m.matched} == {"preprocessing", "tokenization", "access_token"}


def test_template_status_mappings() -> None:
    mappings = read_spec(TEMPLATE_SPEC).status_mappings
    got = [(m.connector_status, m.enum, m.target, m.line) for m in mappings]
    assert got == [
        ("HELD", "AttemptStatus", "Authorized", line_of(TEMPLATE_SPEC, "| HELD")),
        ("SETTLED", "AttemptStatus", "Charged", line_of(TEMPLATE_SPEC, "| SETTLED")),
        ("DROPPED", "AttemptStatus", "Voided", line_of(TEMPLATE_SPEC, "| DROPPED")),
        ("PAID_BACK", "RefundStatus", "Success", line_of(TEMPLATE_SPEC, "| PAID_BACK")),
    ]


# ---------------------------------------------------------------------------------------------------------------
# Spec dialect 2: GRACE section style (techspec workflow output)

SECTION_SPEC = """\
# Numbat Payments API Documentation

---

## Connector Information

**Connector Name:** Numbat

**Base URLs:**
- **Sandbox:** `https://sandbox.numbat.test`
- **Live (Production):** `https://api.numbat.test`

**Additional URLs:**
- **Documentation:** `https://docs.numbat.test`

---

## Complete Endpoint Inventory

### 1. Place a Hold

**Endpoint:** `POST /holds`

**Description:** Places a hold on the buyer's card for the given amount.

**cURL Example:**
```bash
curl -X POST \\
  https://sandbox.numbat.test/holds \\
  -H 'Content-Type: application/json' \\
  -d '{"amount": 500}'
```

### 2. Retrieve a Hold

**Endpoint:** `GET /holds/{hold_id}`

### 3. Collect a Hold

**Endpoint:** `PATCH /holds/{hold_id}`

**Description:** Collects (captures) the held funds.

### 4. Release a Hold

**Endpoint:** `PATCH /holds/{hold_id}/release`

### 5. List Holds

**Endpoint:** `GET /holds`

---

## Other Resource Endpoints Mentioned

### Settlements
- `POST /settlements/{settlement_id}/reversals`
- `GET /settlements/{settlement_id}/reversals`

---

## Flow Categories

- **Hold Creation:** `POST /holds` - places a hold
- **Money back:** through settlement reversals

## Environment Variables/Settings

### Sandbox Environment
- **Base URL:** `https://sandbox.numbat.test`
- **Purpose:** trying things out
"""


def test_section_base_urls_list_and_environment_heading() -> None:
    bases = read_base_urls(SECTION_SPEC)
    got = [(b.environment, b.url, b.line, b.form, b.label) for b in bases]
    assert got == [
        ("sandbox", "https://sandbox.numbat.test", line_of(SECTION_SPEC, "- **Sandbox:**"), "list", "Sandbox"),
        ("live", "https://api.numbat.test", line_of(SECTION_SPEC, "- **Live (Production):**"), "list",
         "Live (Production)"),
        ("sandbox", "https://sandbox.numbat.test", line_of(SECTION_SPEC, "- **Base URL:**"), "inline",
         "Sandbox Environment"),
    ]
    reading = read_spec(SECTION_SPEC)
    assert reading.base_url("sandbox") is not None and reading.base_url("sandbox").line == 10
    assert reading.base_url("production") is not None and reading.base_url("production").url == "https://api.numbat.test"


def test_section_endpoints_fields_curl_inventory_and_labels() -> None:
    endpoints = read_endpoints(SECTION_SPEC)
    got = [(e.method, e.path, e.line, e.form, e.example) for e in endpoints]
    assert got == [
        ("POST", "/holds", line_of(SECTION_SPEC, "**Endpoint:** `POST /holds`"), "field", False),
        ("POST", "/holds", line_of(SECTION_SPEC, "curl -X POST"), "curl", True),  # example of the stated endpoint
        ("GET", "/holds/{hold_id}", line_of(SECTION_SPEC, "`GET /holds/{hold_id}`"), "field", False),
        ("PATCH", "/holds/{hold_id}", line_of(SECTION_SPEC, "`PATCH /holds/{hold_id}`"), "field", False),
        ("PATCH", "/holds/{hold_id}/release", line_of(SECTION_SPEC, "/release`"), "field", False),
        ("GET", "/holds", line_of(SECTION_SPEC, "`GET /holds`"), "field", False),
        ("POST", "/settlements/{settlement_id}/reversals", line_of(SECTION_SPEC, "- `POST /settlements"), "inventory",
         False),
        ("GET", "/settlements/{settlement_id}/reversals", line_of(SECTION_SPEC, "- `GET /settlements"), "inventory",
         False),
        ("POST", "/holds", line_of(SECTION_SPEC, "**Hold Creation:**"), "list", False),
    ]
    field = endpoints[0]
    assert field.operation == "Place a Hold" and field.heading_line == line_of(SECTION_SPEC, "### 1. Place a Hold")
    assert field.detail.startswith("Places a hold")
    assert endpoints[-1].operation == "Hold Creation" and endpoints[-1].detail == "places a hold"
    assert endpoints[1].url == "https://sandbox.numbat.test/holds"


def test_section_flows_and_true_gaps() -> None:
    flows = read_spec(SECTION_SPEC).flows
    assert flows["authorize"].endpoint is not None
    assert flows["authorize"].endpoint.line == line_of(SECTION_SPEC, "**Endpoint:** `POST /holds`")
    assert flows["authorize"].confidence == "high"
    assert flows["psync"].endpoint is not None and flows["psync"].endpoint.path == "/holds/{hold_id}"
    capture = flows["capture"]
    assert capture.endpoint is not None and capture.endpoint.method == "PATCH"
    assert capture.confidence == "medium"  # "Collect" is not a capture word; the Description says "captures"
    assert flows["cancel"].endpoint is not None and flows["cancel"].endpoint.path == "/holds/{hold_id}/release"
    # Refund and RSync: only inventory paths hint at them, so they are candidates, not matches.
    for flow, anchor in (("refund", "- `POST /settlements"), ("rsync", "- `GET /settlements")):
        match = flows[flow]
        assert not match.matched and match.confidence == "none"
        assert [c.line for c in match.candidates] == [line_of(SECTION_SPEC, anchor)]
        assert "only a path suggests it" in match.reason
        assert line_of(SECTION_SPEC, "**Money back:**") in match.mentions


# ---------------------------------------------------------------------------------------------------------------
# Spec dialect 3: hand-written notes (environment table, prose, code blocks, curl, URL fields, arrow lists)

HAND_SPEC = """\
# Kiwi Gateway integration notes

Environments we were given:

| Environment | Host |
|-------------|------|
| Test | https://test.kiwi.test/api |
| Production | https://kiwi.test/api |

## Taking a payment

To charge a card, send a `POST` request to `/payments`. The response carries `payment_ref`.

## Capturing

```
POST https://test.kiwi.test/api/payments/{payment_ref}/capture
```

## Voiding

- **Request**: `DELETE /payments/{payment_ref}`

## Checking a payment

```sh
curl https://test.kiwi.test/api/payments/pay_123 -u key:
```

## Refunds

- **URL**: `POST https://kiwi.test/api/payments/{payment_ref}/refunds`

## Refund lookup

```
Flow: Refund Sync
GET /refunds/{refund_ref}
```

## Status handling

- `approved` -> `AttemptStatus::Charged`
- `declined` -> `AttemptStatus::Failure`
- `refund_done` -> `RefundStatus::Success`
"""


def test_hand_written_environment_table() -> None:
    bases = read_base_urls(HAND_SPEC)
    assert [(b.environment, b.url, b.line, b.form) for b in bases] == [
        ("sandbox", "https://test.kiwi.test/api", line_of(HAND_SPEC, "| Test |"), "table"),
        ("production", "https://kiwi.test/api", line_of(HAND_SPEC, "| Production |"), "table"),
    ]


def test_hand_written_endpoints() -> None:
    got = [(e.method, e.path, e.line, e.form, e.operation) for e in read_endpoints(HAND_SPEC)]
    assert got == [
        ("POST", "/payments", line_of(HAND_SPEC, "send a `POST` request"), "prose", "Taking a payment"),
        # The base URL's own path (/api) is removed from absolute URLs.
        ("POST", "/payments/{payment_ref}/capture", line_of(HAND_SPEC, "/capture"), "code", "Capturing"),
        ("DELETE", "/payments/{payment_ref}", line_of(HAND_SPEC, "**Request**"), "field", "Voiding"),
        ("GET", "/payments/pay_123", line_of(HAND_SPEC, "curl https"), "curl", "Checking a payment"),
        ("POST", "/payments/{payment_ref}/refunds", line_of(HAND_SPEC, "**URL**"), "field", "Refunds"),
        ("GET", "/refunds/{refund_ref}", line_of(HAND_SPEC, "GET /refunds"), "code", "Refund Sync"),
    ]


def test_hand_written_flows() -> None:
    flows = read_spec(HAND_SPEC).flows
    want = {"authorize": ("send a `POST` request", "medium"), "capture": ("/capture", "high"),
            "cancel": ("**Request**", "high"), "psync": ("curl https", "high"), "refund": ("**URL**", "high"),
            "rsync": ("GET /refunds", "explicit")}  # the block says "Flow: Refund Sync"
    for flow, (anchor, confidence) in want.items():
        match = flows[flow]
        assert match.endpoint is not None, flow
        assert (match.endpoint.line, match.confidence) == (line_of(HAND_SPEC, anchor), confidence), flow


def test_hand_written_status_arrows() -> None:
    got = [(m.connector_status, m.enum, m.target, m.line, m.form) for m in read_spec(HAND_SPEC).status_mappings]
    assert got == [
        ("approved", "AttemptStatus", "Charged", line_of(HAND_SPEC, "`approved`"), "list"),
        ("declined", "AttemptStatus", "Failure", line_of(HAND_SPEC, "`declined`"), "list"),
        ("refund_done", "RefundStatus", "Success", line_of(HAND_SPEC, "`refund_done`"), "list"),
    ]


# ---------------------------------------------------------------------------------------------------------------
# Spec negatives

NEGATIVE_SPEC = """\
# Placeholder Connector Integration Technical Specification

### 1.1 Basic Information
- **Base URL**: {{connector_base_url}}
- **Webhook URL**: https://merchant.test/hooks/kiwi
- **Base URL (Production)**: `https://...`

### 2.1 Payment Operations
| Operation | Method | Endpoint | Purpose |
|-----------|--------|----------|---------|
| Create Payment | GET | /payments | Wrong method for creating anything |
| Capture Authorization | POST | /auths/{id}/capture | Capture a hold |
| Cancel Refund | POST | /refunds/{id}/cancel | Stop a pending refund |

### 2.4 A template leftover
**Endpoint:** `[METHOD] [path]`

```json
{"next": "GET", "path": "/not-an-endpoint"}
```
"""


def test_placeholder_base_urls_are_flagged_not_used() -> None:
    reading = read_spec(NEGATIVE_SPEC)
    got = [(b.line, b.placeholder, b.environment) for b in reading.base_urls]
    assert got == [(line_of(NEGATIVE_SPEC, "- **Base URL**:"), True, "unknown"),
                   (line_of(NEGATIVE_SPEC, "(Production)"), True, "production")]
    assert reading.base_url("sandbox") is None and reading.base_url("live") is None


def test_negative_endpoints_and_flows() -> None:
    reading = read_spec(NEGATIVE_SPEC)
    assert [e.operation for e in reading.endpoints] == ["Create Payment", "Capture Authorization", "Cancel Refund"]
    flows = reading.flows
    assert not flows["authorize"].matched  # GET cannot create; "Capture Authorization" is a capture
    assert flows["capture"].endpoint is not None and flows["capture"].endpoint.path == "/auths/{id}/capture"
    cancel = flows["cancel"]
    assert not cancel.matched  # cancelling a refund is not the void flow, and words beat the path:
    assert cancel.candidates == ()  # `/refunds/{id}/cancel` is not offered as a candidate either
    assert not flows["refund"].matched and not flows["rsync"].matched  # "Stop a pending refund" is no refund


@pytest.mark.parametrize(("text", "flow"), [
    ("Create an Authorization", "authorize"), ("Authorize/Pay", "authorize"), ("Capture an Authorization", "capture"),
    ("Void an Authorization", "cancel"), ("Reverse an authorization", "cancel"), ("Fetch an Authorization", "psync"),
    ("Payment Status Sync", "psync"), ("Get Refund", "rsync"), ("Check refund status", "rsync"),
    ("Create a reversal", "refund"), ("Refund a transfer", "refund"), ("Create Access Token", "access_token"),
    ("Tokenize Card", "tokenization"), ("PreProcess Payment", "preprocessing"), ("List Authorizations", None),
    ("Cancel Refund", None), ("Create checkout session", None), ("Get Token", None), ("Transfers", None), ("", None),
])
def test_classify_operation(text: str, flow: str | None) -> None:
    assert classify_operation(text)[0] == flow


@pytest.mark.parametrize(("label", "env"), [
    ("Sandbox", "sandbox"), ("Live (Production)", "live"), ("Base URL (Sandbox/Test)", "sandbox"),
    ("productionUrl", "production"), ("sandboxUrl", "sandbox"), ("Pre-prod", "sandbox"), ("Base URL", "unknown"),
])
def test_environment_of(label: str, env: str) -> None:
    assert environment_of(label) == env


def test_normalize_path() -> None:
    assert normalize_path("/authorizations/{authorization_id}/") == "/authorizations/{}"
    assert normalize_path("/a/:id/b/<ref>") == "/a/{}/b/{}"


FLOW_COLUMN_SPEC = """\
| Operation | Method | Endpoint | Connector Flow |
|-----------|--------|----------|----------------|
| Start Order | POST | /v2/orders | CreateOrder |
| Start Payment | POST | /v2/payments | Authorize |
| Payment State | GET | /v2/payments/{id} | PSync |
| Money Back | POST | /v2/payments/{id}/refunds | Refund |
"""


def test_flow_column_decides() -> None:
    flows = read_spec(FLOW_COLUMN_SPEC).flows
    assert flows["authorize"].endpoint is not None
    assert (flows["authorize"].endpoint.path, flows["authorize"].confidence) == ("/v2/payments", "explicit")
    assert flows["authorize"].alternatives == ()  # "Start Order" is CreateOrder by its Flow column, not authorize
    assert flows["psync"].confidence == flows["refund"].confidence == "explicit"


def test_absolute_path_joins_the_base_path_once() -> None:
    endpoints = {e.line: e for e in read_endpoints(HAND_SPEC)}
    capture = endpoints[line_of(HAND_SPEC, "/capture")]  # given as an absolute URL
    assert absolute_path(capture) == "/api/payments/{}/capture"
    voiding = endpoints[line_of(HAND_SPEC, "**Request**")]  # relative to the base URL
    assert absolute_path(voiding, "https://test.kiwi.test/api") == "/api/payments/{}"
    assert absolute_path(voiding, "https://test.kiwi.test/") == "/payments/{}"
    [template] = [e for e in read_endpoints(TEMPLATE_SPEC) if e.operation == "Open Charge"]
    assert absolute_path(template, "https://api.wombat.test/v3") == "/v3/charges"


def test_every_guide_flow_gets_an_answer() -> None:
    assert set(read_spec(TEMPLATE_SPEC).flows) == set(FLOWS)
    assert set(read_spec(TEMPLATE_SPEC, ["void", "psync"]).flows) == {"cancel", "psync"}


# ---------------------------------------------------------------------------------------------------------------
# Plans: GRACE planner output, UCS step headings, hand-written

GRACE_PLAN = """\
# Implementation Plan

## Phase 1: Groundwork
- [x] Step 1: Scaffold the Wombat connector
  - **Task**: Generate the module and register it.
  - **Files**:
    - `crates/hyperswitch_connectors/src/connectors/wombatpay.rs`: skeleton
  - **Step Dependencies**: None
  - **User Instructions**:
    1. Run the generator.
    2. Run cargo check.

## Phase 2: Money movement
- [x] Step 2: Implement Authorize flow
  - **Task**: Charge request and response.
- [ ] Step 3: Implement Capture flow
  - **Task**: Settle request.
  - **Status**: Completed and checked against the sandbox
- [X] Step 4: Implement Refund Sync (RSync) flow
  - **Status**: Not started

## Code Review
- [ ] Final Step: Review the connector against the checklist
- [ ] Step 5: [Brief title]
"""


def test_grace_plan_steps() -> None:
    reading = read_plan(GRACE_PLAN)
    got = [(s.line, s.number, s.done, s.form, s.flows) for s in reading.steps]
    assert got == [
        (line_of(GRACE_PLAN, "Step 1:"), "1", True, "checkbox", ()),
        (line_of(GRACE_PLAN, "Step 2:"), "2", True, "checkbox", ("authorize",)),
        (line_of(GRACE_PLAN, "Step 3:"), "3", False, "checkbox", ("capture",)),
        (line_of(GRACE_PLAN, "Step 4:"), "4", True, "checkbox", ("rsync",)),
        (line_of(GRACE_PLAN, "Final Step"), "final", False, "checkbox", ()),
        (line_of(GRACE_PLAN, "Step 5:"), "5", False, "checkbox", ()),
    ]
    assert reading.dialects == ["checkbox"]
    assert reading.steps[0].title == "Scaffold the Wombat connector"
    assert reading.steps[1].section == "Phase 2: Money movement"
    # Numbered sub-instructions inside a step are not steps.
    assert all(s.form == "checkbox" for s in reading.steps)


def test_grace_plan_status_notes_disagreeing_with_the_box() -> None:
    reading = read_plan(GRACE_PLAN)
    step3, step4 = reading.steps[2], reading.steps[3]
    assert [n.line for n in step3.notes] == [line_of(GRACE_PLAN, "**Status**: Completed")]
    assert "unticked" in step3.conflict and str(line_of(GRACE_PLAN, "**Status**: Completed")) in step3.conflict
    assert "ticked" in step4.conflict and step4.notes[0].done is False
    assert [s.number for s in reading.conflicts] == ["3", "4"]
    assert reading.steps[-1].placeholder and not reading.steps[0].placeholder


UCS_PLAN = """\
# Wombat UCS Connector Implementation Plan

## Phase 1: Foundation

#### Step 1.1: Connector skeleton \u2705
- [x] main file
- [x] transformers module

#### Step 1.2: Authorize flow
- [x] request type
- [ ] response type

#### Step 1.3: PSync flow
[\u2705 COMPLETED] PSync: Implemented polling in wombat.rs

## Phase 2: Follow-ups

#### Step 2.1: Void flow
Nothing yet.

## Progress Tracking
- [\u2705 COMPLETED] Capture flow: Implemented settle in wombat.rs
"""


def test_ucs_heading_steps() -> None:
    reading = read_plan(UCS_PLAN)
    got = [(s.line, s.number, s.title, s.done, s.form) for s in reading.steps]
    assert got == [
        (line_of(UCS_PLAN, "Step 1.1"), "1.1", "Connector skeleton", True, "heading"),
        (line_of(UCS_PLAN, "Step 1.2"), "1.2", "Authorize flow", False, "heading"),
        (line_of(UCS_PLAN, "Step 1.3"), "1.3", "PSync flow", True, "heading"),
        (line_of(UCS_PLAN, "Step 2.1"), "2.1", "Void flow", None, "heading"),
        (line_of(UCS_PLAN, "- [\u2705 COMPLETED]"), None, "Capture flow: Implemented settle in wombat.rs", True,
         "checkbox"),
    ]
    assert reading.steps[1].marker == "1/2 sub-items ticked"
    assert reading.steps[-1].flows == ("capture",)
    assert [s.flows for s in reading.steps[:4]] == [(), ("authorize",), ("psync",), ("cancel",)]


HAND_PLAN = """\
# Kiwi plan

## Work items
1. [x] Authorize through POST /payments
2. Capture \u2705
3. ~~Void~~
4. PSync (pending)
5. Refunds \u2014 todo

## Tracking table
| # | Task | Status |
|---|------|--------|
| 6 | Refund sync | Done |
| 7 | Webhooks | Not started |
| 8 | Access token refresh | |

| File | Owner |
|------|-------|
| kiwi.rs | me |

## Extras
- [x] Tokenize cards
- [ ] Pre-processing check

## Notes
1. Ask the PSP for sandbox keys
2. Remember the idempotency header
"""


def test_hand_written_plan() -> None:
    reading = read_plan(HAND_PLAN)
    got = [(s.line, s.number, s.title, s.done, s.form, s.flows) for s in reading.steps]
    assert got == [
        (line_of(HAND_PLAN, "1. [x]"), "1", "Authorize through POST /payments", True, "numbered", ("authorize",)),
        (line_of(HAND_PLAN, "2. Capture"), "2", "Capture", True, "numbered", ("capture",)),
        (line_of(HAND_PLAN, "3. ~~Void"), "3", "Void", True, "numbered", ("cancel",)),
        (line_of(HAND_PLAN, "4. PSync"), "4", "PSync", False, "numbered", ("psync",)),
        (line_of(HAND_PLAN, "5. Refunds"), "5", "Refunds", False, "numbered", ("refund",)),
        (line_of(HAND_PLAN, "| 6 |"), "6", "Refund sync", True, "table", ("rsync",)),
        (line_of(HAND_PLAN, "| 7 |"), "7", "Webhooks", False, "table", ()),
        (line_of(HAND_PLAN, "| 8 |"), "8", "Access token refresh", None, "table", ("access_token",)),
        (line_of(HAND_PLAN, "- [x] Tokenize"), None, "Tokenize cards", True, "checklist", ("tokenization",)),
        (line_of(HAND_PLAN, "- [ ] Pre-processing"), None, "Pre-processing check", False, "checklist",
         ("preprocessing",)),
    ]
    # The Notes list has no statuses and is not under a plan-like heading; the File|Owner table has no status.
    assert line_of(HAND_PLAN, "Ask the PSP") not in {s.line for s in reading.steps}
    assert [s.title for s in reading.step_for("rsync")] == ["Refund sync"]


@pytest.mark.parametrize(("text", "done"), [
    ("Completed with the fixed types", True), ("Done", True), ("\u2705", True), ("Not started", False),
    ("not done", False), ("pending", False), ("Done, tests pending", None), ("waiting on the PSP", None),
])
def test_status_of(text: str, done: bool | None) -> None:
    assert status_of(text) is done


@pytest.mark.parametrize(("title", "flows"), [
    ("Implement PaymentAuthorize connector integration", ("authorize",)),
    ("Implement RefundSync connector integration", ("rsync",)),
    ("Implement RefundExecute connector integration", ("refund",)),
    ("Implement ConnectorCommon trait with authentication", ()),
    ("Define capture and refund structures", ("capture", "refund")),
])
def test_flows_named(title: str, flows: tuple[str, ...]) -> None:
    assert sorted(flows_named(title)) == sorted(flows)
