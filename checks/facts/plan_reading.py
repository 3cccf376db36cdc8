"""Read a GRACE implementation plan, or a hand-written one, into steps with a done / not-done status and a line.

Dialects (DIALECTS.md, "Plans"):
- *checkbox*: GRACE's planner output, `- [x] Step 3: Implement Authorize flow`, also `- [ ] Final Step: …` and the
  UCS marker `- [✅ COMPLETED] Authorize: …`; a `- **Status**: Completed …` sub-bullet is read as a status note and
  a disagreement with the box is reported (`conflict`), never silently resolved.
- *heading*: the UCS planner's `#### Step 1.1: Project Structure Setup` sections; their status comes from a mark in
  the heading (`✅`, `(done)`), a `[✅ COMPLETED]` line, a `**Status**:` note, or their `- [ ]` sub-checklist.
- *table*: `| Step | Task | Status |` rows.
- *numbered* / *checklist*: hand-written `1. [x] Authorize`, `2. Capture ✅`, `3. ~~Void~~`, `- [x] PSync`; used
  when the plan has no Step-lines or Step-headings (then such items are a step's sub-tasks, not steps).

`done` is True, False, or None when the plan states no status for the step. The flows a step names come from
facts/flow_catalog.py's `flows_named_in`, the same words flow selection reads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..facts.flow_catalog import flows_named_in
from ..facts.grace_docs import document
from ..target.fact_cache import fact
from ..target.markdown_doc import HEADING as _HEADING
from ..target.markdown_doc import MarkdownDoc, parse_markdown

if TYPE_CHECKING:
    from ..target.repository import Repository
_BOX = r"\[(?P<mark>[^\]]{0,20})\]"
_STEP_WORDS = r"(?:(?P<final>final)\s+)?step\b\s*(?P<n>\d+(?:\.\d+)*)?"
_CHECKBOX_STEP = re.compile(rf"^(?P<indent>\s*)[-*+]\s+{_BOX}\s*(?:\*\*)?{_STEP_WORDS}\s*(?:\*\*)?\s*"
                            r"[:.\-\u2013\u2014]?\s*(?:\*\*)?\s*(?P<title>.*)$", re.I)
_CHECKBOX = re.compile(rf"^(?P<indent>\s*)[-*+]\s+{_BOX}\s+(?P<title>.+)$")
_HEADING_STEP = re.compile(rf"^(?:(?P<pre>\S+)\s+)?{_STEP_WORDS}\s*[:.\-\u2013\u2014]?\s*(?P<title>.*)$", re.I)
_NUMBERED = re.compile(r"^(?P<n>\d+)[.)]\s+(?P<title>.+)$")
_STATUS_NOTE = re.compile(r"^\s+[-*+]\s+\*\*(?:status|state|progress)\*\*\s*:?\s*(?:\*\*)?\s*:?\s*(?P<text>.+)$",
                          re.I)
_COMPLETED_LINE = re.compile(r"\[\s*(?:\u2705|\u2714\ufe0f?|\u2611)\s*completed?\s*\]", re.I)

_DONE_MARK = re.compile(r"^(?:x|\u2713|\u2714\ufe0f?|\u2705|\u2611)(?:\s*\w+)?$|^(?:\u2705\s*)?completed?$|^done$",
                        re.I)
_OPEN_MARK = re.compile(r"^(?:\s*|-|~|/|\u2610|\u2b1c|wip|todo|pending|in progress)$", re.I)
_DONE_WORDS = re.compile(r"\u2705|\u2714|\u2611|\u2713|\b(?:done|completed?|finished|implemented|merged|yes)\b", re.I)
_OPEN_WORDS = re.compile(r"\u274c|\u2b1c|\u2610|\u23f3|\[\s\]|\b(?:todo|to do|pending|not (?:yet )?(?:started|done|"
                         r"implemented|complete(?:d)?)|in progress|wip|open|blocked|incomplete|no)\b", re.I)
_PLANNISH = re.compile(r"\bsteps?\b|\bplan\b|\btasks?\b|\bphases?\b|\btodo\b|\bchecklist\b|\bmilestones?\b|"
                       r"\bimplementation\b|\bprogress\b", re.I)


@dataclass(frozen=True)
class StatusNote:
    line: int
    text: str
    done: bool | None


@dataclass(frozen=True)
class PlanStep:
    line: int
    number: str | None  # "3", "1.1", "final"; None when the dialect does not number steps
    title: str
    done: bool | None
    marker: str  # the raw status evidence: "x", " ", "✅ COMPLETED", "Done", "~~strike~~", ""
    form: str  # checkbox | heading | table | numbered | checklist
    section: str  # the nearest heading above (for a heading step: the one above it)
    notes: tuple[StatusNote, ...] = ()
    conflict: str = ""  # why the box and a status note disagree, else ""
    flows: tuple[str, ...] = ()
    placeholder: bool = False  # a template leftover: `[Brief title]`, `{{…}}`


@dataclass
class PlanReading:
    steps: list[PlanStep]
    dialects: list[str] = field(default_factory=list)  # the forms found, most steps first

    @property
    def done(self) -> list[PlanStep]:
        return [s for s in self.steps if s.done is True]

    @property
    def pending(self) -> list[PlanStep]:
        return [s for s in self.steps if s.done is False]

    @property
    def conflicts(self) -> list[PlanStep]:
        return [s for s in self.steps if s.conflict]

    def step_for(self, flow: str) -> list[PlanStep]:
        return [s for s in self.steps if flow in s.flows]


def status_of(text: str) -> bool | None:
    """A free-text status: `Completed with …` -> True, `Pending` / `❌` -> False, else None."""
    stripped = text.strip()
    if not stripped:
        return None
    opened = _OPEN_WORDS.search(stripped)
    done = _DONE_WORDS.search(stripped)
    if opened and done:
        if opened.start() <= done.start() < opened.end():
            return False  # "not done", "not completed"
        return None  # "Done, tests pending": mixed, say so rather than guess
    if done:
        return True
    if opened:
        return False
    return None


def _mark_status(mark: str) -> bool | None:
    mark = mark.strip()
    if _DONE_MARK.match(mark) or _COMPLETED_LINE.match(f"[{mark}]"):
        return True
    if _OPEN_MARK.match(mark):
        return False
    return status_of(mark)


def _clean(text: str) -> str:
    text = re.sub(r"(\*\*|__|`)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _placeholder(title: str) -> bool:
    return bool(re.fullmatch(r"\[[^\]]*\]", title.strip())) or "{{" in title or not title.strip()


def _inline_status(title: str) -> tuple[bool | None, str, str]:
    """(done, marker, title without it) for a hand-written item: `[x] Capture`, `Capture ✅`, `~~Void~~ (done)`."""
    box = re.match(rf"^{_BOX}\s*(?P<rest>.*)$", title)
    if box:
        return _mark_status(box.group("mark")), box.group("mark"), box.group("rest")
    struck = re.fullmatch(r"~~(?P<body>.+?)~~\s*(?P<tail>.*)", title)
    if struck:
        return True, "~~strike~~", struck.group("body") + (" " + struck.group("tail") if struck.group("tail") else "")
    tail = re.search(r"\s*(?:[-\u2013\u2014:]\s*|\(|\[)?(?P<mark>\u2705|\u2714\ufe0f?|\u2611|\u274c|\u2b1c|\u23f3|"
                     r"\b(?:done|completed?|todo|pending|in progress|not started|wip)\b)\)?\]?\.?\s*$", title, re.I)
    if tail:
        return status_of(tail.group("mark")), tail.group("mark"), title[:tail.start()]
    return None, "", title


def flows_named(title: str) -> tuple[str, ...]:
    return tuple(flows_named_in(title))


def read_plan(text: str) -> PlanReading:
    return read_plan_doc(parse_markdown(text))


@fact
def plan_reading(repo: Repository, rel: str) -> PlanReading:
    """The plan at `rel`, read once per run (flow selection and the preparation rules share it)."""
    return read_plan_doc(document(repo, rel))


def read_plan_doc(doc: MarkdownDoc) -> PlanReading:
    raw = doc.lines
    code = doc.code_lines
    headings = [(h.line, h.level, _clean(h.text)) for h in doc.headings]
    sections: dict[int, str] = {}
    for number in range(1, len(raw) + 1):
        nearest = doc.heading_at(number)
        if nearest is not None and nearest.line == number:  # a heading's section is the one above it
            nearest = doc.heading_at(number - 1)
        sections[number] = _clean(nearest.text) if nearest is not None else ""

    def prose(number: int) -> bool:
        return number not in code

    steps: list[PlanStep] = []
    # 1. GRACE planner lines: `- [x] Step N: title`.
    checkbox_lines = {n for n, line in enumerate(raw, start=1)
                      if prose(n) and _CHECKBOX_STEP.match(line) and len(_CHECKBOX_STEP.match(line)["indent"]) <= 1}
    for number in sorted(checkbox_lines):
        match = _CHECKBOX_STEP.match(raw[number - 1])
        assert match is not None
        title = _clean(match["title"])
        steps.append(_with_notes(PlanStep(number, "final" if match["final"] else match["n"], title,
                                          _mark_status(match["mark"]), match["mark"], "checkbox",
                                          sections.get(number, ""), flows=flows_named(title),
                                          placeholder=_placeholder(title)), raw, number, code))
    # 1b. The UCS marker without the word Step: `- [✅ COMPLETED] Authorize flow: Implemented … in …`.
    for number, line in enumerate(raw, start=1):
        match = _CHECKBOX.match(line)
        if (prose(number) and number not in checkbox_lines and match and len(match["indent"]) <= 1
                and _COMPLETED_LINE.match(f"[{match['mark']}]")):
            title = _clean(match["title"])
            steps.append(PlanStep(number, None, title, True, match["mark"], "checkbox", sections.get(number, ""),
                                  flows=flows_named(title.split(":")[0])))
            checkbox_lines.add(number)
    # 2. Step headings: `#### Step 1.1: Project Structure Setup`.
    heading_steps = []
    for index, (number, level, heading_text) in enumerate(headings):
        match = _HEADING_STEP.match(heading_text)
        if match is None or not (match["n"] or match["final"]):
            continue
        end = next((n for n, lvl, _ in headings[index + 1:] if lvl <= level), len(raw) + 1)
        heading_steps.append(number)
        steps.append(_heading_step(number, match, raw, end, code, sections.get(number, "")))
    # 3. Tables with a task column and a status column.
    steps.extend(_table_steps(raw, code, sections))
    # 4. Hand-written lists, only when the plan has no Step-lines or Step-headings.
    if not checkbox_lines and not heading_steps:
        steps.extend(_list_steps(raw, code, sections))
    steps.sort(key=lambda s: s.line)
    forms: dict[str, int] = {}
    for step in steps:
        forms[step.form] = forms.get(step.form, 0) + 1
    return PlanReading(steps, sorted(forms, key=lambda f: -forms[f]))


def _body(raw: Sequence[str], start: int, end: int) -> list[tuple[int, str]]:
    return [(n, raw[n - 1]) for n in range(start + 1, min(end, len(raw) + 1))]


def _with_notes(step: PlanStep, raw: Sequence[str], number: int, code: set[int]) -> PlanStep:
    """Attach `- **Status**: …` sub-bullets (up to the next step-level item) and flag a disagreement with the box."""
    notes = []
    for n in range(number + 1, len(raw) + 1):
        line = raw[n - 1]
        if n in code:
            continue
        if line.strip() and (not line.startswith((" ", "\t")) or _HEADING.match(line)):
            break
        note = _STATUS_NOTE.match(line)
        if note:
            notes.append(StatusNote(n, _clean(note["text"]), status_of(note["text"])))
    conflict = ""
    for note in notes:
        if note.done is not None and step.done is not None and note.done != step.done:
            box = "ticked" if step.done else "unticked"
            conflict = (f"the box is {box} but the status note at line {note.line} says "
                        f"{'done' if note.done else 'not done'} ({note.text!r})")
            break
    return PlanStep(step.line, step.number, step.title, step.done, step.marker, step.form, step.section,
                    tuple(notes), conflict, step.flows, step.placeholder)


def _heading_step(number: int, match: re.Match[str], raw: Sequence[str], end: int, code: set[int],
                  section: str) -> PlanStep:
    title = _clean(match["title"])
    done: bool | None = None
    marker = ""
    pre = match["pre"] or ""
    inline_done, inline_mark, stripped = _inline_status(title)
    if pre and _mark_status(pre.strip("[]")) is not None and re.search(r"[\[\u2705\u2714\u2611\u274c\u2b1c]", pre):
        done, marker = _mark_status(pre.strip("[]")), pre
    elif inline_done is not None:
        done, marker, title = inline_done, inline_mark, _clean(stripped)
    notes: list[StatusNote] = []
    boxes: list[bool | None] = []
    completed_line = 0
    for n, line in _body(raw, number, end):
        if n in code:
            continue
        if _COMPLETED_LINE.search(line) and not re.search(r"format|will add", line, re.I):
            completed_line = completed_line or n
        note = _STATUS_NOTE.match(" " + line.lstrip()) if re.match(r"^\s*[-*+]\s+\*\*status", line, re.I) else None
        if note:
            notes.append(StatusNote(n, _clean(note["text"]), status_of(note["text"])))
        box = _CHECKBOX.match(line)
        if box:
            boxes.append(_mark_status(box["mark"]))
    if done is None and completed_line:
        done, marker = True, "\u2705 COMPLETED"
    if done is None and notes and notes[0].done is not None:
        done, marker = notes[0].done, notes[0].text
    if done is None and boxes:
        done = all(b is True for b in boxes)
        marker = f"{sum(b is True for b in boxes)}/{len(boxes)} sub-items ticked"
    conflict = ""
    if boxes and done is True and not all(b is True for b in boxes) and marker != "" and "sub-items" not in marker:
        conflict = (f"marked done ({marker!r}) but {sum(b is not True for b in boxes)} of {len(boxes)} "
                    f"sub-items are unticked")
    return PlanStep(number, "final" if match["final"] else match["n"], title, done, marker, "heading", section,
                    tuple(notes), conflict, flows_named(title), _placeholder(title))


def _cells(line: str) -> list[str]:
    body = line.strip().strip("|")
    return [_clean(c) for c in body.split("|")]


def _table_steps(raw: Sequence[str], code: set[int], sections: dict[int, str]) -> list[PlanStep]:
    steps: list[PlanStep] = []
    number = 1
    while number < len(raw):
        line, nxt = raw[number - 1], raw[number]
        if (number in code or not line.lstrip().startswith("|")
                or not re.fullmatch(r"\s*\|?[\s:|-]+\|?\s*", nxt) or "-" not in nxt):
            number += 1
            continue
        headers = [h.lower() for h in _cells(line)]
        status_col = next((i for i, h in enumerate(headers) if re.search(r"status|done|state|complete|progress", h)),
                          None)
        task_col = next((i for i, h in enumerate(headers) if i != status_col
                         and re.search(r"task|title|description|item|work|flow|step name|what", h)), None)
        step_col = next((i for i, h in enumerate(headers) if i not in (status_col, task_col)
                         and re.fullmatch(r"step|#|no\.?|n|id|step #", h)), None)
        if task_col is None and step_col is not None:
            task_col, step_col = step_col, None
        row = number + 2
        while row <= len(raw) and raw[row - 1].lstrip().startswith("|"):
            if status_col is not None and task_col is not None:
                cells = _cells(raw[row - 1])
                status = cells[status_col] if status_col < len(cells) else ""
                title = cells[task_col] if task_col < len(cells) else ""
                step_no = cells[step_col] if step_col is not None and step_col < len(cells) else None
                if title:
                    steps.append(PlanStep(row, step_no or None, title, status_of(status) if status else None, status,
                                          "table", sections.get(row, ""), flows=flows_named(title),
                                          placeholder=_placeholder(title)))
            row += 1
        number = row
    return steps


def _list_steps(raw: Sequence[str], code: set[int], sections: dict[int, str]) -> list[PlanStep]:
    """Top-level numbered items and checkboxes; a run of numbered items counts when one of them carries a status or
    the section reads like a plan."""
    steps: list[PlanStep] = []
    run: list[tuple[int, str, str]] = []  # (line, number, title)

    def flush() -> None:
        parsed = [(n, no, *_inline_status(title)) for n, no, title in run]
        if parsed and (any(p[2] is not None for p in parsed) or _PLANNISH.search(sections.get(parsed[0][0], ""))):
            for n, no, done, marker, title in parsed:
                cleaned = _clean(title)
                steps.append(PlanStep(n, no, cleaned, done, marker, "numbered", sections.get(n, ""),
                                      flows=flows_named(cleaned), placeholder=_placeholder(cleaned)))
        run.clear()

    for n, line in enumerate(raw, start=1):
        if n in code:
            continue
        numbered = _NUMBERED.match(line)
        box = _CHECKBOX.match(line)
        if numbered:
            run.append((n, numbered["n"], numbered["title"]))
            continue
        if line.strip() and not line.startswith((" ", "\t")):
            flush()
        if box and not box["indent"]:
            title = _clean(box["title"])
            steps.append(PlanStep(n, None, title, _mark_status(box["mark"]), box["mark"], "checklist",
                                  sections.get(n, ""), flows=flows_named(title), placeholder=_placeholder(title)))
    flush()
    return steps
