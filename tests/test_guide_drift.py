"""Guide-drift notes say what the guide claims and what the tree has now; each disappears when the tree agrees."""

from __future__ import annotations

from pathlib import Path

from connector_compliance.checks.facts.guide_drift import error_response_note, ext_traits_note, masking_crate_note
from connector_compliance.checks.target.repository import Repository

from .sample_copy import SAMPLE, copy_sample, edit


def test_error_response_note_names_the_added_fields() -> None:
    [note] = error_response_note(Repository(SAMPLE))
    assert "has 11" in note["tree"]
    assert "connector_response_reference_id" in note["tree"] and "connector_metadata" in note["tree"]
    assert "router_data.rs:" in note["tree"]


def test_no_error_response_note_when_the_struct_matches_the_guide(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    rel = "crates/hyperswitch_domain_models/src/router_data.rs"
    text = (root / rel).read_text()
    for field in ("connector_response_reference_id", "connector_metadata"):
        line = next(x for x in text.splitlines() if x.strip().startswith(f"pub {field}:"))
        text = text.replace(line + "\n", "", 1)
    (root / rel).write_text(text)
    assert error_response_note(Repository(root)) == []


def test_ext_traits_note_lists_the_real_extension_traits() -> None:
    [note] = ext_traits_note(Repository(SAMPLE))
    assert "crate::utils::ExtTraits does not exist" in note["tree"]
    assert "BytesExt" in note["tree"] and "ValueExt" in note["tree"]


def test_no_ext_traits_note_when_utils_declares_it(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "hs")
    path = root / "crates/hyperswitch_connectors/src/utils.rs"
    path.write_text(path.read_text() + "\npub trait ExtTraits {}\n")
    assert ext_traits_note(Repository(root)) == []


def test_masking_note_reads_the_connectors_crate_dependencies(tmp_path: Path) -> None:
    [note] = masking_crate_note(Repository(SAMPLE))
    assert "hyperswitch_masking" in note["tree"]
    root = copy_sample(tmp_path / "hs")
    edit(root, "crates/hyperswitch_connectors/Cargo.toml", "hyperswitch_masking = ", "masking = ")
    assert masking_crate_note(Repository(root)) == []
