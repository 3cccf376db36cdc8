"""Reading macro token trees: macro bodies are not parsed into items, so we walk their tokens in order."""

from __future__ import annotations

from collections.abc import Iterator

from ast_grep_py import SgNode


def leaves(node: SgNode) -> Iterator[SgNode]:
    """The leaf tokens under a node, in source order."""
    stack = [node]
    while stack:
        current = stack.pop()
        children = current.children()
        if not children:
            yield current
        else:
            stack.extend(reversed(children))


def generic_args_after(tokens: list[SgNode], start: int) -> tuple[list[str], int]:
    """Read `<A, b::B, C>` starting at tokens[start] == '<'; return the top-level args and the index after '>'."""
    args: list[str] = []
    current: list[str] = []
    depth = 0
    index = start
    while index < len(tokens):
        text = tokens[index].text()
        if text == "<":
            depth += 1
            if depth > 1:
                current.append(text)
        elif text == ">":
            depth -= 1
            if depth == 0:
                args.append("".join(current))
                return [a for a in args if a], index + 1  # a trailing comma leaves an empty arg
            current.append(text)
        elif text == "," and depth == 1:
            args.append("".join(current))
            current = []
        else:
            current.append(text)
        index += 1
    return args, index
